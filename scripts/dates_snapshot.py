#!/usr/bin/env python3
"""Write `factlint dates --format json` of every TimeBank document into one file, to
check that a speed change leaves every expression and value as it was:
  scripts/dates_snapshot.py OUT.jsonl && diff OUT.jsonl OTHER.jsonl"""
import json
import subprocess
import sys
import tempfile

out = open(sys.argv[1], "w")
binary = sys.argv[2] if len(sys.argv) > 2 else "target/release/factlint"
for line in open("/work/shared/corpus/timex-train.jsonl", encoding="utf-8"):
    d = json.loads(line)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write(d["text"])
    p = subprocess.run([binary, "dates", "--format", "json", "--date", d["dct"], f.name], capture_output=True, text=True)
    h = subprocess.run([binary, "dates", "--date", d["dct"], f.name], capture_output=True, text=True)
    listing = h.stdout.split("\n", 1)[-1]
    out.write(json.dumps({"id": d["id"], "out": json.loads(p.stdout)["expressions"], "listing": listing}) + "\n")

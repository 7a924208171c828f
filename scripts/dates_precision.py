#!/usr/bin/env python3
"""Run the date rules over annotated news with each article's own publication date and
count findings per rule: the consistency rules must stay quiet on published news.

  scripts/dates_precision.py [--bin target/release/factlint] [--show N]

Corpora are read from /work/shared/corpus at run time: PolNeAR (attribution-train.jsonl,
field "date") and TimeBank/AQUAINT (timex-train.jsonl, field "dct")."""
import argparse
import collections
import json
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor

CORPORA = [("/work/shared/corpus/attribution-train.jsonl", "date"), ("/work/shared/corpus/timex-train.jsonl", "dct")]


def run(binary, d, key):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(d["text"])
    cmd = [binary, "check", "--select", "dates", "--format", "json"]
    if d.get(key):
        cmd += ["--date", d[key]]
    p = subprocess.run(cmd + [f.name], capture_output=True, text=True)
    try:
        out = json.loads(p.stdout)
    except json.JSONDecodeError:
        return d["id"], [("error", p.stderr[-200:])]
    files = out if isinstance(out, list) else out.get("files", [out])
    found = []
    for fl in files:
        for x in fl.get("findings", []) if isinstance(fl, dict) else []:
            found.append((x.get("rule"), x.get("message")))
    return d["id"], found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/factlint")
    ap.add_argument("--show", type=int, default=20)
    args = ap.parse_args()
    for path, key in CORPORA:
        docs = [json.loads(line) for line in open(path, encoding="utf-8")]
        seen, uniq = set(), []
        for d in docs:
            if d["text"] not in seen:
                seen.add(d["text"])
                uniq.append(d)
        with ThreadPoolExecutor(4) as ex:
            res = list(ex.map(lambda d: run(args.bin, d, key), uniq))
        c = collections.Counter(r for _, fs in res for r, _ in fs)
        print(f"{path.rsplit('/', 1)[-1]}: {len(uniq)} articles, findings per rule: {dict(c) or 'none'}")
        n = 0
        for i, fs in res:
            for r, m in fs:
                if n < args.show:
                    print(f"   {i}: {r}: {m}")
                    n += 1


if __name__ == "__main__":
    main()

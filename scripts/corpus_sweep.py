#!/usr/bin/env python3
"""Run check, sources and dates on every article of both corpora and report any exit
other than 0 or 1 (a panic or an input error on real news). Reads ../shared at run time.

  python3 scripts/corpus_sweep.py [--bin target/release/factlint] [--shared ../shared]
"""
import argparse
import json
import os
import subprocess
import tempfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/factlint")
    ap.add_argument("--shared", default="../shared")
    a = ap.parse_args()
    corpora = [("corpus/timex-train.jsonl", "dct"), ("corpus/attribution-train.jsonl", "date")]
    bad = runs = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "article.txt")
        for name, key in corpora:
            for i, line in enumerate(open(os.path.join(a.shared, name), encoding="utf-8")):
                d = json.loads(line)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(d["text"])
                for cmd in (["check", "--format", "concise"], ["sources", "--format", "json"], ["dates", "--format", "json"]):
                    runs += 1
                    p = subprocess.run([a.bin] + cmd + ["--date", d[key][:10], path], capture_output=True)
                    if p.returncode not in (0, 1):
                        bad += 1
                        print(f"{name}:{i} {cmd[0]} exit {p.returncode}: {p.stderr.decode()[-300:]}")
    print(f"{runs} runs, {bad} failures")


if __name__ == "__main__":
    main()

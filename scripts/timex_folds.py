#!/usr/bin/env python3
"""Score `factlint dates` on folds of the TimeBank corpus (cross-validation discipline).

  scripts/timex_folds.py [--corpus PATH] [--folds 4] [--only 0,2] [--errors N] [--errfold K] [--notation]

Documents are assigned to fold (index % folds). Prints strict/relaxed/value F1 per fold and
on all documents. `--errors N --errfold K` prints value errors of fold K only (develop on
some folds, check the others). Reads the corpus from /work/shared at run time; uses the
scorer's own matching code so the figures equal factlint_eval.py's.
"""
import argparse
import json
import os
import re
import sys
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, "/work/shared/eval")
import factlint_eval as fe  # noqa: E402


def notation(v):
    """One spelling for values that mean the same: ISO week numbers with or without the
    leading zero (AQUAINT writes 2000-W7), a decade as 199 or 199X, midnight as T24 or T24:00."""
    if not v:
        return v
    v = re.sub(r"-W(\d)(?!\d)", r"-W0\1", v)
    v = re.sub(r"^(\d{3})X$", r"\1", v)
    v = re.sub(r"T(\d\d)$", r"T\1:00", v)
    return v


def score(docs, binary, norm=False):
    def one(d):
        out, _ = fe.run_factlint(binary, "dates", d["text"], d["dct"])
        return d, out

    with ThreadPoolExecutor(4) as ex:
        results = list(ex.map(one, docs))
    rows = []
    for d, out in results:
        t = fe.byte_to_char(d["text"])
        s = []
        for e in out.get("expressions", []):
            c = fe.conv(e, t)
            c["value"], c["type"] = e.get("value"), e.get("type")
            s.append(c)
        g = d["timexes"]
        strict = len({(x["start"], x["end"]) for x in g} & {(x["start"], x["end"]) for x in s})
        pairs = fe.match(g, s)
        same = (lambda a, b: notation(a) == notation(b)) if norm else (lambda a, b: a == b)
        errs = [(d["id"], d["dct"], gx["text"], gx["value"], sx["value"]) for gx, sx in pairs if not same(gx["value"], sx["value"])]
        missed = [gx["text"] for gx in g if all(gx is not p[0] for p in pairs)]
        extra = [d["text"][sx["start"]:sx["end"]] + " = " + str(sx["value"]) for sx in s if all(sx is not p[1] for p in pairs)]
        rows.append(dict(ng=len(g), ns=len(s), strict=strict, relaxed=len(pairs),
                         val=len(pairs) - len(errs), errs=errs, missed=missed, extra=extra))
    return rows


def figures(rows):
    ng = sum(r["ng"] for r in rows)
    ns = sum(r["ns"] for r in rows)
    out = []
    for k in ("strict", "relaxed", "val"):
        _, _, f = fe.prf(sum(r[k] for r in rows), ns, ng)
        out.append(100 * f)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="/work/shared/corpus/timex-train.jsonl")
    ap.add_argument("--bin", default="target/release/factlint")
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--errfold", default="", help="folds whose errors to print, e.g. 0,1 (default all)")
    ap.add_argument("--below", type=int, default=0, help="print errors only of docs with index below this")
    ap.add_argument("--missed", action="store_true", help="also print missed gold expressions")
    ap.add_argument("--notation", action="store_true",
                    help="count values that differ only in notation (W7/W07, 199X/199, T24/T24:00) as equal")
    args = ap.parse_args()
    docs = [json.loads(l) for l in open(args.corpus, encoding="utf-8")]
    rows = score(docs, args.bin, args.notation)
    print(f"{'set':10s} {'strict':>7s} {'relaxed':>7s} {'value':>7s}")
    for k in range(args.folds):
        sub = [r for i, r in enumerate(rows) if i % args.folds == k]
        print(f"fold {k}/{args.folds:<3d} " + " ".join(f"{x:7.2f}" for x in figures(sub)))
    dev = [r for i, r in enumerate(rows) if i < 200]
    print(f"{'docs 0-199':10s} " + " ".join(f"{x:7.2f}" for x in figures(dev)))
    held = [r for i, r in enumerate(rows) if i >= 200]
    print(f"{'docs 200+':10s} " + " ".join(f"{x:7.2f}" for x in figures(held)))
    print(f"{'all':10s} " + " ".join(f"{x:7.2f}" for x in figures(rows)))
    if args.errors or args.missed:
        n = 0
        for i, r in enumerate(rows):
            if args.errfold and str(i % args.folds) not in args.errfold.split(","):
                continue
            if args.below and i >= args.below:
                continue
            for e in r["errs"]:
                if n < args.errors:
                    print("   value error:", i, e)
                    n += 1
            if args.missed:
                for m in r["missed"]:
                    print("   missed:", i, m)
                for m in r["extra"]:
                    print("   spurious:", i, m)


if __name__ == "__main__":
    main()

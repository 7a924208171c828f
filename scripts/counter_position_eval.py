#!/usr/bin/env python3
"""Measure the counter-position check on PolNeAR articles (no gold exists for this check).

  python3 scripts/counter_position_eval.py [--limit 200] [--offset 0] [--bin target/release/factlint]
         [--corpus ../shared/corpus/attribution-train.jsonl] [--flags flags.txt] [--sample 30]

Reads the corpus at run time (never copied into the project). Reports:
  * assertions found (by kind) and how many the default rules flag (warning) or call far (info);
  * --flags FILE: every warning with its context (the paragraph before and two after), and a
    deterministic sample of --sample of them marked for inspection by hand;
  * removed-response catch rate: for each assertion answered by a response outside its own
    sentence, delete the response's sentence and check that the assertion is now flagged
    (warning or info);
  * moved-response rate: move that sentence to a new last paragraph, far away, and check that
    the assertion is flagged (warning, or info when the moved response still shares its topic).
"""
import argparse
import collections
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.join(HERE, "..", "..", "shared", "corpus", "attribution-train.jsonl")


def run(binary, args, text):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(text)
        path = f.name
    try:
        p = subprocess.run([binary] + args + [path], capture_output=True)
    finally:
        os.unlink(path)
    if p.returncode not in (0, 1):
        raise SystemExit(f"factlint failed: {p.stderr.decode('utf-8', 'replace')[-300:]}")
    return json.loads(p.stdout)


def analyse(binary, text):
    """(disputes, {assertion start -> rule}) of a text; offsets are bytes into `text`."""
    src = run(binary, ["sources", "--format", "json"], text)
    chk = run(binary, ["check", "--select", "counter-position", "--format", "json"], text)
    flags = {}
    for f in chk["files"][0]["findings"]:
        if f["rule"].startswith("counter-position/") and f["rule"] != "counter-position/alleged-needs-response":
            flags.setdefault(f["start"], f["rule"])
    return src.get("disputes", []), flags


def paragraphs_around(text_b, start, before=1, after=2):
    """The paragraph holding byte `start`, with `before` / `after` neighbours."""
    text = text_b.decode("utf-8", "replace")
    paras, pos = [], 0
    for chunk in text.split("\n\n"):
        b = len(chunk.encode("utf-8"))
        if chunk.strip():
            paras.append((pos, pos + b, chunk.strip()))
        pos += b + 2
    idx = next((i for i, p in enumerate(paras) if p[0] <= start < p[1] + 2), 0)
    lo, hi = max(0, idx - before), min(len(paras), idx + after + 1)
    return [("  >> " if i == idx else "     ") + paras[i][2][:400] for i in range(lo, hi)]


def assertion_key(d):
    return (d["cue"]["text"], d["target_name"], d["assertion"]["text"][:60])


def gold(binary):
    """Each gold passage: present must be clean, removed and moved must be flagged."""
    import glob
    base = os.path.join(HERE, "..", "fixtures", "counter-position")
    counts = collections.Counter()
    for path in sorted(glob.glob(os.path.join(base, "gold-*-present.txt"))):
        name = os.path.basename(path)[len("gold-"):-len("-present.txt")]
        for variant in ("present", "removed", "moved"):
            text = open(os.path.join(base, f"gold-{name}-{variant}.txt"), encoding="utf-8").read()
            _, flags = analyse(binary, text)
            rules = sorted(set(flags.values()))
            ok = (not rules) if variant == "present" else bool(rules)
            counts[(variant, ok)] += 1
            print(f"{'ok ' if ok else 'BAD'} {variant:8} {name:24} {', '.join(rules) or '-'}")
    for variant in ("present", "removed", "moved"):
        good, total = counts[(variant, True)], counts[(variant, True)] + counts[(variant, False)]
        what = "clean" if variant == "present" else "flagged"
        print(f"{variant}: {what} {good}/{total}")
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--bin", default="target/release/factlint")
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--offset", type=int, default=0, help="skip this many articles first")
    ap.add_argument("--flags", default=None, help="write every flag with context here")
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--gold", action="store_true",
                    help="score the gold passages in fixtures/counter-position/gold-*-{present,removed,moved}.txt")
    a = ap.parse_args()
    if a.gold:
        return gold(a.bin)

    rows = []
    with open(a.corpus, encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n < a.offset:
                continue
            rows.append(json.loads(line))
            if len(rows) >= a.limit:
                break

    kinds = collections.Counter()
    status = collections.Counter()
    rules = collections.Counter()
    flag_records = []
    removed = collections.Counter()
    moved = collections.Counter()
    misses = []
    for i, row in enumerate(rows):
        text = row["text"]
        tb = text.encode("utf-8")
        disputes, flags = analyse(a.bin, text)
        for d in disputes:
            kinds[d["kind"]] += 1
            status[d["status"]] += 1
            rule = flags.get(d["assertion"]["start"])
            if rule:
                rules[rule] += 1
            if rule == "counter-position/accusation-needs-response":
                flag_records.append((i, row["id"], d, paragraphs_around(tb, d["assertion"]["start"])))
        # Perturb each answered assertion whose response is outside its own sentence.
        for d in disputes:
            r = d.get("response")
            if d["status"] != "answered" or r is None:
                continue
            if r["sentence"]["start"] == d["assertion"]["start"]:
                removed["same sentence (not removable)"] += 1
                continue
            s, e = r["sentence"]["start"], r["sentence"]["end"]
            without = (tb[:s] + tb[e:]).decode("utf-8", "replace")
            after, _ = analyse(a.bin, without)
            match = [x for x in after if assertion_key(x) == assertion_key(d)]
            caught = bool(match) and match[0]["status"] != "answered"
            removed["caught" if caught else "missed"] += 1
            if not caught:
                still = match[0]["response"]["sentence"]["text"][:160] if match and match[0]["response"] else "(assertion lost)"
                misses.append((i, d["assertion"]["text"][:160], r["sentence"]["text"][:160], still))
            far = (tb[:s] + tb[e:]).rstrip() + b"\n\n" + tb[s:e] + b"\n"
            far_t = far.decode("utf-8", "replace")
            after, _ = analyse(a.bin, far_t)
            match = [x for x in after if assertion_key(x) == assertion_key(d)]
            moved[(match[0]["status"] if match else "lost")] += 1

    print(f"articles: {len(rows)}")
    print(f"assertions found: {sum(kinds.values())} ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))})")
    print(f"status with the default window: {dict(sorted(status.items()))}")
    print(f"flags: {dict(sorted(rules.items()))}")
    total = removed["caught"] + removed["missed"]
    if total:
        print(f"removed response caught: {removed['caught']}/{total} = {100 * removed['caught'] / total:.1f}%"
              f"  (+{removed['same sentence (not removable)']} answered in their own sentence, not perturbed)")
    mt = sum(moved.values())
    if mt:
        flagged = moved["missing"] + moved["far"]
        print(f"response moved to the end: flagged {flagged}/{mt} = {100 * flagged / mt:.1f}% {dict(moved)}")
    if misses:
        print("\nremoved-response misses (assertion | removed response | response found instead):")
        for m in misses:
            print(f"  [{m[0]}] {m[1]}\n       removed: {m[2]}\n       instead: {m[3]}")
    if a.flags:
        rnd = random.Random(a.seed)
        sample = set(rnd.sample(range(len(flag_records)), min(a.sample, len(flag_records))))
        with open(a.flags, "w", encoding="utf-8") as out:
            for n, (i, rid, d, ctx) in enumerate(flag_records):
                mark = "SAMPLE" if n in sample else "      "
                out.write(f"#{n} {mark} article {i} {rid}\n  {d['kind']} against {d['target_name']!r}"
                          f" (cue {d['cue']['text']!r})\n")
                out.write("\n".join(ctx) + "\n\n")
        print(f"\nflags with context written to {a.flags} ({len(sample)} marked SAMPLE)")


if __name__ == "__main__":
    sys.exit(main())

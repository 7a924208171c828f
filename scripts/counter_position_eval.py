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

  python3 scripts/counter_position_eval.py --corpus ../shared/corpus/timex-train.jsonl [--corpus-kind timex]

runs on the TimeBank / AQUAINT articles (fields `text`, `dct`; detected automatically when the rows
carry a `dct`): each article is written as a seed-style input (`date <dct> <id>`, an outlet line
with the corpus name, then the body; PTB-style ``quotes'' become curly quotes), so the dateline
is the document creation time. Offsets and contexts in --flags refer to that written text.

  python3 scripts/counter_position_eval.py --gold

scores the gold passages: the synthetic fixtures (fixtures/counter-position/gold-*-{present,removed,
moved}.txt, short excerpts) and the corpus gold (fixtures/counter-position/corpus-gold.json: real
PolNeAR articles read from the corpus at run time, each with a hand-checked assertion and every
sentence or clause of the article that answers it, stored as short anchors, never as text).
For each corpus item: the article as is must not flag the assertion; with every listed response
removed it must be flagged; with the responses moved to a new paragraph after three filler
paragraphs at the end it must be flagged (response-far when the moved response is still found).
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


EXTRA = []  # e.g. ["--rules", DIR] (--rules on the command line)


def run(binary, args, text):
    if args and args[0] == "check":
        args = args[:1] + EXTRA + args[1:]
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


def timex_input(row):
    """A TimeBank / AQUAINT row as a seed-style factlint input (dateline from `dct`)."""
    body = row["text"].replace("``", "\u201c").replace("''", "\u201d").strip("\n")
    return f"date {row['dct'][:10]} {row['id']}\n\n{row.get('corpus', 'TimeML')}\n\n{body}\n"


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


ABBREV = ("Mr", "Mrs", "Ms", "Dr", "Sen", "Gov", "Rep", "St", "Jr", "Gen", "Lt", "Col", "Inc", "Co", "No",
          "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "U.S", "U.N", "a.m", "p.m", "Ind", "Calif", "Fla")


def sentence_end(text, start):
    """End (exclusive, with trailing spaces) of the sentence starting at `start`."""
    i = start
    while i < len(text):
        c = text[i]
        if c == "\n" and i + 1 < len(text) and text[i + 1] == "\n":
            return i
        if c in ".!?":
            j = i + 1
            while j < len(text) and text[j] in "\"'”’":
                j += 1
            if j >= len(text) or text[j] in " \n":
                word = text[:i].rsplit(None, 1)[-1] if text[:i].strip() else ""
                word = word.lstrip("(\"“")
                if not (word in ABBREV or (len(word) == 1 and word.isupper())):
                    while j < len(text) and text[j] == " ":
                        j += 1
                    return j
            i = j
            continue
        i += 1
    return len(text)


def response_spans(text, item):
    """(start, end, moved_text) of every listed response of a corpus-gold item."""
    out = []
    for r in item["responses"]:
        if "sentence" in r:
            s = text.index(r["sentence"])
            e = sentence_end(text, s)
            out.append((s, e, text[s:e].strip()))
        else:
            s = text.index(r["clause"])
            out.append((s, s + len(r["clause"]), r["moved"]))
    return sorted(out)


def flag_at(binary, text, anchor):
    """The counter-position rule flagging the sentence holding `anchor`, or None."""
    pos = len(text[: text.index(anchor)].encode("utf-8"))
    chk = run(binary, ["check", "--select", "counter-position", "--format", "json"], text)
    for f in chk["files"][0]["findings"]:
        if f["rule"] in ("counter-position/accusation-needs-response", "counter-position/response-far") \
                and f["start"] <= pos < f["end"]:
            return f["rule"]
    return None


FILLER = "\n\n".join(["(Filler paragraph one.)", "(Filler paragraph two.)", "(Filler paragraph three.)"])


def corpus_gold(binary, corpus, verbose):
    items = json.load(open(os.path.join(HERE, "..", "fixtures", "counter-position", "corpus-gold.json"), encoding="utf-8"))
    rows = {}
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            rows[row["id"]] = row["text"]
    counts = collections.Counter()
    for it in items:
        text = rows[it["id"]]
        spans = response_spans(text, it)
        removed = text
        for s, e, _ in reversed(spans):
            removed = removed[:s] + removed[e:]
        moved = removed.rstrip() + "\n\n" + FILLER + "\n\n" + " ".join(m for _, _, m in spans) + "\n"
        res = {
            "present": flag_at(binary, text, it["assertion"]),
            "removed": flag_at(binary, removed, it["assertion"]),
            "moved": flag_at(binary, moved, it["assertion"]),
        }
        ok = {"present": res["present"] is None, "removed": res["removed"] is not None, "moved": res["moved"] is not None}
        split = "untuned" if it["article"] >= 400 else "tuned"
        for k in ok:
            counts[(k, ok[k])] += 1
            counts[(k, split, ok[k])] += 1
        counts[("moved-far", res["moved"] == "counter-position/response-far")] += 1
        mark = "".join("." if ok[k] else k[0].upper() for k in ("present", "removed", "moved"))
        short = {k: (v or "-").replace("counter-position/", "") for k, v in res.items()}
        print(f"{mark} [{it['article']:3}] {it['assertion'][:48]:48} {short['present']:24} {short['removed']:24} {short['moved']}")
        if verbose:
            for s, e, m in spans:
                print(f"      response: {text[s:e][:140]!r}")
            if res["removed"] is None:
                pos = len(removed[: removed.index(it["assertion"])].encode("utf-8"))
                src = run(binary, ["sources", "--format", "json"], removed)
                hits = [d for d in src.get("disputes", []) if d["assertion"]["start"] <= pos < d["assertion"]["end"]]
                if not hits:
                    print("      removed: assertion not detected")
                for d in hits:
                    r = d.get("response")
                    print(f"      removed: {d['kind']} against {d['target_name']!r} (cue {d['cue']['text']!r}) {d['status']}"
                          + (f" by {r['kind']}/{r['responder']} {r['paragraphs_away']}: {r['sentence']['text'][:120]!r}" if r else ""))
    n = len(items)
    print(f"corpus gold: {n} passages ({sum(1 for i in items if i['article'] >= 400)} from articles 400+)")
    for k, what in (("present", "clean"), ("removed", "flagged"), ("moved", "flagged")):
        good = counts[(k, True)]
        unt = counts[(k, "untuned", True)], counts[(k, "untuned", True)] + counts[(k, "untuned", False)]
        print(f"  {k}: {what} {good}/{n} = {100 * good / n:.0f}%   (articles 400+: {unt[0]}/{unt[1]})")
    print(f"  moved reported as response-far: {counts[('moved-far', True)]}/{n}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--corpus-kind", choices=("auto", "polnear", "timex"), default="auto",
                    help="timex: rows with `text` and `dct` (TimeBank / AQUAINT); auto: timex when rows carry `dct`")
    ap.add_argument("--no-perturb", action="store_true", help="skip the removed / moved response runs")
    ap.add_argument("--bin", default="target/release/factlint")
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--offset", type=int, default=0, help="skip this many articles first")
    ap.add_argument("--flags", default=None, help="write every flag with context here")
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--gold", action="store_true",
                    help="score the gold passages (fixtures/counter-position/gold-*.txt and corpus-gold.json)")
    ap.add_argument("--rules", default=None, help="use the rules in DIR instead of the embedded set")
    ap.add_argument("-v", "--verbose", action="store_true", help="--gold: print each removed response")
    a = ap.parse_args()
    if a.rules:
        EXTRA.extend(["--rules", a.rules])
    if a.gold:
        gold(a.bin)
        print()
        return corpus_gold(a.bin, a.corpus, a.verbose)

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
    timex = a.corpus_kind == "timex" or (a.corpus_kind == "auto" and bool(rows) and "dct" in rows[0])
    for i, row in enumerate(rows, start=a.offset):
        text = timex_input(row) if timex else row["text"]
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
        for d in ([] if a.no_perturb else disputes):
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

#!/usr/bin/env python3
"""How often `attribution/quote-needs-speaker` speaks on clean published news, and whether
it still catches a quote whose attribution was cut.

  python3 scripts/quote_noise.py [--range 0-599] [--show] [--context 1]
                                 [--cut] [--errors K]
                                 [--corpus ../shared/corpus/attribution-train.jsonl]
                                 [--bin target/release/factlint]

Default mode: every article of the range is written to a temporary directory, one
`factlint check --format json --select attribution/quote-needs-speaker` run lints them all,
and the script prints the share of articles with at least one report (the issue's target:
fewer than 1 in 50) and, per publisher, the counts. `--show` prints each flagged quote
with its paragraph (and `--context N` paragraphs either side) to classify by hand.

`--cut` mode: in every article, each direct quote closed by `” Name said.` / `” Name says.`
(a PolNeAR attribution whose cue is "said"/"says" right after a named source) is cut to
`”.`, one cut per copy; the script reports the share of cut quotes the rule flags
(the other half of the target: a quote whose attribution was cut is caught). With
`--repair` the cut also mends the punctuation as a careful editor would (`,” Name said.`
-> `.”`), so the stray comma gives nothing away. `--errors K` prints K misses.

Nothing is written into the project: articles live in a temporary directory, and the
corpus is read where it lies.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.join(HERE, "..", "..", "shared", "corpus", "attribution-train.jsonl")
RULE = "attribution/quote-needs-speaker"
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "that", "which", "this", "there"}


def parse_range(s, n):
    lo, _, hi = s.partition("-")
    lo = int(lo) if lo else 0
    hi = int(hi) if hi else n - 1
    return range(max(0, lo), min(n - 1, hi) + 1)


def lint(binary, texts):
    """Findings of the rule for each text, as (start, end) character offsets."""
    with tempfile.TemporaryDirectory(prefix="factlint-quote-noise-") as tmp:
        paths = []
        for i, t in enumerate(texts):
            p = os.path.join(tmp, f"{i:05d}.txt")
            with open(p, "w", encoding="utf-8") as f:
                f.write(t)
            paths.append(p)
        out = {}
        # Batches keep the command line short.
        for b in range(0, len(paths), 200):
            batch = paths[b:b + 200]
            p = subprocess.run([binary, "check", "--format", "json", "--exit-zero", "--no-config",
                                "--select", RULE] + batch, capture_output=True)
            if p.returncode != 0:
                sys.exit(f"factlint exited {p.returncode}: {p.stderr.decode()[-500:]}")
            for f in json.loads(p.stdout)["files"]:
                out[f["path"]] = f["findings"]
        result = []
        for i, t in enumerate(texts):
            data = t.encode("utf-8")
            spans = []
            for f in out.get(paths[i], []):
                if f["rule"] != RULE:
                    continue
                s = len(data[:f["start"]].decode("utf-8", "replace"))
                e = len(data[:f["end"]].decode("utf-8", "replace"))
                spans.append((s, e))
            result.append(spans)
        return result


def paragraphs(text):
    """(start, end) of each paragraph: lines separated by blank lines or single newlines
    both count, as in the corpus each paragraph is one line."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def show(text, span, context):
    paras = paragraphs(text)
    k = next((i for i, (s, e) in enumerate(paras) if s <= span[0] <= e), 0)
    for i in range(max(0, k - context), min(len(paras), k + context + 1)):
        s, e = paras[i]
        p = text[s:e]
        if i == k:
            a, b = span[0] - s, span[1] - s
            p = p[:a] + "⟦" + p[a:b] + "⟧" + p[b:]
            print(f"  >> {p[:700]}")
        else:
            print(f"     {p[:300]}")


def cuts(art):
    """Where to cut " Name said" after a closing quotation mark: (cut start, cut end)."""
    text = art["text"]
    out = []
    for a in art.get("attributions", []):
        src, cue = a.get("source"), a.get("cue")
        if not src or not cue or not a.get("content_has_quote_marks"):
            continue
        if cue["text"].lower() not in ("said", "says") or not (0 < cue["start"] - src["end"] <= 1):
            continue
        if src["text"].split()[-1].lower() in PRONOUNS or text[src["start"]:src["end"]] != src["text"]:
            continue
        if text[cue["end"]:cue["end"] + 1] != "." or text[src["start"] - 1:src["start"]] != " ":
            continue
        if text[src["start"] - 2:src["start"] - 1] not in ("”", '"'):
            continue
        out.append((src["start"] - 1, cue["end"]))
    return sorted(set(out))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--bin", default=os.path.join(HERE, "..", "target", "release", "factlint"))
    ap.add_argument("--range", default="", help="articles A-B (0-based, inclusive); default all")
    ap.add_argument("--show", action="store_true", help="print every flagged quote with its paragraph")
    ap.add_argument("--context", type=int, default=1, help="paragraphs either side with --show")
    ap.add_argument("--cut", action="store_true", help="measure recall on cut attributions instead")
    ap.add_argument("--repair", action="store_true", help="with --cut: also turn the quote's last comma into a full stop")
    ap.add_argument("--errors", type=int, default=0, help="with --cut: print K misses")
    a = ap.parse_args()
    arts = [json.loads(l) for l in open(a.corpus, encoding="utf-8")]
    idx = list(parse_range(a.range, len(arts)))
    if a.cut:
        texts, meta = [], []
        for i in idx:
            t = arts[i]["text"]
            for s, e in cuts(arts[i]):
                if a.repair:
                    # `,”` + ` Name said` + `.` -> `.”`
                    mark = s - 1
                    comma = mark - 1
                    if t[comma] != ",":
                        continue
                    texts.append(t[:comma] + "." + t[mark] + t[e + 1:])
                    meta.append((i, s, t[s:e]))
                else:
                    texts.append(t[:s] + t[e:])
                    meta.append((i, s, t[s:e]))
        found = lint(a.bin, texts)
        hit = 0
        misses = []
        for (i, s, cut), t, spans in zip(meta, texts, found):
            # The quote ends right before the cut: a report on it ends within a few characters.
            if any(fs < s and fe >= s - 3 for fs, fe in spans):
                hit += 1
            else:
                misses.append((i, s, cut, t))
        n = len(texts)
        print(f"cut attributions: {n} in {len(set(m[0] for m in meta))} articles; flagged {hit} "
              f"({100.0 * hit / max(n, 1):.1f}%)")
        for i, s, cut, t in misses[:a.errors]:
            print(f"\n[{i}] {arts[i]['publisher']} cut {cut!r}")
            show(t, (max(0, s - 1), s), a.context)
        return 0
    found = lint(a.bin, [arts[i]["text"] for i in idx])
    flagged = 0
    quotes = 0
    by_pub = collections.defaultdict(lambda: [0, 0])
    for i, spans in zip(idx, found):
        pub = arts[i]["publisher"]
        by_pub[pub][1] += 1
        if spans:
            flagged += 1
            quotes += len(spans)
            by_pub[pub][0] += 1
            if a.show:
                print(f"\n=== [{i}] {pub} {arts[i]['id'].split(':')[-1][:60]}")
                for sp in spans:
                    show(arts[i]["text"], sp, a.context)
                    print()
    n = len(idx)
    print(f"\n{RULE}: {flagged} of {n} articles ({100.0 * flagged / max(n, 1):.1f}%), {quotes} reports")
    print("  " + ", ".join(f"{p} {f}/{t}" for p, (f, t) in sorted(by_pub.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())

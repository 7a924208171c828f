#!/usr/bin/env python3
"""Synthetic revision pairs from real articles, to measure `factlint diff`.

  python3 scripts/revision_pairs.py [--corpus ../shared/corpus/attribution-train.jsonl]
                                    [--limit N] [--seed S] [--bin target/release/factlint]
                                    [--errors K] [--keep DIR]

For each article it writes the original as the old version and one edited copy per kind
(the edit is made at a random eligible place), runs `factlint diff --format json OLD NEW`
and checks the expected rule:

  number      a figure changed ("1,200" -> "1,500")           revision/number-changed
  quote       a word inside quotation marks swapped            revision/quote-altered
  speaker     a named source of an attribution replaced        revision/speaker-changed
  weekday     a weekday replaced by another                    revision/date-changed
  hedge       "allegedly" / "reportedly" / ... removed          revision/hedge-changed
  typo        a misspelling fixed (old has it, new does not)   no warning or error
  typo-new    a misspelling introduced                         no warning or error
  punct       a comma dropped or turned into a semicolon, or   no warning or error
              straight quotes curled
  claim       a sentence with no source (from another article) revision/unattributed-claim-added
              added as a new paragraph
  response    a paragraph with a denial ("denied", "rejected",  revision/response-removed
              "declined to comment" ...) deleted

With --multi N, each article instead gets one new version carrying N edits at once, of
kinds drawn at random from number, quote, weekday, hedge, claim, response, moved (the kinds
whose edit does not depend on the corpus offsets) mixed with typo and punct noise, applied one
after another, as a real update with several changes looks. It reports, per kind, how often
the kind's rule was still reported among the others, and how many pairs carried a warning or
error from a rule none of the edits expects ("spurious").

Nothing is written into the project: pairs live in a temporary directory (or --keep DIR,
outside the repository) and the corpus is read where it lies.
"""
import argparse
import collections
import json
import os
import random
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.join(HERE, "..", "..", "shared", "corpus", "attribution-train.jsonl")

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
HEDGES = ["allegedly", "reportedly", "alleged", "purportedly", "apparently", "possibly", "probably"]
NAMES = ["Smith", "Johnson", "Garcia", "Nguyen", "Okafor", "Kowalski", "Rahman", "Lindqvist"]
SWAPS = ["never", "always", "certainly", "terrible", "wonderful", "enemies", "friends", "billions", "nobody"]
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "that", "which", "this", "there"}


def header(art):
    title = " ".join(art.get("title", "").split()) or "Untitled"
    return f"date {art['date']} {title}\n\n{art.get('publisher', 'News')}\n\n"


def body(art):
    # The corpus text repeats the title as its first paragraph; keep the whole body.
    return art["text"]


def replace_at(text, start, end, new):
    return text[:start] + new + text[end:]


def edit_number(text, rng):
    cands = [m for m in re.finditer(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\w,])|(?<![\w.,])\d+(?:\.\d+)?(?![\w,.]?\d)", text)
             # Years and clock times are dates (revision/date-changed), not quantities.
             if not re.fullmatch(r"(1[0-9]|20)\d\d", m.group())
             and not re.match(r"\s*(:|a\.?m\b|p\.?m\b)", text[m.end():m.end() + 4], re.I)
             and not text[max(0, m.start() - 1):m.start()] == ":"
             and not re.search(r"\d{4}-\d\d-\d\d", text[max(0, m.start() - 8):m.end() + 8])
             # A day of the month is a date edit, measured by the weekday kind's rule.
             and not re.search(r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? *$", text[max(0, m.start() - 12):m.start()])]
    if not cands:
        return None
    m = rng.choice(cands)
    digits = [i for i, c in enumerate(m.group()) if c.isdigit()]
    s = list(m.group())
    i = rng.choice(digits)
    s[i] = str((int(s[i]) + rng.randint(1, 8)) % 10)
    if i == 0 and s[i] == "0" and len(digits) > 1:
        s[i] = "9"
    new = "".join(s)
    if new == m.group():
        return None
    return replace_at(text, m.start(), m.end(), new)


def quotes(text):
    return [m for m in re.finditer(r"[\"“]([^\"“”\n]{12,400})[\"”]", text)]


def edit_quote(text, rng):
    qs = quotes(text)
    if not qs:
        return None
    q = rng.choice(qs)
    words = [m for m in re.finditer(r"[A-Za-z]{4,}", q.group(1))]
    if not words:
        return None
    w = rng.choice(words)
    new = rng.choice([s for s in SWAPS if s != w.group().lower()])
    start = q.start(1) + w.start()
    return replace_at(text, start, start + len(w.group()), new)


def edit_speaker(text, art, rng):
    cands = []
    for a in art.get("attributions", []):
        src, cue = a.get("source"), a.get("cue")
        if not src or not cue:
            continue
        s = src["text"]
        words = s.split()
        if not words or words[-1].lower() in PRONOUNS or not words[-1][:1].isupper() or not words[-1].isalpha():
            continue
        if cue["text"].lower() not in ("said", "says", "told", "added", "according to", "wrote", "argued", "stated"):
            continue
        if text[src["start"]:src["end"]] != s:
            continue
        cands.append(src)
    if not cands:
        return None
    src = rng.choice(cands)
    last = src["text"].split()[-1]
    end = src["end"]
    start = end - len(last)
    new = rng.choice([n for n in NAMES if n != last])
    return replace_at(text, start, end, new)


def edit_weekday(text, rng):
    cands = list(re.finditer(r"\b(" + "|".join(WEEKDAYS) + r")\b", text))
    if not cands:
        return None
    m = rng.choice(cands)
    new = rng.choice([d for d in WEEKDAYS if d != m.group()])
    return replace_at(text, m.start(), m.end(), new)


def edit_hedge(text, rng):
    cands = list(re.finditer(r"\b(" + "|".join(HEDGES) + r")\b ?", text))
    cands = [m for m in cands if not any(q.start() <= m.start() < q.end() for q in quotes(text))]
    if not cands:
        return None
    m = rng.choice(cands)
    return replace_at(text, m.start(), m.end(), "")


def typo(word, rng):
    i = rng.randrange(1, len(word) - 1)
    op = rng.choice(["swap", "drop", "double", "sub"])
    if op == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if op == "drop":
        return word[:i] + word[i + 1:]
    if op == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeiourstln") + word[i + 1:]


def edit_typo(text, rng):
    cands = [m for m in re.finditer(r"(?<![\w’'-])[a-z]{6,}(?![\w’'-])", text)]
    if not cands:
        return None
    m = rng.choice(cands)
    new = typo(m.group(), rng)
    if new == m.group():
        return None
    return replace_at(text, m.start(), m.end(), new)


UNSOURCED = []  # filled in main(): sentences without a reporting verb or quote


def edit_claim(text, rng):
    if not UNSOURCED:
        return None
    paras = text.split("\n\n")
    if len(paras) < 3:
        return None
    i = rng.randrange(1, len(paras))
    paras.insert(i, rng.choice(UNSOURCED))
    return "\n\n".join(paras)


DENIALS = r"\b(denied|denies|rejected|rejects|declined to comment|did not respond|dismissed|disputed|refuted)\b"


def edit_response(text, rng):
    paras = text.split("\n\n")
    cands = [i for i, p in enumerate(paras) if i > 0 and re.search(DENIALS, p)]
    if not cands:
        return None
    del paras[rng.choice(cands)]
    return "\n\n".join(paras)


def edit_punct(text, rng):
    choice = rng.random()
    if choice < 0.4:
        cands = list(re.finditer(r", ", text))
        if not cands:
            return None
        m = rng.choice(cands)
        return replace_at(text, m.start(), m.end(), " ")
    if choice < 0.7:
        cands = list(re.finditer(r", ", text))
        if not cands:
            return None
        m = rng.choice(cands)
        return replace_at(text, m.start(), m.end(), "; ")
    qs = [m for m in re.finditer(r"\"([^\"\n]{1,400})\"", text)]
    if qs:
        m = rng.choice(qs)
        return replace_at(text, m.start(), m.end(), "“" + m.group(1) + "”")
    qs = [m for m in re.finditer(r"“([^“”\n]{1,400})”", text)]
    if not qs:
        return None
    m = rng.choice(qs)
    return replace_at(text, m.start(), m.end(), '"' + m.group(1) + '"')


def edit_moved(text, rng):
    paras = text.split("\n\n")
    cands = [i for i in range(1, len(paras) - 1) if len(paras[i].split()) > 12 and len(paras[i + 1].split()) > 12]
    if not cands:
        return None
    i = rng.choice(cands)
    paras[i], paras[i + 1] = paras[i + 1], paras[i]
    return "\n\n".join(paras)


def edit_attribution(text, art, rng):
    """Cut "Name said" after a direct quote: the quote loses its source."""
    cands = []
    for a in art.get("attributions", []):
        src, cue = a.get("source"), a.get("cue")
        if not src or not cue or not a.get("content_has_quote_marks"):
            continue
        if cue["text"].lower() not in ("said", "says") or not (0 < cue["start"] - src["end"] <= 1):
            continue
        if src["text"].split()[-1].lower() in PRONOUNS or text[src["start"]:src["end"]] != src["text"]:
            continue
        if not text[cue["end"]:cue["end"] + 1] == "." or text[src["start"] - 1:src["start"]] != " ":
            continue
        cands.append((src["start"] - 1, cue["end"]))
    if not cands:
        return None
    start, end = rng.choice(cands)
    return replace_at(text, start, end, "")


CORRECTION = "\n\nCorrection: An earlier version of this story misstated a figure."


def edit_number_noted(text, rng):
    edited = edit_number(text, rng)
    return None if edited is None else edited + CORRECTION


KINDS = {
    # kind: (expected rule or None for "no warning/error", edit, old_is_edited)
    "number": ("revision/number-changed", lambda t, a, r: edit_number(t, r), False),
    "quote": ("revision/quote-altered", lambda t, a, r: edit_quote(t, r), False),
    "speaker": ("revision/speaker-changed", lambda t, a, r: edit_speaker(t, a, r), False),
    "weekday": ("revision/date-changed", lambda t, a, r: edit_weekday(t, r), False),
    "hedge": ("revision/hedge-changed", lambda t, a, r: edit_hedge(t, r), False),
    "typo": (None, lambda t, a, r: edit_typo(t, r), True),
    "typo-new": (None, lambda t, a, r: edit_typo(t, r), False),
    "punct": (None, lambda t, a, r: edit_punct(t, r), False),
    "claim": ("revision/unattributed-claim-added", lambda t, a, r: edit_claim(t, r), False),
    "response": ("revision/response-removed", lambda t, a, r: edit_response(t, r), False),
    "moved": ("revision/moved", lambda t, a, r: edit_moved(t, r), False),
    "attrib": ("revision/attribution-removed", lambda t, a, r: edit_attribution(t, a, r), False),
    "no-note": ("revision/needs-correction-note", lambda t, a, r: edit_number(t, r), False),
    # "!" = the rule must NOT be reported: a correction note was added with the change.
    "noted": ("!revision/needs-correction-note", lambda t, a, r: edit_number_noted(t, r), False),
    # The headline (first line) changes; the body is the same.
    "headline": ("revision/headline-changed", lambda t, a, r: t, False),
}

CUES = re.compile(r"\b(said|says|say|told|according|reported|stated|announced|claimed|wrote|added|believes?|thinks?|argued|noted|asked)\b", re.I)


def collect_unsourced(arts, rng):
    """Declarative sentences of 8-30 words with no quote marks, no reporting verb, and no
    PolNeAR attribution (source, cue or content) overlapping them: gold unsourced claims."""
    out = []
    for art in arts:
        spans = []
        for a in art.get("attributions", []):
            for role in ("source", "cue", "content"):
                if a.get(role):
                    spans.append((a[role]["start"], a[role]["end"]))
        text = art["text"]
        for m in re.finditer(r"[^\n]+", text):
            for sm in re.finditer(r"[A-Z][^.!?]*(?:[.!?](?=\s+[A-Z]|$))", m.group()):
                sent = sm.group()
                start = m.start() + sm.start()
                end = start + len(sent)
                words = sent.split()
                if not (8 <= len(words) <= 30 and sent.endswith(".")):
                    continue
                if re.search(r"[\"“”‘’]", sent) or CUES.search(sent):
                    continue
                if any(s < end and start < e for s, e in spans):
                    continue
                out.append(sent)
    rng.shuffle(out)
    return out[:2000]


def run(binary, old_path, new_path):
    p = subprocess.run([binary, "diff", "--format", "json", "--exit-zero", old_path, new_path], capture_output=True)
    if p.returncode != 0:
        return None, p.stderr.decode("utf-8", "replace")
    return json.loads(p.stdout), None


MULTI_KINDS = ["number", "quote", "weekday", "hedge", "claim", "response", "moved"]
NOISE_KINDS = ["typo-new", "punct"]
# Rules an edit of each kind may legitimately add besides its own: a figure, weekday or hedge
# can sit inside a quotation (quote-altered), "alleged" is also a reporting cue, the words a
# quote edit swaps in include negations, certainty and number words, a moved paragraph can
# take a response out of reach, and every substantive change wants a correction note.
NOTE = "revision/needs-correction-note"
SIDE_RULES = {
    "number": {NOTE, "revision/quote-altered"},
    "quote": {NOTE, "revision/hedge-changed", "revision/number-changed", "revision/date-changed",
              "revision/attribution-removed"},
    "weekday": {NOTE, "revision/quote-altered"},
    "hedge": {NOTE, "revision/quote-altered", "revision/attribution-removed"},
    "claim": {NOTE},
    "response": {NOTE, "counter-position/accusation-needs-response", "counter-position/response-far"},
    "moved": {NOTE, "revision/response-removed", "counter-position/response-far",
              "counter-position/accusation-needs-response"},
}


def multi(a, arts, rng, tmp):
    """Pairs with several edits at once: per-kind recall among the others, and spurious reports."""
    stats = collections.defaultdict(lambda: [0, 0])
    pairs = spurious = crashes = 0
    examples = []
    for n, art in enumerate(arts):
        base = body(art)
        text, applied = base, []
        for _ in range(a.multi):
            kind = rng.choice(MULTI_KINDS + NOISE_KINDS)
            edited = KINDS[kind][1](text, art, rng)
            if edited is not None and edited != text:
                text, applied = edited, applied + [kind]
        if not any(k in MULTI_KINDS for k in applied):
            continue
        op = os.path.join(tmp, f"{n:04d}-multi-old.txt")
        np_ = os.path.join(tmp, f"{n:04d}-multi-new.txt")
        open(op, "w", encoding="utf-8").write(header(art) + base)
        open(np_, "w", encoding="utf-8").write(header(art) + text)
        out, err = run(a.bin, op, np_)
        pairs += 1
        if out is None:
            crashes += 1
            examples.append(f"{art['id']}: error {err.strip()[:200]}")
            continue
        # Rules already reported on the old version alone are not the edits' doing.
        found = out["files"][0]["findings"]
        rules = {f["rule"] for f in found}
        for kind in set(applied) & set(MULTI_KINDS):
            stats[kind][1] += 1
            stats[kind][0] += KINDS[kind][0] in rules
        allowed = {KINDS[k][0] for k in applied if KINDS[k][0]} | set().union(*(SIDE_RULES.get(k, set()) for k in applied))
        extra = sorted({f["rule"] for f in found if f["severity"] in ("error", "warning")
                        and f["rule"].startswith("revision/") and f["rule"] not in allowed})
        if extra:
            spurious += 1
            if len(examples) < a.errors:
                examples.append(f"{art['id']}: edits {applied} extra {extra}")
        if not a.keep:
            os.unlink(op)
            os.unlink(np_)
    if not a.keep:
        os.rmdir(tmp)
    print(f"{pairs} pairs with up to {a.multi} edits each; {crashes} crashes; "
          f"{spurious} ({100.0 * spurious / max(pairs, 1):.1f}%) with a revision warning/error no edit expects")
    print(f"{'kind':<10} {'pairs':>6} {'found':>6} {'rate':>7}")
    for kind in MULTI_KINDS:
        ok, total = stats[kind]
        print(f"{kind:<10} {total:>6} {ok:>6} {100.0 * ok / max(total, 1):>6.1f}%")
    for e in examples[: a.errors]:
        print(e)
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--bin", default="target/release/factlint")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--errors", type=int, default=0, help="print up to K misses per kind")
    ap.add_argument("--keep", help="write the pairs into this directory and keep them")
    ap.add_argument("--multi", type=int, default=0, help="N edits per pair instead of one (see above)")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    kinds = [k for k in a.kinds.split(",") if k]
    arts = [json.loads(l) for l in open(a.corpus, encoding="utf-8")]
    if a.limit:
        arts = arts[: a.limit]
    # Claims come from other articles than the one they are added to (rotated list).
    UNSOURCED.extend(collect_unsourced(arts[::-1], random.Random(a.seed + 1)))
    tmp = a.keep or tempfile.mkdtemp(prefix="factlint-revpairs-")
    os.makedirs(tmp, exist_ok=True)
    if a.multi:
        return multi(a, arts, rng, tmp)
    stats = collections.defaultdict(lambda: [0, 0])
    misses = collections.defaultdict(list)
    crashes = collections.Counter()
    for n, art in enumerate(arts):
        text = body(art)
        base = header(art) + text
        for kind in kinds:
            expected, edit, old_edited = KINDS[kind]
            # Edit the body only: attribution offsets index it, and the header is metadata.
            edited = edit(text, art, rng)
            if edited is None:
                continue
            head = header(art)
            if kind == "headline":
                head = head.replace(" ", " Update: ", 2).replace("Update: ", "", 1)
            edited = head + edited
            old, new = (edited, base) if old_edited else (base, edited)
            op = os.path.join(tmp, f"{n:04d}-{kind}-old.txt")
            np_ = os.path.join(tmp, f"{n:04d}-{kind}-new.txt")
            open(op, "w", encoding="utf-8").write(old)
            open(np_, "w", encoding="utf-8").write(new)
            out, err = run(a.bin, op, np_)
            stats[kind][1] += 1
            if out is None:
                crashes[kind] += 1
                misses[kind].append(f"{art['id']}: error {err.strip()[:200]}")
                continue
            found = out["files"][0]["findings"]
            if expected and expected.startswith("!"):
                ok = not any(f["rule"] == expected[1:] for f in found)
            elif expected:
                ok = any(f["rule"] == expected for f in found)
            else:
                ok = not any(f["severity"] in ("error", "warning") for f in found)
            if ok:
                stats[kind][0] += 1
            else:
                # Show what changed and what was reported.
                i = next((k for k in range(min(len(old), len(new))) if old[k] != new[k]), 0)
                ctx = f"{old[max(0, i - 40):i + 40]!r} => {new[max(0, i - 40):i + 40]!r}"
                got = [f"{f['rule']}: {f['message'][:100]}" for f in found]
                misses[kind].append(f"{art['id']}: {ctx}\n      got {got}")
        if not a.keep:
            for f in os.listdir(tmp):
                os.unlink(os.path.join(tmp, f))
    if not a.keep:
        os.rmdir(tmp)
    # "rate" counts a crash (exit code other than 0) as a miss; "ran" leaves crashed pairs out.
    print(f"{'kind':<10} {'pairs':>6} {'ok':>6} {'crash':>6} {'rate':>7} {'ran':>7}   (expected)")
    for kind in kinds:
        ok, total = stats[kind]
        exp = KINDS[kind][0] or "no warning/error"
        rate = 100.0 * ok / total if total else float("nan")
        ran = total - crashes[kind]
        rate_ran = 100.0 * ok / ran if ran else float("nan")
        print(f"{kind:<10} {total:>6} {ok:>6} {crashes[kind]:>6} {rate:>6.1f}% {rate_ran:>6.1f}%   {exp}")
    if a.errors:
        for kind in kinds:
            for m in misses[kind][: a.errors]:
                print(f"[{kind}] {m}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

//! The tense of the clause around a temporal expression, from verb cues near it.
//!
//! No part-of-speech tagger: news verbs are few and regular enough that a list of
//! auxiliaries, irregular past forms and the `-ed` ending decide most clauses. The cue
//! nearest to the expression wins, so "said on Tuesday that he will go" is past for
//! "Tuesday" and "he said he will meet them on Tuesday" is future.

use super::lex::{Tok, TokKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tense {
    Past,
    Present,
    Future,
    #[default]
    Unknown,
}

const PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "met",
    "went",
    "came",
    "made",
    "took",
    "gave",
    "began",
    "became",
    "saw",
    "got",
    "held",
    "left",
    "led",
    "sent",
    "spent",
    "won",
    "lost",
    "paid",
    "sold",
    "bought",
    "brought",
    "thought",
    "fell",
    "rose",
    "hit",
    "struck",
    "broke",
    "spoke",
    "wrote",
    "ran",
    "flew",
    "knew",
    "found",
    "kept",
    "felt",
    "heard",
    "meant",
    "put",
    "set",
    "shot",
    "stood",
    "understood",
    "sought",
    "taught",
    "fought",
    "won",
    "drove",
    "grew",
    "threw",
    "chose",
    "froze",
    "woke",
    "ate",
    "forgot",
    "hung",
    "laid",
    "lay",
    "lit",
    "quit",
    "rang",
    "rode",
    "sang",
    "sank",
    "sat",
    "slept",
    "slid",
    "stole",
    "stuck",
    "swore",
    "swept",
    "tore",
    "wore",
    "wept",
    "withdrew",
    "overthrew",
    "undertook",
    "upheld",
    "wasn't",
    "weren't",
    "didn't",
    "hadn't",
    "ago",
    "yesterday",
    "earlier",
    "last",
    "since",
    "has",
    "have",
    "hasn't",
    "haven't",
    "'d",
];
const FUTURE: &[&str] = &[
    "will",
    "won't",
    "shall",
    "'ll",
    "tomorrow",
    "would",
    "scheduled",
    "expected",
    "planned",
    "plans",
    "plan",
    "slated",
    "upcoming",
    "intends",
    "aims",
    "hopes",
    "going",
    "soon",
    "postponed",
    "delayed",
];
const PRESENT: &[&str] = &["is", "are", "am", "says", "isn't", "aren't", "does", "doesn't", "do", "don't"];
/// Words ending in -ed that are not past verbs.
const NOT_PAST_ED: &[&str] = &[
    "need",
    "speed",
    "feed",
    "seed",
    "bed",
    "red",
    "shed",
    "hundred",
    "indeed",
    "united",
    "based",
    "proposed",
    "embed",
    "breed",
    "creed",
    "greed",
    "weed",
    "deed",
    "steed",
    "bled",
    "fled",
    "armed",
    "alleged",
    "detailed",
    "limited",
    "related",
    "advanced",
    "concerned",
    "renewed",
    "skilled",
    "supposed",
    "used",
    "owned",
    "named",
    "wed",
    "need",
    "ted",
    "fred",
    "ned",
    "ed",
];

fn in_list(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// The tense cue of one word token, if it has one.
pub fn cue(text: &str, toks: &[Tok], i: usize) -> Tense {
    let t = &toks[i];
    if t.kind != TokKind::Word {
        if t.kind == TokKind::Punct('\'') && i + 1 < toks.len() {
            let n = &text[toks[i + 1].start..toks[i + 1].end];
            if n.eq_ignore_ascii_case("ll") {
                return Tense::Future;
            }
        }
        return Tense::Unknown;
    }
    let w = &text[t.start..t.end];
    if w.len() < 2 {
        return Tense::Unknown;
    }
    if in_list(FUTURE, w) {
        // "would" in reported speech is the future of a past report; "later" is weak.
        return Tense::Future;
    }
    if w.eq_ignore_ascii_case("to") && i > 0 {
        // "is to resume", "was to meet": an arrangement for the future.
        let p = &text[toks[i - 1].start..toks[i - 1].end];
        if ["is", "are", "was", "were"].iter().any(|x| x.eq_ignore_ascii_case(p)) {
            return Tense::Future;
        }
        return Tense::Unknown;
    }
    if in_list(PRESENT, w) {
        return Tense::Present;
    }
    let prev = if i > 0 { &text[toks[i - 1].start..toks[i - 1].end] } else { "" };
    let passive = ["be", "been", "being", "is", "are", "am"].iter().any(|x| x.eq_ignore_ascii_case(prev));
    if in_list(PAST, w) {
        // "will be held", "is heard": a participle after an auxiliary has no tense of its own.
        return if passive { Tense::Unknown } else { Tense::Past };
    }
    let b = w.as_bytes();
    if b.len() > 4
        && b[b.len() - 2..].eq_ignore_ascii_case(b"ed")
        && !b[b.len() - 3..].eq_ignore_ascii_case(b"eed")
        && !t.cap
        && !in_list(NOT_PAST_ED, w)
    {
        // "to be completed", "will be held": an -ed form after an auxiliary of the future.
        if passive || prev.eq_ignore_ascii_case("the") || prev.eq_ignore_ascii_case("a") {
            return Tense::Unknown;
        }
        return Tense::Past;
    }
    Tense::Unknown
}

/// Tense cues of every token of a sentence.
pub fn cues(text: &str, toks: &[Tok], out: &mut Vec<Tense>) {
    out.clear();
    out.extend((0..toks.len()).map(|i| cue(text, toks, i)));
}

/// The tense for an expression covering tokens `a..b`: the nearest cue, looking farther
/// left than right (English puts the verb before its adjuncts more often).
pub fn tense_at(cues: &[Tense], a: usize, b: usize) -> Tense {
    // Beyond a dozen words the verb belongs to another clause more often than not.
    let mut best = (24, Tense::Unknown);
    for (i, &c) in cues.iter().enumerate() {
        if c == Tense::Unknown || (a..b).contains(&i) {
            continue;
        }
        let d = if i < a { (a - i) * 2 } else { (i + 1 - b) * 3 };
        if d < best.0 {
            best = (d, c);
        }
    }
    best.1
}

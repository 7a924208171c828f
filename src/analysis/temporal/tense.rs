//! The tense of the clause around a temporal expression, from verb cues near it.
//!
//! No part-of-speech tagger: news verbs are few and regular enough that a list of
//! auxiliaries, irregular past forms and the `-ed` ending decide most clauses. The cue
//! nearest to the expression wins, so "said on Tuesday that he will go" is past for
//! "Tuesday" and "he said he will meet them on Tuesday" is future.

use super::lex::{Lex, Tok, TokKind, tw};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tense {
    Past,
    Present,
    Future,
    #[default]
    Unknown,
}

/// The tense cue of one word token, if it has one. The word lists live in the
/// temporal word table ([`super::lex::tw`] flags), so this costs no lookup.
pub fn cue(text: &str, toks: &[Tok], i: usize) -> Tense {
    let t = &toks[i];
    if t.kind != TokKind::Word {
        if t.kind == TokKind::Punct('\'') && toks.get(i + 1).is_some_and(|n| n.tw & tw::LL != 0) {
            return Tense::Future;
        }
        return Tense::Unknown;
    }
    let f = t.tw;
    if t.end - t.start < 2 {
        return Tense::Unknown;
    }
    let prev = if i > 0 { toks[i - 1].tw } else { 0 };
    let word = &text[t.start..t.end];
    let next_is = |w: &str| toks.get(i + 1).is_some_and(|n| text[n.start..n.end].eq_ignore_ascii_case(w));
    if f & tw::FUTURE != 0 {
        // A capital inside the sentence makes a name: "Meet the Press", "Going Home".
        if t.cap && i > 0 {
            return Tense::Unknown;
        }
        // "the votes Tuesday", "the ends": a plural noun after an article is no verb.
        if prev & tw::DET != 0 && word.ends_with('s') {
            return Tense::Unknown;
        }
        // "would have been his birthday": a modal perfect looks back.
        // "could have won", "should not have gone": a modal perfect looks back too.
        // "could have big consequences in November", "must have its team in place by
        // September": "have" without a participle is possession, still ahead.
        // "the role that he could have Tuesday": "have" before no plain word leaves its
        // participle out.
        let perfect = |k: usize| {
            perfect_follows(text, toks, k)
                || toks.get(k + 1).is_none_or(|n| n.kind != TokKind::Word || n.lex != Lex::None)
        };
        let then_have = (next_is("have") && perfect(i + 1))
            || ((next_is("not") || next_is("n't"))
                && toks.get(i + 2).is_some_and(|n| is_have(&text[n.start..n.end]))
                && perfect(i + 2));
        if ["would", "could", "might", "may", "should", "must"].iter().any(|w| word.eq_ignore_ascii_case(w))
            && then_have
        {
            return Tense::Past;
        }
        // "could not be reached for comment Wednesday", "couldn't confirm Tuesday": in news
        // a negated "could" is the past of "can", not a possibility ahead.
        if word.eq_ignore_ascii_case("could") && (next_is("not") || next_is("n't")) {
            return Tense::Past;
        }
        // "soon after the attack" places an event, it does not promise one.
        if word.eq_ignore_ascii_case("soon") && (next_is("after") || next_is("before")) {
            return Tense::Unknown;
        }
        // "leaves for Asia", "heads to Iowa" is a trip ahead; "still leaves the world
        // vulnerable" is no movement at all.
        if (word.eq_ignore_ascii_case("leaves") || word.eq_ignore_ascii_case("heads"))
            && !(next_is("for") || next_is("to") || next_is("home") || next_is("back"))
        {
            return Tense::Unknown;
        }
        // "difficult for Sun to meet demand": after "to" the bare verb takes its time from
        // the verb before it ("plans to", "set to" are cues of their own).
        if prev & tw::TO != 0 && ["meet", "resume", "convene"].iter().any(|w| word.eq_ignore_ascii_case(w)) {
            return Tense::Unknown;
        }
        // "began as previously planned Saturday night", "went ahead as scheduled": the plan
        // was kept, which tells nothing of when.
        if ["planned", "scheduled", "expected"].iter().any(|w| word.eq_ignore_ascii_case(w))
            && i > 0
            && ["as", "previously", "originally"]
                .iter()
                .any(|w| text[toks[i - 1].start..toks[i - 1].end].eq_ignore_ascii_case(w))
        {
            return Tense::Unknown;
        }
        // "had been scheduled to expire Friday", "had planned": a plan told in the past
        // perfect was for a time already past.
        if past_perfect(toks, i) && text.as_bytes()[t.end - 1].eq_ignore_ascii_case(&b'd') {
            return Tense::Past;
        }
        // "would" in reported speech is the future of a past report, and "could win
        // Tuesday", "may vote in November" look ahead; "later" is weak.
        return Tense::Future;
    }
    if f & tw::FUTURE_TO != 0 {
        // "plans to meet Tuesday"; "announced the plan Aug. 21" has no future in it.
        let to_next = toks.get(i + 1).is_some_and(|n| n.tw & tw::TO != 0);
        // "If you want to understand Thursday's debate": the reader's wish, no plan.
        let word_at = |k: usize| &text[toks[k].start..toks[k].end];
        let reader = i > 1 && word_at(i - 1).eq_ignore_ascii_case("you") && word_at(i - 2).eq_ignore_ascii_case("if");
        return if to_next && !reader { Tense::Future } else { Tense::Unknown };
    }
    if f & tw::TO != 0 && i > 0 {
        // "is to resume", "was to meet", "set to resume", "supposed to end": an
        // arrangement for the future.
        if prev & tw::ARRANGED != 0 && past_perfect(toks, i - 1) {
            return Tense::Past;
        }
        // "was to be issued on Wednesday" tells a plan from a past point of view: the day
        // may be past or ahead, so the cue says nothing ("is to resume" looks ahead).
        // So is "was set to headline Tuesday", "were expected to vote Friday".
        let past_be = |k: usize| {
            toks.get(k).is_some_and(|p| {
                let pw = &text[p.start..p.end];
                pw.eq_ignore_ascii_case("was") || pw.eq_ignore_ascii_case("were")
            })
        };
        if past_be(i - 1) || (prev & tw::ARRANGED != 0 && i > 1 && past_be(i - 2)) {
            return Tense::Unknown;
        }
        return if prev & (tw::BE | tw::ARRANGED) != 0 { Tense::Future } else { Tense::Unknown };
    }
    if f & tw::PRESENT != 0 {
        // "he will do well in Tuesday's primary": after a modal "do" is the bare verb.
        if i > 0 && is_modal(&text[toks[i - 1].start..toks[i - 1].end]) {
            return Tense::Unknown;
        }
        // "the vote is Tuesday", "the funeral is on Saturday": a day right after the
        // copula is a schedule ahead (what is over is told with "was").
        let day_after = |k: usize| toks.get(k).is_some_and(|n| matches!(n.lex, Lex::Weekday(_)));
        if (word.eq_ignore_ascii_case("is") || word.eq_ignore_ascii_case("are"))
            && (day_after(i + 1)
                || (toks.get(i + 1).is_some_and(|n| text[n.start..n.end].eq_ignore_ascii_case("on"))
                    && day_after(i + 2)))
        {
            return Tense::Future;
        }
        // "are meeting Friday", "is leaving on Monday": the progressive present of an
        // arrangement is its future.
        if f & tw::BE != 0 && toks.get(i + 1).is_some_and(|n| n.kind == TokKind::Word && ends_with_ing(text, n)) {
            // "is coming off a strong debate Thursday night", "is reeling from Tuesday's
            // loss": a state that follows an event, which is behind.
            let after = |k: usize, w: &str| toks.get(k).is_some_and(|n| text[n.start..n.end].eq_ignore_ascii_case(w));
            let from_event = (after(i + 1, "coming") && after(i + 2, "off"))
                || (["recovering", "reeling", "emerging"].iter().any(|w| after(i + 1, w)) && after(i + 2, "from"));
            // "are hailing the nominee's speech on Thursday", "is blasting Monday's ruling":
            // a judgement passed on something that has happened, no arrangement ahead.
            let judging =
                toks.get(i + 1).is_some_and(|n| JUDGING.iter().any(|w| text[n.start..n.end].eq_ignore_ascii_case(w)));
            return if from_event || judging { Tense::Present } else { Tense::Future };
        }
        return Tense::Present;
    }
    if f & tw::EFFECTIVE != 0 {
        // "created an office, effective Feb. 1", "a labor pact effective June 1": the
        // date something takes effect is announced ahead; "became effective", "was
        // effective" are told from after it.
        let verb_before =
            i > 0 && toks[i - 1].kind == TokKind::Word && prev & (tw::PAST | tw::BE | tw::PASSIVE_AUX) != 0;
        let became = i > 0
            && ["became", "become", "becomes"]
                .iter()
                .any(|w| text[toks[i - 1].start..toks[i - 1].end].eq_ignore_ascii_case(w));
        return if verb_before || became { Tense::Unknown } else { Tense::Future };
    }
    if f & tw::DUE != 0 && prev & tw::PRESENT != 0 {
        // "results are due out Friday", "the report is due Tuesday".
        return Tense::Future;
    }
    // "the filings due Sunday night": right after a noun, what is due is to come ("was due
    // Friday" has its verb).
    if f & tw::DUE != 0
        && i > 0
        && toks[i - 1].kind == TokKind::Word
        && prev & (tw::PAST | tw::BE | tw::PASSIVE_AUX | tw::PRESENT | tw::HAD) == 0
        && toks
            .get(i + 1)
            .is_some_and(|n| matches!(n.lex, Lex::Weekday(_)) || text[n.start..n.end].eq_ignore_ascii_case("on"))
    {
        return Tense::Future;
    }
    if f & tw::FOR != 0 && prev & tw::ARRANGED != 0 && f & tw::TO == 0 {
        // "is set for Tuesday", "scheduled for March": an arrangement, unless past perfect.
        return if past_perfect(toks, i - 1) { Tense::Past } else { Tense::Future };
    }
    let passive = prev & tw::PASSIVE_AUX != 0;
    // "will be named", "would be paid": the verb group is future, and its last word is
    // the cue nearest to what follows (the "will" may lie beyond reach).
    if passive
        && i > 1
        && text[toks[i - 1].start..toks[i - 1].end].eq_ignore_ascii_case("be")
        && toks[i - 2].kind == TokKind::Word
        && toks[i - 2].tw & tw::FUTURE != 0
    {
        return Tense::Future;
    }
    if f & tw::PAST != 0 {
        // "has said", "have been" are the perfect, a past; "has a speech scheduled", "will
        // have a chance" are possession and take their time from elsewhere.
        if is_have(word) && !perfect_follows(text, toks, i) {
            return Tense::Unknown;
        }
        // "could hit Florida airwaves Monday", "agreed to put it to a vote Friday": after a
        // modal or "to" a form like "hit", "put", "set" is the bare verb, no past.
        if !is_have(word) && i > 0 && (prev & tw::TO != 0 || is_modal(&text[toks[i - 1].start..toks[i - 1].end])) {
            return Tense::Unknown;
        }
        // "will be held", "is heard": a participle after an auxiliary has no tense of its own.
        return if passive { Tense::Unknown } else { Tense::Past };
    }
    // "the 2,383 delegates needed to win", "the votes required to pass": a participle after
    // a counted noun is a reduced relative, no verb of the clause.
    if ["needed", "required"].iter().any(|w| word.eq_ignore_ascii_case(w))
        && toks.get(i + 1).is_some_and(|n| n.tw & tw::TO != 0)
        && i > 1
        && (["votes", "delegates", "signatures", "seats", "ballots", "electors"]
            .iter()
            .any(|w| text[toks[i - 1].start..toks[i - 1].end].eq_ignore_ascii_case(w))
            || toks[i - 2].kind == TokKind::Number)
    {
        return Tense::Unknown;
    }
    let b = &text.as_bytes()[t.start..t.end];
    if b.len() > 4
        && b[b.len() - 2..].eq_ignore_ascii_case(b"ed")
        && !b[b.len() - 3..].eq_ignore_ascii_case(b"eed")
        // A capital marks a name ("Ted", "Alfred"), except at the start of the sentence
        // ("Asked on Monday whether ...").
        && (!t.cap || i == 0)
        && f & tw::NOT_PAST_ED == 0
    {
        // "to be completed", "will be held": an -ed form after an auxiliary of the future.
        if passive || prev & tw::DET != 0 {
            return Tense::Unknown;
        }
        return Tense::Past;
    }
    Tense::Unknown
}

/// Progressives of judging or reacting: what they are about is behind ("are hailing the
/// speech on Thursday"). Not "celebrating", "welcoming", "defending": those may be arranged.
const JUDGING: &[&str] = &[
    "hailing",
    "praising",
    "lauding",
    "applauding",
    "criticizing",
    "criticising",
    "slamming",
    "blasting",
    "condemning",
    "denouncing",
    "decrying",
    "mocking",
    "ridiculing",
    "panning",
    "lamenting",
    "mourning",
    "reacting",
    "digesting",
];

fn is_subject_pronoun(word: &str) -> bool {
    ["he", "she", "they", "we", "i"].iter().any(|w| word.eq_ignore_ascii_case(w))
}

fn is_modal(word: &str) -> bool {
    ["will", "would", "could", "might", "may", "should", "can", "shall", "must", "ll"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
}

fn is_have(word: &str) -> bool {
    ["has", "have", "hasn't", "haven't"].iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// A past participle follows the "have" at `i`, maybe after one adverb ("has said", "have
/// not been", "has already won").
fn perfect_follows(text: &str, toks: &[Tok], i: usize) -> bool {
    const ADVERBS: &[&str] = &["not", "never", "already", "also", "long", "just", "since", "always", "recently", "n't"];
    const IRREGULAR: &[&str] =
        &["begun", "come", "become", "run", "hit", "put", "set", "cut", "let", "quit", "read", "won", "gone", "done"];
    let participle = |k: usize| {
        toks.get(k).is_some_and(|n| {
            if n.kind != TokKind::Word {
                return false;
            }
            let w = &text.as_bytes()[n.start..n.end];
            let ends = |s: &[u8]| w.len() > s.len() + 1 && w[w.len() - s.len()..].eq_ignore_ascii_case(s);
            (n.tw & tw::PAST != 0 && !is_have(&text[n.start..n.end]))
                || ends(b"ed")
                || ends(b"en")
                || ends(b"wn")
                || ends(b"one")
                || ends(b"ung")
                || IRREGULAR.iter().any(|x| w.eq_ignore_ascii_case(x.as_bytes()))
        })
    };
    let adverb = toks.get(i + 1).is_some_and(|n| ADVERBS.iter().any(|x| text[n.start..n.end].eq_ignore_ascii_case(x)));
    participle(i + 1) || (adverb && participle(i + 2))
}

fn ends_with_ing(text: &str, t: &Tok) -> bool {
    let b = &text.as_bytes()[t.start..t.end];
    // "nothing", "something", "during" end in -ing but are no verbs.
    b.len() > 4
        && b[b.len() - 3..].eq_ignore_ascii_case(b"ing")
        && !b[b.len() - 5..].eq_ignore_ascii_case(b"thing")
        && !b.eq_ignore_ascii_case(b"during")
}

/// Token `i` follows "had" or "had been": "had been scheduled", "had planned".
fn past_perfect(toks: &[Tok], i: usize) -> bool {
    let tw_at = |k: usize| toks.get(k).map_or(0, |t| t.tw);
    i > 0
        && (tw_at(i - 1) & tw::HAD != 0
            || (i > 1 && tw_at(i - 1) & tw::PASSIVE_AUX != 0 && tw_at(i - 2) & tw::HAD != 0))
}

/// Punctuation that ends a clause segment: a comma, semicolon, colon, bracket, quote or
/// dash between words ("who announced a plan on Monday, plans to ...").
fn is_boundary(text: &str, t: &Tok) -> bool {
    match t.kind {
        TokKind::Punct(',' | ';' | ':' | '(' | ')' | '[' | ']' | '"' | '\u{201c}' | '\u{201d}') => true,
        // A hyphen inside a word ("third-quarter") is no boundary; a dash is, and so is a
        // hyphen with a space beside it ("the operation - which aims to ...").
        TokKind::Punct('-') => {
            let b = text.as_bytes();
            b.get(t.start) != Some(&b'-')
                || t.start.checked_sub(1).and_then(|k| b.get(k)).is_some_and(u8::is_ascii_whitespace)
                || b.get(t.end).is_some_and(u8::is_ascii_whitespace)
        }
        _ => false,
    }
}

/// The tense for an expression covering tokens `a..b`: the nearest cue, looking farther
/// left than right (English puts the verb before its adjuncts more often). A cue in the
/// expression's own clause segment (between commas, quotes, dashes) comes first: in "who
/// announced a plan on Monday, plans to focus" the day is the announcement's. A clause
/// opened after the expression ("announced Friday that he would") has its own tense.
/// Only the words within reach are looked at, so the cost does not grow with the sentence.
pub fn tense_at(text: &str, toks: &[Tok], a: usize, b: usize) -> Tense {
    // Beyond a dozen words the verb belongs to another clause more often than not:
    // distance is 2 per word to the left, 3 to the right, and must stay under 24.
    let mut lo = a.saturating_sub(11);
    // "critics who on Sunday cast his responses as inappropriate": a relative clause opened
    // before the expression has its own verb; the clause around it says nothing of the day.
    if let Some(k) = (lo..a)
        .rev()
        .find(|&k| toks[k].kind == TokKind::Word && text[toks[k].start..toks[k].end].eq_ignore_ascii_case("who"))
    {
        lo = k + 1;
    }
    let mut hi = (b + 7).min(toks.len());
    // The segment: from the boundary before the expression to the one after it.
    let mut seg_lo = lo;
    for i in (lo..a).rev() {
        if is_boundary(text, &toks[i]) {
            seg_lo = i + 1;
            break;
        }
    }
    let mut boundary = None;
    for (i, t) in toks.iter().enumerate().take(hi).skip(b) {
        if t.tw & tw::SUBORD != 0 {
            // "announcement Friday that he would endorse": the clause after "that" is not
            // the one the day belongs to.
            hi = i;
            break;
        }
        // "announcing on Wednesday he would meet the NRA": a subject pronoun opens a
        // clause of its own, as "that" does. Not after a comma ("In an essay in December,
        // he wrote": the phrase is fronted before its clause), nor when the day opens the
        // sentence ("On Tuesday he will travel").
        if a >= 3 && boundary.is_none() && t.kind == TokKind::Word && is_subject_pronoun(&text[t.start..t.end]) {
            hi = i;
            break;
        }
        if boundary.is_none() && is_boundary(text, t) {
            boundary = Some(i);
        }
    }
    let seg_hi = boundary.unwrap_or(hi).min(hi);
    let nearest = |from: usize, to: usize| {
        let mut best = (24, Tense::Unknown);
        for i in (from..a).chain(b..to) {
            let d = if i < a { (a - i) * 2 } else { (i + 1 - b) * 3 };
            if d >= best.0 {
                continue;
            }
            let c = cue(text, toks, i);
            if c != Tense::Unknown {
                best = (d, c);
            }
        }
        best.1
    };
    let tense = match nearest(seg_lo, seg_hi) {
        Tense::Unknown => nearest(lo, hi),
        t => t,
    };
    // "On Tuesday, the league plans to hold a news conference": an expression fronted before
    // a comma modifies the main clause after it, however far its verb is.
    let tense = match tense {
        Tense::Unknown if a <= 2 && toks.get(b).is_some_and(|t| t.kind == TokKind::Punct(',')) => {
            let fronted = (0..a).all(|i| toks[i].kind == TokKind::Word && cue(text, toks, i) == Tense::Unknown);
            let main = (b + 1..toks.len().min(b + 25))
                .take_while(|&i| toks[i].tw & tw::SUBORD == 0)
                .map(|i| cue(text, toks, i))
                .find(|&c| c != Tense::Unknown);
            if fronted { main.unwrap_or(Tense::Unknown) } else { Tense::Unknown }
        }
        t => t,
    };
    // "ahead of the November election", "looking ahead to the fall", "in advance of
    // Friday's report": what something is ahead of is still to come, even in a past report.
    let word_is =
        |k: usize, w: &str| toks[k].kind == TokKind::Word && text[toks[k].start..toks[k].end].eq_ignore_ascii_case(w);
    // The day may close the noun phrase after them: "ahead of the state's contest on
    // Saturday", "ahead of voting Tuesday", "heading into Tuesday's primary".
    // "Heading into" opening the sentence previews ("Heading into Tuesday's primary, she
    // trails"); after a noun it is often a state told afterwards ("had twice the delegates
    // heading into Tuesday's primaries", written after them). "40 points ahead of Sanders in polls taken in
    // December" is a lead, no time: only "on" may come between.
    let ahead = |p: usize| {
        p >= 1
            && (((word_is(p, "of") || word_is(p, "to"))
                && word_is(p - 1, "ahead")
                && !(p >= 2
                    && (toks[p - 2].kind == TokKind::Number
                        || ["points", "percent", "lead"].iter().any(|w| word_is(p - 2, w)))))
                || (p >= 2 && word_is(p, "of") && word_is(p - 1, "advance") && word_is(p - 2, "in"))
                || (p == 1
                    && tense != Tense::Past
                    && word_is(p, "into")
                    && (word_is(p - 1, "heading") || word_is(p - 1, "headed"))))
    };
    let mut p = a;
    while p > 0 && a - p < 7 {
        p -= 1;
        if ahead(p) {
            return Tense::Future;
        }
        let t = &toks[p];
        let np_word = t.kind == TokKind::Word
            && cue(text, toks, p) == Tense::Unknown
            && t.tw & tw::SUBORD == 0
            && !(p + 1 < a && ["in", "at", "with", "among", "for", "by"].iter().any(|w| word_is(p, w)));
        if !(np_word || t.kind == TokKind::Punct('\'') || t.kind == TokKind::Number) {
            break;
        }
    }
    // "has extended loans through January", "have been postponed until March": the end of
    // a state that lasts to now is as likely ahead as behind, so the perfect is no past.
    if tense == Tense::Past
        && a > 0
        && toks[a - 1].kind == TokKind::Word
        && toks[a - 1].tw == 0
        && ["until", "through", "till", "by"]
            .iter()
            .any(|w| text[toks[a - 1].start..toks[a - 1].end].eq_ignore_ascii_case(w))
        && toks[lo..a].iter().any(|t| t.kind == TokKind::Word && is_have(&text[t.start..t.end]))
    {
        return Tense::Present;
    }
    // "how ties would fare if he won the election on Nov. 8": a past after "if" in a sentence
    // with a plain "would" (not "would have") is a hypothesis ahead, not a past. "It is
    // unclear if he won on Tuesday" has no "would"; "if he had won" is a past perfect.
    if tense == Tense::Past
        && let Some(k) = (lo..a).rev().find(|&k| toks[k].tw & tw::SUBORD != 0)
        && word_is(k, "if")
        // "even if he managed to split delegates in Tuesday's contests, he would need": a
        // concession grants what may well have happened.
        && !(k > 0 && (word_is(k - 1, "as") || word_is(k - 1, "even")))
        && !toks[k..a].iter().any(|t| t.tw & tw::HAD != 0)
    {
        let modal = |m: usize| {
            ["would", "could", "might"].iter().any(|w| word_is(m, w))
                && !toks.get(m + 1).is_some_and(|n| text[n.start..n.end].eq_ignore_ascii_case("have"))
        };
        if (k.saturating_sub(12)..(b + 12).min(toks.len())).any(modal) {
            return Tense::Future;
        }
    }
    // "if there is a close vote on Tuesday", "unless he wins Saturday": the present of a
    // condition (or a condition with no tense cue) is a future.
    if matches!(tense, Tense::Present | Tense::Unknown)
        && let Some(k) = (0..a).rev().find(|&k| toks[k].tw & tw::SUBORD != 0)
        && ["if", "unless"].iter().any(|w| text[toks[k].start..toks[k].end].eq_ignore_ascii_case(w))
        // "If you want to understand Thursday night's debate": the reader is addressed, no
        // event is made a condition.
        && !toks.get(k + 1).is_some_and(|n| text[n.start..n.end].eq_ignore_ascii_case("you"))
        // "behaving as if he wanted a role": a manner, no condition.
        && !(k > 0 && text[toks[k - 1].start..toks[k - 1].end].eq_ignore_ascii_case("as"))
    {
        return Tense::Future;
    }
    tense
}

/// A plan told from a past point of view governs the expression at `a`: "was scheduled to
/// leave New Hampshire late Tuesday", "were expected to vote Friday", "was set to speak", with
/// no clause boundary or other verb cue between.
pub fn plan_seen_from_past(text: &str, toks: &[Tok], a: usize) -> bool {
    let word_is =
        |k: usize, w: &str| toks[k].kind == TokKind::Word && text[toks[k].start..toks[k].end].eq_ignore_ascii_case(w);
    let lo = a.saturating_sub(10);
    for k in (lo..a).rev() {
        if is_boundary(text, &toks[k]) || toks[k].tw & tw::SUBORD != 0 {
            return false;
        }
        if k >= 2
            && toks[k].tw & tw::TO != 0
            && ["scheduled", "expected", "set", "slated", "supposed", "due"].iter().any(|w| word_is(k - 1, w))
            && (word_is(k - 2, "was") || word_is(k - 2, "were"))
        {
            return true;
        }
    }
    false
}

/// Nouns of an outcome or of a completed event: a definite noun phrase made of one
/// ("Monday's ruling", "the slaying in Chicago on Friday", "his Tuesday wins") presupposes
/// that the event has taken place, whatever the tense of the verb it is the subject of
/// ("Monday's decision will reverberate down the ballot").
const OUTCOMES: &[&str] = &[
    "result",
    "results",
    "outcome",
    "victory",
    "victories",
    "win",
    "wins",
    "defeat",
    "defeats",
    "loss",
    "losses",
    "upset",
    "sweep",
    "triumph",
    "rout",
    "landslide",
    "setback",
    "ruling",
    "rulings",
    "decision",
    "verdict",
    "agreement",
    "announcement",
    "remarks",
    "comments",
    "slaying",
    "killing",
    "killings",
    "shooting",
    "shootings",
    "attack",
    "attacks",
    "bombing",
    "bombings",
    "massacre",
    "crash",
    "explosion",
    "blast",
    "assassination",
    "death",
    "resignation",
];

/// Determiners of a definite noun phrase; a possessive "'s" counts as one too.
const DEFINITE: &[&str] = &["the", "his", "her", "their", "its", "our", "s"];

/// Prepositions a noun phrase can hang from ("because of the slaying", "after the attack").
const NP_PREPS: &[&str] =
    &["of", "after", "since", "following", "despite", "amid", "over", "about", "from", "with", "by", "for", "to"];

/// An election named by its month or date ("the November election", "the Nov. 8
/// election", "November's general election", "the June primary"): the token after the
/// expression (after a possessive and a few modifiers) is a vote.
pub fn names_election(text: &str, toks: &[Tok], b: usize) -> bool {
    const VOTES: &[&str] = &[
        "election",
        "elections",
        "ballot",
        "vote",
        "midterm",
        "midterms",
        "runoff",
        "referendum",
        "primary",
        "primaries",
        "caucus",
        "caucuses",
    ];
    const MODIFIERS: &[&str] =
        &["general", "presidential", "congressional", "national", "state", "local", "special", "u.s"];
    let is_any = |k: usize, ws: &[&str]| {
        toks.get(k)
            .is_some_and(|t| t.kind == TokKind::Word && ws.iter().any(|w| text[t.start..t.end].eq_ignore_ascii_case(w)))
    };
    let mut k = b;
    if toks.get(k).is_some_and(|t| t.kind == TokKind::Punct('\'')) && is_any(k + 1, &["s"]) {
        k += 2;
    }
    while is_any(k, MODIFIERS) || toks.get(k).is_some_and(|t| t.kind == TokKind::Punct('.')) {
        k += 1;
    }
    is_any(k, VOTES)
}

/// The tense an election named by its month is resolved with: elections are announced
/// long ahead, so in the present or the future it is the coming one ("is calling for a
/// review of the polling plan for the November election", in April); told in the past, the
/// nearest one ("to influence the Nov. 8 election", in July, is still ahead; "won the
/// November election", in February, is behind).
pub fn election_tense(tense: Tense) -> Tense {
    match tense {
        Tense::Past => Tense::Unknown,
        Tense::Present | Tense::Future => Tense::Future,
        // No tense: the nearest one, leaning ahead as a schedule does ("before the November
        // election", in May; "his showing in the March 15 primary", in July, is behind).
        Tense::Unknown => Tense::Present,
    }
}

/// The tense a weekday (tokens `a..b`) is resolved with, given the clause's `tense`.
///
/// - A weekday in a definite noun phrase of an outcome ("Tuesday's results", "Monday's
///   Supreme Court ruling", "the results of Tuesday's primaries", "his Tuesday wins", "the
///   slaying in Chicago on Friday") names an event that has happened: the future of the
///   clause is its consequence ("Monday's decision will reverberate"), not its day.
pub fn weekday_tense(text: &str, toks: &[Tok], a: usize, b: usize, tense: Tense) -> Tense {
    let word = |k: usize| toks.get(k).filter(|t| t.kind == TokKind::Word).map(|t| &text[t.start..t.end]);
    let is = |k: usize, w: &str| word(k).is_some_and(|x| x.eq_ignore_ascii_case(w));
    let any = |k: usize, ws: &[&str]| word(k).is_some_and(|x| ws.iter().any(|w| x.eq_ignore_ascii_case(w)));
    if tense == Tense::Past {
        return tense;
    }
    let outcome = |k: usize| any(k, OUTCOMES);
    let definite = |k: usize| {
        any(k, DEFINITE) && (!is(k, "s") || (k > 0 && toks[k - 1].kind == TokKind::Punct('\'')))
            || toks.get(k).is_some_and(|t| t.kind == TokKind::Punct('\''))
    };
    let possessive = toks.get(b).is_some_and(|t| t.kind == TokKind::Punct('\'')) && is(b + 1, "s");
    let past = if possessive {
        // "Tuesday's results", "Friday's provisional agreement": the noun within a few
        // words, before any verb; "the results of Tuesday's primaries".
        (b + 2..(b + 6).min(toks.len()))
            .take_while(|&k| toks[k].kind == TokKind::Word && cue(text, toks, k) == Tense::Unknown)
            .any(outcome)
            || (a >= 2 && is(a - 1, "of") && outcome(a - 2))
    } else if a >= 1 && definite(a - 1) && outcome(b) {
        // "his Tuesday wins", "the Friday shooting".
        true
    } else {
        // "the slaying in Chicago on Friday", "her victories in Ohio and Florida on Tuesday":
        // back over the places to the noun, which must head a definite noun phrase that
        // opens its clause or hangs from a preposition (not the object of a verb: "will
        // announce the results on Tuesday").
        let mut k = a;
        let mut found = false;
        while k > 0 && a - k < 10 {
            k -= 1;
            let t = &toks[k];
            if t.kind == TokKind::Punct(',') || (t.kind == TokKind::Word && t.cap && k > 0) {
                continue;
            }
            if ["on", "in", "at", "and"].iter().any(|w| is(k, w)) {
                continue;
            }
            if !outcome(k) {
                break;
            }
            // Back over a few modifiers to the determiner: "after a humbling, 22-point defeat
            // in New Hampshire Tuesday". An indefinite one only after a preposition that
            // places the event behind ("hoping for a victory on Tuesday" is ahead).
            let mut d = k;
            while d > 0
                && k - d < 6
                && !(definite(d - 1) || any(d - 1, &["a", "an"]))
                && (toks[d - 1].kind == TokKind::Punct(',')
                    || toks[d - 1].kind == TokKind::Punct('-')
                    || toks[d - 1].kind == TokKind::Number
                    || (toks[d - 1].kind == TokKind::Word && cue(text, toks, d - 1) == Tense::Unknown))
            {
                d -= 1;
            }
            if d == 0 {
                break;
            }
            let m = d - 1;
            found = if any(m, &["a", "an"]) {
                m >= 1 && any(m - 1, &["after", "following", "since", "despite", "amid"])
            } else {
                definite(m) && (m == 0 || any(m - 1, NP_PREPS) || toks[m - 1].kind != TokKind::Word)
            };
            break;
        }
        found
    };
    if past { Tense::Past } else { tense }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::temporal::lex::{build_table, tokenize};

    fn tense_of(s: &str, word: &str) -> Tense {
        let t = build_table();
        let mut toks = Vec::new();
        tokenize(&t, s, 0, s.len(), &mut toks);
        let i = toks.iter().position(|k| &s[k.start..k.end] == word).expect("word in sentence");
        tense_at(s, &toks, i, i + 1)
    }

    /// A time fronted before a comma takes the main clause's tense, however far its verb.
    #[test]
    fn a_fronted_time_takes_the_main_clause_tense() {
        let s = "On Tuesday, the National Abortion Rights Action League of America plans to hold a news conference.";
        assert_eq!(tense_of(s, "Tuesday"), Tense::Future);
        let s = "In May, a federal judge in the District of Columbia and his clerks ordered a review.";
        assert_eq!(tense_of(s, "May"), Tense::Past);
        let s = "Starting Tuesday, the competition for second place in the Granite State will be fierce.";
        assert_eq!(tense_of(s, "Tuesday"), Tense::Future);
    }

    #[test]
    fn nearest_cue_decides() {
        assert_eq!(tense_of("He said on Tuesday that it is over.", "Tuesday"), Tense::Past);
        assert_eq!(tense_of("He said he will meet them on Tuesday.", "Tuesday"), Tense::Future);
        assert_eq!(tense_of("The talks are to resume Tuesday.", "Tuesday"), Tense::Future);
        assert_eq!(tense_of("They'll meet Tuesday.", "Tuesday"), Tense::Future);
        assert_eq!(tense_of("Rebels attacked the town Tuesday.", "Tuesday"), Tense::Past);
        // Past forms the -ed ending does not give away.
        assert_eq!(tense_of("He died Sunday at 82.", "Sunday"), Tense::Past);
        assert_eq!(tense_of("The sides agreed Friday to talk.", "Friday"), Tense::Past);
        assert_eq!(tense_of("He says Tuesday is fine.", "Tuesday"), Tense::Present);
        // "set to", "supposed to", "poised to": arranged for later, whatever the verb's form.
        assert_eq!(tense_of("The talks, set to resume Monday in Belfast.", "Monday"), Tense::Future);
        assert_eq!(tense_of("talks that are supposed to conclude by May", "May"), Tense::Future);
        assert_eq!(tense_of("Troops are poised to cross Sunday.", "Sunday"), Tense::Future);
        assert_eq!(tense_of("The hearing is set for Tuesday.", "Tuesday"), Tense::Future);
        assert_eq!(tense_of("The hearing had been set for Tuesday.", "Tuesday"), Tense::Past);
        assert_eq!(tense_of("The two leaders are meeting on Friday.", "Friday"), Tense::Future);
        assert_eq!(tense_of("The leaders are in Cairo on Friday.", "Friday"), Tense::Present);
        // The present of a scheduled event is its future; an infinitive leaves the tense
        // to the verb before it.
        assert_eq!(tense_of("The offer expires Friday.", "Friday"), Tense::Future);
        assert_eq!(tense_of("Results are due out Friday.", "Friday"), Tense::Future);
        assert_eq!(tense_of("Clinton leaves for Asia on Sunday.", "Sunday"), Tense::Future);
        assert_eq!(tense_of("Albright meets Arafat on Monday.", "Monday"), Tense::Future);
        assert_eq!(tense_of("He and Arafat meet separately Monday with Albright.", "Monday"), Tense::Future);
        let meet = "It was difficult for Sun to meet demand well into the summer.";
        assert_eq!(tense_of(meet, "summer"), Tense::Past);
        assert_eq!(tense_of("It had been due to expire Friday.", "Friday"), Tense::Past);
    }

    #[test]
    fn schedules_in_the_present_look_ahead() {
        assert_eq!(tense_of("The Senate votes Tuesday on the bill.", "Tuesday"), Tense::Future);
        assert_eq!(tense_of("The trial ends Friday.", "Friday"), Tense::Future);
        assert_eq!(tense_of("Clinton takes office Monday.", "Monday"), Tense::Future);
        assert_eq!(tense_of("The court hears arguments Monday.", "Monday"), Tense::Future);
        assert_eq!(tense_of("The vote is Tuesday.", "Tuesday"), Tense::Future);
        assert_eq!(tense_of("The funeral is on Saturday.", "Saturday"), Tense::Future);
        // A plural noun after an article is no verb; a place after the copula is no schedule.
        assert_eq!(tense_of("The votes Tuesday were counted.", "Tuesday"), Tense::Past);
        assert_eq!(tense_of("The leaders are in Cairo on Friday.", "Friday"), Tense::Present);
    }

    #[test]
    fn effective_dates_and_plans_look_ahead() {
        // The date a measure takes effect is announced ahead, even in a past-tense report.
        let eff = "U.S. Trust also created an office of the chairman, effective Feb. 1.";
        assert_eq!(tense_of(eff, "Feb"), Tense::Future);
        assert_eq!(tense_of("The pact, effective June 1, raised costs.", "June"), Tense::Future);
        // ... but not once it "became" or "was" effective.
        assert_ne!(tense_of("The rule became effective Jan. 1.", "Jan"), Tense::Future);
        assert_eq!(tense_of("The rule was effective Jan. 1.", "Jan"), Tense::Past);
        // "planned to" in a wire report is a plan still ahead ("The team planned to leave
        // Nairobi on Thursday", dated Wednesday).
        assert_eq!(tense_of("The team planned to leave Nairobi on Thursday.", "Thursday"), Tense::Future);
        assert_eq!(tense_of("The planned strike Friday.", "Friday"), Tense::Future);
    }

    #[test]
    fn plans_as_nouns_and_past_perfect_plans() {
        // "plan" is a future cue as a verb before "to", not as a noun.
        assert_eq!(tense_of("The thrift announced the plan Aug. 21.", "Aug"), Tense::Past);
        assert_eq!(tense_of("He plans to travel Friday.", "Friday"), Tense::Future);
        // A schedule in the past perfect is over: the offer expired.
        assert_eq!(tense_of("The offer had been scheduled to expire Friday.", "Friday"), Tense::Past);
        assert_eq!(tense_of("The offer is scheduled to expire Friday.", "Friday"), Tense::Future);
        // "un-...-ed" adjectives carry no tense: the "would" decides.
        assert_eq!(tense_of("It would be paid on a still unspecified date in January.", "January"), Tense::Future);
    }

    #[test]
    fn participles_and_false_ed_words_carry_no_tense() {
        assert_eq!(tense_of("The completed deal Tuesday", "Tuesday"), Tense::Unknown);
        assert_eq!(tense_of("A hundred people Tuesday", "Tuesday"), Tense::Unknown);
        assert_eq!(tense_of("The U.N.-based team Tuesday", "Tuesday"), Tense::Unknown);
        // A cue more than a dozen words away belongs to another clause.
        let far = "He said that one two three four five six seven eight nine ten eleven Tuesday";
        assert_eq!(tense_of(far, "Tuesday"), Tense::Unknown);
        // ... unless "will be" / "would be" gives the passive a future.
        let named = "She will be named commander of the big ship for a mission in December.";
        assert_eq!(tense_of(named, "December"), Tense::Future);
        assert_ne!(tense_of("It has been named a commander in December.", "December"), Tense::Future);
    }

    #[test]
    fn the_clause_of_the_expression_decides_first() {
        // A relative clause between commas keeps its own verb.
        let rel = "Clinton, who announced a plan on Monday, plans to focus on jobs.";
        assert_eq!(tense_of(rel, "Monday"), Tense::Past);
        let quote = "Clinton said at a town hall on Monday, \u{201c}we would be looking at it.\u{201d}";
        assert_eq!(tense_of(quote, "Monday"), Tense::Past);
        // Nothing in the segment: the cue beyond the comma still counts.
        assert_eq!(tense_of("On Monday, he will travel to Iowa.", "Monday"), Tense::Future);
        // A clause opened after the day has its own tense.
        let that = "He said, just prior to the announcement Friday that he would endorse her.";
        assert_eq!(tense_of(that, "Friday"), Tense::Past);
        // A dash between words is a boundary, a hyphen inside a word is not.
        assert_eq!(tense_of("Graham met him Monday\u{2014}he will go", "Monday"), Tense::Past);
    }

    #[test]
    fn a_negated_could_looks_back() {
        assert_eq!(tense_of("The family could not be reached for comment Wednesday.", "Wednesday"), Tense::Past);
        assert_eq!(tense_of("He could win California on Tuesday.", "Tuesday"), Tense::Future);
    }

    #[test]
    fn perfects_modal_perfects_and_plans_told_in_the_past() {
        // "have" is a past cue as the perfect, not as possession after "will".
        assert_eq!(
            tense_of("Voters will have a chance to make their voice known on Tuesday.", "Tuesday"),
            Tense::Future
        );
        assert_eq!(tense_of("He has said on Tuesday that it is over.", "Tuesday"), Tense::Past);
        assert_eq!(tense_of("The firm has a speech scheduled Friday.", "Friday"), Tense::Future);
        assert_eq!(tense_of("He noted that Saturday would have been his birthday.", "Saturday"), Tense::Past);
        assert_eq!(tense_of("It came soon after Sunday's attack.", "Sunday"), Tense::Past);
        assert_eq!(tense_of("The deal reached on Saturday still leaves the world at risk.", "Saturday"), Tense::Past);
        // Sentence-initial capitals are no names.
        assert_eq!(tense_of("Asked on Monday whether he would run, he smiled.", "Monday"), Tense::Past);
        assert_eq!(tense_of("He said on NBC's Meet the Press on Sunday it was over.", "Sunday"), Tense::Past);
        assert_eq!(tense_of("He was set to receive an endorsement on Friday.", "Friday"), Tense::Past);
        // A hyphen between spaces is a dash.
        let dash = "The operation aims to spend it before the November vote - it is now wary.";
        assert_eq!(tense_of(dash, "November"), Tense::Future);
        assert_eq!(tense_of("He is set to receive an endorsement on Friday.", "Friday"), Tense::Future);
        // "was to" is a plan seen from the past: "to" gives no future ("is to" looks ahead).
        assert_ne!(tense_of("The rule was to be issued on Wednesday.", "Wednesday"), Tense::Future);
        assert_eq!(tense_of("The rule is to be issued on Wednesday.", "Wednesday"), Tense::Future);
    }

    fn weekday_tense_of(s: &str, word: &str) -> Tense {
        let t = build_table();
        let mut toks = Vec::new();
        tokenize(&t, s, 0, s.len(), &mut toks);
        let i = toks.iter().position(|k| &s[k.start..k.end] == word).expect("word in sentence");
        weekday_tense(s, &toks, i, i + 1, tense_at(s, &toks, i, i + 1))
    }

    #[test]
    fn a_day_something_is_ahead_of_is_to_come() {
        let s = "Trump and Cruz maintained their battle as they sit atop polls ahead of Monday's caucuses.";
        assert_eq!(weekday_tense_of(s, "Monday"), Tense::Future);
        assert_eq!(weekday_tense_of("Prices rose in advance of Friday's report.", "Friday"), Tense::Future);
        // "leading up to" is told from after the day.
        let s = "The boycott subsumed all other story lines leading up to Thursday's debate.";
        assert_eq!(weekday_tense_of(s, "Thursday"), Tense::Past);
    }

    #[test]
    fn an_outcome_named_with_its_day_has_happened() {
        let s = "Monday's decision will reverberate down the ballot.";
        assert_eq!(tense_of(s, "Monday"), Tense::Future);
        assert_eq!(weekday_tense_of(s, "Monday"), Tense::Past);
        let s = "It is likely that Friday's provisional agreement may merely reset the clock.";
        assert_eq!(weekday_tense_of(s, "Friday"), Tense::Past);
        let s = "The results of Tuesday's five primaries will almost certainly force him out.";
        assert_eq!(weekday_tense_of(s, "Tuesday"), Tense::Past);
        let s = "If he follows up his Tuesday wins with a victory on Saturday, he leads.";
        assert_eq!(weekday_tense_of(s, "Tuesday"), Tense::Past);
        assert_eq!(weekday_tense_of(s, "Saturday"), Tense::Future);
        let s = "Her victories in Pennsylvania, Maryland and Delaware on Tuesday will accelerate that shift.";
        assert_eq!(weekday_tense_of(s, "Tuesday"), Tense::Past);
        let s = "Trump said they will vote for him because of the slaying in Chicago on Friday.";
        assert_eq!(weekday_tense_of(s, "Friday"), Tense::Past);
        // A scheduled event keeps the future; so does an outcome still hoped for, or one
        // that is the object of a future verb.
        let s = "She's hoping Saturday's Nevada caucuses will set her on a clear path.";
        assert_eq!(weekday_tense_of(s, "Saturday"), Tense::Future);
        let s = "A victory in Florida on Tuesday would give him the nomination.";
        assert_eq!(weekday_tense_of(s, "Tuesday"), Tense::Future);
        let s = "The board will announce the results on Tuesday.";
        assert_eq!(weekday_tense_of(s, "Tuesday"), Tense::Future);
    }

    #[test]
    fn a_bare_verb_after_a_modal_or_to_is_no_past() {
        let s = "The spot is airing on national cable and could hit Florida airwaves Monday.";
        assert_eq!(tense_of(s, "Monday"), Tense::Future);
        assert_eq!(tense_of("The team will set a new date Friday.", "Friday"), Tense::Future);
        let s = "He is optimistic that he will do well in Tuesday's primary.";
        assert_eq!(tense_of(s, "Tuesday"), Tense::Future);
        // The same form after a subject is a past.
        assert_eq!(tense_of("The storm hit Florida on Monday.", "Monday"), Tense::Past);
    }

    #[test]
    fn a_subject_pronoun_opens_a_clause_of_its_own() {
        let s = "Trump also joined the debate, announcing on Wednesday he would meet the NRA.";
        assert_eq!(tense_of(s, "Wednesday"), Tense::Past);
        assert_eq!(tense_of("On Tuesday he will travel to Iowa.", "Tuesday"), Tense::Future);
        assert_eq!(tense_of("The senator will travel to Iowa on Tuesday.", "Tuesday"), Tense::Future);
        assert_eq!(tense_of("In an essay in Time magazine in December, he wrote it.", "December"), Tense::Past);
    }

    #[test]
    fn obligations_look_ahead() {
        let s = "Those are the voters Mrs. Clinton must win in November.";
        assert_eq!(tense_of(s, "November"), Tense::Future);
        assert_eq!(tense_of("He needs to win in November.", "November"), Tense::Future);
        // "must have" looks back, as "could have" does; "the needs" is a noun.
        assert_eq!(tense_of("He must have known in November.", "November"), Tense::Past);
        assert_eq!(tense_of("The needs of November.", "November"), Tense::Unknown);
    }

    #[test]
    fn a_modal_with_have_looks_back_only_as_a_perfect() {
        let s = "The dislike could have big consequences in November.";
        assert_eq!(tense_of(s, "November"), Tense::Future);
        assert_eq!(tense_of("He could have won in November.", "November"), Tense::Past);
        assert_eq!(tense_of("He should not have gone in November.", "November"), Tense::Past);
        let s = "He did not play the role that he could have Tuesday.";
        assert_eq!(tense_of(s, "Tuesday"), Tense::Past);
    }

    #[test]
    fn elections_named_by_their_month() {
        let named = |s: &str, word: &str| {
            let t = build_table();
            let mut toks = Vec::new();
            tokenize(&t, s, 0, s.len(), &mut toks);
            let i = toks.iter().position(|k| &s[k.start..k.end] == word).expect("word in sentence");
            names_election(s, &toks, i + 1)
        };
        assert!(named("The plan for the November election.", "November"));
        assert!(named("Cross called November's general election a citizenship election.", "November"));
        assert!(named("They wanted to influence the Nov. 8 U.S. presidential election.", "8"));
        assert!(!named("The November results were tallied.", "November"));
        assert_eq!(election_tense(Tense::Past), Tense::Unknown);
        assert_eq!(election_tense(Tense::Present), Tense::Future);
        assert_eq!(election_tense(Tense::Unknown), Tense::Present);
    }

    #[test]
    fn a_plan_kept_is_no_future() {
        let s = "Mr. Bush let the offensive begin as previously planned Saturday night.";
        assert_eq!(tense_of(s, "Saturday"), Tense::Unknown);
        assert_eq!(tense_of("The vote went ahead as scheduled Tuesday.", "Tuesday"), Tense::Past);
        assert_eq!(tense_of("The vote is scheduled Tuesday.", "Tuesday"), Tense::Future);
    }

    #[test]
    fn what_something_is_ahead_of_is_to_come() {
        let s = "Looking ahead to Tuesday, Mr. Manafort was joined by a new deputy.";
        assert_eq!(tense_of(s, "Tuesday"), Tense::Future);
        assert_eq!(tense_of("Traders sold ahead of Friday's report.", "Friday"), Tense::Future);
        assert_eq!(tense_of("Traders sold in advance of Friday's report.", "Friday"), Tense::Future);
    }

    #[test]
    fn as_if_is_no_condition() {
        let s = "Hannity behaves as if it is a role -- something laughable and contractually prohibitive in an interview on Friday.";
        assert_ne!(tense_of(s, "Friday"), Tense::Future);
        assert_eq!(tense_of("If there is a vote on Friday, he wins.", "Friday"), Tense::Future);
    }

    #[test]
    fn reduced_relatives_and_relative_clauses() {
        assert_eq!(
            tense_of("He would arrive at the convention in July with the 2,383 delegates needed to win.", "July"),
            Tense::Future
        );
        assert_eq!(tense_of("The officials needed to act by Friday.", "Friday"), Tense::Past);
        assert_eq!(
            tense_of("The mogul should ignore the critics who on Sunday cast his answers as wrong.", "Sunday"),
            Tense::Unknown
        );
        assert_eq!(tense_of("He should ignore the critics who will on Sunday rally.", "Sunday"), Tense::Future);
    }

    #[test]
    fn the_reader_addressed_by_if_makes_no_condition() {
        assert_eq!(
            tense_of("If you want to understand the meaning of Thursday night's debate, look here.", "Thursday"),
            Tense::Unknown
        );
        assert_eq!(tense_of("If there is a close vote on Tuesday, we need clarity.", "Tuesday"), Tense::Future);
    }

    #[test]
    fn an_outcome_after_a_preposition_with_modifiers_has_happened() {
        let s = "After a humbling, 22-point defeat in New Hampshire Tuesday, Clinton is staggering in.";
        assert_eq!(weekday_tense_of(s, "Tuesday"), Tense::Past);
        let s = "He is hoping for a victory in New Hampshire Tuesday.";
        assert_eq!(weekday_tense_of(s, "Tuesday"), Tense::Future);
    }

    #[test]
    fn ahead_of_a_noun_phrase_closed_by_its_day() {
        assert_eq!(tense_of("He met voters ahead of the state's contest on Saturday.", "Saturday"), Tense::Future);
        assert_eq!(tense_of("He waged a fight ahead of voting Tuesday that ended.", "Tuesday"), Tense::Future);
        assert_eq!(tense_of("Heading into Tuesday's primary, Clinton is behind.", "Tuesday"), Tense::Future);
        assert_eq!(tense_of("He came ahead of the others and won on Tuesday.", "Tuesday"), Tense::Past);
        let s = "She had 1,944 delegates heading into Tuesday's primaries.";
        assert_eq!(tense_of(s, "Tuesday"), Tense::Past);
        let s = "Clinton had more than twice the number of delegates as Sanders heading into Tuesday's primaries.";
        assert_ne!(tense_of(s, "Tuesday"), Tense::Future);
        let s = "She was 40 points ahead of Sanders here in polls taken in December.";
        assert_ne!(tense_of(s, "December"), Tense::Future);
    }

    #[test]
    fn due_right_after_a_noun_is_ahead() {
        assert_eq!(tense_of("The filings due Sunday night show money.", "Sunday"), Tense::Future);
        assert_eq!(tense_of("The filings were due Sunday night.", "Sunday"), Tense::Past);
    }

    #[test]
    fn judging_progressives_look_back() {
        assert_eq!(tense_of("Progressives are hailing the nominee's speech on Thursday.", "Thursday"), Tense::Present);
        assert_eq!(tense_of("Critics are blasting the court's ruling on Monday.", "Monday"), Tense::Present);
        assert_eq!(tense_of("They are meeting on Thursday.", "Thursday"), Tense::Future);
    }

    #[test]
    fn a_past_in_a_hypothesis_looks_ahead() {
        assert_eq!(
            tense_of("He was asked how ties would fare if he won the election on Nov. 8.", "Nov"),
            Tense::Future
        );
        assert_eq!(tense_of("It is unclear if he won the vote on Tuesday.", "Tuesday"), Tense::Past);
        assert_eq!(tense_of("Even if he won delegates on Tuesday, he would need more.", "Tuesday"), Tense::Past);
        assert_eq!(tense_of("He would be president now if he had won on Tuesday.", "Tuesday"), Tense::Past);
        assert_eq!(tense_of("He would have been president if he won on Tuesday.", "Tuesday"), Tense::Past);
    }

    #[test]
    fn a_state_after_an_event_is_no_arrangement() {
        let s = "Kasich is coming off a strong debate Thursday night.";
        assert_eq!(tense_of(s, "Thursday"), Tense::Present);
        assert_eq!(tense_of("The party is reeling from the loss Tuesday.", "Tuesday"), Tense::Present);
        assert_eq!(tense_of("Kasich is coming to Ohio on Thursday.", "Thursday"), Tense::Future);
    }
}

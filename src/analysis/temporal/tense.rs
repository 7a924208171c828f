//! The tense of the clause around a temporal expression, from verb cues near it.
//!
//! No part-of-speech tagger: news verbs are few and regular enough that a list of
//! auxiliaries, irregular past forms and the `-ed` ending decide most clauses. The cue
//! nearest to the expression wins, so "said on Tuesday that he will go" is past for
//! "Tuesday" and "he said he will meet them on Tuesday" is future.

use super::lex::{Tok, TokKind, tw};

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
    if f & tw::FUTURE != 0 {
        // "difficult for Sun to meet demand": after "to" the bare verb takes its time from
        // the verb before it ("plans to", "set to" are cues of their own).
        let word = &text[t.start..t.end];
        if prev & tw::TO != 0 && ["meet", "resume", "convene"].iter().any(|w| word.eq_ignore_ascii_case(w)) {
            return Tense::Unknown;
        }
        // "had been scheduled to expire Friday", "had planned": a plan told in the past
        // perfect was for a time already past.
        if past_perfect(toks, i) && text.as_bytes()[t.end - 1].eq_ignore_ascii_case(&b'd') {
            return Tense::Past;
        }
        // "would" in reported speech is the future of a past report; "later" is weak.
        return Tense::Future;
    }
    if f & tw::FUTURE_TO != 0 {
        // "plans to meet Tuesday"; "announced the plan Aug. 21" has no future in it.
        let to_next = toks.get(i + 1).is_some_and(|n| n.tw & tw::TO != 0);
        return if to_next { Tense::Future } else { Tense::Unknown };
    }
    if f & tw::TO != 0 && i > 0 {
        // "is to resume", "was to meet", "set to resume", "supposed to end": an
        // arrangement for the future.
        if prev & tw::ARRANGED != 0 && past_perfect(toks, i - 1) {
            return Tense::Past;
        }
        return if prev & (tw::BE | tw::ARRANGED) != 0 { Tense::Future } else { Tense::Unknown };
    }
    if f & tw::PRESENT != 0 {
        // "are meeting Friday", "is leaving on Monday": the progressive present of an
        // arrangement is its future.
        if f & tw::BE != 0 && toks.get(i + 1).is_some_and(|n| n.kind == TokKind::Word && ends_with_ing(text, n)) {
            return Tense::Future;
        }
        return Tense::Present;
    }
    if f & tw::DUE != 0 && prev & tw::PRESENT != 0 {
        // "results are due out Friday", "the report is due Tuesday".
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
        // "will be held", "is heard": a participle after an auxiliary has no tense of its own.
        return if passive { Tense::Unknown } else { Tense::Past };
    }
    let b = &text.as_bytes()[t.start..t.end];
    if b.len() > 4
        && b[b.len() - 2..].eq_ignore_ascii_case(b"ed")
        && !b[b.len() - 3..].eq_ignore_ascii_case(b"eed")
        && !t.cap
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

/// The tense for an expression covering tokens `a..b`: the nearest cue, looking farther
/// left than right (English puts the verb before its adjuncts more often). Only the
/// words within reach are looked at, so the cost does not grow with the sentence.
pub fn tense_at(text: &str, toks: &[Tok], a: usize, b: usize) -> Tense {
    // Beyond a dozen words the verb belongs to another clause more often than not:
    // distance is 2 per word to the left, 3 to the right, and must stay under 24.
    let mut best = (24, Tense::Unknown);
    let lo = a.saturating_sub(11);
    let hi = (b + 7).min(toks.len());
    for i in (lo..a).chain(b..hi) {
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
}

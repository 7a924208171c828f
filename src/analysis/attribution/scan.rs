//! Cues in their sentence: the source before or after the verb, and the content on the
//! other side. A hand-written reader over the sentence's tokens, no parser: news
//! attribution is formulaic ("X said", "“...,” X said", "..., said X, a spokeswoman for Y",
//! "according to X", "..., saying ...").

use super::{CueClass, Lexicon, Raw};
use std::sync::LazyLock;

use crate::analysis::entities::{NOT_NAME_WORDS, PronounClass, WordSet};
use crate::document::Document;
use crate::text::Span;
use crate::text::lexicon::PhraseMatch;
use crate::text::token::{Token, TokenKind, tokens};

static DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "some", "many",
    "several", "other", "two", "three", "four", "five", "six", "both", "all", "each", "every", "most", "few", "one",
    "another", "such", "any", "no", "more",
];

/// Words that sit between a subject and its reporting verb ("has long said", "also warned").
static BETWEEN: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "may",
    "might",
    "should",
    "must",
    "did",
    "does",
    "do",
    "not",
    "never",
    "long",
    "previously",
    "repeatedly",
    "later",
    "recently",
    "once",
    "still",
    "again",
    "already",
    "often",
    "publicly",
    "privately",
    "flatly",
    "firmly",
    "strongly",
    "quickly",
    "immediately",
    "then",
    "further",
    "earlier",
    "subsequently",
    "initially",
    "first",
    "just",
    "even",
    "now",
    "frequently",
    "consistently",
    "explicitly",
    "clearly",
    "openly",
    "reportedly",
    "allegedly",
    "is",
    "was",
    "are",
    "were",
    "been",
    "being",
    "today",
    "yesterday",
    "tonight",
    "apparently",
    "simply",
    "only",
    "actually",
    "always",
    "certainly",
    "all",
    "both",
    "angrily",
    "bluntly",
    "candidly",
    "categorically",
    "emphatically",
    "falsely",
    "famously",
    "formally",
    "gently",
    "hastily",
    "loudly",
    "mistakenly",
    "notably",
    "officially",
    "personally",
    "pointedly",
    "proudly",
    "quietly",
    "rightly",
    "sharply",
    "softly",
    "specifically",
    "sternly",
    "wrongly",
    "ominously",
    "cheerfully",
    "n't",
    "here",
    "since",
    "twice",
    "increasingly",
    "didn't",
    "didn’t",
    "doesn't",
    "doesn’t",
    "don't",
    "don’t",
    "hasn't",
    "hasn’t",
    "haven't",
    "haven’t",
    "hadn't",
    "hadn’t",
    "wasn't",
    "wasn’t",
    "won't",
    "won’t",
    "wouldn't",
    "wouldn’t",
    "can't",
    "can’t",
    "isn't",
    "isn’t",
    "’ve",
    "'ve",
    "there",
    "herself",
    "himself",
    "themselves",
    "itself",
];

static WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

static PREPOSITIONS: &[&str] = &[
    "in",
    "on",
    "at",
    "to",
    "during",
    "after",
    "before",
    "via",
    "through",
    "with",
    "over",
    "from",
    "by",
    "in",
    "while",
    "late",
    "last",
    "earlier",
    "this",
    "outside",
    "inside",
    "ahead",
    "following",
    "upon",
    "under",
    "amid",
    "of",
    "about",
    "yesterday",
    "today",
    "tonight",
];

/// Words that open an adverbial between a cue and its content ("said in a statement that").
static LEAD_ADVERBIAL: &[&str] = &[
    "in",
    "on",
    "at",
    "to",
    "during",
    "after",
    "before",
    "via",
    "through",
    "over",
    "late",
    "last",
    "earlier",
    "this",
    "yesterday",
    "today",
    "tonight",
    "while",
    "when",
    "later",
    "again",
    "repeatedly",
    "publicly",
    "privately",
];

/// Verbs of telling take an addressee before the content ("told Reuters that ...").
static TELL: &[&str] = &[
    "tell",
    "tells",
    "told",
    "telling",
    "assure",
    "assured",
    "assures",
    "assuring",
    "informed",
    "inform",
    "informs",
    "reminded",
    "remind",
    "reminds",
    "reassured",
    "reassure",
    "reassures",
];

/// Verbs that take a reporting verb as their infinitive ("continued to portray", "tried to
/// explain"): the subject of the first is the source of the second. Verbs that are cues
/// themselves ("wants to say") are left out: they carry the attribution.
static CATENATIVE: &[&str] = &[
    "continue",
    "continues",
    "continued",
    "continuing",
    "try",
    "tries",
    "tried",
    "trying",
    "began",
    "begin",
    "begins",
    "begun",
    "start",
    "starts",
    "started",
    "attempted",
    "attempts",
    "struggled",
    "struggles",
    "managed",
    "used",
    "went",
    "like",
    "love",
    "loves",
    "loved",
    "going",
    "got",
    "has",
    "have",
    "had",
    "ought",
    "needs",
    "needed",
    "moved",
    "rushed",
    "scrambled",
    "stopped",
    "took",
    "sought",
];

/// Words ending in "-ly" that are nouns or adjectives, not adverbs ("the family said").
static LY_NOT_ADVERB: &[&str] = &[
    "family",
    "ally",
    "rally",
    "assembly",
    "supply",
    "reply",
    "bully",
    "anomaly",
    "monopoly",
    "daily",
    "weekly",
    "monthly",
    "quarterly",
    "yearly",
    "elderly",
    "early",
    "homily",
    "belly",
    "lily",
    "jelly",
    "holly",
    "italy",
    "july",
    "folly",
    "melancholy",
    "friendly",
    "lonely",
    "deadly",
    "costly",
    "likely",
    "only",
    "fly",
    "apply",
    "comply",
    "rely",
    "imply",
    "tally",
    "sully",
    "wholly",
    "kelly",
    "molly",
    "sally",
    "billy",
    "polly",
    "dolly",
];

/// Evidential verbs: their subject is what is reported ("the plan seems to work"), not a source.
static EVIDENTIAL: &[&str] = &["seem", "seems", "seemed", "seeming", "appear", "appears", "appeared", "appearing"];

/// Conjunctions that open a clause, never a source noun phrase.
static SUBORDINATORS: &[&str] = &["as", "when", "because", "if", "though", "although", "until", "since", "where"];

/// Quantifiers that stand as a subject on their own ("Most believe", "Many say").
static QUANTIFIER_HEADS: &[&str] =
    &["most", "many", "some", "both", "half", "few", "several", "others", "majority", "two", "three", "four"];

static SETS: LazyLock<[WordSet; 10]> = LazyLock::new(|| {
    [
        WordSet::new(DETERMINERS),
        WordSet::new(BETWEEN),
        WordSet::new(PREPOSITIONS),
        WordSet::new(WEEKDAYS),
        WordSet::new(LEAD_ADVERBIAL),
        WordSet::new(TELL),
        WordSet::new(NOT_NAME_WORDS),
        WordSet::new(CATENATIVE),
        WordSet::new(LY_NOT_ADVERB),
        WordSet::new(QUANTIFIER_HEADS),
    ]
});

/// ASCII case-insensitive membership; the long word lists go through hash sets.
fn is_in(list: &[&'static str], w: &str) -> bool {
    let lists: [&[&str]; 10] = [
        DETERMINERS,
        BETWEEN,
        PREPOSITIONS,
        WEEKDAYS,
        LEAD_ADVERBIAL,
        TELL,
        NOT_NAME_WORDS,
        CATENATIVE,
        LY_NOT_ADVERB,
        QUANTIFIER_HEADS,
    ];
    match lists.iter().position(|l| std::ptr::eq(*l, list)) {
        Some(i) => SETS[i].contains(w),
        None => list.iter().any(|x| x.eq_ignore_ascii_case(w)),
    }
}

fn cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_quote_mark(w: &str) -> bool {
    matches!(w, "“" | "”" | "\"" | "‘" | "’" | "'" | "«" | "»")
}

fn is_closing_quote(w: &str) -> bool {
    matches!(w, "”" | "\"" | "’" | "'" | "»")
}

/// One sentence's tokens and the words the reader needs.
struct Sent<'t> {
    text: &'t str,
    toks: &'t [Token],
}

impl<'t> Sent<'t> {
    #[inline(always)]
    fn w(&self, i: usize) -> &'t str {
        self.toks[i].span.text(self.text)
    }
    fn word(&self, i: usize) -> bool {
        self.toks[i].kind != TokenKind::Punct
    }
    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].span.start, self.toks[b].span.end)
    }
    fn len(&self) -> usize {
        self.toks.len()
    }
    /// The token index starting at or after byte `off`.
    fn index_at(&self, off: usize) -> usize {
        self.toks.partition_point(|t| t.span.start < off)
    }
}

/// Every cue with a source or an adjacent quote, in text order.
/// `matches` are the reporting verbs of the whole text, in text order.
pub(super) fn find_cued(doc: &Document, lex: &Lexicon, matches: Vec<PhraseMatch>) -> Vec<Raw> {
    let text = &doc.text;
    let mut out = Vec::new();
    let top_quotes: Vec<&crate::analysis::quotes::Quote> =
        doc.quotes.iter().filter(|q| !q.nested && !q.content.is_empty()).collect();
    // Scare quotes and titles, decided once per quote rather than once per cue.
    let scare: Vec<bool> = top_quotes.iter().map(|q| super::is_scare_or_title(q.content.text(text))).collect();
    let mut mi = 0;
    for (si, sentence) in doc.sentences.iter().enumerate() {
        while mi < matches.len() && matches[mi].span.start < sentence.span.start {
            mi += 1;
        }
        let first = mi;
        while mi < matches.len() && matches[mi].span.end <= sentence.span.end {
            mi += 1;
        }
        if first == mi {
            continue;
        }
        // Only the quotes near this sentence matter (top-level quotes are sorted and
        // disjoint): those ending after the previous sentence starts and starting before
        // this one ends. Scanning every quote per cue made long documents quadratic.
        let near_from = si.checked_sub(1).and_then(|p| doc.sentences.get(p)).map_or(0, |p| p.span.start);
        let qlo = top_quotes.partition_point(|q| q.span.end < near_from);
        let qhi = top_quotes.partition_point(|q| q.span.start <= sentence.span.end).max(qlo);
        let near = &top_quotes[qlo..qhi];
        let near_scare = &scare[qlo..qhi];
        let s = Sent { text, toks: doc.sentence_tokens(si) };
        let mut prev_source: Option<Span> = None;
        let mut headline: Option<bool> = None;
        for m in &matches[first..mi] {
            let class = lex.cue_class(m.class);
            let cue_text = m.span.text(text);
            let ci = s.index_at(m.span.start);
            let ce = s.index_at(m.span.end);
            if ci >= s.len() {
                continue;
            }
            // Reporting verbs are lower case ("the United States" is no cue), except
            // "According to" and "Asked whether ..." opening a sentence, and any verb in a
            // title-case headline ("Bernie Sanders Says He’s Ready").
            if class != CueClass::According
                && cap(cue_text)
                && !(asked_opening(&s, ci, cue_text)
                    || ci > 0
                        && s.toks.get(ce).is_some_and(|t| t.kind != TokenKind::Punct)
                        && *headline.get_or_insert_with(|| title_case(&s))
                        && !cap_all(cue_text))
            {
                continue;
            }
            // "so-called", "self-described": part of a compound word.
            if text[..m.span.start].ends_with(['-', '‑']) {
                continue;
            }
            // "say they think ...": a belief inside reported speech is that speech's
            // content, not an attribution of its own (unless it carries a quote).
            let nested = matches!(class, CueClass::Belief | CueClass::Stance) && nested_in_speech(lex, &s, ci);
            // Cues inside a real quote are the speaker's words, not the article's.
            if near.iter().zip(near_scare).any(|(q, &scare)| q.content.contains(m.span.start) && !scare) {
                continue;
            }
            if let Some(r) = read_cue(doc, lex, &s, si, ci, ce, m.span, class, near, prev_source) {
                if nested && !r.direct {
                    continue;
                }
                if r.source.is_some() {
                    prev_source = r.source;
                }
                out.push(r);
            }
        }
    }
    out
}

/// Whether the cue at `ci` follows "said (that) he", "say they": a speech verb and a pronoun.
fn nested_in_speech(lex: &Lexicon, s: &Sent<'_>, ci: usize) -> bool {
    if ci < 2 || lex.entities.pronoun(s.w(ci - 1)).is_none_or(|p| p == PronounClass::Relative) {
        return false;
    }
    let mut v = ci - 2;
    if s.w(v).eq_ignore_ascii_case("that") && v > 0 {
        v -= 1;
    }
    lex.verbs.lookup(s.w(v)).is_some_and(|c| lex.cue_class(c) == CueClass::Speech)
}

/// A headline in title case: at least seven in ten of at least three words capitalised.
fn title_case(s: &Sent<'_>) -> bool {
    let (mut words, mut caps) = (0usize, 0usize);
    for (i, t) in s.toks.iter().enumerate() {
        if t.kind == TokenKind::Word {
            words += 1;
            caps += usize::from(cap(s.w(i)));
        }
    }
    words >= 3 && caps * 10 >= words * 7
}

/// An all-capitals word ("SAYS" in a shouting headline is left alone: acronyms look the same).
fn cap_all(w: &str) -> bool {
    w.len() > 1 && !w.chars().any(char::is_lowercase)
}

/// "Asked whether ..., Trump said": a question put to the main clause's subject.
fn asked_opening(s: &Sent<'_>, ci: usize, cue_text: &str) -> bool {
    (ci == 0 || ci == 1 && is_quote_mark(s.w(0)))
        && cue_text.get(..5).is_some_and(|w| w == "Asked")
        && s.toks.get(ci + 1).is_some_and(|t| t.kind == TokenKind::Word)
}

fn is_pronoun(lex: &Lexicon, w: &str) -> Option<PronounClass> {
    lex.entities.pronoun(w)
}

#[allow(clippy::too_many_arguments)]
fn read_cue(
    doc: &Document,
    lex: &Lexicon,
    s: &Sent<'_>,
    si: usize,
    ci: usize,
    ce: usize,
    cue: Span,
    class: CueClass,
    quotes: &[&crate::analysis::quotes::Quote],
    prev_source: Option<Span>,
) -> Option<Raw> {
    let text = s.text;
    let sentence = doc.sentences[si].span;
    let prev_w = ci.checked_sub(1).map(|i| s.w(i));
    // "continued to portray", "tried to explain": the infinitive is the cue.
    let catenative = ci >= 2 && prev_w.is_some_and(|p| p.eq_ignore_ascii_case("to")) && is_in(CATENATIVE, s.w(ci - 2));
    // "Most believe", "Some say": a quantifier opening the sentence is the subject.
    let quantifier_subject = ci >= 1
        && is_in(QUANTIFIER_HEADS, s.w(ci - 1))
        && (ci == 1 || !s.word(ci - 2))
        && !(ce < s.len() && is_in(&["is", "was", "were", "are", "have", "has", "had"], s.w(ce)));
    // "she’s predicted": a pronoun with its auxiliary, not a possessive.
    let pronoun_contraction = prev_w.is_some_and(|p| {
        p.split_once(['’', '\''])
            .is_some_and(|(a, _)| lex.entities.pronoun(a).is_some_and(|c| c != PronounClass::Relative))
    });
    // A noun ("the report", "a claim") or an infinitive ("to say") is no cue.
    if class != CueClass::According
        && let Some(p) = prev_w
        && (is_in(DETERMINERS, p) && !quantifier_subject
            || p.eq_ignore_ascii_case("to") && !catenative
            || (p.ends_with("’s") || p.ends_with("'s")) && !pronoun_contraction)
    {
        return None;
    }
    // "ignored Western calls to pull its troops back": a plural noun with its infinitive
    // complement; the verb takes an object or "for" ("calls for talks", "calls him a liar").
    if cue.text(text).eq_ignore_ascii_case("calls") && ce < s.len() && s.w(ce).eq_ignore_ascii_case("to") {
        return None;
    }
    let mut raw = Raw {
        source: None,
        cue: Some(cue),
        content: None,
        direct: false,
        class,
        antecedent: None,
        sentence: si,
        continues: None,
        inferred: false,
    };
    if cap(cue.text(text)) && asked_opening(s, ci, cue.text(text)) {
        // "Asked whether she would run, Clinton said ...": the question, up to the comma
        // that closes the opening clause; who asked is not written.
        let end = (ce..s.len()).find(|&k| s.w(k) == "," && !(k + 1 < s.len() && is_closing_quote(s.w(k + 1))))?;
        let end = if end + 1 < s.len() && is_closing_quote(s.w(end + 1)) { end + 1 } else { end };
        if end <= ce {
            return None;
        }
        raw.content = Some(trim_content(text, s.span(ce, end - 1)));
        return Some(raw);
    }
    if class == CueClass::According {
        // according to X: X follows; the content is the rest of the sentence.
        let (src, after) = np_right(lex, s, ce, true)?;
        raw.source = Some(src);
        if ci == 0 || (ci == 1 && is_quote_mark(s.w(0))) {
            let mut i = after;
            while i < s.len() && matches!(s.w(i), "," | "—" | "–") {
                i += 1;
            }
            raw.content = content_from(doc, s, i, quotes, &mut raw.direct);
        } else {
            let mut end = ci;
            while end > 0 && matches!(s.w(end - 1), "," | "(" | "—" | "–") {
                end -= 1;
            }
            if end > 0 {
                raw.content = Some(trim_content(text, Span::new(sentence.start, s.toks[end - 1].span.end)));
                raw.direct = content_is_quote(quotes, raw.content);
            }
        }
        return Some(raw);
    }

    // Source on the left: skip adverbs and auxiliaries, then a noun phrase.
    let mut j = if catenative { ci - 2 } else { ci };
    let mut skipped_time = false;
    while j > 0 {
        let w = s.w(j - 1);
        if is_in(BETWEEN, w) && !(j == 1 && is_in(&["both", "all"], w)) {
            j -= 1;
        } else if j >= 2 && is_adverb(w) && !is_in(LY_NOT_ADVERB, w) && s.word(j - 2) {
            // "Clinton has increasingly decried", "he openly mocked".
            j -= 1;
        } else if j >= 3 && w.eq_ignore_ascii_case("to") && is_in(CATENATIVE, s.w(j - 2)) {
            // "Trump continued to portray": the catenative verb sits between subject and cue.
            j -= 2;
        } else if is_in(WEEKDAYS, w) {
            j -= 1;
            skipped_time = true;
            if j > 0 && s.w(j - 1).eq_ignore_ascii_case("on") {
                j -= 1;
            }
        } else if ["week", "month", "year", "night", "morning"].iter().any(|t| w.eq_ignore_ascii_case(t))
            && j >= 2
            && ["last", "this", "next", "earlier"].iter().any(|t| s.w(j - 2).eq_ignore_ascii_case(t))
        {
            j -= 2;
            skipped_time = true;
        } else {
            break;
        }
    }
    let _ = skipped_time;
    // "..., saying ...", "...,” adding ...", "by saying ...": the main clause's subject speaks.
    let participle = cue.text(text).split_whitespace().next().is_some_and(|w| w.ends_with("ing"))
        && j > 0
        && (s.w(j - 1) == ","
            || is_in(&["by", "before", "after", "while", "when", "also"], s.w(j - 1))
            || is_closing_quote(s.w(j - 1)) && j >= 2 && (s.w(j - 2) == "," || is_closing_quote(s.w(j - 2))));
    // "Trump is expected to ...", "was first reported by MSNBC": a passive cue reports its
    // subject; the source, if written, follows "by".
    let passive = !catenative && is_passive(s, j, ci, cue.text(text));
    let mut inverted = false;
    if participle {
        // "..., saying ...": the main clause's subject speaks.
        raw.source = prev_source.or_else(|| subject_of(lex, s));
    } else if j > 0 {
        let w = s.w(j - 1);
        if matches!(w, "and" | "but" | "or") {
            // Coordinated verbs share the subject ("lambasted X, but suggested ...",
            // "rubbed his chin and then said"): the sentence's subject, not the object
            // before the conjunction.
            let k = j - 1;
            raw.source = subject_of(lex, s)
                .filter(|x| x.end <= s.toks[k].span.start)
                .or(prev_source)
                .or_else(|| np_left(lex, s, k).map(|(a, b)| s.span(a, b)));
        } else if w == ","
            && !(j >= 2 && is_closing_quote(s.w(j - 2)))
            && let Some(src) = fronted_subject(lex, s, j - 1).or_else(|| appositive_subject(lex, s, j - 1))
            && (!starts_np(lex, s, ce)
                || is_in(TELL, cue.text(text))
                || src.text(text).contains(", who ")
                || src.text(text).contains(", however")
                || np_then_clause(lex, s, ce))
        {
            // "Kevin Brady, chairman of the committee, said that ...".
            raw.source = Some(src);
        } else if w == "," || is_closing_quote(w) || w == "—" || w == "–" {
            inverted = true;
        } else if let Some((a, b)) = np_left(lex, s, j) {
            raw.source = Some(s.span(a, b));
            // "X, who ..., said": the relative pronoun is the source as written.
            if s.w(a).eq_ignore_ascii_case("who") && a >= 2 && s.w(a - 1) == "," {
                raw.antecedent = np_left(lex, s, a - 1).map(|(x, y)| s.span(x, y));
            }
            // No appositive reaches further left without its closing comma: the phrase
            // after a comma is the subject ("In Kenya, an official said", "For the moment,
            // the sources said"); "Putin, the Russian president, said" is read above.
        } else if matches!(w, "." | "!" | "?") {
            inverted = true;
        }
    } else {
        inverted = ci == 0;
    }
    if raw.source.is_none() && (inverted || j == 0) {
        // "“...,” said Jane Doe, a spokeswoman for the ministry." After a comma, a noun
        // phrase that goes on as a clause ("..., also said they'd be happy") or the
        // addressee of "told" is no inverted source: the subject is before the comma.
        let after_comma = j >= 2 && s.w(j - 1) == ",";
        // Nor is a clause opened by a conjunction ("said matter-of-factly as confetti fell").
        let right = np_right(lex, s, ce, false).filter(|&(x, _)| {
            !(after_comma && (np_then_clause(lex, s, ce) || is_in(TELL, cue.text(text))))
                && !is_in(SUBORDINATORS, x.text(text).split_whitespace().next().unwrap_or(""))
        });
        if let Some((src, _)) = right {
            raw.source = Some(src);
        } else if after_comma {
            // "“...,” his wife, Gabriela Lazar, wrote in a letter."
            raw.source = appositive_subject(lex, s, j - 1)
                .or_else(|| {
                    np_left(lex, s, j - 1).filter(|&(a, b)| cap(s.w(a)) && cap(s.w(b))).map(|(a, b)| s.span(a, b))
                })
                .or_else(|| subject_of(lex, s).filter(|x| x.end <= s.toks[j - 1].span.start));
        }
    }
    // Content: the quote or clause before the source-and-cue block when the block follows
    // a comma or a closing quote, otherwise what follows the cue.
    let block_start = raw.source.map_or(cue.start, |x| x.start.min(cue.start));
    let bi = s.index_at(block_start);
    let left_marker = bi > 0 && (s.w(bi - 1) == "," || is_closing_quote(s.w(bi - 1)) || s.w(bi - 1) == "—");
    let after_block = raw.source.map_or(ce, |x| s.index_at(x.end).max(ce));
    // A comma before the block makes the left side the content only when nothing but an
    // adverbial follows ("..., Lavrov said." / "..., Putin said at a press conference.").
    let right_is_clause = after_block < s.len()
        && s.word(after_block)
        && !is_in(PREPOSITIONS, s.w(after_block))
        && !is_in(WEEKDAYS, s.w(after_block))
        && s.len() - after_block >= 3;
    let quote_before =
        bi > 0 && is_closing_quote(s.w(bi - 1)) || bi > 1 && s.w(bi - 1) == "," && is_closing_quote(s.w(bi - 2));
    if left_marker && !participle && (quote_before || !right_is_clause) {
        raw.content = left_content(doc, s, bi, quotes, &mut raw.direct);
    }
    if raw.content.is_none() {
        let tell = is_in(TELL, cue.text(text));
        let start = skip_to_content(lex, s, ce, tell, raw.source.is_some_and(|x| x.start > cue.start));
        raw.content = content_from(doc, s, start, quotes, &mut raw.direct);
        if raw.content.is_none() && bi > 0 && !participle {
            raw.content = left_content(doc, s, bi, quotes, &mut raw.direct);
        }
    }
    // A cue whose content holds a quote keeps a written subject: the quote needs someone
    // to hang on.
    let touches_quote =
        raw.direct || raw.content.is_some_and(|c| quotes.iter().any(|q| !q.content.is_empty() && q.span.overlaps(c)));
    if passive {
        let agent = (ce + 1 < s.len() && s.w(ce).eq_ignore_ascii_case("by"))
            .then(|| np_right(lex, s, ce + 1, false))
            .flatten()
            .map(|(x, _)| x);
        // A passive question or quote with no agent ("Trump was asked, “...”") keeps the subject.
        if agent.is_some() || !touches_quote {
            raw.source = agent;
            raw.antecedent = None;
        }
    }
    // "China's coal use appears to have declined": an evidential verb reports its subject;
    // nobody is named as the source (annotated news leaves it empty).
    // The last sentence of a paragraph keeps its subject: a quote paragraph after it may
    // take that subject as its speaker.
    let last_in_paragraph = doc.sentences.get(si + 1).is_none_or(|n| n.paragraph != doc.sentences[si].paragraph);
    let evidential = is_in(EVIDENTIAL, cue.text(text).split_whitespace().next().unwrap_or(""))
        && !touches_quote
        && !last_in_paragraph;
    if evidential {
        raw.source = None;
        raw.antecedent = None;
    }
    if raw.source.is_none() && raw.direct && !passive {
        // "The ad ends with a voice over saying: “...”": the sentence's subject.
        raw.source = subject_of(lex, s).filter(|x| x.end <= cue.start);
    }
    if raw.source.is_none() && !raw.direct && !((passive || evidential) && raw.content.is_some()) {
        return None;
    }
    // "he’s predicted": the source as written is the pronoun, not its auxiliary.
    if let Some(src) = raw.source
        && let Some(i) = src.text(text).find(['’', '\''])
        && lex.entities.pronoun(&src.text(text)[..i]).is_some()
    {
        raw.source = Some(Span::new(src.start, src.start + i));
    }
    let colon_next = ce < s.len() && s.w(ce) == ":";
    if class == CueClass::QuoteOnly && !raw.direct && !colon_next {
        return None;
    }
    if raw.content.is_none() && class != CueClass::Speech && class != CueClass::Contested {
        return None;
    }
    if class == CueClass::Stance
        && (raw.source.is_none_or(|x| x.start > cue.start) && !evidential || raw.content.is_none())
    {
        return None;
    }
    Some(raw)
}

/// Whether the cue at `ci` is a passive participle ("is expected", "was first reported"):
/// the last of the words skipped between subject and cue (`j..ci`), adverbs aside, is a
/// form of "be".
fn is_passive(s: &Sent<'_>, j: usize, ci: usize, cue_text: &str) -> bool {
    const IRREGULAR: &[&str] = &["told", "said", "known", "seen", "shown", "thought", "written", "heard", "found"];
    const ADVERBS: &[&str] = &[
        "not",
        "never",
        "first",
        "also",
        "widely",
        "long",
        "recently",
        "previously",
        "repeatedly",
        "once",
        "reportedly",
        "publicly",
        "privately",
        "already",
        "still",
        "often",
        "always",
        "later",
        "again",
        "just",
        "even",
        "since",
        "twice",
        "n't",
        "initially",
        "originally",
        "formally",
        "officially",
        "generally",
    ];
    let first = cue_text.split_whitespace().next().unwrap_or("");
    if !(first.ends_with("ed") || IRREGULAR.iter().any(|w| w.eq_ignore_ascii_case(first))) {
        return false;
    }
    // "when asked about ...", "if elected": a reduced clause with no subject of its own.
    if ci > 0 && is_in(&["when", "whenever", "if", "once", "unless", "until", "as", "though", "although"], s.w(ci - 1))
    {
        return true;
    }
    (j..ci)
        .rev()
        .find(|&k| !is_adverb(s.w(k)) && !is_in(ADVERBS, s.w(k)))
        .is_some_and(|k| is_in(&["is", "was", "were", "are", "been", "being", "be"], s.w(k)))
}

/// After an inverted-looking cue ("..., said the party"), a noun phrase followed by more
/// clause ("said the party was committed") is the content's subject, not the source.
fn np_then_clause(lex: &Lexicon, s: &Sent<'_>, ce: usize) -> bool {
    np_right(lex, s, ce, false).is_some_and(|(_, next)| {
        next < s.len()
            && s.word(next)
            && !is_in(PREPOSITIONS, s.w(next))
            && !is_in(WEEKDAYS, s.w(next))
            && !is_adverb(s.w(next))
    })
}

/// "Sandy Phillips, who lost her daughter in Aurora, Colorado, in 2012, said ...",
/// "Clinton, 35, the daughter of ..., said": a sentence that opens with a name followed
/// by a relative clause, an age or an appositive running up to the comma before the cue
/// at token `comma`. The name is the source.
fn fronted_subject(lex: &Lexicon, s: &Sent<'_>, comma: usize) -> Option<Span> {
    let mut i = after_dateline(s);
    while i < s.len() && (!s.word(i) && !is_quote_mark(s.w(i)) || is_in(&["but", "and", "still", "yet"], s.w(i))) {
        i += 1;
    }
    if i >= s.len() || is_quote_mark(s.w(i)) {
        return None;
    }
    let (np, next) = np_right(lex, s, i, false)?;
    let first = np.text(s.text).split_whitespace().next().unwrap_or("");
    if !cap(first) || next + 2 > comma || s.w(next) != "," {
        return None;
    }
    if comma - next > 40 || (next..comma).any(|k| is_quote_mark(s.w(k)) || matches!(s.w(k), ";" | ":")) {
        return None;
    }
    Some(np)
}

/// The first token after a dateline ("WASHINGTON —", "NEW YORK (AP) —"), or 0.
fn after_dateline(s: &Sent<'_>) -> usize {
    let Some(dash) = (0..s.len().min(10)).find(|&k| matches!(s.w(k), "—" | "–" | "--")) else { return 0 };
    let words = (0..dash).filter(|&k| s.word(k)).count();
    let caps = (0..dash).all(|k| !s.word(k) || cap_all(s.w(k)) || s.w(k).len() <= 2);
    // The dash stands apart ("WASHINGTON — "), unlike a headline run into a quote ("CORE—“For").
    let spaced = s.text[s.toks[dash].span.end..].starts_with(char::is_whitespace);
    if (1..=4).contains(&words) && caps && spaced { dash + 1 } else { 0 }
}

/// Whether a noun phrase (a name, a determiner) starts at token `i`, as after an inverted cue.
fn starts_np(lex: &Lexicon, s: &Sent<'_>, i: usize) -> bool {
    let mut i = i;
    while i < s.len() && (is_adverb(s.w(i)) || is_in(WEEKDAYS, s.w(i))) {
        i += 1;
    }
    i < s.len()
        && s.word(i)
        && (cap(s.w(i)) && !is_in(NOT_NAME_WORDS, s.w(i))
            || is_in(&["the", "a", "an", "one", "two", "three", "several", "some"], s.w(i))
            || lex.entities.is_role_noun(s.w(i)))
}

/// "-ly" adverbs between an inverted cue and its source ("said matter-of-factly").
fn is_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && !w.chars().next().is_some_and(char::is_uppercase)
}

/// "Name, appositive," ending at the comma at token `comma`: the span from the name
/// to the end of the appositive.
fn appositive_subject(lex: &Lexicon, s: &Sent<'_>, comma: usize) -> Option<Span> {
    let lo = comma.saturating_sub(24);
    let k = (lo..comma).rev().find(|&k| s.w(k) == ",")?;
    let relative =
        s.w(k + 1).eq_ignore_ascii_case("who") || is_in(&["however", "meanwhile", "though", "too"], s.w(k + 1));
    if (k + 1..comma).any(|x| is_quote_mark(s.w(x)) || !relative && lex.verbs.lookup(s.w(x)).is_some() && !cap(s.w(x)))
    {
        return None;
    }
    if k + 1 >= comma || !appositive_ok(s, k + 1) && !cap(s.w(k + 1)) {
        return None;
    }
    let (a, b) = np_left(lex, s, k)?;
    // "Sen. Rob Portman (R-Ohio)": the head is the name before the parenthesis.
    let head = match s.w(b) {
        ")" => (a..b).rev().find(|&x| s.w(x) == "(").and_then(|x| x.checked_sub(1)).map_or(")", |x| s.w(x)),
        w => w,
    };
    let determined = is_in(&["a", "an", "the", "his", "her", "its", "their", "our"], s.w(a))
        || lex.anonymous.lookup(head).is_some()
        || lex.entities.is_role_noun(head);
    if !(cap(head) || lex.entities.pronoun(head).is_some() || determined) {
        return None;
    }
    Some(s.span(a, comma - 1))
}

/// Whether the words after the comma before `a` read like an appositive ("the Russian
/// president", "a spokeswoman for ...") rather than a new clause.
fn appositive_ok(s: &Sent<'_>, a: usize) -> bool {
    let w = s.w(a);
    is_in(&["the", "a", "an"], w) || !cap(w) && !is_in(BETWEEN, w)
}

/// The subject of sentence `si` when it is a name, a pronoun or a noun phrase with a
/// determiner: the speaker of a partial quote embedded in the sentence.
pub(super) fn sentence_subject(doc: &Document, lex: &Lexicon, si: usize, before: usize) -> Option<Span> {
    let sentence = doc.sentences.get(si)?.span;
    let toks: Vec<Token> = tokens(&doc.text, Span::new(sentence.start, before.max(sentence.start))).collect();
    let s = Sent { text: &doc.text, toks: &toks };
    let sub = subject_of(lex, &s)?;
    let first = sub.text(&doc.text).split_whitespace().next().unwrap_or("");
    let ok = cap(first) || lex.entities.pronoun(first).is_some() || is_in(DETERMINERS, first);
    ok.then_some(sub)
}

/// The first noun phrase of the sentence, skipping an opening adverbial clause
/// ("In his comments, Putin ...").
fn subject_of(lex: &Lexicon, s: &Sent<'_>) -> Option<Span> {
    let mut i = after_dateline(s);
    while i < s.len() && !s.word(i) {
        i += 1;
    }
    if i < s.len()
        && (is_in(PREPOSITIONS, s.w(i)) || is_in(&["however", "but", "and", "still"], s.w(i)))
        && let Some(c) = (i..s.len().min(i + 12)).find(|&k| s.w(k) == ",")
    {
        i = c + 1;
    }
    np_right(lex, s, i, false).map(|(sp, _)| sp).filter(|sp| sp.start < s.toks[s.len().min(i + 8).max(1) - 1].span.end)
}

/// Poll shares and quantifiers standing as the subject, ending at token `b`: "Six in 10",
/// "more than half", "Most", "Both". The first token, or None.
fn quantifier_np(s: &Sent<'_>, b: usize) -> Option<usize> {
    let head = s.w(b);
    let number = |k: usize| s.toks[k].kind == TokenKind::Number || is_number_word(s.w(k));
    let fraction = head.contains('-') && ["quarters", "thirds", "fifths"].iter().any(|f| head.ends_with(f));
    let mut a = if b >= 2 && number(b) && s.w(b - 1) == "in" && number(b - 2) {
        b - 2
    } else if (is_in(QUANTIFIER_HEADS, head) || fraction)
        && (b == 0
            || !s.word(b - 1)
            || is_in(QUANTIFIER_LEAD, s.w(b - 1))
            || is_in(&["after", "before", "when", "whereas", "where", "if", "because", "since"], s.w(b - 1)))
    {
        b
    } else {
        return None;
    };
    while a > 0 && is_in(QUANTIFIER_LEAD, s.w(a - 1)) && !is_in(&["and", "but", "while", "though"], s.w(a - 1)) {
        a -= 1;
    }
    Some(a)
}

/// Words before a quantifier subject: "more than half", "about a third", "and most".
static QUANTIFIER_LEAD: &[&str] = &[
    "and", "but", "while", "though", "than", "more", "fewer", "less", "about", "nearly", "almost", "roughly", "only",
    "just", "a", "the", "over", "some", "around",
];

fn is_number_word(w: &str) -> bool {
    is_in(
        &["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "half"],
        w,
    )
}

/// A noun phrase ending just before token `j` (exclusive), as (first, last) token indices.
fn np_left(lex: &Lexicon, s: &Sent<'_>, j: usize) -> Option<(usize, usize)> {
    if j == 0 {
        return None;
    }
    let mut b = j - 1;
    // "Sen. Jason Holsman (D) said", "Warren (D-Mass.) said", "Murphy (a Connecticut
    // Democrat so boyish ...) says": step over a parenthesis.
    if s.w(b) == ")"
        && let Some(open) = (b.saturating_sub(30)..b).rev().find(|&k| s.w(k) == "(")
        && open > 0
    {
        return np_left(lex, s, open).map(|(a, _)| (a, b));
    }
    // A possessive-free head; "Putin’s" is no subject of "said".
    let head = s.w(b);
    if !s.word(b) {
        // "Sen." / "U.S." end with a full stop token.
        if head == "." && b > 0 && s.toks[b - 1].span.end == s.toks[b].span.start && s.w(b - 1).len() <= 4 {
            b -= 1;
        } else {
            return None;
        }
    }
    let head = s.w(b);
    // "he’s predicted", "they’ve said": a pronoun with an auxiliary attached.
    if let Some((p, _)) = head.split_once(['’', '\''])
        && lex.entities.pronoun(p).is_some_and(|c| c != PronounClass::Relative)
    {
        return Some((b, b));
    }
    if head.ends_with("’s") || head.ends_with("'s") {
        return None;
    }
    if matches!(head, "that" | "which") && b > 0 && s.word(b - 1) && !is_in(BETWEEN, s.w(b - 1)) {
        // "water bottles that said ...": the noun the relative pronoun stands for.
        return np_left(lex, s, b).filter(|&(a, _)| !is_in(PREPOSITIONS, s.w(a)));
    }
    if let Some(p) = is_pronoun(lex, head) {
        return match p {
            PronounClass::Relative if !head.eq_ignore_ascii_case("who") => None,
            _ => Some((b, b)),
        };
    }
    if let Some(a) = quantifier_np(s, b) {
        return Some((a, b));
    }
    let mut a = b;
    if cap(head) {
        if is_in(NOT_NAME_WORDS, head) && lex.entities.alias(head).is_none() {
            return None;
        }
        // Capitalised run with "of" / "for" / "and" inside and titles before it.
        while a > 0 {
            let p = s.w(a - 1);
            if s.word(a - 1) && cap(p) && !is_in(NOT_NAME_WORDS, p) {
                a -= 1;
            } else if (p == "."
                && a >= 2
                && s.toks[a - 2].span.end == s.toks[a - 1].span.start
                && s.w(a - 2).len() <= 4)
                || (matches!(p, "of" | "for" | "and" | "&" | "de") && a >= 2 && cap(s.w(a - 2)) && s.word(a - 2))
            {
                a -= 2;
            } else if lex.entities.is_title(p) || is_in(&["the", "a", "an", "former", "presidential", "top"], p) {
                a -= 1;
                if is_in(&["the", "a", "an"], p) {
                    break;
                }
            } else {
                break;
            }
        }
        // "the" at a sentence start is capitalised: "The US says".
        return Some((a, b));
    }
    if !s.word(b) || is_in(BETWEEN, head) || is_in(PREPOSITIONS, head) || is_in(DETERMINERS, head) {
        return None;
    }
    if is_in(&["that", "which", "what", "there", "this", "it", "and", "or", "but", "as", "than", "so", "if"], head) {
        return None;
    }
    let known =
        lex.anonymous.lookup(head).is_some() || lex.documents.lookup(head).is_some() || lex.entities.is_role_noun(head);
    let mut anchored = false;
    let mut steps = 0;
    while a > 0 && steps < 5 {
        let p = s.w(a - 1);
        if !s.word(a - 1) {
            if p == "-" || p == "." && a >= 2 && s.toks[a - 2].span.end == s.toks[a - 1].span.start {
                a -= 1;
                continue;
            }
            // "Gates' work": a plural possessive anchors the phrase like a determiner.
            if matches!(p, "'" | "’")
                && a >= 2
                && s.toks[a - 2].span.end == s.toks[a - 1].span.start
                && s.w(a - 2).ends_with('s')
                && s.word(a - 2)
            {
                a -= 2;
                anchored = true;
                while a > 0 && s.word(a - 1) && cap(s.w(a - 1)) && !is_in(NOT_NAME_WORDS, s.w(a - 1)) {
                    a -= 1;
                }
            }
            break;
        }
        if is_in(DETERMINERS, p)
            || p.ends_with("’s")
            || p.ends_with("'s")
            || p.chars().all(|c| c.is_ascii_digit() || c == ',')
        {
            a -= 1;
            anchored = true;
            break;
        }
        if cap(p) && !is_in(NOT_NAME_WORDS, p) {
            a -= 1;
            anchored = true;
            continue;
        }
        if cap(p) {
            // "The" etc. at a sentence start.
            if is_in(DETERMINERS, p) {
                a -= 1;
                anchored = true;
            }
            break;
        }
        if is_in(BETWEEN, p) || is_in(PREPOSITIONS, p) || is_in(&["that", "which", "who", "and", "or", "but", "as"], p)
        {
            break;
        }
        a -= 1;
        steps += 1;
    }
    if !anchored && !known {
        return None;
    }
    if !anchored && a < b {
        // Unanchored words before a known head are likely verbs: keep the head ("experts").
        a = b;
        while a > 0 && s.word(a - 1) && cap(s.w(a - 1)) && !is_in(NOT_NAME_WORDS, s.w(a - 1)) {
            a -= 1;
        }
    }
    // "a spokesman for the ministry": one prepositional step further left.
    if a >= 2
        && is_in(&["for", "of", "at", "from", "with"], s.w(a - 1))
        && let Some((x, _)) = np_left(lex, s, a - 1)
        && !s.w(x).eq_ignore_ascii_case("who")
        && lex.entities.pronoun(s.w(x)).is_none()
    {
        a = x;
    }
    // "Trump and Cruz said": coordinated names.
    if a >= 2
        && s.w(a - 1) == "and"
        && cap(s.w(a - 2))
        && !is_in(NOT_NAME_WORDS, s.w(a - 2))
        && let Some((x, _)) = np_left(lex, s, a - 1)
    {
        a = x;
    }
    Some((a, b))
}

/// A noun phrase starting at token `i` (after an optional "by"), with an appositive
/// (", a spokeswoman for the ministry") when `apposition` allows; (span, next token).
fn np_right(lex: &Lexicon, s: &Sent<'_>, mut i: usize, long: bool) -> Option<(Span, usize)> {
    while i < s.len() && (matches!(s.w(i), "“" | "\"" | "(") || !long && (is_adverb(s.w(i)) || is_in(WEEKDAYS, s.w(i))))
    {
        i += 1;
    }
    if i >= s.len() || !s.word(i) {
        return None;
    }
    let start = i;
    let first = s.w(i);
    // A source never opens with a preposition or a verb ("said in a letter").
    if !long && (is_in(PREPOSITIONS, first) || lex.verbs.lookup(first).is_some() && !cap(first)) {
        return None;
    }
    if lex.entities.pronoun(first).is_some_and(|p| p != PronounClass::Relative) {
        return Some((s.span(i, i), i + 1));
    }
    let mut end = i;
    let mut k = i;
    let limit = if long { 14 } else { 10 };
    while k < s.len() && k - start < limit {
        let w = s.w(k);
        if !s.word(k) {
            let attached_dot = w == "."
                && k > 0
                && s.toks[k - 1].span.end == s.toks[k].span.start
                && s.w(k - 1).len() <= 4
                && k + 1 < s.len();
            if attached_dot || w == "-" || w == "’" || w == "'" {
                k += 1;
                continue;
            }
            break;
        }
        if k > start && !long && (is_in(BETWEEN, w) && !cap(w)) {
            break;
        }
        if k > start && lex.verbs.lookup(w).is_some() && !cap(w) {
            break;
        }
        if k > start
            && is_in(
                &[
                    "that", "which", "who", "when", "because", "as", "if", "while", "and", "but", "on", "in", "at",
                    "after", "before", "during", "to", "last", "this",
                ],
                w,
            )
            && !(long && is_in(&["of", "for", "at", "in", "and", "on", "with"], w))
            // "a person close to the Clintons": the source goes on to whom it is close.
            && !(w == "to" && matches!(s.w(k - 1), "close" | "closer" | "closest"))
        {
            break;
        }
        end = k;
        k += 1;
        // A short non-capitalised phrase is enough when not "according to".
        if !long && k - start >= 6 && !cap(s.w(end)) {
            break;
        }
    }
    if end < start {
        return None;
    }
    let mut next = end + 1;
    // Appositive: ", a spokeswoman for the ministry" up to the next comma or the end.
    if next + 1 < s.len() && s.w(next) == "," && is_in(&["a", "an", "the", "who"], s.w(next + 1)) {
        let mut k = next + 1;
        while k < s.len() && s.w(k) != "," && !matches!(s.w(k), "." | "“" | "”" | "\"" | ";" | ":") && k - next < 16
        {
            k += 1;
        }
        if k > next + 2 {
            end = k - 1;
            next = k;
        }
    }
    Some((s.span(start, end), next))
}

/// The token where the content of a cue at `ce` starts: past "that", a colon, the
/// addressee of "told", and short prepositional phrases ("in a statement", "on Tuesday").
fn skip_to_content(lex: &Lexicon, s: &Sent<'_>, ce: usize, tell: bool, source_after: bool) -> usize {
    let mut i = ce;
    if source_after {
        // "said X, a spokeswoman ..., that" is rare; the source sits between cue and content.
        if let Some((_, next)) = np_right(lex, s, i, false) {
            i = next;
        }
    }
    if tell
        && i < s.len()
        && s.word(i)
        && !s.w(i).eq_ignore_ascii_case("that")
        && let Some((_, next)) = np_right(lex, s, i, false)
    {
        i = next;
    }
    // Find a marker within a short window.
    let window = (i + 14).min(s.len());
    let lead_is_adverbial = i < s.len() && (is_in(LEAD_ADVERBIAL, s.w(i)) || is_in(WEEKDAYS, s.w(i)) || s.w(i) == ",");
    if lead_is_adverbial {
        for k in i..window {
            match s.w(k) {
                "that" | ":" => return k + 1,
                "," if k < i + 8 => return k + 1,
                "“" | "\"" => return k,
                _ => {}
            }
        }
    }
    while i < s.len() && matches!(s.w(i), "that" | ":" | "," | "—" | "–") {
        i += 1;
    }
    i
}

fn trim_content(text: &str, span: Span) -> Span {
    let s = span.text(text);
    let trimmed_start =
        s.len() - s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '—' | '–' | ':')).len();
    let rest = &s[trimmed_start..];
    let trimmed_end =
        rest.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '—' | '–'));
    Span::new(span.start + trimmed_start, span.start + trimmed_start + trimmed_end.len())
}

fn content_is_quote(quotes: &[&crate::analysis::quotes::Quote], content: Option<Span>) -> bool {
    content
        .is_some_and(|c| quotes.iter().any(|q| q.span.start <= c.start && c.end <= q.span.end && !q.content.is_empty()))
}

/// Content from token `i` to the end of the sentence; a quote that opens there is taken
/// whole (it may run over several sentences).
fn content_from(
    doc: &Document,
    s: &Sent<'_>,
    i: usize,
    quotes: &[&crate::analysis::quotes::Quote],
    direct: &mut bool,
) -> Option<Span> {
    let text = s.text;
    if i >= s.len() {
        return None;
    }
    let start = s.toks[i].span.start;
    let sentence_end = s.toks[s.len() - 1].span.end;
    if let Some(q) = quotes.iter().find(|q| q.span.start == start) {
        let after = if q.span.end < sentence_end { Span::new(q.span.end, sentence_end).text(text) } else { "" };
        if after
            .trim_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || matches!(c, '”' | '’'))
            .is_empty()
            || q.span.end >= sentence_end
        {
            *direct = true;
            return Some(trim_content(text, q.content));
        }
    }
    let _ = doc;
    let span = trim_content(text, Span::new(start, sentence_end));
    (!span.is_empty()).then_some(span)
}

/// Content before the source-and-cue block at token `bi`: the quote that closes there,
/// or the clause from the sentence start to the comma.
fn left_content(
    doc: &Document,
    s: &Sent<'_>,
    bi: usize,
    quotes: &[&crate::analysis::quotes::Quote],
    direct: &mut bool,
) -> Option<Span> {
    let text = s.text;
    let block = s.toks[bi].span.start;
    // The quote that closes just before the block (", ”" or "”,").
    if let Some(q) = quotes.iter().rev().find(|q| {
        q.span.end <= block
            && Span::new(q.span.end, block)
                .text(text)
                .trim_matches(|c: char| c.is_whitespace() || c == ',' || c == '—')
                .is_empty()
    }) {
        *direct = true;
        return Some(trim_content(text, q.content));
    }
    let sentence = doc.sentences.get(doc.sentence_at(block)?)?.span;
    let mut end = bi;
    while end > 0 && matches!(s.w(end - 1), "," | "—" | "–") {
        end -= 1;
    }
    if end == 0 {
        return None;
    }
    let span = trim_content(text, Span::new(sentence.start, s.toks[end - 1].span.end));
    let span = Span::new(
        span.start + (span.text(text).len() - span.text(text).trim_start_matches(['“', '"']).len()),
        span.end,
    );
    (!span.is_empty()).then_some(span)
}

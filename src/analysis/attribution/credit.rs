//! Speakers named around a quote without a reporting verb the lexicon knows: the clause
//! after the closing mark ("“...,” Viguerie notes."), a credit ("“...” — Abraham Lincoln",
//! "“...,” by Times' Ben Sisario", a pull quote's credit line), a tweet's author, the
//! sentence after the quote ("That was the message from Sen. Ruiz."), and a person named
//! in the sentence of a partial quote. Also the quotes that need no speaker at all: a
//! title used as a modifier ("the “Orange is the New Black” star") and a slogan cited
//! with its source in parentheses ("“No to Schengen” (2005)").
//!
//! Everything here reads a few tokens next to one quote: no pass over the document.

use super::{CueClass, Lexicon};
use crate::analysis::entities::{Entities, PronounClass};
use crate::analysis::quotes::Quote;
use crate::document::Document;
use crate::text::Span;
use crate::text::token::{Token, TokenKind, tokens};

/// Words that open a noun phrase with a determiner ("a voice-over in the ad states").
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "his", "her", "their", "its", "our", "one", "two", "three", "four", "several", "some", "another",
    "both", "many",
];

/// Lower-case words that end a noun phrase: prepositions, conjunctions, auxiliaries.
const NP_STOP: &[&str] = &[
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
    "while",
    "about",
    "who",
    "that",
    "which",
    "when",
    "as",
    "and",
    "but",
    "or",
    "also",
    "has",
    "have",
    "had",
    "is",
    "was",
    "are",
    "were",
    "will",
    "would",
    "could",
    "can",
    "then",
    "later",
    "again",
    "yesterday",
    "today",
    "tonight",
    "last",
    "this",
    "earlier",
    "recently",
    "once",
    "still",
    "not",
    "did",
    "does",
    "do",
    "quickly",
    "told",
];

/// Capitalised words that open a sentence rather than name a speaker.
const NOT_SPEAKER: &[&str] = &[
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "Then",
    "Now",
    "Here",
    "There",
    "It",
    "This",
    "That",
    "These",
    "Those",
    "In",
    "On",
    "At",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "For",
    "With",
    "Still",
    "Also",
    "Indeed",
    "Of",
    "Since",
    "Because",
    "Although",
    "Though",
    "What",
    "Why",
    "How",
    "Who",
    "Where",
    "Which",
    "Not",
    "No",
    "Yes",
    "Asked",
    "According",
];

/// Nouns for something said, in "That was the message from X".
const SPEECH_NOUNS: &[&str] = &[
    "message",
    "messages",
    "words",
    "remark",
    "remarks",
    "comment",
    "comments",
    "statement",
    "response",
    "reaction",
    "warning",
    "verdict",
    "view",
    "take",
    "assessment",
    "sentiment",
    "argument",
    "pledge",
    "promise",
    "vow",
    "answer",
    "reply",
    "refrain",
    "cry",
    "slogan",
    "line",
    "claim",
    "quote",
    "tweet",
    "post",
    "advice",
    "plea",
    "point",
    "case",
    "conclusion",
    "prediction",
    "boast",
    "retort",
    "rebuke",
    "appeal",
    "defense",
    "defence",
    "explanation",
    "assurance",
    "word",
    "thinking",
    "pitch",
    "lament",
    "complaint",
    "mantra",
    "theme",
    "reasoning",
];

fn is_in(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

fn cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_dash(w: &str) -> bool {
    matches!(w, "—" | "–" | "-" | "―")
}

fn is_quote_mark(w: &str) -> bool {
    matches!(w, "“" | "”" | "\"" | "‘" | "’" | "'" | "«" | "»")
}

/// The tokens of `span`, in a reusable reader.
struct Toks<'t> {
    text: &'t str,
    t: TokenBuf,
}

/// At most [`TokenBuf::CAP`] tokens, on the stack: a reader is built around every quote.
struct TokenBuf {
    toks: [Token; TokenBuf::CAP],
    len: usize,
}

impl TokenBuf {
    const CAP: usize = 48;
}

impl std::ops::Deref for TokenBuf {
    type Target = [Token];
    fn deref(&self) -> &[Token] {
        &self.toks[..self.len]
    }
}

impl<'t> Toks<'t> {
    fn new(text: &'t str, span: Span) -> Self {
        let blank = Token { span: Span::new(0, 0), kind: TokenKind::Punct };
        let mut t = TokenBuf { toks: [blank; TokenBuf::CAP], len: 0 };
        for (slot, tok) in t.toks.iter_mut().zip(tokens(text, span)) {
            *slot = tok;
            t.len += 1;
        }
        Self { text, t }
    }
    fn w(&self, i: usize) -> &'t str {
        self.t.get(i).map_or("", |t| t.span.text(self.text))
    }
    fn word(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind != TokenKind::Punct)
    }
    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.t[a].span.start, self.t[b].span.end)
    }
    fn len(&self) -> usize {
        self.t.len()
    }
    /// "Sen." / "U.S.": a full stop glued to a short word.
    fn attached_dot(&self, i: usize) -> bool {
        self.w(i) == "."
            && i > 0
            && self.t[i - 1].span.end == self.t[i].span.start
            && self.w(i - 1).len() <= 4
            && self.word(i - 1)
    }
}

/// A run of capitalised words from token `i` ("Ms. Merkel", "Right to Rise USA"): the
/// index of its last token.
fn cap_run(t: &Toks<'_>, i: usize) -> Option<usize> {
    if !t.word(i) || !cap(t.w(i)) {
        return None;
    }
    let mut end = i;
    let mut k = i + 1;
    while k < t.len() {
        let w = t.w(k);
        let name_word = t.word(k) && cap(w) && !is_in(NOT_SPEAKER, w);
        // "Sen." / "U.S." and the particles of names ("Right to Rise", "de la Cruz")
        // inside a capitalised run.
        let joiner = (t.attached_dot(k)
            || matches!(w, "of" | "de" | "la" | "van" | "von" | "al" | "bin" | "del" | "der" | "da" | "to"))
            && k + 1 < t.len()
            && cap(t.w(k + 1));
        if !(name_word || joiner) {
            break;
        }
        end = k;
        k += 1;
    }
    Some(end)
}

/// Whether the token at `b` is (or ends in) a possessive: "Merkel's", "Times'".
fn possessive_at(t: &Toks<'_>, b: usize) -> bool {
    let w = t.w(b);
    w.ends_with("'s")
        || w.ends_with("’s")
        || matches!(t.w(b + 1), "'" | "’") && t.t[b].span.end == t.t[b + 1].span.start
}

/// A speaker's noun phrase opening at token `i`: a pronoun, a name (with a possessive
/// role, "Ms. Merkel's spokesman, Steffen Seibert" -> the name in the appositive), or a
/// determiner phrase ("a voice-over", "the Saudis"). Returns (first, last) tokens.
fn speaker_np(lex: &Lexicon, t: &Toks<'_>, i: usize) -> Option<(usize, usize)> {
    let (a, end) = head_np(lex, t, i)?;
    // The name in the appositive after a possessive role: "Ms. Merkel's spokesman,
    // Steffen Seibert,", "the mayor's spokesman, Tom Reyes,".
    if (a..=end).any(|k| possessive_at(t, k))
        && t.w(end + 1) == ","
        && let Some(e) = cap_run(t, end + 2)
        && e > end + 2
        && t.w(e + 1) == ","
    {
        return Some((end + 2, e));
    }
    Some((a, end))
}

fn head_np(lex: &Lexicon, t: &Toks<'_>, i: usize) -> Option<(usize, usize)> {
    let w = t.w(i);
    if !t.word(i) {
        return None;
    }
    if let Some(p) = lex.entities.pronoun(w) {
        return matches!(p, PronounClass::Male | PronounClass::Female | PronounClass::Plural | PronounClass::First)
            .then_some((i, i));
    }
    if cap(w) && !is_in(NOT_SPEAKER, w) && !is_in(DETERMINERS, w) {
        let mut end = cap_run(t, i)?;
        if possessive_at(t, end) {
            // "Ms. Merkel's spokesman": the role after the possessive.
            let mut k = end + 1;
            while matches!(t.w(k), "'" | "’") {
                k += 1;
            }
            let from = k;
            while k < t.len()
                && k < from + 3
                && t.word(k)
                && !is_in(NP_STOP, t.w(k))
                && lex.verbs.lookup(t.w(k)).is_none()
            {
                end = k;
                k += 1;
            }
        }
        return Some((i, end));
    }
    if is_in(DETERMINERS, w) {
        let mut end = i;
        let mut k = i + 1;
        while k < t.len() && k <= i + 4 {
            let x = t.w(k);
            if !t.word(k) {
                if x == "-" && k + 1 < t.len() && t.word(k + 1) {
                    k += 1;
                    continue;
                }
                break;
            }
            // The word right after the determiner is the head or its modifier even when it
            // could be a verb ("a welcome message"); a past form after it is the verb ("the
            // commission recognized").
            if is_in(NP_STOP, x) || k > i + 1 && !cap(x) && (lex.verbs.lookup(x).is_some() || x.ends_with("ed")) {
                break;
            }
            end = k;
            k += 1;
        }
        return (end > i).then_some((i, end));
    }
    // A lower-case word before a title and name: "state Sen. Jason Holsman".
    if !cap(w)
        && !is_in(NP_STOP, w)
        && !is_in(FUNCTION_WORDS, w)
        && lex.verbs.lookup(w).is_none()
        && let Some(e) = cap_run(t, i + 1)
    {
        return Some((i, e));
    }
    None
}

/// Tokens after the closing mark of `q`, up to the end of its paragraph.
fn after_quote<'t>(doc: &'t Document, q: &Quote) -> Option<Toks<'t>> {
    let para = *doc.paragraphs.get(q.paragraph)?;
    (q.span.end < para.end).then(|| Toks::new(&doc.text, Span::new(q.span.end, para.end)))
}

/// The speaker named right after a quote: a trailing attribution clause whose verb the
/// lexicon does not know ("“...,” Viguerie notes."; "“...?” Trump went on"), a dash
/// credit ("“...” — Lincoln", "”–@realDonaldTrump"), or a byline ("“...,” by Times'
/// Ben Sisario"). `sentence_start`: the quote opens its sentence.
pub(super) fn speaker_after(doc: &Document, lex: &Lexicon, q: &Quote, sentence_start: bool) -> Option<Span> {
    let text = &doc.text;
    let t = after_quote(doc, q)?;
    if t.len() == 0 {
        return None;
    }
    let mut i = 0;
    // Dash credit: "— Abraham Lincoln", "–@realDonaldTrump".
    if is_dash(t.w(0)) {
        i = 1;
        while is_dash(t.w(i)) {
            i += 1;
        }
        if t.w(i) == "@" && t.word(i + 1) && t.t[i].span.end == t.t[i + 1].span.start {
            let mut e = i + 1;
            while t.w(e + 1) == "_" || t.word(e + 1) && t.t[e].span.end == t.t[e + 1].span.start {
                e += 1;
            }
            return Some(t.span(i, e));
        }
        let e = cap_run(&t, i)?;
        return (!is_in(NOT_SPEAKER, t.w(i))).then(|| t.span(i, e));
    }
    let content = q.content.text(text).trim_end();
    let comma_after = t.w(0) == ",";
    if comma_after {
        i = 1;
    }
    // Byline: "“Title,” by Times' Ben Sisario".
    if t.w(i).eq_ignore_ascii_case("by") && (comma_after || content.ends_with(',')) {
        let j = i + 1;
        let j = if t.w(j).eq_ignore_ascii_case("the") { j + 1 } else { j };
        let mut e = cap_run(&t, j)?;
        // "Times' Ben Sisario", "Boston Globe's Joseph P. Kahn": the name after the outlet.
        if possessive_at(&t, e) {
            let mut k = e + 1;
            while matches!(t.w(k), "'" | "’") {
                k += 1;
            }
            if let Some(e2) = cap_run(&t, k) {
                return Some(t.span(k, e2));
            }
            e = e.max(j);
        }
        return Some(t.span(j, e));
    }
    // Trailing clause: the quote opens its sentence and ends in a comma, a question or
    // an exclamation, and a noun phrase follows with something after it.
    let open_end = comma_after || content.ends_with([',', '?', '!', '—', '–', '…']) || content.ends_with("...");
    if !sentence_start || !open_end {
        return None;
    }
    // The verb first: "“...,“ said Jim Clyburn" (behind a mistyped closing mark), "“...?”
    // reacted Trump", "“...,” remembered Roy Verley".
    let w = t.w(i);
    if t.word(i) && !cap(w) && (lex.verbs.lookup(w).is_some() || w.len() > 4 && w.ends_with("ed")) {
        let mut j = i + 1;
        while t.word(j) && t.w(j).len() > 4 && t.w(j).ends_with("ly") {
            j += 1;
        }
        return speaker_np(lex, &t, j).map(|(a, b)| t.span(a, b));
    }
    let (a, b) = speaker_np(lex, &t, i)?;
    // Something must follow the phrase in the same sentence (the verb, however unknown).
    let mut rest = b + 1;
    if t.w(rest) == "(" {
        // "Sen. Marco Rubio (R-Fla.) said": past the parenthesis.
        rest = (rest + 1..t.len().min(rest + 12)).find(|&k| t.w(k) == ")").map_or(rest, |k| k + 1);
    }
    if t.w(rest) == "," {
        // "Murphy, the head of Right to Rise USA, Tweeted": past the appositive.
        rest = (rest + 1..t.len().min(rest + 24)).find(|&k| t.w(k) == ",").map_or(rest + 1, |k| k + 1);
    }
    if !t.word(rest) {
        // The phrase took the verb too ("the two write"): give it back.
        if b > a && t.word(b) && !cap(t.w(b)) && matches!(t.w(b + 1), "." | "") {
            return Some(t.span(a, b - 1));
        }
        return None;
    }
    Some(t.span(a, b))
}

/// The author of the `<tweet author="@x">` element a quote sits in (embedded tweets).
pub(super) fn tweet_author(doc: &Document, q: &Quote) -> Option<Span> {
    let text = &doc.text;
    let para = doc.paragraphs.get(q.paragraph)?;
    let before = text.get(para.start..q.span.start)?;
    let open = before.rfind("<tweet")?;
    if before[open..].contains("</tweet>") {
        return None;
    }
    let tag_end = before[open..].find('>')? + open;
    let tag = &before[open..tag_end];
    let a = tag.find("author=\"")? + "author=\"".len();
    let len = tag[a..].find('"')?;
    let start = para.start + open + a;
    (len > 0).then(|| Span::new(start, start + len))
}

/// A pull quote's credit line: the quote runs to its paragraph's end and the next
/// paragraph is a short name line ending with the closing mark ("Josh Bivens, Economic
/// Policy Institute.”). The name part, before any comma.
pub(super) fn credit_line(doc: &Document, lex: &Lexicon, q: &Quote) -> Option<Span> {
    let text = &doc.text;
    let para = *doc.paragraphs.get(q.paragraph)?;
    let ends_para = text.get(q.span.end..para.end).is_some_and(|r| !r.chars().any(char::is_alphanumeric));
    if !ends_para {
        return None;
    }
    // "- Bernie Sanders." / "—President Obama, tweeting after the speech.": a dash credit
    // line after a quote paragraph.
    if let Some(next) = doc.paragraphs.get(q.paragraph + 1)
        && q.closed
    {
        let line = next.text(text).trim_end();
        let body = line.trim_start_matches(['-', '—', '–', '―', ' ']);
        if body.len() < line.len()
            && cap(body)
            && body.split_whitespace().count() <= 12
            && !body.contains(['"', '“', '”'])
        {
            let start = next.start + (line.len() - body.len());
            let name = body.trim_end_matches(['.', ' ']);
            let name_end = name.find(',').unwrap_or(name.len());
            return Some(Span::new(start, start + name_end).trim(text));
        }
    }
    // The credit is the next paragraph (the quote runs on into it), or the last line of
    // the quote's own paragraph.
    let next = if q.closed {
        let nl = q.content.text(text).trim_end().rfind('\n')?;
        Span::new(q.content.start + nl + 1, q.span.end)
    } else {
        *doc.paragraphs.get(q.paragraph + 1)?
    };
    let line = next.text(text).trim_end();
    let body = line.strip_suffix(['"', '”'])?.trim_end_matches(['.', ' ']);
    if body.is_empty() || body.contains(['"', '“', '”']) || !cap(body) || body.split_whitespace().count() > 10 {
        return None;
    }
    let t = Toks::new(text, Span::new(next.start, next.start + body.len()));
    if (0..t.len()).any(|k| t.word(k) && !cap(t.w(k)) && lex.verbs.lookup(t.w(k)).is_some()) {
        return None;
    }
    let name_end = body.find(',').unwrap_or(body.len());
    Some(Span::new(next.start, next.start + name_end).trim(text))
}

/// The sentence after a quote names its speaker: "That was the message from Sen. Ruiz",
/// "Those were the words of Ms. Diaz", "That was Trump's response", "So said the mayor".
pub(super) fn named_next(doc: &Document, lex: &Lexicon, next_sentence: usize) -> Option<Span> {
    let s = doc.sentences.get(next_sentence)?.span;
    // The sentence is the article's, not more of the quote.
    let before = doc.quotes.partition_point(|q| q.span.start <= s.start);
    if doc.quotes[..before].iter().rev().take(8).any(|q| s.start < q.span.end.max(q.span.start + 1)) {
        return None;
    }
    let t = Toks::new(&doc.text, s);
    let i = 0;
    if !t.word(i) {
        return None;
    }
    if t.w(i) == "So" && t.w(i + 1) == "said" {
        return speaker_np(lex, &t, i + 2).map(|(a, b)| t.span(a, b));
    }
    if !is_in(&["that", "this", "those", "these", "such", "it"], t.w(i)) {
        return None;
    }
    let copula = |k: usize| is_in(&["was", "were", "is", "are", "'s", "’s", "had", "has", "been", "came"], t.w(k));
    let mut k = i + 1;
    if !copula(k) {
        return None;
    }
    while copula(k) {
        k += 1;
    }
    // Within a few words: a speech noun, then "from"/"of"/"by" and the speaker; or a
    // possessive name before the speech noun ("That was Trump's response").
    let mut noun = false;
    for j in k..(k + 8).min(t.len()) {
        let w = t.w(j);
        if is_in(SPEECH_NOUNS, w) {
            noun = true;
            if j > k && possessive_at(&t, j - 1) && cap(t.w(j - 1)) {
                let mut a = j - 1;
                while a > k && cap(t.w(a - 1)) {
                    a -= 1;
                }
                let last = t.w(j - 1);
                let bare = crate::analysis::entities::strip_possessive(last);
                let end = t.t[j - 1].span.start + bare.len();
                return Some(Span::new(t.t[a].span.start, end).trim(&doc.text));
            }
            if j > k + 1 && matches!(t.w(j - 1), "'" | "’") && cap(t.w(j - 2)) {
                return Some(t.span(j - 2, j - 2));
            }
        } else if noun && is_in(&["from", "of", "by"], w) {
            return speaker_np(lex, &t, j + 1).map(|(a, b)| t.span(a, b));
        } else if !t.word(j) && w != "-" {
            break;
        }
    }
    None
}

/// A partial quote inside a sentence that names a person: the person named nearest
/// before the quote, else the first named after it ("In an address that spoke to the
/// “frustration ...,” Mrs. Clinton struck ...").
pub(super) fn person_in_sentence(entities: &Entities, si: usize, q: &Quote) -> Option<Span> {
    let mut before = None;
    let mut after = None;
    for m in entities.mentions_in(si) {
        if m.span.end <= q.span.start {
            before = Some(m.span);
        } else if m.span.start >= q.span.end && after.is_none() {
            after = Some(m.span);
        }
    }
    before.or(after)
}

/// Sentence `si` says its subject put out a statement, a letter, a post: "the DNC issued
/// a statement apologizing to Sanders", "She posted a message on Facebook".
pub(super) fn issues_document(doc: &Document, si: usize) -> bool {
    const VERBS: &[&str] = &[
        "issued",
        "released",
        "sent",
        "posted",
        "published",
        "put",
        "wrote",
        "tweeted",
        "delivered",
        "shared",
        "distributed",
        "circulated",
        "emailed",
        "e-mailed",
        "gave",
        "read",
        "penned",
        "signed",
        "unveiled",
        "issues",
        "releases",
        "sends",
        "posts",
        "publishes",
        "writes",
    ];
    const DOCUMENTS: &[&str] = &[
        "statement",
        "letter",
        "message",
        "post",
        "memo",
        "email",
        "e-mail",
        "note",
        "tweet",
        "op-ed",
        "editorial",
        "essay",
        "apology",
        "announcement",
        "release",
        "response",
        "reply",
    ];
    let Some(s) = doc.sentences.get(si) else { return false };
    let t = Toks::new(&doc.text, s.span);
    (0..t.len()).any(|k| {
        is_in(DOCUMENTS, t.w(k))
            && (k.saturating_sub(3)..k)
                .any(|d| is_in(&["a", "an", "the", "its", "his", "her", "their", "this"], t.w(d)))
            && (k.saturating_sub(6)..k).any(|v| is_in(VERBS, t.w(v)))
    })
}

/// The subject of sentence `si` behind its opening adverbial clauses ("On Friday, after
/// giving a speech, the former host joined ..."; "In rejecting the challenge, which ...,
/// the commission recognized ..."), for a partial quote later in the sentence.
pub(super) fn clause_subject(doc: &Document, lex: &Lexicon, si: usize, before: usize, plain: bool) -> Option<Span> {
    const OPENERS: &[&str] = &[
        "in",
        "on",
        "at",
        "after",
        "before",
        "while",
        "when",
        "since",
        "as",
        "although",
        "though",
        "because",
        "if",
        "during",
        "following",
        "despite",
        "with",
        "without",
        "by",
        "for",
        "from",
        "under",
        "amid",
        "which",
        "who",
        "where",
        "unlike",
        "like",
        "once",
        "until",
        "whether",
        "even",
        "still",
        "yet",
        "however",
        "meanwhile",
        "but",
        "and",
        "so",
        "then",
        "later",
        "earlier",
        "last",
        "this",
        "asked",
        "speaking",
        "according",
    ];
    let s = doc.sentences.get(si)?.span;
    let t = Toks::new(&doc.text, Span::new(s.start, before.clamp(s.start, s.end)));
    let mut i = 0;
    while i < t.len() && !t.word(i) {
        i += 1;
    }
    let mut skipped = false;
    for _ in 0..4 {
        let w = t.w(i);
        // "But he wanted to know, “...”": a conjunction opens the clause, not an adverbial.
        if is_in(&["but", "and", "so", "yet", "then", "still"], w) && t.word(i + 1) && t.w(i + 1) != "," {
            i += 1;
            skipped = true;
            continue;
        }
        let opener = is_in(OPENERS, w)
            || w.len() > 5 && w.ends_with("ing")
            || is_in(&["Tuesday", "Monday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], w);
        if !opener {
            break;
        }
        let comma = (i + 1..t.len().min(i + 40)).find(|&k| t.w(k) == ",")?;
        i = comma + 1;
    }
    // `plain`: a subject that opens the sentence counts too.
    if i == 0 && !plain && !skipped {
        return None;
    }
    let (a, b) = speaker_np(lex, &t, i)?;
    // A verb follows the phrase.
    (t.word(b + 1) && !cap(t.w(b + 1))).then(|| t.span(a, b))
}

/// Sentence `si` has a person (a name or "he" / "she") as its subject and a reporting
/// verb somewhere ("Trump was quick to add that ...", "Sami recalled how ..."): that
/// subject, as the inferred speaker of a quote right after the sentence.
pub(super) fn reporting_subject(doc: &Document, lex: &Lexicon, entities: &Entities, si: usize) -> Option<Span> {
    let s = doc.sentences.get(si)?.span;
    let text = &doc.text;
    let speech = |m: &crate::text::lexicon::PhraseMatch| {
        !cap(m.span.text(text)) && matches!(lex.cue_class(m.class), CueClass::Speech | CueClass::QuoteOnly)
    };
    if !doc.find(&lex.verbs, s).any(|m| speech(&m)) {
        return None;
    }
    let sub = super::scan::sentence_subject(doc, lex, si, s.end)?;
    let person = entities.mentions_in(si).any(|m| m.span.overlaps(sub))
        || matches!(lex.entities.pronoun(sub.text(text)), Some(PronounClass::Male | PronounClass::Female));
    person.then_some(sub)
}

/// Nouns for documents and rules that speak through a quote of their text.
const DOC_NOUNS: &[&str] = &[
    "law",
    "laws",
    "rule",
    "rules",
    "statute",
    "constitution",
    "policy",
    "agreement",
    "contract",
    "bill",
    "act",
    "code",
    "guidelines",
    "regulations",
    "terms",
    "treaty",
    "charter",
    "ordinance",
    "order",
    "ruling",
    "tweet",
    "tweets",
    "post",
    "statement",
    "letter",
    "message",
    "memo",
    "email",
    "note",
    "report",
    "filing",
    "complaint",
    "affidavit",
    "indictment",
    "sign",
    "banner",
    "poster",
    "ad",
    "advertisement",
    "release",
    "platform",
];

/// A sentence opened by a document it quotes: "Under Florida law, battery is committed
/// when a person “...”" (the law), "Per the agreement, ..." (the agreement).
pub(super) fn document_opener(doc: &Document, si: usize, before: usize) -> Option<Span> {
    let s = doc.sentences.get(si)?.span;
    let t = Toks::new(&doc.text, Span::new(s.start, before.clamp(s.start, s.end)));
    if !is_in(&["under", "per", "in"], t.w(0)) {
        return None;
    }
    let comma = (1..t.len().min(10)).find(|&k| t.w(k) == ",")?;
    (comma > 1 && is_in(DOC_NOUNS, t.w(comma - 1))).then(|| t.span(1, comma - 1))
}

/// A person's document named in sentence `si` ("Donald Trump's first tweet Sunday
/// morning was a measured comment."), for the quote of its text that follows: the
/// person's name.
pub(super) fn document_owner(doc: &Document, entities: &Entities, si: usize) -> Option<Span> {
    let s = doc.sentences.get(si)?.span;
    let t = Toks::new(&doc.text, s);
    for k in 0..t.len() {
        if !is_in(DOC_NOUNS, t.w(k)) || is_in(&["law", "laws", "rule", "rules", "order", "act", "code"], t.w(k)) {
            continue;
        }
        // "Trump's [first] tweet": a possessive name at most two words before.
        let owner = (k.saturating_sub(3)..k).find(|&j| possessive_at(&t, j) && cap(t.w(j)))?;
        let at = t.t[owner].span;
        return entities.mentions_in(si).find(|m| m.span.overlaps(at)).map(|m| m.span);
    }
    None
}

/// The person named nearest before `at` in sentence `si`.
pub(super) fn person_before(entities: &Entities, si: usize, at: usize) -> Option<Span> {
    entities.mentions_in(si).filter(|m| m.span.end <= at).last().map(|m| m.span)
}

/// The quote is a title or a name used as a modifier, not speech: no closing
/// punctuation inside and a lower-case noun right after ("the “Orange is the New Black”
/// star", "his “repeal and replace” plan").
pub(super) fn is_modifier(doc: &Document, lex: &Lexicon, q: &Quote) -> bool {
    let content = q.content.text(&doc.text).trim_end();
    if !(cap(content) || content.starts_with(|c: char| c.is_ascii_digit()))
        || content.ends_with(|c: char| c.is_ascii_punctuation() || matches!(c, '…' | '—' | '–'))
    {
        return false;
    }
    let Some(t) = after_quote(doc, q) else { return false };
    let w = t.w(0);
    t.word(0)
        && !cap(w)
        && q.span.end == t.t[0].span.start.saturating_sub(1)
        && !is_in(NP_STOP, w)
        && !is_in(FUNCTION_WORDS, w)
        && !w.ends_with("ing")
        && !w.ends_with("ly")
        && lex.verbs.lookup(w).is_none()
}

/// Words that go on a sentence after a quote rather than take it as a modifier.
const FUNCTION_WORDS: &[&str] = &[
    "said", "says", "say", "he", "she", "they", "it", "we", "i", "you", "because", "if", "yet", "between", "than",
    "so", "for", "of", "into", "onto", "against", "among", "since", "until", "unless", "whether", "where", "or", "nor",
    "a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "up", "out", "off", "down", "back", "away",
    "here", "there", "too", "even", "just", "only", "instead", "anyway", "again", "now", "is", "are", "was", "were",
    "be", "been", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "may", "might", "must",
    "should", "not", "under", "around", "across", "without", "within", "like", "unlike", "per",
];

/// A slogan or poster cited with its year in parentheses right after it
/// ("“No to Schengen” (2005)", "“...” (St. Gallen election poster 2003)").
pub(super) fn is_cited(doc: &Document, q: &Quote) -> bool {
    let text = &doc.text;
    let Some(para) = doc.paragraphs.get(q.paragraph) else { return false };
    let Some(rest) = text.get(q.span.end..para.end) else { return false };
    let Some(inner) = rest.trim_start_matches([' ', '\u{a0}']).strip_prefix('(') else { return false };
    let Some(close) = inner.find(')') else { return false };
    let inner = &inner[..close];
    let words = inner.split_whitespace().count();
    (1..=8).contains(&words)
        && !inner.contains(['“', '"'])
        && inner.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_ascii_digit());
            w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())
        })
}

/// A chant, a cry or the words on a sign, named just before the quote
/// ("the cries of “Bitch!” or “The gays had it coming”", "signs reading “Build the
/// wall now”"): a crowd or an object, no speaker to name.
pub(super) fn is_chant_or_sign(doc: &Document, lex: &Lexicon, q: &Quote) -> bool {
    let text = &doc.text;
    // The paragraph, not the sentence: "“Bitch!”" may end a sentence for the splitter.
    let Some(p) = doc.paragraphs.get(q.paragraph) else { return false };
    let from = p.start.max(q.span.start.saturating_sub(80));
    let from = (from..q.span.start).find(|&i| text.is_char_boundary(i)).unwrap_or(q.span.start);
    let t = Toks::new(text, Span::new(from, q.span.start));
    (0..t.len()).any(|k| t.word(k) && lex.chants_and_signs.lookup(t.w(k)).is_some())
}

/// Whether nothing but blanks, dashes or a colon sits between the start of the quote's
/// sentence (or paragraph) and its opening mark.
pub(super) fn opens_sentence(doc: &Document, q: &Quote) -> bool {
    let text = &doc.text;
    let Some(para) = doc.paragraphs.get(q.paragraph) else { return false };
    let before = text.get(para.start..q.span.start).unwrap_or("").trim_end();
    before.is_empty()
        || before.ends_with(['.', '!', '?', ':', '—', '–', '”', '"', ')', '>'])
        || before.ends_with("--")
        || is_quote_mark(&before[before.len() - before.chars().next_back().map_or(0, char::len_utf8)..])
}

#[cfg(test)]
mod tests {
    use super::super::tests::analyse;
    use super::super::{SpeakerKind, find_attributions};

    /// (source as written, resolved speaker) of the direct attribution whose content
    /// contains `key`.
    fn speaker_of(text: &str, key: &str) -> Option<(String, String)> {
        let (doc, cx) = analyse(text);
        let a = find_attributions(&doc, &cx);
        let it = a.items.iter().find(|a| a.direct && a.content.is_some_and(|c| doc.slice(c).contains(key)))?;
        Some((it.source.map(|s| doc.slice(s).to_string())?, it.speaker.clone().unwrap_or_default()))
    }

    fn source(text: &str, key: &str) -> String {
        speaker_of(text, key).map(|(s, _)| s).unwrap_or_default()
    }

    #[test]
    fn trailing_clause_with_an_unknown_verb() {
        assert_eq!(source("“We will not back down from this fight,” Ruiz notes.", "back down"), "Ruiz");
        assert_eq!(source("“You know, it happens, right?” Trump went on. “Get over it.”", "it happens"), "Trump");
        assert_eq!(
            source("“Hi, riders! The bus may stop running!” a welcome message on the website reads.", "riders"),
            "a welcome message"
        );
        // The phrase gives back the verb it swallowed.
        assert_eq!(source("“We do not understand the need for this standard,” the two write.", "standard"), "the two");
    }

    #[test]
    fn trailing_clause_skips_titles_parentheses_and_appositives() {
        let t = "“Nobody asked the riders what they needed,” the mayor's spokesman, Tom Reyes, wrote on Twitter.";
        assert_eq!(source(t, "Nobody"), "Tom Reyes");
        // The party tag belongs to the source as written; the speaker is the name.
        let t = "“It reminds us how important this election is,” Sen. Marco Rubio (R-Fla.) said Saturday.";
        assert_eq!(source(t, "reminds"), "Sen. Marco Rubio (R-Fla.)");
        assert_eq!(speaker_of(t, "reminds").map(|(_, sp)| sp).as_deref(), Some("Sen. Marco Rubio"));
        let t = "“We know better than they do,” state Sen. Jason Holsman (D) said about halfway through.";
        assert_eq!(source(t, "know better"), "Sen. Jason Holsman (D)");
        let t = "“Muslims are our heroes. What sport is he talking about?” reacted Trump.";
        assert_eq!(source(t, "heroes"), "Trump");
    }

    #[test]
    fn the_second_quote_of_a_credited_pair_takes_its_speaker() {
        let t = "“Board meetings are off the record,” Hannity started. “Then they leak it, and it is all over.”";
        assert_eq!(source(t, "leak it"), "Hannity");
    }

    #[test]
    fn no_clause_after_the_quote_no_speaker() {
        // A full stop after the comma: the attribution was cut.
        assert_eq!(speaker_of("“We will not back down from this fight,”.", "back down"), None);
    }

    #[test]
    fn credits_bylines_tweets() {
        assert_eq!(source("“Ride the bus, save the planet, and save money” –@CityTransit", "planet"), "@CityTransit");
        assert_eq!(
            source("“Ride the bus, save the planet, and save money” — Abraham Lincoln", "planet"),
            "Abraham Lincoln"
        );
        let t = "—\"Board to close three depots by the end of the year,\" by Times' Dana Lee: http://example.com.";
        assert_eq!(source(t, "depots"), "Dana Lee");
        let t = "<tweet id=\"1\" author=\"@RidersUnion\">“This vote is a disgrace to every rider”</tweet>";
        assert_eq!(source(t, "disgrace"), "@RidersUnion");
    }

    #[test]
    fn credit_lines() {
        let t = "Intro.\n\n\"We will enter the next budget cycle without any consensus.\n\nJosh Bivens, Riders Union.\"\n\nNext.";
        assert_eq!(source(t, "budget cycle"), "Josh Bivens");
        let t =
            "Intro.\n\n\"I went to Wall Street before the crash and warned them all.\"\n\n- Hillary Clinton.\n\nNext.";
        assert_eq!(source(t, "Wall Street"), "Hillary Clinton");
        // The credit line is no quote of its own.
        let (doc, cx) = analyse("Intro.\n\n“We will enter the next budget cycle.\n\nJosh Bivens, Riders Union.”");
        let a = find_attributions(&doc, &cx);
        assert_eq!(a.items.iter().filter(|a| a.direct).count(), 1);
    }

    #[test]
    fn the_next_sentence_names_the_speaker() {
        let t = "Intro.\n\n“We have been patient for years, and the patience is gone.”\n\nThat was the message from state Sen. Maria Lopez on Tuesday.";
        assert_eq!(speaker_of(t, "patient").map(|s| s.1).as_deref(), Some("Sen. Maria Lopez"));
        let t = "“We have been patient for years, and the patience is gone.” So said Gov. Tom Ruiz.";
        assert_eq!(source(t, "patient"), "Gov. Tom Ruiz");
        let t = "“We have been patient for years, and the patience is gone.” That was Lopez's response.";
        assert_eq!(source(t, "patient"), "Lopez");
        // Another quote is not the article naming the speaker.
        let t = "“We have been patient for years.” “That is not the view of the riders who elected us.”";
        assert_eq!(source(t, "patient"), "");
    }

    #[test]
    fn partial_quotes_take_a_person_or_subject_of_their_sentence() {
        let t = "Hillary Clinton spoke in Ohio. In a speech that spoke to the “frustration, the fear and the anger of riders,” Mrs. Clinton promised new buses.";
        assert_eq!(speaker_of(t, "frustration").map(|s| s.1).as_deref(), Some("Hillary Clinton"));
        let t = "On Friday, after giving a speech, the former transit chief joined riders to see if they could “get to work before nine.”";
        assert_eq!(source(t, "get to work"), "the former transit chief");
        let t = "In rejecting the challenge, which is scheduled for next week, the commission recognized that a court should settle it — “so that all officials know the law.”";
        assert_eq!(source(t, "officials"), "the commission");
    }

    #[test]
    fn a_statement_paragraph_belongs_to_who_issued_it() {
        let t = "Intro.\n\nThe agency issued a statement apologizing to riders for the delays.\n\n“On behalf of everyone at the agency, we want to offer a sincere apology.”";
        let (s, _) = speaker_of(t, "On behalf").expect("attributed");
        assert_eq!(s, "The agency");
    }

    #[test]
    fn reporting_sentence_before_a_quote_is_inferred() {
        let t = "Intro.\n\nTom Reyes was quick to add that the board had no choice.\n\n“Building new depots? Not negotiable.”\n\n“We have to do something, and it is the only way.”";
        let (doc, cx) = analyse(t);
        let a = find_attributions(&doc, &cx);
        let q: Vec<_> = a.items.iter().filter(|a| a.direct).collect();
        assert_eq!(q.len(), 2);
        assert!(q.iter().all(|a| a.speaker.as_deref() == Some("Tom Reyes") && a.speaker_kind == SpeakerKind::Person));
        assert!(q[0].inferred, "only inferred: the strict reading still reports it");
    }

    #[test]
    fn documents_speak_for_their_text() {
        let t = "Under state law, trespass is committed when a person “enters or remains on the land of another.”";
        assert_eq!(source(t, "enters"), "state law");
        let t = "Intro.\n\nMayor Jane Doe's first tweet on Sunday was a measured comment about the fire. “Terrible fire downtown. Crews are on the scene.”";
        let (s, who) = speaker_of(t, "Crews").expect("attributed");
        assert!(s.contains("Jane Doe"), "{s}");
        assert_eq!(who, "Mayor Jane Doe");
    }

    #[test]
    fn titles_as_modifiers_and_cited_slogans_need_no_speaker() {
        let (doc, cx) = analyse(
            "The “Orange is the New Black” star rode the bus. The \"90 to 95 percent\" figure came from the campaign. “Lose the bus? Lose your job? No to cuts” (2019) was a poster.",
        );
        let a = find_attributions(&doc, &cx);
        assert!(a.items.iter().all(|a| !a.direct), "{:?}", a.items);
        let (doc, cx) =
            analyse("It was not just the cries of “Shame!” or “Close the depots now” that rattled the board.");
        let a = find_attributions(&doc, &cx);
        assert!(a.items.iter().all(|a| !a.direct), "{:?}", a.items);
    }

    #[test]
    fn distant_quotes_in_one_long_paragraph_do_not_merge() {
        let t = "“It is doable,” Risch said on Monday.\nTobias, a law professor, was not optimistic.\n“They will run out the clock this year and wait for the election.”";
        assert_eq!(speaker_of(t, "It is doable").map(|s| s.1).as_deref(), Some("Risch"));
        let (doc, cx) = analyse(t);
        let a = find_attributions(&doc, &cx);
        let risch = a.items.iter().find(|a| a.cue.is_some()).expect("cued");
        assert!(!doc.slice(risch.content.expect("content")).contains("clock"));
    }
}

//! Word-level diff inside an edited sentence pair, and which of its changes are minor
//! (typo, punctuation, spelling, hyphenation) rather than substantive.

use std::ops::Range;
use std::time::Instant;

use similar::{Algorithm, DiffOp, capture_diff_deadline};

use super::align::word_hash;
use crate::text::Span;
use crate::text::token::{Token, TokenKind, tokens};

/// Why a change does not touch facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MinorKind {
    /// Only punctuation marks changed.
    Punctuation,
    /// A misspelling, a hyphen or apostrophe, a word split or joined.
    Spelling,
    /// Only spacing or letter case changed.
    Whitespace,
    /// An article or preposition added or dropped ("said on Tuesday" / "said Tuesday").
    FunctionWord,
}

impl MinorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MinorKind::Punctuation => "punctuation",
            MinorKind::Spelling => "spelling",
            MinorKind::Whitespace => "whitespace",
            MinorKind::FunctionWord => "function-word",
        }
    }
}

/// One changed run of tokens: `old` and `new` index into the pair's token lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hunk {
    pub old: Range<usize>,
    pub new: Range<usize>,
    /// Some when the change is minor.
    pub minor: Option<MinorKind>,
}

/// The tokens of both sides of a pair and the hunks between them.
#[derive(Debug, Clone, Default)]
pub struct WordDiff {
    pub old: Vec<Token>,
    pub new: Vec<Token>,
    pub hunks: Vec<Hunk>,
}

/// Words whose change is never a typo whatever their spelling distance: the caller
/// answers from the revision rules' word lists (dates, hedges, numbers, negations).
pub trait Protected {
    fn is_protected(&self, word: &str) -> bool;
}

impl<F: Fn(&str) -> bool> Protected for F {
    fn is_protected(&self, word: &str) -> bool {
        self(word)
    }
}

/// Words that may come and go without changing a fact.
const FUNCTION_WORDS: &[&str] = &["a", "an", "the", "that", "on", "of", "in", "at", "to", "and", "as", "for", "its"];

/// Diff two token runs (old `text[old_span]`, new `text[new_span]`).
pub fn diff_words(
    old_text: &str,
    old_span: Span,
    new_text: &str,
    new_span: Span,
    protected: &dyn Protected,
    deadline: Option<Instant>,
) -> WordDiff {
    let old: Vec<Token> = tokens(old_text, old_span).collect();
    let new: Vec<Token> = tokens(new_text, new_span).collect();
    let ok: Vec<u64> = old.iter().map(|t| word_hash(t.span.text(old_text))).collect();
    let nk: Vec<u64> = new.iter().map(|t| word_hash(t.span.text(new_text))).collect();
    let ops = capture_diff_deadline(Algorithm::Myers, &ok[..], 0..ok.len(), &nk[..], 0..nk.len(), deadline);
    let mut hunks = Vec::new();
    for op in ops {
        if matches!(op, DiffOp::Equal { .. }) {
            continue;
        }
        let (_, o, n) = op.as_tag_tuple();
        let minor = classify_minor(old_text, &old[o.clone()], new_text, &new[n.clone()], protected);
        hunks.push(Hunk { old: o, new: n, minor });
    }
    WordDiff { old, new, hunks }
}

fn letters(text: &str, toks: &[Token]) -> String {
    toks.iter()
        .flat_map(|t| t.span.text(text).chars())
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Minor when only punctuation changed, when the letters are the same once spacing,
/// hyphens and apostrophes are ignored, or when a short word run differs by a typo.
fn classify_minor(
    old_text: &str,
    old: &[Token],
    new_text: &str,
    new: &[Token],
    protected: &dyn Protected,
) -> Option<MinorKind> {
    let words = |text: &str, toks: &[Token]| -> Vec<String> {
        toks.iter().filter(|t| t.kind != TokenKind::Punct).map(|t| t.span.text(text).to_lowercase()).collect()
    };
    let ow = words(old_text, old);
    let nw = words(new_text, new);
    if ow.is_empty() && nw.is_empty() {
        return Some(MinorKind::Punctuation);
    }
    let has_digit =
        |toks: &[Token], text: &str| toks.iter().any(|t| t.span.text(text).bytes().any(|b| b.is_ascii_digit()));
    let digits = has_digit(old, old_text) || has_digit(new, new_text);
    let ol = letters(old_text, old);
    let nl = letters(new_text, new);
    if ol == nl {
        // "well known" / "well-known", "Putins" / "Putin's": same letters.
        return Some(MinorKind::Spelling);
    }
    if ow.is_empty() || nw.is_empty() {
        if ow.iter().chain(&nw).any(|w| protected.is_protected(w)) {
            return None;
        }
        let changed = if ow.is_empty() { &nw } else { &ow };
        return (changed.len() == 1 && FUNCTION_WORDS.contains(&changed[0].as_str()))
            .then_some(MinorKind::FunctionWord);
    }
    if digits || ow.len() > 2 || nw.len() > 2 || ow.len() != nw.len() {
        return None;
    }
    // Each word pair must be a plausible typo of the other.
    for (a, b) in ow.iter().zip(&nw) {
        if a == b {
            continue;
        }
        // A word the rules care about may be misspelt, but not swapped for another
        // such word ("Tuesday" / "Thursday") or shortened into a different word
        // ("never" / "ever"): its typo must keep the length unless the word is long.
        let (pa, pb) = (protected.is_protected(a), protected.is_protected(b));
        let (la, lb) = (a.chars().count(), b.chars().count());
        if (pa && pb) || (pa && la != lb && la < 7) || (pb && la != lb && lb < 7) {
            return None;
        }
        let len = la.max(lb);
        let d = osa_distance(a, b);
        // One slip in a word of four letters or more; two only in long words.
        let allowed = match len {
            0..=3 => 0,
            4..=9 => 1,
            _ => 2,
        };
        if d > allowed {
            return None;
        }
    }
    Some(MinorKind::Spelling)
}

/// Optimal string alignment distance (Levenshtein plus adjacent transpositions), on
/// characters, bounded to short words by the caller.
pub fn osa_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len() > 64 || b.len() > 64 {
        return a.len().max(b.len());
    }
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for i in 0..=a.len() {
        d[i * w] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1).min(d[i * w + j - 1] + 1).min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(a: &str, b: &str) -> WordDiff {
        let p = |w: &str| matches!(w, "tuesday" | "wednesday" | "may" | "not");
        diff_words(a, Span::new(0, a.len()), b, Span::new(0, b.len()), &p, None)
    }

    fn kinds(a: &str, b: &str) -> Vec<Option<MinorKind>> {
        run(a, b).hunks.into_iter().map(|h| h.minor).collect()
    }

    #[test]
    fn typos_and_punctuation_are_minor() {
        assert_eq!(kinds("The goverment said so.", "The government said so."), vec![Some(MinorKind::Spelling)]);
        assert_eq!(kinds("He left, then came.", "He left; then came."), vec![Some(MinorKind::Punctuation)]);
        assert_eq!(kinds("a well known man", "a well-known man"), vec![Some(MinorKind::Spelling)]);
        assert_eq!(kinds("He said on Monday", "He said Monday"), vec![Some(MinorKind::FunctionWord)]);
    }

    #[test]
    fn numbers_dates_and_other_words_are_substantive() {
        assert_eq!(kinds("more than 100,000 troops", "more than 130,000 troops"), vec![None]);
        assert_eq!(kinds("on Tuesday", "on Wednesday"), vec![None]);
        assert_eq!(kinds("Putin said", "Lavrov said"), vec![None]);
        assert_eq!(kinds("it is a plan", "it is not a plan"), vec![None]);
        assert_eq!(kinds("in Austria", "in Australia"), vec![None]);
    }

    #[test]
    fn hunk_ranges_point_at_changed_tokens() {
        let d = run("more than 100,000 troops", "more than 130,000 troops");
        assert_eq!(d.hunks.len(), 1);
        let h = &d.hunks[0];
        assert_eq!(d.old[h.old.start].span.text("more than 100,000 troops"), "100,000");
    }

    #[test]
    fn osa_counts_transpositions_once() {
        assert_eq!(osa_distance("form", "from"), 1);
        assert_eq!(osa_distance("kitten", "sitting"), 3);
    }
}

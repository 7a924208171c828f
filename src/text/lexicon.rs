//! Word lists (rules/lexicons/*.json) and the automaton that finds their phrases.

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use serde::Deserialize;

use super::span::Span;

/// A lexicon file: named classes of phrases ("speech": ["say", "says", ...]).
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    #[serde(rename = "$schema", default, skip_serializing)]
    pub schema: Option<String>,
    /// What the list holds and where it came from.
    pub description: String,
    /// Class name -> phrases. Every inflection is listed: lexicons are not stemmed.
    pub classes: BTreeMap<String, Vec<String>>,
}

impl Lexicon {
    /// Phrases of one class, or of every class when `class` is None.
    pub fn phrases(&self, class: Option<&str>) -> Option<Vec<&str>> {
        match class {
            Some(c) => self.classes.get(c).map(|v| v.iter().map(String::as_str).collect()),
            None => Some(self.classes.values().flatten().map(String::as_str).collect()),
        }
    }
}

/// Finds whole-word occurrences of many phrases in one pass (ASCII case-insensitive,
/// leftmost-longest, so "said in a statement" wins over "said").
#[derive(Debug, Clone)]
pub struct PhraseMatcher {
    automaton: AhoCorasick,
    /// The class of each pattern, by pattern index.
    pattern_class: Vec<u32>,
    class_names: Vec<String>,
    /// Lower-cased whole phrases -> class, for [`PhraseMatcher::lookup`] without a search.
    whole: std::collections::HashMap<String, u32>,
}

/// A phrase found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch {
    pub span: Span,
    pub pattern: usize,
    pub class: u32,
}

fn is_word_byte_at(text: &str, offset: usize, before: bool) -> bool {
    let c = if before { text[..offset].chars().next_back() } else { text[offset..].chars().next() };
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// Normalise typographic apostrophes so "don't" in a lexicon matches "don’t" in a text.
pub fn fold_apostrophes(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains('’') { std::borrow::Cow::Owned(s.replace('’', "'")) } else { std::borrow::Cow::Borrowed(s) }
}

impl PhraseMatcher {
    /// Build from (class name, phrases) pairs.
    pub fn new<'a>(classes: impl IntoIterator<Item = (&'a str, Vec<&'a str>)>) -> Self {
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_class = Vec::new();
        let mut class_names = Vec::new();
        for (name, phrases) in classes {
            let class = class_names.len() as u32;
            class_names.push(name.to_string());
            for p in phrases {
                let p = p.trim();
                if p.is_empty() {
                    continue;
                }
                // Lexicons may use either apostrophe; the text's curly ones are matched
                // through a second pattern rather than by rewriting the text.
                patterns.push(p.replace('’', "'"));
                pattern_class.push(class);
                if p.contains('\'') || p.contains('’') {
                    patterns.push(p.replace('\'', "’"));
                    pattern_class.push(class);
                }
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            // Word lists are small and built once per rule set: a full DFA costs a little
            // memory and makes the per-document scans several times faster.
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("phrase automaton builds from plain strings");
        let mut whole = std::collections::HashMap::with_capacity(patterns.len());
        for (p, &c) in patterns.iter().zip(&pattern_class) {
            whole.entry(p.to_ascii_lowercase()).or_insert(c);
        }
        Self { automaton, pattern_class, class_names, whole }
    }

    pub fn class_name(&self, class: u32) -> &str {
        &self.class_names[class as usize]
    }

    pub fn class_id(&self, name: &str) -> Option<u32> {
        self.class_names.iter().position(|c| c == name).map(|i| i as u32)
    }

    pub fn is_empty(&self) -> bool {
        self.pattern_class.is_empty()
    }

    /// Whole-word matches inside `span` of `text`.
    pub fn find_in<'t>(&'t self, text: &'t str, span: Span) -> impl Iterator<Item = PhraseMatch> + 't {
        let hay = &text[span.start..span.end];
        self.automaton.find_iter(hay).filter_map(move |m| {
            let (s, e) = (span.start + m.start(), span.start + m.end());
            if is_word_byte_at(text, s, true) || is_word_byte_at(text, e, false) {
                return None;
            }
            let pattern = m.pattern().as_usize();
            Some(PhraseMatch { span: Span::new(s, e), pattern, class: self.pattern_class[pattern] })
        })
    }

    /// Whether `word` (the whole string) is one of the phrases, and of which class.
    pub fn lookup(&self, word: &str) -> Option<u32> {
        // Words are short: lower-case them on the stack, no allocation, no automaton run.
        let mut buf = [0u8; 48];
        if let Some(dst) = buf.get_mut(..word.len()) {
            for (d, b) in dst.iter_mut().zip(word.bytes()) {
                *d = b.to_ascii_lowercase();
            }
            return std::str::from_utf8(dst).ok().and_then(|w| self.whole.get(w).copied());
        }
        self.whole.get(&word.to_ascii_lowercase()).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_whole_words_longest_first_any_apostrophe() {
        let m = PhraseMatcher::new([("speech", vec!["said", "said in a statement", "didn't say"])]);
        let text = "She said in a statement she didn’t say it; Saidi left.";
        let got: Vec<&str> = m.find_in(text, Span::new(0, text.len())).map(|x| x.span.text(text)).collect();
        assert_eq!(got, vec!["said in a statement", "didn’t say"]);
        assert_eq!(m.lookup("SAID"), Some(0));
        assert_eq!(m.lookup("sai"), None);
    }
}

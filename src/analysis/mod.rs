//! What the article contains (facts, not judgements). Each analysis runs at most once
//! per document, on demand, and every rule reads its result.

pub mod attribution;
pub mod disputes;
pub mod entities;
pub mod quotes;
pub mod temporal;

use crate::rules::Lexicons;

/// Everything the analyses need that is built once per rule set, not per document:
/// compiled word-list automata from rules/lexicons.
#[derive(Debug)]
pub struct Context {
    pub attribution: attribution::Lexicon,
    pub temporal: temporal::Grammar,
    pub disputes: disputes::Lexicon,
}

impl Context {
    pub fn new(lexicons: &Lexicons) -> Self {
        Self {
            attribution: attribution::Lexicon::new(lexicons),
            temporal: temporal::Grammar::new(lexicons),
            disputes: disputes::Lexicon::new(lexicons),
        }
    }
}

//! Attributions: source / cue / content, and who the source resolves to.

use crate::document::Document;
use crate::rules::Lexicons;
use crate::text::Span;

/// Compiled word lists the attribution analysis needs (built once per rule set).
#[derive(Debug, Default)]
pub struct Lexicon {}

impl Lexicon {
    pub fn new(_lexicons: &Lexicons) -> Self {
        Self {}
    }
}

/// What kind of speaker a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    Person,
    Organisation,
    Role,
    Pronoun,
    Anonymous,
    Document,
    None,
}

/// One attribution: who (source), the verb or phrase (cue), and what (content).
#[derive(Debug, Clone)]
pub struct Attribution {
    pub source: Option<Span>,
    pub cue: Option<Span>,
    pub content: Option<Span>,
    /// The resolved speaker ("Russian President Vladimir Putin"), if any.
    pub speaker: Option<String>,
    pub speaker_kind: SpeakerKind,
    /// The content is a direct quote.
    pub direct: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Attributions {
    pub items: Vec<Attribution>,
}

pub fn find_attributions(_doc: &Document, _ctx: &super::Context) -> Attributions {
    Attributions::default()
}

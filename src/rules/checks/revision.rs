//! `revision`: a change between two versions of an article ("100,000 troops" became
//! "130,000 troops"). It needs two documents, so running it on one reports nothing and
//! `factlint check` never fires it; `factlint diff` runs these rules through
//! [`crate::diff`], which finds the change named by `change` and reports it with the
//! rule's own severity, message and help.

use schemars::JsonSchema;
use serde::Deserialize;

use super::{LexiconResolver, RunContext};
use crate::document::Document;
use crate::finding::Finding;
use crate::rules::matcher::CompiledMatcher;
use crate::rules::spec::Matcher;

/// The kinds of change a revision rule can report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    /// Words inside quotation marks changed.
    QuoteAltered,
    /// The same quote or claim is now attributed to someone else.
    SpeakerChanged,
    /// A quote or claim lost its source.
    AttributionRemoved,
    /// A denial or response was deleted or moved away from what it answers.
    ResponseRemoved,
    /// A quantity changed value.
    NumberChanged,
    /// A date expression changed value.
    DateChanged,
    /// A hedge ("alleged", "reportedly", "may") was added or removed.
    HedgeChanged,
    /// A new sentence asserts something without a source.
    UnattributedClaimAdded,
    /// Substantive changes without an added correction or update note.
    NeedsCorrectionNote,
    /// The headline changed.
    HeadlineChanged,
    /// Sentences moved to another place in the article.
    Moved,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::QuoteAltered => "quote-altered",
            ChangeKind::SpeakerChanged => "speaker-changed",
            ChangeKind::AttributionRemoved => "attribution-removed",
            ChangeKind::ResponseRemoved => "response-removed",
            ChangeKind::NumberChanged => "number-changed",
            ChangeKind::DateChanged => "date-changed",
            ChangeKind::HedgeChanged => "hedge-changed",
            ChangeKind::UnattributedClaimAdded => "unattributed-claim-added",
            ChangeKind::NeedsCorrectionNote => "needs-correction-note",
            ChangeKind::HeadlineChanged => "headline-changed",
            ChangeKind::Moved => "moved",
        }
    }

    /// Kinds whose `words` are required (the change is defined by them).
    fn needs_words(self) -> bool {
        matches!(self, ChangeKind::HedgeChanged | ChangeKind::NeedsCorrectionNote | ChangeKind::ResponseRemoved)
    }
}

/// `revision`: which change to report, and the words that define it.
///
/// The message may use `{what}` (a description of the change: "`100,000 troops` ->
/// `130,000 troops`"), `{old}` and `{new}` (the text before and after).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RevisionParams {
    /// The change this rule reports.
    pub change: ChangeKind,
    /// Words the change is about: hedges (hedge-changed), correction and update notes
    /// (needs-correction-note), denials and responses (response-removed), number words
    /// (number-changed), date words (date-changed, used until the dates analysis resolves
    /// them), attribution cues (speaker-changed, attribution-removed,
    /// unattributed-claim-added, used when the attribution analysis finds nothing).
    #[serde(default)]
    pub words: Option<Matcher>,
    /// Minimum word overlap (0..1) for an added sentence to count as a rewrite of an old
    /// one rather than new content (unattributed-claim-added), or for a moved sentence
    /// to be reported (moved). Default 0.5.
    #[serde(default)]
    pub threshold: Option<f32>,
    /// Fewest words a sentence needs to be considered (unattributed-claim-added). Default 6.
    #[serde(default)]
    pub min_words: Option<usize>,
}

/// A compiled revision rule.
#[derive(Debug)]
pub struct Revision {
    pub change: ChangeKind,
    pub words: CompiledMatcher,
    pub threshold: f32,
    pub min_words: usize,
}

impl Revision {
    pub fn compile(p: RevisionParams, lex: &dyn LexiconResolver) -> Result<Self, super::CompileError> {
        let words = match &p.words {
            Some(m) => lex.matcher(m)?,
            None => CompiledMatcher::default(),
        };
        if p.change.needs_words() && words.is_empty() {
            return Err(format!("revision `{}` needs `words` (phrases or a lexicon)", p.change.as_str()).into());
        }
        let threshold = p.threshold.unwrap_or(0.5);
        if !(0.0..=1.0).contains(&threshold) {
            return Err("`threshold` must be between 0 and 1".into());
        }
        Ok(Self { change: p.change, words, threshold, min_words: p.min_words.unwrap_or(6) })
    }

    /// One document has no revisions: nothing to report (see `crate::diff`).
    pub fn run(&self, _doc: &Document, _cx: &RunContext<'_>, _out: &mut Vec<Finding>) {}
}

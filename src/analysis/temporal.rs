//! Temporal expressions, found and resolved against the dateline (TIMEX3 values).

use crate::document::Document;
use crate::rules::Lexicons;
use crate::text::Span;

/// Compiled tables the temporal grammar needs (built once per rule set).
#[derive(Debug, Default)]
pub struct Grammar {}

impl Grammar {
    pub fn new(_lexicons: &Lexicons) -> Self {
        Self {}
    }
}

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemporalExpr {
    pub span: Span,
    pub kind: TimexType,
    /// TIMEX3 value: "2022-02-01", "2021-12", "199", "P8Y", "PRESENT_REF", ...
    pub value: String,
    /// TIMEX3 mod: "START", "END", "MID", "APPROX", ...
    pub modifier: Option<&'static str>,
}

pub fn find_temporal(_doc: &Document, _ctx: &super::Context) -> Vec<TemporalExpr> {
    Vec::new()
}

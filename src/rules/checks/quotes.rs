//! `quote-balance`: a quotation mark opened and never closed, so no reader (and no
//! attribution check) can tell where the speaker's words end.

use serde::Deserialize;

use super::{LexiconResolver, RunContext};
use crate::document::Document;
use crate::finding::Finding;

/// No parameters yet; the type exists so a misspelt one is reported.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuoteBalanceParams {}

#[derive(Debug)]
pub struct QuoteBalance;

impl QuoteBalance {
    pub fn compile(_p: QuoteBalanceParams, _lex: &dyn LexiconResolver) -> Result<Self, super::CompileError> {
        Ok(Self)
    }

    pub fn run(&self, doc: &Document, cx: &RunContext<'_>, out: &mut Vec<Finding>) {
        for q in doc.quotes.iter().filter(|q| q.unbalanced) {
            // Point at the opening mark only: the rest of the paragraph is not the problem.
            let mark_len = doc.text[q.span.start..].chars().next().map_or(1, char::len_utf8);
            let span = crate::text::Span::new(q.span.start, q.span.start + mark_len);
            out.push(cx.rule.finding(span, cx.rule.message.clone()));
        }
    }
}

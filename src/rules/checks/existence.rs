//! `existence`: phrases or patterns that should not appear ("reportedly", "it is believed").

use super::{LexiconResolver, RunContext};
use crate::document::Document;
use crate::finding::Finding;
use crate::rules::matcher::{CompiledMatcher, fill, in_quote};
use crate::rules::spec::ExistenceParams;

#[derive(Debug)]
pub struct Existence {
    find: CompiledMatcher,
    unless: Option<CompiledMatcher>,
    ignore_quotes: bool,
}

impl Existence {
    pub fn compile(p: ExistenceParams, lex: &dyn LexiconResolver) -> Result<Self, super::CompileError> {
        let find = lex.matcher(&p.matcher())?;
        if find.is_empty() {
            return Err("existence needs at least one of `phrases`, `lexicon` or `patterns`".into());
        }
        let unless = p.unless.as_ref().map(|m| lex.matcher(m)).transpose()?;
        Ok(Self { find, unless, ignore_quotes: p.ignore_quotes })
    }

    pub fn run(&self, doc: &Document, cx: &RunContext<'_>, out: &mut Vec<Finding>) {
        for sentence in &doc.sentences {
            let hits = self.find.find_in_doc(doc, sentence.span);
            if hits.is_empty() {
                continue;
            }
            if self.unless.as_ref().is_some_and(|u| u.is_match_in_doc(doc, sentence.span)) {
                continue;
            }
            for span in hits {
                if self.ignore_quotes && in_quote(doc, span) {
                    continue;
                }
                out.push(cx.rule.finding(span, fill(&cx.rule.message, doc.slice(span))));
            }
        }
    }
}

//! `conditional`: if X appears in a scope, Y must appear in the same scope.

use super::{LexiconResolver, RunContext};
use crate::document::Document;
use crate::finding::Finding;
use crate::rules::matcher::{CompiledMatcher, fill, in_quote};
use crate::rules::spec::{ConditionalParams, Scope};
use crate::text::Span;

#[derive(Debug)]
pub struct Conditional {
    if_: CompiledMatcher,
    then: CompiledMatcher,
    scope: Scope,
    ignore_quotes: bool,
}

impl Conditional {
    pub fn compile(p: ConditionalParams, lex: &dyn LexiconResolver) -> Result<Self, super::CompileError> {
        let if_ = lex.matcher(&p.if_)?;
        let then = lex.matcher(&p.then)?;
        if if_.is_empty() || then.is_empty() {
            return Err("conditional needs phrases, a lexicon or patterns in both `if` and `then`".into());
        }
        Ok(Self { if_, then, scope: p.scope, ignore_quotes: p.ignore_quotes })
    }

    fn scopes(&self, doc: &Document) -> Vec<Span> {
        match self.scope {
            Scope::Sentence => doc.sentences.iter().map(|s| s.span).collect(),
            Scope::Paragraph => doc.paragraphs.clone(),
            Scope::Document => match (doc.paragraphs.first(), doc.paragraphs.last()) {
                (Some(a), Some(b)) => vec![Span::new(a.start, b.end)],
                _ => Vec::new(),
            },
        }
    }

    pub fn run(&self, doc: &Document, cx: &RunContext<'_>, out: &mut Vec<Finding>) {
        for scope in self.scopes(doc) {
            let hits: Vec<Span> = self
                .if_
                .find_in_doc(doc, scope)
                .into_iter()
                .filter(|&s| !(self.ignore_quotes && in_quote(doc, s)))
                .collect();
            if hits.is_empty() || self.then.is_match_in_doc(doc, scope) {
                continue;
            }
            for span in hits {
                out.push(cx.rule.finding(span, fill(&cx.rule.message, doc.slice(span))));
            }
        }
    }
}

//! `substitution`: preferred forms ("per cent" -> "percent", AP style).

use super::{LexiconResolver, RunContext};
use crate::document::Document;
use crate::finding::Finding;
use crate::rules::matcher::{fill, in_quote};
use crate::rules::spec::SubstitutionParams;
use crate::text::lexicon::PhraseMatcher;

#[derive(Debug)]
pub struct Substitution {
    matcher: PhraseMatcher,
    /// Replacement of each pattern, by the matcher's class id.
    replacements: Vec<String>,
    ignore_quotes: bool,
}

impl Substitution {
    pub fn compile(p: SubstitutionParams, _lex: &dyn LexiconResolver) -> Result<Self, super::CompileError> {
        if p.swap.is_empty() {
            return Err("substitution needs at least one entry in `swap`".into());
        }
        // One class per entry so a match tells which replacement applies.
        let matcher = PhraseMatcher::new(p.swap.keys().map(|k| (k.as_str(), vec![k.as_str()])));
        let replacements = p.swap.values().cloned().collect();
        Ok(Self { matcher, replacements, ignore_quotes: p.ignore_quotes })
    }

    pub fn run(&self, doc: &Document, cx: &RunContext<'_>, out: &mut Vec<Finding>) {
        for &para in &doc.paragraphs {
            for m in doc.find(&self.matcher, para) {
                if self.ignore_quotes && in_quote(doc, m.span) {
                    continue;
                }
                let found = doc.slice(m.span);
                let replacement = &self.replacements[m.class as usize];
                let message = fill(&cx.rule.message, found).replace("{replacement}", replacement);
                let mut f = cx.rule.finding(m.span, message);
                if f.help.is_none() {
                    f.help = Some(format!("write `{replacement}`"));
                }
                out.push(f);
            }
        }
    }
}

//! The rules engine: rule files (data) compiled into checks (code), selected, and run.

pub mod checks;
pub mod examples;
pub mod load;
pub mod matcher;
pub mod spec;

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::analysis::Context;
use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::text::Span;
use crate::text::lexicon::Lexicon;

pub use load::{RuleError, RuleSource};

/// Word lists by name (`reporting-verbs` for rules/lexicons/reporting-verbs.json).
#[derive(Debug, Default, Clone)]
pub struct Lexicons {
    pub by_name: BTreeMap<String, Lexicon>,
}

impl Lexicons {
    pub fn get(&self, name: &str) -> Option<&Lexicon> {
        self.by_name.get(name)
    }

    /// Every class of `name` as (class, phrases), the shape `PhraseMatcher::new` takes;
    /// empty when the lexicon is absent.
    pub fn classes(&self, name: &str) -> Vec<(&str, Vec<&str>)> {
        self.get(name)
            .map(|l| l.classes.iter().map(|(k, v)| (k.as_str(), v.iter().map(String::as_str).collect())).collect())
            .unwrap_or_default()
    }

    /// Phrases of `name` (optionally one class); empty when the lexicon is absent.
    pub fn phrases(&self, name: &str, class: Option<&str>) -> Vec<&str> {
        self.get(name).and_then(|l| l.phrases(class)).unwrap_or_default()
    }
}

/// One loaded rule.
#[derive(Debug)]
pub struct Rule {
    pub id: Arc<str>,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    pub description: Option<String>,
    pub kind: String,
    /// Off unless selected explicitly (opt-in rules).
    pub enabled: bool,
    pub check: checks::Check,
    pub examples: spec::Examples,
    /// The file it came from ("rules/style/reportedly.json" for embedded ones).
    pub origin: String,
}

impl Rule {
    pub fn category(&self) -> &str {
        self.id.split('/').next().unwrap_or(&self.id)
    }

    /// A finding of this rule with its default help.
    pub fn finding(&self, span: Span, message: String) -> Finding {
        Finding {
            rule: self.id.clone(),
            severity: self.severity,
            message,
            help: self.help.clone(),
            span,
            labels: Vec::new(),
        }
    }
}

/// The rules in force and what the analyses need, built once per run.
#[derive(Debug)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    pub lexicons: Lexicons,
    pub context: Context,
}

impl RuleSet {
    /// The embedded default rules.
    pub fn embedded() -> Result<Self, RuleError> {
        load::load(&[RuleSource::Embedded])
    }

    /// Keep rules whose id or category is selected and not ignored (exact id or
    /// `category` / `category/` prefix).
    pub fn filter(&mut self, select: &[String], ignore: &[String]) -> Result<(), String> {
        let matches = |sel: &str, id: &str| {
            let sel = sel.trim_end_matches('/');
            id == sel || id.strip_prefix(sel).is_some_and(|rest| rest.starts_with('/'))
        };
        for s in select.iter().chain(ignore) {
            if !self.rules.iter().any(|r| matches(s, &r.id)) {
                return Err(format!("no rule or category `{s}` (see `factlint rules list`)"));
            }
        }
        self.rules.retain(|r| {
            (select.is_empty() || select.iter().any(|s| matches(s, &r.id))) && !ignore.iter().any(|s| matches(s, &r.id))
        });
        // Opt-in rules run only when a selector names them (or their category).
        for r in &mut self.rules {
            if select.iter().any(|s| matches(s, &r.id)) {
                r.enabled = true;
            }
        }
        Ok(())
    }

    /// Change the severity of a rule or of every rule in a category.
    pub fn set_severity(&mut self, id_or_category: &str, severity: Severity) -> Result<(), String> {
        let sel = id_or_category.trim_end_matches('/');
        let mut found = false;
        for r in &mut self.rules {
            if &*r.id == sel || r.category() == sel {
                r.severity = severity;
                found = true;
            }
        }
        if found { Ok(()) } else { Err(format!("no rule or category `{id_or_category}`")) }
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| &*r.id == id)
    }

    /// Run every rule on a document; findings sorted by position, then rule.
    pub fn check(&self, doc: &Document) -> Vec<Finding> {
        let mut out = Vec::new();
        for rule in self.rules.iter().filter(|r| r.enabled) {
            let cx = checks::RunContext { rule, analysis: &self.context };
            rule.check.run(doc, &cx, &mut out);
        }
        sort_findings(&mut out);
        out
    }

    /// Run one rule only (rule examples).
    pub fn check_one(&self, rule: &Rule, doc: &Document) -> Vec<Finding> {
        let mut out = Vec::new();
        rule.check.run(doc, &checks::RunContext { rule, analysis: &self.context }, &mut out);
        out
    }
}

/// Deterministic order: position, then rule id, then message; exact duplicates dropped.
pub fn sort_findings(out: &mut Vec<Finding>) {
    out.sort_by(|a, b| {
        (a.span.start, a.span.end, &a.rule, &a.message).cmp(&(b.span.start, b.span.end, &b.rule, &b.message))
    });
    out.dedup();
}

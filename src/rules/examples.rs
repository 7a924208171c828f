//! Running each rule's own `valid` / `invalid` examples (the test suite and
//! `factlint rules test` both use this).

use super::{Rule, RuleSet};
use crate::input::{InputOptions, parse_bytes};

/// One example that did not behave as its rule file says.
#[derive(Debug, Clone)]
pub struct ExampleFailure {
    pub rule: String,
    pub origin: String,
    pub expected_findings: bool,
    pub example: String,
    pub got: Vec<String>,
}

impl std::fmt::Display for ExampleFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.expected_findings {
            write!(f, "{} ({}): invalid example produced no finding:\n    {}", self.rule, self.origin, self.example)
        } else {
            write!(
                f,
                "{} ({}): valid example produced findings {:?}:\n    {}",
                self.rule, self.origin, self.got, self.example
            )
        }
    }
}

fn run_example(set: &RuleSet, rule: &Rule, text: &str) -> Result<Vec<String>, String> {
    let doc =
        parse_bytes("example.txt", text.as_bytes().to_vec(), &InputOptions::default()).map_err(|e| e.to_string())?;
    Ok(set.check_one(rule, &doc).into_iter().map(|f| format!("{}: {}", doc.slice(f.span), f.message)).collect())
}

/// Diff an (old, new) pair and keep the findings of `rule` (revision rules' examples).
fn run_pair(set: &RuleSet, rule: &Rule, pair: &super::spec::ExamplePair) -> Result<Vec<String>, String> {
    let opts = InputOptions::default();
    let old = parse_bytes("old.txt", pair.old.as_bytes().to_vec(), &opts).map_err(|e| e.to_string())?;
    let new = parse_bytes("new.txt", pair.new.as_bytes().to_vec(), &opts).map_err(|e| e.to_string())?;
    let d = crate::diff::revisions(set, &old, &new, &crate::diff::DiffOptions::default());
    Ok(d.findings.iter().filter(|f| f.finding.rule == rule.id).map(|f| f.finding.message.clone()).collect())
}

/// Run every example of every rule in `set`; returns (examples run, failures).
pub fn run_examples(set: &RuleSet) -> (usize, Vec<ExampleFailure>) {
    let mut ran = 0;
    let mut failures = Vec::new();
    for rule in &set.rules {
        for (expected_findings, list) in [(true, &rule.examples.invalid), (false, &rule.examples.valid)] {
            for example in list {
                ran += 1;
                let got =
                    run_example(set, rule, example).unwrap_or_else(|e| vec![format!("example is not readable: {e}")]);
                if got.is_empty() == expected_findings {
                    failures.push(ExampleFailure {
                        rule: rule.id.to_string(),
                        origin: rule.origin.clone(),
                        expected_findings,
                        example: example.clone(),
                        got,
                    });
                }
            }
        }
        for (expected_findings, list) in [(true, &rule.examples.invalid_pairs), (false, &rule.examples.valid_pairs)] {
            for pair in list {
                ran += 1;
                let got = run_pair(set, rule, pair).unwrap_or_else(|e| vec![format!("example is not readable: {e}")]);
                if got.is_empty() == expected_findings {
                    failures.push(ExampleFailure {
                        rule: rule.id.to_string(),
                        origin: rule.origin.clone(),
                        expected_findings,
                        example: format!("OLD: {}\n    NEW: {}", pair.old, pair.new),
                        got,
                    });
                }
            }
        }
    }
    (ran, failures)
}

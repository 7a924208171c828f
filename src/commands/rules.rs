//! `factlint rules list | explain | test` and `factlint schema`.

use std::fmt::Write as _;

use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, error, load_rules, write_stdout};
use crate::cli::{ListFormat, RuleArgs, RulesCommand};
use crate::rules::checks::counter_position::readable_template;
use crate::rules::{RuleSource, examples, load};

pub fn run(cmd: RulesCommand) -> u8 {
    match cmd {
        RulesCommand::List { rule_args, format } => list(&rule_args, format),
        RulesCommand::Explain { id, rule_args } => explain(&id, &rule_args),
        RulesCommand::Test { dir } => test(dir),
    }
}

fn list(args: &RuleArgs, format: ListFormat) -> u8 {
    let set = match load_rules(args) {
        Ok(s) => s,
        Err(c) => return c,
    };
    let out = match format {
        ListFormat::Json => {
            let v: Vec<_> = set
                .rules
                .iter()
                .map(|r| serde_json::json!({"id": &*r.id, "category": r.category(), "severity": r.severity, "check": r.kind, "enabled": r.enabled, "message": r.message, "origin": r.origin}))
                .collect();
            serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
        }
        ListFormat::Human => {
            let mut s = String::new();
            for r in &set.rules {
                let opt_in = if r.enabled { "" } else { " (opt-in: --select it)" };
                let _ = writeln!(s, "{:<44} {:<8} {:<22} {}{opt_in}", r.id, r.severity, r.kind, r.message);
            }
            s
        }
    };
    write_stdout(out.as_bytes())
}

fn explain(id: &str, args: &RuleArgs) -> u8 {
    let set = match load_rules(args) {
        Ok(s) => s,
        Err(c) => return c,
    };
    let Some(r) = set.get(id) else {
        error(format!("no rule `{id}` (see `factlint rules list`)"));
        return EXIT_ERROR;
    };
    let mut s = String::new();
    let _ = writeln!(s, "{}  ({}, check kind `{}`, from {})\n", r.id, r.severity, r.kind, r.origin);
    let _ = writeln!(s, "{}\n", readable_template(&r.message));
    if let Some(d) = &r.description {
        let _ = writeln!(s, "{d}\n");
    }
    if let Some(h) = &r.help {
        let _ = writeln!(s, "How to fix: {}\n", readable_template(h));
    }
    if !r.examples.invalid.is_empty() {
        let _ = writeln!(s, "Reported:");
        for e in &r.examples.invalid {
            let _ = writeln!(s, "  - {e}");
        }
    }
    if !r.examples.valid.is_empty() {
        let _ = writeln!(s, "Not reported:");
        for e in &r.examples.valid {
            let _ = writeln!(s, "  - {e}");
        }
    }
    // Revision rules' examples are (old, new) pairs.
    for (title, pairs) in [("Reported", &r.examples.invalid_pairs), ("Not reported", &r.examples.valid_pairs)] {
        if !pairs.is_empty() {
            let _ = writeln!(s, "{title} (old -> new):");
            for p in pairs {
                let _ = writeln!(s, "  - {:?}\n    -> {:?}", p.old, p.new);
            }
        }
    }
    write_stdout(s.as_bytes())
}

fn test(dir: Option<std::path::PathBuf>) -> u8 {
    let source = dir.map_or(RuleSource::Embedded, RuleSource::Dir);
    let set = match load::load(&[source]) {
        Ok(s) => s,
        Err(e) => {
            error(e);
            return EXIT_ERROR;
        }
    };
    let (ran, failures) = examples::run_examples(&set);
    let mut s = String::new();
    for f in &failures {
        let _ = writeln!(s, "FAIL {f}");
    }
    let _ = writeln!(s, "{} passed, {} failed ({} rules)", ran - failures.len(), failures.len(), set.rules.len());
    let code = write_stdout(s.as_bytes());
    if code != EXIT_CLEAN {
        code
    } else if failures.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_FINDINGS
    }
}

/// The JSON schema of a rule file, as committed in rules/rule.schema.json.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(crate::rules::spec::RuleFileSchema);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

pub fn schema() -> u8 {
    write_stdout(schema_json().as_bytes())
}

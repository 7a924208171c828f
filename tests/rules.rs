//! Every shipped rule's own examples, the committed schema, and rule-set invariants.

use factlint::RuleSet;
use factlint::rules::examples::run_examples;

#[test]
fn every_shipped_rule_passes_its_examples() {
    let set = RuleSet::embedded().expect("embedded rules load");
    let (ran, failures) = run_examples(&set);
    let report: Vec<String> = failures.iter().map(ToString::to_string).collect();
    assert!(failures.is_empty(), "{} of {ran} examples failed:\n{}", failures.len(), report.join("\n"));
}

#[test]
fn every_shipped_rule_has_examples_help_and_a_description() {
    let set = RuleSet::embedded().unwrap();
    for r in &set.rules {
        if r.category() == "revision" {
            continue; // revision rules need two versions: tested through `factlint diff`
        }
        assert!(!r.examples.invalid.is_empty() && !r.examples.valid.is_empty(), "{} lacks examples", r.id);
        assert!(r.help.is_some(), "{} lacks help", r.id);
        assert!(r.description.is_some(), "{} lacks a description", r.id);
    }
}

#[test]
fn committed_schema_is_current() {
    let committed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/rule.schema.json")).unwrap();
    let fresh = factlint::commands::rules::schema_json();
    assert!(committed == fresh, "rules/rule.schema.json is stale: run `cargo run -- schema > rules/rule.schema.json`");
}

//! Revision pairs of the seed article: each edit must produce its finding, and a typo fix
//! none at warning or error.

use factlint::diff::{DiffOptions, diff, revisions};
use factlint::input::{InputOptions, read_path};
use factlint::{RuleSet, Severity};

const SEED: &str = "fixtures/seed-putin-2022-02-03.txt";

fn rules_of(old: &str, new: &str) -> Vec<(String, &'static str, Severity, String)> {
    let rules = RuleSet::embedded().unwrap();
    let o = read_path(old, &InputOptions::default()).unwrap();
    let n = read_path(new, &InputOptions::default()).unwrap();
    let d = diff(&rules, &o, &n, &DiffOptions::default());
    d.findings
        .iter()
        .map(|f| (f.finding.rule.to_string(), f.change.side.as_str(), f.finding.severity, f.finding.message.clone()))
        .collect()
}

fn has(got: &[(String, &str, Severity, String)], rule: &str) -> bool {
    got.iter().any(|g| g.0 == rule)
}

#[test]
fn quote_reworded_is_an_altered_quote() {
    let got = rules_of(SEED, "fixtures/revisions/quote-reworded.txt");
    assert!(has(&got, "revision/quote-altered"), "{got:?}");
    assert!(has(&got, "revision/needs-correction-note"), "{got:?}");
    let q = got.iter().find(|g| g.0 == "revision/quote-altered").unwrap();
    assert_eq!((q.1, q.2), ("new", Severity::Error));
    assert!(q.3.contains("dialogue") && q.3.contains("talks"), "{}", q.3);
}

#[test]
fn putin_to_lavrov_is_a_speaker_change() {
    let got = rules_of(SEED, "fixtures/revisions/speaker-lavrov.txt");
    assert!(has(&got, "revision/speaker-changed"), "{got:?}");
    let s = got.iter().find(|g| g.0 == "revision/speaker-changed").unwrap();
    assert!(s.3.contains("Putin") && s.3.contains("Lavrov"), "{}", s.3);
    assert!(!has(&got, "revision/quote-altered"), "the quote itself is unchanged: {got:?}");
}

#[test]
fn troop_count_is_a_number_change() {
    let got = rules_of(SEED, "fixtures/revisions/troops-130000.txt");
    let n = got.iter().find(|g| g.0 == "revision/number-changed").expect("number-changed");
    assert_eq!(n.3, "Number changed: `100,000 troops` -> `130,000 troops`");
    assert!(has(&got, "revision/needs-correction-note"));
    assert!(!has(&got, "revision/date-changed"), "{got:?}");
}

#[test]
fn weekday_swap_is_a_date_change() {
    let got = rules_of(SEED, "fixtures/revisions/wednesday.txt");
    let d = got.iter().find(|g| g.0 == "revision/date-changed").expect("date-changed");
    assert!(d.3.contains("Tuesday") && d.3.contains("Wednesday"), "{}", d.3);
    assert!(!has(&got, "revision/number-changed"), "{got:?}");
}

#[test]
fn removed_us_paragraph_is_a_removed_response() {
    let got = rules_of(SEED, "fixtures/revisions/us-response-removed.txt");
    let r = got.iter().find(|g| g.0 == "revision/response-removed").expect("response-removed");
    assert_eq!(r.1, "old");
    assert!(r.3.contains("The US says no binding assurances"), "{}", r.3);
}

#[test]
fn correction_note_satisfies_the_note_rule() {
    let got = rules_of(SEED, "fixtures/revisions/correction-note.txt");
    assert!(has(&got, "revision/number-changed"), "{got:?}");
    assert!(!has(&got, "revision/needs-correction-note"), "{got:?}");
    assert!(!has(&got, "revision/unattributed-claim-added"), "a note is not a claim: {got:?}");
}

#[test]
fn typo_fix_is_only_a_minor_edit() {
    let rules = RuleSet::embedded().unwrap();
    let o = read_path("fixtures/revisions/typo-old.txt", &InputOptions::default()).unwrap();
    let n = read_path(SEED, &InputOptions::default()).unwrap();
    let d = revisions(&rules, &o, &n, &DiffOptions::default());
    assert!(d.findings.is_empty(), "{:?}", d.findings.iter().map(|f| &f.finding.message).collect::<Vec<_>>());
    assert_eq!(d.minor.len(), 2);
    // A finding in the sentence whose typo was fixed is the same finding, not resolved + introduced.
    let full = diff(&rules, &o, &n, &DiffOptions::default());
    assert!(
        full.introduced.is_empty() && full.resolved.is_empty(),
        "{} / {}",
        full.introduced.len(),
        full.resolved.len()
    );
}

#[test]
fn identical_versions_have_no_findings() {
    let got = rules_of(SEED, SEED);
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn revision_rule_examples_pass() {
    let rules = RuleSet::embedded().unwrap();
    let (ran, failures) = factlint::rules::examples::run_examples(&rules);
    assert!(ran >= 22, "ran {ran}");
    assert!(failures.is_empty(), "{}", failures.iter().map(|f| f.to_string()).collect::<Vec<_>>().join("\n"));
}

#[test]
fn check_ignores_revision_rules() {
    let rules = RuleSet::embedded().unwrap();
    let n = read_path(SEED, &InputOptions::default()).unwrap();
    assert!(rules.check(&n).iter().all(|f| f.category() != "revision"));
}

mod cli {
    use assert_cmd::Command;

    fn factlint() -> Command {
        Command::cargo_bin("factlint").unwrap()
    }

    #[test]
    fn exit_codes_follow_check() {
        factlint().args(["diff", super::SEED]).assert().code(2);
        factlint().args(["diff", super::SEED, "fixtures/revisions/missing.txt"]).assert().code(2);
        let troops = "fixtures/revisions/troops-130000.txt";
        factlint().args(["diff", "--format", "concise", super::SEED, troops]).assert().code(0);
        factlint().args(["diff", "--fail-on", "warning", super::SEED, troops]).assert().code(1);
        factlint().args(["diff", "--fail-on", "warning", "--exit-zero", super::SEED, troops]).assert().code(0);
    }

    #[test]
    fn json_has_sides_and_introduced_resolved() {
        let out = factlint()
            .args(["diff", "--format", "json", super::SEED, "fixtures/revisions/us-response-removed.txt"])
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let file = &v["files"][0];
        assert!(file["introduced"].is_array() && file["resolved"].is_array());
        let f = file["findings"].as_array().unwrap();
        let r = f.iter().find(|x| x["rule"] == "revision/response-removed").unwrap();
        assert_eq!(r["side"], "old");
        assert_eq!(r["category"], "revision");
    }

    #[test]
    fn history_compares_consecutive_pairs() {
        let out = factlint()
            .args([
                "diff",
                "--format",
                "json",
                super::SEED,
                "fixtures/revisions/troops-130000.txt",
                "fixtures/revisions/correction-note.txt",
            ])
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["files"].as_array().unwrap().len(), 2);
        assert_eq!(v["summary"]["files"], 2);
    }

    #[test]
    fn sarif_points_at_the_new_file() {
        let out = factlint()
            .args(["diff", "--format", "sarif", super::SEED, "fixtures/revisions/us-response-removed.txt"])
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let results = v["runs"][0]["results"].as_array().unwrap();
        assert!(!results.is_empty());
        for r in results {
            let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str().unwrap();
            assert_eq!(uri, "fixtures/revisions/us-response-removed.txt");
        }
    }
}

#[test]
fn a_weekday_next_to_the_speaker_is_a_date_change_not_a_new_speaker() {
    let dir = tempfile::tempdir().unwrap();
    let head = "date 2016-08-19 Clinton to step down\n\nWire\n\n";
    let old_text = format!(
        "{head}Friday, Jane Doe announced she will step down from the foundation.\n\n\
         “We will keep the promise,” Doe said Monday. “Nothing has changed.”\n\n\
         “I will release mine next week,” Doe told reporters before Sunday’s debate.\n"
    );
    let new_text = old_text
        .replace("Friday, Jane", "Monday, Jane")
        .replace("said Monday", "said Thursday")
        .replace("Sunday’s", "Tuesday’s");
    let (old, new) = (dir.path().join("old.txt"), dir.path().join("new.txt"));
    std::fs::write(&old, old_text).unwrap();
    std::fs::write(&new, new_text).unwrap();
    let got = rules_of(old.to_str().unwrap(), new.to_str().unwrap());
    assert_eq!(got.iter().filter(|g| g.0 == "revision/date-changed").count(), 3, "{got:?}");
    assert!(!has(&got, "revision/speaker-changed"), "{got:?}");
}

/// Findings of `diff` between two in-memory seed-style texts.
fn rules_of_texts(old: &str, new: &str) -> Vec<(String, &'static str, Severity, String)> {
    use factlint::input::parse_bytes;
    let rules = RuleSet::embedded().unwrap();
    let o = parse_bytes("old.txt", old.as_bytes().to_vec(), &InputOptions::default()).unwrap();
    let n = parse_bytes("new.txt", new.as_bytes().to_vec(), &InputOptions::default()).unwrap();
    let d = diff(&rules, &o, &n, &DiffOptions::default());
    d.findings
        .iter()
        .map(|f| (f.finding.rule.to_string(), f.change.side.as_str(), f.finding.severity, f.finding.message.clone()))
        .collect()
}

#[test]
fn a_removed_answer_to_a_charge_check_does_not_flag_is_no_removed_response() {
    let head = "date 2016-06-01 Race tightens\n\nWire\n\n";
    let denial = "Obama denied that his remarks about small-town voters were elitist.\n\n";
    let tail = "The race moved on to Ohio.\n\nBoth campaigns spent heavily there.\n";
    // Background ("In 2008, ..."): `check` does not flag the charge, so losing its answer is no
    // removed response, by the dispute or by the deleted denial's phrase.
    let charge =
        "In 2008, Hillary Clinton slammed Barack Obama as elitist for his remarks about small-town voters.\n\n";
    let got = rules_of_texts(&format!("{head}{charge}{denial}{tail}"), &format!("{head}{charge}{tail}"));
    assert!(!has(&got, "revision/response-removed"), "{got:?}");
    // The same charge made now is live: the removed denial is reported.
    let live = "Hillary Clinton slammed Barack Obama as elitist for his remarks about small-town voters.\n\n";
    let got = rules_of_texts(&format!("{head}{live}{denial}{tail}"), &format!("{head}{live}{tail}"));
    let r = got.iter().find(|g| g.0 == "revision/response-removed").expect("response-removed");
    assert!(r.3.contains("Obama denied"), "{}", r.3);
}

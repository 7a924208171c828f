//! The binary as users and CI run it: every exit code, every format, every bad input.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

const SEED: &str = "fixtures/seed-putin-2022-02-03.txt";

fn factlint() -> Command {
    let mut c = Command::cargo_bin("factlint").unwrap();
    c.env("NO_COLOR", "1");
    c
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, bytes).unwrap();
    p
}

const HEDGED: &str = "date 2022-02-03 Test\n\nWire\n\nThe minister reportedly resigned on Monday.\n";

#[test]
fn seed_check_prints_a_human_report_and_exits_zero() {
    factlint().args(["check", SEED]).assert().code(0).stdout(predicate::str::contains("in 1 file"));
}

#[test]
fn json_output_has_the_documented_shape() {
    let out = factlint().args(["check", "--format", "json", SEED]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["files"][0]["path"], SEED);
    assert_eq!(v["files"][0]["dateline"], "2022-02-03");
    assert!(v["files"][0]["findings"].is_array());
    for key in ["files", "error", "warning", "info"] {
        assert!(v["summary"][key].is_u64(), "summary.{key}");
    }
}

#[test]
fn findings_below_fail_on_exit_zero_and_at_or_above_exit_one() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.txt", HEDGED.as_bytes());
    factlint().args(["check", "--select", "attribution/hearsay"]).arg(&f).assert().code(0);
    factlint().args(["check", "--select", "attribution/hearsay", "--fail-on", "info"]).arg(&f).assert().code(1);
    factlint()
        .args(["check", "--select", "attribution/hearsay", "--fail-on", "info", "--exit-zero"])
        .arg(&f)
        .assert()
        .code(0);
}

#[test]
fn every_format_renders_the_finding() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.txt", HEDGED.as_bytes());
    let cases = [
        ("human", "info[attribution/hearsay]"),
        ("concise", "a.txt:5:14: info[attribution/hearsay]"),
        ("json", "\"rule\": \"attribution/hearsay\""),
        ("jsonl", "\"rule\":\"attribution/hearsay\""),
        ("sarif", "\"ruleId\":\"attribution/hearsay\""),
        ("github", "::notice file="),
    ];
    for (format, expected) in cases {
        factlint()
            .args(["check", "--select", "attribution/hearsay", "--format", format])
            .arg(&f)
            .assert()
            .code(0)
            .stdout(predicate::str::contains(expected));
    }
}

#[test]
fn human_report_shows_source_line_and_caret() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.txt", HEDGED.as_bytes());
    factlint().args(["check", "--select", "attribution/hearsay"]).arg(&f).assert().stdout(
        predicate::str::contains("The minister reportedly resigned").and(predicate::str::contains("^^^^^^^^^^")),
    );
}

#[test]
fn color_always_emits_ansi_and_no_color_env_is_honoured() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.txt", HEDGED.as_bytes());
    factlint().args(["check", "--color", "always"]).arg(&f).assert().stdout(predicate::str::contains("\u{1b}["));
    factlint().args(["check", "--color", "auto"]).arg(&f).assert().stdout(predicate::str::contains("\u{1b}[").not());
}

#[test]
fn statistics_counts_per_rule() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.txt", HEDGED.as_bytes());
    factlint()
        .args(["check", "--statistics", "--format", "concise", "--select", "attribution/hearsay"])
        .arg(&f)
        .assert()
        .stdout(predicate::str::contains("1  info     attribution/hearsay"));
}

#[test]
fn sarif_parses_as_sarif_2_1_0() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.txt", HEDGED.as_bytes());
    let out = factlint().args(["check", "--format", "sarif"]).arg(&f).output().unwrap();
    let sarif: serde_sarif::sarif::Sarif = serde_json::from_slice(&out.stdout).expect("valid SARIF");
    let run = &sarif.runs[0];
    let results = run.results.as_ref().unwrap();
    assert!(!results.is_empty());
    let fp = results[0].partial_fingerprints.as_ref().unwrap();
    assert!(fp.values().all(|v| !v.is_empty()));
    assert!(run.tool.driver.rules.as_ref().unwrap().iter().any(|r| r.id == "attribution/hearsay"));
}

#[test]
fn sarif_fingerprint_ignores_line_moves() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", HEDGED.as_bytes());
    let moved = HEDGED.replace("Wire\n\n", "Wire\n\nAn unrelated first paragraph.\n\n");
    let b = write(dir.path(), "b.txt", moved.as_bytes());
    let fp = |p: &Path| {
        let out =
            factlint().args(["check", "--format", "sarif", "--select", "attribution/hearsay"]).arg(p).output().unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        (
            v["runs"][0]["results"][0]["partialFingerprints"].clone(),
            v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"].clone(),
        )
    };
    let (fa, la) = fp(&a);
    let (fb, lb) = fp(&b);
    assert_ne!(la, lb);
    assert_eq!(fa, fb);
}

#[test]
fn github_format_warns_when_annotations_would_be_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let body: String = (0..15).map(|i| format!("Minister {i} reportedly resigned.\n\n")).collect();
    let f = write(dir.path(), "a.txt", body.as_bytes());
    factlint()
        .args(["check", "--format", "github", "--select", "attribution/hearsay"])
        .arg(&f)
        .assert()
        .stdout(predicate::str::contains("5 more findings than GitHub shows"));
}

#[test]
fn empty_file_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.txt", b"");
    factlint().arg("check").arg(&f).assert().code(2).stderr(predicate::str::contains("empty file"));
}

#[test]
fn binary_file_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.txt", b"PK\x03\x04\x00\x00binary");
    factlint().arg("check").arg(&f).assert().code(2).stderr(predicate::str::contains("binary file"));
}

#[test]
fn invalid_utf8_is_an_input_error_with_offset() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.txt", b"Caf\xe9 au lait.");
    factlint()
        .arg("check")
        .arg(&f)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not UTF-8").and(predicate::str::contains("offset 3")));
}

#[test]
fn fifty_megabytes_without_newline_is_refused_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "big.txt", &vec![b'a'; 50 * 1024 * 1024]);
    factlint()
        .arg("check")
        .arg(&f)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("over the").and(predicate::str::contains("panicked").not()));
}

#[test]
fn a_raised_size_limit_reads_a_huge_single_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut body = b"date 2022-02-03 Big\n\nWire\n\n".to_vec();
    body.extend(std::iter::repeat_n(b"word ".as_slice(), 4 * 1024 * 1024 / 5).flatten());
    let f = write(dir.path(), "big.txt", &body);
    factlint().args(["check", "--max-file-size", "100000000"]).arg(&f).assert().code(0);
}

#[test]
fn unbalanced_quotes_are_reported_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.txt", "He said “we never leave.\n\nThe end.\n".as_bytes());
    factlint()
        .args(["check", "--format", "concise"])
        .arg(&f)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("a.txt:1:9: warning[style/unbalanced-quote]"));
}

#[test]
fn missing_dateline_is_fine_and_date_flag_supplies_one() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.txt", b"The minister resigned on Tuesday.\n");
    factlint()
        .args(["check", "--format", "json"])
        .arg(&f)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\"dateline\": null"));
    factlint()
        .args(["check", "--format", "json", "--date", "2022-02-03"])
        .arg(&f)
        .assert()
        .stdout(predicate::str::contains("\"dateline\": \"2022-02-03\""));
    factlint()
        .args(["check", "--date", "2022-02-30"])
        .arg(&f)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a real calendar date"));
}

#[test]
fn unreadable_path_is_an_input_error() {
    factlint()
        .args(["check", "no/such/file.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/file.txt: cannot read: no such file"));
}

#[test]
fn directory_without_articles_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "image.png", b"\x89PNG");
    factlint().arg("check").arg(dir.path()).assert().code(2).stderr(predicate::str::contains("no articles found"));
}

#[test]
fn directories_are_walked_honouring_factlintignore() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", HEDGED.as_bytes());
    write(dir.path(), "skip.txt", HEDGED.as_bytes());
    write(dir.path(), ".factlintignore", b"skip.txt\n");
    let out = factlint().args(["check", "--format", "concise"]).arg(dir.path()).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("a.txt:"), "{stdout}");
    assert!(!stdout.contains("skip.txt"), "{stdout}");
}

#[test]
fn stdin_is_read_with_dash() {
    factlint()
        .args(["check", "--format", "concise", "--fail-on", "info", "-"])
        .write_stdin(HEDGED)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("-:5:14: info[attribution/hearsay]"));
}

#[test]
fn one_bad_file_among_good_ones_still_reports_the_good_and_exits_two() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", HEDGED.as_bytes());
    let bad = write(dir.path(), "bad.txt", b"");
    factlint()
        .args(["check", "--format", "concise"])
        .arg(&good)
        .arg(&bad)
        .assert()
        .code(2)
        .stdout(predicate::str::contains("good.txt:5:14"))
        .stderr(predicate::str::contains("bad.txt: empty file"));
}

#[test]
fn usage_errors_exit_two() {
    factlint().args(["check"]).assert().code(2);
    factlint().args(["check", "--format", "xml", SEED]).assert().code(2);
    factlint().args(["frobnicate"]).assert().code(2);
    factlint()
        .args(["check", "--select", "nope/rule", SEED])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no rule or category"));
}

#[test]
fn help_and_version_exit_zero() {
    factlint().arg("--help").assert().code(0).stdout(predicate::str::contains("check"));
    factlint().arg("--version").assert().code(0);
}

fn rule_dir(body: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("style")).unwrap();
    write(&dir.path().join("style"), "mine.json", body.as_bytes());
    dir
}

const USER_RULE: &str = r#"{
  "id": "style/no-very",
  "severity": "warning",
  "message": "Avoid `{match}`",
  "check": "existence",
  "params": { "phrases": ["very"] },
  "examples": { "invalid": ["It was very big."], "valid": ["It was big."] }
}"#;

#[test]
fn misspelt_field_in_rule_file_exits_two_with_position() {
    let dir = rule_dir(&USER_RULE.replace("\"severity\"", "\"severty\""));
    factlint()
        .args(["check", "--rules"])
        .arg(dir.path())
        .arg(SEED)
        .assert()
        .code(2)
        .stderr(predicate::str::is_match(r"mine\.json:3:3: unknown field `severty`").unwrap());
}

#[test]
fn bad_regex_in_rule_file_exits_two_with_position() {
    let dir = rule_dir(&USER_RULE.replace(r#""phrases": ["very"]"#, r#""patterns": ["very("]"#));
    factlint()
        .args(["check", "--rules"])
        .arg(dir.path())
        .arg(SEED)
        .assert()
        .code(2)
        .stderr(predicate::str::is_match(r"mine\.json:6:\d+: bad regex").unwrap());
}

#[test]
fn rules_replace_and_extend() {
    let dir = rule_dir(USER_RULE);
    factlint()
        .args(["rules", "list", "--rules"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("style/no-very").and(predicate::str::contains("attribution/hearsay").not()));
    factlint()
        .args(["rules", "list", "--extend-rules"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("style/no-very").and(predicate::str::contains("attribution/hearsay")));
}

#[test]
fn rules_test_runs_user_examples_and_fails_on_a_wrong_one() {
    let dir = rule_dir(USER_RULE);
    factlint()
        .args(["rules", "test"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("2 passed, 0 failed"));
    let dir = rule_dir(&USER_RULE.replace("It was big.", "It was very, very big."));
    factlint().args(["rules", "test"]).arg(dir.path()).assert().code(1).stdout(predicate::str::contains("1 failed"));
}

#[test]
fn rules_explain_prints_docs_and_unknown_id_exits_two() {
    factlint()
        .args(["rules", "explain", "attribution/hearsay"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("How to fix"));
    factlint().args(["rules", "explain", "style/nope"]).assert().code(2);
}

#[test]
fn check_never_writes_to_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.txt", HEDGED.as_bytes());
    let before = fs::metadata(&f).unwrap().modified().unwrap();
    factlint().args(["check", "--format", "json"]).arg(&f).assert().code(0);
    assert_eq!(fs::read(&f).unwrap(), HEDGED.as_bytes());
    assert_eq!(fs::metadata(&f).unwrap().modified().unwrap(), before);
}

#[test]
fn output_is_the_same_for_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..12 {
        let body = HEDGED.replace("minister", &format!("minister {i}"));
        write(dir.path(), &format!("a{i:02}.txt"), body.as_bytes());
    }
    let run = |threads: &str| {
        factlint()
            .env("RAYON_NUM_THREADS", threads)
            .args(["check", "--format", "json"])
            .arg(dir.path())
            .output()
            .unwrap()
            .stdout
    };
    let one = run("1");
    assert!(String::from_utf8_lossy(&one).contains("a11.txt"));
    assert_eq!(one, run("2"));
    assert_eq!(one, run("4"));
}

#[test]
fn project_config_sets_severity_and_fail_on_and_flags_win() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", HEDGED.as_bytes());
    write(dir.path(), ".factlint.json", br#"{"severity": {"attribution/hearsay": "error"}}"#);
    factlint()
        .current_dir(dir.path())
        .args(["check", "--format", "concise", "a.txt"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[attribution/hearsay]"));
    factlint().current_dir(dir.path()).args(["check", "--no-config", "a.txt"]).assert().code(0);
    write(dir.path(), ".factlint.json", br#"{"ignore": ["attribution"], "fail_on": "info"}"#);
    factlint()
        .current_dir(dir.path())
        .args(["check", "--format", "concise", "a.txt"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("hearsay").not());
    write(dir.path(), ".factlint.json", b"{\n \"fail-on\": \"info\"\n}");
    factlint()
        .current_dir(dir.path())
        .args(["check", "a.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(".factlint.json:2:"));
}

#[test]
fn opt_in_rules_run_only_when_selected() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.txt", b"Prices rose 3 per cent.\n");
    factlint()
        .args(["check", "--format", "concise"])
        .arg(&f)
        .assert()
        .stdout(predicate::str::contains("ap-style").not());
    factlint()
        .args(["check", "--format", "concise", "--select", "style/ap-style"])
        .arg(&f)
        .assert()
        .stdout(predicate::str::contains("a.txt:1:15: info[style/ap-style] AP style prefers `percent` to `per cent`"));
    factlint().args(["rules", "list"]).assert().stdout(predicate::str::contains("(opt-in"));
}

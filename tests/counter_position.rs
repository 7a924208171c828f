//! Counter-position fixtures: each `fixtures/counter-position/NAME.txt` is checked with the
//! counter-position rules and must give exactly the findings listed in `NAME.expected`
//! (`LINE RULE` per line, `#` comments allowed).

use std::fs;
use std::path::Path;

use factlint::RuleSet;
use factlint::input::{InputOptions, read_path};

fn findings(set: &RuleSet, path: &Path) -> Vec<String> {
    let doc = read_path(&path.to_string_lossy(), &InputOptions::default()).expect("fixture reads");
    let mut out: Vec<String> = set
        .check(&doc)
        .into_iter()
        .map(|f| format!("{} {}", doc.lines.line_col(&doc.source, doc.map.to_source(f.span.start)).line, f.rule))
        .collect();
    out.sort();
    out
}

#[test]
fn counter_position_fixtures_give_their_expected_findings() {
    let mut set = RuleSet::embedded().expect("embedded rules load");
    set.filter(&["counter-position".to_string()], &[]).expect("category exists");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/counter-position");
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut entries: Vec<_> = fs::read_dir(&dir).expect("fixture dir").flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries.iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
        let expected_path = path.with_extension("expected");
        let expected =
            fs::read_to_string(&expected_path).unwrap_or_else(|_| panic!("{} missing", expected_path.display()));
        let mut want: Vec<String> = expected
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        want.sort();
        let got = findings(&set, path);
        if got != want {
            failures.push(format!("{}:\n  want {want:?}\n  got  {got:?}", path.display()));
        }
        checked += 1;
    }
    assert!(checked >= 3, "no fixtures found in {}", dir.display());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

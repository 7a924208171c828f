//! Every fixture article linted with the embedded rules; the whole rendered report is
//! the snapshot. A reviewer reads the snapshot diff, not this code.

use factlint::RuleSet;
use factlint::input::{InputOptions, read_path};
use factlint::render::{Format, RenderOptions, render};
use factlint::report::FileReport;

fn report(path: &std::path::Path, format: Format) -> String {
    let rules = RuleSet::embedded().unwrap();
    let rel = path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap().to_string_lossy().replace('\\', "/");
    let doc = read_path(&path.to_string_lossy(), &InputOptions::default()).unwrap();
    let mut doc = doc;
    doc.path = rel;
    let rep = FileReport::new(&doc, rules.check(&doc));
    let mut out = Vec::new();
    render(format, &[rep], &RenderOptions { color: false, rules: &rules, statistics: false }, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn fixture_reports() {
    insta::glob!("../fixtures", "**/*.*", |path| {
        let name = path.to_string_lossy();
        let article = name.ends_with(".txt") || name.ends_with(".md") || name.ends_with(".ninjs.json");
        if !article || path.components().any(|c| c.as_os_str() == "revisions") {
            return; // expected-output files; revision pairs are snapshotted through `diff`
        }
        insta::assert_snapshot!(report(path, Format::Human));
    });
}

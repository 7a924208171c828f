//! Dates end to end: the seed article resolves as the issue says, and each fixture under
//! fixtures/dates/ gives the findings its name promises.

use factlint::RuleSet;
use factlint::input::{InputOptions, parse_bytes};

fn doc(path: &str) -> factlint::Document {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse_bytes(path, bytes, &InputOptions::default()).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn dates_rules() -> RuleSet {
    let mut set = RuleSet::embedded().expect("embedded rules load");
    set.filter(&["dates".to_string()], &[]).expect("select dates");
    set
}

#[test]
fn seed_article_resolves_against_its_dateline() {
    let set = dates_rules();
    let d = doc("fixtures/seed-putin-2022-02-03.txt");
    let got: Vec<(String, String, Option<&str>)> =
        d.temporal(&set.context).iter().map(|e| (d.slice(e.span).to_string(), e.value.clone(), e.modifier)).collect();
    let want = |t: &str, v: &str| got.iter().filter(|g| g.0 == t && g.1 == v).count();
    assert_eq!(want("Tuesday", "2022-02-01"), 2, "{got:?}");
    assert_eq!(want("December", "2021-12"), 1, "{got:?}");
    assert_eq!(want("last week", "2022-W04"), 1, "{got:?}");
    assert_eq!(want("2014", "2014"), 1, "{got:?}");
    assert!(got.iter().any(|g| g.0 == "the early 1990s" && g.1 == "199" && g.2 == Some("START")), "{got:?}");
    let findings = set.check(&d);
    assert!(findings.is_empty(), "{findings:?}");
}

#[test]
fn each_rule_fixture_reports_its_rule_and_the_clean_one_nothing() {
    let set = dates_rules();
    for (file, rule, count) in [
        ("weekday-mismatch", "dates/weekday-mismatch", 1),
        ("impossible-date", "dates/impossible-date", 2),
        ("after-dateline", "dates/after-dateline", 2),
        ("arithmetic", "dates/arithmetic", 4),
        ("no-dateline", "dates/no-dateline", 1),
    ] {
        let d = doc(&format!("fixtures/dates/{file}.txt"));
        let findings = set.check(&d);
        let ours = findings.iter().filter(|f| &*f.rule == rule).count();
        assert_eq!(ours, count, "{file}: {findings:#?}");
        assert_eq!(ours, findings.len(), "{file}: other rules fired: {findings:#?}");
    }
    let clean = set.check(&doc("fixtures/dates/clean.txt"));
    assert!(clean.is_empty(), "{clean:#?}");
}

#[test]
fn weekday_message_names_the_real_weekday() {
    let set = dates_rules();
    let d = doc("fixtures/dates/weekday-mismatch.txt");
    let f = set.check(&d);
    assert_eq!(f[0].message, "Tuesday, Feb. 2, 2022: Feb. 2, 2022 is a Wednesday");
    assert!(f[0].help.as_deref().unwrap_or("").contains("nearest Tuesday is Feb. 1, 2022"));
}

/// Constructions added for news in general (issue 5, dates5): one invented article, each
/// expression with the value TimeML gives it, and no finding from the date rules.
#[test]
fn anchored_ago_nth_weeks_anaphors_and_quarter_codes_resolve() {
    let set = dates_rules();
    let text = "date 2016-03-12 Campaign notes\n\n\
        Example Wire\n\n\
        She won the state eight years ago this month. Her rival arrived on March 3. That night, he spoke.\n\n\
        Later that week, he left. Turnout peaked in the first week of March and may dip in the last week of the year.\n\n\
        This past week, the senator said he was tired. He could win Ohio on Tuesday.\n\n\
        A June poll showed him ahead. Q4 2015 revenue rose, and fiscal year 2016 looks strong.\n";
    let d = parse_bytes("notes.txt", text.as_bytes().to_vec(), &InputOptions::default()).expect("parses");
    let got: Vec<(String, String)> =
        d.temporal(&set.context).iter().map(|e| (d.slice(e.span).to_string(), e.value.clone())).collect();
    for (t, v) in [
        ("eight years ago this month", "2008-03"),
        ("March 3", "2016-03-03"),
        ("That night", "2016-03-03TNI"),
        ("Later that week", "2016-W09"),
        ("the first week of March", "2016-W09"),
        ("the last week of the year", "2016-W52"),
        ("This past week", "2016-W10"),
        ("Tuesday", "2016-03-15"),
        ("June", "2015-06"),
        ("Q4 2015", "2015-Q4"),
        ("fiscal year 2016", "2016"),
    ] {
        assert!(got.iter().any(|g| g.0 == t && g.1 == v), "{t} = {v}: {got:?}");
    }
    let findings = set.check(&d);
    assert!(findings.is_empty(), "{findings:#?}");
}

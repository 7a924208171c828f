//! `date-consistency`: dates that contradict themselves, the calendar, the dateline or
//! each other. One kind with a `test` parameter, so each test is its own rule with its
//! own severity, message and examples.

use jiff::civil::{Date, Weekday};
use schemars::JsonSchema;
use serde::Deserialize;

use super::RunContext;
use crate::analysis::temporal::lex::Unit;
use crate::analysis::temporal::scan::YearSpec;
use crate::analysis::temporal::{Parsed, TemporalExpr, Tense};
use crate::document::Document;
use crate::finding::Finding;
use crate::text::Span;

/// Which consistency test a rule runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DateTest {
    /// A weekday written with a date it does not fall on ("Tuesday, Feb. 2, 2022").
    WeekdayMismatch,
    /// A date the calendar does not have (Feb. 30; Feb. 29 in a common year; month 13).
    ImpossibleDate,
    /// Reported in the past tense but dated after the dateline, or announced in the
    /// future tense but dated before it.
    AfterDateline,
    /// "N years ago", "N years after", anniversaries and ages that do not add up.
    Arithmetic,
    /// Relative dates ("Tuesday", "last week") in an article without a dateline.
    NoDateline,
}

/// `date-consistency` parameters.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DateConsistencyParams {
    /// The test to run.
    pub test: DateTest,
}

#[derive(Debug)]
pub struct DateConsistency {
    test: DateTest,
}

const MONTHS: [&str; 12] =
    ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

const FULL_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// "Feb. 2, 2022" in AP style.
fn ap_date(d: Date) -> String {
    format!("{} {}, {}", MONTHS[(d.month() - 1) as usize], d.day(), d.year())
}

fn article(w: &str) -> &'static str {
    if w.starts_with(['A', 'E', 'I', 'O', 'U']) { "an" } else { "a" }
}

impl DateConsistency {
    pub fn compile(p: DateConsistencyParams) -> Result<Self, super::CompileError> {
        Ok(Self { test: p.test })
    }

    pub fn run(&self, doc: &Document, cx: &RunContext<'_>, out: &mut Vec<Finding>) {
        let exprs = doc.temporal(cx.analysis);
        match self.test {
            DateTest::WeekdayMismatch => weekday_mismatch(doc, exprs, cx, out),
            DateTest::ImpossibleDate => impossible(doc, exprs, cx, out),
            DateTest::AfterDateline => after_dateline(doc, exprs, cx, out),
            DateTest::Arithmetic => arithmetic(doc, exprs, cx, out),
            DateTest::NoDateline => {
                if doc.meta.dateline.is_none()
                    && let Some(e) = exprs.iter().find(|e| e.relative)
                {
                    let n = exprs.iter().filter(|e| e.relative).count();
                    let msg = format!(
                        "`{}` and {} other relative date(s) cannot be resolved: the article has no dateline",
                        doc.slice(e.span),
                        n - 1
                    );
                    out.push(cx.rule.finding(e.span, msg));
                }
            }
        }
    }
}

fn weekday_mismatch(doc: &Document, exprs: &[TemporalExpr], cx: &RunContext<'_>, out: &mut Vec<Finding>) {
    for e in exprs {
        let (Parsed::Date { y, wd: Some(wd), .. }, Some(date)) = (&e.parsed, e.date) else { continue };
        let written = Weekday::from_monday_one_offset(*wd as i8).unwrap_or(Weekday::Monday);
        if date.weekday() == written {
            continue;
        }
        let actual = weekday_name(date.weekday());
        let assumed = if *y == YearSpec::Infer { " (year taken from the dateline)" } else { "" };
        let mut f = cx.rule.finding(
            e.span,
            format!("{}: {} is {} {}{assumed}", doc.slice(e.span), ap_date(date), article(actual), actual),
        );
        // The nearest date that is the written weekday, to suggest which half is wrong.
        let back = (date.weekday().to_monday_one_offset() - written.to_monday_one_offset()).rem_euclid(7) as i64;
        let near = if back <= 3 { -back } else { 7 - back };
        let other = date.checked_add(jiff::Span::new().days(near)).ok();
        f.help = Some(match other {
            Some(o) => format!(
                "Correct the weekday to {actual}, or the date: the nearest {} is {}.",
                weekday_name(written),
                ap_date(o)
            ),
            None => format!("Correct the weekday to {actual}, or the date."),
        });
        out.push(f);
    }
}

fn impossible(doc: &Document, exprs: &[TemporalExpr], cx: &RunContext<'_>, out: &mut Vec<Finding>) {
    for e in exprs {
        let Parsed::Date { y, m, d, .. } = &e.parsed else { continue };
        let (m, d) = (*m, *d);
        let year = match y {
            YearSpec::Abs(y) => Some(*y),
            _ => None,
        };
        let why = if !(1..=12).contains(&m) {
            Some(format!("there is no month {m}"))
        } else if d == 0 {
            Some("there is no day 0".to_string())
        } else {
            // Days in the month: exact with a written year, else the most the month can have.
            let max = match year.and_then(|y| Date::new(y as i16, m as i8, 1).ok()) {
                Some(first) => first.days_in_month() as u8,
                None => [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][(m - 1) as usize],
            };
            (d > max).then(|| match (m, year) {
                (2, Some(y)) if d == 29 => format!("{y} is not a leap year"),
                _ => format!("{} has {max} days", FULL_MONTHS[(m - 1) as usize]),
            })
        };
        if let Some(why) = why {
            out.push(cx.rule.finding(e.span, format!("{}: impossible date, {why}", doc.slice(e.span))));
        }
    }
}

/// Words of a simple-past report directly before a date ("said on Feb. 10").
const PAST_EVENT: &[&str] = &[
    "said",
    "told",
    "announced",
    "met",
    "died",
    "killed",
    "signed",
    "arrived",
    "left",
    "won",
    "lost",
    "resigned",
    "visited",
    "spoke",
    "wrote",
    "held",
    "launched",
    "began",
    "voted",
    "reported",
    "published",
    "released",
    "attacked",
    "invaded",
    "declared",
    "agreed",
    "rejected",
    "approved",
    "elected",
    "arrested",
    "charged",
];

fn word_before(text: &str, start: usize) -> (&str, usize) {
    let before = text[..start].trim_end();
    let s = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphanumeric() && c != '\'')
        .map_or(0, |(i, c)| i + c.len_utf8());
    (&before[s..], s)
}

fn after_dateline(doc: &Document, exprs: &[TemporalExpr], cx: &RunContext<'_>, out: &mut Vec<Finding>) {
    let Some(dl) = doc.meta.dateline else { return };
    for e in exprs {
        // Only a day the text writes out; weekdays are resolved by the tense itself.
        let Parsed::Date { .. } = e.parsed else { continue };
        let Some(date) = e.date else { continue };
        let (mut w, mut at) = word_before(&doc.text, e.span.start);
        if w.eq_ignore_ascii_case("on") {
            (w, at) = word_before(&doc.text, at);
        }
        let past_verb = PAST_EVENT.iter().any(|p| p.eq_ignore_ascii_case(w));
        let (prev, _) = word_before(&doc.text, at);
        // "will be signed on", "is expected ... said": only a plain past verb counts.
        let aux = ["will", "be", "to", "would", "is", "are", "has", "have", "had"]
            .iter()
            .any(|a| a.eq_ignore_ascii_case(prev));
        if past_verb && !aux && e.tense != Tense::Future && date > dl {
            let mut f = cx.rule.finding(
                e.span,
                format!(
                    "`{}` is in the past tense but {} is after the dateline ({})",
                    doc.text.get(at..e.span.end).unwrap_or(""),
                    ap_date(date),
                    ap_date(dl)
                ),
            );
            f.help = Some(format!(
                "Check the date (a typo, or last year's?) or the dateline; an event reported as past must be on or before {}.",
                ap_date(dl)
            ));
            out.push(f);
        }
        if (w.eq_ignore_ascii_case("will") || (prev.eq_ignore_ascii_case("will") && !past_verb)) && date < dl {
            let mut f = cx.rule.finding(
                e.span,
                format!(
                    "`{}` is announced in the future tense but {} is before the dateline ({})",
                    doc.slice(e.span),
                    ap_date(date),
                    ap_date(dl)
                ),
            );
            f.help = Some("Check the date or the tense: a future event must come after the dateline.".into());
            out.push(f);
        }
    }
}

/// The year (and month) an expression names exactly, if it is written out.
fn written_year(e: &TemporalExpr) -> Option<(i32, Option<u8>)> {
    match &e.parsed {
        Parsed::Year(YearSpec::Abs(y)) => Some((*y, None)),
        Parsed::Month { y: YearSpec::Abs(y), m, .. } => Some((*y, Some(*m))),
        Parsed::Date { y: YearSpec::Abs(y), m, .. } => Some((*y, Some(*m))),
        _ => None,
    }
}

/// Whole years between two points given to a year or a month; `None` month = unknown.
/// Returns (min, max) of the possible whole-year differences.
fn year_gap(a: (i32, Option<u8>), b: (i32, Option<u8>)) -> (i32, i32) {
    match (a.1, b.1) {
        (Some(ma), Some(mb)) => {
            let months = (a.0 * 12 + i32::from(ma)) - (b.0 * 12 + i32::from(mb));
            let y = months as f64 / 12.0;
            (y.floor() as i32, y.ceil() as i32)
        }
        _ => (a.0 - b.0 - 1, a.0 - b.0 + 1),
    }
}

/// Two expressions joined only by punctuation or "in" ("in 2014, eight years ago"), so
/// they name the same moment.
fn adjacent(text: &str, a: Span, b: Span) -> bool {
    let (first, second) = if a.start < b.start { (a, b) } else { (b, a) };
    let Some(between) = text.get(first.end..second.start) else { return false };
    between.len() <= 12
        && between
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '-' | '—' | '–'))
            .all(|w| w.is_empty() || w.eq_ignore_ascii_case("in"))
}

fn arithmetic(doc: &Document, exprs: &[TemporalExpr], cx: &RunContext<'_>, out: &mut Vec<Finding>) {
    let dl = doc.meta.dateline;
    let sentence_of = |s: Span| doc.sentence_at(s.start);
    for (i, e) in exprs.iter().enumerate() {
        let same_sentence = |o: &TemporalExpr| sentence_of(o.span) == sentence_of(e.span);
        // "eight years ago, in 2014"
        if let (Parsed::Ago { n: Some(n), unit: Unit::Year } | Parsed::AgoAt { n, unit: Unit::Year, .. }, Some(dl)) =
            (&e.parsed, dl)
            && let Some(other) = exprs
                .iter()
                .filter(|o| same_sentence(o) && adjacent(&doc.text, o.span, e.span))
                .find_map(|o| written_year(o).map(|y| (o, y)))
        {
            let now = (i32::from(dl.year()), Some(dl.month() as u8));
            let (lo, hi) = year_gap(now, other.1);
            let n = *n as i32;
            if n < lo || n > hi {
                let actual = now.0 - other.1.0;
                let mut f = cx.rule.finding(
                    e.span,
                    format!(
                        "`{}` does not match `{}`: from the dateline ({}) that is about {actual} years",
                        doc.slice(e.span),
                        doc.slice(other.0.span),
                        ap_date(dl)
                    ),
                );
                f.help = Some(format!("Write \"{actual} years ago\" or correct the year."));
                out.push(f);
            }
        }
        // "two years after the 2014 annexation, in 2016"
        if let Parsed::Duration { n: Some(q), unit: Unit::Year } = &e.parsed
            && !q.half
        {
            let tail = doc.text[e.span.end..].trim_start();
            let dir = if tail.starts_with("after") || tail.starts_with("later") {
                1
            } else if tail.starts_with("before") || tail.starts_with("earlier") {
                -1
            } else {
                0
            };
            if dir != 0 {
                // The year right after "after X" is the anchor; another year in the sentence the event.
                let anchor = exprs[i + 1..]
                    .iter()
                    .take_while(|o| same_sentence(o) && o.span.start < e.span.end + 60)
                    .find_map(|o| written_year(o).map(|y| (o, y)));
                let event = exprs
                    .iter()
                    .filter(|o| same_sentence(o) && o.span != e.span && anchor.is_none_or(|a| a.0.span != o.span))
                    .find_map(|o| written_year(o).map(|y| (o, y)));
                if let (Some(a), Some(ev)) = (anchor, event) {
                    let (lo, hi) = year_gap(ev.1, a.1);
                    let n = q.whole as i32 * dir;
                    let (lo, hi) = (lo.min(hi), lo.max(hi));
                    if n < lo || n > hi {
                        let mut f = cx.rule.finding(
                            e.span,
                            format!(
                                "`{}` {} `{}` does not give `{}`: the years are {} apart",
                                doc.slice(e.span),
                                if dir > 0 { "after" } else { "before" },
                                doc.slice(a.0.span),
                                doc.slice(ev.0.span),
                                (ev.1.0 - a.1.0).abs()
                            ),
                        );
                        f.help = Some("Correct the number of years or one of the years.".into());
                        out.push(f);
                    }
                }
            }
        }
    }
    ages(doc, cx, out);
    if let Some(dl) = dl {
        anniversaries(doc, exprs, dl, cx, out);
    }
}

fn parse_age(s: &str) -> Option<u32> {
    let n: u32 = s.parse().ok()?;
    (1..=115).contains(&n).then_some(n)
}

/// "Putin, 69," and later "the 70-year-old": one person, two ages.
fn ages(doc: &Document, cx: &RunContext<'_>, out: &mut Vec<Finding>) {
    let text = &doc.text;
    let b = text.as_bytes();
    // (surname, age, span of the age)
    let mut stated: Vec<(&str, u32, Span)> = Vec::new();
    let mut i = 0;
    while let Some(p) = memchr::memmem::find(&b[i..], b", ") {
        let at = i + p;
        i = at + 2;
        let rest = &text[at + 2..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=3).contains(&digits) || !rest[digits..].starts_with(',') {
            continue;
        }
        let Some(age) = parse_age(&rest[..digits]) else { continue };
        let (name, _) = word_before(text, at);
        if name.len() < 2 || !name.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        let span = Span::new(at + 2, at + 2 + digits);
        if let Some(prev) = stated.iter().find(|s| s.0 == name)
            && prev.1 != age
        {
            let mut f = cx.rule.finding(span, format!("{name} is {age} here but {} earlier", prev.1));
            f.help = Some(format!("Give {name} one age throughout the article."));
            out.push(f);
            continue;
        }
        stated.push((name, age, span));
    }
    // "the 70-year-old said": an age standing for the person.
    let people: Vec<_> = {
        let mut v: Vec<&(&str, u32, Span)> = Vec::new();
        for s in &stated {
            if !v.iter().any(|x| x.0 == s.0) {
                v.push(s);
            }
        }
        v
    };
    if people.len() != 1 {
        return;
    }
    let (name, age, first) = *people[0];
    let mut i = first.end;
    while let Some(p) = memchr::memmem::find(&b[i..], b"-year-old") {
        let at = i + p;
        i = at + 9;
        let head = &text[..at];
        let digits = head.bytes().rev().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            continue;
        }
        let Some(n) = parse_age(&head[at - digits..]) else { continue };
        let (before, _) = word_before(text, at - digits);
        let after = text[at + 9..].trim_start();
        let next = after.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        const VERBS: &[&str] =
            &["said", "says", "who", "was", "is", "has", "had", "told", "added", "also", "did", "will", "would"];
        let stands_alone = after.starts_with([',', '.', ';']) || VERBS.contains(&next);
        if before.eq_ignore_ascii_case("the") && stands_alone && n != age {
            let span = Span::new(at - digits, at + 9);
            let mut f =
                cx.rule.finding(span, format!("`{}` but {name} is {age} earlier in the article", doc.slice(span)));
            f.help = Some(format!("Use one age for {name}: {age} or {n}."));
            out.push(f);
        }
    }
}

/// "the 25th anniversary of the 1997 handover" in an article dated 2022.
fn anniversaries(doc: &Document, exprs: &[TemporalExpr], dl: Date, cx: &RunContext<'_>, out: &mut Vec<Finding>) {
    let text = &doc.text;
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(p) = memchr::memmem::find(&b[i..], b" anniversary") {
        let at = i + p;
        i = at + 12;
        let (ord, ord_start) = word_before(text, at);
        let digits = ord.bytes().take_while(u8::is_ascii_digit).count();
        let Ok(n) = ord[..digits].parse::<i32>() else { continue };
        if !matches!(&ord[digits..], "th" | "st" | "nd" | "rd") {
            continue;
        }
        let sentence = doc.sentence_at(at);
        let year = exprs
            .iter()
            .filter(|e| e.span.start > at && doc.sentence_at(e.span.start) == sentence && e.span.start < at + 80)
            .find_map(written_year);
        if let Some((y, _)) = year {
            let gap = i32::from(dl.year()) - y;
            if (gap - n).abs() >= 2 {
                let span = Span::new(ord_start, at + 12);
                let mut f = cx.rule.finding(
                    span,
                    format!("`{}` of {y}: the dateline ({}) is {gap} years later", doc.slice(span), ap_date(dl)),
                );
                f.help = Some(format!("A {y} event has its {gap}th anniversary in {}.", dl.year()));
                out.push(f);
            }
        }
    }
}

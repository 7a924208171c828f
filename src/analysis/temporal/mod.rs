//! Temporal expressions, found and resolved against the dateline (TIMEX3 values).
//!
//! Three steps per sentence: [`lex`] tokenizes and looks each word up once, [`scan`]
//! runs the grammar over the tokens (dates, weekdays, quarters, durations, sets, ...),
//! and [`resolve`] turns each expression into a TIMEX3 value with the dateline and the
//! clause's [`tense`]: "said on Tuesday" is the Tuesday before the dateline, "will meet
//! on Tuesday" the one after, and a Tuesday dateline makes "Tuesday" the dateline itself.

pub mod lex;
pub mod resolve;
pub mod scan;
pub mod tense;

use jiff::civil::Date;

use crate::document::Document;
use crate::rules::Lexicons;
use crate::text::Span;

pub use scan::Parsed;
use scan::YearSpec;
pub use tense::Tense;

/// Compiled tables the temporal grammar needs (built once per rule set).
#[derive(Debug)]
pub struct Grammar {
    words: lex::WordTable,
    /// See [`lex::WordTable::anchor_runs`].
    anchors: Box<[u64; 1024]>,
}

impl Default for Grammar {
    fn default() -> Self {
        let words = lex::build_table();
        let anchors = words.anchor_runs();
        Self { words, anchors }
    }
}

impl Grammar {
    /// Whether a sentence with these word starts can hold an expression: a word that can
    /// anchor one, or a digit. Most sentences of news have neither and are not tokenised.
    fn may_hold_expression(&self, text: &[u8], starts: &[(u32, u16)]) -> bool {
        starts.iter().any(|&(at, h)| {
            text.get(at as usize).is_some_and(u8::is_ascii_digit)
                || self.anchors[h as usize >> 6] & (1 << (h & 63)) != 0
        })
    }
}

impl Grammar {
    pub fn new(_lexicons: &Lexicons) -> Self {
        Self::default()
    }
}

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TemporalExpr {
    pub span: Span,
    pub kind: TimexType,
    /// TIMEX3 value: "2022-02-01", "2021-12", "199", "P8Y", "PRESENT_REF", ...
    pub value: String,
    /// TIMEX3 mod: "START", "END", "MID", "APPROX", ...
    pub modifier: Option<&'static str>,
    /// The calendar day it resolves to, when it names one.
    pub date: Option<Date>,
    /// What the grammar read, before resolution (calendar fields as written).
    pub parsed: Parsed,
    /// Tense of the clause, from the verbs nearest the expression.
    pub tense: Tense,
    /// The value depends on the dateline ("Tuesday", "last week", "Feb. 1" without a year).
    pub relative: bool,
}

impl TemporalExpr {
    /// The weekday written with a full date ("Tuesday, Feb. 1"), ISO number 1..=7.
    pub fn written_weekday(&self) -> Option<u8> {
        match &self.parsed {
            Parsed::Date { wd, .. } => *wd,
            _ => None,
        }
    }
}

/// Whether resolving needs the dateline.
fn is_relative(p: &Parsed) -> bool {
    use scan::YearSpec::{Infer, Rel};
    match p {
        Parsed::Date { y, .. } | Parsed::Month { y, .. } | Parsed::Quarter { y, .. } | Parsed::Half { y, .. } => {
            matches!(y, Infer | Rel(_))
        }
        Parsed::Season { y, .. } | Parsed::Holiday { y, .. } => matches!(y, Infer | Rel(_)),
        Parsed::Year(y) => matches!(y, Rel(_)),
        Parsed::Weekday { .. }
        | Parsed::QuarterFocus
        | Parsed::QuarterShift(_)
        | Parsed::YearAgoFocus
        | Parsed::YearAnaphor(_)
        | Parsed::MonthAnaphor(_)
        | Parsed::DayAnaphor(_)
        | Parsed::WeekdayAnaphor { .. }
        | Parsed::Shift { .. }
        | Parsed::Weekend { .. }
        | Parsed::NewEra(_) => true,
        Parsed::Ago { n, .. } => n.is_some(),
        Parsed::AgoAt { .. } | Parsed::PastWeek => true,
        Parsed::NthWeek { of, .. } => is_relative(of),
        Parsed::Time { day, .. } => day.as_deref().is_none_or(is_relative),
        Parsed::WeekOf(day) | Parsed::DayFrom { day, .. } => is_relative(day),
        Parsed::Decade(_)
        | Parsed::Century(_)
        | Parsed::YearPeriod(_)
        | Parsed::Ref(_)
        | Parsed::Duration { .. }
        | Parsed::Set(_) => false,
    }
}

/// "the Sept. 11 attacks", "the Sept. 11 terrorist attacks", "the Sept. 11 hijackers": the
/// attacks of 2001, named by their day. The singular ("the Sept. 11 attack in Benghazi")
/// may be another year's.
fn names_nine_eleven(text: &str, toks: &[lex::Tok], b: usize) -> bool {
    let is = |k: usize, w: &str| toks.get(k).is_some_and(|t| text[t.start..t.end].eq_ignore_ascii_case(w));
    is(b, "attacks")
        || is(b, "hijackers")
        || is(b, "commission")
        || ((is(b, "terrorist") || is(b, "terror")) && is(b + 1, "attacks"))
}

/// "after Sept. 11", "since Sept. 11" with nothing after the day, told between January and
/// July: a writer meaning last September would say so, and next September is no "since":
/// the attacks of 2001. From August on the day may be this year's ("the vote after Sept.
/// 11"), and "on Sept. 11" is any year's.
fn bare_nine_eleven(text: &str, toks: &[lex::Tok], a: usize, b: usize, dateline: Date) -> bool {
    let is = |k: usize, w: &str| toks.get(k).is_some_and(|t| text[t.start..t.end].eq_ignore_ascii_case(w));
    let ends = toks.get(b).is_none_or(|t| t.kind != lex::TokKind::Word || t.lex != lex::Lex::None || !t.cap);
    dateline.month() <= 7 && a > 0 && (is(a - 1, "after") || is(a - 1, "since")) && ends
}

/// The weekday (1 = Monday) of a weekday resolved by tense.
fn weekday_of(p: &Parsed) -> Option<u8> {
    match p {
        Parsed::Weekday { wd, rel: scan::Rel::None } => Some(*wd),
        Parsed::Time { day: Some(d), .. } => weekday_of(d),
        _ => None,
    }
}

/// A weekday resolved by tense ("Tuesday", "Tuesday night"), not one fixed by a date.
fn names_weekday(p: &Parsed) -> bool {
    match p {
        Parsed::Weekday { rel, .. } => *rel == scan::Rel::None,
        Parsed::Time { day: Some(d), .. } => names_weekday(d),
        _ => false,
    }
}

pub fn find_temporal(doc: &Document, ctx: &super::Context) -> Vec<TemporalExpr> {
    let g = &ctx.temporal;
    let starts = doc.word_starts();
    let sentences = doc.sentences.iter().map(|s| s.span);
    let anchored = sentences.filter(|&s| g.may_hold_expression(doc.text.as_bytes(), starts.within(s)));
    find_in(&doc.text, anchored, doc.meta.dateline, g)
}

/// The expressions of `sentences` (spans of `text`), resolved against `dateline`.
pub fn find_in(
    text: &str,
    sentences: impl Iterator<Item = Span>,
    dateline: Option<Date>,
    grammar: &Grammar,
) -> Vec<TemporalExpr> {
    let mut out = Vec::new();
    let mut toks = Vec::with_capacity(64);
    let mut found = Vec::new();
    let mut state = resolve::State::default();
    // Whether the article talks about quarters, looked for only when an expression needs it.
    let mut quarterly = None;
    for span in sentences {
        lex::tokenize(&grammar.words, text, span.start, span.end, &mut toks);
        found.clear();
        scan::Scanner { text, toks: &toks }.scan(&mut found);
        if found.is_empty() {
            continue;
        }
        let first_here = out.len();
        for mut f in found.drain(..) {
            let (Some(first), Some(last)) = (toks.get(f.start), toks.get(f.end.saturating_sub(1))) else { continue };
            let mut tense = tense::tense_at(text, &toks, f.start, f.end);
            if names_weekday(&f.parsed) {
                tense = tense::weekday_tense(text, &toks, f.start, f.end, tense);
                // "was scheduled to speak Saturday morning": a plan seen from a past point of
                // view, kept or dropped, for the nearest such day on either side.
                if let (Some(wd), Some(d)) = (weekday_of(&f.parsed), dateline)
                    && tense::plan_seen_from_past(text, &toks, f.start)
                {
                    let back = (i16::from(d.weekday().to_monday_one_offset()) - i16::from(wd)).rem_euclid(7);
                    tense = if back <= 3 { tense::Tense::Past } else { tense::Tense::Future };
                }
            }
            if let Parsed::Date { y: y @ YearSpec::Infer, m: 9, d: 11, wd: None } = &mut f.parsed
                && let Some(d) = dateline
                && d.year() >= 2002
                && (names_nine_eleven(text, &toks, f.end) || bare_nine_eleven(text, &toks, f.start, f.end, d))
            {
                *y = YearSpec::Abs(2001);
            }
            let month_or_day =
                matches!(f.parsed, Parsed::Month { y: YearSpec::Infer, .. } | Parsed::Date { y: YearSpec::Infer, .. });
            if month_or_day && tense::names_election(text, &toks, f.end) {
                tense = tense::election_tense(tense);
                if let Parsed::Month { rel, .. } = &mut f.parsed {
                    *rel = scan::Rel::None;
                }
            }
            if quarterly.is_none()
                && matches!(f.parsed, Parsed::QuarterShift(_) | Parsed::YearAgoFocus | Parsed::YearPeriod(_))
            {
                let q = memchr::memmem::find(text.as_bytes(), b"quarter").is_some()
                    || memchr::memmem::find(text.as_bytes(), b"Quarter").is_some();
                quarterly = Some(q);
                state.quarterly = q;
            }
            let r = resolve::resolve(&f.parsed, dateline, tense, &mut state);
            out.push(TemporalExpr {
                span: Span::new(first.start, last.end),
                kind: r.kind,
                value: r.value,
                modifier: f.modifier,
                date: r.date,
                relative: is_relative(&f.parsed),
                parsed: f.parsed,
                tense,
            });
        }
        day_for_times(&mut out[first_here..]);
    }
    out
}

/// "The blast occurred at 10:35 a.m. (0735 GMT) Friday", "Friday at 10 a.m.", "at 5 p.m.
/// EST, Nov. 6": a clock time written without its day happens on the day named nearest
/// to it in the same sentence, not on the dateline.
fn day_for_times(exprs: &mut [TemporalExpr]) {
    for i in 0..exprs.len() {
        let Parsed::Time { day: None, clock: scan::Clock::Hm(h, m) } = exprs[i].parsed else { continue };
        let near = exprs
            .iter()
            .enumerate()
            .filter(|(j, e)| *j != i && e.kind == TimexType::Date && e.date.is_some() && e.value.len() == 10)
            .min_by_key(|(_, e)| {
                let t = exprs[i].span;
                if e.span.start >= t.end { e.span.start - t.end } else { t.start.saturating_sub(e.span.end) }
            })
            .map(|(_, e)| (e.value.clone(), e.date));
        if let Some((day, date)) = near {
            let e = &mut exprs[i];
            e.value = format!("{day}T{h:02}:{m:02}");
            e.date = date;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, dct: &str) -> Vec<(String, String)> {
        let g = Grammar::default();
        let d: Date = dct.parse().unwrap();
        find_in(text, std::iter::once(Span::new(0, text.len())), Some(d), &g)
            .into_iter()
            .map(|e| (e.span.text(text).to_string(), e.value))
            .collect()
    }

    fn one(text: &str, dct: &str) -> (String, String) {
        let v = values(text, dct);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        v[0].clone()
    }

    #[test]
    fn a_show_on_some_weekday_is_a_set_and_acts_on_the_same_day_name_no_day() {
        let dct = "2016-04-12";
        assert_eq!(one("He also hosts a Sunday talk show.", dct).1, "XXXX-WXX-7");
        assert_eq!(one("She writes a Saturday column.", dct).1, "XXXX-WXX-6");
        assert_eq!(one("He held a Sunday rally.", dct).1, "2016-04-10");
        assert!(values("It barred people from registering and voting on the same day.", dct).is_empty());
        let v = values("He gave on Monday, and she gave on the same day.", dct);
        assert_eq!(v[1].1, "2016-04-11");
    }

    #[test]
    fn a_plan_seen_from_the_past_is_for_the_nearest_day() {
        // Wednesday: last Tuesday is one day back.
        let v = one("He was scheduled to leave New Hampshire late Tuesday.", "2016-02-10");
        assert_eq!(v.1, "2016-02-09");
        // Friday: Saturday is one day ahead.
        let v = one("Palin was scheduled to speak to the delegates Saturday morning.", "2016-04-15");
        assert_eq!(v.1, "2016-04-16TMO");
        // Without the plan the past tense looks back.
        assert_eq!(one("Palin spoke to the delegates Saturday morning.", "2016-04-15").1, "2016-04-09TMO");
    }

    #[test]
    fn quoted_shows_named_after_a_weekday_are_no_dates() {
        let dct = "2016-07-31";
        assert!(values("Clinton said in an interview with \u{201c}Fox News Sunday.\u{201d}", dct).is_empty());
        assert!(values("He failed three times on ''Fox News Sunday'' to answer.", dct).is_empty());
        assert!(values("Issa said on \"Sunday Morning Futures,\" that he had doubts.", dct).is_empty());
        // Unquoted, the network may have been told on Sunday.
        assert_eq!(one("Trump told Fox News Sunday that he would win.", dct).1, "2016-07-31");
        assert_eq!(one("She said on \"Sunday\" that he had won.", dct).1, "2016-07-31");
    }

    #[test]
    fn sentences_without_an_anchor_hold_no_expression() {
        let g = Grammar::default();
        let holds = |text: &str| {
            let starts = crate::text::lexicon::WordStarts::new(text);
            g.may_hold_expression(text.as_bytes(), starts.within(Span::new(0, text.len())))
        };
        for text in [
            "It happened on Feb. 1, 2022.",
            "He left for a while.",
            "The talks resume next week.",
            "They met in the past.",
            "He is currently in Paris.",
            "The plan took three years.",
            "She spoke at 10 a.m. in Geneva.",
            "Prices have risen since the nineties.",
            "The vote is Tuesday.",
            "It was the third quarter.",
            "Aides go to Phoenix for the coming weekend.",
            "He arrived at noon.",
            "Fighting grew in recent days.",
            "The deal should close by year-end.",
            "It ended the day after Christmas.",
        ] {
            assert!(!values(text, "2022-02-03").is_empty(), "{text} has an expression");
            assert!(holds(text), "{text} must be scanned");
        }
        for text in ["The minister said the plan was a mistake.", "Critics of the deal, including the mayor, objected."]
        {
            assert!(values(text, "2022-02-03").is_empty());
            assert!(!holds(text), "{text} need not be scanned");
        }
    }

    #[test]
    fn resolution_by_the_noun_the_date_names() {
        // "after Sept. 11" told in the first half of a later year is the attacks too.
        assert_eq!(one("Women were shocked after Sept. 11 when the spotlight turned.", "2016-03-18").1, "2001-09-11");
        assert_eq!(one("They felt called since Sept. 11 to go home.", "2016-03-18").1, "2001-09-11");
        assert_eq!(one("The vote will come after Sept. 11.", "2016-08-20").1, "2016-09-11");
        assert_eq!(one("He was born on Sept. 11.", "2016-03-18").1, "2015-09-11");
        // The attacks of 2001; the singular may be another attack on that day.
        assert_eq!(one("He praised the response to the Sept. 11 attacks.", "2016-02-17").1, "2001-09-11");
        assert_eq!(one("It came after the Sept. 11 terrorist attacks.", "2016-03-16").1, "2001-09-11");
        assert_eq!(one("Days after the September 11 attack in Benghazi.", "2015-12-04").1, "2015-09-11");
        // Elections are announced long ahead.
        assert_eq!(one("Officials are preparing for the November election.", "2016-01-15").1, "2016-11");
        assert_eq!(one("Russia sought to influence the Nov. 8 election.", "2016-07-31").1, "2016-11-08");
        assert_eq!(one("Clinton won the November election.", "2017-02-10").1, "2016-11");
        assert_eq!(one("Candidates prepare even before the November election.", "2016-05-12").1, "2016-11");
        assert_eq!(one("He pointed to his showing in the March 15 primary.", "2016-07-18").1, "2016-03-15");
        // What something is ahead of is to come; a definite outcome has happened.
        assert_eq!(one("Looking ahead to the fall, Mr. Manafort was joined by a deputy.", "2016-04-23").1, "2016-FA");
        assert_eq!(one("Traders chose to square positions ahead of the weekend.", "1989-10-30").1, "1989-W44-WE");
        assert!(values("The industry has been in a free-fall for years.", "2015-11-13").iter().all(|v| v.0 != "fall"));
        assert_eq!(one("Polls show Trump trailing just ahead of Tuesday's vote.", "2016-01-28").1, "2016-02-02");
        assert_eq!(one("Monday's decision will reverberate down the ballot.", "2016-06-28").1, "2016-06-27");
    }

    #[test]
    fn full_and_partial_dates() {
        assert_eq!(one("It happened on Feb. 1, 2022.", "2022-02-03").1, "2022-02-01");
        assert_eq!(one("It happened on Tuesday, Feb. 1, 2022.", "2022-02-03").0, "Tuesday, Feb. 1, 2022");
        assert_eq!(one("He left on Sept. 30.", "1989-11-02").1, "1989-09-30");
        assert_eq!(one("It is due Jan. 3.", "1989-11-02").1, "1990-01-03");
        assert_eq!(one("Signed 1 February 2022 in Kyiv.", "2022-02-03").1, "2022-02-01");
        assert_eq!(one("Filed 2022-01-31 in Kyiv.", "2022-02-03").1, "2022-01-31");
        let e = values("They met on Tuesday (Feb. 2) in Kyiv.", "2022-02-03");
        assert_eq!(e, vec![("Tuesday (Feb. 2)".to_string(), "2022-02-02".to_string())]);
        assert_eq!(one("It was built in March 1996.", "1998-02-03").1, "1996-03");
    }

    #[test]
    fn relative_expressions() {
        let dct = "2022-02-03";
        assert_eq!(one("Putin on Tuesday lambasted the US.", dct), ("Tuesday".into(), "2022-02-01".into()));
        assert_eq!(one("He will travel on Tuesday.", dct).1, "2022-02-08");
        assert_eq!(one("He spoke Thursday.", dct).1, "2022-02-03");
        assert_eq!(one("his first comments since December on it", dct).1, "2021-12");
        assert_eq!(one("responses delivered last week to Moscow", dct).1, "2022-W04");
        assert_eq!(one("Sales fell three days ago.", dct).1, "2022-01-31");
        assert_eq!(one("It rose 5% last year.", dct).1, "2021");
        assert_eq!(one("It happened earlier this month.", dct), ("earlier this month".into(), "2022-02".into()));
        assert_eq!(one("Markets fell yesterday.", dct).1, "2022-02-02");
    }

    #[test]
    fn decades_quarters_durations_sets() {
        let dct = "1989-10-26";
        let e = values("assurances made in the early 1990s that", dct);
        assert_eq!(e, vec![("the early 1990s".to_string(), "199".to_string())]);
        assert_eq!(one("profit in the third quarter rose", dct).1, "1989-Q3");
        assert_eq!(one("reported third-quarter profit", dct).1, "1989-Q3");
        assert_eq!(one("for eight years he ruled", dct).1, "P8Y");
        assert_eq!(one("for several months he ruled", dct).1, "PXM");
        assert_eq!(one("for nearly forty years it has", dct).1, "P40Y");
        assert_eq!(one("in the past three months stocks", dct).1, "P3M");
        assert_eq!(one("earnings of $5 million a year", dct).1, "P1Y");
        assert_eq!(one("they meet every Tuesday", dct).1, "XXXX-WXX-2");
        assert_eq!(one("it is now clear", dct).1, "PRESENT_REF");
        assert_eq!(one("because of current market conditions", dct), ("current".into(), "PRESENT_REF".into()));
        assert!(values("a deficit in the current account", dct).is_empty());
        assert_eq!(one("sales in the current fiscal year", dct).0, "the current fiscal year");
        assert_eq!(one("in fiscal 1988 it earned", dct).1, "1988");
        assert_eq!(one("at 10 p.m. Wednesday police said", dct).1, "1989-10-25T22:00");
    }

    #[test]
    fn financial_and_anaphoric_conventions() {
        let v = values("Net rose in the quarter ended Sept. 30 from $5 million a year earlier.", "1989-11-02");
        assert_eq!(v[0], ("the quarter".to_string(), "1989-Q3".to_string()));
        assert_eq!(v[2], ("a year earlier".to_string(), "1988-Q3".to_string()));
        let v = values("It was founded in 1995 and expanded the following year.", "2022-02-03");
        assert_eq!(v[1], ("the following year".to_string(), "1996".to_string()));
        let v = values("The summit is on April 24 and 25.", "1999-02-10");
        assert_eq!(v.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(), vec!["1999-04-24", "1999-04-25"]);
        let v = values("Talks are set for March 3-5 in Geneva.", "1998-03-01");
        assert_eq!(v.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(), vec!["1998-03-03", "1998-03-05"]);
        // After a dash, only a later day is a date: "March 3-2" is no range.
        assert_eq!(values("The March 3-2 vote passed.", "1998-03-01").len(), 1);
        assert_eq!(one("The deal should close by year-end.", "1989-11-02").1, "1989");
        // "previous"/"following" count from the day last named, "last" from the dateline.
        let v = values("The index fell Friday, down 4.5% from the previous Friday.", "1989-10-30");
        assert_eq!(v[1], ("the previous Friday".to_string(), "1989-10-20".to_string()));
        let v = values("He arrived on Oct. 3, 1989, and left the following Monday.", "1989-10-30");
        assert_eq!(v[1], ("the following Monday".to_string(), "1989-10-09".to_string()));
    }

    #[test]
    fn clock_times_take_the_day_named_in_their_sentence() {
        let v = values("The blast occurred at 10:35 a.m. (0735 GMT) Friday, police said.", "1998-08-08");
        assert_eq!(v[0], ("10:35 a.m.".to_string(), "1998-08-07T10:35".to_string()));
        let v = values("On Tuesday, at 9 a.m., troops left. ", "1998-08-08");
        assert_eq!(v[1].1, "1998-08-04T09:00");
        // No day in the sentence: the dateline's.
        assert_eq!(one("At 10 a.m., the market opened.", "1998-08-08").1, "1998-08-08T10:00");
    }

    #[test]
    fn plural_weekdays_and_parts_of_day_are_sets() {
        let dct = "1998-02-13";
        assert_eq!(one("The shop is closed on Sundays.", dct), ("Sundays".into(), "XXXX-WXX-7".into()));
        assert_eq!(one("They dance Tuesday nights.", dct), ("Tuesday nights".into(), "XXXX-WXX-2TNI".into()));
        let v = values("Flights would leave on Monday and Tuesday nights.", dct);
        assert_eq!(v.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(), vec!["XXXX-WXX-1TNI", "XXXX-WXX-2TNI"]);
        // One night is a time of one day, not a set.
        assert_eq!(one("It closed Tuesday night.", dct).1, "1998-02-10TNI");
    }

    #[test]
    fn vague_stretches_of_time() {
        let dct = "1989-10-27";
        assert_eq!(one("Funds may sell in the weeks ahead.", dct), ("the weeks ahead".into(), "PXW".into()));
        assert_eq!(one("It made a profit after several quarters of losses.", dct).1, "PXQ");
        assert!(values("A quarter of the shares were sold.", dct).is_empty());
    }

    #[test]
    fn narrative_anaphors_follow_the_last_date_named() {
        let dct = "1999-02-06";
        let v = values("It was founded in March 1995. The following month, it hired staff.", dct);
        assert_eq!(v[1], ("The following month".to_string(), "1995-04".to_string()));
        let v = values("He was arrested on Oct. 3, 1998, and charged the next day.", dct);
        assert_eq!(v[1], ("the next day".to_string(), "1998-10-04".to_string()));
        let v = values("They met Tuesday; the previous day he had called.", dct);
        assert_eq!(v[1].1, "1999-02-01");
        // "later in the day" is left unmarked, as news annotation mostly does.
        assert_eq!(values("He spoke Tuesday and left later in the day.", dct).len(), 1);
        assert_eq!(one("Islam will one day be the second religion.", dct).1, "FUTURE_REF");
        assert_eq!(one("The strike lasted one day.", dct).1, "P1D");
        // Without a day named before it, the dateline is the anchor.
        assert_eq!(one("The next day, police came.", dct).1, "1999-02-07");
        // "the week of March 6" is that day's ISO week.
        assert_eq!(
            one("The vote is set for the week of March 6.", "2000-02-24"),
            ("the week of March 6".into(), "2000-W10".into())
        );
    }

    #[test]
    fn recent_as_an_adjective_is_no_expression() {
        let dct = "1998-03-22";
        assert!(values("They blame the recent bomb attacks on a recent filing.", dct).is_empty());
        assert_eq!(one("Fighting grew in recent days.", dct).1, "PXD");
        assert_eq!(one("He recently left.", dct).1, "PAST_REF");
        // "at the time" is a past reference; "at the time of ..." and "the last time ..." are
        // dated by what follows them.
        assert_eq!(one("He said at the time he would go.", dct).1, "PAST_REF");
        assert!(values("It had 12 members at the time of its founding.", dct).is_empty());
        assert!(values("It is better than the last time we met.", dct).is_empty());
        assert!(values("It matters to the future of our peoples.", dct).is_empty());
        assert_eq!(one("It will grow in the future.", dct).1, "FUTURE_REF");
    }

    #[test]
    fn vague_agos_and_working_days() {
        let dct = "1989-10-30";
        assert_eq!(one("Just months ago, it was bankrupt.", dct), ("months ago".into(), "PAST_REF".into()));
        assert_eq!(
            one("Prices fell eight trading days after the crash.", dct),
            ("eight trading days".into(), "P8D".into())
        );
        assert_eq!(one("It must pay within five business days.", dct).1, "P5D");
    }

    #[test]
    fn quarter_centuries_and_named_dailies() {
        let dct = "2016-03-16";
        assert_eq!(
            one("He has spent a quarter-century in Congress.", dct),
            ("a quarter-century".into(), "P25Y".into())
        );
        assert_eq!(one("It took three quarters of a century.", dct).1, "P75Y");
        assert!(values("He told the Daily Caller and the Weekly Standard.", dct).is_empty());
        assert_eq!(one("Daily flights leave Bombay.", dct).1, "P1D");
    }

    #[test]
    fn fractions_and_names_are_no_times() {
        let dct = "2016-03-15";
        assert!(values("About three-quarters support a ban; one-quarter oppose it.", dct).is_empty());
        assert!(values("He won the quarter of voters who are liberal.", dct).is_empty());
        assert!(values("What followed was the Arab Spring uprisings.", dct).is_empty());
        assert_eq!(one("Sales fell in the quarter.", dct).1, "2015-Q4");
        assert_eq!(one("Spring came early.", dct).1, "2016-SP");
    }

    #[test]
    fn ranges_of_years_name_both_years() {
        let v = values("In the 1998-99 season he scored; the 1999-2000 budget and fiscal 1999-00 too.", "1999-03-10");
        let got: Vec<&str> = v.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(got, vec!["1998", "1999", "1999", "2000", "1999", "2000"]);
        let v = values("The 1998/99 crop was poor.", "1999-03-10");
        assert_eq!(v.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(), vec!["1998", "1999"]);
        // A score or a count after a year is no year.
        assert_eq!(values("In 1998, 12-10 was the score.", "1999-03-10").len(), 1);
    }

    #[test]
    fn the_next_and_the_new_century() {
        assert_eq!(one("It will last into the next century.", "1999-03-10"), ("the next century".into(), "20".into()));
        assert_eq!(one("Welcome to the new millennium.", "1999-12-30").1, "2");
        assert_eq!(one("Welcome to the new century.", "2000-01-02").1, "20");
        // "the past century" is a stretch of time, not a date.
        assert_eq!(one("Over the past century, it grew.", "1999-03-10").1, "P1C");
    }

    #[test]
    fn this_weekend_is_the_coming_one_unless_told_as_past() {
        let dct = "2016-03-23"; // a Wednesday
        assert_eq!(one("He hopes to win in Washington this weekend.", dct).1, "2016-W12-WE");
        assert_eq!(one("He won in Washington this weekend.", dct).1, "2016-W11-WE");
        assert_eq!(one("Clinton campaigned over the weekend.", dct).1, "2016-W11-WE");
        assert_eq!(one("Aides go to Phoenix for the coming weekend.", dct).1, "2016-W12-WE");
        assert_eq!(one("Over the past weekend, he spoke.", dct).1, "2016-W11-WE");
        // Dated on a Saturday: that weekend.
        assert_eq!(one("They are coming in this weekend.", "2016-04-09").1, "2016-W14-WE");
    }

    #[test]
    fn that_day_and_the_day_before_follow_the_narrative() {
        let dct = "1999-02-06";
        let v = values("Police came on Oct. 3, 1998. Two men were arrested that day.", dct);
        assert_eq!(v[1], ("that day".to_string(), "1998-10-03".to_string()));
        let v = values("He was shot on Oct. 3, 1998. The day before, he had called.", dct);
        assert_eq!(v[1], ("The day before".to_string(), "1998-10-02".to_string()));
        let v = values("Prices fell Oct. 12, the day before the plunge.", "1989-10-30");
        assert_eq!(v[1], ("the day".to_string(), "1989-10-12".to_string()));
        // Only a month is known: the day is a day of that month.
        let v = values("He was killed last October, and police came that same day.", dct);
        assert_eq!(v[1], ("that same day".to_string(), "1998-10-XX".to_string()));
        assert_eq!(one("The ad airs the day after Christmas.", "2015-12-20").1, "2015-12-26");
        // An event we cannot date, or "day" in a compound, is left alone.
        assert_eq!(values("He met Friday. He spoke the day before the shooting.", dct).len(), 1);
        assert!(values("He said that day traders lost money.", dct).is_empty());
        assert_eq!(one("I saw him the other day.", dct), ("the other day".into(), "PAST_REF".into()));
        assert_eq!(values("On Monday he met; on the same day that the report came out, he left.", dct).len(), 1);
    }

    #[test]
    fn holidays_abbreviations_and_parts_of_named_days() {
        let dct = "2000-02-10";
        assert_eq!(one("It happened on New Year's Day.", dct), ("New Year's Day".into(), "2000-01-01".into()));
        assert_eq!(one("He left on New Year's Eve.", dct).1, "1999-12-31");
        assert_eq!(one("They met on Sept 11th, 2001, in New York.", dct).1, "2001-09-11");
        // "the night of Aug. 2": news annotation marks the date, and so do we.
        assert_eq!(one("Troops arrived on the night of Aug. 2.", dct), ("Aug. 2".into(), "1999-08-02".into()));
        assert_eq!(one("He was shot on the night of Friday, Oct. 23, 1998.", dct).1, "1998-10-23");
        // A 24-hour clock reading with its zone is no year; "pm." keeps its sentence dot out.
        assert_eq!(values("It closed at 4 p.m. local time (2100 GMT).", dct).len(), 1);
        assert_eq!(one("The hearing ended at 11 pm.", dct).0, "11 pm");
        assert_eq!(one("He spent two and a half years in exile.", dct).1, "P2Y6M");
        assert_eq!(one("It lasted a decade and a half.", dct).1, "P15Y");
    }

    #[test]
    fn the_end_of_the_month_is_this_month() {
        let dct = "2000-02-10";
        let v = values("Troops will leave by the end of the month.", dct);
        assert_eq!(v, vec![("the end of the month".to_string(), "2000-02".to_string())]);
        assert_eq!(one("The report is due at the beginning of the week.", dct).1, "2000-W06");
        // Without a position word "the month" stays unmarked.
        assert!(values("During the month sales rose.", dct).is_empty());
    }

    #[test]
    fn names_counts_and_ordinal_days() {
        let dct = "2000-02-10";
        assert!(values("The Good Friday agreement was signed. The Sunday Times said so.", dct).is_empty());
        assert!(values("Super Tuesday primaries are key.", dct).is_empty());
        assert!(values("He scored 2000 points. Flight 2000 landed.", dct).is_empty());
        assert!(values("Microsoft shipped Windows 2000.", dct).is_empty());
        assert_eq!(one("It was a years-long effort.", dct), ("years-long".into(), "PXY".into()));
        assert_eq!(one("They marched on the Fourth of July.", dct), ("the Fourth of July".into(), "1999-07-04".into()));
        // A weekday before an ordinary capitalised word is still a day.
        assert_eq!(one("On Friday President Clinton spoke.", dct).1, "2000-02-04");
    }

    #[test]
    fn wire_periods_and_centuries() {
        let dct = "1998-03-03";
        // Xinhua writes "the same period of last year": one expression, last year.
        let v = values("Output rose 5 percent over the same period of last year.", dct);
        assert_eq!(v, vec![("the same period of last year".to_string(), "1997".to_string())]);
        // "the century" after "the end of" / "the turn of" is the present one.
        let v = values("By the end of the century, output will double.", dct);
        assert_eq!(v, vec![("the end of the century".to_string(), "19".to_string())]);
        assert_eq!(one("at the turn of the century", dct), ("the century".into(), "19".into()));
        // A century with its own "of" is a name or a topic.
        assert!(values("It ended the century of humiliation.", dct).is_empty());
        // A date that takes effect is ahead, though the report is in the past tense.
        let eff = "U.S. Trust also created an office of the chairman, effective Feb. 1.";
        assert_eq!(one(eff, "1989-10-26").1, "1990-02-01");
        assert_eq!(one("The law, which took effect Jan. 1, is new.", "1998-03-03").1, "1998-01-01");
    }

    #[test]
    fn long_compounds_are_durations() {
        let dct = "1998-10-08";
        assert_eq!(one("The month-long strike ended.", dct), ("month-long".into(), "P1M".into()));
        assert_eq!(one("A weeklong visit began.", dct), ("weeklong".into(), "P1W".into()));
        assert_eq!(one("a yearlong inquiry", dct).1, "P1Y");
        assert_eq!(one("a two-month-long siege", dct), ("two-month-long".into(), "P2M".into()));
        assert_eq!(one("The week-long talks ended.", dct).1, "P1W");
        assert_eq!(one("A week-long visit began.", dct), ("week-long".into(), "P1W".into()));
        assert_eq!(one("a decades-long feud", dct).1, "PXY");
        // "lifelong", "belong" are no units.
        assert!(values("a lifelong friend; they belong together", dct).is_empty());
    }

    #[test]
    fn weeks_ago_a_weekday() {
        let dct = "1998-10-08";
        // The Tuesday a week before last Tuesday (Oct. 6).
        assert_eq!(
            one("The bombing occurred a week ago Tuesday.", dct),
            ("a week ago Tuesday".into(), "1998-09-29".into())
        );
        assert_eq!(one("It began two weeks ago Sunday.", dct).1, "1998-09-20");
        // Said on a Thursday, "a week ago Thursday" is a week before the dateline.
        assert_eq!(one("He left a week ago Thursday.", dct).1, "1998-10-01");
        // Without a weekday after it the week stays a week.
        assert_eq!(one("He left a week ago.", dct).1, "1998-W40");
    }

    #[test]
    fn us_holidays_with_day() {
        // Labor Day 1998 was Monday Sept. 7; Memorial Day 1998 Monday May 25; Election
        // Day 1998 Tuesday Nov. 3 (2000: Nov. 7, the first Monday being Nov. 6).
        assert_eq!(one("Congress returns after Labor Day.", "1998-08-27").1, "1998-09-07");
        assert_eq!(one("The pool opened on Memorial Day.", "1998-06-10").1, "1998-05-25");
        assert_eq!(one("Voters go to the polls on Election Day.", "1998-10-20").1, "1998-11-03");
        assert_eq!(one("Voters will go to the polls on Election Day.", "2000-10-20").1, "2000-11-07");
        assert_eq!(one("Parades marked Veterans Day.", "1998-11-12").1, "1998-11-11");
        // Lower case, or without "Day", is no holiday: "the election day in Peru".
        assert!(values("the labor market; an election day in Peru", "1998-10-20").is_empty());
        assert!(values("They marked Holocaust Memorial Day.", "1998-10-20").is_empty());
        assert_eq!(one("On Election Day, voters chose.", "1998-11-10").1, "1998-11-03");
        // Before November, Election Day is this year's, whatever the tense.
        assert_eq!(one("That didn't happen on Election Day.", "2016-02-09").1, "2016-11-08");
        assert_eq!(one("It nears Election Day.", "2016-08-17").1, "2016-11-08");
    }

    #[test]
    fn today_as_a_title_or_the_present_age() {
        let dct = "1998-08-08";
        assert!(values("USA TODAY reported it. This is VOA Today. She was on the Today show.", dct).is_empty());
        assert!(values("In today's world, and in today's dollars, it costs more.", dct).is_empty());
        assert_eq!(one("Today's meeting was short.", dct), ("Today".into(), "1998-08-08".into()));
        assert_eq!(one("Voters chose in today's election.", dct).1, "1998-08-08");
        assert_eq!(one("Clinton today said no.", dct).1, "1998-08-08");
    }

    #[test]
    fn capitalised_units_after_a_number_are_names() {
        let dct = "1998-03-01";
        let v = values("Israel captured it in the 1967 Six-Day War.", dct);
        assert_eq!(v, vec![("1967".to_string(), "1967".to_string())]);
        assert!(values("He told CBS's 60 Minutes. He was on 48 Hours. The Thirty Years War ended.", dct).is_empty());
        assert!(values("He hosts Last Week Tonight. Time named its Person Of The Year.", dct).is_empty());
        assert_eq!(one("This week, he left.", dct).1, "1998-W09");
        assert_eq!(one("The Year began well.", dct).1, "1998");
        // Lower case, and a headline in capitals, are durations.
        assert_eq!(one("The war lasted six days.", dct).1, "P6D");
        assert_eq!(one("TALKS LAST TWO DAYS", dct).1, "P2D");
    }

    #[test]
    fn non_dates_are_left_alone() {
        assert!(values("He may go. The march began. 2,000 troops and 1500 people came.", "2022-02-03").is_empty());
        assert!(values("Putin, 69, is the 70-year-old leader.", "2022-02-03").is_empty());
    }

    #[test]
    fn ago_with_an_anchor_is_one_date() {
        let dct = "2016-03-10";
        assert_eq!(
            one("She won eight years ago this month.", dct),
            ("eight years ago this month".into(), "2008-03".into())
        );
        assert_eq!(one("A year ago this week, the dam broke.", dct).1, "2015-W11");
        assert_eq!(one("The wall fell ten years ago today.", dct).1, "2006-03-10");
        assert_eq!(one("He was elected four years ago to the day.", dct).1, "2012-03-10");
        assert_eq!(one("Two decades ago this year, it opened.", dct).1, "1996");
        // Without an anchor, or with one as fine as the unit, nothing changes.
        assert_eq!(one("She won eight years ago.", dct).1, "2008");
        assert_eq!(values("It ended a week ago this week.", dct)[0].1, "2016-W09");
    }

    #[test]
    fn nth_week_of_a_month_or_year() {
        let dct = "1998-03-07";
        assert_eq!(
            one("Talks began in the first week of March.", dct),
            ("the first week of March".into(), "1998-W10".into())
        );
        assert_eq!(one("They will vote in the first week of April.", dct).1, "1998-W14");
        assert_eq!(one("It closed in the last week of December.", dct).1, "1997-W52");
        assert_eq!(one("It ends in the last week of the year.", dct).1, "1998-W53");
        assert_eq!(one("It came during the second week of June 1996.", dct).1, "1996-W24");
        assert_eq!(one("The final week of next month is busy.", dct).1, "1998-W18");
        assert_eq!(one("It began in the first week of the year.", dct).1, "1998-W01");
        // A week of something that is no calendar period is no date.
        assert!(values("The final week of the campaign was hard.", dct).is_empty());
        assert_eq!(one("The last week was hard.", dct).1, "1998-W09");
    }

    #[test]
    fn this_past_week_on_a_weekend_dateline_is_the_week_now_ending() {
        let text = "The senator spoke this past week.";
        assert_eq!(one(text, "1998-03-07").1, "1998-W10");
        assert_eq!(one(text, "1998-03-08").1, "1998-W10");
        assert_eq!(one(text, "1998-03-10").1, "1998-W10");
        assert_eq!(one(text, "1998-03-09").1, "1998-W10");
        assert_eq!(one("He left this past weekend.", "1998-03-09").1, "1998-W10-WE");
    }

    #[test]
    fn an_end_point_after_the_perfect_is_not_past() {
        let dct = "1998-10-05";
        assert_eq!(one("The vote has been postponed until March.", dct).1, "1999-03");
        assert_eq!(one("Lenders have extended credit through January.", dct).1, "1999-01");
        // The simple past still looks back.
        assert_eq!(one("The program ran through January.", dct).1, "1998-01");
        assert_eq!(one("He has worked there since March.", dct).1, "1998-03");
    }

    #[test]
    fn that_night_that_month_take_the_day_last_named() {
        let dct = "1998-05-07";
        let v = values("He spoke on March 3. That night, he left.", dct);
        assert_eq!(v[1], ("That night".to_string(), "1998-03-03TNI".to_string()));
        let v = values("He spoke on March 3. Later that month, he returned. Earlier that week he called.", dct);
        assert_eq!(v[1], ("Later that month".to_string(), "1998-03".to_string()));
        assert_eq!(v[2], ("Earlier that week".to_string(), "1998-W10".to_string()));
        let v = values("It opened on March 3. The same month, it closed. Later that day, he left.", dct);
        assert_eq!(v[1].1, "1998-03");
        assert_eq!(v[2], ("Later that day".to_string(), "1998-03-03".to_string()));
        // A clause or a name after it, or "do that overnight", is no anaphor.
        assert_eq!(values("You can't do that overnight.", dct), vec![]);
        assert_eq!(values("He won on March 3, the same night he lost Ohio.", dct).len(), 1);
        assert_eq!(values("He won on March 3. That week's vote failed.", dct).len(), 1);
    }

    #[test]
    fn a_month_before_its_noun_is_the_nearest_one() {
        let dct = "1989-10-27";
        assert_eq!(
            one("The bank is trying to sell itself under a June agreement.", dct),
            ("June".into(), "1989-06".into())
        );
        assert_eq!(one("Her March speech drew a crowd.", dct).1, "1989-03");
        assert_eq!(one("Her March speech is a model.", dct).1, "1990-03");
        assert_eq!(one("Trump's May rally was loud.", dct).1, "1989-05");
        // "the May government" may be a name; "Jill June, a delegate" is one.
        assert!(values("The May government fell. Jill June, a delegate, spoke.", dct).is_empty());
    }

    #[test]
    fn half_and_quarter_centuries() {
        let dct = "2016-08-07";
        assert_eq!(
            one("The series went off the air a quarter-century ago.", dct),
            ("a quarter-century ago".into(), "1991".into())
        );
        assert_eq!(one("The system emerged more than a half-century ago.", dct).1, "1966");
        assert_eq!(one("It has been Republican for a half-century.", dct).1, "P50Y");
        assert_eq!(one("It stood for a half century.", dct).1, "P50Y");
    }

    #[test]
    fn modals_and_conditions_look_ahead() {
        let dct = "2016-03-11";
        assert_eq!(one("He could win California on Tuesday.", dct).1, "2016-03-15");
        assert_eq!(one("A candidate who can win in November is needed.", dct).1, "2016-11");
        assert_eq!(one("He could have won on Tuesday.", dct).1, "2016-03-08");
        assert_eq!(one("He should not have spoken on Tuesday.", dct).1, "2016-03-08");
        assert_eq!(
            one("We will appeal, because if there is a close election on Tuesday we need clarity.", dct).1,
            "2016-03-15"
        );
        assert_eq!(one("If he follows up with a win on Saturday, he leads.", dct).1, "2016-03-12");
        // Without the condition the present reports.
        assert_eq!(one("There is a close election on Tuesday, officials said.", dct).1, "2016-03-08");
    }

    #[test]
    fn quarter_codes_and_fiscal_years() {
        let dct = "2016-02-10";
        assert_eq!(one("Profit for fiscal year 2016 rose.", dct), ("fiscal year 2016".into(), "2016".into()));
        assert_eq!(one("Q3 revenue fell.", dct).1, "2015-Q3");
        assert_eq!(one("In Q4 2015, sales rose.", dct), ("Q4 2015".into(), "2015-Q4".into()));
        assert_eq!(one("Results for Q2 of 2016 were weak.", dct).1, "2016-Q2");
        // A model name, lower case, or a code in a longer word is no quarter.
        assert!(values("The new Audi Q3 sold well. Form q3 is due. The Q3-class ship sailed.", dct).is_empty());
    }

    #[test]
    fn from_now_and_the_day_before_yesterday() {
        let dct = "2016-03-12";
        assert_eq!(
            one("Three weeks from now, the vote comes.", dct),
            ("Three weeks from now".into(), "2016-W13".into())
        );
        assert_eq!(one("What will it be like a year from now?", dct).1, "2017");
        assert_eq!(
            one("He left the day before yesterday.", dct),
            ("the day before yesterday".into(), "2016-03-10".into())
        );
        assert_eq!(one("He returns the day after tomorrow.", dct).1, "2016-03-14");
        // "from" without "now" is a range start: the duration stays.
        assert_eq!(values("It ran three weeks from March 1.", dct)[0].1, "P3W");
    }
}

//! Normalisation: a [`Parsed`] expression, the dateline and the clause's tense give a
//! TIMEX3 type and value, following TimeBank's conventions.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use super::TimexType;
use super::lex::Unit;
use super::scan::{Clock, Holiday, Parsed, Quantity, Rel, SEASONS, YearSpec};
use super::tense::Tense;

/// Per-document state the resolver carries from one expression to the next.
#[derive(Debug, Default, Clone, Copy)]
pub struct State {
    /// The quarter the article last named ("third-quarter results"): "the quarter",
    /// "a year earlier" refer to it.
    pub focus_quarter: Option<(i32, u8)>,
    /// The article talks about quarters at all (financial results).
    pub quarterly: bool,
    /// The last year written out, for "the following year", "that year".
    pub last_year: Option<i32>,
    /// The last month named (year, month), for "the following month".
    pub last_month: Option<(i32, u8)>,
    /// The last day named, for "the next day", "the previous day".
    pub last_day: Option<Date>,
    /// The last date named was a month without a day ("last October ... that same day"):
    /// a day anaphor then knows the month only.
    pub month_last: bool,
}

impl State {
    /// The quarter "the quarter" and "a year ago" refer to: the last one named, else the
    /// last complete quarter before the dateline.
    fn focus(&self, dct: Option<Date>) -> Option<(i32, u8)> {
        self.focus_quarter.or_else(|| {
            dct.map(|dc| {
                let q = quarter_of(dc.month() as u8);
                if q == 1 { (i32::from(dc.year()) - 1, 4) } else { (i32::from(dc.year()), q - 1) }
            })
        })
    }
}

pub struct Resolved {
    pub kind: TimexType,
    pub value: String,
    /// The calendar day, when the expression names one.
    pub date: Option<Date>,
}

fn date(y: i32, m: u8, d: u8) -> Option<Date> {
    Date::new(i16::try_from(y).ok()?, m as i8, d as i8).ok()
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(n.days()).ok()
}

/// Days from `a` to `b` (negative when `b` is earlier).
pub fn days_between(a: Date, b: Date) -> i64 {
    fn n(d: Date) -> i64 {
        // Days since 0000-03-01 (proleptic Gregorian), the usual civil-from-days inverse.
        let (y, m, d) = (i64::from(d.year()), i64::from(d.month()), i64::from(d.day()));
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe
    }
    n(b) - n(a)
}

fn ymd(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn week(d: Date) -> String {
    let w = d.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn month_shift(y: i32, m: u8, n: i32) -> (i32, u8) {
    let idx = y * 12 + i32::from(m) - 1 + n;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u8)
}

fn quarter_of(m: u8) -> u8 {
    (m - 1) / 3 + 1
}

fn season_of(m: u8) -> u8 {
    match m {
        3..=5 => 0,
        6..=8 => 1,
        9..=11 => 2,
        _ => 3,
    }
}

/// The year of a month (or a month-day) that the dateline and the tense imply.
fn infer_year(dct: Date, m: u8, d: Option<u8>, tense: Tense, rel: Rel) -> i32 {
    let y = i32::from(dct.year());
    let key = |m: u8, d: u8| u16::from(m) * 32 + u16::from(d);
    let now = key(dct.month() as u8, if d.is_some() { dct.day() as u8 } else { 0 });
    let this = key(m, d.unwrap_or(0));
    match rel {
        Rel::Last => {
            // "last February" said in March is February of the year before; "last April"
            // said in October is this year's.
            let dm = dct.month() as u8;
            return if d.is_none() && m + 1 < dm || d.is_some() && this < now { y } else { y - 1 };
        }
        Rel::Next => return if this > now { y } else { y + 1 },
        Rel::This => return y,
        Rel::None => {}
        Rel::Near => {
            let tense = if tense == Tense::Past { tense } else { Tense::Unknown };
            return infer_year(dct, m, d, tense, Rel::None);
        }
    }
    if d.is_some() {
        // A month and day without a year: the nearest one. AP style writes the year only
        // for other years, and "payable Dec. 15" in a past-tense sentence is still ahead.
        // Past tense pulls a date more than two months ahead back a year ("was last seen
        // Nov. 3" in May), the future tense one more than two months behind forward.
        let y = nearest_year(y, m, dct, 6);
        let days = date(y, m, d.unwrap_or(1)).map_or(0, |x| days_between(dct, x));
        return match tense {
            Tense::Past if days > 62 => y - 1,
            Tense::Future if days < -62 => y + 1,
            _ => y,
        };
    }
    // A date just after the dateline in a past-tense clause ("was set to expire Nov. 6",
    // "said on Feb. 10") is this year's: the tense decides only beyond a month.
    let near = |later: bool| match d {
        Some(dd) => {
            let same = date(y, m, dd);
            same.is_some_and(|x| {
                let days = days_between(dct, x);
                if later { (0..=31).contains(&days) } else { (-31..=0).contains(&days) }
            })
        }
        None => {
            let diff = i32::from(m) - i32::from(dct.month() as u8);
            if later { diff == 1 } else { diff == -1 }
        }
    };
    match tense {
        Tense::Past => {
            if this <= now || near(true) {
                y
            } else {
                y - 1
            }
        }
        Tense::Future => {
            if this >= now || near(false) {
                y
            } else {
                y + 1
            }
        }
        // The present tense of a month is a schedule or a state ("the vote is in
        // November"): the nearest one, leaning ahead (up to eight months).
        Tense::Present if d.is_none() => nearest_year(y, m, dct, 8),
        // No tense: the nearest occurrence, months counted.
        _ => nearest_year(y, m, dct, 6),
    }
}

/// The year of month `m` nearest the dateline's: up to `ahead` months later (and
/// 12 - `ahead` earlier) it is this year's.
fn nearest_year(y: i32, m: u8, dct: Date, ahead: i32) -> i32 {
    let diff = i32::from(m) - i32::from(dct.month() as u8);
    if diff > ahead {
        y - 1
    } else if diff < ahead - 12 {
        y + 1
    } else {
        y
    }
}

fn weekday_from(n: u8) -> Weekday {
    Weekday::from_monday_one_offset(n as i8).unwrap_or(Weekday::Monday)
}

/// A weekday near the dateline: the dateline itself when it is that weekday, the
/// previous one in the past tense (and by default in news), the next in the future.
pub fn resolve_weekday(dct: Date, wd: u8, rel: Rel, tense: Tense) -> Option<Date> {
    let target = weekday_from(wd);
    let cur = dct.weekday();
    let back = (cur.to_monday_one_offset() - target.to_monday_one_offset()).rem_euclid(7) as i64;
    let fwd = (target.to_monday_one_offset() - cur.to_monday_one_offset()).rem_euclid(7) as i64;
    let n = match rel {
        Rel::Last => -(if back == 0 { 7 } else { back }),
        Rel::Next => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        Rel::This | Rel::None | Rel::Near => {
            if back == 0 {
                0
            } else if tense == Tense::Future {
                fwd
            } else {
                -back
            }
        }
    };
    add_days(dct, n)
}

fn year_of(spec: YearSpec, dct: Option<Date>) -> Option<i32> {
    match spec {
        YearSpec::Abs(y) => Some(y),
        YearSpec::Rel(r) => dct.map(|d| i32::from(d.year()) + r),
        YearSpec::Infer => None,
    }
}

fn quantity_value(q: Option<Quantity>, unit: Unit) -> String {
    let (letter, t) = unit.letter();
    let tp = if t { "T" } else { "" };
    let Some(q) = q else {
        // "for decades", "decades-long": counted in years, as "two decades" is P20Y.
        if unit == Unit::Decade {
            return "PXY".into();
        }
        return format!("P{tp}X{letter}");
    };
    let mut n = q.whole;
    if unit == Unit::Weekend {
        n *= 2;
    }
    if q.half {
        // Halves go to the next smaller unit: 2 1/2 years = P2Y6M, a minute and a half = PT1M30S.
        if unit == Unit::Decade {
            // "a decade and a half": 15 years.
            return format!("P{}Y", n * 10 + 5);
        }
        let sub = match unit {
            Unit::Year => Some((6, "M", false)),
            Unit::Month => Some((15, "D", false)),
            Unit::Day => Some((12, "H", true)),
            Unit::Hour => Some((30, "M", true)),
            Unit::Minute => Some((30, "S", true)),
            _ => None,
        };
        if let Some((k, l, sub_t)) = sub {
            let whole = if n > 0 { format!("{n}{letter}") } else { String::new() };
            return match (t, sub_t) {
                (true, _) => format!("PT{whole}{k}{l}"),
                (false, true) => format!("P{whole}T{k}{l}"),
                (false, false) => format!("P{whole}{k}{l}"),
            };
        }
    }
    match unit {
        Unit::Decade if n > 1 => format!("P{}Y", n * 10),
        Unit::Century if n > 1 => format!("P{}Y", n * 100),
        Unit::Year if n >= 1000 && n % 1000 == 0 => format!("P{}L", n / 1000),
        _ => format!("P{tp}{n}{letter}"),
    }
}

fn holiday(which: Holiday, y: i32) -> Option<Date> {
    match which {
        Holiday::Thanksgiving => {
            // `nth_weekday` does not count the day it starts from: start the day before
            // the month (Thanksgiving 2018 was Nov. 22, Nov. 1 being a Thursday).
            date(y, 10, 31)?.nth_weekday(4, Weekday::Thursday).ok()
        }
        Holiday::Christmas => date(y, 12, 25),
        Holiday::ChristmasEve => date(y, 12, 24),
        Holiday::NewYearsDay => date(y, 1, 1),
        Holiday::NewYearsEve => date(y, 12, 31),
        Holiday::LaborDay => date(y, 8, 31)?.nth_weekday(1, Weekday::Monday).ok(),
        Holiday::MemorialDay => date(y, 6, 1)?.nth_weekday(-1, Weekday::Monday).ok(),
        // The first Tuesday after Nov. 1: the Tuesday after the first Monday.
        Holiday::ElectionDay => date(y, 11, 1)?.nth_weekday(1, Weekday::Tuesday).ok(),
        Holiday::VeteransDay => date(y, 11, 11),
        Holiday::Halloween => date(y, 10, 31),
    }
}

/// Resolve one expression, and remember the day and month it names for the anaphors
/// after it ("the next day", "the following month").
pub fn resolve(p: &Parsed, dct: Option<Date>, tense: Tense, st: &mut State) -> Resolved {
    let r = resolve_inner(p, dct, tense, st);
    if matches!(r.kind, TimexType::Date | TimexType::Time) {
        if let Some(d) = r.date {
            st.last_day = Some(d);
            st.last_month = Some((i32::from(d.year()), d.month() as u8));
            st.month_last = false;
        } else if let Parsed::Month { .. } = p
            && let (Some(y), Some(m)) =
                (r.value.get(..4).and_then(|y| y.parse().ok()), r.value.get(5..7).and_then(|m| m.parse().ok()))
        {
            st.last_month = Some((y, m));
            st.month_last = true;
        }
    }
    r
}

fn resolve_inner(p: &Parsed, dct: Option<Date>, tense: Tense, st: &mut State) -> Resolved {
    let mk = |kind, value: String, date| Resolved { kind, value, date };
    let dated = |d: Option<Date>| match d {
        Some(d) => mk(TimexType::Date, ymd(d), Some(d)),
        None => mk(TimexType::Date, "XXXX-XX-XX".into(), None),
    };
    let dy = dct.map(|d| i32::from(d.year()));
    match p {
        Parsed::Date { y, m, d, wd } => {
            if let YearSpec::Abs(yy) = y {
                st.last_year = Some(*yy);
            }
            let year = year_of(*y, dct).or_else(|| dct.map(|dc| infer_year(dc, *m, Some(*d), tense, Rel::None)));
            match year {
                Some(yr) => match date(yr, *m, *d) {
                    Some(dt) => dated(Some(dt)),
                    None => mk(TimexType::Date, format!("{yr:04}-{m:02}-{d:02}"), None),
                },
                None => {
                    // No year and no dateline: the weekday written may still pin nothing down.
                    let _ = wd;
                    mk(TimexType::Date, format!("XXXX-{m:02}-{d:02}"), None)
                }
            }
        }
        Parsed::Month { y, m, rel } => {
            if let YearSpec::Abs(yy) = y {
                st.last_year = Some(*yy);
            }
            let year = year_of(*y, dct).or_else(|| dct.map(|dc| infer_year(dc, *m, None, tense, *rel)));
            match year {
                Some(yr) => mk(TimexType::Date, format!("{yr:04}-{m:02}"), None),
                None => mk(TimexType::Date, format!("XXXX-{m:02}"), None),
            }
        }
        Parsed::Weekday { wd, rel } => match dct {
            Some(dc) => dated(resolve_weekday(dc, *wd, *rel, tense)),
            None => mk(TimexType::Date, format!("XXXX-WXX-{wd}"), None),
        },
        Parsed::Year(spec) => match year_of(*spec, dct) {
            Some(y) => {
                if let YearSpec::Abs(_) = spec {
                    st.last_year = Some(y);
                }
                mk(TimexType::Date, format!("{y:04}"), None)
            }
            None => mk(TimexType::Date, "XXXX".into(), None),
        },
        Parsed::Decade(d) => mk(TimexType::Date, format!("{d:03}"), None),
        Parsed::Century(c) => mk(TimexType::Date, format!("{c:02}"), None),
        Parsed::Quarter { y, q } => {
            let year = year_of(*y, dct).or_else(|| {
                dct.map(|dc| {
                    let cur = quarter_of(dc.month() as u8);
                    let yy = i32::from(dc.year());
                    if *q > cur && tense != Tense::Future { yy - 1 } else { yy }
                })
            });
            match year {
                Some(yr) => {
                    // Only a finished quarter can be the one the results are about.
                    if dct.is_some_and(|dc| (yr, *q) < (i32::from(dc.year()), quarter_of(dc.month() as u8))) {
                        st.focus_quarter = Some((yr, *q));
                    }
                    mk(TimexType::Date, format!("{yr:04}-Q{q}"), None)
                }
                None => mk(TimexType::Date, format!("XXXX-Q{q}"), None),
            }
        }
        Parsed::QuarterFocus => match st.focus(dct) {
            Some((y, q)) => {
                st.focus_quarter = Some((y, q));
                mk(TimexType::Date, format!("{y:04}-Q{q}"), None)
            }
            None => mk(TimexType::Date, "XXXX-QX".into(), None),
        },
        Parsed::QuarterShift(0) if st.quarterly && st.focus_quarter.is_some() => {
            let (y, q) = st.focus_quarter.unwrap_or((0, 1));
            mk(TimexType::Date, format!("{y:04}-Q{q}"), None)
        }
        Parsed::QuarterShift(n) => match dct {
            Some(dc) => {
                let idx = i32::from(dc.year()) * 4 + i32::from(quarter_of(dc.month() as u8)) - 1 + n;
                mk(TimexType::Date, format!("{:04}-Q{}", idx.div_euclid(4), idx.rem_euclid(4) + 1), None)
            }
            None => mk(TimexType::Date, "XXXX-QX".into(), None),
        },
        Parsed::YearAgoFocus => match (st.quarterly.then(|| st.focus(dct)).flatten(), dy) {
            (Some((y, q)), _) => mk(TimexType::Date, format!("{:04}-Q{q}", y - 1), None),
            (None, Some(y)) => mk(TimexType::Date, format!("{:04}", y - 1), None),
            _ => mk(TimexType::Date, "XXXX".into(), None),
        },
        Parsed::MonthAnaphor(n) => {
            match st.last_month.or_else(|| dct.map(|d| (i32::from(d.year()), d.month() as u8))) {
                Some((y, m)) => {
                    let (yy, mm) = month_shift(y, m, *n);
                    mk(TimexType::Date, format!("{yy:04}-{mm:02}"), None)
                }
                None => mk(TimexType::Date, "XXXX-XX".into(), None),
            }
        }
        Parsed::WeekOf(day) => {
            let r = resolve_inner(day, dct, tense, st);
            match r.date {
                Some(d) => mk(TimexType::Date, week(d), None),
                None => mk(TimexType::Date, "XXXX-WXX".into(), None),
            }
        }
        Parsed::NewEra(unit) => match dy {
            // Within ten years of the turn, "the new century" is the one after it.
            Some(y) if *unit == Unit::Millennium => {
                mk(TimexType::Date, format!("{}", y / 1000 + i32::from(y % 1000 >= 990)), None)
            }
            Some(y) => mk(TimexType::Date, format!("{:02}", y / 100 + i32::from(y % 100 >= 90)), None),
            None => mk(TimexType::Date, "XX".into(), None),
        },
        Parsed::DayFrom { day, n } => {
            let r = resolve_inner(day, dct, tense, st);
            dated(r.date.and_then(|d| add_days(d, i64::from(*n))))
        }
        Parsed::DayAnaphor(_)
            if st.month_last
                && let Some((y, m)) = st.last_month =>
        {
            mk(TimexType::Date, format!("{y:04}-{m:02}-XX"), None)
        }
        Parsed::DayAnaphor(n) => dated(st.last_day.or(dct).and_then(|d| add_days(d, i64::from(*n)))),
        Parsed::WeekdayAnaphor { wd, n } => match st.last_day.or(dct) {
            Some(base) => {
                let (b, t) = (i64::from(base.weekday().to_monday_one_offset()), i64::from(*wd));
                let step = if *n < 0 { -(b - t - 1).rem_euclid(7) - 1 } else { (t - b - 1).rem_euclid(7) + 1 };
                dated(add_days(base, step))
            }
            None => mk(TimexType::Date, format!("XXXX-WXX-{wd}"), None),
        },
        Parsed::YearAnaphor(n) => match st.last_year.or(dy) {
            Some(y) => mk(TimexType::Date, format!("{:04}", y + n), None),
            None => mk(TimexType::Date, "XXXX".into(), None),
        },
        Parsed::YearPeriod(y) => match (st.quarterly, st.focus(dct)) {
            (true, Some((_, q))) => mk(TimexType::Date, format!("{y:04}-Q{q}"), None),
            _ => mk(TimexType::Date, format!("{y:04}"), None),
        },
        Parsed::Half { y, h } => {
            let year = year_of(*y, dct).or(dy);
            match year {
                Some(yr) => mk(TimexType::Date, format!("{yr:04}-H{h}"), None),
                None => mk(TimexType::Date, format!("XXXX-H{h}"), None),
            }
        }
        Parsed::Season { y, s, rel } => {
            let code = SEASONS[*s as usize];
            let year = year_of(*y, dct).or_else(|| {
                dct.map(|dc| {
                    // Seasons on one line: index = year * 4 + season, winter counted in
                    // the year it starts (January is in the previous year's winter).
                    let mm = dc.month() as u8;
                    let cy = i32::from(dc.year()) - i32::from(mm <= 2);
                    let cur = cy * 4 + i32::from(season_of(mm));
                    let s = i32::from(*s);
                    let last = |strict: bool| {
                        let mut i = cur - i32::from(strict);
                        while i.rem_euclid(4) != s {
                            i -= 1;
                        }
                        i.div_euclid(4)
                    };
                    let next = |strict: bool| {
                        let mut i = cur + i32::from(strict);
                        while i.rem_euclid(4) != s {
                            i += 1;
                        }
                        i.div_euclid(4)
                    };
                    match rel {
                        Rel::Last => last(true),
                        Rel::Next => next(true),
                        // "expecting their second child this summer", said in December:
                        // a season already over this year, told ahead, is next year's.
                        Rel::This
                            if tense == Tense::Future
                                && (mm == 12 && s != 3 || season_of(mm) < 3 && s < i32::from(season_of(mm))) =>
                        {
                            i32::from(dc.year()) + 1
                        }
                        Rel::This => i32::from(dc.year()),
                        Rel::None | Rel::Near => match tense {
                            Tense::Past => last(false),
                            Tense::Future => next(false),
                            _ => i32::from(dc.year()),
                        },
                    }
                })
            });
            match year {
                Some(yr) => mk(TimexType::Date, format!("{yr:04}-{code}"), None),
                None => mk(TimexType::Date, format!("XXXX-{code}"), None),
            }
        }
        Parsed::Shift { unit, n } => shift(dct, *unit, i64::from(*n)),
        Parsed::Ago { n, unit } => match n {
            Some(n) => shift(dct, *unit, -i64::from(*n)),
            None => mk(TimexType::Date, "PAST_REF".into(), None),
        },
        Parsed::AgoAt { n, unit, at } => {
            let Some(dc) = dct else {
                let v = match at {
                    Unit::Day => "XXXX-XX-XX",
                    Unit::Week => "XXXX-WXX",
                    Unit::Month => "XXXX-XX",
                    _ => "XXXX",
                };
                return mk(TimexType::Date, v.into(), None);
            };
            let n = i64::from(*n);
            let back = match unit {
                Unit::Day => dc.checked_sub(n.days()),
                Unit::Week => dc.checked_sub((7 * n).days()),
                Unit::Month => dc.checked_sub(n.months()),
                Unit::Quarter => dc.checked_sub((3 * n).months()),
                Unit::Year => dc.checked_sub(n.years()),
                Unit::Decade => dc.checked_sub((10 * n).years()),
                Unit::Century => dc.checked_sub((100 * n).years()),
                _ => return shift(dct, *unit, -n),
            };
            match (back.ok(), at) {
                (Some(d), Unit::Day) => dated(Some(d)),
                (Some(d), Unit::Week) => mk(TimexType::Date, week(d), None),
                (Some(d), Unit::Month) => mk(TimexType::Date, format!("{:04}-{:02}", d.year(), d.month()), None),
                (Some(d), _) => mk(TimexType::Date, format!("{:04}", d.year()), None),
                (None, _) => shift(dct, *unit, -n),
            }
        }
        Parsed::NthWeek { of, n } => {
            let r = resolve_inner(of, dct, tense, st);
            let v = r.value.as_bytes();
            let year: Option<i32> = r.value.get(..4).and_then(|y| y.parse().ok());
            let month: Option<u8> =
                if v.len() == 7 && v[4] == b'-' { r.value.get(5..7).and_then(|m| m.parse().ok()) } else { None };
            let day = match (year, month, v.len()) {
                (Some(y), Some(m), _) => {
                    let d = if *n < 0 {
                        date(y, m, 1).map(|d| d.days_in_month() as u8 - 3)
                    } else {
                        Some(7 * (*n as u8) - 3)
                    };
                    d.and_then(|d| date(y, m, d))
                }
                (Some(y), None, 4) => {
                    if *n < 0 {
                        date(y, 12, 28)
                    } else {
                        date(y, 1, 7 * (*n as u8) - 3)
                    }
                }
                _ => None,
            };
            match day {
                Some(d) => mk(TimexType::Date, week(d), None),
                None => mk(TimexType::Date, "XXXX-WXX".into(), None),
            }
        }
        Parsed::PastWeek => match dct {
            Some(dc) => {
                let weekend = dc.weekday().to_monday_one_offset() >= 6;
                let d = if weekend { dc } else { add_days(dc, -7).unwrap_or(dc) };
                mk(TimexType::Date, week(d), None)
            }
            None => mk(TimexType::Date, "XXXX-WXX".into(), None),
        },
        Parsed::Weekend { n, this } => match dct {
            Some(dc) => {
                // "the weekend": the one just past unless told in the future tense; "this
                // weekend": the coming one unless told in the past tense. An article dated
                // on a weekend day means that weekend.
                let wd = dc.weekday().to_monday_one_offset();
                let past = if *this { tense == Tense::Past } else { tense != Tense::Future };
                let base = if wd >= 6 {
                    dc
                } else if *n == 0 && past {
                    add_days(dc, -7).unwrap_or(dc)
                } else {
                    dc
                };
                let base = add_days(base, 7 * i64::from(*n)).unwrap_or(base);
                mk(TimexType::Date, format!("{}-WE", week(base)), None)
            }
            None => mk(TimexType::Date, "XXXX-WXX-WE".into(), None),
        },
        Parsed::Ref(r) if r.starts_with('P') && !r.ends_with("_REF") => mk(TimexType::Duration, (*r).to_string(), None),
        Parsed::Ref(r) => mk(TimexType::Date, (*r).to_string(), None),
        Parsed::Duration { n, unit } => mk(TimexType::Duration, quantity_value(*n, *unit), None),
        Parsed::Set(v) => mk(TimexType::Set, v.clone(), None),
        Parsed::Time { day, clock } => {
            let base = match day {
                Some(d) => resolve_inner(d, dct, tense, st),
                None => dated(dct),
            };
            let suffix = match clock {
                Clock::Hm(h, m) => format!("T{h:02}:{m:02}"),
                Clock::Part(p) => format!("T{p}"),
            };
            let value = if base.value.len() >= 10 { format!("{}{suffix}", &base.value[..10]) } else { base.value };
            mk(TimexType::Time, value, base.date)
        }
        Parsed::Holiday { y, which } => {
            let year = match y {
                YearSpec::Rel(-100) => dy.map(|y| {
                    let this = holiday(*which, y);
                    if this.is_some_and(|d| Some(d) < dct) { y } else { y - 1 }
                }),
                YearSpec::Rel(100) => dy.map(|y| {
                    let this = holiday(*which, y);
                    if this.is_some_and(|d| Some(d) > dct) { y } else { y + 1 }
                }),
                _ => year_of(*y, dct).or_else(|| {
                    dct.map(|dc| {
                        let yy = i32::from(dc.year());
                        let this = holiday(*which, yy);
                        // "Election Day" is the coming election unless it is told as over:
                        // campaign news looks ahead to it all year.
                        let tense = match (which, tense) {
                            (Holiday::ElectionDay, Tense::Past) if this.is_some_and(|d| d <= dc) => Tense::Past,
                            (Holiday::ElectionDay, _) => Tense::Future,
                            _ => tense,
                        };
                        match tense {
                            Tense::Future => {
                                if this.is_some_and(|d| d >= dc) {
                                    yy
                                } else {
                                    yy + 1
                                }
                            }
                            Tense::Past => {
                                if this.is_some_and(|d| d <= dc) {
                                    yy
                                } else {
                                    yy - 1
                                }
                            }
                            // No tense: the nearer one ("the ad airs the day after
                            // Christmas" a week before it).
                            _ => (yy - 1..=yy + 1)
                                .min_by_key(|&y| holiday(*which, y).map_or(i64::MAX, |d| days_between(dc, d).abs()))
                                .unwrap_or(yy),
                        }
                    })
                }),
            };
            dated(year.and_then(|y| holiday(*which, y)))
        }
    }
}

/// "last week", "next month", "three years ago": the dateline moved by `n` units, at the
/// granularity of the unit.
fn shift(dct: Option<Date>, unit: Unit, n: i64) -> Resolved {
    let mk = |value: String, date| Resolved { kind: TimexType::Date, value, date };
    let Some(dc) = dct else {
        let v = match unit {
            Unit::Day => "XXXX-XX-XX",
            Unit::Week => "XXXX-WXX",
            Unit::Month => "XXXX-XX",
            Unit::Quarter => "XXXX-QX",
            _ => "XXXX",
        };
        return mk(v.into(), None);
    };
    let y = i32::from(dc.year());
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => mk(ymd(dc), Some(dc)),
        Unit::Day => {
            let d = add_days(dc, n);
            mk(d.map_or_else(|| "XXXX-XX-XX".into(), ymd), d)
        }
        Unit::Week | Unit::Weekend => {
            let d = add_days(dc, 7 * n).unwrap_or(dc);
            mk(week(d), None)
        }
        Unit::Month => {
            let (yy, mm) = month_shift(y, dc.month() as u8, n as i32);
            mk(format!("{yy:04}-{mm:02}"), None)
        }
        Unit::Quarter => {
            let idx = y * 4 + i32::from(quarter_of(dc.month() as u8)) - 1 + n as i32;
            mk(format!("{:04}-Q{}", idx.div_euclid(4), idx.rem_euclid(4) + 1), None)
        }
        Unit::Year => mk(format!("{:04}", y + n as i32), None),
        Unit::Decade => mk(format!("{:03}", (y + 10 * n as i32) / 10), None),
        Unit::Century => mk(format!("{:02}", (y + 100 * n as i32) / 100), None),
        Unit::Millennium => mk(format!("{}", (y + 1000 * n as i32) / 1000), None),
    }
}

#[cfg(test)]
mod holiday_tests {
    use super::*;

    #[test]
    fn holidays_on_the_edges_of_their_months() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        // Nov. 1, 2018 was a Thursday: Thanksgiving was the 22nd, not the 29th.
        assert_eq!(holiday(Holiday::Thanksgiving, 2018), Some(d("2018-11-22")));
        assert_eq!(holiday(Holiday::Thanksgiving, 1998), Some(d("1998-11-26")));
        // Sept. 1, 2003 was a Monday, and Labor Day.
        assert_eq!(holiday(Holiday::LaborDay, 2003), Some(d("2003-09-01")));
        // May 31, 1999 was a Monday, and Memorial Day.
        assert_eq!(holiday(Holiday::MemorialDay, 1999), Some(d("1999-05-31")));
        // Nov. 2, 2004 was a Tuesday after Monday Nov. 1: Election Day.
        assert_eq!(holiday(Holiday::ElectionDay, 2004), Some(d("2004-11-02")));
        // 2000: Nov. 1 a Wednesday, first Monday Nov. 6, Election Day Nov. 7.
        assert_eq!(holiday(Holiday::ElectionDay, 2000), Some(d("2000-11-07")));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn weekday_follows_tense_and_dateline() {
        let dct = d("2022-02-03"); // Thursday
        assert_eq!(resolve_weekday(dct, 2, Rel::None, Tense::Past), Some(d("2022-02-01")));
        assert_eq!(resolve_weekday(dct, 2, Rel::None, Tense::Future), Some(d("2022-02-08")));
        assert_eq!(resolve_weekday(dct, 4, Rel::None, Tense::Future), Some(dct));
        assert_eq!(resolve_weekday(dct, 4, Rel::Last, Tense::Unknown), Some(d("2022-01-27")));
        assert_eq!(resolve_weekday(dct, 5, Rel::Next, Tense::Unknown), Some(d("2022-02-04")));
    }

    #[test]
    fn month_year_follows_tense() {
        let dct = d("2022-02-03");
        assert_eq!(infer_year(dct, 12, None, Tense::Past, Rel::None), 2021);
        assert_eq!(infer_year(dct, 12, None, Tense::Future, Rel::None), 2022);
        assert_eq!(infer_year(dct, 4, None, Tense::Past, Rel::None), 2021);
        assert_eq!(infer_year(dct, 1, Some(20), Tense::Past, Rel::None), 2022);
        assert_eq!(infer_year(dct, 12, Some(20), Tense::Future, Rel::None), 2021);
        assert_eq!(infer_year(d("2016-07-27"), 12, Some(4), Tense::Past, Rel::None), 2015);
        assert_eq!(days_between(d("2016-07-27"), d("2016-12-04")), 130);
        assert_eq!(days_between(d("2022-03-01"), d("2022-02-27")), -2);
        assert_eq!(infer_year(dct, 11, None, Tense::Unknown, Rel::None), 2021);
        assert_eq!(infer_year(dct, 2, Some(10), Tense::Past, Rel::None), 2022);
        // A deadline next month in a past-tense clause ("gave them until March") is ahead.
        assert_eq!(infer_year(dct, 3, None, Tense::Past, Rel::None), 2022);
        // "the nominee in November", said in March: the present looks ahead up to eight
        // months, back up to four ("prices are up from November" said in February).
        let march = d("2016-03-15");
        assert_eq!(infer_year(march, 11, None, Tense::Present, Rel::None), 2016);
        assert_eq!(infer_year(march, 11, None, Tense::Unknown, Rel::None), 2015);
        assert_eq!(infer_year(d("2016-02-15"), 11, None, Tense::Present, Rel::None), 2015);
    }

    #[test]
    fn shifts_and_durations() {
        let dct = Some(d("2022-02-03"));
        assert_eq!(shift(dct, Unit::Week, -1).value, "2022-W04");
        assert_eq!(shift(dct, Unit::Month, -2).value, "2021-12");
        assert_eq!(shift(dct, Unit::Quarter, -1).value, "2021-Q4");
        assert_eq!(quantity_value(Some(Quantity { whole: 2, half: true }), Unit::Year), "P2Y6M");
        assert_eq!(quantity_value(Some(Quantity { whole: 1, half: true }), Unit::Minute), "PT1M30S");
        assert_eq!(quantity_value(None, Unit::Month), "PXM");
        assert_eq!(quantity_value(Some(Quantity { whole: 2, half: false }), Unit::Decade), "P20Y");
        assert_eq!(quantity_value(None, Unit::Decade), "PXY");
    }

    #[test]
    fn this_season_told_ahead_late_in_the_year() {
        let mut st = State::default();
        let summer = Parsed::Season { y: YearSpec::Infer, s: 1, rel: Rel::This };
        let dec = Some(d("2015-12-21"));
        assert_eq!(resolve(&summer, dec, Tense::Future, &mut st).value, "2016-SU");
        assert_eq!(resolve(&summer, dec, Tense::Past, &mut st).value, "2015-SU");
        assert_eq!(resolve(&summer, Some(d("2016-03-15")), Tense::Future, &mut st).value, "2016-SU");
        let winter = Parsed::Season { y: YearSpec::Infer, s: 3, rel: Rel::This };
        assert_eq!(resolve(&winter, dec, Tense::Future, &mut st).value, "2015-WI");
    }
}

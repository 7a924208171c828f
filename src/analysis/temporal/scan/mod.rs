//! Detection: the grammar over the tokens of one sentence, producing unresolved
//! [`Parsed`] expressions with their token ranges.

use super::lex::{Lex, Pod, Tok, TokKind, Unit, W};

mod calendar;
mod quantities;

/// A year as written: to be inferred, given, or relative to the dateline's year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearSpec {
    Infer,
    Abs(i32),
    Rel(i32),
}

/// "last", "this", "next" before a weekday, month or season.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rel {
    None,
    Last,
    This,
    Next,
    /// A month written as a noun's modifier ("a June poll"): the nearest one unless the
    /// clause is past (a present or future verb dates the clause, not the noun).
    Near,
}

/// A time of day: a clock time or a TIMEX3 part of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    Hm(u8, u8),
    Part(&'static str),
}

/// What the grammar recognised, before the dateline and tense resolve it.
#[derive(Debug, Clone, PartialEq)]
pub enum Parsed {
    /// A calendar date as written; `wd` the weekday written with it.
    Date {
        y: YearSpec,
        m: u8,
        d: u8,
        wd: Option<u8>,
    },
    Month {
        y: YearSpec,
        m: u8,
        rel: Rel,
    },
    Weekday {
        wd: u8,
        rel: Rel,
    },
    Year(YearSpec),
    /// First three digits: 199 for the 1990s.
    Decade(i32),
    /// First two digits: 19 for the 20th century.
    Century(i32),
    Quarter {
        y: YearSpec,
        q: u8,
    },
    /// "the quarter", "the latest quarter": the quarter the article is about.
    QuarterFocus,
    /// "last quarter" (-1), "this quarter" (0), "next quarter" (+1).
    QuarterShift(i32),
    /// "a year ago", "a year earlier", "year-earlier": the same quarter a year before
    /// in an article about quarterly results, else last year.
    YearAgoFocus,
    Half {
        y: YearSpec,
        h: u8,
    },
    /// "the following year" (+1), "the previous year" (-1), "that year" (0): relative to
    /// the last year the article named.
    YearAnaphor(i32),
    /// "the following month" (+1), "the previous month" (-1): relative to the last month
    /// the article named, as "the following year" is to its year.
    MonthAnaphor(i32),
    /// "the next day", "the following day" (+1), "the previous day" (-1): relative to the
    /// last day the article named (a narrative moves on from it), else the dateline.
    DayAnaphor(i32),
    /// "the previous Friday" (-1), "the following Monday" (+1): the nearest such weekday
    /// before or after the last day the article named (TimeML anaphoric reference), where
    /// "last Friday" counts back from the dateline.
    WeekdayAnaphor {
        wd: u8,
        n: i32,
    },
    /// "the day after Christmas" (+1), "the day before Feb. 3" (-1).
    DayFrom {
        day: Box<Parsed>,
        n: i32,
    },
    /// "the new century", "the new millennium": the one just begun or about to begin.
    NewEra(Unit),
    /// "the week of March 6": the ISO week of that day.
    WeekOf(Box<Parsed>),
    /// "the 1988 period": that year's quarter in an article about quarterly results.
    YearPeriod(i32),
    Season {
        y: YearSpec,
        s: u8,
        rel: Rel,
    },
    Shift {
        unit: Unit,
        n: i32,
    },
    /// "three days ago": `n` None for "several days ago".
    Ago {
        n: Option<u32>,
        unit: Unit,
    },
    /// "two years ago this month", "a year ago this week", "ten years ago today", "a year
    /// ago to the day": the dateline moved back `n` units, named at the granularity `at`.
    AgoAt {
        n: u32,
        unit: Unit,
        at: Unit,
    },
    /// "the first week of March" (`n` 1..=4), "the last week of the year" (`n` -1): the
    /// ISO week that holds most of that week of the month or year, i.e. the week of its
    /// 4th, 11th, 18th or 25th day, or of its fourth-last day (ISO 8601 counts a year's
    /// first week the same way, from Jan. 4).
    NthWeek {
        of: Box<Parsed>,
        n: i8,
    },
    /// "this past week": on a weekend dateline the week now ending, else the week before.
    PastWeek,
    /// "the weekend" (n 0) by tense, "last weekend" (-1), "next weekend" (+1); `this` for
    /// "this weekend", the coming one unless told in the past tense.
    Weekend {
        n: i32,
        this: bool,
    },
    Ref(&'static str),
    Duration {
        n: Option<Quantity>,
        unit: Unit,
    },
    Set(String),
    Time {
        day: Option<Box<Parsed>>,
        clock: Clock,
    },
    /// Thanksgiving (4th Thursday of November), Christmas, ...: month, day or weekday rule.
    Holiday {
        y: YearSpec,
        which: Holiday,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    Thanksgiving,
    Christmas,
    ChristmasEve,
    NewYearsDay,
    NewYearsEve,
    /// First Monday of September.
    LaborDay,
    /// Last Monday of May.
    MemorialDay,
    /// The Tuesday after the first Monday of November.
    ElectionDay,
    VeteransDay,
    Halloween,
}

/// An amount of a unit: whole units plus a fraction in twelfths / sixtieths handled
/// by the resolver ("2 1/2 years" -> 2 and half).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quantity {
    pub whole: u32,
    pub half: bool,
}

/// A recognised expression: token range, meaning and TIMEX3 mod.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub parsed: Parsed,
    pub modifier: Option<&'static str>,
}

pub struct Scanner<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
}

fn is_word(t: &Tok, w: W) -> bool {
    t.lex == Lex::Word(w)
}

impl<'a> Scanner<'a> {
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }
    fn w(&self, i: usize, w: W) -> bool {
        self.tok(i).is_some_and(|t| is_word(t, w))
    }
    fn punct(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.kind == TokKind::Punct(c))
    }
    fn lex(&self, i: usize) -> Lex {
        self.tok(i).map_or(Lex::None, |t| t.lex)
    }
    fn s(&self, i: usize) -> &'a str {
        self.tok(i).map_or("", |t| &self.text[t.start..t.end])
    }
    fn is(&self, i: usize, word: &str) -> bool {
        self.s(i).eq_ignore_ascii_case(word)
    }
    /// Tokens `i` and `i+1` touch (no space between): "mid-1990s", "a.m.".
    fn touching(&self, i: usize) -> bool {
        match (self.tok(i), self.tok(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// Every expression in the sentence, left to right, longest first.
    pub fn scan(&self, out: &mut Vec<Found>) {
        let mut i = 0;
        while i < self.toks.len() {
            if let Some(f) = self.at(i) {
                i = f.end.max(i + 1);
                // "April 24 and 25", "March 3-5": the second day is a date of the same month
                // (after a dash only a later day, so a score or a count is left alone).
                if let Parsed::Date { y, m, d: first_day, wd: None } = f.parsed
                    && let Some(t) = self.tok(i + 1)
                    && t.kind == TokKind::Number
                    && t.digits <= 2
                    && let Some(d) = t.num.filter(|d| (1..=31).contains(d))
                    && (self.w(i, W::And)
                        || self.w(i, W::Or)
                        || self.w(i, W::To)
                        || (self.punct(i, '-') && d > u32::from(first_day)))
                    && !matches!(self.lex(i + 2), Lex::Unit(..) | Lex::Month(..))
                {
                    out.push(f);
                    out.push(Found {
                        start: i + 1,
                        end: i + 2,
                        parsed: Parsed::Date { y, m, d: d as u8, wd: None },
                        modifier: None,
                    });
                    i += 2;
                    continue;
                }
                // "1998-99", "the 1999-2000 season": a range of years names both, as
                // "1998-1999" does.
                if let Parsed::Year(YearSpec::Abs(y)) = f.parsed
                    && (self.punct(i, '-') || self.punct(i, '/'))
                    && self.touching(i - 1)
                    && self.touching(i)
                    && let Some(t) = self.tok(i + 1)
                    && t.kind == TokKind::Number
                    && t.digits == 2
                    && let Some(n) = t.num
                {
                    let mut second = y - y.rem_euclid(100) + n as i32;
                    if second <= y {
                        second += 100;
                    }
                    out.push(f);
                    if second - y <= 10 {
                        out.push(Found {
                            start: i + 1,
                            end: i + 2,
                            parsed: Parsed::Year(YearSpec::Abs(second)),
                            modifier: None,
                        });
                        i += 2;
                    }
                    continue;
                }
                out.push(f);
            } else {
                i += 1;
            }
        }
    }

    fn found(start: usize, end: usize, parsed: Parsed, modifier: Option<&'static str>) -> Option<Found> {
        Some(Found { start, end, parsed, modifier })
    }

    /// An expression starting at token `i`, with its leading modifiers.
    fn at(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        // Quick reject: most tokens start nothing.
        if matches!(t.lex, Lex::None)
            && !matches!(
                t.kind,
                TokKind::Number
                    | TokKind::Decade
                    | TokKind::OrdinalNum
                    | TokKind::Clock(..)
                    | TokKind::IsoDate(..)
                    | TokKind::SlashDate(..)
                    | TokKind::OtherNumber
            )
            && !(t.kind == TokKind::Punct('\'') && self.tok(i + 1).is_some_and(|n| n.kind == TokKind::Decade))
        {
            return None;
        }
        // Approximators belong to the expression in TimeML ("nearly forty years").
        if let Some((j, m)) = self.approx(i)
            && let Some(mut f) = self.quantity_expr(j)
        {
            f.start = i;
            f.modifier = f.modifier.or(Some(m));
            return Some(f);
        }
        // "the end of November", "the beginning of 1990", "early next year", "mid-1996".
        if let Some((j, m)) = self.position(i)
            && let Some(mut f) = self.core(j)
            && !matches!(f.parsed, Parsed::Duration { .. } | Parsed::Set(_) | Parsed::Ref(_))
        {
            // "late yesterday" is still the day; the mod says which part.
            f.start = i;
            f.modifier = Some(m);
            return Some(f);
        }
        // "the end of the month", "the beginning of the week": the current one, as "the
        // end of the year" is this year's end.
        if let Some((j, m)) = self.position(i)
            && j > i + 1
            && self.w(j, W::The)
            && let Lex::Unit(unit @ (Unit::Week | Unit::Month), false) = self.lex(j + 1)
        {
            return Self::found(i, j + 2, Parsed::Shift { unit, n: 0 }, Some(m));
        }
        // "earlier this month", "later Friday", "Earlier Sunday".
        if (self.w(i, W::Earlier) || self.w(i, W::Later))
            && let Some(mut f) = self.core(i + 1)
            && matches!(
                f.parsed,
                Parsed::Shift { .. }
                    | Parsed::Weekday { .. }
                    | Parsed::Time { .. }
                    | Parsed::Date { .. }
                    | Parsed::Month { .. }
                    | Parsed::Year(_)
                    | Parsed::DayAnaphor(0)
                    | Parsed::MonthAnaphor(0)
                    | Parsed::YearAnaphor(0)
                    | Parsed::WeekOf(_)
            )
        {
            f.start = i;
            return Some(f);
        }
        self.core(i)
    }

    /// nearly, almost, about, around, approximately, more than, less than, at least, up to.
    fn approx(&self, i: usize) -> Option<(usize, &'static str)> {
        let t = self.tok(i)?;
        match t.lex {
            Lex::Word(W::Nearly | W::Almost) => Some((i + 1, "LESS_THAN")),
            Lex::Word(W::About | W::Around | W::Approximately) => Some((i + 1, "APPROX")),
            Lex::Word(W::More) if self.w(i + 1, W::Than) => Some((i + 2, "MORE_THAN")),
            Lex::Word(W::Less) if self.w(i + 1, W::Than) => Some((i + 2, "LESS_THAN")),
            Lex::Word(W::At) if self.w(i + 1, W::Least) => Some((i + 2, "EQUAL_OR_MORE")),
            Lex::Word(W::Up) if self.w(i + 1, W::To) => Some((i + 2, "EQUAL_OR_LESS")),
            _ => None,
        }
    }

    /// "early", "late", "mid-", "the end of", "the beginning of", "the middle of".
    fn position(&self, i: usize) -> Option<(usize, &'static str)> {
        let t = self.tok(i)?;
        let the = usize::from(is_word(t, W::The));
        let k = i + the;
        let m = match self.lex(k) {
            Lex::Word(W::Early) if the == 0 => "START",
            Lex::Word(W::Late) if the == 0 => "END",
            Lex::Word(W::Mid) => "MID",
            Lex::Word(W::End) if the == 1 && self.w(k + 1, W::Of) => return Some((k + 2, "END")),
            Lex::Word(W::Beginning | W::Start) if the == 1 && self.w(k + 1, W::Of) => return Some((k + 2, "START")),
            Lex::Word(W::Middle) if the == 1 && self.w(k + 1, W::Of) => return Some((k + 2, "MID")),
            _ => return None,
        };
        // "mid-1990s", "mid 1996", "early-1990s".
        let j = if self.punct(k + 1, '-') { k + 2 } else { k + 1 };
        Some((j, m))
    }

    /// Everything but leading modifiers.
    fn core(&self, i: usize) -> Option<Found> {
        let t = *self.tok(i)?;
        match t.lex {
            Lex::Word(W::The) => return self.after_the(i),
            Lex::Weekday(wd) => return self.weekday(i, wd, Rel::None, i),
            Lex::Weekdays(wd) if t.cap => {
                // "on Tuesdays", "Sunday mornings": every such day (TIMEX3 SET).
                let (end, v) = self.weekday_set(i + 1, wd);
                return Self::found(i, end, Parsed::Set(v), None);
            }
            Lex::Month(..) => return self.month(i, YearSpec::Infer, i),
            // "Q3 revenue", "Q4 2015": written in capitals, and not after a name ("Audi Q3").
            Lex::QuarterCode(q) if t.cap && !self.punct(i + 1, '-') && !self.after_name(i) => {
                let (end, y) = self.year_suffix(i + 1);
                let (end, y) = if y == YearSpec::Infer { self.of_year(i + 1) } else { (end, y) };
                return Self::found(i, end, Parsed::Quarter { y, q }, None);
            }
            // "a monthlong strike", "a weeklong visit" (closed compounds, NYT style).
            Lex::UnitLong(unit) => {
                return Self::found(
                    i,
                    i + 1,
                    Parsed::Duration { n: Some(Quantity { whole: 1, half: false }), unit },
                    None,
                );
            }
            Lex::Word(w) => {
                if let Some(f) = self.word(i, w) {
                    return Some(f);
                }
            }
            Lex::Season(s) => {
                let verb_before = i > 0
                    && ["to", "and", "or", "of", "for", "will", "could", "would", "may"]
                        .iter()
                        .any(|w| self.is(i - 1, w));
                // "the Arab Spring", "the Prague Spring": a name.
                let name = t.cap && i > 1 && self.tok(i - 1).is_some_and(|p| p.cap && p.kind == TokKind::Word);
                // "a free-fall", "a pre-fall sale": the second half of a compound.
                let compound = i > 1
                    && self.punct(i - 1, '-')
                    && self.touching(i - 1)
                    && self.touching(i - 2)
                    && self.tok(i - 2).is_some_and(|p| p.kind == TokKind::Word && p.lex == Lex::None);
                if !verb_before && !name && !compound && (t.cap || self.prev_is_prep(i)) {
                    let (end, y) = self.year_suffix(i + 1);
                    return Self::found(i, end, Parsed::Season { y, s, rel: Rel::None }, None);
                }
            }
            Lex::Ordinal(n) => {
                if let Some(f) = self.ordinal(i, n, YearSpec::Infer, i) {
                    return Some(f);
                }
            }
            Lex::Noon | Lex::Midnight => {
                let clock = if t.lex == Lex::Noon { Clock::Hm(12, 0) } else { Clock::Hm(24, 0) };
                let (end, day) = self.day_after_time(i + 1);
                return Self::found(i, end, Parsed::Time { day, clock }, None);
            }
            _ => {}
        }
        match t.kind {
            TokKind::IsoDate(y, m, d) => {
                return Self::found(i, i + 1, Parsed::Date { y: YearSpec::Abs(y), m, d, wd: None }, None);
            }
            TokKind::SlashDate(m, d, y) => {
                return Self::found(i, i + 1, Parsed::Date { y: YearSpec::Abs(y), m, d, wd: None }, None);
            }
            TokKind::Clock(h, m) => return self.clock(i, h, m),
            TokKind::Decade => {
                let n = t.num? as i32;
                let dec = match t.digits {
                    4 => n / 10,
                    2 if self.prev_apostrophe(i) || self.w(i.wrapping_sub(1), W::The) || self.prev_is_prep(i) => {
                        if n >= 30 { 190 + n / 10 } else { 200 + n / 10 }
                    }
                    _ => return None,
                };
                let start = if self.prev_apostrophe(i) { i - 1 } else { i };
                return Self::found(start, i + 1, Parsed::Decade(dec), None);
            }
            TokKind::Punct('\'') if self.tok(i + 1).is_some_and(|n| n.kind == TokKind::Decade) => {
                let mut f = self.core(i + 1)?;
                f.start = i;
                return Some(f);
            }
            TokKind::OrdinalNum => {
                let n = t.num?;
                if (1..=31).contains(&n)
                    && self.w(i + 1, W::Of)
                    && let Lex::Month(m, _) = self.lex(i + 2)
                {
                    // "the 5th of March"
                    let (end, y) = self.year_after(i + 3);
                    return Self::found(i, end, Parsed::Date { y, m, d: n as u8, wd: None }, None);
                }
                if n < 22 && self.is(i + 1, "century") {
                    return Self::found(i, i + 2, Parsed::Century(n as i32 - 1), None);
                }
                if (1..=4).contains(&n)
                    && let Some(f) = self.ordinal(i, n as u8, YearSpec::Infer, i)
                {
                    return Some(f);
                }
            }
            TokKind::Number => {
                if let Some(f) = self.number(i, t) {
                    return Some(f);
                }
            }
            _ => {}
        }
        if let Some((end, y)) = self.spoken_year(i) {
            return Self::found(i, end, Parsed::Year(YearSpec::Abs(y)), None);
        }
        if let Lex::Number(_) | Lex::Vague | Lex::Couple = t.lex {
            return self.quantity_expr(i);
        }
        if t.lex == Lex::Unit(Unit::Year, false) {
            // "year-end", "year end", "year's end"
            let end_at = if self.punct(i + 1, '-') {
                i + 2
            } else if self.punct(i + 1, '\'') && self.is(i + 2, "s") {
                i + 3
            } else {
                i + 1
            };
            if self.w(end_at, W::End) {
                return Self::found(i, end_at + 1, Parsed::Year(YearSpec::Rel(0)), Some("END"));
            }
            if self.punct(i + 1, '-') {
                return self.year_ago_adj(i, i);
            }
        }
        if let Lex::PartOfDay(p) = t.lex {
            // "mid-afternoon yesterday", "afternoon" after "mid-" / "by".
            let (end, day) = self.day_after_time(i + 1);
            let mid = i > 0 && (self.is(i - 1, "mid") || (self.is(i - 1, "-") && self.is(i.saturating_sub(2), "mid")));
            if day.is_some() || mid {
                return Self::found(i, end, Parsed::Time { day, clock: Clock::Part(p.code()) }, None);
            }
        }
        if let Lex::Unit(..) = t.lex {
            return self.quantity_expr(i);
        }
        if let Lex::Word(W::A | W::An) = t.lex {
            return self.quantity_expr(i);
        }
        None
    }

    /// A capitalised word inside the sentence stands before `i` ("the Audi Q3").
    fn after_name(&self, i: usize) -> bool {
        i > 1 && self.tok(i - 1).is_some_and(|p| p.cap && p.kind == TokKind::Word)
    }

    fn prev_apostrophe(&self, i: usize) -> bool {
        i > 0 && self.punct(i - 1, '\'') && self.touching(i - 1)
    }

    /// Prepositions and modifiers after which a bare month, season or year is a date.
    fn prev_is_prep(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        const PREPS: &[&str] = &[
            "in",
            "since",
            "by",
            "until",
            "till",
            "through",
            "from",
            "during",
            "before",
            "after",
            "between",
            "of",
            "to",
            "and",
            "or",
            "last",
            "next",
            "this",
            "early",
            "late",
            "mid",
            "-",
            "on",
            "throughout",
            "into",
            "for",
            "around",
            "about",
            "that",
            "past",
            "each",
            "every",
            "fiscal",
            "within",
        ];
        let p = self.s(i - 1);
        PREPS.iter().any(|x| x.eq_ignore_ascii_case(p))
    }

    // ---------------------------------------------------------------- words

    fn ordinal(&self, i: usize, n: u8, y: YearSpec, start: usize) -> Option<Found> {
        // "the Fourth of July", "the first of May": a day of the month.
        if self.w(i + 1, W::Of)
            && let Lex::Month(m, false) = self.lex(i + 2)
            && self.tok(i + 2).is_some_and(|t| t.cap)
        {
            let (end, y) = self.year_after(i + 3);
            return Self::found(start, end, Parsed::Date { y, m, d: n, wd: None }, None);
        }
        let mut j = i + 1;
        if self.punct(j, '-') && self.touching(i) {
            j += 1;
        }
        let fiscal_inside = self.w(j, W::Fiscal);
        if fiscal_inside {
            j += 1;
        }
        match self.lex(j) {
            Lex::Unit(Unit::Quarter, plural) if (1..=4).contains(&n) => {
                let (end, y2) = self.of_year(j + 1);
                let y = if y2 == YearSpec::Infer { y } else { y2 };
                let _ = plural;
                Self::found(start, end, Parsed::Quarter { y, q: n }, None)
            }
            Lex::Word(W::Half) if n <= 2 => {
                let (end, y2) = self.of_year(j + 1);
                let y = if y2 == YearSpec::Infer { y } else { y2 };
                Self::found(start, end, Parsed::Half { y, h: n }, None)
            }
            // "the first week of March", "the second week of the year"
            Lex::Unit(Unit::Week, false) if (1..=4).contains(&n) && !fiscal_inside => {
                self.week_of_period(j, n as i8, start)
            }
            // "the first nine months", "the first two years"
            _ => {
                if n == 1
                    && let Some((k, Some(q))) = self.quantity(j)
                    && let Lex::Unit(unit, true) = self.lex(k)
                {
                    return Self::found(start, k + 1, Parsed::Duration { n: Some(q), unit }, None);
                }
                if n == 1
                    && let Lex::Unit(unit @ (Unit::Hour | Unit::Day | Unit::Week | Unit::Month), true) = self.lex(j)
                {
                    return Self::found(start, j + 1, Parsed::Duration { n: None, unit }, None);
                }
                if self.is(j, "century") && n <= 21 {
                    return Self::found(start, j + 1, Parsed::Century(i32::from(n) - 1), None);
                }
                None
            }
        }
    }

    /// "of 1990", "of next year", "of this year" after a quarter or half.
    fn of_year(&self, i: usize) -> (usize, YearSpec) {
        if self.w(i, W::Of) {
            if let Some(t) = self.tok(i + 1)
                && t.kind == TokKind::Number
                && t.digits == 4
                && let Some(y) = t.num
            {
                return (i + 2, YearSpec::Abs(y as i32));
            }
            if self.w(i + 1, W::Fiscal)
                && let Some(t) = self.tok(i + 2)
                && t.kind == TokKind::Number
                && t.digits == 4
                && let Some(y) = t.num
            {
                return (i + 3, YearSpec::Abs(y as i32));
            }
            let (e, y) = self.year_suffix(i + 1);
            if let YearSpec::Rel(_) = y {
                return (e, y);
            }
            if self.w(i + 1, W::The) && self.lex(i + 2) == Lex::Unit(Unit::Year, false) {
                return (i + 3, YearSpec::Rel(0));
            }
        }
        (i, YearSpec::Infer)
    }

    /// Expressions starting with "the".
    fn after_the(&self, i: usize) -> Option<Found> {
        let j = i + 1;
        // "Person of The Year", "Bernie Sanders' The Week": a capitalised "The" after a
        // word, before a capitalised unit, is inside a title.
        if i > 0
            && self.tok(i).is_some_and(|t| t.cap)
            && self.tok(i - 1).is_some_and(|p| p.kind == TokKind::Word)
            && matches!(self.lex(j), Lex::Unit(..))
            && self.tok(j).is_some_and(|t| t.cap)
        {
            return None;
        }
        let found = |end: usize, p: Parsed| Self::found(i, end, p, None);
        match self.lex(j) {
            Lex::Word(W::Past) => {
                // "the past three months" / "the past year" / "the past"
                if let Some(f) = self.span_back(j + 1, -1) {
                    return found(f.0, f.1);
                }
                if !matches!(self.lex(j + 1), Lex::Unit(..))
                    && !self.tok(j + 1).is_some_and(|t| t.kind == TokKind::Word && !t.cap && self.is_noun_like(j + 1))
                {
                    return found(j + 1, Parsed::Ref("PAST_REF"));
                }
                None
            }
            Lex::Word(W::Previous | W::Following) if self.lex(j + 1) == Lex::Unit(Unit::Year, false) => {
                found(j + 2, Parsed::YearAnaphor(if self.w(j, W::Previous) { -1 } else { 1 }))
            }
            Lex::Word(W::Previous | W::Following) if self.lex(j + 1) == Lex::Unit(Unit::Month, false) => {
                found(j + 2, Parsed::MonthAnaphor(if self.w(j, W::Previous) { -1 } else { 1 }))
            }
            // "the next day", "the following day", "the previous day": a day of the narrative
            // (TimeML DATE), not a duration.
            Lex::Word(W::Previous | W::Following | W::Next) if self.lex(j + 1) == Lex::Unit(Unit::Day, false) => {
                found(j + 2, Parsed::DayAnaphor(if self.w(j, W::Previous) { -1 } else { 1 }))
            }
            Lex::Word(W::Previous | W::Following) if matches!(self.lex(j + 1), Lex::Weekday(_)) => {
                let Lex::Weekday(wd) = self.lex(j + 1) else { return None };
                found(j + 2, Parsed::WeekdayAnaphor { wd, n: if self.w(j, W::Previous) { -1 } else { 1 } })
            }
            Lex::Word(W::Last) if self.w(j + 1, W::Half) => {
                let (end, y) = self.of_year(j + 2);
                found(end, Parsed::Half { y, h: 2 })
            }
            // "the last week of October", "the final week of the year"
            Lex::Word(W::Last) if let Some(f) = self.week_of_period(j + 1, -1, i) => Some(f),
            Lex::None if self.lex(j + 1) == Lex::Unit(Unit::Week, false) && self.is(j, "final") => {
                self.week_of_period(j + 1, -1, i)
            }
            Lex::Word(W::Last | W::Previous) => self.span_back(j + 1, -1).and_then(|f| found(f.0, f.1)),
            // "the next century" is the coming one (a date), "the past century" a stretch.
            Lex::Word(W::Next | W::Coming)
                if let Lex::Unit(unit @ (Unit::Century | Unit::Millennium), false) = self.lex(j + 1) =>
            {
                found(j + 2, Parsed::Shift { unit, n: 1 })
            }
            // "by the end of the century", "the turn of the century": the present one (a
            // name follows in "the century of humiliation").
            Lex::Unit(Unit::Century, false) if i > 0 && self.w(i - 1, W::Of) && !self.w(j + 1, W::Of) => {
                found(j + 1, Parsed::Shift { unit: Unit::Century, n: 0 })
            }
            // "the new century", "the new millennium": the one that is starting.
            Lex::Word(W::NewYear)
                if let Lex::Unit(unit @ (Unit::Century | Unit::Millennium), false) = self.lex(j + 1) =>
            {
                found(j + 2, Parsed::NewEra(unit))
            }
            Lex::Word(W::Next | W::Coming | W::Following) => {
                if let Some(f) = self.span_back(j + 1, 1) {
                    return found(f.0, f.1);
                }
                None
            }
            // "the future of our peoples" is a topic, not a time.
            Lex::Word(W::Future) if self.w(j + 1, W::Of) => None,
            Lex::Word(W::Future) => found(j + 1, Parsed::Ref("FUTURE_REF")),
            Lex::Word(W::Same) if self.lex(j + 1) == Lex::Unit(Unit::Year, false) && self.punct(j + 2, '-') => {
                self.year_ago_adj(j + 1, i)
            }
            Lex::Word(W::Same)
                if matches!(self.lex(j + 1), Lex::Unit(Unit::Quarter, false) | Lex::Word(W::Period))
                    && let Some(end) = self.year_ago_tail(j + 2) =>
            {
                found(end, Parsed::YearAgoFocus)
            }
            Lex::Unit(Unit::Quarter, false) if let Some(end) = self.year_ago_tail(j + 1) => {
                found(end, Parsed::YearAgoFocus)
            }
            Lex::Word(W::Current) if self.lex(j + 1) == Lex::Unit(Unit::Quarter, false) => {
                found(j + 2, Parsed::Shift { unit: Unit::Quarter, n: 0 })
            }
            // "the same day": the day last named.
            // "the other day": some day not long ago.
            Lex::None if self.is(j, "other") && self.day_noun(j + 1) => found(j + 2, Parsed::Ref("PAST_REF")),
            // "registering and voting on the same day": two acts on one day, no day named.
            Lex::Word(W::Same) if self.day_noun(j + 1) && i >= 2 && self.is(i - 1, "on") && self.gerund(i - 2) => None,
            Lex::Word(W::Same) if self.day_noun(j + 1) && self.anaphor_ends(j + 2) => {
                found(j + 2, Parsed::DayAnaphor(0))
            }
            Lex::Word(W::Same) if let Some(p) = self.period_anaphor(j + 1) => found(j + 2, p),
            // "Oct. 12, the day before the plunge": an apposition names the same day; "the
            // day before" on its own is the day before the one last named.
            Lex::Unit(Unit::Day, false) if self.w(j + 1, W::Before) || self.w(j + 1, W::After) => {
                let appositive = i > 1
                    && self.punct(i - 1, ',')
                    && self.tok(i - 2).is_some_and(|t| {
                        t.kind == TokKind::Number && t.num.is_some_and(|n| n <= 31 || (1000..=2200).contains(&n))
                    });
                if appositive {
                    return found(j + 1, Parsed::DayAnaphor(0));
                }
                let n = if self.w(j + 1, W::Before) { -1 } else { 1 };
                // "the day after Christmas": a day from the day named.
                // "the day before yesterday", "the day after tomorrow".
                if let Some(f) = self.core(j + 2)
                    && matches!(
                        f.parsed,
                        Parsed::Date { .. }
                            | Parsed::Holiday { .. }
                            | Parsed::Weekday { .. }
                            | Parsed::Shift { unit: Unit::Day, .. }
                    )
                {
                    return found(f.end, Parsed::DayFrom { day: Box::new(f.parsed), n });
                }
                // "the day before the shooting" is dated by an event we cannot date.
                if !self.anaphor_ends(j + 2) {
                    return None;
                }
                found(j + 2, Parsed::DayAnaphor(n))
            }
            Lex::Word(W::Latest | W::Current | W::Same) => match self.lex(j + 1) {
                Lex::Unit(Unit::Quarter, false) => found(j + 2, Parsed::QuarterFocus),
                Lex::Word(W::Period) => found(j + 2, Parsed::QuarterFocus),
                Lex::Unit(Unit::Year, false) if self.is(j, "current") => found(j + 2, Parsed::Year(YearSpec::Rel(0))),
                Lex::Word(W::Fiscal) if self.is(j, "current") && self.is(j + 2, "year") => {
                    found(j + 3, Parsed::Year(YearSpec::Rel(0)))
                }
                Lex::Word(W::Time) if self.is(j, "same") => None,
                _ => {
                    // "the latest nine months"
                    if let Some((k, Some(q))) = self.quantity(j + 1)
                        && let Lex::Unit(unit, true) = self.lex(k)
                    {
                        return found(k + 1, Parsed::Duration { n: Some(q), unit });
                    }
                    None
                }
            },
            Lex::Unit(Unit::Quarter, false) => {
                // "the quarter ended Sept. 30": the quarter of that date.
                if self.w(j + 1, W::Ended)
                    && let Lex::Month(m, _) = self.lex(j + 2)
                    && self.month_date(j + 2).is_some()
                {
                    return found(j + 1, Parsed::Quarter { y: YearSpec::Infer, q: (m - 1) / 3 + 1 });
                }
                // "the quarter of Democratic voters who ..." is a fraction.
                if self.w(j + 1, W::Of)
                    && !self.tok(j + 2).is_some_and(|t| t.kind == TokKind::Number)
                    && !matches!(self.lex(j + 2), Lex::Word(W::This | W::Last | W::Next | W::Fiscal | W::The))
                {
                    return None;
                }
                found(j + 1, Parsed::QuarterFocus)
            }
            Lex::Season(s) => {
                let (end, y) = self.year_suffix(j + 1);
                found(end, Parsed::Season { y, s, rel: Rel::None })
            }
            Lex::Word(W::Full) if self.lex(j + 1) == Lex::Unit(Unit::Year, false) => {
                found(j + 2, Parsed::Year(YearSpec::Rel(0)))
            }
            Lex::Word(W::Near | W::Short) if matches!(self.lex(j + 1), Lex::Word(W::Future | W::Term)) => {
                found(j + 2, Parsed::Ref("FUTURE_REF"))
            }
            Lex::DecadeWord(d) => found(j + 1, Parsed::Decade(d)),
            Lex::Unit(Unit::Year, false) if self.punct(j + 1, '-') => self.year_ago_adj(j, i),
            Lex::Unit(Unit::Year, false) => {
                if self.w(j + 1, W::Before) || self.w(j + 1, W::After) {
                    let n = if self.w(j + 1, W::Before) { -1 } else { 1 };
                    return found(j + 2, Parsed::YearAnaphor(n));
                }
                if matches!(self.lex(j + 1), Lex::Word(W::Ended)) {
                    return found(
                        j + 1,
                        Parsed::Duration { n: Some(Quantity { whole: 1, half: false }), unit: Unit::Year },
                    );
                }
                // "the year two thousand"
                if let Some((k, Some(q))) = self.quantity(j + 1)
                    && q.whole >= 1900
                    && q.whole <= 2100
                {
                    return found(k, Parsed::Year(YearSpec::Abs(q.whole as i32)));
                }
                found(j + 1, Parsed::Year(YearSpec::Rel(0)))
            }
            Lex::Unit(Unit::Weekend, false) => found(j + 1, Parsed::Weekend { n: 0, this: false }),
            // "the week of March 6": that day's week.
            Lex::Unit(Unit::Week, false)
                if self.w(j + 1, W::Of)
                    && let Some(f) = self.month_date(j + 2)
                    && matches!(f.parsed, Parsed::Date { .. }) =>
            {
                found(f.end, Parsed::WeekOf(Box::new(f.parsed)))
            }
            // "the weeks ahead", "the months ahead": a vague stretch of the future.
            Lex::Unit(unit, true) if self.is(j + 1, "ahead") && unit >= Unit::Hour => {
                found(j + 2, Parsed::Duration { n: None, unit })
            }
            Lex::Word(W::Fiscal) => match self.lex(j + 1) {
                Lex::Unit(Unit::Year, false) => {
                    found(j + 2, Parsed::Duration { n: Some(Quantity { whole: 1, half: false }), unit: Unit::Year })
                }
                Lex::Ordinal(n) => self.ordinal(j + 1, n, YearSpec::Infer, i),
                _ => None,
            },
            Lex::Word(W::Year) => None,
            Lex::Word(W::Time) => {
                // "at the time of its founding" is dated by what follows.
                if i > 0 && self.is(i - 1, "at") && !self.w(j + 1, W::Of) {
                    return found(j + 1, Parsed::Ref("PAST_REF"));
                }
                None
            }
            Lex::Word(W::Moment) => {
                if i > 0 && self.is(i - 1, "at") {
                    return found(j + 1, Parsed::Ref("PRESENT_REF"));
                }
                None
            }
            Lex::Word(W::Early | W::Late) => {
                // "the early 1990s", "the late '80s", "the early years"
                let m = if self.w(j, W::Early) { "START" } else { "END" };
                let mut f = self.core(j + 1)?;
                if matches!(f.parsed, Parsed::Decade(_) | Parsed::Century(_)) {
                    f.start = i;
                    f.modifier = Some(m);
                    return Some(f);
                }
                if let Parsed::Duration { n: None, .. } = f.parsed {
                    f.start = i;
                    return Some(f);
                }
                None
            }
            Lex::Ordinal(n) => self.ordinal(j, n, YearSpec::Infer, i),
            Lex::Word(W::Weekend) => None,
            Lex::Word(W::Mid) => None,
            _ => {
                let t = self.tok(j)?;
                // "the 1990s", "the '80s", "the 1988 period"
                if matches!(t.kind, TokKind::Decade | TokKind::Punct('\''))
                    || (t.kind == TokKind::Number && t.digits == 4)
                {
                    let mut f = self.core(j)?;
                    if matches!(f.parsed, Parsed::Decade(_))
                        || self.w(j + 1, W::Period)
                        || matches!(self.lex(j + 1), Lex::Ordinal(_))
                    {
                        f.start = i;
                        return Some(f);
                    }
                    return None;
                }
                // "the year-ago quarter", "the year-earlier period"
                if self.lex(j) == Lex::Unit(Unit::Year, false)
                    && self.punct(j + 1, '-')
                    && (self.w(j + 2, W::Ago) || self.w(j + 2, W::Earlier))
                {
                    let mut end = j + 3;
                    if matches!(self.lex(end), Lex::Unit(Unit::Quarter, false) | Lex::Word(W::Period)) {
                        end += 1;
                    } else if let Some((k, Some(q))) = self.quantity(end)
                        && let Lex::Unit(unit, true) = self.lex(k)
                    {
                        return found(k + 1, Parsed::Duration { n: Some(q), unit });
                    }
                    return found(end, Parsed::YearAgoFocus);
                }
                // "the nine months", "the six months" (financial periods)
                if (t.kind != TokKind::Word || matches!(t.lex, Lex::Number(_)))
                    && let Some((k, Some(q))) = self.quantity(j)
                    && let Lex::Unit(unit, true) = self.lex(k)
                    && !self.name_unit(k)
                {
                    return found(k + 1, Parsed::Duration { n: Some(q), unit });
                }
                None
            }
        }
    }

    /// "year-ago", "year-earlier" (+ "quarter" / "period") starting at the "year" token `j`.
    fn year_ago_adj(&self, j: usize, start: usize) -> Option<Found> {
        if !(self.punct(j + 1, '-') && (self.w(j + 2, W::Ago) || self.w(j + 2, W::Earlier))) {
            return None;
        }
        let mut end = j + 3;
        if let Lex::Ordinal(q) = self.lex(end)
            && (1..=4).contains(&q)
            && self.lex(end + 1) == Lex::Unit(Unit::Quarter, false)
        {
            // "the year-ago third quarter"
            return Self::found(start, end + 2, Parsed::Quarter { y: YearSpec::Rel(-1), q }, None);
        }
        if matches!(self.lex(end), Lex::Unit(Unit::Quarter, false) | Lex::Word(W::Period)) {
            end += 1;
        } else if let Some((k, Some(q))) = self.quantity(end)
            && let Lex::Unit(unit, true) = self.lex(k)
        {
            return Self::found(start, k + 1, Parsed::Duration { n: Some(q), unit }, None);
        }
        Self::found(start, end, Parsed::YearAgoFocus, None)
    }

    /// "last year", "a year ago", "a year earlier" after "the same period".
    fn year_ago_tail(&self, i: usize) -> Option<usize> {
        // "the same period of last year", "the same quarter in last year" (wire style).
        let i = if (self.w(i, W::Of) || self.is(i, "in")) && self.w(i + 1, W::Last) { i + 1 } else { i };
        if self.w(i, W::Last) && self.lex(i + 1) == Lex::Unit(Unit::Year, false) {
            return Some(i + 2);
        }
        if self.w(i, W::A)
            && self.lex(i + 1) == Lex::Unit(Unit::Year, false)
            && (self.w(i + 2, W::Ago) || self.w(i + 2, W::Earlier))
        {
            return Some(i + 3);
        }
        None
    }

    /// "nineteen ninety-seven", "nineteen seventy-nine": a year read aloud.
    fn spoken_year(&self, i: usize) -> Option<(usize, i32)> {
        let Lex::Number(c) = self.lex(i) else { return None };
        if !(c == 19 || c == 18) {
            return None;
        }
        let Lex::Number(t) = self.lex(i + 1) else { return None };
        if t < 10 {
            return None;
        }
        let mut end = i + 2;
        let mut y = t;
        if t >= 20 && t % 10 == 0 {
            let k = if self.punct(end, '-') { end + 1 } else { end };
            if let Lex::Number(u) = self.lex(k)
                && u < 10
            {
                y += u;
                end = k + 1;
            }
        }
        Some((end, (c * 100 + y) as i32))
    }

    /// A lowercase word that looks like the head noun after "the past" ("the past decade"
    /// is handled as a unit; "the past president" is not a time).
    fn is_noun_like(&self, i: usize) -> bool {
        const FUNCTION: &[&str] = &[
            "that", "it", "he", "she", "they", "we", "i", "you", "the", "a", "an", "there", "this", "these", "those",
            "to", "in", "on", "at", "for", "with", "by", "from", "as", "but", "when", "because", "been", "had",
        ];
        if FUNCTION.iter().any(|f| self.is(i, f)) {
            return false;
        }
        !matches!(self.lex(i), Lex::Word(W::And | W::Or | W::Of))
            && !matches!(self.s(i), "," | "." | ";")
            && !self.is(i, "has")
            && !self.is(i, "is")
            && !self.is(i, "was")
            && !self.is(i, "decades")
    }

    /// After "the past/last/next": "three months", "few weeks", "year", "couple of years".
    /// Returns (end, parsed).
    fn span_back(&self, i: usize, dir: i32) -> Option<(usize, Parsed)> {
        if let Lex::Unit(unit, false) = self.lex(i) {
            // "the past year" names last year in TimeBank; "the next year" the coming one.
            if matches!(unit, Unit::Quarter | Unit::Year | Unit::Month | Unit::Week | Unit::Decade) {
                return Some((i + 1, Parsed::Shift { unit, n: dir }));
            }
            // "the coming weekend", "the past weekend".
            if unit == Unit::Weekend {
                let p = if dir > 0 {
                    Parsed::Weekend { n: 0, this: true }
                } else {
                    Parsed::Weekend { n: dir, this: false }
                };
                return Some((i + 1, p));
            }
            return Some((i + 1, Parsed::Duration { n: Some(Quantity { whole: 1, half: false }), unit }));
        }
        if let Lex::Unit(unit, true) = self.lex(i) {
            return Some((i + 1, Parsed::Duration { n: None, unit }));
        }
        let (k, q) = self.quantity(i)?;
        let Lex::Unit(unit, _) = self.lex(k) else { return None };
        let mut end = k + 1;
        if self.w(end, W::Or) && self.is(end + 1, "so") {
            end += 2;
        }
        Some((end, Parsed::Duration { n: q, unit }))
    }

    /// A capitalised unit after its number ("the Six-Day War", "60 Minutes", "The Thirty
    /// Years War") is part of a name; all capitals are a headline.
    fn name_unit(&self, k: usize) -> bool {
        self.tok(k).is_some_and(|t| t.cap) && !self.s(k).bytes().all(|b| b.is_ascii_uppercase())
    }

    /// "USA TODAY", "VOA Today", "the Today show": a title, not the day. A capitalised
    /// "Today" after a capitalised word inside a sentence, or written all in capitals.
    fn today_is_a_name(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        if !t.cap {
            return false;
        }
        let after_name = i > 0 && self.tok(i - 1).is_some_and(|p| p.kind == TokKind::Word && p.cap);
        let caps = self.s(i).bytes().all(|b| b.is_ascii_uppercase()) && i > 0 && !self.punct(i - 1, '.');
        after_name || caps || self.is(i + 1, "show")
    }

    /// Expressions that start with a word of the table.
    fn word(&self, i: usize, w: W) -> Option<Found> {
        let f = |end: usize, p: Parsed| Self::found(i, end, p, None);
        let unit_day = |n: i32| Parsed::Shift { unit: Unit::Day, n };
        match w {
            W::Today | W::Yesterday | W::Tomorrow => {
                let n = match w {
                    W::Today => 0,
                    W::Yesterday => -1,
                    _ => 1,
                };
                if let Lex::PartOfDay(p) = self.lex(i + 1) {
                    return f(i + 2, Parsed::Time { day: Some(Box::new(unit_day(n))), clock: Clock::Part(p.code()) });
                }
                if w == W::Today && self.today_is_a_name(i) {
                    return None;
                }
                if self.punct(i + 1, '\'') && self.is(i + 2, "s") {
                    // "in today's world", "today's dollars": the present age, which news
                    // annotation leaves unmarked ("today's meeting" is the day).
                    const GENERIC: &[&str] = &[
                        "world",
                        "society",
                        "economy",
                        "life",
                        "climate",
                        "children",
                        "kids",
                        "youth",
                        "generation",
                        "dollars",
                        "standards",
                        "technology",
                        "culture",
                        "times",
                        "young",
                        "most",
                    ];
                    if w == W::Today && GENERIC.iter().any(|g| self.is(i + 3, g)) {
                        return None;
                    }
                    return f(i + 1, unit_day(n));
                }
                f(i + 1, unit_day(n))
            }
            // "The Tonight Show", "Last Week Tonight": a title.
            W::Tonight if self.today_is_a_name(i) => None,
            W::Tonight => f(i + 1, Parsed::Time { day: Some(Box::new(unit_day(0))), clock: Clock::Part("NI") }),
            W::Now => {
                if i > 0 && self.is(i - 1, "right") {
                    return Self::found(i - 1, i + 1, Parsed::Ref("PRESENT_REF"), None);
                }
                f(i + 1, Parsed::Ref("PRESENT_REF"))
            }
            W::Currently => f(i + 1, Parsed::Ref("PRESENT_REF")),
            // "current market conditions", "its current position": the present, as TimeBank
            // marks it; not "current account" or "current events" (kinds, not times), nor a
            // noun ("the current of the river").
            W::Current
                if self.tok(i + 1).is_some_and(|n| n.kind == TokKind::Word && !n.cap && n.lex == Lex::None)
                    && !["account", "accounts", "events", "affairs", "assets", "liabilities"]
                        .iter()
                        .any(|w| self.is(i + 1, w)) =>
            {
                f(i + 1, Parsed::Ref("PRESENT_REF"))
            }
            W::That if self.lex(i + 1) == Lex::Unit(Unit::Year, false) && !self.punct(i + 2, '\'') => {
                f(i + 2, Parsed::YearAnaphor(0))
            }
            // "that day", "that same day": the day the narrative is at.
            W::That => {
                let j = if self.w(i + 1, W::Same) { i + 2 } else { i + 1 };
                if self.day_noun(j) && self.anaphor_ends(j + 1) {
                    return f(j + 1, Parsed::DayAnaphor(0));
                }
                self.period_anaphor(j).and_then(|p| f(j + 1, p))
            }
            // "previously", "formerly" and "soon" are TIMEX3 references too, but TimeBank
            // leaves most of them out, and they resolve to nothing an editor can check.
            W::Recently => f(i + 1, Parsed::Ref("PAST_REF")),
            W::These if self.lex(i + 1) == Lex::Unit(Unit::Day, true) => f(i + 2, Parsed::Ref("PRESENT_REF")),
            W::Present if i > 0 && self.is(i - 1, "at") => f(i + 1, Parsed::Ref("PRESENT_REF")),
            W::Future if i > 0 && !self.is(i - 1, "the") && !self.is(i - 1, "near") => None,
            W::Recent => {
                if let Lex::Unit(unit, true) = self.lex(i + 1) {
                    return f(i + 2, Parsed::Duration { n: None, unit });
                }
                if self.w(i + 1, W::Past) {
                    return f(i + 2, Parsed::Ref("PAST_REF"));
                }
                // "a recent filing", "the recent attacks": annotators mark this adjective as
                // PAST_REF about one time in three; it dates nothing an editor can check.
                None
            }
            W::Coming => {
                if let Lex::Unit(unit, true) = self.lex(i + 1) {
                    return f(i + 2, Parsed::Duration { n: None, unit });
                }
                None
            }
            W::This | W::Last | W::Next | W::Past => self.deictic(i, w),
            // "the Daily Caller", "the Weekly Standard": capitalised inside a sentence, a name.
            W::Daily | W::Weekly | W::Monthly | W::Yearly | W::Hourly | W::Annually
                if i > 0 && self.tok(i).is_some_and(|t| t.cap) =>
            {
                None
            }
            W::Daily => f(i + 1, Parsed::Set("P1D".into())),
            W::Weekly => f(i + 1, Parsed::Set("P1W".into())),
            W::Monthly => f(i + 1, Parsed::Set("P1M".into())),
            W::Annually | W::Yearly => f(i + 1, Parsed::Set("P1Y".into())),
            W::Hourly => f(i + 1, Parsed::Set("PT1H".into())),
            W::Quarterly => None,
            W::Every | W::Each | W::Per => {
                let mut j = i + 1;
                if self.is(j, "other") {
                    j += 1;
                }
                match self.lex(j) {
                    Lex::Unit(unit, false) => {
                        let (l, t) = unit.letter();
                        let n = if j > i + 1 { 2 } else { 1 };
                        f(j + 1, Parsed::Set(format!("P{}{n}{l}", if t { "T" } else { "" })))
                    }
                    Lex::Weekday(wd) if w != W::Per => {
                        let mut end = j + 1;
                        let mut v = format!("XXXX-WXX-{wd}");
                        if let Lex::PartOfDay(p) = self.lex(end) {
                            v.push('T');
                            v.push_str(p.code());
                            end += 1;
                        }
                        f(end, Parsed::Set(v))
                    }
                    Lex::Month(m, _) if w != W::Per => f(j + 1, Parsed::Set(format!("XXXX-{m:02}"))),
                    Lex::PartOfDay(p) if w != W::Per => f(j + 1, Parsed::Set(format!("XXXX-XX-XXT{}", p.code()))),
                    Lex::Season(s) if w != W::Per => f(j + 1, Parsed::Set(format!("XXXX-{}", SEASONS[s as usize]))),
                    _ => None,
                }
            }
            W::Fiscal => {
                let t = self.tok(i + 1)?;
                if t.kind == TokKind::Number && t.digits == 4 {
                    let y = t.num? as i32;
                    return f(i + 2, Parsed::Year(YearSpec::Abs(y)));
                }
                // "fiscal year 2016"
                if self.lex(i + 1) == Lex::Unit(Unit::Year, false)
                    && let Some(n) = self.tok(i + 2)
                    && n.kind == TokKind::Number
                    && n.digits == 4
                {
                    return f(i + 3, Parsed::Year(YearSpec::Abs(n.num? as i32)));
                }
                if let Lex::Ordinal(n) = t.lex {
                    return self.ordinal(i + 1, n, YearSpec::Infer, i);
                }
                None
            }
            W::Year => None,
            W::Thanksgiving | W::Christmas | W::Easter => {
                let which = match w {
                    W::Thanksgiving => Holiday::Thanksgiving,
                    W::Christmas if self.w(i + 1, W::Eve) => Holiday::ChristmasEve,
                    W::Christmas => Holiday::Christmas,
                    _ => return None,
                };
                let mut end = i + 1;
                if self.is(end, "day") || self.w(end, W::Eve) {
                    end += 1;
                }
                f(end, Parsed::Holiday { y: YearSpec::Infer, which })
            }
            // "Labor Day", "Memorial Day", "Election Day", "Veterans Day": capitalised,
            // with "Day" (an "election day" in another country has no fixed date).
            W::HolidayDay
                if self.tok(i).is_some_and(|t| t.cap)
                    && self.is(i + 1, "day")
                    && self.tok(i + 1).is_some_and(|t| t.cap)
                    // "Holocaust Memorial Day", "Armistice Memorial Day": another country's day.
                    && !(i > 0
                        && self.tok(i - 1).is_some_and(|p| p.cap && p.kind == TokKind::Word)
                        && !["on", "by", "since", "until", "after", "before", "last", "this", "next", "at"]
                            .iter()
                            .any(|w| self.is(i - 1, w))) =>
            {
                let which = match self.s(i).as_bytes().first().map(u8::to_ascii_lowercase) {
                    Some(b'l') => Holiday::LaborDay,
                    Some(b'm') => Holiday::MemorialDay,
                    Some(b'e') => Holiday::ElectionDay,
                    _ => Holiday::VeteransDay,
                };
                f(i + 2, Parsed::Holiday { y: YearSpec::Infer, which })
            }
            W::Halloween => f(i + 1, Parsed::Holiday { y: YearSpec::Infer, which: Holiday::Halloween }),
            // "New Year's Day", "New Year's Eve", "New Year's".
            W::NewYear if self.tok(i).is_some_and(|t| t.cap) && self.is(i + 1, "year") => {
                let mut end = i + 2;
                if self.punct(end, '\'') && self.is(end + 1, "s") {
                    end += 2;
                }
                let which = if self.w(end, W::Eve) { Holiday::NewYearsEve } else { Holiday::NewYearsDay };
                if self.is(end, "day") || self.w(end, W::Eve) {
                    end += 1;
                }
                f(end, Parsed::Holiday { y: YearSpec::Infer, which })
            }
            W::Mid => None,
            _ => None,
        }
    }

    /// "day" at `i` as a noun of its own: not "day traders", "day-to-day", "day's".
    fn day_noun(&self, i: usize) -> bool {
        const COMPOUNDS: &[&str] = &["trader", "traders", "trading", "care", "job", "jobs", "trip", "trips", "labor"];
        self.lex(i) == Lex::Unit(Unit::Day, false)
            && !self.punct(i + 1, '-')
            && !self.punct(i + 1, '\'')
            && !COMPOUNDS.iter().any(|w| self.is(i + 1, w))
    }

    /// "(that) night", "(that same) month", "(the same) week": a part of the day the article
    /// last named, or its month or week (TimeML anaphoric dates). Not when a phrase after
    /// it dates it ("the same month of 1998", "that week's meeting").
    fn period_anaphor(&self, j: usize) -> Option<Parsed> {
        // Most words after "that" are none of these: look at the word itself first.
        if !matches!(self.lex(j), Lex::PartOfDay(_) | Lex::Unit(Unit::Month | Unit::Week, false)) {
            return None;
        }
        if self.punct(j + 1, '\'')
            || self.punct(j + 1, '-')
            || self.w(j + 1, W::Of)
            || self.w(j + 1, W::Last)
            || self.w(j + 1, W::That)
            || ["when", "as", "where", "s"].iter().any(|w| self.is(j + 1, w))
        {
            return None;
        }
        // "the same night he won": a clause after "same" dates it.
        if j > 0 && self.w(j - 1, W::Same) && !self.anaphor_ends(j + 1) {
            return None;
        }
        if self.tok(j).is_some_and(|t| t.cap) && j > 0 && !self.tok(j - 1).is_some_and(|t| t.cap) {
            return None;
        }
        let day = || Box::new(Parsed::DayAnaphor(0));
        match self.lex(j) {
            // "do that overnight" is no night of the story.
            Lex::PartOfDay(p) if !self.is(j, "overnight") && !self.s(j).ends_with('s') => {
                Some(Parsed::Time { day: Some(day()), clock: Clock::Part(p.code()) })
            }
            Lex::Unit(Unit::Month, false) => Some(Parsed::MonthAnaphor(0)),
            Lex::Unit(Unit::Week, false) => Some(Parsed::WeekOf(day())),
            _ => None,
        }
    }

    /// A day anaphor ends at `i`: what follows does not define the day ("the day before
    /// the shooting", "the same day that the Post reported" are dated by an event).
    fn anaphor_ends(&self, i: usize) -> bool {
        const AFTER: &[&str] =
            &["by", "at", "in", "on", "and", "but", "with", "from", "to", "for", "when", "while", "after", "before"];
        match self.tok(i) {
            None => true,
            Some(t) if matches!(t.kind, TokKind::Punct(c) if c != '\'') => true,
            Some(_) => {
                AFTER.iter().any(|w| self.is(i, w)) && !self.w(i + 1, W::The) || self.lex(i) == Lex::Word(W::Later)
            }
        }
    }

    /// "this week", "last year", "next month", "last Friday", "this summer", "last April",
    /// "this past spring", "last night", "this morning".
    fn deictic(&self, i: usize, w: W) -> Option<Found> {
        let mut j = i + 1;
        let mut rel = match w {
            W::This => Rel::This,
            W::Last | W::Past => Rel::Last,
            _ => Rel::Next,
        };
        if w == W::Past {
            // "past 20 years" without "the"
            if let Some((end, p)) = self.span_back(j, -1)
                && matches!(p, Parsed::Duration { .. })
            {
                return Self::found(i, end, p, None);
            }
            return None;
        }
        if matches!(w, W::This | W::Last | W::Next)
            && i > 0
            && self.tok(i).is_some_and(|t| t.cap)
            && self.tok(j).is_some_and(|t| t.cap)
        {
            // "This Week", "Last Week Tonight" mid-sentence are titles.
            return None;
        }
        if w == W::This && (self.w(j, W::Past) || self.w(j, W::Coming)) {
            rel = if self.w(j, W::Past) { Rel::Last } else { Rel::Next };
            j += 1;
            if rel == Rel::Last && self.lex(j) == Lex::Unit(Unit::Week, false) {
                return Self::found(i, j + 1, Parsed::PastWeek, None);
            }
        }
        let n = match rel {
            Rel::Last => -1,
            Rel::Next => 1,
            _ => 0,
        };
        let f = |end: usize, p: Parsed| Self::found(i, end, p, None);
        match self.lex(j) {
            Lex::Unit(unit, false) => {
                let p = match unit {
                    Unit::Weekend => Parsed::Weekend { n: if w == W::This { 0 } else { n }, this: w == W::This },
                    Unit::Quarter => Parsed::QuarterShift(n),
                    Unit::Second | Unit::Minute | Unit::Hour => return None,
                    Unit::Day if w == W::This => return None,
                    _ => Parsed::Shift { unit, n },
                };
                // "this year's third quarter", "next year's first quarter"
                if unit == Unit::Year
                    && self.punct(j + 1, '\'')
                    && self.is(j + 2, "s")
                    && let Lex::Ordinal(q) = self.lex(j + 3)
                    && let Some(mut f) = self.ordinal(j + 3, q, YearSpec::Rel(n), i)
                {
                    f.start = i;
                    return Some(f);
                }
                // "last year's quarter"
                if unit == Unit::Year
                    && n == -1
                    && self.punct(j + 1, '\'')
                    && self.is(j + 2, "s")
                    && matches!(self.lex(j + 3), Lex::Unit(Unit::Quarter, false) | Lex::Word(W::Period))
                {
                    return f(j + 4, Parsed::YearAgoFocus);
                }
                f(j + 1, p)
            }
            Lex::Unit(unit, true) if w == W::Last || w == W::Next => {
                // "last three years" without a number is rare; "next months" is not English.
                let _ = unit;
                None
            }
            Lex::Weekday(wd) => {
                let mut found = self.weekday(j, wd, rel, i)?;
                found.start = i;
                Some(found)
            }
            Lex::Month(m, abbr) => {
                if !self.tok(j).is_some_and(|t| t.cap) {
                    return None;
                }
                if let Some(mut d) = self.month_date(j) {
                    d.start = i;
                    return Some(d);
                }
                let mut end = j + 1;
                if abbr {
                    if !self.punct(end, '.') {
                        return None;
                    }
                    end += 1;
                }
                f(end, Parsed::Month { y: YearSpec::Infer, m, rel })
            }
            Lex::Season(s) => f(j + 1, Parsed::Season { y: YearSpec::Infer, s, rel }),
            Lex::PartOfDay(p) => {
                let day = match (w, p) {
                    (W::Last, Pod::Night | Pod::Evening) => -1,
                    (W::This, _) => 0,
                    _ => return None,
                };
                f(
                    j + 1,
                    Parsed::Time {
                        day: Some(Box::new(Parsed::Shift { unit: Unit::Day, n: day })),
                        clock: Clock::Part(p.code()),
                    },
                )
            }
            Lex::Word(W::Thanksgiving | W::Christmas) => {
                let mut found =
                    self.word(j, if self.w(j, W::Thanksgiving) { W::Thanksgiving } else { W::Christmas })?;
                if let Parsed::Holiday { ref mut y, .. } = found.parsed {
                    *y = YearSpec::Rel(if rel == Rel::Last {
                        -100
                    } else if rel == Rel::Next {
                        100
                    } else {
                        0
                    });
                }
                found.start = i;
                Some(found)
            }
            // "the last time the survey was conducted", "since the last time": an occasion
            // defined by its clause, which annotated news leaves unmarked.
            Lex::Word(W::Time) if w == W::Last => None,
            _ => {
                // "the last three years", "next two weeks"
                if w != W::This
                    && let Some((end, p)) = self.span_back(j, n)
                    && matches!(p, Parsed::Duration { n: Some(_), .. })
                {
                    return f(end, p);
                }
                None
            }
        }
    }
}

/// Nouns a four-digit number counts rather than dates: "2000 points", "1500 votes".
const COUNT_NOUNS: &[&str] = &[
    "points",
    "votes",
    "barrels",
    "tons",
    "tonnes",
    "acres",
    "cars",
    "employees",
    "workers",
    "members",
    "copies",
    "units",
    "pounds",
    "meters",
    "metres",
    "kilometers",
    "yards",
    "residents",
    "students",
    "delegates",
    "seats",
    "cases",
    "deaths",
    "refugees",
    "police",
    "officers",
    "delegates",
    "homes",
    "houses",
    "words",
    "pages",
];

/// Capitalised words that make a weekday part of a name: "Good Friday agreement",
/// "Super Tuesday", "Black Monday".
const WEEKDAY_NAME_BEFORE: &[&str] = &["good", "super", "black", "cyber", "ash", "holy", "bloody", "maundy", "easter"];
/// Newspapers named after a weekday: "the Sunday Times".
const WEEKDAY_NAME_AFTER: &[&str] =
    &["times", "telegraph", "mirror", "express", "herald", "post", "tribune", "independent", "observer", "night"];

pub const SEASONS: [&str; 4] = ["SP", "SU", "FA", "WI"];

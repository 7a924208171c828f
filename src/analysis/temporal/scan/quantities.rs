//! Numbers, clock times and quantities ("three days ago", "the first week of March").

use super::*;

impl<'a> Scanner<'a> {
    // ---------------------------------------------------------------- numbers

    pub(super) fn number(&self, i: usize, t: Tok) -> Option<Found> {
        let n = t.num?;
        // Time of day: "10 a.m.", "10 p.m. Wednesday".
        if n <= 12 && matches!(self.lex(i + 1), Lex::Word(W::Am | W::Pm)) {
            return self.clock(i, n as u8, 0);
        }
        if t.digits == 4 && (1000..=2200).contains(&n) {
            // A year, unless it counts something or is money.
            let prev = if i > 0 { self.s(i - 1) } else { "" };
            if prev == "$" || prev == "#" || prev.eq_ignore_ascii_case("no") || prev == "£" || prev == "€" {
                return None;
            }
            // "Flight 2000", "Interstate 1000": a number that names something.
            const LABELS: &[&str] =
                &["flight", "route", "highway", "interstate", "room", "model", "number", "resolution", "windows"];
            if LABELS.iter().any(|l| prev.eq_ignore_ascii_case(l)) {
                return None;
            }
            let next_is_count = self.tok(i + 1).is_some_and(|nt| {
                nt.kind == TokKind::Punct('%')
                    || (nt.kind == TokKind::Word && {
                        let w = &self.text[nt.start..nt.end];
                        w.eq_ignore_ascii_case("percent")
                            || w.eq_ignore_ascii_case("people")
                            || w.eq_ignore_ascii_case("troops")
                            || w.eq_ignore_ascii_case("soldiers")
                            || w.eq_ignore_ascii_case("jobs")
                            || w.eq_ignore_ascii_case("shares")
                            || w.eq_ignore_ascii_case("miles")
                            || w.eq_ignore_ascii_case("feet")
                            || w.eq_ignore_ascii_case("hours")
                            || w.eq_ignore_ascii_case("times")
                            || COUNT_NOUNS.iter().any(|c| w.eq_ignore_ascii_case(c))
                    })
            });
            // "(0735 GMT)", "2100 GMT": a 24-hour clock reading, not a year.
            if next_is_count || self.is_zone(i + 1) {
                return None;
            }
            if !(1900..=2100).contains(&n) && !self.prev_is_prep(i) {
                return None;
            }
            // "the 1988 period", "the 1988 second quarter"
            if let Lex::Ordinal(q) = self.lex(i + 1)
                && let Some(f) = self.ordinal(i + 1, q, YearSpec::Abs(n as i32), i)
            {
                return Some(f);
            }
            if self.w(i + 1, W::Period) || self.lex(i + 1) == Lex::Unit(Unit::Quarter, false) {
                return Self::found(i, i + 2, Parsed::YearPeriod(n as i32), None);
            }
            if self.w(i + 1, W::Fiscal) && self.is(i + 2, "year") {
                return Self::found(i, i + 3, Parsed::Year(YearSpec::Abs(n as i32)), None);
            }
            return Self::found(i, i + 1, Parsed::Year(YearSpec::Abs(n as i32)), None);
        }
        // "1 February 2022"
        if let Some(f) = self.day_month(i) {
            return Some(f);
        }
        self.quantity_expr(i)
    }

    /// "10:35 a.m.", "7:15 p.m. EST", then maybe a day ("10 p.m. Wednesday").
    pub(super) fn clock(&self, i: usize, h: u8, m: u8) -> Option<Found> {
        let mut j = i + 1;
        let mut h = h;
        match self.lex(j) {
            Lex::Word(W::Am) => {
                if h == 12 {
                    h = 0;
                }
                j += 1;
            }
            Lex::Word(W::Pm) => {
                if h < 12 {
                    h += 12;
                }
                j += 1;
            }
            _ => {
                // A bare "7:15" is a time only with a time zone or "o'clock" after it.
                if !self.is_zone(j) {
                    return None;
                }
            }
        }
        // "p.m." is "p.m" and a dot; in "11 pm." the dot ends the sentence.
        if self.punct(j, '.') && self.touching(j - 1) && self.s(j - 1).contains('.') {
            j += 1;
        }
        if self.is_zone(j) {
            j += 1;
        }
        let (end, day) = self.day_after_time(j);
        Self::found(i, end, Parsed::Time { day, clock: Clock::Hm(h, m) }, None)
    }

    pub(super) fn is_zone(&self, i: usize) -> bool {
        const ZONES: &[&str] = &["EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "GMT", "UTC", "BST", "CET"];
        ZONES.iter().any(|z| self.s(i) == *z)
    }

    /// A day written after a time: "Wednesday", "yesterday", "Nov. 9", "on Friday".
    pub(super) fn day_after_time(&self, i: usize) -> (usize, Option<Box<Parsed>>) {
        let j = if self.is(i, "on") { i + 1 } else { i };
        match self.lex(j) {
            Lex::Weekday(wd) if self.tok(j).is_some_and(|t| t.cap) => {
                if let Some(f) = self.weekday(j, wd, Rel::None, j)
                    && !matches!(f.parsed, Parsed::Time { .. })
                {
                    return (f.end, Some(Box::new(f.parsed)));
                }
                (j + 1, Some(Box::new(Parsed::Weekday { wd, rel: Rel::None })))
            }
            Lex::Word(W::Today) => (j + 1, Some(Box::new(Parsed::Shift { unit: Unit::Day, n: 0 }))),
            Lex::Word(W::Yesterday) => (j + 1, Some(Box::new(Parsed::Shift { unit: Unit::Day, n: -1 }))),
            Lex::Word(W::Tomorrow) => (j + 1, Some(Box::new(Parsed::Shift { unit: Unit::Day, n: 1 }))),
            Lex::Month(..) => match self.month_date(j) {
                Some(f) => (f.end, Some(Box::new(f.parsed))),
                None => (i, None),
            },
            _ => (i, None),
        }
    }

    // ---------------------------------------------------------------- quantities

    /// A quantity at `i`: (token after it, amount; None = vague "several").
    pub(super) fn quantity(&self, i: usize) -> Option<(usize, Option<Quantity>)> {
        let t = self.tok(i)?;
        let q = |n: u32| Some(Quantity { whole: n, half: false });
        match (t.lex, t.kind) {
            (Lex::Word(W::A | W::An), _) => {
                if self.lex(i + 1) == Lex::Couple && self.w(i + 2, W::Of) {
                    return Some((i + 3, q(2)));
                }
                if self.lex(i + 1) == Lex::Vague {
                    return Some((i + 2, None));
                }
                if let Lex::Multiplier(m) = self.lex(i + 1) {
                    return Some((i + 2, q(m)));
                }
                if self.w(i + 1, W::Dozen) {
                    return Some((i + 2, q(12)));
                }
                Some((i + 1, q(1)))
            }
            (Lex::Vague, _) => Some((i + 1, None)),
            (Lex::Couple, _) if self.w(i + 1, W::Of) => Some((i + 2, q(2))),
            (Lex::Word(W::Some), _) if matches!(self.lex(i + 1), Lex::Unit(_, true)) => Some((i + 1, None)),
            (Lex::Number(n), _) => {
                let mut j = i + 1;
                let mut n = n;
                // "twenty four", "twenty-four", "two hundred", "two thousand"
                if n >= 20 && n % 10 == 0 {
                    let k = if self.punct(j, '-') && self.touching(i) { j + 1 } else { j };
                    if let Lex::Number(u) = self.lex(k)
                        && u < 10
                    {
                        n += u;
                        j = k + 1;
                    }
                }
                if let Lex::Multiplier(m) = self.lex(j) {
                    n *= m;
                    j += 1;
                }
                if self.w(j, W::Dozen) {
                    n *= 12;
                    j += 1;
                }
                // "two and a half years"
                if self.w(j, W::And)
                    && self.w(j + 1, W::A)
                    && self.w(j + 2, W::Half)
                    && matches!(self.lex(j + 3), Lex::Unit(..))
                {
                    return Some((j + 3, Some(Quantity { whole: n, half: true })));
                }
                Some((j, q(n)))
            }
            (_, TokKind::Number) if t.digits > 0 || t.num.is_some() => {
                let n = t.num?;
                // "2 1/2 years"
                if let Some(f) = self.tok(i + 1)
                    && f.kind == TokKind::OtherNumber
                    && &self.text[f.start..f.end] == "1/2"
                {
                    return Some((i + 2, Some(Quantity { whole: n, half: true })));
                }
                Some((i + 1, q(n)))
            }
            _ => None,
        }
    }

    /// Quantity + unit: durations, "three days ago", "a year earlier", "$5 a year".
    pub(super) fn quantity_expr(&self, i: usize) -> Option<Found> {
        // "for a while", "in a while": a duration of unknown length and unit.
        if self.w(i, W::A) && self.is(i + 1, "while") && i > 0 && (self.is(i - 1, "for") || self.is(i - 1, "in")) {
            return Self::found(i, i + 2, Parsed::Ref("PXX"), None);
        }
        // "decades-long", "years-long": a vague duration used as an adjective.
        if let Lex::Unit(unit, true) = self.lex(i)
            && self.punct(i + 1, '-')
            && self.touching(i)
            && self.is(i + 2, "long")
        {
            return Self::found(i, i + 3, Parsed::Duration { n: None, unit }, None);
        }
        // "a month-long strike", "week-long talks": one unit as an adjective.
        if let Lex::Unit(unit, false) = self.lex(i)
            && unit != Unit::Quarter
            && self.punct(i + 1, '-')
            && self.touching(i)
            && self.is(i + 2, "long")
        {
            return Self::found(i, i + 3, Parsed::Duration { n: Some(Quantity { whole: 1, half: false }), unit }, None);
        }
        // Bare plural unit: "for years", "within weeks".
        if let Lex::Unit(unit, true) = self.lex(i) {
            // "Just months ago": a vague past, with or without a preposition before it.
            if self.w(i + 1, W::Ago) && !matches!(unit, Unit::Second | Unit::Quarter | Unit::Weekend) {
                return Self::found(i, i + 2, Parsed::Ref("PAST_REF"), None);
            }
            if !matches!(unit, Unit::Second | Unit::Quarter | Unit::Weekend)
                && self.prev_is_prep(i)
                && !self.w(i + 1, W::Of)
            {
                if self.w(i + 1, W::Ago) {
                    return Self::found(i, i + 2, Parsed::Ref("PAST_REF"), None);
                }
                return Self::found(i, i + 1, Parsed::Duration { n: None, unit }, None);
            }
            return None;
        }
        let (j, qty) = self.quantity(i)?;
        // "20 more years", "two additional weeks"
        // "five business days", "eight trading days"
        let j = if self.w(j, W::More)
            || ["additional", "extra", "trading", "business", "working", "calendar"].iter().any(|w| self.is(j, w))
        {
            j + 1
        } else {
            j
        };
        let hyphen = self.punct(j, '-') && self.touching(j - 1);
        let k = if hyphen { j + 1 } else { j };
        // "a half-century", "a half century ago": 50 years.
        if self.w(k, W::Half)
            && let Some(q) = qty.filter(|q| q.whole == 1 && !q.half)
        {
            let c = if self.punct(k + 1, '-') && self.touching(k) { k + 2 } else { k + 1 };
            if self.lex(c) == Lex::Unit(Unit::Century, false) && !self.name_unit(c) {
                return Some(self.years_or_ago(i, c + 1, 50 * q.whole));
            }
        }
        let Lex::Unit(unit, _plural) = self.lex(k) else {
            return None;
        };
        // "the Six-Day War", "CBS's 60 Minutes", "48 Hours", "the Thirty Years War": a
        // capitalised unit after its number is part of a name (all capitals are a headline).
        if self.name_unit(k) {
            return None;
        }
        // "a years-long effort": "a" counts no plural.
        if _plural && qty.is_some_and(|q| q.whole == 1 && !q.half) && (self.w(i, W::A) || self.w(i, W::An)) {
            return None;
        }
        // "a quarter-century", "three quarters of a century": 25 years each.
        if unit == Unit::Quarter && !hyphen {
            let c = if self.punct(k + 1, '-') && self.touching(k) { k + 2 } else { k + 1 };
            let c = if self.w(c, W::Of) && self.w(c + 1, W::A) { c + 2 } else { c };
            if self.lex(c) == Lex::Unit(Unit::Century, false)
                && let Some(q) = qty
            {
                return Some(self.years_or_ago(i, c + 1, q.whole * 25));
            }
        }
        // "a quarter of the shares", "three quarters of the vote" are fractions; "several
        // quarters of losses" is time.
        if unit == Unit::Quarter && (qty.is_some() && self.w(k + 1, W::Of) || self.punct(k + 1, '%')) {
            return None;
        }
        // "three-quarters support a ban", "one-quarter to one-third": fractions.
        if unit == Unit::Quarter && hyphen {
            return None;
        }
        let mut end = k + 1;
        // "8-month-old", "52-year-old": ages of people are not TIMEX; other things ("an
        // 8-month-old truce") are durations in TimeBank. Skip both: a person's age is
        // checked by the arithmetic rule, not listed here.
        if self.punct(end, '-') && self.w(end + 1, W::Old) {
            return None;
        }
        if self.w(end, W::Old) {
            return None;
        }
        let mut qty = qty;
        // "a minute and a half", "a year and a half"
        if self.w(end, W::And) && self.w(end + 1, W::A) && self.w(end + 2, W::Half) {
            if let Some(q) = qty.as_mut() {
                q.half = true;
            }
            end += 3;
        }
        // "a two-month-long strike", "a week-long visit": "-long" belongs to the duration.
        if self.punct(end, '-') && self.touching(end - 1) && self.is(end + 1, "long") && unit != Unit::Quarter {
            // "a week-long visit": the article belongs to the noun, not to the time.
            let start = if self.w(i, W::A) || self.w(i, W::An) { k } else { i };
            return Self::found(start, end + 2, Parsed::Duration { n: qty, unit }, None);
        }
        if hyphen {
            // "a year-earlier loss": the adjective alone is the expression.
            if matches!(self.lex(end), Lex::Word(W::Earlier | W::Ago)) || self.punct(end, '-') {
                return None;
            }
            return Self::found(i, end, Parsed::Duration { n: qty, unit }, None);
        }
        // "a year-earlier loss": leave "year-earlier" to the next token.
        if self.punct(end, '-') && (self.w(end + 1, W::Earlier) || self.w(end + 1, W::Ago)) {
            return None;
        }
        // "a week or so ago"
        if self.w(end, W::Or) && self.is(end + 1, "so") && self.w(end + 2, W::Ago) {
            end += 2;
        }
        let is_a = self.w(i, W::A) || self.w(i, W::An);
        // "three weeks from now", "two days from today": the dateline moved ahead.
        if self.is(end, "from")
            && matches!(self.lex(end + 1), Lex::Word(W::Now | W::Today))
            && let Some(q) = qty.filter(|q| !q.half && q.whole > 0 && q.whole < 10_000)
            && unit >= Unit::Day
            && unit != Unit::Weekend
        {
            return Self::found(i, end + 2, Parsed::Shift { unit, n: q.whole as i32 }, None);
        }
        match self.lex(end) {
            Lex::Word(W::Ago) => {
                // "a week ago Tuesday", "two weeks ago Sunday": that weekday, weeks back.
                if unit == Unit::Week
                    && let Some(q) = qty.filter(|q| !q.half && q.whole <= 8)
                    && let Lex::Weekday(wd) = self.lex(end + 1)
                    && self.tok(end + 1).is_some_and(|t| t.cap)
                {
                    let day = Box::new(Parsed::Weekday { wd, rel: Rel::None });
                    return Self::found(i, end + 2, Parsed::DayFrom { day, n: -7 * q.whole as i32 }, None);
                }
                // "two years ago this month", "a year ago today": one date, at the
                // granularity of the anchor.
                if let Some(q) = qty.filter(|q| !q.half && q.whole > 0)
                    && let Some((e2, at)) = self.ago_anchor(end + 1)
                    && at < unit
                    && unit != Unit::Weekend
                {
                    return Self::found(i, e2, Parsed::AgoAt { n: q.whole, unit, at }, None);
                }
                if is_a && unit == Unit::Year && qty.is_some_and(|q| q.whole == 1 && !q.half) {
                    return Self::found(i, end + 1, Parsed::YearAgoFocus, None);
                }
                return Self::found(i, end + 1, Parsed::Ago { n: qty.map(|q| q.whole), unit }, None);
            }
            Lex::Word(W::Earlier) if is_a && unit == Unit::Year && qty.is_some_and(|q| q.whole == 1) => {
                return Self::found(i, end + 1, Parsed::YearAgoFocus, None);
            }
            _ => {}
        }
        // "$5 billion a year", "three times a day": a rate, not a duration.
        if is_a && !_plural && i > 0 {
            let p = self.tok(i - 1)?;
            let pw = &self.text[p.start..p.end];
            let rate = p.kind == TokKind::Number
                || p.kind == TokKind::OtherNumber
                || p.kind == TokKind::Punct('%')
                || ["million", "billion", "percent", "times", "trillion", "thousand", "dollars", "cents"]
                    .iter()
                    .any(|x| pw.eq_ignore_ascii_case(x))
                || (p.kind == TokKind::Word
                    && pw.ends_with('s')
                    && !pw.eq_ignore_ascii_case("was")
                    && !pw.eq_ignore_ascii_case("is")
                    && !pw.eq_ignore_ascii_case("has")
                    && !pw.eq_ignore_ascii_case("as")
                    && !pw.eq_ignore_ascii_case("this")
                    && !pw.eq_ignore_ascii_case("its")
                    && !pw.eq_ignore_ascii_case("his")
                    && !pw.eq_ignore_ascii_case("less")
                    && !pw.eq_ignore_ascii_case("plus")
                    && !pw.eq_ignore_ascii_case("thus"));
            if rate {
                let (l, t) = unit.letter();
                return Self::found(i, end, Parsed::Set(format!("P{}1{l}", if t { "T" } else { "" })), None);
            }
        }
        // "Islam will one day be ...": "one day" after a modal is some day ahead, no duration.
        if unit == Unit::Day
            && !_plural
            && self.is(i, "one")
            && i > 0
            && ["will", "would", "could", "might", "may", "can", "should", "must"].iter().any(|m| self.is(i - 1, m))
        {
            return Self::found(i, end, Parsed::Ref("FUTURE_REF"), None);
        }
        Self::found(i, end, Parsed::Duration { n: qty, unit }, None)
    }

    /// `n` years from token `i` to `end` ("a quarter-century"), or that long ago when "ago"
    /// follows ("a half-century ago").
    pub(super) fn years_or_ago(&self, i: usize, end: usize, n: u32) -> Found {
        let (end, parsed) = if self.w(end, W::Ago) {
            (end + 1, Parsed::Ago { n: Some(n), unit: Unit::Year })
        } else {
            (end, Parsed::Duration { n: Some(Quantity { whole: n, half: false }), unit: Unit::Year })
        };
        Found { start: i, end, parsed, modifier: None }
    }

    /// After "N years ago": "this month", "this week", "this year", "today", "to the day".
    /// Returns the end and the granularity it names.
    pub(super) fn ago_anchor(&self, k: usize) -> Option<(usize, Unit)> {
        if self.w(k, W::This)
            && let Lex::Unit(at @ (Unit::Week | Unit::Month | Unit::Year), false) = self.lex(k + 1)
        {
            return Some((k + 2, at));
        }
        if self.w(k, W::Today) && !self.punct(k + 1, '\'') {
            return Some((k + 1, Unit::Day));
        }
        if self.w(k, W::To) && self.w(k + 1, W::The) && self.lex(k + 2) == Lex::Unit(Unit::Day, false) {
            return Some((k + 3, Unit::Day));
        }
        None
    }

    /// "week of March", "week of the year", "week of next month", "week of 1998" from the
    /// "week" token `k`: the nth week of that month or year (`n` -1 for the last).
    pub(super) fn week_of_period(&self, k: usize, n: i8, start: usize) -> Option<Found> {
        if self.lex(k) != Lex::Unit(Unit::Week, false) || !self.w(k + 1, W::Of) {
            return None;
        }
        let j = k + 2;
        let t = self.tok(j)?;
        let (end, of) = match t.lex {
            Lex::Month(..) => {
                let f = self.month(j, YearSpec::Infer, j)?;
                if !matches!(f.parsed, Parsed::Month { .. }) {
                    return None;
                }
                (f.end, f.parsed)
            }
            Lex::Word(W::The) => match self.lex(j + 1) {
                Lex::Unit(Unit::Year, false) => (j + 2, Parsed::Year(YearSpec::Rel(0))),
                Lex::Unit(Unit::Month, false) => (j + 2, Parsed::Shift { unit: Unit::Month, n: 0 }),
                _ => return None,
            },
            Lex::Word(w @ (W::This | W::Last | W::Next)) => {
                let rel = match w {
                    W::This => 0,
                    W::Last => -1,
                    _ => 1,
                };
                match self.lex(j + 1) {
                    Lex::Unit(unit @ (Unit::Year | Unit::Month), false) => (j + 2, Parsed::Shift { unit, n: rel }),
                    _ => return None,
                }
            }
            _ if t.kind == TokKind::Number && t.digits == 4 => {
                let y = t.num? as i32;
                (j + 1, Parsed::Year(YearSpec::Abs(y)))
            }
            _ => return None,
        };
        Self::found(start, end, Parsed::NthWeek { of: Box::new(of), n }, None)
    }
}

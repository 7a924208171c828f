//! Calendar dates: weekdays, month and day, years, months.

use super::*;

impl<'a> Scanner<'a> {
    // ---------------------------------------------------------------- calendar dates

    /// Weekday, maybe with a date ("Tuesday, Feb. 1, 2022") or a part of day ("Tuesday night").
    pub(super) fn weekday(&self, i: usize, wd: u8, rel: Rel, start: usize) -> Option<Found> {
        let t = self.tok(i)?;
        if !t.cap {
            return None;
        }
        if i > 0 && self.tok(i - 1).is_some_and(|p| p.cap) && WEEKDAY_NAME_BEFORE.iter().any(|w| self.is(i - 1, w)) {
            return None;
        }
        if self.tok(i + 1).is_some_and(|n| n.cap) && WEEKDAY_NAME_AFTER.iter().any(|w| self.is(i + 1, w)) {
            return None;
        }
        if self.quoted_show(i) {
            return None;
        }
        // "hosts a Sunday talk show", "writes a Saturday column": a show that comes back
        // every such day.
        if rel == Rel::None && i > 0 && (self.is(i - 1, "a") || self.is(i - 1, "an")) {
            let k = if ["talk", "radio", "news", "morning", "night", "evening", "political"]
                .iter()
                .any(|w| self.is(i + 1, w))
            {
                i + 2
            } else {
                i + 1
            };
            if ["show", "program", "programme", "column", "broadcast", "newscast", "edition"]
                .iter()
                .any(|w| self.is(k, w))
            {
                return Self::found(start, i + 1, Parsed::Set(format!("XXXX-WXX-{wd}")), None);
            }
        }
        let mut j = i + 1;
        if self.punct(j, '\'') && self.is(j + 1, "s") {
            // "Friday's meeting": the possessive is not part of the expression.
            return Self::found(start, i + 1, Parsed::Weekday { wd, rel }, None);
        }
        let paren = self.punct(j, '(');
        if self.punct(j, ',') || paren {
            j += 1;
        }
        if rel == Rel::None
            && let Some(mut f) = self.month_date(j)
            && let Parsed::Date { wd: ref mut w, .. } = f.parsed
            && (!paren || self.punct(f.end, ')'))
        {
            // "Tuesday, Feb. 1" and "Tuesday (Feb. 1)" are one expression.
            *w = Some(wd);
            f.start = start;
            if paren {
                f.end += 1;
            }
            return Some(f);
        }
        if rel == Rel::None
            && let Some(f) = self.day_month(j)
        {
            let mut f = f;
            if let Parsed::Date { wd: ref mut w, .. } = f.parsed {
                *w = Some(wd);
            }
            f.start = start;
            return Some(f);
        }
        if rel == Rel::None {
            // "Tuesday nights": every Tuesday night. "Monday and Tuesday nights": both are.
            if self.plural_part_of_day(i + 1) {
                let (end, v) = self.weekday_set(i + 1, wd);
                return Self::found(start, end, Parsed::Set(v), None);
            }
            if (self.w(i + 1, W::And) || self.w(i + 1, W::Or) || self.punct(i + 1, ','))
                && matches!(self.lex(i + 2), Lex::Weekday(_))
                && self.plural_part_of_day(i + 3)
                && let Lex::PartOfDay(p) = self.lex(i + 3)
            {
                return Self::found(start, i + 1, Parsed::Set(format!("XXXX-WXX-{wd}T{}", p.code())), None);
            }
        }
        let day = Parsed::Weekday { wd, rel };
        if let Lex::PartOfDay(p) = self.lex(i + 1) {
            return Self::found(
                start,
                i + 2,
                Parsed::Time { day: Some(Box::new(day)), clock: Clock::Part(p.code()) },
                None,
            );
        }
        Self::found(start, i + 1, day, None)
    }

    /// A lower-case word ending in "-ing" ("voting"; not "thing", "during", "morning").
    pub(super) fn gerund(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        let w = self.s(i).as_bytes();
        t.kind == TokKind::Word
            && !t.cap
            && t.lex == Lex::None
            && w.len() > 4
            && w.ends_with(b"ing")
            && !w.ends_with(b"thing")
            && !w.eq_ignore_ascii_case(b"during")
    }

    /// A weekday inside the quoted name of a show: "Fox News Sunday" closed by a quote
    /// (unquoted, "told Fox News Sunday" may be the network on Sunday), or a quote opened
    /// right before the weekday and closed after two more capitalised words ("Sunday
    /// Morning Futures").
    pub(super) fn quoted_show(&self, i: usize) -> bool {
        let b = self.text.as_bytes();
        let Some(t) = self.tok(i) else { return false };
        // A closing quote after the word, maybe after a comma or full stop.
        let closes = |end: usize| {
            let rest = &b[end.min(b.len())..];
            let rest = rest.strip_prefix(b",").or_else(|| rest.strip_prefix(b".")).unwrap_or(rest);
            rest.starts_with(b"\"") || rest.starts_with("\u{201d}".as_bytes()) || rest.starts_with(b"''")
        };
        let opens = |start: usize| {
            let before = &b[..start.min(b.len())];
            before.ends_with(b"\"") || before.ends_with("\u{201c}".as_bytes()) || before.ends_with(b"''")
        };
        if i > 0 && self.tok(i - 1).is_some_and(|p| p.cap) && self.is(i - 1, "news") && closes(t.end) {
            return true;
        }
        if !opens(t.start) {
            return false;
        }
        let mut k = i + 1;
        while k < i + 5 && self.tok(k).is_some_and(|n| n.cap && n.kind == TokKind::Word) {
            if k >= i + 2 && closes(self.toks[k].end) {
                return true;
            }
            k += 1;
        }
        false
    }

    /// "nights", "mornings": a plural part of the day (a set when a weekday comes before it).
    pub(super) fn plural_part_of_day(&self, i: usize) -> bool {
        matches!(self.lex(i), Lex::PartOfDay(_)) && self.s(i).ends_with('s')
    }

    /// The SET value of a weekday with the part of day at `i`, if any: (end, value).
    pub(super) fn weekday_set(&self, i: usize, wd: u8) -> (usize, String) {
        match self.lex(i) {
            Lex::PartOfDay(p) => (i + 1, format!("XXXX-WXX-{wd}T{}", p.code())),
            _ => (i, format!("XXXX-WXX-{wd}")),
        }
    }

    /// Month Day[,] [Year] starting at `i` (no weekday).
    pub(super) fn month_date(&self, i: usize) -> Option<Found> {
        let Lex::Month(m, abbr) = self.lex(i) else { return None };
        let mut j = i + 1;
        if self.punct(j, '.') && self.touching(i) {
            j += 1;
        } else if abbr && !self.tok(j).is_some_and(|t| matches!(t.kind, TokKind::Number | TokKind::OrdinalNum)) {
            return None;
        }
        let t = self.tok(j)?;
        let d = match t.kind {
            TokKind::Number | TokKind::OrdinalNum if t.digits <= 2 => t.num?,
            _ => return None,
        };
        if !(1..=31).contains(&d) {
            return None;
        }
        let (end, y) = self.year_after(j + 1);
        Self::found(i, end, Parsed::Date { y, m, d: d as u8, wd: None }, None)
    }

    /// Day Month [Year] ("1 February 2022").
    pub(super) fn day_month(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        if !matches!(t.kind, TokKind::Number | TokKind::OrdinalNum) || t.digits > 2 {
            return None;
        }
        let d = t.num?;
        let mut j = i + 1;
        if self.w(j, W::Of) {
            j += 1;
        }
        let Lex::Month(m, abbr) = self.lex(j) else { return None };
        if !self.tok(j).is_some_and(|t| t.cap) || !(1..=31).contains(&d) {
            return None;
        }
        let mut k = j + 1;
        if self.punct(k, '.') && self.touching(j) {
            k += 1;
        } else if abbr {
            return None;
        }
        let (end, y) = self.year_after(k);
        if y == YearSpec::Infer && t.kind == TokKind::Number && j == i + 1 {
            // "1 February" without a year is rare in news and "3 March" collides with counts.
            return None;
        }
        Self::found(i, end, Parsed::Date { y, m, d: d as u8, wd: None }, None)
    }

    /// `[,] 2022` after a month and day.
    pub(super) fn year_after(&self, i: usize) -> (usize, YearSpec) {
        let k = if self.punct(i, ',') { i + 1 } else { i };
        if let Some((end, y)) = self.spoken_year(k) {
            return (end, YearSpec::Abs(y));
        }
        match self.tok(k) {
            Some(t) if t.kind == TokKind::Number && t.digits == 4 => {
                let y = t.num.unwrap_or(0) as i32;
                if (1000..=2200).contains(&y) { (k + 1, YearSpec::Abs(y)) } else { (i, YearSpec::Infer) }
            }
            _ => (i, YearSpec::Infer),
        }
    }

    /// "this year", "last year" after a month or season ("January this year").
    pub(super) fn year_suffix(&self, i: usize) -> (usize, YearSpec) {
        let rel = match self.lex(i) {
            Lex::Word(W::This) => 0,
            Lex::Word(W::Last) => -1,
            Lex::Word(W::Next) => 1,
            _ => {
                let k = if self.w(i, W::Of) || self.punct(i, ',') { i + 1 } else { i };
                if let Some((end, y)) = self.spoken_year(k) {
                    return (end, YearSpec::Abs(y));
                }
                if let Some(t) = self.tok(k)
                    && t.kind == TokKind::Number
                    && t.digits == 4
                    && let Some(y) = t.num
                    && (1000..=2200).contains(&y)
                {
                    return (k + 1, YearSpec::Abs(y as i32));
                }
                return (i, YearSpec::Infer);
            }
        };
        if matches!(self.lex(i + 1), Lex::Unit(Unit::Year, false)) {
            (i + 2, YearSpec::Rel(rel))
        } else {
            (i, YearSpec::Infer)
        }
    }

    /// A month: with a day, a year, or alone where it cannot be a name or a verb.
    pub(super) fn month(&self, i: usize, y0: YearSpec, start: usize) -> Option<Found> {
        if let Some(mut f) = self.month_date(i) {
            f.start = start;
            if let (Parsed::Date { y, .. }, YearSpec::Rel(_) | YearSpec::Abs(_)) = (&mut f.parsed, y0)
                && *y == YearSpec::Infer
            {
                *y = y0;
            }
            return Some(f);
        }
        let t = self.tok(i)?;
        let Lex::Month(m, abbr) = t.lex else { return None };
        if !t.cap {
            return None;
        }
        let mut j = i + 1;
        if abbr {
            if !(self.punct(j, '.') && self.touching(i)) {
                return None;
            }
            j += 1;
        }
        let (end, y) = self.year_suffix(j);
        let y = if y == YearSpec::Infer { y0 } else { y };
        let mut modifier_month = false;
        if y == YearSpec::Infer && start == i {
            // "May" and "March" are also verbs, "June" and "August" names: a bare month
            // needs a preposition or modifier before it.
            let ambiguous = matches!(m, 3 | 5 | 6 | 8);
            // "a June poll", "his March speech", "Trump's May rally": a month before its
            // noun ("the May government" may be a name, so not after "the").
            let modifier = i > 0
                && self.tok(j).is_some_and(|n| n.kind == TokKind::Word && !n.cap && matches!(n.lex, Lex::None))
                && self.tok(i - 1).is_some_and(|p| p.kind == TokKind::Word && p.end - p.start <= 5)
                && ["a", "an", "his", "her", "its", "their", "our", "s"].iter().any(|w| self.is(i - 1, w))
                && (i < 2 || !self.is(i - 1, "s") || self.punct(i - 2, '\''));
            if (ambiguous || abbr) && !self.prev_is_prep(i) && !modifier {
                return None;
            }
            modifier_month = modifier;
            if i == 0 && !self.punct(i + 1, ',') && ambiguous {
                return None;
            }
        }
        let rel = if modifier_month { Rel::Near } else { Rel::None };
        Self::found(start, end, Parsed::Month { y, m, rel }, None)
    }
}

//! The calendar forms of [`Scan`]: eras, decades, centuries, years and seasons, ISO dates,
//! months and days of the month, weekdays.

use super::calendar::{day_range, month_part, ordinal_number, thirds};
use super::scan::Scan;
use super::tables::{
    Part, CLOCK_WORDS, DECADE_WORDS, ERAS, MONTHS, MONTH_CONTEXT, ORDINALS, PARTS_OF_DAY, WEEKDAYS,
};
use super::{Date, Found, Granularity, Interval, TimeKind};

impl<'a> Scan<'a> {
    pub(super) fn era(&self, i: usize) -> Option<Found> {
        let j = if self.w(i) == "the" { i + 1 } else { i };
        if j == i && matches!(self.prev(i), "new" | "another" | "second") {
            return None;
        }
        let mut best: Option<(usize, Interval)> = None;
        for &k in self.index.eras(self.w(j)) {
            let (words, from, to, g) = ERAS[k];
            if let Some(end) = self.seq(j, words) {
                if !matches!(best, Some((e, _)) if e >= end) {
                    best = Some((end, Interval::years(from, to, g)?));
                }
            }
        }
        let (mut end, iv) = best?;
        // An era that had not begun by the story date is another one: "the gulf war" in 1987 is
        // the Iran-Iraq war.
        if self.story.is_some_and(|s| iv.start > s) {
            return None;
        }
        if matches!(self.w(end), "era" | "years" | "period") {
            end += 1;
        } else if self.w(end) == "-" && self.w(end + 1) == "era" {
            end += 2;
        }
        Some(Found::new(end, Some(iv), TimeKind::Era))
    }

    /// "the 1950s", "the 1950's", "the '50s", "the fifties", "the mid-1960s", "the 1800s".
    pub(super) fn decade(&self, i: usize) -> Option<Found> {
        let the = self.w(i) == "the";
        let j = if the { i + 1 } else { i };
        let (part, j) = self.part(j);
        let w = self.w(j);
        let b = w.as_bytes();
        let (base, end, may_be_century) =
            if self.is_number(j) && b.len() == 5 && b[4] == b's' && b[..4].iter().all(u8::is_ascii_digit) {
                (w[..4].parse::<i32>().ok()?, j + 1, true)
            } else if self.is_number(j)
                && b.len() == 4
                && b.iter().all(u8::is_ascii_digit)
                && self.w(j + 1) == "'s"
                && self.glued(j + 1)
                && (the || part.is_some())
            {
                (w.parse::<i32>().ok()?, j + 2, true)
            } else if w == "'" && self.is_number(j + 1) && self.glued(j + 1) {
                let d = self.w(j + 1).as_bytes();
                if !(d.len() == 3 && d[2] == b's' && d[..2].iter().all(u8::is_ascii_digit)) {
                    return None;
                }
                let dd = i32::from(d[0] - b'0') * 10 + i32::from(d[1] - b'0');
                (if dd >= 20 { 1900 + dd } else { 2000 + dd }, j + 2, false)
            } else if the || part.is_some() {
                let &(_, base) = DECADE_WORDS.iter().find(|(name, _)| *name == w)?;
                (base, j + 1, false)
            } else {
                return None;
            };
        if base % 10 != 0 || !(1000..=2090).contains(&base) {
            return None;
        }
        let iv = if may_be_century && base % 100 == 0 && base < 2000 {
            let (a, b) = thirds(part, 99);
            Interval::years(base + a, base + b, Granularity::Century)
        } else {
            let (a, b) = match part {
                None => (0, 9),
                Some(Part::Early) => (0, 3),
                Some(Part::Mid) => (3, 7),
                Some(Part::Late) => (7, 9),
            };
            Interval::years(base + a, base + b, Granularity::Decade)
        };
        Some(Found::new(end, iv, TimeKind::Absolute))
    }

    /// "the 19th century", "the twentieth century", "the early 20th-century".
    pub(super) fn century(&self, i: usize) -> Option<Found> {
        let j = if self.w(i) == "the" { i + 1 } else { i };
        let (part, j) = self.part(j);
        let w = self.w(j);
        let (n, j) = if self.is_number(j) {
            (ordinal_number(w)?, j + 1)
        } else if let Some(end) = self.seq(j, "twenty - first") {
            (21, end)
        } else {
            (ORDINALS.iter().find(|(name, _)| *name == w)?.1, j + 1)
        };
        let j = if self.w(j) == "-" { j + 1 } else { j };
        if self.w(j) != "century" || !(1..=21).contains(&n) {
            return None;
        }
        let base = (n - 1) * 100;
        let (a, b) = thirds(part, 99);
        let iv = Interval::years(base + a, base + b, Granularity::Century);
        Some(Found::new(j + 1, iv, TimeKind::Absolute))
    }

    /// A 4-digit year in 1800..=2100 at token `i`, unless it is money or a percentage.
    fn year_at(&self, i: usize) -> Option<i32> {
        let w = self.w(i);
        if !self.is_number(i) || w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let y: i32 = w.parse().ok()?;
        if !(1800..=2100).contains(&y) || self.prev(i) == "$" || self.w(i + 1) == "%" {
            return None;
        }
        // A clock time: "at 1805 EST", "set for 1900 hours".
        if CLOCK_WORDS.contains(&self.w(i + 1)) {
            return None;
        }
        Some(y)
    }

    /// "1956", "the year 2000", "1950-53", "early 2018", "the summer of 2018".
    pub(super) fn year(&self, i: usize) -> Option<Found> {
        let j = self.seq(i, "the year").unwrap_or(i);
        // Seasons.
        let s = if self.w(j) == "the" { j + 1 } else { j };
        let season = match self.w(s) {
            "spring" => Some(3),
            "summer" => Some(6),
            "autumn" | "fall" => Some(9),
            _ => None,
        };
        if let Some(m) = season {
            let k = if self.w(s + 1) == "of" { s + 2 } else { s + 1 };
            if let Some(y) = self.year_at(k) {
                let iv = Interval::month(y, m).and_then(|a| {
                    let b = Interval::month(y, m + 2)?;
                    Some(Interval { start: a.start, end: b.end, granularity: Granularity::Quarter })
                });
                return Some(Found::new(k + 1, iv, TimeKind::Absolute));
            }
        }
        let (part, j) = self.part(j);
        let y = self.year_at(j)?;
        if let Some(p) = part {
            let (a, b) = match p {
                Part::Early => (1, 4),
                Part::Mid => (5, 8),
                Part::Late => (9, 12),
            };
            let iv = Interval::month(y, a).and_then(|first| {
                let last = Interval::month(y, b)?;
                Some(Interval { start: first.start, end: last.end, granularity: Granularity::Quarter })
            });
            return Some(Found::new(j + 1, iv, TimeKind::Absolute));
        }
        // "1950-53", "1950--1953"
        if matches!(self.w(j + 1), "-" | "--") && self.glued(j + 1) && self.glued(j + 2) {
            let w2 = self.w(j + 2);
            if self.is_number(j + 2) && w2.bytes().all(|b| b.is_ascii_digit()) {
                let y2 = match w2.len() {
                    2 => w2.parse::<i32>().ok().map(|d| y / 100 * 100 + d),
                    4 => w2.parse::<i32>().ok(),
                    _ => None,
                };
                if let Some(y2) = y2.filter(|&y2| y2 > y && y2 <= 2100) {
                    let iv = Interval::years(y, y2, Granularity::Year);
                    return Some(Found::new(j + 3, iv, TimeKind::Absolute));
                }
            }
        }
        Some(Found::new(j + 1, Interval::year(y), TimeKind::Absolute))
    }

    /// "2019-02-02".
    pub(super) fn iso(&self, i: usize) -> Option<Found> {
        let y = self.year_at(i)?;
        let two = |k: usize| {
            let w = self.w(k);
            (self.is_number(k) && self.glued(k) && w.len() == 2).then(|| w.parse::<u32>().ok()).flatten()
        };
        if self.w(i + 1) != "-" || !self.glued(i + 1) || self.w(i + 3) != "-" || !self.glued(i + 3) {
            return None;
        }
        let (m, d) = (two(i + 2)?, two(i + 4)?);
        let iv = Date::new(y, m, d).map(Interval::day)?;
        Some(Found::new(i + 5, Some(iv), TimeKind::Absolute))
    }

    /// The month named by token `i` (1-based): a full name or a dotted abbreviation.
    fn month_at(&self, i: usize) -> Option<u32> {
        let w = self.w(i);
        let (name, dotted) = match w.strip_suffix('.') {
            Some(s) => (s, true),
            None => (w, false),
        };
        let k = MONTHS.iter().position(
            |(full, abbrevs)| {
                if dotted {
                    abbrevs.contains(&name)
                } else {
                    *full == name
                }
            },
        )?;
        let ambiguous = !dotted && (name == "may" || name == "march");
        if ambiguous && !self.tokens.get(i).is_some_and(|t| t.is_capitalized()) {
            return None;
        }
        Some(k as u32 + 1)
    }

    /// A day of the month at token `i`: `12`, `12th`, `2nd`.
    fn day_at(&self, i: usize) -> Option<u32> {
        if !self.is_number(i) {
            return None;
        }
        let w = self.w(i);
        let digits = ["st", "nd", "rd", "th"].iter().find_map(|s| w.strip_suffix(s)).unwrap_or(w);
        if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok().filter(|d| (1..=31).contains(d))
    }

    fn weekday_at(&self, i: usize) -> Option<u32> {
        let w = self.w(i);
        WEEKDAYS.iter().position(|d| *d == w).map(|k| k as u32)
    }

    /// Month forms: "12 September 2019", "Sept. 12", "February 2-3, 2019", "January 2019",
    /// "last September", "in January", "mid-January"; an optional weekday in front.
    pub(super) fn month(&self, i: usize) -> Option<Found> {
        if let Some(d) = self.day_at(i) {
            let m = self.month_at(i + 1)?;
            if let Some(y) = self.year_at(i + 2) {
                let iv = Date::new(y, m, d).map(Interval::day);
                return Some(Found::new(i + 3, iv, TimeKind::Absolute));
            }
            return Some(self.day_in_story_year(i + 2, m, d, d));
        }
        let mut j = i;
        let mut weekday_prefix = false;
        if self.weekday_at(j).is_some() {
            let mut k = j + 1;
            if matches!(self.w(k), "/" | "and" | "or") && self.weekday_at(k + 1).is_some() {
                k += 2;
            }
            if self.w(k) == "," {
                k += 1;
            }
            self.month_at(k)?;
            j = k;
            weekday_prefix = true;
        }
        let mut rel = None;
        if matches!(self.w(j), "last" | "next" | "this") && self.month_at(j + 1).is_some() {
            rel = Some(self.w(j));
            j += 1;
        }
        let (part, k) = self.part(j);
        let part = if part.is_some() && self.month_at(k).is_some() {
            j = k;
            part
        } else {
            None
        };
        let m = self.month_at(j)?;
        if let Some(d1) = self.day_at(j + 1) {
            let mut k = j + 2;
            let mut d2 = d1;
            if matches!(self.w(k), "-" | "--") {
                if let Some(d) = self.day_at(k + 1).filter(|&d| d > d1) {
                    d2 = d;
                    k += 2;
                }
            }
            let ky = if self.w(k) == "," { k + 1 } else { k };
            if let Some(y) = self.year_at(ky) {
                let iv = day_range(y, m, d1, d2);
                return Some(Found::new(ky + 1, iv, TimeKind::Absolute));
            }
            return Some(self.day_in_story_year(k, m, d1, d2));
        }
        if weekday_prefix {
            return None;
        }
        let ky = if self.w(j + 1) == "of" { j + 2 } else { j + 1 };
        if let Some(y) = self.year_at(ky) {
            let iv = Interval::month(y, m).and_then(|iv| month_part(iv, part));
            return Some(Found::new(ky + 1, iv, TimeKind::Absolute));
        }
        let name = self.w(j);
        if (name == "may" || name == "march")
            && rel.is_none()
            && part.is_none()
            && !MONTH_CONTEXT.contains(&self.prev(j))
        {
            return None;
        }
        let Some(s) = self.story else {
            return Some(Found { end: j + 1, value: None });
        };
        let sy = s.year();
        let y = match rel {
            Some("last") => sy - i32::from(m >= s.month()),
            Some("next") => sy + i32::from(m <= s.month()),
            Some(_) => sy,
            None => sy - i32::from(m > s.month()),
        };
        let iv = Interval::month(y, m).and_then(|iv| month_part(iv, part));
        Some(Found::new(j + 1, iv, TimeKind::Relative))
    }

    /// Days `d1..=d2` of month `m` in the story year (or the year before, when that would be more
    /// than 31 days after the story date); ends at token `end`.
    fn day_in_story_year(&self, end: usize, m: u32, d1: u32, d2: u32) -> Found {
        let Some(s) = self.story else {
            return Found { end, value: None };
        };
        let mut y = s.year();
        if Date::new(y, m, d1).is_some_and(|d| d > s.add_days(31)) {
            y -= 1;
        }
        Found::new(end, day_range(y, m, d1, d2), TimeKind::Relative)
    }

    /// "Monday", "last Friday", "next Tuesday", "Sunday night".
    pub(super) fn weekday(&self, i: usize) -> Option<Found> {
        let mut j = i;
        let mut rel = "";
        if matches!(self.w(i), "last" | "next" | "this") && self.weekday_at(i + 1).is_some() {
            rel = self.w(i);
            j = i + 1;
        }
        let wd = self.weekday_at(j)? as i32;
        let end = if PARTS_OF_DAY.contains(&self.w(j + 1)) { j + 2 } else { j + 1 };
        let Some(s) = self.story else {
            return Some(Found { end, value: None });
        };
        let sw = s.weekday() as i32;
        let offset = match rel {
            "next" => {
                let fwd = (wd - sw).rem_euclid(7);
                if fwd == 0 {
                    7
                } else {
                    fwd
                }
            }
            "last" => {
                let back = (sw - wd).rem_euclid(7);
                -(if back == 0 { 7 } else { back })
            }
            _ => -(sw - wd).rem_euclid(7),
        };
        Some(Found::new(end, Some(Interval::day(s.add_days(offset))), TimeKind::Relative))
    }
}

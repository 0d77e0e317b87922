//! Calendar dates, intervals and granularities.
//!
//! axis needs a proleptic Gregorian calendar and nothing more: no time zones, no times of day. A
//! [`Date`] converts to and from a day number so that arithmetic and comparisons are integer work.

use serde::{Serialize, Serializer};
use std::fmt;

/// A calendar day (proleptic Gregorian).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i16,
    month: u8,
    day: u8,
}

/// Why a string is not a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DateError {}

impl Date {
    /// The date, if `month` and `day` exist in `year` (years 1..=9999).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        if day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year: year as i16, month: month as u8, day: day as u8 })
    }

    /// Year.
    pub fn year(self) -> i32 {
        self.year as i32
    }

    /// Month, 1..=12.
    pub fn month(self) -> u32 {
        self.month as u32
    }

    /// Day of month, 1..=31.
    pub fn day(self) -> u32 {
        self.day as u32
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i32 {
        // Howard Hinnant's days_from_civil.
        let y = self.year as i32 - i32::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = self.month as i32;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01; clamped to the supported years.
    pub fn from_days(days: i32) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i32::from(m <= 2);
        if y < 1 {
            return Date { year: 1, month: 1, day: 1 };
        }
        if y > 9999 {
            return Date { year: 9999, month: 12, day: 31 };
        }
        Date { year: y as i16, month: m as u8, day: d as u8 }
    }

    /// This date plus `n` days (negative to go back).
    pub fn add_days(self, n: i32) -> Date {
        Date::from_days(self.to_days() + n)
    }

    /// This date plus `n` months, the day clamped to the target month's length.
    pub fn add_months(self, n: i32) -> Date {
        let total = self.year as i32 * 12 + (self.month as i32 - 1) + n;
        let (y, m) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
        let y = y.clamp(1, 9999);
        Date::new(y, m, (self.day as u32).min(days_in_month(y, m))).expect("clamped date is valid")
    }

    /// Day of week, 0 = Monday .. 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        (self.to_days() + 3).rem_euclid(7) as u32
    }

    /// First day of this date's month.
    pub fn month_start(self) -> Date {
        Date { day: 1, ..self }
    }

    /// Last day of this date's month.
    pub fn month_end(self) -> Date {
        Date { day: days_in_month(self.year as i32, self.month as u32) as u8, ..self }
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Date, DateError> {
        match Interval::parse_partial(s)? {
            (iv, Granularity::Day) => Ok(iv.start),
            _ => Err(DateError(format!("'{s}' is not a full date (want YYYY-MM-DD)"))),
        }
    }
}

/// Number of days in `month` of `year`.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// How precisely an interval is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// A single day.
    Day,
    /// A calendar week or a few days.
    Week,
    /// A month.
    Month,
    /// A quarter or season.
    Quarter,
    /// A year.
    Year,
    /// A decade or part of one ("the mid-1960s").
    Decade,
    /// A century.
    Century,
    /// A named era ("the cold war") or an open range ("since the 1950s").
    Era,
}

impl Granularity {
    /// Lower-case name, as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Day => "day",
            Granularity::Week => "week",
            Granularity::Month => "month",
            Granularity::Quarter => "quarter",
            Granularity::Year => "year",
            Granularity::Decade => "decade",
            Granularity::Century => "century",
            Granularity::Era => "era",
        }
    }
}

/// An inclusive range of days with the precision it was stated at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Interval {
    /// First day.
    pub start: Date,
    /// Last day (inclusive).
    pub end: Date,
    /// How precisely the text stated it.
    pub granularity: Granularity,
}

impl Interval {
    /// One day.
    pub fn day(d: Date) -> Interval {
        Interval { start: d, end: d, granularity: Granularity::Day }
    }

    /// A whole month.
    pub fn month(year: i32, month: u32) -> Option<Interval> {
        let start = Date::new(year, month, 1)?;
        Some(Interval { start, end: start.month_end(), granularity: Granularity::Month })
    }

    /// A whole year.
    pub fn year(year: i32) -> Option<Interval> {
        Some(Interval {
            start: Date::new(year, 1, 1)?,
            end: Date::new(year, 12, 31)?,
            granularity: Granularity::Year,
        })
    }

    /// Years `from..=to` at the given granularity.
    pub fn years(from: i32, to: i32, granularity: Granularity) -> Option<Interval> {
        Some(Interval { start: Date::new(from, 1, 1)?, end: Date::new(to, 12, 31)?, granularity })
    }

    /// Number of days covered.
    pub fn days(self) -> i32 {
        self.end.to_days() - self.start.to_days() + 1
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into the interval it covers.
    pub fn parse_partial(s: &str) -> Result<(Interval, Granularity), DateError> {
        let bad = || DateError(format!("'{s}' is not a date (want YYYY, YYYY-MM or YYYY-MM-DD)"));
        let mut parts = s.split('-');
        let num = |p: Option<&str>, len: usize| -> Result<Option<u32>, DateError> {
            match p {
                None => Ok(None),
                Some(p) if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) => {
                    Ok(Some(p.parse().map_err(|_| bad())?))
                }
                Some(_) => Err(bad()),
            }
        };
        let y = num(parts.next(), 4)?.ok_or_else(bad)? as i32;
        let m = num(parts.next(), 2)?;
        let d = num(parts.next(), 2)?;
        if parts.next().is_some() {
            return Err(bad());
        }
        let iv = match (m, d) {
            (None, _) => Interval::year(y),
            (Some(m), None) => Interval::month(y, m),
            (Some(m), Some(d)) => Date::new(y, m, d).map(Interval::day),
        }
        .ok_or_else(|| DateError(format!("'{s}' is not a valid calendar date")))?;
        Ok((iv, iv.granularity))
    }
}

impl fmt::Display for Interval {
    /// Prints the interval at its own precision: `2019-02-02`, `2018-09`, `1956`, `1950s`,
    /// or `START..END`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (s, e) = (self.start, self.end);
        let whole_years = s.month() == 1 && s.day() == 1 && e.month() == 12 && e.day() == 31;
        if s == e {
            write!(f, "{s}")
        } else if s.day() == 1 && e == s.month_end() {
            write!(f, "{:04}-{:02}", s.year(), s.month())
        } else if whole_years && s.year() == e.year() {
            write!(f, "{:04}", s.year())
        } else if whole_years && s.year() % 10 == 0 && e.year() == s.year() + 9 {
            write!(f, "{:04}s", s.year())
        } else if whole_years {
            write!(f, "{:04}..{:04}", s.year(), e.year())
        } else {
            write!(f, "{s}..{e}")
        }
    }
}

/// An optionally open range of days, as used for validity of names and terms of office.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct DateRange {
    /// First day, or open.
    pub from: Option<Date>,
    /// Last day (inclusive), or open.
    pub to: Option<Date>,
}

impl DateRange {
    /// The range that covers all time.
    pub const ALWAYS: DateRange = DateRange { from: None, to: None };

    /// Parses `FROM..TO` with either side optional; partial dates cover their whole month or year.
    pub fn parse(s: &str) -> Result<DateRange, DateError> {
        let (a, b) = s
            .split_once("..")
            .ok_or_else(|| DateError(format!("'{s}' is not a date range (want FROM..TO)")))?;
        let from = match a.trim() {
            "" => None,
            a => Some(Interval::parse_partial(a)?.0.start),
        };
        let to = match b.trim() {
            "" => None,
            b => Some(Interval::parse_partial(b)?.0.end),
        };
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err(DateError(format!("'{s}' ends before it starts")));
            }
        }
        Ok(DateRange { from, to })
    }

    /// Days of `iv` inside this range (0 when disjoint).
    pub fn overlap_days(self, iv: Interval) -> i32 {
        let s = match self.from {
            Some(f) if f > iv.start => f,
            _ => iv.start,
        };
        let e = match self.to {
            Some(t) if t < iv.end => t,
            _ => iv.end,
        };
        (e.to_days() - s.to_days() + 1).max(0)
    }

    /// Days between the range and `iv` when disjoint (0 when they overlap).
    pub fn distance_days(self, iv: Interval) -> i32 {
        if let Some(t) = self.to {
            if t < iv.start {
                return iv.start.to_days() - t.to_days();
            }
        }
        if let Some(f) = self.from {
            if f > iv.end {
                return f.to_days() - iv.end.to_days();
            }
        }
        0
    }

    /// Whether the range contains the day.
    pub fn contains(self, d: Date) -> bool {
        self.from.is_none_or(|f| f <= d) && self.to.is_none_or(|t| d <= t)
    }
}

impl fmt::Display for DateRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(d) = self.from {
            write!(f, "{d}")?;
        }
        f.write_str("..")?;
        if let Some(d) = self.to {
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        for days in (-719_162..2_900_000).step_by(997) {
            assert_eq!(Date::from_days(days).to_days(), days);
        }
        assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
        assert_eq!(Date::new(2019, 2, 2).unwrap().weekday(), 5); // a Saturday
    }

    #[test]
    fn month_arithmetic_clamps() {
        let d = Date::new(2019, 1, 31).unwrap();
        assert_eq!(d.add_months(1), Date::new(2019, 2, 28).unwrap());
        assert_eq!(d.add_months(-13), Date::new(2017, 12, 31).unwrap());
    }

    #[test]
    fn partial_dates_and_ranges() {
        let table = [
            ("1949..1953", "1949-01-01..1953-12-31"),
            ("..1991-12-25", "..1991-12-25"),
            ("2012-05..", "2012-05-01.."),
            ("2000-02..2000-02", "2000-02-01..2000-02-29"),
        ];
        for (input, want) in table {
            assert_eq!(DateRange::parse(input).unwrap().to_string(), want, "{input}");
        }
        for bad in ["1949", "19490..", "2019-13..", "2019-02-30..", "2000..1999"] {
            assert!(DateRange::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn intervals_print_at_their_precision() {
        let table = [
            (Interval::year(1956).unwrap(), "1956"),
            (Interval::month(2018, 9).unwrap(), "2018-09"),
            (Interval::years(1950, 1959, Granularity::Decade).unwrap(), "1950s"),
            (Interval::years(1963, 1967, Granularity::Decade).unwrap(), "1963..1967"),
        ];
        for (iv, want) in table {
            assert_eq!(iv.to_string(), want);
        }
    }

    #[test]
    fn overlap_and_distance() {
        let r = DateRange::parse("..1991-12-25").unwrap();
        assert_eq!(r.overlap_days(Interval::year(1991).unwrap()), 359);
        assert_eq!(r.overlap_days(Interval::year(2019).unwrap()), 0);
        assert_eq!(r.distance_days(Interval::day(Date::new(1991, 12, 27).unwrap())), 2);
    }
}

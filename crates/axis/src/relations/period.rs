//! Calendar periods: which bucket a day falls in, and every bucket of a range.
//!
//! A period is named by its first day. Weeks run Monday to Sunday (ISO 8601) and are labelled by
//! their Monday; quarters start in January, April, July and October. [`Period::range`] lists every
//! period that overlaps a span of days, so series show quiet periods as empty rows.

use crate::when::Date;
use std::fmt;
use std::str::FromStr;

/// The length of a bucket.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// One day.
    Day,
    /// Monday to Sunday.
    Week,
    /// A calendar month.
    Month,
    /// January–March, April–June, July–September, October–December.
    Quarter,
    /// A calendar year.
    Year,
}

impl Period {
    /// The first day of the period that contains `d`.
    pub fn start(self, d: Date) -> Date {
        match self {
            Period::Day => d,
            Period::Week => d.add_days(-(d.weekday() as i32)),
            Period::Month => d.month_start(),
            Period::Quarter => Date::new(d.year(), (d.month() - 1) / 3 * 3 + 1, 1).unwrap_or(d),
            Period::Year => Date::new(d.year(), 1, 1).unwrap_or(d),
        }
    }

    /// The first day of the period after the one starting at `start`.
    pub fn next(self, start: Date) -> Date {
        match self {
            Period::Day => start.add_days(1),
            Period::Week => start.add_days(7),
            Period::Month => start.add_months(1),
            Period::Quarter => start.add_months(3),
            Period::Year => start.add_months(12),
        }
    }

    /// The last day of the period starting at `start`.
    pub fn end(self, start: Date) -> Date {
        self.next(start).add_days(-1)
    }

    /// A label for the period starting at `start`: `2019-06-05`, `2019-06-03` (the Monday of a
    /// week), `2019-06`, `2019-Q2`, `2019`.
    pub fn label(self, start: Date) -> String {
        match self {
            Period::Day | Period::Week => start.to_string(),
            Period::Month => format!("{:04}-{:02}", start.year(), start.month()),
            Period::Quarter => format!("{:04}-Q{}", start.year(), (start.month() - 1) / 3 + 1),
            Period::Year => format!("{:04}", start.year()),
        }
    }

    /// The first days of every period overlapping `from..=to`, in order (empty if `to < from`).
    pub fn range(self, from: Date, to: Date) -> Vec<Date> {
        let mut out = Vec::new();
        let mut p = self.start(from);
        while p <= to {
            out.push(p);
            let n = self.next(p);
            if n <= p {
                break; // the end of the calendar
            }
            p = n;
        }
        out
    }

    /// The name used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
            Period::Quarter => "quarter",
            Period::Year => "year",
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Period {
    type Err = String;
    fn from_str(s: &str) -> Result<Period, String> {
        match s.to_ascii_lowercase().as_str() {
            "day" => Ok(Period::Day),
            "week" => Ok(Period::Week),
            "month" => Ok(Period::Month),
            "quarter" => Ok(Period::Quarter),
            "year" => Ok(Period::Year),
            _ => Err(format!("'{s}' is not a period (day, week, month, quarter, year)")),
        }
    }
}

/// An inclusive span of days that restricts an analysis (`--from`, `--to`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    /// First day counted, if limited.
    pub from: Option<Date>,
    /// Last day counted, if limited.
    pub to: Option<Date>,
}

impl Span {
    /// Whether `d` lies in the span.
    pub fn contains(&self, d: Date) -> bool {
        self.from.is_none_or(|f| d >= f) && self.to.is_none_or(|t| d <= t)
    }

    /// The days to list periods for: the span's own ends where set, else the first and last days
    /// seen in the data; `None` when neither says.
    pub fn resolve(&self, seen: Option<(Date, Date)>) -> Option<(Date, Date)> {
        let from = self.from.or(seen.map(|s| s.0))?;
        let to = self.to.or(seen.map(|s| s.1))?;
        Some((from, to))
    }
}

/// The smallest and largest of some days, kept as they stream by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Seen(pub Option<(Date, Date)>);

impl Seen {
    pub(crate) fn add(&mut self, d: Date) {
        self.0 = Some(match self.0 {
            None => (d, d),
            Some((a, b)) => (a.min(d), b.max(d)),
        });
    }

    pub(crate) fn merge(&mut self, other: Seen) {
        if let Some((a, b)) = other.0 {
            self.add(a);
            self.add(b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn buckets_and_labels() {
        // (period, day, start, end, label)
        let table = [
            (Period::Day, "2019-06-05", "2019-06-05", "2019-06-05", "2019-06-05"),
            // 2019-06-05 is a Wednesday; its week runs Monday 3 to Sunday 9.
            (Period::Week, "2019-06-05", "2019-06-03", "2019-06-09", "2019-06-03"),
            (Period::Week, "2019-06-09", "2019-06-03", "2019-06-09", "2019-06-03"),
            (Period::Week, "2019-06-10", "2019-06-10", "2019-06-16", "2019-06-10"),
            // A week across the new year: 2020-01-01 is a Wednesday.
            (Period::Week, "2020-01-01", "2019-12-30", "2020-01-05", "2019-12-30"),
            (Period::Month, "2020-02-29", "2020-02-01", "2020-02-29", "2020-02"),
            (Period::Month, "2019-02-28", "2019-02-01", "2019-02-28", "2019-02"),
            (Period::Quarter, "2019-03-31", "2019-01-01", "2019-03-31", "2019-Q1"),
            (Period::Quarter, "2019-04-01", "2019-04-01", "2019-06-30", "2019-Q2"),
            (Period::Quarter, "2019-12-31", "2019-10-01", "2019-12-31", "2019-Q4"),
            (Period::Year, "1957-11-02", "1957-01-01", "1957-12-31", "1957"),
        ];
        for (p, day, start, end, label) in table {
            let s = p.start(d(day));
            assert_eq!(s, d(start), "{p} start of {day}");
            assert_eq!(p.end(s), d(end), "{p} end of {day}");
            assert_eq!(p.label(s), label);
        }
    }

    #[test]
    fn ranges_list_every_period() {
        let q = Period::Quarter.range(d("2018-11-15"), d("2019-07-01"));
        let labels: Vec<_> = q.iter().map(|s| Period::Quarter.label(*s)).collect();
        assert_eq!(labels, ["2018-Q4", "2019-Q1", "2019-Q2", "2019-Q3"]);
        assert_eq!(Period::Week.range(d("2019-06-09"), d("2019-06-10")).len(), 2);
        assert_eq!(Period::Day.range(d("2019-02-27"), d("2019-03-01")).len(), 3);
        assert!(Period::Year.range(d("2019-01-01"), d("2018-01-01")).is_empty());
        assert_eq!(Period::Year.range(d("9999-06-01"), d("9999-12-31")).len(), 1);
    }

    #[test]
    fn names_parse() {
        assert_eq!("Quarter".parse::<Period>(), Ok(Period::Quarter));
        assert!("fortnight".parse::<Period>().unwrap_err().contains("not a period"));
    }
}

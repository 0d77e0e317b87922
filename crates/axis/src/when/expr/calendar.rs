//! Calendar arithmetic for the matchers: the unit a word names, ordinals in digits, thirds and
//! parts of periods, moving and aligning dates, and the fixed phrases resolved against the story
//! date.

use super::tables::{Part, Qty, Rel, Unit};
use super::{Date, Granularity, Interval, TimeKind};

/// What a fixed phrase other than [`Rel::Shift`] means in a story dated `s`.
pub(super) fn story_relative(s: Date, rel: Rel) -> (Option<Interval>, TimeKind) {
    let y = s.year();
    let monday = s.add_days(-(s.weekday() as i32));
    let span = |a: Date, b: Date, g| Some(Interval { start: a, end: b, granularity: g });
    match rel {
        Rel::Present => (Some(Interval::day(s)), TimeKind::Present),
        Rel::Day(n) => (Some(Interval::day(s.add_days(n))), TimeKind::Relative),
        Rel::Week(n) => {
            let a = monday.add_days(7 * n);
            (span(a, a.add_days(6), Granularity::Week), TimeKind::Relative)
        }
        Rel::WeekToDate => (span(monday, s, Granularity::Week), TimeKind::Relative),
        Rel::WeekRest => (span(s, monday.add_days(6), Granularity::Week), TimeKind::Relative),
        Rel::Month(n) => {
            let d = s.add_months(n);
            (Interval::month(d.year(), d.month()), TimeKind::Relative)
        }
        Rel::MonthToDate => (span(s.month_start(), s, Granularity::Month), TimeKind::Relative),
        Rel::MonthRest => (span(s, s.month_end(), Granularity::Month), TimeKind::Relative),
        Rel::Year(n) => (Interval::year(y + n), TimeKind::Relative),
        Rel::YearToDate => {
            (Date::new(y, 1, 1).and_then(|a| span(a, s, Granularity::Year)), TimeKind::Relative)
        }
        Rel::YearRest => {
            (Date::new(y, 12, 31).and_then(|b| span(s, b, Granularity::Year)), TimeKind::Relative)
        }
        Rel::Recent(q) => (span(shift(s, -q.hi, q.unit), s, Granularity::Era), TimeKind::Since),
        Rel::Shift(_) => (None, TimeKind::Anaphoric),
    }
}

/// The unit named by a word, and whether it is plural.
pub(super) fn unit_at(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// "19th", "21st", "2nd": the number of an ordinal written in digits.
pub(super) fn ordinal_number(w: &str) -> Option<i32> {
    let digits = ["st", "nd", "rd", "th"].iter().find_map(|s| w.strip_suffix(s))?;
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Offsets of the early, mid or late third of a period of `len + 1` years.
pub(super) fn thirds(part: Option<Part>, len: i32) -> (i32, i32) {
    match part {
        None => (0, len),
        Some(Part::Early) => (0, len / 3),
        Some(Part::Mid) => (len / 3, len - len / 3),
        Some(Part::Late) => (len - len / 3, len),
    }
}

/// Days `d1..=d2` of month `m` of year `y`.
pub(super) fn day_range(y: i32, m: u32, d1: u32, d2: u32) -> Option<Interval> {
    let (a, b) = (Date::new(y, m, d1)?, Date::new(y, m, d2)?);
    Some(Interval { start: a, end: b, granularity: Granularity::Day })
}

/// The early (1-10), mid (11-20) or late (21-end) part of a month.
pub(super) fn month_part(iv: Interval, part: Option<Part>) -> Option<Interval> {
    let (y, m) = (iv.start.year(), iv.start.month());
    let (a, b) = match part {
        None => return Some(iv),
        Some(Part::Early) => (Date::new(y, m, 1)?, Date::new(y, m, 10)?),
        Some(Part::Mid) => (Date::new(y, m, 11)?, Date::new(y, m, 20)?),
        Some(Part::Late) => (Date::new(y, m, 21)?, iv.end),
    };
    Some(Interval { start: a, end: b, granularity: Granularity::Month })
}

/// `d` moved by `n` units (negative to go back).
pub(super) fn shift(d: Date, n: i32, unit: Unit) -> Date {
    let n = n.clamp(-99_999, 99_999);
    match unit {
        Unit::Day => d.add_days(n),
        Unit::Week => d.add_days(7 * n),
        Unit::Month => d.add_months(n),
        Unit::Year => d.add_months(12 * n),
        Unit::Decade => d.add_months(120 * n),
        Unit::Century => d.add_months(1200 * n),
    }
}

/// Widens `start..=end` to whole calendar periods of the given granularity.
pub(super) fn align(start: Date, end: Date, g: Granularity) -> (Date, Date) {
    match g {
        Granularity::Day => (start, end),
        Granularity::Week => {
            (start.add_days(-(start.weekday() as i32)), end.add_days(6 - end.weekday() as i32))
        }
        Granularity::Month | Granularity::Quarter => (start.month_start(), end.month_end()),
        Granularity::Year | Granularity::Decade | Granularity::Century | Granularity::Era => {
            (Date::new(start.year(), 1, 1).unwrap_or(start), Date::new(end.year(), 12, 31).unwrap_or(end))
        }
    }
}

/// The narrative interval shifted by `q`, aligned, at the coarser granularity, clamped to the
/// story date.
pub(super) fn shift_narrative(n: Interval, q: Qty, story: Option<Date>) -> Interval {
    let g = n.granularity.max(q.unit.granularity(q.vague));
    let (start, end) = (shift(n.start, q.lo, q.unit), shift(n.end, q.hi, q.unit));
    let (mut start, mut end) = align(start.min(end), start.max(end), g);
    if let Some(s) = story {
        end = end.min(s);
        start = start.min(s);
    }
    Interval { start, end, granularity: g }
}

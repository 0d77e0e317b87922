//! The word tables the matchers look words up in (eras, months, weekdays, numbers, fixed
//! phrases), the units, counts and meanings they map to, and the first-word [`Index`] built from
//! them.

use super::Granularity;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// Named periods: the words after an optional "the", first year, last year, granularity.
///
/// Multi-word entries are matched token by token, so `sino - soviet` is "Sino-Soviet". An entry
/// preceded by "new", "another" or "second" ("a new cold war") is not the era, nor is one that
/// starts after the story date.
pub const ERAS: &[(&str, i32, i32, Granularity)] = &[
    ("early days of the cold war", 1947, 1955, Granularity::Era),
    ("early years of the cold war", 1947, 1955, Granularity::Era),
    ("end of the cold war", 1989, 1991, Granularity::Era),
    ("cold war", 1947, 1991, Granularity::Era),
    ("second world war", 1939, 1945, Granularity::Era),
    ("world war ii", 1939, 1945, Granularity::Era),
    ("world war two", 1939, 1945, Granularity::Era),
    ("world war 2", 1939, 1945, Granularity::Era),
    ("wwii", 1939, 1945, Granularity::Era),
    ("first world war", 1914, 1918, Granularity::Era),
    ("world war i", 1914, 1918, Granularity::Era),
    ("world war one", 1914, 1918, Granularity::Era),
    ("world war 1", 1914, 1918, Granularity::Era),
    ("wwi", 1914, 1918, Granularity::Era),
    ("korean war", 1950, 1953, Granularity::Era),
    ("vietnam war", 1955, 1975, Granularity::Era),
    ("sino - soviet split", 1956, 1966, Granularity::Era),
    ("great leap forward", 1958, 1962, Granularity::Era),
    ("cultural revolution", 1966, 1976, Granularity::Era),
    ("fall of the berlin wall", 1989, 1989, Granularity::Year),
    ("collapse of the soviet union", 1991, 1991, Granularity::Year),
    ("fall of the soviet union", 1991, 1991, Granularity::Year),
    ("breakup of the soviet union", 1991, 1991, Granularity::Year),
    ("dissolution of the soviet union", 1991, 1991, Granularity::Year),
    ("iran - iraq war", 1980, 1988, Granularity::Era),
    ("gulf war", 1990, 1991, Granularity::Era),
    ("iraq war", 2003, 2011, Granularity::Era),
];

/// Prepositions included in the expression that follows them.
pub(super) const PREPOSITIONS: &[&str] = &["in", "on", "during", "throughout", "over", "for", "at"];

/// Words after a 4-digit number that make it a time of day, not a year.
pub(super) const CLOCK_WORDS: &[&str] =
    &["gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "bst", "cet", "hours", "hrs", "local"];

/// Full month names and their dotted abbreviations (without the dot).
pub(super) const MONTHS: &[(&str, &[&str])] = &[
    ("january", &["jan"]),
    ("february", &["feb"]),
    ("march", &["mar"]),
    ("april", &["apr"]),
    ("may", &[]),
    ("june", &["jun"]),
    ("july", &["jul"]),
    ("august", &["aug"]),
    ("september", &["sep", "sept"]),
    ("october", &["oct"]),
    ("november", &["nov"]),
    ("december", &["dec"]),
];

/// Words before which a bare "May" or "March" is a month.
pub(super) const MONTH_CONTEXT: &[&str] =
    &["in", "since", "during", "until", "by", "from", "through", "of", "early", "late", "mid"];

pub(super) const WEEKDAYS: &[&str] =
    &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

pub(super) const PARTS_OF_DAY: &[&str] = &["morning", "afternoon", "evening", "night"];

pub(super) const NUMBER_WORDS: &[(&str, i32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("fifteen", 15),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

pub(super) const ORDINALS: &[(&str, i32)] = &[
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
];

pub(super) const DECADE_WORDS: &[(&str, i32)] = &[
    ("twenties", 1920),
    ("thirties", 1930),
    ("forties", 1940),
    ("fifties", 1950),
    ("sixties", 1960),
    ("seventies", 1970),
    ("eighties", 1980),
    ("nineties", 1990),
];

/// A unit of counted time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    Day,
    Week,
    Month,
    Year,
    Decade,
    Century,
}

impl Unit {
    pub(super) fn granularity(self, vague: bool) -> Granularity {
        match (self, vague) {
            (Unit::Day, false) => Granularity::Day,
            (Unit::Day, true) | (Unit::Week, false) => Granularity::Week,
            (Unit::Week, true) | (Unit::Month, false) => Granularity::Month,
            (Unit::Month, true) | (Unit::Year, false) => Granularity::Year,
            (Unit::Year, true) | (Unit::Decade, false) => Granularity::Decade,
            (Unit::Decade, true) | (Unit::Century, _) => Granularity::Century,
        }
    }
}

/// A count of units, possibly vague: `lo..=hi` of them.
#[derive(Clone, Copy, Debug)]
pub(super) struct Qty {
    pub(super) lo: i32,
    pub(super) hi: i32,
    pub(super) unit: Unit,
    pub(super) vague: bool,
}

impl Qty {
    pub(super) fn exact(n: i32, unit: Unit) -> Qty {
        Qty { lo: n, hi: n, unit, vague: false }
    }
}

/// A fixed phrase's meaning.
#[derive(Clone, Copy, Debug)]
pub(super) enum Rel {
    Present,
    Day(i32),
    Week(i32),
    WeekToDate,
    WeekRest,
    Month(i32),
    MonthToDate,
    MonthRest,
    Year(i32),
    YearToDate,
    YearRest,
    /// A Since range: this much before the story date up to it.
    Recent(Qty),
    /// Anaphoric: the narrative time shifted by this much.
    Shift(Qty),
}

/// Fixed phrases, matched word by word; the longest wins.
pub(super) const PHRASES: &[(&str, Rel)] = &[
    ("today", Rel::Present),
    ("now", Rel::Present),
    ("right now", Rel::Present),
    ("currently", Rel::Present),
    ("these days", Rel::Present),
    ("at present", Rel::Present),
    ("nowadays", Rel::Present),
    ("at the moment", Rel::Present),
    ("yesterday", Rel::Day(-1)),
    ("tomorrow", Rel::Day(1)),
    ("tonight", Rel::Day(0)),
    ("last night", Rel::Day(-1)),
    ("this morning", Rel::Day(0)),
    ("this afternoon", Rel::Day(0)),
    ("this evening", Rel::Day(0)),
    ("this week", Rel::Week(0)),
    ("last week", Rel::Week(-1)),
    ("next week", Rel::Week(1)),
    ("earlier this week", Rel::WeekToDate),
    ("later this week", Rel::WeekRest),
    ("this month", Rel::Month(0)),
    ("last month", Rel::Month(-1)),
    ("next month", Rel::Month(1)),
    ("earlier this month", Rel::MonthToDate),
    ("later this month", Rel::MonthRest),
    ("this year", Rel::Year(0)),
    ("last year", Rel::Year(-1)),
    ("next year", Rel::Year(1)),
    ("earlier this year", Rel::YearToDate),
    ("later this year", Rel::YearRest),
    ("recent years", Rel::Recent(Qty { lo: 5, hi: 5, unit: Unit::Year, vague: true })),
    ("recent months", Rel::Recent(Qty { lo: 6, hi: 6, unit: Unit::Month, vague: true })),
    ("recent weeks", Rel::Recent(Qty { lo: 4, hi: 4, unit: Unit::Week, vague: true })),
    ("recent days", Rel::Recent(Qty { lo: 7, hi: 7, unit: Unit::Day, vague: true })),
    ("the following day", Rel::Shift(Qty { lo: 1, hi: 1, unit: Unit::Day, vague: false })),
    ("the next day", Rel::Shift(Qty { lo: 1, hi: 1, unit: Unit::Day, vague: false })),
    ("the following week", Rel::Shift(Qty { lo: 1, hi: 1, unit: Unit::Week, vague: false })),
    ("the following month", Rel::Shift(Qty { lo: 1, hi: 1, unit: Unit::Month, vague: false })),
    ("the following year", Rel::Shift(Qty { lo: 1, hi: 1, unit: Unit::Year, vague: false })),
    ("the previous year", Rel::Shift(Qty { lo: -1, hi: -1, unit: Unit::Year, vague: false })),
    ("that year", Rel::Shift(Qty { lo: 0, hi: 0, unit: Unit::Year, vague: false })),
    ("that same year", Rel::Shift(Qty { lo: 0, hi: 0, unit: Unit::Year, vague: false })),
    ("the same year", Rel::Shift(Qty { lo: 0, hi: 0, unit: Unit::Year, vague: false })),
    ("later that year", Rel::Shift(Qty { lo: 0, hi: 0, unit: Unit::Year, vague: false })),
];

/// Early, mid or late part of a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Part {
    Early,
    Mid,
    Late,
}

/// Words the matchers look for first, besides the first words of the tables.
const STARTERS: &[&str] = &[
    "the",
    "early",
    "mid",
    "late",
    "last",
    "next",
    "this",
    "half",
    "a",
    "an",
    "few",
    "several",
    "spring",
    "summer",
    "autumn",
    "fall",
    "'",
    "days",
    "weeks",
    "months",
    "years",
    "decades",
    "centuries",
];

/// First-word lookups, built once from the tables: most words start no expression, so the
/// matchers run only behind [`Index::can_start`], and [`ERAS`] and [`PHRASES`] are only tried from
/// their first word.
pub(super) struct Index {
    starters: FxHashSet<&'static str>,
    eras: FxHashMap<&'static str, Vec<usize>>,
    phrases: FxHashMap<&'static str, Vec<usize>>,
}

impl Index {
    pub(super) fn get() -> &'static Index {
        static INDEX: OnceLock<Index> = OnceLock::new();
        INDEX.get_or_init(|| {
            let first = |phrase: &'static str| phrase.split(' ').next().unwrap_or(phrase);
            let mut eras: FxHashMap<_, Vec<usize>> = FxHashMap::default();
            for (k, e) in ERAS.iter().enumerate() {
                eras.entry(first(e.0)).or_default().push(k);
            }
            let mut phrases: FxHashMap<_, Vec<usize>> = FxHashMap::default();
            for (k, p) in PHRASES.iter().enumerate() {
                phrases.entry(first(p.0)).or_default().push(k);
            }
            let mut starters: FxHashSet<&'static str> = STARTERS.iter().copied().collect();
            starters.extend(eras.keys().chain(phrases.keys()));
            starters.extend(MONTHS.iter().flat_map(|m| std::iter::once(m.0).chain(m.1.iter().copied())));
            starters.extend(WEEKDAYS.iter().copied());
            starters.extend(NUMBER_WORDS.iter().chain(ORDINALS).chain(DECADE_WORDS).map(|n| n.0));
            Index { starters, eras, phrases }
        })
    }

    /// Whether an expression can start with this (non-number) word.
    pub(super) fn can_start(&self, w: &str) -> bool {
        self.starters.contains(w.strip_suffix('.').unwrap_or(w))
    }

    /// Indices of the [`ERAS`] entries starting with this word.
    pub(super) fn eras(&self, w: &str) -> &[usize] {
        self.eras.get(w).map_or(&[], Vec::as_slice)
    }

    /// Indices of the [`PHRASES`] entries starting with this word.
    pub(super) fn phrases(&self, w: &str) -> &[usize] {
        self.phrases.get(w).map_or(&[], Vec::as_slice)
    }
}

//! Temporal expressions: "in 1956", "last September", "the mid-1960s", "a half-century later".
//!
//! [`find_into`] scans the tokens of one sentence and appends every temporal expression it
//! recognises, already resolved to an [`Interval`]. Matching is on the lower-cased text, word by
//! word over tokens, with no allocation; at each token every form below is tried, the longest match
//! wins and scanning resumes after it, so the expressions come out in token order and never overlap.
//!
//! # What is recognised, and how it is resolved
//!
//! Each form, its [`TimeKind`] and the interval it resolves to:
//!
//! - **Years** (Absolute): `1956`, `Russia's 2014 invasion`, `1950-53`, `the year 2000`; `early
//!   2018` (January-April; mid: May-August, late: September-December, at [`Granularity::Quarter`]);
//!   `the summer of 2018`.
//! - **Months and days with a year** (Absolute): `January 2019`, `Jan. 2019`, `September of 2018`,
//!   `Sept. 12, 2019`, `12 September 2019`, `February 2-3, 2019` (a range of days),
//!   `Saturday, February 2, 2019`, `2019-02-02`.
//! - **Months and days without a year** (Relative): `in January`, `Sept. 12`, `12 September`,
//!   `last September`, `next May`, `mid-January` (days 11-20; early: 1-10, late: 21-end).
//! - **Weekdays** (Relative): `on Monday`, `last Friday`, `next Tuesday`, `Sunday night`.
//! - **Days, weeks, months, years around the story date** (Relative): `yesterday`, `tomorrow`,
//!   `last night`, `this week`, `last week`, `next week`, `earlier this week`, `this month`,
//!   `last month`, `earlier this month`, `this year`, `last year`, `next year`, `earlier this
//!   year`, `later this year`: the calendar day, week (Monday to Sunday), month or year, or the
//!   part of it before or after the story date.
//! - **Counted back** (Relative): `two years ago`, `3 days ago`, `a decade ago`, `half a century
//!   ago`, `several months ago`: the story date minus the count, widened to whole weeks, months or
//!   years.
//! - **Present** (Present): `now`, `right now`, `today`, `currently`, `these days`, `at present`,
//!   `nowadays`, `at the moment`: the story day.
//! - **Recent past** (Since): `the past year`, `the last year`, `the past two decades`, `the past
//!   few months`, `in recent years` (5 years), `in recent months` (6 months): from the story date
//!   minus the count up to the story date.
//! - **Decades and centuries** (Absolute): `the 1950s`, `the 1950's`, `the '50s`, `the fifties`,
//!   `the mid-1960s` / `the mid 1960s` (1963-1967; early: 1960-1963, late: 1967-1969), `the 19th
//!   century`, `the twentieth century`, `the early 20th century` (thirds of the century). `the
//!   1800s` and `the 1900s` are centuries.
//! - **Eras** (Era): the named periods of [`ERAS`]: `the cold war`, `the early days of the cold
//!   war`, `World War II`, `the Korean War`, `the Sino-Soviet split`, `the collapse of the Soviet
//!   Union`, ...
//! - **Anaphoric** (Anaphoric): `a half-century later`, `half a century later`, `two years later`,
//!   `two decades later`, `years later`, `a year earlier`, `the following year`, `the previous
//!   year`, `that year`: the narrative time shifted by the count.
//! - **Since and after** (Since): `since the mid-1950s`, `since 1991`, `since last year`, `after
//!   the Cold War`, `post-cold war`: from the start of X (for "after"/"post-", from the end of an
//!   era) up to the story date.
//!
//! Resolution rules:
//! - A month without a year is the most recent such month not after the story month ("in January"
//!   in February 2019 is 2019-01; "in March" is 2018-03); "last September" is the most recent one
//!   strictly before the story month, "next May" the first one strictly after, "this May" the
//!   story year's.
//! - A day without a year takes the story year, or the year before when that would put it more
//!   than 31 days after the story date ("Sept. 12" in a 2019-02-02 story is 2018-09-12).
//! - A weekday is the most recent such day on or before the story date (the news convention:
//!   "on Monday" in a Monday story is that day); "last Friday" is strictly before, "next Friday"
//!   strictly after.
//! - Anaphoric expressions shift the *narrative* interval (the time the text was talking about,
//!   carried from earlier sentences by [`crate::when::timeline`]) by the count. The result is
//!   aligned to the unit's calendar (whole weeks, months or years), takes the coarser of the
//!   narrative's and the unit's granularity ("two years later" after "in 1956" is 1958, a year;
//!   "a half-century later" is 2006 at decade granularity) and is clamped to the story date.
//! - Vague counts ("years later", "several months ago", "a few weeks ago") cover a range of counts
//!   (2-9 for a bare plural, 3-7 for "several", 2-4 for "few") and are one granularity coarser.
//! - An anaphoric expression right after a present one, with only punctuation between ("Now, a
//!   half-century later, ...") restates it: it is resolved as Present, to the story day.
//! - Since expressions are open ranges and always have [`Granularity::Era`].
//!
//! Expressions that need a date they don't have (relative or present ones without a story date,
//! anaphoric ones without a narrative time) still consume their tokens but are not reported, so
//! that "since 1956" without a story date does not come out as a bare "1956".
//!
//! The `tokens` of an expression include a leading preposition (`in`, `on`, `during`, `throughout`,
//! `over`, `for`, `at`): "in 1956" is the tokens `in` `1956`. "since", "after", "following" and
//! "post-" change the meaning and are always included.
//!
//! Deliberate simplifications: years are recognised by shape alone (a 4-digit number in
//! 1800..=2100 not preceded by `$` nor followed by `%` or a clock word such as "GMT" or "hours"),
//! so "1956 troops" is a year; "May" and
//! "March" count as months only when capitalized and in a date-like context; "the 1900s" and
//! earlier `x00s` are centuries, `2000s` a decade; a weekday always points to the past.

use super::{Date, Granularity, Interval};
use crate::text::{Span, Token, TokenKind};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use std::ops::Range;
use std::sync::OnceLock;

/// A temporal expression found in a sentence, resolved to the days it names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TimeExpr {
    /// Its tokens: indices into the sentence's token slice, including a leading preposition.
    pub tokens: Range<usize>,
    /// Where it is in the document's normalised text.
    pub span: Span,
    /// The days it names.
    pub interval: Interval,
    /// What it was resolved against.
    pub kind: TimeKind,
}

/// What a temporal expression was resolved against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeKind {
    /// Stands on its own: "in 1956", "January 2019", "the 1950s".
    Absolute,
    /// Relative to the story date: "last September", "two years ago", "on Monday".
    Relative,
    /// Relative to the narrative time: "a half-century later", "two years later".
    Anaphoric,
    /// A named period: "the cold war", "World War II".
    Era,
    /// A range up to the story date: "since the mid-1950s", "over the past year".
    Since,
    /// The story day itself: "now", "today", "these days", "currently".
    Present,
}

/// Appends the temporal expressions of one sentence to `out`, in token order, never overlapping.
///
/// `text` is the document's normalised text and `lower` the same text lower-cased with identical
/// byte offsets; `tokens` are the tokens of one sentence. `story` is the story date (relative and
/// present expressions are skipped without it) and `narrative` the time the text was talking about
/// before this sentence (anaphoric expressions are skipped without it).
pub fn find_into(
    text: &str,
    lower: &str,
    tokens: &[Token],
    story: Option<Date>,
    narrative: Option<Interval>,
    out: &mut Vec<TimeExpr>,
) {
    debug_assert_eq!(text.len(), lower.len(), "lower must share the text's byte offsets");
    let scan = Scan { index: Index::get(), lower, tokens, story, narrative };
    let first = out.len();
    let mut i = 0;
    while i < tokens.len() {
        let Some(found) = scan.longest(i) else {
            i += 1;
            continue;
        };
        let end = found.end.clamp(i + 1, tokens.len());
        if let Some((mut interval, mut kind)) = found.value {
            // "Now, a half-century later": the anaphoric expression restates the present one.
            let last = out.get(first..).and_then(<[TimeExpr]>::last);
            if let (TimeKind::Anaphoric, Some(last), Some(s)) = (kind, last, story) {
                let between = tokens.get(last.tokens.end..i).unwrap_or(&[]);
                if last.kind == TimeKind::Present
                    && last.tokens.end <= i
                    && between.iter().all(|t| t.kind == TokenKind::Punct)
                {
                    (interval, kind) = (Interval::day(s), TimeKind::Present);
                }
            }
            let span = tokens[i].span.cover(tokens[end - 1].span);
            out.push(TimeExpr { tokens: i..end, span, interval, kind });
        }
        i = end;
    }
}

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
const PREPOSITIONS: &[&str] = &["in", "on", "during", "throughout", "over", "for", "at"];

/// Words after a 4-digit number that make it a time of day, not a year.
const CLOCK_WORDS: &[&str] =
    &["gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "bst", "cet", "hours", "hrs", "local"];

/// Full month names and their dotted abbreviations (without the dot).
const MONTHS: &[(&str, &[&str])] = &[
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
const MONTH_CONTEXT: &[&str] =
    &["in", "since", "during", "until", "by", "from", "through", "of", "early", "late", "mid"];

const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

const PARTS_OF_DAY: &[&str] = &["morning", "afternoon", "evening", "night"];

const NUMBER_WORDS: &[(&str, i32)] = &[
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

const ORDINALS: &[(&str, i32)] = &[
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
];

const DECADE_WORDS: &[(&str, i32)] = &[
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
enum Unit {
    Day,
    Week,
    Month,
    Year,
    Decade,
    Century,
}

impl Unit {
    fn granularity(self, vague: bool) -> Granularity {
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
struct Qty {
    lo: i32,
    hi: i32,
    unit: Unit,
    vague: bool,
}

impl Qty {
    fn exact(n: i32, unit: Unit) -> Qty {
        Qty { lo: n, hi: n, unit, vague: false }
    }
}

/// A fixed phrase's meaning.
#[derive(Clone, Copy, Debug)]
enum Rel {
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
const PHRASES: &[(&str, Rel)] = &[
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
enum Part {
    Early,
    Mid,
    Late,
}

/// A match at some token: where it ends (exclusive) and what it means, if it can be resolved.
#[derive(Clone, Copy, Debug)]
struct Found {
    end: usize,
    value: Option<(Interval, TimeKind)>,
}

impl Found {
    fn new(end: usize, interval: Option<Interval>, kind: TimeKind) -> Found {
        Found { end, value: interval.map(|iv| (iv, kind)) }
    }
}

/// Keeps the longer of two matches (the earlier one on a tie).
fn pick(best: &mut Option<Found>, f: Option<Found>) {
    if let Some(f) = f {
        if !matches!(best, Some(b) if b.end >= f.end) {
            *best = Some(f);
        }
    }
}

struct Scan<'a> {
    index: &'static Index,
    lower: &'a str,
    tokens: &'a [Token],
    story: Option<Date>,
    narrative: Option<Interval>,
}

impl<'a> Scan<'a> {
    /// Lower-cased text of token `i`, or "" past the end.
    fn w(&self, i: usize) -> &'a str {
        self.tokens.get(i).and_then(|t| self.lower.get(t.span.range())).unwrap_or("")
    }

    fn prev(&self, i: usize) -> &'a str {
        i.checked_sub(1).map_or("", |p| self.w(p))
    }

    /// Whether token `i` exists and touches the previous one.
    fn glued(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| !t.has(Token::SPACE_BEFORE))
    }

    fn is_number(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Number)
    }

    /// The end of `phrase` (space-separated words) when it starts at token `i`.
    fn seq(&self, i: usize, phrase: &str) -> Option<usize> {
        let mut j = i;
        for word in phrase.split(' ') {
            // A single letter keeps a following dot as an initial: "World War I."
            let w = self.w(j);
            if w != word && w.strip_suffix('.') != Some(word) {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    /// The longest expression starting at token `i`.
    fn longest(&self, i: usize) -> Option<Found> {
        let mut best = self.core(i);
        let w = self.w(i);
        if PREPOSITIONS.contains(&w) {
            pick(&mut best, self.core(i + 1));
        }
        if w == "since" {
            pick(&mut best, self.since(i + 1));
        }
        if w == "after" || w == "following" {
            pick(&mut best, self.after(i + 1));
        }
        if w == "post" && self.w(i + 1) == "-" {
            pick(&mut best, self.after(i + 2));
        }
        best
    }

    /// Every form except a leading preposition, "since" and "after".
    fn core(&self, i: usize) -> Option<Found> {
        if i >= self.tokens.len() || !(self.is_number(i) || self.index.can_start(self.w(i))) {
            return None;
        }
        let mut best = None;
        pick(&mut best, self.era(i));
        pick(&mut best, self.decade(i));
        pick(&mut best, self.century(i));
        pick(&mut best, self.year(i));
        pick(&mut best, self.iso(i));
        pick(&mut best, self.month(i));
        pick(&mut best, self.weekday(i));
        pick(&mut best, self.phrase(i));
        pick(&mut best, self.counted(i));
        pick(&mut best, self.past(i));
        best
    }

    /// "since X": from the start of X to the story date.
    fn since(&self, i: usize) -> Option<Found> {
        let f = self.core(i)?;
        let Some((iv, kind)) = f.value else {
            return Some(Found { end: f.end, value: None });
        };
        if matches!(kind, TimeKind::Present | TimeKind::Since) {
            return None;
        }
        self.open_range(f.end, iv.start)
    }

    /// "after the cold war", "post-cold war": from the end of an era to the story date.
    fn after(&self, i: usize) -> Option<Found> {
        let f = self.core(i)?;
        match f.value {
            Some((iv, TimeKind::Era)) => self.open_range(f.end, iv.end.add_days(1)),
            _ => None,
        }
    }

    /// A Since range from `start` to the story date.
    fn open_range(&self, end: usize, start: Date) -> Option<Found> {
        let Some(s) = self.story else {
            return Some(Found { end, value: None });
        };
        if start > s {
            return None;
        }
        let iv = Interval { start, end: s, granularity: Granularity::Era };
        Some(Found::new(end, Some(iv), TimeKind::Since))
    }

    /// "early", "mid" or "late", with an optional hyphen: the part and the next token.
    fn part(&self, i: usize) -> (Option<Part>, usize) {
        let part = match self.w(i) {
            "early" => Part::Early,
            "mid" => Part::Mid,
            "late" => Part::Late,
            _ => return (None, i),
        };
        let next = if self.w(i + 1) == "-" { i + 2 } else { i + 1 };
        (Some(part), next)
    }

    fn era(&self, i: usize) -> Option<Found> {
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
    fn decade(&self, i: usize) -> Option<Found> {
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
    fn century(&self, i: usize) -> Option<Found> {
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
    fn year(&self, i: usize) -> Option<Found> {
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
    fn iso(&self, i: usize) -> Option<Found> {
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
    fn month(&self, i: usize) -> Option<Found> {
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
    fn weekday(&self, i: usize) -> Option<Found> {
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

    /// The fixed phrases of [`PHRASES`], with an optional part of day after a day phrase.
    fn phrase(&self, i: usize) -> Option<Found> {
        let mut best: Option<(usize, Rel)> = None;
        for &k in self.index.phrases(self.w(i)) {
            let (words, rel) = PHRASES[k];
            if let Some(end) = self.seq(i, words) {
                if !matches!(best, Some((e, _)) if e >= end) {
                    best = Some((end, rel));
                }
            }
        }
        let (mut end, rel) = best?;
        if matches!(rel, Rel::Day(_)) && PARTS_OF_DAY.contains(&self.w(end)) {
            end += 1;
        }
        Some(self.resolve(end, rel))
    }

    /// "two years ago", "a half-century later", "years later", "three days earlier".
    fn counted(&self, i: usize) -> Option<Found> {
        let (q, k) = self.qty(i)?;
        match self.w(k) {
            "ago" => Some(self.ago(k + 1, q)),
            "later" => Some(self.resolve(k + 1, Rel::Shift(q))),
            "earlier" => {
                let back = Qty { lo: -q.hi, hi: -q.lo, ..q };
                Some(self.resolve(k + 1, Rel::Shift(back)))
            }
            _ => None,
        }
    }

    /// "the past year", "the last two decades", "the past few months": a Since range.
    fn past(&self, i: usize) -> Option<Found> {
        if self.w(i) != "the" || !matches!(self.w(i + 1), "past" | "last") {
            return None;
        }
        let (q, k) = match self.qty(i + 2) {
            Some(found) => found,
            None => (Qty::exact(1, unit_at(self.w(i + 2))?.0), i + 3),
        };
        Some(self.resolve(k, Rel::Recent(q)))
    }

    /// A count of units at token `i` and the token after it.
    fn qty(&self, i: usize) -> Option<(Qty, usize)> {
        // "half a century", "a half-century", "half-century"
        let h = if matches!(self.w(i), "a" | "an") && self.w(i + 1) == "half" { i + 1 } else { i };
        if self.w(h) == "half" {
            let k = if matches!(self.w(h + 1), "a" | "-") { h + 2 } else { h + 1 };
            let q = match self.w(k) {
                "century" => Qty::exact(5, Unit::Decade),
                "decade" => Qty::exact(5, Unit::Year),
                "year" => Qty::exact(6, Unit::Month),
                _ => return None,
            };
            return Some((q, k + 1));
        }
        let w = self.w(i);
        let (lo, hi, vague, k) = match w {
            "a" | "an" if self.w(i + 1) == "few" => (2, 4, true, i + 2),
            "a" if self.seq(i + 1, "couple of").is_some() => (2, 2, false, i + 3),
            "a" | "an" => (1, 1, false, i + 1),
            "few" => (2, 4, true, i + 1),
            "several" => (3, 7, true, i + 1),
            _ => match NUMBER_WORDS.iter().find(|(name, _)| *name == w) {
                Some(&(_, n)) => (n, n, false, i + 1),
                None if self.is_number(i) && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()) => {
                    let n: i32 = w.parse().ok()?;
                    (n, n, false, i + 1)
                }
                // A bare plural: "years later".
                None => match unit_at(w) {
                    Some((_, true)) => (2, 9, true, i),
                    _ => return None,
                },
            },
        };
        let (unit, plural) = unit_at(self.w(k))?;
        if (matches!(w, "a" | "an") && lo == 1 && plural) || (k == i && !plural) {
            return None;
        }
        Some((Qty { lo, hi, unit, vague }, k + 1))
    }

    /// "N units ago": the unit-aligned period(s) N units before the story date.
    fn ago(&self, end: usize, q: Qty) -> Found {
        let Some(s) = self.story else {
            return Found { end, value: None };
        };
        let a = shift(s, -q.hi, q.unit);
        let b = shift(s, -q.lo, q.unit);
        let (a, b) = align(a.min(b), a.max(b), q.unit.granularity(false));
        let iv = Interval { start: a, end: b, granularity: q.unit.granularity(q.vague) };
        Found::new(end, Some(iv), TimeKind::Relative)
    }

    /// Resolves a fixed meaning against the story date or the narrative time.
    fn resolve(&self, end: usize, rel: Rel) -> Found {
        let (iv, kind) = match (rel, self.story, self.narrative) {
            (Rel::Shift(q), _, Some(n)) => (Some(shift_narrative(n, q, self.story)), TimeKind::Anaphoric),
            (Rel::Shift(_), _, None) | (_, None, _) => return Found { end, value: None },
            (_, Some(s), _) => story_relative(s, rel),
        };
        Found::new(end, iv, kind)
    }
}

/// What a fixed phrase other than [`Rel::Shift`] means in a story dated `s`.
fn story_relative(s: Date, rel: Rel) -> (Option<Interval>, TimeKind) {
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
struct Index {
    starters: FxHashSet<&'static str>,
    eras: FxHashMap<&'static str, Vec<usize>>,
    phrases: FxHashMap<&'static str, Vec<usize>>,
}

impl Index {
    fn get() -> &'static Index {
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
    fn can_start(&self, w: &str) -> bool {
        self.starters.contains(w.strip_suffix('.').unwrap_or(w))
    }

    /// Indices of the [`ERAS`] entries starting with this word.
    fn eras(&self, w: &str) -> &[usize] {
        self.eras.get(w).map_or(&[], Vec::as_slice)
    }

    /// Indices of the [`PHRASES`] entries starting with this word.
    fn phrases(&self, w: &str) -> &[usize] {
        self.phrases.get(w).map_or(&[], Vec::as_slice)
    }
}

/// The unit named by a word, and whether it is plural.
fn unit_at(w: &str) -> Option<(Unit, bool)> {
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
fn ordinal_number(w: &str) -> Option<i32> {
    let digits = ["st", "nd", "rd", "th"].iter().find_map(|s| w.strip_suffix(s))?;
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Offsets of the early, mid or late third of a period of `len + 1` years.
fn thirds(part: Option<Part>, len: i32) -> (i32, i32) {
    match part {
        None => (0, len),
        Some(Part::Early) => (0, len / 3),
        Some(Part::Mid) => (len / 3, len - len / 3),
        Some(Part::Late) => (len - len / 3, len),
    }
}

/// Days `d1..=d2` of month `m` of year `y`.
fn day_range(y: i32, m: u32, d1: u32, d2: u32) -> Option<Interval> {
    let (a, b) = (Date::new(y, m, d1)?, Date::new(y, m, d2)?);
    Some(Interval { start: a, end: b, granularity: Granularity::Day })
}

/// The early (1-10), mid (11-20) or late (21-end) part of a month.
fn month_part(iv: Interval, part: Option<Part>) -> Option<Interval> {
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
fn shift(d: Date, n: i32, unit: Unit) -> Date {
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
fn align(start: Date, end: Date, g: Granularity) -> (Date, Date) {
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
fn shift_narrative(n: Interval, q: Qty, story: Option<Date>) -> Interval {
    let g = n.granularity.max(q.unit.granularity(q.vague));
    let (start, end) = (shift(n.start, q.lo, q.unit), shift(n.end, q.hi, q.unit));
    let (mut start, mut end) = align(start.min(end), start.max(end), g);
    if let Some(s) = story {
        end = end.min(s);
        start = start.min(s);
    }
    Interval { start, end, granularity: g }
}

#[cfg(test)]
mod tests;

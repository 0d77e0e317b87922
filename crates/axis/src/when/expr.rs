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
use serde::Serialize;
use std::ops::Range;

mod calendar;
mod dates;
mod scan;
mod tables;

use scan::Scan;
use tables::Index;
pub use tables::ERAS;

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

#[cfg(test)]
mod tests;

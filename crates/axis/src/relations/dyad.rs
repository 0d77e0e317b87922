//! Dyad series: how two actors treat each other, period by period.
//!
//! A [`DyadCollector`] takes events one at a time and keeps those between its two actors (by code
//! prefix, see [`Actor`]): with `directed`, only events whose source is the first actor and
//! target the second; otherwise both directions. [`DyadCollector::finish`] lists every period of
//! the range, empty ones included, each with a [`Tally`]:
//!
//! - `counts[q]`: events of QuadClass q+1 (verbal cooperation, material cooperation, verbal
//!   conflict, material conflict);
//! - `goldstein_sum` and its mean over the events;
//! - cooperation share = (QuadClass 1 + 2) / all events;
//! - net cooperation = (QuadClass 1 + 2) − (QuadClass 3 + 4), in events.
//!
//! With `one_a_day`, events on the same day with the same source code, target code and CAMEO
//! code count once (the usual guard against one happening reported by many stories). Smoothing
//! ([`DyadSeries::smoothed`]) is a trailing moving average over N periods, the current one
//! included; the first N−1 periods average over the periods available.

use super::period::{Period, Seen, Span};
use super::{day_key, Actor, DayKey, RelEvent};
use crate::cameo::QuadClass;
use crate::when::Date;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::collections::BTreeMap;

/// What happened in one period: counts per QuadClass and the Goldstein sum.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Tally {
    /// Events per QuadClass: verbal cooperation, material cooperation, verbal conflict, material
    /// conflict.
    pub counts: [u32; 4],
    /// Sum of the events' Goldstein scores.
    pub goldstein_sum: f64,
}

impl Tally {
    /// Counts one event.
    pub fn add(&mut self, e: &RelEvent) {
        self.counts[usize::from(e.quad.number() - 1)] += 1;
        self.goldstein_sum += f64::from(e.goldstein);
    }

    /// Adds another tally.
    pub fn merge(&mut self, other: &Tally) {
        for (a, b) in self.counts.iter_mut().zip(other.counts) {
            *a += b;
        }
        self.goldstein_sum += other.goldstein_sum;
    }

    /// All events.
    pub fn total(&self) -> u32 {
        self.counts.iter().sum()
    }

    /// Cooperative events (QuadClass 1 and 2).
    pub fn cooperation(&self) -> u32 {
        self.counts[0] + self.counts[1]
    }

    /// Conflictual events (QuadClass 3 and 4).
    pub fn conflict(&self) -> u32 {
        self.counts[2] + self.counts[3]
    }

    /// Mean Goldstein score; `None` without events.
    pub fn goldstein_mean(&self) -> Option<f64> {
        let n = self.total();
        (n > 0).then(|| self.goldstein_sum / f64::from(n))
    }

    /// Share of cooperative events; `None` without events.
    pub fn cooperation_share(&self) -> Option<f64> {
        let n = self.total();
        (n > 0).then(|| f64::from(self.cooperation()) / f64::from(n))
    }

    /// Cooperative minus conflictual events.
    pub fn net_cooperation(&self) -> i64 {
        i64::from(self.cooperation()) - i64::from(self.conflict())
    }
}

/// How to build a dyad series.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DyadOptions {
    /// Bucket length.
    pub by: Period,
    /// Only events from the first actor to the second.
    pub directed: bool,
    /// Count an event once per day, source, target and code.
    pub one_a_day: bool,
    /// Days to count.
    pub span: Span,
}

impl DyadOptions {
    /// Undirected, every event, no limits.
    pub fn new(by: Period) -> DyadOptions {
        DyadOptions { by, directed: false, one_a_day: false, span: Span::default() }
    }
}

/// Collects the events of one dyad.
#[derive(Clone, Debug)]
pub struct DyadCollector {
    a: Actor,
    b: Actor,
    opts: DyadOptions,
    /// With one-a-day: events by their one-a-day key, with how many there were and their
    /// Goldstein sum, so that two collectors merge exactly. Otherwise empty.
    events: FxHashMap<DayKey, (u32, f64, QuadClass)>,
    /// Without one-a-day: tallies by period start (tallies simply add up).
    buckets: FxHashMap<Date, Tally>,
    seen: Seen,
}

/// One row of a dyad series.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DyadRow {
    /// First day of the period.
    pub start: Date,
    /// The period's label (`2019-06`).
    pub period: String,
    /// What happened.
    pub tally: Tally,
}

/// A dyad's series: one row per period of the range, empty periods included.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DyadSeries {
    /// The first actor (the source, when directed).
    pub a: String,
    /// The second actor.
    pub b: String,
    /// Whether only a→b events were counted.
    pub directed: bool,
    /// Whether events were counted once a day.
    pub one_a_day: bool,
    /// Bucket length.
    pub by: Period,
    /// The rows, in time order.
    pub rows: Vec<DyadRow>,
}

/// A smoothed row: the averages of a trailing window of periods.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SmoothRow {
    /// The period's label.
    pub period: String,
    /// Periods in the window (fewer than N at the start).
    pub window: usize,
    /// Mean events per QuadClass per period.
    pub counts: [f64; 4],
    /// Mean Goldstein sum per period.
    pub goldstein_sum: f64,
    /// Goldstein mean over all the window's events (`None` if it has none).
    pub goldstein_mean: Option<f64>,
    /// Cooperation share over all the window's events.
    pub cooperation_share: Option<f64>,
    /// Mean net cooperation per period.
    pub net_cooperation: f64,
}

impl DyadCollector {
    /// A collector for the dyad `a`–`b`.
    pub fn new(a: Actor, b: Actor, opts: DyadOptions) -> DyadCollector {
        DyadCollector {
            a,
            b,
            opts,
            events: FxHashMap::default(),
            buckets: FxHashMap::default(),
            seen: Seen::default(),
        }
    }

    /// Whether `e` belongs to this dyad (and span).
    pub fn accepts(&self, e: &RelEvent) -> bool {
        if !self.opts.span.contains(e.day) {
            return false;
        }
        let ab = self.a.matches(&e.source) && self.b.matches(&e.target);
        let ba = self.b.matches(&e.source) && self.a.matches(&e.target);
        ab || (!self.opts.directed && ba)
    }

    /// Counts `e` if it belongs to the dyad.
    pub fn push(&mut self, e: &RelEvent) {
        if !self.accepts(e) {
            return;
        }
        self.seen.add(e.day);
        if !self.opts.one_a_day {
            self.buckets.entry(self.opts.by.start(e.day)).or_default().add(e);
            return;
        }
        let slot = self.events.entry(day_key(e)).or_insert((0, 0.0, e.quad));
        slot.0 += 1;
        slot.1 += f64::from(e.goldstein);
    }

    /// Adds everything another collector (same actors and options) has counted.
    pub fn merge(&mut self, other: DyadCollector) {
        self.seen.merge(other.seen);
        for (k, t) in other.buckets {
            self.buckets.entry(k).or_default().merge(&t);
        }
        for (k, (n, g, q)) in other.events {
            let slot = self.events.entry(k).or_insert((0, 0.0, q));
            slot.0 += n;
            slot.1 += g;
        }
    }

    /// The series over the span (or, where the span is open, the days seen; `range` overrides
    /// both, e.g. to align several series).
    pub fn finish(self, range: Option<(Date, Date)>) -> DyadSeries {
        let by = self.opts.by;
        let mut buckets: BTreeMap<Date, Tally> = self.buckets.into_iter().collect();
        for ((day, ..), (n, g, q)) in &self.events {
            // One a day: the key counts once, with its events' mean score.
            let t = buckets.entry(by.start(*day)).or_default();
            t.counts[usize::from(q.number() - 1)] += 1;
            t.goldstein_sum += g / f64::from(*n);
        }
        let range = range.or_else(|| self.opts.span.resolve(self.seen.0));
        let rows = match range {
            Some((from, to)) => by
                .range(from, to)
                .into_iter()
                .map(|start| DyadRow {
                    start,
                    period: by.label(start),
                    tally: buckets.get(&start).copied().unwrap_or_default(),
                })
                .collect(),
            None => Vec::new(),
        };
        DyadSeries {
            a: self.a.to_string(),
            b: self.b.to_string(),
            directed: self.opts.directed,
            one_a_day: self.opts.one_a_day,
            by,
            rows,
        }
    }
}

impl DyadSeries {
    /// The series averaged over a trailing window of `n` periods (see the module doc); `n` of 0
    /// or 1 leaves every value as it is.
    pub fn smoothed(&self, n: usize) -> Vec<SmoothRow> {
        let n = n.max(1);
        (0..self.rows.len())
            .map(|i| {
                let window = &self.rows[i.saturating_sub(n - 1)..=i];
                let mut sum = Tally::default();
                for r in window {
                    sum.merge(&r.tally);
                }
                let w = window.len() as f64;
                SmoothRow {
                    period: self.rows[i].period.clone(),
                    window: window.len(),
                    counts: sum.counts.map(|c| f64::from(c) / w),
                    goldstein_sum: sum.goldstein_sum / w,
                    goldstein_mean: sum.goldstein_mean(),
                    cooperation_share: sum.cooperation_share(),
                    net_cooperation: sum.net_cooperation() as f64 / w,
                }
            })
            .collect()
    }

    /// The whole series in one tally.
    pub fn total(&self) -> Tally {
        let mut t = Tally::default();
        for r in &self.rows {
            t.merge(&r.tally);
        }
        t
    }
}

//! Asymmetry: who is the senior partner of a dyad?
//!
//! Per period, for each direction (A→B and B→A), counts of the CAMEO events that mark a patron
//! and a client. The codes, chosen from the CAMEO ontology:
//!
//! | indicator | CAMEO | reading |
//! |-----------|-------|---------|
//! | aid       | root 07 (070–075: economic, military, humanitarian aid, protection, asylum) | the source gives |
//! | visits    | 042 "make a visit" (source travels to target); 043 "host a visit" (target travels to source) | the visitor comes to the host |
//! | appeals   | root 02 (020–028: requests for aid, cooperation, concessions…) | the source asks |
//! | yields    | root 08 (080–087: easing sanctions, acceding to demands, returning, de-escalating) | the source gives way |
//! | initiated cooperation | QuadClass 1 and 2 | the source acts |
//!
//! The **senior score** of A is the mean, over the four indicators aid, visits, appeals and
//! yields that have any events in the period, of A's senior share:
//! aid given by A / all aid; visits received by A / all visits; appeals addressed to A / all
//! appeals; yields made to A / all yields. 1 means every sign points to A as the patron, 0 to B;
//! `None` when none of the four has events. Initiated cooperation is shown beside it but left out
//! of the score: the patron and the client both start cooperation.
//!
//! With a capabilities table, the **CINC ratio** is A's CINC over B's in the year the period
//! starts in.

use super::capabilities::Capabilities;
use super::period::{Period, Seen, Span};
use super::{day_key, Actor, DayKey, RelEvent};
use crate::cameo::{EventCode, QuadClass};
use crate::when::Date;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::collections::BTreeMap;

/// The indicator counts of one direction in one period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Flows {
    /// Aid given (root 07).
    pub aid: u32,
    /// Visits made (042 by the source; 043 counted for the visiting target).
    pub visits: u32,
    /// Appeals made (root 02).
    pub appeals: u32,
    /// Concessions made (root 08).
    pub yields: u32,
    /// Cooperative events started (QuadClass 1–2).
    pub cooperation: u32,
}

impl Flows {
    fn merge(&mut self, o: &Flows) {
        self.aid += o.aid;
        self.visits += o.visits;
        self.appeals += o.appeals;
        self.yields += o.yields;
        self.cooperation += o.cooperation;
    }
}

/// One period of an asymmetry series.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AsymmetryRow {
    /// First day.
    pub start: Date,
    /// Label.
    pub period: String,
    /// What A did toward B.
    pub ab: Flows,
    /// What B did toward A.
    pub ba: Flows,
    /// A's share of initiated cooperation; `None` without cooperation.
    pub a_initiated_share: Option<f64>,
    /// A's senior score (see the module doc).
    pub a_senior_score: Option<f64>,
    /// A's CINC, B's CINC and their ratio, when a capabilities table covers the year.
    pub cinc: Option<CincRatio>,
}

/// Capabilities of the two in one year.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct CincRatio {
    /// The year.
    pub year: i32,
    /// A's CINC.
    pub a: f64,
    /// B's CINC.
    pub b: f64,
    /// a / b.
    pub ratio: f64,
}

/// An asymmetry series.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AsymmetrySeries {
    /// Actor A.
    pub a: String,
    /// Actor B.
    pub b: String,
    /// Bucket length.
    pub by: Period,
    /// One row per period.
    pub rows: Vec<AsymmetryRow>,
    /// All periods together (no CINC).
    pub total: AsymmetryRow,
}

/// How one event counts, from its source's point of view (the visit of a 043 is the target's).
fn flows_of(code: EventCode, cooperative: bool) -> (Flows, Flows) {
    let mut by_source = Flows::default();
    let mut by_target = Flows::default();
    match (code.root(), code.as_str().get(..3)) {
        (Some(4), Some("042")) => by_source.visits = 1,
        (Some(4), Some("043")) => by_target.visits = 1,
        (Some(7), _) => by_source.aid = 1,
        (Some(2), _) => by_source.appeals = 1,
        (Some(8), _) => by_source.yields = 1,
        _ => {}
    }
    by_source.cooperation = u32::from(cooperative);
    (by_source, by_target)
}

/// Counts one event into its period's flows.
fn add(
    buckets: &mut BTreeMap<Date, (Flows, Flows)>,
    by: Period,
    day: Date,
    code: EventCode,
    cooperative: bool,
    a_to_b: bool,
) {
    let (src, tgt) = flows_of(code, cooperative);
    let slot = buckets.entry(by.start(day)).or_default();
    if a_to_b {
        slot.0.merge(&src);
        slot.1.merge(&tgt);
    } else {
        slot.1.merge(&src);
        slot.0.merge(&tgt);
    }
}

/// A's share `mine / (mine + theirs)`; `None` when both are 0.
fn share(mine: u32, theirs: u32) -> Option<f64> {
    let all = mine + theirs;
    (all > 0).then(|| f64::from(mine) / f64::from(all))
}

fn row(start: Date, period: String, ab: Flows, ba: Flows) -> AsymmetryRow {
    let senior = [
        share(ab.aid, ba.aid),
        share(ba.visits, ab.visits),
        share(ba.appeals, ab.appeals),
        share(ba.yields, ab.yields),
    ];
    let known: Vec<f64> = senior.into_iter().flatten().collect();
    AsymmetryRow {
        start,
        period,
        ab,
        ba,
        a_initiated_share: share(ab.cooperation, ba.cooperation),
        a_senior_score: (!known.is_empty()).then(|| known.iter().sum::<f64>() / known.len() as f64),
        cinc: None,
    }
}

/// Collects a dyad's asymmetry indicators.
#[derive(Clone, Debug)]
pub struct AsymmetryCollector {
    a: Actor,
    b: Actor,
    by: Period,
    span: Span,
    one_a_day: bool,
    /// Without one-a-day: per period start, A→B and B→A.
    buckets: BTreeMap<Date, (Flows, Flows)>,
    /// With one-a-day: every key seen, and whether it is A→B; counted at `finish`, so that two
    /// collectors merge exactly.
    keyed: FxHashMap<DayKey, bool>,
    seen: Seen,
}

impl AsymmetryCollector {
    /// A collector for A = `a`, B = `b`.
    pub fn new(a: Actor, b: Actor, by: Period, span: Span, one_a_day: bool) -> AsymmetryCollector {
        AsymmetryCollector {
            a,
            b,
            by,
            span,
            one_a_day,
            buckets: BTreeMap::new(),
            keyed: FxHashMap::default(),
            seen: Seen::default(),
        }
    }

    /// Counts `e` if it is between A and B.
    pub fn push(&mut self, e: &RelEvent) {
        if !self.span.contains(e.day) {
            return;
        }
        let a_to_b = self.a.matches(&e.source) && self.b.matches(&e.target);
        let b_to_a = self.b.matches(&e.source) && self.a.matches(&e.target);
        if !(a_to_b || b_to_a) {
            return;
        }
        self.seen.add(e.day);
        if self.one_a_day {
            self.keyed.insert(day_key(e), a_to_b);
        } else {
            add(&mut self.buckets, self.by, e.day, e.code, e.is_cooperation(), a_to_b);
        }
    }

    /// Adds what another collector (same actors and options) has counted.
    pub fn merge(&mut self, other: AsymmetryCollector) {
        self.seen.merge(other.seen);
        for (k, (ab, ba)) in other.buckets {
            let slot = self.buckets.entry(k).or_default();
            slot.0.merge(&ab);
            slot.1.merge(&ba);
        }
        self.keyed.extend(other.keyed);
    }

    /// The series; with `caps`, each row carries the CINC ratio of its year.
    pub fn finish(mut self, caps: Option<&Capabilities>) -> AsymmetrySeries {
        for ((day, _, _, code), a_to_b) in std::mem::take(&mut self.keyed) {
            let cooperative = matches!(
                code.quad_class(),
                Some(QuadClass::VerbalCooperation | QuadClass::MaterialCooperation)
            );
            add(&mut self.buckets, self.by, day, code, cooperative, a_to_b);
        }
        let (a, b) = (self.a.to_string(), self.b.to_string());
        let periods = match self.span.resolve(self.seen.0) {
            Some((from, to)) => self.by.range(from, to),
            None => Vec::new(),
        };
        let (mut tab, mut tba) = (Flows::default(), Flows::default());
        let rows = periods
            .into_iter()
            .map(|start| {
                let (ab, ba) = self.buckets.get(&start).copied().unwrap_or_default();
                tab.merge(&ab);
                tba.merge(&ba);
                let mut r = row(start, self.by.label(start), ab, ba);
                let year = start.year();
                r.cinc = caps.and_then(|c| {
                    let (ca, cb) = (c.cinc(self.a.prefix(), year)?, c.cinc(self.b.prefix(), year)?);
                    Some(CincRatio {
                        year,
                        a: ca,
                        b: cb,
                        ratio: if cb > 0.0 { ca / cb } else { f64::INFINITY },
                    })
                });
                r
            })
            .collect::<Vec<_>>();
        let first = rows.first().map_or(Date::from_days(0), |r| r.start);
        let total = row(first, "all".to_string(), tab, tba);
        AsymmetrySeries { a, b, by: self.by, rows, total }
    }
}

//! Structural balance over N actors: how far the system is from two camps.
//!
//! Per period every pair's relation gets a sign ([`SignRule`], both directions together); pairs
//! that are mixed or have too few events are left out. Then:
//!
//! - **balanced share**: of the triads whose three relations all have a sign, the share that are
//!   balanced — an even number of negative sides ("the friend of my friend is my friend, the
//!   enemy of my enemy is my friend");
//! - **frustration index**: the fewest signed relations whose sign would have to flip for the
//!   whole signed graph to be balanced. It equals the minimum, over every split of the actors
//!   into two camps, of the positive relations across camps plus the negative ones within a camp;
//!   axis finds it exactly by trying every split (2^(N−1)), for up to [`MAX_EXACT`] actors, and
//!   reports the camps of a best split. For more actors it is not computed (and says so).

use super::edges::{pair_index, EdgeCollector};
use super::period::{Period, Span};
use super::sign::SignRule;
use super::{Actor, RelEvent};
use crate::when::Date;
use serde::Serialize;

/// The most actors the frustration index is computed for (2^(N−1) splits are tried).
pub const MAX_EXACT: usize = 12;

/// How to build a balance series.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BalanceOptions {
    /// Bucket length.
    pub by: Period,
    /// Count an event once per day, source, target and code.
    pub one_a_day: bool,
    /// Days to count.
    pub span: Span,
    /// When a relation is positive or negative.
    pub rule: SignRule,
}

impl BalanceOptions {
    /// Every event, default sign rule.
    pub fn new(by: Period) -> BalanceOptions {
        BalanceOptions { by, one_a_day: false, span: Span::default(), rule: SignRule::default() }
    }
}

/// The best split into two camps and what it costs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Frustration {
    /// Fewest sign flips to balance.
    pub index: u32,
    /// One best split: the camp of the first actor, then the other (actor indices).
    pub camps: [Vec<usize>; 2],
}

/// One period of a balance series.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BalanceRow {
    /// First day.
    pub start: Date,
    /// Label.
    pub period: String,
    /// Relations with a sign: positive, negative.
    pub positive: u32,
    /// Negative relations.
    pub negative: u32,
    /// Triads with all three sides signed.
    pub triads: u32,
    /// Of those, balanced.
    pub balanced: u32,
    /// `balanced / triads`; `None` without signed triads.
    pub balanced_share: Option<f64>,
    /// The frustration index; `None` with more than [`MAX_EXACT`] actors.
    pub frustration: Option<Frustration>,
}

/// A balance series.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BalanceSeries {
    /// The actors, as given.
    pub actors: Vec<String>,
    /// Bucket length.
    pub by: Period,
    /// The sign rule used.
    pub rule: SignRule,
    /// Whether the frustration index was computed (at most [`MAX_EXACT`] actors).
    pub exact: bool,
    /// One row per period.
    pub rows: Vec<BalanceRow>,
}

/// Counts, for signs given per pair ([`pair_index`] order, `None` = no sign), the signed triads
/// and the balanced ones.
pub fn triads(n: usize, signs: &[Option<bool>]) -> (u32, u32) {
    let (mut all, mut balanced) = (0, 0);
    for i in 0..n {
        for j in i + 1..n {
            let Some(ij) = signs[pair_index(n, i, j)] else { continue };
            for k in j + 1..n {
                let (Some(ik), Some(jk)) = (signs[pair_index(n, i, k)], signs[pair_index(n, j, k)]) else {
                    continue;
                };
                all += 1;
                let negatives = [ij, ik, jk].iter().filter(|s| !**s).count();
                if negatives % 2 == 0 {
                    balanced += 1;
                }
            }
        }
    }
    (all, balanced)
}

/// The frustration index of signed pairs among `n` actors by trying every split; `None` when
/// `n` exceeds [`MAX_EXACT`].
pub fn frustration(n: usize, signs: &[Option<bool>]) -> Option<Frustration> {
    if n > MAX_EXACT {
        return None;
    }
    if n == 0 {
        return Some(Frustration { index: 0, camps: [Vec::new(), Vec::new()] });
    }
    let mut best: Option<(u32, u32)> = None;
    // Bit i set: actor i is in the second camp; actor 0 always in the first.
    for mask in 0u32..(1 << (n - 1)) {
        let split = mask << 1;
        let mut cost = 0;
        for i in 0..n {
            for j in i + 1..n {
                let Some(positive) = signs[pair_index(n, i, j)] else { continue };
                let same = (split >> i & 1) == (split >> j & 1);
                if positive != same {
                    cost += 1;
                }
            }
        }
        if best.is_none_or(|(c, _)| cost < c) {
            best = Some((cost, split));
        }
    }
    let (index, split) = best?;
    let camps =
        [(0..n).filter(|i| split >> i & 1 == 0).collect(), (0..n).filter(|i| split >> i & 1 == 1).collect()];
    Some(Frustration { index, camps })
}

/// Collects the relations among N actors.
#[derive(Clone, Debug)]
pub struct BalanceCollector {
    edges: EdgeCollector,
    opts: BalanceOptions,
}

impl BalanceCollector {
    /// A collector for `actors`.
    pub fn new(actors: Vec<Actor>, opts: BalanceOptions) -> BalanceCollector {
        BalanceCollector { edges: EdgeCollector::new(actors, opts.by, opts.one_a_day, opts.span), opts }
    }

    /// Counts `e` if it is between two of the actors.
    pub fn push(&mut self, e: &RelEvent) {
        self.edges.push(e);
    }

    /// Adds what another collector (same actors and options) has counted.
    pub fn merge(&mut self, other: BalanceCollector) {
        self.edges.merge(other.edges);
    }

    /// The series.
    pub fn finish(self) -> BalanceSeries {
        let n = self.edges.actors.len();
        let actors: Vec<String> = self.edges.actors.iter().map(ToString::to_string).collect();
        let opts = self.opts;
        let table = self.edges.finish();
        let rows = table
            .periods
            .iter()
            .zip(&table.cells)
            .map(|(start, cells)| {
                let signs: Vec<Option<bool>> =
                    cells.iter().map(|c| opts.rule.sign(&c.tally).polarity()).collect();
                let (triads, balanced) = triads(n, &signs);
                BalanceRow {
                    start: *start,
                    period: opts.by.label(*start),
                    positive: signs.iter().filter(|s| **s == Some(true)).count() as u32,
                    negative: signs.iter().filter(|s| **s == Some(false)).count() as u32,
                    triads,
                    balanced,
                    balanced_share: (triads > 0).then(|| f64::from(balanced) / f64::from(triads)),
                    frustration: frustration(n, &signs),
                }
            })
            .collect();
        BalanceSeries { actors, by: opts.by, rule: opts.rule, exact: n <= MAX_EXACT, rows }
    }
}

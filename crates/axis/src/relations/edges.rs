//! Undirected relations among N actors, period by period: the shared groundwork of triangles and
//! structural balance.
//!
//! [`EdgeCollector`] keeps, for every event between two different actors of its list, the
//! one-a-day key, the pair of actors, and the event ids (so a change can be explained by its
//! events). [`EdgeCollector::finish`] buckets them into an [`EdgeTable`]: one [`Tally`] per
//! period and pair, every period of the range present.

use super::dyad::Tally;
use super::period::{Period, Seen, Span};
use super::{day_key, endpoints, Actor, DayKey, EventId, RelEvent};
use crate::cameo::QuadClass;
use crate::when::Date;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// The events behind one one-a-day key.
#[derive(Clone, Debug)]
struct Entry {
    pair: (usize, usize),
    quad: QuadClass,
    goldstein_sum: f64,
    ids: Vec<(EventId, f32)>,
}

/// Collects the relations among a list of actors.
#[derive(Clone, Debug)]
pub(crate) struct EdgeCollector {
    pub(crate) actors: Vec<Actor>,
    by: Period,
    one_a_day: bool,
    span: Span,
    /// With one-a-day: the events behind each one-a-day key (merged exactly). Otherwise empty.
    events: FxHashMap<DayKey, Entry>,
    /// Without one-a-day: cells by period start and pair (they simply add up).
    cells: FxHashMap<(Date, usize), EdgeCell>,
    seen: Seen,
}

/// Per period and pair: the tally and the events.
#[derive(Clone, Debug, Default)]
pub(crate) struct EdgeCell {
    pub(crate) tally: Tally,
    /// Event ids with their Goldstein scores.
    pub(crate) events: Vec<(EventId, f32)>,
}

/// Every period of the range, each with a cell per pair (`pair_index`).
#[derive(Clone, Debug)]
pub(crate) struct EdgeTable {
    pub(crate) periods: Vec<Date>,
    pub(crate) cells: Vec<Vec<EdgeCell>>,
}

/// Index of the pair `i`, `j` (in any order, `i != j`) among `n` actors: pairs are numbered
/// (0,1), (0,2), …, (0,n−1), (1,2), …
pub(crate) fn pair_index(n: usize, i: usize, j: usize) -> usize {
    let (i, j) = if i < j { (i, j) } else { (j, i) };
    i * n - i * (i + 1) / 2 + (j - i - 1)
}

impl EdgeCollector {
    pub(crate) fn new(actors: Vec<Actor>, by: Period, one_a_day: bool, span: Span) -> EdgeCollector {
        EdgeCollector {
            actors,
            by,
            one_a_day,
            span,
            events: FxHashMap::default(),
            cells: FxHashMap::default(),
            seen: Seen::default(),
        }
    }

    pub(crate) fn push(&mut self, e: &RelEvent) {
        if !self.span.contains(e.day) {
            return;
        }
        let Some((s, t)) = endpoints(&self.actors, e) else { return };
        self.seen.add(e.day);
        if !self.one_a_day {
            let cell =
                self.cells.entry((self.by.start(e.day), pair_index(self.actors.len(), s, t))).or_default();
            cell.tally.add(e);
            cell.events.push((e.id, e.goldstein));
            return;
        }
        let entry = self.events.entry(day_key(e)).or_insert_with(|| Entry {
            pair: (s.min(t), s.max(t)),
            quad: e.quad,
            goldstein_sum: 0.0,
            ids: Vec::new(),
        });
        entry.goldstein_sum += f64::from(e.goldstein);
        entry.ids.push((e.id, e.goldstein));
    }

    pub(crate) fn merge(&mut self, other: EdgeCollector) {
        self.seen.merge(other.seen);
        for (k, cell) in other.cells {
            let mine = self.cells.entry(k).or_default();
            mine.tally.merge(&cell.tally);
            mine.events.extend(cell.events);
        }
        for (k, v) in other.events {
            match self.events.get_mut(&k) {
                Some(mine) => {
                    mine.goldstein_sum += v.goldstein_sum;
                    mine.ids.extend(v.ids);
                }
                None => {
                    self.events.insert(k, v);
                }
            }
        }
    }

    pub(crate) fn finish(self) -> EdgeTable {
        let n = self.actors.len();
        let pairs = n * n.saturating_sub(1) / 2;
        let periods = match self.span.resolve(self.seen.0) {
            Some((from, to)) => self.by.range(from, to),
            None => Vec::new(),
        };
        let index: BTreeMap<Date, usize> = periods.iter().enumerate().map(|(i, d)| (*d, i)).collect();
        let mut cells = vec![vec![EdgeCell::default(); pairs]; periods.len()];
        for ((start, pair), cell) in self.cells {
            let Some(&p) = index.get(&start) else { continue };
            cells[p][pair] = cell;
        }
        for ((day, ..), entry) in self.events {
            let Some(&p) = index.get(&self.by.start(day)) else { continue };
            let cell = &mut cells[p][pair_index(n, entry.pair.0, entry.pair.1)];
            // One a day: the key counts once, with its events' mean score.
            cell.tally.counts[usize::from(entry.quad.number() - 1)] += 1;
            cell.tally.goldstein_sum += entry.goldstein_sum / entry.ids.len() as f64;
            cell.events.extend(entry.ids);
        }
        for row in &mut cells {
            for cell in row {
                cell.events.sort_by_key(|(id, _)| *id);
            }
        }
        EdgeTable { periods, cells }
    }
}

#[cfg(test)]
mod tests {
    use super::pair_index;

    #[test]
    fn pairs_are_numbered_densely() {
        for n in 2..7 {
            let mut seen = Vec::new();
            for i in 0..n {
                for j in i + 1..n {
                    assert_eq!(pair_index(n, i, j), pair_index(n, j, i));
                    seen.push(pair_index(n, i, j));
                }
            }
            let want: Vec<usize> = (0..n * (n - 1) / 2).collect();
            assert_eq!(seen, want, "n = {n}");
        }
    }
}

//! Scoring against gold records, by the protocol the PETRARCH community used: a record is right
//! when the set of dyadic (source, target, code) events axis produces equals the gold set; also
//! event-level precision, recall and F1, and a breakdown by the records' `category`.
//!
//! Gold that uses event codes outside CAMEO (the validation suite has `903`, `345`, ...) can
//! never be produced, since axis emits CAMEO only: such records are counted and listed as
//! `non_cameo`, and the headline numbers are given both over the CAMEO-only records and over all.

use super::xml::{GoldEvent, Record};
use super::Petrarch;
use crate::cameo::EventCode;
use crate::code::Coder;
use crate::when::Date;
use serde::Serialize;

/// The outcome of one record.
#[derive(Clone, Debug, Serialize)]
pub struct RecordResult {
    /// Record id.
    pub id: String,
    /// Its category.
    pub category: String,
    /// Line of the record in its file.
    pub line: usize,
    /// Its story date.
    pub date: Option<Date>,
    /// Its text.
    pub text: String,
    /// Gold events (sorted, distinct).
    pub gold: Vec<GoldEvent>,
    /// Events axis produced (sorted, distinct).
    pub produced: Vec<GoldEvent>,
    /// Whether the sets are equal.
    pub correct: bool,
    /// Whether some gold event's code is not a CAMEO code.
    pub non_cameo: bool,
    /// Events in both.
    pub true_positives: usize,
}

/// Counts for one category (or all).
#[derive(Clone, Debug, Default, Serialize)]
pub struct Tally {
    /// The category; `ALL` for the total.
    pub category: String,
    /// Records scored.
    pub records: usize,
    /// Records exactly right.
    pub correct: usize,
    /// Records whose gold uses non-CAMEO codes.
    pub non_cameo: usize,
    /// Of those, exactly right anyway (only possible when axis also produced nothing).
    pub non_cameo_correct: usize,
    /// Events in both gold and output.
    pub true_positives: usize,
    /// Gold events.
    pub gold: usize,
    /// Produced events.
    pub produced: usize,
}

impl Tally {
    fn add(&mut self, r: &RecordResult) {
        self.records += 1;
        self.correct += r.correct as usize;
        self.non_cameo += r.non_cameo as usize;
        self.non_cameo_correct += (r.non_cameo && r.correct) as usize;
        self.true_positives += r.true_positives;
        self.gold += r.gold.len();
        self.produced += r.produced.len();
    }

    /// Exact-record accuracy over all records.
    pub fn accuracy(&self) -> f64 {
        ratio(self.correct, self.records)
    }

    /// Exact-record accuracy over the records whose gold is all CAMEO.
    pub fn cameo_accuracy(&self) -> f64 {
        ratio(self.correct - self.non_cameo_correct, self.records - self.non_cameo)
    }

    /// Event precision.
    pub fn precision(&self) -> f64 {
        ratio(self.true_positives, self.produced)
    }

    /// Event recall.
    pub fn recall(&self) -> f64 {
        ratio(self.true_positives, self.gold)
    }

    /// Event F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// The whole report.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Report {
    /// Per record, in file order.
    pub records: Vec<RecordResult>,
    /// Per category, in order of first appearance.
    pub categories: Vec<Tally>,
    /// All records.
    pub total: Tally,
    /// Records without gold (not scored).
    pub unscored: usize,
}

/// The dyadic events axis produces for a record: negated events are left out (they did not
/// happen); events without a target only when the record's `require_dyad` is off (target
/// `---`). With PETRARCH dictionaries, sentences hit by a discard phrase produce nothing and
/// paired `[A:B]` patterns add their event back.
pub fn produced(coder: &Coder, petrarch: Option<&Petrarch>, record: &Record) -> Vec<GoldEvent> {
    let doc = record.document();
    let mut coded = coder.code_document(&doc, false);
    if let Some(p) = petrarch {
        p.apply(&doc, &mut coded, record.require_dyad);
    }
    let mut out = Vec::new();
    for e in coded.events.iter().filter(|e| !e.negated) {
        let target = match &e.target {
            Some(t) => t.mention.code.as_str().to_string(),
            None if !record.require_dyad => "---".to_string(),
            None => continue,
        };
        out.push(GoldEvent {
            source: e.source.mention.code.as_str().to_string(),
            target,
            code: e.code.to_string(),
        });
    }
    out.sort();
    out.dedup();
    out
}

/// Scores one record given what was produced.
pub fn judge(record: &Record, produced: Vec<GoldEvent>) -> RecordResult {
    let mut gold = record.gold.clone();
    gold.sort();
    gold.dedup();
    let true_positives = produced.iter().filter(|p| gold.contains(p)).count();
    RecordResult {
        id: record.id.clone(),
        category: record.category.clone(),
        line: record.line,
        date: record.date,
        text: record.text.clone(),
        non_cameo: gold.iter().any(|g| EventCode::new(&g.code).is_none()),
        correct: gold == produced,
        gold,
        produced,
        true_positives,
    }
}

/// Codes and scores every record that has gold.
pub fn validate(coder: &Coder, petrarch: Option<&Petrarch>, records: &[Record]) -> Report {
    let results: Vec<Option<RecordResult>> =
        records.iter().map(|r| r.has_gold.then(|| judge(r, produced(coder, petrarch, r)))).collect();
    report(results.into_iter().flatten().collect(), records.iter().filter(|r| !r.has_gold).count())
}

/// Builds the tallies from per-record results.
pub fn report(records: Vec<RecordResult>, unscored: usize) -> Report {
    let mut categories: Vec<Tally> = Vec::new();
    let mut total = Tally { category: "ALL".into(), ..Tally::default() };
    for r in &records {
        let name = if r.category.is_empty() { "-" } else { r.category.as_str() };
        let i = match categories.iter().position(|c| c.category == name) {
            Some(i) => i,
            None => {
                categories.push(Tally { category: name.to_string(), ..Tally::default() });
                categories.len() - 1
            }
        };
        categories[i].add(r);
        total.add(r);
    }
    Report { records, categories, total, unscored }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(s: &str, t: &str, c: &str) -> GoldEvent {
        GoldEvent { source: s.into(), target: t.into(), code: c.into() }
    }

    fn rec(id: &str, cat: &str, gold: Vec<GoldEvent>) -> Record {
        Record {
            id: id.into(),
            date: None,
            category: cat.into(),
            text: "x".into(),
            gold,
            has_gold: true,
            parse: None,
            parsed: None,
            require_dyad: true,
            line: 1,
        }
    }

    #[test]
    fn scoring_table() {
        let results = vec![
            judge(&rec("a", "X", vec![ev("AAA", "BBB", "042")]), vec![ev("AAA", "BBB", "042")]),
            judge(
                &rec("b", "X", vec![ev("AAA", "BBB", "042")]),
                vec![ev("AAA", "BBB", "043"), ev("AAA", "BBB", "042")],
            ),
            judge(&rec("c", "Y", vec![]), vec![]),
            judge(&rec("d", "Y", vec![ev("AAA", "BBB", "903")]), vec![]),
        ];
        assert_eq!(results.iter().map(|r| r.correct).collect::<Vec<_>>(), [true, false, true, false]);
        let rep = report(results, 2);
        let t = &rep.total;
        assert_eq!(
            (t.records, t.correct, t.non_cameo, t.gold, t.produced, t.true_positives),
            (4, 2, 1, 3, 3, 2)
        );
        assert!((t.accuracy() - 0.5).abs() < 1e-9);
        assert!((t.cameo_accuracy() - 2.0 / 3.0).abs() < 1e-9);
        assert!((t.f1() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(rep.categories.iter().map(|c| c.category.as_str()).collect::<Vec<_>>(), ["X", "Y"]);
        assert_eq!(rep.unscored, 2);
    }
}

//! Scoring against labelled data: how often axis's events agree with human labels.
//!
//! [`ClassScore`] scores the 5-class CAMEO labels of the ConfliBERT sentence set (class of the
//! first event's root; no event counts as class 0). [`SpanScore`] checks that the actor spans
//! annotated as source (S), target (T) or both (R) in its BIO file are found as an event's source
//! or target. Both work on any text and labels in those shapes.

use crate::code::Coder;
use crate::text::Document;
use crate::when::Date;

/// The ConfliBERT class of a CAMEO root: 0 = 01–02, 1 = 03–05, 2 = 06–08, 3 = 09–13 and 16,
/// 4 = 14–15 and 17–20.
pub fn conflibert_class(root: u8) -> u8 {
    match root {
        1 | 2 => 0,
        3..=5 => 1,
        6..=8 => 2,
        9..=13 | 16 => 3,
        _ => 4,
    }
}

/// Agreement of predicted and labelled classes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClassScore {
    /// `confusion[gold][predicted]`.
    pub confusion: [[u32; 5]; 5],
    /// Sentences with at least one event.
    pub with_events: u32,
}

impl ClassScore {
    /// Adds one sentence: its label and the root of the first event axis coded, if any.
    pub fn add(&mut self, gold: u8, first_root: Option<u8>) {
        let predicted = first_root.map_or(0, conflibert_class);
        if first_root.is_some() {
            self.with_events += 1;
        }
        if gold < 5 {
            self.confusion[gold as usize][predicted as usize] += 1;
        }
    }

    /// Sentences scored.
    pub fn total(&self) -> u32 {
        self.confusion.iter().flatten().sum()
    }

    /// Share of sentences whose predicted class equals the label.
    pub fn accuracy(&self) -> f64 {
        let right: u32 = (0..5).map(|i| self.confusion[i][i]).sum();
        f64::from(right) / f64::from(self.total().max(1))
    }

    /// Precision and recall of one class.
    pub fn precision_recall(&self, class: usize) -> (f64, f64) {
        let tp = f64::from(self.confusion[class][class]);
        let predicted: u32 = (0..5).map(|g| self.confusion[g][class]).sum();
        let gold: u32 = self.confusion[class].iter().sum();
        (tp / f64::from(predicted.max(1)), tp / f64::from(gold.max(1)))
    }
}

/// Codes one sentence and returns the root of its first event.
pub fn first_root(coder: &Coder<'_>, text: &str, date: Option<Date>) -> Option<u8> {
    let doc = Document::new("eval", text, date);
    coder.code_document(&doc, false).events.first().and_then(|e| e.code.root())
}

/// Recall of labelled actor spans among events' sources and targets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpanScore {
    /// Labelled source spans (S and R).
    pub sources: u32,
    /// Of those, found as some event's source.
    pub sources_found: u32,
    /// Labelled target spans (T and R).
    pub targets: u32,
    /// Of those, found as some event's target.
    pub targets_found: u32,
    /// Labelled spans found as any actor mention at all.
    pub mentioned: u32,
    /// All labelled spans.
    pub spans: u32,
}

/// A labelled span: byte range in the sentence text and its role letter (`S`, `T`, `R`).
pub type LabelledSpan = (usize, usize, char);

impl SpanScore {
    /// Scores one sentence given as tokens with BIO labels (`B-S`, `I-T`, `O`, …); the text is
    /// the tokens joined by spaces.
    pub fn add_bio(&mut self, coder: &Coder<'_>, tokens: &[(&str, &str)], date: Option<Date>) {
        let mut text = String::new();
        let mut spans: Vec<LabelledSpan> = Vec::new();
        for (word, label) in tokens {
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(word);
            let end = text.len();
            match label.split_once('-') {
                Some(("B", role)) => spans.push((start, end, role.chars().next().unwrap_or('O'))),
                Some(("I", _)) => {
                    if let Some(last) = spans.last_mut() {
                        last.1 = end;
                    }
                }
                _ => {}
            }
        }
        let doc = Document::new("eval", text.as_str(), date);
        let coded = coder.code_document(&doc, false);
        let overlaps =
            |a: (usize, usize), s: crate::text::Span| (s.start as usize) < a.1 && a.0 < (s.end as usize);
        for &(s, e, role) in &spans {
            self.spans += 1;
            if coded.sentences.iter().flat_map(|(_, m)| m).any(|m| overlaps((s, e), m.span)) {
                self.mentioned += 1;
            }
            if role == 'S' || role == 'R' {
                self.sources += 1;
                if coded.events.iter().any(|ev| overlaps((s, e), ev.source.mention.span)) {
                    self.sources_found += 1;
                }
            }
            if role == 'T' || role == 'R' {
                self.targets += 1;
                if coded
                    .events
                    .iter()
                    .filter_map(|ev| ev.target.as_ref())
                    .any(|t| overlaps((s, e), t.mention.span))
                {
                    self.targets_found += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_by_root() {
        let table = [
            (1, 0),
            (2, 0),
            (3, 1),
            (5, 1),
            (6, 2),
            (8, 2),
            (9, 3),
            (13, 3),
            (16, 3),
            (14, 4),
            (15, 4),
            (17, 4),
            (20, 4),
        ];
        for (root, class) in table {
            assert_eq!(conflibert_class(root), class, "root {root}");
        }
    }

    #[test]
    fn accuracy_and_confusion() {
        let mut s = ClassScore::default();
        s.add(0, None);
        s.add(1, Some(4));
        s.add(4, Some(19));
        s.add(3, Some(4));
        assert_eq!(s.total(), 4);
        assert!((s.accuracy() - 0.75).abs() < 1e-9);
        assert_eq!(s.confusion[3][1], 1);
        assert_eq!(s.with_events, 3);
        assert_eq!(s.precision_recall(1), (0.5, 1.0));
    }
}

//! Dittmer's strategic triangle: three actors, three relations, one configuration per period.
//!
//! Each side's sign comes from the [`SignRule`] over the period's events between its two actors
//! (both directions). With sides AB, AC, BC the configuration is:
//!
//! | signs            | configuration                                        |
//! |------------------|------------------------------------------------------|
//! | + + +            | ménage à trois                                       |
//! | two +, one −     | romantic triangle: the pivot is friends with both "wings", who are hostile |
//! | one +, two −     | stable marriage: the couple against the excluded one  |
//! | − − −            | all hostile                                          |
//! | any `~` or `?`   | undetermined (too few events or mixed relations)     |
//!
//! The timeline lists every period where the configuration differs from the previous period,
//! with the events of that period on the sides whose sign changed, strongest Goldstein first.

use super::dyad::Tally;
use super::edges::{pair_index, EdgeCollector, EdgeTable};
use super::period::{Period, Span};
use super::sign::{Sign, SignRule};
use super::{Actor, EventId, RelEvent};
use crate::when::Date;
use serde::Serialize;
use std::fmt;

/// A triangle's configuration in one period; actors are named by their index 0, 1, 2.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Configuration {
    /// All three relations positive.
    MenageATrois,
    /// The pivot is positive with both others, who are negative with each other.
    Romantic {
        /// The pivot's index.
        pivot: usize,
    },
    /// Two are positive with each other and negative with the third.
    StableMarriage {
        /// The excluded actor's index.
        excluded: usize,
    },
    /// All three relations negative.
    AllHostile,
    /// At least one relation is mixed or has too few events.
    Undetermined,
}

impl Configuration {
    /// The configuration of sides (AB, AC, BC).
    pub fn of(signs: [Sign; 3]) -> Configuration {
        let [ab, ac, bc] = signs.map(Sign::polarity);
        let (Some(ab), Some(ac), Some(bc)) = (ab, ac, bc) else { return Configuration::Undetermined };
        match (ab, ac, bc) {
            (true, true, true) => Configuration::MenageATrois,
            (false, false, false) => Configuration::AllHostile,
            // Two positive: the pivot is on both.
            (true, true, false) => Configuration::Romantic { pivot: 0 },
            (true, false, true) => Configuration::Romantic { pivot: 1 },
            (false, true, true) => Configuration::Romantic { pivot: 2 },
            // One positive: the excluded one is off it.
            (true, false, false) => Configuration::StableMarriage { excluded: 2 },
            (false, true, false) => Configuration::StableMarriage { excluded: 1 },
            (false, false, true) => Configuration::StableMarriage { excluded: 0 },
        }
    }

    /// A short description naming the actors: "stable marriage (CHN+RUS vs USA)".
    pub fn describe(&self, names: &[String; 3]) -> String {
        match *self {
            Configuration::MenageATrois => "ménage à trois".to_string(),
            Configuration::Romantic { pivot } => format!("romantic triangle (pivot {})", names[pivot]),
            Configuration::StableMarriage { excluded } => {
                let couple: Vec<&str> =
                    (0..3).filter(|i| *i != excluded).map(|i| names[i].as_str()).collect();
                format!("stable marriage ({} vs {})", couple.join("+"), names[excluded])
            }
            Configuration::AllHostile => "all hostile".to_string(),
            Configuration::Undetermined => "undetermined".to_string(),
        }
    }

    /// A one-word kind: `menage`, `romantic`, `marriage`, `hostile`, `undetermined`.
    pub fn kind(&self) -> &'static str {
        match self {
            Configuration::MenageATrois => "menage",
            Configuration::Romantic { .. } => "romantic",
            Configuration::StableMarriage { .. } => "marriage",
            Configuration::AllHostile => "hostile",
            Configuration::Undetermined => "undetermined",
        }
    }
}

impl fmt::Display for Configuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kind())
    }
}

/// How to build a triangle series.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TriangleOptions {
    /// Bucket length.
    pub by: Period,
    /// Count an event once per day, source, target and code.
    pub one_a_day: bool,
    /// Days to count.
    pub span: Span,
    /// When a side is positive or negative.
    pub rule: SignRule,
    /// Most events listed per transition.
    pub evidence: usize,
}

impl TriangleOptions {
    /// Every event, default sign rule, up to 5 events per transition.
    pub fn new(by: Period) -> TriangleOptions {
        TriangleOptions {
            by,
            one_a_day: false,
            span: Span::default(),
            rule: SignRule::default(),
            evidence: 5,
        }
    }
}

/// One side of the triangle in one period.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Side {
    /// The events.
    pub tally: Tally,
    /// Its sign.
    pub sign: Sign,
}

/// One period of a triangle.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TriangleRow {
    /// First day.
    pub start: Date,
    /// Label.
    pub period: String,
    /// Sides AB, AC, BC.
    pub sides: [Side; 3],
    /// The configuration.
    pub configuration: Configuration,
}

/// A change of configuration and the events behind it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Transition {
    /// The period it happened in.
    pub period: String,
    /// Configuration before.
    pub from: Configuration,
    /// Configuration after.
    pub to: Configuration,
    /// The sides (0 = AB, 1 = AC, 2 = BC) whose sign changed.
    pub changed: Vec<usize>,
    /// Events of this period on those sides, strongest |Goldstein| first, at most
    /// [`TriangleOptions::evidence`].
    pub events: Vec<EventId>,
}

/// A triangle over time.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TriangleSeries {
    /// The three actors, as given.
    pub actors: [String; 3],
    /// Bucket length.
    pub by: Period,
    /// The sign rule used.
    pub rule: SignRule,
    /// One row per period, empty ones included.
    pub rows: Vec<TriangleRow>,
    /// Every change of configuration.
    pub transitions: Vec<Transition>,
}

/// Side names in order: AB, AC, BC as actor index pairs.
pub const SIDES: [(usize, usize); 3] = [(0, 1), (0, 2), (1, 2)];

/// Collects the events of a triangle.
#[derive(Clone, Debug)]
pub struct TriangleCollector {
    edges: EdgeCollector,
    opts: TriangleOptions,
}

impl TriangleCollector {
    /// A collector for actors `a`, `b`, `c`.
    pub fn new(actors: [Actor; 3], opts: TriangleOptions) -> TriangleCollector {
        TriangleCollector {
            edges: EdgeCollector::new(actors.to_vec(), opts.by, opts.one_a_day, opts.span),
            opts,
        }
    }

    /// Counts `e` if it is between two of the actors.
    pub fn push(&mut self, e: &RelEvent) {
        self.edges.push(e);
    }

    /// Adds what another collector (same actors and options) has counted.
    pub fn merge(&mut self, other: TriangleCollector) {
        self.edges.merge(other.edges);
    }

    /// The series.
    pub fn finish(self) -> TriangleSeries {
        let actors: [String; 3] = std::array::from_fn(|i| self.edges.actors[i].to_string());
        let opts = self.opts;
        let table: EdgeTable = self.edges.finish();
        let mut rows = Vec::with_capacity(table.periods.len());
        let mut transitions = Vec::new();
        for (p, start) in table.periods.iter().enumerate() {
            let sides = SIDES.map(|(i, j)| {
                let tally = table.cells[p][pair_index(3, i, j)].tally;
                Side { tally, sign: opts.rule.sign(&tally) }
            });
            let configuration = Configuration::of(sides.map(|s| s.sign));
            if let Some(prev) = rows.last().map(|r: &TriangleRow| (r.configuration, r.sides)) {
                if prev.0 != configuration {
                    let changed: Vec<usize> = (0..3).filter(|k| prev.1[*k].sign != sides[*k].sign).collect();
                    let mut events: Vec<(EventId, f32)> = changed
                        .iter()
                        .flat_map(|k| {
                            let (i, j) = SIDES[*k];
                            table.cells[p][pair_index(3, i, j)].events.iter().copied()
                        })
                        .collect();
                    events.sort_by(|x, y| y.1.abs().total_cmp(&x.1.abs()).then(x.0.cmp(&y.0)));
                    events.truncate(opts.evidence);
                    transitions.push(Transition {
                        period: opts.by.label(*start),
                        from: prev.0,
                        to: configuration,
                        changed,
                        events: events.into_iter().map(|(id, _)| id).collect(),
                    });
                }
            }
            rows.push(TriangleRow { start: *start, period: opts.by.label(*start), sides, configuration });
        }
        TriangleSeries { actors, by: opts.by, rule: opts.rule, rows, transitions }
    }
}

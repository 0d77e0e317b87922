//! How do two, three or N states relate, period by period?
//!
//! Relations analytics work over a stream of compact [`RelEvent`]s — one coded event reduced to
//! its day, source and target codes, CAMEO code, QuadClass and Goldstein score, plus an
//! [`EventId`] that lets callers list the events behind a number. Any source will do: events
//! coded by axis ([`read_jsonl`] reads what `axis code --format jsonl` writes), or imported
//! GDELT/ICEWS rows from the store.
//!
//! The pieces:
//! - [`period`]: calendar buckets (day, week, month, quarter, year) and the complete list of
//!   periods in a range, so that a period with no events is shown, not dropped.
//! - [`dyad`]: per period counts per QuadClass, Goldstein sum and mean, cooperation share and net
//!   cooperation between two actors, directed or not, optionally smoothed or one-a-day.
//! - [`triangle`]: Dittmer's strategic triangle — the sign of each side, the configuration
//!   (ménage à trois, romantic triangle, stable marriage, all hostile) and its transitions.
//! - [`balance`]: structural balance over N actors — the share of balanced triads and the
//!   frustration index.
//! - [`asymmetry`]: who is the senior partner — aid, visits, appeals and concessions by
//!   direction, initiated cooperation, and the COW capability (CINC) ratio.
//! - [`from_store`]: the stored events among some actors, for every reader of a database.
//! - [`chart`]: the charts, drawn once as a [`chart::Scene`] and rendered to SVG or PNG.
//!
//! Each analysis has a collector fed one event at a time (`push`), mergeable (`merge`) so that
//! two halves of a stream give the same answer as the whole, and finished into a series.
//!
//! ```
//! use axis::relations::{Actor, RelEvent, EventId, dyad::{DyadCollector, DyadOptions}, period::Period};
//! use axis::when::Date;
//!
//! let day = Date::new(2019, 6, 5).unwrap();
//! let visit = RelEvent::new(EventId(0), day, "CHNGOV", "RUS", "042", 1.9).unwrap();
//! let opts = DyadOptions::new(Period::Month);
//! let mut dyad = DyadCollector::new(Actor::parse("CHN").unwrap(), Actor::parse("RUS").unwrap(), opts);
//! dyad.push(&visit);
//! let series = dyad.finish(None);
//! assert_eq!(series.rows.len(), 1);
//! assert_eq!(series.rows[0].tally.counts, [1, 0, 0, 0]);
//! ```

pub mod asymmetry;
pub mod balance;
pub mod capabilities;
pub mod chart;
pub mod dyad;
mod edges;
mod input;
pub mod period;
pub mod sign;
mod stored;
pub mod triangle;

pub use input::{read_jsonl, Evidence, ReadError, ReadSummary};
pub use stored::{from_store, StoreEvents, StoreSelection};

use crate::cameo::{EventCode, QuadClass};
use crate::dict::Code;
use crate::when::Date;
use std::fmt;

/// Identifies one event for whoever fed it (a line number, a store row id): analyses keep it to
/// list the events behind a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct EventId(pub u64);

/// One event, reduced to what relations analytics need.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RelEvent {
    /// Who feeds the event knows what this means (see [`EventId`]).
    pub id: EventId,
    /// The day the event is counted on: the first day of its date.
    pub day: Date,
    /// The last day of its date (the same as `day` for an event dated to the day; later for
    /// "last year"). Analyses count on `day`; [`RelEvent::fits`] tells whether the whole date
    /// lies in one period.
    pub end: Date,
    /// Source actor code (`CHNGOV`).
    pub source: Code,
    /// Target actor code (`RUS`).
    pub target: Code,
    /// CAMEO code.
    pub code: EventCode,
    /// QuadClass (from the code's root unless the source data says otherwise).
    pub quad: QuadClass,
    /// Goldstein score (-10 hostile … +10 cooperative).
    pub goldstein: f32,
}

impl RelEvent {
    /// An event from its parts, with the QuadClass of the code's root; `None` when a code is
    /// invalid.
    pub fn new(
        id: EventId,
        day: Date,
        source: &str,
        target: &str,
        code: &str,
        goldstein: f32,
    ) -> Option<RelEvent> {
        let code = EventCode::new(code)?;
        Some(RelEvent {
            id,
            day,
            end: day,
            source: Code::new(source)?,
            target: Code::new(target)?,
            code,
            quad: code.quad_class()?,
            goldstein,
        })
    }

    /// Whether the event's whole date lies in one period of length `by` (an event dated "in 2018"
    /// does not fit a month).
    pub fn fits(&self, by: period::Period) -> bool {
        by.start(self.day) == by.start(self.end.max(self.day))
    }

    /// Whether the event is cooperative (QuadClass 1 or 2).
    pub fn is_cooperation(&self) -> bool {
        matches!(self.quad, QuadClass::VerbalCooperation | QuadClass::MaterialCooperation)
    }
}

/// An actor selection: a code prefix (`CHN` matches `CHN`, `CHNGOV`, `CHNMIL`…), optionally
/// restricted to codes carrying one of some agent parts (`GOV`, `MIL`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    prefix: Code,
    agents: Vec<[u8; 3]>,
}

/// Why an actor selection cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorError(pub String);

impl fmt::Display for ActorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ActorError {}

impl Actor {
    /// Reads `CHN`, `CHNGOV` (a longer prefix) or `CHN/GOV+MIL` (CHN codes with a GOV or MIL
    /// part after the first). Letters are upper-cased.
    pub fn parse(s: &str) -> Result<Actor, ActorError> {
        let upper = s.trim().to_ascii_uppercase();
        let (prefix, agents) = match upper.split_once('/') {
            Some((p, a)) => (p.to_string(), a.split('+').map(str::to_string).collect::<Vec<_>>()),
            None => (upper.clone(), Vec::new()),
        };
        let prefix = Code::new(&prefix).ok_or_else(|| {
            ActorError(format!(
                "actor '{s}': '{prefix}' is not an actor code (3, 6, … 15 characters of A-Z, 0-9, -)"
            ))
        })?;
        let mut actor = Actor { prefix, agents: Vec::new() };
        for a in agents {
            actor = actor.with_agent(&a)?;
        }
        Ok(actor)
    }

    /// Also requires (or, with several, allows) the agent part `agent` (`GOV`).
    pub fn with_agent(mut self, agent: &str) -> Result<Actor, ActorError> {
        let b = agent.trim().to_ascii_uppercase();
        let b = b.as_bytes();
        if b.len() != 3 || !b.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) {
            return Err(ActorError(format!("agent '{agent}' is not a 3-character agent code (GOV, MIL, …)")));
        }
        self.agents.push([b[0], b[1], b[2]]);
        Ok(self)
    }

    /// The code prefix.
    pub fn prefix(&self) -> &str {
        self.prefix.as_str()
    }

    /// Whether `code` is this actor.
    pub fn matches(&self, code: &Code) -> bool {
        if !code.as_str().starts_with(self.prefix.as_str()) {
            return false;
        }
        self.agents.is_empty()
            || code.parts().skip(1).any(|p| self.agents.iter().any(|a| a.as_slice() == p.as_bytes()))
    }
}

impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.prefix.as_str())?;
        for (i, a) in self.agents.iter().enumerate() {
            f.write_str(if i == 0 { "/" } else { "+" })?;
            f.write_str(std::str::from_utf8(a).unwrap_or("???"))?;
        }
        Ok(())
    }
}

/// Which of a list of actors an event joins, as indices `(source, target)`; `None` unless both
/// sides match different actors (the first matching actor wins for each side).
pub(crate) fn endpoints(actors: &[Actor], e: &RelEvent) -> Option<(usize, usize)> {
    let s = actors.iter().position(|a| a.matches(&e.source))?;
    let t = actors.iter().position(|a| a.matches(&e.target))?;
    (s != t).then_some((s, t))
}

/// The one-a-day key: events on the same day with the same source, target and code count once.
pub(crate) type DayKey = (Date, Code, Code, EventCode);

pub(crate) fn day_key(e: &RelEvent) -> DayKey {
    (e.day, e.source, e.target, e.code)
}

#[cfg(test)]
pub(crate) mod tests;

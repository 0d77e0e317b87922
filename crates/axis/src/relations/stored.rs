//! Events in: the store's compact rows among some actors, as [`RelEvent`]s whose ids are row ids.
//!
//! One definition for every reader of a database — the `axis dyad|triangle|balance|asymmetry
//! --db` commands and the server's `/v1/dyad`, `/v1/triangle`… endpoints — so both count the
//! same events. Only events with both sides among the actors' code prefixes come out of SQL, and
//! only the columns relations use, all read from the covering `events_pair` index (one range per
//! ordered pair of actors; the wide table is never read); agent filters and periods stay the
//! collectors' job.
//! Negated and undated rows, and rows whose code has no quad class (a PETRARCH dictionary's own
//! code), are left out and counted; with `precise`, so are events dated more
//! vaguely than one period.

use super::period::{Period, Span};
use super::{Actor, EventId, RelEvent};
use crate::store::{ActorFilter, EventQuery, Store, StoreError};

/// Which stored events to read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoreSelection {
    /// Days to read (first day of the event's date).
    pub span: Span,
    /// Only these origins (`axis`, `gdelt`, `icews`); all when empty.
    pub origins: Vec<String>,
    /// Leave out events whose date does not fit in one period of this length.
    pub precise: Option<Period>,
}

/// The events read and what was left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoreEvents {
    /// The events, in row order; [`RelEvent::id`] is the row id ([`crate::store::EventRow::id`]).
    pub events: Vec<RelEvent>,
    /// Rows with both sides among the actors.
    pub read: u64,
    /// Negated rows left out.
    pub negated: u64,
    /// Undated rows left out.
    pub undated: u64,
    /// Rows left out by `precise`.
    pub vague: u64,
    /// Rows whose code is not CAMEO (no quad class), left out.
    pub unclassified: u64,
}

/// Reads the stored events among `actors` (both sides match one of their code prefixes).
pub fn from_store(store: &Store, actors: &[Actor], sel: &StoreSelection) -> Result<StoreEvents, StoreError> {
    let query = EventQuery {
        from: sel.span.from,
        to: sel.span.to,
        actors: ActorFilter::Between(actors.iter().map(|a| a.prefix().to_string()).collect()),
        origins: sel.origins.clone(),
        ..EventQuery::default()
    };
    let mut out = StoreEvents::default();
    let read = store.relation_rows(&query, |row| {
        let Some(day) = row.date_start else {
            out.undated += 1;
            return true;
        };
        if row.negated {
            out.negated += 1;
            return true;
        }
        if !row.code.is_cameo() {
            out.unclassified += 1;
            return true;
        }
        let id = EventId(row.id as u64);
        // A CAMEO code the table lacks has no score: it counts as neutral, as in `read_jsonl`.
        let goldstein = row.goldstein.unwrap_or(0.0);
        if let Some(mut e) = RelEvent::new(id, day, &row.source, &row.target, row.code.as_str(), goldstein) {
            e.end = row.date_end.unwrap_or(day);
            match sel.precise {
                Some(by) if !e.fits(by) => out.vague += 1,
                _ => out.events.push(e),
            }
        }
        true
    })?;
    // The index gives them by actor pair; the collectors (one-a-day keeps the first) want them
    // in row order.
    out.events.sort_unstable_by_key(|e| e.id);
    out.read = read;
    Ok(out)
}

//! The temporal layer: when did it happen?
//!
//! [`date`] has the calendar types. Temporal expressions are found and resolved against the story
//! date by [`expr`]; [`timeline`] assigns every clause of every sentence a date, so that each actor
//! mention (and later each event) is dated when it happened, not when it was published.

pub mod date;
pub mod expr;
pub mod timeline;

pub use date::{Date, DateError, DateRange, Granularity, Interval};
pub use expr::{find_into, TimeExpr, TimeKind};
pub use timeline::{Clause, DateSource, ResolvedDate, SentenceDates, Timeline};

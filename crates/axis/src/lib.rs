//! axis: political event data from news text.
//!
//! The pipeline, one module per stage:
//!
//! 1. [`text`]: a raw [`text::Document`] is normalised, tokenized and split into sentences; every
//!    later stage refers to text by byte [`text::Span`]s.
//! 2. [`when`]: temporal expressions in each sentence are resolved against the story date, and every
//!    clause gets the date it speaks about.
//! 3. [`dict`]: actor dictionaries (ours, in `dict/`, or the user's) compile once into a matcher
//!    that finds actor mentions and resolves each at its clause's date.
//! 4. [`mention`]: dictionary phrases compose into actor mentions ("3,000 Chinese troops" →
//!    CHNMIL), each resolved at its clause's date ("Moscow" in 1956 → SUN).
//! 5. [`io`]: documents come in from plain text, HTML pages, RSS/Atom feeds, JSONL (any of them
//!    gzipped) and stdin.
//! 6. [`store`]: documents, sentences, events and quantities kept in one SQLite file; ingest,
//!    recode, imports and queries.
//! 7. [`relations`]: coded events become dyad series, strategic triangles, structural balance and
//!    asymmetry indicators per period, with SVG/PNG charts.
//!
//! Events coded by others come in through [`import`]: GDELT 1.0/2.0 and ICEWS files, plain or zipped.

mod builtin;
pub mod cameo;
pub mod code;
pub mod dict;
pub mod eval;
pub mod export;
pub mod import;
pub mod io;
pub mod mention;
pub mod relations;
pub mod store;
pub mod text;
pub mod when;

#[cfg(test)]
mod testing;

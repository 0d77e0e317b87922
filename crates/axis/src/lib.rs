//! axis: political event data from news text.
//!
//! The pipeline, one module per stage:
//!
//! 1. [`io`]: documents come in from plain text, HTML pages, RSS/Atom feeds, JSONL (any of them
//!    gzipped), PETRARCH XML and stdin; events go out as JSONL, TSV, CSV and Phoenix TSV.
//! 2. [`text`]: a raw [`text::Document`] is normalised, tokenized and split into sentences; every
//!    later stage refers to text by byte [`text::Span`]s.
//! 3. [`when`]: temporal expressions in each sentence are resolved against the story date, and every
//!    clause gets the date it speaks about.
//! 4. [`dict`]: actor dictionaries and verb patterns (ours, in `dict/`, or the user's) compile once
//!    into matchers.
//! 5. [`mention`]: dictionary phrases compose into actor mentions ("3,000 Chinese troops" →
//!    CHNMIL), each resolved at its clause's date ("Moscow" in 1956 → SUN).
//! 6. [`code`]: patterns, shallow syntax and pronoun resolution turn mentions into dated events
//!    with their evidence; [`cameo`] says what each code means (Goldstein, QuadClass, PLOVER).
//! 7. [`store`]: documents, sentences, events and quantities kept in one SQLite file; ingest,
//!    recode, imports and queries.
//! 8. [`relations`]: stored or coded events become dyad series, strategic triangles, structural
//!    balance and asymmetry indicators per period, with SVG/PNG charts.
//!
//! Beside the pipeline: [`import`] reads events coded by others (GDELT 1.0/2.0 and ICEWS files,
//! plain or zipped); [`petrarch`] reads PETRARCH/Phoenix dictionaries into the same structures and
//! scores axis against PETRARCH gold records; [`parse`] reads given parses (CoNLL-U, Penn Treebank)
//! whose subjects and objects the coder can use instead of its own shallow syntax; [`eval`] scores it against the ConfliBERT sentences.

mod builtin;
pub mod cameo;
pub mod code;
pub mod dict;
pub mod eval;
pub mod export;
pub mod import;
pub mod io;
pub mod mention;
pub mod parse;
pub mod petrarch;
pub mod relations;
pub mod store;
pub mod text;
pub mod when;

#[cfg(test)]
mod testing;

//! Stored events out, in the formats other tools read: PLOVER JSON lines ([`plover`]), GDELT 2.0
//! TSV ([`gdelt`]) and, with the cargo feature `parquet`, Parquet ([`parquet`](self#parquet)).
//!
//! Each writer takes the [`ExportRecord`]s that [`Store::export_records`] streams — the event's
//! evidence, its row id, origin and an imported row's own columns — one at a time, so an export of
//! any size runs in flat memory (Parquet holds one row group, 65,536 rows, at a time). The simpler
//! formats (CSV, TSV, JSONL, Phoenix) are [`io::EventWriter`](crate::io::EventWriter)'s.
//!
//! # Parquet
//!
//! `ParquetWriter` (feature `parquet`) writes one flat table, uncompressed, with the columns of
//! [`PARQUET_COLUMNS`]: `id`, `origin`, `origin_id`, then every field of
//! [`EventRecord`](crate::io::EventRecord) and `attributes` (an imported row's own columns, as a
//! JSON object in text). Readable by pyarrow, pandas, DuckDB, Spark.
//!
//! [`Store::export_records`]: crate::store::Store::export_records

pub mod gdelt;
#[cfg(feature = "parquet")]
mod parquet;
pub mod plover;

pub use crate::store::ExportRecord;
pub use gdelt::GdeltWriter;
#[cfg(feature = "parquet")]
pub use parquet::ParquetWriter;
pub use plover::PloverWriter;

/// The columns of a Parquet export, in order.
pub const PARQUET_COLUMNS: [&str; 39] = [
    "id",
    "origin",
    "origin_id",
    "doc",
    "sentence",
    "date_start",
    "date_end",
    "date_granularity",
    "date_fallback",
    "story_date",
    "source",
    "source_actor",
    "source_agent",
    "source_text",
    "source_start",
    "source_end",
    "target",
    "target_actor",
    "target_agent",
    "target_text",
    "target_start",
    "target_end",
    "code",
    "root",
    "quad_class",
    "goldstein",
    "plover_event",
    "plover_mode",
    "negated",
    "modality",
    "verb",
    "verb_start",
    "verb_end",
    "pattern_start",
    "pattern_end",
    "pattern",
    "url",
    "sentence_text",
    "attributes",
];

#[cfg(test)]
mod tests;

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

/// The columns of a Parquet export, in order: the stored row's `id`, `origin` and `origin_id`,
/// the event record's columns ([`io::HEADER`](crate::io::HEADER)), then `attributes`.
pub const PARQUET_COLUMNS: [&str; 39] = parquet_columns();

const fn parquet_columns() -> [&'static str; 39] {
    let header = crate::io::HEADER;
    // A header of another length fails to compile here (index out of bounds in a constant).
    let mut out = ["attributes"; 39];
    out[0] = "id";
    out[1] = "origin";
    out[2] = "origin_id";
    let mut i = 0;
    while i < header.len() {
        out[3 + i] = header[i];
        i += 1;
    }
    assert!(header.len() == 39 - 4, "PARQUET_COLUMNS: the event header changed length");
    out
}

#[cfg(test)]
mod tests;

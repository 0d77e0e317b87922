//! The embedded store: documents, sentences, events and quantities in one SQLite file.
//!
//! A [`Store`] is one database file (WAL journal, foreign keys on, versioned schema — see
//! [`schema`](self#schema)). Everything that lands in it goes through one of three doors:
//!
//! * [`ingest`]: documents from an [`io::Reader`](crate::io::Reader), coded in parallel and written
//!   by one writer in input order, in batched transactions. A document whose text is already
//!   stored (same SHA-256) is skipped, so re-running an ingest — complete or killed halfway —
//!   ends with exactly the database an uninterrupted run makes. A syndicated copy of a stored
//!   story (near-duplicate text, see [`near_dup`]) is stored as a document linked to the
//!   original, without events of its own, so analytics, exports and stats count the story once.
//! * [`Store::insert_imported`]: events coded elsewhere (GDELT, ICEWS, …) as [`ImportRow`]s,
//!   idempotent on `(origin, origin_id)`; [`Store::bulk_import`] is the same for millions of
//!   rows at once, straight from the import readers (see [`BulkImport`]).
//! * [`recode`]: stored documents coded again after a dictionary change, replacing only their
//!   axis events, one transaction per batch; documents already coded with the current
//!   [`dictionary_version`] are left alone, so a killed recode resumes where it stopped.
//!
//! Reading is [`Store::events`]: an [`EventQuery`] (dates, actor prefixes, codes, origin, the
//! one-a-day filter) streamed as compact [`EventRow`]s for analytics, or as full
//! [`io::EventRecord`](crate::io::EventRecord)s for export ([`Store::event_records`]);
//! [`Store::stats`] counts what is stored. Readers that browse (the server) take pages of events by
//! row id with their evidence spans ([`Store::event_page`]), whole documents ([`Store::document`])
//! and overview counts ([`Store::volume_by_month`], [`Store::top_dyads`]).
//!
//! # Schema
//!
//! `documents` (doc key from the input, source, url, title, story date, content hash, text, the
//! dictionary version that coded it), `sentences` (byte spans into the text), `events` (every
//! field of `EventRecord`, plus `origin`, `origin_id`, `dict_version` and an `attributes` JSON
//! object for columns only an import source has) and `quantities`. Evidence columns are NULL for
//! imported rows. Near-duplicate documents have `duplicate_of` (the original's id) and
//! `similarity`; originals their MinHash signature and rows in `near_dup_bands`. Migrations are
//! listed in order and applied on open.

mod browse;
mod bulk;
mod error;
mod hash;
mod ingest;
pub mod near_dup;
mod query;
mod recode;
mod schema;
mod stream;
mod write;

pub use browse::{DyadCount, EventPage, Evidence, MonthVolume, StoredDocument, StoredEvent, MAX_PAGE};
pub use bulk::{BulkImport, BulkOptions};
pub use error::{StoreError, StoreErrorKind};
pub use hash::{content_hash, dictionary_version};
pub use ingest::{ingest, IngestOptions, IngestProgress, IngestReport};
pub use query::{ActorFilter, EventQuery, EventRow, ExportRecord, OriginCount, RelationRow, Stats};
pub use recode::{recode, RecodeProgress};
pub use schema::SCHEMA_VERSION;
pub use write::{ImportCounts, ImportRow, RowProblem};

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// The origin of events coded by axis itself.
pub const AXIS_ORIGIN: &str = "axis";

/// An axis database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens the database at `path`, creating it if absent and bringing its schema up to date.
    pub fn open(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        let path = path.as_ref();
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| StoreError::open(path, e))?;
        if conn.is_readonly(rusqlite::DatabaseName::Main).unwrap_or(false) {
            return Err(StoreError::new(path, StoreErrorKind::ReadOnly));
        }
        Store::setup(conn, path, true)
    }

    /// Opens an existing database for reading only (export, stats); it is never created or
    /// migrated. A database with an older schema can be read once `open` has migrated it.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        let path = path.as_ref();
        if !path.exists() {
            return Err(StoreError::new(path, StoreErrorKind::Missing));
        }
        // A hot journal (a bulk import was killed) needs a writer to roll it back; without one
        // the database cannot be read. Where the file is not writable, the read reports it.
        let mut journal = path.as_os_str().to_owned();
        journal.push("-journal");
        if std::fs::metadata(&journal).is_ok_and(|m| m.len() > 0) {
            drop(Store::open(path));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| StoreError::open(path, e))?;
        Store::setup(conn, path, false)
    }

    /// A database in memory (tests, throwaway work).
    pub fn in_memory() -> Result<Store, StoreError> {
        let conn = Connection::open_in_memory().map_err(|e| StoreError::open(Path::new(":memory:"), e))?;
        Store::setup(conn, Path::new(":memory:"), true)
    }

    fn setup(mut conn: Connection, path: &Path, write: bool) -> Result<Store, StoreError> {
        let sql = |e| StoreError::sqlite(path, e);
        conn.busy_timeout(std::time::Duration::from_secs(10)).map_err(sql)?;
        conn.execute_batch("PRAGMA foreign_keys = ON;").map_err(sql)?;
        let version = schema::version(&conn).map_err(|e| StoreError::open(path, e))?;
        let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(sql)?;
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table'", [], |r| r.get(0))
            .map_err(sql)?;
        if app != schema::APPLICATION_ID && (tables > 0 || version > 0) {
            return Err(StoreError::new(path, StoreErrorKind::NotAxis));
        }
        if version > SCHEMA_VERSION {
            return Err(StoreError::new(
                path,
                StoreErrorKind::TooNew { found: version, supported: SCHEMA_VERSION },
            ));
        }
        if write {
            // WAL: readers never block the writer; NORMAL sync is durable against a killed
            // process (what resumable ingest needs), at a fraction of FULL's fsyncs.
            conn.pragma_update(None, "journal_mode", "WAL").map_err(sql)?;
            conn.pragma_update(None, "synchronous", "NORMAL").map_err(sql)?;
            schema::migrate(&mut conn, SCHEMA_VERSION).map_err(sql)?;
        } else if version < SCHEMA_VERSION {
            return Err(StoreError::new(
                path,
                StoreErrorKind::TooOld { found: version, supported: SCHEMA_VERSION },
            ));
        }
        Ok(Store { conn, path: path.to_path_buf() })
    }

    /// Where the database lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        schema::version(&self.conn).map_err(|e| self.err(e))
    }

    /// Whether a document with this text is stored.
    pub fn has_text(&self, text: &str) -> Result<bool, StoreError> {
        write::has_hash(&self.conn, &content_hash(text)).map_err(|e| self.err(e))
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        StoreError::sqlite(&self.path, e)
    }

    #[cfg(test)]
    fn open_at_version(path: &Path, version: u32) -> Store {
        let mut conn = Connection::open(path).expect("open");
        schema::migrate(&mut conn, version).expect("migrate");
        Store { conn, path: path.to_path_buf() }
    }
}

#[cfg(test)]
mod tests;

//! Bulk import: millions of GDELT or ICEWS rows into the store in one pass.
//!
//! [`Store::insert_imported`] takes a slice of owned [`ImportRow`](super::ImportRow)s, each with
//! its attributes in a map; fine for thousands of rows, slow for millions. A [`BulkImport`]
//! takes each [`ImportedEvent`] as the reader lends it and binds its columns straight into one
//! prepared statement: the dates and the id are formatted on the stack, the attributes serialized
//! into one reused buffer, the CAMEO table built once.
//!
//! When the import is large relative to what is stored (its expected rows at least
//! [`BulkOptions::drop_indexes_from`] and at least the rows already in `events`) and its first
//! [`BulkOptions::probe_rows`] rows are mostly new, the secondary indexes of `events` are dropped
//! and made again at the end — one sort instead of
//! millions of random B-tree inserts — all inside the import's single transaction: a kill, an
//! error or a drop without [`BulkImport::finish`] rolls back the rows *and* the dropped indexes,
//! so a database is never left without them. Otherwise the rows are committed every
//! [`BulkOptions::commit_every`] rows, with the indexes kept. The unique `(origin, origin_id)`
//! index is never dropped: it is what makes a second import of the same file add nothing.
//!
//! For the duration, `synchronous` is `OFF` (a killed process loses nothing the OS has; only a
//! power cut during the import could) and the page cache is larger; with the indexes dropped,
//! the journal is a rollback journal instead of WAL (the import writes mostly new pages, which a
//! rollback journal need not copy, where WAL writes every page twice), unless another connection
//! has the database open. All are put back when the import ends, whichever way it ends. A
//! process killed during such an import leaves a hot journal, rolled back by the next
//! [`Store::open`] (or [`Store::open_read_only`], which opens it for writing once to do so).

use super::write::{insert_imported_sql, insert_row, valid_origin, Attributes, RowRef};
use super::{ImportCounts, Store, StoreError, StoreErrorKind, AXIS_ORIGIN};
use crate::cameo::CameoTable;
use crate::import::ImportedEvent;
use rusqlite::{Connection, Statement};
use std::path::Path;

/// How a [`BulkImport`] runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BulkOptions {
    /// How many rows the caller expects (an estimate: the file size over a typical row's), which
    /// decides whether the secondary indexes are dropped and made again.
    pub expected_rows: u64,
    /// Drop and rebuild the secondary indexes only for an import of at least this many rows
    /// (and at least as many as are stored). Default 100,000.
    pub drop_indexes_from: u64,
    /// With the indexes kept, commit every this many rows (a kill loses at most these; the next
    /// run stores them again). Default 200,000.
    pub commit_every: u64,
    /// Page cache for the import, in KiB. Default 256 MiB.
    pub cache_kib: u32,
    /// With a rebuild planned, the indexes are dropped once this many rows have been pushed, if
    /// at least half of them were new: a file imported again keeps them (rebuilding indexes
    /// over the whole table for no new row would cost more than the import). Default 10,000.
    pub probe_rows: u64,
}

impl Default for BulkOptions {
    fn default() -> BulkOptions {
        BulkOptions {
            expected_rows: 0,
            drop_indexes_from: 100_000,
            commit_every: 200_000,
            cache_kib: 256 << 10,
            probe_rows: 10_000,
        }
    }
}

/// Settings changed for the import, to put back.
#[derive(Debug)]
struct Saved {
    synchronous: i64,
    cache_size: i64,
    /// The journal mode to go back to, when it was changed.
    journal_mode: Option<String>,
}

/// An import in progress: [`push`](BulkImport::push) each event, then [`finish`](BulkImport::finish).
/// Dropped without `finish`, it rolls back what it has not committed (see the module docs).
pub struct BulkImport<'s> {
    conn: &'s Connection,
    path: &'s Path,
    insert: Statement<'s>,
    origin: String,
    cameo: Option<CameoTable>,
    /// Secondary indexes dropped in the open transaction, with their SQL, to make again.
    dropped: Vec<(String, String)>,
    /// With a rebuild planned: after how many rows to decide whether to drop the indexes.
    probe: Option<u64>,
    open: bool,
    in_transaction: u64,
    commit_every: u64,
    saved: Option<Saved>,
    counts: ImportCounts,
    id: String,
    attributes: Vec<u8>,
}

impl std::fmt::Debug for BulkImport<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BulkImport")
            .field("path", &self.path)
            .field("origin", &self.origin)
            .field("dropped", &self.dropped.iter().map(|(n, _)| n).collect::<Vec<_>>())
            .field("counts", &self.counts)
            .finish()
    }
}

impl Store {
    /// Starts a bulk import of events from `origin` (`gdelt`, `icews`, …; not `axis`): the fast
    /// way to store millions of rows, idempotent on `(origin, origin_id)` like
    /// [`Store::insert_imported`]. See [`BulkImport`].
    pub fn bulk_import(&mut self, origin: &str, opts: &BulkOptions) -> Result<BulkImport<'_>, StoreError> {
        if !valid_origin(origin) || origin == AXIS_ORIGIN {
            return Err(StoreError::new(&self.path, StoreErrorKind::BadOrigin(origin.to_string())));
        }
        let (conn, path) = (&self.conn, self.path.as_path());
        let err = |e| StoreError::sqlite(path, e);
        let stored: i64 =
            conn.query_row("SELECT coalesce(max(rowid), 0) FROM events", [], |r| r.get(0)).map_err(err)?;
        let rebuild =
            opts.expected_rows >= opts.drop_indexes_from.max(1) && opts.expected_rows >= stored as u64;
        let saved = Saved {
            synchronous: conn.query_row("PRAGMA synchronous", [], |r| r.get(0)).map_err(err)?,
            cache_size: conn.query_row("PRAGMA cache_size", [], |r| r.get(0)).map_err(err)?,
            journal_mode: None,
        };
        let mut bulk = BulkImport {
            conn,
            path,
            insert: conn.prepare(&insert_imported_sql()).map_err(err)?,
            origin: origin.to_string(),
            cameo: CameoTable::builtin().ok(),
            dropped: Vec::new(),
            probe: rebuild.then_some(opts.probe_rows.max(1)),
            open: false,
            in_transaction: 0,
            commit_every: opts.commit_every.max(1),
            saved: Some(saved),
            counts: ImportCounts::default(),
            id: String::new(),
            attributes: Vec::with_capacity(2048),
        };
        // From here on, `bulk`'s drop puts the settings back and rolls back.
        conn.execute_batch(&format!("PRAGMA synchronous = OFF; PRAGMA cache_size = -{};", opts.cache_kib))
            .map_err(err)?;
        if rebuild {
            // One transaction that writes mostly new pages: a rollback journal keeps only the
            // few pages it changes, where WAL would write every page twice (log, checkpoint).
            // Not possible while another connection has the database open: then WAL it stays.
            let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).map_err(err)?;
            if mode.eq_ignore_ascii_case("wal") {
                let now = conn.query_row("PRAGMA journal_mode = TRUNCATE", [], |r| r.get::<_, String>(0));
                if now.is_ok_and(|m| m.eq_ignore_ascii_case("truncate")) {
                    if let Some(saved) = &mut bulk.saved {
                        saved.journal_mode = Some(mode);
                    }
                }
            }
        }
        bulk.begin()?;
        Ok(bulk)
    }
}

impl BulkImport<'_> {
    fn err(&self, e: rusqlite::Error) -> StoreError {
        StoreError::sqlite(self.path, e)
    }

    fn begin(&mut self) -> Result<(), StoreError> {
        self.conn.execute_batch("BEGIN IMMEDIATE").map_err(|e| self.err(e))?;
        self.open = true;
        self.in_transaction = 0;
        Ok(())
    }

    /// Drops the secondary indexes of `events` (in the open transaction), keeping their SQL.
    fn drop_indexes(&mut self) -> Result<(), StoreError> {
        let err = |e| StoreError::sqlite(self.path, e);
        let mut st = self
            .conn
            .prepare(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'
                 AND sql IS NOT NULL AND name <> 'events_origin_id' ORDER BY name",
            )
            .map_err(err)?;
        let indexes = st
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .map_err(err)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(err)?;
        for (name, sql) in indexes {
            self.conn.execute_batch(&format!("DROP INDEX \"{name}\"")).map_err(err)?;
            self.dropped.push((name, sql));
        }
        Ok(())
    }

    /// Whether the secondary indexes were dropped, to be made again by [`finish`](Self::finish).
    pub fn rebuilds_indexes(&self) -> bool {
        !self.dropped.is_empty()
    }

    /// Stores one event; whether it was new (`false`: its id was stored already, or seen
    /// earlier in this import).
    pub fn push(&mut self, e: &ImportedEvent) -> Result<bool, StoreError> {
        use std::fmt::Write;
        self.id.clear();
        let _ = write!(self.id, "{}", e.origin_id);
        self.attributes.clear();
        serde_json::to_writer(&mut self.attributes, &Attributes(e))
            .map_err(|x| self.err(rusqlite::Error::ToSqlConversionFailure(Box::new(x))))?;
        let row = RowRef::imported(e, &self.id, &self.attributes);
        let new = insert_row(&mut self.insert, &self.origin, self.cameo.as_ref(), &row)
            .map_err(|x| StoreError::sqlite(self.path, x))?;
        if new {
            self.counts.inserted += 1;
        } else {
            self.counts.skipped += 1;
        }
        self.in_transaction += 1;
        let seen = self.counts.inserted + self.counts.skipped;
        if self.probe.is_some_and(|n| seen >= n) {
            // Mostly new rows: drop the indexes (the rows so far are indexed with the rest when
            // they are made again). Mostly known rows (a file imported again): keep them.
            self.probe = None;
            if self.counts.inserted * 2 >= seen {
                self.drop_indexes()?;
            }
        }
        if self.dropped.is_empty() && self.probe.is_none() && self.in_transaction >= self.commit_every {
            self.conn.execute_batch("COMMIT").map_err(|e| self.err(e))?;
            self.open = false;
            self.begin()?;
        }
        Ok(new)
    }

    /// What was stored so far (committed or not).
    pub fn counts(&self) -> &ImportCounts {
        &self.counts
    }

    /// Makes the dropped indexes again, commits, and puts the settings back.
    pub fn finish(mut self) -> Result<ImportCounts, StoreError> {
        for (_, sql) in std::mem::take(&mut self.dropped) {
            self.conn.execute_batch(&sql).map_err(|e| self.err(e))?;
        }
        self.conn.execute_batch("COMMIT").map_err(|e| self.err(e))?;
        self.open = false;
        if let Some(saved) = self.saved.take() {
            restore(self.conn, &saved).map_err(|e| self.err(e))?;
        }
        Ok(std::mem::take(&mut self.counts))
    }
}

fn restore(conn: &Connection, saved: &Saved) -> rusqlite::Result<()> {
    if let Some(mode) = &saved.journal_mode {
        // Best effort: a reader that opened the database during the import blocks the switch
        // back to WAL (the rows are committed by then); the next `Store::open` sets WAL anyway.
        let _ = conn.query_row(&format!("PRAGMA journal_mode = {mode}"), [], |_| Ok(()));
    }
    conn.execute_batch(&format!(
        "PRAGMA synchronous = {}; PRAGMA cache_size = {};",
        saved.synchronous, saved.cache_size
    ))
}

impl Drop for BulkImport<'_> {
    fn drop(&mut self) {
        // Not finished: an error or an early return. Rolling back restores any dropped index
        // with the rows of the open transaction; earlier commits (indexes kept) stay.
        if self.open {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        if let Some(saved) = self.saved.take() {
            let _ = restore(self.conn, &saved);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{Flow, ImportOptions, Imported, Importer};
    use crate::store::ImportRow;
    use rusqlite::types::Value;

    /// GDELT 2.0 rows of our own: ids from `first`, actors, names (one with quotes and
    /// non-ASCII), codes, tone and geography varying; every fifth row says a root its code does
    /// not have, so the attributes keep it.
    fn gdelt_rows(first: u64, n: u64) -> String {
        let actors = ["RUSGOV", "CHN", "", "USAMIL", "IGOUNO"];
        let names = ["RUSSIA", "CHINA", "", "\"QUOTED\" CAFÉ", "UNITED NATIONS"];
        let codes = ["042", "190", "0231", "112", "1823"];
        let mut out = String::new();
        for i in first..first + n {
            let k = i as usize;
            let (a, b) = (actors[k % 5], actors[(k * 3 + 1) % 5]);
            let code = codes[k % 5];
            let root = if k % 5 == 0 { "05" } else { &code[..2] };
            let mut f: Vec<String> = vec![
                i.to_string(),
                format!("201902{:02}", 1 + k % 28),
                "201902".into(),
                "2019".into(),
                "2019.0877".into(),
            ];
            for (code, name) in [(a, names[k % 5]), (b, names[(k * 3 + 1) % 5])] {
                let (country, kind) = if code.len() >= 3 { (&code[..3], &code[3..]) } else { ("", "") };
                f.extend([code, name, country, "", "", "", "", kind, "", ""].map(String::from));
            }
            f.extend([(k % 2).to_string(), code.into(), root.into(), code[..2].to_string(), "1".into()]);
            f.extend([format!("{:.1}", k as f64 / 10.0 - 3.0), "3".into(), "1".into(), "3".into()]);
            f.push(if k % 7 == 0 { String::new() } else { format!("{:.3}", k as f64 / 7.0) });
            for g in 0..3 {
                if (k + g) % 4 == 0 {
                    f.extend(["0", "", "", "", "", "", "", ""].map(String::from));
                } else {
                    f.extend([
                        "4".into(),
                        format!("Place {k}, Region {g}"),
                        "RS".into(),
                        "RS48".into(),
                        "1234".into(),
                        "55.75".into(),
                        "37.6".into(),
                        format!("-{}", 2960000 + k),
                    ]);
                }
            }
            f.push(format!("201902{:02}101500", 1 + k % 28));
            f.push(format!("https://example.org/{k}"));
            out.push_str(&f.join("\t"));
            out.push('\n');
        }
        out
    }

    fn read(text: &str, each: &mut dyn FnMut(&ImportedEvent)) {
        let mut importer = Importer::gdelt(ImportOptions::default());
        let summary = importer.import_reader(Path::new("rows.tsv"), text.as_bytes(), &mut |item| {
            match item {
                Imported::Event(e) => each(e),
                Imported::Warning(_) | Imported::Skipped(_) => {}
            }
            Flow::Continue(())
        });
        assert!(summary.imported > 0, "{summary:?}");
    }

    fn bulk(store: &mut Store, text: &str, opts: &BulkOptions) -> (ImportCounts, bool) {
        let mut b = store.bulk_import("gdelt", opts).unwrap();
        read(text, &mut |e| {
            b.push(e).unwrap();
        });
        let rebuilt = b.rebuilds_indexes();
        (b.finish().unwrap(), rebuilt)
    }

    /// Every stored column of every event, attributes parsed (key order is not meaningful).
    fn table(store: &Store) -> Vec<Vec<Value>> {
        let mut st = store.conn.prepare("SELECT * FROM events ORDER BY id").unwrap();
        let n = st.column_count();
        let attributes = st.column_index("attributes").unwrap();
        st.query_map([], |r| {
            (0..n)
                .map(|i| {
                    let v: Value = r.get(i)?;
                    Ok(match v {
                        Value::Text(t) if i == attributes => {
                            let parsed: serde_json::Value = serde_json::from_str(&t).unwrap();
                            Value::Text(parsed.to_string())
                        }
                        v => v,
                    })
                })
                .collect()
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
    }

    fn indexes(store: &Store) -> Vec<String> {
        let mut st = store
            .conn
            .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
            .unwrap();
        st.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    }

    fn settings(store: &Store) -> (i64, i64) {
        let get = |p: &str| store.conn.query_row(&format!("PRAGMA {p}"), [], |r| r.get(0)).unwrap();
        (get("synchronous"), get("cache_size"))
    }

    fn always_rebuild() -> BulkOptions {
        BulkOptions { expected_rows: 1 << 20, drop_indexes_from: 1, probe_rows: 4, ..BulkOptions::default() }
    }

    #[test]
    fn stores_what_insert_imported_stores() {
        let text = gdelt_rows(1, 60);
        let mut slow = Store::in_memory().unwrap();
        let mut rows = Vec::new();
        read(&text, &mut |e| rows.push(ImportRow::from_imported(e)));
        assert_eq!(slow.insert_imported("gdelt", &rows).unwrap().inserted, 60);
        for opts in [BulkOptions::default(), always_rebuild()] {
            let mut fast = Store::in_memory().unwrap();
            let (c, _) = bulk(&mut fast, &text, &opts);
            assert_eq!((c.inserted, c.skipped), (60, 0));
            assert_eq!(table(&fast), table(&slow));
        }
        let shared = crate::testing::shared_path("gdelt");
        for name in ["gdelt1_events_sample_710.tsv", "gdelt2_events_sample_50_from_gdeltPyR.tsv"] {
            let path = shared.join(name);
            let Ok(text) = std::fs::read_to_string(&path) else {
                eprintln!("skipped: {} is absent", path.display());
                continue;
            };
            let (mut slow, mut fast) = (Store::in_memory().unwrap(), Store::in_memory().unwrap());
            let mut rows = Vec::new();
            read(&text, &mut |e| rows.push(ImportRow::from_imported(e)));
            slow.insert_imported("gdelt", &rows).unwrap();
            let (c, _) = bulk(&mut fast, &text, &always_rebuild());
            assert_eq!(c.inserted as usize, rows.len());
            assert_eq!(table(&fast), table(&slow), "{name}");
        }
    }

    #[test]
    fn a_second_import_adds_nothing_and_indexes_come_back() {
        let dir = std::env::temp_dir().join(format!("axis-bulk-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let mut store = Store::open(dir.join("a.db")).unwrap();
        let (before, schema) = (settings(&store), indexes(&store));
        let text = gdelt_rows(1, 50);
        let (c, rebuilt) = bulk(&mut store, &text, &always_rebuild());
        assert!(rebuilt);
        assert_eq!((c.inserted, c.skipped), (50, 0));
        assert_eq!((settings(&store), indexes(&store)), (before, schema.clone()));
        // Large relative to what is stored or not, the same rows again add nothing, and leave
        // the indexes in place (the first rows show the file is known).
        for opts in [always_rebuild(), BulkOptions::default()] {
            let (c, rebuilt) = bulk(&mut store, &text, &opts);
            assert_eq!((c.inserted, c.skipped, rebuilt), (0, 50, false));
        }
        let (c, rebuilt) = bulk(&mut store, &gdelt_rows(40, 20), &BulkOptions::default());
        assert!(!rebuilt, "a small import into a larger table keeps the indexes");
        assert_eq!((c.inserted, c.skipped), (9, 11));
        assert_eq!(indexes(&store), schema);
        let n: i64 = store.conn.query_row("SELECT count(*) FROM events", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 59);
        let ok: String = store.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(ok, "ok");
        drop(store);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn an_unfinished_import_rolls_back_rows_and_dropped_indexes() {
        let mut store = Store::in_memory().unwrap();
        bulk(&mut store, &gdelt_rows(1, 10), &BulkOptions::default());
        let (before, schema, rows) = (settings(&store), indexes(&store), table(&store));
        // Dropped halfway (an error in the caller, a failed read): indexes dropped in the
        // transaction are back, its rows gone, the settings restored.
        let text = gdelt_rows(100, 30);
        {
            let mut b = store.bulk_import("gdelt", &always_rebuild()).unwrap();
            read(&text, &mut |e| {
                b.push(e).unwrap();
            });
            assert!(b.rebuilds_indexes());
            assert_eq!(b.counts().inserted, 30);
        }
        assert_eq!((settings(&store), indexes(&store), table(&store)), (before, schema.clone(), rows));
        // With the indexes kept, what was committed stays: here the first two batches of 8.
        {
            let opts = BulkOptions { commit_every: 8, ..BulkOptions::default() };
            let mut b = store.bulk_import("gdelt", &opts).unwrap();
            assert!(!b.rebuilds_indexes());
            let mut n = 0;
            read(&text, &mut |e| {
                if n < 20 {
                    b.push(e).unwrap();
                }
                n += 1;
            });
        }
        assert_eq!(table(&store).len(), 10 + 16);
        assert_eq!((settings(&store), indexes(&store)), (before, schema.clone()));
        // A database error ends the import with an error naming the file, and rolls back.
        let mut b = store.bulk_import("gdelt", &always_rebuild()).unwrap();
        b.conn
            .execute_batch(
                "CREATE TEMP TRIGGER no BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'full'); END",
            )
            .unwrap();
        let mut failed = None;
        read(&text, &mut |e| {
            if failed.is_none() {
                failed = b.push(e).err();
            }
        });
        let e = failed.expect("the insert fails");
        assert!(e.to_string().contains("full") && e.to_string().contains(":memory:"), "{e}");
        drop(b);
        assert_eq!(table(&store).len(), 26);
        assert_eq!(indexes(&store), schema);
    }

    #[test]
    fn bad_origins_are_refused() {
        let mut store = Store::in_memory().unwrap();
        for bad in ["axis", "GDELT", ""] {
            let e = store.bulk_import(bad, &BulkOptions::default()).unwrap_err();
            assert!(matches!(e.kind, StoreErrorKind::BadOrigin(_)), "{bad}: {e}");
        }
    }
}

//! The schema and its migrations.
//!
//! The database records its schema version in `PRAGMA user_version`; [`MIGRATIONS`] lists the
//! steps from an empty file, and opening a store applies those it has not had yet, each in its own
//! transaction (the version bump commits with it, so a crash mid-migration leaves the older,
//! complete schema). A database newer than this build is refused, never downgraded.
//!
//! Dates are `YYYY-MM-DD` text (they sort as dates and read well in `sqlite3`); a document's
//! content hash is the SHA-256 of its text, the key that makes ingest idempotent; an event's
//! `(origin, origin_id)` is the key that makes imports idempotent.

use rusqlite::Connection;

/// `PRAGMA application_id` of axis databases ("axis" in ASCII), to tell them from other SQLite files.
pub(crate) const APPLICATION_ID: i32 = 0x6178_6973;

/// The schema steps, in order; the database's version is how many it has had.
pub(crate) const MIGRATIONS: &[&str] = &[
    // 1: documents, their sentences, and events with all the evidence of `io::EventRecord`.
    "
    CREATE TABLE documents (
        id           INTEGER PRIMARY KEY,
        doc_key      TEXT NOT NULL,
        source       TEXT,
        url          TEXT,
        title        TEXT,
        story_date   TEXT,
        content_hash BLOB NOT NULL UNIQUE,
        text         TEXT NOT NULL,
        text_offset  INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE sentences (
        doc   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx   INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end   INTEGER NOT NULL,
        PRIMARY KEY (doc, idx)
    ) WITHOUT ROWID;
    CREATE TABLE events (
        id               INTEGER PRIMARY KEY,
        origin           TEXT NOT NULL,
        origin_id        TEXT,
        doc              INTEGER REFERENCES documents(id) ON DELETE CASCADE,
        sentence         INTEGER,
        date_start       TEXT,
        date_end         TEXT,
        date_granularity TEXT,
        date_fallback    INTEGER,
        story_date       TEXT,
        source           TEXT NOT NULL,
        source_actor     TEXT NOT NULL,
        source_agent     TEXT NOT NULL,
        source_text      TEXT,
        source_start     INTEGER,
        source_end       INTEGER,
        target           TEXT NOT NULL,
        target_actor     TEXT NOT NULL,
        target_agent     TEXT NOT NULL,
        target_text      TEXT,
        target_start     INTEGER,
        target_end       INTEGER,
        code             TEXT NOT NULL,
        root             INTEGER NOT NULL,
        quad_class       INTEGER NOT NULL,
        goldstein        REAL NOT NULL,
        plover_event     TEXT,
        plover_mode      TEXT,
        negated          INTEGER NOT NULL DEFAULT 0,
        modality         TEXT,
        verb             TEXT,
        verb_start       INTEGER,
        verb_end         INTEGER,
        pattern_start    INTEGER,
        pattern_end      INTEGER,
        pattern          TEXT,
        url              TEXT,
        sentence_text    TEXT,
        dict_version     TEXT,
        attributes       TEXT
    );
    CREATE UNIQUE INDEX events_origin_id ON events(origin, origin_id) WHERE origin_id IS NOT NULL;
    CREATE INDEX events_date ON events(date_start);
    CREATE INDEX events_source ON events(source, date_start);
    CREATE INDEX events_target ON events(target, date_start);
    CREATE INDEX events_doc ON events(doc, sentence);
    ",
    // 2: quantities, and the dictionary version each document was last coded with (`recode`).
    "
    CREATE TABLE quantities (
        id               INTEGER PRIMARY KEY,
        doc              INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        sentence         INTEGER NOT NULL,
        text             TEXT NOT NULL,
        start            INTEGER NOT NULL,
        end              INTEGER NOT NULL,
        value            REAL NOT NULL,
        unit             TEXT NOT NULL,
        what             TEXT NOT NULL,
        actors           TEXT NOT NULL,
        date_start       TEXT,
        date_end         TEXT,
        date_granularity TEXT,
        dict_version     TEXT
    );
    CREATE INDEX quantities_doc ON quantities(doc, sentence);
    ALTER TABLE documents ADD COLUMN dict_version TEXT;
    UPDATE documents SET dict_version = (
        SELECT MIN(e.dict_version) FROM events e WHERE e.doc = documents.id AND e.origin = 'axis'
    );
    CREATE INDEX documents_dict_version ON documents(dict_version);
    ",
    // 3: near-duplicates (`near_dup`). A syndicated copy keeps its document row, linked to the
    // original by `duplicate_of` with the estimated `similarity`, and has no sentences, events or
    // quantities of its own. Originals carry their MinHash signature (`minhash`) and one row per
    // LSH band in `near_dup_bands`. Documents stored before this version are not indexed.
    "
    ALTER TABLE documents ADD COLUMN duplicate_of INTEGER REFERENCES documents(id);
    ALTER TABLE documents ADD COLUMN similarity REAL;
    ALTER TABLE documents ADD COLUMN minhash BLOB;
    CREATE INDEX documents_duplicate_of ON documents(duplicate_of) WHERE duplicate_of IS NOT NULL;
    CREATE TABLE near_dup_bands (
        band INTEGER NOT NULL,
        hash INTEGER NOT NULL,
        doc  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        PRIMARY KEY (band, hash, doc)
    ) WITHOUT ROWID;
    ",
    // 4: events whose code is not CAMEO (a PETRARCH dictionary's own, such as `174K`) have no
    // root, quad class or Goldstein score: those columns become nullable. SQLite cannot drop a
    // NOT NULL constraint, so the table is rebuilt with the same columns, rows and ids.
    "
    CREATE TABLE events_v4 (
        id               INTEGER PRIMARY KEY,
        origin           TEXT NOT NULL,
        origin_id        TEXT,
        doc              INTEGER REFERENCES documents(id) ON DELETE CASCADE,
        sentence         INTEGER,
        date_start       TEXT,
        date_end         TEXT,
        date_granularity TEXT,
        date_fallback    INTEGER,
        story_date       TEXT,
        source           TEXT NOT NULL,
        source_actor     TEXT NOT NULL,
        source_agent     TEXT NOT NULL,
        source_text      TEXT,
        source_start     INTEGER,
        source_end       INTEGER,
        target           TEXT NOT NULL,
        target_actor     TEXT NOT NULL,
        target_agent     TEXT NOT NULL,
        target_text      TEXT,
        target_start     INTEGER,
        target_end       INTEGER,
        code             TEXT NOT NULL,
        root             INTEGER,
        quad_class       INTEGER,
        goldstein        REAL,
        plover_event     TEXT,
        plover_mode      TEXT,
        negated          INTEGER NOT NULL DEFAULT 0,
        modality         TEXT,
        verb             TEXT,
        verb_start       INTEGER,
        verb_end         INTEGER,
        pattern_start    INTEGER,
        pattern_end      INTEGER,
        pattern          TEXT,
        url              TEXT,
        sentence_text    TEXT,
        dict_version     TEXT,
        attributes       TEXT
    );
    INSERT INTO events_v4 SELECT * FROM events;
    DROP TABLE events;
    ALTER TABLE events_v4 RENAME TO events;
    CREATE UNIQUE INDEX events_origin_id ON events(origin, origin_id) WHERE origin_id IS NOT NULL;
    CREATE INDEX events_date ON events(date_start);
    CREATE INDEX events_source ON events(source, date_start);
    CREATE INDEX events_target ON events(target, date_start);
    CREATE INDEX events_doc ON events(doc, sentence);
    ",
    // 5: events between two actors (`relations::from_store`: dyads, triangles…) read from one
    // covering index. Actor prefixes are whole 3-character parts, so an actor's events share the
    // first part of its code: equality on it for source and target, then the rest of the prefix
    // and every column the relation readers take, without a lookup in the (wide) table.
    "
    CREATE INDEX events_pair ON events(substr(source, 1, 3), substr(target, 1, 3), source, target,
        date_start, date_end, code, goldstein, negated, origin);
    ",
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// The database's schema version.
pub(crate) fn version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// Applies `MIGRATIONS[from..to]`, each with its version bump in one transaction.
pub(crate) fn migrate(conn: &mut Connection, to: u32) -> rusqlite::Result<()> {
    let from = version(conn)?;
    for (i, step) in MIGRATIONS.iter().enumerate().take(to as usize).skip(from as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(step)?;
        tx.execute_batch(&format!(
            "PRAGMA user_version = {}; PRAGMA application_id = {APPLICATION_ID};",
            i + 1
        ))?;
        tx.commit()?;
    }
    Ok(())
}

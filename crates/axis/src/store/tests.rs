use super::*;
use crate::cameo::{CameoTable, EventCode};
use crate::code::Coder;
use crate::dict::{Dictionary, VerbDictionary};
use crate::io::{EventRecord, Reader};
use crate::when::Date;
use std::path::PathBuf;

struct Parts {
    dict: Dictionary,
    verbs: VerbDictionary,
    cameo: CameoTable,
}

fn parts() -> Parts {
    Parts {
        dict: Dictionary::builtin().unwrap(),
        verbs: VerbDictionary::builtin().unwrap(),
        cameo: CameoTable::builtin().unwrap(),
    }
}

fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("axis-store-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn demo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples/demo.jsonl")
}

fn run_ingest(store: &mut Store, p: &Parts, paths: &[PathBuf], version: &str) -> (IngestReport, Vec<String>) {
    let coder = Coder::new(&p.dict, &p.verbs, &p.cameo);
    let mut problems = Vec::new();
    let opts = IngestOptions { batch: 5, ..IngestOptions::default() };
    let report = ingest(store, &coder, version, paths, &opts, &mut |e| match e {
        IngestProgress::Skipped(e) => problems.push(e.to_string()),
        IngestProgress::Warning(_) | IngestProgress::Committed(_) => {}
    })
    .unwrap();
    (report, problems)
}

fn code(raw: &str) -> EventCode {
    EventCode::new(raw).unwrap()
}

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn count(store: &Store, sql: &str) -> i64 {
    store.conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn a_new_store_has_the_latest_schema_in_wal_mode() {
    let dir = tempdir("schema");
    let store = Store::open(dir.join("a.db")).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let mode: String = store.conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(count(&store, "PRAGMA foreign_keys"), 1);
    for table in ["documents", "sentences", "events", "quantities"] {
        let n = count(&store, &format!("SELECT count(*) FROM sqlite_master WHERE name = '{table}'"));
        assert_eq!(n, 1, "table {table}");
    }
    drop(store);
    // Reopening changes nothing; read-only opening works on the migrated file.
    assert_eq!(Store::open(dir.join("a.db")).unwrap().schema_version().unwrap(), SCHEMA_VERSION);
    assert!(Store::open_read_only(dir.join("a.db")).is_ok());
}

#[test]
fn an_older_database_is_migrated_and_keeps_its_rows() {
    let dir = tempdir("migrate");
    let path = dir.join("old.db");
    {
        let old = Store::open_at_version(&path, 1);
        old.conn
            .execute_batch(
                "INSERT INTO documents (id, doc_key, content_hash, text) VALUES (1, 'd1', x'01', 'Text.');
                 INSERT INTO events (origin, doc, sentence, source, source_actor, source_agent, target,
                   target_actor, target_agent, code, root, quad_class, goldstein, dict_version)
                 VALUES ('axis', 1, 0, 'RUS', 'RUS', '', 'CHN', 'CHN', '', '042', 4, 1, 1.9, 'v-old');",
            )
            .unwrap();
        assert_eq!(old.schema_version().unwrap(), 1);
    }
    // Read-only opening cannot migrate, and says so.
    let e = Store::open_read_only(&path).unwrap_err();
    assert!(matches!(e.kind, StoreErrorKind::TooOld { found: 1, .. }), "{e}");
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let v: String = store.conn.query_row("SELECT dict_version FROM documents", [], |r| r.get(0)).unwrap();
    assert_eq!(v, "v-old", "the migration carries each document's dictionary version over");
    assert_eq!(count(&store, "SELECT count(*) FROM quantities"), 0);
    let rows = collect(&store, &EventQuery::default());
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].source.as_str(), rows[0].target.as_str(), rows[0].code), ("RUS", "CHN", code("042")));
}

#[test]
fn foreign_and_future_databases_are_refused() {
    let dir = tempdir("refuse");
    let future = dir.join("future.db");
    drop(Store::open(&future).unwrap());
    rusqlite::Connection::open(&future).unwrap().execute_batch("PRAGMA user_version = 99").unwrap();
    let e = Store::open(&future).unwrap_err();
    assert!(matches!(e.kind, StoreErrorKind::TooNew { found: 99, supported: SCHEMA_VERSION }), "{e}");
    let other = dir.join("other.db");
    rusqlite::Connection::open(&other).unwrap().execute_batch("CREATE TABLE t (x)").unwrap();
    assert!(matches!(Store::open(&other).unwrap_err().kind, StoreErrorKind::NotAxis));
    let text = dir.join("notes.txt");
    std::fs::write(&text, "not a database at all, just some words that fill a page of text ".repeat(20))
        .unwrap();
    assert!(matches!(Store::open(&text).unwrap_err().kind, StoreErrorKind::NotAxis));
    let missing = Store::open_read_only(dir.join("missing.db")).unwrap_err();
    assert!(matches!(missing.kind, StoreErrorKind::Missing));
    let nested = Store::open(text.join("x.db")).unwrap_err();
    assert!(nested.to_string().contains("not a folder"), "{nested}");
    let absent = Store::open(dir.join("absent").join("x.db")).unwrap_err();
    assert!(absent.to_string().contains("does not exist"), "{absent}");
}

#[test]
fn ingest_stores_what_code_outputs_and_is_idempotent() {
    let p = parts();
    let mut store = Store::in_memory().unwrap();
    let (first, problems) = run_ingest(&mut store, &p, &[demo()], "v1");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!((first.added, first.duplicates, first.failed), (12, 0, 0));
    assert!(first.events >= 10 && first.sentences > first.added);
    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.sentences, stats.events), (12, first.sentences, first.events));
    assert_eq!(stats.quantities, first.quantities);
    assert_eq!(stats.dict_versions, vec![(Some("v1".to_string()), 12)]);

    // The stored records are exactly what `axis code` would print for the same documents.
    let coder = Coder::new(&p.dict, &p.verbs, &p.cameo);
    let mut direct = Vec::new();
    Reader::default().read_path(&demo(), &mut |item| {
        if let crate::io::Input::Document(d) = item {
            let coded = coder.code_document(&d, false);
            direct.extend(coded.events.iter().map(|e| EventRecord::new(&coder, &d, e)));
        }
    });
    let mut stored = Vec::new();
    store
        .event_records(&EventQuery::default(), |r| {
            stored.push(r);
            true
        })
        .unwrap();
    let json = |v: &[EventRecord]| v.iter().map(|r| serde_json::to_string(r).unwrap()).collect::<Vec<_>>();
    assert_eq!(json(&stored), json(&direct));

    let (second, _) = run_ingest(&mut store, &p, &[demo()], "v1");
    assert_eq!((second.added, second.duplicates, second.events), (0, 12, 0));
    assert_eq!(store.stats().unwrap(), stats, "a second ingest adds nothing");
}

#[test]
fn bad_records_are_reported_and_the_rest_stored() {
    let p = parts();
    let dir = tempdir("bad");
    let f = dir.join("mixed.jsonl");
    std::fs::write(
        &f,
        concat!(
            "{\"id\": \"a\", \"date\": \"2019-02-02\", \"text\": \"Russia accused Ukraine of provocations.\"}\n",
            "{\"id\": \"b\", \"text\": \n",
            "{\"id\": \"c\", \"date\": \"2019-02-03\", \"text\": \"China praised Pakistan.\"}\n",
            "{\"id\": \"d\", \"date\": \"2019-02-03\", \"text\": \"China praised Pakistan.\"}\n",
        ),
    )
    .unwrap();
    let mut store = Store::in_memory().unwrap();
    let (report, problems) = run_ingest(&mut store, &p, std::slice::from_ref(&f), "v1");
    assert_eq!((report.added, report.failed, report.duplicates), (2, 1, 1));
    assert_eq!(problems.len(), 1);
    assert!(problems[0].starts_with(&format!("{}:2: bad record", f.display())), "{}", problems[0]);
    let keys: Vec<String> = {
        let mut st = store.conn.prepare("SELECT doc_key FROM documents ORDER BY id").unwrap();
        st.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    };
    assert_eq!(keys, ["a", "c"], "the repeated text of d is a duplicate of c");
}

fn import_row(id: &str, date: &str, source: &str, target: &str, c: &str) -> ImportRow {
    let mut r = ImportRow::new(id, code(c));
    r.date_start = Some(day(date));
    r.source = source.into();
    r.target = target.into();
    r
}

fn collect(store: &Store, q: &EventQuery) -> Vec<EventRow> {
    let mut rows = Vec::new();
    store
        .events(q, |r| {
            rows.push(r);
            true
        })
        .unwrap();
    rows
}

#[test]
fn imports_are_idempotent_per_origin() {
    let mut store = Store::in_memory().unwrap();
    let mut rows = vec![
        import_row("1", "2019-02-01", "RUSGOV", "UKR", "042"),
        import_row("2", "2019-02-01", "CHN", "", "190"),
        import_row("2", "2019-02-01", "CHN", "", "190"),
        import_row(" ", "2019-02-01", "CHN", "", "190"),
    ];
    rows[0].goldstein = Some(1.5);
    rows[0].attributes.insert("NumMentions".into(), 7.into());
    let c = store.insert_imported("gdelt", &rows).unwrap();
    assert_eq!((c.inserted, c.skipped), (2, 1));
    assert_eq!(c.rejected, vec![RowProblem { index: 3, problem: "no origin id".into() }]);
    let again = store.insert_imported("gdelt", &rows[..2]).unwrap();
    assert_eq!((again.inserted, again.skipped), (0, 2));
    // The same id from another source is another event.
    assert_eq!(store.insert_imported("icews", &rows[..1]).unwrap().inserted, 1);
    for bad in ["axis", "GDELT", "", "g delt"] {
        let e = store.insert_imported(bad, &rows[..1]).unwrap_err();
        assert!(matches!(e.kind, StoreErrorKind::BadOrigin(_)), "{bad}: {e}");
    }
    let all = collect(&store, &EventQuery::default());
    assert_eq!(all.len(), 3);
    assert_eq!(all[0].goldstein, Some(1.5));
    assert_eq!(all[1].goldstein, Some(-10.0), "no Goldstein given: the CAMEO table's");
    assert_eq!((all[1].root, all[1].quad_class), (Some(19), Some(4)));
    let mut records = Vec::new();
    store
        .event_records(&EventQuery::default(), |r| {
            records.push(r);
            true
        })
        .unwrap();
    assert_eq!(records[0].doc, "gdelt:1");
    assert_eq!((records[0].source_actor.as_str(), records[0].source_agent.as_str()), ("RUS", "GOV"));
    let attrs: String =
        store.conn.query_row("SELECT attributes FROM events WHERE id = 1", [], |r| r.get(0)).unwrap();
    assert_eq!(attrs, r#"{"NumMentions":7}"#);
}

/// Rows for the filter table: (origin id, date, source, target, code).
const ROWS: &[(&str, &str, &str, &str, &str)] = &[
    ("a", "2018-12-31", "CHNGOV", "RUS", "042"),
    ("b", "2019-01-05", "RUS", "CHNMIL", "190"),
    ("c", "2019-01-05", "RUS", "CHNMIL", "190"),
    ("d", "2019-01-05", "RUS", "CHNMIL", "193"),
    ("e", "2019-01-06", "RUS", "CHNMIL", "190"),
    ("f", "2019-02-01", "USA", "CHN", "057"),
    ("g", "2019-02-01", "UKR", "", "010"),
    ("h", "2019-03-01", "CHN", "RUS", "042"),
];

#[test]
fn queries_filter_by_date_actor_code_and_one_a_day() {
    let mut store = Store::in_memory().unwrap();
    let rows: Vec<ImportRow> = ROWS.iter().map(|&(i, d, s, t, c)| import_row(i, d, s, t, c)).collect();
    store.insert_imported("gdelt", &rows[..6]).unwrap();
    store.insert_imported("icews", &rows[6..]).unwrap();
    let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let cases: Vec<(&str, EventQuery, &str)> = vec![
        ("all", EventQuery::default(), "abcdefgh"),
        ("from", EventQuery { from: Some(day("2019-01-06")), ..Default::default() }, "efgh"),
        ("to", EventQuery { to: Some(day("2019-01-05")), ..Default::default() }, "abcd"),
        (
            "involving CHN",
            EventQuery { actors: ActorFilter::Involving(strings(&["CHN"])), ..Default::default() },
            "abcdefh",
        ),
        (
            "between CHN and RUS",
            EventQuery { actors: ActorFilter::Between(strings(&["CHN", "RUS"])), ..Default::default() },
            "abcdeh",
        ),
        (
            "RUS to CHN",
            EventQuery {
                actors: ActorFilter::Directed { sources: strings(&["RUS"]), targets: strings(&["CHN"]) },
                ..Default::default()
            },
            "bcde",
        ),
        (
            "CHNGOV only as source",
            EventQuery {
                actors: ActorFilter::Directed { sources: strings(&["CHNGOV"]), targets: vec![] },
                ..Default::default()
            },
            "a",
        ),
        ("code prefix 19", EventQuery { codes: strings(&["19"]), ..Default::default() }, "bcde"),
        ("root 4", EventQuery { roots: vec![4], ..Default::default() }, "ah"),
        ("quad 4", EventQuery { quad_classes: vec![4], ..Default::default() }, "bcde"),
        ("origin icews", EventQuery { origins: strings(&["icews"]), ..Default::default() }, "gh"),
        ("one a day", EventQuery { one_a_day: true, ..Default::default() }, "abdefgh"),
        (
            "one a day, RUS to CHN, in January",
            EventQuery {
                one_a_day: true,
                from: Some(day("2019-01-01")),
                to: Some(day("2019-01-31")),
                actors: ActorFilter::Directed { sources: strings(&["RUS"]), targets: strings(&["CHN"]) },
                ..Default::default()
            },
            "bde",
        ),
        ("glob characters are literal", EventQuery { codes: strings(&["*"]), ..Default::default() }, ""),
    ];
    let ids: Vec<i64> = collect(&store, &EventQuery::default()).iter().map(|r| r.id).collect();
    let mut cases = cases.to_vec();
    cases.push(("by row id", EventQuery { ids: vec![ids[1], ids[6]], ..Default::default() }, "bg"));
    for (name, q, want) in cases {
        let got: String = collect(&store, &q)
            .iter()
            .map(|r| char::from(b'a' + ids.iter().position(|&i| i == r.id).unwrap() as u8))
            .collect();
        assert_eq!(got, want, "{name}");
        let mut n = 0;
        store
            .event_records(&q, |_| {
                n += 1;
                true
            })
            .unwrap();
        assert_eq!(n, want.len(), "{name}: records");
    }
    // A callback returning false stops the stream.
    let mut seen = 0;
    store
        .events(&EventQuery::default(), |_| {
            seen += 1;
            seen < 3
        })
        .unwrap();
    assert_eq!(seen, 3);
    let stats = store.stats().unwrap();
    let by_origin: Vec<(String, Option<i32>, u64)> =
        stats.by_origin_year.iter().map(|c| (c.origin.clone(), c.year, c.events)).collect();
    assert_eq!(
        by_origin,
        vec![
            ("gdelt".into(), Some(2018), 1),
            ("gdelt".into(), Some(2019), 5),
            ("icews".into(), Some(2019), 2)
        ]
    );
    assert_eq!(stats.by_root, vec![(1, 1), (4, 2), (5, 1), (19, 4)]);
}

#[test]
fn recode_replaces_axis_events_only_and_resumes() {
    let p = parts();
    let mut store = Store::in_memory().unwrap();
    run_ingest(&mut store, &p, &[demo()], "old");
    store.insert_imported("gdelt", &[import_row("1", "2019-02-01", "RUS", "UKR", "190")]).unwrap();
    let before = store.stats().unwrap();
    let coder = Coder::new(&p.dict, &p.verbs, &p.cameo);
    // Pretend one document was already recoded by a run that was killed.
    store
        .conn
        .execute_batch(
            "UPDATE documents SET dict_version = 'new' WHERE id = 1;
             UPDATE events SET dict_version = 'new' WHERE doc = 1;",
        )
        .unwrap();
    let mut batches = 0;
    let done = recode(&mut store, &coder, "new", 4, &mut |_| batches += 1).unwrap();
    assert_eq!((done.recoded, done.total, batches), (11, 11, 3));
    let after = store.stats().unwrap();
    assert_eq!((after.events, after.sentences, after.documents), (before.events, before.sentences, 12));
    assert_eq!(after.dict_versions, vec![(Some("new".to_string()), 12)]);
    let versions = count(&store, "SELECT count(DISTINCT dict_version) FROM events WHERE origin = 'axis'");
    assert_eq!(versions, 1);
    assert_eq!(count(&store, "SELECT count(*) FROM events WHERE origin = 'gdelt'"), 1);
    let again = recode(&mut store, &coder, "new", 4, &mut |_| {}).unwrap();
    assert_eq!((again.recoded, again.total), (0, 0));
}

#[test]
fn has_text_uses_the_content_hash() {
    let p = parts();
    let dir = tempdir("has");
    let f = dir.join("one.txt");
    std::fs::write(&f, "Date: 2019-02-02\n\nRussia accused Ukraine.").unwrap();
    let mut store = Store::in_memory().unwrap();
    run_ingest(&mut store, &p, &[f], "v");
    assert!(store.has_text("Russia accused Ukraine.").unwrap());
    assert!(!store.has_text("Russia accused Ukraine!").unwrap());
    let offset: i64 = store.conn.query_row("SELECT text_offset FROM documents", [], |r| r.get(0)).unwrap();
    assert_eq!(offset, "Date: 2019-02-02\n\n".len() as i64);
}

/// A JSONL corpus: the wire story, an unrelated short item, the edited copy, another story on the
/// same topic, and the wire story again with a different id (an exact duplicate).
fn syndicated_corpus(dir: &std::path::Path) -> PathBuf {
    use near_dup::tests::{COPY, OTHER, WIRE};
    let line = |id: &str, date: &str, title: &str, source: &str, text: &str| {
        serde_json::json!({ "id": id, "date": date, "title": title, "source": source, "text": text })
            .to_string()
    };
    let lines = [
        line("wire-1", "2023-05-16", "Russia, China sign gas deal", "Wire", WIRE),
        line("short", "2023-05-16", "Brief", "Daily", "Russia accused Ukraine of provocations."),
        line("paper-7", "2023-05-17", "Gas pipeline deal struck", "Daily", COPY),
        line("other-2", "2023-05-19", "China to buy more Russian energy", "Wire", OTHER),
        line("paper-9", "2023-05-17", "Russia, China sign gas deal", "Gazette", WIRE),
    ];
    let path = dir.join("syndicated.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

fn documents(store: &Store) -> Vec<(String, Option<i64>, Option<f64>, bool)> {
    let mut st = store
        .conn
        .prepare("SELECT doc_key, duplicate_of, similarity, minhash IS NOT NULL FROM documents ORDER BY id")
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn events_of(store: &Store, key: &str) -> i64 {
    store
        .conn
        .query_row(
            "SELECT count(*) FROM events e JOIN documents d ON d.id = e.doc WHERE d.doc_key = ?",
            [key],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn a_syndicated_copy_is_linked_and_its_events_not_counted() {
    let p = parts();
    let dir = tempdir("near-dup");
    let corpus = syndicated_corpus(&dir);
    let mut store = Store::open(dir.join("a.db")).unwrap();
    let (report, problems) = run_ingest(&mut store, &p, std::slice::from_ref(&corpus), "v1");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!((report.added, report.near_duplicates, report.duplicates), (4, 1, 1));
    let docs = documents(&store);
    let keys: Vec<&str> = docs.iter().map(|d| d.0.as_str()).collect();
    assert_eq!(keys, ["wire-1", "short", "paper-7", "other-2"]);
    let (_, original, similarity, indexed) = &docs[2];
    assert_eq!(*original, Some(1), "the copy points at the wire story");
    assert!(
        similarity.unwrap() >= near_dup::DEFAULT_THRESHOLD && similarity.unwrap() < 1.0,
        "{similarity:?}"
    );
    assert!(!indexed, "copies are not indexed");
    assert_eq!((docs[0].1, docs[0].3), (None, true), "the original is indexed");
    assert_eq!((docs[1].1, docs[1].3), (None, false), "too short to compare");
    assert_eq!((docs[3].1, docs[3].3), (None, true), "another story on the topic is its own");
    // The copy has no sentences, events or quantities; the wire story has events.
    let wire_events = events_of(&store, "wire-1");
    assert!(wire_events > 0);
    assert_eq!(events_of(&store, "paper-7"), 0);
    assert_eq!(count(&store, "SELECT count(*) FROM sentences WHERE doc = 3"), 0);
    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.near_duplicates), (4, 1));
    assert_eq!(stats.events, report.events);
    assert_eq!(collect(&store, &EventQuery::default()).len() as u64, report.events);
    let copy = store.document(3).unwrap().unwrap();
    assert_eq!(copy.duplicate_of, Some((1, similarity.unwrap())));
    assert!(copy.events.is_empty() && copy.sentences.is_empty());
    assert_eq!(store.document(1).unwrap().unwrap().duplicate_of, None);

    // Idempotent: a second run adds nothing.
    let dump = documents(&store);
    let (again, _) = run_ingest(&mut store, &p, std::slice::from_ref(&corpus), "v1");
    assert_eq!((again.added, again.duplicates), (0, 5));
    assert_eq!(documents(&store), dump);

    // Recode never codes the copy.
    let coder = Coder::new(&p.dict, &p.verbs, &p.cameo);
    let progress = recode(&mut store, &coder, "v2", 2, &mut |_| {}).unwrap();
    assert_eq!(progress.recoded, 3);
    assert_eq!(events_of(&store, "paper-7"), 0);
    assert_eq!(events_of(&store, "wire-1"), wire_events);
}

#[test]
fn near_duplicates_do_not_depend_on_batches_and_can_be_turned_off() {
    let p = parts();
    let dir = tempdir("near-dup-batches");
    let corpus = syndicated_corpus(&dir);
    let coder = Coder::new(&p.dict, &p.verbs, &p.cameo);
    let mut runs = Vec::new();
    for batch in [1, 2, 100] {
        let mut store = Store::in_memory().unwrap();
        let opts = IngestOptions { batch, ..IngestOptions::default() };
        ingest(&mut store, &coder, "v1", std::slice::from_ref(&corpus), &opts, &mut |_| {}).unwrap();
        let bands = count(&store, "SELECT count(*) FROM near_dup_bands");
        assert_eq!(bands, 2 * near_dup::BANDS as i64, "two originals long enough to index");
        runs.push(documents(&store));
    }
    assert!(runs.windows(2).all(|w| w[0] == w[1]), "{runs:?}");

    // Off: the copy is a document of its own, with its events.
    let mut store = Store::in_memory().unwrap();
    let opts = IngestOptions { near_dup: None, ..IngestOptions::default() };
    let r = ingest(&mut store, &coder, "v1", std::slice::from_ref(&corpus), &opts, &mut |_| {}).unwrap();
    assert_eq!((r.added, r.near_duplicates), (4, 0));
    assert_eq!(events_of(&store, "paper-7"), events_of(&store, "wire-1"));
    assert_eq!(count(&store, "SELECT count(*) FROM near_dup_bands"), 0);
    // A strict threshold keeps the lightly edited copy apart too.
    let mut store = Store::in_memory().unwrap();
    let opts = IngestOptions { near_dup: Some(0.99), ..IngestOptions::default() };
    let r = ingest(&mut store, &coder, "v1", std::slice::from_ref(&corpus), &opts, &mut |_| {}).unwrap();
    assert_eq!(r.near_duplicates, 0);
}

#[test]
fn a_version_2_database_is_migrated_and_its_documents_left_unindexed() {
    let p = parts();
    let dir = tempdir("migrate-near-dup");
    let path = dir.join("v2.db");
    {
        let old = Store::open_at_version(&path, 2);
        let wire = near_dup::tests::WIRE;
        old.conn
            .execute(
                "INSERT INTO documents (id, doc_key, content_hash, text, dict_version) VALUES (1, 'old', ?, ?, 'v1')",
                rusqlite::params![&content_hash(wire)[..], wire],
            )
            .unwrap();
        assert_eq!(old.schema_version().unwrap(), 2);
    }
    let e = Store::open_read_only(&path).unwrap_err();
    assert!(matches!(e.kind, StoreErrorKind::TooOld { found: 2, .. }), "{e}");
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(documents(&store), [("old".to_string(), None, None, false)]);
    assert_eq!(store.stats().unwrap().near_duplicates, 0);
    // Documents stored before the migration are not indexed: the wire story is an exact
    // duplicate of the old document, but its edited copy is not found and becomes an original.
    let corpus = syndicated_corpus(&dir);
    let (report, _) = run_ingest(&mut store, &p, std::slice::from_ref(&corpus), "v1");
    assert_eq!((report.added, report.duplicates, report.near_duplicates), (3, 2, 0));
    let docs = documents(&store);
    assert_eq!((docs[2].0.as_str(), docs[2].1, docs[2].3), ("paper-7", None, true));
}

#[test]
fn a_code_outside_cameo_is_stored_without_root_quad_class_or_goldstein() {
    let mut store = Store::in_memory().unwrap();
    let mut own = import_row("2", "2019-02-01", "GON", "ARN", "042");
    own.code = EventCode::user_defined("174K").unwrap();
    let rows = [import_row("1", "2019-02-01", "GON", "ARN", "042"), own];
    assert_eq!(store.insert_imported("gdelt", &rows).unwrap().inserted, 2);
    let all = collect(&store, &EventQuery::default());
    assert_eq!(all[1].code.as_str(), "174K");
    assert_eq!((all[1].root, all[1].quad_class, all[1].goldstein), (None, None, None));
    assert_eq!((all[0].root, all[0].quad_class), (Some(4), Some(1)));
    let mut records = Vec::new();
    store
        .event_records(&EventQuery::default(), |r| {
            records.push(r);
            true
        })
        .unwrap();
    assert_eq!((records[1].code.as_str(), records[1].root.as_str()), ("174K", ""));
    assert_eq!((records[1].quad_class, records[1].goldstein), (None, None));
    // Quad-class counts leave it out; the dyad's mean Goldstein is the CAMEO event's alone.
    let volume = store.volume_by_month(&EventQuery::default()).unwrap();
    assert_eq!(volume.iter().map(|v| (v.quad_class, v.events)).collect::<Vec<_>>(), [(1, 1)]);
    let dyads = store.top_dyads(&EventQuery::default(), 5).unwrap();
    let mean = dyads[0].goldstein.map(|g| (g * 10.0).round() / 10.0);
    assert_eq!((dyads[0].b_to_a, mean), (2, Some(1.9)));
}

#[test]
fn a_version_3_database_keeps_its_events_when_scores_become_optional() {
    let dir = tempdir("v3");
    let path = dir.join("v3.db");
    {
        let old = Store::open_at_version(&path, 3);
        old.conn
            .execute_batch(
                "INSERT INTO events (id, origin, origin_id, source, source_actor, source_agent, target,
                   target_actor, target_agent, code, root, quad_class, goldstein, date_start)
                 VALUES (7, 'gdelt', 'g7', 'RUS', 'RUS', '', 'CHN', 'CHN', '', '190', 19, 4, -10.0, '2019-02-01');",
            )
            .unwrap();
        let null = old.conn.execute_batch(
            "INSERT INTO events (origin, source, source_actor, source_agent, target, target_actor,
               target_agent, code, root, quad_class, goldstein) VALUES ('x', 'A', 'A', '', 'B', 'B', '', '901', NULL, NULL, NULL)",
        );
        assert!(null.is_err(), "version 3 requires a root");
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let rows = collect(&store, &EventQuery::default());
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].id, rows[0].code.as_str(), rows[0].root, rows[0].goldstein),
        (7, "190", Some(19), Some(-10.0))
    );
    // Re-importing the same row is still recognised (the unique index survived the rebuild).
    let again = import_row("g7", "2019-02-01", "RUS", "CHN", "190");
    assert_eq!(store.insert_imported("gdelt", &[again]).unwrap().skipped, 1);
}

#[test]
fn events_between_actors_are_read_from_the_pair_index_and_match_the_plain_filter() {
    use crate::testing::Lcg;
    let mut store = Store::in_memory().unwrap();
    let actors = ["USA", "USAGOV", "USAMIL", "CHN", "CHNGOV", "RUS", "RUSMIL", "UKR", "IGOUNO", "US-", ""];
    let codes = ["042", "190", "0231", "112", "173"];
    let mut rng = Lcg(7);
    let mut rows = Vec::new();
    for i in 0..2000 {
        let date = format!("2019-{:02}-{:02}", 1 + rng.next(12), 1 + rng.next(28));
        let mut r = import_row(
            &i.to_string(),
            &date,
            actors[rng.next(actors.len() - 1)],
            actors[rng.next(actors.len())],
            codes[rng.next(codes.len())],
        );
        r.negated = rng.next(10) == 0;
        rows.push(r);
    }
    store.insert_imported("gdelt", &rows).unwrap();
    let selections: [&[&str]; 4] =
        [&["USA", "CHN"], &["USAGOV", "CHN", "RUS"], &["IGOUNO"], &["USA", "USAMIL", "UKR"]];
    for (k, prefixes) in selections.iter().enumerate() {
        let globs: Vec<String> = prefixes.iter().map(|p| format!("'{p}*'")).collect();
        let side = |c: &str| globs.iter().map(|g| format!("{c} GLOB {g}")).collect::<Vec<_>>().join(" OR ");
        let mut q = EventQuery {
            actors: ActorFilter::Between(prefixes.iter().map(|p| p.to_string()).collect()),
            ..EventQuery::default()
        };
        let mut date_cond = String::new();
        if k % 2 == 1 {
            q.from = Some(day("2019-03-01"));
            q.to = Some(day("2019-09-30"));
            date_cond = " AND date_start >= '2019-03-01' AND date_start <= '2019-09-30'".into();
        }
        // The filter as it was written before the pair index: either side among the prefixes.
        let sql = format!(
            "SELECT id FROM events WHERE ({}) AND ({}){date_cond} ORDER BY id",
            side("source"),
            side("target")
        );
        let want: Vec<i64> = store
            .conn
            .prepare(&sql)
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert!(want.len() > 10, "{prefixes:?}: {}", want.len());
        let full = collect(&store, &q);
        assert_eq!(full.iter().map(|r| r.id).collect::<Vec<_>>(), want, "{prefixes:?}");
        let mut lean = Vec::new();
        store
            .relation_rows(&q, |r| {
                lean.push(r);
                true
            })
            .unwrap();
        lean.sort_by_key(|r| r.id);
        let projected: Vec<RelationRow> = full
            .iter()
            .map(|r| RelationRow {
                id: r.id,
                date_start: r.date_start,
                date_end: r.date_end,
                source: r.source.clone(),
                target: r.target.clone(),
                code: r.code,
                goldstein: r.goldstein,
                negated: r.negated,
            })
            .collect();
        assert_eq!(lean, projected, "{prefixes:?}");
        // Read from the covering index alone: no lookup in the table.
        let (sql, params) = query::Where::of(&q).select(&q, query::RELATION_COLUMNS, "", false);
        let mut st = store.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let plan: Vec<String> = st
            .query_map(rusqlite::params_from_iter(params), |r| r.get::<_, String>(3))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let searches: Vec<&String> =
            plan.iter().filter(|l| l.contains("SEARCH") || l.contains("SCAN e")).collect();
        assert!(
            !searches.is_empty() && searches.iter().all(|l| l.contains("COVERING INDEX events_pair")),
            "{plan:#?}"
        );
    }
}

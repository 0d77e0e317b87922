//! The store commands run for real: `ingest`, `recode`, `export`, `stats` on temporary databases,
//! including an ingest killed with SIGKILL and resumed.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn count(db: &Path, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).expect("open db");
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap_or(0)
}

#[test]
fn ingest_twice_adds_nothing_the_second_time() {
    let dir = tempdir("twice");
    let db = dir.join("axis.db");
    let first = axis(&["ingest", p(&demo()), "--db", p(&db)]);
    ok(&first);
    let summary = text(&first.stderr);
    assert!(summary.contains("12 document(s) added, 0 skipped as duplicate(s), 0 failed"), "{summary}");
    let before = dump(&db);
    let second = axis(&["ingest", p(&demo()), "--db", p(&db)]);
    ok(&second);
    assert!(text(&second.stderr).contains("0 document(s) added, 12 skipped as duplicate(s)"));
    assert_eq!(dump(&db), before);
    let stats = ok(&axis(&["stats", "--db", p(&db)]));
    assert!(stats.contains("documents  12"), "{stats}");
    assert!(stats.contains(&format!("events     {}", count(&db, "events"))), "{stats}");
    // The default database is axis.db in the current folder.
    let here = Command::new(env!("CARGO_BIN_EXE_axis"))
        .args(["ingest", p(&demo())])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(text(&here.stderr).contains("12 skipped as duplicate(s)"), "{}", text(&here.stderr));
}

#[test]
fn export_formats_and_filters() {
    let dir = tempdir("export");
    let db = dir.join("axis.db");
    ok(&axis(&["ingest", p(&demo()), "--db", p(&db)]));
    let events = count(&db, "events") as usize;
    let csv = ok(&axis(&["export", "--db", p(&db), "--format", "csv"]));
    assert!(csv.starts_with("doc,sentence,date_start,"));
    assert_eq!(csv.lines().count(), events + 1);
    let tsv = ok(&axis(&["export", "--db", p(&db), "--format", "tsv"]));
    assert_eq!(tsv.lines().next().unwrap().split('\t').count(), axis::io::HEADER.len());
    let phoenix = ok(&axis(&["export", "--db", p(&db), "--format", "phoenix"]));
    assert_eq!(phoenix.lines().count(), events);
    assert!(phoenix.lines().all(|l| l.split('\t').count() == 26));
    // JSON lines equal what `axis code` prints for the same corpus.
    let jsonl = ok(&axis(&["export", "--db", p(&db), "--format", "jsonl"]));
    let coded = ok(&axis(&["code", p(&demo()), "--format", "jsonl"]));
    assert_eq!(jsonl, coded);
    // Filters: the 2001 treaty between Russia and China, both ways; directed keeps one.
    let between = ok(&axis(&[
        "export",
        "--db",
        p(&db),
        "--format",
        "jsonl",
        "--from",
        "2001-01-01",
        "--to",
        "2001-12-31",
        "--actor",
        "RUS",
        "--actor",
        "CHN",
    ]));
    let rows: Vec<serde_json::Value> = between.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(!rows.is_empty());
    for r in &rows {
        let (s, t) = (r["source"].as_str().unwrap(), r["target"].as_str().unwrap());
        assert!(
            ["RUS", "CHN"].iter().any(|a| s.starts_with(a))
                && ["RUS", "CHN"].iter().any(|a| t.starts_with(a))
        );
        assert!(r["date_start"].as_str().unwrap().starts_with("2001"));
    }
    let directed = ok(&axis(&[
        "export",
        "--db",
        p(&db),
        "--format",
        "jsonl",
        "--from",
        "2001-01-01",
        "--to",
        "2001-12-31",
        "--actor",
        "RUS",
        "--actor",
        "CHN",
        "--directed",
    ]));
    let directed: Vec<serde_json::Value> =
        directed.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(!directed.is_empty() && directed.len() < rows.len());
    assert!(directed.iter().all(|r| r["source"].as_str().unwrap().starts_with("RUS")));
    let none = axis(&["export", "--db", p(&db), "--origin", "gdelt"]);
    assert_eq!(ok(&none).lines().count(), 1, "a header and no rows");
    assert!(text(&none.stderr).contains("0 event(s) exported"));
    // To a file.
    let file = dir.join("out.csv");
    ok(&axis(&["export", "--db", p(&db), "--output", p(&file), "--one-a-day"]));
    assert!(std::fs::read_to_string(&file).unwrap().lines().count() > 1);
}

#[test]
fn bad_jsonl_line_is_reported_with_its_line_and_the_rest_stored() {
    let dir = tempdir("badline");
    let f = dir.join("news.jsonl");
    std::fs::write(
        &f,
        "{\"id\":\"a\",\"date\":\"2019-02-02\",\"text\":\"Russia accused Ukraine of provocations.\"}\n\
         {\"id\":\"b\",\"date\":\"2019-02-02\",\"text\":\"broken\n\
         {\"id\":\"c\",\"date\":\"2019-02-03\",\"text\":\"China praised Pakistan.\"}\n",
    )
    .unwrap();
    let db = dir.join("axis.db");
    let out = axis(&["ingest", p(&f), "--db", p(&db)]);
    ok(&out);
    let err = text(&out.stderr);
    assert!(err.contains(&format!("{}:2: bad record", f.display())), "{err}");
    assert!(err.contains("2 document(s) added, 0 skipped as duplicate(s), 1 failed"), "{err}");
    assert_eq!(count(&db, "documents"), 2);
}

#[test]
fn unwritable_database_paths_fail_clearly() {
    let dir = tempdir("readonly");
    let file = dir.join("plain");
    std::fs::write(&file, "x").unwrap();
    let nested = file.join("axis.db");
    let out = axis(&["ingest", p(&demo()), "--db", p(&nested)]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("database {}: cannot open", nested.display())) && err.contains("not a folder"),
        "{err}"
    );
    // A read-only file: refused before anything is coded (root can write anyway; then skip).
    let db = dir.join("ro.db");
    ok(&axis(&["ingest", p(&demo()), "--db", p(&db), "--batch", "4"]));
    let before = dump(&db);
    for f in [db.clone(), dir.join("ro.db-wal"), dir.join("ro.db-shm")] {
        if f.exists() {
            let mut perm = std::fs::metadata(&f).unwrap().permissions();
            perm.set_readonly(true);
            std::fs::set_permissions(&f, perm).unwrap();
        }
    }
    if std::fs::OpenOptions::new().append(true).open(&db).is_ok() {
        eprintln!("skipped: read-only file check (this user can write read-only files)");
    } else {
        let out = axis(&["ingest", p(&demo()), "--db", p(&db)]);
        assert!(!out.status.success());
        assert!(text(&out.stderr).contains("read-only"), "{}", text(&out.stderr));
        assert_eq!(dump(&db), before);
    }
    #[cfg(target_os = "linux")]
    {
        let out = axis(&["ingest", p(&demo()), "--db", "/proc/axis-test.db"]);
        assert!(!out.status.success());
        assert!(text(&out.stderr).contains("database /proc/axis-test.db: "), "{}", text(&out.stderr));
    }
    let missing = axis(&["export", "--db", p(&dir.join("missing.db"))]);
    assert!(!missing.status.success());
    assert!(text(&missing.stderr).contains("no such file"), "{}", text(&missing.stderr));
    assert!(!dir.join("missing.db").exists(), "export never creates a database");
}

/// A corpus big enough to kill mid-ingest: the demo stories, each numbered so every text is new
/// (and a near-duplicate of the story's first copy), and every tenth a repeat of an earlier one.
fn big_corpus(path: &Path, copies: usize) -> usize {
    let demo = std::fs::read_to_string(demo()).unwrap();
    let records: Vec<serde_json::Value> = demo.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let mut out = String::new();
    let mut lines = 0;
    for i in 0..copies {
        for (j, r) in records.iter().enumerate() {
            let mut r = r.clone();
            let n = if i % 10 == 9 { i - 1 } else { i };
            r["id"] = format!("{}-{i}", r["id"].as_str().unwrap()).into();
            r["text"] = format!("{} This is report {n}.", r["text"].as_str().unwrap()).into();
            if (i + j) % 97 == 0 {
                out.push_str("{\"id\": \"broken\", \"text\": \n");
                lines += 1;
            }
            out.push_str(&serde_json::to_string(&r).unwrap());
            out.push('\n');
            lines += 1;
        }
    }
    std::fs::write(path, out).unwrap();
    lines
}

#[test]
fn killed_ingest_resumes_to_the_same_database() {
    let dir = tempdir("kill");
    let corpus = dir.join("big.jsonl");
    big_corpus(&corpus, 300);
    let clean = dir.join("clean.db");
    ok(&axis(&["ingest", p(&corpus), "--db", p(&clean), "--batch", "16"]));
    let total = count(&clean, "documents");
    assert!(total > 3000, "{total}");
    // The numbered reprints are near-duplicates of the first: the resumed run must link them alike.
    let linked = count(&clean, "documents WHERE duplicate_of IS NOT NULL");
    assert!(linked > 2000 && linked < total, "{linked} of {total} linked");

    let killed = dir.join("killed.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_axis"))
        .args(["ingest", p(&corpus), "--db", p(&killed), "--batch", "16", "--threads", "1"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some batches are committed, then SIGKILL it mid-run.
    let start = std::time::Instant::now();
    while count(&killed, "documents") < 100 && start.elapsed().as_secs() < 120 {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success(), "the ingest was killed, not finished");
    let at_kill = count(&killed, "documents");
    assert!(at_kill >= 100 && at_kill < total, "killed after {at_kill} of {total} documents");

    let resumed = axis(&["ingest", p(&corpus), "--db", p(&killed), "--batch", "16"]);
    ok(&resumed);
    let summary = text(&resumed.stderr);
    assert!(summary.contains(&format!("{} document(s) added", total - at_kill)), "{summary}");
    let (a, b) = (dump(&clean), dump(&killed));
    assert_eq!(a.len(), b.len(), "row counts differ");
    if let Some((x, y)) = a.iter().zip(&b).find(|(x, y)| x != y) {
        panic!("first difference:\n clean:   {x}\n resumed: {y}");
    }
}

#[test]
fn recode_after_a_dictionary_change_then_nothing_to_do() {
    let dir = tempdir("recode");
    let db = dir.join("axis.db");
    ok(&axis(&["ingest", p(&demo()), "--db", p(&db)]));
    let events = count(&db, "events");
    let same = axis(&["recode", "--db", p(&db)]);
    ok(&same);
    assert!(text(&same.stderr).contains("nothing to do"), "{}", text(&same.stderr));
    // A copy of the shipped dictionaries with one actor line removed: a new version.
    let dict = dir.join("dict");
    let shipped = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../dict");
    copy_dir(&shipped, &dict);
    let out = axis(&["recode", "--db", p(&db), "--dict", p(&dict)]);
    ok(&out);
    assert!(text(&out.stderr).contains("12 document(s) recoded"), "{}", text(&out.stderr));
    assert_eq!(count(&db, "events"), events, "the same dictionaries code the same events");
    let again = axis(&["recode", "--db", p(&db), "--dict", p(&dict)]);
    assert!(text(&again.stderr).contains("nothing to do"), "{}", text(&again.stderr));
}

/// A wire story (written for this test) and the corpus of it: the story, two papers' reprints
/// (own headline and byline, a sentence cut or changed), another story on the same topic.
const WIRE: &str = "WASHINGTON (Wire) - The United States imposed new sanctions on Iran on Monday, \
    targeting companies that the Treasury said had helped ship Iranian oil to buyers in Asia. \
    Treasury officials said the measures froze the assets of twelve firms and barred Americans from \
    dealing with them. Iran's foreign ministry condemned the move as economic terrorism and said it \
    would not change Tehran's policy. The sanctions follow talks in Vienna that ended last month \
    without an agreement on Iran's nuclear programme. European diplomats said they still hoped to \
    bring both sides back to the table before the summer. Oil prices rose slightly after the \
    announcement, traders in London said.";

fn syndicated(dir: &Path) -> PathBuf {
    let copy_a = format!("Sanctions widened\nBy Our Wire Service\n{WIRE}");
    let copy_b = WIRE.replace(
        "Oil prices rose slightly after the announcement, traders in London said.",
        "Markets barely moved.",
    );
    let other = "TEHRAN (Wire) - Iran said on Thursday it had seized a tanker in the Gulf of Oman, \
        days after Washington announced new sanctions on companies shipping its oil. State television \
        said the ship was carrying smuggled fuel and that its crew of sixteen had been detained. The \
        United States called the seizure harassment and demanded the crew's release.";
    let rows = [
        ("wire-1", "Wire", WIRE.to_string()),
        ("daily-4", "Daily", copy_a),
        ("other-1", "Wire", other.to_string()),
        ("gazette-2", "Gazette", copy_b),
    ];
    let mut out = String::new();
    for (id, source, text) in rows {
        let r = serde_json::json!({ "id": id, "date": "2022-06-06", "source": source, "text": text });
        out.push_str(&r.to_string());
        out.push('\n');
    }
    let path = dir.join("syndicated.jsonl");
    std::fs::write(&path, out).unwrap();
    path
}

#[test]
fn syndicated_copies_are_linked_and_their_events_counted_once() {
    let dir = tempdir("near-dup");
    let corpus = syndicated(&dir);
    let (db, apart) = (dir.join("axis.db"), dir.join("apart.db"));
    let out = axis(&["ingest", p(&corpus), "--db", p(&db)]);
    ok(&out);
    let summary = text(&out.stderr);
    assert!(
        summary.contains("4 document(s) added, 0 skipped as duplicate(s), 0 failed, 2 linked"),
        "{summary}"
    );
    ok(&axis(&["ingest", p(&corpus), "--db", p(&apart), "--no-near-dup"]));
    // Both copies point at the wire story, with their similarity; their events are not stored.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let links: Vec<(String, Option<i64>, Option<f64>)> = conn
        .prepare("SELECT doc_key, duplicate_of, similarity FROM documents ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(links[0], ("wire-1".to_string(), None, None));
    assert_eq!((links[2].1, links[2].2), (None, None), "another story on the same topic");
    for i in [1, 3] {
        let s = links[i].2.expect("a similarity");
        assert_eq!(links[i].1, Some(1), "{:?}", links[i]);
        assert!((0.7..1.0).contains(&s), "{:?}", links[i]);
    }
    let (events, events_apart) = (count(&db, "events"), count(&apart, "events"));
    let wire_events: i64 =
        conn.query_row("SELECT count(*) FROM events WHERE doc = 1", [], |r| r.get(0)).unwrap();
    assert!(wire_events > 0);
    let copies_apart: i64 = rusqlite::Connection::open(&apart)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM events e JOIN documents d ON d.id = e.doc
             WHERE d.doc_key IN ('daily-4', 'gazette-2')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(copies_apart >= wire_events, "the copies code (about) the wire story's events again");
    assert_eq!(events_apart, events + copies_apart, "without detection each copy is counted again");
    let csv = ok(&axis(&["export", "--db", p(&db), "--format", "csv"]));
    assert_eq!(csv.lines().count() as i64, events + 1);
    let stats = ok(&axis(&["stats", "--db", p(&db)]));
    assert!(stats.contains("documents  4\n  near-duplicates 2 "), "{stats}");
    assert!(stats.contains(&format!("events     {events}\n")), "{stats}");
    let stats = ok(&axis(&["stats", "--db", p(&apart)]));
    assert!(stats.contains("near-duplicates 0 "), "{stats}");
    // A threshold outside (0, 1] is refused.
    let bad = axis(&["ingest", p(&corpus), "--db", p(&db), "--near-dup-threshold", "1.5"]);
    assert!(!bad.status.success());
    assert!(text(&bad.stderr).contains("not a similarity in (0, 1]"), "{}", text(&bad.stderr));
}

#[test]
fn gdelt_export_imports_back_and_exports_the_same_file() {
    let dir = tempdir("gdelt-round-trip");
    let (db, db2) = (dir.join("a.db"), dir.join("b.db"));
    ok(&axis(&["ingest", p(&demo()), "--db", p(&db)]));
    let first = dir.join("first.tsv");
    let out = axis(&["export", "--db", p(&db), "--format", "gdelt", "--output", p(&first)]);
    ok(&out);
    let file = std::fs::read_to_string(&first).unwrap();
    assert!(file.lines().count() >= 5, "{file}");
    assert!(file.lines().all(|l| l.split('\t').count() == 61), "{file}");
    ok(&axis(&["import", "gdelt", p(&first), "--db", p(&db2)]));
    let second = ok(&axis(&["export", "--db", p(&db2), "--format", "gdelt"]));
    assert_eq!(second, file);
    // PLOVER lines name the same events.
    let plover = ok(&axis(&["export", "--db", p(&db), "--format", "plover"]));
    assert_eq!(
        plover.lines().count(),
        file.lines().count() + text(&out.stderr).matches("without any date").count()
    );
    for line in plover.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(
            v["id"].as_str().unwrap().starts_with("axis-") && v["actor"].is_array() && v["event"].is_array(),
            "{line}"
        );
    }
}

#[cfg(not(feature = "parquet"))]
#[test]
fn parquet_without_the_feature_says_how_to_build_it() {
    let dir = tempdir("no-parquet");
    let db = dir.join("a.db");
    ok(&axis(&["ingest", p(&demo()), "--db", p(&db)]));
    let out = axis(&["export", "--db", p(&db), "--format", "parquet", "--output", p(&dir.join("e.parquet"))]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("--features parquet"), "{}", text(&out.stderr));
}

/// `n` GDELT 2.0 rows of our own (every column filled, ids from 1) in `path`: about 430 bytes a
/// row, so that `axis import --db` expects them to outnumber an empty database and takes the
/// bulk path (indexes dropped and made again, one transaction).
fn gdelt_file(path: &Path, n: usize) {
    use std::io::Write;
    let actors = ["USAGOV", "RUS", "CHNMIL", "GBRGOV", "IRNGOVMIL", "", "FRA", "DEUCOP"];
    let codes = ["010", "042", "0231", "112", "190", "036", "1823", "057"];
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..n {
        let (a, b, code) = (actors[i % 8], actors[(i * 3 + 1) % 8], codes[i % 8]);
        let part = |c: &'static str| -> [&'static str; 10] {
            let (country, agent) = if c.is_empty() { ("", "") } else { (&c[..3], &c[3..6.min(c.len())]) };
            [c, "SOME NAME", country, "", "", "", "", agent, "", ""]
        };
        let mut f: Vec<String> = vec![
            (i + 1).to_string(),
            format!("201902{:02}", 1 + i % 28),
            "201902".into(),
            "2019".into(),
            "2019.0877".into(),
        ];
        f.extend(part(a).map(String::from));
        f.extend(part(b).map(String::from));
        f.extend([(i % 2).to_string(), code.into(), code[..3.min(code.len())].into(), code[..2].into()]);
        f.extend(["1", "2.5", "4", "1", "4", "1.25"].map(String::from));
        for g in 0..3 {
            f.extend(["4".into(), format!("Place {i}, Region {g}, Somewhere"), "RS".into(), "RS48".into()]);
            f.extend(["12345", "55.7500", "37.6200", "-2960561"].map(String::from));
        }
        f.push(format!("201902{:02}101500", 1 + i % 28));
        f.push(format!("https://news.example.org/world/2019/02/story-{i}.html"));
        writeln!(out, "{}", f.join("\t")).unwrap();
    }
}

fn indexes(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).expect("open db");
    let mut st = conn.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' ORDER BY name").unwrap();
    st.query_map([], |r| r.get::<_, Option<String>>(0))
        .unwrap()
        .map(|r| r.unwrap().unwrap_or_default())
        .collect()
}

#[test]
fn killed_bulk_import_leaves_the_database_as_it_was_and_resumes() {
    let dir = tempdir("import-kill");
    let file = dir.join("events.tsv");
    gdelt_file(&file, 100_000);
    let clean = dir.join("clean.db");
    let out = axis(&["import", "gdelt", p(&file), "--db", p(&clean)]);
    ok(&out);
    assert!(text(&out.stderr).contains("100000 new events"), "{}", text(&out.stderr));
    let again = axis(&["import", "gdelt", p(&file), "--db", p(&clean)]);
    ok(&again);
    assert!(text(&again.stderr).contains("0 new events, 100000 already there"), "{}", text(&again.stderr));

    // A database with events already, killed during a bulk import that dropped its indexes. The
    // kill must land while the import runs: past the first 10,000 rows (when the indexes are
    // dropped) if the machine allows, so it is tried after shorter and shorter waits until one
    // lands before the import ends.
    let killed = dir.join("killed.db");
    let first = dir.join("first.tsv");
    gdelt_file(&first, 10);
    let mut landed = None;
    for wait_ms in [1500, 700, 300, 120, 40, 10] {
        for f in ["killed.db", "killed.db-wal", "killed.db-shm", "killed.db-journal"] {
            let _ = std::fs::remove_file(dir.join(f));
        }
        ok(&axis(&["import", "gdelt", p(&first), "--db", p(&killed)]));
        let (before, schema) = (dump(&killed), indexes(&killed));
        let mut child = Command::new(env!("CARGO_BIN_EXE_axis"))
            .args(["import", "gdelt", p(&file), "--db", p(&killed)])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let journal = dir.join("killed.db-journal");
        let start = std::time::Instant::now();
        while !journal.exists() && start.elapsed().as_secs() < 120 {
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        std::thread::sleep(std::time::Duration::from_millis(wait_ms));
        child.kill().unwrap();
        if !child.wait().unwrap().success() {
            landed = Some((before, schema));
            break;
        }
    }
    let (before, schema) = landed.expect("the import finished before every kill, even 10 ms in");
    // Read-only commands read the database as it was before the import (the journal is rolled
    // back first); its indexes are all there.
    let stats = axis(&["stats", "--db", p(&killed)]);
    assert!(ok(&stats).contains("10"), "{}", text(&stats.stdout));
    assert_eq!(dump(&killed), before);
    assert_eq!(indexes(&killed), schema);
    let conn = rusqlite::Connection::open(&killed).unwrap();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    drop(conn);
    // Run again, it stores everything: the same rows as the clean import (ids 1-10 were there).
    let resumed = axis(&["import", "gdelt", p(&file), "--db", p(&killed)]);
    ok(&resumed);
    assert!(
        text(&resumed.stderr).contains("99990 new events, 10 already there"),
        "{}",
        text(&resumed.stderr)
    );
    let (a, b) = (dump(&clean), dump(&killed));
    assert_eq!(a.len(), b.len(), "row counts differ");
    if let Some((x, y)) = a.iter().zip(&b).find(|(x, y)| x != y) {
        panic!("first difference:\n clean:   {x}\n resumed: {y}");
    }
    assert_eq!(indexes(&killed), schema);
}

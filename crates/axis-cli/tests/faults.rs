//! Faults while writing the store: a recode killed with SIGKILL and resumed, a disk that fills up
//! mid-ingest (a file size limit in the child), and two ingests into one database at once. Each
//! ends with an intact database (`PRAGMA integrity_check`) holding what a clean run holds. The
//! corpora are reprints of one sample, so near-duplicate linking is off: every document is coded.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The demo stories `copies` times, each copy's texts made new by a numbered sentence.
fn corpus(path: &Path, copies: usize, tag: &str) {
    let demo = std::fs::read_to_string(demo()).unwrap();
    let mut out = String::new();
    for i in 0..copies {
        for line in demo.lines() {
            let mut r: serde_json::Value = serde_json::from_str(line).unwrap();
            r["id"] = format!("{}-{tag}{i}", r["id"].as_str().unwrap()).into();
            r["text"] = format!("{} This is report {tag}{i}.", r["text"].as_str().unwrap()).into();
            out.push_str(&serde_json::to_string(&r).unwrap());
            out.push('\n');
        }
    }
    std::fs::write(path, out).unwrap();
}

fn conn(db: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(db).expect("open db")
}

fn count(db: &Path, sql: &str) -> i64 {
    conn(db).query_row(sql, [], |r| r.get(0)).unwrap_or(0)
}

fn integrity_ok(db: &Path) {
    let status: String = conn(db).query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(status, "ok", "{}", db.display());
    let orphans = count(
        db,
        "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.doc = d.id)",
    );
    assert_eq!(orphans, 0, "documents stored without their coding");
}

fn same(a: &[String], b: &[String]) {
    assert_eq!(a.len(), b.len(), "row counts differ");
    if let Some((x, y)) = a.iter().zip(b).find(|(x, y)| x != y) {
        panic!("first difference:\n expected: {x}\n got:      {y}");
    }
}

#[test]
fn killed_recode_resumes_to_the_same_database() {
    let dir = tempdir("recode");
    let big = dir.join("big.jsonl");
    corpus(&big, 200, "r");
    let base = dir.join("base.db");
    ok(&axis(&["ingest", "--no-near-dup", p(&big), "--db", p(&base), "--batch", "64"]));
    let total = count(&base, "SELECT count(*) FROM documents");
    // A copy of the shipped dictionaries is another version: every document is stale.
    let dict = dir.join("dict");
    copy_dir(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../dict"), &dict);
    let old: String =
        conn(&base).query_row("SELECT dict_version FROM documents LIMIT 1", [], |r| r.get(0)).unwrap();

    let clean = dir.join("clean.db");
    std::fs::copy(&base, &clean).unwrap();
    ok(&axis(&["recode", "--db", p(&clean), "--dict", p(&dict), "--batch", "16"]));

    let killed = dir.join("killed.db");
    std::fs::copy(&base, &killed).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_axis"))
        .args(["recode", "--db", p(&killed), "--dict", p(&dict), "--batch", "16", "--threads", "1"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let recoded = format!("SELECT count(*) FROM documents WHERE dict_version <> '{old}'");
    let start = std::time::Instant::now();
    while count(&killed, &recoded) < 64 && start.elapsed().as_secs() < 120 {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap();
    assert!(!child.wait().unwrap().success(), "the recode was killed, not finished");
    let at_kill = count(&killed, &recoded);
    assert!(at_kill >= 64 && at_kill < total, "killed after {at_kill} of {total} documents");
    integrity_ok(&killed);

    let resumed = axis(&["recode", "--db", p(&killed), "--dict", p(&dict), "--batch", "16"]);
    ok(&resumed);
    assert!(
        text(&resumed.stderr).contains(&format!("{} document(s) recoded", total - at_kill)),
        "{}",
        text(&resumed.stderr)
    );
    integrity_ok(&killed);
    same(&dump(&clean), &dump(&killed));
}

#[test]
#[cfg(unix)]
fn a_full_disk_fails_clearly_and_keeps_what_was_stored() {
    let dir = tempdir("full");
    let db = dir.join("axis.db");
    ok(&axis(&["ingest", "--no-near-dup", p(&demo()), "--db", p(&db)]));
    let before = dump(&db);
    let big = dir.join("big.jsonl");
    corpus(&big, 150, "f");
    // The child may write files up to 256 KiB past the database's size, then gets EFBIG (the
    // signal is ignored), as on a full disk.
    let blocks = std::fs::metadata(&db).unwrap().len() / 512 + 512;
    let script = format!("trap '' XFSZ; ulimit -f {blocks}; exec \"$0\" \"$@\"");
    let out = Command::new("sh")
        .args([
            "-c",
            &script,
            env!("CARGO_BIN_EXE_axis"),
            "ingest",
            "--no-near-dup",
            p(&big),
            "--db",
            p(&db),
            "--batch",
            "8",
        ])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let err = text(&out.stderr);
    assert!(!out.status.success(), "the ingest could not fit: {err}");
    assert!(err.contains(&format!("database {}", db.display())), "{err}");
    integrity_ok(&db);
    let after = dump(&db);
    for row in &before {
        assert!(after.contains(row), "lost: {row}");
    }
    // With room again, the ingest resumes to what a clean run stores.
    ok(&axis(&["ingest", "--no-near-dup", p(&big), "--db", p(&db), "--batch", "8"]));
    let clean = dir.join("clean.db");
    ok(&axis(&["ingest", "--no-near-dup", p(&demo()), "--db", p(&clean)]));
    ok(&axis(&["ingest", "--no-near-dup", p(&big), "--db", p(&clean), "--batch", "8"]));
    same(&content(&clean), &content(&db));
}

#[test]
fn concurrent_ingests_wait_for_each_other() {
    let dir = tempdir("concurrent");
    let (a, b) = (dir.join("a.jsonl"), dir.join("b.jsonl"));
    corpus(&a, 40, "a");
    corpus(&b, 40, "b");
    let db = dir.join("axis.db");
    // Create the database first, so both see the same schema.
    ok(&axis(&["ingest", "--no-near-dup", p(&demo()), "--db", p(&db)]));
    let spawn = |f: &Path| {
        Command::new(env!("CARGO_BIN_EXE_axis"))
            .args(["ingest", "--no-near-dup", p(f), "--db", p(&db), "--batch", "8", "--threads", "1"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (ca, cb) = (spawn(&a), spawn(&b));
    for (child, file) in [(ca, &a), (cb, &b)] {
        let out = child.wait_with_output().unwrap();
        if !out.status.success() {
            // Allowed: a clear "locked" error; the batches it committed stay, and running it
            // again completes it.
            let err = text(&out.stderr);
            assert!(err.contains("locked") || err.contains("busy"), "{err}");
            ok(&axis(&["ingest", "--no-near-dup", p(file), "--db", p(&db)]));
        }
    }
    integrity_ok(&db);
    let sequential = dir.join("seq.db");
    for f in [demo(), a.clone(), b.clone()] {
        ok(&axis(&["ingest", "--no-near-dup", p(&f), "--db", p(&sequential)]));
    }
    same(&content(&sequential), &content(&db));
}

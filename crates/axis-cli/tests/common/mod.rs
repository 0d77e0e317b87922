//! Helpers shared by the CLI integration tests: run the real `axis` binary, make temporary
//! folders, read its output, and read the SQLite databases it writes. Each test binary
//! (`tests/*.rs`) includes this module with `mod common;` and uses only some of it.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Runs `axis` with `args` and no input (stdin is `/dev/null`), capturing stdout and stderr.
/// Tests that feed stdin keep their own `axis`.
pub fn axis(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_axis")).args(args).stdin(Stdio::null()).output().expect("axis runs")
}

/// Output bytes as text, invalid UTF-8 replaced.
pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A fresh, empty temporary folder for one test, named after the test binary, the process and
/// `name` so that tests running at the same time never share one.
pub fn tempdir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("axis-{}-{}-{name}", env!("CARGO_CRATE_NAME"), std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

/// A path as a command-line argument (the test paths are UTF-8).
pub fn p(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

/// The stdout of a run that must have succeeded; on failure the test fails showing stderr.
pub fn ok(out: &Output) -> String {
    assert!(out.status.success(), "axis failed:\n{}", text(&out.stderr));
    text(&out.stdout)
}

/// The bundled sample stories, `samples/demo.jsonl`.
pub fn demo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples/demo.jsonl")
}

/// Copies the folder `from` to `to`, subfolders included.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap().path();
        let dest = to.join(e.file_name().unwrap());
        if e.is_dir() {
            copy_dir(&e, &dest);
        } else {
            std::fs::copy(&e, &dest).unwrap();
        }
    }
}

/// Every row of every table, as text, in key order: two databases with the same dump hold the
/// same data under the same ids.
pub fn dump(db: &Path) -> Vec<String> {
    rows(db, false)
}

/// Every row with row ids replaced by the document's content hash, sorted: the same data stored
/// in another order compares equal.
pub fn content(db: &Path) -> Vec<String> {
    let mut r = rows(db, true);
    r.sort();
    r
}

/// Every row of every table (SQLite's own `sqlite_*` tables left out) as `table: cell | cell`.
/// With `without_ids`, the `id` and `doc` columns are left out and each row starts with its
/// document's content hash instead.
pub fn rows(db: &Path, without_ids: bool) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).expect("open db");
    let mut tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    tables.retain(|t| !t.starts_with("sqlite_"));
    let mut lines = Vec::new();
    for t in tables {
        let cols: Vec<String> = conn
            .prepare(&format!("PRAGMA table_info({t})"))
            .unwrap()
            .query_map([], |r| r.get::<_, String>(1))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let sql = if without_ids {
            let keep: Vec<String> =
                cols.iter().filter(|c| *c != "id" && *c != "doc").map(|c| format!("x.{c}")).collect();
            let join = if cols.iter().any(|c| c == "doc") {
                "LEFT JOIN documents d ON d.id = x.doc"
            } else if t == "documents" {
                "LEFT JOIN documents d ON d.id = x.id"
            } else {
                "LEFT JOIN (SELECT NULL AS content_hash) d"
            };
            format!("SELECT hex(d.content_hash), {} FROM {t} x {join}", keep.join(", "))
        } else {
            format!("SELECT * FROM {t} ORDER BY 1, 2")
        };
        let mut st = conn.prepare(&sql).unwrap();
        let n = st.column_count();
        let mut rows = st.query([]).unwrap();
        while let Some(r) = rows.next().unwrap() {
            let cells: Vec<String> = (0..n).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect();
            lines.push(format!("{t}: {}", cells.join(" | ")));
        }
    }
    lines
}

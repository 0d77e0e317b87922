//! `axis import parquet` run for real: with the feature (`cargo test -p axis-cli --features
//! parquet`), an export imported into another database gives the same dyad and triangle series,
//! a second import adds nothing, and a damaged file is reported while the others are stored;
//! without it, the command says how to build a binary that has it.

mod common;

use common::*;
#[cfg(feature = "parquet")]
use std::path::{Path, PathBuf};

#[cfg(not(feature = "parquet"))]
#[test]
fn import_parquet_without_the_feature_says_how_to_build_it() {
    let dir = tempdir("no-feature");
    let out = axis(&["import", "parquet", p(&dir), "--db", p(&dir.join("a.db"))]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("without Parquet support") && err.contains("--features parquet"), "{err}");
}

#[cfg(feature = "parquet")]
#[test]
fn exported_events_imported_give_the_same_series() {
    let dir = tempdir("round-trip");
    let (a, b) = (dir.join("a.db"), dir.join("b.db"));
    let demo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples/demo.jsonl");
    ok(&axis(&["ingest", p(&demo), "--db", p(&a)]));
    let parts = dir.join("events");
    std::fs::create_dir_all(&parts).unwrap();
    let file = parts.join("part-0.parquet");
    ok(&axis(&["export", "--db", p(&a), "--format", "parquet", "--output", p(&file)]));
    // A damaged file beside it is reported, and does not stop the good one.
    std::fs::write(parts.join("part-1.parquet"), b"PAR1 but not really").unwrap();
    let out = axis(&["import", "parquet", p(&parts), "--db", p(&b), "--origin", "spark"]);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains(&format!("skipped: {}: not a readable Parquet file", p(&parts.join("part-1.parquet"))))
    );
    let stored = err.lines().find(|l| l.starts_with("stored in")).unwrap_or_default();
    assert!(stored.ends_with("as origin spark: 24 new events, 0 already there"), "{err}");

    let again = axis(&["import", "parquet", p(&file), "--db", p(&b), "--origin", "spark"]);
    assert!(text(&again.stderr).contains(": 0 new events, 24 already there"), "{}", text(&again.stderr));

    for args in [
        &["dyad", "USA", "CHN"][..],
        &["dyad", "CHN", "SUN", "--one-a-day"],
        &["triangle", "USA", "CHN", "SUN"],
    ] {
        let run = |db: &Path, origin: &[&str]| {
            let mut all = args.to_vec();
            all.extend(["--db", p(db), "--by", "year", "--csv"]);
            all.extend(origin);
            ok(&axis(&all))
        };
        let (want, got) = (run(&a, &[]), run(&b, &["--origin", "spark"]));
        assert!(want.lines().count() > 2, "{args:?}: {want}");
        assert_eq!(got, want, "{args:?}");
    }
    // The events written out again are the ones exported, line for line.
    let lines = ok(&axis(&["import", "parquet", p(&file)]));
    let exported = ok(&axis(&["export", "--db", p(&a), "--format", "jsonl"]));
    assert_eq!(lines, exported);
}

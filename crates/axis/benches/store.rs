//! Ingest throughput: documents read, coded on all cores and written to a fresh SQLite database,
//! in documents per second; and re-ingest of the same corpus (every document a duplicate), the
//! cost of resuming. With near-duplicate detection on (the default) the numbered copies are
//! linked to each story's first; a third bench ingests with it off.
//!
//! Corpus: the bundled `samples/demo.jsonl`, each story repeated 200 times with a numbered closing
//! sentence so every text is new (2,400 documents). Each bench asserts what it stored.
//!
//! Run: `cargo bench -p axis --bench store`.

// criterion's macros define undocumented public items.
#![allow(missing_docs)]

use axis::cameo::CameoTable;
use axis::code::Coder;
use axis::dict::{Dictionary, VerbDictionary};
use axis::store::{dictionary_version, ingest, IngestOptions, Store};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::PathBuf;

const COPIES: usize = 200;

fn corpus(dir: &std::path::Path) -> PathBuf {
    let sample = include_str!("../../../samples/demo.jsonl");
    let mut out = String::new();
    for i in 0..COPIES {
        for line in sample.lines() {
            let mut v: serde_json::Value = serde_json::from_str(line).expect("sample line");
            v["id"] = format!("{}-{i}", v["id"].as_str().unwrap_or("doc")).into();
            v["text"] = format!("{} This is report {i}.", v["text"].as_str().unwrap_or("")).into();
            out.push_str(&v.to_string());
            out.push('\n');
        }
    }
    let path = dir.join("corpus.jsonl");
    std::fs::write(&path, out).expect("write corpus");
    path
}

fn bench(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("axis-bench-store-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let corpus = corpus(&dir);
    let paths = std::slice::from_ref(&corpus);
    let dict = Dictionary::builtin().expect("dictionaries");
    let verbs = VerbDictionary::builtin().expect("verbs");
    let cameo = CameoTable::builtin().expect("cameo");
    let coder = Coder::new(&dict, &verbs, &cameo);
    let version = dictionary_version(None).expect("version");
    let opts = IngestOptions::default();
    let docs = (COPIES * 12) as u64;

    let fresh = |n: usize| {
        let db = dir.join(format!("bench-{n}.db"));
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
        Store::open(&db).expect("open")
    };
    let mut probe = fresh(0);
    let report = ingest(&mut probe, &coder, &version, paths, &opts, &mut |_| {}).expect("ingest");
    assert_eq!(report.added, docs);
    let sentences = report.sentences;

    let mut g = c.benchmark_group("store");
    g.sample_size(10);
    g.throughput(Throughput::Elements(docs));
    let mut n = 1;
    g.bench_function("ingest demo x200 into a new database (documents)", |b| {
        b.iter(|| {
            n += 1;
            let mut store = fresh(n);
            let r = ingest(&mut store, &coder, &version, paths, &opts, &mut |_| {}).expect("ingest");
            assert_eq!((r.added, r.sentences), (docs, sentences));
        })
    });
    // The numbered copies are near-duplicates of each story's first: the run above links them
    // (and writes none of their events); this one codes and stores every copy as an original.
    let off = IngestOptions { near_dup: None, ..IngestOptions::default() };
    g.bench_function("ingest demo x200, near-duplicate detection off (documents)", |b| {
        b.iter(|| {
            n += 1;
            let mut store = fresh(n);
            let r = ingest(&mut store, &coder, &version, paths, &off, &mut |_| {}).expect("ingest");
            assert_eq!((r.added, r.near_duplicates), (docs, 0));
        })
    });
    g.bench_function("re-ingest: every document a duplicate (documents)", |b| {
        b.iter(|| {
            let r = ingest(&mut probe, &coder, &version, paths, &opts, &mut |_| {}).expect("ingest");
            assert_eq!((r.added, r.duplicates), (0, docs));
        })
    });
    g.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench);
criterion_main!(benches);

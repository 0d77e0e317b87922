//! Throughput of the text layer and the actor layer, in sentences per second.
//!
//! Corpus: the Reuters-21578 bodies in `../shared/news/` when present (≈900 newswire stories,
//! 1987), otherwise the bundled `samples/demo.jsonl` repeated. Every bench asserts what it counted,
//! so it cannot silently measure nothing.
//!
//! Run: `cargo bench -p axis --bench pipeline`.

// criterion's macros define undocumented public items.
#![allow(missing_docs)]

use axis::dict::Dictionary;
use axis::io::{Input, ReadOptions, Reader};
use axis::mention;
use axis::text::Document;
use axis::when::Date;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;

/// (id, story date, text) of every document in the corpus.
fn corpus() -> (String, Vec<(String, Option<Date>, String)>) {
    let reuters =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/news/reuters21578_reut2-000.sgm");
    if let Ok(bytes) = std::fs::read(&reuters) {
        let text = String::from_utf8_lossy(&bytes);
        let mut docs = Vec::new();
        for (i, chunk) in text.split("<REUTERS").skip(1).enumerate() {
            let date = between(chunk, "<DATE>", "</DATE>").and_then(reuters_date);
            if let Some(body) = between(chunk, "<BODY>", "</BODY>") {
                let body = body.replace("&lt;", "<").replace("&amp;", "&").replace("&#3;", "");
                docs.push((format!("reuters-{i}"), date, body));
            }
        }
        return ("reuters21578-000".into(), docs);
    }
    eprintln!("bench: ../shared/news absent; using samples/demo.jsonl x 100");
    let sample = include_str!("../../../samples/demo.jsonl");
    let mut docs = Vec::new();
    for rep in 0..100 {
        Reader::new(ReadOptions::default()).read_bytes(
            Path::new("demo.jsonl"),
            sample.as_bytes(),
            &mut |i| {
                if let Input::Document(d) = i {
                    docs.push((format!("{}-{rep}", d.id), d.date, d.raw().to_string()));
                }
            },
        );
    }
    ("demo x100".into(), docs)
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let a = s.find(open)? + open.len();
    let b = s[a..].find(close)? + a;
    Some(&s[a..b])
}

/// `26-FEB-1987 15:01:01.79` → 1987-02-26.
fn reuters_date(s: &str) -> Option<Date> {
    let mut p = s.trim().split(['-', ' ']);
    let d: u32 = p.next()?.parse().ok()?;
    let m = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
        .iter()
        .position(|x| *x == p.next().unwrap_or(""))? as u32
        + 1;
    let y: i32 = p.next()?.parse().ok()?;
    Date::new(y, m, d)
}

fn bench(c: &mut Criterion) {
    let (name, raw) = corpus();
    let docs: Vec<Document> = raw.iter().map(|(id, d, t)| Document::new(id.clone(), t.clone(), *d)).collect();
    let sentences: usize = docs.iter().map(|d| d.sentences().len()).sum();
    let n_sentences = sentences;
    let bytes: usize = raw.iter().map(|(_, _, t)| t.len()).sum();
    assert!(sentences > 1000, "corpus too small: {sentences} sentences");
    let dict = Dictionary::builtin().expect("built-in dictionaries load");
    eprintln!("bench corpus {name}: {} documents, {sentences} sentences, {bytes} bytes", docs.len());

    c.bench_function("dictionary load (built-in)", |b| {
        b.iter(|| {
            let d = Dictionary::builtin().expect("loads");
            assert!(d.entities().len() > 1000);
            d
        })
    });

    let mut g = c.benchmark_group("sentences");
    g.sample_size(10);
    g.throughput(Throughput::Elements(sentences as u64));
    g.bench_function("normalise+tokenize+split", |b| {
        b.iter(|| {
            let n: usize = raw
                .iter()
                .map(|(id, d, t)| Document::new(id.as_str(), t.as_str(), *d).sentences().len())
                .sum();
            assert_eq!(n, sentences);
        })
    });
    g.bench_function("dates+actors (on analysed documents)", |b| {
        b.iter(|| {
            let n: usize = docs.iter().map(|d| mention::mentions(&dict, d).len()).sum();
            assert_eq!(n, sentences);
        })
    });
    g.bench_function("whole: text+dates+actors", |b| {
        b.iter(|| {
            let mut found = 0usize;
            for (id, d, t) in &raw {
                let doc = Document::new(id.as_str(), t.as_str(), *d);
                found += mention::mentions(&dict, &doc).iter().map(|s| s.mentions.len()).sum::<usize>();
            }
            assert!(found > 0, "no mentions found: dictionaries or matcher broken");
        })
    });
    let verbs = axis::dict::VerbDictionary::builtin().expect("verb dictionaries load");
    let cameo = axis::cameo::CameoTable::builtin().expect("CAMEO table loads");
    let coder = axis::code::Coder::new(&dict, &verbs, &cameo);
    g.bench_function("whole: text+dates+actors+events (axis code)", |b| {
        b.iter(|| {
            let mut sentences = 0usize;
            for (id, d, t) in &raw {
                let doc = Document::new(id.as_str(), t.as_str(), *d);
                sentences += coder.code_document(&doc, false).sentences.len();
            }
            assert_eq!(sentences, n_sentences);
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Throughput of the input readers, in bytes per second, on inputs generated here: HTML pages of
//! two sizes (equal throughput shows linear time), a page nested 100,000 deep, an RSS feed and a
//! gzipped JSONL corpus. Each result includes building the `Document`s (tokens, sentences), as
//! `axis code` and `axis ingest` see it. Every bench asserts what it read.
//!
//! Run: `cargo bench -p axis --bench readers`.

// criterion's macros define undocumented public items.
#![allow(missing_docs)]

use axis::io::{Input, ReadOptions, Reader};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::io::Write;
use std::path::Path;

const PARAGRAPH: &str = "<p>Russian troops attacked Ukrainian positions on Saturday, officials said &mdash; \
    the talks in <a href=\"/minsk\">Minsk</a> ended without a deal &amp; both sides left.</p>\n";

/// A news page of about `kb` KiB: head metadata, furniture, then paragraphs inside an article.
fn page(kb: usize) -> String {
    let mut s = String::from(
        "<!DOCTYPE html><html><head><title>T</title>\
         <meta property=\"article:published_time\" content=\"2019-02-02T10:00:00Z\">\
         <script>var a = 1 < 2;</script><style>p { margin: 0 }</style></head><body>\
         <header><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/w\">World</a></li></ul></nav></header>\
         <main><article><h1>Troops clash</h1>\n",
    );
    while s.len() < kb << 10 {
        s.push_str(PARAGRAPH);
        s.push_str("<div class=\"share-bar\"><a href=\"#\">Share</a></div>\n");
    }
    s.push_str("</article></main><footer>&copy; 2019</footer></body></html>");
    s
}

fn feed(items: usize) -> String {
    let mut s = String::from("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>\n");
    for i in 0..items {
        s.push_str(&format!(
            "<item><title>Item {i}</title><guid>g{i}</guid><pubDate>Sat, 02 Feb 2019 10:00:00 GMT</pubDate>\
             <description>&lt;p&gt;Russian troops attacked Ukrainian positions, officials said.&lt;/p&gt;</description></item>\n"
        ));
    }
    s.push_str("</channel></rss>");
    s
}

fn jsonl_gz(lines: usize) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    for i in 0..lines {
        writeln!(
            enc,
            "{{\"id\":\"d{i}\",\"date\":\"2019-02-02\",\"text\":\"Russian troops attacked Ukrainian positions, officials said.\"}}"
        )
        .unwrap();
    }
    enc.finish().unwrap()
}

/// Reads `bytes` as `name`; returns (documents, total sentences).
fn read(name: &str, bytes: &[u8]) -> (usize, usize) {
    let (mut docs, mut sentences) = (0, 0);
    Reader::new(ReadOptions::default()).read_bytes(Path::new(name), bytes, &mut |item| {
        if let Input::Document(d) = item {
            docs += 1;
            sentences += d.sentences().len();
        }
    });
    (docs, sentences)
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("readers");
    group.sample_size(10);
    for kb in [512, 4096] {
        let p = page(kb);
        let paragraphs = p.matches("<p>").count();
        assert_eq!(read("page.html", p.as_bytes()), (1, 1 + paragraphs), "one page, every paragraph read");
        group.throughput(Throughput::Bytes(p.len() as u64));
        group.bench_function(format!("html {kb} KiB"), |b| b.iter(|| read("page.html", p.as_bytes())));
    }
    let deep =
        format!("{}<p>Deep text here.</p>{}", "<div><span>".repeat(100_000), "</span></div>".repeat(100_000));
    assert_eq!(read("deep.html", deep.as_bytes()), (1, 1));
    group.throughput(Throughput::Bytes(deep.len() as u64));
    group.bench_function("html nested 100k deep", |b| b.iter(|| read("deep.html", deep.as_bytes())));
    let f = feed(5_000);
    assert_eq!(read("feed.rss", f.as_bytes()).0, 5_000);
    group.throughput(Throughput::Bytes(f.len() as u64));
    group.bench_function("rss 5k items", |b| b.iter(|| read("feed.rss", f.as_bytes())));
    let gz = jsonl_gz(20_000);
    assert_eq!(read("c.jsonl.gz", &gz).0, 20_000);
    group.throughput(Throughput::Elements(20_000));
    group.bench_function("jsonl.gz 20k records", |b| b.iter(|| read("c.jsonl.gz", &gz)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

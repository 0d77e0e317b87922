//! GDELT import throughput, in rows per second (target: 1,000,000 rows/s on one core).
//!
//! The input is generated: 1,000 distinct rows written for this bench (GDELT 1.0 daily and 2.0
//! layouts, varied ids, dates, actors, codes, places and URLs), streamed 1,000 times over by a
//! reader, so one million rows pass through the importer without a million-row file in memory.
//! Each run asserts that every row was imported, so the bench cannot silently measure nothing.
//!
//! Run: `cargo bench -p axis --bench import`.

// criterion's macros define undocumented public items.
#![allow(missing_docs)]

use axis::import::{Flow, ImportOptions, Imported, Importer};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::io::Read;
use std::path::Path;

const DISTINCT: usize = 1_000;
const REPEAT: usize = 1_000;

/// One generated row; `i` varies every field that matters.
fn row(i: usize) -> String {
    let actors = ["USAGOV", "RUS", "CHNMIL", "GBRGOV", "IRNGOVMIL", "", "FRA", "deuCOP", "UKRMIL", "IGOUNO"];
    let names = ["UNITED STATES", "RUSSIA", "CHINA", "UNITED KINGDOM", "IRAN", "", "FRANCE", "GERMANY"];
    let codes = ["010", "042", "0231", "112", "190", "036", "1823", "057", "173", "0834"];
    let code = codes[i % codes.len()];
    let root = &code[..2];
    let quad = match root.parse::<u8>().unwrap_or(1) {
        1..=5 => 1,
        6..=9 => 2,
        10..=14 => 3,
        _ => 4,
    };
    let gdelt2 = i % 3 == 0;
    let (a1, a2) = (actors[i % actors.len()], actors[(i * 7 + 3) % actors.len()]);
    let (n1, n2) = (names[i % names.len()], names[(i * 5 + 1) % names.len()]);
    let day = 1 + i % 28;
    let mut f: Vec<String> = vec![
        format!("{}", 800_000_000 + i),
        format!("201902{day:02}"),
        "201902".into(),
        "2019".into(),
        "2019.0877".into(),
        a1.into(),
        n1.into(),
        a1.get(..3).unwrap_or("").into(),
    ];
    f.extend(std::iter::repeat_n(String::new(), 7));
    f.extend([a2.into(), n2.into(), a2.get(..3).unwrap_or("").into()]);
    f.extend(std::iter::repeat_n(String::new(), 7));
    f.extend([
        (i % 2).to_string(),
        code.into(),
        code[..3.min(code.len())].into(),
        root.into(),
        quad.to_string(),
        format!("{:.1}", (i % 200) as f32 / 10.0 - 10.0),
        (1 + i % 40).to_string(),
        (1 + i % 5).to_string(),
        (1 + i % 30).to_string(),
        format!("{:.14}", (i % 97) as f64 / 7.0 - 5.0),
    ]);
    for g in 0..3 {
        f.extend([
            "4".into(),
            format!("Place {}, Region {}, Country {}", i % 101, g, i % 13),
            "RS".into(),
            "RS48".into(),
        ]);
        if gdelt2 {
            f.push(format!("{}", 10_000 + i % 500));
        }
        f.extend([
            format!("{:.4}", 55.0 + (i % 90) as f64 / 100.0),
            format!("{:.4}", 37.0 - (i % 80) as f64 / 100.0),
        ]);
        f.push(format!("-{}", 2_960_000 + i));
    }
    f.push(if gdelt2 { format!("201902{day:02}101500") } else { format!("201902{day:02}") });
    f.push(format!("https://news.example.org/world/2019/02/{day:02}/story-{i}-about-something.html"));
    f.join("\t")
}

/// Streams the pool of distinct rows `REPEAT` times.
struct Rows<'a> {
    pool: &'a [u8],
    at: usize,
    left: usize,
}

impl Read for Rows<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.at == self.pool.len() {
            if self.left == 0 {
                return Ok(0);
            }
            self.left -= 1;
            self.at = 0;
        }
        let n = buf.len().min(self.pool.len() - self.at);
        buf[..n].copy_from_slice(&self.pool[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

fn bench(c: &mut Criterion) {
    let pool: String = (0..DISTINCT).map(|i| row(i) + "\n").collect();
    let total = (DISTINCT * REPEAT) as u64;
    eprintln!("bench input: {total} rows, {} MB", pool.len() * REPEAT / 1_000_000);
    let mut g = c.benchmark_group("import");
    g.sample_size(10);
    g.throughput(Throughput::Elements(total));
    g.bench_function("gdelt rows", |b| {
        b.iter(|| {
            let mut importer = Importer::gdelt(ImportOptions::default());
            let mut events = 0u64;
            let mut problems = Vec::new();
            let rows = Rows { pool: pool.as_bytes(), at: pool.len(), left: REPEAT };
            let summary = importer.import_reader(Path::new("generated"), rows, &mut |item| {
                match item {
                    Imported::Event(e) => events += u64::from(e.origin_id > 0),
                    Imported::Warning(w) | Imported::Skipped(w) => problems.push(w.to_string()),
                }
                Flow::Continue(())
            });
            assert_eq!(problems.first(), None);
            assert_eq!((summary.imported, events), (total, total));
            events
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

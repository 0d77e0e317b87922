//! Throughput of the relations analyses, in events per second: a million synthetic events among
//! five actors over ten years pushed through a dyad, a triangle and a five-actor balance
//! collector, and 100,000 JSON event lines read. Every bench asserts what it counted.
//!
//! Run: `cargo bench -p axis --bench relations`.

// criterion's macros define undocumented public items.
#![allow(missing_docs)]

use axis::relations::balance::{BalanceCollector, BalanceOptions};
use axis::relations::dyad::{DyadCollector, DyadOptions};
use axis::relations::period::Period;
use axis::relations::triangle::{TriangleCollector, TriangleOptions};
use axis::relations::{read_jsonl, Actor, EventId, RelEvent};
use axis::when::Date;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;

const ACTORS: [&str; 8] = ["USA", "USAGOV", "CHN", "CHNMIL", "RUS", "RUSGOV", "IND", "JPN"];
const CODES: [&str; 9] = ["042", "043", "057", "061", "071", "0231", "112", "173", "190"];

/// `n` events from a fixed generator (64-bit LCG), spread over 2010–2019.
fn events(n: usize) -> Vec<RelEvent> {
    let mut state = 42u64;
    let mut next = |m: usize| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % m
    };
    let start = Date::new(2010, 1, 1).unwrap();
    (0..n)
        .map(|i| {
            let (s, t) = (ACTORS[next(8)], ACTORS[next(8)]);
            let code = CODES[next(9)];
            let g = next(21) as f32 - 10.0;
            RelEvent::new(EventId(i as u64), start.add_days(next(3650) as i32), s, t, code, g).unwrap()
        })
        .collect()
}

fn actor(s: &str) -> Actor {
    Actor::parse(s).unwrap()
}

fn bench(c: &mut Criterion) {
    let evs = events(1_000_000);
    let mut g = c.benchmark_group("relations");
    g.sample_size(10);
    g.throughput(Throughput::Elements(evs.len() as u64));
    g.bench_function("dyad CHN-RUS by month, 1M events", |b| {
        b.iter(|| {
            let mut d = DyadCollector::new(actor("CHN"), actor("RUS"), DyadOptions::new(Period::Month));
            evs.iter().for_each(|e| d.push(e));
            let s = d.finish(None);
            assert_eq!(s.rows.len(), 120);
            assert!(s.total().total() > 50_000);
        })
    });
    g.bench_function("triangle USA-CHN-RUS by month, 1M events", |b| {
        b.iter(|| {
            let mut t = TriangleCollector::new(
                [actor("USA"), actor("CHN"), actor("RUS")],
                TriangleOptions::new(Period::Month),
            );
            evs.iter().for_each(|e| t.push(e));
            assert_eq!(t.finish().rows.len(), 120);
        })
    });
    g.bench_function("balance of 5 by quarter, 1M events", |b| {
        b.iter(|| {
            let who = ["USA", "CHN", "RUS", "IND", "JPN"].map(actor).to_vec();
            let mut t = BalanceCollector::new(who, BalanceOptions::new(Period::Quarter));
            evs.iter().for_each(|e| t.push(e));
            assert_eq!(t.finish().rows.len(), 40);
        })
    });
    let jsonl: String = evs[..100_000]
        .iter()
        .map(|e| {
            format!(
                "{{\"doc\":\"b\",\"sentence\":0,\"sentence_text\":\"x\",\"date_start\":\"{}\",\"date_end\":\"{}\",\
                 \"source\":\"{}\",\"target\":\"{}\",\"code\":\"{}\",\"quad_class\":{},\"goldstein\":{},\"negated\":false}}\n",
                e.day,
                e.end,
                e.source,
                e.target,
                e.code,
                e.quad.number(),
                e.goldstein
            )
        })
        .collect();
    g.throughput(Throughput::Elements(100_000));
    g.bench_function("read_jsonl, 100k event lines", |b| {
        b.iter(|| {
            let mut n = 0;
            let sum =
                read_jsonl(Path::new("bench.jsonl"), &jsonl, &mut |_, _| n += 1, &mut |e| panic!("{e}"));
            assert_eq!((n, sum.events), (100_000, 100_000));
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! The seed column (../shared/seed/), coded by axis and read back as relations events: does it
//! show what the column says — the Soviet Union the senior partner of the 1950s, China and Russia
//! aligned in the late 2010s? Skips, saying why, when `../shared` is absent.

use axis::cameo::CameoTable;
use axis::code::Coder;
use axis::dict::{Dictionary, VerbDictionary};
use axis::io::EventRecord;
use axis::relations::asymmetry::AsymmetryCollector;
use axis::relations::period::{Period, Span};
use axis::relations::sign::{Sign, SignRule};
use axis::relations::triangle::{TriangleCollector, TriangleOptions};
use axis::relations::{read_jsonl, Actor};
use axis::text::Document;
use axis::when::Date;
use std::path::Path;

#[test]
fn the_seed_column_as_relations() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed/beijing-moscow-axis.txt");
    let Ok(text) = std::fs::read_to_string(&seed) else {
        eprintln!("skipped: {} is absent (the seed column lives in ../shared/)", seed.display());
        return;
    };
    let dict = Dictionary::builtin().expect("actor dictionaries");
    let verbs = VerbDictionary::builtin().unwrap_or_else(|e| panic!("{e}"));
    let cameo = CameoTable::builtin().expect("CAMEO table");
    let coder = Coder::new(&dict, &verbs, &cameo);
    let doc = Document::new("seed", text, Date::new(2019, 2, 2));
    let coded = coder.code_document(&doc, false);
    let jsonl: String = coded
        .events
        .iter()
        .map(|e| serde_json::to_string(&EventRecord::new(&coder, &doc, e)).unwrap() + "\n")
        .collect();
    let mut events = Vec::new();
    let summary = read_jsonl(Path::new("seed.jsonl"), &jsonl, &mut |e, _| events.push(e), &mut |e| {
        panic!("our own records must read back: {e}")
    });
    assert!(summary.events >= 10, "{summary:?}");
    let actor = |s: &str| Actor::parse(s).unwrap();

    // The 1950s: the aid flows from Moscow to Beijing, never back.
    let span = Span { from: Date::new(1950, 1, 1), to: Date::new(1959, 12, 31) };
    let mut asym = AsymmetryCollector::new(actor("SUN"), actor("CHN"), Period::Year, span, false);
    events.iter().for_each(|e| asym.push(e));
    let s = asym.finish(None);
    assert!(s.total.ab.aid >= 2 && s.total.ba.aid == 0, "{:?}", s.total);
    assert_eq!(s.total.a_senior_score, Some(1.0));

    // 2018–2019: China and Russia cooperate (joint exercises, trade); in 2018 the United States
    // works to "roll back China's world power aspirations" (coercion, USA → CHN). The column
    // codes nothing between the United States and Russia in those years, so the triangle has one
    // side unknown: the data say "aligned, and the US against China", no more.
    let mut opts = TriangleOptions::new(Period::Year);
    opts.span = Span { from: Date::new(2018, 1, 1), to: Date::new(2019, 12, 31) };
    opts.rule = SignRule { min_events: 1, margin: 0.2 };
    let mut tri = TriangleCollector::new([actor("USA"), actor("CHN"), actor("RUS")], opts);
    events.iter().for_each(|e| tri.push(e));
    let t = tri.finish();
    assert_eq!(t.rows.len(), 2);
    for r in &t.rows {
        assert_eq!(r.sides[2].sign, Sign::Positive, "CHN-RUS in {}", r.period);
        assert_eq!(r.sides[1].tally.total(), 0, "USA-RUS in {}", r.period);
    }
    assert_eq!(t.rows[0].sides[0].sign, Sign::Negative, "USA-CHN in 2018");
}

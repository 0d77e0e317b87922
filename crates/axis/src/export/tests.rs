//! Round trips: GDELT rows imported, exported as GDELT and imported again keep every stored
//! field; axis events exported as GDELT come back with their codes, dates and scores; PLOVER
//! records carry the mapped fields.

use super::*;
use crate::import::{Flow, ImportOptions, Imported, Importer};
use crate::store::{EventQuery, ImportRow, Store};
use serde_json::Value;
use std::path::Path;

/// Imports GDELT text into `store`; returns (rows imported, problems).
fn import(store: &mut Store, name: &str, text: &[u8]) -> (u64, Vec<String>) {
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut importer = Importer::gdelt(ImportOptions::default());
    let summary = importer.import_reader(Path::new(name), text, &mut |item| {
        match item {
            Imported::Event(e) => rows.push(ImportRow::from_imported(e)),
            Imported::Warning(w) | Imported::Skipped(w) => problems.push(w.to_string()),
        }
        Flow::Continue(())
    });
    let counts = store.insert_imported("gdelt", &rows).unwrap();
    assert!(counts.rejected.is_empty(), "{:?}", counts.rejected);
    (summary.imported, problems)
}

fn records(store: &Store) -> Vec<ExportRecord> {
    let mut out = Vec::new();
    store
        .export_records(&EventQuery::default(), |r| {
            out.push(r);
            true
        })
        .unwrap();
    out
}

fn export_gdelt(store: &Store) -> Vec<u8> {
    let mut w = GdeltWriter::new(Vec::new());
    for r in records(store) {
        assert!(w.write(&r).unwrap(), "undated: {r:?}");
    }
    w.finish().unwrap()
}

/// Everything stored about an event, as JSON, keyed by its origin id. A GDELT 1.0 row written
/// back in the 2.0 layout is a `gdelt2` row: the `dataset` attribute is checked, then left out.
fn stored(store: &Store) -> Vec<(String, Value)> {
    records(store)
        .into_iter()
        .map(|mut r| {
            let dataset = r.attributes.remove("dataset");
            assert!(matches!(dataset.as_ref().and_then(Value::as_str), Some("gdelt1" | "gdelt2")));
            let mut v = serde_json::to_value(&r.event).unwrap();
            v["attributes"] = Value::Object(r.attributes);
            v["origin"] = Value::from(r.origin);
            (r.origin_id.unwrap(), v)
        })
        .collect()
}

/// Import → export → import: the second store holds the same events, field for field.
fn assert_round_trip(name: &str, text: &[u8]) -> usize {
    let mut a = Store::in_memory().unwrap();
    let (imported, _) = import(&mut a, name, text);
    let file = export_gdelt(&a);
    for line in String::from_utf8_lossy(&file).lines() {
        assert_eq!(line.split('\t').count(), gdelt::COLUMNS, "{line}");
    }
    let mut b = Store::in_memory().unwrap();
    let (again, problems) = import(&mut b, "export.tsv", &file);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(again, imported);
    let (before, after) = (stored(&a), stored(&b));
    assert_eq!(before.len(), after.len());
    for ((id, x), (id2, y)) in before.iter().zip(&after) {
        assert_eq!(id, id2);
        assert_eq!(x, y, "event {id}");
    }
    before.len()
}

/// Our own rows: both layouts, every actor part and geo block filled, lower-case ethnic codes,
/// a negative feature id, a 14-digit DATEADDED and one with a day only.
fn our_rows() -> String {
    let actor = |code: &str, name: &str| format!("{code}\t{name}\tRUS\tUNO\tbel\tCHR\tCTH\tGOV\tMIL\tREB");
    let geo2 =
        |t: u8, lat: &str| format!("{t}\tKyiv, Kyyiv, Ukraine\tUP\tUP12\t23456\t{lat}\t30.5167\t-1037800");
    let geo1 = |t: u8, lat: &str| format!("{t}\tMoscow, Moskva, Russia\tRS\tRS48\t{lat}\t37.6156\t-2960561");
    let event = "1\t0231\t023\t02\t1\t3.4\t12\t3\t11\t-2.71828182845905";
    let mut s = String::new();
    s += &format!(
        "900000001\t20220224\t202202\t2022\t2022.1699\t{}\t{}\t{event}\t{}\t{}\t{}\t20220224103000\thttps://example.org/a\n",
        actor("RUSGOV", "RUSSIA"),
        actor("UKRMIL", "UKRAINE"),
        geo2(4, "50.45"),
        geo2(1, "49"),
        geo2(4, "50.4333")
    );
    s += &format!(
        "900000002\t19990301\t199903\t1999\t1999.1726\t{}\t{}\t0\t190\t190\t19\t4\t-10.0\t1\t1\t1\t0\t{}\t{}\t{}\t19990302\n",
        actor("deuCOP", "GERMANY"),
        actor("", ""),
        geo1(4, "55.7522"),
        geo1(0, ""),
        geo1(3, "55.75")
    );
    s
}

#[test]
fn our_gdelt_rows_survive_export_and_import() {
    assert_eq!(assert_round_trip("ours.tsv", our_rows().as_bytes()), 2);
}

#[test]
fn the_gdelt_samples_survive_export_and_import() {
    for (file, at_least) in
        [("gdelt/gdelt1_events_sample_710.tsv", 700), ("gdelt/gdelt2_events_sample_50_from_gdeltPyR.tsv", 50)]
    {
        let path = crate::testing::shared_path(file);
        let Ok(text) = std::fs::read(&path) else {
            eprintln!("skipped: {} is absent (the reference data in ../shared)", path.display());
            continue;
        };
        let n = assert_round_trip(file, &text);
        assert!(n >= at_least, "{file}: {n} events");
    }
}

#[test]
fn axis_events_exported_as_gdelt_keep_codes_dates_and_scores() {
    use crate::cameo::CameoTable;
    use crate::code::Coder;
    use crate::dict::{Dictionary, VerbDictionary};
    use crate::store::{ingest, IngestOptions};
    let (dict, verbs, cameo) =
        (Dictionary::builtin().unwrap(), VerbDictionary::builtin().unwrap(), CameoTable::builtin().unwrap());
    let coder = Coder::new(&dict, &verbs, &cameo);
    let mut a = Store::in_memory().unwrap();
    let demo = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples/demo.jsonl");
    ingest(&mut a, &coder, "v", &[demo], &IngestOptions::default(), &mut |_| {}).unwrap();
    let originals = records(&a);
    assert!(originals.len() >= 5, "{} events", originals.len());
    let mut w = GdeltWriter::new(Vec::new());
    let mut dated = Vec::new();
    for r in originals {
        if w.write(&r).unwrap() {
            dated.push(r);
        }
    }
    assert_eq!(w.undated() as usize + dated.len(), w.written() as usize + w.undated() as usize);
    let file = w.finish().unwrap();
    let mut b = Store::in_memory().unwrap();
    let (n, problems) = import(&mut b, "axis.tsv", &file);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(n as usize, dated.len());
    for (x, y) in dated.iter().zip(records(&b)) {
        let (e, f) = (&x.event, &y.event);
        assert_eq!(y.origin_id, Some(x.id.to_string()));
        let date = if e.date_start.is_empty() { &e.story_date } else { &e.date_start };
        assert_eq!(&f.date_start, date);
        assert_eq!(
            (&f.source, &f.target, &f.source_text, &f.target_text, &f.code, &f.root, f.quad_class, &f.url),
            (&e.source, &e.target, &e.source_text, &e.target_text, &e.code, &e.root, e.quad_class, &e.url)
        );
        assert_eq!(f.goldstein, e.goldstein);
        assert_eq!(y.attributes.get("num_mentions"), Some(&Value::from(1)));
        assert_eq!(y.attributes.get("is_root_event"), Some(&Value::from(e.sentence == 0)));
    }
}

#[test]
fn plover_records_use_plover_names() {
    let mut store = Store::in_memory().unwrap();
    import(&mut store, "ours.tsv", our_rows().as_bytes());
    let mut w = PloverWriter::new(Vec::new());
    for r in records(&store) {
        w.write(&r).unwrap();
    }
    assert_eq!(w.written(), 2);
    let out = String::from_utf8(w.finish().unwrap()).unwrap();
    let lines: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let first = &lines[0];
    let cases: &[(&str, Value)] = &[
        ("id", "gdelt-900000001".into()),
        ("date", "2022-02-24".into()),
        ("quad_code", 1.into()),
        ("cameo_code", "0231".into()),
        ("cameo_root", "02".into()),
        ("coder", "gdelt".into()),
        ("origin_id", "900000001".into()),
        ("goldstein", 3.4.into()),
    ];
    for (key, want) in cases {
        assert_eq!(&first[key], want, "{key}: {first}");
    }
    assert_eq!(first["actor"][0]["code"], "RUS");
    assert_eq!(first["actor"][0]["sector"], "GOV");
    assert_eq!(first["actor"][0]["cameo_actor"], "RUSGOV");
    assert_eq!(first["actor"][0]["entity_text"], "RUSSIA");
    assert_eq!(first["recipient"][0]["cameo_actor"], "UKRMIL");
    assert_eq!(first["event_loc"]["resolved_place"], "Kyiv, Kyyiv, Ukraine");
    assert_eq!(first["event_loc"]["lat"], 50.4333);
    assert_eq!(first["cite_info"]["url"], "https://example.org/a");
    // CAMEO 02 (appeal) is dropped by PLOVER: no category, the CAMEO code says what it was.
    assert_eq!(first["event"], Value::Array(vec![]));
    let second = &lines[1];
    assert_eq!(second["recipient"], Value::Array(vec![]));
    assert_eq!(second["event"], serde_json::json!(["ASSAULT"]));
    assert_eq!(second["quad_code"], 4);
    assert!(second.get("context").is_none() && second["cite_info"].get("url").is_none());
}

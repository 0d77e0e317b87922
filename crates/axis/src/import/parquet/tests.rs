//! Parquet import tests: axis's export read back and stored field for field, Spark's layout
//! (partition directories, Snappy, NULLs, `_SUCCESS`), files with only the required columns, and
//! every kind of error named by file, row group, row and column.

use super::*;
use crate::cameo::CameoTable;
use crate::code::Coder;
use crate::dict::{Dictionary, VerbDictionary};
use crate::export::ParquetWriter;
use crate::import::{ImportOptions, Imported, Importer};
use crate::store::{ingest, EventQuery, ExportRecord, IngestOptions, Store};
use parquet::basic::Compression;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, FloatType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use serde_json::{json, Value};
use std::sync::Arc;

fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("axis-parquet-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// What one import delivered.
#[derive(Default)]
struct Got {
    events: Vec<ParquetEvent>,
    warnings: Vec<String>,
    skipped: Vec<String>,
    summary: Summary,
}

fn read(path: &Path) -> Got {
    let mut got = Got::default();
    let mut importer = ParquetImporter::new();
    got.summary = importer.import_path(path, &mut |item| {
        match item {
            ParquetItem::Event(e) => got.events.push(e.clone()),
            ParquetItem::Warning(w) => got.warnings.push(w.to_string()),
            ParquetItem::Skipped(s) => got.skipped.push(s.to_string()),
        }
        Flow::Continue(())
    });
    got
}

/// Column types of the test tables.
#[derive(Clone, Copy, Debug)]
enum Ty {
    Text,
    I64,
    I32,
    F32,
    F64,
    Bool,
    Date32,
}

/// Writes `rows` (JSON objects; a missing key is NULL) as a Parquet file with `columns` (name,
/// type, optional), `group` rows per row group.
fn write_table(path: &Path, columns: &[(&str, Ty, bool)], rows: &[Value], group: usize, snappy: bool) {
    let fields: Vec<String> = columns
        .iter()
        .map(|(name, ty, optional)| {
            let rep = if *optional { "optional" } else { "required" };
            let (t, ann) = match ty {
                Ty::Text => ("binary", " (UTF8)"),
                Ty::I64 => ("int64", ""),
                Ty::I32 => ("int32", ""),
                Ty::Date32 => ("int32", " (DATE)"),
                Ty::F32 => ("float", ""),
                Ty::F64 => ("double", ""),
                Ty::Bool => ("boolean", ""),
            };
            format!("{rep} {t} {name}{ann};")
        })
        .collect();
    let schema = parquet::schema::parser::parse_message_type(&format!(
        "message spark_schema {{ {} }}",
        fields.join(" ")
    ))
    .unwrap();
    let mut props = WriterProperties::builder();
    if snappy {
        props = props.set_compression(Compression::SNAPPY);
    }
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let file = std::fs::File::create(path).unwrap();
    let mut w = SerializedFileWriter::new(file, Arc::new(schema), Arc::new(props.build())).unwrap();
    for chunk in rows.chunks(group.max(1)) {
        let mut g = w.next_row_group().unwrap();
        let mut i = 0;
        while let Some(mut col) = g.next_column().unwrap() {
            let (name, ty, optional) = columns[i];
            let cells: Vec<&Value> = chunk.iter().map(|r| r.get(name).unwrap_or(&Value::Null)).collect();
            let levels: Vec<i16> = cells.iter().map(|c| i16::from(!c.is_null())).collect();
            let levels = optional.then_some(levels.as_slice());
            let present = cells.iter().filter(|c| !optional || !c.is_null());
            match ty {
                Ty::Text => {
                    let v: Vec<ByteArray> = present
                        .map(|c| match c {
                            Value::String(s) => ByteArray::from(s.as_str()),
                            Value::Null => ByteArray::from(""),
                            v => ByteArray::from(v.to_string().as_str()),
                        })
                        .collect();
                    col.typed::<ByteArrayType>().write_batch(&v, levels, None).unwrap();
                }
                Ty::I64 => {
                    let v: Vec<i64> = present.map(|c| c.as_i64().unwrap_or(0)).collect();
                    col.typed::<Int64Type>().write_batch(&v, levels, None).unwrap();
                }
                Ty::I32 | Ty::Date32 => {
                    let v: Vec<i32> = present.map(|c| c.as_i64().unwrap_or(0) as i32).collect();
                    col.typed::<Int32Type>().write_batch(&v, levels, None).unwrap();
                }
                Ty::F32 => {
                    let v: Vec<f32> = present.map(|c| c.as_f64().unwrap_or(0.0) as f32).collect();
                    col.typed::<FloatType>().write_batch(&v, levels, None).unwrap();
                }
                Ty::F64 => {
                    let v: Vec<f64> = present.map(|c| c.as_f64().unwrap_or(0.0)).collect();
                    col.typed::<DoubleType>().write_batch(&v, levels, None).unwrap();
                }
                Ty::Bool => {
                    let v: Vec<bool> = present.map(|c| c.as_bool().unwrap_or(false)).collect();
                    col.typed::<BoolType>().write_batch(&v, levels, None).unwrap();
                }
            }
            col.close().unwrap();
            i += 1;
        }
        g.close().unwrap();
    }
    w.close().unwrap();
}

/// The event columns the Spark job writes (`EVENT_SCHEMA` in scale/spark/axis_job.py), all
/// nullable as Spark writes them.
const SPARK: [(&str, Ty, bool); 35] = [
    ("doc", Ty::Text, true),
    ("sentence", Ty::I64, true),
    ("sentence_text", Ty::Text, true),
    ("date_start", Ty::Text, true),
    ("date_end", Ty::Text, true),
    ("date_granularity", Ty::Text, true),
    ("date_fallback", Ty::Bool, true),
    ("story_date", Ty::Text, true),
    ("source", Ty::Text, true),
    ("source_actor", Ty::Text, true),
    ("source_agent", Ty::Text, true),
    ("source_text", Ty::Text, true),
    ("source_start", Ty::I64, true),
    ("source_end", Ty::I64, true),
    ("target", Ty::Text, true),
    ("target_actor", Ty::Text, true),
    ("target_agent", Ty::Text, true),
    ("target_text", Ty::Text, true),
    ("target_start", Ty::I64, true),
    ("target_end", Ty::I64, true),
    ("code", Ty::Text, true),
    ("root", Ty::Text, true),
    ("quad_class", Ty::I32, true),
    ("goldstein", Ty::F32, true),
    ("plover_event", Ty::Text, true),
    ("plover_mode", Ty::Text, true),
    ("negated", Ty::Bool, true),
    ("modality", Ty::Text, true),
    ("verb", Ty::Text, true),
    ("verb_start", Ty::I64, true),
    ("verb_end", Ty::I64, true),
    ("pattern_start", Ty::I64, true),
    ("pattern_end", Ty::I64, true),
    ("pattern", Ty::Text, true),
    ("url", Ty::Text, true),
];

/// A GDELT 1.0 daily row (58 columns) of our own making.
const GDELT_ROW: &str =
    "900000001\t20220224\t202202\t2022\t2022.1699\tRUSGOV\tRUSSIA\tRUS\t\t\t\t\tGOV\t\t\t\
    UKRMIL\tUKRAINE\tUKR\t\t\t\t\tMIL\t\t\t1\t190\t190\t19\t4\t-10.0\t12\t3\t11\t-2.5\t\
    4\tMoscow, Moskva, Russia\tRS\tRS48\t55.7522\t37.6156\t-2960561\t\
    4\tKyiv, Kyyiv, Ukraine\tUP\tUP12\t50.4333\t30.5167\t-1037800\t\
    4\tKyiv, Kyyiv, Ukraine\tUP\tUP12\t50.4333\t30.5167\t-1037800\t20220224\thttps://example.org/a\n";

/// The demo corpus ingested and coded by axis, plus one GDELT row imported.
fn demo_store() -> Store {
    let (dict, verbs, cameo) =
        (Dictionary::builtin().unwrap(), VerbDictionary::builtin().unwrap(), CameoTable::builtin().unwrap());
    let coder = Coder::new(&dict, &verbs, &cameo);
    let mut store = Store::in_memory().unwrap();
    let demo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples/demo.jsonl");
    ingest(&mut store, &coder, "v", &[demo], &IngestOptions::default(), &mut |_| {}).unwrap();
    let mut rows = Vec::new();
    let mut importer = Importer::gdelt(ImportOptions::default());
    importer.import_reader(Path::new("ours.tsv"), GDELT_ROW.as_bytes(), &mut |item| {
        match item {
            Imported::Event(e) => rows.push(ImportRow::from_imported(e)),
            other => panic!("{other:?}"),
        }
        Flow::Continue(())
    });
    assert_eq!(store.insert_imported("gdelt", &rows).unwrap().inserted, 1);
    store
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

/// Field-by-field comparison of two event records, naming the field that differs.
fn assert_same_record(got: &EventRecord, want: &EventRecord, what: &str) {
    let names = crate::export::PARQUET_COLUMNS[3..38].iter();
    for ((name, g), w) in names.zip(got.fields()).zip(want.fields()) {
        assert_eq!(g, w, "{what}: field {name}");
    }
}

/// A stored imported event with its evidence back: the columns, overlaid with the `record`
/// attribute `to_import_row` wrote.
fn restored(r: &ExportRecord) -> (EventRecord, Map<String, Value>) {
    let mut e = r.event.clone();
    let mut attributes = r.attributes.clone();
    let Some(Value::Object(rec)) = attributes.remove(RECORD_ATTRIBUTE) else { panic!("no record: {r:?}") };
    let text = |k: &str| rec.get(k).and_then(Value::as_str).map(str::to_string);
    let num = |k: &str| rec[k].as_u64().unwrap() as u32;
    e.doc = text("doc").unwrap();
    e.sentence = rec["sentence"].as_u64().unwrap() as usize;
    e.date_fallback = rec["date_fallback"].as_bool().unwrap();
    (e.source_start, e.source_end, e.target_start, e.target_end) =
        (num("source_start"), num("source_end"), num("target_start"), num("target_end"));
    (e.verb_start, e.verb_end, e.pattern_start, e.pattern_end) =
        (num("verb_start"), num("verb_end"), num("pattern_start"), num("pattern_end"));
    (e.modality, e.verb, e.pattern) =
        (text("modality").unwrap(), text("verb").unwrap(), text("pattern").unwrap());
    if let Some(root) = text("root") {
        e.root = root;
    }
    (e, attributes)
}

#[test]
fn export_then_import_is_equal_field_for_field() {
    let a = demo_store();
    let originals = records(&a);
    assert!(originals.len() >= 6, "{} events", originals.len());
    let dir = tempdir("round-trip");
    let path = dir.join("events.parquet");
    let mut w = ParquetWriter::new(std::fs::File::create(&path).unwrap()).unwrap();
    for r in &originals {
        w.write(r).unwrap();
    }
    w.finish().unwrap();

    // The file read back: every column of every row as exported.
    let got = read(&path);
    assert!(got.skipped.is_empty() && got.warnings.is_empty(), "{:?} {:?}", got.skipped, got.warnings);
    assert_eq!(got.summary.rows, originals.len() as u64);
    assert_eq!(got.events.len(), originals.len());
    for (g, o) in got.events.iter().zip(&originals) {
        let what = format!("event {}", o.id);
        assert_eq!(g.id, Some(o.id), "{what}");
        assert_eq!(g.origin.as_deref(), Some(o.origin.as_str()), "{what}");
        assert_eq!(g.origin_id, o.origin_id, "{what}");
        assert_same_record(&g.event, &o.event, &what);
        assert_eq!(g.attributes, o.attributes, "{what}");
    }

    // Stored: the columns plus the `record` attribute give every field back.
    let rows: Vec<ImportRow> = got.events.iter().map(ParquetEvent::to_import_row).collect();
    let mut b = Store::in_memory().unwrap();
    let counts = b.insert_imported("parquet", &rows).unwrap();
    assert_eq!((counts.inserted, counts.skipped), (originals.len() as u64, 0));
    let stored = records(&b);
    assert_eq!(stored.len(), originals.len());
    for (s, o) in stored.iter().zip(&originals) {
        let what = format!("event {} stored as {}", o.id, s.id);
        assert_eq!(s.origin, "parquet");
        let (event, attributes) = restored(s);
        assert_same_record(&event, &o.event, &what);
        assert_eq!(attributes, o.attributes, "{what}");
    }
    // What relations analytics read is the same in both stores.
    let rel = |store: &Store| {
        let mut out = Vec::new();
        store
            .events(&EventQuery::default(), |r| {
                out.push(format!(
                    "{:?} {:?} {} {} {} {:?} {:?} {:?} {}",
                    r.date_start,
                    r.date_end,
                    r.source,
                    r.target,
                    r.code,
                    r.root,
                    r.quad_class,
                    r.goldstein,
                    r.negated
                ));
                true
            })
            .unwrap();
        out
    };
    assert_eq!(rel(&a), rel(&b));

    // Importing again adds nothing.
    let again: Vec<ImportRow> = read(&path).events.iter().map(ParquetEvent::to_import_row).collect();
    let counts = b.insert_imported("parquet", &again).unwrap();
    assert_eq!((counts.inserted, counts.skipped), (0, originals.len() as u64));
}

#[test]
fn spark_layout_partitions_snappy_and_nulls() {
    let originals: Vec<EventRecord> =
        records(&demo_store()).into_iter().filter(|r| r.origin == "axis").map(|r| r.event).collect();
    let dir = tempdir("spark");
    // Spark's partitionBy("year", "month"): the partition columns are in the directory names only.
    let mut by_dir: std::collections::BTreeMap<String, Vec<Value>> = Default::default();
    for r in &originals {
        let d = match Date::parse(&r.date_start) {
            Ok(d) => format!("year={}/month={}", d.year(), d.month()),
            Err(_) => format!("year={HIVE_NULL}/month={HIVE_NULL}"),
        };
        by_dir.entry(d).or_default().push(serde_json::to_value(r).unwrap());
    }
    assert!(by_dir.len() >= 2, "{:?}", by_dir.keys());
    for (i, (d, rows)) in by_dir.iter().enumerate() {
        let name = format!("part-0000{i}-5f1c.c000.snappy.parquet");
        write_table(&dir.join(d).join(name), &SPARK, rows, 2, true);
        std::fs::write(dir.join(d).join(format!(".part-0000{i}-5f1c.c000.snappy.parquet.crc")), b"crc")
            .unwrap();
    }
    std::fs::write(dir.join("_SUCCESS"), b"").unwrap();
    let got = read(&dir);
    assert!(got.skipped.is_empty() && got.warnings.is_empty(), "{:?} {:?}", got.skipped, got.warnings);
    assert_eq!(got.summary.files, by_dir.len() as u64);
    assert_eq!(got.events.len(), originals.len());
    // Files are read in path order: match the rows by their record.
    let mut want: Vec<String> = originals.iter().map(|r| serde_json::to_string(r).unwrap()).collect();
    let mut have: Vec<String> = got.events.iter().map(|e| serde_json::to_string(&e.event).unwrap()).collect();
    want.sort();
    have.sort();
    assert_eq!(have, want);
    for e in &got.events {
        assert!(e.id.is_none() && e.origin.is_none() && e.attributes.is_empty(), "{e:?}");
    }

    // NULLs: empty text, zero, false; root, QuadClass and Goldstein from the code.
    let nulls = dir.join("nulls/year=2019/month=3/part-0.parquet");
    let row = json!({"date_start": "2019-03-02", "source": "RUSGOV", "target": "UKR", "code": "190"});
    write_table(&nulls, &SPARK, &[row], 10, false);
    let got = read(&nulls);
    assert!(got.skipped.is_empty(), "{:?}", got.skipped);
    let e = &got.events[0].event;
    assert_eq!((e.root.as_str(), e.quad_class, e.goldstein), ("19", Some(4), Some(-10.0)));
    assert_eq!((e.doc.as_str(), e.sentence, e.source_start, e.negated), ("", 0, 0, false));
    assert_eq!((e.source_actor.as_str(), e.plover_event.as_str()), ("", ""), "given columns stay as given");
}

#[test]
fn minimal_columns_take_the_rest_from_the_code() {
    let dir = tempdir("minimal");
    let path = dir.join("code=042/batch=7/events.parquet");
    let columns = [
        ("date_start", Ty::Date32, false),
        ("source", Ty::Text, false),
        ("target", Ty::Text, false),
        ("tone", Ty::F64, true),
    ];
    let days = Date::parse("2019-02-01").unwrap().to_days();
    write_table(
        &path,
        &columns,
        &[json!({"date_start": days, "source": "RUSGOV", "target": "CHN", "tone": 2.5})],
        4,
        false,
    );
    let got = read(&dir);
    assert!(got.skipped.is_empty() && got.warnings.is_empty(), "{:?} {:?}", got.skipped, got.warnings);
    let e = &got.events[0];
    let r = &e.event;
    let cameo = CameoTable::builtin().unwrap();
    let info = cameo.get(EventCode::new("042").unwrap()).unwrap();
    assert_eq!(r.code, "042", "from the partition directory");
    assert_eq!((r.date_start.as_str(), r.root.as_str(), r.quad_class), ("2019-02-01", "04", Some(1)));
    assert_eq!(r.goldstein, Some(info.goldstein));
    assert_eq!(r.plover_event, info.plover_event.clone().unwrap_or_default());
    assert_eq!((r.source_actor.as_str(), r.source_agent.as_str()), ("RUS", "GOV"));
    assert_eq!((r.target_actor.as_str(), r.target_agent.as_str()), ("CHN", ""));
    assert_eq!(e.attributes.get("tone"), Some(&json!(2.5)));
    assert_eq!(e.attributes.get("batch"), Some(&json!("7")));
    let row = e.to_import_row();
    assert_eq!(row.date_start, Date::new(2019, 2, 1));
    assert_eq!(
        (row.source.as_str(), row.code.as_str(), row.goldstein),
        ("RUSGOV", "042", Some(info.goldstein))
    );
    assert!(!row.attributes[RECORD_ATTRIBUTE].as_object().unwrap().contains_key("plover_event"));
}

/// One row with every required column, to vary.
fn good(date: &str) -> Value {
    json!({"date_start": date, "source": "USA", "target": "CHN", "code": "042", "quad_class": 1})
}

#[test]
fn errors_name_the_file_row_group_row_and_column() {
    let dir = tempdir("errors");
    let cols = |code: Ty| {
        vec![
            ("date_start", Ty::Text, true),
            ("source", Ty::Text, true),
            ("target", Ty::Text, true),
            ("code", code, true),
            ("quad_class", Ty::I32, true),
            ("attributes", Ty::Text, true),
        ]
    };
    // Row groups of three rows (three groups); five bad rows among them.
    let mut rows = vec![good("2019-03-01"); 7];
    rows[1]["code"] = json!("9-9");
    rows[3]["date_start"] = json!("2019-02-30");
    rows[4]["code"] = Value::Null;
    rows[5]["quad_class"] = json!(7);
    rows[6]["attributes"] = json!("[1, 2]");
    let path = dir.join("a/rows.parquet");
    write_table(&path, &cols(Ty::Text), &rows, 3, false);
    write_table(&dir.join("b/no-code.parquet"), &cols(Ty::Text)[..3], &[good("2019-03-01")], 3, false);
    write_table(&dir.join("c/int-code.parquet"), &cols(Ty::I64), &[json!({"code": 42})], 3, false);
    write_table(
        &dir.join("d/year=2019/month=3/moved.parquet"),
        &cols(Ty::Text),
        &[good("2019-04-01")],
        3,
        false,
    );
    std::fs::create_dir_all(dir.join("e")).unwrap();
    std::fs::write(dir.join("e/not.parquet"), b"this is not parquet").unwrap();
    let got = read(&dir);
    let p = |sub: &str| dir.join(sub).display().to_string();
    let want = [
        format!("{}: row group 0, row 1: column code: \"9-9\" is not an event code", p("a/rows.parquet")),
        format!("{}: row group 1, row 0: column date_start: \"2019-02-30\" is not a date YYYY-MM-DD", p("a/rows.parquet")),
        format!("{}: row group 1, row 1: column code: is NULL; row skipped", p("a/rows.parquet")),
        format!("{}: row group 1, row 2: column quad_class: \"7\" is not a QuadClass (1 to 4)", p("a/rows.parquet")),
        format!("{}: row group 2, row 0: column attributes: \"[1, 2]\" is not a JSON object", p("a/rows.parquet")),
        format!("{}: column code: missing (every event needs it); file skipped", p("b/no-code.parquet")),
        format!("{}: column code: is INT64, expected text (BYTE_ARRAY, UTF-8); file skipped", p("c/int-code.parquet")),
        format!(
            "{}: row group 0, row 0: column date_start: date \"2019-04-01\" is not in its partition directory \
             year=2019/month=3",
            p("d/year=2019/month=3/moved.parquet")
        ),
        format!("{}: not a readable Parquet file", p("e/not.parquet")),
    ];
    assert_eq!(got.skipped.len(), want.len(), "{:#?}", got.skipped);
    for (g, w) in got.skipped.iter().zip(&want) {
        assert!(g.starts_with(w.as_str()), "got  {g}\nwant {w}…");
    }
    // The good rows of the bad file are read, and the bad files did not stop the others.
    assert_eq!(got.events.len(), 2);
    assert_eq!(
        got.events.iter().map(|e| e.at).collect::<Vec<_>>(),
        [RowAt { row_group: 0, row: 0 }, RowAt { row_group: 0, row: 2 }]
    );
    assert_eq!((got.summary.files, got.summary.failed), (5, 3));
    assert_eq!((got.summary.rows, got.summary.imported, got.summary.skipped), (8, 2, 6));

    let empty = tempdir("errors-empty");
    std::fs::write(empty.join("_SUCCESS"), b"").unwrap();
    let got = read(&empty);
    assert_eq!(got.skipped, [format!("{}: no Parquet files (*.parquet) in this directory", empty.display())]);
    let got = read(&empty.join("missing"));
    assert!(got.skipped[0].contains("cannot read"), "{:?}", got.skipped);
}

#[test]
fn keys_are_stable_and_number_identical_rows() {
    let dir = tempdir("keys");
    let cols = [
        ("date_start", Ty::Text, false),
        ("source", Ty::Text, false),
        ("target", Ty::Text, false),
        ("code", Ty::Text, false),
    ];
    let rows = [good("2019-03-01"), good("2019-03-01"), good("2019-03-02")];
    write_table(&dir.join("a.parquet"), &cols, &rows, 10, false);
    write_table(&dir.join("b.parquet"), &cols, &rows[..1], 10, true);
    let got = read(&dir);
    let keys: Vec<&str> = got.events.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(keys.len(), 4);
    assert!(keys[0].len() == 32 && keys[0].bytes().all(|b| b.is_ascii_hexdigit()), "{}", keys[0]);
    assert_eq!(keys[1], format!("{}.2", keys[0]), "the second identical row of a file");
    assert_ne!(keys[2], keys[0]);
    assert_eq!(keys[3], keys[0], "the same row in another file (or compressed otherwise) is the same event");
    let again = read(&dir);
    assert_eq!(again.events.iter().map(|e| e.key.as_str()).collect::<Vec<_>>(), keys);
}

#[test]
fn unknown_columns_are_kept_or_ignored_with_a_warning() {
    let dir = tempdir("extra");
    let path = dir.join("x.parquet");
    let schema = "message m { required binary date_start (UTF8); required binary source (UTF8); \
                  required binary target (UTF8); required binary code (UTF8); optional int96 ts; \
                  optional boolean flag; }";
    let schema = parquet::schema::parser::parse_message_type(schema).unwrap();
    let file = std::fs::File::create(&path).unwrap();
    let mut w = SerializedFileWriter::new(file, Arc::new(schema), Default::default()).unwrap();
    let mut g = w.next_row_group().unwrap();
    let mut i = 0;
    while let Some(mut col) = g.next_column().unwrap() {
        match i {
            0..=3 => {
                let v = ["2019-03-01", "USA", "CHN", "042"][i];
                col.typed::<ByteArrayType>().write_batch(&[ByteArray::from(v)], None, None).unwrap();
            }
            4 => {
                let v = [parquet::data_type::Int96::from(vec![1, 2, 3])];
                col.typed::<parquet::data_type::Int96Type>().write_batch(&v, Some(&[1]), None).unwrap();
            }
            _ => {
                col.typed::<BoolType>().write_batch(&[true], Some(&[1]), None).unwrap();
            }
        }
        col.close().unwrap();
        i += 1;
    }
    g.close().unwrap();
    w.close().unwrap();
    let got = read(&path);
    assert_eq!(got.warnings.len(), 1, "{:?}", got.warnings);
    assert!(
        got.warnings[0].starts_with(&format!(
            "{}: column ts: not an axis event column, and of type INT96",
            path.display()
        )),
        "{}",
        got.warnings[0]
    );
    assert!(got.warnings[0].ends_with("column ignored"), "{}", got.warnings[0]);
    assert_eq!(got.events.len(), 1);
    assert_eq!(got.events[0].attributes.get("flag"), Some(&json!(true)));
}

#[test]
fn partition_directory_names() {
    let path = Path::new("out/events/year=2019/month=3/source=A%2FB/x=__HIVE_DEFAULT_PARTITION__/plain");
    let want = [
        ("year".to_string(), Some("2019".to_string())),
        ("month".into(), Some("3".into())),
        ("source".into(), Some("A/B".into())),
        ("x".into(), None),
    ];
    assert_eq!(partitions_of(path.components()), want);
    assert_eq!(unescape("100%25%3a%"), "100%:%");
}

//! Import tests: each GDELT layout, bad rows, zip archives and zip bombs, ICEWS countries and
//! sectors, and the reference samples in `../shared/` when present.

use super::*;
use crate::testing::shared_path;
use std::io::Write;
use std::path::PathBuf;

/// What one import delivered.
#[derive(Default, Debug)]
struct Collected {
    events: Vec<ImportedEvent>,
    warnings: Vec<String>,
    skipped: Vec<String>,
    summary: Summary,
}

fn collect(run: impl FnOnce(&mut dyn FnMut(Imported<'_>) -> Flow) -> Summary) -> Collected {
    let mut c = Collected::default();
    let summary = run(&mut |item| {
        match item {
            Imported::Event(e) => c.events.push(e.clone()),
            Imported::Warning(w) => c.warnings.push(w.to_string()),
            Imported::Skipped(s) => c.skipped.push(s.to_string()),
        }
        Flow::Continue(())
    });
    c.summary = summary;
    c
}

fn gdelt_text(text: &str) -> Collected {
    let mut importer = Importer::gdelt(ImportOptions::default());
    collect(|on| importer.import_reader(Path::new("t.tsv"), text.as_bytes(), on))
}

/// A GDELT row of `columns` columns: a valid event with the given `(column, value)` changes.
fn gdelt_row(columns: usize, changes: &[(usize, &str)]) -> String {
    let mut f = vec![String::new(); columns];
    let (geo, lat, added, url) = match columns {
        61 => (51, 56, 59, Some(60)),
        58 => (49, 53, 56, Some(57)),
        _ => (49, 53, 56, None),
    };
    for (i, v) in [
        (0, "123"),
        (1, "20190201"),
        (2, "201902"),
        (3, "2019"),
        (4, "2019.0877"),
        (5, "RUSGOV"),
        (6, "RUSSIA"),
        (7, "RUS"),
        (12, "GOV"),
        (15, "CHN"),
        (16, "CHINA"),
        (17, "CHN"),
        (25, "1"),
        (26, "042"),
        (27, "042"),
        (28, "04"),
        (29, "1"),
        (30, "1.9"),
        (31, "4"),
        (32, "2"),
        (33, "3"),
        (34, "-1.25"),
        (geo, "4"),
        (geo + 1, "Moscow, Moskva, Russia"),
        (geo + 2, "RS"),
        (lat, "55.75"),
        (lat + 1, "37.62"),
        (added, if columns == 61 { "20190202101500" } else { "20190202" }),
    ] {
        f[i] = v.to_string();
    }
    if let Some(u) = url {
        f[u] = "https://example.org/story".into();
    }
    for (i, v) in changes {
        f[*i] = v.to_string();
    }
    f.join("\t")
}

#[test]
fn gdelt_layouts() {
    // (columns, origin, url, date added)
    let cases = [
        (57, Origin::Gdelt1, "", "2019-02-02"),
        (58, Origin::Gdelt1, "https://example.org/story", "2019-02-02"),
        (61, Origin::Gdelt2, "https://example.org/story", "2019-02-02T10:15:00Z"),
    ];
    for (columns, origin, url, added) in cases {
        let c = gdelt_text(&(gdelt_row(columns, &[]) + "\n"));
        assert_eq!(c.skipped, Vec::<String>::new(), "{columns} columns");
        let e = &c.events[0];
        assert_eq!(e.origin, origin, "{columns}");
        assert_eq!((e.origin_id, e.line), (123, 1));
        assert_eq!(e.date.to_string(), "2019-02-01");
        assert_eq!((e.source.as_str(), e.target.as_str()), ("RUSGOV", "CHN"));
        assert_eq!((e.source_name.as_str(), e.target_name.as_str()), ("RUSSIA", "CHINA"));
        assert_eq!((e.code.as_str(), e.root, e.quad_class.number()), ("042", 4, 1));
        assert_eq!(e.goldstein, Some(1.9));
        assert_eq!(
            (e.is_root_event, e.num_mentions, e.num_sources, e.num_articles),
            (Some(true), Some(4), Some(2), Some(3))
        );
        assert_eq!(e.avg_tone, Some(-1.25));
        assert_eq!((e.geo_name.as_str(), e.geo_country.as_str()), ("Moscow, Moskva, Russia", "RS"));
        assert_eq!((e.lat, e.lon), (Some(55.75), Some(37.62)), "{columns}");
        assert_eq!(e.url, url);
        assert_eq!(e.date_added.map(|a| a.to_string()).as_deref(), Some(added));
    }
}

#[test]
fn gdelt_bad_rows_are_skipped_with_their_line() {
    // (what is wrong, the row, the message expected)
    let cases: Vec<(&str, String, &str)> = vec![
        ("too few columns", "1\t2\t3".into(), "t.tsv:2: 3 columns, expected 57, 58 or 61"),
        ("59 columns", gdelt_row(59, &[]), "t.tsv:2: 59 columns"),
        ("bad date", gdelt_row(58, &[(1, "20190230")]), "t.tsv:2: SQLDATE \"20190230\" is not a date"),
        ("bad event code", gdelt_row(58, &[(26, "2x")]), "EventCode \"2x\" is not a CAMEO event code"),
        ("root 21", gdelt_row(58, &[(26, "210")]), "EventCode \"210\""),
        ("bad actor", gdelt_row(58, &[(5, "USAG")]), "Actor1Code \"USAG\" is not a CAMEO actor code"),
        ("bad id", gdelt_row(61, &[(0, "x1")]), "GLOBALEVENTID \"x1\" is not a number"),
        ("bad quad class", gdelt_row(58, &[(29, "5")]), "QuadClass \"5\""),
        ("bad tone", gdelt_row(58, &[(34, "1.2.3")]), "AvgTone \"1.2.3\""),
        ("bad lat", gdelt_row(61, &[(56, "north")]), "ActionGeo_Lat \"north\""),
        ("bad date added", gdelt_row(61, &[(59, "2019020210")]), "DATEADDED \"2019020210\""),
    ];
    for (what, row, want) in cases {
        let text = format!("{}\n{row}\n\n{}\n", gdelt_row(58, &[]), gdelt_row(57, &[(0, "9")]));
        let c = gdelt_text(&text);
        assert_eq!(c.skipped.len(), 1, "{what}: {:?}", c.skipped);
        assert!(c.skipped[0].contains(want), "{what}: {} lacks {want}", c.skipped[0]);
        assert_eq!(c.events.iter().map(|e| e.line).collect::<Vec<_>>(), [1, 4], "{what}");
        assert_eq!(c.summary, Summary { files: 1, rows: 3, imported: 2, skipped: 1, ..Summary::default() });
    }
}

#[test]
fn gdelt_empty_optional_fields_and_odd_text() {
    // No actors, no geo, no counts; a name that is not UTF-8 is kept with a warning.
    let row = gdelt_row(58, &[(5, ""), (15, ""), (31, ""), (49, "0"), (53, ""), (54, ""), (57, "")]);
    let mut bytes = row.replace("RUSSIA", "RUSSI\u{1}").into_bytes();
    let at = bytes.iter().position(|&b| b == 1).expect("marker");
    bytes[at] = 0xff;
    let mut importer = Importer::gdelt(ImportOptions::default());
    let c = collect(|on| importer.import_reader(Path::new("t.tsv"), &bytes[..], on));
    let e = &c.events[0];
    assert!(e.source.is_empty() && e.target.is_empty());
    assert_eq!((e.num_mentions, e.lat, e.geo_name.as_str()), (None, None, ""));
    // GDELT's lower-case ethnic codes become axis's upper case.
    let ethnic = gdelt_text(&gdelt_row(58, &[(5, "idgCOP")]));
    assert_eq!(ethnic.events[0].source.as_str(), "IDGCOP");
    assert_eq!(e.source_name, "RUSSI\u{fffd}");
    assert_eq!(c.warnings, ["t.tsv:1: Actor1Name is not valid UTF-8; decoded with replacement characters"]);
}

#[test]
fn the_callback_can_stop_the_import() {
    let rows: String = (0..10).map(|i| gdelt_row(58, &[(0, &(i + 1).to_string())]) + "\n").collect();
    let path = temp("stop.zip");
    write_zip(&path, &[("a.CSV", rows.as_bytes()), ("b.CSV", rows.as_bytes())]);
    let mut importer = Importer::gdelt(ImportOptions::default());
    let mut seen = Vec::new();
    let summary = importer.import_path(&path, &mut |item| {
        if let Imported::Event(e) = item {
            seen.push(e.origin_id);
        }
        if seen.len() == 3 {
            Flow::Break(())
        } else {
            Flow::Continue(())
        }
    });
    assert_eq!(seen, [1, 2, 3], "no row after the stop, and not the second entry");
    assert_eq!((summary.files, summary.imported), (1, 3));
}

#[test]
fn fast_number_parsing_agrees_with_the_standard_parser() {
    let fixed = ["0", "-0", "1.9", "-10", "5.", ".5", "-.5", ".", "-", "", "1e5", "1.2.3", "+1", "38.8973"];
    let mut rng = crate::testing::Lcg(11);
    let mut random = Vec::new();
    for _ in 0..20_000 {
        let len = 1 + rng.next(20);
        let mut s = String::new();
        for _ in 0..len {
            let alphabet = if rng.next(8) == 0 { 13 } else { 11 };
            s.push(b"0123456789.-e"[rng.next(alphabet)] as char);
        }
        random.push(s);
    }
    for s in fixed.iter().map(|s| s.to_string()).chain(random) {
        let want = s.parse::<f64>().ok().filter(|x| x.is_finite());
        let got = parse_f64(s.as_bytes());
        assert_eq!(got.map(f64::to_bits), want.map(f64::to_bits), "{s:?}");
    }
}

#[test]
fn overlong_lines_are_skipped() {
    let text = format!("{}\n{}\n{}\n", gdelt_row(58, &[]), "x".repeat(5000), gdelt_row(58, &[]));
    let mut importer = Importer::gdelt(ImportOptions { max_line: 4000, ..ImportOptions::default() });
    let c = collect(|on| importer.import_reader(Path::new("t.tsv"), text.as_bytes(), on));
    assert_eq!(c.events.len(), 2);
    assert_eq!(c.skipped, ["t.tsv:2: line of 5000 bytes is longer than the limit of 4000; skipped"]);
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("axis-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name)
}

fn write_zip(path: &Path, entries: &[(&str, &[u8])]) {
    let file = std::fs::File::create(path).expect("create zip");
    let mut zip = zip::ZipWriter::new(file);
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        zip.start_file(*name, opts).expect("entry");
        zip.write_all(bytes).expect("write entry");
    }
    zip.finish().expect("finish zip");
}

#[test]
fn zip_archives_are_read_entry_by_entry() {
    let path = temp("two.zip");
    let a = format!("{}\n{}\n", gdelt_row(58, &[]), gdelt_row(58, &[(0, "2")]));
    let b = format!("{}\nbad\n", gdelt_row(61, &[(0, "3")]));
    write_zip(&path, &[("a.export.CSV", a.as_bytes()), ("b.export.CSV", b.as_bytes())]);
    let mut importer = Importer::gdelt(ImportOptions::default());
    let c = collect(|on| importer.import_path(&path, on));
    assert_eq!(c.events.iter().map(|e| e.origin_id).collect::<Vec<_>>(), [123, 2, 3]);
    assert_eq!(c.skipped.len(), 1);
    assert!(c.skipped[0].ends_with(
        "two.zip!b.export.CSV:2: 1 columns, expected 57, 58 or 61 (GDELT 1.0 or 2.0); row skipped"
    ));
    assert_eq!(c.summary, Summary { files: 2, rows: 4, imported: 3, skipped: 1, ..Summary::default() });
}

#[test]
fn a_corrupt_entry_is_reported_and_the_next_one_read() {
    let path = temp("corrupt.zip");
    let file = std::fs::File::create(&path).expect("create zip");
    let mut zip = zip::ZipWriter::new(file);
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("a.CSV", stored).expect("entry");
    zip.write_all(format!("{}\n", gdelt_row(58, &[(0, "1")])).as_bytes()).expect("write");
    zip.start_file("b.CSV", stored).expect("entry");
    zip.write_all(format!("{}\n", gdelt_row(58, &[(0, "2")])).as_bytes()).expect("write");
    zip.finish().expect("finish");
    // Change one byte of the first entry's data: its checksum no longer matches.
    let mut bytes = std::fs::read(&path).expect("zip");
    let at = bytes.windows(6).position(|w| w == b"RUSGOV").expect("row in stored data");
    bytes[at + 5] = b'X';
    std::fs::write(&path, bytes).expect("write zip");
    let mut importer = Importer::gdelt(ImportOptions::default());
    let c = collect(|on| importer.import_path(&path, on));
    // Rows are delivered as they stream; the bad checksum is reported when the entry ends.
    assert_eq!(c.skipped.len(), 1, "{:?}", c.skipped);
    assert!(c.skipped[0].contains("corrupt.zip!a.CSV: cannot read"), "{}", c.skipped[0]);
    assert_eq!(c.events.iter().map(|e| e.origin_id).collect::<Vec<_>>(), [1, 2]);
    assert_eq!((c.summary.files, c.summary.failed), (2, 1));
}

#[test]
fn zip_bombs_end_in_a_clear_error() {
    // 2,000 rows inflate to ~400 KB from a few KB; the limit is 100 KB.
    let rows: String = (0..2000).map(|i| gdelt_row(58, &[(0, &i.to_string())]) + "\n").collect();
    let path = temp("bomb.zip");
    write_zip(&path, &[("bomb.CSV", rows.as_bytes())]);
    assert!(std::fs::metadata(&path).expect("zip").len() < 20_000);
    let mut importer =
        Importer::gdelt(ImportOptions { max_uncompressed: 100_000, ..ImportOptions::default() });
    let c = collect(|on| importer.import_path(&path, on));
    assert_eq!(c.skipped.len(), 1, "{:?}", c.skipped);
    assert!(c.skipped[0].contains("bomb.zip!bomb.CSV: uncompressed size exceeds the limit of 100000 bytes"));
    assert_eq!(c.summary.failed, 1);
    // With room enough, the same archive reads in full.
    let mut importer = Importer::gdelt(ImportOptions::default());
    assert_eq!(collect(|on| importer.import_path(&path, on)).events.len(), 2000);
}

/// Rewrites the uncompressed size that a zip's local and central headers declare for every entry.
fn forge_sizes(path: &Path, size: u32) {
    let mut bytes = std::fs::read(path).expect("zip");
    let mut i = 0;
    while i + 30 < bytes.len() {
        let at = match &bytes[i..i + 4] {
            b"PK\x03\x04" => Some(i + 22),
            b"PK\x01\x02" => Some(i + 24),
            _ => None,
        };
        if let Some(at) = at {
            bytes[at..at + 4].copy_from_slice(&size.to_le_bytes());
        }
        i += 1;
    }
    std::fs::write(path, bytes).expect("write zip");
}

#[test]
fn a_zip_that_understates_its_size_is_stopped_while_inflating() {
    let rows: String = (0..2000).map(|i| gdelt_row(58, &[(0, &(i + 1).to_string())]) + "\n").collect();
    let path = temp("liar.zip");
    write_zip(&path, &[("liar.CSV", rows.as_bytes())]);
    forge_sizes(&path, 1000);
    let mut importer =
        Importer::gdelt(ImportOptions { max_uncompressed: 100_000, ..ImportOptions::default() });
    let c = collect(|on| importer.import_path(&path, on));
    assert_eq!(c.skipped.len(), 1, "{:?}", c.skipped);
    assert!(c.skipped[0].contains("liar.zip!liar.CSV: uncompressed size exceeds the limit of 100000 bytes"));
    // The rows inflated before the cap are delivered, in order, and no more than the cap holds.
    let n = c.events.len();
    assert!(n > 100 && n < 100_000 / 150, "{n} rows");
    assert!(c.events.iter().enumerate().all(|(i, e)| e.origin_id == i as u64 + 1));
}

#[test]
fn the_stream_cap_holds_even_when_the_archive_lies_about_sizes() {
    // The declared size is checked first; this checks the bytes actually inflated.
    let data = vec![b'a'; 1000];
    let mut limited = archive::Limited::new(&data[..], 999);
    let mut sink = Vec::new();
    let err = std::io::copy(&mut limited, &mut sink).expect_err("over the cap");
    assert!(err.to_string().contains("limit exceeded"));
    let mut limited = archive::Limited::new(&data[..], 1000);
    assert_eq!(std::io::copy(&mut limited, &mut Vec::new()).expect("at the cap"), 1000);
}

#[test]
fn not_a_zip_and_missing_files_are_reported() {
    let path = temp("broken.zip");
    std::fs::write(&path, b"PK\x03\x04 not really").expect("write");
    let mut importer = Importer::gdelt(ImportOptions::default());
    let c = collect(|on| importer.import_path(&path, on));
    assert!(c.skipped[0].contains("bad zip archive"), "{:?}", c.skipped);
    let c = collect(|on| importer.import_path(Path::new("/no/such/file.CSV"), on));
    assert!(c.skipped[0].starts_with("/no/such/file.CSV: cannot read"));
    assert_eq!(c.summary.failed, 1);
}

const ICEWS_HEADER: &str = "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\t\
                            CAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\t\
                            Sentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude";

fn icews_text(rows: &[&str]) -> Collected {
    let dict = Dictionary::builtin().expect("built-in dictionary");
    let cameo = CameoTable::builtin().expect("built-in CAMEO table");
    let mut importer = Importer::icews(&dict, &cameo, ImportOptions::default()).expect("tables load");
    let text = format!("{ICEWS_HEADER}\n{}\n", rows.join("\n"));
    collect(|on| importer.import_reader(Path::new("i.tab"), text.as_bytes(), on))
}

#[test]
fn icews_rows() {
    let row = "7\t2018-06-01\tHigh Ranking Military Personnel (Russia)\tMilitary,Government\tRussian Federation\t\
               Make a visit\t042\t1.9\tCitizen (Palestine)\tGeneral Population / Civilian / Social,Social\t\
               Occupied Palestinian Territory\t47\t2\tSome Agency\tHanoi\tNA\tThanh Pho Ha Noi\tVietnam\t21.02\t105.84";
    let c = icews_text(&[row]);
    assert_eq!((c.skipped.len(), c.warnings.len()), (0, 0), "{:?} {:?}", c.skipped, c.warnings);
    let e = &c.events[0];
    assert_eq!((e.origin, e.origin_id, e.line), (Origin::Icews, 7, 2));
    assert_eq!(e.date.to_string(), "2018-06-01");
    assert_eq!((e.source.as_str(), e.target.as_str()), ("RUSMIL", "PSECVL"));
    assert_eq!(e.source_name, "High Ranking Military Personnel (Russia)");
    assert_eq!((e.code.as_str(), e.root, e.quad_class.number(), e.goldstein), ("042", 4, 1, Some(1.9)));
    assert_eq!((e.intensity, e.story_id, e.sentence), (Some(1.9), Some(47), Some(2)));
    assert_eq!(
        (e.publisher.as_str(), e.geo_name.as_str()),
        ("Some Agency", "Hanoi, Thanh Pho Ha Noi, Vietnam")
    );
    assert_eq!(
        (e.geo_country.as_str(), e.geo_actor.as_str(), e.lat, e.lon),
        ("Vietnam", "VNM", Some(21.02), Some(105.84))
    );
}

#[test]
fn icews_country_names() {
    let dict = Dictionary::builtin().expect("built-in dictionary");
    let mut names = CountryNames::builtin(&dict).expect("aliases load");
    let date = Date::new(2018, 6, 1).expect("date");
    let cases = [
        ("Russian Federation", Some("RUS")),
        ("Occupied Palestinian Territory", Some("PSE")),
        ("Congo, Democratic Republic of", Some("COD")),
        ("Democratic Republic of Congo", Some("COD")),
        ("Congo", Some("COG")),
        ("Moldova, Republic of", Some("MDA")),
        ("the former Yugoslav Republic of Macedonia", Some("MKD")),
        ("Cote d'Ivoire", Some("CIV")),
        ("Holy See", Some("VAT")),
        ("Swaziland", Some("SWZ")),
        ("United States", Some("USA")),
        ("European Union", Some("IGOEUREEC")),
        ("Atlantis", None),
        ("Russian", None), // a demonym is not a country name
    ];
    for (name, want) in cases {
        assert_eq!(names.resolve(name, date).map(|c| c.to_string()).as_deref(), want, "{name}");
    }
}

#[test]
fn icews_sectors() {
    let table = SectorTable::builtin().expect("sector table loads");
    let cases: &[(&str, Option<&str>, &[&str])] = &[
        ("Military,Government", Some("MIL"), &[]),
        ("Executive,Foreign Ministry,Government", Some("GOV"), &[]),
        ("Defense / Security Ministry,Government", Some("GOVMIL"), &[]),
        ("Police", Some("COP"), &[]),
        ("Social,Agricultural", Some("AGR"), &[]),
        (
            "Nongovernmental Organization (International),Human Rights NGOs,Nongovernmental Organizations / Activists",
            Some("HRI"),
            &[],
        ),
        ("Protestors / Popular Opposition / Mobs,Dissident", Some("OPP"), &[]),
        ("Ideological,Far Right", None, &[]),
        ("NA", None, &[]),
        ("Space Agency,Government", Some("GOV"), &["Space Agency"]),
    ];
    for (list, agent, unknown) in cases {
        let s = table.agent(list);
        assert_eq!(s.agent.map(|c| c.to_string()).as_deref(), *agent, "{list}");
        assert_eq!(s.unknown, *unknown, "{list}");
    }
    // Table errors name the line.
    let err = SectorTable::parse(Path::new("s.txt"), "MIL | Military\nmil | Army\n").expect_err("bad agent");
    assert_eq!(err.to_string(), "s.txt:2: the agent must be a CAMEO code of 3 or 6 characters, or -");
    let err = SectorTable::parse(Path::new("s.txt"), "MIL | Military\nGOV | military\n").expect_err("twice");
    assert_eq!(err.to_string(), "s.txt:2: sector listed twice");
}

#[test]
fn icews_bad_rows_and_warnings() {
    let good = "1\t2018-06-01\tRussia\tNA\tRussian Federation\tConsult\t040\t1\tChina\tNA\tChina\t1\t1\tP\tNA\tNA\tNA\tNA\tNA\tNA";
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "bad date",
            good.replace("2018-06-01", "2018-13-01"),
            "i.tab:3: Event Date \"2018-13-01\" is not a date",
        ),
        (
            "bad code",
            good.replace("\t040\t", "\t999\t"),
            "i.tab:3: CAMEO Code \"999\" is not a CAMEO event code",
        ),
        ("columns", "1\t2018-06-01".to_string(), "i.tab:3: 2 columns, expected 20 (as the header)"),
        ("bad id", good.replacen('1', "x", 1), "i.tab:3: Event ID \"x\" is not a number"),
    ];
    for (what, row, want) in cases {
        let c = icews_text(&[good, &row, good]);
        assert_eq!(c.skipped.len(), 1, "{what}");
        assert!(c.skipped[0].contains(want), "{what}: {}", c.skipped[0]);
        assert_eq!(c.summary.imported, 2, "{what}");
    }
    // Unknown country and sector: imported with what is known, warned.
    let odd =
        good.replace("Russian Federation", "Atlantis").replace("Russia\tNA", "Russia\tSpace Agency,Military");
    let c = icews_text(&[&odd]);
    assert_eq!(c.events[0].source.as_str(), "---MIL");
    assert_eq!(
        c.warnings,
        [
            "i.tab:2: unknown country \"Atlantis\"; imported without it",
            "i.tab:2: unknown sector \"Space Agency\"; imported without its agent"
        ]
    );
    // A code that lost its leading zero; a row with only event text (ours or not).
    let c = icews_text(&[
        &good.replace("\t040\t", "\t40\t"),
        &good.replace("\tConsult\t040\t", "\tMake a visit\t\t"),
        &good.replace("\tConsult\t040\t", "\tPay a call\t\t"),
    ]);
    assert_eq!(c.events.iter().map(|e| e.code.as_str()).collect::<Vec<_>>(), ["040", "042"]);
    assert_eq!(c.skipped.len(), 1);
    assert!(c.skipped[0].contains("i.tab:4: Event Text \"Pay a call\" is not a CAMEO event name"));
    // No header column for the event id: the file is skipped.
    let dict = Dictionary::builtin().expect("dict");
    let cameo = CameoTable::builtin().expect("cameo");
    let mut icews = Importer::icews(&dict, &cameo, ImportOptions::default()).expect("tables");
    let c = collect(|on| icews.import_reader(Path::new("i.tab"), &b"Date\tText\n1\t2\n"[..], on));
    assert_eq!(c.skipped, ["i.tab:1: header has no \"Event ID\" column; file skipped"]);
}

#[test]
fn gdelt_samples_in_shared() {
    for (file, rows, origin) in [
        ("gdelt/gdelt1_events_sample_710.tsv", 710, Origin::Gdelt1),
        ("gdelt/gdelt2_events_sample_50_from_gdeltPyR.tsv", 50, Origin::Gdelt2),
    ] {
        let path = shared_path(file);
        if !path.exists() {
            eprintln!("skipped: {} is absent", path.display());
            continue;
        }
        let mut importer = Importer::gdelt(ImportOptions::default());
        let c = collect(|on| importer.import_path(&path, on));
        assert_eq!(c.skipped, Vec::<String>::new(), "{file}");
        assert_eq!((c.summary.rows, c.summary.imported), (rows, rows), "{file}");
        assert!(c.events.iter().all(|e| e.origin == origin), "{file}");
        // Every row keeps its id and (except in the 57-column backfile rows) its URL.
        assert!(c.events.iter().all(|e| e.origin_id > 0));
        let with_url = c.events.iter().filter(|e| e.url.starts_with("http")).count();
        assert_eq!(with_url, if rows == 710 { 509 } else { 50 }, "{file}");
        assert!(c.events.iter().any(|e| e.code.as_str().starts_with('0')), "leading zeros kept");
    }
}

#[test]
fn icews_sample_in_shared() {
    let path = shared_path("icews/icews_events_2018-06-01_02_sample.tab");
    if !path.exists() {
        eprintln!("skipped: {} is absent", path.display());
        return;
    }
    let dict = Dictionary::builtin().expect("dict");
    let cameo = CameoTable::builtin().expect("cameo");
    let mut importer = Importer::icews(&dict, &cameo, ImportOptions::default()).expect("tables");
    let c = collect(|on| importer.import_path(&path, on));
    assert_eq!(c.skipped, Vec::<String>::new());
    assert_eq!((c.summary.rows, c.summary.imported), (3705, 3705));
    assert_eq!(c.warnings, Vec::<String>::new(), "every country and sector of the sample is known");
    let first = &c.events[0];
    assert_eq!(
        (first.origin_id, first.source.as_str(), first.target.as_str()),
        (32889836, "BGDGOV", "VNMMIL")
    );
    assert!(c.events.iter().any(|e| e.source.as_str().starts_with("RUS")));
    assert!(c
        .events
        .iter()
        .any(|e| e.source.as_str().starts_with("PSE") || e.target.as_str().starts_with("PSE")));
}

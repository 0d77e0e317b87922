//! ICEWS rows (header + tab-separated rows): events, warnings or skipped rows naming the file —
//! never a panic; every row is imported or skipped.
#![no_main]

use axis::cameo::CameoTable;
use axis::dict::Dictionary;
use axis::import::{Flow, ImportOptions, Imported, Importer};
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::LazyLock;

static PARTS: LazyLock<(Dictionary, CameoTable)> = LazyLock::new(|| {
    (Dictionary::builtin().expect("built-in actors"), CameoTable::builtin().expect("built-in CAMEO table"))
});

/// The ICEWS header, so that fuzzed bytes reach the row parser.
const HEADER: &str = "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude\n";

fuzz_target!(|data: &[u8]| {
    let (dict, cameo) = &*PARTS;
    let mut importer = Importer::icews(dict, cameo, ImportOptions::default()).expect("icews tables");
    for input in [data.to_vec(), [HEADER.as_bytes(), data].concat()] {
        let summary = importer.import_reader(Path::new("fuzz.tab"), input.as_slice(), &mut |item| {
            match item {
                Imported::Event(e) => {
                    assert!((1..=20).contains(&e.root), "root {}", e.root);
                    assert!(cameo.get(e.code).is_some() || e.code.root() == Some(e.root));
                }
                Imported::Warning(e) | Imported::Skipped(e) => {
                    assert!(e.to_string().contains("fuzz.tab"), "error without its file: {e}")
                }
            }
            Flow::Continue(())
        });
        assert_eq!(summary.rows, summary.imported + summary.skipped);
    }
});

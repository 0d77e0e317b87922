//! GDELT rows: any bytes give events (valid dates, codes with a CAMEO root 1-20) or skipped rows
//! whose error names the file and line — never a panic.
#![no_main]

use axis::import::{Flow, ImportOptions, Imported, Importer};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let mut importer = Importer::gdelt(ImportOptions { max_line: 4096, ..ImportOptions::default() });
    let summary = importer.import_reader(Path::new("fuzz.CSV"), data, &mut |item| {
        match item {
            Imported::Event(e) => {
                assert!((1..=20).contains(&e.root), "root {}", e.root);
                assert!((1..=12).contains(&e.date.month()) && (1..=31).contains(&e.date.day()));
                assert!(e.line >= 1);
            }
            Imported::Warning(e) | Imported::Skipped(e) => {
                assert!(e.to_string().contains("fuzz.CSV"), "error without its file: {e}")
            }
        }
        Flow::Continue(())
    });
    assert_eq!(summary.rows, summary.imported + summary.skipped);
});

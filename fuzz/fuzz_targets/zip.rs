//! Zip archives of GDELT rows: any bytes (and any archive) end in events or errors naming the
//! archive — never a panic, never more than the uncompressed cap read.
#![no_main]

use axis::import::{Flow, ImportOptions, Imported, Importer};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static FILE: LazyLock<std::path::PathBuf> = LazyLock::new(|| {
    let dir = std::env::temp_dir().join(format!("axis-fuzz-zip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join("fuzz.zip")
});

fuzz_target!(|data: &[u8]| {
    // Make the first bytes a zip header more often than chance would.
    let bytes = if data.first() == Some(&b'P') { data.to_vec() } else { [b"PK\x03\x04", data].concat() };
    std::fs::write(&*FILE, &bytes).expect("write the archive");
    let opts = ImportOptions { max_uncompressed: 1 << 20, max_line: 4096 };
    let mut importer = Importer::gdelt(opts);
    let summary = importer.import_path(&FILE, &mut |item| {
        if let Imported::Warning(e) | Imported::Skipped(e) = item {
            assert!(e.to_string().contains("fuzz.zip"), "error without its archive: {e}");
        }
        Flow::Continue(())
    });
    assert_eq!(summary.rows, summary.imported + summary.skipped);
});

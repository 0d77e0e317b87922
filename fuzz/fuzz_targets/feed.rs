//! RSS/Atom feeds: any bytes give items, warnings or skipped items with a message naming the
//! file; entity declarations never expand (no billion laughs, no external entities).
#![no_main]

use axis::io::{Input, ReadOptions, Reader};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let reader = Reader::new(ReadOptions { lossy: true, ..ReadOptions::default() });
    let mut total = 0usize;
    reader.read_bytes(Path::new("fuzz.xml"), data, &mut |item| match item {
        Input::Document(doc) => {
            total += doc.text().len();
            for s in doc.sentences() {
                let r = s.span.range();
                assert!(r.end <= doc.text().len(), "sentence outside the document");
                assert!(doc.text().is_char_boundary(r.start) && doc.text().is_char_boundary(r.end));
            }
        }
        Input::Warning(e) | Input::Skipped(e) => {
            assert!(e.to_string().contains("fuzz.xml"), "error without its file: {e}")
        }
    });
    // Entities are never expanded: the items together are at most a few times the input.
    assert!(total <= data.len() * 4 + 64, "feed text {total} bytes from {} input bytes", data.len());
});

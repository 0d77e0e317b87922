//! HTML pages: any bytes give a document (its text no longer than the page), a warning or a
//! skipped page with a message naming the file — never a panic.
#![no_main]

use axis::io::{Input, ReadOptions, Reader};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    for lossy in [false, true] {
        let reader = Reader::new(ReadOptions { lossy, ..ReadOptions::default() });
        reader.read_bytes(Path::new("fuzz.html"), data, &mut |item| match item {
            Input::Document(doc) => {
                assert!(doc.text().len() <= data.len() * 4 + 64, "text longer than the page");
                for s in doc.sentences() {
                    let r = s.span.range();
                    assert!(r.end <= doc.text().len(), "sentence outside the document");
                    assert!(doc.text().is_char_boundary(r.start) && doc.text().is_char_boundary(r.end));
                }
            }
            Input::Warning(e) | Input::Skipped(e) => {
                assert!(e.to_string().contains("fuzz.html"), "error without its file: {e}")
            }
        });
    }
});

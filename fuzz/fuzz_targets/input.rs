//! Input readers (JSONL records, plain text with a header block): any bytes give documents,
//! warnings or skipped records with a message — never a panic.
#![no_main]

use axis::io::{Input, ReadOptions, Reader};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    for (name, lossy) in [("fuzz.jsonl", false), ("fuzz.txt", false), ("fuzz.txt", true)] {
        let reader = Reader::new(ReadOptions { lossy, ..ReadOptions::default() });
        reader.read_bytes(Path::new(name), data, &mut |item| match item {
            Input::Document(doc) => assert!(doc.text().len() <= data.len() * 4 + 16),
            Input::Warning(e) | Input::Skipped(e) => assert!(!e.to_string().is_empty()),
        });
    }
});

//! gzip input: arbitrary bytes named `.gz` (and the same bytes gzipped, cut anywhere) give
//! documents or one clear error naming the file, within the decompression cap.
#![no_main]

use axis::io::{Input, ReadOptions, Reader};
use libfuzzer_sys::fuzz_target;
use std::io::Write;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let reader = Reader::new(ReadOptions { max_decompressed: 1 << 20, ..ReadOptions::default() });
    let check = |name: &str, bytes: &[u8]| {
        reader.read_bytes(Path::new(name), bytes, &mut |item| match item {
            Input::Document(doc) => assert!(doc.text().len() <= 4 << 20),
            Input::Warning(e) | Input::Skipped(e) => {
                assert!(e.to_string().contains(name), "error without its file: {e}")
            }
        });
    };
    check("fuzz.jsonl.gz", data);
    // A valid gzip of the input, truncated at a point the input's first byte picks.
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    if enc.write_all(data).is_ok() {
        if let Ok(gz) = enc.finish() {
            let cut = data.first().map_or(gz.len(), |&b| gz.len() * usize::from(b) / 255);
            check("fuzz.txt.gz", &gz[..cut]);
        }
    }
});

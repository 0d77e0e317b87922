//! The verb pattern format: any text loads or gives file:line errors, never a panic.
#![no_main]

use axis::dict::VerbDictionary;
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    if let Err(errors) = VerbDictionary::from_sources(vec![(PathBuf::from("fuzz.txt"), text)]) {
        for e in &errors.0 {
            assert!(e.to_string().starts_with("fuzz.txt"), "error without its file: {e}");
        }
    }
});

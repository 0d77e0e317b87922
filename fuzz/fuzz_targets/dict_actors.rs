//! The actor dictionary format: any text loads or gives file:line errors, never a panic.
#![no_main]

use axis::dict::DictionaryBuilder;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut builder = DictionaryBuilder::new();
    builder.add_text("fuzz.txt", &text);
    if let Err(errors) = builder.build() {
        for e in &errors.0 {
            assert!(e.to_string().starts_with("fuzz.txt"), "error without its file: {e}");
        }
    }
});

//! PETRARCH XML records (`<Sentences>`, `<Sentence>`, `<Text>`, `<EventCoding>`, `<Parse>`): any
//! bytes give records or errors naming the file and a line inside it — never a panic; entities
//! are never expanded beyond the input.
#![no_main]

use axis::petrarch::xml;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let lines = text.lines().count() + 1;
    let records = xml::read(Path::new("fuzz.xml"), &text);
    for e in records.errors.iter().chain(&records.warnings) {
        assert_eq!(e.path, Path::new("fuzz.xml"));
        assert!(e.line >= 1 && e.line <= lines, "line {} of {lines}", e.line);
    }
    for r in &records.records {
        let doc = r.document();
        assert!(doc.text().len() <= text.len() * 4 + 64, "a record's text outgrew the input");
    }
    let _ = xml::parse_text(&text);
});

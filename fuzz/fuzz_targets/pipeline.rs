//! The whole pipeline, text to events, with the built-in dictionaries: no panic, and every event
//! is well formed (spans inside the document on char boundaries, a source code, a date interval
//! whose start is not after its end, a CAMEO code the table knows).
#![no_main]

use axis::cameo::CameoTable;
use axis::code::Coder;
use axis::dict::{Dictionary, VerbDictionary};
use axis::text::{Document, Span};
use axis::when::Date;
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static PARTS: LazyLock<(Dictionary, VerbDictionary, CameoTable)> = LazyLock::new(|| {
    (
        Dictionary::builtin().expect("built-in actors"),
        VerbDictionary::builtin().expect("built-in verbs"),
        CameoTable::builtin().expect("built-in CAMEO table"),
    )
});

fn check(doc: &Document, span: Span) {
    let r = span.range();
    assert!(r.start <= r.end && r.end <= doc.text().len(), "span outside the document");
    assert!(
        doc.text().is_char_boundary(r.start) && doc.text().is_char_boundary(r.end),
        "span off a char boundary"
    );
}

fuzz_target!(|data: &[u8]| {
    let (dict, verbs, cameo) = &*PARTS;
    let coder = Coder::new(dict, verbs, cameo);
    let text = String::from_utf8_lossy(data);
    let doc = Document::new("fuzz", text.as_ref(), Date::new(2019, 2, 2));
    let coded = coder.code_document(&doc, true);
    for e in &coded.events {
        check(&doc, e.source.mention.span);
        check(&doc, e.verb);
        check(&doc, e.span);
        if let Some(t) = &e.target {
            check(&doc, t.mention.span);
        }
        assert!(!e.source.mention.code.to_string().is_empty(), "event without a source code");
        assert!(cameo.get(e.code).is_some(), "event code {} not in the CAMEO table", e.code);
        if let Some(d) = e.date {
            assert!(d.interval.start <= d.interval.end, "date interval ends before it starts");
        }
    }
});

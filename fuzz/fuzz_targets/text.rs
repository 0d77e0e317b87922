//! Normaliser, tokenizer and sentence splitter: every span lies inside the text on character
//! boundaries, tokens and sentences are in order, and raw offsets map back inside the raw input.
#![no_main]

use axis::text::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let raw = String::from_utf8_lossy(data);
    let doc = Document::new("fuzz", raw.as_ref(), None);
    let text = doc.text();
    let mut last = 0;
    for t in doc.tokens() {
        let r = t.span.range();
        assert!(r.start <= r.end && r.end <= text.len(), "token span outside the text");
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "token span off a char boundary"
        );
        assert!(r.start >= last, "tokens out of order");
        last = r.end;
        let raw_span = doc.raw_span(t.span).range();
        assert!(raw_span.end <= doc.raw().len(), "raw span outside the raw text");
        assert!(doc.raw().is_char_boundary(raw_span.start) && doc.raw().is_char_boundary(raw_span.end));
    }
    let mut next = 0;
    for s in doc.sentences() {
        assert!(s.tokens.start >= next && s.tokens.end <= doc.tokens().len(), "sentence tokens out of range");
        next = s.tokens.end;
        let _ = doc.sentence_tokens(s);
    }
});

//! Temporal expressions, sentence by sentence with any story date (year 0, 99999, none) and
//! narrative time: every interval starts no later than it ends, every span is inside the
//! document on char boundaries.
#![no_main]

use axis::text::Document;
use axis::when::{find_into, Date, Interval, SentenceDates, Timeline};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let year = i32::from(i16::from_le_bytes([data[0], data[1]])) * 4;
    let story = Date::new(year, u32::from(data[2] % 13), u32::from(data[3] % 32));
    let text = String::from_utf8_lossy(&data[4..]);
    let doc = Document::new("fuzz", text.as_ref(), story);
    let narrative = story.map(Interval::day);
    let mut out = Vec::new();
    let mut timeline = Timeline::new(story);
    for s in doc.sentences() {
        let tokens = doc.sentence_tokens(s);
        out.clear();
        find_into(doc.text(), doc.lower(), tokens, story, narrative, &mut out);
        for e in &out {
            assert!(e.interval.start <= e.interval.end, "{e:?}");
            let r = e.span.range();
            assert!(r.end <= doc.text().len(), "expression outside the document");
            assert!(doc.text().is_char_boundary(r.start) && doc.text().is_char_boundary(r.end));
            assert!(e.tokens.end <= tokens.len());
        }
        let mut dates = SentenceDates::default();
        timeline.date_sentence(doc.text(), doc.lower(), tokens, &mut dates);
        for c in &dates.clauses {
            if let Some(d) = c.date {
                assert!(d.interval.start <= d.interval.end, "{d:?}");
            }
        }
    }
});

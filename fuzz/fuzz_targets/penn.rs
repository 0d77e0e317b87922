//! Penn Treebank brackets: any text gives a tree or an error at a byte offset inside it — never a
//! panic or a stack overflow; a tree's frames point at its own words; as a `<Parse>` element
//! (brackets or CoNLL-U lines) an error names a line inside the element; the words align to a
//! document made of their own text.
#![no_main]

use axis::parse::{align, penn, read_parse_element, Parse};
use axis::text::Document;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match penn::Tree::parse(&text) {
        Ok(tree) => {
            let s = tree.sentence();
            let n = s.words.len();
            for f in &s.frames {
                assert!(f.verb < n);
                for w in f.subject.iter().chain(&f.objects).chain(&f.scope).chain(&f.agent) {
                    assert!(*w < n, "word {w} of {n}");
                }
            }
            let doc = Document::new("fuzz", s.text(), None);
            let aligned = align(&doc, &Parse { sentences: vec![s] });
            for t in aligned.iter().flatten().flatten() {
                assert!(*t < doc.tokens().len());
            }
        }
        Err(e) => assert!(e.offset <= text.len(), "offset {} of {}", e.offset, text.len()),
    }
    let lines = text.lines().count() + 1;
    if let Err(e) = read_parse_element(Path::new("fuzz.xml"), 1, &text) {
        assert!(e.line >= 1 && e.line <= lines, "line {} of {lines}", e.line);
    }
});

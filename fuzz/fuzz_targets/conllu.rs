//! CoNLL-U files (`.conllu`): any bytes give documents with parses, warnings or skipped sentences
//! naming the file and a line inside it — never a panic; every frame's word indices are inside
//! its sentence, and aligning a parse to its document maps words to existing tokens.
#![no_main]

use axis::io::{Input, ReadOptions, Reader};
use axis::parse::align;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let lines = data.iter().filter(|&&b| b == b'\n').count() + 2;
    let reader = Reader::new(ReadOptions { lossy: true, ..ReadOptions::default() });
    reader.read_bytes(Path::new("fuzz.conllu"), data, &mut |item| match item {
        Input::Document(doc) => {
            let parse = doc.parse().expect("a CoNLL-U document carries its parse");
            for s in &parse.sentences {
                let n = s.words.len();
                for f in &s.frames {
                    assert!(f.verb < n);
                    for w in f.subject.iter().chain(&f.objects).chain(&f.scope).chain(&f.agent) {
                        assert!(*w < n, "word {w} of {n}");
                    }
                }
            }
            let aligned = align(&doc, parse);
            assert_eq!(aligned.len(), parse.sentences.len());
            for t in aligned.iter().flatten().flatten() {
                assert!(*t < doc.tokens().len());
            }
        }
        Input::Warning(e) | Input::Skipped(e) => {
            assert_eq!(e.path, Path::new("fuzz.conllu"));
            assert!(e.line.is_none_or(|l| l >= 1 && l <= lines), "line {:?} of {lines}", e.line);
            assert!(!e.to_string().is_empty());
        }
    });
});

//! The golden corpus (`tests/fixtures/code/*.txt`, format in its README): every sentence coded with
//! the built-in dictionaries and compared with the events a human coder expects.
//!
//! A sentence line starting with `?` is a known gap: it is coded and reported, and the test fails
//! if it starts passing (so the marker is removed as soon as the coder catches up).

use axis::cameo::CameoTable;
use axis::code::Coder;
use axis::dict::{Dictionary, VerbDictionary};
use axis::text::Document;
use axis::when::Date;
use std::collections::BTreeSet;
use std::path::Path;

/// One expected or produced event, as compared.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Row {
    source: String,
    target: String,
    code: String,
    date: Option<String>,
    negated: bool,
}

struct Case {
    file: String,
    line: usize,
    date: Date,
    text: String,
    known_gap: bool,
    expected: Vec<Row>,
}

fn parse(file: &str, text: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    let mut date = Date::new(2019, 2, 2).expect("valid");
    for (n, raw) in text.lines().enumerate() {
        let line = raw.split(" #").next().unwrap_or("").trim_end();
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        if let Some(d) = line.strip_prefix("@date ") {
            date = Date::parse(d.trim()).unwrap_or_else(|e| panic!("{file}:{}: {e}", n + 1));
            continue;
        }
        if raw.starts_with(' ') || raw.starts_with('\t') {
            let case =
                cases.last_mut().unwrap_or_else(|| panic!("{file}:{}: expectation before a sentence", n + 1));
            let w: Vec<&str> = line.split_whitespace().collect();
            if w == ["none"] {
                continue;
            }
            assert!(w.len() >= 3, "{file}:{}: want SOURCE TARGET CODE [DATE] [negated]", n + 1);
            let negated = w[3..].contains(&"negated");
            let date = w[3..].iter().find(|x| **x != "negated").map(|s| s.to_string());
            case.expected.push(Row {
                source: w[0].into(),
                target: if w[1] == "-" { String::new() } else { w[1].into() },
                code: w[2].into(),
                date,
                negated,
            });
            continue;
        }
        let (known_gap, text) = match line.strip_prefix('?') {
            Some(t) => (true, t.trim().to_string()),
            None => (false, line.trim().to_string()),
        };
        cases.push(Case { file: file.into(), line: n + 1, date, text, known_gap, expected: Vec::new() });
    }
    cases
}

fn matches(want: &Row, got: &Row) -> bool {
    let code = match want.code.strip_suffix('*') {
        Some(root) => got.code.starts_with(root),
        None => got.code == want.code,
    };
    want.source == got.source
        && want.target == got.target
        && code
        && want.date.as_ref().is_none_or(|d| Some(d) == got.date.as_ref())
        && want.negated == got.negated
}

#[test]
fn golden_corpus() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/code");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let dict = Dictionary::builtin().expect("actor dictionaries");
    let verbs = VerbDictionary::builtin().unwrap_or_else(|e| panic!("{e}"));
    let cameo = CameoTable::builtin().expect("CAMEO table");
    let coder = Coder::new(&dict, &verbs, &cameo);
    let (mut total, mut passed, mut gaps) = (0, 0, 0);
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
        let text = std::fs::read_to_string(path).expect("readable fixture");
        for case in parse(&name, &text) {
            total += 1;
            let doc = Document::new("golden", case.text.as_str(), Some(case.date));
            let got: Vec<Row> = coder
                .code_document(&doc, false)
                .events
                .iter()
                .map(|e| Row {
                    source: e.source.mention.code.to_string(),
                    target: e.target.as_ref().map_or(String::new(), |t| t.mention.code.to_string()),
                    code: e.code.to_string(),
                    date: e.date.map(|d| d.interval.to_string()),
                    negated: e.negated,
                })
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            let missing: Vec<&Row> =
                case.expected.iter().filter(|w| !got.iter().any(|g| matches(w, g))).collect();
            let extra: Vec<&Row> =
                got.iter().filter(|g| !case.expected.iter().any(|w| matches(w, g))).collect();
            let ok = missing.is_empty() && extra.is_empty();
            match (ok, case.known_gap) {
                (true, false) => passed += 1,
                (false, true) => gaps += 1,
                (true, true) => failures.push(format!(
                    "{}:{}: marked '?' but now passes: remove the '?'\n    {}",
                    case.file, case.line, case.text
                )),
                (false, false) => failures.push(format!(
                    "{}:{}: {}\n    missing: {:?}\n    extra:   {:?}",
                    case.file,
                    case.line,
                    case.text,
                    missing
                        .iter()
                        .map(|r| format!("{} {} {} {:?}", r.source, r.target, r.code, r.date))
                        .collect::<Vec<_>>(),
                    extra
                        .iter()
                        .map(|r| format!("{} {} {} {:?}", r.source, r.target, r.code, r.date))
                        .collect::<Vec<_>>()
                )),
            }
        }
    }
    eprintln!("golden corpus: {total} sentences, {passed} pass, {gaps} known gaps ('?')");
    // Every CAMEO code a pattern can produce has a golden sentence that expects it.
    let mut expected_codes = BTreeSet::new();
    for path in &files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
        let text = std::fs::read_to_string(path).expect("readable fixture");
        for case in parse(&name, &text) {
            expected_codes.extend(case.expected.iter().map(|r| r.code.clone()));
        }
    }
    let uncovered: Vec<String> =
        verbs.codes().iter().map(|c| c.to_string()).filter(|c| !expected_codes.contains(c)).collect();
    let roots: BTreeSet<u8> = verbs.codes().iter().filter_map(|c| c.root()).collect();
    eprintln!("verb patterns reach {} CAMEO codes in {} roots", verbs.codes().len(), roots.len());
    if !uncovered.is_empty() {
        failures.push(format!(
            "codes with patterns but no golden sentence expecting them: {}",
            uncovered.join(", ")
        ));
    }
    assert!(failures.is_empty(), "{} golden sentence(s) failed:\n{}", failures.len(), failures.join("\n"));
}

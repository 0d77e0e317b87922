//! Reader tests: each input shape and each kind of bad input, as a table.

use super::*;

/// Reads `bytes` as if from `name`; returns one line per callback: `doc id date sentences`,
/// `warn MESSAGE` or `skip MESSAGE`.
fn read(name: &str, bytes: &[u8], opts: ReadOptions) -> Vec<String> {
    let mut out = Vec::new();
    Reader::new(opts).read_bytes(Path::new(name), bytes, &mut |item| {
        out.push(match item {
            Input::Document(d) => format!(
                "doc {} {} {}",
                d.id,
                d.date.map_or("-".to_string(), |d| d.to_string()),
                d.sentences().len()
            ),
            Input::Warning(e) => format!("warn {e}"),
            Input::Skipped(e) => format!("skip {e}"),
        })
    });
    out
}

fn with_date(d: &str) -> ReadOptions {
    ReadOptions { date: Some(Date::parse(d).unwrap()), ..ReadOptions::default() }
}

#[test]
fn table() {
    let table: &[(&str, &[u8], ReadOptions, &[&str])] = &[
        ("a.txt", b"Date: 2019-02-02\nTitle: T\n\nOne. Two.", ReadOptions::default(), &["doc a 2019-02-02 2"]),
        ("a.txt", b"ID: x1\nDate: February 2, 2019\nBody starts here.", ReadOptions::default(), &["doc x1 2019-02-02 1"]),
        ("a.txt", b"Just text. No header.", with_date("2020-01-01"), &["doc a 2020-01-01 2"]),
        ("a.txt", b"Date: 2019-02-02\n\nOwn date wins.", with_date("2020-01-01"), &["doc a 2019-02-02 1"]),
        (
            "a.txt",
            b"Just text.",
            ReadOptions::default(),
            &["warn a.txt: no story date (give --date, a 'Date:' header line or a JSONL \"date\"); relative dates like 'last year' stay unresolved", "doc a - 1"],
        ),
        (
            "a.txt",
            b"Date: someday\n\nText.",
            with_date("2020-01-01"),
            &["warn a.txt:1: 'Date: someday' is not a date I can read; ignored", "doc a 2020-01-01 1"],
        ),
        (
            "bad.txt",
            b"caf\xe9 au lait",
            ReadOptions::default(),
            &["skip bad.txt: not UTF-8 at byte 3; skipped (convert it to UTF-8, or pass --lossy to replace bad bytes)"],
        ),
        (
            "bad.txt",
            b"caf\xe9 au lait.",
            ReadOptions { lossy: true, ..with_date("2019-01-01") },
            &["warn bad.txt: not UTF-8 at byte 3; bad bytes replaced with U+FFFD", "doc bad 2019-01-01 1"],
        ),
        (
            "c.jsonl",
            b"{\"id\":\"a\",\"date\":\"2019-02-02\",\"text\":\"One. Two.\"}\n\n{\"id\":7,\"text\":\"Seven.\"}\n",
            with_date("2018-01-01"),
            &["doc a 2019-02-02 2", "doc 7 2018-01-01 1"],
        ),
        (
            "c.jsonl",
            b"{\"text\":\"ok.\",\"date\":\"2019-02-02\"}\nnot json\n{\"id\":\"x\"}\n{\"text\":\"still read.\",\"date\":\"2019-02-03\"}\n",
            ReadOptions::default(),
            &[
                "doc c:1 2019-02-02 1",
                "skip c.jsonl:2: bad record: not a JSON object (expected ident at line 1 column 2); skipped",
                "skip c.jsonl:3: bad record: no \"text\" field; skipped",
                "doc c:4 2019-02-03 1",
            ],
        ),
        (
            "c.jsonl",
            b"{\"text\":\"ok.\",\"date\":\"2019-02-02\"}\n{\"text\":\"caf\xe9\"}\n",
            ReadOptions::default(),
            &["doc c:1 2019-02-02 1", "skip c.jsonl:2: not UTF-8 at byte 12; skipped (convert it to UTF-8, or pass --lossy to replace bad bytes)"],
        ),
        ("<stdin>", b"  {\"text\":\"From stdin.\",\"date\":\"2019-02-02\"}", ReadOptions::default(), &["doc stdin:1 2019-02-02 1"]),
        ("<stdin>", b"Plain from stdin.", with_date("2019-02-02"), &["doc stdin 2019-02-02 1"]),
        ("e.jsonl", b"\n\n", ReadOptions::default(), &["warn e.jsonl: no documents in this file"]),
    ];
    for (name, bytes, opts, want) in table {
        assert_eq!(read(name, bytes, opts.clone()), *want, "{name}: {:?}", String::from_utf8_lossy(bytes));
    }
}

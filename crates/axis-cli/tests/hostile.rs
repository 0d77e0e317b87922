//! Hostile input through the real binary: invalid UTF-8 and binary data in every input kind, a
//! multi-megabyte "sentence", 100,000-deep HTML, entity bombs and external entities in feeds,
//! impossible dates and a dictionary of a million entries. Each ends in a clear message or is
//! coded, never a panic; memory is bounded by running the child under an address-space limit.

mod common;

use common::*;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// `axis` with its address space capped at `mib` MiB (`ulimit -v`): exceeding it is a failed
/// allocation, so a run that holds more than that cannot pass.
#[cfg(unix)]
fn axis_limited(mib: u64, args: &[&str]) -> Output {
    let script = format!("ulimit -v {}; exec \"$0\" \"$@\"", mib * 1024);
    Command::new("sh")
        .args(["-c", &script, env!("CARGO_BIN_EXE_axis")])
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("sh runs")
}

fn no_panic(out: &Output) {
    let err = text(&out.stderr);
    assert!(!err.contains("panicked") && out.status.code().is_some(), "{err}");
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

#[test]
fn invalid_utf8_and_binary_in_every_input_kind() {
    let dir = tempdir("utf8");
    let bad = b"China accused Russia \xff\xfe of \xc3 lying.";
    let binary: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("bad.txt", bad.to_vec()),
        ("bad.html", [b"<html><body><p>".as_slice(), bad, b"</p></body></html>"].concat()),
        (
            "bad.xml",
            [b"<rss><channel><item><title>".as_slice(), bad, b"</title></item></channel></rss>"].concat(),
        ),
        ("bad.jsonl", [b"{\"id\": \"a\", \"text\": \"".as_slice(), bad, b"\"}\n"].concat()),
        ("bad.txt.gz", gzip(bad)),
        ("binary.txt", binary.clone()),
        ("binary.html", binary.clone()),
        ("binary.xml", binary.clone()),
        ("binary.jsonl", binary.clone()),
        ("binary.gz", binary.clone()),
        ("binary.bin", binary.clone()),
    ];
    for (name, bytes) in &cases {
        let file = dir.join(name);
        std::fs::write(&file, bytes).unwrap();
        let out = axis(&["code", p(&file), "--date", "2019-02-02"]);
        no_panic(&out);
        let err = text(&out.stderr);
        assert!(!out.status.success(), "{name}: nothing readable, yet success:\n{err}");
        assert!(err.contains(p(&file)), "{name}: the message names the file:\n{err}");
        // --lossy reads the text kinds anyway, with a warning.
        if name.starts_with("bad.") {
            let out = axis(&["code", p(&file), "--date", "2019-02-02", "--lossy", "--format", "jsonl"]);
            no_panic(&out);
            assert!(out.status.success(), "{name} --lossy:\n{}", text(&out.stderr));
            assert!(text(&out.stderr).contains("UTF-8"), "{name}:\n{}", text(&out.stderr));
        }
    }
}

#[test]
#[cfg(unix)]
fn a_huge_sentence_is_coded_in_bounded_memory() {
    let dir = tempdir("huge");
    let file = dir.join("huge.txt");
    // 3 MB without a full stop: cut into 400-token sentences, ~150,000 events. Held per document
    // this took over 600 MB; streamed per sentence it fits in a fraction of the limit below.
    let unit = "China accused Russia and the United States criticized Iran ";
    std::fs::write(&file, unit.repeat(3_000_000 / unit.len())).unwrap();
    let out =
        axis_limited(600, &["code", p(&file), "--date", "2019-02-02", "--format", "tsv", "--threads", "1"]);
    no_panic(&out);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    let events: usize = err
        .split(" sentence(s), ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no summary: {err}"));
    assert!(events > 100_000, "{err}");
    assert_eq!(text(&out.stdout).lines().count(), events + 1, "one line per event, plus the header");
}

/// The store's write path under the same limit: `axis ingest` of the 3 MB "sentence", then
/// `axis recode` of it with another dictionary version. Each holds the document and one batch
/// of rows, not its ~150,000 events (held whole, ingest took about 680 MB).
#[test]
#[cfg(unix)]
fn a_huge_sentence_is_ingested_and_recoded_in_bounded_memory() {
    let dir = tempdir("huge-store");
    let file = dir.join("huge.txt");
    let unit = "China accused Russia and the United States criticized Iran ";
    std::fs::write(&file, unit.repeat(3_000_000 / unit.len())).unwrap();
    let db = dir.join("huge.db");
    let out = axis_limited(
        600,
        &["ingest", p(&file), "--db", p(&db), "--date", "2019-02-02", "--threads", "1", "--no-near-dup"],
    );
    no_panic(&out);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    let events = count("SELECT count(*) FROM events");
    assert!(events > 100_000, "{events} events\n{err}");
    assert!(err.contains(&format!("{events} event(s)")), "the summary counts the streamed events:\n{err}");
    let version =
        || -> String { conn.query_row("SELECT dict_version FROM documents", [], |r| r.get(0)).unwrap() };
    let before = version();
    // A copy of the shipped dictionaries is another version: the document is stale.
    let dict = dir.join("dict");
    copy_dir(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../dict"), &dict);
    let out = axis_limited(600, &["recode", "--db", p(&db), "--dict", p(&dict), "--threads", "1"]);
    no_panic(&out);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(count("SELECT count(*) FROM events"), events, "recoded to the same events");
    let after = version();
    assert_ne!(before, after, "the document was recoded");
    let stale = format!("SELECT count(*) FROM events WHERE dict_version <> '{after}'");
    assert_eq!(count(&stale), 0, "every event carries the new version");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn deeply_nested_html_and_entity_bombs() {
    let dir = tempdir("nest");
    let html = dir.join("deep.html");
    let depth = 100_000;
    let page = format!(
        "<html><body>{}<p>China accused Russia of lying.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    std::fs::write(&html, page).unwrap();
    let out = axis(&["code", p(&html), "--date", "2019-02-02", "--format", "tsv"]);
    no_panic(&out);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("CHN\t"), "{}", text(&out.stdout));

    // Billion laughs and an external entity: DTDs are skipped, never expanded or fetched.
    let mut dtd = String::from("<!ENTITY lol \"lol\">");
    for i in 1..10 {
        let prev = if i == 1 { "lol".to_string() } else { format!("lol{}", i - 1) };
        dtd.push_str(&format!("<!ENTITY lol{i} \"{}\">", format!("&{prev};").repeat(10)));
    }
    dtd.push_str("<!ENTITY xxe SYSTEM \"file:///etc/passwd\">");
    let feed = format!(
        "<?xml version=\"1.0\"?><!DOCTYPE rss [{dtd}]><rss><channel><item><title>&lol9; &xxe;</title>\
         <pubDate>Sat, 02 Feb 2019 10:00:00 GMT</pubDate><description>China praised Russia. &lol9; &xxe;</description>\
         </item></channel></rss>"
    );
    let xml = dir.join("bomb.xml");
    std::fs::write(&xml, &feed).unwrap();
    let out = axis(&["code", p(&xml), "--format", "jsonl"]);
    no_panic(&out);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.len() < 100 * feed.len(), "entities were expanded: {} bytes", stdout.len());
    assert!(!stdout.contains("lollollol") && !stdout.contains("root:"), "{stdout}");
}

#[test]
fn impossible_dates_are_refused_or_ignored() {
    let dir = tempdir("dates");
    for bad in ["2019-02-30", "0000-01-01", "99999-01-01", "February 30, 2019"] {
        let out = axis(&["code", "-", "--date", bad]);
        no_panic(&out);
        assert!(!out.status.success(), "--date {bad} accepted");
        assert!(text(&out.stderr).contains("date"), "{}", text(&out.stderr));
    }
    // In records and text: the record's date is reported and the document still coded; the
    // impossible day in the text is no event date.
    let jsonl = dir.join("dates.jsonl");
    let mut body = String::new();
    for (i, d) in ["February 30, 2019", "0000-00-00", "99999-12-31", "2019-13-01"].iter().enumerate() {
        body.push_str(&format!(
            "{{\"id\": \"d{i}\", \"date\": \"{d}\", \"text\": \"On February 30, 2019 China accused Russia of lying. In the year 99999 Iran praised Israel.\"}}\n"
        ));
    }
    std::fs::write(&jsonl, body).unwrap();
    let out = axis(&["code", p(&jsonl), "--format", "tsv"]);
    no_panic(&out);
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("{}:1", jsonl.display())),
        "the bad date is reported with its line:\n{err}"
    );
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), 1 + 2 * 4, "every document coded:\n{stdout}");
    for line in stdout.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        for date in [cols[2], cols[3], cols[6]] {
            assert!(date.is_empty() || date.parse::<String>().is_ok_and(|d| d.len() == 10), "{line}");
            assert!(
                !date.contains("02-30") && !date.starts_with("0000") && !date.contains("99999"),
                "{line}"
            );
        }
    }
}

#[test]
fn a_dictionary_of_a_million_entries_loads() {
    let dir = tempdir("bigdict");
    let actors = dir.join("dict/actors");
    std::fs::create_dir_all(&actors).unwrap();
    let letters = |mut i: usize| -> String {
        (0..5)
            .map(|_| {
                let c = char::from(b'A' + (i % 26) as u8);
                i /= 26;
                c
            })
            .collect()
    };
    let mut body = String::with_capacity(50 << 20);
    for i in 0..1_000_000 {
        body.push_str(&format!("[X{}] Zorblat{i} Quux{}\nZorblat{i} Quux{}\n", letters(i), i % 977, i % 977));
    }
    std::fs::write(actors.join("big.txt"), body).unwrap();
    let story = dir.join("s.txt");
    std::fs::write(&story, "Zorblat5 Quux5 accused Zorblat77 Quux77 of lying.").unwrap();
    let out =
        axis(&["code", p(&story), "--dict", p(&dir.join("dict")), "--date", "2019-02-02", "--format", "tsv"]);
    no_panic(&out);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(&format!("X{}", letters(5))) && stdout.contains(&format!("X{}", letters(77))),
        "{stdout}"
    );

    // The same million lines, all malformed: one clear message that lists the first problems.
    std::fs::write(actors.join("big.txt"), "[not a code] x\n".repeat(1_000_000)).unwrap();
    let out = axis(&["code", p(&story), "--dict", p(&dir.join("dict")), "--date", "2019-02-02"]);
    no_panic(&out);
    let err = text(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("1000000 problems") && err.contains("big.txt:1: "),
        "{}",
        &err[..err.len().min(2000)]
    );
    assert!(err.lines().count() < 100, "{} lines of errors", err.lines().count());
}

//! `axis code` and `axis explain`, run as a user runs them: formats, evidence, and bad input.

mod common;

use common::*;
use std::process::{Command, Output, Stdio};

fn axis(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_axis"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("axis runs");
    {
        use std::io::Write;
        let mut i = child.stdin.take().expect("piped");
        let _ = i.write_all(stdin);
    }
    child.wait_with_output().expect("axis finishes")
}

const STORY: &[u8] = b"{\"id\":\"s1\",\"date\":\"2019-02-02\",\"text\":\"Russia's 2014 invasion of Ukraine shocked Europe. Russian troops attacked Ukrainian positions last year.\"}\n";

#[test]
fn jsonl_events_carry_codes_dates_and_evidence() {
    let out = axis(&["code", "--format", "jsonl"], STORY);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let events: Vec<serde_json::Value> =
        text(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect();
    let invasion = events.iter().find(|e| e["code"] == "192").expect("the invasion is coded");
    assert_eq!(invasion["source"], "RUS");
    assert_eq!(invasion["target"], "UKR");
    assert_eq!(invasion["date_start"], "2014-01-01");
    assert_eq!(invasion["date_granularity"], "year");
    assert_eq!(invasion["date_fallback"], false);
    assert_eq!(invasion["quad_class"], 4);
    assert_eq!(invasion["root"], "19");
    assert_eq!(invasion["source_text"], "Russia");
    assert_eq!(invasion["verb"], "invasion");
    let sentence = invasion["sentence_text"].as_str().unwrap();
    let (s, e) = (
        invasion["source_start"].as_u64().unwrap() as usize,
        invasion["source_end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&sentence[s..e], "Russia", "offsets point into the document");
    assert!(invasion["pattern"].as_str().unwrap().contains(".txt:"), "pattern is file:line");
    assert!(invasion["goldstein"].as_f64().unwrap() < 0.0);
    let attack = events.iter().find(|e| e["source"] == "RUSMIL").expect("the attack is coded");
    assert_eq!(attack["date_start"], "2018-01-01");
}

#[test]
fn tsv_csv_and_phoenix_have_their_columns() {
    let tsv = text(&axis(&["code", "--format", "tsv"], STORY).stdout);
    let header: Vec<&str> = tsv.lines().next().unwrap().split('\t').collect();
    assert_eq!(header[0], "doc");
    assert!(header.contains(&"goldstein") && header.contains(&"plover_event"));
    let rows: Vec<Vec<&str>> = tsv.lines().skip(1).map(|l| l.split('\t').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == header.len()), "every row has every column");
    let csv = text(&axis(&["code", "--format", "csv"], STORY).stdout);
    assert!(csv.lines().next().unwrap().starts_with("doc,sentence,"));
    let phoenix = text(&axis(&["code", "--format", "phoenix"], STORY).stdout);
    let first: Vec<&str> = phoenix.lines().next().expect("a Phoenix row").split('\t').collect();
    assert_eq!(first.len(), 26);
    assert_eq!(first[1], "20140101");
    assert_eq!(first[13], "192");
}

#[test]
fn quantities_are_a_second_record_kind() {
    let input = b"{\"id\":\"q\",\"date\":\"2019-02-02\",\"text\":\"About 3,000 Chinese troops joined Russian forces last September.\"}\n";
    let out = text(&axis(&["code", "--format", "jsonl", "--quantities"], input).stdout);
    let q: serde_json::Value = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["record"] == "quantity")
        .expect("a quantity record");
    assert_eq!(q["value"], 3000.0);
    assert_eq!(q["unit"], "people");
    assert_eq!(q["actors"][0], "CHNMIL");
    let bad = axis(&["code", "--format", "tsv", "--quantities"], input);
    assert!(!bad.status.success());
    assert!(text(&bad.stderr).contains("--quantities needs --format jsonl or table"));
}

#[test]
fn bad_input_gets_clear_errors() {
    // Empty input.
    let out = axis(&["code", "--input-format", "text"], b"");
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("no documents read"), "{}", text(&out.stderr));
    // Binary input.
    let out = axis(&["code", "--input-format", "text"], &[0xff, 0xfe, 0x00, 0x9c, 0x80]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("not UTF-8 at byte 0"), "{}", text(&out.stderr));
    // A bad JSONL line does not stop the others.
    let mixed = b"{\"text\":\"Russia attacked Ukraine.\",\"date\":\"2019-02-02\"}\n{oops\n{\"text\":\"China attacked India.\",\"date\":\"2019-02-02\"}\n";
    let out = axis(&["code", "--format", "jsonl"], mixed);
    assert!(out.status.success());
    assert!(text(&out.stderr).contains("<stdin>:2: bad record"));
    assert_eq!(text(&out.stdout).lines().count(), 2);
}

#[test]
fn a_ten_megabyte_sentence_is_coded_without_hanging() {
    let big = "Russia attacked China and sold weapons to India, ".repeat(210_000);
    assert!(big.len() > 10_000_000);
    let out = axis(
        &["code", "--input-format", "text", "--date", "2019-01-01", "--format", "jsonl"],
        big.as_bytes(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).lines().count() > 1000);
}

#[test]
fn explain_shows_every_step() {
    let out = axis(
        &[
            "explain",
            "Russian troops and Chinese forces held joint war games in Siberia last September.",
            "--date",
            "2019-02-02",
        ],
        b"",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    for want in [
        "tokens",
        "\"last September\" = 2018-09",
        "clause",
        "actor    \"Russian troops\" = RUSMIL",
        "pattern",
        "EVENT",
    ] {
        assert!(s.contains(want), "explain lacks {want:?}:\n{s}");
    }
}

#[test]
fn explain_says_why_nothing_was_coded() {
    let out = axis(&["explain", "The weather was fine."], b"");
    assert!(out.status.success());
    let s = text(&out.stdout);
    assert!(s.contains("no --date given"), "{s}");
    assert!(s.contains("actors   none found"), "{s}");
    assert!(s.contains("no events:"), "{s}");
    let empty = axis(&["explain", "   "], b"");
    assert!(!empty.status.success());
    assert!(text(&empty.stderr).contains("the text is empty"));
    let none = axis(&["explain"], b"");
    assert!(!none.status.success());
    assert!(text(&none.stderr).contains("give a text to explain"));
    let json = axis(&["explain", "Russia attacked Ukraine.", "--date", "2019-02-02", "--json"], b"");
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(v["events"][0]["code"].as_str().map(|c| c.starts_with("19")), Some(true));
}

#[test]
fn explain_shows_what_pronouns_stand_for() {
    let out = axis(
        &[
            "explain",
            "China and Russia signed a treaty. They also held joint exercises.",
            "--date",
            "2019-02-02",
        ],
        b"",
    );
    let s = text(&out.stdout);
    assert!(s.contains("pronoun  \"They\" = CHN (\"China\" in sentence 0)"), "{s}");
    assert!(s.contains("EVENT    CHN \"They\" → RUS \"They\" [062"), "{s}");
}

#[test]
fn streaming_mode_matches_jsonl_output_and_takes_empty_input() {
    let stream = axis(&["code", "--stdin", "--jsonl"], STORY);
    assert!(stream.status.success(), "{}", text(&stream.stderr));
    let plain = axis(&["code", "--format", "jsonl", "--input-format", "jsonl", "-"], STORY);
    assert!(!stream.stdout.is_empty());
    assert_eq!(text(&stream.stdout), text(&plain.stdout));
    // A Spark partition can be empty: no documents, no events, no failure.
    let empty = axis(&["code", "--stdin", "--jsonl"], b"");
    assert!(empty.status.success(), "{}", text(&empty.stderr));
    assert!(empty.stdout.is_empty());
    assert!(text(&empty.stderr).contains("0 document(s)"), "{}", text(&empty.stderr));
    // Without --stdin, no documents is still an error; --stdin takes no paths.
    assert!(!axis(&["code", "--jsonl"], b"").status.success());
    assert!(!axis(&["code", "--stdin", "x.jsonl"], b"").status.success());
    assert!(!axis(&["code", "--jsonl", "--format", "csv"], STORY).status.success());
}

#[test]
fn streaming_mode_flushes_each_batch_before_the_input_ends() {
    use std::io::{BufRead, Write};
    let mut child = Command::new(env!("CARGO_BIN_EXE_axis"))
        .args(["code", "--stdin", "--jsonl", "--threads", "1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("axis runs");
    let mut input = child.stdin.take().expect("piped");
    // One full batch (256 documents, one story with events, the rest without: its output is far
    // smaller than a write buffer, so only a flush delivers it), then the input stays open.
    input.write_all(STORY).expect("axis reads");
    for i in 1..256 {
        let line = format!("{{\"id\":\"q{i}\",\"date\":\"2019-02-02\",\"text\":\"Nothing to report.\"}}\n");
        input.write_all(line.as_bytes()).expect("axis reads");
    }
    input.flush().expect("flushed");
    let stdout = child.stdout.take().expect("piped");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut first = String::new();
        let _ = std::io::BufReader::new(stdout).read_line(&mut first);
        let _ = tx.send(first);
    });
    // Generous: this guards against a hang (output held until the end of input), not speed.
    let first = rx.recv_timeout(std::time::Duration::from_secs(120));
    drop(input);
    let _ = child.wait();
    let first = first.expect("an event line arrives while the input is still open");
    let event: serde_json::Value = serde_json::from_str(&first).expect("a JSON event");
    assert_eq!(event["doc"], "s1");
}

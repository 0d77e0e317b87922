//! Input formats through the real binary: HTML pages, RSS/Atom feeds and gzip give events and
//! mentions dated by their own story dates.

mod common;

use common::*;
use std::path::PathBuf;
use std::process::Output;

/// Our own fixture pages and feeds, in the library crate.
fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../axis/tests/fixtures/io").join(name)
}

fn events(out: &Output) -> Vec<serde_json::Value> {
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect()
}

#[test]
fn code_an_html_page() {
    let page = fixture("page.html");
    let events = events(&axis(&["code", p(&page), "--format", "jsonl"]));
    let attack = events.iter().find(|e| e["source"] == "RUSMIL").expect("the attack is coded");
    assert_eq!(attack["story_date"], "2019-02-02", "from article:published_time");
    assert_eq!(attack["date_start"], "2018-01-01", "'last year' resolved against the page's date");
    assert_eq!(attack["doc"], "https://news.example/world/2019/02/02/border-clash");
    assert_eq!(attack["url"], "https://news.example/world/2019/02/02/border-clash");
    // The story's actors only: nothing from the navigation, the cookie banner, the related links,
    // the scripts or the template (China, Iran, Germany, France, Japan, Korea, Brazil).
    let out = axis(&["actors", p(&page), "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let codes: Vec<String> = text(&out.stdout)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("JSON line")["code"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(codes, ["RUSMIL", "UKR", "---GOV", "BLR", "---GOV"]);
}

#[test]
fn code_a_feed() {
    let feed = fixture("feed.xml");
    let out = axis(&["code", p(&feed), "--format", "jsonl"]);
    let stderr = text(&out.stderr);
    let events = events(&out);
    let attack = events.iter().find(|e| e["source"] == "RUSMIL").expect("item 1 is coded");
    assert_eq!(attack["doc"], "axis-1001");
    assert_eq!(attack["story_date"], "2019-02-02", "from pubDate (RFC 2822)");
    assert_eq!(attack["date_start"], "2018-01-01");
    let invasion = events.iter().find(|e| e["code"] == "192").expect("item 2 is coded");
    assert_eq!(invasion["story_date"], "2015-05-08", "from dc:date (RFC 3339)");
    assert_eq!(invasion["date_start"], "2014-01-01");
    assert!(
        stderr.contains("feed.xml:26: bad record: item is malformed: </title> at line 28 closes nothing"),
        "{stderr}"
    );
    assert!(
        stderr.contains("feed.xml:36: bad record: item has no title, description or content"),
        "{stderr}"
    );
}

#[test]
fn actors_in_an_atom_feed_and_gzip() {
    let dir = std::env::temp_dir().join(format!("axis-cli-formats-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let gz = dir.join("wire.atom.gz");
    {
        use std::io::Write;
        let bytes = std::fs::read(fixture("atom.xml")).unwrap();
        let mut f = std::fs::File::create(&gz).unwrap();
        // A stored (uncompressed) gzip member written by hand keeps this test free of a gzip crate.
        f.write_all(&stored_gzip(&bytes)).unwrap();
    }
    let out = axis(&["actors", p(&dir), "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mentions: Vec<serde_json::Value> =
        text(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect();
    let docs: Vec<&str> = mentions.iter().map(|m| m["doc"].as_str().unwrap()).collect();
    assert!(
        docs.contains(&"tag:wire.example,2019:1") && docs.contains(&"tag:wire.example,2018:2"),
        "{docs:?}"
    );
    let drills = mentions.iter().find(|m| m["doc"] == "tag:wire.example,2018:2").unwrap();
    assert_eq!(drills["date"]["start"], "2018-07-01", "dated by the entry's <updated>");
    // A truncated copy: a clear error naming the file.
    let bytes = std::fs::read(&gz).unwrap();
    std::fs::write(&gz, &bytes[..bytes.len() / 2]).unwrap();
    let out = axis(&["actors", p(&gz), "--json"]);
    let stderr = text(&out.stderr);
    assert!(stderr.contains(&format!("{}: gzip data is truncated or corrupt", gz.display())), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn unknown_formats_are_named() {
    let dir = std::env::temp_dir().join(format!("axis-cli-unknown-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("scan.bin");
    std::fs::write(&f, b"\x00\x01\x02binary").unwrap();
    let out = axis(&["code", p(&f)]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("scan.bin: cannot tell the format: binary data"),
        "{}",
        text(&out.stderr)
    );
    let help = text(&axis(&["code", "--help"]).stdout);
    for want in ["html", "feed", ".gz", "<rss"] {
        assert!(help.contains(want), "--help lacks {want}:\n{help}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// `bytes` as a gzip file whose one deflate block is stored, not compressed (RFC 1951 §3.2.4).
fn stored_gzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255];
    let chunks: Vec<&[u8]> = bytes.chunks(65_535).collect();
    for (i, c) in chunks.iter().enumerate() {
        out.push(u8::from(i + 1 == chunks.len()));
        let len = c.len() as u16;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(c);
    }
    out.extend_from_slice(&crc32(bytes).to_le_bytes());
    out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

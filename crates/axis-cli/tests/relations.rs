//! `axis dyad`, `triangle`, `balance` and `asymmetry` run for real over event files: events coded
//! from the bundled sample by `axis code`, and small hand-built files whose answers are known.

mod common;

use common::*;
use std::path::{Path, PathBuf};

/// Codes the bundled sample into `dir/demo.jsonl`.
fn demo_events(dir: &Path) -> PathBuf {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/demo.jsonl");
    let out = axis(&["code", p(&sample), "--format", "jsonl"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let path = dir.join("demo.jsonl");
    std::fs::write(&path, &out.stdout).expect("write events");
    path
}

/// One event line as `axis code --format jsonl` writes it (the fields the commands read).
fn line(day: &str, source: &str, code: &str, target: &str, sentence: &str) -> String {
    let root: u8 = code[..2].parse().unwrap();
    let (quad, g) = match root {
        1..=5 => (1, 3.0),
        6..=9 => (2, 6.0),
        10..=14 => (3, -2.0),
        _ => (4, -9.0),
    };
    format!(
        r#"{{"doc":"t","sentence":0,"sentence_text":"{sentence}","date_start":"{day}","date_end":"{day}","source":"{source}","target":"{target}","code":"{code}","quad_class":{quad},"goldstein":{g},"negated":false}}"#
    )
}

#[test]
fn dyad_over_the_coded_sample() {
    let dir = tempdir("dyad");
    let events = demo_events(&dir);
    let ev = p(&events);
    let out = axis(&["dyad", "CHN", "RUS", "--events", ev, "--by", "year", "--from", "2000", "--to", "2003"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    // The 2001 treaty, signed by both (057 twice, Goldstein 8 each); the years around it empty.
    let rows: Vec<Vec<&str>> = stdout.lines().skip(2).map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(rows.len(), 4, "{stdout}");
    assert_eq!(rows[0], ["2000", "0", "0", "0", "0", "0", "0.0", "-", "-", "0"]);
    assert_eq!(rows[1], ["2001", "2", "2", "0", "0", "0", "16.0", "8.00", "1.00", "2"]);
    assert!(text(&out.stderr).contains("event(s) read"));
    // --precise: by month, events dated only to a year or month range are left out; the treaty
    // (dated to the day) stays.
    let out = axis(&["dyad", "RUS", "IND", "--events", ev, "--by", "month", "--precise"]);
    assert!(text(&out.stderr).contains("--precise left out"), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("0 event(s) in 0 period(s)"), "{}", text(&out.stdout));
    let out = axis(&["dyad", "RUS", "IND", "--events", ev, "--by", "year", "--precise"]);
    assert!(text(&out.stdout).contains("1 event(s) in 1 period(s)"), "{}", text(&out.stdout));
    // Directed RUS→CHN: one of the two.
    let out = axis(&["dyad", "RUS", "CHN", "--events", ev, "--by", "year", "--directed", "--csv"]);
    let csv = text(&out.stdout);
    assert!(csv.starts_with("period,events,verb_coop,"), "{csv}");
    let y2001: Vec<&str> =
        csv.lines().find(|l| l.starts_with("2001,")).expect("2001 row").split(',').collect();
    assert_eq!(y2001[1], "1");
    // JSON lines parse, one per year from the first CHN-RUS event (2001: the 1957 events are
    // SUN-CHN, and the Soviet Union is not Russia) to the last (2019).
    let out = axis(&["dyad", "CHN", "RUS", "--events", ev, "--by", "year", "--json"]);
    let rows: Vec<serde_json::Value> =
        text(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect();
    assert_eq!(rows.len(), 2019 - 2001 + 1);
    assert_eq!(rows[0]["period"], "2001");
    let total: i64 = rows.iter().map(|r| r["events"].as_i64().unwrap()).sum();
    assert_eq!(total, 3); // 2001 treaty ×2, 2019 visit
                          // A chart.
    let svg = dir.join("dyad.svg");
    let out = axis(&["dyad", "CHN", "RUS", "--events", ev, "--by", "year", "--plot", p(&svg)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let chart = std::fs::read_to_string(&svg).unwrap();
    assert!(chart.starts_with("<svg") && chart.contains("CHN - RUS by year"));
    assert_eq!(chart.matches("<title>bar ").count(), 2, "bars for 2001 and 2019");
}

#[test]
fn triangle_with_transitions_and_evidence() {
    let dir = tempdir("triangle");
    let mut lines = Vec::new();
    // 2017: ménage à trois; 2018: CHN and RUS together against the USA.
    for (s, t) in [("USA", "CHN"), ("USAGOV", "RUS"), ("CHN", "RUS")] {
        for _ in 0..3 {
            lines.push(line("2017-05-01", s, "057", t, "They signed."));
        }
    }
    for _ in 0..3 {
        lines.push(line("2018-04-01", "CHNGOV", "062", "RUSMIL", "Joint exercises."));
        lines.push(line("2018-04-02", "USA", "163", "CHN", "Sanctions on China."));
        lines.push(line("2018-04-03", "RUS", "112", "USA", "Moscow accused Washington."));
    }
    lines.push("{broken".to_string());
    let events = dir.join("hand.jsonl");
    std::fs::write(&events, lines.join("\n")).unwrap();
    let ev = p(&events);
    let png = dir.join("tri.png");
    let out = axis(&["triangle", "USA", "CHN", "RUS", "--events", ev, "--by", "year", "--plot", p(&png)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("2017  ") && stdout.contains("ménage à trois"), "{stdout}");
    assert!(stdout.contains("stable marriage (CHN+RUS vs USA)"), "{stdout}");
    assert!(stdout
        .contains("2018: ménage à trois -> stable marriage (CHN+RUS vs USA) (changed: USA-CHN, USA-RUS)"));
    // The strongest events first: the sanctions (−9).
    let first = stdout.lines().skip_while(|l| !l.starts_with("2018:")).nth(1).unwrap();
    assert!(first.contains("2018-04-02 USA 163 CHN") && first.contains("Sanctions on China."), "{first}");
    let stderr = text(&out.stderr);
    assert!(stderr.contains("hand.jsonl:19: not a JSON event record"), "{stderr}");
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    // Stricter threshold: four events needed, nothing is known.
    let out = axis(&[
        "triangle",
        "USA",
        "CHN",
        "RUS",
        "--events",
        ev,
        "--by",
        "year",
        "--min-events",
        "4",
        "--csv",
    ]);
    let csv = text(&out.stdout);
    assert_eq!(csv.lines().filter(|l| l.ends_with(",undetermined")).count(), 2, "{csv}");
    // JSON: rows, then the transition with its evidence.
    let out = axis(&["triangle", "USA", "CHN", "RUS", "--events", ev, "--by", "year", "--json"]);
    let v: Vec<serde_json::Value> =
        text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(v.len(), 3);
    assert_eq!(v[1]["configuration"]["kind"], "stable_marriage");
    assert_eq!(v[2]["record"], "transition");
    assert_eq!(v[2]["evidence"].as_array().unwrap().len(), 5);
    // Balance over the same events, with a fourth actor that never appears.
    let out = axis(&["balance", "USA", "CHN", "RUS", "IND", "--events", ev, "--by", "year"]);
    let stdout = text(&out.stdout);
    let y2018: Vec<&str> =
        stdout.lines().find(|l| l.starts_with("2018")).unwrap().split_whitespace().collect();
    assert_eq!(y2018[..7], ["2018", "1", "2", "1", "1", "1.00", "0"], "{stdout}");
    assert!(stdout.contains("USA | CHN+RUS") || stdout.contains("USA+IND | CHN+RUS"), "{stdout}");
}

#[test]
fn asymmetry_with_capabilities() {
    let dir = tempdir("asym");
    let lines = [
        line("1955-02-01", "SUNGOV", "071", "CHN", "Moscow sent engineers."),
        line("1955-03-01", "SUN", "072", "CHNMIL", "Moscow supplied tanks."),
        line("1955-04-01", "CHNGOV", "042", "SUN", "Mao travelled to Moscow."),
        line("1955-05-01", "CHN", "0234", "SUN", "Beijing asked for help."),
    ];
    let events = dir.join("a.jsonl");
    std::fs::write(&events, lines.join("\n")).unwrap();
    let caps = dir.join("nmc.csv");
    std::fs::write(&caps, "stateabb,ccode,year,cinc\nRUS,365,1955,0.18\nCHN,710,1955,0.09\n").unwrap();
    let out = axis(&[
        "asymmetry",
        "SUN",
        "CHN",
        "--events",
        p(&events),
        "--by",
        "year",
        "--capabilities",
        p(&caps),
        "--csv",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    let row: Vec<&str> = csv.lines().nth(1).unwrap().split(',').collect();
    // aid 2/0, visits 0/1, appeals 0/1, yields 0/0, coop 2/2, initiated 0.5, senior 1.0, CINC 2.
    assert_eq!(
        row,
        [
            "1955", "2", "0", "0", "1", "0", "1", "0", "0", "2", "2", "0.50", "1.00", "0.1800", "0.0900",
            "2.00"
        ]
    );
    let svg = dir.join("asym.svg");
    let out = axis(&["asymmetry", "SUN", "CHN", "--events", p(&events), "--by", "year", "--plot", p(&svg)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let chart = std::fs::read_to_string(&svg).unwrap();
    assert_eq!(chart.matches("<title>bar 1955 indicator events 4</title>").count(), 1, "{chart}");
}

#[test]
fn bad_arguments_are_clear_errors() {
    let dir = tempdir("bad");
    let events = dir.join("e.jsonl");
    std::fs::write(&events, line("2019-01-01", "CHN", "042", "RUS", "x")).unwrap();
    let ev = p(&events);
    let cases: [(&[&str], &str); 5] = [
        (&["dyad", "CHN", "RUS", "--events", ev, "--plot", "out.gif"], "charts are written as .svg or .png"),
        (&["dyad", "CH", "RUS", "--events", ev], "'CH' is not an actor code"),
        (
            &["dyad", "CHN", "RUS", "--events", "/nonexistent/e.jsonl"],
            "reading events from /nonexistent/e.jsonl",
        ),
        (&["balance", "CHN", "RUS", "--events", ev], "at least three actors"),
        (&["triangle", "USA", "CHN", "RUS", "--events", ev, "--margin", "1.5"], "--margin must be"),
    ];
    for (args, want) in cases {
        let out = axis(args);
        assert!(!out.status.success(), "{args:?}");
        assert!(text(&out.stderr).contains(want), "{args:?}: {}", text(&out.stderr));
    }
    let out = axis(&["dyad", "CHN", "RUS", "--events", ev, "--by", "fortnight"]);
    assert!(text(&out.stderr).contains("not a period"));
}

/// The same sample stored with `axis ingest` gives the same series from the database as from the
/// JSON lines, and triangle transitions list their evidence from the stored sentences.
#[test]
fn the_database_and_the_event_file_agree() {
    let dir = tempdir("db");
    let events = demo_events(&dir);
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/demo.jsonl");
    let db = dir.join("demo.db");
    let out = axis(&["ingest", p(&sample), "--db", p(&db)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    for cmd in [
        vec!["dyad", "CHN", "RUS", "--by", "year", "--csv"],
        vec!["dyad", "SUN", "CHN", "--by", "year", "--csv", "--directed"],
        vec!["balance", "USA", "CHN", "RUS", "--by", "year", "--csv", "--min-events", "1"],
        vec!["asymmetry", "SUN", "CHN", "--by", "year", "--csv"],
    ] {
        let from_file = axis(&[&cmd[..], &["--events", p(&events)]].concat());
        let from_db = axis(&[&cmd[..], &["--db", p(&db)]].concat());
        assert!(from_db.status.success(), "{cmd:?}: {}", text(&from_db.stderr));
        assert!(!from_file.stdout.is_empty());
        assert_eq!(text(&from_file.stdout), text(&from_db.stdout), "{cmd:?}");
    }
    // A triangle that changes between two years: the transition lists the stored sentences.
    let corpus = dir.join("triangle.jsonl");
    let docs = [
        ("a", "2018-03-01", "China and Russia held talks in Moscow."),
        ("b", "2018-03-02", "The United States praised China."),
        ("c", "2018-03-03", "The United States praised Russia."),
        ("d", "2019-03-01", "China and Russia held talks in Beijing."),
        ("e", "2019-03-02", "The United States condemned China."),
        ("f", "2019-03-03", "The United States condemned Russia."),
    ];
    let lines: Vec<String> = docs
        .iter()
        .map(|(id, date, t)| serde_json::json!({"id": id, "date": date, "text": t}).to_string())
        .collect();
    std::fs::write(&corpus, lines.join("\n")).expect("write corpus");
    let out = axis(&["ingest", p(&corpus), "--db", p(&db)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = axis(&[
        "triangle",
        "USA",
        "CHN",
        "RUS",
        "--db",
        p(&db),
        "--by",
        "year",
        "--from",
        "2018",
        "--min-events",
        "1",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("The United States condemned Russia."), "evidence from the database:\n{stdout}");
    // --events and --db exclude each other; one of them is needed.
    assert!(!axis(&["dyad", "CHN", "RUS"]).status.success());
    assert!(!axis(&["dyad", "CHN", "RUS", "--db", p(&db), "--events", p(&events)]).status.success());
}

/// The ICEWS sample imported into a database: `axis dyad` and `axis triangle` for USA, CHN and
/// RUS agree with counts taken straight from the events table with SQL. Skips, saying why,
/// without `../shared`.
#[test]
fn icews_in_a_database_agrees_with_sql_counts() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/icews/icews_events_2018-06-01_02_sample.tab");
    if !sample.exists() {
        eprintln!("skipped: {} is absent (the ICEWS sample lives in ../shared/)", sample.display());
        return;
    }
    let dir = tempdir("icews-sql");
    let db = dir.join("icews.db");
    let out = axis(&["import", "icews", p(&sample), "--db", p(&db)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let conn = rusqlite::Connection::open(&db).expect("open db");
    // Undirected counts per day and QuadClass, and Goldstein sums, for one pair, by plain SQL.
    let sql_counts = |a: &str, b: &str| -> std::collections::BTreeMap<String, [i64; 5]> {
        let mut stmt = conn
            .prepare(
                "SELECT date_start, quad_class, count(*) FROM events
                 WHERE NOT negated AND ((source GLOB ?1 AND target GLOB ?2) OR (source GLOB ?2 AND target GLOB ?1))
                 GROUP BY date_start, quad_class",
            )
            .unwrap();
        let mut m = std::collections::BTreeMap::new();
        let rows = stmt
            .query_map([format!("{a}*"), format!("{b}*")], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?))
            })
            .unwrap();
        for row in rows {
            let (day, quad, n) = row.unwrap();
            let e: &mut [i64; 5] = m.entry(day).or_default();
            e[0] += n;
            e[quad as usize] += n;
        }
        m
    };
    for (a, b) in [("USA", "CHN"), ("USA", "RUS"), ("CHN", "RUS")] {
        let want = sql_counts(a, b);
        assert!(!want.is_empty() || a == "CHN", "{a}-{b}: the sample has events");
        let out = axis(&["dyad", a, b, "--db", p(&db), "--by", "day", "--csv"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let csv = text(&out.stdout);
        let mut got = std::collections::BTreeMap::new();
        for line in csv.lines().skip(1) {
            let f: Vec<&str> = line.split(',').collect();
            let n: Vec<i64> = f[1..6].iter().map(|x| x.parse().unwrap()).collect();
            if n[0] > 0 {
                got.insert(f[0].to_string(), [n[0], n[1], n[2], n[3], n[4]]);
            }
        }
        assert_eq!(got, want, "{a}-{b} by day: axis dyad vs SQL");
    }
    // The triangle's per-side event counts are the same numbers.
    let out = axis(&["triangle", "USA", "CHN", "RUS", "--db", p(&db), "--by", "day", "--csv"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    for line in csv.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        for (side, (a, b)) in
            [("USA-CHN", ("USA", "CHN")), ("USA-RUS", ("USA", "RUS")), ("CHN-RUS", ("CHN", "RUS"))]
        {
            let col = header.iter().position(|h| *h == format!("{side}_events")).expect("events column");
            let want = sql_counts(a, b).get(f[0]).map_or(0, |c| c[0]);
            assert_eq!(f[col].parse::<i64>().unwrap(), want, "{side} on {}", f[0]);
        }
    }
}

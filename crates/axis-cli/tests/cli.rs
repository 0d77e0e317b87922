//! The `axis` binary, run for real: exit codes, stdout and stderr, as a user sees them.

mod common;

use common::*;
use std::process::{Command, Output};

fn axis(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_axis"));
    cmd.args(args);
    cmd.stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().expect("axis runs");
    {
        use std::io::Write;
        let mut i = child.stdin.take().expect("piped");
        if let Some(bytes) = stdin {
            i.write_all(bytes).expect("write stdin");
        }
    }
    child.wait_with_output().expect("axis finishes")
}

#[test]
fn demo_runs_on_the_bundled_sample() {
    let out = axis(&["demo", "--actors"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    for want in ["SUNGOV", "\"Mao Zedong\"", "CHNMIL", "USALEG", "\"Russia's Central Bank\""] {
        assert!(stdout.contains(want), "demo output lacks {want}:\n{stdout}");
    }
    assert!(text(&out.stderr).contains("12 documents"));
    // Events by default: Nixon's 1972 visit, the 2001 treaty both ways.
    let events = axis(&["demo"], None);
    assert!(events.status.success(), "{}", text(&events.stderr));
    let stdout = text(&events.stdout);
    for want in ["042  USAGOV \"President Nixon\"", "057  RUSGOV", "057  CHNGOV", "1972-02-28"] {
        assert!(stdout.contains(want), "demo events lack {want}:\n{stdout}");
    }
    let json = axis(&["demo", "--json"], None);
    let lines: Vec<serde_json::Value> =
        text(&json.stdout).lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect();
    assert!(lines.len() >= 10 && lines.iter().all(|v| v["code"].is_string()));
}

#[test]
fn actors_table_and_json() {
    let dir = tempdir("actors");
    let f = dir.join("story.txt");
    std::fs::write(&f, "Moscow sent engineers to Beijing in 1956. Moscow and Beijing now trade gas.")
        .unwrap();
    let out = axis(&["actors", p(&f), "--date", "2019-02-02", "--json"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines: Vec<serde_json::Value> =
        text(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect();
    let codes: Vec<&str> = lines.iter().map(|v| v["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["SUN", "---CVL", "CHN", "RUS", "CHN"]);
    assert_eq!(lines[0]["date"]["start"], "1956-01-01");
    assert_eq!(lines[0]["start"], 0);
    assert_eq!(lines[0]["end"], 6);
    // With a header block, offsets still point into the file.
    let h = dir.join("header.txt");
    std::fs::write(&h, "Date: 2019-02-02\n\nThe Kremlin agreed.").unwrap();
    let out = axis(&["actors", p(&h), "--json"], None);
    let v: serde_json::Value = serde_json::from_str(text(&out.stdout).lines().next().unwrap()).unwrap();
    let file = std::fs::read_to_string(&h).unwrap();
    let (s, e) = (v["start"].as_u64().unwrap() as usize, v["end"].as_u64().unwrap() as usize);
    assert_eq!(&file[s..e], "The Kremlin");
    let table = axis(&["actors", p(&f), "--date", "2019-02-02"], None);
    assert!(text(&table.stdout).contains("SUN"), "{}", text(&table.stdout));
}

#[test]
fn stdin_jsonl_and_bad_records() {
    let input = b"{\"id\":\"a\",\"date\":\"2019-02-02\",\"text\":\"Chinese troops moved.\"}\nnot json\n{\"id\":\"b\",\"date\":\"2019-02-02\",\"text\":\"The Kremlin said no.\"}\n";
    let out = axis(&["actors", "--json"], Some(input));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("\"CHNMIL\"") && stdout.contains("\"RUSGOV\""), "{stdout}");
    assert!(text(&out.stderr).contains("<stdin>:2: bad record"), "{}", text(&out.stderr));
}

#[test]
fn non_utf8_is_a_clear_error_and_lossy_is_a_warning() {
    let dir = tempdir("utf8");
    let f = dir.join("latin1.txt");
    std::fs::write(&f, b"Date: 2019-02-02\n\nThe caf\xe9 in Moscow.").unwrap();
    let out = axis(&["actors", p(&f)], None);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("latin1.txt: not UTF-8 at byte 25"), "{err}");
    let lossy = axis(&["actors", p(&f), "--lossy"], None);
    assert!(lossy.status.success(), "{}", text(&lossy.stderr));
    assert!(text(&lossy.stderr).contains("replaced with U+FFFD"));
    assert!(text(&lossy.stdout).contains("RUS"));
}

#[test]
fn missing_date_warns_but_reads() {
    let out = axis(&["actors", "--input-format", "text"], Some(b"Beijing protested."));
    assert!(out.status.success());
    assert!(text(&out.stderr).contains("no story date"), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("CHN"));
}

#[test]
fn missing_file_is_reported_and_others_still_read() {
    let dir = tempdir("missing");
    let good = dir.join("good.txt");
    std::fs::write(&good, "Date: 2019-02-02\n\nBeijing protested.").unwrap();
    let out = axis(&["actors", "/nonexistent/axis.txt", p(&good)], None);
    assert!(out.status.success(), "one good input is enough");
    assert!(text(&out.stderr).contains("/nonexistent/axis.txt: cannot read"));
    assert!(text(&out.stdout).contains("CHN"));
}

#[test]
fn dict_check_reports_file_and_line() {
    let dir = tempdir("dict");
    std::fs::write(dir.join("a.txt"), "[RUS] Russia\nRussia\nMoscow | 1991-13-01..\n").unwrap();
    let out = axis(&["dict", "check", p(&dir)], None);
    assert!(!out.status.success());
    let stdout = text(&out.stdout);
    assert!(stdout.contains("a.txt:3: '1991-13-01' is not a valid calendar date"), "{stdout}");
    let ok = axis(&["dict", "check"], None);
    assert!(ok.status.success(), "built-in dictionaries: {}", text(&ok.stdout));
}

#[test]
fn user_dictionary_replaces_the_builtin_one() {
    let dir = tempdir("userdict");
    std::fs::write(dir.join("d.txt"), "[XYZ] Ruritania\nRuritania\nRuritanian | demonym\n").unwrap();
    let out = axis(
        &["actors", "--dict", p(&dir), "--json", "--date", "2019-01-01"],
        Some(b"Ruritanian and Chinese envoys met."),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("\"XYZ\"") && !stdout.contains("CHN"), "{stdout}");
}

#[test]
fn import_gdelt_and_icews_write_events_and_report_bad_rows() {
    let dir = tempdir("import");
    // A 58-column GDELT 1.0 row written for this test, then a row with a bad date.
    let mut row = vec![""; 58];
    for (i, v) in [(0, "42"), (1, "20190201"), (5, "RUSGOV"), (6, "RUSSIA"), (15, "CHN"), (16, "CHINA")]
        .into_iter()
        .chain([(25, "1"), (26, "042"), (27, "042"), (28, "04"), (29, "1"), (30, "1.9"), (31, "3")])
        .chain([
            (32, "1"),
            (33, "3"),
            (34, "2.5"),
            (49, "0"),
            (56, "20190202"),
            (57, "https://example.org/a"),
        ])
    {
        row[i] = v;
    }
    let good = row.join("\t");
    let bad = good.replacen("20190201", "2019-02-01", 1);
    let gdelt = dir.join("events.CSV");
    std::fs::write(&gdelt, format!("{good}\n{bad}\n")).expect("write");
    let out = axis(&["import", "gdelt", p(&gdelt)], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines: Vec<serde_json::Value> =
        text(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["origin"], "gdelt1");
    assert_eq!(lines[0]["origin_id"], 42);
    assert_eq!(lines[0]["code"], "042");
    assert_eq!(lines[0]["source"], "RUSGOV");
    assert_eq!(lines[0]["url"], "https://example.org/a");
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("events.CSV:2: SQLDATE \"2019-02-01\" is not a date YYYYMMDD; row skipped"),
        "{stderr}"
    );
    assert!(stderr.contains("2 rows read from 1 file: 1 imported, 1 skipped, 0 warnings"), "{stderr}");

    // CSV output has the header and one line per event.
    let csv = axis(&["import", "gdelt", p(&gdelt), "--format", "csv"], None);
    let stdout = text(&csv.stdout);
    assert!(stdout.starts_with("origin,origin_id,line,date,source,"), "{stdout}");
    assert!(stdout.contains("\ngdelt1,42,1,2019-02-01,RUSGOV,RUSSIA,CHN,CHINA,042,04,1,1.9,1,3,1,3,2.5,"));

    // ICEWS: a header and one row of our own; an unknown country is a warning, the row is kept.
    let icews = dir.join("events.tab");
    std::fs::write(
        &icews,
        "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\t\
         Intensity\tTarget Name\tTarget Sectors\tTarget Country\n\
         9\t2018-06-01\tArmy (Russia)\tMilitary\tRussian Federation\tConsult\t040\t1\tRuritania\tNA\tRuritania\n",
    )
    .expect("write");
    let out = axis(&["import", "icews", p(&icews), "--format", "tsv"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("\nicews\t9\t2\t2018-06-01\tRUSMIL\tArmy (Russia)\t\tRuritania\t040\t04\t1\t1\t"),
        "{stdout}"
    );
    assert!(
        text(&out.stderr).contains("warning: ")
            && text(&out.stderr).contains("unknown country \"Ruritania\"")
    );

    // With --db the events are stored, keyed by origin and id: a second import adds nothing, and
    // export gives them back with their codes and URL.
    let db = dir.join("events.db");
    for (round, want) in [(1, "stored in"), (2, "0 new events, 1 already there")] {
        let out = axis(&["import", "gdelt", p(&gdelt), "--db", p(&db)], None);
        assert!(out.status.success(), "round {round}: {}", text(&out.stderr));
        assert!(text(&out.stderr).contains(want), "round {round}: {}", text(&out.stderr));
        assert!(out.stdout.is_empty(), "nothing on stdout with --db");
    }
    let out = axis(&["import", "icews", p(&icews), "--db", p(&db)], None);
    assert!(text(&out.stderr).contains("1 new events, 0 already there"), "{}", text(&out.stderr));
    let out = axis(&["export", "--db", p(&db), "--origin", "gdelt", "--format", "jsonl"], None);
    let rows: Vec<serde_json::Value> =
        text(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect();
    assert_eq!(rows.len(), 1, "{}", text(&out.stderr));
    assert_eq!((rows[0]["source"].as_str(), rows[0]["target"].as_str()), (Some("RUSGOV"), Some("CHN")));
    assert_eq!(
        (rows[0]["code"].as_str(), rows[0]["url"].as_str()),
        (Some("042"), Some("https://example.org/a"))
    );
    let out = axis(&["export", "--db", p(&db), "--origin", "icews", "--format", "csv"], None);
    assert!(text(&out.stdout).contains("RUSMIL"), "{}", text(&out.stdout));

    // Nothing importable: exit 1.
    let out = axis(&["import", "gdelt", p(&dir.join("missing.CSV"))], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("missing.CSV: cannot read"));
}

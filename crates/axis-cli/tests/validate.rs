//! `axis validate` and `--dict petrarch:…`, run for real on a small PETRARCH set written here.

mod common;

use common::*;
use std::path::PathBuf;

/// A folder holding a tiny PETRARCH dictionary set and a records file naming it.
fn fixture(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("axis-validate-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let files: &[(&str, &str)] = &[
        ("t.verbs.txt", "--- VISIT [042] ---\nVISIT\n- * (TO +) [042]\n- * BRIEFLY [903]\n\n--- ATTACK [190] ---\nATTACK\n\n--- LEAVE [032:033] ---\nLEAVE {LEFT LEAVES LEAVING}\n"),
        ("t.actors.txt", "ALPHALAND [AAA]\nBETAVIA [BBB]\nGAMMORA [CCC]\nBADLINE [AB]\n"),
        ("t.agents.txt", "GOVERNMENT [~GOV]\n"),
        ("t.discards.txt", "FOOTBALL\n"),
        (
            "records.xml",
            r#"<Validation>
<Environment>
<Verbfile>t.verbs.txt</Verbfile>
<Actorfile>t.actors.txt</Actorfile>
<Agentfile>t.agents.txt</Agentfile>
<Discardfile>t.discards.txt</Discardfile>
</Environment>
<Sentences>
<Sentence date="20200101" id="R-1" category="BASIC">
<EventCoding sourcecode="AAA" targetcode="BBB" eventcode="190"></EventCoding>
<Text>Alphaland attacked Betavia.</Text>
</Sentence>
<Sentence date="20200101" id="R-2" category="AGENT">
<EventCoding sourcecode="AAAGOV" targetcode="CCC" eventcode="042"></EventCoding>
<Text>The Alphaland government visited Gammora.</Text>
</Sentence>
<Sentence date="20200101" id="R-3" category="BASIC">
<EventCoding sourcecode="BBB" targetcode="CCC" eventcode="042"></EventCoding>
<Text>Betavia attacked Gammora.</Text>
</Sentence>
<Sentence date="20200101" id="R-4" category="BASIC">
<EventCoding noevents="True"></EventCoding>
<Text>Alphaland attacked Betavia at football.</Text>
</Sentence>
<Sentence date="20200101" id="R-5" category="CODES">
<EventCoding sourcecode="AAA" targetcode="CCC" eventcode="903"></EventCoding>
<Text>Alphaland visited Gammora briefly.</Text>
</Sentence>
<Sentence date="20200101" id="R-7" category="PAIRED">
<EventCoding sourcecode="BBB" targetcode="CCC" eventcode="032"></EventCoding>
<EventCoding sourcecode="CCC" targetcode="BBB" eventcode="033"></EventCoding>
<Text>Betavia left for Gammora.</Text>
</Sentence>
<Sentence date="2020" id="R-6" category="BASIC">
<EventCoding noevents="True"></EventCoding>
<Text>A record with a bad date.</Text>
</Sentence>
</Sentences>
</Validation>
"#,
        ),
    ];
    for (name, body) in files {
        std::fs::write(dir.join(name), body).expect("write fixture");
    }
    dir
}

#[test]
fn validate_scores_records_with_the_dictionaries_they_name() {
    let dir = fixture("table");
    let records = dir.join("records.xml");
    let dict = format!("petrarch:{}", p(&dir));
    let out = axis(&["validate", p(&records), "--dict", &dict]);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("exact-record accuracy: 4/6 = 66.7%"), "{stdout}");
    assert!(stdout.contains("over records whose gold is all CAMEO: 4/5 = 80.0%"), "{stdout}");
    assert!(stdout.contains("F1 0.667"), "{stdout}");
    assert!(stdout.contains("R-3 (") && stdout.contains("produced: BBB CCC 190"), "{stdout}");
    assert!(stdout.contains("R-5 (") && stdout.contains("[gold outside CAMEO]"), "{stdout}");
    assert!(stdout.contains("axis explain --dict petrarch:"), "{stdout}");
    assert!(!stdout.contains("R-1 (") && !stdout.contains("R-4 ("), "discards and correct records: {stdout}");
    // Problems name file and line; the bad record is skipped, the rest scored.
    assert!(stderr.contains("t.actors.txt:4: 'AB' is not a code"), "{stderr}");
    assert!(stderr.contains("records.xml:34: record 'R-6'"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn validate_json_and_code_with_petrarch_dictionaries() {
    let dir = fixture("json");
    let records = dir.join("records.xml");
    let dict = format!("petrarch:{}", p(&records));
    let out = axis(&["validate", p(&records), "--dict", &dict, "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    assert_eq!(v["total"]["records"], 6);
    assert_eq!(v["total"]["correct"], 4);
    assert_eq!(v["total"]["non_cameo"], 1);
    assert_eq!(v["failing"].as_array().map(Vec::len), Some(2));
    let out = axis(&["code", p(&records), "--dict", &dict, "--format", "jsonl"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let events = text(&out.stdout);
    assert!(events.lines().any(|l| l.contains("\"AAAGOV\"") && l.contains("\"042\"")), "{events}");
    // The discard phrase drops R-4's events; the paired pattern adds the visit received.
    assert!(!events.contains("\"doc\":\"R-4\""), "{events}");
    let r7: Vec<&str> = events.lines().filter(|l| l.contains("\"doc\":\"R-7\"")).collect();
    assert!(r7.len() == 2 && r7.iter().any(|l| l.contains("\"033\"")), "{events}");
}

#[test]
fn missing_petrarch_dictionaries_are_a_clear_error() {
    let dir = fixture("missing");
    let records = dir.join("records.xml");
    let out = axis(&["validate", p(&records), "--dict", "petrarch:/nonexistent/axis-petrarch"]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("reading /nonexistent/axis-petrarch"), "{}", text(&out.stderr));
    // A folder without the files the <Environment> names.
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).expect("dir");
    let out = axis(&["validate", p(&records), "--dict", &format!("petrarch:{}", p(&empty))]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("t.verbs.txt: cannot read"), "{}", text(&out.stderr));
    let _ = std::fs::remove_dir_all(&dir);
}

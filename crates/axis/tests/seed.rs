//! The seed column (`../shared/seed/beijing-moscow-axis.txt`, story date 2019-02-02) through the
//! built-in dictionaries: every state, leader, capital and agent it names, with the code and the
//! date each resolves at. Skips, saying why, when `../shared` is absent.

use axis::dict::Dictionary;
use axis::mention;
use axis::text::Document;
use axis::when::Date;
use std::path::Path;

/// (a snippet of the sentence, the mention's text, its code, the date it was resolved at)
const EXPECTED: &[(&str, &str, &str, &str)] = &[
    ("The new Beijing", "Beijing", "CHN", "2019-02-02"),
    ("The new Beijing", "Moscow", "RUS", "2019-02-02"),
    ("A Shared rivalry", "U.S.", "USA", "2019-02-02"),
    ("When President Sukarno", "President Sukarno", "IDNGOV", "1956"),
    ("When President Sukarno", "Indonesia", "IDN", "1956"),
    ("When President Sukarno", "Mao Zedong", "CHNGOV", "1956"),
    ("What Mao's modesty", "Mao", "CHNGOV", "1956"),
    ("What Mao's modesty", "Soviet Union", "SUN", "1956"),
    ("Beijing frequently acknowledged", "Beijing", "CHN", "1956"),
    ("Beijing frequently acknowledged", "Moscow", "SUN", "1956"),
    ("Just months after", "Mao", "CHNGOV", "1949"),
    ("Just months after", "Moscow", "SUN", "1949"),
    ("Just months after", "Stalin", "SUNGOV", "1949"),
    ("Seeing China", "Moscow", "SUN", "1950s"),
    ("Seeing China", "Soviet engineers", "SUNCVL", "1950s"),
    ("By the time relations", "Soviet Union", "SUN", "1950s"), // past perfect: before the mid-1960s
    ("Moscow even provided", "Moscow", "SUN", "1950s"),
    ("Moscow even provided", "Beijing", "CHN", "1950s"),
    ("China today is", "President Xi Jinping", "CHNGOV", "2019-02-02"),
    ("Russia, for its part", "Russia", "RUS", "2019-02-02"),
    ("Russia, for its part", "the West", "WST", "2019-02-02"),
    ("Russia, for its part", "President Vladimir Putin", "RUSGOV", "2019-02-02"),
    ("Western sanctions", "Western", "WST", "2014"),
    ("Western sanctions", "Russia", "RUS", "2014"),
    ("Western sanctions", "Ukraine", "UKR", "2014"),
    ("Western sanctions", "the Kremlin", "RUSGOV", "2014"),
    ("Russia's establishment has concluded", "Russia's establishment", "RUSELI", "2019-02-02"),
    ("For Moscow, Beijing", "Moscow", "RUS", "2019-02-02"),
    ("For Moscow, Beijing", "Beijing", "CHN", "2019-02-02"),
    (
        "more aligned than",
        "U.S. Director of National Intelligence Dan Coats",
        "USAGOV",
        "2019-01-28..2019-02-03",
    ),
    ("China doesn't recognize", "India", "IND", "2019-02-02"),
    ("China doesn't recognize", "Vietnam", "VNM", "2019-02-02"),
    ("Yet over the past year", "President Trump", "USAGOV", "2018-02-02..2019-02-02"),
    ("Yet over the past year", "Moscow", "RUS", "2018-02-02..2019-02-02"),
    ("Since Mr. Xi took office", "Mr. Xi", "CHNGOV", ""),
    ("Last September in Siberia", "Siberia", "RUS", "2018-09"),
    ("Last September in Siberia", "Chinese troops", "CHNMIL", "2018-09"),
    ("In January Russia's Central Bank", "Russia's Central Bank", "RUSGOVBUS", "2019-01"),
    ("Ties between Russia", "Mr. Xi", "CHNGOV", "2019-02-02"),
    ("Ties between Russia", "Mr. Putin", "RUSGOV", "2019-02-02"),
    ("The brief previous period", "Moscow", "SUN", "1950s"),
    ("The brief previous period", "Stalin", "SUNGOV", ""),
    ("The brief previous period", "President Nixon", "USAGOV", "1972"),
    ("A joint effort by the", "U.S.", "USA", "1980s"),
    ("A joint effort by the", "Afghanistan", "AFG", "1980s"),
    ("A joint effort by the", "Soviet Union", "SUN", "1980s"),
    ("A bigger obstacle", "Moscow", "RUS", "2019-02-02"),
    ("A bigger obstacle", "Beijing", "CHN", "1983..1987"),
    ("Stalin ethnically cleansed", "Stalin", "SUNGOV", "1930s"),
    ("For every Chinese student", "Chinese student", "CHNEDU", "2019-02-02"),
];

/// Phrases in the column that must not come out as actors.
const NOT_ACTORS: &[&str] = &["South China Sea", "Chinese yuan", "American dollars", "anti-Soviet"];

#[test]
fn seed_column_actors_and_dates() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed/beijing-moscow-axis.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is absent (the seed column lives in ../shared/)", path.display());
        return;
    };
    let dict = Dictionary::builtin().expect("built-in dictionaries load");
    let doc = Document::new("seed", text, Date::new(2019, 2, 2));
    let sentences = mention::mentions(&dict, &doc);
    let found: Vec<(String, String, String, String)> = sentences
        .iter()
        .flat_map(|s| {
            let sentence = doc.slice(doc.sentences()[s.index].span).to_string();
            s.mentions.iter().map(move |m| (sentence.clone(), m))
        })
        .map(|(sentence, m)| {
            let date = m.date.map_or(String::new(), |d| d.interval.to_string());
            (sentence, doc.slice(m.span).to_string(), m.code.to_string(), date)
        })
        .collect();
    let mut failures = Vec::new();
    for &(snippet, mention, code, date) in EXPECTED {
        let hit = found.iter().find(|(s, m, _, _)| s.contains(snippet) && m == mention);
        match hit {
            None => failures.push(format!("{snippet:?}: no mention {mention:?}")),
            Some((_, _, c, d)) if c != code || (!date.is_empty() && d != date) => {
                failures.push(format!("{snippet:?}: {mention:?} = {c} at {d}, want {code} at {date}"))
            }
            Some(_) => {}
        }
    }
    let spans: Vec<(usize, usize, String)> = sentences
        .iter()
        .flat_map(|s| s.mentions.iter())
        .map(|m| (m.span.start as usize, m.span.end as usize, m.code.to_string()))
        .collect();
    for phrase in NOT_ACTORS {
        for (at, _) in doc.text().match_indices(phrase) {
            let end = at + phrase.len();
            for (s, e, code) in &spans {
                if *s >= at && *e <= end {
                    failures.push(format!("{phrase:?} gave a mention {:?} = {code}", &doc.text()[*s..*e]));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}

//! Tests of `code::quantity`: a table of sentences and the quantities expected in them.

use super::*;
use crate::dict::Dictionary;
use crate::mention::MentionFinder;
use crate::text::Document;
use crate::when::{Date, Timeline};
use std::sync::OnceLock;

fn dict() -> &'static Dictionary {
    static DICT: OnceLock<Dictionary> = OnceLock::new();
    DICT.get_or_init(|| Dictionary::builtin().expect("the builtin dictionary loads"))
}

/// Runs the real pipeline on `text` and describes every quantity of every sentence as
/// `SPAN: VALUE UNIT what=WHAT actors=[CODES] date=DATE`.
fn describe(text: &str, story: Option<Date>) -> Vec<String> {
    let doc = Document::new("t", text, story);
    let mut finder = MentionFinder::new(dict());
    let mut timeline = Timeline::new(doc.date);
    let mut out = Vec::new();
    for s in doc.sentences() {
        let tokens = doc.sentence_tokens(s);
        let mut dates = SentenceDates::default();
        timeline.date_sentence(doc.text(), doc.lower(), tokens, &mut dates);
        let mut mentions = Vec::new();
        finder.find_into(&doc, s, &dates, &mut mentions);
        let mut found = Vec::new();
        find_into(doc.text(), doc.lower(), tokens, &mentions, &dates, &mut found);
        for q in found {
            let actors: Vec<String> = q.actors.iter().map(|&k| mentions[k].code.to_string()).collect();
            out.push(format!(
                "{}: {} {} what={} actors=[{}] date={}",
                doc.slice(q.span),
                q.value,
                q.unit.as_str(),
                q.what.as_deref().unwrap_or("-"),
                actors.join(","),
                q.date.map_or("-".to_string(), |d| d.interval.to_string()),
            ));
        }
    }
    out
}

#[test]
fn table() {
    let story = Date::new(2019, 2, 2);
    #[rustfmt::skip]
    let table: &[(&str, &[&str])] = &[
        ("China and Russia said bilateral trade surged by 27% last year, reaching $107 billion.", &[
            "27%: 27 percent what=trade actors=[CHN,RUS] date=2018",
            "$107 billion: 107000000000 usd what=trade actors=[CHN,RUS] date=2018",
        ]),
        ("Bilateral trade between China and Russia surged by 27% last year, reaching $107 billion.", &[
            "27%: 27 percent what=trade actors=[CHN,RUS] date=2018",
            "$107 billion: 107000000000 usd what=trade actors=[CHN,RUS] date=2018",
        ]),
        ("Russia's central bank moved 14.7% of its currency reserves into the Chinese yuan.", &[
            "14.7%: 14.7 percent what=currency reserves actors=[RUSGOVBUS] date=2019-02-02",
        ]),
        ("Beijing sent 3,000 Chinese troops to the border.", &[
            "3,000: 3000 people what=troops actors=[CHNMIL] date=2019-02-02",
        ]),
        ("The Russian Far East has only 8 million people.", &[
            "8 million: 8000000 people what=people actors=[RUS] date=2019-02-02",
        ]),
        ("Japan pledged $5m in aid.", &["$5m: 5000000 usd what=aid actors=[JPN] date=2019-02-02"]),
        ("Germany approved €2.5 billion for Ukraine.", &[
            "€2.5 billion: 2500000000 eur what=- actors=[DEU] date=2019-02-02",
        ]),
        ("China's reserves fell by 1.2 trillion yuan in 2016.", &[
            "1.2 trillion yuan: 1200000000000 cny what=reserves actors=[CHN] date=2016",
        ]),
        ("Mao Zedong visited Moscow in 1956.", &[]),
        ("Relations were close in the 1950s.", &[]),
        ("Hundreds of protesters gathered in Moscow.", &[
            "Hundreds: 100 people what=protesters actors=[---OPP] date=2019-02-02",
        ]),
        // Numbers that are not quantities.
        ("On Sept. 12 at 10:30 am, Article 5 was invoked for the 2nd time.", &[]),
        ("The two countries sent F-16 jets and a 12-year-old boy.", &[]),
        ("The 1960's were hard.", &[]),
        // Words, vague plurals, other currencies.
        ("Tens of thousands of refugees fled.", &[
            "Tens of thousands: 10000 people what=refugees actors=[---REF] date=2019-02-02",
        ]),
        ("Canada gave 5 billion Canadian dollars and two hundred fifty tanks.", &[
            "5 billion Canadian dollars: 5000000000 currency what=- actors=[CAN] date=2019-02-02",
            "two hundred fifty: 250 count what=tanks actors=[CAN] date=2019-02-02",
        ]),
        ("India holds a 25% stake and 500 pounds of gold.", &[
            "25%: 25 percent what=stake actors=[IND] date=2019-02-02",
            "500: 500 count what=pounds actors=[IND] date=2019-02-02",
        ]),
        // A year-shaped number before a people noun is a head-count (the timeline still reads
        // it as a year, hence the date).
        ("Trade between the two countries rose 5 percent to $20 billion in 2018.", &[
            "5 percent: 5 percent what=trade actors=[] date=2018",
            "$20 billion: 20000000000 usd what=trade actors=[] date=2018",
        ]),
        ("Russia and China signed 30 agreements worth $15 billion.", &[
            "30: 30 count what=agreements actors=[RUS,CHN] date=2019-02-02",
            "$15 billion: 15000000000 usd what=agreements actors=[RUS,CHN] date=2019-02-02",
        ]),
        ("China's GDP grew 6.6% in 2018, the slowest pace since 1990.", &[
            "6.6%: 6.6 percent what=gdp actors=[CHN] date=2018",
        ]),
        ("The deal is worth 400 billion dollars.", &[
            "400 billion dollars: 400000000000 usd what=deal actors=[] date=2019-02-02",
        ]),
        ("Unemployment fell to 3.7 per cent.", &[
            "3.7 per cent: 3.7 percent what=unemployment actors=[] date=2019-02-02",
        ]),
        ("Putin, 65, said Russia would send 100 more tanks.", &[
            "100: 100 count what=tanks actors=[RUS] date=2019-02-02",
        ]),
        ("A million people, half a million refugees and twenty-five soldiers.", &[
            "A million: 1000000 people what=people actors=[] date=2019-02-02",
            "half a million: 500000 people what=refugees actors=[---REF] date=2019-02-02",
            "twenty-five: 25 people what=soldiers actors=[---MIL] date=2019-02-02",
        ]),
        ("The army lost 5-6 tanks, US$3.5 billion and HK$5m.", &[
            "5-6: 5 count what=tanks actors=[---MIL] date=2019-02-02",
            "US$3.5 billion: 3500000000 usd what=- actors=[] date=2019-02-02",
            "HK$5m: 5000000 currency what=- actors=[] date=2019-02-02",
        ]),
        ("China's military budget rose 7.5% to 1.19 trillion yuan ($177.61 billion).", &[
            "7.5%: 7.5 percent what=military budget actors=[CHNMIL] date=2019-02-02",
            "1.19 trillion yuan: 1190000000000 cny what=military budget actors=[CHNMIL] date=2019-02-02",
            "$177.61 billion: 177610000000 usd what=military budget actors=[CHNMIL] date=2019-02-02",
        ]),
        ("The death toll rose to 300, and the S-400 deal, worth about $3 billion, was signed.", &[
            "300: 300 count what=death toll actors=[] date=2019-02-02",
            "$3 billion: 3000000000 usd what=deal actors=[] date=2019-02-02",
        ]),
        ("Moscow cut $96 billion in a few months.", &[
            "$96 billion: 96000000000 usd what=- actors=[RUS] date=2019-02-02",
        ]),
        ("He was born on 12 March 1950.", &[]),
        ("In 2014, Russia annexed Crimea.", &[]),
        ("Aeroflot bought Boeing 737 jets.", &[]),
        ("France deployed 1956 troops and five new ships.", &[
            "1956: 1956 people what=troops actors=[---MIL] date=1956",
            "five: 5 count what=ships actors=[FRA] date=1956",
        ]),
    ];
    let mut failures = Vec::new();
    for (text, want) in table {
        let got = describe(text, story);
        if got != *want {
            failures.push(format!("{text:?}\n  want {want:#?}\n  got  {got:#?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn serializes_with_lower_case_units() {
    let doc = Document::new("t", "Beijing sent 3,000 Chinese troops.", Date::new(2019, 2, 2));
    let sentence = &crate::mention::mentions(dict(), &doc)[0];
    let mut found = Vec::new();
    let tokens = doc.sentence_tokens(&doc.sentences()[0]);
    find_into(doc.text(), doc.lower(), tokens, &sentence.mentions, &sentence.dates, &mut found);
    let json = serde_json::to_value(&found[0]).expect("serializes");
    assert_eq!(json["unit"], "people");
    assert_eq!(json["value"], 3000.0);
    assert_eq!(json["what"], "troops");
    assert_eq!(json["actors"], serde_json::json!([1]));
    assert_eq!(json["span"], serde_json::json!({"start": 13, "end": 18}));
}

/// Quantities on arbitrary token mixes: no panic, spans on char boundaries inside the
/// sentence, finite values, actor indices in range — also with mentions and dates that belong
/// to another sentence.
#[test]
fn never_panics() {
    let big = "9".repeat(400);
    let pieces = [
        "$",
        "US$",
        "€",
        "£",
        "¥",
        "3,000",
        "14.7",
        "1,2.3",
        "%",
        "per",
        "cent",
        "percent",
        "billion",
        "m",
        "5m",
        "5bn",
        "10k",
        "1950s",
        "2nd",
        "1956",
        "2000",
        "hundreds",
        "tens",
        "of",
        "a",
        "dozen",
        "half",
        "twenty",
        "-",
        "five",
        "one",
        "the",
        "Chinese",
        "troops",
        "people",
        "China",
        "Russia",
        "trade",
        "bilateral",
        "rose",
        "by",
        "reaching",
        ",",
        ".",
        ":",
        "/",
        "'s",
        "Sept.",
        "12",
        "dollars",
        "Canadian",
        "pounds",
        "won",
        "yuan",
        "in",
        "aid",
        " ",
        "é",
        "北京",
        "\u{301}",
        &big,
    ];
    let mut lcg = crate::testing::Lcg(7);
    let mut rng = |n: usize| lcg.next(n);
    let story = Date::new(2019, 2, 2);
    for _ in 0..2000 {
        let len = rng(30);
        let mut raw = String::new();
        for _ in 0..len {
            raw.push_str(pieces[rng(pieces.len())]);
            if rng(3) > 0 {
                raw.push(' ');
            }
        }
        let doc = Document::new("p", raw.as_str(), story);
        let mut finder = MentionFinder::new(dict());
        let mut timeline = Timeline::new(doc.date);
        let mut previous: Option<(SentenceDates, Vec<Mention>)> = None;
        for s in doc.sentences() {
            let tokens = doc.sentence_tokens(s);
            let mut dates = SentenceDates::default();
            timeline.date_sentence(doc.text(), doc.lower(), tokens, &mut dates);
            let mut mentions = Vec::new();
            finder.find_into(&doc, s, &dates, &mut mentions);
            let mut found = Vec::new();
            find_into(doc.text(), doc.lower(), tokens, &mentions, &dates, &mut found);
            for q in &found {
                assert!(q.value.is_finite() && q.value >= 0.0, "{raw:?}");
                assert!(q.actors.iter().all(|&k| k < mentions.len()), "{raw:?}");
                let r = q.span.range();
                assert!(doc.text().get(r.clone()).is_some(), "{raw:?}: {r:?}");
                assert!(q.span.start >= s.span.start && q.span.end <= s.span.end, "{raw:?}");
            }
            // Mentions and dates of another sentence, or with broken token ranges: poorer
            // results, never a panic.
            if let Some((d, m)) = &previous {
                find_into(doc.text(), doc.lower(), tokens, m, d, &mut found);
            }
            let mut broken = mentions.clone();
            for (k, m) in broken.iter_mut().enumerate() {
                m.tokens = match (k + rng(4)) % 4 {
                    0 => usize::MAX - 1..usize::MAX,
                    1 => std::ops::Range { start: 5, end: 2 },
                    2 => 0..tokens.len() + 10,
                    _ => m.tokens.end..usize::MAX,
                };
            }
            find_into(doc.text(), doc.lower(), tokens, &broken, &SentenceDates::default(), &mut found);
            previous = Some((dates, mentions));
        }
    }
}

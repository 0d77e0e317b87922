//! Tests of `when::timeline`, as tables of sentences and expected dates.
use super::*;
use crate::text::Document;
use crate::when::Granularity;
use DateSource::{Clause as InClause, Narrative, Sentence, Story};

/// Dates every sentence of `doc`; for each `(snippet, word)` returns the date of the clause
/// holding the first token `word` at or after `snippet` in the text.
fn dates_of(doc: &Document, probes: &[(&str, &str)]) -> Vec<Option<ResolvedDate>> {
    let mut found = vec![None; probes.len()];
    let mut tl = Timeline::new(doc.date);
    let mut out = SentenceDates::default();
    for s in doc.sentences() {
        let tokens = doc.sentence_tokens(s);
        tl.date_sentence(doc.text(), doc.lower(), tokens, &mut out);
        for (k, &(snippet, word)) in probes.iter().enumerate() {
            let Some(at) = doc.text().find(snippet) else { continue };
            let hit = tokens.iter().position(|t| t.span.start as usize >= at && doc.slice(t.span) == word);
            if let (Some(i), true) = (hit, s.span.range().contains(&at)) {
                found[k] = Some(out.date_at(i));
            }
        }
    }
    for (k, (snippet, word)) in probes.iter().enumerate() {
        assert!(found[k].is_some(), "{word:?} after {snippet:?} is not in the text");
    }
    found.into_iter().flatten().collect()
}

/// (snippet, word in or after it, interval as printed, granularity, source)
type Probe = (&'static str, &'static str, &'static str, Granularity, DateSource);

#[rustfmt::skip]
const SEED: &[Probe] = &[
    ("Mao Zedong replied", "Mao", "1956", Granularity::Year, Sentence),
    ("Beijing frequently acknowledged Moscow", "Beijing", "1956", Granularity::Year, Narrative),
    ("Beijing frequently acknowledged Moscow", "Moscow", "1956", Granularity::Year, Narrative),
    ("Mao had spent several humiliating weeks", "Mao", "1949", Granularity::Year, Sentence),
    ("Moscow sent thousands of Soviet engineers", "Moscow", "1950s", Granularity::Decade, InClause),
    // "By the time relations broke down in the mid 1960s, the Soviet Union had erected …": the
    // past perfect is before the mid-1960s — the 1950s the story was telling — and so is the
    // next sentence.
    ("the Soviet Union had erected a network", "Union", "1950s", Granularity::Decade, Narrative),
    ("Moscow even provided Beijing with nuclear", "Beijing", "1950s", Granularity::Decade, Narrative),
    ("Russia, for its part, has been ostracized by the West", "Russia", "2019-02-02", Granularity::Day, Story),
    ("Russia, for its part, has been ostracized by the West", "West", "2019-02-02", Granularity::Day, Story),
    ("Last September in Siberia they held", "Siberia", "2018-09", Granularity::Month, InClause),
    ("In January Russia's Central Bank said", "Bank", "2019-01", Granularity::Month, InClause),
    ("Ties between Russia and China these days are", "Russia", "2019-02-02", Granularity::Day, InClause),
    ("between Moscow and Beijing in the 1950s", "Moscow", "1950s", Granularity::Decade, InClause),
    ("President Nixon's breakthrough visit to China in 1972", "Nixon", "1972", Granularity::Year, InClause),
    ("China to assist anti-Soviet rebels in Afghanistan in the 1980s", "Afghanistan", "1980s", Granularity::Decade, InClause),
    ("A bigger obstacle to closer cooperation is Moscow's fear", "Moscow", "2019-02-02", Granularity::Day, Story),
    ("that China will move one day", "China", "2019-02-02", Granularity::Day, Story),
    ("that Beijing ceded in the mid-1980s", "Beijing", "1983..1987", Granularity::Decade, InClause),
    ("bilateral trade surged by 27% last year", "trade", "2018", Granularity::Year, InClause),
    ("Russia's 2014 invasion", "Russia", "2014", Granularity::Year, InClause),
    ("Now, a half-century later, the tables have turned", "tables", "2019-02-02", Granularity::Day, Sentence),
    ("A Shared rivalry with the U.S. has reunited", "U.S.", "2019-02-02", Granularity::Day, Story),
];

fn check(doc: &Document, probes: &[Probe]) {
    let pairs: Vec<_> = probes.iter().map(|p| (p.0, p.1)).collect();
    for (p, got) in probes.iter().zip(dates_of(doc, &pairs)) {
        let (snippet, word, iv, g, source) = *p;
        let got = got.unwrap_or_else(|| panic!("{word:?} in {snippet:?}: undated"));
        assert_eq!(
            (got.interval.to_string().as_str(), got.interval.granularity, got.source),
            (iv, g, source),
            "{word:?} in {snippet:?}"
        );
    }
}

#[test]
fn seed_column() {
    let path = crate::testing::shared_path("seed/beijing-moscow-axis.txt");
    let Ok(raw) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is absent", path.display());
        return;
    };
    check(&Document::new("seed", raw, Date::new(2019, 2, 2)), SEED);
}

/// (text, story date, probes)
#[rustfmt::skip]
const RULES: &[(&str, Option<&str>, &[Probe])] = &[
    // An earlier clause's expression dates the main clause; a later one does not.
    ("When Sukarno asked in 1956, Mao replied that it was poor.", Some("2019-02-02"), &[
        ("When", "Sukarno", "1956", Granularity::Year, InClause),
        ("Mao replied", "Mao", "1956", Granularity::Year, Sentence),
        ("that it was poor", "poor", "1956", Granularity::Year, Sentence),
    ]),
    ("The fear is that China will seize land that Beijing ceded in the 1980s.", Some("2019-02-02"), &[
        ("The fear", "fear", "2019-02-02", Granularity::Day, Story),
        ("that China", "China", "2019-02-02", Granularity::Day, Story),
        ("that Beijing", "Beijing", "1980s", Granularity::Decade, InClause),
    ]),
    // The narrative carries past-tense sentences; present tense is the story date.
    ("Mao met Stalin in 1949. Mao returned home. China is rich.", Some("2019-02-02"), &[
        ("Mao returned", "Mao", "1949", Granularity::Year, Narrative),
        ("China is rich", "China", "2019-02-02", Granularity::Day, Story),
    ]),
    // "Today" resets the narrative to the story day.
    ("Mao met Stalin in 1949. Today China is rich. Mao returned home.", Some("2019-02-02"), &[
        ("Today China", "China", "2019-02-02", Granularity::Day, InClause),
        ("Mao returned", "Mao", "2019-02-02", Granularity::Day, Narrative),
    ]),
    // Fragments belong to the clause they were cut from.
    ("Seeing China as a dependency, Moscow sent engineers during the 1950s.", Some("2019-02-02"), &[
        ("Seeing", "China", "1950s", Granularity::Decade, Sentence),
    ]),
    ("Mao met Stalin in 1949. Russia, for its part, has been ostracized.", Some("2019-02-02"), &[
        ("Russia, for", "Russia", "2019-02-02", Granularity::Day, Story),
    ]),
    // Without a story date: expressions and the narrative still date clauses.
    ("Mao met Stalin in 1949. Mao returned home.", None, &[
        ("Mao met", "Stalin", "1949", Granularity::Year, InClause),
        ("Mao returned", "Mao", "1949", Granularity::Year, Narrative),
    ]),
    // An opening quote does not make a clause of its own.
    ("\"When Sukarno asked in 1956, Mao replied.", Some("2019-02-02"), &[
        ("\"When", "\"", "1956", Granularity::Year, InClause),
    ]),
];

#[test]
fn rules() {
    for &(text, story, probes) in RULES {
        let story = story.map(|s| Date::parse(s).expect("test date"));
        check(&Document::new("t", text, story), probes);
    }
}

#[test]
fn undated_without_story_or_narrative() {
    let doc = Document::new("t", "Mao returned home. China is rich in 1990.", None);
    let dates = dates_of(&doc, &[("Mao", "Mao"), ("China", "China")]);
    assert_eq!(dates[0], None);
    assert_eq!(dates[1].map(|d| d.interval.to_string()), Some("1990".to_string()));
    let doc = Document::new("t", "Mao met Stalin in 1949. China is rich.", None);
    assert_eq!(dates_of(&doc, &[("China", "China")])[0], None, "present tense, no story");
}

#[test]
fn clauses() {
    let table = [
        (
            "Now, a half-century later, the tables have turned, and the nations are forging a bond.",
            "Now, | a half-century later, | the tables have turned, | and the nations are forging a bond.",
        ),
        ("They met on February 2-3, 2019, in Geneva.", "They met on February 2-3, 2019, | in Geneva."),
        ("\"When Sukarno asked in 1956, Mao replied.", "\"When Sukarno asked in 1956, | Mao replied."),
        ("He left (in 1956) and returned.", "He left | (in 1956) | and returned."),
        ("It grew as in the early days of the cold war.", "It grew | as in the early days of the cold war."),
        ("They met once again; it failed.", "They met once again; | it failed."),
        ("'Big Brother,' and the order was clear.", "'Big Brother,' | and the order was clear."),
    ];
    for (text, want) in table {
        let doc = Document::new("t", text, Date::new(2019, 2, 2));
        let mut tl = Timeline::new(doc.date);
        let mut out = SentenceDates::default();
        tl.date_sentence(doc.text(), doc.lower(), doc.tokens(), &mut out);
        let t = doc.tokens();
        let got: Vec<_> = out
            .clauses
            .iter()
            .map(|c| doc.slice(t[c.tokens.start].span.cover(t[c.tokens.end - 1].span)))
            .collect();
        assert_eq!(got.join(" | "), want, "{text:?}");
    }
}

#[test]
fn clauses_cover_every_token_on_any_input() {
    const VOCAB: &[&str] = &[
        "in", "the", "since", "1956", "mid", "-", "1960s", ",", ";", "(", ")", "--", "that", "when", "as",
        "he", "is", "was", "now", "a", "half", "-", "century", "later", "'", "\"", "Mao", "met", "Sept.",
        "12", "2019", "last", "year", "once", "again", ".",
    ];
    let mut seed = 0x2545_F491_4F6C_DD1D_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut out = SentenceDates::default();
    let mut dated = 0;
    for round in 0..3000 {
        let mut text = String::new();
        for _ in 0..(next() % 30) {
            text.push(' ');
            text.push_str(VOCAB[(next() % VOCAB.len() as u64) as usize]);
        }
        let story = if round % 2 == 0 { Date::new(2019, 2, 2) } else { None };
        let doc = Document::new("fuzz", text.as_str(), story);
        let mut tl = Timeline::new(story);
        for s in doc.sentences() {
            let tokens = doc.sentence_tokens(s);
            tl.date_sentence(doc.text(), doc.lower(), tokens, &mut out);
            let mut at = 0;
            for c in &out.clauses {
                assert!(c.tokens.start == at && c.tokens.end > at, "{text:?}");
                at = c.tokens.end;
                dated += usize::from(c.date.is_some());
            }
            assert_eq!(at, tokens.len(), "{text:?}");
            for e in &out.exprs {
                let c = out.clauses.iter().find(|c| c.tokens.contains(&e.tokens.start));
                assert!(c.is_some_and(|c| e.tokens.end <= c.tokens.end), "{text:?}: split");
            }
        }
    }
    assert!(dated > 1000, "the fuzz input dated too little: {dated}");
}

#[test]
fn weekdays_in_future_sentences_are_the_coming_ones() {
    use crate::text::Document;
    // 2019-02-02 is a Saturday.
    let table = [
        ("Pompeo met Lavrov on Monday.", "2019-01-28"),
        ("Pompeo will meet Lavrov on Monday.", "2019-02-04"),
        ("Pompeo is due to meet Lavrov on Friday.", "2019-02-08"),
    ];
    for (text, want) in table {
        let doc = Document::new("t", text, Date::new(2019, 2, 2));
        let mut tl = Timeline::new(doc.date);
        let mut out = SentenceDates::default();
        let s = &doc.sentences()[0];
        tl.date_sentence(doc.text(), doc.lower(), doc.sentence_tokens(s), &mut out);
        assert_eq!(out.exprs[0].interval.to_string(), want, "{text}");
    }
}

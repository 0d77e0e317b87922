//! Mention tests as data: a small dictionary, then rows of (sentence, story date, expected
//! `text=CODE` mentions in order).

use super::*;
use crate::dict::DictionaryBuilder;
use crate::when::Date;

const DICT: &str = "\
[SUN] Soviet Union
valid: 1922-12-30..1991-12-25
Soviet Union
Soviet | demonym
soviet | demonym
Moscow | ..1991-12-25
the Kremlin | GOV | ..1991-12-25
[RUS] Russia
Russia
Russian | demonym
Russians | demonym
Moscow | 1991-12-26..
the Kremlin | GOV | 1991-12-26..
[CHN] China
China
Chinese | demonym
Beijing
[USA] United States
United States
U.S.
Washington
American | demonym
[IND] India
India
[VNM] Vietnam
Vietnam
[IDN] Indonesia
Indonesia
[AFG] Afghanistan
Afghanistan
[ZAR] Zarovia
Zarovia
Oltan
[agent GOV] government
government
officials
envoy
envoys
President | title
Foreign Minister | title
Prime Minister | title
[agent MIL] military
troops
forces
[agent LEG] legislature
senate
[agent REB] rebels
rebels
[agent GOVBUS] central bank
central bank
[agent HON] honorific
Mr. | title
[person] Xi Jinping
Xi Jinping
Xi | surname
role: CHNGOV 2012-11-15.. General Secretary
[person] Mao Zedong
Mao Zedong
Mao | surname
role: CHNGOV 1949-10-01..1976-09-09 Chairman
[person] Sukarno
Sukarno
role: IDNGOV 1945-08-18..1967-03-12 President
[person] Vladimir Putin
Vladimir Putin
Putin | surname
role: RUSGOV 1999-08-16..2008-05-07 Prime Minister, President
role: RUSGOV 2008-05-08..2012-05-06 Prime Minister
role: RUSGOV 2012-05-07.. President
[person] Theresa May
Theresa May
May | titled
role: GBRGOV 2016-07-13..2019-07-24 Prime Minister
[stop] seas
South China Sea
";

fn dict() -> Dictionary {
    let mut b = DictionaryBuilder::new();
    b.add_text("test.txt", DICT);
    b.build().unwrap_or_else(|e| panic!("{e}"))
}

fn found(dict: &Dictionary, text: &str, story: &str) -> Vec<String> {
    let doc = Document::new("t", text, Some(Date::parse(story).unwrap()));
    mentions(dict, &doc)
        .iter()
        .flat_map(|s| s.mentions.iter())
        .map(|m| format!("{}={}", doc.slice(m.span), m.code))
        .collect()
}

#[test]
fn table() {
    let d = dict();
    let table: &[(&str, &str, &[&str])] = &[
        // Successor states and date-bounded names: the clause's date decides.
        ("Moscow sent engineers to Beijing in 1956.", "2019-02-02", &["Moscow=SUN", "Beijing=CHN"]),
        ("Moscow sent engineers to Beijing last year.", "2019-02-02", &["Moscow=RUS", "Beijing=CHN"]),
        ("The Kremlin protested in 1985.", "2019-02-02", &["The Kremlin=SUNGOV"]),
        ("The Kremlin protested.", "2019-02-02", &["The Kremlin=RUSGOV"]),
        // Agent composition.
        ("3,000 Chinese troops crossed.", "2019-02-02", &["Chinese troops=CHNMIL"]),
        ("Russia's Central Bank sold dollars.", "2019-02-02", &["Russia's Central Bank=RUSGOVBUS"]),
        ("The U.S. Senate voted.", "2019-02-02", &["U.S. Senate=USALEG"]),
        ("Russian officials said so.", "2019-02-02", &["Russian officials=RUSGOV"]),
        ("The government of China agreed.", "2019-02-02", &["government of China=CHNGOV"]),
        ("The Senate voted.", "2019-02-02", &["Senate=---LEG"]),
        ("Chinese naval forces sailed.", "2019-02-02", &["Chinese naval forces=CHNMIL"]),
        ("a Chinese senior Foreign Minister said", "2019-02-02", &["Chinese senior Foreign Minister=CHNGOV"]),
        ("Chinese and Russian troops", "2019-02-02", &["Chinese=CHNMIL", "Russian troops=RUSMIL"]),
        ("Chinese and Russia's troops", "2019-02-02", &["Chinese=CHN", "Russia's troops=RUSMIL"]),
        // Lists.
        ("sell weapons to India and Vietnam", "2019-02-02", &["India=IND", "Vietnam=VNM"]),
        // People: titles, surnames, dates.
        ("Mr. Xi said so.", "2019-02-02", &["Mr. Xi=CHNGOV"]),
        ("Mao Zedong replied in 1956.", "2019-02-02", &["Mao Zedong=CHNGOV"]),
        ("Mao was praised.", "2019-02-02", &["Mao=CHNELI"]),
        (
            "When President Sukarno of Indonesia asked in 1956, Mao replied.",
            "2019-02-02",
            &["President Sukarno=IDNGOV", "Indonesia=IDN", "Mao=CHNGOV"],
        ),
        (
            "Russian President Vladimir Putin spoke.",
            "2019-02-02",
            &["Russian President Vladimir Putin=RUSGOV"],
        ),
        ("Putin spoke in 2010.", "2019-02-02", &["Putin=RUSGOV"]),
        ("Prime Minister May resigned.", "2019-02-02", &["Prime Minister May=GBRGOV"]),
        ("Talks resume in May.", "2019-02-02", &[]),
        ("Mr. Smith arrived.", "2019-02-02", &[]),
        ("Vice President Xi Mingze spoke.", "2019-02-02", &["President Xi Mingze=---GOV"]),
        (
            "Moscow sent officials to Beijing.",
            "2019-02-02",
            &["Moscow=RUS", "officials=---GOV", "Beijing=CHN"],
        ),
        (
            "Chinese Foreign Minister Qin Gang spoke.",
            "2023-02-02",
            &["Chinese Foreign Minister Qin Gang=CHNGOV"],
        ),
        // Not actors.
        ("claims in the South China Sea", "2019-02-02", &[]),
        ("to assist anti-Soviet rebels in Afghanistan", "2019-02-02", &["rebels=---REB", "Afghanistan=AFG"]),
        ("chafe at soviet domination in 1960", "2019-02-02", &["soviet=SUN"]),
        // A name right after an office is its holder's; a country before it stays the actor.
        ("The envoy Oltan arrived.", "2019-02-02", &["envoy Oltan=ZARGOV"]),
        ("India's envoy Oltan arrived.", "2019-02-02", &["India's envoy Oltan=INDGOV"]),
        ("Prime Minister Oltan arrived.", "2019-02-02", &["Prime Minister Oltan=ZARGOV"]),
        // Agents of a place are its own; a list after them shares the agents.
        (
            "The envoys of China, India and Vietnam met.",
            "2019-02-02",
            &["envoys of China=CHNGOV", "India=INDGOV", "Vietnam=VNMGOV"],
        ),
        // Agents coordinated before such a phrase belong to each of its places.
        (
            "Rebels and officials of India and Vietnam met.",
            "2019-02-02",
            &["Rebels=INDREB", "Rebels=VNMREB", "officials of India=INDGOV", "Vietnam=VNMGOV"],
        ),
        // Agents coordinated after an actor's agents are the same actor's.
        ("Chinese troops and officials met.", "2019-02-02", &["Chinese troops=CHNMIL", "officials=CHNGOV"]),
        // Under axis's rules, "former" keeps the office and "from"/"in" do not compose.
        ("India's former envoy spoke.", "2019-02-02", &["India's former envoy=INDGOV"]),
        ("Troops from Vietnam crossed.", "2019-02-02", &["Troops=---MIL", "Vietnam=VNM"]),
        // Adjectives joined by "and" after a possessive.
        (
            "India's able and tireless envoys spoke.",
            "2019-02-02",
            &["India's able and tireless envoys=INDGOV"],
        ),
    ];
    for (text, story, want) in table {
        assert_eq!(found(&d, text, story), *want, "{text:?}");
    }
}

/// PETRARCH's noun-phrase rules: agents from or in a place are its own; "former" is `ELI`.
#[test]
fn petrarch_phrase_rules() {
    let rules = crate::dict::PhraseRules { agents_from_in: true, former_elite: true };
    let d = dict().with_phrase_rules(rules);
    let table: &[(&str, &[&str])] = &[
        ("Troops from Vietnam crossed.", &["Troops from Vietnam=VNMMIL"]),
        ("rebels in Zarovia", &["rebels in Zarovia=ZARREB"]),
        ("rebels in southern Zarovia", &["rebels in southern Zarovia=ZARREB"]),
        ("its troops in Vietnam", &["troops=---MIL", "Vietnam=VNM"]),
        (
            "Rebels and officials in India and Vietnam met.",
            &["Rebels=INDREB", "Rebels=VNMREB", "officials in India=INDGOV", "Vietnam=VNMGOV"],
        ),
        ("Former Chinese officials met.", &["Chinese officials=CHNELI"]),
        ("India's former envoy spoke.", &["India's former envoy=INDELI"]),
        ("Zarovia former envoys spoke.", &["Zarovia former envoys=ZARELI"]),
        ("the former envoys of India", &["envoys of India=INDELI"]),
    ];
    for (text, want) in table {
        assert_eq!(found(&d, text, "2019-02-02"), *want, "{text:?}");
    }
}

#[test]
fn mentions_carry_their_date() {
    let d = dict();
    let doc = Document::new(
        "t",
        "Last September Russian troops held war games.",
        Some(Date::new(2019, 2, 2).unwrap()),
    );
    let all = mentions(&d, &doc);
    let m = &all[0].mentions[0];
    assert_eq!(m.date.map(|r| r.interval.to_string()), Some("2018-09".to_string()));
}

#[test]
fn no_story_date_still_finds_actors() {
    let d = dict();
    let doc = Document::new("t", "Moscow and Beijing signed a deal.", None);
    let codes: Vec<String> = mentions(&d, &doc)[0].mentions.iter().map(|m| m.code.to_string()).collect();
    assert_eq!(codes, ["RUS", "CHN"], "undated: the name's current meaning");
}

/// Any mix of dictionary words, titles, clitics and punctuation: no panic, mentions in order,
/// inside their sentence, not overlapping, with a non-empty code.
#[test]
fn never_panics_and_keeps_mentions_sound() {
    let d = dict();
    let words = [
        "Moscow",
        "the",
        "Kremlin",
        "'s",
        "Chinese",
        "troops",
        "of",
        "China",
        "President",
        "Mr.",
        "Xi",
        "May",
        "Prime",
        "Minister",
        "Putin",
        "Vladimir",
        "anti",
        "-",
        "Soviet",
        "central",
        "bank",
        "in",
        "1956",
        ",",
        "last",
        "year",
        ".",
        "South",
        "Sea",
        "officials",
        "Senate",
        "U.S.",
        "Sukarno",
        "Mingze",
        "and",
        "\"",
        "envoys",
        "Oltan",
        "former",
        "from",
        "Zarovia",
        "its",
    ];
    let mut lcg = crate::testing::Lcg(7);
    let mut next = |n: usize| lcg.next(n);
    for round in 0..2000 {
        let len = next(25);
        let text: Vec<&str> = (0..len).map(|_| words[next(words.len())]).collect();
        let text = text.join(" ");
        let story =
            if round % 3 == 0 { None } else { Date::new(1900 + next(130) as i32, 1 + next(12) as u32, 1) };
        let doc = Document::new("r", text.as_str(), story);
        for s in mentions(&d, &doc) {
            let sentence = &doc.sentences()[s.index];
            let mut last = Span { start: sentence.span.start, end: sentence.span.start };
            for m in &s.mentions {
                // One phrase standing for several actors gives several mentions of one span.
                let same = m.span == last;
                assert!(same || m.span.start >= last.end, "{text:?}: {m:?}");
                assert!(m.span.end <= sentence.span.end, "{text:?}: {m:?}");
                assert!(!m.code.is_empty(), "{text:?}: {m:?}");
                last = m.span;
            }
        }
    }
}

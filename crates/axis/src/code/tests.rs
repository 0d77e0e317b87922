//! Coder tests as data: a small actor and verb dictionary, then rows of (sentence, story date,
//! expected events as `SOURCE>TARGET:CODE[@DATE][!neg]`).

use super::*;
use crate::dict::DictionaryBuilder;
use crate::when::Date;
use std::path::PathBuf;

const ACTORS: &str = "\
[SUN] Soviet Union
Soviet Union
Soviet | demonym
Moscow | ..1991-12-25
[RUS] Russia
Russia
Russian | demonym
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
[UKR] Ukraine
Ukraine
[IND] India
India
[VNM] Vietnam
Vietnam
[IDN] Indonesia
Indonesia
[WST] the West
the West
Western | demonym
[agent GOV] government
government
officials
President | title
[agent MIL] military
troops
forces
[agent HON] honorific
Mr. | title
[person] Xi Jinping
Xi Jinping
Xi | surname
role: CHNGOV 2012-11-15.. General Secretary
[person] Vladimir Putin
Vladimir Putin
Putin | surname
role: RUSGOV 2012-05-07.. President
[person] Richard Nixon
Richard Nixon
Nixon | surname
role: USAGOV 1969-01-20..1974-08-09 President
[person] Sukarno
Sukarno
role: IDNGOV 1945-08-18..1967-03-12 President
";

const FORMS: &str = "\
[irregular]
sell sold sold
hold held held
meet met met
say said said
[synonyms]
&WEAPON weapons, arms, fighter jets
&EXERCISE exercises, war games, drills
";

const VERBS: &str = "\
[010] Make statement
verb say
[042] Make a visit
verb visit +
noun visit to +
[036] Express intent to meet or negotiate
verb plan to meet +
[040] Consult
verb meet with +
verb hold talks with +
verb hold talks
[051] Praise or endorse
verb praise +
[062] Cooperate militarily
verb sell &WEAPON to +
verb hold joint &EXERCISE
[070] Provide aid
verb help +
verb provide + with
noun aid to +
verb receive aid from + | reverse
[163] Impose embargo, boycott, or sanctions
verb sanction +
noun sanction on +
noun sanction against +
[190] Use conventional military force
verb attack +
[192] Occupy territory
noun invasion of +
verb invade +
";

fn coder_parts() -> (Dictionary, VerbDictionary, CameoTable) {
    let mut b = DictionaryBuilder::new();
    b.add_text("actors.txt", ACTORS);
    let dict = b.build().unwrap_or_else(|e| panic!("{e}"));
    let verbs = VerbDictionary::from_sources(vec![
        (PathBuf::from("forms.txt"), FORMS.to_string()),
        (PathBuf::from("verbs.txt"), VERBS.to_string()),
    ])
    .unwrap_or_else(|e| panic!("{e}"));
    let cameo = CameoTable::builtin().unwrap_or_else(|e| panic!("{e}"));
    (dict, verbs, cameo)
}

fn coded(c: &Coder<'_>, text: &str, story: &str) -> Vec<String> {
    let doc = Document::new("t", text, Some(Date::parse(story).unwrap()));
    c.code_document(&doc, false)
        .events
        .iter()
        .map(|e| {
            let mut s = format!(
                "{}>{}:{}@{}",
                e.source.mention.code,
                e.target.as_ref().map_or("-".to_string(), |t| t.mention.code.to_string()),
                e.code,
                e.date.map_or("-".to_string(), |d| d.interval.to_string())
            );
            if e.negated {
                s.push_str("!neg");
            }
            s
        })
        .collect()
}

#[test]
fn table() {
    let (dict, verbs, cameo) = coder_parts();
    let c = Coder::new(&dict, &verbs, &cameo);
    let s = "2019-02-02";
    let table: &[(&str, &[&str])] = &[
        // Subject, verb, object; dates from the clause.
        ("Putin visited China last year.", &["RUSGOV>CHN:042@2018"]),
        ("President Nixon visited China in 1972.", &["USAGOV>CHN:042@1972"]),
        // Noun events take the possessor as source.
        ("Nixon's visit to China in 1972 changed everything.", &["USAGOV>CHN:042@1972"]),
        ("Russia's 2014 invasion of Ukraine shocked Europe.", &["RUS>UKR:192@2014"]),
        ("Western sanctions on Russia hurt.", &["WST>RUS:163@2019-02-02"]),
        ("Soviet aid to China grew in the 1950s.", &["SUN>CHN:070@1950s"]),
        // A prepositional phrase is not the subject.
        (
            "When President Sukarno of Indonesia met with Nixon in 1960, nothing changed.",
            &["IDNGOV>USAELI:040@1960"],
        ),
        // Compound targets and apposition after a possessor.
        ("Russia sells weapons to India and Vietnam.", &["RUS>IND:062@2019-02-02", "RUS>VNM:062@2019-02-02"]),
        (
            "Russia sells arms to China's regional rivals, India and Vietnam.",
            &["RUS>IND:062@2019-02-02", "RUS>VNM:062@2019-02-02"],
        ),
        // Compound subject without a target: both ways.
        (
            "China and Russia held joint war games last September.",
            &["CHN>RUS:062@2018-09", "RUS>CHN:062@2018-09"],
        ),
        // Pronouns and "the two countries".
        (
            "China and Russia are close. The two countries held talks.",
            &["CHN>RUS:040@2019-02-02", "RUS>CHN:040@2019-02-02"],
        ),
        (
            "Russia met with India. It later attacked Ukraine.",
            &["RUS>IND:040@2019-02-02", "RUS>UKR:190@2019-02-02"],
        ),
        // Passive.
        ("Putin was praised by Xi.", &["CHNGOV>RUSGOV:051@2019-02-02"]),
        ("Chinese troops were attacked.", &[]),
        // Negation, refusal, intent, threat.
        ("Russia did not attack Ukraine.", &["RUS>UKR:190@2019-02-02!neg"]),
        ("Moscow refused to help Beijing.", &["RUS>CHN:122@2019-02-02"]),
        ("Beijing plans to visit Moscow next month.", &["CHN>RUS:036@2019-03"]),
        // "reverse": the slot is the source.
        ("China received aid from the Soviet Union in 1956.", &["SUN>CHN:070@1956"]),
        ("Moscow provided Beijing with technology in 1958.", &["SUN>CHN:070@1958"]),
        // Reported speech: the statement and the reported event, each with its actors.
        ("Xi said Russia praised China.", &["CHNGOV>-:010@2019-02-02", "RUS>CHN:051@2019-02-02"]),
        // Coordinated clause inherits the subject.
        (
            "Russia sold weapons to India and attacked Ukraine.",
            &["RUS>IND:062@2019-02-02", "RUS>UKR:190@2019-02-02"],
        ),
        // A possessed noun phrase right before the verb: the possessor stands for it.
        ("Russia's new mayor praised China.", &["RUS>CHN:051@2019-02-02"]),
        ("Russia's mayor in Crimea praised China.", &[]),
        // Adjectives inside a coordinated subject.
        (
            "India and the mighty Vietnam praised China.",
            &["IND>CHN:051@2019-02-02", "VNM>CHN:051@2019-02-02"],
        ),
        // An actor after a preposition and an adjective is no later verb's subject.
        (
            "Russia attacked troops in eastern Ukraine and praised China.",
            &["RUS>---MIL:190@2019-02-02", "RUS>CHN:051@2019-02-02"],
        ),
        // A verb's bare form closing a noun phrase an article opens is a noun ("during a short
        // unannounced visit"), not a second verb of the clause; a plural or a past form before
        // it keeps it a verb with that phrase as its subject.
        ("Russia praised China during a short unannounced visit to India.", &["RUS>CHN:051@2019-02-02"]),
        ("Russia's new envoys visit India.", &["RUS>IND:042@2019-02-02"]),
        ("Russia's chief envoy visited India.", &["RUS>IND:042@2019-02-02"]),
        // Nothing to code.
        ("The weather in Beijing was fine.", &[]),
        ("Russia attacked.", &[]),
    ];
    for (text, want) in table {
        assert_eq!(coded(&c, text, s), *want, "{text:?}");
    }
}

/// Any mix of actor words, verbs and punctuation: no panic, events inside their sentence.
#[test]
fn never_panics() {
    let (dict, verbs, cameo) = coder_parts();
    let c = Coder::new(&dict, &verbs, &cameo);
    let words = [
        "Russia",
        "China",
        "'s",
        "visited",
        "visit",
        "to",
        "by",
        "was",
        "and",
        ",",
        "refused",
        "not",
        "sold",
        "weapons",
        "aid",
        "The",
        "two",
        "countries",
        "it",
        "they",
        "said",
        "attacked",
        "of",
        "invasion",
        ".",
        "held",
        "joint",
        "drills",
        "Putin",
        "Mr.",
        "Xi",
        "in",
        "1956",
        "received",
        "from",
        "with",
        "provided",
    ];
    let mut lcg = crate::testing::Lcg(11);
    let mut next = |n: usize| lcg.next(n);
    for _ in 0..3000 {
        let len = next(30);
        let text: Vec<&str> = (0..len).map(|_| words[next(words.len())]).collect();
        let text = text.join(" ");
        let doc = Document::new("r", text.as_str(), Date::new(2019, 2, 2));
        let out = c.code_document(&doc, true);
        for e in &out.events {
            let s = &doc.sentences()[e.sentence];
            assert!(e.verb.start >= s.span.start && e.verb.end <= s.span.end, "{text:?}");
        }
    }
}

//! Tests of `when::expr`, as tables of sentences and expected dates.
use super::*;
use crate::text::Document;
use Granularity::{Century, Day, Decade, Month, Quarter, Week, Year};
use TimeKind::{Absolute, Anaphoric, Present, Relative, Since};

const ERA: Granularity = Granularity::Era;
const ERA_KIND: TimeKind = TimeKind::Era;

fn date(s: &str) -> Date {
    Date::parse(s).expect("test date")
}

/// The expressions of `text`, taken as one sentence, with their text.
fn find(text: &str, story: Option<Date>, narrative: Option<Interval>) -> Vec<(String, TimeExpr)> {
    let doc = Document::new("t", text, story);
    let mut out = Vec::new();
    find_into(doc.text(), doc.lower(), doc.tokens(), story, narrative, &mut out);
    out.into_iter().map(|e| (doc.slice(e.span).to_string(), e)).collect()
}

/// One row per form: sentence, story date, narrative years (from, to, granularity), the
/// expression's text, its interval as printed, its granularity, its kind.
type Row = (
    &'static str,
    &'static str,
    Option<(i32, i32, Granularity)>,
    &'static str,
    &'static str,
    Granularity,
    TimeKind,
);

const S: &str = "2019-02-02"; // a Saturday
const N1956: Option<(i32, i32, Granularity)> = Some((1956, 1956, Year));

#[rustfmt::skip]
const FORMS: &[Row] = &[
    // Years.
    ("Mao replied in 1956.", S, None, "in 1956", "1956", Year, Absolute),
    ("Russia's 2014 invasion of Ukraine.", S, None, "2014", "2014", Year, Absolute),
    ("The 1950-53 war.", S, None, "1950-53", "1950..1953", Year, Absolute),
    ("It began in early 2018.", S, None, "in early 2018", "2018-01-01..2018-04-30", Quarter, Absolute),
    ("In the summer of 2018 it rained.", S, None, "In the summer of 2018", "2018-06-01..2018-08-31", Quarter, Absolute),
    ("By the year 2000 it grew.", S, None, "the year 2000", "2000", Year, Absolute),
    // Months and days.
    ("Reserves were moved in January 2019.", S, None, "in January 2019", "2019-01", Month, Absolute),
    ("Jan. 2019 was cold.", S, None, "Jan. 2019", "2019-01", Month, Absolute),
    ("They met Sept. 12 in Geneva.", S, None, "Sept. 12", "2018-09-12", Day, Relative),
    ("They met on September 12.", S, None, "on September 12", "2018-09-12", Day, Relative),
    ("They met on 12 September.", S, None, "on 12 September", "2018-09-12", Day, Relative),
    ("They met on Jan. 30.", S, None, "on Jan. 30", "2019-01-30", Day, Relative),
    ("Talks are set for March 3.", S, None, "for March 3", "2019-03-03", Day, Relative),
    ("They met Feb. 2, 2019.", S, None, "Feb. 2, 2019", "2019-02-02", Day, Absolute),
    ("They met 12 September 2018.", S, None, "12 September 2018", "2018-09-12", Day, Absolute),
    ("The summit ran February 2-3, 2019.", S, None, "February 2-3, 2019", "2019-02-02..2019-02-03", Day, Absolute),
    ("(WSJ, Saturday/Sunday, February 2-3, 2019)", S, None, "Saturday/Sunday, February 2-3, 2019", "2019-02-02..2019-02-03", Day, Absolute),
    ("Published 2019-02-02 in print.", S, None, "2019-02-02", "2019-02-02", Day, Absolute),
    ("Last September in Siberia they held games.", S, None, "Last September", "2018-09", Month, Relative),
    ("In January the bank said so.", S, None, "In January", "2019-01", Month, Relative),
    ("In February the bank said so.", S, None, "In February", "2019-02", Month, Relative),
    ("In March the bank said so.", S, None, "In March", "2018-03", Month, Relative),
    ("Next May the vote is due.", S, None, "Next May", "2019-05", Month, Relative),
    ("In mid-January talks resumed.", S, None, "In mid-January", "2019-01-11..2019-01-20", Month, Relative),
    ("It opens next month.", S, None, "next month", "2019-03", Month, Relative),
    ("It happens this month.", S, None, "this month", "2019-02", Month, Relative),
    ("It happened last month.", S, None, "last month", "2019-01", Month, Relative),
    ("It happened earlier this month.", S, None, "earlier this month", "2019-02-01..2019-02-02", Month, Relative),
    // Weekdays.
    ("He spoke on Monday.", S, None, "on Monday", "2019-01-28", Day, Relative),
    ("He spoke Saturday.", S, None, "Saturday", "2019-02-02", Day, Relative),
    ("He spoke last Friday.", S, None, "last Friday", "2019-02-01", Day, Relative),
    ("He speaks next Saturday.", S, None, "next Saturday", "2019-02-09", Day, Relative),
    // Days, weeks, years around the story date.
    ("China today is a giant.", S, None, "today", "2019-02-02", Day, Present),
    ("Now it is different.", S, None, "Now", "2019-02-02", Day, Present),
    ("It is currently closed.", S, None, "currently", "2019-02-02", Day, Present),
    ("Ties these days are good.", S, None, "these days", "2019-02-02", Day, Present),
    ("At present, ties are good.", S, None, "At present", "2019-02-02", Day, Present),
    ("Nowadays ties are good.", S, None, "Nowadays", "2019-02-02", Day, Present),
    ("She arrived yesterday.", S, None, "yesterday", "2019-02-01", Day, Relative),
    ("She leaves tomorrow morning.", S, None, "tomorrow morning", "2019-02-03", Day, Relative),
    ("He testified this week.", S, None, "this week", "2019-01-28..2019-02-03", Week, Relative),
    ("Prices rose last week.", S, None, "last week", "2019-01-21..2019-01-27", Week, Relative),
    ("They meet next week.", S, None, "next week", "2019-02-04..2019-02-10", Week, Relative),
    ("Trade surged by 27% last year.", S, None, "last year", "2018", Year, Relative),
    ("This year trade will grow.", S, None, "This year", "2019", Year, Relative),
    ("Next year trade will grow.", S, None, "Next year", "2020", Year, Relative),
    ("Earlier this year, trade grew.", S, None, "Earlier this year", "2019-01-01..2019-02-02", Year, Relative),
    // Counted back from the story date.
    ("He left two years ago.", S, None, "two years ago", "2017", Year, Relative),
    ("He left 3 days ago.", S, None, "3 days ago", "2019-01-30", Day, Relative),
    ("He left six months ago.", S, None, "six months ago", "2018-08", Month, Relative),
    ("He left a year ago.", S, None, "a year ago", "2018", Year, Relative),
    ("He left a decade ago.", S, None, "a decade ago", "2009", Decade, Relative),
    ("He left half a century ago.", S, None, "half a century ago", "1969", Decade, Relative),
    ("He left several years ago.", S, None, "several years ago", "2012..2016", Decade, Relative),
    // Ranges up to the story date.
    ("Yet over the past year, Beijing moved.", S, None, "over the past year", "2018-02-02..2019-02-02", ERA, Since),
    ("In the past two decades, it grew.", S, None, "In the past two decades", "1999-02-02..2019-02-02", ERA, Since),
    ("It grew in recent years.", S, None, "in recent years", "2014-02-02..2019-02-02", ERA, Since),
    ("It grew in recent months.", S, None, "in recent months", "2018-08-02..2019-02-02", ERA, Since),
    ("More aligned than at any point since the mid-1950s.", S, None, "since the mid-1950s", "1953-01-01..2019-02-02", ERA, Since),
    ("Since 1991, Russia has changed.", S, None, "Since 1991", "1991-01-01..2019-02-02", ERA, Since),
    ("Prices rose since last year.", S, None, "since last year", "2018-01-01..2019-02-02", ERA, Since),
    ("NATO expanded after the Cold War.", S, None, "after the Cold War", "1992-01-01..2019-02-02", ERA, Since),
    ("The post-cold war order.", S, None, "post-cold war", "1992-01-01..2019-02-02", ERA, Since),
    // Decades and centuries.
    ("The 1950s were calm.", S, None, "The 1950s", "1950s", Decade, Absolute),
    ("Friendship in the 1950's was brief.", S, None, "in the 1950's", "1950s", Decade, Absolute),
    ("Music of the '50s lives on.", S, None, "the '50s", "1950s", Decade, Absolute),
    ("They fought in the sixties.", S, None, "in the sixties", "1960s", Decade, Absolute),
    ("Relations broke down in the mid-1960s.", S, None, "in the mid-1960s", "1963..1967", Decade, Absolute),
    ("Relations broke down in the mid 1960s.", S, None, "in the mid 1960s", "1963..1967", Decade, Absolute),
    ("Growth was fast in the early 1990s.", S, None, "in the early 1990s", "1990..1993", Decade, Absolute),
    ("Growth was slow in the late 1990s.", S, None, "in the late 1990s", "1997..1999", Decade, Absolute),
    ("Rebels fought in Afghanistan in the 1980s.", S, None, "in the 1980s", "1980s", Decade, Absolute),
    ("It was built in the 2000s.", S, None, "in the 2000s", "2000s", Decade, Absolute),
    ("It was built in the early 1900s.", S, None, "in the early 1900s", "1900..1933", Century, Absolute),
    ("Trade grew in the 19th century.", S, None, "in the 19th century", "1800..1899", Century, Absolute),
    ("Wars marked the twentieth century.", S, None, "the twentieth century", "1900..1999", Century, Absolute),
    // Eras.
    ("Reunited as in the early days of the cold war.", S, None, "in the early days of the cold war", "1947..1955", ERA, ERA_KIND),
    ("It ended with the end of the Cold War.", S, None, "the end of the Cold War", "1989..1991", ERA, ERA_KIND),
    ("It ended during the Cold War.", S, None, "during the Cold War", "1947..1991", ERA, ERA_KIND),
    ("They fought in World War II.", S, None, "in World War II", "1939..1945", ERA, ERA_KIND),
    ("They fought in the Second World War.", S, None, "in the Second World War", "1939..1945", ERA, ERA_KIND),
    ("They fought in World War I.", S, None, "in World War I.", "1914..1918", ERA, ERA_KIND),
    ("World War I ended it.", S, None, "World War I", "1914..1918", ERA, ERA_KIND),
    ("They fought in the First World War.", S, None, "in the First World War", "1914..1918", ERA, ERA_KIND),
    ("He served during the Korean War.", S, None, "during the Korean War", "1950..1953", ERA, ERA_KIND),
    ("The Iran-Iraq war hurt Iraq.", "1987-03-01", None, "The Iran-Iraq war", "1980..1988", ERA, ERA_KIND),
    ("He protested the Vietnam War.", S, None, "the Vietnam War", "1955..1975", ERA, ERA_KIND),
    ("The Sino-Soviet split ended it.", S, None, "The Sino-Soviet split", "1956..1966", ERA, ERA_KIND),
    ("It began with the collapse of the Soviet Union.", S, None, "the collapse of the Soviet Union", "1991", Year, ERA_KIND),
    // Anaphoric: against the narrative time.
    ("A half-century later, the tables had turned.", S, N1956, "A half-century later", "2006", Decade, Anaphoric),
    ("Half a century later, the tables had turned.", S, N1956, "Half a century later", "2006", Decade, Anaphoric),
    ("A decade later, they split.", S, N1956, "A decade later", "1966", Decade, Anaphoric),
    ("Two decades later, they split.", S, N1956, "Two decades later", "1976", Decade, Anaphoric),
    ("Two years later, they split.", S, N1956, "Two years later", "1958", Year, Anaphoric),
    ("Years later, they split.", S, N1956, "Years later", "1958..1965", Decade, Anaphoric),
    ("A year earlier, they had met.", S, N1956, "A year earlier", "1955", Year, Anaphoric),
    ("The previous year, they had met.", S, N1956, "The previous year", "1955", Year, Anaphoric),
    ("They split later that year.", S, N1956, "later that year", "1956", Year, Anaphoric),
    ("The following year, they split.", S, N1956, "The following year", "1957", Year, Anaphoric),
    ("A half-century later, the tables have turned.", S, Some((1963, 1967, Decade)), "A half-century later", "2013..2017", Decade, Anaphoric),
    ("Eighty years later, it ended.", "1990-06-01", N1956, "Eighty years later", "1990-06-01", Year, Anaphoric),
    ("A century later, it ended.", "1990-06-01", N1956, "A century later", "1990-06-01", Century, Anaphoric),
    ("Now, a half-century later, the tables have turned.", S, Some((1963, 1967, Decade)), "a half-century later", "2019-02-02", Day, Present),
];

#[test]
fn forms() {
    for &(text, story, narrative, want_text, want_iv, want_g, want_kind) in FORMS {
        let narrative = narrative.and_then(|(a, b, g)| Interval::years(a, b, g));
        let found = find(text, Some(date(story)), narrative);
        let hits: Vec<_> = found.iter().filter(|(t, _)| t == want_text).collect();
        let [(_, e)] = hits.as_slice() else {
            let got: Vec<_> = found.iter().map(|(t, e)| (t, e.interval.to_string())).collect();
            panic!("{text:?}: want one {want_text:?}, got {got:?}");
        };
        assert_eq!(e.interval.to_string(), want_iv, "{text:?}");
        assert_eq!(e.interval.granularity, want_g, "{text:?}");
        assert_eq!(e.kind, want_kind, "{text:?}");
    }
}

#[test]
fn not_dates() {
    let table = [
        "It cost $107 billion.",
        "It moved 14.7% of its reserves.",
        "Some 3,000 troops drove in.",
        "It paid $1956 in fees.",
        "The rocket lifted off at 1805 EST.",
        "The council meets at 1900 hours.",
        "Inflation hit 2019% there.",
        "Some fear a new cold war.",
        "Theresa May spoke to the press.",
        "Prices may march higher.",
        "Since Mr. Xi took office, ties grew.",
        "For every student, 10 others are pursuing degrees.",
        "Gone are the days when it could.",
        "They are in their twenties.",
        "It lasted years.",
    ];
    for text in table {
        let found = find(text, Some(date(S)), Interval::year(1956));
        assert!(found.is_empty(), "{text:?}: {found:?}");
    }
}

#[test]
fn eras_do_not_start_after_the_story() {
    let found = find("The Gulf War hurt Iraq.", Some(date("1987-03-01")), None);
    assert!(found.is_empty(), "{found:?}");
    let found = find("The Gulf War hurt Iraq.", Some(date("1992-03-01")), None);
    assert_eq!(found.len(), 1);
}

#[test]
fn without_a_story_date_only_absolute_forms_are_found() {
    let table: &[(&str, &[&str])] = &[
        ("Mao replied in 1956 and left last year.", &["in 1956"]),
        ("Since 1956, it grew.", &[]),
        ("He spoke on Monday, January 2019.", &["January 2019"]),
        ("Now, in the 1950s era of the cold war.", &["in the 1950s", "the cold war"]),
        ("Two years later, they split.", &[]),
    ];
    for (text, want) in table {
        let got: Vec<_> = find(text, None, None).into_iter().map(|(t, _)| t).collect();
        assert_eq!(got, *want, "{text:?}");
    }
}

#[test]
fn never_panics_and_keeps_its_promises() {
    const VOCAB: &[&str] = &[
        "in",
        "the",
        "since",
        "after",
        "post",
        "-",
        "--",
        "mid",
        "early",
        "late",
        "1960s",
        "1950's",
        "'",
        "50s",
        "1956",
        "2019",
        "2100",
        "1800",
        "9999",
        "02",
        "2",
        "31",
        "12th",
        "Sept.",
        "September",
        "May",
        "March",
        "Monday",
        "/",
        ",",
        "last",
        "next",
        "this",
        "a",
        "half",
        "century",
        "decade",
        "decades",
        "years",
        "year",
        "ago",
        "later",
        "earlier",
        "two",
        "several",
        "few",
        "past",
        "recent",
        "now",
        "today",
        "these",
        "days",
        "cold",
        "war",
        "world",
        "ii",
        "$",
        "%",
        "of",
        "that",
        "year",
        "19th",
        "twenty",
        "first",
        ".",
        "(",
        ")",
        "Feb.",
        "29",
        "0",
        "00s",
        "1900s",
        "'s",
    ];
    let stories = [None, Date::new(2019, 2, 2), Date::new(1, 1, 1), Date::new(9999, 12, 31)];
    let narratives = [None, Interval::year(1956), Interval::years(1, 9999, ERA)];
    let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut out = Vec::new();
    let mut total = 0;
    for round in 0..4000 {
        let len = (next() % 16) as usize + 1;
        let mut text = String::new();
        for _ in 0..len {
            if next() % 3 != 0 {
                text.push(' ');
            }
            text.push_str(VOCAB[(next() % VOCAB.len() as u64) as usize]);
        }
        let doc = Document::new("fuzz", text.as_str(), None);
        let story = stories[round % stories.len()];
        let narrative = narratives[(round / 4) % narratives.len()];
        out.clear();
        find_into(doc.text(), doc.lower(), doc.tokens(), story, narrative, &mut out);
        total += out.len();
        let mut prev_end = 0;
        for e in &out {
            assert!(e.tokens.start >= prev_end && e.tokens.start < e.tokens.end, "{text:?}");
            assert!(e.tokens.end <= doc.tokens().len(), "{text:?}");
            assert!(e.interval.start <= e.interval.end, "{text:?}: {e:?}");
            prev_end = e.tokens.end;
        }
    }
    assert!(total > 2000, "the fuzz input found too little: {total}");
}

#[test]
fn seed_text_in_every_setting() {
    let path = crate::testing::shared_path("seed/beijing-moscow-axis.txt");
    let Ok(raw) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is absent", path.display());
        return;
    };
    let doc = Document::new("seed", raw, None);
    let mut out = Vec::new();
    for story in [None, Date::new(2019, 2, 2)] {
        for narrative in [None, Interval::year(1956)] {
            for s in doc.sentences() {
                out.clear();
                let tokens = doc.sentence_tokens(s);
                find_into(doc.text(), doc.lower(), tokens, story, narrative, &mut out);
                assert!(out.windows(2).all(|w| w[0].tokens.end <= w[1].tokens.start));
            }
        }
    }
}

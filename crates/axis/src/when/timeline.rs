//! Dating clauses: every mention takes the date of its clause.
//!
//! A [`Timeline`] walks a document sentence by sentence, in order. For each sentence,
//! [`Timeline::date_sentence`] finds its temporal expressions ([`crate::when::expr`]), cuts it into
//! clauses and gives every clause a [`ResolvedDate`]; later stages ask
//! [`SentenceDates::date_at`] for the date of the clause holding a mention. In "When Sukarno
//! inquired about China's economy in 1956, Mao Zedong replied that ...", Mao is dated 1956, not
//! at the story date; in "Moscow even provided Beijing with nuclear weapons technology", a
//! past-tense sentence with no date of its own, Moscow takes the time the story was telling.
//!
//! # Clauses
//!
//! There is no parser: a sentence is cut after `,` `;` `:` `--` and `)` (taking a closing quote
//! glued to them along), before `(`, and before the subordinators and relative words "that",
//! "which", "who", "whom", "whose", "where", "when", "while", "whereas", "after", "before",
//! "because", "although", "though", "once" (not "once again"), "until", "unless", "if" and
//! "since", and before "as" followed by a pronoun or by "in"/"at"/"on"/"during"/"if"/"though"/
//! "when" ("as in the early days of the cold war"). A cut never falls inside a temporal
//! expression ("February 2-3, 2019" stays whole). The clauses cover all tokens, in order.
//!
//! # A clause's date
//!
//! 1. **Clause**: the first temporal expression inside the clause ("now" and "today" give the
//!    story day).
//! 2. **Sentence**: else the nearest expression in an earlier clause of the same sentence, so
//!    "When Sukarno inquired ... in 1956, Mao Zedong replied" dates Mao at 1956, while in
//!    "Moscow's fear that China will move ... that Beijing ceded in the mid-1980s" Moscow is
//!    not dated by the later expression.
//! 3. **Tense**, from marker words rather than a parser: a clause with a present or future marker
//!    ("is", "are", "has", "have", "do", "does" (also before "n't"), "will", "can", "remains",
//!    "says", ...; see `PRESENT`) is dated at the story date (**Story**); otherwise the narrative
//!    time, if there is one (**Narrative**); otherwise the story date. With no story date a
//!    present-tense clause stays undated rather than taking an old narrative time.
//!
//! A clause with no expression and no tense marker at all (no present marker, no past marker
//! such as "was", "had", "said" or a lower-case word in "-ed") is a fragment of the clause next
//! to it, cut off by a comma: "Russia, | for its part, | has been ostracized", "Seeing China as
//! its new dependency, | Moscow sent ... during the 1950s". A fragment takes the date of the
//! nearest following non-fragment clause of the sentence, or, at the end of the sentence, of the
//! nearest preceding one; a date copied from an expression then counts as source Sentence.
//!
//! # Narrative time
//!
//! After each sentence, each of its expressions in turn updates the narrative time: a present one
//! ("now", "today") resets it to the story day, any other one sets it to its interval, so the last
//! expression wins. Sentences without expressions leave it alone; it carries across paragraphs.
//! Anaphoric expressions ("two years later") are resolved against the narrative time as it was
//! before the sentence.

use super::expr::{find_into, TimeExpr, TimeKind};
use super::{Date, Interval};
use crate::text::{Token, TokenKind};
use serde::Serialize;
use std::ops::Range;

/// The dating state of one document: its story date and the narrative time so far.
#[derive(Clone, Debug)]
pub struct Timeline {
    story: Option<Date>,
    narrative: Option<Interval>,
    /// Per clause of the current sentence: whether it is a fragment (reused buffer).
    fragments: Vec<bool>,
}

/// The dates of one sentence: its temporal expressions and its clauses.
#[derive(Clone, Debug, Default, Serialize)]
pub struct SentenceDates {
    /// The temporal expressions, in token order.
    pub exprs: Vec<TimeExpr>,
    /// The clauses: they cover all tokens of the sentence, in order.
    pub clauses: Vec<Clause>,
}

/// A clause of a sentence and the date it speaks about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Clause {
    /// Its tokens: indices into the sentence's token slice.
    pub tokens: Range<usize>,
    /// Its date; `None` only when there is neither an expression, a narrative time nor a story
    /// date to go by (or a present-tense clause in a story without a date).
    pub date: Option<ResolvedDate>,
}

/// A clause's date and where it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ResolvedDate {
    /// The days.
    pub interval: Interval,
    /// Which rule gave it.
    pub source: DateSource,
    /// Index into [`SentenceDates::exprs`] when it came from an expression.
    pub expr: Option<u16>,
}

/// Which rule dated a clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// An expression in this clause.
    Clause,
    /// An expression in another clause of this sentence: an earlier one, or for a fragment the
    /// clause it belongs to.
    Sentence,
    /// Carried over from an earlier sentence: a past-tense sentence continuing a story told in
    /// the past.
    Narrative,
    /// The story date.
    Story,
}

impl SentenceDates {
    /// The date of the clause containing token `token` (an index into the sentence's tokens).
    pub fn date_at(&self, token: usize) -> Option<ResolvedDate> {
        let k = self.clauses.partition_point(|c| c.tokens.end <= token);
        self.clauses.get(k).filter(|c| c.tokens.contains(&token)).and_then(|c| c.date)
    }
}

/// Present and future markers (sorted: looked up by binary search).
const PRESENT: &[&str] = &[
    "accounts",
    "adds",
    "am",
    "appears",
    "are",
    "argues",
    "becomes",
    "believes",
    "ca",
    "can",
    "claims",
    "comes",
    "considers",
    "continue",
    "continues",
    "defends",
    "denies",
    "depends",
    "do",
    "does",
    "eclipses",
    "endorses",
    "exists",
    "expects",
    "faces",
    "fears",
    "gets",
    "gives",
    "goes",
    "has",
    "have",
    "holds",
    "hopes",
    "includes",
    "insists",
    "is",
    "keeps",
    "knows",
    "lacks",
    "leads",
    "looks",
    "makes",
    "may",
    "means",
    "must",
    "needs",
    "notes",
    "opposes",
    "plans",
    "recognizes",
    "rejects",
    "remain",
    "remains",
    "say",
    "says",
    "seeks",
    "seem",
    "seems",
    "sees",
    "sells",
    "shall",
    "should",
    "shows",
    "stands",
    "suggests",
    "supports",
    "takes",
    "tells",
    "thinks",
    "wants",
    "warns",
    "will",
    "wo",
];

/// Past markers besides lower-case words in "-ed" (sorted).
const PAST: &[&str] = &[
    "became", "began", "bought", "broke", "brought", "built", "came", "chose", "could", "did", "drove",
    "fell", "felt", "fought", "found", "gave", "got", "grew", "had", "held", "kept", "knew", "led", "left",
    "lost", "made", "met", "paid", "ran", "rose", "said", "saw", "sent", "sought", "spent", "stood",
    "struck", "thought", "told", "took", "was", "went", "were", "won", "would", "wrote",
];

/// Words in "-ed" that are not past forms.
const NOT_PAST: &[&str] =
    &["need", "feed", "seed", "speed", "shed", "breed", "greed", "indeed", "hundred", "bred"];

/// Words before which a clause starts (sorted).
const SUBORDINATORS: &[&str] = &[
    "after", "although", "because", "before", "if", "once", "since", "that", "though", "unless", "until",
    "when", "where", "whereas", "which", "while", "who", "whom", "whose",
];

/// Words after "as" that make it a subordinator.
const AS_FOLLOWERS: &[&str] =
    &["he", "she", "it", "they", "we", "i", "you", "in", "at", "on", "during", "if", "though", "when"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tense {
    Present,
    Past,
    Unmarked,
}

impl Timeline {
    /// A timeline for a document with this story date.
    pub fn new(story: Option<Date>) -> Timeline {
        Timeline { story, narrative: None, fragments: Vec::new() }
    }

    /// The story date.
    pub fn story(&self) -> Option<Date> {
        self.story
    }

    /// The narrative time: what the text was talking about after the sentences dated so far.
    pub fn narrative(&self) -> Option<Interval> {
        self.narrative
    }

    /// Dates one sentence; call once per sentence of a document, in order. Clears and refills `out`.
    ///
    /// `text` is the document's normalised text, `lower` its lower-cased copy with the same byte
    /// offsets, `tokens` the sentence's tokens.
    pub fn date_sentence(&mut self, text: &str, lower: &str, tokens: &[Token], out: &mut SentenceDates) {
        out.exprs.clear();
        out.clauses.clear();
        find_into(text, lower, tokens, self.story, self.narrative, &mut out.exprs);
        let words = Words { lower, tokens };
        split_clauses(&words, &out.exprs, &mut out.clauses);

        // Clauses with an expression or a tense; fragments wait.
        self.fragments.clear();
        for c in 0..out.clauses.len() {
            let range = out.clauses[c].tokens.clone();
            let tense = words.tense(range.clone());
            let own = out.exprs.iter().position(|e| range.contains(&e.tokens.start));
            let fragment = own.is_none() && tense == Tense::Unmarked;
            self.fragments.push(fragment);
            out.clauses[c].date = match own {
                Some(e) => Some(from_expr(&out.exprs, e, DateSource::Clause)),
                None if fragment => None,
                None => self.fallback(&out.exprs, range.start, tense),
            };
        }

        // Fragments take the date of the next non-fragment clause, else of the previous one.
        let mut next = None;
        for c in (0..out.clauses.len()).rev() {
            if !self.fragments[c] {
                next = Some(out.clauses[c].date);
            } else if let Some(date) = next {
                out.clauses[c].date = date.map(as_copy);
            }
        }
        let last_full = self.fragments.iter().rposition(|f| !f);
        for c in last_full.map_or(0, |l| l + 1)..out.clauses.len() {
            out.clauses[c].date = match last_full {
                Some(l) => out.clauses[l].date.map(as_copy),
                None => {
                    let start = out.clauses[c].tokens.start;
                    self.fallback(&out.exprs, start, Tense::Unmarked)
                }
            };
        }

        for e in &out.exprs {
            self.narrative = match e.kind {
                TimeKind::Present => self.story.map(Interval::day).or(self.narrative),
                _ => Some(e.interval),
            };
        }
    }

    /// Rules 2 and 3: an expression earlier in the sentence, else the tense.
    fn fallback(&self, exprs: &[TimeExpr], start: usize, tense: Tense) -> Option<ResolvedDate> {
        let p = exprs.partition_point(|e| e.tokens.end <= start);
        if p > 0 {
            return Some(from_expr(exprs, p - 1, DateSource::Sentence));
        }
        let story = self.story.map(|d| ResolvedDate {
            interval: Interval::day(d),
            source: DateSource::Story,
            expr: None,
        });
        if tense == Tense::Present {
            return story;
        }
        let narrative = self.narrative.map(|interval| ResolvedDate {
            interval,
            source: DateSource::Narrative,
            expr: None,
        });
        narrative.or(story)
    }
}

fn from_expr(exprs: &[TimeExpr], e: usize, source: DateSource) -> ResolvedDate {
    ResolvedDate { interval: exprs[e].interval, source, expr: u16::try_from(e).ok() }
}

/// A date copied to a fragment from the clause it belongs to.
fn as_copy(d: ResolvedDate) -> ResolvedDate {
    match d.source {
        DateSource::Clause => ResolvedDate { source: DateSource::Sentence, ..d },
        _ => d,
    }
}

/// Read access to a sentence's words.
struct Words<'a> {
    lower: &'a str,
    tokens: &'a [Token],
}

impl<'a> Words<'a> {
    fn w(&self, i: usize) -> &'a str {
        self.tokens.get(i).and_then(|t| self.lower.get(t.span.range())).unwrap_or("")
    }

    fn glued(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| !t.has(Token::SPACE_BEFORE))
    }

    /// Whether a clause starts at token `k`.
    fn starts_clause(&self, k: usize) -> bool {
        let w = self.w(k);
        match w {
            "(" => true,
            "once" => self.w(k + 1) != "again",
            "as" => AS_FOLLOWERS.contains(&self.w(k + 1)),
            _ => SUBORDINATORS.binary_search(&w).is_ok(),
        }
    }

    fn tense(&self, range: Range<usize>) -> Tense {
        let mut tense = Tense::Unmarked;
        for i in range {
            // Capitalized words are names ("Theresa May"), except at the start of the sentence.
            if i > 0 && self.tokens.get(i).is_some_and(|t| t.is_capitalized()) {
                continue;
            }
            let w = self.w(i);
            if PRESENT.binary_search(&w).is_ok() {
                return Tense::Present;
            }
            if PAST.binary_search(&w).is_ok()
                || (w.len() >= 4
                    && w.ends_with("ed")
                    && w.bytes().all(|b| b.is_ascii_alphabetic())
                    && !NOT_PAST.contains(&w))
            {
                tense = Tense::Past;
            }
        }
        tense
    }
}

/// Cuts the sentence into clauses (dates unset), never inside an expression.
fn split_clauses(words: &Words<'_>, exprs: &[TimeExpr], out: &mut Vec<Clause>) {
    let n = words.tokens.len();
    // Whether a cut at `pos` (between tokens pos-1 and pos) would split an expression.
    let splits_expr = |pos: usize| {
        let p = exprs.partition_point(|e| e.tokens.end <= pos);
        exprs.get(p).is_some_and(|e| e.tokens.start < pos)
    };
    let mut start = 0;
    // Whether the open clause has a word yet: an opening quote alone is no clause.
    let mut has_word = false;
    let mut k = 0;
    while k < n {
        if has_word && words.starts_clause(k) && !splits_expr(k) {
            out.push(Clause { tokens: start..k, date: None });
            start = k;
        }
        has_word |=
            words.tokens.get(k).is_some_and(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number));
        if matches!(words.w(k), "," | ";" | ":" | "--" | ")") {
            let mut end = k + 1;
            while end < n && matches!(words.w(end), "'" | "\"") && words.glued(end) {
                end += 1;
            }
            if end < n && !splits_expr(end) {
                out.push(Clause { tokens: start..end, date: None });
                start = end;
                has_word = false;
            }
            k = end;
            continue;
        }
        k += 1;
    }
    if start < n {
        out.push(Clause { tokens: start..n, date: None });
    }
}

#[cfg(test)]
mod tests {
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
                let hit =
                    tokens.iter().position(|t| t.span.start as usize >= at && doc.slice(t.span) == word);
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
        ("the Soviet Union had erected a network", "Union", "1963..1967", Granularity::Decade, Sentence),
        ("Moscow even provided Beijing with nuclear", "Beijing", "1963..1967", Granularity::Decade, Narrative),
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
        let path = "/work/shared/seed/beijing-moscow-axis.txt";
        let Ok(raw) = std::fs::read_to_string(path) else {
            eprintln!("skipped: {path} is absent");
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
    fn word_lists_are_sorted() {
        for list in [PRESENT, PAST, SUBORDINATORS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
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
            "in", "the", "since", "1956", "mid", "-", "1960s", ",", ";", "(", ")", "--", "that", "when",
            "as", "he", "is", "was", "now", "a", "half", "-", "century", "later", "'", "\"", "Mao", "met",
            "Sept.", "12", "2019", "last", "year", "once", "again", ".",
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
}

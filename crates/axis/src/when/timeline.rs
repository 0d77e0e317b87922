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
//! expression ("February 2-3, 2019" stays whole), and an opening quote alone is no clause. The
//! clauses cover all tokens, in order.
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
//! One exception: in "By the time relations broke down in the mid 1960s, the Soviet Union had
//! erected …", a past-perfect clause speaks of a time before the "by the time" clause's date; it
//! takes the narrative time when that lies before that date, and the sentence's "by the time"
//! expression then does not move the narrative time.
//!
//! # Narrative time
//!
//! After each sentence, each of its expressions in turn updates the narrative time: a present one
//! ("now", "today") resets it to the story day, a range up to the story date ("since 1981", "over
//! the past year") leaves it alone, any other one sets it to its interval, so the last expression
//! wins. Sentences without expressions leave it alone; it carries across paragraphs.
//! Anaphoric expressions ("two years later") are resolved against the narrative time as it was
//! before the sentence.

use super::expr::{find_into, TimeExpr, TimeKind};
use super::{Date, Granularity, Interval};
use crate::text::{Token, TokenKind};
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::ops::Range;
use std::sync::OnceLock;

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

/// Present and future markers.
#[rustfmt::skip]
const PRESENT: &[&str] = &[
    "accounts", "adds", "am", "appears", "are", "argues", "becomes", "believes", "ca", "can",
    "claims", "comes", "considers", "continue", "continues", "defends", "denies", "depends", "do",
    "does", "eclipses", "endorses", "exists", "expects", "faces", "fears", "gets", "gives", "goes",
    "has", "have", "holds", "hopes", "includes", "insists", "is", "keeps", "knows", "lacks",
    "leads", "looks", "makes", "may", "means", "must", "needs", "notes", "opposes", "plans",
    "recognizes", "rejects", "remain", "remains", "say", "says", "seeks", "seem", "seems", "sees",
    "sells", "shall", "should", "shows", "stands", "suggests", "supports", "takes", "tells",
    "thinks", "wants", "warns", "will", "wo",
];

/// Past markers besides lower-case words in "-ed".
const PAST: &[&str] = &[
    "became", "began", "bought", "broke", "brought", "built", "came", "chose", "could", "did", "drove",
    "fell", "felt", "fought", "found", "gave", "got", "grew", "had", "held", "kept", "knew", "led", "left",
    "lost", "made", "met", "paid", "ran", "rose", "said", "saw", "sent", "sought", "spent", "stood",
    "struck", "thought", "told", "took", "was", "went", "were", "won", "would", "wrote",
];

/// Words in "-ed" that are not past forms.
const NOT_PAST: &[&str] =
    &["need", "feed", "seed", "speed", "shed", "breed", "greed", "indeed", "hundred", "bred"];

/// Words before which a clause starts.
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
        if let Some(story) = self.story {
            future_weekdays(lower, tokens, story, &mut out.exprs);
        }
        let words = Words { lower, tokens };
        split_clauses(&words, &out.exprs, &mut out.clauses);

        // "By the time relations broke down in the mid 1960s, the Soviet Union had erected …": the
        // past perfect speaks of a time before the "by the time" clause's date — the narrative
        // time, when that lies before it. Such a sentence does not move the narrative either.
        let by_the_time = out.clauses.iter().find_map(|c| {
            let t = c.tokens.start;
            let starts = t + 2 < tokens.len()
                && words.w(t) == "by"
                && words.w(t + 1) == "the"
                && words.w(t + 2) == "time";
            let e = out.exprs.iter().position(|e| c.tokens.contains(&e.tokens.start))?;
            starts.then_some((c.tokens.clone(), e))
        });
        let earlier = by_the_time.as_ref().and_then(|&(_, e)| {
            self.narrative.filter(|n| n.end < out.exprs[e].interval.start).map(|interval| ResolvedDate {
                interval,
                source: DateSource::Narrative,
                expr: None,
            })
        });
        let mut used_earlier = false;

        // Clauses with an expression or a tense; fragments wait.
        self.fragments.clear();
        for c in 0..out.clauses.len() {
            let range = out.clauses[c].tokens.clone();
            let tense = words.tense(range.clone());
            let own = out.exprs.iter().position(|e| range.contains(&e.tokens.start));
            let fragment = own.is_none() && tense == Tense::Unmarked;
            self.fragments.push(fragment);
            let past_perfect = range.clone().any(|i| words.w(i) == "had");
            out.clauses[c].date = match own {
                Some(e) => Some(from_expr(&out.exprs, e, DateSource::Clause)),
                None if fragment => None,
                None if past_perfect && earlier.is_some() => {
                    used_earlier = true;
                    earlier
                }
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
            if used_earlier && by_the_time.as_ref().is_some_and(|(r, _)| r.contains(&e.tokens.start)) {
                continue;
            }
            self.narrative = match e.kind {
                TimeKind::Present => self.story.map(Interval::day).or(self.narrative),
                // A range up to now ("since 1981") says nothing about when the story is.
                TimeKind::Since => self.narrative,
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

    /// The [`Marker`] flags of token `k`: 0 for anything but a word.
    fn markers(&self, k: usize) -> u8 {
        match self.tokens.get(k) {
            Some(t) if t.kind == TokenKind::Word => Marker::of(self.w(k)),
            _ => 0,
        }
    }

    /// Whether a clause starts at token `k`.
    fn starts_clause(&self, k: usize) -> bool {
        match self.w(k) {
            "(" => true,
            "once" => self.w(k + 1) != "again",
            "as" => AS_FOLLOWERS.contains(&self.w(k + 1)),
            _ => self.markers(k) & Marker::SUBORDINATOR != 0,
        }
    }

    fn tense(&self, range: Range<usize>) -> Tense {
        let mut tense = Tense::Unmarked;
        for i in range {
            // Capitalized words are names ("Theresa May"), except at the start of the sentence.
            if i > 0 && self.tokens.get(i).is_some_and(|t| t.is_capitalized()) {
                continue;
            }
            let m = self.markers(i);
            if m & Marker::PRESENT != 0 {
                return Tense::Present;
            }
            if m & Marker::PAST != 0 {
                tense = Tense::Past;
            }
        }
        tense
    }
}

/// Word classes for clause cutting and tense, looked up with one hash probe per word.
struct Marker;

impl Marker {
    const PRESENT: u8 = 1;
    const PAST: u8 = 2;
    const SUBORDINATOR: u8 = 4;

    /// The flags of a lower-case word: [`PRESENT`], [`PAST`] and [`SUBORDINATORS`] by table,
    /// plus PAST for words in "-ed" (but not [`NOT_PAST`]).
    fn of(w: &str) -> u8 {
        static MAP: OnceLock<FxHashMap<&'static str, u8>> = OnceLock::new();
        let map = MAP.get_or_init(|| {
            let mut map: FxHashMap<&'static str, u8> = FxHashMap::default();
            for (list, flag) in
                [(PRESENT, Marker::PRESENT), (PAST, Marker::PAST), (SUBORDINATORS, Marker::SUBORDINATOR)]
            {
                for w in list {
                    *map.entry(w).or_default() |= flag;
                }
            }
            map
        });
        let mut flags = map.get(w).copied().unwrap_or(0);
        if w.len() >= 4
            && w.ends_with("ed")
            && w.bytes().all(|b| b.is_ascii_alphabetic())
            && !NOT_PAST.contains(&w)
        {
            flags |= Marker::PAST;
        }
        flags
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

/// Weekdays resolve to the past by default ("on Monday" in news is usually the Monday just gone);
/// in a sentence about the future ("will meet on Monday", "is due to arrive on Friday") the
/// weekday is the coming one.
fn future_weekdays(lower: &str, tokens: &[Token], story: Date, exprs: &mut [TimeExpr]) {
    const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    let word = |i: usize| &lower[tokens[i].span.range()];
    let future = (0..tokens.len()).any(|i| {
        matches!(word(i), "will" | "'ll" | "shall")
            || (word(i) == "due" && i + 1 < tokens.len() && word(i + 1) == "to")
            || (word(i) == "scheduled" && i + 1 < tokens.len() && word(i + 1) == "to")
    });
    if !future {
        return;
    }
    for e in exprs.iter_mut() {
        let is_weekday = e.tokens.clone().any(|i| i < tokens.len() && WEEKDAYS.contains(&word(i)));
        if is_weekday
            && e.kind == TimeKind::Relative
            && e.interval.granularity == Granularity::Day
            && e.interval.start < story
        {
            let d = e.interval.start.add_days(7);
            e.interval = Interval::day(d);
        }
    }
}

#[cfg(test)]
mod tests;

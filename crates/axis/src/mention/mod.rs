//! Actor mentions: who is named in a sentence, and what code they stand for on the day the
//! sentence speaks about.
//!
//! A [`MentionFinder`] works in three steps per sentence:
//!
//! 1. **Atoms** ([`atoms`]): the dictionary's phrase matcher finds the longest phrase at each token
//!    ("the Kremlin", "Chinese", "troops", "President", "Xi").
//! 2. **Composition** ([`compose`]): adjacent atoms form one mention the way English noun phrases
//!    do — demonym or name + agent ("3,000 Chinese troops", "Russia's Central Bank", "the U.S.
//!    Senate"), agent + "of" + name ("the government of China"), titles + person ("Mr. Xi",
//!    "Russian President Vladimir Putin"), a title without a known person ("Chinese Foreign
//!    Minister") — and stop phrases ("South China Sea") hide what they contain.
//! 3. **Resolution** ([`resolve`]): each mention is resolved at the date of its clause (from
//!    [`crate::when::SentenceDates`]): among a phrase's meanings, the one whose validity overlaps
//!    that date most ("Moscow" in the 1950s → SUN, in 2019 → RUS); for people, the role they held
//!    then ("Mr. Xi" in 2019 → CHNGOV; a person out of office → their country + `ELI`).

mod atoms;
mod compose;
mod resolve;

use crate::dict::{Code, Dictionary, EntityId};
use crate::text::{Document, Sentence, Span};
use crate::when::{Interval, ResolvedDate, SentenceDates, TimeKind, Timeline};
use serde::Serialize;
use std::ops::Range;

pub use atoms::{Atom, Atoms};

/// How a mention was recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A state, region, bloc or organisation, possibly with agents ("Chinese troops").
    Actor,
    /// A person, with any titles and country before the name ("Mr. Xi").
    Person,
    /// Agents with no actor named ("the Senate", "rebels"): the actor part is `---`.
    Agent,
}

/// One actor mention in a sentence, resolved to a code at a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The whole mention, in the document's normalised text.
    pub span: Span,
    /// Its tokens: indices into the sentence's tokens.
    pub tokens: Range<usize>,
    /// How it was recognised.
    pub kind: MentionKind,
    /// The full code: actor part followed by agent parts (`CHNMIL`, `RUSGOV`, `---LEG`).
    pub code: Code,
    /// The actor part (`CHN`, `SUN`, `IGOUNO`; `---` when unknown).
    pub actor: Code,
    /// The agent parts (`MIL`, `GOVBUS`), possibly empty.
    pub agent: Code,
    /// The actor entity that gave the actor part, if any.
    pub entity: Option<EntityId>,
    /// The person, for person mentions.
    pub person: Option<EntityId>,
    /// The role of the person used (index into the person's roles), if one overlapped the date.
    pub role: Option<usize>,
    /// The date the mention was resolved at.
    pub date: Option<ResolvedDate>,
}

/// Finds and resolves actor mentions; holds scratch space so repeated calls do not allocate.
#[derive(Debug)]
pub struct MentionFinder<'d> {
    dict: &'d Dictionary,
    atoms: Atoms,
    drafts: Vec<compose::Draft>,
}

impl<'d> MentionFinder<'d> {
    /// A finder over a compiled dictionary.
    pub fn new(dict: &'d Dictionary) -> MentionFinder<'d> {
        MentionFinder { dict, atoms: Atoms::default(), drafts: Vec::new() }
    }

    /// The dictionary in use.
    pub fn dict(&self) -> &'d Dictionary {
        self.dict
    }

    /// Appends the mentions of one sentence to `out`, each resolved at the date of its clause.
    pub fn find_into(
        &mut self,
        doc: &Document,
        sentence: &Sentence,
        dates: &SentenceDates,
        out: &mut Vec<Mention>,
    ) {
        let tokens = doc.sentence_tokens(sentence);
        atoms::find_into(self.dict, doc.text(), doc.lower(), tokens, &mut self.atoms);
        compose::compose_into(doc.lower(), tokens, &self.atoms, self.dict.phrase_rules(), &mut self.drafts);
        for d in &self.drafts {
            let date = dates.date_at(d.head);
            resolve::resolve_into(self.dict, tokens, &self.atoms, d, date, resolve_at(date, dates), out);
        }
    }

    /// The atoms found in the last sentence passed to [`MentionFinder::find_into`] (for `explain`).
    pub fn last_atoms(&self) -> &Atoms {
        &self.atoms
    }
}

/// The interval a mention is resolved at: its clause's date, except that a range running up to
/// the story date ("since the 1950s", "over the past year") speaks about the present, so names
/// are read as of its end.
fn resolve_at(date: Option<ResolvedDate>, dates: &SentenceDates) -> Option<Interval> {
    let r = date?;
    let since = r.expr.and_then(|i| dates.exprs.get(i as usize)).is_some_and(|e| e.kind == TimeKind::Since);
    Some(if since { Interval::day(r.interval.end) } else { r.interval })
}

/// One sentence's dates and mentions, as produced by [`mentions`].
#[derive(Debug)]
pub struct SentenceMentions {
    /// Index of the sentence in the document.
    pub index: usize,
    /// Dates of the sentence's expressions and clauses.
    pub dates: SentenceDates,
    /// Mentions in order.
    pub mentions: Vec<Mention>,
}

/// Dates every sentence of `doc` and finds its mentions: the `axis actors` pipeline.
pub fn mentions(dict: &Dictionary, doc: &Document) -> Vec<SentenceMentions> {
    let mut finder = MentionFinder::new(dict);
    let mut timeline = Timeline::new(doc.date);
    let mut out = Vec::with_capacity(doc.sentences().len());
    for (index, s) in doc.sentences().iter().enumerate() {
        let mut dates = SentenceDates::default();
        timeline.date_sentence(doc.text(), doc.lower(), doc.sentence_tokens(s), &mut dates);
        let mut mentions = Vec::new();
        finder.find_into(doc, s, &dates, &mut mentions);
        out.push(SentenceMentions { index, dates, mentions });
    }
    out
}

#[cfg(test)]
mod tests;

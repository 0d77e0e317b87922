//! Event coding: sentences in, dated and evidence-linked events out.
//!
//! A [`Coder`] is built once from the actor dictionary, the verb dictionary and the CAMEO table,
//! then codes documents one after another ([`Coder::code_document`]). For each sentence it
//! reuses the earlier stages — tokens, actor mentions resolved at their clause's date, dated
//! clauses — and adds a shallow syntax, without a parser:
//!
//! 1. [`actors`]: the sentence's actors — the mentions, plus pronouns and "the two countries"
//!    resolved to the nearest compatible actors before them in the document.
//! 2. [`matcher`]: at every token that heads a verb or noun pattern, the longest pattern that fits,
//!    with its `+` slot bound to an actor (and any actors coordinated with it).
//! 3. `syntax`: who did it — the clause's subject (walking back over prepositional phrases and
//!    into earlier clauses for coordinated and relative clauses), the `by` phrase of a passive, the
//!    possessor of a noun event; negation ("did not", "never"), refusal ("refused to" makes a
//!    rejection, never the event itself), threat and intent ("threatened to", "plans to").
//!    With [`Coder::use_parse`] and a document that carries a parse ([`Document::parse`]), a
//!    verb's subject, passive agent and slot check come from the given tree instead.
//! 4. The events: every source × target pair (both ways for a compound subject without a target),
//!    dated by the clause of the pattern's head.
//! 5. [`quantity`]: amounts of money, shares and head counts, tied to their actors and dated — a
//!    second kind of record.

mod actors;
mod matcher;
pub mod quantity;
mod syntax;

use crate::cameo::{CameoTable, CodeInfo, EventCode};
use crate::dict::verbs::{PatternId, VerbDictionary};
use crate::dict::Dictionary;
use crate::mention::{Mention, MentionFinder};
use crate::text::{Document, Span};
use crate::when::{DateSource, ResolvedDate, SentenceDates, Timeline};
use serde::Serialize;

pub use actors::{Actor, Salience};
pub use matcher::PatternMatch;
pub use syntax::Modality;

/// One side of an event: the mention that names it in this sentence, and for pronouns and "the
/// two countries" the earlier mention it was resolved to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Participant {
    /// The mention (for a pronoun: its span here, with the antecedent's codes).
    pub mention: Mention,
    /// For a pronoun: the sentence and span of the antecedent.
    pub antecedent: Option<(usize, Span)>,
}

/// A coded event: source did something to target, at a date, with the evidence.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// Who did it.
    pub source: Participant,
    /// To whom, if anyone.
    pub target: Option<Participant>,
    /// The CAMEO code.
    pub code: EventCode,
    /// The pattern that fired.
    pub pattern: PatternId,
    /// The head word (verb or noun) of the pattern.
    pub verb: Span,
    /// All the words the pattern matched, head to last element.
    pub span: Span,
    /// Negated in the text ("did not attack").
    pub negated: bool,
    /// Intent, threat or refusal wrapping the verb, which changed the code.
    pub modality: Option<Modality>,
    /// The date of the event's clause.
    pub date: Option<ResolvedDate>,
}

impl Event {
    /// Whether the date fell back to the story date (no temporal expression for this clause).
    pub fn date_is_fallback(&self) -> bool {
        self.date.is_none_or(|d| d.source == DateSource::Story)
    }
}

/// Why a candidate pattern did or did not become events: the `explain` trace.
#[derive(Clone, Debug, Serialize)]
pub struct TraceStep {
    /// Sentence index.
    pub sentence: usize,
    /// The head token's span.
    pub head: Span,
    /// The pattern as written.
    pub pattern: String,
    /// Its CAMEO code.
    pub code: String,
    /// What happened.
    pub outcome: String,
}

/// The coder: built once, codes any number of documents.
#[derive(Debug)]
pub struct Coder<'d> {
    dict: &'d Dictionary,
    verbs: &'d VerbDictionary,
    cameo: &'d CameoTable,
    use_parse: bool,
}

/// Everything the coder found in one document.
#[derive(Clone, Debug, Default)]
pub struct Coded {
    /// Per sentence: its dates and actor mentions.
    pub sentences: Vec<(SentenceDates, Vec<Mention>)>,
    /// The events, in sentence and text order.
    pub events: Vec<Event>,
    /// Quantities ("$107 billion", "3,000 Chinese troops") with their sentence index; their
    /// `actors` index into that sentence's mentions.
    pub quantities: Vec<(usize, quantity::Quantity)>,
    /// The pattern trace (only when asked for).
    pub trace: Vec<TraceStep>,
}

impl<'d> Coder<'d> {
    /// A coder over these dictionaries.
    pub fn new(dict: &'d Dictionary, verbs: &'d VerbDictionary, cameo: &'d CameoTable) -> Coder<'d> {
        Coder { dict, verbs, cameo, use_parse: false }
    }

    /// Whether to take subjects and objects from a document's given parse ([`Document::parse`]:
    /// CoNLL-U, a PETRARCH `<Parse>`) instead of the shallow syntax, where it has a frame for the
    /// verb. Off by default; documents without a parse are coded the same either way.
    pub fn use_parse(mut self, yes: bool) -> Coder<'d> {
        self.use_parse = yes;
        self
    }

    /// What a code means (name, Goldstein value, QuadClass, PLOVER).
    pub fn info(&self, code: EventCode) -> Option<&CodeInfo> {
        self.cameo.get(code)
    }

    /// The verb dictionary in use.
    pub fn verbs(&self) -> &VerbDictionary {
        self.verbs
    }

    /// The actor dictionary in use.
    pub fn dict(&self) -> &Dictionary {
        self.dict
    }

    /// Codes a document; with `trace`, also records why each candidate pattern did or did not fire.
    pub fn code_document(&self, doc: &Document, trace: bool) -> Coded {
        let mut coded = Coded::default();
        let done: Result<(), std::convert::Infallible> =
            self.code_sentences(doc, trace, true, &mut coded, &mut |_, _| Ok(()));
        match done {
            Ok(()) => coded,
        }
    }

    /// Codes a document one sentence at a time, for documents too large to hold all their events:
    /// after each sentence, `each` gets its index and the coder's state holding that sentence's
    /// events, quantities and trace only, and the dates and mentions of that sentence (which quantity
    /// records refer to; earlier sentences' slots in `sentences` are left empty). All of it is
    /// dropped before the next sentence, so memory is bounded by the document's own size (text and
    /// tokens), never by its number of events. The events are the
    /// same, in the same order, as [`Coder::code_document`]'s. An error from `each` stops coding.
    pub fn code_document_each<E>(
        &self,
        doc: &Document,
        trace: bool,
        mut each: impl FnMut(usize, &Coded) -> Result<(), E>,
    ) -> Result<(), E> {
        self.code_sentences(doc, trace, false, &mut Coded::default(), &mut each)
    }

    fn code_sentences<E>(
        &self,
        doc: &Document,
        trace: bool,
        keep: bool,
        coded: &mut Coded,
        each: &mut dyn FnMut(usize, &Coded) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut finder = MentionFinder::new(self.dict);
        let mut timeline = Timeline::new(doc.date);
        let mut salience = Salience::default();
        let frames = match doc.parse() {
            Some(p) if self.use_parse => Some(syntax::Syntax::document_frames(doc, p)),
            _ => None,
        };
        for (index, sentence) in doc.sentences().iter().enumerate() {
            if !keep {
                coded.events.clear();
                coded.quantities.clear();
                coded.trace.clear();
                // Earlier sentences' dates and mentions are not needed any more: keep the slot.
                if let Some(done) = coded.sentences.last_mut() {
                    *done = Default::default();
                }
            }
            let tokens = doc.sentence_tokens(sentence);
            let mut dates = SentenceDates::default();
            timeline.date_sentence(doc.text(), doc.lower(), tokens, &mut dates);
            let mut mentions = Vec::new();
            finder.find_into(doc, sentence, &dates, &mut mentions);
            let actors = actors::collect(doc, tokens, &mentions, &mut salience, index);
            let matches = matcher::find(self.verbs, doc.lower(), tokens, &actors);
            let mut found = Vec::new();
            quantity::find_into(doc.text(), doc.lower(), tokens, &mentions, &dates, &mut found);
            coded.quantities.extend(found.into_iter().map(|q| (index, q)));
            let first = coded.events.len();
            let given = frames.as_deref().map(|f| syntax::Syntax::for_sentence(f, sentence.tokens.clone()));
            let syntax = given.as_deref().map_or(syntax::Syntax::Shallow, syntax::Syntax::Given);
            syntax::events_into(self, doc, index, tokens, &actors, &matches, &dates, coded, trace, syntax);
            salience.push_sentence(index, &actors);
            salience.push_subjects(index, subject_groups(&coded.events[first..]));
            coded.sentences.push((dates, mentions));
            each(index, coded)?;
        }
        Ok(())
    }
}

/// The sources of events, grouped by the verb they came from, distinct codes only.
fn subject_groups(events: &[Event]) -> Vec<Vec<Mention>> {
    let mut groups: Vec<(Span, Vec<Mention>)> = Vec::new();
    for e in events {
        let m = &e.source.mention;
        match groups.last_mut() {
            Some((verb, g)) if *verb == e.verb => {
                if !g.iter().any(|x| x.code == m.code) {
                    g.push(m.clone());
                }
            }
            _ => groups.push((e.verb, vec![m.clone()])),
        }
    }
    groups.into_iter().map(|(_, g)| g).collect()
}

/// The rejection (CAMEO 12) that refusing `code` amounts to: refusing to release people is 1243,
/// to lift sanctions 1244, to accept peacekeepers 1245, to meet 125; a promise refused is the
/// refusal of what was promised (0353 → 1243).
fn refusal_code(code: EventCode) -> EventCode {
    let c = code.as_str();
    let new = match c {
        "0311" | "061" | "0611" => "1211",
        "0312" | "062" => "1212",
        "031" | "0313" | "0314" | "06" | "060" | "063" | "064" => "121",
        "0331" | "071" => "1221",
        "0332" | "072" => "1222",
        "0333" | "073" => "1223",
        "0334" | "074" => "1224",
        "033" | "07" | "070" | "075" => "122",
        "0341" => "1231",
        "0342" => "1232",
        "0343" => "1233",
        "0344" => "1234",
        "034" | "083" | "0831" | "0832" | "0833" | "0834" => "123",
        "0351" | "081" => "1241",
        "0352" | "082" => "1242",
        "0353" | "084" | "0841" | "0842" => "1243",
        "0354" | "085" => "1244",
        "0355" | "086" | "0861" | "0862" | "0863" => "1245",
        "0356" | "087" | "0871" | "0872" | "0873" | "0874" => "1246",
        "035" | "08" | "080" => "124",
        "036" | "04" | "040" | "041" | "042" | "043" | "044" | "045" | "046" => "125",
        "038" | "039" | "0371" => "126",
        "037" | "057" => "127",
        _ => "120",
    };
    EventCode::new(new).unwrap_or(code)
}

/// The CAMEO code of `code` under a wrapping modality (see [`Modality`]).
pub(crate) fn wrapped_code(code: EventCode, modality: Option<Modality>) -> EventCode {
    let root = code.root();
    let new = match modality {
        None => return code,
        Some(Modality::Refusal) => return refusal_code(code),
        Some(Modality::Threat) => match root {
            Some(16) => "131",
            Some(17) => "137",
            Some(18..=20) => "138",
            _ => "130",
        },
        Some(Modality::Intent) => match root {
            Some(4) => "036",
            Some(5) => "032",
            Some(6) => "031",
            Some(7) => "033",
            Some(8) => "035",
            _ => "030",
        },
    };
    EventCode::new(new).unwrap_or(code)
}
#[cfg(test)]
mod tests;

//! Who did what to whom: subjects, passives, possessors, negation and modality, then events.
//!
//! The rules, all on tokens and actor positions (no parser):
//!
//! - **Subject** of a verb: the nearest actor before it that is not inside a prepositional phrase
//!   ("President Sukarno *of Indonesia* inquired" → Sukarno), with the actors coordinated with it
//!   (a demonym before a noun stands for its actor, as CAMEO codes it: "Israeli jets bombed");
//!   searched in the verb's clause first, then back through the sentence's earlier clauses, so
//!   coordinated and relative clauses find theirs ("Russia sells weapons to India and continues
//!   to court Vietnam"). A possessor ("China's economy remained") is not a subject.
//! - **Passive**: a past participle after a form of *be* takes its source from a `by` phrase and
//!   its target from the subject ("Putin was welcomed by Xi"); without a `by` actor, no event.
//! - **Noun events**: the source is the possessor or modifier before the noun, across at most two
//!   words that are not verbs ("Russia's 2014 invasion", "Western sanctions", "Soviet aid"), or a
//!   `by` phrase after it; what passes "between" a group with no possessor, the group does to
//!   each other ("relations between Moscow and Beijing broke down").
//! - **Negation** between the subject and the verb ("did not", "never", "no longer") sets
//!   `negated`; a decision ("decided to") is the act itself; a cooperative act (roots 03–08) negated under "will", "would", "can" ("will not
//!   lift", "won't release", "cannot accept") is declared withheld: a refusal. **Refusal**
//!   ("refused to", "declined to") turns the event into the matching
//!   rejection (CAMEO 12); **threat** ("threatened to") into a threat (13); **intent** ("plans
//!   to", "pledged to", "agreed to") into an intent (03). The wrapping verb's own event is dropped.
//! - **Pairs**: every source × target; a compound subject with a target-less pattern gives the
//!   event both ways when the act is mutual by nature — agreeing to cooperate, consulting,
//!   diplomatic and material cooperation, concessions, cutting ties, fighting (roots 03, 04, 05,
//!   06, 08, 16, 19), or a pattern marked `mutual`
//!   ("China and Russia held joint exercises") — and otherwise one target-less event per actor
//!   ("China and Russia called for a ceasefire"). An actor never acts on itself.
//!
//! With a given parse ([`Syntax::Given`], `--use-parse`), a verb whose frame names a subject (or,
//! passive, a `by` agent) takes its source from the actors in that phrase instead of the rules
//! above, and a passive's target from its subject; the pattern's slot actors stay the targets
//! only when the parse has them inside the verb's phrase (else the pattern reached past its
//! verb, and no event). A verb the parse has no frame for (not aligned, or
//! not a verb there) falls back to the shallow rules; a subject phrase with no actor in it means
//! no event, as the tree says who acted.

use super::actors::Actor;
use super::matcher::{owners, PatternMatch, PREPOSITIONS, QUANTITY_NOUNS};
use super::{wrapped_code, Coded, Coder, Event, Participant, TraceStep};
use crate::dict::verbs::{HeadKind, VerbDictionary};
use crate::text::{Document, Span, Token, TokenKind};
use crate::when::SentenceDates;
use serde::Serialize;

/// A verb wrapped around the event's verb, which changes its meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// "plans to", "pledged to", "agreed to", "offered to": intent to cooperate (CAMEO 03).
    Intent,
    /// "threatened to": a threat (CAMEO 13).
    Threat,
    /// "refused to", "declined to": a rejection (CAMEO 12).
    Refusal,
}

/// A verb's relations from a given parse, in token indices (of the document, or of the sentence
/// once [`Syntax::for_sentence`] has cut them down).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct GivenFrame {
    verb: usize,
    subject: Vec<usize>,
    objects: Vec<usize>,
    scope: Vec<usize>,
    agent: Vec<usize>,
    passive: bool,
}

/// Where the source and target of a verb come from.
#[derive(Clone, Copy, Debug)]
pub(super) enum Syntax<'a> {
    /// axis's own rules on tokens and actors.
    Shallow,
    /// The frames of a given parse, for this sentence.
    Given(&'a [GivenFrame]),
}

impl Syntax<'_> {
    fn frame(&self, head: usize) -> Option<&GivenFrame> {
        match self {
            Syntax::Shallow => None,
            Syntax::Given(frames) => frames.iter().find(|f| f.verb == head),
        }
    }

    /// A document's parse as frames over its tokens (words that did not align are dropped).
    pub(super) fn document_frames(doc: &Document, parse: &crate::parse::Parse) -> Vec<GivenFrame> {
        let aligned = crate::parse::align(doc, parse);
        let mut out: Vec<GivenFrame> = Vec::new();
        for (s, map) in parse.sentences.iter().zip(&aligned) {
            let tokens = |words: &[usize]| -> Vec<usize> {
                let mut t: Vec<usize> = words.iter().filter_map(|&w| map.get(w).copied().flatten()).collect();
                t.sort_unstable();
                t.dedup();
                t
            };
            for f in &s.frames {
                let Some(verb) = map.get(f.verb).copied().flatten() else { continue };
                if out.iter().any(|o| o.verb == verb) {
                    continue;
                }
                out.push(GivenFrame {
                    verb,
                    subject: tokens(&f.subject),
                    objects: tokens(&f.objects),
                    scope: tokens(&f.scope),
                    agent: tokens(&f.agent),
                    passive: f.passive,
                });
            }
        }
        out
    }

    /// The frames whose verb is in the sentence with these document tokens, in its indices.
    pub(super) fn for_sentence(frames: &[GivenFrame], tokens: std::ops::Range<usize>) -> Vec<GivenFrame> {
        let local = |v: &[usize]| -> Vec<usize> {
            v.iter().filter(|t| tokens.contains(t)).map(|t| t - tokens.start).collect()
        };
        frames
            .iter()
            .filter(|f| tokens.contains(&f.verb))
            .map(|f| GivenFrame {
                verb: f.verb - tokens.start,
                subject: local(&f.subject),
                objects: local(&f.objects),
                scope: local(&f.scope),
                agent: local(&f.agent),
                passive: f.passive,
            })
            .collect()
    }
}

const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "'s"];

const NEGATIONS: &[&str] =
    &["not", "n't", "never", "no", "neither", "nor", "denied", "denies", "deny", "denying"];

/// What a wrapping word before "to" ("refused to help", "plans to visit", "is ready to talk")
/// does to the verb after it.
fn modality_of(word: &str) -> Option<Modality> {
    const REFUSAL: &[&str] =
        &["refuse", "refuses", "refused", "refusing", "decline", "declines", "declined", "declining"];
    const THREAT: &[&str] = &["threaten", "threatens", "threatened", "threatening"];
    const INTENT: &[&str] = &[
        "plan",
        "plans",
        "planned",
        "planning",
        "intend",
        "intends",
        "intended",
        "intending",
        "pledge",
        "pledges",
        "pledged",
        "pledging",
        "promise",
        "promises",
        "promised",
        "promising",
        "agree",
        "agrees",
        "agreed",
        "agreeing",
        "offer",
        "offers",
        "offered",
        "offering",
        "vow",
        "vows",
        "vowed",
        "vowing",
        "seek",
        "seeks",
        "sought",
        "seeking",
        "hope",
        "hopes",
        "hoped",
        "hoping",
        "aim",
        "aims",
        "aimed",
        "aiming",
        "prepare",
        "prepares",
        "prepared",
        "preparing",
        "want",
        "wants",
        "wanted",
        "wanting",
        "expect",
        "expects",
        "expected",
        "willing",
        "ready",
        "committed",
        "eager",
        "keen",
    ];
    if REFUSAL.contains(&word) {
        Some(Modality::Refusal)
    } else if THREAT.contains(&word) {
        Some(Modality::Threat)
    } else if INTENT.contains(&word) {
        Some(Modality::Intent)
    } else {
        None
    }
}

struct Sentence<'a> {
    lower: &'a str,
    tokens: &'a [Token],
    actors: &'a [Actor],
    owner: Vec<Option<usize>>,
    dates: &'a SentenceDates,
    verbs: &'a VerbDictionary,
}

/// Words that are never adjectives in a noun phrase before a name.
const NOT_MODIFIERS: &[&str] = &[
    "a", "an", "and", "are", "as", "be", "been", "but", "had", "has", "have", "is", "it", "its", "nor",
    "not", "or", "than", "that", "the", "their", "this", "these", "those", "was", "were", "which", "who",
    "will", "would", "can", "could", "may", "might", "should", "must", "also", "then", "there",
];

impl Sentence<'_> {
    fn word(&self, i: usize) -> &str {
        &self.lower[self.tokens[i].span.range()]
    }

    /// Whether token `i` reads as an adjective before a name ("the *evil* Arnor", "in *south*
    /// Ithilen"): a lower-case word, no function word or preposition, and no verb form the verb
    /// dictionary knows or "-ing"/"-ed" form (which could be a verb taking the name as object).
    fn modifier(&self, i: usize) -> bool {
        let t = self.tokens[i];
        let w = self.word(i);
        t.kind == TokenKind::Word
            && !t.is_capitalized()
            && self.owner[i].is_none()
            && !NOT_MODIFIERS.contains(&w)
            && !PREPOSITIONS.contains(&w)
            && !w.ends_with("ing")
            && !w.ends_with("ed")
            && self.verbs.candidates(w).iter().all(|&id| self.verbs.pattern(id).head != HeadKind::Verb)
    }

    /// The first token of the modifiers right before token `at` (at most `max`), or `at`.
    fn modifiers_before(&self, at: usize, max: usize) -> usize {
        let mut i = at;
        while i > 0 && at - i < max && self.modifier(i - 1) {
            i -= 1;
        }
        i
    }

    fn clause_start(&self, t: usize) -> usize {
        self.dates.clauses.iter().find(|c| c.tokens.contains(&t)).map_or(0, |c| c.tokens.start)
    }

    /// Whether actor `a` is a possessor of something that is not an actor ("China's economy").
    fn is_possessor(&self, a: usize) -> bool {
        let end = self.actors[a].tokens.end;
        end < self.tokens.len() && self.tokens[end].kind == TokenKind::Clitic && !self.actors[a].pronoun
    }

    /// The first member of the coordinated group that ends with actor `a`.
    fn group_start(&self, a: usize) -> usize {
        let mut k = a;
        while let Some(b) = self.coordinated_before(k, k == a) {
            k = b;
        }
        k
    }

    /// The actor coordinated right before actor `k` ("China and Russia", "Russia, China and
    /// India"), if any. A comma alone joins only inside a list: `k` must itself be followed by
    /// "and", "or" or a comma, unless `last` (the list's final member, joined by "and").
    fn coordinated_before(&self, k: usize, last: bool) -> Option<usize> {
        // Adjectives before the member ("and the evil Arnor") belong to it.
        let start = self.modifiers_before(self.actors[k].tokens.start, 2);
        let mut j = start;
        let (mut saw_and, mut saw_comma) = (false, false);
        while j > 0 && matches!(self.word(j - 1), "," | "and" | "or" | "nor" | "the") {
            saw_and |= matches!(self.word(j - 1), "and" | "or" | "nor");
            saw_comma |= self.word(j - 1) == ",";
            j -= 1;
        }
        if j == start || j == 0 {
            return None;
        }
        let end = self.actors[k].tokens.end;
        let continues = end < self.tokens.len() && matches!(self.word(end), "," | "and" | "or" | "nor");
        if !saw_and && (last || !continues) {
            return None;
        }
        let b = self.owner[j - 1].filter(|&b| b != k)?;
        // ", and" joins clauses more often than lists: only a list member already joined to
        // another ("A, B, and C") continues one ("in Shanghai, and Washington said" does not).
        if saw_and && saw_comma && self.coordinated_before(b, false).is_none() {
            return None;
        }
        Some(b)
    }

    /// The preposition right before actor `a` (articles and one adjective skipped: "in south
    /// Ithilen", but "in recent months Syria" is no phrase of Syria's), if any.
    fn preposition_before(&self, a: usize) -> Option<&str> {
        let mut i = self.modifiers_before(self.actors[a].tokens.start, 1);
        while i > 0 && matches!(self.word(i - 1), "the" | "a" | "an") {
            i -= 1;
        }
        // "thousands of protesters": a quantity's "of" is no prepositional phrase.
        let quantity_of = i >= 2
            && self.word(i - 1) == "of"
            && (self.tokens[i - 2].kind == TokenKind::Number || QUANTITY_NOUNS.contains(&self.word(i - 2)));
        (i > 0 && !quantity_of && PREPOSITIONS.contains(&self.word(i - 1))).then(|| self.word(i - 1))
    }

    /// The subject of the verb at `h`: an actor group, searched back from the verb.
    fn subject(&self, h: usize, skip: &[usize]) -> Vec<usize> {
        let candidates =
            self.actors.iter().enumerate().rev().filter(|(_, a)| a.tokens.end <= h && !a.determiner);
        for (i, _) in candidates {
            if skip.contains(&i) {
                continue;
            }
            // A group in a prepositional phrase is not the subject — except an agentive "by"
            // ("a joint effort by the U.S. and China to assist").
            match self.preposition_before(self.group_start(i)) {
                Some("by") => {}
                Some(_) => continue,
                None => {}
            }
            if self.is_possessor(i) {
                // "Trump's determined effort to roll back": the possessor acts when its noun
                // phrase runs straight into "to" + the verb.
                let after = self.actors[i].tokens.end + 1;
                let runs_into_verb = h >= 2
                    && self.word(h - 1) == "to"
                    && after < h
                    && h - 1 - after <= 3
                    && (after..h - 1)
                        .all(|t| self.owner[t].is_none() && self.tokens[t].kind == TokenKind::Word);
                // "Arnor's new mayor left": a possessed noun phrase of a few lower-case words
                // right before the verb is the subject, and the possessor stands for it.
                let head_np = after < h
                    && h - after <= 3
                    && (after..h).all(|t| {
                        self.owner[t].is_none()
                            && self.tokens[t].kind == TokenKind::Word
                            && !self.tokens[t].is_capitalized()
                            && !NOT_MODIFIERS.contains(&self.word(t))
                            && !PREPOSITIONS.contains(&self.word(t))
                    });
                return if runs_into_verb || head_np { vec![i] } else { Vec::new() };
            }
            // Coordinated actors before it: "China and Russia held".
            let mut group = vec![i];
            let mut k = i;
            while let Some(b) = self.coordinated_before(k, k == i).filter(|b| !group.contains(b)) {
                group.push(b);
                k = b;
            }
            group.reverse();
            return group;
        }
        Vec::new()
    }

    /// Whether the verb at `h` is passive: a participle after a form of *be* (adverbs between).
    fn passive(&self, coder: &Coder<'_>, m: &PatternMatch) -> bool {
        let h = m.head;
        if !coder.verbs.is_participle(m.pattern, self.word(h)) {
            return false;
        }
        (h.saturating_sub(3)..h)
            .rev()
            .any(|i| BE.contains(&self.word(i)) && self.tokens[i].kind != TokenKind::Clitic)
            || (h >= 1 && self.word(h - 1) == "been")
            // A reduced relative: "rebels backed by Moscow".
            || (h + 2 < self.tokens.len() && self.word(h + 1) == "by" && self.owner[h + 2].is_some())
    }

    /// The `by` actor group after the head of a passive verb.
    fn by_agent(&self, m: &PatternMatch) -> Vec<usize> {
        // "by Xi", "by the United States".
        let after_by = |s: usize| {
            let mut i = s;
            if i > 0 && self.word(i - 1) == "the" {
                i -= 1;
            }
            i > 0 && self.word(i - 1) == "by"
        };
        if let Some(&first) = m.slot.first() {
            if after_by(self.actors[first].tokens.start) {
                return m.slot.clone();
            }
        }
        for i in m.head + 1..(m.head + 5).min(self.tokens.len()) {
            if self.word(i) == "by" {
                let j = if i + 1 < self.tokens.len() && self.word(i + 1) == "the" { i + 2 } else { i + 1 };
                if let Some(a) = self.owner.get(j).copied().flatten() {
                    return vec![a];
                }
            }
        }
        Vec::new()
    }

    /// The possessor or modifier of a noun head: `ACTOR ['s] [≤2 words] HEAD`.
    fn possessor(&self, h: usize) -> Vec<usize> {
        let mut i = h;
        let mut skipped = 0;
        while i > 0 && self.owner[i - 1].is_none() && skipped < 3 {
            let t = self.tokens[i - 1];
            let w = self.word(i - 1);
            // A past-tense verb between the actor and the noun makes the actor its subject, not
            // the noun's possessor ("Russia opposed sanctions", "investors feared new sanctions").
            let verb = w.len() > 4 && w.ends_with("ed");
            let adjective = (t.kind == TokenKind::Word
                && !verb
                && !t.is_capitalized()
                && !PREPOSITIONS.contains(&w)
                && !matches!(w, "the" | "a" | "an" | "and" | "or" | "that" | "which"))
                || t.kind == TokenKind::Number
                || t.kind == TokenKind::Clitic
                || w == "-";
            if !adjective {
                return Vec::new();
            }
            i -= 1;
            skipped += 1;
        }
        // A possessor or modifier may itself sit in a prepositional phrase ("marked by Nixon's
        // visit"): the noun event is still Nixon's.
        i.checked_sub(1).and_then(|j| self.owner[j]).map(|a| vec![a]).unwrap_or_default()
    }

    /// Negation between the subject (or clause start) and the verb at `h`, including "failed
    /// to" and "no longer".
    fn negated(&self, h: usize, from: usize) -> bool {
        // Only this verb's own stretch: "doesn't endorse … and continues to sell" is not a
        // negated sale.
        let from = (from..h)
            .rev()
            .find(|&i| matches!(self.word(i), "and" | "but" | "," | ";"))
            .map_or(from, |i| i + 1);
        (from..h).any(|i| NEGATIONS.contains(&self.word(i)))
            || (h >= 2 && self.word(h - 2) == "no" && self.word(h - 1) == "longer")
            || (h >= 2
                && self.word(h - 1) == "to"
                && matches!(self.word(h - 2), "fail" | "fails" | "failed" | "failing"))
    }

    /// Whether the verb at `h` is negated by a future or volitional auxiliary ("will not lift",
    /// "won't release", "would never recognise", "cannot accept"): a declared refusal.
    fn refused(&self, h: usize, from: usize) -> bool {
        let from = (from..h)
            .rev()
            .find(|&i| matches!(self.word(i), "and" | "but" | "," | ";"))
            .map_or(from, |i| i + 1);
        let stretch = from..h;
        stretch.clone().any(|i| matches!(self.word(i), "will" | "would" | "wo" | "shall" | "can" | "ca"))
            && stretch.clone().any(|i| matches!(self.word(i), "not" | "n't" | "never"))
            || stretch.clone().any(|i| self.word(i) == "cannot")
    }

    /// The actors with a token among `tokens` (a phrase of a given parse), in text order.
    fn actors_in(&self, tokens: &[usize]) -> Vec<usize> {
        (0..self.actors.len())
            .filter(|&a| {
                !self.actors[a].determiner && self.actors[a].tokens.clone().any(|t| tokens.contains(&t))
            })
            .collect()
    }

    /// A wrapping verb right before "to" + the head: (its token, the modality).
    fn wrapper(&self, h: usize) -> Option<(usize, Modality)> {
        if h < 2 || self.word(h - 1) != "to" {
            return None;
        }
        let w = h - 2;
        modality_of(self.word(w)).map(|m| (w, m))
    }
}

/// Whether a target-less event of this code done by several actors together is done to each
/// other: intent to cooperate, consulting, diplomatic and material cooperation, concessions,
/// reducing relations, fighting.
fn mutual_root(code: crate::cameo::EventCode) -> bool {
    matches!(code.root(), Some(3 | 4 | 5 | 6 | 8 | 16 | 19))
}

/// Turns a sentence's pattern matches into events, appending them (and the trace) to `coded`.
#[allow(clippy::too_many_arguments)]
pub(super) fn events_into(
    coder: &Coder<'_>,
    doc: &Document,
    index: usize,
    tokens: &[Token],
    actors: &[Actor],
    matches: &[PatternMatch],
    dates: &SentenceDates,
    coded: &mut Coded,
    trace: bool,
    syntax: Syntax<'_>,
) {
    let s = Sentence {
        lower: doc.lower(),
        tokens,
        actors,
        owner: owners(tokens.len(), actors),
        dates,
        verbs: coder.verbs,
    };
    let first = coded.events.len();
    let mut open: Vec<Event> = Vec::new();
    // Wrapping verbs whose "to V" fired: their own events are dropped.
    let wrappers: Vec<usize> = matches.iter().filter_map(|m| s.wrapper(m.head).map(|(w, _)| w)).collect();
    let span_of = |a: usize, b: usize| Span { start: tokens[a].span.start, end: tokens[b - 1].span.end };
    for m in matches {
        let p = coder.verbs.pattern(m.pattern);
        let mut note = |outcome: String| {
            if trace {
                coded.trace.push(TraceStep {
                    sentence: index,
                    head: tokens[m.head].span,
                    pattern: p.text.to_string(),
                    code: p.code.to_string(),
                    outcome,
                });
            }
        };
        if wrappers.contains(&m.head) {
            note("dropped: it wraps the verb after it (\"refused to …\", \"plans to …\")".into());
            continue;
        }
        if matches.iter().any(|o| {
            o.head < m.head && m.head < o.end && coder.verbs.pattern(o.pattern).head == HeadKind::Verb
        }) && p.head == HeadKind::Noun
        {
            note("dropped: the noun is part of a verb pattern already matched".into());
            continue;
        }
        let (mut sources, mut targets, negated, modality);
        let mut between_group = false;
        match p.head {
            HeadKind::Verb => {
                let wrapper = s.wrapper(m.head);
                let subject_end = wrapper.map_or(m.head, |(w, _)| w);
                // A reversed pattern whose slot names the source ("- + * FROM $": "X was freed
                // from Y") has the voice built in: no 'by' actor is needed.
                let voiced = p.reverse && !m.slot.is_empty() && s.by_agent(m).is_empty();
                let given = syntax.frame(m.head).filter(|f| !f.subject.is_empty() || !f.agent.is_empty());
                if let Some(f) = given {
                    // Passive by the parse, and the pattern's head is the participle (a pattern
                    // written for the passive, "was criticized", reads its own way).
                    if f.passive && coder.verbs.is_participle(m.pattern, s.word(m.head)) {
                        sources = s.actors_in(&f.agent);
                        targets = s.actors_in(&f.subject);
                        if targets.is_empty() {
                            targets = m.slot.clone();
                        }
                        if sources.is_empty() {
                            note("no event: passive without a 'by' actor (given parse)".into());
                            continue;
                        }
                    } else {
                        sources = s.actors_in(&f.subject);
                        if sources.is_empty() {
                            note("no event: the parse's subject names no actor".into());
                            continue;
                        }
                        let scope = s.actors_in(&f.scope);
                        targets = m
                            .slot
                            .iter()
                            .copied()
                            .filter(|a| !sources.contains(a) && scope.contains(a))
                            .collect();
                        if targets.is_empty() && !m.slot.is_empty() {
                            note(
                                "no event: the parse puts the slot's actor outside the verb's phrase".into(),
                            );
                            continue;
                        }
                    }
                } else if s.passive(coder, m) && !voiced {
                    sources = s.by_agent(m);
                    targets = s.subject(m.head, &sources);
                    if sources.is_empty() {
                        note("no event: passive without a 'by' actor".into());
                        continue;
                    }
                } else {
                    // Earlier verbs' objects are not this verb's subject ("arrested X and deported Y").
                    let objects: Vec<usize> = matches
                        .iter()
                        .filter(|o| o.head < m.head)
                        .flat_map(|o| o.slot.iter().copied())
                        .chain(m.slot.iter().copied())
                        .collect();
                    sources = s.subject(subject_end, &objects);
                    targets = m.slot.clone();
                }
                let from = sources.last().map_or(s.clause_start(m.head), |&a| actors[a].tokens.end);
                // Words the pattern itself names before its head ("- &NEGATION * ...") are its
                // meaning, not a negation of it.
                let own_end = subject_end.min(m.start);
                // "will not lift sanctions": a cooperative act declared withheld is a refusal
                // (CAMEO 12), not a negated act.
                if wrapper.is_none()
                    && p.code.root().is_some_and(|r| (3..=8).contains(&r))
                    && s.refused(own_end, from)
                {
                    negated = false;
                    modality = Some(Modality::Refusal);
                } else {
                    negated = s.negated(own_end, from);
                    modality = wrapper.map(|(_, md)| md);
                }
            }
            HeadKind::Noun => {
                sources = if m.by.is_empty() { s.possessor(m.head) } else { m.by.clone() };
                targets = m.slot.clone();
                // "relations between Moscow and Beijing broke down": what passes between a
                // group, without a possessor, the group does to each other.
                let between = m.slot.first().is_some_and(|&a| {
                    let st = actors[a].tokens.start;
                    st > 0 && s.word(st - 1) == "between"
                });
                if sources.is_empty()
                    && between
                    && m.slot.iter().map(|&a| actors[a].who.len()).sum::<usize>() >= 2
                {
                    sources = std::mem::take(&mut targets);
                    between_group = true;
                }
                negated = false;
                modality = None;
            }
        }
        if p.reverse {
            std::mem::swap(&mut sources, &mut targets);
        }
        if sources.is_empty() {
            note(match p.head {
                HeadKind::Verb => "no event: no subject actor found".into(),
                HeadKind::Noun => "no event: no possessor or 'by' actor for the noun".into(),
            });
            continue;
        }
        let code = wrapped_code(p.code, modality);
        let date = dates.date_at(m.head);
        let verb = tokens[m.head].span;
        let span = span_of(m.head, m.end.max(m.head + 1));
        let participants = |idx: &[usize]| -> Vec<Participant> {
            idx.iter().flat_map(|&a| actors[a].who.iter().cloned()).collect()
        };
        let (src, tgt) = (participants(&sources), participants(&targets));
        let mut pairs: Vec<(Participant, Option<Participant>)> = Vec::new();
        let mutual = (!p.has_slot() && (p.mutual || mutual_root(code))) || between_group;
        if tgt.is_empty() && src.len() >= 2 && mutual {
            for a in &src {
                for b in &src {
                    if a.mention.code != b.mention.code {
                        pairs.push((a.clone(), Some(b.clone())));
                    }
                }
            }
        } else if tgt.is_empty() {
            pairs.extend(src.iter().map(|a| (a.clone(), None)));
        } else {
            for a in &src {
                for b in &tgt {
                    if a.mention.code != b.mention.code && a.mention.span != b.mention.span {
                        pairs.push((a.clone(), Some(b.clone())));
                    }
                }
            }
        }
        if pairs.is_empty() {
            note("no event: source and target are the same actor".into());
            continue;
        }
        note(format!(
            "fired: {} event(s){}{}",
            pairs.len(),
            if negated { ", negated" } else { "" },
            modality.map_or(String::new(), |md| format!(", {md:?} → {code}").to_lowercase())
        ));
        for (source, target) in pairs {
            let event = Event {
                sentence: index,
                source,
                target,
                code,
                pattern: m.pattern,
                verb,
                span,
                negated,
                modality,
                date,
            };
            if m.open {
                open.push(event);
            } else {
                coded.events.push(event);
            }
        }
    }
    // An open-slot event adds nothing when the same actor's act in this sentence was coded with
    // a target ("Israeli air strikes on Gaza killed 12 people" is the strike on Gaza).
    for e in open {
        let known = coded.events[first..]
            .iter()
            .any(|o| o.source.mention.code == e.source.mention.code && o.target.is_some());
        if !known {
            coded.events.push(e);
        }
    }
    coded.events[first..].sort_by_key(|e| e.verb.start);
}

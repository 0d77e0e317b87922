//! The actors of a sentence: its mentions plus resolved pronouns, in token order.
//!
//! Pronouns and "the two countries" are resolved against a [`Salience`] list of the actors seen
//! so far in the document: "he"/"she" → the last person; "it"/"its" → the last state or
//! organisation; "they"/"the two countries"/"both sides" → the pair the text keeps naming together
//! ("China and Russia"), else the last compound subject, else the two actors named most so far.
//! An unresolvable pronoun is left out.

use super::Participant;
use crate::mention::{Mention, MentionKind};
use crate::text::{Document, Span, Token};
use std::ops::Range;

/// An actor in a sentence: a mention, or a pronoun standing for earlier ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    /// Tokens in the sentence.
    pub tokens: Range<usize>,
    /// Who it is; a pronoun standing for two actors gives two.
    pub who: Vec<Participant>,
    /// Whether it is a pronoun or "the two countries".
    pub pronoun: bool,
    /// A possessive determiner ("its", "their"): pattern gaps may skip it; it fills no slot.
    pub determiner: bool,
}

/// Recently mentioned actors and recent subjects (event sources), most recent last.
#[derive(Clone, Debug, Default)]
pub struct Salience {
    recent: Vec<(usize, Mention)>,
    subjects: Vec<(usize, Vec<Mention>)>,
    /// Actors named together ("China and Russia"), which "they" and "the two countries" prefer.
    pairs: Vec<(usize, [Mention; 2])>,
}

impl Salience {
    /// Remembers the sentence's mentioned actors (not pronouns: they add nothing new).
    pub fn push_sentence(&mut self, sentence: usize, actors: &[Actor]) {
        for a in actors.iter().filter(|a| !a.pronoun) {
            for p in &a.who {
                self.recent.push((sentence, p.mention.clone()));
            }
        }
        let n = self.recent.len();
        if n > 64 {
            self.recent.drain(..n - 64);
        }
    }

    /// Remembers the sources of a sentence's events, one group per verb, as subjects that
    /// pronouns in the next sentences prefer.
    pub fn push_subjects(&mut self, sentence: usize, groups: Vec<Vec<Mention>>) {
        self.subjects.extend(groups.into_iter().filter(|g| !g.is_empty()).map(|g| (sentence, g)));
        let n = self.subjects.len();
        if n > 16 {
            self.subjects.drain(..n - 16);
        }
    }

    /// The last subject group of this or the previous sentence satisfying `keep`.
    fn recent_subject(
        &self,
        sentence: usize,
        keep: impl Fn(&[Mention]) -> bool,
    ) -> Option<Vec<(usize, Mention)>> {
        self.subjects
            .iter()
            .rev()
            .take_while(|(s, _)| sentence.saturating_sub(*s) <= 1)
            .find(|(_, g)| keep(g))
            .map(|(s, g)| g.iter().map(|m| (*s, m.clone())).collect())
    }

    fn last_person(&self) -> Option<&(usize, Mention)> {
        self.recent.iter().rev().find(|(_, m)| m.kind == MentionKind::Person)
    }

    fn last_group(&self) -> Option<&(usize, Mention)> {
        self.recent.iter().rev().find(|(_, m)| m.kind == MentionKind::Actor && m.entity.is_some())
    }

    /// The two actors the document has named most so far (by country or organisation, agents
    /// alone not counted; the latest wins a tie), each as its latest mention.
    fn last_pair(&self) -> Option<[&(usize, Mention); 2]> {
        let named = |m: &Mention| m.actor.as_str() != "---";
        let mut counts: Vec<(crate::dict::Code, usize, usize)> = Vec::new(); // (actor, count, latest index)
        for (i, (_, m)) in self.recent.iter().enumerate().filter(|(_, (_, m))| named(m)) {
            match counts.iter_mut().find(|(a, _, _)| *a == m.actor) {
                Some(c) => {
                    c.1 += 1;
                    c.2 = i;
                }
                None => counts.push((m.actor, 1, i)),
            }
        }
        counts.sort_by_key(|&(_, n, latest)| std::cmp::Reverse((n, latest)));
        let (first, second) = (counts.first()?, counts.get(1)?);
        let (a, b) = if first.2 < second.2 { (first.2, second.2) } else { (second.2, first.2) };
        Some([&self.recent[a], &self.recent[b]])
    }

    /// The pair named together that the document keeps coming back to: among the pairs of the
    /// last six sentences, the one named together most often so far, then the one whose members
    /// the document names most, then the latest.
    fn last_named_pair(&self, sentence: usize) -> Option<Vec<(usize, Mention)>> {
        let key = |p: &[Mention; 2]| {
            let (a, b) = (p[0].actor, p[1].actor);
            if a <= b {
                (a, b)
            } else {
                (b, a)
            }
        };
        let count = |k| self.pairs.iter().filter(|(_, p)| key(p) == k).count();
        // How often the document has named each of the two at all.
        let named = |p: &[Mention; 2]| {
            self.recent.iter().filter(|(_, m)| m.actor == p[0].actor || m.actor == p[1].actor).count()
        };
        self.pairs
            .iter()
            .enumerate()
            .filter(|(_, (s, _))| sentence.saturating_sub(*s) <= 6)
            .max_by_key(|(i, (_, p))| (count(key(p)), named(p), *i))
            .map(|(_, (s, p))| p.iter().map(|m| (*s, m.clone())).collect())
    }
}

/// What a pronoun-like phrase refers to.
enum Refers {
    Person,
    Single,
    Pair,
}

/// Pronoun-like phrases (lower-case token sequences) and what they refer to.
const PRONOUNS: &[(&[&str], Refers)] = &[
    (&["they"], Refers::Pair),
    (&["them"], Refers::Pair),
    (&["their"], Refers::Pair),
    (&["it"], Refers::Single),
    (&["its"], Refers::Single),
    (&["he"], Refers::Person),
    (&["she"], Refers::Person),
    (&["him"], Refers::Person),
    (&["his"], Refers::Person),
    (&["her"], Refers::Person),
];

/// Plural nouns that, after "the two" or "both" (and up to two adjectives), mean the last pair.
const PAIR_NOUNS: &[&str] = &[
    "allies",
    "capitals",
    "countries",
    "giants",
    "governments",
    "leaders",
    "nations",
    "neighbors",
    "neighbours",
    "partners",
    "powers",
    "regimes",
    "rivals",
    "sides",
    "states",
];

/// "the two countries", "both sides", "the two Communist regimes": tokens used, if any.
fn pair_phrase(word: impl Fn(usize) -> Option<String>, i: usize) -> Option<usize> {
    let start = match (word(i).as_deref(), word(i + 1).as_deref()) {
        (Some("the"), Some("two")) => i + 2,
        (Some("both"), _) => i + 1,
        _ => return None,
    };
    (start..start + 3).find(|&j| word(j).is_some_and(|w| PAIR_NOUNS.contains(&w.as_str()))).map(|j| j + 1 - i)
}

/// The sentence's actors: mentions as they are, pronouns resolved through `salience` (which
/// already holds the earlier sentences, and here also sees this sentence's earlier mentions).
pub(super) fn collect(
    doc: &Document,
    tokens: &[Token],
    mentions: &[Mention],
    salience: &mut Salience,
    sentence: usize,
) -> Vec<Actor> {
    let lower = doc.lower();
    let word = |i: usize| &lower[tokens[i].span.range()];
    let mut out: Vec<Actor> = Vec::with_capacity(mentions.len());
    let mut next_mention = 0;
    let mut i = 0;
    // Mentions of this sentence become salient as the scan passes them.
    let base = salience.recent.len();
    while i < tokens.len() {
        if let Some(m) = mentions.get(next_mention).filter(|m| m.tokens.start == i) {
            // Mentions of the same words (a group name, agents shared by a list) are one actor
            // standing for several.
            let mut who = Vec::new();
            while let Some(x) = mentions.get(next_mention).filter(|x| x.tokens == m.tokens) {
                who.push(Participant { mention: x.clone(), antecedent: None });
                salience.recent.push((sentence, x.clone()));
                next_mention += 1;
            }
            out.push(Actor { tokens: m.tokens.clone(), who, pronoun: false, determiner: false });
            i = m.tokens.end;
            continue;
        }
        let pair_len = pair_phrase(|j| (j < tokens.len()).then(|| word(j).to_string()), i);
        let hit = match pair_len {
            Some(n) => Some((n, &Refers::Pair)),
            None => PRONOUNS
                .iter()
                .find(|(words, _)| i + words.len() <= tokens.len() && word(i) == words[0])
                .map(|(w, r)| (w.len(), r)),
        };
        if let Some((len, refers)) = hit {
            let range = i..i + len;
            let span = Span { start: tokens[range.start].span.start, end: tokens[range.end - 1].span.end };
            let subject = match refers {
                Refers::Person => {
                    salience.recent_subject(sentence, |g| g.len() == 1 && g[0].kind == MentionKind::Person)
                }
                Refers::Single => {
                    salience.recent_subject(sentence, |g| g.len() == 1 && g[0].kind == MentionKind::Actor)
                }
                Refers::Pair => salience
                    .last_named_pair(sentence)
                    .or_else(|| salience.recent_subject(sentence, |g| g.len() >= 2)),
            };
            let resolved: Vec<(usize, Mention)> = subject.unwrap_or_else(|| match refers {
                Refers::Person => salience.last_person().into_iter().cloned().collect(),
                Refers::Single => salience.last_group().into_iter().cloned().collect(),
                Refers::Pair => {
                    salience.last_pair().map(|p| p.iter().map(|x| (*x).clone()).collect()).unwrap_or_default()
                }
            });
            if !resolved.is_empty() {
                let who = resolved
                    .into_iter()
                    .map(|(s, m)| {
                        let antecedent = Some((s, m.span));
                        let mut here = m;
                        here.span = span;
                        here.tokens = range.clone();
                        // "the two countries" are the states themselves, whoever acted for them.
                        if pair_len.is_some() {
                            here.agent = crate::dict::Code::default();
                            here.code = here.actor;
                        }
                        Participant { mention: here, antecedent }
                    })
                    .collect();
                let determiner = len == 1 && matches!(word(i), "its" | "their" | "his" | "her");
                out.push(Actor { tokens: range.clone(), who, pronoun: true, determiner });
            }
            i = range.end;
            // Mentions inside the phrase ("regimes" in "the two Communist regimes") are its own.
            while mentions.get(next_mention).is_some_and(|m| m.tokens.start < i) {
                next_mention += 1;
            }
            continue;
        }
        i += 1;
    }
    // This sentence's mentions are pushed again, in order, by `push_sentence` once coded.
    salience.recent.truncate(base);
    // Actors named together ("China and Russia"), or a resolved pair, become the last named pair.
    for w in out.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        let joined = a.tokens.end < b.tokens.start
            && b.tokens.start - a.tokens.end == 1
            && matches!(word(a.tokens.end), "and" | "&");
        let real = |x: &Actor| x.who.len() == 1 && x.who[0].mention.actor.as_str() != "---";
        if joined && real(a) && real(b) && a.who[0].mention.actor != b.who[0].mention.actor {
            salience.pairs.push((sentence, [a.who[0].mention.clone(), b.who[0].mention.clone()]));
        }
    }
    out
}

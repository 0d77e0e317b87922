//! Finding patterns in a sentence: head word, then the pattern's words and slot in order.
//!
//! Words a pattern puts before its head (PETRARCH's "- UNEXPECTEDLY &NEGATION * ...") are
//! matched backwards from the head with gaps of the same size, which may hold an actor (the
//! subject often stands among them), or none where they are `adjacent`.
//!
//! Between pattern words up to [`MAX_GAP`] other tokens may sit, but never an actor or a break
//! (sentence stop, `;`, `:`, dash, bracket, quote). The slot takes the actor found at that point
//! and the actors coordinated with it ("to India and Vietnam"); a possessor in the slot ("to
//! China's regional rivals, India and Vietnam") gives way to the apposition after it. A verb
//! pattern's final slot facing a noun phrase that names no actor ("attacked a military base") is
//! left open: the event has no target.

use super::actors::Actor;
use crate::dict::verbs::{Before, Element, HeadKind, PatternId, VerbDictionary};
use crate::text::{Token, TokenKind};

/// Prepositions, which a slot may not be reached across unless the pattern names them.
pub(super) const PREPOSITIONS: &[&str] = &[
    "about",
    "across",
    "after",
    "against",
    "amid",
    "among",
    "around",
    "at",
    "before",
    "behind",
    "between",
    "beyond",
    "by",
    "despite",
    "during",
    "for",
    "from",
    "in",
    "including",
    "inside",
    "into",
    "like",
    "near",
    "of",
    "on",
    "outside",
    "over",
    "than",
    "through",
    "to",
    "toward",
    "towards",
    "under",
    "upon",
    "via",
    "with",
    "within",
    "without",
];

/// Nouns of quantity whose "of" does not start a prepositional phrase ("thousands of protesters").
pub(super) const QUANTITY_NOUNS: &[&str] = &[
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "scores",
    "members",
    "groups",
    "group",
    "number",
    "crowds",
    "crowd",
];

/// Most words allowed between two pattern elements.
pub const MAX_GAP: usize = 2;

/// Most tokens an [`Element::Object`] slot looks ahead for its actor.
pub const MAX_OBJECT_REACH: usize = 15;

/// A pattern that matched at a head token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternMatch {
    /// The pattern.
    pub pattern: PatternId,
    /// The head token.
    pub head: usize,
    /// The first token of the words matched before the head; the head when the pattern has
    /// none. Those words are the pattern's: a negation among them is part of its meaning.
    pub start: usize,
    /// One past the last matched token.
    pub end: usize,
    /// Actors (indices into the sentence's actors) bound to the slot.
    pub slot: Vec<usize>,
    /// The final slot faced a noun phrase naming no actor: the event has no target.
    pub open: bool,
    /// For noun heads: actors of a `by` phrase right after the head ("a visit by Putin to ...").
    pub by: Vec<usize>,
}

/// Per token: the actor covering it.
pub(super) fn owners(n: usize, actors: &[Actor]) -> Vec<Option<usize>> {
    let mut owner = vec![None; n];
    for (i, a) in actors.iter().enumerate() {
        for t in a.tokens.clone() {
            if t < n {
                owner[t] = Some(i);
            }
        }
    }
    owner
}

/// Whether a token stops a gap.
pub(super) fn is_break(lower: &str, t: Token) -> bool {
    t.kind == TokenKind::Terminal
        || (t.kind == TokenKind::Punct
            && matches!(&lower[t.span.range()], ";" | ":" | "--" | "(" | ")" | "\"" | "[" | "]"))
}

/// Every pattern match in a sentence: at each head token, the first (longest) pattern that fits.
pub(super) fn find(
    verbs: &VerbDictionary,
    lower: &str,
    tokens: &[Token],
    actors: &[Actor],
) -> Vec<PatternMatch> {
    let owner = owners(tokens.len(), actors);
    let word = |i: usize| &lower[tokens[i].span.range()];
    let words: rustc_hash::FxHashSet<&str> = (0..tokens.len()).map(word).collect();
    let mut out: Vec<PatternMatch> = Vec::new();
    let mut covered = 0; // tokens before this are inside an earlier match
    for h in 0..tokens.len() {
        if h < covered || owner[h].is_some() || tokens[h].kind != TokenKind::Word {
            continue;
        }
        // After an article or possessive, the word is a noun or adjective, not a verb
        // ("planted a bomb", "the occupied West Bank", "Putin's offer to mediate"): only noun
        // patterns may start here.
        let after_determiner = h > 0 && is_determiner(lower, tokens[h - 1]);
        // Further back, an article with adjectives or nouns between ("a brief private visit to",
        // "the planned visit"): the word is a noun when it is only ever a verb's bare form, never
        // another verb's inflection ("the new mayor left", where "left" is also "leave").
        let noun_phrase_end = !after_determiner
            && ends_noun_phrase(lower, tokens, &owner, h)
            && !crate::dict::verbs::forms::is_irregular_past(word(h))
            && verbs.candidates(word(h)).iter().all(|&id| {
                let p = verbs.pattern(id);
                p.head != HeadKind::Verb || p.lemma.eq_ignore_ascii_case(word(h))
            });
        // An open-slot match is kept only if no other pattern at this head matches fully.
        let mut fallback = None;
        for &id in verbs.candidates(word(h)) {
            let p = verbs.pattern(id);
            if !p.requires.is_empty() && !p.requires.iter().any(|r| words.contains(&**r)) {
                continue;
            }
            if p.head == HeadKind::Verb && (after_determiner || noun_phrase_end) {
                continue;
            }
            let m = Cursor { lower, tokens, actors, owner: &owner };
            let Some(start) = m.match_before(&p.before, h) else { continue };
            let found =
                match m.try_match(id, p.code, p.head, &p.elements, h).map(|f| PatternMatch { start, ..f }) {
                    Some(f) if f.open => {
                        fallback.get_or_insert(f);
                        None
                    }
                    other => other,
                };
            if let Some(found) = found {
                fallback = Some(found);
                break;
            }
        }
        if let Some(found) = fallback {
            // Words a pattern matched cannot head another ("tried to assassinate", "chemical
            // attack on"); a pattern ending in "to" also covers the verb after it ("urged Iran
            // to release"). Slot actors can still be subjects later.
            let ends_with_to = found.end > 0 && word(found.end - 1) == "to";
            covered = (found.end + usize::from(ends_with_to)).max(h + 1);
            out.push(found);
        }
    }
    out
}

/// Most words [`ends_noun_phrase`] looks through between an article and the word.
pub const MAX_ATTRIBUTIVE: usize = 3;

/// Words that, between an article and a later word, show a clause rather than one noun phrase:
/// auxiliaries, negation, pronouns, conjunctions, complementisers and adverbs of sequence.
const NOT_ATTRIBUTIVE: &[&str] = &[
    "a", "also", "am", "an", "and", "are", "be", "been", "being", "but", "can", "could", "did", "do", "does",
    "had", "has", "have", "he", "her", "his", "i", "is", "it", "its", "may", "might", "must", "never", "nor",
    "not", "now", "or", "she", "should", "so", "still", "that", "the", "their", "then", "they", "this",
    "these", "those", "was", "we", "were", "what", "when", "which", "who", "will", "would", "yet", "you",
];

/// Plural nouns without an "-s": before a verb's bare form they read as its subject ("the people
/// protest").
const BARE_PLURALS: &[&str] = &["people", "men", "women", "children", "police", "youth", "staff"];

/// Whether token `t` is an article or possessive ("the", "its", "Putin's").
fn is_determiner(lower: &str, t: Token) -> bool {
    let w = &lower[t.span.range()];
    (t.kind == TokenKind::Word && matches!(w, "a" | "an" | "the" | "its" | "their" | "his" | "her"))
        || (t.kind == TokenKind::Clitic && w != "n't")
}

/// Whether token `h` ends a noun phrase that an article opens a few words earlier, with only
/// adjectives and nouns between ("a *brief private* visit", "the *planned* visit", "Nixon's
/// *long-delayed* visit"). Anything that could make the words a subject and a verb stops the
/// look: an actor, a capitalised word, a number, punctuation other than a hyphen inside a word,
/// an auxiliary, negation or pronoun ([`NOT_ATTRIBUTIVE`]), a preposition, an "-ed" form past
/// the first word (the article's noun then its verb: "the crowd attacked protest camps"), and a
/// plural right before the word ("the rebels attack", "the people protest").
fn ends_noun_phrase(lower: &str, tokens: &[Token], owner: &[Option<usize>], h: usize) -> bool {
    let word = |i: usize| &lower[tokens[i].span.range()];
    let plural = |w: &str| {
        BARE_PLURALS.contains(&w)
            || (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is"))
    };
    let mut words = 0;
    for i in (0..h).rev() {
        let t = tokens[i];
        if is_determiner(lower, t) {
            return words > 0;
        }
        let w = word(i);
        let glued = !t.has(Token::SPACE_BEFORE) && i > 0; // part of a hyphenated word
        if t.kind == TokenKind::Punct && w == "-" && glued && i + 1 < h {
            continue;
        }
        let after_article = i > 0 && is_determiner(lower, tokens[i - 1]);
        if t.kind != TokenKind::Word
            || owner[i].is_some()
            || t.is_capitalized()
            || NOT_ATTRIBUTIVE.contains(&w)
            || PREPOSITIONS.contains(&w)
            || (i + 1 == h && plural(w))
            || (w.ends_with("ed") && !after_article && !glued)
        {
            return false;
        }
        if !glued {
            words += 1;
            if words > MAX_ATTRIBUTIVE {
                return false;
            }
        }
    }
    false
}

struct Cursor<'a> {
    lower: &'a str,
    tokens: &'a [Token],
    actors: &'a [Actor],
    owner: &'a [Option<usize>],
}

impl Cursor<'_> {
    fn word(&self, i: usize) -> &str {
        &self.lower[self.tokens[i].span.range()]
    }

    /// Whether the tokens `from..to` may be skipped as a gap: no actor (possessive determiners
    /// aside), no break, and at most [`MAX_GAP`] words (a hyphenated compound is one word).
    fn skippable(&self, from: usize, to: usize) -> bool {
        let words = (from..to).filter(|&i| i == from || self.tokens[i].has(Token::SPACE_BEFORE)).count();
        words <= MAX_GAP
            && (from..to).all(|i| {
                self.owner[i].is_none_or(|a| self.actors[a].determiner)
                    && !is_break(self.lower, self.tokens[i])
            })
    }

    fn try_match(
        &self,
        id: PatternId,
        code: crate::cameo::EventCode,
        head: HeadKind,
        elements: &[Element],
        h: usize,
    ) -> Option<PatternMatch> {
        let n = self.tokens.len();
        let mut pos = h + 1;
        let mut by = Vec::new();
        if head == HeadKind::Noun && pos < n && self.word(pos) == "by" {
            if let Some(a) = self.owner.get(pos + 1).copied().flatten() {
                let (group, end) = self.group(a);
                by = group;
                pos = end;
            }
        }
        let mut slot = Vec::new();
        let mut open = false;
        let mut skipped = false; // the element before was a `Skip`
        for (k, el) in elements.iter().enumerate() {
            let after_skip = std::mem::replace(&mut skipped, matches!(el, Element::Skip));
            match el {
                Element::Skip => {
                    let at = if pos < n && self.word(pos) == "the" { pos + 1 } else { pos };
                    if let Some(a) =
                        self.owner.get(at).copied().flatten().filter(|&a| self.actors[a].tokens.start == at)
                    {
                        pos = self.group(a).1;
                    }
                }
                Element::Words(alts) => {
                    let mut found = None;
                    'gap: for gap in 0..=MAX_GAP + 2 {
                        let j = pos + gap;
                        if j >= n || !self.skippable(pos, j) {
                            break;
                        }
                        for alt in alts.iter() {
                            if j + alt.len() <= n
                                && alt.iter().enumerate().all(|(k, w)| self.word(j + k) == &**w)
                            {
                                found = Some(j + alt.len());
                                break 'gap;
                            }
                        }
                    }
                    pos = found?;
                }
                Element::Slot | Element::Object => {
                    let object = matches!(el, Element::Object);
                    // After a skipped phrase the slot is found as an object is: the next actor.
                    let far = object || after_skip;
                    let mut found = None;
                    for gap in 0..=if far { MAX_OBJECT_REACH } else { MAX_GAP + 2 } {
                        let j = pos + gap;
                        if far {
                            // "allowed that Mordor is …": a complement clause right after the
                            // verb is its object, and that clause's subject the target.
                            let complement =
                                object && j - 1 == h + 1 && pos == h + 1 && self.word(h + 1) == "that";
                            if j >= n || (j > pos && !complement && !self.object_reach(j - 1)) {
                                break;
                            }
                            if let Some(a) = self.owner[j]
                                .filter(|&a| self.actors[a].tokens.start == j && !self.actors[a].determiner)
                            {
                                found = Some(a);
                                break;
                            }
                            continue;
                        }
                        if j >= n || !self.skippable(pos, j) {
                            break;
                        }
                        // A preposition the pattern does not name ends the search ("met in
                        // Moscow" is not "met Moscow"); "by" (the passive), "to" (the recipient:
                        // "appealed to Caracas for") and a quantity's "of" ("deported dozens of
                        // Liberians") stay.
                        if j > pos && !self.gap_prepositions_ok(pos, j) {
                            break;
                        }
                        if let Some(a) = self.owner[j]
                            .filter(|&a| self.actors[a].tokens.start == j && !self.actors[a].determiner)
                        {
                            found = Some(a);
                            break;
                        }
                    }
                    let Some(a) = found else {
                        // An object slot with no actor after it leaves the event open (no
                        // target), like a verb in PETRARCH without its object.
                        if object && k + 1 == elements.len() {
                            open = true;
                            continue;
                        }
                        // An open slot: a verb pattern ending in `+` whose object is no actor
                        // ("Boko Haram attacked a military base") still makes an event, with no
                        // target — but only when a noun phrase follows, not at a clause's end.
                        let last = k + 1 == elements.len();
                        // Not the subject's own things ("met its deadline").
                        let object_follows = pos < n
                            && matches!(self.tokens[pos].kind, TokenKind::Word | TokenKind::Number)
                            && !PREPOSITIONS.contains(&self.word(pos))
                            && !matches!(
                                self.word(pos),
                                "and"
                                    | "or"
                                    | "but"
                                    | "that"
                                    | "which"
                                    | "who"
                                    | "its"
                                    | "their"
                                    | "his"
                                    | "her"
                            );
                        // Verbal cooperation (roots 01–05) needs a partner: "to meet security
                        // challenges" is no meeting. A dictionary's own code is taken as material.
                        let material = code.root().is_none_or(|r| r >= 6);
                        if head == HeadKind::Verb && last && object_follows && material {
                            open = true;
                            continue;
                        }
                        return None;
                    };
                    let (group, end) = self.slot_group(a)?;
                    slot = group;
                    pos = end;
                }
            }
        }
        // A by-phrase after a multi-word noun: "a suicide bombing by Boko Haram".
        if head == HeadKind::Noun && by.is_empty() && pos + 1 < n && self.word(pos) == "by" {
            let j = if self.word(pos + 1) == "the" { pos + 2 } else { pos + 1 };
            if let Some(a) =
                self.owner.get(j).copied().flatten().filter(|&a| self.actors[a].tokens.start == j)
            {
                let (group, end) = self.group(a);
                by = group;
                pos = end;
            }
        }
        Some(PatternMatch { pattern: id, head: h, start: h, end: pos, slot, open, by })
    }

    /// Matches `before` backwards from the head at `h`: the start of the first one's words.
    fn match_before(&self, before: &[Before], h: usize) -> Option<usize> {
        let mut end = h;
        for b in before.iter().rev() {
            let reach = if b.adjacent { 0 } else { MAX_GAP + 2 };
            let mut found = None;
            'gap: for gap in 0..=reach {
                let Some(e) = end.checked_sub(gap) else { break };
                // Unlike the words after the head, these may reach across the subject ("-
                // INDICATED * [123]": "Ethiopia indicated it deplored ..."), never a break.
                let words = (e..end).filter(|&i| i == e || self.tokens[i].has(Token::SPACE_BEFORE)).count();
                if words > MAX_GAP || (e..end).any(|i| is_break(self.lower, self.tokens[i])) {
                    break;
                }
                for alt in b.words.iter() {
                    if alt.len() <= e
                        && alt.iter().enumerate().all(|(k, w)| self.word(e - alt.len() + k) == &**w)
                    {
                        found = Some(e - alt.len());
                        break 'gap;
                    }
                }
            }
            end = found?;
        }
        Some(end)
    }

    /// Whether an [`Element::Object`] search may pass token `t`: not a break, comma or a word
    /// that starts another clause.
    fn object_reach(&self, t: usize) -> bool {
        !is_break(self.lower, self.tokens[t])
            && !matches!(
                self.word(t),
                "," | "that"
                    | "which"
                    | "who"
                    | "whom"
                    | "after"
                    | "before"
                    | "while"
                    | "because"
                    | "when"
                    | "if"
                    | "said"
                    | "says"
                    | "but"
                    | "although"
                    | "since"
                    | "until"
            )
    }

    /// Whether every preposition in the gap `from..to` before a slot is one a slot may be
    /// reached across: "by" (the passive), "to" (the recipient: "appealed to Caracas for"), and
    /// those of counts — "at least 26", "more than 500", "about 40", "thousands of".
    fn gap_prepositions_ok(&self, from: usize, to: usize) -> bool {
        (from..to).all(|t| {
            let w = self.word(t);
            if !PREPOSITIONS.contains(&w) || matches!(w, "by" | "to") {
                return true;
            }
            let next_is_count = t + 1 < to
                && (self.tokens[t + 1].kind == TokenKind::Number
                    || matches!(self.word(t + 1), "least" | "most"));
            let count_of = w == "of"
                && t > from
                && (self.tokens[t - 1].kind == TokenKind::Number
                    || QUANTITY_NOUNS.contains(&self.word(t - 1)));
            next_is_count || count_of
        })
    }

    /// The slot actor and those coordinated with it; a possessor yields to an apposition.
    fn slot_group(&self, a: usize) -> Option<(Vec<usize>, usize)> {
        let end = self.actors[a].tokens.end;
        let possessor =
            end < self.tokens.len() && self.tokens[end].kind == TokenKind::Clitic && !self.actors[a].pronoun;
        if !possessor {
            return Some(self.group(a));
        }
        // "China's regional rivals, India and Vietnam": the apposition is the slot; without one,
        // the possessor is ("roll back China's aspirations").
        let mut i = end + 1;
        while i < self.tokens.len() && i <= end + 4 && self.owner[i].is_none() {
            if self.word(i) == "," {
                if let Some(b) = self.owner.get(i + 1).copied().flatten() {
                    return Some(self.group(b));
                }
                break;
            }
            if is_break(self.lower, self.tokens[i]) {
                break;
            }
            i += 1;
        }
        Some(self.group(a))
    }

    /// Actor `a` and the actors joined to it by "and", "or" or commas; returns them and the end.
    pub(super) fn group(&self, a: usize) -> (Vec<usize>, usize) {
        let mut group = vec![a];
        let mut end = self.actors[a].tokens.end;
        loop {
            let mut j = end;
            let mut joined = false;
            let mut saw_and = false;
            while j < self.tokens.len() && matches!(self.word(j), "," | "and" | "or") {
                joined = true;
                saw_and |= self.word(j) != ",";
                j += 1;
            }
            if joined && j < self.tokens.len() && self.word(j) == "the" {
                j += 1;
            }
            // A comma alone joins only inside a list: the next member must go on with "," or
            // "and" ("killing 17 soldiers, officials said" is no list).
            let list_goes_on = |b: usize| {
                let e = self.actors[b].tokens.end;
                e < self.tokens.len() && matches!(self.word(e), "," | "and" | "or")
            };
            match self.owner.get(j).copied().flatten() {
                Some(b)
                    if joined
                        && (saw_and || list_goes_on(b))
                        && self.actors[b].tokens.start == j
                        && b != *group.last().expect("non-empty") =>
                {
                    group.push(b);
                    end = self.actors[b].tokens.end;
                }
                _ => return (group, end),
            }
        }
    }
}

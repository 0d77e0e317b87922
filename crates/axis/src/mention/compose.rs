//! Step 2: composition — atoms that belong together become one mention draft.
//!
//! The patterns, tried at each atom in order:
//!
//! | pattern | example | result |
//! |---|---|---|
//! | [name or demonym ['s]] title* person | "Russian President Vladimir Putin", "Mr. Xi" | person |
//! | [name or demonym ['s]] title+ [Capitalised words] | "Chinese Foreign Minister", "President Sukarno" (unknown) | actor + title's agent |
//! | name ['s] [≤2 lower-case words] agent{1,2} | "Russia's Central Bank", "the U.S. Senate" | actor + agents |
//! | demonym [≤2 lower-case words] agent{1,2} | "3,000 Chinese troops", "Chinese naval forces" | actor + agents |
//! | agent{1,2} of [the] name | "the government of China" | actor + agents |
//! | name or demonym | "Beijing", "Soviet" | actor |
//! | agent{1,2} | "the Senate", "rebels" | agents, actor unknown |
//!
//! A bare demonym coordinated with a demonym + agent shares the agent ("Chinese and Russian
//! officials" are CHNGOV and RUSGOV). A name or demonym right after `anti-`, `pro-` or `non-` is
//! an attribute, not an actor
//! ("anti-Soviet rebels" are not Soviet). Stop phrases produce nothing.

use super::atoms::{Atom, Atoms};
use super::MentionKind;
use crate::text::{Token, TokenKind};
use std::ops::Range;

/// A mention before resolution: which atoms play which part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// Tokens covered (sentence-relative).
    pub tokens: Range<usize>,
    /// The token whose clause dates the mention.
    pub head: usize,
    /// What kind of mention.
    pub kind: MentionKind,
    /// Atom giving the actor part.
    pub actor: Option<usize>,
    /// Atom naming the person.
    pub person: Option<usize>,
    /// Atoms giving agent parts (agents or titles), in order.
    pub agents: Vec<usize>,
}

/// Words that never sit between a demonym and its agent ("Chinese and Korean populations").
const GAP_STOP: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have",
    "in", "is", "it", "its", "nor", "of", "on", "or", "than", "that", "the", "their", "to", "was", "were",
    "which", "who", "with",
];

/// Fills `out` with the drafts of one sentence.
pub fn compose_into(lower: &str, tokens: &[Token], atoms: &Atoms, out: &mut Vec<Draft>) {
    out.clear();
    let list = &atoms.list;
    let text = |i: usize| &lower[tokens[i].span.range()];
    let mut k = 0;
    while k < list.len() {
        let a = &list[k];
        if a.is(Atom::STOP) {
            k += 1;
            continue;
        }
        let nameish = a.is(Atom::ACTOR | Atom::DEMONYM) && !a.is(Atom::FULL_NAME);
        if nameish && attribute_prefix(lower, tokens, a.tokens.start) {
            k += 1;
            continue;
        }

        // [name or demonym ['s]] title* person | title+
        let mut j = k;
        let mut prefix = None;
        if nameish {
            if let Some(b) = list.get(k + 1) {
                let end = skip_possessive(tokens, a.tokens.end, a.is(Atom::ACTOR));
                if b.tokens.start == end && (b.is(Atom::TITLE) || b.names_person(false)) {
                    prefix = Some(k);
                    j = k + 1;
                }
            }
        }
        let mut titles = Vec::new();
        while let Some(t) = list.get(j) {
            let adjacent = titles.is_empty() || list[j - 1].tokens.end == t.tokens.start;
            if t.is(Atom::TITLE)
                && adjacent
                && !(titles.is_empty() && prefix.is_none() && t.names_person(false) && !t.is(Atom::TITLE))
            {
                titles.push(j);
                j += 1;
            } else {
                break;
            }
        }
        if let Some(p) = list.get(j) {
            let adjacent = j == k
                || list[j - 1].tokens.end == p.tokens.start
                || (prefix == Some(j - 1)
                    && skip_possessive(tokens, list[j - 1].tokens.end, true) == p.tokens.start);
            // A surname followed by an unknown capitalised word is someone else's full name
            // ("Vice Premier Liu He" is not Liu Shaoqi).
            let someone_else = !p.is(Atom::FULL_NAME)
                && tokens.get(p.tokens.end).is_some_and(|t| {
                    t.kind == TokenKind::Word
                        && t.is_capitalized()
                        && t.has(Token::SPACE_BEFORE)
                        && atoms.starting_at(p.tokens.end).is_none()
                });
            if adjacent
                && !someone_else
                && p.names_person(!titles.is_empty())
                && (j > k || !p.is(Atom::ACTOR | Atom::DEMONYM) || p.is(Atom::FULL_NAME))
            {
                out.push(Draft {
                    tokens: a.tokens.start..p.tokens.end,
                    head: p.tokens.start,
                    kind: MentionKind::Person,
                    actor: prefix,
                    person: Some(j),
                    agents: Vec::new(),
                });
                k = j + 1;
                continue;
            }
        }
        if !titles.is_empty() {
            // Titles with no known person: the title's agent, of the prefix actor or an "of" actor.
            // The name that follows, if not a known person: capitalised words and surnames of
            // other people ("President Sukarno" without Sukarno in the dictionary).
            let mut end = list[*titles.last().expect("non-empty")].tokens.end;
            while end < tokens.len() && tokens[end].kind == TokenKind::Word && tokens[end].is_capitalized() {
                match atoms.starting_at(end) {
                    None => end += 1,
                    Some((_, n)) if !n.is(!(Atom::SURNAME | Atom::TITLED)) => end = n.tokens.end,
                    Some(_) => break,
                }
            }
            let mut actor = prefix;
            let mut next = list.partition_point(|x| x.tokens.start < end);
            if actor.is_none() {
                if let Some((ai, at)) = of_actor(lower, tokens, atoms, end) {
                    actor = Some(ai);
                    end = at.tokens.end;
                    next = ai + 1;
                }
            }
            out.push(Draft {
                tokens: a.tokens.start..end,
                head: list[titles[0]].tokens.start,
                kind: if actor.is_some() { MentionKind::Actor } else { MentionKind::Agent },
                actor,
                person: None,
                agents: titles,
            });
            k = next;
            continue;
        }

        if nameish {
            // name ['s] [gap] agent{1,2}; a gap of adjectives only after a demonym or a possessive
            // ("Chinese naval forces", "Russia's new central bank"), never after a bare name
            // ("Moscow sent engineers").
            let mut at = skip_possessive(tokens, a.tokens.end, a.is(Atom::ACTOR));
            let may_gap = at > a.tokens.end || a.is(Atom::DEMONYM);
            let mut gap = 0;
            while may_gap
                && gap < 2
                && at < tokens.len()
                && atoms.starting_at(at).is_none()
                && is_gap_word(tokens[at], text(at))
            {
                at += 1;
                gap += 1;
            }
            let agents = agent_run(atoms, at);
            let end = agents.last().map_or(a.tokens.end, |&g| list[g].tokens.end);
            let next = agents.last().map_or(k + 1, |&g| g + 1);
            out.push(Draft {
                tokens: a.tokens.start..end,
                head: a.tokens.start,
                kind: MentionKind::Actor,
                actor: Some(k),
                person: None,
                agents,
            });
            k = next;
            continue;
        }

        if a.is(Atom::AGENT) {
            let agents = agent_run(atoms, a.tokens.start);
            let last = *agents.last().expect("starts with an agent");
            let end = list[last].tokens.end;
            if let Some((ai, at)) = of_actor(lower, tokens, atoms, end) {
                out.push(Draft {
                    tokens: a.tokens.start..at.tokens.end,
                    head: a.tokens.start,
                    kind: MentionKind::Actor,
                    actor: Some(ai),
                    person: None,
                    agents,
                });
                k = ai + 1;
            } else {
                out.push(Draft {
                    tokens: a.tokens.start..end,
                    head: a.tokens.start,
                    kind: MentionKind::Agent,
                    actor: None,
                    person: None,
                    agents,
                });
                k = last + 1;
            }
            continue;
        }
        // A surname that needs a title, with none: not a mention.
        k += 1;
    }
    share_agents(lower, tokens, atoms, out);
}

/// "Chinese and Russian officials": a bare demonym coordinated with a demonym + agents takes
/// the same agents (both are officials).
fn share_agents(lower: &str, tokens: &[Token], atoms: &Atoms, drafts: &mut [Draft]) {
    for i in (0..drafts.len().saturating_sub(1)).rev() {
        let (a, b) = (&drafts[i], &drafts[i + 1]);
        let bare_demonym = |d: &Draft| {
            d.kind == MentionKind::Actor
                && d.person.is_none()
                && d.actor
                    .is_some_and(|x| atoms.list[x].is(Atom::DEMONYM) && atoms.list[x].tokens == d.tokens)
        };
        let joined = a.tokens.end < b.tokens.start
            && (a.tokens.end..b.tokens.start)
                .all(|t| matches!(&lower[tokens[t].span.range()], "and" | "," | "or"));
        let b_is_demonym_with_agents = !b.agents.is_empty()
            && b.actor.is_some_and(|x| {
                atoms.list[x].is(Atom::DEMONYM) && atoms.list[x].tokens.start == b.tokens.start
            });
        if joined && bare_demonym(a) && a.agents.is_empty() && b_is_demonym_with_agents {
            drafts[i].agents = drafts[i + 1].agents.clone();
        }
    }
}

/// Agent atoms starting at token `at`, adjacent to each other, at most two.
fn agent_run(atoms: &Atoms, at: usize) -> Vec<usize> {
    let mut run = Vec::new();
    let mut pos = at;
    while run.len() < 2 {
        match atoms.starting_at(pos) {
            // Titles are agent nouns too ("American investigative journalist").
            Some((i, a))
                if a.is(Atom::AGENT | Atom::TITLE) && !a.is(Atom::ACTOR | Atom::DEMONYM | Atom::STOP) =>
            {
                run.push(i);
                pos = a.tokens.end;
            }
            _ => break,
        }
    }
    run
}

/// `of [the] NAME` starting at token `at`: the actor atom.
fn of_actor<'a>(lower: &str, tokens: &[Token], atoms: &'a Atoms, at: usize) -> Option<(usize, &'a Atom)> {
    let word = |i: usize| tokens.get(i).map(|t| &lower[t.span.range()]);
    if word(at) != Some("of") {
        return None;
    }
    let mut i = at + 1;
    if word(i) == Some("the") && atoms.starting_at(i).is_none() {
        i += 1;
    }
    atoms.starting_at(i).filter(|(_, a)| a.is(Atom::ACTOR) && !a.is(Atom::STOP))
}

/// Skips a possessive `'s` or `'` right after a name.
fn skip_possessive(tokens: &[Token], at: usize, allowed: bool) -> usize {
    match tokens.get(at) {
        Some(t) if allowed && t.kind == TokenKind::Clitic && !t.has(Token::SPACE_BEFORE) => at + 1,
        _ => at,
    }
}

/// A word that may sit between a demonym and its agent: a lower-case word or a number.
fn is_gap_word(t: Token, lower: &str) -> bool {
    match t.kind {
        TokenKind::Word => !t.is_capitalized() && !GAP_STOP.contains(&lower),
        TokenKind::Number => true,
        _ => false,
    }
}

/// Whether the name at token `at` follows `anti-`, `pro-` or `non-`.
fn attribute_prefix(lower: &str, tokens: &[Token], at: usize) -> bool {
    if at < 2 || tokens[at].has(Token::SPACE_BEFORE) {
        return false;
    }
    let dash = &lower[tokens[at - 1].span.range()];
    let word = &lower[tokens[at - 2].span.range()];
    dash == "-" && matches!(word, "anti" | "pro" | "non" | "ex")
}

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
//! | agent{1,2} of [the] [adjective] name | "the government of China" | actor + agents |
//! | … agent{1,2} Name | "Prime Minister Telemar", "India's envoy Telemar" | the office holder: the country before, else the name's actor |
//! | organisation-type name … | "aid body Arnor envoy" (PETRARCH `[NGO~]`) | type code first: NGOARNGOV |
//! | name or demonym | "Beijing", "Soviet" | actor |
//! | agent{1,2} | "the Senate", "rebels" | agents, actor unknown |
//!
//! With PETRARCH's [`PhraseRules`], "from" and "in" join agents to a name like "of" ("soldiers
//! from Gondor"), except after a possessive determiner ("its troops in Syria"), and "former"
//! before agents makes them `ELI`.
//!
//! Agents are shared across coordination ([`distribute`]): a bare demonym coordinated with a
//! demonym + agent shares the agent ("Chinese and Russian officials" are CHNGOV and RUSGOV);
//! names listed after "agents of NAME" share the agents ("the envoys of A, B and C"); agents
//! coordinated before such a phrase belong to each of its names ("lawmakers and officials in A
//! and B": the lawmakers are two mentions, ALEG and BLEG); agents after "and" following an
//! actor's agents are that actor's ("Danish media and government"). A name or demonym right
//! after `anti-`, `pro-` or `non-` is an attribute, not an actor ("anti-Soviet rebels" are not
//! Soviet). Stop phrases produce nothing.

use super::atoms::{Atom, Atoms};
use super::MentionKind;
use crate::dict::PhraseRules;
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
    /// More actor atoms the mention stands for, each with the same agents ("lawmakers and
    /// officials in A and B": the lawmakers are A's and B's).
    pub also: Vec<usize>,
    /// An organisation-type atom whose code leads the actor's ("aid body Arnor" → `NGOARN`).
    pub lead: Option<usize>,
    /// "former" qualifies the agents: people out of office (`ELI` instead of the agents).
    pub former: bool,
    /// The actor came from a prepositional phrase after the agents ("soldiers from A"): names
    /// listed after it share the agents ("the envoys of A, B and C").
    pub via: bool,
}

impl Draft {
    fn new(tokens: Range<usize>, head: usize, kind: MentionKind) -> Draft {
        Draft {
            tokens,
            head,
            kind,
            actor: None,
            person: None,
            agents: Vec::new(),
            also: Vec::new(),
            lead: None,
            former: false,
            via: false,
        }
    }

    /// A name or demonym with no agents, person or organisation type.
    fn bare_name(&self) -> bool {
        self.kind == MentionKind::Actor
            && self.person.is_none()
            && self.agents.is_empty()
            && self.also.is_empty()
            && self.lead.is_none()
    }

    /// Agents with no actor.
    fn bare_agents(&self) -> bool {
        self.kind == MentionKind::Agent && self.actor.is_none() && !self.agents.is_empty()
    }
}

/// Prepositions after agents that name whose agents they are ("the government of A"; with
/// [`PhraseRules::agents_from_in`], "soldiers from A", "lawmakers in A").
fn agent_prepositions(rules: PhraseRules) -> &'static [&'static str] {
    if rules.agents_from_in {
        &["of", "from", "in"]
    } else {
        &["of"]
    }
}

/// Words that never sit between a demonym and its agent ("Chinese and Korean populations").
const GAP_STOP: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have",
    "in", "is", "it", "its", "nor", "of", "on", "or", "than", "that", "the", "their", "to", "was", "were",
    "which", "who", "with",
];

/// Fills `out` with the drafts of one sentence.
pub fn compose_into(lower: &str, tokens: &[Token], atoms: &Atoms, rules: PhraseRules, out: &mut Vec<Draft>) {
    out.clear();
    let list = &atoms.list;
    let text = |i: usize| &lower[tokens[i].span.range()];
    let mut k = 0;
    while k < list.len() {
        // An organisation type right before a name leads its code ("aid body Arnor").
        let lead = (list[k].is(Atom::PREFIX)
            && list.get(k + 1).is_some_and(|b| {
                b.tokens.start == list[k].tokens.end
                    && b.is(Atom::ACTOR)
                    && !b.is(Atom::PREFIX | Atom::STOP | Atom::FULL_NAME)
            }))
        .then_some(k);
        let start = list[k].tokens.start;
        if lead.is_some() {
            k += 1;
        }
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
                let mut d = Draft::new(start..p.tokens.end, p.tokens.start, MentionKind::Person);
                d.actor = prefix;
                d.person = Some(j);
                out.push(d);
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
            // "Prime Minister Telemar" where the name is an actor's: the office holder.
            let last_title = list[*titles.last().expect("non-empty")].tokens.end;
            let apposed = (end == last_title).then(|| apposed_name(tokens, atoms, end)).flatten();
            if let Some((_, n)) = apposed {
                end = n.tokens.end;
            }
            let mut actor = prefix.or(apposed.map(|(ni, _)| ni));
            let mut next = list.partition_point(|x| x.tokens.start < end);
            if actor.is_none() {
                if let Some((ai, at)) = prep_actor(lower, tokens, atoms, end, &["of"]) {
                    actor = Some(ai);
                    end = at.tokens.end;
                    next = ai + 1;
                }
            }
            let kind = if actor.is_some() { MentionKind::Actor } else { MentionKind::Agent };
            let mut d = Draft::new(start..end, list[titles[0]].tokens.start, kind);
            d.actor = actor;
            d.agents = titles;
            d.lead = lead;
            d.former = former_before(lower, tokens, start);
            out.push(d);
            k = next;
            continue;
        }

        if nameish {
            // name ['s] [gap] agent{1,2}; a gap of adjectives only after a demonym or a possessive
            // ("Chinese naval forces", "Russia's new central bank", "Russia's new and untested
            // envoy"), never after a bare name ("Moscow sent engineers") but for "former".
            let mut at = skip_possessive(tokens, a.tokens.end, a.is(Atom::ACTOR));
            let possessive = at > a.tokens.end;
            let may_gap = possessive || a.is(Atom::DEMONYM);
            let mut gap = 0;
            while gap < 2 && at < tokens.len() && atoms.starting_at(at).is_none() {
                let w = text(at);
                let ok = if may_gap { is_gap_word(tokens[at], w) } else { w == "former" };
                // "and" between two adjectives after a possessive.
                let and_between = possessive
                    && gap > 0
                    && w == "and"
                    && tokens.get(at + 1).is_some_and(|&t| is_gap_word(t, text(at + 1)));
                if and_between {
                    at += 1;
                } else if ok {
                    at += 1;
                    gap += 1;
                } else {
                    break;
                }
            }
            let agents = agent_run(atoms, at);
            let mut end = agents.last().map_or(a.tokens.end, |&g| list[g].tokens.end);
            let mut next = agents.last().map_or(k + 1, |&g| g + 1);
            // "Arnor's envoy Telemar": a name right after the agents is the person holding the
            // office; the country before it stays the actor.
            if let Some((ni, n)) = (!agents.is_empty()).then(|| apposed_name(tokens, atoms, end)).flatten() {
                end = n.tokens.end;
                next = ni + 1;
            }
            let mut d = Draft::new(start..end, a.tokens.start, MentionKind::Actor);
            d.actor = Some(k);
            d.former = !agents.is_empty()
                && (former_before(lower, tokens, start) || (a.tokens.end..end).any(|t| text(t) == "former"));
            d.agents = agents;
            d.lead = lead;
            out.push(d);
            k = next;
            continue;
        }

        if a.is(Atom::AGENT) {
            let agents = agent_run(atoms, a.tokens.start);
            let last = *agents.last().expect("starts with an agent");
            let end = list[last].tokens.end;
            let mut d = Draft::new(a.tokens.start..end, a.tokens.start, MentionKind::Agent);
            d.former = former_before(lower, tokens, a.tokens.start);
            // "its troops in Syria" are the owner's troops, not Syria's.
            let owned = a.tokens.start > 0
                && matches!(
                    text(a.tokens.start - 1),
                    "its" | "their" | "his" | "her" | "our" | "my" | "your"
                );
            let preps = if owned { &[][..] } else { agent_prepositions(rules) };
            if let Some((ai, at)) = prep_actor(lower, tokens, atoms, end, preps) {
                d.tokens.end = at.tokens.end;
                d.kind = MentionKind::Actor;
                d.actor = Some(ai);
                d.via = true;
                k = ai + 1;
            } else if let Some((ni, n)) = apposed_name(tokens, atoms, end) {
                // "the envoy Telemar": the name gives the actor.
                d.tokens.end = n.tokens.end;
                d.kind = MentionKind::Actor;
                d.actor = Some(ni);
                k = ni + 1;
            } else {
                k = last + 1;
            }
            d.agents = agents;
            out.push(d);
            continue;
        }
        // A surname that needs a title, with none: not a mention.
        k += 1;
    }
    share_agents(lower, tokens, atoms, out);
    distribute(lower, tokens, out);
}

/// Whether the tokens between two drafts join them in a list: only ",", "and", "or", "nor"
/// and "the", with at least one of the first four.
fn list_gap(lower: &str, tokens: &[Token], from: usize, to: usize) -> bool {
    let word = |t: usize| &lower[tokens[t].span.range()];
    from < to
        && (from..to).all(|t| matches!(word(t), "," | "and" | "or" | "nor" | "the"))
        && (from..to).any(|t| word(t) != "the")
}

/// Agents shared across coordination, as English noun phrases share them:
///
/// - "the envoys of A, B and C": the names listed after an agents-of-name phrase are envoys too;
/// - "lawmakers and officials in A and B": agents coordinated right before such a phrase belong
///   to each of its names;
/// - "A media and government": agents coordinated by "and" after an actor's agents are the same
///   actor's.
fn distribute(lower: &str, tokens: &[Token], drafts: &mut [Draft]) {
    for i in 0..drafts.len() {
        if drafts[i].via {
            let mut members = vec![drafts[i].actor.expect("via drafts have an actor")];
            let mut j = i + 1;
            while j < drafts.len()
                && drafts[j].bare_name()
                && list_gap(lower, tokens, drafts[j - 1].tokens.end, drafts[j].tokens.start)
            {
                drafts[j].agents = drafts[i].agents.clone();
                drafts[j].former = drafts[i].former;
                members.extend(drafts[j].actor);
                j += 1;
            }
            let mut b = i;
            while b > 0
                && drafts[b - 1].bare_agents()
                && list_gap(lower, tokens, drafts[b - 1].tokens.end, drafts[b].tokens.start)
            {
                let d = &mut drafts[b - 1];
                d.kind = MentionKind::Actor;
                d.actor = Some(members[0]);
                d.also = members[1..].to_vec();
                b -= 1;
            }
        } else if i + 1 < drafts.len()
            && drafts[i].kind == MentionKind::Actor
            && drafts[i].person.is_none()
            && !drafts[i].agents.is_empty()
            && drafts[i + 1].bare_agents()
            && drafts[i].tokens.end + 1 == drafts[i + 1].tokens.start
            && &lower[tokens[drafts[i].tokens.end].span.range()] == "and"
        {
            let (actor, also, lead) = (drafts[i].actor, drafts[i].also.clone(), drafts[i].lead);
            let d = &mut drafts[i + 1];
            d.kind = MentionKind::Actor;
            d.actor = actor;
            d.also = also;
            d.lead = lead;
        }
    }
}

/// A name right after an agent phrase ending at token `at`, standing for the holder of the
/// office ("Prime Minister Telemar"): a capitalised actor name (not a demonym or organisation
/// type).
fn apposed_name<'a>(tokens: &[Token], atoms: &'a Atoms, at: usize) -> Option<(usize, &'a Atom)> {
    atoms.starting_at(at).filter(|(_, n)| {
        n.is(Atom::ACTOR)
            && !n.is(Atom::DEMONYM | Atom::STOP | Atom::PREFIX | Atom::AGENT | Atom::TITLE)
            && tokens[at].is_capitalized()
    })
}

/// Whether "former" stands right before token `at` ("former Arnor envoys", "the former envoys").
fn former_before(lower: &str, tokens: &[Token], at: usize) -> bool {
    at > 0 && &lower[tokens[at - 1].span.range()] == "former"
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

/// `PREP [the] [adjective] NAME` starting at token `at`, with one of `preps`: the actor atom.
fn prep_actor<'a>(
    lower: &str,
    tokens: &[Token],
    atoms: &'a Atoms,
    at: usize,
    preps: &[&str],
) -> Option<(usize, &'a Atom)> {
    let word = |i: usize| tokens.get(i).map(|t| &lower[t.span.range()]);
    if !word(at).is_some_and(|w| preps.contains(&w)) {
        return None;
    }
    let mut i = at + 1;
    if word(i) == Some("the") && atoms.starting_at(i).is_none() {
        i += 1;
    }
    // One adjective: "in eastern Ukraine".
    if i < tokens.len()
        && atoms.starting_at(i).is_none()
        && tokens[i].kind == TokenKind::Word
        && is_gap_word(tokens[i], word(i).unwrap_or(""))
    {
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

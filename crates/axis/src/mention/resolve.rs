//! Step 3: resolution — a draft's atoms become codes at the date of its clause.

use super::atoms::Atoms;
use super::compose::Draft;
use super::{Mention, MentionKind};
use crate::dict::{Code, Dictionary, EntityId, EntityKind, Meaning, Usage};
use crate::text::{Span, Token};
use crate::when::{DateRange, Interval, ResolvedDate};

/// Agent code of honorific-only titles ("Mr."): a title, never an agent part.
const HONORIFIC: &str = "HON";

/// Turns a draft into the mentions it stands for, resolved at its date, appended to `out`:
/// none when nothing codable is left, several when the draft names several actors (a group
/// name, or agents shared by a list). `at` is the interval names are read at (see
/// `resolve_at`); `date` is reported with the mentions.
pub fn resolve_into(
    dict: &Dictionary,
    tokens: &[Token],
    atoms: &Atoms,
    d: &Draft,
    date: Option<ResolvedDate>,
    at: Option<Interval>,
    out: &mut Vec<Mention>,
) {
    let span = Span { start: tokens[d.tokens.start].span.start, end: tokens[d.tokens.end - 1].span.end };
    let first = out.len();
    let m = Mention {
        span,
        tokens: d.tokens.clone(),
        kind: d.kind,
        code: Code::default(),
        actor: Code::default(),
        agent: Code::default(),
        entity: None,
        person: None,
        role: None,
        date,
    };
    if let Some(p) = d.person {
        let mut m = m;
        let atom = &atoms.list[p];
        let titled = d.tokens.start < atom.tokens.start;
        if let Some((person, role, code)) = pick_person(dict, atoms.meanings(atom), titled, at) {
            m.person = Some(person);
            m.role = role;
            m.actor = code.head();
            m.agent = tail(code);
        }
        finish(m, out);
        return;
    }
    let mut agent = Code::default();
    for &g in &d.agents {
        if let Some(code) = pick_agent(dict, atoms.meanings(&atoms.list[g]), at) {
            agent = join_distinct(agent, code);
        }
    }
    if d.former && !agent.is_empty() && dict.phrase_rules().former_elite {
        // "former envoys": out of office.
        agent = Code::new("ELI").expect("valid code");
    }
    let lead = d
        .lead
        .and_then(|l| pick_actor(dict, atoms.meanings(&atoms.list[l]), at))
        .map(|meaning| dict.entity(meaning.entity).code)
        .unwrap_or_default();
    // Every actor the draft names: its actor atom, the atoms it shares agents with, and for a
    // group name each of its members.
    let mut named: Vec<Meaning> = Vec::new();
    for &a in d.actor.iter().chain(&d.also) {
        let meanings = atoms.meanings(&atoms.list[a]);
        if let Some(best) = pick_actor(dict, meanings, at) {
            if best.usage == Usage::Group {
                named.extend(
                    meanings.iter().filter(|x| {
                        x.usage == Usage::Group && x.origin == best.origin && x.valid == best.valid
                    }),
                );
            } else {
                named.push(best);
            }
        }
    }
    if named.is_empty() {
        let mut m = m;
        m.actor = Code::new("---").expect("valid code");
        m.agent = agent;
        finish(m, out);
        return;
    }
    for meaning in named {
        let mut m = m.clone();
        m.entity = Some(meaning.entity);
        m.actor = lead.join(dict.entity(meaning.entity).code);
        m.agent = join_distinct(meaning.agent, agent);
        finish(m, out);
    }
    // One mention per distinct code.
    let mut seen: Vec<Code> = Vec::new();
    let mut k = first;
    while k < out.len() {
        if seen.contains(&out[k].code) {
            out.remove(k);
        } else {
            seen.push(out[k].code);
            k += 1;
        }
    }
}

/// Completes a mention's code and appends it, unless nothing codable is left.
fn finish(mut m: Mention, out: &mut Vec<Mention>) {
    if m.kind == MentionKind::Agent && m.agent.is_empty() {
        // Only honorifics before an unknown name ("Prince Khalifa"): nobody axis can code.
        return;
    }
    // Roles the actor's own code already has are not repeated ("Taliban militants" is
    // AFGREBTAL, not AFGREBTALREB).
    m.agent = drop_parts_of(m.agent, m.actor);
    m.code = m.actor.join(m.agent);
    out.push(m);
}

/// The code without its first part.
fn tail(code: Code) -> Code {
    Code::new(code.as_str().get(3..).unwrap_or("")).unwrap_or_default()
}

/// `agent` without the parts `actor` already has (past its first, country part).
fn drop_parts_of(agent: Code, actor: Code) -> Code {
    let kept: String = agent.parts().filter(|part| !actor.parts().skip(1).any(|r| r == *part)).collect();
    Code::new(&kept).unwrap_or_default()
}

/// `a` followed by the parts of `b` that `a` does not already have.
fn join_distinct(a: Code, b: Code) -> Code {
    let mut out = a;
    for part in b.parts() {
        if !out.has_part(part) {
            if let Some(c) = Code::new(part) {
                out = out.join(c);
            }
        }
    }
    out
}

/// How well a validity range fits the date: overlap in days (higher is better), then closeness,
/// then the narrower range (a restriction written for a few days inside a longer one is the
/// more specific statement: it wins whatever the order the dictionary lists them in).
fn fit(valid: DateRange, at: Option<Interval>) -> (i32, i32, i32) {
    match at {
        Some(iv) => (valid.overlap_days(iv), -valid.distance_days(iv), -span_days(valid)),
        // No date: prefer what is valid now (open-ended), then what ended last.
        None => match valid.to {
            None => (1, 0, 0),
            Some(t) => (0, t.to_days(), 0),
        },
    }
}

/// Days a range covers; an open end counts as unbounded.
fn span_days(r: DateRange) -> i32 {
    match (r.from, r.to) {
        (Some(f), Some(t)) => t.to_days() - f.to_days() + 1,
        _ => i32::MAX,
    }
}

fn pick_actor(dict: &Dictionary, meanings: &[Meaning], at: Option<Interval>) -> Option<Meaning> {
    meanings
        .iter()
        .filter(|m| dict.entity(m.entity).kind == EntityKind::Actor && m.usage != Usage::Stop)
        .max_by_key(|m| fit(m.valid, at))
        .copied()
}

fn pick_agent(dict: &Dictionary, meanings: &[Meaning], at: Option<Interval>) -> Option<Code> {
    meanings
        .iter()
        .filter(|m| dict.entity(m.entity).kind == EntityKind::Agent)
        .max_by_key(|m| fit(m.valid, at))
        .map(|m| dict.entity(m.entity).code)
        .filter(|c| c.as_str() != HONORIFIC)
}

/// The person a name stands for at the date, the role they held then (if any) and their code:
/// the role's code, or the nearest role's country plus `ELI` when out of office.
fn pick_person(
    dict: &Dictionary,
    meanings: &[Meaning],
    titled: bool,
    at: Option<Interval>,
) -> Option<(EntityId, Option<usize>, Code)> {
    let mut best: Option<((i32, i32, i32), EntityId, usize)> = None;
    for m in meanings {
        let e = dict.entity(m.entity);
        let usable = match m.usage {
            Usage::FullName | Usage::Surname => true,
            Usage::Titled => titled,
            _ => false,
        };
        if e.kind != EntityKind::Person || !usable {
            continue;
        }
        for (i, role) in e.roles.iter().enumerate() {
            let score = fit(role.term, at);
            if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
                best = Some((score, m.entity, i));
            }
        }
    }
    let (score, person, role) = best?;
    let code = dict.entity(person).roles[role].code;
    if score.0 > 0 || at.is_none() {
        Some((person, Some(role), code))
    } else {
        let eli = Code::new("ELI").expect("valid code");
        Some((person, None, code.head().join(eli)))
    }
}

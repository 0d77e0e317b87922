//! Step 1: atoms — the dictionary phrases found in a sentence, longest first, not overlapping.

use crate::dict::{Dictionary, EntityKind, Meaning, Usage};
use crate::text::Token;
use std::ops::Range;

/// A dictionary phrase found in a sentence, with every meaning that accepts it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Atom {
    /// Its tokens: indices into the sentence's tokens.
    pub tokens: Range<usize>,
    /// What the meanings allow, as `Atom::*` flags.
    pub flags: u16,
    meanings: Range<u32>,
}

impl Atom {
    /// A stop phrase: produces nothing.
    pub const STOP: u16 = 1;
    /// A name of an actor.
    pub const ACTOR: u16 = 2;
    /// A demonym of an actor.
    pub const DEMONYM: u16 = 4;
    /// An agent noun.
    pub const AGENT: u16 = 8;
    /// A title ("President", "Mr.").
    pub const TITLE: u16 = 16;
    /// A person's full name.
    pub const FULL_NAME: u16 = 32;
    /// A surname that may stand alone.
    pub const SURNAME: u16 = 64;
    /// A surname that needs a title.
    pub const TITLED: u16 = 128;
    /// An organisation type whose code goes before the actor it is written before (`[NGO~]`).
    pub const PREFIX: u16 = 256;

    /// Whether any of `flags` is set.
    #[inline]
    pub fn is(&self, flags: u16) -> bool {
        self.flags & flags != 0
    }

    /// Whether the atom can name a person, given whether a title precedes it.
    pub fn names_person(&self, after_title: bool) -> bool {
        self.is(Atom::FULL_NAME | Atom::SURNAME) || (after_title && self.is(Atom::TITLED))
    }
}

/// The atoms of one sentence and their meanings.
#[derive(Clone, Debug, Default)]
pub struct Atoms {
    /// Atoms in token order.
    pub list: Vec<Atom>,
    meanings: Vec<Meaning>,
}

impl Atoms {
    /// The meanings of one atom.
    pub fn meanings(&self, atom: &Atom) -> &[Meaning] {
        &self.meanings[atom.meanings.start as usize..atom.meanings.end as usize]
    }

    /// The atom that starts at token `i`, if any.
    pub fn starting_at(&self, i: usize) -> Option<(usize, &Atom)> {
        let k = self.list.partition_point(|a| a.tokens.start < i);
        self.list.get(k).filter(|a| a.tokens.start == i).map(|a| (k, a))
    }
}

/// Fills `out` with the atoms of a sentence's `tokens`.
pub fn find_into(dict: &Dictionary, _text: &str, lower: &str, tokens: &[Token], out: &mut Atoms) {
    out.list.clear();
    out.meanings.clear();
    let matcher = dict.matcher();
    let mut i = 0;
    while i < tokens.len() {
        let Some(m) = matcher.longest_at(lower, tokens, i) else {
            i += 1;
            continue;
        };
        // Leftmost-longest, with one correction: a phrase starting inside this one that reaches
        // further wins ("the West Bank" is not "the West" + "Bank").
        if (i + 1..i + m.len)
            .any(|j| matcher.longest_at(lower, tokens, j).is_some_and(|n| j + n.len > i + m.len))
        {
            i += 1;
            continue;
        }
        let first = out.meanings.len() as u32;
        let mut flags = 0u16;
        for meaning in matcher.meanings(m, &tokens[i..i + m.len]) {
            flags |= flag_of(dict, meaning);
            out.meanings.push(*meaning);
        }
        out.list.push(Atom { tokens: i..i + m.len, flags, meanings: first..out.meanings.len() as u32 });
        i += m.len;
    }
}

fn flag_of(dict: &Dictionary, m: &Meaning) -> u16 {
    match (dict.entity(m.entity).kind, m.usage) {
        (EntityKind::Stop, _) | (_, Usage::Stop) => Atom::STOP,
        (EntityKind::Actor, Usage::Demonym) => Atom::DEMONYM,
        (EntityKind::Actor, Usage::Prefix) => Atom::ACTOR | Atom::PREFIX,
        (EntityKind::Actor, _) => Atom::ACTOR,
        (EntityKind::Agent, Usage::Title) => Atom::TITLE,
        (EntityKind::Agent, _) => Atom::AGENT,
        (EntityKind::Person, Usage::Surname) => Atom::SURNAME,
        (EntityKind::Person, Usage::Titled) => Atom::TITLED,
        (EntityKind::Person, _) => Atom::FULL_NAME,
    }
}

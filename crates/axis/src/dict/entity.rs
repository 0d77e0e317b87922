//! What a dictionary knows: codes, entities (actors, agents, people, stop lists) and the meanings
//! a phrase can have.

use crate::when::DateRange;
use serde::{Serialize, Serializer};
use std::fmt;

/// A CAMEO-style code: one or more 3-character parts of upper-case letters, digits or `-`
/// (`RUS`, `RUSGOV`, `IGOUNO`, `GOVBUS`, `---`). Stored inline, so it is `Copy`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Code {
    bytes: [u8; Code::MAX],
    len: u8,
}

impl Code {
    /// Longest code: five 3-character parts.
    pub const MAX: usize = 15;

    /// The code, if `s` is 3, 6, … 15 characters of `A-Z`, `0-9` or `-`.
    pub fn new(s: &str) -> Option<Code> {
        let b = s.as_bytes();
        if b.is_empty() || b.len() > Code::MAX || b.len() % 3 != 0 {
            return None;
        }
        if !b.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b'-') {
            return None;
        }
        let mut bytes = [0u8; Code::MAX];
        bytes[..b.len()].copy_from_slice(b);
        Some(Code { bytes, len: b.len() as u8 })
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        // Only ASCII bytes are ever stored.
        std::str::from_utf8(&self.bytes[..self.len as usize]).unwrap_or("")
    }

    /// Whether the code is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// This code followed by `other`, truncated at [`Code::MAX`] on a part boundary.
    pub fn join(self, other: Code) -> Code {
        let mut out = self;
        let room = (Code::MAX - self.len as usize) / 3 * 3;
        let n = (other.len as usize).min(room);
        out.bytes[self.len as usize..self.len as usize + n].copy_from_slice(&other.bytes[..n]);
        out.len += n as u8;
        out
    }

    /// The first 3-character part (the country or international actor).
    pub fn head(&self) -> Code {
        let mut out = *self;
        out.len = self.len.min(3);
        out
    }

    /// The 3-character parts of this code, in order (`RUSGOV` → `RUS`, `GOV`).
    pub fn parts(&self) -> impl Iterator<Item = &str> + '_ {
        // Codes hold ASCII only, so every 3-byte chunk is a str.
        self.as_str().as_bytes().chunks(3).map(|c| std::str::from_utf8(c).unwrap_or(""))
    }

    /// Whether `part` is one of the 3-character parts of this code.
    pub fn has_part(&self, part: &str) -> bool {
        self.parts().any(|c| c == part)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Index of an entity in its dictionary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityId(pub u32);

/// What kind of thing an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A state, region, bloc or international organisation: has a code of its own.
    Actor,
    /// A CAMEO agent (`GOV`, `MIL`, …): combines with an actor.
    Agent,
    /// A person: codes come from their roles.
    Person,
    /// Phrases that are not actors.
    Stop,
}

/// An office a person held: while holding it they stand for `code`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    /// The code they stand for (`RUSGOV`).
    pub code: Code,
    /// The term.
    pub term: DateRange,
    /// The office, as free text ("President").
    pub title: String,
}

/// Where an entry was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Origin {
    /// Index into the dictionary's file list.
    pub file: u32,
    /// 1-based line.
    pub line: u32,
}

/// A block of a dictionary file: an actor, agent, person or stop list.
#[derive(Clone, Debug)]
pub struct Entity {
    /// What it is.
    pub kind: EntityKind,
    /// Its code (actors and agents; empty for people and stop lists).
    pub code: Code,
    /// Display name from the header.
    pub name: String,
    /// When it existed (actors), if stated.
    pub valid: DateRange,
    /// Offices held (people).
    pub roles: Vec<Role>,
    /// Where its header is.
    pub origin: Origin,
}

/// How a phrase stands for its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Usage {
    /// A name of an actor, or an agent noun.
    Name,
    /// An adjective or people name of an actor ("Russian", "Russians").
    Demonym,
    /// A title that may precede a person's name; also an agent noun.
    Title,
    /// A person's full name.
    FullName,
    /// A person's surname that may stand alone.
    Surname,
    /// A person's surname that needs a title before it.
    Titled,
    /// A phrase that is not an actor.
    Stop,
    /// A name of several actors at once (PETRARCH's `[AAA/BBB]`): a mention of it stands for
    /// every actor the phrase names with this usage, the same origin and the same validity.
    Group,
    /// An organisation type written before an actor, whose code goes first (PETRARCH's
    /// `[NGO~]`: "aid body" + "Arnor" is `NGOARN`); alone, the phrase is that actor.
    Prefix,
}

/// One meaning of a phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Meaning {
    /// The entity.
    pub entity: EntityId,
    /// How the phrase names it.
    pub usage: Usage,
    /// An agent the phrase adds (`the Kremlin` → `GOV`); empty when none.
    pub agent: Code,
    /// When the phrase has this meaning.
    pub valid: DateRange,
    /// Where the phrase was written.
    pub origin: Origin,
}

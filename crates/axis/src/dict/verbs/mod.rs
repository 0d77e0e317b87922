//! Verb dictionaries: which words, around which actors, make which CAMEO event.
//!
//! The format is specified in `dict/verbs/README.md`. [`VerbDictionary`] holds the compiled
//! [`VerbPattern`]s, indexed by every form of their head word (verb inflections, noun plurals), so
//! the coder finds candidate patterns with one hash lookup per token. [`load`] reads the files;
//! [`forms`] generates word forms.

pub mod forms;
mod load;

use crate::builtin;
use crate::cameo::EventCode;
use crate::dict::{DictError, DictErrorKind, DictErrors, Origin};
use forms::Forms;
use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Index of a pattern in its dictionary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PatternId(pub u32);

/// Whether a pattern's head is a verb or a noun.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HeadKind {
    /// A verb: the source is the clause's subject.
    Verb,
    /// A noun: the source is a possessor or modifier ("Russia's invasion", "Western sanctions").
    Noun,
}

/// One element of a pattern after its head.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Element {
    /// Any one of these token sequences (lower case); shared, since a synonym set is used by
    /// many patterns.
    Words(Arc<[Vec<Box<str>>]>),
    /// The target (or, with `reverse`, source) slot: an actor mention.
    Slot,
    /// A slot found the way PETRARCH finds a verb's object: the first actor after this point
    /// in the clause, across any words and prepositions (patterns translated from PETRARCH
    /// dictionaries, which name no position for the target). Last in a pattern and with no
    /// actor to bind, it leaves the event without a target.
    Object,
    /// PETRARCH's `^`: skip one phrase. An actor right here (after an article, if any) is passed
    /// over with those coordinated with it; a slot after a skip is found the way
    /// [`Element::Object`] is.
    Skip,
}

/// Words that must stand before a pattern's head, nearest last (PETRARCH's words before `*`:
/// "- UNEXPECTEDLY &NEGATION * ..."). Matched backwards from the head with the usual small gaps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Before {
    /// Any one of these token sequences (lower case).
    pub words: Arc<[Vec<Box<str>>]>,
    /// Nothing may stand between these words and what follows them (the next [`Before`] or the
    /// head): PETRARCH's `_` ("RECENTLY_*").
    pub adjacent: bool,
}

/// A compiled pattern.
#[derive(Clone, Debug)]
pub struct VerbPattern {
    /// The event it produces.
    pub code: EventCode,
    /// Verb or noun head.
    pub head: HeadKind,
    /// The head word's lemma (or singular), as written.
    pub lemma: Box<str>,
    /// What must precede the head, in text order (empty for axis's own patterns).
    pub before: Vec<Before>,
    /// What follows the head.
    pub elements: Vec<Element>,
    /// The slot actor is the source; the subject (or possessor) the target.
    pub reverse: bool,
    /// Done by several actors together, it is done to each other (`| mutual`).
    pub mutual: bool,
    /// Word forms one of which the clause must contain, if any.
    pub requires: Vec<Box<str>>,
    /// The pattern as written, for `explain`.
    pub text: Box<str>,
    /// Where it was written.
    pub origin: Origin,
}

impl VerbPattern {
    /// Whether the pattern has a slot.
    pub fn has_slot(&self) -> bool {
        self.elements.iter().any(|e| matches!(e, Element::Slot | Element::Object))
    }

    /// How much of a sentence the pattern pins down: the fewest words each element can match
    /// (a slot counts one), before and after the head. More specific patterns are tried first.
    pub fn weight(&self) -> usize {
        let shortest = |alts: &[Vec<Box<str>>]| alts.iter().map(Vec::len).min().unwrap_or(0);
        let after: usize = self
            .elements
            .iter()
            .map(|e| match e {
                Element::Words(alts) => shortest(alts),
                Element::Slot | Element::Object => 1,
                Element::Skip => 0,
            })
            .sum();
        after + self.before.iter().map(|b| shortest(&b.words)).sum::<usize>()
    }
}

/// Compiled verb dictionaries.
#[derive(Clone, Debug, Default)]
pub struct VerbDictionary {
    files: Vec<PathBuf>,
    patterns: Vec<VerbPattern>,
    /// Head form → patterns, longest first.
    by_head: FxHashMap<Box<str>, Vec<PatternId>>,
    forms: Forms,
    /// The lemma of every head form, for the passive check.
    lemma_of: FxHashMap<Box<str>, Box<str>>,
}

impl VerbDictionary {
    /// The verb dictionaries that ship with axis.
    pub fn builtin() -> Result<VerbDictionary, DictErrors> {
        let mut sources: Vec<(PathBuf, String)> = Vec::new();
        for (path, text) in builtin::files_under(&["verbs/"]) {
            sources.push((Path::new("dict").join(path), text.to_string()));
        }
        VerbDictionary::from_sources(sources)
    }

    /// Every `*.txt` file in `dir` (recursively), in sorted order.
    pub fn load_dir(dir: &Path) -> Result<VerbDictionary, DictErrors> {
        let mut files = Vec::new();
        let mut errors = Vec::new();
        super::collect_txt(dir, false, &mut files).unwrap_or_else(|e| {
            errors.push(DictError {
                path: dir.to_path_buf(),
                line: 0,
                kind: DictErrorKind::Io(e.to_string()),
            })
        });
        files.sort();
        let mut sources = Vec::new();
        for f in files {
            match std::fs::read_to_string(&f) {
                Ok(t) => sources.push((f, t)),
                Err(e) => errors.push(DictError { path: f, line: 0, kind: DictErrorKind::Io(e.to_string()) }),
            }
        }
        if !errors.is_empty() {
            return Err(DictErrors(errors));
        }
        VerbDictionary::from_sources(sources)
    }

    /// Compiles dictionary texts given as `(path, text)`: forms files first, then patterns.
    pub fn from_sources(sources: Vec<(PathBuf, String)>) -> Result<VerbDictionary, DictErrors> {
        let mut reader = load::Reader::default();
        // Forms (irregulars, plurals, synonyms) may be used by any pattern file: read them first.
        for pass in [true, false] {
            for (path, text) in &sources {
                let file = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
                if file.starts_with("forms") == pass {
                    reader.read(path, text, pass);
                }
            }
        }
        reader.finish()
    }

    /// Compiles patterns translated from another format (see `crate::petrarch`), with the
    /// irregular word forms they need; `files` are the paths their [`Origin`]s index.
    pub fn from_patterns(files: Vec<PathBuf>, patterns: Vec<VerbPattern>, forms: Forms) -> VerbDictionary {
        load::Reader::with_parts(files, forms, patterns).index()
    }

    /// All patterns.
    pub fn patterns(&self) -> &[VerbPattern] {
        &self.patterns
    }

    /// One pattern.
    pub fn pattern(&self, id: PatternId) -> &VerbPattern {
        &self.patterns[id.0 as usize]
    }

    /// Patterns whose head has this (lower-case) form, longest first.
    pub fn candidates(&self, form: &str) -> &[PatternId] {
        self.by_head.get(form).map_or(&[], Vec::as_slice)
    }

    /// Whether a (lower-case) word is the past participle of the lemma of pattern `id`.
    pub fn is_participle(&self, id: PatternId, word: &str) -> bool {
        self.forms.is_participle(&self.pattern(id).lemma, word)
    }

    /// The lemma of a head form, if it heads any pattern.
    pub fn lemma(&self, form: &str) -> Option<&str> {
        self.lemma_of.get(form).map(|s| &**s)
    }

    /// The file an entry came from.
    pub fn path(&self, origin: Origin) -> &Path {
        &self.files[origin.file as usize]
    }

    /// Distinct CAMEO codes reachable by some pattern.
    pub fn codes(&self) -> Vec<EventCode> {
        let mut c: Vec<EventCode> = self.patterns.iter().map(|p| p.code).collect();
        c.sort();
        c.dedup();
        c
    }
}

#[cfg(test)]
mod tests;

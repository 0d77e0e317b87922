//! Actor dictionaries: who can be named, by which phrases, when.
//!
//! A [`Dictionary`] is built once — from the dictionaries axis ships ([`Dictionary::builtin`]), a
//! directory of files in the same format ([`Dictionary::load_dir`]), or text in memory — and then
//! shared read-only by every sentence. It holds the [`Entity`]s (actors, agents, people, stop
//! lists) and a [`PhraseMatcher`] that finds their phrases in tokens. The format is specified in
//! `dict/README.md`; [`load`] reads it; every problem is a [`DictError`] with file and line.

mod entity;
mod error;
mod load;
mod matcher;
pub mod verbs;

pub use entity::{Code, Entity, EntityId, EntityKind, Meaning, Origin, Role, Usage};
pub use error::{DictError, DictErrorKind, DictErrors};
pub use matcher::{CaseRule, Pattern, PhraseMatch, PhraseMatcher};
pub use verbs::{VerbDictionary, VerbPattern};

use crate::text::{normalize, tokenize_into};
use crate::when::DateRange;
use std::path::{Path, PathBuf};

/// A compiled set of actor dictionaries.
#[derive(Clone, Debug)]
pub struct Dictionary {
    files: Vec<PathBuf>,
    entities: Vec<Entity>,
    matcher: PhraseMatcher,
    rules: PhraseRules,
}

/// How noun phrases compose, where dictionary traditions differ. axis's own dictionaries use the
/// default; PETRARCH dictionaries read noun phrases the way PETRARCH does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PhraseRules {
    /// Agents followed by "from" or "in" and a name are that name's agents ("soldiers from A" is
    /// `AMIL`), as PETRARCH codes a noun phrase from its prepositional phrase. axis's own reading
    /// keeps them apart: "withdrew troops from Syria" has Syria as its target.
    pub agents_from_in: bool,
    /// "former" before agents makes them `ELI` (PETRARCH's `FORMER_PRESIDENT [~ELI]`); axis's own
    /// dictionaries code the office ("the former spy chief" is still `SPY`).
    pub former_elite: bool,
}

impl Dictionary {
    /// The dictionaries that ship with axis (the `dict/` folder of its source, compiled in).
    pub fn builtin() -> Result<Dictionary, DictErrors> {
        let mut b = DictionaryBuilder::new();
        for (path, text) in crate::builtin::actor_files() {
            b.add_text(Path::new("dict").join(path), text);
        }
        b.build()
    }

    /// Every `*.txt` file under `dir`, recursively, in sorted order (except the event folders
    /// `verbs/` and `cameo/`, which hold event data).
    pub fn load_dir(dir: impl AsRef<Path>) -> Result<Dictionary, DictErrors> {
        let mut b = DictionaryBuilder::new();
        b.add_dir(dir.as_ref());
        b.build()
    }

    /// All entities, indexed by [`EntityId`].
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// One entity.
    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id.0 as usize]
    }

    /// The compiled phrase matcher.
    pub fn matcher(&self) -> &PhraseMatcher {
        &self.matcher
    }

    /// How noun phrases compose with this dictionary.
    pub fn phrase_rules(&self) -> PhraseRules {
        self.rules
    }

    /// The dictionary with other noun-phrase rules.
    pub fn with_phrase_rules(mut self, rules: PhraseRules) -> Dictionary {
        self.rules = rules;
        self
    }

    /// The file an entry came from.
    pub fn path(&self, origin: Origin) -> &Path {
        &self.files[origin.file as usize]
    }

    /// The files read, in order.
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }
}

/// Collects dictionary files and compiles them into a [`Dictionary`].
#[derive(Debug, Default)]
pub struct DictionaryBuilder {
    files: Vec<PathBuf>,
    entities: Vec<Entity>,
    matcher: PhraseMatcher,
    errors: Vec<DictError>,
    last_header_ok: bool,
    scratch_tokens: Vec<crate::text::Token>,
    scratch_norm: String,
    scratch_lower: String,
}

impl DictionaryBuilder {
    /// An empty builder.
    pub fn new() -> DictionaryBuilder {
        DictionaryBuilder::default()
    }

    /// Adds dictionary text; `path` names it in errors.
    pub fn add_text(&mut self, path: impl Into<PathBuf>, text: &str) -> &mut Self {
        let file = self.files.len() as u32;
        self.files.push(path.into());
        self.last_header_ok = true;
        self.read_text(file, text);
        self
    }

    /// Adds one file.
    pub fn add_file(&mut self, path: &Path) -> &mut Self {
        match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => {
                    self.add_text(path, &text);
                }
                Err(e) => self.errors.push(DictError {
                    path: path.to_path_buf(),
                    line: line_of(e.as_bytes(), e.utf8_error().valid_up_to()),
                    kind: DictErrorKind::NotUtf8 { offset: e.utf8_error().valid_up_to() },
                }),
            },
            Err(e) => self.errors.push(DictError {
                path: path.to_path_buf(),
                line: 0,
                kind: DictErrorKind::Io(e.to_string()),
            }),
        }
        self
    }

    /// Adds every `*.txt` file under `dir` (recursively, sorted); a file path is added as is.
    pub fn add_dir(&mut self, dir: &Path) -> &mut Self {
        if dir.is_file() {
            return self.add_file(dir);
        }
        let mut files = Vec::new();
        if let Err(e) = collect_txt(dir, true, &mut files) {
            self.errors.push(DictError {
                path: dir.to_path_buf(),
                line: 0,
                kind: DictErrorKind::Io(e.to_string()),
            });
            return self;
        }
        if files.is_empty() {
            self.errors.push(DictError {
                path: dir.to_path_buf(),
                line: 0,
                kind: DictErrorKind::Io("no *.txt dictionary files here".into()),
            });
        }
        files.sort();
        for f in files {
            self.add_file(&f);
        }
        self
    }

    /// Checks the collected entries against each other and compiles them.
    pub fn build(mut self) -> Result<Dictionary, DictErrors> {
        self.check_entities();
        self.check_conflicts();
        if !self.errors.is_empty() {
            return Err(DictErrors(self.errors));
        }
        Ok(Dictionary {
            files: self.files,
            entities: self.entities,
            matcher: self.matcher,
            rules: PhraseRules::default(),
        })
    }

    /// Registers a file whose entries are added by another reader (the PETRARCH readers);
    /// returns its index for [`Origin::file`].
    pub(crate) fn add_file_name(&mut self, path: impl Into<PathBuf>) -> u32 {
        self.files.push(path.into());
        (self.files.len() - 1) as u32
    }

    /// Adds an entity read by another reader; returns its index for [`Self::add_phrase`].
    pub(crate) fn push_entity(&mut self, entity: Entity) -> usize {
        self.entities.push(entity);
        self.entities.len() - 1
    }

    /// Compiles without the cross-block checks: for dictionaries in other formats, where one
    /// phrase in several entries is normal and resolved by date (see `crate::petrarch`).
    pub(crate) fn build_unchecked(self) -> Dictionary {
        Dictionary {
            files: self.files,
            entities: self.entities,
            matcher: self.matcher,
            rules: PhraseRules::default(),
        }
    }

    /// Compiles one phrase of entity `idx`.
    pub(crate) fn add_phrase(
        &mut self,
        idx: usize,
        phrase: &str,
        usage: Usage,
        agent: Code,
        valid: DateRange,
        origin: Origin,
    ) -> Result<(), DictErrorKind> {
        let meaning = Meaning { entity: EntityId(idx as u32), usage, agent, valid, origin };
        if is_plain_lower_words(phrase) {
            // Lower-case letters between single spaces (most PETRARCH phrases once lower-cased)
            // tokenize into exactly those words, each matching any case: skip the tokenizer.
            let case = vec![CaseRule::Any; phrase.split(' ').count()].into_boxed_slice();
            self.matcher.insert(phrase.split(' '), Pattern { case, meaning });
            return Ok(());
        }
        normalize::normalize_into(phrase, &mut self.scratch_norm, &mut Default::default());
        normalize::lower_same_len_into(&self.scratch_norm, &mut self.scratch_lower);
        self.scratch_tokens.clear();
        tokenize_into(&self.scratch_norm, &mut self.scratch_tokens);
        if self.scratch_tokens.is_empty() {
            return Err(DictErrorKind::Syntax(format!("'{phrase}' has no words")));
        }
        let case: Box<[CaseRule]> = self.scratch_tokens.iter().map(|&t| CaseRule::of(t)).collect();
        let lower = &self.scratch_lower;
        let keys = self.scratch_tokens.iter().map(|t| &lower[t.span.range()]);
        self.matcher.insert(keys, Pattern { case, meaning });
        Ok(())
    }

    fn check_entities(&mut self) {
        let mut errs = Vec::new();
        for e in &self.entities {
            if e.kind == EntityKind::Person && e.roles.is_empty() {
                errs.push((e.origin, format!("person '{}' has no role: line", e.name)));
            }
        }
        for (o, m) in errs {
            self.error_at(o, DictErrorKind::Syntax(m));
        }
    }

    /// Two blocks claiming one phrase at the same time is a bug in the dictionary, except where
    /// people are involved (surnames are shared; dates and titles pick the meaning).
    fn check_conflicts(&mut self) {
        let mut errs = Vec::new();
        for ids in self.matcher.shared_nodes() {
            for (i, &a) in ids.iter().enumerate() {
                for &b in &ids[i + 1..] {
                    let (pa, pb) =
                        (&self.matcher.patterns()[a as usize], &self.matcher.patterns()[b as usize]);
                    let (ma, mb) = (pa.meaning, pb.meaning);
                    if pa.case != pb.case || ma.entity == mb.entity {
                        continue;
                    }
                    let (ka, kb) =
                        (self.entities[ma.entity.0 as usize].kind, self.entities[mb.entity.0 as usize].kind);
                    if ka == EntityKind::Person || kb == EntityKind::Person {
                        // Names people share with each other or with places ("Colombo") are
                        // resolved by dates and titles, not forbidden.
                        continue;
                    }
                    if overlaps(ma.valid, mb.valid) {
                        let other = &self.entities[ma.entity.0 as usize];
                        let path = self.files[ma.origin.file as usize].display();
                        errs.push((
                            mb.origin,
                            format!(
                                "this phrase also means '{}' ({}:{}) over overlapping dates; give them disjoint FROM..TO ranges",
                                other.name, path, ma.origin.line
                            ),
                        ));
                    }
                }
            }
        }
        for (o, m) in errs {
            self.error_at(o, DictErrorKind::Conflict(m));
        }
    }

    fn error_at(&mut self, o: Origin, kind: DictErrorKind) {
        let path = self.files[o.file as usize].clone();
        self.errors.push(DictError { path, line: o.line as usize, kind });
    }
}

/// Whether `phrase` is words of lower-case ASCII letters separated by single spaces.
pub(crate) fn is_plain_lower_words(phrase: &str) -> bool {
    let b = phrase.as_bytes();
    !b.is_empty()
        && b[0] != b' '
        && b[b.len() - 1] != b' '
        && b.iter().all(|&c| c.is_ascii_lowercase() || c == b' ')
        && !phrase.contains("  ")
}

fn overlaps(a: DateRange, b: DateRange) -> bool {
    let starts_before_b_ends = match (a.from, b.to) {
        (Some(f), Some(t)) => f <= t,
        _ => true,
    };
    let b_starts_before_a_ends = match (b.from, a.to) {
        (Some(f), Some(t)) => f <= t,
        _ => true,
    };
    starts_before_b_ends && b_starts_before_a_ends
}

fn line_of(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset.min(bytes.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Every `*.txt` file under `dir` (or `dir` itself when it is a file), recursively, in the order
/// the folder lists them (callers sort). With `top`, the event folders (`verbs/`, `cameo/`,
/// `import/`) right under `dir` are left out: what an actor dictionary folder holds.
pub(crate) fn collect_txt(dir: &Path, top: bool, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if dir.is_file() {
        out.push(dir.to_path_buf());
        return Ok(());
    }
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if top && crate::builtin::EVENT_FOLDERS.iter().any(|f| f.trim_end_matches('/') == name) {
                continue;
            }
            collect_txt(&path, false, out)?;
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;

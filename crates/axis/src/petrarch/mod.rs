//! PETRARCH compatibility: bring-your-own PETRARCH/TABARI dictionaries, PETRARCH XML input and
//! scoring against its gold-standard records.
//!
//! The readers translate PETRARCH files *into axis's own structures* — actors and agents into a
//! [`Dictionary`], verb patterns into a [`VerbDictionary`] — so the one axis coder codes with
//! them; there is no second coder. Each reader is line-based, never stops at a bad line and
//! reports it as a [`DictError`] with file and line:
//!
//! - [`actors`]: `PHRASE [CODE]`, `+SYNONYM` lines, `[CODE 20000507-20080507]`, `[CODE <YYMMDD]`,
//!   `[CODE >YYMMDD]` date restrictions, resolved by date.
//! - [`agents`]: `PHRASE {PLURALS} [~CODE]`, `!NAME! = a, b` substitutions.
//! - [`verbs`]: synsets (`&NAME` / `+WORD`), `--- VERB [CODE] ---` blocks with verb and compound
//!   verb lines, `- PRE * POST [CODE]` patterns.
//! - [`discards`] and [`issues`]: phrases that drop a sentence or story; issue phrases.
//! - [`xml`]: the `<Sentences>` record format with `<EventCoding>` gold and optional `<Parse>`.
//! - [`validate`]: the community's scoring protocol.
//!
//! [`Petrarch::load`] reads a set of files named by [`PetrarchFiles`]; problems (malformed lines)
//! and notes (well-formed entries axis cannot express, such as `[---]` patterns) are kept apart so
//! a user sees what was skipped and why. Every code a verb dictionary declares is emitted, CAMEO
//! or its own ([`crate::cameo::EventCode::user_defined`]).

pub mod actors;
pub mod agents;
pub mod discards;
pub mod issues;
pub mod validate;
pub mod verbs;
pub mod xml;

use crate::code::Coded;
use crate::dict::{
    Code, DictError, DictErrorKind, Dictionary, DictionaryBuilder, Entity, EntityKind, Origin, PhraseRules,
};
use crate::dict::{Usage, VerbDictionary};
use crate::text::Document;
use crate::when::{Date, DateRange};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::path::{Path, PathBuf};

pub use discards::Discards;
pub use issues::Issue;

/// The files of a PETRARCH dictionary set, by role.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PetrarchFiles {
    /// Verb dictionaries (`CAMEO.2.0.txt`, `*.verbs.txt`).
    pub verbs: Vec<PathBuf>,
    /// Actor dictionaries (`*.actors.txt`).
    pub actors: Vec<PathBuf>,
    /// Agent dictionaries (`*.agents.txt`).
    pub agents: Vec<PathBuf>,
    /// Discard lists (`*.discards.txt`).
    pub discards: Vec<PathBuf>,
    /// Issue files (`*Issue*.txt`).
    pub issues: Vec<PathBuf>,
}

impl PetrarchFiles {
    /// The production dictionaries in `dir`, by file name: `*verbs*` or `CAMEO*` → verbs,
    /// `*actors*`, `*agents*`, `*discards*`, `*issue*` (case-insensitive). Files named
    /// `PETR.Validate.*` belong to the validation suite and are read only when a records file's
    /// `<Environment>` names them (see [`PetrarchFiles::from_environment`]) or when the folder
    /// has nothing else of that role. `dir` may also be a single verb file.
    pub fn in_dir(dir: &Path) -> std::io::Result<PetrarchFiles> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "txt"))
            .collect();
        names.sort();
        let (mut main, mut validate) = (PetrarchFiles::default(), PetrarchFiles::default());
        for p in names {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("").to_ascii_lowercase();
            let set = if name.starts_with("petr.validate.") { &mut validate } else { &mut main };
            let role = if name.contains("verbs") || name.starts_with("cameo") {
                &mut set.verbs
            } else if name.contains("actors") {
                &mut set.actors
            } else if name.contains("agents") {
                &mut set.agents
            } else if name.contains("discards") {
                &mut set.discards
            } else if name.contains("issue") {
                &mut set.issues
            } else {
                continue;
            };
            role.push(p);
        }
        for (m, v) in [
            (&mut main.verbs, validate.verbs),
            (&mut main.actors, validate.actors),
            (&mut main.agents, validate.agents),
            (&mut main.discards, validate.discards),
            (&mut main.issues, validate.issues),
        ] {
            if m.is_empty() {
                *m = v;
            }
        }
        Ok(main)
    }

    /// The files a records file's `<Environment>` names, looked up in `dir`.
    pub fn from_environment(dir: &Path, env: &xml::Environment) -> PetrarchFiles {
        let at = |v: &Option<String>| v.iter().map(|f| dir.join(f)).collect::<Vec<_>>();
        PetrarchFiles {
            verbs: at(&env.verbs),
            actors: at(&env.actors),
            agents: at(&env.agents),
            discards: at(&env.discards),
            issues: Vec::new(),
        }
    }

    /// Whether no file of any role is named.
    pub fn is_empty(&self) -> bool {
        self.verbs.is_empty() && self.actors.is_empty() && self.agents.is_empty()
    }
}

/// What was read, for `axis dict stats`-like summaries.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    /// Actor entries (a phrase line with its `+` synonyms and codes).
    pub actor_entries: usize,
    /// Actor phrases compiled (each phrase × each dated code).
    pub actor_phrases: usize,
    /// Agent phrases compiled (with generated plurals).
    pub agent_phrases: usize,
    /// Synonym sets.
    pub synsets: usize,
    /// `--- VERB ---` blocks.
    pub verb_blocks: usize,
    /// Verbs and compound verbs listed in blocks.
    pub verbs: usize,
    /// `- ... [CODE]` pattern lines read.
    pub pattern_lines: usize,
    /// axis patterns compiled from them (verbs × codes × target variants).
    pub patterns: usize,
    /// Discard phrases.
    pub discards: usize,
    /// Issue phrases.
    pub issues: usize,
}

/// A loaded PETRARCH dictionary set, translated into axis's structures.
#[derive(Debug)]
pub struct Petrarch {
    /// Actors and agents.
    pub dict: Dictionary,
    /// Verb patterns.
    pub verbs: VerbDictionary,
    /// The codes back of paired `[A:B]` patterns.
    pub paired: verbs::Paired,
    /// Sentence- and story-level discards.
    pub discards: Discards,
    /// Issue phrases (read and checked; axis does not code issues yet).
    pub issues: Vec<Issue>,
    /// Malformed lines, skipped.
    pub problems: Vec<DictError>,
    /// Well-formed entries axis cannot express (`[---]` patterns, codes that are not letters and
    /// digits, transformations), skipped.
    pub notes: Vec<DictError>,
    /// Counts.
    pub stats: Stats,
}

impl Petrarch {
    /// Reads every file of the set. Unreadable files and bad lines are problems, not failures:
    /// the rest is still read.
    pub fn load(files: &PetrarchFiles) -> Petrarch {
        // Actors (with agents) are the most work; verbs, discards and issues are independent of
        // them and together about as much: read them on a second thread.
        let ((dict, mut log, mut stats), (verbs, paired, discards, issues, vlog, dlog, vstats)) =
            std::thread::scope(|scope| {
                let rest = scope.spawn(|| {
                    let (mut log, mut stats) = (Log::default(), Stats::default());
                    let mut verbs = verbs::VerbReader::default();
                    for p in &files.verbs {
                        if let Some(text) = read(p, &mut log) {
                            verbs.read(p, &text, &mut log, &mut stats);
                        }
                    }
                    let (verbs, paired) = verbs.finish(&mut stats);
                    // Discard and issue problems come after the verbs', as they always have.
                    let mut dlog = Log::default();
                    let mut discards = Discards::default();
                    for p in &files.discards {
                        if let Some(text) = read(p, &mut dlog) {
                            discards.read(p, &text, &mut dlog);
                        }
                    }
                    let mut issues = Vec::new();
                    for p in &files.issues {
                        if let Some(text) = read(p, &mut dlog) {
                            issues::read(p, &text, &mut issues, &mut dlog);
                        }
                    }
                    (verbs, paired, discards, issues, log, dlog, stats)
                });
                let (mut log, mut stats) = (Log::default(), Stats::default());
                let mut actors = ActorCompiler::default();
                for p in &files.actors {
                    if let Some(text) = read(p, &mut log) {
                        let file = actors.builder.add_file_name(p);
                        actors::read(&mut actors, file, p, &text, &mut log, &mut stats);
                    }
                }
                for p in &files.agents {
                    if let Some(text) = read(p, &mut log) {
                        let file = actors.builder.add_file_name(p);
                        agents::read(&mut actors, file, p, &text, &mut log, &mut stats);
                    }
                }
                // PETRARCH codes a noun phrase from everything in it, prepositional phrases included.
                let rules = PhraseRules { agents_from_in: true, former_elite: true };
                let actors = (actors.builder.build_unchecked().with_phrase_rules(rules), log, stats);
                // The other thread only reads and compiles text; a panic there is a bug worth seeing.
                (actors, rest.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            });
        for l in [vlog, dlog] {
            log.problems.extend(l.problems);
            log.notes.extend(l.notes);
        }
        stats.synsets = vstats.synsets;
        stats.verb_blocks = vstats.verb_blocks;
        stats.verbs = vstats.verbs;
        stats.pattern_lines = vstats.pattern_lines;
        stats.patterns = vstats.patterns;
        stats.discards = discards.len();
        stats.issues = issues.len();
        Petrarch { dict, verbs, paired, discards, issues, problems: log.problems, notes: log.notes, stats }
    }
}

impl Petrarch {
    /// PETRARCH's rules that act after coding: events of sentences (or stories) hit by a discard
    /// phrase are dropped, a paired `[A:B]` pattern adds its event back (target to source), and
    /// with `require_dyad` (PETRARCH's default) events without a target are dropped.
    pub fn apply(&self, doc: &Document, coded: &mut Coded, require_dyad: bool) {
        let mut out = Vec::with_capacity(coded.events.len());
        for e in coded.events.drain(..) {
            if self.discards.hit(doc, e.sentence).is_some() || (require_dyad && e.target.is_none()) {
                continue;
            }
            if let (Some(back), Some(target)) = (self.paired.back(e.pattern), e.target.clone()) {
                let mut b = e.clone();
                b.code = back;
                b.target = Some(std::mem::replace(&mut b.source, target));
                out.push(e);
                out.push(b);
            } else {
                out.push(e);
            }
        }
        coded.events = out;
    }
}

fn read(path: &Path, log: &mut Log) -> Option<String> {
    match std::fs::read(path) {
        // PETRARCH files are ASCII in practice; a stray Latin-1 byte must not lose the file.
        // Valid UTF-8 (the common case) is taken as is, without the lossy copy.
        Ok(bytes) => Some(
            String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
        ),
        Err(e) => {
            log.problem(path, 0, DictErrorKind::Io(e.to_string()));
            None
        }
    }
}

/// Problems and notes collected while reading.
#[derive(Debug, Default)]
pub(crate) struct Log {
    pub(crate) problems: Vec<DictError>,
    pub(crate) notes: Vec<DictError>,
}

impl Log {
    pub(crate) fn problem(&mut self, path: &Path, line: usize, kind: DictErrorKind) {
        self.problems.push(DictError { path: path.to_path_buf(), line, kind });
    }

    pub(crate) fn syntax(&mut self, path: &Path, line: usize, m: impl Into<String>) {
        self.problem(path, line, DictErrorKind::Syntax(m.into()));
    }

    pub(crate) fn note(&mut self, path: &Path, line: usize, m: impl Into<String>) {
        self.notes.push(DictError { path: path.to_path_buf(), line, kind: DictErrorKind::Syntax(m.into()) });
    }
}

/// Feeds actor and agent entries into a [`DictionaryBuilder`], one entity per (kind, code).
#[derive(Debug, Default)]
pub(crate) struct ActorCompiler {
    builder: DictionaryBuilder,
    entities: FxHashMap<(Code, bool), usize>,
    /// The phrase being added, as words (reused: one allocation for all phrases).
    scratch: String,
}

impl ActorCompiler {
    /// Adds `phrase` (PETRARCH spelling: `_` joins words; case is ignored) as a name of `code`.
    pub(crate) fn add(
        &mut self,
        kind: EntityKind,
        code: Code,
        phrase: &str,
        valid: DateRange,
        usage: Usage,
        origin: Origin,
    ) -> Result<(), DictErrorKind> {
        let mut words = std::mem::take(&mut self.scratch);
        words_into(phrase, &mut words);
        let key = (code, kind == EntityKind::Agent);
        let idx = match self.entities.get(&key) {
            Some(&i) => i,
            None => {
                let i = self.builder.push_entity(Entity {
                    kind,
                    code,
                    name: words.clone(),
                    valid: DateRange::ALWAYS,
                    roles: Vec::new(),
                    origin,
                });
                self.entities.insert(key, i);
                i
            }
        };
        // PETRARCH matches upper-cased text, so every phrase is case-insensitive: lower case.
        // Actor phrases are plain names (measured on the unit-test records: as demonyms, which
        // compose more freely, 2.5 points fewer records come out right), or group names.
        let added = self.builder.add_phrase(idx, &words, usage, Code::default(), valid, origin);
        self.scratch = words;
        added
    }
}

/// Lines of a PETRARCH file without `#` comments and `<!-- ... -->` blocks (which may span
/// lines), trimmed, with their 1-based numbers; empty lines are left out. A line is borrowed
/// from `text` unless a comment block sat inside it.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = (usize, Cow<'_, str>)> + '_ {
    let mut in_comment = false;
    text.lines().enumerate().filter_map(move |(n, raw)| {
        let line = if !in_comment && !raw.contains("<!--") {
            // The common case: no comment block, nothing to copy.
            Cow::Borrowed(raw)
        } else {
            let mut out = String::new();
            let mut rest = raw;
            loop {
                if in_comment {
                    match rest.find("-->") {
                        Some(i) => {
                            rest = &rest[i + 3..];
                            in_comment = false;
                        }
                        None => break,
                    }
                } else {
                    match rest.find("<!--") {
                        Some(i) => {
                            out.push_str(&rest[..i]);
                            rest = &rest[i + 4..];
                            in_comment = true;
                        }
                        None => {
                            out.push_str(rest);
                            break;
                        }
                    }
                }
            }
            Cow::Owned(out)
        };
        let line = match line {
            Cow::Borrowed(b) => Cow::Borrowed(uncommented(b)),
            Cow::Owned(o) => Cow::Owned(uncommented(&o).to_string()),
        };
        (!line.is_empty()).then_some((n + 1, line))
    })
}

/// `line` without a `#` comment, trimmed.
fn uncommented(line: &str) -> &str {
    line[..line.find('#').unwrap_or(line.len())].trim()
}

/// Whether [`words_of`] would find a word in `phrase` (without building the words).
pub(crate) fn has_words(phrase: &str) -> bool {
    phrase.split(|c: char| c == '_' || c.is_whitespace()).any(|w| !w.is_empty())
}

/// A PETRARCH phrase as axis words: `_` joins words, case is ignored (`GAZA_CITY` → `gaza city`).
pub(crate) fn words_of(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len());
    words_into(phrase, &mut out);
    out
}

/// [`words_of`] into `out` (cleared first).
fn words_into(phrase: &str, out: &mut String) {
    out.clear();
    if phrase.is_ascii() {
        // Dictionary files are ASCII in practice: copy each word whole and lower-case its bytes.
        // (ASCII `char` whitespace is these six bytes; `u8::is_ascii_whitespace` leaves out
        // vertical tab.)
        let gap = |c: char| matches!(c, '_' | ' ' | '\t' | '\n' | '\x0B' | '\x0C' | '\r');
        for w in phrase.split(gap).filter(|w| !w.is_empty()) {
            if !out.is_empty() {
                out.push(' ');
            }
            let from = out.len();
            out.push_str(w);
            out[from..].make_ascii_lowercase();
        }
        return;
    }
    for w in phrase.split(|c: char| c == '_' || c.is_whitespace()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
}

/// A PETRARCH date: `YYYYMMDD`, or `YYMMDD` with 00–29 read as 2000–2029 and 30–99 as 1930–1999.
pub(crate) fn parse_date(s: &str) -> Option<Date> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().ok();
    let (year, rest) = match s.len() {
        8 => (num(0..4)? as i32, 4),
        6 => {
            let yy = num(0..2)? as i32;
            (if yy < 30 { 2000 + yy } else { 1900 + yy }, 2)
        }
        _ => return None,
    };
    Date::new(year, num(rest..rest + 2)?, num(rest + 2..rest + 4)?)
}

#[cfg(test)]
mod tests;

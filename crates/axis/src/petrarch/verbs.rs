//! PETRARCH verb dictionaries (`CAMEO.2.0.txt`, `PETR.Validate.verbs.txt`) translated into axis
//! [`VerbPattern`]s.
//!
//! ```text
//! &CURRENCY                       # a synonym set: + lines, `_` joins words, +&OTHER embeds
//! +DOLLAR
//! +SWISS_FRANC
//!
//! --- RESTORE [064] ---           # a block: its code is the verb's default ([---]: none)
//! RESTORE                         # the verbs of the block share its patterns
//! RENEW {RENEWS RENEWED}          # irregular forms
//! +CALL_OFF [160]                 # a compound verb: + marks the verb, the rest are particles
//! - * DIPLOMATIC TIES [064]       # a pattern: words before and after the verb (*)
//! - $ * (AID TO +) [070:071]      # $ source, + target, % compound; [A:B] a paired event
//! ```
//!
//! The translation (each difference from PETRARCH2 is deliberate, see the README):
//! - words after `*` become the pattern's words in order, with axis's usual small gaps between
//!   them; words joined by `_` (synonym sets included: `NEW_&TIETYPES_RELATIONS`) must be
//!   adjacent and become one element of word sequences; `(...)` and `{...}` only group; `^`
//!   skips a phrase ([`Element::Skip`]: an actor standing there, or nothing);
//! - words before `*` become the pattern's [`Before`] words, matched backwards from the verb
//!   with the same gaps (none after a trailing `_`: `RECENTLY_*`); a negation among them is the
//!   pattern's meaning (`- &NEGATVAUXVRB * ... [904]`), so the event is not negated; a compound
//!   verb's words before its `+` word stand right before it;
//! - `+` after the verb is the target slot; `$` after the verb is a slot holding the source
//!   (`reverse`); `+` before the verb makes the subject the target (`reverse`);
//! - a pattern with no slot gets an object slot ([`Element::Object`]): the first actor after
//!   its words in the clause, across any words — PETRARCH takes the target from the verb's
//!   object or prepositional phrase;
//! - `%` makes the pattern mutual (a compound subject acts on each other), and a version
//!   without a slot is kept for "A and B agreed";
//! - `[A:B]` codes A from subject to target and, from the same match, B back ([`Paired`]);
//! - every code the dictionary declares is emitted, CAMEO or its own (`[345]`, `[075A]`: see
//!   [`EventCode::user_defined`]); a "code" that is not letters and digits (`[025?]`, `[+++]`)
//!   is skipped with a note; `[---]` patterns are skipped with a note.

use super::{Log, Stats};
use crate::cameo::EventCode;
use crate::dict::verbs::forms::Forms;
use crate::dict::verbs::{Before, Element, HeadKind, PatternId, VerbDictionary, VerbPattern};
use crate::dict::Origin;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Most token sequences one `_`-joined pattern token may stand for (synonym sets multiply).
const MAX_ALTERNATIVES: usize = 4096;

/// A verb of a block.
#[derive(Clone, Debug)]
struct Head {
    lemma: String,
    /// Words after the verb word in a compound verb (`+CALL_OFF` → `off`).
    particles: Vec<Box<str>>,
    /// The words before the verb word in a compound verb (`KLM_NOP_+RST` → `klm nop`), which
    /// must stand right before it.
    before: Vec<Box<str>>,
    /// The verb line's own code, overriding the block's.
    code: Option<Codes>,
}

/// `[A]`, `[A:B]`, `[---]`: the code from subject to target and the paired code back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Codes {
    forward: Option<EventCode>,
    back: Option<EventCode>,
}

struct Block {
    default: Option<Codes>,
    heads: Vec<Head>,
    line: usize,
    file: u32,
    text: String,
}

/// Accumulates synonym sets and patterns from verb files.
#[derive(Default)]
pub(crate) struct VerbReader {
    files: Vec<PathBuf>,
    forms: Forms,
    synsets: FxHashMap<String, Arc<[Vec<Box<str>>]>>,
    patterns: Vec<VerbPattern>,
    paired: Paired,
}

/// The paired codes of `[A:B]` patterns: when the pattern makes event A from source to target,
/// B goes from target to source ("left for X" [032:033]: a visit, and a visit received).
#[derive(Clone, Debug, Default)]
pub struct Paired(FxHashMap<PatternId, EventCode>);

impl Paired {
    /// The code back, if the pattern has one.
    pub fn back(&self, pattern: PatternId) -> Option<EventCode> {
        self.0.get(&pattern).copied()
    }

    /// Number of paired patterns.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl VerbReader {
    /// Reads one verb file: its synonym sets first (a pattern may use a set defined further
    /// down), then its blocks.
    pub(crate) fn read(&mut self, path: &Path, text: &str, log: &mut Log, stats: &mut Stats) {
        let file = self.files.len() as u32;
        self.files.push(path.to_path_buf());
        let lines: Vec<(usize, Cow<str>)> = super::lines(text).collect();
        self.read_synsets(path, &lines, log, stats);
        let mut block: Option<Block> = None;
        let mut in_synset = false;
        for (n, line) in &lines {
            let n = *n;
            if line.starts_with("---") {
                in_synset = false;
                if let Some(b) = block.take() {
                    self.finish_block(b);
                }
                match block_code(line) {
                    Ok(Err(e)) => {
                        log.note(path, n, format!("{e}: the block has no default event"));
                        stats.verb_blocks += 1;
                        block = Some(Block {
                            default: None,
                            heads: Vec::new(),
                            line: n,
                            file,
                            text: line.to_string(),
                        });
                    }
                    Ok(Ok(default)) => {
                        stats.verb_blocks += 1;
                        block =
                            Some(Block { default, heads: Vec::new(), line: n, file, text: line.to_string() });
                    }
                    Err(m) => log.syntax(path, n, m),
                }
                continue;
            }
            if line.starts_with('&') {
                in_synset = true;
                if let Some(b) = block.take() {
                    self.finish_block(b);
                }
                continue;
            }
            if line.starts_with('~') {
                log.note(path, n, "PETRARCH2 transformation: not supported, skipped");
                continue;
            }
            if in_synset {
                continue; // read in the first pass
            }
            let Some(b) = block.as_mut() else {
                log.syntax(path, n, "a line outside any --- VERB --- block or &SYNSET");
                continue;
            };
            if let Some(p) = line.strip_prefix('-') {
                stats.pattern_lines += 1;
                if b.heads.is_empty() {
                    log.syntax(path, n, "a pattern before any verb in its block");
                    continue;
                }
                let origin = Origin { file, line: n as u32 };
                match self.pattern(p, line, origin, &b.heads, log, path) {
                    Ok(()) => {}
                    Err(m) => log.syntax(path, n, m),
                }
                continue;
            }
            match head(line, &mut self.forms, log, path, n) {
                Ok(h) => {
                    stats.verbs += 1;
                    b.heads.push(h);
                }
                Err(m) => log.syntax(path, n, m),
            }
        }
        if let Some(b) = block.take() {
            self.finish_block(b);
        }
    }

    fn read_synsets(&mut self, path: &Path, lines: &[(usize, Cow<str>)], log: &mut Log, stats: &mut Stats) {
        let mut current: Option<String> = None;
        let mut raw: Vec<(String, Vec<(usize, String)>)> = Vec::new();
        for (n, line) in lines {
            if line.starts_with("---") || line.starts_with('-') && !line.starts_with("-&") {
                current = None;
                continue;
            }
            if let Some(name) = line.strip_prefix('&') {
                let name = synset_name(name);
                if name.is_empty() || name.contains(char::is_whitespace) {
                    log.syntax(path, *n, format!("'&{name}' is not a synonym set name"));
                    current = None;
                    continue;
                }
                current = Some(name.clone());
                raw.push((name, Vec::new()));
                continue;
            }
            if current.is_some() {
                match line.strip_prefix('+') {
                    Some(item) => {
                        raw.last_mut().expect("a set is open").1.push((*n, item.trim().to_string()))
                    }
                    None => current = None, // a verb line: the set ended
                }
            }
        }
        // Embedded sets (`+&OTHER`) may name a set defined later: resolve after collecting.
        let names: FxHashMap<String, Vec<(usize, String)>> = raw.iter().cloned().collect();
        for (name, items) in &raw {
            let mut alts = Vec::new();
            let mut seen = vec![name.clone()];
            expand_items(items, &names, &mut seen, &mut alts, path, log);
            if alts.is_empty() {
                log.syntax(path, items.first().map_or(0, |i| i.0), format!("&{name} has no words"));
            }
            stats.synsets += 1;
            self.synsets.insert(name.clone(), alts.into());
        }
    }

    /// The block's default patterns for each verb: `VERB [target]`.
    fn finish_block(&mut self, b: Block) {
        for h in &b.heads {
            let Some(codes) = h.code.or(b.default) else { continue };
            let origin = Origin { file: b.file, line: b.line as u32 };
            self.emit(h, codes, Vec::new(), Vec::new(), Slotting::Default, false, &b.text, origin);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn pattern(
        &mut self,
        body: &str,
        text: &str,
        origin: Origin,
        heads: &[Head],
        log: &mut Log,
        path: &Path,
    ) -> Result<(), String> {
        let open = body.rfind('[').ok_or("a pattern needs a [CODE]")?;
        let close = body[open..].find(']').map(|i| open + i).ok_or("'[' without ']'")?;
        if !body[close + 1..].trim().is_empty() {
            return Err(format!("unexpected '{}' after the code", body[close + 1..].trim()));
        }
        let codes = match codes(&body[open + 1..close]) {
            Ok(c) => c,
            Err(e) => {
                log.note(path, origin.line as usize, format!("{e}: pattern skipped"));
                return Ok(());
            }
        };
        // `(...)` and `{...}` only group; `_` joins words that must be adjacent; markers stand
        // alone even when joined ("SUGGESTED_+", "*_UP").
        let mut spaced = body[..open].replace(['(', ')', '{', '}'], " ");
        for m in ['*', '+', '$', '%'] {
            spaced = spaced.replace(m, &format!(" {m} "));
        }
        let tokens: Vec<&str> = spaced.split_whitespace().collect();
        let star = tokens.iter().position(|t| *t == "*").ok_or("a pattern needs a '*' for the verb")?;
        if tokens[star + 1..].contains(&"*") {
            return Err("two '*' in one pattern".into());
        }
        let (pre, post) = (&tokens[..star], &tokens[star + 1..]);
        let mut reverse = false;
        let mut mutual = false;
        let mut before: Vec<Before> = Vec::new();
        for &t in pre {
            match t {
                "+" => reverse = true,
                "%" => mutual = true,
                "$" | "^" => {}
                t if t.trim_matches('_').is_empty() => {}
                t => before.push(Before { words: self.joined(t)?, adjacent: t.ends_with('_') }),
            }
        }
        let mut elements = Vec::new();
        let mut slot: Option<bool> = None; // Some(source?) once a slot is placed
        for &t in post {
            match t {
                "+" | "$" => {
                    if slot.is_some() {
                        log.note(
                            path,
                            origin.line as usize,
                            "a second slot: axis binds one, the rest is ignored",
                        );
                        continue;
                    }
                    slot = Some(t == "$");
                    elements.push(Element::Slot);
                }
                "%" => mutual = true,
                "^" => elements.push(Element::Skip),
                t if t.trim_matches('_').is_empty() => {}
                t if t.chars().any(|c| c.is_alphanumeric()) => elements.push(Element::Words(self.joined(t)?)),
                w => return Err(format!("unexpected '{w}' in a pattern")),
            }
        }
        let slotting = match (slot, reverse) {
            (Some(true), _) => Slotting::Given { reverse: true },
            (Some(false), false) => Slotting::Given { reverse: false },
            (Some(false), true) => {
                log.note(path, origin.line as usize, "both the subject and the slot are the target: skipped");
                return Ok(());
            }
            (None, true) => {
                log.note(
                    path,
                    origin.line as usize,
                    "the subject is the target and no source is named: skipped",
                );
                return Ok(());
            }
            (None, false) => Slotting::Default,
        };
        if codes.forward.is_none() && codes.back.is_none() {
            log.note(path, origin.line as usize, "a [---] pattern: axis has no null event, skipped");
            return Ok(());
        }
        for h in heads {
            self.emit(h, codes, before.clone(), elements.clone(), slotting, mutual, text, origin);
        }
        Ok(())
    }

    /// One pattern token: words and synonym sets joined by `_` (adjacent), as the token
    /// sequences it matches ("NEW_&TIETYPES_RELATIONS" → "new economic relations", …).
    fn joined(&self, token: &str) -> Result<Arc<[Vec<Box<str>>]>, String> {
        let mut alts: Vec<Vec<Box<str>>> = vec![Vec::new()];
        for part in token.split('_').filter(|p| !p.is_empty()) {
            let options: Vec<Vec<Box<str>>> = match part.strip_prefix('&') {
                Some(name) => {
                    let name = synset_name(name);
                    self.synsets.get(&name).ok_or_else(|| format!("unknown synonym set &{name}"))?.to_vec()
                }
                None => vec![vec![Box::from(part.to_lowercase().as_str())]],
            };
            if alts.len() * options.len() > MAX_ALTERNATIVES {
                return Err(format!("'{token}' joins too many alternatives (over {MAX_ALTERNATIVES})"));
            }
            alts = alts
                .iter()
                .flat_map(|a| options.iter().map(move |o| a.iter().chain(o).cloned().collect()))
                .collect();
        }
        Ok(alts.into())
    }

    /// Pushes the axis patterns of one verb × one PETRARCH pattern.
    #[allow(clippy::too_many_arguments)]
    fn emit(
        &mut self,
        h: &Head,
        codes: Codes,
        mut before: Vec<Before>,
        elements: Vec<Element>,
        slotting: Slotting,
        mutual: bool,
        text: &str,
        origin: Origin,
    ) {
        // A compound verb's words before its verb word ("KLM_NOP_+RST") stand right before it.
        if !h.before.is_empty() {
            before.push(Before { words: vec![h.before.clone()].into(), adjacent: true });
        }
        let mut full: Vec<Element> =
            h.particles.iter().map(|p| Element::Words(vec![vec![p.clone()]].into())).collect();
        full.extend(elements);
        let mut variants: Vec<(Vec<Element>, bool)> = Vec::new();
        match slotting {
            Slotting::Given { reverse } => variants.push((full, reverse)),
            Slotting::Default => {
                // Without an actor after it, the object slot leaves the event open (no target),
                // kept only where `require_dyad` is off, as in PETRARCH; a mutual pattern also
                // codes a compound subject acting on each other.
                if mutual {
                    variants.push((full.clone(), false));
                }
                full.push(Element::Object);
                variants.push((full, false));
            }
        }
        for (elements, reverse) in variants {
            let has_slot = elements.iter().any(|e| matches!(e, Element::Slot | Element::Object));
            // One pattern per head fires in axis, so a paired code is not a second pattern but
            // a note on the first: the event back is added after coding ([`Paired`]).
            let (code, back, reverse) = match (codes.forward, codes.back) {
                (Some(f), b) => (f, b.filter(|_| has_slot), reverse),
                (None, Some(b)) if has_slot => (b, None, !reverse),
                _ => continue,
            };
            if let Some(b) = back {
                self.paired.0.insert(PatternId(self.patterns.len() as u32), b);
            }
            self.patterns.push(VerbPattern {
                code,
                head: HeadKind::Verb,
                lemma: h.lemma.as_str().into(),
                before: before.clone(),
                elements,
                reverse,
                mutual,
                requires: Vec::new(),
                text: text.into(),
                origin,
            });
        }
    }

    /// Compiles everything read.
    pub(crate) fn finish(self, stats: &mut Stats) -> (VerbDictionary, Paired) {
        stats.patterns = self.patterns.len();
        (VerbDictionary::from_patterns(self.files, self.patterns, self.forms), self.paired)
    }
}

#[derive(Clone, Copy)]
enum Slotting {
    Given { reverse: bool },
    Default,
}

fn synset_name(s: &str) -> String {
    s.trim().trim_end_matches('_').to_ascii_uppercase()
}

fn expand_items(
    items: &[(usize, String)],
    sets: &FxHashMap<String, Vec<(usize, String)>>,
    seen: &mut Vec<String>,
    out: &mut Vec<Vec<Box<str>>>,
    path: &Path,
    log: &mut Log,
) {
    let forms = Forms::default();
    for (n, item) in items {
        if let Some(name) = item.strip_prefix('&') {
            let name = synset_name(name);
            if seen.contains(&name) {
                log.syntax(path, *n, format!("&{name} includes itself"));
                continue;
            }
            match sets.get(&name) {
                Some(inner) => {
                    seen.push(name);
                    expand_items(inner, sets, seen, out, path, log);
                    seen.pop();
                }
                None => log.syntax(path, *n, format!("unknown synonym set &{name}")),
            }
            continue;
        }
        // A trailing `_` means "exactly this"; otherwise the last word's plural matches too.
        let exact = item.ends_with('_');
        let words: Vec<Box<str>> =
            super::words_of(item).split(' ').filter(|w| !w.is_empty()).map(Box::from).collect();
        if words.is_empty() {
            log.syntax(path, *n, "an empty synonym");
            continue;
        }
        let plural = if exact { None } else { forms.noun_forms(&words[words.len() - 1]).into_iter().nth(1) };
        if let Some(f) = plural {
            let mut w = words.clone();
            *w.last_mut().expect("not empty") = f.into();
            out.push(words);
            out.push(w);
        } else {
            out.push(words);
        }
    }
}

/// `--- NAME [CODE] ---` → the block's default codes (inner error: not CAMEO).
fn block_code(line: &str) -> Result<Result<Option<Codes>, CodeError>, String> {
    let open = line.find('[').ok_or("a block header needs a [CODE] ([---] for none)")?;
    let close = line[open..].find(']').map(|i| open + i).ok_or("'[' without ']'")?;
    Ok(codes(&line[open + 1..close]).map(|c| (c.forward.is_some() || c.back.is_some()).then_some(c)))
}

/// A verb line: `WORD {FORMS} [CODE]` or a compound `+WORD_PARTICLE {+FORMS_PARTICLE}`.
fn head(line: &str, forms: &mut Forms, log: &mut Log, path: &Path, n: usize) -> Result<Head, String> {
    let mut rest = line.trim();
    let mut code = None;
    if let Some(open) = rest.find('[') {
        let close = rest[open..].find(']').map(|i| open + i).ok_or("'[' without ']'")?;
        match codes(&rest[open + 1..close]) {
            Ok(c) => code = (c.forward.is_some() || c.back.is_some()).then_some(c),
            Err(e) => log.note(path, n, format!("{e}: the verb has no default event of its own")),
        }
        if !rest[close + 1..].trim().is_empty() {
            return Err(format!("unexpected '{}' after the code", rest[close + 1..].trim()));
        }
        rest = rest[..open].trim();
    }
    let mut listed: Vec<String> = Vec::new();
    if let Some(open) = rest.find('{') {
        let close = rest.rfind('}').filter(|&c| c > open).ok_or("'{' without '}'")?;
        listed = rest[open + 1..close].split_whitespace().map(verb_word).collect();
        rest = rest[..open].trim();
    }
    if rest.is_empty() {
        return Err("a verb line needs a verb".into());
    }
    if rest.contains(['*', '&', '$', '%', '(', ')']) {
        return Err(format!("'{rest}' is not a verb (a pattern line starts with '-')"));
    }
    // Words of a compound may be joined by `_` or, in older files, by spaces ("LASH OUT").
    let parts: Vec<&str> =
        rest.split(|c: char| c == '_' || c.is_whitespace()).filter(|p| !p.is_empty()).collect();
    let at = parts.iter().position(|p| p.starts_with('+')).unwrap_or(0);
    let lemma = parts[at].trim_start_matches('+').to_lowercase();
    if lemma.is_empty() || !lemma.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '\'') {
        return Err(format!("'{rest}' has no verb word"));
    }
    let particles = parts[at + 1..].iter().map(|p| p.to_lowercase().into()).collect();
    let before = parts[..at].iter().map(|p| p.to_lowercase().into()).collect();
    add_forms(forms, &lemma, &listed);
    Ok(Head { lemma, particles, before, code })
}

/// The verb word of a listed form (`+ASKED_FOR` → `asked`, `HURRIED` → `hurried`).
fn verb_word(form: &str) -> String {
    let parts: Vec<&str> = form.split('_').collect();
    let w = parts.iter().find(|p| p.starts_with('+')).unwrap_or(&parts[0]);
    w.trim_start_matches('+').to_lowercase()
}

/// Records listed irregular forms: -ing, -s, and the rest as past (then participle).
fn add_forms(forms: &mut Forms, lemma: &str, listed: &[String]) {
    let (mut third, mut ing, mut past) = (String::new(), String::new(), Vec::new());
    for f in listed {
        if f.ends_with("ing") && !lemma.ends_with("ing") {
            ing.clone_from(f);
        } else if f.ends_with('s') && f.len() > lemma.len() && f.starts_with(&lemma[..lemma.len().min(3)]) {
            third.clone_from(f);
        } else if f != lemma {
            past.push(f.clone());
        }
    }
    match past.as_slice() {
        [] => {
            // Only -s/-ing listed: regular past, but keep the given forms.
            if !third.is_empty() || !ing.is_empty() {
                let regular = Forms::default().verb_forms(lemma);
                let guess_past = regular.iter().find(|f| f.ends_with("ed")).cloned().unwrap_or_default();
                if !guess_past.is_empty() {
                    forms.add_verb(lemma, &guess_past, &guess_past, &third, &ing);
                }
            }
        }
        [p] => forms.add_verb(lemma, p, p, &third, &ing),
        [p, pp, ..] => forms.add_verb(lemma, p, pp, &third, &ing),
    }
}

/// `A`, `A:B`, `---`, `A:---` → codes; an error names a code that is not letters and digits.
fn codes(s: &str) -> Result<Codes, CodeError> {
    let mut it = s.split(':').map(str::trim);
    let one = |c: Option<&str>| -> Result<Option<EventCode>, CodeError> {
        match c {
            None | Some("---") | Some("") => Ok(None),
            // The dictionary declares its codes: CAMEO or its own ("174K", "345", "901").
            Some(c) => EventCode::user_defined(c).map(Some).ok_or_else(|| CodeError(c.to_string())),
        }
    };
    let forward = one(it.next())?;
    let back = one(it.next())?;
    if it.next().is_some() {
        return Err(CodeError(s.to_string()));
    }
    Ok(Codes { forward, back })
}

/// A code that is not an event code (`[025?]`, `[+++]`).
#[derive(Debug)]
struct CodeError(String);

impl std::fmt::Display for CodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "'{}' is not an event code (1 to 6 letters and digits)", self.0)
    }
}

#[cfg(test)]
mod tests;

//! Reading verb dictionary files (`dict/verbs/README.md`) into a [`VerbDictionary`].
//!
//! Like the actor loader, the reader never stops at the first problem: every bad line becomes a
//! [`DictError`] with file and line, and the rest is still read.

use super::{Element, HeadKind, PatternId, VerbDictionary, VerbPattern};
use crate::cameo::EventCode;
use crate::dict::load::strip_comment;
use crate::dict::verbs::forms::Forms;
use crate::dict::{DictError, DictErrorKind, DictErrors, Origin};
use crate::text::tokenize_into;
use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};

/// Word sequences any one of which matches.
type Alternatives = Vec<Vec<Box<str>>>;

/// Accumulates files, forms and patterns.
#[derive(Default)]
pub(super) struct Reader {
    files: Vec<PathBuf>,
    forms: Forms,
    synonyms: FxHashMap<String, (Alternatives, Origin)>,
    patterns: Vec<VerbPattern>,
    errors: Vec<DictError>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    None,
    Irregular,
    Plural,
    Synonyms,
    Code(EventCode),
}

impl Reader {
    /// Reads one file: a forms file (`forms*.txt`) when `forms`, else a pattern file.
    pub(super) fn read(&mut self, path: &Path, text: &str, forms: bool) {
        let file = self.files.len() as u32;
        self.files.push(path.to_path_buf());
        let mut section = Section::None;
        for (n, raw) in text.lines().enumerate() {
            let origin = Origin { file, line: n as u32 + 1 };
            let line = strip_comment(raw).trim();
            if line.is_empty() {
                continue;
            }
            if line.starts_with('[') {
                match self.header(line, forms) {
                    Ok(s) => section = s,
                    Err(m) => {
                        self.error(origin, DictErrorKind::Syntax(m));
                        section = Section::None;
                    }
                }
                continue;
            }
            let result = match section {
                Section::None => Err("a line before any [header] block".to_string()),
                Section::Irregular => self.irregular(line),
                Section::Plural => self.plural(line),
                Section::Synonyms => self.synonym(line, origin),
                Section::Code(code) => self.pattern(code, line, origin),
            };
            if let Err(m) = result {
                self.error(origin, DictErrorKind::Syntax(m));
            }
        }
    }

    fn header(&self, line: &str, forms: bool) -> Result<Section, String> {
        let close = line.find(']').ok_or("header without a closing ']'")?;
        let inside = line[1..close].trim();
        match (inside, forms) {
            ("irregular", true) => Ok(Section::Irregular),
            ("plural", true) => Ok(Section::Plural),
            ("synonyms", true) => Ok(Section::Synonyms),
            ("irregular" | "plural" | "synonyms", false) => {
                Err(format!("[{inside}] belongs in a forms*.txt file"))
            }
            (code, false) => {
                let c = EventCode::new(code).ok_or_else(|| {
                    format!("'{code}' is not a CAMEO event code (want 2 to 4 digits: 04, 042, 0211)")
                })?;
                if line[close + 1..].trim().is_empty() {
                    return Err("header needs a name after ']'".into());
                }
                Ok(Section::Code(c))
            }
            (other, true) => Err(format!("unknown section [{other}] (want irregular, plural or synonyms)")),
        }
    }

    fn irregular(&mut self, line: &str) -> Result<(), String> {
        let w: Vec<&str> = line.split_whitespace().collect();
        match w.as_slice() {
            [lemma, past, pp] => self.forms.add_verb(lemma, past, pp, "", ""),
            [lemma, past, pp, third, ing] => self.forms.add_verb(lemma, past, pp, third, ing),
            _ => return Err("want: lemma past participle [3rd-person -ing]".into()),
        }
        Ok(())
    }

    fn plural(&mut self, line: &str) -> Result<(), String> {
        match line.split_whitespace().collect::<Vec<_>>().as_slice() {
            [s, p] => {
                self.forms.add_plural(s, p);
                Ok(())
            }
            _ => Err("want: singular plural".into()),
        }
    }

    fn synonym(&mut self, line: &str, origin: Origin) -> Result<(), String> {
        let (name, rest) = line.split_once(char::is_whitespace).ok_or("want: &NAME word word ...")?;
        if !name.starts_with('&') || name.len() < 2 {
            return Err(format!("'{name}' is not a synonym name (want &NAME)"));
        }
        // Comma-separated when there are commas (so items may have several words), else words.
        let items: Vec<&str> = if rest.contains(',') {
            rest.split(',').map(str::trim).filter(|s| !s.is_empty()).collect()
        } else {
            rest.split_whitespace().collect()
        };
        if items.is_empty() {
            return Err(format!("{name} has no words"));
        }
        let alts: Vec<Vec<Box<str>>> = items.iter().map(|i| words(i)).filter(|a| !a.is_empty()).collect();
        match self.synonyms.get_mut(name) {
            Some((existing, _)) => {
                // The same set may be extended by several files.
                for a in alts {
                    if !existing.contains(&a) {
                        existing.push(a);
                    }
                }
            }
            None => {
                self.synonyms.insert(name.to_string(), (alts, origin));
            }
        }
        Ok(())
    }

    fn pattern(&mut self, code: EventCode, line: &str, origin: Origin) -> Result<(), String> {
        let (phrase, options) = split_options(line)?;
        let (keyword, rest) = phrase.split_once(char::is_whitespace).ok_or("want: verb|noun PHRASE")?;
        let head = match keyword {
            "verb" => HeadKind::Verb,
            "noun" => HeadKind::Noun,
            k => return Err(format!("unknown keyword '{k}' (want verb or noun)")),
        };
        let pieces = pieces(rest)?;
        let (first, tail) = pieces.split_first().ok_or("a pattern needs a head word")?;
        let lemmas: Vec<&str> = match first.as_str() {
            p if p.starts_with('{') => {
                p.trim_matches(|c| c == '{' || c == '}').split('|').map(str::trim).collect()
            }
            p if p == "+" || p.starts_with('&') => {
                return Err("a pattern starts with its head word, not a slot or synonym set".into())
            }
            p => vec![p],
        };
        for l in &lemmas {
            if words(l).len() != 1 || l.chars().any(|c| c.is_uppercase()) {
                return Err(format!("head '{l}' must be one lower-case word"));
            }
        }
        let mut elements = Vec::new();
        for p in tail {
            match p.as_str() {
                "+" => {
                    if elements.contains(&Element::Slot) {
                        return Err("only one '+' slot per pattern".into());
                    }
                    elements.push(Element::Slot);
                }
                "a" | "an" | "the" => {} // articles are optional: the gap allowance absorbs them
                p if p.starts_with('&') => {
                    let (alts, _) = self.synonyms.get(p).ok_or_else(|| format!("unknown synonym set {p}"))?;
                    elements.push(Element::Words(alts.clone().into()));
                }
                p if p.starts_with('{') => {
                    let alts = p.trim_matches(|c| c == '{' || c == '}').split('|').map(|a| words(a.trim()));
                    elements.push(Element::Words(alts.filter(|a| !a.is_empty()).collect::<Vec<_>>().into()));
                }
                p => elements.push(Element::Words(vec![words(p)].into())),
            }
        }
        let mut reverse = false;
        let mut mutual = false;
        let mut requires = Vec::new();
        for o in options {
            match o.as_str() {
                "reverse" => reverse = true,
                "mutual" => mutual = true,
                w if !w.is_empty() && w.chars().all(|c| c.is_alphabetic() || c == '-') => {
                    let w = w.to_lowercase();
                    requires.extend(self.forms.verb_forms(&w).into_iter().map(Box::from));
                    requires.extend(self.forms.noun_forms(&w).into_iter().map(Box::from));
                }
                o => return Err(format!("unknown option '{o}' (want reverse, mutual or a word)")),
            }
        }
        if reverse && !elements.contains(&Element::Slot) {
            return Err("'reverse' needs a '+' slot".into());
        }
        for lemma in lemmas {
            self.patterns.push(VerbPattern {
                code,
                head,
                lemma: lemma.into(),
                before: Vec::new(),
                elements: elements.clone(),
                reverse,
                mutual,
                requires: requires.clone(),
                text: line.into(),
                origin,
            });
        }
        Ok(())
    }

    fn error(&mut self, o: Origin, kind: DictErrorKind) {
        let path = self.files[o.file as usize].clone();
        self.errors.push(DictError { path, line: o.line as usize, kind });
    }

    /// A reader holding patterns built elsewhere, ready for [`Reader::index`].
    pub(super) fn with_parts(files: Vec<PathBuf>, forms: Forms, patterns: Vec<VerbPattern>) -> Reader {
        Reader { files, forms, patterns, ..Reader::default() }
    }

    /// Indexes the patterns by every form of their head.
    pub(super) fn finish(self) -> Result<VerbDictionary, DictErrors> {
        if !self.errors.is_empty() {
            return Err(DictErrors(self.errors));
        }
        Ok(self.index())
    }

    /// Indexes the patterns by every form of their head (errors already checked).
    pub(super) fn index(self) -> VerbDictionary {
        // The forms of each head, computed once per distinct lemma (the Phoenix verbs have
        // ~50,000 patterns over ~2,000 lemmas); the first pattern in file order names a form's
        // lemma.
        let mut forms_of: FxHashMap<(HeadKind, &str), Vec<String>> = FxHashMap::default();
        let mut lemma_of: FxHashMap<Box<str>, Box<str>> = FxHashMap::default();
        for p in &self.patterns {
            forms_of.entry((p.head, &p.lemma)).or_insert_with(|| {
                let forms = match p.head {
                    HeadKind::Verb => self.forms.verb_forms(&p.lemma),
                    HeadKind::Noun => self.forms.noun_forms(&p.lemma),
                };
                for f in &forms {
                    lemma_of.entry(f.as_str().into()).or_insert_with(|| p.lemma.clone());
                }
                forms
            });
        }
        // Longest first (the words a pattern pins down, `VerbPattern::weight`), then a `| WORD` condition, then a slot, then file order.
        // Sorting all patterns once and filling the lists in that order leaves every list sorted.
        // The keys are computed once, side by side, so the sort compares plain tuples.
        let mut order: Vec<_> = (self.patterns.iter().enumerate())
            .map(|(i, p)| (std::cmp::Reverse(p.weight()), p.requires.is_empty(), !p.has_slot(), i as u32))
            .collect();
        order.sort_unstable();
        let mut by_head: FxHashMap<Box<str>, Vec<PatternId>> = FxHashMap::default();
        by_head.reserve(lemma_of.len());
        for (.., i) in order {
            let p = &self.patterns[i as usize];
            for f in &forms_of[&(p.head, &*p.lemma)] {
                match by_head.get_mut(f.as_str()) {
                    // A form listed twice for one lemma would repeat the id: skip it.
                    Some(ids) if ids.last() == Some(&PatternId(i)) => {}
                    Some(ids) => ids.push(PatternId(i)),
                    None => {
                        by_head.insert(f.as_str().into(), vec![PatternId(i)]);
                    }
                }
            }
        }
        VerbDictionary { files: self.files, patterns: self.patterns, by_head, forms: self.forms, lemma_of }
    }
}

/// Splits `phrase | opt | opt`, ignoring `|` inside `{...}`.
fn split_options(line: &str) -> Result<(&str, Vec<String>), String> {
    let mut depth = 0i32;
    let mut cut = None;
    for (i, c) in line.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            '|' if depth == 0 => {
                cut = Some(i);
                break;
            }
            _ => {}
        }
        if depth < 0 {
            return Err("'}' without '{'".into());
        }
    }
    match cut {
        None if depth != 0 => Err("'{' without '}'".into()),
        None => Ok((line.trim(), Vec::new())),
        Some(i) => {
            let opts = line[i + 1..].split('|').map(|o| o.trim().to_string()).collect();
            Ok((line[..i].trim(), opts))
        }
    }
}

/// The pattern's pieces: words, `+`, `&NAME`, and `{a|b}` groups kept whole.
fn pieces(s: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '{' => {
                depth += 1;
                cur.push(c);
            }
            '}' => {
                depth -= 1;
                cur.push(c);
                if depth < 0 {
                    return Err("'}' without '{'".into());
                }
            }
            c if c.is_whitespace() && depth == 0 => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if depth != 0 {
        return Err("'{' without '}'".into());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Lower-case tokens of a word or phrase, by the text tokenizer.
fn words(s: &str) -> Vec<Box<str>> {
    let mut toks = Vec::new();
    tokenize_into(s, &mut toks);
    toks.iter().map(|t| s[t.span.range()].to_lowercase().into_boxed_str()).collect()
}

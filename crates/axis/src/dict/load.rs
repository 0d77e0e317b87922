//! Reading axis's dictionary format (specified in `dict/README.md`) into a [`DictionaryBuilder`].
//!
//! The reader is line-based and never stops at the first problem: each bad line becomes a
//! [`DictError`] with its file and line, and the rest of the file is still read, so `axis dict
//! check` can list every problem at once.

use super::entity::{Code, Entity, EntityKind, Origin, Role, Usage};
use super::error::{DictError, DictErrorKind};
use super::DictionaryBuilder;
use crate::when::DateRange;

/// An option on a pattern line, after `|`.
#[derive(Default)]
struct Options {
    usage: Option<Usage>,
    agent: Option<Code>,
    valid: Option<DateRange>,
}

impl DictionaryBuilder {
    /// Reads one dictionary file's text. `file` is its index in the builder's file list.
    pub(crate) fn read_text(&mut self, file: u32, text: &str) {
        let mut current: Option<usize> = None; // index into self.entities
        let mut seen_in_block: Vec<String> = Vec::new();
        for (n, raw_line) in text.lines().enumerate() {
            let line_no = n + 1;
            let origin = Origin { file, line: line_no as u32 };
            let line = strip_comment(raw_line).trim();
            if line.is_empty() {
                continue;
            }
            if line.starts_with('[') {
                seen_in_block.clear();
                current = match self.read_header(line, origin) {
                    Ok(entity) => {
                        self.entities.push(entity);
                        Some(self.entities.len() - 1)
                    }
                    Err(kind) => {
                        self.error(file, line_no, kind);
                        None
                    }
                };
                continue;
            }
            let Some(idx) = current else {
                // Lines after a bad header are skipped silently: the header error explains them.
                if self.entities.is_empty() || self.last_header_ok {
                    self.error(file, line_no, syntax("a line before any [header] block"));
                    self.last_header_ok = false;
                }
                continue;
            };
            if let Some((keyword, value)) = keyword_line(line) {
                if let Err(kind) = self.read_keyword(idx, keyword, value.trim()) {
                    self.error(file, line_no, kind);
                }
                continue;
            }
            let key = line.split('|').next().unwrap_or("").trim().to_string();
            if seen_in_block.contains(&key) {
                self.error(
                    file,
                    line_no,
                    DictErrorKind::Conflict(format!("'{key}' appears twice in this block")),
                );
                continue;
            }
            match self.read_pattern(idx, line, origin) {
                Ok(()) => seen_in_block.push(key),
                Err(kind) => self.error(file, line_no, kind),
            }
        }
    }

    fn read_header(&mut self, line: &str, origin: Origin) -> Result<Entity, DictErrorKind> {
        self.last_header_ok = false;
        let close = line.find(']').ok_or_else(|| syntax("header without a closing ']'"))?;
        let inside = line[1..close].trim();
        let name = line[close + 1..].trim().to_string();
        let mut words = inside.split_whitespace();
        let first = words.next().ok_or_else(|| syntax("empty header '[]'"))?;
        let (kind, code) = match first {
            "person" => (EntityKind::Person, Code::default()),
            "stop" => (EntityKind::Stop, Code::default()),
            "agent" => {
                let c = words.next().ok_or_else(|| syntax("'[agent]' needs a code: [agent GOV]"))?;
                (EntityKind::Agent, parse_code(c)?)
            }
            c => (EntityKind::Actor, parse_code(c)?),
        };
        if let Some(extra) = words.next() {
            return Err(syntax(format!("unexpected '{extra}' in header")));
        }
        if name.is_empty() && kind != EntityKind::Stop {
            return Err(syntax("header needs a name after ']'"));
        }
        self.last_header_ok = true;
        Ok(Entity { kind, code, name, valid: DateRange::ALWAYS, roles: Vec::new(), origin })
    }

    fn read_keyword(&mut self, idx: usize, keyword: &str, value: &str) -> Result<(), DictErrorKind> {
        let entity = &mut self.entities[idx];
        match (keyword, entity.kind) {
            ("valid", EntityKind::Actor) => {
                entity.valid = parse_range(value)?;
                Ok(())
            }
            ("role", EntityKind::Person) => {
                let mut parts = value.splitn(3, char::is_whitespace);
                let code = parse_code(parts.next().unwrap_or(""))?;
                if code.as_str().len() < 3 {
                    return Err(DictErrorKind::BadCode("a role needs a code like RUSGOV".into()));
                }
                let term = parse_range(parts.next().ok_or_else(|| syntax("role: CODE FROM..TO Title"))?)?;
                let title = parts.next().unwrap_or("").trim().to_string();
                entity.roles.push(Role { code, term, title });
                Ok(())
            }
            ("valid" | "role", _) => {
                Err(syntax(format!("'{keyword}:' is not allowed in a {} block", kind_name(entity.kind))))
            }
            _ => Err(syntax(format!("unknown keyword '{keyword}:' (known: valid:, role:)"))),
        }
    }

    fn read_pattern(&mut self, idx: usize, line: &str, origin: Origin) -> Result<(), DictErrorKind> {
        let mut parts = line.split('|');
        let phrase = parts.next().unwrap_or("").trim();
        if phrase.is_empty() {
            return Err(syntax("empty phrase before '|'"));
        }
        let kind = self.entities[idx].kind;
        let mut opts = Options::default();
        for opt in parts {
            let opt = opt.trim();
            let bad_here = || syntax(format!("option '{opt}' is not allowed in a {} block", kind_name(kind)));
            match opt {
                "" => return Err(syntax("empty option after '|'")),
                "demonym" if kind == EntityKind::Actor => set(&mut opts.usage, Usage::Demonym, opt)?,
                "title" if kind == EntityKind::Agent => set(&mut opts.usage, Usage::Title, opt)?,
                "surname" if kind == EntityKind::Person => set(&mut opts.usage, Usage::Surname, opt)?,
                "titled" if kind == EntityKind::Person => set(&mut opts.usage, Usage::Titled, opt)?,
                "demonym" | "title" | "surname" | "titled" => return Err(bad_here()),
                o if o.contains("..") => {
                    if !matches!(kind, EntityKind::Actor | EntityKind::Agent) {
                        return Err(bad_here());
                    }
                    if opts.valid.replace(parse_range(o)?).is_some() {
                        return Err(syntax("two date ranges on one line"));
                    }
                }
                o if Code::new(o).is_some() => {
                    if kind != EntityKind::Actor {
                        return Err(bad_here());
                    }
                    if opts.agent.replace(parse_code(o)?).is_some() {
                        return Err(syntax("two agent codes on one line"));
                    }
                }
                o => {
                    return Err(syntax(format!(
                    "unknown option '{o}' (want demonym, title, surname, titled, an agent code or FROM..TO)"
                )))
                }
            }
        }
        let usage = opts.usage.unwrap_or(match kind {
            EntityKind::Person => Usage::FullName,
            EntityKind::Stop => Usage::Stop,
            _ => Usage::Name,
        });
        self.add_phrase(
            idx,
            phrase,
            usage,
            opts.agent.unwrap_or_default(),
            opts.valid.unwrap_or_default(),
            origin,
        )
    }

    fn error(&mut self, file: u32, line: usize, kind: DictErrorKind) {
        let path = self.files[file as usize].clone();
        self.errors.push(DictError { path, line, kind });
    }
}

fn set(slot: &mut Option<Usage>, usage: Usage, opt: &str) -> Result<(), DictErrorKind> {
    if slot.replace(usage).is_some() {
        return Err(syntax(format!("'{opt}' conflicts with another option on this line")));
    }
    Ok(())
}

fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Actor => "actor",
        EntityKind::Agent => "agent",
        EntityKind::Person => "person",
        EntityKind::Stop => "stop",
    }
}

fn syntax(m: impl Into<String>) -> DictErrorKind {
    DictErrorKind::Syntax(m.into())
}

fn parse_code(s: &str) -> Result<Code, DictErrorKind> {
    Code::new(s).ok_or_else(|| {
        DictErrorKind::BadCode(format!(
            "'{s}' is not a code (want 3-character parts of A-Z, 0-9 or '-': RUS, RUSGOV, IGOUNO)"
        ))
    })
}

fn parse_range(s: &str) -> Result<DateRange, DictErrorKind> {
    DateRange::parse(s.trim()).map_err(|e| DictErrorKind::BadDate(e.to_string()))
}

/// `keyword: value`, when the line starts with a bare word and a colon.
fn keyword_line(line: &str) -> Option<(&str, &str)> {
    let (k, v) = line.split_once(':')?;
    let is_word = !k.is_empty() && k.bytes().all(|b| b.is_ascii_lowercase());
    (is_word && (v.is_empty() || v.starts_with(' ') || v.starts_with('\t'))).then_some((k, v))
}

/// The line without its comment: `#` at the start or after whitespace. Shared by every
/// dictionary format axis reads.
pub(crate) fn strip_comment(line: &str) -> &str {
    let b = line.as_bytes();
    for i in 0..b.len() {
        if b[i] == b'#' && (i == 0 || b[i - 1].is_ascii_whitespace()) {
            return &line[..i];
        }
    }
    line
}

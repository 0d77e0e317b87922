//! Given syntax: parses that come with the input — Universal Dependencies (CoNLL-U, the
//! UniversalPetrarch input) and Penn Treebank brackets (a PETRARCH record's `<Parse>`) — reduced
//! to what the coder needs: for each verb, its subject, its objects and, for a passive, its `by`
//! agent ([`Frame`]).
//!
//! A parse has its own words; [`align`] places them in a [`Document`]'s normalised text (in
//! order, so repeated words align to the right occurrence) and maps each to the axis token it
//! falls in. PTB escapes (`-LRB-`, ``` `` ```, `''`) are read back as the characters they
//! stand for, clitics split differently (`do` `n't`, `U.S` `.`) land in the same token, and a word
//! that cannot be found (a parse of a slightly different text) is left unaligned, never guessed.
//!
//! With `--use-parse` the coder ([`crate::code::Coder::use_parse`]) takes the source and target
//! of a verb from its frame instead of its own shallow syntax (see `code/syntax.rs`).

pub mod penn;
pub mod ud;

use crate::text::Document;
use std::fmt;
use std::path::{Path, PathBuf};

/// One verb's grammatical relations, as word indices of its [`ParsedSentence`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Frame {
    /// The verb (or, for a copula clause, the predicate word).
    pub verb: usize,
    /// The words of its subject's noun phrase (without modifiers that are clauses or
    /// prepositional phrases); inherited from the governing verb for controlled and coordinated
    /// verbs ("refused *to help*", "condemned … and *promised*"). Empty: no subject in the parse.
    pub subject: Vec<usize>,
    /// The words of its objects: direct and indirect objects and prepositional objects, each
    /// with everything it contains ("met the envoy *of Gondor*").
    pub objects: Vec<usize>,
    /// The words of the verb's own phrase — everything it governs but its subject and the
    /// verbs coordinated with it: objects, prepositional phrases, complement clauses.
    pub scope: Vec<usize>,
    /// For a passive, the words of the `by` agent.
    pub agent: Vec<usize>,
    /// Whether the verb is passive (its subject is the one acted on).
    pub passive: bool,
}

/// A parsed sentence: its words and the frames of its verbs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParsedSentence {
    /// The words (surface forms). The words of a multiword token (CoNLL-U `1-2 del` = `de` `el`)
    /// carry its form once: the first word has it, the others are empty and share its token.
    pub words: Vec<String>,
    /// One frame per verb (and per predicate with a subject).
    pub frames: Vec<Frame>,
}

impl ParsedSentence {
    /// The sentence's words joined by blanks (PTB escapes undone): its text when none is given.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for w in self.words.iter().filter(|w| !w.is_empty()) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(unescape_word(w));
        }
        out
    }
}

/// The parses of one document's sentences, in text order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parse {
    /// The sentences.
    pub sentences: Vec<ParsedSentence>,
}

/// A problem in a parse: the file, the line, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
    }
}

impl std::error::Error for ParseError {}

/// Reads a `<Parse>` element's content: Penn Treebank brackets when it starts with `(`, else
/// CoNLL-U lines (UniversalPetrarch's records). `line` is the line the content starts on in
/// `path`, so errors name the file line.
pub fn read_parse_element(path: &Path, line: usize, text: &str) -> Result<ParsedSentence, ParseError> {
    let trimmed = text.trim_start();
    let skipped_lines = text[..text.len() - trimmed.len()].matches('\n').count();
    if trimmed.starts_with('(') {
        let tree = penn::Tree::parse(trimmed).map_err(|e| ParseError {
            path: path.to_path_buf(),
            line: line + skipped_lines + trimmed[..e.offset.min(trimmed.len())].matches('\n').count(),
            message: format!("Penn Treebank parse: {}", e.message),
        })?;
        Ok(tree.sentence())
    } else {
        let mut words = Vec::new();
        for (i, l) in text.lines().enumerate() {
            let l = l.trim_matches(|c| c == ' ' || c == '\r');
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            let w = ud::Word::parse(l).map_err(|message| ParseError {
                path: path.to_path_buf(),
                line: line + i,
                message: format!("CoNLL-U parse: {message}"),
            })?;
            words.push(w);
        }
        ud::sentence(&words).map_err(|message| ParseError {
            path: path.to_path_buf(),
            line,
            message: format!("CoNLL-U parse: {message}"),
        })
    }
}

/// What a PTB-escaped word stands for in text.
pub fn unescape_word(w: &str) -> &str {
    match w {
        "-LRB-" | "-lrb-" => "(",
        "-RRB-" | "-rrb-" => ")",
        "-LSB-" | "-lsb-" => "[",
        "-RSB-" | "-rsb-" => "]",
        "-LCB-" | "-lcb-" => "{",
        "-RCB-" | "-rcb-" => "}",
        "``" | "''" => "\"",
        "`" => "'",
        w => w,
    }
}

/// For every word of every parsed sentence (in order), the index of the document token it falls
/// in, or `None` when it cannot be found in the text.
pub fn align(doc: &Document, parse: &Parse) -> Vec<Vec<Option<usize>>> {
    let text = doc.text();
    let tokens = doc.tokens();
    let mut cursor = 0usize;
    let mut tok = 0usize; // tokens before this one end before the cursor
    let mut out = Vec::with_capacity(parse.sentences.len());
    for s in &parse.sentences {
        let mut row: Vec<Option<usize>> = Vec::with_capacity(s.words.len());
        for w in &s.words {
            if w.is_empty() {
                // A multiword token's later word: the token of the word before it.
                row.push(row.last().copied().flatten());
                continue;
            }
            let Some((start, end)) = find_word(text, cursor, unescape_word(w)) else {
                row.push(None);
                continue;
            };
            cursor = end;
            while tok < tokens.len() && tokens[tok].span.end as usize <= start {
                tok += 1;
            }
            let hit = (tok < tokens.len() && (tokens[tok].span.start as usize) < end).then_some(tok);
            row.push(hit);
        }
        out.push(row);
    }
    out
}

/// Where `word` next occurs in `text` at or after `from`, allowing only blanks and a few
/// characters of other text (a stray quote) before it; quotes match either kind.
fn find_word(text: &str, from: usize, word: &str) -> Option<(usize, usize)> {
    if word.is_empty() || from > text.len() {
        return None;
    }
    const WINDOW: usize = 24;
    let rest = &text[from..];
    let limit = rest.char_indices().nth(WINDOW).map_or(rest.len(), |(i, _)| i);
    let mut starts = rest[..limit].char_indices().map(|(i, _)| i);
    starts.find_map(|i| {
        let cand = &rest[i..];
        // Not from inside another word ("a" in "Gondor"), unless right where the last word ended
        // ("do" "n't").
        let inside = i > 0
            && word.starts_with(|c: char| c.is_alphanumeric())
            && text[..from + i].chars().next_back().is_some_and(char::is_alphanumeric);
        if inside {
            return None;
        }
        if cand.starts_with(word) {
            return Some((from + i, from + i + word.len()));
        }
        // `''` and `"` for either quote; `'` for a backquote.
        if (word == "\"" && cand.starts_with('\'')) || (word == "'" && cand.starts_with('"')) {
            return Some((from + i, from + i + 1));
        }
        None
    })
}

#[cfg(test)]
mod tests;

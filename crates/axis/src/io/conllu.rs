//! CoNLL-U files (Universal Dependencies; what UniversalPetrarch reads): sentences of word lines
//! separated by blank lines, with `#` comments — `# sent_id = …`, `# text = …`, and the
//! document markers `# newdoc id = …` or `# doc_id = …`, and `# date = …` for the story date.
//!
//! Sentences under one document marker become one document (their `# text`s, one paragraph
//! each); a sentence with no document marker in force is a document of its own, named by its
//! `sent_id`. Each document carries its parse ([`crate::parse::Parse`]), so that `--use-parse`
//! can take subjects and objects from it. A malformed line (a wrong field count, a bad id or
//! head, words out of order) skips its sentence with the file and line; the others are read.

use super::{decode, parse_story_date, Input, InputError, InputErrorKind, ReadOptions};
use crate::parse::{ud, Parse, ParsedSentence};
use crate::text::Document;
use crate::when::Date;
use std::path::Path;

/// One sentence read from a CoNLL-U file.
#[derive(Clone, Debug, Default)]
struct Block {
    sent_id: Option<String>,
    text: Option<String>,
    date: Option<Date>,
    words: Vec<ud::Word>,
    /// Line of the first line of the block.
    line: usize,
    /// The first malformed line and why.
    error: Option<(usize, String)>,
}

/// The document being assembled.
#[derive(Default)]
struct Pending {
    id: Option<String>,
    date: Option<Date>,
    text: String,
    parse: Parse,
}

/// Whether the first bytes of an input look like CoNLL-U: a `# sent_id`/`# text`/`# newdoc`
/// comment, or a first line of ten tab-separated fields starting with `1`.
pub(super) fn sniff(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head);
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    first.starts_with("# sent_id")
        || first.starts_with("# newdoc")
        || first.starts_with("# text =")
        || (first.starts_with("1\t") && first.split('\t').count() == 10)
}

pub(super) fn read(path: &Path, bytes: &[u8], opts: &ReadOptions, on: &mut dyn FnMut(Input)) {
    let Some(text) = decode(path, None, bytes, opts.lossy, on) else { return };
    let mut doc_marker: Option<String> = None;
    let mut pending: Option<Pending> = None;
    let mut block = Block::default();
    let mut count = 0usize;
    let stem = super::doc_stem(path).to_string();
    let mut undated = false;
    let mut emit = |p: Pending, on: &mut dyn FnMut(Input), count: &mut usize| {
        *count += 1;
        let id = p.id.unwrap_or_else(|| format!("{stem}-{count}"));
        let date = p.date.or(opts.date);
        undated |= date.is_none();
        let doc = Document::new(id, p.text, date).with_parse(p.parse);
        on(Input::Document(doc));
    };
    let lines: Vec<&str> = text.lines().chain(std::iter::once("")).collect();
    for (i, raw) in lines.iter().enumerate() {
        let line_no = i + 1;
        let line = raw.trim_end_matches('\r');
        if block.words.is_empty() && block.sent_id.is_none() && block.text.is_none() && block.error.is_none()
        {
            block.line = line_no;
        }
        if line.trim().is_empty() {
            if block.words.is_empty() && block.error.is_none() {
                // Comments only (or nothing): not a sentence.
                block = Block::default();
                continue;
            }
            let b = std::mem::take(&mut block);
            let parsed = match b.error {
                Some((l, m)) => Err((l, m)),
                None => ud::sentence(&b.words).map_err(|m| (b.line, m)),
            };
            match parsed {
                Err((l, m)) => on(Input::Skipped(InputError::new(
                    path,
                    Some(l),
                    InputErrorKind::BadRecord(format!(
                        "CoNLL-U sentence{}: {m}",
                        b.sent_id.as_deref().map(|s| format!(" '{s}'")).unwrap_or_default()
                    )),
                ))),
                Ok(sentence) => {
                    let text = b.text.clone().unwrap_or_else(|| sentence.text());
                    match &doc_marker {
                        // One document per marker: sentences gather until the next marker.
                        Some(id) => {
                            let p = pending.get_or_insert_with(|| Pending {
                                id: Some(id.clone()),
                                ..Pending::default()
                            });
                            push_sentence(p, &text, sentence, b.date);
                        }
                        None => {
                            let mut p = Pending { id: b.sent_id.clone(), ..Pending::default() };
                            push_sentence(&mut p, &text, sentence, b.date);
                            emit(p, on, &mut count);
                        }
                    }
                }
            }
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            let (key, value) = match comment.split_once('=') {
                Some((k, v)) => (k.trim(), v.trim()),
                None => (comment.trim(), ""),
            };
            match key {
                "sent_id" => block.sent_id = Some(value.to_string()),
                "text" => block.text = Some(value.to_string()),
                "date" => match parse_story_date(value) {
                    Some(d) => block.date = Some(d),
                    None => on(Input::Warning(InputError::new(
                        path,
                        Some(line_no),
                        InputErrorKind::BadDate(format!(
                            "'# date = {value}' is not a date I can read; ignored"
                        )),
                    ))),
                },
                "newdoc id" | "newdoc" | "doc_id" => {
                    let id =
                        if value.is_empty() { format!("{stem}-{}", count + 1) } else { value.to_string() };
                    if doc_marker.as_deref() != Some(id.as_str()) || key != "doc_id" {
                        if let Some(p) = pending.take() {
                            emit(p, on, &mut count);
                        }
                    }
                    doc_marker = Some(id);
                }
                _ => {}
            }
            continue;
        }
        if block.error.is_some() {
            continue;
        }
        match ud::Word::parse(line) {
            Ok(w) => block.words.push(w),
            Err(m) => block.error = Some((line_no, m)),
        }
    }
    if let Some(p) = pending.take() {
        emit(p, on, &mut count);
    }
    if count == 0 {
        on(Input::Skipped(InputError::new(path, None, InputErrorKind::EmptyFile)));
    } else if undated {
        // Once per file: a treebank has thousands of sentences without `# date`.
        on(Input::Warning(InputError::new(path, None, InputErrorKind::NoDate)));
    }
}

fn push_sentence(p: &mut Pending, text: &str, sentence: ParsedSentence, date: Option<Date>) {
    if !p.text.is_empty() {
        p.text.push_str("\n\n");
    }
    p.text.push_str(text);
    p.date = p.date.or(date);
    p.parse.sentences.push(sentence);
}

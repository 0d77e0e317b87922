//! Plain-text documents: an optional `Key: value` header block, then the body.

use super::{decode, parse_story_date, Input, InputError, InputErrorKind, ReadOptions};
use crate::text::Document;
use std::path::Path;

/// Header keys recognised at the top of a plain-text document (case-insensitive).
const KEYS: &[&str] = &["date", "title", "source", "url", "id"];

pub(super) fn read(path: &Path, bytes: &[u8], opts: &ReadOptions, on: &mut dyn FnMut(Input)) {
    let Some(text) = decode(path, None, bytes, opts.lossy, on) else { return };
    let (header, body) = split_header(&text);
    let id = super::doc_stem(path).to_string();
    let mut doc_date = None;
    let mut meta: [Option<String>; 4] = Default::default(); // title, source, url, id
    for (line_no, key, value) in header {
        match key.as_str() {
            "date" => match parse_story_date(value) {
                Some(d) => doc_date = Some(d),
                None => on(Input::Warning(InputError::new(
                    path,
                    Some(line_no),
                    InputErrorKind::BadDate(format!("'Date: {value}' is not a date I can read; ignored")),
                ))),
            },
            "title" => meta[0] = Some(value.to_string()),
            "source" => meta[1] = Some(value.to_string()),
            "url" => meta[2] = Some(value.to_string()),
            _ => meta[3] = Some(value.to_string()),
        }
    }
    let date = doc_date.or(opts.date);
    if body.trim().is_empty() {
        on(Input::Skipped(InputError::new(path, None, InputErrorKind::BadRecord("no text".into()))));
        return;
    }
    let [title, source, url, given_id] = meta;
    let mut doc = Document::new(given_id.unwrap_or(id), body, date);
    doc.set_source_offset(text.len() - body.len());
    doc.title = title;
    doc.source = source;
    doc.url = url;
    if date.is_none() {
        on(Input::Warning(InputError::new(path, None, InputErrorKind::NoDate)));
    }
    on(Input::Document(doc));
}

/// Splits a leading block of `Key: value` lines (ended by a blank line) from the body. Returns
/// the header entries as (1-based line, lower-case key, value) and the body. A first line that is
/// not a known header leaves the whole text as body.
fn split_header(text: &str) -> (Vec<(usize, String, &str)>, &str) {
    let mut entries = Vec::new();
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if entries.is_empty() {
                return (entries, text);
            }
            return (entries, &text[offset + line.len()..]);
        }
        let Some((k, v)) = trimmed.split_once(':') else { break };
        let key = k.trim().to_ascii_lowercase();
        if !KEYS.contains(&key.as_str()) {
            break;
        }
        entries.push((i + 1, key, v.trim()));
        offset += line.len();
    }
    if entries.is_empty() {
        (entries, text)
    } else {
        // Header lines ran straight into the body: still a header.
        (entries, &text[offset..])
    }
}

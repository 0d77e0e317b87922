//! JSONL corpora: one document per line, streamed.

use super::{decode, parse_story_date, Input, InputError, InputErrorKind, ReadOptions};
use crate::text::Document;
use serde::Deserialize;
use std::io::BufRead;
use std::path::Path;

#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    date: Option<String>,
    text: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    source: Option<String>,
}

/// Reads records line by line (memory stays flat whatever the corpus size). A read error (a
/// truncated gzip stream) ends the input: it is returned, a line it cut is dropped, and the
/// records before it have been delivered.
pub(super) fn read(
    path: &Path,
    src: &mut dyn BufRead,
    opts: &ReadOptions,
    on: &mut dyn FnMut(Input),
) -> std::io::Result<()> {
    let stem = super::doc_stem(path);
    let mut any = false;
    let mut buf = Vec::new();
    let mut line_no = 0;
    loop {
        buf.clear();
        if src.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        line_no += 1;
        let line = buf.strip_suffix(b"\n").unwrap_or(&buf);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        any = true;
        let Some(text) = decode(path, Some(line_no), line, opts.lossy, on) else { continue };
        let bad =
            |m: String| Input::Skipped(InputError::new(path, Some(line_no), InputErrorKind::BadRecord(m)));
        let rec: Record = match serde_json::from_str(&text) {
            Ok(r) => r,
            Err(e) => {
                on(bad(format!("not a JSON object ({e})")));
                continue;
            }
        };
        let Some(body) = rec.text.filter(|t| !t.trim().is_empty()) else {
            on(bad("no \"text\" field".to_string()));
            continue;
        };
        let id = match rec.id {
            Some(serde_json::Value::String(s)) => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => format!("{stem}:{line_no}"),
        };
        let mut date = None;
        if let Some(d) = rec.date.as_deref().filter(|d| !d.trim().is_empty()) {
            date = parse_story_date(d);
            if date.is_none() {
                on(Input::Warning(InputError::new(
                    path,
                    Some(line_no),
                    InputErrorKind::BadDate(format!("\"date\": \"{d}\" is not a date I can read; ignored")),
                )));
            }
        }
        let date = date.or(opts.date);
        let mut doc = Document::new(id, body, date);
        doc.title = rec.title;
        doc.url = rec.url;
        doc.source = rec.source;
        if date.is_none() {
            on(Input::Warning(InputError::new(path, Some(line_no), InputErrorKind::NoDate)));
        }
        on(Input::Document(doc));
    }
    if !any {
        on(Input::Warning(InputError::new(path, None, InputErrorKind::EmptyFile)));
    }
    Ok(())
}

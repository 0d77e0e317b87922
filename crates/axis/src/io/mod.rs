//! Documents in: plain text files, JSONL corpora and standard input.
//!
//! [`Reader`] turns a path (or `-` for stdin) into [`Document`]s delivered one at a time to a
//! callback, together with warnings and skipped records. A bad record is reported with its file
//! and line and skipped; it never stops the rest of the input.
//!
//! * **Plain text** (`*.txt` and anything not recognised as JSONL): one document per file. An
//!   optional header block of `Key: value` lines at the top (`Date:`, `Title:`, `Source:`, `URL:`,
//!   `ID:`), ended by a blank line, gives its metadata; the body after it is the document.
//! * **JSONL** (`*.jsonl`, `*.ndjson`, or `--format jsonl`): one JSON object per line with `text`
//!   (required), `id`, `date`, `title`, `url`, `source`.
//!
//! The story date is the document's own (header or record); `ReadOptions::date` fills in for
//! documents without one. Story dates accept ISO (`2019-02-02`, with or without a time), `2019/02/02`,
//! `20190202`, `February 2, 2019`, `2 February 2019` and RFC 2822 (`Sat, 02 Feb 2019 10:00:00 GMT`).

mod error;
mod events;
mod jsonl;
mod plain;
mod story_date;

pub use error::{InputError, InputErrorKind};
pub use events::{EventFormat, EventRecord, EventWriter, QuantityRecord, HEADER, PHOENIX_COLUMNS};
pub use story_date::parse_story_date;

use crate::text::Document;
use crate::when::Date;
use std::io::Read;
use std::path::{Path, PathBuf};

/// How to read an input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InputFormat {
    /// By extension (`.jsonl`, `.ndjson` → JSONL) or, for stdin, by the first byte (`{` → JSONL).
    #[default]
    Auto,
    /// One document per file.
    Text,
    /// One JSON document per line.
    Jsonl,
}

/// Options for [`Reader`].
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// Format; `Auto` by default.
    pub format: InputFormat,
    /// Story date for documents that carry none.
    pub date: Option<Date>,
    /// Replace invalid UTF-8 with U+FFFD (and warn) instead of skipping the input.
    pub lossy: bool,
}

/// What reading produces, in input order.
#[derive(Debug)]
pub enum Input {
    /// A document.
    Document(Document),
    /// Something the user should know; the document (if any) was still read.
    Warning(InputError),
    /// A record or file that could not be read and was skipped.
    Skipped(InputError),
}

/// Reads documents from files, folders and stdin.
#[derive(Clone, Debug, Default)]
pub struct Reader {
    opts: ReadOptions,
}

impl Reader {
    /// A reader with these options.
    pub fn new(opts: ReadOptions) -> Reader {
        Reader { opts }
    }

    /// Reads `path` (`-` for stdin; a folder is read recursively, `*.txt`, `*.jsonl`, `*.ndjson`
    /// in sorted order), calling `on` for every document, warning and skipped record.
    pub fn read_path(&self, path: &Path, on: &mut dyn FnMut(Input)) {
        if path == Path::new("-") {
            let mut bytes = Vec::new();
            match std::io::stdin().lock().read_to_end(&mut bytes) {
                Ok(_) => self.read_bytes(Path::new("<stdin>"), &bytes, on),
                Err(e) => on(Input::Skipped(InputError::io(Path::new("<stdin>"), &e))),
            }
            return;
        }
        if path.is_dir() {
            let mut files = Vec::new();
            if let Err(e) = collect(path, &mut files) {
                on(Input::Skipped(InputError::io(path, &e)));
            }
            files.sort();
            if files.is_empty() {
                on(Input::Warning(InputError::new(path, None, InputErrorKind::EmptyFolder)));
            }
            for f in files {
                self.read_file(&f, on);
            }
            return;
        }
        self.read_file(path, on);
    }

    fn read_file(&self, path: &Path, on: &mut dyn FnMut(Input)) {
        match std::fs::read(path) {
            Ok(bytes) => self.read_bytes(path, &bytes, on),
            Err(e) => on(Input::Skipped(InputError::io(path, &e))),
        }
    }

    /// Reads one input already in memory; `path` names it in messages and picks the format.
    pub fn read_bytes(&self, path: &Path, bytes: &[u8], on: &mut dyn FnMut(Input)) {
        let jsonl = match self.opts.format {
            InputFormat::Jsonl => true,
            InputFormat::Text => false,
            InputFormat::Auto => {
                let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
                matches!(ext, "jsonl" | "ndjson")
                    || (path == Path::new("<stdin>")
                        && bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'))
            }
        };
        if jsonl {
            jsonl::read(path, bytes, &self.opts, on);
        } else {
            plain::read(path, bytes, &self.opts, on);
        }
    }
}

/// Decodes UTF-8, or reports where it is not (lossily decoding instead when asked).
fn decode<'a>(
    path: &Path,
    line: Option<usize>,
    bytes: &'a [u8],
    lossy: bool,
    on: &mut dyn FnMut(Input),
) -> Option<std::borrow::Cow<'a, str>> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Some(std::borrow::Cow::Borrowed(s.strip_prefix('\u{FEFF}').unwrap_or(s))),
        Err(e) => {
            let err = InputError::new(path, line, InputErrorKind::NotUtf8 { offset: e.valid_up_to(), lossy });
            if lossy {
                on(Input::Warning(err));
                Some(String::from_utf8_lossy(bytes))
            } else {
                on(Input::Skipped(err));
                None
            }
        }
    }
}

/// The default document id for a file: its stem (`stdin` for standard input).
fn doc_stem(path: &Path) -> &str {
    if path == Path::new("<stdin>") {
        return "stdin";
    }
    path.file_stem().and_then(|s| s.to_str()).unwrap_or("doc")
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e, "txt" | "jsonl" | "ndjson"))
        {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;

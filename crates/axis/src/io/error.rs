//! Input errors: each names the file, the line or record when there is one, and the problem.

use std::fmt;
use std::path::{Path, PathBuf};

/// A problem with an input file or record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    /// The file (`<stdin>` for standard input).
    pub path: PathBuf,
    /// 1-based line (JSONL record, feed item, header line), when the problem is in one.
    pub line: Option<usize>,
    /// What is wrong.
    pub kind: InputErrorKind,
}

/// What is wrong with an input.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum InputErrorKind {
    /// The file could not be read.
    Io(String),
    /// Invalid UTF-8 at this byte offset (of the file, or of the record's line).
    NotUtf8 {
        /// Offset of the first invalid byte.
        offset: usize,
        /// Whether the text was decoded lossily anyway.
        lossy: bool,
    },
    /// A record that cannot be read: a JSONL line that is not a JSON object of the expected
    /// shape, a malformed or empty feed item, a page without text.
    BadRecord(String),
    /// A date that does not parse.
    BadDate(String),
    /// No story date: relative expressions ("last year") cannot be resolved.
    NoDate,
    /// A folder with no files axis reads.
    EmptyFolder,
    /// A file with no documents.
    EmptyFile,
    /// A file whose format cannot be told, or an XML file that is not a feed.
    UnknownFormat(String),
    /// A gzip stream that is truncated or corrupt (the message says what was kept).
    Compressed(String),
    /// A gzip input that decompresses to more than the limit.
    TooLarge {
        /// The limit, in bytes (`ReadOptions::max_decompressed`).
        limit: u64,
        /// What was kept of the input.
        rest: String,
    },
}

impl InputError {
    pub(crate) fn new(path: &Path, line: Option<usize>, kind: InputErrorKind) -> InputError {
        InputError { path: path.to_path_buf(), line, kind }
    }

    pub(crate) fn io(path: &Path, e: &std::io::Error) -> InputError {
        InputError::new(path, None, InputErrorKind::Io(e.to_string()))
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: ", self.path.display(), l)?,
            None => write!(f, "{}: ", self.path.display())?,
        }
        match &self.kind {
            InputErrorKind::Io(e) => write!(f, "cannot read: {e}"),
            InputErrorKind::NotUtf8 { offset, lossy: false } => write!(
                f,
                "not UTF-8 at byte {offset}; skipped (convert it to UTF-8, or pass --lossy to replace bad bytes)"
            ),
            InputErrorKind::NotUtf8 { offset, lossy: true } => {
                write!(f, "not UTF-8 at byte {offset}; bad bytes replaced with U+FFFD")
            }
            InputErrorKind::BadRecord(m) => write!(f, "bad record: {m}; skipped"),
            InputErrorKind::BadDate(m) => write!(f, "{m}"),
            InputErrorKind::NoDate => write!(
                f,
                "no story date (give --date, a 'Date:' header line or a JSONL \"date\"); relative dates like 'last year' stay unresolved"
            ),
            InputErrorKind::EmptyFolder => write!(
                f,
                "no *.txt, *.html, *.htm, *.xhtml, *.xml, *.rss, *.atom, *.rdf, *.jsonl or *.ndjson files (or .gz of them) here"
            ),
            InputErrorKind::EmptyFile => write!(f, "no documents in this file"),
            InputErrorKind::UnknownFormat(m) => write!(f, "{m}"),
            InputErrorKind::Compressed(m) => write!(f, "gzip data is truncated or corrupt ({m})"),
            InputErrorKind::TooLarge { limit, rest } => write!(
                f,
                "decompresses to more than {} (the limit against gzip bombs, ReadOptions::max_decompressed); {rest}",
                size(*limit)
            ),
        }
    }
}

impl std::error::Error for InputError {}

/// A byte count for people: `1 GiB`, `64 MiB`, `100 bytes`.
fn size(bytes: u64) -> String {
    for (unit, name) in [(1u64 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")] {
        if bytes >= unit && bytes % unit == 0 {
            return format!("{} {name}", bytes / unit);
        }
    }
    format!("{bytes} bytes")
}

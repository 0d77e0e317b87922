//! Input errors: each names the file, the line or record when there is one, and the problem.

use std::fmt;
use std::path::{Path, PathBuf};

/// A problem with an input file or record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    /// The file (`<stdin>` for standard input).
    pub path: PathBuf,
    /// 1-based line (JSONL record), when the problem is in one.
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
    /// A JSONL line that is not a JSON object of the expected shape.
    BadRecord(String),
    /// A date that does not parse.
    BadDate(String),
    /// No story date: relative expressions ("last year") cannot be resolved.
    NoDate,
    /// A folder with no files axis reads.
    EmptyFolder,
    /// A file with no documents.
    EmptyFile,
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
            InputErrorKind::EmptyFolder => write!(f, "no *.txt, *.jsonl or *.ndjson files here"),
            InputErrorKind::EmptyFile => write!(f, "no documents in this file"),
        }
    }
}

impl std::error::Error for InputError {}

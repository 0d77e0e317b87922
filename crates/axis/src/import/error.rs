//! Import errors: each names the file (an archive entry as `archive.zip!entry`), the line when the
//! problem is in one, and the reason.

use std::fmt;
use std::path::{Path, PathBuf};

/// A problem with an imported file or row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// The file; for an archive entry, `archive.zip!entry`.
    pub path: PathBuf,
    /// 1-based line, when the problem is in one.
    pub line: Option<u64>,
    /// What is wrong.
    pub kind: ImportErrorKind,
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ImportErrorKind {
    /// The file could not be read.
    Io(String),
    /// The zip archive (or one of its entries) is broken or uses an unsupported method.
    Zip(String),
    /// The archive inflates beyond the limit (a zip bomb, or a limit set too low).
    TooLarge {
        /// The limit in bytes.
        limit: u64,
    },
    /// A line longer than the limit.
    LineTooLong {
        /// Its length in bytes.
        len: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// A row with a column count no known layout has.
    Columns {
        /// Columns found.
        found: usize,
        /// What the layout wants, e.g. "57, 58 or 61".
        expected: String,
    },
    /// A field that does not parse.
    BadField {
        /// The column, as the dataset names it.
        column: &'static str,
        /// The value (cut to 60 characters).
        value: String,
        /// What it should be.
        want: &'static str,
    },
    /// An ICEWS header without a column the import needs.
    MissingColumn(&'static str),
    /// A file with no header row.
    NoHeader,
    /// A text field that is not UTF-8; it was decoded with U+FFFD (warning).
    NotUtf8 {
        /// The column.
        column: &'static str,
    },
    /// An ICEWS country name that no table knows (warning).
    UnknownCountry(String),
    /// An ICEWS sector that the sector table lacks (warning).
    UnknownSector(String),
    /// A CAMEO code that axis's table lacks: no Goldstein score (warning).
    UnknownCode(String),
    /// A bad line in an import table (`dict/import/`).
    BadTable(String),
}

impl ImportError {
    pub(crate) fn new(path: &Path, line: Option<u64>, kind: ImportErrorKind) -> ImportError {
        ImportError { path: path.to_path_buf(), line, kind }
    }

    pub(crate) fn io(path: &Path, e: &std::io::Error) -> ImportError {
        ImportError::new(path, None, ImportErrorKind::Io(e.to_string()))
    }

    /// A field error, the value cut short for the message.
    pub(crate) fn field(
        path: &Path,
        line: u64,
        column: &'static str,
        value: &[u8],
        want: &'static str,
    ) -> Self {
        let text = String::from_utf8_lossy(value);
        let value = match text.char_indices().nth(60) {
            Some((i, _)) => format!("{}…", &text[..i]),
            None => text.into_owned(),
        };
        ImportError::new(path, Some(line), ImportErrorKind::BadField { column, value, want })
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: ", self.path.display(), l)?,
            None => write!(f, "{}: ", self.path.display())?,
        }
        match &self.kind {
            ImportErrorKind::Io(e) => write!(f, "cannot read: {e}"),
            ImportErrorKind::Zip(e) => write!(f, "bad zip archive: {e}"),
            ImportErrorKind::TooLarge { limit } => write!(
                f,
                "uncompressed size exceeds the limit of {limit} bytes (a zip bomb?); \
                 rows before this point were imported (raise the limit with --max-unzipped)"
            ),
            ImportErrorKind::LineTooLong { len, limit } => {
                write!(f, "line of {len} bytes is longer than the limit of {limit}; skipped")
            }
            ImportErrorKind::Columns { found, expected } => {
                write!(f, "{found} columns, expected {expected}; row skipped")
            }
            ImportErrorKind::BadField { column, value, want } => {
                write!(f, "{column} {value:?} is not {want}; row skipped")
            }
            ImportErrorKind::MissingColumn(c) => write!(f, "header has no {c:?} column; file skipped"),
            ImportErrorKind::NoHeader => write!(f, "no header row; file skipped"),
            ImportErrorKind::NotUtf8 { column } => {
                write!(f, "{column} is not valid UTF-8; decoded with replacement characters")
            }
            ImportErrorKind::UnknownCountry(c) => write!(f, "unknown country {c:?}; imported without it"),
            ImportErrorKind::UnknownSector(s) => {
                write!(f, "unknown sector {s:?}; imported without its agent")
            }
            ImportErrorKind::UnknownCode(c) => {
                write!(f, "CAMEO code {c} is not in axis's table; imported without a Goldstein score")
            }
            ImportErrorKind::BadTable(m) => write!(f, "{m}"),
        }
    }
}

impl std::error::Error for ImportError {}

//! Dictionary errors: every one names the file and line it came from.

use std::fmt;
use std::path::PathBuf;

/// One problem in a dictionary file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DictError {
    /// File the problem is in (or the name given to an in-memory dictionary).
    pub path: PathBuf,
    /// 1-based line number; 0 when the problem concerns the whole file.
    pub line: usize,
    /// What is wrong.
    pub kind: DictErrorKind,
}

/// What is wrong with a dictionary line.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DictErrorKind {
    /// The file could not be read.
    Io(String),
    /// The file is not UTF-8 at this byte offset.
    NotUtf8 {
        /// Byte offset of the first bad byte.
        offset: usize,
    },
    /// A line the format does not allow.
    Syntax(String),
    /// A code that is not of the required shape.
    BadCode(String),
    /// A date or range that does not parse.
    BadDate(String),
    /// Two entries that contradict each other.
    Conflict(String),
}

impl fmt::Display for DictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: ", self.path.display(), self.line)?;
        } else {
            write!(f, "{}: ", self.path.display())?;
        }
        match &self.kind {
            DictErrorKind::Io(e) => write!(f, "cannot read: {e}"),
            DictErrorKind::NotUtf8 { offset } => write!(f, "not UTF-8 at byte {offset}"),
            DictErrorKind::Syntax(m)
            | DictErrorKind::BadCode(m)
            | DictErrorKind::BadDate(m)
            | DictErrorKind::Conflict(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for DictError {}

/// All the problems found while loading dictionaries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DictErrors(pub Vec<DictError>);

impl fmt::Display for DictErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        writeln!(f, "{n} problem{} in the dictionaries:", if n == 1 { "" } else { "s" })?;
        for e in &self.0 {
            writeln!(f, "  {e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DictErrors {}

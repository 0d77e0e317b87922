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

/// Most problems [`DictErrors`] lists; a file that is wrong on every one of a million lines
/// gives a readable message, not a million lines (the errors themselves are all kept).
pub const MAX_LISTED: usize = 50;

impl fmt::Display for DictErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        writeln!(f, "{n} problem{} in the dictionaries:", if n == 1 { "" } else { "s" })?;
        for e in self.0.iter().take(MAX_LISTED) {
            writeln!(f, "  {e}")?;
        }
        if n > MAX_LISTED {
            writeln!(f, "  ... and {} more", n - MAX_LISTED)?;
        }
        Ok(())
    }
}

impl std::error::Error for DictErrors {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_million_problems_list_the_first_fifty() {
        let errors = DictErrors(
            (1..=1_000_000)
                .map(|line| DictError {
                    path: "big.txt".into(),
                    line,
                    kind: DictErrorKind::Syntax("no name".into()),
                })
                .collect(),
        );
        let text = errors.to_string();
        assert!(text.starts_with("1000000 problems in the dictionaries:\n  big.txt:1: "), "{text}");
        assert_eq!(text.lines().count(), 1 + MAX_LISTED + 1);
        assert!(text.ends_with("  ... and 999950 more\n"), "{text}");
    }
}

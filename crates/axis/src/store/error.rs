//! Store errors: each names the database file and what went wrong with it.

use std::fmt;
use std::path::{Path, PathBuf};

/// A problem with the database.
#[derive(Debug)]
pub struct StoreError {
    /// The database file.
    pub path: PathBuf,
    /// What is wrong.
    pub kind: StoreErrorKind,
}

/// What is wrong with the database.
#[derive(Debug)]
#[non_exhaustive]
pub enum StoreErrorKind {
    /// The file could not be opened or created.
    Open(String),
    /// The file (or its folder) cannot be written.
    ReadOnly,
    /// There is no database at this path.
    Missing,
    /// An SQLite file, but not an axis database.
    NotAxis,
    /// Written by a newer axis.
    TooNew {
        /// The file's schema version.
        found: u32,
        /// The newest this build knows.
        supported: u32,
    },
    /// An older schema, opened read-only (so it cannot be migrated).
    TooOld {
        /// The file's schema version.
        found: u32,
        /// The version this build reads.
        supported: u32,
    },
    /// An origin name that is not lower-case letters, digits, `-` or `_`, or is reserved.
    BadOrigin(String),
    /// SQLite failed.
    Sqlite(rusqlite::Error),
}

impl StoreError {
    pub(crate) fn new(path: &Path, kind: StoreErrorKind) -> StoreError {
        StoreError { path: path.to_path_buf(), kind }
    }

    pub(crate) fn sqlite(path: &Path, e: rusqlite::Error) -> StoreError {
        let read_only = matches!(
            &e,
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ReadOnly
        );
        if read_only {
            return StoreError::new(path, StoreErrorKind::ReadOnly);
        }
        StoreError::new(path, StoreErrorKind::Sqlite(e))
    }

    pub(crate) fn open(path: &Path, e: rusqlite::Error) -> StoreError {
        match &e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
                StoreError::new(path, StoreErrorKind::NotAxis)
            }
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ReadOnly => {
                StoreError::new(path, StoreErrorKind::ReadOnly)
            }
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::CannotOpen => {
                let why = match path.parent().filter(|p| !p.as_os_str().is_empty()) {
                    Some(dir) if !dir.exists() => format!("folder {} does not exist", dir.display()),
                    Some(dir) if !dir.is_dir() => format!("{} is not a folder", dir.display()),
                    _ => "the file or its folder cannot be written".to_string(),
                };
                StoreError::new(path, StoreErrorKind::Open(why))
            }
            _ => StoreError::new(path, StoreErrorKind::Open(e.to_string())),
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "database {}: ", self.path.display())?;
        match &self.kind {
            StoreErrorKind::Open(m) => write!(f, "cannot open: {m}"),
            StoreErrorKind::ReadOnly => {
                write!(f, "read-only (check the permissions of the file and its folder, or pick another --db)")
            }
            StoreErrorKind::Missing => write!(f, "no such file (create one with `axis ingest --db`)"),
            StoreErrorKind::NotAxis => write!(f, "not an axis database"),
            StoreErrorKind::TooNew { found, supported } => write!(
                f,
                "schema version {found} is newer than this axis reads ({supported}); upgrade axis"
            ),
            StoreErrorKind::TooOld { found, supported } => write!(
                f,
                "schema version {found} is older than {supported}; open it for writing once (e.g. `axis recode`) to migrate"
            ),
            StoreErrorKind::BadOrigin(o) => write!(
                f,
                "bad origin {o:?} (lower-case letters, digits, '-' and '_'; 'axis' is for coded documents)"
            ),
            StoreErrorKind::Sqlite(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            StoreErrorKind::Sqlite(e) => Some(e),
            _ => None,
        }
    }
}

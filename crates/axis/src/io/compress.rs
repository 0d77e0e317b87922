//! gzip inputs, decompressed on the fly, with a cap on how much they may expand.
//!
//! A name ending in `.gz` (or, whatever the name, data starting with the gzip magic bytes) is
//! read through a gzip decoder; concatenated gzip members (as `cat a.gz b.gz` makes) are one
//! stream. The format is then chosen by the name without `.gz` (`corpus.jsonl.gz` is JSONL). The
//! decompressed size is capped by [`ReadOptions::max_decompressed`](super::ReadOptions) (1 GiB by
//! default) so that a small "gzip bomb" cannot fill memory or run for hours; past the cap the
//! input stops with an error, and what was read before it is kept.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The default cap on the decompressed size of one gzip input: 1 GiB.
pub const DEFAULT_MAX_DECOMPRESSED: u64 = 1 << 30;

/// The first two bytes of every gzip stream.
pub(super) const MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Whether `path` names a gzip file.
pub(super) fn is_gzip_name(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("gz"))
}

/// `path` without its `.gz` (the name the format is chosen by).
pub(super) fn inner_name(path: &Path) -> PathBuf {
    if is_gzip_name(path) {
        path.with_extension("")
    } else {
        path.to_path_buf()
    }
}

/// The error a [`Limited`] reader returns past its cap.
#[derive(Debug)]
pub(super) struct LimitExceeded(pub u64);

impl std::fmt::Display for LimitExceeded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "decompressed size exceeds {} bytes", self.0)
    }
}

impl std::error::Error for LimitExceeded {}

/// Whether an I/O error is a [`Limited`] reader's cap; the cap if so.
pub(super) fn limit_of(e: &io::Error) -> Option<u64> {
    e.get_ref().and_then(|inner| inner.downcast_ref::<LimitExceeded>()).map(|l| l.0)
}

/// A reader that fails once more than `limit` bytes have come through.
pub(super) struct Limited<R> {
    inner: R,
    left: u64,
    limit: u64,
}

impl<R: Read> Limited<R> {
    pub(super) fn new(inner: R, limit: u64) -> Limited<R> {
        Limited { inner, left: limit, limit }
    }
}

impl<R: Read> Read for Limited<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        // Ask for one byte more than is left, so reaching the cap exactly is not an error.
        let want = buf.len().min(usize::try_from(self.left.saturating_add(1)).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..want])?;
        if n as u64 > self.left {
            return Err(io::Error::other(LimitExceeded(self.limit)));
        }
        self.left -= n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(is_gzip_name(Path::new("a/corpus.jsonl.gz")));
        assert!(is_gzip_name(Path::new("PAGE.HTML.GZ")));
        assert!(!is_gzip_name(Path::new("gz")));
        assert_eq!(inner_name(Path::new("a/corpus.jsonl.gz")), Path::new("a/corpus.jsonl"));
        assert_eq!(inner_name(Path::new("a/page.html")), Path::new("a/page.html"));
    }

    #[test]
    fn limit_is_exact() {
        let data = [7u8; 100];
        let mut out = Vec::new();
        assert_eq!(Limited::new(&data[..], 100).read_to_end(&mut out).unwrap(), 100);
        out.clear();
        let err = Limited::new(&data[..], 99).read_to_end(&mut out).unwrap_err();
        assert_eq!(limit_of(&err), Some(99));
        assert!(out.len() <= 99);
    }
}

//! Zip archives: recognised by their first bytes, entries read one after another as streams, the
//! uncompressed bytes of the whole archive capped so that a zip bomb ends in an error.
//!
//! The cap is checked twice: against the sizes the archive declares, before an entry is opened,
//! and against the bytes actually inflated, while it is read (a forged header can understate an
//! entry's size).

use super::{Flow, ImportError, ImportErrorKind, Imported, Summary};
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// Whether the file starts like a zip archive (`PK\x03\x04`, or `PK\x05\x06` when empty); the
/// position is left at the start.
pub(crate) fn is_zip(file: &mut File) -> io::Result<bool> {
    let mut magic = [0u8; 4];
    let mut n = 0;
    while n < 4 {
        match file.read(&mut magic[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    file.seek(SeekFrom::Start(0))?;
    Ok(n == 4 && (magic == *b"PK\x03\x04" || magic == *b"PK\x05\x06"))
}

/// Raised inside the entry reader when the cap is crossed.
#[derive(Debug)]
struct LimitExceeded;

impl std::fmt::Display for LimitExceeded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("uncompressed size limit exceeded")
    }
}

impl std::error::Error for LimitExceeded {}

/// A reader that fails once more than `left` bytes have come through it.
pub(crate) struct Limited<R> {
    inner: R,
    left: u64,
    exceeded: bool,
}

impl<R: Read> Limited<R> {
    pub(crate) fn new(inner: R, left: u64) -> Limited<R> {
        Limited { inner, left, exceeded: false }
    }
}

impl<R: Read> Read for Limited<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.exceeded {
            return Err(io::Error::other(LimitExceeded));
        }
        if buf.is_empty() {
            return Ok(0);
        }
        // Ask for one byte more than allowed, so crossing the cap is seen, not silently cut. The
        // bytes within the cap are still handed out (their rows get imported); the next read fails.
        let want = buf.len().min(usize::try_from(self.left.saturating_add(1)).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..want])?;
        if n as u64 > self.left {
            let allowed = self.left as usize;
            self.left = 0;
            self.exceeded = true;
            if allowed == 0 {
                return Err(io::Error::other(LimitExceeded));
            }
            return Ok(allowed);
        }
        self.left -= n as u64;
        Ok(n)
    }
}

/// What reads one entry: its name for messages, the stream, the running summary, the callback.
pub(crate) type EntryReader<'a> = dyn FnMut(
        &Path,
        &mut dyn Read,
        &mut Summary,
        &mut dyn FnMut(Imported<'_>) -> Flow,
    ) -> Result<Flow, ImportError>
    + 'a;

/// Reads every file entry of the archive in order with `read`, at most `limit` uncompressed bytes
/// in all. Problems are delivered to `on` as skipped items: a broken or unsupported entry is
/// skipped and the next one read; an unreadable archive, a cap crossed or the callback's stop end
/// the archive.
pub(crate) fn for_each_entry(
    file: File,
    path: &Path,
    limit: u64,
    summary: &mut Summary,
    on: &mut dyn FnMut(Imported<'_>) -> Flow,
    read: &mut EntryReader<'_>,
) {
    let fail = |summary: &mut Summary, on: &mut dyn FnMut(Imported<'_>) -> Flow, p: &Path, kind| {
        summary.failed += 1;
        let _ = on(Imported::Skipped(ImportError::new(p, None, kind)));
    };
    let mut zip = match zip::ZipArchive::new(io::BufReader::new(file)) {
        Ok(z) => z,
        Err(e) => return fail(summary, on, path, ImportErrorKind::Zip(e.to_string())),
    };
    let mut used: u64 = 0;
    for i in 0..zip.len() {
        let mut entry = match zip.by_index(i) {
            Ok(e) => e,
            Err(e) => {
                // An entry with an unsupported method or a broken header: the others may be fine.
                fail(summary, on, path, ImportErrorKind::Zip(format!("entry {}: {e}", i + 1)));
                continue;
            }
        };
        if entry.is_dir() {
            continue;
        }
        let name = PathBuf::from(format!("{}!{}", path.display(), entry.name()));
        if used.saturating_add(entry.size()) > limit {
            return fail(summary, on, &name, ImportErrorKind::TooLarge { limit });
        }
        let mut limited = Limited::new(&mut entry, limit - used);
        let result = read(&name, &mut limited, summary, on);
        used = limit - limited.left;
        match result {
            Ok(Flow::Continue(())) => {}
            Ok(Flow::Break(())) => return,
            Err(e) if limited.exceeded => {
                return fail(summary, on, &e.path, ImportErrorKind::TooLarge { limit });
            }
            // A corrupt entry (bad checksum, truncated data): report it, go on with the next.
            Err(e) => fail(summary, on, &e.path, e.kind),
        }
    }
}

//! Test helpers shared by the modules' unit tests: a deterministic generator for property tests
//! and the location of the reference data in `../shared/`.

use std::path::PathBuf;

/// A small deterministic generator (64-bit LCG), so property tests need no extra crate.
pub(crate) struct Lcg(pub u64);

impl Lcg {
    /// A number in `0..n`.
    pub(crate) fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

/// A file under the reference data folder `shared/` beside the workspace (it may be absent:
/// tests that need it skip, saying why).
pub(crate) fn shared_path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared").join(relative)
}

//! Fingerprints: SHA-256 of document texts (the store's duplicate key) and the dictionary version
//! (a hash of every dictionary file the coder read), so that `recode` knows what is out of date.
//!
//! SHA-256 is small enough to write here (FIPS 180-4) and its hex digest can be checked with
//! `sha256sum`; it is not on the hot path (coding a document costs far more than hashing it).

use std::path::Path;

const K: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

/// An incremental SHA-256.
#[derive(Clone, Debug)]
pub(crate) struct Sha256 {
    state: [u32; 8],
    buf: [u8; 64],
    buf_len: usize,
    total: u64,
}

impl Sha256 {
    pub(crate) fn new() -> Sha256 {
        Sha256 {
            state: [
                0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
                0x5be0cd19,
            ],
            buf: [0; 64],
            buf_len: 0,
            total: 0,
        }
    }

    pub(crate) fn update(&mut self, mut data: &[u8]) {
        self.total += data.len() as u64;
        if self.buf_len > 0 {
            let take = (64 - self.buf_len).min(data.len());
            self.buf[self.buf_len..self.buf_len + take].copy_from_slice(&data[..take]);
            self.buf_len += take;
            data = &data[take..];
            if self.buf_len < 64 {
                return;
            }
            let block = self.buf;
            self.compress(&block);
            self.buf_len = 0;
        }
        let mut chunks = data.chunks_exact(64);
        for block in &mut chunks {
            self.compress(block.try_into().expect("64-byte chunk"));
        }
        let rest = chunks.remainder();
        self.buf[..rest.len()].copy_from_slice(rest);
        self.buf_len = rest.len();
    }

    pub(crate) fn finish(mut self) -> [u8; 32] {
        let bits = self.total.wrapping_mul(8);
        let mut pad = vec![0x80u8];
        let len = (self.buf_len + 1) % 64;
        pad.resize(1 + if len <= 56 { 56 - len } else { 120 - len }, 0);
        pad.extend_from_slice(&bits.to_be_bytes());
        let total = self.total;
        self.update(&pad);
        self.total = total;
        debug_assert_eq!(self.buf_len, 0);
        let mut out = [0u8; 32];
        for (o, s) in out.chunks_exact_mut(4).zip(self.state) {
            o.copy_from_slice(&s.to_be_bytes());
        }
        out
    }

    fn compress(&mut self, block: &[u8; 64]) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes(word.try_into().expect("4-byte word"));
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = self.state;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = h.wrapping_add(s1).wrapping_add(ch).wrapping_add(K[i]).wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            (h, g, f, e, d, c, b, a) = (g, f, e, d.wrapping_add(t1), c, b, a, t1.wrapping_add(t2));
        }
        for (s, v) in self.state.iter_mut().zip([a, b, c, d, e, f, g, h]) {
            *s = s.wrapping_add(v);
        }
    }
}

/// SHA-256 of a document's text: the key that makes ingest idempotent.
pub fn content_hash(text: &str) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(text.as_bytes());
    h.finish()
}

/// Lower-case hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The version of the dictionaries a coder was built from: the first 16 hex digits of a SHA-256
/// over every file's path and text, in the order the loaders read them.
///
/// `None` is the built-in set; `Some(dir)` is what `--dict DIR` loads: every `*.txt` under `dir`
/// (its `verbs/` replace the built-in verb patterns; without one, the built-in verbs count), plus
/// the built-in CAMEO table. Any edit to any of these files changes the version.
pub fn dictionary_version(dir: Option<&Path>) -> std::io::Result<String> {
    let mut h = Sha256::new();
    let mut add = |name: &str, text: &[u8]| {
        h.update(&(name.len() as u64).to_le_bytes());
        h.update(name.as_bytes());
        h.update(&(text.len() as u64).to_le_bytes());
        h.update(text);
    };
    match dir {
        None => {
            for (path, text) in crate::builtin::files_under(&[""]) {
                add(path, text.as_bytes());
            }
        }
        Some(dir) => {
            let mut files = Vec::new();
            crate::dict::collect_txt(dir, false, &mut files)?;
            files.sort();
            for f in &files {
                let rel = f.strip_prefix(dir).unwrap_or(f).to_string_lossy().replace('\\', "/");
                add(&rel, &std::fs::read(f)?);
            }
            let builtin: &[&str] =
                if dir.join("verbs").is_dir() { &["cameo/"] } else { &["cameo/", "verbs/"] };
            for (path, text) in crate::builtin::files_under(builtin) {
                add(&format!("builtin:{path}"), text.as_bytes());
            }
        }
    }
    Ok(hex(&h.finish()[..8]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_known_answers() {
        let cases: &[(&str, &str)] = &[
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(hex(&content_hash(input)), *want, "sha256({input:?})");
        }
        // A million 'a's, fed in odd-sized pieces: the incremental path agrees with one shot.
        let mut h = Sha256::new();
        let piece = "a".repeat(997);
        let mut left = 1_000_000;
        while left > 0 {
            let n = left.min(piece.len());
            h.update(&piece.as_bytes()[..n]);
            left -= n;
        }
        assert_eq!(hex(&h.finish()), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }

    #[test]
    fn every_length_around_the_block_boundary_pads_right() {
        // Incremental and one-shot hashing agree for lengths that straddle the padding cases.
        for len in 50..140 {
            let text: String = (0..len).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
            let mut h = Sha256::new();
            let (a, b) = text.as_bytes().split_at(len / 3);
            h.update(a);
            h.update(b);
            assert_eq!(h.finish(), content_hash(&text), "length {len}");
        }
    }

    #[test]
    fn dictionary_version_follows_the_files() {
        let builtin = dictionary_version(None).unwrap();
        assert_eq!(builtin.len(), 16);
        assert_eq!(builtin, dictionary_version(None).unwrap());
        let dir = std::env::temp_dir().join(format!("axis-dictver-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.txt"), "[actors]\nFoo | FOO\n").unwrap();
        let v1 = dictionary_version(Some(&dir)).unwrap();
        assert_ne!(v1, builtin);
        std::fs::write(dir.join("a.txt"), "[actors]\nFoo | FOX\n").unwrap();
        let v2 = dictionary_version(Some(&dir)).unwrap();
        assert_ne!(v1, v2);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

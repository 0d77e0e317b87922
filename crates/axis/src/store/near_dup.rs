//! Near-duplicates: syndicated copies of a story, found at ingest and linked instead of recounted.
//!
//! A wire story reprinted by a hundred papers is one report of its events, not a hundred. Exact
//! copies are caught by the content hash; copies with their own headline line, a byline or a
//! sentence changed are caught here, by MinHash with locality-sensitive hashing:
//!
//! * **Shingles.** The text is cut into words (runs of letters and digits, lower-cased); every
//!   run of [`SHINGLE`] consecutive words is a shingle. Two texts are as alike as the Jaccard
//!   similarity of their shingle sets: shared shingles over all shingles.
//! * **Signature.** [`NUM_HASHES`] hash functions (fixed seeds, so every run on every machine
//!   computes the same values), each keeping its minimum over the shingles. The fraction of
//!   positions where two signatures agree estimates the Jaccard similarity (standard error
//!   √(J(1−J)/128), at most 0.045). Computed on the coding threads.
//! * **Bands.** The signature is cut into [`BANDS`] bands of [`ROWS`] values; each band hashes to
//!   one number, kept in the `near_dup_bands` table (primary key band, hash, document). Documents
//!   sharing a band are candidates: a pair with similarity J becomes one with probability
//!   1 − (1 − J⁴)³², above 0.9999 at 0.8 and 0.87 at 0.5. Finding them is [`BANDS`] primary-key
//!   lookups, so nothing about the corpus is held in memory and the index survives restarts.
//! * **Verification.** Each candidate's stored signature is compared in full; the most alike (the
//!   earliest on a tie) is the original when the estimate reaches the threshold
//!   ([`DEFAULT_THRESHOLD`] unless set). 0.7 because 5-word shingles are strict: one sentence
//!   rewritten in a 200-word story, plus a headline and byline of its own, leaves a Jaccard
//!   similarity near 0.75, while two reports of the same event written apart share well under
//!   0.2 of their shingles.
//!
//! Only originals are indexed: a copy is linked to the document it copies, and the index grows
//! with distinct stories, not with reprints. Texts with fewer than [`MIN_SHINGLES`] shingles are
//! never compared — in a dozen words, agreement says nothing about copying.

use rusqlite::{Connection, OptionalExtension};
use std::sync::OnceLock;

/// Words per shingle.
pub const SHINGLE: usize = 5;
/// Hash functions in a signature.
pub const NUM_HASHES: usize = 128;
/// Bands the signature is cut into for the index.
pub const BANDS: usize = 32;
/// Signature values per band.
pub const ROWS: usize = NUM_HASHES / BANDS;
/// Shingles a text needs to be compared at all.
pub const MIN_SHINGLES: usize = 8;
/// The estimated Jaccard similarity from which a document is a copy of an earlier one.
pub const DEFAULT_THRESHOLD: f64 = 0.7;

/// The seeds of the hash functions: fixed, so signatures are the same on every run.
const SEEDS: [u64; NUM_HASHES] = seeds();

const fn seeds() -> [u64; NUM_HASHES] {
    let mut out = [0u64; NUM_HASHES];
    let mut state: u64 = 0x6178_6973_6e65_6172; // "axisnear"
    let mut i = 0;
    while i < NUM_HASHES {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        out[i] = mix(state);
        i += 1;
    }
    out
}

/// The splitmix64 finaliser: a fast bijective mix of 64 bits.
const fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// The MinHash signature of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature([u32; NUM_HASHES]);

impl Signature {
    /// The signature of `text`, or `None` when it has fewer than [`MIN_SHINGLES`] shingles.
    pub fn of(text: &str) -> Option<Signature> {
        let shingles = shingles(text);
        if shingles.len() < MIN_SHINGLES {
            return None;
        }
        let mut sig = [u32::MAX; NUM_HASHES];
        for &s in &shingles {
            for (min, seed) in sig.iter_mut().zip(SEEDS) {
                let h = (mix(s ^ seed) >> 32) as u32;
                if h < *min {
                    *min = h;
                }
            }
        }
        Some(Signature(sig))
    }

    /// The estimated Jaccard similarity of the two texts' shingle sets: the fraction of hash
    /// functions on which the signatures agree (a multiple of 1/128, so exact as a float).
    pub fn similarity(&self, other: &Signature) -> f64 {
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / NUM_HASHES as f64
    }

    /// The index keys: one hash per band, the band number mixed in.
    pub fn bands(&self) -> [i64; BANDS] {
        let mut out = [0i64; BANDS];
        for (b, (key, rows)) in out.iter_mut().zip(self.0.chunks_exact(ROWS)).enumerate() {
            let mut h = FNV_OFFSET ^ b as u64;
            for &v in rows {
                h = mix(h ^ u64::from(v)).wrapping_mul(FNV_PRIME);
            }
            *key = h as i64;
        }
        out
    }

    /// The stored form: the values as little-endian bytes.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// Reads the stored form; `None` when it has the wrong length.
    pub(crate) fn from_bytes(b: &[u8]) -> Option<Signature> {
        if b.len() != NUM_HASHES * 4 {
            return None;
        }
        let mut sig = [0u32; NUM_HASHES];
        for (v, c) in sig.iter_mut().zip(b.chunks_exact(4)) {
            *v = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
        }
        Some(Signature(sig))
    }
}

/// The distinct shingle hashes of `text`, sorted. A text of fewer than [`SHINGLE`] words has one
/// shingle of all of them (none when it has no words).
fn shingles(text: &str) -> Vec<u64> {
    let mut words: Vec<u64> = Vec::with_capacity(text.len() / 6 + 1);
    let mut h = FNV_OFFSET;
    let mut in_word = false;
    let mut buf = [0u8; 4];
    for c in text.chars() {
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                for &b in l.encode_utf8(&mut buf).as_bytes() {
                    h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
                }
            }
            in_word = true;
        } else if in_word {
            words.push(h);
            h = FNV_OFFSET;
            in_word = false;
        }
    }
    if in_word {
        words.push(h);
    }
    let width = SHINGLE.min(words.len());
    if width == 0 {
        return Vec::new();
    }
    let mut out: Vec<u64> =
        words.windows(width).map(|w| w.iter().fold(0u64, |acc, &x| mix(acc.rotate_left(17) ^ x))).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The stored original that `sig` copies: the indexed document whose signature is most alike
/// (the earliest on a tie), with the similarity, when it reaches `threshold`.
pub(crate) fn find_original(
    conn: &Connection,
    sig: &Signature,
    threshold: f64,
) -> rusqlite::Result<Option<(i64, f64)>> {
    // One statement for all bands: each `band = b AND hash = ?` term is a primary-key probe.
    let sql = BAND_LOOKUP.get_or_init(|| {
        let terms: Vec<String> = (0..BANDS).map(|b| format!("(band = {b} AND hash = ?{})", b + 1)).collect();
        format!("SELECT doc FROM near_dup_bands WHERE {}", terms.join(" OR "))
    });
    let mut candidates: Vec<i64> = {
        let mut st = conn.prepare_cached(sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(sig.bands()), |r| r.get::<_, i64>(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    candidates.sort_unstable();
    candidates.dedup();
    let mut st = conn.prepare_cached("SELECT minhash FROM documents WHERE id = ?")?;
    let mut best: Option<(i64, f64)> = None;
    for doc in candidates {
        let stored: Option<Vec<u8>> = st.query_row([doc], |r| r.get(0)).optional()?.flatten();
        let Some(other) = stored.as_deref().and_then(Signature::from_bytes) else { continue };
        let s = sig.similarity(&other);
        if s >= threshold && best.is_none_or(|(_, b)| s > b) {
            best = Some((doc, s));
        }
    }
    Ok(best)
}

/// Indexes document `doc`, stored with `sig` in its `minhash` column, as an original: its band keys.
pub(crate) fn index(conn: &Connection, doc: i64, sig: &Signature) -> rusqlite::Result<()> {
    let sql = BAND_INSERT.get_or_init(|| {
        let rows: Vec<String> = (0..BANDS).map(|b| format!("({b}, ?{}, ?{})", b + 1, BANDS + 1)).collect();
        format!("INSERT OR IGNORE INTO near_dup_bands (band, hash, doc) VALUES {}", rows.join(", "))
    });
    let mut values: Vec<i64> = sig.bands().to_vec();
    values.push(doc);
    conn.prepare_cached(sql)?.execute(rusqlite::params_from_iter(values))?;
    Ok(())
}

static BAND_LOOKUP: OnceLock<String> = OnceLock::new();
static BAND_INSERT: OnceLock<String> = OnceLock::new();

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A wire story (written for this test).
    pub(crate) const WIRE: &str = "MOSCOW (Wire) - Russia and China signed an agreement on Tuesday to \
        expand natural gas deliveries through a second pipeline across Mongolia, officials in both \
        capitals said. The deal, reached after two days of talks in Moscow, would let Gazprom ship up \
        to fifty billion cubic metres a year to northern China by the end of the decade. Chinese \
        Premier Li met President Putin at the Kremlin and praised what he called a partnership of \
        equals. Western governments have urged Beijing not to help Moscow evade sanctions imposed \
        after the invasion of Ukraine. Analysts said the price of the gas had not been agreed and \
        that construction could take years. The Russian energy ministry said further talks were \
        planned for the autumn in Beijing. Gazprom shares rose three percent in Moscow trading after the announcement, and the company \
        said engineering surveys along the route would begin next month. Mongolia, which would earn \
        transit fees, welcomed the agreement and said it hoped to sign its own accord with both \
        neighbours before the end of the year.";

    /// The same story as a newspaper prints it: its own headline and byline, one sentence changed.
    pub(crate) const COPY: &str = "Gas pipeline deal struck\nBy Staff and Wire Reports\n\nMOSCOW \
        (Wire) - Russia and China signed an agreement on Tuesday to expand natural gas deliveries \
        through a second pipeline across Mongolia, officials in both capitals said. The deal, reached \
        after two days of talks in Moscow, would let Gazprom ship up to fifty billion cubic metres a \
        year to northern China by the end of the decade. Chinese Premier Li met President Putin at \
        the Kremlin and praised what he called a partnership of equals. Western governments have \
        urged Beijing not to help Moscow evade sanctions imposed after the invasion of Ukraine. \
        Analysts in London said no price had yet been set for the gas. The Russian energy ministry \
        said further talks were planned for the autumn in Beijing. Gazprom shares rose three percent in Moscow trading after the announcement, and the company \
        said engineering surveys along the route would begin next month. Mongolia, which would earn \
        transit fees, welcomed the agreement and said it hoped to sign its own accord with both \
        neighbours before the end of the year.";

    /// Another story on the same topic: same actors, same words here and there.
    pub(crate) const OTHER: &str = "BEIJING (Wire) - China said on Friday it would buy more Russian oil \
        and gas this year, as Moscow looks east for customers after Western sanctions over the war in \
        Ukraine. A foreign ministry spokesman in Beijing told reporters that energy trade with Russia \
        was normal business and not aimed at any third country. Russian pipeline gas deliveries to \
        China rose by half last year, customs data showed. President Putin is expected to visit \
        Beijing in the autumn for talks on a second pipeline across Mongolia.";

    fn jaccard(a: &str, b: &str) -> f64 {
        let (a, b) = (shingles(a), shingles(b));
        let shared = a.iter().filter(|x| b.binary_search(x).is_ok()).count();
        shared as f64 / (a.len() + b.len() - shared) as f64
    }

    #[test]
    fn signatures_are_deterministic_and_blind_to_case_and_punctuation() {
        let a = Signature::of(WIRE).unwrap();
        assert_eq!(Signature::of(WIRE).unwrap(), a);
        assert_eq!(Signature::from_bytes(&a.to_bytes()), Some(a.clone()));
        assert_eq!(Signature::from_bytes(&a.to_bytes()[1..]), None);
        assert_eq!(a.similarity(&a), 1.0);
        let shouted = WIRE.to_uppercase().replace(',', " ;").replace('.', "!");
        assert_eq!(Signature::of(&shouted).unwrap(), a);
        assert_eq!(shingles("one two three four five six").len(), 2);
        assert_eq!(shingles("One, two! three").len(), 1);
        let plain = Signature::of("a b c d e f g h i j k l").unwrap();
        assert_eq!(plain, Signature::of("A b, c d; E f g\nh i j k l.").unwrap());
        assert_ne!(plain, Signature::of("a b c d e f g h i j k m").unwrap());
    }

    #[test]
    fn signature_values_are_pinned() {
        // A change of seeds or hashing would silently stop stored originals matching new copies;
        // these values are what every database so far holds.
        let sig = Signature::of("a b c d e f g h i j k l").unwrap();
        let bytes = sig.to_bytes();
        assert_eq!(bytes.len(), 512);
        let first = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
        assert_eq!((first, sig.bands()[0]), PINNED);
    }

    /// The values this code computed when databases started storing them.
    const PINNED: (u32, i64) = (25_188_007, 2_597_011_254_654_209_781);

    #[test]
    fn short_texts_have_no_signature() {
        for text in
            ["", "   ", "Russia accused Ukraine of provocations.", "one two three four five six seven"]
        {
            assert_eq!(Signature::of(text), None, "{text:?}");
        }
        assert!(Signature::of("one two three four five six seven eight nine ten eleven twelve").is_some());
    }

    #[test]
    fn an_edited_copy_is_alike_and_another_story_is_not() {
        let (wire, copy, other) =
            (Signature::of(WIRE).unwrap(), Signature::of(COPY).unwrap(), Signature::of(OTHER).unwrap());
        let s = wire.similarity(&copy);
        assert!(s >= DEFAULT_THRESHOLD, "copy: estimated {s}, true {}", jaccard(WIRE, COPY));
        assert!((s - jaccard(WIRE, COPY)).abs() < 0.15, "estimate {s}, true {}", jaccard(WIRE, COPY));
        let o = wire.similarity(&other);
        assert!(o < 0.2, "other story: estimated {o}, true {}", jaccard(WIRE, OTHER));
        assert!(wire.bands().iter().zip(copy.bands()).any(|(a, b)| *a == b), "the copy shares a band");
    }

    #[test]
    fn estimates_track_true_jaccard() {
        // Texts sharing a known run of words: the estimate stays near the truth at every level.
        let words: Vec<String> = (0..400).map(|i| format!("w{i}")).collect();
        let a = words.join(" ");
        for keep in [100usize, 200, 300, 380] {
            let b: Vec<String> = words
                .iter()
                .enumerate()
                .map(|(i, w)| if i < keep { w.clone() } else { format!("x{i}") })
                .collect();
            let b = b.join(" ");
            let (sa, sb) = (Signature::of(&a).unwrap(), Signature::of(&b).unwrap());
            let (est, truth) = (sa.similarity(&sb), jaccard(&a, &b));
            assert!((est - truth).abs() < 0.12, "kept {keep}: estimate {est}, true {truth}");
        }
    }
}

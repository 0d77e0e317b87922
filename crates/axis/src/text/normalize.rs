//! Normalisation: one canonical spelling of punctuation and space, with a map back to the raw bytes.
//!
//! News text arrives with curly quotes (“China’s”), several dashes, non-breaking and zero-width
//! spaces and runs of spaces ("the                 U.S."). Every later stage wants one spelling, so
//! [`normalize`] rewrites the text once and records an [`OffsetMap`] so that spans found in the
//! normalised text can be reported as byte offsets into the original.
//!
//! What changes: curly and angled quotes become `'` or `"`; en and em dashes become `--`; hyphen
//! look-alikes and the minus sign become `-`; `…` becomes `...`; every horizontal space character
//! (tab, no-break, thin, ideographic, …) becomes a plain space and runs of them collapse to one;
//! zero-width characters and soft hyphens disappear; `\r\n` and `\r` become `\n`. Letters are never
//! changed.

/// Maps byte offsets in normalised text back to offsets in the raw text.
///
/// Stored as the points where the two texts fall out of step; between points the texts are
/// byte-for-byte equal, so a lookup is a binary search plus an addition.
#[derive(Clone, Debug, Default)]
pub struct OffsetMap {
    /// `(normalised offset, first raw offset, last raw offset, exact)`: from this point on the
    /// texts agree when `exact`; when not, the normalised bytes up to the next point replace the
    /// raw bytes up to it. Dropped characters make one normalised offset stand for a raw range:
    /// spans start after them (`last`) and end before them (`first`).
    points: Vec<(u32, u32, u32, bool)>,
}

impl OffsetMap {
    /// The raw offset where a span starting at normalised offset `pos` starts: after any characters
    /// that normalisation dropped there.
    pub fn start_to_raw(&self, pos: u32) -> u32 {
        let i = self.points.partition_point(|&(n, ..)| n <= pos);
        if i == 0 {
            return pos;
        }
        let (n, _, r, exact) = self.points[i - 1];
        if exact {
            r + (pos - n)
        } else {
            r
        }
    }

    /// The raw offset where a span ending at normalised offset `pos` ends: before any characters
    /// that normalisation dropped there.
    pub fn end_to_raw(&self, pos: u32) -> u32 {
        let i = self.points.partition_point(|&(n, ..)| n < pos);
        if i == 0 {
            return pos;
        }
        let (n, _, r, exact) = self.points[i - 1];
        if exact {
            r + (pos - n)
        } else {
            // The end of a replacement: where the replaced raw bytes end.
            self.points.get(i).map_or(r, |&(_, first, _, _)| first)
        }
    }

    /// Whether the normalised text equals the raw text.
    pub fn is_identity(&self) -> bool {
        self.points.is_empty()
    }

    fn clear(&mut self) {
        self.points.clear();
    }
}

/// What a character normalises to.
enum Replacement {
    Keep,
    Drop,
    Space,
    Newline,
    Str(&'static str),
}

#[inline]
fn replacement(c: char) -> Replacement {
    use Replacement::*;
    match c {
        ' ' | '\n' => Keep,
        '\t'
        | '\u{0B}'
        | '\u{0C}'
        | '\u{A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => Space,
        '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => Newline,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' => Drop,
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2035}' | '\u{02BC}'
        | '\u{FF07}' => Str("'"),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{2036}' | '\u{AB}' | '\u{BB}'
        | '\u{FF02}' => Str("\""),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => Str("-"),
        '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2E3A}' | '\u{2E3B}' => Str("--"),
        '\u{2026}' => Str("..."),
        _ => Keep,
    }
}

/// Normalises `raw` into `out`, recording the offset map in `map`. Both are cleared first so a
/// caller can reuse their allocations across documents.
pub fn normalize_into(raw: &str, out: &mut String, map: &mut OffsetMap) {
    out.clear();
    map.clear();
    out.reserve(raw.len());
    // Fast path: pure ASCII with no tabs, CRs, or double spaces needs no work.
    let needs_work = raw.bytes().enumerate().any(|(i, b)| {
        b >= 0x80
            || b == b'\t'
            || b == b'\r'
            || b == 0x0B
            || b == 0x0C
            || (b == b' ' && raw.as_bytes().get(i + 1) == Some(&b' '))
    });
    if !needs_work {
        out.push_str(raw);
        return;
    }
    let mut last_space = false; // previous output char was a space
    for (ri, c) in raw.char_indices() {
        let rep = replacement(c);
        let out_pos = out.len();
        let is_space = matches!(rep, Replacement::Space) || c == ' ';
        if is_space && last_space {
            mark(map, out_pos, ri, false); // a repeated space is swallowed
            continue;
        }
        last_space = is_space;
        match rep {
            Replacement::Keep => {
                mark(map, out_pos, ri, true);
                out.push(c);
            }
            Replacement::Space if c.len_utf8() == 1 => {
                mark(map, out_pos, ri, true); // a tab becomes a space of the same length
                out.push(' ');
            }
            Replacement::Space => {
                mark(map, out_pos, ri, false);
                out.push(' ');
            }
            Replacement::Drop => mark(map, out_pos, ri, false),
            Replacement::Newline if c == '\r' && raw.as_bytes().get(ri + 1) == Some(&b'\n') => {
                mark(map, out_pos, ri, false); // "\r\n" is one newline: drop the '\r'
            }
            Replacement::Newline => {
                mark(map, out_pos, ri, false);
                out.push('\n');
            }
            Replacement::Str(s) => {
                mark(map, out_pos, ri, false);
                out.push_str(s);
            }
        }
    }
    mark(map, out.len(), raw.len(), true);
}

/// Records that normalised offset `out_pos` corresponds to raw offset `raw_pos`; `exact` when the
/// bytes from here on are copied unchanged. Points that add nothing are not stored.
fn mark(map: &mut OffsetMap, out_pos: usize, raw_pos: usize, exact: bool) {
    let (n, r) = (out_pos as u32, raw_pos as u32);
    match map.points.last_mut() {
        // A point at the same normalised offset supersedes the last one (dropped characters),
        // keeping the raw offset where the dropped run began.
        Some(last) if last.0 == n => {
            last.2 = r;
            last.3 = exact;
        }
        // Still in step: nothing to record.
        Some(&mut (n0, _, r0, true)) if exact && r0 + (n - n0) == r => {}
        None if exact && n == r => {}
        _ => map.points.push((n, r, r, exact)),
    }
    // An exact point that merely continues the exact point before it adds nothing.
    if let [.., (n0, _, r0, true), (n1, f1, r1, true)] = map.points[..] {
        if f1 == r1 && r0 + (n1 - n0) == r1 {
            map.points.pop();
        }
    }
    if let [(n0, f0, r0, true)] = map.points[..] {
        if n0 == r0 && f0 == r0 {
            map.points.clear();
        }
    }
}

/// Lower-cases `text` into `out` without changing any byte offset: ASCII letters and every
/// character whose lower case has the same UTF-8 length are lowered; the rest are copied.
pub fn lower_same_len_into(text: &str, out: &mut String) {
    out.clear();
    out.reserve(text.len());
    if text.is_ascii() {
        out.push_str(text);
        out.make_ascii_lowercase();
        return;
    }
    for c in text.chars() {
        let mut low = c.to_lowercase();
        match (low.next(), low.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(raw: &str) -> (String, OffsetMap) {
        let (mut out, mut map) = (String::new(), OffsetMap::default());
        normalize_into(raw, &mut out, &mut map);
        (out, map)
    }

    #[test]
    fn table() {
        let table = [
            ("plain ascii", "plain ascii"),
            ("China\u{2019}s economy", "China's economy"),
            ("\u{201C}Big Brother,\u{201D}", "\"Big Brother,\""),
            ("a new bond \u{2013} with", "a new bond -- with"),
            ("the                 U.S. and", "the U.S. and"),
            ("non\u{A0}breaking\u{202F}space", "non breaking space"),
            ("zero\u{200B}width", "zerowidth"),
            ("line\r\nbreak\rhere", "line\nbreak\nhere"),
            ("tab\there", "tab here"),
            ("wait\u{2026}", "wait..."),
            ("prot\u{E9}g\u{E9}", "prot\u{E9}g\u{E9}"),
        ];
        for (raw, want) in table {
            assert_eq!(norm(raw).0, want, "{raw:?}");
        }
    }

    /// Every normalised token boundary maps back to a raw char boundary that starts the same word.
    #[test]
    fn offsets_map_back() {
        let raw = "\u{201C}When  President Sukarno\u{2019}s \u{2014} the\u{A0}\u{A0}U.S.\r\nend";
        let (text, map) = norm(raw);
        for word in ["When", "President", "Sukarno", "the", "U.S.", "end"] {
            let n = text.find(word).unwrap();
            let r = map.start_to_raw(n as u32) as usize;
            assert!(raw[r..].starts_with(word), "{word}: raw[{r}..] = {:?}", &raw[r..]);
            let e = map.end_to_raw((n + word.len()) as u32) as usize;
            assert_eq!(&raw[r..e], word);
        }
        let dash = text.find("--").unwrap();
        let (r, e) = (map.start_to_raw(dash as u32) as usize, map.end_to_raw(dash as u32 + 2) as usize);
        assert_eq!(&raw[r..e], "\u{2014}");
        assert_eq!(map.end_to_raw(text.len() as u32) as usize, raw.len());
    }

    #[test]
    fn lowercase_keeps_offsets() {
        let mut out = String::new();
        for s in ["Côte d'Ivoire", "ÉLYSÉE", "İstanbul", "ẞ Straße", "CHINA"] {
            lower_same_len_into(s, &mut out);
            assert_eq!(out.len(), s.len(), "{s}");
            assert!(s.char_indices().all(|(i, _)| out.is_char_boundary(i)));
        }
        lower_same_len_into("Côte", &mut out);
        assert_eq!(out, "côte");
    }
}

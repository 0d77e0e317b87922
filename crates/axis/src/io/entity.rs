//! Character references in HTML and XML text: `&amp;`, `&#8217;`, `&#x2019;` and the named HTML5
//! references news pages and feeds actually use.
//!
//! Decoding is one left-to-right pass; an unknown name (`&foo;`, or an entity a DTD would define)
//! is kept as written, never expanded, so no input can make decoding grow beyond its own size
//! (there is no "billion laughs").

use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::sync::OnceLock;

/// Named references: the XML five, Latin-1, typography, arrows and symbols, Greek letters and the
/// HTML5 punctuation names. Longest name is 8 bytes.
const NAMED: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", "\u{a0}"),
    ("iexcl", "¡"),
    ("cent", "¢"),
    ("pound", "£"),
    ("curren", "¤"),
    ("yen", "¥"),
    ("brvbar", "¦"),
    ("sect", "§"),
    ("uml", "¨"),
    ("copy", "©"),
    ("ordf", "ª"),
    ("laquo", "«"),
    ("not", "¬"),
    ("shy", "\u{ad}"),
    ("reg", "®"),
    ("macr", "¯"),
    ("deg", "°"),
    ("plusmn", "±"),
    ("sup2", "²"),
    ("sup3", "³"),
    ("acute", "´"),
    ("micro", "µ"),
    ("para", "¶"),
    ("middot", "·"),
    ("cedil", "¸"),
    ("sup1", "¹"),
    ("ordm", "º"),
    ("raquo", "»"),
    ("frac14", "¼"),
    ("frac12", "½"),
    ("frac34", "¾"),
    ("iquest", "¿"),
    ("Agrave", "À"),
    ("Aacute", "Á"),
    ("Acirc", "Â"),
    ("Atilde", "Ã"),
    ("Auml", "Ä"),
    ("Aring", "Å"),
    ("AElig", "Æ"),
    ("Ccedil", "Ç"),
    ("Egrave", "È"),
    ("Eacute", "É"),
    ("Ecirc", "Ê"),
    ("Euml", "Ë"),
    ("Igrave", "Ì"),
    ("Iacute", "Í"),
    ("Icirc", "Î"),
    ("Iuml", "Ï"),
    ("ETH", "Ð"),
    ("Ntilde", "Ñ"),
    ("Ograve", "Ò"),
    ("Oacute", "Ó"),
    ("Ocirc", "Ô"),
    ("Otilde", "Õ"),
    ("Ouml", "Ö"),
    ("times", "×"),
    ("Oslash", "Ø"),
    ("Ugrave", "Ù"),
    ("Uacute", "Ú"),
    ("Ucirc", "Û"),
    ("Uuml", "Ü"),
    ("Yacute", "Ý"),
    ("THORN", "Þ"),
    ("szlig", "ß"),
    ("agrave", "à"),
    ("aacute", "á"),
    ("acirc", "â"),
    ("atilde", "ã"),
    ("auml", "ä"),
    ("aring", "å"),
    ("aelig", "æ"),
    ("ccedil", "ç"),
    ("egrave", "è"),
    ("eacute", "é"),
    ("ecirc", "ê"),
    ("euml", "ë"),
    ("igrave", "ì"),
    ("iacute", "í"),
    ("icirc", "î"),
    ("iuml", "ï"),
    ("eth", "ð"),
    ("ntilde", "ñ"),
    ("ograve", "ò"),
    ("oacute", "ó"),
    ("ocirc", "ô"),
    ("otilde", "õ"),
    ("ouml", "ö"),
    ("divide", "÷"),
    ("oslash", "ø"),
    ("ugrave", "ù"),
    ("uacute", "ú"),
    ("ucirc", "û"),
    ("uuml", "ü"),
    ("yacute", "ý"),
    ("thorn", "þ"),
    ("yuml", "ÿ"),
    ("OElig", "Œ"),
    ("oelig", "œ"),
    ("Scaron", "Š"),
    ("scaron", "š"),
    ("Yuml", "Ÿ"),
    ("Zcaron", "Ž"),
    ("zcaron", "ž"),
    ("Ccaron", "Č"),
    ("ccaron", "č"),
    ("Lstrok", "Ł"),
    ("lstrok", "ł"),
    ("fnof", "ƒ"),
    ("circ", "ˆ"),
    ("tilde", "˜"),
    ("ensp", "\u{2002}"),
    ("emsp", "\u{2003}"),
    ("thinsp", "\u{2009}"),
    ("zwnj", "\u{200c}"),
    ("zwj", "\u{200d}"),
    ("lrm", "\u{200e}"),
    ("rlm", "\u{200f}"),
    ("hyphen", "‐"),
    ("dash", "‐"),
    ("ndash", "–"),
    ("mdash", "—"),
    ("horbar", "―"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("rsquor", "’"),
    ("sbquo", "‚"),
    ("lsquor", "‚"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("rdquor", "”"),
    ("bdquo", "„"),
    ("ldquor", "„"),
    ("dagger", "†"),
    ("Dagger", "‡"),
    ("bull", "•"),
    ("bullet", "•"),
    ("hellip", "…"),
    ("mldr", "…"),
    ("permil", "‰"),
    ("prime", "′"),
    ("Prime", "″"),
    ("lsaquo", "‹"),
    ("rsaquo", "›"),
    ("oline", "‾"),
    ("frasl", "⁄"),
    ("euro", "€"),
    ("trade", "™"),
    ("TRADE", "™"),
    ("larr", "←"),
    ("uarr", "↑"),
    ("rarr", "→"),
    ("darr", "↓"),
    ("harr", "↔"),
    ("minus", "−"),
    ("lowast", "∗"),
    ("radic", "√"),
    ("infin", "∞"),
    ("asymp", "≈"),
    ("ne", "≠"),
    ("le", "≤"),
    ("ge", "≥"),
    ("sim", "∼"),
    ("loz", "◊"),
    ("spades", "♠"),
    ("clubs", "♣"),
    ("hearts", "♥"),
    ("diams", "♦"),
    ("check", "✓"),
    ("star", "☆"),
    ("starf", "★"),
    ("Alpha", "Α"),
    ("Beta", "Β"),
    ("Gamma", "Γ"),
    ("Delta", "Δ"),
    ("Omega", "Ω"),
    ("alpha", "α"),
    ("beta", "β"),
    ("gamma", "γ"),
    ("delta", "δ"),
    ("epsilon", "ε"),
    ("lambda", "λ"),
    ("mu", "μ"),
    ("pi", "π"),
    ("sigma", "σ"),
    ("omega", "ω"),
    ("Tab", "\t"),
    ("NewLine", "\n"),
    ("excl", "!"),
    ("num", "#"),
    ("dollar", "$"),
    ("percnt", "%"),
    ("lpar", "("),
    ("rpar", ")"),
    ("ast", "*"),
    ("plus", "+"),
    ("comma", ","),
    ("period", "."),
    ("sol", "/"),
    ("colon", ":"),
    ("semi", ";"),
    ("equals", "="),
    ("quest", "?"),
    ("commat", "@"),
    ("lsqb", "["),
    ("lbrack", "["),
    ("bsol", "\\"),
    ("rsqb", "]"),
    ("rbrack", "]"),
    ("Hat", "^"),
    ("lowbar", "_"),
    ("grave", "`"),
    ("lcub", "{"),
    ("lbrace", "{"),
    ("verbar", "|"),
    ("vert", "|"),
    ("rcub", "}"),
    ("rbrace", "}"),
];

/// Names HTML accepts without the closing `;` (`&amp`, `&nbsp`): the legacy ones pages still use.
const LEGACY: &[&str] = &["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"];

fn table() -> &'static FxHashMap<&'static str, &'static str> {
    static TABLE: OnceLock<FxHashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| NAMED.iter().copied().collect())
}

/// Windows-1252 characters for the C1 range: `&#146;` means `’` on the web (HTML5 rule).
pub(super) const C1: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}',
    '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// The character a numeric reference stands for; U+FFFD for NUL, surrogates and out-of-range values.
fn numeric(code: u32) -> char {
    match code {
        0x80..=0x9f => C1[(code - 0x80) as usize],
        0 => '\u{fffd}',
        _ => char::from_u32(code).unwrap_or('\u{fffd}'),
    }
}

/// Decodes the character references in `s`; text without `&` is returned as is.
pub(super) fn decode(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    decode_into(s, &mut out);
    Cow::Owned(out)
}

/// Appends `s` to `out` with its character references decoded.
pub(super) fn decode_into(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match reference(after) {
            Some((text, used)) => {
                match text {
                    Ref::Char(c) => out.push(c),
                    Ref::Str(t) => out.push_str(t),
                }
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

enum Ref {
    Char(char),
    Str(&'static str),
}

/// The reference at the start of `s` (just after `&`) and how many bytes of `s` it used.
fn reference(s: &str) -> Option<(Ref, usize)> {
    let b = s.as_bytes();
    if b.first() == Some(&b'#') {
        let (hex, start) = match b.get(1) {
            Some(b'x' | b'X') => (true, 2),
            _ => (false, 1),
        };
        let digits = b[start..]
            .iter()
            .take_while(|c| if hex { c.is_ascii_hexdigit() } else { c.is_ascii_digit() })
            .count();
        if digits == 0 {
            return None;
        }
        // Saturate long runs of digits instead of overflowing: they are out of range anyway.
        let text = &s[start..start + digits];
        let code =
            if digits > 8 { u32::MAX } else { u32::from_str_radix(text, if hex { 16 } else { 10 }).ok()? };
        let mut used = start + digits;
        if b.get(used) == Some(&b';') {
            used += 1;
        }
        return Some((Ref::Char(numeric(code)), used));
    }
    let len = b.iter().take(9).take_while(|c| c.is_ascii_alphanumeric()).count();
    if len == 0 {
        return None;
    }
    let name = &s[..len];
    if b.get(len) == Some(&b';') {
        return table().get(name).map(|t| (Ref::Str(t), len + 1));
    }
    // Without `;`: only the legacy names, and only when no letter, digit or `=` follows (HTML's rule
    // for attributes, which keeps `?a=1&copy=2` in a URL intact).
    LEGACY.iter().find(|l| name == **l && b.get(len) != Some(&b'=')).map(|l| (Ref::Str(table()[l]), l.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_of_references() {
        let table = [
            ("AT&amp;T", "AT&T"),
            ("a &lt; b &gt; c", "a < b > c"),
            ("&quot;Hi&quot; &apos;x&apos;", "\"Hi\" 'x'"),
            ("caf&eacute; na&iuml;ve", "café naïve"),
            ("it&rsquo;s &ldquo;done&rdquo; &mdash; ok&hellip;", "it’s “done” — ok…"),
            ("&#8217;&#x2019;&#X2019;", "’’’"),
            ("&#146;", "’"),
            ("&#0; &#xD800; &#99999999999;", "\u{fffd} \u{fffd} \u{fffd}"),
            ("&nbsp;x&nbsp", "\u{a0}x\u{a0}"),
            ("&ampx &amp &copy=2", "&ampx & &copy=2"),
            ("&unknown; & &; &#; &#x;", "&unknown; & &; &#; &#x;"),
            ("&lol9; (a DTD entity) stays", "&lol9; (a DTD entity) stays"),
            ("Tom &amp;amp; Jerry", "Tom &amp; Jerry"),
            ("no references", "no references"),
            ("&euro;5 &pound;3 &times;2", "€5 £3 ×2"),
        ];
        for (input, want) in table {
            assert_eq!(decode(input), want, "{input:?}");
        }
    }

    #[test]
    fn names_are_unique() {
        assert_eq!(table().len(), NAMED.len());
        assert!(LEGACY.iter().all(|l| table().contains_key(l)));
    }
}

//! Tokenizing: normalised text in, [`Token`] spans out, with no allocation per token.
//!
//! The rules are those of English news: `U.S.`, `Mr.` and `J.` keep their dot; `China's` is
//! `China` + `'s` and `didn't` is `did` + `n't`; hyphens and dashes are tokens of their own (`mid`
//! `-` `1960s`, `anti` `-` `Soviet`); numbers keep their separators and suffixes (`3,000`, `14.7`,
//! `1950s`); `$` and `%` stand apart.

use super::{Span, Token, TokenKind};

/// Abbreviations that keep their final dot. Lower case, without the dot.
const ABBREVIATIONS: &[&str] = &[
    "adm", "apr", "aug", "brig", "capt", "cmdr", "co", "col", "corp", "cpl", "dec", "dept", "dr", "e.g",
    "etc", "feb", "fig", "fr", "ft", "gen", "gov", "hon", "i.e", "inc", "jan", "jr", "jul", "jun", "lt",
    "ltd", "maj", "mar", "messrs", "mme", "mr", "mrs", "ms", "mt", "no", "nov", "oct", "pres", "prof", "rep",
    "reps", "rev", "sen", "sens", "sep", "sept", "sgt", "sr", "st", "supt", "vs", "mlle",
];

/// Whether `word` (without its dot) is a known abbreviation.
pub fn is_abbreviation(word: &str) -> bool {
    word.len() <= 6 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

#[inline]
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

#[inline]
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}')
}

/// Appends the tokens of `text` to `out`.
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    let mut space_before = true;
    let mut newlines = 0u32;
    while i < n {
        let b = bytes[i];
        if b == b' ' || b == b'\n' {
            if b == b'\n' {
                newlines += 1;
            }
            space_before = true;
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().expect("in bounds");
        let start = i;
        let clitic_nt = !space_before
            && matches!(bytes[i..], [b'n' | b'N', b'\'', b't' | b'T', ..])
            && !bytes.get(i + 3).is_some_and(u8::is_ascii_alphanumeric);
        let (end, kind, abbrev) = if clitic_nt {
            scan_punct(text, i)
        } else if c.is_alphabetic() {
            scan_word(text, i)
        } else if c.is_ascii_digit() {
            (scan_number(text, i), TokenKind::Number, false)
        } else {
            scan_punct(text, i)
        };
        let mut flags = 0u8;
        if space_before {
            flags |= Token::SPACE_BEFORE;
        }
        if newlines >= 2 {
            flags |= Token::PARAGRAPH_BEFORE;
        }
        if abbrev {
            flags |= Token::ABBREVIATION;
        }
        if kind == TokenKind::Word {
            flags |= case_flags(&text[start..end]);
        }
        out.push(Token { span: Span::new(start, end), kind, flags });
        space_before = false;
        newlines = 0;
        i = end;
    }
}

fn case_flags(word: &str) -> u8 {
    let mut chars = word.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    let mut letters = 0;
    let mut any_lower = false;
    for c in word.chars() {
        if c.is_alphabetic() {
            letters += 1;
            any_lower |= c.is_lowercase();
        }
    }
    let mut f = 0;
    if first_upper {
        f |= Token::CAPITALIZED;
        if letters >= 2 && !any_lower {
            f |= Token::ALL_CAPS;
        }
    }
    f
}

/// Scans a word starting at `i`; returns its end, kind, and whether a final dot was kept.
fn scan_word(text: &str, start: usize) -> (usize, TokenKind, bool) {
    let bytes = text.as_bytes();
    let mut i = start;
    let mut inner_dot = false;
    while i < bytes.len() {
        let c = text[i..].chars().next().expect("in bounds");
        if is_word_char(c) {
            i += c.len_utf8();
            continue;
        }
        if c == '.' {
            // "U.S", "e.g": a dot between single letters or after one letter, followed by a letter.
            let next = text[i + 1..].chars().next();
            if next.is_some_and(char::is_alphabetic) && letter_run_before(text, start, i) <= 2 {
                inner_dot = true;
                i += 1;
                continue;
            }
            break;
        }
        if c == '\'' {
            let rest = &bytes[i + 1..];
            // Clitics end the word: "'s" and "n't".
            let s_clitic = matches!(rest.first(), Some(b's' | b'S'))
                && !rest.get(1).is_some_and(|&b| b.is_ascii_alphanumeric());
            let nt = i > start
                && matches!(bytes[i - 1], b'n' | b'N')
                && matches!(rest.first(), Some(b't' | b'T'))
                && !rest.get(1).is_some_and(|&b| b.is_ascii_alphanumeric());
            if s_clitic {
                break;
            }
            if nt && i - 1 > start {
                return (i - 1, TokenKind::Word, false);
            }
            // An inner apostrophe followed by a letter: "d'Ivoire", "O'Brien".
            if text[i + 1..].chars().next().is_some_and(char::is_alphabetic) {
                i += 1;
                continue;
            }
            break;
        }
        break;
    }
    // A final dot belongs to the word for abbreviations, initials and dotted acronyms.
    if bytes.get(i) == Some(&b'.') && !text[i + 1..].starts_with("..") {
        let word = &text[start..i];
        let single_letter = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
        if inner_dot || single_letter || is_abbreviation(word) {
            return (i + 1, TokenKind::Word, true);
        }
    }
    (i, TokenKind::Word, false)
}

/// Number of letters since the last dot (or the start of the word) before `i`.
fn letter_run_before(text: &str, start: usize, i: usize) -> usize {
    text[start..i].rsplit('.').next().map_or(0, |s| s.chars().count())
}

fn scan_number(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    while i < bytes.len() {
        let b = bytes[i];
        // Digits, and a separator with a digit after it ("3,000", "14.7").
        let separator = (b == b',' || b == b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if !(b.is_ascii_digit() || separator) {
            break;
        }
        i += 1;
    }
    // Suffixes: "1950s", "2nd", "10th", "5bn", "'s" is not one ("1960's" keeps it apart).
    while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
        i += 1;
    }
    i
}

fn scan_punct(text: &str, i: usize) -> (usize, TokenKind, bool) {
    let rest = &text.as_bytes()[i..];
    let c = text[i..].chars().next().expect("in bounds");
    let (len, kind) = match rest {
        [b'.', b'.', b'.', ..] => (3, TokenKind::Terminal),
        [b'-', b'-', ..] => {
            let run = rest.iter().take_while(|&&b| b == b'-').count();
            (run, TokenKind::Punct)
        }
        [b'\'', b's' | b'S', ..] if !rest.get(2).is_some_and(|b| b.is_ascii_alphanumeric()) => {
            (2, TokenKind::Clitic)
        }
        [b'n' | b'N', b'\'', b't' | b'T', ..] => (3, TokenKind::Clitic),
        [b'.' | b'?' | b'!', ..] => (1, TokenKind::Terminal),
        _ => (c.len_utf8(), TokenKind::Punct),
    };
    (i + len, kind, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize_into(text, &mut out);
        out.iter().map(|t| &text[t.span.range()]).collect()
    }

    #[test]
    fn table() {
        let table: &[(&str, &[&str])] = &[
            ("China's economy", &["China", "'s", "economy"]),
            ("didn't have", &["did", "n't", "have"]),
            ("the U.S. and Mr. Xi", &["the", "U.S.", "and", "Mr.", "Xi"]),
            ("in the U.S.", &["in", "the", "U.S."]),
            ("ended.", &["ended", "."]),
            ("3,000 Chinese troops", &["3,000", "Chinese", "troops"]),
            ("moved 14.7% of", &["moved", "14.7", "%", "of"]),
            ("$107 billion", &["$", "107", "billion"]),
            ("the mid-1960s", &["the", "mid", "-", "1960s"]),
            ("anti-Soviet rebels", &["anti", "-", "Soviet", "rebels"]),
            ("a bond -- with", &["a", "bond", "--", "with"]),
            ("Cote d'Ivoire", &["Cote", "d'Ivoire"]),
            ("J. Smith", &["J.", "Smith"]),
            ("countries' ties", &["countries", "'", "ties"]),
            ("'Big Brother,'", &["'", "Big", "Brother", ",", "'"]),
            ("Sept. 12", &["Sept.", "12"]),
            ("wait... what?", &["wait", "...", "what", "?"]),
            ("protégé'", &["protégé", "'"]),
            ("e.g. this", &["e.g.", "this"]),
            ("1930s.)Though", &["1930s", ".", ")", "Though"]),
        ];
        for (text, want) in table {
            assert_eq!(toks(text), *want, "{text:?}");
        }
    }

    #[test]
    fn flags() {
        let text = "The U.S. Senate and NATO\n\nsaid";
        let mut out = Vec::new();
        tokenize_into(text, &mut out);
        assert!(out[0].is_capitalized() && !out[0].has(Token::ALL_CAPS));
        assert!(out[1].has(Token::ALL_CAPS) && out[1].has(Token::ABBREVIATION));
        assert!(out[4].has(Token::ALL_CAPS));
        assert!(out[5].has(Token::PARAGRAPH_BEFORE));
        assert!(!out[3].has(Token::CAPITALIZED));
    }

    #[test]
    fn spans_lie_on_char_boundaries() {
        let text = "Zürich’s “Élysée” — 北京 and Москва, 1950s…";
        let mut out = Vec::new();
        tokenize_into(text, &mut out);
        for t in &out {
            assert!(text.is_char_boundary(t.span.start as usize));
            assert!(text.is_char_boundary(t.span.end as usize));
            assert!(!t.span.is_empty());
        }
    }
}

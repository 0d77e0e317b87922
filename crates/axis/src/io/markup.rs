//! A forgiving tag tokenizer for HTML pages and RSS/Atom feeds.
//!
//! It cuts markup into text runs, start and end tags, comments, CDATA sections and declarations,
//! and never fails: a stray `<` is text, an unclosed comment or tag ends the input (as in browsers).
//! Every byte is looked at a bounded number of times, so time is linear in the input, and nothing
//! recurses, so nesting depth does not matter. Structure (which tag closes which) is the caller's
//! business: [`super::html`] and [`super::feed`] each keep their own stack.
//!
//! In HTML mode the contents of `script`, `style`, `title`, `textarea` and friends are one text run
//! up to their end tag, as browsers read them. Text comes out raw; [`super::entity`] decodes it.

/// One piece of markup. Slices borrow from the input; `at` is the byte offset of the `<`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Token<'a> {
    /// Character data, references not yet decoded.
    Text(&'a str),
    /// `<name attrs>` or `<name attrs/>`.
    Start {
        /// The tag name as written.
        name: &'a str,
        /// Everything between the name and the closing `>` (read with [`attributes`]).
        attrs: &'a str,
        /// Ends in `/>`.
        self_closing: bool,
        /// Offset of the `<`.
        at: usize,
        /// Offset just after the `>`.
        end: usize,
    },
    /// `</name>`.
    End {
        /// The tag name as written.
        name: &'a str,
        /// Offset of the `<`.
        at: usize,
    },
    /// The contents of `<![CDATA[ … ]]>`.
    Cdata(&'a str),
    /// A comment, doctype, processing instruction or bogus comment: nothing to read.
    Other,
}

/// Elements whose content HTML reads as text up to their end tag.
const RAW_TEXT: &[&str] =
    &["script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript"];

/// Tokenizes `src`; `html` turns on the raw-text elements of HTML.
pub(super) struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
    html: bool,
    /// Inside a raw-text element: the text runs up to `</` + this name.
    raw_until: Option<&'static str>,
}

impl<'a> Tokenizer<'a> {
    /// A tokenizer for an HTML page or fragment.
    pub(super) fn html(src: &'a str) -> Tokenizer<'a> {
        Tokenizer { src, pos: 0, html: true, raw_until: None }
    }

    /// A tokenizer for XML (feeds): no raw-text elements.
    pub(super) fn xml(src: &'a str) -> Tokenizer<'a> {
        Tokenizer { src, pos: 0, html: false, raw_until: None }
    }

    /// Finds `</name` (any case) followed by a delimiter, from `from`; the offset of its `<`.
    fn find_end_tag(&self, name: &str, from: usize) -> Option<usize> {
        let b = self.src.as_bytes();
        let mut i = from;
        while let Some(k) = memchr(b'<', &b[i..]) {
            let at = i + k;
            let n = at + 2 + name.len();
            if b.get(at + 1) == Some(&b'/')
                && n <= b.len()
                && b[at + 2..n].eq_ignore_ascii_case(name.as_bytes())
                && b.get(n).is_none_or(|c| c.is_ascii_whitespace() || *c == b'>' || *c == b'/')
            {
                return Some(at);
            }
            i = at + 1;
        }
        None
    }

    /// Offset just after the `>` that ends a tag whose attributes start at `from` (quotes
    /// respected), or `None` when the input ends first.
    fn tag_end(&self, from: usize) -> Option<usize> {
        let b = self.src.as_bytes();
        let mut i = from;
        let mut after_eq = false;
        while i < b.len() {
            match b[i] {
                b'>' => return Some(i + 1),
                b'=' => after_eq = true,
                q @ (b'"' | b'\'') if after_eq => {
                    i += 1 + memchr(q, &b[i + 1..])?;
                    after_eq = false;
                }
                c if c.is_ascii_whitespace() => {}
                _ => after_eq = false,
            }
            i += 1;
        }
        None
    }

    fn find_str(&self, needle: &str, from: usize) -> Option<usize> {
        self.src.get(from..)?.find(needle).map(|k| from + k)
    }

    /// Skips to just after `needle` (or to the end of the input) and yields `Other`.
    fn skip_past(&mut self, needle: &str, from: usize) -> Token<'a> {
        self.pos = self.find_str(needle, from).map_or(self.src.len(), |k| k + needle.len());
        Token::Other
    }

    /// A `<!DOCTYPE … [ internal subset ]>`: brackets may hold `>`, so count them.
    fn skip_declaration(&mut self, from: usize) -> Token<'a> {
        let b = self.src.as_bytes();
        let mut depth = 0usize;
        let mut i = from;
        while i < b.len() {
            match b[i] {
                b'[' => depth += 1,
                b']' => depth = depth.saturating_sub(1),
                b'>' if depth == 0 => break,
                q @ (b'"' | b'\'') => match memchr(q, &b[i + 1..]) {
                    Some(k) => i += k + 1,
                    None => i = b.len(),
                },
                _ => {}
            }
            i += 1;
        }
        self.pos = (i + 1).min(b.len());
        Token::Other
    }
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let src = self.src;
        let b = src.as_bytes();
        let start = self.pos;
        if start >= b.len() {
            return None;
        }
        if let Some(name) = self.raw_until.take() {
            let end = self.find_end_tag(name, start).unwrap_or(b.len());
            self.pos = end;
            if end > start {
                return Some(Token::Text(&src[start..end]));
            }
        }
        let start = self.pos;
        if start >= b.len() {
            return None;
        }
        if b[start] != b'<' {
            let end = memchr(b'<', &b[start..]).map_or(b.len(), |k| start + k);
            self.pos = end;
            return Some(Token::Text(&src[start..end]));
        }
        let next = b.get(start + 1).copied();
        Some(match next {
            Some(b'!') => {
                if src[start..].starts_with("<!--") {
                    self.skip_past("-->", start + 4)
                } else if src[start..].starts_with("<![CDATA[") {
                    let from = start + 9;
                    let end = self.find_str("]]>", from).unwrap_or(b.len());
                    self.pos = (end + 3).min(b.len());
                    Token::Cdata(&src[from..end])
                } else {
                    self.skip_declaration(start + 2)
                }
            }
            Some(b'?') if self.html => self.skip_past(">", start + 2),
            Some(b'?') => self.skip_past("?>", start + 2),
            Some(b'/') => {
                let from = start + 2;
                let len = name_len(&b[from..]);
                if len == 0 {
                    // `</>` or `</ x>`: a bogus comment up to the next `>`.
                    return Some(self.skip_past(">", from));
                }
                self.pos = memchr(b'>', &b[from..]).map_or(b.len(), |k| from + k + 1);
                Token::End { name: &src[from..from + len], at: start }
            }
            Some(c) if c.is_ascii_alphabetic() || (!self.html && (c == b'_' || c >= 0x80)) => {
                let from = start + 1;
                let len = name_len(&b[from..]);
                let Some(end) = self.tag_end(from + len) else {
                    // The input ends inside a tag: drop it, as a browser would.
                    self.pos = b.len();
                    return Some(Token::Other);
                };
                self.pos = end;
                let name = &src[from..from + len];
                let inner = &src[from + len..end - 1];
                let self_closing = inner.ends_with('/');
                let attrs = inner.strip_suffix('/').unwrap_or(inner);
                if self.html && !self_closing {
                    self.raw_until = RAW_TEXT.iter().copied().find(|r| r.eq_ignore_ascii_case(name));
                }
                Token::Start { name, attrs, self_closing, at: start, end }
            }
            _ => {
                // A `<` that opens nothing is text.
                let end = memchr(b'<', &b[start + 1..]).map_or(b.len(), |k| start + 1 + k);
                self.pos = end;
                Token::Text(&src[start..end])
            }
        })
    }
}

/// Length of a tag name at the start of `b`: up to whitespace, `/` or `>`.
fn name_len(b: &[u8]) -> usize {
    b.iter().take_while(|c| !c.is_ascii_whitespace() && **c != b'/' && **c != b'>').count()
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&c| c == needle)
}

/// The attributes in a tag's attribute text: `(name, raw value)`, value `""` when absent.
pub(super) fn attributes(attrs: &str) -> impl Iterator<Item = (&str, &str)> {
    let b = attrs.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        let n0 = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'/' {
            i += 1;
        }
        let name = &attrs[n0..i];
        let mut j = i;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        if j >= b.len() || b[j] != b'=' {
            return Some((name, ""));
        }
        j += 1;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        let value = match b.get(j) {
            Some(&q @ (b'"' | b'\'')) => {
                let v0 = j + 1;
                let v1 = memchr(q, &b[v0..]).map_or(b.len(), |k| v0 + k);
                i = (v1 + 1).min(b.len());
                &attrs[v0..v1]
            }
            _ => {
                let v0 = j;
                while j < b.len() && !b[j].is_ascii_whitespace() {
                    j += 1;
                }
                i = j;
                &attrs[v0..j]
            }
        };
        Some((name, value))
    })
}

/// The raw value of attribute `name` (any case), if present.
pub(super) fn attribute<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    attributes(attrs).find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(t: Token) -> String {
        match t {
            Token::Text(s) => format!("T({s})"),
            Token::Start { name, attrs, self_closing, .. } => {
                format!("S({name}{}{})", if attrs.is_empty() { "" } else { "|" }, attrs.trim())
                    + if self_closing { "/" } else { "" }
            }
            Token::End { name, .. } => format!("E({name})"),
            Token::Cdata(s) => format!("C({s})"),
            Token::Other => "O".into(),
        }
    }

    #[test]
    fn table_of_tokens() {
        let table: &[(&str, &str)] = &[
            ("<p>Hi <b>you</b></p>", "S(p) T(Hi ) S(b) T(you) E(b) E(p)"),
            ("<a href=\"x>y\" title='q'>t</a>", "S(a|href=\"x>y\" title='q') T(t) E(a)"),
            ("a < b <3 <", "T(a ) T(< b ) T(<3 ) T(<)"),
            ("<!-- c --><br/>x", "O S(br)/ T(x)"),
            ("x<!-- never closed", "T(x) O"),
            ("<script>if (a<b) { x='</p>' }</script>y", "S(script) T(if (a<b) { x='</p>' }) E(script) T(y)"),
            ("<SCRIPT>a</Script >b", "S(SCRIPT) T(a) E(Script) T(b)"),
            ("<script>never closed <p>x", "S(script) T(never closed <p>x)"),
            ("<title>A &amp; B</title>", "S(title) T(A &amp; B) E(title)"),
            ("<!DOCTYPE x [<!ENTITY a \"b>\">]><r/>", "O S(r)/"),
            ("<?xml version=\"1.0\"?><r>", "O S(r)"),
            ("<p class=\"unterminated>text", "O"),
            ("</ p>x</>y", "O T(x) O T(y)"),
        ];
        for (input, want) in table {
            let got: Vec<String> = Tokenizer::html(input).map(show).collect();
            assert_eq!(got.join(" "), *want, "{input:?}");
        }
        let xml: Vec<String> =
            Tokenizer::xml("<d><![CDATA[<b>x</b>]]></d><dc:date>1</dc:date>").map(show).collect();
        assert_eq!(xml.join(" "), "S(d) C(<b>x</b>) E(d) S(dc:date) T(1) E(dc:date)");
    }

    #[test]
    fn attributes_table() {
        let got: Vec<(&str, &str)> =
            attributes(" a=1 b = \"two words\" c d='x\"y' e=\"unterminated").collect();
        assert_eq!(got, [("a", "1"), ("b", "two words"), ("c", ""), ("d", "x\"y"), ("e", "unterminated")]);
        assert_eq!(attribute(" Property=\"og:title\" ", "property"), Some("og:title"));
    }

    #[test]
    fn many_stray_brackets_stay_linear() {
        // Each `<a` without a `>` would make a naive tokenizer rescan the rest: quadratic.
        let s = "<a ".repeat(200_000);
        assert_eq!(Tokenizer::html(&s).count(), 1);
        let s = "< ".repeat(200_000);
        assert_eq!(Tokenizer::html(&s).count(), 200_000);
    }
}

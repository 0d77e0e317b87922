//! Lines from a byte stream, one buffer reused for all of them, each capped in length so that a
//! file without newlines cannot exhaust memory.

use std::io::{self, BufRead, BufReader, Read};

/// One line as read.
pub(crate) enum Line<'a> {
    /// The line's bytes, without `\n` or `\r\n`.
    Text(&'a [u8]),
    /// A line longer than the limit, of this many bytes; its bytes were discarded.
    TooLong(usize),
}

/// Reads lines of at most `max` bytes; numbers them from 1.
pub(crate) struct LineReader<'r> {
    inner: BufReader<&'r mut dyn Read>,
    buf: Vec<u8>,
    max: usize,
    number: u64,
}

impl<'r> LineReader<'r> {
    pub(crate) fn new(input: &'r mut dyn Read, max: usize) -> LineReader<'r> {
        LineReader { inner: BufReader::with_capacity(256 << 10, input), buf: Vec::new(), max, number: 0 }
    }

    /// The limit in bytes.
    pub(crate) fn max(&self) -> usize {
        self.max
    }

    /// The next line and its 1-based number, or `None` at the end of the input.
    pub(crate) fn next_line(&mut self) -> io::Result<Option<(u64, Line<'_>)>> {
        self.buf.clear();
        let mut total = 0usize;
        let mut too_long = false;
        let mut any = false;
        loop {
            let avail = match self.inner.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if avail.is_empty() {
                break;
            }
            any = true;
            let (chunk, used, done) = match memchr::memchr(b'\n', avail) {
                Some(i) => (&avail[..i], i + 1, true),
                None => (avail, avail.len(), false),
            };
            total += chunk.len();
            if !too_long {
                if self.buf.len() + chunk.len() > self.max {
                    too_long = true;
                    self.buf = Vec::new();
                } else {
                    self.buf.extend_from_slice(chunk);
                }
            }
            self.inner.consume(used);
            if done {
                break;
            }
        }
        if !any {
            return Ok(None);
        }
        self.number += 1;
        if too_long {
            return Ok(Some((self.number, Line::TooLong(total))));
        }
        if self.buf.last() == Some(&b'\r') {
            self.buf.pop();
        }
        Ok(Some((self.number, Line::Text(&self.buf))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &str, max: usize) -> Vec<String> {
        let mut bytes = input.as_bytes();
        let mut r = LineReader::new(&mut bytes, max);
        let mut out = Vec::new();
        while let Some((_, l)) = r.next_line().expect("in memory") {
            out.push(match l {
                Line::Text(t) => String::from_utf8_lossy(t).into_owned(),
                Line::TooLong(n) => format!("<{n} bytes>"),
            });
        }
        out
    }

    #[test]
    fn splits_and_caps_lines() {
        let cases: &[(&str, usize, &[&str])] = &[
            ("a\nb\n", 10, &["a", "b"]),
            ("a\r\nb", 10, &["a", "b"]),
            ("", 10, &[]),
            ("\n\n", 10, &["", ""]),
            ("short\nmuch too long\nok\n", 5, &["short", "<13 bytes>", "ok"]),
            ("abcdef", 3, &["<6 bytes>"]),
        ];
        for (input, max, want) in cases {
            assert_eq!(lines(input, *max), *want, "{input:?} max {max}");
        }
    }
}

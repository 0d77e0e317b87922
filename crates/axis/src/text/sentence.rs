//! Sentence splitting over tokens.
//!
//! Splitting after tokenizing means abbreviations are already settled: `Mr.`, `Jan.` and `J.` carry
//! their dot, so a `.` token is a real full stop. A sentence ends at `.`, `?`, `!` or `...` (plus any
//! closing quotes and brackets) when the next token could start a sentence; after an abbreviation
//! such as `U.S.` only when the next word is a typical sentence opener ("in the U.S. The ...");
//! and at a blank line, unless the line broke mid-sentence (no final punctuation, lower-case
//! continuation).

use super::{Span, Token, TokenKind};
use serde::Serialize;

/// A sentence of a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// Where it is in the document's normalised text.
    pub span: Span,
    /// Its tokens: indices into the document's token list.
    pub tokens: std::ops::Range<usize>,
    /// Paragraph number (0-based): blank lines separate paragraphs.
    pub paragraph: u32,
}

/// Words that open sentences often enough to end one after an abbreviation like `U.S.`.
const OPENERS: &[&str] = &[
    "A",
    "After",
    "An",
    "And",
    "As",
    "At",
    "But",
    "By",
    "During",
    "For",
    "He",
    "Her",
    "His",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Meanwhile",
    "Now",
    "On",
    "One",
    "She",
    "Since",
    "So",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "To",
    "We",
    "What",
    "When",
    "While",
    "Yet",
];

/// Abbreviations after which no sentence ends: titles, months, initials.
fn never_ends(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    w.chars().count() == 1
        || [
            "mr", "mrs", "ms", "dr", "gen", "sen", "sens", "rep", "reps", "gov", "lt", "col", "maj", "capt",
            "sgt", "adm", "cmdr", "brig", "cpl", "prof", "rev", "hon", "pres", "st", "mt", "fr", "jan",
            "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "messrs",
            "mme", "mlle", "supt", "e.g", "i.e", "vs",
        ]
        .iter()
        .any(|a| a.eq_ignore_ascii_case(w))
}

fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "'" | ")" | "]" | "}")
}

fn is_opener_punct(s: &str) -> bool {
    matches!(s, "\"" | "'" | "(" | "[")
}

/// Appends the sentences of `tokens` (tokens of `text`) to `out`.
pub fn split_into(text: &str, tokens: &[Token], out: &mut Vec<Sentence>) {
    let tok = |i: usize| &text[tokens[i].span.range()];
    let mut para = Paragraphs::default();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < tokens.len() {
        let t = tokens[i];
        // A paragraph break before token i ends the open sentence unless the line broke mid-sentence.
        if i > start && t.has(Token::PARAGRAPH_BEFORE) {
            let prev = tokens[i - 1];
            let mid_sentence = prev.kind != TokenKind::Terminal
                && !is_closer(tok(i - 1))
                && t.kind == TokenKind::Word
                && !t.is_capitalized();
            if !mid_sentence {
                push(text, tokens, start, i, &mut para, out);
                start = i;
            }
        }
        let mut end = None;
        if t.kind == TokenKind::Terminal {
            // Absorb closing quotes and brackets glued to the stop: `."`, `.)`, `?'`.
            let mut j = i + 1;
            while j < tokens.len() && is_closer(tok(j)) && !tokens[j].has(Token::SPACE_BEFORE) {
                j += 1;
            }
            match tokens.get(j) {
                None => end = Some(j),
                Some(next) => {
                    if next.is_capitalized()
                        || next.kind == TokenKind::Number
                        || next.has(Token::PARAGRAPH_BEFORE)
                        || (is_opener_punct(tok(j)) && next.has(Token::SPACE_BEFORE))
                    {
                        end = Some(j);
                    }
                }
            }
        } else if t.has(Token::ABBREVIATION) && !never_ends(tok(i)) {
            if let Some(next) = tokens.get(i + 1) {
                if next.is_capitalized() && OPENERS.contains(&tok(i + 1)) {
                    end = Some(i + 1);
                }
            }
        }
        match end {
            Some(e) => {
                push(text, tokens, start, e, &mut para, out);
                start = e;
                i = e;
            }
            None => i += 1,
        }
    }
    push(text, tokens, start, tokens.len(), &mut para, out);
}

/// Counts paragraphs as sentences are pushed in order: a sentence that starts after a blank line
/// opens a new one (blank lines inside a sentence were mid-sentence line breaks).
#[derive(Default)]
struct Paragraphs {
    count: u32,
}

impl Paragraphs {
    fn at(&mut self, tokens: &[Token], start: usize) -> u32 {
        if start > 0 && tokens[start].has(Token::PARAGRAPH_BEFORE) {
            self.count += 1;
        }
        self.count
    }
}

/// Longest sentence, in tokens. Real news sentences stay far below it; longer runs are lists,
/// tables or text without punctuation, and every later stage is bounded by this length.
pub const MAX_SENTENCE_TOKENS: usize = 400;

fn push(
    text: &str,
    tokens: &[Token],
    mut start: usize,
    end: usize,
    para: &mut Paragraphs,
    out: &mut Vec<Sentence>,
) {
    // Cut an over-long run at the last comma, semicolon, colon or dash before the limit (in its
    // second half), else at the limit.
    while end.saturating_sub(start) > MAX_SENTENCE_TOKENS {
        let limit = start + MAX_SENTENCE_TOKENS;
        let cut = (start + MAX_SENTENCE_TOKENS / 2..limit)
            .rev()
            .find(|&i| matches!(&text[tokens[i].span.range()], "," | ";" | ":" | "--"))
            .map_or(limit, |i| i + 1);
        push_one(tokens, start, cut, para, out);
        start = cut;
    }
    push_one(tokens, start, end, para, out);
}

fn push_one(tokens: &[Token], start: usize, end: usize, para: &mut Paragraphs, out: &mut Vec<Sentence>) {
    if start >= end {
        return;
    }
    let span = Span { start: tokens[start].span.start, end: tokens[end - 1].span.end };
    out.push(Sentence { span, tokens: start..end, paragraph: para.at(tokens, start) });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize_into;

    fn split(text: &str) -> Vec<&str> {
        let (mut toks, mut out) = (Vec::new(), Vec::new());
        tokenize_into(text, &mut toks);
        split_into(text, &toks, &mut out);
        out.iter().map(|s| &text[s.span.range()]).collect()
    }

    #[test]
    fn table() {
        let table: &[(&str, &[&str])] = &[
            ("Mr. Xi said so. Mr. Putin agreed.", &["Mr. Xi said so.", "Mr. Putin agreed."]),
            ("The U.S. Senate voted. It passed.", &["The U.S. Senate voted.", "It passed."]),
            (
                "Troops stayed in the U.S. The talks ended.",
                &["Troops stayed in the U.S.", "The talks ended."],
            ),
            ("The U.N. Secretary-General spoke.", &["The U.N. Secretary-General spoke."]),
            ("On Jan. 5 they met. Then they left.", &["On Jan. 5 they met.", "Then they left."]),
            ("George W. Bush met J. Smith.", &["George W. Bush met J. Smith."]),
            ("Reserves rose 14.7 percent. Trade grew.", &["Reserves rose 14.7 percent.", "Trade grew."]),
            ("\"We agree.\" Then he left.", &["\"We agree.\"", "Then he left."]),
            ("He said: \"Why?\" and left.", &["He said: \"Why?\" and left."]),
            ("(They left in the 1930s.)Though late, ok.", &["(They left in the 1930s.)", "Though late, ok."]),
            ("A headline\n\nThe body starts.", &["A headline", "The body starts."]),
            (
                "broadened security and\n\neconomic cooperation.",
                &["broadened security and\n\neconomic cooperation."],
            ),
            ("It grew 27% last year. 10 others left.", &["It grew 27% last year.", "10 others left."]),
            ("What? No! Yes...", &["What?", "No!", "Yes..."]),
            ("Talks (in Geneva.) ended", &["Talks (in Geneva.) ended"]),
            ("ends without a stop", &["ends without a stop"]),
            ("", &[]),
        ];
        // An over-long run is cut at a comma in the second half of the limit.
        let long = "a b c, ".repeat(200);
        let parts = split(&long);
        assert!(parts.len() >= 2 && parts.iter().all(|p| p.split(' ').count() <= MAX_SENTENCE_TOKENS));
        assert!(parts[0].ends_with(','), "{:?}", &parts[0][parts[0].len() - 10..]);
        for (text, want) in table {
            assert_eq!(split(text), *want, "{text:?}");
        }
    }

    #[test]
    fn paragraphs_are_numbered() {
        let text = "One. Two.\n\nThree and\n\nfour. Five.\n\nSix.";
        let (mut toks, mut out) = (Vec::new(), Vec::new());
        tokenize_into(text, &mut toks);
        split_into(text, &toks, &mut out);
        let paras: Vec<u32> = out.iter().map(|s| s.paragraph).collect();
        assert_eq!(paras, [0, 0, 1, 1, 2]);
    }
}

//! Tokens: spans with a kind and a few precomputed shape flags.

use super::Span;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (possibly with inner dots or apostrophes: `U.S.`, `Mr.`, `d'Ivoire`).
    Word,
    /// Starts with a digit: `1956`, `3,000`, `14.7`, `1950s`, `2nd`.
    Number,
    /// Sentence-ending punctuation: `.`, `?`, `!`, `...`.
    Terminal,
    /// The clitics `'s`, `'` (possessive) and `n't`.
    Clitic,
    /// Any other punctuation or symbol: `,`, `;`, `--`, `-`, `(`, `"`, `$`, `%`.
    Punct,
}

/// A token of a document: a span into its normalised text plus its shape.
///
/// Tokens never own text; read it with `&doc.text()[token.span.range()]` or the lower-cased copy
/// `doc.lower()`, which has the same byte offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where the token is, in the document's normalised text.
    pub span: Span,
    /// What it is made of.
    pub kind: TokenKind,
    /// Shape flags: see the `Token::*` constants.
    pub flags: u8,
}

impl Token {
    /// Preceded by whitespace (or the start of the text).
    pub const SPACE_BEFORE: u8 = 1;
    /// First character is an upper-case letter.
    pub const CAPITALIZED: u8 = 2;
    /// Has at least two letters, all upper case (`US`, `NATO`, `U.S.`).
    pub const ALL_CAPS: u8 = 4;
    /// A blank line (paragraph break) lies between this token and the previous one.
    pub const PARAGRAPH_BEFORE: u8 = 8;
    /// Ends with `.` that belongs to the word (an abbreviation or initial: `Mr.`, `U.S.`, `J.`).
    pub const ABBREVIATION: u8 = 16;

    /// Whether a flag is set.
    #[inline]
    pub fn has(self, flag: u8) -> bool {
        self.flags & flag != 0
    }

    /// Whether the token starts with an upper-case letter.
    #[inline]
    pub fn is_capitalized(self) -> bool {
        self.has(Token::CAPITALIZED)
    }
}

//! The text layer: raw news text → normalised text → tokens → sentences, all as spans.
//!
//! [`Document::new`] runs the whole layer once per document: [`normalize`] gives one spelling of
//! quotes, dashes and spaces (with an [`OffsetMap`] back to the raw bytes), [`tokenize`] cuts it into
//! [`Token`]s and [`sentence`] groups them into [`Sentence`]s. Nothing here allocates per token; the
//! only owned strings are the document's raw, normalised and lower-cased texts.

mod document;
pub mod normalize;
pub mod sentence;
mod span;
mod token;
pub mod tokenize;

pub use document::Document;
pub use normalize::OffsetMap;
pub use sentence::Sentence;
pub use span::Span;
pub use token::{Token, TokenKind};
pub use tokenize::tokenize_into;

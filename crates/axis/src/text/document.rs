//! A document: raw text plus everything the text layer derives from it once.

use super::{normalize, sentence, tokenize, OffsetMap, Sentence, Span, Token};
use crate::when::Date;

/// A news document, analysed into tokens and sentences.
///
/// The raw text is kept untouched for evidence; the normalised text (see [`normalize`]) is what
/// every stage reads, and its lower-cased copy has the same byte offsets. Spans in tokens,
/// sentences and mentions are offsets into the normalised text; [`Document::raw_span`] maps them
/// back to the raw text.
#[derive(Clone, Debug)]
pub struct Document {
    /// Identifier (file name, JSONL `id`, or generated).
    pub id: String,
    /// The story (publication) date, when known.
    pub date: Option<Date>,
    /// Headline.
    pub title: Option<String>,
    /// Address of the story.
    pub url: Option<String>,
    /// Publisher or feed.
    pub source: Option<String>,
    raw: String,
    /// Where `raw` starts in its source file (after a plain-text header block), in bytes.
    source_offset: u32,
    text: String,
    lower: String,
    map: OffsetMap,
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
    /// A parse that came with the text (CoNLL-U, a PETRARCH record's `<Parse>`).
    parse: Option<std::sync::Arc<crate::parse::Parse>>,
}

impl Document {
    /// Analyses `raw` into a document.
    pub fn new(id: impl Into<String>, raw: impl Into<String>, date: Option<Date>) -> Document {
        let raw = raw.into();
        let mut doc = Document {
            id: id.into(),
            date,
            title: None,
            url: None,
            source: None,
            raw,
            source_offset: 0,
            text: String::new(),
            lower: String::new(),
            map: OffsetMap::default(),
            tokens: Vec::new(),
            sentences: Vec::new(),
            parse: None,
        };
        normalize::normalize_into(&doc.raw, &mut doc.text, &mut doc.map);
        normalize::lower_same_len_into(&doc.text, &mut doc.lower);
        tokenize::tokenize_into(&doc.text, &mut doc.tokens);
        sentence::split_into(&doc.text, &doc.tokens, &mut doc.sentences);
        doc
    }

    /// Attaches a parse of the text (used by the coder with [`crate::code::Coder::use_parse`]).
    pub fn with_parse(mut self, parse: crate::parse::Parse) -> Document {
        self.parse = Some(std::sync::Arc::new(parse));
        self
    }

    /// The parse that came with the text, if any.
    pub fn parse(&self) -> Option<&crate::parse::Parse> {
        self.parse.as_deref()
    }

    /// The text exactly as it came in.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// The normalised text every stage reads.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The normalised text, lower-cased with the same byte offsets.
    pub fn lower(&self) -> &str {
        &self.lower
    }

    /// All tokens, in order.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// All sentences, in order.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// The tokens of one sentence.
    pub fn sentence_tokens(&self, s: &Sentence) -> &[Token] {
        &self.tokens[s.tokens.clone()]
    }

    /// The normalised text of a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// The span in the raw text that a normalised span came from.
    pub fn raw_span(&self, span: Span) -> Span {
        Span { start: self.map.start_to_raw(span.start), end: self.map.end_to_raw(span.end) }
    }

    /// Records that the raw text starts `offset` bytes into its source file (plain-text files
    /// with a header block), so that [`Document::source_span`] can point into the file.
    pub fn set_source_offset(&mut self, offset: usize) {
        self.source_offset = offset as u32;
    }

    /// The span in the source file (or JSONL `text` field) that a normalised span came from.
    pub fn source_span(&self, span: Span) -> Span {
        let r = self.raw_span(span);
        Span { start: r.start + self.source_offset, end: r.end + self.source_offset }
    }

    /// The raw text of a normalised span: the evidence exactly as published.
    pub fn raw_slice(&self, span: Span) -> &str {
        let r = self.raw_span(span);
        self.raw.get(r.range()).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_spans_point_at_the_original_bytes() {
        let raw = "\u{201C}The                 U.S. and China\u{2019}s army.\u{201D}\r\n\r\nNext one.";
        let doc = Document::new("d", raw, None);
        assert_eq!(doc.sentences().len(), 2);
        for t in doc.tokens() {
            let norm = doc.slice(t.span);
            let orig = doc.raw_slice(t.span);
            match norm {
                "\"" => assert!(orig == "\u{201C}" || orig == "\u{201D}", "{orig:?}"),
                "'s" => assert_eq!(orig, "\u{2019}s"),
                _ => assert_eq!(norm, orig),
            }
        }
    }

    /// Laws on arbitrary text: analysis never panics; token and sentence spans lie on char
    /// boundaries of the normalised text, and map back to char boundaries of the raw text, in order.
    #[test]
    fn spans_are_sound_on_arbitrary_text() {
        let pieces = [
            "U.S.",
            "Mr.",
            " ",
            "  ",
            "\n",
            "\n\n",
            "\r\n",
            ".",
            "?",
            "!",
            "...",
            "'s",
            "n't",
            "\u{2019}",
            "\u{201C}",
            "\u{201D}",
            "\u{2014}",
            "\u{A0}",
            "\u{200B}",
            "\u{FEFF}",
            "\t",
            "-",
            "--",
            "(",
            ")",
            "1950s",
            "3,000",
            "14.7",
            "%",
            "$",
            "China",
            "é",
            "北京",
            "Москва",
            "a",
            "B",
            "'",
            "\"",
            "e.g.",
            "J.",
            "\u{301}",
        ];
        let mut rng = crate::testing::Lcg(42);
        for _ in 0..3000 {
            let len = rng.next(40);
            let raw: String = (0..len).map(|_| pieces[rng.next(pieces.len())]).collect();
            let doc = Document::new("p", raw.as_str(), None);
            let mut last_end = 0;
            for t in doc.tokens() {
                assert!(doc.text().is_char_boundary(t.span.start as usize), "{raw:?}");
                assert!(doc.text().is_char_boundary(t.span.end as usize), "{raw:?}");
                let r = doc.raw_span(t.span);
                assert!(r.start <= r.end && r.end as usize <= raw.len(), "{raw:?}: {r:?}");
                assert!(
                    raw.is_char_boundary(r.start as usize) && raw.is_char_boundary(r.end as usize),
                    "{raw:?}"
                );
                assert!(r.start >= last_end, "raw spans out of order in {raw:?}");
                last_end = r.end;
            }
            let covered: usize = doc.sentences().iter().map(|s| s.tokens.len()).sum();
            assert_eq!(covered, doc.tokens().len(), "sentences must cover every token: {raw:?}");
        }
    }
}

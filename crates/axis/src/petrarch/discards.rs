//! PETRARCH discard lists (`Phoenix.discards.txt`): phrases whose presence means a sentence (or,
//! with a leading `+`, the whole story) is not about political events ("BASEBALL", "+ESPN2").
//!
//! PETRARCH drops such sentences before coding; axis codes them and then drops their events
//! ([`Discards::hit`]), which has the same effect on output.

use super::{words_of, Log};
use crate::text::{tokenize_into, Document, Token};
use rustc_hash::FxHashMap;
use std::path::Path;

/// Where a discard applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Drop the sentence.
    Sentence,
    /// Drop the whole story.
    Story,
}

/// The words of a phrase after its first, and where the phrase applies.
type Tail = (Vec<Box<str>>, Scope);

/// Compiled discard phrases: first word → (remaining words, scope).
#[derive(Clone, Debug, Default)]
pub struct Discards {
    by_first: FxHashMap<Box<str>, Vec<Tail>>,
    len: usize,
}

impl Discards {
    /// Reads one discard file.
    pub(crate) fn read(&mut self, path: &Path, text: &str, log: &mut Log) {
        for (n, line) in super::lines(text) {
            let (scope, phrase) = match line.strip_prefix('+') {
                Some(p) => (Scope::Story, p),
                None => (Scope::Sentence, &*line),
            };
            if !self.add(phrase, scope) {
                log.syntax(path, n, "a discard line without words");
            }
        }
    }

    /// Adds a phrase (PETRARCH spelling); false when it has no words.
    pub fn add(&mut self, phrase: &str, scope: Scope) -> bool {
        let words = token_words(&words_of(phrase));
        let Some((first, rest)) = words.split_first() else {
            return false;
        };
        self.by_first.entry(first.clone()).or_default().push((rest.to_vec(), scope));
        self.len += 1;
        true
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The widest discard that applies to sentence `index` of `doc`: story-level phrases
    /// anywhere in the document, sentence-level ones in that sentence.
    pub fn hit(&self, doc: &Document, index: usize) -> Option<Scope> {
        if self.is_empty() {
            return None;
        }
        let mut found = None;
        for (i, s) in doc.sentences().iter().enumerate() {
            match self.find(doc.lower(), doc.sentence_tokens(s)) {
                Some(Scope::Story) => return Some(Scope::Story),
                Some(Scope::Sentence) if i == index => found = Some(Scope::Sentence),
                _ => {}
            }
        }
        found
    }

    /// The widest scope of a discard phrase in these tokens.
    pub fn find(&self, lower: &str, tokens: &[Token]) -> Option<Scope> {
        let word = |i: usize| &lower[tokens[i].span.range()];
        let mut found = None;
        for i in 0..tokens.len() {
            let Some(list) = self.by_first.get(word(i)) else { continue };
            for (rest, scope) in list {
                let fits = i + rest.len() < tokens.len() + 1
                    && rest
                        .iter()
                        .enumerate()
                        .all(|(k, w)| i + 1 + k < tokens.len() && word(i + 1 + k) == &**w);
                if fits {
                    if *scope == Scope::Story {
                        return Some(Scope::Story);
                    }
                    found = Some(Scope::Sentence);
                }
            }
        }
        found
    }
}

/// Lower-case words as the text tokenizer splits them.
fn token_words(s: &str) -> Vec<Box<str>> {
    let mut toks = Vec::new();
    tokenize_into(s, &mut toks);
    toks.iter().map(|t| s[t.span.range()].into()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discards_drop_sentences_and_stories() {
        let mut d = Discards::default();
        let mut log = Log::default();
        d.read(Path::new("d.txt"), "# comment\nYEARS LATER\n+WORLD_CUP # sports\nBASEBALL\n+\n", &mut log);
        assert_eq!(d.len(), 3);
        assert_eq!(log.problems.len(), 1);
        assert_eq!(log.problems[0].line, 5);
        let doc = Document::new("t", "Arnor attacked Gondor. Years later, they played baseball.", None);
        assert_eq!(d.hit(&doc, 0), None);
        assert_eq!(d.hit(&doc, 1), Some(Scope::Sentence));
        let doc = Document::new("t", "Arnor attacked Gondor. The World Cup began.", None);
        assert_eq!(d.hit(&doc, 0), Some(Scope::Story));
    }
}

//! The compiled phrase matcher: a trie over lower-cased tokens, built once per dictionary.
//!
//! Each node maps the lower-cased text of the next token to a child, so matching a sentence costs
//! one hash lookup per token that could start a phrase plus one per token of a phrase that does
//! match. Case rules (see `dict/README.md`) are checked per pattern after the walk, against the
//! token flags computed once by the tokenizer, so lookups never allocate.

use super::entity::Meaning;
use crate::text::Token;
use rustc_hash::FxHashMap;

/// What case a pattern token asks of the text token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CaseRule {
    /// Written in lower case: any case matches.
    Any,
    /// Written capitalised: the text must be capitalised.
    Capital,
    /// Written in capitals (two or more letters): the text must be too.
    AllCaps,
}

impl CaseRule {
    /// The rule a pattern token's shape implies.
    pub fn of(token: Token) -> CaseRule {
        if token.has(Token::ALL_CAPS) {
            CaseRule::AllCaps
        } else if token.is_capitalized() {
            CaseRule::Capital
        } else {
            CaseRule::Any
        }
    }

    #[inline]
    fn accepts(self, token: Token) -> bool {
        match self {
            CaseRule::Any => true,
            CaseRule::Capital => token.is_capitalized(),
            CaseRule::AllCaps => token.has(Token::ALL_CAPS),
        }
    }
}

/// A phrase as compiled: its case rules and its meaning.
#[derive(Clone, Debug)]
pub struct Pattern {
    /// One rule per token of the phrase.
    pub case: Box<[CaseRule]>,
    /// What the phrase means.
    pub meaning: Meaning,
}

/// No pattern (the end of a node's pattern list).
const NONE: u32 = u32::MAX;

/// A trie node. The patterns ending here are a list threaded through
/// [`PhraseMatcher::next`] (first to last in insertion order), so a node needs no allocation of
/// its own for them.
#[derive(Clone, Debug)]
struct Node {
    children: FxHashMap<Box<str>, u32>,
    first: u32,
    last: u32,
}

impl Default for Node {
    fn default() -> Self {
        Node { children: FxHashMap::default(), first: NONE, last: NONE }
    }
}

/// The longest phrase found at a position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhraseMatch {
    /// Number of tokens matched.
    pub len: usize,
    node: u32,
}

/// A trie of phrases over lower-cased tokens.
#[derive(Clone, Debug)]
pub struct PhraseMatcher {
    nodes: Vec<Node>,
    patterns: Vec<Pattern>,
    /// For each pattern, the next pattern ending at the same node (or [`NONE`]).
    next: Vec<u32>,
}

impl Default for PhraseMatcher {
    fn default() -> Self {
        PhraseMatcher { nodes: vec![Node::default()], patterns: Vec::new(), next: Vec::new() }
    }
}

impl PhraseMatcher {
    /// Adds a phrase given as its lower-cased tokens and their case rules; returns the pattern id.
    pub fn insert<'a>(&mut self, tokens: impl IntoIterator<Item = &'a str>, pattern: Pattern) -> u32 {
        let mut node = 0usize;
        for t in tokens {
            node = match self.nodes[node].children.get(t) {
                Some(&child) => child as usize,
                None => {
                    let child = self.nodes.len();
                    self.nodes.push(Node::default());
                    self.nodes[node].children.insert(t.into(), child as u32);
                    child
                }
            };
        }
        let id = self.patterns.len() as u32;
        self.patterns.push(pattern);
        self.next.push(NONE);
        let n = &mut self.nodes[node];
        match n.last {
            NONE => n.first = id,
            last => self.next[last as usize] = id,
        }
        n.last = id;
        id
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    /// Whether there are no phrases.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// All patterns.
    pub fn patterns(&self) -> &[Pattern] {
        &self.patterns
    }

    /// Ids of the patterns that end at each node with more than one pattern, for conflict checks.
    pub(crate) fn shared_nodes(&self) -> impl Iterator<Item = Vec<u32>> + '_ {
        self.nodes.iter().filter(|n| n.first != n.last).map(|n| self.ending(n).collect())
    }

    /// Ids of the patterns that end at `node`, in insertion order.
    fn ending(&self, node: &Node) -> impl Iterator<Item = u32> + '_ {
        std::iter::successors(Some(node.first).filter(|&p| p != NONE), |&p| {
            Some(self.next[p as usize]).filter(|&p| p != NONE)
        })
    }

    /// The longest phrase starting at `tokens[at]` that some pattern accepts, if any.
    /// `lower` is the lower-cased text the token spans point into.
    pub fn longest_at(&self, lower: &str, tokens: &[Token], at: usize) -> Option<PhraseMatch> {
        let mut node = 0usize;
        let mut best = None;
        for (i, t) in tokens[at..].iter().enumerate() {
            let key = &lower[t.span.range()];
            match self.nodes[node].children.get(key) {
                Some(&child) => node = child as usize,
                None => break,
            }
            let len = i + 1;
            if self.accepting(node, &tokens[at..at + len]).next().is_some() {
                best = Some(PhraseMatch { len, node: node as u32 });
            }
        }
        best
    }

    /// The patterns of a match that accept the matched tokens.
    pub fn meanings<'a>(
        &'a self,
        m: PhraseMatch,
        tokens: &'a [Token],
    ) -> impl Iterator<Item = &'a Meaning> + 'a {
        self.accepting(m.node as usize, tokens).map(|p| &p.meaning)
    }

    fn accepting<'a>(&'a self, node: usize, tokens: &'a [Token]) -> impl Iterator<Item = &'a Pattern> + 'a {
        self.ending(&self.nodes[node]).map(|p| &self.patterns[p as usize]).filter(move |p| {
            p.case.len() == tokens.len() && p.case.iter().zip(tokens).all(|(r, t)| r.accepts(*t))
        })
    }
}

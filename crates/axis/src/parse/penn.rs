//! Penn Treebank bracketed trees: `(ROOT (S (NP (NNP Arnor)) (VP (VBD left))))`.
//!
//! [`Tree::parse`] reads the brackets without recursion (a pathological nesting is an error, not a
//! stack overflow) and reports the byte offset of the first problem: a `)` with nothing open, a
//! bracket left open, a word outside a leaf, nesting deeper than [`MAX_DEPTH`]. Empty elements
//! (`(-NONE- *T*-1)`) are kept as nodes but are not words.
//!
//! [`Tree::sentence`] reduces the tree to frames, the way a clause reads in PTB: the `NP` before
//! a clause's `VP` is the subject of every verb in that `VP` (through auxiliaries, coordinated
//! `VP`s and subject-less infinitive clauses: "Arnor *refused (to help)*"); the `NP`s inside the
//! `VP`, and the `NP`s of its `PP`s, are its objects, and the whole `VP` its scope; a participle (`VBN`) under a form of *be*,
//! or a participial `VP` inside an `NP` ("rebels backed by Moscow"), is passive and takes its agent
//! from a `by` `PP`; a relative clause's subject is the noun phrase it modifies.

use super::{Frame, ParsedSentence};

/// Deepest nesting read.
pub const MAX_DEPTH: usize = 400;

/// A node: a labelled constituent, or a leaf (`(TAG word)`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// The label as written (`NP-SBJ-1`, `VBD`, possibly empty for the outer bracket).
    pub label: String,
    /// Child nodes, in order.
    pub children: Vec<usize>,
    /// For a leaf: the index of its word in [`Tree::words`] (`None` for an empty element).
    pub word: Option<usize>,
    /// Byte offset of its `(` in the parsed text.
    pub offset: usize,
}

/// A parsed tree: nodes (the root first) and the words of its leaves in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tree {
    /// All nodes; index 0 is the root.
    pub nodes: Vec<Node>,
    /// The leaves' words, in order.
    pub words: Vec<String>,
}

/// Why brackets could not be read: the byte offset and the problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PennError {
    /// Byte offset in the text.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for PennError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "byte {}: {}", self.offset, self.message)
    }
}

impl std::error::Error for PennError {}

/// The label without function tags and indices: `NP-SBJ-1` → `NP`, `-NONE-` stays.
fn base(label: &str) -> &str {
    if label.starts_with('-') {
        return label;
    }
    let end = label.find(['-', '=']).unwrap_or(label.len());
    &label[..end]
}

const BE: &[&str] = &[
    "be", "is", "are", "was", "were", "been", "being", "'s", "'re", "'m", "am", "get", "gets", "got",
    "gotten", "getting",
];

impl Tree {
    /// Reads one bracketed tree (several top-level trees are read under one unlabelled root).
    pub fn parse(text: &str) -> Result<Tree, PennError> {
        let mut nodes = vec![Node { label: String::new(), children: Vec::new(), word: None, offset: 0 }];
        let mut words = Vec::new();
        let mut stack: Vec<usize> = vec![0];
        // Whether the node on top has read its label yet.
        let mut labelled = true;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            match b {
                b'(' => {
                    if stack.len() > MAX_DEPTH {
                        return Err(PennError {
                            offset: i,
                            message: format!("nested deeper than {MAX_DEPTH}"),
                        });
                    }
                    let top = *stack.last().unwrap_or(&0);
                    if nodes[top].word.is_some() {
                        return Err(PennError { offset: i, message: "a leaf with a bracket inside".into() });
                    }
                    let id = nodes.len();
                    nodes.push(Node { label: String::new(), children: Vec::new(), word: None, offset: i });
                    nodes[top].children.push(id);
                    stack.push(id);
                    labelled = false;
                    i += 1;
                }
                b')' => {
                    if stack.len() <= 1 {
                        return Err(PennError { offset: i, message: "')' with no '(' open".into() });
                    }
                    stack.pop();
                    labelled = true;
                    i += 1;
                }
                _ if b.is_ascii_whitespace() => i += 1,
                _ => {
                    // An atom ends at ASCII blanks and brackets only: those are the bytes the loop
                    // steps over, so every atom is at least one character and the loop advances
                    // (a Unicode blank such as U+3000 is part of the atom).
                    let end = text[i..]
                        .find(|c: char| c.is_ascii_whitespace() || c == '(' || c == ')')
                        .map_or(text.len(), |e| i + e);
                    let atom = &text[i..end];
                    let top = *stack.last().unwrap_or(&0);
                    if top == 0 {
                        return Err(PennError {
                            offset: i,
                            message: format!("'{atom}' outside any bracket"),
                        });
                    }
                    if !labelled {
                        nodes[top].label = atom.to_string();
                        labelled = true;
                    } else if nodes[top].word.is_some() || !nodes[top].children.is_empty() {
                        return Err(PennError {
                            offset: i,
                            message: format!(
                                "'{atom}' is a second word in one leaf or a word beside brackets"
                            ),
                        });
                    } else if nodes[top].label == "-NONE-" {
                        // An empty element: a node, no word. Mark it as a leaf so nothing nests in it.
                        nodes[top].word = None;
                    } else {
                        nodes[top].word = Some(words.len());
                        words.push(atom.to_string());
                    }
                    i = end;
                }
            }
        }
        if stack.len() > 1 {
            let open = *stack.last().unwrap_or(&0);
            return Err(PennError {
                offset: nodes[open].offset,
                message: format!("{} bracket(s) not closed", stack.len() - 1),
            });
        }
        if words.is_empty() {
            return Err(PennError { offset: 0, message: "no words".into() });
        }
        Ok(Tree { nodes, words })
    }

    fn label(&self, n: usize) -> &str {
        base(&self.nodes[n].label)
    }

    fn is_leaf(&self, n: usize) -> bool {
        self.nodes[n].children.is_empty()
    }

    /// The words under `n`, in order.
    fn words_under(&self, n: usize, out: &mut Vec<usize>) {
        let mut todo = vec![n];
        let mut found = Vec::new();
        while let Some(k) = todo.pop() {
            if let Some(w) = self.nodes[k].word {
                found.push(w);
            }
            todo.extend(self.nodes[k].children.iter().rev());
        }
        out.extend(found);
    }

    /// The core of a noun phrase: its words up to the first modifier that is a clause or a
    /// prepositional phrase (`(NP (NP President Sukarno) (PP of Indonesia))` → President Sukarno).
    fn core(&self, n: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut todo = vec![n];
        while let Some(k) = todo.pop() {
            if let Some(w) = self.nodes[k].word {
                out.push(w);
                continue;
            }
            let kids = &self.nodes[k].children;
            let stop = kids
                .iter()
                .position(|&c| matches!(self.label(c), "PP" | "SBAR" | "VP" | "RRC" | "S" | "PRN"))
                .unwrap_or(kids.len());
            // A leading modifier ("(NP (PP ...))") is no reason to drop everything.
            let stop = if stop == 0 { kids.len() } else { stop };
            let mut sub: Vec<usize> = kids[..stop].to_vec();
            if self.label(k) != "NP" && k != n {
                sub = kids.clone();
            }
            todo.extend(sub.iter().rev());
        }
        out.sort_unstable();
        out
    }

    /// The frames of the tree's verbs.
    pub fn frames(&self) -> Vec<Frame> {
        let mut out = Vec::new();
        // (node, subject context, whether a form of "be" governs this VP, depth)
        let mut todo: Vec<(usize, Vec<usize>, bool)> = vec![(0, Vec::new(), false)];
        while let Some((n, ctx, be)) = todo.pop() {
            let label = self.label(n);
            let kids = &self.nodes[n].children;
            match label {
                "S" | "SINV" | "SQ" | "SBARQ" | "SBAR" | "FRAG" | "" | "ROOT" => {
                    let first_vp = kids.iter().position(|&c| self.label(c) == "VP").unwrap_or(kids.len());
                    let subject_at = kids[..first_vp]
                        .iter()
                        .rposition(|&c| self.label(c) == "NP" && !self.only_empty(c))
                        .filter(|&i| !self.core(kids[i]).is_empty());
                    let own = subject_at.map(|i| self.core(kids[i]));
                    for (i, &c) in kids.iter().enumerate().rev() {
                        let sub = match (&own, subject_at) {
                            // A clause before the subject has the outer subject ("nearer to accord
                            // …, an official said"), except a participial one, which is about the
                            // subject ("Rebuked by Eriador, Osgiliath …").
                            (Some(own), Some(at)) if i > at || self.label(c) == "S" => own.clone(),
                            _ => ctx.clone(),
                        };
                        match self.label(c) {
                            // A clause without a subject of its own: a participle in it is passive
                            // ("Rebuked by Eriador, …"); an infinitive or gerund is not.
                            "VP" => todo.push((c, sub, own.is_none())),
                            "S" | "SBAR" | "SINV" | "SQ" | "FRAG" => todo.push((c, sub, false)),
                            _ => todo.push((c, Vec::new(), false)),
                        }
                    }
                }
                "VP" => {
                    let verbs: Vec<usize> = kids
                        .iter()
                        .filter(|&&c| self.is_leaf(c) && self.nodes[c].label.starts_with("VB"))
                        .copied()
                        .collect();
                    let mut objects = Vec::new();
                    let mut agent = Vec::new();
                    let mut last_object: Option<Vec<usize>> = None;
                    for &c in kids {
                        match self.label(c) {
                            "NP" => {
                                self.words_under(c, &mut objects);
                                last_object = Some(self.core(c));
                            }
                            "PP" => self.pp_objects(c, &mut objects, &mut agent),
                            // "opposed earlier by Osgiliath": a PP inside an adverb phrase.
                            "ADVP" | "ADJP" => {
                                for &g in &self.nodes[c].children {
                                    if self.label(g) == "PP" {
                                        self.pp_objects(g, &mut objects, &mut agent);
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                    let has_be = verbs
                        .iter()
                        .any(|&v| self.leaf_word(v).is_some_and(|w| BE.contains(&w.to_lowercase().as_str())));
                    let mut scope = Vec::new();
                    if !verbs.is_empty() {
                        self.words_under(n, &mut scope);
                    }
                    for &v in &verbs {
                        let Some(word) = self.nodes[v].word else { continue };
                        let passive = be && self.nodes[v].label == "VBN";
                        out.push(Frame {
                            verb: word,
                            subject: ctx.clone(),
                            objects: objects.clone(),
                            scope: scope.clone(),
                            agent: if passive { agent.clone() } else { Vec::new() },
                            passive,
                        });
                    }
                    for &c in kids.iter().rev() {
                        match self.label(c) {
                            "VP" => todo.push((c, ctx.clone(), has_be || (be && verbs.is_empty()))),
                            // "urged Russia (to cut ties)": an object controls the clause after it.
                            "S" | "SBAR" => {
                                todo.push((c, last_object.clone().unwrap_or_else(|| ctx.clone()), false))
                            }
                            "NP" | "PP" => todo.push((c, Vec::new(), false)),
                            _ => todo.push((c, ctx.clone(), false)),
                        }
                    }
                }
                "NP" => {
                    // A relative or participial clause inside a noun phrase is about the noun.
                    let core = self.core(n);
                    for &c in kids.iter().rev() {
                        match self.label(c) {
                            "SBAR" | "S" | "RRC" => todo.push((c, core.clone(), false)),
                            "VP" => todo.push((c, core.clone(), true)),
                            _ => todo.push((c, Vec::new(), false)),
                        }
                    }
                }
                _ => {
                    for &c in kids.iter().rev() {
                        todo.push((c, ctx.clone(), false));
                    }
                }
            }
        }
        out.sort_by_key(|f| f.verb);
        out
    }

    /// The noun phrases of a prepositional phrase, added to `objects` (and to `agent` for "by").
    fn pp_objects(&self, pp: usize, objects: &mut Vec<usize>, agent: &mut Vec<usize>) {
        let by = self.first_word(pp).is_some_and(|w| w.eq_ignore_ascii_case("by"));
        for &g in &self.nodes[pp].children {
            if self.label(g) == "NP" {
                if by {
                    agent.extend(self.core(g));
                }
                self.words_under(g, objects);
            }
        }
    }

    /// Whether a node holds only empty elements (a trace subject).
    fn only_empty(&self, n: usize) -> bool {
        let mut w = Vec::new();
        self.words_under(n, &mut w);
        w.is_empty()
    }

    fn leaf_word(&self, n: usize) -> Option<&str> {
        self.nodes[n].word.map(|w| self.words[w].as_str())
    }

    fn first_word(&self, n: usize) -> Option<&str> {
        let mut w = Vec::new();
        self.words_under(n, &mut w);
        w.first().map(|&i| self.words[i].as_str())
    }

    /// The tree as a parsed sentence: its words and frames.
    pub fn sentence(&self) -> ParsedSentence {
        ParsedSentence { words: self.words.clone(), frames: self.frames() }
    }
}

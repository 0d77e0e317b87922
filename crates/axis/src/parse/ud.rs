//! Universal Dependencies: CoNLL-U word lines and the frames of a dependency tree.
//!
//! A word line has ten tab-separated fields (`ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS
//! MISC`); ids are words (`3`), multiword tokens (`1-2`, whose form is the text's and whose words
//! follow) or empty nodes (`5.1`, enhanced graphs only: skipped). Both UD v1 labels (`dobj`,
//! `nsubjpass`, `nmod`) and v2 labels (`obj`, `nsubj:pass`, `obl`) are read.
//!
//! Frames ([`sentence`]): a word's subject is its `nsubj`/`csubj` dependent (`:pass` or `*pass`
//! makes it passive, and so does an `aux:pass`/`auxpass`); a verb without one takes it from the
//! verb it depends on — through `xcomp` (the object if there is one: "urged Russia to leave",
//! else the subject: "refused to help"), `conj` ("condemned … and promised"), `advcl` — and a
//! relative clause (`acl`, `acl:relcl`) takes the noun it modifies (not "who"). Objects are
//! `obj`/`dobj`/`iobj`/`obl`/`nmod` dependents, each with everything under it, and its scope all it
//! governs but its subject, coordinated verbs and parataxis; a passive's agent is `obl:agent`/`nmod:agent` or an
//! `obl`/`nmod` with the case marker "by". A phrase is its head word with the dependents that
//! belong to a noun phrase (compounds, names, modifiers, possessors, coordination, apposition),
//! not its clauses and prepositional phrases.

use super::{Frame, ParsedSentence};

/// A word line's id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Id {
    /// A syntactic word (1-based).
    Word(usize),
    /// A multiword token spanning these words (`1-2`).
    Range(usize, usize),
    /// An empty node (`5.1`).
    Empty,
}

/// One CoNLL-U line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Its id.
    pub id: Id,
    /// FORM.
    pub form: String,
    /// UPOS.
    pub upos: String,
    /// XPOS.
    pub xpos: String,
    /// FEATS (`_` when none).
    pub feats: String,
    /// HEAD (0 for the root; `None` for ranges and empty nodes, `_`).
    pub head: Option<usize>,
    /// DEPREL, lower-cased.
    pub deprel: String,
}

fn parse_id(s: &str) -> Result<Id, String> {
    let num = |t: &str| t.parse::<usize>().map_err(|_| format!("id '{s}' is not a number, range or decimal"));
    if let Some((a, b)) = s.split_once('-') {
        let (a, b) = (num(a)?, num(b)?);
        if a == 0 || b <= a {
            return Err(format!("range '{s}' does not span two or more words"));
        }
        return Ok(Id::Range(a, b));
    }
    if let Some((a, b)) = s.split_once('.') {
        num(a)?;
        num(b)?;
        return Ok(Id::Empty);
    }
    match num(s)? {
        0 => Err("word id 0 (words count from 1)".into()),
        n => Ok(Id::Word(n)),
    }
}

impl Word {
    /// Reads one word line: ten tab-separated fields (or, when there is no tab, ten fields
    /// separated by blanks).
    pub fn parse(line: &str) -> Result<Word, String> {
        let fields: Vec<&str> =
            if line.contains('\t') { line.split('\t').collect() } else { line.split_whitespace().collect() };
        if fields.len() != 10 {
            return Err(format!(
                "{} field(s), want 10 (ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC)",
                fields.len()
            ));
        }
        let id = parse_id(fields[0])?;
        let head = match (id, fields[6]) {
            (Id::Word(_), h) => Some(h.parse::<usize>().map_err(|_| format!("HEAD '{h}' is not a number"))?),
            _ => None,
        };
        if fields[1].is_empty() {
            return Err("empty FORM".into());
        }
        Ok(Word {
            id,
            form: fields[1].to_string(),
            upos: fields[3].to_string(),
            xpos: fields[4].to_string(),
            feats: fields[5].to_string(),
            head,
            deprel: fields[7].to_ascii_lowercase(),
        })
    }
}

/// Relations that keep a dependent inside its head's noun phrase.
fn in_phrase(rel: &str) -> bool {
    matches!(
        rel,
        "compound"
            | "flat"
            | "name"
            | "amod"
            | "det"
            | "nummod"
            | "conj"
            | "cc"
            | "appos"
            | "nmod:poss"
            | "fixed"
            | "mwe"
            | "goeswith"
            | "nn"
            | "poss"
            | "possessive"
            | "det:poss"
            | "det:predet"
            | "advmod"
            | "neg"
    ) || rel.starts_with("compound:")
        || rel.starts_with("flat:")
}

fn is_subject(rel: &str) -> bool {
    matches!(rel.split(':').next(), Some("nsubj" | "csubj" | "nsubjpass" | "csubjpass"))
}

fn is_passive_marker(rel: &str) -> bool {
    matches!(rel, "nsubjpass" | "csubjpass" | "auxpass" | "nsubj:pass" | "csubj:pass" | "aux:pass")
}

fn is_object(rel: &str) -> bool {
    matches!(rel, "obj" | "dobj" | "iobj" | "obl" | "nmod" | "obl:arg" | "obl:agent" | "nmod:agent")
        || (rel.starts_with("obl:") && !rel.ends_with("tmod") && !rel.ends_with("npmod"))
}

/// Builds the parsed sentence from its word lines: checks the ids (words 1..n in order, ranges
/// over existing words) and heads (within the sentence), then finds the frames.
pub fn sentence(lines: &[Word]) -> Result<ParsedSentence, String> {
    let mut words: Vec<String> = Vec::new();
    let mut heads: Vec<usize> = Vec::new();
    let mut rels: Vec<String> = Vec::new();
    let mut verbal: Vec<bool> = Vec::new();
    let mut relative: Vec<bool> = Vec::new();
    let mut range: Option<(usize, usize, String)> = None;
    for w in lines {
        match w.id {
            Id::Empty => {}
            Id::Range(a, b) => {
                if a != words.len() + 1 {
                    return Err(format!(
                        "range {a}-{b} does not start at the next word ({})",
                        words.len() + 1
                    ));
                }
                range = Some((a, b, w.form.clone()));
            }
            Id::Word(n) => {
                if n != words.len() + 1 {
                    return Err(format!("word {n} out of order (expected {})", words.len() + 1));
                }
                let form = match &range {
                    Some((a, _, f)) if *a == n => f.clone(),
                    Some((a, b, _)) if *a < n && n <= *b => String::new(),
                    _ => w.form.clone(),
                };
                if range.as_ref().is_some_and(|(_, b, _)| *b == n) {
                    range = None;
                }
                words.push(form);
                heads.push(w.head.unwrap_or(0));
                rels.push(w.deprel.clone());
                verbal.push(w.upos == "VERB" || w.xpos.starts_with("VB"));
                let lower = w.form.to_lowercase();
                relative.push(matches!(lower.as_str(), "who" | "which" | "that" | "whom" | "whose"));
            }
        }
    }
    if let Some((a, b, _)) = range {
        return Err(format!("range {a}-{b} runs past the last word ({})", words.len()));
    }
    if words.is_empty() {
        return Err("no words".into());
    }
    let n = words.len();
    if let Some(i) = heads.iter().position(|&h| h > n) {
        return Err(format!("word {} has HEAD {} beyond the last word ({n})", i + 1, heads[i]));
    }
    // 0-based: head None for the root.
    let head: Vec<Option<usize>> = heads.iter().map(|&h| h.checked_sub(1)).collect();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, h) in head.iter().enumerate() {
        if let Some(h) = *h {
            if h != i {
                children[h].push(i);
            }
        }
    }
    // The words under `w` reached through dependents `keep` accepts, `w` included, in order.
    let under = |w: usize, keep: &dyn Fn(usize) -> bool| -> Vec<usize> {
        let mut out = vec![w];
        let mut todo = vec![w];
        let mut seen = vec![false; n];
        seen[w] = true;
        while let Some(k) = todo.pop() {
            for &c in &children[k] {
                if !seen[c] && keep(c) {
                    seen[c] = true;
                    out.push(c);
                    todo.push(c);
                }
            }
        }
        out.sort_unstable();
        out
    };
    // A noun phrase: the word with its modifiers (`in_phrase`), not its clauses.
    let phrase = |w: usize| under(w, &|c| in_phrase(&rels[c]));
    // Everything under a word (an object phrase with its modifiers and clauses).
    let subtree = |w: usize| under(w, &|_| true);
    let own_subject = |w: usize| -> Option<usize> {
        children[w]
            .iter()
            .copied()
            .find(|&c| is_subject(&rels[c]) && !(rels[w].starts_with("acl") && relative[c]))
    };
    let object = |w: usize| children[w].iter().copied().find(|&c| matches!(rels[c].as_str(), "obj" | "dobj"));
    // The subject of each word, following control, coordination and relative clauses up the tree
    // (at most n steps: a malformed cycle ends the walk).
    let subject_of = |w: usize| -> Vec<usize> {
        let mut k = w;
        for _ in 0..=n {
            if let Some(s) = own_subject(k) {
                return phrase(s);
            }
            let Some(h) = head[k] else { return Vec::new() };
            match rels[k].split(':').next().unwrap_or("") {
                "xcomp" => {
                    if let Some(o) = object(h) {
                        return phrase(o);
                    }
                }
                "conj" | "advcl" => {}
                "acl" => return phrase(h),
                _ => return Vec::new(),
            }
            k = h;
        }
        Vec::new()
    };
    let mut frames = Vec::new();
    for w in 0..n {
        let subject = subject_of(w);
        if !verbal[w] && subject.is_empty() {
            continue;
        }
        let passive = children[w].iter().any(|&c| is_passive_marker(&rels[c]))
            || (rels[w].starts_with("acl")
                && own_subject(w).is_none()
                && verbal[w]
                && is_participle(lines, w));
        let mut objects = Vec::new();
        let mut agent = Vec::new();
        for &c in &children[w] {
            if !is_object(&rels[c]) {
                continue;
            }
            let by = rels[c].ends_with(":agent")
                || children[c].iter().any(|&m| rels[m] == "case" && words[m].eq_ignore_ascii_case("by"));
            if passive && by {
                agent.extend(phrase(c));
            }
            objects.extend(subtree(c));
        }
        // The verb's own phrase: what it governs, without its subject, coordinated verbs and
        // loosely attached clauses.
        let mut scope = vec![w];
        for &c in &children[w] {
            let rel = rels[c].split(':').next().unwrap_or("");
            if !(is_subject(&rels[c]) || matches!(rel, "conj" | "parataxis" | "punct" | "cc")) {
                scope.extend(subtree(c));
            }
        }
        scope.sort_unstable();
        frames.push(Frame { verb: w, subject, objects, scope, agent, passive });
    }
    Ok(ParsedSentence { words, frames })
}

/// Whether word `w` (0-based) is a past participle — XPOS `VBN`, or FEATS `VerbForm=Part` with
/// `Tense=Past` or `Voice=Pass` (treebanks without English tags): a participial modifier without
/// a subject ("rebels *backed* by Moscow") is passive.
fn is_participle(lines: &[Word], w: usize) -> bool {
    lines.iter().filter(|l| matches!(l.id, Id::Word(_))).nth(w).is_some_and(|l| {
        let feat = |f: &str| l.feats.split('|').any(|x| x == f);
        l.xpos == "VBN" || (feat("VerbForm=Part") && (feat("Tense=Past") || feat("Voice=Pass")))
    })
}

//! PETRARCH issue files (`Phoenix.IssueCoding.txt`): phrases that tag a sentence with an issue.
//!
//! ```text
//! <ISSUE CATEGORY="EDUCATION" TYPE="ALL">
//! n:teacher [TEACHERS]            # n: a noun (its plural matches too)
//! higher education [POSTSECONDARY_EDUCATION]
//! ~a head start                   # an exclusion: this phrase does not count
//! ecb                             # no code: the block's category
//! </ISSUE>
//! ```
//!
//! axis reads and checks these files so a Phoenix set loads whole; it does not tag issues yet.

use super::Log;
use std::path::Path;

/// One issue phrase.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Issue {
    /// The `CATEGORY` of its block.
    pub category: String,
    /// The phrase, lower case, words separated by spaces (`+` joins are spaces too).
    pub phrase: String,
    /// Whether a word was marked `n:` (its plural matches too; `v:` verb marks are dropped).
    pub noun: bool,
    /// The issue code; empty for exclusions.
    pub code: String,
    /// An exclusion (`~phrase`).
    pub exclude: bool,
    /// Line in its file.
    pub line: usize,
}

/// Reads one issue file.
pub(crate) fn read(path: &Path, text: &str, out: &mut Vec<Issue>, log: &mut Log) {
    let mut category: Option<String> = None;
    for (n, line) in super::lines(text) {
        if line.starts_with("</ISSUE") {
            category = None;
            continue;
        }
        if let Some(rest) = line.strip_prefix("<ISSUE") {
            match attribute(rest, "CATEGORY") {
                Some(c) => category = Some(c),
                None => log.syntax(path, n, "<ISSUE> without CATEGORY=\"...\""),
            }
            continue;
        }
        let Some(cat) = category.clone() else {
            log.syntax(path, n, "an issue phrase outside any <ISSUE> block");
            continue;
        };
        let (exclude, body) = match line.strip_prefix('~') {
            Some(b) => (true, b.trim()),
            None => (false, &*line),
        };
        let (phrase, code) = match body.find('[') {
            Some(i) => {
                let Some(close) = body[i..].find(']') else {
                    log.syntax(path, n, "'[' without ']'");
                    continue;
                };
                (body[..i].trim(), body[i + 1..i + close].trim().to_string())
            }
            None => (body, String::new()),
        };
        // A phrase without a code stands for its block's category.
        let code = if code.is_empty() && !exclude { cat.clone() } else { code };
        let noun = phrase.contains("n:");
        let words: Vec<String> = phrase
            .replace("n:", "")
            .replace("v:", "")
            .split(|c: char| c.is_whitespace() || c == '+' || c == '_')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        if words.is_empty() {
            log.syntax(path, n, "an issue line without words");
            continue;
        }
        out.push(Issue { category: cat, phrase: words.join(" "), noun, code, exclude, line: n });
    }
}

fn attribute(s: &str, name: &str) -> Option<String> {
    let at = s.find(&format!("{name}=\""))? + name.len() + 2;
    let end = s[at..].find('"')?;
    Some(s[at..at + end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_blocks() {
        let text = "<ISSUE CATEGORY=\"SCHOOLING\" TYPE=\"ALL\">\nn:tutor [TUTORS]\npre+n:school [EARLY]\n~a head start\nplain line\n[X]\n</ISSUE>\nn:orphan [X]\n";
        let mut out = Vec::new();
        let mut log = Log::default();
        read(Path::new("i.txt"), text, &mut out, &mut log);
        assert_eq!(out.len(), 4);
        assert_eq!(out[3].code, "SCHOOLING");
        assert_eq!((out[0].phrase.as_str(), out[0].noun, out[0].code.as_str()), ("tutor", true, "TUTORS"));
        assert_eq!(out[1].phrase, "pre school");
        assert!(out[2].exclude);
        let lines: Vec<usize> = log.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![6, 8]);
    }
}

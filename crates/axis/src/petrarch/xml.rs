//! PETRARCH's XML record format: `<Sentences>` of `<Sentence date id category>` with `<Text>`,
//! gold `<EventCoding sourcecode targetcode eventcode>` (or `noevents="True"`) and an optional
//! Penn Treebank `<Parse>`; a validation file may start with an `<Environment>` naming its
//! dictionaries and interleave `<Config option value>` switches (`require_dyad`).
//!
//! The reader is a small purpose-built scanner (the format uses elements, attributes, comments
//! and the five predefined entities only), so axis needs no XML dependency. A bad record is an
//! [`XmlError`] naming the file, line and record id; the other records are still read.

use crate::parse::{read_parse_element, Parse, ParsedSentence};
use crate::text::Document;
use crate::when::Date;
use std::fmt;
use std::path::{Path, PathBuf};

/// One gold event.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct GoldEvent {
    /// Source actor code.
    pub source: String,
    /// Target actor code (`---` for none).
    pub target: String,
    /// Event code as written (may be outside CAMEO in validation files).
    pub code: String,
}

/// One `<Sentence>` record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// `id` attribute.
    pub id: String,
    /// `date` attribute (`YYYYMMDD`).
    pub date: Option<Date>,
    /// `category` attribute (validation files), else empty.
    pub category: String,
    /// The sentence text, whitespace collapsed.
    pub text: String,
    /// Gold events (empty when none were given or `noevents`).
    pub gold: Vec<GoldEvent>,
    /// Whether the record carries gold (`<EventCoding>` elements, or `noevents="True"`).
    pub has_gold: bool,
    /// The `<Parse>` as written (Penn Treebank brackets, or CoNLL-U lines in UniversalPetrarch's
    /// records), if given.
    pub parse: Option<String>,
    /// The `<Parse>` read into words and frames (`None` when absent or malformed: a malformed
    /// parse is a warning, and the record is coded from its text).
    pub parsed: Option<ParsedSentence>,
    /// PETRARCH's `require_dyad` setting in force for this record (default true).
    pub require_dyad: bool,
    /// Line of the `<Sentence>` tag.
    pub line: usize,
}

impl Record {
    /// The record as an axis document (id, text, story date, and its parse when it has one). An
    /// underscore between two letters joins words, as in PETRARCH's dictionaries ("Dol_Amroth" is
    /// "Dol Amroth"); it becomes a space, so offsets stay those of the record's text.
    pub fn document(&self) -> Document {
        let doc = Document::new(self.id.clone(), joined_words(&self.text), self.date);
        match &self.parsed {
            Some(p) => doc.with_parse(Parse { sentences: vec![p.clone()] }),
            None => doc,
        }
    }
}

/// The `<Environment>` of a validation file: the dictionaries its records are coded with.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Environment {
    /// `<Verbfile>`.
    pub verbs: Option<String>,
    /// `<Actorfile>`.
    pub actors: Option<String>,
    /// `<Agentfile>`.
    pub agents: Option<String>,
    /// `<Discardfile>`.
    pub discards: Option<String>,
}

/// A problem in a records file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct XmlError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for XmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
    }
}

impl std::error::Error for XmlError {}

/// Everything read from a records file.
#[derive(Clone, Debug, Default)]
pub struct Records {
    /// The `<Environment>`, if any.
    pub environment: Option<Environment>,
    /// The records, in file order.
    pub records: Vec<Record>,
    /// Records skipped and other problems.
    pub errors: Vec<XmlError>,
    /// Records read with a repair (the text taken from the parse).
    pub warnings: Vec<XmlError>,
}

/// Reads a records file from disk (`Err` only when it cannot be read).
pub fn read_file(path: &Path) -> std::io::Result<Records> {
    let bytes = std::fs::read(path)?;
    Ok(read(path, &String::from_utf8_lossy(&bytes)))
}

/// Reads records from text; `path` names the file in errors.
pub fn read(path: &Path, text: &str) -> Records {
    let mut out = Records::default();
    let mut require_dyad = true;
    let mut current: Option<Record> = None;
    let mut env: Option<Environment> = None;
    let mut capture: Option<(String, String)> = None; // (element, text so far)
    let mut capture_line = 0; // the line the captured text starts on
    let mut skip = false; // the current record had an error: drop it at </Sentence>
    let err = |out: &mut Records, line: usize, m: String| {
        out.errors.push(XmlError { path: path.to_path_buf(), line, message: m });
    };
    let mut pos = 0;
    while let Some(off) = text[pos..].find('<') {
        let start = pos + off;
        if let Some((_, buf)) = capture.as_mut() {
            buf.push_str(&text[pos..start]);
        }
        let line = line_at(text, start);
        if text[start..].starts_with("<!--") {
            pos = text[start..].find("-->").map_or(text.len(), |e| start + e + 3);
            continue;
        }
        let Some(close) = text[start..].find('>').map(|e| start + e) else {
            err(&mut out, line, "'<' without '>'".into());
            break;
        };
        pos = close + 1;
        let inner = &text[start + 1..close];
        if inner.starts_with('?') || inner.starts_with('!') {
            continue;
        }
        let (closing, inner) = match inner.strip_prefix('/') {
            Some(r) => (true, r),
            None => (false, inner),
        };
        let self_closing = inner.ends_with('/');
        // A tag may start with blanks ("< Sentence"): the name and attributes come after them.
        let inner = inner.trim_end_matches('/').trim_start();
        let name = inner.split(char::is_whitespace).next().unwrap_or("");
        let attrs = &inner[name.len()..];
        match (name, closing) {
            ("Sentence", false) => {
                if let Some(r) = current.take() {
                    err(&mut out, r.line, format!("record '{}': <Sentence> not closed", r.id));
                }
                let a = |k: &str| attribute(attrs, k).unwrap_or_default();
                let date_s = a("date");
                skip = false;
                let date = if date_s.is_empty() {
                    None
                } else {
                    let d = super::parse_date(&date_s);
                    skip = d.is_none();
                    if d.is_none() {
                        err(&mut out, line, format!("record '{}': date '{date_s}' is not YYYYMMDD", a("id")));
                    }
                    d
                };
                current = Some(Record {
                    id: a("id"),
                    date,
                    category: a("category"),
                    text: String::new(),
                    gold: Vec::new(),
                    has_gold: false,
                    parse: None,
                    parsed: None,
                    require_dyad,
                    line,
                });
            }
            ("Sentence", true) => match current.take() {
                Some(_) if skip => {}
                Some(r) if r.id.is_empty() => err(&mut out, r.line, "a <Sentence> without an id".into()),
                Some(mut r) if r.text.is_empty() => match r
                    .parsed
                    .as_ref()
                    .map(ParsedSentence::text)
                    .or_else(|| r.parse.as_deref().map(parse_text))
                {
                    Some(text) if !text.is_empty() => {
                        out.warnings.push(XmlError {
                            path: path.to_path_buf(),
                            line: r.line,
                            message: format!("record '{}' has an empty <Text>: read from its <Parse>", r.id),
                        });
                        r.text = text;
                        out.records.push(r);
                    }
                    _ => err(&mut out, r.line, format!("record '{}' has no <Text>", r.id)),
                },
                Some(r) => out.records.push(r),
                None => err(&mut out, line, "</Sentence> without <Sentence>".into()),
            },
            ("EventCoding", false) => {
                let Some(r) = current.as_mut() else {
                    err(&mut out, line, "<EventCoding> outside a <Sentence>".into());
                    continue;
                };
                r.has_gold = true;
                let a = |k: &str| attribute(attrs, k);
                // `noevents="True"`, or `error="..."` (PETRARCH must reject the record): no events.
                if a("noevents").is_some_and(|v| v.eq_ignore_ascii_case("true")) || a("error").is_some() {
                    continue;
                }
                match (a("sourcecode"), a("targetcode"), a("eventcode")) {
                    (Some(s), t, Some(c)) if !s.is_empty() && !c.is_empty() => r.gold.push(GoldEvent {
                        source: s,
                        target: t.filter(|t| !t.is_empty()).unwrap_or_else(|| "---".into()),
                        code: c,
                    }),
                    _ => {
                        let id = r.id.clone();
                        skip = true;
                        err(
                            &mut out,
                            line,
                            format!("record '{id}': <EventCoding> needs sourcecode and eventcode"),
                        )
                    }
                }
            }
            ("Config", false) if attribute(attrs, "option").as_deref() == Some("require_dyad") => {
                require_dyad = !attribute(attrs, "value").is_some_and(|v| v.eq_ignore_ascii_case("false"));
            }
            ("Environment", false) => env = Some(Environment::default()),
            ("Environment", true) => out.environment = env.take(),
            ("Text" | "Parse" | "Verbfile" | "Actorfile" | "Agentfile" | "Discardfile", false)
                if !self_closing =>
            {
                capture = Some((name.to_string(), String::new()));
                capture_line = line_at(text, pos);
            }
            ("Text" | "Parse" | "Verbfile" | "Actorfile" | "Agentfile" | "Discardfile", true) => {
                let Some((el, buf)) = capture.take() else { continue };
                if el != name {
                    err(&mut out, line, format!("</{name}> closes <{el}>"));
                    continue;
                }
                if let ("Parse", Some(r)) = (name, current.as_mut()) {
                    // Kept as written: CoNLL-U needs its line breaks and tabs.
                    let raw = unescape(&buf);
                    match read_parse_element(path, capture_line, &raw) {
                        Ok(p) => r.parsed = Some(p),
                        Err(e) => out.warnings.push(XmlError {
                            path: e.path,
                            line: e.line,
                            message: format!("record '{}': {}; coded from its text", r.id, e.message),
                        }),
                    }
                    r.parse = Some(raw);
                    continue;
                }
                let value = collapse(&unescape(&buf));
                match (name, current.as_mut(), env.as_mut()) {
                    ("Text", Some(r), _) => r.text = value,
                    ("Verbfile", _, Some(e)) => e.verbs = Some(value),
                    ("Actorfile", _, Some(e)) => e.actors = Some(value),
                    ("Agentfile", _, Some(e)) => e.agents = Some(value),
                    ("Discardfile", _, Some(e)) => e.discards = Some(value),
                    _ => err(&mut out, line, format!("<{name}> outside its parent element")),
                }
            }
            _ => {}
        }
    }
    if let Some(r) = current {
        err(&mut out, r.line, format!("record '{}': <Sentence> not closed at end of file", r.id));
    }
    out
}

/// `text` with every `_` between two alphanumeric characters replaced by a space.
fn joined_words(text: &str) -> String {
    let b = text.as_bytes();
    let word = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_alphanumeric());
    let mut out = text.as_bytes().to_vec();
    for i in 1..b.len() {
        if b[i] == b'_' && word(i - 1) && word(i + 1) {
            out[i] = b' ';
        }
    }
    // Only ASCII bytes were replaced by ASCII bytes.
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

/// The words of a Penn Treebank parse, as text: `(NP (NNP Arnor)) (. .)` → `Arnor .`.
pub fn parse_text(tree: &str) -> String {
    let mut words = Vec::new();
    for leaf in tree.split(')') {
        // A leaf is `(TAG word` at the end of a piece.
        let Some(open) = leaf.rfind('(') else { continue };
        let mut it = leaf[open + 1..].split_whitespace();
        if let (Some(_tag), Some(word), None) = (it.next(), it.next(), it.next()) {
            words.push(match word {
                "-LRB-" => "(",
                "-RRB-" => ")",
                "``" | "''" => "\"",
                w => w,
            });
        }
    }
    words.join(" ")
}

fn line_at(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset].iter().filter(|&&b| b == b'\n').count() + 1
}

/// `name = "value"` (double or single quotes, spaces allowed around `=`).
fn attribute(attrs: &str, name: &str) -> Option<String> {
    let mut rest = attrs;
    loop {
        let rest_trim = rest.trim_start();
        let key_end = rest_trim.find(|c: char| c == '=' || c.is_whitespace())?;
        let key = &rest_trim[..key_end];
        let after = rest_trim[key_end..].trim_start().strip_prefix('=')?.trim_start();
        let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let end = after[1..].find(quote)? + 1;
        if key == name {
            return Some(unescape(&after[1..end]));
        }
        rest = &after[end + 1..];
    }
}

fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<Validation>
<Environment>
  <Verbfile>my.verbs.txt</Verbfile>
  <Actorfile>my.actors.txt</Actorfile>
</Environment>
<Sentences>
<!-- a comment with <Sentence> inside -->
<Sentence date="20010203" id="T-01" category="BASIC">
<EventCoding sourcecode="AAA" targetcode="BBB" eventcode="042"></EventCoding>
<Text>
Alpha   visited
Beta &amp; friends.
</Text>
<Parse>(ROOT (S (NP (NNP Alpha))))</Parse>
</Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence date = "20010204" id ='T-02' category="BASIC">
<EventCoding noevents = "True"/>
<Text>Nothing here.</Text>
</Sentence>
<Sentence date="2001" id="T-03">
<Text>Bad date.</Text>
</Sentence>
<Sentence id="T-04">
<EventCoding targetcode="X" eventcode="01"></EventCoding>
<Text>No source.</Text>
</Sentence>
<Sentence id="T-05">
</Sentence>
</Sentences>
</Validation>"#;

    #[test]
    fn underscores_join_words_in_documents() {
        assert_eq!(joined_words("Port_Vela and _x_ snake_case_"), "Port Vela and _x_ snake case_");
        assert_eq!(joined_words("é_b"), "é_b");
    }

    #[test]
    fn records_and_environment() {
        let r = read(Path::new("v.xml"), SAMPLE);
        let env = r.environment.clone().unwrap();
        assert_eq!(env.verbs.as_deref(), Some("my.verbs.txt"));
        assert_eq!(env.agents, None);
        let ids: Vec<&str> = r.records.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["T-01", "T-02"]);
        let a = &r.records[0];
        assert_eq!(a.text, "Alpha visited Beta & friends.");
        assert_eq!(a.date, Date::new(2001, 2, 3));
        assert_eq!(
            a.gold,
            vec![GoldEvent { source: "AAA".into(), target: "BBB".into(), code: "042".into() }]
        );
        assert!(a.require_dyad && a.has_gold && a.parse.is_some());
        let b = &r.records[1];
        assert!(b.has_gold && b.gold.is_empty() && !b.require_dyad && b.category == "BASIC");
        let problems: Vec<(usize, &str)> = r.errors.iter().map(|e| (e.line, e.message.as_str())).collect();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert_eq!(problems[0].0, 21); // the bad date
        assert!(problems[1].1.contains("sourcecode"));
        assert!(problems[2].1.contains("no <Text>"));
    }

    #[test]
    fn empty_text_is_read_from_the_parse() {
        let xml = "<Sentences><Sentence id=\"P\"><Text> </Text><Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBD left) (NP (-LRB- -LRB-) (NNP Bree) (-RRB- -RRB-))) (. .)))</Parse></Sentence></Sentences>";
        let r = read(Path::new("p.xml"), xml);
        assert_eq!(r.records[0].text, "Arnor left ( Bree ) .");
        assert_eq!(r.warnings.len(), 1);
        assert!(r.errors.is_empty());
    }

    /// UniversalPetrarch's records carry CoNLL-U lines in `<Parse>`; a bad parse is a warning
    /// naming its line, and the record is still read from its text.
    #[test]
    fn conllu_parses_are_read_and_bad_ones_named() {
        let xml = "<Sentences>\n<Sentence id=\"U1\" date=\"20010203\">\n<Text>Arnor left.</Text>\n<Parse>\n\
                   1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n\
                   2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n\
                   3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n</Parse>\n</Sentence>\n\
                   <Sentence id=\"U2\" date=\"20010203\">\n<Text>Gondor left.</Text>\n<Parse>\n\
                   1\tGondor\tGondor\tPROPN\tNNP\t_\t2\tnsubj\n</Parse>\n</Sentence>\n</Sentences>";
        let r = read(Path::new("u.xml"), xml);
        assert_eq!(r.records.len(), 2);
        let p = r.records[0].parsed.as_ref().unwrap();
        assert_eq!(p.words, ["Arnor", "left", "."]);
        assert_eq!(p.frames[0].subject, [0]);
        assert!(r.records[0].document().parse().is_some());
        assert!(r.records[1].parsed.is_none() && r.records[1].document().parse().is_none());
        assert_eq!(r.warnings.len(), 1);
        assert_eq!(r.warnings[0].line, 13, "{}", r.warnings[0]);
        assert!(r.warnings[0].message.contains("record 'U2'"), "{}", r.warnings[0]);
    }

    #[test]
    fn truncated_input_never_panics() {
        for cut in 0..SAMPLE.len() {
            if SAMPLE.is_char_boundary(cut) {
                let _ = read(Path::new("v.xml"), &SAMPLE[..cut]);
            }
        }
    }

    /// Found by the `petrarch_xml` fuzz target: a tag opening with blanks before a name, then a
    /// multi-byte character, cut the attributes off inside that character.
    #[test]
    fn tags_opening_with_blanks_are_read() {
        let text = "<Sentences>\n<\u{3000}Sentence\u{fffd} id=\"a\" date=\"20190202\">\n<Text>Russia visited China.</Text>\n\
                    </Sentence>\n< \u{fffd}x>\n</Sentences>\n";
        let records = read(Path::new("v.xml"), text);
        assert!(records.records.len() + records.errors.len() >= 1, "{records:?}");
    }
}

//! Dictionary tests: the format's errors (as a table of bad lines and the message they must
//! produce) and the matcher's case and longest-match rules.

use super::*;
use crate::text::Document;

fn build(text: &str) -> Result<Dictionary, DictErrors> {
    let mut b = DictionaryBuilder::new();
    b.add_text("test.txt", text);
    b.build()
}

#[test]
fn syntax_errors_name_file_and_line() {
    // (dictionary text, expected "file:line: message" fragment)
    let table = [
        ("Russia\n", "test.txt:1: a line before any [header] block"),
        ("[RUS] Russia\nRussia | demonymm\n", "test.txt:2: unknown option 'demonymm'"),
        ("[RU] Russia\n", "test.txt:1: 'RU' is not a code"),
        ("[RUS Russia\n", "test.txt:1: header without a closing ']'"),
        ("[RUS]\n", "test.txt:1: header needs a name"),
        ("[RUS] Russia\nMoscow | 1991-13-01..\n", "test.txt:2: '1991-13-01' is not a valid calendar date"),
        ("[RUS] Russia\nMoscow | 2000..1990\n", "test.txt:2: '2000..1990' ends before it starts"),
        ("[person] X Y\nX Y\n", "test.txt:1: person 'X Y' has no role: line"),
        ("[person] X Y\nrole: RUSGOV 2000\n", "test.txt:2: '2000' is not a date range"),
        ("[person] X Y\nrole: RUSGOV\n", "test.txt:2: role: CODE FROM..TO Title"),
        ("[RUS] Russia\nrole: RUSGOV 2000..\n", "test.txt:2: 'role:' is not allowed in a actor block"),
        ("[RUS] Russia\ncolour: red\n", "test.txt:2: unknown keyword 'colour:'"),
        ("[RUS] Russia\nRussia\nRussia\n", "test.txt:3: 'Russia' appears twice in this block"),
        (
            "[agent GOV] government\nPresident | demonym\n",
            "test.txt:2: option 'demonym' is not allowed in a agent block",
        ),
        ("[RUS] Russia\nRussia | title\n", "test.txt:2: option 'title' is not allowed in a actor block"),
        ("[RUS] Russia\n | GOV\n", "test.txt:2: empty phrase"),
        ("[RUS] Russia\nMoscow | 1991.. | 1992..\n", "test.txt:2: two date ranges"),
        (
            "[SUN] Soviet Union\nMoscow | ..1991-12-26\n[RUS] Russia\nMoscow | 1991-12-26..\n",
            "test.txt:4: this phrase also means 'Soviet Union' (test.txt:2)",
        ),
    ];
    for (text, want) in table {
        let errs = build(text).expect_err(text);
        let all = errs.to_string();
        assert!(all.contains(want), "{text:?}\n got: {all}\nwant: {want}");
    }
}

#[test]
fn a_bad_line_does_not_hide_the_others() {
    let errs = build("[RUS] Russia\nRussia | x\nMoscow | y\n[XX] bad\n[CHN] China\nChina\n").unwrap_err();
    let lines: Vec<usize> = errs.0.iter().map(|e| e.line).collect();
    assert_eq!(lines, [2, 3, 4]);
}

#[test]
fn comments_and_keywords() {
    let d = build(
        "# a comment\n[SUN] Soviet Union # trailing\nvalid: 1922-12-30..1991-12-25\nSoviet | demonym\nU.S.S.R.\nC#\n",
    )
    .unwrap();
    assert_eq!(d.entities().len(), 1);
    assert_eq!(d.entities()[0].valid.to_string(), "1922-12-30..1991-12-25");
    assert_eq!(d.matcher().len(), 3, "'C#' keeps its '#': no space before it");
}

/// (patterns, text, expected matched phrases in order)
#[test]
fn matching_table() {
    let dict = "\
[USA] United States\nUnited States\nU.S.\nUS\nWashington\n\
[CHN] China\nChina\nChinese | demonym\n\
[TCD] Chad\nChad\n\
[agent GOV] government\ngovernment\nPresident | title\n\
[stop] seas\nSouth China Sea\n";
    let d = build(dict).unwrap();
    let table: &[(&str, &[&str])] = &[
        ("The United States and China met.", &["United States", "China"]),
        ("the U.S. and us and US", &["U.S.", "US"]),
        ("a hanging chad in Chad", &["Chad"]),
        ("islands in the South China Sea", &["South China Sea"]),
        ("the Chinese government", &["Chinese", "government"]),
        ("the Government of China", &["Government", "China"]),
        ("the president and President Xi", &["President"]),
        ("CHINA AND THE US", &["CHINA", "US"]),
    ];
    for (text, want) in table {
        let doc = Document::new("t", *text, None);
        let toks = doc.tokens();
        let mut got = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            match d.matcher().longest_at(doc.lower(), toks, i) {
                Some(m) => {
                    let span = toks[i].span.cover(toks[i + m.len - 1].span);
                    got.push(doc.slice(span).to_string());
                    i += m.len;
                }
                None => i += 1,
            }
        }
        assert_eq!(got, *want, "{text:?}");
    }
}

#[test]
fn builtin_dictionaries_load() {
    let d = Dictionary::builtin().unwrap_or_else(|e| panic!("{e}"));
    assert!(d.entities().len() > 100, "only {} entities", d.entities().len());
}

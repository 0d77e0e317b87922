//! Verb dictionary tests: syntax errors with file:line, and compiled patterns.

use super::*;

fn build(files: &[(&str, &str)]) -> Result<VerbDictionary, DictErrors> {
    VerbDictionary::from_sources(files.iter().map(|(p, t)| (PathBuf::from(p), t.to_string())).collect())
}

#[test]
fn errors_name_file_and_line() {
    let table = [
        ("verb visit +\n", "v.txt:1: a line before any [header] block"),
        ("[04x] Consult\nverb meet +\n", "v.txt:1: '04x' is not a CAMEO event code"),
        // Codes a PETRARCH dictionary may declare are typos here: axis's own files are CAMEO only.
        ("[174K] Expel\nverb expel +\n", "v.txt:1: '174K' is not a CAMEO event code"),
        ("[345] Ship\nverb ship +\n", "v.txt:1: '345' is not a CAMEO event code"),
        ("[042]\n", "v.txt:1: header needs a name"),
        ("[042] Visit\nverbs visit +\n", "v.txt:2: unknown keyword 'verbs'"),
        ("[042] Visit\nverb + visit\n", "v.txt:2: a pattern starts with its head word"),
        ("[042] Visit\nverb Visit +\n", "v.txt:2: head 'Visit' must be one lower-case word"),
        ("[042] Visit\nverb visit + +\n", "v.txt:2: only one '+' slot"),
        ("[042] Visit\nverb visit &NOPE +\n", "v.txt:2: unknown synonym set &NOPE"),
        ("[042] Visit\nverb visit + | sideways!\n", "v.txt:2: unknown option 'sideways!'"),
        ("[042] Visit\nverb visit | reverse\n", "v.txt:2: 'reverse' needs a '+' slot"),
        ("[042] Visit\nverb {visit|tour +\n", "v.txt:2: '{' without '}'"),
        ("[irregular]\nhold held held\n", "v.txt:1: [irregular] belongs in a forms*.txt file"),
    ];
    for (text, want) in table {
        let got = build(&[("v.txt", text)]).expect_err(text).to_string();
        assert!(got.contains(want), "{text:?}\n got: {got}\nwant: {want}");
    }
    let got = build(&[("forms.txt", "[irregular]\nhold held\n[weird]\n")]).unwrap_err().to_string();
    assert!(got.contains("forms.txt:2: want: lemma past participle"), "{got}");
    assert!(got.contains("forms.txt:3: unknown section [weird]"), "{got}");
}

#[test]
fn compiled_patterns_are_indexed_by_every_form() {
    let d = build(&[
        ("forms.txt", "[irregular]\nsell sold sold\n[synonyms]\n&WEAPON weapons, arms, fighter jets\n"),
        (
            "v.txt",
            "[042] Make a visit\nverb visit +\nnoun visit to +\n[062] Military cooperation\nverb sell &WEAPON to +\n\
             [061] Economic cooperation\nverb {sign|ink} a deal with + | trade\n[070] Aid\nverb receive aid from + | reverse\n",
        ),
    ])
    .unwrap();
    let heads = |form: &str| -> Vec<String> {
        d.candidates(form).iter().map(|&id| d.pattern(id).code.to_string()).collect()
    };
    assert_eq!(heads("visited"), ["042"]);
    assert_eq!(heads("visits"), ["042", "042"], "verb and noun both take 'visits'");
    assert_eq!(heads("sold"), ["062"]);
    assert_eq!(heads("inked"), ["061"]);
    assert!(heads("sell").len() == 1 && heads("selling").len() == 1);
    let sell = d.pattern(d.candidates("sold")[0]);
    assert_eq!(sell.elements.len(), 3);
    assert_eq!(
        sell.elements[0],
        Element::Words(
            vec![vec!["weapons".into()], vec!["arms".into()], vec!["fighter".into(), "jets".into()]].into()
        )
    );
    let sign = d.pattern(d.candidates("signed")[0]);
    assert_eq!(sign.elements.len(), 3, "'a' is optional: deal, with, +");
    assert!(sign.requires.iter().any(|r| &**r == "trade"));
    assert!(d.pattern(d.candidates("received")[0]).reverse);
    assert_eq!(d.codes().len(), 4);
}

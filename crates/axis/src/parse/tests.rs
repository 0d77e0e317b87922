use super::*;
use crate::testing::shared_path;

/// The frame of the verb `verb` as words: (subject, objects, agent, passive).
fn frame_words(s: &ParsedSentence, verb: &str) -> (String, String, String, bool) {
    let f = s
        .frames
        .iter()
        .find(|f| s.words[f.verb] == verb)
        .unwrap_or_else(|| panic!("no frame for {verb}: {:?}", s.frames));
    let words = |v: &[usize]| v.iter().map(|&w| s.words[w].as_str()).collect::<Vec<_>>().join(" ");
    (words(&f.subject), words(&f.objects), words(&f.agent), f.passive)
}

fn penn(text: &str) -> ParsedSentence {
    penn::Tree::parse(text).unwrap_or_else(|e| panic!("{e}: {text}")).sentence()
}

#[test]
fn penn_frames_table() {
    // (tree, verb, subject, objects, agent, passive)
    let cases: &[(&str, &str, &str, &str, &str, bool)] = &[
        (
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD visited) (NP (NNP Gondor))) (. .)))",
            "visited",
            "Arnor",
            "Gondor",
            "",
            false,
        ),
        // A modifier PP stays out of the subject; a PP object is an object.
        (
            "(S (NP (NP (NNP President) (NNP Sukarno)) (PP (IN of) (NP (NNP Indonesia)))) \
             (VP (VBD met) (PP (IN with) (NP (NNP Nehru)))))",
            "met",
            "President Sukarno",
            "Nehru",
            "",
            false,
        ),
        // Control: the infinitive takes the subject of the verb it depends on.
        (
            "(S (NP (NNP Arnor)) (VP (VBD refused) (S (VP (TO to) (VP (VB help) (NP (NNP Gondor)))))))",
            "help",
            "Arnor",
            "Gondor",
            "",
            false,
        ),
        // Object control: "urged Rohan to leave".
        (
            "(S (NP (NNP Arnor)) (VP (VBD urged) (NP (NNP Rohan)) (S (VP (TO to) (VP (VB leave))))))",
            "leave",
            "Rohan",
            "",
            "",
            false,
        ),
        // Coordinated VPs share the subject.
        (
            "(S (NP (DT The) (NN government)) (VP (VP (VBD condemned) (NP (DT the) (NN attack))) (CC and) \
             (VP (VBD promised) (NP (NN aid)))))",
            "promised",
            "The government",
            "aid",
            "",
            false,
        ),
        // Passive with a by-agent, also inside an adverb phrase.
        (
            "(S (NP (NNP Eriador)) (VP (VBD was) (VP (VBN opposed) (ADVP (RB earlier) (PP (IN by) \
             (NP (NNP Osgiliath)))))))",
            "opposed",
            "Eriador",
            "Osgiliath",
            "Osgiliath",
            true,
        ),
        // A reduced relative clause is passive and about its noun.
        (
            "(S (NP (NP (NNS rebels)) (VP (VBN backed) (PP (IN by) (NP (NNP Moscow))))) (VP (VBD attacked) \
             (NP (NNS villages))))",
            "backed",
            "rebels",
            "Moscow",
            "Moscow",
            true,
        ),
        // A preposed participial clause is about the main subject.
        (
            "(S (S (VP (VBN Rebuked) (PP (IN by) (NP (NNP Eriador))))) (, ,) (NP (NNP Osgiliath)) \
             (VP (VBD left)))",
            "Rebuked",
            "Osgiliath",
            "Eriador",
            "Eriador",
            true,
        ),
        // A relative clause's subject is the noun it modifies.
        (
            "(S (NP (NP (DT the) (NN envoy)) (SBAR (WHNP (WP who)) (S (VP (VBD met) (NP (NNP Putin)))))) \
             (VP (VBD left)))",
            "met",
            "the envoy",
            "Putin",
            "",
            false,
        ),
    ];
    for &(tree, verb, subject, objects, agent, passive) in cases {
        let s = penn(tree);
        assert_eq!(
            frame_words(&s, verb),
            (subject.to_string(), objects.to_string(), agent.to_string(), passive),
            "{tree}"
        );
    }
}

#[test]
fn penn_errors_table() {
    // (text, offset of the problem, words of the message)
    let cases: &[(&str, usize, &str)] = &[
        ("(S (NP (NN a)))) ", 15, "no '(' open"),
        ("(S (NP (NN a)", 3, "2 bracket(s) not closed"),
        ("(S (NP (NN a) b))", 14, "word beside brackets"),
        ("(S (NN a b))", 9, "second word"),
        ("word (S (NN a))", 0, "outside any bracket"),
        ("(S (NP))", 0, "no words"),
        ("", 0, "no words"),
    ];
    for &(text, offset, message) in cases {
        let e = penn::Tree::parse(text).expect_err(text);
        assert_eq!(e.offset, offset, "{text}: {e}");
        assert!(e.message.contains(message), "{text}: {e}");
    }
    let deep = "(".repeat(penn::MAX_DEPTH + 5);
    assert!(penn::Tree::parse(&deep).unwrap_err().message.contains("deeper"));
}

/// A Unicode blank between brackets once stopped the scanner from advancing.
#[test]
fn penn_unicode_blanks_end() {
    let s = penn("(S (NP (NNP Arnor)) (VP (VBD left\u{3000}again)))");
    assert_eq!(s.words, ["Arnor", "left\u{3000}again"]);
    let e = penn::Tree::parse("(S (NP (NNP Arnor))\u{3000}(VP (VBD left)))").unwrap_err();
    assert_eq!(e.offset, 19);
    assert!(penn::Tree::parse("(S\u{3000}\u{2028})").is_err());
}

#[test]
fn penn_empty_elements_are_not_words() {
    let s = penn("(S (NP-SBJ-1 (-NONE- *T*-1)) (VP (VBD left) (NP (NNP Bree))))");
    assert_eq!(s.words, ["left", "Bree"]);
}

const UD: &str = "1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\trefused\trefuse\tVERB\tVBD\t_\t0\troot\t_\t_
3\tto\tto\tPART\tTO\t_\t4\tmark\t_\t_
4\thelp\thelp\tVERB\tVB\t_\t2\txcomp\t_\t_
5\tGondor\tGondor\tPROPN\tNNP\t_\t4\tobj\t_\t_
6\tand\tand\tCCONJ\tCC\t_\t7\tcc\t_\t_
7\twas\tbe\tAUX\tVBD\t_\t8\taux:pass\t_\t_
8\tcondemned\tcondemn\tVERB\tVBN\t_\t2\tconj\t_\t_
9\tby\tby\tADP\tIN\t_\t10\tcase\t_\t_
10\tRohan\tRohan\tPROPN\tNNP\t_\t8\tobl:agent\t_\t_
11\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";

#[test]
fn ud_frames() {
    let s = read_parse_element(Path::new("r.xml"), 1, UD).unwrap();
    assert_eq!(frame_words(&s, "refused"), ("Arnor".into(), "".into(), "".into(), false));
    assert_eq!(frame_words(&s, "help"), ("Arnor".into(), "Gondor".into(), "".into(), false));
    assert_eq!(frame_words(&s, "condemned"), ("Arnor".into(), "by Rohan".into(), "Rohan".into(), true));
}

#[test]
fn ud_v1_labels_and_relative_clauses() {
    let text = "1\tthe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tenvoy\tenvoy\tNOUN\tNN\t_\t6\tnsubjpass\t_\t_
3\twho\twho\tPRON\tWP\t_\t4\tnsubj\t_\t_
4\tmet\tmeet\tVERB\tVBD\t_\t2\tacl:relcl\t_\t_
5\tPutin\tPutin\tPROPN\tNNP\t_\t4\tdobj\t_\t_
6\texpelled\texpel\tVERB\tVBN\t_\t0\troot\t_\t_
";
    let s = read_parse_element(Path::new("r.xml"), 1, text).unwrap();
    assert_eq!(frame_words(&s, "met"), ("the envoy".into(), "Putin".into(), "".into(), false));
    assert!(frame_words(&s, "expelled").3);
}

/// A participial modifier is passive by its XPOS or, without English tags, by its features.
#[test]
fn ud_participial_modifiers_are_passive() {
    for (xpos, feats) in [("VBN", "_"), ("_", "Tense=Past|VerbForm=Part"), ("_", "VerbForm=Part|Voice=Pass")]
    {
        let text = format!(
            "1\trebels\trebel\tNOUN\tNNS\t_\t5\tnsubj\t_\t_
2\tbacked\tback\tVERB\t{xpos}\t{feats}\t1\tacl\t_\t_
3\tby\tby\tADP\tIN\t_\t4\tcase\t_\t_
4\tMoscow\tMoscow\tPROPN\tNNP\t_\t2\tobl\t_\t_
5\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_
"
        );
        let s = read_parse_element(Path::new("r.xml"), 1, &text).unwrap();
        assert_eq!(frame_words(&s, "backed"), ("rebels".into(), "by Moscow".into(), "Moscow".into(), true));
        assert!(!frame_words(&s, "attacked").3);
    }
}

#[test]
fn ud_errors_name_the_line() {
    // (text, line of the error, words of the message)
    let cases: &[(&str, usize, &str)] = &[
        ("1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n2\tb\tb\tX\tX\t_\t1\n", 11, "7 field(s)"),
        ("1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n3\tb\tb\tX\tX\t_\t1\tdep\t_\t_\n", 10, "out of order"),
        ("1\ta\ta\tX\tX\t_\tx\troot\t_\t_\n", 10, "HEAD 'x'"),
        ("1\ta\ta\tX\tX\t_\t7\troot\t_\t_\n", 10, "beyond the last word"),
        ("x\ta\ta\tX\tX\t_\t0\troot\t_\t_\n", 10, "not a number"),
        ("2-1\tab\t_\t_\t_\t_\t_\t_\t_\t_\n", 10, "does not span"),
        ("1-3\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n", 10, "runs past"),
    ];
    for &(text, line, message) in cases {
        let e = read_parse_element(Path::new("r.xml"), 10, text).expect_err(text);
        assert_eq!(e.line, line, "{text}: {e}");
        assert!(e.message.contains(message), "{text}: {e}");
        assert!(e.to_string().starts_with(&format!("r.xml:{line}: ")), "{e}");
    }
}

#[test]
fn ud_multiword_tokens_and_empty_nodes() {
    let text = "1-2\tdel\t_\t_\t_\t_\t_\t_\t_\t_
1\tde\tde\tADP\t_\t_\t3\tcase\t_\t_
2\tel\tel\tDET\t_\t_\t3\tdet\t_\t_
3\tgobierno\tgobierno\tNOUN\t_\t_\t0\troot\t_\t_
3.1\tvino\tvenir\tVERB\t_\t_\t_\t_\t3:conj\t_
";
    let s = read_parse_element(Path::new("r.xml"), 1, text).unwrap();
    assert_eq!(s.words, ["del", "", "gobierno"]);
    assert_eq!(s.text(), "del gobierno");
    let doc = Document::new("d", "Habló del gobierno.", None);
    let aligned = align(&doc, &Parse { sentences: vec![s] });
    assert_eq!(aligned[0], [Some(1), Some(1), Some(2)]);
}

#[test]
fn alignment_handles_ptb_escapes_clitics_and_missing_words() {
    let doc = Document::new("d", "Gondor \"didn't\" (reportedly) agree, Arnor said.", None);
    let words = [
        "Gondor",
        "``",
        "did",
        "n't",
        "''",
        "-LRB-",
        "reportedly",
        "-RRB-",
        "agree",
        "xyzzy",
        ",",
        "Arnor",
        "said",
        ".",
    ];
    let sentence =
        ParsedSentence { words: words.iter().map(|w| w.to_string()).collect(), frames: Vec::new() };
    let aligned = align(&doc, &Parse { sentences: vec![sentence] });
    let text = |t: Option<usize>| t.map(|t| doc.slice(doc.tokens()[t].span).to_string());
    let got: Vec<Option<String>> = aligned[0].iter().map(|&t| text(t)).collect();
    let want: Vec<Option<String>> = [
        Some("Gondor"),
        Some("\""),
        Some("did"),
        Some("n't"),
        Some("\""),
        Some("("),
        Some("reportedly"),
        Some(")"),
        Some("agree"),
        None,
        Some(","),
        Some("Arnor"),
        Some("said"),
        Some("."),
    ]
    .iter()
    .map(|w| w.map(str::to_string))
    .collect();
    assert_eq!(got, want);
}

#[test]
fn alignment_does_not_match_inside_words() {
    let doc = Document::new("d", "Gondor left.", None);
    let sentence = ParsedSentence { words: vec!["a".into(), "left".into()], frames: Vec::new() };
    assert_eq!(align(&doc, &Parse { sentences: vec![sentence] })[0], [None, Some(1)]);
}

/// Every `<Parse>` of PETRARCH's unit-test records reads (except the ERROR records', broken on
/// purpose) and nearly all of its words align with the record's text.
#[test]
fn petrarch_unit_test_parses_read_and_align() {
    let path = shared_path("petrarch/PETR.UnitTest.records.xml");
    if !path.exists() {
        eprintln!("skipped: {} not present", path.display());
        return;
    }
    let records = crate::petrarch::xml::read_file(&path).unwrap();
    let with_parse: Vec<_> = records.records.iter().filter(|r| r.parse.is_some()).collect();
    assert!(with_parse.len() > 250, "{} records with a parse", with_parse.len());
    for r in &with_parse {
        if r.parsed.is_none() {
            assert!(r.id.starts_with("ERROR"), "{}: parse not read", r.id);
        }
    }
    let (mut words, mut aligned) = (0, 0);
    for r in with_parse.iter().filter(|r| r.parsed.is_some()) {
        let doc = r.document();
        let a = align(&doc, doc.parse().unwrap());
        words += a[0].len();
        aligned += a[0].iter().filter(|t| t.is_some()).count();
    }
    assert!(aligned * 100 >= words * 98, "{aligned} of {words} words aligned");
}

/// The coder with `use_parse`: the given tree decides the subject where the shallow syntax
/// takes the nearest actor; without the switch, or without a parse, nothing changes.
#[test]
fn coder_takes_subjects_from_the_parse() {
    use crate::cameo::CameoTable;
    use crate::code::Coder;
    use crate::dict::{Dictionary, VerbDictionary};
    let (dict, verbs, cameo) =
        (Dictionary::builtin().unwrap(), VerbDictionary::builtin().unwrap(), CameoTable::builtin().unwrap());
    let text = "Russia, backed by China, attacked Ukraine.";
    let tree = "(ROOT (S (NP (NP (NNP Russia)) (, ,) (VP (VBN backed) (PP (IN by) (NP (NNP China)))) (, ,)) \
                (VP (VBD attacked) (NP (NNP Ukraine))) (. .)))";
    let date = crate::when::Date::new(2019, 2, 2);
    let parsed = Document::new("d", text, date).with_parse(Parse { sentences: vec![penn(tree)] });
    let events = |c: &Coder, doc: &Document| -> Vec<String> {
        c.code_document(doc, false)
            .events
            .iter()
            .map(|e| {
                let t = e.target.as_ref().map_or("-".to_string(), |t| t.mention.code.to_string());
                format!("{}>{}:{}", e.source.mention.code, t, e.code)
            })
            .collect()
    };
    let plain = Coder::new(&dict, &verbs, &cameo);
    let given = Coder::new(&dict, &verbs, &cameo).use_parse(true);
    let with_parse = events(&given, &parsed);
    assert_eq!(with_parse, ["RUS>UKR:190"]);
    let shallow = events(&plain, &parsed);
    assert_ne!(shallow, with_parse, "the shallow syntax reads this sentence differently");
    assert_eq!(events(&given, &Document::new("d", text, date)), shallow);
}

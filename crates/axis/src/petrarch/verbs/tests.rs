use super::*;
use crate::dict::verbs::Element;

const VERBS: &str = "\
&FRUIT_                # a set; the trailing _ is dropped from its name
+APPLE
+GREEN_PEAR_
+&NUTS
&NUTS
+WALNUT
&NEVER
+NOT_
+NEVER_

--- PLANT [061] ---
PLANT
SOW {SOWS SOWED SOWN SOWING}
+DIG_UP [0871]         # a compound verb with its own code
- * &FRUIT TREES [062]
- * (WITH +) [063:064]
- * TOGETHER % [065]
- + WAS_ * BY $ [066]
- * ROWS [903]          # not CAMEO: the dictionary's own code, emitted as written
- * FENCES [---]        # no event: a note, skipped
- NOISILY * [067]
- * RARE_&FRUIT [068]
- &NEVER VERY_* [069]
ONCE_MORE_+REPLANT

--- WEED [---] ---
WEED
- * GARDEN FOR $ [070]
- * [1?]
- * GARDEN
* GARDEN [071]
~ a (a b WEED) SAY = a b 010
";

fn load() -> (VerbDictionary, Log, Stats) {
    let (d, _, log, stats) = load_paired();
    (d, log, stats)
}

fn load_paired() -> (VerbDictionary, Paired, Log, Stats) {
    let mut r = VerbReader::default();
    let mut log = Log::default();
    let mut stats = Stats::default();
    r.read(Path::new("v.txt"), VERBS, &mut log, &mut stats);
    let (d, paired) = r.finish(&mut stats);
    (d, paired, log, stats)
}

fn texts(d: &VerbDictionary, form: &str) -> Vec<String> {
    d.candidates(form)
        .iter()
        .map(|&id| {
            let p = d.pattern(id);
            let els: Vec<String> = p
                .elements
                .iter()
                .map(|e| match e {
                    Element::Slot => "+".to_string(),
                    Element::Object => "obj".to_string(),
                    Element::Skip => "^".to_string(),
                    Element::Words(a) => a.iter().map(|w| w.join(" ")).collect::<Vec<_>>().join("|"),
                })
                .collect();
            format!(
                "{} {} {}{}{}",
                p.code,
                p.lemma,
                els.join(" "),
                if p.reverse { " rev" } else { "" },
                if p.before.is_empty() {
                    String::new()
                } else {
                    let pre: Vec<String> = p
                        .before
                        .iter()
                        .map(|b| {
                            let alts = b.words.iter().map(|w| w.join(" ")).collect::<Vec<_>>().join("|");
                            format!("{alts}{}", if b.adjacent { "_" } else { "" })
                        })
                        .collect();
                    format!(" pre={}", pre.join(" "))
                }
            )
        })
        .collect()
}

#[test]
fn problems_and_notes_name_their_lines() {
    let (_, log, stats) = load();
    let lines = |v: &[crate::dict::DictError]| v.iter().map(|e| e.line).collect::<Vec<_>>();
    // "- * [1?]" (bad code -> note), "- * GARDEN" (no code), "* GARDEN [071]" (a pattern without '-').
    assert_eq!(lines(&log.problems), vec![30, 31], "{:?}", log.problems);
    assert_eq!(lines(&log.notes), vec![20, 29, 32], "{:?}", log.notes);
    assert_eq!((stats.synsets, stats.verb_blocks, stats.verbs, stats.pattern_lines), (3, 2, 5, 12));
}

#[test]
fn patterns_translate() {
    let (d, _, _) = load();
    let sown = texts(&d, "sown");
    assert!(
        sown.contains(&"062 sow apple|apples|green pear|walnut|walnuts trees obj".to_string()),
        "{sown:?}"
    );
    assert!(sown.contains(&"063 sow with +".to_string()), "{sown:?}");
    assert!(sown.contains(&"065 sow together".to_string()), "{sown:?}");
    assert!(sown.contains(&"066 sow by + rev pre=was_".to_string()), "{sown:?}");
    assert!(sown.contains(&"067 sow obj pre=noisily".to_string()), "{sown:?}");
    // `_` joins adjacent words, a synonym set included: one element of word sequences.
    assert!(
        sown.contains(
            &"068 sow rare apple|rare apples|rare green pear|rare walnut|rare walnuts obj".to_string()
        ),
        "{sown:?}"
    );
    assert!(sown.contains(&"069 sow obj pre=not|never very_".to_string()), "{sown:?}");
    // A compound verb's words before its verb word stand right before it.
    let replant = texts(&d, "replanted");
    assert!(replant.contains(&"061 replant obj pre=once more_".to_string()), "{replant:?}");
    assert!(sown.contains(&"061 sow obj".to_string()), "{sown:?}");
    assert!(sown.contains(&"903 sow rows obj".to_string()), "{sown:?}");
    let dig = texts(&d, "digging");
    assert!(dig.contains(&"0871 dig up obj".to_string()), "{dig:?}");
    assert!(
        dig.contains(&"062 dig up apple|apples|green pear|walnut|walnuts trees obj".to_string()),
        "{dig:?}"
    );
    // [---] block: no default pattern for WEED, only its pattern with $ (the slot is the source).
    assert_eq!(texts(&d, "weeds"), vec!["070 weed garden for + rev".to_string()]);
    // Irregular forms from the braces.
    assert!(!d.candidates("sowed").is_empty() && !d.candidates("sowing").is_empty());
}

#[test]
fn paired_codes_go_back_from_the_same_match() {
    let (d, paired, _, _) = load_paired();
    let with: Vec<_> =
        d.candidates("sow").iter().filter(|&&id| d.pattern(id).code.as_str() == "063").collect();
    assert_eq!(with.len(), 1);
    assert_eq!(paired.back(*with[0]).map(|c| c.to_string()), Some("064".to_string()));
    assert_eq!(paired.len(), 3, "plant, sow and dig up");
}

//! Word forms: English verb inflection and noun plurals, with irregular forms from `forms.txt`.
//!
//! Patterns name a verb by its lemma and a noun by its singular; the matcher needs every form news
//! text uses. Regular rules cover most verbs; `[irregular]` entries override them.

use rustc_hash::FxHashMap;

/// Irregular forms collected from `forms.txt` files.
#[derive(Clone, Debug, Default)]
pub struct Forms {
    /// lemma → (past, past participle, 3rd person singular, -ing); the last two may be empty.
    verbs: FxHashMap<String, [String; 4]>,
    /// singular → plural.
    plurals: FxHashMap<String, String>,
}

impl Forms {
    /// Records an irregular verb: `lemma past participle [3sg ing]`.
    pub fn add_verb(&mut self, lemma: &str, past: &str, participle: &str, third: &str, ing: &str) {
        self.verbs.insert(
            lemma.to_string(),
            [past.to_string(), participle.to_string(), third.to_string(), ing.to_string()],
        );
    }

    /// Records an irregular plural.
    pub fn add_plural(&mut self, singular: &str, plural: &str) {
        self.plurals.insert(singular.to_string(), plural.to_string());
    }

    /// Whether a verb is listed as irregular.
    pub fn has_verb(&self, lemma: &str) -> bool {
        self.verbs.contains_key(lemma)
    }

    /// All forms of a verb: base, 3rd person singular, past, past participle, -ing (deduplicated).
    pub fn verb_forms(&self, lemma: &str) -> Vec<String> {
        let (mut past, mut participle, mut third, mut ing) =
            (regular_past(lemma), String::new(), regular_third(lemma), regular_ing(lemma));
        participle.clone_from(&past);
        if let Some([p, pp, t, i]) = self.verbs.get(lemma) {
            past.clone_from(p);
            participle.clone_from(pp);
            if !t.is_empty() {
                third.clone_from(t);
            }
            if !i.is_empty() {
                ing.clone_from(i);
            }
        }
        let mut out = vec![lemma.to_string(), third, past, participle, ing];
        // British and American spellings of the -ed/-ing forms of -l verbs both occur.
        if lemma.ends_with('l') && !lemma.ends_with("ll") && is_vowel(lemma, lemma.len().wrapping_sub(2)) {
            out.push(format!("{lemma}led"));
            out.push(format!("{lemma}ling"));
        }
        out.sort();
        out.dedup();
        out
    }

    /// Whether `word` is a past participle of `lemma` (for the passive).
    pub fn is_participle(&self, lemma: &str, word: &str) -> bool {
        match self.verbs.get(lemma) {
            Some([_, pp, ..]) => pp == word,
            None => regular_past(lemma) == word,
        }
    }

    /// Singular and plural of a noun.
    pub fn noun_forms(&self, singular: &str) -> Vec<String> {
        let plural = self.plurals.get(singular).cloned().unwrap_or_else(|| regular_plural(singular));
        if plural == singular {
            vec![singular.to_string()]
        } else {
            vec![singular.to_string(), plural]
        }
    }
}

/// Whether `word` is an irregular past or past participle of an English verb that differs from
/// the verb's bare form ("left", "met", "said"; not "cast"), by the `[irregular]` lists of the
/// verb dictionaries that ship with axis, whatever dictionary is coding. A dictionary may name
/// such a form as a head of its own (PETRARCH's "LEFT" block); it is still a finite verb.
pub fn is_irregular_past(word: &str) -> bool {
    static PAST: std::sync::OnceLock<rustc_hash::FxHashSet<Box<str>>> = std::sync::OnceLock::new();
    PAST.get_or_init(|| {
        let mut set = rustc_hash::FxHashSet::default();
        for (_, text) in crate::builtin::files_under(&["verbs/forms"]) {
            let mut irregular = false;
            for line in text.lines() {
                let line = line.split('#').next().unwrap_or("").trim();
                if line.starts_with('[') {
                    irregular = line == "[irregular]";
                    continue;
                }
                let mut words = line.split_whitespace();
                if let (true, Some(lemma)) = (irregular, words.next()) {
                    for form in words.take(2).filter(|f| *f != lemma) {
                        set.insert(form.to_lowercase().into_boxed_str());
                    }
                }
            }
        }
        set
    })
    .contains(word)
}

fn is_vowel(w: &str, i: usize) -> bool {
    matches!(w.as_bytes().get(i), Some(b'a' | b'e' | b'i' | b'o' | b'u'))
}

/// One-syllable verbs ending consonant-vowel-consonant double the consonant: ban → banned.
fn doubles(lemma: &str) -> bool {
    let b = lemma.as_bytes();
    let n = b.len();
    if n < 3 || !lemma.is_ascii() {
        return false;
    }
    let vowels = lemma.bytes().filter(|c| b"aeiou".contains(c)).count();
    vowels == 1
        && !is_vowel(lemma, n - 1)
        && is_vowel(lemma, n - 2)
        && !is_vowel(lemma, n - 3)
        && !matches!(b[n - 1], b'w' | b'x' | b'y')
}

fn regular_past(lemma: &str) -> String {
    if lemma.ends_with('e') {
        format!("{lemma}d")
    } else if let Some(stem) =
        lemma.strip_suffix('y').filter(|s| !s.is_empty() && !is_vowel(lemma, s.len() - 1))
    {
        format!("{stem}ied")
    } else if doubles(lemma) {
        format!("{lemma}{}ed", &lemma[lemma.len() - 1..])
    } else {
        format!("{lemma}ed")
    }
}

fn regular_third(lemma: &str) -> String {
    if let Some(stem) = lemma.strip_suffix('y').filter(|s| !s.is_empty() && !is_vowel(lemma, s.len() - 1)) {
        format!("{stem}ies")
    } else if ["s", "sh", "ch", "x", "z", "o"].iter().any(|e| lemma.ends_with(e)) {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    }
}

fn regular_ing(lemma: &str) -> String {
    if let Some(stem) = lemma.strip_suffix("ie") {
        format!("{stem}ying")
    } else if lemma.ends_with('e') && !lemma.ends_with("ee") && lemma.len() > 2 {
        format!("{}ing", &lemma[..lemma.len() - 1])
    } else if doubles(lemma) {
        format!("{lemma}{}ing", &lemma[lemma.len() - 1..])
    } else {
        format!("{lemma}ing")
    }
}

fn regular_plural(singular: &str) -> String {
    // Already plural-only words ("talks", "sanctions" written as such) stay as they are.
    if singular.ends_with("ss") || ["sh", "ch", "x", "z", "o"].iter().any(|e| singular.ends_with(e)) {
        format!("{singular}es")
    } else if singular.ends_with('s') {
        singular.to_string()
    } else if let Some(stem) =
        singular.strip_suffix('y').filter(|s| !s.is_empty() && !is_vowel(singular, s.len() - 1))
    {
        format!("{stem}ies")
    } else {
        format!("{singular}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_forms_table() {
        let mut f = Forms::default();
        f.add_verb("hold", "held", "held", "", "");
        f.add_verb("admit", "admitted", "admitted", "admits", "admitting");
        let table: &[(&str, &[&str])] = &[
            ("visit", &["visit", "visited", "visiting", "visits"]),
            ("agree", &["agree", "agreed", "agreeing", "agrees"]),
            ("try", &["tried", "tries", "try", "trying"]),
            ("ban", &["ban", "banned", "banning", "bans"]),
            ("stop", &["stop", "stopped", "stopping", "stops"]),
            ("host", &["host", "hosted", "hosting", "hosts"]),
            ("watch", &["watch", "watched", "watches", "watching"]),
            ("veto", &["veto", "vetoed", "vetoes", "vetoing"]),
            ("make", &["made", "make", "makes", "making"]),
            ("hold", &["held", "hold", "holding", "holds"]),
            ("admit", &["admit", "admits", "admitted", "admitting"]),
            ("cancel", &["cancel", "canceled", "canceling", "cancelled", "cancelling", "cancels"]),
            ("pay", &["pay", "payed", "paying", "pays"]),
            ("tie", &["tie", "tied", "ties", "tying"]),
        ];
        f.add_verb("make", "made", "made", "", "");
        for (lemma, want) in table {
            assert_eq!(f.verb_forms(lemma), *want, "{lemma}");
        }
        assert!(f.is_participle("hold", "held") && f.is_participle("visit", "visited"));
    }

    #[test]
    fn irregular_pasts_from_the_shipped_lists() {
        for (word, past) in [("left", true), ("met", true), ("said", true), ("begun", true)] {
            assert_eq!(is_irregular_past(word), past, "{word}");
        }
        // Bare forms, including those whose past is the same word, and regular pasts.
        for word in ["visit", "leave", "cast", "bid", "visited", "talks"] {
            assert!(!is_irregular_past(word), "{word}");
        }
    }

    #[test]
    fn plurals_table() {
        let mut f = Forms::default();
        f.add_plural("crisis", "crises");
        let table: &[(&str, &[&str])] = &[
            ("visit", &["visit", "visits"]),
            ("sanction", &["sanction", "sanctions"]),
            ("talks", &["talks"]),
            ("embargo", &["embargo", "embargoes"]),
            ("crisis", &["crises", "crisis"]),
            ("ally", &["allies", "ally"]),
            ("attack", &["attack", "attacks"]),
            ("match", &["match", "matches"]),
        ];
        for (s, want) in table {
            let mut got = f.noun_forms(s);
            got.sort();
            assert_eq!(got, *want, "{s}");
        }
    }
}

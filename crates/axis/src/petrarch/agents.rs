//! PETRARCH agent dictionaries (`Phoenix.agents.txt`, `PETR.Validate.agents.txt`).
//!
//! ```text
//! !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON      # a substitution set
//! GOVERNMENT [~GOV]                              # ~ after: composes after an actor (ARNGOV)
//! GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]             # explicit plurals; {} = none
//! CONGRESS!PERSON! [~LEG]                        # CONGRESSMAN, CONGRESSMEN, ...
//! MSF {} [NGO~]                                  # ~ before: the code stands first
//! ```
//!
//! `[~CODE]` becomes an axis agent (composes with an actor: "Arnor government" → ARNGOV).
//! `[CODE~]` is an agent whose code is a primary code; axis reads it as an actor with that code
//! that leads the code of a name written right after it: "aid body" alone is `NGO`, "aid body
//! Arnor" is `NGOARN`, "aid body Arnor envoys" `NGOARNGOV`.
//! Without `{...}`, the regular English plural of the last word is added, as PETRARCH does.

use super::{words_of, ActorCompiler, Log, Stats};
use crate::dict::verbs::forms::Forms;
use crate::dict::{Code, EntityKind, Origin, Usage};
use crate::when::DateRange;
use rustc_hash::FxHashMap;
use std::path::Path;

/// Reads one agent file into the compiler.
pub(crate) fn read(
    out: &mut ActorCompiler,
    file: u32,
    path: &Path,
    text: &str,
    log: &mut Log,
    stats: &mut Stats,
) {
    let forms = Forms::default();
    let mut subs: FxHashMap<String, Vec<String>> = FxHashMap::default();
    for (n, line) in super::lines(text) {
        let origin = Origin { file, line: n as u32 };
        if line.starts_with('!') && line.contains('=') && !line.contains('[') {
            let (name, values) = line.split_once('=').unwrap_or_default();
            let name = name.trim();
            if name.len() < 3 || !name.ends_with('!') {
                log.syntax(path, n, format!("'{name}' is not a substitution name (want !NAME!)"));
                continue;
            }
            let values: Vec<String> =
                values.split(',').map(|v| v.trim().to_string()).filter(|v| !v.is_empty()).collect();
            if values.is_empty() {
                log.syntax(path, n, format!("{name} has no values"));
                continue;
            }
            subs.insert(name.to_string(), values);
            continue;
        }
        match entry(&line, &subs, &forms) {
            Ok((kind, code, phrases)) => {
                // `[CODE~]`: an organisation type whose code leads the actor's.
                let usage = if kind == EntityKind::Actor { Usage::Prefix } else { Usage::Name };
                for p in phrases {
                    match out.add(kind, code, &p, DateRange::ALWAYS, usage, origin) {
                        Ok(()) => stats.agent_phrases += 1,
                        Err(k) => log.problem(path, n, k),
                    }
                }
            }
            Err(m) => log.syntax(path, n, m),
        }
    }
}

/// `PHRASE {PLURALS} [~CODE]` → kind, code and every phrase (substitutions and plurals expanded).
fn entry(
    line: &str,
    subs: &FxHashMap<String, Vec<String>>,
    forms: &Forms,
) -> Result<(EntityKind, Code, Vec<String>), String> {
    let open = line.find('[').ok_or("an agent needs a [~CODE]")?;
    let close = line[open..].find(']').map(|i| open + i).ok_or("'[' without ']'")?;
    if !line[close + 1..].trim().is_empty() {
        return Err(format!("unexpected '{}' after the code", line[close + 1..].trim()));
    }
    let raw = line[open + 1..close].trim();
    let (kind, code) = if let Some(c) = raw.strip_prefix('~') {
        (EntityKind::Agent, c)
    } else if let Some(c) = raw.strip_suffix('~') {
        (EntityKind::Actor, c)
    } else {
        return Err(format!("'[{raw}]' is not an agent code (want [~CODE] or [CODE~])"));
    };
    let code = Code::new(&code.trim().to_ascii_uppercase())
        .ok_or_else(|| format!("'{code}' is not a code (3-character parts)"))?;
    let head = line[..open].trim();
    let (phrase, plurals) = match head.find('{') {
        Some(i) => {
            let end = head.rfind('}').filter(|&e| e > i).ok_or("'{' without '}'")?;
            (head[..i].trim(), Some(head[i + 1..end].split_whitespace().collect::<Vec<_>>()))
        }
        None => (head, None),
    };
    if phrase.is_empty() {
        return Err("an agent entry needs a phrase".into());
    }
    let mut singular = expand(phrase, subs)?;
    let mut out = singular.clone();
    match plurals {
        Some(list) => {
            for p in list {
                out.extend(expand(p, subs)?);
            }
        }
        None => {
            for s in singular.drain(..) {
                let w = words_of(&s);
                let (first, last) = w.rsplit_once(' ').map_or(("", w.as_str()), |(a, b)| (a, b));
                for form in forms.noun_forms(last).into_iter().skip(1) {
                    out.push(if first.is_empty() { form } else { format!("{first} {form}") });
                }
            }
        }
    }
    Ok((kind, code, out))
}

/// Every spelling of a phrase with `!NAME!` substitutions replaced.
fn expand(phrase: &str, subs: &FxHashMap<String, Vec<String>>) -> Result<Vec<String>, String> {
    let Some(start) = phrase.find('!') else {
        return Ok(vec![phrase.to_string()]);
    };
    let len = phrase[start + 1..].find('!').ok_or_else(|| format!("unclosed '!' in '{phrase}'"))?;
    let name = &phrase[start..start + len + 2];
    let values = subs.get(name).ok_or_else(|| format!("unknown substitution {name}"))?;
    let mut out = Vec::new();
    for v in values {
        let replaced = format!("{}{}{}", &phrase[..start], v, &phrase[start + len + 2..]);
        out.extend(expand(&replaced, subs)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subs() -> FxHashMap<String, Vec<String>> {
        let mut s = FxHashMap::default();
        s.insert("!HUMAN!".to_string(), vec!["MAN".to_string(), "MEN".to_string()]);
        s
    }

    #[test]
    fn entries_expand() {
        let f = Forms::default();
        let table: &[(&str, EntityKind, &str, &[&str])] = &[
            ("GOVERNMENT [~GOV]", EntityKind::Agent, "GOV", &["GOVERNMENT", "governments"]),
            (
                "SPOKES!HUMAN! [~GOV]",
                EntityKind::Agent,
                "GOV",
                &["SPOKESMAN", "SPOKESMEN", "spokesmans", "spokesmens"],
            ),
            ("BIG_GOOSE {BIG_GEESE} [~GGS]", EntityKind::Agent, "GGS", &["BIG_GOOSE", "BIG_GEESE"]),
            ("THE_PRESS {} [~MED]", EntityKind::Agent, "MED", &["THE_PRESS"]),
            ("AID_BODY {}  [NGO~]", EntityKind::Actor, "NGO", &["AID_BODY"]),
            ("PEASANT[~agr]", EntityKind::Agent, "AGR", &["PEASANT", "peasants"]),
        ];
        for &(line, kind, code, phrases) in table {
            let (k, c, p) = entry(line, &subs(), &f).unwrap();
            assert_eq!((k, c.as_str()), (kind, code), "{line}");
            assert_eq!(p, phrases.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "{line}");
        }
    }

    #[test]
    fn bad_entries_are_errors() {
        let f = Forms::default();
        for bad in [
            "GOVERNMENT",
            "GOVERNMENT [GOV]",
            "X [~GO]",
            "X!NOPE! [~GOV]",
            "X {A [~GOV]",
            "[~GOV]",
            "X [~GOV] y",
        ] {
            assert!(entry(bad, &subs(), &f).is_err(), "{bad}");
        }
    }
}

//! PETRARCH/TABARI actor dictionaries (`Phoenix.Countries.actors.txt`, `PETR.Validate.actors.txt`).
//!
//! An entry is a phrase line, optionally with codes on it, then `+SYNONYM` lines and indented
//! `[CODE ...]` lines:
//!
//! ```text
//! GAZA_CITY [PSEGZA]
//! MOHAMMAD_ZAHIR_SHAH_
//! +ZAHIR_SHAH
//!     [AFGELI 320101-331108]
//!     [AFGGOV 331108-730717]
//!     [AFGELI]
//! ```
//!
//! Date restrictions: `A-B` (inclusive), `<D` (before D), `>D` (after D); dates are `YYMMDD` or
//! `YYYYMMDD`. Unlike PETRARCH2, which takes the first code in file order whose restriction
//! holds, axis resolves by date: every dated code is a meaning valid over its range, and the
//! undated code (the default) is valid exactly where no dated code is.
//!
//! `[AAA/BBB]` names several actors at once ("the Benelux states"): a mention of the phrase
//! stands for each of them, as a compound of its own.

use super::{has_words, parse_date, ActorCompiler, Log, Stats};
use crate::dict::{Code, DictErrorKind, EntityKind, Origin, Usage};
use crate::when::{Date, DateRange};
use std::path::Path;

/// One code of a `[CODE restriction]` group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DatedCode {
    /// The actor code.
    pub code: Code,
    /// When it applies; `None` for the undated default.
    pub valid: Option<DateRange>,
    /// Which `[...]` group of the entry it was written in (0 for the first).
    pub group: u16,
    /// The group names several actors at once (`[AAA/BBB]`).
    pub shared: bool,
}

/// One meaning of an entry's phrases: a code over a validity range, and whether it is one of
/// several actors the phrase names at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActorMeaning {
    /// The actor code.
    pub code: Code,
    /// When the phrase has it.
    pub valid: DateRange,
    /// One of several actors named at once (`[AAA/BBB]`).
    pub shared: bool,
}

struct Entry {
    line: usize,
    phrases: Vec<(String, usize)>,
    codes: Vec<DatedCode>,
    /// A code group on the entry line was bad (already reported).
    failed: bool,
}

/// Reads one actor file into the compiler.
pub(crate) fn read(
    out: &mut ActorCompiler,
    file: u32,
    path: &Path,
    text: &str,
    log: &mut Log,
    stats: &mut Stats,
) {
    let mut entry: Option<Entry> = None;
    for (n, line) in super::lines(text) {
        if let Some(syn) = line.strip_prefix('+') {
            match entry.as_mut() {
                Some(e) if !syn.trim().is_empty() => e.phrases.push((syn.trim().to_string(), n)),
                Some(_) => log.syntax(path, n, "'+' without a synonym phrase"),
                None => log.syntax(path, n, "a '+' synonym before any actor entry"),
            }
            continue;
        }
        if line.starts_with('[') {
            match entry.as_mut() {
                Some(e) => {
                    if let Err(m) = codes(&line, &mut e.codes) {
                        log.problem(path, n, m);
                    }
                }
                None => log.syntax(path, n, "a [CODE] line before any actor entry"),
            }
            continue;
        }
        let (phrase, rest) = match line.find('[') {
            Some(i) => (line[..i].trim(), &line[i..]),
            None => (&*line, ""),
        };
        // Phrase lines before the first code line share its codes, as in PETRARCH.
        let pending = entry.take_if(|e| !e.codes.is_empty() || e.failed);
        if let Some(e) = pending {
            finish(out, file, path, e, log, stats);
        }
        let mut e = match entry.take() {
            Some(mut e) => {
                e.phrases.push((phrase.to_string(), n));
                e
            }
            None => {
                Entry { line: n, phrases: vec![(phrase.to_string(), n)], codes: Vec::new(), failed: false }
            }
        };
        if !rest.is_empty() {
            if let Err(m) = codes(rest, &mut e.codes) {
                log.problem(path, n, m);
                e.failed = true;
            }
        }
        entry = Some(e);
    }
    if let Some(e) = entry {
        finish(out, file, path, e, log, stats);
    }
}

fn finish(out: &mut ActorCompiler, file: u32, path: &Path, e: Entry, log: &mut Log, stats: &mut Stats) {
    if e.codes.is_empty() {
        if e.failed {
            return;
        }
        log.syntax(path, e.line, format!("actor '{}' has no [CODE]", e.phrases[0].0));
        return;
    }
    stats.actor_entries += 1;
    for m in meanings(&e.codes) {
        for (phrase, line) in &e.phrases {
            if !has_words(phrase) {
                log.syntax(path, *line, "empty actor phrase");
                continue;
            }
            let origin = Origin { file, line: *line as u32 };
            let usage = if m.shared { Usage::Group } else { Usage::Name };
            match out.add(EntityKind::Actor, m.code, phrase, m.valid, usage, origin) {
                Ok(()) => stats.actor_phrases += 1,
                Err(k) => log.problem(path, *line, k),
            }
        }
    }
}

/// Every meaning an entry's codes stand for: the dated codes over their ranges, the first
/// undated group (all its codes) over what is left.
pub fn meanings(codes: &[DatedCode]) -> Vec<ActorMeaning> {
    let mut out: Vec<ActorMeaning> = codes
        .iter()
        .filter_map(|c| Some(ActorMeaning { code: c.code, valid: c.valid?, shared: c.shared }))
        .collect();
    if let Some(default) = codes.iter().find(|c| c.valid.is_none()) {
        let rest = gaps(&out.iter().map(|m| m.valid).collect::<Vec<_>>());
        for c in codes.iter().filter(|c| c.valid.is_none() && c.group == default.group) {
            out.extend(rest.iter().map(|&valid| ActorMeaning { code: c.code, valid, shared: c.shared }));
        }
    }
    out
}

/// The parts of all time that none of `ranges` covers.
fn gaps(ranges: &[DateRange]) -> Vec<DateRange> {
    let mut sorted = ranges.to_vec();
    sorted.sort_by_key(|r| r.from.map_or(i32::MIN, Date::to_days));
    let day = |d: i32| (d != i32::MIN).then(|| Date::from_days(d));
    let mut out = Vec::new();
    let mut cursor = i32::MIN; // the first day not yet covered (MIN: the beginning of time)
    for r in sorted {
        let from = r.from.map_or(i32::MIN, Date::to_days);
        if from > cursor {
            out.push(DateRange { from: day(cursor), to: Some(Date::from_days(from - 1)) });
        }
        match r.to {
            None => return out,
            Some(t) => cursor = cursor.max(t.to_days() + 1),
        }
    }
    out.push(DateRange { from: day(cursor), to: None });
    out
}

/// Parses `[CODE]`, `[CODE A-B]`, `[CODE <D]`, `[CODE >D]`, `[AAA/BBB]` groups (several may
/// share a line), appending to `out` (which may hold groups of earlier lines).
fn codes(s: &str, out: &mut Vec<DatedCode>) -> Result<(), DictErrorKind> {
    let mut rest = s.trim();
    while !rest.is_empty() {
        let inner =
            rest.strip_prefix('[').ok_or_else(|| syntax(format!("unexpected '{rest}' after codes")))?;
        let close = inner.find(']').ok_or_else(|| syntax("'[' without ']'"))?;
        let group = out.last().map_or(0, |c| c.group + 1);
        code(&inner[..close], group, out)?;
        rest = inner[close + 1..].trim_start();
    }
    Ok(())
}

fn code(s: &str, group: u16, out: &mut Vec<DatedCode>) -> Result<(), DictErrorKind> {
    let mut words = s.split_whitespace();
    let raw = words.next().ok_or_else(|| syntax("empty '[]'"))?;
    // The restriction may be written with spaces: `[CODE > 140608]`, `[CODE 19950601 - 19990815]`.
    let rest: String = words.collect();
    let valid = if rest.is_empty() { None } else { Some(restriction(&rest)?) };
    let parts: Vec<&str> = raw.split('/').collect();
    let mut parsed = Vec::with_capacity(parts.len());
    for part in &parts {
        // The validation dictionaries have a few lower-case codes ("[pse]"); codes are upper case.
        let code = Code::new(&part.to_ascii_uppercase())
            .ok_or_else(|| DictErrorKind::BadCode(format!("'{raw}' is not a code (3-character parts)")))?;
        parsed.push(DatedCode { code, valid, group, shared: parts.len() > 1 });
    }
    out.extend(parsed);
    Ok(())
}

/// `A-B`, `<D` or `>D`.
pub fn restriction(r: &str) -> Result<DateRange, DictErrorKind> {
    let date = |d: &str| {
        parse_date(d)
            .ok_or_else(|| DictErrorKind::BadDate(format!("'{d}' is not a date (YYMMDD or YYYYMMDD)")))
    };
    if let Some(d) = r.strip_prefix('<') {
        return Ok(DateRange { from: None, to: Some(date(d)?.add_days(-1)) });
    }
    if let Some(d) = r.strip_prefix('>') {
        return Ok(DateRange { from: Some(date(d)?.add_days(1)), to: None });
    }
    let (a, b) = r
        .split_once('-')
        .ok_or_else(|| DictErrorKind::BadDate(format!("'{r}' is not a restriction (A-B, <D or >D)")))?;
    let (from, to) = (date(a)?, date(b)?);
    if from > to {
        return Err(DictErrorKind::BadDate(format!("'{r}' ends before it starts")));
    }
    Ok(DateRange { from: Some(from), to: Some(to) })
}

fn syntax(m: impl Into<String>) -> DictErrorKind {
    DictErrorKind::Syntax(m.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn restrictions_parse() {
        let r = restriction("20000507-20080507").unwrap();
        assert_eq!((r.from, r.to), (Some(d("2000-05-07")), Some(d("2008-05-07"))));
        let r = restriction("320101-331108").unwrap();
        assert_eq!((r.from, r.to), (Some(d("1932-01-01")), Some(d("1933-11-08"))));
        assert_eq!(restriction("<900823").unwrap().to, Some(d("1990-08-22")));
        assert_eq!(restriction(">011222").unwrap().from, Some(d("2001-12-23")));
        for bad in ["2000-01", "<9008", ">20011322", "080101-070101", "abc"] {
            assert!(restriction(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn undated_default_fills_the_gaps() {
        let mut c = Vec::new();
        codes("[XXXELI] [XXXGOV 20000101-20041231] [XXXGOV 20080101-20101231]", &mut c).unwrap();
        let m = meanings(&c);
        let gov = Code::new("XXXGOV").unwrap();
        let eli = Code::new("XXXELI").unwrap();
        assert_eq!(m.iter().filter(|x| x.code == gov).count(), 2);
        let eli_ranges: Vec<DateRange> = m.iter().filter(|x| x.code == eli).map(|x| x.valid).collect();
        assert_eq!(
            eli_ranges,
            vec![
                DateRange { from: None, to: Some(d("1999-12-31")) },
                DateRange { from: Some(d("2005-01-01")), to: Some(d("2007-12-31")) },
                DateRange { from: Some(d("2011-01-01")), to: None },
            ]
        );
    }

    #[test]
    fn open_ended_restrictions_leave_no_gap_after() {
        let mut c = Vec::new();
        codes("[AAAGOV >011222] [AAA]", &mut c).unwrap();
        let m = meanings(&c);
        assert_eq!(m.len(), 2);
        assert_eq!(m[1].valid, DateRange { from: None, to: Some(d("2001-12-22")) });
    }

    #[test]
    fn bad_code_groups_are_errors() {
        let mut c = Vec::new();
        codes("[ABC > 140608] [ABC 19950601 - 19990815]", &mut c).unwrap();
        assert_eq!(c[0].valid.unwrap().from, Some(d("2014-06-09")));
        assert_eq!(c[1].valid.unwrap().to, Some(d("1999-08-15")));
        for bad in
            ["[AB]", "[ABC 2000]", "[ABC", "[ABC] junk", "[]", "[ABC <1] x", "[ABC >]", "[ABC 20000101 x]"]
        {
            assert!(codes(bad, &mut Vec::new()).is_err(), "{bad}");
        }
    }
}

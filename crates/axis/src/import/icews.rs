//! ICEWS Dataverse event files: tab-separated with a header row naming the columns.
//!
//! Columns are found by their header names, so their order may vary: `Event ID`, `Event Date`,
//! `Source Name`, `Source Sectors`, `Source Country`, `Event Text`, `CAMEO Code`, `Intensity`,
//! `Target Name`, `Target Sectors`, `Target Country`, `Story ID`, `Sentence Number`, `Publisher`,
//! `City`, `District`, `Province`, `Country`, `Latitude`, `Longitude`. `Event ID`, `Event Date`, the
//! two countries and `CAMEO Code` or `Event Text` are required; `NA` or empty means unknown.
//!
//! An actor's code is its country's ISO code ([`CountryNames`]: the actor dictionaries, then axis's
//! table of ICEWS spellings) followed by the agent of its sectors ([`SectorTable`]): "Military,
//! Government" of Russia → `RUSMIL`. An actor without a country (the EU, the UN) is looked up by its
//! own name. The event code is `CAMEO Code` (a code that lost its leading zero in a spreadsheet,
//! "42", is given it back), else `Event Text` looked up among the names in axis's CAMEO table; the
//! Goldstein score is axis's, for the code or its nearest parent.

use super::lines::{Line, LineReader};
use super::{
    deliver, parse_u64, push_text, Flow, ImportError, ImportErrorKind, Imported, ImportedEvent, Origin,
    Summary,
};
use crate::cameo::{CameoTable, EventCode};
use crate::dict::{Code, Dictionary, EntityKind, Usage};
use crate::text::Document;
use crate::when::{Date, DateRange};
use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};

/// Distinct values cached before a cache is emptied, to keep memory flat on any input.
const CACHE_LIMIT: usize = 100_000;

/// Country names → actor codes: the names the actor dictionaries give actors, plus a table of the
/// spellings ICEWS uses that the dictionaries lack. Looked-up names are cached.
#[derive(Debug)]
pub struct CountryNames<'d> {
    dict: &'d Dictionary,
    aliases: FxHashMap<String, Code>,
    /// Lower-cased name → the codes it may stand for, with when (empty: unknown).
    cache: FxHashMap<Box<str>, Vec<(DateRange, Code)>>,
}

impl<'d> CountryNames<'d> {
    /// The dictionary's names plus axis's ICEWS spellings (`dict/import/icews-countries.txt`).
    pub fn builtin(dict: &'d Dictionary) -> Result<CountryNames<'d>, ImportError> {
        let (path, text) = builtin_file("import/icews-countries.txt")?;
        CountryNames::with_aliases(dict, &path, text)
    }

    /// The dictionary's names plus the spellings in `text` (`CODE | name` lines); `path` names the
    /// text in errors.
    pub fn with_aliases(
        dict: &'d Dictionary,
        path: &Path,
        text: &str,
    ) -> Result<CountryNames<'d>, ImportError> {
        let mut aliases = FxHashMap::default();
        for (line, code, name) in table_lines(path, text)? {
            let code = code
                .and_then(|c| Code::new(&c))
                .ok_or_else(|| table_error(path, line, "want CODE | name"))?;
            aliases.insert(name.to_lowercase(), code);
        }
        Ok(CountryNames { dict, aliases, cache: FxHashMap::default() })
    }

    /// The actor code `name` stands for at `date`; `None` when unknown.
    pub fn resolve(&mut self, name: &str, date: Date) -> Option<Code> {
        if !self.cache.contains_key(name) {
            if self.cache.len() >= CACHE_LIMIT {
                self.cache.clear();
            }
            let found = self.look_up(name);
            self.cache.insert(name.into(), found);
        }
        let candidates = self.cache.get(name)?;
        candidates.iter().find(|(valid, _)| valid.contains(date)).or(candidates.first()).map(|(_, c)| *c)
    }

    fn look_up(&self, name: &str) -> Vec<(DateRange, Code)> {
        let name = name.trim();
        if let Some(code) = self.aliases.get(&name.to_lowercase()) {
            return vec![(DateRange::ALWAYS, *code)];
        }
        // As written, with a leading "the" dropped, and with an inverted form turned round
        // ("Korea, Republic of" → "Republic of Korea").
        let bare = strip_the(name);
        let mut tries = vec![bare.to_string()];
        if let Some((head, tail)) = bare.rsplit_once(", ") {
            tries.push(format!("{} {}", strip_the(tail), head));
        }
        for t in tries {
            // The dictionaries' case rules want capitals where names have them: "the former
            // Yugoslav Republic of Macedonia" is tried title-cased too.
            for candidate in [t.clone(), title_case(&t)] {
                let found = self.phrase(&candidate);
                if !found.is_empty() {
                    return found;
                }
            }
        }
        Vec::new()
    }

    /// The actors `text` names as a whole, by its dictionary phrase.
    fn phrase(&self, text: &str) -> Vec<(DateRange, Code)> {
        let doc = Document::new("", text, None);
        let tokens = doc.tokens();
        let matcher = self.dict.matcher();
        let Some(m) = matcher.longest_at(doc.lower(), tokens, 0).filter(|m| m.len == tokens.len()) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for meaning in matcher.meanings(m, tokens) {
            let entity = self.dict.entity(meaning.entity);
            if entity.kind != EntityKind::Actor || meaning.usage != Usage::Name || !meaning.agent.is_empty() {
                continue;
            }
            let valid = intersect(meaning.valid, entity.valid);
            if !out.iter().any(|(v, c)| *v == valid && *c == entity.code) {
                out.push((valid, entity.code));
            }
        }
        out
    }
}

fn intersect(a: DateRange, b: DateRange) -> DateRange {
    DateRange {
        from: match (a.from, b.from) {
            (Some(x), Some(y)) => Some(x.max(y)),
            (x, y) => x.or(y),
        },
        to: match (a.to, b.to) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        },
    }
}

fn strip_the(s: &str) -> &str {
    let s = s.trim();
    match s.get(..4) {
        Some(p) if p.eq_ignore_ascii_case("the ") => s[4..].trim_start(),
        _ => s,
    }
}

fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        start = c == ' ' || c == '-';
    }
    out
}

/// ICEWS sector names → CAMEO agent codes, with a precedence: when an actor has several sectors,
/// the one listed first in the table gives the agent. Read from `dict/import/icews-sectors.txt`
/// (format described there).
#[derive(Clone, Debug, Default)]
pub struct SectorTable {
    /// Lower-cased sector → (rank, agent; `None` for a known sector with no agent).
    sectors: FxHashMap<String, (u32, Option<Code>)>,
}

/// The agent a sector list gives, and the sectors the table lacks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sectors {
    /// The agent of the highest-ranked known sector that has one.
    pub agent: Option<Code>,
    /// Sectors not in the table.
    pub unknown: Vec<String>,
}

impl SectorTable {
    /// The table axis ships.
    pub fn builtin() -> Result<SectorTable, ImportError> {
        let (path, text) = builtin_file("import/icews-sectors.txt")?;
        SectorTable::parse(&path, text)
    }

    /// Reads `AGENT | Sector` lines; `path` names the text in errors.
    pub fn parse(path: &Path, text: &str) -> Result<SectorTable, ImportError> {
        let mut sectors = FxHashMap::default();
        for (rank, (line, agent, name)) in table_lines(path, text)?.into_iter().enumerate() {
            let agent = match agent.as_deref() {
                None => None,
                Some(a) => Some(Code::new(a).filter(|c| c.as_str().len() <= 6).ok_or_else(|| {
                    table_error(path, line, "the agent must be a CAMEO code of 3 or 6 characters, or -")
                })?),
            };
            if sectors.insert(name.to_lowercase(), (rank as u32, agent)).is_some() {
                return Err(table_error(path, line, "sector listed twice"));
            }
        }
        Ok(SectorTable { sectors })
    }

    /// The agent for a comma-separated sector list ("Military,Government" → `MIL`).
    pub fn agent(&self, list: &str) -> Sectors {
        let mut best: Option<(u32, Option<Code>)> = None;
        let mut unknown = Vec::new();
        for s in list.split(',').map(str::trim).filter(|s| !s.is_empty() && *s != "NA") {
            match self.sectors.get(&s.to_lowercase()) {
                Some(&(rank, agent)) => {
                    if agent.is_some() && best.is_none_or(|(r, _)| rank < r) {
                        best = Some((rank, agent));
                    }
                }
                None => unknown.push(s.to_string()),
            }
        }
        Sectors { agent: best.and_then(|(_, a)| a), unknown }
    }

    /// Number of sectors in the table.
    pub fn len(&self) -> usize {
        self.sectors.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.sectors.is_empty()
    }
}

fn builtin_file(name: &str) -> Result<(PathBuf, &'static str), ImportError> {
    let path = Path::new("dict").join(name);
    crate::builtin::files_under(&["import/"])
        .find(|(p, _)| *p == name)
        .map(|(_, text)| (path.clone(), text))
        .ok_or_else(|| ImportError::new(&path, None, ImportErrorKind::BadTable("not compiled in".into())))
}

fn table_error(path: &Path, line: usize, msg: &str) -> ImportError {
    ImportError::new(path, Some(line as u64), ImportErrorKind::BadTable(msg.to_string()))
}

/// `(line, left side or None for "-", right side)` of each `LEFT | right` line.
fn table_lines(path: &Path, text: &str) -> Result<Vec<(usize, Option<String>, String)>, ImportError> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.split_once('#').map_or(raw, |(l, _)| l).trim();
        if line.is_empty() {
            continue;
        }
        let Some((left, right)) = line.split_once('|') else {
            return Err(table_error(path, i + 1, "want LEFT | name"));
        };
        let (left, right) = (left.trim(), right.trim());
        if left.is_empty() || right.is_empty() {
            return Err(table_error(path, i + 1, "want LEFT | name"));
        }
        out.push((i + 1, (left != "-").then(|| left.to_string()), right.to_string()));
    }
    Ok(out)
}

/// What the ICEWS reader keeps between rows: the tables, the CAMEO table, caches.
#[derive(Debug)]
pub(crate) struct Resolver<'d> {
    countries: CountryNames<'d>,
    sectors: SectorTable,
    sector_cache: FxHashMap<Box<str>, Sectors>,
    cameo: &'d CameoTable,
    /// Lower-cased CAMEO names → codes, for rows with event text but no code.
    by_name: FxHashMap<String, EventCode>,
}

impl<'d> Resolver<'d> {
    pub(crate) fn new(countries: CountryNames<'d>, sectors: SectorTable, cameo: &'d CameoTable) -> Self {
        let by_name = cameo.codes().map(|c| (c.name.to_lowercase(), c.code)).collect();
        Resolver { countries, sectors, sector_cache: FxHashMap::default(), cameo, by_name }
    }

    fn sectors(&mut self, list: &str) -> &Sectors {
        if !self.sector_cache.contains_key(list) {
            if self.sector_cache.len() >= CACHE_LIMIT {
                self.sector_cache.clear();
            }
            let s = self.sectors.agent(list);
            self.sector_cache.insert(list.into(), s);
        }
        &self.sector_cache[list]
    }
}

/// Column positions, from the header.
#[derive(Debug, Default)]
struct Columns {
    count: usize,
    id: usize,
    date: usize,
    source_country: usize,
    target_country: usize,
    source_name: Option<usize>,
    source_sectors: Option<usize>,
    target_name: Option<usize>,
    target_sectors: Option<usize>,
    text: Option<usize>,
    code: Option<usize>,
    intensity: Option<usize>,
    story: Option<usize>,
    sentence: Option<usize>,
    publisher: Option<usize>,
    place: [Option<usize>; 4],
    country: Option<usize>,
    lat: Option<usize>,
    lon: Option<usize>,
}

impl Columns {
    fn from_header(header: &str, path: &Path, line: u64) -> Result<Columns, ImportError> {
        let names: Vec<&str> = header.trim_start_matches('\u{feff}').split('\t').map(str::trim).collect();
        let find = |n: &str| names.iter().position(|h| h.eq_ignore_ascii_case(n));
        let need = |n: &'static str| {
            find(n).ok_or_else(|| ImportError::new(path, Some(line), ImportErrorKind::MissingColumn(n)))
        };
        let cols = Columns {
            count: names.len(),
            id: need("Event ID")?,
            date: need("Event Date")?,
            source_country: need("Source Country")?,
            target_country: need("Target Country")?,
            source_name: find("Source Name"),
            source_sectors: find("Source Sectors"),
            target_name: find("Target Name"),
            target_sectors: find("Target Sectors"),
            text: find("Event Text"),
            code: find("CAMEO Code"),
            intensity: find("Intensity"),
            story: find("Story ID"),
            sentence: find("Sentence Number"),
            publisher: find("Publisher"),
            place: [find("City"), find("District"), find("Province"), find("Country")],
            country: find("Country"),
            lat: find("Latitude"),
            lon: find("Longitude"),
        };
        if cols.code.is_none() && cols.text.is_none() {
            return Err(ImportError::new(path, Some(line), ImportErrorKind::MissingColumn("CAMEO Code")));
        }
        Ok(cols)
    }
}

/// Reads an ICEWS file to the end of `lines`: the header, then the rows.
pub(crate) fn read(
    lines: &mut LineReader<'_>,
    path: &Path,
    resolver: &mut Resolver<'_>,
    event: &mut ImportedEvent,
    summary: &mut Summary,
    on: &mut dyn FnMut(Imported<'_>) -> Flow,
) -> Result<Flow, ImportError> {
    let max = lines.max();
    let mut columns: Option<Columns> = None;
    let mut warnings = Vec::new();
    let mut owned = String::new();
    loop {
        let (number, line) = match lines.next_line() {
            Ok(Some(l)) => l,
            Ok(None) => break,
            Err(e) => return Err(ImportError::io(path, &e)),
        };
        let bytes = match line {
            Line::Text(t) if t.iter().all(|b| b.is_ascii_whitespace()) => continue,
            Line::Text(t) => t,
            Line::TooLong(len) => {
                if columns.is_some() {
                    summary.rows += 1;
                    summary.skipped += 1;
                }
                let kind = ImportErrorKind::LineTooLong { len, limit: max };
                if on(Imported::Skipped(ImportError::new(path, Some(number), kind))).is_break() {
                    return Ok(Flow::Break(()));
                }
                continue;
            }
        };
        warnings.clear();
        owned.clear();
        if !push_text(&mut owned, bytes) {
            warnings.push(ImportError::new(path, Some(number), ImportErrorKind::NotUtf8 { column: "row" }));
        }
        let Some(cols) = &columns else {
            columns = Some(Columns::from_header(&owned, path, number)?);
            continue;
        };
        summary.rows += 1;
        let fields: Vec<&str> = owned.split('\t').collect();
        let parsed = parse_row(&fields, cols, path, number, resolver, event, &mut warnings);
        if deliver(parsed, event, &mut warnings, summary, on).is_break() {
            return Ok(Flow::Break(()));
        }
    }
    if columns.is_none() {
        return Err(ImportError::new(path, None, ImportErrorKind::NoHeader));
    }
    Ok(Flow::Continue(()))
}

/// `NA` and blanks mean unknown.
fn known(s: &str) -> Option<&str> {
    let s = s.trim();
    (!s.is_empty() && s != "NA").then_some(s)
}

fn parse_row(
    f: &[&str],
    cols: &Columns,
    path: &Path,
    number: u64,
    resolver: &mut Resolver<'_>,
    event: &mut ImportedEvent,
    warnings: &mut Vec<ImportError>,
) -> Result<(), ImportError> {
    if f.len() != cols.count {
        let kind =
            ImportErrorKind::Columns { found: f.len(), expected: format!("{} (as the header)", cols.count) };
        return Err(ImportError::new(path, Some(number), kind));
    }
    let get = |c: Option<usize>| c.map_or("", |i| f[i]);
    let bad = |name: &'static str, value: &str, want: &'static str| {
        ImportError::field(path, number, name, value.as_bytes(), want)
    };
    event.clear();
    event.origin = Origin::Icews;
    event.line = number;
    event.origin_id =
        parse_u64(f[cols.id].trim().as_bytes()).ok_or_else(|| bad("Event ID", f[cols.id], "a number"))?;
    event.date =
        Date::parse(f[cols.date].trim()).map_err(|_| bad("Event Date", f[cols.date], "a date YYYY-MM-DD"))?;
    event.code = match known(get(cols.code)) {
        Some(c) => event_code(c, resolver.cameo).ok_or_else(|| bad("CAMEO Code", c, "a CAMEO event code"))?,
        None => {
            let text = get(cols.text);
            *resolver
                .by_name
                .get(&text.trim().to_lowercase())
                .ok_or_else(|| bad("Event Text", text, "a CAMEO event name (and CAMEO Code is empty)"))?
        }
    };
    // Every code here was read by `EventCode::new` or from the CAMEO table: a CAMEO code.
    let (Some(root), Some(quad_class)) = (event.code.root(), event.code.quad_class()) else {
        unreachable!("ICEWS codes are read as CAMEO codes")
    };
    event.root = root;
    event.quad_class = quad_class;
    let mut code = Some(event.code);
    while let Some(c) = code {
        if let Some(info) = resolver.cameo.get(c) {
            event.goldstein = Some(info.goldstein);
            break;
        }
        code = c.parent();
    }
    if event.goldstein.is_none() {
        warnings.push(ImportError::new(
            path,
            Some(number),
            ImportErrorKind::UnknownCode(event.code.to_string()),
        ));
    }
    let intensity = get(cols.intensity);
    event.intensity = match known(intensity) {
        None => None,
        Some(s) => Some(
            s.parse::<f32>().ok().filter(|x| x.is_finite()).ok_or_else(|| bad("Intensity", s, "a number"))?,
        ),
    };
    event.story_id = match known(get(cols.story)) {
        None => None,
        Some(s) => Some(parse_u64(s.as_bytes()).ok_or_else(|| bad("Story ID", s, "a number"))?),
    };
    event.sentence = match known(get(cols.sentence)) {
        None => None,
        Some(s) => Some(
            parse_u64(s.as_bytes())
                .and_then(|n| u32::try_from(n).ok())
                .ok_or_else(|| bad("Sentence Number", s, "a number"))?,
        ),
    };
    for (c, name) in [(cols.lat, "Latitude"), (cols.lon, "Longitude")] {
        let v = match known(get(c)) {
            None => None,
            Some(s) => Some(
                s.parse::<f64>().ok().filter(|x| x.is_finite()).ok_or_else(|| bad(name, s, "a number"))?,
            ),
        };
        if name == "Latitude" {
            event.lat = v;
        } else {
            event.lon = v;
        }
    }

    let date = event.date;
    let mut actor = |name: Option<usize>, sectors: Option<usize>, country: usize, out_name: &mut String| {
        let name = get(name);
        out_name.push_str(known(name).unwrap_or(""));
        let mut code = match known(f[country]) {
            Some(c) => {
                let found = resolver.countries.resolve(c, date);
                if found.is_none() {
                    warnings.push(ImportError::new(
                        path,
                        Some(number),
                        ImportErrorKind::UnknownCountry(c.into()),
                    ));
                }
                found
            }
            // No country: an international actor may be named by its own name ("European Union").
            None => known(name).and_then(|n| resolver.countries.resolve(n, date)),
        };
        let sectors = resolver.sectors(get(sectors));
        for s in &sectors.unknown {
            warnings.push(ImportError::new(path, Some(number), ImportErrorKind::UnknownSector(s.clone())));
        }
        if let Some(agent) = sectors.agent {
            let base = code.unwrap_or_else(|| Code::new("---").unwrap_or_default());
            // An actor whose own code already says it ("IGOEUREEC" and the IGO sector) keeps it.
            if !agent.parts().all(|p| base.has_part(p)) {
                code = Some(base.join(agent));
            } else {
                code = Some(base);
            }
        }
        code.unwrap_or_default()
    };
    event.source = actor(cols.source_name, cols.source_sectors, cols.source_country, &mut event.source_name);
    event.target = actor(cols.target_name, cols.target_sectors, cols.target_country, &mut event.target_name);
    event.publisher.push_str(known(get(cols.publisher)).unwrap_or(""));
    for part in cols.place.iter().filter_map(|&c| known(get(c))) {
        if !event.geo_name.is_empty() {
            event.geo_name.push_str(", ");
        }
        event.geo_name.push_str(part);
    }
    if let Some(country) = known(get(cols.country)) {
        event.geo_country.push_str(country);
        match resolver.countries.resolve(country, date) {
            Some(c) => event.geo_actor = c,
            None => warnings.push(ImportError::new(
                path,
                Some(number),
                ImportErrorKind::UnknownCountry(country.into()),
            )),
        }
    }
    Ok(())
}

/// An ICEWS event code; a code that lost its leading zero ("42" for "042", "211" for "0211") gets
/// it back when the result is in the CAMEO table: ICEWS codes have 3 or 4 digits and roots 01–20.
fn event_code(s: &str, cameo: &CameoTable) -> Option<EventCode> {
    let root_too_big = s.get(..2).and_then(|r| r.parse::<u8>().ok()).is_some_and(|r| r > 20);
    if s.len() == 2 || (s.len() == 3 && root_too_big) {
        EventCode::new(&format!("0{s}")).filter(|c| cameo.get(*c).is_some())
    } else {
        EventCode::new(s)
    }
}

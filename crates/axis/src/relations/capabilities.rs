//! National material capabilities: the COW CINC score per state and year.
//!
//! [`Capabilities::read_csv`] reads a Correlates of War National Material Capabilities table
//! (v7, or any CSV with the same columns): columns are found by header name — `year`, `cinc`,
//! and the state as `stateabb` (the COW abbreviation) or `ccode` (the COW number). axis speaks
//! CAMEO/ISO-3 actor codes, so [`STATES`] — our own table of the states axis users ask about
//! most — maps COW numbers and abbreviations to them (Russia's 365 also answers for the Soviet
//! Union, `SUN`). Rows for states outside the table are skipped (counted); malformed rows are
//! reported with their line and skipped.

use std::fmt;
use std::path::{Path, PathBuf};

/// COW state number, COW abbreviation, and the actor codes it stands for (ISO-3 / CAMEO).
pub const STATES: &[(u32, &str, &[&str])] = &[
    (2, "USA", &["USA"]),
    (20, "CAN", &["CAN"]),
    (40, "CUB", &["CUB"]),
    (70, "MEX", &["MEX"]),
    (101, "VEN", &["VEN"]),
    (140, "BRA", &["BRA"]),
    (160, "ARG", &["ARG"]),
    (200, "UKG", &["GBR"]),
    (210, "NTH", &["NLD"]),
    (220, "FRN", &["FRA"]),
    (230, "SPN", &["ESP"]),
    (255, "GMY", &["DEU"]),
    (260, "GFR", &["DEU"]),
    (265, "GDR", &["DDR"]),
    (290, "POL", &["POL"]),
    (310, "HUN", &["HUN"]),
    (325, "ITA", &["ITA"]),
    (365, "RUS", &["RUS", "SUN"]),
    (369, "UKR", &["UKR"]),
    (370, "BLR", &["BLR"]),
    (372, "GRG", &["GEO"]),
    (380, "SWD", &["SWE"]),
    (385, "NOR", &["NOR"]),
    (475, "NIG", &["NGA"]),
    (560, "SAF", &["ZAF"]),
    (630, "IRN", &["IRN"]),
    (640, "TUR", &["TUR"]),
    (645, "IRQ", &["IRQ"]),
    (651, "EGY", &["EGY"]),
    (652, "SYR", &["SYR"]),
    (666, "ISR", &["ISR"]),
    (670, "SAU", &["SAU"]),
    (700, "AFG", &["AFG"]),
    (705, "KZK", &["KAZ"]),
    (710, "CHN", &["CHN"]),
    (712, "MON", &["MNG"]),
    (713, "TAW", &["TWN"]),
    (731, "PRK", &["PRK"]),
    (732, "ROK", &["KOR"]),
    (740, "JPN", &["JPN"]),
    (750, "IND", &["IND"]),
    (770, "PAK", &["PAK"]),
    (800, "THI", &["THA"]),
    (816, "DRV", &["VNM"]),
    (820, "MAL", &["MYS"]),
    (830, "SIN", &["SGP"]),
    (840, "PHI", &["PHL"]),
    (850, "INS", &["IDN"]),
    (900, "AUL", &["AUS"]),
];

/// A problem with a capabilities file.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct CapabilitiesError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line, when the problem is on one.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for CapabilitiesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{l}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for CapabilitiesError {}

/// CINC scores by actor code and year.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Capabilities {
    /// (actor code, year) → CINC.
    cinc: rustc_hash::FxHashMap<(String, i32), f64>,
    /// Rows read.
    pub rows: usize,
    /// Rows for states not in [`STATES`].
    pub unknown_states: usize,
    /// Malformed rows, each reported (reading went on).
    pub problems: Vec<CapabilitiesError>,
}

/// The actor codes of a COW state, by number or abbreviation.
pub fn actor_codes(ccode: Option<u32>, abbreviation: Option<&str>) -> Option<&'static [&'static str]> {
    STATES
        .iter()
        .find(|(n, abb, _)| Some(*n) == ccode || abbreviation.is_some_and(|a| a.eq_ignore_ascii_case(abb)))
        .map(|(.., codes)| *codes)
}

/// Splits one CSV line (double-quoted fields may hold commas and `""`).
fn split_csv(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    out.push(field);
    out
}

impl Capabilities {
    /// Reads a COW NMC CSV file.
    pub fn read_csv(path: &Path) -> Result<Capabilities, CapabilitiesError> {
        let err = |line: Option<usize>, message: String| CapabilitiesError {
            path: path.to_path_buf(),
            line,
            message,
        };
        let text = std::fs::read_to_string(path).map_err(|e| err(None, format!("cannot read: {e}")))?;
        Capabilities::parse(path, &text)
    }

    /// Reads COW NMC CSV text; `path` names it in errors.
    pub fn parse(path: &Path, text: &str) -> Result<Capabilities, CapabilitiesError> {
        let err = |line: Option<usize>, message: String| CapabilitiesError {
            path: path.to_path_buf(),
            line,
            message,
        };
        let mut lines = text.lines().enumerate();
        let header =
            lines.next().map(|(_, h)| split_csv(h.trim_start_matches('\u{feff}'))).unwrap_or_default();
        let col = |name: &str| header.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
        let year = col("year").ok_or_else(|| err(Some(1), "no 'year' column in the header".into()))?;
        let cinc = col("cinc").ok_or_else(|| err(Some(1), "no 'cinc' column in the header".into()))?;
        let (abb, num) = (col("stateabb"), col("ccode"));
        if abb.is_none() && num.is_none() {
            return Err(err(Some(1), "no 'stateabb' or 'ccode' column in the header".into()));
        }
        let mut caps = Capabilities::default();
        for (i, line) in lines {
            let line_no = i + 1;
            if line.trim().is_empty() {
                continue;
            }
            let f = split_csv(line);
            let get = |c: usize| f.get(c).map(|s| s.trim()).unwrap_or("");
            let y: Result<i32, _> = get(year).parse();
            let c: Result<f64, _> = get(cinc).parse();
            let (Ok(y), Ok(c)) = (y, c) else {
                // COW writes -9 for missing values; an empty or non-numeric field is malformed.
                caps.problems.push(err(
                    Some(line_no),
                    format!("year '{}' or cinc '{}' is not a number; row skipped", get(year), get(cinc)),
                ));
                continue;
            };
            caps.rows += 1;
            if c < 0.0 {
                continue; // -9: missing
            }
            let n = num.and_then(|n| get(n).parse::<u32>().ok());
            let Some(codes) = actor_codes(n, abb.map(get)) else {
                caps.unknown_states += 1;
                continue;
            };
            for code in codes {
                caps.cinc.insert((code.to_string(), y), c);
            }
        }
        Ok(caps)
    }

    /// The CINC of an actor (its first three characters: `CHNGOV` → `CHN`) in a year.
    pub fn cinc(&self, actor: &str, year: i32) -> Option<f64> {
        let head = actor.get(..3)?;
        self.cinc.get(&(head.to_string(), year)).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::shared_path;

    #[test]
    fn reads_by_header_name_either_state_column() {
        let by_number =
            "year,ccode,cinc,milex\n1955,365,0.17,1\n1955,710,0.1,2\n1955,999,0.5,3\n1956,2,-9,1\n";
        let caps = Capabilities::parse(Path::new("n.csv"), by_number).unwrap();
        assert_eq!(caps.cinc("SUN", 1955), Some(0.17));
        assert_eq!(caps.cinc("RUSGOV", 1955), Some(0.17));
        assert_eq!(caps.cinc("CHN", 1955), Some(0.1));
        assert_eq!(caps.cinc("USA", 1956), None);
        assert_eq!((caps.rows, caps.unknown_states), (4, 1));
        let by_abb = "stateabb,ccode,year,cinc\n\"CHN\",,2000,0.2\nUKG,200,x,0.1\n";
        let caps = Capabilities::parse(Path::new("a.csv"), by_abb).unwrap();
        assert_eq!(caps.cinc("CHN", 2000), Some(0.2));
        assert_eq!(caps.problems.len(), 1);
        assert_eq!(
            caps.problems[0].to_string(),
            "a.csv:3: year 'x' or cinc '0.1' is not a number; row skipped"
        );
        let bad = Capabilities::parse(Path::new("b.csv"), "ccode,year\n2,1990\n").unwrap_err();
        assert_eq!(bad.to_string(), "b.csv:1: no 'cinc' column in the header");
    }

    #[test]
    fn our_state_table_agrees_with_cow() {
        let path = shared_path("cow/peacesciencer_cow_states_2016.csv");
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("skipped: {} is absent", path.display());
            return;
        };
        let pairs: Vec<(String, u32)> = text
            .lines()
            .skip(1)
            .filter_map(|l| {
                let f = split_csv(l);
                Some((f.first()?.clone(), f.get(1)?.parse().ok()?))
            })
            .collect();
        for (n, abb, _) in STATES {
            assert!(pairs.iter().any(|(a, m)| a == abb && m == n), "COW has no {abb} = {n}");
        }
    }

    #[test]
    fn reads_the_cow_nmc_file() {
        let path = shared_path("cow/peacesciencer_cow_nmc_v7_stateyear.csv");
        if !path.exists() {
            eprintln!("skipped: {} is absent", path.display());
            return;
        }
        let caps = Capabilities::read_csv(&path).unwrap();
        assert!(caps.problems.is_empty(), "{:?}", caps.problems.first());
        // In the 1950s the Soviet Union outweighed China; by 2016 China outweighs Russia.
        assert!(caps.cinc("SUN", 1955).unwrap() > caps.cinc("CHN", 1955).unwrap());
        assert!(caps.cinc("CHN", 2016).unwrap() > 2.0 * caps.cinc("RUS", 2016).unwrap());
    }
}

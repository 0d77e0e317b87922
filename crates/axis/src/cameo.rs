//! What does a CAMEO code mean?
//!
//! axis codes events in CAMEO: a 2-digit root (01 "public statement" … 20 "mass violence"),
//! optionally refined by a third and a fourth digit ("04" consult → "042" make a visit). An
//! [`EventCode`] is such a code, validated once and small enough to copy into every event. Its root
//! gives the [`QuadClass`], the usual four-way grouping into verbal/material cooperation/conflict.
//! A [`CameoTable`] maps each code to its [`CodeInfo`]: a short name, the Goldstein score (-10
//! hostile … +10 cooperative) and the PLOVER event and mode it converts to. The table axis ships is
//! `dict/cameo/codes.txt`, compiled in ([`CameoTable::builtin`]); text in the same format can be
//! read with [`CameoTable::parse`]. Every bad line is a [`CameoError`] naming its file and line.
//!
//! ```
//! use axis::cameo::{CameoTable, EventCode, QuadClass};
//!
//! let table = CameoTable::builtin()?;
//! let visit = table.get(EventCode::new("042").unwrap()).unwrap();
//! assert_eq!(visit.goldstein, 1.9);
//! assert_eq!(visit.plover_event.as_deref(), Some("CONSULT"));
//! assert_eq!(visit.quad_class(), QuadClass::VerbalCooperation);
//! # Ok::<(), axis::cameo::CameoError>(())
//! ```

use crate::builtin;
use rustc_hash::FxHashMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// An event code: a CAMEO code, or a code a user's PETRARCH dictionary declares.
///
/// A CAMEO code is 2 to 4 ASCII digits whose first two, the root, are 01 to 20 ("04", "042",
/// "0211"); [`EventCode::new`] accepts only these, and axis's own dictionaries only use it, so a
/// typo never becomes a code. A PETRARCH dictionary may define codes of its own ("174K", "345",
/// "901"): [`EventCode::user_defined`] accepts those too, and they flow through coding, output
/// and the store like any other code. Such a code has no root, no [`QuadClass`] and no entry in
/// the [`CameoTable`] (so no Goldstein score): [`EventCode::root`] and [`EventCode::quad_class`]
/// say `None` rather than guess.
///
/// Ordered as the strings are, so "04" < "040" < "0401" < "041" < "05". A string is either a
/// CAMEO code or not, so one code has one value whichever constructor made it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EventCode {
    /// The characters, padded with zero bytes (which sort before any digit or letter).
    bytes: [u8; EventCode::MAX_LEN],
    /// How many of `bytes` are used: 2 to 4 for CAMEO, 1 to [`EventCode::MAX_LEN`] otherwise.
    len: u8,
}

impl EventCode {
    /// The longest code a dictionary may declare.
    pub const MAX_LEN: usize = 6;

    /// Parses a CAMEO code such as "04", "042" or "0211"; `None` unless it is 2 to 4 ASCII digits
    /// with a root from 01 to 20. Surrounding blanks are not accepted.
    pub fn new(code: &str) -> Option<EventCode> {
        EventCode::user_defined(code).filter(|c| c.is_cameo())
    }

    /// Parses a code a user's dictionary declares: a CAMEO code, or any other 1 to
    /// [`EventCode::MAX_LEN`] ASCII letters and digits ("174K", "345", "901"), kept as written.
    pub fn user_defined(code: &str) -> Option<EventCode> {
        let bytes = code.as_bytes();
        if !(1..=EventCode::MAX_LEN).contains(&bytes.len()) || !bytes.iter().all(u8::is_ascii_alphanumeric) {
            return None;
        }
        let mut padded = [0; EventCode::MAX_LEN];
        padded[..bytes.len()].copy_from_slice(bytes);
        Some(EventCode { bytes: padded, len: bytes.len() as u8 })
    }

    /// Whether this is a CAMEO code (2 to 4 digits, root 01 to 20), not one a dictionary made up.
    pub fn is_cameo(self) -> bool {
        let digits = &self.bytes[..usize::from(self.len)];
        (2..=4).contains(&digits.len())
            && digits.iter().all(u8::is_ascii_digit)
            && (1..=20).contains(&((digits[0] - b'0') * 10 + (digits[1] - b'0')))
    }

    /// The code as written, e.g. "042".
    pub fn as_str(&self) -> &str {
        // Only ASCII letters and digits are ever stored, so this never falls back.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("")
    }

    /// The CAMEO root, 1 to 20: the first two digits ("0211" → 2); `None` for a code that is
    /// not CAMEO.
    pub fn root(self) -> Option<u8> {
        self.is_cameo().then(|| (self.bytes[0] - b'0') * 10 + (self.bytes[1] - b'0'))
    }

    /// The CAMEO code one level up ("0211" → "021", "042" → "04"); `None` for a root and for a
    /// code that is not CAMEO (its hierarchy is unknown).
    pub fn parent(self) -> Option<EventCode> {
        if self.len <= 2 || !self.is_cameo() {
            return None;
        }
        let mut bytes = self.bytes;
        bytes[usize::from(self.len) - 1] = 0;
        Some(EventCode { bytes, len: self.len - 1 })
    }

    /// The quad class of the code's root; `None` for a code that is not CAMEO.
    pub fn quad_class(self) -> Option<QuadClass> {
        self.root().map(QuadClass::of_valid_root)
    }
}

impl fmt::Display for EventCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl fmt::Debug for EventCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EventCode({:?})", self.as_str())
    }
}

impl serde::Serialize for EventCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for EventCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<EventCode, D::Error> {
        let s = String::deserialize(deserializer)?;
        EventCode::user_defined(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("not an event code (1 to 6 letters and digits): {s:?}"))
        })
    }
}

/// The four-way grouping of CAMEO roots into cooperation/conflict and words/deeds, numbered as
/// GDELT numbers it (and serialized as that number).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum QuadClass {
    /// Roots 01–05: statements, appeals, intentions, consultation, diplomatic cooperation.
    VerbalCooperation = 1,
    /// Roots 06–09: material cooperation, aid, yielding, investigation.
    MaterialCooperation = 2,
    /// Roots 10–14: demands, disapproval, rejection, threats, protest.
    VerbalConflict = 3,
    /// Roots 15–20: shows of force, reduced relations, coercion, assault, fighting, mass violence.
    MaterialConflict = 4,
}

impl QuadClass {
    /// The quad class of a root (1 to 20); `None` for any other number.
    pub fn of_root(root: u8) -> Option<QuadClass> {
        (1..=20).contains(&root).then(|| QuadClass::of_valid_root(root))
    }

    /// For a root already known to be 1 to 20.
    fn of_valid_root(root: u8) -> QuadClass {
        match root {
            0..=5 => QuadClass::VerbalCooperation,
            6..=9 => QuadClass::MaterialCooperation,
            10..=14 => QuadClass::VerbalConflict,
            _ => QuadClass::MaterialConflict,
        }
    }

    /// The number, 1 to 4.
    pub fn number(self) -> u8 {
        self as u8
    }

    /// A lower-case label, e.g. "verbal cooperation".
    pub fn label(self) -> &'static str {
        match self {
            QuadClass::VerbalCooperation => "verbal cooperation",
            QuadClass::MaterialCooperation => "material cooperation",
            QuadClass::VerbalConflict => "verbal conflict",
            QuadClass::MaterialConflict => "material conflict",
        }
    }
}

impl serde::Serialize for QuadClass {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u8(self.number())
    }
}

/// What one CAMEO code means: a line of the table.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct CodeInfo {
    /// The code.
    pub code: EventCode,
    /// A short description, e.g. "Make a visit".
    pub name: String,
    /// The Goldstein score, -10 (most hostile) to +10 (most cooperative).
    pub goldstein: f32,
    /// The PLOVER event type the code converts to (e.g. "CONSULT"), if any.
    pub plover_event: Option<String>,
    /// The PLOVER mode (e.g. "visit"), if any.
    pub plover_mode: Option<String>,
}

impl CodeInfo {
    /// The quad class of the code's root (every code of a [`CameoTable`] is a CAMEO code).
    pub fn quad_class(&self) -> QuadClass {
        self.code.quad_class().unwrap_or_else(|| unreachable!("CameoTable holds CAMEO codes only"))
    }
}

/// A bad line in a CAMEO table file.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CameoError {
    /// The file (or the name given to text in memory).
    pub path: PathBuf,
    /// 1-based line number; 0 when the problem concerns no one line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for CameoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
        } else {
            write!(f, "{}: {}", self.path.display(), self.message)
        }
    }
}

impl std::error::Error for CameoError {}

/// The CAMEO code table: each code's name, Goldstein score and PLOVER equivalent.
///
/// The format, one code per line, blank lines and `#` comments ignored:
/// `CODE | GOLDSTEIN | PLOVER_EVENT | PLOVER_MODE | Name`, with `-` for no PLOVER event or mode.
#[derive(Clone, Debug, Default)]
pub struct CameoTable {
    /// Sorted by code, no code twice.
    entries: Vec<CodeInfo>,
}

impl CameoTable {
    /// The table axis ships: the files under `dict/cameo/`, compiled in.
    pub fn builtin() -> Result<CameoTable, CameoError> {
        let mut reader = TableReader::default();
        for (path, text) in builtin::files_under(&["cameo/"]) {
            reader.read(Path::new("dict").join(path), text)?;
        }
        if reader.entries.is_empty() {
            return Err(CameoError {
                path: PathBuf::from("dict/cameo"),
                line: 0,
                message: "no CAMEO codes were compiled in".to_string(),
            });
        }
        Ok(reader.finish())
    }

    /// Reads a table from text; `name` is the path errors will name.
    pub fn parse(name: impl AsRef<Path>, text: &str) -> Result<CameoTable, CameoError> {
        let mut reader = TableReader::default();
        reader.read(name.as_ref().to_path_buf(), text)?;
        Ok(reader.finish())
    }

    /// What `code` means, if the table has it.
    pub fn get(&self, code: EventCode) -> Option<&CodeInfo> {
        let i = self.entries.binary_search_by_key(&code, |e| e.code).ok()?;
        self.entries.get(i)
    }

    /// Every entry, in code order.
    pub fn codes(&self) -> impl ExactSizeIterator<Item = &CodeInfo> + '_ {
        self.entries.iter()
    }

    /// How many codes the table has.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the table has no codes.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Collects entries from one or more files, remembering where each code was defined so a
/// duplicate can point at the first definition.
#[derive(Default)]
struct TableReader {
    entries: Vec<CodeInfo>,
    defined_at: FxHashMap<EventCode, (usize, usize)>,
    paths: Vec<PathBuf>,
}

impl TableReader {
    fn read(&mut self, path: PathBuf, text: &str) -> Result<(), CameoError> {
        let file = self.paths.len();
        self.paths.push(path);
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        for (i, line) in text.lines().enumerate() {
            let line_no = i + 1;
            let fail =
                |message: String| CameoError { path: self.paths[file].clone(), line: line_no, message };
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let info = parse_line(line).map_err(fail)?;
            if let Some(&(f, l)) = self.defined_at.get(&info.code) {
                let first =
                    if f == file { format!("line {l}") } else { format!("{}:{l}", self.paths[f].display()) };
                return Err(fail(format!("duplicate code {} (first defined at {first})", info.code)));
            }
            self.defined_at.insert(info.code, (file, line_no));
            self.entries.push(info);
        }
        Ok(())
    }

    fn finish(mut self) -> CameoTable {
        self.entries.sort_by_key(|e| e.code);
        CameoTable { entries: self.entries }
    }
}

/// One non-comment line → its entry, or what is wrong with it.
fn parse_line(line: &str) -> Result<CodeInfo, String> {
    let fields: Vec<&str> = line.split('|').map(str::trim).collect();
    let [code, goldstein, event, mode, name] = fields[..] else {
        return Err(format!(
            "expected 5 fields `CODE | GOLDSTEIN | PLOVER_EVENT | PLOVER_MODE | Name`, found {}",
            fields.len()
        ));
    };
    let code = EventCode::new(code)
        .ok_or_else(|| format!("bad CAMEO code {code:?}: expected 2 to 4 digits, root 01 to 20"))?;
    let goldstein = goldstein
        .parse::<f32>()
        .ok()
        .filter(|g| (-10.0..=10.0).contains(g))
        .ok_or_else(|| format!("bad Goldstein score {goldstein:?}: expected a number from -10 to 10"))?;
    let plover_event = optional(event, |b| b.is_ascii_uppercase() || b == b'_')
        .ok_or_else(|| format!("bad PLOVER event {event:?}: expected upper-case letters, or `-`"))?;
    let plover_mode = optional(mode, |b| b.is_ascii_lowercase() || b == b'_' || b == b'-')
        .ok_or_else(|| format!("bad PLOVER mode {mode:?}: expected lower-case letters, or `-`"))?;
    if plover_event.is_none() && plover_mode.is_some() {
        return Err(format!("PLOVER mode {mode:?} without a PLOVER event"));
    }
    if name.is_empty() {
        return Err("empty name".to_string());
    }
    Ok(CodeInfo { code, name: name.to_string(), goldstein, plover_event, plover_mode })
}

/// `-` → `Some(None)`; a non-empty word of allowed bytes → `Some(Some(word))`; else `None`.
fn optional(field: &str, allowed: impl Fn(u8) -> bool) -> Option<Option<String>> {
    match field {
        "-" => Some(None),
        _ if !field.is_empty() && field.bytes().all(allowed) => Some(Some(field.to_string())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn code(s: &str) -> EventCode {
        EventCode::new(s).unwrap_or_else(|| panic!("{s:?} should parse"))
    }

    fn shipped() -> CameoTable {
        CameoTable::builtin().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn quad_class_at_root_boundaries() {
        use QuadClass::*;
        let cases = [
            ("01", VerbalCooperation),
            ("05", VerbalCooperation),
            ("06", MaterialCooperation),
            ("09", MaterialCooperation),
            ("10", VerbalConflict),
            ("14", VerbalConflict),
            ("15", MaterialConflict),
            ("20", MaterialConflict),
        ];
        for (root, quad) in cases {
            let c = code(root);
            assert_eq!(c.root().and_then(QuadClass::of_root), Some(quad), "{root}");
            assert_eq!(c.quad_class(), Some(quad), "{root}");
            assert_eq!(code(&format!("{root}0")).quad_class(), Some(quad), "{root}0");
        }
        assert_eq!(QuadClass::of_root(0), None);
        assert_eq!(QuadClass::of_root(21), None);
        assert_eq!(QuadClass::of_root(255), None);
    }

    #[test]
    fn event_codes_parse() {
        // (text, root, parent) for codes that parse.
        let good = [
            ("01", 1, None),
            ("042", 4, Some("04")),
            ("0211", 2, Some("021")),
            ("20", 20, None),
            ("2042", 20, Some("204")),
            ("199", 19, Some("19")),
        ];
        for (text, root, parent) in good {
            let c = code(text);
            assert_eq!(c.as_str(), text);
            assert_eq!(c.to_string(), text);
            assert!(c.is_cameo(), "{text}");
            assert_eq!(c.root(), Some(root), "{text}");
            assert_eq!(c.parent().map(|p| p.to_string()), parent.map(str::to_string), "{text}");
        }
        let bad = ["", "0", "00", "000", "21", "210", "99", "12345", "04a", " 04", "04 ", "-1", "+04", "٠٤"];
        for text in bad {
            assert_eq!(EventCode::new(text), None, "{text:?}");
        }
    }

    #[test]
    fn user_defined_codes_have_no_cameo_meaning() {
        // A dictionary's own codes: kept as written, no root, quad class or parent.
        for text in ["174K", "345", "901", "21", "0", "075A", "210a", "ABCDEF"] {
            let c = EventCode::user_defined(text).unwrap_or_else(|| panic!("{text:?} should parse"));
            assert_eq!(c.as_str(), text);
            assert!(!c.is_cameo(), "{text}");
            assert_eq!((c.root(), c.quad_class(), c.parent()), (None, None, None), "{text}");
            assert_eq!(EventCode::new(text), None, "{text}: not CAMEO");
        }
        // A CAMEO string is the same code whichever constructor reads it.
        for text in ["04", "042", "0211", "20"] {
            assert_eq!(EventCode::user_defined(text), EventCode::new(text), "{text}");
        }
        for text in ["", "1234567", "025?", "080!", "+++", "17 4", "é1"] {
            assert_eq!(EventCode::user_defined(text), None, "{text:?}");
        }
        let mut codes: Vec<EventCode> =
            ["175", "174K", "174"].iter().filter_map(|t| EventCode::user_defined(t)).collect();
        codes.sort();
        assert_eq!(codes.iter().map(EventCode::as_str).collect::<Vec<_>>(), ["174", "174K", "175"]);
        let custom = EventCode::user_defined("174K").unwrap_or_else(|| panic!("174K"));
        assert_eq!(serde_json::to_string(&custom).ok().as_deref(), Some("\"174K\""));
        assert_eq!(serde_json::from_str::<EventCode>("\"174K\"").ok(), Some(custom));
    }

    #[test]
    fn event_codes_order_serialize_and_format() {
        let mut codes: Vec<EventCode> = ["05", "041", "0401", "04", "040"].map(code).to_vec();
        codes.sort();
        let sorted: Vec<&str> = codes.iter().map(EventCode::as_str).collect();
        assert_eq!(sorted, ["04", "040", "0401", "041", "05"]);
        assert_eq!(serde_json::to_string(&code("042")).ok().as_deref(), Some("\"042\""));
        assert_eq!(serde_json::from_str::<EventCode>("\"0211\"").ok(), Some(code("0211")));
        assert!(serde_json::from_str::<EventCode>("\"04 2\"").is_err());
        assert_eq!(serde_json::to_string(&QuadClass::VerbalConflict).ok().as_deref(), Some("3"));
        assert_eq!(format!("[{:>4}]", code("04")), "[  04]");
        assert_eq!(format!("{:?}", code("042")), "EventCode(\"042\")");
    }

    #[test]
    fn known_codes() {
        // (code, Goldstein, PLOVER event, PLOVER mode, name)
        let cases = [
            ("01", 0.0, None, None, "Public statement"),
            ("016", -2.0, None, None, "Deny responsibility"),
            ("0211", 3.4, None, None, "Ask for economic cooperation"),
            ("042", 1.9, Some("CONSULT"), Some("visit"), "Make a visit"),
            ("057", 8.0, Some("SUPPORT"), None, "Sign a formal agreement"),
            ("08", 5.0, Some("CONCEDE"), None, "Yield"),
            ("0874", 10.0, Some("RETREAT"), Some("disarm"), "Retreat or surrender"),
            ("1011", -5.0, Some("REQUEST"), Some("assist"), "Demand economic cooperation"),
            ("1041", -5.0, Some("REQUEST"), Some("change"), "Demand leadership change"),
            ("163", -8.0, Some("COERCE"), Some("restrict"), "Impose sanctions, boycott or embargo"),
            ("183", -10.0, Some("ASSAULT"), Some("suicide-attack"), "Non-military bombing (general)"),
            ("20", -10.0, Some("ASSAULT"), None, "Mass violence"),
        ];
        let table = shipped();
        for (c, goldstein, event, mode, name) in cases {
            let info = table.get(code(c)).unwrap_or_else(|| panic!("{c} missing"));
            assert_eq!(info.goldstein, goldstein, "{c}");
            assert_eq!(info.plover_event.as_deref(), event, "{c}");
            assert_eq!(info.plover_mode.as_deref(), mode, "{c}");
            assert_eq!(info.name, name, "{c}");
        }
        assert_eq!(table.get(code("0215")), None);
    }

    #[test]
    fn builtin_table_is_complete_and_nested() {
        let table = shipped();
        assert_eq!(table.len(), 311);
        assert_eq!(table.codes().len(), 311);
        for root in 1..=20u8 {
            assert!(table.get(code(&format!("{root:02}"))).is_some(), "root {root:02} missing");
        }
        for info in table.codes() {
            if let Some(parent) = info.code.parent() {
                assert!(table.get(parent).is_some(), "{} has no parent {parent}", info.code);
            }
        }
        let codes: Vec<EventCode> = table.codes().map(|i| i.code).collect();
        assert!(codes.windows(2).all(|w| w[0] < w[1]), "codes are sorted and distinct");
    }

    #[test]
    fn parse_reads_comments_blanks_crlf_and_bom() {
        let text = concat!(
            "\u{feff}# a comment\r\n\r\n   # indented comment\r\n",
            "042 | 1.9 | CONSULT | visit | Make a visit\r\n",
            "04|1.0|CONSULT|-|Consult\n",
        );
        let table = CameoTable::parse("t.txt", text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(table.len(), 2);
        let info = table.get(code("042")).unwrap_or_else(|| panic!("042 missing"));
        assert_eq!(info.name, "Make a visit");
        assert_eq!(info.plover_mode.as_deref(), Some("visit"));
        assert_eq!(table.codes().map(|i| i.code.as_str()).collect::<Vec<_>>(), ["04", "042"]);
        assert!(CameoTable::parse("empty.txt", "").is_ok_and(|t| t.is_empty()));
    }

    #[test]
    fn parse_errors_name_file_and_line() {
        // (text, line, start of the message)
        let cases = [
            ("042 | 1.9 | CONSULT | visit", 1, "expected 5 fields"),
            ("042 | 1.9 | CONSULT | visit | a | b", 1, "expected 5 fields"),
            ("# c\n\n42x | 1.0 | - | - | x", 3, "bad CAMEO code \"42x\""),
            ("21 | 1.0 | - | - | x", 1, "bad CAMEO code"),
            ("042 | high | - | - | x", 1, "bad Goldstein score \"high\""),
            ("042 | 10.5 | - | - | x", 1, "bad Goldstein score"),
            ("042 | NaN | - | - | x", 1, "bad Goldstein score"),
            ("042 | inf | - | - | x", 1, "bad Goldstein score"),
            ("042 | 1.9 | consult | - | x", 1, "bad PLOVER event"),
            ("042 | 1.9 |  | - | x", 1, "bad PLOVER event"),
            ("042 | 1.9 | CONSULT | Visit | x", 1, "bad PLOVER mode"),
            ("042 | 1.9 | - | visit | x", 1, "PLOVER mode \"visit\" without"),
            ("042 | 1.9 | CONSULT | visit | ", 1, "empty name"),
            (
                "04 | 1.0 | - | - | a\n042 | 1.9 | - | - | b\n042 | 1.9 | - | - | c",
                3,
                "duplicate code 042 (first defined at line 2)",
            ),
        ];
        for (text, line, message) in cases {
            let Err(err) = CameoTable::parse("t.txt", text) else { panic!("{text:?} should not parse") };
            assert_eq!(err.line, line, "{text:?}: {err}");
            assert!(err.message.starts_with(message), "{text:?}: {err}");
            assert!(err.to_string().starts_with(&format!("t.txt:{line}: {message}")), "{err}");
        }
    }

    #[test]
    fn parse_never_panics_on_truncated_or_mangled_lines() {
        let text = builtin::files_under(&["cameo/"]).map(|(_, t)| t).collect::<String>();
        for line in text.lines() {
            for (i, _) in line.char_indices() {
                let _ = CameoTable::parse("t.txt", &line[..i]);
                let _ = CameoTable::parse("t.txt", &line[i..]);
                let _ = CameoTable::parse("t.txt", &line.replacen('|', "", i % 5));
            }
        }
    }

    /// GDELT's table of official Goldstein scores (under `shared/`), the authority for our
    /// GOLDSTEIN column.
    const GOLDSTEIN_FILE: &str = "gdelt/CAMEO.goldsteinscale.txt";
    /// The PLOVER manual's CAMEO-to-PLOVER conversion table.
    const PLOVER_FILE: &str = "plover/CAMEO2PLOVER-2021.txt";
    /// Codes the PLOVER table lists that the Goldstein file (and so our table) lacks.
    const PLOVER_ONLY: &[&str] = &["1213", "1214"];

    #[test]
    fn goldstein_scores_match_gdelt() {
        let path = crate::testing::shared_path(GOLDSTEIN_FILE);
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("skipped: {} is absent", path.display());
            return;
        };
        let table = shipped();
        let mut theirs = BTreeMap::new();
        for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
            let (c, g) = line.split_once('\t').unwrap_or_else(|| panic!("bad line {line:?}"));
            let g: f32 = g.trim().parse().unwrap_or_else(|_| panic!("bad score in {line:?}"));
            theirs.insert(c.trim().to_string(), g);
        }
        for (c, g) in &theirs {
            let info = table.get(code(c)).unwrap_or_else(|| panic!("{c} is in GDELT but not ours"));
            assert_eq!(info.goldstein, *g, "{c}");
        }
        for info in table.codes() {
            assert!(theirs.contains_key(info.code.as_str()), "{} is ours but not in GDELT", info.code);
        }
    }

    #[test]
    fn plover_mapping_matches_conversion_table() {
        let path = crate::testing::shared_path(PLOVER_FILE);
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("skipped: {} is absent", path.display());
            return;
        };
        let table = shipped();
        // `CODE: EVENT, MODE, CONTEXT # comment`; a code listed twice (root 08: CONCEDE, then
        // RETREAT) keeps its first mapping.
        let mut theirs: BTreeMap<String, (String, String)> = BTreeMap::new();
        for line in text.lines() {
            let Some((c, rest)) = line.split_once(':') else { continue };
            if c.is_empty() || !c.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            let body = rest.split('#').next().unwrap_or("");
            let mut fields = body.split(',').map(str::trim);
            let event = fields.next().unwrap_or("").to_string();
            let mode = fields.next().unwrap_or("").to_string();
            theirs.entry(c.to_string()).or_insert((event, mode));
        }
        let none_if_empty = |s: &str| (!s.is_empty()).then(|| s.to_string());
        for (c, (event, mode)) in &theirs {
            if PLOVER_ONLY.contains(&c.as_str()) {
                assert!(table.get(code(c)).is_none(), "{c} is now in our table; update PLOVER_ONLY");
                continue;
            }
            let info = table.get(code(c)).unwrap_or_else(|| panic!("{c} is in PLOVER but not ours"));
            assert_eq!(info.plover_event, none_if_empty(event), "{c}");
            assert_eq!(info.plover_mode, none_if_empty(mode), "{c}");
        }
        for info in table.codes() {
            let listed = theirs.contains_key(info.code.as_str());
            assert_eq!(info.plover_event.is_some(), listed, "{}: PLOVER event vs. listing", info.code);
        }
    }
}

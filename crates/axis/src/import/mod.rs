//! Event data coded by others: GDELT and ICEWS files read into [`ImportedEvent`]s.
//!
//! An [`Importer`] is built once per dataset — [`Importer::gdelt`], or [`Importer::icews`] with the
//! actor dictionary and CAMEO table it resolves names and codes with — and then reads any number of
//! files, calling back with one [`Imported`] item per event, warning or skipped row, in file order.
//! The event is lent to the callback and reused for the next row, so a file of millions of rows is
//! read in constant memory and with almost no allocation.
//!
//! * **GDELT** ([`gdelt`]): tab-separated event files without a header: GDELT 1.0 with 57 columns
//!   (the historical backfiles, no `SOURCEURL`) or 58 (the daily files) and GDELT 2.0 exports with 61
//!   columns. The layout is recognised by each row's column count, so concatenated files mix freely.
//! * **ICEWS** ([`icews`]): the Dataverse `.tab` files, tab-separated with a header row. Country
//!   names become ISO codes through the actor dictionaries (plus `dict/import/icews-countries.txt`),
//!   sectors become CAMEO agents through `dict/import/icews-sectors.txt`.
//! * **Parquet** (`parquet`, cargo feature `parquet`): event tables as `axis export --format
//!   parquet` and the Spark job write them, read by their own `ParquetImporter` into event records.
//!
//! Either may be a plain file or a `.zip` archive (recognised by its first bytes), whose entries are
//! read one after another without unpacking them to disk; the uncompressed size is capped by
//! [`ImportOptions::max_uncompressed`] so that a zip bomb ends in an error, not a full disk or hours
//! of work. A line longer than [`ImportOptions::max_line`] is skipped as malformed.
//!
//! A malformed row (wrong column count, bad date, bad code or number) is an [`ImportError`] naming
//! the file, the line and the reason; it is reported and skipped, and the rest of the file goes on.
//! Unknown ICEWS countries and sectors are warnings: the row is imported with what is known.
//!
//! ```
//! use axis::import::{Flow, Imported, Importer, ImportOptions};
//! use std::path::Path;
//!
//! let row = "1\t20190201\t201902\t2019\t2019.0877\tRUSGOV\tRUSSIA\tRUS\t\t\t\t\tGOV\t\t\t\
//!            CHN\tCHINA\tCHN\t\t\t\t\t\t\t\t1\t042\t042\t04\t1\t1.9\t4\t1\t4\t2.5\t\
//!            1\tRussia\tRS\tRS\t60\t100\tRS\t1\tChina\tCH\tCH\t35\t105\tCH\t\
//!            1\tRussia\tRS\tRS\t60\t100\tRS\t20190202\thttps://example.org/a\n";
//! let mut importer = Importer::gdelt(ImportOptions::default());
//! let mut codes = Vec::new();
//! let summary = importer.import_reader(Path::new("a.tsv"), row.as_bytes(), &mut |item| {
//!     if let Imported::Event(e) = item {
//!         codes.push(format!("{} {} {} {}", e.source, e.code, e.target, e.date));
//!     }
//!     Flow::Continue(())
//! });
//! assert_eq!(codes, ["RUSGOV 042 CHN 2019-02-01"]);
//! assert_eq!((summary.rows, summary.imported, summary.skipped), (1, 1, 0));
//! ```

mod archive;
mod error;
pub mod gdelt;
pub mod icews;
mod lines;
#[cfg(feature = "parquet")]
pub mod parquet;

pub use error::{ImportError, ImportErrorKind};
pub use icews::{CountryNames, SectorTable};

use crate::cameo::{CameoTable, EventCode, QuadClass};
use crate::dict::{Code, Dictionary};
use crate::when::Date;
use lines::LineReader;
use serde::{Serialize, Serializer};
use std::fmt;
use std::io::Read;
use std::ops::ControlFlow;
use std::path::Path;

/// What the callback answers: go on, or stop reading (the rows delivered so far stay delivered).
pub type Flow = ControlFlow<()>;

/// Default cap on the uncompressed bytes read from one zip archive: 16 GiB, above the largest
/// GDELT or ICEWS file (GDELT's yearly backfiles unpack to a few GB) and far below what a zip bomb
/// inflates to.
pub const DEFAULT_MAX_UNCOMPRESSED: u64 = 16 << 30;

/// Default cap on one line: 1 MiB (GDELT rows are under 2 KB).
pub const DEFAULT_MAX_LINE: usize = 1 << 20;

/// Which dataset a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dataset {
    /// GDELT 1.0 or 2.0 event files.
    Gdelt,
    /// ICEWS Dataverse event files.
    Icews,
}

/// Where an imported event comes from; with [`ImportedEvent::origin_id`] it identifies the event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// GDELT 1.0 (57 or 58 columns).
    Gdelt1,
    /// GDELT 2.0 (61 columns).
    Gdelt2,
    /// ICEWS.
    Icews,
}

impl Origin {
    /// `gdelt1`, `gdelt2` or `icews`.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Gdelt1 => "gdelt1",
            Origin::Gdelt2 => "gdelt2",
            Origin::Icews => "icews",
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// When a row was added to its dataset: GDELT's `DATEADDED`, a day (GDELT 1.0) or a UTC time to the
/// second (GDELT 2.0). Serialized as `2019-02-02` or `2019-02-02T10:15:00Z`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Added {
    /// The day.
    pub date: Date,
    /// Seconds since midnight UTC, when given.
    pub seconds: Option<u32>,
}

impl fmt::Display for Added {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.date)?;
        if let Some(s) = self.seconds {
            write!(f, "T{:02}:{:02}:{:02}Z", s / 3600, s / 60 % 60, s % 60)?;
        }
        Ok(())
    }
}

impl Serialize for Added {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One event read from a GDELT or ICEWS file, normalised to axis's types.
///
/// Fields a dataset does not have are `None` or empty: GDELT has mentions, sources, articles, tone
/// and a URL; ICEWS has intensity, story and sentence ids and a publisher.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ImportedEvent {
    /// The dataset and its version.
    pub origin: Origin,
    /// The dataset's own id: GDELT's `GLOBALEVENTID`, ICEWS's `Event ID`.
    pub origin_id: u64,
    /// The 1-based line of the file the row was on.
    pub line: u64,
    /// The event date (GDELT `SQLDATE`, ICEWS `Event Date`).
    pub date: Date,
    /// Source actor code (GDELT `Actor1Code`; ICEWS country ISO code + sector agent); empty when
    /// the row names none.
    pub source: Code,
    /// The source actor's name as the dataset writes it.
    pub source_name: String,
    /// Target actor code (GDELT `Actor2Code`; ICEWS as for the source); empty when none.
    pub target: Code,
    /// The target actor's name as the dataset writes it.
    pub target_name: String,
    /// The CAMEO event code, leading zeros kept ("042").
    pub code: EventCode,
    /// The CAMEO root, 1 to 20 (GDELT `EventRootCode`; ICEWS: the code's).
    pub root: u8,
    /// The quad class (GDELT `QuadClass`; ICEWS: the code's).
    pub quad_class: QuadClass,
    /// The Goldstein score (GDELT `GoldsteinScale`; ICEWS: axis's CAMEO table, for the code or its
    /// nearest parent).
    pub goldstein: Option<f32>,
    /// GDELT `IsRootEvent`: the event was in a lead paragraph.
    pub is_root_event: Option<bool>,
    /// GDELT `NumMentions`.
    pub num_mentions: Option<u32>,
    /// GDELT `NumSources`.
    pub num_sources: Option<u32>,
    /// GDELT `NumArticles`.
    pub num_articles: Option<u32>,
    /// GDELT `AvgTone`, -100 to +100.
    pub avg_tone: Option<f64>,
    /// ICEWS `Intensity`, -10 to +10.
    pub intensity: Option<f32>,
    /// GDELT `SOURCEURL` (empty in the 57-column backfiles).
    pub url: String,
    /// ICEWS `Story ID`.
    pub story_id: Option<u64>,
    /// ICEWS `Sentence Number`.
    pub sentence: Option<u32>,
    /// ICEWS `Publisher`.
    pub publisher: String,
    /// Where it happened, as the dataset names it (GDELT `ActionGeo_FullName`; ICEWS city,
    /// district, province and country joined); empty when unknown.
    pub geo_name: String,
    /// The place's country as the dataset writes it: GDELT's FIPS 10-4 code, ICEWS's country name.
    pub geo_country: String,
    /// The place's country as an axis actor code (ICEWS, when the name is known); empty otherwise.
    pub geo_actor: Code,
    /// Latitude of the place.
    pub lat: Option<f64>,
    /// Longitude of the place.
    pub lon: Option<f64>,
    /// When the row was added to the dataset (GDELT `DATEADDED`).
    pub date_added: Option<Added>,
    /// GDELT `ActionGeo_Type`: 0 none, 1 country, 2 US state, 3 US city, 4 world city, 5 world
    /// state.
    pub geo_type: Option<u8>,
    /// GDELT `ActionGeo_ADM1Code`.
    pub geo_adm1: String,
    /// GDELT `ActionGeo_ADM2Code` (2.0 only).
    pub geo_adm2: String,
    /// GDELT `ActionGeo_FeatureID`.
    pub geo_feature: String,
    /// GDELT `Actor1CountryCode` … `Actor1Type3Code`: what the source actor's code is made of.
    pub source_detail: ActorDetail,
    /// GDELT `Actor2CountryCode` … `Actor2Type3Code`.
    pub target_detail: ActorDetail,
    /// GDELT `Actor1Geo_*`: where the source actor was.
    pub source_geo: Place,
    /// GDELT `Actor2Geo_*`: where the target actor was.
    pub target_geo: Place,
}

/// GDELT's breakdown of an actor code into its parts, each a CAMEO code or empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ActorDetail {
    /// `CountryCode`: the actor's country (ISO 3166 alpha-3 in CAMEO's spelling).
    pub country: String,
    /// `KnownGroupCode`: a known group (`UNO`, `NGO`…).
    pub known_group: String,
    /// `EthnicCode`.
    pub ethnic: String,
    /// `Religion1Code`.
    pub religion1: String,
    /// `Religion2Code`.
    pub religion2: String,
    /// `Type1Code`: the first agent type (`GOV`, `MIL`…).
    pub type1: String,
    /// `Type2Code`.
    pub type2: String,
    /// `Type3Code`.
    pub type3: String,
}

impl ActorDetail {
    /// The parts in GDELT's column order.
    pub fn parts(&self) -> [&str; 8] {
        [
            &self.country,
            &self.known_group,
            &self.ethnic,
            &self.religion1,
            &self.religion2,
            &self.type1,
            &self.type2,
            &self.type3,
        ]
    }

    /// The parts, mutably, in GDELT's column order.
    pub fn parts_mut(&mut self) -> [&mut String; 8] {
        [
            &mut self.country,
            &mut self.known_group,
            &mut self.ethnic,
            &mut self.religion1,
            &mut self.religion2,
            &mut self.type1,
            &mut self.type2,
            &mut self.type3,
        ]
    }

    /// Names of the parts, as stored attributes are keyed (after a `source_`/`target_` prefix).
    pub const NAMES: [&'static str; 8] =
        ["country", "known_group", "ethnic", "religion1", "religion2", "type1", "type2", "type3"];

    fn clear(&mut self) {
        for p in self.parts_mut() {
            p.clear();
        }
    }
}

/// A GDELT geo block: where an actor or the action was.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Place {
    /// `Geo_Type`: 0 none, 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
    pub kind: Option<u8>,
    /// `Geo_FullName`.
    pub name: String,
    /// `Geo_CountryCode` (FIPS 10-4).
    pub country: String,
    /// `Geo_ADM1Code`.
    pub adm1: String,
    /// `Geo_ADM2Code` (GDELT 2.0).
    pub adm2: String,
    /// `Geo_Lat`.
    pub lat: Option<f64>,
    /// `Geo_Long`.
    pub lon: Option<f64>,
    /// `Geo_FeatureID`.
    pub feature: String,
}

impl Place {
    fn clear(&mut self) {
        for s in [&mut self.name, &mut self.country, &mut self.adm1, &mut self.adm2, &mut self.feature] {
            s.clear();
        }
        (self.kind, self.lat, self.lon) = (None, None, None);
    }
}

impl Default for ImportedEvent {
    fn default() -> Self {
        ImportedEvent {
            origin: Origin::Gdelt1,
            origin_id: 0,
            line: 0,
            date: Date::new(1970, 1, 1).unwrap_or_else(|| Date::from_days(0)),
            source: Code::default(),
            source_name: String::new(),
            target: Code::default(),
            target_name: String::new(),
            code: EventCode::new("01").unwrap_or_else(|| unreachable!("01 is a CAMEO root")),
            root: 1,
            quad_class: QuadClass::VerbalCooperation,
            goldstein: None,
            is_root_event: None,
            num_mentions: None,
            num_sources: None,
            num_articles: None,
            avg_tone: None,
            intensity: None,
            url: String::new(),
            story_id: None,
            sentence: None,
            publisher: String::new(),
            geo_name: String::new(),
            geo_country: String::new(),
            geo_actor: Code::default(),
            lat: None,
            lon: None,
            date_added: None,
            geo_type: None,
            geo_adm1: String::new(),
            geo_adm2: String::new(),
            geo_feature: String::new(),
            source_detail: ActorDetail::default(),
            target_detail: ActorDetail::default(),
            source_geo: Place::default(),
            target_geo: Place::default(),
        }
    }
}

/// The columns of [`ImportedEvent::fields`], as named in JSON (TSV/CSV header). GDELT's actor
/// breakdown and actor geo blocks are in JSON only.
pub const COLUMNS: [&str; 28] = [
    "origin",
    "origin_id",
    "line",
    "date",
    "source",
    "source_name",
    "target",
    "target_name",
    "code",
    "root",
    "quad_class",
    "goldstein",
    "is_root_event",
    "num_mentions",
    "num_sources",
    "num_articles",
    "avg_tone",
    "intensity",
    "url",
    "story_id",
    "sentence",
    "publisher",
    "geo_name",
    "geo_country",
    "geo_actor",
    "lat",
    "lon",
    "date_added",
];

impl ImportedEvent {
    /// Every field as text, in [`COLUMNS`] order; `None` is empty, booleans are `1`/`0`.
    pub fn fields(&self) -> [String; 28] {
        fn opt<T: ToString>(v: Option<T>) -> String {
            v.map_or_else(String::new, |v| v.to_string())
        }
        [
            self.origin.to_string(),
            self.origin_id.to_string(),
            self.line.to_string(),
            self.date.to_string(),
            self.source.to_string(),
            self.source_name.clone(),
            self.target.to_string(),
            self.target_name.clone(),
            self.code.to_string(),
            format!("{:02}", self.root),
            self.quad_class.number().to_string(),
            opt(self.goldstein),
            opt(self.is_root_event.map(u8::from)),
            opt(self.num_mentions),
            opt(self.num_sources),
            opt(self.num_articles),
            opt(self.avg_tone),
            opt(self.intensity),
            self.url.clone(),
            opt(self.story_id),
            opt(self.sentence),
            self.publisher.clone(),
            self.geo_name.clone(),
            self.geo_country.clone(),
            self.geo_actor.to_string(),
            opt(self.lat),
            opt(self.lon),
            opt(self.date_added),
        ]
    }

    /// Empties every field, keeping the strings' capacity.
    fn clear(&mut self) {
        let mut old = std::mem::take(self);
        fn reuse(dst: &mut String, mut s: String) {
            s.clear();
            *dst = s;
        }
        reuse(&mut self.source_name, old.source_name);
        reuse(&mut self.target_name, old.target_name);
        reuse(&mut self.url, old.url);
        reuse(&mut self.publisher, old.publisher);
        reuse(&mut self.geo_name, old.geo_name);
        reuse(&mut self.geo_country, old.geo_country);
        reuse(&mut self.geo_adm1, old.geo_adm1);
        reuse(&mut self.geo_adm2, old.geo_adm2);
        reuse(&mut self.geo_feature, old.geo_feature);
        for d in [&mut old.source_detail, &mut old.target_detail] {
            d.clear();
        }
        for p in [&mut old.source_geo, &mut old.target_geo] {
            p.clear();
        }
        self.source_detail = old.source_detail;
        self.target_detail = old.target_detail;
        self.source_geo = old.source_geo;
        self.target_geo = old.target_geo;
    }
}

/// Limits for reading untrusted files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImportOptions {
    /// Most uncompressed bytes read from one zip archive (all entries together); beyond it the
    /// archive is abandoned with [`ImportErrorKind::TooLarge`]. Default
    /// [`DEFAULT_MAX_UNCOMPRESSED`].
    pub max_uncompressed: u64,
    /// Longest line accepted, in bytes; a longer one is skipped as malformed. Default
    /// [`DEFAULT_MAX_LINE`].
    pub max_line: usize,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions { max_uncompressed: DEFAULT_MAX_UNCOMPRESSED, max_line: DEFAULT_MAX_LINE }
    }
}

/// What an import produces, in file order. The callback answers each item with a [`Flow`]:
/// `ControlFlow::Break(())` stops the import (a closed pipe, a full disk, a failed insert).
#[derive(Debug)]
pub enum Imported<'a> {
    /// An event. It is lent: the importer reuses it for the next row.
    Event(&'a ImportedEvent),
    /// Something the user should know; the row (if any) was still imported.
    Warning(ImportError),
    /// A row, an archive entry or a file that could not be read, and was skipped.
    Skipped(ImportError),
}

/// Counts for one or more files; every row is either imported or skipped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files (and archive entries) read.
    pub files: u64,
    /// Data rows seen (header and blank lines excluded).
    pub rows: u64,
    /// Rows imported.
    pub imported: u64,
    /// Rows skipped as malformed.
    pub skipped: u64,
    /// Warnings (about imported rows).
    pub warnings: u64,
    /// Files, archives or entries that could not be read (or not to the end).
    pub failed: u64,
}

impl Summary {
    /// Adds another summary's counts to this one.
    pub fn add(&mut self, o: &Summary) {
        self.files += o.files;
        self.rows += o.rows;
        self.imported += o.imported;
        self.skipped += o.skipped;
        self.warnings += o.warnings;
        self.failed += o.failed;
    }
}

/// Reads GDELT or ICEWS files into [`ImportedEvent`]s. Built once, used for any number of files.
#[derive(Debug)]
pub struct Importer<'d> {
    dataset: Dataset,
    opts: ImportOptions,
    icews: Option<icews::Resolver<'d>>,
    event: ImportedEvent,
}

impl Importer<'static> {
    /// An importer for GDELT 1.0 and 2.0 event files.
    pub fn gdelt(opts: ImportOptions) -> Importer<'static> {
        Importer { dataset: Dataset::Gdelt, opts, icews: None, event: ImportedEvent::default() }
    }
}

impl<'d> Importer<'d> {
    /// An importer for ICEWS files: country names resolve through `dict` (and axis's table of
    /// ICEWS spellings), sectors through axis's sector table, Goldstein scores through `cameo`.
    /// Fails only if the built-in import tables do not load.
    pub fn icews(
        dict: &'d Dictionary,
        cameo: &'d CameoTable,
        opts: ImportOptions,
    ) -> Result<Importer<'d>, ImportError> {
        let resolver = icews::Resolver::new(CountryNames::builtin(dict)?, SectorTable::builtin()?, cameo);
        Ok(Importer { dataset: Dataset::Icews, opts, icews: Some(resolver), event: ImportedEvent::default() })
    }

    /// The dataset this importer reads.
    pub fn dataset(&self) -> Dataset {
        self.dataset
    }

    /// Reads one file, plain or zip (every entry of an archive, in order), calling `on` for every
    /// event, warning and skipped row. Never stops at a bad row (only when `on` says so); a file
    /// that cannot be opened is reported through `on` as skipped.
    pub fn import_path(&mut self, path: &Path, on: &mut dyn FnMut(Imported<'_>) -> Flow) -> Summary {
        let mut summary = Summary::default();
        let mut file = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(e) => {
                summary.failed += 1;
                let _ = on(Imported::Skipped(ImportError::io(path, &e)));
                return summary;
            }
        };
        match archive::is_zip(&mut file) {
            Ok(true) => {
                let opts = self.opts;
                archive::for_each_entry(
                    file,
                    path,
                    opts.max_uncompressed,
                    &mut summary,
                    on,
                    &mut |name, reader, summary, on| self.read_stream(name, reader, summary, on),
                );
            }
            Ok(false) => {
                if let Err(e) = self.read_stream(path, &mut file, &mut summary, on) {
                    summary.failed += 1;
                    let _ = on(Imported::Skipped(e));
                }
            }
            Err(e) => {
                summary.failed += 1;
                let _ = on(Imported::Skipped(ImportError::io(path, &e)));
            }
        }
        summary
    }

    /// Reads uncompressed text from `input`; `name` is the file errors name.
    pub fn import_reader(
        &mut self,
        name: &Path,
        mut input: impl Read,
        on: &mut dyn FnMut(Imported<'_>) -> Flow,
    ) -> Summary {
        let mut summary = Summary::default();
        if let Err(e) = self.read_stream(name, &mut input, &mut summary, on) {
            summary.failed += 1;
            let _ = on(Imported::Skipped(e));
        }
        summary
    }

    /// Reads one stream to its end, or until the callback stops; an error is returned when
    /// reading itself fails (the rows before it have been delivered).
    fn read_stream(
        &mut self,
        name: &Path,
        input: &mut dyn Read,
        summary: &mut Summary,
        on: &mut dyn FnMut(Imported<'_>) -> Flow,
    ) -> Result<Flow, ImportError> {
        summary.files += 1;
        let mut lines = LineReader::new(input, self.opts.max_line);
        let event = &mut self.event;
        match (&mut self.icews, self.dataset) {
            (Some(resolver), Dataset::Icews) => icews::read(&mut lines, name, resolver, event, summary, on),
            _ => gdelt::read(&mut lines, name, event, summary, on),
        }
    }
}

/// Parses unsigned decimal digits (no sign, no blanks); `None` for anything else or overflow.
/// Hands one parsed row to the caller and counts it: the event, then its warnings (imported), or
/// the row's error (skipped). Returns the caller's answer; after a `Break` nothing more is sent.
fn deliver(
    parsed: Result<(), ImportError>,
    event: &ImportedEvent,
    warnings: &mut Vec<ImportError>,
    summary: &mut Summary,
    on: &mut dyn FnMut(Imported<'_>) -> Flow,
) -> Flow {
    match parsed {
        Ok(()) => {
            summary.imported += 1;
            summary.warnings += warnings.len() as u64;
            let mut flow = on(Imported::Event(event));
            for w in warnings.drain(..) {
                if flow.is_continue() {
                    flow = on(Imported::Warning(w));
                }
            }
            flow
        }
        Err(e) => {
            summary.skipped += 1;
            on(Imported::Skipped(e))
        }
    }
}

fn parse_u64(b: &[u8]) -> Option<u64> {
    if b.is_empty() || b.len() > 20 {
        return None;
    }
    let mut n: u64 = 0;
    for &c in b {
        if !c.is_ascii_digit() {
            return None;
        }
        n = n.checked_mul(10)?.checked_add(u64::from(c - b'0'))?;
    }
    Some(n)
}

/// Parses a decimal number as `str::parse::<f64>` does, finite values only. Most GDELT numbers
/// ("1.9", "-77.0083") have at most 15 digits: then the digits as an integer divided by a power of
/// ten is exact up to the one rounding of the division, the same correctly rounded result, at a
/// fraction of the cost. Anything else takes the general parser.
fn parse_f64(b: &[u8]) -> Option<f64> {
    const POW10: [f64; 16] =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
    let general = || std::str::from_utf8(b).ok()?.parse::<f64>().ok().filter(|x| x.is_finite());
    let (negative, digits) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        _ => (false, b),
    };
    let (mut mantissa, mut count, mut decimals, mut dot) = (0u64, 0usize, 0usize, false);
    for &c in digits {
        match c {
            b'0'..=b'9' => {
                mantissa = mantissa * 10 + u64::from(c - b'0');
                count += 1;
                decimals += usize::from(dot);
                if count > 15 {
                    return general();
                }
            }
            b'.' if !dot => dot = true,
            _ => return general(),
        }
    }
    if count == 0 {
        return general();
    }
    let value = mantissa as f64 / POW10[decimals];
    Some(if negative { -value } else { value })
}

/// A date written as 8 digits, `YYYYMMDD`.
fn parse_yyyymmdd(b: &[u8]) -> Option<Date> {
    if b.len() != 8 {
        return None;
    }
    let n = parse_u64(b)?;
    Date::new((n / 10000) as i32, (n / 100 % 100) as u32, (n % 100) as u32)
}

/// Copies `b` into `dst` as text; invalid UTF-8 is replaced with U+FFFD and `false` returned.
fn push_text(dst: &mut String, b: &[u8]) -> bool {
    match std::str::from_utf8(b) {
        Ok(s) => {
            dst.push_str(s);
            true
        }
        Err(_) => {
            dst.push_str(&String::from_utf8_lossy(b));
            false
        }
    }
}

#[cfg(test)]
mod tests;

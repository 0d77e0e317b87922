//! Parquet events in (cargo feature `parquet`): the tables `axis export --format parquet` writes
//! and the ones the Spark job (`scale/spark/axis_job.py`) writes, read back into
//! [`EventRecord`]s and stored as imported events ([`ParquetEvent::to_import_row`]).
//!
//! # Columns
//!
//! Columns are found by name, in any order; a file may have more or fewer than axis writes:
//!
//! * the fields of [`EventRecord`] (every column the Spark job writes), plus `id`, `origin`,
//!   `origin_id` and `attributes` (a JSON object in text) of an axis export
//!   ([`PARQUET_COLUMNS`](crate::export::PARQUET_COLUMNS));
//! * `date_start`, `source`, `target` and `code` are required: a file without one of them is
//!   skipped with an error naming the column. Any other may be missing: `root`, `quad_class`,
//!   `goldstein` and the PLOVER columns then come from the code (axis's CAMEO table), actor and
//!   agent parts from the actor code, the rest is empty or zero;
//! * types: text is `BYTE_ARRAY` (UTF-8); integers `INT32` or `INT64`; `goldstein` `FLOAT` or
//!   `DOUBLE`; `date_fallback` and `negated` `BOOLEAN`; dates are text (`YYYY-MM-DD`) or `DATE`;
//!   `root` text or an integer. A column of another type skips the file, naming the column and
//!   both types. Columns may be required or optional (NULL: empty text, zero, false);
//! * other columns (a flat column of a plain type) are kept in the event's attributes; nested
//!   ones are ignored with a warning.
//!
//! # Directories and partitions
//!
//! A directory is read whole: every `*.parquet` file under it (and any other file that starts
//! with Parquet's magic bytes), in path order, skipping names that start with `.` or `_` (Spark's
//! `_SUCCESS`, `_temporary/`, `.crc` files). Hive-style directory names (`year=2019/month=3`, as
//! Spark's `partitionBy` writes them) give every row of the files below them a value: a partition
//! named like an event column fills that column when the file does not have it; `year` and
//! `month` (the Spark job's partitions of the event date) are checked against `date_start` (a row
//! in the wrong directory is an error); any other is kept in the attributes. Spark's
//! `__HIVE_DEFAULT_PARTITION__` is NULL, and `%XX` escapes are decoded.
//!
//! # Keys and errors
//!
//! Every row gets a [`ParquetEvent::key`]: the first 128 bits of the SHA-256 of its content (the
//! record, origin, origin id and attributes), in hex, with `.2`, `.3`… for repeats of an identical
//! row within one file. Stored as the imported event's origin id, it makes a second import of the
//! same files — or of a Spark job run again, whose file names change — add nothing.
//!
//! A problem is a [`ParquetError`] naming the file, the row group and row (both counted from 0,
//! as pyarrow does) and the column. A bad value skips its row; a missing column, a wrong type or
//! an unreadable file skips that file; the other rows and files are read regardless.
//!
//! ```no_run
//! use axis::import::parquet::{ParquetImporter, ParquetItem};
//! use axis::import::Flow;
//! use std::path::Path;
//!
//! let mut importer = ParquetImporter::new();
//! let summary = importer.import_path(Path::new("out/events"), &mut |item| {
//!     match item {
//!         ParquetItem::Event(e) => println!("{} {} {} {}", e.event.date_start, e.event.source, e.event.code, e.event.target),
//!         ParquetItem::Warning(w) | ParquetItem::Skipped(w) => eprintln!("{w}"),
//!     }
//!     Flow::Continue(())
//! });
//! eprintln!("{} rows, {} imported, {} skipped", summary.rows, summary.imported, summary.skipped);
//! ```

use super::{Flow, Summary};
use crate::cameo::{CameoTable, EventCode};
use crate::io::EventRecord;
use crate::store::{content_hash, ImportRow};
use crate::when::{Date, Granularity};
use parquet::basic::{ConvertedType, LogicalType, Type as Physical};
use parquet::column::reader::{ColumnReader, ColumnReaderImpl};
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, FloatType, Int32Type, Int64Type};
use parquet::file::reader::{FileReader, SerializedFileReader};
use rustc_hash::FxHashMap;
use serde_json::{Map, Value};
use std::fmt;
use std::path::{Path, PathBuf};

/// Rows decoded at a time from each column.
const BATCH: usize = 4096;

/// Deepest directory tree read (guards against symbolic link loops).
const MAX_DEPTH: usize = 32;

/// Where a row is: its row group and its row in the group, both counted from 0.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RowAt {
    /// The row group.
    pub row_group: usize,
    /// The row within the row group.
    pub row: u64,
}

/// A problem with a Parquet file, one of its columns or one of its rows.
#[derive(Clone, Debug, PartialEq)]
pub struct ParquetError {
    /// The file (or the directory, for [`ParquetErrorKind::NoFiles`]).
    pub path: PathBuf,
    /// The row, when the problem is in one.
    pub at: Option<RowAt>,
    /// The column, when the problem is in one.
    pub column: Option<String>,
    /// What is wrong.
    pub kind: ParquetErrorKind,
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ParquetErrorKind {
    /// The file or directory could not be read.
    Io(String),
    /// Not a Parquet file, or a damaged one (the decoder's message).
    Format(String),
    /// A directory with no Parquet file under it.
    NoFiles,
    /// The file lacks a column every event needs; the file is skipped.
    MissingColumn,
    /// A column of a type axis cannot read as that field; the file is skipped.
    WrongType {
        /// The column's type in the file.
        found: String,
        /// What it should be.
        want: &'static str,
    },
    /// A partition directory (`key=value`) whose value does not fit its column; the file is
    /// skipped.
    BadPartition {
        /// The directory name.
        dir: String,
        /// What it should be.
        want: &'static str,
    },
    /// A value that is not what the column holds; the row is skipped.
    BadValue {
        /// The value (cut to 60 characters).
        value: String,
        /// What it should be.
        want: &'static str,
    },
    /// A NULL where a value is needed; the row is skipped.
    Null,
    /// A row whose `date_start` is not in its `year=`/`month=` directory; the row is skipped.
    OutsidePartition {
        /// The row's `date_start` (empty when it has none).
        date: String,
        /// The partition, e.g. `year=2019/month=3`.
        partition: String,
    },
    /// A column of a kind axis does not read (nested, repeated, INT96…): ignored (warning).
    Ignored(String),
}

impl ParquetError {
    fn file(path: &Path, kind: ParquetErrorKind) -> ParquetError {
        ParquetError { path: path.to_path_buf(), at: None, column: None, kind }
    }

    fn column(path: &Path, column: &str, kind: ParquetErrorKind) -> ParquetError {
        ParquetError { path: path.to_path_buf(), at: None, column: Some(column.to_string()), kind }
    }

    /// Whether the error skipped a row (not a file or a column).
    pub fn is_row(&self) -> bool {
        self.at.is_some()
    }
}

impl fmt::Display for ParquetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.path.display())?;
        if let Some(at) = self.at {
            write!(f, "row group {}, row {}: ", at.row_group, at.row)?;
        }
        if let Some(c) = &self.column {
            write!(f, "column {c}: ")?;
        }
        match &self.kind {
            ParquetErrorKind::Io(e) => write!(f, "cannot read: {e}"),
            ParquetErrorKind::Format(e) => write!(f, "not a readable Parquet file: {e}; file skipped"),
            ParquetErrorKind::NoFiles => write!(f, "no Parquet files (*.parquet) in this directory"),
            ParquetErrorKind::MissingColumn => write!(f, "missing (every event needs it); file skipped"),
            ParquetErrorKind::WrongType { found, want } => {
                write!(f, "is {found}, expected {want}; file skipped")
            }
            ParquetErrorKind::BadPartition { dir, want } => {
                write!(f, "partition directory {dir:?} is not {want}; file skipped")
            }
            ParquetErrorKind::BadValue { value, want } => write!(f, "{value:?} is not {want}; row skipped"),
            ParquetErrorKind::Null => write!(f, "is NULL; row skipped"),
            ParquetErrorKind::OutsidePartition { date, partition } => {
                write!(f, "date {date:?} is not in its partition directory {partition}; row skipped")
            }
            ParquetErrorKind::Ignored(why) => write!(f, "{why}; column ignored"),
        }
    }
}

impl std::error::Error for ParquetError {}

/// One row of a Parquet events table.
#[derive(Clone, Debug)]
pub struct ParquetEvent {
    /// `id`: the row id in the database an axis export came from.
    pub id: Option<i64>,
    /// `origin`: where an axis export's event came from (`axis`, `gdelt`…).
    pub origin: Option<String>,
    /// `origin_id`: an imported event's id in its dataset (axis export).
    pub origin_id: Option<String>,
    /// Every field of the event record.
    pub event: EventRecord,
    /// The `attributes` column (an axis export's imported columns), plus the file's other
    /// columns and partition directories.
    pub attributes: Map<String, Value>,
    /// The row's key, stored as the imported event's origin id (see the module documentation).
    pub key: String,
    /// Where the row is in its file.
    pub at: RowAt,
    /// Whether the PLOVER event type and mode differ from what axis's table has for the code.
    plover_differs: (bool, bool),
}

fn blank_record() -> EventRecord {
    EventRecord {
        doc: String::new(),
        sentence: 0,
        sentence_text: String::new(),
        date_start: String::new(),
        date_end: String::new(),
        date_granularity: String::new(),
        date_fallback: false,
        story_date: String::new(),
        source: String::new(),
        source_actor: String::new(),
        source_agent: String::new(),
        source_text: String::new(),
        source_start: 0,
        source_end: 0,
        target: String::new(),
        target_actor: String::new(),
        target_agent: String::new(),
        target_text: String::new(),
        target_start: 0,
        target_end: 0,
        code: String::new(),
        root: String::new(),
        quad_class: None,
        goldstein: None,
        plover_event: String::new(),
        plover_mode: String::new(),
        negated: false,
        modality: String::new(),
        verb: String::new(),
        verb_start: 0,
        verb_end: 0,
        pattern_start: 0,
        pattern_end: 0,
        pattern: String::new(),
        url: String::new(),
    }
}

impl Default for ParquetEvent {
    fn default() -> Self {
        ParquetEvent {
            id: None,
            origin: None,
            origin_id: None,
            event: blank_record(),
            attributes: Map::new(),
            key: String::new(),
            at: RowAt::default(),
            plover_differs: (false, false),
        }
    }
}

/// The root column as axis writes it: two digits for a CAMEO code, empty for a dictionary's own.
fn root_text(code: EventCode) -> String {
    code.root().map(|r| format!("{r:02}")).unwrap_or_default()
}

/// The attribute that holds, for a stored row, the record's fields the events table has no column
/// for when the event is imported (see [`ParquetEvent::to_import_row`]).
pub const RECORD_ATTRIBUTE: &str = "record";

impl ParquetEvent {
    /// The stored form: the record's date, actors, code, Goldstein score, negation, texts and URL
    /// as columns (root, QuadClass and PLOVER follow the code), and in the attributes, besides
    /// the row's own, an object [`RECORD_ATTRIBUTE`] with what imported rows have no column for:
    /// `doc`, `sentence`, `date_fallback`, the byte offsets, `modality`, `verb`, `pattern`, and
    /// the file's `id`, `origin` and `origin_id` when it had them (plus `root`, `quad_class`,
    /// `plover_event`, `plover_mode` where the file disagreed with the code). The origin id is
    /// [`key`](Self::key).
    pub fn to_import_row(&self) -> ImportRow {
        let e = &self.event;
        // The reader only delivers rows whose code parses.
        let code = EventCode::user_defined(&e.code).unwrap_or_else(|| unreachable!("code checked when read"));
        let mut row = ImportRow::new(self.key.clone(), code);
        let day = |s: &str| Date::parse(s).ok();
        let text = |s: &str| (!s.is_empty()).then(|| s.to_string());
        row.date_start = day(&e.date_start);
        row.date_end = day(&e.date_end);
        row.date_granularity = granularity(&e.date_granularity);
        row.story_date = day(&e.story_date);
        row.source = e.source.clone();
        row.source_actor = e.source_actor.clone();
        row.source_agent = e.source_agent.clone();
        row.source_text = text(&e.source_text);
        row.target = e.target.clone();
        row.target_actor = e.target_actor.clone();
        row.target_agent = e.target_agent.clone();
        row.target_text = text(&e.target_text);
        row.goldstein = e.goldstein;
        row.negated = e.negated;
        row.url = text(&e.url);
        row.sentence_text = text(&e.sentence_text);
        row.attributes = self.attributes.clone();
        let mut record = Map::new();
        record.insert("doc".into(), Value::from(e.doc.as_str()));
        record.insert("sentence".into(), Value::from(e.sentence));
        record.insert("date_fallback".into(), Value::from(e.date_fallback));
        for (k, v) in [
            ("source_start", e.source_start),
            ("source_end", e.source_end),
            ("target_start", e.target_start),
            ("target_end", e.target_end),
            ("verb_start", e.verb_start),
            ("verb_end", e.verb_end),
            ("pattern_start", e.pattern_start),
            ("pattern_end", e.pattern_end),
        ] {
            record.insert(k.into(), Value::from(v));
        }
        for (k, v) in [("modality", &e.modality), ("verb", &e.verb), ("pattern", &e.pattern)] {
            record.insert(k.into(), Value::from(v.as_str()));
        }
        if let Some(id) = self.id {
            record.insert("id".into(), Value::from(id));
        }
        if let Some(o) = &self.origin {
            record.insert("origin".into(), Value::from(o.as_str()));
        }
        if let Some(o) = &self.origin_id {
            record.insert("origin_id".into(), Value::from(o.as_str()));
        }
        // What the store derives from the code, kept only where the file said otherwise.
        if e.root != root_text(code) {
            record.insert("root".into(), Value::from(e.root.as_str()));
        }
        if e.quad_class != code.quad_class().map(|q| q.number()) {
            record.insert("quad_class".into(), Value::from(e.quad_class));
        }
        if self.plover_differs.0 {
            record.insert("plover_event".into(), Value::from(e.plover_event.as_str()));
        }
        if self.plover_differs.1 {
            record.insert("plover_mode".into(), Value::from(e.plover_mode.as_str()));
        }
        row.attributes.insert(RECORD_ATTRIBUTE.into(), Value::Object(record));
        row
    }
}

fn granularity(s: &str) -> Option<Granularity> {
    use Granularity::*;
    [Day, Week, Month, Quarter, Year, Decade, Century, Era].into_iter().find(|g| g.as_str() == s)
}

/// What an import produces, in file order; answered with a [`Flow`].
#[derive(Debug)]
pub enum ParquetItem<'a> {
    /// A row read. It is lent: the importer reuses it for the next row.
    Event(&'a ParquetEvent),
    /// Something the user should know (an ignored column); the rows are still read.
    Warning(ParquetError),
    /// A row, a file or a directory that could not be read, and was skipped.
    Skipped(ParquetError),
}

/// The columns axis reads, by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Id,
    Origin,
    OriginId,
    Doc,
    Sentence,
    SentenceText,
    DateStart,
    DateEnd,
    DateGranularity,
    DateFallback,
    StoryDate,
    Source,
    SourceActor,
    SourceAgent,
    SourceText,
    SourceStart,
    SourceEnd,
    Target,
    TargetActor,
    TargetAgent,
    TargetText,
    TargetStart,
    TargetEnd,
    Code,
    Root,
    QuadClass,
    Goldstein,
    PloverEvent,
    PloverMode,
    Negated,
    Modality,
    Verb,
    VerbStart,
    VerbEnd,
    PatternStart,
    PatternEnd,
    Pattern,
    Url,
    Attributes,
}

const FIELDS: [(&str, Field); 39] = [
    ("id", Field::Id),
    ("origin", Field::Origin),
    ("origin_id", Field::OriginId),
    ("doc", Field::Doc),
    ("sentence", Field::Sentence),
    ("sentence_text", Field::SentenceText),
    ("date_start", Field::DateStart),
    ("date_end", Field::DateEnd),
    ("date_granularity", Field::DateGranularity),
    ("date_fallback", Field::DateFallback),
    ("story_date", Field::StoryDate),
    ("source", Field::Source),
    ("source_actor", Field::SourceActor),
    ("source_agent", Field::SourceAgent),
    ("source_text", Field::SourceText),
    ("source_start", Field::SourceStart),
    ("source_end", Field::SourceEnd),
    ("target", Field::Target),
    ("target_actor", Field::TargetActor),
    ("target_agent", Field::TargetAgent),
    ("target_text", Field::TargetText),
    ("target_start", Field::TargetStart),
    ("target_end", Field::TargetEnd),
    ("code", Field::Code),
    ("root", Field::Root),
    ("quad_class", Field::QuadClass),
    ("goldstein", Field::Goldstein),
    ("plover_event", Field::PloverEvent),
    ("plover_mode", Field::PloverMode),
    ("negated", Field::Negated),
    ("modality", Field::Modality),
    ("verb", Field::Verb),
    ("verb_start", Field::VerbStart),
    ("verb_end", Field::VerbEnd),
    ("pattern_start", Field::PatternStart),
    ("pattern_end", Field::PatternEnd),
    ("pattern", Field::Pattern),
    ("url", Field::Url),
    ("attributes", Field::Attributes),
];

/// Columns a file must have (or take from its partition directories).
const REQUIRED: [Field; 4] = [Field::DateStart, Field::Source, Field::Target, Field::Code];

/// How a field's values are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Text,
    Date,
    Int,
    Root,
    Float,
    Bool,
}

impl Field {
    fn of(name: &str) -> Option<Field> {
        FIELDS.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
    }

    fn name(self) -> &'static str {
        FIELDS[self as usize].0
    }

    fn kind(self) -> Kind {
        use Field::*;
        match self {
            Id | Sentence | SourceStart | SourceEnd | TargetStart | TargetEnd | QuadClass | VerbStart
            | VerbEnd | PatternStart | PatternEnd => Kind::Int,
            DateStart | DateEnd | StoryDate => Kind::Date,
            Root => Kind::Root,
            Goldstein => Kind::Float,
            DateFallback | Negated => Kind::Bool,
            _ => Kind::Text,
        }
    }

    /// Whether a column of this physical (and logical) type holds this field.
    fn accepts(self, physical: Physical, date: bool) -> bool {
        match (self.kind(), physical) {
            (Kind::Text, Physical::BYTE_ARRAY) => true,
            (Kind::Date, Physical::BYTE_ARRAY) => true,
            (Kind::Date, Physical::INT32) => date,
            (Kind::Int, Physical::INT32 | Physical::INT64) => !date,
            (Kind::Root, Physical::BYTE_ARRAY | Physical::INT32 | Physical::INT64) => !date,
            (Kind::Float, Physical::FLOAT | Physical::DOUBLE) => true,
            (Kind::Bool, Physical::BOOLEAN) => true,
            _ => false,
        }
    }

    fn want(self) -> &'static str {
        match self.kind() {
            Kind::Text => "text (BYTE_ARRAY, UTF-8)",
            Kind::Date => "a date (text YYYY-MM-DD, or DATE)",
            Kind::Int => "an integer (INT32 or INT64)",
            Kind::Root => "a CAMEO root (text, INT32 or INT64)",
            Kind::Float => "a number (FLOAT or DOUBLE)",
            Kind::Bool => "a boolean (BOOLEAN)",
        }
    }
}

/// One value of one row.
#[derive(Clone, Copy, Debug)]
enum Cell<'a> {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Bytes(&'a [u8]),
    /// Days since 1970-01-01 (a `DATE` column).
    Day(i32),
}

/// A value that does not fit its field.
struct Bad {
    value: String,
    want: &'static str,
}

fn bad(value: impl fmt::Display, want: &'static str) -> Bad {
    let text = value.to_string();
    let value = match text.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text,
    };
    Bad { value, want }
}

fn cell_text(c: Cell<'_>) -> String {
    match c {
        Cell::Null => "NULL".into(),
        Cell::Bool(b) => b.to_string(),
        Cell::Int(i) => i.to_string(),
        Cell::Float(x) => x.to_string(),
        Cell::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
        Cell::Day(d) => Date::from_days(d).to_string(),
    }
}

/// Sets `field` of `ev` from a cell (of a type [`Field::accepts`]), noting in `given` which
/// derived fields the row has.
fn set(ev: &mut ParquetEvent, field: Field, cell: Cell<'_>, given: &mut Given) -> Result<(), Bad> {
    let e = &mut ev.event;
    let text = |dst: &mut String, cell: Cell<'_>| -> Result<(), Bad> {
        dst.clear();
        match cell {
            Cell::Bytes(b) => {
                dst.push_str(std::str::from_utf8(b).map_err(|_| bad(cell_text(cell), "valid UTF-8"))?)
            }
            Cell::Day(d) => dst.push_str(&Date::from_days(d).to_string()),
            Cell::Int(i) => dst.push_str(&format!("{i:02}")),
            _ => {}
        }
        Ok(())
    };
    let int = |cell: Cell<'_>, max: i64, want: &'static str| -> Result<i64, Bad> {
        match cell {
            Cell::Int(i) if (0..=max).contains(&i) => Ok(i),
            Cell::Null => Ok(0),
            c => Err(bad(cell_text(c), want)),
        }
    };
    let offset = |cell| int(cell, i64::from(u32::MAX), "a byte offset (0 to 4294967295)").map(|i| i as u32);
    let flag = |cell| matches!(cell, Cell::Bool(true));
    let optional = |cell: Cell<'_>| -> Result<Option<String>, Bad> {
        match cell {
            Cell::Null => Ok(None),
            c => {
                let mut s = String::new();
                text(&mut s, c)?;
                Ok(Some(s))
            }
        }
    };
    use Field::*;
    match field {
        Id => {
            ev.id = match cell {
                Cell::Int(i) => Some(i),
                _ => None,
            }
        }
        Origin => ev.origin = optional(cell)?,
        OriginId => ev.origin_id = optional(cell)?,
        Doc => text(&mut e.doc, cell)?,
        Sentence => e.sentence = int(cell, i64::from(u32::MAX), "a sentence index (0 or more)")? as usize,
        SentenceText => text(&mut e.sentence_text, cell)?,
        DateStart => text(&mut e.date_start, cell)?,
        DateEnd => text(&mut e.date_end, cell)?,
        DateGranularity => text(&mut e.date_granularity, cell)?,
        DateFallback => e.date_fallback = flag(cell),
        StoryDate => text(&mut e.story_date, cell)?,
        Source => text(&mut e.source, cell)?,
        SourceActor => text(&mut e.source_actor, cell)?,
        SourceAgent => text(&mut e.source_agent, cell)?,
        SourceText => text(&mut e.source_text, cell)?,
        SourceStart => e.source_start = offset(cell)?,
        SourceEnd => e.source_end = offset(cell)?,
        Target => text(&mut e.target, cell)?,
        TargetActor => text(&mut e.target_actor, cell)?,
        TargetAgent => text(&mut e.target_agent, cell)?,
        TargetText => text(&mut e.target_text, cell)?,
        TargetStart => e.target_start = offset(cell)?,
        TargetEnd => e.target_end = offset(cell)?,
        Code => {
            if matches!(cell, Cell::Null) {
                given.code_null = true;
            }
            text(&mut e.code, cell)?
        }
        Root => {
            text(&mut e.root, cell)?;
            given.root = !matches!(cell, Cell::Null);
        }
        QuadClass => {
            given.quad_class = !matches!(cell, Cell::Null);
            e.quad_class = match cell {
                Cell::Int(i @ 1..=4) => Some(i as u8),
                Cell::Null => None,
                c => return Err(bad(cell_text(c), "a QuadClass (1 to 4)")),
            }
        }
        Goldstein => {
            given.goldstein = true;
            e.goldstein = match cell {
                Cell::Float(x) if x.is_finite() => Some(x as f32),
                Cell::Null => {
                    given.goldstein = false;
                    None
                }
                c => return Err(bad(cell_text(c), "a finite Goldstein score")),
            }
        }
        PloverEvent => text(&mut e.plover_event, cell)?,
        PloverMode => text(&mut e.plover_mode, cell)?,
        Negated => e.negated = flag(cell),
        Modality => text(&mut e.modality, cell)?,
        Verb => text(&mut e.verb, cell)?,
        VerbStart => e.verb_start = offset(cell)?,
        VerbEnd => e.verb_end = offset(cell)?,
        PatternStart => e.pattern_start = offset(cell)?,
        PatternEnd => e.pattern_end = offset(cell)?,
        Pattern => text(&mut e.pattern, cell)?,
        Url => text(&mut e.url, cell)?,
        Attributes => {
            if let Cell::Bytes(b) = cell {
                match serde_json::from_slice::<Value>(b) {
                    Ok(Value::Object(map)) => {
                        for (k, v) in map {
                            ev.attributes.insert(k, v);
                        }
                    }
                    _ => return Err(bad(cell_text(cell), "a JSON object")),
                }
            }
        }
    }
    Ok(())
}

/// Which derived fields a row gave itself.
#[derive(Default)]
struct Given {
    root: bool,
    quad_class: bool,
    goldstein: bool,
    code_null: bool,
}

/// A column's decoder and the values of the current batch.
enum Values {
    Bool(ColumnReaderImpl<BoolType>, Vec<bool>),
    I32(ColumnReaderImpl<Int32Type>, Vec<i32>),
    I64(ColumnReaderImpl<Int64Type>, Vec<i64>),
    F32(ColumnReaderImpl<FloatType>, Vec<f32>),
    F64(ColumnReaderImpl<DoubleType>, Vec<f64>),
    Bytes(ColumnReaderImpl<ByteArrayType>, Vec<ByteArray>),
}

/// Where a column's values go.
#[derive(Clone, Debug)]
enum Dest {
    Field(Field),
    /// Kept in the attributes under the column's name.
    Attribute(String),
}

/// A column to read: its index in the file's schema and where it goes.
#[derive(Clone, Debug)]
struct Plan {
    index: usize,
    dest: Dest,
    date: bool,
}

/// A column being read, one batch at a time.
struct Column {
    dest: Dest,
    date: bool,
    values: Values,
    def: Vec<i16>,
    max_def: i16,
    next: usize,
}

impl Column {
    /// Decodes up to `n` rows; returns how many.
    fn fill(&mut self, n: usize) -> parquet::errors::Result<usize> {
        self.def.clear();
        self.next = 0;
        let def = if self.max_def > 0 { Some(&mut self.def) } else { None };
        let (rows, _, _) = match &mut self.values {
            Values::Bool(r, v) => {
                v.clear();
                r.read_records(n, def, None, v)?
            }
            Values::I32(r, v) => {
                v.clear();
                r.read_records(n, def, None, v)?
            }
            Values::I64(r, v) => {
                v.clear();
                r.read_records(n, def, None, v)?
            }
            Values::F32(r, v) => {
                v.clear();
                r.read_records(n, def, None, v)?
            }
            Values::F64(r, v) => {
                v.clear();
                r.read_records(n, def, None, v)?
            }
            Values::Bytes(r, v) => {
                v.clear();
                r.read_records(n, def, None, v)?
            }
        };
        Ok(rows)
    }

    /// The value of batch row `i` (rows are taken in order); `None` when the file has fewer
    /// values than its levels say.
    fn take(&mut self, i: usize) -> Option<Cell<'_>> {
        if self.max_def > 0 && *self.def.get(i)? < self.max_def {
            return Some(Cell::Null);
        }
        let j = self.next;
        self.next += 1;
        Some(match &self.values {
            Values::Bool(_, v) => Cell::Bool(*v.get(j)?),
            Values::I32(_, v) if self.date => Cell::Day(*v.get(j)?),
            Values::I32(_, v) => Cell::Int(i64::from(*v.get(j)?)),
            Values::I64(_, v) => Cell::Int(*v.get(j)?),
            Values::F32(_, v) => Cell::Float(f64::from(*v.get(j)?)),
            Values::F64(_, v) => Cell::Float(*v.get(j)?),
            Values::Bytes(_, v) => Cell::Bytes(v.get(j)?.data()),
        })
    }
}

fn typed(reader: ColumnReader) -> Option<Values> {
    Some(match reader {
        ColumnReader::BoolColumnReader(r) => Values::Bool(r, Vec::new()),
        ColumnReader::Int32ColumnReader(r) => Values::I32(r, Vec::new()),
        ColumnReader::Int64ColumnReader(r) => Values::I64(r, Vec::new()),
        ColumnReader::FloatColumnReader(r) => Values::F32(r, Vec::new()),
        ColumnReader::DoubleColumnReader(r) => Values::F64(r, Vec::new()),
        ColumnReader::ByteArrayColumnReader(r) => Values::Bytes(r, Vec::new()),
        _ => return None,
    })
}

/// A partition value parsed for a field, as one constant cell.
#[derive(Clone, Debug)]
enum Const {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Text(String),
}

impl Const {
    fn cell(&self) -> Cell<'_> {
        match self {
            Const::Null => Cell::Null,
            Const::Bool(b) => Cell::Bool(*b),
            Const::Int(i) => Cell::Int(*i),
            Const::Float(x) => Cell::Float(*x),
            Const::Text(s) => Cell::Bytes(s.as_bytes()),
        }
    }
}

/// Hive-style partitions of one file: `(key, value)`, `None` for Spark's NULL.
pub type Partitions = Vec<(String, Option<String>)>;

/// What a file's partition directories say, once its columns are known.
#[derive(Default)]
struct PartitionPlan {
    /// Fields the file lacks, filled from the directories.
    fields: Vec<(Field, Const)>,
    /// `year=` and `month=`, checked against `date_start` (`None` inside: NULL, no date).
    year: Option<Option<i32>>,
    month: Option<Option<u32>>,
    /// The partition as written, for messages.
    date_dirs: String,
    /// Kept in the attributes.
    attributes: Vec<(String, Value)>,
}

/// Reads Parquet event files. Built once, used for any number of files and directories.
#[derive(Debug)]
pub struct ParquetImporter {
    cameo: Option<CameoTable>,
    event: ParquetEvent,
}

impl Default for ParquetImporter {
    fn default() -> Self {
        ParquetImporter::new()
    }
}

impl ParquetImporter {
    /// An importer (with axis's CAMEO table for the fields a file leaves out).
    pub fn new() -> ParquetImporter {
        ParquetImporter { cameo: CameoTable::builtin().ok(), event: ParquetEvent::default() }
    }

    /// Reads a Parquet file, or every Parquet file under a directory (see the module
    /// documentation), calling `on` for every row, warning and skipped row or file. Never stops
    /// at a bad row or file, only when `on` says so.
    pub fn import_path(&mut self, path: &Path, on: &mut dyn FnMut(ParquetItem<'_>) -> Flow) -> Summary {
        let mut summary = Summary::default();
        match files(path) {
            Ok(files) => {
                for (file, partitions) in files {
                    if self.read_counted(&file, &partitions, &mut summary, on).is_break() {
                        break;
                    }
                }
            }
            Err(e) => {
                summary.failed += 1;
                let _ = on(ParquetItem::Skipped(e));
            }
        }
        summary
    }

    /// Reads one Parquet file whose rows all have the `partitions` values (`key=value`
    /// directories; see [`files`]).
    pub fn import_file(
        &mut self,
        path: &Path,
        partitions: &[(String, Option<String>)],
        on: &mut dyn FnMut(ParquetItem<'_>) -> Flow,
    ) -> Summary {
        let mut summary = Summary::default();
        let _ = self.read_counted(path, partitions, &mut summary, on);
        summary
    }

    /// Reads one file, counting it; a file that cannot be read (to its end) is reported.
    fn read_counted(
        &mut self,
        path: &Path,
        partitions: &[(String, Option<String>)],
        summary: &mut Summary,
        on: &mut dyn FnMut(ParquetItem<'_>) -> Flow,
    ) -> Flow {
        summary.files += 1;
        // The decoder is a third party's, fed untrusted bytes: should it panic on a damaged
        // file, that file is reported and the others are still read.
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.read_file(path, partitions, summary, on)
        }));
        let e = match run {
            Ok(Ok(flow)) => return flow,
            Ok(Err(e)) => e,
            Err(_) => ParquetError::file(
                path,
                ParquetErrorKind::Format("the Parquet decoder failed on this file".into()),
            ),
        };
        summary.failed += 1;
        on(ParquetItem::Skipped(e))
    }

    fn read_file(
        &mut self,
        path: &Path,
        partitions: &[(String, Option<String>)],
        summary: &mut Summary,
        on: &mut dyn FnMut(ParquetItem<'_>) -> Flow,
    ) -> Result<Flow, ParquetError> {
        let format = |e: parquet::errors::ParquetError| {
            ParquetError::file(path, ParquetErrorKind::Format(e.to_string()))
        };
        // Nothing of the previous file's rows may carry over into this file's.
        self.event = ParquetEvent::default();
        let file = std::fs::File::open(path)
            .map_err(|e| ParquetError::file(path, ParquetErrorKind::Io(e.to_string())))?;
        let reader = SerializedFileReader::new(file).map_err(format)?;
        let schema = reader.metadata().file_metadata().schema_descr_ptr();
        // Which columns go where; problems with the schema skip the file before any row.
        let mut plans = Vec::new();
        let mut present = [false; FIELDS.len()];
        for (index, c) in schema.columns().iter().enumerate() {
            let top = c.path().parts().first().cloned().unwrap_or_default();
            let field = Field::of(&top);
            let nested = c.path().parts().len() > 1 || c.max_rep_level() > 0;
            let date = matches!(c.logical_type(), Some(LogicalType::Date))
                || c.converted_type() == ConvertedType::DATE;
            let physical = c.physical_type();
            match field {
                Some(f) if nested || !f.accepts(physical, date) => {
                    let found = if nested { "a nested or repeated column".to_string() } else { type_name(c) };
                    return Err(ParquetError::column(
                        path,
                        &top,
                        ParquetErrorKind::WrongType { found, want: f.want() },
                    ));
                }
                Some(f) => {
                    present[f as usize] = true;
                    plans.push(Plan { index, dest: Dest::Field(f), date });
                }
                None if nested || matches!(physical, Physical::INT96 | Physical::FIXED_LEN_BYTE_ARRAY) => {
                    let found = if nested {
                        "nested or repeated".to_string()
                    } else {
                        format!("of type {}", type_name(c))
                    };
                    let why = format!("not an axis event column, and {found}");
                    let flow = on(ParquetItem::Warning(ParquetError::column(
                        path,
                        &c.path().string(),
                        ParquetErrorKind::Ignored(why),
                    )));
                    summary.warnings += 1;
                    if flow.is_break() {
                        return Ok(flow);
                    }
                }
                None => plans.push(Plan { index, dest: Dest::Attribute(top), date }),
            }
        }
        let parts = partition_plan(path, partitions, &present)?;
        for (f, _) in &parts.fields {
            present[*f as usize] = true;
        }
        if let Some(f) = REQUIRED.iter().find(|f| !present[**f as usize]) {
            return Err(ParquetError::column(path, f.name(), ParquetErrorKind::MissingColumn));
        }
        let mut seen: FxHashMap<[u8; 16], u32> = FxHashMap::default();
        for g in 0..reader.num_row_groups() {
            let group = reader.get_row_group(g).map_err(format)?;
            let rows = usize::try_from(group.metadata().num_rows()).unwrap_or(0);
            let mut columns = Vec::with_capacity(plans.len());
            for p in &plans {
                let descr = schema.column(p.index);
                let values = typed(group.get_column_reader(p.index).map_err(format)?).ok_or_else(|| {
                    ParquetError::column(
                        path,
                        descr.name(),
                        ParquetErrorKind::Format("unsupported column type".into()),
                    )
                })?;
                columns.push(Column {
                    dest: p.dest.clone(),
                    date: p.date,
                    values,
                    def: Vec::new(),
                    max_def: descr.max_def_level(),
                    next: 0,
                });
            }
            let mut done = 0usize;
            while done < rows {
                let n = (rows - done).min(BATCH);
                for c in columns.iter_mut() {
                    let got = c.fill(n).map_err(format)?;
                    if got != n {
                        return Err(short(path, g, c, got, n));
                    }
                }
                for i in 0..n {
                    let at = RowAt { row_group: g, row: (done + i) as u64 };
                    summary.rows += 1;
                    let row = self.read_row(path, at, &mut columns, i, &parts, &present);
                    let flow = match row {
                        Ok(()) => {
                            self.keep_key(&mut seen);
                            summary.imported += 1;
                            on(ParquetItem::Event(&self.event))
                        }
                        Err(RowError::Skip(e)) => {
                            summary.skipped += 1;
                            on(ParquetItem::Skipped(e))
                        }
                        Err(RowError::File(e)) => return Err(e),
                    };
                    if flow.is_break() {
                        return Ok(flow);
                    }
                }
                done += n;
            }
        }
        Ok(Flow::Continue(()))
    }

    /// Reads batch row `i` of every column into the importer's event.
    fn read_row(
        &mut self,
        path: &Path,
        at: RowAt,
        columns: &mut [Column],
        i: usize,
        parts: &PartitionPlan,
        present: &[bool; FIELDS.len()],
    ) -> Result<(), RowError> {
        let ev = &mut self.event;
        ev.id = None;
        ev.origin = None;
        ev.origin_id = None;
        ev.event.date_fallback = false;
        ev.event.negated = false;
        ev.attributes.clear();
        ev.at = at;
        let mut given = Given::default();
        let mut first: Option<ParquetError> = None;
        let row_error = |column: &str, kind| ParquetError {
            path: path.to_path_buf(),
            at: Some(at),
            column: Some(column.to_string()),
            kind,
        };
        // Every column is taken, even after an error, so that the next row's values line up.
        for c in columns.iter_mut() {
            let dest = c.dest.clone();
            let Some(cell) = c.take(i) else {
                return Err(RowError::File(row_error(
                    dest_name(&dest),
                    ParquetErrorKind::Format("fewer values than rows".into()),
                )));
            };
            let problem = match &dest {
                Dest::Field(f) => set(ev, *f, cell, &mut given).err(),
                Dest::Attribute(name) => {
                    if let Some(v) = attribute(cell) {
                        ev.attributes.insert(name.clone(), v);
                    }
                    None
                }
            };
            if let (Some(b), None) = (problem, &first) {
                let kind = ParquetErrorKind::BadValue { value: b.value, want: b.want };
                first = Some(row_error(dest_name(&dest), kind));
            }
        }
        for (f, value) in &parts.fields {
            if let Err(b) = set(ev, *f, value.cell(), &mut given) {
                first.get_or_insert(row_error(
                    f.name(),
                    ParquetErrorKind::BadValue { value: b.value, want: b.want },
                ));
            }
        }
        if let Some(e) = first {
            return Err(RowError::Skip(e));
        }
        for (k, v) in &parts.attributes {
            ev.attributes.entry(k.clone()).or_insert_with(|| v.clone());
        }
        let e = &mut ev.event;
        if given.code_null {
            return Err(RowError::Skip(row_error("code", ParquetErrorKind::Null)));
        }
        // CAMEO, or a code of the user's own dictionary (`174K`): up to 6 letters and digits.
        let Some(code) = EventCode::user_defined(&e.code) else {
            let value = bad(&e.code, "").value;
            let kind = ParquetErrorKind::BadValue {
                value,
                want: "an event code (CAMEO, or up to 6 letters and digits)",
            };
            return Err(RowError::Skip(row_error("code", kind)));
        };
        for (name, date) in
            [("date_start", &e.date_start), ("date_end", &e.date_end), ("story_date", &e.story_date)]
        {
            if !date.is_empty() && Date::parse(date).is_err() {
                let kind =
                    ParquetErrorKind::BadValue { value: bad(date, "").value, want: "a date YYYY-MM-DD" };
                return Err(RowError::Skip(row_error(name, kind)));
            }
        }
        if !e.date_granularity.is_empty() && granularity(&e.date_granularity).is_none() {
            let kind = ParquetErrorKind::BadValue {
                value: bad(&e.date_granularity, "").value,
                want: "a granularity (day, week, month, quarter, year, decade, century, era)",
            };
            return Err(RowError::Skip(row_error("date_granularity", kind)));
        }
        if given.root && !e.root.is_empty() {
            if !matches!(e.root.parse::<u8>(), Ok(1..=20)) {
                let kind = ParquetErrorKind::BadValue {
                    value: bad(&e.root, "").value,
                    want: "a CAMEO root (01 to 20)",
                };
                return Err(RowError::Skip(row_error("root", kind)));
            }
        } else {
            e.root = root_text(code);
        }
        if !given.quad_class {
            e.quad_class = code.quad_class().map(|q| q.number());
        }
        let info = self.cameo.as_ref().and_then(|t| t.get(code));
        if !given.goldstein {
            e.goldstein = info.map(|i| i.goldstein);
        }
        if !present[Field::PloverEvent as usize] {
            e.plover_event = info.and_then(|i| i.plover_event.clone()).unwrap_or_default();
        }
        if !present[Field::PloverMode as usize] {
            e.plover_mode = info.and_then(|i| i.plover_mode.clone()).unwrap_or_default();
        }
        ev.plover_differs = (
            e.plover_event != info.and_then(|i| i.plover_event.as_deref()).unwrap_or(""),
            e.plover_mode != info.and_then(|i| i.plover_mode.as_deref()).unwrap_or(""),
        );
        for (code, actor, agent, f) in [
            (&e.source, &mut e.source_actor, &mut e.source_agent, Field::SourceActor),
            (&e.target, &mut e.target_actor, &mut e.target_agent, Field::TargetActor),
        ] {
            if !present[f as usize] {
                let (a, g) = match code.get(..3) {
                    Some(a) if code.is_ascii() => (a, &code[3..]),
                    _ => (code.as_str(), ""),
                };
                actor.clear();
                actor.push_str(a);
                agent.clear();
                agent.push_str(g);
            }
        }
        if let Some(year) = parts.year {
            let day = Date::parse(&e.date_start).ok();
            let fits = match (day, year, parts.month) {
                (None, None, _) => true,
                (Some(d), Some(y), month) => {
                    d.year() == y && month.is_none_or(|m| m.is_some_and(|m| m == d.month()))
                }
                _ => false,
            };
            if !fits {
                let kind = ParquetErrorKind::OutsidePartition {
                    date: e.date_start.clone(),
                    partition: parts.date_dirs.clone(),
                };
                return Err(RowError::Skip(row_error("date_start", kind)));
            }
        }
        Ok(())
    }

    /// Sets the event's key: a hash of its content, numbered when the file repeats it.
    fn keep_key(&mut self, seen: &mut FxHashMap<[u8; 16], u32>) {
        let ev = &mut self.event;
        let content = serde_json::to_string(&(&ev.origin, &ev.origin_id, &ev.event, &ev.attributes))
            .unwrap_or_default();
        let hash = content_hash(&content);
        let mut short = [0u8; 16];
        short.copy_from_slice(&hash[..16]);
        let n = seen.entry(short).or_insert(0);
        *n += 1;
        ev.key.clear();
        for b in short {
            ev.key.push_str(&format!("{b:02x}"));
        }
        if *n > 1 {
            ev.key.push_str(&format!(".{n}"));
        }
    }
}

enum RowError {
    /// The row is skipped.
    Skip(ParquetError),
    /// The file cannot be read on.
    File(ParquetError),
}

fn dest_name(d: &Dest) -> &str {
    match d {
        Dest::Field(f) => f.name(),
        Dest::Attribute(a) => a,
    }
}

fn short(path: &Path, g: usize, c: &Column, got: usize, want: usize) -> ParquetError {
    let kind =
        ParquetErrorKind::Format(format!("row group {g} ends after {got} of {want} rows in this column"));
    ParquetError::column(path, dest_name(&c.dest), kind)
}

/// An extra column's value as JSON; `None` for NULL.
fn attribute(c: Cell<'_>) -> Option<Value> {
    Some(match c {
        Cell::Null => return None,
        Cell::Bool(b) => Value::from(b),
        Cell::Int(i) => Value::from(i),
        Cell::Float(x) => Value::from(x),
        Cell::Bytes(b) => Value::from(String::from_utf8_lossy(b).into_owned()),
        Cell::Day(d) => Value::from(Date::from_days(d).to_string()),
    })
}

fn type_name(c: &parquet::schema::types::ColumnDescriptor) -> String {
    match c.logical_type() {
        Some(l) => format!("{} ({l:?})", c.physical_type()),
        None if c.converted_type() != ConvertedType::NONE => {
            format!("{} ({})", c.physical_type(), c.converted_type())
        }
        None => c.physical_type().to_string(),
    }
}

/// Turns a file's partition directories into constants for the fields it lacks, the date check
/// and attributes.
fn partition_plan(
    path: &Path,
    partitions: &[(String, Option<String>)],
    present: &[bool; FIELDS.len()],
) -> Result<PartitionPlan, ParquetError> {
    let mut plan = PartitionPlan::default();
    for (key, value) in partitions {
        let dir = format!("{key}={}", value.as_deref().unwrap_or(HIVE_NULL));
        let wrong =
            |want| ParquetError::column(path, key, ParquetErrorKind::BadPartition { dir: dir.clone(), want });
        match Field::of(key) {
            Some(f) if present[f as usize] => {}
            Some(f) => {
                let c = match (value, f.kind()) {
                    (None, _) => Const::Null,
                    (Some(v), Kind::Text | Kind::Date | Kind::Root) => Const::Text(v.clone()),
                    (Some(v), Kind::Int) => Const::Int(v.parse().map_err(|_| wrong(f.want()))?),
                    (Some(v), Kind::Float) => Const::Float(v.parse().map_err(|_| wrong(f.want()))?),
                    (Some(v), Kind::Bool) => Const::Bool(v.parse().map_err(|_| wrong(f.want()))?),
                };
                plan.fields.push((f, c));
            }
            None if key == "year" || key == "month" => {
                let n = match value {
                    None => None,
                    Some(v) => Some(v.parse::<i32>().map_err(|_| wrong("a year or month number"))?),
                };
                if key == "year" {
                    plan.year = Some(n);
                } else {
                    plan.month = Some(n.map(|m| m as u32));
                }
                if !plan.date_dirs.is_empty() {
                    plan.date_dirs.push('/');
                }
                plan.date_dirs.push_str(&dir);
            }
            None => {
                if let Some(v) = value {
                    plan.attributes.push((key.clone(), Value::from(v.as_str())));
                }
            }
        }
    }
    // `month=` alone says nothing checkable without its year.
    if plan.year.is_none() {
        plan.month = None;
    }
    Ok(plan)
}

/// Spark's (Hive's) name for a NULL partition value.
const HIVE_NULL: &str = "__HIVE_DEFAULT_PARTITION__";

/// The Parquet files `path` names: itself (with the partitions of its parent directories), or
/// every Parquet file under it, in path order (see the module documentation).
pub fn files(path: &Path) -> Result<Vec<(PathBuf, Partitions)>, ParquetError> {
    let io = |p: &Path, e: std::io::Error| ParquetError::file(p, ParquetErrorKind::Io(e.to_string()));
    let meta = std::fs::metadata(path).map_err(|e| io(path, e))?;
    if !meta.is_dir() {
        let parts = path.parent().map(|p| partitions_of(p.components())).unwrap_or_default();
        return Ok(vec![(path.to_path_buf(), parts)]);
    }
    let mut out = Vec::new();
    walk(path, path, 0, &mut out).map_err(|(p, e)| io(&p, e))?;
    if out.is_empty() {
        return Err(ParquetError::file(path, ParquetErrorKind::NoFiles));
    }
    Ok(out)
}

fn walk(
    root: &Path,
    dir: &Path,
    depth: usize,
    out: &mut Vec<(PathBuf, Partitions)>,
) -> Result<(), (PathBuf, std::io::Error)> {
    if depth > MAX_DEPTH {
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| (dir.to_path_buf(), e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| !n.starts_with(['.', '_'])))
        .collect();
    entries.sort();
    for p in entries {
        let meta = std::fs::metadata(&p).map_err(|e| (p.clone(), e))?;
        if meta.is_dir() {
            walk(root, &p, depth + 1, out)?;
        } else if meta.is_file() && is_parquet(&p) {
            let rel = p.strip_prefix(root).unwrap_or(&p);
            let parts = rel.parent().map(|d| partitions_of(d.components())).unwrap_or_default();
            out.push((p, parts));
        }
    }
    Ok(())
}

/// Named `*.parquet`, or starting with Parquet's magic bytes.
fn is_parquet(p: &Path) -> bool {
    if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("parquet")) {
        return true;
    }
    let mut magic = [0u8; 4];
    std::fs::File::open(p).and_then(|mut f| std::io::Read::read_exact(&mut f, &mut magic)).is_ok()
        && &magic == b"PAR1"
}

/// The `key=value` directory names among `components`.
fn partitions_of<'a>(components: impl Iterator<Item = std::path::Component<'a>>) -> Partitions {
    components
        .filter_map(|c| {
            let name = c.as_os_str().to_str()?;
            let (k, v) = name.split_once('=')?;
            if k.is_empty() {
                return None;
            }
            let v = unescape(v);
            Some((unescape(k), (v != HIVE_NULL).then_some(v)))
        })
        .collect()
}

/// Decodes Hive's `%XX` escapes.
fn unescape(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests;

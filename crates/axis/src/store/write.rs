//! Writing: coded documents (from ingest and recode) and imported event rows.
//!
//! Every write runs inside a transaction the caller holds, so a batch of documents — each with its
//! sentences, events and quantities — commits whole or not at all.

use super::near_dup::Signature;
use super::{Store, StoreError, StoreErrorKind, AXIS_ORIGIN};
use crate::cameo::{CameoTable, EventCode, QuadClass};
use crate::code::Coder;
use crate::import::{ImportedEvent, Origin};
use crate::io::{EventRecord, QuantityRecord};
use crate::text::Document;
use crate::when::{Date, Granularity};
use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{params, Connection, OptionalExtension};

/// The columns of `events` that every insert fills, in order.
const EVENT_COLUMNS: &str = "origin, origin_id, doc, sentence, date_start, date_end, date_granularity, \
     date_fallback, story_date, source, source_actor, source_agent, source_text, source_start, source_end, \
     target, target_actor, target_agent, target_text, target_start, target_end, code, root, quad_class, \
     goldstein, plover_event, plover_mode, negated, modality, verb, verb_start, verb_end, pattern_start, \
     pattern_end, pattern, url, sentence_text, dict_version, attributes";

fn insert_event_sql(or_ignore: bool) -> String {
    let marks = vec!["?"; EVENT_COLUMNS.split(',').count()].join(", ");
    let verb = if or_ignore { "INSERT OR IGNORE" } else { "INSERT" };
    format!("{verb} INTO events ({EVENT_COLUMNS}) VALUES ({marks})")
}

/// Empty text as NULL: evidence a row does not have.
fn opt(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

/// A document coded and flattened, ready to be written (built on the coding threads).
#[derive(Debug, Default)]
pub(crate) struct CodedDoc {
    pub key: String,
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub story_date: Option<Date>,
    pub hash: [u8; 32],
    pub text: String,
    pub text_offset: u32,
    /// Byte spans of the sentences in `text`.
    pub sentences: Vec<(u32, u32)>,
    pub events: Vec<EventRecord>,
    pub quantities: Vec<QuantityRecord>,
    /// The text's MinHash signature, when ingest looks for near-duplicates and the text is long
    /// enough to have one.
    pub signature: Option<Signature>,
}

impl CodedDoc {
    /// Codes `doc` and flattens what the coder found.
    pub(crate) fn new(coder: &Coder<'_>, doc: &Document, hash: [u8; 32]) -> CodedDoc {
        let coded = coder.code_document(doc, false);
        let mut d = CodedDoc::uncoded(doc, hash);
        d.events = coded.events.iter().map(|e| EventRecord::new(coder, doc, e)).collect();
        d.quantities =
            coded.quantities.iter().map(|(s, q)| QuantityRecord::new(doc, &coded, *s, q)).collect();
        d
    }

    /// `doc` flattened without its events and quantities (a large document's are streamed, see
    /// `super::stream`).
    pub(crate) fn uncoded(doc: &Document, hash: [u8; 32]) -> CodedDoc {
        // Where the raw text starts in its file (after a plain-text header block): source spans
        // minus raw spans, so that recode can rebuild the document with the same offsets.
        let raw_start = doc.source_span(crate::text::Span { start: 0, end: 0 }).start;
        CodedDoc {
            key: doc.id.clone(),
            source: doc.source.clone(),
            url: doc.url.clone(),
            title: doc.title.clone(),
            story_date: doc.date,
            hash,
            text: doc.raw().to_string(),
            text_offset: raw_start.saturating_sub(doc.raw_span(crate::text::Span { start: 0, end: 0 }).start),
            sentences: doc
                .sentences()
                .iter()
                .map(|s| {
                    let r = doc.raw_span(s.span);
                    (r.start, r.end)
                })
                .collect(),
            events: Vec::new(),
            quantities: Vec::new(),
            signature: None,
        }
    }
}

pub(crate) fn has_hash(conn: &Connection, hash: &[u8; 32]) -> rusqlite::Result<bool> {
    let mut st = conn.prepare_cached("SELECT 1 FROM documents WHERE content_hash = ?")?;
    Ok(st.query_row([&hash[..]], |_| Ok(())).optional()?.is_some())
}

/// Inserts a document; `None` when its text is already stored. An original comes with its
/// sentences, events and quantities (and its signature, when it has one); a near-duplicate
/// (`copy_of` = the original's id and the estimated similarity) is the document row alone, linked
/// to its original — no sentences, events or quantities, so nothing it reports is counted twice.
pub(crate) fn insert_document(
    conn: &Connection,
    d: &CodedDoc,
    dict: &str,
    copy_of: Option<(i64, f64)>,
) -> rusqlite::Result<Option<i64>> {
    let mut st = conn.prepare_cached(
        "INSERT OR IGNORE INTO documents (doc_key, source, url, title, story_date, content_hash, text,
         text_offset, dict_version, minhash, duplicate_of, similarity)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?;
    let signature = if copy_of.is_none() { d.signature.as_ref().map(Signature::to_bytes) } else { None };
    let n = st.execute(params![
        d.key,
        d.source,
        d.url,
        d.title,
        d.story_date.map(|x| x.to_string()),
        &d.hash[..],
        d.text,
        d.text_offset,
        dict,
        signature,
        copy_of.map(|(original, _)| original),
        copy_of.map(|(_, similarity)| similarity),
    ])?;
    if n == 0 {
        return Ok(None);
    }
    let id = conn.last_insert_rowid();
    if copy_of.is_none() {
        write_coding(conn, id, d, dict, false)?;
    }
    Ok(Some(id))
}

/// Writes a document's sentences, axis events and quantities, with `replace` first deleting
/// those it had (imported events are never touched).
pub(crate) fn write_coding(
    conn: &Connection,
    doc: i64,
    d: &CodedDoc,
    dict: &str,
    replace: bool,
) -> rusqlite::Result<()> {
    if replace {
        conn.prepare_cached("DELETE FROM sentences WHERE doc = ?")?.execute([doc])?;
        conn.prepare_cached("DELETE FROM events WHERE doc = ? AND origin = 'axis'")?.execute([doc])?;
        conn.prepare_cached("DELETE FROM quantities WHERE doc = ?")?.execute([doc])?;
    }
    let mut st = conn.prepare_cached("INSERT INTO sentences (doc, idx, start, end) VALUES (?, ?, ?, ?)")?;
    for (i, (s, e)) in d.sentences.iter().enumerate() {
        st.execute(params![doc, i as i64, s, e])?;
    }
    let mut st = conn.prepare_cached(&insert_event_sql(false))?;
    for r in &d.events {
        st.execute(params![
            AXIS_ORIGIN,
            None::<&str>,
            doc,
            r.sentence as i64,
            opt(&r.date_start),
            opt(&r.date_end),
            opt(&r.date_granularity),
            r.date_fallback,
            opt(&r.story_date),
            r.source,
            r.source_actor,
            r.source_agent,
            r.source_text,
            r.source_start,
            r.source_end,
            r.target,
            r.target_actor,
            r.target_agent,
            opt(&r.target_text),
            (!r.target.is_empty()).then_some(r.target_start),
            (!r.target.is_empty()).then_some(r.target_end),
            r.code,
            r.root.parse::<i64>().ok(),
            r.quad_class,
            r.goldstein,
            opt(&r.plover_event),
            opt(&r.plover_mode),
            r.negated,
            opt(&r.modality),
            r.verb,
            r.verb_start,
            r.verb_end,
            r.pattern_start,
            r.pattern_end,
            r.pattern,
            opt(&r.url),
            None::<&str>,
            dict,
            None::<&str>,
        ])?;
    }
    let mut st = conn.prepare_cached(
        "INSERT INTO quantities (doc, sentence, text, start, end, value, unit, what, actors,
         date_start, date_end, date_granularity, dict_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?;
    for q in &d.quantities {
        st.execute(params![
            doc,
            q.sentence as i64,
            q.text,
            q.start,
            q.end,
            q.value,
            q.unit,
            q.what,
            q.actors.join(" "),
            opt(&q.date_start),
            opt(&q.date_end),
            opt(&q.date_granularity),
            dict,
        ])?;
    }
    if replace {
        conn.prepare_cached("UPDATE documents SET dict_version = ? WHERE id = ?")?
            .execute(params![dict, doc])?;
    }
    Ok(())
}

/// An event coded elsewhere (GDELT, ICEWS, another axis database), to be stored with
/// [`Store::insert_imported`]. Evidence an import source does not have stays `None`.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportRow {
    /// The row's id in its source (GDELT `GLOBALEVENTID`, ICEWS `Event ID`); unique per origin.
    pub origin_id: String,
    /// First day of the event's date.
    pub date_start: Option<Date>,
    /// Last day (the first day when `None`).
    pub date_end: Option<Date>,
    /// How precise the date is (`Day` when `None` and there is a date).
    pub date_granularity: Option<Granularity>,
    /// Publication date of the story it came from.
    pub story_date: Option<Date>,
    /// Source actor code (`RUSGOV`); empty when unknown.
    pub source: String,
    /// Source actor part (`RUS`); derived from `source` when empty.
    pub source_actor: String,
    /// Source agent part (`GOV`); derived from `source` when `source_actor` is empty.
    pub source_agent: String,
    /// Source as named in the text or the source file ("Russia", "Government (Russia)").
    pub source_text: Option<String>,
    /// Target actor code; empty when none.
    pub target: String,
    /// Target actor part.
    pub target_actor: String,
    /// Target agent part.
    pub target_agent: String,
    /// Target as named.
    pub target_text: Option<String>,
    /// The CAMEO code.
    pub code: EventCode,
    /// Goldstein value given by the source; the CAMEO table's value when `None`.
    pub goldstein: Option<f32>,
    /// Negated.
    pub negated: bool,
    /// Story URL.
    pub url: Option<String>,
    /// The sentence or event text, when the source has one.
    pub sentence_text: Option<String>,
    /// Columns only this source has (GDELT's `NumMentions`, `AvgTone`, geography; ICEWS's
    /// `Intensity`, `Publisher`…), kept as a JSON object so nothing is lost.
    pub attributes: serde_json::Map<String, serde_json::Value>,
}

impl ImportRow {
    /// A row with an id and a code, everything else empty.
    pub fn new(origin_id: impl Into<String>, code: EventCode) -> ImportRow {
        ImportRow {
            origin_id: origin_id.into(),
            date_start: None,
            date_end: None,
            date_granularity: None,
            story_date: None,
            source: String::new(),
            source_actor: String::new(),
            source_agent: String::new(),
            source_text: None,
            target: String::new(),
            target_actor: String::new(),
            target_agent: String::new(),
            target_text: None,
            code,
            goldstein: None,
            negated: false,
            url: None,
            sentence_text: None,
            attributes: serde_json::Map::new(),
        }
    }
}

impl ImportRow {
    /// The stored form of an event read from GDELT or ICEWS: the shared columns as columns, the
    /// dataset's own (mentions, tone, intensity, publisher, place, date added, dataset version) as
    /// attributes. Both GDELT versions share the origin `gdelt`, since their event ids do not clash.
    pub fn from_imported(e: &ImportedEvent) -> ImportRow {
        let mut row = ImportRow::new(e.origin_id.to_string(), e.code);
        row.date_start = Some(e.date);
        row.source = e.source.to_string();
        row.target = e.target.to_string();
        row.source_text = (!e.source_name.is_empty()).then(|| e.source_name.clone());
        row.target_text = (!e.target_name.is_empty()).then(|| e.target_name.clone());
        row.goldstein = e.goldstein;
        row.url = (!e.url.is_empty()).then(|| e.url.clone());
        if let Ok(serde_json::Value::Object(map)) = serde_json::to_value(Attributes(e)) {
            row.attributes = map;
        }
        row
    }

    /// The origin name imported events are stored under.
    pub fn origin_name(origin: Origin) -> &'static str {
        match origin {
            Origin::Gdelt1 | Origin::Gdelt2 => "gdelt",
            Origin::Icews => "icews",
        }
    }
}

/// The attributes of an imported event (see [`ImportRow::attributes`]), serialized straight
/// from the event as a JSON object: the one definition of what [`ImportRow::from_imported`] keeps
/// and what the bulk import writes, without an intermediate map.
pub(super) struct Attributes<'a>(pub &'a ImportedEvent);

impl serde::Serialize for Attributes<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let e = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("dataset", e.origin.as_str())?;
        macro_rules! some {
            ($key:expr, $v:expr) => {
                if let Some(v) = $v {
                    m.serialize_entry($key, &v)?;
                }
            };
        }
        macro_rules! text {
            ($key:expr, $v:expr) => {
                if !$v.is_empty() {
                    m.serialize_entry($key, $v)?;
                }
            };
        }
        some!("is_root_event", e.is_root_event);
        some!("num_mentions", e.num_mentions);
        some!("num_sources", e.num_sources);
        some!("num_articles", e.num_articles);
        some!("avg_tone", e.avg_tone);
        some!("intensity", e.intensity.map(f64::from));
        some!("story_id", e.story_id);
        some!("sentence", e.sentence);
        text!("publisher", e.publisher.as_str());
        text!("geo_name", e.geo_name.as_str());
        text!("geo_country", e.geo_country.as_str());
        text!("geo_actor", e.geo_actor.as_str());
        some!("lat", e.lat);
        some!("lon", e.lon);
        if let Some(d) = e.date_added {
            m.serialize_entry("date_added", &format_args!("{d}"))?;
        }
        // GDELT's breakdown of the actor codes and its three geo blocks, so that a GDELT export
        // writes back every column it read.
        some!("geo_type", e.geo_type);
        text!("geo_adm1", e.geo_adm1.as_str());
        text!("geo_adm2", e.geo_adm2.as_str());
        text!("geo_feature", e.geo_feature.as_str());
        for (keys, detail, place) in
            [(&SOURCE_KEYS, &e.source_detail, &e.source_geo), (&TARGET_KEYS, &e.target_detail, &e.target_geo)]
        {
            for (key, part) in keys.iter().zip(detail.parts()) {
                text!(*key, part);
            }
            let geo = &keys[8..];
            some!(geo[0], place.kind);
            text!(geo[1], place.name.as_str());
            text!(geo[2], place.country.as_str());
            text!(geo[3], place.adm1.as_str());
            text!(geo[4], place.adm2.as_str());
            some!(geo[5], place.lat);
            some!(geo[6], place.lon);
            text!(geo[7], place.feature.as_str());
        }
        // The stored root and quad class follow the code; a file that said otherwise is kept.
        if Some(e.root) != e.code.root() {
            m.serialize_entry("file_root", &e.root)?;
        }
        if Some(e.quad_class) != e.code.quad_class() {
            m.serialize_entry("file_quad_class", &e.quad_class.number())?;
        }
        m.end()
    }
}

/// Attribute keys of GDELT's source actor: the eight code parts (as `ActorDetail::NAMES`), then
/// the geo block (type, name, country, ADM1, ADM2, latitude, longitude, feature id).
const SOURCE_KEYS: [&str; 16] = [
    "source_country",
    "source_known_group",
    "source_ethnic",
    "source_religion1",
    "source_religion2",
    "source_type1",
    "source_type2",
    "source_type3",
    "source_geo_type",
    "source_geo_name",
    "source_geo_country",
    "source_geo_adm1",
    "source_geo_adm2",
    "source_geo_lat",
    "source_geo_lon",
    "source_geo_feature",
];

/// The same for the target actor.
const TARGET_KEYS: [&str; 16] = [
    "target_country",
    "target_known_group",
    "target_ethnic",
    "target_religion1",
    "target_religion2",
    "target_type1",
    "target_type2",
    "target_type3",
    "target_geo_type",
    "target_geo_name",
    "target_geo_country",
    "target_geo_adm1",
    "target_geo_adm2",
    "target_geo_lat",
    "target_geo_lon",
    "target_geo_feature",
];

/// A row [`Store::insert_imported`] could not store, by its index in the slice given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    /// Index of the row in the slice.
    pub index: usize,
    /// What is wrong with it.
    pub problem: String,
}

/// What [`Store::insert_imported`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportCounts {
    /// Rows stored.
    pub inserted: u64,
    /// Rows whose `(origin, origin_id)` was already stored (or repeated in the slice).
    pub skipped: u64,
    /// Rows that could not be stored, and why; the others were stored regardless.
    pub rejected: Vec<RowProblem>,
}

/// Whether `origin` is a valid origin name: `[a-z0-9_-]+`.
pub(crate) fn valid_origin(origin: &str) -> bool {
    !origin.is_empty()
        && origin.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Splits a CAMEO actor code into its 3-character actor and agent parts.
fn split_code(code: &str) -> (&str, &str) {
    match code.get(..3) {
        Some(a) if code.is_ascii() => (a, &code[3..]),
        _ => (code, ""),
    }
}

/// An imported event's columns, borrowed from an [`ImportRow`] or straight from an
/// [`ImportedEvent`]: what [`insert_row`] binds.
pub(super) struct RowRef<'a> {
    pub origin_id: &'a str,
    pub date_start: Option<Date>,
    pub date_end: Option<Date>,
    pub granularity: Option<Granularity>,
    pub story_date: Option<Date>,
    pub source: &'a str,
    pub source_actor: &'a str,
    pub source_agent: &'a str,
    pub source_text: Option<&'a str>,
    pub target: &'a str,
    pub target_actor: &'a str,
    pub target_agent: &'a str,
    pub target_text: Option<&'a str>,
    pub code: EventCode,
    pub goldstein: Option<f32>,
    pub negated: bool,
    pub url: Option<&'a str>,
    pub sentence_text: Option<&'a str>,
    /// The attributes as a JSON object (UTF-8, as serde_json writes it), `None` when there are
    /// none.
    pub attributes: Option<&'a [u8]>,
}

impl<'a> RowRef<'a> {
    fn of(r: &'a ImportRow, attributes: Option<&'a [u8]>) -> RowRef<'a> {
        let (source_actor, source_agent) = if r.source_actor.is_empty() {
            split_code(&r.source)
        } else {
            (r.source_actor.as_str(), r.source_agent.as_str())
        };
        let (target_actor, target_agent) = if r.target_actor.is_empty() {
            split_code(&r.target)
        } else {
            (r.target_actor.as_str(), r.target_agent.as_str())
        };
        RowRef {
            origin_id: &r.origin_id,
            date_start: r.date_start,
            date_end: r.date_end,
            granularity: r.date_granularity,
            story_date: r.story_date,
            source: &r.source,
            source_actor,
            source_agent,
            source_text: r.source_text.as_deref(),
            target: &r.target,
            target_actor,
            target_agent,
            target_text: r.target_text.as_deref(),
            code: r.code,
            goldstein: r.goldstein,
            negated: r.negated,
            url: r.url.as_deref(),
            sentence_text: r.sentence_text.as_deref(),
            attributes,
        }
    }

    /// The columns of an event read from GDELT or ICEWS, as [`ImportRow::from_imported`] makes
    /// them; `origin_id` and `attributes` are the caller's buffers.
    pub(super) fn imported(e: &'a ImportedEvent, origin_id: &'a str, attributes: &'a [u8]) -> RowRef<'a> {
        let (source_actor, source_agent) = split_code(e.source.as_str());
        let (target_actor, target_agent) = split_code(e.target.as_str());
        RowRef {
            origin_id,
            date_start: Some(e.date),
            date_end: None,
            granularity: None,
            story_date: None,
            source: e.source.as_str(),
            source_actor,
            source_agent,
            source_text: opt(&e.source_name),
            target: e.target.as_str(),
            target_actor,
            target_agent,
            target_text: opt(&e.target_name),
            code: e.code,
            goldstein: e.goldstein,
            negated: false,
            url: opt(&e.url),
            sentence_text: None,
            attributes: Some(attributes),
        }
    }
}

/// A date as `YYYY-MM-DD` without allocating (years 1–9999).
struct IsoDate([u8; 10]);

impl IsoDate {
    fn new(d: Date) -> IsoDate {
        let mut b = *b"0000-00-00";
        let (y, m, day) = (d.year().clamp(0, 9999) as u32, d.month(), d.day());
        for (i, v) in [(0, y / 100), (2, y % 100), (5, m), (8, day)] {
            b[i] = b'0' + (v / 10 % 10) as u8;
            b[i + 1] = b'0' + (v % 10) as u8;
        }
        IsoDate(b)
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("")
    }
}

/// The insert statement of imported rows: skips a row whose `(origin, origin_id)` is stored.
pub(super) fn insert_imported_sql() -> String {
    insert_event_sql(true)
}

/// Binds one imported row to the statement of [`insert_imported_sql`] and runs it; whether it
/// was stored (false: its `(origin, origin_id)` was there already). Every parameter is bound,
/// so the statement can be reused row after row.
pub(super) fn insert_row(
    st: &mut rusqlite::Statement<'_>,
    origin: &str,
    cameo: Option<&CameoTable>,
    r: &RowRef<'_>,
) -> rusqlite::Result<bool> {
    let info = cameo.and_then(|t| t.get(r.code));
    let start = r.date_start.map(IsoDate::new);
    let end = r.date_end.or(r.date_start).map(IsoDate::new);
    let story = r.story_date.map(IsoDate::new);
    let granularity = r.granularity.or(r.date_start.map(|_| Granularity::Day)).map(|g| g.as_str());
    let null = rusqlite::types::Null;
    st.raw_bind_parameter(1, origin)?;
    st.raw_bind_parameter(2, r.origin_id)?;
    st.raw_bind_parameter(3, null)?;
    st.raw_bind_parameter(4, null)?;
    st.raw_bind_parameter(5, start.as_ref().map(IsoDate::as_str))?;
    st.raw_bind_parameter(6, end.as_ref().map(IsoDate::as_str))?;
    st.raw_bind_parameter(7, granularity)?;
    st.raw_bind_parameter(8, r.date_start.map(|_| false))?;
    st.raw_bind_parameter(9, story.as_ref().map(IsoDate::as_str))?;
    st.raw_bind_parameter(10, r.source)?;
    st.raw_bind_parameter(11, r.source_actor)?;
    st.raw_bind_parameter(12, r.source_agent)?;
    st.raw_bind_parameter(13, r.source_text)?;
    st.raw_bind_parameter(14, null)?;
    st.raw_bind_parameter(15, null)?;
    st.raw_bind_parameter(16, r.target)?;
    st.raw_bind_parameter(17, r.target_actor)?;
    st.raw_bind_parameter(18, r.target_agent)?;
    st.raw_bind_parameter(19, r.target_text)?;
    st.raw_bind_parameter(20, null)?;
    st.raw_bind_parameter(21, null)?;
    st.raw_bind_parameter(22, r.code.as_str())?;
    st.raw_bind_parameter(23, r.code.root())?;
    st.raw_bind_parameter(24, r.code.quad_class().map(QuadClass::number))?;
    // A code the CAMEO table lacks (a dictionary's own) has no score: NULL.
    st.raw_bind_parameter(25, r.goldstein.or(info.map(|i| i.goldstein)))?;
    st.raw_bind_parameter(26, info.and_then(|i| i.plover_event.as_deref()))?;
    st.raw_bind_parameter(27, info.and_then(|i| i.plover_mode.as_deref()))?;
    st.raw_bind_parameter(28, r.negated)?;
    for i in 29..=35 {
        st.raw_bind_parameter(i, null)?;
    }
    st.raw_bind_parameter(36, r.url)?;
    st.raw_bind_parameter(37, r.sentence_text)?;
    st.raw_bind_parameter(38, null)?;
    // Bound as text straight from the bytes serde_json wrote (no copy into a String).
    let attributes = r.attributes.map(|b| ToSqlOutput::Borrowed(ValueRef::Text(b)));
    st.raw_bind_parameter(39, attributes)?;
    Ok(st.raw_execute()? > 0)
}

impl Store {
    /// Stores events imported from `origin` (`gdelt`, `icews`, …; not `axis`), all in one
    /// transaction. Idempotent: a row whose `(origin, origin_id)` is stored already is skipped
    /// and counted, so importing the same file twice adds nothing. Rows with no id are rejected
    /// and reported; the rest are stored. For millions of rows, [`Store::bulk_import`] is faster.
    pub fn insert_imported(&mut self, origin: &str, rows: &[ImportRow]) -> Result<ImportCounts, StoreError> {
        if !valid_origin(origin) || origin == AXIS_ORIGIN {
            return Err(StoreError::new(&self.path, StoreErrorKind::BadOrigin(origin.to_string())));
        }
        let cameo = CameoTable::builtin().ok();
        let path = self.path.clone();
        let err = |e| StoreError::sqlite(&path, e);
        let tx = self.conn.transaction().map_err(err)?;
        let mut counts = ImportCounts::default();
        {
            let mut st = tx.prepare_cached(&insert_imported_sql()).map_err(err)?;
            for (index, r) in rows.iter().enumerate() {
                if r.origin_id.trim().is_empty() {
                    counts.rejected.push(RowProblem { index, problem: "no origin id".into() });
                    continue;
                }
                let attributes =
                    (!r.attributes.is_empty()).then(|| serde_json::to_vec(&r.attributes).unwrap_or_default());
                if insert_row(&mut st, origin, cameo.as_ref(), &RowRef::of(r, attributes.as_deref()))
                    .map_err(err)?
                {
                    counts.inserted += 1;
                } else {
                    counts.skipped += 1;
                }
            }
        }
        tx.commit().map_err(err)?;
        Ok(counts)
    }
}

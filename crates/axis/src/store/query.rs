//! Reading: event queries streamed row by row, and counts of what is stored.
//!
//! An [`EventQuery`] becomes one SQL statement; rows are handed to a callback as SQLite produces
//! them, in insertion (input) order, so memory stays flat however many rows match. The one-a-day
//! filter keeps the first event of each (date, source, target, code) — GDELT's and Phoenix's way
//! of not counting one happening reported by many stories many times.

use super::{Store, StoreError};
use crate::cameo::EventCode;
use crate::io::EventRecord;
use crate::when::Date;
use rusqlite::types::Value;

/// Which actors an event must involve. Codes are prefixes: `CHN` matches `CHN`, `CHNGOV`,
/// `CHNMIL`…
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum ActorFilter {
    /// Any event.
    #[default]
    Any,
    /// Source or target matches one of these.
    Involving(Vec<String>),
    /// Source and target both match one of these (events among them, either direction).
    Between(Vec<String>),
    /// Source matches one of `sources` and target one of `targets` (an empty list matches all).
    Directed {
        /// Source prefixes.
        sources: Vec<String>,
        /// Target prefixes.
        targets: Vec<String>,
    },
}

/// Which events to read. The default reads all of them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventQuery {
    /// Events whose date starts on or after this day.
    pub from: Option<Date>,
    /// Events whose date starts on or before this day.
    pub to: Option<Date>,
    /// Actor filter.
    pub actors: ActorFilter,
    /// CAMEO code prefixes (`04` = every consultation, `042`): any of them.
    pub codes: Vec<String>,
    /// CAMEO root codes 1–20: any of them.
    pub roots: Vec<u8>,
    /// QuadClasses 1–4: any of them.
    pub quad_classes: Vec<u8>,
    /// Origins (`axis`, `gdelt`, `icews`): any of them.
    pub origins: Vec<String>,
    /// Keep only the first event of each (date, source, target, code).
    pub one_a_day: bool,
    /// Only these row ids ([`EventRow::id`]), when not empty: evidence for events found earlier.
    pub ids: Vec<i64>,
}

/// One stored event, compactly: what analytics aggregate over.
#[derive(Clone, Debug, PartialEq)]
pub struct EventRow {
    /// Row id (insertion order).
    pub id: i64,
    /// First day of the event's date.
    pub date_start: Option<Date>,
    /// Last day.
    pub date_end: Option<Date>,
    /// Source actor code.
    pub source: String,
    /// Target actor code, empty when none.
    pub target: String,
    /// Event code: CAMEO, or a PETRARCH dictionary's own.
    pub code: EventCode,
    /// CAMEO root (1–20); `None` for a code that is not CAMEO.
    pub root: Option<u8>,
    /// QuadClass 1–4; `None` for a code that is not CAMEO.
    pub quad_class: Option<u8>,
    /// Goldstein value; `None` when the code has none.
    pub goldstein: Option<f32>,
    /// Negated in the text.
    pub negated: bool,
    /// Where it came from: `axis` or an import source.
    pub origin: String,
    /// The stored document it was coded from (axis events).
    pub doc: Option<i64>,
    /// Sentence index in that document.
    pub sentence: Option<u32>,
}

/// One stored event as relation analytics read it (dyads, triangles…): the columns the
/// `events_pair` index covers, so that reading the events between actors never touches the table.
#[derive(Clone, Debug, PartialEq)]
pub struct RelationRow {
    /// Row id (insertion order).
    pub id: i64,
    /// First day of the event's date.
    pub date_start: Option<Date>,
    /// Last day.
    pub date_end: Option<Date>,
    /// Source actor code.
    pub source: String,
    /// Target actor code, empty when none.
    pub target: String,
    /// CAMEO code.
    pub code: EventCode,
    /// Goldstein value; `None` for a code outside CAMEO.
    pub goldstein: Option<f32>,
    /// Negated in the text.
    pub negated: bool,
}

/// Events of one origin in one year (`None`: undated).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OriginCount {
    /// Origin.
    pub origin: String,
    /// Year of the event's date.
    pub year: Option<i32>,
    /// Events.
    pub events: u64,
}

/// What a store holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Documents (near-duplicates included).
    pub documents: u64,
    /// Documents stored as near-duplicates of an earlier one (linked, their events not counted).
    pub near_duplicates: u64,
    /// Sentences.
    pub sentences: u64,
    /// Quantities.
    pub quantities: u64,
    /// Events, all origins.
    pub events: u64,
    /// Events by origin and year, in that order.
    pub by_origin_year: Vec<OriginCount>,
    /// Events by CAMEO root.
    pub by_root: Vec<(u8, u64)>,
    /// Documents by source (publisher), most first; `None` when the input named none.
    pub documents_by_source: Vec<(Option<String>, u64)>,
    /// Documents by the dictionary version that coded them.
    pub dict_versions: Vec<(Option<String>, u64)>,
}

/// A GLOB pattern matching strings that start with `prefix` (GLOB is case-sensitive and, unlike
/// LIKE, uses the indexes on source and target).
fn glob_prefix(prefix: &str) -> String {
    let mut g = String::with_capacity(prefix.len() + 1);
    for c in prefix.chars() {
        match c {
            '*' | '?' | '[' => {
                g.push('[');
                g.push(c);
                g.push(']');
            }
            _ => g.push(c),
        }
    }
    g.push('*');
    g
}

/// SQL conditions and their parameters.
#[derive(Default)]
pub(super) struct Where {
    pub(super) conds: Vec<String>,
    pub(super) params: Vec<Value>,
}

impl Where {
    fn any_prefix(&mut self, column: &str, prefixes: &[String]) -> String {
        let parts: Vec<String> = prefixes
            .iter()
            .map(|p| {
                self.params.push(Value::Text(glob_prefix(p)));
                format!("{column} GLOB ?")
            })
            .collect();
        format!("({})", parts.join(" OR "))
    }

    fn in_list(&mut self, column: &str, values: Vec<Value>) {
        if values.is_empty() {
            return;
        }
        let marks = vec!["?"; values.len()].join(", ");
        self.params.extend(values);
        self.conds.push(format!("{column} IN ({marks})"));
    }

    pub(super) fn of(q: &EventQuery) -> Where {
        let mut w = Where::default();
        if let Some(d) = q.from {
            w.conds.push("e.date_start >= ?".into());
            w.params.push(Value::Text(d.to_string()));
        }
        if let Some(d) = q.to {
            w.conds.push("e.date_start <= ?".into());
            w.params.push(Value::Text(d.to_string()));
        }
        match &q.actors {
            ActorFilter::Any => {}
            ActorFilter::Involving(a) if !a.is_empty() => {
                let s = w.any_prefix("e.source", a);
                let t = w.any_prefix("e.target", a);
                w.conds.push(format!("({s} OR {t})"));
            }
            ActorFilter::Between(a) if !a.is_empty() => {
                let s = w.any_prefix("e.source", a);
                let t = w.any_prefix("e.target", a);
                w.conds.push(format!("({s} AND {t})"));
                // Implied when every prefix has its first 3-character part (actor codes always
                // do): both sides' first part among theirs. Equality on the first two columns of
                // the covering `events_pair` index, one range per (source, target) pair of parts
                // and no row met twice.
                let mut firsts: Vec<&str> = a.iter().filter_map(|p| p.get(..3)).collect();
                if firsts.len() == a.len() {
                    firsts.sort_unstable();
                    firsts.dedup();
                    for column in ["e.source", "e.target"] {
                        let marks = vec!["?"; firsts.len()].join(", ");
                        w.conds.push(format!("substr({column}, 1, 3) IN ({marks})"));
                        w.params.extend(firsts.iter().map(|f| Value::Text(f.to_string())));
                    }
                }
            }
            ActorFilter::Involving(_) | ActorFilter::Between(_) => {}
            ActorFilter::Directed { sources, targets } => {
                if !sources.is_empty() {
                    let s = w.any_prefix("e.source", sources);
                    w.conds.push(s);
                }
                if !targets.is_empty() {
                    let t = w.any_prefix("e.target", targets);
                    w.conds.push(t);
                }
            }
        }
        if !q.codes.is_empty() {
            let c = w.any_prefix("e.code", &q.codes);
            w.conds.push(c);
        }
        w.in_list("e.root", q.roots.iter().map(|&r| Value::Integer(r.into())).collect());
        w.in_list("e.quad_class", q.quad_classes.iter().map(|&r| Value::Integer(r.into())).collect());
        w.in_list("e.origin", q.origins.iter().map(|o| Value::Text(o.clone())).collect());
        w.in_list("e.id", q.ids.iter().map(|&i| Value::Integer(i)).collect());
        w
    }

    /// The full statement: `columns` from `events e` (plus `joins`), filtered, de-duplicated
    /// one-a-day if asked, in id order (with `ordered` or one-a-day; otherwise as the index
    /// used gives them).
    pub(super) fn select(
        self,
        q: &EventQuery,
        columns: &str,
        joins: &str,
        ordered: bool,
    ) -> (String, Vec<Value>) {
        let filter =
            if self.conds.is_empty() { String::new() } else { format!("WHERE {}", self.conds.join(" AND ")) };
        let sql = if q.one_a_day {
            format!(
                "SELECT * FROM (SELECT {columns}, row_number() OVER (PARTITION BY e.date_start, e.date_end, \
                 e.source, e.target, e.code ORDER BY e.id) AS one_a_day FROM events e {joins} {filter}) \
                 WHERE one_a_day = 1 ORDER BY 1"
            )
        } else {
            let order = if ordered { " ORDER BY e.id" } else { "" };
            format!("SELECT {columns} FROM events e {joins} {filter}{order}")
        };
        (sql, self.params)
    }
}

fn date(s: Option<String>) -> Option<Date> {
    s.and_then(|s| Date::parse(&s).ok())
}

const ROW_COLUMNS: &str =
    "e.id, e.date_start, e.date_end, e.source, e.target, e.code, e.root, e.quad_class, \
     e.goldstein, e.negated, e.origin, e.doc, e.sentence";

fn event_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<EventRow> {
    let code = event_code(r, 5)?;
    Ok(EventRow {
        id: r.get(0)?,
        date_start: date(r.get(1)?),
        date_end: date(r.get(2)?),
        source: r.get(3)?,
        target: r.get(4)?,
        code,
        root: r.get(6)?,
        quad_class: r.get(7)?,
        goldstein: r.get::<_, Option<f64>>(8)?.map(|g| g as f32),
        negated: r.get(9)?,
        origin: r.get(10)?,
        doc: r.get(11)?,
        sentence: r.get(12)?,
    })
}

pub(super) const RELATION_COLUMNS: &str =
    "e.id, e.date_start, e.date_end, e.source, e.target, e.code, e.goldstein, e.negated";

fn relation_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<RelationRow> {
    Ok(RelationRow {
        id: r.get(0)?,
        date_start: date(r.get(1)?),
        date_end: date(r.get(2)?),
        source: r.get(3)?,
        target: r.get(4)?,
        code: event_code(r, 5)?,
        goldstein: r.get::<_, Option<f64>>(6)?.map(|g| g as f32),
        negated: r.get(7)?,
    })
}

/// A stored event code: CAMEO, or a PETRARCH dictionary's own (`174K`).
fn event_code(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<EventCode> {
    let code: String = r.get(i)?;
    EventCode::user_defined(&code).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            format!("not an event code: {code:?}").into(),
        )
    })
}

pub(super) const RECORD_COLUMNS: &str = "e.id, d.doc_key, e.origin, e.origin_id, e.sentence, e.date_start, e.date_end, \
     e.date_granularity, e.date_fallback, e.story_date, e.source, e.source_actor, e.source_agent, e.source_text, \
     e.source_start, e.source_end, e.target, e.target_actor, e.target_agent, e.target_text, e.target_start, \
     e.target_end, e.code, e.root, e.quad_class, e.goldstein, e.plover_event, e.plover_mode, e.negated, \
     e.modality, e.verb, e.verb_start, e.verb_end, e.pattern_start, e.pattern_end, e.pattern, e.url, \
     COALESCE(CAST(e.sentence_text AS BLOB), substr(CAST(d.text AS BLOB), s.start + 1, s.end - s.start))";

pub(super) const RECORD_JOINS: &str =
    "LEFT JOIN documents d ON d.id = e.doc LEFT JOIN sentences s ON s.doc = e.doc AND s.idx = e.sentence";

pub(super) fn event_record(r: &rusqlite::Row<'_>) -> rusqlite::Result<EventRecord> {
    let text =
        |i: usize| -> rusqlite::Result<String> { Ok(r.get::<_, Option<String>>(i)?.unwrap_or_default()) };
    let num = |i: usize| -> rusqlite::Result<u32> { Ok(r.get::<_, Option<u32>>(i)?.unwrap_or(0)) };
    let doc = match r.get::<_, Option<String>>(1)? {
        Some(key) => key,
        None => format!("{}:{}", text(2)?, text(3)?),
    };
    let sentence_bytes: Option<Vec<u8>> = r.get(37)?;
    let sentence_text = sentence_bytes
        .map(|b| String::from_utf8_lossy(&b).split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    Ok(EventRecord {
        doc,
        sentence: r.get::<_, Option<i64>>(4)?.unwrap_or(0) as usize,
        sentence_text,
        date_start: text(5)?,
        date_end: text(6)?,
        date_granularity: text(7)?,
        date_fallback: r.get::<_, Option<bool>>(8)?.unwrap_or(false),
        story_date: text(9)?,
        source: text(10)?,
        source_actor: text(11)?,
        source_agent: text(12)?,
        source_text: text(13)?,
        source_start: num(14)?,
        source_end: num(15)?,
        target: text(16)?,
        target_actor: text(17)?,
        target_agent: text(18)?,
        target_text: text(19)?,
        target_start: num(20)?,
        target_end: num(21)?,
        code: text(22)?,
        root: r.get::<_, Option<u8>>(23)?.map_or(String::new(), |root| format!("{root:02}")),
        quad_class: r.get(24)?,
        goldstein: r.get::<_, Option<f64>>(25)?.map(|g| g as f32),
        plover_event: text(26)?,
        plover_mode: text(27)?,
        negated: r.get(28)?,
        modality: text(29)?,
        verb: text(30)?,
        verb_start: num(31)?,
        verb_end: num(32)?,
        pattern_start: num(33)?,
        pattern_end: num(34)?,
        pattern: text(35)?,
        url: text(36)?,
    })
}

/// A stored event as exports see it: [`EventRecord`] and what identifies the row.
#[derive(Clone, Debug)]
pub struct ExportRecord {
    /// Row id (insertion order).
    pub id: i64,
    /// `axis` or the import source (`gdelt`, `icews`).
    pub origin: String,
    /// The row's id in its source (imported rows).
    pub origin_id: Option<String>,
    /// Every evidence field.
    pub event: EventRecord,
    /// Columns only the import source has (GDELT's mentions, tone, geography…); empty for axis
    /// events.
    pub attributes: serde_json::Map<String, serde_json::Value>,
}

fn export_record(r: &rusqlite::Row<'_>) -> rusqlite::Result<ExportRecord> {
    let attributes = match r.get::<_, Option<String>>(38)? {
        Some(json) => match serde_json::from_str(&json) {
            Ok(serde_json::Value::Object(map)) => map,
            _ => {
                return Err(rusqlite::Error::FromSqlConversionFailure(
                    38,
                    rusqlite::types::Type::Text,
                    format!("attributes are not a JSON object: {json:?}").into(),
                ))
            }
        },
        None => serde_json::Map::new(),
    };
    Ok(ExportRecord {
        id: r.get(0)?,
        origin: r.get(2)?,
        origin_id: r.get(3)?,
        event: event_record(r)?,
        attributes,
    })
}

impl Store {
    /// Streams the events `q` selects, in insertion order, to `each` (which returns `false` to
    /// stop). Returns how many rows were handed over.
    pub fn events(&self, q: &EventQuery, mut each: impl FnMut(EventRow) -> bool) -> Result<u64, StoreError> {
        let (sql, params) = Where::of(q).select(q, ROW_COLUMNS, "", true);
        self.stream(&sql, params, event_row, &mut each)
    }

    /// Streams the events `q` selects as [`RelationRow`]s: the same rows as [`Store::events`],
    /// with only the columns relation analytics need — for events between actors
    /// ([`ActorFilter::Between`]) read from the `events_pair` index alone — but in the order the
    /// index gives them (insertion order only with `one_a_day`): sort by [`RelationRow::id`]
    /// where order matters. Sorting in memory is cheaper than SQLite's sorter.
    pub fn relation_rows(
        &self,
        q: &EventQuery,
        mut each: impl FnMut(RelationRow) -> bool,
    ) -> Result<u64, StoreError> {
        let (sql, params) = Where::of(q).select(q, RELATION_COLUMNS, "", false);
        self.stream(&sql, params, relation_row, &mut each)
    }

    /// Streams the events `q` selects as full records (every evidence field; the sentence text
    /// comes from the stored document), for export. Imported rows have `doc` = `origin:origin_id`.
    pub fn event_records(
        &self,
        q: &EventQuery,
        mut each: impl FnMut(EventRecord) -> bool,
    ) -> Result<u64, StoreError> {
        let (sql, params) = Where::of(q).select(q, RECORD_COLUMNS, RECORD_JOINS, true);
        self.stream(&sql, params, event_record, &mut each)
    }

    /// Streams the events `q` selects as [`ExportRecord`]s: the full record plus the row id, the
    /// origin and its id, and an imported row's own columns (`attributes`), for exports that
    /// write back what a dataset had (GDELT, PLOVER, Parquet).
    pub fn export_records(
        &self,
        q: &EventQuery,
        mut each: impl FnMut(ExportRecord) -> bool,
    ) -> Result<u64, StoreError> {
        let columns = format!("{RECORD_COLUMNS}, e.attributes");
        let (sql, params) = Where::of(q).select(q, &columns, RECORD_JOINS, true);
        self.stream(&sql, params, export_record, &mut each)
    }

    fn stream<T>(
        &self,
        sql: &str,
        params: Vec<Value>,
        row: fn(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
        each: &mut dyn FnMut(T) -> bool,
    ) -> Result<u64, StoreError> {
        let err = |e| self.err(e);
        let mut st = self.conn.prepare(sql).map_err(err)?;
        let mut rows = st.query(rusqlite::params_from_iter(params)).map_err(err)?;
        let mut n = 0;
        while let Some(r) = rows.next().map_err(err)? {
            n += 1;
            if !each(row(r).map_err(err)?) {
                break;
            }
        }
        Ok(n)
    }

    /// Counts of documents, sentences, quantities and events (by origin and year, by root).
    pub fn stats(&self) -> Result<Stats, StoreError> {
        let err = |e| self.err(e);
        let count = |sql: &str| -> Result<u64, StoreError> {
            self.conn.query_row(sql, [], |r| r.get::<_, i64>(0)).map(|n| n as u64).map_err(err)
        };
        let mut stats = Stats {
            documents: count("SELECT count(*) FROM documents")?,
            near_duplicates: count("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL")?,
            sentences: count("SELECT count(*) FROM sentences")?,
            quantities: count("SELECT count(*) FROM quantities")?,
            events: count("SELECT count(*) FROM events")?,
            ..Stats::default()
        };
        let mut st = self
            .conn
            .prepare(
                "SELECT origin, CAST(substr(date_start, 1, 4) AS INTEGER), count(*) FROM events
                 GROUP BY 1, 2 ORDER BY 1, 2",
            )
            .map_err(err)?;
        stats.by_origin_year = st
            .query_map([], |r| {
                Ok(OriginCount { origin: r.get(0)?, year: r.get(1)?, events: r.get::<_, i64>(2)? as u64 })
            })
            .map_err(err)?
            .collect::<Result<_, _>>()
            .map_err(err)?;
        let pairs = |sql: &str| -> Result<Vec<(Option<String>, u64)>, StoreError> {
            let mut st = self.conn.prepare(sql).map_err(err)?;
            let rows = st.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64))).map_err(err)?;
            rows.collect::<Result<_, _>>().map_err(err)
        };
        stats.by_root = pairs("SELECT CAST(root AS TEXT), count(*) FROM events GROUP BY root ORDER BY root")?
            .into_iter()
            .filter_map(|(r, n)| Some((r?.parse().ok()?, n)))
            .collect();
        stats.documents_by_source =
            pairs("SELECT source, count(*) FROM documents GROUP BY source ORDER BY 2 DESC, 1")?;
        stats.dict_versions =
            pairs("SELECT dict_version, count(*) FROM documents GROUP BY dict_version ORDER BY 2 DESC, 1")?;
        Ok(stats)
    }
}

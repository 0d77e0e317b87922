//! Browsing: what a reader looking at the store needs, as opposed to what an export streams —
//! pages of events with their row ids and evidence, one document with its sentences and events,
//! and the counts an overview draws (volume by month and QuadClass, the busiest dyads).
//!
//! Every statement is built from an [`EventQuery`] through the same filter code as
//! [`Store::events`](super::Store::events), with values bound as parameters. Pages are keyed by row
//! id ("events after id N"), so a page costs the same wherever it falls and a reader walking the
//! pages sees every matching event exactly once even while an ingest appends new ones.

use super::query::{event_record, Where, RECORD_COLUMNS, RECORD_JOINS};
use super::{EventQuery, Store, StoreError};
use crate::io::EventRecord;
use rusqlite::types::Value;

/// Where an event's parts are in its sentence: byte offsets into [`Evidence::sentence`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    /// The sentence as stored (the published text, whitespace kept).
    pub sentence: String,
    /// Where the sentence starts in its document's text.
    pub sentence_start: u32,
    /// The source actor's words, `[start, end)`.
    pub source: Option<(u32, u32)>,
    /// The target actor's words.
    pub target: Option<(u32, u32)>,
    /// The verb (the pattern's head word).
    pub verb: Option<(u32, u32)>,
}

/// A stored event: its row id, the document it was coded from and where its parts are.
#[derive(Clone, Debug)]
pub struct StoredEvent {
    /// Row id (insertion order; the key pages are cut by).
    pub id: i64,
    /// The stored document (axis events; `None` for imported rows).
    pub document: Option<i64>,
    /// Every field of the event.
    pub record: EventRecord,
    /// Its sentence with the spans of source, target and verb (axis events).
    pub evidence: Option<Evidence>,
}

/// One page of events.
#[derive(Clone, Debug)]
pub struct EventPage {
    /// The events, in id order.
    pub events: Vec<StoredEvent>,
    /// The id to continue after, when more events match.
    pub next: Option<i64>,
}

/// A stored document with its sentences and events.
#[derive(Clone, Debug)]
pub struct StoredDocument {
    /// Row id.
    pub id: i64,
    /// The id the input gave it.
    pub key: String,
    /// Publisher, when known.
    pub source: Option<String>,
    /// URL, when known.
    pub url: Option<String>,
    /// Title, when known.
    pub title: Option<String>,
    /// Story date (YYYY-MM-DD), when known.
    pub story_date: Option<String>,
    /// The text as published.
    pub text: String,
    /// Byte spans of its sentences in `text`.
    pub sentences: Vec<(u32, u32)>,
    /// Its events, in id order.
    pub events: Vec<StoredEvent>,
    /// For a near-duplicate: the original's row id and the estimated similarity. A copy has no
    /// sentences or events of its own; they are the original's.
    pub duplicate_of: Option<(i64, f64)>,
}

/// Events of one QuadClass in one month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthVolume {
    /// `YYYY-MM`.
    pub month: String,
    /// QuadClass 1–4.
    pub quad_class: u8,
    /// Events.
    pub events: u64,
}

/// Events between two actors (country or organisation parts of the codes), either direction.
#[derive(Clone, Debug, PartialEq)]
pub struct DyadCount {
    /// The actor that comes first alphabetically.
    pub a: String,
    /// The other actor.
    pub b: String,
    /// Events from `a` to `b`.
    pub a_to_b: u64,
    /// Events from `b` to `a`.
    pub b_to_a: u64,
    /// Mean Goldstein value over both directions; `None` when no event between them has one.
    pub goldstein: Option<f64>,
}

/// The most events one page holds.
pub const MAX_PAGE: usize = 1000;

/// `FROM` clause (aliased `e`) of the events `q` selects, one-a-day applied, and its parameters.
fn selected(q: &EventQuery) -> (String, Vec<Value>) {
    let w = Where::of(q);
    let filter = if w.conds.is_empty() { String::new() } else { format!("WHERE {}", w.conds.join(" AND ")) };
    let from = if q.one_a_day {
        format!(
            "(SELECT * FROM (SELECT e.*, row_number() OVER (PARTITION BY e.date_start, e.date_end, e.source, \
             e.target, e.code ORDER BY e.id) AS one_a_day FROM events e {filter}) WHERE one_a_day = 1) e"
        )
    } else {
        format!("(SELECT e.* FROM events e {filter}) e")
    };
    (from, w.params)
}

/// Columns after [`RECORD_COLUMNS`]: document row, sentence start, text offset, raw sentence.
const EVIDENCE_COLUMNS: &str =
    "e.doc, s.start, d.text_offset, substr(CAST(d.text AS BLOB), s.start + 1, s.end - s.start)";

fn stored_event(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredEvent> {
    let record = event_record(r)?;
    let id: i64 = r.get(0)?;
    let document: Option<i64> = r.get(38)?;
    let sentence_start: Option<u32> = r.get(39)?;
    let text_offset: Option<u32> = r.get(40)?;
    let sentence: Option<Vec<u8>> = r.get(41)?;
    let evidence = match (document, sentence_start, sentence) {
        (Some(_), Some(start), Some(bytes)) => {
            let sentence = String::from_utf8_lossy(&bytes).into_owned();
            let base = start + text_offset.unwrap_or(0);
            // Offsets in a record point into the source file; a span is kept only when it lies
            // inside the sentence on character boundaries (a stale or imported row may not).
            let span = |s: u32, e: u32| -> Option<(u32, u32)> {
                let (s, e) = (s.checked_sub(base)?, e.checked_sub(base)?);
                (s < e && sentence.get(s as usize..e as usize).is_some()).then_some((s, e))
            };
            Some(Evidence {
                source: span(record.source_start, record.source_end),
                target: if record.target.is_empty() {
                    None
                } else {
                    span(record.target_start, record.target_end)
                },
                verb: span(record.verb_start, record.verb_end),
                sentence_start: start,
                sentence,
            })
        }
        _ => None,
    };
    Ok(StoredEvent { id, document, record, evidence })
}

impl Store {
    /// The events `q` selects whose id is greater than `after`, at most `limit` of them (capped
    /// at [`MAX_PAGE`]), in id order, with their evidence.
    pub fn event_page(
        &self,
        q: &EventQuery,
        after: Option<i64>,
        limit: usize,
    ) -> Result<EventPage, StoreError> {
        let limit = limit.clamp(1, MAX_PAGE);
        let (from, mut params) = selected(q);
        params.push(Value::Integer(after.unwrap_or(i64::MIN)));
        params.push(Value::Integer(limit as i64 + 1));
        let sql = format!(
            "SELECT {RECORD_COLUMNS}, {EVIDENCE_COLUMNS} FROM {from} {RECORD_JOINS} WHERE e.id > ? \
             ORDER BY e.id LIMIT ?"
        );
        let mut events = self.rows(&sql, params, stored_event)?;
        let next = if events.len() > limit {
            events.truncate(limit);
            events.last().map(|e| e.id)
        } else {
            None
        };
        Ok(EventPage { events, next })
    }

    /// The document stored under row id `id`, with its sentences and events.
    pub fn document(&self, id: i64) -> Result<Option<StoredDocument>, StoreError> {
        let err = |e| self.err(e);
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT id, doc_key, source, url, title, story_date, text, duplicate_of, similarity
                 FROM documents WHERE id = ?",
            )
            .map_err(err)?;
        let mut rows = st.query([id]).map_err(err)?;
        let Some(r) = rows.next().map_err(err)? else {
            return Ok(None);
        };
        let mut doc = StoredDocument {
            id: r.get(0).map_err(err)?,
            key: r.get(1).map_err(err)?,
            source: r.get(2).map_err(err)?,
            url: r.get(3).map_err(err)?,
            title: r.get(4).map_err(err)?,
            story_date: r.get(5).map_err(err)?,
            text: r.get(6).map_err(err)?,
            sentences: Vec::new(),
            events: Vec::new(),
            duplicate_of: match (r.get(7).map_err(err)?, r.get::<_, Option<f64>>(8).map_err(err)?) {
                (Some(original), similarity) => Some((original, similarity.unwrap_or(1.0))),
                (None, _) => None,
            },
        };
        drop(rows);
        let mut st = self
            .conn
            .prepare_cached("SELECT start, end FROM sentences WHERE doc = ? ORDER BY idx")
            .map_err(err)?;
        doc.sentences = st
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(err)?
            .collect::<Result<_, _>>()
            .map_err(err)?;
        let sql = format!(
            "SELECT {RECORD_COLUMNS}, {EVIDENCE_COLUMNS} FROM events e {RECORD_JOINS} WHERE e.doc = ? ORDER BY e.id"
        );
        doc.events = self.rows(&sql, vec![Value::Integer(id)], stored_event)?;
        Ok(Some(doc))
    }

    /// Dated events `q` selects, counted by month and QuadClass, in month order (events whose code
    /// is not CAMEO have no QuadClass and are not counted).
    pub fn volume_by_month(&self, q: &EventQuery) -> Result<Vec<MonthVolume>, StoreError> {
        let (from, params) = selected(q);
        let sql = format!(
            "SELECT substr(e.date_start, 1, 7), e.quad_class, count(*) FROM {from} \
             WHERE e.date_start IS NOT NULL AND e.quad_class IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2"
        );
        self.rows(&sql, params, |r| {
            Ok(MonthVolume { month: r.get(0)?, quad_class: r.get(1)?, events: r.get::<_, i64>(2)? as u64 })
        })
    }

    /// The `limit` pairs of actors (the country or organisation part of each code, agents
    /// dropped) with the most events between them among those `q` selects, most first.
    pub fn top_dyads(&self, q: &EventQuery, limit: usize) -> Result<Vec<DyadCount>, StoreError> {
        let (from, mut params) = selected(q);
        params.push(Value::Integer(limit.min(MAX_PAGE) as i64));
        let sql = format!(
            "SELECT min(e.source_actor, e.target_actor) AS a, max(e.source_actor, e.target_actor) AS b, \
             sum(e.source_actor < e.target_actor), sum(e.source_actor > e.target_actor), avg(e.goldstein) \
             FROM {from} WHERE e.source_actor != '' AND e.target_actor != '' \
             AND e.source_actor NOT GLOB '-*' AND e.target_actor NOT GLOB '-*' \
             AND e.source_actor != e.target_actor GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT ?"
        );
        self.rows(&sql, params, |r| {
            Ok(DyadCount {
                a: r.get(0)?,
                b: r.get(1)?,
                a_to_b: r.get::<_, i64>(2)? as u64,
                b_to_a: r.get::<_, i64>(3)? as u64,
                goldstein: r.get(4)?,
            })
        })
    }

    fn rows<T>(
        &self,
        sql: &str,
        params: Vec<Value>,
        row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, StoreError> {
        let err = |e| self.err(e);
        let mut st = self.conn.prepare(sql).map_err(err)?;
        let rows = st.query_map(rusqlite::params_from_iter(params), row).map_err(err)?;
        rows.collect::<Result<_, _>>().map_err(err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cameo::{CameoTable, EventCode};
    use crate::dict::{Dictionary, VerbDictionary};
    use crate::store::{ActorFilter, ImportRow};

    fn demo_store() -> Store {
        let mut store = Store::in_memory().expect("store");
        let dict = Dictionary::builtin().expect("dict");
        let verbs = VerbDictionary::builtin().expect("verbs");
        let cameo = CameoTable::builtin().expect("cameo");
        let coder = crate::code::Coder::new(&dict, &verbs, &cameo);
        let dir = std::env::temp_dir().join(format!("axis-browse-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("docs.jsonl");
        std::fs::write(
            &path,
            concat!(
                r#"{"id":"a","date":"2019-02-02","text":"Russia  attacked Ukraine.\nChina praised Russia."}"#,
                "\n",
                r#"{"id":"b","date":"2019-03-05","text":"Intro line.\n\n\u201cChina  attacked Japan,\u201d he said."}"#,
                "\n"
            ),
        )
        .expect("write");
        let opts = crate::store::IngestOptions::default();
        crate::store::ingest(&mut store, &coder, "v", &[path], &opts, &mut |_| {}).expect("ingest");
        std::fs::remove_dir_all(&dir).ok();
        store
    }

    #[test]
    fn evidence_spans_point_at_the_words() {
        let store = demo_store();
        let page = store.event_page(&EventQuery::default(), None, 100).expect("page");
        assert!(page.events.len() >= 3, "{:?}", page.events);
        for e in &page.events {
            let ev = e.evidence.as_ref().expect("axis events have evidence");
            let (s, t) = ev.source.expect("source span");
            assert_eq!(&ev.sentence[s as usize..t as usize], e.record.source_text);
            if let Some((s, t)) = ev.target {
                assert_eq!(&ev.sentence[s as usize..t as usize], e.record.target_text);
            }
            let (s, t) = ev.verb.expect("verb span");
            assert_eq!(&ev.sentence[s as usize..t as usize], e.record.verb);
        }
    }

    #[test]
    fn pages_walk_every_event_once_with_and_without_one_a_day() {
        let store = demo_store();
        for one_a_day in [false, true] {
            let q = EventQuery { one_a_day, ..EventQuery::default() };
            let mut all = Vec::new();
            store
                .events(&q, |r| {
                    all.push(r.id);
                    true
                })
                .expect("events");
            let (mut seen, mut after) = (Vec::new(), None);
            loop {
                let page = store.event_page(&q, after, 1).expect("page");
                seen.extend(page.events.iter().map(|e| e.id));
                match page.next {
                    Some(n) => after = Some(n),
                    None => break,
                }
            }
            assert_eq!(seen, all);
        }
    }

    #[test]
    fn documents_come_with_sentences_and_events() {
        let store = demo_store();
        assert!(store.document(999).expect("query").is_none());
        let doc = store.document(2).expect("query").expect("doc 2");
        assert_eq!(doc.key, "b");
        assert_eq!(doc.sentences.len(), 2);
        assert!(!doc.events.is_empty());
        for e in &doc.events {
            let ev = e.evidence.as_ref().expect("evidence");
            let (s, _) = doc.sentences[e.record.sentence];
            assert_eq!(ev.sentence_start, s);
        }
    }

    #[test]
    fn aggregates_count_what_the_filter_selects() {
        let mut store = demo_store();
        let row = ImportRow {
            source: "USA".into(),
            target: "CHN".into(),
            ..ImportRow::new("1", EventCode::new("042").expect("code"))
        };
        store.insert_imported("test", &[row]).expect("import");
        let all: u64 =
            store.volume_by_month(&EventQuery::default()).expect("volume").iter().map(|v| v.events).sum();
        let mut dated = 0;
        store
            .events(&EventQuery::default(), |r| {
                dated += u64::from(r.date_start.is_some());
                true
            })
            .expect("events");
        assert_eq!(all, dated);
        let q = EventQuery { actors: ActorFilter::Involving(vec!["CHN".into()]), ..EventQuery::default() };
        let dyads = store.top_dyads(&q, 10).expect("dyads");
        assert!(dyads.iter().all(|d| d.a == "CHN" || d.b == "CHN"), "{dyads:?}");
        assert!(dyads.iter().all(|d| d.a < d.b));
    }
}

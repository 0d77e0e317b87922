//! PLOVER-style JSON lines: one event record per line with the field names of the PLOVER data
//! interchange specification (PLOVER manual, "Data Fields"), plus the CAMEO fields PLOVER does not
//! have, prefixed so they cannot be mistaken for PLOVER's own.
//!
//! | PLOVER field  | from                                                                       |
//! |---------------|----------------------------------------------------------------------------|
//! | `id`          | `axis-<row id>` for axis events, `<origin>-<origin id>` for imported ones   |
//! | `date`        | first day of the event's date (else the story date); `null` when undated  |
//! | `enddate`     | last day, when the date is a span (`2018-03` → `2018-03-31`)               |
//! | `actor`       | `[{code, sector, entity_text, cameo_actor}]`: actor part, agent part, the text, the full CAMEO actor code |
//! | `recipient`   | the same for the target; `[]` when the event has none                     |
//! | `event`       | the PLOVER category of the CAMEO code (`[]` for CAMEO 01 and 02, which PLOVER drops) |
//! | `mode`        | the PLOVER mode of the CAMEO code, when it has one                         |
//! | `quad_code`   | the quad class, 1–4; `null` for a code a PETRARCH dictionary made up       |
//! | `event_text`  | the word that triggered the event (axis events)                           |
//! | `text`        | the sentence (axis and ICEWS events)                                       |
//! | `text_info`   | `{sequence, start, end}`: sentence index and byte span of the match        |
//! | `event_loc`   | `{resolved_place, lat, lon, country_code}` of imported rows (ISO code: ICEWS) |
//! | `cite_info`   | `{corpus, citation, url, codebook}`: origin, document id, story URL, `CAMEO` |
//! | `coder`       | `axis` or the dataset that coded it (`gdelt`, `icews`)                     |
//!
//! Extensions (PLOVER allows fields beyond its own): `cameo_code`, `cameo_root`, `goldstein`,
//! `negated`, `modality`, `date_granularity`, `origin`, `origin_id`. PLOVER's `context` is not
//! written: axis does not code contexts.

use crate::store::{ExportRecord, AXIS_ORIGIN};
use serde::Serialize;
use serde_json::Value;
use std::io::{self, Write};

/// An actor or recipient: PLOVER's entity object.
#[derive(Debug, Serialize)]
struct Entity<'a> {
    /// 3-character top-level code (`RUS`).
    code: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    sector: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    entity_text: &'a str,
    /// The whole CAMEO actor code (`RUSGOV`).
    cameo_actor: &'a str,
}

#[derive(Debug, Serialize)]
struct TextInfo {
    sequence: usize,
    start: u32,
    end: u32,
}

#[derive(Debug, Serialize)]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    resolved_place: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lat: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lon: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    country_code: Option<Value>,
}

#[derive(Debug, Serialize)]
struct CiteInfo<'a> {
    corpus: &'a str,
    citation: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    url: &'a str,
    codebook: &'static str,
}

/// One PLOVER record, fields in the manual's order, then the extensions.
#[derive(Debug, Serialize)]
struct Record<'a> {
    id: String,
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    enddate: Option<&'a str>,
    actor: Vec<Entity<'a>>,
    recipient: Vec<Entity<'a>>,
    event: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    mode: Vec<&'a str>,
    quad_code: Option<u8>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    event_text: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    event_loc: Option<Location>,
    #[serde(skip_serializing_if = "str::is_empty")]
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    text_info: Option<TextInfo>,
    cite_info: CiteInfo<'a>,
    coder: &'a str,
    cameo_code: &'a str,
    cameo_root: &'a str,
    goldstein: Option<f32>,
    negated: bool,
    #[serde(skip_serializing_if = "str::is_empty")]
    modality: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    date_granularity: &'a str,
    origin: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    origin_id: Option<&'a str>,
}

fn entity<'a>(code: &'a str, actor: &'a str, agent: &'a str, text: &'a str) -> Vec<Entity<'a>> {
    if code.is_empty() {
        return Vec::new();
    }
    vec![Entity { code: actor, sector: agent, entity_text: text, cameo_actor: code }]
}

fn record(r: &ExportRecord) -> Record<'_> {
    let e = &r.event;
    let nonempty = |s: &'_ str| !s.is_empty();
    let date = [e.date_start.as_str(), e.story_date.as_str()].into_iter().find(|d| nonempty(d));
    let axis = r.origin == AXIS_ORIGIN;
    let id = match (&r.origin_id, axis) {
        (Some(oid), false) => format!("{}-{oid}", r.origin),
        _ => format!("{}-{}", r.origin, r.id),
    };
    let a = |k: &str| r.attributes.get(k).cloned();
    let loc = Location {
        resolved_place: a("geo_name"),
        lat: a("lat"),
        lon: a("lon"),
        country_code: a("geo_actor"),
    };
    let has_loc = loc.resolved_place.is_some() || loc.lat.is_some() || loc.country_code.is_some();
    Record {
        id,
        date,
        enddate: (nonempty(&e.date_end) && e.date_end != e.date_start).then_some(e.date_end.as_str()),
        actor: entity(&e.source, &e.source_actor, &e.source_agent, &e.source_text),
        recipient: entity(&e.target, &e.target_actor, &e.target_agent, &e.target_text),
        event: [e.plover_event.as_str()].into_iter().filter(|s| nonempty(s)).collect(),
        mode: [e.plover_mode.as_str()].into_iter().filter(|s| nonempty(s)).collect(),
        quad_code: e.quad_class,
        event_text: [e.verb.as_str()].into_iter().filter(|s| nonempty(s)).collect(),
        event_loc: has_loc.then_some(loc),
        text: &e.sentence_text,
        text_info: axis.then_some(TextInfo {
            sequence: e.sentence,
            start: e.pattern_start,
            end: e.pattern_end,
        }),
        cite_info: CiteInfo { corpus: &r.origin, citation: &e.doc, url: &e.url, codebook: "CAMEO" },
        coder: &r.origin,
        cameo_code: &e.code,
        cameo_root: &e.root,
        goldstein: e.goldstein,
        negated: e.negated,
        modality: &e.modality,
        date_granularity: &e.date_granularity,
        origin: &r.origin,
        origin_id: r.origin_id.as_deref(),
    }
}

/// Writes [`ExportRecord`]s as PLOVER JSON lines.
#[derive(Debug)]
pub struct PloverWriter<W: Write> {
    out: W,
    written: u64,
}

impl<W: Write> PloverWriter<W> {
    /// A writer to `out`.
    pub fn new(out: W) -> PloverWriter<W> {
        PloverWriter { out, written: 0 }
    }

    /// Writes one event as one line.
    pub fn write(&mut self, r: &ExportRecord) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, &record(r))?;
        self.out.write_all(b"\n")?;
        self.written += 1;
        Ok(())
    }

    /// Records written.
    pub fn written(&self) -> u64 {
        self.written
    }

    /// Flushes and returns the inner writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

//! Events out: JSON lines, TSV, CSV and Phoenix-compatible TSV.
//!
//! Every format carries the same [`EventRecord`], a flat view of an [`Event`] with what the CAMEO
//! table says of its code. JSONL uses the field names as keys; TSV and CSV use them as the header
//! (tabs, newlines and, for CSV, quotes inside fields are escaped). The Phoenix format has no header
//! and the 26 columns of the Phoenix/Cline Center event files (see [`PHOENIX_COLUMNS`]).

use crate::code::{Coder, Event, Participant};
use crate::text::Document;
use serde::Serialize;
use std::io::{self, Write};

/// A flat event record: one line of output.
#[derive(Clone, Debug, Serialize)]
pub struct EventRecord {
    /// Document id.
    pub doc: String,
    /// Sentence index in the document.
    pub sentence: usize,
    /// The sentence as published.
    pub sentence_text: String,
    /// First day of the event's date.
    pub date_start: String,
    /// Last day of the event's date.
    pub date_end: String,
    /// How precise the date is.
    pub date_granularity: String,
    /// Whether the date fell back to the story date.
    pub date_fallback: bool,
    /// Story date.
    pub story_date: String,
    /// Source code (`RUSGOV`).
    pub source: String,
    /// Source actor part (`RUS`).
    pub source_actor: String,
    /// Source agent part (`GOV`).
    pub source_agent: String,
    /// Source text as published (for a pronoun: the pronoun).
    pub source_text: String,
    /// Source byte offsets in the document.
    pub source_start: u32,
    /// End of the source span.
    pub source_end: u32,
    /// Target code, empty when none.
    pub target: String,
    /// Target actor part.
    pub target_actor: String,
    /// Target agent part.
    pub target_agent: String,
    /// Target text.
    pub target_text: String,
    /// Target start offset (0 when none).
    pub target_start: u32,
    /// Target end offset.
    pub target_end: u32,
    /// Event code: CAMEO, or a code the user's PETRARCH dictionary declares (`174K`).
    pub code: String,
    /// CAMEO root code (`04`); empty for a code that is not CAMEO.
    pub root: String,
    /// QuadClass 1–4; `None` (JSON `null`, an empty field) for a code that is not CAMEO.
    pub quad_class: Option<u8>,
    /// Goldstein value of the code; `None` when the CAMEO table has no score for it.
    pub goldstein: Option<f32>,
    /// PLOVER event type, empty when PLOVER has none.
    pub plover_event: String,
    /// PLOVER mode.
    pub plover_mode: String,
    /// Negated in the text.
    pub negated: bool,
    /// Intent, threat or refusal that changed the code, if any.
    pub modality: String,
    /// The pattern's head word.
    pub verb: String,
    /// Head word start offset.
    pub verb_start: u32,
    /// Head word end offset.
    pub verb_end: u32,
    /// Start of everything the pattern matched.
    pub pattern_start: u32,
    /// End of it.
    pub pattern_end: u32,
    /// The pattern that fired, as `file:line`.
    pub pattern: String,
    /// Story URL, if known.
    pub url: String,
}

impl EventRecord {
    /// The record of an event in a document.
    pub fn new(coder: &Coder<'_>, doc: &Document, e: &Event) -> EventRecord {
        let info = coder.info(e.code);
        let sentence = &doc.sentences()[e.sentence];
        let side = |p: Option<&Participant>| match p {
            Some(p) => {
                let r = doc.source_span(p.mention.span);
                (
                    p.mention.code.to_string(),
                    p.mention.actor.to_string(),
                    p.mention.agent.to_string(),
                    doc.raw_slice(p.mention.span).to_string(),
                    r.start,
                    r.end,
                )
            }
            None => Default::default(),
        };
        let (source, source_actor, source_agent, source_text, source_start, source_end) =
            side(Some(&e.source));
        let (target, target_actor, target_agent, target_text, target_start, target_end) =
            side(e.target.as_ref());
        let pattern = coder.verbs().pattern(e.pattern);
        let verb = doc.source_span(e.verb);
        let whole = doc.source_span(e.span);
        EventRecord {
            doc: doc.id.clone(),
            sentence: e.sentence,
            sentence_text: doc.raw_slice(sentence.span).split_whitespace().collect::<Vec<_>>().join(" "),
            date_start: e.date.map_or(String::new(), |d| d.interval.start.to_string()),
            date_end: e.date.map_or(String::new(), |d| d.interval.end.to_string()),
            date_granularity: e.date.map_or(String::new(), |d| d.interval.granularity.as_str().to_string()),
            date_fallback: e.date_is_fallback(),
            story_date: doc.date.map_or(String::new(), |d| d.to_string()),
            source,
            source_actor,
            source_agent,
            source_text,
            source_start,
            source_end,
            target,
            target_actor,
            target_agent,
            target_text,
            target_start,
            target_end,
            code: e.code.to_string(),
            root: e.code.root().map_or(String::new(), |r| format!("{r:02}")),
            quad_class: e.code.quad_class().map(|q| q.number()),
            goldstein: info.map(|i| i.goldstein),
            plover_event: info.and_then(|i| i.plover_event.clone()).unwrap_or_default(),
            plover_mode: info.and_then(|i| i.plover_mode.clone()).unwrap_or_default(),
            negated: e.negated,
            modality: e.modality.map_or(String::new(), |m| format!("{m:?}").to_lowercase()),
            verb: doc.raw_slice(e.verb).to_string(),
            verb_start: verb.start,
            verb_end: verb.end,
            pattern_start: whole.start,
            pattern_end: whole.end,
            pattern: format!("{}:{}", coder.verbs().path(pattern.origin).display(), pattern.origin.line),
            url: doc.url.clone().unwrap_or_default(),
        }
    }

    /// The record's fields as text, in header order.
    pub fn fields(&self) -> Vec<String> {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::Object(map)) => HEADER
                .iter()
                .map(|k| match map.get(*k) {
                    Some(serde_json::Value::String(s)) => s.clone(),
                    Some(serde_json::Value::Null) | None => String::new(),
                    Some(v) => v.to_string(),
                })
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// A quantity as a record: `{"record":"quantity", …}` in JSON lines.
#[derive(Clone, Debug, Serialize)]
pub struct QuantityRecord {
    /// Always `quantity`, to tell it from event lines.
    pub record: &'static str,
    /// Document id.
    pub doc: String,
    /// Sentence index.
    pub sentence: usize,
    /// The quantity as published ("$107 billion").
    pub text: String,
    /// Byte offsets in the document.
    pub start: u32,
    /// End offset.
    pub end: u32,
    /// The value, scale words applied (107e9).
    pub value: f64,
    /// Unit (`usd`, `percent`, `people`, …).
    pub unit: String,
    /// What it counts or is a share of ("trade", "troops").
    pub what: String,
    /// Codes of the actors it is tied to.
    pub actors: Vec<String>,
    /// First day of its date.
    pub date_start: String,
    /// Last day of its date.
    pub date_end: String,
    /// Date granularity.
    pub date_granularity: String,
}

impl QuantityRecord {
    /// The record of a quantity found in sentence `sentence` of `doc`.
    pub fn new(
        doc: &Document,
        coded: &crate::code::Coded,
        sentence: usize,
        q: &crate::code::quantity::Quantity,
    ) -> QuantityRecord {
        let r = doc.source_span(q.span);
        let mentions = coded.sentences.get(sentence).map(|(_, m)| m.as_slice()).unwrap_or(&[]);
        QuantityRecord {
            record: "quantity",
            doc: doc.id.clone(),
            sentence,
            text: doc.raw_slice(q.span).to_string(),
            start: r.start,
            end: r.end,
            value: q.value,
            unit: q.unit.as_str().to_string(),
            what: q.what.clone().unwrap_or_default(),
            actors: q.actors.iter().filter_map(|&i| mentions.get(i)).map(|m| m.code.to_string()).collect(),
            date_start: q.date.map_or(String::new(), |d| d.interval.start.to_string()),
            date_end: q.date.map_or(String::new(), |d| d.interval.end.to_string()),
            date_granularity: q.date.map_or(String::new(), |d| d.interval.granularity.as_str().to_string()),
        }
    }
}

/// Column names of TSV and CSV output, in order (also the JSONL keys).
pub const HEADER: &[&str] = &[
    "doc",
    "sentence",
    "date_start",
    "date_end",
    "date_granularity",
    "date_fallback",
    "story_date",
    "source",
    "source_actor",
    "source_agent",
    "source_text",
    "source_start",
    "source_end",
    "target",
    "target_actor",
    "target_agent",
    "target_text",
    "target_start",
    "target_end",
    "code",
    "root",
    "quad_class",
    "goldstein",
    "plover_event",
    "plover_mode",
    "negated",
    "modality",
    "verb",
    "verb_start",
    "verb_end",
    "pattern_start",
    "pattern_end",
    "pattern",
    "url",
    "sentence_text",
];

/// Columns of the Phoenix format, in order (no header line is written).
pub const PHOENIX_COLUMNS: &[&str] = &[
    "EventID",
    "Date",
    "Year",
    "Month",
    "Day",
    "SourceActorFull",
    "SourceActorEntity",
    "SourceActorRole",
    "SourceActorAttribute",
    "TargetActorFull",
    "TargetActorEntity",
    "TargetActorRole",
    "TargetActorAttribute",
    "EventCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScore",
    "Issues",
    "Lat",
    "Lon",
    "LocationName",
    "StateName",
    "CountryCode",
    "SentenceID",
    "URLs",
    "NewsSources",
];

/// Output formats for events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventFormat {
    /// One JSON object per line.
    Jsonl,
    /// Tab-separated with a header.
    Tsv,
    /// Comma-separated (RFC 4180 quoting) with a header.
    Csv,
    /// Phoenix-compatible tab-separated, no header.
    Phoenix,
}

/// Writes event records in one format.
pub struct EventWriter<W: Write> {
    out: W,
    format: EventFormat,
    wrote_header: bool,
    count: u64,
}

impl<W: Write> EventWriter<W> {
    /// A writer to `out`.
    pub fn new(out: W, format: EventFormat) -> EventWriter<W> {
        EventWriter { out, format, wrote_header: false, count: 0 }
    }

    /// Writes one record.
    pub fn write(&mut self, r: &EventRecord) -> io::Result<()> {
        self.count += 1;
        match self.format {
            EventFormat::Jsonl => {
                serde_json::to_writer(&mut self.out, r)?;
                self.out.write_all(b"\n")
            }
            EventFormat::Tsv | EventFormat::Csv => {
                let sep = if self.format == EventFormat::Tsv { "\t" } else { "," };
                if !self.wrote_header {
                    self.wrote_header = true;
                    writeln!(self.out, "{}", HEADER.join(sep))?;
                }
                let fields: Vec<String> = r.fields().iter().map(|f| self.escape(f)).collect();
                writeln!(self.out, "{}", fields.join(sep))
            }
            EventFormat::Phoenix => {
                let date = r.date_start.replace('-', "");
                let (y, m, d) = (
                    date.get(0..4).unwrap_or(""),
                    date.get(4..6).unwrap_or(""),
                    date.get(6..8).unwrap_or(""),
                );
                let row = [
                    format!("{}-{}-{}", r.doc, r.sentence, self.count),
                    date.clone(),
                    y.to_string(),
                    m.to_string(),
                    d.to_string(),
                    r.source.clone(),
                    r.source_actor.clone(),
                    r.source_agent.clone(),
                    String::new(),
                    r.target.clone(),
                    r.target_actor.clone(),
                    r.target_agent.clone(),
                    String::new(),
                    r.code.clone(),
                    r.root.clone(),
                    r.quad_class.map_or(String::new(), |q| q.to_string()),
                    r.goldstein.map_or(String::new(), |g| g.to_string()),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    format!("{}-{}", r.doc, r.sentence),
                    r.url.clone(),
                    String::new(),
                ];
                let row: Vec<String> = row.iter().map(|f| self.escape(f)).collect();
                writeln!(self.out, "{}", row.join("\t"))
            }
        }
    }

    fn escape(&self, f: &str) -> String {
        match self.format {
            EventFormat::Csv if f.contains([',', '"', '\n', '\r']) => {
                format!("\"{}\"", f.replace('"', "\"\""))
            }
            EventFormat::Csv | EventFormat::Jsonl => f.to_string(),
            EventFormat::Tsv | EventFormat::Phoenix => f.replace(['\t', '\n', '\r'], " "),
        }
    }

    /// Writes a quantity record; JSON lines only (the other formats have event columns).
    pub fn write_quantity(&mut self, q: &QuantityRecord) -> io::Result<()> {
        if self.format != EventFormat::Jsonl {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "quantity records need JSON lines"));
        }
        serde_json::to_writer(&mut self.out, q)?;
        self.out.write_all(b"\n")
    }

    /// Records written so far.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Flushes what was written so far, so that a reader at the other end of a pipe sees it.
    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    /// Flushes and returns the inner writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

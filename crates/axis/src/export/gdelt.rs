//! GDELT 2.0 event files: 61 tab-separated columns, no header, one event per line.
//!
//! A row imported from GDELT (origin `gdelt`) is written back from what the store kept: its
//! `GLOBALEVENTID`, the codes, dates, counts, tone, the actor breakdowns, the three geo blocks,
//! `DATEADDED` and the URL (the `attributes` written by
//! [`ImportRow::from_imported`](crate::store::ImportRow::from_imported)), so that importing the
//! file again stores the same event. Other rows are mapped:
//!
//! | GDELT column                     | from                                                     |
//! |----------------------------------|----------------------------------------------------------|
//! | `GLOBALEVENTID`                  | the row id                                               |
//! | `SQLDATE`, `MonthYear`, `Year`   | the first day of the event's date (else the story date)  |
//! | `FractionDate`                   | year + ((month − 1) × 30 + day) / 365, GDELT's formula   |
//! | `Actor1Code`, `Actor1Name`       | source code, source text                                 |
//! | `Actor1CountryCode`              | the actor part (`RUS` of `RUSGOV`)                       |
//! | `Actor1Type1Code`…`Type3Code`    | the agent part in threes (`GOV`, `MIL`…)                 |
//! | `Actor2…`                        | the same for the target                                  |
//! | `IsRootEvent`                    | axis: 1 when coded from a document's first sentence      |
//! | `EventCode`, `EventBaseCode`, `EventRootCode`, `QuadClass`, `GoldsteinScale` | the code's |
//! | `NumMentions`, `NumSources`, `NumArticles` | axis: 1 (one sentence of one story)           |
//! | `ActionGeo_FullName`, `_Lat`, `_Long` | ICEWS: its place                                    |
//! | `SOURCEURL`                      | the story URL                                            |
//!
//! Everything else is empty. An event with no date at all cannot be a GDELT row: it is skipped
//! and counted ([`GdeltWriter::undated`]).

use crate::store::ExportRecord;
use crate::when::Date;
use serde_json::Value;
use std::io::{self, Write};

/// Number of columns written.
pub const COLUMNS: usize = 61;

/// Writes [`ExportRecord`]s as GDELT 2.0 rows.
#[derive(Debug)]
pub struct GdeltWriter<W: Write> {
    out: W,
    row: Vec<String>,
    line: String,
    written: u64,
    undated: u64,
}

/// An attribute as GDELT writes it: text as is, numbers in their shortest exact form, booleans as
/// `1`/`0`, anything missing empty.
fn attr(r: &ExportRecord, key: &str) -> String {
    match r.attributes.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => u8::from(*b).to_string(),
        _ => String::new(),
    }
}

/// A Goldstein value as GDELT writes it (`1.0`, `-9.5`).
fn goldstein(g: f32) -> String {
    if g.fract() == 0.0 {
        format!("{g:.1}")
    } else {
        g.to_string()
    }
}

/// `2019-02-02T10:15:00Z` → `20190202101500`, `2019-02-02` → `20190202`.
fn date_added(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

impl<W: Write> GdeltWriter<W> {
    /// A writer to `out`.
    pub fn new(out: W) -> GdeltWriter<W> {
        GdeltWriter { out, row: Vec::with_capacity(COLUMNS), line: String::new(), written: 0, undated: 0 }
    }

    /// Writes one event; `Ok(false)` when it has no date and was skipped.
    pub fn write(&mut self, r: &ExportRecord) -> io::Result<bool> {
        let e = &r.event;
        let Some(date) = [&e.date_start, &e.story_date].into_iter().find_map(|d| Date::parse(d).ok()) else {
            self.undated += 1;
            return Ok(false);
        };
        let gdelt = r.origin == "gdelt";
        let row = &mut self.row;
        row.clear();
        let id = match (&r.origin_id, gdelt) {
            (Some(id), true) => id.clone(),
            _ => r.id.to_string(),
        };
        let (y, m, d) = (date.year(), date.month(), date.day());
        row.extend([
            id,
            format!("{y:04}{m:02}{d:02}"),
            format!("{y:04}{m:02}"),
            format!("{y:04}"),
            format!("{:.4}", f64::from(y) + f64::from((m - 1) * 30 + d) / 365.0),
        ]);
        for side in ["source", "target"] {
            let (code, text, actor, agent) = if side == "source" {
                (&e.source, &e.source_text, &e.source_actor, &e.source_agent)
            } else {
                (&e.target, &e.target_text, &e.target_actor, &e.target_agent)
            };
            row.push(code.clone());
            row.push(text.clone());
            if gdelt {
                for name in crate::import::ActorDetail::NAMES {
                    row.push(attr(r, &format!("{side}_{name}")));
                }
            } else {
                let agent = agent.as_bytes();
                let three = |i: usize| {
                    agent
                        .get(i * 3..(i * 3 + 3).min(agent.len()))
                        .map_or(String::new(), |b| String::from_utf8_lossy(b).into_owned())
                };
                let country = if actor.len() == 3 && code.len() >= 3 { actor.clone() } else { String::new() };
                row.extend([country, String::new(), String::new(), String::new(), String::new()]);
                row.extend([three(0), three(1), three(2)]);
            }
        }
        let is_root = if gdelt {
            attr(r, "is_root_event")
        } else if r.origin == crate::store::AXIS_ORIGIN {
            u8::from(e.sentence == 0).to_string()
        } else {
            String::new()
        };
        let base = e.code.get(..3).unwrap_or(&e.code).to_string();
        let root = match r.attributes.get("file_root").and_then(Value::as_u64) {
            Some(root) => format!("{root:02}"),
            None => e.root.clone(),
        };
        let quad = match r.attributes.get("file_quad_class").and_then(Value::as_u64) {
            Some(q) => q.to_string(),
            None => e.quad_class.map_or(String::new(), |q| q.to_string()),
        };
        row.extend([is_root, e.code.clone(), base, root, quad, e.goldstein.map_or(String::new(), goldstein)]);
        if gdelt {
            for key in ["num_mentions", "num_sources", "num_articles", "avg_tone"] {
                row.push(attr(r, key));
            }
        } else if r.origin == crate::store::AXIS_ORIGIN {
            row.extend(["1".into(), "1".into(), "1".into(), String::new()]);
        } else {
            row.extend([String::new(), String::new(), String::new(), String::new()]);
        }
        for prefix in ["source_geo_", "target_geo_", "geo_"] {
            let key = |k: &str| format!("{prefix}{k}");
            if gdelt {
                for k in ["type", "name", "country", "adm1", "adm2"] {
                    row.push(attr(r, &key(k)));
                }
                // The action's coordinates are stored as `lat`/`lon` (shared with ICEWS).
                let (lat, lon) =
                    if prefix == "geo_" { ("lat".into(), "lon".into()) } else { (key("lat"), key("lon")) };
                row.push(attr(r, &lat));
                row.push(attr(r, &lon));
                row.push(attr(r, &key("feature")));
            } else if prefix == "geo_" {
                row.extend([String::new(), attr(r, "geo_name"), String::new(), String::new(), String::new()]);
                row.extend([attr(r, "lat"), attr(r, "lon"), String::new()]);
            } else {
                row.extend(std::iter::repeat_n(String::new(), 8));
            }
        }
        row.push(if gdelt { date_added(&attr(r, "date_added")) } else { String::new() });
        row.push(e.url.clone());
        debug_assert_eq!(row.len(), COLUMNS);

        self.line.clear();
        for (i, f) in row.iter().enumerate() {
            if i > 0 {
                self.line.push('\t');
            }
            if f.contains(['\t', '\n', '\r']) {
                self.line.push_str(&f.replace(['\t', '\n', '\r'], " "));
            } else {
                self.line.push_str(f);
            }
        }
        self.line.push('\n');
        self.out.write_all(self.line.as_bytes())?;
        self.written += 1;
        Ok(true)
    }

    /// Rows written.
    pub fn written(&self) -> u64 {
        self.written
    }

    /// Events skipped because they have no date.
    pub fn undated(&self) -> u64 {
        self.undated
    }

    /// Flushes and returns the inner writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

//! Events in: the JSON lines `axis code --format jsonl` writes.
//!
//! Each event line becomes a [`RelEvent`] (its id the running number of the events kept) and an
//! [`Evidence`] entry at the same index, so a caller can show the sentence behind an id. Lines
//! that are not events (`"record":"quantity"`), events with no target, negated events ("did not
//! attack"), events without a date and events whose code has no quad class (a code a PETRARCH
//! dictionary made up, such as `174K`) are left out and counted in the [`ReadSummary`]; lines
//! that cannot be read are reported as [`ReadError`]s naming the file and line, and reading goes
//! on.

use super::{EventId, RelEvent};
use crate::cameo::{EventCode, QuadClass};
use crate::dict::Code;
use crate::when::Date;
use serde::Deserialize;
use std::fmt;
use std::path::{Path, PathBuf};

/// Where an event came from: enough to show it to a reader.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Evidence {
    /// `file:line`.
    pub at: String,
    /// Document id.
    pub doc: String,
    /// The event as coded: `2019-06-05 CHNGOV 042 RUS`.
    pub event: String,
    /// The sentence.
    pub sentence: String,
}

/// A line that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReadError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line (0 when the file itself could not be read).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path.display(), self.message)
        } else {
            write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
        }
    }
}

impl std::error::Error for ReadError {}

/// What reading left out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReadSummary {
    /// Events kept.
    pub events: usize,
    /// Non-event lines (quantities).
    pub other_records: usize,
    /// Events with no target.
    pub no_target: usize,
    /// Negated events.
    pub negated: usize,
    /// Events with no date.
    pub undated: usize,
    /// Events whose code is not CAMEO and that give no quad class.
    pub unclassified: usize,
    /// Lines that could not be read.
    pub errors: usize,
}

#[derive(Deserialize)]
struct Line {
    #[serde(default)]
    record: Option<String>,
    #[serde(default)]
    doc: String,
    #[serde(default)]
    sentence: Option<u64>,
    #[serde(default)]
    sentence_text: String,
    #[serde(default)]
    date_start: String,
    #[serde(default)]
    date_end: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    target: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    quad_class: Option<u8>,
    #[serde(default)]
    goldstein: Option<f32>,
    #[serde(default)]
    negated: bool,
}

/// Reads events from JSON lines text (`path` names it in errors and evidence), pushing each kept
/// event to `on_event` with its evidence and each unreadable line to `on_error`.
pub fn read_jsonl(
    path: &Path,
    text: &str,
    on_event: &mut dyn FnMut(RelEvent, Evidence),
    on_error: &mut dyn FnMut(ReadError),
) -> ReadSummary {
    let mut sum = ReadSummary::default();
    // Records written by other tools may lack the score: the CAMEO table supplies it.
    let table = crate::cameo::CameoTable::builtin().ok();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let mut bad = |message: String| {
            sum.errors += 1;
            on_error(ReadError { path: path.to_path_buf(), line: line_no, message });
        };
        let l: Line = match serde_json::from_str(raw) {
            Ok(l) => l,
            Err(e) => {
                bad(format!("not a JSON event record ({e})"));
                continue;
            }
        };
        if l.record.as_deref().is_some_and(|r| r != "event") {
            sum.other_records += 1;
            continue;
        }
        if l.target.is_empty() {
            sum.no_target += 1;
            continue;
        }
        if l.negated {
            sum.negated += 1;
            continue;
        }
        if l.date_start.is_empty() {
            sum.undated += 1;
            continue;
        }
        let Ok(day) = Date::parse(&l.date_start) else {
            bad(format!("date_start '{}' is not a date (YYYY-MM-DD)", l.date_start));
            continue;
        };
        let end = match l.date_end.as_str() {
            "" => day,
            s => match Date::parse(s) {
                Ok(end) if end >= day => end,
                _ => {
                    bad(format!("date_end '{s}' is not a date on or after date_start"));
                    continue;
                }
            },
        };
        let (Some(source), Some(target)) = (Code::new(&l.source), Code::new(&l.target)) else {
            bad(format!("source '{}' or target '{}' is not an actor code", l.source, l.target));
            continue;
        };
        let Some(code) = EventCode::user_defined(&l.code) else {
            bad(format!("code '{}' is not an event code", l.code));
            continue;
        };
        let quad = match l.quad_class {
            None => code.quad_class(),
            Some(q @ 1..=4) => QuadClass::of_root([1, 6, 10, 15][usize::from(q - 1)]),
            Some(q) => {
                bad(format!("quad_class {q} is not 1 to 4"));
                continue;
            }
        };
        let Some(quad) = quad else {
            sum.unclassified += 1;
            continue;
        };
        let goldstein = l
            .goldstein
            .or_else(|| table.as_ref().and_then(|t| t.get(code)).map(|i| i.goldstein))
            .unwrap_or(0.0);
        if !(-10.0..=10.0).contains(&goldstein) {
            bad(format!("goldstein {goldstein} is outside -10..10"));
            continue;
        }
        let id = EventId(sum.events as u64);
        sum.events += 1;
        let event = RelEvent { id, day, end, source, target, code, quad, goldstein };
        let sentence = l.sentence.map_or(String::new(), |s| format!("#{s}"));
        on_event(
            event,
            Evidence {
                at: format!("{}:{line_no}", path.display()),
                doc: format!("{}{sentence}", l.doc),
                event: format!("{day} {source} {code} {target}"),
                sentence: l.sentence_text,
            },
        );
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_events_and_reports_bad_lines() {
        let text = concat!(
            r#"{"doc":"d1","sentence":0,"sentence_text":"Xi visited Moscow.","date_start":"2019-06-05","source":"CHNGOV","target":"RUS","code":"042","quad_class":1,"goldstein":1.9,"negated":false}"#,
            "\n",
            r#"{"record":"quantity","doc":"d1","text":"$107 billion"}"#,
            "\n",
            r#"{"doc":"d1","date_start":"2019-06-05","source":"RUSGOV","target":"","code":"010"}"#,
            "\n",
            r#"{"doc":"d1","date_start":"2019-06-05","source":"USA","target":"CHN","code":"190","negated":true}"#,
            "\n",
            "not json\n",
            r#"{"doc":"d2","date_start":"2019-13-01","source":"USA","target":"CHN","code":"190"}"#,
            "\n",
            r#"{"doc":"d2","date_start":"2019-01-01","source":"USA","target":"CHN","code":"9-9"}"#,
            "\n\n",
            r#"{"doc":"d2","date_start":"2019-01-02","source":"USA","target":"CHN","code":"190","goldstein":-10}"#,
            "\n",
            // A PETRARCH dictionary's own code: no quad class, so no place in the analytics.
            r#"{"doc":"d3","date_start":"2019-01-02","source":"USA","target":"CHN","code":"174K","quad_class":null,"goldstein":null}"#,
            "\n",
        );
        let (mut events, mut errors) = (Vec::new(), Vec::new());
        let sum = read_jsonl(Path::new("e.jsonl"), text, &mut |e, ev| events.push((e, ev)), &mut |e| {
            errors.push(e.to_string())
        });
        assert_eq!(
            sum,
            ReadSummary {
                events: 2,
                other_records: 1,
                no_target: 1,
                negated: 1,
                undated: 0,
                unclassified: 1,
                errors: 3
            }
        );
        assert_eq!(events[0].0.code.as_str(), "042");
        assert_eq!(events[0].1.event, "2019-06-05 CHNGOV 042 RUS");
        assert_eq!(events[0].1.doc, "d1#0");
        assert_eq!(events[1].0.id, EventId(1));
        assert_eq!(events[1].0.quad, QuadClass::MaterialConflict);
        assert_eq!(events[1].1.at, "e.jsonl:9");
        assert!(errors[0].starts_with("e.jsonl:5: not a JSON event record"), "{errors:?}");
        assert_eq!(errors[1], "e.jsonl:6: date_start '2019-13-01' is not a date (YYYY-MM-DD)");
        assert_eq!(errors[2], "e.jsonl:7: code '9-9' is not an event code");
    }
}

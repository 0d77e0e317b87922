//! What `axis dyad`, `triangle`, `balance` and `asymmetry` share: where events come from, the
//! period and range arguments, output format choice and chart files.

use anyhow::{bail, Context, Result};
use axis::relations::chart::{png, svg, Scene};
use axis::relations::period::{Period, Span};
use axis::relations::sign::SignRule;
use axis::relations::{from_store, read_jsonl, Actor, EventId, Evidence, RelEvent, StoreSelection};
use axis::store::{EventQuery, Store};
use axis::when::Interval;
use clap::Args;
use std::path::{Path, PathBuf};

/// Event source, periods, range and output of the relations commands.
#[derive(Args, Debug, Clone)]
pub struct RelArgs {
    /// Event files: JSON lines as written by `axis code --format jsonl` (repeatable).
    #[arg(long = "events", value_name = "FILE.jsonl", required_unless_present = "db")]
    pub events: Vec<PathBuf>,
    /// Or a database made by `axis ingest` / `axis import --db`: its events among the actors
    /// named, coded by axis and imported alike.
    #[arg(long, value_name = "FILE", conflicts_with = "events")]
    pub db: Option<PathBuf>,
    /// With --db: only events of these origins (axis, gdelt, icews; repeatable).
    #[arg(long, value_name = "ORIGIN", requires = "db")]
    pub origin: Vec<String>,
    /// Period length: day, week (Monday–Sunday), month, quarter or year.
    #[arg(long, default_value = "month", value_parser = parse_period)]
    pub by: Period,
    /// First day counted: a year, month or day (2014 = from 2014-01-01; 2014-03; 2014-03-15).
    #[arg(long, value_parser = parse_partial)]
    pub from: Option<Interval>,
    /// Last day counted: a year, month or day, through its end (2019 = to 2019-12-31).
    #[arg(long, value_parser = parse_partial)]
    pub to: Option<Interval>,
    /// Count an event once per day, source code, target code and CAMEO code.
    #[arg(long)]
    pub one_a_day: bool,
    /// Leave out events whose date is vaguer than the period (an event dated "last year" when
    /// counting by month); by default they count in the period of their first day.
    #[arg(long)]
    pub precise: bool,
    /// Comma-separated values instead of a table.
    #[arg(long, conflicts_with = "json")]
    pub csv: bool,
    /// JSON lines instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Also draw a chart: FILE.svg or FILE.png.
    #[arg(long, value_name = "FILE")]
    pub plot: Option<PathBuf>,
}

/// The sign thresholds of `triangle` and `balance`.
#[derive(Args, Debug, Clone, Copy)]
pub struct SignArgs {
    /// Fewest events in a period for a relation to get a sign (else "?").
    #[arg(long, default_value_t = 3)]
    pub min_events: u32,
    /// Net cooperation share, (cooperative − conflictual) / all, beyond which a relation is + or
    /// − (in between: "~" mixed).
    #[arg(long, default_value_t = 0.2)]
    pub margin: f64,
}

impl SignArgs {
    /// The rule.
    pub fn rule(&self) -> Result<SignRule> {
        if !(0.0..1.0).contains(&self.margin) {
            bail!("--margin must be at least 0 and below 1 (got {})", self.margin);
        }
        Ok(SignRule { min_events: self.min_events, margin: self.margin })
    }
}

fn parse_period(s: &str) -> Result<Period, String> {
    s.parse()
}

fn parse_partial(s: &str) -> Result<Interval, String> {
    Interval::parse_partial(s).map(|(iv, _)| iv).map_err(|e| e.to_string())
}

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Aligned columns.
    Table,
    /// CSV with a header.
    Csv,
    /// One JSON object per line.
    Json,
}

impl RelArgs {
    /// The day span `--from`/`--to` cover.
    pub fn span(&self) -> Span {
        Span { from: self.from.map(|iv| iv.start), to: self.to.map(|iv| iv.end) }
    }

    /// The output format chosen.
    pub fn format(&self) -> Format {
        if self.csv {
            Format::Csv
        } else if self.json {
            Format::Json
        } else {
            Format::Table
        }
    }

    /// Checks the chart file name before the work starts.
    pub fn check_plot(&self) -> Result<()> {
        if let Some(p) = &self.plot {
            plot_kind(p)?;
        }
        Ok(())
    }

    /// Reads the events among `actors`: from the database, or from every event file (unreadable
    /// lines reported on stderr and skipped).
    pub fn load(&self, actors: &[Actor]) -> Result<(Vec<RelEvent>, EvidenceBook)> {
        if let Some(db) = &self.db {
            return self.load_db(db, actors);
        }
        let (mut events, mut evidence) = (Vec::new(), Vec::new());
        let (mut problems, mut vague) = (0, 0);
        let (precise, by) = (self.precise, self.by);
        for path in &self.events {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading events from {}", path.display()))?;
            let sum = read_jsonl(
                path,
                &text,
                &mut |mut e, ev| {
                    if precise && !e.fits(by) {
                        vague += 1;
                        return;
                    }
                    // Ids index the evidence list, across files.
                    e.id = EventId(evidence.len() as u64);
                    events.push(e);
                    evidence.push(ev);
                },
                &mut |err| {
                    problems += 1;
                    if problems <= 20 {
                        eprintln!("axis: skipped {err}");
                    }
                },
            );
            eprintln!(
                "axis: {}: {} event(s) read; left out {} without target, {} negated, {} undated, \
                 {} with a code outside CAMEO, {} unreadable",
                path.display(),
                sum.events,
                sum.no_target,
                sum.negated,
                sum.undated,
                sum.unclassified,
                sum.errors
            );
        }
        if vague > 0 {
            eprintln!("axis: --precise left out {vague} event(s) dated more vaguely than a {by}");
        }
        if problems > 20 {
            eprintln!("axis: … and {} more unreadable line(s)", problems - 20);
        }
        Ok((events, EvidenceBook::Lines(evidence)))
    }

    fn load_db(&self, db: &Path, actors: &[Actor]) -> Result<(Vec<RelEvent>, EvidenceBook)> {
        let store = Store::open_read_only(db)?;
        let sel = StoreSelection {
            span: self.span(),
            origins: self.origin.clone(),
            precise: self.precise.then_some(self.by),
        };
        let got = from_store(&store, actors, &sel)?;
        eprintln!(
            "axis: {}: {} event(s) with both sides among {}; left out {} negated, {} undated, \
             {} with a code outside CAMEO{}",
            db.display(),
            got.read,
            actors.iter().map(|a| a.prefix()).collect::<Vec<_>>().join(", "),
            got.negated,
            got.undated,
            got.unclassified,
            if self.precise {
                format!(", {} dated more vaguely than a {}", got.vague, self.by)
            } else {
                String::new()
            }
        );
        Ok((got.events, EvidenceBook::Db(store)))
    }

    /// Writes the chart, if asked for.
    pub fn write_plot(&self, scene: impl FnOnce() -> Scene) -> Result<()> {
        let Some(path) = &self.plot else { return Ok(()) };
        let scene = scene();
        let bytes = match plot_kind(path)? {
            PlotKind::Svg => svg::render(&scene).into_bytes(),
            PlotKind::Png => png::render(&scene),
        };
        std::fs::write(path, bytes).with_context(|| format!("writing chart {}", path.display()))?;
        eprintln!("axis: chart written to {}", path.display());
        Ok(())
    }
}

enum PlotKind {
    Svg,
    Png,
}

fn plot_kind(path: &Path) -> Result<PlotKind> {
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("svg") => Ok(PlotKind::Svg),
        Some("png") => Ok(PlotKind::Png),
        _ => {
            bail!("--plot {}: charts are written as .svg or .png; name the file accordingly", path.display())
        }
    }
}

/// Parses actor arguments (`CHN`, `CHNGOV`, `CHN/GOV+MIL`).
pub fn actors(names: &[String]) -> Result<Vec<Actor>> {
    names.iter().map(|n| Actor::parse(n).map_err(anyhow::Error::from)).collect()
}

/// A number with `digits` decimals, or `-` for none.
pub fn num(v: Option<f64>, digits: usize) -> String {
    v.map_or("-".to_string(), |v| format!("{v:.digits$}"))
}

/// A CSV field (quoted when it holds a comma, quote or newline).
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Prints rows as aligned columns: numbers right-aligned, the first column and words left.
pub fn print_table(out: &mut impl std::io::Write, header: &[&str], rows: &[Vec<String>]) -> Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    let left: Vec<bool> = (0..header.len())
        .map(|i| i == 0 || rows.iter().any(|r| r.get(i).is_some_and(|c| c.chars().any(char::is_alphabetic))))
        .collect();
    for r in rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: Vec<String>| -> String {
        cells
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (c, w))| if left[i] { format!("{c:<w$}") } else { format!("{c:>w$}") })
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    writeln!(out, "{}", line(header.iter().map(|h| h.to_string()).collect()))?;
    for r in rows {
        writeln!(out, "{}", line(r.clone()))?;
    }
    Ok(())
}

/// Prints rows as CSV.
pub fn print_csv(out: &mut impl std::io::Write, header: &[&str], rows: &[Vec<String>]) -> Result<()> {
    writeln!(out, "{}", header.join(","))?;
    for r in rows {
        writeln!(out, "{}", r.iter().map(|c| csv_field(c)).collect::<Vec<_>>().join(","))?;
    }
    Ok(())
}

/// Where the evidence for an event id is found: the lines read from event files (ids index them),
/// or the database the events came from (ids are row ids, looked up only when shown).
pub enum EvidenceBook {
    /// Read from JSONL files.
    Lines(Vec<Evidence>),
    /// Stored events.
    Db(Store),
}

impl EvidenceBook {
    /// The evidence of these events, in the order given (those not found are left out).
    pub fn get(&self, ids: &[EventId]) -> Vec<Evidence> {
        match self {
            EvidenceBook::Lines(v) => ids.iter().filter_map(|id| v.get(id.0 as usize).cloned()).collect(),
            EvidenceBook::Db(store) => {
                let q =
                    EventQuery { ids: ids.iter().map(|id| id.0 as i64).collect(), ..EventQuery::default() };
                let mut found = Vec::new();
                let lookup = store.event_records(&q, |r| {
                    found.push(Evidence {
                        at: format!("{}#{}", store.path().display(), r.doc),
                        event: format!("{} {} {} {}", r.date_start, r.source, r.code, r.target),
                        doc: r.doc,
                        sentence: r.sentence_text,
                    });
                    true
                });
                if let Err(e) = lookup {
                    eprintln!("axis: evidence not available: {e}");
                }
                found
            }
        }
    }
}

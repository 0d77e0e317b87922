//! `axis export`: stored events out, filtered, as CSV, JSON lines, TSV, Phoenix TSV, PLOVER JSON
//! lines, GDELT 2.0 TSV or (built with `--features parquet`) Parquet.
//!
//! Rows stream from the database straight to the writer, so exports of any size run in flat
//! memory.

use super::input::parse_date;
use super::store_args::{open_read_only, StoreArgs};
use anyhow::Result;
use anyhow::{bail, Context};
use axis::export::{GdeltWriter, PloverWriter};
use axis::io::{EventFormat, EventWriter};
use axis::store::Store;
use axis::store::{ActorFilter, EventQuery};
use axis::when::Date;
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

/// Export formats.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Comma-separated, with a header.
    Csv,
    /// One JSON object per event.
    Jsonl,
    /// Tab-separated, with a header.
    Tsv,
    /// Phoenix-compatible tab-separated (26 columns, no header).
    Phoenix,
    /// PLOVER JSON lines: PLOVER's field names (event, mode, actor, recipient, quad_code…) plus
    /// the CAMEO code.
    Plover,
    /// GDELT 2.0 event file (61 tab-separated columns, no header): `axis import gdelt` reads it
    /// back.
    Gdelt,
    /// Parquet (needs --output; only in builds with `--features parquet`).
    Parquet,
}

/// Arguments of `axis export`.
#[derive(Args, Debug)]
pub struct ExportArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    pub format: ExportFormat,
    /// Write to this file instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Events dated on or after this day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub from: Option<Date>,
    /// Events dated on or before this day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub to: Option<Date>,
    /// Actor code prefix (CHN matches CHNGOV, CHNMIL…); repeat it. One actor: events it is
    /// source or target of; several: events among them, either direction.
    #[arg(long = "actor", value_name = "CODE")]
    pub actors: Vec<String>,
    /// With --actor: the first actor is the source, the others the targets (one actor: events it
    /// is the source of).
    #[arg(long, requires = "actors")]
    pub directed: bool,
    /// CAMEO code prefix (04 = every consultation); repeat it.
    #[arg(long = "code", value_name = "CODE")]
    pub codes: Vec<String>,
    /// QuadClass 1–4 (1 verbal cooperation … 4 material conflict); repeat it.
    #[arg(long = "quad", value_name = "N", value_parser = clap::value_parser!(u8).range(1..=4))]
    pub quads: Vec<u8>,
    /// Only events from this origin: axis (coded here), gdelt, icews…; repeat it.
    #[arg(long = "origin", value_name = "ORIGIN")]
    pub origins: Vec<String>,
    /// Keep one event per day, source, target and code (the first stored).
    #[arg(long)]
    pub one_a_day: bool,
}

impl ExportArgs {
    /// The query these arguments describe.
    pub fn query(&self) -> EventQuery {
        let actors = match (self.actors.as_slice(), self.directed) {
            ([], _) => ActorFilter::Any,
            ([first, rest @ ..], true) => {
                ActorFilter::Directed { sources: vec![first.clone()], targets: rest.to_vec() }
            }
            ([one], false) => ActorFilter::Involving(vec![one.clone()]),
            (many, false) => ActorFilter::Between(many.to_vec()),
        };
        EventQuery {
            from: self.from,
            to: self.to,
            actors,
            codes: self.codes.clone(),
            roots: Vec::new(),
            quad_classes: self.quads.clone(),
            origins: self.origins.clone(),
            one_a_day: self.one_a_day,
            ids: Vec::new(),
        }
    }
}

/// Runs `axis export`.
pub fn run(args: ExportArgs) -> Result<()> {
    let store = open_read_only(&args.store.db)?;
    if args.format == ExportFormat::Parquet {
        return parquet(&store, &args);
    }
    let out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(
            std::fs::File::create(path)
                .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", path.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let out = std::io::BufWriter::new(out);
    let format = match args.format {
        ExportFormat::Csv => EventFormat::Csv,
        ExportFormat::Jsonl => EventFormat::Jsonl,
        ExportFormat::Tsv => EventFormat::Tsv,
        ExportFormat::Phoenix => EventFormat::Phoenix,
        ExportFormat::Plover => {
            let mut w = PloverWriter::new(out);
            each_record(&store, &args, |r| w.write(r))?;
            let n = w.written();
            w.finish().context("writing the export")?;
            eprintln!("axis: {n} event(s) exported");
            return Ok(());
        }
        ExportFormat::Gdelt => {
            let mut w = GdeltWriter::new(out);
            each_record(&store, &args, |r| w.write(r).map(|_| ()))?;
            let (n, undated) = (w.written(), w.undated());
            w.finish().context("writing the export")?;
            eprintln!("axis: {n} event(s) exported");
            if undated > 0 {
                eprintln!("axis: {undated} event(s) without any date left out (a GDELT row needs SQLDATE)");
            }
            return Ok(());
        }
        ExportFormat::Parquet => unreachable!("handled above"),
    };
    let mut writer = EventWriter::new(out, format);
    let mut failure = None;
    store.event_records(&args.query(), |r| match writer.write(&r) {
        Ok(()) => true,
        Err(e) => {
            failure = Some(e);
            false
        }
    })?;
    if let Some(e) = failure {
        return Err(e.into());
    }
    let n = writer.count();
    let mut out = writer.finish()?;
    // An empty table still gets its header, so readers see the columns.
    if n == 0 && matches!(format, EventFormat::Csv | EventFormat::Tsv) {
        let sep = if format == EventFormat::Csv { "," } else { "\t" };
        writeln!(out, "{}", axis::io::HEADER.join(sep))?;
        out.flush()?;
    }
    eprintln!("axis: {n} event(s) exported");
    Ok(())
}

/// Streams the selected events to `write`, stopping at its first error.
fn each_record(
    store: &Store,
    args: &ExportArgs,
    mut write: impl FnMut(&axis::store::ExportRecord) -> std::io::Result<()>,
) -> Result<()> {
    let mut failure = None;
    store.export_records(&args.query(), |r| match write(&r) {
        Ok(()) => true,
        Err(e) => {
            failure = Some(e);
            false
        }
    })?;
    match failure {
        Some(e) => Err(anyhow::Error::new(e).context("writing the export")),
        None => Ok(()),
    }
}

/// `--format parquet`: a file, since Parquet's footer is written last.
#[cfg(feature = "parquet")]
fn parquet(store: &Store, args: &ExportArgs) -> Result<()> {
    let Some(path) = &args.output else {
        bail!("--format parquet writes a file: give it with --output events.parquet");
    };
    let file = std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let mut w = axis::export::ParquetWriter::new(std::io::BufWriter::new(file))
        .with_context(|| format!("writing {}", path.display()))?;
    each_record(store, args, |r| w.write(r)).with_context(|| format!("writing {}", path.display()))?;
    let n = w.written();
    w.finish().with_context(|| format!("writing {}", path.display()))?;
    eprintln!("axis: {n} event(s) exported to {}", path.display());
    Ok(())
}

/// `--format parquet` in a build without the feature.
#[cfg(not(feature = "parquet"))]
fn parquet(_store: &Store, _args: &ExportArgs) -> Result<()> {
    bail!(
        "this axis was built without Parquet support: rebuild it with \
         `cargo build --release --features parquet` (or `cargo install --path crates/axis-cli --features parquet`)"
    )
}

//! `axis import gdelt|icews|parquet FILES…`: read GDELT or ICEWS event files (plain or zip), or
//! Parquet event tables (axis's export, the Spark job's output; builds with `--features parquet`),
//! and write the events to stdout, or with `--db` store them; a summary and the first problems go
//! to stderr.

use anyhow::{bail, Context, Result};
use axis::cameo::CameoTable;
use axis::dict::Dictionary;
use axis::import::{Flow, ImportOptions, Imported, ImportedEvent, Importer, Origin, Summary, COLUMNS};
use axis::store::{BulkOptions, ImportRow, Store};
use clap::{Args, ValueEnum};
use std::io::{BufWriter, Write};
use std::path::PathBuf;

/// Which dataset the files hold.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatasetArg {
    /// GDELT 1.0 (57 or 58 columns) or 2.0 (61 columns) event files, tab-separated, no header.
    Gdelt,
    /// ICEWS Dataverse event files (`.tab`), tab-separated with a header row.
    Icews,
    /// Parquet event tables: `axis export --format parquet` files, or the Spark job's
    /// `events/` directory (year=/month= partitions); only in builds with `--features parquet`.
    Parquet,
}

/// Output formats of `axis import`.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportFormat {
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated with a header (RFC 4180 quoting).
    Csv,
    /// Tab-separated with a header.
    Tsv,
}

/// Arguments of `axis import`.
#[derive(Args, Debug)]
pub struct ImportArgs {
    /// The dataset.
    #[arg(value_enum)]
    pub dataset: DatasetArg,
    /// Files to import: plain or `.zip` (every entry is read); for parquet, files or directories
    /// (every *.parquet file under them).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: ImportFormat,
    /// Most bytes one zip archive may inflate to, e.g. 500M or 32G (guards against zip bombs).
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "16G")]
    pub max_unzipped: u64,
    /// How many problems (skipped rows, warnings) to print; the rest are only counted.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub show_errors: usize,
    /// Store the events in this database instead of writing them out (origin `gdelt` or
    /// `icews`, keyed by the original event id; parquet: --origin, keyed by the row's content):
    /// importing a file twice adds nothing. A GDELT or ICEWS import about as large as the
    /// database or larger runs as one transaction that drops the secondary indexes and makes them
    /// again at the end (a kill or an error rolls all of it back); a smaller one commits every
    /// 200,000 rows.
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
    /// parquet: the origin the events are stored under, as `axis dyad --origin` selects them
    /// (lower-case letters, digits, - and _; not axis) [default: parquet].
    #[arg(long, value_name = "NAME")]
    pub origin: Option<String>,
}

/// Parquet rows stored per transaction.
#[cfg(feature = "parquet")]
const DB_BATCH: usize = 20_000;

/// A typical GDELT or ICEWS row, in bytes: the files' size over it estimates how many rows an
/// import brings, which decides whether the database's secondary indexes are made again after
/// it rather than kept up row by row (see `BulkImport`).
const ROW_BYTES: u64 = 400;

/// How many rows `files` hold, about (a zip archive inflates about tenfold).
fn expected_rows(files: &[PathBuf]) -> u64 {
    files
        .iter()
        .filter_map(|f| {
            let bytes = std::fs::metadata(f).ok()?.len();
            let zip = f.extension().is_some_and(|x| x.eq_ignore_ascii_case("zip"));
            Some(if zip { bytes.saturating_mul(10) } else { bytes } / ROW_BYTES)
        })
        .sum()
}

fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (digits, unit) = match s.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => s.split_at(i),
        None => (s, ""),
    };
    let n: u64 = digits.parse().map_err(|_| format!("{s:?} is not a size (e.g. 500M, 16G)"))?;
    let mult: u64 = match unit.to_ascii_uppercase().as_str() {
        "" | "B" => 1,
        "K" | "KB" | "KIB" => 1 << 10,
        "M" | "MB" | "MIB" => 1 << 20,
        "G" | "GB" | "GIB" => 1 << 30,
        "T" | "TB" | "TIB" => 1 << 40,
        _ => return Err(format!("{s:?}: unknown unit (use K, M, G or T)")),
    };
    n.checked_mul(mult).ok_or_else(|| format!("{s:?} is too large"))
}

/// Runs `axis import`.
pub fn run(args: ImportArgs) -> Result<()> {
    if args.origin.is_some() && args.dataset != DatasetArg::Parquet {
        bail!("--origin is for `axis import parquet`; GDELT and ICEWS events are stored as gdelt and icews");
    }
    let opts = ImportOptions { max_uncompressed: args.max_unzipped, ..ImportOptions::default() };
    let dict;
    let cameo;
    let (mut importer, origin) = match args.dataset {
        DatasetArg::Gdelt => (Importer::gdelt(opts), ImportRow::origin_name(Origin::Gdelt2)),
        DatasetArg::Icews => {
            dict = Dictionary::builtin().map_err(|e| anyhow::anyhow!("built-in dictionaries: {e}"))?;
            cameo = CameoTable::builtin().map_err(|e| anyhow::anyhow!("built-in CAMEO table: {e}"))?;
            let importer = Importer::icews(&dict, &cameo, opts).context("loading the ICEWS import tables")?;
            (importer, ImportRow::origin_name(Origin::Icews))
        }
        DatasetArg::Parquet => return parquet(&args),
    };
    let (total, shown) = match &args.db {
        Some(db) => {
            let mut store = Store::open(db)?;
            let opts = BulkOptions { expected_rows: expected_rows(&args.files), ..BulkOptions::default() };
            let mut bulk = store.bulk_import(origin, &opts)?;
            let read = read_files(&args, &mut importer, &mut |e| {
                bulk.push(e)?;
                Ok(())
            })?;
            let counts = bulk.finish()?;
            eprintln!(
                "stored in {}: {} new events, {} already there",
                store.path().display(),
                counts.inserted,
                counts.skipped,
            );
            read
        }
        None => {
            let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            let mut w = Writer { format: args.format, wrote_header: false, line: String::new() };
            let read =
                read_files(&args, &mut importer, &mut |e| w.write(&mut out, e).context("writing events"))?;
            out.flush().context("writing events")?;
            read
        }
    };
    finish(&total, shown, args.show_errors)
}

/// Prints the summary line (and how many problems were not shown); fails when nothing could be
/// imported from files that had problems.
fn finish(total: &Summary, shown: usize, show_errors: usize) -> Result<()> {
    let problems = (total.skipped + total.warnings + total.failed) as usize;
    let printed = shown.min(show_errors);
    if problems > printed {
        eprintln!("… {} more problems not shown (--show-errors N to see more)", problems - printed);
    }
    eprintln!(
        "{} rows read from {} file{}: {} imported, {} skipped, {} warnings{}",
        total.rows,
        total.files,
        if total.files == 1 { "" } else { "s" },
        total.imported,
        total.skipped,
        total.warnings,
        if total.failed > 0 {
            format!(", {} files or archives unreadable", total.failed)
        } else {
            String::new()
        }
    );
    if total.imported == 0 && (total.failed > 0 || total.skipped > 0) {
        bail!("nothing imported");
    }
    Ok(())
}

/// Reads every file, handing each event to `push`; the totals and how many problems were shown.
/// An error from `push` (a closed pipe, a full disk, a database error) stops the reading and is
/// returned.
fn read_files(
    args: &ImportArgs,
    importer: &mut Importer<'_>,
    push: &mut dyn FnMut(&ImportedEvent) -> Result<()>,
) -> Result<(Summary, usize)> {
    let mut total = Summary::default();
    let mut shown = 0usize;
    let mut failure: Option<anyhow::Error> = None;
    for path in &args.files {
        let summary = importer.import_path(path, &mut |item| {
            match item {
                Imported::Event(e) => {
                    if let Err(err) = push(e) {
                        failure = Some(err);
                        return Flow::Break(());
                    }
                }
                Imported::Warning(w) => report(&mut shown, args.show_errors, "warning", &w),
                Imported::Skipped(s) => report(&mut shown, args.show_errors, "skipped", &s),
            }
            Flow::Continue(())
        });
        total.add(&summary);
        if let Some(err) = failure.take() {
            return Err(err);
        }
    }
    Ok((total, shown))
}

/// `axis import parquet`: every row to stdout (the event records, as `axis code` writes them), or
/// with `--db` stored under `--origin`.
#[cfg(feature = "parquet")]
fn parquet(args: &ImportArgs) -> Result<()> {
    use axis::import::parquet::{ParquetImporter, ParquetItem};
    use axis::io::{EventFormat, EventWriter};
    let origin = args.origin.as_deref().unwrap_or("parquet");
    enum Out {
        Lines(EventWriter<BufWriter<std::io::StdoutLock<'static>>>),
        Db { store: Box<Store>, batch: Vec<ImportRow>, counts: axis::store::ImportCounts },
    }
    impl Out {
        fn flush(&mut self, origin: &str) -> Result<()> {
            match self {
                Out::Lines(w) => w.flush().context("writing events"),
                Out::Db { store, batch, counts } => {
                    if batch.is_empty() {
                        return Ok(());
                    }
                    let c = store.insert_imported(origin, batch)?;
                    for p in &c.rejected {
                        eprintln!("not stored: row {}: {}", batch[p.index].origin_id, p.problem);
                    }
                    counts.inserted += c.inserted;
                    counts.skipped += c.skipped;
                    counts.rejected.extend(c.rejected);
                    batch.clear();
                    Ok(())
                }
            }
        }
    }
    let mut out = match &args.db {
        Some(db) => {
            let mut store = Box::new(Store::open(db)?);
            // Checks the origin name before anything is read.
            store.insert_imported(origin, &[])?;
            Out::Db {
                store,
                batch: Vec::with_capacity(DB_BATCH),
                counts: axis::store::ImportCounts::default(),
            }
        }
        None => {
            let format = match args.format {
                ImportFormat::Jsonl => EventFormat::Jsonl,
                ImportFormat::Csv => EventFormat::Csv,
                ImportFormat::Tsv => EventFormat::Tsv,
            };
            Out::Lines(EventWriter::new(BufWriter::with_capacity(1 << 16, std::io::stdout().lock()), format))
        }
    };
    let mut importer = ParquetImporter::new();
    let mut total = Summary::default();
    let mut shown = 0usize;
    let mut failure: Option<anyhow::Error> = None;
    for path in &args.files {
        let summary = importer.import_path(path, &mut |item| {
            match item {
                ParquetItem::Event(e) => {
                    let done = match &mut out {
                        Out::Lines(w) => w.write(&e.event).context("writing events"),
                        Out::Db { batch, .. } => {
                            batch.push(e.to_import_row());
                            if batch.len() >= DB_BATCH {
                                out.flush(origin)
                            } else {
                                Ok(())
                            }
                        }
                    };
                    if let Err(err) = done {
                        // A closed pipe, a full disk, a database error: stop; what was stored
                        // before stays stored.
                        failure = Some(err);
                        return Flow::Break(());
                    }
                }
                ParquetItem::Warning(w) => report(&mut shown, args.show_errors, "warning", &w),
                ParquetItem::Skipped(s) => report(&mut shown, args.show_errors, "skipped", &s),
            }
            Flow::Continue(())
        });
        total.add(&summary);
        if let Some(err) = failure.take() {
            return Err(err);
        }
        out.flush(origin)?;
    }
    if let Out::Db { counts, store, .. } = &out {
        eprintln!(
            "stored in {} as origin {origin}: {} new events, {} already there{}",
            store.path().display(),
            counts.inserted,
            counts.skipped,
            if counts.rejected.is_empty() {
                String::new()
            } else {
                format!(", {} not stored", counts.rejected.len())
            }
        );
    }
    finish(&total, shown, args.show_errors)
}

/// `axis import parquet` in a build without the feature.
#[cfg(not(feature = "parquet"))]
fn parquet(_args: &ImportArgs) -> Result<()> {
    bail!(
        "this axis was built without Parquet support: rebuild it with \
         `cargo build --release --features parquet` (or `cargo install --path crates/axis-cli --features parquet`)"
    )
}

fn report(shown: &mut usize, max: usize, what: &str, e: &dyn std::fmt::Display) {
    if *shown < max {
        eprintln!("{what}: {e}");
    }
    *shown += 1;
}

struct Writer {
    format: ImportFormat,
    wrote_header: bool,
    line: String,
}

impl Writer {
    fn write(&mut self, out: &mut impl Write, e: &ImportedEvent) -> std::io::Result<()> {
        let sep = match self.format {
            ImportFormat::Jsonl => {
                serde_json::to_writer(&mut *out, e)?;
                return out.write_all(b"\n");
            }
            ImportFormat::Csv => ',',
            ImportFormat::Tsv => '\t',
        };
        if !self.wrote_header {
            self.wrote_header = true;
            writeln!(out, "{}", COLUMNS.join(&sep.to_string()))?;
        }
        self.line.clear();
        for (i, f) in e.fields().iter().enumerate() {
            if i > 0 {
                self.line.push(sep);
            }
            match self.format {
                ImportFormat::Csv if f.contains([',', '"', '\n', '\r']) => {
                    self.line.push('"');
                    self.line.push_str(&f.replace('"', "\"\""));
                    self.line.push('"');
                }
                ImportFormat::Tsv if f.contains(['\t', '\n', '\r']) => {
                    self.line.push_str(&f.replace(['\t', '\n', '\r'], " "));
                }
                _ => self.line.push_str(f),
            }
        }
        self.line.push('\n');
        out.write_all(self.line.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes() {
        let cases =
            [("100", Some(100)), ("500M", Some(500 << 20)), ("16G", Some(16 << 30)), ("2k", Some(2048))];
        for (s, want) in cases {
            assert_eq!(parse_size(s).ok(), want, "{s}");
        }
        assert!(parse_size("12Q").is_err() && parse_size("G").is_err());
    }
}

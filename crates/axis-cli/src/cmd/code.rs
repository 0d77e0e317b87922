//! `axis code`: documents in, events out — as a table, JSON lines, TSV, CSV or Phoenix TSV.
//!
//! Documents are read in batches and coded in parallel (one coder shared by all threads); events
//! are written in input order, so output is the same for any number of threads, and flushed after
//! every batch, so that a consumer at the other end of a pipe sees them as they come.
//!
//! Streaming mode (`--stdin --jsonl`) reads JSON lines documents from standard input and writes
//! JSON lines events: dictionaries are loaded once per process, memory stays flat (one batch at
//! a time) and an empty input is an empty output, not an error — the contract of Spark's
//! `RDD.pipe` and `mapPartitions` (one process per partition) and of any batch system.

use super::input::InputArgs;
use crate::output::{pad, quad_goldstein};
use anyhow::{bail, Result};
use axis::code::{Coded, Coder};
use axis::io::{EventFormat, EventRecord, EventWriter, QuantityRecord};
use axis::petrarch::Petrarch;
use axis::text::Document;
use clap::{Args, ValueEnum};
use rayon::prelude::*;
use std::io::Write;

/// Output formats of `axis code`.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutFormat {
    /// A readable table, sentence by sentence.
    Table,
    /// One JSON object per event.
    Jsonl,
    /// Tab-separated, with a header.
    Tsv,
    /// Comma-separated, with a header.
    Csv,
    /// Phoenix-compatible tab-separated (26 columns, no header).
    Phoenix,
}

/// Arguments of `axis code`.
#[derive(Args, Debug)]
pub struct CodeArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutFormat::Table)]
    pub format: OutFormat,
    /// Streaming mode: read JSON lines documents from standard input (as `--input-format jsonl
    /// -`); an empty input is not an error. With `--jsonl`, this is the filter to run from
    /// Spark's `RDD.pipe`/`mapPartitions` or any batch system (see "Scaling out" in the README).
    #[arg(long, conflicts_with_all = ["paths", "input_format"])]
    pub stdin: bool,
    /// Write events as JSON lines (the same as `--format jsonl`).
    #[arg(long, conflicts_with = "format")]
    pub jsonl: bool,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Leave out negated events ("did not attack").
    #[arg(long)]
    pub no_negated: bool,
    /// Take subjects and objects from the parses that come with the input (CoNLL-U files, the
    /// `<Parse>` of PETRARCH records: UD or Penn Treebank) instead of axis's shallow syntax.
    #[arg(long)]
    pub use_parse: bool,
    /// Also output quantities ("$107 billion", "3,000 Chinese troops") with their actors and
    /// dates: JSON lines with "record":"quantity" (with --format jsonl) or table lines.
    #[arg(long)]
    pub quantities: bool,
}

/// Documents coded per parallel batch.
const BATCH: usize = 256;

/// A document longer than this (in bytes of text) is coded on its own, sentence by sentence, its
/// events written as each sentence is done: memory then stays bounded by the document's length,
/// however many events it holds (a 10 MB run of "China accused Russia" gives ~500,000).
pub(super) const LARGE_DOCUMENT: usize = 1 << 20;

/// Where coded events go.
enum Sink<W: Write> {
    Table(W),
    Records(EventWriter<W>),
}

impl<W: Write> Sink<W> {
    fn write(
        &mut self,
        doc: &Document,
        records: &[EventRecord],
        quantities: &[QuantityRecord],
    ) -> Result<()> {
        match self {
            Sink::Records(w) => {
                for r in records {
                    w.write(r)?;
                }
                for q in quantities {
                    w.write_quantity(q)?;
                }
            }
            Sink::Table(out) => print_table(out, doc, records, quantities)?,
        }
        Ok(())
    }
}

/// The records of one coded sentence range (a document, or one sentence of a large one).
fn records(
    coder: &Coder<'_>,
    doc: &Document,
    c: &Coded,
    args: &CodeArgs,
) -> (Vec<EventRecord>, Vec<QuantityRecord>) {
    let events = c
        .events
        .iter()
        .filter(|e| !(args.no_negated && e.negated))
        .map(|e| EventRecord::new(coder, doc, e))
        .collect();
    let quantities = if args.quantities {
        c.quantities.iter().map(|(s, q)| QuantityRecord::new(doc, c, *s, q)).collect()
    } else {
        Vec::new()
    };
    (events, quantities)
}

/// Runs `axis code`.
pub fn run(mut args: CodeArgs) -> Result<()> {
    if args.jsonl {
        args.format = OutFormat::Jsonl;
    }
    if args.stdin {
        args.input.input_format = super::input::FormatArg::Jsonl;
        args.input.paths = vec!["-".into()];
    }
    if args.quantities && !matches!(args.format, OutFormat::Table | OutFormat::Jsonl) {
        bail!("--quantities needs --format jsonl or table (TSV, CSV and Phoenix have event columns only)");
    }
    // PETRARCH dictionaries also bring rules applied after coding (discards, paired codes, and
    // PETRARCH's default require_dyad: events need a target).
    let petrarch = args.input.petrarch()?;
    let parts = match &petrarch {
        Some(_) => None,
        None => Some(args.input.coder_parts()?),
    };
    let cameo =
        axis::cameo::CameoTable::builtin().map_err(|e| anyhow::anyhow!("built-in CAMEO table: {e}"))?;
    let coder = match (&petrarch, &parts) {
        (Some(p), _) => Coder::new(&p.dict, &p.verbs, &cameo),
        (None, Some((dict, verbs, _))) => Coder::new(dict, verbs, &cameo),
        (None, None) => bail!("no dictionaries loaded"),
    }
    .use_parse(args.use_parse);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(args.threads.unwrap_or(0)).build()?;
    let out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut sink = match args.format {
        OutFormat::Table => Sink::Table(out),
        OutFormat::Jsonl => Sink::Records(EventWriter::new(out, EventFormat::Jsonl)),
        OutFormat::Tsv => Sink::Records(EventWriter::new(out, EventFormat::Tsv)),
        OutFormat::Csv => Sink::Records(EventWriter::new(out, EventFormat::Csv)),
        OutFormat::Phoenix => Sink::Records(EventWriter::new(out, EventFormat::Phoenix)),
    };
    let (mut sentences, mut events) = (0usize, 0usize);
    let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
    type Out = std::io::BufWriter<std::io::StdoutLock<'static>>;
    let mut flush = |batch: &mut Vec<Document>, sink: &mut Sink<Out>| -> Result<()> {
        // Large documents are left out of the parallel pass (`None`) and streamed below.
        type Records = (Vec<EventRecord>, Vec<QuantityRecord>);
        let coded: Vec<Option<Records>> = pool.install(|| {
            batch
                .par_iter()
                .map(|doc| {
                    (doc.text().len() <= LARGE_DOCUMENT).then(|| {
                        let mut c = coder.code_document(doc, false);
                        if let Some(p) = &petrarch {
                            p.apply(doc, &mut c, true);
                        }
                        records(&coder, doc, &c, &args)
                    })
                })
                .collect()
        });
        for (doc, coded) in batch.iter().zip(coded) {
            sentences += doc.sentences().len();
            match coded {
                Some((records, quantities)) => {
                    events += records.len();
                    sink.write(doc, &records, &quantities)?;
                }
                None => events += stream_document(&coder, petrarch.as_ref(), doc, &args, sink)?,
            }
        }
        match sink {
            Sink::Records(w) => w.flush()?,
            Sink::Table(out) => out.flush()?,
        }
        batch.clear();
        Ok(())
    };
    let (docs, skipped) = args.input.for_each(|doc| {
        batch.push(doc);
        if batch.len() >= BATCH {
            flush(&mut batch, &mut sink)?;
        }
        Ok(())
    })?;
    flush(&mut batch, &mut sink)?;
    match sink {
        Sink::Table(mut out) => out.flush()?,
        Sink::Records(w) => {
            w.finish()?;
        }
    }
    if docs == 0 && !args.stdin {
        bail!(
            "no documents read{}",
            if skipped > 0 { format!(" ({skipped} skipped, see above)") } else { String::new() }
        );
    }
    eprintln!(
        "axis: {docs} document(s), {sentences} sentence(s), {events} event(s){}",
        if skipped > 0 { format!(", {skipped} skipped") } else { String::new() }
    );
    Ok(())
}

/// Codes a large document sentence by sentence, writing each sentence's events (and quantities)
/// as soon as it is done; returns the number of events written. The table format prints the
/// document's header once and each sentence's quantities after its events.
fn stream_document<W: Write>(
    coder: &Coder<'_>,
    petrarch: Option<&Petrarch>,
    doc: &Document,
    args: &CodeArgs,
    sink: &mut Sink<W>,
) -> Result<usize> {
    let mut count = 0;
    if let Sink::Table(out) = sink {
        print_header(out, doc)?;
    }
    coder.code_document_each(doc, false, |_, c| -> Result<()> {
        let (records, quantities) = match petrarch {
            Some(p) => {
                let mut c = c.clone();
                p.apply(doc, &mut c, true);
                records(coder, doc, &c, args)
            }
            None => records(coder, doc, c, args),
        };
        count += records.len();
        match sink {
            Sink::Table(out) => print_rows(out, &records, &quantities),
            Sink::Records(_) => sink.write(doc, &records, &quantities),
        }
    })?;
    if let Sink::Table(out) = sink {
        writeln!(out)?;
    }
    Ok(count)
}

pub(super) fn print_table(
    out: &mut impl Write,
    doc: &Document,
    records: &[EventRecord],
    quantities: &[QuantityRecord],
) -> Result<()> {
    print_header(out, doc)?;
    print_rows(out, records, quantities)?;
    writeln!(out)?;
    Ok(())
}

fn print_header(out: &mut impl Write, doc: &Document) -> Result<()> {
    writeln!(out, "== {}  story date {}", doc.id, doc.date.map_or("unknown".into(), |d| d.to_string()))?;
    Ok(())
}

fn print_rows(out: &mut impl Write, records: &[EventRecord], quantities: &[QuantityRecord]) -> Result<()> {
    let mut last = usize::MAX;
    for r in records {
        if r.sentence != last {
            writeln!(out, "\n[{}] {}", r.sentence, r.sentence_text)?;
            last = r.sentence;
        }
        let date = if r.date_start.is_empty() {
            "-".to_string()
        } else if r.date_start == r.date_end {
            r.date_start.clone()
        } else {
            format!("{}..{}", r.date_start, r.date_end)
        };
        let target =
            if r.target.is_empty() { "-".to_string() } else { format!("{} \"{}\"", r.target, r.target_text) };
        writeln!(
            out,
            "    {} {}  {}  {}  {}  \"{}\"{}{}",
            pad(&r.code, 4),
            pad(&format!("{} \"{}\"", r.source, r.source_text), 30),
            pad(&format!("→ {target}"), 30),
            pad(&format!("{date}{}", if r.date_fallback { "*" } else { "" }), 24),
            pad(&quad_goldstein(r.quad_class, r.goldstein), 10),
            r.verb,
            if r.negated { "  NEGATED" } else { "" },
            if r.modality.is_empty() { String::new() } else { format!("  ({})", r.modality) },
        )?;
    }
    for q in quantities {
        writeln!(
            out,
            "    [{}] quantity \"{}\" = {} {}{}  actors {}  {}",
            q.sentence,
            q.text,
            q.value,
            q.unit,
            if q.what.is_empty() { String::new() } else { format!(" of {}", q.what) },
            if q.actors.is_empty() { "-".to_string() } else { q.actors.join(",") },
            if q.date_start == q.date_end {
                q.date_start.clone()
            } else {
                format!("{}..{}", q.date_start, q.date_end)
            },
        )?;
    }
    Ok(())
}

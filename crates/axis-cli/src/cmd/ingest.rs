//! `axis ingest`: documents into the database, coded on the way.
//!
//! The library does the work ([`axis::store::ingest`]): parallel coding, one writer, batched
//! transactions, duplicates skipped by content hash, syndicated copies (near-duplicate text)
//! linked to their original without being recounted. This file reads the arguments, draws the
//! progress line (only when stderr is a terminal) and prints the summary.

use super::input::InputArgs;
use super::store_args::{open_store, StoreArgs};
use anyhow::{Context, Result};
use axis::code::Coder;
use axis::store::{dictionary_version, ingest, near_dup, IngestOptions, IngestProgress, IngestReport};
use clap::Args;
use std::io::IsTerminal;
use std::time::Instant;

/// Arguments of `axis ingest`.
#[derive(Args, Debug)]
pub struct IngestArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub store: StoreArgs,
    /// Worker threads for coding (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Documents per transaction: a killed ingest redoes at most this many.
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u64).range(1..))]
    pub batch: u64,
    /// Estimated Jaccard similarity of word 5-gram sets (0–1] from which a document is a
    /// syndicated copy of one stored before it: stored and linked to it, its events not counted.
    #[arg(long, default_value_t = near_dup::DEFAULT_THRESHOLD, value_parser = threshold, value_name = "J")]
    pub near_dup_threshold: f64,
    /// Do not look for near-duplicates (documents are not indexed for later runs either).
    #[arg(long)]
    pub no_near_dup: bool,
}

fn threshold(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(t) if t > 0.0 && t <= 1.0 => Ok(t),
        _ => Err(format!("{s:?} is not a similarity in (0, 1]")),
    }
}

/// Runs `axis ingest`.
pub fn run(args: IngestArgs) -> Result<()> {
    let mut store = open_store(&args.store.db)?;
    let (dict, verbs, cameo) = args.input.coder_parts()?;
    let version = dictionary_version(args.input.dict.as_deref()).context("reading the dictionary files")?;
    let coder = Coder::new(&dict, &verbs, &cameo);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(args.threads.unwrap_or(0)).build()?;
    let opts = IngestOptions {
        read: args.input.read_options(),
        batch: args.batch as usize,
        near_dup: (!args.no_near_dup).then_some(args.near_dup_threshold),
    };
    let paths = args.input.paths();
    let mut progress = Progress::new(std::io::stderr().is_terminal());
    let report = pool.install(|| {
        ingest(&mut store, &coder, &version, &paths, &opts, &mut |event| match event {
            IngestProgress::Warning(w) => progress.message(&format!("axis: warning: {w}")),
            IngestProgress::Skipped(e) => progress.message(&format!("axis: error: {e}")),
            IngestProgress::Committed(r) => progress.update(r),
        })
    });
    progress.clear();
    let report = report?;
    eprintln!("axis: {} → {}", summary(&report), args.store.db.display());
    Ok(())
}

fn summary(r: &IngestReport) -> String {
    format!(
        "{} document(s) added, {} skipped as duplicate(s), {} failed, {} linked as near-duplicate(s); \
         {} sentence(s), {} event(s), {} quantity(ies)",
        r.added, r.duplicates, r.failed, r.near_duplicates, r.sentences, r.events, r.quantities
    )
}

/// The progress line: redrawn in place after every batch, wiped before any message.
struct Progress {
    on: bool,
    drawn: bool,
    start: Instant,
}

impl Progress {
    fn new(on: bool) -> Progress {
        Progress { on, drawn: false, start: Instant::now() }
    }

    fn update(&mut self, r: &IngestReport) {
        if !self.on {
            return;
        }
        let secs = self.start.elapsed().as_secs_f64().max(1e-3);
        eprint!(
            "\r\x1b[K{} documents ({:.0}/s), {} sentences ({:.0}/s), {} events, {} duplicates, {} near",
            r.added,
            r.added as f64 / secs,
            r.sentences,
            r.sentences as f64 / secs,
            r.events,
            r.duplicates,
            r.near_duplicates
        );
        self.drawn = true;
    }

    fn message(&mut self, m: &str) {
        self.clear();
        eprintln!("{m}");
    }

    fn clear(&mut self) {
        if self.drawn {
            eprint!("\r\x1b[K");
            self.drawn = false;
        }
    }
}

//! `axis recode`: code the stored documents again after a dictionary change.
//!
//! Only documents coded with other dictionaries than the current ones are recoded (the store
//! records a version per document), a batch per transaction — so a killed recode resumes.

use super::input::coder_parts;
use super::store_args::{open_store, StoreArgs};
use anyhow::{Context, Result};
use axis::code::Coder;
use axis::store::{dictionary_version, recode};
use clap::Args;
use std::io::IsTerminal;
use std::path::PathBuf;

/// Arguments of `axis recode`.
#[derive(Args, Debug)]
pub struct RecodeArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// Dictionaries: a folder of axis dictionary files (default: the built-in ones); its `verbs/`
    /// subfolder, if any, replaces the built-in verb patterns.
    #[arg(long, value_name = "DIR")]
    pub dict: Option<PathBuf>,
    /// Worker threads for coding (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Documents per transaction.
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u64).range(1..))]
    pub batch: u64,
}

/// Runs `axis recode`.
pub fn run(args: RecodeArgs) -> Result<()> {
    let mut store = open_store(&args.store.db)?;
    let (dict, verbs, cameo) = coder_parts(args.dict.as_deref())?;
    let version = dictionary_version(args.dict.as_deref()).context("reading the dictionary files")?;
    let coder = Coder::new(&dict, &verbs, &cameo);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(args.threads.unwrap_or(0)).build()?;
    let tty = std::io::stderr().is_terminal();
    let done = pool.install(|| {
        recode(&mut store, &coder, &version, args.batch as usize, &mut |p| {
            if tty {
                eprint!("\r\x1b[K{} of {} documents recoded, {} events", p.recoded, p.total, p.events);
            }
        })
    });
    if tty {
        eprint!("\r\x1b[K");
    }
    let done = done?;
    if done.total == 0 {
        eprintln!("axis: every document is coded with these dictionaries (version {version}); nothing to do");
    } else {
        eprintln!(
            "axis: {} document(s) recoded with dictionaries version {version}: {} event(s)",
            done.recoded, done.events
        );
    }
    Ok(())
}

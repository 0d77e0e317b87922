//! `axis dict check|stats`: load dictionaries, report every problem with file:line, or count.

use anyhow::{bail, Result};
use axis::dict::{Dictionary, EntityKind};
use clap::Subcommand;
use std::path::PathBuf;

/// Dictionary subcommands.
#[derive(Subcommand, Debug)]
pub enum DictCommand {
    /// Load dictionaries and list every problem as file:line: message (exit 1 if any).
    Check {
        /// Dictionary folder or file; default: the dictionaries built into axis.
        path: Option<PathBuf>,
    },
    /// Count what the dictionaries hold.
    Stats {
        /// Dictionary folder or file; default: the dictionaries built into axis.
        path: Option<PathBuf>,
    },
}

fn load(path: Option<&PathBuf>) -> Result<Dictionary, axis::dict::DictErrors> {
    match path {
        Some(p) => Dictionary::load_dir(p),
        None => Dictionary::builtin(),
    }
}

/// Runs a dictionary subcommand.
pub fn run(cmd: DictCommand) -> Result<()> {
    match cmd {
        DictCommand::Check { path } => {
            let start = std::time::Instant::now();
            match load(path.as_ref()) {
                Ok(d) => {
                    println!(
                        "ok: {} files, {} entries, {} phrases, loaded in {} ms",
                        d.files().len(),
                        d.entities().len(),
                        d.matcher().len(),
                        start.elapsed().as_millis()
                    );
                    Ok(())
                }
                Err(errs) => {
                    for e in &errs.0 {
                        println!("{e}");
                    }
                    bail!("{} problem(s) in the dictionaries", errs.0.len())
                }
            }
        }
        DictCommand::Stats { path } => {
            let d = load(path.as_ref()).map_err(|e| anyhow::anyhow!("{e}"))?;
            let count = |k| d.entities().iter().filter(|e| e.kind == k).count();
            let roles: usize = d.entities().iter().map(|e| e.roles.len()).sum();
            println!("files     {}", d.files().len());
            println!("actors    {}", count(EntityKind::Actor));
            println!("agents    {}", count(EntityKind::Agent));
            println!("people    {} ({roles} terms of office)", count(EntityKind::Person));
            println!("stop      {}", count(EntityKind::Stop));
            println!("phrases   {}", d.matcher().len());
            Ok(())
        }
    }
}

//! `axis dict check|stats`: load dictionaries, report every problem with file:line, or count.

use anyhow::{bail, Result};
use axis::cameo::CameoTable;
use axis::dict::{Dictionary, EntityKind, VerbDictionary};
use clap::Subcommand;
use std::path::PathBuf;

/// Dictionary subcommands.
#[derive(Subcommand, Debug)]
pub enum DictCommand {
    /// Load actor and verb dictionaries and list every problem as file:line: message (exit 1 if any).
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
            let mut problems = 0;
            match load(path.as_ref()) {
                Ok(d) => println!(
                    "actors ok: {} files, {} entries, {} phrases, loaded in {} ms",
                    d.files().len(),
                    d.entities().len(),
                    d.matcher().len(),
                    start.elapsed().as_millis()
                ),
                Err(errs) => {
                    for e in &errs.0 {
                        println!("{e}");
                    }
                    problems += errs.0.len();
                }
            }
            let start = std::time::Instant::now();
            let verbs = match path.as_ref().map(|p| p.join("verbs")) {
                Some(dir) if dir.is_dir() => VerbDictionary::load_dir(&dir),
                Some(_) => Ok(VerbDictionary::default()),
                None => VerbDictionary::builtin(),
            };
            let cameo = CameoTable::builtin().map_err(|e| anyhow::anyhow!("built-in CAMEO table: {e}"))?;
            match verbs {
                Ok(v) => {
                    // Every pattern's code must be a CAMEO code.
                    for p in v.patterns() {
                        if cameo.get(p.code).is_none() {
                            println!(
                                "{}:{}: {} is not in the CAMEO table",
                                v.path(p.origin).display(),
                                p.origin.line,
                                p.code
                            );
                            problems += 1;
                        }
                    }
                    let roots: std::collections::BTreeSet<u8> =
                        v.codes().iter().filter_map(|c| c.root()).collect();
                    println!(
                        "verbs ok: {} patterns, {} distinct CAMEO codes in {} roots, loaded in {} ms",
                        v.patterns().len(),
                        v.codes().len(),
                        roots.len(),
                        start.elapsed().as_millis()
                    );
                }
                Err(errs) => {
                    for e in &errs.0 {
                        println!("{e}");
                    }
                    problems += errs.0.len();
                }
            }
            if problems > 0 {
                bail!("{problems} problem(s) in the dictionaries");
            }
            Ok(())
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

//! `axis stats`: what the database holds.

use super::store_args::{open_read_only, StoreArgs};
use anyhow::Result;
use clap::Args;
use std::io::Write;

/// Arguments of `axis stats`.
#[derive(Args, Debug)]
pub struct StatsArgs {
    #[command(flatten)]
    pub store: StoreArgs,
}

/// Runs `axis stats`.
pub fn run(args: StatsArgs) -> Result<()> {
    let store = open_read_only(&args.store.db)?;
    let s = store.stats()?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    writeln!(out, "database   {}", args.store.db.display())?;
    writeln!(out, "documents  {}", s.documents)?;
    // Syndicated copies: stored and linked to the document they copy, their events not stored.
    writeln!(
        out,
        "  near-duplicates {} (linked to an earlier document, events counted once)",
        s.near_duplicates
    )?;
    writeln!(out, "sentences  {}", s.sentences)?;
    writeln!(out, "events     {}", s.events)?;
    writeln!(out, "quantities {}", s.quantities)?;
    if !s.by_origin_year.is_empty() {
        writeln!(out, "\nevents by origin and year")?;
        for c in &s.by_origin_year {
            let year = c.year.map_or("undated".to_string(), |y| y.to_string());
            writeln!(out, "  {:<8} {:<8} {:>10}", c.origin, year, c.events)?;
        }
    }
    if !s.by_root.is_empty() {
        writeln!(out, "\nevents by CAMEO root")?;
        for (root, n) in &s.by_root {
            writeln!(out, "  {root:02}  {n:>10}")?;
        }
    }
    if !s.documents_by_source.is_empty() {
        writeln!(out, "\ndocuments by source")?;
        for (source, n) in &s.documents_by_source {
            writeln!(out, "  {:<40} {n:>10}", source.as_deref().unwrap_or("(none)"))?;
        }
    }
    if !s.dict_versions.is_empty() {
        writeln!(out, "\ndocuments by dictionary version")?;
        for (v, n) in &s.dict_versions {
            writeln!(out, "  {:<40} {n:>10}", v.as_deref().unwrap_or("(not coded)"))?;
        }
    }
    out.flush()?;
    Ok(())
}

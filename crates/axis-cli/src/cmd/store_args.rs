//! The `--db` argument the store commands share, and opening the database it names.

use anyhow::Result;
use axis::store::Store;
use clap::Args;
use std::path::{Path, PathBuf};

/// Which database to use.
#[derive(Args, Debug, Clone)]
pub struct StoreArgs {
    /// The database file (created by `ingest` when absent).
    #[arg(long, value_name = "FILE", default_value = "axis.db")]
    pub db: PathBuf,
}

/// Opens (creating or migrating) the database for writing.
pub fn open_store(path: &Path) -> Result<Store> {
    Ok(Store::open(path)?)
}

/// Opens an existing database for reading.
pub fn open_read_only(path: &Path) -> Result<Store> {
    Ok(Store::open_read_only(path)?)
}

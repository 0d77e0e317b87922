//! Ingest: documents from an [`io::Reader`](crate::io::Reader) into the store, coded on the way.
//!
//! The reader delivers documents one at a time, in input order. Each is hashed; one whose text is
//! already stored (or already waiting in this batch) is counted as a duplicate and never coded.
//! The rest gather into batches that are coded in parallel on the current rayon pool, then one
//! writer stores the batch in input order in a single transaction. A kill at any point loses at
//! most the batch in flight, which the next run codes and writes again with the same ids — so a
//! resumed ingest ends with the database an uninterrupted one makes. Memory holds one batch.

use super::hash::content_hash;
use super::write::{has_hash, insert_document, CodedDoc};
use super::{Store, StoreError};
use crate::code::Coder;
use crate::io::{Input, InputError, ReadOptions, Reader};
use crate::text::Document;
use rayon::prelude::*;
use rustc_hash::FxHashSet;
use std::path::PathBuf;

/// Options for [`ingest`].
#[derive(Clone, Debug)]
pub struct IngestOptions {
    /// How to read the inputs.
    pub read: ReadOptions,
    /// Documents per transaction (and per parallel coding round).
    pub batch: usize,
}

impl Default for IngestOptions {
    fn default() -> IngestOptions {
        IngestOptions { read: ReadOptions::default(), batch: 256 }
    }
}

/// What an ingest did (so far, when handed to a progress callback).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IngestReport {
    /// Documents stored.
    pub added: u64,
    /// Documents skipped because their text was already stored.
    pub duplicates: u64,
    /// Records or files that could not be read (each was reported).
    pub failed: u64,
    /// Warnings reported (documents still read).
    pub warnings: u64,
    /// Sentences of the documents stored.
    pub sentences: u64,
    /// Events coded in the documents stored.
    pub events: u64,
    /// Quantities found in the documents stored.
    pub quantities: u64,
}

/// What [`ingest`] reports while it runs, in input order.
#[derive(Debug)]
pub enum IngestProgress<'a> {
    /// A warning about an input; its document was still read.
    Warning(&'a InputError),
    /// An input record or file that was skipped.
    Skipped(&'a InputError),
    /// A batch was committed; the totals so far.
    Committed(&'a IngestReport),
}

/// Reads `paths` (files, folders, `-` for stdin), codes every new document with `coder` and
/// stores it with its sentences, events and quantities, recording `dict_version` (see
/// [`dictionary_version`](super::dictionary_version)) as what coded it.
///
/// Bad records are reported through `on` and skipped; a database error stops the ingest, with
/// every batch before it committed.
pub fn ingest(
    store: &mut Store,
    coder: &Coder<'_>,
    dict_version: &str,
    paths: &[PathBuf],
    opts: &IngestOptions,
    on: &mut dyn FnMut(IngestProgress<'_>),
) -> Result<IngestReport, StoreError> {
    let reader = Reader::new(opts.read.clone());
    let mut run = Run {
        store,
        coder,
        dict_version,
        batch_size: opts.batch.max(1),
        pending: Vec::new(),
        pending_hashes: FxHashSet::default(),
        report: IngestReport::default(),
        failure: None,
    };
    for path in paths {
        reader.read_path(path, &mut |item| run.take(item, on));
        if let Some(e) = run.failure.take() {
            return Err(e);
        }
    }
    run.flush(on)?;
    Ok(run.report)
}

struct Run<'s, 'c, 'd> {
    store: &'s mut Store,
    coder: &'c Coder<'d>,
    dict_version: &'c str,
    batch_size: usize,
    pending: Vec<(Document, [u8; 32])>,
    pending_hashes: FxHashSet<[u8; 32]>,
    report: IngestReport,
    failure: Option<StoreError>,
}

impl Run<'_, '_, '_> {
    fn take(&mut self, item: Input, on: &mut dyn FnMut(IngestProgress<'_>)) {
        if self.failure.is_some() {
            return;
        }
        match item {
            Input::Document(doc) => {
                let hash = content_hash(doc.raw());
                let stored = match has_hash(&self.store.conn, &hash) {
                    Ok(s) => s,
                    Err(e) => {
                        self.failure = Some(self.store.err(e));
                        return;
                    }
                };
                if stored || !self.pending_hashes.insert(hash) {
                    self.report.duplicates += 1;
                    return;
                }
                self.pending.push((doc, hash));
                if self.pending.len() >= self.batch_size {
                    if let Err(e) = self.flush(on) {
                        self.failure = Some(e);
                    }
                }
            }
            Input::Warning(w) => {
                self.report.warnings += 1;
                on(IngestProgress::Warning(&w));
            }
            Input::Skipped(e) => {
                self.report.failed += 1;
                on(IngestProgress::Skipped(&e));
            }
        }
    }

    /// Codes the pending batch in parallel and writes it in input order in one transaction.
    fn flush(&mut self, on: &mut dyn FnMut(IngestProgress<'_>)) -> Result<(), StoreError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let coder = self.coder;
        let coded: Vec<CodedDoc> =
            self.pending.par_iter().map(|(d, h)| CodedDoc::new(coder, d, *h)).collect();
        let path = self.store.path.clone();
        let err = |e| StoreError::sqlite(&path, e);
        let tx = self.store.conn.transaction().map_err(err)?;
        let mut added = IngestReport::default();
        for d in &coded {
            match insert_document(&tx, d, self.dict_version).map_err(err)? {
                Some(_) => {
                    added.added += 1;
                    added.sentences += d.sentences.len() as u64;
                    added.events += d.events.len() as u64;
                    added.quantities += d.quantities.len() as u64;
                }
                None => added.duplicates += 1,
            }
        }
        tx.commit().map_err(err)?;
        self.report.added += added.added;
        self.report.duplicates += added.duplicates;
        self.report.sentences += added.sentences;
        self.report.events += added.events;
        self.report.quantities += added.quantities;
        self.pending.clear();
        self.pending_hashes.clear();
        on(IngestProgress::Committed(&self.report));
        Ok(())
    }
}

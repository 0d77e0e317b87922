//! Ingest: documents from an [`io::Reader`](crate::io::Reader) into the store, coded on the way.
//!
//! The reader delivers documents one at a time, in input order. Each is hashed; one whose text is
//! already stored (or already waiting in this batch) is counted as a duplicate and never coded.
//! The rest gather into batches that are coded in parallel on the current rayon pool; one writer
//! stores each coded batch in input order in a single transaction, while the next batch is being
//! coded. A kill at any point loses at
//! most the batch in flight, which the next run codes and writes again with the same ids — so a
//! resumed ingest ends with the database an uninterrupted one makes. Memory holds one batch; a
//! document over 1 MiB is coded by the writer sentence by sentence, its events streamed into the
//! transaction in batches (see [`stream`](super::stream)), so one huge document never holds all
//! its events at once.
//!
//! Near-duplicates (syndicated copies, see [`near_dup`](super::near_dup)): the coding threads
//! also compute each text's MinHash signature; the writer, in input order, looks each one up in
//! the band index (which holds every original committed before it, this transaction's included)
//! and stores a copy as a linked document row without sentences, events or quantities, or an
//! original with its signature indexed. The lookup depends only on the documents stored before,
//! so a resumed ingest links exactly as an uninterrupted one.

use super::hash::content_hash;
use super::near_dup::{self, Signature};
use super::stream::{write_streamed, Prepared};
use super::write::{has_hash, insert_document};
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
    /// Near-duplicate detection: the estimated Jaccard similarity (0–1] of word 5-gram sets from
    /// which a document is stored as a copy of an earlier one; `None` turns detection off (no
    /// signatures computed, looked up or indexed). Default
    /// [`near_dup::DEFAULT_THRESHOLD`](super::near_dup::DEFAULT_THRESHOLD).
    pub near_dup: Option<f64>,
}

impl Default for IngestOptions {
    fn default() -> IngestOptions {
        IngestOptions {
            read: ReadOptions::default(),
            batch: 256,
            near_dup: Some(near_dup::DEFAULT_THRESHOLD),
        }
    }
}

/// What an ingest did (so far, when handed to a progress callback).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IngestReport {
    /// Documents stored (near-duplicates included).
    pub added: u64,
    /// Documents stored as near-duplicates of an earlier one: linked, their events not counted.
    pub near_duplicates: u64,
    /// Documents skipped because their text was already stored.
    pub duplicates: u64,
    /// Records or files that could not be read (each was reported).
    pub failed: u64,
    /// Warnings reported (documents still read).
    pub warnings: u64,
    /// Sentences of the documents stored (near-duplicates have none).
    pub sentences: u64,
    /// Events stored (near-duplicates have none).
    pub events: u64,
    /// Quantities stored (near-duplicates have none).
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
        near_dup: opts.near_dup,
        pending: Vec::new(),
        pending_hashes: FxHashSet::default(),
        coded: Vec::new(),
        coded_hashes: FxHashSet::default(),
        report: IngestReport::default(),
        failure: None,
    };
    for path in paths {
        reader.read_path(path, &mut |item| run.take(item, on));
        if let Some(e) = run.failure.take() {
            return Err(e);
        }
    }
    run.flush(on, true)?;
    Ok(run.report)
}

struct Run<'s, 'c, 'd> {
    store: &'s mut Store,
    coder: &'c Coder<'d>,
    dict_version: &'c str,
    batch_size: usize,
    near_dup: Option<f64>,
    pending: Vec<(Document, [u8; 32])>,
    pending_hashes: FxHashSet<[u8; 32]>,
    /// Coded (or, if large, to be coded by the writer), waiting to be written while the next
    /// batch is coded.
    coded: Vec<Prepared>,
    coded_hashes: FxHashSet<[u8; 32]>,
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
                if stored || self.coded_hashes.contains(&hash) || !self.pending_hashes.insert(hash) {
                    self.report.duplicates += 1;
                    return;
                }
                self.pending.push((doc, hash));
                if self.pending.len() >= self.batch_size {
                    if let Err(e) = self.flush(on, false) {
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

    /// Codes the pending batch in parallel while the batch coded before it is written, in
    /// input order, in one transaction; with `last`, writes what is left.
    fn flush(&mut self, on: &mut dyn FnMut(IngestProgress<'_>), last: bool) -> Result<(), StoreError> {
        let (coder, near_dup) = (self.coder, self.near_dup);
        let pending = std::mem::take(&mut self.pending);
        let ready = std::mem::take(&mut self.coded);
        let (store, dict_version, report) = (&mut *self.store, self.dict_version, &mut self.report);
        let code = |(d, h): (Document, [u8; 32])| {
            let mut p = Prepared::new(coder, d, h);
            if near_dup.is_some() {
                p.coded.signature = Signature::of(&p.coded.text);
            }
            p
        };
        let (coded, written) = rayon::join(
            || pending.into_par_iter().map(code).collect::<Vec<_>>(),
            || write_batch(store, coder, &ready, dict_version, near_dup, report),
        );
        self.coded = coded;
        self.coded_hashes = std::mem::take(&mut self.pending_hashes);
        if written? {
            on(IngestProgress::Committed(&self.report));
        }
        if last && !self.coded.is_empty() {
            return self.flush(on, true);
        }
        Ok(())
    }
}

/// Writes coded documents in order in one transaction, each near-duplicate (at `near_dup`) as a
/// linked copy and each other document with its signature indexed (a large document is coded
/// here, its events streamed in); whether there was anything to write.
fn write_batch(
    store: &mut Store,
    coder: &Coder<'_>,
    coded: &[Prepared],
    dict_version: &str,
    near_dup: Option<f64>,
    report: &mut IngestReport,
) -> Result<bool, StoreError> {
    if coded.is_empty() {
        return Ok(false);
    }
    let path = store.path.clone();
    let err = |e| StoreError::sqlite(&path, e);
    let tx = store.conn.transaction().map_err(err)?;
    let mut added = IngestReport::default();
    for Prepared { coded: d, large } in coded {
        let original = match (&d.signature, near_dup) {
            (Some(sig), Some(threshold)) => near_dup::find_original(&tx, sig, threshold).map_err(err)?,
            _ => None,
        };
        match insert_document(&tx, d, dict_version, original).map_err(err)? {
            Some(_) if original.is_some() => {
                added.added += 1;
                added.near_duplicates += 1;
            }
            Some(id) => {
                if let Some(sig) = &d.signature {
                    near_dup::index(&tx, id, sig).map_err(err)?;
                }
                let (events, quantities) = match large {
                    Some(doc) => write_streamed(&tx, coder, id, doc, dict_version).map_err(err)?,
                    None => (d.events.len() as u64, d.quantities.len() as u64),
                };
                added.added += 1;
                added.sentences += d.sentences.len() as u64;
                added.events += events;
                added.quantities += quantities;
            }
            None => added.duplicates += 1,
        }
    }
    tx.commit().map_err(err)?;
    report.added += added.added;
    report.near_duplicates += added.near_duplicates;
    report.duplicates += added.duplicates;
    report.sentences += added.sentences;
    report.events += added.events;
    report.quantities += added.quantities;
    Ok(true)
}

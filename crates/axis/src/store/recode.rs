//! Recode: stored documents coded again, after a dictionary change.
//!
//! Documents are taken in id order, a batch at a time, among those whose recorded dictionary
//! version differs from the coder's; each batch is coded in parallel and written in one
//! transaction that replaces the documents' sentences, axis events and quantities (imported events
//! are never touched) and records the new version. A killed recode loses only the batch in flight,
//! and the next run picks up the documents still on another version. A document over 1 MiB is
//! coded by the writer, its events streamed into the transaction in batches (see
//! [`stream`](super::stream)). Near-duplicates (copies of
//! a stored story) are left as they are: their events are their original's.

use super::hash::content_hash;
use super::stream::{write_streamed, Prepared};
use super::write::write_coding;
use super::{Store, StoreError};
use crate::code::Coder;
use crate::text::Document;
use crate::when::Date;
use rayon::prelude::*;
use rusqlite::params;

/// How far a recode has got.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecodeProgress {
    /// Documents recoded so far.
    pub recoded: u64,
    /// Documents still to recode when this run started, this run's included.
    pub total: u64,
    /// Events the recoded documents now have.
    pub events: u64,
}

/// Codes again every stored document not coded with `dict_version`, `batch` documents per
/// transaction, on the current rayon pool; `on` hears after every batch.
pub fn recode(
    store: &mut Store,
    coder: &Coder<'_>,
    dict_version: &str,
    batch: usize,
    on: &mut dyn FnMut(&RecodeProgress),
) -> Result<RecodeProgress, StoreError> {
    let path = store.path.clone();
    let err = |e| StoreError::sqlite(&path, e);
    // Near-duplicates are never coded: their events are their original's.
    const STALE: &str = "duplicate_of IS NULL AND (dict_version IS NULL OR dict_version <> ?1)";
    let total: i64 = store
        .conn
        .query_row(&format!("SELECT count(*) FROM documents WHERE {STALE}"), [dict_version], |r| r.get(0))
        .map_err(err)?;
    let mut progress = RecodeProgress { total: total as u64, ..RecodeProgress::default() };
    let mut last = 0i64;
    loop {
        let docs: Vec<(i64, Document)> = {
            let mut st = store
                .conn
                .prepare_cached(&format!(
                    "SELECT id, doc_key, source, url, title, story_date, text, text_offset FROM documents
                     WHERE {STALE} AND id > ?2 ORDER BY id LIMIT ?3"
                ))
                .map_err(err)?;
            let rows = st
                .query_map(params![dict_version, last, batch.max(1) as i64], |r| {
                    let date: Option<String> = r.get(5)?;
                    let mut doc = Document::new(
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(6)?,
                        date.and_then(|d| Date::parse(&d).ok()),
                    );
                    doc.source = r.get(2)?;
                    doc.url = r.get(3)?;
                    doc.title = r.get(4)?;
                    doc.set_source_offset(r.get::<_, i64>(7)? as usize);
                    Ok((r.get(0)?, doc))
                })
                .map_err(err)?;
            rows.collect::<Result<_, _>>().map_err(err)?
        };
        let Some(&(id, _)) = docs.last() else { break };
        last = id;
        let n = docs.len() as u64;
        let coded: Vec<(i64, Prepared)> = docs
            .into_par_iter()
            .map(|(id, d)| {
                let hash = content_hash(d.raw());
                (id, Prepared::new(coder, d, hash))
            })
            .collect();
        let tx = store.conn.transaction().map_err(err)?;
        for (id, p) in &coded {
            write_coding(&tx, *id, &p.coded, dict_version, true).map_err(err)?;
            progress.events += match &p.large {
                // A large document was left uncoded: its events are streamed in now.
                Some(doc) => write_streamed(&tx, coder, *id, doc, dict_version).map_err(err)?.0,
                None => p.coded.events.len() as u64,
            };
        }
        tx.commit().map_err(err)?;
        progress.recoded += n;
        on(&progress);
    }
    Ok(progress)
}

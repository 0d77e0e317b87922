//! Large documents on the store's write path: their events streamed into the writer's
//! transaction in batches instead of held whole.
//!
//! `axis code` codes a document over [`LARGE_DOCUMENT`] bytes sentence by sentence
//! ([`Coder::code_document_each`]); ingest and recode do the same here. Such a document is not
//! coded on the coding threads ([`Prepared::new`] only flattens it); the one writer, in input
//! order and inside its batch's transaction, stores the document row and sentences, then codes
//! it sentence by sentence and inserts events and quantities every [`BATCH_ROWS`] rows
//! ([`write_streamed`]). The rows and their order — so their ids — are those of the document
//! coded whole, and a kill still loses only the uncommitted transaction: a resumed run writes
//! the same database. Memory holds the document (text and tokens) and one batch of rows, never
//! all of its events (a 3 MB "sentence" makes ~150,000).

use super::write::{write_coding, CodedDoc};
use crate::code::Coder;
use crate::io::{EventRecord, QuantityRecord};
use crate::text::Document;
use rusqlite::Connection;

/// Documents larger than this (bytes of text) are coded while they are written.
pub(crate) const LARGE_DOCUMENT: usize = 1 << 20;

/// Event and quantity rows gathered before they are inserted.
const BATCH_ROWS: usize = 4096;

/// A document ready for the writer: coded, or (when large) flattened with its events to come.
#[derive(Debug)]
pub(crate) struct Prepared {
    /// The flattened document; without events and quantities when `large` is set.
    pub(crate) coded: CodedDoc,
    /// A large document, coded by the writer ([`write_streamed`]).
    pub(crate) large: Option<Document>,
}

impl Prepared {
    /// Codes `doc`, unless it is larger than [`LARGE_DOCUMENT`]: then it is kept for the writer.
    pub(crate) fn new(coder: &Coder<'_>, doc: Document, hash: [u8; 32]) -> Prepared {
        Prepared::with_limit(coder, doc, hash, LARGE_DOCUMENT)
    }

    fn with_limit(coder: &Coder<'_>, doc: Document, hash: [u8; 32], limit: usize) -> Prepared {
        if doc.text().len() > limit {
            Prepared { coded: CodedDoc::uncoded(&doc, hash), large: Some(doc) }
        } else {
            Prepared { coded: CodedDoc::new(coder, &doc, hash), large: None }
        }
    }
}

/// Codes `doc` sentence by sentence and inserts its events and quantities as document `id`'s
/// (its row and sentences are already written), [`BATCH_ROWS`] rows at a time; returns the
/// numbers of events and quantities written.
pub(crate) fn write_streamed(
    conn: &Connection,
    coder: &Coder<'_>,
    id: i64,
    doc: &Document,
    dict: &str,
) -> rusqlite::Result<(u64, u64)> {
    let mut part = CodedDoc::default();
    let (mut events, mut quantities) = (0u64, 0u64);
    let mut flush = |part: &mut CodedDoc| -> rusqlite::Result<()> {
        write_coding(conn, id, part, dict, false)?;
        events += part.events.len() as u64;
        quantities += part.quantities.len() as u64;
        part.events.clear();
        part.quantities.clear();
        Ok(())
    };
    coder.code_document_each(doc, false, |_, c| -> rusqlite::Result<()> {
        part.events.extend(c.events.iter().map(|e| EventRecord::new(coder, doc, e)));
        part.quantities.extend(c.quantities.iter().map(|(s, q)| QuantityRecord::new(doc, c, *s, q)));
        if part.events.len() + part.quantities.len() >= BATCH_ROWS {
            flush(&mut part)?;
        }
        Ok(())
    })?;
    flush(&mut part)?;
    Ok((events, quantities))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cameo::CameoTable;
    use crate::dict::{Dictionary, VerbDictionary};
    use crate::store::write::insert_document;
    use crate::store::Store;

    /// Every row of a store's coding tables, ids included, in table order (rowid or key).
    fn rows(store: &Store) -> Vec<String> {
        let mut out = Vec::new();
        for table in ["documents", "sentences", "events", "quantities"] {
            let mut st = store.conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
            let n = st.column_count();
            let mut q = st.query([]).unwrap();
            while let Some(r) = q.next().unwrap() {
                let cols: Vec<String> =
                    (0..n).map(|i| format!("{:?}", r.get_ref(i).unwrap().data_type())).collect();
                let vals: Vec<String> = (0..n)
                    .map(|i| match r.get_ref(i).unwrap() {
                        rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                        v => format!("{v:?}"),
                    })
                    .collect();
                out.push(format!("{table}: {} | {}", cols.join(","), vals.join(" | ")));
            }
        }
        out
    }

    /// A document streamed in many small batches is stored exactly as the same document coded
    /// whole: the same rows with the same ids, in the same order.
    #[test]
    fn a_streamed_document_is_stored_as_one_coded_whole() {
        let (dict, verbs, cameo) = (
            Dictionary::builtin().unwrap(),
            VerbDictionary::builtin().unwrap(),
            CameoTable::builtin().unwrap(),
        );
        let coder = Coder::new(&dict, &verbs, &cameo);
        let unit = "China accused Russia of lying on Monday and the United States criticized Iran. \
                    Germany will send 300 troops to Mali. ";
        let text = unit.repeat(BATCH_ROWS);
        let date = crate::when::Date::parse("2019-02-02").ok();
        let mut stores = Vec::new();
        for limit in [usize::MAX, 0] {
            let doc = Document::new("big", text.clone(), date);
            let p = Prepared::with_limit(&coder, doc, [7; 32], limit);
            assert_eq!(p.large.is_some(), limit == 0);
            let mut store = Store::in_memory().unwrap();
            let tx = store.conn.transaction().unwrap();
            let id = insert_document(&tx, &p.coded, "v1", None).unwrap().unwrap();
            let written = match &p.large {
                Some(doc) => write_streamed(&tx, &coder, id, doc, "v1").unwrap(),
                None => (p.coded.events.len() as u64, p.coded.quantities.len() as u64),
            };
            tx.commit().unwrap();
            // More events than one batch holds, so the stream flushed several times.
            assert!(written.0 > BATCH_ROWS as u64 && written.1 > 0, "{written:?}");
            stores.push((rows(&store), written));
        }
        assert_eq!(stores[0].1, stores[1].1);
        assert_eq!(stores[0].0.len(), stores[1].0.len());
        for (a, b) in stores[0].0.iter().zip(&stores[1].0) {
            assert_eq!(a, b);
        }
    }
}

//! `axis demo`: the whole pipeline on the sample corpus bundled with axis — events by default,
//! actor mentions with `--actors`.

use super::actors::print_document;
use super::code::print_table;
use anyhow::Result;
use axis::cameo::CameoTable;
use axis::code::Coder;
use axis::dict::{Dictionary, VerbDictionary};
use axis::io::{EventFormat, EventRecord, EventWriter, Input, QuantityRecord, ReadOptions, Reader};
use clap::Args;
use std::io::Write;
use std::path::Path;

/// The bundled sample: short news-style paragraphs written for axis (see `samples/README.md`).
const SAMPLE: &str = include_str!("../../../../samples/demo.jsonl");

/// Arguments of `axis demo`.
#[derive(Args, Debug)]
pub struct DemoArgs {
    /// JSON lines instead of tables.
    #[arg(long)]
    pub json: bool,
    /// Show actor mentions with their dates instead of events.
    #[arg(long)]
    pub actors: bool,
}

/// Runs `axis demo`.
pub fn run(args: DemoArgs) -> Result<()> {
    let started = std::time::Instant::now();
    let dict = Dictionary::builtin().map_err(|e| anyhow::anyhow!("built-in dictionaries: {e}"))?;
    let verbs = VerbDictionary::builtin().map_err(|e| anyhow::anyhow!("built-in verb patterns: {e}"))?;
    let cameo = CameoTable::builtin().map_err(|e| anyhow::anyhow!("built-in CAMEO table: {e}"))?;
    let coder = Coder::new(&dict, &verbs, &cameo);
    let loaded = started.elapsed();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (mut docs, mut found) = (0, 0);
    let mut result = Ok(());
    let mut writer = args.json.then(|| EventWriter::new(Vec::new(), EventFormat::Jsonl));
    Reader::new(ReadOptions::default()).read_bytes(
        Path::new("samples/demo.jsonl"),
        SAMPLE.as_bytes(),
        &mut |item| {
            let (Input::Document(doc), Ok(())) = (item, &result) else { return };
            docs += 1;
            let step = if args.actors {
                print_document(&mut out, &dict, &doc, args.json, false)
            } else {
                let coded = coder.code_document(&doc, false);
                let records: Vec<EventRecord> =
                    coded.events.iter().map(|e| EventRecord::new(&coder, &doc, e)).collect();
                let quantities: Vec<QuantityRecord> =
                    coded.quantities.iter().map(|(s, q)| QuantityRecord::new(&doc, &coded, *s, q)).collect();
                let written = match writer.as_mut() {
                    Some(w) => records.iter().try_for_each(|r| w.write(r)).map_err(anyhow::Error::from),
                    None => print_table(&mut out, &doc, &records, &quantities),
                };
                written.map(|()| records.len())
            };
            match step {
                Ok(n) => found += n,
                Err(e) => result = Err(e),
            }
        },
    );
    result?;
    if let Some(w) = writer {
        out.write_all(&w.finish()?)?;
    }
    out.flush()?;
    if !args.json {
        let what = if args.actors { "actor mentions" } else { "events" };
        eprintln!(
            "axis demo: {docs} documents, {found} {what}; dictionaries: {} actor entries, {} verb patterns, loaded in {} ms",
            dict.entities().len(),
            verbs.patterns().len(),
            loaded.as_millis()
        );
        eprintln!("next: `axis code FILE --date YYYY-MM-DD` on your own text, `axis explain \"...\"` to see why, `axis --help`");
    }
    Ok(())
}

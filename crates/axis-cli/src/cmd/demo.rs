//! `axis demo`: the actor pipeline on the sample corpus bundled with axis.

use super::actors::print_document;
use anyhow::Result;
use axis::dict::Dictionary;
use axis::io::{Input, ReadOptions, Reader};
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
}

/// Runs `axis demo`.
pub fn run(args: DemoArgs) -> Result<()> {
    let started = std::time::Instant::now();
    let dict = Dictionary::builtin().map_err(|e| anyhow::anyhow!("built-in dictionaries: {e}"))?;
    let loaded = started.elapsed();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (mut docs, mut mentions) = (0, 0);
    let mut result = Ok(());
    Reader::new(ReadOptions::default()).read_bytes(
        Path::new("samples/demo.jsonl"),
        SAMPLE.as_bytes(),
        &mut |item| {
            if let (Input::Document(doc), Ok(())) = (item, &result) {
                docs += 1;
                match print_document(&mut out, &dict, &doc, args.json, false) {
                    Ok(n) => mentions += n,
                    Err(e) => result = Err(e),
                }
            }
        },
    );
    result?;
    out.flush()?;
    if !args.json {
        eprintln!(
            "axis demo: {docs} documents, {mentions} actor mentions; dictionaries: {} entries loaded in {} ms",
            dict.entities().len(),
            loaded.as_millis()
        );
        eprintln!(
            "next: `axis actors FILE --date YYYY-MM-DD` on your own text, `axis actors --help` for options"
        );
    }
    Ok(())
}

//! Arguments shared by the commands that read documents, and the loop that reads them.

use anyhow::{Context, Result};
use axis::cameo::CameoTable;
use axis::dict::{Dictionary, VerbDictionary};
use axis::io::{Input, InputFormat, ReadOptions, Reader};
use axis::text::Document;
use axis::when::Date;
use clap::{Args, ValueEnum};
use std::path::{Path, PathBuf};

/// Where documents come from and how to read them.
#[derive(Args, Debug, Clone)]
pub struct InputArgs {
    /// Input files or folders (`*.txt`, `*.html`: one document each; `*.xml`/`*.rss`/`*.atom`
    /// feeds: one per item; `*.jsonl`: one per line; any of them `.gz`); `-` or nothing for stdin.
    pub paths: Vec<PathBuf>,
    /// Story date (YYYY-MM-DD) for documents that carry none (in a `Date:` header, JSONL `date`,
    /// page metadata or feed item date).
    #[arg(long, value_parser = parse_date)]
    pub date: Option<Date>,
    /// Input format; `auto` picks by extension (`.txt`; `.html`, `.htm`, `.xhtml`; `.xml`, `.rss`,
    /// `.atom`, `.rdf`; `.jsonl`, `.ndjson`; each also `.gz`, decompressed up to 1 GiB), else by
    /// the first bytes (`{` JSONL, `<!doctype html`/`<html` HTML, `<rss`/`<feed` a feed, text).
    #[arg(long = "input-format", value_enum, default_value_t = FormatArg::Auto)]
    pub input_format: FormatArg,
    /// Replace invalid UTF-8 with U+FFFD (with a warning) instead of skipping the input.
    #[arg(long)]
    pub lossy: bool,
    /// Dictionaries: a folder of axis dictionary files (default: the built-in ones); its `verbs/`
    /// subfolder, if any, replaces the built-in verb patterns.
    #[arg(long, value_name = "DIR")]
    pub dict: Option<PathBuf>,
}

/// Input formats.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatArg {
    /// By extension, else by the first bytes.
    Auto,
    /// One document per file.
    Text,
    /// One JSON object per line.
    Jsonl,
    /// An HTML page: its main text, title, story date (article:published_time, JSON-LD, <time>).
    Html,
    /// An RSS 2.0, RSS 1.0 or Atom feed: one document per item, dated by its pubDate/published.
    #[value(alias = "rss", alias = "atom")]
    Feed,
}

/// Parses a `--date`-style argument (YYYY-MM-DD).
pub fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).map_err(|e| e.to_string())
}

impl InputArgs {
    /// Loads the dictionaries these arguments name.
    pub fn dictionary(&self) -> Result<Dictionary> {
        dictionary(self.dict.as_deref())
    }

    /// Loads everything the event coder needs: actor and verb dictionaries and the CAMEO table.
    pub fn coder_parts(&self) -> Result<(Dictionary, VerbDictionary, CameoTable)> {
        coder_parts(self.dict.as_deref())
    }

    /// How to read the inputs.
    pub fn read_options(&self) -> ReadOptions {
        ReadOptions {
            format: match self.input_format {
                FormatArg::Auto => InputFormat::Auto,
                FormatArg::Text => InputFormat::Text,
                FormatArg::Jsonl => InputFormat::Jsonl,
                FormatArg::Html => InputFormat::Html,
                FormatArg::Feed => InputFormat::Feed,
            },
            date: self.date,
            lossy: self.lossy,
            ..ReadOptions::default()
        }
    }

    /// The paths to read: those given, or stdin.
    pub fn paths(&self) -> Vec<PathBuf> {
        if self.paths.is_empty() {
            vec![PathBuf::from("-")]
        } else {
            self.paths.clone()
        }
    }

    /// Reads every input, calling `each` per document; warnings and skipped records go to
    /// stderr. Returns (documents, skipped) counts.
    pub fn for_each(&self, mut each: impl FnMut(Document) -> Result<()>) -> Result<(usize, usize)> {
        let reader = Reader::new(self.read_options());
        let paths = self.paths();
        let (mut docs, mut skipped) = (0, 0);
        let mut failure = None;
        for p in &paths {
            reader.read_path(p, &mut |item| {
                if failure.is_some() {
                    return;
                }
                match item {
                    Input::Document(d) => {
                        docs += 1;
                        if let Err(e) = each(d) {
                            failure = Some(e);
                        }
                    }
                    Input::Warning(w) => eprintln!("axis: warning: {w}"),
                    Input::Skipped(e) => {
                        skipped += 1;
                        eprintln!("axis: error: {e}");
                    }
                }
            });
            if let Some(e) = failure {
                return Err(e);
            }
        }
        Ok((docs, skipped))
    }
}

/// Loads the actor dictionaries in `dir` (the built-in ones when `None`).
pub fn dictionary(dir: Option<&Path>) -> Result<Dictionary> {
    match dir {
        Some(dir) => Dictionary::load_dir(dir)
            .map_err(|e| anyhow::anyhow!("{e}"))
            .with_context(|| format!("loading dictionaries from {}", dir.display())),
        None => Dictionary::builtin().map_err(|e| anyhow::anyhow!("built-in dictionaries: {e}")),
    }
}

/// Loads what the event coder needs from `dir` (`--dict`): actor dictionaries, verb patterns (its
/// `verbs/` subfolder, else the built-in ones) and the CAMEO table.
pub fn coder_parts(dir: Option<&Path>) -> Result<(Dictionary, VerbDictionary, CameoTable)> {
    let dict = dictionary(dir)?;
    let verbs = match dir.map(|d| d.join("verbs")).filter(|v| v.is_dir()) {
        Some(dir) => VerbDictionary::load_dir(&dir)
            .map_err(|e| anyhow::anyhow!("{e}"))
            .with_context(|| format!("loading verb patterns from {}", dir.display()))?,
        None => VerbDictionary::builtin().map_err(|e| anyhow::anyhow!("built-in verb patterns: {e}"))?,
    };
    let cameo = CameoTable::builtin().map_err(|e| anyhow::anyhow!("built-in CAMEO table: {e}"))?;
    Ok((dict, verbs, cameo))
}

//! Arguments shared by the commands that read documents, and the loop that reads them.

use anyhow::{Context, Result};
use axis::cameo::CameoTable;
use axis::dict::{DictErrorKind, Dictionary, VerbDictionary};
use axis::io::{Input, InputFormat, ReadOptions, Reader};
use axis::petrarch::{xml, Petrarch, PetrarchFiles};
use axis::text::Document;
use axis::when::Date;
use clap::{Args, ValueEnum};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Where documents come from and how to read them.
#[derive(Args, Debug, Clone)]
pub struct InputArgs {
    /// Input files or folders (`*.txt`, `*.html`: one document each; `*.xml`/`*.rss`/`*.atom`
    /// feeds: one per item; PETRARCH `<Sentences>` XML: one per record; `*.jsonl`: one per line;
    /// `*.conllu`: one per `# newdoc`, else per sentence; any of them `.gz`); `-` or nothing for
    /// stdin.
    pub paths: Vec<PathBuf>,
    /// Story date (YYYY-MM-DD) for documents that carry none (in a `Date:` header, JSONL `date`,
    /// page metadata or feed item date).
    #[arg(long, value_parser = parse_date)]
    pub date: Option<Date>,
    /// Input format; `auto` picks by extension (`.txt`; `.html`, `.htm`, `.xhtml`; `.xml`, `.rss`,
    /// `.atom`, `.rdf`; `.jsonl`, `.ndjson`; `.conllu`; each also `.gz`, decompressed up to 1 GiB),
    /// else by the first bytes (`{` JSONL, `<!doctype html`/`<html` HTML, `<rss`/`<feed` a feed,
    /// `# sent_id` CoNLL-U, text).
    #[arg(long = "input-format", value_enum, default_value_t = FormatArg::Auto)]
    pub input_format: FormatArg,
    /// Replace invalid UTF-8 with U+FFFD (with a warning) instead of skipping the input.
    #[arg(long)]
    pub lossy: bool,
    /// Dictionaries: a folder of axis dictionary files (default, or `axis`: the built-in ones);
    /// its `verbs/` subfolder, if any, replaces the built-in verb patterns. `petrarch:DIR` reads
    /// PETRARCH/Phoenix dictionaries (CAMEO.2.0.txt, *.actors.txt, *.agents.txt, ...) instead;
    /// `petrarch:RECORDS.xml` the ones a validation file's <Environment> names.
    #[arg(long, value_name = "DIR|axis|petrarch:DIR|petrarch:RECORDS.xml")]
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
    /// CoNLL-U (Universal Dependencies): documents with their parses (see `--use-parse`).
    Conllu,
}

/// Parses a `--date`-style argument (YYYY-MM-DD).
pub fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).map_err(|e| e.to_string())
}

impl InputArgs {
    /// The PETRARCH folder named by `--dict petrarch:DIR`, if that is the choice.
    pub fn petrarch_dir(&self) -> Option<PathBuf> {
        petrarch_dir(self.dict.as_deref())
    }

    /// The PETRARCH dictionaries `--dict petrarch:…` names, loaded; `None` for axis dictionaries.
    pub fn petrarch(&self) -> Result<Option<Petrarch>> {
        self.petrarch_dir().map(|dir| load_petrarch(&petrarch_files(&dir)?)).transpose()
    }

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
                FormatArg::Conllu => InputFormat::Conllu,
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
            if is_petrarch_xml(p) {
                // PETRARCH `<Sentences>` records: one document per record.
                let records = xml::read_file(p).with_context(|| format!("reading {}", p.display()))?;
                for e in &records.errors {
                    skipped += 1;
                    eprintln!("axis: error: {e}");
                }
                for w in &records.warnings {
                    eprintln!("axis: warning: {w}");
                }
                for r in &records.records {
                    docs += 1;
                    each(r.document())?;
                }
                continue;
            }
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
    if let Some(dir) = petrarch_dir(dir) {
        return Ok(load_petrarch(&petrarch_files(&dir)?)?.dict);
    }
    match axis_dir(dir) {
        Some(dir) => Dictionary::load_dir(dir)
            .map_err(|e| anyhow::anyhow!("{e}"))
            .with_context(|| format!("loading dictionaries from {}", dir.display())),
        None => Dictionary::builtin().map_err(|e| anyhow::anyhow!("built-in dictionaries: {e}")),
    }
}

/// Loads what the event coder needs from `dir` (`--dict`): actor dictionaries, verb patterns (its
/// `verbs/` subfolder, else the built-in ones) and the CAMEO table.
pub fn coder_parts(dir: Option<&Path>) -> Result<(Dictionary, VerbDictionary, CameoTable)> {
    if let Some(dir) = petrarch_dir(dir) {
        let p = load_petrarch(&petrarch_files(&dir)?)?;
        let cameo = CameoTable::builtin().map_err(|e| anyhow::anyhow!("built-in CAMEO table: {e}"))?;
        return Ok((p.dict, p.verbs, cameo));
    }
    let dict = dictionary(dir)?;
    let verbs = match axis_dir(dir).map(|d| d.join("verbs")).filter(|v| v.is_dir()) {
        Some(dir) => VerbDictionary::load_dir(&dir)
            .map_err(|e| anyhow::anyhow!("{e}"))
            .with_context(|| format!("loading verb patterns from {}", dir.display()))?,
        None => VerbDictionary::builtin().map_err(|e| anyhow::anyhow!("built-in verb patterns: {e}"))?,
    };
    let cameo = CameoTable::builtin().map_err(|e| anyhow::anyhow!("built-in CAMEO table: {e}"))?;
    Ok((dict, verbs, cameo))
}

/// The axis dictionary folder `--dict` names (`None`, or `axis`: the built-in ones).
fn axis_dir(dir: Option<&Path>) -> Option<&Path> {
    dir.filter(|d| d.as_os_str() != "axis" || d.is_dir())
}

/// Whether `path` is a PETRARCH records file (`*.xml` whose first elements are `<Sentences>`
/// or `<Validation>`), not a feed.
fn is_petrarch_xml(path: &Path) -> bool {
    if !path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xml")) {
        return false;
    }
    let mut head = [0u8; 8192];
    let n = std::fs::File::open(path).and_then(|mut f| std::io::Read::read(&mut f, &mut head)).unwrap_or(0);
    let head = String::from_utf8_lossy(&head[..n]);
    head.contains("<Sentences") || head.contains("<Validation") || head.contains("<Sentence ")
}

/// `petrarch:DIR` → DIR.
pub fn petrarch_dir(dict: Option<&Path>) -> Option<PathBuf> {
    let s = dict?.to_str()?;
    s.strip_prefix("petrarch:").map(PathBuf::from)
}

/// The files `petrarch:PATH` names: a folder's production dictionaries, or, for a records
/// file, the dictionaries its `<Environment>` names (looked up beside it).
pub fn petrarch_files(path: &Path) -> Result<PetrarchFiles> {
    if path.is_file() && path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xml")) {
        let records = xml::read_file(path).with_context(|| format!("reading {}", path.display()))?;
        let env = records
            .environment
            .with_context(|| format!("{} has no <Environment> naming its dictionaries", path.display()))?;
        return Ok(PetrarchFiles::from_environment(path.parent().unwrap_or(Path::new(".")), &env));
    }
    PetrarchFiles::in_dir(path).with_context(|| format!("reading {}", path.display()))
}

/// Loads a PETRARCH dictionary set: malformed lines are listed on stderr and skipped, entries
/// axis cannot express are counted (the README lists the kinds), and the time is reported.
pub fn load_petrarch(files: &PetrarchFiles) -> Result<Petrarch> {
    if files.is_empty() {
        anyhow::bail!(
            "no PETRARCH dictionaries found (want CAMEO*.txt or *verbs*.txt, *actors*.txt, *agents*.txt)"
        );
    }
    let start = Instant::now();
    let p = Petrarch::load(files);
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    // A file that cannot be read is a wrong path, not a bad line: stop.
    let unreadable: Vec<String> =
        p.problems.iter().filter(|e| matches!(e.kind, DictErrorKind::Io(_))).map(|e| e.to_string()).collect();
    if !unreadable.is_empty() {
        anyhow::bail!("PETRARCH dictionaries: {}", unreadable.join("; "));
    }
    for e in &p.problems {
        eprintln!("axis: warning: {e} (skipped)");
    }
    let s = &p.stats;
    eprintln!(
        "axis: PETRARCH dictionaries: {} actor phrases ({} entries), {} agent phrases, {} verbs in {} blocks, \
         {} pattern lines -> {} axis patterns, {} synsets, {} discards, {} issues; {} malformed line(s) skipped, \
         {} entr(ies) axis cannot express skipped; loaded in {ms:.0} ms",
        s.actor_phrases,
        s.actor_entries,
        s.agent_phrases,
        s.verbs,
        s.verb_blocks,
        s.pattern_lines,
        s.patterns,
        s.synsets,
        s.discards,
        s.issues,
        p.problems.len(),
        p.notes.len()
    );
    Ok(p)
}

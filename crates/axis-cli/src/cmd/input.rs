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
    /// Input files or folders (`*.txt`: one document each; `*.jsonl`: one per line); `-` or
    /// nothing for stdin.
    pub paths: Vec<PathBuf>,
    /// Story date (YYYY-MM-DD) for documents that carry none in a `Date:` header or JSONL `date`.
    #[arg(long, value_parser = parse_date)]
    pub date: Option<Date>,
    /// Input format; `auto` picks by extension (stdin: JSONL if it starts with `{`).
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
    /// By extension.
    Auto,
    /// One document per file.
    Text,
    /// One JSON object per line.
    Jsonl,
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).map_err(|e| e.to_string())
}

impl InputArgs {
    /// The PETRARCH folder named by `--dict petrarch:DIR`, if that is the choice.
    pub fn petrarch_dir(&self) -> Option<PathBuf> {
        petrarch_dir(self.dict.as_deref())
    }

    /// The axis dictionary folder named by `--dict DIR` (`None`: the built-in ones).
    fn axis_dir(&self) -> Option<&Path> {
        self.dict.as_deref().filter(|d| d.as_os_str() != "axis" || d.is_dir())
    }

    /// The PETRARCH dictionaries `--dict petrarch:…` names, loaded; `None` for axis dictionaries.
    pub fn petrarch(&self) -> Result<Option<Petrarch>> {
        self.petrarch_dir().map(|dir| load_petrarch(&petrarch_files(&dir)?)).transpose()
    }

    /// Loads the dictionaries these arguments name.
    pub fn dictionary(&self) -> Result<Dictionary> {
        if let Some(dir) = self.petrarch_dir() {
            return Ok(load_petrarch(&petrarch_files(&dir)?)?.dict);
        }
        match self.axis_dir() {
            Some(dir) => Dictionary::load_dir(dir)
                .map_err(|e| anyhow::anyhow!("{e}"))
                .with_context(|| format!("loading dictionaries from {}", dir.display())),
            None => Dictionary::builtin().map_err(|e| anyhow::anyhow!("built-in dictionaries: {e}")),
        }
    }

    /// Loads everything the event coder needs: actor and verb dictionaries and the CAMEO table.
    pub fn coder_parts(&self) -> Result<(Dictionary, VerbDictionary, CameoTable)> {
        if let Some(dir) = self.petrarch_dir() {
            let p = load_petrarch(&petrarch_files(&dir)?)?;
            let cameo = CameoTable::builtin().map_err(|e| anyhow::anyhow!("built-in CAMEO table: {e}"))?;
            return Ok((p.dict, p.verbs, cameo));
        }
        let dict = self.dictionary()?;
        let verbs = match self.axis_dir().map(|d| d.join("verbs")).filter(|v| v.is_dir()) {
            Some(dir) => VerbDictionary::load_dir(&dir)
                .map_err(|e| anyhow::anyhow!("{e}"))
                .with_context(|| format!("loading verb patterns from {}", dir.display()))?,
            None => VerbDictionary::builtin().map_err(|e| anyhow::anyhow!("built-in verb patterns: {e}"))?,
        };
        let cameo = CameoTable::builtin().map_err(|e| anyhow::anyhow!("built-in CAMEO table: {e}"))?;
        Ok((dict, verbs, cameo))
    }

    /// Reads every input, calling `each` per document; warnings and skipped records go to
    /// stderr. Returns (documents, skipped) counts.
    pub fn for_each(&self, mut each: impl FnMut(Document) -> Result<()>) -> Result<(usize, usize)> {
        let opts = ReadOptions {
            format: match self.input_format {
                FormatArg::Auto => InputFormat::Auto,
                FormatArg::Text => InputFormat::Text,
                FormatArg::Jsonl => InputFormat::Jsonl,
            },
            date: self.date,
            lossy: self.lossy,
        };
        let reader = Reader::new(opts);
        let stdin = [PathBuf::from("-")];
        let paths = if self.paths.is_empty() { &stdin[..] } else { &self.paths[..] };
        let (mut docs, mut skipped) = (0, 0);
        let mut failure = None;
        for p in paths {
            if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("xml")) {
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

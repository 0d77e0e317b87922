//! `axis validate RECORDS.xml`: code PETRARCH gold records and score the result — exact-record
//! accuracy, event precision/recall/F1 and a per-category table, then every failing record with
//! gold and produced events and the `axis explain` command that shows why.

use super::input::{coder_parts, load_petrarch, petrarch_dir, petrarch_files};
use anyhow::{bail, Context, Result};
use axis::cameo::CameoTable;
use axis::code::Coder;
use axis::petrarch::validate::{validate, Report, Tally};
use axis::petrarch::xml::{self, GoldEvent};
use axis::petrarch::PetrarchFiles;
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `axis validate`.
#[derive(Args, Debug)]
pub struct ValidateArgs {
    /// A PETRARCH records file (`<Sentences>` with `<EventCoding>` gold).
    pub records: PathBuf,
    /// Dictionaries: `petrarch:DIR` (the files the records' `<Environment>` names, looked up in
    /// DIR; without an `<Environment>`, the production set in DIR), `axis` (built-in, the
    /// default) or an axis dictionary folder.
    #[arg(long, value_name = "petrarch:DIR|axis|DIR")]
    pub dict: Option<PathBuf>,
    /// Take subjects and objects from the records' `<Parse>` (Penn Treebank or CoNLL-U) instead
    /// of axis's shallow syntax.
    #[arg(long)]
    pub use_parse: bool,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// List at most this many failing records (default: all).
    #[arg(long, value_name = "N")]
    pub failures: Option<usize>,
}

/// Runs `axis validate`.
pub fn run(args: ValidateArgs) -> Result<()> {
    let records =
        xml::read_file(&args.records).with_context(|| format!("reading {}", args.records.display()))?;
    for e in &records.errors {
        eprintln!("axis: error: {e} (record skipped)");
    }
    for w in &records.warnings {
        eprintln!("axis: warning: {w}");
    }
    if records.records.is_empty() {
        bail!("{}: no <Sentence> records", args.records.display());
    }
    let cameo = CameoTable::builtin().map_err(|e| anyhow::anyhow!("built-in CAMEO table: {e}"))?;
    // The `--dict` that `axis explain` needs to use the same dictionaries.
    let mut explain_dict = args.dict.as_ref().map(|d| d.display().to_string());
    let (petrarch, axis_dicts) = match petrarch_dir(args.dict.as_deref()) {
        Some(dir) => {
            let files = match &records.environment {
                Some(env) if dir.is_dir() => {
                    explain_dict = Some(format!("petrarch:{}", args.records.display()));
                    PetrarchFiles::from_environment(&dir, env)
                }
                _ => petrarch_files(&dir)?,
            };
            (Some(load_petrarch(&files)?), None)
        }
        None => {
            let (d, v, _) = coder_parts(args.dict.as_deref())?;
            (None, Some((d, v)))
        }
    };
    let coder = match (&petrarch, &axis_dicts) {
        (Some(p), _) => Coder::new(&p.dict, &p.verbs, &cameo),
        (None, Some((d, v))) => Coder::new(d, v, &cameo),
        (None, None) => bail!("no dictionaries loaded"),
    }
    .use_parse(args.use_parse);
    if args.use_parse {
        let parsed = records.records.iter().filter(|r| r.parsed.is_some()).count();
        eprintln!("axis: --use-parse: {parsed} of {} record(s) have a usable <Parse>", records.records.len());
    }
    let report = validate(&coder, petrarch.as_ref(), &records.records);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.json {
        let summary = |t: &Tally| {
            serde_json::json!({
                "category": t.category, "records": t.records, "correct": t.correct,
                "accuracy": t.accuracy(), "non_cameo": t.non_cameo, "cameo_accuracy": t.cameo_accuracy(),
                "gold": t.gold, "produced": t.produced, "true_positives": t.true_positives,
                "precision": t.precision(), "recall": t.recall(), "f1": t.f1(),
            })
        };
        let failing: Vec<_> = report.records.iter().filter(|r| !r.correct).collect();
        let json = serde_json::json!({
            "records_file": args.records.display().to_string(),
            "dict": args.dict.as_ref().map_or("axis".to_string(), |d| d.display().to_string()),
            "use_parse": args.use_parse,
            "total": summary(&report.total),
            "categories": report.categories.iter().map(summary).collect::<Vec<_>>(),
            "unscored": report.unscored,
            "skipped": records.errors.len(),
            "failing": failing,
        });
        serde_json::to_writer_pretty(&mut out, &json)?;
        writeln!(out)?;
        return Ok(out.flush()?);
    }
    print_report(&mut out, &report, &args, explain_dict.as_deref(), records.errors.len())?;
    Ok(out.flush()?)
}

fn pct(x: f64) -> String {
    format!("{:5.1}%", 100.0 * x)
}

fn print_report(
    out: &mut impl Write,
    report: &Report,
    args: &ValidateArgs,
    explain_dict: Option<&str>,
    skipped: usize,
) -> Result<()> {
    writeln!(
        out,
        "{:<10} {:>7} {:>7} {:>7} {:>9} {:>6} {:>8} {:>5} {:>6} {:>6} {:>6}",
        "category", "records", "correct", "acc", "non-CAMEO", "gold", "produced", "tp", "P", "R", "F1"
    )?;
    for t in report.categories.iter().chain(std::iter::once(&report.total)) {
        writeln!(
            out,
            "{:<10} {:>7} {:>7} {:>7} {:>9} {:>6} {:>8} {:>5} {:>6.3} {:>6.3} {:>6.3}",
            t.category,
            t.records,
            t.correct,
            pct(t.accuracy()),
            t.non_cameo,
            t.gold,
            t.produced,
            t.true_positives,
            t.precision(),
            t.recall(),
            t.f1()
        )?;
    }
    let t = &report.total;
    writeln!(out)?;
    writeln!(out, "exact-record accuracy: {}/{} = {}", t.correct, t.records, pct(t.accuracy()).trim())?;
    writeln!(
        out,
        "  over records whose gold is all CAMEO: {}/{} = {}; over the {} whose gold uses the \
         dictionary's own codes: {}/{}",
        t.correct - t.non_cameo_correct,
        t.records - t.non_cameo,
        pct(t.cameo_accuracy()).trim(),
        t.non_cameo,
        t.non_cameo_correct,
        t.non_cameo
    )?;
    writeln!(
        out,
        "events: precision {:.3}  recall {:.3}  F1 {:.3}  ({} gold, {} produced, {} both)",
        t.precision(),
        t.recall(),
        t.f1(),
        t.gold,
        t.produced,
        t.true_positives
    )?;
    if report.unscored > 0 || skipped > 0 {
        writeln!(
            out,
            "not scored: {} record(s) without gold, {} skipped as malformed",
            report.unscored, skipped
        )?;
    }
    let failing: Vec<_> = report.records.iter().filter(|r| !r.correct).collect();
    if failing.is_empty() {
        return Ok(());
    }
    let limit = args.failures.unwrap_or(usize::MAX);
    writeln!(out, "\nfailing records ({}):", failing.len())?;
    let dict = explain_dict.map(|d| format!(" --dict {d}")).unwrap_or_default();
    let list = |evs: &[GoldEvent]| {
        if evs.is_empty() {
            "(none)".to_string()
        } else {
            evs.iter().map(|e| format!("{} {} {}", e.source, e.target, e.code)).collect::<Vec<_>>().join("; ")
        }
    };
    for r in failing.iter().take(limit) {
        let mark = if r.non_cameo { "  [gold outside CAMEO]" } else { "" };
        writeln!(out, "\n{} ({}:{}) [{}]{mark}", r.id, args.records.display(), r.line, r.category)?;
        writeln!(out, "  text:     {}", r.text)?;
        writeln!(out, "  gold:     {}", list(&r.gold))?;
        writeln!(out, "  produced: {}", list(&r.produced))?;
        let date = r.date.map(|d| format!(" --date {d}")).unwrap_or_default();
        writeln!(out, "  explain:  axis explain{dict}{date} {:?}", r.text)?;
    }
    if failing.len() > limit {
        writeln!(out, "\n… and {} more (--failures N to list more)", failing.len() - limit)?;
    }
    Ok(())
}

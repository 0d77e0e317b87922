//! `axis eval conflibert`: the dev-set score — class agreement on the ConfliBERT CAMEO sentences
//! and recall of their labelled actor spans. Re-run it after every dictionary change.

use super::input::{FormatArg, InputArgs};
use anyhow::{bail, Context, Result};
use axis::code::Coder;
use axis::eval::{first_root, ClassScore, SpanScore};
use axis::when::Date;
use clap::Subcommand;
use std::path::PathBuf;

/// Evaluation subcommands.
#[derive(Subcommand, Debug)]
pub enum EvalCommand {
    /// Score against the ConfliBERT CAMEO sentence set (5-class labels and BIO actor spans).
    Conflibert {
        /// Folder with conflibert_cameo_class_train.tsv and conflibert_cameo_ner_train.bio.
        #[arg(long, default_value = "../shared/goldstd")]
        dir: PathBuf,
        /// Story date used for every sentence (the set is 2017–2019 news).
        #[arg(long, default_value = "2018-06-01", value_parser = parse_date)]
        date: Date,
        /// Dictionaries folder (default: built-in).
        #[arg(long, value_name = "DIR")]
        dict: Option<PathBuf>,
        /// Print each misclassified sentence.
        #[arg(long)]
        errors: bool,
    },
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).map_err(|e| e.to_string())
}

const NAMES: [&str; 5] = [
    "0 statements/appeals (01-02)",
    "1 intent/consult/diplomacy (03-05)",
    "2 material coop (06-08)",
    "3 demand..reduce (09-13,16)",
    "4 protest/force (14-15,17-20)",
];

/// Runs an evaluation.
pub fn run(cmd: EvalCommand) -> Result<()> {
    let EvalCommand::Conflibert { dir, date, dict, errors } = cmd;
    let input =
        InputArgs { paths: Vec::new(), date: Some(date), input_format: FormatArg::Text, lossy: false, dict };
    let (d, v, c) = input.coder_parts()?;
    let coder = Coder::new(&d, &v, &c);
    let class_path = dir.join("conflibert_cameo_class_train.tsv");
    let text =
        std::fs::read_to_string(&class_path).with_context(|| format!("reading {}", class_path.display()))?;
    let mut score = ClassScore::default();
    for (n, line) in text.lines().enumerate() {
        let Some((sentence, label)) = line.rsplit_once('\t') else {
            eprintln!("axis: warning: {}:{}: no tab; skipped", class_path.display(), n + 1);
            continue;
        };
        let Ok(gold) = label.trim().parse::<u8>() else {
            if n > 0 {
                eprintln!(
                    "axis: warning: {}:{}: label '{label}' is not 0-4; skipped",
                    class_path.display(),
                    n + 1
                );
            }
            continue;
        };
        let root = first_root(&coder, sentence, Some(date));
        let predicted = root.map_or(0, axis::eval::conflibert_class);
        if errors && predicted != gold {
            println!("gold {gold} got {predicted} (root {:?}): {sentence}", root);
        }
        score.add(gold, root);
    }
    if score.total() == 0 {
        bail!("{}: no labelled sentences", class_path.display());
    }
    println!("ConfliBERT CAMEO classes: {} sentences, {} with an event", score.total(), score.with_events);
    println!("accuracy (first event's class; no event = class 0): {:.1}%", 100.0 * score.accuracy());
    println!(
        "\n{:<38} {:>9} {:>7}   confusion (rows gold, columns predicted)",
        "class", "precision", "recall"
    );
    for (k, name) in NAMES.iter().enumerate() {
        let (p, r) = score.precision_recall(k);
        let row: Vec<String> = score.confusion[k].iter().map(|n| format!("{n:>4}")).collect();
        println!("{name:<38} {:>8.1}% {:>6.1}%   {}", 100.0 * p, 100.0 * r, row.join(""));
    }
    let bio_path = dir.join("conflibert_cameo_ner_train.bio");
    match std::fs::read_to_string(&bio_path) {
        Ok(bio) => {
            let mut spans = SpanScore::default();
            for block in bio.split("\n\n") {
                let tokens: Vec<(&str, &str)> = block.lines().filter_map(|l| l.rsplit_once(' ')).collect();
                if !tokens.is_empty() {
                    spans.add_bio(&coder, &tokens, Some(date));
                }
            }
            let pct = |a: u32, b: u32| 100.0 * f64::from(a) / f64::from(b.max(1));
            println!("\nConfliBERT actor spans: {} labelled", spans.spans);
            println!("  found as an actor mention:   {:.1}%", pct(spans.mentioned, spans.spans));
            println!(
                "  sources found as a source:   {:.1}% of {}",
                pct(spans.sources_found, spans.sources),
                spans.sources
            );
            println!(
                "  targets found as a target:   {:.1}% of {}",
                pct(spans.targets_found, spans.targets),
                spans.targets
            );
        }
        Err(e) => eprintln!("axis: warning: {}: {e}; span score skipped", bio_path.display()),
    }
    Ok(())
}

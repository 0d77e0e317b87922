//! Subcommands: argument definitions and dispatch. One file per subcommand.

mod actors;
mod code;
mod demo;
mod dict;
mod eval;
mod explain;
mod input;
mod validate;

use clap::{Parser, Subcommand};

/// axis: political event data from news text.
///
/// Reads news (plain text or JSONL), finds the actors it names and dates what it says when it
/// happened, not when it was published.
#[derive(Parser, Debug)]
#[command(name = "axis", version, about, long_about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run the pipeline on the bundled sample corpus: events (or, with --actors, actor mentions).
    Demo(demo::DemoArgs),
    /// List actor mentions sentence by sentence: span, code, and the date each was resolved at.
    ///
    /// Example: axis actors story.txt --date 2019-02-02
    #[command(after_long_help = ACTORS_HELP)]
    Actors(actors::ActorsArgs),
    /// Code events: who did what to whom, when, with the evidence.
    ///
    /// Example: axis code story.txt --date 2019-02-02 --format jsonl
    Code(code::CodeArgs),
    /// Show every step of coding one text: tokens, clauses, dates, actors, patterns, events.
    ///
    /// Example: axis explain "Russian troops attacked Ukraine last year." --date 2019-02-02
    Explain(explain::ExplainArgs),
    /// Check or summarise actor dictionaries.
    #[command(subcommand)]
    Dict(dict::DictCommand),
    /// Score axis against labelled data (the dev set).
    #[command(subcommand)]
    Eval(eval::EvalCommand),
    /// Score axis against PETRARCH gold records: per-category table, exact-record accuracy,
    /// event precision/recall/F1, and every failing record with gold vs produced events.
    ///
    /// Example: axis validate PETR.UnitTest.records.xml --dict petrarch:../shared/petrarch
    Validate(validate::ValidateArgs),
}

const ACTORS_HELP: &str = "\
Table columns, one line per mention under its sentence:
  START..END   byte offsets of the mention in the input file (JSON: start, end)
  \"TEXT\"       the mention as written
  CODE         actor part + agent parts (RUSGOV = Russia + government); --- when only an agent
               is named (\"the Senate\" = ---LEG)
  DATE (HOW)   the date the mention was resolved at, and where that date came from:
               (clause) an expression in its clause, (sentence) an expression earlier in the
               sentence, (narrative) the time the story was last talking about, (story) the
               story date (present tense)
  WHO          the entity, or the person with the office held at that date

Names mean different things at different dates: \"Moscow\" is SUN before 1991-12-26 and RUS after;
a person stands for the office held at the date (out of office: country + ELI).";

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Demo(a) => demo::run(a),
        Command::Actors(a) => actors::run(a),
        Command::Code(a) => code::run(a),
        Command::Explain(a) => explain::run(a),
        Command::Dict(c) => dict::run(c),
        Command::Eval(c) => eval::run(c),
        Command::Validate(a) => validate::run(a),
    }
}

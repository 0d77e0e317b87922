//! Subcommands: argument definitions and dispatch. One file per subcommand.

mod actors;
mod asymmetry;
mod balance;
mod code;
mod demo;
mod dict;
mod dyad;
mod eval;
mod explain;
mod input;
mod relations;
mod triangle;

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
    /// Dyad series: how two actors treat each other, per day/week/month/quarter/year.
    ///
    /// Example: axis dyad CHN RUS --events events.jsonl --by year --plot dyad.svg
    #[command(after_long_help = RELATIONS_HELP)]
    Dyad(dyad::DyadArgs),
    /// Strategic triangle (Dittmer): side signs, configuration and transitions per period.
    ///
    /// Example: axis triangle USA CHN RUS --events events.jsonl --by year --plot triangle.png
    #[command(after_long_help = RELATIONS_HELP)]
    Triangle(triangle::TriangleArgs),
    /// Structural balance among N actors: balanced triads and the frustration index per period.
    ///
    /// Example: axis balance USA CHN RUS IND JPN --events events.jsonl --by year
    #[command(after_long_help = RELATIONS_HELP)]
    Balance(balance::BalanceArgs),
    /// Asymmetry: who gives aid, who visits, who appeals, who yields; with --capabilities the
    /// COW CINC ratio.
    ///
    /// Example: axis asymmetry SUN CHN --events events.jsonl --by year --capabilities nmc.csv
    #[command(after_long_help = RELATIONS_HELP)]
    Asymmetry(asymmetry::AsymmetryArgs),
}

const RELATIONS_HELP: &str = "\
Events come from --events FILE.jsonl, the JSON lines `axis code --format jsonl` writes; events
without a target, negated events and undated events are left out (counted on stderr). An event is
counted in the period containing the first day of its date (--precise: events whose date is vaguer
than the period are left out).

Actors are code prefixes: CHN matches CHN, CHNGOV, CHNMIL…; CHN/GOV+MIL keeps only codes with a
GOV or MIL part. QuadClasses: 1 verbal cooperation (CAMEO 01-05), 2 material cooperation (06-09),
3 verbal conflict (10-14), 4 material conflict (15-20). Net cooperation = (1+2) - (3+4) events.

Signs (triangle, balance): a relation is + when it has at least --min-events events and its net
cooperation share (1+2 - 3-4) / all exceeds --margin, - below -margin, ~ in between, ? with too
few events. Periods with no events are listed, not dropped.";

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
        Command::Dyad(a) => dyad::run(a),
        Command::Triangle(a) => triangle::run(a),
        Command::Balance(a) => balance::run(a),
        Command::Asymmetry(a) => asymmetry::run(a),
    }
}

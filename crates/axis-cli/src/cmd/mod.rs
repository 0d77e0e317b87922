//! Subcommands: argument definitions and dispatch. One file per subcommand.

mod actors;
mod demo;
mod dict;
mod input;

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
    /// Run the actor pipeline on the bundled sample corpus.
    Demo(demo::DemoArgs),
    /// List actor mentions sentence by sentence: span, code, and the date each was resolved at.
    ///
    /// Example: axis actors story.txt --date 2019-02-02
    Actors(actors::ActorsArgs),
    /// Check or summarise actor dictionaries.
    #[command(subcommand)]
    Dict(dict::DictCommand),
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Demo(a) => demo::run(a),
        Command::Actors(a) => actors::run(a),
        Command::Dict(c) => dict::run(c),
    }
}

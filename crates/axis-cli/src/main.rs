//! The `axis` command-line tool: a thin front-end over the `axis` library, one file per
//! subcommand under `cmd/`.

mod cmd;
mod output;

use clap::Parser;

fn main() {
    let cli = cmd::Cli::parse();
    let result = cmd::run(cli);
    if let Err(err) = result {
        // A closed pipe (`axis actors … | head`) is not an error.
        if output::is_broken_pipe(&err) {
            std::process::exit(0);
        }
        eprintln!("axis: error: {err:#}");
        std::process::exit(1);
    }
}

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
mod export;
mod import;
mod ingest;
mod input;
mod recode;
mod relations;
mod serve;
mod stats;
mod store_args;
mod triangle;
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
    /// Code documents and store them, with their events, in a database (default axis.db).
    ///
    /// Re-running adds only documents whose text is not stored yet, so an interrupted ingest
    /// resumes where it stopped. Example: axis ingest ~/news/ --db axis.db
    Ingest(ingest::IngestArgs),
    /// Code the stored documents again after a dictionary change (only those coded with other
    /// dictionaries).
    ///
    /// Example: axis recode --db axis.db --dict mydict/
    Recode(recode::RecodeArgs),
    /// Write stored events out, filtered by date, actor, code and origin.
    ///
    /// Example: axis export --db axis.db --from 2018-01-01 --actor CHN --actor RUS --format csv
    Export(export::ExportArgs),
    /// Count what the database holds: documents, sentences, events by origin and year, by root.
    Stats(stats::StatsArgs),
    /// Import GDELT or ICEWS event files (plain or zip), or Parquet events (axis's export,
    /// Spark's output): to stdout, or stored with --db.
    ///
    /// Example: axis import gdelt 20190201.export.CSV.zip --format csv > events.csv
    #[command(after_long_help = IMPORT_HELP)]
    Import(import::ImportArgs),
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
    /// Serve the HTTP API (/v1) and the web dashboard over a database.
    ///
    /// Listens on 127.0.0.1:8080 unless --addr says otherwise. Example: axis serve --db axis.db
    Serve(serve::ServeArgs),
    /// Score axis against PETRARCH gold records: per-category table, exact-record accuracy,
    /// event precision/recall/F1, and every failing record with gold vs produced events.
    ///
    /// Example: axis validate PETR.UnitTest.records.xml --dict petrarch:../shared/petrarch
    Validate(validate::ValidateArgs),
}

const IMPORT_HELP: &str = "\
GDELT: 57 columns (1.0 backfiles), 58 (1.0 daily, with SOURCEURL) or 61 (2.0 exports), recognised
per row. ICEWS: the Dataverse .tab files with their header row; country names become ISO codes
and sectors CAMEO agents (\"Military,Government\" of \"Russian Federation\" = RUSMIL).

A malformed row is reported on stderr with file:line and the reason, and skipped; an unknown ICEWS
country or sector is a warning and the row is kept. The summary line counts rows read, imported and
skipped, so every row is accounted for. The exit status is 1 only when nothing could be imported.

Parquet (builds with --features parquet): files or directories of them, such as the events/ the
Spark job writes (year=YYYY/month=M directories give their values to the rows below them), with
axis's event columns (date_start, source, target and code required). Errors name the file, the
row group and row (from 0) and the column; a bad row or file is skipped, the others are read.
With --db the rows are stored under --origin (default parquet), keyed by their content, so a
second import adds nothing: axis import parquet out/events --db spark.db --origin spark, then
axis dyad ISR PSE --db spark.db --origin spark.";

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
        Command::Ingest(a) => ingest::run(a),
        Command::Recode(a) => recode::run(a),
        Command::Export(a) => export::run(a),
        Command::Stats(a) => stats::run(a),
        Command::Import(a) => import::run(a),
        Command::Dyad(a) => dyad::run(a),
        Command::Triangle(a) => triangle::run(a),
        Command::Balance(a) => balance::run(a),
        Command::Asymmetry(a) => asymmetry::run(a),
        Command::Serve(a) => serve::run(a),
        Command::Validate(a) => validate::run(a),
    }
}

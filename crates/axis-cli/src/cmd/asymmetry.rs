//! `axis asymmetry A B`: who is the senior partner — aid, visits, appeals, concessions, and the
//! COW capability ratio.

use super::relations::{actors, num, print_csv, print_table, Format, RelArgs};
use anyhow::{anyhow, Result};
use axis::relations::asymmetry::{AsymmetryCollector, AsymmetryRow};
use axis::relations::capabilities::Capabilities;
use axis::relations::chart::asymmetry_chart;
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `axis asymmetry`.
#[derive(Args, Debug)]
pub struct AsymmetryArgs {
    /// Actor A (the score is A's: 1 = A is the senior partner).
    pub a: String,
    /// Actor B.
    pub b: String,
    #[command(flatten)]
    pub rel: RelArgs,
    /// Correlates of War National Material Capabilities CSV (columns year, cinc and stateabb or
    /// ccode): adds the CINC ratio A/B for each period's year.
    #[arg(long, value_name = "FILE.csv")]
    pub capabilities: Option<PathBuf>,
}

const HEADER: [&str; 16] = [
    "period",
    "aid_ab",
    "aid_ba",
    "visits_ab",
    "visits_ba",
    "appeals_ab",
    "appeals_ba",
    "yields_ab",
    "yields_ba",
    "coop_ab",
    "coop_ba",
    "a_initiated",
    "a_senior",
    "cinc_a",
    "cinc_b",
    "cinc_ratio",
];

fn cells(r: &AsymmetryRow) -> Vec<String> {
    let (ab, ba) = (r.ab, r.ba);
    let mut row = vec![r.period.clone()];
    for (x, y) in [
        (ab.aid, ba.aid),
        (ab.visits, ba.visits),
        (ab.appeals, ba.appeals),
        (ab.yields, ba.yields),
        (ab.cooperation, ba.cooperation),
    ] {
        row.push(x.to_string());
        row.push(y.to_string());
    }
    row.push(num(r.a_initiated_share, 2));
    row.push(num(r.a_senior_score, 2));
    row.push(num(r.cinc.map(|c| c.a), 4));
    row.push(num(r.cinc.map(|c| c.b), 4));
    row.push(num(r.cinc.map(|c| c.ratio).filter(|v| v.is_finite()), 2));
    row
}

/// Runs `axis asymmetry`.
pub fn run(args: AsymmetryArgs) -> Result<()> {
    args.rel.check_plot()?;
    let who = actors(&[args.a.clone(), args.b.clone()])?;
    let caps = match &args.capabilities {
        Some(p) => {
            let caps = Capabilities::read_csv(p).map_err(|e| anyhow!("{e}"))?;
            for problem in caps.problems.iter().take(20) {
                eprintln!("axis: skipped {problem}");
            }
            Some(caps)
        }
        None => None,
    };
    let (events, _) = args.rel.load(&who)?;
    let mut c = AsymmetryCollector::new(
        who[0].clone(),
        who[1].clone(),
        args.rel.by,
        args.rel.span(),
        args.rel.one_a_day,
    );
    events.iter().for_each(|e| c.push(e));
    let s = c.finish(caps.as_ref());
    let mut rows: Vec<Vec<String>> = s.rows.iter().map(cells).collect();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.rel.format() {
        Format::Table => {
            writeln!(
                out,
                "Asymmetry {a} / {b}, by {}: _ab = {a} toward {b}, _ba = {b} toward {a}. aid = CAMEO 07, \
                 visits = 042 made + 043 received, appeals = 02, yields = 08, coop = QuadClass 1-2 initiated.\n\
                 a_senior = mean of {a}'s shares of aid given, visits received, appeals received, yields \
                 received (1: {a} is the patron; 0: {b} is).",
                s.by,
                a = s.a,
                b = s.b
            )?;
            if s.rows.is_empty() {
                writeln!(out, "(no events between them)")?;
            } else {
                rows.push(cells(&s.total));
                print_table(&mut out, &HEADER, &rows)?;
            }
        }
        Format::Csv => print_csv(&mut out, &HEADER, &rows)?,
        Format::Json => {
            for r in &s.rows {
                let mut v = serde_json::to_value(r)?;
                v["a"] = s.a.clone().into();
                v["b"] = s.b.clone().into();
                writeln!(out, "{v}")?;
            }
        }
    }
    out.flush()?;
    let title = format!("Asymmetry {} / {} by {}", s.a, s.b, s.by);
    args.rel.write_plot(|| asymmetry_chart(&s, &title))
}

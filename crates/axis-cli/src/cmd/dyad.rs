//! `axis dyad A B`: how two actors treat each other, period by period.

use super::relations::{actors, num, print_csv, print_table, Format, RelArgs};
use anyhow::Result;
use axis::relations::chart::dyad_chart;
use axis::relations::dyad::{DyadCollector, DyadOptions};
use clap::Args;
use std::io::Write;

/// Arguments of `axis dyad`.
#[derive(Args, Debug)]
pub struct DyadArgs {
    /// The first actor: a code prefix (CHN matches CHNGOV, CHNMIL…), optionally with agents
    /// (CHN/GOV+MIL: Chinese government or military only).
    pub a: String,
    /// The second actor.
    pub b: String,
    #[command(flatten)]
    pub rel: RelArgs,
    /// Only events from A to B (run again with B A for the other direction).
    #[arg(long)]
    pub directed: bool,
    /// Trailing moving average over N periods (the current one included; fewer at the start):
    /// the table shows averages, the chart's Goldstein line too (its bars stay raw counts).
    #[arg(long, value_name = "N")]
    pub smooth: Option<usize>,
}

const HEADER: [&str; 10] = [
    "period",
    "events",
    "verb_coop",
    "mat_coop",
    "verb_conf",
    "mat_conf",
    "gold_sum",
    "gold_mean",
    "coop_share",
    "net_coop",
];

/// Runs `axis dyad`.
pub fn run(args: DyadArgs) -> Result<()> {
    args.rel.check_plot()?;
    let who = actors(&[args.a.clone(), args.b.clone()])?;
    let (events, _) = args.rel.load(&who)?;
    let opts = DyadOptions {
        directed: args.directed,
        one_a_day: args.rel.one_a_day,
        span: args.rel.span(),
        by: args.rel.by,
    };
    let mut c = DyadCollector::new(who[0].clone(), who[1].clone(), opts);
    events.iter().for_each(|e| c.push(e));
    let series = c.finish(None);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let smooth = args.smooth.filter(|n| *n > 1);
    let rows: Vec<Vec<String>> = match smooth {
        None => series
            .rows
            .iter()
            .map(|r| {
                let t = &r.tally;
                let mut row = vec![r.period.clone(), t.total().to_string()];
                row.extend(t.counts.iter().map(u32::to_string));
                row.push(format!("{:.1}", t.goldstein_sum));
                row.push(num(t.goldstein_mean(), 2));
                row.push(num(t.cooperation_share(), 2));
                row.push(t.net_cooperation().to_string());
                row
            })
            .collect(),
        Some(n) => series
            .smoothed(n)
            .iter()
            .map(|r| {
                let mut row = vec![r.period.clone(), format!("{:.2}", r.counts.iter().sum::<f64>())];
                row.extend(r.counts.iter().map(|c| format!("{c:.2}")));
                row.push(format!("{:.2}", r.goldstein_sum));
                row.push(num(r.goldstein_mean, 2));
                row.push(num(r.cooperation_share, 2));
                row.push(format!("{:.2}", r.net_cooperation));
                row
            })
            .collect(),
    };
    match args.rel.format() {
        Format::Table => {
            let total = series.total();
            writeln!(
                out,
                "{} {} {}, by {}{}{}: {} event(s) in {} period(s)",
                series.a,
                if args.directed { "->" } else { "<->" },
                series.b,
                series.by,
                if args.rel.one_a_day { ", one a day" } else { "" },
                smooth.map_or(String::new(), |n| format!(", moving average over {n} periods")),
                total.total(),
                series.rows.len()
            )?;
            if series.rows.is_empty() {
                writeln!(out, "(no events between them)")?;
            } else {
                print_table(&mut out, &HEADER, &rows)?;
            }
        }
        Format::Csv => print_csv(&mut out, &HEADER, &rows)?,
        Format::Json => {
            for (r, cells) in series.rows.iter().zip(&rows) {
                let mut obj = serde_json::Map::new();
                obj.insert("a".into(), series.a.clone().into());
                obj.insert("b".into(), series.b.clone().into());
                obj.insert("start".into(), r.start.to_string().into());
                for (k, v) in HEADER.iter().zip(cells) {
                    let value = v
                        .parse::<i64>()
                        .map(serde_json::Value::from)
                        .or_else(|_| v.parse::<f64>().map(serde_json::Value::from))
                        .unwrap_or(serde_json::Value::Null);
                    obj.insert((*k).into(), if *k == "period" { v.clone().into() } else { value });
                }
                writeln!(out, "{}", serde_json::Value::Object(obj))?;
            }
        }
    }
    out.flush()?;
    let title = format!(
        "{} {} {} by {}{}",
        series.a,
        if args.directed { "->" } else { "-" },
        series.b,
        series.by,
        if args.rel.one_a_day { " (one a day)" } else { "" }
    );
    let smoothed = smooth.map(|n| series.smoothed(n));
    args.rel.write_plot(|| dyad_chart(&series, smoothed.as_deref(), &title))
}

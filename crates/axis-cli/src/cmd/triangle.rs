//! `axis triangle A B C`: Dittmer's strategic triangle, period by period, with its transitions.

use super::relations::{actors, print_csv, print_table, Format, RelArgs, SignArgs};
use anyhow::Result;
use axis::relations::chart::triangle_chart;
use axis::relations::triangle::{TriangleCollector, TriangleOptions, SIDES};
use clap::Args;
use std::io::Write;

/// Arguments of `axis triangle`.
#[derive(Args, Debug)]
pub struct TriangleArgs {
    /// The three actors (code prefixes, optionally with agents: USA CHN/GOV RUS).
    #[arg(num_args = 3, required = true)]
    pub actors: Vec<String>,
    #[command(flatten)]
    pub rel: RelArgs,
    #[command(flatten)]
    pub sign: SignArgs,
    /// Most events listed under each transition.
    #[arg(long, default_value_t = 5)]
    pub evidence: usize,
}

/// Runs `axis triangle`.
pub fn run(args: TriangleArgs) -> Result<()> {
    args.rel.check_plot()?;
    let who = actors(&args.actors)?;
    let rule = args.sign.rule()?;
    let (events, evidence) = args.rel.load(&who)?;
    let opts = TriangleOptions {
        by: args.rel.by,
        one_a_day: args.rel.one_a_day,
        span: args.rel.span(),
        rule,
        evidence: args.evidence,
    };
    let mut c = TriangleCollector::new([who[0].clone(), who[1].clone(), who[2].clone()], opts);
    events.iter().for_each(|e| c.push(e));
    let t = c.finish();
    let names = t.actors.clone();
    let side_names: Vec<String> = SIDES.iter().map(|(i, j)| format!("{}-{}", names[*i], names[*j])).collect();
    let mut header: Vec<String> = vec!["period".into()];
    for s in &side_names {
        header.push(s.clone());
        header.push(format!("{s}_events"));
    }
    header.push("configuration".into());
    let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
    let rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![r.period.clone()];
            for s in &r.sides {
                row.push(s.sign.symbol().to_string());
                row.push(s.tally.total().to_string());
            }
            row.push(r.configuration.describe(&names));
            row
        })
        .collect();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.rel.format() {
        Format::Table => {
            writeln!(
                out,
                "Triangle {} / {} / {}, by {}: a side is + or - with at least {} event(s) and a net cooperation \
                 share beyond ±{} (~ mixed, ? too few)",
                names[0], names[1], names[2], t.by, rule.min_events, rule.margin
            )?;
            if t.rows.is_empty() {
                writeln!(out, "(no events among them)")?;
            } else {
                print_table(&mut out, &header_refs, &rows)?;
            }
            if !t.transitions.is_empty() {
                writeln!(out, "\nTransitions:")?;
            }
            for tr in &t.transitions {
                let changed: Vec<&str> = tr.changed.iter().map(|k| side_names[*k].as_str()).collect();
                writeln!(
                    out,
                    "{}: {} -> {}{}",
                    tr.period,
                    tr.from.describe(&names),
                    tr.to.describe(&names),
                    if changed.is_empty() {
                        String::new()
                    } else {
                        format!(" (changed: {})", changed.join(", "))
                    }
                )?;
                for ev in evidence.get(&tr.events) {
                    let line = format!("    {}  [{} {}] {}", ev.event, ev.doc, ev.at, ev.sentence);
                    writeln!(out, "{}", line.trim_end())?;
                }
            }
        }
        Format::Csv => print_csv(&mut out, &header_refs, &rows)?,
        Format::Json => {
            for r in &t.rows {
                let mut v = serde_json::to_value(r)?;
                v["description"] = r.configuration.describe(&names).into();
                v["actors"] = serde_json::to_value(&names)?;
                writeln!(out, "{v}")?;
            }
            for tr in &t.transitions {
                let mut v = serde_json::to_value(tr)?;
                v["record"] = "transition".into();
                v["evidence"] = serde_json::to_value(evidence.get(&tr.events))?;
                writeln!(out, "{v}")?;
            }
        }
    }
    out.flush()?;
    let title = format!("Strategic triangle {} / {} / {} by {}", names[0], names[1], names[2], t.by);
    args.rel.write_plot(|| triangle_chart(&t, &title))
}

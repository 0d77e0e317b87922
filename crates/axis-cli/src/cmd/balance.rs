//! `axis balance A B C …`: structural balance among N actors, period by period.

use super::relations::{actors, num, print_csv, print_table, Format, RelArgs, SignArgs};
use anyhow::{bail, Result};
use axis::relations::balance::{BalanceCollector, BalanceOptions, MAX_EXACT};
use axis::relations::chart::balance_chart;
use clap::Args;
use std::io::Write;

/// Arguments of `axis balance`.
#[derive(Args, Debug)]
pub struct BalanceArgs {
    /// Three or more actors (code prefixes, optionally with agents).
    #[arg(required = true)]
    pub actors: Vec<String>,
    #[command(flatten)]
    pub rel: RelArgs,
    #[command(flatten)]
    pub sign: SignArgs,
}

const HEADER: [&str; 8] =
    ["period", "positive", "negative", "triads", "balanced", "balanced_share", "frustration", "camps"];

/// Runs `axis balance`.
pub fn run(args: BalanceArgs) -> Result<()> {
    args.rel.check_plot()?;
    if args.actors.len() < 3 {
        bail!("balance needs at least three actors (got {})", args.actors.len());
    }
    let who = actors(&args.actors)?;
    let rule = args.sign.rule()?;
    let (events, _) = args.rel.load(&who)?;
    let opts = BalanceOptions { by: args.rel.by, one_a_day: args.rel.one_a_day, span: args.rel.span(), rule };
    let mut c = BalanceCollector::new(who, opts);
    events.iter().for_each(|e| c.push(e));
    let s = c.finish();
    let camp = |ids: &[usize]| ids.iter().map(|i| s.actors[*i].as_str()).collect::<Vec<_>>().join("+");
    let rows: Vec<Vec<String>> = s
        .rows
        .iter()
        .map(|r| {
            vec![
                r.period.clone(),
                r.positive.to_string(),
                r.negative.to_string(),
                r.triads.to_string(),
                r.balanced.to_string(),
                num(r.balanced_share, 2),
                r.frustration.as_ref().map_or("-".into(), |f| f.index.to_string()),
                r.frustration.as_ref().filter(|_| r.positive + r.negative > 0).map_or("-".into(), |f| {
                    if f.camps[1].is_empty() {
                        camp(&f.camps[0])
                    } else {
                        format!("{} | {}", camp(&f.camps[0]), camp(&f.camps[1]))
                    }
                }),
            ]
        })
        .collect();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.rel.format() {
        Format::Table => {
            writeln!(
                out,
                "Balance among {}, by {}: relations signed with at least {} event(s), margin ±{}; \
                 frustration = fewest sign flips to two camps",
                s.actors.join(" "),
                s.by,
                rule.min_events,
                rule.margin
            )?;
            if !s.exact {
                writeln!(out, "(frustration index not computed: more than {MAX_EXACT} actors)")?;
            }
            if s.rows.is_empty() {
                writeln!(out, "(no events among them)")?;
            } else {
                print_table(&mut out, &HEADER, &rows)?;
            }
        }
        Format::Csv => print_csv(&mut out, &HEADER, &rows)?,
        Format::Json => {
            for r in &s.rows {
                let mut v = serde_json::to_value(r)?;
                v["actors"] = serde_json::to_value(&s.actors)?;
                writeln!(out, "{v}")?;
            }
        }
    }
    out.flush()?;
    let title = format!("Structural balance among {} by {}", s.actors.join(" "), s.by);
    args.rel.write_plot(|| balance_chart(&s, &title))
}

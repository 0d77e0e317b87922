//! `axis explain`: every step of coding one text — tokens, clauses and dates, actors, the
//! patterns that fired or why none did, and the events — so no output is ever silently empty.

use super::input::InputArgs;
use anyhow::{bail, Context, Result};
use axis::code::Coder;
use axis::io::EventRecord;
use axis::text::Document;
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `axis explain`.
#[derive(Args, Debug)]
pub struct ExplainArgs {
    /// The text to explain (or use --file).
    pub text: Option<String>,
    /// Read the text from this file instead (`-` for stdin).
    #[arg(long, conflicts_with = "text")]
    pub file: Option<PathBuf>,
    /// Story date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub date: Option<axis::when::Date>,
    /// Dictionaries folder (default: built-in).
    #[arg(long, value_name = "DIR")]
    pub dict: Option<PathBuf>,
    /// JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

fn parse_date(s: &str) -> Result<axis::when::Date, String> {
    axis::when::Date::parse(s).map_err(|e| e.to_string())
}

/// Runs `axis explain`.
pub fn run(args: ExplainArgs) -> Result<()> {
    let text = match (&args.text, &args.file) {
        (Some(t), _) => t.clone(),
        (None, Some(p)) if p.as_os_str() == "-" => std::io::read_to_string(std::io::stdin())?,
        (None, Some(p)) => {
            let bytes = std::fs::read(p).with_context(|| format!("reading {}", p.display()))?;
            String::from_utf8(bytes).map_err(|e| {
                anyhow::anyhow!("{}: not UTF-8 at byte {}", p.display(), e.utf8_error().valid_up_to())
            })?
        }
        (None, None) => bail!("give a text to explain, or --file PATH"),
    };
    if text.trim().is_empty() {
        bail!("the text is empty: nothing to explain");
    }
    let input = InputArgs {
        paths: Vec::new(),
        date: args.date,
        input_format: super::input::FormatArg::Text,
        lossy: false,
        dict: args.dict.clone(),
    };
    let (dict, verbs, cameo) = input.coder_parts()?;
    let coder = Coder::new(&dict, &verbs, &cameo);
    let doc = Document::new("explain", text, args.date);
    let coded = coder.code_document(&doc, true);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.json {
        let events: Vec<EventRecord> =
            coded.events.iter().map(|e| EventRecord::new(&coder, &doc, e)).collect();
        let sentences: Vec<serde_json::Value> = doc
            .sentences()
            .iter()
            .zip(&coded.sentences)
            .map(|(s, (dates, mentions))| {
                serde_json::json!({
                    "text": doc.slice(s.span),
                    "tokens": doc.sentence_tokens(s).iter().map(|t| doc.slice(t.span)).collect::<Vec<_>>(),
                    "expressions": dates.exprs.iter().map(|e| serde_json::json!({
                        "text": doc.slice(e.span), "interval": e.interval.to_string(), "kind": e.kind })).collect::<Vec<_>>(),
                    "clauses": dates.clauses.iter().map(|c| serde_json::json!({
                        "tokens": [c.tokens.start, c.tokens.end],
                        "date": c.date.map(|d| d.interval.to_string()),
                        "source": c.date.map(|d| d.source) })).collect::<Vec<_>>(),
                    "actors": mentions.iter().map(|m| serde_json::json!({
                        "text": doc.slice(m.span), "code": m.code,
                        "date": m.date.map(|d| d.interval.to_string()) })).collect::<Vec<_>>(),
                })
            })
            .collect();
        let v = serde_json::json!({ "sentences": sentences, "trace": coded.trace, "events": events });
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        return Ok(());
    }
    if doc.date.is_none() {
        writeln!(out, "note: no --date given: relative dates (\"last year\") stay unresolved")?;
    }
    for (i, (s, (dates, mentions))) in doc.sentences().iter().zip(&coded.sentences).enumerate() {
        let tokens = doc.sentence_tokens(s);
        writeln!(out, "\nsentence {i}: {}", doc.slice(s.span))?;
        let toks: Vec<String> =
            tokens.iter().enumerate().map(|(k, t)| format!("{k}:{}", doc.slice(t.span))).collect();
        writeln!(out, "  tokens   {}", toks.join(" "))?;
        for e in &dates.exprs {
            writeln!(out, "  date     \"{}\" = {} ({:?})", doc.slice(e.span), e.interval, e.kind)?;
        }
        for c in &dates.clauses {
            let words: Vec<&str> = tokens[c.tokens.clone()].iter().map(|t| doc.slice(t.span)).collect();
            let date = c.date.map_or("undated".to_string(), |d| format!("{} ({:?})", d.interval, d.source));
            writeln!(out, "  clause   [{}..{}] {date}: {}", c.tokens.start, c.tokens.end, words.join(" "))?;
        }
        if mentions.is_empty() {
            writeln!(
                out,
                "  actors   none found (no dictionary phrase names a state, organisation, person or agent)"
            )?;
        }
        for m in mentions {
            let date = m.date.map_or("-".to_string(), |d| d.interval.to_string());
            writeln!(out, "  actor    \"{}\" = {} at {date}", doc.slice(m.span), m.code)?;
        }
        let steps: Vec<_> = coded.trace.iter().filter(|t| t.sentence == i).collect();
        for t in &steps {
            writeln!(out, "  pattern  \"{}\" [{}] {} — {}", doc.slice(t.head), t.code, t.pattern, t.outcome)?;
        }
        for t in tokens {
            let word = &doc.lower()[t.span.range()];
            let tried = verbs.candidates(word);
            if !tried.is_empty() && !steps.iter().any(|s| s.head == t.span) {
                let first = verbs.pattern(tried[0]);
                writeln!(
                    out,
                    "  no fit   \"{}\": {} pattern(s) start with this word, none fits (e.g. [{}] {}: its words or its '+' actor are missing)",
                    doc.slice(t.span),
                    tried.len(),
                    first.code,
                    first.text
                )?;
            }
        }
        if steps.is_empty()
            && !tokens.iter().any(|t| !verbs.candidates(&doc.lower()[t.span.range()]).is_empty())
        {
            writeln!(out, "  patterns no word of this sentence starts a verb or noun pattern")?;
        }
        for e in coded.events.iter().filter(|e| e.sentence == i) {
            for p in std::iter::once(&e.source).chain(e.target.as_ref()) {
                if let Some((s, span)) = p.antecedent {
                    writeln!(
                        out,
                        "  pronoun  \"{}\" = {} (\"{}\" in sentence {s})",
                        doc.slice(p.mention.span),
                        p.mention.code,
                        doc.slice(span)
                    )?;
                }
            }
            let r = EventRecord::new(&coder, &doc, e);
            let name = coder.info(e.code).map_or("", |c| c.name.as_str());
            writeln!(
                out,
                "  EVENT    {} \"{}\" → {} [{} {}] {}..{}{} {}{}{}",
                r.source,
                r.source_text,
                if r.target.is_empty() {
                    "-".to_string()
                } else {
                    format!("{} \"{}\"", r.target, r.target_text)
                },
                r.code,
                name,
                r.date_start,
                r.date_end,
                if r.date_fallback { " (story date)" } else { "" },
                match (r.quad_class, r.goldstein) {
                    (Some(q), Some(g)) => format!("quad {q} goldstein {g:+}"),
                    (Some(q), None) => format!("quad {q} (no Goldstein score)"),
                    _ => "(not a CAMEO code: no quad class or Goldstein score)".to_string(),
                },
                if r.negated { " NEGATED" } else { "" },
                if r.modality.is_empty() { String::new() } else { format!(" ({})", r.modality) },
            )?;
        }
    }
    if coded.events.is_empty() {
        writeln!(out, "\nno events: see the 'pattern', 'no fit' and 'actors' lines above for why")?;
    } else {
        writeln!(out, "\n{} event(s)", coded.events.len())?;
    }
    out.flush()?;
    Ok(())
}

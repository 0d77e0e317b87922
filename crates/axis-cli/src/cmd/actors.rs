//! `axis actors`: every actor mention, sentence by sentence, with its span, code and the date it
//! was resolved at.

use super::input::InputArgs;
use crate::output::pad;
use anyhow::{bail, Result};
use axis::dict::{Dictionary, EntityKind};
use axis::mention::{self, Mention, MentionKind};
use axis::text::{Document, Sentence};
use axis::when::{DateSource, SentenceDates};
use clap::Args;
use serde_json::json;
use std::io::Write;

/// Arguments of `axis actors`.
#[derive(Args, Debug)]
pub struct ActorsArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// JSON lines (one object per mention) instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Also list sentences with no mentions (table output).
    #[arg(long)]
    pub all: bool,
}

/// Runs `axis actors`.
pub fn run(args: ActorsArgs) -> Result<()> {
    let dict = args.input.dictionary()?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut total = 0usize;
    let (docs, skipped) = args.input.for_each(|doc| {
        total += print_document(&mut out, &dict, &doc, args.json, args.all)?;
        Ok(())
    })?;
    out.flush()?;
    if docs == 0 {
        bail!(
            "no documents read{}",
            if skipped > 0 { format!(" ({skipped} skipped, see above)") } else { String::new() }
        );
    }
    if !args.json {
        eprintln!(
            "axis: {docs} document(s), {total} mention(s){}",
            if skipped > 0 { format!(", {skipped} skipped") } else { String::new() }
        );
    }
    Ok(())
}

/// Prints one document's mentions; returns how many.
pub fn print_document(
    out: &mut impl Write,
    dict: &Dictionary,
    doc: &Document,
    json: bool,
    all: bool,
) -> Result<usize> {
    let sentences = mention::mentions(dict, doc);
    let mut n = 0;
    if !json {
        writeln!(
            out,
            "== {}  story date {}{}",
            doc.id,
            doc.date.map_or("unknown".to_string(), |d| d.to_string()),
            doc.title.as_deref().map(|t| format!("  \"{t}\"")).unwrap_or_default()
        )?;
    }
    for s in &sentences {
        let sentence = &doc.sentences()[s.index];
        n += s.mentions.len();
        if json {
            for m in &s.mentions {
                writeln!(out, "{}", mention_json(dict, doc, s.index, sentence, &s.dates, m))?;
            }
            continue;
        }
        if s.mentions.is_empty() && !all {
            continue;
        }
        let text = doc.raw_slice(sentence.span);
        let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        writeln!(out, "\n[{}] ¶{}  {}", s.index, sentence.paragraph + 1, text)?;
        if !s.dates.exprs.is_empty() {
            let exprs: Vec<String> = s
                .dates
                .exprs
                .iter()
                .map(|e| {
                    format!(
                        "\"{}\" = {} ({})",
                        doc.slice(e.span),
                        e.interval,
                        e.interval.granularity.as_str()
                    )
                })
                .collect();
            writeln!(out, "    dates: {}", exprs.join("; "))?;
        }
        for m in &s.mentions {
            let raw = doc.source_span(m.span);
            let date = m.date.map_or("-".to_string(), |d| d.interval.to_string());
            let how = m.date.map_or("", |d| source_name(d.source));
            writeln!(
                out,
                "    {}  {}  {}  {}  {}",
                pad(&format!("{}..{}", raw.start, raw.end), 11),
                pad(&format!("\"{}\"", doc.slice(m.span)), 34),
                pad(m.code.as_str(), 9),
                pad(&format!("{date} {how}"), 22),
                describe(dict, m)
            )?;
        }
    }
    if !json {
        writeln!(out)?;
    }
    Ok(n)
}

fn source_name(s: DateSource) -> &'static str {
    match s {
        DateSource::Clause => "(clause)",
        DateSource::Sentence => "(sentence)",
        DateSource::Narrative => "(narrative)",
        DateSource::Story => "(story)",
    }
}

/// Who the mention is, in words: "Soviet Union", "Xi Jinping, General Secretary".
fn describe(dict: &Dictionary, m: &Mention) -> String {
    if let Some(p) = m.person {
        let e = dict.entity(p);
        return match m.role {
            Some(r) => format!("{}, {} {}", e.name, e.roles[r].title, e.roles[r].term),
            None => format!("{} (out of office)", e.name),
        };
    }
    let actor = m.entity.map(|id| dict.entity(id).name.clone());
    let agent_name = |code: &str| {
        dict.entities()
            .iter()
            .find(|e| e.kind == EntityKind::Agent && e.code.as_str() == code)
            .map_or_else(|| code.to_string(), |e| e.name.clone())
    };
    let agents: Vec<String> = if m.agent.is_empty() {
        Vec::new()
    } else if dict.entities().iter().any(|e| e.kind == EntityKind::Agent && e.code == m.agent) {
        vec![agent_name(m.agent.as_str())]
    } else {
        m.agent.parts().map(agent_name).collect()
    };
    match (actor, m.kind) {
        (Some(a), _) if agents.is_empty() => a,
        (Some(a), _) => format!("{a} + {}", agents.join(", ")),
        (None, MentionKind::Agent) => format!("{} (actor unknown)", agents.join(", ")),
        (None, _) => String::new(),
    }
}

fn mention_json(
    dict: &Dictionary,
    doc: &Document,
    index: usize,
    sentence: &Sentence,
    dates: &SentenceDates,
    m: &Mention,
) -> serde_json::Value {
    let raw = doc.source_span(m.span);
    json!({
        "doc": doc.id,
        "sentence": index,
        "paragraph": sentence.paragraph,
        "sentence_text": doc.raw_slice(sentence.span),
        "text": doc.raw_slice(m.span),
        "start": raw.start,
        "end": raw.end,
        "kind": m.kind,
        "code": m.code,
        "actor": m.actor,
        "agent": m.agent,
        "entity": m.entity.map(|id| dict.entity(id).name.clone()),
        "person": m.person.map(|id| dict.entity(id).name.clone()),
        "role": m.person.zip(m.role).map(|(p, r)| dict.entity(p).roles[r].title.clone()),
        "date": m.date.map(|d| json!({
            "start": d.interval.start,
            "end": d.interval.end,
            "granularity": d.interval.granularity,
            "source": d.source,
            "expression": d.expr.and_then(|i| dates.exprs.get(i as usize)).map(|e| doc.slice(e.span).to_string()),
        })),
        "story_date": doc.date,
    })
}

//! `POST /v1/code`: code a text on request — events with their evidence, quantities, and the
//! `explain` trace when asked — with the dictionaries loaded once at start.
//!
//! Offsets in the answer are byte offsets into the `text` sent, so a client can mark the words
//! without any other lookup.

use crate::error::ApiError;
use crate::state::{blocking, Server};
use axis::code::Coded;
use axis::io::{EventRecord, QuantityRecord};
use axis::text::{Document, Span};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

/// The request body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CodeRequest {
    /// The text to code.
    text: String,
    /// Story date, YYYY-MM-DD: what "last year" and present tense resolve against.
    date: Option<String>,
    /// A document id to echo in the records.
    id: Option<String>,
    /// Include the explain trace.
    #[serde(default)]
    explain: bool,
}

/// `POST /v1/code`. The body is JSON whatever its content type says (so `curl -d` works).
pub(crate) async fn code(
    State(server): State<Server>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<Value>, ApiError> {
    let body = body.map_err(ApiError::body)?;
    let req: CodeRequest = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request("bad_json", format!("the body is not a code request: {e}")))?;
    if req.text.trim().is_empty() {
        return Err(ApiError::bad_request("empty_text", "text is empty: nothing to code"));
    }
    let date =
        req.date.as_deref().filter(|d| !d.is_empty()).map(|d| super::params::date("date", d)).transpose()?;
    let id = req.id.unwrap_or_else(|| "request".to_string());
    let explain = req.explain;
    let permit = std::sync::Arc::clone(&server.inner.coders)
        .acquire_owned()
        .await
        .map_err(|_| ApiError::internal("the server is shutting down"))?;
    let answer = blocking(move || {
        let _permit = permit;
        let parts = &server.inner.parts;
        let coder = parts.coder();
        let doc = Document::new(id, req.text, date);
        let coded = coder.code_document(&doc, explain);
        let events: Vec<Value> = coded
            .events
            .iter()
            .map(|e| {
                let mut v = serde_json::to_value(EventRecord::new(&coder, &doc, e)).unwrap_or(Value::Null);
                if let Value::Object(m) = &mut v {
                    m.insert("code_name".into(), json!(coder.info(e.code).map(|i| i.name.clone())));
                    if let Some(g) = m.get("goldstein").and_then(Value::as_f64) {
                        m.insert("goldstein".into(), json!(super::events::short(g as f32)));
                    }
                }
                v
            })
            .collect();
        let quantities: Vec<QuantityRecord> =
            coded.quantities.iter().map(|(s, q)| QuantityRecord::new(&doc, &coded, *s, q)).collect();
        let mut answer = json!({
            "document": {
                "id": doc.id,
                "date": doc.date.map(|d| d.to_string()),
                "sentences": doc.sentences().iter().map(|s| raw(&doc, s.span)).collect::<Vec<_>>(),
            },
            "events": events,
            "quantities": quantities,
        });
        if explain {
            answer["explain"] = trace(&doc, &coded);
        }
        Ok(answer)
    })
    .await?;
    Ok(Json(answer))
}

fn raw(doc: &Document, span: Span) -> [u32; 2] {
    let r = doc.raw_span(span);
    [r.start, r.end]
}

/// Every step of coding, sentence by sentence (what `axis explain --json` prints), with spans
/// as raw byte offsets.
fn trace(doc: &Document, coded: &Coded) -> Value {
    let sentences: Vec<Value> = doc
        .sentences()
        .iter()
        .zip(&coded.sentences)
        .enumerate()
        .map(|(i, (s, (dates, mentions)))| {
            let tokens = doc.sentence_tokens(s);
            json!({
                "span": raw(doc, s.span),
                "text": doc.raw_slice(s.span),
                "expressions": dates.exprs.iter().map(|e| json!({
                    "text": doc.raw_slice(e.span), "span": raw(doc, e.span),
                    "interval": e.interval.to_string(), "kind": e.kind })).collect::<Vec<_>>(),
                "clauses": dates.clauses.iter().map(|c| {
                    let words: Vec<&str> = tokens.get(c.tokens.clone()).unwrap_or(&[])
                        .iter().map(|t| doc.raw_slice(t.span)).collect();
                    json!({ "text": words.join(" "),
                            "date": c.date.map(|d| d.interval.to_string()),
                            "source": c.date.map(|d| d.source) })
                }).collect::<Vec<_>>(),
                "actors": mentions.iter().map(|m| json!({
                    "text": doc.raw_slice(m.span), "span": raw(doc, m.span), "code": m.code,
                    "date": m.date.map(|d| d.interval.to_string()) })).collect::<Vec<_>>(),
                "patterns": coded.trace.iter().filter(|t| t.sentence == i).map(|t| json!({
                    "head": doc.raw_slice(t.head), "span": raw(doc, t.head), "code": t.code,
                    "pattern": t.pattern, "outcome": t.outcome })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({ "sentences": sentences })
}

//! `POST /v1/ingest`: documents into the store over HTTP — the one endpoint that writes, so the
//! only one behind a bearer token. Refused (403) when the server was started without a token.
//!
//! The body (JSON lines, or one plain-text document) goes through exactly what `axis ingest`
//! does: it is written to a private temporary file and handed to [`axis::store::ingest`], so
//! duplicates are skipped by content hash and bad records are reported, not fatal.

use super::params::{self, Pairs};
use crate::error::ApiError;
use crate::state::{blocking, Server};
use axis::io::{InputFormat, ReadOptions};
use axis::store::{ingest as store_ingest, IngestOptions, IngestProgress, Store};
use axum::body::Bytes;
use axum::extract::{FromRequest, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::Json;
use serde_json::{json, Value};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Most problems listed in one answer (the counts are always complete).
const MAX_PROBLEMS: usize = 100;

/// `POST /v1/ingest[?date=YYYY-MM-DD]`.
pub(crate) async fn ingest(
    State(server): State<Server>,
    headers: HeaderMap,
    q: Pairs,
    request: Request,
) -> Result<Json<Value>, ApiError> {
    authorize(server.config().token.as_deref(), &headers)?;
    let mut date = None;
    for (k, v) in params::pairs(q)? {
        match k.as_str() {
            "date" => date = Some(params::date(&k, &v)?),
            _ => params::no_more(&[(k, v)])?,
        }
    }
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let body = Bytes::from_request(request, &server).await.map_err(ApiError::body)?;
    let format = match content_type.split(';').next().unwrap_or("").trim() {
        "application/x-ndjson" | "application/jsonl" | "application/x-jsonlines" | "application/json" => {
            InputFormat::Jsonl
        }
        "text/plain" => InputFormat::Text,
        _ if body.trim_ascii_start().starts_with(b"{") => InputFormat::Jsonl,
        _ => InputFormat::Text,
    };
    let one_at_a_time = Arc::clone(&server.inner.writer).lock_owned().await;
    let report = blocking(move || {
        let report = run(&server, &body, format, date);
        drop(one_at_a_time);
        report
    })
    .await?;
    Ok(Json(report))
}

/// Checks `Authorization: Bearer TOKEN` against the configured token.
fn authorize(token: Option<&str>, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(token) = token else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "ingest_disabled",
            "ingest over HTTP is off: start the server with --token or AXIS_TOKEN",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "ingest needs Authorization: Bearer TOKEN",
            )
        })?;
    if !same(given.trim().as_bytes(), token.as_bytes()) {
        return Err(ApiError::new(StatusCode::FORBIDDEN, "forbidden", "the token is not the server's"));
    }
    Ok(())
}

/// Compares without stopping at the first difference, so timing tells nothing about the token.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn run(
    server: &Server,
    body: &[u8],
    format: InputFormat,
    date: Option<axis::when::Date>,
) -> Result<Value, ApiError> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let dir = std::env::temp_dir().join(format!(
        "axis-serve-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let name = if format == InputFormat::Jsonl { "body.jsonl" } else { "body.txt" };
    let path = dir.join(name);
    let written = std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&path, body));
    if let Err(e) = written {
        eprintln!("axis serve: ingest: writing {}: {e}", path.display());
        std::fs::remove_dir_all(&dir).ok();
        return Err(ApiError::internal("the body could not be staged for ingest; see the server's log"));
    }
    let result = (|| {
        let mut store = Store::open(&server.config().db)?;
        let coder = server.inner.parts.coder();
        let opts = IngestOptions {
            read: ReadOptions { format, date, lossy: false, ..ReadOptions::default() },
            ..IngestOptions::default()
        };
        let mut problems = Vec::new();
        let prefix = format!("{}", dir.display());
        let mut note = |kind: &str, message: String| {
            if problems.len() < MAX_PROBLEMS {
                let message = message.replace(&prefix, "").trim_start_matches('/').to_string();
                problems.push(json!({ "kind": kind, "message": message }));
            }
        };
        let report = store_ingest(
            &mut store,
            &coder,
            &server.inner.parts.version,
            std::slice::from_ref(&path),
            &opts,
            &mut |p| match p {
                IngestProgress::Warning(w) => note("warning", w.to_string()),
                IngestProgress::Skipped(e) => note("error", e.to_string()),
                IngestProgress::Committed(_) => {}
            },
        )?;
        Ok(json!({
            "added": report.added,
            "duplicates": report.duplicates,
            "failed": report.failed,
            "warnings": report.warnings,
            "sentences": report.sentences,
            "events": report.events,
            "quantities": report.quantities,
            "problems": problems,
        }))
    })();
    std::fs::remove_dir_all(&dir).ok();
    result.map_err(ApiError::store)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_checked_whole() {
        let h = |v: &str| {
            let mut m = HeaderMap::new();
            m.insert(header::AUTHORIZATION, v.parse().expect("header"));
            m
        };
        let cases: &[(Option<&str>, Option<&str>, Option<u16>)] = &[
            (None, Some("Bearer s3cret"), Some(403)),
            (Some("s3cret"), None, Some(401)),
            (Some("s3cret"), Some("Basic s3cret"), Some(401)),
            (Some("s3cret"), Some("Bearer s3cre"), Some(403)),
            (Some("s3cret"), Some("Bearer s3cret!"), Some(403)),
            (Some("s3cret"), Some("Bearer s3cret"), None),
        ];
        for (token, header, want) in cases {
            let headers = header.map(h).unwrap_or_default();
            let got = authorize(*token, &headers).err().map(|e| e.status.as_u16());
            assert_eq!(got, *want, "{token:?} {header:?}");
        }
    }
}

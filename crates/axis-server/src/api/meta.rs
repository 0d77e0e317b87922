//! `GET /v1/health`, `GET /v1/stats` and `GET /v1/openapi.json`.

use crate::error::ApiError;
use crate::state::Server;
use axum::extract::State;
use axum::Json;
use serde_json::{json, Value};

/// `GET /v1/health`: the database answers; versions of the schema, dictionaries and axis.
pub(crate) async fn health(State(server): State<Server>) -> Result<Json<Value>, ApiError> {
    let schema = server.read(|store| store.schema_version()).await?;
    Ok(Json(json!({
        "status": "ok",
        "version": env!("CARGO_PKG_VERSION"),
        "schema_version": schema,
        "dictionary_version": server.inner.parts.version,
        "ingest": server.config().token.is_some(),
    })))
}

/// `GET /v1/stats`: what `axis stats` prints.
pub(crate) async fn stats(State(server): State<Server>) -> Result<Json<Value>, ApiError> {
    let s = server.read(|store| store.stats()).await?;
    let pairs = |v: &[(Option<String>, u64)]| -> Vec<Value> {
        v.iter().map(|(k, n)| json!({ "name": k, "count": n })).collect()
    };
    Ok(Json(json!({
        "documents": s.documents,
        "sentences": s.sentences,
        "events": s.events,
        "quantities": s.quantities,
        "by_origin_year": s.by_origin_year.iter()
            .map(|c| json!({ "origin": c.origin, "year": c.year, "events": c.events })).collect::<Vec<_>>(),
        "by_root": s.by_root.iter().map(|(r, n)| json!({ "root": format!("{r:02}"), "events": n })).collect::<Vec<_>>(),
        "documents_by_source": pairs(&s.documents_by_source),
        "dictionary_versions": pairs(&s.dict_versions),
    })))
}

/// `GET /v1/openapi.json`.
pub(crate) async fn openapi() -> Json<Value> {
    Json(crate::openapi::document())
}

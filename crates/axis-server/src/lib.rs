//! `axis-server`: the HTTP API and web dashboard over an axis store, behind `axis serve`.
//!
//! The library does the work; this crate only translates HTTP to calls of it:
//!
//! * [`Server::open`] opens the database once (creating or migrating it) and takes the coder's
//!   dictionaries, loaded once by the caller; [`Server::router`] is the whole application as an
//!   axum [`Router`](axum::Router) — what [`serve`] runs on a socket and what tests drive with
//!   `tower::ServiceExt::oneshot`.
//! * `api` answers under `/v1` in JSON: coding text on request, events with filters and cursor
//!   pages, documents with evidence spans, overview counts, stats, health and a token-guarded
//!   ingest. Its route table ([`api::route_list`]) is the one list that builds the router and that
//!   the OpenAPI document ([`openapi::document`]) is tested against.
//! * `assets` serves the dashboard — our own HTML, CSS and JavaScript compiled into the binary
//!   with `include_str!` — from a fixed table of names, so no request can reach the file system.
//! * `guard` wraps every request: a time limit, body size limits per route, panics turned into a
//!   plain JSON 500, and the errors of `error` as `{"error": {"code", "message"}}`.
//!
//! Store work (SQLite) and coding run on blocking threads (`spawn_blocking`); reads use a small
//! pool of read-only connections, ingests one writer at a time.
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use axis::{cameo::CameoTable, dict::{Dictionary, VerbDictionary}};
//! use axis_server::{CoderParts, Server, ServerConfig};
//! let parts = CoderParts {
//!     dict: Dictionary::builtin()?,
//!     verbs: VerbDictionary::builtin()?,
//!     cameo: CameoTable::builtin()?,
//!     version: "builtin".into(),
//! };
//! let server = Server::open(ServerConfig::new("axis.db"), parts)?;
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! axis_server::serve(listener, server.router(), std::future::pending()).await?;
//! # Ok(()) }
//! ```

pub mod api;
mod assets;
mod error;
mod guard;
pub mod openapi;
mod state;

pub use error::ApiError;
pub use state::{CoderParts, Limits, Server, ServerConfig};

use std::future::Future;

/// Serves `router` on `listener` until `shutdown` completes, then finishes the requests in
/// flight.
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: axum::Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router).with_graceful_shutdown(shutdown).await
}

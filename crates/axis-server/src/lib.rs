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

use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::time::Duration;

/// How long a client may take to send a request's headers (slowloris protection).
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// Serves `router` on `listener` until `shutdown` completes, then finishes the requests in
/// flight. A client that has not sent a request's headers within [`HEADER_READ_TIMEOUT`] is
/// disconnected, so slow clients cannot hold connections open.
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: axum::Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    serve_with(listener, router, shutdown, HEADER_READ_TIMEOUT).await
}

/// [`serve`] with another header read timeout.
pub async fn serve_with(
    listener: tokio::net::TcpListener,
    router: axum::Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
    header_read_timeout: Duration,
) -> std::io::Result<()> {
    let (stop, stopping) = tokio::sync::watch::channel(false);
    let mut connections = tokio::task::JoinSet::new();
    let shutdown = std::pin::pin!(shutdown);
    let mut shutdown = shutdown;
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // Out of file descriptors and the like: back off instead of spinning.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(router.clone());
        let mut stopping = stopping.clone();
        connections.spawn(async move {
            let mut builder = http1::Builder::new();
            builder.timer(TokioTimer::new()).header_read_timeout(header_read_timeout);
            let conn = builder.serve_connection(TokioIo::new(stream), service);
            let mut conn = std::pin::pin!(conn);
            tokio::select! {
                _ = conn.as_mut() => {}
                _ = stopping.changed() => {
                    conn.as_mut().graceful_shutdown();
                    let _ = conn.await;
                }
            }
        });
        while connections.try_join_next().is_some() {}
    }
    let _ = stop.send(true);
    while connections.join_next().await.is_some() {}
    Ok(())
}

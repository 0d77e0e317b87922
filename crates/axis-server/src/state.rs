//! What every request shares: the coder's dictionaries, the database and its connections, the
//! ingest token and the limits.

use crate::error::ApiError;
use axis::cameo::CameoTable;
use axis::code::Coder;
use axis::dict::{Dictionary, VerbDictionary};
use axis::store::{Store, StoreError, StoreErrorKind};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Everything the event coder needs, loaded once at start.
#[derive(Debug)]
pub struct CoderParts {
    /// Actor dictionaries.
    pub dict: Dictionary,
    /// Verb patterns.
    pub verbs: VerbDictionary,
    /// The CAMEO table.
    pub cameo: CameoTable,
    /// The dictionary version recorded with ingested documents
    /// ([`axis::store::dictionary_version`]).
    pub version: String,
}

impl CoderParts {
    /// A coder over these parts.
    pub fn coder(&self) -> Coder<'_> {
        Coder::new(&self.dict, &self.verbs, &self.cameo)
    }
}

/// Size and time limits.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Largest body of `POST /v1/code` (and any other request but ingest).
    pub body: usize,
    /// Largest body of `POST /v1/ingest`.
    pub ingest_body: usize,
    /// Longest a request may take (but ingest).
    pub request_time: Duration,
    /// Longest an ingest request may take.
    pub ingest_time: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            body: 2 << 20,
            ingest_body: 64 << 20,
            request_time: Duration::from_secs(30),
            ingest_time: Duration::from_secs(600),
        }
    }
}

/// How to run the server.
#[derive(Clone, Debug)]
pub struct ServerConfig {
    /// The database file.
    pub db: PathBuf,
    /// The bearer token `POST /v1/ingest` requires; ingest is refused when `None`.
    pub token: Option<String>,
    /// Limits.
    pub limits: Limits,
}

impl ServerConfig {
    /// A server over `db`, read-only over HTTP (no token), default limits.
    pub fn new(db: impl Into<PathBuf>) -> ServerConfig {
        ServerConfig { db: db.into(), token: None, limits: Limits::default() }
    }
}

/// Read-only connections kept for reuse (more are opened under load and closed after).
const POOL: usize = 8;

/// The server: configuration, dictionaries and database connections. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Server {
    pub(crate) inner: Arc<Inner>,
}

#[derive(Debug)]
pub(crate) struct Inner {
    pub(crate) config: ServerConfig,
    pub(crate) parts: CoderParts,
    readers: Mutex<Vec<Store>>,
    /// One ingest at a time (SQLite has one writer anyway; this keeps them from queueing on its
    /// busy timeout). The guard moves into the blocking task, so an ingest whose request timed
    /// out still holds it until it has finished.
    pub(crate) writer: Arc<tokio::sync::Mutex<()>>,
    /// Texts coded at once (`POST /v1/code`): about one per core, so a burst queues (within the
    /// time limit) instead of starting hundreds of blocking threads; the permit moves into the
    /// blocking task, so a timed-out request's coding still counts until it ends.
    pub(crate) coders: Arc<tokio::sync::Semaphore>,
}

impl Server {
    /// Opens the database (creating it, or bringing its schema up to date, when it can be
    /// written; read-only otherwise) and readies the server.
    pub fn open(config: ServerConfig, parts: CoderParts) -> Result<Server, StoreError> {
        let store = match Store::open(&config.db) {
            Ok(s) => s,
            Err(StoreError { kind: StoreErrorKind::ReadOnly, .. }) => Store::open_read_only(&config.db)?,
            Err(e) => return Err(e),
        };
        drop(store);
        let first = Store::open_read_only(&config.db)?;
        Ok(Server {
            inner: Arc::new(Inner {
                config,
                parts,
                readers: Mutex::new(vec![first]),
                writer: Arc::new(tokio::sync::Mutex::new(())),
                coders: Arc::new(tokio::sync::Semaphore::new(
                    std::thread::available_parallelism().map_or(2, |n| n.get()) * 2,
                )),
            }),
        })
    }

    /// The application: API under `/v1`, dashboard at `/`.
    pub fn router(&self) -> axum::Router {
        crate::api::router(self.clone())
            .merge(crate::assets::router())
            .method_not_allowed_fallback(crate::guard::method_not_allowed)
            .fallback(crate::guard::not_found)
            .layer(axum::middleware::from_fn(crate::guard::headers))
    }

    /// The configuration it runs with.
    pub fn config(&self) -> &ServerConfig {
        &self.inner.config
    }

    /// Runs `f` with a read-only connection on a blocking thread.
    pub(crate) async fn read<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let server = self.clone();
        blocking(move || {
            let pooled = server.inner.readers.lock().ok().and_then(|mut p| p.pop());
            let store = match pooled {
                Some(s) => s,
                None => Store::open_read_only(&server.inner.config.db).map_err(ApiError::store)?,
            };
            let out = f(&store).map_err(ApiError::store);
            if let Ok(mut pool) = server.inner.readers.lock() {
                if pool.len() < POOL {
                    pool.push(store);
                }
            }
            out
        })
        .await
    }
}

/// Runs `f` on a blocking thread; a panic there becomes a plain 500.
pub(crate) async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    match tokio::task::spawn_blocking(f).await {
        Ok(r) => r,
        Err(_) => Err(ApiError::internal("the request failed inside the server")),
    }
}

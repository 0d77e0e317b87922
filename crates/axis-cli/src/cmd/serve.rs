//! `axis serve`: the HTTP API and dashboard over a database ([`axis_server`]). This file reads
//! the arguments, loads the dictionaries once, binds the socket and runs until Ctrl-C (or, on
//! Unix, SIGTERM), letting the requests in flight finish.

use super::input::coder_parts;
use anyhow::{Context, Result};
use axis::store::dictionary_version;
use axis_server::{CoderParts, Server, ServerConfig};
use clap::Args;
use std::net::SocketAddr;
use std::path::PathBuf;

/// Arguments of `axis serve`.
#[derive(Args, Debug)]
pub struct ServeArgs {
    /// The database file (created empty when absent).
    #[arg(long, value_name = "FILE", default_value = "axis.db")]
    pub db: PathBuf,
    /// Address to listen on. The default answers this machine only; give 0.0.0.0:PORT to open
    /// it to the network (put a TLS proxy in front).
    #[arg(long, value_name = "IP:PORT", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Bearer token that POST /v1/ingest requires (without one, ingest over HTTP is off).
    #[arg(long, env = "AXIS_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// Dictionaries folder for coding (default: built-in), as for `axis code`.
    #[arg(long, value_name = "DIR")]
    pub dict: Option<PathBuf>,
}

/// Runs `axis serve`.
pub fn run(args: ServeArgs) -> Result<()> {
    let (dict, verbs, cameo) = coder_parts(args.dict.as_deref())?;
    let version = dictionary_version(args.dict.as_deref()).context("reading the dictionary files")?;
    let parts = CoderParts { dict, verbs, cameo, version };
    let token = args.token.filter(|t| !t.is_empty());
    let config = ServerConfig { token, ..ServerConfig::new(&args.db) };
    let server = Server::open(config, parts)?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("listening on {}", args.addr))?;
        let addr = listener.local_addr()?;
        eprintln!(
            "axis: serving {} on http://{addr}/ (API under /v1; ingest {}); Ctrl-C stops",
            args.db.display(),
            if server.config().token.is_some() { "needs the token" } else { "off" },
        );
        let shutdown = stop_signal();
        axis_server::serve(listener, server.router(), shutdown).await.context("serving")?;
        eprintln!("axis: stopped");
        Ok(())
    })
}

/// Completes on Ctrl-C or, on Unix, SIGTERM (what service managers send).
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

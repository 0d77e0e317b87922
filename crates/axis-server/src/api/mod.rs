//! The JSON API under `/v1`: one file per group of endpoints, one route table for all of them.
//!
//! `routes` lists every endpoint with its handler and limits; the router is built from it, and
//! the OpenAPI document is tested against its [`route_list`], so neither can drift from the other.
//! Handlers parse and check their input here, then call the library on a blocking thread (`Server::read` for the store, `state::blocking` for coding).
//!
//! The relations endpoints (dyad series, triangle, balance, asymmetry; JSON and SVG charts) are
//! `relations.rs`.

mod code;
mod events;
mod ingest;
mod meta;
mod params;
mod relations;

use crate::guard;
use crate::state::Server;
use axum::extract::DefaultBodyLimit;
use axum::http::Method;
use axum::routing::{get, post, MethodRouter};
use axum::Router;

/// Every endpoint: method, path (axum and OpenAPI spell parameters alike, `{id}`) and handler.
fn routes(server: &Server) -> Vec<(Method, &'static str, MethodRouter<Server>)> {
    let limits = &server.config().limits;
    let timed = |r: MethodRouter<Server>, limit| {
        r.layer(axum::middleware::from_fn_with_state(limit, guard::time_limit))
    };
    let read = |r| timed(r, limits.request_time);
    vec![
        (Method::GET, "/v1/health", read(get(meta::health))),
        (Method::GET, "/v1/stats", read(get(meta::stats))),
        (Method::GET, "/v1/openapi.json", read(get(meta::openapi))),
        (Method::GET, "/v1/events", read(get(events::events))),
        (Method::GET, "/v1/documents/{id}", read(get(events::document))),
        (Method::GET, "/v1/overview", read(get(events::overview))),
        (Method::GET, "/v1/dyad", read(get(relations::dyad))),
        (Method::GET, "/v1/dyad.svg", read(get(relations::dyad_svg))),
        (Method::GET, "/v1/dyad/events", read(get(relations::dyad_events))),
        (Method::GET, "/v1/triangle", read(get(relations::triangle))),
        (Method::GET, "/v1/triangle.svg", read(get(relations::triangle_svg))),
        (Method::GET, "/v1/balance", read(get(relations::balance))),
        (Method::GET, "/v1/balance.svg", read(get(relations::balance_svg))),
        (Method::GET, "/v1/asymmetry", read(get(relations::asymmetry))),
        (Method::GET, "/v1/asymmetry.svg", read(get(relations::asymmetry_svg))),
        (Method::POST, "/v1/code", read(post(code::code).layer(DefaultBodyLimit::max(limits.body)))),
        (
            Method::POST,
            "/v1/ingest",
            timed(post(ingest::ingest).layer(DefaultBodyLimit::max(limits.ingest_body)), limits.ingest_time),
        ),
    ]
}

/// Method and path of every endpoint, in the order they are listed.
pub fn route_list(server: &Server) -> Vec<(Method, &'static str)> {
    routes(server).into_iter().map(|(m, p, _)| (m, p)).collect()
}

/// The API router.
pub(crate) fn router(server: Server) -> Router {
    let mut router = Router::new();
    for (_, path, handler) in routes(&server) {
        router = router.route(path, handler);
    }
    router.with_state(server)
}

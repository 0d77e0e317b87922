//! The dashboard: our own HTML, CSS and JavaScript, compiled into the binary.
//!
//! Files are looked up by name in a fixed table — there is no file system path to join, so no
//! request can reach outside it. Page paths (`/`, `/events`, `/code`, `/documents/{id}`) all
//! answer the one HTML shell; the script draws the page the path names. A new page adds a path
//! here and an entry in `PAGES` in `app.js`.

use crate::guard;
use axum::extract::Path;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

/// Name, content type and bytes of every static file.
const FILES: &[(&str, &str, &str)] = &[
    ("app.js", "text/javascript; charset=utf-8", include_str!("../assets/app.js")),
    ("app.css", "text/css; charset=utf-8", include_str!("../assets/app.css")),
    ("favicon.svg", "image/svg+xml", include_str!("../assets/favicon.svg")),
];

const INDEX: &str = include_str!("../assets/index.html");

/// Paths that show a dashboard page.
pub(crate) const PAGES: &[&str] = &["/", "/events", "/dyad", "/triangle", "/code", "/documents/{id}"];

/// The dashboard's routes.
pub(crate) fn router() -> Router {
    let mut router = Router::new().route("/assets/{name}", get(asset));
    for page in PAGES {
        router = router.route(page, get(index));
    }
    router
}

async fn index() -> Response {
    with_type(INDEX, "text/html; charset=utf-8")
}

async fn asset(name: Option<Path<String>>) -> Response {
    let found = name.and_then(|Path(name)| FILES.iter().find(|(n, _, _)| *n == name));
    match found {
        Some((_, content_type, body)) => with_type(body, content_type),
        None => guard::not_found().await.into_response(),
    }
}

fn with_type(body: &'static str, content_type: &'static str) -> Response {
    let mut r = body.into_response();
    r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    r
}

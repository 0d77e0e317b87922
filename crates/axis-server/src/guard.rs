//! What wraps every request: a time limit, panics caught and answered as a plain 500, and the
//! headers that keep browsers from guessing content types or loading anything from elsewhere.

use crate::error::ApiError;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

/// Answers 503 when the request takes longer than the limit, 500 when its handler panics.
pub(crate) async fn time_limit(State(limit): State<Duration>, request: Request, next: Next) -> Response {
    let run = CatchPanic(Box::pin(next.run(request)));
    match tokio::time::timeout(limit, run).await {
        Ok(Some(response)) => response,
        Ok(None) => ApiError::internal("the request failed inside the server").into_response(),
        Err(_) => ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "timeout",
            format!("the request took longer than {} s", limit.as_secs()),
        )
        .into_response(),
    }
}

/// Security headers on every answer: the dashboard loads only its own scripts and styles.
pub(crate) async fn headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
             frame-ancestors 'none'",
        ),
    );
    response
}

/// A future whose panic becomes `None` instead of tearing down the connection.
struct CatchPanic<F>(Pin<Box<F>>);

impl<F: Future> Future for CatchPanic<F> {
    type Output = Option<F::Output>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let inner = self.0.as_mut();
        match std::panic::catch_unwind(AssertUnwindSafe(|| inner.poll(cx))) {
            Ok(Poll::Ready(v)) => Poll::Ready(Some(v)),
            Ok(Poll::Pending) => Poll::Pending,
            Err(_) => Poll::Ready(None),
        }
    }
}

/// 404 for any path nothing answers.
pub(crate) async fn not_found() -> ApiError {
    ApiError::not_found("no such page or endpoint")
}

/// 405 for a known path asked with the wrong method.
pub(crate) async fn method_not_allowed() -> ApiError {
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", "this path does not take that method")
}

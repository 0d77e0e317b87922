//! Errors as HTTP answers: a status and `{"error": {"code": "...", "message": "..."}}` — a
//! stable machine code and a sentence for people, never a stack trace or a panic message.

use axis::store::{StoreError, StoreErrorKind};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// An error answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Machine-readable code (`bad_request`, `not_found`, …).
    pub code: &'static str,
    /// What went wrong, for people.
    pub message: String,
}

impl ApiError {
    /// An error with this status, code and message.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError { status, code, message: message.into() }
    }

    /// 400: the request is wrong; `code` says how.
    pub fn bad_request(code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, code, message)
    }

    /// 404.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    /// 500. The detail goes to the server's log, not to the client.
    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }

    /// A database error: logged in full on stderr, answered without paths or SQL.
    pub fn store(e: StoreError) -> ApiError {
        eprintln!("axis serve: database error: {e}");
        match e.kind {
            StoreErrorKind::Missing => {
                ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "no_database", "the database is missing")
            }
            _ => ApiError::internal("the database could not answer; see the server's log"),
        }
    }

    /// The answer for a body that could not be read (too large, cut off).
    pub fn body(rejection: axum::extract::rejection::BytesRejection) -> ApiError {
        let status = rejection.status();
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(status, "too_large", "the request body is larger than this endpoint accepts")
        } else {
            ApiError::bad_request("bad_body", "the request body could not be read")
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": { "code": self.code, "message": self.message } });
        let mut response = (self.status, axum::Json(body)).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, header::HeaderValue::from_static("Bearer"));
        }
        response
    }
}

//! Headers every answer carries, pages, documents and JSON alike: no type
//! sniffing, no framing by another site, no referrer (links carry tokens).
//! Pages set their own, fuller Content-Security-Policy first; this layer
//! only fills in what an answer lacks.

use axum::extract::Request;
use axum::http::header::{
    CONTENT_SECURITY_POLICY, IF_NONE_MATCH, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS,
    X_FRAME_OPTIONS,
};
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

pub async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    for (name, value) in [
        (X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (X_FRAME_OPTIONS, "DENY"),
        (CONTENT_SECURITY_POLICY, "frame-ancestors 'none'"),
        (REFERRER_POLICY, "no-referrer"),
    ] {
        headers
            .entry(name)
            .or_insert(HeaderValue::from_static(value));
    }
    response
}

/// Whether the request already holds the version `etag` names
/// (`If-None-Match`): answer 304 then, without the body.
pub fn holds_etag(request: &HeaderMap, etag: &str) -> bool {
    request
        .get(IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == etag.as_bytes())
}

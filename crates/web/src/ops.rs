//! Operations: health, metrics and the OpenAPI document.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use subtle::ConstantTimeEq;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::token_hash;
use crate::error::{ApiError, ErrorBody};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(healthz))
        .routes(routes!(readyz))
        .routes(routes!(metrics))
}

pub fn openapi_route(doc: Arc<utoipa::openapi::OpenApi>) -> Router<AppState> {
    Router::new().route(
        "/api/v1/openapi.json",
        get(move || async move { Json(doc.as_ref().clone()) }),
    )
}

/// How long `/readyz` waits for the database: a balancer's health check
/// must get an answer well within its own timeout.
const READY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(2);

/// Liveness: 200 while this process serves requests, whatever the
/// database does (a supervisor restarts a node that stops answering; a
/// database that is away is no reason to).
#[utoipa::path(get, path = "/healthz", tag = "operations",
    responses((status = 200, description = "The process serves requests")))]
async fn healthz() -> impl IntoResponse {
    (StatusCode::OK, "ok")
}

/// Readiness, for a load balancer: 200 when this node reaches its database
/// within two seconds, else 503 with `Retry-After`, so the balancer sends
/// requests to the nodes that can serve them.
#[utoipa::path(get, path = "/readyz", tag = "operations",
    responses((status = 200, description = "The database answers"),
        (status = 503, description = "The database does not answer", body = ErrorBody)))]
async fn readyz(State(state): State<AppState>) -> Response {
    let answered = tokio::time::timeout(READY_TIMEOUT, state.store.ping()).await;
    let why = match answered {
        Ok(Ok(())) => return (StatusCode::OK, "ready").into_response(),
        Ok(Err(e)) => alerta_core::Chain(&e).to_string(),
        Err(_) => format!("no answer within {} s", READY_TIMEOUT.as_secs()),
    };
    tracing::warn!(error = %why, "not ready: the database does not answer");
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(
            header::RETRY_AFTER,
            HeaderValue::from(crate::error::UNAVAILABLE_RETRY_SECONDS),
        )],
        "database unavailable",
    )
        .into_response()
}

/// Prometheus text format. With `ALERTA_METRICS_TOKEN` set, only for
/// requests that carry it as a bearer token.
#[utoipa::path(get, path = "/metrics", tag = "operations",
    responses((status = 200, description = "Prometheus exposition text", content_type = "text/plain"),
        (status = 401, body = ErrorBody)))]
async fn metrics(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(expected) = &state.settings.metrics_token {
        let given = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .unwrap_or("");
        // Compared as hashes, in constant time: neither length nor content leaks.
        let same = token_hash(given)
            .as_bytes()
            .ct_eq(token_hash(expected).as_bytes());
        if given.is_empty() || !bool::from(same) {
            return ApiError::SignInRequired.into_response();
        }
    }
    // Read at scrape time, so every process sharing the database reports the same.
    match state.store.counts().await {
        Ok(c) => {
            for (status, n) in [
                ("draft", c.cases_draft),
                ("active", c.cases_active),
                ("resolved", c.cases_resolved),
            ] {
                metrics::gauge!("alerta_cases", "status" => status).set(n as f64);
            }
            metrics::gauge!("alerta_users").set(c.users as f64);
        }
        Err(e) => tracing::warn!(error = %alerta_core::Chain(&e), "cannot count rows for metrics"),
    }
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        state.metrics.render(),
    )
        .into_response()
}

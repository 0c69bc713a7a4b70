//! Operations: health, metrics and the OpenAPI document.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
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
        .routes(routes!(metrics))
}

pub fn openapi_route(doc: Arc<utoipa::openapi::OpenApi>) -> Router<AppState> {
    Router::new().route(
        "/api/v1/openapi.json",
        get(move || async move { Json(doc.as_ref().clone()) }),
    )
}

/// 200 while the database answers.
#[utoipa::path(get, path = "/healthz", tag = "operations",
    responses((status = 200, description = "The database answers"), (status = 503, body = ErrorBody)))]
async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    match state.store.ping().await {
        Ok(()) => (StatusCode::OK, "ok").into_response(),
        Err(e) => {
            tracing::error!(error = %alerta_core::Chain(&e), "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
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

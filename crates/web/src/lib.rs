//! Alerta over HTTP: the JSON API under `/api/v1`, operations endpoints, and
//! (later) the HTML pages. Handlers translate; rules live in `alerta-core`,
//! storage in `alerta-store`.

use std::sync::Arc;
use std::time::Instant;

use alerta_store::Store;
use axum::Router;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request};
use axum::middleware::{self, Next};
use axum::response::Response;
use chrono::{DateTime, Utc};
use metrics_exporter_prometheus::PrometheusHandle;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::trace::TraceLayer;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

pub mod auth;
mod cap;
mod cases;
pub mod error;
mod exports;
mod headers;
mod json;
mod limits;
mod openapi;
mod ops;
mod pages;
mod pfif;
mod places;
mod posters;
mod search;
mod sessions;
pub mod shared_pages;
mod stats;
mod subscriptions;
mod tips;

pub use error::ApiError;

/// Largest JSON body any route accepts; photos have their own limit.
pub const JSON_BODY_LIMIT: usize = 64 * 1024;

/// What the web layer needs to know of the settings.
#[derive(Debug, Clone)]
pub struct WebSettings {
    /// Base of links we hand out, without a trailing slash.
    pub public_url: String,
    pub api_token_ttl: chrono::Duration,
    pub cookie_session_ttl: chrono::Duration,
    /// Behind a reverse proxy: take the client address from X-Forwarded-For.
    pub trust_forwarded_for: bool,
    /// Hosts (`host` or `host:port`) a PFIF import may fetch photos from.
    pub pfif_photo_hosts: Vec<String>,
    /// When set, `/metrics` needs it as a bearer token.
    pub metrics_token: Option<String>,
}

pub use alerta_core::Clock;

#[derive(Clone)]
pub struct AppState {
    /// The commands: every change goes through them.
    pub app: alerta_app::Alerta,
    /// For reading (the commands write).
    pub store: Store,
    pub settings: Arc<WebSettings>,
    pub metrics: PrometheusHandle,
    pub clock: Clock,
    /// Posters rendered by this process, by case version, language and paper.
    pub posters: Arc<alerta_poster::PosterCache>,
    /// Case pages as every reader without a session sees them.
    pub shared_pages: Arc<shared_pages::SharedPages>,
}

impl AppState {
    pub async fn new(
        app: alerta_app::Alerta,
        settings: WebSettings,
        metrics: PrometheusHandle,
        clock: Clock,
        posters: Arc<alerta_poster::PosterCache>,
    ) -> Result<Self, ApiError> {
        app.prepare_sign_in().await?;
        Ok(AppState {
            store: app.store.clone(),
            app,
            settings: Arc::new(settings),
            metrics,
            clock,
            posters,
            shared_pages: Arc::default(),
        })
    }

    pub fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }
}

/// The whole HTTP application.
pub fn router(state: AppState) -> Router {
    let (api, mut openapi) = OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .merge(sessions::routes())
        .merge(cases::routes())
        .merge(posters::routes())
        .merge(subscriptions::routes())
        .merge(places::routes())
        .merge(tips::routes())
        .merge(stats::routes())
        .merge(exports::routes())
        .merge(cap::routes())
        .merge(pfif::routes())
        .merge(ops::routes())
        .split_for_parts();
    openapi::describe_common_errors(&mut openapi);
    let openapi = Arc::new(openapi);
    api.merge(ops::openapi_route(openapi.clone()))
        .merge(pages::routes(state.clone(), openapi))
        .merge(cap::feed_routes())
        .layer(DefaultBodyLimit::max(JSON_BODY_LIMIT))
        .layer(middleware::from_fn(headers::security_headers))
        .layer(middleware::from_fn(record_metrics))
        .layer(
            // Spans carry the route template, never the URI: query strings hold
            // tokens and addresses that must not reach the logs.
            TraceLayer::new_for_http().make_span_with(|req: &Request| {
                let route = req
                    .extensions()
                    .get::<MatchedPath>()
                    .map_or("unmatched", |p| p.as_str());
                tracing::info_span!("http", method = %req.method(), route)
            }),
        )
        .layer(CatchPanicLayer::new())
        .with_state(state)
}

async fn record_metrics(req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().to_string();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_string(), |p| p.as_str().to_string());
    let response = next.run(req).await;
    let status = response.status().as_u16().to_string();
    metrics::counter!("alerta_http_requests_total", "method" => method.clone(), "route" => route.clone(), "status" => status).increment(1);
    metrics::histogram!("alerta_http_request_duration_seconds", "method" => method, "route" => route)
        .record(started.elapsed().as_secs_f64());
    response
}

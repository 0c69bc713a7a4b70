//! `GET /api/v1/cases/{id}/cap.xml` (the case's latest CAP 1.2 message) and
//! `GET /feeds/cap.atom` (current alerts), for alerting hubs and apps.

use alerta_core::{Case, CaseId, CaseStatus, policy};
use alerta_exchange::cap::{self, FeedEntry, Site, Step};
use alerta_store::CaseFilter;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::error::{ApiError, ErrorBody};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(case_cap))
}

/// The feed lives outside `/api/v1`, where feed readers look.
pub fn feed_routes() -> Router<AppState> {
    Router::new().route("/feeds/cap.atom", get(cap_feed))
}

/// A resolved case stays in the feed this long, so readers hear it ended.
const CANCELLED_IN_FEED_DAYS: i64 = 7;

async fn steps_of(state: &AppState, case: &Case) -> Result<Vec<Step>, ApiError> {
    let log = state.store.audit_log(case.id).await?;
    Ok(cap::steps(
        log.iter().map(|line| (line.at, line.action.as_str())),
    ))
}

/// The case's latest CAP 1.2 message: Alert when published, Update when its
/// area is widened or corrected details are mailed, Cancel when it ends.
#[utoipa::path(get, path = "/api/v1/cases/{id}/cap.xml", tag = "cases", params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/cap+xml", body = String), (status = 404, body = ErrorBody)))]
async fn case_cap(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, ApiError> {
    let case = state.store.case(CaseId(id)).await?;
    // What the public may see: no drafts, no hidden cases.
    policy::view(None, &case)?;
    let steps = steps_of(&state, &case).await?;
    let site = Site {
        public_url: &state.settings.public_url,
    };
    let xml = cap::latest(&site, &case, &steps).ok_or(ApiError::NotFound)?;
    Ok((
        [
            (CONTENT_TYPE, "application/cap+xml; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=60"),
        ],
        xml,
    )
        .into_response())
}

async fn cap_feed(State(state): State<AppState>) -> Result<Response, ApiError> {
    let now = state.now();
    let filter = CaseFilter {
        statuses: vec![CaseStatus::Active, CaseStatus::Resolved],
        limit: 500,
        ..CaseFilter::default()
    };
    let cutoff = now - chrono::Duration::days(CANCELLED_IN_FEED_DAYS);
    let cases: Vec<Case> = state
        .store
        .list_cases(&filter)
        .await?
        .into_iter()
        .filter(|c| policy::view(None, c).is_ok())
        .filter(|c| c.status == CaseStatus::Active || c.resolved_at.is_some_and(|r| r > cutoff))
        .collect();
    let mut steps = Vec::with_capacity(cases.len());
    for case in &cases {
        steps.push(steps_of(&state, case).await?);
    }
    let entries: Vec<FeedEntry> = cases
        .iter()
        .zip(&steps)
        .map(|(case, steps)| FeedEntry { case, steps })
        .collect();
    let site = Site {
        public_url: &state.settings.public_url,
    };
    Ok((
        [
            (CONTENT_TYPE, "application/atom+xml; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=60"),
        ],
        cap::feed(&site, &entries, now),
    )
        .into_response())
}

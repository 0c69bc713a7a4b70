//! `GET /api/v1/cases/{id}/cap.xml` (the case's latest CAP 1.2 message) and
//! `GET /feeds/cap.atom` (current alerts), for alerting hubs and apps, and
//! `GET /feeds/cases.atom?place=` (active cases near a town), for feed readers.

use alerta_core::{Case, CaseId, CaseStatus, policy};
use alerta_exchange::cap::{self, FeedEntry, Site, Step};
use alerta_store::CaseFilter;
use axum::Router;
use axum::extract::State;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::error::{ApiError, ErrorBody};
use crate::json::{ApiPath, ApiQuery};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(case_cap))
}

/// The feed lives outside `/api/v1`, where feed readers look.
pub fn feed_routes() -> Router<AppState> {
    Router::new()
        .route("/feeds/cap.atom", get(cap_feed))
        .route("/feeds/cases.atom", get(cases_feed))
}

#[derive(serde::Deserialize)]
struct FeedQuery {
    place: Option<String>,
}

/// How far around the named place the feed looks, as the home page does.
const FEED_NEAR_KM: f64 = 50.0;

/// Active cases, newest first, near `?place=` (a town as people type it) or
/// everywhere without it.
async fn cases_feed(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<FeedQuery>,
) -> Result<Response, ApiError> {
    use alerta_core::Geography;
    let place = query
        .place
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty());
    let near =
        match place {
            None => None,
            Some(typed) if typed.chars().count() > 200 => {
                return Err(ApiError::invalid("place", "must be at most 200 characters"));
            }
            Some(typed) => Some(alerta_places::WORLD.place(typed).map_err(|_| {
                ApiError::invalid("place", "is not one known town: try \"Name, CC\"")
            })?),
        };
    let mut filter = CaseFilter {
        statuses: vec![CaseStatus::Active],
        limit: 100,
        ..CaseFilter::default()
    };
    filter.near = near.as_ref().map(|place| alerta_core::Circle {
        center: place.center,
        radius_km: FEED_NEAR_KM,
    });
    let cases: Vec<Case> = state
        .store
        .list_cases(&filter)
        .await?
        .into_iter()
        .filter(|c| policy::view(None, c).is_ok())
        .collect();
    let site = Site {
        public_url: &state.settings.public_url,
    };
    let self_url = match place {
        Some(typed) => format!(
            "{}/feeds/cases.atom?place={}",
            state.settings.public_url,
            url::form_urlencoded::byte_serialize(typed.as_bytes()).collect::<String>()
        ),
        None => format!("{}/feeds/cases.atom", state.settings.public_url),
    };
    let title = match &near {
        Some(place) => format!("Alerta — {}", place.label),
        None => "Alerta".to_string(),
    };
    Ok((
        [
            (CONTENT_TYPE, "application/atom+xml; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=60"),
        ],
        alerta_exchange::feeds::cases_feed(&site, &self_url, &title, &cases, state.now()),
    )
        .into_response())
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
    ApiPath(id): ApiPath<i64>,
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

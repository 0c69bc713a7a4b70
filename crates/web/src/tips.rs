//! `POST /api/v1/cases/{id}/tips` (anyone) and `GET /api/v1/cases/{id}/tips` (police).

use alerta_core::{CaseId, Tip, TipInput, TipKind, policy};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, FixedOffset, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::Caller;
use crate::error::{ApiError, ErrorBody};
use crate::json::{ApiJson, ApiPath};
use crate::limits::{self, ClientIp};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(send_tip, read_tips))
}

/// Checks and keeps a tip from `client`: the one path for the API and the
/// case page's form.
pub async fn submit(
    state: &AppState,
    client: std::net::IpAddr,
    case: CaseId,
    input: &TipInput,
    kind: TipKind,
) -> Result<i64, ApiError> {
    limits::check(state, limits::TIPS_PER_CLIENT, &client.to_string()).await?;
    Ok(state.app.send_tip(case, input, kind).await?)
}

#[derive(Serialize, ToSchema)]
pub struct TipReceived {
    id: i64,
}

/// Send a tip to the police of an active case; anonymous is fine.
#[utoipa::path(post, path = "/api/v1/cases/{id}/tips", tag = "tips", params(("id" = i64, Path)),
    request_body = TipInput,
    responses((status = 201, body = TipReceived), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)))]
async fn send_tip(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<TipInput>,
) -> Result<(StatusCode, Json<TipReceived>), ApiError> {
    let id = submit(&state, ip, CaseId(id), &input, TipKind::Sighting).await?;
    Ok((StatusCode::CREATED, Json(TipReceived { id })))
}

/// A tip as police read it.
#[derive(Serialize, ToSchema)]
pub struct TipView {
    id: i64,
    /// sighting, or about_me: someone says the report is about them and false.
    kind: &'static str,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    nickname: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    contact: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    seen_place: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lat: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lng: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    seen_at: Option<DateTime<FixedOffset>>,
    received_at: DateTime<Utc>,
}

impl From<Tip> for TipView {
    fn from(t: Tip) -> Self {
        TipView {
            id: t.id,
            kind: t.tip.kind.as_str(),
            message: t.tip.message,
            nickname: t.tip.nickname,
            contact: t.tip.contact,
            seen_place: t.tip.seen_place,
            lat: t.tip.seen_near.map(|p| p.lat),
            lng: t.tip.seen_near.map(|p| p.lng),
            seen_at: t.tip.seen_at,
            received_at: t.received_at,
        }
    }
}

/// The tips of a case, newest first (police).
#[utoipa::path(get, path = "/api/v1/cases/{id}/tips", tag = "tips", params(("id" = i64, Path)),
    security(("bearer" = [])),
    responses((status = 200, body = Vec<TipView>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
async fn read_tips(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Vec<TipView>>, ApiError> {
    let case = state.store.case(CaseId(id)).await?;
    policy::may_read_records(caller.actor(), &case)?;
    let tips = state.store.tips(CaseId(id)).await?;
    Ok(Json(tips.into_iter().map(TipView::from).collect()))
}

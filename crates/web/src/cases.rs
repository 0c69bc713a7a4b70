//! The case routes of `/api/v1`.

use alerta_core::policy::{self, View};
use alerta_core::text::{Lines, clean_optional};
use alerta_core::transition::Wider;
use alerta_core::{
    Case, CaseDetails, CaseId, CaseInput, CaseStatus, Coordinates, Language, Outcome, Role, Sex,
};
use alerta_store::{AuditEntry, CaseFilter, PhotoVariant, StoredPhoto};
use axum::Json;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, ETAG, LOCATION};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::Caller;
use crate::error::{ApiError, ErrorBody};
use crate::json::{ApiJson, ApiPath, ApiQuery, read_body};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create_case, list_cases))
        .routes(routes!(get_case, update_case))
        .routes(routes!(put_photo, get_photo).layer(DefaultBodyLimit::max(alerta_photo::MAX_BYTES)))
        .routes(routes!(publish_case))
        .routes(routes!(resolve_case))
        .routes(routes!(case_audit))
        .routes(routes!(dispatch_progress))
        .routes(routes!(widen_case))
        .routes(routes!(notify_update))
        .routes(routes!(plan_widenings, planned_widenings))
}

/// A case as a reader may see it: fields beyond their view are left out.
#[derive(Serialize, ToSchema, Default)]
pub struct CaseView {
    id: i64,
    status: Option<CaseStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    outcome: Option<Outcome>,
    given_name: String,
    family_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    aliases: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sex: Option<Sex>,
    /// Age when last seen.
    #[serde(skip_serializing_if = "Option::is_none")]
    age: Option<i64>,
    /// Age today, once a year has passed.
    #[serde(skip_serializing_if = "Option::is_none")]
    age_now: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    birth_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    height_cm: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    weight_kg: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hair: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    eyes: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    marks: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    clothing: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    circumstances: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>, format = DateTime, example = "2026-11-20T18:30:00-04:00")]
    last_seen_at: Option<DateTime<FixedOffset>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_seen_place: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_seen: Option<Coordinates>,
    /// The town (or, far from any, the region) the last-seen point lies in,
    /// as Alerta located it: printed with the country after `last_seen_place`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "Cochabamba")]
    last_seen_locality: Option<String>,
    /// ISO 3166-1 code of the country the last-seen point lies in.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "BO")]
    last_seen_country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    contact_phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    contact_phone_2: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    contact_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<Language>,
    #[serde(skip_serializing_if = "Option::is_none")]
    alert_radius_km: Option<f64>,
    /// The road the alert also follows, when police gave one.
    #[serde(skip_serializing_if = "Option::is_none")]
    alert_route: Option<Vec<Coordinates>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    alert_route_width_km: Option<f64>,
    /// The polygon the alert also covers, as a closed ring.
    #[serde(skip_serializing_if = "Option::is_none")]
    alert_polygon: Option<Vec<Coordinates>>,
    /// The kinds of partner the alert also goes to.
    #[serde(skip_serializing_if = "Option::is_none")]
    alert_partner_kinds: Option<Vec<alerta_core::PartnerKind>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    organisation: Option<String>,
    /// The normalised photo, while the case is public (or for its owner and police).
    #[serde(skip_serializing_if = "Option::is_none")]
    photo_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published_at: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    resolved_at: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    resolution_note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    owner_id: Option<i64>,
    /// For police: confirmed volunteers the alert area reaches now.
    #[serde(skip_serializing_if = "Option::is_none")]
    reach: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    created_at: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    updated_at: Option<DateTime<Utc>>,
}

impl CaseView {
    fn new(case: &Case, view: View, state: &AppState) -> CaseView {
        let d = &case.details;
        let mut out = CaseView {
            id: case.id.0,
            status: Some(case.status),
            outcome: case.outcome,
            given_name: d.given_name.clone(),
            family_name: d.family_name.clone(),
            resolved_at: case.resolved_at,
            ..CaseView::default()
        };
        // A resolved case shows only that the person was found: no photo, no details.
        if view == View::Resolved {
            return out;
        }
        out.aliases = d.aliases.clone();
        out.sex = Some(d.sex);
        out.age = Some(d.age_when_last_seen());
        out.age_now = d.age_now_if_changed(state.now().date_naive());
        out.height_cm = d.height_cm;
        out.weight_kg = d.weight_kg;
        out.hair = d.hair.clone();
        out.eyes = d.eyes.clone();
        out.marks = d.marks.clone();
        out.clothing = Some(d.clothing.clone());
        out.circumstances = Some(d.circumstances.clone());
        out.last_seen_at = Some(d.last_seen_at);
        out.last_seen_place = Some(d.last_seen_place.clone());
        out.last_seen = Some(d.last_seen);
        out.last_seen_locality = case.last_seen_locality.clone();
        out.last_seen_country = case.last_seen_country().map(str::to_string);
        out.contact_phone = Some(d.contact_phone.clone());
        out.contact_phone_2 = d.contact_phone_2.clone();
        out.contact_name = d.contact_name.clone();
        out.language = Some(d.language);
        out.alert_radius_km = Some(d.alert_radius_km);
        if let Some(corridor) = &d.alert_corridor {
            out.alert_route = Some(corridor.route.clone());
            out.alert_route_width_km = Some(corridor.width_km);
        }
        out.alert_polygon = d.alert_polygon.as_ref().map(|p| {
            let mut ring = p.ring.clone();
            ring.extend(p.ring.first().copied());
            ring
        });
        out.alert_partner_kinds =
            Some(d.alert_partner_kinds.clone()).filter(|kinds| !kinds.is_empty());
        out.organisation = case.organisation.clone();
        out.published_at = case.published_at;
        let photo_visible = case.status != CaseStatus::Resolved || view == View::Full;
        if case.has_photo && photo_visible {
            out.photo_url = Some(format!(
                "{}/api/v1/cases/{}/photo?v={}",
                state.settings.public_url, case.id, case.version
            ));
        }
        if view == View::Full {
            out.birth_date = d.birth_date.map(|b| b.format("%Y-%m-%d").to_string());
            out.resolution_note = case.resolution_note.clone();
            out.owner_id = Some(case.owner_id.0);
            out.version = Some(case.version);
            out.created_at = Some(case.created_at);
            out.updated_at = Some(case.updated_at);
        }
        out
    }
}

fn viewed(case: &Case, caller: &Caller, state: &AppState) -> Result<CaseView, ApiError> {
    let view = policy::view(caller.actor(), case)?;
    Ok(CaseView::new(case, view, state))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CreateParams {
    /// Register even though an open case names the same person and age.
    #[serde(default)]
    confirm_duplicate: bool,
}

/// Register a case (family, police). It starts as a draft that police verify.
#[utoipa::path(post, path = "/api/v1/cases", tag = "cases", request_body = CaseInput, params(CreateParams),
    security(("bearer" = [])),
    responses(
        (status = 201, body = CaseView, description = "Registered as a draft"),
        (status = 401, body = ErrorBody), (status = 409, body = ErrorBody, description = "Possible duplicate"),
        (status = 413, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_case(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(params): ApiQuery<CreateParams>,
    ApiJson(input): ApiJson<CaseInput>,
) -> Result<Response, ApiError> {
    let actor = caller.require()?;
    let details = CaseDetails::parse(&input, state.now())?;
    let case = state
        .app
        .register(actor, &details, None, params.confirm_duplicate)
        .await?;
    let location = format!("/api/v1/cases/{}", case.id);
    Ok((
        StatusCode::CREATED,
        [(LOCATION, location)],
        Json(viewed(&case, &caller, &state)?),
    )
        .into_response())
}

/// A case: public fields for anyone while active; all fields for its owner and police.
#[utoipa::path(get, path = "/api/v1/cases/{id}", tag = "cases", params(("id" = i64, Path)),
    responses((status = 200, body = CaseView), (status = 404, body = ErrorBody)))]
async fn get_case(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<CaseView>, ApiError> {
    let case = state.store.case(CaseId(id)).await?;
    let mut view = viewed(&case, &caller, &state)?;
    // Police see how many volunteers the alert reaches before they publish.
    if caller.actor().is_some_and(|a| a.role.is_police()) && case.status != CaseStatus::Resolved {
        view.reach = Some(state.store.case_reach(&case).await? as i64);
    }
    Ok(Json(view))
}

/// Replace a case's details: its family while a draft, police until resolved.
#[utoipa::path(put, path = "/api/v1/cases/{id}", tag = "cases", params(("id" = i64, Path)), request_body = CaseInput,
    security(("bearer" = [])),
    responses((status = 200, body = CaseView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_case(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<CaseInput>,
) -> Result<Json<CaseView>, ApiError> {
    let actor = caller.require()?;
    let details = CaseDetails::parse(&input, state.now())?;
    let case = state.app.correct(actor, CaseId(id), &details).await?;
    Ok(Json(viewed(&case, &caller, &state)?))
}

#[derive(Serialize, ToSchema)]
pub struct PhotoStored {
    width: u32,
    height: u32,
    photo_url: String,
}

/// Upload the case's photo as the raw body (JPEG, PNG, WebP or GIF, up to 20 MB).
#[utoipa::path(put, path = "/api/v1/cases/{id}/photo", tag = "cases", params(("id" = i64, Path)),
    request_body(content = Vec<u8>, content_type = "image/jpeg"),
    security(("bearer" = [])),
    responses((status = 200, body = PhotoStored), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 413, body = ErrorBody),
        (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn put_photo(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    request: Request,
) -> Result<Json<PhotoStored>, ApiError> {
    let actor = caller.require()?.clone();
    // Refuse early, before reading 20 MB, when the caller may not touch the case.
    let case = state.store.case(CaseId(id)).await?;
    policy::may_edit(Some(&actor), &case)?;
    let declared = request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    if !alerta_photo::ACCEPTED_TYPES
        .iter()
        .any(|t| declared.starts_with(t))
    {
        return Err(alerta_photo::PhotoError::UnsupportedType(declared).into());
    }
    let bytes = read_body(request, &state).await.map_err(|e| match e {
        ApiError::TooLarge { .. } => ApiError::TooLarge {
            field: "photo",
            message: "the photo is larger than 20 MB".into(),
        },
        other => other,
    })?;
    let stored = normalize_photo(bytes.to_vec(), declared).await?;
    let case = state.app.set_photo(&actor, CaseId(id), &stored).await?;
    Ok(Json(PhotoStored {
        width: stored.width,
        height: stored.height,
        photo_url: format!(
            "{}/api/v1/cases/{}/photo?v={}",
            state.settings.public_url, case.id, case.version
        ),
    }))
}

/// Checks and normalises an upload on the blocking pool (a 12-megapixel
/// photo takes a tenth of a second): the one path for the API and the pages.
pub(crate) async fn normalize_photo(
    original: Vec<u8>,
    declared: String,
) -> Result<StoredPhoto, ApiError> {
    let (normalized, original) = tokio::task::spawn_blocking(move || {
        (alerta_photo::normalize(&original, &declared), original)
    })
    .await
    .map_err(ApiError::internal)?;
    Ok(alerta_app::stored_photo(original, normalized?))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PhotoParams {
    /// The upload as it came (owner and police only) instead of the normalised JPEG.
    #[serde(default)]
    original: bool,
    /// A small copy (at most 480 px a side, about 20 KB), as lists of cases show it.
    #[serde(default)]
    thumbnail: bool,
}

/// The case's photo. Public while the case is active; gone from public view once resolved.
#[utoipa::path(get, path = "/api/v1/cases/{id}/photo", tag = "cases", params(("id" = i64, Path), PhotoParams),
    responses((status = 200, content_type = "image/jpeg", body = Vec<u8>), (status = 304, description = "Unchanged since the ETag given"),
        (status = 404, body = ErrorBody)))]
async fn get_photo(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(params): ApiQuery<PhotoParams>,
    request_headers: HeaderMap,
) -> Result<Response, ApiError> {
    let case = state.store.case(CaseId(id)).await?;
    let view = policy::view(caller.actor(), &case)?;
    let allowed = match view {
        View::Full => true,
        View::Public => !params.original,
        View::Resolved => false,
    };
    if !allowed {
        return Err(ApiError::NotFound);
    }
    let variant = if params.original {
        PhotoVariant::Original
    } else if params.thumbnail {
        PhotoVariant::Thumbnail
    } else {
        PhotoVariant::Normalized
    };
    let public = view == View::Public;
    let etag = format!(
        "\"photo-{}-{}-{}\"",
        case.id,
        case.version,
        match variant {
            PhotoVariant::Original => "original",
            PhotoVariant::Normalized => "normalized",
            PhotoVariant::Thumbnail => "thumbnail",
        }
    );
    let mut headers = HeaderMap::new();
    headers.insert(CACHE_CONTROL, photo_cache_control(public));
    if let Ok(value) = etag.parse() {
        headers.insert(ETAG, value);
    }
    if crate::headers::holds_etag(&request_headers, &etag) {
        return Ok((StatusCode::NOT_MODIFIED, headers).into_response());
    }
    let photo = state
        .store
        .photo(case.id, variant)
        .await?
        .ok_or(ApiError::NotFound)?;
    headers.insert(
        CONTENT_TYPE,
        photo
            .content_type
            .parse()
            .map_err(|_| ApiError::internal("stored content type"))?,
    );
    Ok((headers, photo.bytes).into_response())
}

/// A public photo may sit in a shared cache (a CDN, a reverse proxy), but
/// is checked with the server on every use (`no-cache` with its ETag): a
/// case that is hidden or resolved stops being served at the next request,
/// and an unchanged one costs a 304 from the case's row. A draft's, or the
/// upload as it came, stays out of shared caches.
fn photo_cache_control(public: bool) -> HeaderValue {
    HeaderValue::from_static(if public {
        "public, no-cache"
    } else {
        "private, no-store"
    })
}

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"status": "active", "recipients": 1840}))]
pub struct Published {
    status: CaseStatus,
    /// Volunteers whose zone the alert reaches.
    recipients: i64,
}

/// The version of the case an officer read before acting on it (its
/// `version` field): the action is refused with `409 version_changed` if the
/// case changed since.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"version": 3}))]
pub struct Reviewed {
    #[schema(required = true)]
    pub version: Option<i64>,
}

/// Publish a verified draft (police): the version the officer reviewed. Its
/// alert goes to the volunteers of its area.
#[utoipa::path(post, path = "/api/v1/cases/{id}/publish", tag = "cases", params(("id" = i64, Path)),
    request_body = Reviewed, security(("bearer" = [])),
    responses((status = 200, body = Published), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn publish_case(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<Reviewed>,
) -> Result<Json<Published>, ApiError> {
    let actor = caller.require()?;
    let (case, recipients) = state.app.publish(actor, CaseId(id), body.version).await?;
    Ok(Json(Published {
        status: case.status,
        recipients: recipients as i64,
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"outcome": "found_safe", "note": "Encontrada en casa de una tía en Quillacollo.", "version": 4}))]
pub struct Resolution {
    #[schema(value_type = Outcome)]
    pub outcome: Option<String>,
    pub note: Option<String>,
    /// The version of the case the officer read (required).
    #[schema(required = true)]
    pub version: Option<i64>,
}

/// Close a case (police): found safe, found deceased, or withdrawn.
#[utoipa::path(post, path = "/api/v1/cases/{id}/resolve", tag = "cases", params(("id" = i64, Path)),
    request_body = Resolution, security(("bearer" = [])),
    responses((status = 200, body = CaseView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn resolve_case(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<Resolution>,
) -> Result<Json<CaseView>, ApiError> {
    let actor = caller.require()?;
    let case = state
        .app
        .resolve(
            actor,
            CaseId(id),
            body.outcome.as_deref(),
            body.note.as_deref(),
            body.version,
        )
        .await?;
    Ok(Json(viewed(&case, &caller, &state)?))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// draft, active (default) or resolved. Families see only their own drafts.
    status: Option<String>,
    /// With `lng` and `radius_km`: cases last seen within that distance.
    lat: Option<f64>,
    lng: Option<f64>,
    radius_km: Option<f64>,
    /// Words of the person's name, accents and case ignored.
    q: Option<String>,
    /// The `next` of the previous page.
    cursor: Option<String>,
    /// 1 to 100, default 20.
    limit: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct CaseList {
    items: Vec<CaseView>,
    /// Pass as `cursor` for the next page; absent on the last one.
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<String>,
}

const MAX_SEARCH_RADIUS_KM: f64 = 2000.0;

/// Cases, newest first: active ones for everyone; drafts for their families and police.
#[utoipa::path(get, path = "/api/v1/cases", tag = "cases", params(ListParams),
    responses((status = 200, body = CaseList), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn list_cases(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(params): ApiQuery<ListParams>,
) -> Result<Json<CaseList>, ApiError> {
    let status = match params.status.as_deref() {
        None => CaseStatus::Active,
        Some(s) => CaseStatus::parse("status", s)?,
    };
    let mut filter = CaseFilter {
        statuses: vec![status],
        limit: params.limit.unwrap_or(20),
        ..CaseFilter::default()
    };
    if !(1..=100).contains(&filter.limit) {
        return Err(ApiError::invalid("limit", "must be between 1 and 100"));
    }
    if status == CaseStatus::Draft {
        let actor = caller.require()?;
        match actor.role {
            Role::Family => filter.owner = Some(actor.user_id),
            // Police see the drafts last seen where their organisation acts.
            Role::Police => filter.within = Some(actor.jurisdiction.clone()),
            Role::Admin => {}
        }
    }
    filter.near =
        near_filter(&params)?.map(|(center, radius_km)| alerta_core::Circle { center, radius_km });
    let q = clean_optional("q", params.q.as_deref(), 200, Lines::Single)?;
    if let Some(cursor) = params.cursor.as_deref() {
        filter.before_id = Some(
            cursor
                .parse()
                .map_err(|_| ApiError::invalid("cursor", "is not one we gave out"))?,
        );
    }
    let cases = crate::search::find_cases(&state, &filter, q.as_deref()).await?;
    let next = (cases.len() as i64 == filter.limit)
        .then(|| cases.last().map(|c| c.id.to_string()))
        .flatten();
    let items = cases
        .iter()
        .filter_map(|case| viewed(case, &caller, &state).ok())
        .collect();
    Ok(Json(CaseList { items, next }))
}

fn near_filter(params: &ListParams) -> Result<Option<(Coordinates, f64)>, ApiError> {
    match (params.lat, params.lng, params.radius_km) {
        (None, None, None) => Ok(None),
        (lat, lng, Some(radius)) => {
            let center = Coordinates::parse("near", lat, lng)
                .map_err(|e| ApiError::invalid(e.field.replace("near.", ""), e.message))?;
            if !radius.is_finite() || radius <= 0.0 || radius > MAX_SEARCH_RADIUS_KM {
                return Err(ApiError::invalid("radius_km", "must be between 0 and 2000"));
            }
            Ok(Some((center, radius)))
        }
        _ => Err(ApiError::invalid(
            "radius_km",
            "give lat, lng and radius_km together",
        )),
    }
}

#[derive(Serialize, ToSchema)]
pub struct AuditLine {
    at: DateTime<Utc>,
    actor_id: Option<i64>,
    actor_email: Option<String>,
    /// created, edited, photo_set, published, widened, realerted, resolved...
    action: String,
    detail: serde_json::Value,
}

impl From<AuditEntry> for AuditLine {
    fn from(e: AuditEntry) -> Self {
        AuditLine {
            at: e.at,
            actor_id: e.actor_id,
            actor_email: e.actor_email,
            action: e.action,
            detail: e.detail,
        }
    }
}

/// Who did what to a case, and when (police).
#[utoipa::path(get, path = "/api/v1/cases/{id}/audit", tag = "cases", params(("id" = i64, Path)),
    security(("bearer" = [])),
    responses((status = 200, body = Vec<AuditLine>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
async fn case_audit(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Vec<AuditLine>>, ApiError> {
    let case = state.store.case(CaseId(id)).await?;
    policy::may_read_records(caller.actor(), &case)?;
    let lines = state.store.audit_log(CaseId(id)).await?;
    Ok(Json(lines.into_iter().map(AuditLine::from).collect()))
}

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"recipients": 1840, "queued": 120, "sent": 1715, "failed": 5, "undeliverable": 12, "first_sent_at": "2026-11-20T23:41:02Z", "last_sent_at": "2026-11-20T23:44:57Z"}))]
pub struct DispatchProgress {
    /// Volunteers the alert was queued for.
    recipients: i64,
    queued: i64,
    sent: i64,
    failed: i64,
    /// Sent, then reported back by the recipient's mail server as not
    /// delivered (a bounce read from the return path).
    undeliverable: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_sent_at: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_sent_at: Option<DateTime<Utc>>,
}

/// How the alert mail of a case is going out (police).
#[utoipa::path(get, path = "/api/v1/cases/{id}/dispatch", tag = "cases", params(("id" = i64, Path)),
    security(("bearer" = [])),
    responses((status = 200, body = DispatchProgress), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
async fn dispatch_progress(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<DispatchProgress>, ApiError> {
    let case = state.store.case(CaseId(id)).await?;
    policy::may_read_records(caller.actor(), &case)?;
    let f = state.store.dispatch_figures(case.id).await?;
    let at = |ms: Option<i64>| ms.and_then(DateTime::<Utc>::from_timestamp_millis);
    Ok(Json(DispatchProgress {
        recipients: f.recipients,
        queued: f.queued,
        sent: f.sent,
        failed: f.failed,
        undeliverable: f.undeliverable,
        first_sent_at: at(f.first_sent_at),
        last_sent_at: at(f.last_sent_at),
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"alert_radius_km": 50, "version": 4}))]
pub struct Widening {
    /// The new alert radius: larger than the current one, at most 1000 km.
    alert_radius_km: Option<f64>,
    /// The new width either side of the alert route: larger than the
    /// current one, at most 100 km. Give this, the radius, or both.
    alert_route_width_km: Option<f64>,
    /// The version of the case the officer read (required).
    #[schema(required = true)]
    version: Option<i64>,
}

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"recipients": 5120}))]
pub struct Widened {
    /// Volunteers the wider area reaches who had not been alerted yet.
    recipients: u64,
}

/// Widen a published case's alert area (police); only newly reached volunteers are mailed.
#[utoipa::path(post, path = "/api/v1/cases/{id}/widen", tag = "cases", params(("id" = i64, Path)),
    request_body = Widening, security(("bearer" = [])),
    responses((status = 200, body = Widened), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn widen_case(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<Widening>,
) -> Result<Json<Widened>, ApiError> {
    let actor = caller.require()?;
    let recipients = state
        .app
        .widen(
            actor,
            CaseId(id),
            body.alert_radius_km,
            body.alert_route_width_km,
            body.version,
        )
        .await?;
    Ok(Json(Widened { recipients }))
}

#[derive(Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WideningStep {
    /// Hours after publication, 1 to 720.
    after_hours: i64,
    /// 0.5 to 1000 km.
    #[serde(skip_serializing_if = "Option::is_none")]
    alert_radius_km: Option<f64>,
    /// The width either side of the alert route, 0.5 to 100 km. Give this,
    /// the radius, or both.
    #[serde(skip_serializing_if = "Option::is_none")]
    alert_route_width_km: Option<f64>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"steps": [{"after_hours": 6, "alert_radius_km": 50}, {"after_hours": 24, "alert_radius_km": 200}]}))]
pub struct WideningPlan {
    /// At most 10 steps; they replace the steps not yet applied.
    steps: Vec<WideningStep>,
}

#[derive(Serialize, ToSchema)]
pub struct PlannedStepView {
    after_hours: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    alert_radius_km: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    alert_route_width_km: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    done_at: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    newly_reached: Option<i64>,
}

const MAX_WIDENING_STEPS: usize = 10;

/// Plan widenings ahead (police): e.g. 50 km after 6 hours, 200 km after 24, while the case is open.
#[utoipa::path(put, path = "/api/v1/cases/{id}/widenings", tag = "cases", params(("id" = i64, Path)),
    request_body = WideningPlan, security(("bearer" = [])),
    responses((status = 200, body = Vec<PlannedStepView>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn plan_widenings(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(plan): ApiJson<WideningPlan>,
) -> Result<Json<Vec<PlannedStepView>>, ApiError> {
    let actor = caller.require()?;
    if plan.steps.len() > MAX_WIDENING_STEPS {
        return Err(ApiError::invalid("steps", "at most 10 steps"));
    }
    let mut steps = Vec::with_capacity(plan.steps.len());
    for (i, step) in plan.steps.iter().enumerate() {
        if !(1..=720).contains(&step.after_hours) {
            return Err(ApiError::invalid(
                format!("steps[{i}].after_hours"),
                "must be between 1 and 720",
            ));
        }
        let to = Wider::parse(
            &format!("steps[{i}]."),
            step.alert_radius_km,
            step.alert_route_width_km,
        )
        .map_err(|e| ApiError::invalid(e.field, e.message))?;
        steps.push(alerta_store::PlannedStep {
            after_hours: step.after_hours,
            to,
        });
    }
    state.app.plan_widenings(actor, CaseId(id), &steps).await?;
    planned_steps(&state, CaseId(id)).await
}

/// The widenings planned for a case and what became of them (police).
#[utoipa::path(get, path = "/api/v1/cases/{id}/widenings", tag = "cases", params(("id" = i64, Path)),
    security(("bearer" = [])),
    responses((status = 200, body = Vec<PlannedStepView>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
async fn planned_widenings(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Vec<PlannedStepView>>, ApiError> {
    let case = state.store.case(CaseId(id)).await?;
    policy::may_read_records(caller.actor(), &case)?;
    planned_steps(&state, CaseId(id)).await
}

async fn planned_steps(
    state: &AppState,
    id: CaseId,
) -> Result<Json<Vec<PlannedStepView>>, ApiError> {
    let steps = state.store.widenings(id).await?;
    Ok(Json(
        steps
            .into_iter()
            .map(|w| PlannedStepView {
                after_hours: w.after_hours,
                alert_radius_km: w.alert_radius_km,
                alert_route_width_km: w.alert_route_width_km,
                done_at: w.done_at.and_then(DateTime::<Utc>::from_timestamp_millis),
                newly_reached: w.newly_reached,
            })
            .collect(),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct UpdateQueued {
    /// Volunteers who got the alert and will get the updated information.
    recipients: u64,
}

/// Send the case's current details to the volunteers who got its alert (police),
/// after correcting them: edits alone mail nobody.
#[utoipa::path(post, path = "/api/v1/cases/{id}/notify-update", tag = "cases", params(("id" = i64, Path)),
    request_body = Reviewed, security(("bearer" = [])),
    responses((status = 200, body = UpdateQueued), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn notify_update(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<Reviewed>,
) -> Result<Json<UpdateQueued>, ApiError> {
    let actor = caller.require()?;
    let recipients = state
        .app
        .mail_correction(actor, CaseId(id), body.version)
        .await?;
    Ok(Json(UpdateQueued { recipients }))
}

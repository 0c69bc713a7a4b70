//! The poster documents: `/cases/{id}/poster.pdf` and `/cases/{id}/poster.png`.

use std::sync::Arc;

use alerta_core::policy;
use alerta_core::{Case, CaseId, CaseStatus, Language};
use alerta_poster::{Key, Kind, Paper, PhotoJpeg};
use axum::extract::State;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE, ETAG};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::Caller;
use crate::error::{ApiError, ErrorBody};
use crate::json::{ApiPath, ApiQuery};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(poster_pdf))
        .routes(routes!(poster_png))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PosterParams {
    /// es, pt, fr or en; the case's own language when left out.
    lang: Option<String>,
    /// a4 or letter (PDF only); A4 when left out.
    paper: Option<String>,
}

impl PosterParams {
    fn language(&self, case: &Case) -> Result<Language, ApiError> {
        match &self.lang {
            None => Ok(case.details.language),
            Some(lang) => Language::parse("lang", lang).map_err(|e| ApiError::BadRequest {
                code: "invalid_parameter",
                message: e.message,
                field: Some("lang".into()),
            }),
        }
    }

    fn paper(&self) -> Result<Paper, ApiError> {
        match &self.paper {
            None => Ok(Paper::A4),
            Some(paper) => Paper::parse(paper).ok_or_else(|| ApiError::BadRequest {
                code: "invalid_parameter",
                message: "must be one of a4, letter".into(),
                field: Some("paper".into()),
            }),
        }
    }
}

/// The printable poster of an active case (police and the case's family also
/// see drafts). A resolved case has no poster any more: 410.
#[utoipa::path(get, path = "/cases/{id}/poster.pdf", tag = "posters", params(("id" = i64, Path), PosterParams),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 304),
        (status = 400, body = ErrorBody), (status = 404, body = ErrorBody), (status = 410, content_type = "text/plain", body = String)))]
async fn poster_pdf(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(params): ApiQuery<PosterParams>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let paper = params.paper()?;
    serve(
        &state,
        &caller,
        CaseId(id),
        &params,
        Kind::Pdf(paper),
        &headers,
    )
    .await
}

/// The 1080 × 1350 card for messaging apps and social networks.
#[utoipa::path(get, path = "/cases/{id}/poster.png", tag = "posters", params(("id" = i64, Path), PosterParams),
    responses((status = 200, content_type = "image/png", body = Vec<u8>), (status = 304),
        (status = 400, body = ErrorBody), (status = 404, body = ErrorBody), (status = 410, content_type = "text/plain", body = String)))]
async fn poster_png(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(params): ApiQuery<PosterParams>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    serve(&state, &caller, CaseId(id), &params, Kind::Card, &headers).await
}

async fn serve(
    state: &AppState,
    caller: &Caller,
    id: CaseId,
    params: &PosterParams,
    kind: Kind,
    headers: &HeaderMap,
) -> Result<Response, ApiError> {
    let case = state.store.case(id).await?;
    let language = params.language(&case)?;
    if case.status == CaseStatus::Resolved {
        return Ok(gone(language));
    }
    policy::view(caller.actor(), &case)?;

    let key = Key::of(&case, kind, language, state.now());
    let etag = etag(&key);
    if crate::headers::holds_etag(headers, &etag) {
        return Ok((
            StatusCode::NOT_MODIFIED,
            document_headers(&case, &key, &etag),
        )
            .into_response());
    }
    let bytes = match state.posters.get(&key) {
        Some(bytes) => bytes,
        None => render(state, case.clone(), key).await?,
    };
    Ok((document_headers(&case, &key, &etag), bytes.to_vec()).into_response())
}

/// Renders on the blocking pool (a few milliseconds of CPU) and keeps the result.
async fn render(state: &AppState, case: Case, key: Key) -> Result<Arc<[u8]>, ApiError> {
    // The poster prints the copy framed for it; the card, made for
    // screens that zoom, the normalised photo.
    let photo = match (case.has_photo, key.kind) {
        (false, _) => None,
        (true, Kind::Pdf(_)) => state.store.print_photo(case.id).await?,
        (true, Kind::Card) => state.store.normalized_photo(case.id).await?,
    };
    let page_url = format!("{}/cases/{}", state.settings.public_url, case.id);
    let posters = state.posters.clone();
    let rendered = tokio::task::spawn_blocking(move || {
        let photo = photo.as_ref().map(|p| PhotoJpeg {
            jpeg: &p.jpeg,
            width: p.width,
            height: p.height,
        });
        // Called on a cache miss: the time is the render's.
        let started = std::time::Instant::now();
        let result = posters.case_poster(key, &case, &page_url, photo.as_ref());
        metrics::histogram!("alerta_poster_render_seconds", "kind" => kind_name(key.kind))
            .record(started.elapsed().as_secs_f64());
        result
    })
    .await
    .map_err(ApiError::internal)?;
    rendered.map_err(ApiError::internal)
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Pdf(_) => "pdf",
        Kind::Card => "png",
    }
}

fn etag(key: &Key) -> String {
    let kind = match key.kind {
        Kind::Pdf(paper) => paper.as_str(),
        Kind::Card => "card",
    };
    format!(
        "\"{}-{}-{}-{}-{}\"",
        key.case,
        key.version,
        kind,
        key.language.as_str(),
        key.printed.format("%Y%m%d")
    )
}

fn document_headers(case: &Case, key: &Key, etag: &str) -> HeaderMap {
    let (content_type, extension) = match key.kind {
        Kind::Pdf(_) => ("application/pdf", "pdf"),
        Kind::Card => ("image/png", "png"),
    };
    let filename = match key.kind {
        Kind::Pdf(paper) => format!(
            "alerta-{}-{}-{}.{extension}",
            case.id,
            key.language.as_str(),
            paper.as_str()
        ),
        Kind::Card => format!("alerta-{}-{}.{extension}", case.id, key.language.as_str()),
    };
    let mut headers = HeaderMap::new();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(value) = HeaderValue::from_str(&format!("inline; filename=\"{filename}\"")) {
        headers.insert(CONTENT_DISPOSITION, value);
    }
    if let Ok(value) = HeaderValue::from_str(etag) {
        headers.insert(ETAG, value);
    }
    // Drafts are for the family and police only. A public poster may sit
    // in a shared cache, checked with the server on every use (no-cache
    // with its ETag): hidden or resolved, it stops being served at the next
    // request; unchanged, it costs a 304 and no rendering.
    let cache = if case.status == CaseStatus::Active && !case.hidden {
        "public, no-cache"
    } else {
        "private, no-store"
    };
    headers.insert(CACHE_CONTROL, HeaderValue::from_static(cache));
    headers
}

fn gone(language: Language) -> Response {
    let text = alerta_i18n::text(language, "poster-gone", &[]);
    (
        StatusCode::GONE,
        [
            (CONTENT_TYPE, "text/plain; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=300"),
        ],
        text,
    )
        .into_response()
}

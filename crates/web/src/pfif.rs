//! PFIF 1.4 for police: `GET /api/v1/pfif?since=` exports the published and
//! resolved cases as person records with notes; `POST /api/v1/pfif` imports
//! another repository's file as draft cases (or resolved ones, when the
//! record says the search is over), answering record by record.

use alerta_app::{CommandError, PfifImport};
use alerta_core::{Case, CaseId, CaseStatus, policy};
use alerta_exchange::cap::Site;
use alerta_exchange::pfif::{self, Export, ImportedCase, Reading};
use alerta_store::{StoreError, StoredPhoto};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::Caller;
use crate::error::{ApiError, ErrorBody};
use crate::json::ApiQuery;

/// Largest PFIF file an import takes: thousands of records.
pub const MAX_IMPORT_BYTES: usize = 10 * 1024 * 1024;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(export_pfif, import_pfif))
        .layer(DefaultBodyLimit::max(MAX_IMPORT_BYTES))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportParams {
    /// RFC 3339: only cases changed at or after this moment (incremental export).
    since: Option<String>,
}

/// Published and resolved cases as PFIF 1.4 (police): one person record per
/// case, with notes for its publication and its end. Hidden cases and
/// drafts stay out; resolved cases carry no photo.
#[utoipa::path(get, path = "/api/v1/pfif", tag = "exchange", params(ExportParams),
    security(("bearer" = [])),
    responses((status = 200, content_type = "application/xml", body = String), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn export_pfif(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(params): ApiQuery<ExportParams>,
) -> Result<Response, ApiError> {
    policy::may_audit(caller.actor())?;
    let since = match params.since.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(
            DateTime::parse_from_rfc3339(text)
                .map_err(|_| {
                    ApiError::invalid(
                        "since",
                        "must be an RFC 3339 time, e.g. 2026-11-20T00:00:00Z",
                    )
                })?
                .with_timezone(&Utc),
        ),
    };
    // An officer exports the cases their organisation answers for or was told of.
    let mut cases = exported_cases(&state, since).await?;
    cases.retain(|case| policy::may_read_records(caller.actor(), case).is_ok());
    let site = Site {
        public_url: &state.settings.public_url,
    };
    let records: Vec<Export> = cases
        .iter()
        .map(|case| Export {
            case,
            photo_url: (case.has_photo && case.status == CaseStatus::Active).then(|| {
                format!(
                    "{}/api/v1/cases/{}/photo?v={}",
                    state.settings.public_url, case.id, case.version
                )
            }),
        })
        .collect();
    Ok((
        [
            (CONTENT_TYPE, "application/xml; charset=utf-8"),
            (
                CONTENT_DISPOSITION,
                "attachment; filename=\"alerta-pfif.xml\"",
            ),
        ],
        pfif::document(&site, &records),
    )
        .into_response())
}

/// Every published or resolved case changed since `since`, oldest change
/// first, as PFIF's incremental export expects.
async fn exported_cases(
    state: &AppState,
    since: Option<DateTime<Utc>>,
) -> Result<Vec<Case>, ApiError> {
    let mut cases: Vec<Case> = state
        .store
        .all_cases(&[CaseStatus::Active, CaseStatus::Resolved])
        .await?
        .into_iter()
        .filter(|c| pfif::exported(c, since))
        .collect();
    cases.sort_by_key(|c| (c.updated_at, c.id));
    Ok(cases)
}

/// What became of each record of an imported file.
#[derive(Serialize, ToSchema)]
#[schema(example = json!({"imported": 1, "merged": 0, "refused": 1, "records": [{"index": 1, "person_record_id": "personfinder.google.org/person.4040", "outcome": "imported", "case_id": 12, "errors": [], "photo": "stored"}, {"index": 2, "person_record_id": "personfinder.google.org/person.4041", "outcome": "refused", "case_id": null, "errors": [{"field": "clothing", "message": "is required"}], "photo": null}]}))]
pub struct ImportReport {
    imported: usize,
    merged: usize,
    refused: usize,
    records: Vec<RecordReport>,
}

#[derive(Serialize, ToSchema)]
pub struct RecordReport {
    /// Position of the person record in the file, from 1.
    #[schema(example = 1)]
    index: usize,
    #[schema(example = "personfinder.google.org/person.4040")]
    person_record_id: Option<String>,
    /// imported (a new case), merged (a case imported from this record
    /// before, updated while a draft) or refused (nothing stored).
    #[schema(example = "imported")]
    outcome: &'static str,
    case_id: Option<i64>,
    /// Why it was refused: every wrong or missing field.
    errors: Vec<alerta_core::FieldError>,
    /// What became of the record's photo_url: "stored", or why not.
    #[schema(example = "stored")]
    photo: Option<String>,
}

/// Import a PFIF 1.4 file (police). Each person record becomes a draft case
/// for police to verify and publish here, or a resolved case when its notes
/// say the person was found; a record imported before is merged, and a
/// record that is incomplete, or looks like an open case here, is refused
/// with its reasons and nothing of it is stored.
#[utoipa::path(post, path = "/api/v1/pfif", tag = "exchange",
    request_body(content = String, content_type = "application/xml"),
    security(("bearer" = [])),
    responses((status = 200, body = ImportReport), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 413, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn import_pfif(
    State(state): State<AppState>,
    caller: Caller,
    headers: axum::http::HeaderMap,
    body: Bytes,
) -> Result<Json<ImportReport>, ApiError> {
    let actor = caller.require()?.clone();
    policy::may_import(Some(&actor))?;
    let declared = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !["application/xml", "text/xml"]
        .iter()
        .any(|t| declared.starts_with(t))
    {
        return Err(ApiError::UnsupportedMediaType {
            field: "body",
            message: "send the PFIF file as application/xml".into(),
        });
    }
    let xml = std::str::from_utf8(&body)
        .map_err(|_| ApiError::invalid("body", "the file is not UTF-8 text"))?;
    let now = state.now();
    let readings = pfif::read(xml, now).map_err(|e| ApiError::invalid("body", e.to_string()))?;
    let site = Site {
        public_url: &state.settings.public_url,
    };
    let mut records = Vec::with_capacity(readings.len());
    for reading in readings {
        records.push(import_one(&state, &site, &actor, reading).await?);
    }
    let count = |outcome: &str| records.iter().filter(|r| r.outcome == outcome).count();
    Ok(Json(ImportReport {
        imported: count("imported"),
        merged: count("merged"),
        refused: count("refused"),
        records,
    }))
}

async fn import_one(
    state: &AppState,
    site: &Site<'_>,
    actor: &alerta_core::Actor,
    reading: Reading,
) -> Result<RecordReport, ApiError> {
    let report = |outcome, case_id: Option<CaseId>, errors| RecordReport {
        index: reading.index,
        person_record_id: reading.record_id.clone(),
        outcome,
        case_id: case_id.map(|id| id.0),
        errors,
        photo: None,
    };
    let (record_id, imported): (&str, &ImportedCase) = match (&reading.record_id, &reading.result) {
        (Some(id), Ok(imported)) => (id, imported),
        (_, Err(errors)) => return Ok(report("refused", None, errors.clone())),
        (None, Ok(_)) => unreachable!("a record without an id is refused when read"),
    };
    // One of our own records coming home: the case is here already.
    if let Some(own) = own_case(site, record_id)
        && state.store.case(own).await.is_ok()
    {
        return Ok(report("merged", Some(own), vec![]));
    }
    // Only an open case shows a photo; a closed one never needs it.
    let photo = match (&imported.photo_url, imported.closed) {
        (Some(url), None) => Some(fetch_photo(state, url).await),
        _ => None,
    };
    let stored = state
        .app
        .import_pfif_record(
            actor,
            record_id,
            &imported.details,
            imported.closed,
            photo.as_ref().and_then(|p| p.as_ref().ok()),
        )
        .await;
    let photo_note = photo.map(|p| match p {
        Ok(_) => "stored".to_string(),
        Err(why) => why,
    });
    Ok(match stored {
        Ok(PfifImport::Imported(id)) => RecordReport {
            photo: photo_note,
            ..report("imported", Some(id), vec![])
        },
        Ok(PfifImport::Merged(id)) => report("merged", Some(id), vec![]),
        Err(CommandError::Store(StoreError::PossibleDuplicate(open))) => report(
            "refused",
            None,
            vec![alerta_core::FieldError::new(
                "full_name",
                format!(
                    "looks like case {open}, open here (same name and age): compare them and register it by hand if it is someone else"
                ),
            )],
        ),
        Err(other) => return Err(other.into()),
    })
}

/// The case of ours a record id names ("host/case.N"), if it is ours.
fn own_case(site: &Site, record_id: &str) -> Option<CaseId> {
    let local = record_id
        .strip_prefix(site.host())?
        .strip_prefix("/case.")?;
    local.parse().ok().map(CaseId)
}

/// Longest wait for a photo of an imported record.
const PHOTO_FETCH_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(15);

/// Fetches and normalises the photo at `url`, if its host is one the admin
/// allowed (`ALERTA_PFIF_PHOTO_HOSTS`); otherwise, or when it fails, why not.
/// Redirects are not followed: they could lead anywhere.
async fn fetch_photo(state: &AppState, url: &str) -> Result<StoredPhoto, String> {
    let parsed = url::Url::parse(url).map_err(|_| "not fetched: not a URL".to_string())?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err("not fetched: only http and https URLs".into());
    }
    let host = parsed.host_str().unwrap_or_default().to_ascii_lowercase();
    let with_port = parsed.port().map(|p| format!("{host}:{p}"));
    let allowed = state
        .settings
        .pfif_photo_hosts
        .iter()
        .any(|h| *h == host || Some(h) == with_port.as_ref());
    if !allowed {
        return Err(format!(
            "not fetched: {host} is not among the hosts allowed for photos (ALERTA_PFIF_PHOTO_HOSTS)"
        ));
    }
    let failed = |e: reqwest::Error| format!("not fetched: {e}");
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(PHOTO_FETCH_TIMEOUT)
        .build()
        .map_err(failed)?;
    let mut response = client.get(parsed).send().await.map_err(failed)?;
    if !response.status().is_success() {
        return Err(format!(
            "not fetched: the server answered {}",
            response.status()
        ));
    }
    let declared = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let mut bytes = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(failed)? {
        if bytes.len() + chunk.len() > alerta_photo::MAX_BYTES {
            return Err("not fetched: larger than 20 MB".into());
        }
        bytes.extend_from_slice(&chunk);
    }
    crate::cases::normalize_photo(bytes, declared)
        .await
        .map_err(|e| format!("not stored: {e}"))
}

//! `GET /api/v1/cases.csv` (police): cases and their alert mail figures for
//! spreadsheets. UTF-8 with a byte-order mark, so spreadsheet programs read
//! accents right; every text cell that a spreadsheet would take for a
//! formula is neutralised.

use alerta_core::{Case, CaseStatus, policy};
use axum::extract::State;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::Caller;
use crate::error::{ApiError, ErrorBody};
use crate::json::ApiQuery;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(cases_csv))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CsvParams {
    /// active (default), resolved or all.
    status: Option<String>,
}

const HEADER: [&str; 25] = [
    "id",
    "status",
    "outcome",
    "given_name",
    "family_name",
    "aliases",
    "sex",
    "age",
    "birth_date",
    "last_seen_at",
    "last_seen_place",
    "lat",
    "lng",
    "contact_phone",
    "organisation",
    "alert_radius_km",
    "alert_route",
    "alert_route_width_km",
    "alert_polygon",
    "created_at",
    "published_at",
    "resolved_at",
    "recipients",
    "sent",
    "failed",
];

/// A text cell as typed, unless a spreadsheet would run it: cells starting
/// with `=`, `+`, `-`, `@`, a tab or a carriage return get a leading
/// apostrophe, which spreadsheets show as text and do not evaluate.
pub fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// Cases as CSV (police): UTF-8 with BOM, one row per case, newest first.
#[utoipa::path(get, path = "/api/v1/cases.csv", tag = "cases", params(CsvParams),
    security(("bearer" = [])),
    responses((status = 200, content_type = "text/csv", body = String), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn cases_csv(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(params): ApiQuery<CsvParams>,
) -> Result<Response, ApiError> {
    policy::may_audit(caller.actor())?;
    let statuses = match params.status.as_deref().unwrap_or("active") {
        "all" => vec![CaseStatus::Active, CaseStatus::Resolved],
        "active" => vec![CaseStatus::Active],
        "resolved" => vec![CaseStatus::Resolved],
        _ => {
            return Err(ApiError::invalid(
                "status",
                "must be active, resolved or all",
            ));
        }
    };
    let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let failed = |e: csv::Error| ApiError::internal(e);
    out.write_record(HEADER).map_err(failed)?;
    // An officer exports the cases their organisation answers for or was told of.
    let cases = state.store.all_cases(&statuses).await?;
    let readable = cases
        .iter()
        .filter(|case| policy::may_read_records(caller.actor(), case).is_ok());
    for case in readable {
        let figures = state.store.dispatch_figures(case.id).await?;
        out.write_record(row(case, figures.recipients, figures.sent, figures.failed))
            .map_err(failed)?;
    }
    let body = out.into_inner().map_err(ApiError::internal)?;
    Ok((
        [
            (CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                CONTENT_DISPOSITION,
                "attachment; filename=\"alerta-cases.csv\"",
            ),
        ],
        body,
    )
        .into_response())
}

/// Points as WKT writes them, longitude first ("-66.16 -17.39, …"), the
/// first repeated at the end of a `ring`: GIS tools read the route and the
/// polygon columns as geometries.
fn wkt_points(points: &[alerta_core::Coordinates], ring: bool) -> String {
    let repeat = if ring { points.first() } else { None };
    points
        .iter()
        .chain(repeat)
        .map(|p| format!("{} {}", p.lng, p.lat))
        .collect::<Vec<_>>()
        .join(", ")
}

fn row(case: &Case, recipients: i64, sent: i64, failed: i64) -> Vec<String> {
    let d = &case.details;
    let corridor = d.alert_corridor.as_ref();
    let text = |value: &str| neutralise(value);
    let optional = |value: &Option<String>| value.as_deref().map(neutralise).unwrap_or_default();
    let time =
        |at: Option<chrono::DateTime<chrono::Utc>>| at.map(|t| t.to_rfc3339()).unwrap_or_default();
    vec![
        case.id.to_string(),
        case.status.as_str().to_string(),
        case.outcome
            .map(|o| o.as_str().to_string())
            .unwrap_or_default(),
        text(&d.given_name),
        text(&d.family_name),
        optional(&d.aliases),
        d.sex.as_str().to_string(),
        d.age_when_last_seen().to_string(),
        d.birth_date.map(|b| b.to_string()).unwrap_or_default(),
        d.last_seen_at.to_rfc3339(),
        text(&d.last_seen_place),
        d.last_seen.lat.to_string(),
        d.last_seen.lng.to_string(),
        text(&d.contact_phone),
        optional(&case.organisation),
        d.alert_radius_km.to_string(),
        corridor
            .map(|c| format!("LINESTRING({})", wkt_points(&c.route, false)))
            .unwrap_or_default(),
        corridor.map(|c| c.width_km.to_string()).unwrap_or_default(),
        d.alert_polygon
            .as_ref()
            .map(|p| format!("POLYGON(({}))", wkt_points(&p.ring, true)))
            .unwrap_or_default(),
        case.created_at.to_rfc3339(),
        time(case.published_at),
        time(case.resolved_at),
        recipients.to_string(),
        sent.to_string(),
        failed.to_string(),
    ]
}

#[cfg(test)]
mod tests {
    use super::neutralise;

    #[test]
    fn cells_a_spreadsheet_would_evaluate_are_neutralised() {
        for formula in ["=1+1", "+591 4 4221111", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(neutralise(formula).starts_with('\''), "{formula:?}");
        }
        assert_eq!(neutralise("María José"), "María José");
        assert_eq!(neutralise("Plaza = centro"), "Plaza = centro");
    }
}

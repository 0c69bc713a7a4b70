//! `GET /api/v1/stats`: anonymous figures by country and age group.

use alerta_core::Geography;
use alerta_core::stats::{Statistics, tally};
use axum::Json;
use axum::extract::State;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::error::ApiError;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(statistics))
}

/// Published cases, by outcome, country and age group; each case's country
/// is looked up on the boundary data, off the async threads.
pub async fn compute(state: &AppState) -> Result<Statistics, ApiError> {
    let facts = state.store.case_facts().await?;
    tokio::task::spawn_blocking(move || {
        tally(facts, |point| alerta_places::WORLD.country_at(point))
    })
    .await
    .map_err(ApiError::internal)
}

/// Cases reported, located, still open and withdrawn, in all and by country
/// and age group: counts only, nothing that names anyone.
#[utoipa::path(get, path = "/api/v1/stats", tag = "cases",
    responses((status = 200, body = Statistics)))]
async fn statistics(State(state): State<AppState>) -> Result<Json<Statistics>, ApiError> {
    Ok(Json(compute(&state).await?))
}

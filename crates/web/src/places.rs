//! Place suggestions for the subscription form: the offline gazetteer,
//! searched as the volunteer types.

use alerta_places::{ATTRIBUTION, Gazetteer};
use axum::Json;
use axum::http::header;
use axum::response::IntoResponse;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::error::{ApiError, ErrorBody};
use crate::json::ApiQuery;

const DEFAULT_LIMIT: usize = 8;
const MAX_LIMIT: usize = 20;
const LONGEST_QUERY: usize = 200;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(suggest_places))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PlaceQuery {
    /// The start of a town's name, accents and case ignored; ", CC" (an ISO
    /// country code or English country name) narrows to one country.
    #[param(example = "cochab")]
    q: Option<String>,
    /// At most this many places (1 to 20, default 8).
    #[param(value_type = Option<u32>)]
    limit: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct PlaceSuggestion {
    /// What to send back as a subscription's `zone.place`.
    #[schema(example = "Cochabamba, BO")]
    label: String,
    #[schema(example = "Cochabamba")]
    name: String,
    /// ISO 3166-1 alpha-2.
    #[schema(example = "BO")]
    country: String,
    lat: f64,
    lng: f64,
    population: u64,
    /// The zone's radius when the volunteer gives none.
    #[schema(example = 10.0)]
    default_radius_km: f64,
}

#[derive(Serialize, ToSchema)]
pub struct PlaceSuggestions {
    places: Vec<PlaceSuggestion>,
    /// The credit the GeoNames licence asks for; show it beside the suggestions.
    attribution: &'static str,
}

/// Towns and cities whose names start with what was typed, most populous first.
#[utoipa::path(get, path = "/api/v1/places", tag = "subscriptions", params(PlaceQuery),
    responses((status = 200, body = PlaceSuggestions), (status = 422, body = ErrorBody)))]
async fn suggest_places(
    ApiQuery(query): ApiQuery<PlaceQuery>,
) -> Result<impl IntoResponse, ApiError> {
    let typed = query.q.unwrap_or_default();
    if typed.chars().count() > LONGEST_QUERY {
        return Err(ApiError::invalid("q", "must be at most 200 characters"));
    }
    let limit = match query.limit.as_deref().map(str::parse::<usize>) {
        None => DEFAULT_LIMIT,
        Some(Ok(n)) if (1..=MAX_LIMIT).contains(&n) => n,
        Some(_) => {
            return Err(ApiError::invalid(
                "limit",
                "must be a whole number from 1 to 20",
            ));
        }
    };
    let places = Gazetteer::shared()
        .suggest(&typed, limit)
        .into_iter()
        .map(|p| PlaceSuggestion {
            label: p.label(),
            name: p.name.clone(),
            country: p.country.clone(),
            lat: p.center.lat,
            lng: p.center.lng,
            population: p.population,
            default_radius_km: alerta_core::town_radius_km(p.population),
        })
        .collect();
    let body = PlaceSuggestions {
        places,
        attribution: ATTRIBUTION,
    };
    // The gazetteer only changes with a new release.
    Ok((
        [(header::CACHE_CONTROL, "public, max-age=86400")],
        Json(body),
    ))
}

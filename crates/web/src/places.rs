//! Suggestions for the subscription form, searched offline as the
//! volunteer types: towns from the gazetteer, countries and regions from
//! the boundary data.

use alerta_places::{ATTRIBUTION, Gazetteer, RegionChoice};
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
    OpenApiRouter::new()
        .routes(routes!(suggest_places))
        .routes(routes!(suggest_regions))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PlaceQuery {
    /// The start of a town's name, accents and case ignored; ", CC" (an ISO
    /// country code or a country name in English, Spanish, Portuguese or
    /// French) narrows to one country.
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
    let (typed, limit) = checked(query.q, query.limit)?;
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
    Ok(cached(body))
}

/// What was typed and how many to answer, checked.
fn checked(q: Option<String>, limit: Option<String>) -> Result<(String, usize), ApiError> {
    let typed = q.unwrap_or_default();
    if typed.chars().count() > LONGEST_QUERY {
        return Err(ApiError::invalid("q", "must be at most 200 characters"));
    }
    let limit = match limit.as_deref().map(str::parse::<usize>) {
        None => DEFAULT_LIMIT,
        Some(Ok(n)) if (1..=MAX_LIMIT).contains(&n) => n,
        Some(_) => {
            return Err(ApiError::invalid(
                "limit",
                "must be a whole number from 1 to 20",
            ));
        }
    };
    Ok((typed, limit))
}

/// The data only changes with a new release.
fn cached(body: impl Serialize) -> impl IntoResponse {
    (
        [(header::CACHE_CONTROL, "public, max-age=86400")],
        Json(body),
    )
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RegionQuery {
    /// A country's or region's name (accents and case ignored; a word of it
    /// will do), or the start of its ISO 3166 code ("BO-").
    #[param(example = "cochab")]
    q: Option<String>,
    /// At most this many regions (1 to 20, default 8).
    #[param(value_type = Option<u32>)]
    limit: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct RegionSuggestion {
    /// What to send back as a subscription's `zone.region`.
    #[schema(example = "BO-C")]
    code: String,
    #[schema(example = "Cochabamba (BO-C)")]
    label: String,
}

#[derive(Serialize, ToSchema)]
pub struct RegionSuggestions {
    regions: Vec<RegionSuggestion>,
    /// The credit the boundary data's licences ask for.
    attribution: &'static str,
}

/// Countries and first-level regions for what was typed: the code itself,
/// then names equal to it, starting with it, with a word starting with it,
/// then codes starting with it; countries before regions.
#[utoipa::path(get, path = "/api/v1/regions", tag = "subscriptions", params(RegionQuery),
    responses((status = 200, body = RegionSuggestions), (status = 422, body = ErrorBody)))]
async fn suggest_regions(
    ApiQuery(query): ApiQuery<RegionQuery>,
) -> Result<impl IntoResponse, ApiError> {
    let (typed, limit) = checked(query.q, query.limit)?;
    let regions = alerta_places::suggest_regions(&typed, limit)
        .into_iter()
        .map(|RegionChoice { code, label }| RegionSuggestion { code, label })
        .collect();
    Ok(cached(RegionSuggestions {
        regions,
        attribution: ATTRIBUTION,
    }))
}

//! `POST /api/v1/subscriptions`: volunteers subscribe to a zone. The pages
//! the mailed links open (confirm, unsubscribe, manage) are in `pages::volunteer`.

use alerta_core::{CaseId, Email, Language, SubscriptionInput};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::token_hash;
use crate::error::{ApiError, ErrorBody};
use crate::json::{ApiJson, ApiPath};
use crate::limits::{self, ClientIp};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(subscribe))
        .routes(routes!(follow_case))
}

#[derive(Serialize, ToSchema)]
pub struct Accepted {
    /// Always "pending": the answer is the same whether or not the address was known.
    status: &'static str,
}

/// Subscribe an address to alerts for a zone. A confirmation mail goes out;
/// only confirmed volunteers receive alerts.
#[utoipa::path(post, path = "/api/v1/subscriptions", tag = "subscriptions", request_body = SubscriptionInput,
    responses((status = 202, body = Accepted), (status = 413, body = ErrorBody), (status = 415, body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)))]
async fn subscribe(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ApiJson(input): ApiJson<SubscriptionInput>,
) -> Result<(StatusCode, Json<Accepted>), ApiError> {
    request(&state, ip, &input).await?;
    Ok((StatusCode::ACCEPTED, Json(Accepted { status: "pending" })))
}

/// Checks a subscription request from `client` and queues its confirmation
/// mail: the one path for the API and the subscribe page.
pub async fn request(
    state: &AppState,
    client: std::net::IpAddr,
    input: &SubscriptionInput,
) -> Result<(), ApiError> {
    limits::check(state, limits::SUBSCRIBE_PER_CLIENT, &client.to_string()).await?;
    let subscription = state.app.parse_subscription(input)?;
    limits::check(
        state,
        limits::SUBSCRIBE_PER_ADDRESS,
        &token_hash(subscription.email.as_str()),
    )
    .await?;
    Ok(state.app.subscribe(&subscription).await?)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"email": "prima@example.org", "language": "es"}))]
pub struct FollowInput {
    #[schema(required = true, example = "prima@example.org")]
    email: Option<String>,
    #[schema(value_type = Option<Language>)]
    language: Option<String>,
}

/// Follow one active case by mail, volunteer or not: its corrected details
/// and its end. A confirmation mail goes out; the answer is the same whether
/// or not the address was known.
#[utoipa::path(post, path = "/api/v1/cases/{id}/followers", tag = "subscriptions", params(("id" = i64, Path)),
    request_body = FollowInput,
    responses((status = 202, body = Accepted), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)))]
async fn follow_case(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<FollowInput>,
) -> Result<(StatusCode, Json<Accepted>), ApiError> {
    follow(
        &state,
        ip,
        CaseId(id),
        input.email.as_deref(),
        input.language.as_deref(),
    )
    .await?;
    Ok((StatusCode::ACCEPTED, Json(Accepted { status: "pending" })))
}

/// Checks a request to follow `case` and queues its confirmation mail: the
/// one path for the API and the case page.
pub async fn follow(
    state: &AppState,
    client: std::net::IpAddr,
    case: CaseId,
    email: Option<&str>,
    language: Option<&str>,
) -> Result<(), ApiError> {
    limits::check(state, limits::SUBSCRIBE_PER_CLIENT, &client.to_string()).await?;
    let email = Email::parse("email", email.unwrap_or(""))?;
    let language = match language.map(str::trim).filter(|l| !l.is_empty()) {
        None => Language::default(),
        Some(l) => Language::parse("language", l)?,
    };
    limits::check(
        state,
        limits::SUBSCRIBE_PER_ADDRESS,
        &token_hash(email.as_str()),
    )
    .await?;
    Ok(state.app.follow(case, &email, language).await?)
}

/// Mails a fresh manage link to `email` if it is subscribed: the one path
/// for the manage page. The answer is the same whether or not it is.
pub async fn request_manage_link(
    state: &AppState,
    client: std::net::IpAddr,
    email: Option<&str>,
) -> Result<(), ApiError> {
    limits::check(state, limits::SUBSCRIBE_PER_CLIENT, &client.to_string()).await?;
    let email = Email::parse("email", email.unwrap_or(""))?;
    limits::check(
        state,
        limits::SUBSCRIBE_PER_ADDRESS,
        &token_hash(email.as_str()),
    )
    .await?;
    Ok(state.app.request_manage_link(&email).await?)
}

//! `POST /api/v1/subscriptions`: volunteers subscribe to a zone. The pages
//! the mailed links open (confirm, unsubscribe, manage) are in `pages::volunteer`.

use alerta_core::{NewSubscription, SubscriptionInput};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::token_hash;
use crate::error::{ApiError, ErrorBody};
use crate::json::ApiJson;
use crate::limits::{self, ClientIp};

/// A second confirmation mail to the same address waits this long.
const CONFIRM_COOLDOWN_MINUTES: i64 = 10;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(subscribe))
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
    let subscription = NewSubscription::parse(input, &alerta_places::WORLD)?;
    limits::check(
        state,
        limits::SUBSCRIBE_PER_ADDRESS,
        &token_hash(subscription.email.as_str()),
    )
    .await?;
    state
        .store
        .subscribe(
            &subscription,
            state.now(),
            chrono::Duration::minutes(CONFIRM_COOLDOWN_MINUTES),
        )
        .await?;
    state.mail_wakeup.notify_one();
    Ok(())
}

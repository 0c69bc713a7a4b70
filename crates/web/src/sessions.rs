//! `POST /api/v1/sessions` (sign in) and `DELETE /api/v1/sessions/current` (sign out).

use alerta_core::Role;
use alerta_store::SessionKind;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::Caller;
use crate::error::{ApiError, ErrorBody};
use crate::json::ApiJson;
use crate::limits::{self, ClientIp};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(sign_in))
        .routes(routes!(sign_out))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"email": "oficial@policia.bo", "password": "una frase larga y secreta"}))]
pub struct SignIn {
    #[schema(example = "oficial@policia.bo")]
    email: String,
    password: String,
}

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"token": "k3JmQ9x0f1bV4c7pZyWq2LrT8sN5uE6a", "role": "police", "expires_at": "2026-12-26T14:00:00Z"}))]
pub struct SessionCreated {
    /// Send as `Authorization: Bearer TOKEN`.
    token: String,
    role: Role,
    expires_at: DateTime<Utc>,
}

/// Sign in with email and password; answers a bearer token.
#[utoipa::path(post, path = "/api/v1/sessions", tag = "sessions", request_body = SignIn,
    responses((status = 201, body = SessionCreated), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)))]
async fn sign_in(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ApiJson(body): ApiJson<SignIn>,
) -> Result<(StatusCode, Json<SessionCreated>), ApiError> {
    limits::check(&state, limits::SIGN_IN_PER_CLIENT, &ip.to_string()).await?;
    let alerta_app::SignedIn {
        user,
        token,
        expires_at,
    } = state
        .app
        .sign_in(
            &body.email,
            &body.password,
            ip,
            SessionKind::Api,
            state.settings.api_token_ttl,
        )
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(SessionCreated {
            token,
            role: user.role,
            expires_at,
        }),
    ))
}

/// Revoke the token this request was made with.
#[utoipa::path(delete, path = "/api/v1/sessions/current", tag = "sessions", security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ErrorBody)))]
async fn sign_out(State(state): State<AppState>, caller: Caller) -> Result<StatusCode, ApiError> {
    let hash = caller.token_hash.ok_or(ApiError::SignInRequired)?;
    state.app.sign_out(&hash).await?;
    Ok(StatusCode::NO_CONTENT)
}

//! Volunteers subscribe, confirm from the mailed link, and unsubscribe in one click.

use alerta_core::{Language, NewSubscription, SubscriptionInput};
use alerta_store::TokenPurpose;
use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::token_hash;
use crate::error::{ApiError, ErrorBody};
use crate::json::ApiJson;
use crate::limits::{self, ClientIp};
use crate::page::{escape, page};

/// A second confirmation mail to the same address waits this long.
const CONFIRM_COOLDOWN_MINUTES: i64 = 10;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(subscribe))
        .routes(routes!(confirm))
        .routes(routes!(unsubscribe_page, unsubscribe))
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

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TokenParams {
    /// The token from the mailed link.
    token: Option<String>,
    /// Page language: es, pt, fr or en.
    lang: Option<String>,
}

impl TokenParams {
    fn hash(&self) -> String {
        token_hash(self.token.as_deref().unwrap_or(""))
    }

    fn language(&self) -> Language {
        self.lang
            .as_deref()
            .and_then(|l| Language::parse("lang", l).ok())
            .unwrap_or_default()
    }
}

/// The page a confirmation link opens: confirms the address and its zones.
#[utoipa::path(get, path = "/subscriptions/confirm", tag = "subscriptions", params(TokenParams),
    responses((status = 200, content_type = "text/html", description = "Confirmed"),
        (status = 410, content_type = "text/html", description = "Used, expired or unknown link")))]
async fn confirm(
    State(state): State<AppState>,
    Query(params): Query<TokenParams>,
) -> Result<Response, ApiError> {
    match state
        .store
        .confirm_volunteer(&params.hash(), state.now())
        .await?
    {
        Some(id) => {
            let language = volunteer_language(&state, id)
                .await?
                .unwrap_or(params.language());
            Ok(message_page(
                StatusCode::OK,
                language,
                "confirm-page-title",
                "confirm-page-body",
            ))
        }
        None => Ok(message_page(
            StatusCode::GONE,
            params.language(),
            "confirm-page-title",
            "confirm-page-invalid",
        )),
    }
}

/// The page an unsubscribe link opens: one button, which posts back.
#[utoipa::path(get, path = "/unsubscribe", tag = "subscriptions", params(TokenParams),
    responses((status = 200, content_type = "text/html"), (status = 410, content_type = "text/html")))]
async fn unsubscribe_page(
    State(state): State<AppState>,
    Query(params): Query<TokenParams>,
) -> Result<Response, ApiError> {
    let Some(id) = state
        .store
        .volunteer_for_token(&params.hash(), TokenPurpose::Unsubscribe, state.now())
        .await?
    else {
        return Ok(message_page(
            StatusCode::GONE,
            params.language(),
            "unsubscribe-page-title",
            "unsubscribe-page-invalid",
        ));
    };
    let language = volunteer_language(&state, id)
        .await?
        .unwrap_or(params.language());
    let t = |key| alerta_i18n::text(language, key, &[]);
    let token = escape(params.token.as_deref().unwrap_or(""));
    let body = format!(
        "<p>{}</p><form method=\"post\" action=\"/unsubscribe?token={token}\">\
         <input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">\
         <button type=\"submit\">{}</button></form>",
        escape(&t("unsubscribe-page-question")),
        escape(&t("unsubscribe-page-button")),
    );
    Ok((
        StatusCode::OK,
        Html(page(language, &t("unsubscribe-page-title"), &body)),
    )
        .into_response())
}

/// One-click unsubscribe (RFC 8058): mail clients post here straight from the
/// `List-Unsubscribe` header, so the token is the only credential.
#[utoipa::path(post, path = "/unsubscribe", tag = "subscriptions", params(TokenParams),
    responses((status = 200, content_type = "text/html"), (status = 410, content_type = "text/html")))]
async fn unsubscribe(
    State(state): State<AppState>,
    Query(params): Query<TokenParams>,
) -> Result<Response, ApiError> {
    match state.store.unsubscribe(&params.hash(), state.now()).await? {
        Some(id) => {
            let language = volunteer_language(&state, id)
                .await?
                .unwrap_or(params.language());
            Ok(message_page(
                StatusCode::OK,
                language,
                "unsubscribe-page-title",
                "unsubscribe-page-done",
            ))
        }
        None => Ok(message_page(
            StatusCode::GONE,
            params.language(),
            "unsubscribe-page-title",
            "unsubscribe-page-invalid",
        )),
    }
}

async fn volunteer_language(
    state: &AppState,
    id: alerta_core::VolunteerId,
) -> Result<Option<Language>, ApiError> {
    Ok(state.store.volunteer_contact(id).await?.map(|c| c.language))
}

fn message_page(
    status: StatusCode,
    language: Language,
    title_key: &str,
    body_key: &str,
) -> Response {
    let title = alerta_i18n::text(language, title_key, &[]);
    let body = format!(
        "<p>{}</p>",
        escape(&alerta_i18n::text(language, body_key, &[]))
    );
    (status, Html(page(language, &title, &body))).into_response()
}

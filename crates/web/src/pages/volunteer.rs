//! The pages mailed links open: confirming a subscription, unsubscribing in
//! one click (RFC 8058), and managing zones and language. The link's token is
//! the volunteer's only credential; their address never shows.

use alerta_core::{Language, SubscriptionInput, VolunteerId};
use alerta_store::TokenPurpose;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use maud::html;
use serde::Deserialize;

use super::subscribe::ZoneFields;
use super::{FormErrors, LANGUAGE_NAMES, Page, PageError, PagePath, see_other};
use crate::AppState;
use crate::auth::token_hash;
use crate::error::ApiError;
use crate::limits::ClientIp;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/subscriptions/confirm", get(confirm))
        .route("/unsubscribe", get(unsubscribe_page).post(unsubscribe))
        .route("/subscriptions/manage", get(manage))
        .route("/subscriptions/manage/language", post(change_language))
        .route("/subscriptions/manage/zones", post(add_zone))
        .route(
            "/subscriptions/manage/zones/{zone}/remove",
            post(remove_zone),
        )
}

#[derive(Deserialize)]
struct Token {
    token: Option<String>,
}

impl Token {
    fn hash(&self) -> String {
        token_hash(self.token.as_deref().unwrap_or(""))
    }

    fn query(&self) -> String {
        url::form_urlencoded::Serializer::new(String::new())
            .append_pair("token", self.token.as_deref().unwrap_or(""))
            .finish()
    }
}

/// A short page saying one thing.
fn message(page: &Page, status: StatusCode, title_key: &str, body_key: &str) -> Response {
    let body = html! { p class="notice" role="status" { (page.t(body_key)) } };
    (status, page.render(&page.t(title_key), body)).into_response()
}

async fn confirm(
    State(state): State<AppState>,
    page: Page,
    Query(token): Query<Token>,
) -> Result<Response, PageError> {
    Ok(
        match state
            .store
            .confirm_volunteer(&token.hash(), state.now())
            .await?
        {
            Some(_) => {
                // A digest of the cases already active may have been queued.
                state.mail_wakeup.notify_one();
                message(
                    &page,
                    StatusCode::OK,
                    "confirm-page-title",
                    "confirm-page-body",
                )
            }
            None => message(
                &page,
                StatusCode::GONE,
                "confirm-page-title",
                "confirm-page-invalid",
            ),
        },
    )
}

async fn unsubscribe_page(
    State(state): State<AppState>,
    page: Page,
    Query(token): Query<Token>,
) -> Result<Response, PageError> {
    let live = state
        .store
        .volunteer_for_token(&token.hash(), TokenPurpose::Unsubscribe, state.now())
        .await?;
    if live.is_none() {
        return Ok(message(
            &page,
            StatusCode::GONE,
            "unsubscribe-page-title",
            "unsubscribe-page-invalid",
        ));
    }
    let body = html! {
        p { (page.t("unsubscribe-page-question")) }
        form class="stack" method="post" action=(format!("/unsubscribe?{}", token.query())) {
            input type="hidden" name="List-Unsubscribe" value="One-Click";
            div { button type="submit" { (page.t("unsubscribe-page-button")) } }
        }
        p { a href=(format!("/subscriptions/manage?{}", token.query())) { (page.t("manage-instead")) } }
    };
    Ok(page
        .render(&page.t("unsubscribe-page-title"), body)
        .into_response())
}

/// One-click unsubscribe (RFC 8058): mail clients post here straight from
/// the `List-Unsubscribe` header, without a page, so the token in the link
/// is the only credential (and no form token is asked for).
async fn unsubscribe(
    State(state): State<AppState>,
    page: Page,
    Query(token): Query<Token>,
) -> Result<Response, PageError> {
    Ok(
        match state.store.unsubscribe(&token.hash(), state.now()).await? {
            Some(_) => message(
                &page,
                StatusCode::OK,
                "unsubscribe-page-title",
                "unsubscribe-page-done",
            ),
            None => message(
                &page,
                StatusCode::GONE,
                "unsubscribe-page-title",
                "unsubscribe-page-invalid",
            ),
        },
    )
}

/// The volunteer a live manage link belongs to (the unsubscribe token of any
/// mail they received).
async fn volunteer(state: &AppState, token: &Token) -> Result<Option<VolunteerId>, PageError> {
    Ok(state
        .store
        .volunteer_for_token(&token.hash(), TokenPurpose::Unsubscribe, state.now())
        .await?)
}

async fn manage(
    State(state): State<AppState>,
    page: Page,
    Query(token): Query<Token>,
) -> Result<Response, PageError> {
    let Some(id) = volunteer(&state, &token).await? else {
        return Ok(message(
            &page,
            StatusCode::GONE,
            "manage-title",
            "unsubscribe-page-invalid",
        ));
    };
    manage_page(
        &state,
        &page,
        &token,
        id,
        &ZoneFields::default(),
        &FormErrors::default(),
        None,
    )
    .await
}

async fn manage_page(
    state: &AppState,
    page: &Page,
    token: &Token,
    id: VolunteerId,
    zone: &ZoneFields,
    errors: &FormErrors,
    notice: Option<String>,
) -> Result<Response, PageError> {
    let zones = state.store.volunteer_zones(id).await?;
    let language = state
        .store
        .volunteer_contact(id)
        .await?
        .map_or(page.lang, |c| c.language);
    let q = token.query();
    let body = html! {
        @if let Some(notice) = notice { p class="notice" role="status" { (notice) } }
        h2 { (page.t("manage-zones")) }
        @if zones.is_empty() { p { (page.t("manage-no-zones")) } }
        ul class="tips" {
            @for (zone_id, label, confirmed) in &zones {
                li {
                    (label)
                    @if !confirmed { " " span class="badge draft" { (page.t("manage-unconfirmed")) } }
                    form class="inline" method="post" action=(format!("/subscriptions/manage/zones/{zone_id}/remove?{q}")) {
                        (page.csrf_field())
                        " " button class="link" type="submit" { (page.t("manage-remove")) }
                    }
                }
            }
        }
        h2 { (page.t("manage-add-zone")) }
        form class="stack" method="post" action=(format!("/subscriptions/manage/zones?{q}")) {
            (page.csrf_field())
            (errors.summary(page))
            (super::subscribe::zone_fieldset(page, zone, errors))
            p class="small" { (page.t("manage-add-zone-hint")) }
            div { button type="submit" { (page.t("manage-add")) } }
        }
        h2 { (page.t("subscribe-language")) }
        form class="stack" method="post" action=(format!("/subscriptions/manage/language?{q}")) {
            (page.csrf_field())
            select name="language" {
                @for (option, name) in LANGUAGE_NAMES {
                    option value=(option.as_str()) selected[option == language] { (name) }
                }
            }
            div { button class="secondary" type="submit" { (page.t("manage-save")) } }
        }
        h2 { (page.t("unsubscribe-page-title")) }
        form class="stack" method="post" action=(format!("/unsubscribe?{q}")) {
            input type="hidden" name="List-Unsubscribe" value="One-Click";
            div { button type="submit" { (page.t("unsubscribe-page-button")) } }
        }
    };
    Ok(page.render(&page.t("manage-title"), body).into_response())
}

#[derive(Deserialize)]
struct LanguageForm {
    csrf: Option<String>,
    language: Option<String>,
}

async fn change_language(
    State(state): State<AppState>,
    page: Page,
    Query(token): Query<Token>,
    Form(form): Form<LanguageForm>,
) -> Result<Response, PageError> {
    page.check_csrf(form.csrf.as_deref())?;
    let Some(id) = volunteer(&state, &token).await? else {
        return Ok(message(
            &page,
            StatusCode::GONE,
            "manage-title",
            "unsubscribe-page-invalid",
        ));
    };
    let language = Language::parse("language", form.language.as_deref().unwrap_or(""))
        .map_err(ApiError::from)?;
    state.store.set_volunteer_language(id, language).await?;
    Ok(see_other(&format!(
        "/subscriptions/manage?{}&lang={}",
        token.query(),
        language.as_str()
    )))
}

async fn remove_zone(
    State(state): State<AppState>,
    page: Page,
    Query(token): Query<Token>,
    PagePath(zone): PagePath<i64>,
    Form(form): Form<super::CsrfOnly>,
) -> Result<Response, PageError> {
    page.check_csrf(form.csrf.as_deref())?;
    let Some(id) = volunteer(&state, &token).await? else {
        return Ok(message(
            &page,
            StatusCode::GONE,
            "manage-title",
            "unsubscribe-page-invalid",
        ));
    };
    if !state.store.remove_zone(id, zone).await? {
        return Err(ApiError::NotFound.into());
    }
    Ok(see_other(&format!(
        "/subscriptions/manage?{}",
        token.query()
    )))
}

/// A new zone for a known volunteer goes the way of every subscription:
/// live once confirmed from the mail it triggers.
async fn add_zone(
    State(state): State<AppState>,
    page: Page,
    ClientIp(ip): ClientIp,
    Query(token): Query<Token>,
    Form(form): Form<ZoneFields>,
) -> Result<Response, PageError> {
    page.check_csrf(form.csrf.as_deref())?;
    let Some(id) = volunteer(&state, &token).await? else {
        return Ok(message(
            &page,
            StatusCode::GONE,
            "manage-title",
            "unsubscribe-page-invalid",
        ));
    };
    let Some(contact) = state.store.volunteer_contact(id).await? else {
        return Err(ApiError::NotFound.into());
    };
    let input = SubscriptionInput {
        email: Some(contact.email),
        language: Some(contact.language.as_str().to_string()),
        zone: Some(form.zone()),
    };
    match crate::subscriptions::request(&state, ip, &input).await {
        Ok(()) => {
            let notice = page.t("manage-zone-added");
            manage_page(
                &state,
                &page,
                &token,
                id,
                &ZoneFields::default(),
                &FormErrors::default(),
                Some(notice),
            )
            .await
        }
        Err(ApiError::Invalid(invalid)) => {
            let errors = FormErrors::from_invalid(invalid);
            let mut response = manage_page(&state, &page, &token, id, &form, &errors, None).await?;
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        Err(other) => Err(other.into()),
    }
}

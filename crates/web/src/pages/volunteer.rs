//! The pages mailed links open: confirming a subscription, unsubscribing in
//! one click (RFC 8058), and managing zones and language.
//!
//! Managing takes two steps a forwarded alert cannot complete: the volunteer
//! asks for a link by address (the same answer whether it is subscribed),
//! and opens the mailed link with a button, which uses it up and opens a
//! short manage session in a cookie. No body of any alert carries a link
//! that acts on its recipient's subscription; the volunteer's address never
//! shows on a page.

use alerta_core::volunteer::{MANAGE_LINK_HOURS, MANAGE_SESSION_MINUTES};
use alerta_core::{Language, PosterDelivery, SubscriptionInput, VolunteerId};
use alerta_store::{TokenPurpose, VolunteerZone};
use axum::extract::{Query, State};
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use maud::html;
use serde::Deserialize;

use super::subscribe::ZoneFields;
use super::{FormErrors, LANGUAGE_NAMES, Page, PageError, PagePath, see_other};
use crate::AppState;
use crate::auth::{cookie, new_token, token_hash};
use crate::error::ApiError;
use crate::limits::ClientIp;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/subscriptions/confirm", get(confirm_page).post(confirm))
        .route("/unsubscribe", get(unsubscribe_page).post(unsubscribe))
        .route("/unsubscribe/undo", post(undo_unsubscribe))
        .route("/subscriptions/manage", get(manage))
        .route("/subscriptions/manage/link", post(ask_for_link))
        .route("/subscriptions/manage/open", post(open_session))
        .route("/subscriptions/manage/stop", post(stop_alerts))
        .route("/subscriptions/manage/language", post(change_language))
        .route("/subscriptions/manage/poster", post(change_poster_delivery))
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

/// The mailed confirmation link, opened: what it would turn on, and a
/// button. Mail scanners open every link of a message; only the button
/// (a form post with this reader's token) confirms.
async fn confirm_page(
    State(state): State<AppState>,
    page: Page,
    Query(token): Query<Token>,
) -> Result<Response, PageError> {
    let Some(id) = confirming(&state, &token).await? else {
        return Ok(confirm_link_used(&page));
    };
    let (zones, follows) = to_confirm(&state, id).await?;
    let body = html! {
        @if !zones.is_empty() {
            p { (page.t("confirm-ask-zones")) }
            ul { @for zone in &zones { li { (zone) } } }
        }
        @if !follows.is_empty() {
            p { (page.t("confirm-ask-follows")) }
            ul { @for (case, name) in &follows { li { a href=(format!("/cases/{case}")) { (name) } } } }
        }
        form class="stack" method="post" action=(format!("/subscriptions/confirm?{}", token.query())) {
            (page.csrf_field())
            div { button type="submit" { (page.t("confirm-ask-button")) } }
        }
    };
    Ok(page
        .render(&page.t("confirm-ask-title"), body)
        .into_response())
}

/// The volunteer a live, unused confirmation link belongs to.
async fn confirming(state: &AppState, token: &Token) -> Result<Option<VolunteerId>, PageError> {
    Ok(state
        .store
        .volunteer_for_token(&token.hash(), TokenPurpose::Confirm, state.now())
        .await?)
}

/// What a volunteer's confirmation turns on: the zones and followed cases
/// waiting for it, or (a repeated request) the zones they hold.
async fn to_confirm(
    state: &AppState,
    id: VolunteerId,
) -> Result<(Vec<String>, Vec<(i64, String)>), PageError> {
    let follows = state.store.follows_to_confirm(id).await?;
    let mut zones = state.store.pending_zone_labels(id).await?;
    if zones.is_empty() && follows.is_empty() {
        zones = state.store.zone_labels_to_confirm(id).await?;
    }
    Ok((zones, follows))
}

/// A confirmation link that was used or has expired: said as it is.
fn confirm_link_used(page: &Page) -> Response {
    message(
        page,
        StatusCode::GONE,
        "confirm-used-title",
        "confirm-page-invalid",
    )
}

async fn confirm(
    State(state): State<AppState>,
    page: Page,
    Query(token): Query<Token>,
    Form(form): Form<super::CsrfOnly>,
) -> Result<Response, PageError> {
    page.check_csrf(form.csrf.as_deref())?;
    let Some(id) = confirming(&state, &token).await? else {
        return Ok(confirm_link_used(&page));
    };
    let (zones, _) = to_confirm(&state, id).await?;
    let confirmed = state.app.confirm(&token.hash()).await?;
    if confirmed.is_none() {
        return Ok(confirm_link_used(&page));
    }
    let body = html! {
        p class="notice" role="status" { (page.t("confirm-page-body")) }
        @if !zones.is_empty() {
            p { (page.t("confirm-page-zones")) }
            ul { @for zone in &zones { li { (zone) } } }
        }
        p { a href="/subscriptions/manage" { (page.t("confirm-page-manage")) } }
    };
    Ok(page
        .render(&page.t("confirm-page-title"), body)
        .into_response())
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
        p { a href="/subscriptions/manage" { (page.t("manage-instead")) } }
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
    // What goes, read before it goes, to say so on the page.
    let zones = match state
        .store
        .volunteer_for_token(&token.hash(), TokenPurpose::Unsubscribe, state.now())
        .await?
    {
        Some(id) => state.store.volunteer_zones(id).await?,
        None => Vec::new(),
    };
    Ok(match state.app.unsubscribe(&token.hash()).await? {
        Some(done) => unsubscribed(&page, &zones, &done.undo_token),
        None => message(
            &page,
            StatusCode::GONE,
            "unsubscribe-page-title",
            "unsubscribe-page-invalid",
        ),
    })
}

/// The page after unsubscribing: what went, a button that undoes it within
/// the hour (the token only this page holds), and the way back later.
fn unsubscribed(page: &Page, zones: &[VolunteerZone], undo_token: &str) -> Response {
    let confirmed: Vec<&String> = zones
        .iter()
        .filter(|zone| zone.confirmed)
        .map(|zone| &zone.label)
        .collect();
    let minutes = alerta_app::UNDO_UNSUBSCRIBE_MINUTES.to_string();
    let body = html! {
        p class="notice" role="status" { (page.t("unsubscribe-page-done")) }
        @if !confirmed.is_empty() {
            p { (page.t("unsubscribe-page-removed")) }
            ul { @for zone in &confirmed { li { (zone) } } }
        }
        form class="stack" method="post" action="/unsubscribe/undo" {
            (page.csrf_field())
            input type="hidden" name="undo" value=(undo_token);
            p { (page.ta("unsubscribe-page-undo-hint", &[("minutes", &minutes)])) }
            div { button type="submit" { (page.t("unsubscribe-page-undo-button")) } }
        }
        // Later, a mistake is undone by subscribing again: the address
        // confirms it, as any subscription (it never shows here).
        p { (page.t("unsubscribe-page-undo")) " " a href="/subscribe" { (page.t("unsubscribe-page-undo-link")) } }
    };
    (
        StatusCode::OK,
        page.render(&page.t("unsubscribe-page-title"), body),
    )
        .into_response()
}

#[derive(Deserialize)]
struct UndoForm {
    csrf: Option<String>,
    undo: Option<String>,
}

/// The undo button of the unsubscribed page: the same zones again, at once.
async fn undo_unsubscribe(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<UndoForm>,
) -> Result<Response, PageError> {
    page.check_csrf(form.csrf.as_deref())?;
    let undone = state
        .app
        .undo_unsubscribe(form.undo.as_deref().unwrap_or(""))
        .await?;
    let Some(volunteer) = undone else {
        let body = html! {
            p class="notice" role="status" { (page.t("unsubscribe-undo-too-late")) }
            p { a href="/subscribe" { (page.t("unsubscribe-page-undo-link")) } }
        };
        return Ok((
            StatusCode::GONE,
            page.render(&page.t("unsubscribe-undone-title"), body),
        )
            .into_response());
    };
    let zones = state.store.volunteer_zones(volunteer).await?;
    let body = html! {
        p class="notice" role="status" { (page.t("unsubscribe-undone")) }
        ul { @for zone in &zones { li { (zone.label) } } }
        p { a href="/subscriptions/manage" { (page.t("confirm-page-manage")) } }
    };
    Ok(page
        .render(&page.t("unsubscribe-undone-title"), body)
        .into_response())
}

/// The manage session's cookie: sent back only to the manage pages, and
/// only from this site.
const MANAGE_COOKIE: &str = "alerta_manage";

fn manage_cookie(value: &str, max_age_seconds: i64, secure: bool) -> HeaderValue {
    let mut cookie = format!(
        "{MANAGE_COOKIE}={value}; Path=/subscriptions/manage; HttpOnly; SameSite=Strict; Max-Age={max_age_seconds}"
    );
    if secure {
        cookie.push_str("; Secure");
    }
    HeaderValue::from_str(&cookie).expect("cookie values are URL-safe tokens")
}

/// The volunteer whose manage session this request carries, and the
/// session token's hash.
async fn session(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<(VolunteerId, String)>, PageError> {
    let Some(token) = cookie(headers, MANAGE_COOKIE) else {
        return Ok(None);
    };
    let hash = token_hash(&token);
    let id = state
        .store
        .volunteer_for_token(&hash, TokenPurpose::ManageSession, state.now())
        .await?;
    Ok(id.map(|id| (id, hash)))
}

/// `/subscriptions/manage`: with a mailed link, a button that opens it; in a
/// manage session, the volunteer's zones and language; otherwise the form
/// that asks for a link.
async fn manage(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    Query(token): Query<Token>,
) -> Result<Response, PageError> {
    if token.token.is_some() {
        return open_link_page(&state, &page, &token).await;
    }
    match session(&state, &headers).await? {
        Some((id, _)) => {
            manage_page(
                &state,
                &page,
                id,
                &ZoneFields::default(),
                &FormErrors::default(),
                None,
            )
            .await
        }
        None => Ok(ask_page(
            &page,
            StatusCode::OK,
            None,
            &FormErrors::default(),
        )),
    }
}

/// The mailed link, opened: a button, so that a mail scanner opening the
/// link uses up nothing.
async fn open_link_page(
    state: &AppState,
    page: &Page,
    token: &Token,
) -> Result<Response, PageError> {
    let live = state
        .store
        .volunteer_for_token(&token.hash(), TokenPurpose::Manage, state.now())
        .await?;
    if live.is_none() {
        return Ok(link_used(page));
    }
    let body = html! {
        p { (page.t("manage-open-intro")) }
        form class="stack" method="post" action=(format!("/subscriptions/manage/open?{}", token.query())) {
            (page.csrf_field())
            div { button type="submit" { (page.t("manage-open-button")) } }
        }
    };
    Ok(page.render(&page.t("manage-title"), body).into_response())
}

/// A link that was used, has expired or never existed (or a manage session
/// that ran out): said plainly, with the form to ask for a new one.
fn link_used(page: &Page) -> Response {
    ask_page(
        page,
        StatusCode::GONE,
        Some(page.t("manage-link-used")),
        &FormErrors::default(),
    )
}

#[derive(Deserialize)]
struct AskForm {
    csrf: Option<String>,
    email: Option<String>,
}

fn ask_page(
    page: &Page,
    status: StatusCode,
    notice: Option<String>,
    errors: &FormErrors,
) -> Response {
    let body = html! {
        @if let Some(notice) = notice { p class="notice" role="status" { (notice) } }
        p { (page.t("manage-ask-intro")) }
        form class="stack" method="post" action="/subscriptions/manage/link" {
            (page.csrf_field())
            (errors.summary(page))
            label {
                (page.t("subscribe-email"))
                input type="email" name="email" required autocomplete="email";
                (errors.beside(page, "email"))
            }
            div { button type="submit" { (page.t("manage-ask-button")) } }
        }
    };
    (status, page.render(&page.t("manage-title"), body)).into_response()
}

/// Mails a manage link to the address, if it is subscribed; the answer is
/// the same either way.
async fn ask_for_link(
    State(state): State<AppState>,
    page: Page,
    ClientIp(ip): ClientIp,
    Form(form): Form<AskForm>,
) -> Result<Response, PageError> {
    page.check_csrf(form.csrf.as_deref())?;
    match crate::subscriptions::request_manage_link(&state, ip, form.email.as_deref()).await {
        Ok(()) => {
            let hours = MANAGE_LINK_HOURS.to_string();
            let body = html! {
                p class="notice" role="status" { (page.ta("manage-ask-sent", &[("hours", &hours)])) }
            };
            Ok(page.render(&page.t("manage-title"), body).into_response())
        }
        Err(ApiError::Invalid(invalid)) => Ok(ask_page(
            &page,
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
            &FormErrors::from_invalid(invalid),
        )),
        Err(other) => Err(other.into()),
    }
}

/// Uses up the mailed link and opens a manage session.
async fn open_session(
    State(state): State<AppState>,
    page: Page,
    Query(token): Query<Token>,
    Form(form): Form<super::CsrfOnly>,
) -> Result<Response, PageError> {
    page.check_csrf(form.csrf.as_deref())?;
    let session = new_token();
    let opened = state
        .app
        .open_manage_session(&token.hash(), &token_hash(&session))
        .await?;
    if opened.is_none() {
        return Ok(link_used(&page));
    }
    let mut response = see_other("/subscriptions/manage");
    response.headers_mut().append(
        SET_COOKIE,
        manage_cookie(&session, MANAGE_SESSION_MINUTES * 60, page.secure_cookies()),
    );
    Ok(response)
}

async fn manage_page(
    state: &AppState,
    page: &Page,
    id: VolunteerId,
    zone: &ZoneFields,
    errors: &FormErrors,
    notice: Option<String>,
) -> Result<Response, PageError> {
    let zones = state.store.volunteer_zones(id).await?;
    let contact = state.store.volunteer_contact(id).await?;
    let language = contact.as_ref().map_or(page.lang, |c| c.language);
    let poster = contact.as_ref().map(|c| c.poster).unwrap_or_default();
    let body = html! {
        @if let Some(notice) = notice { p class="notice" role="status" { (notice) } }
        h2 { (page.t("manage-zones")) }
        @if zones.is_empty() { p { (page.t("manage-no-zones")) } }
        ul class="tips" {
            @for zone in &zones {
                li {
                    (zone.label)
                    @if !zone.confirmed { " " span class="badge draft" { (page.t("manage-unconfirmed")) } }
                    form class="inline" method="post" action=(format!("/subscriptions/manage/zones/{}/remove", zone.id)) {
                        (page.csrf_field())
                        " " button class="link" type="submit" { (page.t("manage-remove")) }
                    }
                    @if let Some(circle) = &zone.circle {
                        (super::map::zone_map(page, circle, &zone.label, zone.id))
                    }
                }
            }
        }
        h2 { (page.t("manage-add-zone")) }
        form class="stack" method="post" action="/subscriptions/manage/zones" {
            (page.csrf_field())
            (errors.summary(page))
            (super::subscribe::zone_fieldset(page, zone, errors))
            p class="small" { (page.t("manage-add-zone-hint")) }
            div { button type="submit" { (page.t("manage-add")) } }
        }
        h2 { (page.t("subscribe-language")) }
        form class="stack" method="post" action="/subscriptions/manage/language" {
            (page.csrf_field())
            select name="language" {
                @for (option, name) in LANGUAGE_NAMES {
                    option value=(option.as_str()) selected[option == language] { (name) }
                }
            }
            div { button class="secondary" type="submit" { (page.t("manage-save")) } }
        }
        form class="stack" method="post" action="/subscriptions/manage/poster" {
            (page.csrf_field())
            (super::subscribe::poster_fieldset(page, poster))
            div { button class="secondary" type="submit" { (page.t("manage-save")) } }
        }
        h2 { (page.t("unsubscribe-page-title")) }
        form class="stack" method="post" action="/subscriptions/manage/stop" {
            (page.csrf_field())
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
    headers: HeaderMap,
    Form(form): Form<LanguageForm>,
) -> Result<Response, PageError> {
    page.check_csrf(form.csrf.as_deref())?;
    let Some((id, _)) = session(&state, &headers).await? else {
        return Ok(link_used(&page));
    };
    let language = Language::parse("language", form.language.as_deref().unwrap_or(""))
        .map_err(ApiError::from)?;
    state.app.set_language(id, language).await?;
    Ok(see_other(&format!(
        "/subscriptions/manage?lang={}",
        language.as_str()
    )))
}

#[derive(Deserialize)]
struct PosterForm {
    csrf: Option<String>,
    poster: Option<String>,
}

async fn change_poster_delivery(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    Form(form): Form<PosterForm>,
) -> Result<Response, PageError> {
    page.check_csrf(form.csrf.as_deref())?;
    let Some((id, _)) = session(&state, &headers).await? else {
        return Ok(link_used(&page));
    };
    let poster = PosterDelivery::parse("poster", form.poster.as_deref().unwrap_or(""))
        .map_err(ApiError::from)?;
    state.app.set_poster_delivery(id, poster).await?;
    let notice = page.t(match poster {
        PosterDelivery::Attached => "manage-poster-attached",
        PosterDelivery::Link => "manage-poster-link",
    });
    manage_page(
        &state,
        &page,
        id,
        &ZoneFields::default(),
        &FormErrors::default(),
        Some(notice),
    )
    .await
}

async fn remove_zone(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    PagePath(zone): PagePath<i64>,
    Form(form): Form<super::CsrfOnly>,
) -> Result<Response, PageError> {
    page.check_csrf(form.csrf.as_deref())?;
    let Some((id, _)) = session(&state, &headers).await? else {
        return Ok(link_used(&page));
    };
    if !state.app.remove_zone(id, zone).await? {
        return Err(ApiError::NotFound.into());
    }
    Ok(see_other("/subscriptions/manage"))
}

/// Every alert stops, from the manage page: as the one-click link does.
async fn stop_alerts(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    Form(form): Form<super::CsrfOnly>,
) -> Result<Response, PageError> {
    page.check_csrf(form.csrf.as_deref())?;
    let Some((id, _)) = session(&state, &headers).await? else {
        return Ok(link_used(&page));
    };
    let zones = state.store.volunteer_zones(id).await?;
    let done = state.app.stop_alerts(id).await?;
    let mut response = unsubscribed(&page, &zones, &done.undo_token);
    response
        .headers_mut()
        .append(SET_COOKIE, manage_cookie("", 0, page.secure_cookies()));
    Ok(response)
}

/// A new zone for a known volunteer goes the way of every subscription:
/// live once confirmed from the mail it triggers.
async fn add_zone(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    ClientIp(ip): ClientIp,
    Form(form): Form<ZoneFields>,
) -> Result<Response, PageError> {
    page.check_csrf(form.csrf.as_deref())?;
    let Some((id, _)) = session(&state, &headers).await? else {
        return Ok(link_used(&page));
    };
    let Some(contact) = state.store.volunteer_contact(id).await? else {
        return Err(ApiError::NotFound.into());
    };
    let input = SubscriptionInput {
        email: Some(contact.email),
        language: Some(contact.language.as_str().to_string()),
        zone: Some(form.zone()),
        poster: None,
    };
    match crate::subscriptions::request(&state, ip, &input).await {
        Ok(()) => {
            let notice = page.t("manage-zone-added");
            manage_page(
                &state,
                &page,
                id,
                &ZoneFields::default(),
                &FormErrors::default(),
                Some(notice),
            )
            .await
        }
        Err(ApiError::Invalid(invalid)) => {
            let errors = FormErrors::from_invalid(invalid);
            let mut response = manage_page(&state, &page, id, &form, &errors, None).await?;
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        Err(other) => Err(other.into()),
    }
}

//! `/login` and `/logout`: page sessions in an HttpOnly cookie.

use alerta_core::Role;
use alerta_store::SessionKind;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use maud::{Markup, html};
use serde::Deserialize;

use super::{Page, PageError, cookie_header};
use crate::AppState;
use crate::auth::{self, SESSION_COOKIE};
use crate::error::ApiError;
use crate::limits::{self, ClientIp};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/login", get(login_page).post(login))
        .route("/logout", post(logout))
}

#[derive(Deserialize, Default)]
struct Next {
    next: Option<String>,
}

#[derive(Deserialize)]
struct LoginForm {
    csrf: Option<String>,
    email: Option<String>,
    password: Option<String>,
    next: Option<String>,
}

/// Only our own paths: a crafted link must not send a signed-in officer elsewhere.
fn safe_next(next: Option<&str>) -> Option<String> {
    next.filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.contains('\\'))
        .map(String::from)
}

async fn login_page(page: Page, Query(next): Query<Next>) -> Response {
    page.render(
        &page.t("login-title"),
        form(&page, None, next.next.as_deref(), None),
    )
    .into_response()
}

fn form(page: &Page, email: Option<&str>, next: Option<&str>, problem: Option<String>) -> Markup {
    html! {
        @if let Some(problem) = problem {
            div class="errors" role="alert" { p { (problem) } }
        }
        form class="stack" method="post" action="/login" {
            (page.csrf_field())
            @if let Some(next) = safe_next(next) { input type="hidden" name="next" value=(next); }
            label {
                (page.t("login-email"))
                input type="email" name="email" required autocomplete="username" value=[email];
            }
            label {
                (page.t("login-password"))
                input type="password" name="password" required autocomplete="current-password";
            }
            div { button type="submit" { (page.t("login-send")) } }
        }
        p class="small" { (page.t("login-accounts")) }
    }
}

async fn login(
    State(state): State<AppState>,
    page: Page,
    ClientIp(ip): ClientIp,
    Form(form_in): Form<LoginForm>,
) -> Result<Response, PageError> {
    page.check_csrf(form_in.csrf.as_deref())?;
    let email = form_in.email.as_deref().unwrap_or("").trim();
    let refuse = |status: StatusCode, key: &str| {
        let html = page.render(
            &page.t("login-title"),
            form(
                &page,
                Some(email),
                form_in.next.as_deref(),
                Some(page.t(key)),
            ),
        );
        Ok((status, html).into_response())
    };
    if let Err(ApiError::RateLimited { .. }) =
        limits::check(&state, limits::SIGN_IN_PER_CLIENT, &ip.to_string()).await
    {
        return refuse(StatusCode::TOO_MANY_REQUESTS, "error-rate-limited");
    }
    let user =
        match auth::authenticate(&state, email, form_in.password.as_deref().unwrap_or("")).await {
            Ok(user) => user,
            Err(ApiError::AccountLocked { .. }) => {
                return refuse(StatusCode::TOO_MANY_REQUESTS, "error-account-locked");
            }
            Err(ApiError::BadCredentials | ApiError::Invalid(_)) => {
                return refuse(StatusCode::UNAUTHORIZED, "login-wrong");
            }
            Err(other) => return Err(other.into()),
        };
    let (token, _) = auth::open_session(&state, user.id, SessionKind::Cookie).await?;
    let max_age = state.settings.cookie_session_ttl.num_seconds();
    let home = match user.role {
        Role::Police | Role::Admin => "/police",
        Role::Family => "/family",
    };
    let target = safe_next(form_in.next.as_deref()).unwrap_or_else(|| home.to_string());
    Ok((
        StatusCode::SEE_OTHER,
        [
            (LOCATION, target.parse().expect("a path")),
            (
                SET_COOKIE,
                cookie_header(SESSION_COOKIE, &token, Some(max_age), page.secure_cookies()),
            ),
        ],
    )
        .into_response())
}

#[derive(Deserialize)]
struct LogoutForm {
    csrf: Option<String>,
}

async fn logout(
    State(state): State<AppState>,
    page: Page,
    caller: auth::Caller,
    Form(form): Form<LogoutForm>,
) -> Result<Response, PageError> {
    page.check_csrf(form.csrf.as_deref())?;
    if let Some(hash) = caller.token_hash {
        state.store.revoke_session(&hash, state.now()).await?;
    }
    Ok((
        StatusCode::SEE_OTHER,
        [
            (LOCATION, "/".parse().expect("a path")),
            (
                SET_COOKIE,
                cookie_header(SESSION_COOKIE, "", Some(0), page.secure_cookies()),
            ),
        ],
    )
        .into_response())
}

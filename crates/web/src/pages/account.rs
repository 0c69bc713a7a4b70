//! `/login` and `/logout`: page sessions in an HttpOnly cookie.

use alerta_app::{CommandError, SignInRefused, SignedIn};
use alerta_core::Role;
use alerta_store::SessionKind;
use axum::extract::{Query, State};
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::http::{HeaderValue, StatusCode};
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

/// Only a path on this site: a crafted link must not send a signed-in
/// officer elsewhere ("//evil.example", "/\\evil.example"), nor split the
/// redirect's header (control characters), nor carry whitespace a browser
/// would strip into something else.
fn safe_next(next: Option<&str>) -> Option<String> {
    let next = next?;
    let mut chars = next.chars();
    let on_this_site = chars.next() == Some('/') && !matches!(chars.next(), Some('/' | '\\'));
    let plain = next
        .chars()
        .all(|c| !c.is_control() && !c.is_whitespace() && c != '\\');
    (on_this_site && plain).then(|| next.to_string())
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
    let signed_in = state
        .app
        .sign_in(
            email,
            form_in.password.as_deref().unwrap_or(""),
            ip,
            SessionKind::Cookie,
            state.settings.cookie_session_ttl,
        )
        .await;
    let (user, token) = match signed_in {
        Ok(SignedIn { user, token, .. }) => (user, token),
        Err(CommandError::SignIn(SignInRefused::Locked { .. })) => {
            return refuse(StatusCode::TOO_MANY_REQUESTS, "error-account-locked");
        }
        Err(CommandError::SignIn(SignInRefused::Wait { .. })) => {
            return refuse(StatusCode::TOO_MANY_REQUESTS, "error-sign-in-wait");
        }
        Err(CommandError::SignIn(SignInRefused::BadCredentials) | CommandError::Invalid(_)) => {
            return refuse(StatusCode::UNAUTHORIZED, "login-wrong");
        }
        Err(other) => return Err(ApiError::from(other).into()),
    };
    let max_age = state.settings.cookie_session_ttl.num_seconds();
    let home = match user.role {
        Role::Police | Role::Admin => "/police",
        Role::Family => "/family",
    };
    let target = safe_next(form_in.next.as_deref())
        .and_then(|next| HeaderValue::from_str(&next).ok())
        .unwrap_or(HeaderValue::from_static(home));
    let mut response = (StatusCode::SEE_OTHER, [(LOCATION, target)]).into_response();
    let headers = response.headers_mut();
    headers.append(
        SET_COOKIE,
        cookie_header(SESSION_COOKIE, &token, Some(max_age), page.secure_cookies()),
    );
    // A form token planted before sign-in must not outlive it.
    headers.append(SET_COOKIE, fresh_csrf_cookie(&page));
    Ok(response)
}

/// A new form token, replacing the one this browser had.
fn fresh_csrf_cookie(page: &Page) -> HeaderValue {
    cookie_header(
        super::CSRF_COOKIE,
        &auth::new_token(),
        None,
        page.secure_cookies(),
    )
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
        state.app.sign_out(&hash).await?;
    }
    let mut response = (
        StatusCode::SEE_OTHER,
        [(LOCATION, HeaderValue::from_static("/"))],
    )
        .into_response();
    let headers = response.headers_mut();
    headers.append(
        SET_COOKIE,
        cookie_header(SESSION_COOKIE, "", Some(0), page.secure_cookies()),
    );
    headers.append(SET_COOKIE, fresh_csrf_cookie(&page));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_is_a_path_on_this_site_or_nothing() {
        for good in ["/police", "/cases/12?lang=pt", "/police/cases/3#tips"] {
            assert_eq!(safe_next(Some(good)).as_deref(), Some(good));
        }
        for bad in [
            "https://evil.example/",
            "//evil.example",
            "/\\evil.example",
            "/\\/evil.example",
            "/police\r\nSet-Cookie: x=y",
            "/police\nx",
            "/ evil",
            "/\u{0085}x",
            "police",
            "",
        ] {
            assert_eq!(safe_next(Some(bad)), None, "{bad:?}");
        }
        assert_eq!(safe_next(None), None);
    }
}

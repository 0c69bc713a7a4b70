//! Who is asking: passwords, API tokens and page sessions.
//!
//! Tokens and passwords themselves are `alerta-credentials`' job.

use alerta_core::{Actor, Email, UserId, sign_in};
use alerta_store::SessionKind;
use axum::extract::FromRequestParts;
use axum::http::Method;
use axum::http::header::{AUTHORIZATION, COOKIE};
use axum::http::request::Parts;

use crate::AppState;
use crate::error::ApiError;

pub const SESSION_COOKIE: &str = "alerta_session";

pub use alerta_credentials::password::{MAX_PASSWORD_BYTES, MIN_PASSWORD_CHARS};
pub use alerta_credentials::{check_password_rules, new_token, token_hash};

/// Argon2id, on the blocking pool.
pub async fn hash_password(password: String) -> Result<String, ApiError> {
    alerta_credentials::hash_password(password)
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))
}

/// Checks `password` against `stored` (a PHC string).
pub async fn verify_password(password: String, stored: String) -> Result<bool, ApiError> {
    alerta_credentials::verify_password(password, stored)
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))
}

/// Signs in: the same answer, after the same work, whether or not the
/// address exists. Failures slow down the (account, client) pair that makes
/// them ([`alerta_core::sign_in`]); the account locks only when many
/// addresses fail on it.
pub async fn authenticate(
    state: &AppState,
    email: &str,
    password: &str,
    client: std::net::IpAddr,
) -> Result<alerta_store::UserRecord, ApiError> {
    let email = Email::parse("email", email)?;
    if password.len() > MAX_PASSWORD_BYTES {
        return Err(ApiError::BadCredentials);
    }
    // Counted by a hash of the address, never the address itself.
    let account = token_hash(email.as_str());
    let client = client.to_string();
    let now = state.now();
    let failures = state.store.sign_in_failures(&account, &client, now).await?;
    match sign_in::gate(&failures, now) {
        sign_in::Gate::Open => {}
        sign_in::Gate::Wait(wait) => {
            // Rounded up: a client that waits as told is let in.
            let seconds = (wait.num_milliseconds() + 999) / 1000;
            return Err(ApiError::RateLimited {
                retry_after_seconds: seconds.max(1),
            });
        }
        sign_in::Gate::Locked => return Err(ApiError::AccountLocked { minutes: 60 }),
    }
    let user = state.store.user_by_email(&email).await?;
    // Unknown addresses are checked against a dummy hash so timing reveals nothing.
    let stored = user
        .as_ref()
        .map_or_else(|| state.dummy_hash.to_string(), |u| u.password_hash.clone());
    let matches = verify_password(password.to_string(), stored).await?;
    match user {
        Some(user) if matches => {
            state
                .store
                .clear_sign_in_failures(&account, Some(&client))
                .await?;
            Ok(user)
        }
        _ => {
            state
                .store
                .record_sign_in_failure(&account, &client, now)
                .await?;
            Err(ApiError::BadCredentials)
        }
    }
}

/// Opens a session of `kind` for `user`; returns the token to hand out.
pub async fn open_session(
    state: &AppState,
    user: UserId,
    kind: SessionKind,
) -> Result<(String, chrono::DateTime<chrono::Utc>), ApiError> {
    let token = new_token();
    let now = state.now();
    let ttl = match kind {
        SessionKind::Api => state.settings.api_token_ttl,
        SessionKind::Cookie => state.settings.cookie_session_ttl,
    };
    let expires_at = now + ttl;
    state
        .store
        .create_session(&token_hash(&token), user, kind, now, expires_at)
        .await?;
    Ok((token, expires_at))
}

/// The caller of a request: a signed-in [`Actor`], or nobody.
///
/// A bearer token that is wrong or expired is refused (401) rather than
/// treated as anonymous, so a client learns its token no longer works.
pub struct Caller {
    pub actor: Option<Actor>,
    /// The hash of the token used, to revoke it on sign-out.
    pub token_hash: Option<String>,
}

impl Caller {
    pub fn actor(&self) -> Option<&Actor> {
        self.actor.as_ref()
    }

    pub fn require(&self) -> Result<&Actor, ApiError> {
        self.actor.as_ref().ok_or(ApiError::SignInRequired)
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        if let Some(header) = parts.headers.get(AUTHORIZATION) {
            let token = header
                .to_str()
                .ok()
                .and_then(|v| v.strip_prefix("Bearer ").map(str::trim))
                .ok_or(ApiError::SignInRequired)?;
            return match lookup(state, token, SessionKind::Api).await? {
                Some(found) => Ok(found),
                None => Err(ApiError::SignInRequired),
            };
        }
        if cookie_may_authenticate(parts)
            && let Some(token) = session_cookie(parts)
            && let Some(found) = lookup(state, &token, SessionKind::Cookie).await?
        {
            return Ok(found);
        }
        Ok(Caller {
            actor: None,
            token_hash: None,
        })
    }
}

async fn lookup(
    state: &AppState,
    token: &str,
    kind: SessionKind,
) -> Result<Option<Caller>, ApiError> {
    let hash = token_hash(token);
    let Some((stored, user)) = state.store.session_user(&hash, kind, state.now()).await? else {
        return Ok(None);
    };
    // The database matched on the hash already; compare again in constant time
    // so no comparison of secret-derived bytes can leak through timing.
    if !alerta_credentials::same_hash(&stored, &hash) {
        return Ok(None);
    }
    Ok(Some(Caller {
        actor: Some(user.actor()),
        token_hash: Some(hash),
    }))
}

/// A page session's cookie travels with every request the browser makes to
/// this site, whoever made the browser make it. Pages post with a form token
/// (CSRF); the JSON API has none, so there the cookie only reads (`GET`,
/// `HEAD`) and every change needs the bearer token.
fn cookie_may_authenticate(parts: &Parts) -> bool {
    let api = parts.uri.path().starts_with("/api/");
    !api || matches!(parts.method, Method::GET | Method::HEAD)
}

fn session_cookie(parts: &Parts) -> Option<String> {
    cookie(&parts.headers, SESSION_COOKIE)
}

/// The value of cookie `name` in a request's headers.
pub fn cookie(headers: &axum::http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, value)| value.to_string())
}

/// A hash of a password nobody has, computed once at start for [`authenticate`].
pub async fn dummy_hash() -> Result<String, ApiError> {
    hash_password(new_token()).await
}

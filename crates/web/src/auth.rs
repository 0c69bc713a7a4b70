//! Who is asking: passwords, API tokens and page sessions.
//!
//! Tokens and passwords themselves are `alerta-credentials`' job.

use alerta_core::Actor;
use alerta_store::SessionKind;
use axum::extract::FromRequestParts;
use axum::http::Method;
use axum::http::header::{AUTHORIZATION, COOKIE};
use axum::http::request::Parts;

use crate::AppState;
use crate::error::ApiError;

pub const SESSION_COOKIE: &str = "alerta_session";

pub use alerta_credentials::{new_token, token_hash};

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

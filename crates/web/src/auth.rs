//! Who is asking: passwords, API tokens and page sessions.
//!
//! Tokens are 256 random bits handed to the client once; we keep only their
//! SHA-256, so a leaked database holds no usable token.

use alerta_core::{Actor, Email, FieldError, Role, UserId, sign_in};
use alerta_store::{SessionKind, Store};
use argon2::Argon2;
use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};
use axum::extract::FromRequestParts;
use axum::http::Method;
use axum::http::header::{AUTHORIZATION, COOKIE};
use axum::http::request::Parts;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::AppState;
use crate::error::ApiError;

pub const SESSION_COOKIE: &str = "alerta_session";
pub const MIN_PASSWORD_CHARS: usize = 10;
const MAX_PASSWORD_BYTES: usize = 1024;

/// A new random token, as the client will send it back.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// What we store for a token: its SHA-256 in hex.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

pub fn check_password_rules(password: &str) -> Result<(), FieldError> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(FieldError::new(
            "password",
            format!("must be at least {MIN_PASSWORD_CHARS} characters"),
        ));
    }
    if password.len() > MAX_PASSWORD_BYTES {
        return Err(FieldError::new("password", "must be at most 1024 bytes"));
    }
    Ok(())
}

/// Argon2id with the crate's recommended parameters. Slow on purpose: run it
/// on the blocking pool.
pub async fn hash_password(password: String) -> Result<String, ApiError> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|e| ApiError::Internal(format!("hashing failed: {e}")))
    })
    .await
    .map_err(|e| ApiError::Internal(e.to_string()))?
}

/// Checks `password` against `stored` (a PHC string).
pub async fn verify_password(password: String, stored: String) -> Result<bool, ApiError> {
    tokio::task::spawn_blocking(move || {
        let Ok(parsed) = PasswordHash::new(&stored) else {
            return false;
        };
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
    .await
    .map_err(|e| ApiError::Internal(e.to_string()))
}

/// A new account, and the organisation it named when that organisation did
/// not exist before (created then without a jurisdiction: acting anywhere).
pub struct AddedUser {
    pub id: UserId,
    pub new_organisation: Option<alerta_core::Organisation>,
}

/// Creates an account; the one place the password rules and hashing meet storage.
pub async fn add_user(
    store: &Store,
    email: &str,
    password: &str,
    role: Role,
    organisation: Option<&str>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<AddedUser, ApiError> {
    let email = Email::parse("email", email)?;
    check_password_rules(password)?;
    let organisation = alerta_core::text::clean_optional(
        "org",
        organisation,
        200,
        alerta_core::text::Lines::Single,
    )?;
    let hash = hash_password(password.to_string()).await?;
    let (organisation, created) = match organisation {
        None => (None, false),
        Some(name) => {
            let (organisation, created) = store.organisation_named(&name, now).await?;
            (Some(organisation), created)
        }
    };
    let id = store
        .create_user(&email, &hash, role, organisation.as_ref(), now)
        .await?;
    Ok(AddedUser {
        id,
        new_organisation: organisation.filter(|_| created),
    })
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
    if !bool::from(stored.as_bytes().ct_eq(hash.as_bytes())) {
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

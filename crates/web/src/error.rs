//! Every refusal the API gives, mapped once to a status and the documented
//! body `{"error": {"code", "message", "field"?}}`.

use alerta_app::SignInRefused;
use alerta_core::policy::Denied;
use alerta_core::{CaseId, FieldError, InvalidInput};
use alerta_photo::PhotoError;
use alerta_store::StoreError;
use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    Invalid(InvalidInput),
    #[error("{message}")]
    BadRequest {
        code: &'static str,
        message: String,
        field: Option<String>,
    },
    #[error("sign in first")]
    SignInRequired,
    #[error("the email or password is wrong")]
    BadCredentials,
    #[error("{0}")]
    Forbidden(String),
    #[error("not found")]
    NotFound,
    #[error("{0}")]
    WrongState(String),
    #[error(
        "the case changed since version {reviewed} (it is now version {current}): read it again before acting on it"
    )]
    VersionChanged { reviewed: i64, current: i64 },
    #[error("an open case for the same person exists")]
    PossibleDuplicate(CaseId),
    #[error("{0} is already taken")]
    Taken(&'static str),
    #[error("{message}")]
    TooLarge {
        field: &'static str,
        message: String,
    },
    #[error("{message}")]
    UnsupportedMediaType {
        field: &'static str,
        message: String,
    },
    #[error("{message}")]
    Unprocessable {
        field: &'static str,
        message: String,
    },
    #[error(
        "too many failed sign-ins on this account from many addresses: it is locked for up to {minutes} minutes, or until an admin unlocks it"
    )]
    AccountLocked { minutes: i64 },
    #[error("too many requests: try again in {retry_after_seconds} seconds")]
    RateLimited { retry_after_seconds: i64 },
    /// The database does not answer (it restarts, the network to it is
    /// down): try again in a moment. Said apart from `Internal` so that
    /// clients and balancers retry instead of giving up.
    #[error(
        "the database cannot be used for a moment (unreachable, restarting or its disk full): nothing was stored; try again in a few seconds"
    )]
    Unavailable(#[source] StoreError),
    /// Something on our side failed; the cause (and its causes) go to the
    /// log, never to the client.
    #[error("internal error")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

/// The body every error answers with.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(example = json!({"error": {"code": "invalid_input", "message": "is required", "field": "clothing"}}))]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// Stable, snake_case: what programs branch on.
    pub code: &'static str,
    /// A sentence for people.
    pub message: String,
    /// The input field at fault, as a dotted path.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Every field at fault, when there are several.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<Vec<FieldError>>,
    /// With `possible_duplicate`: the open case that looks like the same person.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub existing_case_id: Option<i64>,
}

impl ApiError {
    /// A failure on our side, keeping its cause for the log.
    pub fn internal(cause: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        ApiError::Internal(cause.into())
    }

    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        ApiError::Invalid(InvalidInput::one(field, message))
    }

    fn status_and_code(&self) -> (StatusCode, &'static str) {
        match self {
            ApiError::Invalid(_) => (StatusCode::UNPROCESSABLE_ENTITY, "invalid_input"),
            ApiError::BadRequest { code, .. } => (StatusCode::BAD_REQUEST, code),
            ApiError::SignInRequired => (StatusCode::UNAUTHORIZED, "sign_in_required"),
            ApiError::BadCredentials => (StatusCode::UNAUTHORIZED, "bad_credentials"),
            ApiError::Forbidden(_) => (StatusCode::FORBIDDEN, "forbidden"),
            ApiError::NotFound => (StatusCode::NOT_FOUND, "not_found"),
            ApiError::WrongState(_) => (StatusCode::CONFLICT, "wrong_state"),
            ApiError::VersionChanged { .. } => (StatusCode::CONFLICT, "version_changed"),
            ApiError::PossibleDuplicate(_) => (StatusCode::CONFLICT, "possible_duplicate"),
            ApiError::Taken(_) => (StatusCode::CONFLICT, "taken"),
            ApiError::TooLarge { .. } => (StatusCode::PAYLOAD_TOO_LARGE, "too_large"),
            ApiError::UnsupportedMediaType { .. } => {
                (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type")
            }
            ApiError::Unprocessable { .. } => (StatusCode::UNPROCESSABLE_ENTITY, "unprocessable"),
            ApiError::RateLimited { .. } => (StatusCode::TOO_MANY_REQUESTS, "rate_limited"),
            ApiError::AccountLocked { .. } => (StatusCode::TOO_MANY_REQUESTS, "account_locked"),
            ApiError::Unavailable(_) => (StatusCode::SERVICE_UNAVAILABLE, "unavailable"),
            ApiError::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        }
    }

    fn detail(&self) -> ErrorDetail {
        let (_, code) = self.status_and_code();
        let mut detail = ErrorDetail {
            code,
            message: self.to_string(),
            field: None,
            details: None,
            existing_case_id: None,
        };
        match self {
            ApiError::Invalid(invalid) => {
                if let Some(first) = invalid.first() {
                    detail.field = Some(first.field.clone());
                    detail.message = format!("{}: {}", first.field, first.message);
                }
                if invalid.0.len() > 1 {
                    detail.details = Some(invalid.0.clone());
                }
            }
            ApiError::BadRequest { field, .. } => detail.field = field.clone(),
            ApiError::VersionChanged { .. } => detail.field = Some("version".into()),
            ApiError::Taken(field) => detail.field = Some(field.to_string()),
            ApiError::TooLarge { field, .. }
            | ApiError::UnsupportedMediaType { field, .. }
            | ApiError::Unprocessable { field, .. } => detail.field = Some(field.to_string()),
            ApiError::PossibleDuplicate(id) => {
                detail.existing_case_id = Some(id.0);
                detail.message = format!(
                    "case {id} is open for a person with the same name and age; \
                     send again with ?confirm_duplicate=true if this is someone else"
                );
            }
            // The cause goes to the log, never to the client.
            ApiError::Internal(_) => detail.message = "something went wrong on our side".into(),
            _ => {}
        }
        detail
    }
}

/// While the database is away every request fails alike: one line every
/// ten seconds at most, with how many requests were refused since, instead
/// of a line a request.
fn log_unavailable(error: &ApiError) {
    use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
    static LAST_LOGGED: AtomicI64 = AtomicI64::new(i64::MIN);
    static REFUSED: AtomicU64 = AtomicU64::new(0);
    const EVERY_SECONDS: i64 = 10;
    REFUSED.fetch_add(1, Ordering::Relaxed);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let last = LAST_LOGGED.load(Ordering::Relaxed);
    if now.saturating_sub(last) >= EVERY_SECONDS
        && LAST_LOGGED
            .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
            .is_ok()
    {
        let refused = REFUSED.swap(0, Ordering::Relaxed);
        tracing::warn!(refused, error = %alerta_core::Chain(error), "database unavailable: requests answered 503");
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, _) = self.status_and_code();
        match &self {
            ApiError::Internal(_) => {
                tracing::error!(error = %alerta_core::Chain(&self), "request failed")
            }
            ApiError::Unavailable(_) => log_unavailable(&self),
            _ => {}
        }
        let mut response = (
            status,
            Json(ErrorBody {
                error: self.detail(),
            }),
        )
            .into_response();
        let retry_after_seconds = match self {
            ApiError::RateLimited {
                retry_after_seconds,
            } => Some(retry_after_seconds),
            ApiError::AccountLocked { minutes } => Some(minutes * 60),
            ApiError::Unavailable(_) => Some(UNAVAILABLE_RETRY_SECONDS),
            _ => None,
        };
        if let Some(seconds) = retry_after_seconds {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, seconds.into());
        }
        response
    }
}

impl From<InvalidInput> for ApiError {
    fn from(e: InvalidInput) -> Self {
        ApiError::Invalid(e)
    }
}

impl From<FieldError> for ApiError {
    fn from(e: FieldError) -> Self {
        ApiError::Invalid(InvalidInput(vec![e]))
    }
}

impl From<Denied> for ApiError {
    fn from(e: Denied) -> Self {
        match e {
            Denied::SignInRequired => ApiError::SignInRequired,
            Denied::Forbidden(why) => ApiError::Forbidden(why.into()),
            Denied::NotFound => ApiError::NotFound,
            Denied::WrongState(why) => ApiError::WrongState(why.into()),
            Denied::VersionChanged { reviewed, current } => {
                ApiError::VersionChanged { reviewed, current }
            }
        }
    }
}

impl From<alerta_app::CommandError> for ApiError {
    fn from(e: alerta_app::CommandError) -> Self {
        match e {
            alerta_app::CommandError::Invalid(invalid) => invalid.into(),
            alerta_app::CommandError::Denied(denied) => denied.into(),
            alerta_app::CommandError::SignIn(refused) => match refused {
                SignInRefused::BadCredentials => ApiError::BadCredentials,
                SignInRefused::Wait {
                    retry_after_seconds,
                } => ApiError::RateLimited {
                    retry_after_seconds,
                },
                SignInRefused::Locked { minutes } => ApiError::AccountLocked { minutes },
            },
            alerta_app::CommandError::Store(store) => store.into(),
            alerta_app::CommandError::Password(e) => ApiError::internal(e),
        }
    }
}

/// What a 503 asks the client to wait before trying again.
pub const UNAVAILABLE_RETRY_SECONDS: i64 = 5;

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        if e.is_unavailable() {
            return ApiError::Unavailable(e);
        }
        match e {
            StoreError::NotFound => ApiError::NotFound,
            StoreError::Taken(field) => ApiError::Taken(field),
            StoreError::PossibleDuplicate(id) => ApiError::PossibleDuplicate(id),
            StoreError::Denied(denied) => denied.into(),
            other => ApiError::internal(other),
        }
    }
}

impl From<PhotoError> for ApiError {
    fn from(e: PhotoError) -> Self {
        let message = e.to_string();
        match e {
            PhotoError::UnsupportedType(_) | PhotoError::NotAnImage => {
                ApiError::UnsupportedMediaType {
                    field: "photo",
                    message,
                }
            }
            PhotoError::TooManyBytes(_) | PhotoError::TooManyPixels { .. } => ApiError::TooLarge {
                field: "photo",
                message,
            },
            PhotoError::Damaged(_) => ApiError::Unprocessable {
                field: "photo",
                message,
            },
        }
    }
}

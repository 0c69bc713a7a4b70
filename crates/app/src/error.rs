//! Why a command did not happen, with its cause.

use alerta_core::InvalidInput;
use alerta_core::policy::Denied;
use alerta_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    /// What came in is wrong, field by field.
    #[error(transparent)]
    Invalid(#[from] InvalidInput),
    /// The domain refused it (who may, or the case's state).
    #[error(transparent)]
    Denied(#[from] Denied),
    #[error(transparent)]
    SignIn(#[from] crate::SignInRefused),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Hashing a password failed (the blocking pool, or argon2 itself).
    #[error(transparent)]
    Password(#[from] alerta_credentials::PasswordError),
}

impl From<alerta_core::FieldError> for CommandError {
    fn from(e: alerta_core::FieldError) -> Self {
        CommandError::Invalid(InvalidInput(vec![e]))
    }
}

impl From<alerta_core::transition::Refused> for CommandError {
    fn from(e: alerta_core::transition::Refused) -> Self {
        match e {
            alerta_core::transition::Refused::Denied(denied) => denied.into(),
            alerta_core::transition::Refused::Invalid(field) => field.into(),
        }
    }
}

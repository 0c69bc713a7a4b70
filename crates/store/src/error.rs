use alerta_core::CaseId;
use alerta_core::policy::Denied;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error")]
    Database(#[from] sqlx::Error),
    #[error("migration failed")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("{0}")]
    BadUrl(String),
    #[error("not found")]
    NotFound,
    /// A unique value is taken; names the field.
    #[error("{0} is already taken")]
    Taken(&'static str),
    /// An open case names the same person; the caller may confirm and retry.
    #[error("an open case for the same person exists: {0}")]
    PossibleDuplicate(CaseId),
    #[error(transparent)]
    Denied(#[from] Denied),
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
}

impl StoreError {
    /// Turns a unique-constraint violation into [`StoreError::Taken`] naming `field`.
    pub(crate) fn taken_as(field: &'static str) -> impl FnOnce(sqlx::Error) -> StoreError {
        move |error| match error.as_database_error() {
            Some(db) if db.is_unique_violation() => StoreError::Taken(field),
            _ => StoreError::Database(error),
        }
    }
}

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

impl StoreError {
    /// Whether the database could not be reached (rather than refusing
    /// what was asked): no connection within the pool's wait, a closed
    /// pool, a broken socket, a server shutting down or starting, or a
    /// disk that is full. The caller may try again in a moment.
    pub fn is_unavailable(&self) -> bool {
        let StoreError::Database(e) = self else {
            return false;
        };
        match e {
            sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::WorkerCrashed => true,
            sqlx::Error::Database(db) => {
                let code = db.code().unwrap_or_default();
                if db.try_downcast_ref::<sqlx::sqlite::SqliteError>().is_some() {
                    // SQLITE_IOERR (10) and SQLITE_FULL (13), with their
                    // extended codes (the primary one in the low byte).
                    let primary = code.parse::<i64>().unwrap_or(0) & 0xff;
                    return primary == 10 || primary == 13;
                }
                // PostgreSQL: class 08 (connection exception), 57P01-57P03
                // (shutting down, crash shutdown, cannot connect now), 53100
                // (disk full).
                code.starts_with("08")
                    || ["57P01", "57P02", "57P03", "53100"].contains(&code.as_ref())
            }
            _ => false,
        }
    }
}

//! Accounts and their sessions (API tokens and page cookies).

use alerta_core::{Actor, Email, Role, UserId};
use chrono::{DateTime, Utc};

use crate::{Result, Store, StoreError, to_millis, with_db, write_tx};

#[derive(Debug, Clone)]
pub struct UserRecord {
    pub id: UserId,
    pub email: String,
    pub password_hash: String,
    pub role: Role,
    pub organisation: Option<String>,
}

impl UserRecord {
    pub fn actor(&self) -> Actor {
        Actor {
            user_id: self.id,
            role: self.role,
            organisation: self.organisation.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionKind {
    /// `Authorization: Bearer` tokens from `POST /api/v1/sessions`.
    Api,
    /// The cookie of a signed-in web page.
    Cookie,
}

impl SessionKind {
    fn as_str(self) -> &'static str {
        match self {
            SessionKind::Api => "api",
            SessionKind::Cookie => "cookie",
        }
    }
}

#[derive(sqlx::FromRow)]
struct UserRow {
    id: i64,
    email: String,
    password_hash: String,
    role: String,
    organisation: Option<String>,
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    token_hash: String,
    #[sqlx(flatten)]
    user: UserRow,
}

impl TryFrom<UserRow> for UserRecord {
    type Error = StoreError;
    fn try_from(row: UserRow) -> Result<Self> {
        Ok(UserRecord {
            id: UserId(row.id),
            email: row.email,
            password_hash: row.password_hash,
            role: Role::parse(&row.role).map_err(|e| StoreError::Corrupt(e.message))?,
            organisation: row.organisation,
        })
    }
}

impl Store {
    pub async fn create_user(
        &self,
        email: &Email,
        password_hash: &str,
        role: Role,
        organisation: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<UserId> {
        let id: i64 = with_db!(self, pool => sqlx::query_scalar(
            "INSERT INTO users (email, password_hash, role, organisation, created_at)
             VALUES ($1, $2, $3, $4, $5) RETURNING id")
            .bind(email.as_str())
            .bind(password_hash)
            .bind(role.as_str())
            .bind(organisation)
            .bind(to_millis(now))
            .fetch_one(pool)
            .await
            .map_err(StoreError::taken_as("email"))?);
        Ok(UserId(id))
    }

    pub async fn user_by_email(&self, email: &Email) -> Result<Option<UserRecord>> {
        let row: Option<UserRow> = with_db!(self, pool => sqlx::query_as(
            "SELECT id, email, password_hash, role, organisation FROM users WHERE email = $1")
            .bind(email.as_str())
            .fetch_optional(pool)
            .await?);
        row.map(UserRecord::try_from).transpose()
    }

    pub async fn count_users(&self) -> Result<i64> {
        Ok(
            with_db!(self, pool => sqlx::query_scalar("SELECT COUNT(*) FROM users").fetch_one(pool).await?),
        )
    }

    pub async fn create_session(
        &self,
        token_hash: &str,
        user: UserId,
        kind: SessionKind,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<()> {
        with_db!(self, pool => sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, kind, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5)")
            .bind(token_hash)
            .bind(user.0)
            .bind(kind.as_str())
            .bind(to_millis(now))
            .bind(to_millis(expires_at))
            .execute(pool)
            .await
            .map(|_| ())?);
        Ok(())
    }

    /// The user behind a live (unexpired, unrevoked) session of `kind`.
    pub async fn session_user(
        &self,
        token_hash: &str,
        kind: SessionKind,
        now: DateTime<Utc>,
    ) -> Result<Option<(String, UserRecord)>> {
        let row: Option<SessionRow> = with_db!(self, pool => sqlx::query_as(
            "SELECT s.token_hash, u.id, u.email, u.password_hash, u.role, u.organisation
             FROM sessions s JOIN users u ON u.id = s.user_id
             WHERE s.token_hash = $1 AND s.kind = $2 AND s.expires_at > $3 AND s.revoked_at IS NULL")
            .bind(token_hash)
            .bind(kind.as_str())
            .bind(to_millis(now))
            .fetch_optional(pool)
            .await?);
        row.map(|row| UserRecord::try_from(row.user).map(|user| (row.token_hash, user)))
            .transpose()
    }

    /// Revokes one session; true when it was live.
    pub async fn revoke_session(&self, token_hash: &str, now: DateTime<Utc>) -> Result<bool> {
        let done = write_tx!(self, tx => sqlx::query(
            "UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL")
            .bind(token_hash)
            .bind(to_millis(now))
            .execute(&mut *tx)
            .await?
            .rows_affected());
        Ok(done > 0)
    }

    /// Removes sessions that expired before `now`; returns how many.
    pub async fn purge_expired_sessions(&self, now: DateTime<Utc>) -> Result<u64> {
        Ok(
            with_db!(self, pool => sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(to_millis(now))
            .execute(pool)
            .await?
            .rows_affected()),
        )
    }
}

//! Accounts and their sessions (API tokens and page cookies).

use alerta_core::{Actor, Email, Jurisdiction, Organisation, OrganisationId, Role, UserId};
use chrono::{DateTime, Utc};

use crate::{Result, Store, StoreError, on_tx, to_millis, with_db};

#[derive(Debug, Clone)]
pub struct UserRecord {
    pub id: UserId,
    pub email: String,
    pub password_hash: String,
    pub role: Role,
    pub organisation: Option<String>,
    pub organisation_id: Option<OrganisationId>,
    /// The organisation's; anywhere without one.
    pub jurisdiction: Jurisdiction,
}

impl UserRecord {
    pub fn actor(&self) -> Actor {
        Actor {
            user_id: self.id,
            role: self.role,
            organisation: self.organisation.clone(),
            organisation_id: self.organisation_id,
            jurisdiction: self.jurisdiction.clone(),
        }
    }
}

/// The columns of a user and their organisation's jurisdiction, for [`UserRow`].
const USER_COLUMNS: &str =
    "u.id, u.email, u.password_hash, u.role, u.organisation, u.organisation_id,
     COALESCE(o.jurisdiction, '') AS jurisdiction";

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
    organisation_id: Option<i64>,
    jurisdiction: String,
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
            organisation_id: row.organisation_id.map(OrganisationId),
            jurisdiction: Jurisdiction::from_stored(&row.jurisdiction),
        })
    }
}

impl Store {
    pub async fn create_user(
        &self,
        email: &Email,
        password_hash: &str,
        role: Role,
        organisation: Option<&Organisation>,
        now: DateTime<Utc>,
    ) -> Result<UserId> {
        let id: i64 = with_db!(self, pool => sqlx::query_scalar(
            "INSERT INTO users (email, password_hash, role, organisation, organisation_id, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")
            .bind(email.as_str())
            .bind(password_hash)
            .bind(role.as_str())
            .bind(organisation.map(|o| o.name.clone()))
            .bind(organisation.map(|o| o.id.0))
            .bind(to_millis(now))
            .fetch_one(pool)
            .await
            .map_err(StoreError::taken_as("email"))?);
        Ok(UserId(id))
    }

    pub async fn user_by_email(&self, email: &Email) -> Result<Option<UserRecord>> {
        let row: Option<UserRow> = with_db!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLUMNS} FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id
             WHERE u.email = $1")))
            .bind(email.as_str())
            .fetch_optional(pool)
            .await?);
        row.map(UserRecord::try_from).transpose()
    }

    /// The actor an account acts as: its role, organisation and jurisdiction.
    pub async fn actor(&self, id: UserId) -> Result<Actor> {
        let row: Option<UserRow> = with_db!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLUMNS} FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id
             WHERE u.id = $1")))
            .bind(id.0)
            .fetch_optional(pool)
            .await?);
        Ok(UserRecord::try_from(row.ok_or(StoreError::NotFound)?)?.actor())
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
        let row: Option<SessionRow> = with_db!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT s.token_hash, {USER_COLUMNS}
             FROM sessions s JOIN users u ON u.id = s.user_id
             LEFT JOIN organisations o ON o.id = u.organisation_id
             WHERE s.token_hash = $1 AND s.kind = $2 AND s.expires_at > $3 AND s.revoked_at IS NULL")))
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
        let mut tx = self.begin_write().await?;
        let done = on_tx!(tx, db => sqlx::query(
            "UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL")
            .bind(token_hash)
            .bind(to_millis(now))
            .execute(&mut *db)
            .await?
            .rows_affected());
        tx.commit().await?;
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

/// An account as `alerta users list` shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UserListing {
    pub id: i64,
    pub email: String,
    pub role: String,
    pub organisation: Option<String>,
    /// Milliseconds since the epoch.
    pub created_at: i64,
}

impl Store {
    /// Every account, by address.
    pub async fn users(&self) -> Result<Vec<UserListing>> {
        Ok(with_db!(self, pool => sqlx::query_as(
            "SELECT id, email, role, organisation, created_at FROM users ORDER BY email")
            .fetch_all(pool)
            .await?))
    }

    /// Gives the account of `email` a new password hash and ends its
    /// sessions; false when there is no such account.
    pub async fn reset_password(
        &self,
        email: &Email,
        password_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let out = on_tx!(tx, db => {
            let id: Option<i64> = sqlx::query_scalar(
                "UPDATE users SET password_hash = $2 WHERE email = $1 RETURNING id")
                .bind(email.as_str())
                .bind(password_hash)
                .fetch_optional(&mut *db)
                .await?;
            if let Some(id) = id {
                sqlx::query("UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL")
                    .bind(id)
                    .bind(to_millis(now))
                    .execute(&mut *db)
                    .await?;
            }
            id.is_some()
        });
        tx.commit().await?;
        Ok(out)
    }
}

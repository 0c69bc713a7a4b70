//! Photos waiting for their case: sent with a form that came back for
//! another field, kept for a day so the family need not choose them again.

use alerta_core::UserId;
use chrono::{DateTime, Utc};

use crate::{Result, Store, StoredPhoto, on_tx, to_millis, with_db};

/// A pending photo as it came, to be checked and stored with its case.
pub struct PendingPhoto {
    pub original: Vec<u8>,
    pub original_type: String,
}

impl Store {
    /// Keeps `photo` for `owner` under `token_hash` until `expires_at`.
    pub async fn keep_pending_photo(
        &self,
        owner: UserId,
        token_hash: &str,
        photo: &StoredPhoto,
        expires_at: DateTime<Utc>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        on_tx!(tx, db => { sqlx::query(
            "INSERT INTO pending_photos (token_hash, owner_id, original, original_type, thumbnail, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(token_hash).bind(owner.0).bind(&photo.original).bind(&photo.original_type)
            .bind(&photo.screen.jpeg).bind(to_millis(expires_at))
            .execute(&mut *db).await?; });
        tx.commit().await
    }

    /// The photo `owner` left under `token_hash`, unless expired (or another's).
    pub async fn pending_photo(
        &self,
        owner: UserId,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<PendingPhoto>> {
        let row: Option<(Vec<u8>, String)> = with_db!(self, pool => sqlx::query_as(
            "SELECT original, original_type FROM pending_photos
             WHERE token_hash = $1 AND owner_id = $2 AND expires_at > $3")
            .bind(token_hash).bind(owner.0).bind(to_millis(now))
            .fetch_optional(pool).await?);
        Ok(row.map(|(original, original_type)| PendingPhoto {
            original,
            original_type,
        }))
    }

    /// The small copy of a pending photo, for the form that keeps it.
    pub async fn pending_thumbnail(
        &self,
        owner: UserId,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Vec<u8>>> {
        let row: Option<(Vec<u8>,)> = with_db!(self, pool => sqlx::query_as(
            "SELECT thumbnail FROM pending_photos
             WHERE token_hash = $1 AND owner_id = $2 AND expires_at > $3")
            .bind(token_hash).bind(owner.0).bind(to_millis(now))
            .fetch_optional(pool).await?);
        Ok(row.map(|(jpeg,)| jpeg))
    }

    /// Forgets a pending photo: its case has it now.
    pub async fn forget_pending_photo(&self, token_hash: &str) -> Result<()> {
        let mut tx = self.begin_write().await?;
        on_tx!(tx, db => { sqlx::query("DELETE FROM pending_photos WHERE token_hash = $1")
            .bind(token_hash).execute(&mut *db).await?; });
        tx.commit().await
    }

    /// Removes pending photos expired at `now`; answers how many.
    pub(crate) async fn purge_expired_pending_photos(&self, now: DateTime<Utc>) -> Result<u64> {
        let mut tx = self.begin_write().await?;
        let removed = on_tx!(tx, db => sqlx::query("DELETE FROM pending_photos WHERE expires_at <= $1")
            .bind(to_millis(now)).execute(&mut *db).await?.rows_affected());
        tx.commit().await?;
        Ok(removed)
    }
}

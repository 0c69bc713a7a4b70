//! Reports of mail that did not arrive, and the addresses they suppress
//! (see migration 0022).

use alerta_core::VolunteerId;
use alerta_core::bounce::{BounceKind, Suppressed};
use chrono::{DateTime, Utc};

use crate::{Result, Store, WriteTx, from_millis, on_tx, to_millis, with_db};

/// One report, as the return address it came back to names it.
#[derive(Debug, Clone)]
pub struct BounceRecord {
    pub outbox_id: i64,
    pub volunteer: Option<VolunteerId>,
    pub kind: BounceKind,
    /// The enhanced status code (RFC 3463) the report gave, if any.
    pub status: Option<String>,
}

impl Store {
    /// The secret named `name` every node shares: the one stored, or
    /// `fresh` if none was (the first node to ask stores its own).
    pub async fn shared_secret(&self, name: &str, fresh: &str) -> Result<String> {
        let mut tx = self.begin_write().await?;
        let secret = on_tx!(tx, db => {
            sqlx::query("INSERT INTO server_keys (name, secret) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING")
                .bind(name).bind(fresh).execute(&mut *db).await?;
            sqlx::query_scalar("SELECT secret FROM server_keys WHERE name = $1")
                .bind(name).fetch_one(&mut *db).await?
        });
        tx.commit().await?;
        Ok(secret)
    }

    /// Whether volunteer `id`'s address is suppressed, and why.
    pub async fn suppression_of(&self, id: VolunteerId) -> Result<Option<String>> {
        let why: Option<Option<String>> = with_db!(self, pool => sqlx::query_scalar(
            "SELECT suppressed_why FROM volunteers WHERE id = $1")
            .bind(id.0).fetch_optional(pool).await?);
        Ok(why.flatten())
    }
}

impl WriteTx {
    /// Records `bounce`; false when a report about the same message was
    /// recorded before (nothing changes then).
    pub async fn record_bounce(
        &mut self,
        bounce: &BounceRecord,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let at = to_millis(now);
        let inserted = on_tx!(self, db => {
            let inserted = sqlx::query(
                "INSERT INTO bounces (outbox_id, volunteer_id, kind, status, received_at)
                 VALUES ($1, (SELECT id FROM volunteers WHERE id = $2), $3, $4, $5)
                 ON CONFLICT (outbox_id) DO NOTHING")
                .bind(bounce.outbox_id)
                .bind(bounce.volunteer.map(|v| v.0))
                .bind(bounce.kind.as_str())
                .bind(bounce.status.as_deref())
                .bind(at)
                .execute(&mut *db).await?.rows_affected() == 1;
            if inserted && bounce.kind != BounceKind::Complaint {
                sqlx::query("UPDATE outbox SET bounced_at = $2 WHERE id = $1")
                    .bind(bounce.outbox_id).bind(at).execute(&mut *db).await?;
            }
            inserted
        });
        Ok(inserted)
    }

    /// When volunteer `id`'s address bounced softly so far.
    pub async fn soft_bounces_of(&mut self, id: VolunteerId) -> Result<Vec<DateTime<Utc>>> {
        let at: Vec<i64> = on_tx!(self, db => sqlx::query_scalar(
            "SELECT received_at FROM bounces WHERE volunteer_id = $1 AND kind = 'soft'")
            .bind(id.0).fetch_all(&mut *db).await?);
        Ok(at.into_iter().map(from_millis).collect())
    }

    /// Suppresses volunteer `id`'s address for `why`: unsubscribed at once
    /// (zones, follows and queued mail gone, as an unsubscribe does, with
    /// no undo), and marked so that the reason stays known.
    pub async fn suppress_volunteer(
        &mut self,
        id: VolunteerId,
        why: Suppressed,
        now: DateTime<Utc>,
    ) -> Result<()> {
        on_tx!(self, db => {
            sqlx::query(
                "UPDATE volunteers SET status = 'unsubscribed', unsubscribed_at = $2,
                     suppressed_at = $2, suppressed_why = $3 WHERE id = $1")
                .bind(id.0).bind(to_millis(now)).bind(why.as_str()).execute(&mut *db).await?;
            // An earlier unsubscribe's undo would bring the address back.
            sqlx::query("DELETE FROM unsubscribe_undos WHERE volunteer_id = $1")
                .bind(id.0).execute(&mut *db).await?;
            for statement in crate::volunteers::FORGET_ON_UNSUBSCRIBE {
                sqlx::query(statement).bind(id.0).execute(&mut *db).await?;
            }
        });
        Ok(())
    }
}

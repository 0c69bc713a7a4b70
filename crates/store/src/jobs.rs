//! The bookkeeping of scheduled jobs, and the clean-up work they do.

use chrono::{DateTime, Utc};

use crate::{Result, Store, on_tx, to_millis, with_db};

impl Store {
    /// The slot a job last ran for (milliseconds), registering the job at
    /// `now` the first time so that it does not run for slots before it existed.
    pub async fn job_last_slot(&self, name: &str, now: DateTime<Utc>) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        let out = on_tx!(tx, db => {
            sqlx::query("INSERT INTO jobs (name, last_slot) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .bind(name).bind(to_millis(now)).execute(&mut *db).await?;
            let slot: i64 = sqlx::query_scalar("SELECT last_slot FROM jobs WHERE name = $1")
                .bind(name).fetch_one(&mut *db).await?;
            slot
        });
        tx.commit().await?;
        Ok(out)
    }

    /// Moves a job from slot `seen` to `slot`; true for the one caller that
    /// does it: that caller runs the job.
    pub async fn claim_job_slot(
        &self,
        name: &str,
        seen: i64,
        slot: i64,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let claimed = on_tx!(tx, db => sqlx::query(
            "UPDATE jobs SET last_slot = $3, last_run_at = $4 WHERE name = $1 AND last_slot = $2")
            .bind(name).bind(seen).bind(slot).bind(to_millis(now))
            .execute(&mut *db).await?.rows_affected());
        tx.commit().await?;
        Ok(claimed == 1)
    }

    /// Records what a run did; the run counts from here, once its work is done.
    pub async fn record_job_result(&self, name: &str, result: &str) -> Result<()> {
        with_db!(self, pool => sqlx::query("UPDATE jobs SET last_result = $2, runs = runs + 1 WHERE name = $1")
            .bind(name).bind(result.chars().take(500).collect::<String>()).execute(pool).await.map(|_| ())?);
        Ok(())
    }

    /// How many runs of a job have finished, for operators and tests.
    pub async fn job_runs(&self, name: &str) -> Result<i64> {
        let runs: Option<i64> = with_db!(self, pool => sqlx::query_scalar("SELECT runs FROM jobs WHERE name = $1")
            .bind(name).fetch_optional(pool).await?);
        Ok(runs.unwrap_or(0))
    }

    /// Forgets subscriptions nobody confirmed before `cutoff`: addresses that
    /// never confirmed anything, and zones waiting for confirmation.
    pub async fn expire_unconfirmed(&self, cutoff: DateTime<Utc>) -> Result<u64> {
        let mut tx = self.begin_write().await?;
        let out = on_tx!(tx, db => {
            let volunteers = sqlx::query("DELETE FROM volunteers WHERE status = 'pending' AND created_at < $1")
                .bind(to_millis(cutoff)).execute(&mut *db).await?.rows_affected();
            let zones = sqlx::query("DELETE FROM zones WHERE confirmed_at IS NULL AND created_at < $1")
                .bind(to_millis(cutoff)).execute(&mut *db).await?.rows_affected();
            volunteers + zones
        });
        tx.commit().await?;
        Ok(out)
    }

    /// Forgets what unsubscribes set aside for an undo that can no longer
    /// come (its hour is over); answers how many unsubscribes.
    pub async fn forget_expired_undos(&self, now: DateTime<Utc>) -> Result<u64> {
        let mut tx = self.begin_write().await?;
        let out = on_tx!(tx, db => {
            for table in [
                "DELETE FROM withdrawn_zones WHERE volunteer_id IN
                     (SELECT volunteer_id FROM unsubscribe_undos WHERE expires_at <= $1)",
                "DELETE FROM withdrawn_follows WHERE volunteer_id IN
                     (SELECT volunteer_id FROM unsubscribe_undos WHERE expires_at <= $1)",
            ] {
                sqlx::query(table).bind(to_millis(now)).execute(&mut *db).await?;
            }
            sqlx::query("DELETE FROM unsubscribe_undos WHERE expires_at <= $1")
                .bind(to_millis(now)).execute(&mut *db).await?.rows_affected()
        });
        tx.commit().await?;
        Ok(out)
    }

    /// Removes expired sessions, mailed links and pending photos (and old
    /// rate-limit counts); answers how many sessions, links and photos.
    pub async fn purge_expired_tokens(&self, now: DateTime<Utc>) -> Result<u64> {
        let sessions = self.purge_expired_sessions(now).await?;
        self.purge_rate_limits(now - chrono::Duration::days(1))
            .await?;
        self.purge_sign_in_failures(now).await?;
        let mut tx = self.begin_write().await?;
        let links = on_tx!(tx, db => sqlx::query("DELETE FROM volunteer_tokens WHERE expires_at <= $1")
            .bind(to_millis(now)).execute(&mut *db).await?.rows_affected());
        tx.commit().await?;
        let photos = self.purge_expired_pending_photos(now).await?;
        Ok(sessions + links + photos)
    }

    /// Erases the photo and personal details of cases resolved before
    /// `cutoff`, keeping what anonymous statistics need (sex, age, outcome,
    /// dates, language). Their tips, followers, audit details and mail rows go too.
    pub async fn purge_resolved_cases(
        &self,
        cutoff: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<u64> {
        let mut tx = self.begin_write().await?;
        let out = on_tx!(tx, db => {
            let cases: Vec<(i64, f64, f64)> = sqlx::query_as(
                "SELECT id, lat, lng FROM cases WHERE status = 'resolved' AND resolved_at < $1 AND purged_at IS NULL")
                .bind(to_millis(cutoff)).fetch_all(&mut *db).await?;
            for (id, lat, lng) in &cases {
                // About 11 km: enough for statistics by country, not a place.
                let coarse = |degrees: f64| (degrees * 10.0).round() / 10.0;
                sqlx::query("DELETE FROM case_photos WHERE case_id = $1").bind(*id).execute(&mut *db).await?;
                // Naming the kinds lets outbox_once (kind, case_id, …) find the rows.
                sqlx::query("DELETE FROM outbox WHERE kind IN ('alert', 'found', 'update', 'digest', 'tip', 'confirm', 'partner_alert', 'partner_found') AND case_id = $1")
                    .bind(*id).execute(&mut *db).await?;
                sqlx::query("DELETE FROM tips WHERE case_id = $1").bind(*id).execute(&mut *db).await?;
                sqlx::query("DELETE FROM case_followers WHERE case_id = $1").bind(*id).execute(&mut *db).await?;
                sqlx::query("UPDATE case_audit SET detail = '{}' WHERE case_id = $1").bind(*id).execute(&mut *db).await?;
                sqlx::query(
                    "UPDATE cases SET given_name = '', family_name = '', name_key = '', aliases = NULL,
                        stated_age = age_years, birth_date = NULL, height_cm = NULL, weight_kg = NULL, hair = NULL, eyes = NULL,
                        marks = NULL, clothing = '', circumstances = '', last_seen_place = '',
                        contact_phone = '', contact_phone_2 = NULL, contact_name = NULL, resolution_note = NULL, purged_at = $2,
                        lat = $3, lng = $4
                     WHERE id = $1")
                    .bind(*id).bind(to_millis(now)).bind(coarse(*lat)).bind(coarse(*lng))
                    .execute(&mut *db).await?;
            }
            cases.len() as u64
        });
        tx.commit().await?;
        Ok(out)
    }
}

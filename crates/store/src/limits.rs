//! Rate limits kept in the database, so that every process counts the same.

use chrono::{DateTime, Utc};

use crate::{Result, Store, on_tx, to_millis, with_db};

impl Store {
    /// Counts one hit on `key` in the current window of `window` and answers
    /// the hits so far, this one included. A window that ended starts afresh.
    pub async fn hit(
        &self,
        key: &str,
        window: chrono::Duration,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        let now_ms = to_millis(now);
        let window_start = now_ms - now_ms.rem_euclid(window.num_milliseconds().max(1));
        let mut tx = self.begin_write().await?;
        let out = on_tx!(tx, db => {
            let hits: i64 = sqlx::query_scalar(
                "INSERT INTO rate_limits (key, window_start, hits) VALUES ($1, $2, 1)
                 ON CONFLICT (key) DO UPDATE SET
                    hits = CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.hits + 1 ELSE 1 END,
                    window_start = excluded.window_start
                 RETURNING hits")
                .bind(key)
                .bind(window_start)
                .fetch_one(&mut *db)
                .await?;
            hits
        });
        tx.commit().await?;
        Ok(out)
    }

    /// The hits on `key` in the current window of `window`, without counting one.
    pub async fn hits(
        &self,
        key: &str,
        window: chrono::Duration,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        let now_ms = to_millis(now);
        let window_start = now_ms - now_ms.rem_euclid(window.num_milliseconds().max(1));
        let hits: Option<i64> = with_db!(self, pool => sqlx::query_scalar(
            "SELECT hits FROM rate_limits WHERE key = $1 AND window_start = $2")
            .bind(key)
            .bind(window_start)
            .fetch_optional(pool)
            .await?);
        Ok(hits.unwrap_or(0))
    }

    /// Drops counters of windows that ended before `cutoff`.
    pub async fn purge_rate_limits(&self, cutoff: DateTime<Utc>) -> Result<u64> {
        Ok({
            let mut tx = self.begin_write().await?;
            let out = on_tx!(tx, db => sqlx::query("DELETE FROM rate_limits WHERE window_start < $1")
            .bind(to_millis(cutoff)).execute(&mut *db).await?.rows_affected());
            tx.commit().await?;
            out
        })
    }
}

impl Store {
    /// An account's recent failed sign-ins, from `client` and from everyone.
    pub async fn sign_in_failures(
        &self,
        account_hash: &str,
        client: &str,
        now: DateTime<Utc>,
    ) -> Result<alerta_core::sign_in::Failures> {
        let hour_ago = to_millis(now - chrono::Duration::hours(1));
        let (from_client, last, clients, total): (Option<i64>, Option<i64>, i64, Option<i64>) = with_db!(self, pool => sqlx::query_as(
                "SELECT (SELECT failures FROM sign_in_failures WHERE account_hash = $1 AND client = $2),
                        (SELECT last_failure_at FROM sign_in_failures WHERE account_hash = $1 AND client = $2),
                        COUNT(*), CAST(SUM(failures) AS BIGINT)
                 FROM sign_in_failures WHERE account_hash = $1 AND last_failure_at > $3")
                .bind(account_hash)
                .bind(client)
                .bind(hour_ago)
                .fetch_one(pool)
                .await?);
        Ok(alerta_core::sign_in::Failures {
            from_client: from_client.unwrap_or(0),
            last_from_client: last.map(crate::from_millis),
            clients_last_hour: clients,
            failures_last_hour: total.unwrap_or(0),
        })
    }

    /// Counts one failed sign-in of the pair; a pair quiet for a day starts afresh.
    pub async fn record_sign_in_failure(
        &self,
        account_hash: &str,
        client: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let forget_before =
            to_millis(now - chrono::Duration::hours(alerta_core::sign_in::FORGET_AFTER_HOURS));
        let mut tx = self.begin_write().await?;
        on_tx!(tx, db => { sqlx::query(
            "INSERT INTO sign_in_failures (account_hash, client, failures, last_failure_at)
             VALUES ($1, $2, 1, $3)
             ON CONFLICT (account_hash, client) DO UPDATE SET
                failures = CASE WHEN sign_in_failures.last_failure_at < $4 THEN 1
                                ELSE sign_in_failures.failures + 1 END,
                last_failure_at = excluded.last_failure_at")
            .bind(account_hash)
            .bind(client)
            .bind(to_millis(now))
            .bind(forget_before)
            .execute(&mut *db)
            .await
            .map(|_| ())?; });
        tx.commit().await?;
        Ok(())
    }

    /// Forgets the failures of the pair (it signed in), or of every client
    /// of the account when `client` is None (an admin unlocked it).
    pub async fn clear_sign_in_failures(
        &self,
        account_hash: &str,
        client: Option<&str>,
    ) -> Result<u64> {
        let mut tx = self.begin_write().await?;
        let out = on_tx!(tx, db => sqlx::query(
            "DELETE FROM sign_in_failures WHERE account_hash = $1 AND ($2 IS NULL OR client = $2)")
            .bind(account_hash)
            .bind(client)
            .execute(&mut *db)
            .await?
            .rows_affected());
        tx.commit().await?;
        Ok(out)
    }

    /// Drops failures older than a day: they count for nothing.
    pub async fn purge_sign_in_failures(&self, now: DateTime<Utc>) -> Result<u64> {
        let cutoff =
            to_millis(now - chrono::Duration::hours(alerta_core::sign_in::FORGET_AFTER_HOURS));
        let mut tx = self.begin_write().await?;
        let out = on_tx!(tx, db => sqlx::query(
            "DELETE FROM sign_in_failures WHERE last_failure_at < $1")
            .bind(cutoff)
            .execute(&mut *db)
            .await?
            .rows_affected());
        tx.commit().await?;
        Ok(out)
    }
}

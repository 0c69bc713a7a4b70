//! Rate limits kept in the database, so that every process counts the same.

use chrono::{DateTime, Utc};

use crate::{Result, Store, to_millis, with_db, write_tx};

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
        Ok(write_tx!(self, tx => {
            let hits: i64 = sqlx::query_scalar(
                "INSERT INTO rate_limits (key, window_start, hits) VALUES ($1, $2, 1)
                 ON CONFLICT (key) DO UPDATE SET
                    hits = CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.hits + 1 ELSE 1 END,
                    window_start = excluded.window_start
                 RETURNING hits")
                .bind(key)
                .bind(window_start)
                .fetch_one(&mut *tx)
                .await?;
            hits
        }))
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
        Ok(
            write_tx!(self, tx => sqlx::query("DELETE FROM rate_limits WHERE window_start < $1")
            .bind(to_millis(cutoff)).execute(&mut *tx).await?.rows_affected()),
        )
    }
}

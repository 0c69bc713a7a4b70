//! Scheduled jobs, run from cron expressions (seconds first). Every process
//! ticks; the database decides which one runs each slot of each job.

use std::str::FromStr;
use std::time::Duration;

use alerta_store::{Store, StoreError};
use chrono::{DateTime, Utc};
use tokio::sync::watch;

use crate::sender::Clock;

/// What a job does when its time comes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    /// Forget subscriptions not confirmed within a week.
    ExpireUnconfirmed,
    /// Remove expired sessions and mailed links.
    PurgeExpiredTokens,
    /// Erase the personal details of cases resolved long ago.
    RetentionPurge,
    /// Apply the widenings police planned ahead, once their time has come.
    ScheduledWidening,
    /// Alert again, 7 and 30 days on, the volunteers who joined a still-open
    /// case's zone since its alert.
    ReAlert,
}

impl Work {
    pub fn name(self) -> &'static str {
        match self {
            Work::ExpireUnconfirmed => "expire_unconfirmed",
            Work::PurgeExpiredTokens => "purge_expired_tokens",
            Work::RetentionPurge => "retention_purge",
            Work::ScheduledWidening => "scheduled_widening",
            Work::ReAlert => "realert",
        }
    }
}

/// A job and its schedule.
#[derive(Debug, Clone)]
pub struct Job {
    pub work: Work,
    pub schedule: cron::Schedule,
}

#[derive(Debug, Clone)]
pub struct JobSettings {
    pub jobs: Vec<Job>,
    /// Subscriptions unconfirmed for longer than this are forgotten.
    pub unconfirmed_ttl: chrono::Duration,
    /// Resolved cases lose their personal details after this long.
    pub retention: chrono::Duration,
    /// Days after publication at which a still-open case is alerted again.
    pub realert_days: Vec<i64>,
    /// How often each process looks for due jobs.
    pub tick: Duration,
}

impl Job {
    /// `expression` is a cron expression with seconds: "0 15 * * * *".
    pub fn new(work: Work, expression: &str) -> Result<Job, String> {
        cron::Schedule::from_str(expression)
            .map(|schedule| Job { work, schedule })
            .map_err(|e| {
                format!(
                    "the schedule of {} ({expression:?}) is not a cron expression: {e}",
                    work.name()
                )
            })
    }
}

pub struct Scheduler {
    store: Store,
    settings: JobSettings,
    clock: Clock,
}

impl Scheduler {
    pub fn new(store: Store, settings: JobSettings, clock: Clock) -> Scheduler {
        Scheduler {
            store,
            settings,
            clock,
        }
    }

    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        loop {
            if let Err(e) = self.tick().await {
                tracing::error!(error = %e, "scheduled jobs failed");
            }
            tokio::select! {
                _ = tokio::time::sleep(self.settings.tick) => {},
                _ = shutdown.changed() => return,
            }
        }
    }

    /// Runs every job whose next time has come, if this process wins its slot.
    pub async fn tick(&self) -> Result<(), StoreError> {
        for job in &self.settings.jobs {
            let now = (self.clock)();
            let name = job.work.name();
            let seen = self.store.job_last_slot(name, now).await?;
            let since = DateTime::<Utc>::from_timestamp_millis(seen).unwrap_or(now);
            let due = job
                .schedule
                .after(&since)
                .next()
                .is_some_and(|next| next <= now);
            if due
                && self
                    .store
                    .claim_job_slot(name, seen, now.timestamp_millis(), now)
                    .await?
            {
                let result = self.work(job.work, now).await?;
                tracing::info!(job = name, %result, "scheduled job ran");
                self.store.record_job_result(name, &result).await?;
            }
        }
        Ok(())
    }

    async fn work(&self, work: Work, now: DateTime<Utc>) -> Result<String, StoreError> {
        Ok(match work {
            Work::ExpireUnconfirmed => {
                let n = self
                    .store
                    .expire_unconfirmed(now - self.settings.unconfirmed_ttl)
                    .await?;
                format!("{n} unconfirmed subscriptions forgotten")
            }
            Work::PurgeExpiredTokens => format!(
                "{} expired sessions and links removed",
                self.store.purge_expired_tokens(now).await?
            ),
            Work::ReAlert => format!(
                "{} re-alerts queued",
                self.store
                    .run_due_realerts(&self.settings.realert_days, now)
                    .await?
            ),
            Work::ScheduledWidening => format!(
                "{} planned widenings applied",
                self.store.run_due_widenings(now).await?
            ),
            Work::RetentionPurge => {
                let n = self
                    .store
                    .purge_resolved_cases(now - self.settings.retention, now)
                    .await?;
                format!("{n} resolved cases erased")
            }
        })
    }
}

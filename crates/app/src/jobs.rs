//! Scheduled jobs, run from cron expressions (seconds first). Every process
//! ticks; the database decides which one runs each slot of each job. What a
//! job does is a command like any other ([`Alerta::apply_due_widenings`]
//! and the rest, below): the scheduler only says when.

use std::str::FromStr;
use std::time::Duration;

use alerta_core::CaseId;
use chrono::{DateTime, Utc};
use tokio::sync::watch;

use crate::{Alerta, CommandError};

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
    app: Alerta,
    settings: JobSettings,
}

impl Scheduler {
    pub fn new(app: Alerta, settings: JobSettings) -> Scheduler {
        Scheduler { app, settings }
    }

    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        loop {
            if let Err(e) = self.tick().await {
                tracing::error!(error = %alerta_core::Chain(&e), "scheduled jobs failed");
            }
            tokio::select! {
                _ = tokio::time::sleep(self.settings.tick) => {},
                _ = shutdown.changed() => return,
            }
        }
    }

    /// Runs every job whose next time has come, if this process wins its slot.
    pub async fn tick(&self) -> Result<(), CommandError> {
        let store = &self.app.store;
        for job in &self.settings.jobs {
            let now = self.app.now();
            let name = job.work.name();
            let seen = store.job_last_slot(name, now).await?;
            let since = DateTime::<Utc>::from_timestamp_millis(seen).unwrap_or(now);
            // The first time the schedule names since the last run: the
            // slot this run is for (a run catches up every slot since).
            let due = job
                .schedule
                .after(&since)
                .next()
                .filter(|next| *next <= now);
            if let Some(slot) = due
                && store
                    .claim_job_slot(name, seen, now.timestamp_millis(), now)
                    .await?
            {
                let result = self.work(job.work, now).await?;
                tracing::info!(job = name, slot = %slot.to_rfc3339(), %result, "scheduled job ran");
                store.record_job_result(name, &result).await?;
            }
        }
        Ok(())
    }

    async fn work(&self, work: Work, now: DateTime<Utc>) -> Result<String, CommandError> {
        let app = &self.app;
        let store = &app.store;
        Ok(match work {
            Work::ExpireUnconfirmed => {
                let n = store
                    .expire_unconfirmed(now - self.settings.unconfirmed_ttl)
                    .await?;
                let undos = store.forget_expired_undos(now).await?;
                format!(
                    "{n} unconfirmed subscriptions forgotten, {undos} unsubscribes past their undo"
                )
            }
            Work::PurgeExpiredTokens => format!(
                "{} expired sessions, links and pending photos removed",
                store.purge_expired_tokens(now).await?
            ),
            Work::ReAlert => format!(
                "{} re-alerts queued",
                app.realert_due_cases(&self.settings.realert_days).await?
            ),
            Work::ScheduledWidening => format!(
                "{} planned widenings applied",
                app.apply_due_widenings().await?
            ),
            Work::RetentionPurge => {
                let n = store
                    .purge_resolved_cases(now - self.settings.retention, now)
                    .await?;
                format!("{n} resolved cases erased")
            }
        })
    }
}

impl Alerta {
    /// Applies every planned widening whose time has come, each in its own
    /// transaction; answers how many ran. A step no wider than the case
    /// already is (police widened it by hand) is marked done without mail.
    pub async fn apply_due_widenings(&self) -> Result<u64, CommandError> {
        let now = self.now();
        let due = self.store.due_widenings(now).await?;
        for planned in &due {
            let mut tx = self.store.begin_write().await?;
            let case = tx.case_for_update(planned.case).await?;
            let newly = match case.planned_widening(planned.to, now) {
                Some(change) => tx.apply(&case, &change, planned.planner).await?,
                None => 0,
            };
            tx.record_widening_done(planned.step, newly, now).await?;
            tx.commit().await?;
            if newly > 0 {
                self.queued_mail();
            }
        }
        Ok(due.len() as u64)
    }

    /// Alerts again each active case published at least so many days ago
    /// (for each of `milestones`, once per case): only the volunteers who
    /// joined its zone since are mailed. Answers how many messages were queued.
    pub async fn realert_due_cases(&self, milestones: &[i64]) -> Result<u64, CommandError> {
        let now = self.now();
        let mut queued = 0;
        for &after_days in milestones {
            for id in self.store.due_realerts(after_days, now).await? {
                queued += self.realert(id, after_days, now).await?;
            }
        }
        if queued > 0 {
            self.queued_mail();
        }
        Ok(queued)
    }

    async fn realert(
        &self,
        id: CaseId,
        after_days: i64,
        now: DateTime<Utc>,
    ) -> Result<u64, CommandError> {
        let mut tx = self.store.begin_write().await?;
        let case = tx.case_for_update(id).await?;
        let newly = match case.realert(after_days, now) {
            Some(change) => tx.apply(&case, &change, None).await?,
            None => 0,
        };
        tx.record_realert(id, after_days, newly, now).await?;
        tx.commit().await?;
        Ok(newly)
    }
}

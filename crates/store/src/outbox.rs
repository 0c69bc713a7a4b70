//! The outbox: every message to send is a row; senders claim rows under a
//! lease, send, and record the outcome. A crash loses nothing (the lease runs
//! out and another sender takes the row) and repeats only rows in flight.

use alerta_core::bounce::Suppressed;
use alerta_core::{CaseId, VolunteerId};
use chrono::{DateTime, Utc};

use std::sync::LazyLock;

use crate::{Backend, Result, Store, StoreError, from_millis, on_tx, to_millis, with_db};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MailKind {
    Confirm,
    Alert,
    Found,
    Digest,
    Update,
    /// A tip, to the case's police contact.
    Tip,
    /// A fresh manage link, asked for by address.
    Manage,
    /// To an organisation whose jurisdiction a case's alert reaches into.
    OrgNotice,
    /// A case's alert to a partner, to post where people pass.
    PartnerAlert,
    /// To a partner that had the alert: found, take the posters down.
    PartnerFound,
}

impl MailKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MailKind::Confirm => "confirm",
            MailKind::Alert => "alert",
            MailKind::Found => "found",
            MailKind::Digest => "digest",
            MailKind::Update => "update",
            MailKind::Tip => "tip",
            MailKind::Manage => "manage",
            MailKind::OrgNotice => "org_notice",
            MailKind::PartnerAlert => "partner_alert",
            MailKind::PartnerFound => "partner_found",
        }
    }

    fn parse(value: &str) -> Result<Self> {
        Ok(match value {
            "confirm" => MailKind::Confirm,
            "alert" => MailKind::Alert,
            "found" => MailKind::Found,
            "digest" => MailKind::Digest,
            "update" => MailKind::Update,
            "tip" => MailKind::Tip,
            "manage" => MailKind::Manage,
            "org_notice" => MailKind::OrgNotice,
            "partner_alert" => MailKind::PartnerAlert,
            "partner_found" => MailKind::PartnerFound,
            other => return Err(StoreError::Corrupt(format!("outbox kind {other}"))),
        })
    }
}

/// How a case's alert mail is going out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct DispatchFigures {
    pub recipients: i64,
    pub queued: i64,
    pub sent: i64,
    pub failed: i64,
    /// Sent, then reported back as not delivered (a bounce).
    pub undeliverable: i64,
    /// Delivery attempts so far, retries included: it grows only as fast as
    /// the backoff allows, whatever the mail server does.
    pub attempts: i64,
    /// Milliseconds since the epoch.
    pub first_sent_at: Option<i64>,
    pub last_sent_at: Option<i64>,
}

/// Where an outbox row stands: a closed set, as the `status` column holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutboxStatus {
    /// Waiting for a sender (or for its retry).
    Queued,
    /// The mail server accepted it.
    Sent,
    /// Never deliverable: the server refused it, or attempts ran out.
    Failed,
    /// Dropped unsent: its case left public view. Showing the case again
    /// queues it anew.
    Withdrawn,
}

impl OutboxStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            OutboxStatus::Queued => "queued",
            OutboxStatus::Sent => "sent",
            OutboxStatus::Failed => "failed",
            OutboxStatus::Withdrawn => "withdrawn",
        }
    }
}

/// How the attempt on a claimed row went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// The mail server accepted it.
    Sent,
    /// Not this time: give the row back to be tried again `at`.
    Retry { at: DateTime<Utc>, error: String },
    /// Never: give up, keeping the server's reply.
    Failed { error: String },
    /// Never, and the address is dead: the server refused it for good
    /// (see `alerta_core::bounce::refused_address_is_dead`). Failed as
    /// above, and the volunteer suppressed as after a hard bounce.
    AddressRefused {
        error: String,
        volunteer: VolunteerId,
    },
    /// Not any more: its case left public view while the row was claimed.
    Withdrawn { reason: String },
}

/// An outbox row as support staff see it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OutboxEntry {
    pub kind: String,
    pub case_id: Option<i64>,
    pub status: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    /// Milliseconds since the epoch.
    pub next_attempt_at: i64,
}

/// A claimed outbox row.
#[derive(Debug, Clone)]
pub struct OutboxItem {
    pub id: i64,
    pub kind: MailKind,
    pub case_id: Option<CaseId>,
    /// The volunteer it goes to; None for a tip, which goes to police.
    pub volunteer_id: Option<VolunteerId>,
    pub tip_id: Option<i64>,
    /// The organisation an `org_notice` goes to.
    pub organisation_id: Option<alerta_core::OrganisationId>,
    /// The partner a `partner_alert` or `partner_found` goes to.
    pub partner_id: Option<alerta_core::PartnerId>,
    /// Including this one.
    pub attempts: i64,
    pub created_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct ClaimRow {
    id: i64,
    kind: String,
    case_id: Option<i64>,
    volunteer_id: Option<i64>,
    tip_id: Option<i64>,
    organisation_id: Option<i64>,
    partner_id: Option<i64>,
    attempts: i64,
    created_at: i64,
}

/// Claims due rows ($1 now, $2 lease end, $3 owner, $4 how many), the rows
/// chosen by `SELECT … {lock}`: PostgreSQL's senders skip each other's.
fn claim_sql(lock: &str) -> String {
    format!(
        "UPDATE outbox SET lease_until = $2, claimed_by = $3, attempts = attempts + 1
         WHERE id IN (SELECT id FROM outbox
                      WHERE status = 'queued' AND next_attempt_at <= $1
                        AND (lease_until IS NULL OR lease_until < $1)
                      ORDER BY next_attempt_at, id LIMIT $4 {lock})
         RETURNING id, kind, case_id, volunteer_id, tip_id, organisation_id, partner_id, attempts,
                   created_at"
    )
}

static CLAIM_SQLITE: LazyLock<String> = LazyLock::new(|| claim_sql(""));
static CLAIM_POSTGRES: LazyLock<String> = LazyLock::new(|| claim_sql("FOR UPDATE SKIP LOCKED"));

impl crate::WriteTx {
    /// Claims up to `limit` due rows for `owner` until `lease_until`, in id order.
    async fn claim(
        &mut self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        owner: &str,
        limit: i64,
    ) -> Result<Vec<OutboxItem>> {
        let sql: &'static str = match self.backend() {
            Backend::Postgres => &CLAIM_POSTGRES,
            Backend::Sqlite => &CLAIM_SQLITE,
        };
        let rows: Vec<ClaimRow> = on_tx!(self, db => sqlx::query_as(sql)
            .bind(to_millis(now))
            .bind(to_millis(lease_until))
            .bind(owner.to_string())
            .bind(limit)
            .fetch_all(&mut *db)
            .await?);
        let mut items = rows
            .into_iter()
            .map(|r| {
                Ok(OutboxItem {
                    id: r.id,
                    kind: MailKind::parse(&r.kind)?,
                    case_id: r.case_id.map(CaseId),
                    volunteer_id: r.volunteer_id.map(VolunteerId),
                    tip_id: r.tip_id,
                    organisation_id: r.organisation_id.map(alerta_core::OrganisationId),
                    partner_id: r.partner_id.map(alerta_core::PartnerId),
                    attempts: r.attempts,
                    created_at: from_millis(r.created_at),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        items.sort_by_key(|item| item.id);
        Ok(items)
    }
}

impl Store {
    /// How many rows are due now, counting no further than `limit`: a paced
    /// sender reserves slots only for work that exists.
    pub async fn outbox_due(&self, now: DateTime<Utc>, limit: i64) -> Result<i64> {
        Ok(with_db!(self, pool => sqlx::query_scalar(
            "SELECT COUNT(*) FROM (SELECT 1 FROM outbox
                WHERE status = 'queued' AND next_attempt_at <= $1
                  AND (lease_until IS NULL OR lease_until < $1)
                LIMIT $2) due")
            .bind(to_millis(now))
            .bind(limit)
            .fetch_one(pool)
            .await?))
    }

    /// Reserves `count` send slots `interval` apart on the pacing clock all
    /// senders share, and answers when the first one starts: now, or when
    /// the slots other senders reserved run out.
    pub async fn reserve_send_slots(
        &self,
        count: i64,
        interval: chrono::Duration,
        now: DateTime<Utc>,
    ) -> Result<DateTime<Utc>> {
        // Rounded up: the rate may be undershot by a millisecond, never exceeded.
        let micros = interval.num_microseconds().unwrap_or(i64::MAX / 2) * count;
        let span = (micros + 999) / 1000;
        let mut tx = self.begin_write().await?;
        let start: i64 = on_tx!(tx, db => sqlx::query_scalar(
            "UPDATE send_pacing SET next_at = (CASE WHEN next_at > $1 THEN next_at ELSE $1 END) + $2
             WHERE id = 1 RETURNING next_at - $2")
            .bind(to_millis(now))
            .bind(span)
            .fetch_one(&mut *db)
            .await?);
        tx.commit().await?;
        Ok(from_millis(start))
    }

    /// Claims up to `limit` due rows for `owner` until `lease_until`.
    /// PostgreSQL skips rows other senders hold; SQLite's single writer
    /// (`BEGIN IMMEDIATE`) makes the claim exclusive by itself.
    pub async fn claim_outbox(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        owner: &str,
        limit: i64,
    ) -> Result<Vec<OutboxItem>> {
        let mut tx = self.begin_write().await?;
        let items = tx.claim(now, lease_until, owner, limit).await?;
        tx.commit().await?;
        Ok(items)
    }

    /// Claims a round as [`Store::claim_outbox`] does and, in the same
    /// transaction, stores the unsubscribe link of each volunteer it mails:
    /// `link_hash` mints one and answers its hash. One write transaction a
    /// round instead of two (on SQLite each one queues for the one writer).
    pub async fn claim_round(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        owner: &str,
        limit: i64,
        mut link_hash: impl FnMut(VolunteerId) -> String,
        links_expire_at: DateTime<Utc>,
    ) -> Result<Vec<OutboxItem>> {
        let mut tx = self.begin_write().await?;
        let items = tx.claim(now, lease_until, owner, limit).await?;
        let mut seen = std::collections::HashSet::new();
        let links: Vec<(VolunteerId, String)> = items
            .iter()
            .filter_map(|item| item.volunteer_id)
            .filter(|volunteer| seen.insert(*volunteer))
            .map(|volunteer| (volunteer, link_hash(volunteer)))
            .collect();
        tx.add_volunteer_tokens(
            crate::TokenPurpose::Unsubscribe,
            &links,
            now,
            links_expire_at,
        )
        .await?;
        tx.commit().await?;
        Ok(items)
    }

    /// Records how a round of claimed rows went, in one statement: one
    /// commit per round rather than per message (on PostgreSQL with full
    /// durability each commit is a disk flush). A crash before it leaves the
    /// round's rows claimed; their lease runs out and they go again, which
    /// the outbox allows for rows in flight.
    ///
    /// Each outcome applies only while `owner` still holds the row: a sender
    /// that outlived its lease, or a row queued again meanwhile (a new
    /// update), is left to whoever holds it now.
    pub async fn record_deliveries(
        &self,
        owner: &str,
        now: DateTime<Utc>,
        outcomes: &[(i64, Delivery)],
    ) -> Result<()> {
        if outcomes.is_empty() {
            return Ok(());
        }
        // (id, status, sent_at, next_attempt_at, last_error) per row; a
        // NULL time leaves the row's own.
        type OutcomeRow = (i64, &'static str, Option<i64>, Option<i64>, Option<String>);
        let rows: Vec<OutcomeRow> = outcomes
            .iter()
            .map(|(id, outcome)| {
                let error = |e: &str| Some(e.chars().take(1000).collect::<String>());
                match outcome {
                    Delivery::Sent => (
                        *id,
                        OutboxStatus::Sent.as_str(),
                        Some(to_millis(now)),
                        None,
                        None,
                    ),
                    Delivery::Retry { at, error: e } => (
                        *id,
                        OutboxStatus::Queued.as_str(),
                        None,
                        Some(to_millis(*at)),
                        error(e),
                    ),
                    Delivery::Failed { error: e } | Delivery::AddressRefused { error: e, .. } => (
                        *id,
                        OutboxStatus::Failed.as_str(),
                        Some(to_millis(now)),
                        None,
                        error(e),
                    ),
                    Delivery::Withdrawn { reason } => (
                        *id,
                        OutboxStatus::Withdrawn.as_str(),
                        None,
                        None,
                        error(reason),
                    ),
                }
            })
            .collect();
        let mut tx = self.begin_write().await?;
        on_tx!(tx, db => {
            let mut update = sqlx::QueryBuilder::new(
                "WITH outcome (id, status, sent_at, next_attempt_at, last_error) AS (",
            );
            update.push_values(&rows, |mut row, (id, status, sent_at, next_at, error)| {
                row.push_bind(*id)
                    .push_bind(*status)
                    .push_bind(*sent_at)
                    .push_bind(*next_at)
                    .push_bind(error.clone());
            });
            update
                .push(
                    ") UPDATE outbox SET status = outcome.status,
                        sent_at = COALESCE(outcome.sent_at, outbox.sent_at),
                        next_attempt_at = COALESCE(outcome.next_attempt_at, outbox.next_attempt_at),
                        lease_until = NULL, last_error = outcome.last_error
                     FROM outcome WHERE outbox.id = outcome.id AND outbox.claimed_by = ",
                )
                .push_bind(owner);
            update.build().execute(&mut *db).await.map(|_| ())?
        });
        for (_, outcome) in outcomes {
            if let Delivery::AddressRefused { volunteer, .. } = outcome {
                tx.suppress_volunteer(*volunteer, Suppressed::HardBounce, now)
                    .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// The messages queued for an address, oldest first: what support staff
    /// look at when someone says a mail never came.
    pub async fn outbox_for_address(&self, email: &str) -> Result<Vec<OutboxEntry>> {
        let rows: Vec<OutboxEntry> = with_db!(self, pool => sqlx::query_as(
            "SELECT o.kind, o.case_id, o.status, o.attempts, o.last_error, o.next_attempt_at
             FROM outbox o JOIN volunteers v ON v.id = o.volunteer_id
             WHERE v.email = $1 ORDER BY o.id")
            .bind(email.to_lowercase())
            .fetch_all(pool)
            .await?);
        Ok(rows)
    }

    pub async fn dispatch_figures(&self, case: CaseId) -> Result<DispatchFigures> {
        Ok(with_db!(self, pool => sqlx::query_as(
            "SELECT COUNT(*) AS recipients,
                    COALESCE(SUM(CASE WHEN status = 'queued' THEN 1 ELSE 0 END), 0) AS queued,
                    COALESCE(SUM(CASE WHEN status = 'sent' THEN 1 ELSE 0 END), 0) AS sent,
                    COALESCE(SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END), 0) AS failed,
                    COALESCE(SUM(CASE WHEN bounced_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS undeliverable,
                    CAST(COALESCE(SUM(attempts), 0) AS BIGINT) AS attempts,
                    MIN(CASE WHEN status = 'sent' THEN sent_at END) AS first_sent_at,
                    MAX(CASE WHEN status = 'sent' THEN sent_at END) AS last_sent_at
             FROM outbox WHERE case_id = $1 AND kind IN ('alert', 'partner_alert')")
            .bind(case.0)
            .fetch_one(pool)
            .await?))
    }

    /// (queued, sent, failed) rows, for one case and one kind of mail or all.
    pub async fn outbox_counts(
        &self,
        case: Option<CaseId>,
        kind: Option<MailKind>,
    ) -> Result<(i64, i64, i64)> {
        Ok(with_db!(self, pool => sqlx::query_as(
            "SELECT COALESCE(SUM(CASE WHEN status = 'queued' THEN 1 ELSE 0 END), 0),
                    COALESCE(SUM(CASE WHEN status = 'sent' THEN 1 ELSE 0 END), 0),
                    COALESCE(SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END), 0)
             FROM outbox WHERE ($1 IS NULL OR case_id = $1) AND ($2 IS NULL OR kind = $2)")
            .bind(case.map(|c| c.0))
            .bind(kind.map(MailKind::as_str))
            .fetch_one(pool)
            .await?))
    }
}

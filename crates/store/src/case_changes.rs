//! Persisting what the domain decided a case's change is
//! ([`alerta_core::transition`]): its row, its effects, its audit line, in
//! the caller's transaction.

use std::sync::LazyLock;

use alerta_core::area::AlertArea;
use alerta_core::transition::{CaseChange, CaseUpdate, Effect};
use alerta_core::{Case, CaseId, Jurisdiction, OrganisationId};
use chrono::{DateTime, Utc};
use serde_json::Value;
use serde_json::json;

use crate::cases::{UPDATE_CASE_DETAILS, detail_arguments, push_reached, reached_by_polygon};
use crate::{Result, WriteTx, on_tx, to_millis};

/// Queues news of case $1 at $2, of the kind `kind`, for those its alert
/// reached (or is reaching) and those who follow it, ending with
/// `on_conflict` (what a row of the same kind already there becomes).
fn queue_news(kind: &str, on_conflict: &str) -> String {
    format!(
        "INSERT INTO outbox (kind, case_id, volunteer_id, status, next_attempt_at, created_at)
         SELECT '{kind}', case_id, volunteer_id, 'queued', $2, $2 FROM outbox
         WHERE case_id = $1 AND kind = 'alert' AND (status = 'sent' OR lease_until IS NOT NULL)
         UNION
         SELECT '{kind}', case_id, volunteer_id, 'queued', $2, $2 FROM case_followers
         WHERE case_id = $1 AND confirmed_at IS NOT NULL
         {on_conflict}"
    )
}

/// "Found" goes once.
static QUEUE_FOUND: LazyLock<String> =
    LazyLock::new(|| queue_news("found", "ON CONFLICT DO NOTHING"));

/// "Found, please take the posters down" for the partners the alert
/// reached (or is reaching), once.
const QUEUE_PARTNERS_FOUND: &str =
    "INSERT INTO outbox (kind, case_id, partner_id, status, next_attempt_at, created_at)
     SELECT 'partner_found', case_id, partner_id, 'queued', $2, $2 FROM outbox
     WHERE case_id = $1 AND kind = 'partner_alert' AND (status = 'sent' OR lease_until IS NOT NULL)
     ON CONFLICT DO NOTHING";

/// A volunteer with an earlier update gets its row queued again.
static QUEUE_UPDATES: LazyLock<String> = LazyLock::new(|| {
    queue_news(
        "update",
        "ON CONFLICT (kind, case_id, volunteer_id) WHERE case_id IS NOT NULL DO UPDATE SET
            status = 'queued', attempts = 0, next_attempt_at = excluded.next_attempt_at,
            sent_at = NULL, last_error = NULL, lease_until = NULL, claimed_by = NULL",
    )
});

impl WriteTx {
    /// Writes `change` to `case` (read with [`WriteTx::case_for_update`]):
    /// the row, then each effect, then the audit line, counting the
    /// messages the effects queued or withdrew under the line's `count_as`.
    /// Answers that count.
    pub async fn apply(
        &mut self,
        case: &Case,
        change: &CaseChange,
        actor_id: Option<i64>,
    ) -> Result<u64> {
        if let Some(update) = &change.update {
            self.update_case_row(case.id, update, change.at).await?;
        }
        let mut count = 0;
        for effect in &change.effects {
            count += self
                .run_effect(case.id, effect, actor_id, change.at)
                .await?;
        }
        let mut detail = change.audit.detail.clone();
        if let (Some(key), Value::Object(fields)) = (change.audit.count_as, &mut detail) {
            fields.insert(key.to_string(), count.into());
        }
        self.audit(case.id.0, actor_id, change.at, change.audit.action, detail)
            .await?;
        Ok(count)
    }

    async fn update_case_row(
        &mut self,
        id: CaseId,
        update: &CaseUpdate,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let at = to_millis(now);
        if let CaseUpdate::Details(details) = update {
            on_tx!(self, db, Db => { sqlx::query_with(UPDATE_CASE_DETAILS, detail_arguments::<Db>(details)?)
                .bind(at)
                .bind(id.0)
                .execute(&mut *db)
                .await?; });
            return self.set_last_seen_regions(id.0, details.last_seen).await;
        }
        on_tx!(self, db => { match update {
            CaseUpdate::Details(_) => unreachable!("written above"),
            CaseUpdate::Publish { organisation, police_contact, organisation_id } => {
                sqlx::query(
                    "UPDATE cases SET status = 'active', published_at = $2, updated_at = $2,
                        organisation = $3, police_contact_id = $4, organisation_id = $5
                     WHERE id = $1")
                    .bind(id.0)
                    .bind(at)
                    .bind(organisation.clone())
                    .bind(police_contact.0)
                    .bind(organisation_id.map(|o| o.0))
                    .execute(&mut *db)
                    .await?;
            }
            CaseUpdate::Widen { radius_km, route_width_km } => {
                sqlx::query(
                    "UPDATE cases SET alert_radius_km = $2,
                        alert_route_width_km = COALESCE($3, alert_route_width_km), updated_at = $4
                     WHERE id = $1")
                    .bind(id.0)
                    .bind(*radius_km)
                    .bind(*route_width_km)
                    .bind(at)
                    .execute(&mut *db)
                    .await?;
            }
            CaseUpdate::Resolve { outcome, note } => {
                sqlx::query(
                    "UPDATE cases SET status = 'resolved', outcome = $2, resolution_note = $3,
                        resolved_at = $4, updated_at = $4
                     WHERE id = $1")
                    .bind(id.0)
                    .bind(outcome.as_str())
                    .bind(note.clone())
                    .bind(at)
                    .execute(&mut *db)
                    .await?;
            }
            CaseUpdate::SetHidden { hidden } => {
                sqlx::query("UPDATE cases SET hidden_at = $2, updated_at = $3 WHERE id = $1")
                    .bind(id.0)
                    .bind(hidden.then_some(at))
                    .bind(at)
                    .execute(&mut *db)
                    .await?;
            }
        } });
        Ok(())
    }

    /// Runs one effect; answers how many messages it queued or withdrew.
    async fn run_effect(
        &mut self,
        id: CaseId,
        effect: &Effect,
        actor_id: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<u64> {
        let at = to_millis(now);
        Ok(match effect {
            Effect::QueueAlerts {
                area,
                partner_kinds,
            } => {
                self.queue_alerts(id, area, now).await?
                    + self
                        .queue_partner_alerts(id, area, partner_kinds, now)
                        .await?
            }
            Effect::InformOrganisations { area, in_charge } => {
                self.inform_organisations(id, *in_charge, area, actor_id, now)
                    .await?;
                0
            }
            Effect::QueueFound => on_tx!(self, db => {
                let volunteers = sqlx::query(QUEUE_FOUND.as_str())
                    .bind(id.0)
                    .bind(at)
                    .execute(&mut *db)
                    .await?
                    .rows_affected();
                volunteers + sqlx::query(QUEUE_PARTNERS_FOUND)
                    .bind(id.0)
                    .bind(at)
                    .execute(&mut *db)
                    .await?
                    .rows_affected()
            }),
            Effect::QueueUpdates => on_tx!(self, db => sqlx::query(QUEUE_UPDATES.as_str())
                .bind(id.0)
                .bind(at)
                .execute(&mut *db)
                .await?
                .rows_affected()),
            Effect::WithdrawUnsentAlerts => on_tx!(self, db => sqlx::query(
                "DELETE FROM outbox WHERE case_id = $1 AND kind IN ('alert', 'partner_alert')
                   AND status = 'queued' AND lease_until IS NULL")
                .bind(id.0)
                .execute(&mut *db)
                .await?
                .rows_affected()),
            // A sender holding one (its lease running) drops it as withdrawn.
            Effect::WithdrawUnsentMail => on_tx!(self, db => sqlx::query(
                "DELETE FROM outbox WHERE kind IN ('alert', 'update', 'partner_alert') AND case_id = $1
                   AND status = 'queued' AND (lease_until IS NULL OR lease_until < $2)")
                .bind(id.0)
                .bind(at)
                .execute(&mut *db)
                .await?
                .rows_affected()),
            Effect::ForgetWithdrawnAlerts => {
                on_tx!(self, db => { sqlx::query(
                    "DELETE FROM outbox WHERE kind IN ('alert', 'partner_alert') AND case_id = $1
                       AND status = 'withdrawn'")
                    .bind(id.0)
                    .execute(&mut *db)
                    .await?; });
                0
            }
        })
    }
}

impl WriteTx {
    /// Queues an alert of `case` for every volunteer `area` reaches, in one
    /// statement: the ids never leave the database. Volunteers the case has
    /// alerted already (from an earlier, smaller area) are left out, so
    /// nobody is alerted twice. Answers how many were queued.
    ///
    /// The caller holds the case's row lock ([`WriteTx::case_for_update`]),
    /// so no other transaction queues this case's alerts meanwhile.
    /// `EXCEPT` both removes the volunteers already alerted and the repeats
    /// of a volunteer with several zones, in one hashed pass; `ON CONFLICT
    /// DO NOTHING` made PostgreSQL insert each of 100 000 rows
    /// speculatively (0.27 s more).
    pub(crate) async fn queue_alerts(
        &mut self,
        case: CaseId,
        area: &AlertArea,
        now: DateTime<Utc>,
    ) -> Result<u64> {
        let regions = area.regions_touched(self.geography);
        let in_polygon = match &area.polygon {
            Some(polygon) => on_tx!(self, db => reached_by_polygon(&mut *db, polygon).await?),
            None => Vec::new(),
        };
        Ok(on_tx!(self, db => {
            let mut insert = sqlx::QueryBuilder::new(
                "INSERT INTO outbox (kind, case_id, volunteer_id, status, next_attempt_at, created_at)
                 SELECT 'alert', ",
            );
            insert
                .push_bind(case.0)
                .push(", volunteer_id, 'queued', ")
                .push_bind(to_millis(now))
                .push(", ")
                .push_bind(to_millis(now))
                .push(" FROM (");
            push_reached(&mut insert, area, &regions, &in_polygon);
            insert
                .push(" EXCEPT SELECT volunteer_id FROM outbox WHERE kind = 'alert' AND case_id = ")
                .push_bind(case.0)
                .push(") volunteers");
            insert.build().execute(&mut *db).await?.rows_affected()
        }))
    }

    /// Tells every organisation whose (limited) jurisdiction the alert area
    /// `area` reaches into, other than the one in charge (`owner`), of the
    /// case: recorded once per organisation, audited, and mailed to its
    /// contact address when it has one. Its officers may then read the case
    /// and its tips.
    async fn inform_organisations(
        &mut self,
        case_id: CaseId,
        owner: Option<OrganisationId>,
        area: &AlertArea,
        actor_id: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let touched = area.regions_touched(self.geography);
        let organisations: Vec<(i64, String, String, Option<String>)> = on_tx!(self, db => sqlx::query_as(
            "SELECT id, name, jurisdiction, contact_email FROM organisations WHERE jurisdiction <> ''")
            .fetch_all(&mut *db)
            .await?);
        for (id, name, jurisdiction, contact) in organisations {
            let reached = Jurisdiction::from_stored(&jurisdiction).reached_by(&touched);
            if !reached || owner == Some(OrganisationId(id)) {
                continue;
            }
            let added = on_tx!(self, db => sqlx::query(
                "INSERT INTO case_informed_organisations (case_id, organisation_id, informed_at)
                 VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                .bind(case_id.0).bind(id).bind(to_millis(now))
                .execute(&mut *db).await?.rows_affected());
            if added == 0 {
                continue;
            }
            if contact.is_some() {
                on_tx!(self, db => { sqlx::query(
                    "INSERT INTO outbox (kind, case_id, organisation_id, status, next_attempt_at, created_at)
                     VALUES ('org_notice', $1, $2, 'queued', $3, $3)")
                    .bind(case_id.0).bind(id).bind(to_millis(now))
                    .execute(&mut *db).await?; });
            }
            let detail = json!({ "organisation": name, "mailed": contact.is_some() });
            self.audit(case_id.0, actor_id, now, "organisation_informed", detail)
                .await?;
        }
        Ok(())
    }
}

//! Partners: organisations that post alerts where people pass (see
//! [`alerta_core::partner`]). Few (hundreds at most): matched in Rust.

use alerta_core::area::AlertArea;
use alerta_core::{Circle, Coordinates, Language, NewPartner, Partner, PartnerId, PartnerKind};
use chrono::{DateTime, Utc};

use crate::{Result, Store, StoreError, WriteTx, on_tx, to_millis, with_db};

/// The columns every partner query selects, in [`PartnerRow`]'s order.
macro_rules! partner_columns {
    () => {
        "id, name, kind, email, language, place, lat, lng, radius_km"
    };
}

type PartnerRow = (i64, String, String, String, String, String, f64, f64, f64);

fn partner(row: PartnerRow) -> Result<Partner> {
    let (id, name, kind, email, language, place, lat, lng, radius_km) = row;
    let corrupt = |e: alerta_core::FieldError| StoreError::Corrupt(e.message);
    Ok(Partner {
        id: PartnerId(id),
        name,
        kind: PartnerKind::parse("kind", &kind).map_err(corrupt)?,
        email,
        language: Language::parse("language", &language).map_err(corrupt)?,
        place,
        zone: Circle {
            center: Coordinates { lat, lng },
            radius_km,
        },
    })
}

impl Store {
    /// Stores a partner an administrator vouched for: it gets alerts at once.
    pub async fn add_partner(&self, new: &NewPartner, now: DateTime<Utc>) -> Result<Partner> {
        let row: PartnerRow = with_db!(self, pool => sqlx::query_as(concat!(
            "INSERT INTO partners (name, kind, email, language, place, lat, lng, radius_km, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ", partner_columns!()))
            .bind(&new.name)
            .bind(new.kind.as_str())
            .bind(new.email.as_str())
            .bind(new.language.as_str())
            .bind(&new.place)
            .bind(new.zone.center.lat)
            .bind(new.zone.center.lng)
            .bind(new.zone.radius_km)
            .bind(to_millis(now))
            .fetch_one(pool)
            .await?);
        partner(row)
    }

    /// Every partner still registered, by kind and name.
    pub async fn partners(&self) -> Result<Vec<Partner>> {
        let rows: Vec<PartnerRow> = with_db!(self, pool => sqlx::query_as(concat!(
            "SELECT ", partner_columns!(), " FROM partners WHERE removed_at IS NULL ORDER BY kind, name, id"))
            .fetch_all(pool)
            .await?);
        rows.into_iter().map(partner).collect()
    }

    /// The partners with these ids (those removed included: a queued
    /// message names them).
    pub async fn partners_by_id(&self, ids: &[PartnerId]) -> Result<Vec<Partner>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let rows: Vec<PartnerRow> = with_db!(self, pool => {
            let mut select = sqlx::QueryBuilder::new(concat!(
                "SELECT ", partner_columns!(), " FROM partners WHERE id IN ("));
            let mut list = select.separated(", ");
            for id in ids {
                list.push_bind(id.0);
            }
            list.push_unseparated(")");
            select.build_query_as().fetch_all(pool).await?
        });
        rows.into_iter().map(partner).collect()
    }

    /// Takes a partner off the list: no more alerts.
    pub async fn remove_partner(&self, id: PartnerId, now: DateTime<Utc>) -> Result<bool> {
        let removed = with_db!(self, pool => sqlx::query(
            "UPDATE partners SET removed_at = $2 WHERE id = $1 AND removed_at IS NULL")
            .bind(id.0)
            .bind(to_millis(now))
            .execute(pool)
            .await?
            .rows_affected());
        Ok(removed > 0)
    }

    /// How many the alert of `case` reaches now: confirmed volunteers and
    /// partners of the kinds it goes to.
    pub async fn case_reach(&self, case: &alerta_core::Case) -> Result<usize> {
        let area = case.alert_area();
        let volunteers = self.reached_volunteers(&area).await?.len();
        let partners = self
            .partner_reach(&area, &case.details.alert_partner_kinds)
            .await?;
        Ok(volunteers + partners)
    }

    /// How many partners of `kinds` the alert over `area` reaches.
    pub async fn partner_reach(&self, area: &AlertArea, kinds: &[PartnerKind]) -> Result<usize> {
        if kinds.is_empty() {
            return Ok(0);
        }
        let partners = self.partners().await?;
        Ok(partners
            .iter()
            .filter(|p| p.reached_by(area, kinds))
            .count())
    }
}

impl WriteTx {
    /// Queues the alert of `case` for every registered partner of `kinds`
    /// whose place `area` reaches and that has not had it. Answers how many.
    pub(crate) async fn queue_partner_alerts(
        &mut self,
        case: alerta_core::CaseId,
        area: &AlertArea,
        kinds: &[PartnerKind],
        now: DateTime<Utc>,
    ) -> Result<u64> {
        if kinds.is_empty() {
            return Ok(0);
        }
        let rows: Vec<PartnerRow> = on_tx!(self, db => sqlx::query_as(concat!(
            "SELECT ", partner_columns!(), " FROM partners WHERE removed_at IS NULL ORDER BY id"))
            .fetch_all(&mut *db)
            .await?);
        let mut queued = 0;
        for row in rows {
            let partner = partner(row)?;
            if !partner.reached_by(area, kinds) {
                continue;
            }
            queued += on_tx!(self, db => sqlx::query(
                "INSERT INTO outbox (kind, case_id, partner_id, status, next_attempt_at, created_at)
                 SELECT 'partner_alert', $1, $2, 'queued', $3, $3
                 WHERE NOT EXISTS (SELECT 1 FROM outbox
                                   WHERE kind = 'partner_alert' AND case_id = $1 AND partner_id = $2)")
                .bind(case.0)
                .bind(partner.id.0)
                .bind(to_millis(now))
                .execute(&mut *db)
                .await?
                .rows_affected());
        }
        Ok(queued)
    }
}

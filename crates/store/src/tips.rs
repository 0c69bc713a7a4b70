//! Tips for the police of a case.

use alerta_core::policy::Denied;
use alerta_core::{CaseId, Coordinates, NewTip, Tip, TipKind};
use chrono::{DateTime, FixedOffset, Utc};
use serde_json::json;

use crate::{Result, Store, StoreError, audit, from_millis, to_millis, with_db, write_tx};

#[derive(sqlx::FromRow)]
struct TipRow {
    id: i64,
    kind: String,
    message: String,
    nickname: Option<String>,
    contact: Option<String>,
    seen_place: Option<String>,
    lat: Option<f64>,
    lng: Option<f64>,
    seen_at: Option<i64>,
    seen_offset: Option<i64>,
    received_at: i64,
}

impl TryFrom<TipRow> for Tip {
    type Error = StoreError;

    fn try_from(row: TipRow) -> Result<Tip> {
        let seen_at = match (row.seen_at, row.seen_offset) {
            (Some(at), Some(offset)) => {
                let offset = i32::try_from(offset)
                    .ok()
                    .and_then(FixedOffset::east_opt)
                    .ok_or_else(|| StoreError::Corrupt("tips.seen_offset".into()))?;
                Some(from_millis(at).with_timezone(&offset))
            }
            _ => None,
        };
        let seen_near = match (row.lat, row.lng) {
            (Some(lat), Some(lng)) => Some(Coordinates { lat, lng }),
            _ => None,
        };
        Ok(Tip {
            id: row.id,
            tip: NewTip {
                kind: TipKind::parse(&row.kind)
                    .ok_or_else(|| StoreError::Corrupt(format!("tips.kind {}", row.kind)))?,
                message: row.message,
                nickname: row.nickname,
                contact: row.contact,
                seen_place: row.seen_place,
                seen_near,
                seen_at,
            },
            received_at: from_millis(row.received_at),
        })
    }
}

impl Store {
    /// Keeps a tip for an active case; the case's audit log notes that one
    /// arrived (not what it says: the log is read more widely than tips).
    pub async fn add_tip(&self, case: CaseId, tip: &NewTip, now: DateTime<Utc>) -> Result<i64> {
        Ok(write_tx!(self, tx => {
            let status: Option<String> = sqlx::query_scalar("SELECT status FROM cases WHERE id = $1")
                .bind(case.0).fetch_optional(&mut *tx).await?;
            match status.as_deref() {
                None => return Err(StoreError::NotFound),
                Some("active") => {}
                Some(_) => return Err(Denied::WrongState("tips are taken for active cases only").into()),
            }
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO tips (case_id, kind, message, nickname, contact, seen_place, lat, lng, seen_at, seen_offset, received_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id")
                .bind(case.0)
                .bind(tip.kind.as_str())
                .bind(&tip.message)
                .bind(&tip.nickname)
                .bind(&tip.contact)
                .bind(&tip.seen_place)
                .bind(tip.seen_near.map(|p| p.lat))
                .bind(tip.seen_near.map(|p| p.lng))
                .bind(tip.seen_at.map(|at| to_millis(at.to_utc())))
                .bind(tip.seen_at.map(|at| i64::from(at.offset().local_minus_utc())))
                .bind(to_millis(now))
                .fetch_one(&mut *tx).await?;
            let action = match tip.kind {
                TipKind::Sighting => "tip",
                TipKind::AboutMe => "about_me",
            };
            audit!(tx, case.0, None::<i64>, now, action, json!({ "tip": id }));
            // Mailed to the case's police contact through the outbox, like every message.
            sqlx::query(
                "INSERT INTO outbox (kind, case_id, tip_id, status, next_attempt_at, created_at)
                 VALUES ('tip', $1, $2, 'queued', $3, $3)")
                .bind(case.0)
                .bind(id)
                .bind(to_millis(now))
                .execute(&mut *tx).await?;
            id
        }))
    }

    /// One tip and the address of its case's police contact (None when the
    /// case has none, or the account is gone), for the tip's mail.
    pub async fn tip_for_police(&self, id: i64) -> Result<Option<(Tip, Option<String>)>> {
        let row: Option<TipRow> = with_db!(self, pool => sqlx::query_as(
            "SELECT id, kind, message, nickname, contact, seen_place, lat, lng, seen_at, seen_offset, received_at
             FROM tips WHERE id = $1")
            .bind(id)
            .fetch_optional(pool)
            .await?);
        let Some(row) = row else { return Ok(None) };
        let email: Option<String> = with_db!(self, pool => sqlx::query_scalar(
            "SELECT u.email FROM tips t JOIN cases c ON c.id = t.case_id
             JOIN users u ON u.id = c.police_contact_id WHERE t.id = $1")
            .bind(id)
            .fetch_optional(pool)
            .await?);
        Ok(Some((Tip::try_from(row)?, email)))
    }

    /// A case's tips, newest first.
    pub async fn tips(&self, case: CaseId) -> Result<Vec<Tip>> {
        let rows: Vec<TipRow> = with_db!(self, pool => sqlx::query_as(
            "SELECT id, kind, message, nickname, contact, seen_place, lat, lng, seen_at, seen_offset, received_at
             FROM tips WHERE case_id = $1 ORDER BY id DESC")
            .bind(case.0)
            .fetch_all(pool)
            .await?);
        rows.into_iter().map(Tip::try_from).collect()
    }
}

//! Tips for the police of a case.

use alerta_core::{CaseId, Coordinates, NewTip, Tip, TipKind};
use chrono::{DateTime, FixedOffset, Utc};

use crate::{Backend, Result, Store, StoreError, WriteTx, from_millis, on_tx, to_millis, with_db};

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

/// The digest of sightings queued for a case and not yet claimed by a
/// sender: a new sighting rides on it. (Bound: the case.)
const PENDING_DIGEST: &str = "SELECT o.id FROM outbox o JOIN tips t ON t.id = o.tip_id
     WHERE o.kind = 'tip' AND o.case_id = $1 AND o.status = 'queued' AND o.lease_until IS NULL
       AND t.kind = 'sighting'";

/// When the case's last digest of sightings went out (or is due).
const LAST_DIGEST: &str = "SELECT MAX(COALESCE(o.sent_at, o.next_attempt_at)) FROM outbox o
     JOIN tips t ON t.id = o.tip_id
     WHERE o.kind = 'tip' AND o.case_id = $1 AND t.kind = 'sighting'";

impl WriteTx {
    /// Whether a digest of the case's sightings waits unclaimed, and when
    /// the last one went out (or is due): what [`TipKind::mail`] decides on.
    pub async fn sighting_digest(&mut self, case: CaseId) -> Result<(bool, Option<DateTime<Utc>>)> {
        // On PostgreSQL, a sender claiming the digest right now holds its
        // row: wait, and see it claimed (then start the next digest) rather
        // than ride on a mail composed without this tip.
        let pending_sql = match self.backend() {
            Backend::Postgres => format!("{PENDING_DIGEST} FOR UPDATE OF o"),
            Backend::Sqlite => PENDING_DIGEST.to_string(),
        };
        let (pending, last): (Option<i64>, Option<i64>) = on_tx!(self, db => {
            let pending = sqlx::query_scalar(sqlx::AssertSqlSafe(pending_sql))
                .bind(case.0).fetch_optional(&mut *db).await?;
            let last = sqlx::query_scalar(LAST_DIGEST)
                .bind(case.0).fetch_one(&mut *db).await?;
            (pending, last)
        });
        Ok((pending.is_some(), last.map(from_millis)))
    }

    /// Keeps a tip; answers its id.
    pub async fn insert_tip(
        &mut self,
        case: CaseId,
        tip: &NewTip,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        Ok(on_tx!(self, db => sqlx::query_scalar(
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
            .fetch_one(&mut *db).await?))
    }

    /// Queues the mail to the case's police contact that starts with tip
    /// `first`, due at `due`.
    pub async fn queue_tip_mail(
        &mut self,
        case: CaseId,
        first: i64,
        due: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        on_tx!(self, db => { sqlx::query(
            "INSERT INTO outbox (kind, case_id, tip_id, status, next_attempt_at, created_at)
             VALUES ('tip', $1, $2, 'queued', $3, $4)")
            .bind(case.0)
            .bind(first)
            .bind(to_millis(due))
            .bind(to_millis(now))
            .execute(&mut *db).await?; });
        Ok(())
    }
}

impl Store {
    /// The tips a tip mail carries, oldest first, and the address of the
    /// case's police contact (None when the case has none, or the account
    /// is gone). The mail's row names its first tip: a "this is about me"
    /// goes alone; a sighting brings every later sighting of the case up to
    /// the next mail's first (the digest).
    pub async fn tips_for_police(&self, id: i64) -> Result<Option<(Vec<Tip>, Option<String>)>> {
        let rows: Vec<TipRow> = with_db!(self, pool => sqlx::query_as(
            "SELECT t.id, t.kind, t.message, t.nickname, t.contact, t.seen_place, t.lat, t.lng,
                    t.seen_at, t.seen_offset, t.received_at
             FROM tips first JOIN tips t ON t.case_id = first.case_id
             WHERE first.id = $1
               AND (t.id = first.id
                    OR (first.kind = 'sighting' AND t.kind = 'sighting' AND t.id > first.id
                        AND t.id < COALESCE((SELECT MIN(o.tip_id) FROM outbox o
                                             JOIN tips n ON n.id = o.tip_id AND n.kind = 'sighting'
                                             WHERE o.kind = 'tip' AND o.case_id = first.case_id
                                               AND o.tip_id > first.id), t.id + 1)))
             ORDER BY t.id")
            .bind(id)
            .fetch_all(pool)
            .await?);
        if rows.is_empty() {
            return Ok(None);
        }
        let email: Option<String> = with_db!(self, pool => sqlx::query_scalar(
            "SELECT u.email FROM tips t JOIN cases c ON c.id = t.case_id
             JOIN users u ON u.id = c.police_contact_id WHERE t.id = $1")
            .bind(id)
            .fetch_optional(pool)
            .await?);
        let tips = rows.into_iter().map(Tip::try_from).collect::<Result<_>>()?;
        Ok(Some((tips, email)))
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

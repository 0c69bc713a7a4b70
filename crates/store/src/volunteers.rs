//! Volunteers, their zones and the single-use links mailed to them.

use alerta_core::area::AlertArea;
use alerta_core::enrolment::{
    self, ImportRow, MAX_ZONES_PER_VOLUNTEER, OnImport, OnRequest, VolunteerStatus,
};
use alerta_core::{
    CaseId, Circle, Coordinates, Email, Geography, Language, NewSubscription, PosterDelivery,
    VolunteerId, Zone,
};
use std::collections::HashMap;

use chrono::{DateTime, Utc};

use crate::{Backend, Pool, Result, Store, StoreError, WriteTx, on_tx, to_millis, with_db};

/// The alert areas of the cases volunteers are told about: active and not
/// taken out of public view.
const CIRCULATING_CASE_AREAS: &str =
    "SELECT id, lat, lng, alert_radius_km, alert_route, alert_route_width_km, alert_polygon
     FROM cases WHERE status = 'active' AND hidden_at IS NULL";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenPurpose {
    Confirm,
    /// The RFC 8058 one-click link of a message's `List-Unsubscribe` header.
    Unsubscribe,
    /// A mailed link, asked for by address, that opens a manage session.
    Manage,
    /// The cookie of a manage session: a volunteer changing zones and language.
    ManageSession,
}

impl TokenPurpose {
    fn as_str(self) -> &'static str {
        match self {
            TokenPurpose::Confirm => "confirm",
            TokenPurpose::Unsubscribe => "unsubscribe",
            TokenPurpose::Manage => "manage",
            TokenPurpose::ManageSession => "manage_session",
        }
    }
}

/// What unsubscribing forgets, besides marking the address: its zones, the
/// cases it follows, its queued mail and its open manage links and sessions.
pub(crate) const FORGET_ON_UNSUBSCRIBE: [&str; 4] = [
    "DELETE FROM zones WHERE volunteer_id = $1",
    "DELETE FROM case_followers WHERE volunteer_id = $1",
    "DELETE FROM outbox WHERE volunteer_id = $1 AND status = 'queued'",
    "DELETE FROM volunteer_tokens WHERE volunteer_id = $1 AND purpose IN ('manage', 'manage_session')",
];

/// What an unsubscribe sets aside for its undo (see 0021): an earlier
/// undo of the same address is replaced.
const SET_ASIDE_ON_UNSUBSCRIBE: [&str; 5] = [
    "DELETE FROM unsubscribe_undos WHERE volunteer_id = $1",
    "DELETE FROM withdrawn_zones WHERE volunteer_id = $1",
    "DELETE FROM withdrawn_follows WHERE volunteer_id = $1",
    "INSERT INTO withdrawn_zones (volunteer_id, label, lat, lng, radius_km, created_at, confirmed_at,
         region, x, y, z, cos_r, sin_r, cell)
     SELECT volunteer_id, label, lat, lng, radius_km, created_at, confirmed_at, region, x, y, z, cos_r, sin_r, cell
     FROM zones WHERE volunteer_id = $1 AND confirmed_at IS NOT NULL",
    "INSERT INTO withdrawn_follows (volunteer_id, case_id, created_at, confirmed_at)
     SELECT volunteer_id, case_id, created_at, confirmed_at
     FROM case_followers WHERE volunteer_id = $1 AND confirmed_at IS NOT NULL",
];

/// What an undo puts back, then forgets: zones and follows as they were.
const RESTORE_ON_UNDO: [&str; 5] = [
    "UPDATE volunteers SET status = 'confirmed', unsubscribed_at = NULL WHERE id = $1",
    "INSERT INTO zones (volunteer_id, label, lat, lng, radius_km, created_at, confirmed_at,
         region, x, y, z, cos_r, sin_r, cell)
     SELECT volunteer_id, label, lat, lng, radius_km, created_at, confirmed_at, region, x, y, z, cos_r, sin_r, cell
     FROM withdrawn_zones WHERE volunteer_id = $1",
    "INSERT INTO case_followers (volunteer_id, case_id, created_at, confirmed_at)
     SELECT volunteer_id, case_id, created_at, confirmed_at
     FROM withdrawn_follows WHERE volunteer_id = $1",
    "DELETE FROM withdrawn_zones WHERE volunteer_id = $1",
    "DELETE FROM withdrawn_follows WHERE volunteer_id = $1",
];

/// The token an unsubscribe page holds to undo it (its SHA-256 here), and
/// until when it works.
#[derive(Debug, Clone)]
pub struct UndoGrant {
    pub token_hash: String,
    pub expires_at: DateTime<Utc>,
}

/// What a bulk import batch did.
/// One of a volunteer's zones, as the manage page lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct VolunteerZone {
    pub id: i64,
    /// How it reads in mail ("Cochabamba, BO · 10 km").
    pub label: String,
    pub confirmed: bool,
    /// A circle zone's circle; None for a country or region.
    pub circle: Option<Circle>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportOutcome {
    pub volunteers_created: u64,
    pub zones_added: u64,
    /// Rows for addresses that unsubscribed earlier.
    pub skipped_unsubscribed: u64,
    /// Rows beyond the zone limit of one address.
    pub skipped_zone_limit: u64,
    /// Rows giving a zone the address holds already (an import run again).
    pub skipped_already_held: u64,
}

impl std::ops::AddAssign for ImportOutcome {
    fn add_assign(&mut self, other: ImportOutcome) {
        self.volunteers_created += other.volunteers_created;
        self.zones_added += other.zones_added;
        self.skipped_unsubscribed += other.skipped_unsubscribed;
        self.skipped_zone_limit += other.skipped_zone_limit;
        self.skipped_already_held += other.skipped_already_held;
    }
}

/// Where to send a volunteer's mail, read at send time.
#[derive(Debug, Clone)]
pub struct VolunteerContact {
    pub id: VolunteerId,
    pub email: String,
    pub language: Language,
    pub confirmed: bool,
    /// The country (ISO 3166-1 alpha-2) of their first zone: the paper size
    /// of the poster they receive follows it.
    pub country: Option<String>,
    /// Whether their alerts carry the poster or only a link to it.
    pub poster: PosterDelivery,
}

impl WriteTx {
    /// Stores the hashes of link tokens, (volunteer, token hash), in one
    /// statement.
    pub(crate) async fn add_volunteer_tokens(
        &mut self,
        purpose: TokenPurpose,
        tokens: &[(VolunteerId, String)],
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<()> {
        if tokens.is_empty() {
            return Ok(());
        }
        on_tx!(self, db => {
            let mut insert = sqlx::QueryBuilder::new(
                "INSERT INTO volunteer_tokens (token_hash, volunteer_id, purpose, created_at, expires_at) ",
            );
            insert.push_values(tokens, |mut row, (volunteer, hash)| {
                row.push_bind(hash.clone())
                    .push_bind(volunteer.0)
                    .push_bind(purpose.as_str())
                    .push_bind(to_millis(now))
                    .push_bind(to_millis(expires_at));
            });
            insert.build().execute(&mut *db).await.map(|_| ())?
        });
        Ok(())
    }

    /// The volunteer row for a subscription or follow request from `email`:
    /// a new one waits for confirmation; one that had unsubscribed waits
    /// again; a pending one takes the language (and the poster delivery,
    /// when the request says) asked for now.
    async fn volunteer_for_request(
        &mut self,
        email: &str,
        language: Language,
        poster: Option<PosterDelivery>,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        let poster = poster.map(PosterDelivery::as_str);
        on_tx!(self, db => {
            let existing: Option<(i64, String)> = sqlx::query_as("SELECT id, status FROM volunteers WHERE email = $1")
                .bind(email)
                .fetch_optional(&mut *db)
                .await?;
            let standing = existing.as_ref().map(|(_, status)| stored_status(status)).transpose()?;
            let reopen = "UPDATE volunteers SET status = 'pending', language = $2, unsubscribed_at = NULL,
                poster_delivery = COALESCE($3, poster_delivery) WHERE id = $1";
            let take_language = "UPDATE volunteers SET language = $2,
                poster_delivery = COALESCE($3, poster_delivery) WHERE id = $1";
            Ok(match (existing, enrolment::on_request(standing)) {
                (Some((id, _)), OnRequest::Reopen) => {
                    sqlx::query(reopen).bind(id).bind(language.as_str()).bind(poster).execute(&mut *db).await?;
                    id
                }
                (Some((id, _)), OnRequest::TakeLanguage) => {
                    sqlx::query(take_language).bind(id).bind(language.as_str()).bind(poster).execute(&mut *db).await?;
                    id
                }
                (Some((id, _)), _) => id,
                (None, _) => sqlx::query_scalar::<_, i64>(
                    "INSERT INTO volunteers (email, language, status, created_at, poster_delivery)
                     VALUES ($1, $2, 'pending', $3, COALESCE($4, 'attached')) RETURNING id")
                    .bind(email)
                    .bind(language.as_str())
                    .bind(to_millis(now))
                    .bind(poster)
                    .fetch_one(&mut *db)
                    .await?,
            })
        })
    }

    /// Queues a confirmation mail for volunteer `id`, unless an earlier one
    /// still carries the request: one not sent yet (it will list every zone
    /// waiting), or one sent within `cooldown` whose link is still unused
    /// (its page lists every zone waiting before its button confirms them).
    /// A link already used confirms nothing more, so a zone asked for after
    /// it always gets a mail of its own.
    async fn queue_confirmation(
        &mut self,
        id: i64,
        now: DateTime<Utc>,
        cooldown: chrono::Duration,
    ) -> Result<()> {
        on_tx!(self, db => {
            let carried: i64 = sqlx::query_scalar(
                "SELECT (SELECT COUNT(*) FROM outbox
                          WHERE volunteer_id = $1 AND kind = 'confirm' AND status = 'queued')
                      + (SELECT COUNT(*) FROM outbox
                          WHERE volunteer_id = $1 AND kind = 'confirm' AND created_at > $2
                            AND EXISTS (SELECT 1 FROM volunteer_tokens
                                         WHERE volunteer_id = $1 AND purpose = 'confirm'
                                           AND used_at IS NULL AND expires_at > $3))",
            )
            .bind(id)
            .bind(to_millis(now - cooldown))
            .bind(to_millis(now))
            .fetch_one(&mut *db)
            .await?;
            if carried == 0 {
                sqlx::query(
                    "INSERT INTO outbox (kind, volunteer_id, status, next_attempt_at, created_at)
                     VALUES ('confirm', $1, 'queued', $2, $2)",
                )
                .bind(id)
                .bind(to_millis(now))
                .execute(&mut *db)
                .await?;
            }
        });
        Ok(())
    }

    /// Adds zones, `rows` being (volunteer id, subscription) pairs, with the
    /// columns the zone index finds and decides them by (a region has
    /// none), [`IMPORT_ROWS_PER_STATEMENT`] per statement: one for a
    /// subscription, a few hundred for a bulk import.
    async fn insert_zones(
        &mut self,
        rows: &[(i64, &NewSubscription)],
        created_at: i64,
        confirmed_at: Option<i64>,
    ) -> Result<()> {
        for chunk in rows.chunks(IMPORT_ROWS_PER_STATEMENT) {
            on_tx!(self, db => {
                let mut insert = sqlx::QueryBuilder::new(format!(
                    "INSERT INTO zones (volunteer_id, label, lat, lng, radius_km, region, created_at,
                        confirmed_at, {INDEX_COLUMNS}) "));
                insert.push_values(chunk, |mut row, (id, sub)| {
                    let (lat, lng, radius_km, region) = zone_columns(&sub.zone);
                    row.push_bind(*id)
                        .push_bind(sub.label.clone())
                        .push_bind(lat)
                        .push_bind(lng)
                        .push_bind(radius_km)
                        .push_bind(region)
                        .push_bind(created_at)
                        .push_bind(confirmed_at);
                    let (cell, cap) = index_values(&sub.zone);
                    row.push_bind(cell);
                    for value in cap {
                        row.push_bind(value);
                    }
                });
                insert.build().execute(&mut *db).await?;
            });
        }
        Ok(())
    }

    /// Marks a live token of `purpose` used; its volunteer id, or None.
    async fn use_token(
        &mut self,
        hash: &str,
        purpose: TokenPurpose,
        now: DateTime<Utc>,
    ) -> Result<Option<i64>> {
        Ok(on_tx!(self, db => sqlx::query_scalar(
            "UPDATE volunteer_tokens SET used_at = $3
             WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3
             RETURNING volunteer_id",
        )
        .bind(hash)
        .bind(purpose.as_str())
        .bind(to_millis(now))
        .fetch_optional(&mut *db)
        .await?))
    }

    /// Marks volunteer `id` unsubscribed and forgets what
    /// [`FORGET_ON_UNSUBSCRIBE`] names, first setting its confirmed zones
    /// and followed cases aside under `undo` until it expires.
    async fn unsubscribe_volunteer(
        &mut self,
        id: i64,
        undo: &UndoGrant,
        now: DateTime<Utc>,
    ) -> Result<()> {
        on_tx!(self, db => {
            sqlx::query("UPDATE volunteers SET status = 'unsubscribed', unsubscribed_at = $2 WHERE id = $1")
                .bind(id).bind(to_millis(now)).execute(&mut *db).await?;
            for statement in SET_ASIDE_ON_UNSUBSCRIBE {
                sqlx::query(statement).bind(id).execute(&mut *db).await?;
            }
            sqlx::query("INSERT INTO unsubscribe_undos (token_hash, volunteer_id, expires_at) VALUES ($1, $2, $3)")
                .bind(&undo.token_hash).bind(id).bind(to_millis(undo.expires_at))
                .execute(&mut *db).await?;
            for statement in FORGET_ON_UNSUBSCRIBE {
                sqlx::query(statement).bind(id).execute(&mut *db).await?;
            }
        });
        Ok(())
    }
}

impl Store {
    /// Records a subscription request and, unless one went out within
    /// `confirm_cooldown`, queues a confirmation mail. The zone counts only
    /// once its owner confirms it, so nobody can add zones to another's address.
    pub async fn subscribe(
        &self,
        sub: &NewSubscription,
        now: DateTime<Utc>,
        confirm_cooldown: chrono::Duration,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let id = tx
            .volunteer_for_request(sub.email.as_str(), sub.language, sub.poster, now)
            .await?;
        let zones: i64 = on_tx!(tx, db => sqlx::query_scalar("SELECT COUNT(*) FROM zones WHERE volunteer_id = $1")
            .bind(id).fetch_one(&mut *db).await?);
        if (zones as usize) < MAX_ZONES_PER_VOLUNTEER {
            tx.insert_zones(&[(id, sub)], to_millis(now), None).await?;
        }
        tx.queue_confirmation(id, now, confirm_cooldown).await?;
        tx.commit().await
    }

    /// Records a request to follow `case` by mail and, unless one went out
    /// within `confirm_cooldown`, queues a confirmation: like a zone, a
    /// followed case counts only once the address's owner confirms it.
    pub async fn follow_case(
        &self,
        email: &Email,
        language: Language,
        case: CaseId,
        now: DateTime<Utc>,
        confirm_cooldown: chrono::Duration,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let id = tx
            .volunteer_for_request(email.as_str(), language, None, now)
            .await?;
        on_tx!(tx, db => { sqlx::query(
            "INSERT INTO case_followers (case_id, volunteer_id, created_at) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING")
            .bind(case.0)
            .bind(id)
            .bind(to_millis(now))
            .execute(&mut *db)
            .await?; });
        tx.queue_confirmation(id, now, confirm_cooldown).await?;
        tx.commit().await
    }

    /// The cases a volunteer's confirmation would start following, as
    /// (case id, name), for the confirmation mail.
    pub async fn follows_to_confirm(&self, id: VolunteerId) -> Result<Vec<(i64, String)>> {
        Ok(with_db!(self, pool => sqlx::query_as(
            "SELECT c.id, c.given_name || ' ' || c.family_name FROM case_followers f
             JOIN cases c ON c.id = f.case_id
             WHERE f.volunteer_id = $1 AND f.confirmed_at IS NULL ORDER BY c.id")
            .bind(id.0)
            .fetch_all(pool)
            .await?))
    }

    /// Imports subscriptions in one transaction (a batch of a bulk import).
    /// With `confirmed` (an administrator attests earlier consent) addresses
    /// and zones are live at once; without it each new address gets one
    /// confirmation mail. An address that unsubscribed is never added back.
    /// Rows go in by the hundred per statement (a bulk import of millions
    /// would otherwise spend its time on round trips); the result is the
    /// same as adding them one by one, in order.
    pub async fn import_subscriptions(
        &self,
        batch: &[NewSubscription],
        confirmed: bool,
        now: DateTime<Utc>,
    ) -> Result<ImportOutcome> {
        let mut outcome = ImportOutcome::default();
        let at = to_millis(now);
        let confirmed_at = confirmed.then_some(at);
        // Each address once, with the language of its first row.
        let mut first_rows: Vec<&NewSubscription> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for sub in batch {
            if seen.insert(sub.email.as_str()) {
                first_rows.push(sub);
            }
        }
        let mut tx = self.begin_write().await?;
        let mut zones = on_tx!(tx, db => {
            // Who is known already: id and status by address.
            let mut known: HashMap<String, (i64, VolunteerStatus)> = HashMap::new();
            for chunk in first_rows.chunks(IMPORT_ROWS_PER_STATEMENT) {
                let mut select = sqlx::QueryBuilder::new("SELECT id, email, status FROM volunteers WHERE email IN (");
                let mut list = select.separated(", ");
                for sub in chunk {
                    list.push_bind(sub.email.as_str());
                }
                list.push_unseparated(")");
                for (id, email, status) in select.build_query_as::<(i64, String, String)>().fetch_all(&mut *db).await? {
                    known.insert(email, (id, stored_status(&status)?));
                }
            }
            // Only addresses known before this batch can hold zones already.
            let existing: Vec<i64> = known.values().map(|(id, _)| *id).collect();
            let mut to_confirm = Vec::new();
            for (id, status) in known.values() {
                if enrolment::on_import(Some(*status), confirmed) == OnImport::Confirm {
                    to_confirm.push(*id);
                }
            }
            if !to_confirm.is_empty() {
                for chunk in to_confirm.chunks(IMPORT_ROWS_PER_STATEMENT) {
                    let mut update = sqlx::QueryBuilder::new("UPDATE volunteers SET status = 'confirmed', confirmed_at = ");
                    update.push_bind(at).push(" WHERE id IN (");
                    let mut list = update.separated(", ");
                    for id in chunk {
                        list.push_bind(*id);
                    }
                    list.push_unseparated(")");
                    update.build().execute(&mut *db).await?;
                }
            }
            // New addresses, and their confirmation mail unless vouched for.
            let unknown: Vec<&NewSubscription> = first_rows
                .iter()
                .filter(|sub| !known.contains_key(sub.email.as_str()))
                .copied()
                .collect();
            let OnImport::Create { status, mail_confirmation } = enrolment::on_import(None, confirmed) else {
                unreachable!("an unknown address is created");
            };
            for chunk in unknown.chunks(IMPORT_ROWS_PER_STATEMENT) {
                let mut insert = sqlx::QueryBuilder::new(
                    "INSERT INTO volunteers (email, language, status, created_at, confirmed_at) ");
                insert.push_values(chunk, |mut row, sub| {
                    row.push_bind(sub.email.as_str())
                        .push_bind(sub.language.as_str())
                        .push_bind(status.as_str())
                        .push_bind(at)
                        .push_bind(confirmed_at);
                });
                insert.push(" RETURNING id, email");
                let created: Vec<(i64, String)> = insert.build_query_as().fetch_all(&mut *db).await?;
                outcome.volunteers_created += created.len() as u64;
                if mail_confirmation {
                    let mut mail = sqlx::QueryBuilder::new(
                        "INSERT INTO outbox (kind, volunteer_id, status, next_attempt_at, created_at) ");
                    mail.push_values(&created, |mut row, (id, _)| {
                        row.push("'confirm'").push_bind(*id).push("'queued'").push_bind(at).push_bind(at);
                    });
                    mail.build().execute(&mut *db).await?;
                }
                for (id, email) in created {
                    known.insert(email, (id, status));
                }
            }
            // The zones each already holds, then the rows in order. A zone
            // held already is not added again, so an import cut short can
            // simply be run again; one waiting for confirmation does not
            // count when this import confirms.
            let mut held: HashMap<i64, Vec<(ZoneColumns, bool)>> = HashMap::new();
            for chunk in existing.chunks(IMPORT_ROWS_PER_STATEMENT) {
                let mut select = sqlx::QueryBuilder::new(
                    "SELECT volunteer_id, lat, lng, radius_km, region, confirmed_at IS NOT NULL
                     FROM zones WHERE volunteer_id IN (");
                let mut list = select.separated(", ");
                for id in chunk {
                    list.push_bind(*id);
                }
                list.push_unseparated(")");
                let rows: Vec<(i64, f64, f64, f64, Option<String>, bool)> =
                    select.build_query_as().fetch_all(&mut *db).await?;
                for (id, lat, lng, radius_km, region, zone_confirmed) in rows {
                    held.entry(id).or_default().push(((lat, lng, radius_km, region), zone_confirmed));
                }
            }
            let mut zones: Vec<(i64, &NewSubscription)> = Vec::with_capacity(batch.len());
            for sub in batch {
                let (id, status) = known[sub.email.as_str()];
                let holds = held.entry(id).or_default();
                let zone = zone_columns(&sub.zone);
                let same_zone = holds.iter().filter(|(z, _)| *z == zone).map(|(_, live)| *live);
                match enrolment::import_row(status, same_zone, holds.len(), confirmed) {
                    ImportRow::SkipUnsubscribed => outcome.skipped_unsubscribed += 1,
                    ImportRow::SkipHeld => outcome.skipped_already_held += 1,
                    ImportRow::SkipZoneLimit => outcome.skipped_zone_limit += 1,
                    ImportRow::AddZone => {
                        holds.push((zone, confirmed));
                        zones.push((id, sub));
                    }
                }
            }
            zones
        });
        in_spatial_order(&mut zones);
        tx.insert_zones(&zones, at, confirmed_at).await?;
        outcome.zones_added += zones.len() as u64;
        tx.commit().await?;
        Ok(outcome)
    }

    /// Ends a bulk import. On PostgreSQL, vacuums and analyzes the tables it
    /// filled: until a vacuum marks the new rows visible to everyone, a zone
    /// search reads each candidate's row besides the index (at 1 M zones,
    /// 3.7 ms instead of 1 ms for the median alert), and the planner's
    /// figures would still describe the table before the import. Autovacuum
    /// gets there too, later. SQLite needs nothing.
    pub async fn finish_import(&self) -> Result<()> {
        if let Pool::Postgres(pool) = &self.pool {
            sqlx::query("VACUUM (ANALYZE) volunteers, zones")
                .execute(pool)
                .await?;
        }
        Ok(())
    }

    /// Subscriptions a bulk import should pass to [`Store::import_subscriptions`]
    /// at a time, each batch one transaction, measured per database. SQLite
    /// rewrites every page of the zone index a transaction touched, so larger
    /// batches touch each page for more rows: 3 M took 120 s in batches of
    /// 10 000 and 69 s in batches of 50 000; 10 M took 299 s in batches of
    /// 50 000 and 275 s in batches of 100 000, each holding the write lock
    /// for 2 to 3 seconds (the server's writers wait for it). PostgreSQL went
    /// the other way: 1 M took 21 s in batches of 10 000, 30 s in 50 000.
    pub fn import_batch_rows(&self) -> usize {
        match self.backend() {
            Backend::Sqlite => 100_000,
            Backend::Postgres => 10_000,
        }
    }

    /// For each of `ids`, the active cases whose alert area reaches one of
    /// the volunteer's confirmed zones, newest first: the digest a new
    /// volunteer receives. The circulating cases are read once for all.
    pub async fn active_cases_for_volunteers(
        &self,
        ids: &[VolunteerId],
    ) -> Result<HashMap<VolunteerId, Vec<CaseId>>> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        // (volunteer, lat, lng, radius_km, region)
        type VolunteerZoneRow = (i64, f64, f64, f64, Option<String>);
        let (zones, areas): (Vec<VolunteerZoneRow>, Vec<CaseAreaRow>) = with_db!(self, pool => {
            let mut select = sqlx::QueryBuilder::new(
                "SELECT volunteer_id, lat, lng, radius_km, region FROM zones
                 WHERE confirmed_at IS NOT NULL AND volunteer_id IN (");
            let mut list = select.separated(", ");
            for id in ids {
                list.push_bind(id.0);
            }
            list.push_unseparated(")");
            let zones = select.build_query_as().fetch_all(pool).await?;
            let areas = sqlx::query_as(CIRCULATING_CASE_AREAS).fetch_all(pool).await?;
            (zones, areas)
        });
        let areas = circulating_areas(&areas)?;
        let mut zones_of: HashMap<VolunteerId, Vec<ZoneRow>> = HashMap::new();
        for (volunteer, lat, lng, radius_km, region) in zones {
            zones_of
                .entry(VolunteerId(volunteer))
                .or_default()
                .push((lat, lng, radius_km, region));
        }
        Ok(ids
            .iter()
            .map(|id| {
                let zones = zones_of.get(id).map_or(&[][..], Vec::as_slice);
                let mut cases = cases_reaching(zones, &areas, self.geography);
                cases.sort_unstable_by(|a, b| b.cmp(a));
                (*id, cases.into_iter().map(CaseId).collect())
            })
            .collect())
    }

    /// Stores the hash of a link token minted for a volunteer's mail.
    pub async fn add_volunteer_token(
        &self,
        volunteer: VolunteerId,
        purpose: TokenPurpose,
        token_hash: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<()> {
        let tokens = [(volunteer, token_hash.to_string())];
        let mut tx = self.begin_write().await?;
        tx.add_volunteer_tokens(purpose, &tokens, now, expires_at)
            .await?;
        tx.commit().await
    }

    /// The volunteer a live, unused token of `purpose` belongs to.
    pub async fn volunteer_for_token(
        &self,
        token_hash: &str,
        purpose: TokenPurpose,
        now: DateTime<Utc>,
    ) -> Result<Option<VolunteerId>> {
        let id: Option<i64> = with_db!(self, pool => sqlx::query_scalar(
            "SELECT volunteer_id FROM volunteer_tokens
             WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3")
            .bind(token_hash)
            .bind(purpose.as_str())
            .bind(to_millis(now))
            .fetch_optional(pool)
            .await?);
        Ok(id.map(VolunteerId))
    }

    /// Uses a confirmation token: the volunteer and every zone waiting for
    /// confirmation become live. None when the token is unknown, used or expired.
    pub async fn confirm_volunteer(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<VolunteerId>> {
        let mut tx = self.begin_write().await?;
        let Some(id) = tx.use_token(token_hash, TokenPurpose::Confirm, now).await? else {
            return Ok(None);
        };
        on_tx!(tx, db => {
            // Confirming again is how a suppressed address comes back.
            sqlx::query("UPDATE volunteers SET status = 'confirmed', confirmed_at = COALESCE(confirmed_at, $2),
                             suppressed_at = NULL, suppressed_why = NULL WHERE id = $1")
                .bind(id).bind(to_millis(now)).execute(&mut *db).await?;
            sqlx::query("UPDATE zones SET confirmed_at = $2 WHERE volunteer_id = $1 AND confirmed_at IS NULL")
                .bind(id).bind(to_millis(now)).execute(&mut *db).await?;
            sqlx::query("UPDATE case_followers SET confirmed_at = $2 WHERE volunteer_id = $1 AND confirmed_at IS NULL")
                .bind(id).bind(to_millis(now)).execute(&mut *db).await?;
            // Cases published before they joined reach them as one digest.
            let zones: Vec<ZoneRow> = sqlx::query_as("SELECT lat, lng, radius_km, region FROM zones WHERE volunteer_id = $1")
                .bind(id).fetch_all(&mut *db).await?;
            let areas: Vec<CaseAreaRow> = sqlx::query_as(
                CIRCULATING_CASE_AREAS)
                .fetch_all(&mut *db).await?;
            let areas = circulating_areas(&areas)?;
            if !cases_reaching(&zones, &areas, self.geography).is_empty() {
                sqlx::query(
                    "INSERT INTO outbox (kind, volunteer_id, status, next_attempt_at, created_at)
                     VALUES ('digest', $1, 'queued', $2, $2)")
                    .bind(id).bind(to_millis(now)).execute(&mut *db).await?;
            }
        });
        tx.commit().await?;
        Ok(Some(VolunteerId(id)))
    }

    /// Uses an unsubscribe token: no more mail of any kind, zones and followed cases forgotten,
    /// queued mail withdrawn. None when the token is unknown, used or expired.
    pub async fn unsubscribe(
        &self,
        token_hash: &str,
        undo: &UndoGrant,
        now: DateTime<Utc>,
    ) -> Result<Option<VolunteerId>> {
        let mut tx = self.begin_write().await?;
        let Some(id) = tx
            .use_token(token_hash, TokenPurpose::Unsubscribe, now)
            .await?
        else {
            return Ok(None);
        };
        tx.unsubscribe_volunteer(id, undo, now).await?;
        tx.commit().await?;
        Ok(Some(VolunteerId(id)))
    }

    /// Unsubscribes a volunteer from their manage session, as [`Store::unsubscribe`] does.
    pub async fn unsubscribe_volunteer(
        &self,
        id: VolunteerId,
        undo: &UndoGrant,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        tx.unsubscribe_volunteer(id.0, undo, now).await?;
        tx.commit().await
    }

    /// Undoes an unsubscribe within its hour: the volunteer is confirmed
    /// again with the zones and followed cases set aside, as they were.
    /// None when the token is unknown, used or expired, or the address
    /// subscribed again meanwhile (that subscription stands).
    pub async fn undo_unsubscribe(
        &self,
        undo_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<VolunteerId>> {
        let mut tx = self.begin_write().await?;
        let restored = on_tx!(tx, db => {
            let id: Option<i64> = sqlx::query_scalar(
                "DELETE FROM unsubscribe_undos WHERE token_hash = $1 AND expires_at > $2 RETURNING volunteer_id")
                .bind(undo_hash).bind(to_millis(now)).fetch_optional(&mut *db).await?;
            let Some(id) = id else { return Ok(None) };
            let status: Option<String> = sqlx::query_scalar("SELECT status FROM volunteers WHERE id = $1")
                .bind(id).fetch_optional(&mut *db).await?;
            if status.as_deref() != Some("unsubscribed") {
                return Ok(None);
            }
            for statement in RESTORE_ON_UNDO {
                sqlx::query(statement).bind(id).execute(&mut *db).await?;
            }
            Some(VolunteerId(id))
        });
        tx.commit().await?;
        Ok(restored)
    }

    /// Queues a mail with a fresh manage link to the volunteer registered
    /// under `email`, if one is (and has not unsubscribed) and no such mail
    /// was queued within `cooldown`. Answers whether a mail was queued; the
    /// caller tells the asker the same thing either way.
    pub async fn request_manage_link(
        &self,
        email: &Email,
        now: DateTime<Utc>,
        cooldown: chrono::Duration,
    ) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let out = on_tx!(tx, db => {
            let id: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM volunteers WHERE email = $1 AND status <> 'unsubscribed'")
                .bind(email.as_str())
                .fetch_optional(&mut *db)
                .await?;
            let Some(id) = id else { return Ok(false) };
            let recent: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM outbox WHERE volunteer_id = $1 AND kind = 'manage' AND created_at > $2")
                .bind(id)
                .bind(to_millis(now - cooldown))
                .fetch_one(&mut *db)
                .await?;
            if recent > 0 {
                return Ok(false);
            }
            sqlx::query(
                "INSERT INTO outbox (kind, volunteer_id, status, next_attempt_at, created_at)
                 VALUES ('manage', $1, 'queued', $2, $2)")
                .bind(id)
                .bind(to_millis(now))
                .execute(&mut *db)
                .await?;
            true
        });
        tx.commit().await?;
        Ok(out)
    }

    /// Uses a mailed manage link (single use) and opens a manage session
    /// with the token whose hash is `session_hash`. None when the link is
    /// unknown, used or expired, or its volunteer has unsubscribed since.
    pub async fn open_manage_session(
        &self,
        link_hash: &str,
        session_hash: &str,
        now: DateTime<Utc>,
        session_expires_at: DateTime<Utc>,
    ) -> Result<Option<VolunteerId>> {
        let mut tx = self.begin_write().await?;
        let Some(id) = tx.use_token(link_hash, TokenPurpose::Manage, now).await? else {
            return Ok(None);
        };
        on_tx!(tx, db => { sqlx::query(
                "INSERT INTO volunteer_tokens (token_hash, volunteer_id, purpose, created_at, expires_at)
                 VALUES ($1, $2, $3, $4, $5)")
                .bind(session_hash)
                .bind(id)
                .bind(TokenPurpose::ManageSession.as_str())
                .bind(to_millis(now))
                .bind(to_millis(session_expires_at))
                .execute(&mut *db)
                .await?; });
        tx.commit().await?;
        Ok(Some(VolunteerId(id)))
    }

    /// Ends a manage session (the volunteer signed out of it).
    pub async fn close_manage_session(&self, session_hash: &str) -> Result<()> {
        let mut tx = self.begin_write().await?;
        on_tx!(tx, db => { sqlx::query(
            "DELETE FROM volunteer_tokens WHERE token_hash = $1 AND purpose = 'manage_session'")
            .bind(session_hash)
            .execute(&mut *db)
            .await
            .map(|_| ())?; });
        tx.commit().await?;
        Ok(())
    }

    pub async fn volunteer_contact(&self, id: VolunteerId) -> Result<Option<VolunteerContact>> {
        Ok(self.volunteer_contacts(&[id]).await?.remove(&id))
    }

    /// Where to send each of `ids`' mail, in one query: a round of messages
    /// reads its recipients together. Volunteers that no longer exist are
    /// missing from the answer.
    pub async fn volunteer_contacts(
        &self,
        ids: &[VolunteerId],
    ) -> Result<HashMap<VolunteerId, VolunteerContact>> {
        type ContactRow = (
            i64,
            String,
            String,
            String,
            String,
            Option<f64>,
            Option<f64>,
            Option<f64>,
            Option<String>,
        );
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        // The first zone (lowest id) decides the country, hence the paper.
        let rows: Vec<ContactRow> = with_db!(self, pool => {
            let mut select = sqlx::QueryBuilder::new(
                "SELECT v.id, v.email, v.language, v.status, v.poster_delivery, z.lat, z.lng, z.radius_km, z.region
                 FROM (SELECT id, email, language, status, poster_delivery,
                              (SELECT MIN(f.id) FROM zones f WHERE f.volunteer_id = volunteers.id) AS first_zone
                       FROM volunteers WHERE id IN (",
            );
            let mut list = select.separated(", ");
            for id in ids {
                list.push_bind(id.0);
            }
            list.push_unseparated(")) v LEFT JOIN zones z ON z.id = v.first_zone");
            select.build_query_as().fetch_all(pool).await?
        });
        rows.into_iter()
            .map(
                |(id, email, language, status, poster, lat, lng, radius_km, region)| {
                    let first_zone = lat.map(|lat| {
                        zone_of(&(lat, lng.unwrap_or(0.0), radius_km.unwrap_or(0.0), region))
                    });
                    let contact = VolunteerContact {
                        id: VolunteerId(id),
                        email,
                        language: Language::parse("language", &language)
                            .map_err(|e| StoreError::Corrupt(e.message))?,
                        confirmed: status == "confirmed",
                        poster: PosterDelivery::parse("poster_delivery", &poster)
                            .map_err(|e| StoreError::Corrupt(e.message))?,
                        country: first_zone
                            .as_ref()
                            .and_then(|zone| country_of(zone, self.geography)),
                    };
                    Ok((contact.id, contact))
                },
            )
            .collect()
    }

    /// The labels of the zones a confirmation would make live (all zones when
    /// none is waiting), newest first.
    pub async fn zone_labels_to_confirm(&self, id: VolunteerId) -> Result<Vec<String>> {
        Ok(with_db!(self, pool => sqlx::query_scalar(
            "SELECT label FROM zones WHERE volunteer_id = $1
               AND (confirmed_at IS NULL
                    OR NOT EXISTS (SELECT 1 FROM zones w WHERE w.volunteer_id = $1 AND w.confirmed_at IS NULL))
             ORDER BY id DESC LIMIT 20")
            .bind(id.0)
            .fetch_all(pool)
            .await?))
    }

    /// A volunteer's zones, oldest first.
    pub async fn volunteer_zones(&self, id: VolunteerId) -> Result<Vec<VolunteerZone>> {
        type Row = (
            i64,
            String,
            Option<i64>,
            Option<f64>,
            Option<f64>,
            Option<f64>,
            Option<String>,
        );
        let rows: Vec<Row> = with_db!(self, pool => sqlx::query_as(
            "SELECT id, label, confirmed_at, lat, lng, radius_km, region FROM zones
             WHERE volunteer_id = $1 ORDER BY id")
            .bind(id.0)
            .fetch_all(pool)
            .await?);
        Ok(rows
            .into_iter()
            .map(
                |(id, label, confirmed, lat, lng, radius_km, region)| VolunteerZone {
                    id,
                    label,
                    confirmed: confirmed.is_some(),
                    circle: match (region, lat, lng, radius_km) {
                        (None, Some(lat), Some(lng), Some(radius_km)) => Some(Circle {
                            center: alerta_core::Coordinates { lat, lng },
                            radius_km,
                        }),
                        _ => None,
                    },
                },
            )
            .collect())
    }

    /// Forgets one of a volunteer's zones; false when it is not theirs.
    pub async fn remove_zone(&self, id: VolunteerId, zone: i64) -> Result<bool> {
        Ok({
            let mut tx = self.begin_write().await?;
            let out = on_tx!(tx, db => sqlx::query("DELETE FROM zones WHERE id = $1 AND volunteer_id = $2")
            .bind(zone)
            .bind(id.0)
            .execute(&mut *db)
            .await?
            .rows_affected() == 1);
            tx.commit().await?;
            out
        })
    }

    /// How every later alert brings a volunteer the poster.
    pub async fn set_poster_delivery(&self, id: VolunteerId, poster: PosterDelivery) -> Result<()> {
        let mut tx = self.begin_write().await?;
        on_tx!(tx, db => { sqlx::query("UPDATE volunteers SET poster_delivery = $2 WHERE id = $1")
            .bind(id.0)
            .bind(poster.as_str())
            .execute(&mut *db)
            .await
            .map(|_| ())?; });
        tx.commit().await?;
        Ok(())
    }

    /// The language of every later message to a volunteer.
    pub async fn set_volunteer_language(&self, id: VolunteerId, language: Language) -> Result<()> {
        let mut tx = self.begin_write().await?;
        on_tx!(tx, db => { sqlx::query("UPDATE volunteers SET language = $2 WHERE id = $1")
            .bind(id.0)
            .bind(language.as_str())
            .execute(&mut *db)
            .await
            .map(|_| ())?; });
        tx.commit().await?;
        Ok(())
    }

    /// The labels of a volunteer's zones waiting for confirmation, newest first.
    pub async fn pending_zone_labels(&self, id: VolunteerId) -> Result<Vec<String>> {
        Ok(with_db!(self, pool => sqlx::query_scalar(
            "SELECT label FROM zones WHERE volunteer_id = $1 AND confirmed_at IS NULL ORDER BY id DESC LIMIT 20")
            .bind(id.0)
            .fetch_all(pool)
            .await?))
    }

    /// The volunteer registered under an address, for support requests.
    pub async fn volunteer_by_email(&self, email: &str) -> Result<Option<VolunteerId>> {
        let id: Option<i64> = with_db!(self, pool => sqlx::query_scalar("SELECT id FROM volunteers WHERE email = $1")
            .bind(email.trim().to_lowercase())
            .fetch_optional(pool)
            .await?);
        Ok(id.map(VolunteerId))
    }

    /// (status, zones, of which confirmed) for a volunteer: for tests and support.
    pub async fn volunteer_state(&self, email: &str) -> Result<Option<(String, i64, i64)>> {
        Ok(with_db!(self, pool => sqlx::query_as(
            "SELECT v.status,
                    (SELECT COUNT(*) FROM zones z WHERE z.volunteer_id = v.id),
                    (SELECT COUNT(*) FROM zones z WHERE z.volunteer_id = v.id AND z.confirmed_at IS NOT NULL)
             FROM volunteers v WHERE v.email = $1")
            .bind(email.to_lowercase())
            .fetch_optional(pool)
            .await?))
    }
}

/// A zone as (lat, lng, radius_km).
type ZoneRow = (f64, f64, f64, Option<String>);
/// An active case's alert area as (id, lat, lng, alert_radius_km,
/// alert_route, alert_route_width_km, alert_polygon).
type CaseAreaRow = (
    i64,
    f64,
    f64,
    f64,
    Option<String>,
    Option<f64>,
    Option<String>,
);

/// An active case's alert area, read once for every volunteer it is
/// matched against; the regions it touches are worked out at most once,
/// when the first volunteer with a country or region zone asks.
struct CirculatingArea {
    id: i64,
    area: AlertArea,
    regions: std::cell::OnceCell<Vec<String>>,
}

/// The alert areas [`CaseAreaRow`]s describe.
fn circulating_areas(rows: &[CaseAreaRow]) -> Result<Vec<CirculatingArea>> {
    rows.iter()
        .map(
            |(id, lat, lng, radius_km, route, route_width_km, polygon)| {
                let (corridor, polygon) = crate::cases::area_parts(
                    route.as_deref(),
                    *route_width_km,
                    polygon.as_deref(),
                )?;
                let circle = Circle {
                    center: Coordinates {
                        lat: *lat,
                        lng: *lng,
                    },
                    radius_km: *radius_km,
                };
                Ok(CirculatingArea {
                    id: *id,
                    area: AlertArea {
                        circle,
                        corridor,
                        polygon,
                    },
                    regions: std::cell::OnceCell::new(),
                })
            },
        )
        .collect()
}

fn zone_of(row: &ZoneRow) -> Zone {
    let (lat, lng, radius_km, region) = row;
    match region {
        Some(code) => Zone::Region(code.clone()),
        None => Zone::Circle(Circle {
            center: Coordinates {
                lat: *lat,
                lng: *lng,
            },
            radius_km: *radius_km,
        }),
    }
}

/// The country a zone lies in: a region's own (the "BO" of "BO" or "US" of
/// "US-TX"), or the one at a circle's centre.
fn country_of(zone: &Zone, geography: &dyn Geography) -> Option<String> {
    match zone {
        Zone::Region(code) => code.get(..2).map(str::to_string),
        Zone::Circle(circle) => geography.country_at(circle.center),
    }
}

/// A zone as its row stores it: (lat, lng, radius_km, region); a region's
/// circle columns are 0 and unused.
type ZoneColumns = (f64, f64, f64, Option<String>);

fn zone_columns(zone: &Zone) -> ZoneColumns {
    match zone {
        Zone::Circle(c) => (c.center.lat, c.center.lng, c.radius_km, None),
        Zone::Region(code) => (0.0, 0.0, 0.0, Some(code.clone())),
    }
}

/// Orders a batch's new zones by the zone index's key (its grid cell:
/// neighbours of one size together), so each lands in the index pages its
/// predecessor just wrote (a 3 M import into SQLite took 92 s instead of
/// 106 s when written in spatial order; the batch size,
/// [`Store::import_batch_rows`], matters more). A volunteer's zones stay
/// together and in their order, placed by the first: the first zone sets
/// the volunteer's paper size.
fn in_spatial_order(zones: &mut [(i64, &NewSubscription)]) {
    let mut place_of: HashMap<i64, i64> = HashMap::new();
    for (id, sub) in zones.iter() {
        place_of.entry(*id).or_insert_with(|| index_key(&sub.zone));
    }
    // A stable sort: equal places keep the file's order.
    zones.sort_by_key(|(id, _)| place_of[id]);
}

/// Where the zone index files a zone; regions, which it does not hold, last.
fn index_key(zone: &Zone) -> i64 {
    match zone {
        Zone::Circle(circle) => alerta_core::grid::cell_of(circle),
        Zone::Region(_) => i64::MAX,
    }
}

/// Rows per statement in a bulk import: 500 zones of 14 values stay far
/// below both databases' limits on bound parameters.
const IMPORT_ROWS_PER_STATEMENT: usize = 500;

/// The zone index's columns, in the order of [`INDEX_COLUMNS`]: the grid
/// cell it is filed under and the cap it is decided by; none for a region.
pub(crate) fn index_values(zone: &Zone) -> (Option<i64>, [Option<f64>; 5]) {
    match zone {
        Zone::Circle(circle) => circle_index_values(circle),
        Zone::Region(_) => (None, [None; 5]),
    }
}

pub(crate) fn circle_index_values(circle: &Circle) -> (Option<i64>, [Option<f64>; 5]) {
    let c = circle.cap();
    (
        Some(alerta_core::grid::cell_of(circle)),
        [c.x, c.y, c.z, c.cos_r, c.sin_r].map(Some),
    )
}

/// The zone index's columns of `zones`.
pub(crate) const INDEX_COLUMNS: &str = "cell, x, y, z, cos_r, sin_r";

/// A volunteer's stored standing.
fn stored_status(status: &str) -> Result<VolunteerStatus> {
    VolunteerStatus::parse(status)
        .ok_or_else(|| StoreError::Corrupt(format!("volunteer status {status:?}")))
}

/// Ids of the cases whose alert area reaches one of the zones. Active
/// cases are few (hundreds), so a scan is fine.
fn cases_reaching(
    zones: &[ZoneRow],
    cases: &[CirculatingArea],
    geography: &dyn Geography,
) -> Vec<i64> {
    let zones: Vec<Zone> = zones.iter().map(zone_of).collect();
    let any_region = zones.iter().any(|z| matches!(z, Zone::Region(_)));
    cases
        .iter()
        .filter(|case| {
            let touched: &[String] = if any_region {
                case.regions
                    .get_or_init(|| case.area.regions_touched(geography))
            } else {
                &[]
            };
            zones.iter().any(|z| z.reached_by(&case.area, touched))
        })
        .map(|case| case.id)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use alerta_core::{SubscriptionInput, ZoneInput};

    fn circle(lat: f64, lng: f64) -> NewSubscription {
        let input = SubscriptionInput {
            email: Some("v@example.org".into()),
            language: None,
            zone: Some(ZoneInput {
                lat: Some(lat),
                lng: Some(lng),
                radius_km: Some(10.0),
                ..Default::default()
            }),
            poster: None,
        };
        NewSubscription::parse(&input, &alerta_places::WORLD).unwrap()
    }

    #[test]
    fn a_batch_is_written_neighbours_together_each_volunteers_zones_in_their_order() {
        let (lima, new_york) = (circle(-12.05, -77.04), circle(40.71, -74.01));
        let (la_paz, callao, boston) = (
            circle(-16.50, -68.15),
            circle(-12.06, -77.12),
            circle(42.36, -71.06),
        );
        // Volunteer 1 holds Lima then New York; 2, 3 and 4 one zone each.
        let mut zones = vec![
            (1, &lima),
            (2, &boston),
            (3, &la_paz),
            (1, &new_york),
            (4, &callao),
        ];
        in_spatial_order(&mut zones);
        let order: Vec<(i64, f64)> = zones
            .iter()
            .map(|(id, sub)| (*id, zone_columns(&sub.zone).0))
            .collect();
        // Volunteer 1's zones together, Lima first (it sets their paper),
        // beside Callao; Boston, far north, after them all.
        let at = |zone: (i64, f64)| order.iter().position(|z| *z == zone).unwrap();
        let (lima_at, callao_at) = (at((1, -12.05)), at((4, -12.06)));
        assert_eq!(at((1, 40.71)), lima_at + 1, "{order:?}");
        assert!(
            callao_at + 1 == lima_at || callao_at == lima_at + 2,
            "{order:?}"
        );
        assert_eq!(order.last(), Some(&(2, 42.36)), "{order:?}");
    }
}

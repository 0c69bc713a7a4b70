//! Cases, their photos and their audit log.

use alerta_core::area::{AlertArea, Corridor, Polygon};
use alerta_core::grid::CellRange;
use alerta_core::policy::Actor;
use alerta_core::transition::Wider;
use alerta_core::{
    Case, CaseDetails, CaseId, CaseStatus, Circle, Coordinates, Geography, Jurisdiction, Language,
    OrganisationId, Outcome, Sex, UserId,
};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde_json::{Value, json};

use std::sync::LazyLock;

use crate::{Backend, Result, Store, StoreError, WriteTx, from_millis, on_tx, to_millis, with_db};

/// The columns every case query selects, in [`CaseRow`]'s order.
const CASE_COLUMNS: &str =
    "c.id, c.status, c.outcome, c.resolution_note, c.owner_id, c.organisation,
     c.given_name, c.family_name, c.aliases, c.sex, c.birth_date, c.stated_age,
     c.height_cm, c.weight_kg, c.hair, c.eyes, c.marks, c.clothing, c.circumstances,
     c.last_seen_at, c.last_seen_offset, c.last_seen_place, c.lat, c.lng,
     c.contact_phone, c.contact_name, c.language, c.alert_radius_km, c.version,
     c.contact_phone_2, c.alert_route, c.alert_route_width_km, c.alert_polygon,
     c.alert_partner_kinds,
     c.created_at, c.updated_at, c.published_at, c.resolved_at, c.hidden_at,
     c.pfif_record_id, EXISTS (SELECT 1 FROM case_photos p WHERE p.case_id = c.id) AS has_photo,
     c.organisation_id, c.last_seen_country, c.last_seen_region, c.last_seen_locality,
     (SELECT string_agg(CAST(i.organisation_id AS TEXT), ',') FROM case_informed_organisations i
       WHERE i.case_id = c.id) AS informed_organisations";

/// One case by id ($1).
static SELECT_CASE: LazyLock<String> =
    LazyLock::new(|| format!("SELECT {CASE_COLUMNS} FROM cases c WHERE c.id = $1"));

/// One case by id ($1), its row locked until the transaction ends.
static SELECT_CASE_FOR_UPDATE: LazyLock<String> =
    LazyLock::new(|| format!("{} FOR UPDATE OF c", *SELECT_CASE));

/// A value either database can bind: what the argument builders below ask
/// of the types they bind, said once.
pub(crate) trait Bind<DB: sqlx::Database>:
    for<'t> sqlx::Encode<'t, DB> + sqlx::Type<DB>
{
}
impl<DB: sqlx::Database, T: for<'t> sqlx::Encode<'t, DB> + sqlx::Type<DB>> Bind<DB> for T {}

/// Adds `value` to `args`.
fn add<DB: sqlx::Database>(args: &mut DB::Arguments, value: impl Bind<DB>) -> Result<()> {
    sqlx::Arguments::add(args, value).map_err(|e| StoreError::Database(sqlx::Error::Encode(e)))
}

/// A case's details as the parameters $1–$29 of [`INSERT_CASE`] and
/// [`UPDATE_CASE_DETAILS`].
pub(crate) fn detail_arguments<DB: sqlx::Database>(d: &CaseDetails) -> Result<DB::Arguments>
where
    String: Bind<DB>,
    Option<String>: Bind<DB>,
    i64: Bind<DB>,
    Option<i64>: Bind<DB>,
    f64: Bind<DB>,
    Option<f64>: Bind<DB>,
{
    let mut args = DB::Arguments::default();
    add::<DB>(&mut args, d.given_name.clone())?;
    add::<DB>(&mut args, d.family_name.clone())?;
    add::<DB>(&mut args, d.name_key())?;
    add::<DB>(&mut args, d.aliases.clone())?;
    add::<DB>(&mut args, d.sex.as_str().to_string())?;
    add::<DB>(
        &mut args,
        d.birth_date.map(|b| b.format("%Y-%m-%d").to_string()),
    )?;
    add::<DB>(&mut args, d.stated_age)?;
    add::<DB>(&mut args, d.age_when_last_seen())?;
    add::<DB>(&mut args, d.height_cm)?;
    add::<DB>(&mut args, d.weight_kg)?;
    add::<DB>(&mut args, d.hair.clone())?;
    add::<DB>(&mut args, d.eyes.clone())?;
    add::<DB>(&mut args, d.marks.clone())?;
    add::<DB>(&mut args, d.clothing.clone())?;
    add::<DB>(&mut args, d.circumstances.clone())?;
    add::<DB>(&mut args, d.last_seen_at.timestamp_millis())?;
    add::<DB>(
        &mut args,
        i64::from(d.last_seen_at.offset().local_minus_utc()),
    )?;
    add::<DB>(&mut args, d.last_seen_place.clone())?;
    add::<DB>(&mut args, d.last_seen.lat)?;
    add::<DB>(&mut args, d.last_seen.lng)?;
    add::<DB>(&mut args, d.contact_phone.clone())?;
    add::<DB>(&mut args, d.contact_name.clone())?;
    add::<DB>(&mut args, d.language.as_str().to_string())?;
    add::<DB>(&mut args, d.alert_radius_km)?;
    add::<DB>(&mut args, d.contact_phone_2.clone())?;
    let corridor = d.alert_corridor.as_ref();
    add::<DB>(&mut args, corridor.map(|c| points_json(&c.route)))?;
    add::<DB>(&mut args, corridor.map(|c| c.width_km))?;
    add::<DB>(
        &mut args,
        d.alert_polygon.as_ref().map(|p| points_json(&p.ring)),
    )?;
    let kinds: Vec<&str> = d.alert_partner_kinds.iter().map(|k| k.as_str()).collect();
    add::<DB>(&mut args, kinds.join(","))?;
    Ok(args)
}

const INSERT_CASE: &str =
    "INSERT INTO cases (given_name, family_name, name_key, aliases, sex, birth_date,
        stated_age, age_years, height_cm, weight_kg, hair, eyes, marks, clothing,
        circumstances, last_seen_at, last_seen_offset, last_seen_place, lat, lng,
        contact_phone, contact_name, language, alert_radius_km, contact_phone_2,
        alert_route, alert_route_width_km, alert_polygon, alert_partner_kinds,
        status, owner_id, organisation, version, created_at, updated_at,
        outcome, resolved_at, pfif_record_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
        $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, 1,
        $33, $33, $34, $35, $36)
     RETURNING id";

pub(crate) const UPDATE_CASE_DETAILS: &str =
    "UPDATE cases SET given_name = $1, family_name = $2, name_key = $3, aliases = $4,
        sex = $5, birth_date = $6, stated_age = $7, age_years = $8, height_cm = $9,
        weight_kg = $10, hair = $11, eyes = $12, marks = $13, clothing = $14,
        circumstances = $15, last_seen_at = $16, last_seen_offset = $17,
        last_seen_place = $18, lat = $19, lng = $20, contact_phone = $21,
        contact_name = $22, language = $23, alert_radius_km = $24, contact_phone_2 = $25,
        alert_route = $26, alert_route_width_km = $27, alert_polygon = $28,
        alert_partner_kinds = $29, version = version + 1, updated_at = $30
     WHERE id = $31";

/// A list of points as the `alert_route` and `alert_polygon` columns keep it.
fn points_json(points: &[Coordinates]) -> String {
    serde_json::to_string(points).unwrap_or_default()
}

/// The points of an `alert_route` or `alert_polygon` column.
fn points_of(column: &str, json: &str) -> Result<Vec<Coordinates>> {
    serde_json::from_str(json).map_err(|e| StoreError::Corrupt(format!("{column}: {e}")))
}

/// The kinds of partner of an `alert_partner_kinds` column.
pub(crate) fn partner_kinds(stored: &str) -> Result<Vec<alerta_core::PartnerKind>> {
    stored
        .split(',')
        .filter(|k| !k.is_empty())
        .map(|k| {
            alerta_core::PartnerKind::parse("alert_partner_kinds", k)
                .map_err(|e| StoreError::Corrupt(e.message))
        })
        .collect()
}

/// The corridor and polygon of a case's alert area, from their columns.
pub(crate) fn area_parts(
    route: Option<&str>,
    route_width_km: Option<f64>,
    polygon: Option<&str>,
) -> Result<(Option<Corridor>, Option<Polygon>)> {
    let corridor = match (route, route_width_km) {
        (Some(route), Some(width_km)) => Some(Corridor {
            route: points_of("alert_route", route)?,
            width_km,
        }),
        _ => None,
    };
    let polygon = polygon
        .map(|ring| points_of("alert_polygon", ring).map(|ring| Polygon { ring }))
        .transpose()?;
    Ok((corridor, polygon))
}

/// `z.a, z.b`: columns of the zones `z`.
fn qualified(columns: &[&str]) -> String {
    columns
        .iter()
        .map(|c| format!("z.{c}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How each database is handed the ranges of grid cells a search reads
/// (see [`alerta_core::grid`] and migration 0016): one bound value in
/// either, so the statement's text, and its prepared plan, stay the same.
pub(crate) trait ZoneIndex: sqlx::Database {
    /// Appends the SELECT of `volunteer_id` from the zones `z` filed under
    /// a cell in one of `ranges` that meet the conditions `where_z` appends.
    fn push_zones_in(
        q: &mut sqlx::QueryBuilder<Self>,
        ranges: &[CellRange],
        where_z: impl FnOnce(&mut sqlx::QueryBuilder<Self>),
    ) {
        Self::push_zone_columns_in(q, &["volunteer_id"], ranges, where_z);
    }

    /// The same, selecting `columns` of `z`.
    fn push_zone_columns_in(
        q: &mut sqlx::QueryBuilder<Self>,
        columns: &[&str],
        ranges: &[CellRange],
        where_z: impl FnOnce(&mut sqlx::QueryBuilder<Self>),
    );

    /// Appends the SELECT of `ids` as one column, from one bound value.
    fn push_ids(q: &mut sqlx::QueryBuilder<Self>, ids: &[i64]);
}

impl ZoneIndex for sqlx::Sqlite {
    fn push_zone_columns_in(
        q: &mut sqlx::QueryBuilder<Self>,
        columns: &[&str],
        ranges: &[CellRange],
        where_z: impl FnOnce(&mut sqlx::QueryBuilder<Self>),
    ) {
        let ranges = serde_json::to_string(ranges).expect("integers serialize");
        // CROSS JOIN: SQLite then reads the ranges first, each a search of
        // the index.
        q.push("SELECT ")
            .push(qualified(columns))
            .push(" FROM json_each(")
            .push_bind(ranges)
            .push(
                ") r CROSS JOIN zones z ON z.cell BETWEEN r.value ->> 0 AND r.value ->> 1 WHERE ",
            );
        where_z(q);
    }

    fn push_ids(q: &mut sqlx::QueryBuilder<Self>, ids: &[i64]) {
        let ids = serde_json::to_string(ids).expect("integers serialize");
        q.push("SELECT value FROM json_each(")
            .push_bind(ids)
            .push(")");
    }
}

impl ZoneIndex for sqlx::Postgres {
    fn push_zone_columns_in(
        q: &mut sqlx::QueryBuilder<Self>,
        columns: &[&str],
        ranges: &[CellRange],
        where_z: impl FnOnce(&mut sqlx::QueryBuilder<Self>),
    ) {
        let (low, high): (Vec<i64>, Vec<i64>) = ranges.iter().copied().unzip();
        // A search per range: PostgreSQL cannot know how few zones a range
        // holds (it guesses 0.5 % of the table each), and with a plain
        // join it read the whole table once instead (30 ms at 200 000
        // zones, 90 ms at 1 M). A lateral subquery kept whole (OFFSET 0
        // stops the planner from flattening it into that join) runs once
        // per range, and for one range the index is the only sensible plan.
        q.push("SELECT ")
            .push(qualified(columns))
            .push(" FROM unnest(")
            .push_bind(low)
            .push("::int8[], ")
            .push_bind(high)
            .push("::int8[]) AS r (low, high) CROSS JOIN LATERAL (SELECT ")
            .push(columns.join(", "))
            .push(" FROM zones z WHERE z.cell BETWEEN r.low AND r.high AND ");
        where_z(q);
        q.push(" OFFSET 0) z");
    }

    fn push_ids(q: &mut sqlx::QueryBuilder<Self>, ids: &[i64]) {
        q.push("SELECT unnest(")
            .push_bind(ids.to_vec())
            .push("::int8[])");
    }
}

/// Appends the SELECT of every confirmed volunteer `area` reaches (an id
/// may repeat): those its circle reaches ([`push_reached_by_circle`]), its
/// corridor reaches ([`push_reached_by_corridor`]), `in_polygon` (the ones
/// its polygon reaches, found by [`reached_by_polygon`]), and those with a
/// zone of the countries and regions in `regions`. A confirmed zone's
/// volunteer is confirmed (see 0012).
pub(crate) fn push_reached<DB: ZoneIndex>(
    q: &mut sqlx::QueryBuilder<DB>,
    area: &AlertArea,
    regions: &[String],
    in_polygon: &[i64],
) where
    for<'t> f64: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    for<'t> String: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
{
    push_reached_by_circle(q, &area.circle);
    if let Some(corridor) = &area.corridor {
        q.push(" UNION ALL ");
        push_reached_by_corridor(q, corridor);
    }
    if !in_polygon.is_empty() {
        q.push(" UNION ALL ");
        DB::push_ids(q, in_polygon);
    }
    push_region_zones(q, regions);
}

/// The confirmed circle zones whose cap overlaps `cap` (the test of
/// [`alerta_core::Cap::reaches`], in the same order, zone first).
fn push_overlaps_cap<DB: sqlx::Database>(q: &mut sqlx::QueryBuilder<DB>, cap: &alerta_core::Cap)
where
    for<'t> f64: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
{
    q.push("z.cell IS NOT NULL AND z.confirmed_at IS NOT NULL AND z.x * ")
        .push_bind(cap.x)
        .push(" + z.y * ")
        .push_bind(cap.y)
        .push(" + z.z * ")
        .push_bind(cap.z)
        .push(" >= z.cos_r * ")
        .push_bind(cap.cos_r)
        .push(" - z.sin_r * ")
        .push_bind(cap.sin_r);
}

/// Appends the SELECT of every confirmed volunteer with a circle zone
/// `circle` reaches (an id may repeat): the zones filed under the grid
/// cells that may hold one ([`alerta_core::grid::cells_reaching`]) whose
/// cap overlaps the circle's, decided in SQL by
/// [`alerta_core::Cap::reaches`]'s arithmetic. The index holds what the
/// check needs: no other table is read.
fn push_reached_by_circle<DB: ZoneIndex>(q: &mut sqlx::QueryBuilder<DB>, circle: &Circle)
where
    for<'t> f64: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
{
    let cap = circle.cap();
    DB::push_zones_in(q, &alerta_core::grid::cells_reaching(circle), |q| {
        push_overlaps_cap(q, &cap)
    });
}

/// A zone as the index keeps it: its volunteer and its cap.
type IndexedZone = (i64, f64, f64, f64, f64, f64);

/// The ids of the confirmed volunteers with a circle zone `polygon`
/// reaches, in order, on `db`: the zones that overlap the circle round the
/// polygon, read from the index with their caps, then decided here by
/// [`Polygon::reaches`] (a winding number is no arithmetic both databases
/// share).
pub(crate) async fn reached_by_polygon<'c, DB, E>(db: E, polygon: &Polygon) -> Result<Vec<i64>>
where
    DB: ZoneIndex,
    E: sqlx::Executor<'c, Database = DB>,
    for<'t> f64: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    for<'r> IndexedZone: sqlx::FromRow<'r, DB::Row>,
    DB::Arguments: sqlx::IntoArguments<DB>,
{
    let bounds = polygon.bounding_circle();
    let cap = bounds.cap();
    let mut select = sqlx::QueryBuilder::<DB>::new("");
    DB::push_zone_columns_in(
        &mut select,
        &["volunteer_id", "x", "y", "z", "cos_r", "sin_r"],
        &alerta_core::grid::cells_reaching(&bounds),
        |q| push_overlaps_cap(q, &cap),
    );
    let zones: Vec<IndexedZone> = select.build_query_as().fetch_all(db).await?;
    let mut ids: Vec<i64> = zones
        .into_iter()
        .filter(|(_, x, y, z, cos_r, sin_r)| {
            let zone = alerta_core::Cap {
                x: *x,
                y: *y,
                z: *z,
                cos_r: *cos_r,
                sin_r: *sin_r,
            };
            polygon.reaches(&zone)
        })
        .map(|(id, ..)| id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

/// Appends the SELECT of every volunteer with a confirmed zone of one of
/// the countries and regions in `regions`, after a UNION ALL.
fn push_region_zones<DB: sqlx::Database>(q: &mut sqlx::QueryBuilder<DB>, regions: &[String])
where
    for<'t> String: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
{
    if !regions.is_empty() {
        q.push(" UNION ALL SELECT volunteer_id FROM zones WHERE confirmed_at IS NOT NULL AND region IN (");
        let mut list = q.separated(", ");
        for code in regions {
            list.push_bind(code.clone());
        }
        list.push_unseparated(")");
    }
}

/// Appends the SELECT of every confirmed volunteer with a circle zone the
/// corridor reaches (an id may repeat): the zones filed under the grid
/// cells that may hold one ([`alerta_core::grid::cells_reaching_corridor`]),
/// decided in SQL by [`alerta_core::area::Leg::reaches`]'s arithmetic for
/// each leg, written in the same order.
pub(crate) fn push_reached_by_corridor<DB: ZoneIndex>(
    q: &mut sqlx::QueryBuilder<DB>,
    corridor: &Corridor,
) where
    for<'t> f64: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
{
    let (cos_w, sin_w) = corridor.angular_width();
    let legs = corridor.legs();
    DB::push_zones_in(
        q,
        &alerta_core::grid::cells_reaching_corridor(corridor),
        |q| {
            q.push("z.cell IS NOT NULL AND z.confirmed_at IS NOT NULL AND (");
            for (i, leg) in legs.iter().enumerate() {
                if i > 0 {
                    q.push(" OR ");
                }
                push_leg(q, leg, cos_w, sin_w);
            }
            q.push(")");
        },
    );
}

/// One leg's test, as [`alerta_core::area::Leg::reaches`] computes it.
fn push_leg<DB: sqlx::Database>(
    q: &mut sqlx::QueryBuilder<DB>,
    leg: &alerta_core::area::Leg,
    cos_w: f64,
    sin_w: f64,
) where
    for<'t> f64: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
{
    let dot = |q: &mut sqlx::QueryBuilder<DB>, u: &[f64; 3]| {
        q.push("(z.x * ")
            .push_bind(u[0])
            .push(" + z.y * ")
            .push_bind(u[1])
            .push(" + z.z * ")
            .push_bind(u[2])
            .push(")");
    };
    let near_end = |q: &mut sqlx::QueryBuilder<DB>| {
        q.push("z.cos_r * ")
            .push_bind(cos_w)
            .push(" - z.sin_r * ")
            .push_bind(sin_w);
    };
    let near_line = |q: &mut sqlx::QueryBuilder<DB>| {
        q.push("z.sin_r * ")
            .push_bind(cos_w)
            .push(" + z.cos_r * ")
            .push_bind(sin_w);
    };
    q.push("(");
    dot(q, &leg.a);
    q.push(" >= ");
    near_end(q);
    q.push(" OR ");
    dot(q, &leg.b);
    q.push(" >= ");
    near_end(q);
    if let Some(beside) = &leg.beside {
        q.push(" OR (");
        dot(q, &beside.after_a);
        q.push(" >= 0 AND ");
        dot(q, &beside.before_b);
        q.push(" >= 0 AND ");
        dot(q, &beside.pole);
        q.push(" <= ");
        near_line(q);
        q.push(" AND -");
        dot(q, &beside.pole);
        q.push(" <= ");
        near_line(q);
        q.push(")");
    }
    q.push(")");
}

/// Ids as the database lists them ("3,1,3"), sorted and de-duplicated.
fn parse_id_list(listed: Option<&str>) -> Result<Vec<i64>> {
    let mut ids = listed
        .unwrap_or_default()
        .split_terminator(',')
        .map(|id| {
            id.parse()
                .map_err(|_| StoreError::Corrupt(format!("volunteer id {id:?}")))
        })
        .collect::<Result<Vec<i64>>>()?;
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

/// The WHERE clause of a [`CaseFilter`] over `cases c`, parameters $1–$10
/// (bound in that order by [`filter_arguments`]).
const FILTER_WHERE: &str =
    "WHERE ((c.status = 'draft' AND $1 = 1) OR (c.status = 'active' AND $2 = 1)
        OR (c.status = 'resolved' AND $3 = 1))
   AND ($4 IS NULL OR c.owner_id = $4)
   AND ($5 IS NULL OR c.id < $5)
   AND ($6 IS NULL OR (c.lat BETWEEN $6 AND $8 AND c.lng BETWEEN $7 AND $9))
   AND ($10 IS NULL OR $10 LIKE '%,' || c.last_seen_country || ',%'
        OR $10 LIKE '%,' || c.last_seen_region || ',%')";

/// The cases a filter selects, newest first, at most $11.
static LIST_CASES: LazyLock<String> = LazyLock::new(|| {
    format!("SELECT {CASE_COLUMNS} FROM cases c {FILTER_WHERE} ORDER BY c.id DESC LIMIT $11")
});

/// What a name search reads of the cases a filter selects, newest first.
static NAME_INDEX: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT c.id, c.name_key, c.aliases, c.lat, c.lng FROM cases c {FILTER_WHERE} ORDER BY c.id DESC"
    )
});

/// `filter` as the parameters of [`FILTER_WHERE`].
fn filter_arguments<DB: sqlx::Database>(filter: &CaseFilter) -> Result<DB::Arguments>
where
    i64: Bind<DB>,
    Option<i64>: Bind<DB>,
    Option<f64>: Bind<DB>,
    Option<String>: Bind<DB>,
{
    let has = |s: CaseStatus| i64::from(filter.statuses.contains(&s));
    // The circle's bounding box, by index; the distance is checked after.
    let area = filter.near.map(|circle| circle.bounding_box(0.0));
    let mut args = DB::Arguments::default();
    add::<DB>(&mut args, has(CaseStatus::Draft))?;
    add::<DB>(&mut args, has(CaseStatus::Active))?;
    add::<DB>(&mut args, has(CaseStatus::Resolved))?;
    add::<DB>(&mut args, filter.owner.map(|o| o.0))?;
    add::<DB>(&mut args, filter.before_id)?;
    add::<DB>(&mut args, area.map(|b| b.south))?;
    add::<DB>(&mut args, area.map(|b| b.west))?;
    add::<DB>(&mut args, area.map(|b| b.north))?;
    add::<DB>(&mut args, area.map(|b| b.east))?;
    let within = filter.within.as_ref().filter(|j| !j.is_anywhere());
    add::<DB>(&mut args, within.map(|j| format!(",{},", j.to_stored())))?;
    Ok(args)
}

/// Records where a case was last seen as jurisdictions and readers name it,
/// from its point: bound (id, country, region, locality) by
/// [`WriteTx::set_last_seen_regions`].
const SET_LAST_SEEN_REGIONS: &str = "UPDATE cases
    SET last_seen_country = $2, last_seen_region = $3, last_seen_locality = $4 WHERE id = $1";

/// The country and first-level region codes at `point` ("" where the
/// boundary data has none).
fn last_seen_regions(geography: &dyn Geography, point: Coordinates) -> (String, String) {
    let at_point = Circle {
        center: point,
        radius_km: 0.001,
    };
    let codes = geography.regions_touching(&at_point);
    let country = codes.iter().find(|c| !c.contains('-'));
    let region = codes.iter().find(|c| c.contains('-'));
    (
        country.cloned().unwrap_or_default(),
        region.cloned().unwrap_or_default(),
    )
}

impl WriteTx {
    /// Reads a case, locking its row on PostgreSQL (SQLite's `BEGIN
    /// IMMEDIATE` already holds the only write lock), so the policy check
    /// and the change that follows see the same state. What keeps copies
    /// of the case hears of it once this commits (see `changes`).
    pub async fn case_for_update(&mut self, id: CaseId) -> Result<Case> {
        let sql: &'static str = match self.backend() {
            Backend::Postgres => &SELECT_CASE_FOR_UPDATE,
            Backend::Sqlite => &SELECT_CASE,
        };
        let row: Option<CaseRow> = on_tx!(self, db => sqlx::query_as(sql)
            .bind(id.0)
            .fetch_optional(&mut *db)
            .await?);
        let case = Case::try_from(row.ok_or(StoreError::NotFound)?)?;
        self.note_case_changing(id).await?;
        Ok(case)
    }

    /// Stores (or replaces) a case's photo: a new version of the case.
    pub async fn replace_photo(
        &mut self,
        id: CaseId,
        photo: &StoredPhoto,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.store_photo(id.0, photo, actor, now).await?;
        on_tx!(self, db => { sqlx::query("UPDATE cases SET version = version + 1, updated_at = $2 WHERE id = $1")
            .bind(id.0)
            .bind(to_millis(now))
            .execute(&mut *db)
            .await?; });
        Ok(())
    }

    /// Replaces the widenings still pending for a case with `steps` (hours
    /// after publication, new radius), planned by `planner`.
    pub async fn replace_widening_plan(
        &mut self,
        id: CaseId,
        steps: &[PlannedStep],
        planner: &Actor,
        now: DateTime<Utc>,
    ) -> Result<()> {
        on_tx!(self, db => {
            sqlx::query("DELETE FROM case_widenings WHERE case_id = $1 AND done_at IS NULL")
                .bind(id.0).execute(&mut *db).await?;
            for step in steps {
                sqlx::query(
                    "INSERT INTO case_widenings
                        (case_id, after_hours, alert_radius_km, alert_route_width_km, created_by, created_at)
                     VALUES ($1, $2, $3, $4, $5, $6)")
                    .bind(id.0).bind(step.after_hours)
                    .bind(step.to.radius_km).bind(step.to.route_width_km)
                    .bind(planner.user_id.0).bind(to_millis(now))
                    .execute(&mut *db).await?;
            }
        });
        let plan: Vec<_> = steps
            .iter()
            .map(|s| {
                let mut step = json!({ "after_hours": s.after_hours, "to_km": s.to.radius_km });
                if let Some(width) = s.to.route_width_km {
                    step["route_to_km"] = json!(width);
                }
                step
            })
            .collect();
        let detail = json!({ "steps": plan });
        self.audit(
            id.0,
            Some(planner.user_id.0),
            now,
            "widening_planned",
            detail,
        )
        .await
    }

    /// Marks a planned widening done, with how many volunteers it newly reached.
    pub async fn record_widening_done(
        &mut self,
        step: i64,
        newly_reached: u64,
        now: DateTime<Utc>,
    ) -> Result<()> {
        on_tx!(self, db => { sqlx::query("UPDATE case_widenings SET done_at = $2, newly_reached = $3 WHERE id = $1")
            .bind(step).bind(to_millis(now)).bind(newly_reached as i64).execute(&mut *db).await?; });
        Ok(())
    }

    /// Marks a case alerted again for `after_days`. Another process may have
    /// done it meanwhile: then its alerts exist, ours queued nothing, and
    /// this row conflicts harmlessly.
    pub async fn record_realert(
        &mut self,
        case: CaseId,
        after_days: i64,
        newly_reached: u64,
        now: DateTime<Utc>,
    ) -> Result<()> {
        on_tx!(self, db => { sqlx::query(
            "INSERT INTO case_realerts (case_id, after_days, done_at, newly_reached)
             VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING")
            .bind(case.0).bind(after_days).bind(to_millis(now)).bind(newly_reached as i64)
            .execute(&mut *db).await?; });
        Ok(())
    }

    /// Records the country, region and town case `id` was last seen in, from `point`.
    pub(crate) async fn set_last_seen_regions(
        &mut self,
        id: i64,
        point: Coordinates,
    ) -> Result<()> {
        let (country, region) = last_seen_regions(self.geography, point);
        let locality = self.geography.locality_at(point);
        on_tx!(self, db => { sqlx::query(SET_LAST_SEEN_REGIONS)
            .bind(id).bind(country).bind(region).bind(locality)
            .execute(&mut *db).await?; });
        Ok(())
    }

    /// Stores (or replaces) case `id`'s photo, and notes it in the audit log.
    async fn store_photo(
        &mut self,
        id: i64,
        photo: &StoredPhoto,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<()> {
        on_tx!(self, db => { sqlx::query(
            "INSERT INTO case_photos (case_id, original, original_type, normalized, width, height,
                updated_at, print_jpeg, print_width, print_height, screen_jpeg, screen_width,
                screen_height)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
             ON CONFLICT (case_id) DO UPDATE SET original = excluded.original,
                original_type = excluded.original_type, normalized = excluded.normalized,
                width = excluded.width, height = excluded.height, updated_at = excluded.updated_at,
                print_jpeg = excluded.print_jpeg, print_width = excluded.print_width,
                print_height = excluded.print_height, screen_jpeg = excluded.screen_jpeg,
                screen_width = excluded.screen_width, screen_height = excluded.screen_height")
            .bind(id)
            .bind(photo.original.clone())
            .bind(photo.original_type.clone())
            .bind(photo.normalized.clone())
            .bind(i64::from(photo.width))
            .bind(i64::from(photo.height))
            .bind(to_millis(now))
            .bind(photo.print.jpeg.clone())
            .bind(i64::from(photo.print.width))
            .bind(i64::from(photo.print.height))
            .bind(photo.screen.jpeg.clone())
            .bind(i64::from(photo.screen.width))
            .bind(i64::from(photo.screen.height))
            .execute(&mut *db)
            .await?; });
        let detail = json!({
            "type": photo.original_type, "bytes": photo.original.len(),
            "width": photo.width, "height": photo.height,
        });
        self.audit(id, Some(actor.user_id.0), now, "photo_set", detail)
            .await
    }
}

#[derive(sqlx::FromRow)]
struct CaseRow {
    id: i64,
    status: String,
    outcome: Option<String>,
    resolution_note: Option<String>,
    owner_id: i64,
    organisation: Option<String>,
    given_name: String,
    family_name: String,
    aliases: Option<String>,
    sex: String,
    birth_date: Option<String>,
    stated_age: Option<i64>,
    height_cm: Option<i64>,
    weight_kg: Option<i64>,
    hair: Option<String>,
    eyes: Option<String>,
    marks: Option<String>,
    clothing: String,
    circumstances: String,
    last_seen_at: i64,
    last_seen_offset: i64,
    last_seen_place: String,
    lat: f64,
    lng: f64,
    contact_phone: String,
    contact_phone_2: Option<String>,
    contact_name: Option<String>,
    language: String,
    alert_radius_km: f64,
    alert_route: Option<String>,
    alert_route_width_km: Option<f64>,
    alert_polygon: Option<String>,
    alert_partner_kinds: String,
    version: i64,
    created_at: i64,
    updated_at: i64,
    published_at: Option<i64>,
    resolved_at: Option<i64>,
    hidden_at: Option<i64>,
    pfif_record_id: Option<String>,
    has_photo: bool,
    organisation_id: Option<i64>,
    last_seen_country: Option<String>,
    last_seen_region: Option<String>,
    last_seen_locality: Option<String>,
    informed_organisations: Option<String>,
}

fn corrupt(e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(e.to_string())
}

impl TryFrom<CaseRow> for Case {
    type Error = StoreError;

    fn try_from(r: CaseRow) -> Result<Case> {
        let offset = i32::try_from(r.last_seen_offset)
            .ok()
            .and_then(FixedOffset::east_opt)
            .ok_or_else(|| corrupt("last_seen_offset"))?;
        let (alert_corridor, alert_polygon) = area_parts(
            r.alert_route.as_deref(),
            r.alert_route_width_km,
            r.alert_polygon.as_deref(),
        )?;
        Ok(Case {
            id: CaseId(r.id),
            status: CaseStatus::parse("status", &r.status).map_err(|e| corrupt(e.message))?,
            outcome: r
                .outcome
                .map(|o| Outcome::parse("outcome", &o))
                .transpose()
                .map_err(|e| corrupt(e.message))?,
            resolution_note: r.resolution_note,
            owner_id: UserId(r.owner_id),
            organisation: r.organisation,
            details: CaseDetails {
                given_name: r.given_name,
                family_name: r.family_name,
                aliases: r.aliases,
                sex: Sex::parse("sex", &r.sex).map_err(|e| corrupt(e.message))?,
                birth_date: r
                    .birth_date
                    .map(|b| NaiveDate::parse_from_str(&b, "%Y-%m-%d"))
                    .transpose()
                    .map_err(corrupt)?,
                stated_age: r.stated_age,
                height_cm: r.height_cm,
                weight_kg: r.weight_kg,
                hair: r.hair,
                eyes: r.eyes,
                marks: r.marks,
                clothing: r.clothing,
                circumstances: r.circumstances,
                last_seen_at: from_millis(r.last_seen_at).with_timezone(&offset),
                last_seen_place: r.last_seen_place,
                last_seen: Coordinates {
                    lat: r.lat,
                    lng: r.lng,
                },
                contact_phone: r.contact_phone,
                contact_phone_2: r.contact_phone_2,
                contact_name: r.contact_name,
                language: Language::parse("language", &r.language)
                    .map_err(|e| corrupt(e.message))?,
                alert_radius_km: r.alert_radius_km,
                alert_corridor,
                alert_polygon,
                alert_partner_kinds: partner_kinds(&r.alert_partner_kinds)?,
            },
            version: r.version,
            created_at: from_millis(r.created_at),
            updated_at: from_millis(r.updated_at),
            published_at: r.published_at.map(from_millis),
            resolved_at: r.resolved_at.map(from_millis),
            has_photo: r.has_photo,
            hidden: r.hidden_at.is_some(),
            pfif_record_id: r.pfif_record_id,
            organisation_id: r.organisation_id.map(OrganisationId),
            last_seen_regions: [r.last_seen_country, r.last_seen_region]
                .into_iter()
                .flatten()
                .filter(|code| !code.is_empty())
                .collect(),
            last_seen_locality: r.last_seen_locality.filter(|l| !l.is_empty()),
            informed_organisations: r
                .informed_organisations
                .unwrap_or_default()
                .split(',')
                .filter_map(|id| id.parse().ok().map(OrganisationId))
                .collect(),
        })
    }
}

/// A photo as stored: the upload as it came, and the copy posters and pages use.
pub struct StoredPhoto {
    pub original: Vec<u8>,
    pub original_type: String,
    /// sRGB JPEG, longest side about 1200 px.
    pub normalized: Vec<u8>,
    pub width: u32,
    pub height: u32,
    /// Framed as the poster shows it, light enough to mail inside it.
    pub print: SizedJpeg,
    /// Small, for the body of a mail.
    pub screen: SizedJpeg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoVariant {
    Original,
    Normalized,
    /// The screen copy (the normalised JPEG until the copies are made):
    /// what lists of cases show, light enough for a cheap phone.
    Thumbnail,
}

pub struct Photo {
    pub bytes: Vec<u8>,
    pub content_type: String,
}

/// A copy of a case's photo: an sRGB JPEG and its size in pixels.
#[derive(Debug, Clone)]
pub struct SizedJpeg {
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// One line of a case's history: who did what, when.
#[derive(Debug, Clone)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    pub actor_id: Option<i64>,
    pub actor_email: Option<String>,
    pub action: String,
    pub detail: Value,
}

#[derive(sqlx::FromRow)]
struct AuditRow {
    at: i64,
    actor_id: Option<i64>,
    actor_email: Option<String>,
    action: String,
    detail: String,
}

/// A widening planned ahead: `after_hours` after publication, to a wider
/// circle, a wider corridor or both.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlannedStep {
    pub after_hours: i64,
    pub to: Wider,
}

/// A planned widening whose time has come.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DueWidening {
    /// The plan's row.
    pub step: i64,
    pub case: CaseId,
    pub to: Wider,
    /// The officer who planned it, whom the case's log names.
    pub planner: Option<i64>,
}

/// A planned widening and what became of it.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct PlannedWidening {
    pub after_hours: i64,
    pub alert_radius_km: Option<f64>,
    pub alert_route_width_km: Option<f64>,
    /// Milliseconds since the epoch, once it ran.
    pub done_at: Option<i64>,
    pub newly_reached: Option<i64>,
}

/// What `GET /cases` asks for.
#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    pub statuses: Vec<CaseStatus>,
    /// Only cases this user registered (families see their own drafts).
    pub owner: Option<UserId>,
    /// Only cases last seen within this circle.
    pub near: Option<Circle>,
    /// Continue after this id (newest first).
    pub before_id: Option<i64>,
    /// Only cases last seen within this jurisdiction (None, or anywhere: all).
    pub within: Option<Jurisdiction>,
    pub limit: i64,
}

impl CaseFilter {
    /// Whether a case last seen at `point` is near enough for the filter.
    fn reaches(&self, point: &Coordinates) -> bool {
        self.near.is_none_or(|circle| circle.contains(point))
    }
}

/// Where a new case comes from: typed in here (the default), or a PFIF
/// record of another repository, perhaps already closed there.
#[derive(Default)]
struct Origin<'a> {
    pfif_record_id: Option<&'a str>,
    closed: Option<(Outcome, DateTime<Utc>)>,
}

impl Store {
    /// Gives every case stored before jurisdictions (and before localities)
    /// its last-seen country, region and town. A no-op once done; batched
    /// like the zone index's fill.
    pub(crate) async fn fill_case_regions(&self) -> Result<()> {
        loop {
            let rows: Vec<(i64, f64, f64)> = with_db!(self, pool => sqlx::query_as(
                "SELECT id, lat, lng FROM cases WHERE last_seen_country IS NULL ORDER BY id LIMIT 1000")
                .fetch_all(pool)
                .await?);
            if rows.is_empty() {
                return Ok(());
            }
            let mut tx = self.begin_write().await?;
            for (id, lat, lng) in &rows {
                tx.set_last_seen_regions(
                    *id,
                    Coordinates {
                        lat: *lat,
                        lng: *lng,
                    },
                )
                .await?;
            }
            tx.commit().await?;
        }
    }

    /// Registers a case as a draft, with its photo in the same transaction:
    /// a form that sends both leaves both or neither. Unless
    /// `confirm_duplicate`, refuses one whose name and age match an open
    /// case, naming that case.
    pub async fn create_case_with_photo(
        &self,
        details: &CaseDetails,
        photo: Option<&StoredPhoto>,
        owner: &Actor,
        confirm_duplicate: bool,
        now: DateTime<Utc>,
    ) -> Result<Case> {
        self.insert_case(
            details,
            photo,
            owner,
            confirm_duplicate,
            &Origin::default(),
            now,
        )
        .await
    }

    /// The case imported from PFIF record `record_id`, if one was.
    pub async fn case_of_pfif_record(&self, record_id: &str) -> Result<Option<CaseId>> {
        let id: Option<i64> = with_db!(self, pool => sqlx::query_scalar(
            "SELECT id FROM cases WHERE pfif_record_id = $1")
            .bind(record_id)
            .fetch_optional(pool)
            .await?);
        Ok(id.map(CaseId))
    }

    /// Stores a case imported from PFIF record `record_id`: a draft, or a
    /// resolved case when the record says the search is over. One that
    /// looks like an open case here (same name and age) is refused as
    /// [`StoreError::PossibleDuplicate`], storing nothing.
    pub async fn create_imported_case(
        &self,
        record_id: &str,
        details: &CaseDetails,
        closed: Option<(Outcome, DateTime<Utc>)>,
        photo: Option<&StoredPhoto>,
        importer: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Case> {
        let origin = Origin {
            pfif_record_id: Some(record_id),
            closed,
        };
        self.insert_case(details, photo, importer, false, &origin, now)
            .await
    }

    async fn insert_case(
        &self,
        details: &CaseDetails,
        photo: Option<&StoredPhoto>,
        owner: &Actor,
        confirm_duplicate: bool,
        origin: &Origin<'_>,
        now: DateTime<Utc>,
    ) -> Result<Case> {
        let organisation = owner
            .role
            .is_police()
            .then(|| owner.organisation.clone())
            .flatten();
        let (status, outcome, resolved_at) = match origin.closed {
            Some((outcome, at)) => ("resolved", Some(outcome.as_str()), Some(to_millis(at))),
            None => ("draft", None, None),
        };
        let mut tx = self.begin_write().await?;
        if !confirm_duplicate {
            let age = details.age_when_last_seen();
            let existing: Option<i64> = on_tx!(tx, db => sqlx::query_scalar(
                "SELECT id FROM cases
                 WHERE name_key = $1 AND status IN ('draft', 'active')
                   AND age_years BETWEEN $2 AND $3
                   AND (birth_date IS NULL OR $4 IS NULL OR birth_date = $4)
                 ORDER BY id LIMIT 1")
                .bind(details.name_key())
                .bind(age - 1)
                .bind(age + 1)
                .bind(details.birth_date.map(|b| b.format("%Y-%m-%d").to_string()))
                .fetch_optional(&mut *db)
                .await?);
            if let Some(existing) = existing {
                return Err(StoreError::PossibleDuplicate(CaseId(existing)));
            }
        }
        let id: i64 = on_tx!(tx, db, Db => sqlx::query_scalar_with(INSERT_CASE, detail_arguments::<Db>(details)?)
            .bind(status)
            .bind(owner.user_id.0)
            .bind(organisation)
            .bind(to_millis(now))
            .bind(outcome)
            .bind(resolved_at)
            .bind(origin.pfif_record_id)
            .fetch_one(&mut *db)
            .await?);
        tx.set_last_seen_regions(id, details.last_seen).await?;
        let (action, detail) = match origin.pfif_record_id {
            None => ("created", json!({ "details": details })),
            Some(record) => (
                "imported",
                json!({
                    "details": details, "pfif_record_id": record, "outcome": outcome,
                }),
            ),
        };
        tx.audit(id, Some(owner.user_id.0), now, action, detail)
            .await?;
        if let Some(photo) = photo {
            tx.store_photo(id, photo, owner, now).await?;
        }
        tx.commit().await?;
        self.case(CaseId(id)).await
    }

    pub async fn case(&self, id: CaseId) -> Result<Case> {
        let row: Option<CaseRow> = with_db!(self, pool => sqlx::query_as(SELECT_CASE.as_str())
            .bind(id.0)
            .fetch_optional(pool)
            .await?);
        row.ok_or(StoreError::NotFound)?.try_into()
    }

    pub async fn photo(&self, id: CaseId, variant: PhotoVariant) -> Result<Option<Photo>> {
        let row: Option<(Vec<u8>, String)> = match variant {
            PhotoVariant::Original => with_db!(self, pool => sqlx::query_as(
                "SELECT original, original_type FROM case_photos WHERE case_id = $1")
                .bind(id.0).fetch_optional(pool).await?),
            PhotoVariant::Normalized => with_db!(self, pool => sqlx::query_as(
                "SELECT normalized, 'image/jpeg' FROM case_photos WHERE case_id = $1")
                .bind(id.0).fetch_optional(pool).await?),
            PhotoVariant::Thumbnail => with_db!(self, pool => sqlx::query_as(
                "SELECT COALESCE(screen_jpeg, normalized), 'image/jpeg'
                 FROM case_photos WHERE case_id = $1")
                .bind(id.0).fetch_optional(pool).await?),
        };
        Ok(row.map(|(bytes, content_type)| Photo {
            bytes,
            content_type,
        }))
    }

    /// The normalised JPEG with its size in pixels, as the PNG card embeds it.
    pub async fn normalized_photo(&self, id: CaseId) -> Result<Option<SizedJpeg>> {
        self.photo_copy(
            id,
            "SELECT normalized, width, height FROM case_photos WHERE case_id = $1",
        )
        .await
    }

    /// The photo as the poster prints it (the normalised JPEG for a photo
    /// whose copies are not made yet).
    pub async fn print_photo(&self, id: CaseId) -> Result<Option<SizedJpeg>> {
        self.photo_copy(
            id,
            "SELECT COALESCE(print_jpeg, normalized), COALESCE(print_width, width),
                COALESCE(print_height, height)
             FROM case_photos WHERE case_id = $1",
        )
        .await
    }

    /// The photo as a mail shows it (the normalised JPEG for a photo whose
    /// copies are not made yet).
    pub async fn screen_photo(&self, id: CaseId) -> Result<Option<SizedJpeg>> {
        self.photo_copy(
            id,
            "SELECT COALESCE(screen_jpeg, normalized), COALESCE(screen_width, width),
                COALESCE(screen_height, height)
             FROM case_photos WHERE case_id = $1",
        )
        .await
    }

    /// One copy of case `id`'s photo, as `sql` selects it (bytes, width, height).
    async fn photo_copy(&self, id: CaseId, sql: &'static str) -> Result<Option<SizedJpeg>> {
        let row: Option<(Vec<u8>, i64, i64)> = with_db!(self, pool => sqlx::query_as(sql)
            .bind(id.0).fetch_optional(pool).await?);
        Ok(row.map(|(jpeg, width, height)| SizedJpeg {
            jpeg,
            width: u32::try_from(width).unwrap_or(0),
            height: u32::try_from(height).unwrap_or(0),
        }))
    }

    /// Photos stored before their print and screen copies were made.
    pub async fn photos_without_copies(&self) -> Result<Vec<CaseId>> {
        let ids: Vec<i64> = with_db!(self, pool => sqlx::query_scalar(
            "SELECT case_id FROM case_photos WHERE print_jpeg IS NULL OR screen_jpeg IS NULL
             ORDER BY case_id")
            .fetch_all(pool).await?);
        Ok(ids.into_iter().map(CaseId).collect())
    }

    /// Stores the copies made from the normalised photo `from` of case
    /// `id`, unless the photo was replaced meanwhile (its copies came with it).
    pub async fn set_photo_copies(
        &self,
        id: CaseId,
        from: &[u8],
        print: &SizedJpeg,
        screen: &SizedJpeg,
    ) -> Result<()> {
        with_db!(self, pool => { sqlx::query(
            "UPDATE case_photos SET print_jpeg = $2, print_width = $3, print_height = $4,
                screen_jpeg = $5, screen_width = $6, screen_height = $7
             WHERE case_id = $1 AND normalized = $8")
            .bind(id.0)
            .bind(print.jpeg.clone())
            .bind(i64::from(print.width))
            .bind(i64::from(print.height))
            .bind(screen.jpeg.clone())
            .bind(i64::from(screen.width))
            .bind(i64::from(screen.height))
            .bind(from.to_vec())
            .execute(pool).await?; });
        Ok(())
    }

    /// A case's planned widenings, in order.
    pub async fn widenings(&self, id: CaseId) -> Result<Vec<PlannedWidening>> {
        Ok(with_db!(self, pool => sqlx::query_as(
            "SELECT after_hours, alert_radius_km, alert_route_width_km, done_at, newly_reached
             FROM case_widenings
             WHERE case_id = $1 ORDER BY after_hours, id")
            .bind(id.0).fetch_all(pool).await?))
    }

    /// The planned widenings whose time has come, of active cases in view,
    /// in the order they were planned.
    pub async fn due_widenings(&self, now: DateTime<Utc>) -> Result<Vec<DueWidening>> {
        type DueRow = (i64, i64, Option<f64>, Option<f64>, Option<i64>);
        let due: Vec<DueRow> = with_db!(self, pool => sqlx::query_as(
            "SELECT w.id, w.case_id, w.alert_radius_km, w.alert_route_width_km, w.created_by
             FROM case_widenings w
             JOIN cases c ON c.id = w.case_id
             WHERE w.done_at IS NULL AND c.status = 'active' AND c.hidden_at IS NULL
               AND c.published_at + w.after_hours * 3600000 <= $1
             ORDER BY w.after_hours, w.id")
            .bind(to_millis(now)).fetch_all(pool).await?);
        Ok(due
            .into_iter()
            .map(
                |(step, case, radius_km, route_width_km, planner)| DueWidening {
                    step,
                    case: CaseId(case),
                    to: Wider {
                        radius_km,
                        route_width_km,
                    },
                    planner,
                },
            )
            .collect())
    }

    /// The active cases in view published at least `after_days` ago that
    /// have not been alerted again for that milestone.
    pub async fn due_realerts(&self, after_days: i64, now: DateTime<Utc>) -> Result<Vec<CaseId>> {
        let due: Vec<i64> = with_db!(self, pool => sqlx::query_scalar(
            "SELECT c.id FROM cases c
             WHERE c.status = 'active' AND c.hidden_at IS NULL AND c.published_at + $1 <= $2
               AND NOT EXISTS (SELECT 1 FROM case_realerts r WHERE r.case_id = c.id AND r.after_days = $3)
             ORDER BY c.id")
            .bind(after_days * 86_400_000)
            .bind(to_millis(now))
            .bind(after_days)
            .fetch_all(pool).await?);
        Ok(due.into_iter().map(CaseId).collect())
    }

    /// How many confirmed volunteers `area` reaches.
    pub async fn reach(&self, area: impl Into<AlertArea>) -> Result<usize> {
        Ok(self.reached_volunteers(&area.into()).await?.len())
    }

    /// The ids of the confirmed volunteers `area` reaches, in order.
    ///
    /// The database sends them as one text, repeats included (a volunteer
    /// with several zones in the area), and they are de-duplicated here:
    /// SQLite's `DISTINCT` builds a temporary B-tree, which at 1 M zones
    /// took half of the slowest answers (5.1 ms instead of 2.5 for an alert
    /// in São Paulo); a sort here takes microseconds. One row, not one per
    /// id: sqlx hands SQLite's rows over one by one.
    pub async fn reached_volunteers(&self, area: &AlertArea) -> Result<Vec<i64>> {
        let regions = area.regions_touched(self.geography);
        let in_polygon = match &area.polygon {
            Some(polygon) => with_db!(self, pool => reached_by_polygon(pool, polygon).await?),
            None => Vec::new(),
        };
        let listed: Option<String> = with_db!(self, pool => {
            let mut select = sqlx::QueryBuilder::new(
                "SELECT string_agg(CAST(volunteer_id AS TEXT), ',') FROM (",
            );
            push_reached(&mut select, area, &regions, &in_polygon);
            select.push(") reached");
            select.build_query_scalar().fetch_one(pool).await?
        });
        parse_id_list(listed.as_deref())
    }

    /// The ids of the confirmed volunteers with a circle zone `polygon`
    /// reaches, in order.
    pub async fn reached_by_polygon(&self, polygon: &Polygon) -> Result<Vec<i64>> {
        Ok(with_db!(self, pool => reached_by_polygon(pool, polygon).await?))
    }

    /// The ids of the confirmed volunteers with a circle zone `corridor`
    /// reaches, in order (de-duplicated here, as for a circle).
    pub async fn reached_by_corridor(&self, corridor: &Corridor) -> Result<Vec<i64>> {
        let listed: Option<String> = with_db!(self, pool => {
            let mut select = sqlx::QueryBuilder::new(
                "SELECT string_agg(CAST(volunteer_id AS TEXT), ',') FROM (",
            );
            push_reached_by_corridor(&mut select, corridor);
            select.push(") reached");
            select.build_query_scalar().fetch_one(pool).await?
        });
        parse_id_list(listed.as_deref())
    }

    /// Every case of `statuses`, newest first, read a page at a time: the
    /// whole registry for an export.
    pub async fn all_cases(&self, statuses: &[CaseStatus]) -> Result<Vec<Case>> {
        let mut filter = CaseFilter {
            statuses: statuses.to_vec(),
            limit: 500,
            ..CaseFilter::default()
        };
        let mut cases = Vec::new();
        loop {
            let page = self.list_cases(&filter).await?;
            let full = page.len() as i64 == filter.limit;
            filter.before_id = page.last().map(|c| c.id.0);
            cases.extend(page);
            if !full {
                return Ok(cases);
            }
        }
    }

    /// Cases matching `filter`, newest first.
    pub async fn list_cases(&self, filter: &CaseFilter) -> Result<Vec<Case>> {
        let rows: Vec<CaseRow> = with_db!(self, pool, Db => sqlx::query_as_with(LIST_CASES.as_str(), filter_arguments::<Db>(filter)?)
            .bind(filter.limit)
            .fetch_all(pool)
            .await?);
        let cases = rows.into_iter().map(Case::try_from);
        cases
            .filter(|case| {
                case.as_ref()
                    .map_or(true, |c| filter.reaches(&c.details.last_seen))
            })
            .collect()
    }

    /// (id, name key, aliases) of the cases `filter` selects, newest first,
    /// all of them (its limit aside): what a name search
    /// scores in Rust, the same on both databases.
    pub async fn name_index(
        &self,
        filter: &CaseFilter,
    ) -> Result<Vec<(i64, String, Option<String>)>> {
        let rows: Vec<(i64, String, Option<String>, f64, f64)> = with_db!(self, pool, Db => sqlx::query_as_with(NAME_INDEX.as_str(), filter_arguments::<Db>(filter)?)
            .fetch_all(pool)
            .await?);
        Ok(rows
            .into_iter()
            .filter(|(.., lat, lng)| {
                filter.reaches(&Coordinates {
                    lat: *lat,
                    lng: *lng,
                })
            })
            .map(|(id, key, aliases, ..)| (id, key, aliases))
            .collect())
    }

    /// What the statistics count of every case: status, outcome, age and
    /// place, nothing that names anyone (purged cases keep these, coarsened).
    pub async fn case_facts(&self) -> Result<Vec<alerta_core::stats::CaseFacts>> {
        let rows: Vec<(String, Option<String>, i64, f64, f64)> = with_db!(self, pool => sqlx::query_as(
            "SELECT status, outcome, age_years, lat, lng FROM cases WHERE status <> 'draft'")
            .fetch_all(pool)
            .await?);
        rows.into_iter()
            .map(|(status, outcome, age_years, lat, lng)| {
                Ok(alerta_core::stats::CaseFacts {
                    status: CaseStatus::parse("status", &status).map_err(|e| corrupt(e.message))?,
                    outcome: outcome
                        .map(|o| Outcome::parse("outcome", &o))
                        .transpose()
                        .map_err(|e| corrupt(e.message))?,
                    age_years,
                    last_seen: Coordinates { lat, lng },
                })
            })
            .collect()
    }

    /// A case's history, oldest first.
    pub async fn audit_log(&self, id: CaseId) -> Result<Vec<AuditEntry>> {
        let rows: Vec<AuditRow> = with_db!(self, pool => sqlx::query_as(
            "SELECT a.at, a.actor_id, u.email AS actor_email, a.action, a.detail
             FROM case_audit a LEFT JOIN users u ON u.id = a.actor_id
             WHERE a.case_id = $1 ORDER BY a.id")
            .bind(id.0)
            .fetch_all(pool)
            .await?);
        rows.into_iter()
            .map(|row| {
                Ok(AuditEntry {
                    at: from_millis(row.at),
                    actor_id: row.actor_id,
                    actor_email: row.actor_email,
                    action: row.action,
                    detail: serde_json::from_str(&row.detail).map_err(corrupt)?,
                })
            })
            .collect()
    }
}

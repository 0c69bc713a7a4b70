//! The zone index benchmark of issue 3 (see docs/benchmarks.md; run it with
//! `scripts/bench-zones`):
//!
//!     cargo bench --bench zones -- DATABASE_URL SUBSCRIPTIONS OUT.json [--postgis] [--radii=MIN-MAX]
//!
//! Fills an empty database with SUBSCRIPTIONS confirmed volunteers, one zone
//! each, through the bulk import (the time it takes is the index build
//! time), spread the way real volunteers are: around the gazetteer's towns
//! weighted by population, radii from 2 to 200 km (log-uniform; others with
//! `--radii=1-30`), 2 % whole countries. Then asks, for 1 000 alert areas
//! (population-weighted points, radius 10 km), who is reached, and times
//! each answer: the recipients' ids, each once, in this process. With `--postgis` (PostgreSQL only), the same zones go into a
//! PostGIS table (geography, GiST) and the same 1 000 questions are asked
//! of it. Seeded: every run generates the same data.

use std::time::Instant;

use alerta_core::area::{Corridor, Polygon};
use alerta_core::{Circle, Coordinates, NewSubscription, SubscriptionInput, ZoneInput};
use alerta_places::{Gazetteer, Place};
use alerta_store::Store;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::json;
use sqlx::Connection;

const QUERIES: usize = 1000;
const ALERT_RADIUS_KM: f64 = 10.0;
/// Corridor alerts: a road of three legs, about 400 km in all, 10 km wide.
const CORRIDOR_LEGS: usize = 3;
const CORRIDOR_LEG_KM: f64 = 135.0;
const CORRIDOR_WIDTH_KM: f64 = 10.0;
/// Polygon alerts: 10 corners 30 to 60 km from a town, in order around it.
const POLYGON_CORNERS: usize = 10;
const POLYGON_KM: (f64, f64) = (30.0, 60.0);

/// Picks towns in proportion to their population.
struct Towns<'a> {
    places: &'a [Place],
    cumulative: Vec<u64>,
}

impl<'a> Towns<'a> {
    fn new(places: &'a [Place]) -> Self {
        let mut total = 0;
        let cumulative = places
            .iter()
            .map(|p| {
                total += p.population.max(1);
                total
            })
            .collect();
        Towns { places, cumulative }
    }

    fn pick(&self, rng: &mut StdRng) -> &'a Place {
        let target = rng.random_range(0..*self.cumulative.last().unwrap());
        let i = self.cumulative.partition_point(|&c| c <= target);
        &self.places[i]
    }

    /// A point within 15 km of a population-weighted town.
    fn point(&self, rng: &mut StdRng) -> (Coordinates, &'a Place) {
        let town = self.pick(rng);
        let distance = 15.0 * rng.random::<f64>().sqrt();
        let bearing = rng.random_range(0.0..std::f64::consts::TAU);
        let dlat = distance * bearing.cos() / 111.2;
        let dlng =
            distance * bearing.sin() / (111.2 * town.center.lat.to_radians().cos().max(0.01));
        let lng = town.center.lng + dlng;
        let lng = if lng > 180.0 {
            lng - 360.0
        } else if lng < -180.0 {
            lng + 360.0
        } else {
            lng
        };
        let lat = (town.center.lat + dlat).clamp(-90.0, 90.0);
        (Coordinates { lat, lng }, town)
    }
}

fn subscription(i: usize, towns: &Towns, radii: (f64, f64), rng: &mut StdRng) -> NewSubscription {
    let (point, town) = towns.point(rng);
    let zone = if rng.random_bool(0.02) {
        ZoneInput {
            region: Some(town.country.clone()),
            ..Default::default()
        }
    } else {
        ZoneInput {
            lat: Some(point.lat),
            lng: Some(point.lng),
            // Log-uniform between the radii: many near, a few far.
            radius_km: Some(radii.0 * (radii.1 / radii.0).powf(rng.random::<f64>())),
            ..Default::default()
        }
    };
    let input = SubscriptionInput {
        email: Some(format!("v{i}@bench.example")),
        language: Some(["es", "pt", "fr", "en"][i % 4].into()),
        zone: Some(zone),
        poster: None,
    };
    NewSubscription::parse(&input, &alerta_places::WORLD).expect("generated zones are valid")
}

fn percentile(sorted_ms: &[f64], p: f64) -> f64 {
    let rank = ((p / 100.0) * sorted_ms.len() as f64).ceil() as usize;
    sorted_ms[rank.clamp(1, sorted_ms.len()) - 1]
}

fn summary(mut ms: Vec<f64>, reached: usize) -> serde_json::Value {
    ms.sort_by(f64::total_cmp);
    json!({
        "p50_ms": percentile(&ms, 50.0),
        "p99_ms": percentile(&ms, 99.0),
        "mean_ms": ms.iter().sum::<f64>() / ms.len() as f64,
        "max_ms": ms.last(),
        "mean_recipients": reached as f64 / ms.len() as f64,
    })
}

/// Bytes the zones (and their index) take: the SQLite file, or PostgreSQL's
/// tables and indexes.
async fn disk_bytes(url: &str) -> (u64, u64) {
    if let Some(path) = url.strip_prefix("sqlite://") {
        let mut db = sqlx::SqliteConnection::connect(url).await.unwrap();
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&mut db)
            .await
            .unwrap();
        let index: i64 = sqlx::query_scalar(
            "SELECT COALESCE(SUM(pgsize), 0) FROM dbstat WHERE name = 'zones_by_cell'",
        )
        .fetch_one(&mut db)
        .await
        .unwrap_or(0);
        let file = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        (file, index as u64)
    } else {
        let mut db = sqlx::PgConnection::connect(url).await.unwrap();
        let (total, index): (i64, i64) = sqlx::query_as(
            "SELECT pg_total_relation_size('zones') + pg_total_relation_size('volunteers'),
                    pg_relation_size('zones_by_cell')",
        )
        .fetch_one(&mut db)
        .await
        .unwrap();
        (total as u64, index as u64)
    }
}

/// The same zones in PostGIS at its best: each zone's circle as geography
/// (a polygon a hair larger than the circle) under a GiST index, the exact
/// distance from the centre deciding; the same circles and corridors asked.
async fn postgis(
    url: &str,
    areas: &[Circle],
    corridors: &[Corridor],
    polygons: &[Polygon],
) -> serde_json::Value {
    let mut db = sqlx::PgConnection::connect(url).await.unwrap();
    let (build_s, bytes) = postgis_zones(&mut db).await;
    let mut ms = Vec::with_capacity(areas.len());
    let mut reached = 0;
    for area in areas {
        let started = Instant::now();
        let point = format!("SRID=4326;POINT({} {})", area.center.lng, area.center.lat);
        reached += postgis_reached(&mut db, &point, area.radius_km).await;
        ms.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let mut corridor_ms = Vec::with_capacity(corridors.len());
    let mut corridor_reached = 0;
    for corridor in corridors {
        let started = Instant::now();
        let points: Vec<String> = corridor
            .route
            .iter()
            .map(|p| format!("{} {}", p.lng, p.lat))
            .collect();
        let line = format!("SRID=4326;LINESTRING({})", points.join(", "));
        corridor_reached += postgis_reached(&mut db, &line, corridor.width_km).await;
        corridor_ms.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let mut polygon_ms = Vec::with_capacity(polygons.len());
    let mut polygon_reached = 0;
    for polygon in polygons {
        let started = Instant::now();
        let points: Vec<String> = polygon
            .ring
            .iter()
            .chain(polygon.ring.first())
            .map(|p| format!("{} {}", p.lng, p.lat))
            .collect();
        let shape = format!("SRID=4326;POLYGON(({}))", points.join(", "));
        polygon_reached += postgis_reached(&mut db, &shape, 0.0).await;
        polygon_ms.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let mut result = summary(ms, reached);
    result["build_s"] = json!(build_s);
    result["bytes"] = json!(bytes);
    result["corridors"] = summary(corridor_ms, corridor_reached);
    result["polygons"] = summary(polygon_ms, polygon_reached);
    result
}

/// The zones whose circle comes within `km` of `shape` (EWKT), handed over
/// and de-duplicated as Alerta's are (one text, sorted here), so that the
/// two differ only by their index.
async fn postgis_reached(db: &mut sqlx::PgConnection, shape: &str, km: f64) -> usize {
    let listed: Option<String> = sqlx::query_scalar(
        "SELECT string_agg(volunteer_id::text, ',') FROM postgis_zones
         WHERE ST_DWithin(area, ST_GeogFromText($1), $2)
           AND ST_DWithin(center, ST_GeogFromText($1), radius_m + $2)",
    )
    .bind(shape)
    .bind(km * 1000.0)
    .fetch_one(&mut *db)
    .await
    .unwrap();
    let mut ids: Vec<i64> = listed
        .unwrap_or_default()
        .split_terminator(',')
        .map(|id| id.parse().unwrap())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids.len()
}

/// Builds PostGIS's table and index; answers the time it took and its size.
async fn postgis_zones(db: &mut sqlx::PgConnection) -> (f64, i64) {
    for statement in [
        // As Alerta's connections have it (alerta_store): fair to both.
        "SET jit = off",
        "CREATE EXTENSION IF NOT EXISTS postgis",
        "DROP TABLE IF EXISTS postgis_zones",
        "CREATE TABLE postgis_zones (
            volunteer_id BIGINT NOT NULL,
            center geography(Point, 4326) NOT NULL,
            radius_m DOUBLE PRECISION NOT NULL,
            area geography(Polygon, 4326) NOT NULL)",
    ] {
        sqlx::query(statement).execute(&mut *db).await.unwrap();
    }
    let started = Instant::now();
    sqlx::query(
        "INSERT INTO postgis_zones
         SELECT z.volunteer_id, ST_MakePoint(z.lng, z.lat)::geography, z.radius_km * 1000,
                ST_Buffer(ST_MakePoint(z.lng, z.lat)::geography, z.radius_km * 1010)
         FROM zones z WHERE z.region IS NULL AND z.confirmed_at IS NOT NULL",
    )
    .execute(&mut *db)
    .await
    .unwrap();
    sqlx::query("CREATE INDEX postgis_zones_area ON postgis_zones USING gist (area)")
        .execute(&mut *db)
        .await
        .unwrap();
    sqlx::query("ANALYZE postgis_zones")
        .execute(&mut *db)
        .await
        .unwrap();
    let build_s = started.elapsed().as_secs_f64();
    let bytes: i64 = sqlx::query_scalar("SELECT pg_total_relation_size('postgis_zones')")
        .fetch_one(&mut *db)
        .await
        .unwrap();
    (build_s, bytes)
}

/// A road from `start`: legs of [`CORRIDOR_LEG_KM`], each turning up to
/// 60° from the one before.
fn corridor_from(start: Coordinates, rng: &mut StdRng) -> Corridor {
    let mut bearing: f64 = rng.random_range(0.0..360.0);
    let mut route = vec![start];
    for _ in 0..CORRIDOR_LEGS {
        let from = *route.last().unwrap();
        let degrees = CORRIDOR_LEG_KM / 111.195;
        let lat = (from.lat + degrees * bearing.to_radians().cos()).clamp(-85.0, 85.0);
        let lng = from.lng + degrees * bearing.to_radians().sin() / from.lat.to_radians().cos();
        route.push(Coordinates {
            lat,
            lng: (lng + 540.0).rem_euclid(360.0) - 180.0,
        });
        bearing += rng.random_range(-60.0..60.0);
    }
    Corridor {
        route,
        width_km: CORRIDOR_WIDTH_KM,
    }
}

/// A polygon round `centre`: [`POLYGON_CORNERS`] corners at bearings in
/// order, each at a distance drawn from [`POLYGON_KM`] (star-shaped, so
/// its edges never cross).
fn polygon_around(centre: Coordinates, rng: &mut StdRng) -> Polygon {
    let step = 360.0 / POLYGON_CORNERS as f64;
    let ring = (0..POLYGON_CORNERS)
        .map(|i| {
            let bearing = i as f64 * step + rng.random_range(0.0..step * 0.5);
            centre.destination(bearing, rng.random_range(POLYGON_KM.0..POLYGON_KM.1))
        })
        .collect();
    Polygon { ring }
}

/// The most memory this process has held (Linux), in MiB.
fn peak_memory_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

#[tokio::main]
async fn main() {
    // `cargo bench` passes --bench; `cargo test --all-targets` runs this too,
    // without it: then a small pass on a throw-away SQLite file checks that
    // the benchmark still works.
    let benchmarking = std::env::args().any(|a| a == "--bench");
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let check_dir = tempfile::tempdir().unwrap();
    let (url, count, out, queries) = match (benchmarking, args.as_slice()) {
        (true, [url, count, out, ..]) => (
            url.clone(),
            count.parse::<usize>().expect("a count"),
            out.clone(),
            QUERIES,
        ),
        (false, _) => (
            format!("sqlite://{}/check.db", check_dir.path().display()),
            2000,
            check_dir.path().join("check.json").display().to_string(),
            20,
        ),
        _ => {
            eprintln!(
                "usage: cargo bench --bench zones -- DATABASE_URL SUBSCRIPTIONS OUT.json [--postgis] [--radii=MIN-MAX]"
            );
            std::process::exit(2);
        }
    };
    let with_postgis = args.iter().any(|a| a == "--postgis");
    // Circle zones' radii, log-uniform between the two (km).
    let radii: (f64, f64) = args
        .iter()
        .find_map(|a| a.strip_prefix("--radii="))
        .map(|range| {
            let (min, max) = range.split_once('-').expect("--radii=MIN-MAX");
            (
                min.parse().expect("a radius"),
                max.parse().expect("a radius"),
            )
        })
        .unwrap_or((2.0, 200.0));
    let store = Store::connect(&url, &alerta_places::WORLD)
        .await
        .expect("the database answers");
    store.migrate().await.unwrap();
    let towns = Towns::new(Gazetteer::shared().places());
    let mut rng = StdRng::seed_from_u64(20261126);
    let now = chrono::Utc::now();

    eprintln!(
        "importing {count} subscriptions into {}",
        url.split('?').next().unwrap_or("")
    );
    let started = Instant::now();
    let mut imported = 0;
    let batch_rows = store.import_batch_rows();
    while imported < count {
        let batch: Vec<NewSubscription> = (imported..count.min(imported + batch_rows))
            .map(|i| subscription(i, &towns, radii, &mut rng))
            .collect();
        store.import_subscriptions(&batch, true, now).await.unwrap();
        imported += batch.len();
        if imported % 100_000 == 0 {
            eprintln!("  {imported} in {:.0} s", started.elapsed().as_secs_f64());
        }
    }
    store.finish_import().await.unwrap();
    let import_s = started.elapsed().as_secs_f64();

    let areas: Vec<Circle> = (0..queries)
        .map(|_| Circle {
            center: towns.point(&mut rng).0,
            radius_km: ALERT_RADIUS_KM,
        })
        .collect();
    // One pass to warm the caches, as a server that has run a while has them.
    for area in areas.iter().take(100) {
        store.reached_volunteers(&(*area).into()).await.unwrap();
    }
    // The recipients' ids, each once, in this process: what `reach` counts
    // for police and what a server has in hand to send to.
    let mut ms = Vec::with_capacity(queries);
    let mut reached = 0;
    for area in &areas {
        let started = Instant::now();
        reached += store
            .reached_volunteers(&(*area).into())
            .await
            .unwrap()
            .len();
        ms.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    // Corridors from towns, along roads of three legs in changing directions.
    let corridors: Vec<Corridor> = (0..queries / 5)
        .map(|_| corridor_from(towns.point(&mut rng).0, &mut rng))
        .collect();
    for corridor in corridors.iter().take(20) {
        store.reached_by_corridor(corridor).await.unwrap();
    }
    let mut corridor_ms = Vec::with_capacity(corridors.len());
    let mut corridor_reached = 0;
    for corridor in &corridors {
        let started = Instant::now();
        corridor_reached += store.reached_by_corridor(corridor).await.unwrap().len();
        corridor_ms.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    // Polygons round towns, their zones decided in Rust from the index's
    // candidates.
    let polygons: Vec<Polygon> = (0..queries / 5)
        .map(|_| polygon_around(towns.point(&mut rng).0, &mut rng))
        .collect();
    for polygon in polygons.iter().take(20) {
        store.reached_by_polygon(polygon).await.unwrap();
    }
    let mut polygon_ms = Vec::with_capacity(polygons.len());
    let mut polygon_reached = 0;
    for polygon in &polygons {
        let started = Instant::now();
        polygon_reached += store.reached_by_polygon(polygon).await.unwrap().len();
        polygon_ms.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    // The part of each answer that is not the database: which countries and
    // regions the area touches (offline boundaries), to see where time goes.
    let mut region_ms = Vec::with_capacity(queries);
    for area in &areas {
        let started = Instant::now();
        std::hint::black_box(alerta_core::Geography::regions_touching(
            &alerta_places::WORLD,
            area,
        ));
        region_ms.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let (bytes, index_bytes) = disk_bytes(&url).await;
    let mut result = json!({
        "database": if url.starts_with("postgres") { "postgres" } else { "sqlite" },
        "subscriptions": count,
        "queries": queries,
        "alert_radius_km": ALERT_RADIUS_KM,
        "zone_radii_km": [radii.0, radii.1],
        "import_s": import_s,
        "bytes": bytes,
        "index_bytes": index_bytes,
        "alerta": summary(ms, reached),
        "corridor_km": [CORRIDOR_LEGS as f64 * CORRIDOR_LEG_KM, CORRIDOR_WIDTH_KM],
        "alerta_corridors": summary(corridor_ms, corridor_reached),
        "polygon_km": [POLYGON_CORNERS as f64, POLYGON_KM.0, POLYGON_KM.1],
        "alerta_polygons": summary(polygon_ms, polygon_reached),
        "regions_touching": summary(region_ms, 0),
        // The store and its queries run in this process: its peak is the
        // server's (SQLite's page cache included).
        "peak_memory_mib": peak_memory_mib(),
    });
    if with_postgis {
        eprintln!("the same in PostGIS");
        let postgis = postgis(&url, &areas, &corridors, &polygons).await;
        for (shape, ours, ratio, percentile) in [
            (
                "corridors",
                "alerta_corridors",
                "corridor_ratio_p50",
                "p50_ms",
            ),
            (
                "corridors",
                "alerta_corridors",
                "corridor_ratio_p99",
                "p99_ms",
            ),
            ("polygons", "alerta_polygons", "polygon_ratio_p50", "p50_ms"),
            ("polygons", "alerta_polygons", "polygon_ratio_p99", "p99_ms"),
        ] {
            result[ratio] = json!(
                postgis[shape][percentile].as_f64().unwrap()
                    / result[ours][percentile].as_f64().unwrap()
            );
        }
        result["ratio_p50"] = json!(
            postgis["p50_ms"].as_f64().unwrap() / result["alerta"]["p50_ms"].as_f64().unwrap()
        );
        result["ratio_p99"] = json!(
            postgis["p99_ms"].as_f64().unwrap() / result["alerta"]["p99_ms"].as_f64().unwrap()
        );
        result["postgis"] = postgis;
    }
    let text = serde_json::to_string_pretty(&result).unwrap();
    println!("{text}");
    std::fs::write(&out, text).unwrap();
}

//! Alert areas along a road: the zone index finds, for a corridor, exactly
//! the zones the domain says it reaches, on SQLite and on PostgreSQL.

use std::collections::BTreeSet;

use alerta_core::area::Corridor;
use alerta_core::{Circle, Coordinates, NewSubscription, SubscriptionInput, ZoneInput};
use alerta_store::Store;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::common::*;

const ZONES: usize = 3000;

fn at(lat: f64, lng: f64) -> Coordinates {
    Coordinates { lat, lng }
}

fn wrapped(lng: f64) -> f64 {
    (lng + 540.0).rem_euclid(360.0) - 180.0
}

/// Zone by zone against [`Corridor::reaches`]: zones beside the legs, at
/// the bends and past the ends, of a road from Cochabamba by Villa Tunari
/// to Santa Cruz de la Sierra and of a route across the antimeridian
/// (Fiji), at three widths.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_corridor_reaches_the_zones_along_its_route_and_no_other() {
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database_url(dir.path()).await;
    let store = Store::connect(&url, &alerta_places::WORLD).await.unwrap();
    store.migrate().await.unwrap();
    let routes = [
        vec![at(-17.39, -66.16), at(-16.98, -65.41), at(-17.78, -63.18)],
        vec![at(-16.5, 179.4), at(-16.9, -179.6), at(-17.3, -178.9)],
    ];
    let mut rng = StdRng::seed_from_u64(21);
    let zones: Vec<Circle> = (0..ZONES)
        .map(|i| {
            let route = &routes[i % routes.len()];
            let leg = rng.random_range(0..route.len() - 1);
            // Somewhere along a leg, a little past its ends included.
            let along = route[leg].towards(&route[leg + 1], rng.random_range(-0.2..1.2));
            Circle {
                center: at(
                    along.lat + rng.random_range(-1.0..1.0),
                    wrapped(along.lng + rng.random_range(-1.0..1.0)),
                ),
                radius_km: rng.random_range(1.0..30.0),
            }
        })
        .collect();
    import_zones(&store, &zones).await;
    let mut ids = Vec::new();
    for i in 0..ZONES {
        let email = format!("v{i}@example.org");
        ids.push(store.volunteer_by_email(&email).await.unwrap().unwrap().0);
    }

    for route in &routes {
        for width_km in [2.0, 10.0, 50.0] {
            let corridor = Corridor {
                route: route.clone(),
                width_km,
            };
            let expected: BTreeSet<i64> = zones
                .iter()
                .zip(&ids)
                .filter(|(zone, _)| corridor.reaches(&zone.cap()))
                .map(|(_, id)| *id)
                .collect();
            let found = store.reached_by_corridor(&corridor).await.unwrap();
            assert_eq!(
                found,
                expected.iter().copied().collect::<Vec<_>>(),
                "{width_km} km along {route:?}"
            );
            assert!(
                expected.len() > 20 && expected.len() < ZONES / 2,
                "{} reached: the test must tell zones in from zones out",
                expected.len()
            );
        }
    }
}

async fn import_zones(store: &Store, zones: &[Circle]) {
    let subscriptions: Vec<NewSubscription> = zones
        .iter()
        .enumerate()
        .map(|(i, zone)| {
            let input = SubscriptionInput {
                email: Some(format!("v{i}@example.org")),
                language: Some("es".into()),
                zone: Some(ZoneInput {
                    lat: Some(zone.center.lat),
                    lng: Some(zone.center.lng),
                    radius_km: Some(zone.radius_km),
                    ..Default::default()
                }),
                poster: None,
            };
            NewSubscription::parse(&input, &alerta_places::WORLD).unwrap()
        })
        .collect();
    let commands = alerta_app::Alerta::new(
        store.clone(),
        std::sync::Arc::new(chrono::Utc::now),
        alerta_app::MailQueue::default(),
    );
    commands
        .import_volunteers(&subscriptions, true)
        .await
        .unwrap();
}

//! Bringing an existing volunteer list in, and the matching checked against
//! a brute-force scan.

use std::process::Command;

use alerta_core::{Circle, Coordinates, NewSubscription, SubscriptionInput, ZoneInput};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::common::*;

fn import(dir: &std::path::Path, url: &str, csv: &str, confirmed: bool) -> (bool, String) {
    let file = dir.join("volunteers.csv");
    std::fs::write(&file, csv).unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_alerta"));
    command
        .args(["volunteers", "import"])
        .arg(&file)
        .env("ALERTA_DATABASE_URL", url)
        .current_dir(dir);
    if confirmed {
        command.arg("--confirmed");
    }
    let output = command.output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), text)
}

const LIST: &str = "\
email,language,lat,lng,radius_km,place,region
ana@example.org,es,-17.39,-66.15,10,,
ana@example.org,es,-16.50,-68.15,25,,
joao@example.org,pt,-23.55,-46.63,15,,
bad@example.org,es,-17.39,-66.15,0,,
not-an-address,es,-17.39,-66.15,10,,
lat@example.org,es,abc,-66.15,10,,
place@example.org,es,,,,Qwertzville,
town@example.org,es,,,,\"Cochabamba, BO\",
\"quoted@example.org\",fr,48.85,2.35,5,,
";

#[tokio::test]
async fn an_imported_list_is_checked_row_by_row_and_confirmation_mail_is_queued() {
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database_url(dir.path()).await;
    let (ok, output) = import(dir.path(), &url, LIST, false);
    assert!(ok, "{output}");
    assert!(
        output.contains("line 5: radius_km: must be between 1 and 500"),
        "{output}"
    );
    assert!(output.contains("line 6: email:"), "{output}");
    assert!(output.contains("line 7: lat: is not a number"), "{output}");
    assert!(output.contains("line 8: place:"), "{output}");
    assert!(
        output.contains("9 rows: 4 refused; 4 new volunteers, 5 zones added"),
        "{output}"
    );
    assert!(
        !output.contains("ana@example.org"),
        "the report names lines, not addresses"
    );

    let store = alerta_store::Store::connect(&url, &alerta_places::WORLD)
        .await
        .unwrap();
    assert_eq!(
        store.volunteer_state("ana@example.org").await.unwrap(),
        Some(("pending".into(), 2, 0))
    );
    let counts = store.counts().await.unwrap();
    assert_eq!(
        (counts.volunteers, counts.zones, counts.outbox),
        (4, 5, 4),
        "one confirmation mail per new address"
    );

    // Run again, it adds nothing twice and mails nobody again.
    let (ok, output) = import(dir.path(), &url, LIST, false);
    assert!(ok, "{output}");
    assert!(output.contains("5 (zone held already)"), "{output}");
    let counts = store.counts().await.unwrap();
    assert_eq!((counts.volunteers, counts.zones, counts.outbox), (4, 5, 4));

    // Vouched for later, the file's zones are added confirmed; the zones
    // waiting for their owner's click stay unconfirmed (someone else may
    // have asked for them) until they expire.
    let (ok, output) = import(dir.path(), &url, LIST, true);
    assert!(ok, "{output}");
    assert!(
        output.contains("0 new volunteers, 5 zones added"),
        "{output}"
    );
    assert_eq!(
        store.volunteer_state("ana@example.org").await.unwrap(),
        Some(("confirmed".into(), 4, 2))
    );
}

#[tokio::test]
async fn a_list_imported_as_confirmed_is_alerted_at_once_and_bad_headers_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database_url(dir.path()).await;
    let (ok, output) = import(dir.path(), &url, LIST, true);
    assert!(ok, "{output}");
    let store = alerta_store::Store::connect(&url, &alerta_places::WORLD)
        .await
        .unwrap();
    assert_eq!(
        store.volunteer_state("ana@example.org").await.unwrap(),
        Some(("confirmed".into(), 2, 2))
    );
    assert_eq!(
        store.counts().await.unwrap().outbox,
        0,
        "no confirmation mail"
    );
    let cochabamba = Circle {
        center: Coordinates {
            lat: -17.3935,
            lng: -66.157,
        },
        radius_km: 10.0,
    };
    // Ana's circle, and the town named on the line after.
    assert_eq!(store.reach(cochabamba).await.unwrap(), 2);

    // Run again (as after an interruption), it adds nothing twice.
    let (ok, output) = import(dir.path(), &url, LIST, true);
    assert!(ok, "{output}");
    assert!(
        output.contains("9 rows: 4 refused; 0 new volunteers, 0 zones added")
            && output.contains("5 (zone held already)"),
        "{output}"
    );
    assert_eq!(store.counts().await.unwrap().zones, 5);
    assert_eq!(store.reach(cochabamba).await.unwrap(), 2);

    let (ok, output) = import(dir.path(), &url, "mail,lat,lng\nx@example.org,1,2\n", true);
    assert!(!ok);
    assert!(output.contains("needs `email`"), "{output}");
}

#[tokio::test]
async fn matching_agrees_with_a_brute_force_scan() {
    let app = spawn_app().await;
    let mut rng = StdRng::seed_from_u64(20261124);
    // Zones clustered around a few cities (as real volunteers are) plus some anywhere.
    let cities = [
        (-17.39, -66.16),
        (-23.55, -46.63),
        (4.66, -74.09),
        (18.55, -72.34),
        (-12.05, -77.04),
        (0.0, 179.9),
        // Far north and south, where a degree of longitude is short.
        (69.65, 18.96),
        (-77.85, 166.67),
    ];
    let mut zones = Vec::new();
    for i in 0..10_000 {
        let (lat, lng) = if i % 10 == 0 {
            (
                rng.random_range(-85.0..85.0),
                rng.random_range(-180.0..180.0),
            )
        } else {
            let (lat, lng) = cities[i % cities.len()];
            let lng: f64 = lng + rng.random_range(-3.0..3.0);
            (
                lat + rng.random_range(-3.0..3.0),
                if lng > 180.0 { lng - 360.0 } else { lng },
            )
        };
        // Some wide zones: the boxes that hold them are the hardest to get right.
        let radius_km = if i % 10 == 1 {
            rng.random_range(200.0..500.0)
        } else {
            rng.random_range(1.0..200.0)
        };
        let input = SubscriptionInput {
            email: Some(format!("v{}@example.org", i % 7000)),
            language: None,
            zone: Some(ZoneInput {
                lat: Some(lat),
                lng: Some(lng),
                radius_km: Some(radius_km),
                ..Default::default()
            }),
            poster: None,
        };
        zones.push((
            i % 7000,
            NewSubscription::parse(&input, &alerta_places::WORLD).unwrap(),
        ));
    }
    let batch: Vec<NewSubscription> = zones.iter().map(|(_, s)| s.clone()).collect();
    for chunk in batch.chunks(2000) {
        app.app.import_volunteers(chunk, true).await.unwrap();
    }

    for _ in 0..1000 {
        let (lat, lng) = if rng.random_bool(0.8) {
            let (lat, lng) = cities[rng.random_range(0..cities.len())];
            let lng: f64 = lng + rng.random_range(-4.0..4.0);
            (
                lat + rng.random_range(-4.0..4.0),
                if lng > 180.0 { lng - 360.0 } else { lng },
            )
        } else {
            (
                rng.random_range(-89.0..89.0),
                rng.random_range(-180.0..180.0),
            )
        };
        let area = Circle {
            center: Coordinates { lat, lng },
            radius_km: rng.random_range(0.5..100.0),
        };
        let mut expected: Vec<usize> = zones
            .iter()
            .filter(|(_, z)| z.zone.reached_by(&area.into(), &[]))
            .map(|(v, _)| *v)
            .collect();
        expected.sort_unstable();
        expected.dedup();
        let found = app.store.reach(area).await.unwrap();
        assert_eq!(found, expected.len(), "at {area:?}");
    }
    app.stop().await;
}

/// Clears the index cells of every zone, as rows stored before the zone
/// index existed have none.
async fn forget_zone_cells(url: &str) {
    use sqlx::Connection;
    let forget = "UPDATE zones SET cell = NULL";
    if url.starts_with("postgres") {
        let mut db = sqlx::PgConnection::connect(url).await.unwrap();
        sqlx::query(forget).execute(&mut db).await.unwrap();
    } else {
        let mut db = sqlx::SqliteConnection::connect(url).await.unwrap();
        sqlx::query(forget).execute(&mut db).await.unwrap();
    }
}

#[tokio::test]
async fn zones_stored_before_the_index_existed_are_found_after_the_next_start() {
    let app = spawn_app().await;
    confirmed_zone(&app, "antes@example.org", -17.39, -66.16, 5.0).await;
    let area = Circle {
        center: Coordinates {
            lat: -17.40,
            lng: -66.15,
        },
        radius_km: 10.0,
    };
    assert_eq!(app.store.reach(area).await.unwrap(), 1);
    forget_zone_cells(&app.database_url).await;
    assert_eq!(app.store.reach(area).await.unwrap(), 0, "the index lost it");
    app.store.migrate().await.unwrap();
    assert_eq!(app.store.reach(area).await.unwrap(), 1, "found again");
}

//! Alert areas along a road: the zone index finds, for a corridor, exactly
//! the zones the domain says it reaches, on SQLite and on PostgreSQL.

use std::collections::BTreeSet;

use alerta_core::area::{AlertArea, Corridor, Polygon};
use alerta_core::{Circle, Coordinates, NewSubscription, Role, SubscriptionInput, ZoneInput};
use alerta_store::Store;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use reqwest::StatusCode;
use serde_json::json;

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

/// Zone by zone against [`Polygon::reaches`] and, for the whole area (a
/// circle, a corridor and a polygon at once), [`AlertArea::reaches`]: an
/// L-shaped polygon east of Cochabamba (zones inside it, across its edges,
/// in the notch) and one across the antimeridian (Fiji).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_polygon_reaches_the_zones_it_overlaps_and_no_other() {
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database_url(dir.path()).await;
    let store = Store::connect(&url, &alerta_places::WORLD).await.unwrap();
    store.migrate().await.unwrap();
    let l_shape = Polygon {
        ring: vec![
            at(-17.0, -65.8),
            at(-17.0, -65.2),
            at(-17.4, -65.2),
            at(-17.4, -64.6),
            at(-17.8, -64.6),
            at(-17.8, -65.8),
        ],
    };
    let fiji = Polygon {
        ring: vec![
            at(-16.3, 179.2),
            at(-16.4, -179.5),
            at(-17.6, -179.7),
            at(-17.5, 179.0),
        ],
    };
    let mut rng = StdRng::seed_from_u64(5);
    let zones: Vec<Circle> = (0..ZONES)
        .map(|i| {
            let (lat, lng) = if i % 2 == 0 {
                (
                    rng.random_range(-18.2..-16.6),
                    rng.random_range(-66.3..-64.2),
                )
            } else {
                (
                    rng.random_range(-18.0..-16.0),
                    wrapped(rng.random_range(178.6..181.0)),
                )
            };
            Circle {
                center: at(lat, lng),
                radius_km: rng.random_range(1.0..20.0),
            }
        })
        .collect();
    import_zones(&store, &zones).await;
    let mut ids = Vec::new();
    for i in 0..ZONES {
        let email = format!("v{i}@example.org");
        ids.push(store.volunteer_by_email(&email).await.unwrap().unwrap().0);
    }
    let expected = |reaches: &dyn Fn(&alerta_core::Cap) -> bool| -> Vec<i64> {
        let set: BTreeSet<i64> = zones
            .iter()
            .zip(&ids)
            .filter(|(zone, _)| reaches(&zone.cap()))
            .map(|(_, id)| *id)
            .collect();
        set.into_iter().collect()
    };
    for polygon in [&l_shape, &fiji] {
        let wanted = expected(&|zone| polygon.reaches(zone));
        let found = store.reached_by_polygon(polygon).await.unwrap();
        assert_eq!(found, wanted, "{polygon:?}");
        assert!(
            wanted.len() > 50 && wanted.len() < ZONES / 3,
            "{} reached: the test must tell zones in from zones out",
            wanted.len()
        );
    }
    // The notch of the L (north-east of its corner) is outside.
    let notch = Circle {
        center: at(-17.2, -64.9),
        radius_km: 5.0,
    };
    assert!(!l_shape.reaches(&notch.cap()));

    let area = AlertArea {
        circle: Circle {
            center: at(-17.39, -66.16),
            radius_km: 15.0,
        },
        corridor: Some(Corridor {
            route: vec![at(-17.39, -66.16), at(-16.98, -65.41), at(-17.78, -63.18)],
            width_km: 5.0,
        }),
        polygon: Some(l_shape.clone()),
    };
    let wanted = expected(&|zone| area.reaches(zone));
    assert_eq!(store.reached_volunteers(&area).await.unwrap(), wanted);
    let polygon_only = expected(&|zone| l_shape.reaches(zone)).len();
    assert!(wanted.len() > polygon_only, "the circle and road add some");
}

/// A point `km` to the right of the middle of the leg from `a` to `b`.
fn beside(a: Coordinates, b: Coordinates, km: f64) -> Coordinates {
    let middle = a.towards(&b, 0.5);
    middle.destination(middle.bearing_to(&b) + 90.0, km)
}

/// Police alert along the road from Cochabamba to Santa Cruz: the
/// volunteers on it are mailed, not those beside it; widening the road
/// mails only those it newly reaches; the API shows the road, CAP carries
/// it as a ring valid against the schema, and a family may not draw one.
#[tokio::test]
async fn police_alert_along_a_road_and_widen_it() {
    let app = spawn_app().await;
    let police = app.user(Role::Police).await;
    let family = app.user(Role::Family).await;
    let (cochabamba, villa_tunari, santa_cruz) = (
        at(-17.3935, -66.157),
        at(-16.9725, -65.4203),
        at(-17.7833, -63.1821),
    );
    let off_road = beside(villa_tunari, santa_cruz, 8.0);
    confirmed_zone(&app, "plaza@example.org", -17.39, -66.16, 2.0).await;
    confirmed_zone(&app, "tunari@example.org", -16.97, -65.42, 1.0).await;
    confirmed_zone(&app, "beside@example.org", off_road.lat, off_road.lng, 1.0).await;
    confirmed_zone(&app, "lapaz@example.org", -16.5, -68.15, 5.0).await;

    let point = |p: Coordinates| json!({ "lat": p.lat, "lng": p.lng });
    let mut case = valid_case();
    case["alert_route"] = json!([point(cochabamba), point(villa_tunari), point(santa_cruz)]);
    case["alert_route_width_km"] = json!(5);

    let refused = app.post("/api/v1/cases", Some(&family), &case).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body(refused).await["error"]["field"], "alert_route");

    let id = app.create_case(&police, &case).await;
    let recipients = app.publish_reaching(&police, id).await;
    assert_eq!(recipients, 2, "the plaza and Villa Tunari");

    let wider = app
        .widen(&police, id, &json!({ "alert_route_width_km": 10 }))
        .await;
    assert_eq!(wider.status(), StatusCode::OK);
    assert_eq!(
        body(wider).await["recipients"],
        1,
        "the volunteer beside the road"
    );
    let narrower = app
        .widen(&police, id, &json!({ "alert_route_width_km": 4 }))
        .await;
    assert_eq!(narrower.status(), StatusCode::CONFLICT);

    let shown = body(app.get(&format!("/api/v1/cases/{id}"), Some(&police)).await).await;
    assert_eq!(shown["alert_route_width_km"], 10.0);
    assert_eq!(shown["alert_route"].as_array().unwrap().len(), 3);
    assert_eq!(shown["reach"], 3);

    let cap = app
        .get(&format!("/api/v1/cases/{id}/cap.xml"), None)
        .await
        .text()
        .await
        .unwrap();
    crate::exchange::xmllint(&cap, true);
    // One ring in each language's <info>, the same.
    let rings = crate::exchange::element(&cap, "polygon");
    assert_eq!(
        rings.len(),
        crate::exchange::element(&cap, "language").len()
    );
    assert!(rings.iter().all(|r| *r == rings[0]), "{cap}");
    let ring: Vec<Coordinates> = rings[0]
        .split(' ')
        .map(|pair| {
            let (lat, lng) = pair.split_once(',').unwrap();
            at(lat.parse().unwrap(), lng.parse().unwrap())
        })
        .collect();
    assert!(ring.len() >= 4 && ring.len() < 300, "{} points", ring.len());
    assert_eq!(ring.first(), ring.last(), "closed");
    let outline = Polygon {
        ring: ring[..ring.len() - 1].to_vec(),
    };
    assert!(outline.contains(&villa_tunari) && outline.contains(&off_road));
    assert!(!outline.contains(&at(-16.5, -68.15)), "La Paz");

    // Only the volunteers the alert reached hear it was widened: La Paz
    // never had mail from this case.
    let outbox = app
        .store
        .dispatch_figures(alerta_core::CaseId(id))
        .await
        .unwrap();
    assert_eq!(outbox.recipients, 3);
    app.stop().await;
}

/// A polygon drawn round the valleys south of Cochabamba reaches a
/// volunteer inside it, far from the last-seen point; one that crosses
/// itself is refused by name, storing nothing.
#[tokio::test]
async fn police_alert_over_a_polygon() {
    let app = spawn_app().await;
    let police = app.user(Role::Police).await;
    confirmed_zone(&app, "inside@example.org", -17.9, -65.6, 1.0).await;
    confirmed_zone(&app, "outside@example.org", -18.6, -64.6, 1.0).await;
    let ring = json!([
        { "lat": -17.5, "lng": -66.2 },
        { "lat": -17.5, "lng": -65.3 },
        { "lat": -18.3, "lng": -65.3 },
        { "lat": -18.3, "lng": -66.2 },
        { "lat": -17.5, "lng": -66.2 },
    ]);
    let mut bow_tie = valid_case();
    bow_tie["alert_polygon"] = json!([
        { "lat": -17.5, "lng": -66.2 },
        { "lat": -18.3, "lng": -65.3 },
        { "lat": -17.5, "lng": -65.3 },
        { "lat": -18.3, "lng": -66.2 },
    ]);
    let refused = app.post("/api/v1/cases", Some(&police), &bow_tie).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body(refused).await["error"]["field"], "alert_polygon");
    assert_eq!(app.counts().await.cases_draft, 0, "nothing stored");

    let mut case = valid_case();
    case["alert_polygon"] = ring;
    let id = app.create_case(&police, &case).await;
    assert_eq!(app.publish_reaching(&police, id).await, 1);
    let cap = app
        .get(&format!("/api/v1/cases/{id}/cap.xml"), None)
        .await
        .text()
        .await
        .unwrap();
    crate::exchange::xmllint(&cap, true);
    let rings = crate::exchange::element(&cap, "polygon");
    assert!(!rings.is_empty());
    for ring in rings {
        assert_eq!(
            ring,
            "-17.50000,-66.20000 -17.50000,-65.30000 -18.30000,-65.30000 \
             -18.30000,-66.20000 -17.50000,-66.20000"
        );
    }
    app.stop().await;
}

/// An officer draws the road on the desk by typing its towns: a misspelt
/// town is refused by name and nothing changes; the road as typed is
/// stored, the desk shows it with what each part reaches, and on a
/// published case the volunteers along it are alerted at once. An edit
/// of the case's details from the form keeps the road.
#[tokio::test]
async fn police_draw_a_road_by_its_towns_on_the_desk() {
    use crate::pages::Visitor;
    let app = spawn_app().await;
    let police = app.user(Role::Police).await;
    confirmed_zone(&app, "chimore@example.org", -16.99, -65.15, 2.0).await;
    let id = app.create_case(&police, &valid_case()).await;
    app.publish(&police, id).await;
    let officer = Visitor::new(&app);
    officer.sign_in(&police.email).await;
    let desk = format!("/police/cases/{id}");
    let action = format!("/police/cases/{id}/area");

    let refused = officer
        .submit(
            &desk,
            &action,
            &[
                ("route", "Cochabamba, Villa Tnari"),
                ("route_width_km", "5"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.html.contains("«Villa Tnari»"), "{}", refused.html);
    let case = body(app.get(&format!("/api/v1/cases/{id}"), Some(&police)).await).await;
    assert!(case.get("alert_route").is_none(), "nothing stored");

    let drawn = officer
        .submit(
            &desk,
            &action,
            &[
                (
                    "route",
                    "Cochabamba, Chimore, Villa Yapacani, Santa Cruz de la Sierra",
                ),
                ("route_width_km", "5"),
                ("partner_kind", "border_post"),
            ],
        )
        .await;
    assert_eq!(drawn.status, StatusCode::SEE_OTHER, "{}", drawn.html);
    assert_eq!(
        drawn.location.as_deref(),
        Some(format!("/police/cases/{id}?done=area&count=1").as_str()),
        "the volunteer in Chimoré is alerted"
    );
    let case = body(app.get(&format!("/api/v1/cases/{id}"), Some(&police)).await).await;
    assert_eq!(case["alert_route"].as_array().unwrap().len(), 4);
    assert_eq!(case["alert_route_width_km"], 5.0);
    let page = officer.get(&desk).await;
    assert!(
        page.html
            .contains("Cochabamba → Chimoré → Villa Yapacaní → Santa Cruz de la Sierra"),
        "{}",
        page.html
    );
    assert!(page.html.contains("por la carretera: 1"), "{}", page.html);
    assert!(
        page.html.contains("hasta Santa Cruz de la Sierra"),
        "the map says so"
    );

    // A widening of the road planned ahead, as the desk lists it.
    let planned = app
        .put(
            &format!("/api/v1/cases/{id}/widenings"),
            Some(&police),
            &json!({ "steps": [{ "after_hours": 6, "alert_route_width_km": 20 }] }),
        )
        .await;
    assert_eq!(planned.status(), StatusCode::OK);
    assert_eq!(body(planned).await[0]["alert_route_width_km"], 20.0);
    let page = officer.get(&desk).await;
    assert!(
        page.html
            .contains("A las 6 h de publicado: 20 km a cada lado de la carretera (pendiente)"),
        "{}",
        page.html
    );

    // The details form has no road or partners: an edit keeps them.
    let (csrf, fields) =
        crate::pages::edit_form_fields(&officer, id, &[("hair", "negro, corto")]).await;
    let saved = crate::pages::post_edit(&officer, &app, id, csrf, fields).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.html);
    let case = body(app.get(&format!("/api/v1/cases/{id}"), Some(&police)).await).await;
    assert_eq!(case["hair"], "negro, corto");
    assert_eq!(case["alert_route"].as_array().unwrap().len(), 4, "kept");
    assert_eq!(case["alert_partner_kinds"], json!(["border_post"]), "kept");
    app.stop().await;
}

/// A road across a border, La Paz to Puno by Desaguadero: the volunteers
/// who watch all of Peru, and the Peruvian police, hear of it only through
/// the road; a polygon cut short of the border reaches nobody over there.
/// The exports say the road: CSV as WKT, PFIF as a description line read
/// back by an import.
#[tokio::test]
async fn a_road_across_a_border_reaches_the_country_beyond() {
    let app = spawn_app().await;
    let la_paz = app.officer_of("FELCC La Paz", "BO-L").await;
    let lima = app.officer_of("Policía Nacional del Perú", "PE").await;
    let watchers: Vec<NewSubscription> =
        [("peru@example.org", "PE"), ("lapaz@example.org", "BO-L")]
            .into_iter()
            .map(|(email, region)| {
                let input = SubscriptionInput {
                    email: Some(email.into()),
                    language: None,
                    zone: Some(ZoneInput {
                        region: Some(region.into()),
                        ..Default::default()
                    }),
                    poster: None,
                };
                NewSubscription::parse(&input, &alerta_places::WORLD).unwrap()
            })
            .collect();
    app.app.import_volunteers(&watchers, true).await.unwrap();

    let mut case = valid_case();
    case["last_seen"] = json!({ "lat": -16.4955, "lng": -68.1336 });
    case["last_seen_place"] = json!("Plaza Murillo, La Paz");
    let plain = app.create_case(&la_paz, &case).await;
    assert_eq!(app.publish_reaching(&la_paz, plain).await, 1, "La Paz only");
    let history = |id: i64| {
        let path = format!("/api/v1/cases/{id}/audit");
        let (app, la_paz) = (&app, &la_paz);
        async move { app.get(&path, Some(la_paz)).await.text().await.unwrap() }
    };
    assert!(
        !history(plain).await.contains("Policía Nacional del Perú"),
        "Peru was not told"
    );

    case["given_name"] = json!("Rosa");
    case["alert_route"] = json!([
        { "lat": -16.4955, "lng": -68.1336 },
        { "lat": -16.5660, "lng": -69.0370 },
        { "lat": -15.8402, "lng": -70.0219 },
    ]);
    let road = app.create_case(&la_paz, &case).await;
    assert_eq!(app.publish_reaching(&la_paz, road).await, 2, "Peru too");
    let told = history(road).await;
    assert!(told.contains("Policía Nacional del Perú"), "{told}");
    let peru = app
        .get(&format!("/api/v1/cases/{road}/tips"), Some(&lima))
        .await;
    assert_eq!(peru.status(), StatusCode::OK, "Peru reads its tips");

    let csv = app
        .get("/api/v1/cases.csv?status=active", Some(&la_paz))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        csv.contains("\"LINESTRING(-68.1336 -16.4955, -69.037 -16.566, -70.0219 -15.8402)\",5,"),
        "{csv}"
    );
    let pfif = app
        .get("/api/v1/pfif", Some(&la_paz))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        pfif.contains("alert_route: -16.4955, -68.1336; -16.566, -69.037; -15.8402, -70.0219"),
        "{pfif}"
    );
    app.stop().await;
}

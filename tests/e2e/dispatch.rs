//! Publishing a case mails exactly the volunteers its area reaches, each once,
//! in their language; resolving it tells the same people.

use alerta_core::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::*;
use crate::smtp::{Received, SmtpServer};
use mail_parser::MimeHeaders;

/// Subscribes `email` to circles of (lat, lng, radius) and confirms from the mail.
async fn volunteer(
    app: &TestApp,
    smtp: &SmtpServer,
    email: &str,
    language: &str,
    zones: &[(f64, f64, f64)],
) {
    for (lat, lng, radius_km) in zones {
        let body = json!({ "email": email, "language": language, "zone": { "lat": lat, "lng": lng, "radius_km": radius_km } });
        assert_eq!(
            app.post("/api/v1/subscriptions", None, &body)
                .await
                .status(),
            StatusCode::ACCEPTED
        );
    }
    let mail = smtp.wait_for(email, 1).await.remove(0);
    let confirm = mail.link("http://alerta.test/subscriptions/confirm?token=");
    assert_eq!(confirm_link(app, &confirm).await.0, StatusCode::OK);
}

fn alerts(smtp: &SmtpServer) -> Vec<Received> {
    smtp.received()
        .into_iter()
        .filter(|m| {
            m.header("Message-ID")
                .is_some_and(|id| id.starts_with("<alert."))
        })
        .collect()
}

#[tokio::test]
async fn publishing_alerts_exactly_the_volunteers_the_area_reaches_and_resolving_tells_them() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| s.smtp_url = Some(smtp.url())).await;
    // The case: last seen in Cochabamba (-17.3935, -66.157), alert radius 10 km.
    volunteer(
        &app,
        &smtp,
        "cerca@example.org",
        "es",
        &[(-17.40, -66.16, 5.0)],
    )
    .await;
    // Three overlapping zones: still one alert.
    volunteer(
        &app,
        &smtp,
        "tres.zonas@example.org",
        "pt",
        &[
            (-17.38, -66.15, 3.0),
            (-17.39, -66.17, 8.0),
            (-17.30, -66.10, 20.0),
        ],
    )
    .await;
    // Lima: far away.
    volunteer(
        &app,
        &smtp,
        "lejos@example.org",
        "es",
        &[(-12.05, -77.04, 50.0)],
    )
    .await;
    // Subscribed but never confirmed.
    let pending = json!({ "email": "sin.confirmar@example.org", "zone": { "lat": -17.39, "lng": -66.15, "radius_km": 10 } });
    app.post("/api/v1/subscriptions", None, &pending).await;

    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let mut case = valid_case();
    case["circumstances"] = json!("Salió del colegio <script>alert('x')</script> y no llegó.");
    let id = app.create_case(&family, &case).await;
    let photo = app
        .put_bytes(
            &format!("/api/v1/cases/{id}/photo"),
            Some(&family),
            "image/jpeg",
            jpeg(600, 800),
        )
        .await;
    assert_eq!(photo.status(), StatusCode::OK);
    let draft = body(app.get(&format!("/api/v1/cases/{id}"), Some(&police)).await).await;
    assert_eq!(draft["reach"], 2, "police see the reach before publishing");

    let published = body(
        app.post(
            &format!("/api/v1/cases/{id}/publish"),
            Some(&police),
            &json!({}),
        )
        .await,
    )
    .await;
    assert_eq!(published, json!({ "status": "active", "recipients": 2 }));

    let cerca = smtp.wait_for("cerca@example.org", 2).await.remove(1);
    let tres = smtp.wait_for("tres.zonas@example.org", 2).await.remove(1);
    assert_eq!(
        cerca.subject(),
        "DESAPARECIDA: María José Quispe Mamani, 15 años — Cochabamba, Bolivia"
    );
    // The place as typed, with the country it did not name.
    assert!(
        cerca
            .text()
            .contains("Plaza 14 de Septiembre, Cochabamba, Bolivia"),
        "{}",
        cerca.text()
    );
    assert!(
        tres.subject()
            .starts_with("DESAPARECIDA: María José Quispe Mamani, 15 anos"),
        "{}",
        tres.subject()
    );
    assert!(cerca.text().contains("+591 4 4221111"));
    assert!(
        cerca.text().contains("20 nov 2026, 18:30 (UTC-04:00)"),
        "local time of the place: {}",
        cerca.text()
    );
    assert!(cerca.text().contains("Chompa roja"));
    assert!(
        cerca
            .text()
            .contains(&format!("http://alerta.test/cases/{id}"))
    );
    assert_eq!(
        cerca.header("Message-ID").unwrap(),
        format!("<alert.{id}.1@localhost>")
    );
    assert!(cerca.header("List-Unsubscribe").is_some());
    let html = cerca.html();
    let parsed = cerca.parsed();
    let image = parsed
        .attachments()
        .find(|part| part.content_id().is_some())
        .expect("the photo, inline");
    assert!(
        html.contains(&format!("cid:{}", image.content_id().unwrap())),
        "the HTML shows it"
    );
    assert_eq!(&image.contents()[..3], &[0xFF, 0xD8, 0xFF], "a JPEG");

    // The printable poster rides along, in each volunteer's language.
    for (mail, language_line) in [
        (&cerca, "Si la viste o sabes algo, llama al"),
        (&tres, "Se você a viu ou sabe algo, ligue para"),
    ] {
        let parsed = mail.parsed();
        let poster = parsed
            .attachments()
            .find(|part| part.attachment_name().is_some_and(|n| n.ends_with(".pdf")))
            .expect("the poster, attached as a PDF");
        let pdf_text = crate::posters::poppler("pdftotext", poster.contents());
        let info = crate::posters::poppler("pdfinfo", poster.contents());
        assert!(info.contains("(A4)"), "A4 for Bolivia: {info}");
        assert!(pdf_text.contains("DESAPARECIDA"), "{pdf_text}");
        assert!(pdf_text.contains("+591 4 4221111"), "{pdf_text}");
        assert!(pdf_text.contains(language_line), "{pdf_text}");
    }
    assert!(
        cerca
            .text()
            .contains("El cartel para imprimir va adjunto (PDF)")
    );
    assert!(
        html.contains("&lt;script&gt;") && !html.contains("<script>"),
        "typed text is escaped in HTML mail"
    );

    let progress = wait_until_sent(&app, &police, id, 2).await;
    let figures = [
        &progress["recipients"],
        &progress["queued"],
        &progress["sent"],
        &progress["failed"],
    ];
    assert_eq!(figures, [2, 0, 2, 0], "{progress}");
    assert!(
        progress["first_sent_at"].as_str().is_some() && progress["last_sent_at"].as_str().is_some()
    );
    assert_eq!(
        alerts(&smtp).len(),
        2,
        "nobody else was alerted, nobody twice"
    );

    app.post(
        &format!("/api/v1/cases/{id}/resolve"),
        Some(&police),
        &json!({ "outcome": "found_safe" }),
    )
    .await;
    let found = smtp.wait_for("tres.zonas@example.org", 3).await.remove(2);
    assert_eq!(found.subject(), "ENCONTRADA: María José Quispe Mamani");
    assert!(found.text().contains("retire os cartazes"));
    assert_eq!(
        found.parsed().attachments().count(),
        0,
        "no photo once found"
    );
    smtp.wait_for("cerca@example.org", 3).await;
    assert_eq!(
        smtp.received()
            .iter()
            .filter(|m| m.to == "lejos@example.org")
            .count(),
        1,
        "only the confirmation"
    );
    assert_eq!(
        smtp.received()
            .iter()
            .filter(|m| m.to == "sin.confirmar@example.org")
            .count(),
        1
    );
    app.stop().await;
}

async fn wait_until_sent(app: &TestApp, police: &User, id: i64, sent: i64) -> Value {
    let started = std::time::Instant::now();
    loop {
        let progress = body(
            app.get(&format!("/api/v1/cases/{id}/dispatch"), Some(police))
                .await,
        )
        .await;
        if progress["sent"] == sent {
            return progress;
        }
        assert!(
            started.elapsed().as_secs() < 60,
            "dispatch stuck at {progress}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

fn area(lat: f64, lng: f64, radius_km: f64) -> alerta_core::Circle {
    alerta_core::Circle {
        center: alerta_core::Coordinates { lat, lng },
        radius_km,
    }
}

#[tokio::test]
async fn matching_is_exact_at_the_edges() {
    let app = spawn_app().await;
    let case = area(-17.3935, -66.157, 10.0);
    let zone_center = alerta_core::Coordinates {
        lat: -17.0,
        lng: -66.0,
    };
    let gap = case.center.distance_km(&zone_center);
    // Zone radius so that the sum of the radii is 50 m more, then 50 m less, than the gap.
    confirmed_zone(
        &app,
        "justo.dentro@example.org",
        zone_center.lat,
        zone_center.lng,
        gap - 10.0 + 0.05,
    )
    .await;
    assert_eq!(
        app.store.reach(case).await.unwrap(),
        1,
        "50 m inside the sum of the radii"
    );
    let farther = area(-17.3935, -66.157, 10.0 - 0.1);
    assert_eq!(app.store.reach(farther).await.unwrap(), 0, "50 m outside");

    // Across the antimeridian (Fiji): 0.1° of longitude apart, about 10.6 km here.
    confirmed_zone(&app, "fiji@example.org", -17.8, 179.95, 6.0).await;
    assert_eq!(app.store.reach(area(-17.8, -179.95, 5.0)).await.unwrap(), 1);
    assert_eq!(app.store.reach(area(-17.8, -179.95, 4.0)).await.unwrap(), 0);
    // Over the North Pole: 0.2° of latitude apart, about 22.2 km.
    confirmed_zone(&app, "polo@example.org", 89.9, 0.0, 5.0).await;
    assert_eq!(app.store.reach(area(89.9, 180.0, 18.0)).await.unwrap(), 1);
    assert_eq!(app.store.reach(area(89.9, 180.0, 16.0)).await.unwrap(), 0);
    app.stop().await;
}

/// Alert mail is written once for everyone who gets the same, and kept
/// for later rounds: a correction made in between must be a new mail, not
/// the one written before it.
#[tokio::test]
async fn volunteers_reached_after_a_correction_get_the_corrected_alert() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| s.smtp_url = Some(smtp.url())).await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    // The case is at (-17.3935, -66.157); 0.3° of latitude is about 33 km.
    confirmed_zone(&app, "cerca.c@example.org", -17.40, -66.16, 2.0).await;
    confirmed_zone(&app, "lejos.c@example.org", -17.0935, -66.157, 2.0).await;
    let id = app.create_case(&family, &valid_case()).await;
    app.publish(&police, id).await;
    let words = |mail: &Received| mail.text().split_whitespace().collect::<Vec<_>>().join(" ");
    let first = smtp.wait_for_kind("cerca.c@example.org", "alert").await;
    assert!(words(&first).contains("Chompa roja"), "{}", words(&first));

    let mut corrected = valid_case();
    corrected["clothing"] = json!("Chompa verde, pantalón jean azul");
    let edit = app
        .put(&format!("/api/v1/cases/{id}"), Some(&police), &corrected)
        .await;
    assert_eq!(edit.status(), StatusCode::OK);
    let widened = app
        .widen(&police, id, &json!({ "alert_radius_km": 50 }))
        .await;
    assert_eq!(widened.status(), StatusCode::OK);
    let later = smtp.wait_for_kind("lejos.c@example.org", "alert").await;
    assert!(words(&later).contains("Chompa verde"), "{}", words(&later));
    assert!(!words(&later).contains("Chompa roja"));
}

#[tokio::test]
async fn widening_alerts_only_the_volunteers_newly_reached() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    // The case is at (-17.3935, -66.157); 0.3° of latitude is about 33 km.
    confirmed_zone(&app, "cerca.w@example.org", -17.40, -66.16, 2.0).await;
    confirmed_zone(&app, "lejos.w@example.org", -17.0935, -66.157, 2.0).await;
    let id = app.create_case(&family, &valid_case()).await;
    let published = body(
        app.post(
            &format!("/api/v1/cases/{id}/publish"),
            Some(&police),
            &json!({}),
        )
        .await,
    )
    .await;
    assert_eq!(published["recipients"], 1);

    let path = format!("/api/v1/cases/{id}/widen");
    assert_eq!(
        app.post(&path, Some(&family), &json!({ "alert_radius_km": 50 }))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let refused = app
        .post(&path, Some(&police), &json!({ "alert_radius_km": 5 }))
        .await;
    assert_eq!(refused.status(), StatusCode::CONFLICT, "an area only grows");
    let invalid = app
        .post(&path, Some(&police), &json!({ "alert_radius_km": 5000 }))
        .await;
    assert_eq!(body(invalid).await["error"]["field"], "alert_radius_km");

    let widened = body(
        app.post(&path, Some(&police), &json!({ "alert_radius_km": 50 }))
            .await,
    )
    .await;
    assert_eq!(widened, json!({ "recipients": 1 }));
    let again = body(
        app.post(&path, Some(&police), &json!({ "alert_radius_km": 60 }))
            .await,
    )
    .await;
    assert_eq!(
        again,
        json!({ "recipients": 0 }),
        "nobody new, nobody twice"
    );

    for email in ["cerca.w@example.org", "lejos.w@example.org"] {
        let alerts = app
            .store
            .outbox_for_address(email)
            .await
            .unwrap()
            .into_iter()
            .filter(|r| r.kind == "alert")
            .count();
        assert_eq!(alerts, 1, "{email}");
    }
    let log = body(
        app.get(&format!("/api/v1/cases/{id}/audit"), Some(&police))
            .await,
    )
    .await;
    assert!(
        log.as_array()
            .unwrap()
            .iter()
            .any(|l| l["action"] == "widened" && l["detail"]["newly_reached"] == 1)
    );
    assert_eq!(
        body(app.get(&format!("/api/v1/cases/{id}"), None).await).await["alert_radius_km"],
        60.0
    );

    // Police follow the fan-out from the command line until it is done.
    wait_until_sent(&app, &police, id, 2).await;
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_alerta"))
        .args(["dispatch", &id.to_string()])
        .env("ALERTA_DATABASE_URL", &app.database_url)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.starts_with("2 recipients: 2 sent, 0 failed"),
        "{stdout}"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_new_volunteer_gets_one_digest_of_the_cases_already_active_near_them() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| s.smtp_url = Some(smtp.url())).await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let cochabamba = app.create_case(&family, &valid_case()).await;
    let mut far = another_case("João");
    far["last_seen"] = json!({ "lat": -23.5349, "lng": -46.635 });
    let sao_paulo = app.create_case(&family, &far).await;
    app.publish(&police, cochabamba).await;
    app.publish(&police, sao_paulo).await;

    volunteer(
        &app,
        &smtp,
        "nueva@example.org",
        "es",
        &[(-17.40, -66.16, 5.0)],
    )
    .await;
    let digest = smtp.wait_for("nueva@example.org", 2).await.remove(1);
    assert_eq!(digest.subject(), "1 persona desaparecida en tu zona");
    assert!(
        digest.text().contains("María José Quispe Mamani, 15 años"),
        "{}",
        digest.text()
    );
    assert!(
        digest
            .text()
            .contains(&format!("http://alerta.test/cases/{cochabamba}"))
    );
    assert!(!digest.text().contains("João"), "only cases of their zone");

    // Far from every active case: no digest at all.
    volunteer(
        &app,
        &smtp,
        "lima@example.org",
        "es",
        &[(-12.05, -77.04, 20.0)],
    )
    .await;
    let kinds: Vec<String> = app
        .store
        .outbox_for_address("lima@example.org")
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.kind)
        .collect();
    assert_eq!(kinds, ["confirm"]);
    app.stop().await;
}

#[tokio::test]
async fn planned_widenings_reach_farther_as_the_hours_pass() {
    let app = spawn_app_with(|s| s.job_tick_ms = 50).await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    // The case is at (-17.3935, -66.157); 1° of latitude is about 111 km.
    confirmed_zone(&app, "cerca.p@example.org", -17.40, -66.16, 2.0).await;
    confirmed_zone(&app, "medio.p@example.org", -17.0935, -66.157, 2.0).await; // ~33 km
    confirmed_zone(&app, "lejos.p@example.org", -16.0435, -66.157, 2.0).await; // ~150 km
    let id = app.create_case(&family, &valid_case()).await;
    let path = format!("/api/v1/cases/{id}/widenings");
    let plan = json!({ "steps": [
        { "after_hours": 6, "alert_radius_km": 50 },
        { "after_hours": 24, "alert_radius_km": 200 },
    ] });
    assert_eq!(
        app.put(&path, Some(&family), &plan).await.status(),
        StatusCode::FORBIDDEN
    );
    let bad = app
        .put(
            &path,
            Some(&police),
            &json!({ "steps": [{ "after_hours": 0, "alert_radius_km": 50 }] }),
        )
        .await;
    assert_eq!(body(bad).await["error"]["field"], "steps[0].after_hours");
    let planned = body(app.put(&path, Some(&police), &plan).await).await;
    assert_eq!(planned.as_array().unwrap().len(), 2);

    let published = body(
        app.post(
            &format!("/api/v1/cases/{id}/publish"),
            Some(&police),
            &json!({}),
        )
        .await,
    )
    .await;
    assert_eq!(published["recipients"], 1);
    let alerted = async |email: &str| {
        app.store
            .outbox_for_address(email)
            .await
            .unwrap()
            .iter()
            .filter(|r| r.kind == "alert")
            .count()
    };

    app.advance(chrono::Duration::hours(7));
    wait_for_step(&app, &police, &path, 0).await;
    assert_eq!(
        (
            alerted("medio.p@example.org").await,
            alerted("lejos.p@example.org").await
        ),
        (1, 0)
    );

    app.advance(chrono::Duration::hours(18));
    let steps = wait_for_step(&app, &police, &path, 1).await;
    assert_eq!(steps[0]["newly_reached"], 1);
    assert_eq!(steps[1]["newly_reached"], 1);
    assert_eq!(alerted("lejos.p@example.org").await, 1);
    assert_eq!(alerted("cerca.p@example.org").await, 1, "nobody twice");
    let log = body(
        app.get(&format!("/api/v1/cases/{id}/audit"), Some(&police))
            .await,
    )
    .await;
    let planned_runs = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["action"] == "widened" && l["detail"]["how"] == "planned")
        .count();
    assert_eq!(planned_runs, 2);
    app.stop().await;
}

/// Waits until step `index` of a case's plan has run; answers the plan.
async fn wait_for_step(app: &TestApp, police: &User, path: &str, index: usize) -> Value {
    let started = std::time::Instant::now();
    loop {
        let steps = body(app.get(path, Some(police)).await).await;
        if steps[index]["done_at"].is_string() {
            return steps;
        }
        assert!(
            started.elapsed().as_secs() < 30,
            "step {index} never ran: {steps}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn police_send_updated_information_only_when_they_ask() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| s.smtp_url = Some(smtp.url())).await;
    volunteer(
        &app,
        &smtp,
        "atenta@example.org",
        "es",
        &[(-17.40, -66.16, 5.0)],
    )
    .await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let id = app.create_case(&family, &valid_case()).await;
    app.publish(&police, id).await;
    smtp.wait_for("atenta@example.org", 2).await;
    wait_until_sent(&app, &police, id, 1).await;

    let mut corrected = valid_case();
    corrected["clothing"] = json!("Chompa verde, no roja");
    assert_eq!(
        app.put(&format!("/api/v1/cases/{id}"), Some(&police), &corrected)
            .await
            .status(),
        StatusCode::OK
    );
    let path = format!("/api/v1/cases/{id}/notify-update");
    assert_eq!(
        app.post(&path, Some(&family), &json!({})).await.status(),
        StatusCode::FORBIDDEN
    );
    let queued = body(app.post(&path, Some(&police), &json!({})).await).await;
    assert_eq!(queued, json!({ "recipients": 1 }));
    let update = smtp.wait_for("atenta@example.org", 3).await.remove(2);
    assert_eq!(
        update.subject(),
        "ACTUALIZACIÓN: María José Quispe Mamani sigue desaparecida — Cochabamba, Bolivia"
    );
    assert!(
        update.text().contains("Chompa verde, no roja"),
        "{}",
        update.text()
    );

    // A second correction, a second update: a new message, not a repeat.
    corrected["clothing"] = json!("Chompa verde y gorro azul");
    app.put(&format!("/api/v1/cases/{id}"), Some(&police), &corrected)
        .await;
    app.post(&path, Some(&police), &json!({})).await;
    let second = smtp.wait_for("atenta@example.org", 4).await.remove(3);
    assert!(second.text().contains("gorro azul"));
    assert_ne!(second.header("Message-ID"), update.header("Message-ID"));
    app.stop().await;
}

#[tokio::test]
async fn the_attached_poster_is_on_the_paper_of_the_volunteers_country() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| s.smtp_url = Some(smtp.url())).await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    // Seen in Tijuana: the alert reaches a volunteer on each side of the border.
    let mut case = valid_case();
    case["last_seen"] = json!({ "lat": 32.52, "lng": -117.03 });
    let id = app.create_case(&family, &case).await;
    volunteer(
        &app,
        &smtp,
        "tijuana@example.org",
        "es",
        &[(32.50, -117.00, 10.0)],
    )
    .await;
    let body =
        json!({ "email": "sandiego@example.org", "language": "en", "zone": { "region": "US-CA" } });
    assert_eq!(
        app.post("/api/v1/subscriptions", None, &body)
            .await
            .status(),
        StatusCode::ACCEPTED
    );
    let confirm = smtp.wait_for("sandiego@example.org", 1).await.remove(0);
    let confirm = confirm.link("http://alerta.test/subscriptions/confirm?token=");
    assert_eq!(confirm_link(&app, &confirm).await.0, StatusCode::OK);
    app.publish(&police, id).await;

    for address in ["tijuana@example.org", "sandiego@example.org"] {
        let alert = smtp.wait_for(address, 2).await.remove(1);
        let parsed = alert.parsed();
        let poster = parsed
            .attachments()
            .find(|part| part.attachment_name().is_some_and(|n| n.ends_with(".pdf")))
            .expect("the poster, attached as a PDF");
        let info = crate::posters::poppler("pdfinfo", poster.contents());
        assert!(info.contains("pts (letter)"), "{address}: {info}");
    }
    app.stop().await;
}

#[tokio::test]
async fn a_global_send_rate_spaces_the_messages() {
    // 20 messages a second: 30 alerts span 29 intervals of 50 ms (1.45 s),
    // where unpaced they take a tenth of that. The first may leave late (it
    // renders the poster), so allow a few intervals less.
    let smtp = SmtpServer::start_keeping_headers_only();
    let app = spawn_app_with(|s| {
        s.send_rate_per_second = Some(20.0);
        s.smtp_url = Some(smtp.url());
    })
    .await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    for i in 0..30 {
        confirmed_zone(&app, &format!("v{i}@example.org"), -17.39, -66.15, 10.0).await;
    }
    // The confirmations' digests are not due: no case is active yet.
    let id = app.create_case(&family, &valid_case()).await;
    app.publish(&police, id).await;
    wait_until_sent(&app, &police, id, 30).await;
    // When the SMTP server got each alert: the dispatch figures' times are
    // when a round recorded its outcomes, the same for a whole round.
    let arrivals: Vec<std::time::SystemTime> = alerts(&smtp).iter().map(|m| m.arrived).collect();
    assert_eq!(arrivals.len(), 30);
    let first = arrivals.iter().min().unwrap();
    let spread = arrivals
        .iter()
        .max()
        .unwrap()
        .duration_since(*first)
        .unwrap();
    assert!(
        spread >= std::time::Duration::from_millis(25 * 50),
        "30 messages at 20/s went out within {spread:?}"
    );
    app.stop().await;
}

/// The alerts of a case for `email`'s rows in the outbox, by status.
async fn alert_rows(app: &TestApp, email: &str) -> Vec<String> {
    app.store
        .outbox_for_address(email)
        .await
        .unwrap()
        .into_iter()
        .filter(|row| row.kind == "alert")
        .map(|row| row.status)
        .collect()
}

#[tokio::test]
async fn hiding_a_case_withdraws_its_unsent_alerts_and_showing_it_sends_them() {
    // The mail server is down when the case is published: the alerts wait
    // for their retry, as they would in a slow fan-out. The test runs the
    // sender's rounds itself, so each check sees what a round did.
    let mut smtp = SmtpServer::start();
    smtp.stop();
    let app = spawn_app_sending_by_hand(|s| s.smtp_url = Some(smtp.url())).await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let volunteers = ["oculta1@example.org", "oculta2@example.org"];
    for email in volunteers {
        confirmed_zone(&app, email, -17.39, -66.15, 5.0).await;
    }
    let id = app.create_case(&family, &valid_case()).await;
    app.publish(&police, id).await;
    let case = alerta_core::CaseId(id);
    // Every message due is tried once and waits for its retry.
    while app.send_round().await > 0 {}
    for email in volunteers {
        let rows = app.store.outbox_for_address(email).await.unwrap();
        let alert = rows.iter().find(|r| r.kind == "alert").expect("an alert");
        assert_eq!((alert.status.as_str(), alert.attempts), ("queued", 1));
    }

    // Someone says the report is about them and false: police hide it.
    let officer = app
        .store
        .actor(alerta_core::UserId(police.id))
        .await
        .unwrap();
    app.app.set_hidden(&officer, case, true).await.unwrap();
    for email in volunteers {
        assert!(alert_rows(&app, email).await.is_empty(), "{email}");
    }
    // The server is back and every retry is due: the rounds mail no alert.
    smtp.restart();
    app.advance(chrono::Duration::hours(1));
    while app.send_round().await > 0 {}
    assert!(alerts(&smtp).is_empty(), "a hidden case mailed nobody");

    // The complaint does not hold: shown again, the alert goes out, once.
    app.app.set_hidden(&officer, case, false).await.unwrap();
    while app.send_round().await > 0 {}
    for email in volunteers {
        assert_eq!(alert_rows(&app, email).await, ["sent"], "{email}");
    }
    // The server stores a message before it answers: the files are there.
    let received = alerts(&smtp);
    assert_eq!(received.len(), volunteers.len());
    for mail in received {
        assert!(mail.text().contains("María José"), "{}", mail.text());
    }
    app.stop().await;
}

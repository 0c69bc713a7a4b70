//! Volunteers subscribe, confirm from the mailed link, and unsubscribe,
//! with a real SMTP server receiving the mail.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::*;
use crate::smtp::SmtpServer;
use alerta_core::Role;

fn subscription(email: &str, language: &str) -> Value {
    json!({ "email": email, "language": language, "zone": { "lat": -17.3935, "lng": -66.157, "radius_km": 15 } })
}

async fn state(app: &TestApp, email: &str) -> Option<(String, i64, i64)> {
    app.store.volunteer_state(email).await.unwrap()
}

#[tokio::test]
async fn a_volunteer_subscribes_confirms_and_unsubscribes_in_one_click() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| s.smtp_url = Some(smtp.url())).await;

    let response = app
        .post(
            "/api/v1/subscriptions",
            None,
            &subscription("Vecina@Example.org", "pt"),
        )
        .await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    assert_eq!(
        state(&app, "vecina@example.org").await,
        Some(("pending".into(), 1, 0))
    );

    let mail = smtp.wait_for("vecina@example.org", 1).await.remove(0);
    assert_eq!(
        mail.subject(),
        "Confirme sua inscrição nos alertas do Alerta"
    );
    assert!(mail.text().contains("15 km"), "{}", mail.text());
    let unsubscribe_header = mail.header("List-Unsubscribe").unwrap();
    assert!(
        unsubscribe_header.starts_with("<http://alerta.test/unsubscribe?token="),
        "{unsubscribe_header}"
    );
    assert_eq!(
        mail.header("List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    let message_id = mail.header("Message-ID").unwrap();
    assert!(
        message_id.starts_with("<confirm.") && message_id.ends_with("@localhost>"),
        "{message_id}"
    );
    assert!(mail.html().contains("/subscriptions/confirm?token="));

    let confirm = mail.link("http://alerta.test/subscriptions/confirm?token=");
    // Opening the link (as a mail scanner does) confirms nothing.
    for _ in 0..2 {
        let page = app.get(&confirm, None).await;
        assert_eq!(page.status(), StatusCode::OK);
        let html = page.text().await.unwrap();
        assert!(html.contains("Confirme sua inscrição"), "{html}");
        assert!(
            html.contains("15 km · -17.3935, -66.1570"),
            "the zone it confirms: {html}"
        );
    }
    assert_eq!(
        state(&app, "vecina@example.org").await,
        Some(("pending".into(), 1, 0))
    );
    // Without this reader's form token the button does nothing either.
    let forged = app
        .http
        .post(app.url(&confirm))
        .form(&[("csrf", "forged")])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let (status, html) = confirm_link(&app, &confirm).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Inscrição confirmada"), "{html}");
    assert!(
        html.contains("15 km · -17.3935, -66.1570"),
        "which zone: {html}"
    );
    assert!(html.contains("href=\"/subscriptions/manage\""));
    assert_eq!(
        state(&app, "vecina@example.org").await,
        Some(("confirmed".into(), 1, 1))
    );
    let (status, html) = confirm_link(&app, &confirm).await;
    assert_eq!(status, StatusCode::GONE, "a confirmation link works once");
    assert!(html.contains("Este link não funciona mais"), "{html}");
    assert!(
        !html.contains("Inscrição confirmada"),
        "a used link says so plainly: {html}"
    );

    let unsubscribe = unsubscribe_header
        .trim_matches(['<', '>'])
        .replace("http://alerta.test", "");
    let one_click = app
        .http
        .post(app.url(&unsubscribe))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(one_click.status(), StatusCode::OK);
    // The page says what was removed, and how to come back.
    let done = one_click.text().await.unwrap();
    assert!(done.contains("15 km · -17.3935, -66.1570"), "{done}");
    assert!(done.contains("href=\"/subscribe\""), "{done}");
    assert!(!done.contains("vecina@example.org"), "no address on a page");
    assert_eq!(
        state(&app, "vecina@example.org").await,
        Some(("unsubscribed".into(), 0, 0))
    );
    assert_eq!(
        app.get(&unsubscribe, None).await.status(),
        StatusCode::GONE,
        "an unsubscribe link works once"
    );
    app.stop().await;
}

/// Subscribes `email`, confirms it, and answers its one-click unsubscribe path.
async fn confirmed_volunteer(app: &TestApp, smtp: &SmtpServer, email: &str) -> String {
    app.post("/api/v1/subscriptions", None, &subscription(email, "es"))
        .await;
    let mail = smtp.wait_for(email, 1).await.remove(0);
    confirm_link(
        app,
        &mail.link("http://alerta.test/subscriptions/confirm?token="),
    )
    .await;
    mail.header("List-Unsubscribe")
        .unwrap()
        .trim_matches(['<', '>'])
        .replace("http://alerta.test", "")
}

/// Unsubscribes in one click from a browser that keeps its cookies (the
/// undo form's token is bound to them); answers the browser and the page.
async fn unsubscribe_in_browser(app: &TestApp, path: &str) -> (reqwest::Client, String) {
    let browser = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let page = browser
        .post(app.url(path))
        .form(&[("List-Unsubscribe", "One-Click")])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    (browser, page)
}

/// The fields of the undo button on an unsubscribed page.
fn undo_form(page: &str) -> [(&'static str, String); 2] {
    [
        ("csrf", crate::pages::field_value(page, "csrf")),
        ("undo", crate::pages::field_value(page, "undo")),
    ]
}

#[tokio::test]
async fn a_mistaken_unsubscribe_is_undone_from_its_page_within_the_hour() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| s.smtp_url = Some(smtp.url())).await;
    let unsubscribe = confirmed_volunteer(&app, &smtp, "vecino@example.org").await;
    assert_eq!(
        state(&app, "vecino@example.org").await,
        Some(("confirmed".into(), 1, 1))
    );

    let (browser, done) = unsubscribe_in_browser(&app, &unsubscribe).await;
    assert!(
        done.contains("Deshacer: seguir recibiendo alertas"),
        "{done}"
    );
    assert!(done.contains("60 minutos"));
    assert_eq!(
        state(&app, "vecino@example.org").await,
        Some(("unsubscribed".into(), 0, 0)),
        "gone at once: no alert reaches the zone meanwhile"
    );

    let undo = undo_form(&done);
    let undone = browser
        .post(app.url("/unsubscribe/undo"))
        .form(&undo)
        .send()
        .await
        .unwrap();
    assert_eq!(undone.status(), StatusCode::OK);
    let html = undone.text().await.unwrap();
    assert!(html.contains("volverás a recibir las alertas"), "{html}");
    assert!(
        html.contains("15 km · -17.3935, -66.1570"),
        "the zone, as it was"
    );
    assert!(!html.contains("vecino@example.org"), "no address on a page");
    assert_eq!(
        state(&app, "vecino@example.org").await,
        Some(("confirmed".into(), 1, 1)),
        "confirmed again without a mail"
    );
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let case = app.create_case(&family, &valid_case()).await;
    app.publish(&police, case).await;
    let mails = smtp.wait_for("vecino@example.org", 2).await;
    assert!(
        mails[1].subject().contains("María José"),
        "the restored zone gets the alert: {}",
        mails[1].subject()
    );

    let again = browser
        .post(app.url("/unsubscribe/undo"))
        .form(&undo)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::GONE, "an undo works once");
    app.stop().await;
}

#[tokio::test]
async fn an_unsubscribe_cannot_be_undone_after_its_hour_and_its_zones_are_then_forgotten() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| s.smtp_url = Some(smtp.url())).await;
    let unsubscribe = confirmed_volunteer(&app, &smtp, "vecina@example.org").await;
    let (browser, done) = unsubscribe_in_browser(&app, &unsubscribe).await;
    app.advance(chrono::Duration::minutes(61));
    let late = browser
        .post(app.url("/unsubscribe/undo"))
        .form(&undo_form(&done))
        .send()
        .await
        .unwrap();
    assert_eq!(late.status(), StatusCode::GONE);
    assert!(
        late.text()
            .await
            .unwrap()
            .contains("Ya no se puede deshacer")
    );
    assert_eq!(
        state(&app, "vecina@example.org").await,
        Some(("unsubscribed".into(), 0, 0))
    );
    let later = chrono::Utc::now() + chrono::Duration::minutes(61);
    assert_eq!(app.store.forget_expired_undos(later).await.unwrap(), 1);
    assert_eq!(app.store.forget_expired_undos(later).await.unwrap(), 0);
    app.stop().await;
}

#[tokio::test]
async fn known_and_unknown_addresses_get_the_same_answer_and_one_mail() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| s.smtp_url = Some(smtp.url())).await;
    let first = app
        .post(
            "/api/v1/subscriptions",
            None,
            &subscription("ana@example.org", "es"),
        )
        .await;
    let (first_status, first_body) = (first.status(), first.text().await.unwrap());
    let again = app
        .post(
            "/api/v1/subscriptions",
            None,
            &subscription("ANA@example.org", "es"),
        )
        .await;
    assert_eq!(
        (again.status(), again.text().await.unwrap()),
        (first_status, first_body)
    );

    smtp.wait_for("ana@example.org", 1).await;
    // The second request added its zone but, within the cool-down, no second mail.
    assert_eq!(app.counts().await.outbox, 1);
    assert_eq!(
        state(&app, "ana@example.org").await,
        Some(("pending".into(), 2, 0))
    );
    app.stop().await;
}

#[tokio::test]
async fn confirmation_links_expire() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| s.smtp_url = Some(smtp.url())).await;
    app.post(
        "/api/v1/subscriptions",
        None,
        &subscription("tarde@example.org", "fr"),
    )
    .await;
    let mail = smtp.wait_for("tarde@example.org", 1).await.remove(0);
    assert_eq!(
        mail.subject(),
        "Confirmez votre inscription aux alertes d'Alerta"
    );
    app.advance(chrono::Duration::hours(49));
    let page = app
        .get(
            &mail.link("http://alerta.test/subscriptions/confirm?token="),
            None,
        )
        .await;
    assert_eq!(page.status(), StatusCode::GONE);
    assert_eq!(
        state(&app, "tarde@example.org").await,
        Some(("pending".into(), 1, 0))
    );
    app.stop().await;
}

#[tokio::test]
async fn a_token_touches_only_its_own_volunteer() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| s.smtp_url = Some(smtp.url())).await;
    app.post(
        "/api/v1/subscriptions",
        None,
        &subscription("uno@example.org", "es"),
    )
    .await;
    app.post(
        "/api/v1/subscriptions",
        None,
        &subscription("dos@example.org", "es"),
    )
    .await;
    let uno = smtp.wait_for("uno@example.org", 1).await.remove(0);
    smtp.wait_for("dos@example.org", 1).await;

    confirm_link(
        &app,
        &uno.link("http://alerta.test/subscriptions/confirm?token="),
    )
    .await;
    assert_eq!(state(&app, "uno@example.org").await.unwrap().0, "confirmed");
    assert_eq!(state(&app, "dos@example.org").await.unwrap().0, "pending");

    let unsubscribe = uno
        .header("List-Unsubscribe")
        .unwrap()
        .trim_matches(['<', '>'])
        .replace("http://alerta.test", "");
    app.http.post(app.url(&unsubscribe)).send().await.unwrap();
    assert_eq!(
        state(&app, "uno@example.org").await.unwrap().0,
        "unsubscribed"
    );
    assert_eq!(
        state(&app, "dos@example.org").await,
        Some(("pending".into(), 1, 0))
    );

    // A made-up token touches nobody.
    let forged = app
        .http
        .post(app.url("/unsubscribe?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::GONE);
    app.stop().await;
}

#[tokio::test]
async fn a_zone_added_to_a_confirmed_address_waits_for_its_own_confirmation() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| s.smtp_url = Some(smtp.url())).await;
    app.post(
        "/api/v1/subscriptions",
        None,
        &subscription("tres@example.org", "en"),
    )
    .await;
    let first = smtp.wait_for("tres@example.org", 1).await.remove(0);
    confirm_link(
        &app,
        &first.link("http://alerta.test/subscriptions/confirm?token="),
    )
    .await;

    // Someone else adds a far-away zone to this address: it must not go live unasked.
    app.advance(chrono::Duration::minutes(11));
    let far = json!({ "email": "tres@example.org", "zone": { "lat": 48.85, "lng": 2.35, "radius_km": 5 } });
    assert_eq!(
        app.post("/api/v1/subscriptions", None, &far).await.status(),
        StatusCode::ACCEPTED
    );
    assert_eq!(
        state(&app, "tres@example.org").await,
        Some(("confirmed".into(), 2, 1))
    );
    let second = smtp.wait_for("tres@example.org", 2).await.remove(1);
    assert!(
        second.text().contains("48.8500"),
        "the mail names the zone to confirm: {}",
        second.text()
    );
    confirm_link(
        &app,
        &second.link("http://alerta.test/subscriptions/confirm?token="),
    )
    .await;
    assert_eq!(
        state(&app, "tres@example.org").await,
        Some(("confirmed".into(), 2, 2))
    );
    app.stop().await;
}

#[tokio::test]
async fn bad_subscriptions_are_refused_by_name_and_store_nothing() {
    let app = spawn_app().await;
    let zone = |lat: Value, radius: Value| json!({ "lat": lat, "lng": -66.1, "radius_km": radius });
    let cases: Vec<(Value, &str)> = vec![
        (
            json!({ "email": "a@example.org", "zone": zone(json!(-17.3), json!(0)) }),
            "zone.radius_km",
        ),
        (
            json!({ "email": "a@example.org", "zone": zone(json!(-17.3), json!(-5)) }),
            "zone.radius_km",
        ),
        (
            json!({ "email": "a@example.org", "zone": zone(json!(-17.3), json!(501)) }),
            "zone.radius_km",
        ),
        (
            json!({ "email": "a@example.org", "zone": zone(json!(-17.3), json!("NaN")) }),
            "zone.radius_km",
        ),
        (
            json!({ "email": "a@example.org", "zone": zone(json!(91), json!(10)) }),
            "zone.lat",
        ),
        (
            json!({ "email": "a@example.org", "zone": { "place": "Qwertzville" } }),
            "zone.place",
        ),
        (
            json!({ "email": "a@example.org", "zone": { "place": "Córdoba" } }),
            "zone.place",
        ),
        (
            json!({ "email": "a@example.org", "zone": { "place": "Cochabamba", "lat": 1, "lng": 1 } }),
            "zone.place",
        ),
        (
            json!({ "email": "a@example.org", "zone": { "place": "Cochabamba", "radius_km": 900 } }),
            "zone.radius_km",
        ),
        (
            json!({ "email": "a@example.org", "zone": { "region": "BO", "radius_km": 5 } }),
            "zone.radius_km",
        ),
        (
            json!({ "email": "a@example.org", "zone": { "region": "BO", "place": "Cochabamba" } }),
            "zone.region",
        ),
        (
            json!({ "email": "a@example.org", "zone": { "region": "Atlantis" } }),
            "zone.region",
        ),
        (
            json!({ "email": "a@example.org", "zone": { "region": "XX-99" } }),
            "zone.region",
        ),
        (json!({ "email": "a@example.org" }), "zone"),
        (
            json!({ "email": "not an address", "zone": zone(json!(-17.3), json!(10)) }),
            "email",
        ),
        (
            json!({ "email": format!("{}@example.org", "a".repeat(250)), "zone": zone(json!(-17.3), json!(10)) }),
            "email",
        ),
        (
            json!({ "email": "a@example.org\r\nBcc: all@example.org", "zone": zone(json!(-17.3), json!(10)) }),
            "email",
        ),
        (
            json!({ "email": "a@example.org", "language": "de", "zone": zone(json!(-17.3), json!(10)) }),
            "language",
        ),
    ];
    let before = app.counts().await;
    for (body, field) in cases {
        let response = app.post("/api/v1/subscriptions", None, &body).await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}"
        );
        let error = crate::common::body(response).await["error"].clone();
        assert_eq!(error["field"], field, "{body}: {error}");
    }
    assert_eq!(
        app.counts().await,
        before,
        "a refused subscription left rows behind"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_volunteer_names_a_town_and_is_reached_by_cases_there() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| s.smtp_url = Some(smtp.url())).await;
    let body = json!({ "email": "vecino@example.org", "zone": { "place": "cochabamba" } });
    let response = app.post("/api/v1/subscriptions", None, &body).await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let mail = smtp.wait_for("vecino@example.org", 1).await.remove(0);
    assert!(
        mail.text().contains("Cochabamba, BO · 10 km"),
        "the mail names the town as the gazetteer writes it: {}",
        mail.text()
    );
    let confirm = mail.link("http://alerta.test/subscriptions/confirm?token=");
    assert_eq!(confirm_link(&app, &confirm).await.0, StatusCode::OK);

    let near = |lat, lng| alerta_core::Circle {
        center: alerta_core::Coordinates { lat, lng },
        radius_km: 10.0,
    };
    // The Cristo de la Concordia, on the city's edge; La Paz, 230 km away.
    assert_eq!(app.store.reach(near(-17.384, -66.135)).await.unwrap(), 1);
    assert_eq!(app.store.reach(near(-16.50, -68.15)).await.unwrap(), 0);
    app.stop().await;
}

#[tokio::test]
async fn an_ambiguous_town_is_answered_with_the_places_to_choose_from() {
    let app = spawn_app().await;
    let body = json!({ "email": "a@example.org", "zone": { "place": "Cordoba" } });
    let response = app.post("/api/v1/subscriptions", None, &body).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error = crate::common::body(response).await["error"].clone();
    let message = error["message"].as_str().unwrap();
    assert!(
        message.contains("Córdoba, AR") && message.contains("Córdoba, ES"),
        "{message}"
    );
    let chosen =
        json!({ "email": "a@example.org", "zone": { "place": "Córdoba, AR", "radius_km": 20 } });
    let response = app.post("/api/v1/subscriptions", None, &chosen).await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    app.stop().await;
}

#[tokio::test]
async fn place_suggestions_come_from_the_offline_gazetteer_with_credit() {
    let app = spawn_app().await;
    let response = app
        .get("/api/v1/places?q=S%C3%A3o%20Pa&limit=3", None)
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let found = crate::common::body(response).await;
    let places = found["places"].as_array().unwrap();
    assert!(!places.is_empty() && places.len() <= 3, "{found}");
    assert_eq!(places[0]["label"], "São Paulo, BR");
    assert_eq!(places[0]["default_radius_km"], 30.0);
    assert!(found["attribution"].as_str().unwrap().contains("GeoNames"));

    let in_bolivia =
        crate::common::body(app.get("/api/v1/places?q=santa%2C%20BO", None).await).await;
    let places = in_bolivia["places"].as_array().unwrap();
    assert!(!places.is_empty(), "{in_bolivia}");
    assert!(places.iter().all(|p| p["country"] == "BO"), "{in_bolivia}");

    let too_long = format!("q={}", "a".repeat(201));
    for (query, field) in [
        ("q=ab&limit=0", "limit"),
        ("q=ab&limit=x", "limit"),
        (too_long.as_str(), "q"),
    ] {
        let response = app.get(&format!("/api/v1/places?{query}"), None).await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{query}"
        );
        assert_eq!(crate::common::body(response).await["error"]["field"], field);
    }
    app.stop().await;
}

#[tokio::test]
async fn a_region_is_found_by_its_name_and_chosen_by_its_label() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| s.smtp_url = Some(smtp.url())).await;
    let found = crate::common::body(app.get("/api/v1/regions?q=cochab", None).await).await;
    assert_eq!(found["regions"][0]["code"], "BO-C", "{found}");
    assert_eq!(found["regions"][0]["label"], "Cochabamba (BO-C)");
    assert!(
        found["attribution"]
            .as_str()
            .unwrap()
            .contains("Natural Earth")
    );
    let bad = app.get("/api/v1/regions?q=bo&limit=21", None).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(crate::common::body(bad).await["error"]["field"], "limit");

    // The label, as the form's suggestion fills it in, is a zone.
    let body = json!({ "email": "cocha@example.org", "zone": { "region": "Cochabamba (BO-C)" } });
    let response = app.post("/api/v1/subscriptions", None, &body).await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let mail = smtp.wait_for("cocha@example.org", 1).await.remove(0);
    assert!(mail.text().contains("Cochabamba (BO-C)"), "{}", mail.text());

    // A name two regions share asks which; nothing is stored.
    let before = app.counts().await;
    let body = json!({ "email": "cruz@example.org", "zone": { "region": "Santa Cruz" } });
    let response = app.post("/api/v1/subscriptions", None, &body).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error = crate::common::body(response).await;
    assert_eq!(error["error"]["field"], "zone.region");
    let message = error["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("Santa Cruz (BO-S)") && message.contains("Santa Cruz (AR-Z)"),
        "{message}"
    );
    assert_eq!(app.counts().await, before);
    app.stop().await;
}

#[tokio::test]
async fn a_country_is_reached_by_an_alert_crossing_its_border() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| s.smtp_url = Some(smtp.url())).await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    // Seen in Desaguadero, on the Bolivian bank of the river Peru lies across.
    let mut border_case = valid_case();
    border_case["last_seen"] = json!({ "lat": -16.566, "lng": -69.037 });
    let case = app.create_case(&family, &border_case).await;
    app.publish(&police, case).await;

    let body = json!({ "email": "peruana@example.org", "zone": { "region": "pe" } });
    let response = app.post("/api/v1/subscriptions", None, &body).await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let mail = smtp.wait_for("peruana@example.org", 1).await.remove(0);
    assert!(mail.text().contains("Peru (PE)"), "{}", mail.text());
    let confirm = mail.link("http://alerta.test/subscriptions/confirm?token=");
    assert_eq!(confirm_link(&app, &confirm).await.0, StatusCode::OK);
    let digest = smtp.wait_for("peruana@example.org", 2).await.remove(1);
    assert!(
        digest
            .text()
            .contains(&format!("http://alerta.test/cases/{case}")),
        "the case across the border is in her zone: {}",
        digest.text()
    );

    let area = |lat, lng| alerta_core::Circle {
        center: alerta_core::Coordinates { lat, lng },
        radius_km: 10.0,
    };
    assert_eq!(app.store.reach(area(-16.566, -69.037)).await.unwrap(), 1);
    assert_eq!(
        app.store.reach(area(-12.05, -77.04)).await.unwrap(),
        1,
        "Lima"
    );
    assert_eq!(
        app.store.reach(area(-17.39, -66.16)).await.unwrap(),
        0,
        "Cochabamba"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_state_or_department_is_a_zone_reached_from_inside_and_across_its_border() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| s.smtp_url = Some(smtp.url())).await;
    // São Paulo's state is drawn by DCW-GMT, Cochabamba's department by
    // Natural Earth.
    for (email, region, label) in [
        ("paulista@example.org", "br-sp", "São Paulo (BR-SP)"),
        ("cochala@example.org", "BO-C", "Cochabamba (BO-C)"),
    ] {
        let body = json!({ "email": email, "zone": { "region": region } });
        let response = app.post("/api/v1/subscriptions", None, &body).await;
        assert_eq!(response.status(), StatusCode::ACCEPTED);
        let mail = smtp.wait_for(email, 1).await.remove(0);
        assert!(mail.text().contains(label), "{}", mail.text());
        let confirm = mail.link("http://alerta.test/subscriptions/confirm?token=");
        assert_eq!(confirm_link(&app, &confirm).await.0, StatusCode::OK);
    }

    let area = |lat, lng, radius_km| alerta_core::Circle {
        center: alerta_core::Coordinates { lat, lng },
        radius_km,
    };
    let reach = |lat, lng, radius_km| app.store.reach(area(lat, lng, radius_km));
    assert_eq!(reach(-23.55, -46.63, 10.0).await.unwrap(), 1, "São Paulo");
    assert_eq!(
        reach(-22.91, -43.17, 10.0).await.unwrap(),
        0,
        "Rio de Janeiro"
    );
    // West of Paraty, in Rio de Janeiro state about 4 km from the line with
    // São Paulo: a 10 km alert crosses it, a 2 km one does not.
    assert_eq!(reach(-23.25, -44.78, 10.0).await.unwrap(), 1, "across");
    assert_eq!(reach(-23.25, -44.78, 2.0).await.unwrap(), 0, "short of it");
    assert_eq!(reach(-17.40, -66.04, 10.0).await.unwrap(), 1, "Sacaba");
    assert_eq!(reach(-16.50, -68.15, 10.0).await.unwrap(), 0, "La Paz");
    app.stop().await;
}

#[tokio::test]
async fn a_zone_asked_for_right_after_confirming_gets_its_own_confirmation_mail() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| s.smtp_url = Some(smtp.url())).await;
    let email = "pronto@example.org";
    app.post("/api/v1/subscriptions", None, &subscription(email, "es"))
        .await;
    let first = smtp.wait_for(email, 1).await.remove(0);
    let (status, _) = confirm_link(
        &app,
        &first.link("http://alerta.test/subscriptions/confirm?token="),
    )
    .await;
    assert_eq!(status, StatusCode::OK);

    // Within the ten minutes a repeated request would wait, another zone.
    let far = json!({ "email": email, "zone": { "lat": -16.5, "lng": -68.15, "radius_km": 5 } });
    assert_eq!(
        app.post("/api/v1/subscriptions", None, &far).await.status(),
        StatusCode::ACCEPTED
    );
    assert_eq!(
        state(&app, email).await,
        Some(("confirmed".into(), 2, 1)),
        "the new zone waits"
    );
    let second = smtp.wait_for(email, 2).await.remove(1);
    assert!(second.text().contains("-16.5000"), "{}", second.text());
    confirm_link(
        &app,
        &second.link("http://alerta.test/subscriptions/confirm?token="),
    )
    .await;
    assert_eq!(state(&app, email).await, Some(("confirmed".into(), 2, 2)));
    app.stop().await;
}

//! Forwarded alerts: everything a friend can reach from a forwarded copy is
//! public, and a volunteer manages their alerts with a link asked for by
//! address, which a forward cannot complete.

use reqwest::StatusCode;

use crate::common::*;
use crate::pages::Visitor;
use crate::smtp::{Received, SmtpServer};
use alerta_core::{Language, Role};

const VOLUNTEER: &str = "reenvia@example.org";
/// The volunteer's zone, around their home: it must show nowhere.
const HOME_LAT: &str = "-17.4012";
const HOME_LNG: &str = "-66.0418";

/// Every link of the mail's body, text and HTML parts, as paths of the site.
fn body_links(mail: &Received) -> Vec<String> {
    let mut links = Vec::new();
    for part in [mail.text(), mail.html().replace("&amp;", "&")] {
        let mut rest = part.as_str();
        while let Some(start) = rest.find("http://alerta.test") {
            let link: String = rest[start..]
                .chars()
                .take_while(|c| !c.is_whitespace() && !matches!(c, '"' | '<' | '>'))
                .collect();
            rest = &rest[start + link.len()..];
            let path = link.replace("http://alerta.test", "");
            if !links.contains(&path) {
                links.push(path);
            }
        }
    }
    links
}

async fn alerted_volunteer(app: &TestApp, smtp: &SmtpServer) -> Received {
    confirmed_zone(app, VOLUNTEER, -17.4012, -66.0418, 25.0).await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let id = app.create_case(&family, &valid_case()).await;
    app.publish(&police, id).await;
    smtp.wait_for_kind(VOLUNTEER, "alert").await
}

#[tokio::test]
async fn a_forwarded_alert_gives_its_reader_nothing_of_the_volunteer() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| s.smtp_url = Some(smtp.url())).await;
    let mail = alerted_volunteer(&app, &smtp).await;
    let before = app.store.volunteer_state(VOLUNTEER).await.unwrap();
    assert_eq!(before, Some(("confirmed".into(), 1, 1)));

    let text = mail.text();
    // A forward is read from the top: under the headline and who, the
    // phone and the case page first.
    let top: String = text.lines().take(6).collect::<Vec<_>>().join("\n");
    assert!(top.contains("+591 4 4221111"), "{top}");
    assert!(top.contains("http://alerta.test/cases/"), "{top}");
    // The friend is invited to subscribe, in the mail's language.
    assert!(
        text.contains("¿Te reenviaron este mensaje? Recibe alertas para tu propia zona: http://alerta.test/subscribe?lang=es"),
        "{text}"
    );
    assert!(
        !text.contains("te suscribiste"),
        "no sentence that is false for the friend: {text}"
    );

    let links = body_links(&mail);
    for expected in ["/subscribe?lang=es", "/subscriptions/manage?lang=es"] {
        assert!(
            links.iter().any(|l| l == expected),
            "{expected} in {links:?}"
        );
    }
    let header = mail.header("List-Unsubscribe").unwrap();
    let one_click = header
        .trim_matches(['<', '>'])
        .replace("http://alerta.test", "");
    for link in &links {
        assert!(
            !link.contains("token"),
            "a personal link in the body: {link}"
        );
        assert_ne!(link, &one_click);
        // The friend follows every link, and presses what a mail client would.
        let friend = Visitor::new(&app);
        let page = friend.get(link).await;
        assert!(page.status.as_u16() < 500, "{link}: {}", page.status);
        for secret in [VOLUNTEER, HOME_LAT, HOME_LNG] {
            assert!(!page.html.contains(secret), "{link} shows {secret}");
        }
        friend
            .post(link, &[("List-Unsubscribe", "One-Click")])
            .await;
    }
    assert_eq!(
        app.store.volunteer_state(VOLUNTEER).await.unwrap(),
        before,
        "nothing the friend did changed the subscription"
    );
    let id = app
        .store
        .volunteer_by_email(VOLUNTEER)
        .await
        .unwrap()
        .unwrap();
    let contact = app.store.volunteer_contact(id).await.unwrap().unwrap();
    assert_eq!(contact.language, Language::Es);

    // The header, which clients do not forward, still unsubscribes in one click.
    let response = app
        .http
        .post(app.url(&one_click))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        app.store
            .volunteer_state(VOLUNTEER)
            .await
            .unwrap()
            .unwrap()
            .0,
        "unsubscribed"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_volunteer_manages_alerts_with_a_link_asked_for_by_address() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| s.smtp_url = Some(smtp.url())).await;
    let email = "gestiona@example.org";
    let visitor = Visitor::new(&app);
    visitor
        .submit(
            "/subscribe",
            "/subscribe",
            &[
                ("email", email),
                ("language", "es"),
                ("place", "Cochabamba"),
            ],
        )
        .await;
    let confirmation = smtp.wait_for(email, 1).await.remove(0);
    assert!(
        !confirmation.text().contains("/subscriptions/manage?token="),
        "{}",
        confirmation.text()
    );
    let confirm = confirmation.link("http://alerta.test/subscriptions/confirm?token=");
    assert_eq!(confirm_link(&app, &confirm).await.0, StatusCode::OK);
    assert_eq!(
        app.store.volunteer_state(email).await.unwrap(),
        Some(("confirmed".into(), 1, 1))
    );

    // Asking: the same answer for an address that gets nothing.
    let ask = visitor.get("/subscriptions/manage").await;
    assert_eq!(ask.status, StatusCode::OK);
    assert!(ask.html.contains("name=\"email\""));
    let outbox = app.counts().await.outbox;
    let unknown = visitor
        .submit(
            "/subscriptions/manage",
            "/subscriptions/manage/link",
            &[("email", "nadie@example.org")],
        )
        .await;
    assert_eq!(
        app.counts().await.outbox,
        outbox,
        "no mail for an unknown address"
    );
    let known = visitor
        .submit(
            "/subscriptions/manage",
            "/subscriptions/manage/link",
            &[("email", "Gestiona@Example.org")],
        )
        .await;
    assert_eq!(app.counts().await.outbox, outbox + 1);
    assert_eq!(
        (unknown.status, known.status),
        (StatusCode::OK, StatusCode::OK)
    );
    assert!(known.html.contains("Vale 2 horas y sirve una sola vez"));
    let notice = |html: &str| html.split("role=\"status\"").nth(1).unwrap().to_string();
    assert_eq!(notice(&unknown.html), notice(&known.html));
    let wrong = visitor
        .submit(
            "/subscriptions/manage",
            "/subscriptions/manage/link",
            &[("email", "no es una dirección")],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.html.contains("id=\"email-error\""));

    let mail = smtp.wait_for_kind(email, "manage").await;
    assert_eq!(
        mail.subject(),
        "Tu enlace para gestionar tus alertas de Alerta"
    );
    let link = mail.link("http://alerta.test/subscriptions/manage?token=");

    // A mail scanner opening the link uses up nothing.
    for _ in 0..2 {
        let opened = Visitor::new(&app).get(&link).await;
        assert_eq!(opened.status, StatusCode::OK);
        assert!(opened.html.contains("Abrir mis alertas"));
    }
    let open_action = link.replace("/subscriptions/manage?", "/subscriptions/manage/open?");
    let forged = visitor.post(&open_action, &[]).await;
    assert_eq!(
        forged.status,
        StatusCode::FORBIDDEN,
        "a form without its token"
    );
    let opened = visitor.submit(&link, &open_action, &[]).await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER);
    assert_eq!(opened.location.as_deref(), Some("/subscriptions/manage"));

    let page = visitor.get("/subscriptions/manage").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.html.contains("Cochabamba, BO · 10 km"),
        "{}",
        page.html
    );
    // Each circle zone is drawn, its map titled with the zone.
    assert!(
        page.html
            .contains("\">Mapa de tu zona: Cochabamba, BO · 10 km</figcaption>"),
        "{}",
        page.html
    );
    assert!(
        !page.html.contains(email),
        "the address never shows on a page"
    );

    // The link works once: anyone opening it again is told so.
    let again = Visitor::new(&app);
    let used = again.get(&link).await;
    assert_eq!(used.status, StatusCode::GONE);
    assert!(used.html.contains("Este enlace ya se usó o venció"));
    assert_eq!(
        again
            .submit("/subscriptions/manage", &open_action, &[])
            .await
            .status,
        StatusCode::GONE
    );
    // Without the session, the manage forms change nothing.
    let stranger = again
        .submit(
            "/subscriptions/manage",
            "/subscriptions/manage/language",
            &[("language", "fr")],
        )
        .await;
    assert_eq!(stranger.status, StatusCode::GONE);

    let changed = visitor
        .submit(
            "/subscriptions/manage",
            "/subscriptions/manage/language",
            &[("language", "pt")],
        )
        .await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER);
    let id = app.store.volunteer_by_email(email).await.unwrap().unwrap();
    let contact = app.store.volunteer_contact(id).await.unwrap().unwrap();
    assert_eq!(contact.language, Language::Pt);

    let added = visitor
        .submit(
            "/subscriptions/manage",
            "/subscriptions/manage/zones",
            &[("place", "Sao Paulo"), ("radius_km", "20")],
        )
        .await;
    assert_eq!(added.status, StatusCode::OK);
    assert!(added.html.contains("São Paulo, BR · 20 km"));
    assert_eq!(
        app.store.volunteer_state(email).await.unwrap(),
        Some(("confirmed".into(), 2, 1)),
        "the new zone waits for its confirmation"
    );
    let wrong_place = visitor
        .submit(
            "/subscriptions/manage",
            "/subscriptions/manage/zones",
            &[("place", "Lugar Que No Existe")],
        )
        .await;
    assert_eq!(wrong_place.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong_place.html.contains("id=\"zone.place-error\""));

    let first = app.store.volunteer_zones(id).await.unwrap()[0].id;
    let removed = visitor
        .submit(
            "/subscriptions/manage",
            &format!("/subscriptions/manage/zones/{first}/remove"),
            &[],
        )
        .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.store.volunteer_state(email).await.unwrap(),
        Some(("confirmed".into(), 1, 0))
    );

    let stopped = visitor
        .submit("/subscriptions/manage", "/subscriptions/manage/stop", &[])
        .await;
    assert_eq!(stopped.status, StatusCode::OK);
    assert_eq!(
        app.store.volunteer_state(email).await.unwrap().unwrap().0,
        "unsubscribed"
    );
    let after = visitor.get("/subscriptions/manage").await;
    assert!(
        after.html.contains("name=\"email\""),
        "the session ends with the subscription"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_manage_link_expires_and_an_unsubscribe_token_opens_no_manage_page() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| s.smtp_url = Some(smtp.url())).await;
    let mail = alerted_volunteer(&app, &smtp).await;
    let header = mail.header("List-Unsubscribe").unwrap();
    let token = header
        .split("token=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap();
    let visitor = Visitor::new(&app);
    assert_eq!(
        visitor
            .get(&format!("/subscriptions/manage?token={token}"))
            .await
            .status,
        StatusCode::GONE,
        "the one-click token is for unsubscribing only"
    );

    visitor
        .submit(
            "/subscriptions/manage",
            "/subscriptions/manage/link",
            &[("email", VOLUNTEER)],
        )
        .await;
    let manage = smtp.wait_for_kind(VOLUNTEER, "manage").await;
    let link = manage.link("http://alerta.test/subscriptions/manage?token=");
    app.advance(chrono::Duration::hours(3));
    let late = visitor.get(&link).await;
    assert_eq!(late.status, StatusCode::GONE);
    assert!(late.html.contains("Este enlace ya se usó o venció"));
    app.stop().await;
}

//! Partners: organisations that post alerts where people pass. Those of
//! the kinds police chose, whose place the alert's area reaches, get it by
//! a real SMTP server, signed, in their language, with why and the poster
//! on both papers; then the end. Registered from the command line and the
//! admin page.

use alerta_core::{PartnerInput, Role};
use mail_parser::MimeHeaders;
use reqwest::StatusCode;
use serde_json::json;

use crate::common::*;
use crate::smtp::{Received, SmtpServer};

fn partner(name: &str, kind: &str, email: &str, language: &str) -> PartnerInput {
    PartnerInput {
        name: Some(name.into()),
        kind: Some(kind.into()),
        email: Some(email.into()),
        language: Some(language.into()),
        ..Default::default()
    }
}

/// The PDF attachments of a mail, by file name, with what pdfinfo says.
fn posters(mail: &Received) -> Vec<(String, String)> {
    let parsed = mail.parsed();
    parsed
        .attachments()
        .filter_map(|part| {
            let name = part.attachment_name()?.to_string();
            name.ends_with(".pdf")
                .then(|| (name, crate::posters::poppler("pdfinfo", part.contents())))
        })
        .collect()
}

#[tokio::test]
async fn partners_of_the_chosen_kinds_in_the_area_get_the_poster_on_both_papers() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| {
        s.smtp_url = Some(smtp.url());
        crate::dkim::sign_with(s, "rsa-pkcs1.pem", "r1");
    })
    .await;
    let commands = app.app.clone();
    let add = |input: PartnerInput| {
        let commands = commands.clone();
        async move { commands.add_partner(&input).await.unwrap() }
    };
    add(PartnerInput {
        place: Some("Villa Yapacani".into()),
        ..partner(
            "Terminal de Buses de Yapacaní",
            "bus_terminal",
            "terminal@example.org",
            "es",
        )
    })
    .await;
    add(PartnerInput {
        lat: Some(-17.785),
        lng: Some(-63.18),
        ..partner(
            "Transportes Oriente",
            "transport",
            "oriente@example.org",
            "pt",
        )
    })
    .await;
    // Of a kind police did not choose, and outside the area.
    add(PartnerInput {
        place: Some("Cochabamba".into()),
        ..partner("Hospital Viedma", "hospital", "hospital@example.org", "es")
    })
    .await;
    add(PartnerInput {
        place: Some("La Paz, BO".into()),
        ..partner(
            "Terminal de La Paz",
            "bus_terminal",
            "lapaz@example.org",
            "es",
        )
    })
    .await;

    let police = app.user(Role::Police).await;
    let mut case = valid_case();
    case["alert_route"] = json!([
        { "lat": -17.3895, "lng": -66.1568 },
        { "lat": -16.9942, "lng": -65.1533 },
        { "lat": -17.4000, "lng": -63.8333 },
        { "lat": -17.7863, "lng": -63.1812 },
    ]);
    case["alert_route_width_km"] = json!(10);
    case["alert_partner_kinds"] = json!(["bus_terminal", "transport"]);
    let id = app.create_case(&police, &case).await;
    let shown = body(app.get(&format!("/api/v1/cases/{id}"), Some(&police)).await).await;
    assert_eq!(shown["reach"], 2, "both partners, before publishing");
    assert_eq!(app.publish_reaching(&police, id).await, 2);

    let terminal = smtp
        .wait_for_kind("terminal@example.org", "partner_alert")
        .await;
    let oriente = smtp
        .wait_for_kind("oriente@example.org", "partner_alert")
        .await;
    for (mail, why) in [
        (
            &terminal,
            "Terminal de Buses de Yapacaní (terminal de buses, Villa Yapacaní, BO) colabora con Alerta",
        ),
        (
            &oriente,
            "Transportes Oriente (empresa de transporte, -17.78500, -63.18000) colabora com o Alerta",
        ),
    ] {
        let text = mail.text().split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(why), "{text}");
        assert!(mail.subject().contains("María José Quispe Mamani"));
        let attached = posters(mail);
        assert_eq!(attached.len(), 2, "A4 and Letter");
        assert!(
            attached
                .iter()
                .any(|(n, info)| n.ends_with("-a4.pdf") && info.contains("(A4)"))
        );
        assert!(
            attached
                .iter()
                .any(|(n, info)| n.ends_with("-letter.pdf") && info.contains("(letter)")),
            "{attached:?}"
        );
        assert!(
            mail.header("List-Unsubscribe").is_none(),
            "not on the volunteers' list"
        );
        if let Err(why) = crate::dkim::dkimpy_verifies(&mail.raw, "rsa-pkcs1.pem", "r1") {
            panic!("DKIM does not verify: {why}");
        }
        let (score, report) = crate::mail::spam_score(&mail.raw).await;
        assert!(score <= 2.0, "SpamAssassin scores it {score}:\n{report}");
    }
    // As its reader opens it: the HTML says what the text says, on a phone.
    let browser = crate::browser::Browser::open(&app, "partner-mail").await;
    crate::mail::look_at(&browser, "partner-es", &terminal).await;
    crate::mail::look_at(&browser, "partner-pt", &oriente).await;
    browser.close().await;
    wait_for_outbox_drained(&app).await;
    let mut mailed = smtp.recipients();
    mailed.sort();
    assert_eq!(mailed, ["oriente@example.org", "terminal@example.org"]);
    let figures = app
        .store
        .dispatch_figures(alerta_core::CaseId(id))
        .await
        .unwrap();
    assert_eq!((figures.recipients, figures.sent), (2, 2));

    // Found: the partners take the posters down.
    let resolved = app
        .post(
            &format!("/api/v1/cases/{id}/resolve"),
            Some(&police),
            &json!({ "outcome": "found_safe" }),
        )
        .await;
    assert_eq!(resolved.status(), StatusCode::OK);
    let found = smtp
        .wait_for_kind("terminal@example.org", "partner_found")
        .await;
    assert!(
        found.subject().contains("ENCONTRADA"),
        "{}",
        found.subject()
    );
    assert!(found.text().contains("retira los carteles"));
    smtp.wait_for_kind("oriente@example.org", "partner_found")
        .await;
    app.stop().await;
}

/// Widening the road reaches a partner beside it: only that one is mailed.
#[tokio::test]
async fn widening_reaches_the_partners_it_newly_covers() {
    let app = spawn_app().await;
    app.app
        .add_partner(&PartnerInput {
            lat: Some(-17.05),
            lng: Some(-65.40),
            ..partner(
                "Puesto de control",
                "border_post",
                "puesto@example.org",
                "es",
            )
        })
        .await
        .unwrap();
    let police = app.user(Role::Police).await;
    let mut case = valid_case();
    case["alert_route"] = json!([
        { "lat": -17.3895, "lng": -66.1568 },
        { "lat": -16.9942, "lng": -65.1533 },
    ]);
    case["alert_route_width_km"] = json!(2);
    case["alert_partner_kinds"] = json!(["border_post"]);
    let id = app.create_case(&police, &case).await;
    app.publish(&police, id).await;
    assert_eq!(
        app.store
            .dispatch_figures(alerta_core::CaseId(id))
            .await
            .unwrap()
            .recipients,
        0
    );
    let wider = app
        .widen(&police, id, &json!({ "alert_route_width_km": 20 }))
        .await;
    assert_eq!(body(wider).await["recipients"], 1);
    let family = app.user(Role::Family).await;
    let mut theirs = valid_case();
    theirs["alert_partner_kinds"] = json!(["hospital"]);
    let refused = app.post("/api/v1/cases", Some(&family), &theirs).await;
    assert_eq!(body(refused).await["error"]["field"], "alert_partner_kinds");
    app.stop().await;
}

/// An administrator registers a partner on the admin page (a town the
/// gazetteer does not know is refused by name, the form kept); police and
/// families may not open it.
#[tokio::test]
async fn administrators_register_partners_on_their_page() {
    use crate::pages::Visitor;
    let app = spawn_app().await;
    let admin = app.user(Role::Admin).await;
    let police = app.user(Role::Police).await;
    let officer = Visitor::new(&app);
    officer.sign_in(&police.email).await;
    assert_eq!(
        officer.get("/admin/partners").await.status,
        StatusCode::FORBIDDEN
    );

    let visitor = Visitor::new(&app);
    visitor.sign_in(&admin.email).await;
    let fields = |place: &'static str| {
        [
            ("name", "Terminal Bimodal"),
            ("kind", "bus_terminal"),
            ("email", "bimodal@example.org"),
            ("place", place),
            ("language", "es"),
        ]
    };
    let refused = visitor
        .submit(
            "/admin/partners",
            "/admin/partners",
            &fields("Ciudad Inventada"),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.html.contains("value=\"Ciudad Inventada\""),
        "kept as typed"
    );
    assert!(refused.html.contains("No conocemos esta ciudad"));
    let added = visitor
        .submit(
            "/admin/partners",
            "/admin/partners",
            &fields("Santa Cruz de la Sierra"),
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.html);
    let page = visitor.get("/admin/partners").await;
    assert!(page.html.contains("Terminal Bimodal"));
    assert!(page.html.contains("Santa Cruz de la Sierra, BO"));
    let partners = app.store.partners().await.unwrap();
    assert_eq!(partners.len(), 1);
    let remove = format!("/admin/partners/{}/remove", partners[0].id.0);
    let removed = visitor.submit("/admin/partners", &remove, &[]).await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    assert!(app.store.partners().await.unwrap().is_empty());
    app.stop().await;
}

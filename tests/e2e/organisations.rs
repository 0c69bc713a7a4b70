//! Organisations and jurisdictions: Lima's police do not see or resolve a
//! Bolivian case; an alert reaching across a border tells the neighbouring
//! organisation, whose officers read the case and change nothing.

use std::process::{Command, Stdio};

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::*;
use crate::pages::Visitor;
use crate::smtp::SmtpServer;
use alerta_core::Role;

fn ids(list: Value) -> Vec<i64> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect()
}

/// A case last seen on the road to Desaguadero, Bolivia, 10 km from the
/// river that is the border with Peru: a 20 km alert reaches the Peruvian
/// side (Puno).
fn desaguadero() -> Value {
    let mut case = valid_case();
    case["last_seen_place"] = json!("Carretera a Desaguadero, km 95");
    case["last_seen"] = json!({ "lat": -16.60, "lng": -68.95 });
    case["alert_radius_km"] = json!(20);
    case
}

#[tokio::test]
async fn police_see_and_publish_only_the_drafts_last_seen_in_their_jurisdiction() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let cochabamba = app.officer_of("FELCC Cochabamba", "BO-C").await;
    let la_paz = app.officer_of("FELCC La Paz", "BO-L").await;
    let lima = app.officer_of("Policía de Lima", "PE").await;
    let draft = app.create_case(&family, &valid_case()).await;
    let border = app.create_case(&family, &desaguadero()).await;

    let drafts = |user: &User| {
        let user = user.clone();
        let app = &app;
        async move { ids(body(app.get("/api/v1/cases?status=draft", Some(&user)).await).await) }
    };
    assert_eq!(drafts(&cochabamba).await, [draft]);
    assert_eq!(drafts(&la_paz).await, [border]);
    assert!(drafts(&lima).await.is_empty());

    // The police desk's queue lists the same.
    let officer = Visitor::new(&app);
    officer.sign_in(&la_paz.email).await;
    let queue = officer.get("/police").await;
    assert!(queue.html.contains(&format!("/police/cases/{border}")));
    assert!(!queue.html.contains(&format!("/police/cases/{draft}\"")));
    assert_eq!(
        officer.get(&format!("/police/cases/{draft}")).await.status,
        StatusCode::NOT_FOUND,
        "a draft elsewhere does not exist for them"
    );

    let publish = |user: &User, id: i64| {
        let user = user.clone();
        let app = &app;
        async move {
            app.post(
                &format!("/api/v1/cases/{id}/publish"),
                Some(&user),
                &json!({}),
            )
            .await
            .status()
        }
    };
    assert_eq!(publish(&lima, draft).await, StatusCode::NOT_FOUND);
    assert_eq!(publish(&la_paz, draft).await, StatusCode::NOT_FOUND);
    assert_eq!(publish(&cochabamba, draft).await, StatusCode::OK);

    // Published, the case is Cochabamba's: others read it and change nothing.
    let resolve = |user: &User| {
        let user = user.clone();
        let app = &app;
        async move {
            app.post(
                &format!("/api/v1/cases/{draft}/resolve"),
                Some(&user),
                &json!({ "outcome": "found_safe" }),
            )
            .await
            .status()
        }
    };
    assert_eq!(
        app.get(&format!("/api/v1/cases/{draft}"), Some(&lima))
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(resolve(&lima).await, StatusCode::FORBIDDEN);
    assert_eq!(resolve(&la_paz).await, StatusCode::FORBIDDEN);
    assert_eq!(resolve(&cochabamba).await, StatusCode::OK);
    app.stop().await;
}

#[tokio::test]
async fn an_alert_across_a_border_tells_the_neighbouring_organisation_once() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| s.smtp_url = Some(smtp.url())).await;
    let family = app.user(Role::Family).await;
    let la_paz = app.officer_of("FELCC La Paz", "BO-L").await;
    let puno = app.officer_of("Policía de Puno", "PE-PUN").await;
    let lima = app.officer_of("Policía de Lima", "PE-LIM").await;
    app.app
        .put_organisation("Policía de Puno", "PE-PUN", Some("guardia@puno.example"))
        .await
        .unwrap();
    let id = app.create_case(&family, &desaguadero()).await;
    assert_eq!(
        app.get(&format!("/api/v1/cases/{id}"), Some(&puno))
            .await
            .status(),
        StatusCode::NOT_FOUND,
        "a draft across the border is not theirs to see"
    );
    app.publish(&la_paz, id).await;

    let notice = smtp
        .wait_for_kind("guardia@puno.example", "org_notice")
        .await;
    assert!(
        notice.subject().contains("María José Quispe Mamani"),
        "{}",
        notice.subject()
    );
    let text = notice.text();
    assert!(text.contains("Policía de Puno"), "{text}");
    let (score, report) = crate::mail::spam_score(&notice.raw).await;
    assert!(score <= 2.0, "the notice scores {score}:{report}");
    assert!(
        text.contains(&format!("http://alerta.test/police/cases/{id}")),
        "{text}"
    );

    // Puno's officers read the case and its records, and change nothing.
    for records in ["audit", "tips", "dispatch"] {
        let path = format!("/api/v1/cases/{id}/{records}");
        assert_eq!(
            app.get(&path, Some(&puno)).await.status(),
            StatusCode::OK,
            "{records}"
        );
        assert_eq!(
            app.get(&path, Some(&lima)).await.status(),
            StatusCode::FORBIDDEN,
            "{records}"
        );
    }
    let widen = app
        .post(
            &format!("/api/v1/cases/{id}/widen"),
            Some(&puno),
            &json!({ "alert_radius_km": 30 }),
        )
        .await;
    assert_eq!(widen.status(), StatusCode::FORBIDDEN);
    let officer = Visitor::new(&app);
    officer.sign_in(&puno.email).await;
    let desk = officer.get(&format!("/police/cases/{id}")).await;
    assert_eq!(desk.status, StatusCode::OK);
    assert!(!desk.html.contains("/resolve\""), "no action for them");

    // Widening does not tell Puno again.
    let widened = app
        .post(
            &format!("/api/v1/cases/{id}/widen"),
            Some(&la_paz),
            &json!({ "alert_radius_km": 40 }),
        )
        .await;
    assert_eq!(widened.status(), StatusCode::OK);
    let audit = body(
        app.get(&format!("/api/v1/cases/{id}/audit"), Some(&la_paz))
            .await,
    )
    .await;
    let informed: Vec<&Value> = audit
        .as_array()
        .unwrap()
        .iter()
        .filter(|line| line["action"] == "organisation_informed")
        .collect();
    assert_eq!(informed.len(), 1, "{audit}");
    assert_eq!(informed[0]["detail"]["organisation"], "Policía de Puno");
    let notices = smtp
        .received()
        .into_iter()
        .filter(|m| m.to == "guardia@puno.example")
        .count();
    assert_eq!(notices, 1);
    app.stop().await;
}

fn alerta(dir: &std::path::Path, url: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_alerta"))
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("ALERTA_DATABASE_URL", url)
        .env("ALERTA_PASSWORD", PASSWORD)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

#[tokio::test]
async fn organisations_are_added_and_listed_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database_url(dir.path()).await;
    let text = |out: &std::process::Output| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    };
    let added = alerta(
        dir.path(),
        &url,
        &[
            "orgs",
            "add",
            "--name",
            "FELCC Cochabamba",
            "--jurisdiction",
            "bo-c, BO-L",
            "--contact-email",
            "guardia@felcc.example",
        ],
    );
    assert!(added.status.success(), "{}", text(&added));
    assert!(
        text(&added).contains("acts in BO-C, BO-L"),
        "{}",
        text(&added)
    );

    let wrong = alerta(
        dir.path(),
        &url,
        &["orgs", "add", "--name", "X", "--jurisdiction", "ZZ-99"],
    );
    assert!(!wrong.status.success());
    assert!(
        text(&wrong).contains("--jurisdiction: ZZ-99 is not"),
        "{}",
        text(&wrong)
    );

    let known = alerta(
        dir.path(),
        &url,
        &[
            "users",
            "add",
            "--email",
            "jefa@felcc.example",
            "--role",
            "police",
            "--org",
            "FELCC Cochabamba",
        ],
    );
    assert!(known.status.success(), "{}", text(&known));
    assert!(!text(&known).contains("warning"), "{}", text(&known));
    let unknown = alerta(
        dir.path(),
        &url,
        &[
            "users",
            "add",
            "--email",
            "agente@unidad.example",
            "--role",
            "police",
            "--org",
            "Unidad Nueva",
        ],
    );
    assert!(unknown.status.success(), "{}", text(&unknown));
    assert!(
        text(&unknown).contains("without a jurisdiction, so its officers act anywhere"),
        "{}",
        text(&unknown)
    );

    let listed = alerta(dir.path(), &url, &["orgs", "list"]);
    let listed = text(&listed);
    assert!(
        listed.contains("FELCC Cochabamba\tin BO-C, BO-L\tguardia@felcc.example\t1 accounts"),
        "{listed}"
    );
    assert!(
        listed.contains("Unidad Nueva\tanywhere\t(no contact)\t1 accounts"),
        "{listed}"
    );
}

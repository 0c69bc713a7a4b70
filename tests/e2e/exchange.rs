//! The standards: CAP 1.2 messages checked by xmllint against the official
//! schema (scripts/test fetches it), and the Atom feed of current alerts.

use std::process::Command;

use alerta_core::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::common::{jpeg, spawn_app, valid_case};

/// Runs xmllint on `xml`, against the CAP 1.2 schema when `schema` is true;
/// panics with its report when the document is not valid.
pub fn xmllint(xml: &str, schema: bool) {
    let file = tempfile::NamedTempFile::with_suffix(".xml").unwrap();
    std::fs::write(file.path(), xml).unwrap();
    let mut command = Command::new("xmllint");
    command.arg("--noout");
    if schema {
        let xsd = std::env::var("ALERTA_TEST_CAP_XSD")
            .expect("ALERTA_TEST_CAP_XSD names the CAP 1.2 schema (scripts/test fetches it)");
        command.arg("--schema").arg(xsd);
    }
    let output = command
        .arg(file.path())
        .output()
        .expect("xmllint (libxml2-utils) is installed");
    assert!(
        output.status.success(),
        "not valid:\n{}\n{xml}",
        String::from_utf8_lossy(&output.stderr)
    );
}

pub fn element<'a>(xml: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    xml.match_indices(&open)
        .map(|(at, _)| {
            let start = at + open.len();
            &xml[start..start + xml[start..].find(&close).unwrap()]
        })
        .collect()
}

#[tokio::test]
async fn cap_messages_follow_the_case_and_validate_against_the_schema() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let mut case = valid_case();
    case["circumstances"] = json!("Salió <sin avisar> & no volvió.");
    let id = app.create_case(&family, &case).await;
    app.put_bytes(
        &format!("/api/v1/cases/{id}/photo"),
        Some(&family),
        "image/jpeg",
        jpeg(300, 400),
    )
    .await;
    assert_eq!(
        app.get(&format!("/api/v1/cases/{id}/cap.xml"), None)
            .await
            .status(),
        StatusCode::NOT_FOUND,
        "a draft has no alert"
    );

    app.publish(&police, id).await;
    let response = app.get(&format!("/api/v1/cases/{id}/cap.xml"), None).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/cap+xml")
    );
    let alert = response.text().await.unwrap();
    xmllint(&alert, true);
    assert_eq!(element(&alert, "msgType"), ["Alert"]);
    assert_eq!(element(&alert, "status"), ["Actual"]);
    assert_eq!(element(&alert, "scope"), ["Public"]);
    assert_eq!(element(&alert, "language"), ["es", "en", "pt", "fr"]);
    assert!(element(&alert, "category").iter().all(|c| *c == "Rescue"));
    assert_eq!(element(&alert, "circle")[0], "-17.39350,-66.15700 10");
    assert!(
        element(&alert, "uri")
            .iter()
            .any(|u| u.contains("/poster.pdf?lang=es"))
    );
    assert!(
        element(&alert, "uri")
            .iter()
            .any(|u| u.contains(&format!("/api/v1/cases/{id}/photo")))
    );
    assert!(alert.contains("Salió &lt;sin avisar&gt; &amp; no volvió."));
    assert!(element(&alert, "references").is_empty());
    let first = element(&alert, "identifier")[0].to_string();
    let first_sent = element(&alert, "sent")[0].to_string();

    app.post(
        &format!("/api/v1/cases/{id}/widen"),
        Some(&police),
        &json!({ "alert_radius_km": 25 }),
    )
    .await;
    let update = app
        .get(&format!("/api/v1/cases/{id}/cap.xml"), None)
        .await
        .text()
        .await
        .unwrap();
    xmllint(&update, true);
    assert_eq!(element(&update, "msgType"), ["Update"]);
    assert_eq!(element(&update, "circle")[0], "-17.39350,-66.15700 25");
    let sender = element(&update, "sender")[0];
    assert_eq!(
        element(&update, "references"),
        [format!("{sender},{first},{first_sent}")]
    );
    let second = element(&update, "identifier")[0].to_string();
    assert_ne!(second, first);

    app.post(
        &format!("/api/v1/cases/{id}/resolve"),
        Some(&police),
        &json!({ "outcome": "found_safe" }),
    )
    .await;
    let cancel = app
        .get(&format!("/api/v1/cases/{id}/cap.xml"), None)
        .await
        .text()
        .await
        .unwrap();
    xmllint(&cancel, true);
    assert_eq!(element(&cancel, "msgType"), ["Cancel"]);
    let references = element(&cancel, "references")[0];
    assert!(
        references.contains(&first) && references.contains(&second),
        "{references}"
    );
    assert!(!cancel.contains("/photo"), "the photo leaves public view");

    let feed = body_text(&app, "/feeds/cap.atom").await;
    xmllint(&feed, false);
    assert!(feed.contains(&format!("/api/v1/cases/{id}/cap.xml")));
    assert!(feed.contains("application/cap+xml"));
    app.stop().await;
}

async fn body_text(app: &crate::common::TestApp, path: &str) -> String {
    let response = app.get(path, None).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.text().await.unwrap()
}

#[tokio::test]
async fn the_feed_lists_current_alerts_only() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let active = app.create_case(&family, &valid_case()).await;
    app.publish(&police, active).await;
    let draft = app
        .create_case(&family, &crate::common::another_case("Borrador"))
        .await;
    let feed = body_text(&app, "/feeds/cap.atom").await;
    xmllint(&feed, false);
    assert!(feed.contains(&format!("/api/v1/cases/{active}/cap.xml")));
    assert!(!feed.contains(&format!("/api/v1/cases/{draft}/cap.xml")));
    app.stop().await;
}

#[tokio::test]
async fn a_feed_of_the_active_cases_near_a_town() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let cochabamba = app.create_case(&family, &valid_case()).await;
    let mut far = crate::common::another_case("Ana");
    far["last_seen"] = json!({ "lat": -23.55, "lng": -46.63 });
    let sao_paulo = app.create_case(&family, &far).await;
    for id in [cochabamba, sao_paulo] {
        app.publish(&police, id).await;
    }
    let near = body_text(&app, "/feeds/cases.atom?place=Cochabamba").await;
    xmllint(&near, false);
    assert!(
        near.contains(&format!("/cases/{cochabamba}</id>")),
        "{near}"
    );
    assert!(!near.contains(&format!("/cases/{sao_paulo}</id>")));
    assert!(near.contains("Alerta — Cochabamba, BO"));
    let everywhere = body_text(&app, "/feeds/cases.atom").await;
    assert!(everywhere.contains(&format!("/cases/{sao_paulo}</id>")));
    let unknown = app
        .get("/feeds/cases.atom?place=Ciudad%20Inventada", None)
        .await;
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
    app.stop().await;
}

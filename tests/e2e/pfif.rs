//! PFIF 1.4 both ways: the export validates against the schema in
//! tests/fixtures, an import reports each record, and a round trip through
//! an empty instance gives the same cases.

use std::process::Command;

use alerta_core::{CaseId, CaseStatus, Role, UserId};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{
    TestApp, User, another_case, body, jpeg, spawn_app, spawn_app_with, valid_case,
};

fn validate(xml: &str) {
    let schema = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/pfif-1.4.rng");
    let file = tempfile::NamedTempFile::with_suffix(".xml").unwrap();
    std::fs::write(file.path(), xml).unwrap();
    let output = Command::new("xmllint")
        .arg("--noout")
        .arg("--relaxng")
        .arg(schema)
        .arg(file.path())
        .output()
        .expect("xmllint (libxml2-utils) is installed");
    assert!(
        output.status.success(),
        "not valid PFIF 1.4:\n{}\n{xml}",
        String::from_utf8_lossy(&output.stderr)
    );
}

async fn export(app: &TestApp, police: &User, query: &str) -> String {
    let response = app.get(&format!("/api/v1/pfif{query}"), Some(police)).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/xml")
    );
    response.text().await.unwrap()
}

async fn cases(app: &TestApp) -> i64 {
    let c = app.counts().await;
    c.cases_draft + c.cases_active + c.cases_resolved
}

async fn import(app: &TestApp, user: &User, xml: &str) -> reqwest::Response {
    app.http
        .post(app.url("/api/v1/pfif"))
        .bearer_auth(&user.token)
        .header("content-type", "application/xml")
        .body(xml.to_string())
        .send()
        .await
        .unwrap()
}

async fn resolve(app: &TestApp, police: &User, id: i64, outcome: &str) {
    let response = app
        .post(
            &format!("/api/v1/cases/{id}/resolve"),
            Some(police),
            &json!({ "outcome": outcome }),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
}

/// A draft, two active cases (one hidden), one found: what the export shows.
async fn some_cases(app: &TestApp, police: &User) -> (i64, i64, i64, i64) {
    let family = app.user(Role::Family).await;
    let draft = app.create_case(&family, &another_case("Borrador")).await;
    let mut active = valid_case();
    active["circumstances"] =
        json!("Salió del colegio.\nNo llegó a su casa & nadie la vio <después>.");
    active["aliases"] = json!("Majo");
    active["language"] = json!("pt");
    let active = app.create_case(&family, &active).await;
    app.put_bytes(
        &format!("/api/v1/cases/{active}/photo"),
        Some(&family),
        "image/jpeg",
        jpeg(300, 400),
    )
    .await;
    app.publish(police, active).await;
    let hidden = app.create_case(&family, &another_case("Oculta")).await;
    app.publish(police, hidden).await;
    let officer = app.store.actor(UserId(police.id)).await.unwrap();
    app.app
        .set_hidden(&officer, CaseId(hidden), true)
        .await
        .unwrap();
    let mut found = another_case("Encontrado");
    found["sex"] = json!("male");
    found["birth_date"] = Value::Null;
    found["age"] = json!(40);
    let found = app.create_case(&family, &found).await;
    app.publish(police, found).await;
    resolve(app, police, found, "found_safe").await;
    (draft, active, hidden, found)
}

#[tokio::test]
async fn the_export_holds_published_and_resolved_cases_and_validates() {
    let app = spawn_app().await;
    let police = app.user(Role::Police).await;
    let (draft, active, hidden, found) = some_cases(&app, &police).await;

    let xml = export(&app, &police, "").await;
    validate(&xml);
    let ids: Vec<&str> = xml
        .match_indices("<pfif:person_record_id>alerta.test/case.")
        .map(|(at, m)| &xml[at + m.len()..at + m.len() + xml[at + m.len()..].find('<').unwrap()])
        .collect();
    // Each person's id, once for the person and once per note.
    assert!(ids.contains(&active.to_string().as_str()));
    assert!(ids.contains(&found.to_string().as_str()));
    assert!(!ids.contains(&draft.to_string().as_str()), "no drafts");
    assert!(
        !ids.contains(&hidden.to_string().as_str()),
        "no hidden case"
    );
    assert!(xml.contains("<pfif:status>information_sought</pfif:status>"));
    assert!(xml.contains("<pfif:status>believed_alive</pfif:status>"));
    assert!(xml.contains("&amp; nadie la vio &lt;después&gt;"));

    // Incremental: nothing has changed since now.
    let later = (chrono::Utc::now() + chrono::Duration::minutes(1)).to_rfc3339();
    let empty = export(
        &app,
        &police,
        &format!("?since={}", later.replace('+', "%2B")),
    )
    .await;
    assert!(!empty.contains("<pfif:person>"));
    let bad = app.get("/api/v1/pfif?since=yesterday", Some(&police)).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body(bad).await["error"]["field"], "since");

    let family = app.user(Role::Family).await;
    assert_eq!(
        app.get("/api/v1/pfif", Some(&family)).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get("/api/v1/pfif", None).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn export_then_import_into_an_empty_instance_gives_the_same_cases() {
    // The source's public address is real here, so its photo URLs work.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let source = spawn_app_with(|s| {
        s.bind = format!("127.0.0.1:{port}");
        s.public_url = format!("http://127.0.0.1:{port}");
    })
    .await;
    let police = source.user(Role::Police).await;
    let (_, active, _, found) = some_cases(&source, &police).await;
    let xml = export(&source, &police, "").await;

    let target = spawn_app_with(|s| {
        s.public_url = "http://otra.test".into();
        s.pfif_photo_hosts = format!("example.net, 127.0.0.1:{port}");
    })
    .await;
    let officer = target.user(Role::Police).await;
    let response = import(&target, &officer, &xml).await;
    assert_eq!(response.status(), StatusCode::OK);
    let report = body(response).await;
    assert_eq!(
        (report["imported"].as_i64(), report["refused"].as_i64()),
        (Some(2), Some(0)),
        "{report}"
    );

    for (id, status) in [(active, CaseStatus::Draft), (found, CaseStatus::Resolved)] {
        let original = source.store.case(CaseId(id)).await.unwrap();
        let record = format!("127.0.0.1/case.{id}");
        let entry = report["records"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["person_record_id"] == record.as_str())
            .unwrap_or_else(|| panic!("{record} in {report}"));
        assert_eq!(entry["outcome"], "imported");
        let copy = target
            .store
            .case(CaseId(entry["case_id"].as_i64().unwrap()))
            .await
            .unwrap();
        assert_eq!(copy.details, original.details, "case {id}");
        assert_eq!(copy.status, status, "an open record waits for police here");
        assert_eq!(copy.outcome, original.outcome);
        assert_eq!(copy.pfif_record_id.as_deref(), Some(record.as_str()));
        let open = status == CaseStatus::Draft;
        assert_eq!(copy.has_photo, open, "the open case's photo came along");
        assert_eq!(entry["photo"].as_str(), open.then_some("stored"));
    }

    // The same file again changes nothing: both records are merged.
    let again = body(import(&target, &officer, &xml).await).await;
    assert_eq!(
        (again["imported"].as_i64(), again["merged"].as_i64()),
        (Some(0), Some(2)),
        "{again}"
    );
    assert_eq!(cases(&target).await, 2);
    // And the copy exports under the original's record id.
    let resolved_copy = export(&target, &officer, "").await;
    validate(&resolved_copy);
    assert!(resolved_copy.contains(&format!("<pfif:person_record_id>127.0.0.1/case.{found}<")));
}

#[tokio::test]
async fn an_import_reports_good_duplicate_and_broken_records_and_stores_no_broken_one() {
    let app = spawn_app().await;
    let police = app.user(Role::Police).await;
    let family = app.user(Role::Family).await;
    // An open case here that the file's third record looks like.
    let mut here = valid_case();
    here["given_name"] = json!("Rosa");
    here["family_name"] = json!("Choque");
    app.create_case(&family, &here).await;

    let person = |id: &str, name: &str, description: &str| {
        format!(
            "<pfif:person><pfif:person_record_id>{id}</pfif:person_record_id>\
             <pfif:source_date>2026-11-20T23:00:00Z</pfif:source_date>\
             <pfif:full_name>{name}</pfif:full_name><pfif:sex>female</pfif:sex>\
             <pfif:date_of_birth>2011-03-14</pfif:date_of_birth>\
             <pfif:description>{description}</pfif:description></pfif:person>"
        )
    };
    let complete = "Salió del colegio.\nclothing: Chompa roja\nlast_seen_at: 2026-11-20T18:30:00-04:00\n\
        last_seen_place: Plaza 14 de Septiembre, Cochabamba\nlast_seen: -17.3935, -66.157\ncontact_phone: +591 4 4221111";
    let file = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><pfif:pfif xmlns:pfif=\"http://zesty.ca/pfif/1.4\">{}{}{}{}</pfif:pfif>",
        person("example.org/person.1", "Lucía Mamani", complete).replace(
            "</pfif:person>",
            "<pfif:photo_url>http://127.0.0.1:9/lucia.jpg</pfif:photo_url></pfif:person>"
        ),
        person("example.org/person.1", "Lucía Mamani", complete),
        person("example.org/person.2", "Rosa Choque", complete),
        person("example.org/person.3", "Sin Datos", "Nadie sabe nada."),
    );
    let before = cases(&app).await;
    let response = import(&app, &police, &file).await;
    assert_eq!(response.status(), StatusCode::OK);
    let report = body(response).await;
    let outcomes: Vec<&str> = report["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(
        outcomes,
        ["imported", "merged", "refused", "refused"],
        "{report}"
    );
    let records = report["records"].as_array().unwrap();
    assert_eq!(
        records[0]["case_id"], records[1]["case_id"],
        "the repeat is the same case"
    );
    assert_eq!(records[2]["errors"][0]["field"], "full_name");
    assert!(
        records[2]["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("looks like case")
    );
    let missing: Vec<&str> = records[3]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    for field in [
        "clothing",
        "last_seen_at",
        "last_seen_place",
        "last_seen",
        "contact_phone",
    ] {
        assert!(missing.contains(&field), "{field} in {missing:?}");
    }
    assert_eq!(
        cases(&app).await,
        before + 1,
        "only the good record is stored"
    );
    let imported = app
        .store
        .case(CaseId(records[0]["case_id"].as_i64().unwrap()))
        .await
        .unwrap();
    assert_eq!(imported.status, CaseStatus::Draft);
    assert_eq!(imported.details.given_name, "Lucía");
    assert_eq!(imported.details.clothing, "Chompa roja");
    // Its photo's host was not allowed by the admin: nothing fetched.
    assert!(!imported.has_photo);
    assert!(
        records[0]["photo"]
            .as_str()
            .unwrap()
            .contains("not among the hosts allowed"),
        "{report}"
    );
}

#[tokio::test]
async fn a_file_that_is_not_pfif_is_refused_whole_and_only_police_import() {
    let app = spawn_app().await;
    let police = app.user(Role::Police).await;
    let family = app.user(Role::Family).await;
    let wrong = import(&app, &police, "<persons><person/></persons>").await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error = body(wrong).await;
    assert_eq!(error["error"]["field"], "body");
    assert!(
        error["error"]["message"]
            .as_str()
            .unwrap()
            .contains("PFIF 1.4")
    );
    let broken = import(
        &app,
        &police,
        "<pfif:pfif xmlns:pfif=\"http://zesty.ca/pfif/1.4\">",
    )
    .await;
    assert_eq!(broken.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let as_json = app.post("/api/v1/pfif", Some(&police), &json!({})).await;
    assert_eq!(as_json.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let file = "<pfif:pfif xmlns:pfif=\"http://zesty.ca/pfif/1.4\"></pfif:pfif>";
    assert_eq!(
        import(&app, &family, file).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(cases(&app).await, 0);
}

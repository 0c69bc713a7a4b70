//! The OpenAPI document against the running API: schemathesis (from PyPI;
//! scripts/test installs it) generates requests for every operation from the
//! document and checks the answers, and the human page shows every operation.

use std::process::Command;

use alerta_core::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{TestApp, User, another_case, body, jpeg, spawn_app};

/// Cases in every state, so generated ids meet drafts, active and resolved ones.
async fn cases_in_every_state(app: &TestApp, police: &User) {
    let family = app.user(Role::Family).await;
    app.create_case(&family, &another_case("Borrador")).await;
    let active = app.create_case(&family, &another_case("Activa")).await;
    app.put_bytes(
        &format!("/api/v1/cases/{active}/photo"),
        Some(&family),
        "image/jpeg",
        jpeg(200, 260),
    )
    .await;
    app.publish(police, active).await;
    let resolved = app.create_case(&family, &another_case("Encontrada")).await;
    app.publish(police, resolved).await;
    let response = app
        .post(
            &format!("/api/v1/cases/{resolved}/resolve"),
            Some(police),
            &json!({ "outcome": "found_safe" }),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
}

/// Runs schemathesis against the app as `user` (anonymous when None) and
/// panics with its report unless every check passed.
fn schemathesis(app: &TestApp, user: Option<&User>) {
    let program =
        std::env::var("ALERTA_TEST_SCHEMATHESIS").unwrap_or_else(|_| "schemathesis".into());
    // schemathesis keeps a cache of what it found in its working folder:
    // a fresh one, so that no run replays another's and the checkout stays clean.
    let work = tempfile::tempdir().unwrap();
    let mut command = Command::new(&program);
    command
        .current_dir(work.path())
        .arg("run")
        .arg(app.url("/api/v1/openapi.json"))
        .args([
            "--checks",
            "not_a_server_error,status_code_conformance,content_type_conformance,\
             response_headers_conformance,response_schema_conformance,negative_data_rejection",
            "--phases",
            "examples,coverage,fuzzing",
            "--max-examples",
            "25",
            "--workers",
            "1",
            // Signing out would revoke the token the rest of the run uses.
            "--exclude-path",
            "/api/v1/sessions/current",
        ])
        .env("NO_COLOR", "1");
    if let Some(user) = user {
        command
            .arg("-H")
            .arg(format!("Authorization: Bearer {}", user.token));
    }
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("{program} runs (scripts/test installs schemathesis): {e}"));
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "schemathesis found problems:\n{report}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(report.contains("passed"), "{report}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn schemathesis_finds_no_server_error_and_no_answer_that_breaks_the_document() {
    let app = spawn_app().await;
    let police = app.user(Role::Police).await;
    cases_in_every_state(&app, &police).await;
    // The app serves from this runtime's other thread meanwhile.
    tokio::task::block_in_place(|| schemathesis(&app, Some(&police)));
    tokio::task::block_in_place(|| schemathesis(&app, None));
}

#[tokio::test]
async fn the_api_page_shows_every_operation_of_the_document() {
    let app = spawn_app().await;
    let document: Value = body(app.get("/api/v1/openapi.json", None).await).await;
    let response = app.get("/api", None).await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = response.text().await.unwrap();
    let paths = document["paths"].as_object().unwrap();
    assert!(paths.len() > 20, "the document describes the API");
    for (path, item) in paths {
        for method in ["get", "post", "put", "delete"] {
            if item.get(method).is_some() {
                let heading = format!("{} {}", method.to_uppercase(), path);
                assert!(page.contains(&heading), "{heading} missing from /api");
            }
        }
    }
    for schema in document["components"]["schemas"]
        .as_object()
        .unwrap()
        .keys()
    {
        assert!(
            page.contains(&format!("id=\"schema-{schema}\"")),
            "schema {schema}"
        );
    }
    // Examples are shown, escaped as text.
    assert!(page.contains("vecina@example.org"));
    assert!(!page.contains("<script>alert"), "nothing unescaped");
}

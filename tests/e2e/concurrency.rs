//! Many clients writing at once: no "database is locked", nothing lost.

use alerta_core::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::common::*;

const CLIENTS: usize = 50;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_clients_create_and_update_cases_at_once() {
    let app = std::sync::Arc::new(spawn_app().await);
    let mut families = Vec::new();
    for _ in 0..5 {
        families.push(app.user(Role::Family).await);
    }
    let police = app.user(Role::Police).await;

    let mut tasks = Vec::new();
    for client in 0..CLIENTS {
        let app = app.clone();
        let family = families[client % families.len()].clone();
        let police = police.clone();
        tasks.push(tokio::spawn(async move {
            let case = another_case(&format!("Persona {client}"));
            let created = app.post("/api/v1/cases", Some(&family), &case).await;
            let status = created.status();
            let text = created.text().await.unwrap();
            assert_eq!(status, StatusCode::CREATED, "client {client}: {text}");
            let id = serde_json::from_str::<serde_json::Value>(&text).unwrap()["id"]
                .as_i64()
                .unwrap();
            for round in 0..3 {
                let mut edited = case.clone();
                edited["clothing"] = json!(format!("Ropa, versión {round}"));
                let updated = app
                    .put(&format!("/api/v1/cases/{id}"), Some(&family), &edited)
                    .await;
                assert_eq!(
                    updated.status(),
                    StatusCode::OK,
                    "client {client} round {round}: {}",
                    updated.text().await.unwrap()
                );
            }
            let published = app
                .post(
                    &format!("/api/v1/cases/{id}/publish"),
                    Some(&police),
                    &json!({}),
                )
                .await;
            assert_eq!(
                published.status(),
                StatusCode::OK,
                "client {client} publish"
            );
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    let counts = app.counts().await;
    assert_eq!(counts.cases_active, CLIENTS as i64);
    // created + 3 edits + published, for each.
    assert_eq!(counts.audit_entries, CLIENTS as i64 * 5);
}

//! Health, metrics and the OpenAPI document.

use reqwest::StatusCode;

use crate::common::*;

#[tokio::test]
async fn health_metrics_and_openapi_answer() {
    let app = spawn_app().await;
    // The PostgreSQL run of this suite must really run on PostgreSQL.
    let on_postgres =
        std::env::var("ALERTA_TEST_DATABASE_URL").is_ok_and(|u| u.starts_with("postgres"));
    let expected = if on_postgres {
        alerta_store::Backend::Postgres
    } else {
        alerta_store::Backend::Sqlite
    };
    assert_eq!(app.store.backend(), expected);
    assert_eq!(app.get("/healthz", None).await.status(), StatusCode::OK);
    app.get("/api/v1/cases", None).await;

    let metrics = app.get("/metrics", None).await.text().await.unwrap();
    assert!(metrics.contains("alerta_http_requests_total"), "{metrics}");
    assert!(metrics.contains("route=\"/api/v1/cases\""));
    assert!(metrics.contains("alerta_cases{status=\"active\"}"));

    let doc = body(app.get("/api/v1/openapi.json", None).await).await;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    for (path, method) in [
        ("/api/v1/sessions", "post"),
        ("/api/v1/sessions/current", "delete"),
        ("/api/v1/cases", "post"),
        ("/api/v1/cases", "get"),
        ("/api/v1/cases/{id}", "get"),
        ("/api/v1/cases/{id}", "put"),
        ("/api/v1/cases/{id}/photo", "put"),
        ("/api/v1/cases/{id}/publish", "post"),
        ("/api/v1/cases/{id}/resolve", "post"),
        ("/api/v1/cases/{id}/audit", "get"),
        ("/healthz", "get"),
        ("/readyz", "get"),
        ("/metrics", "get"),
    ] {
        assert!(
            paths.get(path).and_then(|p| p.get(method)).is_some(),
            "{method} {path} missing from the OpenAPI document"
        );
    }
    assert!(doc["components"]["schemas"].get("CaseInput").is_some());
    app.stop().await;
}

/// A node whose database is away: `/readyz` tells the balancer at once
/// (503, Retry-After), `/healthz` still says the process lives.
#[tokio::test]
async fn readyz_says_whether_the_database_answers_and_healthz_only_that_the_node_lives() {
    let app = spawn_app().await;
    let ready = app.get("/readyz", None).await;
    assert_eq!(ready.status(), StatusCode::OK);
    // Every connection to the database gone, as when it is unreachable.
    app.store.close().await;
    let not_ready = app.get("/readyz", None).await;
    assert_eq!(not_ready.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        not_ready
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok()),
        Some("5")
    );
    assert_eq!(app.get("/healthz", None).await.status(), StatusCode::OK);
    // The API and the pages say "try again in a moment", not "error".
    let api = app.get("/api/v1/cases", None).await;
    assert_eq!(api.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(api.headers().contains_key("retry-after"));
    assert_eq!(body(api).await["error"]["code"], "unavailable");
    let page = app.http.get(app.url("/?lang=es")).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(page.headers().contains_key("retry-after"));
    let text = page.text().await.unwrap();
    assert!(text.contains("Vuelve a probar en unos segundos"), "{text}");
    app.stop().await;
}

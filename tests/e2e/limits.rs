//! Rate limits on the doors anyone can knock on.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::*;

fn subscription(email: &str) -> Value {
    json!({ "email": email, "zone": { "lat": -17.39, "lng": -66.15, "radius_km": 10 } })
}

async fn subscribe_from(
    app: &TestApp,
    email: &str,
    forwarded_for: Option<&str>,
) -> reqwest::Response {
    let mut request = app
        .http
        .post(app.url("/api/v1/subscriptions"))
        .json(&subscription(email));
    if let Some(ip) = forwarded_for {
        request = request.header("x-forwarded-for", ip);
    }
    request.send().await.unwrap()
}

#[tokio::test]
async fn one_client_cannot_subscribe_strangers_in_bulk() {
    let app = spawn_app().await;
    for i in 0..20 {
        // Forged X-Forwarded-For headers change nothing without a trusted proxy.
        let response = subscribe_from(
            &app,
            &format!("persona{i}@example.org"),
            Some(&format!("10.0.0.{i}")),
        )
        .await;
        assert_eq!(response.status(), StatusCode::ACCEPTED, "request {i}");
    }
    let refused = subscribe_from(&app, "persona20@example.org", Some("10.0.0.99")).await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(refused.headers()["retry-after"], "3600");
    assert_eq!(body(refused).await["error"]["code"], "rate_limited");
    assert_eq!(
        app.counts().await.volunteers,
        20,
        "the refused request stored nothing"
    );

    app.advance(chrono::Duration::minutes(61));
    assert_eq!(
        subscribe_from(&app, "persona20@example.org", None)
            .await
            .status(),
        StatusCode::ACCEPTED
    );
    app.stop().await;
}

#[tokio::test]
async fn one_address_cannot_be_flooded_with_requests() {
    let app = spawn_app().await;
    for _ in 0..5 {
        assert_eq!(
            subscribe_from(&app, "victima@example.org", None)
                .await
                .status(),
            StatusCode::ACCEPTED
        );
    }
    assert_eq!(
        subscribe_from(&app, "VICTIMA@example.org", None)
            .await
            .status(),
        StatusCode::TOO_MANY_REQUESTS
    );
    app.stop().await;
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_client_counts_apart() {
    let app = spawn_app_with(|s| s.trust_forwarded_for = true).await;
    for i in 0..20 {
        subscribe_from(&app, &format!("a{i}@example.org"), Some("203.0.113.7")).await;
    }
    assert_eq!(
        subscribe_from(&app, "a20@example.org", Some("203.0.113.7"))
            .await
            .status(),
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        subscribe_from(&app, "b@example.org", Some("198.51.100.2"))
            .await
            .status(),
        StatusCode::ACCEPTED
    );
    app.stop().await;
}

#[tokio::test]
async fn sign_in_attempts_are_limited_per_client() {
    let app = spawn_app().await;
    // A different address each time: the per-account lock-out
    // (pages::repeated_wrong_passwords_lock_the_account_for_a_while) stays out of it.
    let attempt = |i: usize| json!({ "email": format!("nadie{i}@example.org"), "password": "adivinando-123" });
    for i in 0..20 {
        assert_eq!(
            app.post("/api/v1/sessions", None, &attempt(i))
                .await
                .status(),
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(
        app.post("/api/v1/sessions", None, &attempt(20))
            .await
            .status(),
        StatusCode::TOO_MANY_REQUESTS
    );
    app.stop().await;
}

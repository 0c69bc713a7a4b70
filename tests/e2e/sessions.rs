//! Signing in and out, and what a token is worth over time.

use alerta_core::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::common::*;

#[tokio::test]
async fn a_wrong_password_and_an_unknown_address_get_the_same_answer() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let wrong_password = app
        .post(
            "/api/v1/sessions",
            None,
            &json!({ "email": family.email, "password": "not the password" }),
        )
        .await;
    let unknown = app
        .post(
            "/api/v1/sessions",
            None,
            &json!({ "email": "nobody@example.org", "password": "not the password" }),
        )
        .await;
    assert_eq!(wrong_password.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(unknown.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(body(wrong_password).await, body(unknown).await);
    app.stop().await;
}

#[tokio::test]
async fn sign_in_answers_the_role_and_a_token_that_works_until_revoked() {
    let app = spawn_app().await;
    let police = app.user(Role::Police).await;
    let response = app
        .post(
            "/api/v1/sessions",
            None,
            &json!({ "email": police.email.to_uppercase(), "password": PASSWORD }),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let session = body(response).await;
    assert_eq!(session["role"], "police");
    let user = User {
        token: session["token"].as_str().unwrap().into(),
        ..police
    };

    assert_eq!(
        app.get("/api/v1/cases?status=draft", Some(&user))
            .await
            .status(),
        StatusCode::OK
    );
    let out = app
        .http
        .delete(app.url("/api/v1/sessions/current"))
        .bearer_auth(&user.token)
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        app.get("/api/v1/cases?status=draft", Some(&user))
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    app.stop().await;
}

#[tokio::test]
async fn tokens_expire_and_forged_ones_are_refused() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let forged = User {
        token: "x".repeat(43),
        ..family.clone()
    };
    assert_eq!(
        app.get("/api/v1/cases?status=draft", Some(&forged))
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );

    assert_eq!(
        app.get("/api/v1/cases?status=draft", Some(&family))
            .await
            .status(),
        StatusCode::OK
    );
    app.advance(chrono::Duration::days(31));
    assert_eq!(
        app.get("/api/v1/cases?status=draft", Some(&family))
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    app.stop().await;
}

#[tokio::test]
async fn tokens_are_stored_only_as_hashes() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let hash = alerta_web::auth::token_hash(&family.token);
    assert_ne!(hash, family.token);
    let found = app
        .store
        .session_user(&hash, alerta_store::SessionKind::Api, chrono::Utc::now())
        .await
        .unwrap();
    assert_eq!(
        found.map(|(_, user)| user.email),
        Some(family.email.clone())
    );
    let by_token = app
        .store
        .session_user(
            &family.token,
            alerta_store::SessionKind::Api,
            chrono::Utc::now(),
        )
        .await
        .unwrap();
    assert!(by_token.is_none(), "the raw token is not what is stored");
    app.stop().await;
}

#[tokio::test]
async fn a_malformed_address_is_refused_by_name() {
    let app = spawn_app().await;
    let response = app
        .post(
            "/api/v1/sessions",
            None,
            &json!({ "email": "not-an-address", "password": "whatever it is" }),
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body(response).await["error"]["field"], "email");
    app.stop().await;
}

#[tokio::test]
async fn a_page_session_cookie_signs_in_until_it_expires_or_is_revoked() {
    let app = spawn_app().await;
    let police = app.user(Role::Police).await;
    // The page's sign-in, as the login form calls it.
    let signed_in = app
        .app
        .sign_in(
            &police.email,
            PASSWORD,
            std::net::Ipv4Addr::LOCALHOST.into(),
            alerta_store::SessionKind::Cookie,
            chrono::Duration::hours(12),
        )
        .await
        .unwrap();
    let cookie_token = signed_in.token;
    let hash = alerta_web::auth::token_hash(&cookie_token);
    let with_cookie = |token: &str| {
        app.http
            .get(app.url("/api/v1/cases?status=draft"))
            .header("cookie", format!("lang=es; alerta_session={token}"))
            .send()
    };
    assert_eq!(
        with_cookie(&cookie_token).await.unwrap().status(),
        StatusCode::OK
    );
    // A cookie token is not an API token.
    let as_bearer = User {
        token: cookie_token.clone(),
        ..police.clone()
    };
    assert_eq!(
        app.get("/api/v1/cases?status=draft", Some(&as_bearer))
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    // A stale cookie leaves the visitor anonymous rather than failing the page.
    assert_eq!(
        with_cookie("stale").await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );

    app.advance(chrono::Duration::hours(13));
    assert_eq!(
        with_cookie(&cookie_token).await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
    app.advance(chrono::Duration::hours(-13));
    assert!(app.app.sign_out(&hash).await.unwrap());
    assert_eq!(
        with_cookie(&cookie_token).await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
    app.stop().await;
}

//! Bad input gets a clear refusal naming the field, stores nothing, and
//! leaves the server answering.

use alerta_core::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::*;

/// (what to change in a valid case, the field the refusal must name)
fn invalid_cases() -> Vec<(Value, &'static str)> {
    let long = "x".repeat(101);
    vec![
        (json!({ "given_name": "" }), "given_name"),
        (json!({ "given_name": long }), "given_name"),
        (json!({ "family_name": null }), "family_name"),
        (json!({ "given_name": "Ana\r\nBcc: x@y.org" }), "given_name"),
        (json!({ "sex": "f" }), "sex"),
        (json!({ "birth_date": "14/03/2011" }), "birth_date"),
        (json!({ "birth_date": "2099-01-01" }), "birth_date"),
        (json!({ "birth_date": null, "age": null }), "birth_date"),
        (json!({ "age": 300, "birth_date": null }), "age"),
        (json!({ "age": 40 }), "age"),
        (json!({ "height_cm": 900 }), "height_cm"),
        (json!({ "weight_kg": -3 }), "weight_kg"),
        (json!({ "clothing": "   " }), "clothing"),
        (
            json!({ "circumstances": "y".repeat(4001) }),
            "circumstances",
        ),
        (
            json!({ "last_seen_at": "2026-11-20 18:30" }),
            "last_seen_at",
        ),
        (
            json!({ "last_seen_at": "2099-11-20T18:30:00-04:00" }),
            "last_seen_at",
        ),
        (json!({ "last_seen_place": "" }), "last_seen_place"),
        (json!({ "last_seen": null }), "last_seen"),
        (
            json!({ "last_seen": { "lat": 91, "lng": 0 } }),
            "last_seen.lat",
        ),
        (
            json!({ "last_seen": { "lat": 0, "lng": -181 } }),
            "last_seen.lng",
        ),
        (
            json!({ "last_seen": { "lat": "south", "lng": 0 } }),
            "last_seen.lat",
        ),
        (json!({ "contact_phone": "" }), "contact_phone"),
        (json!({ "contact_phone": "llamar a Juan" }), "contact_phone"),
        (json!({ "language": "de" }), "language"),
        (json!({ "alert_radius_km": 0.1 }), "alert_radius_km"),
        (json!({ "alert_radius_km": 5000 }), "alert_radius_km"),
        (json!({ "nickname": "x" }), "nickname"),
    ]
}

#[tokio::test]
async fn each_invalid_case_field_is_refused_by_name_and_nothing_is_stored() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let before = app.counts().await;
    for (change, field) in invalid_cases() {
        let mut case = valid_case();
        for (key, value) in change.as_object().unwrap() {
            case[key] = value.clone();
        }
        let response = app.post("/api/v1/cases", Some(&family), &case).await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{change}"
        );
        let error = body(response).await["error"].clone();
        assert_eq!(error["code"], "invalid_input", "{change}");
        assert_eq!(error["field"], field, "{change}: {error}");
        assert!(!error["message"].as_str().unwrap().is_empty());
    }
    assert_eq!(
        app.counts().await,
        before,
        "a refused case left rows behind"
    );
    assert_eq!(app.get("/healthz", None).await.status(), StatusCode::OK);
    app.stop().await;
}

#[tokio::test]
async fn an_empty_case_lists_every_missing_field() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let error =
        body(app.post("/api/v1/cases", Some(&family), &json!({})).await).await["error"].clone();
    let fields: Vec<&str> = error["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["field"].as_str().unwrap())
        .collect();
    for required in [
        "given_name",
        "family_name",
        "sex",
        "clothing",
        "circumstances",
        "last_seen_at",
        "last_seen_place",
        "last_seen",
        "contact_phone",
    ] {
        assert!(fields.contains(&required), "{required} not in {fields:?}");
    }
    app.stop().await;
}

#[tokio::test]
async fn malformed_oversized_and_mistyped_bodies_are_refused() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let before = app.counts().await;
    let raw = |content_type: &'static str, body: Vec<u8>| {
        app.http
            .post(app.url("/api/v1/cases"))
            .bearer_auth(&family.token)
            .header("content-type", content_type)
            .body(body)
            .send()
    };

    let response = raw("application/json", b"{\"given_name\": ".to_vec())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(body(response).await["error"]["code"], "malformed_json");

    let mut huge = valid_case();
    huge["circumstances"] = json!("z".repeat(100_000));
    let response = raw("application/json", serde_json::to_vec(&huge).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(body(response).await["error"]["code"], "too_large");

    let response = raw("text/plain", serde_json::to_vec(&valid_case()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);

    assert_eq!(app.counts().await, before);
    assert_eq!(app.get("/healthz", None).await.status(), StatusCode::OK);
    app.stop().await;
}

#[tokio::test]
async fn each_bad_photo_is_refused_with_its_own_status_and_nothing_is_stored() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let id = app.create_case(&family, &valid_case()).await;
    let path = format!("/api/v1/cases/{id}/photo");
    let good = jpeg(300, 400);
    let cases: Vec<(&str, &str, Vec<u8>, StatusCode)> = vec![
        (
            "not an image",
            "image/jpeg",
            b"I am a text file, not a photo".to_vec(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (
            "a PDF",
            "application/pdf",
            b"%PDF-1.4\n%...".to_vec(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (
            "no content type",
            "",
            good.clone(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (
            "truncated JPEG",
            "image/jpeg",
            good[..good.len() / 2].to_vec(),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            "decompression bomb",
            "image/png",
            include_bytes!("../fixtures/bomb.png").to_vec(),
            StatusCode::PAYLOAD_TOO_LARGE,
        ),
        (
            "over 20 MB",
            "image/jpeg",
            vec![0xFF; 21 * 1024 * 1024],
            StatusCode::PAYLOAD_TOO_LARGE,
        ),
    ];
    let before = app.counts().await;
    for (what, content_type, bytes, expected) in cases {
        let response = app
            .put_bytes(&path, Some(&family), content_type, bytes)
            .await;
        assert_eq!(response.status(), expected, "{what}");
        let error = body(response).await["error"].clone();
        assert_eq!(error["field"], "photo", "{what}: {error}");
        assert_eq!(app.counts().await, before, "{what} left rows behind");
        assert_eq!(
            app.get("/healthz", None).await.status(),
            StatusCode::OK,
            "after {what}"
        );
    }
    let case = body(app.get(&format!("/api/v1/cases/{id}"), Some(&family)).await).await;
    assert_eq!(
        case["version"], 1,
        "a refused photo does not change the case"
    );
    assert!(case.get("photo_url").is_none());
    app.stop().await;
}

#[tokio::test]
async fn real_world_photos_come_out_upright_and_in_colour() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let id = app.create_case(&family, &valid_case()).await;
    let path = format!("/api/v1/cases/{id}/photo");

    let rotated = app
        .put_bytes(
            &path,
            Some(&family),
            "image/jpeg",
            include_bytes!("../fixtures/rotated.jpg").to_vec(),
        )
        .await;
    let rotated = body(rotated).await;
    assert_eq!(
        (rotated["width"].as_i64(), rotated["height"].as_i64()),
        (Some(40), Some(60)),
        "turned upright"
    );

    let cmyk = app
        .put_bytes(
            &path,
            Some(&family),
            "image/jpeg",
            include_bytes!("../fixtures/cmyk.jpg").to_vec(),
        )
        .await;
    assert_eq!(cmyk.status(), StatusCode::OK);
    let stored = app.get(&path, Some(&family)).await.bytes().await.unwrap();
    let image = image::load_from_memory(&stored).unwrap().to_rgb8();
    let red = image.get_pixel(8, 24);
    assert!(
        red[0] > 200 && red[1] < 60 && red[2] < 60,
        "CMYK red stays red, got {red:?}"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_wrong_query_parameter_is_named_and_a_wrong_id_is_not_found_in_json() {
    let app = spawn_app().await;
    for (path, field) in [
        ("/api/v1/cases?radius_km=far", "radius_km"),
        ("/api/v1/places?q=La&limit=many", "limit"),
        ("/api/v1/cases/1/photo?original=maybe", "original"),
    ] {
        let response = app.get(path, None).await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{path}"
        );
        assert_eq!(body(response).await["error"]["field"], field, "{path}");
    }
    for path in [
        "/api/v1/cases/99999999999999999999",
        "/api/v1/cases/abc/tips",
        "/cases/1.5/poster.pdf",
    ] {
        let response = app.get(path, None).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        assert_eq!(body(response).await["error"]["code"], "not_found", "{path}");
    }
}

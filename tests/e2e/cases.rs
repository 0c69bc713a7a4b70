//! A case's life: registered by a family, published and resolved by police.

use alerta_core::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::common::*;

#[tokio::test]
async fn a_case_goes_from_draft_to_public_to_found() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;

    let response = app
        .post("/api/v1/cases", Some(&family), &valid_case())
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let location = response.headers()["location"].to_str().unwrap().to_string();
    let created = body(response).await;
    assert_eq!(created["status"], "draft");
    assert_eq!(created["age"], 15);
    let id = created["id"].as_i64().unwrap();
    assert_eq!(location, format!("/api/v1/cases/{id}"));

    // A draft is invisible to the public.
    assert_eq!(
        app.get(&location, None).await.status(),
        StatusCode::NOT_FOUND
    );

    let photo = app
        .put_bytes(
            &format!("{location}/photo"),
            Some(&family),
            "image/jpeg",
            jpeg(2400, 3200),
        )
        .await;
    assert_eq!(photo.status(), StatusCode::OK);
    let photo = body(photo).await;
    assert_eq!(
        (photo["width"].as_i64(), photo["height"].as_i64()),
        (Some(900), Some(1200))
    );

    let published = body(
        app.post(&format!("{location}/publish"), Some(&police), &json!({}))
            .await,
    )
    .await;
    assert_eq!(published, json!({ "status": "active", "recipients": 0 }));

    let public = body(app.get(&location, None).await).await;
    assert_eq!(public["status"], "active");
    assert_eq!(public["given_name"], "María José");
    assert_eq!(public["contact_phone"], "+591 4 4221111");
    assert_eq!(public["last_seen_at"], "2026-11-20T18:30:00-04:00");
    assert_eq!(public["organisation"], "Policía de Prueba");
    assert!(
        public.get("birth_date").is_none(),
        "the exact birth date is not public"
    );
    assert!(public.get("owner_id").is_none());
    let photo_url = public["photo_url"]
        .as_str()
        .unwrap()
        .replace("http://alerta.test", "");
    let photo = app.get(&photo_url, None).await;
    assert_eq!(photo.status(), StatusCode::OK);
    assert_eq!(photo.headers()["content-type"], "image/jpeg");
    // The original upload stays with the family and police.
    assert_eq!(
        app.get(&format!("{location}/photo?original=true"), None)
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get(&format!("{location}/photo?original=true"), Some(&police))
            .await
            .status(),
        StatusCode::OK
    );

    let resolved = app
        .post(
            &format!("{location}/resolve"),
            Some(&police),
            &json!({ "outcome": "found_safe", "note": "Encontrada en casa de una tía." }),
        )
        .await;
    assert_eq!(resolved.status(), StatusCode::OK);

    // Found: the public sees that, and no longer the photo or the details.
    let public = body(app.get(&location, None).await).await;
    assert_eq!(public["status"], "resolved");
    assert_eq!(public["outcome"], "found_safe");
    assert!(public.get("photo_url").is_none());
    assert!(public.get("clothing").is_none());
    assert!(public.get("resolution_note").is_none());
    assert_eq!(
        app.get(&photo_url, None).await.status(),
        StatusCode::NOT_FOUND
    );
    let full = body(app.get(&location, Some(&police)).await).await;
    assert_eq!(full["resolution_note"], "Encontrada en casa de una tía.");
    assert_eq!(full["owner_id"], family.id);
    app.stop().await;
}

#[tokio::test]
async fn every_change_is_in_the_audit_log() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let id = app.create_case(&family, &valid_case()).await;

    let mut edited = valid_case();
    edited["clothing"] = json!("Chompa azul");
    let response = app
        .put(&format!("/api/v1/cases/{id}"), Some(&family), &edited)
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(body(response).await["version"], 2);
    app.put_bytes(
        &format!("/api/v1/cases/{id}/photo"),
        Some(&family),
        "image/jpeg",
        jpeg(60, 80),
    )
    .await;
    app.publish(&police, id).await;
    app.post(
        &format!("/api/v1/cases/{id}/resolve"),
        Some(&police),
        &json!({ "outcome": "withdrawn" }),
    )
    .await;

    let log = body(
        app.get(&format!("/api/v1/cases/{id}/audit"), Some(&police))
            .await,
    )
    .await;
    let actions: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        ["created", "edited", "photo_set", "published", "resolved"]
    );
    assert_eq!(log[0]["actor_email"], family.email.as_str());
    assert_eq!(
        log[1]["detail"]["changed"]["clothing"],
        json!({ "from": "Chompa roja, pantalón jean azul", "to": "Chompa azul" })
    );
    assert_eq!(log[3]["actor_email"], police.email.as_str());
    assert_eq!(log[4]["detail"]["outcome"], "withdrawn");
    app.stop().await;
}

#[tokio::test]
async fn a_published_case_changes_only_through_police() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let id = app.create_case(&family, &valid_case()).await;
    app.publish(&police, id).await;

    let mut edited = valid_case();
    edited["circumstances"] = json!("Nueva información: fue vista en la terminal de buses.");
    let refused = app
        .put(&format!("/api/v1/cases/{id}"), Some(&family), &edited)
        .await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    assert_eq!(body(refused).await["error"]["code"], "wrong_state");

    let accepted = app
        .put(&format!("/api/v1/cases/{id}"), Some(&police), &edited)
        .await;
    assert_eq!(accepted.status(), StatusCode::OK);
    assert_eq!(
        body(app.get(&format!("/api/v1/cases/{id}"), None).await).await["circumstances"],
        edited["circumstances"]
    );

    // Publishing twice, or resolving twice, is a state conflict.
    let again = app
        .post(
            &format!("/api/v1/cases/{id}/publish"),
            Some(&police),
            &json!({}),
        )
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    app.post(
        &format!("/api/v1/cases/{id}/resolve"),
        Some(&police),
        &json!({ "outcome": "found_safe" }),
    )
    .await;
    let again = app
        .post(
            &format!("/api/v1/cases/{id}/resolve"),
            Some(&police),
            &json!({ "outcome": "found_safe" }),
        )
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    app.stop().await;
}

#[tokio::test]
async fn the_same_person_twice_is_flagged_unless_confirmed() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let other_family = app.user(Role::Family).await;
    let first = app.create_case(&family, &valid_case()).await;

    // Same name, accents and case aside, same birth date: probably the same person.
    let mut same = valid_case();
    same["given_name"] = json!("MARIA JOSE");
    same["family_name"] = json!("quispe mamani");
    let response = app.post("/api/v1/cases", Some(&other_family), &same).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let error = body(response).await["error"].clone();
    assert_eq!(error["code"], "possible_duplicate");
    assert_eq!(error["existing_case_id"], first);
    assert_eq!(app.counts().await.cases_draft, 1);

    let confirmed = app
        .post(
            "/api/v1/cases?confirm_duplicate=true",
            Some(&other_family),
            &same,
        )
        .await;
    assert_eq!(confirmed.status(), StatusCode::CREATED);

    // A namesake born on another day is someone else.
    let mut namesake = valid_case();
    namesake["birth_date"] = json!("1980-01-01");
    assert_eq!(
        app.post("/api/v1/cases", Some(&family), &namesake)
            .await
            .status(),
        StatusCode::CREATED
    );
    app.stop().await;
}

#[tokio::test]
async fn cases_are_listed_by_status_place_and_name() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let cochabamba = app.create_case(&family, &valid_case()).await;
    let mut sao_paulo = another_case("João Pedro");
    sao_paulo["family_name"] = json!("Gonçalves");
    sao_paulo["last_seen"] = json!({ "lat": -23.5349, "lng": -46.635 });
    let sao_paulo = app.create_case(&family, &sao_paulo).await;
    let draft = app.create_case(&family, &another_case("Ana")).await;
    app.publish(&police, cochabamba).await;
    app.publish(&police, sao_paulo).await;

    let ids = |v: serde_json::Value| -> Vec<i64> {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(
        ids(body(app.get("/api/v1/cases", None).await).await),
        [sao_paulo, cochabamba]
    );
    assert_eq!(
        ids(body(
            app.get("/api/v1/cases?lat=-17.39&lng=-66.15&radius_km=50", None)
                .await
        )
        .await),
        [cochabamba]
    );
    assert_eq!(
        ids(body(app.get("/api/v1/cases?q=goncalves", None).await).await),
        [sao_paulo]
    );
    assert_eq!(
        ids(body(app.get("/api/v1/cases?q=jose%20quispe", None).await).await),
        [cochabamba]
    );
    assert_eq!(
        ids(body(app.get("/api/v1/cases?status=draft", Some(&family)).await).await),
        [draft]
    );
    assert_eq!(
        app.get("/api/v1/cases?status=draft", None).await.status(),
        StatusCode::UNAUTHORIZED
    );

    let page = body(app.get("/api/v1/cases?limit=1", None).await).await;
    assert_eq!(ids(page.clone()), [sao_paulo]);
    let next = page["next"].as_str().unwrap();
    let page = body(
        app.get(&format!("/api/v1/cases?limit=1&cursor={next}"), None)
            .await,
    )
    .await;
    assert_eq!(ids(page), [cochabamba]);
    app.stop().await;
}

#[tokio::test]
async fn a_search_near_a_point_keeps_to_the_circle_not_its_box() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let mut inside = another_case("Rosa");
    inside["last_seen"] = json!({ "lat": -17.3935, "lng": -66.157 });
    // 0.07° north and east: inside the 10 km circle's bounding box, about
    // 11 km from its centre, so outside the circle.
    let mut corner = another_case("Rosalía");
    corner["last_seen"] = json!({ "lat": -17.3235, "lng": -66.0836 });
    for case in [&inside, &corner] {
        let id = app.create_case(&family, case).await;
        app.publish(&police, id).await;
    }
    let names = |list: serde_json::Value| -> Vec<String> {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["given_name"].as_str().unwrap().to_string())
            .collect()
    };
    let near = "/api/v1/cases?lat=-17.3935&lng=-66.157&radius_km=10";
    assert_eq!(names(body(app.get(near, None).await).await), ["Rosa"]);
    // The same with a name both match: the name search keeps to the circle too.
    let named = format!("{near}&q=rosa");
    assert_eq!(names(body(app.get(&named, None).await).await), ["Rosa"]);
    let wider = "/api/v1/cases?lat=-17.3935&lng=-66.157&radius_km=12&q=rosa";
    // Both, the exact name first.
    assert_eq!(
        names(body(app.get(wider, None).await).await),
        ["Rosa", "Rosalía"]
    );
    app.stop().await;
}

#[tokio::test]
async fn a_case_typed_as_a_street_is_named_by_its_town_and_country() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    // The family wrote only the market; the point is in La Paz.
    let mut case = valid_case();
    case["last_seen_place"] = json!("Mercado Rodríguez, puesto de frutas");
    case["last_seen"] = json!({ "lat": -16.5030, "lng": -68.1380 });
    let id = app.create_case(&family, &case).await;
    app.publish(&police, id).await;

    let public = body(app.get(&format!("/api/v1/cases/{id}"), None).await).await;
    assert_eq!(public["last_seen_locality"], "La Paz");
    assert_eq!(public["last_seen_country"], "BO");

    // The case page, in Spanish and in Portuguese, names town and country.
    let page = app
        .get(&format!("/cases/{id}"), None)
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("La Paz, Bolivia"), "{page}");
    assert!(page.contains("Mercado Rodríguez, puesto de frutas, La Paz, Bolivia"));
    let page = app
        .get(&format!("/cases/{id}?lang=pt"), None)
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("La Paz, Bolívia"));
    // So do the home page's cards.
    let home = app.get("/", None).await.text().await.unwrap();
    assert!(home.contains("La Paz, Bolivia"));

    // And the poster, after the place as typed.
    let pdf = app
        .get(
            &format!("/cases/{id}/poster.pdf?lang=en&paper=letter"),
            None,
        )
        .await
        .bytes()
        .await
        .unwrap();
    let text = crate::posters::poppler("pdftotext", &pdf);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("La Paz, Bolivia"), "{flat}");
    app.stop().await;
}

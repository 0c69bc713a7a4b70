//! Posters over HTTP, read back with poppler as a volunteer's printer would.

use std::io::Write;
use std::process::Command;

use alerta_core::Role;
use reqwest::StatusCode;
use reqwest::header::{CACHE_CONTROL, CONTENT_TYPE, ETAG, IF_NONE_MATCH};
use serde_json::json;

use crate::common::*;

pub(crate) fn poppler(tool: &str, pdf: &[u8]) -> String {
    let mut file = tempfile::NamedTempFile::with_suffix(".pdf").unwrap();
    file.write_all(pdf).unwrap();
    let mut command = Command::new(tool);
    command.arg(file.path());
    if tool == "pdftotext" {
        command.arg("-");
    }
    let out = command
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) must be installed: {e}"));
    assert!(
        out.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

async fn published_case_with_photo(app: &TestApp) -> (i64, User) {
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let id = app.create_case(&family, &valid_case()).await;
    let photo = app
        .put_bytes(
            &format!("/api/v1/cases/{id}/photo"),
            Some(&family),
            "image/jpeg",
            jpeg(900, 1200),
        )
        .await;
    assert_eq!(photo.status(), StatusCode::OK);
    app.publish(&police, id).await;
    (id, police)
}

#[tokio::test]
async fn anyone_prints_the_poster_of_an_active_case() {
    let app = spawn_app().await;
    let (id, _) = published_case_with_photo(&app).await;

    let response = app.get(&format!("/cases/{id}/poster.pdf"), None).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[CONTENT_TYPE], "application/pdf");
    assert_eq!(response.headers()[CACHE_CONTROL], "public, no-cache");
    let pdf = response.bytes().await.unwrap();
    let text = poppler("pdftotext", &pdf);
    let short_link = format!("alerta.test/c/{id}");
    for expected in [
        "DESAPARECIDA",
        "María José Quispe Mamani",
        "+591 4 4221111",
        "Plaza 14 de Septiembre, Cochabamba",
        &format!("Caso N.º {id}"),
        "Policía de Prueba",
        &short_link,
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text}");
    }
    assert!(poppler("pdfinfo", &pdf).contains("pts (A4)"));
    // The tear-off strips' short link opens the case page.
    let no_redirects = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let short = no_redirects
        .get(app.url(&format!("/c/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(short.status(), StatusCode::PERMANENT_REDIRECT);
    assert_eq!(short.headers()["location"], format!("/cases/{id}"));
    let page = app.get(&format!("/c/{id}"), None).await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.url().path().ends_with(&format!("/cases/{id}")));
    // A short link that is not a case number is not a page.
    let typo = no_redirects.get(app.url("/c/47l1")).send().await.unwrap();
    assert_eq!(typo.status(), StatusCode::NOT_FOUND);

    let letter = app
        .get(
            &format!("/cases/{id}/poster.pdf?lang=en&paper=letter"),
            None,
        )
        .await;
    let letter = letter.bytes().await.unwrap();
    assert!(poppler("pdfinfo", &letter).contains("pts (letter)"));
    let text = poppler("pdftotext", &letter);
    assert!(text.starts_with("MISSING"), "{text}");
    assert!(text.contains("If you have seen this person or know anything, call"));

    let card = app
        .get(&format!("/cases/{id}/poster.png?lang=pt"), None)
        .await;
    assert_eq!(card.status(), StatusCode::OK);
    assert_eq!(card.headers()[CONTENT_TYPE], "image/png");
    let card = image::load_from_memory(&card.bytes().await.unwrap()).unwrap();
    assert_eq!((card.width(), card.height()), (1080, 1350));
}

#[tokio::test]
async fn an_unchanged_poster_is_not_sent_again_and_an_edit_makes_a_new_one() {
    let app = spawn_app().await;
    let (id, police) = published_case_with_photo(&app).await;
    let path = format!("/cases/{id}/poster.pdf");

    let first = app.get(&path, None).await;
    let etag = first.headers()[ETAG].to_str().unwrap().to_string();
    let again = reqwest::Client::new()
        .get(app.url(&path))
        .header(IF_NONE_MATCH, &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);

    let mut corrected = valid_case();
    corrected["contact_phone"] = json!("+591 700 12345");
    let updated = app
        .put(&format!("/api/v1/cases/{id}"), Some(&police), &corrected)
        .await;
    assert_eq!(updated.status(), StatusCode::OK);

    let after = reqwest::Client::new()
        .get(app.url(&path))
        .header(IF_NONE_MATCH, &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(
        after.status(),
        StatusCode::OK,
        "the edit makes a new poster"
    );
    assert_ne!(after.headers()[ETAG].to_str().unwrap(), etag);
    let text = poppler("pdftotext", &after.bytes().await.unwrap());
    assert!(text.contains("+591 700 12345"), "{text}");
    assert!(!text.contains("+591 4 4221111"), "{text}");
}

/// Behind a CDN: a public case's poster, card and photo may be kept, but
/// are checked with the server on every use (no-cache with an ETag), so an
/// unchanged one costs a 304 and a hidden case stops at the next request.
#[tokio::test]
async fn a_cache_revalidates_posters_and_photos_and_a_hidden_case_stops_at_once() {
    let app = spawn_app().await;
    let (id, police) = published_case_with_photo(&app).await;
    let client = reqwest::Client::new();
    let paths = [
        format!("/cases/{id}/poster.pdf"),
        format!("/cases/{id}/poster.png"),
        format!("/api/v1/cases/{id}/photo"),
        format!("/api/v1/cases/{id}/photo?thumbnail=true"),
    ];
    let mut etags = Vec::new();
    for path in &paths {
        let first = client.get(app.url(path)).send().await.unwrap();
        assert_eq!(first.status(), StatusCode::OK, "{path}");
        assert_eq!(first.headers()[CACHE_CONTROL], "public, no-cache", "{path}");
        let etag = first.headers()[ETAG].to_str().unwrap().to_string();
        let again = client
            .get(app.url(path))
            .header(IF_NONE_MATCH, &etag)
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "{path}");
        assert!(again.bytes().await.unwrap().is_empty());
        etags.push(etag);
    }
    // The photo's two sizes are two resources.
    assert_ne!(etags[2], etags[3]);

    app.hide(&police, id).await;
    for (path, etag) in paths.iter().zip(&etags) {
        let revalidated = client
            .get(app.url(path))
            .header(IF_NONE_MATCH, etag)
            .send()
            .await
            .unwrap();
        assert_eq!(revalidated.status(), StatusCode::NOT_FOUND, "{path}");
    }
}

/// The page a shared link opens is one copy for every reader without a
/// session: no token or cookie of theirs in it, so a cache in front may
/// keep it, revalidate it, and see it change or go at once. Its tip form
/// works without a token, and is still refused when another site posts it.
#[tokio::test]
async fn the_case_page_is_one_copy_a_cache_may_share_and_revalidate() {
    use reqwest::header::{SET_COOKIE, VARY};
    let app = spawn_app().await;
    let (id, police) = published_case_with_photo(&app).await;
    let path = format!("/cases/{id}");
    let reader = || reqwest::Client::new().get(app.url(&path));

    let first = reader().send().await.unwrap();
    assert_eq!(first.status(), StatusCode::OK);
    assert_eq!(first.headers()[CACHE_CONTROL], "public, no-cache");
    assert_eq!(first.headers()[VARY], "Accept-Language, Cookie");
    assert!(first.headers().get(SET_COOKIE).is_none(), "no cookie set");
    let etag = first.headers()[ETAG].to_str().unwrap().to_string();
    let html = first.text().await.unwrap();
    assert!(!html.contains("name=\"csrf\""), "no reader's token");
    let second = reader().send().await.unwrap();
    assert_eq!(
        second.headers()[ETAG],
        etag.as_str(),
        "the same for everyone"
    );
    assert_eq!(second.text().await.unwrap(), html);
    let revalidated = reader().header(IF_NONE_MATCH, &etag).send().await.unwrap();
    assert_eq!(revalidated.status(), StatusCode::NOT_MODIFIED);

    // The shared copy's tip form, sent from our page, reaches the police;
    // the same form posted by another site is refused.
    let tip = [("message", "La vi en la terminal de buses.")];
    let sent = reqwest::Client::new()
        .post(app.url(&format!("/cases/{id}/tips")))
        .header("sec-fetch-site", "same-origin")
        .form(&tip)
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), StatusCode::OK);
    for (header, value) in [
        ("sec-fetch-site", "cross-site"),
        ("origin", "https://elsewhere.example"),
    ] {
        let forged = reqwest::Client::new()
            .post(app.url(&format!("/cases/{id}/tips")))
            .header(header, value)
            .form(&[("message", "Forged")])
            .send()
            .await
            .unwrap();
        assert_eq!(forged.status(), StatusCode::FORBIDDEN, "{header}");
    }
    let tips = body(
        app.get(&format!("/api/v1/cases/{id}/tips"), Some(&police))
            .await,
    )
    .await;
    let messages: Vec<&str> = tips
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["message"].as_str().unwrap())
        .collect();
    assert_eq!(messages, [tip[0].1]);

    // A reader with a session, or who just chose a language (kept in a
    // cookie), gets a page of their own.
    let signed_in = app.get(&path, Some(&police)).await;
    assert!(
        signed_in.headers()[CACHE_CONTROL]
            .to_str()
            .unwrap()
            .starts_with("private")
    );
    let chosen = reqwest::Client::new()
        .get(app.url(&format!("{path}?lang=pt")))
        .send()
        .await
        .unwrap();
    assert!(chosen.headers().get(SET_COOKIE).is_some());
    assert!(
        chosen.headers()[CACHE_CONTROL]
            .to_str()
            .unwrap()
            .starts_with("private")
    );

    // An edit makes a new copy; hiding the case ends it at the next ask.
    let mut edited = valid_case();
    edited["circumstances"] = json!("Nueva información: fue vista en la terminal de buses.");
    let saved = app
        .put(&format!("/api/v1/cases/{id}"), Some(&police), &edited)
        .await;
    assert_eq!(saved.status(), StatusCode::OK);
    let changed = reader().header(IF_NONE_MATCH, &etag).send().await.unwrap();
    assert_eq!(changed.status(), StatusCode::OK);
    let etag = changed.headers()[ETAG].to_str().unwrap().to_string();
    assert!(changed.text().await.unwrap().contains("terminal de buses"));
    // The home page's list is shared the same way (a search is not).
    let link = format!("href=\"/cases/{id}\"");
    let home = reqwest::get(app.url("/")).await.unwrap();
    assert_eq!(home.headers()[CACHE_CONTROL], "public, no-cache");
    assert!(home.text().await.unwrap().contains(&link));
    let searched = reqwest::get(app.url("/?q=Quispe")).await.unwrap();
    assert!(
        searched.headers()[CACHE_CONTROL]
            .to_str()
            .unwrap()
            .starts_with("private")
    );

    app.hide(&police, id).await;
    let gone = reader().header(IF_NONE_MATCH, &etag).send().await.unwrap();
    assert_eq!(gone.status(), StatusCode::NOT_FOUND);
    let home = reqwest::get(app.url("/"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        !home.contains(&link),
        "a hidden case leaves the list at once"
    );
}

/// Two nodes on one PostgreSQL: the case page the second keeps for
/// everyone goes when the first hides the case, as soon as PostgreSQL's
/// notice of the change arrives; it is not served for the minute a copy
/// may otherwise last. (On SQLite one process serves a database: the
/// test above covers it.)
#[tokio::test]
async fn a_case_hidden_on_one_node_leaves_the_pages_another_node_keeps() {
    let first = spawn_app().await;
    if !first.database_url.starts_with("postgres") {
        eprintln!("two nodes share a database on PostgreSQL only");
        return;
    }
    let url = first.database_url.clone();
    let second = spawn_app_with(|s| s.database_url = url).await;
    let (id, police) = published_case_with_photo(&first).await;
    let path = format!("/cases/{id}");
    for _ in 0..2 {
        let page = reqwest::get(second.url(&path)).await.unwrap();
        assert_eq!(page.status(), StatusCode::OK);
    }
    first.hide(&police, id).await;
    crate::crash::wait_until(
        "the other node stops showing the hidden case",
        std::time::Duration::from_secs(20),
        async || {
            reqwest::get(second.url(&path))
                .await
                .is_ok_and(|r| r.status() == StatusCode::NOT_FOUND)
        },
    )
    .await;
}

#[tokio::test]
async fn a_draft_poster_is_for_police_and_the_family_only() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let stranger = app.user(Role::Family).await;
    let id = app.create_case(&family, &valid_case()).await;
    let path = format!("/cases/{id}/poster.pdf");

    assert_eq!(app.get(&path, None).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        app.get(&path, Some(&stranger)).await.status(),
        StatusCode::NOT_FOUND
    );
    for user in [&police, &family] {
        let response = app.get(&path, Some(user)).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()[CACHE_CONTROL], "private, no-store");
        let text = poppler("pdftotext", &response.bytes().await.unwrap());
        // The draft's own poster, with no photo yet (and no empty box for one).
        assert!(text.contains("María José Quispe Mamani"), "{text}");
        assert!(!text.contains("Sin foto"), "no photo yet: {text}");
    }
}

#[tokio::test]
async fn a_resolved_case_has_no_poster_any_more() {
    let app = spawn_app().await;
    let (id, police) = published_case_with_photo(&app).await;
    assert_eq!(
        app.get(&format!("/cases/{id}/poster.pdf"), None)
            .await
            .status(),
        StatusCode::OK
    );
    let resolved = app
        .post(
            &format!("/api/v1/cases/{id}/resolve"),
            Some(&police),
            &json!({ "outcome": "found_safe" }),
        )
        .await;
    assert_eq!(resolved.status(), StatusCode::OK);

    for (path, user) in [
        (format!("/cases/{id}/poster.pdf"), None),
        (format!("/cases/{id}/poster.png"), None),
        (format!("/cases/{id}/poster.pdf"), Some(&police)),
    ] {
        let response = app.get(&path, user).await;
        assert_eq!(response.status(), StatusCode::GONE, "{path}");
        assert!(
            response.headers()[CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("text/plain")
        );
        let text = response.text().await.unwrap();
        assert!(text.contains("el caso fue cerrado"), "{text}");
    }
}

#[tokio::test]
async fn a_wrong_language_or_paper_is_refused_by_name() {
    let app = spawn_app().await;
    let (id, _) = published_case_with_photo(&app).await;
    for (query, field) in [("lang=de", "lang"), ("paper=a3", "paper")] {
        let response = app
            .get(&format!("/cases/{id}/poster.pdf?{query}"), None)
            .await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(body(response).await["error"]["field"], field);
    }
    assert_eq!(
        app.get("/cases/999999/poster.pdf", None).await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_case_page_links_the_posters_and_shows_the_card_when_shared() {
    let app = spawn_app().await;
    let (id, police) = published_case_with_photo(&app).await;

    let page = app.get(&format!("/cases/{id}?lang=fr"), None).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains(&format!(
        "<meta property=\"og:image\" content=\"http://alerta.test/cases/{id}/poster.png?lang=fr\">"
    )));
    assert!(
        html.contains("DISPARUE: María José Quispe Mamani"),
        "{html}"
    );
    assert!(html.contains(&format!("/cases/{id}/poster.pdf?lang=pt&amp;paper=letter")));
    assert!(html.contains("href=\"tel:+59144221111\""));
    assert!(html.contains(&format!("/api/v1/cases/{id}/photo")));

    app.post(
        &format!("/api/v1/cases/{id}/resolve"),
        Some(&police),
        &json!({ "outcome": "found_safe" }),
    )
    .await;
    let html = app
        .get(&format!("/cases/{id}"), None)
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("fue encontrada."), "{html}");
    assert!(!html.contains("/photo"), "the photo leaves public view");
    assert!(!html.contains("og:image"));
}

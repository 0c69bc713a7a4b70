//! Tried as an attacker would: a signed-in officer's browser made to change
//! things through the API, redirects after sign-in, framing and sniffing,
//! form tokens planted before sign-in, metrics read by strangers, names that
//! display as something else.

use reqwest::StatusCode;
use reqwest::header::{LOCATION, SET_COOKIE};
use serde_json::json;

use crate::common::*;
use crate::pages::Visitor;
use crate::smtp::SmtpServer;
use alerta_core::Role;

/// The value of cookie `name` in a response's Set-Cookie headers.
fn set_cookie(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(String::from)
}

/// A cookie-carrying client, signed in on the sign-in page as `email`.
async fn signed_in_browser(app: &TestApp, email: &str) -> reqwest::Client {
    let browser = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let login = browser.get(app.url("/login")).send().await.unwrap();
    let html = login.text().await.unwrap();
    let marker = "name=\"csrf\" value=\"";
    let start = html.find(marker).unwrap() + marker.len();
    let csrf = html[start..].split('"').next().unwrap().to_string();
    let signed_in = browser
        .post(app.url("/login"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", email),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.status(), StatusCode::SEE_OTHER);
    browser
}

#[tokio::test]
async fn a_page_session_reads_the_api_but_changes_nothing_through_it() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let id = app.create_case(&family, &valid_case()).await;
    let browser = signed_in_browser(&app, &police.email).await;

    let read = browser
        .get(app.url(&format!("/api/v1/cases/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(read.status(), StatusCode::OK, "the cookie reads");
    // Another site's page makes the officer's browser post, cookie and all.
    for (path, change) in [
        (
            format!("/api/v1/cases/{id}/publish"),
            json!({ "version": 1 }),
        ),
        (
            format!("/api/v1/cases/{id}/resolve"),
            json!({ "outcome": "withdrawn", "version": 1 }),
        ),
    ] {
        let posted = browser
            .post(app.url(&path))
            .json(&change)
            .send()
            .await
            .unwrap();
        assert_eq!(posted.status(), StatusCode::UNAUTHORIZED, "{path}");
    }
    let case = body(app.get(&format!("/api/v1/cases/{id}"), Some(&police)).await).await;
    assert_eq!(case["status"], "draft", "nothing was published");
    app.stop().await;
}

#[tokio::test]
async fn after_sign_in_only_a_path_on_this_site_is_followed() {
    let app = spawn_app().await;
    let police = app.user(Role::Police).await;
    for (next, expected) in [
        ("/police/cases/1", "/police/cases/1"),
        ("//evil.example/", "/police"),
        ("/\\evil.example", "/police"),
        ("https://evil.example/", "/police"),
        ("/police\r\nSet-Cookie: alerta_session=x", "/police"),
        ("/police evil", "/police"),
    ] {
        let visitor = Visitor::new(&app);
        let page = visitor
            .submit(
                "/login",
                "/login",
                &[
                    ("email", &police.email),
                    ("password", PASSWORD),
                    ("next", next),
                ],
            )
            .await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{next:?}");
        assert_eq!(page.location.as_deref(), Some(expected), "{next:?}");
    }
    app.stop().await;
}

#[tokio::test]
async fn every_answer_refuses_sniffing_and_framing_and_sends_no_referrer() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let id = app.create_case(&family, &valid_case()).await;
    app.publish(&police, id).await;
    for path in [
        "/".to_string(),
        format!("/cases/{id}"),
        "/api/v1/cases".to_string(),
        format!("/api/v1/cases/{id}/cap.xml"),
        format!("/cases/{id}/poster.pdf"),
        format!("/cases/{id}/poster.png"),
        "/feeds/cap.atom".to_string(),
        "/api/v1/openapi.json".to_string(),
        "/healthz".to_string(),
        "/api/v1/no-such-route".to_string(),
    ] {
        let response = app.get(&path, None).await;
        let headers = response.headers();
        let header = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_string()
        };
        assert_eq!(header("x-content-type-options"), "nosniff", "{path}");
        assert!(
            header("x-frame-options") == "DENY"
                && header("content-security-policy").contains("frame-ancestors 'none'"),
            "{path}: {headers:?}"
        );
        assert_eq!(header("referrer-policy"), "no-referrer", "{path}");
    }
    app.stop().await;
}

#[tokio::test]
async fn the_form_token_changes_at_sign_in_and_cookies_are_secure_over_https() {
    let app = spawn_app_with(|s| s.public_url = "https://alerta.example".into()).await;
    let police = app.user(Role::Police).await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let login = client.get(app.url("/login")).send().await.unwrap();
    let planted = set_cookie(&login, "alerta_csrf").unwrap();
    assert!(planted.contains("; Secure"), "{planted}");
    let planted = planted.split(';').next().unwrap().to_string();
    let html = login.text().await.unwrap();
    let marker = "name=\"csrf\" value=\"";
    let start = html.find(marker).unwrap() + marker.len();
    let csrf = html[start..].split('"').next().unwrap().to_string();
    let signed_in = client
        .post(app.url("/login"))
        .header("cookie", &planted)
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", police.email.as_str()),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.status(), StatusCode::SEE_OTHER);
    let session = set_cookie(&signed_in, "alerta_session").unwrap();
    assert!(
        session.contains("; Secure") && session.contains("HttpOnly"),
        "{session}"
    );
    let fresh = set_cookie(&signed_in, "alerta_csrf").expect("a new form token");
    assert_ne!(fresh.split(';').next().unwrap(), planted);
    assert!(signed_in.headers().get(LOCATION).is_some());
    app.stop().await;
}

#[tokio::test]
async fn metrics_need_their_token_when_one_is_set() {
    let open = spawn_app().await;
    assert_eq!(open.get("/metrics", None).await.status(), StatusCode::OK);
    open.stop().await;

    let app = spawn_app_with(|s| s.metrics_token = Some("scrape-secret-2026".into())).await;
    assert_eq!(
        app.get("/metrics", None).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let with = |token: &str| app.http.get(app.url("/metrics")).bearer_auth(token).send();
    assert_eq!(
        with("wrong").await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
    let scraped = with("scrape-secret-2026").await.unwrap();
    assert_eq!(scraped.status(), StatusCode::OK);
    assert!(scraped.text().await.unwrap().contains("alerta_cases"));
    app.stop().await;
}

#[tokio::test]
async fn names_refuse_every_invisible_or_direction_character() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let before = app.counts().await;
    for (character, code) in [
        ('\u{200F}', "U+200F"),
        ('\u{061C}', "U+061C"),
        ('\u{2028}', "U+2028"),
        ('\u{E0041}', "U+E0041"),
    ] {
        let mut case = valid_case();
        case["given_name"] = json!(format!("María{character} José"));
        let response = app.post("/api/v1/cases", Some(&family), &case).await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{code}"
        );
        let error = body(response).await["error"].clone();
        assert_eq!(error["field"], "given_name", "{code}");
        assert!(error["message"].as_str().unwrap().contains(code), "{error}");
    }
    assert_eq!(app.counts().await, before, "nothing stored");
    app.stop().await;
}

#[tokio::test]
async fn police_publish_only_the_version_they_reviewed() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    confirmed_zone(&app, "vecina@example.org", -17.39, -66.15, 10.0).await;
    let id = app.create_case(&family, &valid_case()).await;
    let reviewed = body(app.get(&format!("/api/v1/cases/{id}"), Some(&police)).await).await;
    let seen = reviewed["version"].as_i64().unwrap();

    // The family moves the case after the officer read it.
    let mut moved = valid_case();
    moved["last_seen_place"] = json!("Terminal de buses, La Paz");
    moved["last_seen"] = json!({ "lat": -16.49, "lng": -68.14 });
    let edited = app
        .put(&format!("/api/v1/cases/{id}"), Some(&family), &moved)
        .await;
    assert_eq!(edited.status(), StatusCode::OK);

    let path = format!("/api/v1/cases/{id}/publish");
    let outbox = app.counts().await.outbox;
    let stale = app
        .post(&path, Some(&police), &json!({ "version": seen }))
        .await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    let error = body(stale).await["error"].clone();
    assert_eq!(error["code"], "version_changed");
    assert_eq!(error["field"], "version");
    let missing = app
        .post(&path, Some(&police), &json!({ "version": null }))
        .await;
    assert_eq!(missing.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body(missing).await["error"]["field"], "version");
    let case = body(app.get(&format!("/api/v1/cases/{id}"), Some(&police)).await).await;
    assert_eq!(case["status"], "draft", "nothing unverified went out");
    assert_eq!(app.counts().await.outbox, outbox, "no alert queued");

    let current = case["version"].as_i64().unwrap();
    assert!(current > seen);
    let published = app
        .post(&path, Some(&police), &json!({ "version": current }))
        .await;
    assert_eq!(published.status(), StatusCode::OK);

    // Every action on what was shown checks it too.
    for (action, change) in [
        ("widen", json!({ "alert_radius_km": 60, "version": seen })),
        ("notify-update", json!({ "version": seen })),
        (
            "resolve",
            json!({ "outcome": "found_safe", "version": seen }),
        ),
    ] {
        let response = app
            .post(
                &format!("/api/v1/cases/{id}/{action}"),
                Some(&police),
                &change,
            )
            .await;
        assert_eq!(response.status(), StatusCode::CONFLICT, "{action}");
        assert_eq!(
            body(response).await["error"]["code"],
            "version_changed",
            "{action}"
        );
    }
    let case = body(app.get(&format!("/api/v1/cases/{id}"), Some(&police)).await).await;
    assert_eq!(
        (case["status"].as_str(), case["alert_radius_km"].as_f64()),
        (Some("active"), Some(10.0))
    );
    app.stop().await;
}

#[tokio::test]
async fn the_desk_shows_what_changed_and_publishes_the_new_version_once_read() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let id = app.create_case(&family, &valid_case()).await;
    let officer = Visitor::new(&app);
    officer.sign_in(&police.email).await;
    let desk = officer.get(&format!("/police/cases/{id}")).await;
    let shown = |name: &str| desk.hidden(name).unwrap();
    let (version, reviewed) = (shown("version"), shown("reviewed"));

    let mut moved = valid_case();
    moved["last_seen_place"] = json!("Terminal de buses, La Paz");
    moved["circumstances"] = json!("Subió a un bus hacia Oruro con un hombre desconocido.");
    app.put(&format!("/api/v1/cases/{id}"), Some(&family), &moved)
        .await;

    let refused = officer
        .post(
            &format!("/police/cases/{id}/publish"),
            &[
                ("csrf", desk.csrf().as_str()),
                ("version", version.as_str()),
                ("reviewed", reviewed.as_str()),
                ("confirm_reach", "yes"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    let changed = refused
        .html
        .split("id=\"changed\"")
        .nth(1)
        .unwrap()
        .split("</div>")
        .next()
        .unwrap();
    for shown in [
        "Plaza 14 de Septiembre, Cochabamba",
        "Terminal de buses, La Paz",
        "Salió del colegio a las 18:30",
        "Subió a un bus hacia Oruro",
    ] {
        assert!(changed.contains(shown), "{shown} in {changed}");
    }
    assert!(
        !changed.contains("María José"),
        "only what changed: {changed}"
    );
    let case = body(app.get(&format!("/api/v1/cases/{id}"), Some(&police)).await).await;
    assert_eq!(case["status"], "draft");

    // The refusal page is the desk of the new version: its button publishes it.
    let new_version = refused.hidden("version").unwrap();
    assert_eq!(new_version, case["version"].to_string());
    let published = officer
        .post(
            &format!("/police/cases/{id}/publish"),
            &[
                ("csrf", refused.csrf().as_str()),
                ("version", new_version.as_str()),
                ("reviewed", refused.hidden("reviewed").unwrap().as_str()),
                ("confirm_reach", "yes"),
            ],
        )
        .await;
    assert_eq!(published.status, StatusCode::SEE_OTHER);
    let case = body(app.get(&format!("/api/v1/cases/{id}"), Some(&police)).await).await;
    assert_eq!(case["status"], "active");
    app.stop().await;
}

#[tokio::test]
async fn a_family_asks_for_an_alert_area_police_may_widen() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let mut wide = valid_case();
    wide["alert_radius_km"] = json!(80);
    let before = app.counts().await;
    let refused = app
        .post("/api/v1/cases?confirm_duplicate=true", Some(&family), &wide)
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error = body(refused).await["error"].clone();
    assert_eq!(error["field"], "alert_radius_km");
    assert!(
        error["message"].as_str().unwrap().contains("50 km"),
        "{error}"
    );
    assert_eq!(app.counts().await, before);

    let mut asked = valid_case();
    asked["alert_radius_km"] = json!(50);
    let id = app.create_case(&family, &asked).await;
    // The desk shows the radius the family asked for beside the reach.
    let officer = Visitor::new(&app);
    officer.sign_in(&police.email).await;
    let desk = officer.get(&format!("/police/cases/{id}")).await;
    let facts = desk
        .html
        .split("class=\"facts\"")
        .nth(1)
        .unwrap()
        .split("</dl>")
        .next()
        .unwrap();
    assert!(
        facts.contains("Radio de alerta") && facts.contains("50 km"),
        "{facts}"
    );
    assert!(
        facts.contains("Voluntarios en la zona ahora") && facts.contains("id=\"reach\""),
        "{facts}"
    );
    let widened = app
        .put(&format!("/api/v1/cases/{id}"), Some(&family), &wide)
        .await;
    assert_eq!(widened.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let by_police = app
        .put(&format!("/api/v1/cases/{id}"), Some(&police), &wide)
        .await;
    assert_eq!(by_police.status(), StatusCode::OK);
    assert_eq!(body(by_police).await["alert_radius_km"], 80.0);
    app.stop().await;
}

/// A sign-in through the API from `client` (the app trusts X-Forwarded-For).
async fn sign_in_from(
    app: &TestApp,
    client: &str,
    email: &str,
    password: &str,
) -> reqwest::Response {
    app.http
        .post(app.url("/api/v1/sessions"))
        .header("x-forwarded-for", client)
        .json(&json!({ "email": email, "password": password }))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_stranger_guessing_passwords_slows_down_only_their_own_address() {
    let app = spawn_app_with(|s| s.trust_forwarded_for = true).await;
    let police = app.user(Role::Police).await;
    // Five addresses, five wrong passwords each: the old rule's lock-out.
    for n in 1..=5 {
        let stranger = format!("203.0.113.{n}");
        for attempt in 1..=5 {
            let status = sign_in_from(&app, &stranger, &police.email, "guess guess guess")
                .await
                .status();
            let expected = if attempt == 5 {
                StatusCode::TOO_MANY_REQUESTS
            } else {
                StatusCode::UNAUTHORIZED
            };
            assert_eq!(status, expected, "{stranger}, attempt {attempt}");
        }
    }
    let officer = sign_in_from(&app, "198.51.100.7", &police.email, PASSWORD).await;
    assert_eq!(
        officer.status(),
        StatusCode::CREATED,
        "the officer is not locked out"
    );
    // Each further failure doubles the stranger's wait.
    app.advance(chrono::Duration::seconds(2));
    let fifth = sign_in_from(&app, "203.0.113.1", &police.email, "guess guess guess").await;
    assert_eq!(fifth.status(), StatusCode::UNAUTHORIZED);
    let sixth = sign_in_from(&app, "203.0.113.1", &police.email, "guess guess guess").await;
    assert_eq!(sixth.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(sixth.headers()["retry-after"], "2");
    app.stop().await;
}

fn cli(app: &TestApp, args: &[&str], password: Option<&str>) -> std::process::Output {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_alerta"));
    command
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("ALERTA_DATABASE_URL", &app.database_url)
        .args(args)
        .stdin(std::process::Stdio::null());
    if let Some(password) = password {
        command.env("ALERTA_PASSWORD", password);
    }
    command.output().unwrap()
}

#[tokio::test]
async fn many_addresses_failing_lock_the_account_until_an_admin_unlocks_it() {
    let app = spawn_app_with(|s| s.trust_forwarded_for = true).await;
    let police = app.user(Role::Police).await;
    for round in 1..=10 {
        for n in 1..=10 {
            let status = sign_in_from(
                &app,
                &format!("203.0.113.{n}"),
                &police.email,
                "guess guess",
            )
            .await
            .status();
            assert_ne!(status, StatusCode::CREATED);
        }
        // Past each address's wait before the next round.
        app.advance(alerta_core::sign_in::delay(round) + chrono::Duration::seconds(1));
    }
    let locked = sign_in_from(&app, "198.51.100.7", &police.email, PASSWORD).await;
    assert_eq!(locked.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(body(locked).await["error"]["code"], "account_locked");

    let listed = cli(&app, &["users", "list"], None);
    assert!(String::from_utf8_lossy(&listed.stdout).contains(&police.email));
    let unlocked = cli(&app, &["users", "unlock", "--email", &police.email], None);
    assert!(
        unlocked.status.success(),
        "{}",
        String::from_utf8_lossy(&unlocked.stderr)
    );
    let signed_in = sign_in_from(&app, "198.51.100.7", &police.email, PASSWORD).await;
    assert_eq!(signed_in.status(), StatusCode::CREATED);

    // A forgotten password: the admin sets a new one; old sessions end.
    let reset = cli(
        &app,
        &["users", "reset-password", "--email", &police.email],
        Some("una clave nueva y larga"),
    );
    assert!(
        reset.status.success(),
        "{}",
        String::from_utf8_lossy(&reset.stderr)
    );
    assert_eq!(
        app.get("/api/v1/cases?status=draft", Some(&police))
            .await
            .status(),
        StatusCode::UNAUTHORIZED,
        "the old token is revoked"
    );
    let renewed = sign_in_from(
        &app,
        "198.51.100.7",
        &police.email,
        "una clave nueva y larga",
    )
    .await;
    assert_eq!(renewed.status(), StatusCode::CREATED);
    let short = cli(
        &app,
        &["users", "reset-password", "--email", &police.email],
        Some("corta"),
    );
    assert!(!short.status.success());
    assert!(String::from_utf8_lossy(&short.stderr).contains("at least 10 characters"));
    app.stop().await;
}

#[tokio::test]
async fn a_tip_flood_keeps_every_tip_and_mails_the_officer_one_digest() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| {
        s.smtp_url = Some(smtp.url());
        s.trust_forwarded_for = true;
    })
    .await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let id = app.create_case(&family, &valid_case()).await;
    app.publish(&police, id).await;
    let tip = |n: usize| {
        let app = &app;
        async move {
            app.http
                .post(app.url(&format!("/api/v1/cases/{id}/tips")))
                .header("x-forwarded-for", format!("203.0.113.{n}"))
                .json(&json!({ "message": format!("La vi en el mercado, mensaje {n}") }))
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    assert_eq!(tip(1).await, StatusCode::CREATED);
    let first = smtp.wait_for(&police.email, 1).await.remove(0);
    assert!(first.text().contains("mensaje 1"), "{}", first.text());
    for n in 2..=30 {
        assert_eq!(tip(n).await, StatusCode::CREATED);
    }
    // Someone saying the report is about them is never held back.
    let about_me = Visitor::new(&app)
        .submit(
            &format!("/cases/{id}"),
            &format!("/cases/{id}/about-me"),
            &[
                ("message", "Soy yo, estoy bien"),
                ("contact", "+591 70000000"),
            ],
        )
        .await;
    assert!(about_me.status.is_success() || about_me.status.is_redirection());
    let urgent = smtp.wait_for(&police.email, 2).await.remove(1);
    assert!(
        urgent.subject().starts_with("URGENTE"),
        "{}",
        urgent.subject()
    );
    let stored = body(
        app.get(&format!("/api/v1/cases/{id}/tips"), Some(&police))
            .await,
    )
    .await;
    assert_eq!(stored.as_array().unwrap().len(), 31, "every tip is kept");
    assert_eq!(
        smtp.received()
            .into_iter()
            .filter(|m| m.to == police.email)
            .count(),
        2,
        "the other 29 wait for the digest"
    );

    app.advance(chrono::Duration::minutes(6));
    let digest = smtp.wait_for(&police.email, 3).await.pop().unwrap();
    assert!(
        digest.subject().starts_with("29 pistas nuevas"),
        "{}",
        digest.subject()
    );
    let text = digest.text();
    let has = |n: usize| {
        let line = format!("La vi en el mercado, mensaje {n}");
        text.lines().any(|l| l.trim_end() == line)
    };
    for n in 2..=30 {
        assert!(has(n), "tip {n} in:\n{text}");
    }
    assert!(!has(1), "the first went alone");
    app.stop().await;
}

/// Reads until the server closes the connection (or 20 s pass: a guard
/// against a test that would hang, not a measure); answers what came.
async fn read_until_closed(stream: &mut tokio::net::TcpStream) -> Option<String> {
    use tokio::io::AsyncReadExt;
    let mut received = Vec::new();
    let read = tokio::time::timeout(std::time::Duration::from_secs(20), async {
        let mut buffer = [0u8; 1024];
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(n) => received.extend_from_slice(&buffer[..n]),
            }
        }
    })
    .await;
    read.ok()
        .map(|()| String::from_utf8_lossy(&received).into_owned())
}

#[tokio::test]
async fn a_client_dripping_its_headers_is_cut_off() {
    use tokio::io::AsyncWriteExt;
    let app = spawn_app_with(|s| s.header_timeout_seconds = 1).await;
    let address = app.base.trim_start_matches("http://").to_string();
    let mut stream = tokio::net::TcpStream::connect(&address).await.unwrap();
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: alerta.test\r\n")
        .await
        .unwrap();
    // One header line every 200 ms, never the blank line that ends them:
    // the server closes the connection long before the 50th.
    let mut cut_off = false;
    for n in 0..50 {
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        if stream
            .write_all(format!("X-Drip-{n}: a\r\n").as_bytes())
            .await
            .is_err()
        {
            cut_off = true;
            break;
        }
        let mut probe = [0u8; 64];
        match stream.try_read(&mut probe) {
            Ok(0) => {
                cut_off = true;
                break;
            }
            Ok(_) => {
                // An answer (408) is a cut too; the read below sees the close.
                cut_off = read_until_closed(&mut stream).await.is_some();
                break;
            }
            Err(_) => {}
        }
    }
    assert!(cut_off, "the dripping client was never cut off");
    // Clients that send a whole request are served as ever.
    assert_eq!(app.get("/healthz", None).await.status(), StatusCode::OK);
    app.stop().await;
}

#[tokio::test]
async fn a_request_body_that_stops_coming_is_cut_off() {
    use tokio::io::AsyncWriteExt;
    let app = spawn_app_with(|s| s.body_timeout_seconds = 1).await;
    let address = app.base.trim_start_matches("http://").to_string();
    let mut stream = tokio::net::TcpStream::connect(&address).await.unwrap();
    stream
        .write_all(
            b"POST /api/v1/sessions HTTP/1.1\r\nHost: alerta.test\r\n\
              Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"email\": ",
        )
        .await
        .unwrap();
    let answer = read_until_closed(&mut stream)
        .await
        .expect("the server answers and closes instead of waiting for ever");
    let status = answer.split(' ').nth(1).unwrap_or("");
    assert!(status.starts_with('4'), "{answer}");
    app.stop().await;
}

#[tokio::test]
async fn one_address_holds_a_bounded_number_of_connections() {
    let app = spawn_app_with(|s| s.max_connections_per_client = 3).await;
    let address = app.base.trim_start_matches("http://").to_string();
    let mut held = Vec::new();
    for _ in 0..3 {
        held.push(tokio::net::TcpStream::connect(&address).await.unwrap());
    }
    let mut one_more = tokio::net::TcpStream::connect(&address).await.unwrap();
    assert_eq!(
        read_until_closed(&mut one_more).await.as_deref(),
        Some(""),
        "the fourth connection is closed at once, unanswered"
    );
    // One closes: a new connection is served again, once the server has
    // seen the close (polled, a bounded number of times).
    drop(held.pop());
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .unwrap();
    let mut served = false;
    for _ in 0..100 {
        if let Ok(response) = client.get(app.url("/healthz")).send().await {
            served = response.status() == StatusCode::OK;
            if served {
                break;
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(served);
    drop(held);
    app.stop().await;
}

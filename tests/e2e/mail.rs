//! Every kind of volunteer mail as its reader meets it: received by a real
//! SMTP server, its DKIM signature verified by dkimpy, weighed, scored by
//! SpamAssassin, and its HTML part opened in
//! headless Chromium at a phone's width, the inline photo shown as a mail
//! client shows it.
//! Screenshots land in `target/browser-screenshots/mail-*.png`.

use std::collections::HashMap;

use alerta_core::Role;
use base64::Engine;
use mail_parser::MimeHeaders;
use reqwest::StatusCode;
use serde_json::json;

use crate::browser::Browser;
use crate::common::{TestApp, confirm_link, phone_photo, spawn_app_with, valid_case};
use crate::smtp::{Received, SmtpServer};

/// Subscribes `email` near the case's place through the API and confirms
/// from the mailed link; answers the confirmation mail.
async fn subscribe(
    app: &TestApp,
    smtp: &SmtpServer,
    email: &str,
    language: &str,
    poster: &str,
) -> Received {
    let response = app
        .post(
            "/api/v1/subscriptions",
            None,
            &json!({
                "email": email, "language": language, "poster": poster,
                "zone": { "lat": -17.39, "lng": -66.16, "radius_km": 5 },
            }),
        )
        .await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let confirmation = smtp.wait_for(email, 1).await.remove(0);
    let link = confirmation.link("http://alerta.test/subscriptions/confirm");
    assert_eq!(confirm_link(app, &link).await.0, StatusCode::OK);
    confirmation
}

/// The HTML part as a mail client shows it: inline images from their parts.
fn html_with_images(mail: &Received) -> String {
    let parsed = mail.parsed();
    let mut html = mail.html();
    for part in parsed.parts.iter() {
        if let Some(id) = part.content_id() {
            let data = base64::engine::general_purpose::STANDARD.encode(part.contents());
            html = html.replace(
                &format!("cid:{id}"),
                &format!("data:image/jpeg;base64,{data}"),
            );
        }
    }
    html
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Checks `mail` as a reader and a spam filter see it, and keeps its screenshot.
/// SpamAssassin's score of a message, with its local rules (no network
/// tests: the machine has none), and the report naming the rules that fired.
pub(crate) async fn spam_score(raw: &[u8]) -> (f64, String) {
    use std::io::Write;
    let raw = raw.to_vec();
    tokio::task::spawn_blocking(move || {
        let mut child = std::process::Command::new("spamassassin")
            .args(["--local", "--test-mode"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spamassassin (the Debian package) is installed: scripts/test installs it");
        child.stdin.take().unwrap().write_all(&raw).unwrap();
        let output = child.wait_with_output().unwrap();
        let out = String::from_utf8_lossy(&output.stdout).into_owned();
        let marker = "Content analysis details:";
        let start = out.find(marker).expect("a SpamAssassin report") + marker.len();
        let report = out[start..].to_string();
        let score = report
            .trim_start()
            .trim_start_matches('(')
            .split_whitespace()
            .next()
            .and_then(|s| s.parse().ok())
            .expect("a score");
        (score, report)
    })
    .await
    .unwrap()
}

pub(crate) async fn look_at(browser: &Browser, name: &str, mail: &Received) {
    // With ALERTA_MAIL_DUMP=dir set, keeps the message there to look at.
    if let Some(dir) = std::env::var_os("ALERTA_MAIL_DUMP") {
        std::fs::write(
            std::path::Path::new(&dir).join(format!("{name}.eml")),
            &mail.raw,
        )
        .unwrap();
    }
    // Signed, and the signature holds after the SMTP trip (dkimpy).
    if let Err(why) = crate::dkim::dkimpy_verifies(&mail.raw, "rsa-pkcs1.pem", "r1") {
        panic!("{name}: DKIM does not verify: {why}");
    }
    // The list's headers, for filters and complaint loops.
    assert_eq!(
        mail.header("List-Id").as_deref(),
        Some("Alerta <alerts.localhost>"),
        "{name}"
    );
    let feedback = mail.header("Feedback-ID").unwrap_or_default();
    assert!(
        feedback.ends_with(":alerta") && feedback.matches(':').count() == 2,
        "{name}: {feedback}"
    );
    assert_eq!(
        mail.header("Auto-Submitted").as_deref(),
        Some("auto-generated"),
        "{name}"
    );
    let (score, report) = spam_score(&mail.raw).await;
    assert!(
        score <= 2.0,
        "{name}: SpamAssassin scores it {score}:\n{report}"
    );
    let html = mail.html();
    assert!(
        html.len() < 102 * 1024,
        "{name}: {} bytes of HTML, clipped by Gmail",
        html.len()
    );
    assert!(!html.contains("<script"), "{name}: a script in mail");
    assert!(
        !html.contains("src=\"http"),
        "{name}: an external image in mail"
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(format!("{name}.html"));
    std::fs::write(&file, html_with_images(mail)).unwrap();
    browser.open_file(&file).await;
    browser.step_whole(name, 6).await;

    // The HTML says what the text part says: each line of it is on the
    // page, or is a "label: link" line whose label is and whose link is one.
    let shown = collapse(&browser.text().await);
    let links: Vec<String> = serde_json::from_value(
        browser
            .client
            .execute("return [...document.links].map(a => a.href);", vec![])
            .await
            .unwrap(),
    )
    .unwrap();
    for line in mail.text().lines().map(str::trim).filter(|l| !l.is_empty()) {
        if line == "--" {
            continue;
        }
        // A list's item reads "- line" in text, a bullet in HTML; the link
        // under it, its own line in text, is the item's link.
        let line = line.trim_start_matches("- ");
        if line.starts_with("http") && !line.contains(' ') {
            assert!(
                links.iter().any(|l| l == line),
                "{name}: {line} is not a link"
            );
            continue;
        }
        let as_button = line
            .split_once(": http")
            .map(|(label, rest)| (label, format!("http{rest}")));
        // A section's title reads "Title:" in text, a heading in HTML.
        let found = shown.contains(&collapse(line.trim_end_matches(':')))
            || as_button.is_some_and(|(label, url)| shown.contains(label) && links.contains(&url));
        assert!(found, "{name}: the HTML part lacks {line:?}\n{shown}");
    }
    for word in mail.text().split_whitespace() {
        if word.starts_with("http") {
            let url = word.trim_end_matches(['.', ',', ')']);
            assert!(
                links.iter().any(|l| l == url),
                "{name}: {url} is not a link in the HTML part"
            );
        }
    }
    // Every image is inside the message: none left unresolved.
    let broken: i64 = serde_json::from_value(
        browser
            .client
            .execute(
                "return [...document.images].filter(i => !i.complete || i.naturalWidth === 0).length;",
                vec![],
            )
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(broken, 0, "{name}: an image does not show");
}

/// The kinds of each message a volunteer received, by its Message-ID's first word.
fn by_kind(mails: Vec<Received>) -> HashMap<String, Received> {
    mails
        .into_iter()
        .map(|mail| {
            let id = mail.header("Message-ID").unwrap_or_default();
            let kind = id
                .trim_start_matches('<')
                .split('.')
                .next()
                .unwrap_or_default()
                .to_string();
            (kind, mail)
        })
        .collect()
}

#[tokio::test]
async fn every_mail_kind_is_light_and_reads_right_on_a_phone() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| {
        s.smtp_url = Some(smtp.url());
        crate::dkim::sign_with(s, "rsa-pkcs1.pem", "r1");
    })
    .await;
    let browser = Browser::open(&app, "mail").await;
    let volunteers = [
        ("ana@example.org", "es", "attached"),
        ("joao@example.org", "pt", "link"),
        ("claire@example.org", "fr", "attached"),
        ("sam@example.org", "en", "link"),
    ];
    let mut confirmations = Vec::new();
    for (email, language, poster) in volunteers {
        confirmations.push(subscribe(&app, &smtp, email, language, poster).await);
    }

    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let mut case = valid_case();
    case["marks"] = json!("Lunar en la mejilla izquierda");
    case["contact_phone_2"] = json!("+591 722 22222");
    case["circumstances"] = json!(
        "Salió del colegio a las 18:30 con su mochila negra y no llegó a su casa. \
         Una vecina la vio subir a un minibús de la línea 120 hacia la avenida Blanco Galindo."
    );
    let id = app.create_case(&family, &case).await;
    let photo = app
        .put_bytes(
            &format!("/api/v1/cases/{id}/photo"),
            Some(&family),
            "image/jpeg",
            phone_photo(3000, 4000),
        )
        .await;
    assert_eq!(photo.status(), StatusCode::OK);
    app.publish(&police, id).await;
    for (email, _, _) in volunteers {
        smtp.wait_for(email, 2).await;
    }
    // A volunteer who joins now gets the cases already active near them.
    subscribe(&app, &smtp, "nuevo@example.org", "es", "attached").await;
    let digest = smtp.wait_for("nuevo@example.org", 2).await.remove(1);

    // Police correct the clothing and mail the update, then the person is found.
    let mut corrected = valid_case();
    corrected["marks"] = case["marks"].clone();
    corrected["circumstances"] = case["circumstances"].clone();
    corrected["contact_phone_2"] = case["contact_phone_2"].clone();
    corrected["clothing"] = json!("Chompa verde, pantalón jean azul");
    let edit = app
        .put(&format!("/api/v1/cases/{id}"), Some(&police), &corrected)
        .await;
    assert_eq!(edit.status(), StatusCode::OK);
    let version = app.current_version(id).await;
    let update = app
        .post(
            &format!("/api/v1/cases/{id}/notify-update"),
            Some(&police),
            &json!({ "version": version }),
        )
        .await;
    assert_eq!(update.status(), StatusCode::OK);
    for (email, _, _) in volunteers {
        smtp.wait_for(email, 3).await;
    }
    let resolve = app
        .post(
            &format!("/api/v1/cases/{id}/resolve"),
            Some(&police),
            &json!({ "outcome": "found_safe" }),
        )
        .await;
    assert_eq!(resolve.status(), StatusCode::OK);
    let ana = alerta_core::Email::parse("email", "ana@example.org").unwrap();
    app.app.request_manage_link(&ana).await.unwrap();
    smtp.wait_for("ana@example.org", 5).await;
    for (email, _, _) in &volunteers[1..] {
        smtp.wait_for(email, 4).await;
    }

    for ((email, language, poster), confirmation) in volunteers.iter().zip(confirmations) {
        let mails = by_kind(smtp.wait_for(email, 1).await);
        let alert = &mails["alert"];
        let weight = alert.raw.len();
        // The figures docs/benchmarks.md reports (`--nocapture` shows them).
        eprintln!(
            "alert weight, {language}, poster {poster}: {weight} bytes, HTML {} bytes",
            alert.html().len()
        );
        // Light enough for a prepaid plan, with a 12 MP photo.
        match *poster {
            "attached" => {
                assert!(
                    weight <= 200 * 1024,
                    "{email}: the alert weighs {weight} bytes"
                );
                assert!(
                    alert
                        .parsed()
                        .attachments()
                        .any(|a| a.attachment_name().is_some_and(|n| n.ends_with(".pdf"))),
                    "{email}: no poster attached"
                );
            }
            _ => {
                assert!(
                    weight <= 40 * 1024,
                    "{email}: the alert weighs {weight} bytes"
                );
                assert!(
                    alert
                        .text()
                        .contains(&format!("/cases/{id}/poster.pdf?lang={language}&paper=a4")),
                    "{email}: no link to the poster"
                );
            }
        }
        let html = alert.html();
        assert!(
            html.contains("href=\"tel:+59144221111\""),
            "{email}: no call button"
        );
        assert!(
            html.contains("href=\"tel:+59172222222\""),
            "{email}: no second call button"
        );
        assert!(
            alert.text().contains("+591 722 22222"),
            "{email}: no second phone"
        );
        assert!(
            html.contains("https://wa.me/?text="),
            "{email}: no WhatsApp button"
        );
        assert!(
            html.contains("https://t.me/share/url?url="),
            "{email}: no Telegram button"
        );
        assert!(
            alert.text().contains(&format!("http://alerta.test/c/{id}")),
            "{email}: no short link to share"
        );
        let update = &mails["update"];
        let changed = update.text();
        for clothing in [
            "la vestimenta",
            "as roupas",
            "les vêtements",
            "the clothing",
        ] {
            if changed.contains(clothing) {
                assert!(changed.contains("Chompa verde"), "{changed}");
            }
        }
        assert!(
            [
                "la vestimenta",
                "as roupas",
                "les vêtements",
                "the clothing"
            ]
            .iter()
            .any(|c| changed.contains(c)),
            "{email}: the update does not say what changed:\n{changed}"
        );
        let found = mails["found"].text();
        assert!(
            found.contains("Plaza 14 de Septiembre, Cochabamba"),
            "{email}: the found mail does not say where from:\n{found}"
        );
        look_at(&browser, &format!("alert-{language}-{poster}"), alert).await;
        look_at(&browser, &format!("update-{language}"), update).await;
        look_at(&browser, &format!("found-{language}"), &mails["found"]).await;
        look_at(&browser, &format!("confirm-{language}"), &confirmation).await;
        if let Some(manage) = mails.get("manage") {
            look_at(&browser, &format!("manage-{language}"), manage).await;
        }
    }
    let sexed = by_kind(smtp.wait_for("ana@example.org", 1).await);
    assert!(sexed["alert"].subject().starts_with("DESAPARECIDA"));
    assert!(sexed["alert"].text().contains("Si la viste"));
    assert!(
        sexed["alert"]
            .text()
            .contains("Vista por última vez: 20 nov 2026, 18:30")
    );
    assert!(sexed["found"].subject().starts_with("ENCONTRADA:"));
    assert!(sexed.contains_key("manage"), "ana asked for a manage link");
    look_at(&browser, "digest-es", &digest).await;
    browser.close().await;
    app.stop().await;
}

//! DKIM: every message Alerta sends is signed, and the signature verifies
//! in dkimpy (PyPI), over the real SMTP path. The volunteer mail kinds are
//! checked in `mail.rs`; here, staff mail with an Ed25519 key, a message
//! changed on the way, and the settings that refuse to start.

use std::path::{Path, PathBuf};

use alerta::Settings;
use reqwest::StatusCode;
use serde_json::json;

use crate::common::{spawn_app_with, valid_case};
use crate::smtp::SmtpServer;

pub(crate) fn key_file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/dkim")
        .join(name)
}

/// Signs as `d=alerta.test`, `s=selector`, with the fixture key `key`.
pub(crate) fn sign_with(settings: &mut Settings, key: &str, selector: &str) {
    settings.dkim_domain = Some("alerta.test".into());
    settings.dkim_selector = Some(selector.into());
    settings.dkim_key_file = Some(key_file(key));
}

/// What dkimpy says of `raw`, given the DNS record of the fixture `key`
/// published under `selector`: Ok when the signature verifies.
pub(crate) fn dkimpy_verifies(raw: &[u8], key: &str, selector: &str) -> Result<(), String> {
    let pem = std::fs::read_to_string(key_file(key)).unwrap();
    let record = alerta_notify::dkim::dns_record(&pem).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let message = dir.path().join("message.eml");
    let records = dir.path().join("records.txt");
    std::fs::write(&message, raw).unwrap();
    std::fs::write(
        &records,
        format!("{selector}._domainkey.alerta.test {record}\n"),
    )
    .unwrap();
    let python =
        std::env::var("ALERTA_TEST_PYTHON").expect("ALERTA_TEST_PYTHON (scripts/test sets it)");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dkim/verify.py");
    let output = std::process::Command::new(python)
        .arg(script)
        .arg(&message)
        .arg(&records)
        .output()
        .expect("python runs");
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

#[tokio::test]
async fn a_tip_to_the_officer_is_signed_with_ed25519_and_a_changed_message_fails() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| {
        s.smtp_url = Some(smtp.url());
        sign_with(s, "ed25519-pkcs8.pem", "ed1");
    })
    .await;
    let family = app.user(alerta_core::Role::Family).await;
    let police = app.user(alerta_core::Role::Police).await;
    let id = app.create_case(&family, &valid_case()).await;
    app.publish(&police, id).await;
    let tip = app
        .post(
            &format!("/api/v1/cases/{id}/tips"),
            None,
            &json!({ "message": "La vi en la parada de la avenida Heroínas." }),
        )
        .await;
    assert_eq!(
        tip.status(),
        StatusCode::CREATED,
        "{}",
        tip.text().await.unwrap()
    );

    let mail = smtp.wait_for(&police.email, 1).await.remove(0);
    let signature = mail.header("DKIM-Signature").expect("the mail is signed");
    assert!(signature.contains("a=ed25519-sha256"), "{signature}");
    assert!(signature.contains("d=alerta.test"), "{signature}");
    dkimpy_verifies(&mail.raw, "ed25519-pkcs8.pem", "ed1").unwrap();
    // Staff mail passes SpamAssassin's local rules as volunteer mail does.
    let (score, report) = crate::mail::spam_score(&mail.raw).await;
    assert!(score <= 2.0, "the tip scores {score}:{report}");
    // Staff mail: automatic, and no list.
    assert_eq!(
        mail.header("Auto-Submitted").as_deref(),
        Some("auto-generated")
    );
    assert!(mail.header("List-Id").is_none());

    // The same message with one word changed on the way does not verify.
    let forged = String::from_utf8(mail.raw.clone())
        .unwrap()
        .replacen("Heroínas", "Ayacucho", 1);
    let forged = if forged.as_bytes() == mail.raw.as_slice() {
        // The body is encoded: change the subject instead.
        String::from_utf8(mail.raw.clone())
            .unwrap()
            .replacen("Subject: ", "Subject: RE: ", 1)
    } else {
        forged
    };
    assert!(dkimpy_verifies(forged.as_bytes(), "ed25519-pkcs8.pem", "ed1").is_err());
    app.stop().await;
}

#[test]
fn dkim_settings_name_what_is_wrong() {
    let mut settings = Settings::default();
    assert!(settings.dkim_signer().unwrap().is_none(), "unset: unsigned");

    settings.dkim_domain = Some("alerta.test".into());
    let error = settings.dkim_signer().err().unwrap().to_string();
    assert!(
        error.contains("ALERTA_DKIM_SELECTOR, ALERTA_DKIM_KEY_FILE missing"),
        "{error}"
    );

    sign_with(&mut settings, "rsa-pkcs1.pem", "r1");
    settings.dkim_key_file = Some("/nonexistent/dkim.pem".into());
    let error = settings.dkim_signer().err().unwrap().to_string();
    assert!(
        error.starts_with("ALERTA_DKIM_KEY_FILE: /nonexistent/dkim.pem cannot be read"),
        "{error}"
    );

    settings.dkim_key_file = Some(key_file("../README.md"));
    let error = settings.dkim_signer().err().unwrap().to_string();
    assert!(error.starts_with("ALERTA_DKIM_KEY_FILE:"), "{error}");

    for key in ["rsa-pkcs1.pem", "ed25519-pkcs8.pem"] {
        sign_with(&mut settings, key, "k");
        assert!(settings.dkim_signer().unwrap().is_some(), "{key}");
    }
}

//! Bounces and complaints, end to end: every message leaves from its own
//! tagged return address; `alerta bounces ingest` reads what comes back
//! (fixtures of several mail systems, and a notification a real Postfix
//! writes), suppresses the address when it should, and the dispatch
//! figures count the undeliverable. A suppressed address gets nothing more
//! until its owner subscribes and confirms again.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use alerta_core::bounce::{BounceKind, Suppressed};
use alerta_core::{CaseId, Role};
use alerta_store::BounceRecord;
use reqwest::StatusCode;
use serde_json::json;

use crate::common::{
    TestApp, another_case, body, confirm_link, confirmed_zone, free_port, spawn_app_with,
    valid_case,
};
use crate::smtp::{Received, SmtpServer};

const RETURN_PATH: &str = "rebotes@alerta.test";
/// The tagged address the fixtures were written to (tests/fixtures/README.md).
const FIXTURE_ADDRESS: &str = "rebotes+1-2-abc@alerta.test";

async fn app_with_return_path(smtp: &SmtpServer) -> TestApp {
    spawn_app_with(|s| {
        s.smtp_url = Some(smtp.url());
        s.return_path = Some(RETURN_PATH.into());
    })
    .await
}

/// The envelope sender a message went out from (the test server writes it
/// first, as Return-Path).
fn return_path_of(mail: &Received) -> String {
    let raw = String::from_utf8_lossy(&mail.raw);
    let line = raw.lines().next().unwrap_or_default();
    line.strip_prefix("Return-Path: <")
        .and_then(|rest| rest.strip_suffix('>'))
        .unwrap_or_else(|| panic!("no Return-Path first: {line}"))
        .to_string()
}

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bounces")
        .join(name);
    std::fs::read_to_string(&path).unwrap()
}

/// `alerta bounces ingest` with `report` on standard input, as a mail
/// server's pipe runs it: only the settings and the recipient variables
/// in its environment. Answers the exit status and the log.
fn ingest(app: &TestApp, report: &str, recipient: Option<&str>) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_alerta"));
    command
        .args(["bounces", "ingest"])
        .current_dir(dir.path())
        .env_clear()
        .env("ALERTA_DATABASE_URL", &app.database_url)
        .env("ALERTA_RETURN_PATH", RETURN_PATH)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(recipient) = recipient {
        command.env("RECIPIENT", recipient);
    }
    let mut child = command.spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(report.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let log = String::from_utf8_lossy(&output.stderr).into_owned();
    (output.status.code().unwrap_or(-1), log)
}

/// A published case reaching the volunteers already subscribed near
/// Cochabamba; answers its number.
async fn published(app: &TestApp, case: serde_json::Value) -> i64 {
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let id = app.create_case(&family, &case).await;
    app.publish(&police, id).await;
    id
}

async fn undeliverable(app: &TestApp, case: i64) -> i64 {
    app.store
        .dispatch_figures(CaseId(case))
        .await
        .unwrap()
        .undeliverable
}

#[tokio::test]
async fn each_message_leaves_from_its_own_tagged_return_address() {
    let smtp = SmtpServer::start();
    let app = app_with_return_path(&smtp).await;
    for email in ["ana@example.org", "beto@example.org"] {
        confirmed_zone(&app, email, -17.39, -66.16, 5.0).await;
    }
    published(&app, valid_case()).await;
    let to_ana = return_path_of(&smtp.wait_for_kind("ana@example.org", "alert").await);
    let to_beto = return_path_of(&smtp.wait_for_kind("beto@example.org", "alert").await);
    for address in [&to_ana, &to_beto] {
        assert!(address.starts_with("rebotes+"), "{address}");
        assert!(address.ends_with("@alerta.test"), "{address}");
        assert!(
            !address.contains("example.org"),
            "no recipient in it: {address}"
        );
    }
    assert_ne!(to_ana, to_beto);
    app.stop().await;
}

#[tokio::test]
async fn a_hard_bounce_suppresses_the_address_until_its_owner_subscribes_again() {
    let smtp = SmtpServer::start();
    let app = app_with_return_path(&smtp).await;
    for email in ["pedro@example.org", "rosa@example.org"] {
        confirmed_zone(&app, email, -17.39, -66.16, 5.0).await;
    }
    let case = published(&app, valid_case()).await;
    let alert = smtp.wait_for_kind("pedro@example.org", "alert").await;
    smtp.wait_for_kind("rosa@example.org", "alert").await;
    let tagged = return_path_of(&alert);

    // Gmail's notification, delivered to that message's own address.
    let report = fixture("gmail-dsn.eml").replace(FIXTURE_ADDRESS, &tagged);
    let (status, log) = ingest(&app, &report, None);
    assert_eq!(status, 0, "{log}");
    assert!(log.contains("suppressed (hard_bounce)"), "{log}");
    assert!(
        !log.contains("pedro@example.org"),
        "no address in the log: {log}"
    );
    assert_eq!(undeliverable(&app, case).await, 1);
    let pedro = app
        .store
        .volunteer_by_email("pedro@example.org")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        app.store.suppression_of(pedro).await.unwrap().as_deref(),
        Some("hard_bounce")
    );
    // The police page shows it beside the other figures.
    let police = app.user(Role::Police).await;
    let figures = body(
        app.get(&format!("/api/v1/cases/{case}/dispatch"), Some(&police))
            .await,
    )
    .await;
    assert_eq!(figures["undeliverable"], json!(1), "{figures}");

    // The same report piped twice counts once.
    let (status, log) = ingest(&app, &report, None);
    assert_eq!(status, 0);
    assert!(log.contains("recorded before"), "{log}");
    assert_eq!(undeliverable(&app, case).await, 1);

    // The next alert goes to Rosa only; no manage link goes to Pedro.
    let to_pedro = |smtp: &SmtpServer| {
        smtp.received()
            .into_iter()
            .filter(|m| m.to == "pedro@example.org")
            .count()
    };
    let before = to_pedro(&smtp);
    let second = published(&app, another_case("Julia")).await;
    // Rosa's confirmation, first alert, and this one.
    smtp.wait_for("rosa@example.org", 3).await;
    app.send_round().await;
    assert_eq!(to_pedro(&smtp), before, "no second alert to Pedro");
    assert_eq!(
        app.store
            .dispatch_figures(CaseId(second))
            .await
            .unwrap()
            .recipients,
        1
    );
    let address = alerta_core::Email::parse("email", "pedro@example.org").unwrap();
    app.app.request_manage_link(&address).await.unwrap();
    app.send_round().await;
    assert_eq!(
        to_pedro(&smtp),
        before,
        "no manage link to a suppressed address"
    );

    // Pedro fixes his mailbox and subscribes again: double opt-in.
    let again = app
        .post(
            "/api/v1/subscriptions",
            None,
            &json!({ "email": "pedro@example.org",
                     "zone": { "lat": -17.39, "lng": -66.16, "radius_km": 5 } }),
        )
        .await;
    assert_eq!(again.status(), StatusCode::ACCEPTED);
    let confirmation = smtp.wait_for_kind("pedro@example.org", "confirm").await;
    let link = confirmation.link("http://alerta.test/subscriptions/confirm");
    assert_eq!(confirm_link(&app, &link).await.0, StatusCode::OK);
    assert_eq!(app.store.suppression_of(pedro).await.unwrap(), None);
    app.stop().await;
}

#[tokio::test]
async fn a_complaint_unsubscribes_at_once_and_a_forged_or_unusable_report_changes_nothing() {
    let smtp = SmtpServer::start();
    let app = app_with_return_path(&smtp).await;
    for email in ["lucia@example.org", "carlos@example.org"] {
        confirmed_zone(&app, email, -17.39, -66.16, 5.0).await;
    }
    let case = published(&app, valid_case()).await;
    let to_lucia = return_path_of(&smtp.wait_for_kind("lucia@example.org", "alert").await);
    let to_carlos = return_path_of(&smtp.wait_for_kind("carlos@example.org", "alert").await);
    let volunteer = |email: &'static str| {
        let store = app.store.clone();
        async move { store.volunteer_by_email(email).await.unwrap().unwrap() }
    };

    // A report to a made-up tag, one to another volunteer's numbers with
    // Lucia's tag, a delay warning and an out-of-office reply: nothing.
    let (outbox_and_volunteer, tag) = to_carlos
        .trim_start_matches("rebotes+")
        .trim_end_matches("@alerta.test")
        .rsplit_once('-')
        .unwrap();
    let lucia_tag = to_lucia.rsplit_once('-').unwrap().1;
    let forgeries = [
        format!("rebotes+{outbox_and_volunteer}-0123456789abcdef@alerta.test"),
        format!("rebotes+{outbox_and_volunteer}-{lucia_tag}"),
        format!("rebotes+{outbox_and_volunteer}-{tag}@evil.example"),
    ];
    for forged in &forgeries {
        let report = fixture("postfix-unknown-user.eml").replace(FIXTURE_ADDRESS, forged);
        let (status, log) = ingest(&app, &report, None);
        assert_eq!(status, 0, "{log}");
        assert!(log.contains("ignored"), "{forged}: {log}");
    }
    for harmless in ["postfix-delayed.eml", "vacation-reply.eml"] {
        let report = fixture(harmless).replace(FIXTURE_ADDRESS, &to_carlos);
        let (status, log) = ingest(&app, &report, None);
        assert_eq!(status, 0, "{log}");
        assert!(log.contains("ignored"), "{harmless}: {log}");
    }
    assert_eq!(
        app.store
            .suppression_of(volunteer("carlos@example.org").await)
            .await
            .unwrap(),
        None
    );
    assert_eq!(undeliverable(&app, case).await, 0);

    // Lucia's provider reports her complaint (ARF); the recipient comes
    // from the pipe's RECIPIENT, as Postfix and Exim pass it.
    let complaint = fixture("arf-complaint.eml").replace(FIXTURE_ADDRESS, "rebotes@alerta.test");
    let (status, log) = ingest(&app, &complaint, Some(&to_lucia));
    assert_eq!(status, 0, "{log}");
    assert!(log.contains("suppressed (complaint)"), "{log}");
    let lucia = volunteer("lucia@example.org").await;
    assert_eq!(
        app.store.suppression_of(lucia).await.unwrap().as_deref(),
        Some("complaint")
    );
    // A complaint is not a failed delivery: the message did arrive.
    assert_eq!(undeliverable(&app, case).await, 0);
    assert!(app.store.volunteer_zones(lucia).await.unwrap().is_empty());
    app.stop().await;
}

#[tokio::test]
async fn soft_bounces_suppress_an_address_only_when_they_go_on_for_days() {
    let smtp = SmtpServer::start();
    let app = app_with_return_path(&smtp).await;
    confirmed_zone(&app, "lleno@example.org", -17.39, -66.16, 5.0).await;
    let volunteer = app
        .store
        .volunteer_by_email("lleno@example.org")
        .await
        .unwrap()
        .unwrap();
    let soft = |outbox_id: i64| BounceRecord {
        outbox_id,
        volunteer: Some(volunteer),
        kind: BounceKind::Soft,
        status: Some("4.2.2".into()),
    };
    // A full mailbox all afternoon: four alerts bounce, nothing happens.
    for outbox in 1..=4 {
        let outcome = app.app.record_bounce(soft(outbox)).await.unwrap();
        assert_eq!(outcome, alerta_app::BounceOutcome::Recorded(None));
    }
    // Still full three days later: the address is suppressed.
    app.advance(chrono::Duration::days(3));
    let outcome = app.app.record_bounce(soft(5)).await.unwrap();
    assert_eq!(
        outcome,
        alerta_app::BounceOutcome::Recorded(Some(Suppressed::SoftBounces))
    );
    assert_eq!(
        app.store
            .suppression_of(volunteer)
            .await
            .unwrap()
            .as_deref(),
        Some("soft_bounces")
    );
    app.stop().await;
}

/// Postfix as a recipient's provider: it accepts the alert for a user it
/// does not have, writes its own delivery status notification to the
/// alert's tagged return address, and delivers it to the alias `rebotes`,
/// which pipes it into `alerta bounces ingest` as an operator's would.
/// Two other addresses it refuses at RCPT, while Alerta speaks to it (with
/// PIPELINING, which Postfix offers): one that does not exist (5.1.1),
/// suppressed at once as after a bounce, and one by policy (5.7.1), only
/// failed: such a refusal may be about the sender, not the address.
/// Needs root and Postfix (scripts/test installs it and sets
/// ALERTA_TEST_POSTFIX); elsewhere it says so and passes.
#[tokio::test]
async fn a_bounce_written_by_postfix_suppresses_the_address() {
    if std::env::var("ALERTA_TEST_POSTFIX").is_err() {
        eprintln!("ALERTA_TEST_POSTFIX is not set: the Postfix bounce test did not run");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // Files Postfix's pipe, running as nobody, reads and writes.
    std::fs::set_permissions(
        dir.path(),
        std::os::unix::fs::PermissionsExt::from_mode(0o777),
    )
    .unwrap();
    let port = free_port();
    let smtp_url = format!("smtp://127.0.0.1:{port}");
    let app = spawn_app_with(|s| {
        s.smtp_url = Some(smtp_url.clone());
        s.return_path = Some(RETURN_PATH.into());
        s.mail_from = "Alerta <alertas@alerta.test>".into();
    })
    .await;
    // The pipe gets the same database; on SQLite, its file is opened by
    // nobody too.
    make_database_writable_by_all(&app.database_url);
    let ingest_command = format!(
        "/usr/bin/env ALERTA_DATABASE_URL={} ALERTA_RETURN_PATH={RETURN_PATH} ALERTA_LOG=info {} bounces ingest",
        app.database_url,
        env!("CARGO_BIN_EXE_alerta")
    );
    let postfix = Postfix::start(dir.path(), port, &ingest_command);
    // Vouched for: no confirmation mail, which would bounce first.
    let refused = ["borrada@alerta.test", "vetada@alerta.test"];
    crate::common::vouched_volunteers(&app, &["nadie@alerta.test", refused[0], refused[1]]).await;
    let case = published(&app, valid_case()).await;

    let nadie = app
        .store
        .volunteer_by_email("nadie@alerta.test")
        .await
        .unwrap()
        .unwrap();
    let started = Instant::now();
    while app.store.suppression_of(nadie).await.unwrap().is_none() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no suppression after a minute; Postfix's log:\n{}",
            postfix.log()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        app.store.suppression_of(nadie).await.unwrap().as_deref(),
        Some("hard_bounce")
    );
    assert_eq!(undeliverable(&app, case).await, 1);
    // What Postfix wrote is a real RFC 3464 report to the tagged address.
    let kept = std::fs::read_to_string(dir.path().join("postfix/mail/bounces.mbox")).unwrap();
    assert!(
        kept.contains("Content-Type: message/delivery-status"),
        "{kept}"
    );
    assert!(kept.contains("Status: 5.1.1"), "{kept}");
    assert!(kept.contains("Delivered-To: rebotes+"), "{kept}");

    // The two refused at RCPT: failed at once, with Postfix's answer kept.
    let mut rows = Vec::new();
    for email in refused {
        let row = loop {
            let rows = app.store.outbox_for_address(email).await.unwrap();
            match rows.into_iter().find(|r| r.kind == "alert") {
                Some(row) if row.status != "queued" => break row,
                _ => {
                    assert!(
                        started.elapsed() < Duration::from_secs(60),
                        "{email} still queued"
                    );
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            }
        };
        assert_eq!(row.status, "failed", "{email}: {row:?}");
        assert_eq!(row.attempts, 1, "{email}: not retried: {row:?}");
        rows.push(row);
    }
    let error = |i: usize| rows[i].last_error.clone().unwrap_or_default();
    for (i, (status, text)) in [
        ("5.1.1", "No such mailbox here"),
        ("5.7.1", "Refused by local policy"),
    ]
    .into_iter()
    .enumerate()
    {
        assert!(
            error(i).contains(status) && error(i).contains(text),
            "{}",
            error(i)
        );
    }
    let mut suppressions = Vec::new();
    for email in refused {
        let id = app.store.volunteer_by_email(email).await.unwrap().unwrap();
        suppressions.push(app.store.suppression_of(id).await.unwrap());
    }
    assert_eq!(suppressions, [Some("hard_bounce".to_string()), None]);
    let figures = app.store.dispatch_figures(CaseId(case)).await.unwrap();
    assert_eq!(
        (figures.sent, figures.failed, figures.undeliverable),
        (1, 2, 1)
    );
    drop(postfix);
    app.stop().await;
}

fn make_database_writable_by_all(url: &str) {
    use std::os::unix::fs::PermissionsExt;
    let Some(file) = url.strip_prefix("sqlite://") else {
        return;
    };
    let file = Path::new(file.split('?').next().unwrap());
    let folder = file.parent().unwrap();
    for path in std::iter::once(folder.to_path_buf()).chain(
        std::fs::read_dir(folder)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.path()),
    ) {
        let mode = if path.is_dir() { 0o777 } else { 0o666 };
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
}

/// A private Postfix under a test's folder (tests/postfix/start), stopped
/// when dropped.
struct Postfix {
    dir: std::path::PathBuf,
}

impl Postfix {
    fn start(dir: &Path, port: u16, ingest: &str) -> Postfix {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/postfix/start");
        let output = Command::new(script)
            .arg(dir.join("postfix"))
            .arg(port.to_string())
            .arg(ingest)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "Postfix did not start: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        let postfix = Postfix {
            dir: dir.join("postfix"),
        };
        // Ready when its SMTP server answers.
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "Postfix never listened: {}",
                postfix.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        postfix
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("maillog")).unwrap_or_default()
    }
}

impl Drop for Postfix {
    fn drop(&mut self) {
        let _ = Command::new("postfix")
            .arg("-c")
            .arg(self.dir.join("etc"))
            .arg("stop")
            .output();
    }
}

//! How the sender treats a mail server that says "later" or "never".

use std::time::{Duration, Instant};

use alerta_store::{Delivery, OutboxEntry};
use reqwest::StatusCode;
use serde_json::json;

use crate::common::*;
use crate::smtp::SmtpServer;

async fn subscribe(app: &TestApp, email: &str) {
    let body = json!({ "email": email, "zone": { "lat": -12.05, "lng": -77.04, "radius_km": 20 } });
    assert_eq!(
        app.post("/api/v1/subscriptions", None, &body)
            .await
            .status(),
        StatusCode::ACCEPTED
    );
}

/// The address's only outbox row.
async fn row(app: &TestApp, email: &str) -> OutboxEntry {
    let rows = app.store.outbox_for_address(email).await.unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    rows[0].clone()
}

#[tokio::test]
async fn a_temporary_refusal_is_retried_later_with_backoff() {
    let smtp = SmtpServer::start();
    let app = spawn_app_sending_by_hand(|s| s.smtp_url = Some(smtp.url())).await;
    subscribe(&app, "busy.vecino@example.org").await;

    assert_eq!(app.send_round().await, 1);
    let first = row(&app, "busy.vecino@example.org").await;
    assert_eq!((first.status.as_str(), first.attempts), ("queued", 1));
    assert!(
        first.last_error.as_deref().unwrap().contains("450"),
        "{first:?}"
    );
    let wait_ms = first.next_attempt_at - chrono::Utc::now().timestamp_millis();
    assert!(wait_ms > 10_000, "the retry waits (got {wait_ms} ms)");

    // Rounds before the retry is due leave it alone: no busy loop.
    for _ in 0..3 {
        assert_eq!(app.send_round().await, 0);
    }
    assert_eq!(row(&app, "busy.vecino@example.org").await.attempts, 1);

    // Once the retry is due, the sender tries again.
    app.advance(chrono::Duration::hours(2));
    assert_eq!(app.send_round().await, 1);
    let second = row(&app, "busy.vecino@example.org").await;
    assert_eq!((second.status.as_str(), second.attempts), ("queued", 2));
    assert!(smtp.received().is_empty());
    app.stop().await;
}

#[tokio::test]
async fn a_permanent_refusal_is_recorded_with_the_servers_reply() {
    let smtp = SmtpServer::start();
    let app = spawn_app_sending_by_hand(|s| s.smtp_url = Some(smtp.url())).await;
    subscribe(&app, "reject.me@example.org").await;
    subscribe(&app, "fine@example.org").await;

    // One round: the refusal does not hold the other message up.
    assert_eq!(app.send_round().await, 2);
    let refused = row(&app, "reject.me@example.org").await;
    assert_eq!((refused.status.as_str(), refused.attempts), ("failed", 1));
    assert!(
        refused.last_error.as_deref().unwrap().contains("550"),
        "{refused:?}"
    );
    assert_eq!(row(&app, "fine@example.org").await.status, "sent");
    // The server stores a message before it answers: the file is there.
    assert_eq!(smtp.recipients(), ["fine@example.org"]);
    let (queued, sent, failed) = app.store.outbox_counts(None, None).await.unwrap();
    assert_eq!((queued, sent, failed), (0, 1, 1));
    // "No such user" (5.1.1) says the address is dead: it gets nothing
    // more, as after a bounce; the other is untouched.
    let suppression = |email: &'static str| {
        let store = app.store.clone();
        async move {
            let id = store.volunteer_by_email(email).await.unwrap().unwrap();
            store.suppression_of(id).await.unwrap()
        }
    };
    assert_eq!(
        suppression("reject.me@example.org").await.as_deref(),
        Some("hard_bounce")
    );
    assert_eq!(suppression("fine@example.org").await, None);
    // A failed message is never tried again.
    app.advance(chrono::Duration::days(2));
    assert_eq!(app.send_round().await, 0);
    app.stop().await;
}

#[tokio::test]
async fn without_an_smtp_server_mail_is_written_to_files_once() {
    let dir = tempfile::tempdir().unwrap();
    let outbox = dir.path().join("outbox");
    let app = spawn_app_sending_by_hand(|s| s.data_dir = dir.path().to_path_buf()).await;
    subscribe(&app, "archivo@example.org").await;
    assert_eq!(app.send_round().await, 1);
    assert_eq!(row(&app, "archivo@example.org").await.status, "sent");
    // Sent is sent: a later round writes nothing more.
    assert_eq!(app.send_round().await, 0);
    let files: Vec<_> = std::fs::read_dir(&outbox)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let raw = std::fs::read(&files[0]).unwrap();
    let parsed = mail_parser::MessageParser::default().parse(&raw).unwrap();
    assert_eq!(
        parsed.subject(),
        Some("Confirma tu suscripción a las alertas de Alerta")
    );
    app.stop().await;
}

#[tokio::test]
async fn a_sender_that_lost_its_claim_cannot_record_the_outcome() {
    let dir = tempfile::tempdir().unwrap();
    let store =
        alerta_store::Store::connect(&fresh_database_url(dir.path()).await, &alerta_places::WORLD)
            .await
            .unwrap();
    store.migrate().await.unwrap();
    let input = alerta_core::SubscriptionInput {
        email: Some("lenta@example.org".into()),
        language: None,
        zone: Some(alerta_core::ZoneInput {
            lat: Some(0.0),
            lng: Some(0.0),
            radius_km: Some(5.0),
            ..Default::default()
        }),
        poster: None,
    };
    let t0 = chrono::Utc::now();
    store
        .subscribe(
            &alerta_core::NewSubscription::parse(&input, &alerta_places::WORLD).unwrap(),
            t0,
            chrono::Duration::zero(),
        )
        .await
        .unwrap();

    let lease = chrono::Duration::seconds(60);
    let first = store
        .claim_outbox(t0, t0 + lease, "sender-a", 10)
        .await
        .unwrap();
    assert_eq!(first.len(), 1);
    assert!(
        store
            .claim_outbox(t0, t0 + lease, "sender-b", 10)
            .await
            .unwrap()
            .is_empty(),
        "held by a"
    );
    // Sender a stalls past its lease; b takes the row over.
    let later = t0 + lease + chrono::Duration::seconds(1);
    let second = store
        .claim_outbox(later, later + lease, "sender-b", 10)
        .await
        .unwrap();
    assert_eq!(second[0].id, first[0].id);

    let stale = Delivery::Failed {
        error: "stale".into(),
    };
    store
        .record_deliveries("sender-a", later, &[(first[0].id, stale)])
        .await
        .unwrap();
    let row = store
        .outbox_for_address("lenta@example.org")
        .await
        .unwrap()
        .remove(0);
    assert_eq!(
        (row.status.as_str(), row.attempts),
        ("queued", 2),
        "a's late word changes nothing"
    );
    store
        .record_deliveries("sender-b", later, &[(second[0].id, Delivery::Sent)])
        .await
        .unwrap();
    assert_eq!(
        store.outbox_for_address("lenta@example.org").await.unwrap()[0].status,
        "sent"
    );
}

#[tokio::test]
async fn a_mail_server_outage_delays_the_alerts_and_loses_none() {
    let mut smtp = SmtpServer::start();
    let app = spawn_app_with(|s| s.smtp_url = Some(smtp.url())).await;
    let family = app.user(alerta_core::Role::Family).await;
    let police = app.user(alerta_core::Role::Police).await;
    const RECIPIENTS: usize = 300;
    let subscriptions: Vec<alerta_core::NewSubscription> = (0..RECIPIENTS)
        .map(|i| {
            let input = alerta_core::SubscriptionInput {
                email: Some(format!("vecina{i}@example.org")),
                language: None,
                zone: Some(alerta_core::ZoneInput {
                    lat: Some(-17.39),
                    lng: Some(-66.15),
                    radius_km: Some(10.0),
                    ..Default::default()
                }),
                poster: None,
            };
            alerta_core::NewSubscription::parse(&input, &alerta_places::WORLD).unwrap()
        })
        .collect();
    app.app
        .import_volunteers(&subscriptions, true)
        .await
        .unwrap();
    let id = app.create_case(&family, &valid_case()).await;
    app.publish(&police, id).await;

    // The server goes down in the middle of the fan-out.
    let started = Instant::now();
    while smtp.recipients().len() < 30 {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no alert arrived"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    smtp.stop();
    let before = smtp.recipients().len();
    assert!(
        before < RECIPIENTS,
        "the outage came too late to test anything"
    );

    // While it is down, each message fails once and waits for its retry:
    // attempts do not climb (no busy loop), and nothing is marked failed.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let figures = app
        .store
        .dispatch_figures(alerta_core::CaseId(id))
        .await
        .unwrap();
    assert_eq!(figures.failed, 0, "an outage is temporary: {figures:?}");
    assert!(figures.queued > 0, "{figures:?}");
    tokio::time::sleep(Duration::from_secs(2)).await;
    let later = app
        .store
        .dispatch_figures(alerta_core::CaseId(id))
        .await
        .unwrap();
    assert_eq!(
        later.attempts, figures.attempts,
        "retries wait their backoff"
    );
    assert!(
        figures.attempts <= 2 * RECIPIENTS as i64,
        "no message tried more than twice: {figures:?}"
    );

    // The server is back an hour later (by the app's clock): every alert
    // arrives; only messages in flight at the crash may arrive twice.
    smtp.restart();
    app.advance(chrono::Duration::hours(1));
    let started = Instant::now();
    loop {
        let figures = app
            .store
            .dispatch_figures(alerta_core::CaseId(id))
            .await
            .unwrap();
        if figures.sent == RECIPIENTS as i64 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "stuck after the outage: {figures:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let received = smtp.recipients();
    let mut distinct = received.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), RECIPIENTS, "every volunteer got the alert");
    assert!(
        received.len() - RECIPIENTS <= 8,
        "{} duplicates: more than the messages in flight",
        received.len() - RECIPIENTS
    );
    app.stop().await;
}

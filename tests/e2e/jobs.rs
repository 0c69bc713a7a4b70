//! Scheduled jobs, driven by the test clock: each does its work, once per
//! slot, however many processes share the database.

use std::time::{Duration, Instant};

use alerta_core::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::common::*;

async fn with_fast_jobs() -> TestApp {
    spawn_app_with(|s| s.job_tick_ms = 50).await
}

async fn wait_for_runs(app: &TestApp, job: &str, runs: i64) {
    let started = Instant::now();
    while app.store.job_runs(job).await.unwrap() < runs {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "{job} never ran {runs} time(s)"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn unconfirmed_subscriptions_are_forgotten_after_a_week() {
    let app = with_fast_jobs().await;
    let zone = json!({ "lat": -17.39, "lng": -66.15, "radius_km": 10 });
    app.post(
        "/api/v1/subscriptions",
        None,
        &json!({ "email": "olvidada@example.org", "zone": zone }),
    )
    .await;
    // The job runs within the week (its daily slot passes): nothing is
    // forgotten yet.
    advance_and_run(&app, chrono::Duration::days(3), "expire_unconfirmed").await;
    assert!(
        app.store
            .volunteer_state("olvidada@example.org")
            .await
            .unwrap()
            .is_some(),
        "kept within the week"
    );
    assert_eq!(app.counts().await.outbox, 1, "the confirmation mail");

    advance_and_run(&app, chrono::Duration::days(5), "expire_unconfirmed").await;
    assert_eq!(
        app.store
            .volunteer_state("olvidada@example.org")
            .await
            .unwrap(),
        None
    );
    // Its confirmation mail goes with it (a foreign key's cascade on SQLite,
    // a trigger on PostgreSQL).
    assert_eq!(
        app.counts().await.outbox,
        0,
        "the confirmation mail is forgotten too"
    );
    app.stop().await;
}

#[tokio::test]
async fn expired_sessions_are_removed() {
    let app = with_fast_jobs().await;
    app.user(Role::Family).await;
    assert_eq!(app.counts().await.sessions, 1);
    app.advance(chrono::Duration::days(40));
    wait_for_runs(&app, "purge_expired_tokens", 1).await;
    assert_eq!(app.counts().await.sessions, 0);
    app.stop().await;
}

#[tokio::test]
async fn resolved_cases_lose_their_personal_details_after_the_retention_period() {
    let app = with_fast_jobs().await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let id = app.create_case(&family, &valid_case()).await;
    app.put_bytes(
        &format!("/api/v1/cases/{id}/photo"),
        Some(&family),
        "image/jpeg",
        jpeg(60, 80),
    )
    .await;
    app.publish(&police, id).await;
    let resolved = app
        .post(
            &format!("/api/v1/cases/{id}/resolve"),
            Some(&police),
            &json!({ "outcome": "found_safe", "note": "En casa de su tía" }),
        )
        .await;
    assert_eq!(resolved.status(), StatusCode::OK);

    app.advance(chrono::Duration::days(31));
    wait_for_runs(&app, "retention_purge", 1).await;
    // A month later the officer signs in again (tokens last 30 days).
    let police = User {
        token: app.sign_in(&police.email, PASSWORD).await,
        ..police
    };
    let case = body(app.get(&format!("/api/v1/cases/{id}"), Some(&police)).await).await;
    assert_eq!(case["given_name"], "", "{case}");
    assert_eq!(case["circumstances"], "");
    assert!(case.get("birth_date").is_none() && case.get("resolution_note").is_none());
    assert_eq!(
        (case["status"].as_str(), case["outcome"].as_str()),
        (Some("resolved"), Some("found_safe"))
    );
    assert_eq!(case["age"], 15, "anonymous statistics keep the age");
    let counts = app.counts().await;
    assert_eq!((counts.photos, counts.cases_resolved), (0, 1));
    let log = body(
        app.get(&format!("/api/v1/cases/{id}/audit"), Some(&police))
            .await,
    )
    .await;
    assert!(
        !log.to_string().contains("Quispe"),
        "the audit log forgets the details too"
    );
    app.stop().await;
}

#[tokio::test]
async fn two_processes_on_one_database_run_each_slot_once() {
    // Two schedulers, as two processes have, each with its own connection
    // to one database and one clock, ticked by hand: every tick is an
    // event, none is left to timing. (The app's own scheduler ticks once
    // at start, then every 30 s: it may take a slot, never a second run.)
    let app = spawn_app().await;
    let offset = std::sync::Arc::new(std::sync::atomic::AtomicI64::new(0));
    let clock: alerta_core::Clock = {
        let offset = offset.clone();
        std::sync::Arc::new(move || {
            let by = offset.load(std::sync::atomic::Ordering::SeqCst);
            chrono::Utc::now() + chrono::Duration::milliseconds(by)
        })
    };
    let settings = alerta::app::job_settings(&alerta::settings::Settings::default()).unwrap();
    let mut schedulers = Vec::new();
    for _ in 0..2 {
        let store = alerta_store::Store::connect(&app.database_url, &alerta_places::WORLD)
            .await
            .unwrap();
        let app = alerta_app::Alerta::new(store, clock.clone(), alerta_app::MailQueue::default());
        schedulers.push(alerta_app::jobs::Scheduler::new(app, settings.clone()));
    }
    let (first, second) = (&schedulers[0], &schedulers[1]);
    // Both register the jobs; nothing is due yet.
    let (a, b) = tokio::join!(first.tick(), second.tick());
    a.unwrap();
    b.unwrap();
    let jobs = [
        "expire_unconfirmed",
        "purge_expired_tokens",
        "retention_purge",
    ];
    for job in jobs {
        assert_eq!(
            app.store.job_runs(job).await.unwrap(),
            0,
            "{job} before its slot"
        );
    }
    // Two days on, both tick at once, and again: each slot runs once.
    offset.store(
        chrono::Duration::days(2).num_milliseconds(),
        std::sync::atomic::Ordering::SeqCst,
    );
    for _ in 0..3 {
        let (a, b) = tokio::join!(first.tick(), second.tick());
        a.unwrap();
        b.unwrap();
    }
    for job in jobs {
        assert_eq!(app.store.job_runs(job).await.unwrap(), 1, "{job}");
    }
    app.stop().await;
}

/// Moves the clock past at least one of `job`'s slots and waits for the run.
async fn advance_and_run(app: &TestApp, by: chrono::Duration, job: &str) {
    let runs = app.store.job_runs(job).await.unwrap();
    app.advance(by);
    wait_for_runs(app, job, runs + 1).await;
}

/// A confirmed volunteer with a 10 km zone around Cochabamba.
async fn confirmed_volunteer(app: &TestApp, email: &str) {
    confirmed_zone(app, email, -17.39, -66.15, 10.0).await;
}

async fn alert_rows(app: &TestApp, email: &str) -> usize {
    app.store
        .outbox_for_address(email)
        .await
        .unwrap()
        .iter()
        .filter(|row| row.kind == "alert")
        .count()
}

#[tokio::test]
async fn cases_still_open_after_7_and_30_days_alert_those_who_joined_since() {
    let app = with_fast_jobs().await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    confirmed_volunteer(&app, "desde-antes@example.org").await;
    let id = app.create_case(&family, &valid_case()).await;
    app.publish(&police, id).await;
    assert_eq!(alert_rows(&app, "desde-antes@example.org").await, 1);

    advance_and_run(&app, chrono::Duration::days(3), "realert").await;
    confirmed_volunteer(&app, "dia-3@example.org").await;
    assert_eq!(alert_rows(&app, "dia-3@example.org").await, 0);
    advance_and_run(&app, chrono::Duration::days(5), "realert").await;
    assert_eq!(
        alert_rows(&app, "dia-3@example.org").await,
        1,
        "re-alerted on day 7"
    );
    assert_eq!(
        alert_rows(&app, "desde-antes@example.org").await,
        1,
        "never alerted twice"
    );

    confirmed_volunteer(&app, "dia-8@example.org").await;
    // Daily runs before day 30 do not alert again.
    advance_and_run(&app, chrono::Duration::days(2), "realert").await;
    assert_eq!(alert_rows(&app, "dia-8@example.org").await, 0);
    advance_and_run(&app, chrono::Duration::days(21), "realert").await;
    assert_eq!(
        alert_rows(&app, "dia-8@example.org").await,
        1,
        "re-alerted on day 30"
    );

    // A month on, the first officer's sign-in has expired.
    let officer = app.user(Role::Police).await;
    let audit = body(
        app.get(&format!("/api/v1/cases/{id}/audit"), Some(&officer))
            .await,
    )
    .await;
    let realerts: Vec<&serde_json::Value> = audit
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "realerted")
        .collect();
    assert_eq!(realerts.len(), 2, "{audit}");
    app.stop().await;
}

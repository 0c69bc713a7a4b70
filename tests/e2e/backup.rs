//! `alerta backup` while the server sends: a node started on the copy
//! sends what was still queued, and nothing the original had recorded as
//! sent before the copy was taken.

use std::collections::HashMap;
use std::process::Command;

use alerta_core::Role;

use crate::common::{TestApp, spawn_app_sending_by_hand, valid_case, vouched_volunteers};
use crate::smtp::SmtpServer;

fn backup(app: &TestApp, path: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_alerta"))
        .arg("backup")
        .arg(path)
        .env_clear()
        .env("ALERTA_DATABASE_URL", &app.database_url)
        .output()
        .unwrap()
}

#[tokio::test]
async fn a_node_started_on_a_backup_sends_nothing_twice() {
    let smtp = SmtpServer::start_keeping_headers_only();
    let original = spawn_app_sending_by_hand(|s| s.smtp_url = Some(smtp.url())).await;
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("backup.db");
    if !original.database_url.starts_with("sqlite:") {
        // PostgreSQL has its own tool: the command says which, and writes nothing.
        let output = backup(&original, &copy);
        assert!(!output.status.success());
        assert!(String::from_utf8_lossy(&output.stderr).contains("pg_dump"));
        assert!(!copy.exists());
        original.stop().await;
        return;
    }
    let emails: Vec<String> = (0..80).map(|i| format!("v{i}@example.org")).collect();
    let emails: Vec<&str> = emails.iter().map(String::as_str).collect();
    vouched_volunteers(&original, &emails).await;
    let family = original.user(Role::Family).await;
    let police = original.user(Role::Police).await;
    let id = original.create_case(&family, &valid_case()).await;
    original.publish(&police, id).await;
    // Part of the fan-out goes out (one round: 32 messages), then the copy.
    let sent_before = original.send_round().await;
    assert!(sent_before > 0 && sent_before < 80, "{sent_before}");
    let output = backup(&original, &copy);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // The same file is never written over.
    assert!(!backup(&original, &copy).status.success());
    original.stop().await;

    // Restored on a new node: it sends the rest, once each.
    let url = format!("sqlite://{}", copy.display());
    let restored = spawn_app_sending_by_hand(|s| {
        s.smtp_url = Some(smtp.url());
        s.database_url = url.clone();
    })
    .await;
    while restored.send_round().await > 0 {}
    let mut per_recipient: HashMap<String, usize> = HashMap::new();
    for mail in smtp.received() {
        *per_recipient.entry(mail.to).or_default() += 1;
    }
    assert_eq!(per_recipient.len(), 80, "every volunteer reached");
    let twice: Vec<_> = per_recipient.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "sent twice: {twice:?}");
    let figures = restored
        .store
        .dispatch_figures(alerta_core::CaseId(id))
        .await
        .unwrap();
    assert_eq!((figures.sent, figures.queued), (80, 0));
    restored.stop().await;
}

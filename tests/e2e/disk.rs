//! SQLite on a disk that fills up: writes are refused with a clear answer
//! (503, nothing half-stored), the file stays intact, and once space
//! returns the same node stores and sends again.

use std::process::Command;

use alerta_core::Role;
use reqwest::StatusCode;
use serde_json::json;
use sqlx::Connection as _;

use crate::common::{body, phone_photo, spawn_app_sending_by_hand, valid_case};
use crate::smtp::SmtpServer;

/// A small file system of its own (tmpfs), unmounted when dropped.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    /// None where mounting is not allowed (not root): the test says so.
    fn mount(megabytes: u32) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={megabytes}m"), "tmpfs"])
            .arg(dir.path())
            .output()
            .is_ok_and(|o| o.status.success());
        mounted.then_some(SmallDisk { dir })
    }

    fn path(&self) -> &std::path::Path {
        self.dir.path()
    }

    /// Writes a file as large as the free space: the disk is full.
    fn fill(&self) {
        use std::io::Write;
        let mut file = std::fs::File::create(self.path().join("filler")).unwrap();
        let block = vec![0u8; 64 * 1024];
        while file.write_all(&block).is_ok() {}
        let _ = file.sync_all();
    }

    fn free(&self) {
        std::fs::remove_file(self.path().join("filler")).unwrap();
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .output();
    }
}

#[tokio::test]
async fn on_a_full_disk_writes_are_refused_clearly_and_nothing_is_corrupt_after() {
    if std::env::var("ALERTA_TEST_DATABASE_URL").is_ok() {
        return; // SQLite only: PostgreSQL's disk is the cluster's.
    }
    let Some(disk) = SmallDisk::mount(24) else {
        eprintln!("cannot mount a tmpfs (not root): the full-disk test did not run");
        return;
    };
    let smtp = SmtpServer::start();
    let file = disk.path().join("alerta.db");
    let url = format!("sqlite://{}", file.display());
    let app = spawn_app_sending_by_hand(|s| {
        s.database_url = url.clone();
        s.smtp_url = Some(smtp.url());
    })
    .await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let id = app.create_case(&family, &valid_case()).await;

    disk.fill();
    // A photo is megabytes to store: the disk cannot take them.
    let photo = app
        .put_bytes(
            &format!("/api/v1/cases/{id}/photo"),
            Some(&family),
            "image/jpeg",
            phone_photo(1600, 2000),
        )
        .await;
    assert_eq!(photo.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(photo.headers().contains_key("retry-after"));
    let refusal = body(photo).await;
    assert_eq!(refusal["error"]["code"], "unavailable", "{refusal}");
    assert!(
        refusal["error"]["message"]
            .as_str()
            .unwrap()
            .contains("disk full"),
        "{refusal}"
    );
    // Reading still works.
    assert_eq!(
        app.get(&format!("/api/v1/cases/{id}"), Some(&family))
            .await
            .status(),
        StatusCode::OK
    );

    disk.free();
    let mut check = sqlx::SqliteConnection::connect(&url).await.unwrap();
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut check)
        .await
        .unwrap();
    assert_eq!(integrity, "ok");
    check.close().await.unwrap();
    let case = body(app.get(&format!("/api/v1/cases/{id}"), Some(&family)).await).await;
    // Nothing half-stored: the case as it was, with no photo.
    assert_eq!(case["version"], json!(1), "{case}");
    let photo_path = format!("/api/v1/cases/{id}/photo");
    assert_eq!(
        app.get(&photo_path, Some(&family)).await.status(),
        StatusCode::NOT_FOUND
    );

    // Space is back: every pooled connection writes again (one left
    // counting a transaction SQLite had rolled back would refuse to)...
    for n in 0..12 {
        app.create_case(&family, &crate::common::another_case(&format!("Ana{n}")))
            .await;
    }
    // ...and the same node stores the photo and sends the alert.
    let photo = app
        .put_bytes(
            &format!("/api/v1/cases/{id}/photo"),
            Some(&family),
            "image/jpeg",
            phone_photo(1600, 2000),
        )
        .await;
    assert_eq!(photo.status(), StatusCode::OK);
    crate::common::confirmed_zone(&app, "vecina@example.org", -17.39, -66.16, 5.0).await;
    app.publish(&police, id).await;
    while app.send_round().await > 0 {}
    smtp.wait_for_kind("vecina@example.org", "alert").await;
    app.stop().await;
}

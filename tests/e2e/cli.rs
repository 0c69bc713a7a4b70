//! The `alerta` binary itself, as the README tells people to run it.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;

fn alerta(dir: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_alerta"));
    command
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default());
    command
}

#[tokio::test]
async fn serve_runs_with_no_settings_on_sqlite_under_data() {
    let dir = tempfile::tempdir().unwrap();
    // Everything default but the port, so parallel runs do not collide.
    let mut child = alerta(dir.path())
        .arg("serve")
        .env("ALERTA_BIND", "127.0.0.1:0")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let started = Instant::now();
    let address = loop {
        let line = lines
            .next()
            .expect("the server logs until it listens")
            .unwrap();
        if let Some(rest) = line.split("listening on http://").nth(1) {
            break rest.split_whitespace().next().unwrap().to_string();
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no 'listening on' line"
        );
    };
    let health = reqwest::get(format!("http://{address}/healthz"))
        .await
        .unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(health.status(), reqwest::StatusCode::OK);
    assert!(
        dir.path().join("data/alerta.db").exists(),
        "the default database lives under ./data"
    );
}

#[tokio::test]
async fn migrate_users_add_and_demo_work_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database_url(dir.path()).await;
    let run = |args: &[&str], password: Option<&str>| {
        let mut command = alerta(dir.path());
        command
            .args(args)
            .env("ALERTA_DATABASE_URL", &url)
            .stdin(Stdio::null());
        if let Some(password) = password {
            command.env("ALERTA_PASSWORD", password);
        }
        command.output().unwrap()
    };

    let migrated = run(&["migrate"], None);
    assert!(
        migrated.status.success(),
        "{}",
        String::from_utf8_lossy(&migrated.stderr)
    );

    let added = run(
        &[
            "users",
            "add",
            "--email",
            "Jefa@Policia.example",
            "--role",
            "police",
            "--org",
            "FELCC",
        ],
        Some(PASSWORD),
    );
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    assert!(String::from_utf8_lossy(&added.stdout).contains("police"));

    let again = run(
        &[
            "users",
            "add",
            "--email",
            "jefa@policia.example",
            "--role",
            "police",
        ],
        Some(PASSWORD),
    );
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("email is already taken"));

    let bad_role = run(
        &[
            "users",
            "add",
            "--email",
            "x@policia.example",
            "--role",
            "chief",
        ],
        Some(PASSWORD),
    );
    assert!(
        String::from_utf8_lossy(&bad_role.stderr)
            .contains("--role must be admin, police or family")
    );

    let short = run(
        &[
            "users",
            "add",
            "--email",
            "y@policia.example",
            "--role",
            "family",
        ],
        Some("short"),
    );
    assert!(String::from_utf8_lossy(&short.stderr).contains("password"));

    let no_password = run(
        &[
            "users",
            "add",
            "--email",
            "z@policia.example",
            "--role",
            "family",
        ],
        None,
    );
    assert!(String::from_utf8_lossy(&no_password.stderr).contains("ALERTA_PASSWORD"));

    // The demo fills only an empty database.
    let demo = run(&["demo"], None);
    assert!(!demo.status.success());
    assert!(String::from_utf8_lossy(&demo.stderr).contains("already has accounts"));
}

#[tokio::test]
async fn demo_fills_an_empty_database_with_cases_in_several_languages() {
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database_url(dir.path()).await;
    let output = alerta(dir.path())
        .arg("demo")
        .env("ALERTA_DATABASE_URL", &url)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("policia@demo.alerta"));

    let store = alerta_store::Store::connect(&url, &alerta_places::WORLD)
        .await
        .unwrap();
    let counts = store.counts().await.unwrap();
    assert_eq!(
        (
            counts.users,
            counts.cases_draft,
            counts.cases_active,
            counts.cases_resolved
        ),
        (3, 1, 3, 1)
    );
    let filter = alerta_store::CaseFilter {
        statuses: vec![alerta_core::CaseStatus::Active],
        limit: 10,
        ..Default::default()
    };
    let active = store.list_cases(&filter).await.unwrap();
    let names: Vec<String> = active.iter().map(|c| c.details.full_name()).collect();
    assert!(names.iter().any(|n| n.contains("Gonçalves")), "{names:?}");
    assert!(
        active.iter().all(|c| c.has_photo),
        "every demo case shows a drawn portrait"
    );
    assert!(names.iter().any(|n| n.contains("Anaïs")), "{names:?}");
}

#[tokio::test]
async fn poster_writes_a_stored_case_or_a_json_file_to_disk() {
    let app = spawn_app().await;
    let family = app.user(alerta_core::Role::Family).await;
    let id = app.create_case(&family, &valid_case()).await;
    let dir = tempfile::tempdir().unwrap();

    let out = alerta(dir.path())
        .args(["poster", "--case", &id.to_string(), "--lang", "pt"])
        .args(["--paper", "letter", "-o", "poster.pdf"])
        .env("ALERTA_DATABASE_URL", &app.database_url)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = std::fs::read(dir.path().join("poster.pdf")).unwrap();
    let text = crate::posters::poppler("pdftotext", &pdf);
    assert!(text.starts_with("DESAPARECIDA"), "{text}");
    assert!(text.contains(&format!("Caso n.º {id}")), "{text}");
    assert!(crate::posters::poppler("pdfinfo", &pdf).contains("(letter)"));

    // A designer's file, no database: the example shipped in docs/.
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/examples/poster.json");
    let out = alerta(dir.path())
        .args(["poster", "--json", example, "-o", "card.png"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let card = image::open(dir.path().join("card.png")).unwrap();
    assert_eq!((card.width(), card.height()), (1080, 1350));

    // A mistake in the file is named, field by field.
    let broken = dir.path().join("broken.json");
    std::fs::write(
        &broken,
        r#"{"case": {"given_name": "Ana", "sex": "female", "age": 9}}"#,
    )
    .unwrap();
    let out = alerta(dir.path())
        .args(["poster", "--json", broken.to_str().unwrap(), "-o", "x.pdf"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let error = String::from_utf8_lossy(&out.stderr);
    assert!(error.contains("case.family_name: is required"), "{error}");
    assert!(error.contains("case.contact_phone: is required"), "{error}");
    assert!(!dir.path().join("x.pdf").exists());
}

#[test]
fn dkim_generate_writes_a_private_key_and_prints_its_record() {
    let dir = tempfile::tempdir().unwrap();
    let run = |algorithm: &str, file: &str| {
        alerta(dir.path())
            .args([
                "dkim",
                "generate",
                "--selector",
                "s2026",
                "--domain",
                "alerta.example",
            ])
            .args(["--algorithm", algorithm, "-o", file])
            .output()
            .unwrap()
    };
    for (algorithm, file) in [("rsa", "rsa.pem"), ("ed25519", "ed.pem")] {
        let out = run(algorithm, file);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let printed = String::from_utf8(out.stdout).unwrap();
        let pem = std::fs::read_to_string(dir.path().join(file)).unwrap();
        // The record printed is the key's (the strings DNS joins, joined).
        let record = alerta_notify::dkim::dns_record(&pem).unwrap();
        let line = printed
            .lines()
            .find(|l| l.starts_with("s2026._domainkey.alerta.example. IN TXT "))
            .unwrap_or_else(|| panic!("{printed}"));
        let joined: String = line.split('"').skip(1).step_by(2).collect();
        assert_eq!(joined, record);
        assert!(printed.contains("ALERTA_DKIM_SELECTOR=s2026"), "{printed}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join(file))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o077, 0, "only its owner reads the key");
        }
        // A key is never overwritten.
        let again = run(algorithm, file);
        assert!(!again.status.success());
        assert_eq!(std::fs::read_to_string(dir.path().join(file)).unwrap(), pem);
    }
}

#[tokio::test]
async fn partners_are_added_and_listed_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database_url(dir.path()).await;
    let run = |args: &[&str]| {
        alerta(dir.path())
            .args(args)
            .env("ALERTA_DATABASE_URL", &url)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    };
    assert!(run(&["migrate"]).status.success());
    let added = run(&[
        "partners",
        "add",
        "--name",
        "Puesto fronterizo de Desaguadero",
        "--kind",
        "border_post",
        "--email",
        "frontera@example.org",
        "--place",
        "Desaguadero, BO",
    ]);
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    let by_point = run(&[
        "partners",
        "add",
        "--name",
        "Terminal de Buses",
        "--kind",
        "bus_terminal",
        "--email",
        "terminal@example.org",
        "--lat",
        "-17.4035",
        "--lng",
        "-66.1610",
        "--language",
        "pt",
    ]);
    assert!(
        by_point.status.success(),
        "{}",
        String::from_utf8_lossy(&by_point.stderr)
    );
    let refused = run(&[
        "partners",
        "add",
        "--name",
        "Iglesia",
        "--kind",
        "church",
        "--email",
        "iglesia@example.org",
        "--place",
        "Cochabamba",
    ]);
    assert!(!refused.status.success());
    let why = String::from_utf8_lossy(&refused.stderr);
    assert!(why.contains("kind") && why.contains("border_post"), "{why}");

    let listed = run(&["partners", "list"]);
    let listed = String::from_utf8_lossy(&listed.stdout);
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 2, "{listed}");
    assert!(lines[0].contains("border_post\tPuesto fronterizo de Desaguadero\tDesaguadero, BO"));
    assert!(
        lines[1]
            .contains("bus_terminal\tTerminal de Buses\t-17.40350, -66.16100 (within 1 km)\tpt")
    );
}

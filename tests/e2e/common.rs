use std::sync::Arc;
use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};

use alerta::Settings;
use alerta::app::{self, Running};
use alerta_core::Role;
use alerta_store::{Counts, Store};
use chrono::Utc;
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};
use sqlx::Connection;

pub const PASSWORD: &str = "correct horse battery";

pub struct TestApp {
    pub base: String,
    pub database_url: String,
    pub http: reqwest::Client,
    pub store: Store,
    /// The commands of the running app: what tests change state through.
    pub app: alerta_app::Alerta,
    clock_offset_ms: Arc<AtomicI64>,
    running: Option<Running>,
    _dir: tempfile::TempDir,
}

/// A signed-in account.
#[derive(Clone)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub token: String,
}

static NEXT_USER: AtomicUsize = AtomicUsize::new(1);

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Like [`spawn_app`], with settings changed by `configure` first.
pub async fn spawn_app_with(configure: impl FnOnce(&mut Settings)) -> TestApp {
    spawn_app_sending(configure, app::Sending::Background).await
}

/// Like [`spawn_app_with`], with no sender in the background: the test
/// runs each round of the outbox itself ([`TestApp::send_round`]), so what
/// it checks after a round is what that round did, whatever the timing.
pub async fn spawn_app_sending_by_hand(configure: impl FnOnce(&mut Settings)) -> TestApp {
    spawn_app_sending(configure, app::Sending::ByHand).await
}

async fn spawn_app_sending(
    configure: impl FnOnce(&mut Settings),
    sending: app::Sending,
) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let database_url = fresh_database_url(dir.path()).await;
    let mut settings = Settings {
        database_url,
        bind: "127.0.0.1:0".into(),
        public_url: "http://alerta.test".into(),
        data_dir: dir.path().to_path_buf(),
        ..Settings::default()
    };
    configure(&mut settings);
    let database_url = settings.database_url.clone();
    let offset = Arc::new(AtomicI64::new(0));
    let clock_offset = offset.clone();
    let clock: alerta_web::Clock = Arc::new(move || {
        Utc::now() + chrono::Duration::milliseconds(clock_offset.load(Ordering::SeqCst))
    });
    let running = app::start_sending(&settings, clock, sending)
        .await
        .expect("app starts");
    TestApp {
        base: format!("http://{}", running.addr),
        database_url,
        http: reqwest::Client::new(),
        store: running.store.clone(),
        app: running.app.clone(),
        clock_offset_ms: offset,
        running: Some(running),
        _dir: dir,
    }
}

/// A fresh database: a SQLite file in `dir`, or a new database on the
/// PostgreSQL server named by ALERTA_TEST_DATABASE_URL.
/// A port nothing listens on now (the OS's pick), for a server to come.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub async fn fresh_database_url(dir: &std::path::Path) -> String {
    match std::env::var("ALERTA_TEST_DATABASE_URL") {
        Ok(server) if server.starts_with("postgres") => fresh_postgres_database(&server).await,
        _ => format!("sqlite://{}/alerta.db", dir.display()),
    }
}

/// A new, empty database on the PostgreSQL server of `server_url`.
async fn fresh_postgres_database(server_url: &str) -> String {
    let name = format!("alerta_test_{}_{}", std::process::id(), rand_suffix());
    let mut conn = sqlx::PgConnection::connect(server_url)
        .await
        .expect("PostgreSQL answers");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut conn)
        .await
        .unwrap();
    let (without_query, query) = server_url
        .split_once('?')
        .map_or((server_url, None), |(a, b)| (a, Some(b)));
    let base = without_query
        .rsplit_once('/')
        .map_or(without_query, |(base, _)| base);
    match query {
        Some(query) => format!("{base}/{name}?{query}"),
        None => format!("{base}/{name}"),
    }
}

fn rand_suffix() -> u64 {
    use std::hash::{BuildHasher, RandomState};
    RandomState::new().hash_one(std::time::SystemTime::now())
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// One round of the outbox, as the background sender runs it: the rows
    /// due by the app's clock are claimed, sent and recorded. Answers how
    /// many it handled.
    pub async fn send_round(&self) -> usize {
        let sender = &self.running.as_ref().expect("running").sender;
        sender.drain_once().await.expect("a round of the outbox")
    }

    /// Moves the app's clock forward.
    pub fn advance(&self, by: chrono::Duration) {
        self.clock_offset_ms
            .fetch_add(by.num_milliseconds(), Ordering::SeqCst);
    }

    pub async fn counts(&self) -> Counts {
        self.store.counts().await.unwrap()
    }

    /// Creates an account of `role` and signs it in through the API.
    pub async fn user(&self, role: Role) -> User {
        let n = NEXT_USER.fetch_add(1, Ordering::SeqCst);
        let email = format!("{}{n}@example.org", role.as_str());
        let org = role.is_police().then_some("Policía de Prueba");
        self.signed_in_user(email, role, org).await
    }

    /// Creates the account and signs it in through the API.
    async fn signed_in_user(&self, email: String, role: Role, org: Option<&str>) -> User {
        let id = self
            .app
            .add_user(&email, PASSWORD, role, org)
            .await
            .unwrap()
            .id;
        let token = self.sign_in(&email, PASSWORD).await;
        User {
            id: id.0,
            email,
            token,
        }
    }

    /// A signed-in officer of the organisation `organisation`, which acts in
    /// `jurisdiction` (codes as `alerta orgs add` takes them; "" anywhere).
    pub async fn officer_of(&self, organisation: &str, jurisdiction: &str) -> User {
        self.app
            .put_organisation(organisation, jurisdiction, None)
            .await
            .unwrap();
        let n = NEXT_USER.fetch_add(1, Ordering::SeqCst);
        let email = format!("agente{n}@example.org");
        self.signed_in_user(email, Role::Police, Some(organisation))
            .await
    }

    pub async fn sign_in(&self, email: &str, password: &str) -> String {
        let response = self
            .post(
                "/api/v1/sessions",
                None,
                &json!({ "email": email, "password": password }),
            )
            .await;
        assert_eq!(response.status(), StatusCode::CREATED);
        response.json::<Value>().await.unwrap()["token"]
            .as_str()
            .unwrap()
            .to_string()
    }

    fn with_token(
        request: reqwest::RequestBuilder,
        user: Option<&User>,
    ) -> reqwest::RequestBuilder {
        match user {
            Some(user) => request.bearer_auth(&user.token),
            None => request,
        }
    }

    pub async fn get(&self, path: &str, user: Option<&User>) -> Response {
        Self::with_token(self.http.get(self.url(path)), user)
            .send()
            .await
            .unwrap()
    }

    /// Posts `body` as JSON. A police action on a case (publish, resolve,
    /// widen, notify-update) names the version of the case it acts on; when
    /// `body` does not, the case's current version is added, as a client
    /// that has just read the case would send it.
    pub async fn post(&self, path: &str, user: Option<&User>, body: &Value) -> Response {
        let mut body = body.clone();
        if let Some(case) = reviewed_action_case(path)
            && body.is_object()
            && body.get("version").is_none()
        {
            body["version"] = json!(self.current_version(case).await);
        }
        Self::with_token(self.http.post(self.url(path)), user)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    /// The case's version as stored now.
    pub async fn current_version(&self, case: i64) -> i64 {
        self.store
            .case(alerta_core::CaseId(case))
            .await
            .map_or(0, |c| c.version)
    }

    pub async fn put(&self, path: &str, user: Option<&User>, body: &Value) -> Response {
        Self::with_token(self.http.put(self.url(path)), user)
            .json(body)
            .send()
            .await
            .unwrap()
    }

    pub async fn put_bytes(
        &self,
        path: &str,
        user: Option<&User>,
        content_type: &str,
        body: Vec<u8>,
    ) -> Response {
        Self::with_token(self.http.put(self.url(path)), user)
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap()
    }

    /// Registers `body` as `user` and answers the new case's id.
    pub async fn create_case(&self, user: &User, body: &Value) -> i64 {
        let response = self
            .post("/api/v1/cases?confirm_duplicate=true", Some(user), body)
            .await;
        assert_eq!(
            response.status(),
            StatusCode::CREATED,
            "{}",
            response.text().await.unwrap()
        );
        response.json::<Value>().await.unwrap()["id"]
            .as_i64()
            .unwrap()
    }

    pub async fn publish(&self, police: &User, id: i64) {
        let response = self
            .post(
                &format!("/api/v1/cases/{id}/publish"),
                Some(police),
                &json!({ "version": self.current_version(id).await }),
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "{}",
            response.text().await.unwrap()
        );
    }

    /// Publishes case `id` as `police`; answers how many the alert went to.
    pub async fn publish_reaching(&self, police: &User, id: i64) -> i64 {
        let response = self
            .post(
                &format!("/api/v1/cases/{id}/publish"),
                Some(police),
                &json!({}),
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        body(response).await["recipients"].as_i64().unwrap()
    }

    /// Widens case `id` as `police` with `wider` (`alert_radius_km`,
    /// `alert_route_width_km`); answers the response.
    pub async fn widen(&self, police: &User, id: i64, wider: &Value) -> Response {
        self.post(&format!("/api/v1/cases/{id}/widen"), Some(police), wider)
            .await
    }

    /// Takes case `id` out of public view, as `police` (the command itself).
    pub async fn hide(&self, police: &User, id: i64) {
        let officer = self
            .store
            .actor(alerta_core::UserId(police.id))
            .await
            .unwrap();
        self.app
            .set_hidden(&officer, alerta_core::CaseId(id), true)
            .await
            .unwrap();
    }

    pub async fn stop(mut self) {
        if let Some(running) = self.running.take() {
            running.stop().await.unwrap();
        }
    }
}

/// The case a police action's path names (`/api/v1/cases/{id}/publish`,
/// `…/resolve`, `…/widen`, `…/notify-update`), if it is one.
fn reviewed_action_case(path: &str) -> Option<i64> {
    let rest = path.split('?').next()?.strip_prefix("/api/v1/cases/")?;
    let (id, action) = rest.split_once('/')?;
    matches!(action, "publish" | "resolve" | "widen" | "notify-update")
        .then(|| id.parse().ok())
        .flatten()
}

/// A complete, valid case body.
pub fn valid_case() -> Value {
    json!({
        "given_name": "María José",
        "family_name": "Quispe Mamani",
        "sex": "female",
        "birth_date": "2011-03-14",
        "height_cm": 152,
        "hair": "negro, largo",
        "clothing": "Chompa roja, pantalón jean azul",
        "circumstances": "Salió del colegio a las 18:30 y no llegó a su casa.",
        "last_seen_at": "2026-11-20T18:30:00-04:00",
        "last_seen_place": "Plaza 14 de Septiembre, Cochabamba",
        "last_seen": { "lat": -17.3935, "lng": -66.157 },
        "contact_phone": "+591 4 4221111",
    })
}

/// `valid_case()` for a different person.
pub fn another_case(given_name: &str) -> Value {
    let mut case = valid_case();
    case["given_name"] = json!(given_name);
    case
}

pub async fn body(response: Response) -> Value {
    response.json().await.unwrap()
}

/// A small real JPEG.
pub fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let image = image::DynamicImage::ImageRgb8(image::ImageBuffer::from_pixel(
        width,
        height,
        image::Rgb([180, 40, 40]),
    ));
    let mut out = std::io::Cursor::new(Vec::new());
    image.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

/// A phone photo (3000 × 4000 is 12 megapixels): gradients, a face-like patch and sensor
/// grain, encoded as a phone camera does (quality 92), so that it weighs
/// and compresses like a real one.
pub fn phone_photo(width: u32, height: u32) -> Vec<u8> {
    let mut seed = 0x2545_f491_u32;
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let grain = (seed % 24) as i32 - 12;
        let fx = x as f32 / width as f32;
        let fy = y as f32 / height as f32;
        let face = ((fx - 0.5).powi(2) + (fy - 0.35).powi(2) < 0.05) as i32 * 60;
        let channel = |base: f32| (base as i32 + face + grain).clamp(0, 255) as u8;
        image::Rgb([
            channel(90.0 + 120.0 * fx),
            channel(70.0 + 100.0 * fy),
            channel(60.0 + 60.0 * (fx * 9.0).sin()),
        ])
    });
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 92)
        .encode_image(&image)
        .unwrap();
    bytes
}

/// Volunteers with a 5 km zone in Cochabamba, imported as vouched for
/// (`alerta volunteers import --confirmed`): confirmed, and no
/// confirmation mail.
pub async fn vouched_volunteers(app: &TestApp, emails: &[&str]) {
    let batch: Vec<_> = emails
        .iter()
        .map(|email| {
            let input = alerta_core::SubscriptionInput {
                email: Some(email.to_string()),
                language: None,
                zone: Some(alerta_core::ZoneInput {
                    lat: Some(-17.39),
                    lng: Some(-66.16),
                    radius_km: Some(5.0),
                    ..Default::default()
                }),
                poster: None,
            };
            alerta_core::NewSubscription::parse(&input, &alerta_places::WORLD).unwrap()
        })
        .collect();
    app.app.import_volunteers(&batch, true).await.unwrap();
    app.app.finish_volunteer_import().await.unwrap();
}

/// A confirmed volunteer with one zone, made through the store's own steps.
pub async fn confirmed_zone(app: &TestApp, email: &str, lat: f64, lng: f64, radius_km: f64) {
    let input = alerta_core::SubscriptionInput {
        email: Some(email.into()),
        language: None,
        zone: Some(alerta_core::ZoneInput {
            lat: Some(lat),
            lng: Some(lng),
            radius_km: Some(radius_km),
            ..Default::default()
        }),
        poster: None,
    };
    let subscription = alerta_core::NewSubscription::parse(&input, &alerta_places::WORLD).unwrap();
    // The app's clock, which a test may have moved on.
    let now = app.app.now();
    app.store
        .subscribe(&subscription, now, chrono::Duration::zero())
        .await
        .unwrap();
    let token = format!("edge-test-{email}");
    let hash = alerta_web::auth::token_hash(&token);
    let id = app.store.volunteer_by_email(email).await.unwrap().unwrap();
    app.store
        .add_volunteer_token(
            id,
            alerta_store::TokenPurpose::Confirm,
            &hash,
            now,
            now + chrono::Duration::hours(1),
        )
        .await
        .unwrap();
    assert_eq!(app.app.confirm(&hash).await.unwrap(), Some(id));
}

/// Opens a mailed confirmation link as a person does: the page it shows
/// (which confirms nothing, as a mail scanner's visit must not), then its
/// button. Answers the last page's status and text.
pub async fn confirm_link(app: &TestApp, path: &str) -> (StatusCode, String) {
    let browser = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let page = browser.get(app.url(path)).send().await.unwrap();
    let (status, html) = (page.status(), page.text().await.unwrap());
    if status != StatusCode::OK {
        return (status, html);
    }
    let marker = "name=\"csrf\" value=\"";
    let start = html.find(marker).expect("a confirmation button") + marker.len();
    let csrf = html[start..].split('"').next().unwrap();
    let confirmed = browser
        .post(app.url(path))
        .form(&[("csrf", csrf)])
        .send()
        .await
        .unwrap();
    (confirmed.status(), confirmed.text().await.unwrap())
}

/// Waits until no mail is waiting or on its way: every row of the outbox
/// sent, failed or withdrawn (a row due later, a retry or a digest, counts
/// as waiting). What "mailed once" is checked after.
pub async fn wait_for_outbox_drained(app: &TestApp) {
    let started = std::time::Instant::now();
    let horizon = chrono::Utc::now() + chrono::Duration::days(1);
    while app.store.outbox_due(horizon, 1).await.unwrap() > 0 {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(30),
            "the outbox never drained"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

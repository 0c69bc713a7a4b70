//! The pages in a real headless Chromium (Debian's chromium and
//! chromium-driver, driven through WebDriver by fantoccini), against a running
//! server with a real SMTP server: the whole life of a case as its users live
//! it, on a 320-pixel-wide phone screen. Screenshots of every step land in
//! `target/browser-screenshots/` as test artefacts.

use crate::common::free_port;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use alerta_core::Role;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

use crate::common::{PASSWORD, TestApp, jpeg, spawn_app_with};
use crate::smtp::SmtpServer;

/// A chromedriver process and one browser session on a phone-sized screen.
pub(crate) struct Browser {
    pub(crate) client: Client,
    driver: Child,
    app_base: String,
    shots: PathBuf,
    test: &'static str,
}

const PHONE_WIDTH: u32 = 320;

impl Browser {
    pub(crate) async fn open(app: &TestApp, test: &'static str) -> Browser {
        let driver_path = std::env::var("ALERTA_TEST_CHROMEDRIVER")
            .unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let port = free_port();
        let driver = Command::new(&driver_path)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("{driver_path} does not start ({e}): scripts/test installs chromium and chromium-driver")
            });
        let url = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        while reqwest::get(format!("{url}/status")).await.is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "chromedriver never answered"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let chromium =
            std::env::var("ALERTA_TEST_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": chromium,
                // No sandbox: CI runs as root. No background networking: this
                // machine's network is closed, and Chromium's own calls home
                // would only fail.
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--disable-background-networking", "--disable-component-update",
                         "--disable-sync", "--no-first-run", "--disable-quic"],
                // A phone set to Bolivian Spanish: the pages follow its Accept-Language.
                "prefs": { "intl.accept_languages": "es-BO,es" },
                "mobileEmulation": {
                    "deviceMetrics": { "width": PHONE_WIDTH, "height": 640, "pixelRatio": 1.0, "touch": true }
                }
            }),
        );
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(capabilities)
            .connect(&url)
            .await
            .expect("a Chromium session");
        let shots = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/browser-screenshots");
        std::fs::create_dir_all(&shots).unwrap();
        Browser {
            client,
            driver,
            app_base: app.base.clone(),
            shots,
            test,
        }
    }

    pub(crate) async fn goto(&self, path: &str) {
        let path = path.replace("http://alerta.test", "");
        self.client
            .goto(&format!("{}{path}", self.app_base))
            .await
            .unwrap();
    }

    /// Opens a file of this machine (a mail's HTML part written to disk).
    pub(crate) async fn open_file(&self, path: &std::path::Path) {
        self.client
            .goto(&format!("file://{}", path.display()))
            .await
            .unwrap();
    }

    pub(crate) async fn fill(&self, name: &str, value: &str) {
        let field = self
            .client
            .find(Locator::Css(&format!("[name=\"{name}\"]")))
            .await
            .unwrap_or_else(|e| panic!("no field {name}: {e}"));
        field.clear().await.ok();
        field.send_keys(value).await.unwrap();
    }

    pub(crate) async fn choose(&self, name: &str, value: &str) {
        self.client
            .find(Locator::Css(&format!("select[name=\"{name}\"]")))
            .await
            .unwrap()
            .select_by_value(value)
            .await
            .unwrap();
    }

    /// Clicks the submit button of the form around field or button `selector`
    /// and waits for the next page.
    pub(crate) async fn submit(&self, selector: &str) {
        let before = self.client.current_url().await.unwrap();
        let marker: serde_json::Value = self
            .client
            // Blurred first: a field's open suggestion list would take the click.
            .execute(
                "document.activeElement && document.activeElement.blur(); document.body.dataset.old = '1'; return true;",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(marker, json!(true));
        // In the middle of the screen: a button at its bottom edge would
        // take the click on a part that is not shown.
        self.client
            .execute(
                "document.querySelector(arguments[0]).scrollIntoView({block: 'center'});",
                vec![json!(selector)],
            )
            .await
            .unwrap();
        self.client
            .find(Locator::Css(selector))
            .await
            .unwrap_or_else(|e| panic!("no {selector}: {e}"))
            .click()
            .await
            .unwrap();
        // A new document has no mark; the URL may be the same (a form re-shown).
        let started = Instant::now();
        loop {
            let old = self
                .client
                .execute(
                    "return document.body && document.body.dataset.old === '1';",
                    vec![],
                )
                .await
                .unwrap_or(json!(true));
            if old == json!(false) {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "no page came after {before}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub(crate) async fn text(&self) -> String {
        self.client
            .find(Locator::Css("body"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }

    pub(crate) async fn path(&self) -> String {
        self.client.current_url().await.unwrap().path().to_string()
    }

    /// Saves a screenshot, checks the page fits the phone's width, and has
    /// axe-core check it.
    pub(crate) async fn step(&self, name: &str) {
        let png = self.client.screenshot().await.unwrap();
        std::fs::write(self.shots.join(format!("{}-{name}.png", self.test)), png).unwrap();
        let widths = self
            .client
            .execute(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];",
                vec![],
            )
            .await
            .unwrap();
        let (scroll, client) = (widths[0].as_i64().unwrap(), widths[1].as_i64().unwrap());
        assert!(
            scroll <= client,
            "{name}: the page is {scroll} px wide on a {client} px screen (horizontal scroll)"
        );
        // Every page a step shows is checked by axe-core (a mail opened
        // from a file is not a page of ours).
        let url = self.client.current_url().await.unwrap();
        if url.scheme() != "file" {
            let problems = self.accessibility_problems().await;
            assert!(
                problems.is_empty(),
                "{name} ({}): axe-core finds\n  {}",
                url.path(),
                problems.join("\n  ")
            );
        }
    }

    /// What axe-core (npm's, injected into the page) finds serious or
    /// critical on the page as it stands: "rule: help (where)" each.
    pub(crate) async fn accessibility_problems(&self) -> Vec<String> {
        let axe = std::env::var("ALERTA_TEST_AXE")
            .expect("ALERTA_TEST_AXE names axe.min.js (scripts/test installs axe-core)");
        let source = std::fs::read_to_string(&axe).expect("axe.min.js is readable");
        self.client.execute(&source, vec![]).await.unwrap();
        let found = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { resultTypes: ['violations'] }).then((r) => done(
                   r.violations
                     .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                     .map((v) => v.id + ': ' + v.help + ' (' +
                       v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ') + ')')));",
                vec![],
            )
            .await
            .unwrap();
        serde_json::from_value(found).unwrap()
    }

    /// Screenshots of a whole long page, a screen at a time from the top
    /// (`name-1.png`, `name-2.png`, …, at most `screens`), and the width check.
    pub(crate) async fn step_whole(&self, name: &str, screens: usize) {
        self.step(name).await;
        let height = self
            .client
            .execute("return document.documentElement.scrollHeight;", vec![])
            .await
            .unwrap()
            .as_i64()
            .unwrap_or(0);
        let screen = 600;
        for n in 1..screens {
            let top = n as i64 * screen;
            if top >= height {
                break;
            }
            self.client
                .execute(&format!("window.scrollTo(0, {top});"), vec![])
                .await
                .unwrap();
            let png = self.client.screenshot().await.unwrap();
            let file = format!("{}-{name}-{}.png", self.test, n + 1);
            std::fs::write(self.shots.join(file), png).unwrap();
        }
    }

    pub(crate) async fn close(mut self) {
        self.client.close().await.ok();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// The whole life of a case, from a volunteer subscribing to the person found.
#[tokio::test]
async fn a_case_from_subscription_to_found_in_a_real_browser() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| s.smtp_url = Some(smtp.url())).await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let browser = Browser::open(&app, "flow").await;

    // A volunteer subscribes from a phone and confirms from the mailed link.
    browser.goto("/subscribe").await;
    browser.fill("email", "vecina@example.org").await;
    browser.fill("place", "Cochabamba").await;
    browser.step("1-subscribe-form").await;
    browser.submit("form.stack button[type=submit]").await;
    let sent = browser.text().await;
    assert!(sent.contains("Revisa tu correo"), "{sent}");
    browser.step("2-subscribe-sent").await;
    let confirm = smtp.wait_for("vecina@example.org", 1).await.remove(0);
    browser
        .goto(&confirm.link("http://alerta.test/subscriptions/confirm"))
        .await;
    assert!(browser.text().await.contains("Confirma tu suscripción"));
    browser.step("3-confirm-button").await;
    browser.submit("form.stack button[type=submit]").await;
    let confirmed = browser.text().await;
    assert!(confirmed.contains("Suscripción confirmada"), "{confirmed}");
    assert!(confirmed.contains("Cochabamba, BO · 10 km"), "{confirmed}");
    browser.step("3-confirmed").await;

    // A family registers a case with a photo.
    let photo = tempfile::NamedTempFile::with_suffix(".jpg").unwrap();
    std::fs::write(photo.path(), jpeg(900, 1200)).unwrap();
    browser.goto("/login").await;
    browser.fill("email", &family.email).await;
    browser.fill("password", PASSWORD).await;
    browser.submit("form.stack button[type=submit]").await;
    assert_eq!(browser.path().await, "/family");
    browser.goto("/family/cases/new").await;
    // The clothing is left out at first: the form comes back for it.
    for (name, value) in [
        ("given_name", "Rosa Elena"),
        ("family_name", "Choque Vargas"),
        ("age", "16"),
        ("last_seen_place", "Mercado La Cancha"),
        ("town", "Cochabamba"),
        ("circumstances", "Salió a comprar pan y no volvió."),
        ("contact_phone", "+591 4 4221111"),
    ] {
        browser.fill(name, value).await;
    }
    browser.choose("sex", "female").await;
    // Not the browser's own offset (UTC here): the returned form must keep it.
    browser.choose("tz", "-04:00").await;
    // A datetime-local input takes the digits as typed in the page's locale order;
    // set its value the way a date picker would.
    browser
        .client
        .execute(
            "document.querySelector('[name=last_seen_at]').value = arguments[0]; return true;",
            vec![json!("2026-11-20T18:30")],
        )
        .await
        .unwrap();
    browser
        .client
        .find(Locator::Css("input[type=file][name=photo]"))
        .await
        .unwrap()
        .send_keys(photo.path().to_str().unwrap())
        .await
        .unwrap();
    browser.step("4-family-form").await;
    // The browser's own check would stop the form; the server's is the one tested.
    browser
        .client
        .execute(
            "document.getElementById('case-form').noValidate = true; return true;",
            vec![],
        )
        .await
        .unwrap();
    browser.submit("#case-form button[type=submit]").await;
    let refused = browser.text().await;
    assert!(
        refused.contains("La foto que elegiste está guardada"),
        "{refused}"
    );
    let tz = browser
        .client
        .execute("return document.querySelector('[name=tz]').value;", vec![])
        .await
        .unwrap();
    assert_eq!(
        tz,
        json!("-04:00"),
        "the page's script left the chosen offset"
    );
    browser.step_whole("4-family-form-refused", 8).await;
    // Only the missing field; the photo is not chosen again.
    browser
        .fill("clothing", "Buzo azul, zapatillas blancas")
        .await;
    browser.submit("#case-form button[type=submit]").await;
    let case_path = browser.path().await;
    assert!(case_path.starts_with("/cases/"), "registered: {case_path}");
    let id: i64 = case_path.trim_start_matches("/cases/").parse().unwrap();
    assert!(
        browser
            .text()
            .await
            .contains("Este caso todavía no es público")
    );
    browser.step("5-family-draft").await;
    browser.submit("form.inline button").await; // sign out

    // Police verify and publish it.
    browser.goto("/login").await;
    browser.fill("email", &police.email).await;
    browser.fill("password", PASSWORD).await;
    browser.submit("form.stack button[type=submit]").await;
    assert_eq!(browser.path().await, "/police");
    browser.step("6-police-queue").await;
    browser
        .client
        .find(Locator::Css(&format!("a[href=\"/police/cases/{id}\"]")))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser
        .client
        .wait()
        .for_element(Locator::Id("reach"))
        .await
        .unwrap();
    let reach = browser
        .client
        .find(Locator::Id("reach"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(reach, "1", "the volunteer of Cochabamba is reached");
    let desk = browser.text().await;
    assert!(
        desk.contains("Buzo azul, zapatillas blancas"),
        "what is verified shows"
    );
    assert!(
        desk.contains("Mercado La Cancha, Cochabamba, Bolivia"),
        "{desk}"
    );
    // Publishing asks once more, with the reach.
    assert!(desk.contains("la alerta va a 1 voluntario."), "{desk}");
    browser
        .client
        .find(Locator::Css("input[name=confirm_reach]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser.step_whole("7-police-desk", 4).await;
    browser
        .submit("form[action$=\"/publish\"] button[type=submit]")
        .await;
    assert!(browser.text().await.contains("Envío de la alerta"));
    browser.step("8-published").await;

    // The volunteer's alert arrives; its link opens the case page.
    let alert = smtp.wait_for("vecina@example.org", 2).await.remove(1);
    assert!(alert.subject().contains("Rosa Elena Choque Vargas"));
    let visitor = Browser::open(&app, "volunteer").await;
    visitor
        .goto(&alert.link(&format!("http://alerta.test/cases/{id}")))
        .await;
    let page = visitor.text().await;
    assert!(page.contains("Rosa Elena Choque Vargas"));
    assert!(page.contains("+591 4 4221111"));
    let photo_loaded = visitor
        .client
        .execute("const i = document.querySelector('.person img'); return !!i && i.complete && i.naturalWidth > 0;", vec![])
        .await
        .unwrap();
    assert_eq!(photo_loaded, json!(true), "the photo shows");
    visitor.step("9-case-page").await;

    // An anonymous tip, read by police.
    visitor
        .fill(
            "message",
            "La vi cerca de la terminal de buses, con una mochila negra.",
        )
        .await;
    visitor.fill("seen_place", "Terminal de buses").await;
    visitor.step("10-tip-form").await;
    visitor.submit("form.stack button[type=submit]").await;
    assert!(visitor.text().await.contains("Tu pista llegó a la policía"));
    visitor.step("11-tip-sent").await;
    browser.goto(&format!("/police/cases/{id}")).await;
    assert!(browser.text().await.contains("mochila negra"));
    browser.step("12-police-reads-tip").await;

    // Police resolve; the public page says found, without the photo.
    browser.choose("outcome", "found_safe").await;
    browser
        .submit("form[action$=\"/resolve\"] button[type=submit]")
        .await;
    visitor.goto(&format!("/cases/{id}")).await;
    let found = visitor.text().await;
    assert!(found.contains("fue encontrada."), "{found}");
    let images = visitor
        .client
        .find_all(Locator::Css("main img"))
        .await
        .unwrap();
    assert!(images.is_empty(), "the photo left public view");
    visitor.step("13-found").await;
    let found_mail = smtp.wait_for("vecina@example.org", 3).await.remove(2);
    assert!(found_mail.subject().contains("Rosa Elena Choque Vargas"));

    // The volunteer unsubscribes by mistake and undoes it on the same page.
    let unsubscribe = found_mail.header("List-Unsubscribe").unwrap();
    visitor
        .goto(
            &unsubscribe
                .trim_matches(['<', '>'])
                .replace("http://alerta.test", ""),
        )
        .await;
    visitor.step("14-unsubscribe").await;
    visitor.submit("form.stack button[type=submit]").await;
    let gone = visitor.text().await;
    assert!(
        gone.contains("Ya no recibirás las alertas de estas zonas"),
        "{gone}"
    );
    visitor.step("15-unsubscribed").await;
    visitor
        .submit("form[action=\"/unsubscribe/undo\"] button[type=submit]")
        .await;
    let back = visitor.text().await;
    assert!(back.contains("volverás a recibir las alertas"), "{back}");
    visitor.step("16-undone").await;

    visitor.close().await;
    browser.close().await;
    app.stop().await;
}

/// Typing a department's name in the region field offers it, and the
/// offered label subscribes to it.
#[tokio::test]
async fn a_region_is_offered_as_its_name_is_typed() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| s.smtp_url = Some(smtp.url())).await;
    let browser = Browser::open(&app, "region").await;
    browser.goto("/subscribe").await;
    browser.fill("email", "cochala@example.org").await;
    browser.fill("region", "Cochab").await;
    let started = Instant::now();
    let offered = loop {
        let offered = browser
            .client
            .execute(
                "const o = document.querySelector('#region-suggestions option'); return o ? o.value : null;",
                vec![],
            )
            .await
            .unwrap();
        if offered != json!(null) || started.elapsed() > Duration::from_secs(10) {
            break offered;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(offered, json!("Cochabamba (BO-C)"));
    browser.step("1-region-offered").await;
    browser.fill("region", "Cochabamba (BO-C)").await;
    browser.submit("form.stack button[type=submit]").await;
    let sent = browser.text().await;
    assert!(sent.contains("Revisa tu correo"), "{sent}");
    let mail = smtp.wait_for("cochala@example.org", 1).await.remove(0);
    assert!(mail.text().contains("Cochabamba (BO-C)"), "{}", mail.text());
    browser.close().await;
    app.stop().await;
}

/// Every public page, and the forms of families and police, in every
/// language, fit a 320-pixel screen, and axe-core finds nothing serious or
/// critical on any of them.
#[tokio::test]
async fn every_page_fits_a_small_phone_and_passes_axe_in_every_language() {
    let app = spawn_app_with(|_| {}).await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let mut case = crate::common::valid_case();
    case["circumstances"] =
        json!("Unapalabramuylargasinespaciosquenocabeenunapantallapequeñadetelefono y más texto.");
    let id = app.create_case(&family, &case).await;
    app.put_bytes(
        &format!("/api/v1/cases/{id}/photo"),
        Some(&family),
        "image/jpeg",
        jpeg(1200, 900),
    )
    .await;
    app.publish(&police, id).await;
    // A found person's page, as the public sees it then.
    let found = app
        .create_case(&family, &crate::common::another_case("Julia"))
        .await;
    app.publish(&police, found).await;
    let second = app
        .create_case(&family, &crate::common::another_case("Ana"))
        .await;
    app.publish(&police, second).await;
    // Its desk with a road, an area and partners' kinds (the map, the facts
    // and the form filled in).
    let officer = app
        .store
        .actor(alerta_core::UserId(police.id))
        .await
        .unwrap();
    let at = |lat, lng| alerta_core::Coordinates { lat, lng };
    let drawn = alerta_core::case::DrawnArea {
        route: vec![at(-17.3895, -66.1568), at(-16.9942, -65.1533)],
        route_width_km: Some(8.0),
        polygon: vec![at(-17.5, -66.2), at(-17.5, -65.6), at(-17.9, -65.9)],
        partner_kinds: vec!["bus_terminal".into(), "hospital".into()],
    };
    let version = app.current_version(second).await;
    app.app
        .draw_alert_area(&officer, alerta_core::CaseId(second), &drawn, Some(version))
        .await
        .unwrap();
    app.app
        .add_partner(&alerta_core::PartnerInput {
            name: Some("Terminal de Buses".into()),
            kind: Some("bus_terminal".into()),
            email: Some("terminal@example.org".into()),
            place: Some("Cochabamba".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    let resolved = app
        .post(
            &format!("/api/v1/cases/{found}/resolve"),
            Some(&police),
            &json!({ "outcome": "found_safe", "version": app.current_version(found).await }),
        )
        .await;
    assert_eq!(resolved.status(), reqwest::StatusCode::OK);

    let browser = Browser::open(&app, "phone").await;
    browser.goto("/login").await;
    browser.fill("email", &police.email).await;
    browser.fill("password", PASSWORD).await;
    browser.submit("form.stack button[type=submit]").await;
    for language in ["es", "pt", "fr", "en"] {
        for (name, path) in [
            ("home", "/".to_string()),
            ("case", format!("/cases/{id}")),
            ("subscribe", "/subscribe".into()),
            ("login", "/login".into()),
            ("stats", "/stats".into()),
            ("case-form", "/family/cases/new".into()),
            ("police", "/police".into()),
            ("desk", format!("/police/cases/{id}")),
            ("road-desk", format!("/police/cases/{second}")),
            ("road-case", format!("/cases/{second}")),
            ("edit", format!("/cases/{id}/edit")),
            ("found", format!("/cases/{found}")),
            ("manage", "/subscriptions/manage".into()),
            ("mine", "/family".into()),
        ] {
            browser.goto(&format!("{path}?lang={language}")).await;
            let lang = browser
                .client
                .execute("return document.documentElement.lang;", vec![])
                .await
                .unwrap();
            assert_eq!(lang, json!(language));
            browser.step(&format!("{language}-{name}")).await;
        }
    }
    // On the smallest phone the home page shows two cases side by side,
    // each from the light copy of its photo.
    // The photos load lazily: the figures are read once the first one has
    // loaded (or failed), not when the document is ready.
    browser.goto("/").await;
    let cards = browser
        .client
        .execute_async(
            r#"
            const done = arguments[arguments.length - 1];
            const cards = [...document.querySelectorAll('.cases .card')];
            const img = document.querySelector('.cases .card img');
            const report = () => done({
              count: cards.length,
              same_row: cards.length >= 2 &&
                cards[0].getBoundingClientRect().top === cards[1].getBoundingClientRect().top,
              photo_width: img ? img.naturalWidth : 0,
            });
            if (!img || img.complete) { report(); } else {
              img.addEventListener('load', report);
              img.addEventListener('error', report);
            }"#,
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(cards["count"], json!(2), "{cards}");
    assert_eq!(cards["same_row"], json!(true), "{cards}");
    let width = cards["photo_width"].as_u64().unwrap();
    assert!((1..=480).contains(&width), "{cards}");
    browser.close().await;

    // The administrators' partners page.
    let admin = app.user(Role::Admin).await;
    let browser = Browser::open(&app, "phone-admin").await;
    browser.goto("/login").await;
    browser.fill("email", &admin.email).await;
    browser.fill("password", PASSWORD).await;
    browser.submit("form.stack button[type=submit]").await;
    for language in ["es", "pt", "fr", "en"] {
        browser
            .goto(&format!("/admin/partners?lang={language}"))
            .await;
        let text = browser.text().await;
        assert!(text.contains("Terminal de Buses"), "{text}");
        browser.step(&format!("{language}-partners")).await;
    }
    browser.close().await;
    app.stop().await;
}

/// Every button style on every background the pages put one on, the red
/// header included: its text passes axe-core's colour contrast, and a
/// filled button stands out from what is around it (WCAG 1.4.11, 3:1).
#[tokio::test]
async fn every_button_style_reads_on_every_background() {
    let app = spawn_app_with(|_| {}).await;
    let browser = Browser::open(&app, "buttons").await;
    browser.goto("/").await;
    let low_contrast = browser
        .client
        .execute(
            r##"
            const backgrounds = ['', 'card', 'notice', 'errors', 'call', 'found', 'kept-photo'];
            const buttons = '<button type="button">Publicar</button> ' +
              '<button type="button" class="secondary">Ampliar</button> ' +
              '<a class="button" href="#">Descargar</a> ' +
              '<a class="button secondary" href="#">Imprimir</a> ' +
              '<button type="button" class="link">Quitar</button> ' +
              '<a class="button call-button" href="#">+591 4 4221111</a>';
            document.querySelector('main').innerHTML = backgrounds.map((b) =>
              '<div class="' + b + '" style="padding:.5rem"><form class="stack"><div>' + buttons + '</div></form>' +
              '<p>' + buttons + '</p></div>').join('');
            document.querySelector('header.top nav').insertAdjacentHTML('beforeend', buttons);
            const rgb = (c) => c.match(/[\d.]+/g).map(Number);
            const luminance = (c) => {
              const [r, g, b] = rgb(c).slice(0, 3).map((v) => {
                v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
              return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            };
            const ratio = (a, b) => {
              const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
              return (x + 0.05) / (y + 0.05);
            };
            const behind = (el) => {
              for (let e = el.parentElement; e; e = e.parentElement) {
                const c = getComputedStyle(e).backgroundColor;
                if (rgb(c).length < 4 || rgb(c)[3] > 0) return c;
              }
              return 'rgb(255, 255, 255)';
            };
            return [...document.querySelectorAll('button, .button')].flatMap((el) => {
              const own = getComputedStyle(el).backgroundColor;
              const filled = rgb(own).length < 4 || rgb(own)[3] > 0;
              const r = filled ? ratio(own, behind(el)) : 3;
              return r < 3 ? [el.className + ' "' + el.textContent + '" on ' + behind(el) + ': ' + r.toFixed(2)] : [];
            });
            "##,
            vec![],
        )
        .await
        .unwrap();
    browser.step("all-styles").await;
    assert_eq!(low_contrast, json!([]), "buttons that do not stand out");
    browser.close().await;
    app.stop().await;
}

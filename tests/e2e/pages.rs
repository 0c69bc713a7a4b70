//! The HTML pages over HTTP, as a browser without JavaScript uses them:
//! languages, forms and their tokens, tips, escaping, sign-in and lock-out.
//! (tests/e2e/browser.rs drives the same pages in a real Chromium.)

use alerta_core::{Language, Role};
use reqwest::StatusCode;
use reqwest::header::{CONTENT_SECURITY_POLICY, LOCATION, SET_COOKIE};
use serde_json::{Value, json};

use crate::common::{
    PASSWORD, TestApp, User, body, jpeg, phone_photo, spawn_app, spawn_app_with, valid_case,
    wait_for_outbox_drained,
};
use crate::smtp::SmtpServer;

/// A browser without JavaScript: keeps cookies, does not follow redirects.
pub struct Visitor {
    http: reqwest::Client,
    base: String,
}

pub struct Page {
    pub status: StatusCode,
    pub html: String,
    pub location: Option<String>,
}

impl Page {
    /// The number of the case a form created (the redirect to its page).
    pub fn created_case(&self) -> i64 {
        let location = self.location.as_deref().expect("a redirect to the case");
        location.trim_start_matches("/cases/").parse().unwrap()
    }

    /// The value of the form token on this page.
    pub fn csrf(&self) -> String {
        self.hidden("csrf").expect("a form with a token")
    }

    /// The value of the first hidden field `name` on this page.
    pub fn hidden(&self, name: &str) -> Option<String> {
        let marker = format!("type=\"hidden\" name=\"{name}\" value=\"");
        let start = self.html.find(&marker)? + marker.len();
        Some(self.html[start..].split('"').next().unwrap().to_string())
    }
}

impl Visitor {
    pub fn new(app: &TestApp) -> Visitor {
        Visitor {
            http: reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            base: app.base.clone(),
        }
    }

    async fn page(response: reqwest::Response) -> Page {
        let status = response.status();
        let location = response
            .headers()
            .get(LOCATION)
            .map(|v| v.to_str().unwrap().to_string());
        Page {
            status,
            html: response.text().await.unwrap(),
            location,
        }
    }

    pub async fn get(&self, path: &str) -> Page {
        Self::page(
            self.http
                .get(format!("{}{path}", self.base))
                .send()
                .await
                .unwrap(),
        )
        .await
    }

    pub async fn get_in(&self, path: &str, accept_language: &str) -> Page {
        let response = self
            .http
            .get(format!("{}{path}", self.base))
            .header("accept-language", accept_language)
            .send()
            .await
            .unwrap();
        Self::page(response).await
    }

    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        let response = self
            .http
            .post(format!("{}{path}", self.base))
            .form(fields)
            .send()
            .await
            .unwrap();
        Self::page(response).await
    }

    /// Fills the form of `form_page` and posts it to `action` with the
    /// page's token and, on a police desk, the version it showed (as its
    /// forms carry them), unless `fields` names them.
    pub async fn submit(&self, form_page: &str, action: &str, fields: &[(&str, &str)]) -> Page {
        let page = self.get(form_page).await;
        // The case page a reader without a session sees is shared: no token.
        let token = page.hidden("csrf");
        let shown: Vec<(&str, String)> = ["version", "reviewed"]
            .into_iter()
            .filter(|name| !fields.iter().any(|(n, _)| n == name))
            .filter_map(|name| page.hidden(name).map(|value| (name, value)))
            .collect();
        let mut all: Vec<(&str, &str)> = token.iter().map(|t| ("csrf", t.as_str())).collect();
        all.extend(shown.iter().map(|(n, v)| (*n, v.as_str())));
        all.extend_from_slice(fields);
        self.post(action, &all).await
    }

    pub async fn sign_in(&self, email: &str) -> Page {
        self.submit(
            "/login",
            "/login",
            &[("email", email), ("password", PASSWORD)],
        )
        .await
    }
}

async fn published_case(app: &TestApp, case: &Value) -> (i64, User) {
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let id = app.create_case(&family, case).await;
    app.publish(&police, id).await;
    (id, police)
}

#[tokio::test]
async fn pages_speak_the_readers_language() {
    let app = spawn_app().await;
    let visitor = Visitor::new(&app);

    let spanish = visitor.get("/").await;
    assert!(spanish.html.contains("<html lang=\"es\""));
    assert!(spanish.html.contains("Personas desaparecidas"));

    let portuguese = Visitor::new(&app)
        .get_in("/", "pt-BR,pt;q=0.9,en;q=0.5")
        .await;
    assert!(portuguese.html.contains("<html lang=\"pt\""));
    assert!(portuguese.html.contains("Pessoas desaparecidas"));

    // The switch wins over the browser, and is remembered.
    let french = visitor.get_in("/subscribe?lang=fr", "en").await;
    assert!(french.html.contains("Recevoir les alertes de ma zone"));
    let later = visitor.get_in("/", "en").await;
    assert!(
        later.html.contains("<html lang=\"fr\""),
        "the choice is kept"
    );
    app.stop().await;
}

/// Every hyphenated message key of the catalogue, which must never show as such.
fn message_keys() -> Vec<String> {
    alerta_i18n::keys(Language::Es)
        .into_iter()
        .filter(|k| k.contains('-'))
        .collect()
}

fn untranslated<'a>(html: &str, keys: &'a [String]) -> Vec<&'a str> {
    keys.iter()
        .filter(|key| {
            html.match_indices(key.as_str()).any(|(at, _)| {
                let before = html[..at].chars().next_back().unwrap_or(' ');
                let after = html[at + key.len()..].chars().next().unwrap_or(' ');
                let word = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
                !word(before) && !word(after)
            })
        })
        .map(String::as_str)
        .collect()
}

#[tokio::test]
async fn every_page_in_every_language_is_translated_and_small() {
    let app = spawn_app().await;
    let (id, police) = published_case(&app, &valid_case()).await;
    let keys = message_keys();
    let officer = Visitor::new(&app);
    assert_eq!(
        officer.sign_in(&police.email).await.status,
        StatusCode::SEE_OTHER
    );
    let anyone = Visitor::new(&app);

    let public = [
        "/".to_string(),
        format!("/cases/{id}"),
        "/subscribe".into(),
        "/login".into(),
        "/?place=Cordoba".into(),
        "/stats".into(),
    ];
    let private = [
        "/police".to_string(),
        format!("/police/cases/{id}"),
        "/family/cases/new".into(),
        format!("/cases/{id}/edit"),
    ];
    for language in ["es", "pt", "fr", "en"] {
        for (visitor, path) in public
            .iter()
            .map(|p| (&anyone, p))
            .chain(private.iter().map(|p| (&officer, p)))
        {
            let separator = if path.contains('?') { '&' } else { '?' };
            let page = visitor
                .get(&format!("{path}{separator}lang={language}"))
                .await;
            assert_eq!(page.status, StatusCode::OK, "{path} in {language}");
            assert!(page.html.contains(&format!("<html lang=\"{language}\"")));
            let missing = untranslated(&page.html, &keys);
            assert!(
                missing.is_empty(),
                "{path} in {language} shows keys {missing:?}"
            );
            assert!(
                page.html.len() < 100 * 1024,
                "{path} in {language} is {} bytes",
                page.html.len()
            );
        }
    }
    app.stop().await;
}

#[tokio::test]
async fn pages_send_the_security_headers() {
    let app = spawn_app_with(|s| s.public_url = "https://alerta.example".into()).await;
    let police = app.user(Role::Police).await;
    let visitor = Visitor::new(&app);
    let response = reqwest::get(app.url("/login")).await.unwrap();
    let policy = response.headers()[CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap();
    assert!(policy.contains("script-src 'self'"));
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    let token_cookie = response.headers()[SET_COOKIE].to_str().unwrap();
    assert!(token_cookie.contains("HttpOnly") && token_cookie.contains("SameSite=Lax"));

    let signed_in = visitor.sign_in(&police.email).await;
    assert_eq!(signed_in.status, StatusCode::SEE_OTHER);
    assert_eq!(signed_in.location.as_deref(), Some("/police"));
    // The session cookie went out Secure over https: check through the raw header.
    let raw = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let login = raw.get(app.url("/login")).send().await.unwrap();
    let csrf_cookie = login.headers()[SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let token = Page {
        status: login.status(),
        location: None,
        html: login.text().await.unwrap(),
    }
    .csrf();
    let response = raw
        .post(app.url("/login"))
        .header("cookie", csrf_cookie)
        .form(&[
            ("csrf", token.as_str()),
            ("email", police.email.as_str()),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    let session = response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap())
        .find(|c| c.starts_with("alerta_session="))
        .expect("a session cookie");
    assert!(
        session.contains("HttpOnly")
            && session.contains("Secure")
            && session.contains("SameSite=Lax")
    );
    app.stop().await;
}

#[tokio::test]
async fn a_form_posted_without_its_token_or_from_another_site_is_refused_and_stores_nothing() {
    let app = spawn_app().await;
    let (id, police) = published_case(&app, &valid_case()).await;
    let visitor = Visitor::new(&app);
    visitor.get(&format!("/cases/{id}")).await;

    // The tip form acts for nobody, and sits on pages without a token: the
    // browser's word that another site sent it is what refuses it.
    let forged = visitor
        .http
        .post(app.url(&format!("/cases/{id}/tips")))
        .header("origin", "https://elsewhere.example")
        .form(&[("message", "Forged")])
        .send()
        .await
        .unwrap();
    let forged = Visitor::page(forged).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert!(
        forged.html.contains("venció"),
        "the page says why, in Spanish"
    );

    let officer = Visitor::new(&app);
    officer.sign_in(&police.email).await;
    let publish = officer
        .post(
            &format!("/police/cases/{id}/resolve"),
            &[("outcome", "found_safe")],
        )
        .await;
    assert_eq!(publish.status, StatusCode::FORBIDDEN);

    let tips = body(
        app.get(&format!("/api/v1/cases/{id}/tips"), Some(&police))
            .await,
    )
    .await;
    assert_eq!(tips, json!([]));
    let case = body(app.get(&format!("/api/v1/cases/{id}"), None).await).await;
    assert_eq!(case["status"], "active");
    app.stop().await;
}

#[tokio::test]
async fn tips_reach_the_police_and_only_them() {
    let app = spawn_app().await;
    let (id, police) = published_case(&app, &valid_case()).await;
    let family = app.user(Role::Family).await;

    let anonymous = app
        .post(
            &format!("/api/v1/cases/{id}/tips"),
            None,
            &json!({
                "message": "La vi en la parada del micro 10.",
                "seen_at": "2026-11-21T08:15:00-04:00",
                "lat": -17.39, "lng": -66.16,
            }),
        )
        .await;
    assert_eq!(anonymous.status(), StatusCode::CREATED);

    let visitor = Visitor::new(&app);
    let sent = visitor
        .submit(
            &format!("/cases/{id}"),
            &format!("/cases/{id}/tips"),
            &[
                ("message", "Estaba con un señor de chompa gris."),
                ("nickname", "Vecina del mercado"),
                ("contact", "+591 700 00000"),
                ("seen_place", "Mercado La Cancha"),
                ("seen_at", "2026-11-21T10:00"),
                ("tz", "-04:00"),
            ],
        )
        .await;
    assert_eq!(sent.status, StatusCode::OK);
    assert!(sent.html.contains("Tu pista llegó a la policía"));

    assert_eq!(
        app.get(&format!("/api/v1/cases/{id}/tips"), None)
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.get(&format!("/api/v1/cases/{id}/tips"), Some(&family))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let tips = body(
        app.get(&format!("/api/v1/cases/{id}/tips"), Some(&police))
            .await,
    )
    .await;
    let tips = tips.as_array().unwrap();
    assert_eq!(tips.len(), 2);
    assert_eq!(tips[0]["nickname"], "Vecina del mercado");
    assert_eq!(tips[0]["seen_place"], "Mercado La Cancha");
    assert_eq!(tips[0]["seen_at"], "2026-11-21T10:00:00-04:00");
    assert!(
        tips[1].get("nickname").is_none(),
        "anonymous stays anonymous"
    );
    assert_eq!(tips[1]["lat"], -17.39);

    // Police read them on the case's desk too; nobody else sees them.
    let officer = Visitor::new(&app);
    officer.sign_in(&police.email).await;
    let desk = officer.get(&format!("/police/cases/{id}")).await;
    assert!(desk.html.contains("Estaba con un señor de chompa gris."));
    assert!(desk.html.contains("2 pistas"));
    let public = Visitor::new(&app).get(&format!("/cases/{id}")).await;
    assert!(!public.html.contains("chompa gris"));
    app.stop().await;
}

#[tokio::test]
async fn a_wrong_tip_names_the_field_and_keeps_what_was_typed() {
    let app = spawn_app().await;
    let (id, police) = published_case(&app, &valid_case()).await;
    let visitor = Visitor::new(&app);
    let refused = visitor
        .submit(
            &format!("/cases/{id}"),
            &format!("/cases/{id}/tips"),
            &[
                ("message", "   "),
                ("nickname", "Don Ramiro"),
                ("seen_at", "2099-01-01T10:00"),
                ("tz", "-04:00"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.html.contains("id=\"message-error\""));
    assert!(refused.html.contains("id=\"seen_at-error\""));
    // Each rule in the reader's language (the API keeps English).
    assert!(refused.html.contains("Falta este dato."));
    assert!(refused.html.contains("No puede ser en el futuro."));
    assert!(!refused.html.contains("must not be in the future"));
    assert!(refused.html.contains("value=\"Don Ramiro\""));

    let api = app
        .post(
            &format!("/api/v1/cases/{id}/tips"),
            None,
            &json!({ "message": "" }),
        )
        .await;
    assert_eq!(api.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let refusal = body(api).await;
    assert_eq!(refusal["error"]["field"], "message");
    assert_eq!(refusal["error"]["message"], "message: is required");
    let tips = body(
        app.get(&format!("/api/v1/cases/{id}/tips"), Some(&police))
            .await,
    )
    .await;
    assert_eq!(tips, json!([]));
    app.stop().await;
}

#[tokio::test]
async fn tips_are_taken_for_active_cases_only() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let draft = app.create_case(&family, &valid_case()).await;
    let tip = json!({ "message": "La vi." });
    let on_draft = app
        .post(&format!("/api/v1/cases/{draft}/tips"), None, &tip)
        .await;
    assert_eq!(
        on_draft.status(),
        StatusCode::NOT_FOUND,
        "a draft is not public"
    );

    app.publish(&police, draft).await;
    let resolved = app
        .post(
            &format!("/api/v1/cases/{draft}/resolve"),
            Some(&police),
            &json!({ "outcome": "found_safe" }),
        )
        .await;
    assert_eq!(resolved.status(), StatusCode::OK);
    let late = app
        .post(&format!("/api/v1/cases/{draft}/tips"), None, &tip)
        .await;
    assert_eq!(late.status(), StatusCode::CONFLICT);
    app.stop().await;
}

#[tokio::test]
async fn lists_of_cases_show_a_light_copy_of_the_photo_and_the_case_page_the_large_one() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let id = app.create_case(&family, &valid_case()).await;
    app.put_bytes(
        &format!("/api/v1/cases/{id}/photo"),
        Some(&family),
        "image/jpeg",
        phone_photo(2400, 1600),
    )
    .await;
    app.publish(&police, id).await;

    let visitor = Visitor::new(&app);
    let home = visitor.get("/").await.html;
    let case_page = visitor.get(&format!("/cases/{id}")).await.html;
    let owner = Visitor::new(&app);
    owner.sign_in(&family.email).await;
    let rows = owner.get("/family").await.html;
    let card = image_source(&home, &format!("/api/v1/cases/{id}/photo"));
    assert_eq!(
        card,
        image_source(&rows, &format!("/api/v1/cases/{id}/photo"))
    );
    let large = image_source(&case_page, &format!("/api/v1/cases/{id}/photo"));

    let fetch = |path: String| {
        let (visitor, app) = (&visitor, &app);
        async move {
            let response = visitor.http.get(app.url(&path)).send().await.unwrap();
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            response.bytes().await.unwrap().to_vec()
        }
    };
    let (thumbnail, full) = (fetch(card).await, fetch(large).await);
    let thumbnail_size = image::load_from_memory(&thumbnail).unwrap();
    assert!(
        thumbnail.len() <= 20 * 1024,
        "a card's photo weighs {} bytes",
        thumbnail.len()
    );
    assert!(thumbnail_size.width() <= 480 && thumbnail_size.height() <= 480);
    assert!(
        full.len() > 2 * thumbnail.len(),
        "the case page shows the large photo"
    );
    app.stop().await;
}

/// The `src` of the first image on `html` whose address starts with `prefix`.
fn image_source(html: &str, prefix: &str) -> String {
    let start = html
        .find(&format!("src=\"{prefix}"))
        .unwrap_or_else(|| panic!("no image from {prefix}"))
        + "src=\"".len();
    let end = start + html[start..].find('"').unwrap();
    html[start..end].replace("&amp;", "&")
}

#[tokio::test]
async fn what_people_type_shows_as_text_on_every_page_and_in_mail() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| s.smtp_url = Some(smtp.url())).await;
    crate::common::confirmed_zone(&app, "vecino@example.org", -17.3935, -66.157, 10.0).await;
    let mut case = valid_case();
    case["given_name"] = json!("<script>alert(1)</script>");
    case["family_name"] = json!("\"><img src=x onerror=alert(2)>");
    case["last_seen_place"] = json!("<b onmouseover=alert(3)>Plaza</b>");
    case["circumstances"] = json!("</p><script>alert(4)</script>");
    let (id, police) = published_case(&app, &case).await;
    app.post(
        &format!("/api/v1/cases/{id}/tips"),
        None,
        &json!({
            "message": "<iframe src=//evil>", "nickname": "<svg onload=alert(5)>"
        }),
    )
    .await;

    let officer = Visitor::new(&app);
    officer.sign_in(&police.email).await;
    let visitor = Visitor::new(&app);
    let pages = [
        visitor.get("/").await.html,
        visitor.get(&format!("/cases/{id}")).await.html,
        visitor.get("/?q=script").await.html,
        officer.get("/police").await.html,
        officer.get(&format!("/police/cases/{id}")).await.html,
    ];
    // The helper's confirmation and the alert may arrive in either order.
    let mail = smtp
        .wait_for("vecino@example.org", 2)
        .await
        .into_iter()
        .find(|m| {
            m.header("Message-ID")
                .is_some_and(|id| id.starts_with("<alert."))
        })
        .expect("the alert");
    for html in pages.iter().chain([&mail.html()]) {
        for raw in [
            "<script>alert",
            "<img src=x",
            "<b onmouseover",
            "<iframe",
            // The pages draw maps as SVG of their own; the typed one must not.
            "<svg onload",
        ] {
            assert!(!html.contains(raw), "{raw} reached the HTML unescaped");
        }
    }
    assert!(pages[1].contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(pages[4].contains("&lt;svg onload=alert(5)&gt;"));
    assert!(
        mail.text().contains("<script>alert(1)</script>"),
        "plain text stays as typed"
    );
    app.stop().await;
}

#[tokio::test]
async fn repeated_wrong_passwords_slow_this_browser_down_for_a_while() {
    let app = spawn_app().await;
    let police = app.user(Role::Police).await;
    let visitor = Visitor::new(&app);
    for _ in 0..4 {
        let wrong = visitor
            .submit(
                "/login",
                "/login",
                &[("email", &police.email), ("password", "not the password")],
            )
            .await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
        assert!(
            wrong
                .html
                .contains("El correo o la contraseña no son correctos.")
        );
    }
    let waiting = visitor
        .submit(
            "/login",
            "/login",
            &[("email", &police.email), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(waiting.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        waiting.html.contains("espera un momento"),
        "{}",
        waiting.html
    );
    let api = app
        .post(
            "/api/v1/sessions",
            None,
            &json!({ "email": police.email, "password": PASSWORD }),
        )
        .await;
    assert_eq!(api.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(api.headers()["retry-after"], "1");
    assert_eq!(body(api).await["error"]["code"], "rate_limited");

    app.advance(chrono::Duration::seconds(2));
    let again = visitor.sign_in(&police.email).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "the wait runs out");
    app.stop().await;
}

#[tokio::test]
async fn signed_out_readers_are_sent_to_sign_in_and_back() {
    let app = spawn_app().await;
    let police = app.user(Role::Police).await;
    let family = app.user(Role::Family).await;
    let visitor = Visitor::new(&app);
    let away = visitor.get("/police").await;
    assert_eq!(away.status, StatusCode::SEE_OTHER);
    assert_eq!(away.location.as_deref(), Some("/login?next=%2Fpolice"));
    let back = visitor
        .submit(
            "/login?next=%2Fpolice",
            "/login",
            &[
                ("email", &police.email),
                ("password", PASSWORD),
                ("next", "/police"),
            ],
        )
        .await;
    assert_eq!(back.location.as_deref(), Some("/police"));
    let elsewhere = Visitor::new(&app)
        .submit(
            "/login",
            "/login",
            &[
                ("email", &police.email),
                ("password", PASSWORD),
                ("next", "//evil.example/"),
            ],
        )
        .await;
    assert_eq!(
        elsewhere.location.as_deref(),
        Some("/police"),
        "only our own paths"
    );

    let relative = Visitor::new(&app);
    relative.sign_in(&family.email).await;
    assert_eq!(relative.get("/police").await.status, StatusCode::FORBIDDEN);
    assert_eq!(relative.get("/family").await.status, StatusCode::OK);

    let out = visitor.submit("/police", "/logout", &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert_eq!(visitor.get("/police").await.status, StatusCode::SEE_OTHER);
    app.stop().await;
}

async fn post_case_form(
    visitor: &Visitor,
    app: &TestApp,
    fields: &[(&str, &str)],
    photo: Option<(Vec<u8>, &str)>,
) -> Page {
    let token = visitor.get("/family/cases/new").await.csrf();
    let mut form = reqwest::multipart::Form::new().text("csrf", token);
    for (name, value) in fields {
        form = form.text(name.to_string(), value.to_string());
    }
    if let Some((bytes, content_type)) = photo {
        let part = reqwest::multipart::Part::bytes(bytes)
            .file_name("foto.jpg")
            .mime_str(content_type)
            .unwrap();
        form = form.part("photo", part);
    }
    let response = visitor
        .http
        .post(app.url("/family/cases/new"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    Visitor::page(response).await
}

const CASE_FIELDS: [(&str, &str); 10] = [
    ("given_name", "Lucía"),
    ("family_name", "Mamani Flores"),
    ("sex", "female"),
    ("age", "9"),
    ("last_seen_at", "2026-11-20T17:45"),
    ("tz", "-04:00"),
    ("last_seen_place", "Feria 16 de Julio"),
    ("town", "Cochabamba"),
    ("circumstances", "Se separó de su madre en la feria."),
    ("contact_phone", "+591 2 2850000"),
];

#[tokio::test]
async fn a_family_registers_a_case_with_its_photo_from_the_form() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let visitor = Visitor::new(&app);
    visitor.sign_in(&family.email).await;

    // A wrong field: nothing stored, the form keeps what was typed and names the field.
    let without_clothing = post_case_form(
        &visitor,
        &app,
        &CASE_FIELDS,
        Some((jpeg(600, 800), "image/jpeg")),
    )
    .await;
    assert_eq!(without_clothing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(without_clothing.html.contains("id=\"clothing-error\""));
    assert!(
        without_clothing
            .html
            .contains("value=\"Feria 16 de Julio\"")
    );
    assert_eq!(app.counts().await.cases_draft, 0);

    // A broken photo: refused by name, nothing stored either.
    let mut fields = CASE_FIELDS.to_vec();
    fields.push(("clothing", "Vestido rosado, chamarra azul"));
    let broken = post_case_form(
        &visitor,
        &app,
        &fields,
        Some((b"not a photo".to_vec(), "image/jpeg")),
    )
    .await;
    assert_eq!(broken.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(broken.html.contains("id=\"photo-error\""));
    assert_eq!(app.counts().await.cases_draft, 0);

    let created = post_case_form(
        &visitor,
        &app,
        &fields,
        Some((jpeg(600, 800), "image/jpeg")),
    )
    .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.html);
    let location = created.location.unwrap();
    let id: i64 = location.trim_start_matches("/cases/").parse().unwrap();
    let case = body(app.get(&format!("/api/v1/cases/{id}"), Some(&family)).await).await;
    assert_eq!(case["status"], "draft");
    assert_eq!(case["last_seen_at"], "2026-11-20T17:45:00-04:00");
    assert!(case["photo_url"].is_string(), "{case}");
    let town = (
        case["last_seen"]["lat"].as_f64().unwrap(),
        case["last_seen"]["lng"].as_f64().unwrap(),
    );
    assert!(
        (town.0 + 17.39).abs() < 0.1 && (town.1 + 66.16).abs() < 0.1,
        "{town:?}"
    );

    let own_page = visitor.get(&format!("/cases/{id}")).await;
    assert!(
        own_page.html.contains("Qué pasó con el caso"),
        "the family sees what police did"
    );
    assert!(
        !Visitor::new(&app)
            .get(&format!("/cases/{id}"))
            .await
            .html
            .contains("Qué pasó")
    );
    let mine = visitor.get("/family").await;
    assert!(mine.html.contains("Lucía Mamani Flores"));
    assert!(mine.html.contains("La policía todavía no lo verificó."));
    app.stop().await;
}

#[tokio::test]
async fn police_publish_and_resolve_from_their_desk() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    crate::common::confirmed_zone(&app, "uno@example.org", -17.39, -66.15, 5.0).await;
    let id = app.create_case(&family, &valid_case()).await;
    app.put_bytes(
        &format!("/api/v1/cases/{id}/photo"),
        Some(&family),
        "image/jpeg",
        jpeg(400, 500),
    )
    .await;

    let officer = Visitor::new(&app);
    officer.sign_in(&police.email).await;
    let queue = officer.get("/police").await;
    assert!(queue.html.contains(&format!("href=\"/police/cases/{id}\"")));
    let desk = officer.get(&format!("/police/cases/{id}")).await;
    assert!(
        desk.html.contains("id=\"reach\">1<"),
        "the reach before publishing"
    );

    // The box stating the reach must be ticked: otherwise nothing happens.
    let unconfirmed = officer
        .submit(
            &format!("/police/cases/{id}"),
            &format!("/police/cases/{id}/publish"),
            &[],
        )
        .await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unconfirmed.html.contains("Marca la casilla"));
    let case = body(app.get(&format!("/api/v1/cases/{id}"), Some(&police)).await).await;
    assert_eq!(case["status"], "draft");
    let published = officer
        .submit(
            &format!("/police/cases/{id}"),
            &format!("/police/cases/{id}/publish"),
            &[("confirm_reach", "yes")],
        )
        .await;
    assert_eq!(published.status, StatusCode::SEE_OTHER);
    let case = body(app.get(&format!("/api/v1/cases/{id}"), None).await).await;
    assert_eq!(case["status"], "active");
    let public = Visitor::new(&app).get(&format!("/cases/{id}")).await;
    assert!(public.html.contains(&format!("/api/v1/cases/{id}/photo")));
    assert!(public.html.contains("og:image"));

    let resolved = officer
        .submit(
            &format!("/police/cases/{id}"),
            &format!("/police/cases/{id}/resolve"),
            &[("outcome", "found_safe")],
        )
        .await;
    assert_eq!(resolved.status, StatusCode::SEE_OTHER);
    let found = Visitor::new(&app).get(&format!("/cases/{id}")).await;
    assert!(found.html.contains("fue encontrada."));
    assert!(
        !found.html.contains("/photo"),
        "the photo leaves public view"
    );
    let photo = app.get(&format!("/api/v1/cases/{id}/photo"), None).await;
    assert_eq!(photo.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}

#[tokio::test]
async fn words_about_the_person_follow_their_sex_and_page_labels_carry_no_colon() {
    let app = spawn_app().await;
    let (her, police) = published_case(&app, &valid_case()).await;
    let mut boy = valid_case();
    boy["given_name"] = json!("Juan");
    boy["sex"] = json!("male");
    let (him, _) = published_case(&app, &boy).await;

    let officer = Visitor::new(&app);
    officer.sign_in(&police.email).await;
    let desk = officer.get(&format!("/police/cases/{her}")).await;
    assert!(desk.html.contains("<dt>Vista por última vez</dt>"));
    assert!(
        desk.html
            .contains("<option value=\"found_safe\">Encontrada con vida</option>")
    );
    assert!(
        desk.html.contains("<dt>Sexo</dt>"),
        "the poster's label, colon dropped"
    );
    let public = Visitor::new(&app);
    let page = public.get(&format!("/cases/{her}")).await;
    assert!(page.html.contains("¿La viste? Envía una pista"));
    assert!(!page.html.contains("Edad:") && !page.html.contains("la/lo"));
    let page = public.get_in(&format!("/cases/{him}?lang=pt"), "pt").await;
    assert!(page.html.contains("Você o viu? Envie uma pista"));
    let page = public.get_in(&format!("/cases/{him}?lang=fr"), "fr").await;
    assert!(
        page.html
            .contains("Vous l’avez vu ? Envoyez un signalement")
    );

    let family = Visitor::new(&app);
    family.sign_in(&app.user(Role::Family).await.email).await;
    let form = family.get("/family/cases/new?lang=es").await;
    assert!(form.html.contains("Sexo") && !form.html.contains("Sexo:"));

    officer
        .submit(
            &format!("/police/cases/{her}"),
            &format!("/police/cases/{her}/resolve"),
            &[("outcome", "found_safe")],
        )
        .await;
    let closed = officer.get(&format!("/police/cases/{her}")).await;
    assert!(closed.html.contains("Encontrada con vida"));
    app.stop().await;
}

#[tokio::test]
async fn the_subscribe_form_answers_the_same_for_known_and_new_addresses() {
    let app = spawn_app().await;
    let visitor = Visitor::new(&app);
    let fields = [
        ("email", "ana@example.org"),
        ("language", "pt"),
        ("place", "Sao Paulo"),
        ("radius_km", ""),
    ];
    let first = visitor.submit("/subscribe", "/subscribe", &fields).await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(first.html.contains("Te enviamos un correo"));
    // The zone as understood, on a map, before the mail is opened.
    assert!(
        first
            .html
            .contains("<figcaption id=\"zone-map-label-0\">Mapa de tu zona: São Paulo"),
        "{}",
        first.html
    );
    let again = visitor.submit("/subscribe", "/subscribe", &fields).await;
    assert_eq!(
        again.html.replace(&again.csrf_or_empty(), ""),
        first.html.replace(&first.csrf_or_empty(), "")
    );
    let outbox = app
        .store
        .outbox_for_address("ana@example.org")
        .await
        .unwrap();
    assert_eq!(outbox[0].kind, "confirm");

    let unknown = visitor
        .submit(
            "/subscribe",
            "/subscribe",
            &[
                ("email", "bea@example.org"),
                ("language", "es"),
                ("place", "Ciudad Inventada"),
            ],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unknown.html.contains("id=\"zone.place-error\""));
    assert!(unknown.html.contains("No conocemos esta ciudad"));
    assert!(
        unknown.html.contains("value=\"bea@example.org\""),
        "what was typed stays"
    );
    assert!(
        app.store
            .volunteer_by_email("bea@example.org")
            .await
            .unwrap()
            .is_none()
    );
    app.stop().await;
}

impl Page {
    fn csrf_or_empty(&self) -> String {
        if self.html.contains("name=\"csrf\"") {
            self.csrf()
        } else {
            String::new()
        }
    }
}

#[tokio::test]
async fn a_tip_is_mailed_to_the_officer_who_published_the_case() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| s.smtp_url = Some(smtp.url())).await;
    let (id, police) = published_case(&app, &valid_case()).await;
    let other_officer = app.user(Role::Police).await;

    let visitor = Visitor::new(&app);
    let sent = visitor
        .submit(
            &format!("/cases/{id}"),
            &format!("/cases/{id}/tips"),
            &[
                (
                    "message",
                    "La vi subir a un taxi blanco en la avenida Heroínas.",
                ),
                ("contact", "+591 711 11111"),
                ("seen_place", "Av. Heroínas"),
            ],
        )
        .await;
    assert_eq!(sent.status, StatusCode::OK);

    let mail = smtp.wait_for(&police.email, 1).await.remove(0);
    assert!(
        mail.subject().contains(&format!("caso N.º {id}")),
        "{}",
        mail.subject()
    );
    let text = mail.text();
    assert!(text.contains("La vi subir a un taxi blanco en la avenida Heroínas."));
    assert!(text.contains("+591 711 11111"));
    assert!(text.contains("anónima"), "no nickname: anonymous");
    assert!(text.contains(&format!("http://alerta.test/police/cases/{id}")));
    assert_eq!(
        mail.header("Message-ID").unwrap(),
        format!("<tip.1.{id}@localhost>")
    );
    assert!(
        mail.header("List-Unsubscribe").is_none(),
        "staff mail, not a list"
    );
    // Once, and to the case's contact only: nothing else is waiting.
    wait_for_outbox_drained(&app).await;
    assert_eq!(smtp.wait_for(&police.email, 1).await.len(), 1);
    assert!(
        !smtp
            .recipients()
            .iter()
            .any(|r| r.eq_ignore_ascii_case(&other_officer.email))
    );
    app.stop().await;
}

#[tokio::test]
async fn names_are_found_with_typos_missing_accents_and_parts() {
    let app = spawn_app().await;
    let police = app.user(Role::Police).await;
    let family = app.user(Role::Family).await;
    let mut juan = valid_case();
    juan["given_name"] = json!("Juan Carlos");
    juan["family_name"] = json!("Pérez Quispe");
    juan["sex"] = json!("male");
    let mut joao = valid_case();
    joao["given_name"] = json!("João Pedro");
    joao["family_name"] = json!("Gonçalves da Silva");
    joao["aliases"] = json!("Juca");
    let juan = app.create_case(&family, &juan).await;
    let joao = app.create_case(&family, &joao).await;
    let other = app.create_case(&family, &valid_case()).await;
    for id in [juan, joao, other] {
        app.publish(&police, id).await;
    }
    let ids = |list: Value| -> Vec<i64> {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_i64().unwrap())
            .collect()
    };
    for (typed, expected) in [
        ("jaun peres", vec![juan]),
        ("Juan Pérez", vec![juan]),
        ("perez", vec![juan]),
        ("Goncalves", vec![joao]),
        ("gonçalves", vec![joao]),
        ("juca", vec![joao]),
        ("maria quispe", vec![other]),
        // Of three words one may miss: a misremembered family name.
        ("maria quispe lopez", vec![other]),
        // As it sounds, and with the vowels mixed up.
        ("kispe", vec![other, juan]),
        ("Goncalvez", vec![joao]),
        ("jaon peres", vec![juan]),
        ("nadie", vec![]),
    ] {
        let path = format!("/api/v1/cases?q={}", url_encode(typed));
        assert_eq!(
            ids(body(app.get(&path, None).await).await),
            expected,
            "{typed}"
        );
    }
    let page = Visitor::new(&app)
        .get(&format!("/?q={}", url_encode("jaun peres")))
        .await;
    assert!(page.html.contains("Juan Carlos Pérez Quispe"));
    assert!(!page.html.contains("María José"));
    app.stop().await;
}

fn url_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn statistics_count_published_cases_by_country_and_age() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let found = app.create_case(&family, &valid_case()).await;
    let open = app
        .create_case(&family, &crate::common::another_case("Ana"))
        .await;
    let mut lima = crate::common::another_case("Rosa");
    lima["age"] = json!(70);
    lima["birth_date"] = Value::Null;
    lima["last_seen"] = json!({ "lat": -12.046, "lng": -77.043 });
    let lima = app.create_case(&family, &lima).await;
    app.create_case(&family, &crate::common::another_case("Borrador"))
        .await;
    for id in [found, open, lima] {
        app.publish(&police, id).await;
    }
    app.post(
        &format!("/api/v1/cases/{found}/resolve"),
        Some(&police),
        &json!({ "outcome": "found_safe" }),
    )
    .await;

    let stats = body(app.get("/api/v1/stats", None).await).await;
    assert_eq!(stats["reported"], 3, "{stats}");
    assert_eq!(stats["located"], 1);
    assert_eq!(stats["open"], 2);
    assert_eq!(stats["by_country"]["BO"]["reported"], 2);
    assert_eq!(stats["by_country"]["PE"]["open"], 1);
    assert_eq!(stats["by_age_group"]["12-17"]["reported"], 2);
    assert_eq!(stats["by_age_group"]["60+"]["reported"], 1);
    let text = stats.to_string();
    assert!(
        !text.contains("María") && !text.contains("Quispe"),
        "counts only"
    );

    let page = Visitor::new(&app).get("/stats?lang=es").await;
    assert!(
        page.html
            .contains("En total, 3 personas reportadas y 1 localizadas."),
        "{}",
        page.html
    );
    assert!(page.html.contains("Bolivia"));
    app.stop().await;
}

#[tokio::test]
async fn someone_reported_falsely_reaches_police_who_hide_the_case_at_once() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| s.smtp_url = Some(smtp.url())).await;
    let (id, police) = published_case(&app, &valid_case()).await;
    app.put_bytes(
        &format!("/api/v1/cases/{id}/photo"),
        Some(&police),
        "image/jpeg",
        jpeg(300, 400),
    )
    .await;
    let visitor = Visitor::new(&app);

    // A contact is required: police must be able to check who is asking.
    let anonymous = visitor
        .submit(
            &format!("/cases/{id}"),
            &format!("/cases/{id}/about-me"),
            &[("message", "Soy yo, estoy bien.")],
        )
        .await;
    assert_eq!(anonymous.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(anonymous.html.contains("id=\"contact-error\""));
    let sent = visitor
        .submit(
            &format!("/cases/{id}"),
            &format!("/cases/{id}/about-me"),
            &[
                ("message", "Soy María José, estoy bien y en casa de mi tía."),
                ("contact", "+591 722 22222"),
            ],
        )
        .await;
    assert_eq!(sent.status, StatusCode::OK);
    let mail = smtp.wait_for(&police.email, 1).await.remove(0);
    assert!(mail.subject().starts_with("URGENTE"), "{}", mail.subject());
    assert!(mail.text().contains("+591 722 22222"));

    let officer = Visitor::new(&app);
    officer.sign_in(&police.email).await;
    let desk = officer.get(&format!("/police/cases/{id}")).await;
    assert!(desk.html.contains("verifícalo cuanto antes"));
    let hidden = officer
        .submit(
            &format!("/police/cases/{id}"),
            &format!("/police/cases/{id}/hide"),
            &[],
        )
        .await;
    assert_eq!(hidden.status, StatusCode::SEE_OTHER);

    // Out of public view everywhere, still in the police's.
    let public = Visitor::new(&app);
    assert_eq!(
        public.get(&format!("/cases/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(!public.get("/").await.html.contains("María José"));
    for path in [
        format!("/api/v1/cases/{id}"),
        format!("/api/v1/cases/{id}/photo"),
        format!("/cases/{id}/poster.pdf"),
    ] {
        assert_eq!(
            app.get(&path, None).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    assert!(
        body(app.get("/api/v1/cases", None).await).await["items"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        officer.get(&format!("/cases/{id}")).await.status,
        StatusCode::OK
    );
    let tips = body(
        app.get(&format!("/api/v1/cases/{id}/tips"), Some(&police))
            .await,
    )
    .await;
    assert_eq!(tips[0]["kind"], "about_me");

    // Shown again when the complaint does not hold; every step is in the log.
    officer
        .submit(
            &format!("/police/cases/{id}"),
            &format!("/police/cases/{id}/show"),
            &[],
        )
        .await;
    assert_eq!(
        public.get(&format!("/cases/{id}")).await.status,
        StatusCode::OK
    );
    let log = body(
        app.get(&format!("/api/v1/cases/{id}/audit"), Some(&police))
            .await,
    )
    .await;
    let actions: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["action"].as_str().unwrap())
        .collect();
    assert!(
        actions.ends_with(&["about_me", "hidden", "shown"]),
        "{actions:?}"
    );
    app.stop().await;
}

/// The fields of the edit form as the page shows them, with `changes` applied.
pub async fn edit_form_fields(
    visitor: &Visitor,
    id: i64,
    changes: &[(&str, &str)],
) -> (String, Vec<(String, String)>) {
    let page = visitor.get(&format!("/cases/{id}/edit")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.html);
    let mut fields = Vec::new();
    for name in [
        "given_name",
        "family_name",
        "sex",
        "birth_date",
        "age",
        "last_seen_at",
        "tz",
        "last_seen_place",
        "lat",
        "lng",
        "circumstances",
        "clothing",
        "contact_phone",
        "language",
        "hair",
    ] {
        let value = if let Some((_, v)) = changes.iter().find(|(n, _)| *n == name) {
            v.to_string()
        } else {
            field_value(&page.html, name)
        };
        fields.push((name.to_string(), value));
    }
    (page.csrf(), fields)
}

/// The value a form field shows: an input's value, a selected option, a textarea's text.
pub(crate) fn field_value(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\"");
    let Some(at) = html.find(&marker) else {
        return String::new();
    };
    let tag_start = html[..at].rfind('<').unwrap();
    let rest = &html[tag_start..];
    let unescape = |s: &str| {
        s.replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    };
    if rest.starts_with("<textarea") {
        let open_end = rest.find('>').unwrap() + 1;
        let close = rest.find("</textarea>").unwrap();
        return unescape(&rest[open_end..close]);
    }
    if rest.starts_with("<select") {
        let close = rest.find("</select>").unwrap();
        let select = &rest[..close];
        return select
            .split("<option")
            .find(|o| o.contains(" selected"))
            .and_then(|o| o.split("value=\"").nth(1))
            .map(|v| unescape(v.split('"').next().unwrap()))
            .unwrap_or_default();
    }
    let tag_end = rest.find('>').unwrap();
    rest[..tag_end]
        .split("value=\"")
        .nth(1)
        .map(|v| unescape(v.split('"').next().unwrap()))
        .unwrap_or_default()
}

pub async fn post_edit(
    visitor: &Visitor,
    app: &TestApp,
    id: i64,
    csrf: String,
    fields: Vec<(String, String)>,
) -> Page {
    let mut form = reqwest::multipart::Form::new().text("csrf", csrf);
    for (name, value) in fields {
        form = form.text(name, value);
    }
    let response = visitor
        .http
        .post(app.url(&format!("/cases/{id}/edit")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    Visitor::page(response).await
}

#[tokio::test]
async fn police_correct_a_published_case_and_mail_the_correction() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| s.smtp_url = Some(smtp.url())).await;
    crate::common::confirmed_zone(&app, "vecino@example.org", -17.3935, -66.157, 10.0).await;
    let (id, police) = published_case(&app, &valid_case()).await;
    smtp.wait_for("vecino@example.org", 1).await;
    app.post(
        &format!("/api/v1/cases/{id}/widen"),
        Some(&police),
        &json!({ "alert_radius_km": 40 }),
    )
    .await;
    let family = Visitor::new(&app);
    let owner = app.user(Role::Family).await;
    family.sign_in(&owner.email).await;
    assert_eq!(
        family.get(&format!("/cases/{id}/edit")).await.status,
        StatusCode::FORBIDDEN,
        "not their case"
    );

    let officer = Visitor::new(&app);
    officer.sign_in(&police.email).await;
    let (csrf, fields) = edit_form_fields(
        &officer,
        id,
        &[("clothing", "Chompa verde, pantalón negro")],
    )
    .await;
    let saved = post_edit(&officer, &app, id, csrf, fields).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.html);
    let case = body(app.get(&format!("/api/v1/cases/{id}"), None).await).await;
    assert_eq!(case["clothing"], "Chompa verde, pantalón negro");
    assert_eq!(case["given_name"], "María José", "the rest is kept");
    assert_eq!(case["last_seen_at"], "2026-11-20T18:30:00-04:00");
    assert_eq!(
        case["alert_radius_km"], 40.0,
        "an edit keeps the widened area"
    );
    assert_eq!(case["last_seen"]["lat"], -17.3935);

    let (csrf, fields) = edit_form_fields(&officer, id, &[("clothing", "")]).await;
    let refused = post_edit(&officer, &app, id, csrf, fields).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.html.contains("id=\"clothing-error\""));

    officer
        .submit(
            &format!("/police/cases/{id}"),
            &format!("/police/cases/{id}/notify-update"),
            &[],
        )
        .await;
    let update = smtp.wait_for("vecino@example.org", 3).await.remove(2);
    assert!(
        update.text().contains("Chompa verde, pantalón negro"),
        "{}\n{}",
        update.subject(),
        update.text()
    );
    app.stop().await;
}

#[tokio::test]
async fn anyone_follows_one_case_by_mail_and_hears_its_news_and_its_end() {
    let smtp = SmtpServer::start();
    let app = spawn_app_with(|s| s.smtp_url = Some(smtp.url())).await;
    let (id, police) = published_case(&app, &valid_case()).await;
    let email = "prima.en.madrid@example.org";

    let visitor = Visitor::new(&app);
    let bad = visitor
        .submit(
            &format!("/cases/{id}"),
            &format!("/cases/{id}/follow"),
            &[("email", "no es un correo")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.html.contains("id=\"email-error\""));
    let asked = visitor
        .submit(
            &format!("/cases/{id}"),
            &format!("/cases/{id}/follow"),
            &[("email", email)],
        )
        .await;
    assert_eq!(asked.status, StatusCode::OK);
    assert!(asked.html.contains("Te enviamos un correo"));

    let confirm = smtp.wait_for(email, 1).await.remove(0);
    assert!(
        confirm.text().contains("novedades de este caso"),
        "{}",
        confirm.text()
    );
    assert!(confirm.text().contains("María José Quispe Mamani"));
    assert!(
        !confirm.text().contains("en esta zona"),
        "no zone was asked for"
    );
    let link = confirm.link("http://alerta.test/subscriptions/confirm?token=");
    let asked = visitor.get(&link).await;
    assert!(
        asked.html.contains("María José Quispe Mamani"),
        "the page names the case it confirms: {}",
        asked.html
    );
    assert_eq!(
        visitor.submit(&link, &link, &[]).await.status,
        StatusCode::OK
    );

    let officer = Visitor::new(&app);
    officer.sign_in(&police.email).await;
    officer
        .submit(
            &format!("/police/cases/{id}"),
            &format!("/police/cases/{id}/notify-update"),
            &[],
        )
        .await;
    let update = smtp.wait_for(email, 2).await.remove(1);
    assert!(
        update.subject().starts_with("ACTUALIZACIÓN"),
        "{}",
        update.subject()
    );
    officer
        .submit(
            &format!("/police/cases/{id}"),
            &format!("/police/cases/{id}/resolve"),
            &[("outcome", "found_safe")],
        )
        .await;
    let found = smtp.wait_for(email, 3).await.remove(2);
    assert!(
        found.subject().starts_with("ENCONTRADA:"),
        "{}",
        found.subject()
    );
    assert!(found.header("List-Unsubscribe").is_some());

    // Only active, public cases take followers.
    let family = app.user(Role::Family).await;
    let draft = app
        .create_case(&family, &crate::common::another_case("Lucía"))
        .await;
    let follow = |case: i64| {
        let app = &app;
        async move {
            app.post(
                &format!("/api/v1/cases/{case}/followers"),
                None,
                &json!({ "email": "otra@example.org" }),
            )
            .await
            .status()
        }
    };
    assert_eq!(follow(draft).await, StatusCode::NOT_FOUND);
    assert_eq!(follow(id).await, StatusCode::CONFLICT, "resolved");
    app.stop().await;
}

#[tokio::test]
async fn tips_from_one_client_are_limited() {
    let app = spawn_app().await;
    let (id, police) = published_case(&app, &valid_case()).await;
    let tip = json!({ "message": "La vi." });
    for _ in 0..10 {
        let sent = app
            .post(&format!("/api/v1/cases/{id}/tips"), None, &tip)
            .await;
        assert_eq!(sent.status(), StatusCode::CREATED);
    }
    let flood = app
        .post(&format!("/api/v1/cases/{id}/tips"), None, &tip)
        .await;
    assert_eq!(flood.status(), StatusCode::TOO_MANY_REQUESTS);
    let page = Visitor::new(&app)
        .submit(
            &format!("/cases/{id}"),
            &format!("/cases/{id}/tips"),
            &[("message", "Una más.")],
        )
        .await;
    assert_eq!(page.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(page.html.contains("Demasiados intentos seguidos"));
    let tips = body(
        app.get(&format!("/api/v1/cases/{id}/tips"), Some(&police))
            .await,
    )
    .await;
    assert_eq!(tips.as_array().unwrap().len(), 10);
    app.stop().await;
}

#[tokio::test]
async fn police_export_cases_as_csv_that_spreadsheets_read_safely() {
    let app = spawn_app().await;
    let mut case = valid_case();
    case["given_name"] = json!("=HYPERLINK(\"http://evil.example\",\"clic\")");
    case["family_name"] = json!("Gonçalves Peña");
    let (id, police) = published_case(&app, &case).await;
    let family = app.user(Role::Family).await;
    assert_eq!(
        app.get("/api/v1/cases.csv", None).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.get("/api/v1/cases.csv", Some(&family)).await.status(),
        StatusCode::FORBIDDEN
    );

    let response = app.get("/api/v1/cases.csv?status=all", Some(&police)).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let bytes = response.bytes().await.unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 with BOM");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(&row[column("id")], id.to_string());
    assert_eq!(
        &row[column("given_name")],
        "'=HYPERLINK(\"http://evil.example\",\"clic\")"
    );
    assert_eq!(&row[column("family_name")], "Gonçalves Peña");
    assert_eq!(&row[column("lat")], "-17.3935", "numbers stay numbers");
    assert_eq!(&row[column("status")], "active");
    assert_eq!(
        app.get("/api/v1/cases.csv?status=drafts", Some(&police))
            .await
            .status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    app.stop().await;
}

#[tokio::test]
async fn a_page_address_with_no_case_number_is_the_not_found_page() {
    let app = spawn_app().await;
    for path in [
        "/cases/abc",
        "/cases/99999999999999999999",
        "/police/cases/1.5",
    ] {
        let response = app.get(&format!("{path}?lang=en"), None).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        assert!(
            response.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html"),
            "{path}: a page, not axum's plain text"
        );
    }
}

#[tokio::test]
async fn a_photo_over_the_limit_brings_the_form_back_with_the_photo_marked() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let visitor = Visitor::new(&app);
    visitor.sign_in(&family.email).await;
    let before = app.counts().await;
    // The photo field comes last, as the form orders it.
    let huge = vec![0xFFu8; alerta_photo::MAX_BYTES + 512 * 1024];
    let page = post_case_form(&visitor, &app, &CASE_FIELDS, Some((huge, "image/jpeg"))).await;
    assert_eq!(page.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(page.html.contains("id=\"photo-error\""), "{}", page.html);
    assert!(
        page.html
            .contains("Esta foto es demasiado grande (hasta 20 MB y 60 megapíxeles)"),
        "{}",
        page.html
    );
    assert!(
        page.html.contains("value=\"Mamani Flores\""),
        "the typed fields stay"
    );
    assert!(page.html.contains("Se separó de su madre en la feria."));
    assert_eq!(app.counts().await, before, "nothing stored");
    app.stop().await;
}

#[tokio::test]
async fn a_photo_chosen_on_a_refused_form_is_kept_for_the_next_try() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let visitor = Visitor::new(&app);
    visitor.sign_in(&family.email).await;

    // The clothing is missing: the form comes back, the photo with it.
    let refused = post_case_form(
        &visitor,
        &app,
        &CASE_FIELDS,
        Some((jpeg(600, 800), "image/jpeg")),
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.html.contains("id=\"clothing-error\""));
    assert!(refused.html.contains("La foto que elegiste está guardada"));
    let token = refused
        .hidden("pending_photo")
        .expect("the form carries the kept photo");
    let thumbnail = format!("/family/pending-photos/{token}");
    assert!(refused.html.contains(&thumbnail));
    let shown = visitor.http.get(app.url(&thumbnail)).send().await.unwrap();
    assert_eq!(shown.status(), StatusCode::OK);
    assert_eq!(shown.headers()["content-type"], "image/jpeg");
    assert_eq!(app.counts().await.cases_draft, 0, "nothing half-stored");

    // Only its sender sees it.
    let stranger = Visitor::new(&app);
    stranger.sign_in(&app.user(Role::Family).await.email).await;
    let theirs = stranger.http.get(app.url(&thumbnail)).send().await.unwrap();
    assert_eq!(theirs.status(), StatusCode::NOT_FOUND);

    // Sent again, corrected, without choosing the photo again: the case has it.
    let mut fields = CASE_FIELDS.to_vec();
    fields.push(("clothing", "Vestido rosado, chamarra azul"));
    fields.push(("pending_photo", &token));
    let created = post_case_form(&visitor, &app, &fields, None).await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.html);
    let id = created.created_case();
    let case = body(app.get(&format!("/api/v1/cases/{id}"), Some(&family)).await).await;
    assert!(case["photo_url"].is_string(), "{case}");
    let photo = app
        .get(&format!("/api/v1/cases/{id}/photo"), Some(&family))
        .await;
    assert_eq!(photo.status(), StatusCode::OK);
    // Its case holds it now: the kept copy is gone.
    let gone = visitor.http.get(app.url(&thumbnail)).send().await.unwrap();
    assert_eq!(gone.status(), StatusCode::NOT_FOUND);

    // A kept photo waits a day, not more; the case then says it has none.
    let mut other = CASE_FIELDS.to_vec();
    other[0] = ("given_name", "Rosa");
    let refused =
        post_case_form(&visitor, &app, &other, Some((jpeg(600, 800), "image/jpeg"))).await;
    let token = refused.hidden("pending_photo").unwrap();
    app.advance(chrono::Duration::hours(25));
    visitor.sign_in(&family.email).await; // A day on, the session is over too.
    other.push(("clothing", "Pollera verde"));
    other.push(("pending_photo", &token));
    let created = post_case_form(&visitor, &app, &other, None).await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.html);
    let page = visitor.get(created.location.as_deref().unwrap()).await;
    assert!(
        page.html.contains("Este caso todavía no tiene foto"),
        "{}",
        page.html
    );
    // The token job clears what expired.
    let removed = app.store.purge_expired_tokens(app.app.now()).await.unwrap();
    assert!(removed >= 1, "{removed}");
    app.stop().await;
}

#[tokio::test]
async fn heights_and_weights_are_taken_as_people_write_them_or_refused_by_name() {
    let app = spawn_app().await;
    let family = app.user(Role::Family).await;
    let visitor = Visitor::new(&app);
    visitor.sign_in(&family.email).await;
    let mut fields = CASE_FIELDS.to_vec();
    fields.push(("clothing", "Vestido rosado"));

    let mut wrong = fields.clone();
    wrong.push(("height_cm", "alta"));
    wrong.push(("weight_kg", "45,5 kg"));
    let refused = post_case_form(&visitor, &app, &wrong, None).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.html.contains("id=\"height_cm-error\""),
        "{}",
        refused.html
    );
    assert!(!refused.html.contains("id=\"weight_kg-error\""));
    assert!(
        refused.html.contains("value=\"alta\""),
        "what was typed stays"
    );
    assert_eq!(app.counts().await.cases_draft, 0);

    fields.push(("height_cm", "1,20 m"));
    fields.push(("weight_kg", "25,4"));
    let created = post_case_form(&visitor, &app, &fields, None).await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.html);
    let id = created.created_case();
    let case = body(app.get(&format!("/api/v1/cases/{id}"), Some(&family)).await).await;
    assert_eq!(
        (case["height_cm"].as_i64(), case["weight_kg"].as_i64()),
        (Some(120), Some(25))
    );
    app.stop().await;
}

/// The case page and the police desk draw the alert area on a map made
/// on the server: well-formed SVG with a title read out in the reader's
/// language, the area around the last-seen point, nearby towns, a scale,
/// and nothing loaded from elsewhere.
#[tokio::test]
async fn the_case_page_and_the_desk_draw_the_alert_area_on_a_map() {
    let app = spawn_app().await;
    let (id, police) = published_case(&app, &valid_case()).await;
    let officer = Visitor::new(&app);
    officer.sign_in(&police.email).await;
    for (who, html) in [
        (
            "public",
            Visitor::new(&app).get(&format!("/cases/{id}")).await.html,
        ),
        (
            "desk",
            officer.get(&format!("/police/cases/{id}")).await.html,
        ),
    ] {
        let start = html.find("<svg").unwrap_or_else(|| panic!("{who}: a map"));
        let end = html[start..].find("</svg>").unwrap() + start + "</svg>".len();
        let svg = &html[start..end];
        // Named by its caption, which everyone reads under it.
        assert!(svg.contains("aria-labelledby=\"area-map-label\""), "{who}");
        assert!(
            html[end..].starts_with(
                "<figcaption id=\"area-map-label\">Mapa de la zona de alerta: 10 km alrededor de Plaza 14 de Septiembre, Cochabamba</figcaption>"
            ),
            "{who}: {}",
            &html[end..end + 200]
        );
        // The last-seen point is the area's centre, in the middle.
        assert!(svg.contains("cx=\"320.0\" cy=\"200.0\""), "{who}");
        assert!(
            svg.contains(">Cochabamba</text>"),
            "{who}: the town is named"
        );
        assert!(svg.contains(">5 km</text>"), "{who}: a scale");
        assert_eq!(
            svg.matches("http").count(),
            1,
            "{who}: only the SVG namespace"
        );
        let mut xmllint = std::process::Command::new("xmllint")
            .args(["--noout", "-"])
            .stdin(std::process::Stdio::piped())
            .spawn()
            .expect("xmllint runs (scripts/test installs libxml2-utils)");
        use std::io::Write;
        xmllint
            .stdin
            .take()
            .unwrap()
            .write_all(svg.as_bytes())
            .unwrap();
        assert!(xmllint.wait().unwrap().success(), "{who}: well-formed");
    }
    app.stop().await;
}

//! The HTML pages: rendered on the server with maud (every value escaped by
//! construction), readable with JavaScript off, in the reader's language, with
//! nothing loaded from other sites.
//!
//! Every page goes through [`page_layer`]: it picks the language, hands out
//! the CSRF token, sets the security headers, and turns a failed handler's
//! [`PageError`] into a page in the reader's language.

mod account;
mod api_docs;
mod case;
mod family;
mod home;
mod map;
mod partners;
mod police;
mod review;
mod static_files;
mod stats;
mod subscribe;
mod volunteer;

use alerta_core::{Actor, InvalidInput, Language, Role};
use axum::Router;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::header::{
    ACCEPT_LANGUAGE, CACHE_CONTROL, CONTENT_SECURITY_POLICY, HeaderValue, LOCATION,
    REFERRER_POLICY, SET_COOKIE, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};
use subtle::ConstantTimeEq;

use crate::AppState;
use crate::auth::{self, Caller, cookie};
use crate::error::ApiError;

pub const CSRF_COOKIE: &str = "alerta_csrf";
pub const LANGUAGE_COOKIE: &str = "alerta_lang";
/// The name of the hidden field every form carries.
pub const CSRF_FIELD: &str = "csrf";

/// Scripts and styles only from our own origin, no inline code, no frames:
/// an injected tag can neither run nor phone home.
const CONTENT_SECURITY_POLICY_VALUE: &str = "default-src 'none'; script-src 'self'; \
     style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; \
     base-uri 'none'; frame-ancestors 'none'";

/// Each language named in itself.
pub const LANGUAGE_NAMES: [(Language, &str); 4] = [
    (Language::Es, "Español"),
    (Language::Pt, "Português"),
    (Language::Fr, "Français"),
    (Language::En, "English"),
];

pub fn routes(
    state: AppState,
    openapi: std::sync::Arc<utoipa::openapi::OpenApi>,
) -> Router<AppState> {
    Router::new()
        .merge(api_docs::routes(openapi))
        .merge(home::routes())
        .merge(case::routes())
        .merge(subscribe::routes())
        .merge(volunteer::routes())
        .merge(account::routes())
        .merge(family::routes())
        .merge(police::routes())
        .merge(partners::routes())
        .merge(stats::routes())
        .layer(middleware::from_fn_with_state(state, page_layer))
        .merge(static_files::routes())
}

/// What the middleware decided for this request, for the handlers.
#[derive(Clone)]
struct PageSettings {
    language: Language,
    csrf: String,
    /// `Secure` cookies when the site is served over https.
    secure: bool,
    /// The browser says the request comes from another site (a form posted
    /// from elsewhere): `Sec-Fetch-Site`, or else `Origin`.
    cross_site: bool,
}

/// Marks a page every reader without a session sees alike: no token in it,
/// no cookie set with it, so a shared cache may keep it (revalidating it by
/// its ETag each time, as for posters: a hidden case stops at once).
#[derive(Clone, Copy)]
pub struct SharedCopy;

/// What a response that a cache may share says about it: revalidate on
/// every use, and keep one copy per language and per cookie (a reader
/// with a session never gets another's).
pub const SHARED_CACHE_CONTROL: &str = "public, no-cache";
pub const SHARED_VARY: &str = "Accept-Language, Cookie";

async fn page_layer(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let headers = request.headers();
    let chosen = request.uri().query().and_then(language_in_query);
    let language = chosen
        .or_else(|| cookie(headers, LANGUAGE_COOKIE).and_then(|l| Language::parse("", &l).ok()))
        .unwrap_or_else(|| preferred_language(headers));
    let known_csrf = cookie(headers, CSRF_COOKIE).filter(|t| t.len() == 43);
    let csrf = known_csrf.clone().unwrap_or_else(auth::new_token);
    let secure = state.settings.public_url.starts_with("https://");
    let settings = PageSettings {
        language,
        csrf: csrf.clone(),
        secure,
        cross_site: comes_from_another_site(headers, &state.settings.public_url),
    };
    request.extensions_mut().insert(settings.clone());

    let mut response = next.run(request).await;
    if let Some(failure) = response.extensions_mut().remove::<PageFailure>() {
        response = failure.render(&settings);
    }
    let shared = response.extensions().get::<SharedCopy>().is_some();
    let headers = response.headers_mut();
    if known_csrf.is_none() && !shared {
        headers.append(SET_COOKIE, cookie_header(CSRF_COOKIE, &csrf, None, secure));
    }
    if let Some(language) = chosen {
        // The reader's choice is kept in a cookie: this answer is theirs.
        if shared {
            headers.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-cache"));
        }
        headers.append(
            SET_COOKIE,
            cookie_header(
                LANGUAGE_COOKIE,
                language.as_str(),
                Some(365 * 24 * 3600),
                secure,
            ),
        );
    }
    for (name, value) in [
        (CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_VALUE),
        (X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (X_FRAME_OPTIONS, "DENY"),
        // Links mailed to volunteers carry tokens; no other site sees them.
        (REFERRER_POLICY, "no-referrer"),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
    // Pages hold a per-reader form token: shared caches must not keep them.
    headers
        .entry(CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("private, no-cache"));
    response
}

/// Whether the browser says this request was sent by a page of another
/// site. `Sec-Fetch-Site` where the browser sends it (every current one);
/// else an `Origin` that is not ours. A client that sends neither (an old
/// browser, a script) is taken at its word: the forms that rely on this
/// act for nobody in particular.
fn comes_from_another_site(headers: &HeaderMap, public_url: &str) -> bool {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = header("sec-fetch-site") {
        return !matches!(site, "same-origin" | "none");
    }
    match header("origin") {
        Some(origin) => {
            let ours = url::Url::parse(public_url).map(|u| u.origin().ascii_serialization());
            ours.map_or(true, |ours| ours != origin)
        }
        None => false,
    }
}

/// A page every reader shares: a 304 when the cache holds these very
/// bytes, else the page, both with the headers that let a cache keep it.
pub(crate) fn shared_answer(
    request: &HeaderMap,
    page: crate::shared_pages::SharedPage,
) -> Response {
    use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, ETAG, VARY};
    let headers = [
        (CACHE_CONTROL, SHARED_CACHE_CONTROL.to_string()),
        (VARY, SHARED_VARY.to_string()),
        (ETAG, page.etag.clone()),
    ];
    let mut response = if crate::headers::holds_etag(request, &page.etag) {
        (StatusCode::NOT_MODIFIED, headers).into_response()
    } else {
        let html = [(CONTENT_TYPE, "text/html; charset=utf-8".to_string())];
        (headers, html, page.body).into_response()
    };
    response.extensions_mut().insert(SharedCopy);
    response
}

fn language_in_query(query: &str) -> Option<Language> {
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(name, _)| name == "lang")
        .and_then(|(_, value)| Language::parse("lang", &value).ok())
}

/// The first language of Accept-Language we speak, by the reader's weights;
/// Spanish when none.
fn preferred_language(headers: &HeaderMap) -> Language {
    let Some(value) = headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()) else {
        return Language::default();
    };
    let mut offered: Vec<(f32, Language)> = value
        .split(',')
        .filter_map(|item| {
            let mut parts = item.trim().split(';');
            let tag = parts.next()?.trim().to_ascii_lowercase();
            let weight = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            let primary = tag.split('-').next()?;
            Some((weight, Language::parse("", primary).ok()?))
        })
        .filter(|(weight, _)| *weight > 0.0)
        .collect();
    // Stable: equal weights keep the reader's order.
    offered.sort_by(|a, b| b.0.total_cmp(&a.0));
    offered.first().map_or(Language::default(), |(_, l)| *l)
}

/// A cookie scripts cannot read, sent back only from our own pages and
/// top-level links; `max_age` None lasts the browser session, Some(0) deletes.
pub fn cookie_header(name: &str, value: &str, max_age: Option<i64>, secure: bool) -> HeaderValue {
    let mut cookie = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    if let Some(seconds) = max_age {
        cookie.push_str(&format!("; Max-Age={seconds}"));
    }
    if secure {
        cookie.push_str("; Secure");
    }
    HeaderValue::from_str(&cookie).expect("cookie values are URL-safe tokens")
}

/// Who reads the page, in what language, with which form token.
pub struct Page {
    pub lang: Language,
    pub actor: Option<Actor>,
    csrf: String,
    secure: bool,
    cross_site: bool,
    /// The path and query of this page, for the language links.
    path: String,
    query: Vec<(String, String)>,
}

impl FromRequestParts<AppState> for Page {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, PageError> {
        let settings = parts
            .extensions
            .get::<PageSettings>()
            .cloned()
            .ok_or_else(|| ApiError::internal("page route outside page_layer"))?;
        let caller = Caller::from_request_parts(parts, state).await?;
        let query = parts
            .uri
            .query()
            .map(|q| {
                url::form_urlencoded::parse(q.as_bytes())
                    .filter(|(name, _)| name != "lang")
                    .map(|(n, v)| (n.into_owned(), v.into_owned()))
                    .collect()
            })
            .unwrap_or_default();
        Ok(Page {
            lang: settings.language,
            actor: caller.actor,
            csrf: settings.csrf,
            secure: settings.secure,
            cross_site: settings.cross_site,
            path: parts.uri.path().to_string(),
            query,
        })
    }
}

impl Page {
    /// The message `key` in the reader's language.
    pub fn t(&self, key: &str) -> String {
        alerta_i18n::text(self.lang, key, &[])
    }

    /// A label on a page: the message without the colon the poster's
    /// labels carry ("Edad:" → "Edad"), as every page label reads.
    pub fn label(&self, key: &str) -> String {
        without_colon(&self.t(key)).to_string()
    }

    /// The message `key` with arguments.
    pub fn ta(&self, key: &str, args: &[(&str, &str)]) -> String {
        alerta_i18n::text(self.lang, key, args)
    }

    pub fn role(&self) -> Option<Role> {
        self.actor.as_ref().map(|a| a.role)
    }

    pub fn secure_cookies(&self) -> bool {
        self.secure
    }

    /// The hidden field every form carries: the reader's form token;
    /// nothing on a shared copy, which has none.
    pub fn csrf_field(&self) -> Markup {
        html! {
            @if !self.csrf.is_empty() {
                input type="hidden" name=(CSRF_FIELD) value=(self.csrf);
            }
        }
    }

    /// This page as every reader without a session sees it: without the
    /// reader's form token (see [`SharedCopy`]). None for a signed-in reader.
    pub fn shared_copy(&self) -> Option<Page> {
        self.actor.is_none().then(|| Page {
            lang: self.lang,
            actor: None,
            csrf: String::new(),
            secure: self.secure,
            cross_site: self.cross_site,
            path: self.path.clone(),
            query: self.query.clone(),
        })
    }

    /// Checks a form that acts for nobody in particular (a tip, following
    /// a case): sent from one of our pages, whatever its token. Such a form
    /// sits on shared copies, which carry no token; a form another site
    /// posts through the reader's browser is still refused.
    pub fn check_public_form(&self) -> Result<(), PageError> {
        if self.cross_site {
            Err(PageError::ExpiredForm)
        } else {
            Ok(())
        }
    }

    /// Refuses a form post whose token is not this reader's.
    pub fn check_csrf(&self, submitted: Option<&str>) -> Result<(), PageError> {
        let submitted = submitted.unwrap_or("");
        if bool::from(submitted.as_bytes().ct_eq(self.csrf.as_bytes())) && !submitted.is_empty() {
            Ok(())
        } else {
            Err(PageError::ExpiredForm)
        }
    }

    /// The same page in `language`.
    fn in_language(&self, language: Language) -> String {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        for (name, value) in &self.query {
            query.append_pair(name, value);
        }
        query.append_pair("lang", language.as_str());
        format!("{}?{}", self.path, query.finish())
    }

    /// A whole page: header, navigation, language switch, `body`.
    pub fn render(&self, title: &str, body: Markup) -> Markup {
        self.render_with_head(title, html! {}, body)
    }

    /// Like [`Page::render`], with extra `<head>` elements.
    pub fn render_with_head(&self, title: &str, head: Markup, body: Markup) -> Markup {
        html! {
            (DOCTYPE)
            html lang=(self.lang.as_str()) {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    title { (title) " · Alerta" }
                    link rel="stylesheet" href=(static_files::style_url());
                    script src=(static_files::script_url()) defer {}
                    (head)
                }
                body {
                    header class="top" {
                        a class="brand" href="/" { "Alerta" }
                        nav class="main" { (self.navigation()) }
                        nav class="languages" aria-label=(self.t("page-languages")) {
                            @for (language, name) in LANGUAGE_NAMES {
                                @if language == self.lang {
                                    span lang=(language.as_str()) aria-current="true" { (name) }
                                } @else {
                                    a lang=(language.as_str()) hreflang=(language.as_str())
                                        href=(self.in_language(language)) { (name) }
                                }
                            }
                        }
                    }
                    main {
                        h1 { (title) }
                        (body)
                    }
                    footer {
                        p { (self.t("page-footer")) }
                        p class="small" { (self.t("page-data-credits")) }
                    }
                }
            }
        }
    }

    fn navigation(&self) -> Markup {
        html! {
            a href="/" { (self.t("nav-cases")) }
            a href="/subscribe" { (self.t("nav-subscribe")) }
            a href="/stats" { (self.t("nav-stats")) }
            @match self.role() {
                Some(Role::Police | Role::Admin) => a href="/police" { (self.t("nav-police")) },
                Some(Role::Family) => a href="/family" { (self.t("nav-family")) },
                None => a href="/login" { (self.t("nav-sign-in")) },
            }
            @if self.actor.is_some() {
                form class="inline" method="post" action="/logout" {
                    (self.csrf_field())
                    button class="link" type="submit" { (self.t("nav-sign-out")) }
                }
            }
        }
    }
}

/// The wrong fields of a form, to show beside each field.
#[derive(Default)]
pub struct FormErrors(Vec<alerta_core::FieldError>);

impl FormErrors {
    pub fn from_invalid(invalid: InvalidInput) -> Self {
        FormErrors(invalid.0)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The status a form refused for these errors answers with: 413 when a
    /// photo was too large (the upload was cut short), else 422.
    pub fn status(&self) -> StatusCode {
        let too_large = self
            .0
            .iter()
            .any(|e| matches!(e.rule, Some(alerta_core::Rule::PhotoTooLarge { .. })));
        if too_large {
            StatusCode::PAYLOAD_TOO_LARGE
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        }
    }

    /// The message for `field`, or for any field under a `field` ending in a dot.
    pub fn of(&self, page: &Page, field: &str) -> Option<String> {
        // "last_seen." stands for every field under it.
        let error = self
            .0
            .iter()
            .find(|e| e.field == field || (field.ends_with('.') && e.field.starts_with(field)))?;
        Some(match &error.rule {
            Some(rule) => {
                let args = rule.args();
                let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                page.ta(rule.key(), &args)
            }
            // A rule without a sentence of its own: the page says which
            // field and shows the rule as the domain wrote it.
            None => format!("{} ({})", page.t("form-invalid"), error.message),
        })
    }

    /// A summary at the top of the form, so a reader of a long form sees it.
    pub fn summary(&self, page: &Page) -> Markup {
        html! {
            @if !self.is_empty() {
                div class="errors" role="alert" { p { (page.t("form-has-errors")) } }
            }
        }
    }

    /// `message` beside the field named `field`, if it is wrong.
    pub fn beside(&self, page: &Page, field: &str) -> Markup {
        html! {
            @if let Some(message) = self.of(page, field) {
                span class="field-error" id=(format!("{field}-error")) { (message) }
            }
        }
    }
}

/// Why a page could not be shown; rendered by [`page_layer`] in the reader's language.
#[derive(Debug)]
pub enum PageError {
    Api(ApiError),
    /// A form posted without this reader's token: another site's, or too old.
    ExpiredForm,
    /// Sign in first, then come back to `next`.
    SignIn {
        next: String,
    },
}

/// Path parameters of a page; one that does not parse (a case number that
/// is no number) names no page: the 404 page, like an unknown number.
pub struct PagePath<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned + Send> axum::extract::FromRequestParts<S>
    for PagePath<T>
{
    type Rejection = PageError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, PageError> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Path(value)| PagePath(value))
            .map_err(|_| PageError::Api(ApiError::NotFound))
    }
}

impl From<ApiError> for PageError {
    fn from(e: ApiError) -> Self {
        PageError::Api(e)
    }
}

impl From<alerta_app::CommandError> for PageError {
    fn from(e: alerta_app::CommandError) -> Self {
        PageError::Api(e.into())
    }
}

impl From<alerta_store::StoreError> for PageError {
    fn from(e: alerta_store::StoreError) -> Self {
        PageError::Api(e.into())
    }
}

impl From<alerta_core::policy::Denied> for PageError {
    fn from(e: alerta_core::policy::Denied) -> Self {
        PageError::Api(e.into())
    }
}

/// Carried from a handler to [`page_layer`] in the response's extensions.
#[derive(Clone)]
struct PageFailure(std::sync::Arc<PageError>);

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let mut response = StatusCode::INTERNAL_SERVER_ERROR.into_response();
        response
            .extensions_mut()
            .insert(PageFailure(std::sync::Arc::new(self)));
        response
    }
}

impl PageFailure {
    fn render(&self, settings: &PageSettings) -> Response {
        let t = |key: &str| alerta_i18n::text(settings.language, key, &[]);
        let (status, title, message) = match &*self.0 {
            PageError::SignIn { next } => {
                let target = format!(
                    "/login?next={}",
                    url::form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>()
                );
                return (StatusCode::SEE_OTHER, [(LOCATION, target)]).into_response();
            }
            PageError::ExpiredForm => (
                StatusCode::FORBIDDEN,
                t("error-title"),
                t("error-expired-form"),
            ),
            PageError::Api(error) => {
                let (status, key) = match error {
                    ApiError::NotFound => (StatusCode::NOT_FOUND, "error-not-found"),
                    ApiError::SignInRequired => (StatusCode::UNAUTHORIZED, "error-sign-in"),
                    ApiError::Forbidden(_) => (StatusCode::FORBIDDEN, "error-forbidden"),
                    ApiError::WrongState(_) => (StatusCode::CONFLICT, "error-wrong-state"),
                    ApiError::RateLimited { .. } => {
                        (StatusCode::TOO_MANY_REQUESTS, "error-rate-limited")
                    }
                    ApiError::AccountLocked { .. } => {
                        (StatusCode::TOO_MANY_REQUESTS, "error-account-locked")
                    }
                    ApiError::Internal(_) => {
                        tracing::error!(error = %alerta_core::Chain(error), "page failed");
                        (StatusCode::INTERNAL_SERVER_ERROR, "error-internal")
                    }
                    ApiError::Unavailable(_) => {
                        tracing::warn!(error = %alerta_core::Chain(error), "page: database unavailable");
                        (StatusCode::SERVICE_UNAVAILABLE, "error-unavailable")
                    }
                    _ => (StatusCode::BAD_REQUEST, "error-bad-request"),
                };
                (status, t("error-title"), t(key))
            }
        };
        let body = html! {
            (DOCTYPE)
            html lang=(settings.language.as_str()) {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    title { (title) " · Alerta" }
                    link rel="stylesheet" href=(static_files::style_url());
                }
                body {
                    header class="top" { a class="brand" href="/" { "Alerta" } }
                    main { h1 { (title) } p { (message) } p { a href="/" { (t("error-home")) } } }
                }
            }
        };
        let mut response = (status, body).into_response();
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                crate::error::UNAVAILABLE_RETRY_SECONDS.into(),
            );
        }
        response
    }
}

/// A form with nothing but its token (a button).
#[derive(serde::Deserialize)]
pub struct CsrfOnly {
    pub csrf: Option<String>,
}

/// A redirect after a successful form post (303: the browser follows with GET).
pub fn see_other(location: &str) -> Response {
    (StatusCode::SEE_OTHER, [(LOCATION, location.to_string())]).into_response()
}

/// Line breaks kept, everything else escaped.
pub fn paragraphs(text: &str) -> Markup {
    html! {
        @for paragraph in text.split("\n\n") {
            p {
                @for (i, line) in paragraph.lines().enumerate() {
                    @if i > 0 { br; }
                    (line)
                }
            }
        }
    }
}

/// A poster label as a page label: "Edad:" → "Edad", "Âge :" → "Âge".
pub fn without_colon(label: &str) -> &str {
    label.trim_end_matches([':', ' ', '\u{a0}', '\u{202f}'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accept(value: &str) -> Language {
        let mut headers = HeaderMap::new();
        headers.insert(ACCEPT_LANGUAGE, HeaderValue::from_str(value).unwrap());
        preferred_language(&headers)
    }

    #[test]
    fn the_browsers_first_language_we_speak_wins() {
        assert_eq!(accept("pt-BR,pt;q=0.9,en;q=0.8"), Language::Pt);
        assert_eq!(accept("de-DE,fr;q=0.7,en;q=0.9"), Language::En);
        assert_eq!(accept("de, ja"), Language::Es);
        assert_eq!(accept("en;q=0, fr"), Language::Fr);
        assert_eq!(preferred_language(&HeaderMap::new()), Language::Es);
    }
}

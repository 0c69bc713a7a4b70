//! `/cases/{id}`: the page a poster's QR code and a shared link open. The
//! person, the number to call, the posters in every language and paper, share
//! links, Open Graph tags so a shared link shows the PNG card, and the tip form.
//! A resolved case shows only that the person was found, without the photo.

use alerta_core::{Case, CaseId, CaseStatus, Language, Outcome, TipInput, TipKind, policy};
use alerta_poster::PosterCase;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use chrono::NaiveDateTime;
use maud::{Markup, html};
use serde::Deserialize;

use super::{FormErrors, LANGUAGE_NAMES, Page, PageError, PagePath, paragraphs, shared_answer};
use crate::AppState;
use crate::error::ApiError;
use crate::limits::ClientIp;
use crate::shared_pages::{Moment, Shared, SharedPage};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/cases/{id}", get(case_page))
        .route("/c/{id}", get(short_link))
        .route("/cases/{id}/tips", post(send_tip).get(back_to_case))
        .route("/cases/{id}/about-me", post(about_me).get(back_to_case))
        .route("/cases/{id}/follow", post(follow).get(back_to_case))
}

async fn case_page(
    State(state): State<AppState>,
    page: Page,
    PagePath(id): PagePath<i64>,
    Query(query): Query<std::collections::HashMap<String, String>>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    // The page a shared link opens, thousands of times at once when a case
    // spreads: the same for every reader without a session, so a cache in
    // front may keep it and ask again with its ETag, and this process keeps
    // it too while no case changes. What the store held is read after the
    // moment is taken, so a change in between leaves the copy stale at once.
    let moment = Moment::now(&state);
    let key = Shared::Case(CaseId(id));
    let shareable = page.actor.is_none() && query.is_empty();
    if shareable && let Some(copy) = state.shared_pages.get(key, page.lang, moment) {
        return Ok(shared_answer(&headers, copy));
    }
    let case = state.store.case(CaseId(id)).await?;
    policy::view(page.actor.as_ref(), &case)?;
    if let Some(shared) = page.shared_copy() {
        let copy = SharedPage::of(render(&state, &shared, &case, &Forms::default()).into_string());
        if shareable {
            state
                .shared_pages
                .keep(key, page.lang, copy.clone(), moment);
        }
        return Ok(shared_answer(&headers, copy));
    }
    let forms = Forms {
        // Back from a correction: say it was saved.
        saved: query.contains_key("saved"),
        ..Forms::default()
    };
    Ok(render(&state, &page, &case, &forms).into_response())
}

/// `/c/{id}`, the address a poster's tear-off strip carries (short enough to
/// type from a strip of paper): sends on to the case page. Any number
/// redirects; the case page answers for it.
async fn short_link(PagePath(id): PagePath<i64>) -> Response {
    axum::response::Redirect::permanent(&format!("/cases/{id}")).into_response()
}

/// A form's address opened as a page (the language links of a page that
/// answered a form lead there): the case page, in the language asked for.
async fn back_to_case(
    PagePath(id): PagePath<i64>,
    Query(query): Query<std::collections::HashMap<String, String>>,
) -> Response {
    let to = match query
        .get("lang")
        .and_then(|l| Language::parse("lang", l).ok())
    {
        Some(language) => format!("/cases/{id}?lang={}", language.as_str()),
        None => format!("/cases/{id}"),
    };
    axum::response::Redirect::to(&to).into_response()
}

/// The two forms of the page as typed, and the errors of the one sent.
#[derive(Default)]
struct Forms {
    tip: TipForm,
    tip_errors: FormErrors,
    about_me: TipForm,
    about_me_errors: FormErrors,
    follow: FollowForm,
    follow_errors: FormErrors,
    /// The page follows a correction that was saved.
    saved: bool,
}

fn render(state: &AppState, page: &Page, case: &Case, forms: &Forms) -> Markup {
    let name = case.details.full_name();
    if case.status == CaseStatus::Resolved {
        let key = if case.outcome == Some(Outcome::FoundSafe) {
            "found-body-found"
        } else {
            "found-body-closed"
        };
        let d = &case.details;
        let date = alerta_i18n::short_date(page.lang, d.last_seen_at.date_naive());
        let place = alerta_i18n::last_seen_place(page.lang, case);
        let args = [
            ("name", name.as_str()),
            ("sex", d.sex.as_str()),
            ("place", place.as_str()),
            ("date", date.as_str()),
        ];
        return page.render(
            &name,
            html! {
                p class="found" { (page.ta(key, &args)) }
                p { (page.ta("found-posters", &args)) }
            },
        );
    }
    let page_url = format!("{}/cases/{}", state.settings.public_url, case.id);
    let printed = alerta_poster::print_date(&case.details, state.now());
    let sheet = alerta_poster::sheet(&PosterCase::of(case, &page_url), page.lang, printed);
    let title = format!("{}: {}", sheet.headline, sheet.name);
    let card_url = format!("{page_url}/poster.png?lang={}", page.lang.as_str());
    let description = format!("{} {}", sheet.last_seen.label, sheet.last_seen.value);
    let head = html! {
        meta name="description" content=(description);
        meta property="og:type" content="article";
        meta property="og:title" content=(title);
        meta property="og:description" content=(description);
        meta property="og:url" content=(page_url);
        meta property="og:image" content=(card_url);
        meta property="og:image:type" content="image/png";
        meta property="og:image:width" content="1080";
        meta property="og:image:height" content="1350";
        meta name="twitter:card" content="summary_large_image";
    };
    let may_edit = page
        .actor
        .as_ref()
        .is_some_and(|a| policy::may_edit(Some(a), case).is_ok());
    let body = html! {
        @if case.status == CaseStatus::Draft {
            p class="notice" { (page.t("case-draft-notice")) }
        }
        @if forms.saved { p class="notice" role="status" { (page.t("case-saved")) } }
        @if !case.has_photo && may_edit {
            p class="notice" { (page.t("case-no-photo-yet")) }
        }
        @if page.actor.as_ref().is_some_and(|a| a.user_id == case.owner_id) {
            (history(page, case))
        }
        @if may_edit {
            p { a class="button secondary" href=(format!("/cases/{}/edit", case.id)) { (page.t("case-edit")) } }
        }
        // Where and since when, then the number to call, before anything
        // else: what someone who may have seen the person needs first.
        p class="where-when" { (alerta_i18n::last_seen_locality(page.lang, case)) " · " (sheet.since_when) }
        div class="call" {
            p { (sheet.call) }
            p class="phones" {
                @for phone in std::iter::once(&sheet.phone).chain(&sheet.phone_2) {
                    a class="button call-button" href=(format!("tel:{}", phone.replace(' ', ""))) { (phone) }
                }
            }
        }
        div class="person" {
            @if case.has_photo {
                img src=(format!("/api/v1/cases/{}/photo?v={}", case.id, case.version))
                    alt=(sheet.name) width="400" height="500";
            }
            div {
                @if let Some(aliases) = &sheet.aliases { p { (aliases) } }
                // The age is the first of the facts ("15 años (hoy 16)").
                dl class="facts" {
                    @for fact in &sheet.facts { dt { (super::without_colon(&fact.label)) } dd { (fact.value) } }
                    dt { (super::without_colon(&sheet.last_seen.label)) } dd { (sheet.last_seen.value) }
                }
            }
        }
        h2 { (super::without_colon(&sheet.circumstances.label)) }
        (paragraphs(&case.details.circumstances))
        h2 { (page.t("map-heading")) }
        (super::map::case_map(page, case))
        (posters(page, case))
        // A draft's page opens for nobody else: nothing to share yet.
        @if case.status == CaseStatus::Active { (share(page, &title, &page_url)) }
        @if case.status == CaseStatus::Active {
            (tip_form(page, case, &forms.tip, &forms.tip_errors))
            (follow_form(page, case, &forms.follow, &forms.follow_errors))
            (about_me_form(page, case, &forms.about_me, &forms.about_me_errors))
        }
        p class="small" { (sheet.case_number) }
    };
    page.render_with_head(&title, head, body)
}

/// What happened to the case, for the family that registered it.
fn history(page: &Page, case: &Case) -> Markup {
    let date = |at: chrono::DateTime<chrono::Utc>| {
        let local = at.with_timezone(case.details.last_seen_at.offset());
        format!(
            "{} {}",
            alerta_i18n::short_date(page.lang, local.date_naive()),
            local.format("%H:%M")
        )
    };
    html! {
        h2 { (page.t("case-history")) }
        dl class="facts" {
            dt { (page.t("case-registered")) } dd { (date(case.created_at)) }
            dt { (page.t("case-published")) }
            dd { (case.published_at.map_or_else(|| page.t("family-status-draft"), date)) }
            @if let Some(resolved) = case.resolved_at {
                dt { (page.t("case-closed")) }
                dd {
                    (date(resolved))
                    @if let Some(outcome) = case.outcome { " · " (page.ta(&format!("outcome-{}", outcome.as_str()), &[("sex", case.details.sex.as_str())])) }
                }
            }
        }
    }
}

fn posters(page: &Page, case: &Case) -> Markup {
    html! {
        h2 { (page.t("case-posters")) }
        p { (page.t("case-posters-hint")) }
        ul {
            @for (language, label) in LANGUAGE_NAMES {
                @let lang = language.as_str();
                li lang=(lang) {
                    (label) ": "
                    a href=(format!("/cases/{}/poster.pdf?lang={lang}&paper=a4", case.id)) { "PDF A4" } " · "
                    a href=(format!("/cases/{}/poster.pdf?lang={lang}&paper=letter", case.id)) { "PDF Letter" } " · "
                    a href=(format!("/cases/{}/poster.png?lang={lang}", case.id)) { (page.t("case-image")) }
                }
            }
        }
    }
}

/// Links to the usual messaging apps: plain links, nothing loaded from them.
fn share(page: &Page, title: &str, url: &str) -> Markup {
    let encode = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    let text = format!("{title} {url}");
    html! {
        h2 { (page.t("case-share")) }
        ul class="share" {
            li { button type="button" hidden data-share data-title=(title) data-url=(url) { (page.t("case-share-phone")) } }
            li { a class="button secondary" href=(format!("https://wa.me/?text={}", encode(&text))) { "WhatsApp" } }
            li { a class="button secondary" href=(format!("https://t.me/share/url?url={}&text={}", encode(url), encode(title))) { "Telegram" } }
            li { a class="button secondary" href=(format!("https://www.facebook.com/sharer/sharer.php?u={}", encode(url))) { "Facebook" } }
            li { a class="button secondary" href=(format!("https://x.com/intent/post?url={}&text={}", encode(url), encode(title))) { "X" } }
            li { a class="button secondary" href=(format!("mailto:?subject={}&body={}", encode(title).replace('+', "%20"), encode(&text).replace('+', "%20"))) { (page.t("case-share-mail")) } }
        }
    }
}

/// The tip form as typed, kept when a field is wrong.
#[derive(Deserialize, Default)]
struct TipForm {
    message: Option<String>,
    nickname: Option<String>,
    contact: Option<String>,
    seen_place: Option<String>,
    /// From a `datetime-local` input: no offset; `tz` gives it.
    seen_at: Option<String>,
    tz: Option<String>,
    lat: Option<String>,
    lng: Option<String>,
}

fn tip_form(page: &Page, case: &Case, tip: &TipForm, errors: &FormErrors) -> Markup {
    // The place's own offset, where the sighting most likely happened.
    let offset = tip
        .tz
        .clone()
        .unwrap_or_else(|| case.details.last_seen_at.offset().to_string());
    html! {
        h2 id="tip" { (page.ta("tip-title", &[("sex", case.details.sex.as_str())])) }
        p { (page.t("tip-intro")) }
        form class="stack" method="post" action=(format!("/cases/{}/tips#tip", case.id)) {
            (page.csrf_field())
            (errors.summary(page))
            label {
                (page.t("tip-message"))
                textarea name="message" required maxlength="4000" { (tip.message.as_deref().unwrap_or("")) }
                (errors.beside(page, "message"))
            }
            div class="row" {
                label {
                    (page.t("tip-seen-place"))
                    input type="text" name="seen_place" maxlength="200" value=[tip.seen_place.as_deref()];
                    (errors.beside(page, "seen_place"))
                }
                label {
                    (page.t("tip-seen-at"))
                    input type="datetime-local" name="seen_at" value=[tip.seen_at.as_deref()];
                    (errors.beside(page, "seen_at"))
                }
            }
            input type="hidden" name="tz" value=(offset);
            input type="hidden" name="lat" value=[tip.lat.as_deref()];
            input type="hidden" name="lng" value=[tip.lng.as_deref()];
            div {
                button class="secondary" type="button" hidden data-locate data-status="tip-locate-status"
                    data-done=(page.t("locate-done")) data-failed=(page.t("locate-failed")) { (page.ta("tip-use-location", &[("sex", case.details.sex.as_str())])) }
                span id="tip-locate-status" role="status" {}
                (errors.beside(page, "lat"))
            }
            div class="row" {
                label {
                    span { (page.t("tip-nickname")) " " span class="hint" { (page.t("optional")) } }
                    input type="text" name="nickname" maxlength="80" value=[tip.nickname.as_deref()];
                    (errors.beside(page, "nickname"))
                }
                label {
                    span { (page.t("tip-contact")) " " span class="hint" { (page.t("optional")) } }
                    input type="text" name="contact" maxlength="200" value=[tip.contact.as_deref()];
                    (errors.beside(page, "contact"))
                }
            }
            p class="small" { (page.t("tip-privacy")) }
            div { button type="submit" { (page.t("tip-send")) } }
        }
    }
}

#[derive(Deserialize, Default)]
struct FollowForm {
    email: Option<String>,
}

fn follow_form(page: &Page, case: &Case, form: &FollowForm, errors: &FormErrors) -> Markup {
    html! {
        h2 id="follow" { (page.t("follow-title")) }
        p { (page.t("follow-intro")) }
        form class="stack" method="post" action=(format!("/cases/{}/follow#follow", case.id)) {
            (page.csrf_field())
            label {
                (page.t("follow-email"))
                input type="email" name="email" required autocomplete="email" value=[form.email.as_deref()];
                (errors.beside(page, "email"))
            }
            div { button class="secondary" type="submit" { (page.t("follow-send")) } }
        }
    }
}

async fn follow(
    State(state): State<AppState>,
    page: Page,
    ClientIp(ip): ClientIp,
    PagePath(id): PagePath<i64>,
    Form(form): Form<FollowForm>,
) -> Result<Response, PageError> {
    page.check_public_form()?;
    let case = state.store.case(CaseId(id)).await?;
    let language = page.lang.as_str();
    match crate::subscriptions::follow(&state, ip, case.id, form.email.as_deref(), Some(language))
        .await
    {
        Ok(()) => {
            let body = html! {
                p class="notice" role="status" { (page.t("follow-check-mail")) }
                p { a href=(format!("/cases/{}", case.id)) { (page.t("tip-back")) } }
            };
            Ok(page
                .render(&page.t("follow-sent-title"), body)
                .into_response())
        }
        Err(ApiError::Invalid(invalid)) => {
            let forms = Forms {
                follow: form,
                follow_errors: FormErrors::from_invalid(invalid),
                ..Forms::default()
            };
            let html = render(&state, &page, &case, &forms);
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
        Err(other) => Err(other.into()),
    }
}

/// "This report is about me and it is false" / "I am safe": reaches police
/// at once with a way to reach the sender; police decide, not the form.
fn about_me_form(page: &Page, case: &Case, form: &TipForm, errors: &FormErrors) -> Markup {
    html! {
        details id="about-me" open[!errors.is_empty()] {
            summary { (page.t("about-me-title")) }
            p { (page.t("about-me-intro")) }
            form class="stack" method="post" action=(format!("/cases/{}/about-me#about-me", case.id)) {
                (page.csrf_field())
                (errors.summary(page))
                label {
                    (page.t("about-me-message"))
                    textarea name="message" required maxlength="4000" { (form.message.as_deref().unwrap_or("")) }
                    (errors.beside(page, "message"))
                }
                label {
                    (page.t("about-me-contact"))
                    input type="text" name="contact" required maxlength="200" value=[form.contact.as_deref()];
                    (errors.beside(page, "contact"))
                }
                div { button class="secondary" type="submit" { (page.t("about-me-send")) } }
            }
        }
    }
}

impl TipForm {
    fn input(&self) -> TipInput {
        let number = |v: &Option<String>| v.as_deref().and_then(|v| v.trim().parse::<f64>().ok());
        TipInput {
            message: self.message.clone(),
            nickname: self.nickname.clone(),
            contact: self.contact.clone(),
            seen_place: self.seen_place.clone(),
            lat: number(&self.lat),
            lng: number(&self.lng),
            seen_at: self
                .seen_at
                .as_deref()
                .and_then(|local| with_offset(local, self.tz.as_deref())),
        }
    }
}

/// "2026-11-20T18:30" and "-04:00" as RFC 3339; what does not read as a
/// local time goes on as typed, for the domain to refuse by name.
pub fn with_offset(local: &str, offset: Option<&str>) -> Option<String> {
    let local = local.trim();
    if local.is_empty() {
        return None;
    }
    let parsed = NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M:%S"));
    match (
        parsed,
        offset.and_then(|o| o.parse::<chrono::FixedOffset>().ok()),
    ) {
        (Ok(at), Some(offset)) => Some(format!("{}{offset}", at.format("%Y-%m-%dT%H:%M:%S"))),
        _ => Some(local.to_string()),
    }
}

async fn send_tip(
    State(state): State<AppState>,
    page: Page,
    ClientIp(ip): ClientIp,
    PagePath(id): PagePath<i64>,
    Form(form): Form<TipForm>,
) -> Result<Response, PageError> {
    deliver(state, page, ip, id, form, TipKind::Sighting).await
}

async fn about_me(
    State(state): State<AppState>,
    page: Page,
    ClientIp(ip): ClientIp,
    PagePath(id): PagePath<i64>,
    Form(form): Form<TipForm>,
) -> Result<Response, PageError> {
    deliver(state, page, ip, id, form, TipKind::AboutMe).await
}

/// Either form: stored and mailed to police, or shown again with its errors.
async fn deliver(
    state: AppState,
    page: Page,
    ip: std::net::IpAddr,
    id: i64,
    form: TipForm,
    kind: TipKind,
) -> Result<Response, PageError> {
    page.check_public_form()?;
    let case = state.store.case(CaseId(id)).await?;
    match crate::tips::submit(&state, ip, case.id, &form.input(), kind).await {
        Ok(_) => {
            let (title, thanks) = match kind {
                TipKind::Sighting => ("tip-sent-title", "tip-thanks"),
                TipKind::AboutMe => ("about-me-sent-title", "about-me-thanks"),
            };
            let body = html! {
                p class="notice" role="status" { (page.t(thanks)) }
                p { a href=(format!("/cases/{}", case.id)) { (page.t("tip-back")) } }
            };
            Ok(page.render(&page.t(title), body).into_response())
        }
        Err(ApiError::Invalid(invalid)) => {
            let errors = FormErrors::from_invalid(invalid);
            let forms = match kind {
                TipKind::Sighting => Forms {
                    tip: form,
                    tip_errors: errors,
                    ..Forms::default()
                },
                TipKind::AboutMe => Forms {
                    about_me: form,
                    about_me_errors: errors,
                    ..Forms::default()
                },
            };
            let html = render(&state, &page, &case, &forms);
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
        Err(other) => Err(other.into()),
    }
}

//! `/cases/{id}`: the page a poster's QR code and a shared link open. A plain
//! first version (the full pages come with their own issue): the person, the
//! number to call, the posters in every language and paper, and Open Graph
//! tags so a shared link shows the PNG card.

use alerta_core::policy;
use alerta_core::{CaseId, CaseStatus, Language, Outcome};
use alerta_poster::PosterCase;
use axum::extract::{Path, Query, State};
use axum::http::header::CACHE_CONTROL;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;

use crate::AppState;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::page::{escape, page_with_head};

pub fn routes() -> axum::Router<AppState> {
    axum::Router::new().route("/cases/{id}", get(case_page))
}

#[derive(Deserialize)]
struct PageParams {
    lang: Option<String>,
}

/// Each language named in itself, for the poster links.
const LANGUAGE_NAMES: [(Language, &str); 4] = [
    (Language::Es, "Español"),
    (Language::Pt, "Português"),
    (Language::Fr, "Français"),
    (Language::En, "English"),
];

async fn case_page(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    Query(params): Query<PageParams>,
) -> Result<Response, ApiError> {
    let case = state.store.case(CaseId(id)).await?;
    policy::view(caller.actor(), &case)?;
    let language = params
        .lang
        .as_deref()
        .and_then(|l| Language::parse("lang", l).ok())
        .unwrap_or(case.details.language);
    let t = |key: &str, args: &[(&str, &str)]| alerta_i18n::text(language, key, args);
    let name = case.details.full_name();

    if case.status == CaseStatus::Resolved {
        // Found: only that, and no photo.
        let key = if case.outcome == Some(Outcome::FoundSafe) {
            "found-body-found"
        } else {
            "found-body-closed"
        };
        let body = format!("<p>{}</p>", escape(&t(key, &[("name", &name)])));
        let html = page_with_head(language, &name, "", &body);
        return Ok(([(CACHE_CONTROL, "public, max-age=300")], Html(html)).into_response());
    }

    let base = &state.settings.public_url;
    let page_url = format!("{base}/cases/{}", case.id);
    let printed = alerta_poster::print_date(&case.details, state.now());
    let sheet = alerta_poster::sheet(&PosterCase::of(&case, &page_url), language, printed);
    let title = format!("{}: {}", sheet.headline, sheet.name);
    let card_url = format!("{page_url}/poster.png?lang={}", language.as_str());
    let head = format!(
        "<meta property=\"og:type\" content=\"article\">\
         <meta property=\"og:title\" content=\"{title}\">\
         <meta property=\"og:description\" content=\"{description}\">\
         <meta property=\"og:url\" content=\"{url}\">\
         <meta property=\"og:image\" content=\"{card}\">\
         <meta property=\"og:image:type\" content=\"image/png\">\
         <meta property=\"og:image:width\" content=\"1080\">\
         <meta property=\"og:image:height\" content=\"1350\">\
         <meta name=\"twitter:card\" content=\"summary_large_image\">",
        title = escape(&title),
        description = escape(&format!(
            "{} {}",
            sheet.last_seen.label, sheet.last_seen.value
        )),
        url = escape(&page_url),
        card = escape(&card_url),
    );

    let mut body = String::new();
    if case.has_photo {
        body.push_str(&format!(
            "<p><img src=\"/api/v1/cases/{}/photo?v={}\" alt=\"{}\" style=\"max-width:100%\"></p>",
            case.id,
            case.version,
            escape(&sheet.name)
        ));
    }
    body.push_str(&format!("<h2>{}</h2><ul>", escape(&sheet.name)));
    for fact in sheet
        .facts
        .iter()
        .chain([&sheet.last_seen, &sheet.circumstances])
    {
        body.push_str(&format!(
            "<li><b>{}</b> {}</li>",
            escape(&fact.label),
            escape(&fact.value)
        ));
    }
    body.push_str(&format!(
        "</ul><p>{} <a href=\"tel:{tel}\"><b>{phone}</b></a></p><h2>PDF</h2><ul>",
        escape(&sheet.call),
        tel = escape(&sheet.phone.replace(' ', "")),
        phone = escape(&sheet.phone),
    ));
    for (lang, label) in LANGUAGE_NAMES {
        let lang = lang.as_str();
        body.push_str(&format!(
            "<li>{label}: <a href=\"/cases/{id}/poster.pdf?lang={lang}&amp;paper=a4\">A4</a> · \
             <a href=\"/cases/{id}/poster.pdf?lang={lang}&amp;paper=letter\">Letter</a> · \
             <a href=\"/cases/{id}/poster.png?lang={lang}\">PNG</a></li>",
            id = case.id,
        ));
    }
    body.push_str(&format!(
        "</ul><p><small>{}</small></p>",
        escape(&sheet.case_number)
    ));
    let cache = if case.status == CaseStatus::Active {
        "public, max-age=300"
    } else {
        "private, no-store"
    };
    let html = page_with_head(language, &title, &head, &body);
    Ok(([(CACHE_CONTROL, cache)], Html(html)).into_response())
}

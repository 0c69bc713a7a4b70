//! `/`: the active cases, newest first, near a town or the reader's
//! location when given, or matching a name.

use alerta_core::text::{Lines, clean_optional};
use alerta_core::{Case, CaseStatus, Circle, Coordinates, Geography, Language, PlaceError};
use alerta_store::CaseFilter;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use maud::{Markup, html};
use serde::Deserialize;

use super::{Page, PageError};
use crate::AppState;
use crate::shared_pages::{Moment, Shared, SharedPage};

pub fn routes() -> Router<AppState> {
    Router::new().route("/", get(home))
}

/// How far around a town or the reader the home page looks.
const NEAR_KM: f64 = 50.0;
const PAGE_SIZE: i64 = 24;

#[derive(Deserialize, Default)]
struct Search {
    q: Option<String>,
    place: Option<String>,
    lat: Option<String>,
    lng: Option<String>,
}

/// What the reader asked for, checked.
struct Wanted {
    name: Option<String>,
    near: Option<(Coordinates, String)>,
    /// Why the place could not be used, shown beside its field.
    place_problem: Option<PlaceError>,
}

async fn home(
    State(state): State<AppState>,
    page: Page,
    Query(search): Query<Search>,
    uri: axum::http::Uri,
    headers: axum::http::HeaderMap,
) -> Result<Response, PageError> {
    // Without a search, every reader without a session sees the same list:
    // one copy, kept while no case changes (see shared_pages).
    let moment = Moment::now(&state);
    if let Some(shared) = page.shared_copy().filter(|_| uri.query().is_none()) {
        if let Some(copy) = state.shared_pages.get(Shared::Home, page.lang, moment) {
            return Ok(super::shared_answer(&headers, copy));
        }
        let copy = SharedPage::of(render(&state, &shared, &search).await?.into_string());
        state
            .shared_pages
            .keep(Shared::Home, page.lang, copy.clone(), moment);
        return Ok(super::shared_answer(&headers, copy));
    }
    Ok(render(&state, &page, &search).await?.into_response())
}

/// The home page for `page`'s reader, with the cases `search` asks for.
async fn render(state: &AppState, page: &Page, search: &Search) -> Result<Markup, PageError> {
    let wanted = understand(page, search);
    let mut filter = CaseFilter {
        statuses: vec![CaseStatus::Active],
        limit: PAGE_SIZE,
        ..CaseFilter::default()
    };
    filter.near = wanted.near.as_ref().map(|(center, _)| Circle {
        center: *center,
        radius_km: NEAR_KM,
    });
    let cases: Vec<Case> = crate::search::find_cases(state, &filter, wanted.name.as_deref())
        .await?
        .into_iter()
        // Hidden cases stay out of public lists (police still see them).
        .filter(|case| alerta_core::policy::view(page.actor.as_ref(), case).is_ok())
        .collect();

    let heading = match (&wanted.near, &wanted.name) {
        (Some((_, label)), _) => page.ta("home-near", &[("place", label)]),
        (None, Some(name)) => page.ta("home-named", &[("name", name)]),
        (None, None) => page.t("home-latest"),
    };
    let body = html! {
        p { (page.t("home-intro")) }
        (search_form(page, search, &wanted))
        h2 { (heading) }
        @if cases.is_empty() {
            p class="notice" { (page.t("home-none")) }
        } @else {
            ul class="cases" {
                @for case in &cases { (case_card(page.lang, case)) }
            }
        }
        p { a class="button" href="/subscribe" { (page.t("home-subscribe")) } }
    };
    Ok(page.render(&page.t("home-title"), body))
}

fn understand(page: &Page, search: &Search) -> Wanted {
    let name = clean_optional("q", search.q.as_deref(), 200, Lines::Single)
        .ok()
        .flatten();
    let located = match (search.lat.as_deref(), search.lng.as_deref()) {
        (Some(lat), Some(lng)) => {
            Coordinates::parse("near", lat.parse().ok(), lng.parse().ok()).ok()
        }
        _ => None,
    };
    if let Some(center) = located {
        return Wanted {
            name,
            near: Some((center, page.t("home-your-location"))),
            place_problem: None,
        };
    }
    let typed = clean_optional("place", search.place.as_deref(), 200, Lines::Single)
        .ok()
        .flatten();
    let Some(typed) = typed else {
        return Wanted {
            name,
            near: None,
            place_problem: None,
        };
    };
    match alerta_places::WORLD.place(&typed) {
        Ok(place) => Wanted {
            name,
            near: Some((place.center, place.label)),
            place_problem: None,
        },
        Err(error) => Wanted {
            name,
            near: None,
            place_problem: Some(error),
        },
    }
}

fn search_form(page: &Page, search: &Search, wanted: &Wanted) -> Markup {
    html! {
        form class="stack" method="get" action="/" role="search" {
            div class="row" {
                label {
                    (page.t("home-search-place"))
                    input type="text" name="place" data-suggest autocomplete="off"
                        value=[search.place.as_deref()] placeholder="Cochabamba, BO";
                    @if let Some(problem) = &wanted.place_problem {
                        (place_problem(page, problem, search.place.as_deref().unwrap_or(""), "/?place="))
                    }
                }
                label {
                    (page.t("home-search-name"))
                    input type="search" name="q" value=[search.q.as_deref()];
                }
            }
            input type="hidden" name="lat";
            input type="hidden" name="lng";
            div class="row" {
                button type="submit" { (page.t("home-search")) }
                button class="secondary" type="button" hidden data-locate data-submit
                    data-status="locate-status" data-done=(page.t("locate-done"))
                    data-failed=(page.t("locate-failed")) { (page.t("home-use-location")) }
            }
            span id="locate-status" role="status" {}
        }
    }
}

/// A case in a list: photo, name, age, where and when last seen.
pub fn case_card(language: Language, case: &Case) -> Markup {
    let d = &case.details;
    let name = d.full_name();
    let age = alerta_i18n::text(
        language,
        "poster-age",
        &[("age", &d.age_when_last_seen().to_string())],
    );
    let when = alerta_i18n::short_date(language, d.last_seen_at.date_naive());
    html! {
        li class="card" {
            a href=(format!("/cases/{}", case.id)) {
                // Every card the same shape: a case without a photo says so
                // where the photo would be.
                @if case.has_photo {
                    img src=(format!("/api/v1/cases/{}/photo?thumbnail=true&v={}", case.id, case.version))
                        alt=(name) loading="lazy" width="400" height="500";
                } @else {
                    span class="no-photo" { (alerta_i18n::text(language, "card-no-photo", &[])) }
                }
                div class="name" { (name) ", " (age) }
                div class="where" { (alerta_i18n::last_seen_locality(language, case)) " · " (when) }
            }
        }
    }
}

/// An unknown town, or the towns a name could be, each a link to `base` + its label.
pub fn place_problem(page: &Page, problem: &PlaceError, typed: &str, base: &str) -> Markup {
    let link = |label: &str| {
        format!(
            "{base}{}",
            url::form_urlencoded::byte_serialize(label.as_bytes()).collect::<String>()
        )
    };
    html! {
        @match problem {
            PlaceError::Unknown => span class="field-error" {
                (page.t("place-unknown"))
                @let guesses = alerta_places::Gazetteer::shared().did_you_mean(typed, 3);
                @if !guesses.is_empty() {
                    " " (page.t("place-did-you-mean")) " "
                    @for (i, place) in guesses.iter().enumerate() {
                        @if i > 0 { " · " }
                        a href=(link(&place.label())) { (place.label()) }
                    }
                }
            },
            PlaceError::Ambiguous(choices) => span class="field-error" {
                (page.t("place-ambiguous")) " "
                @for (i, choice) in choices.iter().enumerate() {
                    @if i > 0 { " · " }
                    a href=(format!("{base}{}", url::form_urlencoded::byte_serialize(choice.as_bytes()).collect::<String>())) { (choice) }
                }
            },
        }
    }
}

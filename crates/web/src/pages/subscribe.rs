//! `/subscribe`: a volunteer gives an address, a language and a zone (a town
//! typed with suggestions, their location, or a country), and gets a
//! confirmation mail. The answer is the same whether the address was known.

use alerta_core::{Language, PosterDelivery, SubscriptionInput, ZoneInput};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Form, Router};
use maud::{Markup, html};
use serde::Deserialize;

use super::{FormErrors, LANGUAGE_NAMES, Page, PageError};
use crate::AppState;
use crate::error::ApiError;
use crate::limits::ClientIp;

pub fn routes() -> Router<AppState> {
    Router::new().route("/subscribe", get(subscribe_page).post(subscribe))
}

/// Radii offered; the gazetteer's default for the town when left empty.
const RADII_KM: [u32; 7] = [2, 5, 10, 20, 50, 100, 200];

/// Where a volunteer watches, as the zone fields of a form give it.
#[derive(Deserialize, Default)]
pub struct ZoneFields {
    pub csrf: Option<String>,
    place: Option<String>,
    radius_km: Option<String>,
    lat: Option<String>,
    lng: Option<String>,
    region: Option<String>,
}

fn text(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(String::from)
}

impl ZoneFields {
    /// A location from the browser wins over a typed town; a country stands alone.
    pub fn zone(&self) -> ZoneInput {
        let number = |v: &Option<String>| text(v).and_then(|v| v.parse::<f64>().ok());
        let (lat, lng) = (number(&self.lat), number(&self.lng));
        if lat.is_some() && lng.is_some() {
            ZoneInput {
                lat,
                lng,
                radius_km: number(&self.radius_km).or(Some(10.0)),
                ..ZoneInput::default()
            }
        } else if let Some(region) = text(&self.region) {
            ZoneInput {
                region: Some(region),
                ..ZoneInput::default()
            }
        } else {
            ZoneInput {
                place: text(&self.place),
                radius_km: number(&self.radius_km),
                ..ZoneInput::default()
            }
        }
    }
}

#[derive(Deserialize, Default)]
struct SubscribeForm {
    email: Option<String>,
    language: Option<String>,
    poster: Option<String>,
    #[serde(flatten)]
    zone: ZoneFields,
}

impl SubscribeForm {
    fn input(&self) -> SubscriptionInput {
        SubscriptionInput {
            email: text(&self.email),
            language: text(&self.language),
            zone: Some(self.zone.zone()),
            poster: text(&self.poster),
        }
    }
}

async fn subscribe_page(page: Page) -> Response {
    let form = SubscribeForm {
        language: Some(page.lang.as_str().to_string()),
        ..SubscribeForm::default()
    };
    page.render(
        &page.t("subscribe-title"),
        form_html(&page, &form, &FormErrors::default()),
    )
    .into_response()
}

fn form_html(page: &Page, form: &SubscribeForm, errors: &FormErrors) -> Markup {
    let chosen_language = form
        .language
        .as_deref()
        .and_then(|l| Language::parse("", l).ok())
        .unwrap_or(page.lang);
    let chosen_poster = form
        .poster
        .as_deref()
        .and_then(|p| PosterDelivery::parse("", p).ok())
        .unwrap_or_default();
    html! {
        p { (page.t("subscribe-intro")) }
        form class="stack" method="post" action="/subscribe" {
            (page.csrf_field())
            (errors.summary(page))
            label {
                (page.t("subscribe-email"))
                input type="email" name="email" required autocomplete="email" value=[form.email.as_deref()];
                (errors.beside(page, "email"))
            }
            label {
                (page.t("subscribe-language"))
                select name="language" {
                    @for (language, name) in LANGUAGE_NAMES {
                        option value=(language.as_str()) selected[language == chosen_language] { (name) }
                    }
                }
            }
            (zone_fieldset(page, &form.zone, errors))
            (poster_fieldset(page, chosen_poster))
            p class="small" { (page.t("subscribe-privacy")) }
            div { button type="submit" { (page.t("subscribe-send")) } }
        }
    }
}

async fn subscribe(
    State(state): State<AppState>,
    page: Page,
    ClientIp(ip): ClientIp,
    Form(form): Form<SubscribeForm>,
) -> Result<Response, PageError> {
    page.check_csrf(form.zone.csrf.as_deref())?;
    match crate::subscriptions::request(&state, ip, &form.input()).await {
        Ok(()) => {
            // The zone as it was understood, on a map: a town taken for
            // another one shows before the confirmation mail is opened.
            let asked =
                alerta_core::NewSubscription::parse(&form.input(), &alerta_places::WORLD).ok();
            let body = html! {
                p class="notice" role="status" { (page.t("subscribe-check-mail")) }
                @if let Some(asked) = &asked
                    && let alerta_core::Zone::Circle(circle) = &asked.zone {
                    (super::map::zone_map(&page, circle, &asked.label, 0))
                }
            };
            Ok(page
                .render(&page.t("subscribe-sent-title"), body)
                .into_response())
        }
        Err(ApiError::Invalid(invalid)) => {
            let errors = FormErrors::from_invalid(invalid);
            let html = page.render(&page.t("subscribe-title"), form_html(&page, &form, &errors));
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
        Err(other) => Err(other.into()),
    }
}

/// The zone part of a form: a town with suggestions and a radius, the
/// browser's location, or a whole country or region, with suggestions.
/// How alerts bring the poster: attached, or a link only (light mail).
pub fn poster_fieldset(page: &Page, chosen: PosterDelivery) -> Markup {
    html! {
        fieldset {
            legend { (page.t("poster-delivery")) }
            @for (option, key) in [
                (PosterDelivery::Attached, "poster-delivery-attached"),
                (PosterDelivery::Link, "poster-delivery-link"),
            ] {
                label class="choice" {
                    input type="radio" name="poster" value=(option.as_str()) checked[option == chosen];
                    " " (page.t(key))
                }
            }
        }
    }
}

pub fn zone_fieldset(page: &Page, form: &ZoneFields, errors: &FormErrors) -> Markup {
    let chosen_radius = form.radius_km.as_deref().unwrap_or("");
    html! {
    fieldset {
        legend { (page.t("subscribe-zone")) }
        div class="row" {
            label {
                (page.t("subscribe-place"))
                span class="hint" { (page.t("subscribe-place-hint")) }
                input type="text" name="place" data-suggest autocomplete="off"
                    placeholder="Cochabamba, BO" value=[form.place.as_deref()];
                (errors.beside(page, "zone.place"))
            }
            label {
                (page.t("subscribe-radius"))
                select name="radius_km" {
                    option value="" selected[chosen_radius.is_empty()] { (page.t("subscribe-radius-default")) }
                    @for km in RADII_KM {
                        @let value = km.to_string();
                        option value=(value) selected[chosen_radius == value] { (km) " km" }
                    }
                }
                (errors.beside(page, "zone.radius_km"))
            }
        }
        input type="hidden" name="lat" value=[form.lat.as_deref()];
        input type="hidden" name="lng" value=[form.lng.as_deref()];
        p {
            button class="secondary" type="button" hidden data-locate data-status="locate-status"
                data-done=(page.t("locate-done")) data-failed=(page.t("locate-failed")) { (page.t("subscribe-use-location")) }
            span id="locate-status" role="status" {}
            (errors.beside(page, "zone.lat"))
        }
        label {
            (page.t("subscribe-region"))
            span class="hint" { (page.t("subscribe-region-hint")) }
            input type="text" name="region" maxlength="100" data-suggest-regions autocomplete="off"
                placeholder="Cochabamba (BO-C)" value=[form.region.as_deref()];
            (errors.beside(page, "zone.region"))
        }
        (errors.beside(page, "zone"))
    }
    }
}

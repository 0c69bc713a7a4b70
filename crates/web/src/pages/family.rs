//! `/family`: a family's cases and what police did with them, and the form
//! that registers a case with its photo (police use the same form). The form
//! keeps what was typed when a field is wrong and says which; nothing is
//! stored until every field, the photo included, is right.

use std::collections::HashMap;

use alerta_core::case::CoordinatesInput;
use alerta_core::{
    Actor, CaseDetails, CaseInput, CaseStatus, Geography, Language, PlaceError, Sex,
};
use alerta_store::{CaseFilter, StoredPhoto};
use axum::Router;
use axum::extract::{DefaultBodyLimit, Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use maud::{Markup, html};

use super::case::with_offset;
use super::{FormErrors, LANGUAGE_NAMES, Page, PageError, PagePath, see_other};
use crate::AppState;
use crate::error::ApiError;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/family", get(my_cases))
        .route(
            "/family/cases/new",
            get(new_case_page)
                .post(register)
                .layer(DefaultBodyLimit::max(alerta_photo::MAX_BYTES + 256 * 1024)),
        )
        .route("/family/pending-photos/{token}", get(pending_thumbnail))
        .route(
            "/cases/{id}/edit",
            get(edit_page)
                .post(save_edit)
                .layer(DefaultBodyLimit::max(alerta_photo::MAX_BYTES + 256 * 1024)),
        )
}

fn signed_in(page: &Page, back_to: &str) -> Result<Actor, PageError> {
    page.actor.clone().ok_or_else(|| PageError::SignIn {
        next: back_to.to_string(),
    })
}

async fn my_cases(State(state): State<AppState>, page: Page) -> Result<Response, PageError> {
    let actor = signed_in(&page, "/family")?;
    let filter = CaseFilter {
        statuses: vec![CaseStatus::Draft, CaseStatus::Active, CaseStatus::Resolved],
        owner: Some(actor.user_id),
        limit: 100,
        ..CaseFilter::default()
    };
    let cases = state.store.list_cases(&filter).await?;
    let body = html! {
        p { a class="button" href="/family/cases/new" { (page.t("family-new-case")) } }
        @if cases.is_empty() { p { (page.t("family-none")) } } @else {
            // Compact rows: a family checks on its cases, it does not browse them.
            ul class="case-rows" {
                @for case in &cases {
                    @let status = case.status.as_str();
                    li {
                        @if case.has_photo {
                            img src=(format!("/api/v1/cases/{}/photo?thumbnail=true&v={}", case.id, case.version))
                                alt="" width="64" height="80" loading="lazy";
                        } @else {
                            span class="no-photo" { (page.t("card-no-photo")) }
                        }
                        div {
                            a href=(format!("/cases/{}", case.id)) { (case.details.full_name()) }
                            div class="small" { (alerta_i18n::last_seen_locality(page.lang, case)) " · " (alerta_i18n::short_date(page.lang, case.details.last_seen_at.date_naive())) }
                            div class="small" { span class=(format!("badge {status}")) { (page.t(&format!("status-{status}"))) } " " (page.t(&format!("family-status-{status}"))) }
                        }
                    }
                }
            }
        }
    };
    Ok(page.render(&page.t("family-title"), body).into_response())
}

/// The form's fields as typed.
type Typed = HashMap<String, String>;

const NEW_CASE: &str = "/family/cases/new";

async fn new_case_page(page: Page) -> Result<Response, PageError> {
    signed_in(&page, "/family/cases/new")?;
    let mut typed = Typed::new();
    typed.insert("language".into(), page.lang.as_str().into());
    typed.insert("tz".into(), "-04:00".into());
    Ok(page
        .render(
            &page.t("family-new-case"),
            case_form(&page, NEW_CASE, &typed, &FormErrors::default()),
        )
        .into_response())
}

/// UTC offsets offered, whole and half hours of the Americas and beyond.
const OFFSETS: [&str; 16] = [
    "-10:00", "-09:00", "-08:00", "-07:00", "-06:00", "-05:00", "-04:00", "-03:30", "-03:00",
    "-02:00", "-01:00", "+00:00", "+01:00", "+02:00", "+03:00", "+05:30",
];

fn case_form(page: &Page, action: &str, typed: &Typed, errors: &FormErrors) -> Markup {
    let value = |name: &str| {
        typed
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    };
    let text = |name: &str, key: &str, required: bool, max: u32| {
        html! {
            label {
                span { (page.label(key)) @if !required { " " span class="hint" { (page.t("optional")) } } }
                input type="text" name=(name) required[required] maxlength=(max) value=[value(name)];
                (errors.beside(page, name))
            }
        }
    };
    let area = |name: &str, key: &str, required: bool| {
        html! {
            label {
                span { (page.label(key)) @if !required { " " span class="hint" { (page.t("optional")) } } }
                textarea name=(name) required[required] { (value(name).unwrap_or("")) }
                (errors.beside(page, name))
            }
        }
    };
    html! {
        p { (page.t("family-form-intro")) }
        form id="case-form" class="stack" method="post" action=(action) enctype="multipart/form-data" {
            (page.csrf_field())
            (errors.summary(page))
            div class="row" {
                (text("given_name", "case-given-name", true, 100))
                (text("family_name", "case-family-name", true, 100))
            }
            (text("aliases", "case-aliases", false, 200))
            div class="row" {
                label {
                    (page.label("poster-label-sex"))
                    select name="sex" required {
                        option value="" { "—" }
                        @for sex in Sex::ALL {
                            option value=(sex.as_str()) selected[value("sex") == Some(sex.as_str())] {
                                (page.ta("poster-sex", &[("sex", sex.as_str())]))
                            }
                        }
                    }
                    (errors.beside(page, "sex"))
                }
                label {
                    span { (page.t("case-birth-date")) " " span class="hint" { (page.t("case-or-age")) } }
                    input type="date" name="birth_date" value=[value("birth_date")];
                    (errors.beside(page, "birth_date"))
                }
                label {
                    (page.t("case-age"))
                    input type="number" name="age" min="0" max="120" value=[value("age")];
                    (errors.beside(page, "age"))
                }
            }
            div class="row" {
                label {
                    (page.t("case-last-seen-at"))
                    input type="datetime-local" name="last_seen_at" required value=[value("last_seen_at")];
                    (errors.beside(page, "last_seen_at"))
                }
                label {
                    (page.t("case-time-zone"))
                    // The browser's offset is only a first guess: once the
                    // form comes back (or a case is edited) the choice stands.
                    select name="tz" data-tz-offset[value("tz").is_none()] {
                        @for offset in OFFSETS {
                            option value=(offset) selected[value("tz") == Some(offset)] { "UTC" (offset) }
                        }
                    }
                }
            }
            (text("last_seen_place", "case-last-seen-place", true, 200))
            label {
                (page.t("case-town"))
                span class="hint" { (page.t("case-town-hint")) }
                input type="text" name="town" data-suggest autocomplete="off" placeholder="Cochabamba, BO" value=[value("town")];
                (errors.beside(page, "town"))
            }
            input type="hidden" name="lat" value=[value("lat")];
            input type="hidden" name="lng" value=[value("lng")];
            p {
                button class="secondary" type="button" hidden data-locate data-status="case-locate-status"
                    data-done=(page.t("locate-done")) data-failed=(page.t("locate-failed")) { (page.t("case-use-location")) }
                span id="case-locate-status" role="status" {}
            }
            (area("circumstances", "poster-label-circumstances", true))
            (area("clothing", "poster-label-clothing", true))
            div class="row" {
                // Text, not number inputs: "1,52 m" and "45.5" are how people
                // write them, and a number input would refuse them unsaid.
                label {
                    (page.label("poster-label-height"))
                    span class="hint" { (page.t("case-height-hint")) }
                    input type="text" inputmode="decimal" name="height_cm" maxlength="10" value=[value("height_cm")];
                    (errors.beside(page, "height_cm"))
                }
                label {
                    (page.label("poster-label-weight"))
                    span class="hint" { (page.t("case-weight-hint")) }
                    input type="text" inputmode="decimal" name="weight_kg" maxlength="10" value=[value("weight_kg")];
                    (errors.beside(page, "weight_kg"))
                }
            }
            div class="row" {
                (text("hair", "poster-label-hair", false, 100))
                (text("eyes", "poster-label-eyes", false, 100))
            }
            (area("marks", "poster-label-marks", false))
            div class="row" {
                label {
                    (page.t("case-contact-phone"))
                    input type="tel" name="contact_phone" required maxlength="40" value=[value("contact_phone")];
                    (errors.beside(page, "contact_phone"))
                }
                label {
                    (page.t("case-contact-phone-2"))
                    input type="tel" name="contact_phone_2" maxlength="40" value=[value("contact_phone_2")];
                    (errors.beside(page, "contact_phone_2"))
                }
            }
            (text("contact_name", "case-contact-name", false, 100))
            label {
                (page.t("case-language"))
                select name="language" {
                    @for (language, name) in LANGUAGE_NAMES {
                        option value=(language.as_str()) selected[value("language") == Some(language.as_str())] { (name) }
                    }
                }
            }
            // Last in the form: a photo over the size limit cuts the upload
            // short, and every field before it still comes back filled in.
            @if let Some(token) = value(PENDING_PHOTO) {
                // The photo of the try before, kept: choosing another replaces it.
                input type="hidden" name=(PENDING_PHOTO) value=(token);
                div class="kept-photo" {
                    img src=(format!("/family/pending-photos/{token}")) alt=(page.t("case-photo-kept-alt")) width="96";
                    p { (page.t("case-photo-kept")) }
                }
            }
            label {
                (page.t("case-photo"))
                span class="hint" { (page.t("case-photo-hint")) }
                input type="file" name="photo" accept="image/jpeg,image/png,image/webp,image/gif";
                (errors.beside(page, "photo"))
            }
            div { button type="submit" { (page.t(if action == NEW_CASE { "family-register" } else { "case-save" })) } }
        }
    }
}

fn photo_too_large() -> alerta_core::FieldError {
    alerta_core::FieldError::broke(
        "photo",
        alerta_core::Rule::PhotoTooLarge {
            max_mb: alerta_photo::MAX_BYTES / (1024 * 1024),
            max_megapixels: alerta_photo::MAX_PIXELS / 1_000_000,
        },
    )
}

/// The form field that carries a kept photo's token.
const PENDING_PHOTO: &str = "pending_photo";

/// The photo a form sent.
enum Upload {
    /// The bytes and the type the browser declared.
    Photo(Vec<u8>, String),
    /// More than the form may carry: nothing of it was kept.
    TooLarge,
}

/// Reads the multipart form: its text fields, and the photo with its type.
async fn read_form(mut multipart: Multipart) -> Result<(Typed, Option<Upload>), ApiError> {
    let mut typed = Typed::new();
    let mut photo = None;
    let bad = |e: axum::extract::multipart::MultipartError| ApiError::BadRequest {
        code: "bad_form",
        message: e.body_text(),
        field: None,
    };
    while let Some(field) = multipart.next_field().await.map_err(bad)? {
        let name = field.name().unwrap_or("").to_string();
        if name == "photo" {
            let declared = field.content_type().unwrap_or("").to_string();
            let bytes = match field.bytes().await {
                Ok(bytes) => bytes,
                // Over the size limit: the fields before it are read, the
                // rest of the upload never comes; the form says why.
                Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                    return Ok((typed, Some(Upload::TooLarge)));
                }
                Err(e) => return Err(bad(e)),
            };
            if !bytes.is_empty() {
                photo = Some(Upload::Photo(bytes.to_vec(), declared));
            }
        } else {
            typed.insert(name, field.text().await.map_err(bad)?);
        }
    }
    Ok((typed, photo))
}

/// The typed fields as the domain's input; a town from the gazetteer stands
/// in for coordinates when the browser gave none.
fn case_input(typed: &Typed) -> (CaseInput, Vec<alerta_core::FieldError>) {
    let text = |name: &str| {
        typed
            .get(name)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let int = |name: &str| text(name).and_then(|v| v.parse::<i64>().ok());
    let float = |name: &str| text(name).and_then(|v| v.parse::<f64>().ok());
    let mut problems = Vec::new();
    let mut town_error = None;
    // A town typed says where; otherwise the browser's location (or, when
    // editing, the case's own point) does.
    let mut last_seen = match (float("lat"), float("lng"), text("town")) {
        (Some(lat), Some(lng), None) => Some(CoordinatesInput {
            lat: Some(lat),
            lng: Some(lng),
        }),
        _ => None,
    };
    if last_seen.is_none() {
        match text("town").map(|t| alerta_places::WORLD.place(&t)) {
            Some(Ok(place)) => {
                last_seen = Some(CoordinatesInput {
                    lat: Some(place.center.lat),
                    lng: Some(place.center.lng),
                })
            }
            Some(Err(PlaceError::Unknown)) => {
                town_error = Some(alerta_core::FieldError::new("town", "is not a known town"))
            }
            Some(Err(PlaceError::Ambiguous(choices))) => {
                town_error = Some(alerta_core::FieldError::new(
                    "town",
                    format!("names several places; write one of: {}", choices.join("; ")),
                ))
            }
            None => town_error = Some(alerta_core::FieldError::new("town", "is required")),
        }
    }
    let input = CaseInput {
        given_name: text("given_name"),
        family_name: text("family_name"),
        aliases: text("aliases"),
        sex: text("sex"),
        birth_date: text("birth_date"),
        age: int("age"),
        height_cm: measure(text("height_cm"), height_cm, HEIGHT, &mut problems),
        weight_kg: measure(text("weight_kg"), weight_kg, WEIGHT, &mut problems),
        hair: text("hair"),
        eyes: text("eyes"),
        marks: text("marks"),
        clothing: text("clothing"),
        circumstances: text("circumstances"),
        last_seen_at: text("last_seen_at")
            .and_then(|l| with_offset(&l, typed.get("tz").map(String::as_str))),
        last_seen_place: text("last_seen_place"),
        last_seen,
        contact_phone: text("contact_phone"),
        contact_phone_2: text("contact_phone_2"),
        contact_name: text("contact_name"),
        language: text("language").filter(|l| Language::parse("", l).is_ok()),
        alert_radius_km: None,
        ..CaseInput::default()
    };
    problems.extend(town_error);
    (input, problems)
}

/// A measure's field, and what its refusal says.
type Measure = (&'static str, &'static str);
const HEIGHT: Measure = (
    "height_cm",
    "is not a height: write it in centimetres (152) or metres (1.52)",
);
const WEIGHT: Measure = (
    "weight_kg",
    "is not a weight: write it in kilograms (45 or 45.5)",
);

/// A measure typed in the form, read by `read`; one that cannot be read is
/// a problem named after its field (the form keeps what was typed).
fn measure(
    typed: Option<String>,
    read: fn(&str) -> Option<i64>,
    (field, refusal): Measure,
    problems: &mut Vec<alerta_core::FieldError>,
) -> Option<i64> {
    let value = read(&typed?);
    if value.is_none() {
        problems.push(alerta_core::FieldError::new(field, refusal));
    }
    value
}

/// A number as people type it: "1,52", "1.52", "45.5" ("," or "." for
/// decimals), with `unit` (and spaces) after it or not.
fn decimal_with_unit<'t>(typed: &'t str, units: &[&str]) -> Option<(f64, Option<&'t str>)> {
    let typed = typed.trim();
    let lower = typed.to_lowercase();
    let (number, unit) = units
        .iter()
        .find(|u| lower.ends_with(*u))
        .map_or((typed, None), |u| {
            let cut = typed.len() - u.len();
            (typed[..cut].trim_end(), Some(&typed[cut..]))
        });
    let value: f64 = number.replace(',', ".").parse().ok()?;
    value.is_finite().then_some((value, unit))
}

/// Centimetres from "152", "152 cm", "1.52", "1,52 m": under 3 it can only
/// be metres. The range itself is the case's rule to check.
fn height_cm(typed: &str) -> Option<i64> {
    let (value, unit) = decimal_with_unit(typed, &["cm", "m"])?;
    let metres =
        unit.is_some_and(|u| u.eq_ignore_ascii_case("m")) || (unit.is_none() && value < 3.0);
    Some((if metres { value * 100.0 } else { value }).round() as i64)
}

/// Kilograms from "45", "45,5", "45.5 kg", rounded.
fn weight_kg(typed: &str) -> Option<i64> {
    let (value, _) = decimal_with_unit(typed, &["kg"])?;
    Some(value.round() as i64)
}

/// A form refused: what was wrong, and its photo if the photo was right
/// (kept for the next try).
struct Refused {
    errors: FormErrors,
    photo: Option<StoredPhoto>,
}

/// Every check of the case form before any write, the photo's included: a
/// wrong photo must not leave a case behind. `kept` is an existing case's
/// details, whose alert area (radius, road, polygon, partner kinds) an
/// edit keeps: the form has no field for them.
async fn check_form(
    state: &AppState,
    typed: &Typed,
    photo: Option<Upload>,
    kept: Option<&CaseDetails>,
) -> Result<(CaseDetails, Option<StoredPhoto>), Refused> {
    let (mut input, form_problems) = case_input(typed);
    input.alert_radius_km = kept.map(|k| k.alert_radius_km);
    let mut problems = Vec::new();
    let details = CaseDetails::parse(&input, state.now())
        .map(|mut details| {
            if let Some(kept) = kept {
                details.alert_corridor = kept.alert_corridor.clone();
                details.alert_polygon = kept.alert_polygon.clone();
                details.alert_partner_kinds = kept.alert_partner_kinds.clone();
            }
            details
        })
        .map_err(|invalid| problems.extend(invalid.0))
        .ok();
    if form_problems.iter().any(|p| p.field == "town") {
        // The town stands for the coordinates: one message, on the field typed.
        problems.retain(|p| p.field != "last_seen" && !p.field.starts_with("last_seen."));
    }
    problems.extend(form_problems);
    let stored_photo = match photo {
        None => None,
        Some(Upload::TooLarge) => {
            problems.push(photo_too_large());
            None
        }
        Some(Upload::Photo(bytes, declared)) => {
            match crate::cases::normalize_photo(bytes, declared).await {
                Ok(stored) => Some(stored),
                Err(ApiError::TooLarge { .. }) => {
                    problems.push(photo_too_large());
                    None
                }
                Err(error) => {
                    problems.push(alerta_core::FieldError::new("photo", error.to_string()));
                    None
                }
            }
        }
    };
    match details {
        Some(details) if problems.is_empty() => Ok((details, stored_photo)),
        _ => Err(Refused {
            errors: FormErrors::from_invalid(alerta_core::InvalidInput(problems)),
            photo: stored_photo,
        }),
    }
}

/// The photo a form brings: the one chosen now, else the one kept from the
/// try before (the token in `pending_photo`), if it is still there.
async fn form_photo(
    state: &AppState,
    actor: &Actor,
    typed: &mut Typed,
    upload: Option<Upload>,
) -> Result<Option<Upload>, PageError> {
    if upload.is_some() {
        // A new choice replaces the kept one.
        typed.remove(PENDING_PHOTO);
        return Ok(upload);
    }
    let Some(token) = typed.get(PENDING_PHOTO).cloned() else {
        return Ok(None);
    };
    match state.app.pending_photo(actor, &token).await? {
        Some(kept) => Ok(Some(Upload::Photo(kept.original, kept.original_type))),
        None => {
            // Expired (a day passed) or not this account's: as if none.
            typed.remove(PENDING_PHOTO);
            Ok(None)
        }
    }
}

/// A refused form's good photo waits for the next try: the returned form
/// carries its token and shows it.
async fn keep_photo(
    state: &AppState,
    actor: &Actor,
    typed: &mut Typed,
    photo: Option<StoredPhoto>,
) -> Result<(), PageError> {
    match photo {
        Some(photo) if !typed.contains_key(PENDING_PHOTO) => {
            let token = state.app.keep_pending_photo(actor, &photo).await?;
            typed.insert(PENDING_PHOTO.to_string(), token);
        }
        Some(_) => {} // Already kept under the token the form carries.
        None => {
            typed.remove(PENDING_PHOTO);
        }
    }
    Ok(())
}

/// Once its case holds it, a kept photo is forgotten.
async fn forget_kept_photo(state: &AppState, typed: &Typed) -> Result<(), PageError> {
    if let Some(token) = typed.get(PENDING_PHOTO) {
        state.app.forget_pending_photo(token).await?;
    }
    Ok(())
}

/// The small copy of a kept photo, for the form that carries its token.
async fn pending_thumbnail(
    State(state): State<AppState>,
    page: Page,
    PagePath(token): PagePath<String>,
) -> Result<Response, PageError> {
    let actor = signed_in(&page, "/family/cases/new")?;
    let Some(jpeg) = state.app.pending_thumbnail(&actor, &token).await? else {
        return Err(PageError::Api(ApiError::NotFound));
    };
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, "image/jpeg"),
            (axum::http::header::CACHE_CONTROL, "private, no-store"),
        ],
        jpeg,
    )
        .into_response())
}

async fn register(
    State(state): State<AppState>,
    page: Page,
    multipart: Multipart,
) -> Result<Response, PageError> {
    let actor = signed_in(&page, "/family/cases/new")?;
    let (mut typed, upload) = read_form(multipart).await?;
    page.check_csrf(typed.get("csrf").map(String::as_str))?;
    let photo = form_photo(&state, &actor, &mut typed, upload).await?;
    let (details, stored_photo) = match check_form(&state, &typed, photo, None).await {
        Ok(checked) => checked,
        Err(Refused { errors, photo }) => {
            keep_photo(&state, &actor, &mut typed, photo).await?;
            let html = page.render(
                &page.t("family-new-case"),
                case_form(&page, NEW_CASE, &typed, &errors),
            );
            return Ok((errors.status(), html).into_response());
        }
    };
    let confirmed = typed.contains_key("confirm_duplicate");
    let created = state
        .app
        .register(&actor, &details, stored_photo.as_ref(), confirmed)
        .await;
    let case = match created {
        Ok(case) => case,
        Err(alerta_app::CommandError::Store(alerta_store::StoreError::PossibleDuplicate(
            existing,
        ))) => {
            // The photo waits while the family confirms.
            keep_photo(&state, &actor, &mut typed, stored_photo).await?;
            let warning = html! {
                div class="errors" role="alert" {
                    p { (page.ta("family-duplicate", &[("id", &existing.to_string())])) }
                    label { input type="checkbox" name="confirm_duplicate" form="case-form" value="yes"; (page.t("family-duplicate-confirm")) }
                }
            };
            let html = page.render(
                &page.t("family-new-case"),
                html! { (warning) (case_form(&page, NEW_CASE, &typed, &FormErrors::default())) },
            );
            return Ok((StatusCode::CONFLICT, html).into_response());
        }
        Err(other) => return Err(other.into()),
    };
    forget_kept_photo(&state, &typed).await?;
    metrics::counter!("alerta_cases_created_total").increment(1);
    Ok(see_other(&format!("/cases/{}", case.id)))
}

/// A stored case as the form shows it, ready to correct.
fn typed_from(case: &alerta_core::Case) -> Typed {
    let d = &case.details;
    let mut typed = Typed::new();
    let mut put = |name: &str, value: Option<String>| {
        if let Some(value) = value {
            typed.insert(name.to_string(), value);
        }
    };
    put("given_name", Some(d.given_name.clone()));
    put("family_name", Some(d.family_name.clone()));
    put("aliases", d.aliases.clone());
    put("sex", Some(d.sex.as_str().to_string()));
    put(
        "birth_date",
        d.birth_date.map(|b| b.format("%Y-%m-%d").to_string()),
    );
    put("age", d.stated_age.map(|a| a.to_string()));
    put("height_cm", d.height_cm.map(|v| v.to_string()));
    put("weight_kg", d.weight_kg.map(|v| v.to_string()));
    put("hair", d.hair.clone());
    put("eyes", d.eyes.clone());
    put("marks", d.marks.clone());
    put("clothing", Some(d.clothing.clone()));
    put("circumstances", Some(d.circumstances.clone()));
    put(
        "last_seen_at",
        Some(d.last_seen_at.format("%Y-%m-%dT%H:%M").to_string()),
    );
    put("tz", Some(d.last_seen_at.offset().to_string()));
    put("last_seen_place", Some(d.last_seen_place.clone()));
    put("lat", Some(d.last_seen.lat.to_string()));
    put("lng", Some(d.last_seen.lng.to_string()));
    put("contact_phone", Some(d.contact_phone.clone()));
    put("contact_phone_2", d.contact_phone_2.clone());
    put("contact_name", d.contact_name.clone());
    put("language", Some(d.language.as_str().to_string()));
    typed
}

async fn edit_page(
    State(state): State<AppState>,
    page: Page,
    PagePath(id): PagePath<i64>,
) -> Result<Response, PageError> {
    let actor = signed_in(&page, &format!("/cases/{id}/edit"))?;
    let case = state.store.case(alerta_core::CaseId(id)).await?;
    alerta_core::policy::may_edit(Some(&actor), &case)?;
    let form = case_form(
        &page,
        &format!("/cases/{id}/edit"),
        &typed_from(&case),
        &FormErrors::default(),
    );
    let title = page.ta("case-edit-title", &[("name", &case.details.full_name())]);
    Ok(page.render(&title, form).into_response())
}

/// A corrected case: every field checked (the photo too, when a new one
/// comes) before the details and then the photo are stored.
async fn save_edit(
    State(state): State<AppState>,
    page: Page,
    PagePath(id): PagePath<i64>,
    multipart: Multipart,
) -> Result<Response, PageError> {
    let actor = signed_in(&page, &format!("/cases/{id}/edit"))?;
    let case = state.store.case(alerta_core::CaseId(id)).await?;
    alerta_core::policy::may_edit(Some(&actor), &case)?;
    let (mut typed, upload) = read_form(multipart).await?;
    page.check_csrf(typed.get("csrf").map(String::as_str))?;
    let photo = form_photo(&state, &actor, &mut typed, upload).await?;
    // The form has no radius: an edit keeps the alert area police set.
    let kept = Some(&case.details);
    let (details, stored_photo) = match check_form(&state, &typed, photo, kept).await {
        Ok(checked) => checked,
        Err(Refused { errors, photo }) => {
            keep_photo(&state, &actor, &mut typed, photo).await?;
            let title = page.ta("case-edit-title", &[("name", &case.details.full_name())]);
            let action = format!("/cases/{id}/edit");
            let html = page.render(&title, case_form(&page, &action, &typed, &errors));
            return Ok((errors.status(), html).into_response());
        }
    };
    state.app.correct(&actor, case.id, &details).await?;
    if let Some(photo) = stored_photo {
        state.app.set_photo(&actor, case.id, &photo).await?;
    }
    forget_kept_photo(&state, &typed).await?;
    let back = if actor.role.is_police() {
        format!("/police/cases/{id}?saved=1")
    } else {
        format!("/cases/{id}?saved=1")
    };
    Ok(see_other(&back))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heights_are_read_in_centimetres_or_metres() {
        for (typed, cm) in [
            ("152", Some(152)),
            ("152 cm", Some(152)),
            ("152CM", Some(152)),
            ("1.52", Some(152)),
            ("1,52", Some(152)),
            ("1,20 m", Some(120)),
            (" 1.2m ", Some(120)),
            ("98.6", Some(99)),
            ("alto", None),
            ("1.52.3", None),
            ("NaN", None),
        ] {
            assert_eq!(height_cm(typed), cm, "{typed:?}");
        }
    }

    #[test]
    fn weights_are_read_in_kilograms_with_decimals() {
        assert_eq!(weight_kg("45"), Some(45));
        assert_eq!(weight_kg("45,5"), Some(46));
        assert_eq!(weight_kg("45.4 kg"), Some(45));
        assert_eq!(weight_kg("cuarenta"), None);
    }
}

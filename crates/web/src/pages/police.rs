//! `/police`: the verification queue with each draft's reach, the active
//! cases with their dispatch, and one page per case to publish, widen or
//! resolve it, read its tips, follow its mail and read its audit log.

use alerta_core::{Actor, Case, CaseId, CaseStatus, Outcome, TipKind};
use alerta_store::CaseFilter;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use maud::{Markup, html};
use serde::Deserialize;

use super::{CsrfOnly, Page, PageError, PagePath, paragraphs, review, see_other};
use crate::AppState;

use crate::error::ApiError;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/police", get(queue))
        .route("/police/cases/{id}", get(case_desk))
        .route("/police/cases/{id}/publish", post(publish))
        .route("/police/cases/{id}/widen", post(widen))
        .route("/police/cases/{id}/area", post(draw_area))
        .route("/police/cases/{id}/resolve", post(resolve))
        .route("/police/cases/{id}/hide", post(hide))
        .route("/police/cases/{id}/notify-update", post(notify_update))
        .route("/police/cases/{id}/show", post(show))
}

/// The signed-in officer, or a trip to the sign-in page and back.
fn officer(page: &Page, back_to: &str) -> Result<Actor, PageError> {
    match &page.actor {
        Some(actor) if actor.role.is_police() => Ok(actor.clone()),
        Some(_) => Err(alerta_core::policy::Denied::Forbidden("only police may do this").into()),
        None => Err(PageError::SignIn {
            next: back_to.to_string(),
        }),
    }
}

const LIST_SIZE: i64 = 100;

async fn queue(State(state): State<AppState>, page: Page) -> Result<Response, PageError> {
    let actor = officer(&page, "/police")?;
    // The drafts last seen where the officer's organisation acts, and the
    // active cases it answers for or was told of.
    let within = (actor.role == alerta_core::Role::Police).then(|| actor.jurisdiction.clone());
    let drafts = CaseFilter {
        statuses: vec![CaseStatus::Draft],
        within,
        limit: LIST_SIZE,
        ..CaseFilter::default()
    };
    let drafts = state.store.list_cases(&drafts).await?;
    let active = CaseFilter {
        statuses: vec![CaseStatus::Active],
        limit: LIST_SIZE,
        ..CaseFilter::default()
    };
    let mut active = state.store.list_cases(&active).await?;
    active.retain(|case| alerta_core::policy::may_read_records(Some(&actor), case).is_ok());
    let mut reach = Vec::with_capacity(drafts.len());
    for case in &drafts {
        reach.push(state.store.case_reach(case).await?);
    }
    let mut sent = Vec::with_capacity(active.len());
    for case in &active {
        sent.push(state.store.dispatch_figures(case.id).await?);
    }
    let body = html! {
        h2 { (page.t("police-drafts")) }
        @if drafts.is_empty() { p { (page.t("police-no-drafts")) } } @else {
            div class="table-wrap" tabindex="0" { table {
                thead { tr { th { (page.t("police-col-case")) } th { (page.t("police-col-last-seen")) } th { (page.t("police-col-reach")) } } }
                tbody {
                    @for (case, reach) in drafts.iter().zip(&reach) {
                        tr {
                            td { a href=(format!("/police/cases/{}", case.id)) { (case.details.full_name()) } }
                            td { (alerta_i18n::last_seen_place(page.lang, case)) }
                            td { (reach) }
                        }
                    }
                }
            } }
        }
        h2 { (page.t("police-active")) }
        @if active.is_empty() { p { (page.t("police-no-active")) } } @else {
            div class="table-wrap" tabindex="0" { table {
                thead { tr { th { (page.t("police-col-case")) } th { (page.t("police-col-last-seen")) } th { (page.t("police-col-sent")) } } }
                tbody {
                    @for (case, figures) in active.iter().zip(&sent) {
                        tr {
                            td {
                                a href=(format!("/police/cases/{}", case.id)) { (case.details.full_name()) }
                                @if case.hidden { " " span class="badge draft" { (page.t("police-hidden")) } }
                            }
                            td { (alerta_i18n::last_seen_place(page.lang, case)) }
                            td { (figures.sent) " / " (figures.recipients) }
                        }
                    }
                }
            } }
        }
        p { a class="button" href="/family/cases/new" { (page.t("family-new-case")) } }
        @if actor.role == alerta_core::Role::Admin {
            p { a href="/admin/partners" { (page.t("partners-title")) } }
        }
    };
    Ok(page.render(&page.t("police-title"), body).into_response())
}

async fn case_desk(
    State(state): State<AppState>,
    page: Page,
    PagePath(id): PagePath<i64>,
    Query(query): Query<std::collections::HashMap<String, String>>,
) -> Result<Response, PageError> {
    officer(&page, &format!("/police/cases/{id}"))?;
    let case = state.store.case(CaseId(id)).await?;
    // Back from a correction or an action: say what was done.
    let notice = match query.contains_key("saved") {
        true => Some(html! { p class="notice" role="status" { (page.t("case-saved")) } }),
        false => done_notice(&page, &query),
    };
    let body = desk(&state, &page, &case, notice, None).await?;
    Ok(page.render(&case.details.full_name(), body).into_response())
}

/// The desk again, for an action refused because the case changed since
/// the officer opened it: what changed, then the case as it is now.
async fn changed_since_reviewed(
    state: &AppState,
    page: &Page,
    id: i64,
    reviewed: Option<&str>,
) -> Result<Response, PageError> {
    let case = state.store.case(CaseId(id)).await?;
    let changes = review::changes(reviewed, &case);
    let notice = review::changed_box(page, &changes);
    let body = desk(state, page, &case, Some(notice), None).await?;
    Ok((
        StatusCode::CONFLICT,
        page.render(&case.details.full_name(), body),
    )
        .into_response())
}

/// Back to the desk after an action, or the desk with what changed when
/// the case changed since the officer read it.
async fn after_action<T>(
    state: &AppState,
    page: &Page,
    id: i64,
    reviewed: Option<&str>,
    outcome: Result<T, alerta_app::CommandError>,
    done: Done,
    count: impl FnOnce(&T) -> u64,
) -> Result<Response, PageError> {
    match outcome.map_err(ApiError::from) {
        Ok(value) => Ok(see_other(&format!(
            "/police/cases/{id}?done={}&count={}",
            done.as_str(),
            count(&value)
        ))),
        Err(ApiError::VersionChanged { .. }) => {
            changed_since_reviewed(state, page, id, reviewed).await
        }
        Err(other) => Err(other.into()),
    }
}

/// What a desk action did, said on the desk it returns to.
#[derive(Clone, Copy)]
enum Done {
    Published,
    Widened,
    AreaDrawn,
    Resolved,
    UpdateMailed,
}

impl Done {
    const ALL: [Done; 5] = [
        Done::Published,
        Done::Widened,
        Done::AreaDrawn,
        Done::Resolved,
        Done::UpdateMailed,
    ];

    fn parse(text: &str) -> Option<Done> {
        Done::ALL.into_iter().find(|done| done.as_str() == text)
    }

    fn as_str(self) -> &'static str {
        match self {
            Done::Published => "published",
            Done::Widened => "widened",
            Done::AreaDrawn => "area",
            Done::Resolved => "resolved",
            Done::UpdateMailed => "update_mailed",
        }
    }
}

/// "Published: the alert goes to 12 volunteers." for `?done=published&count=12`.
fn done_notice(page: &Page, query: &std::collections::HashMap<String, String>) -> Option<Markup> {
    let done = Done::parse(query.get("done")?)?;
    let count = query
        .get("count")
        .and_then(|c| c.parse::<u64>().ok())
        .unwrap_or(0);
    let text = page.ta(
        &format!("police-done-{}", done.as_str()),
        &[("count", &count.to_string())],
    );
    Some(html! { p class="notice" role="status" { (text) } })
}

/// The version a desk form says it showed.
fn form_version(version: &Option<String>) -> Option<i64> {
    version.as_deref().and_then(|v| v.trim().parse().ok())
}

/// The desk of `case`; `notice` says what was done or refused, and
/// `typed` is a refused road and area form, shown again as typed.
async fn desk(
    state: &AppState,
    page: &Page,
    case: &Case,
    notice: Option<Markup>,
    typed: Option<&AreaForm>,
) -> Result<Markup, PageError> {
    alerta_core::policy::may_read_records(page.actor.as_ref(), case)?;
    // Officers of an organisation told of the case read it; those in charge act.
    let acts = page
        .actor
        .as_ref()
        .is_some_and(|a| alerta_core::policy::in_charge(a, case));
    let figures = state.store.dispatch_figures(case.id).await?;
    let tips = state.store.tips(case.id).await?;
    let widenings = state.store.widenings(case.id).await?;
    let audit = state.store.audit_log(case.id).await?;
    let reach = match case.status {
        CaseStatus::Resolved => None,
        _ => Some(state.store.case_reach(case).await?),
    };
    let parts = reach_by_part(state, case).await?;
    let status_key = format!("status-{}", case.status.as_str());
    let d = &case.details;
    // What the officer verifies, as the poster will print it.
    let page_url = format!("{}/cases/{}", state.settings.public_url, case.id);
    let sheet = alerta_poster::sheet(
        &alerta_poster::PosterCase::of(case, &page_url),
        page.lang,
        alerta_poster::print_date(d, state.now()),
    );
    Ok(html! {
        @if let Some(notice) = notice { (notice) }
        @if !acts { p class="notice" role="status" { (page.t("police-informed")) } }
        p {
            span class=(format!("badge {}", case.status.as_str())) { (page.t(&status_key)) } " "
            @if case.hidden { span class="badge draft" { (page.t("police-hidden")) } " " }
            a href=(format!("/cases/{}", case.id)) { (page.t("police-public-page")) }
            @if acts && case.status != CaseStatus::Resolved {
                " · " a href=(format!("/cases/{}/edit", case.id)) { (page.t("police-edit")) }
            }
        }
        @if tips.iter().any(|t| t.tip.kind == TipKind::AboutMe) && !case.hidden && case.status == CaseStatus::Active {
            div class="errors" role="alert" { p { (page.t("police-about-me-warning")) } }
        }
        @if acts && case.status == CaseStatus::Active {
            form class="inline" method="post" action=(format!("/police/cases/{}/{}", case.id, if case.hidden { "show" } else { "hide" })) {
                (page.csrf_field())
                button class="secondary" type="submit" {
                    (page.t(if case.hidden { "police-show" } else { "police-hide" }))
                }
            }
        }
        @if case.has_photo {
            img class="desk-photo" src=(format!("/api/v1/cases/{}/photo?v={}", case.id, case.version))
                alt=(d.full_name()) width="160" height="200";
        } @else {
            p class="notice" { (page.t("police-no-photo")) }
        }
        h2 { (page.t("police-checking")) }
        dl class="facts" {
            // The poster's labels end in a colon; the page's labels do not.
            @for fact in &sheet.facts { dt { (super::without_colon(&fact.label)) } dd { (fact.value) } }
            dt { (page.ta("police-last-seen", &[("sex", d.sex.as_str())])) } dd { (alerta_i18n::last_seen_place(page.lang, case)) " · " (sheet.since_when) " (UTC" (d.last_seen_at.format("%:z")) ")" }
            dt { (page.t("police-phone")) } dd {
                (d.contact_phone)
                @if let Some(second) = &d.contact_phone_2 { br; (second) }
            }
            dt { (page.t("police-radius")) } dd { (d.alert_radius_km) " km" }
            @if let Some(corridor) = &d.alert_corridor {
                dt { (page.t("police-route-fact")) }
                dd { (page.ta("police-route-value", &[
                    ("towns", &town_names(&corridor.route).join(" → ")),
                    ("km", &alerta_core::volunteer::trim_number(corridor.width_km)),
                ])) }
            }
            @if let Some(polygon) = &d.alert_polygon {
                dt { (page.t("police-polygon-fact")) }
                dd { (town_names(&polygon.ring).join(" · ")) }
            }
            @if !d.alert_partner_kinds.is_empty() {
                dt { (page.t("police-partner-kinds")) }
                dd { (d.alert_partner_kinds.iter()
                    .map(|k| super::partners::kind_name(page, *k))
                    .collect::<Vec<_>>().join(", ")) }
            }
            @if let Some(reach) = reach { dt { (page.t("police-col-reach")) } dd id="reach" { (reach) } }
        }
        (super::map::case_map_saying(page, case, parts.map(|(circle, road, area)| {
            page.ta("police-reach-parts", &[("circle", &circle.to_string()), ("road", &road), ("area", &area)])
        })))
        @if acts && case.status != CaseStatus::Resolved {
            (area_form(page, case, typed))
        }
        h2 { (page.t("alert-circumstances")) }
        (paragraphs(&d.circumstances))
        p {
            a href=(format!("/cases/{}/poster.pdf?lang={}&paper=a4", case.id, page.lang.as_str())) {
                img class="desk-poster" src=(format!("/cases/{}/poster.png?lang={}", case.id, page.lang.as_str()))
                    alt="" width="120" height="150" loading="lazy";
                (page.t("police-poster-preview"))
            }
        }
        @match case.status {
            CaseStatus::Draft if !acts => {}
            CaseStatus::Draft => {
                form class="stack" method="post" action=(format!("/police/cases/{}/publish", case.id)) {
                    (page.csrf_field())
                    (review::fields(case))
                    @let count = reach.unwrap_or(0).to_string();
                    @if reach == Some(0) {
                        div class="errors" role="alert" { p { (page.t("police-publish-nobody")) } }
                    } @else {
                        p { (page.ta("police-publish-hint", &[("count", &count)])) }
                    }
                    // Asked once more, with the number: a publish reaches people.
                    label class="choice" {
                        input type="checkbox" name="confirm_reach" value="yes" required;
                        (page.ta("police-publish-confirm", &[("count", &count)]))
                    }
                    div { button type="submit" { (page.t("police-publish")) } }
                }
            }
            CaseStatus::Active => {
                h2 { (page.t("police-dispatch")) }
                div data-dispatch=(format!("/api/v1/cases/{}/dispatch", case.id)) {
                    progress max=(figures.recipients.max(1)) value=(figures.sent + figures.failed) {}
                    table { tbody {
                        tr { th { (page.t("police-recipients")) } td data-figure="recipients" { (figures.recipients) } }
                        tr { th { (page.t("police-queued")) } td data-figure="queued" { (figures.queued) } }
                        tr { th { (page.t("police-sent")) } td data-figure="sent" { (figures.sent) } }
                        tr { th { (page.t("police-failed")) } td data-figure="failed" { (figures.failed) } }
                        // Sent, then bounced: known only once the report comes back.
                        tr { th { (page.t("police-undeliverable")) } td data-figure="undeliverable" { (figures.undeliverable) } }
                    } }
                }
                @if acts {
                    form class="stack" method="post" action=(format!("/police/cases/{}/notify-update", case.id)) {
                        (page.csrf_field())
                        (review::fields(case))
                        p { (page.t("police-notify-update-hint")) }
                        div { button class="secondary" type="submit" { (page.t("police-notify-update")) } }
                    }
                    @if !widenings.is_empty() {
                        h3 { (page.t("police-widenings")) }
                        ul {
                            @for step in &widenings {
                                li { (page.ta(
                                    if step.done_at.is_some() { "police-widening-done" } else { "police-widening-planned" },
                                    &[
                                        ("hours", &step.after_hours.to_string()),
                                        ("what", &widening_step(page, step)),
                                        ("count", &step.newly_reached.unwrap_or(0).to_string()),
                                    ],
                                )) }
                            }
                        }
                    }
                    form class="stack" method="post" action=(format!("/police/cases/{}/widen", case.id)) {
                        (page.csrf_field())
                        (review::fields(case))
                        label {
                            (page.t("police-widen"))
                            input type="number" name="alert_radius_km" min="1" max="1000" step="any"
                                required[d.alert_corridor.is_none()];
                        }
                        @if d.alert_corridor.is_some() {
                            label {
                                (page.t("police-widen-route"))
                                input type="number" name="alert_route_width_km" min="0.5" max="100" step="any";
                            }
                        }
                        div { button class="secondary" type="submit" { (page.t("police-widen-send")) } }
                    }
                    form class="stack" method="post" action=(format!("/police/cases/{}/resolve", case.id)) {
                        (page.csrf_field())
                        (review::fields(case))
                        label {
                            (page.t("police-outcome"))
                            select name="outcome" required {
                                option value="" { "—" }
                                @for outcome in Outcome::ALL {
                                    option value=(outcome.as_str()) { (page.ta(&format!("outcome-{}", outcome.as_str()), &[("sex", case.details.sex.as_str())])) }
                                }
                            }
                        }
                        label {
                            (page.t("police-note"))
                            textarea name="note" maxlength="2000" {}
                        }
                        div { button type="submit" { (page.t("police-resolve")) } }
                    }
                }
            }
            CaseStatus::Resolved => {
                @if let Some(outcome) = case.outcome {
                    p class="found" { (page.ta(&format!("outcome-{}", outcome.as_str()), &[("sex", case.details.sex.as_str())])) }
                }
            }
        }
        h2 { (page.ta("police-tips", &[("count", &tips.len().to_string())])) }
        ul class="tips" {
            @for tip in &tips {
                li {
                    @if tip.tip.kind == TipKind::AboutMe {
                        p { span class="badge draft" { (page.t("police-about-me")) } }
                    }
                    p class="small" {
                        (local_time(page, case, tip.received_at)) " · "
                        (tip.tip.nickname.as_deref().unwrap_or(&page.t("police-anonymous")))
                        @if let Some(contact) = &tip.tip.contact { " · " (contact) }
                    }
                    (paragraphs(&tip.tip.message))
                    @if let Some(place) = &tip.tip.seen_place { p { strong { (page.t("tip-seen-place")) } " " (place) } }
                    @if let Some(at) = tip.tip.seen_at { p { strong { (page.t("tip-seen-at")) } " " (at.format("%Y-%m-%d %H:%M %:z")) } }
                    @if let Some(point) = tip.tip.seen_near {
                        p { a href=(format!("geo:{},{}", point.lat, point.lng)) { (format!("{:.5}, {:.5}", point.lat, point.lng)) } }
                    }
                }
            }
        }
        h2 { (page.t("police-audit")) }
        div class="table-wrap" tabindex="0" { table {
            tbody {
                @for line in &audit {
                    tr {
                        td { (local_time(page, case, line.at)) }
                        td { (page.ta("history-action", &[("action", &line.action)])) }
                        td { (line.actor_email.as_deref().unwrap_or("—")) }
                    }
                }
            }
        } }
    })
}

/// "3 dic 2026, 14:05": a moment on the clock of the place the person was
/// last seen (where the officers are), the month spelled out.
fn local_time(page: &Page, case: &Case, at: chrono::DateTime<chrono::Utc>) -> String {
    let local = at.with_timezone(case.details.last_seen_at.offset());
    format!(
        "{}, {}",
        alerta_i18n::short_date(page.lang, local.date_naive()),
        alerta_i18n::clock_time(page.lang, &local)
    )
}

/// A desk form that acts on the case as it showed it.
#[derive(Deserialize)]
struct ReviewedForm {
    csrf: Option<String>,
    version: Option<String>,
    reviewed: Option<String>,
}

#[derive(Deserialize)]
struct PublishForm {
    #[serde(flatten)]
    reviewed: ReviewedForm,
    /// The box saying how many volunteers the alert goes to, ticked.
    confirm_reach: Option<String>,
}

async fn publish(
    State(state): State<AppState>,
    page: Page,
    PagePath(id): PagePath<i64>,
    Form(form): Form<PublishForm>,
) -> Result<Response, PageError> {
    let actor = officer(&page, &format!("/police/cases/{id}"))?;
    let PublishForm {
        reviewed: form,
        confirm_reach,
    } = form;
    page.check_csrf(form.csrf.as_deref())?;
    if confirm_reach.is_none() {
        // The box that states the reach was not ticked: ask again.
        let case = state.store.case(CaseId(id)).await?;
        let notice = html! { div class="errors" role="alert" { p { (page.t("police-publish-unconfirmed")) } } };
        let body = desk(&state, &page, &case, Some(notice), None).await?;
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            page.render(&case.details.full_name(), body),
        )
            .into_response());
    }
    let version = form_version(&form.version);
    let outcome = state.app.publish(&actor, CaseId(id), version).await;
    let reviewed = form.reviewed.as_deref();
    after_action(
        &state,
        &page,
        id,
        reviewed,
        outcome,
        Done::Published,
        |(_, n)| *n,
    )
    .await
}

#[derive(Deserialize)]
struct WidenForm {
    #[serde(flatten)]
    reviewed: ReviewedForm,
    alert_radius_km: Option<String>,
    alert_route_width_km: Option<String>,
}

async fn widen(
    State(state): State<AppState>,
    page: Page,
    PagePath(id): PagePath<i64>,
    Form(form): Form<WidenForm>,
) -> Result<Response, PageError> {
    let actor = officer(&page, &format!("/police/cases/{id}"))?;
    let reviewed = &form.reviewed;
    page.check_csrf(reviewed.csrf.as_deref())?;
    let number = |typed: &Option<String>| {
        typed
            .as_deref()
            .and_then(|km| km.trim().replace(',', ".").parse().ok())
    };
    let radius = number(&form.alert_radius_km);
    let route_width = number(&form.alert_route_width_km);
    let version = form_version(&reviewed.version);
    let outcome = state
        .app
        .widen(&actor, CaseId(id), radius, route_width, version)
        .await;
    let reviewed = reviewed.reviewed.as_deref();
    after_action(&state, &page, id, reviewed, outcome, Done::Widened, |n| *n).await
}

/// What a planned widening widens to: the radius, the road's width, or both.
fn widening_step(page: &Page, step: &alerta_store::PlannedWidening) -> String {
    let km = |km: f64| alerta_i18n::decimal(page.lang, km, 0);
    match (step.alert_radius_km, step.alert_route_width_km) {
        (Some(radius), None) => page.ta("police-widening-radius", &[("km", &km(radius))]),
        (None, Some(road)) => page.ta("police-widening-road", &[("road", &km(road))]),
        (radius, road) => page.ta(
            "police-widening-both",
            &[
                ("km", &km(radius.unwrap_or_default())),
                ("road", &km(road.unwrap_or_default())),
            ],
        ),
    }
}

/// How many volunteers each part of a case's alert area reaches on its
/// own (circle, road, area; "—" for a part it has not), when it has a road
/// or an area: None for a circle alone, or a resolved case.
async fn reach_by_part(
    state: &AppState,
    case: &Case,
) -> Result<Option<(usize, String, String)>, PageError> {
    let area = case.alert_area();
    if case.status == CaseStatus::Resolved || (area.corridor.is_none() && area.polygon.is_none()) {
        return Ok(None);
    }
    let circle = state.store.reach(area.circle).await?;
    let road = match &area.corridor {
        Some(corridor) => state
            .store
            .reached_by_corridor(corridor)
            .await?
            .len()
            .to_string(),
        None => "—".into(),
    };
    let polygon = match &area.polygon {
        Some(polygon) => state
            .store
            .reached_by_polygon(polygon)
            .await?
            .len()
            .to_string(),
        None => "—".into(),
    };
    Ok(Some((circle, road, polygon)))
}

/// The towns nearest the points of a road or an area, as police typed them.
fn town_names(points: &[alerta_core::Coordinates]) -> Vec<String> {
    use alerta_core::Geography;
    points
        .iter()
        .map(|p| {
            alerta_places::WORLD
                .locality_at(*p)
                .unwrap_or_else(|| format!("{:.3}, {:.3}", p.lat, p.lng))
        })
        .collect()
}

/// The road and the area police draw by the towns on them.
fn area_form(page: &Page, case: &Case, typed: Option<&AreaForm>) -> Markup {
    let d = &case.details;
    let as_typed = |field: fn(&AreaForm) -> &Option<String>| {
        typed.map(|form| field(form).clone().unwrap_or_default())
    };
    let route = as_typed(|f| &f.route).unwrap_or_else(|| {
        d.alert_corridor
            .as_ref()
            .map(|c| town_names(&c.route).join(", "))
            .unwrap_or_default()
    });
    let width = as_typed(|f| &f.route_width_km).unwrap_or_else(|| {
        let km = d
            .alert_corridor
            .as_ref()
            .map_or(alerta_core::case::DEFAULT_ROUTE_WIDTH_KM, |c| c.width_km);
        alerta_core::volunteer::trim_number(km)
    });
    let polygon = as_typed(|f| &f.polygon).unwrap_or_else(|| {
        d.alert_polygon
            .as_ref()
            .map(|p| town_names(&p.ring).join(", "))
            .unwrap_or_default()
    });
    html! {
        h2 { (page.t("police-area")) }
        p { (page.t("police-area-hint")) }
        form class="stack" method="post" action=(format!("/police/cases/{}/area", case.id)) {
            (page.csrf_field())
            (review::fields(case))
            label {
                (page.t("police-route"))
                input type="text" name="route" value=(route) maxlength="4000" aria-describedby="route-hint";
            }
            p class="hint" id="route-hint" { (page.t("police-route-hint")) }
            label {
                (page.t("police-route-width"))
                input type="number" name="route_width_km" min="0.5" max="100" step="any"
                    value=(width);
            }
            label {
                (page.t("police-polygon"))
                input type="text" name="polygon" value=(polygon) maxlength="4000" aria-describedby="polygon-hint";
            }
            p class="hint" id="polygon-hint" { (page.t("police-polygon-hint")) }
            fieldset {
                legend { (page.t("police-partner-kinds")) }
                p class="hint" { (page.t("police-partner-kinds-hint")) }
                @for kind in alerta_core::PartnerKind::ALL {
                    @let ticked = match typed {
                        Some(form) => form.partner_kinds.iter().any(|k| k == kind.as_str()),
                        None => d.alert_partner_kinds.contains(kind),
                    };
                    label class="choice" {
                        input type="checkbox" name="partner_kind" value=(kind.as_str()) checked[ticked];
                        (super::partners::kind_name(page, *kind))
                    }
                }
            }
            div { button class="secondary" type="submit" { (page.t("police-area-save")) } }
        }
    }
}

/// A town of a road or an area that the gazetteer does not know, or
/// knows several of: its name as typed, and why.
type TownRefused = (String, alerta_core::FieldError);

/// Towns as an officer lists them, separated by commas (or semicolons, or
/// lines): "Cochabamba, Chimoré, Santa Cruz de la Sierra". A piece of
/// two letters is the country of the town before it ("Córdoba, AR").
fn towns_to_points(typed: &str, field: &str) -> Result<Vec<alerta_core::Coordinates>, TownRefused> {
    use alerta_core::{Geography, PlaceError, Rule};
    let mut names: Vec<String> = Vec::new();
    for piece in typed
        .split([',', ';', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let is_country = piece.len() == 2 && piece.chars().all(|c| c.is_ascii_alphabetic());
        match names.last_mut() {
            Some(town) if is_country => {
                town.push_str(", ");
                town.push_str(&piece.to_ascii_uppercase());
            }
            _ => names.push(piece.to_string()),
        }
    }
    names
        .iter()
        .map(|name| {
            let rule = match alerta_places::WORLD.place(name) {
                Ok(place) => return Ok(place.center),
                Err(PlaceError::Unknown) => Rule::UnknownTown,
                Err(PlaceError::Ambiguous(choices)) => Rule::AmbiguousTown {
                    choices: choices.join("; "),
                },
            };
            Err((name.clone(), alerta_core::FieldError::broke(field, rule)))
        })
        .collect()
}

/// The road and area form as sent: its fields as typed, and the kinds of
/// partner ticked (a checkbox per kind, so a field may repeat).
struct AreaForm {
    reviewed: ReviewedForm,
    route: Option<String>,
    route_width_km: Option<String>,
    polygon: Option<String>,
    partner_kinds: Vec<String>,
}

impl AreaForm {
    fn of(fields: Vec<(String, String)>) -> AreaForm {
        let mut form = AreaForm {
            reviewed: ReviewedForm {
                csrf: None,
                version: None,
                reviewed: None,
            },
            route: None,
            route_width_km: None,
            polygon: None,
            partner_kinds: Vec::new(),
        };
        for (name, value) in fields {
            match name.as_str() {
                "csrf" => form.reviewed.csrf = Some(value),
                "version" => form.reviewed.version = Some(value),
                "reviewed" => form.reviewed.reviewed = Some(value),
                "route" => form.route = Some(value),
                "route_width_km" => form.route_width_km = Some(value),
                "polygon" => form.polygon = Some(value),
                "partner_kind" => form.partner_kinds.push(value),
                _ => {}
            }
        }
        form
    }
}

async fn draw_area(
    State(state): State<AppState>,
    page: Page,
    PagePath(id): PagePath<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let form = AreaForm::of(fields);
    let actor = officer(&page, &format!("/police/cases/{id}"))?;
    let reviewed = &form.reviewed;
    page.check_csrf(reviewed.csrf.as_deref())?;
    let route = towns_to_points(form.route.as_deref().unwrap_or_default(), "alert_route");
    let polygon = towns_to_points(form.polygon.as_deref().unwrap_or_default(), "alert_polygon");
    let (route, polygon) = match (route, polygon) {
        (Ok(route), Ok(polygon)) => (route, polygon),
        (route, polygon) => {
            let refused = [route.err(), polygon.err()].into_iter().flatten().collect();
            return refused_area(&state, &page, id, &form, refused).await;
        }
    };
    // The width field is always there: it matters only with a road.
    let width = form
        .route_width_km
        .as_deref()
        .map(str::trim)
        .filter(|w| !w.is_empty() && !route.is_empty())
        .map(|w| w.replace(',', ".").parse::<f64>().unwrap_or(f64::NAN));
    let drawn = alerta_core::case::DrawnArea {
        route,
        route_width_km: width,
        polygon,
        partner_kinds: form.partner_kinds.clone(),
    };
    let version = form_version(&reviewed.version);
    let outcome = state
        .app
        .draw_alert_area(&actor, CaseId(id), &drawn, version)
        .await;
    if let Err(alerta_app::CommandError::Invalid(invalid)) = &outcome {
        let refused = invalid
            .0
            .iter()
            .map(|e| (String::new(), e.clone()))
            .collect();
        return refused_area(&state, &page, id, &form, refused).await;
    }
    let reviewed = reviewed.reviewed.as_deref();
    after_action(&state, &page, id, reviewed, outcome, Done::AreaDrawn, |n| {
        *n
    })
    .await
}

/// The desk again with why the road or area was refused (naming the town
/// when one was), in the reader's language where the rule has a sentence.
async fn refused_area(
    state: &AppState,
    page: &Page,
    id: i64,
    typed: &AreaForm,
    refused: Vec<TownRefused>,
) -> Result<Response, PageError> {
    let case = state.store.case(CaseId(id)).await?;
    let fields: Vec<_> = refused.iter().map(|(_, e)| e.clone()).collect();
    let errors = super::FormErrors::from_invalid(alerta_core::InvalidInput(fields));
    let notice = html! {
        div class="errors" role="alert" {
            @for (town, error) in &refused {
                p {
                    (page.t(if error.field.starts_with("alert_polygon") { "police-polygon" } else { "police-route" }))
                    ": "
                    @if !town.is_empty() { "«" (town) "» " }
                    (errors.of(page, &error.field).unwrap_or_default())
                }
            }
        }
    };
    let body = desk(state, page, &case, Some(notice), Some(typed)).await?;
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        page.render(&case.details.full_name(), body),
    )
        .into_response())
}

#[derive(Deserialize)]
struct ResolveForm {
    #[serde(flatten)]
    reviewed: ReviewedForm,
    outcome: Option<String>,
    note: Option<String>,
}

async fn resolve(
    State(state): State<AppState>,
    page: Page,
    PagePath(id): PagePath<i64>,
    Form(form): Form<ResolveForm>,
) -> Result<Response, PageError> {
    let actor = officer(&page, &format!("/police/cases/{id}"))?;
    let reviewed = form.reviewed;
    page.check_csrf(reviewed.csrf.as_deref())?;
    let outcome = state
        .app
        .resolve(
            &actor,
            CaseId(id),
            form.outcome.as_deref(),
            form.note.as_deref(),
            form_version(&reviewed.version),
        )
        .await;
    let reviewed = reviewed.reviewed.as_deref();
    after_action(&state, &page, id, reviewed, outcome, Done::Resolved, |_| 0).await
}

async fn hide(
    State(state): State<AppState>,
    page: Page,
    PagePath(id): PagePath<i64>,
    Form(form): Form<CsrfOnly>,
) -> Result<Response, PageError> {
    set_hidden(state, page, id, form, true).await
}

async fn show(
    State(state): State<AppState>,
    page: Page,
    PagePath(id): PagePath<i64>,
    Form(form): Form<CsrfOnly>,
) -> Result<Response, PageError> {
    set_hidden(state, page, id, form, false).await
}

async fn set_hidden(
    state: AppState,
    page: Page,
    id: i64,
    form: CsrfOnly,
    hidden: bool,
) -> Result<Response, PageError> {
    let actor = officer(&page, &format!("/police/cases/{id}"))?;
    page.check_csrf(form.csrf.as_deref())?;
    state.app.set_hidden(&actor, CaseId(id), hidden).await?;
    Ok(see_other(&format!("/police/cases/{id}")))
}

async fn notify_update(
    State(state): State<AppState>,
    page: Page,
    PagePath(id): PagePath<i64>,
    Form(form): Form<ReviewedForm>,
) -> Result<Response, PageError> {
    let actor = officer(&page, &format!("/police/cases/{id}"))?;
    page.check_csrf(form.csrf.as_deref())?;
    let version = form_version(&form.version);
    let outcome = state.app.mail_correction(&actor, CaseId(id), version).await;
    let reviewed = form.reviewed.as_deref();
    after_action(
        &state,
        &page,
        id,
        reviewed,
        outcome,
        Done::UpdateMailed,
        |n| *n,
    )
    .await
}

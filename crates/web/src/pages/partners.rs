//! `/admin/partners`: administrators list the partners (organisations that
//! post alerts where people pass), register one and take one off the list.

use alerta_core::{Actor, PartnerId, PartnerInput, PartnerKind};
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use maud::{Markup, html};
use serde::Deserialize;

use super::{CsrfOnly, FormErrors, Page, PageError, PagePath, see_other};
use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/partners", get(list).post(add))
        .route("/admin/partners/{id}/remove", post(remove))
}

/// A kind of partner as the pages name it, in the plural ("Bus terminals").
pub fn kind_name(page: &Page, kind: PartnerKind) -> String {
    page.t(&format!("partners-kind-{}", kind.as_str()))
}

fn admin(page: &Page) -> Result<Actor, PageError> {
    match &page.actor {
        Some(actor) => {
            alerta_core::policy::may_manage_partners(Some(actor))?;
            Ok(actor.clone())
        }
        None => Err(PageError::SignIn {
            next: "/admin/partners".into(),
        }),
    }
}

async fn list(State(state): State<AppState>, page: Page) -> Result<Response, PageError> {
    admin(&page)?;
    let body = partners_page(
        &state,
        &page,
        &PartnerForm::default(),
        &FormErrors::default(),
    )
    .await?;
    Ok(page.render(&page.t("partners-title"), body).into_response())
}

/// The form as typed: every field kept, so a refused one comes back as is.
#[derive(Debug, Default, Deserialize)]
struct PartnerForm {
    csrf: Option<String>,
    name: Option<String>,
    kind: Option<String>,
    email: Option<String>,
    language: Option<String>,
    place: Option<String>,
    radius_km: Option<String>,
}

impl PartnerForm {
    fn input(&self) -> PartnerInput {
        let text = |v: &Option<String>| v.clone().filter(|t| !t.trim().is_empty());
        PartnerInput {
            name: text(&self.name),
            kind: text(&self.kind),
            email: text(&self.email),
            language: text(&self.language),
            place: text(&self.place),
            radius_km: text(&self.radius_km)
                .map(|r| r.replace(',', ".").parse().unwrap_or(f64::NAN)),
            lat: None,
            lng: None,
        }
    }
}

async fn add(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<PartnerForm>,
) -> Result<Response, PageError> {
    let actor = admin(&page)?;
    page.check_csrf(form.csrf.as_deref())?;
    match state.app.add_partner_as(&actor, &form.input()).await {
        Ok(_) => Ok(see_other("/admin/partners")),
        Err(alerta_app::CommandError::Invalid(invalid)) => {
            let errors = FormErrors::from_invalid(invalid);
            let body = partners_page(&state, &page, &form, &errors).await?;
            let html = page.render(&page.t("partners-title"), body);
            Ok((errors.status(), html).into_response())
        }
        Err(other) => Err(crate::error::ApiError::from(other).into()),
    }
}

async fn remove(
    State(state): State<AppState>,
    page: Page,
    PagePath(id): PagePath<i64>,
    Form(form): Form<CsrfOnly>,
) -> Result<Response, PageError> {
    let actor = admin(&page)?;
    page.check_csrf(form.csrf.as_deref())?;
    state
        .app
        .remove_partner(&actor, PartnerId(id))
        .await
        .map_err(crate::error::ApiError::from)?;
    Ok(see_other("/admin/partners"))
}

async fn partners_page(
    state: &AppState,
    page: &Page,
    typed: &PartnerForm,
    errors: &FormErrors,
) -> Result<Markup, PageError> {
    let partners = state.store.partners().await?;
    let value = |v: &Option<String>| v.clone().unwrap_or_default();
    Ok(html! {
        p { (page.t("partners-intro")) }
        @if partners.is_empty() {
            p { (page.t("partners-none")) }
        } @else {
            div class="table-wrap" tabindex="0" { table {
                thead { tr {
                    th { (page.t("partners-col-name")) } th { (page.t("partners-col-kind")) }
                    th { (page.t("partners-col-place")) } th { (page.t("partners-col-email")) } th {}
                } }
                tbody {
                    @for partner in &partners {
                        tr {
                            td { (partner.name) }
                            td { (kind_name(page, partner.kind)) }
                            td { (partner.place) " (" (alerta_core::volunteer::trim_number(partner.zone.radius_km)) " km)" }
                            td { (partner.email) }
                            td {
                                form class="inline" method="post" action=(format!("/admin/partners/{}/remove", partner.id.0)) {
                                    (page.csrf_field())
                                    button class="secondary" type="submit" { (page.t("partners-remove")) }
                                }
                            }
                        }
                    }
                }
            } }
        }
        h2 { (page.t("partners-add")) }
        (errors.summary(page))
        form class="stack" method="post" action="/admin/partners" {
            (page.csrf_field())
            label {
                (page.t("partners-col-name"))
                input type="text" name="name" required maxlength="200" value=(value(&typed.name));
                (errors.beside(page, "name"))
            }
            label {
                (page.t("partners-col-kind"))
                select name="kind" required {
                    @for kind in PartnerKind::ALL {
                        option value=(kind.as_str()) selected[typed.kind.as_deref() == Some(kind.as_str())] { (kind_name(page, *kind)) }
                    }
                }
                (errors.beside(page, "kind"))
            }
            label {
                (page.t("partners-col-email"))
                input type="email" name="email" required maxlength="254" value=(value(&typed.email));
                (errors.beside(page, "email"))
            }
            label {
                (page.t("partners-col-place"))
                input type="text" name="place" required maxlength="200" value=(value(&typed.place));
                (errors.beside(page, "place"))
            }
            label {
                (page.t("partners-radius"))
                input type="number" name="radius_km" min="0.1" max="200" step="any" value=(value(&typed.radius_km));
                (errors.beside(page, "radius_km"))
            }
            label {
                (page.t("partners-language"))
                select name="language" {
                    @for (language, name) in super::LANGUAGE_NAMES {
                        option value=(language.as_str()) selected[typed.language.as_deref() == Some(language.as_str())] { (name) }
                    }
                }
            }
            div { button type="submit" { (page.t("partners-add-send")) } }
        }
    })
}

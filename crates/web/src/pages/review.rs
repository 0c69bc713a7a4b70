//! What an officer reviewed: every form of the police desk carries the
//! version of the case it showed, and the values it showed. When the case
//! changed in between, the action is refused (409) and the desk shows each
//! field that changed, as it was and as it is now, before the officer acts
//! on the new version.

use alerta_core::Case;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use maud::{Markup, html};

use super::Page;

/// The fields the desk shows, as (label message, value shown).
fn shown(case: &Case) -> Vec<(&'static str, String)> {
    let d = &case.details;
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    let number = |value: Option<i64>| value.map(|v| v.to_string()).unwrap_or_default();
    vec![
        ("case-given-name", d.given_name.clone()),
        ("case-family-name", d.family_name.clone()),
        ("case-aliases", text(&d.aliases)),
        ("poster-label-sex", d.sex.as_str().to_string()),
        (
            "case-birth-date",
            d.birth_date.map(|b| b.to_string()).unwrap_or_default(),
        ),
        ("case-age", number(d.stated_age)),
        ("poster-label-height", number(d.height_cm)),
        ("poster-label-weight", number(d.weight_kg)),
        ("poster-label-hair", text(&d.hair)),
        ("poster-label-eyes", text(&d.eyes)),
        ("poster-label-marks", text(&d.marks)),
        ("poster-label-clothing", d.clothing.clone()),
        ("poster-label-circumstances", d.circumstances.clone()),
        (
            "case-last-seen-at",
            d.last_seen_at.format("%Y-%m-%d %H:%M %:z").to_string(),
        ),
        ("case-last-seen-place", d.last_seen_place.clone()),
        (
            "police-point",
            format!("{:.5}, {:.5}", d.last_seen.lat, d.last_seen.lng),
        ),
        ("case-contact-phone", d.contact_phone.clone()),
        ("case-contact-phone-2", text(&d.contact_phone_2)),
        ("case-contact-name", text(&d.contact_name)),
        ("police-radius", format!("{} km", d.alert_radius_km)),
    ]
}

/// The hidden fields of a desk form: the version shown and what it showed.
pub fn fields(case: &Case) -> Markup {
    let values: Vec<(&str, String)> = shown(case);
    let encoded = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&values).unwrap_or_default());
    html! {
        input type="hidden" name="version" value=(case.version);
        input type="hidden" name="reviewed" value=(encoded);
    }
}

/// The fields that differ between what the officer reviewed (`reviewed`, as
/// a form posted it) and the case now: (label message, then, now).
pub fn changes(reviewed: Option<&str>, case: &Case) -> Vec<(&'static str, String, String)> {
    let then: Vec<(String, String)> = reviewed
        .and_then(|r| URL_SAFE_NO_PAD.decode(r).ok())
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default();
    shown(case)
        .into_iter()
        .filter_map(|(label, now)| {
            let before = then
                .iter()
                .find(|(l, _)| l == label)
                .map(|(_, v)| v.clone())?;
            (before != now).then_some((label, before, now))
        })
        .collect()
}

/// The box at the top of a desk refused for a changed case.
pub fn changed_box(page: &Page, changes: &[(&'static str, String, String)]) -> Markup {
    let label = |key: &str| page.label(key);
    html! {
        div class="errors" role="alert" id="changed" {
            p { strong { (page.t("police-changed")) } }
            @if changes.is_empty() {
                p { (page.t("police-changed-unseen")) }
            } @else {
                div class="table-wrap" tabindex="0" { table {
                    thead { tr { th { (page.t("police-changed-field")) } th { (page.t("police-changed-before")) } th { (page.t("police-changed-now")) } } }
                    tbody {
                        @for (key, before, now) in changes {
                            tr { td { (label(key)) } td { del { (before) } } td { ins { (now) } } }
                        }
                    }
                } }
            }
            p { (page.t("police-changed-again")) }
        }
    }
}

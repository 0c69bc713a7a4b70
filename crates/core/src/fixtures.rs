//! Cases and people to test with, for this crate's tests and (with the
//! `fixtures` feature) other crates' tests.

use crate::case::{Case, CaseDetails, CaseId, CaseStatus, Coordinates, Language, Sex};
use crate::{OrganisationId, UserId};

/// The family that registered [`case`].
pub const FAMILY: UserId = UserId(1);

/// The details of [`case`]: a girl last seen in El Alto.
pub fn details() -> CaseDetails {
    CaseDetails {
        given_name: "Rosa".into(),
        family_name: "Mamani".into(),
        aliases: None,
        sex: Sex::Female,
        birth_date: None,
        stated_age: Some(14),
        height_cm: None,
        weight_kg: None,
        hair: None,
        eyes: None,
        marks: None,
        clothing: "chompa".into(),
        circumstances: "salió".into(),
        last_seen_at: chrono::DateTime::parse_from_rfc3339("2026-11-20T18:30:00-04:00").unwrap(),
        last_seen_place: "El Alto".into(),
        last_seen: Coordinates {
            lat: -16.5,
            lng: -68.19,
        },
        contact_phone: "110".into(),
        contact_phone_2: None,
        contact_name: None,
        language: Language::Es,
        alert_radius_km: 10.0,
        alert_corridor: None,
        alert_polygon: None,
        alert_partner_kinds: vec![],
    }
}

/// A case last seen in El Alto (La Paz, Bolivia).
pub fn case(status: CaseStatus, organisation: Option<OrganisationId>) -> Case {
    Case {
        id: CaseId(1),
        status,
        outcome: None,
        resolution_note: None,
        owner_id: FAMILY,
        organisation: None,
        details: details(),
        version: 1,
        created_at: chrono::Utc::now(),
        updated_at: chrono::Utc::now(),
        published_at: None,
        resolved_at: None,
        has_photo: false,
        hidden: false,
        pfif_record_id: None,
        organisation_id: organisation,
        last_seen_regions: vec!["BO".into(), "BO-L".into()],
        last_seen_locality: Some("El Alto".into()),
        informed_organisations: vec![],
    }
}

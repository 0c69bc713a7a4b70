use alerta_core::{CaseId, CoordinatesInput, UserId};

use super::*;

fn now() -> DateTime<Utc> {
    "2026-11-24T12:00:00Z".parse().unwrap()
}

fn site() -> Site<'static> {
    Site {
        public_url: "https://alerta.example.org",
    }
}

/// Every field filled, with a second line in the circumstances.
fn details() -> CaseDetails {
    let input = CaseInput {
        given_name: Some("María José".into()),
        family_name: Some("Quispe Mamani".into()),
        aliases: Some("Majo".into()),
        sex: Some("female".into()),
        birth_date: Some("2011-03-14".into()),
        height_cm: Some(150),
        weight_kg: Some(42),
        hair: Some("negro, largo".into()),
        eyes: Some("cafés".into()),
        marks: Some("cicatriz en la ceja izquierda".into()),
        clothing: Some("Chompa roja: con capucha".into()),
        circumstances: Some("Salió del colegio.\n  No llegó a su casa.".into()),
        last_seen_at: Some("2026-11-20T18:30:00-04:00".into()),
        last_seen_place: Some("Plaza 14 de Septiembre, Cochabamba".into()),
        last_seen: Some(CoordinatesInput {
            lat: Some(-17.3935),
            lng: Some(-66.157),
        }),
        contact_phone: Some("+591 4 4221111".into()),
        contact_phone_2: None,
        contact_name: Some("Sgto. Rojas".into()),
        language: Some("pt".into()),
        alert_radius_km: Some(12.5),
        age: None,
        ..CaseInput::default()
    };
    CaseDetails::parse(&input, now()).unwrap()
}

fn case(details: CaseDetails) -> Case {
    Case {
        id: CaseId(7),
        status: CaseStatus::Active,
        outcome: None,
        resolution_note: None,
        owner_id: UserId(1),
        organisation: Some("FELCC Cochabamba".into()),
        details,
        version: 3,
        created_at: "2026-11-20T23:00:00Z".parse().unwrap(),
        updated_at: "2026-11-21T08:00:00Z".parse().unwrap(),
        published_at: Some("2026-11-21T00:10:00Z".parse().unwrap()),
        resolved_at: None,
        has_photo: true,
        hidden: false,
        pfif_record_id: None,
        organisation_id: None,
        last_seen_regions: vec!["BO".into(), "BO-C".into()],
        last_seen_locality: Some("Cochabamba".into()),
        informed_organisations: vec![],
    }
}

fn read_one(xml: &str) -> Reading {
    let mut readings = read(xml, now()).unwrap();
    assert_eq!(readings.len(), 1, "one person in {xml}");
    readings.remove(0)
}

#[test]
fn an_exported_case_reads_back_as_the_same_details() {
    let original = case(details());
    let xml = document(
        &site(),
        &[Export {
            case: &original,
            photo_url: Some("https://alerta.example.org/cases/7/photo".into()),
        }],
    );
    let reading = read_one(&xml);
    assert_eq!(
        reading.record_id.as_deref(),
        Some("alerta.example.org/case.7")
    );
    let imported = reading.result.unwrap();
    assert_eq!(imported.details, original.details);
    assert_eq!(imported.closed, None);
    assert_eq!(
        imported.photo_url.as_deref(),
        Some("https://alerta.example.org/cases/7/photo")
    );
}

#[test]
fn an_age_without_birth_date_and_an_unknown_sex_survive_the_trip() {
    let mut d = details();
    d.birth_date = None;
    d.stated_age = Some(40);
    d.sex = Sex::Unknown;
    d.aliases = None;
    d.contact_name = None;
    let original = case(d);
    let xml = document(
        &site(),
        &[Export {
            case: &original,
            photo_url: None,
        }],
    );
    assert!(!xml.contains("<pfif:sex>"), "unknown sex is omitted: {xml}");
    assert_eq!(read_one(&xml).result.unwrap().details, original.details);
}

#[test]
fn a_resolved_case_carries_its_end_as_a_note() {
    for (outcome, status) in [
        (Outcome::FoundSafe, Some("believed_alive")),
        (Outcome::FoundDeceased, Some("believed_dead")),
        (Outcome::Withdrawn, None),
    ] {
        let mut resolved = case(details());
        resolved.status = CaseStatus::Resolved;
        resolved.outcome = Some(outcome);
        resolved.resolved_at = Some("2026-11-22T10:00:00Z".parse().unwrap());
        let xml = document(
            &site(),
            &[Export {
                case: &resolved,
                photo_url: None,
            }],
        );
        if let Some(status) = status {
            assert!(xml.contains(&format!("<pfif:status>{status}</pfif:status>")));
        }
        let imported = read_one(&xml).result.unwrap();
        assert_eq!(
            imported.closed,
            Some((outcome, resolved.resolved_at.unwrap()))
        );
        assert_eq!(imported.photo_url, None);
    }
}

#[test]
fn a_clone_keeps_the_original_record_id() {
    let mut clone = case(details());
    clone.pfif_record_id = Some("personfinder.google.org/person.123".into());
    let xml = document(
        &site(),
        &[Export {
            case: &clone,
            photo_url: None,
        }],
    );
    assert!(xml.contains("<pfif:person_record_id>personfinder.google.org/person.123<"));
    assert!(
        xml.contains("<pfif:note_record_id>personfinder.google.org/person.123/note.published<")
    );
}

const FOREIGN: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">
  <pfif:person>
    <pfif:person_record_id>example.org/person.1</pfif:person_record_id>
    <pfif:source_date>2026-11-20T23:00:00Z</pfif:source_date>
    <pfif:full_name>Ana Beatriz Souza</pfif:full_name>
    <pfif:author_phone>+55 21 99999 0000</pfif:author_phone>
    <pfif:description>Vista pela última vez saindo da escola.</pfif:description>
    <pfif:age>30-34</pfif:age>
  </pfif:person>
  <pfif:note>
    <pfif:note_record_id>example.org/note.9</pfif:note_record_id>
    <pfif:person_record_id>example.org/person.1</pfif:person_record_id>
    <pfif:author_name>Maria</pfif:author_name>
    <pfif:source_date>2026-11-21T10:00:00Z</pfif:source_date>
    <pfif:last_known_location>-22.9068, -43.1729</pfif:last_known_location>
    <pfif:text>Ela estava de camiseta azul.</pfif:text>
  </pfif:note>
</pfif:pfif>"#;

#[test]
fn another_repositorys_record_is_refused_naming_what_it_lacks() {
    let reading = read_one(FOREIGN);
    let mut fields: Vec<String> = reading
        .result
        .unwrap_err()
        .into_iter()
        .map(|e| e.field)
        .collect();
    fields.sort();
    // Its name, age, phone, description and location are understood; PFIF
    // has no clothing nor time last seen, and guessing them would mislead.
    assert_eq!(fields, ["clothing", "last_seen_at", "last_seen_place"]);
}

#[test]
fn another_repositorys_record_with_what_alerta_needs_is_read() {
    let xml = FOREIGN.replace(
        "<pfif:description>Vista pela última vez saindo da escola.</pfif:description>",
        "<pfif:description>Vista pela última vez saindo da escola.\nclothing: camiseta azul\nlast_seen_at: 2026-11-20T17:00:00-03:00\nlast_seen_place: Centro, Rio de Janeiro</pfif:description>",
    );
    let details = read_one(&xml).result.unwrap().details;
    assert_eq!(details.given_name, "Ana");
    assert_eq!(details.family_name, "Beatriz Souza");
    assert_eq!(details.stated_age, Some(32));
    assert_eq!(
        details.circumstances,
        "Vista pela última vez saindo da escola."
    );
    assert_eq!(details.contact_phone, "+55 21 99999 0000");
    assert_eq!(
        (details.last_seen.lat, details.last_seen.lng),
        (-22.9068, -43.1729)
    );
}

#[test]
fn a_record_without_id_or_with_a_bad_number_is_refused_field_by_field() {
    let xml = FOREIGN
        .replace("<pfif:person_record_id>example.org/person.1</pfif:person_record_id>\n    <pfif:source_date>", "<pfif:source_date>")
        .replace("<pfif:age>30-34</pfif:age>", "<pfif:age>thirty</pfif:age>");
    let reading = read_one(&xml);
    assert_eq!(reading.record_id, None);
    let fields: Vec<String> = reading
        .result
        .unwrap_err()
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert!(
        fields.starts_with(&["person_record_id".to_string(), "age".to_string()]),
        "{fields:?}"
    );
}

#[test]
fn files_that_are_not_pfif_are_refused_whole() {
    assert!(matches!(
        read("<pfif:pfif", now()),
        Err(PfifError::NotXml(_))
    ));
    assert_eq!(
        read("<pfif xmlns=\"http://zesty.ca/pfif/1.2\"/>", now()),
        Err(PfifError::NotPfif)
    );
    // Entity expansion ("billion laughs") never starts: DTDs are refused.
    let bomb = "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY a \"aaaa\">]><pfif:pfif xmlns:pfif=\"http://zesty.ca/pfif/1.4\">&a;</pfif:pfif>";
    assert!(matches!(read(bomb, now()), Err(PfifError::NotXml(_))));
}

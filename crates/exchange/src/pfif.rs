//! PFIF 1.4 (People Finder Interchange Format), the records Google Person
//! Finder and its peers exchange. A case is a `person`; its publication and
//! its end are `note`s. PFIF has no fields for clothing, circumstances, when
//! and where the person was last seen or the help phone, so those travel in
//! the person's `description` as `field: value` lines named like the API's
//! fields: people reading another repository see them, and our import reads
//! them back, so an export imported elsewhere gives the same cases.

use std::collections::HashMap;

use alerta_core::{
    Case, CaseDetails, CaseInput, CaseStatus, CoordinatesInput, FieldError, Outcome, Sex,
};
use alerta_i18n::text;
use chrono::{DateTime, SecondsFormat, Utc};

use crate::cap::Site;
use crate::xml::Writer;

pub const NAMESPACE: &str = "http://zesty.ca/pfif/1.4";

/// One case to export, with the public address of its photo while it may
/// be shown (never once the case is resolved).
pub struct Export<'a> {
    pub case: &'a Case,
    pub photo_url: Option<String>,
}

/// The PFIF document `GET /api/v1/pfif` serves.
pub fn document(site: &Site, records: &[Export]) -> String {
    let mut w = Writer::new();
    w.open("pfif:pfif", &format!("xmlns:pfif=\"{NAMESPACE}\""));
    for record in records {
        person(&mut w, site, record);
    }
    w.finish()
}

/// A case's PFIF id: the original repository's, when it came from one.
pub fn record_id(site: &Site, case: &Case) -> String {
    case.pfif_record_id
        .clone()
        .unwrap_or_else(|| format!("{}/case.{}", site.host(), case.id))
}

/// PFIF's date-time: UTC, whole seconds, a "Z".
fn pfif_time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn person(w: &mut Writer, site: &Site, record: &Export) {
    let case = record.case;
    let d = &case.details;
    let id = record_id(site, case);
    let author = case.organisation.clone().unwrap_or_else(|| "Alerta".into());
    w.open("pfif:person", "")
        .text("pfif:person_record_id", &id)
        .text("pfif:entry_date", &pfif_time(case.updated_at))
        .text("pfif:author_name", &author)
        .text("pfif:source_name", site.host())
        .text("pfif:source_date", &pfif_time(case.created_at))
        .text(
            "pfif:source_url",
            &format!("{}/cases/{}", site.public_url, case.id),
        )
        .text("pfif:full_name", &d.full_name())
        .text("pfif:given_name", &d.given_name)
        .text("pfif:family_name", &d.family_name);
    if let Some(aliases) = &d.aliases {
        w.text("pfif:alternate_names", aliases);
    }
    w.text("pfif:description", &describe(d));
    if d.sex != Sex::Unknown {
        w.text("pfif:sex", d.sex.as_str());
    }
    match (d.birth_date, d.stated_age) {
        (Some(born), _) => {
            w.text("pfif:date_of_birth", &born.format("%Y-%m-%d").to_string());
        }
        (None, Some(age)) => {
            w.text("pfif:age", &age.to_string());
        }
        (None, None) => {}
    }
    if let Some(url) = &record.photo_url {
        w.text("pfif:photo_url", url);
    }
    for note in notes(case) {
        w.open("pfif:note", "")
            .text("pfif:note_record_id", &format!("{id}/note.{}", note.suffix))
            .text("pfif:person_record_id", &id)
            .text("pfif:entry_date", &pfif_time(note.at))
            .text("pfif:author_name", &author)
            .text("pfif:source_date", &pfif_time(note.at));
        if let Some(status) = note.status {
            w.text("pfif:status", status);
        }
        if note.suffix == "published" {
            w.text("pfif:last_known_location", &d.last_seen_place);
        }
        w.text("pfif:text", &note.text).close();
    }
    w.close();
}

struct Note {
    suffix: &'static str,
    at: DateTime<Utc>,
    status: Option<&'static str>,
    text: String,
}

/// Publication ("information sought") and the end, in the case's language.
fn notes(case: &Case) -> Vec<Note> {
    let language = case.details.language;
    let mut notes = Vec::new();
    if let Some(at) = case.published_at {
        notes.push(Note {
            suffix: "published",
            at,
            status: Some("information_sought"),
            text: text(language, "pfif-note-published", &[]),
        });
    }
    if let (Some(at), Some(outcome)) = (case.resolved_at, case.outcome) {
        let (status, key) = match outcome {
            Outcome::FoundSafe => (Some("believed_alive"), "pfif-note-found-safe"),
            Outcome::FoundDeceased => (Some("believed_dead"), "pfif-note-found-deceased"),
            Outcome::Withdrawn => (None, "pfif-note-withdrawn"),
        };
        notes.push(Note {
            suffix: "closed",
            at,
            status,
            text: text(language, key, &[("sex", case.details.sex.as_str())]),
        });
    }
    notes
}

/// The fields PFIF lacks, in the order they are written.
const DESCRIBED: [&str; 18] = [
    "circumstances",
    "clothing",
    "height_cm",
    "weight_kg",
    "hair",
    "eyes",
    "marks",
    "last_seen_at",
    "last_seen_place",
    "last_seen",
    "contact_phone",
    "contact_phone_2",
    "contact_name",
    "language",
    "alert_radius_km",
    "alert_route",
    "alert_route_width_km",
    "alert_polygon",
];

/// Points as the description writes them: "lat, lng; lat, lng".
fn points_text(points: &[alerta_core::Coordinates]) -> String {
    points
        .iter()
        .map(|p| format!("{}, {}", p.lat, p.lng))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The points of a description's list, or None when one is not a point.
fn parse_points(text: &str) -> Option<Vec<CoordinatesInput>> {
    text.split(';').map(parse_point).collect()
}

/// `field: value` lines; a value's further lines are indented two spaces.
pub fn describe(d: &CaseDetails) -> String {
    let optional = |v: &Option<String>| v.clone();
    let number = |v: Option<i64>| v.map(|n| n.to_string());
    let corridor = d.alert_corridor.as_ref();
    let values: [Option<String>; 18] = [
        Some(d.circumstances.clone()),
        Some(d.clothing.clone()),
        number(d.height_cm),
        number(d.weight_kg),
        optional(&d.hair),
        optional(&d.eyes),
        optional(&d.marks),
        Some(d.last_seen_at.to_rfc3339()),
        Some(d.last_seen_place.clone()),
        Some(format!("{}, {}", d.last_seen.lat, d.last_seen.lng)),
        Some(d.contact_phone.clone()),
        optional(&d.contact_phone_2),
        optional(&d.contact_name),
        Some(d.language.as_str().to_string()),
        Some(d.alert_radius_km.to_string()),
        corridor.map(|c| points_text(&c.route)),
        corridor.map(|c| c.width_km.to_string()),
        d.alert_polygon.as_ref().map(|p| points_text(&p.ring)),
    ];
    DESCRIBED
        .iter()
        .zip(values)
        .filter_map(|(field, value)| value.map(|v| format!("{field}: {}", v.replace('\n', "\n  "))))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The `field: value` lines of a description, and whatever else it says.
fn read_description(description: &str) -> (HashMap<&'static str, String>, String) {
    let mut fields: HashMap<&'static str, String> = HashMap::new();
    let mut other: Vec<&str> = Vec::new();
    let mut current: Option<&'static str> = None;
    for line in description.lines() {
        if let (Some(field), Some(rest)) = (current, line.strip_prefix("  ")) {
            let value = fields.entry(field).or_default();
            value.push('\n');
            value.push_str(rest);
            continue;
        }
        let labelled = line.split_once(": ").and_then(|(label, value)| {
            DESCRIBED.iter().find(|f| **f == label).map(|f| (*f, value))
        });
        match labelled {
            Some((field, value)) => {
                fields.insert(field, value.to_string());
                current = Some(field);
            }
            None => {
                other.push(line);
                current = None;
            }
        }
    }
    (fields, other.join("\n").trim().to_string())
}

/// What one record of an imported file becomes.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedCase {
    pub details: CaseDetails,
    /// The record's end, when its notes say the person was found or the
    /// search called off: imported as a resolved case, never alerted.
    pub closed: Option<(Outcome, DateTime<Utc>)>,
    pub photo_url: Option<String>,
}

/// One `person` of an imported file, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// Its position in the file, from 1.
    pub index: usize,
    pub record_id: Option<String>,
    pub result: Result<ImportedCase, Vec<FieldError>>,
}

/// Why a whole file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PfifError {
    #[error("not well-formed XML: {0}")]
    NotXml(String),
    #[error("not a PFIF 1.4 document: the root must be pfif:pfif in {NAMESPACE}")]
    NotPfif,
}

/// Reads every `person` of a PFIF 1.4 document (notes nested in a person or
/// beside it, pointing at it by `person_record_id`). DTDs are refused, so
/// entity tricks cannot blow the file up.
pub fn read(xml: &str, now: DateTime<Utc>) -> Result<Vec<Reading>, PfifError> {
    let doc = roxmltree::Document::parse(xml).map_err(|e| PfifError::NotXml(e.to_string()))?;
    let root = doc.root_element();
    if !is_pfif(root, "pfif") {
        return Err(PfifError::NotPfif);
    }
    let mut loose_notes: HashMap<String, Vec<roxmltree::Node>> = HashMap::new();
    for note in root.children().filter(|n| is_pfif(*n, "note")) {
        if let Some(person) = child_text(note, "person_record_id") {
            loose_notes.entry(person).or_default().push(note);
        }
    }
    let persons = root.children().filter(|n| is_pfif(*n, "person"));
    Ok(persons
        .enumerate()
        .map(|(i, person)| {
            let record_id = child_text(person, "person_record_id");
            let mut notes: Vec<roxmltree::Node> =
                person.children().filter(|n| is_pfif(*n, "note")).collect();
            if let Some(id) = &record_id {
                notes.extend(loose_notes.get(id).into_iter().flatten());
            }
            Reading {
                index: i + 1,
                result: read_person(person, &notes, record_id.is_some(), now),
                record_id,
            }
        })
        .collect())
}

fn is_pfif(node: roxmltree::Node, name: &str) -> bool {
    node.is_element()
        && node.tag_name().name() == name
        && node.tag_name().namespace() == Some(NAMESPACE)
}

/// The trimmed text of `parent`'s PFIF child `name`, when not empty.
fn child_text(parent: roxmltree::Node, name: &str) -> Option<String> {
    parent
        .children()
        .find(|n| is_pfif(*n, name))
        .and_then(|n| n.text())
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

fn read_person(
    person: roxmltree::Node,
    notes: &[roxmltree::Node],
    has_id: bool,
    now: DateTime<Utc>,
) -> Result<ImportedCase, Vec<FieldError>> {
    let get = |name: &str| child_text(person, name);
    let mut errors = Vec::new();
    if !has_id {
        errors.push(FieldError::new("person_record_id", "is required"));
    }
    let (mut described, other) = read_description(&get("description").unwrap_or_default());
    let mut take = |field: &str| described.remove(field);
    let (given_name, family_name) = names(get("given_name"), get("family_name"), get("full_name"));
    let (birth_date, age) = match (get("date_of_birth"), get("age")) {
        (Some(born), _) => (Some(born), None),
        (None, Some(age)) => match age.parse::<i64>() {
            Ok(age) => (None, Some(age)),
            Err(_) => {
                // A range such as "30-40": the middle of it.
                let range: Option<(i64, i64)> = age
                    .split_once('-')
                    .and_then(|(a, b)| Some((a.trim().parse().ok()?, b.trim().parse().ok()?)));
                match range {
                    Some((low, high)) => (None, Some((low + high) / 2)),
                    None => {
                        errors.push(FieldError::new("age", "must be a number or a range"));
                        (None, None)
                    }
                }
            }
        },
        (None, None) => (None, None),
    };
    let number = |field: &str, value: Option<String>, errors: &mut Vec<FieldError>| {
        value.and_then(|v| match v.trim().parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => {
                errors.push(FieldError::new(field, "must be a whole number"));
                None
            }
        })
    };
    let height_cm = number("height_cm", take("height_cm"), &mut errors);
    let weight_kg = number("weight_kg", take("weight_kg"), &mut errors);
    let alert_radius_km = match take("alert_radius_km") {
        None => None,
        Some(r) => match r.trim().parse::<f64>() {
            Ok(r) => Some(r),
            Err(_) => {
                errors.push(FieldError::new("alert_radius_km", "must be a number"));
                None
            }
        },
    };
    let alert_route_width_km = match take("alert_route_width_km") {
        None => None,
        Some(w) => match w.trim().parse::<f64>() {
            Ok(w) => Some(w),
            Err(_) => {
                errors.push(FieldError::new("alert_route_width_km", "must be a number"));
                None
            }
        },
    };
    let mut points = |field: &'static str, errors: &mut Vec<FieldError>| {
        take(field).and_then(|text| {
            let points = parse_points(&text);
            if points.is_none() {
                errors.push(FieldError::new(
                    field,
                    "must be \"latitude, longitude\" pairs separated by \";\"",
                ));
            }
            points
        })
    };
    let alert_route = points("alert_route", &mut errors);
    let alert_polygon = points("alert_polygon", &mut errors);
    let last_known_location = notes
        .iter()
        .filter_map(|n| child_text(*n, "last_known_location"))
        .next_back();
    let last_seen = match take("last_seen") {
        Some(point) => match parse_point(&point) {
            Some(point) => Some(point),
            None => {
                errors.push(FieldError::new(
                    "last_seen",
                    "must be \"latitude, longitude\"",
                ));
                None
            }
        },
        None => last_known_location.as_deref().and_then(parse_point),
    };
    let circumstances = take("circumstances").or((!other.is_empty()).then_some(other));
    let input = CaseInput {
        given_name,
        family_name,
        aliases: get("alternate_names"),
        sex: Some(get("sex").unwrap_or_else(|| "unknown".into())),
        birth_date,
        age,
        height_cm,
        weight_kg,
        hair: take("hair"),
        eyes: take("eyes"),
        marks: take("marks"),
        clothing: take("clothing"),
        circumstances,
        last_seen_at: take("last_seen_at"),
        // A location given as coordinates is no place name for the poster.
        last_seen_place: take("last_seen_place")
            .or(last_known_location.filter(|l| parse_point(l).is_none())),
        last_seen,
        contact_phone: take("contact_phone").or_else(|| get("author_phone")),
        contact_phone_2: take("contact_phone_2"),
        contact_name: take("contact_name"),
        language: take("language"),
        alert_radius_km,
        alert_route,
        alert_route_width_km,
        alert_polygon,
        alert_partner_kinds: None,
    };
    let details = CaseDetails::parse(&input, now);
    match details {
        Ok(details) if errors.is_empty() => Ok(ImportedCase {
            details,
            closed: closure(notes),
            photo_url: get("photo_url"),
        }),
        Ok(_) => Err(errors),
        Err(invalid) => {
            errors.extend(invalid.0);
            Err(errors)
        }
    }
}

/// Given and family names, or a full name split at its first space.
fn names(
    given: Option<String>,
    family: Option<String>,
    full: Option<String>,
) -> (Option<String>, Option<String>) {
    match (given, family, full) {
        (Some(given), Some(family), _) => (Some(given), Some(family)),
        (given, family, Some(full)) => {
            let (first, rest) = full.split_once(' ').unwrap_or((&full, ""));
            let rest = (!rest.trim().is_empty()).then(|| rest.trim().to_string());
            (given.or(Some(first.to_string())), family.or(rest))
        }
        (given, family, None) => (given, family),
    }
}

/// "lat, lng" in decimal degrees.
fn parse_point(text: &str) -> Option<CoordinatesInput> {
    let (lat, lng) = text.split_once(',')?;
    Some(CoordinatesInput {
        lat: Some(lat.trim().parse().ok()?),
        lng: Some(lng.trim().parse().ok()?),
    })
}

/// The latest note that ends the search: found alive or dead, or called off
/// (a closing note without a status, as our export writes for a withdrawal).
fn closure(notes: &[roxmltree::Node]) -> Option<(Outcome, DateTime<Utc>)> {
    let mut latest: Option<(Outcome, DateTime<Utc>)> = None;
    for note in notes {
        let at = child_text(*note, "source_date")
            .and_then(|d| DateTime::parse_from_rfc3339(&d).ok())
            .map(|d| d.with_timezone(&Utc));
        let closing_id =
            child_text(*note, "note_record_id").is_some_and(|id| id.ends_with("/note.closed"));
        let outcome = match child_text(*note, "status").as_deref() {
            Some("believed_alive") => Some(Outcome::FoundSafe),
            Some("believed_dead") => Some(Outcome::FoundDeceased),
            None if closing_id => Some(Outcome::Withdrawn),
            _ => None,
        };
        if let (Some(outcome), Some(at)) = (outcome, at)
            && latest.is_none_or(|(_, before)| at >= before)
        {
            latest = Some((outcome, at));
        }
    }
    latest
}

/// Whether a case is exported: published or resolved, and in public view.
pub fn exported(case: &Case, since: Option<DateTime<Utc>>) -> bool {
    case.status != CaseStatus::Draft && !case.hidden && since.is_none_or(|s| case.updated_at >= s)
}

#[cfg(test)]
mod tests;

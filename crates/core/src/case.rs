//! A missing person's case: what families and police type in, what we keep,
//! and its life cycle draft → active → resolved.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::area::{AlertArea, Corridor, Polygon};
use crate::error::{Checker, FieldError, InvalidInput, Rule};
use crate::text::{Lines, clean, clean_optional, name_key};
use crate::user::UserId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(transparent)]
pub struct CaseId(pub i64);

impl std::fmt::Display for CaseId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Declares a string-backed enum with its wire names, once.
macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(field: &str, value: &str) -> Result<Self, FieldError> {
                match value {
                    $($text => Ok($name::$variant),)+
                    _ => Err(FieldError::new(field, format!(
                        concat!("must be one of ", $what, " (got {:?})"),
                        value.chars().take(40).collect::<String>()
                    ))),
                }
            }
        }
    };
}

wire_enum!(Sex, "female, male, other, unknown" {
    Female = "female", Male = "male", Other = "other", Unknown = "unknown",
});

wire_enum!(
    /// The languages Alerta speaks; Spanish is the default everywhere.
    #[derive(Default)]
    Language, "es, en, pt, fr" { #[default] Es = "es", En = "en", Pt = "pt", Fr = "fr" }
);

wire_enum!(CaseStatus, "draft, active, resolved" {
    Draft = "draft", Active = "active", Resolved = "resolved",
});

wire_enum!(
    /// Who a partner is: where they post alerts for people passing by.
    PartnerKind,
    "bus_terminal, border_post, airport, hospital, school, media, transport, other" {
        BusTerminal = "bus_terminal", BorderPost = "border_post", Airport = "airport",
        Hospital = "hospital", School = "school", Media = "media", Transport = "transport",
        Other = "other",
    }
);

wire_enum!(Outcome, "found_safe, found_deceased, withdrawn" {
    FoundSafe = "found_safe", FoundDeceased = "found_deceased", Withdrawn = "withdrawn",
});

/// The mean Earth radius (IUGG) every distance is measured with.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// A point on Earth in decimal degrees (WGS 84).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Coordinates {
    #[schema(example = -17.3935)]
    pub lat: f64,
    #[schema(example = -66.157)]
    pub lng: f64,
}

impl Coordinates {
    pub fn parse(field: &str, lat: Option<f64>, lng: Option<f64>) -> Result<Self, FieldError> {
        let lat = lat.ok_or_else(|| FieldError::broke(format!("{field}.lat"), Rule::Required))?;
        let lng = lng.ok_or_else(|| FieldError::broke(format!("{field}.lng"), Rule::Required))?;
        if !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
            return Err(FieldError::broke(
                format!("{field}.lat"),
                Rule::between("-90", "90"),
            ));
        }
        if !lng.is_finite() || !(-180.0..=180.0).contains(&lng) {
            return Err(FieldError::broke(
                format!("{field}.lng"),
                Rule::between("-180", "180"),
            ));
        }
        Ok(Coordinates { lat, lng })
    }
}

impl Coordinates {
    /// Great-circle distance on a sphere of the Earth's mean radius, in km.
    pub fn distance_km(&self, other: &Coordinates) -> f64 {
        let (lat1, lat2) = (self.lat.to_radians(), other.lat.to_radians());
        let half_dlat = (lat2 - lat1) / 2.0;
        let half_dlng = (other.lng - self.lng).to_radians() / 2.0;
        let a = half_dlat.sin().powi(2) + lat1.cos() * lat2.cos() * half_dlng.sin().powi(2);
        2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
    }
}

/// Coordinates as typed: each part may be missing, so the refusal can name it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CoordinatesInput {
    #[schema(required = true, example = -17.3935)]
    pub lat: Option<f64>,
    #[schema(required = true, example = -66.157)]
    pub lng: Option<f64>,
}

/// A case as families and police send it. Every field is optional here so
/// that a missing one is refused by name, like any other mistake.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseInput {
    #[schema(required = true, example = "María José")]
    pub given_name: Option<String>,
    #[schema(required = true, example = "Quispe Mamani")]
    pub family_name: Option<String>,
    pub aliases: Option<String>,
    #[schema(required = true, value_type = Sex)]
    pub sex: Option<String>,
    /// YYYY-MM-DD; give this or `age`.
    #[schema(example = "2011-03-14")]
    pub birth_date: Option<String>,
    /// Age in years when last seen, if the birth date is unknown.
    pub age: Option<i64>,
    pub height_cm: Option<i64>,
    pub weight_kg: Option<i64>,
    pub hair: Option<String>,
    pub eyes: Option<String>,
    pub marks: Option<String>,
    #[schema(
        required = true,
        example = "Chompa roja, pantalón jean azul, zapatillas blancas"
    )]
    pub clothing: Option<String>,
    #[schema(
        required = true,
        example = "Salió del colegio a las 18:30 y no llegó a su casa."
    )]
    pub circumstances: Option<String>,
    /// RFC 3339 with the local offset, e.g. 2026-11-20T18:30:00-04:00.
    #[schema(required = true, example = "2026-11-20T18:30:00-04:00")]
    pub last_seen_at: Option<String>,
    #[schema(required = true, example = "Plaza 14 de Septiembre, Cochabamba")]
    pub last_seen_place: Option<String>,
    #[schema(required = true)]
    pub last_seen: Option<CoordinatesInput>,
    #[schema(required = true, example = "+591 4 4221111")]
    pub contact_phone: Option<String>,
    /// A second number to call (the family's beside the police's, say),
    /// printed with the first.
    #[schema(example = "+591 722 22222")]
    pub contact_phone_2: Option<String>,
    pub contact_name: Option<String>,
    #[schema(value_type = Option<Language>)]
    pub language: Option<String>,
    /// Radius of the alert area around `last_seen`, 0.5 to 1000 km (default 10).
    pub alert_radius_km: Option<f64>,
    /// The road the person may be taken along (police only): 2 to 100
    /// points, the first near `last_seen`. The alert also reaches every
    /// zone within `alert_route_width_km` of it.
    pub alert_route: Option<Vec<CoordinatesInput>>,
    /// How far either side of `alert_route` the alert reaches, 0.5 to 100 km
    /// (default 5).
    pub alert_route_width_km: Option<f64>,
    /// A ring of 3 to 200 points (police only; the first may be repeated at
    /// the end to close it) whose edges do not cross: the alert also reaches
    /// every zone that overlaps it.
    pub alert_polygon: Option<Vec<CoordinatesInput>>,
    /// The kinds of partner the alert also goes to (police only): those
    /// whose place the area reaches get it, to post. None: volunteers only.
    #[schema(value_type = Option<Vec<PartnerKind>>)]
    pub alert_partner_kinds: Option<Vec<String>>,
}

/// The checked description of a missing person and where they were last seen.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseDetails {
    pub given_name: String,
    pub family_name: String,
    pub aliases: Option<String>,
    pub sex: Sex,
    pub birth_date: Option<NaiveDate>,
    /// The age that was stated when the birth date is unknown.
    pub stated_age: Option<i64>,
    pub height_cm: Option<i64>,
    pub weight_kg: Option<i64>,
    pub hair: Option<String>,
    pub eyes: Option<String>,
    pub marks: Option<String>,
    pub clothing: String,
    pub circumstances: String,
    /// Kept with the offset it was given in: posters print the local time.
    pub last_seen_at: DateTime<FixedOffset>,
    pub last_seen_place: String,
    pub last_seen: Coordinates,
    pub contact_phone: String,
    pub contact_phone_2: Option<String>,
    pub contact_name: Option<String>,
    pub language: Language,
    pub alert_radius_km: f64,
    /// The road the person may be taken along, and how far either side.
    pub alert_corridor: Option<Corridor>,
    pub alert_polygon: Option<Polygon>,
    /// The partners the alert also goes to, by kind, in the order given.
    pub alert_partner_kinds: Vec<PartnerKind>,
}

pub const MIN_ALERT_RADIUS_KM: f64 = 0.5;
pub const MAX_ALERT_RADIUS_KM: f64 = 1000.0;
pub const DEFAULT_ALERT_RADIUS_KM: f64 = 10.0;
/// A clock a few minutes fast on a phone should not refuse a case.
const CLOCK_SKEW_SECONDS: i64 = 300;

impl CaseDetails {
    /// Checks every field of `input`; `now` decides what "in the future" means.
    pub fn parse(input: &CaseInput, now: DateTime<Utc>) -> Result<Self, InvalidInput> {
        let mut c = Checker::default();
        let text = |field: &str, value: &Option<String>, max: usize, lines: Lines| {
            clean(field, value.as_deref().unwrap_or(""), 1, max, lines)
        };
        let optional = |field: &str, value: &Option<String>, max: usize, lines: Lines| {
            clean_optional(field, value.as_deref(), max, lines)
        };

        let given_name = c.check(text("given_name", &input.given_name, 100, Lines::Single));
        let family_name = c.check(text("family_name", &input.family_name, 100, Lines::Single));
        let aliases = c.check(optional("aliases", &input.aliases, 200, Lines::Single));
        let sex = c.check(match &input.sex {
            None => Err(FieldError::broke("sex", Rule::Required)),
            Some(s) => Sex::parse("sex", s.trim()),
        });
        let last_seen_at = c.check(parse_last_seen_at(input.last_seen_at.as_deref(), now));
        let birth_date = c.check(parse_birth_date(input.birth_date.as_deref(), now));
        let stated_age = c.check(bounded_int("age", input.age, 0, 120));
        let height_cm = c.check(bounded_int("height_cm", input.height_cm, 30, 250));
        let weight_kg = c.check(bounded_int("weight_kg", input.weight_kg, 1, 400));
        let hair = c.check(optional("hair", &input.hair, 100, Lines::Single));
        let eyes = c.check(optional("eyes", &input.eyes, 100, Lines::Single));
        let marks = c.check(optional("marks", &input.marks, 1000, Lines::Multi));
        let clothing = c.check(text("clothing", &input.clothing, 1000, Lines::Multi));
        let circumstances = c.check(text(
            "circumstances",
            &input.circumstances,
            4000,
            Lines::Multi,
        ));
        let last_seen_place = c.check(text(
            "last_seen_place",
            &input.last_seen_place,
            200,
            Lines::Single,
        ));
        let last_seen = c.check(match &input.last_seen {
            None => Err(FieldError::broke("last_seen", Rule::Required)),
            Some(p) => Coordinates::parse("last_seen", p.lat, p.lng),
        });
        let contact_phone = c.check(parse_phone("contact_phone", input.contact_phone.as_deref()));
        let contact_phone_2 = c.check(
            input
                .contact_phone_2
                .as_deref()
                .filter(|p| !p.trim().is_empty())
                .map(|p| parse_phone("contact_phone_2", Some(p)))
                .transpose(),
        );
        let contact_name = c.check(optional(
            "contact_name",
            &input.contact_name,
            100,
            Lines::Single,
        ));
        let language = c.check(match &input.language {
            None => Ok(Language::default()),
            Some(l) => Language::parse("language", l.trim()),
        });
        let alert_radius_km = c.check(parse_alert_radius(input.alert_radius_km));
        let alert_corridor = c.check(match (last_seen, alert_radius_km) {
            (Some(from), Some(radius)) => parse_alert_route(
                input.alert_route.as_deref(),
                input.alert_route_width_km,
                from,
                radius,
            ),
            _ => Ok(None),
        });
        let alert_polygon = c.check(match last_seen {
            Some(from) => parse_alert_polygon(input.alert_polygon.as_deref(), from),
            None => Ok(None),
        });
        let alert_partner_kinds =
            c.check(parse_partner_kinds(input.alert_partner_kinds.as_deref()));

        if let (Some(birth_date), Some(stated_age), Some(at)) =
            (birth_date, stated_age, last_seen_at)
            && let Some(error) = age_mismatch(birth_date, stated_age, at.date_naive())
        {
            c.push(error);
        }
        c.finish()?;

        let birth_date = some(birth_date);
        Ok(CaseDetails {
            given_name: some(given_name),
            family_name: some(family_name),
            aliases: some(aliases),
            sex: some(sex),
            birth_date,
            stated_age: if birth_date.is_some() {
                None
            } else {
                some(stated_age)
            },
            height_cm: some(height_cm),
            weight_kg: some(weight_kg),
            hair: some(hair),
            eyes: some(eyes),
            marks: some(marks),
            clothing: some(clothing),
            circumstances: some(circumstances),
            last_seen_at: some(last_seen_at),
            last_seen_place: some(last_seen_place),
            last_seen: some(last_seen),
            contact_phone: some(contact_phone),
            contact_phone_2: some(contact_phone_2),
            contact_name: some(contact_name),
            language: some(language),
            alert_radius_km: some(alert_radius_km),
            alert_corridor: some(alert_corridor),
            alert_polygon: some(alert_polygon),
            alert_partner_kinds: some(alert_partner_kinds),
        })
    }

    /// The same details with the road, the polygon and the kinds of
    /// partner an officer gave, checked as when a case is registered.
    pub fn with_alert_area(&self, drawn: &DrawnArea) -> Result<CaseDetails, InvalidInput> {
        let mut c = Checker::default();
        let corridor = c.check(road(
            drawn.route.clone(),
            drawn.route_width_km,
            self.last_seen,
            self.alert_radius_km,
        ));
        let polygon = c.check(area(drawn.polygon.clone(), self.last_seen));
        let kinds = c.check(parse_partner_kinds(Some(&drawn.partner_kinds)));
        c.finish()?;
        Ok(CaseDetails {
            alert_corridor: some(corridor),
            alert_polygon: some(polygon),
            alert_partner_kinds: some(kinds),
            ..self.clone()
        })
    }

    /// Where the alert goes, as [`Case::alert_area`] says.
    pub fn alert_area(&self) -> AlertArea {
        AlertArea {
            circle: crate::volunteer::Circle {
                center: self.last_seen,
                radius_km: self.alert_radius_km,
            },
            corridor: self.alert_corridor.clone(),
            polygon: self.alert_polygon.clone(),
        }
    }

    /// Age in whole years on the day the person was last seen.
    pub fn age_when_last_seen(&self) -> i64 {
        match self.birth_date {
            Some(born) => age_on(born, self.last_seen_at.date_naive()),
            None => self.stated_age.unwrap_or(0),
        }
    }

    /// Age today, when at least a year has passed since they were last seen.
    pub fn age_now_if_changed(&self, today: NaiveDate) -> Option<i64> {
        let then = self.age_when_last_seen();
        let now = match self.birth_date {
            Some(born) => age_on(born, today),
            None => then + age_on(self.last_seen_at.date_naive(), today),
        };
        (now > then).then_some(now)
    }

    /// The key duplicate detection and name search compare.
    pub fn name_key(&self) -> String {
        name_key(&[&self.given_name, &self.family_name])
    }

    pub fn full_name(&self) -> String {
        format!("{} {}", self.given_name, self.family_name)
    }
}

/// The value of a field that [`Checker::finish`] has already vouched for.
fn some<T>(checked: Option<T>) -> T {
    checked.expect("Checker::finish passed, so every checked field holds a value")
}

/// Birth date and stated age must leave us an age, and agree with each other.
fn age_mismatch(
    born: Option<NaiveDate>,
    age: Option<i64>,
    last_seen: NaiveDate,
) -> Option<FieldError> {
    match (born, age) {
        (None, None) => Some(FieldError::broke("birth_date", Rule::BirthDateOrAge)),
        (Some(born), _) if born > last_seen => {
            Some(FieldError::broke("birth_date", Rule::BornBeforeLastSeen))
        }
        (Some(born), Some(age)) => {
            let computed = age_on(born, last_seen);
            ((computed - age).abs() > 1)
                .then(|| FieldError::broke("age", Rule::AgeMismatch { computed }))
        }
        _ => None,
    }
}

/// Whole years from `born` to `on` (0 when `on` is earlier).
pub fn age_on(born: NaiveDate, on: NaiveDate) -> i64 {
    let mut years = i64::from(on.year() - born.year());
    if (on.month(), on.day()) < (born.month(), born.day()) {
        years -= 1;
    }
    years.max(0)
}

fn parse_last_seen_at(
    value: Option<&str>,
    now: DateTime<Utc>,
) -> Result<DateTime<FixedOffset>, FieldError> {
    let field = "last_seen_at";
    let value = value.map(str::trim).filter(|v| !v.is_empty());
    let value = value.ok_or_else(|| FieldError::broke(field, Rule::Required))?;
    let at = DateTime::parse_from_rfc3339(value)
        .map_err(|_| FieldError::broke(field, Rule::DateTimeFormat))?;
    if at.with_timezone(&Utc) > now + chrono::Duration::seconds(CLOCK_SKEW_SECONDS) {
        return Err(FieldError::broke(field, Rule::NotInFuture));
    }
    if at.year() < 1900 {
        return Err(FieldError::broke(field, Rule::After1900));
    }
    Ok(at)
}

fn parse_birth_date(
    value: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Option<NaiveDate>, FieldError> {
    let field = "birth_date";
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let date = NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| FieldError::broke(field, Rule::DateFormat))?;
    if date > now.date_naive() {
        return Err(FieldError::broke(field, Rule::NotInFuture));
    }
    if date.year() < 1900 {
        return Err(FieldError::broke(field, Rule::After1900));
    }
    Ok(Some(date))
}

fn bounded_int(
    field: &str,
    value: Option<i64>,
    min: i64,
    max: i64,
) -> Result<Option<i64>, FieldError> {
    match value {
        Some(v) if !(min..=max).contains(&v) => {
            Err(FieldError::broke(field, Rule::between(min, max)))
        }
        other => Ok(other),
    }
}

fn parse_phone(field: &str, value: Option<&str>) -> Result<String, FieldError> {
    let phone = clean(field, value.unwrap_or(""), 1, 30, Lines::Single)?;
    if phone
        .chars()
        .any(|c| !(c.is_ascii_digit() || " +-().".contains(c)))
    {
        return Err(FieldError::broke(field, Rule::PhoneCharacters));
    }
    if phone.chars().filter(char::is_ascii_digit).count() < 3 {
        return Err(FieldError::broke(field, Rule::PhoneDigits));
    }
    Ok(phone)
}

pub fn parse_alert_radius(value: Option<f64>) -> Result<f64, FieldError> {
    let field = "alert_radius_km";
    match value {
        None => Ok(DEFAULT_ALERT_RADIUS_KM),
        Some(r) if r.is_finite() && (MIN_ALERT_RADIUS_KM..=MAX_ALERT_RADIUS_KM).contains(&r) => {
            Ok(r)
        }
        Some(_) => Err(FieldError::broke(field, Rule::between("0.5", "1000"))),
    }
}

/// What police draw of an alert's area besides its circle: the road (no
/// points: none) and how far either side (None: the default), a polygon
/// (no points: none), and the kinds of partner it goes to, as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DrawnArea {
    pub route: Vec<Coordinates>,
    pub route_width_km: Option<f64>,
    pub polygon: Vec<Coordinates>,
    pub partner_kinds: Vec<String>,
}

pub const MAX_ROUTE_POINTS: usize = 100;
pub const MIN_ROUTE_WIDTH_KM: f64 = 0.5;
pub const MAX_ROUTE_WIDTH_KM: f64 = 100.0;
pub const DEFAULT_ROUTE_WIDTH_KM: f64 = 5.0;
/// Longer than any road across South America.
pub const MAX_ROUTE_KM: f64 = 8000.0;
/// How far from the last-seen point a route may start when the alert's
/// circle is smaller: the road out of town begins in town.
const ROUTE_START_SLACK_KM: f64 = 50.0;
pub const MAX_POLYGON_POINTS: usize = 200;
/// No corner of a polygon farther from the last-seen point than this.
pub const MAX_POLYGON_REACH_KM: f64 = 2000.0;

/// The points of a list, each refused by its place in it
/// (`alert_route[3].lat`).
fn parse_points(field: &str, points: &[CoordinatesInput]) -> Result<Vec<Coordinates>, FieldError> {
    points
        .iter()
        .enumerate()
        .map(|(i, p)| Coordinates::parse(&format!("{field}[{i}]"), p.lat, p.lng))
        .collect()
}

/// How far either side of a route an alert reaches, 0.5 to 100 km.
pub fn parse_route_width(field: &str, km: f64) -> Result<f64, FieldError> {
    if km.is_finite() && (MIN_ROUTE_WIDTH_KM..=MAX_ROUTE_WIDTH_KM).contains(&km) {
        Ok(km)
    } else {
        Err(FieldError::broke(field, Rule::between("0.5", "100")))
    }
}

/// The kinds of partner named, each once, refused by its place in the
/// list (`alert_partner_kinds[2]`).
fn parse_partner_kinds(kinds: Option<&[String]>) -> Result<Vec<PartnerKind>, FieldError> {
    let mut parsed: Vec<PartnerKind> = Vec::new();
    for (i, kind) in kinds.unwrap_or_default().iter().enumerate() {
        let kind = PartnerKind::parse(&format!("alert_partner_kinds[{i}]"), kind.trim())?;
        if !parsed.contains(&kind) {
            parsed.push(kind);
        }
    }
    Ok(parsed)
}

/// The corridor `alert_route` and `alert_route_width_km` describe, if any.
fn parse_alert_route(
    route: Option<&[CoordinatesInput]>,
    width_km: Option<f64>,
    last_seen: Coordinates,
    radius_km: f64,
) -> Result<Option<Corridor>, FieldError> {
    let points = parse_points("alert_route", route.unwrap_or_default())?;
    road(points, width_km, last_seen, radius_km)
}

/// The corridor along `route` (none when it has no points), checked.
fn road(
    route: Vec<Coordinates>,
    width_km: Option<f64>,
    last_seen: Coordinates,
    radius_km: f64,
) -> Result<Option<Corridor>, FieldError> {
    if route.is_empty() {
        return match width_km {
            Some(_) => Err(FieldError::new(
                "alert_route_width_km",
                "needs an alert_route: the road it is the width of",
            )),
            None => Ok(None),
        };
    }
    if route.len() < 2 || route.len() > MAX_ROUTE_POINTS {
        return Err(FieldError::new(
            "alert_route",
            format!(
                "must have 2 to {MAX_ROUTE_POINTS} points (got {})",
                route.len()
            ),
        ));
    }
    let width_km = match width_km {
        None => DEFAULT_ROUTE_WIDTH_KM,
        Some(w) => parse_route_width("alert_route_width_km", w)?,
    };
    let corridor = Corridor { route, width_km };
    let start_within = (radius_km + width_km).max(ROUTE_START_SLACK_KM);
    if corridor.route[0].distance_km(&last_seen) > start_within {
        return Err(FieldError::new(
            "alert_route[0]",
            format!(
                "must be within {} km of last_seen: the road starts where the person was last seen",
                crate::volunteer::trim_number(start_within)
            ),
        ));
    }
    if corridor.length_km() > MAX_ROUTE_KM {
        return Err(FieldError::new(
            "alert_route",
            format!("must be at most {MAX_ROUTE_KM} km long"),
        ));
    }
    Ok(Some(corridor))
}

/// The polygon `alert_polygon` describes, if any.
fn parse_alert_polygon(
    points: Option<&[CoordinatesInput]>,
    last_seen: Coordinates,
) -> Result<Option<Polygon>, FieldError> {
    area(
        parse_points("alert_polygon", points.unwrap_or_default())?,
        last_seen,
    )
}

/// The polygon of these corners (none when there are none), checked; the
/// first may be repeated at the end.
fn area(mut ring: Vec<Coordinates>, last_seen: Coordinates) -> Result<Option<Polygon>, FieldError> {
    let field = "alert_polygon";
    if ring.is_empty() {
        return Ok(None);
    }
    if ring.len() > 1 && ring.first() == ring.last() {
        ring.pop();
    }
    if ring.len() < 3 || ring.len() > MAX_POLYGON_POINTS {
        return Err(FieldError::new(
            field,
            format!(
                "must have 3 to {MAX_POLYGON_POINTS} corners (got {})",
                ring.len()
            ),
        ));
    }
    for i in 0..ring.len() {
        let next = (i + 1) % ring.len();
        if ring[i].distance_km(&ring[next]) < 0.001 {
            return Err(FieldError::new(
                format!("{field}[{next}]"),
                "repeats the point before it",
            ));
        }
        if ring[i].distance_km(&last_seen) > MAX_POLYGON_REACH_KM {
            return Err(FieldError::new(
                format!("{field}[{i}]"),
                format!("must be within {MAX_POLYGON_REACH_KM} km of last_seen"),
            ));
        }
    }
    let polygon = Polygon { ring };
    if polygon.crosses_itself() {
        return Err(FieldError::new(
            field,
            "has edges that cross: list its corners in order around it",
        ));
    }
    Ok(Some(polygon))
}

/// A stored case with its life-cycle state.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    pub id: CaseId,
    pub status: CaseStatus,
    pub outcome: Option<Outcome>,
    pub resolution_note: Option<String>,
    pub owner_id: UserId,
    /// The police unit or NGO that published it, printed on the poster.
    pub organisation: Option<String>,
    pub details: CaseDetails,
    /// Grows with every edit; posters are cached per version.
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub has_photo: bool,
    /// Out of public view: police are checking a complaint that the report is false.
    pub hidden: bool,
    /// The PFIF record it was imported from (its original repository's id).
    pub pfif_record_id: Option<String>,
    /// The organisation in charge: the publishing officer's (None while a
    /// draft, and for cases published before organisations existed).
    pub organisation_id: Option<crate::OrganisationId>,
    /// The country and first-level region codes of the last-seen point
    /// ("BO", "BO-C"): whose jurisdiction it lies in.
    pub last_seen_regions: Vec<String>,
    /// The town the last-seen point lies in or near, or its region's name
    /// where no town is near ([`crate::Geography::locality_at`]): printed
    /// with the country beside the place as typed, which may name only a
    /// street or a market.
    pub last_seen_locality: Option<String>,
    /// Organisations told of the case because its alert reaches into their
    /// jurisdiction: their officers read it and its tips, and change nothing.
    pub informed_organisations: Vec<crate::OrganisationId>,
}

impl Case {
    /// The ISO 3166-1 code of the country the person was last seen in.
    pub fn last_seen_country(&self) -> Option<&str> {
        self.last_seen_regions
            .iter()
            .map(String::as_str)
            .find(|code| !code.contains('-'))
    }

    /// Where its alert goes: the circle of `alert_radius_km` around where
    /// the person was last seen, and the corridor and polygon police added.
    pub fn alert_area(&self) -> AlertArea {
        self.details.alert_area()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        "2026-11-24T12:00:00Z".parse().unwrap()
    }

    pub fn valid_input() -> CaseInput {
        CaseInput {
            given_name: Some("María José".into()),
            family_name: Some("Quispe Mamani".into()),
            sex: Some("female".into()),
            birth_date: Some("2011-03-14".into()),
            clothing: Some("Chompa roja".into()),
            circumstances: Some("Salió del colegio y no llegó a su casa.".into()),
            last_seen_at: Some("2026-11-20T18:30:00-04:00".into()),
            last_seen_place: Some("Plaza 14 de Septiembre, Cochabamba".into()),
            last_seen: Some(CoordinatesInput {
                lat: Some(-17.3935),
                lng: Some(-66.157),
            }),
            contact_phone: Some("+591 4 4221111".into()),
            contact_phone_2: None,
            ..Default::default()
        }
    }

    fn field_errors(input: &CaseInput) -> Vec<String> {
        CaseDetails::parse(input, now())
            .unwrap_err()
            .0
            .into_iter()
            .map(|e| e.field)
            .collect()
    }

    #[test]
    fn valid_case_parses_with_defaults() {
        let case = CaseDetails::parse(&valid_input(), now()).unwrap();
        assert_eq!(case.language, Language::Es);
        assert_eq!(case.alert_radius_km, 10.0);
        assert_eq!(case.age_when_last_seen(), 15);
        assert_eq!(case.last_seen_at.offset().local_minus_utc(), -4 * 3600);
    }

    #[test]
    fn empty_input_names_every_required_field() {
        let fields = field_errors(&CaseInput::default());
        for f in [
            "given_name",
            "family_name",
            "sex",
            "clothing",
            "circumstances",
            "last_seen_at",
            "last_seen_place",
            "last_seen",
            "contact_phone",
        ] {
            assert!(
                fields.contains(&f.to_string()),
                "{f} missing from {fields:?}"
            );
        }
    }

    #[test]
    fn future_dates_are_refused() {
        let mut input = valid_input();
        input.last_seen_at = Some("2026-12-01T10:00:00-04:00".into());
        assert_eq!(field_errors(&input), ["last_seen_at"]);
        let mut input = valid_input();
        input.birth_date = Some("2027-01-01".into());
        assert_eq!(field_errors(&input), ["birth_date"]);
    }

    #[test]
    fn needs_birth_date_or_age_and_they_must_agree() {
        let mut input = valid_input();
        input.birth_date = None;
        assert_eq!(field_errors(&input), ["birth_date"]);
        input.age = Some(15);
        assert!(CaseDetails::parse(&input, now()).is_ok());
        input.birth_date = Some("2011-03-14".into());
        input.age = Some(40);
        assert_eq!(field_errors(&input), ["age"]);
    }

    #[test]
    fn coordinates_and_radius_are_bounded() {
        let mut input = valid_input();
        input.last_seen = Some(CoordinatesInput {
            lat: Some(91.0),
            lng: Some(0.0),
        });
        input.alert_radius_km = Some(0.1);
        assert_eq!(field_errors(&input), ["last_seen.lat", "alert_radius_km"]);
        input.last_seen = Some(CoordinatesInput {
            lat: Some(0.0),
            lng: Some(f64::NAN),
        });
        input.alert_radius_km = Some(f64::INFINITY);
        assert_eq!(field_errors(&input), ["last_seen.lng", "alert_radius_km"]);
    }

    #[test]
    fn phone_must_look_like_a_phone() {
        let mut input = valid_input();
        input.contact_phone = Some("call me maybe".into());
        assert_eq!(field_errors(&input), ["contact_phone"]);
    }

    #[test]
    fn a_second_phone_is_optional_and_checked_like_the_first() {
        let mut input = valid_input();
        input.contact_phone_2 = Some("  ".into());
        assert_eq!(
            CaseDetails::parse(&input, now()).unwrap().contact_phone_2,
            None
        );
        input.contact_phone_2 = Some("+591 722 22222".into());
        let details = CaseDetails::parse(&input, now()).unwrap();
        assert_eq!(details.contact_phone_2.as_deref(), Some("+591 722 22222"));
        input.contact_phone_2 = Some("ask the neighbour".into());
        assert_eq!(field_errors(&input), ["contact_phone_2"]);
    }

    #[test]
    fn enums_name_their_choices() {
        let mut input = valid_input();
        input.sex = Some("f".into());
        input.language = Some("de".into());
        let err = CaseDetails::parse(&input, now()).unwrap_err();
        assert_eq!(err.0[0].field, "sex");
        assert!(err.0[0].message.contains("female, male, other, unknown"));
        assert_eq!(err.0[1].field, "language");
    }

    #[test]
    fn age_now_only_after_a_birthday_passed() {
        let case = CaseDetails::parse(&valid_input(), now()).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(case.age_now_if_changed(today), None);
        let later = NaiveDate::from_ymd_opt(2028, 3, 14).unwrap();
        assert_eq!(case.age_now_if_changed(later), Some(17));
    }

    fn point(lat: f64, lng: f64) -> CoordinatesInput {
        CoordinatesInput {
            lat: Some(lat),
            lng: Some(lng),
        }
    }

    /// Cochabamba, Villa Tunari, Santa Cruz de la Sierra: the road east.
    fn road_east() -> Vec<CoordinatesInput> {
        vec![
            point(-17.3935, -66.157),
            point(-16.9725, -65.4203),
            point(-17.7833, -63.1821),
        ]
    }

    #[test]
    fn a_route_and_a_polygon_join_the_circle() {
        let mut input = valid_input();
        input.alert_route = Some(road_east());
        input.alert_polygon = Some(vec![
            point(-17.0, -66.5),
            point(-17.0, -65.5),
            point(-18.0, -66.0),
            point(-17.0, -66.5),
        ]);
        let details = CaseDetails::parse(&input, now()).unwrap();
        let corridor = details.alert_corridor.as_ref().unwrap();
        assert_eq!(corridor.route.len(), 3);
        assert_eq!(corridor.width_km, DEFAULT_ROUTE_WIDTH_KM);
        // The closing point is not kept twice.
        assert_eq!(details.alert_polygon.as_ref().unwrap().ring.len(), 3);
        let area = details.alert_area();
        let villa_tunari = Coordinates {
            lat: -16.9725,
            lng: -65.4203,
        };
        assert!(area.contains(&villa_tunari), "on the road");
        assert!(!area.circle.contains(&villa_tunari), "far from the circle");
    }

    #[test]
    fn a_route_or_polygon_out_of_shape_is_refused_by_field() {
        let refused = |change: &dyn Fn(&mut CaseInput)| {
            let mut input = valid_input();
            change(&mut input);
            field_errors(&input)
        };
        assert_eq!(
            refused(&|i| i.alert_route = Some(vec![point(-17.39, -66.15)])),
            ["alert_route"],
            "one point is no road"
        );
        assert_eq!(
            refused(&|i| i.alert_route = Some(vec![point(-17.39, -66.15); 101])),
            ["alert_route"]
        );
        assert_eq!(
            refused(&|i| {
                i.alert_route = Some(road_east());
                i.alert_route_width_km = Some(150.0);
            }),
            ["alert_route_width_km"]
        );
        assert_eq!(
            refused(&|i| i.alert_route_width_km = Some(5.0)),
            ["alert_route_width_km"],
            "a width without a road"
        );
        assert_eq!(
            refused(&|i| i.alert_route = Some(vec![point(-16.5, -68.15), point(-17.39, -66.15)])),
            ["alert_route[0]"],
            "La Paz is not where Cochabamba's road starts"
        );
        assert_eq!(
            refused(&|i| {
                let mut road = road_east();
                road[1].lat = Some(95.0);
                i.alert_route = Some(road);
            }),
            ["alert_route[1].lat"]
        );
        assert_eq!(
            refused(&|i| i.alert_polygon = Some(vec![point(-17.0, -66.0), point(-17.1, -66.0)])),
            ["alert_polygon"],
            "two corners"
        );
        // A bow tie: its edges cross.
        assert_eq!(
            refused(&|i| {
                i.alert_polygon = Some(vec![
                    point(-17.0, -66.5),
                    point(-18.0, -65.5),
                    point(-17.0, -65.5),
                    point(-18.0, -66.5),
                ])
            }),
            ["alert_polygon"]
        );
        assert_eq!(
            refused(&|i| {
                i.alert_polygon = Some(vec![
                    point(-17.0, -66.5),
                    point(-17.0, -66.5),
                    point(-18.0, -65.5),
                ])
            }),
            ["alert_polygon[1]"]
        );
        assert_eq!(
            refused(&|i| {
                i.alert_polygon = Some(vec![
                    point(-17.0, -66.5),
                    point(10.0, -66.5),
                    point(-18.0, -65.5),
                ])
            }),
            ["alert_polygon[1]"],
            "3 000 km away"
        );
    }
}

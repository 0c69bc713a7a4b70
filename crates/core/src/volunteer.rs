//! Volunteers and the zones they watch.

use serde::{Deserialize, Serialize};

use crate::case::{Coordinates, EARTH_RADIUS_KM, Language};
use crate::error::{Checker, FieldError, InvalidInput, Rule};
use crate::user::Email;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct VolunteerId(pub i64);

pub const MIN_ZONE_RADIUS_KM: f64 = 1.0;
pub const MAX_ZONE_RADIUS_KM: f64 = 500.0;

/// How long a mailed manage link stays valid: long enough for slow mail,
/// short enough that an old copy found later (a forward, a shared mailbox)
/// is useless. It opens one manage session, once.
pub const MANAGE_LINK_HOURS: i64 = 2;
/// How long a manage session (opened from such a link) lasts.
pub const MANAGE_SESSION_MINUTES: i64 = 60;

/// How a volunteer gets an alert's poster.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PosterDelivery {
    /// The PDF attached to every alert and update.
    #[default]
    Attached,
    /// Only a link to it: light mail, for a prepaid phone plan.
    Link,
}

impl PosterDelivery {
    pub fn as_str(self) -> &'static str {
        match self {
            PosterDelivery::Attached => "attached",
            PosterDelivery::Link => "link",
        }
    }

    pub fn parse(field: &str, value: &str) -> Result<PosterDelivery, FieldError> {
        match value {
            "attached" => Ok(PosterDelivery::Attached),
            "link" => Ok(PosterDelivery::Link),
            _ => Err(FieldError::new(field, "must be attached or link")),
        }
    }
}

/// A circle on the Earth's surface.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Circle {
    pub center: Coordinates,
    pub radius_km: f64,
}

/// A latitude/longitude box, for an index to narrow a search before exact checks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoundingBox {
    pub south: f64,
    pub west: f64,
    pub north: f64,
    pub east: f64,
}

impl Circle {
    /// Whether `point` lies in the circle (on its edge included).
    pub fn contains(&self, point: &Coordinates) -> bool {
        self.center.distance_km(point) <= self.radius_km
    }

    /// A box holding every point within `margin_km` of the circle, on the
    /// same sphere [`Coordinates::distance_km`] measures on, so the exact
    /// check that follows a box prefilter never loses a point the box should
    /// have held. Where it would cross the antimeridian or reach a pole, it
    /// spans all longitudes.
    pub fn bounding_box(&self, margin_km: f64) -> BoundingBox {
        let b = self.unwrapped_box(margin_km);
        if b.west < -180.0 || b.east > 180.0 {
            return BoundingBox {
                west: -180.0,
                east: 180.0,
                ..b
            };
        }
        b
    }

    /// The same box, or where it would cross the antimeridian the two
    /// boxes either side of it.
    pub fn bounding_boxes(&self, margin_km: f64) -> Vec<BoundingBox> {
        let b = self.unwrapped_box(margin_km);
        let (east_side, west_side) = if b.west < -180.0 {
            (b.west + 360.0, b.east)
        } else if b.east > 180.0 {
            (b.west, b.east - 360.0)
        } else {
            return vec![b];
        };
        vec![
            BoundingBox {
                west: east_side,
                east: 180.0,
                ..b
            },
            BoundingBox {
                west: -180.0,
                east: west_side,
                ..b
            },
        ]
    }

    /// The box, its longitudes possibly beyond ±180 (never by more than
    /// 90°); all longitudes where it reaches a pole.
    fn unwrapped_box(&self, margin_km: f64) -> BoundingBox {
        // A hair wider than exact: floating-point rounding must not decide.
        let reach = (self.radius_km + margin_km) * (1.0 + 1e-9) + 1e-6;
        let angle = reach / EARTH_RADIUS_KM;
        let lat = self.center.lat.to_radians();
        let (south, north) = (lat - angle, lat + angle);
        let half_pi = std::f64::consts::FRAC_PI_2;
        // A cap reaching a pole holds every longitude; otherwise its widest
        // east-west extent is asin(sin(angle) / cos(lat)) either side.
        let ratio = angle.sin() / lat.cos();
        if south <= -half_pi || north >= half_pi || !ratio.is_finite() || ratio >= 1.0 {
            return BoundingBox {
                south: south.max(-half_pi).to_degrees(),
                west: -180.0,
                north: north.min(half_pi).to_degrees(),
                east: 180.0,
            };
        }
        let half_width = ratio.asin().to_degrees();
        BoundingBox {
            south: south.to_degrees(),
            west: self.center.lng - half_width,
            north: north.to_degrees(),
            east: self.center.lng + half_width,
        }
    }

    /// Two circles overlap when the great-circle distance between their
    /// centres is at most the sum of their radii. Decided by [`Cap::reaches`],
    /// the very arithmetic the zone index runs in SQL, so the database and
    /// Rust never disagree about a zone at the edge.
    pub fn overlaps(&self, other: &Circle) -> bool {
        self.cap().reaches(&other.cap())
    }

    pub fn cap(&self) -> Cap {
        let (lat, lng) = (self.center.lat.to_radians(), self.center.lng.to_radians());
        let angle = self.radius_km / EARTH_RADIUS_KM;
        Cap {
            x: lat.cos() * lng.cos(),
            y: lat.cos() * lng.sin(),
            z: lat.sin(),
            cos_r: angle.cos(),
            sin_r: angle.sin(),
        }
    }
}

/// A circle as the zone index stores it: its centre as a unit vector and
/// the cosine and sine of its angular radius. Two caps overlap when the
/// angle between their centres is at most the sum of their radii, that is
/// when the dot product of the centres is at least cos(a + b) = cos a cos b
/// − sin a sin b: multiplications and additions only, which SQLite (without
/// math functions) and PostgreSQL (without PostGIS) compute as Rust does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cap {
    pub x: f64,
    pub y: f64,
    pub z: f64,
    pub cos_r: f64,
    pub sin_r: f64,
}

impl Cap {
    /// Whether the two caps overlap (radii summing to less than half the
    /// globe, as zones and alert areas do). The zone index's SQL writes this
    /// expression in the same order, with the zone as `self`.
    pub fn reaches(&self, area: &Cap) -> bool {
        self.x * area.x + self.y * area.y + self.z * area.z
            >= self.cos_r * area.cos_r - self.sin_r * area.sin_r
    }
}

/// A town or city found by the name a volunteer typed.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedPlace {
    /// The name as the gazetteer writes it, with its country: "Bogotá, CO".
    pub label: String,
    pub center: Coordinates,
    pub population: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlaceError {
    Unknown,
    /// Several places answer to the name; their labels, most populous first.
    Ambiguous(Vec<String>),
}

/// What the world's map answers: places by name, regions by ISO code (the
/// places crate; tests may bring their own).
pub trait Geography {
    fn place(&self, typed: &str) -> Result<NamedPlace, PlaceError>;
    /// The region's code as the boundary data writes it ("bo" → "BO") and a
    /// label for it ("Bolivia (BO)"), if the data has that region.
    fn region(&self, code: &str) -> Option<(String, String)>;
    /// The regions named `name`, case and accents ignored ("bolivia" →
    /// Bolivia; "Santa Cruz" → Bolivia's and Argentina's): (code, label)
    /// each, as [`Geography::region`] answers.
    fn regions_named(&self, name: &str) -> Vec<(String, String)>;
    /// The regions holding some point of `area`.
    fn regions_touching(&self, area: &Circle) -> Vec<String>;
    /// The ISO 3166-1 code of the country `point` lies in, if any.
    fn country_at(&self, point: Coordinates) -> Option<String>;
    /// The name of the town `point` lies in or near ("Cochabamba"), or with
    /// none near, of its first-level region: what posters and mail print
    /// beside the place as the family typed it.
    fn locality_at(&self, point: Coordinates) -> Option<String> {
        let _ = point;
        None
    }
}

/// Where a volunteer watches: a circle (named places become one), or a
/// whole country or first-level region by ISO 3166 code.
#[derive(Debug, Clone, PartialEq)]
pub enum Zone {
    Circle(Circle),
    Region(String),
}

impl Zone {
    /// Whether an alert over `area` reaches this zone; `touched` are the
    /// regions holding some point of `area`
    /// ([`AlertArea::regions_touched`](crate::area::AlertArea::regions_touched)).
    pub fn reached_by(&self, area: &crate::area::AlertArea, touched: &[String]) -> bool {
        match self {
            Zone::Circle(circle) => area.reaches(&circle.cap()),
            Zone::Region(code) => touched.iter().any(|t| t == code),
        }
    }
}

/// The radius of a named place's zone when the volunteer gives none: enough
/// to cover the town, from its population (a village of 5 000 fits in 5 km,
/// São Paulo needs 30).
pub fn town_radius_km(population: u64) -> f64 {
    match population {
        5_000_000.. => 30.0,
        1_000_000.. => 20.0,
        100_000.. => 10.0,
        _ => 5.0,
    }
}

/// A zone as a volunteer sends it: a circle, a named place or a region.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ZoneInput {
    #[schema(example = -17.3935)]
    pub lat: Option<f64>,
    #[schema(example = -66.157)]
    pub lng: Option<f64>,
    /// 1 to 500 km.
    #[schema(example = 10.0)]
    pub radius_km: Option<f64>,
    /// A city as people type it, e.g. "Cochabamba, BO".
    pub place: Option<String>,
    /// An ISO 3166 country or first-level region code, e.g. "BO" or "BO-C";
    /// or the label `GET /api/v1/regions` suggests ("Cochabamba (BO-C)"),
    /// or a name only one country or region has ("Brasil").
    pub region: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"email": "vecina@example.org", "language": "es", "zone": {"place": "Cochabamba, BO", "radius_km": 10}}))]
pub struct SubscriptionInput {
    #[schema(required = true, example = "vecina@example.org")]
    pub email: Option<String>,
    #[schema(value_type = Option<Language>)]
    pub language: Option<String>,
    #[schema(required = true)]
    pub zone: Option<ZoneInput>,
    /// `attached` (the default): each alert carries its poster as a PDF;
    /// `link`: only a link to it, for light mail. Taken from a request for
    /// a new address; a known address changes it on its manage page.
    #[schema(value_type = Option<PosterDelivery>)]
    pub poster: Option<String>,
}

/// A checked subscription request.
#[derive(Debug, Clone, PartialEq)]
pub struct NewSubscription {
    pub email: Email,
    pub language: Language,
    pub zone: Zone,
    /// How the zone reads in mail ("10 km · -17.3935, -66.1570").
    pub label: String,
    /// How the poster should come, when the request says.
    pub poster: Option<PosterDelivery>,
}

impl NewSubscription {
    pub fn parse(input: &SubscriptionInput, world: &dyn Geography) -> Result<Self, InvalidInput> {
        let mut c = Checker::default();
        let email = c.check(Email::parse("email", input.email.as_deref().unwrap_or("")));
        let language = c.check(match input.language.as_deref() {
            None => Ok(Language::default()),
            Some(l) => Language::parse("language", l.trim()),
        });
        let zone = c.check(match &input.zone {
            None => Err(FieldError::broke("zone", Rule::Required)),
            Some(zone) => parse_zone(zone, world),
        });
        let poster = c.check(
            input
                .poster
                .as_deref()
                .map(|p| PosterDelivery::parse("poster", p.trim()))
                .transpose(),
        );
        c.finish()?;
        let (email, language, (zone, label), poster) = (
            email.expect("checked"),
            language.expect("checked"),
            zone.expect("checked"),
            poster.expect("checked"),
        );
        Ok(NewSubscription {
            email,
            language,
            zone,
            label,
            poster,
        })
    }
}

/// The zone and how it reads in mail ("10 km · -17.3935, -66.1570",
/// "Cochabamba, BO · 10 km", "Bolivia (BO)").
fn parse_zone(zone: &ZoneInput, world: &dyn Geography) -> Result<(Zone, String), FieldError> {
    let given = [
        zone.place.is_some(),
        zone.region.is_some(),
        zone.lat.is_some() || zone.lng.is_some(),
    ];
    if given.iter().filter(|g| **g).count() > 1 {
        let field = if zone.region.is_some() {
            "zone.region"
        } else {
            "zone.place"
        };
        return Err(FieldError::broke(field, Rule::OneZoneKind));
    }
    if let Some(code) = &zone.region {
        if zone.radius_km.is_some() {
            return Err(FieldError::broke("zone.radius_km", Rule::RegionHasNoRadius));
        }
        return region_zone(code, world);
    }
    if let Some(typed) = &zone.place {
        let (circle, label) = named_place_zone(typed, zone.radius_km, world)?;
        return Ok((Zone::Circle(circle), label));
    }
    let center = Coordinates::parse("zone", zone.lat, zone.lng)?;
    let radius_km = match zone.radius_km {
        None => return Err(FieldError::broke("zone.radius_km", Rule::Required)),
        Some(r) => check_radius(r)?,
    };
    let label = format!(
        "{} km · {:.4}, {:.4}",
        trim_number(radius_km),
        center.lat,
        center.lng
    );
    Ok((Zone::Circle(Circle { center, radius_km }), label))
}

/// A region zone from its ISO code ("BO-C"), the label suggestions and
/// choices show ("Cochabamba (BO-C)"), or its name when one region has it
/// ("Cochabamba").
fn region_zone(typed: &str, world: &dyn Geography) -> Result<(Zone, String), FieldError> {
    const LONGEST_NAME: usize = 100;
    let typed = typed.trim();
    if typed.chars().count() > LONGEST_NAME || typed.chars().any(char::is_control) {
        return Err(FieldError::new(
            "zone.region",
            "must be an ISO 3166 code (\"BO\", \"BO-C\") or a region's name, \
             at most 100 characters on one line",
        ));
    }
    let code = label_code(typed).unwrap_or(typed);
    if looks_like_iso(code) {
        return match world.region(code) {
            Some((code, label)) => Ok((Zone::Region(code), label)),
            None => Err(FieldError::broke("zone.region", Rule::UnknownRegion)),
        };
    }
    match world.regions_named(typed).as_slice() {
        [(code, label)] => Ok((Zone::Region(code.clone()), label.clone())),
        [] => Err(FieldError::broke("zone.region", Rule::UnknownRegion)),
        several => Err(FieldError::broke(
            "zone.region",
            Rule::AmbiguousRegion {
                choices: several
                    .iter()
                    .map(|(_, label)| label.as_str())
                    .collect::<Vec<_>>()
                    .join("; "),
            },
        )),
    }
}

/// "BO", "BO-C", "US-TX", "MX-CMX": two letters, then up to three letters
/// or digits.
fn looks_like_iso(code: &str) -> bool {
    let (country, sub) = code.split_once('-').unwrap_or((code, ""));
    country.len() == 2
        && country.chars().all(|ch| ch.is_ascii_alphabetic())
        && sub.len() <= 3
        && sub.chars().all(|ch| ch.is_ascii_alphanumeric())
}

/// The code of a label written "Name (CODE)".
fn label_code(label: &str) -> Option<&str> {
    let inner = label.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    Some(inner[open + 1..].trim())
}

fn named_place_zone(
    typed: &str,
    radius_km: Option<f64>,
    world: &dyn Geography,
) -> Result<(Circle, String), FieldError> {
    const LONGEST_NAME: usize = 200;
    let typed = typed.trim();
    if typed.is_empty() {
        return Err(FieldError::new("zone.place", "must not be empty"));
    }
    if typed.chars().count() > LONGEST_NAME || typed.chars().any(char::is_control) {
        return Err(FieldError::new(
            "zone.place",
            "must be a place name of at most 200 characters on one line",
        ));
    }
    let place = world.place(typed).map_err(|e| match e {
        PlaceError::Unknown => FieldError::broke("zone.place", Rule::UnknownTown),
        PlaceError::Ambiguous(choices) => FieldError::broke(
            "zone.place",
            Rule::AmbiguousTown {
                choices: choices.join("; "),
            },
        ),
    })?;
    let radius_km = match radius_km {
        None => town_radius_km(place.population),
        Some(r) => check_radius(r)?,
    };
    let label = format!("{} · {} km", place.label, trim_number(radius_km));
    Ok((
        Circle {
            center: place.center,
            radius_km,
        },
        label,
    ))
}

fn check_radius(radius_km: f64) -> Result<f64, FieldError> {
    if radius_km.is_finite() && (MIN_ZONE_RADIUS_KM..=MAX_ZONE_RADIUS_KM).contains(&radius_km) {
        Ok(radius_km)
    } else {
        Err(FieldError::broke("zone.radius_km", Rule::between(1, 500)))
    }
}

/// 10.0 → "10", 2.5 → "2.5".
pub fn trim_number(value: f64) -> String {
    let text = format!("{value:.1}");
    text.strip_suffix(".0").map(str::to_string).unwrap_or(text)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn circle(lat: f64, lng: f64, radius_km: f64) -> Circle {
        Circle {
            center: Coordinates { lat, lng },
            radius_km,
        }
    }

    #[test]
    fn circles_overlap_up_to_the_sum_of_their_radii() {
        // One degree of latitude is about 111.2 km on the mean sphere.
        let a = circle(0.0, 0.0, 50.0);
        let gap = a.center.distance_km(&Coordinates { lat: 1.0, lng: 0.0 });
        assert!(a.overlaps(&circle(1.0, 0.0, gap - 50.0 + 0.05)));
        assert!(!a.overlaps(&circle(1.0, 0.0, gap - 50.0 - 0.05)));
    }

    #[test]
    fn circles_across_the_antimeridian_overlap() {
        // 0.2° of longitude apart at the equator: about 22.2 km.
        assert!(circle(0.0, 179.9, 12.0).overlaps(&circle(0.0, -179.9, 12.0)));
        assert!(!circle(0.0, 179.9, 10.0).overlaps(&circle(0.0, -179.9, 10.0)));
    }

    #[test]
    fn bounding_box_holds_the_circle_or_spans_the_globe() {
        let b = circle(-17.39, -66.16, 10.0).bounding_box(0.0);
        assert!(b.south < -17.47 && b.north > -17.31 && b.west < -66.25 && b.east > -66.07);
        let edge = circle(0.0, 179.95, 10.0).bounding_box(0.0);
        assert_eq!((edge.west, edge.east), (-180.0, 180.0));
        let pole = circle(89.95, 0.0, 10.0).bounding_box(0.0);
        assert_eq!((pole.west, pole.east, pole.north), (-180.0, 180.0, 90.0));
    }

    /// The point `distance_km` from `from` towards `bearing_deg`, on the sphere.
    fn destination(from: Coordinates, bearing_deg: f64, distance_km: f64) -> Coordinates {
        let (lat, lng) = (from.lat.to_radians(), from.lng.to_radians());
        let (bearing, angle) = (bearing_deg.to_radians(), distance_km / EARTH_RADIUS_KM);
        let lat2 = (lat.sin() * angle.cos() + lat.cos() * angle.sin() * bearing.cos()).asin();
        let lng2 = lng
            + (bearing.sin() * angle.sin() * lat.cos()).atan2(angle.cos() - lat.sin() * lat2.sin());
        Coordinates {
            lat: lat2.to_degrees(),
            lng: (lng2.to_degrees() + 540.0) % 360.0 - 180.0,
        }
    }

    #[test]
    fn bounding_box_holds_every_point_of_the_circle_even_far_north_and_wide() {
        for (lat, radius_km) in [
            (0.0, 10.0),
            (-17.4, 500.0),
            (60.0, 1000.0),
            (-75.0, 800.0),
            (80.0, 50.0),
        ] {
            let c = circle(lat, 10.0, radius_km);
            let b = c.bounding_box(0.0);
            for step in 0..3600 {
                let p = destination(c.center, f64::from(step) / 10.0, radius_km);
                assert!(
                    p.lat >= b.south && p.lat <= b.north && p.lng >= b.west && p.lng <= b.east,
                    "{p:?} outside {b:?} of a {radius_km} km circle at {lat}°"
                );
            }
        }
    }

    #[test]
    fn zone_radius_and_coordinates_are_bounded() {
        let input = |lat, radius| SubscriptionInput {
            email: Some("ana@example.org".into()),
            language: None,
            zone: Some(ZoneInput {
                lat: Some(lat),
                lng: Some(0.0),
                radius_km: Some(radius),
                ..Default::default()
            }),
            poster: None,
        };
        let field = |i: SubscriptionInput| {
            NewSubscription::parse(&i, &Towns).unwrap_err().0[0]
                .field
                .clone()
        };
        assert_eq!(field(input(0.0, 0.0)), "zone.radius_km");
        assert_eq!(field(input(0.0, -5.0)), "zone.radius_km");
        assert_eq!(field(input(0.0, 501.0)), "zone.radius_km");
        assert_eq!(field(input(0.0, f64::NAN)), "zone.radius_km");
        assert_eq!(field(input(91.0, 10.0)), "zone.lat");
        let ok = NewSubscription::parse(&input(-17.39, 10.0), &Towns).unwrap();
        assert_eq!(ok.language, Language::Es);
        assert_eq!(ok.label, "10 km · -17.3900, 0.0000");
    }

    /// Two towns, and a name two places share.
    struct Towns;

    impl Geography for Towns {
        fn region(&self, code: &str) -> Option<(String, String)> {
            match code.to_ascii_uppercase().as_str() {
                "BO" => Some(("BO".into(), "Bolivia (BO)".into())),
                "BO-S" => Some(("BO-S".into(), "Santa Cruz (BO-S)".into())),
                "AR-Z" => Some(("AR-Z".into(), "Santa Cruz (AR-Z)".into())),
                _ => None,
            }
        }

        fn regions_named(&self, name: &str) -> Vec<(String, String)> {
            let codes: &[&str] = match name.to_lowercase().as_str() {
                "bolivia" => &["BO"],
                "santa cruz" => &["BO-S", "AR-Z"],
                _ => &[],
            };
            codes.iter().filter_map(|c| self.region(c)).collect()
        }

        fn regions_touching(&self, _: &Circle) -> Vec<String> {
            vec!["BO".into()]
        }

        fn country_at(&self, _: Coordinates) -> Option<String> {
            Some("BO".into())
        }

        fn place(&self, typed: &str) -> Result<NamedPlace, PlaceError> {
            let town = |label: &str, lat, lng, population| {
                Ok(NamedPlace {
                    label: label.into(),
                    center: Coordinates { lat, lng },
                    population,
                })
            };
            match typed {
                "Cochabamba" => town("Cochabamba, BO", -17.38, -66.16, 841_276),
                "Sao Paulo" => town("São Paulo, BR", -23.55, -46.64, 12_400_232),
                "Córdoba" => Err(PlaceError::Ambiguous(vec![
                    "Córdoba, AR".into(),
                    "Córdoba, ES".into(),
                ])),
                _ => Err(PlaceError::Unknown),
            }
        }
    }

    fn place_zone(place: &str, radius_km: Option<f64>) -> Result<NewSubscription, InvalidInput> {
        let input = SubscriptionInput {
            email: Some("ana@example.org".into()),
            language: Some("pt".into()),
            zone: Some(ZoneInput {
                place: Some(place.into()),
                radius_km,
                ..Default::default()
            }),
            poster: None,
        };
        NewSubscription::parse(&input, &Towns)
    }

    #[test]
    fn a_named_place_becomes_a_circle_sized_to_the_town() {
        let city = place_zone("Cochabamba", None).unwrap();
        let Zone::Circle(circle) = city.zone else {
            panic!("a town is a circle")
        };
        assert_eq!(
            circle.center,
            Coordinates {
                lat: -17.38,
                lng: -66.16
            }
        );
        assert_eq!(circle.radius_km, 10.0);
        assert_eq!(city.label, "Cochabamba, BO · 10 km");
        let big = place_zone("Sao Paulo", None).unwrap().zone;
        assert!(
            matches!(big, Zone::Circle(c) if c.radius_km == 30.0),
            "{big:?}"
        );
        let chosen = place_zone("Cochabamba", Some(2.5)).unwrap();
        assert_eq!(chosen.label, "Cochabamba, BO · 2.5 km");
    }

    #[test]
    fn unknown_ambiguous_or_mixed_places_are_refused_naming_the_field() {
        let error = |place: &str, radius| place_zone(place, radius).unwrap_err().0[0].clone();
        assert_eq!(error("Atlantis", None).field, "zone.place");
        let several = error("Córdoba", None);
        assert_eq!(several.field, "zone.place");
        assert!(
            several.message.contains("Córdoba, AR; Córdoba, ES"),
            "{}",
            several.message
        );
        assert_eq!(error("Cochabamba", Some(0.0)).field, "zone.radius_km");
        assert_eq!(error("   ", None).field, "zone.place");
        assert_eq!(error(&"x".repeat(201), None).field, "zone.place");
        assert_eq!(error("Cocha\r\nbamba", None).field, "zone.place");
        let both = SubscriptionInput {
            email: Some("ana@example.org".into()),
            language: None,
            zone: Some(ZoneInput {
                place: Some("Cochabamba".into()),
                lat: Some(1.0),
                lng: Some(1.0),
                ..Default::default()
            }),
            poster: None,
        };
        let refused = NewSubscription::parse(&both, &Towns).unwrap_err();
        assert_eq!(refused.0[0].field, "zone.place");
    }

    fn region_zone_of(
        region: &str,
        radius_km: Option<f64>,
    ) -> Result<NewSubscription, InvalidInput> {
        let input = SubscriptionInput {
            email: Some("ana@example.org".into()),
            language: None,
            zone: Some(ZoneInput {
                region: Some(region.into()),
                radius_km,
                ..Default::default()
            }),
            poster: None,
        };
        NewSubscription::parse(&input, &Towns)
    }

    #[test]
    fn a_region_is_known_by_its_iso_code_in_any_case() {
        let bolivia = region_zone_of(" bo ", None).unwrap();
        assert_eq!(bolivia.zone, Zone::Region("BO".into()));
        assert_eq!(bolivia.label, "Bolivia (BO)");
        let field =
            |code: &str, radius| region_zone_of(code, radius).unwrap_err().0[0].field.clone();
        assert_eq!(field("XX", None), "zone.region", "unknown code");
        assert_eq!(field("Atlantis", None), "zone.region", "unknown name");
        assert_eq!(field("BO-C\r\nBcc: x", None), "zone.region");
        assert_eq!(field(&"a".repeat(101), None), "zone.region", "overlong");
        assert_eq!(field("BO", Some(10.0)), "zone.radius_km");
    }

    #[test]
    fn a_region_is_also_known_by_its_label_or_its_own_name() {
        let zone = |typed: &str| region_zone_of(typed, None).map(|s| s.zone);
        assert_eq!(zone("Bolivia"), Ok(Zone::Region("BO".into())));
        assert_eq!(zone("Santa Cruz (AR-Z)"), Ok(Zone::Region("AR-Z".into())));
        // Two regions share the name: both are offered.
        let refused = region_zone_of("Santa Cruz", None).unwrap_err();
        assert_eq!(
            refused.0[0].rule,
            Some(Rule::AmbiguousRegion {
                choices: "Santa Cruz (BO-S); Santa Cruz (AR-Z)".into()
            })
        );
        // A label whose code is unknown is refused, whatever its name.
        let refused = region_zone_of("Bolivia (XX)", None).unwrap_err();
        assert_eq!(refused.0[0].rule, Some(Rule::UnknownRegion));
    }

    #[test]
    fn a_region_is_reached_by_an_area_touching_it() {
        let area = circle(-16.56, -69.04, 10.0);
        let zone = Zone::Region("PE".into());
        assert!(zone.reached_by(&area.into(), &["BO".into(), "PE".into()]));
        assert!(!zone.reached_by(&area.into(), &["BO".into()]));
    }
}

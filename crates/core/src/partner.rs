//! Partners: organisations that post alerts where many people pass (bus
//! terminals, border posts, airports, hospitals, schools, media, transport
//! companies). An administrator vouches for each; a case's alert goes to
//! the partners of the kinds police chose whose place its area reaches.

use crate::case::{Coordinates, Language, PartnerKind};
use crate::error::{Checker, FieldError, InvalidInput, Rule};
use crate::text::{Lines, clean};
use crate::user::Email;
use crate::volunteer::{Circle, Geography, PlaceError, town_radius_km};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartnerId(pub i64);

/// The radius a partner given by its point watches when none is given: a
/// terminal, a post or a hospital is a building.
pub const DEFAULT_PARTNER_RADIUS_KM: f64 = 1.0;
pub const MAX_PARTNER_RADIUS_KM: f64 = 200.0;

/// A partner as an administrator types it: a point (`lat`, `lng`, and
/// `radius_km` or 1 km) or a town by name (`place`, its whole area).
#[derive(Debug, Clone, Default)]
pub struct PartnerInput {
    pub name: Option<String>,
    pub kind: Option<String>,
    pub email: Option<String>,
    pub language: Option<String>,
    pub lat: Option<f64>,
    pub lng: Option<f64>,
    pub radius_km: Option<f64>,
    pub place: Option<String>,
}

/// A partner, checked, before it is stored.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPartner {
    pub name: String,
    pub kind: PartnerKind,
    pub email: Email,
    pub language: Language,
    /// The town as the gazetteer names it, or the point as typed.
    pub place: String,
    pub zone: Circle,
}

/// A stored partner.
#[derive(Debug, Clone, PartialEq)]
pub struct Partner {
    pub id: PartnerId,
    pub name: String,
    pub kind: PartnerKind,
    pub email: String,
    pub language: Language,
    pub place: String,
    pub zone: Circle,
}

impl NewPartner {
    /// Checks every field; a place is looked up in `geography`.
    pub fn parse(input: &PartnerInput, geography: &dyn Geography) -> Result<Self, InvalidInput> {
        let mut c = Checker::default();
        let text = |v: &Option<String>| v.as_deref().unwrap_or("").to_string();
        let name = c.check(clean("name", &text(&input.name), 1, 200, Lines::Single));
        let kind = c.check(match &input.kind {
            None => Err(FieldError::broke("kind", Rule::Required)),
            Some(kind) => PartnerKind::parse("kind", kind.trim()),
        });
        let email = c.check(Email::parse("email", &text(&input.email)));
        let language = c.check(match &input.language {
            None => Ok(Language::default()),
            Some(l) => Language::parse("language", l.trim()),
        });
        let zone = c.check(where_it_watches(input, geography));
        c.finish()?;
        let (place, zone) = zone.expect("checked");
        Ok(NewPartner {
            name: name.expect("checked"),
            kind: kind.expect("checked"),
            email: email.expect("checked"),
            language: language.expect("checked"),
            place,
            zone,
        })
    }
}

/// The place and circle a partner watches: a point and a radius, or a
/// town by name (all of it, as a volunteer's town zone).
fn where_it_watches(
    input: &PartnerInput,
    geography: &dyn Geography,
) -> Result<(String, Circle), FieldError> {
    let place = input
        .place
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty());
    let point = input.lat.is_some() || input.lng.is_some();
    let radius_km = match input.radius_km {
        None => None,
        Some(r) if r.is_finite() && (0.1..=MAX_PARTNER_RADIUS_KM).contains(&r) => Some(r),
        Some(_) => return Err(FieldError::broke("radius_km", Rule::between("0.1", "200"))),
    };
    match (place, point) {
        (Some(_), true) => Err(FieldError::new(
            "place",
            "give a place or lat and lng, not both",
        )),
        (None, false) => Err(FieldError::new("place", "is required, or lat and lng")),
        (None, true) => {
            let center = Coordinates::parse("", input.lat, input.lng).map_err(|e| FieldError {
                field: e.field.trim_start_matches('.').to_string(),
                ..e
            })?;
            let label = format!("{:.5}, {:.5}", center.lat, center.lng);
            let radius_km = radius_km.unwrap_or(DEFAULT_PARTNER_RADIUS_KM);
            Ok((label, Circle { center, radius_km }))
        }
        (Some(typed), false) => match geography.place(typed) {
            Ok(town) => {
                let radius_km = radius_km.unwrap_or_else(|| town_radius_km(town.population));
                Ok((
                    town.label,
                    Circle {
                        center: town.center,
                        radius_km,
                    },
                ))
            }
            Err(PlaceError::Unknown) => Err(FieldError::broke("place", Rule::UnknownTown)),
            Err(PlaceError::Ambiguous(choices)) => Err(FieldError::broke(
                "place",
                Rule::AmbiguousTown {
                    choices: choices.join("; "),
                },
            )),
        },
    }
}

impl Partner {
    /// Whether a case's alert goes to this partner: of a kind police chose,
    /// its circle reached by the area.
    pub fn reached_by(&self, area: &crate::area::AlertArea, kinds: &[PartnerKind]) -> bool {
        kinds.contains(&self.kind) && area.reaches(&self.zone.cap())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Towns;

    impl Geography for Towns {
        fn place(&self, typed: &str) -> Result<crate::NamedPlace, PlaceError> {
            match typed {
                "Desaguadero" => Ok(crate::NamedPlace {
                    label: "Desaguadero, BO".into(),
                    center: Coordinates {
                        lat: -16.566,
                        lng: -69.037,
                    },
                    population: 6_000,
                }),
                _ => Err(PlaceError::Unknown),
            }
        }
        fn region(&self, _: &str) -> Option<(String, String)> {
            None
        }
        fn regions_named(&self, _: &str) -> Vec<(String, String)> {
            vec![]
        }
        fn regions_touching(&self, _: &Circle) -> Vec<String> {
            vec![]
        }
        fn country_at(&self, _: Coordinates) -> Option<String> {
            None
        }
    }

    fn input() -> PartnerInput {
        PartnerInput {
            name: Some("Puesto fronterizo de Desaguadero".into()),
            kind: Some("border_post".into()),
            email: Some("frontera@example.org".into()),
            place: Some("Desaguadero".into()),
            ..Default::default()
        }
    }

    #[test]
    fn a_partner_watches_its_town_or_its_point() {
        let post = NewPartner::parse(&input(), &Towns).unwrap();
        assert_eq!(post.kind, PartnerKind::BorderPost);
        assert_eq!(post.place, "Desaguadero, BO");
        assert_eq!(post.zone.radius_km, 5.0, "a town of 6 000");
        assert_eq!(post.language, Language::Es);
        let terminal = NewPartner::parse(
            &PartnerInput {
                kind: Some("bus_terminal".into()),
                place: None,
                lat: Some(-17.4),
                lng: Some(-66.16),
                ..input()
            },
            &Towns,
        )
        .unwrap();
        assert_eq!(terminal.zone.radius_km, DEFAULT_PARTNER_RADIUS_KM);
    }

    #[test]
    fn a_partner_out_of_shape_is_refused_by_field() {
        let fields = |input: PartnerInput| -> Vec<String> {
            NewPartner::parse(&input, &Towns)
                .unwrap_err()
                .0
                .into_iter()
                .map(|e| e.field)
                .collect()
        };
        assert_eq!(
            fields(PartnerInput {
                kind: Some("church".into()),
                email: Some("no-at".into()),
                ..input()
            }),
            ["kind", "email"]
        );
        assert_eq!(
            fields(PartnerInput {
                place: Some("Atlantis".into()),
                ..input()
            }),
            ["place"]
        );
        assert_eq!(
            fields(PartnerInput {
                lat: Some(-17.4),
                lng: Some(-66.1),
                ..input()
            }),
            ["place"],
            "both a place and a point"
        );
        assert_eq!(
            fields(PartnerInput {
                place: None,
                lat: Some(95.0),
                lng: Some(-66.1),
                ..input()
            }),
            ["lat"]
        );
    }
}

//! First-level regions that the country-boundaries data does not detail:
//! those of the Latin American and Caribbean countries, by their ISO
//! 3166-2 codes (`assets/regions/`, see its README for sources and
//! licences: DCW-GMT for Argentina and Brazil, Natural Earth for the
//! others). Each is a set of rings (islands and holes apart), tested with
//! the even-odd rule.

use std::io::Read;
use std::sync::LazyLock;

use crate::KM_PER_DEGREE;
use alerta_core::{BoundingBox, Circle, Coordinates};

static DATA: &[u8] = include_bytes!("../../../assets/regions/subdivisions.tsv.gz");

pub struct Subdivision {
    pub code: String,
    pub name: String,
    /// Rings of (lat, lng) points; the last joins the first.
    rings: Vec<Vec<(f64, f64)>>,
    /// The box around every ring.
    bounds: BoundingBox,
}

pub struct Subdivisions {
    all: Vec<Subdivision>,
}

impl Subdivisions {
    pub fn shared() -> &'static Subdivisions {
        static SHARED: LazyLock<Subdivisions> = LazyLock::new(|| {
            let mut text = String::new();
            flate2::read::GzDecoder::new(DATA)
                .read_to_string(&mut text)
                .expect("the region data shipped in assets/regions reads");
            Subdivisions {
                all: text.lines().map(parse_line).collect(),
            }
        });
        &SHARED
    }

    /// The region of that code (upper case, as the data writes it).
    pub fn get(&self, code: &str) -> Option<&Subdivision> {
        self.all.iter().find(|s| s.code == code)
    }

    /// Every region's code.
    pub fn codes(&self) -> impl Iterator<Item = &str> + '_ {
        self.all.iter().map(|s| s.code.as_str())
    }

    /// The regions holding `point`: one, or two where the drawings of
    /// neighbouring countries, from different maps, overlap a little.
    pub fn at(&self, point: Coordinates) -> impl Iterator<Item = &str> + '_ {
        self.all
            .iter()
            .filter(move |s| s.holds(point))
            .map(|s| s.code.as_str())
    }

    /// The regions whose box meets `bounds`: those a map of it may show.
    pub fn near<'a>(
        &'a self,
        bounds: &'a BoundingBox,
    ) -> impl Iterator<Item = &'a Subdivision> + 'a {
        self.all.iter().filter(move |s| s.near(bounds))
    }

    /// The regions holding some point of `area`: those holding its centre,
    /// or whose border passes within its radius.
    pub fn touching<'a>(&'a self, area: &'a Circle) -> impl Iterator<Item = &'a str> + 'a {
        let area_box = area.bounding_box(0.0);
        self.all
            .iter()
            .filter(move |s| s.near(&area_box) && (s.holds(area.center) || s.border_within(area)))
            .map(|s| s.code.as_str())
    }
}

impl Subdivision {
    /// Its rings of (lat, lng) points, each closing on its first.
    pub fn rings(&self) -> &[Vec<(f64, f64)>] {
        &self.rings
    }

    fn holds(&self, point: Coordinates) -> bool {
        let b = &self.bounds;
        if point.lat < b.south || point.lat > b.north || point.lng < b.west || point.lng > b.east {
            return false;
        }
        let mut inside = false;
        for ring in &self.rings {
            let mut previous = ring[ring.len() - 1];
            for &current in ring {
                let ((lat_a, lng_a), (lat_b, lng_b)) = (previous, current);
                if (lat_a > point.lat) != (lat_b > point.lat) {
                    let crossing = lng_a + (point.lat - lat_a) / (lat_b - lat_a) * (lng_b - lng_a);
                    if point.lng < crossing {
                        inside = !inside;
                    }
                }
                previous = current;
            }
        }
        inside
    }

    /// Whether the region's box meets the area's box `b`.
    fn near(&self, b: &BoundingBox) -> bool {
        let own = &self.bounds;
        b.south <= own.north && b.north >= own.south && b.west <= own.east && b.east >= own.west
    }

    /// Whether some stretch of the border lies within the area, measured on
    /// a plane tangent at the area's centre (close enough at the scale of an
    /// alert area).
    fn border_within(&self, area: &Circle) -> bool {
        let cos = area.center.lat.to_radians().cos().max(1e-6);
        let plane = |(lat, lng): (f64, f64)| {
            // The shorter way round, across the antimeridian if need be.
            let east = (lng - area.center.lng + 180.0).rem_euclid(360.0) - 180.0;
            (
                east * KM_PER_DEGREE * cos,
                (lat - area.center.lat) * KM_PER_DEGREE,
            )
        };
        self.rings.iter().any(|ring| {
            let mut previous = plane(ring[ring.len() - 1]);
            ring.iter().any(|&point| {
                let current = plane(point);
                let near = distance_to_segment(previous, current) <= area.radius_km;
                previous = current;
                near
            })
        })
    }
}

/// Distance from the origin to the segment a–b, on the plane.
fn distance_to_segment(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length = dx * dx + dy * dy;
    let t = if length == 0.0 {
        0.0
    } else {
        (-(a.0 * dx + a.1 * dy) / length).clamp(0.0, 1.0)
    };
    (a.0 + t * dx).hypot(a.1 + t * dy)
}

/// `CODE <tab> Name <tab> lat,lng lat,lng …;lat,lng …` (rings apart by `;`).
fn parse_line(line: &str) -> Subdivision {
    let mut fields = line.split('\t');
    let (code, name, rings) = (
        fields.next().expect("a code"),
        fields.next().expect("a name"),
        fields.next().expect("rings"),
    );
    let rings: Vec<Vec<(f64, f64)>> = rings
        .split(';')
        .map(|ring| {
            ring.split(' ')
                .map(|point| {
                    let (lat, lng) = point.split_once(',').expect("lat,lng");
                    (
                        lat.parse().expect("a latitude"),
                        lng.parse().expect("a longitude"),
                    )
                })
                .collect()
        })
        .collect();
    let empty = BoundingBox {
        south: f64::MAX,
        west: f64::MAX,
        north: f64::MIN,
        east: f64::MIN,
    };
    let bounds = rings
        .iter()
        .flatten()
        .fold(empty, |b, &(lat, lng)| BoundingBox {
            south: b.south.min(lat),
            west: b.west.min(lng),
            north: b.north.max(lat),
            east: b.east.max(lng),
        });
    Subdivision {
        code: code.to_string(),
        name: name.to_string(),
        rings,
        bounds,
    }
}

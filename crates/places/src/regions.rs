//! Countries and first-level regions by ISO 3166 code: every country, and
//! the first-level regions of the countries it details (US states,
//! Canadian provinces, Australian states and a few others), from the
//! boundary data of the country-boundaries crate (OpenStreetMap, ODbL);
//! the regions of the Latin American and Caribbean countries from
//! [`crate::subdivisions`].

use std::collections::BTreeSet;
use std::sync::LazyLock;

use crate::KM_PER_DEGREE;
use crate::subdivisions::Subdivisions;
use alerta_core::{Circle, Coordinates};
use country_boundaries::{BOUNDARIES_ODBL_360X180, BoundingBox, CountryBoundaries, LatLon};

/// Sample spacing when deciding which regions a circle touches: a border
/// strip narrower than this inside the circle may be missed. A tenth of the
/// radius, never under 500 m: about 300 points whatever the size.
const MIN_SPACING_KM: f64 = 0.5;
const SPACINGS_PER_RADIUS: f64 = 10.0;

pub struct Regions {
    boundaries: CountryBoundaries,
    /// Every code the data knows, upper case.
    known: BTreeSet<String>,
}

impl Regions {
    pub fn shared() -> &'static Regions {
        static SHARED: LazyLock<Regions> = LazyLock::new(|| {
            let boundaries = CountryBoundaries::from_reader(BOUNDARIES_ODBL_360X180)
                .expect("the boundary data shipped in the crate reads");
            // 180 exactly would wrap to a box of no width.
            let world = BoundingBox::new(-90.0, -180.0, 90.0, 179.9999).expect("a valid box");
            let known = boundaries
                .intersecting_ids(world)
                .into_iter()
                .map(str::to_string)
                .collect();
            Regions { boundaries, known }
        });
        &SHARED
    }

    /// The code as the data writes it ("bo" → "BO", " us-tx " → "US-TX"),
    /// if the data has that region.
    pub fn known(&self, code: &str) -> Option<&str> {
        let upper = code.trim().to_ascii_uppercase();
        self.known.get(&upper).map(String::as_str).or_else(|| {
            Subdivisions::shared()
                .get(&upper)
                .map(|region| region.code.as_str())
        })
    }

    /// Every code the data knows: countries, and regions from either source.
    pub fn codes(&self) -> impl Iterator<Item = &str> + '_ {
        self.known
            .iter()
            .map(String::as_str)
            .chain(Subdivisions::shared().codes())
    }

    /// Whether country-boundaries draws that code.
    #[cfg(test)]
    pub(crate) fn drawn_by_country_boundaries(&self, code: &str) -> bool {
        self.known.contains(code)
    }

    /// A region's own name, for those the data names ("São Paulo" for
    /// "BR-SP").
    pub fn name(&self, code: &str) -> Option<&str> {
        Subdivisions::shared()
            .get(code)
            .map(|region| region.name.as_str())
    }

    /// The regions holding `point`, smallest first: ["US-TX", "US"].
    pub fn at(&self, point: Coordinates) -> Vec<&str> {
        let mut ids: Vec<&str> = Subdivisions::shared().at(point).collect();
        ids.extend(self.boundaries_at(point));
        ids
    }

    /// What country-boundaries alone says holds `point`.
    fn boundaries_at(&self, point: Coordinates) -> Vec<&str> {
        match LatLon::new(point.lat, point.lng) {
            Ok(position) => self.boundaries.ids(position),
            Err(_) => Vec::new(),
        }
    }

    /// The country holding `point`, if any (not at sea).
    pub fn country_at(&self, point: Coordinates) -> Option<&str> {
        // (Not `at`: a bulk import asks this of every zone, and the
        // regions' polygons would only slow it down.)
        self.boundaries_at(point)
            .into_iter()
            .find(|id| id.len() == 2)
    }

    /// The regions holding some point of `area`: the centre's, and those of
    /// points spread over the disc and its rim, so a circle that crosses a
    /// border reaches the region across it.
    pub fn touching(&self, area: &Circle) -> BTreeSet<String> {
        // Those of `Subdivisions` decide by distance to their border:
        // exact, and no sampling.
        let mut touched: BTreeSet<String> = Subdivisions::shared()
            .touching(area)
            .map(str::to_string)
            .collect();
        touched.extend(
            self.boundaries_at(area.center)
                .into_iter()
                .map(str::to_string),
        );
        if let Some(settled) = self.settled_without_sampling(area) {
            touched.extend(settled);
            return touched;
        }
        for point in disc_points(area) {
            touched.extend(self.boundaries_at(point).into_iter().map(str::to_string));
        }
        touched
    }

    /// When every cell of the data under the circle's box lies wholly inside
    /// the same regions (the common case, far from any border), those are
    /// the answer and no point needs testing.
    fn settled_without_sampling(&self, area: &Circle) -> Option<Vec<String>> {
        let b = area.bounding_box(0.0);
        // An east edge of exactly 180 would wrap to a box of no width.
        let bounds = BoundingBox::new(b.south, b.west, b.north, b.east.min(179.9999)).ok()?;
        let containing = self.boundaries.containing_ids(bounds);
        let intersecting = self.boundaries.intersecting_ids(bounds);
        (intersecting.len() == containing.len())
            .then(|| containing.into_iter().map(str::to_string).collect())
    }
}

/// Points of a grid over the disc, and of its rim, `spacing` apart.
fn disc_points(area: &Circle) -> Vec<Coordinates> {
    let r = area.radius_km;
    let spacing = (r / SPACINGS_PER_RADIUS).max(MIN_SPACING_KM);
    let steps = (r / spacing).ceil() as i32;
    let mut points = Vec::new();
    for i in -steps..=steps {
        for j in -steps..=steps {
            let (east, north) = (f64::from(i) * spacing, f64::from(j) * spacing);
            if east.hypot(north) <= r {
                points.push(offset(area.center, east, north));
            }
        }
    }
    let rim = ((std::f64::consts::TAU * r / spacing).ceil() as usize).max(8);
    for k in 0..rim {
        let angle = std::f64::consts::TAU * k as f64 / rim as f64;
        points.push(offset(area.center, r * angle.cos(), r * angle.sin()));
    }
    points
}

/// The point `east_km` and `north_km` from `from` (a flat approximation,
/// close enough at the scale of an alert area), wrapped onto the globe.
fn offset(from: Coordinates, east_km: f64, north_km: f64) -> Coordinates {
    let lat = (from.lat + north_km / KM_PER_DEGREE).clamp(-90.0, 90.0);
    let cos = from.lat.to_radians().cos().max(1e-6);
    let lng = from.lng + east_km / (KM_PER_DEGREE * cos);
    let lng = (lng + 180.0).rem_euclid(360.0) - 180.0;
    Coordinates { lat, lng }
}

//! The shapes an alert area may take besides its circle: a corridor along
//! the road a person may be taken (every point within a width of a route
//! of great-circle segments, round at its ends and bends) and a polygon of
//! great-circle edges. A zone is reached when its circle comes within the
//! corridor's width of the route, or overlaps the polygon.
//!
//! All of it on the same sphere as [`Coordinates::distance_km`], with unit
//! vectors: the angle between two points is `atan2(|u × v|, u · v)`, which
//! stays exact for points metres apart, where `acos` of the dot product
//! does not.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::case::{Coordinates, EARTH_RADIUS_KM};
use crate::volunteer::{Cap, Circle, Geography};

/// A point on the unit sphere.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Vector {
    x: f64,
    y: f64,
    z: f64,
}

impl Vector {
    fn of(point: &Coordinates) -> Vector {
        let (lat, lng) = (point.lat.to_radians(), point.lng.to_radians());
        Vector {
            x: lat.cos() * lng.cos(),
            y: lat.cos() * lng.sin(),
            z: lat.sin(),
        }
    }

    fn of_cap(cap: &Cap) -> Vector {
        Vector {
            x: cap.x,
            y: cap.y,
            z: cap.z,
        }
    }

    fn dot(self, o: Vector) -> f64 {
        self.x * o.x + self.y * o.y + self.z * o.z
    }

    fn cross(self, o: Vector) -> Vector {
        Vector {
            x: self.y * o.z - self.z * o.y,
            y: self.z * o.x - self.x * o.z,
            z: self.x * o.y - self.y * o.x,
        }
    }

    fn norm(self) -> f64 {
        self.dot(self).sqrt()
    }

    /// The angle between two unit vectors, in radians.
    fn angle(self, o: Vector) -> f64 {
        self.cross(o).norm().atan2(self.dot(o))
    }
}

impl Vector {
    fn coordinates(self) -> Coordinates {
        Coordinates {
            lat: self.z.clamp(-1.0, 1.0).asin().to_degrees(),
            lng: self.y.atan2(self.x).to_degrees(),
        }
    }

    /// The point `fraction` of the way from `self` to `to` along the
    /// minor great-circle arc.
    fn towards(self, to: Vector, fraction: f64) -> Vector {
        let angle = self.angle(to);
        if angle < 1e-12 {
            return self;
        }
        let s = ((1.0 - fraction) * angle).sin() / angle.sin();
        let t = (fraction * angle).sin() / angle.sin();
        Vector {
            x: s * self.x + t * to.x,
            y: s * self.y + t * to.y,
            z: s * self.z + t * to.z,
        }
    }
}

impl Coordinates {
    /// The point `km` away along the great circle leaving at `bearing`
    /// (degrees clockwise from north): where a circle's edge passes.
    pub fn destination(&self, bearing: f64, km: f64) -> Coordinates {
        let (lat, lng) = (self.lat.to_radians(), self.lng.to_radians());
        let (angle, bearing) = (km_to_angle(km), bearing.to_radians());
        let to_lat = (lat.sin() * angle.cos() + lat.cos() * angle.sin() * bearing.cos()).asin();
        let to_lng = lng
            + (bearing.sin() * angle.sin() * lat.cos())
                .atan2(angle.cos() - lat.sin() * to_lat.sin());
        Coordinates {
            lat: to_lat.to_degrees(),
            lng: (to_lng.to_degrees() + 540.0).rem_euclid(360.0) - 180.0,
        }
    }

    /// The initial bearing of the great circle to `to`, in degrees
    /// clockwise from north.
    pub fn bearing_to(&self, to: &Coordinates) -> f64 {
        let (lat1, lat2) = (self.lat.to_radians(), to.lat.to_radians());
        let dlng = (to.lng - self.lng).to_radians();
        let y = dlng.sin() * lat2.cos();
        let x = lat1.cos() * lat2.sin() - lat1.sin() * lat2.cos() * dlng.cos();
        y.atan2(x).to_degrees().rem_euclid(360.0)
    }

    /// The point `fraction` (0 to 1) of the way to `to` along the great
    /// circle: where a route's segment passes.
    pub fn towards(&self, to: &Coordinates, fraction: f64) -> Coordinates {
        Vector::of(self)
            .towards(Vector::of(to), fraction)
            .coordinates()
    }
}

/// The angle from `p` to the minor great-circle arc from `a` to `b`:
/// to the arc's nearest point when the perpendicular from `p` falls on the
/// arc, else to the nearer end.
fn angle_to_arc(p: Vector, a: Vector, b: Vector) -> f64 {
    let normal = a.cross(b);
    let length = normal.norm();
    let to_ends = p.angle(a).min(p.angle(b));
    if length < 1e-15 {
        return to_ends; // a and b are one point
    }
    // p's foot on the great circle lies between a and b when it is on the
    // inner side of both planes through the pole `normal` and each end.
    let inside_from_a = normal.cross(a).dot(p) >= 0.0;
    let inside_from_b = b.cross(normal).dot(p) >= 0.0;
    if inside_from_a && inside_from_b {
        // The angle to the plane of the great circle.
        let sine = (p.dot(normal) / length).abs().min(1.0);
        sine.asin().min(to_ends)
    } else {
        to_ends
    }
}

/// The angular radius of a cap, in radians.
fn cap_angle(cap: &Cap) -> f64 {
    cap.sin_r.atan2(cap.cos_r)
}

/// The angle a distance on the Earth's surface spans, in radians.
fn km_to_angle(km: f64) -> f64 {
    km / EARTH_RADIUS_KM
}

/// Every point within `width_km` of a route of great-circle segments.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Corridor {
    pub route: Vec<Coordinates>,
    pub width_km: f64,
}

/// One leg of a corridor as the zone index tests it, in the plain
/// arithmetic SQLite and PostgreSQL compute as Rust does (see [`Cap`]): a
/// zone of centre p and angular radius r reaches the leg from a to b, with
/// w the corridor's width, when p is within r + w of either end, that is
/// p · a ≥ cos(r + w) = cos r cos w − sin r sin w; or when p lies beside
/// the leg (on the inner side of the planes through the pole n of its great
/// circle and each end: (n × a) · p ≥ 0 and (b × n) · p ≥ 0) within r + w
/// of its great circle: |p · n| ≤ sin(r + w) = sin r cos w + cos r sin w.
/// Valid while r + w stays under a quarter of the globe, as any zone and
/// width do.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Leg {
    pub a: [f64; 3],
    pub b: [f64; 3],
    /// None for a leg of no length (a route of one point): its end alone.
    pub beside: Option<Beside>,
}

/// What tells whether a point lies beside a leg, and how far off its line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Beside {
    /// The unit pole n of the leg's great circle.
    pub pole: [f64; 3],
    /// n × a and b × n: p is beside the leg when both dot products are ≥ 0.
    pub after_a: [f64; 3],
    pub before_b: [f64; 3],
}

fn array(v: Vector) -> [f64; 3] {
    [v.x, v.y, v.z]
}

fn dot3(u: &[f64; 3], v: &Cap) -> f64 {
    u[0] * v.x + u[1] * v.y + u[2] * v.z
}

impl Leg {
    fn new(a: Vector, b: Vector) -> Leg {
        let normal = a.cross(b);
        let length = normal.norm();
        let beside = (length >= 1e-15).then(|| {
            let pole = Vector {
                x: normal.x / length,
                y: normal.y / length,
                z: normal.z / length,
            };
            Beside {
                pole: array(pole),
                after_a: array(pole.cross(a)),
                before_b: array(b.cross(pole)),
            }
        });
        Leg {
            a: array(a),
            b: array(b),
            beside,
        }
    }

    /// The test above, for a zone as the index keeps it; `cos_w`, `sin_w`
    /// of the corridor's angular width.
    pub fn reaches(&self, zone: &Cap, cos_w: f64, sin_w: f64) -> bool {
        let near_end = zone.cos_r * cos_w - zone.sin_r * sin_w;
        let near_line = zone.sin_r * cos_w + zone.cos_r * sin_w;
        dot3(&self.a, zone) >= near_end
            || dot3(&self.b, zone) >= near_end
            || self.beside.is_some_and(|b| {
                let across = dot3(&b.pole, zone);
                dot3(&b.after_a, zone) >= 0.0
                    && dot3(&b.before_b, zone) >= 0.0
                    && across <= near_line
                    && -across <= near_line
            })
    }
}

impl Corridor {
    /// Whether a zone's circle (as the index keeps it) comes within the
    /// corridor's width of the route: [`Leg::reaches`] for any leg, the
    /// very arithmetic the zone index runs in SQL.
    pub fn reaches(&self, zone: &Cap) -> bool {
        let (cos_w, sin_w) = self.angular_width();
        self.legs()
            .iter()
            .any(|leg| leg.reaches(zone, cos_w, sin_w))
    }

    /// The route's legs (one of no length for a route of one point).
    pub fn legs(&self) -> Vec<Leg> {
        let points: Vec<Vector> = self.route.iter().map(Vector::of).collect();
        match points.as_slice() {
            [] => Vec::new(),
            [only] => vec![Leg::new(*only, *only)],
            _ => points.windows(2).map(|w| Leg::new(w[0], w[1])).collect(),
        }
    }

    /// The cosine and sine of the width's angle.
    pub fn angular_width(&self) -> (f64, f64) {
        let angle = km_to_angle(self.width_km);
        (angle.cos(), angle.sin())
    }

    /// Whether `point` lies in the corridor (on its edge included).
    pub fn contains(&self, point: &Coordinates) -> bool {
        self.distance_km_to_route(&Vector::of(point)) <= self.width_km
    }

    /// Circles whose union holds the whole corridor: centred along the
    /// route, one every width (1 km at least), each as wide as the corridor
    /// plus half that step, so every point of the route is within half a
    /// step of a centre.
    pub fn covering_circles(&self) -> Vec<Circle> {
        let step_km = self.width_km.max(1.0);
        points_along(&self.route, step_km, false)
            .into_iter()
            .map(|center| Circle {
                center,
                radius_km: self.width_km + step_km / 2.0,
            })
            .collect()
    }

    /// The corridor's edge as a ring (first point not repeated) for those
    /// who take areas as polygons (CAP): the route's points every
    /// `max_leg_km` or closer, offset by the width to its left going out
    /// and to its right coming back, round on the outside of each bend
    /// and at both ends (a point every 30° at most), mitred on the inside.
    pub fn outline(&self, max_leg_km: f64) -> Vec<Coordinates> {
        let mut points: Vec<Coordinates> = points_along(&self.route, max_leg_km, false);
        points.dedup_by(|a, b| a.distance_km(b) < 1e-6);
        let Some(&first) = points.first() else {
            return Vec::new();
        };
        if points.len() == 1 {
            return arc(first, 0.0, 360.0, self.width_km, false);
        }
        let mut ring = self.one_side(&points);
        points.reverse();
        ring.extend(self.one_side(&points));
        ring
    }

    /// The edge on the left of `points`, walked from the first to the
    /// last, and round the last point to the right side.
    fn one_side(&self, points: &[Coordinates]) -> Vec<Coordinates> {
        let w = self.width_km;
        let n = points.len();
        let mut side = vec![points[0].destination(points[0].bearing_to(&points[1]) - 90.0, w)];
        for three in points.windows(3) {
            let (before, at, after) = (&three[0], &three[1], &three[2]);
            // Arriving along the leg from `before`: the reverse of leaving
            // towards it, turned round.
            let inward = (at.bearing_to(before) + 180.0).rem_euclid(360.0);
            let outward = at.bearing_to(after);
            let turn = (outward - inward + 540.0).rem_euclid(360.0) - 180.0;
            if turn.abs() < 1.0 {
                // Straight on (the points between a leg's ends): one point.
                side.push(at.destination(inward + turn / 2.0 - 90.0, w));
            } else if turn > 0.0 {
                // A right turn: the left is the outside of the bend.
                side.extend(arc(*at, inward - 90.0, outward - 90.0, w, true));
            } else {
                let half = turn.abs().min(150.0).to_radians() / 2.0;
                let bisector = inward + turn / 2.0 - 90.0;
                side.push(at.destination(bisector, w / half.cos()));
            }
        }
        let end = (points[n - 1].bearing_to(&points[n - 2]) + 180.0).rem_euclid(360.0);
        side.extend(arc(points[n - 1], end - 90.0, end + 90.0, w, true));
        side.pop(); // the other side starts there
        side
    }

    /// The route's length along its great-circle legs.
    pub fn length_km(&self) -> f64 {
        self.route.windows(2).map(|w| w[0].distance_km(&w[1])).sum()
    }

    fn distance_km_to_route(&self, p: &Vector) -> f64 {
        let points: Vec<Vector> = self.route.iter().map(Vector::of).collect();
        let angle = match points.as_slice() {
            [] => f64::INFINITY,
            [only] => p.angle(*only),
            _ => points
                .windows(2)
                .map(|w| angle_to_arc(*p, w[0], w[1]))
                .fold(f64::INFINITY, f64::min),
        };
        angle * EARTH_RADIUS_KM
    }
}

/// A polygon of great-circle edges, its ring given without repeating the
/// first point. It holds less than half the globe (as any alert area does).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Polygon {
    pub ring: Vec<Coordinates>,
}

impl Polygon {
    /// Whether `point` lies inside (the edge included, to a few metres).
    pub fn contains(&self, point: &Coordinates) -> bool {
        let p = Vector::of(point);
        self.winds_around(p) || self.angle_to_edges(p) * EARTH_RADIUS_KM < 1e-3
    }

    /// Whether a zone's circle overlaps the polygon: its centre inside, or
    /// an edge within its radius.
    pub fn reaches(&self, zone: &Cap) -> bool {
        let p = Vector::of_cap(zone);
        self.winds_around(p) || self.angle_to_edges(p) <= cap_angle(zone) + km_to_angle(1e-3)
    }

    fn vectors(&self) -> Vec<Vector> {
        self.ring.iter().map(Vector::of).collect()
    }

    /// Whether the ring winds once around `p`: the angles its edges turn
    /// through, seen from `p`, add up to a full turn (to none outside).
    fn winds_around(&self, p: Vector) -> bool {
        let v = self.vectors();
        let turned: f64 = (0..v.len())
            .map(|i| {
                let (a, b) = (v[i], v[(i + 1) % v.len()]);
                // The signed angle at p from a to b, in the plane tangent at p.
                let sine = p.dot(a.cross(b));
                let cosine = a.dot(b) - p.dot(a) * p.dot(b);
                sine.atan2(cosine)
            })
            .sum();
        turned.abs() > std::f64::consts::PI
    }

    fn angle_to_edges(&self, p: Vector) -> f64 {
        let v = self.vectors();
        (0..v.len())
            .map(|i| angle_to_arc(p, v[i], v[(i + 1) % v.len()]))
            .fold(f64::INFINITY, f64::min)
    }

    /// The smallest circle found round the ring's points (centred on their
    /// mean direction): great-circle edges between points of a cap smaller
    /// than a hemisphere stay inside it, so it holds the whole polygon.
    pub fn bounding_circle(&self) -> Circle {
        let v = self.vectors();
        let sum = v.iter().fold(
            Vector {
                x: 0.0,
                y: 0.0,
                z: 0.0,
            },
            |s, p| Vector {
                x: s.x + p.x,
                y: s.y + p.y,
                z: s.z + p.z,
            },
        );
        let n = sum.norm().max(1e-300);
        let centre = Vector {
            x: sum.x / n,
            y: sum.y / n,
            z: sum.z / n,
        };
        let angle = v.iter().map(|p| centre.angle(*p)).fold(0.0, f64::max);
        Circle {
            center: centre.coordinates(),
            radius_km: angle * EARTH_RADIUS_KM,
        }
    }

    /// Circles whose union holds the whole polygon: along its edges, and
    /// over a grid of points inside it, a sixteenth of its width apart (1 km
    /// at least), each wide enough to cover the square around it.
    pub fn covering_circles(&self) -> Vec<Circle> {
        let bounds = self.bounding_circle();
        let step_km = (bounds.radius_km / 8.0).max(1.0);
        let radius_km = step_km * 0.75;
        let mut ring = self.ring.clone();
        ring.extend(self.ring.first().copied());
        let mut centres = points_along(&ring, step_km, true);
        let b = bounds.bounding_box(0.0);
        let lat_step = step_km / (EARTH_RADIUS_KM.to_radians());
        let mut lat = b.south;
        while lat <= b.north {
            let lng_step = lat_step / lat.to_radians().cos().max(0.01);
            let mut lng = b.west;
            while lng <= b.east {
                let point = Coordinates {
                    lat,
                    lng: (lng + 540.0).rem_euclid(360.0) - 180.0,
                };
                if self.contains(&point) {
                    centres.push(point);
                }
                lng += lng_step;
            }
            lat += lat_step;
        }
        centres
            .into_iter()
            .map(|center| Circle { center, radius_km })
            .collect()
    }

    /// Whether two edges that share no end cross: the ring would then
    /// enclose no single area.
    pub fn crosses_itself(&self) -> bool {
        let v = self.vectors();
        let n = v.len();
        (0..n).any(|i| {
            ((i + 2)..n)
                .filter(|&j| !(i == 0 && j == n - 1))
                .any(|j| arcs_cross(v[i], v[(i + 1) % n], v[j], v[(j + 1) % n]))
        })
    }
}

/// Points `km` from `centre` at bearings from `from` to `to` clockwise, at
/// most 30° apart, both ends included (`to` left out of a full turn when
/// not `ends`).
fn arc(centre: Coordinates, from: f64, to: f64, km: f64, ends: bool) -> Vec<Coordinates> {
    let sweep = (to - from).rem_euclid(360.0);
    let sweep = if sweep == 0.0 && !ends { 360.0 } else { sweep };
    let steps = (sweep / 30.0).ceil().max(1.0) as usize;
    let last = if ends { steps } else { steps - 1 };
    (0..=last)
        .map(|i| centre.destination(from + sweep * i as f64 / steps as f64, km))
        .collect()
}

/// Points along the route's great-circle segments, at most `step_km`
/// apart, both ends of every segment included (the last one left out for a
/// closed ring, where it is the first again).
pub(crate) fn points_along(route: &[Coordinates], step_km: f64, closed: bool) -> Vec<Coordinates> {
    let mut points: Vec<Coordinates> = route.first().copied().into_iter().collect();
    for pair in route.windows(2) {
        let steps = (pair[0].distance_km(&pair[1]) / step_km).ceil().max(1.0) as usize;
        points.extend((1..=steps).map(|i| pair[0].towards(&pair[1], i as f64 / steps as f64)));
    }
    if closed && points.len() > 1 {
        points.pop();
    }
    points
}

/// Where a case's alert goes: the circle round the last-seen point, and the
/// corridor and the polygon police may add to it. A zone is reached when it
/// reaches any of the three.
#[derive(Debug, Clone, PartialEq)]
pub struct AlertArea {
    pub circle: Circle,
    pub corridor: Option<Corridor>,
    pub polygon: Option<Polygon>,
}

/// A circle alone: what an alert area was before corridors and polygons.
impl From<Circle> for AlertArea {
    fn from(circle: Circle) -> AlertArea {
        AlertArea {
            circle,
            corridor: None,
            polygon: None,
        }
    }
}

impl AlertArea {
    /// Whether a zone's circle (as the index keeps it) reaches the area:
    /// the arithmetic the zone index runs, part by part.
    pub fn reaches(&self, zone: &Cap) -> bool {
        zone.reaches(&self.circle.cap())
            || self.corridor.as_ref().is_some_and(|c| c.reaches(zone))
            || self.polygon.as_ref().is_some_and(|p| p.reaches(zone))
    }

    /// Whether `point` lies in the area.
    pub fn contains(&self, point: &Coordinates) -> bool {
        self.circle.contains(point)
            || self.corridor.as_ref().is_some_and(|c| c.contains(point))
            || self.polygon.as_ref().is_some_and(|p| p.contains(point))
    }

    /// Circles whose union holds the whole area, for what is asked of
    /// circles (which regions it touches).
    pub fn covering_circles(&self) -> Vec<Circle> {
        let mut circles = vec![self.circle];
        if let Some(corridor) = &self.corridor {
            circles.extend(corridor.covering_circles());
        }
        if let Some(polygon) = &self.polygon {
            circles.extend(polygon.covering_circles());
        }
        circles
    }

    /// The countries and regions holding some point of the area, in order.
    pub fn regions_touched(&self, geography: &dyn Geography) -> Vec<String> {
        let touched: BTreeSet<String> = self
            .covering_circles()
            .iter()
            .flat_map(|c| geography.regions_touching(c))
            .collect();
        touched.into_iter().collect()
    }

    /// The same area with a wider circle and corridor where given.
    pub fn widened(&self, radius_km: Option<f64>, route_width_km: Option<f64>) -> AlertArea {
        let mut wider = self.clone();
        if let Some(r) = radius_km {
            wider.circle.radius_km = r;
        }
        if let (Some(w), Some(corridor)) = (route_width_km, wider.corridor.as_mut()) {
            corridor.width_km = w;
        }
        wider
    }
}

/// Whether the minor arcs a–b and c–d cross. Their great circles meet at
/// ±(n1 × n2); the arcs cross when one of those points lies on both.
fn arcs_cross(a: Vector, b: Vector, c: Vector, d: Vector) -> bool {
    let (n1, n2) = (a.cross(b), c.cross(d));
    let meet = n1.cross(n2);
    if meet.norm() < 1e-15 {
        return false; // on one great circle: overlapping edges are caught as zero-length
    }
    let on_arc = |x: Vector, a: Vector, b: Vector, n: Vector| {
        n.cross(a).dot(x) >= 0.0 && b.cross(n).dot(x) >= 0.0
    };
    let minus = Vector {
        x: -meet.x,
        y: -meet.y,
        z: -meet.z,
    };
    [meet, minus]
        .into_iter()
        .any(|x| on_arc(x, a, b, n1) && on_arc(x, c, d, n2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::rngs::StdRng;
    use rand::{Rng, SeedableRng};

    fn at(lat: f64, lng: f64) -> Coordinates {
        Coordinates { lat, lng }
    }

    fn wrap(lng: f64) -> f64 {
        (lng + 540.0).rem_euclid(360.0) - 180.0
    }

    fn between(a: &Coordinates, b: &Coordinates, fraction: f64) -> Vector {
        Vector::of(a).towards(Vector::of(b), fraction)
    }

    /// The oracle: the distance to the route as the least distance to
    /// points 10 m apart along it.
    fn sampled_distance_km(route: &[Coordinates], p: &Coordinates) -> f64 {
        let p = Vector::of(p);
        route
            .windows(2)
            .flat_map(|w| {
                let steps = (w[0].distance_km(&w[1]) / 0.01).ceil().max(1.0) as usize;
                (0..=steps).map(move |i| between(&w[0], &w[1], i as f64 / steps as f64))
            })
            .map(|q| p.angle(q) * EARTH_RADIUS_KM)
            .fold(f64::INFINITY, f64::min)
    }

    #[test]
    fn the_distance_to_a_route_matches_points_sampled_along_it() {
        let mut rng = StdRng::seed_from_u64(21);
        // Cochabamba to Santa Cruz by Villa Tunari, and routes across the
        // antimeridian and near a pole.
        let routes = [
            vec![at(-17.39, -66.16), at(-16.98, -65.41), at(-17.78, -63.18)],
            vec![at(-16.5, 179.4), at(-16.9, -179.6), at(-17.3, -178.9)],
            vec![at(78.2, 15.6), at(79.5, 40.0)],
        ];
        for route in &routes {
            for _ in 0..300 {
                let base = route[rng.random_range(0..route.len())];
                let p = at(
                    (base.lat + rng.random_range(-1.5..1.5)).clamp(-90.0, 90.0),
                    wrap(base.lng + rng.random_range(-1.5..1.5)),
                );
                let corridor = Corridor {
                    route: route.clone(),
                    width_km: 10.0,
                };
                let exact = corridor.distance_km_to_route(&Vector::of(&p));
                let sampled = sampled_distance_km(route, &p);
                // Samples 10 m apart are at most 5 m off the true distance.
                assert!(
                    exact <= sampled + 1e-6 && sampled - exact < 0.006,
                    "{p:?}: exact {exact}, sampled {sampled}"
                );
            }
        }
    }

    #[test]
    fn the_index_arithmetic_agrees_with_the_distance_away_from_the_edge() {
        let mut rng = StdRng::seed_from_u64(8);
        let route = vec![at(-17.39, -66.16), at(-16.98, -65.41), at(-17.78, -63.18)];
        let (mut reached, mut near_edge) = (0, 0);
        for _ in 0..20_000 {
            let corridor = Corridor {
                route: route.clone(),
                width_km: rng.random_range(0.5..=100.0),
            };
            let base = route[rng.random_range(0..route.len())];
            let zone = Circle {
                center: at(
                    base.lat + rng.random_range(-2.0..2.0),
                    base.lng + rng.random_range(-2.0..2.0),
                ),
                radius_km: rng.random_range(1.0..=50.0),
            };
            let gap = corridor.distance_km_to_route(&Vector::of(&zone.center))
                - corridor.width_km
                - zone.radius_km;
            // Exact to 100 m at the edge; past that the two must agree.
            if gap.abs() < 0.1 {
                near_edge += 1;
                continue;
            }
            assert_eq!(
                corridor.reaches(&zone.cap()),
                gap < 0.0,
                "{zone:?}, gap {gap}"
            );
            reached += usize::from(gap < 0.0);
        }
        assert!(
            reached > 2_000 && near_edge < 200,
            "{reached} reached, {near_edge} at the edge"
        );
    }

    #[test]
    fn a_zone_is_reached_when_its_circle_comes_within_the_width() {
        let corridor = Corridor {
            route: vec![at(-17.39, -66.16), at(-16.98, -65.41), at(-17.78, -63.18)],
            width_km: 10.0,
        };
        // Beside the middle of the first segment, well outside the width: a
        // zone reaches exactly when its radius makes up the rest.
        let middle = between(&corridor.route[0], &corridor.route[1], 0.5);
        let mid = at(
            middle.z.asin().to_degrees(),
            middle.y.atan2(middle.x).to_degrees(),
        );
        let off = at(mid.lat + 20.0 / 111.195, mid.lng);
        let d = corridor.distance_km_to_route(&Vector::of(&off));
        let zone = |r: f64| {
            Circle {
                center: off,
                radius_km: r,
            }
            .cap()
        };
        assert!(!corridor.reaches(&zone(d - 10.0 - 0.1)), "{d}");
        assert!(corridor.reaches(&zone(d - 10.0 + 0.1)), "{d}");
        // Past the route's end the corridor is round.
        let end = corridor.route[2];
        let beyond = at(
            end.lat,
            end.lng + 10.5 / (111.195 * end.lat.to_radians().cos()),
        );
        assert!(!corridor.contains(&beyond));
        assert!(corridor.contains(&at(
            end.lat,
            end.lng + 9.5 / (111.195 * end.lat.to_radians().cos())
        )));
    }

    fn square(lat: f64, lng: f64, half: f64) -> Polygon {
        Polygon {
            ring: vec![
                at(lat - half, lng - half),
                at(lat - half, wrap(lng + half)),
                at(lat + half, wrap(lng + half)),
                at(lat + half, lng - half),
            ],
        }
    }

    #[test]
    fn a_polygon_holds_its_inside_and_reaches_zones_across_its_edges() {
        let polygon = square(-17.0, -65.0, 1.0);
        assert!(polygon.contains(&at(-17.0, -65.0)));
        assert!(!polygon.contains(&at(-19.0, -65.0)));
        // Across the antimeridian.
        let fiji = square(-17.0, 179.8, 0.5);
        assert!(fiji.contains(&at(-17.0, -179.9)));
        assert!(fiji.contains(&at(-17.0, 179.5)));
        assert!(!fiji.contains(&at(-17.0, 0.0)));
        // A zone outside whose circle reaches over the southern edge (an
        // arc of great circle: a little south of the parallel mid-way).
        let outside = at(-18.0 - 5.0 / 111.195, -65.0);
        let edge = sampled_distance_km(&polygon.ring[..2], &outside);
        assert!(edge < 4.9, "the arc bulges towards the pole: {edge}");
        let zone = |r: f64| {
            Circle {
                center: outside,
                radius_km: r,
            }
            .cap()
        };
        assert!(!polygon.reaches(&zone(edge - 0.05)));
        assert!(polygon.reaches(&zone(edge + 0.05)));
    }

    #[test]
    fn containment_agrees_with_the_edges_seen_from_a_point_far_inside() {
        // The oracle: a point is inside when the arc to it from a point known
        // to be inside crosses the ring an even number of times.
        let mut rng = StdRng::seed_from_u64(7);
        let polygon = Polygon {
            ring: vec![
                at(-17.0, -66.5),
                at(-16.2, -65.0),
                at(-17.1, -64.6),
                at(-16.9, -65.6),
                at(-17.9, -65.2),
            ],
        };
        assert!(!polygon.crosses_itself());
        let inside = at(-16.7, -65.3);
        assert!(polygon.contains(&inside));
        let v = polygon.vectors();
        for _ in 0..2000 {
            let p = at(
                rng.random_range(-18.5..-15.5),
                rng.random_range(-67.0..-64.0),
            );
            let crossings = (0..v.len())
                .filter(|&i| {
                    arcs_cross(
                        Vector::of(&inside),
                        Vector::of(&p),
                        v[i],
                        v[(i + 1) % v.len()],
                    )
                })
                .count();
            assert_eq!(polygon.contains(&p), crossings % 2 == 0, "{p:?}");
        }
    }

    #[test]
    fn a_destination_lies_at_its_distance_and_bearing() {
        let start = at(-17.39, -66.16);
        for bearing in [0.0, 45.0, 90.0, 200.0, 359.0] {
            let end = start.destination(bearing, 10.0);
            assert!((start.distance_km(&end) - 10.0).abs() < 1e-6, "{end:?}");
        }
        assert!(start.destination(0.0, 10.0).lat > start.lat);
        assert!(start.destination(90.0, 10.0).lng > start.lng);
        // Across the antimeridian.
        assert!(at(0.0, 179.99).destination(90.0, 10.0).lng < -179.0);
    }

    #[test]
    fn a_ring_that_crosses_itself_is_found() {
        let bow_tie = Polygon {
            ring: vec![at(0.0, 0.0), at(1.0, 1.0), at(1.0, 0.0), at(0.0, 1.0)],
        };
        assert!(bow_tie.crosses_itself());
        assert!(!square(10.0, 10.0, 1.0).crosses_itself());
    }

    /// A winding road with bends both ways, one sharp.
    fn winding_road() -> Corridor {
        Corridor {
            route: vec![
                at(-17.39, -66.16),
                at(-17.20, -65.90),
                at(-17.35, -65.60),
                at(-16.97, -65.42),
                at(-17.05, -65.00),
                at(-17.78, -63.18),
            ],
            width_km: 10.0,
        }
    }

    #[test]
    fn the_corridor_outline_follows_its_edge() {
        let corridor = winding_road();
        let ring = corridor.outline(50.0);
        assert!(ring.len() < 200, "{} points", ring.len());
        // Every corner is at the width from the route, or (mitred, inside
        // a bend) a little farther.
        for p in &ring {
            let d = corridor.distance_km_to_route(&Vector::of(p));
            assert!(d > 9.99 && d < 14.2, "{p:?} at {d} km");
        }
        let outline = Polygon { ring };
        assert!(!outline.crosses_itself());
        // Points well inside the corridor are inside the outline, points
        // well outside are outside (the outline's straight edges cut the
        // round ends and bends by at most 3.5 %).
        let mut rng = StdRng::seed_from_u64(21);
        let (mut inside, mut outside) = (0, 0);
        for _ in 0..4000 {
            let p = at(
                rng.random_range(-18.0..=-16.7),
                rng.random_range(-66.4..=-62.9),
            );
            let d = corridor.distance_km_to_route(&Vector::of(&p));
            if d < 9.6 {
                assert!(outline.contains(&p), "{p:?} at {d} km");
                inside += 1;
            } else if d > 14.3 {
                assert!(!outline.contains(&p), "{p:?} at {d} km");
                outside += 1;
            }
        }
        assert!(inside > 100 && outside > 1000, "{inside} {outside}");
    }

    #[test]
    fn the_circles_covering_an_area_hold_every_point_of_it() {
        let polygon = Polygon {
            ring: vec![
                at(-17.0, -66.5),
                at(-17.0, -65.0),
                at(-18.2, -65.5),
                at(-17.6, -66.0),
            ],
        };
        let area = AlertArea {
            circle: Circle {
                center: at(-17.39, -66.16),
                radius_km: 10.0,
            },
            corridor: Some(winding_road()),
            polygon: Some(polygon),
        };
        let circles = area.covering_circles();
        let mut rng = StdRng::seed_from_u64(8);
        let mut held = 0;
        for _ in 0..20_000 {
            let p = at(
                rng.random_range(-18.5..=-16.5),
                rng.random_range(-67.0..=-62.8),
            );
            if area.contains(&p) {
                assert!(circles.iter().any(|c| c.contains(&p)), "{p:?}");
                held += 1;
            }
        }
        assert!(held > 2000, "{held}");
    }
}

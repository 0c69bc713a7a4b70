//! A map of an alert area, drawn by the server as SVG from the data shipped
//! under `assets/`: the region borders, the larger towns, the area shaded,
//! the last-seen point, and a scale. No tiles and nothing loaded from
//! elsewhere; a few kilobytes, readable on a phone.
//!
//! The projection is the plane tangent at the area's centre (x east, y
//! south, in km): true to a fraction of a percent across an alert area.

use alerta_core::area::AlertArea;
use alerta_core::{BoundingBox, Circle, Coordinates};
use maud::{Markup, html};

/// The drawing's size in its own units; the page scales it to its width.
const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 400.0;
/// Towns named at most, the most populous first.
const TOWNS: usize = 6;
/// Text size in drawing units: the drawing is about half as wide on a
/// phone, where this reads as 13 px.
const LABEL_SIZE: f64 = 24.0;
/// The map shows this much more than the area, around it.
const MARGIN: f64 = 1.5;
const KM_PER_DEGREE: f64 = alerta_core::case::EARTH_RADIUS_KM * std::f64::consts::PI / 180.0;

/// What a map shows and says: the area, the point it is drawn around
/// (where the person was last seen, or a zone's centre), and the title
/// read out in its place.
pub struct AreaMap<'a> {
    /// The id of the map's title, unique on its page.
    pub label_id: String,
    pub area: AlertArea,
    pub last_seen: Coordinates,
    pub title: &'a str,
    /// "10 km": the scale's label, in the reader's language.
    pub km_label: &'a dyn Fn(f64) -> String,
}

/// Turns coordinates into the drawing's units.
struct Plane {
    center: Coordinates,
    /// Drawing units per km.
    scale: f64,
    cos_lat: f64,
}

impl Plane {
    fn of(area: &Circle) -> Plane {
        let half_width_km = (area.radius_km * MARGIN).max(2.0) * WIDTH / HEIGHT;
        Plane {
            center: area.center,
            scale: WIDTH / 2.0 / half_width_km,
            cos_lat: area.center.lat.to_radians().cos().max(1e-6),
        }
    }

    /// Centred on the middle of everything the area covers, and scaled to
    /// show it all: a circle alone keeps its centre.
    fn showing(area: &AlertArea) -> Plane {
        if area.corridor.is_none() && area.polygon.is_none() {
            return Plane::of(&area.circle);
        }
        let circles = area.covering_circles();
        let centre = area.circle.center;
        // East and north offsets in km from the last-seen point.
        let cos_lat = centre.lat.to_radians().cos().max(1e-6);
        let (mut west, mut east, mut south, mut north) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
        for c in &circles {
            let x = ((c.center.lng - centre.lng + 540.0).rem_euclid(360.0) - 180.0)
                * cos_lat
                * KM_PER_DEGREE;
            let y = (c.center.lat - centre.lat) * KM_PER_DEGREE;
            west = west.min(x - c.radius_km);
            east = east.max(x + c.radius_km);
            south = south.min(y - c.radius_km);
            north = north.max(y + c.radius_km);
        }
        let (mid_x, mid_y) = ((west + east) / 2.0, (south + north) / 2.0);
        let half_width_km = ((east - west) / 2.0).max((north - south) / 2.0 * WIDTH / HEIGHT);
        let lat = (centre.lat + mid_y / KM_PER_DEGREE).clamp(-89.0, 89.0);
        let lng = centre.lng + mid_x / KM_PER_DEGREE / cos_lat;
        let center = Coordinates {
            lat,
            lng: (lng + 540.0).rem_euclid(360.0) - 180.0,
        };
        Plane {
            center,
            scale: WIDTH / 2.0 / (half_width_km * 1.1).max(2.0),
            cos_lat: lat.to_radians().cos().max(1e-6),
        }
    }

    fn point(&self, lat: f64, lng: f64) -> (f64, f64) {
        // The shorter way round, across the antimeridian if need be.
        let east = (lng - self.center.lng + 540.0).rem_euclid(360.0) - 180.0;
        let x = east * self.cos_lat * KM_PER_DEGREE;
        let y = -(lat - self.center.lat) * KM_PER_DEGREE;
        (WIDTH / 2.0 + x * self.scale, HEIGHT / 2.0 + y * self.scale)
    }

    /// The box of coordinates the drawing covers.
    fn bounds(&self) -> BoundingBox {
        let half_height_deg = HEIGHT / 2.0 / self.scale / KM_PER_DEGREE;
        let half_width_deg = WIDTH / 2.0 / self.scale / KM_PER_DEGREE / self.cos_lat;
        BoundingBox {
            south: self.center.lat - half_height_deg,
            north: self.center.lat + half_height_deg,
            west: self.center.lng - half_width_deg,
            east: self.center.lng + half_width_deg,
        }
    }

    fn shows(&self, (x, y): (f64, f64), slack: f64) -> bool {
        (-slack..=WIDTH + slack).contains(&x) && (-slack..=HEIGHT + slack).contains(&y)
    }
}

/// The map of a case's alert area, titled and scaled in the reader's
/// language: the case page shows it.
pub fn case_map(page: &super::Page, case: &alerta_core::Case) -> Markup {
    case_map_saying(page, case, None)
}

/// The same map with `more` said under its title: on the police desk, how
/// many volunteers each part of the area reaches.
pub fn case_map_saying(
    page: &super::Page,
    case: &alerta_core::Case,
    more: Option<String>,
) -> Markup {
    let d = &case.details;
    let km = alerta_core::volunteer::trim_number(d.alert_radius_km);
    let mut title = page.ta("map-title", &[("km", &km), ("place", &d.last_seen_place)]);
    if let Some(corridor) = &d.alert_corridor {
        use alerta_core::Geography;
        let to = corridor
            .route
            .last()
            .and_then(|end| alerta_places::WORLD.locality_at(*end))
            .unwrap_or_default();
        let width = alerta_core::volunteer::trim_number(corridor.width_km);
        add_sentence(
            &mut title,
            &page.ta("map-also-road", &[("to", &to), ("km", &width)]),
        );
    }
    if d.alert_polygon.is_some() {
        add_sentence(&mut title, &page.t("map-also-area"));
    }
    if let Some(more) = more {
        add_sentence(&mut title, &more);
    }
    let km_label = |km: f64| {
        page.ta(
            "map-km",
            &[("km", &alerta_core::volunteer::trim_number(km))],
        )
    };
    area_map(&AreaMap {
        label_id: "area-map-label".into(),
        area: case.alert_area(),
        last_seen: d.last_seen,
        title: &title,
        km_label: &km_label,
    })
}

/// Ends `text` with a full stop if it has none, then adds `sentence`.
fn add_sentence(text: &mut String, sentence: &str) {
    if !text.ends_with('.') {
        text.push('.');
    }
    text.push(' ');
    text.push_str(sentence);
}

/// The map of a volunteer's circle zone, `label` as it reads in mail;
/// `n` tells it from the page's other maps.
pub fn zone_map(page: &super::Page, zone: &Circle, label: &str, n: i64) -> Markup {
    let title = page.ta("map-zone-title", &[("zone", label)]);
    let km_label = |km: f64| {
        page.ta(
            "map-km",
            &[("km", &alerta_core::volunteer::trim_number(km))],
        )
    };
    area_map(&AreaMap {
        label_id: format!("zone-map-label-{n}"),
        area: AlertArea::from(*zone),
        last_seen: zone.center,
        title: &title,
        km_label: &km_label,
    })
}

pub fn area_map(map: &AreaMap) -> Markup {
    let plane = Plane::showing(&map.area);
    let bounds = plane.bounds();
    let area_path = outline(&plane, &map.area.circle);
    // The corridor drawn as its route with a stroke as wide as it is.
    let corridor = map.area.corridor.as_ref().map(|c| {
        let width = round(2.0 * c.width_km * plane.scale);
        (polyline(&plane, &c.route, false), width)
    });
    let polygon = map
        .area
        .polygon
        .as_ref()
        .map(|p| polyline(&plane, &p.ring, true));
    let (x, y) = plane.point(map.last_seen.lat, map.last_seen.lng);
    let (bar_km, bar_units) = scale_bar(plane.scale);
    html! {
        // The caption says what the map shows, to everyone; a screen
        // reader reads it as the drawing's name.
        figure class="map" {
        svg viewBox=(format!("0 0 {WIDTH} {HEIGHT}")) role="img" aria-labelledby=(map.label_id)
            xmlns="http://www.w3.org/2000/svg" {
            rect width=(WIDTH) height=(HEIGHT) fill="#f3f2ee" {}
            @for path in borders(&plane, &bounds) {
                path d=(path) fill="none" stroke="#8b8b8b" stroke-width="1.2" stroke-dasharray="6 3" {}
            }
            path d=(area_path) fill="#d4351c" fill-opacity="0.14" stroke="#d4351c" stroke-width="2" {}
            @if let Some((route, width)) = &corridor {
                path d=(route) fill="none" stroke="#d4351c" stroke-opacity="0.18" stroke-width=(width)
                    stroke-linecap="round" stroke-linejoin="round" {}
                path d=(route) fill="none" stroke="#d4351c" stroke-width="2" stroke-dasharray="8 5" {}
            }
            @if let Some(ring) = &polygon {
                path d=(ring) fill="#d4351c" fill-opacity="0.14" stroke="#d4351c" stroke-width="2" {}
            }
            @for (name, (tx, ty)) in towns(&plane, &bounds) {
                circle cx=(round(tx)) cy=(round(ty)) r="5" fill="#333" {}
                text x=(round(tx + 9.0)) y=(round(ty + 8.0)) font-size=(LABEL_SIZE) fill="#222"
                    stroke="#f3f2ee" stroke-width="5" paint-order="stroke" { (name) }
            }
            circle cx=(round(x)) cy=(round(y)) r="11" fill="#d4351c" stroke="#fff" stroke-width="4" {}
            g {
                rect x="10" y=(HEIGHT - 52.0) width=(round(bar_units + 110.0)) height="42" fill="#fff" fill-opacity="0.85" {}
                path d=(format!("M22 {0} h{1}", HEIGHT - 24.0, round(bar_units))) stroke="#222" stroke-width="5" {}
                text x=(round(32.0 + bar_units)) y=(HEIGHT - 16.0) font-size=(LABEL_SIZE) fill="#222" { ((map.km_label)(bar_km)) }
            }
        }
        figcaption id=(map.label_id) { (map.title) }
        }
    }
}

fn round(v: f64) -> String {
    format!("{:.1}", v)
}

/// A route or a ring through `points`, each great-circle leg drawn as the
/// points along it every few km, so long legs bend as they do on the map.
fn polyline(plane: &Plane, points: &[Coordinates], closed: bool) -> String {
    let mut d = String::new();
    let mut all: Vec<Coordinates> = points.to_vec();
    if closed {
        all.extend(points.first().copied());
    }
    let step_km = (WIDTH / 40.0 / plane.scale).max(0.5);
    let mut first = true;
    for pair in all.windows(2) {
        let steps = (pair[0].distance_km(&pair[1]) / step_km)
            .ceil()
            .clamp(1.0, 200.0) as usize;
        for i in 0..=steps {
            if i == 0 && !first {
                continue;
            }
            let p = pair[0].towards(&pair[1], i as f64 / steps as f64);
            let (x, y) = plane.point(p.lat, p.lng);
            d.push_str(&format!(
                "{}{} {}",
                if first { "M" } else { "L" },
                round(x),
                round(y)
            ));
            first = false;
        }
    }
    if closed {
        d.push('Z');
    }
    d
}

/// The circle's edge as a closed path of 96 points.
fn outline(plane: &Plane, area: &Circle) -> String {
    let mut d = String::new();
    for i in 0..96 {
        let edge = area.center.destination(f64::from(i) * 3.75, area.radius_km);
        let (x, y) = plane.point(edge.lat, edge.lng);
        d.push_str(&format!(
            "{}{} {}",
            if i == 0 { "M" } else { "L" },
            round(x),
            round(y)
        ));
    }
    d.push('Z');
    d
}

/// The region borders across the drawing, as paths: only the stretches
/// near it, and points at least two units apart, so a country's detailed
/// coast costs a few hundred bytes, not its whole ring.
fn borders(plane: &Plane, bounds: &BoundingBox) -> Vec<String> {
    let mut paths = Vec::new();
    for region in alerta_places::Subdivisions::shared().near(bounds) {
        for ring in region.rings() {
            let mut d = String::new();
            let mut last: Option<(f64, f64)> = None;
            for &(lat, lng) in ring.iter().chain(ring.first()) {
                let p = plane.point(lat, lng);
                if !plane.shows(p, 40.0) {
                    last = None;
                    continue;
                }
                match last {
                    Some(l) if (p.0 - l.0).hypot(p.1 - l.1) < 2.0 => continue,
                    Some(_) => d.push_str(&format!("L{} {}", round(p.0), round(p.1))),
                    None => d.push_str(&format!("M{} {}", round(p.0), round(p.1))),
                }
                last = Some(p);
            }
            if d.contains('L') {
                paths.push(d);
            }
        }
    }
    paths
}

/// The most populous towns on the drawing, with where to put them.
fn towns(plane: &Plane, bounds: &BoundingBox) -> Vec<(String, (f64, f64))> {
    let mut shown: Vec<&alerta_places::Place> = alerta_places::Gazetteer::shared()
        .places()
        .iter()
        .filter(|p| {
            let c = p.center;
            c.lat >= bounds.south
                && c.lat <= bounds.north
                && c.lng >= bounds.west
                && c.lng <= bounds.east
        })
        .collect();
    shown.sort_by_key(|p| std::cmp::Reverse(p.population));
    // Greedily, most populous first: a town whose label would cover one
    // already placed is left out.
    let mut placed: Vec<(String, (f64, f64))> = Vec::new();
    for place in shown {
        let point = plane.point(place.center.lat, place.center.lng);
        let fits = plane.shows(point, -20.0)
            && point.0 + label_width(&place.name) <= WIDTH
            && !placed
                .iter()
                .any(|(name, other)| overlap(&place.name, point, name, *other));
        if fits {
            placed.push((place.name.clone(), point));
            if placed.len() == TOWNS {
                break;
            }
        }
    }
    placed
}

/// How far a town's label reaches right of its dot (each letter taken as
/// 0.6 of the text size wide).
fn label_width(name: &str) -> f64 {
    name.chars().count() as f64 * LABEL_SIZE * 0.6 + 12.0
}

/// Whether two labels, each right of its dot, would touch.
fn overlap(a: &str, (ax, ay): (f64, f64), b: &str, (bx, by): (f64, f64)) -> bool {
    let (a_end, b_end) = (ax + label_width(a), bx + label_width(b));
    ax < b_end && bx < a_end && (ay - by).abs() < LABEL_SIZE * 1.2
}

/// A round length (1, 2 or 5 × 10ⁿ km) about a fifth of the drawing wide,
/// and its length in drawing units.
fn scale_bar(units_per_km: f64) -> (f64, f64) {
    let wanted_km = WIDTH / 5.0 / units_per_km;
    let magnitude = 10f64.powf(wanted_km.log10().floor());
    let km = [5.0, 2.0, 1.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|km| *km <= wanted_km)
        .unwrap_or(magnitude);
    (km, km * units_per_km)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_is_a_round_length_of_about_a_fifth_of_the_map() {
        let plane = Plane::of(&Circle {
            center: Coordinates {
                lat: -17.39,
                lng: -66.16,
            },
            radius_km: 10.0,
        });
        let (km, units) = scale_bar(plane.scale);
        assert_eq!(km, 5.0);
        assert!((units - km * plane.scale).abs() < 1e-9);
        assert!(units > WIDTH / 12.0 && units <= WIDTH / 5.0, "{units}");
    }
}

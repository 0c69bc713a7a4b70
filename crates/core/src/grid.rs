//! The grid the zone index files circle zones under, so that the zones an
//! alert area may reach are a few ranges of one ordinary B-tree index (on
//! SQLite and on PostgreSQL alike), read in order with everything the exact
//! check needs beside each key.
//!
//! A zone goes to the level of its radius (level ℓ holds radii up to
//! 2^(ℓ/2) km: 1, 1.4, 2, 2.8 … 512 km) and, within it, to the cell of a
//! latitude–longitude grid whose cells are that radius wide (in degrees of
//! latitude) that holds its centre. A zone of level ℓ reaches an area only
//! if its centre lies within the area's radius plus 2^(ℓ/2) km of the area's
//! centre, so per level the candidates are the cells under that circle's
//! bounding box: one range of keys per row of cells. The exact check
//! ([`Cap::reaches`](crate::Cap::reaches)) then decides each candidate.
//! Zones wider than the last level (none pass validation) go to a cell of
//! their own that every search reads.

use crate::area::Corridor;
use crate::case::EARTH_RADIUS_KM;
use crate::volunteer::Circle;

/// The levels by radius; one more, [`WIDER`], holds anything wider.
const LEVELS: u32 = 19;
const WIDER: u32 = LEVELS;
const KM_PER_DEGREE: f64 = EARTH_RADIUS_KM * std::f64::consts::PI / 180.0;
/// Bits of a key for the column; as many again for the row, the level above.
const COLUMN_BITS: u32 = 25;
const LAST_COLUMN: i64 = (1 << COLUMN_BITS) - 1;

/// A range of cell keys, both ends included.
pub type CellRange = (i64, i64);

/// The widest radius level `level` holds, in km.
fn level_radius_km(level: u32) -> f64 {
    2f64.powf(f64::from(level) / 2.0)
}

/// The level of a zone `radius_km` wide: the first that holds it.
fn level_of(radius_km: f64) -> u32 {
    let estimate = (2.0 * radius_km.log2()).ceil().max(0.0) as u32;
    // The logarithm may round either way; the level must hold the radius.
    let mut level = estimate.saturating_sub(1).min(WIDER);
    while level < WIDER && level_radius_km(level) < radius_km {
        level += 1;
    }
    level
}

/// A cell's side at `level`, in degrees.
fn cell_degrees(level: u32) -> f64 {
    level_radius_km(level) / KM_PER_DEGREE
}

fn key(level: u32, row: i64, column: i64) -> i64 {
    (i64::from(level) << (2 * COLUMN_BITS)) | (row << COLUMN_BITS) | column
}

/// Row and column of a point at `level`. Monotone in latitude and in
/// longitude, so a point inside a box lands between the box's corners.
fn row_of(lat: f64, level: u32) -> i64 {
    ((lat + 90.0) / cell_degrees(level)).floor() as i64
}

fn column_of(lng: f64, level: u32) -> i64 {
    ((lng + 180.0) / cell_degrees(level)).floor() as i64
}

/// The key of the cell the zone index files `zone` under.
pub fn cell_of(zone: &Circle) -> i64 {
    let level = level_of(zone.radius_km);
    if level == WIDER {
        return key(WIDER, 0, 0);
    }
    key(
        level,
        row_of(zone.center.lat, level),
        column_of(zone.center.lng, level),
    )
}

/// The ranges of cell keys that hold every zone that may reach `area`, in
/// ascending order: per level, one range per row of cells under the box
/// of the area widened by the level's radius (two, one each side, where
/// the box crosses the antimeridian; one for all the rows when it reaches
/// a pole and so spans every longitude).
pub fn cells_reaching(area: &Circle) -> Vec<CellRange> {
    let mut ranges = Vec::new();
    for level in 0..LEVELS {
        for b in area.bounding_boxes(level_radius_km(level)) {
            let (first_row, last_row) = (row_of(b.south, level), row_of(b.north, level));
            if b.west <= -180.0 && b.east >= 180.0 {
                ranges.push((key(level, first_row, 0), key(level, last_row, LAST_COLUMN)));
                continue;
            }
            let (west, east) = (column_of(b.west, level), column_of(b.east, level));
            for row in first_row..=last_row {
                ranges.push((key(level, row, west), key(level, row, east)));
            }
        }
    }
    ranges.push((key(WIDER, 0, 0), key(WIDER, 0, 0)));
    // The two sides of the antimeridian interleave by row.
    ranges.sort_unstable();
    ranges
}

/// The ranges of cell keys that hold every zone that may reach the
/// corridor, in ascending order and merged: together, those of the circles
/// that cover it ([`Corridor::covering_circles`]) hold every zone within
/// its width of the route.
pub fn cells_reaching_corridor(corridor: &Corridor) -> Vec<CellRange> {
    let ranges = corridor
        .covering_circles()
        .iter()
        .flat_map(cells_reaching)
        .collect();
    merged(ranges)
}

/// Sorted, with ranges that overlap or touch joined: one read each.
fn merged(mut ranges: Vec<CellRange>) -> Vec<CellRange> {
    ranges.sort_unstable();
    let mut out: Vec<CellRange> = Vec::with_capacity(ranges.len());
    for (low, high) in ranges {
        match out.last_mut() {
            Some(last) if low <= last.1.saturating_add(1) => last.1 = last.1.max(high),
            _ => out.push((low, high)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::Coordinates;
    use crate::volunteer::tests::circle;
    use rand::rngs::StdRng;
    use rand::{Rng, SeedableRng};

    fn found(zone: &Circle, area: &Circle) -> bool {
        let cell = cell_of(zone);
        cells_reaching(area)
            .iter()
            .any(|(low, high)| (*low..=*high).contains(&cell))
    }

    #[test]
    fn each_radius_goes_to_the_first_level_that_holds_it() {
        assert_eq!(level_of(1.0), 0);
        assert_eq!(level_of(1.01), 1);
        assert_eq!(level_of(2.0), 2);
        assert_eq!(level_of(2.0f64.sqrt()), 1);
        assert_eq!(level_of(500.0), 18);
        assert_eq!(level_of(600.0), WIDER);
        for tenths in 10..=5000 {
            let radius = f64::from(tenths) / 10.0;
            let level = level_of(radius);
            assert!(level_radius_km(level) >= radius);
            assert!(level == 0 || level_radius_km(level - 1) < radius);
        }
    }

    #[test]
    fn every_zone_that_reaches_an_area_is_in_its_ranges() {
        let mut rng = StdRng::seed_from_u64(3);
        let mut reaching = 0;
        for i in 0..60_000 {
            // Some near the poles and the antimeridian, where the grid bends.
            let lat = match i % 4 {
                0 => rng.random_range(80.0..=90.0),
                1 => rng.random_range(-90.0..=-80.0),
                _ => rng.random_range(-90.0..=90.0),
            };
            let lng = if i % 3 == 0 {
                rng.random_range(170.0..=180.0)
            } else {
                rng.random_range(-180.0..=180.0)
            };
            let area = circle(lat, lng, rng.random_range(1.0..=300.0));
            let zone = circle(
                (lat + rng.random_range(-6.0..=6.0)).clamp(-90.0, 90.0),
                {
                    let l: f64 = lng + rng.random_range(-6.0..=6.0);
                    if l > 180.0 {
                        l - 360.0
                    } else if l < -180.0 {
                        l + 360.0
                    } else {
                        l
                    }
                },
                rng.random_range(1.0..=500.0),
            );
            if zone.cap().reaches(&area.cap()) {
                reaching += 1;
                assert!(found(&zone, &area), "{zone:?} reaches {area:?}");
            }
        }
        assert!(reaching > 6_000, "the test must exercise reaching pairs");
    }

    #[test]
    fn a_zone_just_out_of_reach_in_another_cell_is_not_a_candidate() {
        // 1 km zones 30 km apart from a 10 km area: level 0, rows apart.
        let area = circle(-17.39, -66.16, 10.0);
        assert!(!found(
            &circle(-17.39 + 30.0 / KM_PER_DEGREE, -66.16, 1.0),
            &area
        ));
        assert!(found(
            &circle(-17.39 + 10.5 / KM_PER_DEGREE, -66.16, 1.0),
            &area
        ));
    }

    #[test]
    fn an_area_across_the_antimeridian_reads_both_sides_not_the_whole_band() {
        // Taveuni, Fiji: 1 km zones just either side of 180°, and one on the
        // same latitude half a world away.
        let area = circle(-16.85, 179.99, 20.0);
        assert!(found(&circle(-16.85, 179.9, 1.0), &area));
        assert!(found(&circle(-16.85, -179.9, 1.0), &area));
        assert!(!found(&circle(-16.85, 0.0, 1.0), &area));
        let sides = area.bounding_boxes(0.0);
        assert_eq!(sides.len(), 2);
        assert!(sides[0].west > 179.0 && sides[0].east == 180.0, "{sides:?}");
        assert!(
            sides[1].west == -180.0 && sides[1].east < -179.0,
            "{sides:?}"
        );
    }

    #[test]
    fn every_zone_that_reaches_a_corridor_is_in_its_ranges() {
        let mut rng = StdRng::seed_from_u64(5);
        let mut reaching = 0;
        for i in 0..400 {
            // Routes of up to five legs, some across the antimeridian.
            let mut point = Coordinates {
                lat: rng.random_range(-70.0..=70.0),
                lng: if i % 4 == 0 {
                    179.0
                } else {
                    rng.random_range(-180.0..=180.0)
                },
            };
            let mut route = vec![point];
            for _ in 0..rng.random_range(1..=5) {
                let lng: f64 = point.lng + rng.random_range(-1.5..=1.5);
                point = Coordinates {
                    lat: (point.lat + rng.random_range(-1.5..=1.5)).clamp(-80.0, 80.0),
                    lng: (lng + 540.0).rem_euclid(360.0) - 180.0,
                };
                route.push(point);
            }
            let corridor = Corridor {
                route,
                width_km: rng.random_range(0.5..=100.0),
            };
            let ranges = cells_reaching_corridor(&corridor);
            assert!(
                ranges.windows(2).all(|w| w[0].1 + 1 < w[1].0),
                "merged, in order"
            );
            for _ in 0..100 {
                let near = corridor.route[rng.random_range(0..corridor.route.len())];
                let lng: f64 = near.lng + rng.random_range(-2.5..=2.5);
                let zone = circle(
                    (near.lat + rng.random_range(-2.5..=2.5)).clamp(-90.0, 90.0),
                    (lng + 540.0).rem_euclid(360.0) - 180.0,
                    rng.random_range(1.0..=50.0),
                );
                if corridor.reaches(&zone.cap()) {
                    reaching += 1;
                    let cell = cell_of(&zone);
                    assert!(
                        ranges
                            .iter()
                            .any(|(low, high)| (*low..=*high).contains(&cell)),
                        "{zone:?} reaches {corridor:?}"
                    );
                }
            }
        }
        assert!(
            reaching > 4_000,
            "the test must exercise reaching pairs: {reaching}"
        );
    }

    #[test]
    fn a_long_corridor_reads_a_bounded_number_of_ranges() {
        // Cochabamba to Santa Cruz de la Sierra, about 400 km, 10 km wide.
        let corridor = Corridor {
            route: vec![
                Coordinates {
                    lat: -17.39,
                    lng: -66.16,
                },
                Coordinates {
                    lat: -16.98,
                    lng: -65.41,
                },
                Coordinates {
                    lat: -17.78,
                    lng: -63.18,
                },
            ],
            width_km: 10.0,
        };
        let ranges = cells_reaching_corridor(&corridor);
        assert!(ranges.len() < 2_500, "{}", ranges.len());
    }

    #[test]
    fn zones_wider_than_the_levels_are_always_candidates() {
        let huge = circle(0.0, 0.0, 2000.0);
        assert!(found(&huge, &circle(60.0, 100.0, 1.0)));
    }

    #[test]
    fn ranges_stay_few_for_an_ordinary_alert_and_come_in_order() {
        // About 2 (10 + r) / r + 1 rows at each level of radius r: 23 at
        // 1 km, 3 at 512 km.
        let ranges = cells_reaching(&circle(-23.55, -46.63, 10.0));
        assert!(ranges.len() < 150, "{}", ranges.len());
        assert!(ranges.windows(2).all(|w| w[0].1 < w[1].0));
        assert!(ranges.iter().all(|(low, high)| low <= high));
    }
}

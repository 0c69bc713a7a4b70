//! Places volunteers name: an offline gazetteer of the world's towns.
//!
//! A volunteer types "Cochabamba", "Sao Paulo", "Bogota, CO" or
//! "Port-au-Prince"; this finds the place (GeoNames data shipped in
//! `assets/gazetteer/`, see its README for source and licence) without any
//! outside service. Matching ignores case, accents and punctuation; the
//! answer shows the name as GeoNames writes it.

use std::io::Read;
use std::sync::LazyLock;

use alerta_core::{Circle, Coordinates, Geography, NamedPlace, PlaceError};

mod fold;
mod region_names;
mod regions;
mod subdivisions;

pub use fold::fold;
pub use region_names::{RegionChoice, regions_named, suggest_regions};
pub use regions::Regions;
pub use subdivisions::{Subdivision, Subdivisions};

static CITIES: &[u8] = include_bytes!("../../../assets/gazetteer/cities5000.tsv.gz");
static COUNTRIES: &str = include_str!("../../../assets/gazetteer/countries.tsv");
/// Countries' names in English, Spanish, Portuguese and French ("Brasil").
static COUNTRY_NAMES: &str = include_str!("../../../assets/gazetteer/country-names.tsv");
/// Large towns the GeoNames export we build from lacks (El Alto, Bolivia's
/// second city, among them), in the same format; see assets/gazetteer/README.md.
static ADDITIONS: &str = include_str!("../../../assets/gazetteer/additions.tsv");

/// Credit the data's licences ask for, wherever places or regions are used.
pub const ATTRIBUTION: &str = "Places © GeoNames (geonames.org), CC BY 4.0; boundaries © OpenStreetMap contributors, ODbL; Latin American regions: Made with Natural Earth; Argentina and Brazil: DCW-GMT, LGPL 3.0 or later";

/// Kilometres per degree of latitude (and of longitude at the equator):
/// close enough at the scale of an alert area.
const KM_PER_DEGREE: f64 = 111.2;

/// When one place of a name is this many times as populous as the next,
/// the name means it: "Bogota" is Bogotá, not Bogota, New Jersey.
const DOMINANCE: u64 = 10;
/// How many places an ambiguous name lists.
const CHOICES: usize = 5;

/// A town's built-up radius is taken as this many km times the square root
/// of its population: Cochabamba (840 000 people) about 11 km, São Paulo 42
/// km, a town of 10 000 people 1.2 km. Rough, and only used to say which
/// town a point belongs to.
const TOWN_RADIUS_KM_PER_SQRT_PERSON: f64 = 0.012;
/// A point further than this beyond every town's edge is named by its region.
const TOWN_REACH_KM: f64 = 25.0;
/// No town's edge lies further than this from its centre (São Paulo's is 42
/// km): the widest band of latitude a point's town can be in.
const TOWN_SEARCH_KM: f64 = TOWN_REACH_KM + 60.0;

#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub geonames_id: u32,
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub center: Coordinates,
    pub population: u64,
}

impl Place {
    /// "Bogotá, CO".
    pub fn label(&self) -> String {
        format!("{}, {}", self.name, self.country)
    }
}

/// One name a place answers to, folded for matching.
struct Key {
    folded: Box<str>,
    place: u32,
    /// GeoNames' own name rather than an alternate one.
    primary: bool,
}

pub struct Gazetteer {
    places: Vec<Place>,
    /// Sorted by folded name: exact and prefix lookups are binary searches.
    keys: Vec<Key>,
    /// Indices into `places`, sorted by latitude: the towns near a point are
    /// a binary search and a short scan away.
    by_latitude: Vec<u32>,
    /// (code, English name).
    countries: Vec<(String, String)>,
    /// (folded name, code): every name of every country, in any of the
    /// four languages.
    country_names: Vec<(String, String)>,
}

impl Gazetteer {
    /// The gazetteer shipped with Alerta, loaded on first use (about 70 000
    /// places; a fraction of a second).
    pub fn shared() -> &'static Gazetteer {
        static SHARED: LazyLock<Gazetteer> = LazyLock::new(|| {
            Gazetteer::load(CITIES, ADDITIONS, COUNTRIES, COUNTRY_NAMES)
                .expect("the shipped gazetteer is well formed")
        });
        &SHARED
    }

    /// Reads a gzip'd TSV of places, a TSV of places to add (same columns,
    /// with a header line), and a TSV of countries, in the formats
    /// `scripts/make-gazetteer` writes, and a TSV of countries' other names
    /// as `scripts/make-country-names` writes it.
    pub fn load(
        cities_gz: &[u8],
        additions_tsv: &str,
        countries_tsv: &str,
        country_names_tsv: &str,
    ) -> Result<Gazetteer, String> {
        let mut text = String::new();
        flate2::read::GzDecoder::new(cities_gz)
            .read_to_string(&mut text)
            .map_err(|e| format!("cities: {e}"))?;
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text.extend(
            additions_tsv
                .lines()
                .skip(1)
                .map(|line| format!("{line}\n")),
        );
        let mut places = Vec::new();
        let mut keys = Vec::new();
        for (number, line) in text.lines().enumerate().skip(1) {
            let (place, alternates) =
                parse_line(line).ok_or_else(|| format!("cities line {}: malformed", number + 1))?;
            let index = u32::try_from(places.len()).expect("fewer than 4 billion places");
            let primary = fold(&place.name);
            for name in alternates.split('|').filter(|a| !a.is_empty()) {
                let folded = fold(name);
                if !folded.is_empty() && folded != primary {
                    keys.push(Key {
                        folded: folded.into(),
                        place: index,
                        primary: false,
                    });
                }
            }
            keys.push(Key {
                folded: primary.into(),
                place: index,
                primary: true,
            });
            places.push(place);
        }
        keys.sort_by(|a, b| a.folded.cmp(&b.folded).then(a.place.cmp(&b.place)));
        keys.dedup_by(|a, b| a.folded == b.folded && a.place == b.place);
        let countries: Vec<(String, String)> = countries_tsv
            .lines()
            .skip(1)
            .filter_map(|line| {
                let mut fields = line.split('\t');
                Some((fields.next()?.to_string(), fields.next()?.to_string()))
            })
            .collect();
        let others = country_names_tsv.lines().skip(1).flat_map(|line| {
            let (code, names) = line.split_once('\t').unwrap_or((line, ""));
            names.split('|').map(move |name| (code, name))
        });
        let mut country_names: Vec<(String, String)> = countries
            .iter()
            .map(|(code, name)| (code.as_str(), name.as_str()))
            .chain(others)
            .map(|(code, name)| (fold(name), code.to_string()))
            .filter(|(folded, _)| !folded.is_empty())
            .collect();
        country_names.sort();
        country_names.dedup();
        let mut by_latitude: Vec<u32> = (0..places.len() as u32).collect();
        by_latitude.sort_by(|&a, &b| {
            let lat = |i: u32| places[i as usize].center.lat;
            lat(a).total_cmp(&lat(b))
        });
        Ok(Gazetteer {
            places,
            keys,
            by_latitude,
            countries,
            country_names,
        })
    }

    /// "Bolivia" for "BO".
    pub fn country_name(&self, code: &str) -> Option<&str> {
        self.countries
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, name)| name.as_str())
    }

    /// Every name of the country, folded: "brazil", "brasil", "bresil".
    pub fn country_names_folded<'g>(&'g self, code: &'g str) -> impl Iterator<Item = &'g str> {
        self.country_names
            .iter()
            .filter(move |(_, c)| c == code)
            .map(|(folded, _)| folded.as_str())
    }

    /// Every place, for generators of realistic test data (benchmarks).
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// The place a volunteer means by `typed`: "Cochabamba", "Bogota, CO",
    /// "Córdoba, Argentina". When several places share the name and none
    /// clearly dominates, the most populous few, to choose from.
    pub fn find(&self, typed: &str) -> Result<&Place, Found<'_>> {
        let (name, country) = self.split_country(typed);
        let folded = fold(name);
        if folded.is_empty() {
            return Err(Found::Nothing);
        }
        let matching = self.exact(&folded);
        let in_country =
            |k: &&Key| country.is_none_or(|c| self.places[k.place as usize].country == c);
        let primary: Vec<&Place> =
            self.places_of(matching.iter().filter(|k| k.primary).filter(in_country));
        // GeoNames' own names first: "Santiago" is Santiago de Chile, not
        // every town that Santiago is another name of.
        let candidates = if primary.is_empty() {
            self.places_of(matching.iter().filter(in_country))
        } else {
            primary
        };
        match candidates.as_slice() {
            [] => Err(Found::Nothing),
            [only] => Ok(only),
            [first, second, ..] if first.population >= DOMINANCE * second.population.max(1) => {
                Ok(first)
            }
            several => Err(Found::Several(
                several.iter().copied().take(CHOICES).collect(),
            )),
        }
    }

    /// The town `point` lies in or near, in `country` when it is known: the
    /// one whose built-up area holds the point most centrally, else the one
    /// whose edge is nearest (within 25 km). A district listed as a place of
    /// its own inside a city ten times its size (Pinheiros in São Paulo)
    /// answers as that city: posters name the town readers know.
    pub fn town_near(&self, point: Coordinates, country: Option<&str>) -> Option<&Place> {
        let nearby = self.places_within(point, TOWN_SEARCH_KM);
        let in_country = |p: &&Place| country.is_none_or(|c| p.country == c);
        let fit = |place: &Place| {
            let radius = town_radius_km(place);
            let distance = place.center.distance_km(&point);
            // Inside: the fraction of the way to the edge, below 0 (more
            // central is better); outside: km beyond the edge.
            if distance < radius {
                distance / radius - 1.0
            } else {
                distance - radius
            }
        };
        let best = nearby
            .clone()
            .filter(in_country)
            .map(|p| (fit(p), p))
            .filter(|(fit, _)| *fit <= TOWN_REACH_KM)
            .min_by(|a, b| a.0.total_cmp(&b.0))?
            .1;
        let city_around = nearby
            .filter(in_country)
            .filter(|p| p.population >= DOMINANCE * best.population.max(1))
            .filter(|p| p.center.distance_km(&best.center) < town_radius_km(p))
            .max_by_key(|p| p.population);
        Some(city_around.unwrap_or(best))
    }

    /// Every place within `km` of `point`: those in the band of latitude
    /// the binary search finds, kept by their true distance.
    fn places_within(&self, point: Coordinates, km: f64) -> impl Iterator<Item = &Place> + Clone {
        let degrees = km / KM_PER_DEGREE;
        let lat = |i: &u32| self.places[*i as usize].center.lat;
        let start = self
            .by_latitude
            .partition_point(|i| lat(i) < point.lat - degrees);
        let end = self
            .by_latitude
            .partition_point(|i| lat(i) <= point.lat + degrees);
        self.by_latitude[start..end]
            .iter()
            .map(|&i| &self.places[i as usize])
            .filter(move |p| p.center.distance_km(&point) <= km)
    }

    /// Places whose names start with what was typed so far, most populous
    /// first: the suggestions of a place field.
    pub fn suggest(&self, typed: &str, limit: usize) -> Vec<&Place> {
        let (name, country) = self.split_country(typed);
        let prefix = fold(name);
        if prefix.chars().count() < 2 {
            return Vec::new();
        }
        let start = self.keys.partition_point(|k| *k.folded < *prefix);
        let matching = self.keys[start..]
            .iter()
            .take_while(|k| k.folded.starts_with(&prefix))
            .filter(|k| country.is_none_or(|c| self.places[k.place as usize].country == c));
        let mut places = self.places_of(matching);
        places.truncate(limit);
        places
    }

    /// Places whose names are a typo or two away from what was typed (a
    /// name [`Gazetteer::find`] did not know): "Cochabmaba" → Cochabamba.
    /// One edit for names of up to five letters, two beyond, a swap of
    /// neighbouring letters counting as one; the nearest first, then the
    /// most populous.
    pub fn did_you_mean(&self, typed: &str, limit: usize) -> Vec<&Place> {
        let (name, country) = self.split_country(typed);
        let folded = fold(name);
        let letters = folded.chars().count();
        if letters < 3 {
            return Vec::new();
        }
        let allowed = if letters <= 5 { 1 } else { 2 };
        let mut near: Vec<(usize, &Place)> = self
            .keys
            .iter()
            // A name of a very different length cannot be this close.
            .filter(|k| k.folded.chars().count().abs_diff(letters) <= allowed)
            .filter_map(|k| {
                let distance = strsim::damerau_levenshtein(&folded, &k.folded);
                (distance <= allowed).then(|| (distance, &self.places[k.place as usize]))
            })
            .filter(|(_, p)| country.is_none_or(|c| p.country == c))
            .collect();
        near.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then(b.1.population.cmp(&a.1.population))
                .then(a.1.geonames_id.cmp(&b.1.geonames_id))
        });
        let mut places: Vec<&Place> = Vec::new();
        for (_, place) in near {
            if !places.iter().any(|p| p.geonames_id == place.geonames_id) {
                places.push(place);
            }
            if places.len() == limit {
                break;
            }
        }
        places
    }

    /// The keys equal to `folded`.
    fn exact(&self, folded: &str) -> &[Key] {
        let start = self.keys.partition_point(|k| *k.folded < *folded);
        let end = start + self.keys[start..].partition_point(|k| *k.folded == *folded);
        &self.keys[start..end]
    }

    /// The distinct places of `keys`, most populous first.
    fn places_of<'k>(&self, keys: impl Iterator<Item = &'k Key>) -> Vec<&Place> {
        let mut indices: Vec<u32> = keys.map(|k| k.place).collect();
        indices.sort_unstable();
        indices.dedup();
        let mut places: Vec<&Place> = indices.iter().map(|&i| &self.places[i as usize]).collect();
        places.sort_by(|a, b| {
            b.population
                .cmp(&a.population)
                .then(a.geonames_id.cmp(&b.geonames_id))
        });
        places
    }

    /// "Bogota, CO" → ("Bogota", Some("CO")); "Córdoba, Argentina" →
    /// ("Córdoba", Some("AR")). Anything after the last comma that names no
    /// country stays part of the name.
    fn split_country<'t>(&self, typed: &'t str) -> (&'t str, Option<&str>) {
        let Some((name, after)) = typed.rsplit_once(',') else {
            return (typed, None);
        };
        let after = after.trim();
        let folded = fold(after);
        let by_code = self
            .countries
            .iter()
            .map(|(code, _)| code)
            .find(|code| code.eq_ignore_ascii_case(after));
        let by_name = || {
            self.country_names
                .iter()
                .find(|(name, _)| !folded.is_empty() && *name == folded)
                .map(|(_, code)| code)
        };
        match by_code.or_else(by_name) {
            Some(code) => (name, Some(code.as_str())),
            None => (typed, None),
        }
    }
}

fn town_radius_km(place: &Place) -> f64 {
    (TOWN_RADIUS_KM_PER_SQRT_PERSON * (place.population as f64).sqrt()).max(1.0)
}

/// Why a name found no single place.
#[derive(Debug, PartialEq)]
pub enum Found<'g> {
    Nothing,
    Several(Vec<&'g Place>),
}

/// Places and regions together, as core's [`Geography`] asks.
pub struct World;

/// The world Alerta ships: pass `&WORLD` where a [`Geography`] is wanted.
pub static WORLD: World = World;

impl Geography for World {
    fn place(&self, typed: &str) -> Result<NamedPlace, PlaceError> {
        match Gazetteer::shared().find(typed) {
            Ok(place) => Ok(NamedPlace {
                label: place.label(),
                center: place.center,
                population: place.population,
            }),
            Err(Found::Nothing) => Err(PlaceError::Unknown),
            Err(Found::Several(places)) => Err(PlaceError::Ambiguous(choice_labels(&places))),
        }
    }

    fn region(&self, code: &str) -> Option<(String, String)> {
        let code = Regions::shared().known(code)?;
        Some((code.to_string(), region_names::label(code)))
    }

    fn regions_named(&self, name: &str) -> Vec<(String, String)> {
        regions_named(name)
            .into_iter()
            .map(|choice| (choice.code, choice.label))
            .collect()
    }

    fn regions_touching(&self, area: &Circle) -> Vec<String> {
        Regions::shared().touching(area).into_iter().collect()
    }

    fn country_at(&self, point: Coordinates) -> Option<String> {
        Regions::shared().country_at(point).map(str::to_string)
    }

    fn locality_at(&self, point: Coordinates) -> Option<String> {
        let regions = Regions::shared();
        let country = regions.country_at(point);
        if let Some(town) = Gazetteer::shared().town_near(point, country) {
            return Some(town.name.clone());
        }
        let codes = regions.at(point);
        let region = codes.iter().find(|c| c.contains('-'))?;
        regions.name(region).map(str::to_string)
    }
}

/// "Córdoba, AR", "Córdoba, ES"...; two places of one name in one country
/// are told apart by their coordinates, which the volunteer can send instead.
fn choice_labels(places: &[&Place]) -> Vec<String> {
    places
        .iter()
        .map(|p| {
            let twins = places.iter().filter(|q| q.label() == p.label()).count();
            if twins > 1 {
                format!("{} ({:.2}, {:.2})", p.label(), p.center.lat, p.center.lng)
            } else {
                p.label()
            }
        })
        .collect()
}

/// One line: id, name, country, admin1, lat, lng, population, alternates.
fn parse_line(line: &str) -> Option<(Place, &str)> {
    let mut fields = line.split('\t');
    let geonames_id = fields.next()?.parse().ok()?;
    let name = fields.next()?.to_string();
    let country = fields.next()?.to_string();
    let _admin1 = fields.next()?;
    let lat = fields.next()?.parse().ok()?;
    let lng = fields.next()?.parse().ok()?;
    let population = fields.next()?.parse().ok()?;
    let alternates = fields.next().unwrap_or("");
    Some((
        Place {
            geonames_id,
            name,
            country,
            center: Coordinates { lat, lng },
            population,
        },
        alternates,
    ))
}

#[cfg(test)]
mod tests;

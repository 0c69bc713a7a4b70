use super::*;
use crate::subdivisions::Subdivisions;

fn gazetteer() -> &'static Gazetteer {
    Gazetteer::shared()
}

fn found(typed: &str) -> String {
    match gazetteer().find(typed) {
        Ok(place) => place.label(),
        Err(e) => panic!("{typed:?} found no single place: {e:?}"),
    }
}

#[test]
fn names_are_found_as_people_type_them() {
    assert_eq!(found("Cochabamba"), "Cochabamba, BO");
    assert_eq!(found("São Paulo"), "São Paulo, BR");
    assert_eq!(found("Sao Paulo"), "São Paulo, BR");
    assert_eq!(found("  sao   PAULO "), "São Paulo, BR");
    assert_eq!(found("Bogota, CO"), "Bogotá, CO");
    assert_eq!(found("bogotá,co"), "Bogotá, CO");
    assert_eq!(found("Port-au-Prince"), "Port-au-Prince, HT");
    assert_eq!(found("port au prince"), "Port-au-Prince, HT");
    // Another name GeoNames knows, as a Mexican would write it.
    assert_eq!(found("Ciudad de México"), "Mexico City, MX");
    // The country by its name in the volunteer's language.
    assert_eq!(found("Santa Cruz, Bolivia"), found("Santa Cruz, BO"));
    assert_eq!(found("Campinas, Brasil"), "Campinas, BR");
    assert_eq!(found("Cap-Haïtien, Haïti"), "Cap-Haïtien, HT");
}

#[test]
fn the_place_carries_its_coordinates_and_population() {
    let place = gazetteer().find("Cochabamba").unwrap();
    assert!(
        (place.center.lat - -17.38).abs() < 0.05,
        "{:?}",
        place.center
    );
    assert!(
        (place.center.lng - -66.16).abs() < 0.05,
        "{:?}",
        place.center
    );
    assert!(place.population > 500_000);
}

#[test]
fn an_ambiguous_name_lists_the_choices_and_a_country_settles_it() {
    let Err(Found::Several(choices)) = gazetteer().find("Córdoba") else {
        panic!("Córdoba should be ambiguous");
    };
    let labels: Vec<String> = choices.iter().map(|p| p.label()).collect();
    assert!(labels.len() <= CHOICES);
    assert_eq!(labels[0], "Córdoba, AR", "most populous first: {labels:?}");
    assert!(labels.contains(&"Córdoba, ES".to_string()), "{labels:?}");
    assert_eq!(found("Cordoba, AR"), "Córdoba, AR");
    assert_eq!(found("Córdoba, Spain"), "Córdoba, ES");
}

#[test]
fn a_dominant_place_wins_its_name() {
    // Several small places are called Santiago or Bogota; the capitals are
    // more than ten times as large as the next.
    assert_eq!(found("Santiago"), "Santiago, CL");
    assert_eq!(found("Bogota"), "Bogotá, CO");
}

#[test]
fn large_towns_missing_from_the_export_are_added() {
    // Bolivia's second city; the export only has a village of Peru by that name.
    assert_eq!(found("El Alto"), "El Alto, BO");
    assert_eq!(found("el alto, pe"), "El Alto, PE");
    assert_eq!(found("Sao Goncalo"), "São Gonçalo, BR");
    assert_eq!(found("Luque"), "Luque, PY");
}

#[test]
fn unknown_names_and_unknown_countries_find_nothing() {
    assert_eq!(gazetteer().find("Qwertzville"), Err(Found::Nothing));
    assert_eq!(gazetteer().find(""), Err(Found::Nothing));
    assert_eq!(gazetteer().find("!!!"), Err(Found::Nothing));
    assert_eq!(gazetteer().find("Cochabamba, PE"), Err(Found::Nothing));
    // A comma that names no country is part of the name, which matches nothing.
    assert_eq!(gazetteer().find("Cochabamba, Narnia"), Err(Found::Nothing));
}

#[test]
fn suggestions_start_with_what_was_typed_most_populous_first() {
    let labels: Vec<String> = gazetteer()
        .suggest("cochab", 5)
        .iter()
        .map(|p| p.label())
        .collect();
    assert_eq!(labels.first().map(String::as_str), Some("Cochabamba, BO"));
    let sao: Vec<String> = gazetteer()
        .suggest("São P", 3)
        .iter()
        .map(|p| p.label())
        .collect();
    assert_eq!(sao[0], "São Paulo, BR");
    assert!(sao.len() <= 3);
    let in_peru = gazetteer().suggest("San, PE", 10);
    assert!(!in_peru.is_empty() && in_peru.iter().all(|p| p.country == "PE"));
    assert!(
        gazetteer().suggest("c", 10).is_empty(),
        "one letter is too little"
    );
}

#[test]
fn the_core_trait_answers_with_labels() {
    let place = WORLD.place("Sao Paulo").unwrap();
    assert_eq!(place.label, "São Paulo, BR");
    let Err(PlaceError::Ambiguous(labels)) = WORLD.place("Córdoba") else {
        panic!("Córdoba should be ambiguous");
    };
    assert_eq!(labels[0], "Córdoba, AR");
    assert_eq!(WORLD.place("Qwertzville"), Err(PlaceError::Unknown));
    assert_eq!(
        WORLD.region("bo"),
        Some(("BO".into(), "Bolivia (BO)".into()))
    );
    assert_eq!(
        WORLD.region("us-tx"),
        Some(("US-TX".into(), "US-TX".into()))
    );
    assert_eq!(WORLD.region("XX"), None);
    assert_eq!(
        WORLD.region("br-sp"),
        Some(("BR-SP".into(), "São Paulo (BR-SP)".into()))
    );
    assert_eq!(
        WORLD.region("AR-X"),
        Some(("AR-X".into(), "Córdoba (AR-X)".into()))
    );
    assert_eq!(
        WORLD.region("bo-c"),
        Some(("BO-C".into(), "Cochabamba (BO-C)".into()))
    );
    assert_eq!(
        WORLD.region("MX-CMX"),
        Some(("MX-CMX".into(), "Ciudad de México (MX-CMX)".into()))
    );
    // A code ISO 3166-2 does not have, though shaped like one.
    assert_eq!(WORLD.region("BO-Q"), None);
}

#[test]
fn each_region_comes_from_one_source() {
    // A code drawn by both sources would be matched twice and named by one.
    let regions = Regions::shared();
    for code in Subdivisions::shared().codes() {
        assert!(
            !regions.drawn_by_country_boundaries(code),
            "{code} is also in country-boundaries"
        );
    }
    assert!(Subdivisions::shared().codes().count() > 500);
}

#[test]
fn latin_american_regions_hold_their_towns_and_reach_across_borders() {
    let regions = Regions::shared();
    // From DCW-GMT (Argentina, Brazil) and Natural Earth (the others).
    for (lat, lng, expected) in [
        (-23.55, -46.63, ["BR-SP", "BR"]),
        (-22.91, -43.17, ["BR-RJ", "BR"]),
        (-31.42, -64.18, ["AR-X", "AR"]),
        (-34.60, -58.38, ["AR-C", "AR"]),
        (-17.39, -66.16, ["BO-C", "BO"]),
        (-16.50, -68.15, ["BO-L", "BO"]),
        (4.65, -74.08, ["CO-DC", "CO"]),
        (-12.05, -77.04, ["PE-LMA", "PE"]),
        (19.43, -99.13, ["MX-CMX", "MX"]),
        (14.64, -90.51, ["GT-01", "GT"]),
        (18.54, -72.34, ["HT-OU", "HT"]),
        (-33.45, -70.67, ["CL-RM", "CL"]),
    ] {
        assert_eq!(regions.at(Coordinates { lat, lng }), expected);
    }
    let touching = |lat, lng, radius_km| regions.touching(&circle(lat, lng, radius_km));
    // Far inside São Paulo state, and in Sacaba, 12 km east of Cochabamba,
    // a 10 km alert stays in its region.
    assert_eq!(touching(-22.0, -49.0, 10.0), set(["BR", "BR-SP"]));
    assert_eq!(touching(-17.40, -66.04, 10.0), set(["BO", "BO-C"]));
    // From the middle of the city of Buenos Aires (AR-C), a 10 km alert
    // crosses into the province around it (AR-B); a 1 km one does not.
    let capital = touching(-34.61, -58.44, 10.0);
    assert!(capital.is_superset(&set(["AR-C", "AR-B"])), "{capital:?}");
    let small = touching(-34.61, -58.44, 1.0);
    assert!(!small.contains("AR-B"), "{small:?}");
    // Across rivers: Foz do Iguaçu (BR-PR) reaches Misiones (AR-N), and
    // Desaguadero (BO-L) reaches Puno (PE-PUN).
    let foz = touching(-25.55, -54.58, 10.0);
    assert!(foz.is_superset(&set(["BR-PR", "AR-N"])), "{foz:?}");
    let desaguadero = touching(-16.566, -69.037, 10.0);
    assert!(
        desaguadero.is_superset(&set(["BO-L", "PE-PUN"])),
        "{desaguadero:?}"
    );
}

fn set<const N: usize>(codes: [&str; N]) -> std::collections::BTreeSet<String> {
    codes.into_iter().map(str::to_string).collect()
}

fn circle(lat: f64, lng: f64, radius_km: f64) -> Circle {
    Circle {
        center: Coordinates { lat, lng },
        radius_km,
    }
}

#[test]
fn regions_hold_points_and_circles_reach_across_borders() {
    let regions = Regions::shared();
    assert_eq!(
        regions.at(Coordinates {
            lat: 33.0,
            lng: -97.0
        }),
        vec!["US-TX", "US"]
    );
    assert_eq!(
        regions.country_at(Coordinates {
            lat: -17.38,
            lng: -66.16
        }),
        Some("BO")
    );
    // Cochabamba is far from every border.
    let inland: Vec<String> = regions
        .touching(&circle(-17.38, -66.16, 10.0))
        .into_iter()
        .collect();
    assert_eq!(inland, vec!["BO", "BO-C"]);
    // Desaguadero, a border town on the Bolivian bank of the river that
    // separates Bolivia from Peru: a 10 km alert reaches both.
    let border = regions.touching(&circle(-16.566, -69.037, 10.0));
    assert!(border.contains("BO") && border.contains("PE"), "{border:?}");
    // 10 km off Bolivia's side, Peru is 10 km away; a 5 km alert stays home.
    let home = regions.touching(&circle(-16.60, -68.95, 5.0));
    assert!(!home.contains("PE"), "{home:?}");
    // Across the antimeridian: Taveuni, Fiji.
    let fiji = regions.touching(&circle(-16.85, 179.99, 20.0));
    assert!(fiji.contains("FJ"), "{fiji:?}");
    // The open South Pacific reaches nobody's region.
    assert!(regions.touching(&circle(-40.0, -120.0, 50.0)).is_empty());
}

#[test]
fn folding_drops_case_accents_and_punctuation() {
    assert_eq!(fold("São Paulo"), "sao paulo");
    assert_eq!(fold("Ñuñoa"), "nunoa");
    assert_eq!(fold("Port-au-Prince"), "port au prince");
    assert_eq!(fold("  Bogotá,  D.C. "), "bogota d c");
    assert_eq!(fold("Ch'aska"), "ch aska");
}

#[test]
fn regions_are_suggested_by_name_or_code() {
    let codes = |typed: &str| -> Vec<String> {
        suggest_regions(typed, 8)
            .into_iter()
            .map(|choice| choice.code)
            .collect()
    };
    let first = |typed: &str| suggest_regions(typed, 8).remove(0);
    assert_eq!(
        first("cochab"),
        RegionChoice {
            code: "BO-C".into(),
            label: "Cochabamba (BO-C)".into()
        }
    );
    assert_eq!(first("Sao Paulo").code, "BR-SP");
    assert_eq!(
        first("Haití"),
        RegionChoice {
            code: "HT".into(),
            label: "Haiti (HT)".into()
        }
    );
    // The code itself first, then names, then the country's regions.
    assert_eq!(first("bo").code, "BO");
    assert!(codes("bo").contains(&"BO".to_string()));
    assert!(codes("bo-").iter().all(|c| c.starts_with("BO-")));
    assert_eq!(codes("bo-").len(), 8);
    // A word inside the name: "paz" finds La Paz.
    assert!(
        codes("paz").contains(&"BO-L".to_string()),
        "{:?}",
        codes("paz")
    );
    // Regions the data leaves unnamed answer to their codes.
    assert_eq!(first("us-tx").label, "US-TX");
    assert!(codes("c").is_empty(), "one letter is too little");
    assert!(codes("qwertz").is_empty());
}

#[test]
fn a_region_is_known_by_its_own_name() {
    let named = |name: &str| -> Vec<String> {
        regions_named(name)
            .into_iter()
            .map(|choice| choice.code)
            .collect()
    };
    assert_eq!(named("bolivia"), vec!["BO"]);
    // Countries in the volunteers' languages too.
    assert_eq!(named("Brasil"), vec!["BR"]);
    assert_eq!(named("República Dominicana"), vec!["DO"]);
    assert_eq!(named("Pérou"), vec!["PE"]);
    assert_eq!(named("SAO PAULO"), vec!["BR-SP"]);
    assert_eq!(named("Ciudad de Mexico"), vec!["MX-CMX"]);
    let mut santa_cruz = named("Santa Cruz");
    santa_cruz.sort();
    assert_eq!(santa_cruz, vec!["AR-Z", "BO-S"]);
    assert!(named("Cochab").is_empty(), "a start is not a name");
}

/// No town of the gazetteer falls between the regions of its country: an
/// alert there reaches the region's volunteers. Within 5 km, as the maps'
/// coastlines (1:10 M for most countries) miss sandbars and islets that
/// towns stand on; an alert is wider than that by default.
#[test]
fn every_latin_american_town_lies_in_a_region_of_its_country() {
    // Left out on purpose (see assets/regions), and a GeoNames point 70 km
    // out at sea.
    let known = ["Naval Station Guantanamo Bay, CU", "La Aguada, VE"];
    let countries: std::collections::BTreeSet<&str> = Subdivisions::shared()
        .codes()
        .map(|code| &code[..2])
        .collect();
    let mut outside = Vec::new();
    for place in gazetteer().places() {
        if !countries.contains(place.country.as_str()) || known.contains(&&*place.label()) {
            continue;
        }
        let near = circle(place.center.lat, place.center.lng, 5.0);
        let prefix = format!("{}-", place.country);
        if !Regions::shared()
            .touching(&near)
            .iter()
            .any(|code| code.starts_with(&prefix))
        {
            outside.push(place.label());
        }
    }
    assert!(outside.is_empty(), "in no region: {outside:?}");
}

fn town(lat: f64, lng: f64) -> Option<String> {
    WORLD.locality_at(Coordinates { lat, lng })
}

#[test]
fn a_point_is_named_by_the_town_it_lies_in() {
    // Plaza 14 de Septiembre.
    assert_eq!(town(-17.3935, -66.1570).as_deref(), Some("Cochabamba"));
    // Quillacollo's square, 13 km west: a town of its own, not Cochabamba.
    assert_eq!(town(-17.3975, -66.2800).as_deref(), Some("Quillacollo"));
    // Plaza Murillo, La Paz; and El Alto's Ceja, up the hill: two cities.
    assert_eq!(town(-16.4958, -68.1335).as_deref(), Some("La Paz"));
    assert_eq!(town(-16.5050, -68.1630).as_deref(), Some("El Alto"));
    // Largo da Batata, in Pinheiros: GeoNames lists the district as a place
    // of its own; readers know it as São Paulo.
    assert_eq!(town(-23.5667, -46.6935).as_deref(), Some("São Paulo"));
    // The road 8 km west of Chimoré, in the Chapare: still named by it.
    assert_eq!(town(-16.99, -65.23).as_deref(), Some("Chimoré"));
}

#[test]
fn far_from_any_town_the_region_names_the_point() {
    // The Pando forest, 100 km from any town of 5 000 people.
    let deep = town(-11.6, -67.6);
    assert_eq!(deep.as_deref(), Some("Pando"));
    // At sea, nothing.
    assert_eq!(town(-20.0, -100.0), None);
}

#[test]
fn a_town_across_the_border_does_not_name_the_point() {
    // Bolivian Desaguadero, across the bridge from the Peruvian one.
    let point = Coordinates {
        lat: -16.5662,
        lng: -69.0380,
    };
    let near = gazetteer()
        .town_near(point, Some("BO"))
        .map(|p| p.country.clone());
    assert_ne!(near.as_deref(), Some("PE"));
}

#[test]
fn a_misspelt_town_gets_a_did_you_mean() {
    let labels = |typed: &str| -> Vec<String> {
        gazetteer()
            .did_you_mean(typed, 3)
            .iter()
            .map(|p| p.label())
            .collect()
    };
    assert_eq!(labels("Cochabmaba")[0], "Cochabamba, BO");
    assert_eq!(labels("Quilacollo")[0], "Quillacollo, BO");
    assert!(
        labels("Santa Cruz de la Sierar, BO").contains(&"Santa Cruz de la Sierra, BO".to_string())
    );
    assert!(labels("Xqzvbwmkl").is_empty());
    assert!(labels("ab").is_empty());
}

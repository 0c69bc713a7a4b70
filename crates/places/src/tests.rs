use super::*;

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
    let place = gazetteer().resolve("Sao Paulo").unwrap();
    assert_eq!(place.label, "São Paulo, BR");
    let Err(PlaceError::Ambiguous(labels)) = gazetteer().resolve("Córdoba") else {
        panic!("Córdoba should be ambiguous");
    };
    assert_eq!(labels[0], "Córdoba, AR");
    assert_eq!(gazetteer().resolve("Qwertzville"), Err(PlaceError::Unknown));
}

#[test]
fn folding_drops_case_accents_and_punctuation() {
    assert_eq!(fold("São Paulo"), "sao paulo");
    assert_eq!(fold("Ñuñoa"), "nunoa");
    assert_eq!(fold("Port-au-Prince"), "port au prince");
    assert_eq!(fold("  Bogotá,  D.C. "), "bogota d c");
    assert_eq!(fold("Ch'aska"), "ch aska");
}

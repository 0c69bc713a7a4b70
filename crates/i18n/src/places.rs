//! Places as readers see them printed: a country's name in their language,
//! and the place a person was last seen as the family typed it, completed
//! with the town and country it lies in ("Mercado Rodríguez, La Paz,
//! Bolivia").

use std::sync::LazyLock;

use alerta_core::{Case, Language};

/// ISO code, then the name in English, Spanish, Portuguese and French:
/// see assets/gazetteer/README.md for its source and licence.
static COUNTRY_LABELS: &str = include_str!("../../../assets/gazetteer/country-labels.tsv");

/// (code, [en, es, pt, fr]), sorted by code.
fn country_labels() -> &'static [(&'static str, [&'static str; 4])] {
    static LABELS: LazyLock<Vec<(&str, [&str; 4])>> = LazyLock::new(|| {
        let mut labels: Vec<(&str, [&str; 4])> = COUNTRY_LABELS
            .lines()
            .skip(1)
            .filter_map(|line| {
                let mut fields = line.split('\t');
                let code = fields.next()?;
                let names = [
                    fields.next()?,
                    fields.next()?,
                    fields.next()?,
                    fields.next()?,
                ];
                Some((code, names))
            })
            .collect();
        labels.sort_by_key(|(code, _)| *code);
        labels
    });
    &LABELS
}

/// "Bolivia", "Bolívia", "Bolivie" for "BO"; None for a code it does not know.
pub fn country_name(language: Language, code: &str) -> Option<&'static str> {
    let labels = country_labels();
    let at = labels.binary_search_by_key(&code, |(c, _)| c).ok()?;
    let column = match language {
        Language::En => 0,
        Language::Es => 1,
        Language::Pt => 2,
        Language::Fr => 3,
    };
    Some(labels[at].1[column])
}

/// "Cochabamba, Bolivia": the town (or region) and the country a case was
/// last seen in, for subjects, lists and headings. None when neither is known.
pub fn locality(language: Language, town: Option<&str>, country: Option<&str>) -> Option<String> {
    let country = country.and_then(|code| country_name(language, code));
    match (town, country) {
        (Some(town), Some(country)) if same_words(town, country) => Some(town.to_string()),
        (Some(town), Some(country)) => Some(format!("{town}, {country}")),
        (Some(only), None) | (None, Some(only)) => Some(only.to_string()),
        (None, None) => None,
    }
}

/// Where `case` was last seen, in full: [`place_line`] of the place as typed.
pub fn last_seen_place(language: Language, case: &Case) -> String {
    place_line(
        language,
        &case.details.last_seen_place,
        case.last_seen_locality.as_deref(),
        case.last_seen_country(),
    )
}

/// The town and country `case` was last seen in ([`locality`]), or the place
/// as typed where the case has neither (at sea, or not yet located).
pub fn last_seen_locality(language: Language, case: &Case) -> String {
    locality(
        language,
        case.last_seen_locality.as_deref(),
        case.last_seen_country(),
    )
    .unwrap_or_else(|| case.details.last_seen_place.clone())
}

/// The place as typed, followed by whichever of the town and country it does
/// not already name: "Plaza 14 de Septiembre, Cochabamba" becomes
/// "Plaza 14 de Septiembre, Cochabamba, Bolivia"; "Mercado Rodríguez"
/// becomes "Mercado Rodríguez, La Paz, Bolivia".
pub fn place_line(
    language: Language,
    typed: &str,
    town: Option<&str>,
    country: Option<&str>,
) -> String {
    let country = country.and_then(|code| country_name(language, code));
    let mut line = typed.trim().to_string();
    for part in [town, country].into_iter().flatten() {
        if !names(&line, part) {
            if !line.is_empty() {
                line.push_str(", ");
            }
            line.push_str(part);
        }
    }
    line
}

/// Whether `text` names `place`: its words appear in order, case, accents
/// and punctuation aside ("Plaza Colón, Cochabamba" names "cochabamba").
fn names(text: &str, place: &str) -> bool {
    let text = format!(" {} ", words(text));
    let place = words(place);
    !place.is_empty() && text.contains(&format!(" {place} "))
}

fn same_words(a: &str, b: &str) -> bool {
    words(a) == words(b)
}

/// Lower-case words without accents, one space apart: the key names are
/// compared by.
fn words(text: &str) -> String {
    alerta_core::text::name_key(&[text])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_are_named_in_the_readers_language() {
        assert_eq!(country_name(Language::Es, "BR"), Some("Brasil"));
        assert_eq!(country_name(Language::En, "BR"), Some("Brazil"));
        assert_eq!(country_name(Language::Fr, "HT"), Some("Haïti"));
        assert_eq!(country_name(Language::Pt, "BO"), Some("Bolívia"));
        assert_eq!(country_name(Language::Es, "PE"), Some("Perú"));
        assert_eq!(country_name(Language::Es, "XX"), None);
        // Every line has all four names.
        assert!(country_labels().len() > 240);
        assert!(
            country_labels()
                .iter()
                .all(|(code, names)| code.len() == 2 && names.iter().all(|n| !n.is_empty()))
        );
    }

    #[test]
    fn a_locality_is_town_and_country() {
        let es = Language::Es;
        assert_eq!(
            locality(es, Some("Cochabamba"), Some("BO")).as_deref(),
            Some("Cochabamba, Bolivia")
        );
        assert_eq!(locality(es, None, Some("BR")).as_deref(), Some("Brasil"));
        assert_eq!(
            locality(es, Some("Panamá"), Some("PA")).as_deref(),
            Some("Panamá")
        );
        assert_eq!(locality(es, None, None), None);
    }

    #[test]
    fn the_place_line_adds_only_what_the_family_did_not_write() {
        let es = Language::Es;
        let line = |typed, town| place_line(es, typed, town, Some("BO"));
        assert_eq!(
            line("Plaza 14 de Septiembre, Cochabamba", Some("Cochabamba")),
            "Plaza 14 de Septiembre, Cochabamba, Bolivia"
        );
        assert_eq!(
            line("Mercado Rodríguez", Some("La Paz")),
            "Mercado Rodríguez, La Paz, Bolivia"
        );
        // Accents and case aside.
        assert_eq!(
            line("mercado central de COCHABAMBA, bolivia", Some("Cochabamba")),
            "mercado central de COCHABAMBA, bolivia"
        );
        // A word that merely contains the town's name does not count.
        assert_eq!(
            line("Calle Pazña", Some("La Paz")),
            "Calle Pazña, La Paz, Bolivia"
        );
        assert_eq!(line("", Some("Sucre")), "Sucre, Bolivia");
        assert_eq!(place_line(es, "Km 5", None, None), "Km 5");
    }
}

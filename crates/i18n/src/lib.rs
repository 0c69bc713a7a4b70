//! Every sentence Alerta shows or mails, in Spanish, Portuguese, French and
//! English, from the Fluent files under `assets/i18n/` (built into the binary).

use std::sync::OnceLock;

use alerta_core::Language;
use chrono::{DateTime, FixedOffset, NaiveDate};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

mod places;
pub use places::{country_name, last_seen_locality, last_seen_place, locality, place_line};

const SOURCES: [(Language, &str); 4] = [
    (Language::Es, include_str!("../../../assets/i18n/es.ftl")),
    (Language::Pt, include_str!("../../../assets/i18n/pt.ftl")),
    (Language::Fr, include_str!("../../../assets/i18n/fr.ftl")),
    (Language::En, include_str!("../../../assets/i18n/en.ftl")),
];

struct Catalog {
    bundles: Vec<(Language, FluentBundle<FluentResource>)>,
}

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog {
        bundles: SOURCES
            .iter()
            .map(|(language, source)| (*language, bundle(*language, source)))
            .collect(),
    })
}

fn bundle(language: Language, source: &str) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = language
        .as_str()
        .parse()
        .expect("our language codes are valid");
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(_, errors)| {
        panic!(
            "assets/i18n/{}.ftl does not parse: {errors:?}",
            language.as_str()
        )
    });
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks around arguments print as boxes in PDFs and plain-text mail.
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .unwrap_or_else(|errors| panic!("assets/i18n/{}.ftl: {errors:?}", language.as_str()));
    bundle
}

/// The message `key` in `language`, with `args` filled in (whole numbers as
/// numbers, for plural forms). A key missing from
/// a translation falls back to Spanish, then to the key itself, so a gap shows
/// as text rather than as an error in front of a volunteer.
pub fn text(language: Language, key: &str, args: &[(&str, &str)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        // Whole numbers go in as numbers, so plural forms ([one], [other]) are chosen.
        match value.parse::<i64>() {
            Ok(number) if !value.starts_with('+') => {
                fluent_args.set(*name, FluentValue::from(number))
            }
            _ => fluent_args.set(*name, FluentValue::from(*value)),
        }
    }
    [language, Language::Es]
        .iter()
        .find_map(|lang| format(*lang, key, &fluent_args))
        .unwrap_or_else(|| key.to_string())
}

fn format(language: Language, key: &str, args: &FluentArgs) -> Option<String> {
    let (_, bundle) = catalog().bundles.iter().find(|(l, _)| *l == language)?;
    let pattern = bundle.get_message(key)?.value()?;
    let mut errors = Vec::new();
    let out = bundle.format_pattern(pattern, Some(args), &mut errors);
    errors.is_empty().then(|| out.into_owned())
}

/// The locale whose month and day names chrono prints for `language`.
fn locale(language: Language) -> chrono::Locale {
    match language {
        Language::Es => chrono::Locale::es_BO,
        Language::Pt => chrono::Locale::pt_BR,
        Language::Fr => chrono::Locale::fr_FR,
        Language::En => chrono::Locale::en_US,
    }
}

/// A date as readers of `language` write it in full ("20 de noviembre de 2026").
/// The pattern is the translation file's `format-date-long`; month names come
/// from chrono's locale data.
pub fn long_date(language: Language, date: NaiveDate) -> String {
    let pattern = text(language, "format-date-long", &[]);
    date.format_localized(&pattern, locale(language))
        .to_string()
}

/// A short date with the month spelled ("20 nov 2026", "Nov 20, 2026"),
/// from `format-date-short`: 12/02 reads two ways in the Americas.
pub fn short_date(language: Language, date: NaiveDate) -> String {
    let pattern = text(language, "format-date-short", &[]);
    date.format_localized(&pattern, locale(language))
        .to_string()
}

/// A time of day on the clock of the place it happened ("18:30", "6:30 PM").
pub fn clock_time(language: Language, at: &DateTime<FixedOffset>) -> String {
    let pattern = text(language, "format-time", &[]);
    at.format_localized(&pattern, locale(language)).to_string()
}

/// A number with `places` decimals and the language's decimal separator ("1,52").
pub fn decimal(language: Language, value: f64, places: usize) -> String {
    let separator = text(language, "format-decimal-separator", &[]);
    format!("{value:.places$}").replace('.', &separator)
}

/// The message keys of a language's file, for completeness checks.
pub fn keys(language: Language) -> Vec<String> {
    let source = SOURCES
        .iter()
        .find(|(l, _)| *l == language)
        .map_or("", |(_, s)| s);
    source
        .lines()
        .filter(|line| !line.starts_with([' ', '#', '\t']) && line.contains(" ="))
        .filter_map(|line| line.split(" =").next())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_defines_every_message() {
        let spanish = keys(Language::Es);
        assert!(spanish.len() > 10);
        for language in Language::ALL {
            let theirs = keys(*language);
            let missing: Vec<_> = spanish.iter().filter(|k| !theirs.contains(k)).collect();
            let extra: Vec<_> = theirs.iter().filter(|k| !spanish.contains(k)).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}: missing {missing:?}, extra {extra:?}",
                language.as_str()
            );
            let (_, bundle) = catalog()
                .bundles
                .iter()
                .find(|(l, _)| l == language)
                .unwrap();
            for key in &theirs {
                let value = bundle.get_message(key).and_then(|m| m.value());
                assert!(value.is_some(), "{}: {key} has no value", language.as_str());
            }
        }
    }

    /// Each message that chooses its words by a count, with the name of
    /// that count: `{ $count ->` ... `[one]` in its body.
    fn counted_messages(source: &str) -> Vec<(String, String)> {
        let mut found = Vec::new();
        let mut current: Option<String> = None;
        let mut selector: Option<String> = None;
        for line in source.lines() {
            if !line.starts_with([' ', '#', '\t']) && line.contains(" =") {
                current = line.split(" =").next().map(str::to_string);
                selector = None;
            }
            // "{ $age ->": the variable just before the arrow.
            if let Some(arrow) = line.find(" ->")
                && let Some(dollar) = line[..arrow].rfind('$')
            {
                selector = Some(line[dollar + 1..arrow].to_string());
            }
            if line.trim_start().starts_with("[one]")
                && let (Some(key), Some(name)) = (&current, &selector)
                && !found.iter().any(|(k, _): &(String, String)| k == key)
            {
                found.push((key.clone(), name.clone()));
            }
        }
        found
    }

    #[test]
    fn every_count_prints_the_number_it_was_given() {
        // CLDR puts 0 in "one" in Portuguese and French: a branch that
        // wrote "1" would print it for nothing.
        for (language, source) in SOURCES {
            let counted = counted_messages(source);
            assert!(counted.len() >= 5, "{}: {counted:?}", language.as_str());
            for (key, count) in &counted {
                // The message's other arguments, filled with words.
                // (Words, not numbers, so only the count prints digits.)
                let others: Vec<(&str, &str)> = [
                    "name",
                    "place",
                    "sex",
                    "when",
                    "organisation",
                    "hours",
                    "km",
                    "what",
                ]
                .into_iter()
                .map(|name| (name, if name == "sex" { "female" } else { "Ana" }))
                .collect();
                for n in ["0", "1", "2", "5"] {
                    let mut args = others.clone();
                    args.push((count.as_str(), n));
                    let shown = text(language, key, &args);
                    let numbers: Vec<&str> = shown
                        .split(|c: char| !c.is_ascii_digit())
                        .filter(|w| !w.is_empty())
                        .collect();
                    assert!(
                        numbers.contains(&n),
                        "{} {key} with {count} = {n} reads {shown:?}",
                        language.as_str()
                    );
                }
            }
        }
    }

    #[test]
    fn arguments_are_filled_without_isolation_marks() {
        let footer = text(
            Language::Pt,
            "mail-join",
            &[("link", "https://alerta.example/u")],
        );
        assert!(
            footer.ends_with("sua própria região: https://alerta.example/u"),
            "{footer}"
        );
        assert!(!footer.contains('\u{2068}'));
    }

    #[test]
    fn each_language_speaks_its_own() {
        assert_eq!(
            text(Language::Es, "unsubscribe-page-button", &[]),
            "Sí, dar de baja"
        );
        assert_eq!(
            text(Language::Fr, "unsubscribe-page-button", &[]),
            "Oui, me désinscrire"
        );
        assert_eq!(
            text(Language::Pt, "confirm-page-title", &[]),
            "Inscrição confirmada"
        );
        assert_eq!(
            text(Language::En, "confirm-page-title", &[]),
            "Subscription confirmed"
        );
    }

    #[test]
    fn counts_choose_the_plural_form() {
        assert_eq!(
            text(Language::Es, "digest-subject", &[("count", "1")]),
            "1 persona desaparecida en tu zona"
        );
        assert_eq!(
            text(Language::Fr, "digest-subject", &[("count", "3")]),
            "3 personnes disparues dans votre zone"
        );
    }

    #[test]
    fn dates_and_numbers_follow_the_language() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        assert_eq!(long_date(Language::Es, date), "20 de noviembre de 2026");
        assert_eq!(long_date(Language::Pt, date), "20 de novembro de 2026");
        assert_eq!(long_date(Language::Fr, date), "20 novembre 2026");
        assert_eq!(long_date(Language::En, date), "November 20, 2026");
        let at = DateTime::parse_from_rfc3339("2026-11-20T18:30:00-04:00").unwrap();
        assert_eq!(clock_time(Language::Es, &at), "18:30");
        assert_eq!(clock_time(Language::Fr, &at), "18 h 30");
        assert_eq!(clock_time(Language::En, &at), "6:30 PM");
        assert_eq!(decimal(Language::Pt, 1.5, 2), "1,50");
        assert_eq!(decimal(Language::En, 1.5, 2), "1.50");
    }

    #[test]
    fn an_unknown_key_shows_itself() {
        assert_eq!(
            text(Language::En, "no-such-message", &[]),
            "no-such-message"
        );
    }
}

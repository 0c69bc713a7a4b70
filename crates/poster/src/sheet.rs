//! What a poster says, in one language: every line already translated,
//! formatted for its readers and made printable. The PDF and the PNG card
//! only place these strings.

use alerta_core::{Case, CaseDetails, CaseId, Language, Sex};
use alerta_i18n as i18n;
use chrono::{DateTime, NaiveDate, Utc};

use crate::fonts::printable;

/// The case as a poster needs it.
#[derive(Debug, Clone, Copy)]
pub struct PosterCase<'a> {
    pub id: CaseId,
    pub details: &'a CaseDetails,
    /// The police unit or organisation that published the case.
    pub organisation: Option<&'a str>,
    /// The case's public page (with its tip form): the QR code opens it.
    pub page_url: &'a str,
    /// The town (or region) and the country code of the last-seen point,
    /// printed after the place as typed ([`Case::last_seen_locality`]).
    pub locality: Option<&'a str>,
    pub country: Option<&'a str>,
}

impl<'a> PosterCase<'a> {
    /// A stored case as its poster shows it, with its public page.
    pub fn of(case: &'a Case, page_url: &'a str) -> PosterCase<'a> {
        PosterCase {
            id: case.id,
            details: &case.details,
            organisation: case.organisation.as_deref(),
            page_url,
            locality: case.last_seen_locality.as_deref(),
            country: case.last_seen_country(),
        }
    }
}

/// The date a poster printed at `now` shows, and counts today's age from:
/// the day on the clock of the place the person was last seen.
pub fn print_date(details: &CaseDetails, now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(details.last_seen_at.offset())
        .date_naive()
}

/// One labelled line of the description ("Ojos: café").
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub label: String,
    pub value: String,
    /// How many lines it keeps when the page cannot hold everything even
    /// at its smallest type: then the description is shortened, a field at
    /// a time, before the circumstances are.
    pub max_lines: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub language: Language,
    pub headline: String,
    pub name: String,
    pub aliases: Option<String>,
    pub age: String,
    pub facts: Vec<Fact>,
    pub last_seen: Fact,
    /// The "last seen" block beside the phone (under `last_seen`'s label):
    /// the date and time, and the place.
    pub since_when: String,
    pub since_place: String,
    pub circumstances: Fact,
    pub call: String,
    pub phone: String,
    /// A second number, printed smaller under the first.
    pub phone_2: Option<String>,
    pub scan_hint: String,
    pub more_at: String,
    pub case_number: String,
    pub issued_by: Option<String>,
    pub printed: String,
    pub strip_case: String,
    pub no_photo: String,
    pub page_url: String,
    /// The case page's short address, to type from a tear-off strip
    /// ("alerta.example.org/c/4711").
    pub short_link: String,
    /// Against extortion: nobody asks for money.
    pub warning: String,
}

pub fn sheet(case: &PosterCase, language: Language, today: NaiveDate) -> Sheet {
    let d = case.details;
    let t = |key: &str, args: &[(&str, &str)]| printable(&i18n::text(language, key, args));
    let sex = [("sex", d.sex.as_str())];
    let id = case.id.to_string();

    let mut age = t(
        "poster-age",
        &[("age", &d.age_when_last_seen().to_string())],
    );
    if let Some(now) = d.age_now_if_changed(today) {
        age = format!(
            "{age} ({})",
            t("poster-age-now", &[("age", &now.to_string())])
        );
    }
    let fact = |label_key: &str, value: String, max_lines: usize| Fact {
        label: t(label_key, &sex),
        value: printable(&value),
        max_lines,
    };
    let mut facts = vec![
        fact("poster-label-age", age.clone(), 1),
        fact("poster-label-sex", t("poster-sex", &sex), 1),
    ];
    if let Some(cm) = d.height_cm {
        let metres = i18n::decimal(language, cm as f64 / 100.0, 2);
        facts.push(fact("poster-label-height", format!("{metres} m"), 1));
    }
    if let Some(kg) = d.weight_kg {
        facts.push(fact("poster-label-weight", format!("{kg} kg"), 1));
    }
    for (key, value, lines) in [
        ("poster-label-hair", &d.hair, 2),
        ("poster-label-eyes", &d.eyes, 2),
        ("poster-label-marks", &d.marks, 4),
    ] {
        if let Some(value) = value {
            facts.push(fact(key, value.clone(), lines));
        }
    }
    facts.push(fact("poster-label-clothing", d.clothing.clone(), 5));

    let place = i18n::place_line(language, &d.last_seen_place, case.locality, case.country);
    let date = i18n::long_date(language, d.last_seen_at.date_naive());
    let time = i18n::clock_time(language, &d.last_seen_at);
    let last_seen = fact(
        "poster-label-last-seen",
        i18n::text(
            language,
            "poster-last-seen",
            &[("date", &date), ("time", &time), ("place", &place)],
        ),
        3,
    );
    let since_when = t("poster-last-seen-when", &[("date", &date), ("time", &time)]);
    let short_link = short_link(case.page_url, case.id);

    Sheet {
        language,
        headline: t("poster-headline", &sex),
        name: printable(&d.full_name()),
        aliases: d
            .aliases
            .as_ref()
            .map(|a| t("poster-aliases", &[("aliases", a), ("sex", d.sex.as_str())])),
        age,
        facts,
        since_when,
        since_place: printable(&place),
        last_seen,
        circumstances: fact("poster-label-circumstances", d.circumstances.clone(), 4),
        call: t("poster-call", &sex),
        phone: printable(&d.contact_phone),
        phone_2: d.contact_phone_2.as_deref().map(printable),
        scan_hint: t("poster-scan", &[]),
        more_at: t("poster-more-at", &[("link", &short_link)]),
        case_number: t("poster-case", &[("id", &id)]),
        issued_by: case
            .organisation
            .map(|o| t("poster-issued-by", &[("organisation", o)])),
        printed: t(
            "poster-printed",
            &[("date", &i18n::short_date(language, today))],
        ),
        strip_case: t("poster-strip-case", &[("id", &id)]),
        no_photo: t("poster-no-photo", &[]),
        page_url: case.page_url.to_string(),
        short_link,
        warning: t("poster-warning", &[]),
    }
}

/// "alerta.example.org/c/4711" for the page "https://alerta.example.org/cases/4711":
/// the site's `/c/{id}`, which sends to the case page, without the scheme
/// (people type it from a strip of paper).
fn short_link(page_url: &str, id: CaseId) -> String {
    let site = page_url
        .rfind("/cases/")
        .map_or(page_url, |at| &page_url[..at]);
    let site = site
        .strip_prefix("https://")
        .or_else(|| site.strip_prefix("http://"))
        .unwrap_or(site);
    printable(&format!("{site}/c/{id}"))
}

/// The words the headline is chosen by, for tests and callers that need them.
pub fn headline(language: Language, sex: Sex) -> String {
    i18n::text(language, "poster-headline", &[("sex", sex.as_str())])
}

//! Atom feed of the active cases near a place, for people who follow feeds.

use alerta_core::Case;
use alerta_poster::PosterCase;
use chrono::{DateTime, Utc};

use crate::cap::Site;
use crate::xml::{Writer, escape};

/// The feed of `cases` (newest first) under `title`; `self_url` is its own address.
pub fn cases_feed(
    site: &Site,
    self_url: &str,
    title: &str,
    cases: &[Case],
    now: DateTime<Utc>,
) -> String {
    let updated = cases
        .iter()
        .map(|c| c.published_at.unwrap_or(c.updated_at).max(c.updated_at))
        .max()
        .unwrap_or(now);
    let mut w = Writer::new();
    w.open("feed", "xmlns=\"http://www.w3.org/2005/Atom\"");
    w.text("id", self_url)
        .text("title", title)
        .text("updated", &updated.to_rfc3339())
        .empty(
            "link",
            &format!("rel=\"self\" href=\"{}\"", escape(self_url)),
        );
    w.open("author", "").text("name", &site.sender()).close();
    for case in cases {
        let page_url = format!("{}/cases/{}", site.public_url, case.id);
        let at = case.published_at.unwrap_or(case.updated_at);
        let sheet = alerta_poster::sheet(
            &PosterCase::of(case, &page_url),
            case.details.language,
            alerta_poster::print_date(&case.details, at),
        );
        w.open("entry", "")
            .text("id", &page_url)
            .text("title", &format!("{}: {}", sheet.headline, sheet.name))
            .text("updated", &case.updated_at.to_rfc3339())
            .text("published", &at.to_rfc3339())
            .text(
                "summary",
                &format!(
                    "{} {} {} {}",
                    sheet.last_seen.label, sheet.last_seen.value, sheet.call, sheet.phone
                ),
            )
            .empty(
                "link",
                &format!(
                    "rel=\"alternate\" type=\"text/html\" href=\"{}\"",
                    escape(&page_url)
                ),
            )
            .empty(
                "link",
                &format!(
                    "rel=\"enclosure\" type=\"application/pdf\" href=\"{}\"",
                    escape(&format!(
                        "{page_url}/poster.pdf?lang={}",
                        case.details.language.as_str()
                    ))
                ),
            )
            .close();
    }
    w.finish()
}

//! CAP 1.2 (OASIS Common Alerting Protocol): each published case is an
//! alert; widening its area or mailing corrected details is an Update, its
//! end a Cancel, each referencing the messages before it. One `info` per
//! language, with the poster and the photo as resources and the alert circle
//! as the area. Also the Atom feed of current alerts, as CAP feeds go.

use alerta_core::{Case, CaseStatus, Language, Outcome};
use alerta_i18n::text;
use alerta_poster::PosterCase;
use chrono::{DateTime, Utc};

use crate::xml::{Writer, escape};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MsgType {
    Alert,
    Update,
    Cancel,
}

impl MsgType {
    pub fn as_str(self) -> &'static str {
        match self {
            MsgType::Alert => "Alert",
            MsgType::Update => "Update",
            MsgType::Cancel => "Cancel",
        }
    }
}

/// One step of a case's public life that other systems must hear about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub at: DateTime<Utc>,
    pub msg_type: MsgType,
}

/// The CAP messages a case's history (its audit actions, oldest first)
/// calls for: publication, then each widening, re-alert or mailed
/// correction, then its end.
pub fn steps<'a>(history: impl IntoIterator<Item = (DateTime<Utc>, &'a str)>) -> Vec<Step> {
    let mut steps = Vec::new();
    for (at, action) in history {
        let msg_type = match action {
            "published" => MsgType::Alert,
            "widened" | "realerted" | "update_notified" => MsgType::Update,
            "resolved" => MsgType::Cancel,
            _ => continue,
        };
        // Nothing before publication is public; nothing follows the end.
        let started = !steps.is_empty();
        let ended = steps
            .last()
            .is_some_and(|s: &Step| s.msg_type == MsgType::Cancel);
        if (msg_type == MsgType::Alert) != started && !ended {
            steps.push(Step { at, msg_type });
        }
    }
    steps
}

/// Who speaks: the installation, named by its public address.
pub struct Site<'a> {
    /// Base of links, without a trailing slash.
    pub public_url: &'a str,
}

impl Site<'_> {
    /// The host of the public address, which names the sender.
    pub fn host(&self) -> &str {
        let without_scheme = self
            .public_url
            .split_once("://")
            .map_or(self.public_url, |(_, rest)| rest);
        without_scheme
            .split(['/', ':'])
            .next()
            .unwrap_or("localhost")
    }

    pub fn sender(&self) -> String {
        format!("alerta@{}", self.host())
    }

    /// Unique per message, without spaces, commas or markup (CAP 1.2 §3.2.1).
    pub fn identifier(&self, case: i64, message: usize) -> String {
        format!("{}.case-{case}.{}", self.host(), message + 1)
    }
}

/// CAP's date-time: seconds, a numeric offset, "-00:00" for UTC (no "Z").
pub fn cap_time(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S-00:00").to_string()
}

/// The latest message of `case` (None before publication): the document
/// `GET /api/v1/cases/{id}/cap.xml` serves.
pub fn latest(site: &Site, case: &Case, steps: &[Step]) -> Option<String> {
    let last = steps.len().checked_sub(1)?;
    Some(message(site, case, steps, last))
}

/// Message `n` of the case's steps.
pub fn message(site: &Site, case: &Case, steps: &[Step], n: usize) -> String {
    let step = steps[n];
    let sender = site.sender();
    let mut w = Writer::new();
    w.open("alert", "xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"");
    w.text("identifier", &site.identifier(case.id.0, n))
        .text("sender", &sender)
        .text("sent", &cap_time(step.at))
        .text("status", "Actual")
        .text("msgType", step.msg_type.as_str())
        .text("scope", "Public");
    if step.msg_type == MsgType::Cancel {
        let outcome = case.outcome.map_or("resolved", Outcome::as_str);
        w.text("note", &format!("case {} closed: {outcome}", case.id));
    }
    if n > 0 {
        let references: Vec<String> = (0..n)
            .map(|i| {
                format!(
                    "{sender},{},{}",
                    site.identifier(case.id.0, i),
                    cap_time(steps[i].at)
                )
            })
            .collect();
        w.text("references", &references.join(" "));
    }
    for language in Language::ALL {
        info(&mut w, site, case, *language, step);
    }
    w.finish()
}

fn info(w: &mut Writer, site: &Site, case: &Case, language: Language, step: Step) {
    let t = |key: &str, args: &[(&str, &str)]| text(language, key, args);
    let page_url = format!("{}/cases/{}", site.public_url, case.id);
    let today = alerta_poster::print_date(&case.details, step.at);
    let sheet = alerta_poster::sheet(&PosterCase::of(case, &page_url), language, today);
    let name = case.details.full_name();
    let cancelled = step.msg_type == MsgType::Cancel;
    let (headline, description) = if cancelled {
        let found = case.outcome == Some(Outcome::FoundSafe);
        let (subject, body) = if found {
            ("found-subject-found", "found-body-found")
        } else {
            ("found-subject-closed", "found-body-closed")
        };
        (t(subject, &[("name", &name)]), t(body, &[("name", &name)]))
    } else {
        let mut lines = vec![
            format!("{}, {}.", sheet.name, sheet.age),
            format!("{} {}", sheet.last_seen.label, sheet.last_seen.value),
            format!(
                "{} {}",
                sheet.circumstances.label, sheet.circumstances.value
            ),
        ];
        lines.extend(
            sheet
                .facts
                .iter()
                .map(|f| format!("{} {}", f.label, f.value)),
        );
        (
            format!("{}: {}", sheet.headline, sheet.name),
            lines.join("\n"),
        )
    };
    w.open("info", "");
    w.text("language", language.as_str())
        .text("category", "Rescue")
        .text("event", &t("cap-event", &[]))
        .text("urgency", "Immediate")
        .text("severity", "Severe")
        .text("certainty", "Likely");
    if let Some(organisation) = &case.organisation {
        w.text("senderName", organisation);
    }
    w.text("headline", &headline)
        .text("description", &description);
    if !cancelled {
        w.text(
            "instruction",
            &format!(
                "{} {}. {}",
                sheet.call,
                sheet.phone,
                t(
                    "cap-instruction",
                    &[("link", &page_url), ("sex", case.details.sex.as_str())]
                )
            ),
        );
    }
    w.text("web", &page_url).text("contact", &sheet.phone);
    if !cancelled {
        resource(
            w,
            &t("cap-poster", &[]),
            "application/pdf",
            &format!("{page_url}/poster.pdf?lang={}&paper=a4", language.as_str()),
        );
        if case.has_photo && case.status == CaseStatus::Active {
            resource(
                w,
                &t("cap-photo", &[]),
                "image/jpeg",
                &format!(
                    "{}/api/v1/cases/{}/photo?v={}",
                    site.public_url, case.id, case.version
                ),
            );
        }
    }
    let area = case.alert_area();
    let circle = area.circle;
    w.open("area", "")
        .text("areaDesc", &alerta_i18n::last_seen_place(language, case));
    // CAP 1.2 lists an area's polygons before its circles.
    for ring in cap_rings(&area) {
        w.text("polygon", &ring);
    }
    w.text(
        "circle",
        &format!(
            "{:.5},{:.5} {}",
            circle.center.lat, circle.center.lng, circle.radius_km
        ),
    )
    .close();
    w.close();
}

/// The corridor's edge and the polygon as CAP rings: "lat,lng" pairs
/// separated by spaces, the first repeated at the end. The corridor's
/// straight stretches get a point every 50 km, so a reader drawing its
/// edges straight on a flat map strays little from the great circles.
fn cap_rings(area: &alerta_core::area::AlertArea) -> Vec<String> {
    let ring = |points: &[alerta_core::Coordinates]| {
        points
            .iter()
            .chain(points.first())
            .map(|p| format!("{:.5},{:.5}", p.lat, p.lng))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut rings = Vec::new();
    if let Some(corridor) = &area.corridor {
        rings.push(ring(&corridor.outline(50.0)));
    }
    if let Some(polygon) = &area.polygon {
        rings.push(ring(&polygon.ring));
    }
    rings
}

fn resource(w: &mut Writer, description: &str, mime: &str, uri: &str) {
    w.open("resource", "")
        .text("resourceDesc", description)
        .text("mimeType", mime)
        .text("uri", uri)
        .close();
}

/// One current alert in the feed.
pub struct FeedEntry<'a> {
    pub case: &'a Case,
    pub steps: &'a [Step],
}

/// The Atom feed of current alerts: one entry per case, linking its latest
/// CAP message (`application/cap+xml`) and its page.
pub fn feed(site: &Site, entries: &[FeedEntry], now: DateTime<Utc>) -> String {
    let updated = entries
        .iter()
        .filter_map(|e| e.steps.last().map(|s| s.at))
        .max()
        .unwrap_or(now);
    let mut w = Writer::new();
    w.open("feed", "xmlns=\"http://www.w3.org/2005/Atom\"");
    w.text("id", &format!("{}/feeds/cap.atom", site.public_url))
        .text("title", "Alerta — CAP")
        .text("updated", &updated.to_rfc3339())
        .empty(
            "link",
            &format!(
                "rel=\"self\" href=\"{}\"",
                escape(&format!("{}/feeds/cap.atom", site.public_url))
            ),
        );
    w.open("author", "").text("name", &site.sender()).close();
    for entry in entries {
        let Some(last) = entry.steps.len().checked_sub(1) else {
            continue;
        };
        let case = entry.case;
        let step = entry.steps[last];
        let page_url = format!("{}/cases/{}", site.public_url, case.id);
        let cap_url = format!("{}/api/v1/cases/{}/cap.xml", site.public_url, case.id);
        let sheet = alerta_poster::sheet(
            &PosterCase::of(case, &page_url),
            case.details.language,
            alerta_poster::print_date(&case.details, step.at),
        );
        w.open("entry", "")
            .text(
                "id",
                &format!("urn:cap:{}", site.identifier(case.id.0, last)),
            )
            .text("title", &format!("{}: {}", sheet.headline, sheet.name))
            .text("updated", &step.at.to_rfc3339())
            .text(
                "summary",
                &format!("{} {}", sheet.last_seen.label, sheet.last_seen.value),
            )
            .empty(
                "link",
                &format!(
                    "rel=\"alternate\" type=\"application/cap+xml\" href=\"{}\"",
                    escape(&cap_url)
                ),
            )
            .empty(
                "link",
                &format!(
                    "rel=\"related\" type=\"text/html\" href=\"{}\"",
                    escape(&page_url)
                ),
            )
            .close();
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minute: u32) -> DateTime<Utc> {
        format!("2026-11-20T18:{minute:02}:00Z").parse().unwrap()
    }

    #[test]
    fn the_history_becomes_alert_updates_and_cancel() {
        let history = [
            (at(0), "created"),
            (at(1), "edited"),
            (at(2), "published"),
            (at(3), "edited"),
            (at(4), "widened"),
            (at(5), "update_notified"),
            (at(6), "resolved"),
            (at(7), "edited"),
        ];
        let kinds: Vec<MsgType> = steps(history).iter().map(|s| s.msg_type).collect();
        assert_eq!(
            kinds,
            [
                MsgType::Alert,
                MsgType::Update,
                MsgType::Update,
                MsgType::Cancel
            ]
        );
        assert!(steps([(at(0), "widened"), (at(1), "resolved")]).is_empty());
    }

    #[test]
    fn identifiers_and_times_follow_cap() {
        let site = Site {
            public_url: "https://alerta.example:8443/base",
        };
        assert_eq!(site.host(), "alerta.example");
        assert_eq!(site.identifier(12, 0), "alerta.example.case-12.1");
        assert_eq!(cap_time(at(5)), "2026-11-20T18:05:00-00:00");
    }
}

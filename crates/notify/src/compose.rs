//! Messages in the volunteer's language: text and HTML parts, and the
//! headers mail providers expect from bulk senders.

use std::error::Error;

use alerta_core::text::escape_html;
use alerta_core::{Case, Language, Outcome};
use alerta_i18n::text;
use lettre::Message;
use lettre::message::header::{ContentType, Header, HeaderName, HeaderValue};
use lettre::message::{Attachment, Body, Mailbox, MultiPart, SinglePart};

/// What every message needs to know about the installation.
#[derive(Clone, Debug)]
pub struct MailContext {
    /// Base of links, without a trailing slash.
    pub public_url: String,
    pub from: Mailbox,
    /// The right-hand side of our Message-IDs.
    pub domain: String,
}

impl MailContext {
    pub fn new(public_url: &str, from: &str) -> Result<MailContext, String> {
        let from: Mailbox = from
            .parse()
            .map_err(|e| format!("ALERTA_MAIL_FROM is not an address: {e}"))?;
        let domain = from.email.domain().to_string();
        Ok(MailContext {
            public_url: public_url.trim_end_matches('/').to_string(),
            from,
            domain,
        })
    }

    /// The same on every retry of the same message, so receivers can spot repeats.
    pub fn message_id(&self, kind: &str, subject_id: i64, volunteer_id: i64) -> String {
        format!("{kind}.{subject_id}.{volunteer_id}@{}", self.domain)
    }

    pub fn link(&self, path_and_query: &str) -> String {
        format!("{}{}", self.public_url, path_and_query)
    }
}

/// A message ready for the mailer.
pub struct Composed {
    pub message: Message,
    pub message_id: String,
}

/// `List-Unsubscribe: <https://…/unsubscribe?token=…>` (RFC 2369).
#[derive(Clone)]
struct ListUnsubscribe(String);

impl Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }
    fn parse(s: &str) -> Result<Self, Box<dyn Error + Send + Sync>> {
        Ok(ListUnsubscribe(s.to_string()))
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058).
#[derive(Clone)]
struct ListUnsubscribePost;

impl Header for ListUnsubscribePost {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }
    fn parse(_: &str) -> Result<Self, Box<dyn Error + Send + Sync>> {
        Ok(ListUnsubscribePost)
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".to_string())
    }
}

/// Who a message goes to, and what every message to them carries.
pub struct Envelope<'a> {
    pub to: &'a str,
    pub language: Language,
    /// Without angle brackets; stable across retries.
    pub message_id: String,
    /// The one-click link of the `List-Unsubscribe` header. It is never
    /// written in the body: a forwarded message would hand it to the friend.
    pub unsubscribe_url: &'a str,
}

/// Links a footer names, in the mail's language. None of them acts on the
/// recipient's subscription: they stay safe in a forwarded copy.
struct FooterLinks {
    /// Asks for the address, and mails that address a manage link.
    manage: String,
    /// The subscribe page, for a friend who reads a forward.
    join: String,
}

impl FooterLinks {
    fn new(ctx: &MailContext, language: Language) -> FooterLinks {
        let lang = language.as_str();
        FooterLinks {
            manage: ctx.link(&format!("/subscriptions/manage?lang={lang}")),
            join: ctx.link(&format!("/subscribe?lang={lang}")),
        }
    }
}

/// A footer line and the link in it, for the text part as it is and for
/// the HTML part with the link as a link.
struct FooterLine {
    text: String,
    link: String,
}

impl FooterLine {
    fn html(&self) -> String {
        linked_html(&self.text, &self.link)
    }
}

/// The footer of mail that invites forwarding (alerts, updates, found,
/// digests): why it was sent, said so it stays true for a friend who reads
/// a forward, the invitation to subscribe, and how the volunteer manages
/// their alerts without any link that would work for someone else.
fn forwardable_footer(ctx: &MailContext, language: Language) -> Vec<FooterLine> {
    let links = FooterLinks::new(ctx, language);
    vec![
        FooterLine {
            text: text(language, "mail-join", &[("link", &links.join)]),
            link: links.join,
        },
        FooterLine {
            text: text(language, "mail-why", &[]),
            link: String::new(),
        },
        FooterLine {
            text: text(language, "mail-manage-stop", &[("link", &links.manage)]),
            link: links.manage,
        },
    ]
}

/// The footer of mail meant for its recipient alone (confirmations, manage links).
fn personal_footer(ctx: &MailContext, language: Language) -> Vec<FooterLine> {
    let links = FooterLinks::new(ctx, language);
    vec![FooterLine {
        text: text(language, "mail-manage-stop", &[("link", &links.manage)]),
        link: links.manage,
    }]
}

fn footer_text(lines: &[FooterLine]) -> String {
    lines
        .iter()
        .map(|line| line.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

fn footer_html(lines: &[FooterLine]) -> String {
    lines
        .iter()
        .map(|line| format!("<p style=\"color:#555;font-size:.9em\">{}</p>", line.html()))
        .collect()
}

/// `text` escaped for HTML, with `url` in it (if any) as a link.
fn linked_html(text: &str, url: &str) -> String {
    let escaped = escape_html(text);
    if url.is_empty() {
        return escaped;
    }
    let url = escape_html(url);
    escaped.replacen(&url, &format!("<a href=\"{url}\">{url}</a>"), 1)
}

/// A file that messages carry (the photo, the poster), encoded for mail
/// once and shared by every message of a round that carries it: encoding
/// it again for each of 100 000 messages would be wasted work.
#[derive(Clone)]
pub struct EncodedFile(Body);

impl EncodedFile {
    pub fn new(bytes: &[u8]) -> EncodedFile {
        EncodedFile(Body::new(bytes.to_vec()))
    }
}

/// An image shown inside the HTML part, referenced as `cid:{content_id}`.
struct InlineImage<'a> {
    content_id: String,
    jpeg: &'a EncodedFile,
}

fn build(
    ctx: &MailContext,
    envelope: Envelope<'_>,
    subject: &str,
    text_body: String,
    html_body: String,
) -> Result<Composed, String> {
    build_message(ctx, envelope, subject, text_body, html_body, None, None)
}

/// The printable poster, attached as a PDF file.
struct PosterAttachment<'a> {
    filename: String,
    pdf: &'a EncodedFile,
}

/// Like [`build`]; with an image, the parts are wrapped in multipart/related
/// so that mail clients show it inside the HTML instead of as an attachment;
/// with a poster, all that and the PDF go in multipart/mixed.
fn build_message(
    ctx: &MailContext,
    envelope: Envelope<'_>,
    subject: &str,
    text_body: String,
    html_body: String,
    image: Option<InlineImage<'_>>,
    poster: Option<PosterAttachment<'_>>,
) -> Result<Composed, String> {
    let to: Mailbox = envelope
        .to
        .parse()
        .map_err(|e| format!("the recipient address is not valid: {e}"))?;
    let message = Message::builder()
        .from(ctx.from.clone())
        .to(to)
        .subject(subject)
        .message_id(Some(format!("<{}>", envelope.message_id)))
        .header(ListUnsubscribe(format!("<{}>", envelope.unsubscribe_url)))
        .header(ListUnsubscribePost)
        .multipart({
            let alternative = MultiPart::alternative()
                .singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_PLAIN)
                        .body(text_body),
                )
                .singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_HTML)
                        .body(html_body),
                );
            let body = match image {
                None => alternative,
                Some(image) => MultiPart::related().multipart(alternative).singlepart(
                    Attachment::new_inline(image.content_id).body(
                        image.jpeg.0.clone(),
                        ContentType::parse("image/jpeg").expect("a valid media type"),
                    ),
                ),
            };
            match poster {
                None => body,
                Some(poster) => MultiPart::mixed().multipart(body).singlepart(
                    Attachment::new(poster.filename).body(
                        poster.pdf.0.clone(),
                        ContentType::parse("application/pdf").expect("a valid media type"),
                    ),
                ),
            }
        })
        .map_err(|e| format!("the message cannot be built: {e}"))?;
    Ok(Composed {
        message,
        message_id: envelope.message_id,
    })
}

/// "Confirm your subscription", with the single-use link.
pub fn confirmation(
    ctx: &MailContext,
    envelope: Envelope<'_>,
    zone: Option<&str>,
    follows: &[String],
    confirm_url: &str,
    valid_hours: i64,
) -> Result<Composed, String> {
    let language = envelope.language;
    let t = |key: &str, args: &[(&str, &str)]| text(language, key, args);
    let hours = valid_hours.to_string();
    let subject = t("confirm-subject", &[]);
    let greeting = t("confirm-greeting", &[]);
    // New zones, followed cases, or both: say what the link turns on.
    let mut asked = Vec::new();
    if let Some(zone) = zone {
        asked.push(t("confirm-body", &[("zone", zone), ("hours", &hours)]));
    }
    if !follows.is_empty() {
        let cases = follows.join("; ");
        asked.push(t(
            "confirm-follow-body",
            &[("cases", &cases), ("hours", &hours)],
        ));
    }
    let body = asked.join("\n\n");
    personal_link_mail(ctx, envelope, &subject, &[greeting, body], confirm_url)
}

/// A fresh manage link, asked for by address: single use, short-lived.
pub fn manage_link(
    ctx: &MailContext,
    envelope: Envelope<'_>,
    manage_url: &str,
    valid_hours: i64,
) -> Result<Composed, String> {
    let language = envelope.language;
    let hours = valid_hours.to_string();
    let subject = text(language, "manage-mail-subject", &[]);
    let paragraphs = [
        text(language, "confirm-greeting", &[]),
        text(language, "manage-mail-body", &[("hours", &hours)]),
    ];
    personal_link_mail(ctx, envelope, &subject, &paragraphs, manage_url)
}

/// A mail whose point is one personal link (confirm, manage): the
/// paragraphs, the link large, and "ignore this if it was not you".
fn personal_link_mail(
    ctx: &MailContext,
    envelope: Envelope<'_>,
    subject: &str,
    paragraphs: &[String],
    url: &str,
) -> Result<Composed, String> {
    let language = envelope.language;
    let ignore = text(language, "confirm-ignore", &[]);
    let footer = personal_footer(ctx, language);
    let text_body = format!(
        "{}\n\n{url}\n\n{ignore}\n\n-- \n{}\n",
        paragraphs.join("\n\n"),
        footer_text(&footer)
    );
    let paragraphs_html: String = paragraphs
        .iter()
        .map(|p| format!("<p>{}</p>", escape_html(p)))
        .collect();
    let html_body = format!(
        "<!doctype html><html lang=\"{lang}\"><body style=\"font-family:sans-serif;max-width:36em\">\
         {paragraphs_html}\
         <p><a href=\"{url}\" style=\"font-size:1.2em;font-weight:bold\">{url}</a></p>\
         <p>{ignore}</p><hr>{footer}</body></html>",
        lang = language.as_str(),
        url = escape_html(url),
        ignore = escape_html(&ignore),
        footer = footer_html(&footer),
    );
    build(ctx, envelope, subject, text_body, html_body)
}

/// The alert for a case: every essential field in the text part, so it
/// still reads right when forwarded; the HTML part says the same.
pub fn alert(
    ctx: &MailContext,
    envelope: Envelope<'_>,
    case: &Case,
    photo: Option<&EncodedFile>,
    poster: Option<&EncodedFile>,
) -> Result<Composed, String> {
    alert_or_update(ctx, envelope, case, photo, poster, false)
}

/// "Updated information": the whole alert again, as police corrected it.
pub fn update(
    ctx: &MailContext,
    envelope: Envelope<'_>,
    case: &Case,
    photo: Option<&EncodedFile>,
    poster: Option<&EncodedFile>,
) -> Result<Composed, String> {
    alert_or_update(ctx, envelope, case, photo, poster, true)
}

fn alert_or_update(
    ctx: &MailContext,
    envelope: Envelope<'_>,
    case: &Case,
    photo: Option<&EncodedFile>,
    poster: Option<&EncodedFile>,
    is_update: bool,
) -> Result<Composed, String> {
    let language = envelope.language;
    let d = &case.details;
    let t = |key: &str, args: &[(&str, &str)]| text(language, key, args);
    let name = d.full_name();
    let age = d.age_when_last_seen().to_string();
    let when = local_time(&d.last_seen_at, language);
    let link = ctx.link(&format!("/cases/{}", case.id));
    let subject = t(
        "alert-subject",
        &[
            ("sex", d.sex.as_str()),
            ("name", &name),
            ("age", &age),
            ("place", &d.last_seen_place),
        ],
    );
    let (subject, update_line) = if is_update {
        (
            t("update-subject", &[("name", &name)]),
            format!("{}\n\n", t("update-intro", &[])),
        )
    } else {
        (subject, String::new())
    };
    let mut description = Vec::new();
    let mut describe = |key: &str, arg: &str, value: Option<String>| {
        if let Some(value) = value {
            description.push(t(key, &[(arg, &value)]));
        }
    };
    describe("alert-height", "cm", d.height_cm.map(|v| v.to_string()));
    describe("alert-weight", "kg", d.weight_kg.map(|v| v.to_string()));
    describe("alert-hair", "hair", d.hair.clone());
    describe("alert-eyes", "eyes", d.eyes.clone());
    describe("alert-marks", "marks", d.marks.clone());
    let organisation = case.organisation.clone().unwrap_or_else(|| "Alerta".into());
    let sections: Vec<(String, String)> = [
        (t("alert-circumstances", &[]), d.circumstances.clone()),
        (t("alert-clothing", &[]), d.clothing.clone()),
        (t("alert-description", &[]), description.join("\n")),
    ]
    .into_iter()
    .filter(|(_, body)| !body.is_empty())
    .collect();
    let intro = t(
        "alert-intro",
        &[("name", &name), ("phone", &d.contact_phone)],
    );
    let last_seen = t(
        "alert-last-seen",
        &[("when", &when), ("place", &d.last_seen_place)],
    );
    let case_line = t(
        "alert-case",
        &[
            ("id", &case.id.to_string()),
            ("organisation", &organisation),
        ],
    );
    let link_line = t("alert-link", &[("link", &link)]);
    let forward = match poster {
        Some(_) => format!(
            "{} {}",
            t("alert-poster-attached", &[]),
            t("alert-forward", &[])
        ),
        None => t("alert-forward", &[]),
    };
    let footer = forwardable_footer(ctx, language);

    // The phone and the case link first: a forwarded copy is read from the top.
    let mut text_body = format!("{subject}\n\n{update_line}{intro}\n{link_line}\n\n{last_seen}\n");
    for (title, body) in &sections {
        text_body.push_str(&format!("\n{title}:\n{body}\n"));
    }
    text_body.push_str(&format!(
        "\n{case_line}\n\n{forward}\n\n-- \n{}\n",
        footer_text(&footer)
    ));

    let mut html_body = format!(
        "<!doctype html><html lang=\"{lang}\"><body style=\"font-family:sans-serif;max-width:40em\">\
         <h1 style=\"font-size:1.5em\">{subject}</h1><p style=\"font-size:1.2em\"><strong>{intro}</strong></p>\
         <p>{link_line}</p><p>{last_seen}</p>",
        lang = language.as_str(),
        subject = escape_html(&subject),
        intro = escape_html(&intro),
        link_line = linked_html(&link_line, &link),
        last_seen = escape_html(&last_seen),
    );
    let content_id = format!("photo.{}@{}", case.id, ctx.domain);
    if photo.is_some() {
        html_body.push_str(&format!(
            "<p><img src=\"cid:{}\" alt=\"{}\" style=\"max-width:100%;width:320px\"></p>",
            escape_html(&content_id),
            escape_html(&name)
        ));
    }
    for (title, body) in &sections {
        html_body.push_str(&format!(
            "<h2 style=\"font-size:1.1em\">{}</h2><p>{}</p>",
            escape_html(title),
            escape_html(body).replace('\n', "<br>")
        ));
    }
    html_body.push_str(&format!(
        "<p>{case_line}</p><p>{forward}</p><hr>{footer}</body></html>",
        case_line = escape_html(&case_line),
        forward = escape_html(&forward),
        footer = footer_html(&footer),
    ));
    let image = photo.map(|jpeg| InlineImage { content_id, jpeg });
    let poster = poster.map(|pdf| PosterAttachment {
        filename: format!("alerta-{}-{}.pdf", case.id, language.as_str()),
        pdf,
    });
    build_message(ctx, envelope, &subject, text_body, html_body, image, poster)
}

/// "Found — thank you, please take the posters down", without the photo.
pub fn found(ctx: &MailContext, envelope: Envelope<'_>, case: &Case) -> Result<Composed, String> {
    let language = envelope.language;
    let name = case.details.full_name();
    let closed_only = case.outcome != Some(Outcome::FoundSafe);
    let (subject_key, body_key) = if closed_only {
        ("found-subject-closed", "found-body-closed")
    } else {
        ("found-subject-found", "found-body-found")
    };
    let subject = text(language, subject_key, &[("name", &name)]);
    let body = text(language, body_key, &[("name", &name)]);
    let footer = forwardable_footer(ctx, language);
    let text_body = format!("{body}\n\n-- \n{}\n", footer_text(&footer));
    let html_body = format!(
        "<!doctype html><html lang=\"{}\"><body style=\"font-family:sans-serif;max-width:40em\"><p>{}</p>\
         <hr>{}</body></html>",
        language.as_str(),
        escape_html(&body),
        footer_html(&footer),
    );
    build(ctx, envelope, &subject, text_body, html_body)
}

/// The last-seen time as people there read it: local clock, with its offset.
fn local_time(at: &chrono::DateTime<chrono::FixedOffset>, language: Language) -> String {
    let pattern = match language {
        Language::En => "%Y-%m-%d %H:%M",
        _ => "%d/%m/%Y %H:%M",
    };
    format!("{} (UTC{})", at.format(pattern), at.format("%:z"))
}

/// The cases already active in a new volunteer's zones, one line each.
pub fn digest(
    ctx: &MailContext,
    envelope: Envelope<'_>,
    cases: &[&Case],
) -> Result<Composed, String> {
    let language = envelope.language;
    let count = cases.len().to_string();
    let subject = text(language, "digest-subject", &[("count", &count)]);
    let intro = text(language, "digest-intro", &[]);
    let footer = forwardable_footer(ctx, language);
    let lines: Vec<(String, String)> = cases
        .iter()
        .map(|case| {
            let d = &case.details;
            let line = text(
                language,
                "digest-line",
                &[
                    ("name", &d.full_name()),
                    ("age", &d.age_when_last_seen().to_string()),
                    ("when", &local_time(&d.last_seen_at, language)),
                    ("place", &d.last_seen_place),
                ],
            );
            (line, ctx.link(&format!("/cases/{}", case.id)))
        })
        .collect();
    let mut text_body = format!("{intro}\n\n");
    for (line, link) in &lines {
        text_body.push_str(&format!("- {line}\n  {link}\n"));
    }
    text_body.push_str(&format!("\n-- \n{}\n", footer_text(&footer)));
    let items: String = lines
        .iter()
        .map(|(line, link)| {
            format!(
                "<li><a href=\"{}\">{}</a></li>",
                escape_html(link),
                escape_html(line)
            )
        })
        .collect();
    let html_body = format!(
        "<!doctype html><html lang=\"{}\"><body style=\"font-family:sans-serif;max-width:40em\"><p>{}</p><ul>{items}</ul>\
         <hr>{}</body></html>",
        language.as_str(),
        escape_html(&intro),
        footer_html(&footer),
    );
    build(ctx, envelope, &subject, text_body, html_body)
}

/// Tips, to the police contact of their case: plain text, each tip as its
/// sender wrote it, and the link to the case's desk where all its tips are.
/// One tip alone, or the digest of the sightings that came within a few
/// minutes (`first` is the first one's id: the Message-ID stays the same on
/// a retry). Staff mail, not a list: no unsubscribe headers.
pub fn tips(
    ctx: &MailContext,
    to: &str,
    case: &Case,
    first: i64,
    tips: &[alerta_core::Tip],
) -> Result<Composed, String> {
    let language = case.details.language;
    let t = |key: &str, args: &[(&str, &str)]| text(language, key, args);
    let name = case.details.full_name();
    let id = case.id.to_string();
    let count = tips.len().to_string();
    let about_me = tips
        .first()
        .is_some_and(|tip| tip.tip.kind == alerta_core::TipKind::AboutMe);
    let (subject_key, intro_key) = match (about_me, tips.len()) {
        (true, _) => ("about-me-mail-subject", "about-me-mail-intro"),
        (false, 1) => ("tip-mail-subject", "tip-mail-intro"),
        (false, _) => ("tips-mail-subject", "tips-mail-intro"),
    };
    let args = [
        ("name", name.as_str()),
        ("id", id.as_str()),
        ("count", count.as_str()),
    ];
    let subject = t(subject_key, &args);
    let mut lines = vec![t(intro_key, &args)];
    for (n, tip) in tips.iter().enumerate() {
        lines.push(String::new());
        if tips.len() > 1 {
            lines.push(format!(
                "— {}/{} · {}",
                n + 1,
                tips.len(),
                tip.received_at.format("%Y-%m-%d %H:%M UTC")
            ));
        }
        lines.extend(tip_lines(tip, language));
    }
    lines.push(String::new());
    lines.push(t(
        "tip-mail-desk",
        &[("link", &ctx.link(&format!("/police/cases/{}", case.id)))],
    ));
    let message_id = format!("tip.{first}.{}@{}", case.id, ctx.domain);
    staff_mail(ctx, to, "the police contact", &subject, &lines, message_id)
}

/// Plain-text mail to staff (an officer, an organisation's contact): no
/// list headers. `who` names the recipient in the error of a bad address.
fn staff_mail(
    ctx: &MailContext,
    to: &str,
    who: &str,
    subject: &str,
    lines: &[String],
    message_id: String,
) -> Result<Composed, String> {
    let to: Mailbox = to
        .parse()
        .map_err(|e| format!("the address of {who} is not valid: {e}"))?;
    let message = Message::builder()
        .from(ctx.from.clone())
        .to(to)
        .subject(subject)
        .message_id(Some(format!("<{message_id}>")))
        .header(ContentType::TEXT_PLAIN)
        .body(lines.join("\n") + "\n")
        .map_err(|e| format!("the message cannot be built: {e}"))?;
    Ok(Composed {
        message,
        message_id,
    })
}

/// One tip as the officer reads it: the message, then who and what else.
fn tip_lines(tip: &alerta_core::Tip, language: Language) -> Vec<String> {
    let t = |key: &str| text(language, key, &[]);
    let anonymous = t("police-anonymous");
    let mut lines = vec![
        tip.tip.message.clone(),
        String::new(),
        format!(
            "{} {}",
            t("tip-nickname"),
            tip.tip.nickname.as_deref().unwrap_or(&anonymous)
        ),
    ];
    if let Some(contact) = &tip.tip.contact {
        lines.push(format!("{} {contact}", t("tip-contact")));
    }
    if let Some(place) = &tip.tip.seen_place {
        lines.push(format!("{} {place}", t("tip-seen-place")));
    }
    if let Some(at) = &tip.tip.seen_at {
        lines.push(format!("{} {}", t("tip-seen-at"), local_time(at, language)));
    }
    if let Some(point) = tip.tip.seen_near {
        lines.push(format!("geo:{:.5},{:.5}", point.lat, point.lng));
    }
    lines
}

/// To an organisation whose jurisdiction a case's alert reaches into (a
/// border town): the case, and the desk where its officers read it and its
/// tips. Staff mail, in the case's language, no unsubscribe headers.
pub fn organisation_notice(
    ctx: &MailContext,
    to: &str,
    organisation: &alerta_core::Organisation,
    case: &Case,
) -> Result<Composed, String> {
    let language = case.details.language;
    let t = |key: &str, args: &[(&str, &str)]| text(language, key, args);
    let d = &case.details;
    let name = d.full_name();
    let id = case.id.to_string();
    let owner = case.organisation.clone().unwrap_or_else(|| "Alerta".into());
    let subject = t("org-notice-subject", &[("name", &name), ("id", &id)]);
    let when = local_time(&d.last_seen_at, language);
    let lines = [
        t(
            "org-notice-intro",
            &[("organisation", &organisation.name), ("owner", &owner)],
        ),
        String::new(),
        t(
            "alert-last-seen",
            &[("when", &when), ("place", &d.last_seen_place)],
        ),
        t(
            "alert-intro",
            &[("name", &name), ("phone", &d.contact_phone)],
        ),
        String::new(),
        t(
            "org-notice-desk",
            &[
                ("organisation", &organisation.name),
                ("link", &ctx.link(&format!("/police/cases/{}", case.id))),
            ],
        ),
    ];
    // The same on every retry: one notice per case and organisation.
    let message_id = format!(
        "org_notice.{}.{}@{}",
        case.id, organisation.id.0, ctx.domain
    );
    staff_mail(
        ctx,
        to,
        "the organisation's contact",
        &subject,
        &lines,
        message_id,
    )
}

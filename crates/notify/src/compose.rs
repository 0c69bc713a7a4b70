//! Messages in the volunteer's language: text and HTML parts, and the
//! headers mail providers expect from bulk senders.

use std::error::Error;
use std::sync::Arc;

use alerta_core::{Case, Language, Outcome};
use alerta_i18n::text;
use alerta_poster::Paper;
use lettre::Message;
use lettre::message::header::{self, ContentType, Header, HeaderName, HeaderValue, Headers};
use lettre::message::{Attachment, Body, Mailbox, MultiPart, SinglePart};

use crate::layout::{self, Block, Button, Item, Tone};
pub use crate::outgoing::Composed;
use crate::outgoing::WrittenBody;

/// What every message needs to know about the installation.
#[derive(Clone, Debug)]
pub struct MailContext {
    /// Base of links, without a trailing slash.
    pub public_url: String,
    pub from: Mailbox,
    /// The right-hand side of our Message-IDs.
    pub domain: String,
    /// Signs every message, when a DKIM key is set.
    pub dkim: Option<Arc<crate::dkim::Signer>>,
    /// Each message's own return address, when `ALERTA_RETURN_PATH` is set.
    pub return_path: Option<crate::verp::ReturnPath>,
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
            dkim: None,
            return_path: None,
        })
    }

    /// Every message signed by `signer` from now on.
    pub fn signing_with(mut self, signer: crate::dkim::Signer) -> MailContext {
        self.dkim = Some(Arc::new(signer));
        self
    }

    /// Every message sent from its own tagged address under `return_path`.
    pub fn returning_to(mut self, return_path: crate::verp::ReturnPath) -> MailContext {
        self.return_path = Some(return_path);
        self
    }

    /// A message ready to send: the recipient's header fields `head` over
    /// `body`, with the DKIM signature first when a key is set. The last
    /// step of composing, so the signature covers the bytes that go out.
    fn finished(
        &self,
        head: Vec<u8>,
        body: Arc<WrittenBody>,
        envelope: lettre::address::Envelope,
        message_id: String,
    ) -> Composed {
        let head = match &self.dkim {
            Some(signer) => {
                let headers = [head.as_slice(), body.part_headers()].concat();
                let field =
                    signer.signature(&headers, body.dkim_hash(), chrono::Utc::now().timestamp());
                [field.as_bytes(), &head].concat()
            }
            None => head,
        };
        Composed {
            head,
            body,
            envelope,
            message_id,
        }
    }

    /// A message lettre built whole (staff mail: one recipient each),
    /// ready to send.
    fn finished_whole(&self, message: Message, message_id: String) -> Composed {
        let mut head = message.formatted();
        let body = match memchr::memmem::find(&head, b"\r\n\r\n") {
            Some(at) => head.split_off(at + 2),
            None => Vec::new(),
        };
        let envelope = message.envelope().clone();
        self.finished(head, Arc::new(WrittenBody::new(body)), envelope, message_id)
    }

    /// The same on every retry of the same message, so receivers can spot repeats.
    pub fn message_id(&self, kind: &str, subject_id: i64, volunteer_id: i64) -> String {
        format!("{kind}.{subject_id}.{volunteer_id}@{}", self.domain)
    }

    pub fn link(&self, path_and_query: &str) -> String {
        format!("{}{}", self.public_url, path_and_query)
    }
}

/// What every recipient of one mail gets alike: its subject, and its body
/// written out once ([`crate::outgoing`]).
pub struct Content {
    subject: String,
    body: Arc<WrittenBody>,
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

/// A header whose value is text we write: `List-Id`, `Feedback-ID`,
/// `Auto-Submitted`.
macro_rules! text_header {
    ($type:ident, $name:literal, $why:literal) => {
        #[doc = $why]
        #[derive(Clone)]
        struct $type(String);

        impl Header for $type {
            fn name() -> HeaderName {
                HeaderName::new_from_ascii_str($name)
            }
            fn parse(s: &str) -> Result<Self, Box<dyn Error + Send + Sync>> {
                Ok($type(s.to_string()))
            }
            fn display(&self) -> HeaderValue {
                HeaderValue::new(Self::name(), self.0.clone())
            }
        }
    };
}

text_header!(
    ListId,
    "List-Id",
    "`List-Id: Alerta <alerts.alerta.example>` (RFC 2919): filters and providers tell the list by it."
);
text_header!(
    FeedbackId,
    "Feedback-ID",
    "`Feedback-ID: alert:es:alerta`: what a provider's complaint reports group by (the kind of mail, its language, the sender)."
);
text_header!(
    AutoSubmitted,
    "Auto-Submitted",
    "`Auto-Submitted: auto-generated` (RFC 3834): no vacation reply comes back to a message no person wrote."
);

/// Who a message goes to, and what every message to them carries.
pub struct Envelope<'a> {
    pub to: &'a str,
    pub language: Language,
    /// Without angle brackets; stable across retries.
    pub message_id: String,
    /// The one-click link of the `List-Unsubscribe` header. It is never
    /// written in the body: a forwarded message would hand it to the friend.
    /// None for a partner, whom an administrator registered and removes.
    pub unsubscribe_url: Option<&'a str>,
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

/// The footer of mail that invites forwarding (alerts, updates, found,
/// digests): why it was sent, said so it stays true for a friend who reads
/// a forward, the invitation to subscribe, and how the volunteer manages
/// their alerts without any link that would work for someone else.
fn forwardable_footer(ctx: &MailContext, language: Language) -> Block {
    let links = FooterLinks::new(ctx, language);
    Block::Footer(vec![
        Item {
            text: text(language, "mail-join", &[("link", &links.join)]),
            link: links.join,
        },
        Item {
            text: text(language, "mail-why", &[]),
            link: String::new(),
        },
        Item {
            text: text(language, "mail-manage-stop", &[("link", &links.manage)]),
            link: links.manage,
        },
    ])
}

/// The footer of mail meant for its recipient alone (confirmations, manage links).
fn personal_footer(ctx: &MailContext, language: Language) -> Block {
    let links = FooterLinks::new(ctx, language);
    Block::Footer(vec![Item {
        text: text(language, "mail-manage-stop", &[("link", &links.manage)]),
        link: links.manage,
    }])
}

fn paragraph(text: String) -> Block {
    Block::Paragraph {
        text,
        link: None,
        strong: false,
    }
}

fn linked_paragraph(text: String, link: &str) -> Block {
    Block::Paragraph {
        text,
        link: Some(link.to_string()),
        strong: false,
    }
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

/// The printable poster, attached as a PDF file.
struct PosterAttachment<'a> {
    filename: String,
    pdf: &'a EncodedFile,
}

/// A mail's parts before they are put together.
struct Parts<'a> {
    subject: String,
    blocks: Vec<Block>,
    image: Option<InlineImage<'a>>,
    /// One poster, or for a partner one on each paper.
    posters: Vec<PosterAttachment<'a>>,
}

impl<'a> Parts<'a> {
    fn new(subject: String, blocks: Vec<Block>) -> Parts<'a> {
        Parts {
            subject,
            blocks,
            image: None,
            posters: Vec::new(),
        }
    }
}

/// A mail to one recipient: its content, addressed to them.
fn build_message(
    ctx: &MailContext,
    envelope: Envelope<'_>,
    parts: Parts<'_>,
) -> Result<Composed, String> {
    let content = content(envelope.language, parts);
    addressed(ctx, envelope, &content)
}

/// Puts the parts together, written out once for every recipient: text
/// and HTML as alternatives; with an image, wrapped in multipart/related
/// so that mail clients show it inside the HTML instead of as an
/// attachment; with a poster, all that and the PDF in multipart/mixed.
fn content(language: Language, parts: Parts<'_>) -> Content {
    let text_body = layout::text(&parts.blocks);
    let html_body = layout::html(language.as_str(), &parts.subject, &parts.blocks);
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
    let body = match parts.image {
        None => alternative,
        Some(image) => MultiPart::related().multipart(alternative).singlepart(
            Attachment::new_inline(image.content_id).body(
                image.jpeg.0.clone(),
                ContentType::parse("image/jpeg").expect("a valid media type"),
            ),
        ),
    };
    let body = if parts.posters.is_empty() {
        body
    } else {
        let mut mixed = MultiPart::mixed().multipart(body);
        for poster in parts.posters {
            mixed = mixed.singlepart(Attachment::new(poster.filename).body(
                poster.pdf.0.clone(),
                ContentType::parse("application/pdf").expect("a valid media type"),
            ));
        }
        mixed
    };
    Content {
        subject: parts.subject,
        body: Arc::new(WrittenBody::new(body.formatted())),
    }
}

/// `content` to the recipient of `envelope`: the header fields written for
/// them, over the body every recipient of the content shares.
pub fn addressed(
    ctx: &MailContext,
    envelope: Envelope<'_>,
    content: &Content,
) -> Result<Composed, String> {
    let to: Mailbox = envelope
        .to
        .parse()
        .map_err(|e| format!("the recipient address is not valid: {e}"))?;
    let mut headers = Headers::new();
    headers.set(header::From::from(lettre::message::Mailboxes::from(
        ctx.from.clone(),
    )));
    headers.set(header::To::from(lettre::message::Mailboxes::from(to)));
    headers.set(header::Subject::from(content.subject.clone()));
    headers.set(header::MessageId::from(format!(
        "<{}>",
        envelope.message_id
    )));
    if let Some(url) = envelope.unsubscribe_url {
        headers.set(ListUnsubscribe(format!("<{url}>")));
        headers.set(ListUnsubscribePost);
    }
    headers.set(ListId(format!("Alerta <alerts.{}>", ctx.domain)));
    headers.set(FeedbackId(format!(
        "{}:{}:alerta",
        envelope.message_id.split('.').next().unwrap_or("mail"),
        envelope.language.as_str()
    )));
    headers.set(AutoSubmitted("auto-generated".into()));
    headers.set(header::MIME_VERSION_1_0);
    headers.set(header::Date::now());
    let to_whom = lettre::address::Envelope::try_from(&headers)
        .map_err(|e| format!("the message cannot be built: {e}"))?;
    let head = headers.to_string().into_bytes();
    Ok(ctx.finished(head, content.body.clone(), to_whom, envelope.message_id))
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
    let mut paragraphs = vec![greeting];
    if let Some(zone) = zone {
        paragraphs.push(t("confirm-body", &[("zone", zone), ("hours", &hours)]));
    }
    if !follows.is_empty() {
        let cases = follows.join("; ");
        paragraphs.push(t(
            "confirm-follow-body",
            &[("cases", &cases), ("hours", &hours)],
        ));
    }
    personal_link_mail(ctx, envelope, subject, paragraphs, confirm_url)
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
    let paragraphs = vec![
        text(language, "confirm-greeting", &[]),
        text(language, "manage-mail-body", &[("hours", &hours)]),
    ];
    personal_link_mail(ctx, envelope, subject, paragraphs, manage_url)
}

/// A mail whose point is one personal link (confirm, manage): the
/// paragraphs, the link large, and "ignore this if it was not you".
fn personal_link_mail(
    ctx: &MailContext,
    envelope: Envelope<'_>,
    subject: String,
    paragraphs: Vec<String>,
    url: &str,
) -> Result<Composed, String> {
    let language = envelope.language;
    let mut blocks: Vec<Block> = paragraphs.into_iter().map(paragraph).collect();
    blocks.push(Block::BigLink(url.to_string()));
    blocks.push(paragraph(text(language, "confirm-ignore", &[])));
    blocks.push(personal_footer(ctx, language));
    build_message(ctx, envelope, Parts::new(subject, blocks))
}

/// What an alert or update mail carries besides its case.
pub struct AlertFiles<'a> {
    /// The photo's screen copy, shown inside the mail.
    pub photo: Option<&'a EncodedFile>,
    /// The poster to attach; None when it goes as a link only (the
    /// volunteer asked for light mail, or it could not be rendered).
    pub poster: Option<&'a EncodedFile>,
    /// The paper of the poster, attached or linked.
    pub paper: Paper,
}

/// What a partner's alert carries besides its case: the photo, and the
/// poster on A4 and on Letter (each None when it could not be rendered).
pub struct PartnerFiles<'a> {
    pub photo: Option<&'a EncodedFile>,
    pub a4: Option<&'a EncodedFile>,
    pub letter: Option<&'a EncodedFile>,
}

/// The alert for a case: every essential field in the text part, so it
/// still reads right when forwarded; the HTML part says the same.
pub fn alert(ctx: &MailContext, language: Language, case: &Case, files: AlertFiles<'_>) -> Content {
    alert_or_update(ctx, language, case, files, None)
}

/// The alert for a partner: first why they receive it and how to print a
/// batch, then the alert as volunteers read it, with the poster on both
/// papers attached (and linked).
pub fn partner_alert(
    ctx: &MailContext,
    envelope: Envelope<'_>,
    partner: &alerta_core::Partner,
    case: &Case,
    files: PartnerFiles<'_>,
) -> Result<Composed, String> {
    let language = envelope.language;
    let t = |key: &str, args: &[(&str, &str)]| text(language, key, args);
    let kind = t(&format!("partner-kind-{}", partner.kind.as_str()), &[]);
    let link = |paper: Paper| {
        ctx.link(&format!(
            "/cases/{}/poster.pdf?lang={}&paper={}",
            case.id,
            language.as_str(),
            paper.as_str()
        ))
    };
    let (a4, letter) = (link(Paper::A4), link(Paper::Letter));
    let why = Block::Paragraph {
        text: t(
            "partner-why",
            &[
                ("kind", &kind),
                ("name", &partner.name),
                ("place", &partner.place),
            ],
        ),
        link: None,
        strong: true,
    };
    let print = vec![
        paragraph(t("partner-print", &[])),
        Block::Buttons(vec![
            Button {
                label: t("partner-poster-a4", &[]),
                url: a4,
                in_text: true,
            },
            Button {
                label: t("partner-poster-letter", &[]),
                url: letter,
                in_text: true,
            },
        ]),
    ];
    let (subject, mut blocks, image) = alert_parts(ctx, language, case, files.photo, print, None);
    // After the banner, before the alert itself. Partners are not on the
    // volunteers' list: no footer about it.
    blocks.insert(blocks.len().min(1), why);
    blocks.push(paragraph(t("partner-stop", &[])));
    let mut parts = Parts::new(subject, blocks);
    parts.image = image;
    for (paper, pdf) in [(Paper::A4, files.a4), (Paper::Letter, files.letter)] {
        if let Some(pdf) = pdf {
            parts.posters.push(PosterAttachment {
                filename: format!(
                    "alerta-{}-{}-{}.pdf",
                    case.id,
                    language.as_str(),
                    paper.as_str()
                ),
                pdf,
            });
        }
    }
    build_message(ctx, envelope, parts)
}

/// "Updated information": what changed (fields as `CaseDetails` names
/// them, and `photo`), then the whole alert again, as police corrected it.
pub fn update(
    ctx: &MailContext,
    language: Language,
    case: &Case,
    files: AlertFiles<'_>,
    changed: &[String],
) -> Content {
    alert_or_update(ctx, language, case, files, Some(changed))
}

/// The groups of fields an update names, in the order of the alert.
const CHANGE_GROUPS: &[(&str, &[&str])] = &[
    ("photo", &["photo"]),
    ("name", &["given_name", "family_name", "aliases"]),
    ("age", &["birth_date", "stated_age", "sex"]),
    ("when", &["last_seen_at"]),
    ("place", &["last_seen_place", "last_seen"]),
    (
        "phone",
        &["contact_phone", "contact_phone_2", "contact_name"],
    ),
    ("circumstances", &["circumstances"]),
    ("clothing", &["clothing"]),
    (
        "description",
        &["height_cm", "weight_kg", "hair", "eyes", "marks"],
    ),
];

/// "What changed: the photo, the clothing." (None when nothing volunteers
/// would notice changed, e.g. only the alert radius.)
fn what_changed(language: Language, sex: &str, changed: &[String]) -> Option<String> {
    let names: Vec<String> = CHANGE_GROUPS
        .iter()
        .filter(|(_, fields)| changed.iter().any(|c| fields.contains(&c.as_str())))
        .map(|(group, _)| {
            text(
                language,
                "update-changed-field",
                &[("field", group), ("sex", sex)],
            )
        })
        .collect();
    (!names.is_empty()).then(|| text(language, "update-changed", &[("fields", &names.join(", "))]))
}

/// "2 dic 2026, 14:30 (UTC-04:00)": the date spelled out (12/02 reads two
/// ways in the Americas), on the clock of the place, with its offset.
fn local_time(at: &chrono::DateTime<chrono::FixedOffset>, language: Language) -> String {
    format!(
        "{}, {} (UTC{})",
        alerta_i18n::short_date(language, at.date_naive()),
        alerta_i18n::clock_time(language, at),
        at.format("%:z")
    )
}

fn alert_or_update(
    ctx: &MailContext,
    language: Language,
    case: &Case,
    files: AlertFiles<'_>,
    changed: Option<&[String]>,
) -> Content {
    let poster = poster_blocks(ctx, language, case, &files);
    let (subject, mut blocks, image) =
        alert_parts(ctx, language, case, files.photo, poster, changed);
    blocks.push(forwardable_footer(ctx, language));
    let mut parts = Parts::new(subject, blocks);
    parts.image = image;
    parts
        .posters
        .extend(files.poster.map(|pdf| PosterAttachment {
            filename: format!("alerta-{}-{}.pdf", case.id, language.as_str()),
            pdf,
        }));
    content(language, parts)
}

/// The subject, blocks and inline photo of an alert or an update.
fn alert_parts<'a>(
    ctx: &MailContext,
    language: Language,
    case: &Case,
    photo: Option<&'a EncodedFile>,
    poster: Vec<Block>,
    changed: Option<&[String]>,
) -> (String, Vec<Block>, Option<InlineImage<'a>>) {
    let d = &case.details;
    let sex = d.sex.as_str();
    let t = |key: &str, args: &[(&str, &str)]| text(language, key, args);
    let name = d.full_name();
    let age = d.age_when_last_seen().to_string();
    let when = local_time(&d.last_seen_at, language);
    let link = ctx.link(&format!("/cases/{}", case.id));
    let short_link = ctx.link(&format!("/c/{}", case.id));
    // The town and country in the subject and the first lines; the place
    // as typed, completed with them, where the mail says where.
    let locality = alerta_i18n::last_seen_locality(language, case);
    let place = alerta_i18n::last_seen_place(language, case);
    let person = [
        ("sex", sex),
        ("name", name.as_str()),
        ("age", age.as_str()),
        ("place", locality.as_str()),
    ];
    let subject = match changed {
        Some(_) => t("update-subject", &person),
        None => t("alert-subject", &person),
    };
    let mut blocks = vec![Block::Banner {
        headline: match changed {
            Some(_) => t("update-headline", &person),
            None => t("poster-headline", &person),
        },
        subline: t("alert-who", &person),
        tone: Tone::Alert,
    }];
    if let Some(changed) = changed {
        blocks.push(Block::Paragraph {
            text: t("update-intro", &[]),
            link: None,
            strong: true,
        });
        if let Some(line) = what_changed(language, sex, changed) {
            blocks.push(paragraph(line));
        }
    }
    let content_id = format!("photo.{}@{}", case.id, ctx.domain);
    if photo.is_some() {
        blocks.push(Block::Photo {
            content_id: content_id.clone(),
            alt: name.clone(),
        });
    }
    let mut call = t(
        "alert-intro",
        &[("sex", sex), ("name", &name), ("phone", &d.contact_phone)],
    );
    let mut phones = vec![d.contact_phone.clone()];
    if let Some(second) = &d.contact_phone_2 {
        call = format!("{call} {}", t("alert-phone-2", &[("phone", second)]));
        phones.push(second.clone());
    }
    blocks.push(Block::Call { text: call, phones });
    blocks.push(linked_paragraph(t("alert-link", &[("link", &link)]), &link));
    blocks.push(Block::Paragraph {
        text: t(
            "alert-last-seen",
            &[("sex", sex), ("when", &when), ("place", &place)],
        ),
        link: None,
        strong: true,
    });

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
    for (title, body) in [
        (t("alert-circumstances", &[]), d.circumstances.clone()),
        (t("alert-clothing", &[]), d.clothing.clone()),
        (t("alert-description", &[]), description.join("\n")),
    ] {
        if !body.is_empty() {
            blocks.push(Block::Section { title, body });
        }
    }
    let organisation = case.organisation.clone().unwrap_or_else(|| "Alerta".into());
    blocks.push(paragraph(t(
        "alert-case",
        &[
            ("id", &case.id.to_string()),
            ("organisation", &organisation),
        ],
    )));
    blocks.extend(poster);
    blocks.push(linked_paragraph(
        t("alert-forward", &[("link", &short_link)]),
        &short_link,
    ));
    blocks.push(Block::Buttons(share_buttons(
        language,
        &subject,
        &short_link,
    )));
    let image = photo.map(|jpeg| InlineImage { content_id, jpeg });
    (subject, blocks, image)
}

/// What a volunteer's alert says of its poster: attached, or to download,
/// and the link to it.
fn poster_blocks(
    ctx: &MailContext,
    language: Language,
    case: &Case,
    files: &AlertFiles<'_>,
) -> Vec<Block> {
    let poster_link = ctx.link(&format!(
        "/cases/{}/poster.pdf?lang={}&paper={}",
        case.id,
        language.as_str(),
        files.paper.as_str()
    ));
    let said = match files.poster {
        Some(_) => "alert-poster-attached",
        None => "alert-poster-link",
    };
    vec![
        paragraph(text(language, said, &[])),
        Block::Buttons(vec![Button {
            label: text(language, "alert-poster-button", &[]),
            url: poster_link,
            in_text: true,
        }]),
    ]
}

/// WhatsApp and Telegram open their "share" screens with the case's short
/// link and its headline filled in.
fn share_buttons(language: Language, subject: &str, link: &str) -> Vec<Button> {
    let encode = |s: &str| percent_encoding::utf8_percent_encode(s, QUERY_VALUE).to_string();
    vec![
        Button {
            label: text(language, "alert-share-whatsapp", &[]),
            url: format!(
                "https://wa.me/?text={}",
                encode(&format!("{subject} {link}"))
            ),
            in_text: false,
        },
        Button {
            label: text(language, "alert-share-telegram", &[]),
            url: format!(
                "https://t.me/share/url?url={}&text={}",
                encode(link),
                encode(subject)
            ),
            in_text: false,
        },
    ]
}

/// Everything but letters, digits and `-._~` is escaped in a query value.
const QUERY_VALUE: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// "Found — thank you, please take the posters down", without the photo,
/// saying where the person had been missing from: where the posters are.
pub fn found(ctx: &MailContext, language: Language, case: &Case) -> Content {
    let d = &case.details;
    let name = d.full_name();
    let sex = d.sex.as_str();
    let found_safe = case.outcome == Some(Outcome::FoundSafe);
    let (subject_key, headline_key, body_key) = match found_safe {
        true => ("found-subject-found", "found-headline", "found-body-found"),
        false => (
            "found-subject-closed",
            "found-headline-closed",
            "found-body-closed",
        ),
    };
    let place = alerta_i18n::last_seen_place(language, case);
    let args = [
        ("name", name.as_str()),
        ("sex", sex),
        ("place", place.as_str()),
        (
            "date",
            &alerta_i18n::short_date(language, d.last_seen_at.date_naive()),
        ),
    ];
    let subject = text(language, subject_key, &args);
    let blocks = vec![
        Block::Banner {
            headline: text(language, headline_key, &args),
            subline: name.clone(),
            tone: if found_safe { Tone::Found } else { Tone::Plain },
        },
        paragraph(text(language, body_key, &args)),
        Block::Paragraph {
            text: text(language, "found-posters", &args),
            link: None,
            strong: true,
        },
        paragraph(text(language, "found-stop-sharing", &args)),
        forwardable_footer(ctx, language),
    ];
    content(language, Parts::new(subject, blocks))
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
    let items = cases
        .iter()
        .map(|case| {
            let d = &case.details;
            Item {
                text: text(
                    language,
                    "digest-line",
                    &[
                        ("sex", d.sex.as_str()),
                        ("name", &d.full_name()),
                        ("age", &d.age_when_last_seen().to_string()),
                        ("when", &local_time(&d.last_seen_at, language)),
                        ("place", &alerta_i18n::last_seen_place(language, case)),
                    ],
                ),
                link: ctx.link(&format!("/cases/{}", case.id)),
            }
        })
        .collect();
    let blocks = vec![
        Block::Banner {
            headline: subject.clone(),
            subline: String::new(),
            tone: Tone::Alert,
        },
        paragraph(text(language, "digest-intro", &[])),
        Block::Items(items),
        forwardable_footer(ctx, language),
    ];
    build_message(ctx, envelope, Parts::new(subject, blocks))
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
        .header(AutoSubmitted("auto-generated".into()))
        .header(ContentType::TEXT_PLAIN)
        .body(lines.join("\n") + "\n")
        .map_err(|e| format!("the message cannot be built: {e}"))?;
    Ok(ctx.finished_whole(message, message_id))
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
            &[
                ("when", &when),
                ("place", &alerta_i18n::last_seen_place(language, case)),
            ],
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

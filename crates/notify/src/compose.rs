//! Messages in the volunteer's language: text and HTML parts, and the
//! headers mail providers expect from bulk senders.

use std::error::Error;

use alerta_core::Language;
use alerta_core::text::escape_html;
use alerta_i18n::text;
use lettre::Message;
use lettre::message::header::{ContentType, Header, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart, SinglePart};

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
    pub unsubscribe_url: &'a str,
}

/// Builds a message with both parts and the unsubscribe headers.
fn build(
    ctx: &MailContext,
    envelope: Envelope<'_>,
    subject: &str,
    text_body: String,
    html_body: String,
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
        .multipart(
            MultiPart::alternative()
                .singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_PLAIN)
                        .body(text_body),
                )
                .singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_HTML)
                        .body(html_body),
                ),
        )
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
    zone: &str,
    confirm_url: &str,
    valid_hours: i64,
) -> Result<Composed, String> {
    let language = envelope.language;
    let t = |key: &str, args: &[(&str, &str)]| text(language, key, args);
    let hours = valid_hours.to_string();
    let subject = t("confirm-subject", &[]);
    let greeting = t("confirm-greeting", &[]);
    let body = t("confirm-body", &[("zone", zone), ("hours", &hours)]);
    let ignore = t("confirm-ignore", &[]);
    let footer = t("mail-footer", &[("link", envelope.unsubscribe_url)]);
    let text_body = format!("{greeting}\n\n{body}\n\n{confirm_url}\n\n{ignore}\n\n-- \n{footer}\n");
    let html_body = format!(
        "<!doctype html><html lang=\"{lang}\"><body style=\"font-family:sans-serif;max-width:36em\">\
         <p>{greeting}</p><p>{body}</p>\
         <p><a href=\"{url}\" style=\"font-size:1.2em;font-weight:bold\">{url}</a></p>\
         <p>{ignore}</p><hr><p style=\"color:#555;font-size:.9em\">{footer}</p></body></html>",
        lang = language.as_str(),
        greeting = escape_html(&greeting),
        body = escape_html(&body),
        url = escape_html(confirm_url),
        ignore = escape_html(&ignore),
        footer = escape_html(&footer),
    );
    build(ctx, envelope, &subject, text_body, html_body)
}

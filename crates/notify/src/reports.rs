//! Reading what comes back to the return path: delivery status
//! notifications (RFC 3464, as Postfix, Exim, Exchange and Gmail write
//! them), complaints (ARF, RFC 5965), and everything else, which is left
//! alone. Which message a report is about comes from the address it was
//! sent to ([`crate::verp`]), never from its text; the text only says what
//! happened.

use alerta_core::bounce::BounceKind;
use mail_parser::{Message, MessageParser, MimeHeaders};

/// What a message to the return path says happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Report {
    /// The message did not arrive: hard or soft, with the status code.
    Bounce { kind: BounceKind, status: String },
    /// The recipient reported it as spam.
    Complaint,
    /// Nothing to act on, and why (a delay warning, an automatic reply...).
    Unusable(&'static str),
}

/// Reads `raw`, a whole message as the mail server delivers it.
pub fn read_report(raw: &[u8]) -> Report {
    let Some(message) = MessageParser::default().parse(raw) else {
        return Report::Unusable("not a mail message");
    };
    if let Some(fields) = part_fields(&message, &["feedback-report"]) {
        return complaint(&fields);
    }
    if let Some(fields) = part_fields(&message, &["delivery-status", "global-delivery-status"]) {
        return delivery_status(&fields);
    }
    if message
        .header_raw("Auto-Submitted")
        .is_some_and(|v| !v.trim().eq_ignore_ascii_case("no"))
        && !from_mail_system(&message)
    {
        return Report::Unusable("an automatic reply, not a delivery report");
    }
    if from_mail_system(&message) {
        return plain_bounce(&message);
    }
    Report::Unusable("not a delivery report")
}

/// The addresses `raw` was delivered to, as the receiving server wrote
/// them down: where a piped report says which return address it reached.
pub fn delivered_to(raw: &[u8]) -> Vec<String> {
    let Some(message) = MessageParser::default().parse_headers(raw) else {
        return Vec::new();
    };
    let mut addresses = Vec::new();
    for (name, value) in message.headers_raw() {
        let wanted = ["Delivered-To", "X-Original-To", "Envelope-To", "To"];
        if wanted.iter().any(|w| name.eq_ignore_ascii_case(w)) {
            addresses.extend(value.split(',').map(|a| {
                let a = a.trim();
                // "Name <address>": the part in brackets.
                match (a.rfind('<'), a.rfind('>')) {
                    (Some(open), Some(close)) if open < close => a[open + 1..close].to_string(),
                    _ => a.to_string(),
                }
            }));
        }
    }
    addresses
}

/// The fields of the first `message/<subtype>` part, each block of them
/// (RFC 3464: per-message, then per-recipient) as (name, value) pairs.
fn part_fields(message: &Message<'_>, subtypes: &[&str]) -> Option<Vec<Vec<(String, String)>>> {
    let part = message.parts.iter().find(|part| {
        part.content_type().is_some_and(|ct| {
            ct.ctype().eq_ignore_ascii_case("message")
                && ct
                    .subtype()
                    .is_some_and(|s| subtypes.iter().any(|w| s.eq_ignore_ascii_case(w)))
        })
    })?;
    let text = String::from_utf8_lossy(part.contents()).replace("\r\n", "\n");
    Some(
        text.split("\n\n")
            .filter(|block| !block.trim().is_empty())
            .map(fields_of_block)
            .collect(),
    )
}

/// A block of `Name: value` lines (folded lines unfolded), read by the
/// same parser as a header block.
fn fields_of_block(block: &str) -> Vec<(String, String)> {
    let with_end = format!("{}\n\n", block.trim_start_matches('\n'));
    MessageParser::default()
        .parse_headers(with_end.as_bytes())
        .map(|headers| {
            headers
                .headers_raw()
                .map(|(name, value)| (name.to_ascii_lowercase(), value.trim().to_string()))
                .collect()
        })
        .unwrap_or_default()
}

fn field<'a>(block: &'a [(String, String)], name: &str) -> Option<&'a str> {
    block
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, value)| value.as_str())
}

fn complaint(blocks: &[Vec<(String, String)>]) -> Report {
    let kind = blocks
        .iter()
        .find_map(|block| field(block, "feedback-type"))
        .unwrap_or("")
        .to_ascii_lowercase();
    match kind.as_str() {
        // RFC 5965 section 7.3; "not-spam" withdraws a complaint, and
        // "auth-failure" is about a signature, not about the recipient.
        "abuse" | "fraud" | "virus" | "other" => Report::Complaint,
        _ => Report::Unusable("a feedback report that is not a complaint"),
    }
}

fn delivery_status(blocks: &[Vec<(String, String)>]) -> Report {
    // The per-recipient blocks carry Action; with one recipient per
    // message (the return path names it), the first failed one decides.
    let recipients = blocks.iter().filter(|b| field(b, "action").is_some());
    let mut saw_delay = false;
    for block in recipients {
        let action = field(block, "action").unwrap_or("").to_ascii_lowercase();
        let status = field(block, "status").map(|s| first_word(s).to_string());
        match action.as_str() {
            "failed" => {
                let status = status.unwrap_or_else(|| "5.0.0".into());
                return Report::Bounce {
                    kind: kind_of_status(&status),
                    status,
                };
            }
            "delayed" => saw_delay = true,
            _ => {}
        }
    }
    if saw_delay {
        Report::Unusable("a delay warning: the server is still trying")
    } else {
        Report::Unusable("a delivery report that names no failure")
    }
}

/// A bounce written as prose by a mail system that does not write RFC 3464
/// (older Exim, some appliances): the first enhanced status code in it.
fn plain_bounce(message: &Message<'_>) -> Report {
    let text = message.body_text(0).unwrap_or_default();
    match enhanced_status(&text) {
        Some(status) if status.starts_with('5') || status.starts_with('4') => Report::Bounce {
            kind: kind_of_status(&status),
            status,
        },
        _ => Report::Unusable("a message from a mail system with no status code"),
    }
}

/// Hard for 5.x.x except a full mailbox (5.2.2), which may be emptied:
/// soft, as 4.x.x is.
fn kind_of_status(status: &str) -> BounceKind {
    if status.starts_with('5') && status != "5.2.2" {
        BounceKind::Hard
    } else {
        BounceKind::Soft
    }
}

fn first_word(text: &str) -> &str {
    text.split_whitespace().next().unwrap_or("")
}

/// The first `d.ddd.ddd` whose class is 2, 4 or 5 (RFC 3463).
pub(crate) fn enhanced_status(text: &str) -> Option<String> {
    text.split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .find(|word| {
            let parts: Vec<&str> = word.split('.').collect();
            parts.len() == 3
                && ["2", "4", "5"].contains(&parts[0])
                && (1..=3).contains(&parts[1].len())
                && (1..=3).contains(&parts[2].len())
                && parts[1..]
                    .iter()
                    .all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        })
        .map(str::to_string)
}

/// Whether the message comes from a mail system rather than a person:
/// an empty return path, or MAILER-DAEMON or postmaster as its sender.
fn from_mail_system(message: &Message<'_>) -> bool {
    let empty_return_path = message
        .header_raw("Return-Path")
        .is_some_and(|v| v.trim() == "<>");
    let sender = message
        .from()
        .and_then(|from| from.first())
        .and_then(|addr| addr.address())
        .unwrap_or("")
        .to_ascii_lowercase();
    let local = sender.split('@').next().unwrap_or("");
    empty_return_path || local == "mailer-daemon" || local == "postmaster"
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fixture of tests/fixtures/bounces (their origins in the README there).
    fn fixture(name: &str) -> Vec<u8> {
        let path = format!(
            "{}/../../tests/fixtures/bounces/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn bounce(kind: BounceKind, status: &str) -> Report {
        Report::Bounce {
            kind,
            status: status.into(),
        }
    }

    #[test]
    fn each_mail_systems_report_reads_as_what_happened() {
        let cases = [
            (
                "postfix-unknown-user.eml",
                bounce(BounceKind::Hard, "5.1.1"),
            ),
            ("gmail-dsn.eml", bounce(BounceKind::Hard, "5.1.1")),
            ("exchange-dsn.eml", bounce(BounceKind::Hard, "5.1.10")),
            ("exim-dsn.eml", bounce(BounceKind::Soft, "5.2.2")),
            (
                "postfix-soft-gave-up.eml",
                bounce(BounceKind::Soft, "4.4.1"),
            ),
            ("qmail-plain.eml", bounce(BounceKind::Hard, "5.1.1")),
            ("arf-complaint.eml", Report::Complaint),
        ];
        for (name, expected) in cases {
            assert_eq!(read_report(&fixture(name)), expected, "{name}");
        }
    }

    #[test]
    fn warnings_replies_and_anything_else_are_left_alone() {
        for name in ["postfix-delayed.eml", "vacation-reply.eml"] {
            assert!(
                matches!(read_report(&fixture(name)), Report::Unusable(_)),
                "{name}"
            );
        }
        assert!(matches!(read_report(b""), Report::Unusable(_)));
        let person = b"From: ana@example.org\r\nSubject: 5.1.1\r\n\r\nHola 5.1.1\r\n";
        assert!(matches!(read_report(person), Report::Unusable(_)));
        let not_spam = String::from_utf8(fixture("arf-complaint.eml"))
            .unwrap()
            .replace("Feedback-Type: abuse", "Feedback-Type: not-spam");
        assert!(matches!(
            read_report(not_spam.as_bytes()),
            Report::Unusable(_)
        ));
    }

    #[test]
    fn the_address_a_report_was_delivered_to_is_read_from_its_headers() {
        let postfix = delivered_to(&fixture("postfix-unknown-user.eml"));
        assert!(
            postfix.contains(&"rebotes+1-2-abc@alerta.test".to_string()),
            "{postfix:?}"
        );
        let exim = delivered_to(&fixture("exim-dsn.eml"));
        assert!(
            exim.contains(&"rebotes+1-2-abc@alerta.test".to_string()),
            "{exim:?}"
        );
        let exchange = delivered_to(&fixture("exchange-dsn.eml"));
        assert!(
            exchange.contains(&"rebotes+1-2-abc@alerta.test".to_string()),
            "{exchange:?}"
        );
    }

    #[test]
    fn status_codes_read_as_hard_or_soft() {
        assert_eq!(kind_of_status("5.1.1"), BounceKind::Hard);
        assert_eq!(kind_of_status("5.7.1"), BounceKind::Hard);
        assert_eq!(kind_of_status("5.2.2"), BounceKind::Soft);
        assert_eq!(kind_of_status("4.4.1"), BounceKind::Soft);
        assert_eq!(
            enhanced_status("550-5.1.1 The email account does not exist"),
            Some("5.1.1".into())
        );
        assert_eq!(enhanced_status("version 1.2.3.4 and 10.0.0.1"), None);
    }
}

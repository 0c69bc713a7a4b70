//! `alerta bounces ingest`: one message on standard input, as the mail
//! server delivers what comes back to `ALERTA_RETURN_PATH` (a Postfix alias
//! `rebotes: "|alerta bounces ingest"`, an Exim pipe transport...).
//!
//! It exits 0 for anything it cannot use, saying why in the log, so the
//! mail server never bounces a bounce; it exits 75 (EX_TEMPFAIL, "try
//! again later" to every MTA) only when the database cannot be reached, so
//! a report is not lost while the database restarts. No address is ever
//! logged: the outbox row and the volunteer's number say enough.

use std::io::Read;

use alerta_app::BounceOutcome;
use alerta_core::VolunteerId;
use alerta_notify::reports::{self, Report};
use alerta_notify::verp::{Bounced, ReturnPath};
use alerta_store::BounceRecord;

use crate::Settings;

/// The largest report read: a DSN quotes at most the returned message,
/// whose poster makes it about 200 KB.
const MAX_REPORT_BYTES: u64 = 20 * 1024 * 1024;

/// The exit status asking the mail server to deliver again later.
pub const TRY_AGAIN_LATER: i32 = 75;

/// Where the envelope recipient of a piped message is found, most
/// trustworthy first: what the mail server itself passes to the pipe
/// (Postfix and Exim both set RECIPIENT; Postfix also ORIGINAL_RECIPIENT
/// and EXTENSION, the part after the '+').
const RECIPIENT_VARIABLES: [&str; 2] = ["ORIGINAL_RECIPIENT", "RECIPIENT"];

/// Reads one report from standard input and records it; answers the
/// process's exit status.
pub async fn ingest(settings: &Settings) -> i32 {
    let mut raw = Vec::new();
    if let Err(e) = std::io::stdin()
        .take(MAX_REPORT_BYTES)
        .read_to_end(&mut raw)
    {
        tracing::warn!(error = %e, "bounce not read from standard input; ignored");
        return 0;
    }
    match ingest_bytes(settings, &raw, &environment_recipients()).await {
        Ok(said) => {
            tracing::info!("bounce ingest: {said}");
            0
        }
        Err(e) => {
            tracing::error!(
                error = format!("{e:#}"),
                "bounce ingest: the database cannot be reached; the mail server will deliver it again"
            );
            TRY_AGAIN_LATER
        }
    }
}

/// What the mail server said the message was delivered to.
fn environment_recipients() -> Vec<String> {
    let mut found: Vec<String> = RECIPIENT_VARIABLES
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .collect();
    // Postfix's EXTENSION alone, for an alias whose RECIPIENT was rewritten.
    if let Ok(extension) = std::env::var("EXTENSION") {
        found.push(format!("+{extension}"));
    }
    found
}

/// Records `raw` if it is a report about one of our messages; answers what
/// was done, in words for the log. Errors only when the store fails.
pub async fn ingest_bytes(
    settings: &Settings,
    raw: &[u8],
    recipients: &[String],
) -> anyhow::Result<String> {
    let Some(address) = &settings.return_path else {
        return Ok(
            "ALERTA_RETURN_PATH is not set, so no message carries a tag to read; ignored".into(),
        );
    };
    let commands = crate::app::commands(settings).await?;
    let key = commands.return_path_key().await?;
    let return_path = ReturnPath::new(address, key.as_bytes()).map_err(anyhow::Error::msg)?;
    let candidates = recipients.iter().cloned().chain(reports::delivered_to(raw));
    let Some(bounced) = candidates
        .into_iter()
        .find_map(|to| read_recipient(&return_path, &to))
    else {
        return Ok(
            "not addressed to a tagged return address (or the tag is false); ignored".into(),
        );
    };
    let (kind, status) = match reports::read_report(raw) {
        Report::Bounce { kind, status } => (kind, Some(status)),
        Report::Complaint => (alerta_core::bounce::BounceKind::Complaint, None),
        Report::Unusable(why) => {
            return Ok(format!("outbox {}: {why}; ignored", bounced.outbox_id));
        }
    };
    let record = BounceRecord {
        outbox_id: bounced.outbox_id,
        volunteer: bounced.volunteer_id.map(VolunteerId),
        kind,
        status: status.clone(),
    };
    let outcome = commands.record_bounce(record).await?;
    let about = format!(
        "outbox {} ({}), {} {}",
        bounced.outbox_id,
        match bounced.volunteer_id {
            Some(id) => format!("volunteer {id}"),
            None => "staff mail".into(),
        },
        kind.as_str(),
        status.unwrap_or_default()
    );
    Ok(match outcome {
        BounceOutcome::Repeated => format!("{about}: recorded before; ignored"),
        BounceOutcome::Recorded(None) => format!("{about}: recorded"),
        BounceOutcome::Recorded(Some(why)) => {
            format!(
                "{about}: recorded; the address is suppressed ({})",
                why.as_str()
            )
        }
    })
}

/// A recipient as the mail server gave it: a whole address, or "+TAG".
fn read_recipient(return_path: &ReturnPath, to: &str) -> Option<Bounced> {
    match to.strip_prefix('+') {
        Some(extension) => return_path.read_extension(extension),
        None => return_path.read(to),
    }
}

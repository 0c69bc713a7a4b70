//! What a report of undelivered mail changes: the message counts as
//! undeliverable, and the address may get no more mail.

use alerta_core::bounce::{self, Suppressed};
use alerta_store::BounceRecord;

use crate::{Alerta, CommandError};

/// The name of the key that tags return addresses (see `alerta_notify::verp`).
pub const RETURN_PATH_KEY: &str = "return_path";

/// What recording a report did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BounceOutcome {
    /// Recorded; the address was suppressed, and why, if it was.
    Recorded(Option<Suppressed>),
    /// A report about the same message was recorded before.
    Repeated,
}

impl Alerta {
    /// Records a report about one message and, when the domain says so,
    /// suppresses its volunteer's address, in one transaction.
    pub async fn record_bounce(&self, report: BounceRecord) -> Result<BounceOutcome, CommandError> {
        let now = self.now();
        let mut tx = self.store.begin_write().await?;
        let earlier = match report.volunteer {
            Some(volunteer) => tx.soft_bounces_of(volunteer).await?,
            None => Vec::new(),
        };
        if !tx.record_bounce(&report, now).await? {
            return Ok(BounceOutcome::Repeated);
        }
        let mut suppressed = None;
        if let Some(volunteer) = report.volunteer {
            suppressed = bounce::suppression(report.kind, &earlier, now);
            if let Some(why) = suppressed {
                tx.suppress_volunteer(volunteer, why, now).await?;
            }
        }
        tx.commit().await?;
        metrics::counter!("alerta_mail_bounced_total", "kind" => report.kind.as_str()).increment(1);
        if let Some(why) = suppressed {
            metrics::counter!("alerta_addresses_suppressed_total", "why" => why.as_str())
                .increment(1);
        }
        Ok(BounceOutcome::Recorded(suppressed))
    }

    /// The key every node tags return addresses with: made by the first
    /// node that needs it, then shared through the database.
    pub async fn return_path_key(&self) -> Result<String, CommandError> {
        let fresh = alerta_credentials::new_token();
        Ok(self.store.shared_secret(RETURN_PATH_KEY, &fresh).await?)
    }
}

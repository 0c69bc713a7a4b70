//! Someone sends what they know about an active case: kept, and mailed to
//! its police contact (a flood of sightings as one digest: `TipKind::mail`).

use alerta_core::{CaseId, NewTip, TipInput, TipKind, TipMail, policy};

use crate::{Alerta, CommandError};

impl Alerta {
    /// Checks and keeps a tip (or "this report is about me") for an
    /// active, public case; answers its id. The case's log notes that one
    /// arrived, not what it says: the log is read more widely than tips.
    pub async fn send_tip(
        &self,
        id: CaseId,
        input: &TipInput,
        kind: TipKind,
    ) -> Result<i64, CommandError> {
        let now = self.now();
        let tip = match kind {
            TipKind::Sighting => NewTip::parse(input, now)?,
            TipKind::AboutMe => NewTip::parse_about_me(input, now)?,
        };
        let mut tx = self.store.begin_write().await?;
        let case = tx.case_for_update(id).await?;
        policy::view(None, &case)?;
        policy::may_tip(&case)?;
        let (pending, last) = match kind {
            TipKind::Sighting => tx.sighting_digest(id).await?,
            TipKind::AboutMe => (false, None),
        };
        let tip_id = tx.insert_tip(id, &tip, now).await?;
        if let TipMail::NewMail { due } = kind.mail(pending, last, now) {
            tx.queue_tip_mail(id, tip_id, due, now).await?;
        }
        let detail = serde_json::json!({ "tip": tip_id });
        tx.audit(id.0, None, now, kind.audit_action(), detail)
            .await?;
        tx.commit().await?;
        metrics::counter!("alerta_tips_received_total").increment(1);
        self.queued_mail();
        Ok(tip_id)
    }
}

//! Someone sends what they know about an active case: kept, and mailed to
//! its police contact (a flood as one digest, see the store).

use alerta_core::{CaseId, NewTip, TipInput, TipKind, policy};

use crate::{Alerta, CommandError};

impl Alerta {
    /// Checks and keeps a tip (or "this report is about me") for an
    /// active, public case; answers its id.
    pub async fn send_tip(
        &self,
        case: CaseId,
        input: &TipInput,
        kind: TipKind,
    ) -> Result<i64, CommandError> {
        let tip = match kind {
            TipKind::Sighting => NewTip::parse(input, self.now())?,
            TipKind::AboutMe => NewTip::parse_about_me(input, self.now())?,
        };
        let stored = self.store.case(case).await?;
        policy::view(None, &stored)?;
        policy::may_tip(&stored)?;
        let id = self.store.add_tip(case, &tip, self.now()).await?;
        metrics::counter!("alerta_tips_received_total").increment(1);
        self.queued_mail();
        Ok(id)
    }
}

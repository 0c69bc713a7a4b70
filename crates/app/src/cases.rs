//! What police do to a case: publish it, widen its alert area, mail a
//! correction, take it out of public view or put it back, resolve it.
//! Each acts on the version of the case the officer read.

use alerta_core::text::{Lines, clean_optional};
use alerta_core::transition::{CaseChange, Wider};
use alerta_core::{Actor, Case, CaseDetails, CaseId, CaseStatus, FieldError, Outcome, policy};
use alerta_store::{PlannedStep, StoredPhoto};

use crate::{Alerta, CommandError};

/// What importing one PFIF record did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PfifImport {
    /// A new case.
    Imported(CaseId),
    /// A case this record was imported into before (its draft updated).
    Merged(CaseId),
}

/// The version an action names; the officer must say what they read.
fn reviewed(version: Option<i64>) -> Result<i64, FieldError> {
    version
        .ok_or_else(|| FieldError::new("version", "is required: the version of the case you read"))
}

impl Alerta {
    /// Registers a case as a draft for police to verify, with its photo in
    /// the same transaction when there is one. Unless `confirm_duplicate`,
    /// a case that looks like an open one is refused, naming it.
    pub async fn register(
        &self,
        actor: &Actor,
        details: &CaseDetails,
        photo: Option<&StoredPhoto>,
        confirm_duplicate: bool,
    ) -> Result<Case, CommandError> {
        policy::may_create(Some(actor))?;
        policy::may_ask_alert_area(actor, details, None)?;
        let case = self
            .store
            .create_case_with_photo(details, photo, actor, confirm_duplicate, self.now())
            .await?;
        metrics::counter!("alerta_cases_created_total").increment(1);
        Ok(case)
    }

    /// Replaces a case's details (its family while a draft, police of the
    /// organisation in charge until resolved). Mails nobody: police decide
    /// when a correction is news ([`Alerta::mail_correction`]).
    pub async fn correct(
        &self,
        actor: &Actor,
        id: CaseId,
        details: &CaseDetails,
    ) -> Result<Case, CommandError> {
        let now = self.now();
        self.change_case(actor, id, |case| case.correct(actor, details, now))
            .await?;
        Ok(self.store.case(id).await?)
    }

    /// Stores (or replaces) a case's photo, already normalised: whoever may
    /// edit the case may.
    pub async fn set_photo(
        &self,
        actor: &Actor,
        id: CaseId,
        photo: &StoredPhoto,
    ) -> Result<Case, CommandError> {
        let mut tx = self.store.begin_write().await?;
        let case = tx.case_for_update(id).await?;
        policy::may_edit(Some(actor), &case)?;
        tx.replace_photo(id, photo, actor, self.now()).await?;
        tx.commit().await?;
        Ok(self.store.case(id).await?)
    }

    /// Stores one record of a PFIF import by police: a new draft (or a
    /// resolved case, when the record says the search is over), or, for a
    /// record imported before, its newer details while that case is still a
    /// draft. One that looks like an open case here (same name and age) is
    /// refused, storing nothing. Mails nobody: police verify and publish.
    pub async fn import_pfif_record(
        &self,
        importer: &Actor,
        record_id: &str,
        details: &CaseDetails,
        closed: Option<(Outcome, chrono::DateTime<chrono::Utc>)>,
        photo: Option<&StoredPhoto>,
    ) -> Result<PfifImport, CommandError> {
        policy::may_import(Some(importer))?;
        policy::may_create(Some(importer))?;
        if let Some(id) = self.store.case_of_pfif_record(record_id).await? {
            // Only a draft takes the newer details: once police verified a
            // case, what they published stands.
            if self.store.case(id).await?.status == CaseStatus::Draft {
                self.correct(importer, id, details).await?;
            }
            return Ok(PfifImport::Merged(id));
        }
        let case = self
            .store
            .create_imported_case(record_id, details, closed, photo, importer, self.now())
            .await?;
        Ok(PfifImport::Imported(case.id))
    }

    /// Replaces the widenings still to come for a case.
    pub async fn plan_widenings(
        &self,
        actor: &Actor,
        id: CaseId,
        steps: &[PlannedStep],
    ) -> Result<(), CommandError> {
        let mut tx = self.store.begin_write().await?;
        let case = tx.case_for_update(id).await?;
        policy::may_plan_widening(Some(actor), &case)?;
        tx.replace_widening_plan(id, steps, actor, self.now())
            .await?;
        Ok(tx.commit().await?)
    }

    /// Publishes a verified draft: its alert is queued for every volunteer
    /// of its area in the same transaction. Answers the case and the reach.
    pub async fn publish(
        &self,
        actor: &Actor,
        id: CaseId,
        version: Option<i64>,
    ) -> Result<(Case, u64), CommandError> {
        let version = reviewed(version)?;
        let now = self.now();
        let recipients = self
            .change_case(actor, id, |case| {
                case.publish(actor, version, now).map(Some)
            })
            .await?;
        metrics::counter!("alerta_cases_published_total").increment(1);
        self.queued_mail();
        Ok((self.store.case(id).await?, recipients))
    }

    /// Widens an active case's alert area: its circle to `radius_km`, its
    /// corridor to `route_width_km`, or both. Answers how many volunteers it
    /// newly reaches (only they are mailed).
    pub async fn widen(
        &self,
        actor: &Actor,
        id: CaseId,
        radius_km: Option<f64>,
        route_width_km: Option<f64>,
        version: Option<i64>,
    ) -> Result<u64, CommandError> {
        let wider = Wider::parse("", radius_km, route_width_km)?;
        let version = reviewed(version)?;
        let now = self.now();
        let recipients = self
            .change_case(actor, id, |case| {
                case.widen(actor, wider, version, now).map(Some)
            })
            .await?;
        self.queued_mail();
        Ok(recipients)
    }

    /// Draws the road, the area and the kinds of partner an officer gives
    /// on the version of the case they read. On a published case in view,
    /// whoever the new area reaches that the alert had not is alerted;
    /// answers how many.
    pub async fn draw_alert_area(
        &self,
        actor: &Actor,
        id: CaseId,
        drawn: &alerta_core::case::DrawnArea,
        version: Option<i64>,
    ) -> Result<u64, CommandError> {
        let version = reviewed(version)?;
        let now = self.now();
        let newly = self
            .change_case(actor, id, |case| -> Result<_, CommandError> {
                policy::may_edit(Some(actor), case)?;
                policy::reviewed(case, version)?;
                let details = case.details.with_alert_area(drawn)?;
                Ok(case.correct(actor, &details, now)?)
            })
            .await?;
        if newly > 0 {
            self.queued_mail();
        }
        Ok(newly)
    }

    /// Closes a case; the volunteers who got its alert are told.
    pub async fn resolve(
        &self,
        actor: &Actor,
        id: CaseId,
        outcome: Option<&str>,
        note: Option<&str>,
        version: Option<i64>,
    ) -> Result<Case, CommandError> {
        let outcome = match outcome.map(str::trim) {
            None | Some("") => return Err(FieldError::new("outcome", "is required").into()),
            Some(o) => Outcome::parse("outcome", o)?,
        };
        let note = clean_optional("note", note, 2000, Lines::Multi)?;
        let version = reviewed(version)?;
        let now = self.now();
        self.change_case(actor, id, |case| {
            case.resolve(actor, outcome, note.as_deref(), version, now)
                .map(Some)
        })
        .await?;
        self.queued_mail();
        Ok(self.store.case(id).await?)
    }

    /// Mails a published case's corrected details to everyone it alerted
    /// and everyone following it; answers how many.
    pub async fn mail_correction(
        &self,
        actor: &Actor,
        id: CaseId,
        version: Option<i64>,
    ) -> Result<u64, CommandError> {
        let version = reviewed(version)?;
        let now = self.now();
        let recipients = self
            .change_case(actor, id, |case| {
                case.mail_correction(actor, version, now).map(Some)
            })
            .await?;
        self.queued_mail();
        Ok(recipients)
    }

    /// Takes an active case out of public view (its unsent alerts are
    /// withdrawn), or puts it back (its alert goes to everyone in its area
    /// it has not reached).
    pub async fn set_hidden(
        &self,
        actor: &Actor,
        id: CaseId,
        hidden: bool,
    ) -> Result<Case, CommandError> {
        let now = self.now();
        self.change_case(actor, id, |case| case.set_hidden(actor, hidden, now))
            .await?;
        if !hidden {
            self.queued_mail();
        }
        Ok(self.store.case(id).await?)
    }

    /// Reads case `id` with its row locked, asks the domain (`decide`) what
    /// `actor`'s change does to it, and writes that, in one transaction.
    /// Answers how many messages it queued or withdrew (0 when `decide`
    /// answers that nothing changes).
    async fn change_case<E: Into<CommandError>>(
        &self,
        actor: &Actor,
        id: CaseId,
        decide: impl FnOnce(&Case) -> Result<Option<CaseChange>, E>,
    ) -> Result<u64, CommandError> {
        let mut tx = self.store.begin_write().await?;
        let case = tx.case_for_update(id).await?;
        let count = match decide(&case).map_err(Into::into)? {
            Some(change) => tx.apply(&case, &change, Some(actor.user_id.0)).await?,
            None => 0,
        };
        tx.commit().await?;
        Ok(count)
    }
}

//! What volunteers (and anyone following a case) do: ask for alerts,
//! confirm from the mailed link, ask for a manage link; and an
//! administrator's bulk import of an existing volunteer list.

use alerta_core::{
    CaseId, Email, Language, NewSubscription, SubscriptionInput, VolunteerId, policy,
};

use alerta_credentials::{new_token, token_hash};
use alerta_store::{ImportOutcome, UndoGrant};

use crate::{Alerta, CommandError, MAIL_COOLDOWN_MINUTES};

/// How long the page that says "unsubscribed" can undo it.
pub const UNDO_UNSUBSCRIBE_MINUTES: i64 = 60;

/// An unsubscribe that happened, and the token its page may undo it with.
#[derive(Debug, Clone)]
pub struct Unsubscribed {
    pub volunteer: VolunteerId,
    pub undo_token: String,
}

impl Alerta {
    /// A fresh undo token for an unsubscribe happening now.
    fn undo_grant(&self) -> (String, UndoGrant) {
        let token = new_token();
        let grant = UndoGrant {
            token_hash: token_hash(&token),
            expires_at: self.now() + chrono::Duration::minutes(UNDO_UNSUBSCRIBE_MINUTES),
        };
        (token, grant)
    }

    fn cooldown(&self) -> chrono::Duration {
        chrono::Duration::minutes(MAIL_COOLDOWN_MINUTES)
    }

    /// Records a subscription request; its confirmation mail goes out
    /// unless an earlier one still carries it. The same outcome whatever
    /// the address.
    pub async fn subscribe(&self, subscription: &NewSubscription) -> Result<(), CommandError> {
        self.store
            .subscribe(subscription, self.now(), self.cooldown())
            .await?;
        self.queued_mail();
        Ok(())
    }

    /// Checks a subscription request as typed (the place and region names
    /// against the gazetteer and the boundary data).
    pub fn parse_subscription(
        &self,
        input: &SubscriptionInput,
    ) -> Result<NewSubscription, CommandError> {
        Ok(NewSubscription::parse(input, &alerta_places::WORLD)?)
    }

    /// Records a request to follow one active case by mail; a confirmation goes out.
    pub async fn follow(
        &self,
        case: CaseId,
        email: &Email,
        language: Language,
    ) -> Result<(), CommandError> {
        let stored = self.store.case(case).await?;
        policy::view(None, &stored)?;
        policy::may_tip(&stored)?;
        self.store
            .follow_case(email, language, case, self.now(), self.cooldown())
            .await?;
        self.queued_mail();
        Ok(())
    }

    /// Uses a confirmation link: the zones and followed cases waiting go
    /// live (a digest of the cases already active may be queued).
    pub async fn confirm(&self, token_hash: &str) -> Result<Option<VolunteerId>, CommandError> {
        let confirmed = self.store.confirm_volunteer(token_hash, self.now()).await?;
        if confirmed.is_some() {
            self.queued_mail();
        }
        Ok(confirmed)
    }

    /// Uses a one-click unsubscribe token: no more mail of any kind. The
    /// answer carries the token that undoes it within the hour.
    pub async fn unsubscribe(
        &self,
        token_hash: &str,
    ) -> Result<Option<Unsubscribed>, CommandError> {
        let (undo_token, grant) = self.undo_grant();
        Ok(self
            .store
            .unsubscribe(token_hash, &grant, self.now())
            .await?
            .map(|volunteer| Unsubscribed {
                volunteer,
                undo_token,
            }))
    }

    /// Stops every alert of a volunteer in a manage session; answers the
    /// token that undoes it within the hour.
    pub async fn stop_alerts(&self, volunteer: VolunteerId) -> Result<Unsubscribed, CommandError> {
        let (undo_token, grant) = self.undo_grant();
        self.store
            .unsubscribe_volunteer(volunteer, &grant, self.now())
            .await?;
        Ok(Unsubscribed {
            volunteer,
            undo_token,
        })
    }

    /// Undoes an unsubscribe from its page, within the hour: alerts on
    /// again for the same zones. None once too late.
    pub async fn undo_unsubscribe(
        &self,
        undo_token: &str,
    ) -> Result<Option<VolunteerId>, CommandError> {
        Ok(self
            .store
            .undo_unsubscribe(&token_hash(undo_token), self.now())
            .await?)
    }

    /// Uses up a mailed manage link and opens a manage session whose
    /// token hashes to `session_hash`; None when the link no longer works.
    pub async fn open_manage_session(
        &self,
        link_hash: &str,
        session_hash: &str,
    ) -> Result<Option<VolunteerId>, CommandError> {
        let now = self.now();
        let expires_at =
            now + chrono::Duration::minutes(alerta_core::volunteer::MANAGE_SESSION_MINUTES);
        Ok(self
            .store
            .open_manage_session(link_hash, session_hash, now, expires_at)
            .await?)
    }

    /// How every later alert brings a volunteer the poster (from their
    /// manage page).
    pub async fn set_poster_delivery(
        &self,
        volunteer: VolunteerId,
        poster: alerta_core::PosterDelivery,
    ) -> Result<(), CommandError> {
        Ok(self.store.set_poster_delivery(volunteer, poster).await?)
    }

    /// The language of every later message to a volunteer.
    pub async fn set_language(
        &self,
        volunteer: VolunteerId,
        language: Language,
    ) -> Result<(), CommandError> {
        Ok(self
            .store
            .set_volunteer_language(volunteer, language)
            .await?)
    }

    /// Forgets one of a volunteer's zones; false when it is not theirs.
    pub async fn remove_zone(
        &self,
        volunteer: VolunteerId,
        zone: i64,
    ) -> Result<bool, CommandError> {
        Ok(self.store.remove_zone(volunteer, zone).await?)
    }

    /// Mails a fresh manage link to the address if it is subscribed; the
    /// same outcome either way.
    pub async fn request_manage_link(&self, email: &Email) -> Result<(), CommandError> {
        let queued = self
            .store
            .request_manage_link(email, self.now(), self.cooldown())
            .await?;
        if queued {
            self.queued_mail();
        }
        Ok(())
    }

    /// Imports one batch of a bulk import, in one transaction. With
    /// `confirmed` (an administrator attests earlier consent) addresses and
    /// zones are live at once; without it each new address gets one
    /// confirmation mail. An address that unsubscribed is never added back.
    pub async fn import_volunteers(
        &self,
        batch: &[NewSubscription],
        confirmed: bool,
    ) -> Result<ImportOutcome, CommandError> {
        let outcome = self
            .store
            .import_subscriptions(batch, confirmed, self.now())
            .await?;
        if !confirmed && outcome.volunteers_created > 0 {
            self.queued_mail();
        }
        Ok(outcome)
    }

    /// How many rows [`Alerta::import_volunteers`] should get at a time on
    /// this database.
    pub fn import_batch_rows(&self) -> usize {
        self.store.import_batch_rows()
    }

    /// Ends a bulk import: the database's statistics are brought up to date.
    pub async fn finish_volunteer_import(&self) -> Result<(), CommandError> {
        Ok(self.store.finish_import().await?)
    }
}

//! The sender: claims due outbox rows, sends them with bounded concurrency,
//! and records each outcome. Any number of senders (one per `alerta serve`)
//! can share a database.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use std::collections::HashMap;

use alerta_core::{Case, CaseId, CaseStatus, Language, VolunteerId};
use alerta_poster::{Key, Kind, Paper, PhotoJpeg, PosterCache};
use alerta_store::{
    Delivery, MailKind, NormalizedJpeg, OutboxItem, Store, StoreError, TokenPurpose,
    VolunteerContact,
};
use chrono::{DateTime, Utc};
use rand::Rng;
use tokio::sync::{Notify, watch};
use tokio::task::JoinSet;

use crate::compose::{self, Composed, EncodedFile, Envelope, MailContext};
use crate::mailer::{Mailer, SendError};
use alerta_credentials::{new_token, token_hash};

/// How long a confirmation link stays valid.
pub const CONFIRM_LINK_HOURS: i64 = 48;
/// Unsubscribe links in mail keep working for a long time: people act on old mail.
pub const UNSUBSCRIBE_LINK_DAYS: i64 = 365;
pub use alerta_core::volunteer::MANAGE_LINK_HOURS;

#[derive(Clone, Debug)]
pub struct SenderSettings {
    /// Rows claimed per round.
    pub batch: i64,
    /// How long a claim holds before another sender may take the row.
    pub lease: chrono::Duration,
    /// Wait between rounds when nothing is due.
    pub idle_poll: Duration,
    /// First retry delay; doubles with each attempt, with jitter.
    pub retry_base: chrono::Duration,
    pub retry_max: chrono::Duration,
    /// After this many attempts a temporary failure becomes final.
    pub max_attempts: i64,
    /// With a global send rate, the time between two messages, across every
    /// sender sharing the database.
    pub send_interval: Option<chrono::Duration>,
}

impl Default for SenderSettings {
    fn default() -> Self {
        SenderSettings {
            batch: 32,
            lease: chrono::Duration::minutes(5),
            idle_poll: Duration::from_millis(500),
            retry_base: chrono::Duration::seconds(30),
            retry_max: chrono::Duration::hours(1),
            max_attempts: 12,
            send_interval: None,
        }
    }
}

pub use alerta_core::Clock;

/// A volunteer as a round's message to them needs it.
struct Recipient {
    contact: VolunteerContact,
    /// The token of the unsubscribe link in this message (its hash is stored).
    unsubscribe_token: String,
}

/// A case as its messages need it: read once per round, shared by them all.
struct CaseBundle {
    case: Case,
    /// The normalised JPEG, shown inside alert mail and printed on the poster.
    photo: Option<NormalizedJpeg>,
    /// The photo as alert mail carries it, encoded once for the round.
    photo_file: Option<EncodedFile>,
    /// The posters as alert mail carries them, encoded once per language
    /// and paper for the round (None: it could not be rendered).
    poster_files: Mutex<PosterFiles>,
}

type PosterFiles = HashMap<(Language, Paper), Option<Arc<EncodedFile>>>;

#[derive(Clone)]
pub struct Sender {
    store: Store,
    mailer: Mailer,
    ctx: MailContext,
    settings: SenderSettings,
    clock: Clock,
    /// Identifies this sender's claims (for operators reading the outbox).
    owner: String,
    /// Poked when this process queues mail, so it goes out without waiting for a poll.
    wakeup: Arc<Notify>,
    /// The posters alerts carry, rendered once per case, version and language.
    posters: Arc<PosterCache>,
}

impl Sender {
    pub fn new(
        store: Store,
        mailer: Mailer,
        ctx: MailContext,
        settings: SenderSettings,
        clock: Clock,
        wakeup: Arc<Notify>,
        posters: Arc<PosterCache>,
    ) -> Sender {
        let owner = format!(
            "{}-{}",
            std::process::id(),
            new_token().chars().take(8).collect::<String>()
        );
        Sender {
            store,
            mailer,
            ctx,
            settings,
            clock,
            owner,
            wakeup,
            posters,
        }
    }

    /// Sends until `shutdown` turns true, finishing the rounds in progress.
    /// Two rounds overlap: while one waits for its slowest messages, the
    /// other keeps every connection busy (the mailer bounds connections).
    pub async fn run(self, shutdown: watch::Receiver<bool>) {
        const ROUNDS_IN_FLIGHT: usize = 2;
        let mut rounds = JoinSet::new();
        for _ in 0..ROUNDS_IN_FLIGHT {
            rounds.spawn(self.clone().run_rounds(shutdown.clone()));
        }
        while rounds.join_next().await.is_some() {}
    }

    async fn run_rounds(self, mut shutdown: watch::Receiver<bool>) {
        loop {
            let sent = match self.drain_once().await {
                Ok(n) => n,
                Err(e) => {
                    tracing::error!(error = %e, "outbox round failed");
                    0
                }
            };
            if *shutdown.borrow() {
                return;
            }
            if sent == 0 {
                tokio::select! {
                    _ = self.wakeup.notified() => {},
                    _ = tokio::time::sleep(self.settings.idle_poll) => {},
                    _ = shutdown.changed() => return,
                }
            }
        }
    }

    /// Claims one batch of due rows and delivers them; answers how many rows it handled.
    pub async fn drain_once(&self) -> Result<usize, StoreError> {
        let mut limit = self.settings.batch;
        let mut pace = None;
        if let Some(interval) = self.settings.send_interval {
            // Slots first, claims when they come: a claim never waits out
            // its lease behind other senders' slots.
            limit = self.store.outbox_due((self.clock)(), limit).await?;
            if limit == 0 {
                return Ok(0);
            }
            let now = (self.clock)();
            let start = self.store.reserve_send_slots(limit, interval, now).await?;
            tokio::time::sleep((start - now).to_std().unwrap_or_default()).await;
            pace = Some((start, interval));
        }
        let now = (self.clock)();
        let items = self
            .store
            .claim_outbox(now, now + self.settings.lease, &self.owner, limit)
            .await?;
        let count = items.len();
        let cases = self.load_cases(&items).await?;
        let recipients = self.load_recipients(&items).await?;
        let mut tasks = JoinSet::new();
        for (slot, item) in items.into_iter().enumerate() {
            let sender = self.clone();
            let case = item.case_id.and_then(|id| cases.get(&id).cloned());
            let recipient = item
                .volunteer_id
                .and_then(|id| recipients.get(&id).cloned());
            let wait = pace.and_then(|(start, interval)| {
                (start + interval * slot as i32 - (self.clock)())
                    .to_std()
                    .ok()
            });
            tasks.spawn(async move {
                if let Some(wait) = wait {
                    tokio::time::sleep(wait).await;
                }
                let outcome = sender.attempt(&item, case, recipient).await;
                (item.id, outcome)
            });
        }
        let mut outcomes = Vec::with_capacity(count);
        while let Some(done) = tasks.join_next().await {
            // A row whose attempt went wrong here stays claimed: its lease
            // runs out and it goes again.
            match done {
                Ok((id, Ok(outcome))) => outcomes.push((id, outcome)),
                Ok((id, Err(e))) => {
                    tracing::error!(outbox = id, error = %e, "cannot prepare a message")
                }
                Err(e) => tracing::error!(error = %e, "delivery task failed"),
            }
        }
        self.store
            .record_deliveries(&self.owner, (self.clock)(), &outcomes)
            .await?;
        Ok(count)
    }

    /// Each volunteer a round's messages go to, read together, with the
    /// unsubscribe link their mail carries (one stored token per message,
    /// written for the whole round at once).
    async fn load_recipients(
        &self,
        items: &[OutboxItem],
    ) -> Result<HashMap<VolunteerId, Arc<Recipient>>, StoreError> {
        let ids: std::collections::HashSet<VolunteerId> =
            items.iter().filter_map(|i| i.volunteer_id).collect();
        let ids: Vec<VolunteerId> = ids.into_iter().collect();
        let contacts = self.store.volunteer_contacts(&ids).await?;
        let now = (self.clock)();
        let mut tokens = Vec::with_capacity(contacts.len());
        let mut recipients = HashMap::with_capacity(contacts.len());
        for (id, contact) in contacts {
            let unsubscribe_token = new_token();
            tokens.push((id, token_hash(&unsubscribe_token)));
            let recipient = Recipient {
                contact,
                unsubscribe_token,
            };
            recipients.insert(id, Arc::new(recipient));
        }
        let expires_at = now + chrono::Duration::days(UNSUBSCRIBE_LINK_DAYS);
        self.store
            .add_volunteer_tokens(TokenPurpose::Unsubscribe, &tokens, now, expires_at)
            .await?;
        Ok(recipients)
    }

    /// Each case a round's messages are about, with its photo, read once for all of them.
    async fn load_cases(
        &self,
        items: &[OutboxItem],
    ) -> Result<HashMap<CaseId, Arc<CaseBundle>>, StoreError> {
        let mut cases = HashMap::new();
        for id in items.iter().filter_map(|item| item.case_id) {
            if cases.contains_key(&id) {
                continue;
            }
            let case = self.store.case(id).await?;
            let photo = match case.has_photo {
                true => self.store.normalized_photo(id).await?,
                false => None,
            };
            let photo_file = photo.as_ref().map(|p| EncodedFile::new(&p.jpeg));
            let bundle = CaseBundle {
                case,
                photo,
                photo_file,
                poster_files: Mutex::default(),
            };
            cases.insert(id, Arc::new(bundle));
        }
        Ok(cases)
    }

    /// The poster as alert mail carries it: encoded once per round.
    async fn poster_file(
        &self,
        bundle: &CaseBundle,
        language: Language,
        paper: Paper,
    ) -> Option<Arc<EncodedFile>> {
        let key = (language, paper);
        let encoded = bundle
            .poster_files
            .lock()
            .expect("not poisoned")
            .get(&key)
            .cloned();
        if let Some(file) = encoded {
            return file;
        }
        let pdf = self.poster(bundle, language, paper).await;
        let file = pdf.map(|pdf| Arc::new(EncodedFile::new(&pdf)));
        let mut files = bundle.poster_files.lock().expect("not poisoned");
        files.entry(key).or_insert(file).clone()
    }

    /// The poster of the bundle's case in `language` on `paper`, rendered on the
    /// blocking pool the first time and kept for every other recipient (and
    /// for the web, which shares the cache). An alert goes out without it
    /// rather than not at all if it cannot be rendered.
    async fn poster(
        &self,
        bundle: &CaseBundle,
        language: Language,
        paper: Paper,
    ) -> Option<Arc<[u8]>> {
        let key = Key::of(&bundle.case, Kind::Pdf(paper), language, (self.clock)());
        if let Some(pdf) = self.posters.get(&key) {
            return Some(pdf);
        }
        let posters = self.posters.clone();
        let case = bundle.case.clone();
        let photo = bundle
            .photo
            .as_ref()
            .map(|p| (p.jpeg.clone(), p.width, p.height));
        let page_url = self.ctx.link(&format!("/cases/{}", case.id));
        let rendered = tokio::task::spawn_blocking(move || {
            let photo = photo.as_ref().map(|(jpeg, width, height)| PhotoJpeg {
                jpeg,
                width: *width,
                height: *height,
            });
            posters.case_poster(key, &case, &page_url, photo.as_ref())
        })
        .await;
        match rendered {
            Ok(Ok(pdf)) => Some(pdf),
            Ok(Err(e)) => {
                tracing::error!(case = key.case.0, error = %e, "the poster could not be rendered; alerts go without it");
                None
            }
            Err(e) => {
                tracing::error!(case = key.case.0, error = %e, "the poster task failed");
                None
            }
        }
    }

    /// Composes and sends one message; answers what to record for its row.
    async fn attempt(
        &self,
        item: &OutboxItem,
        case: Option<Arc<CaseBundle>>,
        recipient: Option<Arc<Recipient>>,
    ) -> Result<Delivery, StoreError> {
        // Decided before anything is rendered or a connection taken: an
        // alert or update of a case out of public view goes to nobody.
        let hidden = case.as_deref().is_some_and(|bundle| bundle.case.hidden);
        if hidden && matches!(item.kind, MailKind::Alert | MailKind::Update) {
            metrics::counter!("alerta_mail_withdrawn_total", "kind" => item.kind.as_str())
                .increment(1);
            return Ok(Delivery::Withdrawn {
                reason: "the case was taken out of public view".into(),
            });
        }
        let outcome = match self.mailer.slot().await {
            Ok(slot) => match self
                .compose(item, case.as_deref(), recipient.as_deref())
                .await?
            {
                Ok(composed) => slot.send(&composed.message, &composed.message_id).await,
                Err(reason) => Err(SendError::Permanent(reason)),
            },
            Err(closed) => Err(closed),
        };
        let kind = item.kind.as_str();
        Ok(match outcome {
            Ok(()) => {
                metrics::counter!("alerta_mail_sent_total", "kind" => kind).increment(1);
                Delivery::Sent
            }
            Err(SendError::Permanent(reason)) => {
                metrics::counter!("alerta_mail_failed_total", "kind" => kind).increment(1);
                tracing::warn!(outbox = item.id, kind, %reason, "message refused for good");
                Delivery::Failed { error: reason }
            }
            Err(SendError::Transient(reason)) if item.attempts >= self.settings.max_attempts => {
                metrics::counter!("alerta_mail_failed_total", "kind" => kind).increment(1);
                let error = format!("gave up after {} attempts: {reason}", item.attempts);
                Delivery::Failed { error }
            }
            Err(SendError::Transient(reason)) => {
                metrics::counter!("alerta_mail_retried_total", "kind" => kind).increment(1);
                tracing::info!(outbox = item.id, attempts = item.attempts, %reason, "will retry");
                let at = (self.clock)() + self.backoff(item.attempts);
                Delivery::Retry { at, error: reason }
            }
        })
    }

    /// Exponential backoff with ±50 % jitter, so a recovering server is not hit
    /// by every retry at the same instant.
    fn backoff(&self, attempts: i64) -> chrono::Duration {
        let exponent = u32::try_from(attempts.saturating_sub(1).clamp(0, 20)).unwrap_or(20);
        let base = self
            .settings
            .retry_base
            .num_milliseconds()
            .saturating_mul(1i64 << exponent);
        let capped = base.min(self.settings.retry_max.num_milliseconds());
        let jittered = (capped as f64 * rand::rng().random_range(0.5..1.5)) as i64;
        chrono::Duration::milliseconds(jittered.max(1))
    }

    /// The message for `item`, or why it can never be sent.
    async fn compose(
        &self,
        item: &OutboxItem,
        bundle: Option<&CaseBundle>,
        recipient: Option<&Recipient>,
    ) -> Result<Result<Composed, String>, StoreError> {
        if item.kind == MailKind::Tip {
            return self.compose_tip(item, bundle).await;
        }
        if item.kind == MailKind::OrgNotice {
            return self.compose_org_notice(item, bundle).await;
        }
        if item.volunteer_id.is_none() {
            return Ok(Err("a volunteer message without a volunteer".into()));
        }
        let Some(Recipient {
            contact,
            unsubscribe_token: unsubscribe,
        }) = recipient
        else {
            return Ok(Err("the volunteer no longer exists".into()));
        };
        let volunteer = contact.id;
        let now = (self.clock)();
        // Links open their pages in the volunteer's language.
        let lang = contact.language.as_str();
        // For the List-Unsubscribe header only: never in the body.
        let unsubscribe_url = self
            .ctx
            .link(&format!("/unsubscribe?token={unsubscribe}&lang={lang}"));
        match item.kind {
            MailKind::Manage => {
                let token = self
                    .mint(
                        volunteer,
                        TokenPurpose::Manage,
                        now + chrono::Duration::hours(MANAGE_LINK_HOURS),
                    )
                    .await?;
                let envelope = Envelope {
                    to: &contact.email,
                    language: contact.language,
                    message_id: self.ctx.message_id("manage", item.id, contact.id.0),
                    unsubscribe_url: &unsubscribe_url,
                };
                let manage_url = self
                    .ctx
                    .link(&format!("/subscriptions/manage?token={token}&lang={lang}"));
                Ok(compose::manage_link(
                    &self.ctx,
                    envelope,
                    &manage_url,
                    MANAGE_LINK_HOURS,
                ))
            }
            MailKind::Confirm => {
                let confirm = self
                    .mint(
                        volunteer,
                        TokenPurpose::Confirm,
                        now + chrono::Duration::hours(CONFIRM_LINK_HOURS),
                    )
                    .await?;
                // What this confirmation turns on: new zones, followed cases, or
                // (a repeated request) the zones the volunteer has.
                let follows: Vec<String> = self
                    .store
                    .follows_to_confirm(volunteer)
                    .await?
                    .into_iter()
                    .map(|(id, name)| {
                        format!("{name} ({})", self.ctx.link(&format!("/cases/{id}")))
                    })
                    .collect();
                let mut zones = self.store.pending_zone_labels(volunteer).await?;
                if zones.is_empty() && follows.is_empty() {
                    zones = self.store.zone_labels_to_confirm(volunteer).await?;
                }
                let zones = (!zones.is_empty()).then(|| zones.join("; "));
                let envelope = Envelope {
                    to: &contact.email,
                    language: contact.language,
                    message_id: self.ctx.message_id("confirm", item.id, contact.id.0),
                    unsubscribe_url: &unsubscribe_url,
                };
                let confirm_url = self.ctx.link(&format!(
                    "/subscriptions/confirm?token={confirm}&lang={lang}"
                ));
                Ok(compose::confirmation(
                    &self.ctx,
                    envelope,
                    zones.as_deref(),
                    &follows,
                    &confirm_url,
                    CONFIRM_LINK_HOURS,
                ))
            }
            MailKind::Alert | MailKind::Found | MailKind::Update => {
                let Some(bundle) = bundle else {
                    return Ok(Err("an alert row without a case".into()));
                };
                let case = &bundle.case;
                let message_id = match item.kind {
                    // Each update is a new message; the retries of one keep its id.
                    MailKind::Update => self.ctx.message_id(
                        &format!("update.v{}", case.version),
                        case.id.0,
                        contact.id.0,
                    ),
                    kind => self.ctx.message_id(kind.as_str(), case.id.0, contact.id.0),
                };
                let envelope = Envelope {
                    to: &contact.email,
                    language: contact.language,
                    message_id,
                    unsubscribe_url: &unsubscribe_url,
                };
                if !contact.confirmed {
                    return Ok(Err("the volunteer unsubscribed".into()));
                }
                match item.kind {
                    MailKind::Found => Ok(compose::found(&self.ctx, envelope, case)),
                    _ if case.status != CaseStatus::Active => {
                        Ok(Err("the case was resolved before this went out".into()))
                    }
                    kind => {
                        let photo = bundle.photo_file.as_ref();
                        let paper = Paper::for_country(contact.country.as_deref());
                        let poster = self.poster_file(bundle, contact.language, paper).await;
                        let poster = poster.as_deref();
                        Ok(match kind {
                            MailKind::Update => {
                                compose::update(&self.ctx, envelope, case, photo, poster)
                            }
                            _ => compose::alert(&self.ctx, envelope, case, photo, poster),
                        })
                    }
                }
            }
            MailKind::Digest => {
                let mut cases = Vec::new();
                for id in self.store.active_cases_for_volunteer(contact.id).await? {
                    cases.push(self.store.case(id).await?);
                }
                if cases.is_empty() {
                    return Ok(Err("no case is active in the zone any more".into()));
                }
                let envelope = Envelope {
                    to: &contact.email,
                    language: contact.language,
                    message_id: self.ctx.message_id("digest", item.id, contact.id.0),
                    unsubscribe_url: &unsubscribe_url,
                };
                Ok(compose::digest(&self.ctx, envelope, &cases))
            }
            MailKind::Tip | MailKind::OrgNotice => {
                Ok(Err("staff mail is composed on its own".into()))
            }
        }
    }

    /// A tip for the police contact of its case.
    async fn compose_tip(
        &self,
        item: &OutboxItem,
        bundle: Option<&CaseBundle>,
    ) -> Result<Result<Composed, String>, StoreError> {
        let (Some(tip_id), Some(CaseBundle { case, .. })) = (item.tip_id, bundle) else {
            return Ok(Err("a tip row without its tip or case".into()));
        };
        let Some((tips, police)) = self.store.tips_for_police(tip_id).await? else {
            return Ok(Err("the tip no longer exists".into()));
        };
        let Some(police) = police else {
            return Ok(Err("the case has no police contact".into()));
        };
        Ok(compose::tips(&self.ctx, &police, case, tip_id, &tips))
    }

    /// The notice to an organisation whose jurisdiction a case's alert
    /// reaches into, at its contact address.
    async fn compose_org_notice(
        &self,
        item: &OutboxItem,
        bundle: Option<&CaseBundle>,
    ) -> Result<Result<Composed, String>, StoreError> {
        let (Some(organisation), Some(CaseBundle { case, .. })) = (item.organisation_id, bundle)
        else {
            return Ok(Err("a notice row without its organisation or case".into()));
        };
        let Some(organisation) = self.store.organisation(organisation).await? else {
            return Ok(Err("the organisation no longer exists".into()));
        };
        let Some(to) = organisation.contact_email.as_deref() else {
            return Ok(Err("the organisation has no contact address".into()));
        };
        Ok(compose::organisation_notice(
            &self.ctx,
            to,
            &organisation,
            case,
        ))
    }

    async fn mint(
        &self,
        volunteer: VolunteerId,
        purpose: TokenPurpose,
        expires_at: DateTime<Utc>,
    ) -> Result<String, StoreError> {
        let token = new_token();
        self.store
            .add_volunteer_token(
                volunteer,
                purpose,
                &token_hash(&token),
                (self.clock)(),
                expires_at,
            )
            .await?;
        Ok(token)
    }
}

//! The sender: claims due outbox rows, sends them with bounded concurrency,
//! and records each outcome. Any number of senders (one per `alerta serve`)
//! can share a database.

use std::sync::Arc;
use std::time::Duration;

use alerta_core::{Case, Language, PosterDelivery, VolunteerId};
use alerta_poster::{Key, Kind, Paper, PhotoJpeg, PosterCache};
use alerta_store::{Delivery, MailKind, OutboxItem, Store, StoreError, TokenPurpose};
use chrono::{DateTime, Utc};
use rand::Rng;
use tokio::sync::{Notify, watch};
use tokio::task::JoinSet;

use crate::compose::{self, Composed, Content, EncodedFile, Envelope, MailContext};
use crate::decide::{Message, Verdict, decide};
use crate::mailer::{Mailer, SendError};
use crate::round::{CaseBundle, ContentKey, Recipient, Round};
use alerta_credentials::{new_token, token_hash};

/// How long a confirmation link stays valid.
pub const CONFIRM_LINK_HOURS: i64 = 48;
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
    /// Mail about cases as every recipient of it gets it, written once.
    contents: Arc<ContentCache>,
}

/// Mail about cases, written out: an alert's recipients span many rounds.
/// A few per case in flight (its languages, papers and kinds) are enough.
type ContentCache = quick_cache::sync::Cache<ContentKey, Arc<Content>>;
const CONTENTS_KEPT: usize = 64;

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
            contents: Arc::new(ContentCache::new(CONTENTS_KEPT)),
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
        // Rounds failed in a row (the database away): the wait grows, and
        // only the first failure and the recovery are logged, not each try.
        let mut failures: u32 = 0;
        loop {
            let sent = match self.drain_once().await {
                Ok(n) => {
                    if failures > 0 {
                        tracing::info!(failures, "outbox rounds work again");
                        failures = 0;
                    }
                    n
                }
                Err(e) => {
                    if failures == 0 {
                        tracing::error!(error = %alerta_core::Chain(&e), "outbox round failed; retrying, less and less often, until it works");
                    } else {
                        tracing::debug!(error = %alerta_core::Chain(&e), failures, "outbox round failed again");
                    }
                    failures = failures.saturating_add(1);
                    0
                }
            };
            if *shutdown.borrow() {
                return;
            }
            if sent == 0 {
                let wait = wait_after(self.settings.idle_poll, failures);
                tokio::select! {
                    _ = self.wakeup.notified(), if failures == 0 => {},
                    _ = tokio::time::sleep(wait) => {},
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
        let lease_until = now + self.settings.lease;
        let (items, links) =
            crate::round::claim(&self.store, now, lease_until, &self.owner, limit).await?;
        let count = items.len();
        let round = Arc::new(Round::load(&self.store, &items, links).await?);
        let mut tasks = JoinSet::new();
        for (slot, item) in items.into_iter().enumerate() {
            let sender = self.clone();
            let round = round.clone();
            let wait = pace.and_then(|(start, interval)| {
                (start + interval * slot as i32 - (self.clock)())
                    .to_std()
                    .ok()
            });
            tasks.spawn(async move {
                if let Some(wait) = wait {
                    tokio::time::sleep(wait).await;
                }
                let outcome = sender.attempt(&item, &round).await;
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
                    tracing::error!(outbox = id, error = %alerta_core::Chain(&e), "cannot prepare a message")
                }
                Err(e) => tracing::error!(error = %alerta_core::Chain(&e), "delivery task failed"),
            }
        }
        self.store
            .record_deliveries(&self.owner, (self.clock)(), &outcomes)
            .await?;
        Ok(count)
    }

    /// The poster as alert mail carries it: encoded once per round.
    async fn poster_file(
        &self,
        bundle: &CaseBundle,
        language: Language,
        paper: Paper,
    ) -> Result<Option<Arc<EncodedFile>>, StoreError> {
        let key = (language, paper);
        let encoded = bundle
            .poster_files
            .lock()
            .expect("not poisoned")
            .get(&key)
            .cloned();
        if let Some(file) = encoded {
            return Ok(file);
        }
        let pdf = self.poster(bundle, language, paper).await?;
        let file = pdf.map(|pdf| Arc::new(EncodedFile::new(&pdf)));
        let mut files = bundle.poster_files.lock().expect("not poisoned");
        Ok(files.entry(key).or_insert(file).clone())
    }

    /// The photo's screen copy as mail shows it, read and encoded the
    /// first time the round needs it.
    async fn photo_file<'b>(
        &self,
        bundle: &'b CaseBundle,
    ) -> Result<Option<&'b EncodedFile>, StoreError> {
        let case = &bundle.case;
        let file = bundle
            .photo_file
            .get_or_try_init(|| async {
                Ok::<_, StoreError>(match case.has_photo {
                    true => (self.store.screen_photo(case.id).await?)
                        .map(|photo| EncodedFile::new(&photo.jpeg)),
                    false => None,
                })
            })
            .await?;
        Ok(file.as_ref())
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
    ) -> Result<Option<Arc<[u8]>>, StoreError> {
        let key = Key::of(&bundle.case, Kind::Pdf(paper), language, (self.clock)());
        if let Some(pdf) = self.posters.get(&key) {
            return Ok(Some(pdf));
        }
        let posters = self.posters.clone();
        let case = bundle.case.clone();
        // A few hundred kilobytes that only a poster not yet in the cache
        // needs: read then, once for the round's languages and papers.
        let photo = bundle
            .print_photo
            .get_or_try_init(|| async {
                match case.has_photo {
                    true => self.store.print_photo(case.id).await,
                    false => Ok(None),
                }
            })
            .await?;
        let photo = photo.as_ref().map(|p| (p.jpeg.clone(), p.width, p.height));
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
        Ok(match rendered {
            Ok(Ok(pdf)) => Some(pdf),
            Ok(Err(e)) => {
                tracing::error!(case = key.case.0, error = %alerta_core::Chain(&e), "the poster could not be rendered; alerts go without it");
                None
            }
            Err(e) => {
                tracing::error!(case = key.case.0, error = %alerta_core::Chain(&e), "the poster task failed");
                None
            }
        })
    }

    /// Decides, renders and sends one message; answers what to record for its row.
    async fn attempt(&self, item: &OutboxItem, round: &Round) -> Result<Delivery, StoreError> {
        let kind = item.kind.as_str();
        let message = match decide(item, round) {
            Verdict::Send(message) => message,
            Verdict::Withdraw(reason) => {
                metrics::counter!("alerta_mail_withdrawn_total", "kind" => kind).increment(1);
                return Ok(Delivery::Withdrawn {
                    reason: reason.into(),
                });
            }
            Verdict::Refuse(reason) => return Ok(self.refused(item, reason.into())),
        };
        let outcome = self.compose_and_send(item, message).await?;
        Ok(match outcome {
            Ok(()) => {
                metrics::counter!("alerta_mail_sent_total", "kind" => kind).increment(1);
                Delivery::Sent
            }
            Err(SendError::Permanent(reason)) => self.refused(item, reason),
            Err(SendError::RecipientRefused(reason)) => self.recipient_refused(item, reason),
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

    /// Composes the message when its turn comes, then sends it on the
    /// next free connection.
    async fn compose_and_send(
        &self,
        item: &OutboxItem,
        message: Message<'_>,
    ) -> Result<Result<(), SendError>, StoreError> {
        let turn = match self.mailer.turn_to_compose().await {
            Ok(turn) => turn,
            Err(closed) => return Ok(Err(closed)),
        };
        let composed = match self.render(item, message).await? {
            Ok(composed) => composed,
            Err(reason) => return Ok(Err(SendError::Permanent(reason))),
        };
        let envelope = match self.envelope_of(item, &composed.envelope) {
            Ok(envelope) => envelope,
            Err(reason) => return Ok(Err(SendError::Permanent(reason))),
        };
        let slot = match self.mailer.slot().await {
            Ok(slot) => slot,
            Err(closed) => return Ok(Err(closed)),
        };
        drop(turn);
        Ok(slot.send(&composed, &envelope).await)
    }

    /// The envelope `item` goes out with: from its own tagged address when
    /// a return path is set, so a bounce says which message and recipient
    /// it is about; else as composed (from the From address).
    fn envelope_of(
        &self,
        item: &OutboxItem,
        composed: &lettre::address::Envelope,
    ) -> Result<lettre::address::Envelope, String> {
        let Some(return_path) = &self.ctx.return_path else {
            return Ok(composed.clone());
        };
        let sender = return_path.address_for(crate::verp::Bounced {
            outbox_id: item.id,
            volunteer_id: item.volunteer_id.map(|v| v.0),
        });
        lettre::address::Envelope::new(Some(sender), composed.to().to_vec())
            .map_err(|e| format!("no envelope: {e}"))
    }

    /// A message whose recipient the server refused for good. When the
    /// refusal says a volunteer's address is dead, it gets no more mail,
    /// as after a hard bounce. Logged by status only: servers repeat the
    /// address in their answer.
    fn recipient_refused(&self, item: &OutboxItem, reason: String) -> Delivery {
        let kind = item.kind.as_str();
        let status = crate::reports::enhanced_status(&reason);
        let dead = status
            .as_deref()
            .is_some_and(alerta_core::bounce::refused_address_is_dead);
        let status = status.as_deref().unwrap_or("none");
        metrics::counter!("alerta_mail_failed_total", "kind" => kind).increment(1);
        match item.volunteer_id {
            Some(volunteer) if dead => {
                metrics::counter!("alerta_addresses_suppressed_total", "why" => "hard_bounce")
                    .increment(1);
                tracing::warn!(
                    outbox = item.id,
                    kind,
                    status,
                    "the mail server says the address does not exist; it gets no more mail"
                );
                Delivery::AddressRefused {
                    error: reason,
                    volunteer,
                }
            }
            _ => {
                tracing::warn!(
                    outbox = item.id,
                    kind,
                    status,
                    "the mail server refused the recipient for good"
                );
                Delivery::Failed { error: reason }
            }
        }
    }

    /// A message that can never be sent, and why.
    fn refused(&self, item: &OutboxItem, reason: String) -> Delivery {
        let kind = item.kind.as_str();
        metrics::counter!("alerta_mail_failed_total", "kind" => kind).increment(1);
        tracing::warn!(outbox = item.id, kind, %reason, "message refused for good");
        Delivery::Failed { error: reason }
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

    /// The mail for a message the round decided to send, or why it cannot
    /// be built after all (an address the mail library refuses).
    async fn render(
        &self,
        item: &OutboxItem,
        message: Message<'_>,
    ) -> Result<Result<Composed, String>, StoreError> {
        let ctx = &self.ctx;
        Ok(match message {
            Message::Manage(to) => {
                let expires_at = (self.clock)() + chrono::Duration::hours(MANAGE_LINK_HOURS);
                let token = self
                    .mint(to.contact.id, TokenPurpose::Manage, expires_at)
                    .await?;
                let manage_url = self.link_for(to, "/subscriptions/manage", &token);
                let message_id = ctx.message_id("manage", item.id, to.contact.id.0);
                compose::manage_link(
                    ctx,
                    self.envelope(to, message_id, &self.unsubscribe_url(to)),
                    &manage_url,
                    MANAGE_LINK_HOURS,
                )
            }
            Message::Confirm(to) => {
                let expires_at = (self.clock)() + chrono::Duration::hours(CONFIRM_LINK_HOURS);
                let token = self
                    .mint(to.contact.id, TokenPurpose::Confirm, expires_at)
                    .await?;
                let (zones, follows) = self.to_confirm(to.contact.id).await?;
                let confirm_url = self.link_for(to, "/subscriptions/confirm", &token);
                let message_id = ctx.message_id("confirm", item.id, to.contact.id.0);
                compose::confirmation(
                    ctx,
                    self.envelope(to, message_id, &self.unsubscribe_url(to)),
                    zones.as_deref(),
                    &follows,
                    &confirm_url,
                    CONFIRM_LINK_HOURS,
                )
            }
            Message::Alert(to, bundle)
            | Message::Update(to, bundle)
            | Message::Found(to, bundle) => {
                let case = &bundle.case;
                let message_id = match item.kind {
                    // Each update is a new message; the retries of one keep its id.
                    MailKind::Update => ctx.message_id(
                        &format!("update.v{}", case.version),
                        case.id.0,
                        to.contact.id.0,
                    ),
                    kind => ctx.message_id(kind.as_str(), case.id.0, to.contact.id.0),
                };
                let unsubscribe_url = self.unsubscribe_url(to);
                let envelope = self.envelope(to, message_id, &unsubscribe_url);
                let content = self.case_content(item.kind, bundle, to).await?;
                compose::addressed(ctx, envelope, &content)
            }
            Message::Digest(to, cases) => {
                let message_id = ctx.message_id("digest", item.id, to.contact.id.0);
                let unsubscribe_url = self.unsubscribe_url(to);
                let envelope = self.envelope(to, message_id, &unsubscribe_url);
                let cases: Vec<&Case> = cases.iter().map(Arc::as_ref).collect();
                compose::digest(ctx, envelope, &cases)
            }
            Message::Tip {
                case,
                police,
                first,
                tips,
            } => compose::tips(ctx, police, case, first, tips),
            Message::OrgNotice {
                case,
                organisation,
                to,
            } => compose::organisation_notice(ctx, to, organisation, case),
            Message::PartnerAlert(partner, bundle) => {
                let case = &bundle.case;
                let envelope = Envelope {
                    to: &partner.email,
                    language: partner.language,
                    message_id: ctx.message_id("partner_alert", case.id.0, partner.id.0),
                    unsubscribe_url: None,
                };
                let a4 = self
                    .poster_file(bundle, partner.language, Paper::A4)
                    .await?;
                let letter = self
                    .poster_file(bundle, partner.language, Paper::Letter)
                    .await?;
                let files = compose::PartnerFiles {
                    photo: self.photo_file(bundle).await?,
                    a4: a4.as_deref(),
                    letter: letter.as_deref(),
                };
                compose::partner_alert(ctx, envelope, partner, case, files)
            }
            Message::PartnerFound(partner, case) => {
                let envelope = Envelope {
                    to: &partner.email,
                    language: partner.language,
                    message_id: ctx.message_id("partner_found", case.id.0, partner.id.0),
                    unsubscribe_url: None,
                };
                let content = compose::found(ctx, partner.language, case);
                compose::addressed(ctx, envelope, &content)
            }
        })
    }

    /// An alert, update or found mail about `bundle`'s case as `to` gets
    /// it, written once for everyone who gets the same, in this round and
    /// the rounds after.
    async fn case_content(
        &self,
        kind: MailKind,
        bundle: &CaseBundle,
        to: &Recipient,
    ) -> Result<Arc<Content>, StoreError> {
        let ctx = &self.ctx;
        let (case, language) = (&bundle.case, to.contact.language);
        let paper = Paper::for_country(to.contact.country.as_deref());
        let printed = Key::of(case, Kind::Pdf(paper), language, (self.clock)()).printed;
        let key = ContentKey {
            case: case.id,
            version: case.version,
            updated_at: case.updated_at,
            kind,
            language,
            poster: (kind != MailKind::Found).then_some((paper, to.contact.poster, printed)),
            changed: match kind {
                MailKind::Update => bundle.changed.clone(),
                _ => Vec::new(),
            },
        };
        let write = async {
            if kind == MailKind::Found {
                return Ok(Arc::new(compose::found(ctx, language, case)));
            }
            // A volunteer on light mail gets the poster as a link only.
            let poster = match to.contact.poster {
                PosterDelivery::Attached => self.poster_file(bundle, language, paper).await?,
                PosterDelivery::Link => None,
            };
            let files = compose::AlertFiles {
                photo: self.photo_file(bundle).await?,
                poster: poster.as_deref(),
                paper,
            };
            Ok(Arc::new(match kind {
                MailKind::Update => compose::update(ctx, language, case, files, &bundle.changed),
                _ => compose::alert(ctx, language, case, files),
            }))
        };
        self.contents.get_or_insert_async(&key, write).await
    }

    fn envelope<'a>(
        &self,
        to: &'a Recipient,
        message_id: String,
        unsubscribe_url: &'a str,
    ) -> Envelope<'a> {
        Envelope {
            to: &to.contact.email,
            language: to.contact.language,
            message_id,
            unsubscribe_url: Some(unsubscribe_url),
        }
    }

    /// For the `List-Unsubscribe` header only: never in the body, where a
    /// forwarded message would hand it to the friend.
    fn unsubscribe_url(&self, to: &Recipient) -> String {
        self.link_for(to, "/unsubscribe", &to.unsubscribe_token)
    }

    /// A link carrying `token` that opens its page in the volunteer's language.
    fn link_for(&self, to: &Recipient, path: &str, token: &str) -> String {
        let lang = to.contact.language.as_str();
        self.ctx.link(&format!("{path}?token={token}&lang={lang}"))
    }

    /// What a confirmation turns on: the zones waiting for it (or, for a
    /// repeated request, the zones the volunteer has) and the cases followed.
    async fn to_confirm(
        &self,
        volunteer: VolunteerId,
    ) -> Result<(Option<String>, Vec<String>), StoreError> {
        let follows: Vec<String> = self
            .store
            .follows_to_confirm(volunteer)
            .await?
            .into_iter()
            .map(|(id, name)| format!("{name} ({})", self.ctx.link(&format!("/cases/{id}"))))
            .collect();
        let mut zones = self.store.pending_zone_labels(volunteer).await?;
        if zones.is_empty() && follows.is_empty() {
            zones = self.store.zone_labels_to_confirm(volunteer).await?;
        }
        Ok(((!zones.is_empty()).then(|| zones.join("; ")), follows))
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

/// The longest wait between two rounds while they keep failing.
const LONGEST_WAIT_AFTER_FAILURES: Duration = Duration::from_secs(30);

/// How long to wait before the next round: the idle poll, doubled for each
/// round failed in a row, at most [`LONGEST_WAIT_AFTER_FAILURES`].
fn wait_after(idle_poll: Duration, failures: u32) -> Duration {
    let factor = 1u32 << failures.min(16);
    idle_poll
        .saturating_mul(factor)
        .min(LONGEST_WAIT_AFTER_FAILURES.max(idle_poll))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_that_keep_failing_wait_longer_and_longer_up_to_half_a_minute() {
        let poll = Duration::from_millis(500);
        let waits: Vec<u64> = (0..9)
            .map(|failures| wait_after(poll, failures).as_millis() as u64)
            .collect();
        assert_eq!(
            waits,
            [
                500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000
            ]
        );
        assert_eq!(wait_after(poll, u32::MAX), LONGEST_WAIT_AFTER_FAILURES);
    }
}

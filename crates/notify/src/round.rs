//! What one round of the sender reads, once for all its messages: each
//! case and its photo, each recipient and the unsubscribe link their mail
//! carries, the cases each digest lists, the tips and the organisations
//! staff mail is about. Deciding and rendering then read only this.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use alerta_core::{
    Case, CaseId, Language, Organisation, OrganisationId, Partner, PartnerId, PosterDelivery, Tip,
    VolunteerId,
};
use alerta_credentials::{new_token, token_hash};
use alerta_poster::Paper;
use alerta_store::{MailKind, OutboxItem, SizedJpeg, Store, StoreError, VolunteerContact};
use chrono::{DateTime, NaiveDate, Utc};
use tokio::sync::OnceCell;

use crate::compose::EncodedFile;

/// Unsubscribe links in mail keep working for a long time: people act on old mail.
pub const UNSUBSCRIBE_LINK_DAYS: i64 = 365;

/// A volunteer as a round's message to them needs it.
pub(crate) struct Recipient {
    pub contact: VolunteerContact,
    /// The token of the unsubscribe link in this message (its hash is stored).
    pub unsubscribe_token: String,
}

/// A case as its messages need it: read once per round, shared by them all.
pub(crate) struct CaseBundle {
    pub case: Case,
    /// The photo's screen copy as alert mail shows it, encoded for mail:
    /// read at most once per round, and only if mail showing it must be
    /// written (the sender keeps what it wrote for the rounds after).
    pub photo_file: OnceCell<Option<EncodedFile>>,
    /// The photo's print copy, for a poster not yet in the cache: read at
    /// most once per round, and only if a poster must be rendered.
    pub print_photo: OnceCell<Option<SizedJpeg>>,
    /// The posters as alert mail carries them, encoded once per language
    /// and paper for the round (None: it could not be rendered).
    pub poster_files: Mutex<PosterFiles>,
    /// What an update mail says changed ([`alerta_core::history`]); empty
    /// when the round mails no update of this case.
    pub changed: Vec<String>,
}

pub(crate) type PosterFiles = HashMap<(Language, Paper), Option<Arc<EncodedFile>>>;

impl CaseBundle {
    pub fn new(case: Case) -> CaseBundle {
        CaseBundle {
            case,
            photo_file: OnceCell::new(),
            print_photo: OnceCell::new(),
            poster_files: Mutex::default(),
            changed: Vec::new(),
        }
    }
}

/// Everything that makes one mail about a case differ from another: the
/// case as it stands (its version and its last change of any kind), the
/// kind of mail, its language, the poster (paper, attached or linked, and
/// the day printed on it), and for an update what it says changed. Mail
/// with the same key is the same for every recipient, in any round.
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct ContentKey {
    pub case: CaseId,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
    pub kind: MailKind,
    pub language: Language,
    pub poster: Option<(Paper, PosterDelivery, NaiveDate)>,
    pub changed: Vec<String>,
}

/// The tips a tip mail carries, and the police address it goes to (None
/// when the case has no police contact).
pub(crate) struct TipThread {
    pub tips: Vec<Tip>,
    pub police: Option<String>,
}

#[derive(Default)]
pub(crate) struct Round {
    pub cases: HashMap<CaseId, CaseBundle>,
    pub recipients: HashMap<VolunteerId, Recipient>,
    /// For each digest's volunteer, the active cases near them, newest first.
    pub digests: HashMap<VolunteerId, Vec<Arc<Case>>>,
    /// By the tip a tip mail names first; absent when that tip is gone.
    pub tips: HashMap<i64, TipThread>,
    pub organisations: HashMap<OrganisationId, Organisation>,
    pub partners: HashMap<PartnerId, Partner>,
}

impl Round {
    /// Reads what `items` need, in a few statements whatever their number.
    /// `unsubscribe_tokens`: the link each volunteer's mail carries, stored
    /// when the round was claimed ([`claim`]).
    pub async fn load(
        store: &Store,
        items: &[OutboxItem],
        mut unsubscribe_tokens: HashMap<VolunteerId, String>,
    ) -> Result<Round, StoreError> {
        Ok(Round {
            cases: load_cases(store, items).await?,
            recipients: load_recipients(store, items, &mut unsubscribe_tokens).await?,
            digests: load_digests(store, items).await?,
            tips: load_tips(store, items).await?,
            organisations: load_organisations(store, items).await?,
            partners: load_partners(store, items).await?,
        })
    }
}

fn distinct<T: Eq + std::hash::Hash + Copy>(values: impl Iterator<Item = T>) -> Vec<T> {
    let mut seen = HashSet::new();
    values.filter(|v| seen.insert(*v)).collect()
}

async fn load_cases(
    store: &Store,
    items: &[OutboxItem],
) -> Result<HashMap<CaseId, CaseBundle>, StoreError> {
    let mut cases = HashMap::new();
    for id in distinct(items.iter().filter_map(|item| item.case_id)) {
        // The photo only if mail showing it must be written (`photo_file`).
        let mut bundle = CaseBundle::new(store.case(id).await?);
        let updates = items
            .iter()
            .any(|item| item.case_id == Some(id) && item.kind == MailKind::Update);
        if updates {
            let history = store.audit_log(id).await?;
            bundle.changed = alerta_core::history::changed_before_last_news(
                history
                    .iter()
                    .map(|line| (line.action.as_str(), &line.detail)),
            );
        }
        cases.insert(id, bundle);
    }
    Ok(cases)
}

/// Claims a round of due rows for `owner` and mints the unsubscribe link
/// of each volunteer it mails, stored in the same transaction (one stored
/// token per message: a forwarded alert's link is that message's own).
pub(crate) async fn claim(
    store: &Store,
    now: DateTime<Utc>,
    lease_until: DateTime<Utc>,
    owner: &str,
    limit: i64,
) -> Result<(Vec<OutboxItem>, HashMap<VolunteerId, String>), StoreError> {
    let mut tokens = HashMap::new();
    let mint = |volunteer: VolunteerId| {
        let token = new_token();
        let hash = token_hash(&token);
        tokens.insert(volunteer, token);
        hash
    };
    let expires_at = now + chrono::Duration::days(UNSUBSCRIBE_LINK_DAYS);
    let items = store
        .claim_round(now, lease_until, owner, limit, mint, expires_at)
        .await?;
    Ok((items, tokens))
}

/// Each volunteer with the unsubscribe link their mail carries.
async fn load_recipients(
    store: &Store,
    items: &[OutboxItem],
    unsubscribe_tokens: &mut HashMap<VolunteerId, String>,
) -> Result<HashMap<VolunteerId, Recipient>, StoreError> {
    let ids = distinct(items.iter().filter_map(|i| i.volunteer_id));
    let contacts = store.volunteer_contacts(&ids).await?;
    let mut recipients = HashMap::with_capacity(contacts.len());
    for (id, contact) in contacts {
        let Some(unsubscribe_token) = unsubscribe_tokens.remove(&id) else {
            continue;
        };
        let recipient = Recipient {
            contact,
            unsubscribe_token,
        };
        recipients.insert(id, recipient);
    }
    Ok(recipients)
}

/// The cases each digest lists; a case listed in many digests is read once.
async fn load_digests(
    store: &Store,
    items: &[OutboxItem],
) -> Result<HashMap<VolunteerId, Vec<Arc<Case>>>, StoreError> {
    let volunteers = distinct(
        items
            .iter()
            .filter(|i| i.kind == MailKind::Digest)
            .filter_map(|i| i.volunteer_id),
    );
    let listed = store.active_cases_for_volunteers(&volunteers).await?;
    let mut cases: HashMap<CaseId, Arc<Case>> = HashMap::new();
    for id in distinct(listed.values().flatten().copied()) {
        cases.insert(id, Arc::new(store.case(id).await?));
    }
    Ok(listed
        .into_iter()
        .map(|(volunteer, ids)| {
            let listed = ids.iter().filter_map(|id| cases.get(id).cloned());
            (volunteer, listed.collect())
        })
        .collect())
}

async fn load_tips(
    store: &Store,
    items: &[OutboxItem],
) -> Result<HashMap<i64, TipThread>, StoreError> {
    let mut threads = HashMap::new();
    let first_tips = items
        .iter()
        .filter(|i| i.kind == MailKind::Tip)
        .filter_map(|i| i.tip_id);
    for first in distinct(first_tips) {
        if let Some((tips, police)) = store.tips_for_police(first).await? {
            threads.insert(first, TipThread { tips, police });
        }
    }
    Ok(threads)
}

async fn load_partners(
    store: &Store,
    items: &[OutboxItem],
) -> Result<HashMap<PartnerId, Partner>, StoreError> {
    let ids = distinct(items.iter().filter_map(|i| i.partner_id));
    let partners = store.partners_by_id(&ids).await?;
    Ok(partners.into_iter().map(|p| (p.id, p)).collect())
}

async fn load_organisations(
    store: &Store,
    items: &[OutboxItem],
) -> Result<HashMap<OrganisationId, Organisation>, StoreError> {
    let mut organisations = HashMap::new();
    for id in distinct(items.iter().filter_map(|i| i.organisation_id)) {
        if let Some(organisation) = store.organisation(id).await? {
            organisations.insert(id, organisation);
        }
    }
    Ok(organisations)
}

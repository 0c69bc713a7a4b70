//! The commands of the job: what families, police, volunteers and the
//! public change, each one transaction. The API handlers, the pages, the
//! command line and the tests call these for a change, and nothing else.
//!
//! A command parses what came in (through the domain's types), asks the
//! domain whether it may happen, has the store persist the outcome in one
//! transaction, and, when that queued mail, wakes the sender: in one place,
//! [`Alerta::queued_mail`], so no caller can forget it.
//!

mod accounts;
mod bounces;
mod cases;
mod error;
pub mod jobs;
mod partners;
mod photos;
mod sessions;
mod tips;
mod volunteers;

use std::sync::Arc;

use alerta_core::Clock;
use alerta_store::Store;
use chrono::{DateTime, Utc};
use tokio::sync::Notify;

pub use accounts::AddedUser;
pub use bounces::{BounceOutcome, RETURN_PATH_KEY};
pub use cases::PfifImport;
pub use error::CommandError;
pub use photos::stored_photo;
pub use sessions::{SignInRefused, SignedIn};
pub use volunteers::{UNDO_UNSUBSCRIBE_MINUTES, Unsubscribed};

/// A second confirmation or manage mail to one address waits this long.
pub const MAIL_COOLDOWN_MINUTES: i64 = 10;

/// Wakes this process's mail sender when a command queued mail, so it goes
/// out at once instead of at the sender's next poll.
#[derive(Clone, Default)]
pub struct MailQueue(Arc<Notify>);

impl MailQueue {
    /// What the sender waits on.
    pub fn notify(&self) -> Arc<Notify> {
        self.0.clone()
    }
}

/// The application: the store, the clock and the mail queue the commands use.
#[derive(Clone)]
pub struct Alerta {
    pub store: Store,
    clock: Clock,
    mail: MailQueue,
    /// A hash of a password nobody has: see [`Alerta::prepare_sign_in`].
    dummy_hash: Arc<tokio::sync::OnceCell<String>>,
}

impl Alerta {
    pub fn new(store: Store, clock: Clock, mail: MailQueue) -> Alerta {
        Alerta {
            store,
            clock,
            mail,
            dummy_hash: Arc::default(),
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }

    /// The one place a committed change that queued mail wakes the sender.
    fn queued_mail(&self) {
        self.mail.0.notify_one();
    }
}

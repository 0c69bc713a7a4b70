//! Mail: composing messages and delivering the outbox.
//!
//! The outbox in the database is the source of truth; this crate claims its
//! rows, reads what they need once per round (`round`), decides whether
//! each goes at all (`decide`), renders it in the volunteer's language
//! (`compose`), sends it through SMTP (or into `.eml` files), and records
//! the outcome (`sender`). Each message leaves with its own return address
//! (`verp`), and what comes back to it is read by `reports`.

mod compose;
mod decide;
pub mod dkim;
mod layout;
mod mailer;
mod outgoing;
pub mod reports;
mod round;
mod sender;
pub mod verp;

pub use compose::MailContext;
pub use mailer::{Mailer, MailerError, SendError};
pub use sender::{Clock, Sender, SenderSettings};

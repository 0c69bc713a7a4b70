//! Mail: composing messages and delivering the outbox.
//!
//! The outbox in the database is the source of truth; this crate claims its
//! rows, turns each into a message in the volunteer's language, sends it
//! through SMTP (or into `.eml` files), and records the outcome.

mod compose;
pub mod jobs;
mod mailer;
mod sender;

pub use compose::MailContext;
pub use mailer::{Mailer, MailerError, SendError};
pub use sender::{Clock, Sender, SenderSettings};

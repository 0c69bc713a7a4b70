//! Secrets handed to people: random link and session tokens, kept only as
//! their SHA-256, and account passwords, kept as argon2id hashes. The one
//! home of both, for the web, the mail sender and the command line.

pub mod password;
pub mod token;

pub use password::{PasswordError, check_password_rules, hash_password, verify_password};
pub use token::{new_token, same_hash, token_hash};

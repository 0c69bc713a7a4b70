//! Signing in and out. Sign-in gives the same answer, after the same work,
//! whether or not the address exists; failures slow down the (account,
//! client) pair that makes them ([`alerta_core::sign_in`]), and the account
//! locks only when many addresses fail on it.

use std::net::IpAddr;

use alerta_core::{Email, sign_in};
use alerta_credentials::password::MAX_PASSWORD_BYTES;
use alerta_credentials::{hash_password, new_token, token_hash, verify_password};
use alerta_store::{SessionKind, UserRecord};
use chrono::{DateTime, Duration, Utc};

use crate::{Alerta, CommandError};

/// How long an account stays locked after failures from many addresses,
/// at most (an administrator can lift it sooner).
const LOCKED_MINUTES: i64 = 60;

/// Why a sign-in was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SignInRefused {
    #[error("the email or password is wrong")]
    BadCredentials,
    /// This client failed on this account lately: it waits this long.
    #[error("too many failed sign-ins: try again in {retry_after_seconds} seconds")]
    Wait { retry_after_seconds: i64 },
    /// Many addresses failed on this account.
    #[error("the account is locked for up to {minutes} minutes")]
    Locked { minutes: i64 },
}

/// An open session: the token to hand out (only its hash is stored).
pub struct SignedIn {
    pub user: UserRecord,
    pub token: String,
    pub expires_at: DateTime<Utc>,
}

impl Alerta {
    /// Computes the hash unknown addresses are checked against, so the
    /// first sign-in is not slower than the others. Call it at start.
    pub async fn prepare_sign_in(&self) -> Result<(), CommandError> {
        self.dummy_hash().await.map(|_| ())
    }

    async fn dummy_hash(&self) -> Result<&str, CommandError> {
        let hash = self
            .dummy_hash
            .get_or_try_init(|| hash_password(new_token()))
            .await?;
        Ok(hash)
    }

    /// Checks the address and password and opens a session of `kind`
    /// lasting `ttl`.
    pub async fn sign_in(
        &self,
        email: &str,
        password: &str,
        client: IpAddr,
        kind: SessionKind,
        ttl: Duration,
    ) -> Result<SignedIn, CommandError> {
        let user = self.authenticate(email, password, client).await?;
        let token = new_token();
        let now = self.now();
        let expires_at = now + ttl;
        self.store
            .create_session(&token_hash(&token), user.id, kind, now, expires_at)
            .await?;
        Ok(SignedIn {
            user,
            token,
            expires_at,
        })
    }

    async fn authenticate(
        &self,
        email: &str,
        password: &str,
        client: IpAddr,
    ) -> Result<UserRecord, CommandError> {
        let email = Email::parse("email", email)?;
        if password.len() > MAX_PASSWORD_BYTES {
            return Err(SignInRefused::BadCredentials.into());
        }
        // Counted by a hash of the address, never the address itself.
        let account = token_hash(email.as_str());
        let client = client.to_string();
        let now = self.now();
        let failures = self.store.sign_in_failures(&account, &client, now).await?;
        match sign_in::gate(&failures, now) {
            sign_in::Gate::Open => {}
            sign_in::Gate::Wait(wait) => {
                // Rounded up: a client that waits as told is let in.
                let seconds = (wait.num_milliseconds() + 999) / 1000;
                return Err(SignInRefused::Wait {
                    retry_after_seconds: seconds.max(1),
                }
                .into());
            }
            sign_in::Gate::Locked => {
                return Err(SignInRefused::Locked {
                    minutes: LOCKED_MINUTES,
                }
                .into());
            }
        }
        let user = self.store.user_by_email(&email).await?;
        // Unknown addresses are checked against a dummy hash so timing reveals nothing.
        let stored = match &user {
            Some(user) => user.password_hash.clone(),
            None => self.dummy_hash().await?.to_string(),
        };
        let matches = verify_password(password.to_string(), stored).await?;
        match user {
            Some(user) if matches => {
                self.store
                    .clear_sign_in_failures(&account, Some(&client))
                    .await?;
                Ok(user)
            }
            _ => {
                self.store
                    .record_sign_in_failure(&account, &client, now)
                    .await?;
                Err(SignInRefused::BadCredentials.into())
            }
        }
    }

    /// Ends the session whose token hashes to `token_hash`; false when
    /// there was none.
    pub async fn sign_out(&self, token_hash: &str) -> Result<bool, CommandError> {
        Ok(self.store.revoke_session(token_hash, self.now()).await?)
    }
}

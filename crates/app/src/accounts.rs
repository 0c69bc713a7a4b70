//! Accounts and organisations: what an administrator does from the
//! command line (and the demo and tests through the same functions).

use alerta_core::text::{Lines, clean, clean_optional};
use alerta_core::{Email, Jurisdiction, Organisation, Role, UserId};
use alerta_credentials::{check_password_rules, hash_password, token_hash};

use crate::{Alerta, CommandError};

/// A new account, and the organisation it named when that organisation did
/// not exist before (created then without a jurisdiction: acting anywhere).
pub struct AddedUser {
    pub id: UserId,
    pub new_organisation: Option<Organisation>,
}

impl Alerta {
    /// Creates an account under the password rules; `organisation` names
    /// one (an unknown name is created acting anywhere, and said so).
    pub async fn add_user(
        &self,
        email: &str,
        password: &str,
        role: Role,
        organisation: Option<&str>,
    ) -> Result<AddedUser, CommandError> {
        let email = Email::parse("email", email)?;
        check_password_rules(password)?;
        let organisation = clean_optional("org", organisation, 200, Lines::Single)?;
        let hash = hash_password(password.to_string()).await?;
        let (organisation, created) = match organisation {
            None => (None, false),
            Some(name) => {
                let (organisation, created) =
                    self.store.organisation_named(&name, self.now()).await?;
                (Some(organisation), created)
            }
        };
        let id = self
            .store
            .create_user(&email, &hash, role, organisation.as_ref(), self.now())
            .await?;
        Ok(AddedUser {
            id,
            new_organisation: organisation.filter(|_| created),
        })
    }

    /// A new password for the account of `email`: its sessions end and its
    /// failed sign-ins are forgotten. False when there is no such account.
    pub async fn reset_password(&self, email: &str, password: &str) -> Result<bool, CommandError> {
        let email = Email::parse("email", email)?;
        check_password_rules(password)?;
        let hash = hash_password(password.to_string()).await?;
        if !self.store.reset_password(&email, &hash, self.now()).await? {
            return Ok(false);
        }
        self.store
            .clear_sign_in_failures(&token_hash(email.as_str()), None)
            .await?;
        Ok(true)
    }

    /// Lifts an account's lock: every address's failed sign-ins on it are
    /// forgotten. Answers how many addresses had some.
    pub async fn unlock(&self, email: &str) -> Result<u64, CommandError> {
        let email = Email::parse("email", email)?;
        Ok(self
            .store
            .clear_sign_in_failures(&token_hash(email.as_str()), None)
            .await?)
    }

    /// Creates the organisation `name`, or gives it this jurisdiction (codes
    /// as typed: "BO", "bo-c, BO-L"; blank for anywhere) and contact.
    /// Answers it, and whether it is new.
    pub async fn put_organisation(
        &self,
        name: &str,
        jurisdiction: &str,
        contact_email: Option<&str>,
    ) -> Result<(Organisation, bool), CommandError> {
        let name = clean("name", name, 1, 200, Lines::Single)?;
        let jurisdiction =
            Jurisdiction::parse("jurisdiction", jurisdiction, &alerta_places::WORLD)?;
        let contact = contact_email
            .map(|e| Email::parse("contact_email", e))
            .transpose()?;
        Ok(self
            .store
            .put_organisation(
                &name,
                &jurisdiction,
                contact.as_ref().map(Email::as_str),
                self.now(),
            )
            .await?)
    }
}

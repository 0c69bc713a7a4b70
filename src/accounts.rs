//! `alerta users list|unlock|reset-password`: what an admin does for a
//! colleague locked out or who forgot the password.

use std::io::Write;

use alerta_core::Email;
use alerta_store::Store;
use anyhow::{anyhow, bail};

fn email(value: &str) -> anyhow::Result<Email> {
    Email::parse("--email", value).map_err(|e| anyhow!("{}: {}", e.field, e.message))
}

/// One line per account: address, role, organisation, creation date.
pub async fn list(store: &Store, out: &mut impl Write) -> anyhow::Result<()> {
    for user in store.users().await? {
        let created = chrono::DateTime::from_timestamp_millis(user.created_at)
            .map(|t| t.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        writeln!(
            out,
            "{}\t{}\t{}\t{}\tcreated {created}",
            user.id,
            user.email,
            user.role,
            user.organisation.as_deref().unwrap_or("(no organisation)"),
        )?;
    }
    Ok(())
}

/// Forgets every failed sign-in on the account, from every address: the
/// lock lifts, and every address may try again at once.
pub async fn unlock(store: &Store, address: &str) -> anyhow::Result<()> {
    let address = email(address)?;
    let hash = alerta_web::auth::token_hash(address.as_str());
    let cleared = store.clear_sign_in_failures(&hash, None).await?;
    println!(
        "Unlocked {}: {cleared} addresses' failed sign-ins forgotten",
        address.as_str()
    );
    Ok(())
}

/// A new password, under the usual rules; the account's sessions end and
/// its failed sign-ins are forgotten.
pub async fn reset_password(store: &Store, address: &str, password: &str) -> anyhow::Result<()> {
    let address = email(address)?;
    alerta_web::auth::check_password_rules(password)
        .map_err(|e| anyhow!("the password {}", e.message))?;
    let hash = alerta_web::auth::hash_password(password.to_string())
        .await
        .map_err(|e| anyhow!("{e}"))?;
    if !store
        .reset_password(&address, &hash, chrono::Utc::now())
        .await?
    {
        bail!("no account has the address {}", address.as_str());
    }
    let account = alerta_web::auth::token_hash(address.as_str());
    store.clear_sign_in_failures(&account, None).await?;
    println!(
        "New password set for {}; its sessions are signed out",
        address.as_str()
    );
    Ok(())
}

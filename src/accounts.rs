//! `alerta users list|unlock|reset-password`: what an admin does for a
//! colleague locked out or who forgot the password.

use std::io::Write;

use alerta_app::Alerta;
use alerta_store::Store;
use anyhow::{anyhow, bail};

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
pub async fn unlock(commands: &Alerta, email: &str) -> anyhow::Result<()> {
    let cleared = commands.unlock(email).await.map_err(described)?;
    println!("Unlocked {email}: {cleared} addresses' failed sign-ins forgotten");
    Ok(())
}

/// A new password, under the usual rules; the account's sessions end and
/// its failed sign-ins are forgotten.
pub async fn reset_password(commands: &Alerta, email: &str, password: &str) -> anyhow::Result<()> {
    if !commands
        .reset_password(email, password)
        .await
        .map_err(described)?
    {
        bail!("no account has the address {email}");
    }
    println!("New password set for {email}; its sessions are signed out");
    Ok(())
}

/// A refusal as the command line says it: the option, then why.
pub fn described(error: alerta_app::CommandError) -> anyhow::Error {
    match error {
        alerta_app::CommandError::Invalid(invalid) => match invalid.first() {
            Some(first) => anyhow!("--{}: {}", first.field.replace('_', "-"), first.message),
            None => anyhow!("{invalid}"),
        },
        other => anyhow!("{other}"),
    }
}

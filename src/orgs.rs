//! `alerta orgs add` and `alerta orgs list`: the organisations whose
//! officers verify and publish cases, and where each acts.

use std::io::Write;

use alerta_core::{Email, Jurisdiction};
use alerta_store::Store;
use anyhow::anyhow;

/// Creates the organisation `name`, or gives it this jurisdiction and contact.
pub async fn add(
    store: &Store,
    name: &str,
    jurisdiction: &str,
    contact_email: Option<&str>,
) -> anyhow::Result<()> {
    let name = alerta_core::text::clean("--name", name, 1, 200, alerta_core::text::Lines::Single)
        .map_err(|e| anyhow!("{}: {}", e.field, e.message))?;
    let jurisdiction = Jurisdiction::parse("--jurisdiction", jurisdiction, &alerta_places::WORLD)
        .map_err(|e| anyhow!("{}: {}", e.field, e.message))?;
    let contact = contact_email
        .map(|e| Email::parse("--contact-email", e))
        .transpose()
        .map_err(|e| anyhow!("{}: {}", e.field, e.message))?;
    let (organisation, created) = store
        .put_organisation(
            &name,
            &jurisdiction,
            contact.as_ref().map(Email::as_str),
            chrono::Utc::now(),
        )
        .await?;
    println!(
        "{} organisation {} \"{}\": acts {}",
        if created { "Created" } else { "Updated" },
        organisation.id.0,
        organisation.name,
        describe(&organisation.jurisdiction)
    );
    Ok(())
}

/// One line per organisation: name, jurisdiction, contact, accounts.
pub async fn list(store: &Store, out: &mut impl Write) -> anyhow::Result<()> {
    for (organisation, users) in store.organisations().await? {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{users} accounts",
            organisation.id.0,
            organisation.name,
            describe(&organisation.jurisdiction),
            organisation
                .contact_email
                .as_deref()
                .unwrap_or("(no contact)"),
        )?;
    }
    Ok(())
}

fn describe(jurisdiction: &Jurisdiction) -> String {
    if jurisdiction.is_anywhere() {
        "anywhere".into()
    } else {
        format!("in {}", jurisdiction.codes().join(", "))
    }
}

//! `alerta orgs add` and `alerta orgs list`: the organisations whose
//! officers verify and publish cases, and where each acts.

use std::io::Write;

use alerta_app::Alerta;
use alerta_core::Jurisdiction;
use alerta_store::Store;

/// Creates the organisation `name`, or gives it this jurisdiction and contact.
pub async fn add(
    commands: &Alerta,
    name: &str,
    jurisdiction: &str,
    contact_email: Option<&str>,
) -> anyhow::Result<()> {
    let (organisation, created) = commands
        .put_organisation(name, jurisdiction, contact_email)
        .await
        .map_err(crate::accounts::described)?;
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

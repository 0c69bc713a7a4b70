//! `alerta partners add` and `alerta partners list`: organisations that
//! post alerts where people pass, vouched for by the operator.

use std::io::Write;

use alerta_app::Alerta;
use alerta_core::PartnerInput;
use alerta_store::Store;

/// Registers a partner; it gets the alerts of its kinds at once.
pub async fn add(commands: &Alerta, input: &PartnerInput) -> anyhow::Result<()> {
    let partner = commands
        .add_partner(input)
        .await
        .map_err(crate::accounts::described)?;
    println!(
        "Added partner {} \"{}\" ({}): alerts reaching {} (within {} km)",
        partner.id.0,
        partner.name,
        partner.kind.as_str(),
        partner.place,
        alerta_core::volunteer::trim_number(partner.zone.radius_km),
    );
    Ok(())
}

/// One line per partner: id, kind, name, place and radius, language and
/// the organisation's address (the operator checks where alerts go).
pub async fn list(store: &Store, out: &mut impl Write) -> anyhow::Result<()> {
    for partner in store.partners().await? {
        writeln!(
            out,
            "{}\t{}\t{}\t{} (within {} km)\t{}\t{}",
            partner.id.0,
            partner.kind.as_str(),
            partner.name,
            partner.place,
            alerta_core::volunteer::trim_number(partner.zone.radius_km),
            partner.language.as_str(),
            partner.email,
        )?;
    }
    Ok(())
}

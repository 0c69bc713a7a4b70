//! `alerta backup PATH`: a copy of the whole state (photos included) while
//! the server runs.

use std::path::Path;

use anyhow::{Context, bail};

use crate::Settings;

/// Writes the backup, or says why not; on PostgreSQL, how to take one.
pub async fn write(
    store: &alerta_store::Store,
    settings: &Settings,
    path: &Path,
) -> anyhow::Result<()> {
    if path.exists() {
        bail!(
            "{} exists already: a backup never overwrites a file",
            path.display()
        );
    }
    let written = store
        .backup_to(path)
        .await
        .with_context(|| format!("cannot write the backup to {}", path.display()))?;
    if written.is_none() {
        bail!(
            "{} is PostgreSQL: take the backup with its own tool, while Alerta runs:\n  \
             pg_dump -Fc -d '{}' -f {}\n\
             and restore it into an empty database with pg_restore -d NEWDB {}",
            crate::settings::mask_password(&settings.database_url),
            crate::settings::mask_password(&settings.database_url),
            path.display(),
            path.display()
        );
    }
    let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    println!(
        "{} written ({:.1} MB): a consistent copy as of now. Run Alerta on it with ALERTA_DATABASE_URL=sqlite://{}",
        path.display(),
        bytes as f64 / 1e6,
        path.display()
    );
    Ok(())
}

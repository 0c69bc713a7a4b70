//! `alerta dkim generate`: a new DKIM key, and the DNS record to publish.

use std::io::Write;
use std::path::Path;

use alerta_notify::dkim::{self, KeyKind};
use anyhow::{Context, bail};

pub fn generate(
    selector: &str,
    domain: &str,
    algorithm: &str,
    output: &Path,
) -> anyhow::Result<()> {
    let kind = match algorithm {
        "rsa" => KeyKind::Rsa2048,
        "ed25519" => KeyKind::Ed25519,
        other => bail!("--algorithm: {other:?} is neither rsa nor ed25519"),
    };
    if output.exists() {
        bail!(
            "{} exists: a key is never overwritten (choose another --output)",
            output.display()
        );
    }
    let pem = dkim::generate(kind).map_err(anyhow::Error::msg)?;
    let record = dkim::dns_record(&pem).map_err(anyhow::Error::msg)?;
    write_private(output, &pem).with_context(|| format!("cannot write {}", output.display()))?;
    println!(
        "Key written to {}. Publish this TXT record, then set",
        output.display()
    );
    println!(
        "ALERTA_DKIM_DOMAIN={domain} ALERTA_DKIM_SELECTOR={selector} ALERTA_DKIM_KEY_FILE={}:",
        output.display()
    );
    println!();
    println!(
        "{selector}._domainkey.{domain}. IN TXT {}",
        zone_strings(&record)
    );
    Ok(())
}

/// A TXT value as a zone file writes it: quoted strings of at most 255
/// characters each (an RSA key's record is longer), which DNS joins.
fn zone_strings(record: &str) -> String {
    let chunks: Vec<String> = record
        .as_bytes()
        .chunks(250)
        .map(|chunk| format!("\"{}\"", String::from_utf8_lossy(chunk)))
        .collect();
    match chunks.len() {
        1 => chunks[0].clone(),
        _ => format!("( {} )", chunks.join(" ")),
    }
}

/// Writes `pem` readable by its owner only.
fn write_private(path: &Path, pem: &str) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)?.write_all(pem.as_bytes())
}

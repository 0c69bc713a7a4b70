//! Where messages go: an SMTP server, or `.eml` files when none is set.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use lettre::transport::smtp::PoolConfig;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use tokio::sync::Semaphore;

#[derive(Debug, thiserror::Error)]
pub enum MailerError {
    #[error("ALERTA_SMTP_URL is not valid: {0}")]
    BadUrl(String),
    #[error("cannot prepare the mail folder {0}: {1}")]
    Folder(PathBuf, std::io::Error),
}

/// Why a message was not accepted, as far as retrying is concerned.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SendError {
    /// 5xx, or a message that can never be sent: give up and keep the reason.
    #[error("{0}")]
    Permanent(String),
    /// 4xx, timeouts, refused connections: try again later.
    #[error("{0}")]
    Transient(String),
}

#[derive(Clone)]
pub struct Mailer {
    transport: Transport,
    /// lettre's pool caps idle connections only; this caps connections in use.
    permits: Arc<Semaphore>,
}

#[derive(Clone)]
enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(PathBuf),
}

impl Mailer {
    /// SMTP when `smtp_url` is set (`smtp://[user:pass@]host:port[?tls=starttls|tls|none]`),
    /// else `.eml` files under `outbox_dir`.
    pub fn new(
        smtp_url: Option<&str>,
        outbox_dir: PathBuf,
        concurrency: usize,
    ) -> Result<Mailer, MailerError> {
        let concurrency = concurrency.max(1);
        let transport = match smtp_url {
            Some(url) => Transport::Smtp(smtp_transport(url, concurrency)?),
            None => {
                std::fs::create_dir_all(&outbox_dir)
                    .map_err(|e| MailerError::Folder(outbox_dir.clone(), e))?;
                Transport::Files(outbox_dir)
            }
        };
        Ok(Mailer {
            transport,
            permits: Arc::new(Semaphore::new(concurrency)),
        })
    }

    pub async fn send(&self, message: &Message, message_id: &str) -> Result<(), SendError> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|e| SendError::Transient(e.to_string()))?;
        match &self.transport {
            Transport::Smtp(smtp) => smtp.send(message.clone()).await.map(|_| ()).map_err(|e| {
                if e.is_permanent() {
                    SendError::Permanent(e.to_string())
                } else {
                    SendError::Transient(e.to_string())
                }
            }),
            Transport::Files(dir) => write_eml(dir, message, message_id).await,
        }
    }
}

/// One file per Message-ID, written whole then renamed: a retry replaces the
/// file instead of adding a second copy.
async fn write_eml(
    dir: &std::path::Path,
    message: &Message,
    message_id: &str,
) -> Result<(), SendError> {
    let name: String = message_id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || ".-_".contains(*c))
        .collect();
    let path = dir.join(format!("{name}.eml"));
    let partial = dir.join(format!(".{name}.partial"));
    let io =
        |e: std::io::Error| SendError::Transient(format!("cannot write {}: {e}", path.display()));
    tokio::fs::write(&partial, message.formatted())
        .await
        .map_err(io)?;
    tokio::fs::rename(&partial, &path).await.map_err(io)
}

fn smtp_transport(
    raw: &str,
    concurrency: usize,
) -> Result<AsyncSmtpTransport<Tokio1Executor>, MailerError> {
    let bad = |why: &str| MailerError::BadUrl(why.to_string());
    let url = url::Url::parse(raw).map_err(|e| bad(&e.to_string()))?;
    if url.scheme() != "smtp" {
        return Err(bad("it must start with smtp://"));
    }
    let host = url
        .host_str()
        .ok_or_else(|| bad("it names no host"))?
        .to_string();
    let tls = url
        .query_pairs()
        .find(|(k, _)| k == "tls")
        .map(|(_, v)| v.to_string());
    let port = url.port();
    let local = host == "localhost" || host.starts_with("127.") || host == "[::1]";
    let tls = tls.unwrap_or_else(|| {
        if port == Some(465) {
            "tls".into()
        } else if local {
            "none".into()
        } else {
            "starttls".into()
        }
    });
    let builder = match tls.as_str() {
        "none" => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&host),
        "starttls" => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&host)
            .map_err(|e| bad(&e.to_string()))?,
        "tls" => {
            AsyncSmtpTransport::<Tokio1Executor>::relay(&host).map_err(|e| bad(&e.to_string()))?
        }
        _ => return Err(bad("tls must be starttls, tls or none")),
    };
    let mut builder = builder
        .timeout(Some(Duration::from_secs(30)))
        .pool_config(PoolConfig::new().max_size(concurrency as u32));
    if let Some(port) = port {
        builder = builder.port(port);
    }
    if !url.username().is_empty() {
        let decode = |s: &str| {
            percent_encoding::percent_decode_str(s)
                .decode_utf8_lossy()
                .into_owned()
        };
        let password = url.password().map(decode).unwrap_or_default();
        builder = builder.credentials(Credentials::new(decode(url.username()), password));
    }
    Ok(builder.build())
}

#[cfg(test)]
mod tests {
    use super::*;

    // Building a pooled transport spawns its reaper task: it needs a runtime.
    #[tokio::test]
    async fn smtp_urls_are_read_or_refused_clearly() {
        assert!(smtp_transport("smtp://127.0.0.1:2525", 4).is_ok());
        assert!(smtp_transport("smtp://user:p%40ss@mail.example.org:587?tls=starttls", 4).is_ok());
        assert!(smtp_transport("smtp://mail.example.org:465", 4).is_ok());
        let err = |url| {
            smtp_transport(url, 4)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert!(err("http://mail.example.org").contains("smtp://"));
        assert!(err("smtp://mail.example.org?tls=maybe").contains("starttls, tls or none"));
        assert!(err("not a url").contains("not valid"));
    }
}

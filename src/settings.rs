//! One settings struct: defaults, overlaid by `alerta.toml` (or the file
//! named by `ALERTA_CONFIG`), overlaid by `ALERTA_*` environment variables.

use std::fmt;
use std::path::PathBuf;

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Settings {
    /// `sqlite://…` or `postgres://…`.
    pub database_url: String,
    /// Unset: mail is written as `.eml` files under `<data_dir>/outbox/`.
    pub smtp_url: Option<String>,
    pub bind: String,
    /// Base of links in mail, posters and QR codes.
    pub public_url: String,
    pub mail_from: String,
    /// SMTP connections used by one sender.
    pub send_concurrency: usize,
    /// Messages per second across every `alerta serve` sharing the database,
    /// for mail providers that cap the rate; none when unset.
    pub send_rate_per_second: Option<f64>,
    /// How long a sender's claim on a message holds; a crashed sender's
    /// messages go out again after this. Keep it well above the time one
    /// round can take (4 messages per connection × the 30 s SMTP timeout).
    pub send_lease_seconds: i64,
    /// Where the SQLite database and the mail folder live by default.
    pub data_dir: PathBuf,
    pub api_token_ttl_hours: i64,
    pub cookie_session_ttl_hours: i64,
    /// `text` for people, `json` for log collectors.
    pub log_format: String,
    /// Set when a reverse proxy in front records the client in X-Forwarded-For;
    /// never otherwise, or clients could pick the address rate limits count.
    pub trust_forwarded_for: bool,
    /// Cron expressions (seconds first) of the scheduled jobs.
    pub job_expire_unconfirmed: String,
    pub job_purge_expired_tokens: String,
    pub job_retention_purge: String,
    pub job_scheduled_widening: String,
    pub job_realert: String,
    /// Days after publication at which a case still open is alerted again, to
    /// the volunteers who joined its zone since.
    pub realert_days: Vec<i64>,
    /// How often each process looks for due jobs, in milliseconds.
    pub job_tick_ms: u64,
    /// Subscriptions not confirmed within this many days are forgotten.
    pub unconfirmed_days: i64,
    /// Resolved cases lose their photo and personal details after this many days.
    pub retention_days: i64,
    /// Hosts (`host` or `host:port`, comma-separated) a PFIF import may fetch
    /// photos from; none by default, so an import never makes us fetch a URL
    /// an outsider chose.
    pub pfif_photo_hosts: String,
    /// A request's headers must arrive within this many seconds of the
    /// connection (or of the previous request on it).
    pub header_timeout_seconds: u64,
    /// A request body that sends nothing for this many seconds is cut off.
    pub body_timeout_seconds: u64,
    /// Open connections one client address may hold (0: no bound). Not
    /// applied with `trust_forwarded_for`: behind a proxy, every connection
    /// is the proxy's.
    pub max_connections_per_client: usize,
    /// When set, `/metrics` answers only requests that carry it as a
    /// bearer token: the metrics reveal case counts by status.
    pub metrics_token: Option<String>,
    /// DKIM signing of every message: the signing domain (`d=`), the
    /// selector its public key is published under (`s=`), and the PEM file
    /// of the private key. All three or none.
    pub dkim_domain: Option<String>,
    pub dkim_selector: Option<String>,
    pub dkim_key_file: Option<PathBuf>,
    /// The address bounces come back to (`rebotes@alerta.example`); each
    /// message leaves from its own tagged form of it (`rebotes+TAG@...`).
    /// Unset: the From address, and bounces are not read.
    pub return_path: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            database_url: "sqlite://./data/alerta.db".into(),
            smtp_url: None,
            bind: "127.0.0.1:8080".into(),
            public_url: "http://127.0.0.1:8080".into(),
            mail_from: "Alerta <alerts@localhost>".into(),
            send_concurrency: 8,
            send_rate_per_second: None,
            send_lease_seconds: 300,
            data_dir: PathBuf::from("./data"),
            api_token_ttl_hours: 24 * 30,
            cookie_session_ttl_hours: 12,
            log_format: "text".into(),
            trust_forwarded_for: false,
            job_expire_unconfirmed: "0 15 * * * *".into(),
            job_purge_expired_tokens: "0 45 3 * * *".into(),
            job_retention_purge: "0 30 4 * * *".into(),
            job_scheduled_widening: "0 * * * * *".into(),
            job_realert: "0 0 15 * * *".into(),
            realert_days: vec![7, 30],
            job_tick_ms: 30_000,
            unconfirmed_days: 7,
            retention_days: 30,
            pfif_photo_hosts: String::new(),
            metrics_token: None,
            header_timeout_seconds: 30,
            body_timeout_seconds: 30,
            max_connections_per_client: 256,
            dkim_domain: None,
            dkim_selector: None,
            dkim_key_file: None,
            return_path: None,
        }
    }
}

impl Settings {
    /// Reads the settings; a value of the wrong type is refused by name.
    pub fn load() -> Result<Settings, Box<figment::Error>> {
        let file = std::env::var("ALERTA_CONFIG").unwrap_or_else(|_| "alerta.toml".into());
        Figment::from(Serialized::defaults(Settings::default()))
            .merge(Toml::file(file))
            .merge(Env::prefixed("ALERTA_").ignore(&["config", "password"]))
            .extract()
            .map(Settings::normalized)
            .map_err(Box::new)
    }

    fn normalized(mut self) -> Settings {
        self.public_url = self.public_url.trim_end_matches('/').to_string();
        self.smtp_url = self.smtp_url.filter(|url| !url.trim().is_empty());
        self.metrics_token = self.metrics_token.filter(|token| !token.trim().is_empty());
        self.dkim_domain = self.dkim_domain.filter(|d| !d.trim().is_empty());
        self.dkim_selector = self.dkim_selector.filter(|s| !s.trim().is_empty());
        self.dkim_key_file = self.dkim_key_file.filter(|f| !f.as_os_str().is_empty());
        self.return_path = self.return_path.filter(|r| !r.trim().is_empty());
        self
    }

    /// The DKIM signer the settings describe: none when no DKIM setting is
    /// given; an error naming the setting when one is missing or the key
    /// cannot be read, so a server never starts signing nothing by mistake.
    pub fn dkim_signer(&self) -> anyhow::Result<Option<alerta_notify::dkim::Signer>> {
        let (domain, selector, file) = match (
            &self.dkim_domain,
            &self.dkim_selector,
            &self.dkim_key_file,
        ) {
            (None, None, None) => return Ok(None),
            (Some(d), Some(s), Some(f)) => (d, s, f),
            _ => anyhow::bail!(
                "ALERTA_DKIM_DOMAIN, ALERTA_DKIM_SELECTOR and ALERTA_DKIM_KEY_FILE go together: {} missing",
                [
                    ("ALERTA_DKIM_DOMAIN", self.dkim_domain.is_none()),
                    ("ALERTA_DKIM_SELECTOR", self.dkim_selector.is_none()),
                    ("ALERTA_DKIM_KEY_FILE", self.dkim_key_file.is_none()),
                ]
                .iter()
                .filter(|(_, missing)| *missing)
                .map(|(name, _)| *name)
                .collect::<Vec<_>>()
                .join(", ")
            ),
        };
        let pem = std::fs::read_to_string(file).map_err(|e| {
            anyhow::anyhow!(
                "ALERTA_DKIM_KEY_FILE: {} cannot be read: {e}",
                file.display()
            )
        })?;
        let signer = alerta_notify::dkim::Signer::from_pem(domain, selector, &pem)
            .map_err(|e| anyhow::anyhow!("ALERTA_DKIM_KEY_FILE: {} {e}", file.display()))?;
        Ok(Some(signer))
    }

    /// The return path of `ALERTA_RETURN_PATH`, with the key every node
    /// tags it with; an error naming the setting when it is not an address.
    pub async fn return_path(
        &self,
        commands: &alerta_app::Alerta,
    ) -> anyhow::Result<Option<alerta_notify::verp::ReturnPath>> {
        let Some(address) = &self.return_path else {
            return Ok(None);
        };
        // Checked before the key is made, so a typo is named first.
        alerta_notify::verp::ReturnPath::new(address, b"").map_err(anyhow::Error::msg)?;
        let key = commands.return_path_key().await?;
        let return_path = alerta_notify::verp::ReturnPath::new(address, key.as_bytes())
            .map_err(anyhow::Error::msg)?;
        Ok(Some(return_path))
    }

    pub fn outbox_dir(&self) -> PathBuf {
        self.data_dir.join("outbox")
    }
}

/// What each setting does, for `alerta --help`: its environment variable
/// is `ALERTA_` and the name in capitals, its `alerta.toml` key the name.
const SETTING_MEANINGS: &[(&str, &str)] = &[
    (
        "database_url",
        "sqlite://FILE (created if missing) or postgres://user:pass@host/db",
    ),
    (
        "smtp_url",
        "smtp://[user:pass@]host:port[?tls=starttls|tls|none]; unset: mail is written as .eml files under DATA_DIR/outbox/",
    ),
    ("bind", "address and port the web site and API listen on"),
    (
        "public_url",
        "base of the links in mail, posters and QR codes",
    ),
    ("mail_from", "the From of every message, \"Name <address>\""),
    ("send_concurrency", "SMTP connections one process opens"),
    (
        "send_rate_per_second",
        "messages per second across all processes, for providers that cap it; unset: no cap",
    ),
    (
        "send_lease_seconds",
        "after this, a crashed sender's claimed messages go out again",
    ),
    (
        "data_dir",
        "where the default SQLite file and the mail folder live",
    ),
    ("api_token_ttl_hours", "lifetime of an API token"),
    (
        "cookie_session_ttl_hours",
        "lifetime of a signed-in browser session",
    ),
    (
        "log_format",
        "text (for people) or json (for log collectors); logs go to stderr, ALERTA_LOG filters them",
    ),
    (
        "trust_forwarded_for",
        "true only behind a reverse proxy that sets X-Forwarded-For",
    ),
    (
        "job_expire_unconfirmed",
        "cron (seconds first): forget unconfirmed subscriptions",
    ),
    (
        "job_purge_expired_tokens",
        "cron: purge expired tokens, sessions and kept photos",
    ),
    (
        "job_retention_purge",
        "cron: erase resolved cases' photos and details",
    ),
    (
        "job_scheduled_widening",
        "cron: apply planned widenings that are due",
    ),
    (
        "job_realert",
        "cron: alert again the volunteers who joined a zone since",
    ),
    (
        "realert_days",
        "days after publication at which an open case is alerted again",
    ),
    ("job_tick_ms", "how often each process looks for due jobs"),
    (
        "unconfirmed_days",
        "days a subscription may wait for its confirmation",
    ),
    (
        "retention_days",
        "days after which a resolved case loses its photo and details",
    ),
    (
        "pfif_photo_hosts",
        "hosts a PFIF import may fetch photos from (comma-separated); none by default",
    ),
    (
        "header_timeout_seconds",
        "a request's headers must arrive within this",
    ),
    (
        "body_timeout_seconds",
        "a request body pausing longer is cut off",
    ),
    (
        "max_connections_per_client",
        "open connections per client address (0: no bound)",
    ),
    (
        "metrics_token",
        "bearer token /metrics asks for; unset: /metrics is open",
    ),
    (
        "dkim_domain",
        "DKIM signing domain (d=); with the selector and key file, or none of them",
    ),
    (
        "dkim_selector",
        "DKIM selector (s=) the public key is published under",
    ),
    (
        "dkim_key_file",
        "PEM private key (RSA 2048 or Ed25519); `alerta dkim generate` writes one",
    ),
    (
        "return_path",
        "where bounces go, e.g. rebotes@alerta.example: each message leaves from rebotes+TAG@...; pipe that mailbox to `alerta bounces ingest`; unset: the From address",
    ),
];

/// The settings with their defaults and meanings, and where data and mail
/// go: the end of `alerta --help` and `alerta serve --help`.
pub fn help() -> String {
    let defaults = serde_json::to_value(Settings::default()).unwrap_or_default();
    let mut text = String::from(
        "Settings: defaults, overlaid by alerta.toml (or the file ALERTA_CONFIG names), \
         overlaid by ALERTA_* environment variables. Each is checked at start; a wrong \
         one stops it, named.\n\n",
    );
    for (name, meaning) in SETTING_MEANINGS {
        let default = match defaults.get(*name) {
            Some(serde_json::Value::String(s)) if s.is_empty() => "(none)".to_string(),
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(serde_json::Value::Null) | None => "(unset)".to_string(),
            Some(other) => other.to_string(),
        };
        text.push_str(&format!(
            "  ALERTA_{:<28} {default}\n      {meaning}\n",
            name.to_ascii_uppercase()
        ));
    }
    text.push_str(&format!(
        "\nWith no settings, `alerta serve` keeps its data in ./data/alerta.db and writes mail \
         to ./data/outbox/ instead of sending it.\nPasswords (ALERTA_PASSWORD or a prompt for \
         `alerta users add`): at least {} characters.\n",
        alerta_credentials::password::MIN_PASSWORD_CHARS
    ));
    text
}

/// Settings as printed at start: passwords in URLs masked.
impl fmt::Display for Settings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "  database_url        {}",
            mask_password(&self.database_url)
        )?;
        match &self.smtp_url {
            Some(url) => writeln!(f, "  smtp_url            {}", mask_password(url))?,
            None => writeln!(
                f,
                "  smtp_url            (unset: mail written to {})",
                self.outbox_dir().display()
            )?,
        }
        writeln!(f, "  bind                {}", self.bind)?;
        writeln!(f, "  public_url          {}", self.public_url)?;
        writeln!(f, "  mail_from           {}", self.mail_from)?;
        match (&self.dkim_domain, &self.dkim_selector) {
            (Some(domain), Some(selector)) => writeln!(
                f,
                "  dkim                signed as d={domain}, s={selector}"
            )?,
            _ => writeln!(f, "  dkim                (unset: mail goes out unsigned)")?,
        }
        writeln!(f, "  send_concurrency    {}", self.send_concurrency)?;
        match self.send_rate_per_second {
            Some(rate) => writeln!(
                f,
                "  send_rate           {rate} messages/s across all senders"
            )?,
            None => writeln!(f, "  send_rate           unlimited")?,
        }
        writeln!(f, "  send_lease_seconds  {}", self.send_lease_seconds)?;
        writeln!(f, "  data_dir            {}", self.data_dir.display())?;
        writeln!(
            f,
            "  clients             headers within {} s, body pauses under {} s, {} connections per address",
            self.header_timeout_seconds,
            self.body_timeout_seconds,
            match (self.trust_forwarded_for, self.max_connections_per_client) {
                (true, _) => "unbounded (behind a proxy)".to_string(),
                (false, 0) => "unbounded".to_string(),
                (false, n) => format!("at most {n}"),
            }
        )?;
        writeln!(
            f,
            "  metrics_token       {}",
            match self.metrics_token {
                Some(_) => "*** (/metrics needs it as a bearer token)",
                None => "(unset: /metrics is open)",
            }
        )?;
        write!(
            f,
            "  jobs                expire unconfirmed after {} days [{}], purge tokens [{}], erase resolved cases after {} days [{}], widen [{}], re-alert after {:?} days [{}]",
            self.unconfirmed_days,
            self.job_expire_unconfirmed,
            self.job_purge_expired_tokens,
            self.retention_days,
            self.job_retention_purge,
            self.job_scheduled_widening,
            self.realert_days,
            self.job_realert
        )
    }
}

/// `scheme://user:secret@host` → `scheme://user:***@host`.
pub fn mask_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let Some((userinfo, host)) = rest.rsplit_once('@') else {
        return url.to_string();
    };
    match userinfo.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_passwords_in_urls() {
        assert_eq!(
            mask_password("postgres://alerta:s3cret@db:5432/alerta"),
            "postgres://alerta:***@db:5432/alerta"
        );
        assert_eq!(
            mask_password("smtp://user:p%40ss@mail:587?tls=starttls"),
            "smtp://user:***@mail:587?tls=starttls"
        );
        assert_eq!(
            mask_password("sqlite://./data/alerta.db"),
            "sqlite://./data/alerta.db"
        );
    }

    #[test]
    fn help_names_every_setting_with_its_default() {
        let help = help();
        let defaults = serde_json::to_value(Settings::default()).unwrap();
        for name in defaults.as_object().unwrap().keys() {
            let variable = format!("ALERTA_{}", name.to_ascii_uppercase());
            assert!(help.contains(&variable), "{variable} is not explained");
        }
        assert!(help.contains("ALERTA_DATABASE_URL"));
        assert!(help.contains("sqlite://./data/alerta.db"));
        assert!(help.contains("at least 10 characters"));
    }

    #[test]
    // figment's Jail fixes the closure's error type.
    #[allow(clippy::result_large_err)]
    fn environment_overrides_file_and_defaults() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "alerta.toml",
                "bind = \"0.0.0.0:9000\"\npublic_url = \"https://alerta.example/\"",
            )?;
            jail.set_env("ALERTA_BIND", "127.0.0.1:7000");
            let settings = Settings::load().map_err(|e| *e)?;
            assert_eq!(settings.bind, "127.0.0.1:7000");
            assert_eq!(settings.public_url, "https://alerta.example");
            assert_eq!(settings.database_url, "sqlite://./data/alerta.db");
            Ok(())
        });
    }
}

//! Starting Alerta: open the store, migrate, serve HTTP.

use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};

use alerta_app::jobs::{Job, JobSettings, Scheduler, Work};
use alerta_notify::{MailContext, Mailer, Sender, SenderSettings};
use alerta_store::Store;
use alerta_web::{AppState, Clock, WebSettings};
use anyhow::Context;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use tokio::net::TcpListener;
use tokio::sync::{oneshot, watch};
use tokio::task::JoinHandle;

use crate::Settings;

/// The process-wide metrics recorder, installed on first use.
pub fn metrics_handle() -> PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            PrometheusBuilder::new()
                .install_recorder()
                .expect("no other metrics recorder is installed in this process")
        })
        .clone()
}

pub fn system_clock() -> Clock {
    Arc::new(chrono::Utc::now)
}

/// A round claims 4 messages per SMTP connection, so it ends (even when every
/// message hits the 30 s timeout) long before its lease does: a live sender
/// never loses its claims to another one.
/// A global rate that is not a positive number is refused at start, rather
/// than read as "unlimited" by a provider that asked for a limit.
fn sender_settings(settings: &Settings) -> anyhow::Result<SenderSettings> {
    let send_interval = match settings.send_rate_per_second {
        None => None,
        Some(rate) if rate.is_finite() && rate > 0.0 && rate <= 1_000_000.0 => Some(
            chrono::Duration::microseconds((1_000_000.0 / rate).round() as i64),
        ),
        Some(rate) => anyhow::bail!(
            "ALERTA_SEND_RATE_PER_SECOND must be a number of messages per second above 0 \
             (and at most 1000000), not {rate}; leave it unset for no limit"
        ),
    };
    Ok(SenderSettings {
        batch: (settings.send_concurrency.max(1) * 4) as i64,
        lease: chrono::Duration::seconds(settings.send_lease_seconds.max(1)),
        send_interval,
        ..SenderSettings::default()
    })
}

/// The scheduled jobs, with their schedules checked before anything starts.
pub fn job_settings(settings: &Settings) -> anyhow::Result<JobSettings> {
    let jobs = [
        (Work::ExpireUnconfirmed, &settings.job_expire_unconfirmed),
        (Work::PurgeExpiredTokens, &settings.job_purge_expired_tokens),
        (Work::RetentionPurge, &settings.job_retention_purge),
        (Work::ScheduledWidening, &settings.job_scheduled_widening),
        (Work::ReAlert, &settings.job_realert),
    ]
    .into_iter()
    .map(|(work, expression)| Job::new(work, expression).map_err(anyhow::Error::msg))
    .collect::<anyhow::Result<Vec<Job>>>()?;
    Ok(JobSettings {
        jobs,
        unconfirmed_ttl: chrono::Duration::days(settings.unconfirmed_days),
        retention: chrono::Duration::days(settings.retention_days),
        realert_days: settings.realert_days.clone(),
        tick: std::time::Duration::from_millis(settings.job_tick_ms.max(10)),
    })
}

/// Opens the database named in the settings and applies pending migrations.
pub async fn open_store(settings: &Settings) -> anyhow::Result<Store> {
    let store = Store::connect(&settings.database_url, &alerta_places::WORLD)
        .await
        .with_context(|| {
            format!(
                "cannot open the database {}",
                crate::settings::mask_password(&settings.database_url)
            )
        })?;
    store
        .migrate()
        .await
        .context("cannot apply the database migrations")?;
    Ok(store)
}

/// A server running in the background of this process.
pub struct Running {
    pub addr: SocketAddr,
    pub store: Store,
    /// The commands, as the web uses them (their mail wakes this sender).
    pub app: alerta_app::Alerta,
    /// This process's sender (running in the background unless started
    /// [`Sending::ByHand`]).
    pub sender: Sender,
    shutdown: Option<oneshot::Sender<()>>,
    task: JoinHandle<std::io::Result<()>>,
    stop_background: watch::Sender<bool>,
    background: Vec<JoinHandle<()>>,
}

impl Running {
    /// Stops accepting, finishes requests in flight, and waits.
    pub async fn stop(mut self) -> anyhow::Result<()> {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        self.wait().await
    }

    /// Runs until the server ends (Ctrl-C or SIGTERM for `alerta serve`),
    /// then lets the sender finish the messages in hand.
    pub async fn wait(mut self) -> anyhow::Result<()> {
        let served = (&mut self.task).await;
        let _ = self.stop_background.send(true);
        for task in self.background.drain(..) {
            task.await?;
        }
        self.store.close().await;
        served??;
        Ok(())
    }
}

/// The commands, for a command-line run: no sender runs in this process,
/// so the mail they queue goes out when an `alerta serve` finds it.
pub async fn commands(settings: &Settings) -> anyhow::Result<alerta_app::Alerta> {
    let store = open_store(settings).await?;
    Ok(alerta_app::Alerta::new(
        store,
        system_clock(),
        alerta_app::MailQueue::default(),
    ))
}

/// Memory for rendered posters: about 300 at their largest, thousands typically.
const POSTER_CACHE_BYTES: u64 = 64 * 1024 * 1024;

/// Who runs the outbox's rounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sending {
    /// A sender in the background, woken by the commands (`alerta serve`).
    Background,
    /// Nobody until [`Running::sender`]'s `drain_once` is called: tests
    /// that check what each round does.
    ByHand,
}

/// Migrates and starts serving on `settings.bind` (port 0 picks a free one).
pub async fn start(settings: &Settings, clock: Clock) -> anyhow::Result<Running> {
    start_sending(settings, clock, Sending::Background).await
}

/// Like [`start`], with the outbox sent as `sending` says.
pub async fn start_sending(
    settings: &Settings,
    clock: Clock,
    sending: Sending,
) -> anyhow::Result<Running> {
    let store = open_store(settings).await?;
    let web_settings = WebSettings {
        public_url: settings.public_url.clone(),
        api_token_ttl: chrono::Duration::hours(settings.api_token_ttl_hours),
        cookie_session_ttl: chrono::Duration::hours(settings.cookie_session_ttl_hours),
        trust_forwarded_for: settings.trust_forwarded_for,
        pfif_photo_hosts: settings
            .pfif_photo_hosts
            .split(',')
            .map(|host| host.trim().to_ascii_lowercase())
            .filter(|host| !host.is_empty())
            .collect(),
        metrics_token: settings.metrics_token.clone(),
    };
    // The commands wake this process's sender when they queue mail.
    let mail_queue = alerta_app::MailQueue::default();
    let mailer = Mailer::new(
        settings.smtp_url.as_deref(),
        settings.outbox_dir(),
        settings.send_concurrency,
    )?;
    let mut mail_context =
        MailContext::new(&settings.public_url, &settings.mail_from).map_err(anyhow::Error::msg)?;
    if let Some(signer) = settings.dkim_signer()? {
        mail_context = mail_context.signing_with(signer);
    }
    let commands = alerta_app::Alerta::new(store.clone(), clock.clone(), mail_queue.clone());
    if let Some(return_path) = settings.return_path(&commands).await? {
        mail_context = mail_context.returning_to(return_path);
    }
    // One poster cache for the web and the sender: an alert's poster is the
    // one the case page serves.
    let posters = Arc::new(alerta_poster::PosterCache::new(POSTER_CACHE_BYTES));
    let sender = Sender::new(
        store.clone(),
        mailer,
        mail_context,
        sender_settings(settings)?,
        clock.clone(),
        mail_queue.notify(),
        posters.clone(),
    );
    // Load the gazetteer now, off the runtime, not in the first volunteer's request.
    tokio::task::spawn_blocking(|| alerta_places::Gazetteer::shared().len());
    let scheduler = Scheduler::new(commands.clone(), job_settings(settings)?);
    let state = AppState::new(
        commands.clone(),
        web_settings,
        metrics_handle(),
        clock,
        posters,
    )
    .await
    .map_err(|e| anyhow::anyhow!("cannot prepare the web server: {e}"))?;
    let listener = TcpListener::bind(&settings.bind)
        .await
        .with_context(|| format!("cannot listen on {}", settings.bind))?;
    let addr = listener.local_addr()?;
    let (shutdown_tx, shutdown_rx) = oneshot::channel::<()>();
    let app = alerta_web::router(state);
    let limits = crate::serve::ServeLimits {
        header_timeout: std::time::Duration::from_secs(settings.header_timeout_seconds),
        body_timeout: std::time::Duration::from_secs(settings.body_timeout_seconds),
        // Behind a reverse proxy every connection is the proxy's: it bounds clients.
        connections_per_client: (!settings.trust_forwarded_for
            && settings.max_connections_per_client > 0)
            .then_some(settings.max_connections_per_client),
    };
    let task = tokio::spawn(crate::serve::serve(listener, app, limits, async move {
        tokio::select! {
            _ = shutdown_rx => {},
            _ = terminated() => {},
        }
    }));
    let (stop_background, stopped) = watch::channel(false);
    let mut background = vec![tokio::spawn(scheduler.run(stopped.clone()))];
    background.push(tokio::spawn(make_missing_photo_copies(commands.clone())));
    // Other nodes' case changes, so that the case pages kept here go stale.
    let relay = store.clone();
    let relay_stop = stopped.clone();
    background.push(tokio::spawn(async move {
        relay.relay_other_nodes_changes(relay_stop).await
    }));
    if sending == Sending::Background {
        background.push(tokio::spawn(sender.clone().run(stopped)));
    }
    Ok(Running {
        addr,
        store,
        app: commands,
        sender,
        shutdown: Some(shutdown_tx),
        task,
        stop_background,
        background,
    })
}

/// Photos stored by an earlier version get their lighter copies once.
async fn make_missing_photo_copies(app: alerta_app::Alerta) {
    match app.make_missing_photo_copies().await {
        Ok(0) => {}
        Ok(made) => tracing::info!(made, "made the print and screen copies of older photos"),
        Err(error) => {
            tracing::warn!(error = %alerta_core::Chain(&error), "older photos keep their heavy copies for now")
        }
    }
}

/// Ctrl-C, or SIGTERM from a service manager.
async fn terminated() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(signal) => signal,
                Err(_) => return std::future::pending().await,
            };
        tokio::select! {
            _ = ctrl_c => {},
            _ = term.recv() => {},
        }
    }
    #[cfg(not(unix))]
    let _ = ctrl_c.await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_send_rate_that_is_not_a_positive_number_is_refused() {
        let with_rate = |rate| Settings {
            send_rate_per_second: rate,
            ..Settings::default()
        };
        for bad in [0.0, -5.0, f64::NAN, f64::INFINITY] {
            let error = sender_settings(&with_rate(Some(bad)))
                .unwrap_err()
                .to_string();
            assert!(error.contains("ALERTA_SEND_RATE_PER_SECOND"), "{error}");
        }
        let paced = sender_settings(&with_rate(Some(50.0))).unwrap();
        assert_eq!(
            paced.send_interval,
            Some(chrono::Duration::milliseconds(20))
        );
        assert_eq!(
            sender_settings(&with_rate(None)).unwrap().send_interval,
            None
        );
    }
}

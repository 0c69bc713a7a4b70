//! `alerta dispatch CASE`: a progress bar over a case's alert mail.

use std::time::Duration;

use alerta_core::CaseId;
use alerta_store::{DispatchFigures, Store, StoreError};
use indicatif::{ProgressBar, ProgressStyle};

/// Shows progress until nothing is left queued, then prints the figures.
pub async fn follow(store: &Store, case: CaseId) -> anyhow::Result<()> {
    match store.case(case).await {
        Err(StoreError::NotFound) => anyhow::bail!("there is no case {case}"),
        other => other?,
    };
    let mut figures = store.dispatch_figures(case).await?;
    let bar = ProgressBar::new(figures.recipients.max(0) as u64).with_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} {msg} eta {eta}")
            .expect("a valid template"),
    );
    while figures.queued > 0 {
        show(&bar, &figures);
        tokio::time::sleep(Duration::from_millis(500)).await;
        figures = store.dispatch_figures(case).await?;
    }
    bar.finish_and_clear();
    println!("{}", summary(&figures));
    Ok(())
}

fn show(bar: &ProgressBar, figures: &DispatchFigures) {
    bar.set_length(figures.recipients.max(0) as u64);
    bar.set_position((figures.sent + figures.failed).max(0) as u64);
    bar.set_message(format!("{} failed", figures.failed));
}

fn summary(f: &DispatchFigures) -> String {
    let span = match (f.first_sent_at, f.last_sent_at) {
        (Some(first), Some(last)) => format!(" in {:.1} s", (last - first) as f64 / 1000.0),
        _ => String::new(),
    };
    format!(
        "{} recipients: {} sent, {} failed{span}; {} undeliverable (bounced) so far",
        f.recipients, f.sent, f.failed, f.undeliverable
    )
}

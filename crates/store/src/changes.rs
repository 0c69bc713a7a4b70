//! Whether any case changed, for whatever this process keeps of cases (the
//! shared copies of case pages): a count every committed change to a case
//! adds one to, before the commit returns, so a copy made before it is
//! never served after. On PostgreSQL every node also counts the others'
//! changes, which `NOTIFY` announces from inside the same transaction, so
//! the notice arrives when the change is visible (milliseconds later).

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use alerta_core::CaseId;

use crate::{Pool, Result, Store, TxInner, WriteTx};

/// The PostgreSQL channel case changes are announced on.
const CHANNEL: &str = "alerta_case_changed";

#[derive(Clone, Default)]
pub(crate) struct Changes(Arc<AtomicU64>);

impl Changes {
    /// A case changed, or may have unheard (a listener that lost its
    /// connection): either way what was kept is stale.
    pub(crate) fn tell(&self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

impl Store {
    /// How many case changes this process has seen committed (its own, and
    /// on PostgreSQL with [`Store::relay_other_nodes_changes`] running,
    /// every node's): a copy of a case made when this was `n` is current
    /// while it still is.
    pub fn case_changes(&self) -> u64 {
        self.changes.0.load(Ordering::SeqCst)
    }

    /// Counts the case changes other nodes announce in this process's
    /// [`Store::case_changes`], until `stop` says so. Nothing to do on
    /// SQLite (one process writes). A lost connection is "anything may have
    /// changed"; so is a database that is away, retried every few seconds.
    pub async fn relay_other_nodes_changes(&self, mut stop: tokio::sync::watch::Receiver<bool>) {
        let Pool::Postgres(pool) = &self.pool else {
            return;
        };
        loop {
            tokio::select! {
                Err(e) = self.listen(pool) => {
                    tracing::debug!(error = %e, "case change listener stopped; starting again");
                }
                _ = stop.changed() => return,
            }
            self.changes.tell();
            tokio::select! {
                _ = tokio::time::sleep(std::time::Duration::from_secs(2)) => {}
                _ = stop.changed() => return,
            }
        }
    }

    /// Relays notifications until the listener fails for good.
    async fn listen(
        &self,
        pool: &sqlx::PgPool,
    ) -> std::result::Result<std::convert::Infallible, sqlx::Error> {
        let mut listener = sqlx::postgres::PgListener::connect_with(pool).await?;
        listener.listen(CHANNEL).await?;
        // Whatever changed before this listener was up went unheard.
        self.changes.tell();
        loop {
            // A notice, or None: the connection was lost and made again,
            // and what came between went unheard. Either way, count one.
            let _notice = listener.try_recv().await?;
            self.changes.tell();
        }
    }
}

impl WriteTx {
    /// Marks case `id` as changing in this transaction: told to this
    /// process when it commits, and on PostgreSQL to every node, by a
    /// notification PostgreSQL delivers only if it commits.
    pub(crate) async fn note_case_changing(&mut self, id: CaseId) -> Result<()> {
        if let TxInner::Postgres(tx) = &mut self.inner {
            sqlx::query("SELECT pg_notify($1, $2)")
                .bind(CHANNEL)
                .bind(id.0.to_string())
                .execute(&mut **tx)
                .await?;
        }
        self.changing = true;
        Ok(())
    }
}

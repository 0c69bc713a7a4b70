//! Storage on SQLite (the embedded default) or PostgreSQL, chosen by URL.
//!
//! Both backends run the same SQL text (`$1` placeholders work on both). The
//! [`with_db!`] and [`on_tx!`] macros expand one body once per backend, so
//! each query is type-checked against that backend's own driver; no `Any`.
//! Every change runs in a [`WriteTx`]; the functions that make up a change
//! (queue a case's alerts, audit it, use a link's token) are methods of it,
//! in the module of their tables.

use std::str::FromStr;
use std::time::Duration;

use alerta_core::Geography;
use chrono::{DateTime, TimeZone, Utc};
use sqlx::Executor;
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

mod bounces;
mod case_changes;
mod cases;
mod changes;
mod error;
mod jobs;
mod limits;
mod organisations;
mod outbox;
mod partners;
mod pending_photos;
mod tips;
mod users;
mod volunteers;

pub use bounces::BounceRecord;
pub use cases::{
    AuditEntry, CaseFilter, DueWidening, Photo, PhotoVariant, PlannedStep, PlannedWidening,
    SizedJpeg, StoredPhoto,
};
pub use error::StoreError;

pub use outbox::{Delivery, DispatchFigures, MailKind, OutboxEntry, OutboxItem, OutboxStatus};
pub use pending_photos::PendingPhoto;
pub use users::{SessionKind, UserListing, UserRecord};
pub use volunteers::{ImportOutcome, TokenPurpose, UndoGrant, VolunteerContact, VolunteerZone};

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Runs `$body` with `$pool` bound to whichever backend's pool the store
/// holds: the body is written once and type-checked against each backend's
/// own driver. One of the store's two macros (a function cannot be generic
/// over sqlx's backends without restating a dozen bounds at every use).
macro_rules! with_db {
    ($store:expr, $pool:ident => $body:expr) => {
        with_db!($store, $pool, _Db => $body)
    };
    // `$Db` names the backend's sqlx type in `$body`, for what cannot infer it.
    ($store:expr, $pool:ident, $Db:ident => $body:expr) => {
        match &$store.pool {
            $crate::Pool::Sqlite($pool) => {
                #[allow(dead_code)]
                type $Db = sqlx::Sqlite;
                $body
            }
            $crate::Pool::Postgres($pool) => {
                #[allow(dead_code)]
                type $Db = sqlx::Postgres;
                $body
            }
        }
    };
}

/// Runs `$body` with `$db` bound to the connection of the write transaction
/// `$tx` ([`WriteTx`]), whichever backend it is on: [`with_db!`]'s twin for
/// statements inside a transaction. The store's other macro.
macro_rules! on_tx {
    ($tx:expr, $db:ident => $body:expr) => {
        on_tx!($tx, $db, _Db => $body)
    };
    // `$Db` names the backend's sqlx type in `$body`, for what cannot infer it.
    ($tx:expr, $db:ident, $Db:ident => $body:expr) => {
        match &mut $tx.inner {
            $crate::TxInner::Sqlite { tx, .. } => {
                #[allow(dead_code)]
                type $Db = sqlx::Sqlite;
                let $db: &mut sqlx::SqliteConnection = &mut *tx;
                $body
            }
            $crate::TxInner::Postgres(tx) => {
                #[allow(dead_code)]
                type $Db = sqlx::Postgres;
                let $db: &mut sqlx::PgConnection = &mut *tx;
                $body
            }
        }
    };
}
pub(crate) use {on_tx, with_db};

/// A write transaction: every change the store makes happens in one,
/// begun by [`Store::begin_write`] and ended by [`WriteTx::commit`]; dropped
/// uncommitted (an early `?`), it rolls back.
pub struct WriteTx {
    pub(crate) inner: TxInner,
    pub(crate) geography: &'static (dyn Geography + Sync),
    /// Whether this transaction locked a case to change it: counted once
    /// it commits (see `changes`).
    pub(crate) changing: bool,
    pub(crate) changes: changes::Changes,
}

pub(crate) enum TxInner {
    /// SQLite's writers of one process also hold the process's writer lock
    /// (see [`Store::begin_write`]); the transaction is dropped first.
    Sqlite {
        tx: sqlx::Transaction<'static, sqlx::Sqlite>,
        _writer: tokio::sync::OwnedMutexGuard<()>,
    },
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
}

impl WriteTx {
    pub async fn commit(self) -> Result<()> {
        match self.inner {
            TxInner::Sqlite { tx, .. } => tx.commit().await?,
            TxInner::Postgres(tx) => tx.commit().await?,
        }
        if self.changing {
            self.changes.tell();
        }
        Ok(())
    }

    pub fn backend(&self) -> Backend {
        match self.inner {
            TxInner::Sqlite { .. } => Backend::Sqlite,
            TxInner::Postgres(_) => Backend::Postgres,
        }
    }

    /// Appends a line to a case's audit log; `actor_id` is the user's id
    /// (None for the system itself).
    pub async fn audit(
        &mut self,
        case_id: i64,
        actor_id: Option<i64>,
        now: DateTime<Utc>,
        action: &str,
        detail: serde_json::Value,
    ) -> Result<()> {
        on_tx!(self, db => { sqlx::query(
            "INSERT INTO case_audit (case_id, actor_id, at, action, detail) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(case_id)
        .bind(actor_id)
        .bind(to_millis(now))
        .bind(action)
        .bind(detail.to_string())
        .execute(db)
        .await?; });
        Ok(())
    }
}

#[derive(Clone, Debug)]
pub(crate) enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// The handle every part of Alerta stores through; cheap to clone.
#[derive(Clone)]
pub struct Store {
    pub(crate) pool: Pool,
    /// Held by this process's SQLite writer (see [`Store::begin_write`]); unused on PostgreSQL.
    pub(crate) sqlite_writer: std::sync::Arc<tokio::sync::Mutex<()>>,
    /// Where places and regions are: which regions an alert area touches,
    /// which country a zone lies in.
    pub(crate) geography: &'static (dyn Geography + Sync),
    pub(crate) changes: changes::Changes,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("pool", &self.pool)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Store {
    /// Opens `sqlite://path` (created if missing, WAL, foreign keys on) or
    /// `postgres://…`.
    pub async fn connect(url: &str, geography: &'static (dyn Geography + Sync)) -> Result<Store> {
        let pool = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Pool::Postgres(
                PgPoolOptions::new()
                    .max_connections(16)
                    // While the database is away a request waits at most
                    // this long, then answers 503 (see ApiError::Unavailable).
                    .acquire_timeout(Duration::from_secs(5))
                    // JIT compilation pays off for long analytical queries;
                    // Alerta's are short. The zone search's estimated cost
                    // (PostgreSQL cannot know how few zones each range of
                    // cells holds) crossed `jit_above_cost`, and compiling
                    // took 50 ms of a 3 ms answer. A SET rather than a
                    // startup option: PgBouncer refuses unknown ones.
                    .after_connect(|conn, _| {
                        Box::pin(async move {
                            conn.execute("SET jit = off").await?;
                            Ok(())
                        })
                    })
                    .connect(url)
                    .await?,
            )
        } else if url.starts_with("sqlite:") {
            Pool::Sqlite(connect_sqlite(url).await?)
        } else {
            return Err(StoreError::BadUrl(
                "the database URL must start with sqlite:// or postgres://".into(),
            ));
        };
        Ok(Store {
            pool,
            sqlite_writer: Default::default(),
            geography,
            changes: changes::Changes::default(),
        })
    }

    /// Begins a write transaction. SQLite's takes the write lock up front
    /// (`BEGIN IMMEDIATE`): a deferred transaction that reads and then
    /// writes fails with "database is locked" when another writer got in
    /// between. Writers of one process queue for SQLite's lock in the
    /// process first: left to SQLite's busy handler, which sleeps 1, 2, 5,
    /// 10, 15… ms between tries, a writer waited tens of milliseconds after
    /// the lock was free, and the sender's rounds stalled behind each other.
    pub async fn begin_write(&self) -> Result<WriteTx> {
        let inner = match &self.pool {
            Pool::Sqlite(pool) => {
                let writer = self.sqlite_writer.clone().lock_owned().await;
                TxInner::Sqlite {
                    tx: pool.begin_with("BEGIN IMMEDIATE").await?,
                    _writer: writer,
                }
            }
            Pool::Postgres(pool) => TxInner::Postgres(pool.begin().await?),
        };
        Ok(WriteTx {
            inner,
            geography: self.geography,
            changing: false,
            changes: self.changes.clone(),
        })
    }

    pub fn backend(&self) -> Backend {
        match self.pool {
            Pool::Sqlite(_) => Backend::Sqlite,
            Pool::Postgres(_) => Backend::Postgres,
        }
    }

    /// Applies the migrations embedded in the binary for this backend.
    pub async fn migrate(&self) -> Result<()> {
        match &self.pool {
            Pool::Sqlite(pool) => sqlx::migrate!("../../migrations/sqlite").run(pool).await?,
            Pool::Postgres(pool) => {
                sqlx::migrate!("../../migrations/postgres")
                    .run(pool)
                    .await?
            }
        }
        self.fill_zone_cells().await?;
        self.fill_case_regions().await
    }

    /// Gives every circle zone without them its zone index columns (zones
    /// stored before the index existed), so the index finds them. A no-op
    /// once done; batched so a large table never sits in one transaction.
    async fn fill_zone_cells(&self) -> Result<()> {
        loop {
            let rows: Vec<(i64, f64, f64, f64)> = with_db!(self, pool => sqlx::query_as(
                "SELECT id, lat, lng, radius_km FROM zones
                 WHERE cell IS NULL AND region IS NULL ORDER BY id LIMIT 5000")
                .fetch_all(pool)
                .await?);
            if rows.is_empty() {
                return Ok(());
            }
            let mut tx = self.begin_write().await?;
            on_tx!(tx, db => {
                for (id, lat, lng, radius_km) in &rows {
                    let circle = alerta_core::Circle {
                        center: alerta_core::Coordinates { lat: *lat, lng: *lng },
                        radius_km: *radius_km,
                    };
                    let (cell, cap) = volunteers::circle_index_values(&circle);
                    let mut update = sqlx::query(
                        "UPDATE zones SET cell = $2, x = $3, y = $4, z = $5, cos_r = $6, sin_r = $7
                         WHERE id = $1")
                        .bind(id)
                        .bind(cell);
                    for value in cap {
                        update = update.bind(value);
                    }
                    update.execute(&mut *db).await?;
                }
            });
            tx.commit().await?;
        }
    }

    /// Answers when the database does: the health check.
    /// Writes a consistent copy of a SQLite database to the new file
    /// `path`, while the server runs (`VACUUM INTO`: one read transaction,
    /// so the copy holds every outcome committed before it began, and
    /// nothing after). None on PostgreSQL, whose own tools do this (the
    /// caller says which).
    pub async fn backup_to(&self, path: &std::path::Path) -> Result<Option<()>> {
        let Pool::Sqlite(pool) = &self.pool else {
            return Ok(None);
        };
        // SQLite refuses to write over an existing file.
        sqlx::query("VACUUM INTO $1")
            .bind(path.to_string_lossy().into_owned())
            .execute(pool)
            .await?;
        Ok(Some(()))
    }

    pub async fn ping(&self) -> Result<()> {
        with_db!(self, pool => sqlx::query("SELECT 1").execute(pool).await.map(|_| ())?);
        Ok(())
    }

    pub async fn close(&self) {
        with_db!(self, pool => pool.close().await)
    }
}

async fn connect_sqlite(url: &str) -> Result<SqlitePool> {
    let options = SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        // Safe with WAL: a power cut may lose the last commits, never corrupt.
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(30))
        // Copy the write-ahead log into the database every 64 MiB rather
        // than every 4 MiB: a page written by several transactions in a row
        // (a bulk import's zone index) is copied once. A 3 M import took
        // 106 s instead of 120 s.
        .pragma("wal_autocheckpoint", "16384");
    if let Some(dir) = options.get_filename().parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir).map_err(|e| {
            StoreError::BadUrl(format!(
                "cannot create the database folder {}: {e}",
                dir.display()
            ))
        })?;
    }
    Ok(SqlitePoolOptions::new()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(30))
        // When a write fails for a full disk or an I/O error, SQLite rolls
        // the transaction back by itself; sqlx's own ROLLBACK then fails,
        // and sqlx goes on counting an open transaction, so the connection
        // could never begin another. Such a connection is closed on its
        // return to the pool (the ping first runs the rollback queued when
        // the transaction was dropped).
        .after_release(|conn, _| {
            Box::pin(async move {
                use sqlx::Connection as _;
                conn.ping().await?;
                Ok(!conn.is_in_transaction())
            })
        })
        .connect_with(options)
        .await?)
}

/// Storage form of a time: milliseconds since the epoch, UTC.
pub(crate) fn to_millis(at: DateTime<Utc>) -> i64 {
    at.timestamp_millis()
}

pub(crate) fn from_millis(ms: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(ms).single().unwrap_or_default()
}

/// How many rows the main tables hold: exported as metrics, and what tests
/// read to prove a refused request stored nothing.
#[derive(sqlx::FromRow)]
struct CountsRow {
    users: i64,
    sessions: i64,
    cases_draft: i64,
    cases_active: i64,
    cases_resolved: i64,
    photos: i64,
    audit_entries: i64,
    volunteers: i64,
    zones: i64,
    outbox: i64,
}

impl From<CountsRow> for Counts {
    fn from(r: CountsRow) -> Self {
        Counts {
            users: r.users,
            sessions: r.sessions,
            cases_draft: r.cases_draft,
            cases_active: r.cases_active,
            cases_resolved: r.cases_resolved,
            photos: r.photos,
            audit_entries: r.audit_entries,
            volunteers: r.volunteers,
            zones: r.zones,
            outbox: r.outbox,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub users: i64,
    pub sessions: i64,
    pub cases_draft: i64,
    pub cases_active: i64,
    pub cases_resolved: i64,
    pub photos: i64,
    pub audit_entries: i64,
    pub volunteers: i64,
    pub zones: i64,
    pub outbox: i64,
}

impl Store {
    pub async fn counts(&self) -> Result<Counts> {
        let counts: CountsRow = with_db!(self, pool => sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM users) AS users,
                    (SELECT COUNT(*) FROM sessions) AS sessions,
                    (SELECT COUNT(*) FROM cases WHERE status = 'draft') AS cases_draft,
                    (SELECT COUNT(*) FROM cases WHERE status = 'active') AS cases_active,
                    (SELECT COUNT(*) FROM cases WHERE status = 'resolved') AS cases_resolved,
                    (SELECT COUNT(*) FROM case_photos) AS photos,
                    (SELECT COUNT(*) FROM case_audit) AS audit_entries,
                    (SELECT COUNT(*) FROM volunteers) AS volunteers,
                    (SELECT COUNT(*) FROM zones) AS zones,
                    (SELECT COUNT(*) FROM outbox) AS outbox")
            .fetch_one(pool)
            .await?);
        Ok(counts.into())
    }
}

//! The pages every reader without a session shares (a case's, and the home
//! page's list of cases), kept in memory as rendered: when a case spreads,
//! thousands open its page in a minute, and each would otherwise cost a
//! database read and a render. A copy serves
//! only while no case has changed since it was made (the store counts
//! every committed change before the commit returns, and on PostgreSQL
//! other nodes' as they announce them), and for a minute at most: the page
//! says how long ago the person went missing.

use std::collections::HashMap;
use std::sync::Mutex;

use alerta_core::{CaseId, Language};
use axum::body::Bytes;
use chrono::{DateTime, Duration, Utc};

/// How long a copy serves at most.
const KEPT_FOR: Duration = Duration::seconds(60);
/// Copies kept at most (a few KB each); past that, all start again.
const MOST: usize = 4096;

/// Which shared page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shared {
    Case(CaseId),
    /// The home page without a search: the latest active cases.
    Home,
}

/// A rendered page and its ETag.
#[derive(Clone)]
pub struct SharedPage {
    pub etag: String,
    pub body: Bytes,
}

impl SharedPage {
    /// The page, its ETag the hash of its bytes: the page also says how
    /// long ago the person went missing, which changes with time, so no
    /// shorter key would do.
    pub fn of(body: String) -> SharedPage {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(body.as_bytes());
        SharedPage {
            etag: format!("\"{}\"", hex::encode(&digest[..16])),
            body: Bytes::from(body),
        }
    }
}

/// When a copy was made: the clock, and the store's count of case changes.
#[derive(Clone, Copy, PartialEq)]
pub struct Moment {
    pub at: DateTime<Utc>,
    pub changes: u64,
}

impl Moment {
    /// Now, by the app's clock and the store's count: taken before reading
    /// what a copy is rendered from, so a change in between leaves it stale.
    pub fn now(state: &crate::AppState) -> Moment {
        Moment {
            at: state.now(),
            changes: state.store.case_changes(),
        }
    }
}

#[derive(Default)]
pub struct SharedPages {
    kept: Mutex<HashMap<(Shared, Language), (SharedPage, Moment)>>,
}

impl SharedPages {
    /// The copy of `page` in `language`, if still current `now`.
    pub fn get(&self, page: Shared, language: Language, now: Moment) -> Option<SharedPage> {
        let kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        kept.get(&(page, language))
            .filter(|(_, made)| {
                made.changes == now.changes && made.at <= now.at && now.at - made.at < KEPT_FOR
            })
            .map(|(page, _)| page.clone())
    }

    /// Keeps a copy rendered from what the store held at `made`.
    pub fn keep(&self, key: Shared, language: Language, page: SharedPage, made: Moment) {
        let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        if kept.len() >= MOST {
            kept.clear();
        }
        kept.insert((key, language), (page, made));
    }
}

//! Cases by name, as people type names: typos, missing accents, partial
//! names, spellings that sound alike ("Kispe" finds "Quispe") and one
//! misremembered word tolerated ("jaun peres" finds "Juan Pérez"), best
//! matches first, the same on SQLite and
//! PostgreSQL because the scoring is ours, in Rust, not the database's.

use alerta_core::text::{name_key, name_match_score};
use alerta_core::{Case, CaseId};
use alerta_store::CaseFilter;

use crate::AppState;
use crate::error::ApiError;

/// The cases `filter` selects whose name or aliases match `typed`, newest
/// first, at most `filter.limit`; all that `filter` selects without a name.
pub async fn find_cases(
    state: &AppState,
    filter: &CaseFilter,
    typed: Option<&str>,
) -> Result<Vec<Case>, ApiError> {
    let Some(typed) = typed.filter(|t| !t.trim().is_empty()) else {
        return Ok(state.store.list_cases(filter).await?);
    };
    let limit = usize::try_from(filter.limit).unwrap_or(0);
    let mut scored: Vec<(u32, i64)> = state
        .store
        .name_index(filter)
        .await?
        .into_iter()
        .filter_map(|(id, key, aliases)| {
            let aliases = aliases
                .as_deref()
                .map(|a| name_key(&[a]))
                .unwrap_or_default();
            name_match_score(typed, &format!("{key} {aliases}")).map(|score| (score, id))
        })
        .collect();
    // Best matches first; among equals, newest first as the index gave them.
    scored.sort_by_key(|(score, _)| *score);
    let found: Vec<i64> = scored.into_iter().map(|(_, id)| id).take(limit).collect();
    let mut cases = Vec::with_capacity(found.len());
    for id in found {
        cases.push(state.store.case(CaseId(id)).await?);
    }
    Ok(cases)
}

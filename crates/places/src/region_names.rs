//! Countries and regions found by name as people type them ("cochab" →
//! "Cochabamba (BO-C)"), or by code: the suggestions of the subscription
//! form, and a region zone given by its name. Countries answer to their
//! names in English, Spanish, Portuguese and French ("Brasil"), regions to
//! the names the boundary data gives them; regions it leaves unnamed (the
//! US states of country-boundaries) only to their codes.

use std::sync::LazyLock;

use crate::{Gazetteer, Regions, fold};

/// A region as suggestions and choices show it.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionChoice {
    /// "BO-C": what a subscription's `zone.region` takes.
    pub code: String,
    /// "Cochabamba (BO-C)".
    pub label: String,
}

struct Entry {
    choice: RegionChoice,
    /// Its names folded for matching; none when the data names none.
    names: Vec<String>,
}

/// Every region the boundary data knows, countries first, then by label.
fn entries() -> &'static [Entry] {
    static ENTRIES: LazyLock<Vec<Entry>> = LazyLock::new(|| {
        let mut entries: Vec<Entry> = Regions::shared()
            .codes()
            .map(|code| Entry {
                choice: RegionChoice {
                    code: code.to_string(),
                    label: label(code),
                },
                names: folded_names(code),
            })
            .collect();
        // Countries (two-letter codes) first: false sorts before true.
        let is_region = |e: &Entry| e.choice.code.len() != 2;
        entries
            .sort_by(|a, b| (is_region(a), &a.choice.label).cmp(&(is_region(b), &b.choice.label)));
        entries
    });
    &ENTRIES
}

fn folded_names(code: &str) -> Vec<String> {
    match Regions::shared().name(code) {
        Some(name) => vec![fold(name)],
        None => Gazetteer::shared()
            .country_names_folded(code)
            .map(str::to_string)
            .collect(),
    }
}

fn name(code: &str) -> Option<&'static str> {
    Regions::shared()
        .name(code)
        .or_else(|| Gazetteer::shared().country_name(code))
}

/// "Bolivia (BO)", "Cochabamba (BO-C)"; the code alone when unnamed.
pub(crate) fn label(code: &str) -> String {
    match name(code) {
        Some(name) => format!("{name} ({code})"),
        None => code.to_string(),
    }
}

/// The regions named `typed` exactly, case, accents and punctuation aside.
pub fn regions_named(typed: &str) -> Vec<RegionChoice> {
    let folded = fold(typed);
    if folded.is_empty() {
        return Vec::new();
    }
    entries()
        .iter()
        .filter(|e| e.names.contains(&folded))
        .map(|e| e.choice.clone())
        .collect()
}

/// Up to `limit` regions for what was typed (two characters at least):
/// the code itself, then names equal to it, names starting with it, names
/// with a word starting with it, and codes starting with it. "BO-" is the
/// start of a code only.
pub fn suggest_regions(typed: &str, limit: usize) -> Vec<RegionChoice> {
    let code = typed.trim().to_ascii_uppercase();
    let code_only = code.len() >= 3
        && code.as_bytes()[2] == b'-'
        && code[..2].chars().all(|c| c.is_ascii_alphabetic());
    // Folded to nothing, a code's start never matches a name.
    let folded = if code_only {
        String::new()
    } else {
        fold(typed)
    };
    if !code_only && folded.len() < 2 {
        return Vec::new();
    }
    let by_name = |name: &str| {
        if name == folded {
            Some(1)
        } else if name.starts_with(&folded) {
            Some(2)
        } else if name.split(' ').any(|word| word.starts_with(&folded)) {
            Some(3)
        } else {
            None
        }
    };
    let rank = |e: &Entry| {
        if e.choice.code == code {
            return Some(0);
        }
        let named = if folded.is_empty() {
            None
        } else {
            e.names.iter().filter_map(|name| by_name(name)).min()
        };
        named.or_else(|| e.choice.code.starts_with(&code).then_some(4))
    };
    let mut found: Vec<(u8, &Entry)> = entries()
        .iter()
        .filter_map(|e| rank(e).map(|r| (r, e)))
        .collect();
    // Stable: within a rank, the entries' own order.
    found.sort_by_key(|(rank, _)| *rank);
    found
        .into_iter()
        .take(limit)
        .map(|(_, e)| e.choice.clone())
        .collect()
}

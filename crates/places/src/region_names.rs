//! Countries and regions found by name as people type them ("cochab" →
//! "Cochabamba (BO-C)"), or by code: the suggestions of the subscription
//! form, and a region zone given by its name. Countries answer to their
//! English names (the gazetteer's), regions to the names the boundary data
//! gives them; regions it leaves unnamed (the US states of
//! country-boundaries) only to their codes.

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
    /// The name folded for matching; empty when the data names none.
    folded: String,
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
                folded: name(code).map(fold).unwrap_or_default(),
            })
            .collect();
        entries.sort_by(|a, b| {
            let country = |e: &Entry| e.choice.code.len() != 2;
            (country(a), &a.choice.label).cmp(&(country(b), &b.choice.label))
        });
        entries
    });
    &ENTRIES
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
        .filter(|e| e.folded == folded)
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
    let rank = |e: &Entry| {
        let name = e.folded.as_str();
        if e.choice.code == code {
            Some(0)
        } else if folded.is_empty() {
            e.choice.code.starts_with(&code).then_some(4)
        } else if name == folded {
            Some(1)
        } else if name.starts_with(&folded) {
            Some(2)
        } else if name.split(' ').any(|word| word.starts_with(&folded)) {
            Some(3)
        } else if e.choice.code.starts_with(&code) {
            Some(4)
        } else {
            None
        }
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

//! Anonymous figures, as the regional networks publish them ("11 832
//! reported, 7 528 located"): counts only, by country and age group.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::case::{CaseStatus, Coordinates, Outcome};

/// The groups networks report by: children, adolescents, young adults,
/// adults, older adults.
pub const AGE_GROUPS: [(&str, i64, i64); 5] = [
    ("0-11", 0, 11),
    ("12-17", 12, 17),
    ("18-29", 18, 29),
    ("30-59", 30, 59),
    ("60+", 60, i64::MAX),
];

pub fn age_group(age: i64) -> &'static str {
    AGE_GROUPS
        .iter()
        .find(|(_, from, to)| (*from..=*to).contains(&age))
        .map_or("0-11", |(label, ..)| label)
}

/// What the statistics need of one published case; nothing that names anyone.
#[derive(Debug, Clone, Copy)]
pub struct CaseFacts {
    pub status: CaseStatus,
    pub outcome: Option<Outcome>,
    pub age_years: i64,
    pub last_seen: Coordinates,
}

/// Reported = published (drafts police never verified are not reports);
/// located = found, alive or not; open = still active.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Tally {
    pub reported: u64,
    pub located: u64,
    pub located_alive: u64,
    pub open: u64,
    pub withdrawn: u64,
}

impl Tally {
    fn add(&mut self, case: &CaseFacts) {
        self.reported += 1;
        match (case.status, case.outcome) {
            (CaseStatus::Active, _) => self.open += 1,
            (_, Some(Outcome::FoundSafe)) => {
                self.located += 1;
                self.located_alive += 1;
            }
            (_, Some(Outcome::FoundDeceased)) => self.located += 1,
            (_, Some(Outcome::Withdrawn)) => self.withdrawn += 1,
            _ => {}
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Statistics {
    #[serde(flatten)]
    pub total: Tally,
    /// By ISO 3166-1 country of the last-seen point ("ZZ" when at sea or unknown).
    pub by_country: BTreeMap<String, Tally>,
    /// By age when last seen: 0-11, 12-17, 18-29, 30-59, 60+.
    pub by_age_group: BTreeMap<String, Tally>,
}

/// Adds up `cases`; `country_of` says which country a point lies in.
pub fn tally(
    cases: impl IntoIterator<Item = CaseFacts>,
    country_of: impl Fn(Coordinates) -> Option<String>,
) -> Statistics {
    let mut stats = Statistics::default();
    for case in cases {
        if case.status == CaseStatus::Draft {
            continue;
        }
        stats.total.add(&case);
        let country = country_of(case.last_seen).unwrap_or_else(|| "ZZ".into());
        stats.by_country.entry(country).or_default().add(&case);
        stats
            .by_age_group
            .entry(age_group(case.age_years).to_string())
            .or_default()
            .add(&case);
    }
    stats
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(status: CaseStatus, outcome: Option<Outcome>, age: i64, lat: f64) -> CaseFacts {
        CaseFacts {
            status,
            outcome,
            age_years: age,
            last_seen: Coordinates { lat, lng: 0.0 },
        }
    }

    #[test]
    fn published_cases_are_counted_by_outcome_country_and_age() {
        let stats = tally(
            [
                case(CaseStatus::Active, None, 15, 1.0),
                case(CaseStatus::Resolved, Some(Outcome::FoundSafe), 8, 1.0),
                case(CaseStatus::Resolved, Some(Outcome::FoundDeceased), 70, 2.0),
                case(CaseStatus::Resolved, Some(Outcome::Withdrawn), 30, 2.0),
                case(CaseStatus::Draft, None, 15, 1.0),
            ],
            |p| (p.lat < 1.5).then(|| "BO".to_string()),
        );
        assert_eq!(
            stats.total,
            Tally {
                reported: 4,
                located: 2,
                located_alive: 1,
                open: 1,
                withdrawn: 1
            }
        );
        assert_eq!(stats.by_country["BO"].reported, 2);
        assert_eq!(stats.by_country["ZZ"].located, 1);
        assert_eq!(stats.by_age_group["12-17"].open, 1);
        assert_eq!(stats.by_age_group["60+"].located, 1);
        assert!(!stats.by_age_group.contains_key("18-29"));
    }

    #[test]
    fn ages_fall_in_their_group() {
        assert_eq!(age_group(0), "0-11");
        assert_eq!(age_group(11), "0-11");
        assert_eq!(age_group(12), "12-17");
        assert_eq!(age_group(59), "30-59");
        assert_eq!(age_group(104), "60+");
    }
}

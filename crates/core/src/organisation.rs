//! Organisations (police units, NGOs) and where their officers act.
//!
//! An organisation's jurisdiction is a list of ISO 3166 countries or
//! first-level regions ("BO", "BO-C,BO-L"). Its officers see the drafts
//! last seen there and publish them; a published case belongs to the
//! publishing officer's organisation, whose officers alone change it. An
//! organisation without a jurisdiction acts anywhere: a national unit, or
//! a deployment for one country.

use serde::{Deserialize, Serialize};

use crate::error::FieldError;
use crate::volunteer::Geography;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OrganisationId(pub i64);

/// Where an organisation's officers act; empty: anywhere.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Jurisdiction(Vec<String>);

/// At most this many codes in one jurisdiction.
pub const MAX_JURISDICTION_CODES: usize = 100;

impl Jurisdiction {
    /// Anywhere: no limit.
    pub fn anywhere() -> Jurisdiction {
        Jurisdiction(Vec::new())
    }

    /// Comma-separated codes, each a country or first-level region the
    /// boundary data knows ("bo-c" is "BO-C"); blank: anywhere.
    pub fn parse(field: &str, text: &str, world: &dyn Geography) -> Result<Self, FieldError> {
        let mut codes = Vec::new();
        for typed in text.split(',').map(str::trim).filter(|c| !c.is_empty()) {
            let Some((code, _)) = world.region(typed) else {
                return Err(FieldError::new(
                    field,
                    format!("{typed} is not an ISO 3166 country or first-level region code"),
                ));
            };
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
        if codes.len() > MAX_JURISDICTION_CODES {
            return Err(FieldError::new(
                field,
                format!("must name at most {MAX_JURISDICTION_CODES} codes"),
            ));
        }
        Ok(Jurisdiction(codes))
    }

    /// As stored: the codes joined by commas ("" for anywhere).
    pub fn from_stored(stored: &str) -> Jurisdiction {
        Jurisdiction(
            stored
                .split(',')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(String::from)
                .collect(),
        )
    }

    pub fn to_stored(&self) -> String {
        self.0.join(",")
    }

    pub fn codes(&self) -> &[String] {
        &self.0
    }

    pub fn is_anywhere(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether a place in `regions` (its country and first-level region
    /// codes) lies within.
    pub fn covers(&self, regions: &[String]) -> bool {
        self.is_anywhere() || self.0.iter().any(|code| regions.contains(code))
    }

    /// Whether some of `regions` (those an alert area touches) lie within
    /// a limited jurisdiction: an alert reaching into it.
    pub fn reached_by(&self, regions: &[String]) -> bool {
        !self.is_anywhere() && self.0.iter().any(|code| regions.contains(code))
    }
}

/// An organisation as the commands and the police desk show it.
#[derive(Debug, Clone, PartialEq)]
pub struct Organisation {
    pub id: OrganisationId,
    pub name: String,
    pub jurisdiction: Jurisdiction,
    /// Where a case that reaches into its jurisdiction is announced.
    pub contact_email: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(list: &[&str]) -> Vec<String> {
        list.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn anywhere_covers_every_place_and_is_reached_by_none() {
        let anywhere = Jurisdiction::anywhere();
        assert!(anywhere.covers(&codes(&["PE", "PE-LIM"])));
        assert!(anywhere.covers(&[]));
        assert!(!anywhere.reached_by(&codes(&["PE"])));
    }

    #[test]
    fn a_country_or_a_region_covers_what_lies_in_it() {
        let bolivia = Jurisdiction::from_stored("BO");
        let cochabamba = Jurisdiction::from_stored("BO-C,BO-L");
        let sacaba = codes(&["BO", "BO-C"]);
        let lima = codes(&["PE", "PE-LMA"]);
        assert!(bolivia.covers(&sacaba));
        assert!(cochabamba.covers(&sacaba));
        assert!(!bolivia.covers(&lima));
        assert!(!cochabamba.covers(&codes(&["BO", "BO-S"])));
        assert!(
            Jurisdiction::from_stored("PE").reached_by(&codes(&["BO", "BO-L", "PE", "PE-PUN"]))
        );
    }

    #[test]
    fn stored_form_round_trips() {
        let j = Jurisdiction::from_stored(" BO-C , BO-L ");
        assert_eq!(j.codes(), ["BO-C", "BO-L"]);
        assert_eq!(Jurisdiction::from_stored(&j.to_stored()), j);
        assert!(Jurisdiction::from_stored("").is_anywhere());
    }
}

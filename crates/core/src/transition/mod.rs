//! What correcting, publishing, widening, resolving, hiding, showing,
//! alerting again and mailing a correction of a case change,
//! decided from the case as it stands: the new state, the mail and notices
//! it sets off, and the line it writes to the case's log. The store only
//! persists a [`CaseChange`]; everything here is tested without a database.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use crate::area::AlertArea;
use crate::policy::{self, Actor, Denied};
use crate::{Case, CaseDetails, FieldError, OrganisationId, Outcome, PartnerKind, UserId};

/// Why a change was refused: who asked or the case's state (`Denied`), or
/// a field of what they sent.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Refused {
    #[error(transparent)]
    Denied(#[from] Denied),
    #[error("{}: {}", .0.field, .0.message)]
    Invalid(FieldError),
}

impl From<FieldError> for Refused {
    fn from(e: FieldError) -> Self {
        Refused::Invalid(e)
    }
}

/// One change to a case: what its row becomes, what that sets off, and
/// the audit line.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseChange {
    /// When it happens: the row's `updated_at`, the queued mail's time.
    pub at: DateTime<Utc>,
    /// None when the row stays as it is (a correction mailed).
    pub update: Option<CaseUpdate>,
    /// In order: withdrawals come before the mail they make room for.
    pub effects: Vec<Effect>,
    pub audit: AuditLine,
}

/// What the case's own row becomes.
#[derive(Debug, Clone, PartialEq)]
pub enum CaseUpdate {
    /// New details (a new version of the case).
    Details(Box<CaseDetails>),
    /// Public from the change's time; the publishing officer answers for it
    /// (tips go to them) and their organisation is in charge of it from now
    /// on. The issuing organisation's name stays the case's own when it has one.
    Publish {
        organisation: Option<String>,
        police_contact: UserId,
        organisation_id: Option<OrganisationId>,
    },
    /// The circle's radius and the corridor's width as they become (each
    /// at least what it was).
    Widen {
        radius_km: f64,
        route_width_km: Option<f64>,
    },
    Resolve {
        outcome: Outcome,
        note: Option<String>,
    },
    /// Out of public view from the change's time, or back in view.
    SetHidden { hidden: bool },
}

/// What a change sets off besides the case's row.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// An alert for every confirmed volunteer `area` reaches, and every
    /// partner of `partner_kinds` whose place it reaches, that the case has
    /// not alerted yet (nobody is alerted twice).
    QueueAlerts {
        area: AlertArea,
        partner_kinds: Vec<PartnerKind>,
    },
    /// A notice to every organisation whose limited jurisdiction `area`
    /// reaches into, other than the one in charge; each is told once.
    InformOrganisations {
        area: AlertArea,
        in_charge: Option<OrganisationId>,
    },
    /// "Found" for everyone the alert reached (or is reaching) and every
    /// confirmed follower.
    QueueFound,
    /// "Updated information" for the same people; one who had an earlier
    /// update gets it again.
    QueueUpdates,
    /// The case's alerts not yet on their way are withdrawn.
    WithdrawUnsentAlerts,
    /// The case's alerts and updates not yet on their way are withdrawn (a
    /// sender holding one drops it).
    WithdrawUnsentMail,
    /// The alerts withdrawn while the case was hidden are forgotten, so its
    /// alert can go to those volunteers again.
    ForgetWithdrawnAlerts,
}

/// The line a change writes to the case's log. `count_as` names the key
/// under which the store adds how many messages the effects queued or
/// withdrew, known once they ran.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditLine {
    pub action: &'static str,
    pub detail: Value,
    pub count_as: Option<&'static str>,
}

/// What a widening asks: a wider circle, a wider corridor, or both (None
/// leaves that part as it is).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Wider {
    pub radius_km: Option<f64>,
    pub route_width_km: Option<f64>,
}

impl Wider {
    /// What an officer asks for, checked: the radius 0.5 to 1000 km, the
    /// route's width 0.5 to 100, one of them at least. Field names start
    /// with `prefix` (`steps[2].`).
    pub fn parse(
        prefix: &str,
        radius_km: Option<f64>,
        route_width_km: Option<f64>,
    ) -> Result<Wider, FieldError> {
        let radius_field = format!("{prefix}alert_radius_km");
        if radius_km.is_none() && route_width_km.is_none() {
            return Err(FieldError::new(
                radius_field,
                "is required, or alert_route_width_km, or both",
            ));
        }
        let radius_km = radius_km
            .map(|r| crate::case::parse_alert_radius(Some(r)))
            .transpose()
            .map_err(|e| FieldError {
                field: radius_field,
                ..e
            })?;
        let route_width_km = route_width_km
            .map(|w| crate::case::parse_route_width(&format!("{prefix}alert_route_width_km"), w))
            .transpose()?;
        Ok(Wider {
            radius_km,
            route_width_km,
        })
    }
}

/// Who asked for a widening: an officer now, or one who planned it ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Widening {
    ByHand,
    Planned,
}

impl Widening {
    fn as_str(self) -> &'static str {
        match self {
            Widening::ByHand => "by hand",
            Widening::Planned => "planned",
        }
    }
}

impl Case {
    /// Replaces the case's details: its family while a draft, police of
    /// the organisation in charge until it is resolved. A family keeps the
    /// alert radius within its limit and draws no road or polygon. Mails
    /// nobody about the details: police decide when a correction is news
    /// ([`Case::mail_correction`]). But a published case in view whose
    /// alert area changed (a road or a polygon drawn, a radius set) alerts
    /// whoever the new area reaches that it had not alerted. None when
    /// nothing differs (no new version).
    pub fn correct(
        &self,
        actor: &Actor,
        details: &CaseDetails,
        now: DateTime<Utc>,
    ) -> Result<Option<CaseChange>, Refused> {
        // Who may edit is answered first (403, 404), then the fields.
        policy::may_edit(Some(actor), self)?;
        policy::may_ask_alert_area(actor, details, Some(&self.details))?;
        let changed = changed_fields(&self.details, details);
        if changed.is_empty() {
            return Ok(None);
        }
        let area = details.alert_area();
        let alerts_again = self.status == crate::CaseStatus::Active
            && !self.hidden
            && (area != self.alert_area()
                || details.alert_partner_kinds != self.details.alert_partner_kinds);
        let effects = if alerts_again {
            vec![
                Effect::QueueAlerts {
                    area: area.clone(),
                    partner_kinds: details.alert_partner_kinds.clone(),
                },
                Effect::InformOrganisations {
                    area,
                    in_charge: self.organisation_id,
                },
            ]
        } else {
            vec![]
        };
        Ok(Some(CaseChange {
            at: now,
            update: Some(CaseUpdate::Details(Box::new(details.clone()))),
            effects,
            audit: AuditLine {
                action: "edited",
                detail: json!({ "changed": changed }),
                count_as: alerts_again.then_some("newly_reached"),
            },
        }))
    }

    /// Makes a verified draft public, and alerts its area.
    pub fn publish(
        &self,
        actor: &Actor,
        reviewed_version: i64,
        now: DateTime<Utc>,
    ) -> Result<CaseChange, Denied> {
        policy::may_publish(Some(actor), self)?;
        policy::reviewed(self, reviewed_version)?;
        let area = self.alert_area();
        Ok(CaseChange {
            at: now,
            update: Some(CaseUpdate::Publish {
                organisation: self.organisation.clone().or(actor.organisation.clone()),
                police_contact: actor.user_id,
                organisation_id: actor.organisation_id,
            }),
            effects: vec![
                Effect::QueueAlerts {
                    area: area.clone(),
                    partner_kinds: self.details.alert_partner_kinds.clone(),
                },
                Effect::InformOrganisations {
                    area,
                    in_charge: actor.organisation_id,
                },
            ],
            audit: AuditLine {
                action: "published",
                detail: json!({}),
                count_as: Some("recipients"),
            },
        })
    }

    /// Widens an officer's published case, by hand (checked against the
    /// version they read): its circle, its corridor or both.
    pub fn widen(
        &self,
        actor: &Actor,
        wider: Wider,
        reviewed_version: i64,
        now: DateTime<Utc>,
    ) -> Result<CaseChange, Denied> {
        policy::may_widen(Some(actor), self, wider)?;
        policy::reviewed(self, reviewed_version)?;
        Ok(self.widening(wider, Widening::ByHand, now))
    }

    /// The widening an officer planned ahead, when its time comes: None
    /// when the case is no longer active or already as wide in every part
    /// the plan names (police widened it by hand meanwhile). A part already
    /// wider than planned is left as it is.
    pub fn planned_widening(&self, wider: Wider, now: DateTime<Utc>) -> Option<CaseChange> {
        let d = &self.details;
        let wider = Wider {
            radius_km: wider.radius_km.filter(|r| *r > d.alert_radius_km),
            route_width_km: wider
                .route_width_km
                .filter(|w| d.alert_corridor.as_ref().is_some_and(|c| *w > c.width_km)),
        };
        let due = self.status == crate::CaseStatus::Active
            && (wider.radius_km.is_some() || wider.route_width_km.is_some());
        due.then(|| self.widening(wider, Widening::Planned, now))
    }

    /// The alert again, `after_days` after publication, for the volunteers
    /// who joined its zone since (nobody is alerted twice): None when the
    /// case is no longer active or is out of view.
    pub fn realert(&self, after_days: i64, now: DateTime<Utc>) -> Option<CaseChange> {
        let due = self.status == crate::CaseStatus::Active && !self.hidden;
        due.then(|| CaseChange {
            at: now,
            update: None,
            effects: vec![Effect::QueueAlerts {
                area: self.alert_area(),
                partner_kinds: self.details.alert_partner_kinds.clone(),
            }],
            audit: AuditLine {
                action: "realerted",
                detail: json!({ "after_days": after_days }),
                count_as: Some("newly_reached"),
            },
        })
    }

    fn widening(&self, wider: Wider, how: Widening, now: DateTime<Utc>) -> CaseChange {
        let area = self
            .alert_area()
            .widened(wider.radius_km, wider.route_width_km);
        let radius_km = area.circle.radius_km;
        let route_width_km = area.corridor.as_ref().map(|c| c.width_km);
        // A hidden case mails nobody; shown again, it alerts its whole area.
        let mut effects = Vec::new();
        if !self.hidden {
            effects.push(Effect::QueueAlerts {
                area: area.clone(),
                partner_kinds: self.details.alert_partner_kinds.clone(),
            });
        }
        effects.push(Effect::InformOrganisations {
            area,
            in_charge: self.organisation_id,
        });
        let mut detail = json!({
            "from_km": self.details.alert_radius_km, "to_km": radius_km, "how": how.as_str(),
        });
        if let Some(corridor) = &self.details.alert_corridor
            && route_width_km != Some(corridor.width_km)
        {
            detail["route_from_km"] = json!(corridor.width_km);
            detail["route_to_km"] = json!(route_width_km);
        }
        CaseChange {
            at: now,
            update: Some(CaseUpdate::Widen {
                radius_km,
                route_width_km,
            }),
            effects,
            audit: AuditLine {
                action: "widened",
                detail,
                count_as: Some("newly_reached"),
            },
        }
    }

    /// Closes a case: those its alert reached, and its followers, hear that
    /// it is over; alerts not yet on their way are withdrawn.
    pub fn resolve(
        &self,
        actor: &Actor,
        outcome: Outcome,
        note: Option<&str>,
        reviewed_version: i64,
        now: DateTime<Utc>,
    ) -> Result<CaseChange, Denied> {
        policy::may_resolve(Some(actor), self)?;
        policy::reviewed(self, reviewed_version)?;
        Ok(CaseChange {
            at: now,
            update: Some(CaseUpdate::Resolve {
                outcome,
                note: note.map(str::to_string),
            }),
            effects: vec![Effect::QueueFound, Effect::WithdrawUnsentAlerts],
            audit: AuditLine {
                action: "resolved",
                detail: json!({ "outcome": outcome, "note": note }),
                count_as: None,
            },
        })
    }

    /// Takes an active case out of public view, and out of volunteers' mail
    /// (`hidden`), or puts it back, alerting everyone in its area it has not
    /// reached. None when it already is as asked.
    pub fn set_hidden(
        &self,
        actor: &Actor,
        hidden: bool,
        now: DateTime<Utc>,
    ) -> Result<Option<CaseChange>, Denied> {
        policy::may_hide(Some(actor), self)?;
        if self.hidden == hidden {
            return Ok(None);
        }
        let (effects, action, count_as) = if hidden {
            (vec![Effect::WithdrawUnsentMail], "hidden", "withdrawn")
        } else {
            let effects = vec![
                Effect::ForgetWithdrawnAlerts,
                Effect::QueueAlerts {
                    area: self.alert_area(),
                    partner_kinds: self.details.alert_partner_kinds.clone(),
                },
            ];
            (effects, "shown", "queued")
        };
        Ok(Some(CaseChange {
            at: now,
            update: Some(CaseUpdate::SetHidden { hidden }),
            effects,
            audit: AuditLine {
                action,
                detail: json!({}),
                count_as: Some(count_as),
            },
        }))
    }

    /// Mails a published case's corrected details to everyone it alerted
    /// and everyone following it, once police checked the version they read.
    pub fn mail_correction(
        &self,
        actor: &Actor,
        reviewed_version: i64,
        now: DateTime<Utc>,
    ) -> Result<CaseChange, Denied> {
        policy::may_notify_update(Some(actor), self)?;
        policy::reviewed(self, reviewed_version)?;
        Ok(CaseChange {
            at: now,
            update: None,
            effects: vec![Effect::QueueUpdates],
            audit: AuditLine {
                action: "update_notified",
                detail: json!({ "version": self.version }),
                count_as: Some("recipients"),
            },
        })
    }
}

/// Field name → {from, to} for every detail that differs.
fn changed_fields(before: &CaseDetails, after: &CaseDetails) -> serde_json::Map<String, Value> {
    let (Value::Object(before), Value::Object(after)) = (json!(before), json!(after)) else {
        return serde_json::Map::new();
    };
    after
        .into_iter()
        .filter(|(field, value)| before.get(field) != Some(value))
        .map(|(field, value)| {
            let from = before.get(&field).cloned().unwrap_or(Value::Null);
            (field, json!({ "from": from, "to": value }))
        })
        .collect()
}

#[cfg(test)]
mod tests;

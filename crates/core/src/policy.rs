//! Who may see and change what. Checked in this order: the role (403), then
//! whether the caller may know the case exists (404), then its state (409).

use crate::case::{Case, CaseStatus};
use crate::error::FieldError;
use crate::user::{Role, UserId};

/// The signed-in user a request acts for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: UserId,
    pub role: Role,
    pub organisation: Option<String>,
}

/// How much of a case a reader gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Every field: the case's owner and police.
    Full,
    /// What the poster shows: anyone, while the case is active.
    Public,
    /// Only that the person was found: anyone, once the case is resolved.
    Resolved,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Denied {
    #[error("sign in first")]
    SignInRequired,
    #[error("{0}")]
    Forbidden(&'static str),
    #[error("case not found")]
    NotFound,
    #[error("{0}")]
    WrongState(&'static str),
    /// The case changed after the officer read it: they act on what they
    /// saw, so they must read it again first.
    #[error(
        "the case changed since version {reviewed} (it is now version {current}): read it again before acting on it"
    )]
    VersionChanged { reviewed: i64, current: i64 },
}

fn is_owner(actor: &Actor, case: &Case) -> bool {
    actor.user_id == case.owner_id
}

fn sees_everything(actor: Option<&Actor>, case: &Case) -> bool {
    actor.is_some_and(|a| a.role.is_police() || is_owner(a, case))
}

/// What `actor` (None when anonymous) may read of `case`.
pub fn view(actor: Option<&Actor>, case: &Case) -> Result<View, Denied> {
    if sees_everything(actor, case) {
        return Ok(View::Full);
    }
    if case.hidden {
        return Err(Denied::NotFound);
    }
    match case.status {
        CaseStatus::Draft => Err(Denied::NotFound),
        CaseStatus::Active => Ok(View::Public),
        CaseStatus::Resolved => Ok(View::Resolved),
    }
}

fn signed_in(actor: Option<&Actor>) -> Result<&Actor, Denied> {
    actor.ok_or(Denied::SignInRequired)
}

/// Families and police register cases; admins manage the service and may too.
pub fn may_create(actor: Option<&Actor>) -> Result<(), Denied> {
    signed_in(actor).map(|_| ())
}

/// The owner edits their draft; police edit any case not yet resolved.
/// A published case changes only through police, who vouch for it.
pub fn may_edit(actor: Option<&Actor>, case: &Case) -> Result<(), Denied> {
    let actor = signed_in(actor)?;
    if actor.role.is_police() {
        return not_resolved(case);
    }
    if !is_owner(actor, case) {
        return Err(hidden_or_forbidden(case));
    }
    match case.status {
        CaseStatus::Draft => Ok(()),
        CaseStatus::Active => Err(Denied::WrongState(
            "the case is published: ask the police in charge to change it",
        )),
        CaseStatus::Resolved => Err(Denied::WrongState("the case is resolved")),
    }
}

/// Police make a case public after verifying it.
pub fn may_publish(actor: Option<&Actor>, case: &Case) -> Result<(), Denied> {
    police(actor)?;
    match case.status {
        CaseStatus::Draft => Ok(()),
        CaseStatus::Active => Err(Denied::WrongState("the case is already published")),
        CaseStatus::Resolved => Err(Denied::WrongState("the case is resolved")),
    }
}

/// Police close a case, published or not.
pub fn may_resolve(actor: Option<&Actor>, case: &Case) -> Result<(), Denied> {
    police(actor)?;
    not_resolved(case)
}

/// Police widen a published case's alert area; it only grows.
pub fn may_widen(actor: Option<&Actor>, case: &Case, radius_km: f64) -> Result<(), Denied> {
    police(actor)?;
    if case.status != CaseStatus::Active {
        return Err(Denied::WrongState("only a published case can be widened"));
    }
    if radius_km <= case.details.alert_radius_km {
        return Err(Denied::WrongState(
            "the new radius must be larger than the current one",
        ));
    }
    Ok(())
}

/// Police plan widenings for a case that is not resolved (a draft too: the
/// plan starts counting when it is published).
pub fn may_plan_widening(actor: Option<&Actor>, case: &Case) -> Result<(), Denied> {
    police(actor)?;
    not_resolved(case)
}

/// Police tell the volunteers of a published case that its details changed.
pub fn may_notify_update(actor: Option<&Actor>, case: &Case) -> Result<(), Denied> {
    police(actor)?;
    if case.status != CaseStatus::Active {
        return Err(Denied::WrongState(
            "only a published case has volunteers to tell",
        ));
    }
    Ok(())
}

/// An officer acts on the version of the case they read: publishing,
/// widening, resolving or mailing a correction of a case that changed since
/// (a family editing the draft, another officer correcting it) is refused,
/// so nothing goes out that nobody verified.
pub fn reviewed(case: &Case, reviewed_version: i64) -> Result<(), Denied> {
    if case.version != reviewed_version {
        return Err(Denied::VersionChanged {
            reviewed: reviewed_version,
            current: case.version,
        });
    }
    Ok(())
}

/// The widest alert area a family may ask for. Police, who answer for how
/// many people an alert reaches, set anything wider.
pub const FAMILY_MAX_ALERT_RADIUS_KM: f64 = 50.0;

/// Whether `actor` may ask for an alert radius of `radius_km`; `current_km`
/// is the case's radius before an edit (a wider one police set stays).
pub fn may_ask_alert_radius(
    actor: &Actor,
    radius_km: f64,
    current_km: Option<f64>,
) -> Result<(), FieldError> {
    let unchanged = current_km.is_some_and(|current| current == radius_km);
    if actor.role.is_police() || unchanged || radius_km <= FAMILY_MAX_ALERT_RADIUS_KM {
        return Ok(());
    }
    Err(FieldError::new(
        "alert_radius_km",
        format!(
            "must be at most {FAMILY_MAX_ALERT_RADIUS_KM} km: police set a wider area when they verify the case"
        ),
    ))
}

/// Police-only reading: the audit log, tips and dispatch figures.
pub fn may_audit(actor: Option<&Actor>) -> Result<(), Denied> {
    police(actor).map(|_| ())
}

/// Police import records of other repositories (PFIF) as cases to verify.
pub fn may_import(actor: Option<&Actor>) -> Result<(), Denied> {
    police(actor).map(|_| ())
}

/// Police take an active case out of public view, or put it back.
pub fn may_hide(actor: Option<&Actor>, case: &Case) -> Result<(), Denied> {
    police(actor)?;
    if case.status != CaseStatus::Active {
        return Err(Denied::WrongState("only an active case is in public view"));
    }
    Ok(())
}

/// Anyone may send a tip (or follow the case), signed in or not, while the case is public.
pub fn may_tip(case: &Case) -> Result<(), Denied> {
    if case.status != CaseStatus::Active {
        return Err(Denied::WrongState(
            "only an active case takes tips and followers",
        ));
    }
    Ok(())
}

fn police(actor: Option<&Actor>) -> Result<&Actor, Denied> {
    let actor = signed_in(actor)?;
    if actor.role.is_police() {
        Ok(actor)
    } else {
        Err(Denied::Forbidden("only police may do this"))
    }
}

fn not_resolved(case: &Case) -> Result<(), Denied> {
    if case.status == CaseStatus::Resolved {
        Err(Denied::WrongState("the case is resolved"))
    } else {
        Ok(())
    }
}

/// Another family may not learn that a draft exists; a public case exists for all.
fn hidden_or_forbidden(case: &Case) -> Denied {
    if case.status == CaseStatus::Draft {
        Denied::NotFound
    } else {
        Denied::Forbidden("only the family that registered the case, or police, may change it")
    }
}

//! Who may see and change what. Checked in this order: the role (403), then
//! whether the caller may know the case exists (404), then whether their
//! organisation is in charge of it (403), then its state (409).
//!
//! Police act where their organisation's jurisdiction reaches: they see
//! and publish the drafts last seen there; a published case belongs to the
//! publishing officer's organisation, and only its officers (and admins)
//! change it or read its tips, audit log and dispatch figures. Officers of
//! an organisation told of the case (its alert reaches into their
//! jurisdiction) read those too, and change nothing.

use crate::case::{Case, CaseStatus};
use crate::error::FieldError;
use crate::organisation::{Jurisdiction, OrganisationId};
use crate::user::{Role, UserId};

/// The signed-in user a request acts for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: UserId,
    pub role: Role,
    /// The organisation's name, printed on the posters it publishes.
    pub organisation: Option<String>,
    pub organisation_id: Option<OrganisationId>,
    /// Where the actor's organisation acts (anywhere without one).
    pub jurisdiction: Jurisdiction,
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

/// Whether `actor`'s organisation answers for `case`: the one that
/// published it, or, for a case no organisation holds yet (a draft), one
/// whose jurisdiction covers the last-seen point. Admins answer for all.
pub fn in_charge(actor: &Actor, case: &Case) -> bool {
    match actor.role {
        Role::Admin => true,
        Role::Family => false,
        Role::Police => match case.organisation_id {
            Some(organisation) => actor.organisation_id == Some(organisation),
            None => actor.jurisdiction.covers(&case.last_seen_regions),
        },
    }
}

/// Whether `actor` is an officer of an organisation told of the case.
fn informed(actor: &Actor, case: &Case) -> bool {
    actor.role == Role::Police
        && actor
            .organisation_id
            .is_some_and(|o| case.informed_organisations.contains(&o))
}

fn sees_everything(actor: Option<&Actor>, case: &Case) -> bool {
    actor.is_some_and(|a| is_owner(a, case) || in_charge(a, case) || informed(a, case))
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
    // An officer who registered a case themselves edits it as its family
    // would, unless their organisation is in charge of it.
    if actor.role.is_police() && (in_charge(actor, case) || !is_owner(actor, case)) {
        charge(actor, case)?;
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
    charge(police(actor)?, case)?;
    match case.status {
        CaseStatus::Draft => Ok(()),
        CaseStatus::Active => Err(Denied::WrongState("the case is already published")),
        CaseStatus::Resolved => Err(Denied::WrongState("the case is resolved")),
    }
}

/// Police close a case, published or not.
pub fn may_resolve(actor: Option<&Actor>, case: &Case) -> Result<(), Denied> {
    charge(police(actor)?, case)?;
    not_resolved(case)
}

/// Police widen a published case's alert area; it only grows.
pub fn may_widen(
    actor: Option<&Actor>,
    case: &Case,
    wider: crate::transition::Wider,
) -> Result<(), Denied> {
    charge(police(actor)?, case)?;
    if case.status != CaseStatus::Active {
        return Err(Denied::WrongState("only a published case can be widened"));
    }
    if wider
        .radius_km
        .is_some_and(|r| r <= case.details.alert_radius_km)
    {
        return Err(Denied::WrongState(
            "the new radius must be larger than the current one",
        ));
    }
    if let Some(width) = wider.route_width_km {
        let Some(corridor) = &case.details.alert_corridor else {
            return Err(Denied::WrongState(
                "the case has no alert route whose width could grow",
            ));
        };
        if width <= corridor.width_km {
            return Err(Denied::WrongState(
                "the new route width must be larger than the current one",
            ));
        }
    }
    Ok(())
}

/// Police plan widenings for a case that is not resolved (a draft too: the
/// plan starts counting when it is published).
pub fn may_plan_widening(actor: Option<&Actor>, case: &Case) -> Result<(), Denied> {
    charge(police(actor)?, case)?;
    not_resolved(case)
}

/// Police tell the volunteers of a published case that its details changed.
pub fn may_notify_update(actor: Option<&Actor>, case: &Case) -> Result<(), Denied> {
    charge(police(actor)?, case)?;
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

/// Whether `actor` may ask for the alert area of `details`; `current` is
/// the case before an edit (a wider radius, a road, a polygon or partner
/// kinds police set stay). Families keep to 50 km and draw nothing else.
pub fn may_ask_alert_area(
    actor: &Actor,
    details: &crate::CaseDetails,
    current: Option<&crate::CaseDetails>,
) -> Result<(), FieldError> {
    if actor.role.is_police() {
        return Ok(());
    }
    // A family keeps what police set; only police draw roads and polygons
    // and choose partners.
    let drawn_anew = [
        (
            "alert_route",
            details.alert_corridor.is_some()
                && current.map(|c| &c.alert_corridor) != Some(&details.alert_corridor),
        ),
        (
            "alert_polygon",
            details.alert_polygon.is_some()
                && current.map(|c| &c.alert_polygon) != Some(&details.alert_polygon),
        ),
        (
            "alert_partner_kinds",
            !details.alert_partner_kinds.is_empty()
                && current.map(|c| &c.alert_partner_kinds) != Some(&details.alert_partner_kinds),
        ),
    ];
    if let Some((field, _)) = drawn_anew.into_iter().find(|(_, anew)| *anew) {
        return Err(FieldError::new(
            field,
            "is set by police, when they verify the case",
        ));
    }
    let radius_km = details.alert_radius_km;
    let unchanged = current.is_some_and(|current| current.alert_radius_km == radius_km);
    if unchanged || radius_km <= FAMILY_MAX_ALERT_RADIUS_KM {
        return Ok(());
    }
    Err(FieldError::new(
        "alert_radius_km",
        format!(
            "must be at most {FAMILY_MAX_ALERT_RADIUS_KM} km: police set a wider area when they verify the case"
        ),
    ))
}

/// Police-only reading across cases (exports); each case's records then
/// go through [`may_read_records`].
pub fn may_audit(actor: Option<&Actor>) -> Result<(), Denied> {
    police(actor).map(|_| ())
}

/// A case's police records (its tips, audit log, dispatch figures and
/// planned widenings): the organisation in charge, and those told of it.
pub fn may_read_records(actor: Option<&Actor>, case: &Case) -> Result<(), Denied> {
    let actor = police(actor)?;
    if in_charge(actor, case) || informed(actor, case) {
        return Ok(());
    }
    Err(out_of_charge(case))
}

/// Police import records of other repositories (PFIF) as cases to verify.
pub fn may_import(actor: Option<&Actor>) -> Result<(), Denied> {
    police(actor).map(|_| ())
}

/// Police take an active case out of public view, or put it back.
pub fn may_hide(actor: Option<&Actor>, case: &Case) -> Result<(), Denied> {
    charge(police(actor)?, case)?;
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

/// Administrators vouch for partners: they add and remove them.
pub fn may_manage_partners(actor: Option<&Actor>) -> Result<(), Denied> {
    let actor = signed_in(actor)?;
    if actor.role == crate::Role::Admin {
        Ok(())
    } else {
        Err(Denied::Forbidden("only administrators manage partners"))
    }
}

fn police(actor: Option<&Actor>) -> Result<&Actor, Denied> {
    let actor = signed_in(actor)?;
    if actor.role.is_police() {
        Ok(actor)
    } else {
        Err(Denied::Forbidden("only police may do this"))
    }
}

/// Refuses an officer whose organisation is not in charge of `case`: a
/// draft they may not see does not exist for them (404); a published case
/// is someone else's to change (403).
fn charge(actor: &Actor, case: &Case) -> Result<(), Denied> {
    if in_charge(actor, case) {
        Ok(())
    } else {
        Err(out_of_charge(case))
    }
}

fn out_of_charge(case: &Case) -> Denied {
    if case.status == CaseStatus::Draft || case.hidden {
        Denied::NotFound
    } else {
        Denied::Forbidden("only officers of the organisation in charge of the case may do this")
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

#[cfg(test)]
mod tests {
    use super::*;

    const FAMILY: UserId = UserId(1);
    const LA_PAZ_POLICE: OrganisationId = OrganisationId(10);
    const LIMA_POLICE: OrganisationId = OrganisationId(20);
    const NATIONAL_UNIT: OrganisationId = OrganisationId(30);

    fn officer(id: i64, organisation: OrganisationId, jurisdiction: &str) -> Actor {
        Actor {
            user_id: UserId(id),
            role: Role::Police,
            organisation: Some(format!("org {}", organisation.0)),
            organisation_id: Some(organisation),
            jurisdiction: Jurisdiction::from_stored(jurisdiction),
        }
    }

    fn la_paz() -> Actor {
        officer(2, LA_PAZ_POLICE, "BO-L")
    }
    fn lima() -> Actor {
        officer(3, LIMA_POLICE, "PE")
    }
    fn national() -> Actor {
        officer(4, NATIONAL_UNIT, "")
    }
    fn admin() -> Actor {
        Actor {
            role: Role::Admin,
            organisation_id: None,
            organisation: None,
            ..officer(5, NATIONAL_UNIT, "")
        }
    }
    fn family() -> Actor {
        Actor {
            user_id: FAMILY,
            role: Role::Family,
            organisation: None,
            organisation_id: None,
            jurisdiction: Jurisdiction::anywhere(),
        }
    }
    fn stranger_family() -> Actor {
        Actor {
            user_id: UserId(9),
            ..family()
        }
    }

    use crate::fixtures::case;

    type Rule = fn(Option<&Actor>, &Case) -> Result<(), Denied>;

    fn outcome(rule: Rule, actor: &Actor, case: &Case) -> &'static str {
        match rule(Some(actor), case) {
            Ok(()) => "ok",
            Err(Denied::SignInRequired) => "401",
            Err(Denied::Forbidden(_)) => "403",
            Err(Denied::NotFound) => "404",
            Err(Denied::WrongState(_) | Denied::VersionChanged { .. }) => "409",
        }
    }

    #[test]
    fn a_draft_is_for_its_family_and_the_police_whose_jurisdiction_it_lies_in() {
        let draft = case(CaseStatus::Draft, None);
        let view: Rule = |actor, case| view(actor, case).map(|_| ());
        let table: [(&str, Actor, Rule, &str); 12] = [
            ("family views", family(), view, "ok"),
            ("another family views", stranger_family(), view, "404"),
            ("La Paz views", la_paz(), view, "ok"),
            ("Lima views", lima(), view, "404"),
            ("national unit views", national(), view, "ok"),
            ("admin views", admin(), view, "ok"),
            ("La Paz publishes", la_paz(), may_publish, "ok"),
            ("Lima publishes", lima(), may_publish, "404"),
            ("national unit publishes", national(), may_publish, "ok"),
            ("family publishes", family(), may_publish, "403"),
            ("La Paz edits", la_paz(), may_edit, "ok"),
            ("Lima edits", lima(), may_edit, "404"),
        ];
        for (what, actor, rule, expected) in table {
            assert_eq!(outcome(rule, &actor, &draft), expected, "{what}");
        }
    }

    #[test]
    fn a_published_case_is_changed_by_its_organisation_alone() {
        let published = case(CaseStatus::Active, Some(LA_PAZ_POLICE));
        let widen: Rule = |a, c| {
            let wider = crate::transition::Wider {
                radius_km: Some(50.0),
                route_width_km: None,
            };
            may_widen(a, c, wider)
        };
        let rules: [(&str, Rule); 7] = [
            ("resolve", may_resolve),
            ("widen", widen),
            ("hide", may_hide),
            ("edit", may_edit),
            ("notify update", may_notify_update),
            ("plan widening", may_plan_widening),
            ("read records", may_read_records),
        ];
        for (what, rule) in rules {
            assert_eq!(outcome(rule, &la_paz(), &published), "ok", "La Paz: {what}");
            assert_eq!(outcome(rule, &admin(), &published), "ok", "admin: {what}");
            assert_eq!(outcome(rule, &lima(), &published), "403", "Lima: {what}");
            // Acting anywhere is seeing every draft, not holding others' cases.
            assert_eq!(
                outcome(rule, &national(), &published),
                "403",
                "national: {what}"
            );
            assert_eq!(
                outcome(rule, &stranger_family(), &published),
                "403",
                "family: {what}"
            );
        }
        // The family that registered it asks the police to change it.
        assert_eq!(outcome(may_edit, &family(), &published), "409");
        // Everyone reads what the poster shows.
        assert_eq!(view(Some(&lima()), &published), Ok(View::Public));
        assert_eq!(view(None, &published), Ok(View::Public));
        assert_eq!(view(Some(&la_paz()), &published), Ok(View::Full));
    }

    #[test]
    fn an_organisation_told_of_a_case_reads_it_and_changes_nothing() {
        let mut published = case(CaseStatus::Active, Some(LA_PAZ_POLICE));
        published.informed_organisations = vec![LIMA_POLICE];
        assert_eq!(view(Some(&lima()), &published), Ok(View::Full));
        assert_eq!(outcome(may_read_records, &lima(), &published), "ok");
        assert_eq!(outcome(may_resolve, &lima(), &published), "403");
        assert_eq!(outcome(may_hide, &lima(), &published), "403");
        assert_eq!(outcome(may_edit, &lima(), &published), "403");
    }

    #[test]
    fn a_hidden_case_of_another_organisation_does_not_exist_for_its_officers() {
        let mut hidden = case(CaseStatus::Active, Some(LA_PAZ_POLICE));
        hidden.hidden = true;
        assert_eq!(outcome(may_hide, &lima(), &hidden), "404");
        assert_eq!(view(Some(&lima()), &hidden).unwrap_err(), Denied::NotFound);
        assert_eq!(outcome(may_hide, &la_paz(), &hidden), "ok");
    }

    #[test]
    fn a_case_published_before_organisations_belongs_to_the_jurisdiction() {
        let old = case(CaseStatus::Active, None);
        assert_eq!(outcome(may_resolve, &la_paz(), &old), "ok");
        assert_eq!(outcome(may_resolve, &national(), &old), "ok");
        assert_eq!(outcome(may_resolve, &lima(), &old), "403");
    }

    #[test]
    fn police_act_on_the_version_they_read() {
        let draft = case(CaseStatus::Draft, None);
        assert_eq!(reviewed(&draft, 1), Ok(()));
        assert_eq!(
            reviewed(&draft, 0),
            Err(Denied::VersionChanged {
                reviewed: 0,
                current: 1
            })
        );
    }

    #[test]
    fn families_ask_for_at_most_fifty_kilometres() {
        let asking = |radius_km: f64| crate::CaseDetails {
            alert_radius_km: radius_km,
            ..crate::fixtures::details()
        };
        assert!(may_ask_alert_area(&family(), &asking(50.0), None).is_ok());
        let refused = may_ask_alert_area(&family(), &asking(51.0), None).unwrap_err();
        assert_eq!(refused.field, "alert_radius_km");
        assert!(
            may_ask_alert_area(&family(), &asking(200.0), Some(&asking(200.0))).is_ok(),
            "police set it"
        );
        assert!(may_ask_alert_area(&la_paz(), &asking(500.0), None).is_ok());
    }

    #[test]
    fn only_police_draw_a_road_or_a_polygon_and_a_family_keeps_theirs() {
        use crate::area::{Corridor, Polygon};
        let at = |lat, lng| crate::Coordinates { lat, lng };
        let with_road = crate::CaseDetails {
            alert_corridor: Some(Corridor {
                route: vec![at(-17.39, -66.16), at(-16.97, -65.41)],
                width_km: 5.0,
            }),
            ..crate::fixtures::details()
        };
        let refused = may_ask_alert_area(&family(), &with_road, None).unwrap_err();
        assert_eq!(refused.field, "alert_route");
        assert!(may_ask_alert_area(&family(), &with_road, Some(&with_road)).is_ok());
        assert!(may_ask_alert_area(&la_paz(), &with_road, None).is_ok());
        let with_polygon = crate::CaseDetails {
            alert_polygon: Some(Polygon {
                ring: vec![at(-17.0, -66.0), at(-17.0, -65.0), at(-18.0, -65.5)],
            }),
            ..crate::fixtures::details()
        };
        let refused = may_ask_alert_area(&family(), &with_polygon, None).unwrap_err();
        assert_eq!(refused.field, "alert_polygon");
    }
}

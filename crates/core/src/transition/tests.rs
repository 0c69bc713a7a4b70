//! Every transition and its refusals, as tables.

use super::*;
use crate::case::{CaseStatus, Coordinates};
use crate::volunteer::Circle;
use crate::{Jurisdiction, Role};

const FAMILY: UserId = UserId(1);
const LA_PAZ_POLICE: OrganisationId = OrganisationId(10);
const LIMA_POLICE: OrganisationId = OrganisationId(20);

fn now() -> DateTime<Utc> {
    "2026-12-02T12:00:00Z".parse().unwrap()
}

fn la_paz_officer() -> Actor {
    Actor {
        user_id: UserId(2),
        role: Role::Police,
        organisation: Some("Policía de La Paz".into()),
        organisation_id: Some(LA_PAZ_POLICE),
        jurisdiction: Jurisdiction::from_stored("BO-L"),
    }
}

fn lima_officer() -> Actor {
    Actor {
        user_id: UserId(3),
        organisation: Some("Policía de Lima".into()),
        organisation_id: Some(LIMA_POLICE),
        jurisdiction: Jurisdiction::from_stored("PE"),
        ..la_paz_officer()
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

/// Policy's case last seen in El Alto (La Paz, Bolivia), 10 km alert
/// radius, at version 3, La Paz's police in charge once published.
fn case(status: CaseStatus) -> Case {
    let in_charge = (status != CaseStatus::Draft).then_some(LA_PAZ_POLICE);
    Case {
        version: 3,
        ..crate::fixtures::case(status, in_charge)
    }
}

fn hidden(mut case: Case) -> Case {
    case.hidden = true;
    case
}

fn area(radius_km: f64) -> AlertArea {
    AlertArea {
        circle: Circle {
            center: Coordinates {
                lat: -16.5,
                lng: -68.19,
            },
            radius_km,
        },
        corridor: None,
        polygon: None,
    }
}

/// The effects of a change, or how its refusal reads as an HTTP status.
type Expected = Result<Vec<Effect>, &'static str>;

fn outcome(result: Result<CaseChange, Denied>) -> Expected {
    match result {
        Ok(change) => Ok(change.effects),
        Err(Denied::SignInRequired) => Err("401"),
        Err(Denied::Forbidden(_)) => Err("403"),
        Err(Denied::NotFound) => Err("404"),
        Err(Denied::WrongState(_)) => Err("409 state"),
        Err(Denied::VersionChanged { .. }) => Err("409 version"),
    }
}

#[test]
fn drawing_a_road_on_a_published_case_alerts_whoever_it_newly_reaches() {
    use crate::area::Corridor;
    let road = |case: &Case| {
        let mut details = case.details.clone();
        details.alert_corridor = Some(Corridor {
            route: vec![
                Coordinates {
                    lat: -16.5,
                    lng: -68.19,
                },
                Coordinates {
                    lat: -17.39,
                    lng: -66.16,
                },
            ],
            width_km: 5.0,
        });
        details
    };
    let active = case(CaseStatus::Active);
    let with_road = road(&active);
    let change = active
        .correct(&la_paz_officer(), &with_road, now())
        .unwrap()
        .unwrap();
    let area = with_road.alert_area();
    assert_eq!(
        change.effects,
        vec![
            Effect::QueueAlerts {
                area: area.clone(),
                partner_kinds: vec![],
            },
            Effect::InformOrganisations {
                area,
                in_charge: Some(LA_PAZ_POLICE)
            },
        ]
    );
    assert_eq!(change.audit.count_as, Some("newly_reached"));
    // A draft alerts nobody yet; a hidden case nobody until shown.
    let draft = case(CaseStatus::Draft);
    let change = draft.correct(&la_paz_officer(), &road(&draft), now());
    assert!(change.unwrap().unwrap().effects.is_empty());
    let out_of_view = hidden(case(CaseStatus::Active));
    let change = out_of_view.correct(&la_paz_officer(), &road(&out_of_view), now());
    assert!(change.unwrap().unwrap().effects.is_empty());
}

#[test]
fn a_correction_records_what_changed_and_is_refused_by_who_or_what() {
    use CaseStatus::*;
    let draft = case(Draft);
    let mut warmer = draft.details.clone();
    warmer.clothing = "chompa roja, pantalón azul".into();
    let change = draft.correct(&family(), &warmer, now()).unwrap().unwrap();
    assert_eq!(
        change.update,
        Some(CaseUpdate::Details(Box::new(warmer.clone())))
    );
    assert!(change.effects.is_empty(), "a correction mails nobody");
    assert_eq!(change.audit.action, "edited");
    assert_eq!(
        change.audit.detail["changed"],
        json!({ "clothing": { "from": "chompa", "to": "chompa roja, pantalón azul" } })
    );
    assert_eq!(
        draft.correct(&family(), &draft.details, now()),
        Ok(None),
        "nothing differs: no new version"
    );

    let mut wide = draft.details.clone();
    wide.alert_radius_km = 120.0;
    let refusal = |case: &Case, actor: &Actor, details: &CaseDetails| match case.correct(
        actor,
        details,
        now(),
    ) {
        Ok(_) => "ok",
        Err(Refused::Invalid(e)) if e.field == "alert_radius_km" => "422 alert_radius_km",
        Err(Refused::Invalid(_)) => "422",
        Err(Refused::Denied(Denied::Forbidden(_))) => "403",
        Err(Refused::Denied(Denied::WrongState(_))) => "409 state",
        Err(Refused::Denied(_)) => "other",
    };
    let rows: [(&Case, Actor, &CaseDetails, &str); 6] = [
        (&draft, family(), &wide, "422 alert_radius_km"),
        (&case(Active), la_paz_officer(), &wide, "ok"),
        (&case(Active), family(), &warmer, "409 state"),
        (&case(Active), lima_officer(), &warmer, "403"),
        (&case(Resolved), la_paz_officer(), &warmer, "409 state"),
        (&draft, la_paz_officer(), &warmer, "ok"),
    ];
    for (case, actor, details, expected) in rows {
        assert_eq!(
            refusal(case, &actor, details),
            expected,
            "{:?} by {:?}",
            case.status,
            actor.role
        );
    }
}

#[test]
fn publishing_alerts_the_area_and_informs_other_jurisdictions_or_is_refused() {
    use CaseStatus::*;
    let alert = vec![
        Effect::QueueAlerts {
            area: area(10.0),
            partner_kinds: vec![],
        },
        Effect::InformOrganisations {
            area: area(10.0),
            in_charge: Some(LA_PAZ_POLICE),
        },
    ];
    let rows: [(&str, Case, Actor, i64, Expected); 6] = [
        (
            "a verified draft",
            case(Draft),
            la_paz_officer(),
            3,
            Ok(alert),
        ),
        (
            "a draft changed since it was read",
            case(Draft),
            la_paz_officer(),
            2,
            Err("409 version"),
        ),
        ("by the family", case(Draft), family(), 3, Err("403")),
        (
            "by police elsewhere",
            case(Draft),
            lima_officer(),
            3,
            Err("404"),
        ),
        (
            "published already",
            case(Active),
            la_paz_officer(),
            3,
            Err("409 state"),
        ),
        (
            "resolved",
            case(Resolved),
            la_paz_officer(),
            3,
            Err("409 state"),
        ),
    ];
    for (name, case, actor, version, expected) in rows {
        assert_eq!(
            outcome(case.publish(&actor, version, now())),
            expected,
            "{name}"
        );
    }
}

#[test]
fn a_publication_puts_the_officer_and_their_organisation_in_charge() {
    let change = case(CaseStatus::Draft)
        .publish(&la_paz_officer(), 3, now())
        .unwrap();
    assert_eq!(change.at, now());
    assert_eq!(
        change.update,
        Some(CaseUpdate::Publish {
            organisation: Some("Policía de La Paz".into()),
            police_contact: UserId(2),
            organisation_id: Some(LA_PAZ_POLICE),
        })
    );
    assert_eq!(change.audit.action, "published");
    assert_eq!(change.audit.count_as, Some("recipients"));
    // A case that names its issuing organisation keeps that name.
    let mut named = case(CaseStatus::Draft);
    named.organisation = Some("Defensoría de la Niñez".into());
    let Some(CaseUpdate::Publish { organisation, .. }) =
        named.publish(&la_paz_officer(), 3, now()).unwrap().update
    else {
        panic!("not a publication");
    };
    assert_eq!(organisation.as_deref(), Some("Defensoría de la Niñez"));
}

#[test]
fn widening_alerts_only_a_visible_case_and_only_outwards() {
    use CaseStatus::*;
    let inform = |radius| Effect::InformOrganisations {
        area: area(radius),
        in_charge: Some(LA_PAZ_POLICE),
    };
    let rows: [(&str, Case, Actor, f64, i64, Expected); 7] = [
        (
            "wider",
            case(Active),
            la_paz_officer(),
            25.0,
            3,
            Ok(vec![
                Effect::QueueAlerts {
                    area: area(25.0),
                    partner_kinds: vec![],
                },
                inform(25.0),
            ]),
        ),
        // Hidden, it mails nobody: shown again, it alerts the whole area.
        (
            "hidden",
            hidden(case(Active)),
            la_paz_officer(),
            25.0,
            3,
            Ok(vec![inform(25.0)]),
        ),
        (
            "no wider",
            case(Active),
            la_paz_officer(),
            10.0,
            3,
            Err("409 state"),
        ),
        (
            "changed since read",
            case(Active),
            la_paz_officer(),
            25.0,
            1,
            Err("409 version"),
        ),
        (
            "a draft",
            case(Draft),
            la_paz_officer(),
            25.0,
            3,
            Err("409 state"),
        ),
        ("by the family", case(Active), family(), 25.0, 3, Err("403")),
        (
            "by police elsewhere",
            case(Active),
            lima_officer(),
            25.0,
            3,
            Err("403"),
        ),
    ];
    for (name, case, actor, radius, version, expected) in rows {
        let wider = Wider {
            radius_km: Some(radius),
            route_width_km: None,
        };
        let result = case.widen(&actor, wider, version, now());
        assert_eq!(outcome(result), expected, "{name}");
    }
}

#[test]
fn a_planned_widening_runs_only_while_it_still_widens_an_active_case() {
    let active = case(CaseStatus::Active);
    let to = |km: f64| Wider {
        radius_km: Some(km),
        route_width_km: None,
    };
    let change = active.planned_widening(to(30.0), now()).unwrap();
    assert_eq!(
        change.update,
        Some(CaseUpdate::Widen {
            radius_km: 30.0,
            route_width_km: None
        })
    );
    assert_eq!(change.audit.detail["how"], "planned");
    assert_eq!(
        active.planned_widening(to(10.0), now()),
        None,
        "as wide already"
    );
    let resolved = case(CaseStatus::Resolved);
    assert_eq!(resolved.planned_widening(to(30.0), now()), None, "resolved");
}

#[test]
fn a_planned_widening_widens_the_road_too_and_leaves_a_wider_part_as_it_is() {
    use crate::area::Corridor;
    let mut active = case(CaseStatus::Active);
    active.details.alert_corridor = Some(Corridor {
        route: vec![
            Coordinates {
                lat: -16.5,
                lng: -68.19,
            },
            Coordinates {
                lat: -16.57,
                lng: -69.04,
            },
        ],
        width_km: 5.0,
    });
    let both = Wider {
        radius_km: Some(8.0),
        route_width_km: Some(20.0),
    };
    let change = active.planned_widening(both, now()).unwrap();
    assert_eq!(
        change.update,
        Some(CaseUpdate::Widen {
            radius_km: 10.0,
            route_width_km: Some(20.0)
        }),
        "the radius, already wider than planned, stays"
    );
    assert_eq!(change.audit.detail["route_to_km"], 20.0);
    let narrower = Wider {
        radius_km: None,
        route_width_km: Some(3.0),
    };
    assert_eq!(active.planned_widening(narrower, now()), None);
    let no_road = case(CaseStatus::Active);
    let road_only = Wider {
        radius_km: None,
        route_width_km: Some(20.0),
    };
    assert_eq!(no_road.planned_widening(road_only, now()), None, "no road");
}

#[test]
fn a_realert_goes_only_for_an_active_case_in_view_and_only_to_newcomers() {
    use CaseStatus::*;
    let change = case(Active).realert(7, now()).unwrap();
    assert_eq!(change.update, None, "the row stays as it is");
    assert_eq!(
        change.effects,
        vec![Effect::QueueAlerts {
            area: area(10.0),
            partner_kinds: vec![],
        }]
    );
    assert_eq!(change.audit.action, "realerted");
    assert_eq!(change.audit.detail["after_days"], 7);
    assert_eq!(change.audit.count_as, Some("newly_reached"));
    for (case, why) in [
        (hidden(case(Active)), "hidden"),
        (case(Resolved), "resolved"),
        (case(Draft), "a draft"),
    ] {
        assert_eq!(case.realert(7, now()), None, "{why}");
    }
}

#[test]
fn resolving_tells_those_alerted_and_withdraws_what_has_not_left() {
    use CaseStatus::*;
    let told = vec![Effect::QueueFound, Effect::WithdrawUnsentAlerts];
    let rows: [(&str, Case, Actor, i64, Expected); 5] = [
        (
            "active",
            case(Active),
            la_paz_officer(),
            3,
            Ok(told.clone()),
        ),
        ("a draft", case(Draft), la_paz_officer(), 3, Ok(told)),
        (
            "resolved already",
            case(Resolved),
            la_paz_officer(),
            3,
            Err("409 state"),
        ),
        (
            "changed since read",
            case(Active),
            la_paz_officer(),
            4,
            Err("409 version"),
        ),
        ("by the family", case(Active), family(), 3, Err("403")),
    ];
    for (name, case, actor, version, expected) in rows {
        let result = case.resolve(&actor, Outcome::FoundSafe, Some("en casa"), version, now());
        assert_eq!(outcome(result), expected, "{name}");
    }
}

#[test]
fn hiding_withdraws_unsent_mail_and_showing_alerts_again() {
    let officer = la_paz_officer();
    let hide = case(CaseStatus::Active).set_hidden(&officer, true, now());
    let hide = hide.unwrap().unwrap();
    assert_eq!(hide.effects, vec![Effect::WithdrawUnsentMail]);
    assert_eq!(hide.update, Some(CaseUpdate::SetHidden { hidden: true }));
    let show = hidden(case(CaseStatus::Active)).set_hidden(&officer, false, now());
    assert_eq!(
        show.unwrap().unwrap().effects,
        vec![
            Effect::ForgetWithdrawnAlerts,
            Effect::QueueAlerts {
                area: area(10.0),
                partner_kinds: vec![],
            }
        ]
    );
    // Asked again, nothing changes; a draft is in nobody's view to hide.
    let again = hidden(case(CaseStatus::Active)).set_hidden(&officer, true, now());
    assert_eq!(again, Ok(None));
    let draft = case(CaseStatus::Draft).set_hidden(&officer, true, now());
    assert!(matches!(draft, Err(Denied::WrongState(_))));
    let by_family = case(CaseStatus::Active).set_hidden(&family(), true, now());
    assert!(matches!(by_family, Err(Denied::Forbidden(_))));
}

#[test]
fn a_correction_goes_to_those_alerted_only_for_a_published_case_read_as_it_is() {
    use CaseStatus::*;
    let rows: [(&str, Case, Actor, i64, Expected); 5] = [
        (
            "published",
            case(Active),
            la_paz_officer(),
            3,
            Ok(vec![Effect::QueueUpdates]),
        ),
        (
            "changed since read",
            case(Active),
            la_paz_officer(),
            2,
            Err("409 version"),
        ),
        (
            "a draft",
            case(Draft),
            la_paz_officer(),
            3,
            Err("409 state"),
        ),
        ("by the family", case(Active), family(), 3, Err("403")),
        (
            "by police elsewhere",
            case(Active),
            lima_officer(),
            3,
            Err("403"),
        ),
    ];
    for (name, case, actor, version, expected) in rows {
        let result = case.mail_correction(&actor, version, now());
        assert_eq!(outcome(result), expected, "{name}");
    }
    let change = case(Active)
        .mail_correction(&la_paz_officer(), 3, now())
        .unwrap();
    assert_eq!(change.update, None, "the case itself stays as it is");
    assert_eq!(change.audit.detail["version"], 3);
}

#[test]
fn a_widening_names_the_field_it_refuses() {
    let refused = |radius, width| Wider::parse("steps[2].", radius, width).unwrap_err().field;
    assert_eq!(
        refused(None, None),
        "steps[2].alert_radius_km",
        "nothing asked"
    );
    assert_eq!(refused(Some(0.1), None), "steps[2].alert_radius_km");
    assert_eq!(refused(None, Some(150.0)), "steps[2].alert_route_width_km");
    assert_eq!(
        Wider::parse("", Some(50.0), Some(20.0)),
        Ok(Wider {
            radius_km: Some(50.0),
            route_width_km: Some(20.0)
        })
    );
}

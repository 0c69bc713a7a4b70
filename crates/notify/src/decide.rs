//! Whether a claimed message goes at all, and why not: decided from what
//! its round read, before anything is rendered or a connection taken.

use std::sync::Arc;

use alerta_core::{Case, CaseStatus, Organisation, Partner, Tip};
use alerta_store::{MailKind, OutboxItem};

use crate::round::{CaseBundle, Recipient, Round};

/// What becomes of a claimed row.
pub(crate) enum Verdict<'r> {
    /// Render this and send it.
    Send(Message<'r>),
    /// Nobody gets it, on purpose: recorded as withdrawn.
    Withdraw(&'static str),
    /// It can never be sent: recorded as failed, with the reason.
    Refuse(&'static str),
}

/// A message to render, with what it is made of.
pub(crate) enum Message<'r> {
    Manage(&'r Recipient),
    Confirm(&'r Recipient),
    Alert(&'r Recipient, &'r CaseBundle),
    Update(&'r Recipient, &'r CaseBundle),
    Found(&'r Recipient, &'r CaseBundle),
    Digest(&'r Recipient, &'r [Arc<Case>]),
    /// The tips from `first` on, for the case's police contact.
    Tip {
        case: &'r Case,
        police: &'r str,
        first: i64,
        tips: &'r [Tip],
    },
    /// To an organisation whose jurisdiction the case's alert reaches into.
    OrgNotice {
        case: &'r Case,
        organisation: &'r Organisation,
        to: &'r str,
    },
    /// The alert, to a partner who posts it where people pass.
    PartnerAlert(&'r Partner, &'r CaseBundle),
    /// To a partner that had the alert: found, take the posters down.
    PartnerFound(&'r Partner, &'r Case),
}

pub(crate) fn decide<'r>(item: &OutboxItem, round: &'r Round) -> Verdict<'r> {
    let bundle = item.case_id.and_then(|id| round.cases.get(&id));
    match item.kind {
        MailKind::Tip => tip(item, bundle, round),
        MailKind::OrgNotice => org_notice(item, bundle, round),
        MailKind::PartnerAlert | MailKind::PartnerFound => to_partner(item, bundle, round),
        _ => to_volunteer(item, bundle, round),
    }
}

fn tip<'r>(item: &OutboxItem, bundle: Option<&'r CaseBundle>, round: &'r Round) -> Verdict<'r> {
    let (Some(first), Some(bundle)) = (item.tip_id, bundle) else {
        return Verdict::Refuse("a tip row without its tip or case");
    };
    let Some(thread) = round.tips.get(&first) else {
        return Verdict::Refuse("the tip no longer exists");
    };
    let Some(police) = thread.police.as_deref() else {
        return Verdict::Refuse("the case has no police contact");
    };
    Verdict::Send(Message::Tip {
        case: &bundle.case,
        police,
        first,
        tips: &thread.tips,
    })
}

fn org_notice<'r>(
    item: &OutboxItem,
    bundle: Option<&'r CaseBundle>,
    round: &'r Round,
) -> Verdict<'r> {
    let (Some(id), Some(bundle)) = (item.organisation_id, bundle) else {
        return Verdict::Refuse("a notice row without its organisation or case");
    };
    let Some(organisation) = round.organisations.get(&id) else {
        return Verdict::Refuse("the organisation no longer exists");
    };
    let Some(to) = organisation.contact_email.as_deref() else {
        return Verdict::Refuse("the organisation has no contact address");
    };
    Verdict::Send(Message::OrgNotice {
        case: &bundle.case,
        organisation,
        to,
    })
}

fn to_partner<'r>(
    item: &OutboxItem,
    bundle: Option<&'r CaseBundle>,
    round: &'r Round,
) -> Verdict<'r> {
    let (Some(id), Some(bundle)) = (item.partner_id, bundle) else {
        return Verdict::Refuse("a partner message without its partner or case");
    };
    let Some(partner) = round.partners.get(&id) else {
        return Verdict::Refuse("the partner no longer exists");
    };
    if item.kind == MailKind::PartnerFound {
        return Verdict::Send(Message::PartnerFound(partner, &bundle.case));
    }
    if bundle.case.hidden {
        return Verdict::Withdraw("the case was taken out of public view");
    }
    if bundle.case.status != CaseStatus::Active {
        return Verdict::Refuse("the case was resolved before this went out");
    }
    Verdict::Send(Message::PartnerAlert(partner, bundle))
}

fn to_volunteer<'r>(
    item: &OutboxItem,
    bundle: Option<&'r CaseBundle>,
    round: &'r Round,
) -> Verdict<'r> {
    // An alert or update of a case out of public view goes to nobody.
    let hidden = bundle.is_some_and(|bundle| bundle.case.hidden);
    if hidden && matches!(item.kind, MailKind::Alert | MailKind::Update) {
        return Verdict::Withdraw("the case was taken out of public view");
    }
    let Some(volunteer) = item.volunteer_id else {
        return Verdict::Refuse("a volunteer message without a volunteer");
    };
    let Some(to) = round.recipients.get(&volunteer) else {
        return Verdict::Refuse("the volunteer no longer exists");
    };
    match item.kind {
        MailKind::Manage => Verdict::Send(Message::Manage(to)),
        MailKind::Confirm => Verdict::Send(Message::Confirm(to)),
        MailKind::Digest => match round.digests.get(&volunteer) {
            Some(cases) if !cases.is_empty() => Verdict::Send(Message::Digest(to, cases)),
            _ => Verdict::Refuse("no case is active in the zone any more"),
        },
        kind => {
            let Some(bundle) = bundle else {
                return Verdict::Refuse("an alert row without a case");
            };
            if !to.contact.confirmed {
                return Verdict::Refuse("the volunteer unsubscribed");
            }
            match kind {
                MailKind::Found => Verdict::Send(Message::Found(to, bundle)),
                _ if bundle.case.status != CaseStatus::Active => {
                    Verdict::Refuse("the case was resolved before this went out")
                }
                MailKind::Update => Verdict::Send(Message::Update(to, bundle)),
                _ => Verdict::Send(Message::Alert(to, bundle)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alerta_core::fixtures;
    use alerta_core::{CaseId, Language, OrganisationId, VolunteerId};
    use alerta_store::VolunteerContact;

    const CASE: CaseId = CaseId(1);
    const VOLUNTEER: VolunteerId = VolunteerId(7);

    fn item(kind: MailKind) -> OutboxItem {
        OutboxItem {
            id: 1,
            kind,
            case_id: Some(CASE),
            volunteer_id: Some(VOLUNTEER),
            tip_id: None,
            organisation_id: None,
            partner_id: None,
            attempts: 1,
            created_at: chrono::Utc::now(),
        }
    }

    /// A round holding the fixture's case as `case` makes it, and one
    /// volunteer, confirmed or not.
    fn round(case: impl FnOnce(&mut Case), confirmed: bool) -> Round {
        let mut active = fixtures::case(CaseStatus::Active, Some(OrganisationId(10)));
        case(&mut active);
        let mut round = Round::default();
        round.cases.insert(CASE, CaseBundle::new(active));
        let contact = VolunteerContact {
            id: VOLUNTEER,
            email: "v@example.org".into(),
            language: Language::Es,
            confirmed,
            country: Some("BO".into()),
            poster: Default::default(),
        };
        let recipient = Recipient {
            contact,
            unsubscribe_token: "t".into(),
        };
        round.recipients.insert(VOLUNTEER, recipient);
        round
    }

    /// What the verdict is, in a word, and its reason.
    fn verdict(item: &OutboxItem, round: &Round) -> (&'static str, &'static str) {
        match decide(item, round) {
            Verdict::Send(Message::Alert(..)) => ("alert", ""),
            Verdict::Send(Message::Update(..)) => ("update", ""),
            Verdict::Send(Message::Found(..)) => ("found", ""),
            Verdict::Send(Message::Digest(_, cases)) => ("digest", ["", "1 case"][cases.len()]),
            Verdict::Send(Message::Manage(_)) => ("manage", ""),
            Verdict::Send(Message::Confirm(_)) => ("confirm", ""),
            Verdict::Send(Message::Tip { .. }) => ("tip", ""),
            Verdict::Send(Message::OrgNotice { .. }) => ("notice", ""),
            Verdict::Send(Message::PartnerAlert(..)) => ("partner alert", ""),
            Verdict::Send(Message::PartnerFound(..)) => ("partner found", ""),
            Verdict::Withdraw(why) => ("withdrawn", why),
            Verdict::Refuse(why) => ("refused", why),
        }
    }

    #[test]
    fn case_mail_goes_only_to_a_confirmed_volunteer_while_the_case_allows_it() {
        use MailKind::*;
        let as_is = |_: &mut Case| {};
        let hidden = |c: &mut Case| c.hidden = true;
        let resolved = |c: &mut Case| c.status = CaseStatus::Resolved;
        let out_of_view = "the case was taken out of public view";
        let over = "the case was resolved before this went out";
        let unsubscribed = "the volunteer unsubscribed";
        // (kind, what the case becomes, the volunteer confirmed, verdict)
        type Row<'a> = (MailKind, &'a dyn Fn(&mut Case), bool, (&'a str, &'a str));
        let rows: [Row; 10] = [
            (Alert, &as_is, true, ("alert", "")),
            (Update, &as_is, true, ("update", "")),
            (Alert, &hidden, true, ("withdrawn", out_of_view)),
            (Update, &hidden, true, ("withdrawn", out_of_view)),
            // The news that someone was found goes even while hidden: it
            // asks nobody to look any more.
            (Found, &hidden, true, ("found", "")),
            (Alert, &resolved, true, ("refused", over)),
            (Update, &resolved, true, ("refused", over)),
            (Found, &resolved, true, ("found", "")),
            (Alert, &as_is, false, ("refused", unsubscribed)),
            (Found, &as_is, false, ("refused", unsubscribed)),
        ];
        for (kind, case, confirmed, expected) in rows {
            let round = round(case, confirmed);
            assert_eq!(verdict(&item(kind), &round), expected, "{kind:?}");
        }
    }

    #[test]
    fn a_message_whose_volunteer_or_case_is_gone_is_refused_with_the_reason() {
        let round = round(|_| {}, true);
        let stranger = OutboxItem {
            volunteer_id: Some(VolunteerId(99)),
            ..item(MailKind::Alert)
        };
        let no_case = OutboxItem {
            case_id: Some(CaseId(99)),
            ..item(MailKind::Alert)
        };
        let nobody = OutboxItem {
            volunteer_id: None,
            ..item(MailKind::Confirm)
        };
        for (item, reason) in [
            (stranger, "the volunteer no longer exists"),
            (no_case, "an alert row without a case"),
            (nobody, "a volunteer message without a volunteer"),
        ] {
            assert_eq!(verdict(&item, &round), ("refused", reason));
        }
        // Links need no case, nor a confirmed address.
        let unconfirmed = self::round(|_| {}, false);
        let link = |kind| OutboxItem {
            case_id: None,
            ..item(kind)
        };
        assert_eq!(verdict(&link(MailKind::Confirm), &unconfirmed).0, "confirm");
        assert_eq!(verdict(&link(MailKind::Manage), &unconfirmed).0, "manage");
    }

    #[test]
    fn a_digest_goes_only_while_a_case_near_the_volunteer_is_active() {
        let mut round = round(|_| {}, true);
        let digest = OutboxItem {
            case_id: None,
            ..item(MailKind::Digest)
        };
        let none_active = ("refused", "no case is active in the zone any more");
        assert_eq!(verdict(&digest, &round), none_active, "nothing read");
        round.digests.insert(VOLUNTEER, vec![]);
        assert_eq!(verdict(&digest, &round), none_active, "none near");
        let case = fixtures::case(CaseStatus::Active, None);
        round.digests.insert(VOLUNTEER, vec![Arc::new(case)]);
        assert_eq!(verdict(&digest, &round), ("digest", "1 case"));
    }

    #[test]
    fn a_partner_gets_the_alert_while_the_case_is_in_view_and_the_end_after() {
        let partner = alerta_core::Partner {
            id: alerta_core::PartnerId(7),
            name: "Terminal de Buses".into(),
            kind: alerta_core::PartnerKind::BusTerminal,
            email: "terminal@example.org".into(),
            language: Language::Es,
            place: "Cochabamba, BO".into(),
            zone: alerta_core::Circle {
                center: alerta_core::Coordinates {
                    lat: -17.4,
                    lng: -66.16,
                },
                radius_km: 1.0,
            },
        };
        let to_partner = |kind| OutboxItem {
            volunteer_id: None,
            partner_id: Some(partner.id),
            ..item(kind)
        };
        let (alert, found) = (
            to_partner(MailKind::PartnerAlert),
            to_partner(MailKind::PartnerFound),
        );
        let mut in_view = round(|_| {}, true);
        let gone = ("refused", "the partner no longer exists");
        assert_eq!(verdict(&alert, &in_view), gone);
        in_view.partners.insert(partner.id, partner.clone());
        assert_eq!(verdict(&alert, &in_view), ("partner alert", ""));
        let mut hidden = round(|case: &mut Case| case.hidden = true, true);
        hidden.partners.insert(partner.id, partner.clone());
        assert_eq!(verdict(&alert, &hidden).0, "withdrawn");
        let mut resolved = round(|case: &mut Case| case.status = CaseStatus::Resolved, true);
        resolved.partners.insert(partner.id, partner.clone());
        assert_eq!(verdict(&alert, &resolved).0, "refused");
        assert_eq!(verdict(&found, &resolved), ("partner found", ""));
    }

    #[test]
    fn staff_mail_needs_its_tip_or_organisation_and_an_address() {
        use crate::round::TipThread;
        let mut round = round(|_| {}, true);
        let tip = OutboxItem {
            volunteer_id: None,
            tip_id: Some(5),
            ..item(MailKind::Tip)
        };
        assert_eq!(
            verdict(&tip, &round),
            ("refused", "the tip no longer exists")
        );
        let thread = |police: Option<&str>| TipThread {
            tips: vec![],
            police: police.map(str::to_string),
        };
        round.tips.insert(5, thread(None));
        let no_contact = ("refused", "the case has no police contact");
        assert_eq!(verdict(&tip, &round), no_contact);
        round.tips.insert(5, thread(Some("felcc@policia.example")));
        assert_eq!(verdict(&tip, &round).0, "tip");

        let organisation = OrganisationId(20);
        let notice = OutboxItem {
            volunteer_id: None,
            organisation_id: Some(organisation),
            ..item(MailKind::OrgNotice)
        };
        let gone = ("refused", "the organisation no longer exists");
        assert_eq!(verdict(&notice, &round), gone);
        let mut lima = Organisation {
            id: organisation,
            name: "Policía de Lima".into(),
            jurisdiction: alerta_core::Jurisdiction::from_stored("PE"),
            contact_email: None,
        };
        round.organisations.insert(organisation, lima.clone());
        let no_address = ("refused", "the organisation has no contact address");
        assert_eq!(verdict(&notice, &round), no_address);
        lima.contact_email = Some("lima@policia.example".into());
        round.organisations.insert(organisation, lima);
        assert_eq!(verdict(&notice, &round).0, "notice");
    }
}

//! How an address's standing changes: a request from it (a zone or a case
//! to follow), and an administrator's bulk import, which may vouch for
//! earlier consent. The store reads the standing, asks here, and writes
//! what the answer says.

/// At most this many zones per address: enough for home, work and family.
pub const MAX_ZONES_PER_VOLUNTEER: usize = 20;

/// An address's standing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VolunteerStatus {
    /// Asked for alerts; nothing goes until the address confirms.
    Pending,
    Confirmed,
    /// Asked for no more mail: only a new request from the address itself
    /// brings it back.
    Unsubscribed,
}

impl VolunteerStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            VolunteerStatus::Pending => "pending",
            VolunteerStatus::Confirmed => "confirmed",
            VolunteerStatus::Unsubscribed => "unsubscribed",
        }
    }

    pub fn parse(stored: &str) -> Option<VolunteerStatus> {
        match stored {
            "pending" => Some(VolunteerStatus::Pending),
            "confirmed" => Some(VolunteerStatus::Confirmed),
            "unsubscribed" => Some(VolunteerStatus::Unsubscribed),
            _ => None,
        }
    }
}

/// What a request from an address (a zone, or a case to follow) does to
/// the address itself; the request waits for a confirmation in every case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnRequest {
    /// A new address, pending.
    Create,
    /// It had unsubscribed: it asks again, so it is pending again, in the
    /// language asked for now.
    Reopen,
    /// Still pending: it takes the language asked for now.
    TakeLanguage,
    /// Confirmed: its language stays what it chose.
    Keep,
}

pub fn on_request(standing: Option<VolunteerStatus>) -> OnRequest {
    match standing {
        None => OnRequest::Create,
        Some(VolunteerStatus::Unsubscribed) => OnRequest::Reopen,
        Some(VolunteerStatus::Pending) => OnRequest::TakeLanguage,
        Some(VolunteerStatus::Confirmed) => OnRequest::Keep,
    }
}

/// What a bulk import does to an address, `vouched` when the administrator
/// attests the addresses' earlier consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnImport {
    /// A new address with this standing; `mail_confirmation` when it must
    /// confirm before anything is sent to it.
    Create {
        status: VolunteerStatus,
        mail_confirmation: bool,
    },
    /// A pending address the administrator vouches for is confirmed.
    Confirm,
    /// As it is (confirmed already; unsubscribed, which an import never
    /// undoes; or pending and not vouched for).
    Keep,
}

pub fn on_import(standing: Option<VolunteerStatus>, vouched: bool) -> OnImport {
    match (standing, vouched) {
        (None, true) => OnImport::Create {
            status: VolunteerStatus::Confirmed,
            mail_confirmation: false,
        },
        (None, false) => OnImport::Create {
            status: VolunteerStatus::Pending,
            mail_confirmation: true,
        },
        (Some(VolunteerStatus::Pending), true) => OnImport::Confirm,
        (Some(_), _) => OnImport::Keep,
    }
}

/// What one row of a bulk import does with its zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportRow {
    AddZone,
    /// The address unsubscribed: an import never adds it back.
    SkipUnsubscribed,
    /// The address holds this zone already, so an import cut short can
    /// simply run again. A copy waiting for confirmation does not count
    /// when the import vouches (the zone becomes live).
    SkipHeld,
    /// The address holds [`MAX_ZONES_PER_VOLUNTEER`] zones.
    SkipZoneLimit,
}

/// `same_zone_held`: for each zone the address holds equal to this row's,
/// whether it is confirmed; `zones_held`: how many zones it holds in all.
pub fn import_row(
    status: VolunteerStatus,
    mut same_zone_held: impl Iterator<Item = bool>,
    zones_held: usize,
    vouched: bool,
) -> ImportRow {
    if status == VolunteerStatus::Unsubscribed {
        return ImportRow::SkipUnsubscribed;
    }
    if same_zone_held.any(|confirmed| confirmed || !vouched) {
        return ImportRow::SkipHeld;
    }
    if zones_held >= MAX_ZONES_PER_VOLUNTEER {
        return ImportRow::SkipZoneLimit;
    }
    ImportRow::AddZone
}

#[cfg(test)]
mod tests {
    use super::*;
    use VolunteerStatus::*;

    #[test]
    fn a_request_reopens_an_unsubscribed_address_and_keeps_a_confirmed_ones_language() {
        let rows = [
            (None, OnRequest::Create),
            (Some(Pending), OnRequest::TakeLanguage),
            (Some(Confirmed), OnRequest::Keep),
            (Some(Unsubscribed), OnRequest::Reopen),
        ];
        for (standing, expected) in rows {
            assert_eq!(on_request(standing), expected, "{standing:?}");
        }
    }

    #[test]
    fn an_import_confirms_only_what_it_vouches_for_and_never_brings_back_an_unsubscribed_address() {
        let mailed = |status, mail_confirmation| OnImport::Create {
            status,
            mail_confirmation,
        };
        let rows = [
            (None, true, mailed(Confirmed, false)),
            (None, false, mailed(Pending, true)),
            (Some(Pending), true, OnImport::Confirm),
            (Some(Pending), false, OnImport::Keep),
            (Some(Confirmed), false, OnImport::Keep),
            (Some(Unsubscribed), true, OnImport::Keep),
        ];
        for (standing, vouched, expected) in rows {
            assert_eq!(
                on_import(standing, vouched),
                expected,
                "{standing:?} {vouched}"
            );
        }
    }

    #[test]
    fn an_imported_zone_is_added_once_within_the_limit() {
        let limit = MAX_ZONES_PER_VOLUNTEER;
        let rows: [(VolunteerStatus, &[bool], usize, bool, ImportRow); 7] = [
            (Confirmed, &[], 0, true, ImportRow::AddZone),
            (Unsubscribed, &[], 0, true, ImportRow::SkipUnsubscribed),
            (Confirmed, &[true], 1, false, ImportRow::SkipHeld),
            (Pending, &[false], 1, false, ImportRow::SkipHeld),
            // Vouched for, a copy still waiting for confirmation goes live.
            (Pending, &[false], 1, true, ImportRow::AddZone),
            (Confirmed, &[], limit - 1, true, ImportRow::AddZone),
            (Confirmed, &[], limit, true, ImportRow::SkipZoneLimit),
        ];
        for (status, same, held, vouched, expected) in rows {
            let row = import_row(status, same.iter().copied(), held, vouched);
            assert_eq!(row, expected, "{status:?} {same:?} {held} {vouched}");
        }
    }
}

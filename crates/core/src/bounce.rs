//! What a report about a message that did not arrive does to its address.
//!
//! Mailbox providers block senders who keep mailing dead addresses or who
//! draw complaints, and a blocked sender reaches nobody; so an address that
//! cannot receive mail, or whose owner called it spam, gets no more. One
//! rejection for good is enough; a mailbox that is full or a server that
//! is down for a while is not, until it keeps happening over several days.

use chrono::{DateTime, Duration, Utc};

/// What a mail server or a mailbox provider reported about one message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BounceKind {
    /// Refused for good (a 5.x.x status on the recipient): the address
    /// does not exist or will never take our mail.
    Hard,
    /// Not delivered for now (4.x.x, or a full mailbox): it may recover.
    Soft,
    /// The recipient reported the message as spam (an ARF report).
    Complaint,
}

impl BounceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BounceKind::Hard => "hard",
            BounceKind::Soft => "soft",
            BounceKind::Complaint => "complaint",
        }
    }

    pub fn parse(text: &str) -> Option<BounceKind> {
        [BounceKind::Hard, BounceKind::Soft, BounceKind::Complaint]
            .into_iter()
            .find(|kind| kind.as_str() == text)
    }
}

/// Why an address gets no more mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suppressed {
    HardBounce,
    SoftBounces,
    Complaint,
}

impl Suppressed {
    pub fn as_str(self) -> &'static str {
        match self {
            Suppressed::HardBounce => "hard_bounce",
            Suppressed::SoftBounces => "soft_bounces",
            Suppressed::Complaint => "complaint",
        }
    }
}

/// Soft bounces it takes to suppress an address...
pub const SOFT_BOUNCES_TO_SUPPRESS: usize = 3;
/// ...the first and the last at least this far apart (a mailbox full for
/// an afternoon bounces every alert of that afternoon)...
pub fn soft_bounce_span() -> Duration {
    Duration::days(3)
}
/// ...all within this long before the last.
pub fn soft_bounce_window() -> Duration {
    Duration::days(30)
}

/// Whether a report of `kind` suppresses its address, given when the
/// address bounced softly before (`earlier_soft`, in any order) and `now`.
pub fn suppression(
    kind: BounceKind,
    earlier_soft: &[DateTime<Utc>],
    now: DateTime<Utc>,
) -> Option<Suppressed> {
    match kind {
        BounceKind::Hard => Some(Suppressed::HardBounce),
        BounceKind::Complaint => Some(Suppressed::Complaint),
        BounceKind::Soft => {
            let recent: Vec<&DateTime<Utc>> = earlier_soft
                .iter()
                .filter(|at| now - **at <= soft_bounce_window())
                .collect();
            let first = recent.iter().min()?;
            let enough = recent.len() + 1 >= SOFT_BOUNCES_TO_SUPPRESS;
            (enough && now - **first >= soft_bounce_span()).then_some(Suppressed::SoftBounces)
        }
    }
}

/// Whether a mail server that refused a recipient for good while we spoke
/// to it (a 5.x.x answer to RCPT, enhanced `status`) said the address
/// itself is dead: addressing statuses (RFC 3463 X.1.X: no such mailbox,
/// no such domain, a bad address) are. Any other refusal at that point may
/// be about us, not the address (5.7.1 "relay access denied" from a
/// misconfigured relay would otherwise suppress every volunteer), so it
/// fails the message and suppresses nobody.
pub fn refused_address_is_dead(status: &str) -> bool {
    status.starts_with("5.1.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_refusal_about_the_address_itself_marks_it_dead() {
        for dead in ["5.1.1", "5.1.2", "5.1.10"] {
            assert!(refused_address_is_dead(dead), "{dead}");
        }
        for other in ["5.7.1", "5.2.2", "5.0.0", "4.1.1", "5.3.4"] {
            assert!(!refused_address_is_dead(other), "{other}");
        }
    }

    fn days_ago(now: DateTime<Utc>, days: &[i64]) -> Vec<DateTime<Utc>> {
        days.iter().map(|d| now - Duration::days(*d)).collect()
    }

    #[test]
    fn a_hard_bounce_or_a_complaint_suppresses_at_once() {
        let now = Utc::now();
        assert_eq!(
            suppression(BounceKind::Hard, &[], now),
            Some(Suppressed::HardBounce)
        );
        assert_eq!(
            suppression(BounceKind::Complaint, &[], now),
            Some(Suppressed::Complaint)
        );
    }

    #[test]
    fn soft_bounces_suppress_only_when_they_go_on_for_days() {
        let now = Utc::now();
        let soft = |days: &[i64]| suppression(BounceKind::Soft, &days_ago(now, days), now);
        assert_eq!(soft(&[]), None, "the first");
        assert_eq!(soft(&[4]), None, "the second");
        // A full mailbox during one afternoon's alerts.
        assert_eq!(soft(&[0, 0, 0, 0]), None);
        assert_eq!(soft(&[2, 1]), None, "three within two days");
        assert_eq!(soft(&[3, 1]), Some(Suppressed::SoftBounces));
        assert_eq!(soft(&[20, 10]), Some(Suppressed::SoftBounces));
        // Old bounces are forgotten: a mailbox that recovered for a month.
        assert_eq!(soft(&[60, 40]), None);
        assert_eq!(soft(&[60, 5]), None, "one old, one recent, this one");
    }

    #[test]
    fn kinds_read_back_as_written() {
        for kind in [BounceKind::Hard, BounceKind::Soft, BounceKind::Complaint] {
            assert_eq!(BounceKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(BounceKind::parse("delayed"), None);
    }
}

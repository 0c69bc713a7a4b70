//! Throttling sign-ins: growing delays for one account from one address,
//! and an account-wide lock only when many addresses fail on it at once.
//!
//! A hard lock after a few failures lets any stranger lock an officer out
//! from a handful of addresses. Here the failures of one (account, client
//! address) pair slow down that pair alone; the account itself is locked
//! only under a spread-out attack, and the lock lifts as those failures age
//! or when an admin unlocks it.

use chrono::{DateTime, Duration, Utc};

/// Failures one pair may make before each attempt has to wait.
pub const FREE_FAILURES: i64 = 3;
/// The longest wait between two attempts of one pair.
pub const MAX_DELAY_SECONDS: i64 = 15 * 60;
/// A pair's failures are forgotten this long after its last one.
pub const FORGET_AFTER_HOURS: i64 = 24;
/// The account is locked while, within the last hour, at least this many
/// addresses failed on it...
pub const LOCK_CLIENTS: i64 = 10;
/// ...with at least this many failures in all.
pub const LOCK_FAILURES: i64 = 100;

/// What the store knows of an account's recent failures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Failures {
    /// From this client address, and when the last of them was.
    pub from_client: i64,
    pub last_from_client: Option<DateTime<Utc>>,
    /// From every address, within the last hour.
    pub clients_last_hour: i64,
    pub failures_last_hour: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    Open,
    /// This address must wait this long before trying again.
    Wait(Duration),
    /// Too many addresses are failing on this account: locked for all.
    Locked,
}

/// How long a pair with `failures` waits after its last one: 1 s after the
/// fourth, doubling, at most 15 minutes.
pub fn delay(failures: i64) -> Duration {
    if failures <= FREE_FAILURES {
        return Duration::zero();
    }
    let doublings = u32::try_from(failures - FREE_FAILURES - 1)
        .unwrap_or(u32::MAX)
        .min(20);
    Duration::seconds((1i64 << doublings).min(MAX_DELAY_SECONDS))
}

/// Whether a sign-in attempt on an account, from a client, may go ahead now.
pub fn gate(failures: &Failures, now: DateTime<Utc>) -> Gate {
    if failures.clients_last_hour >= LOCK_CLIENTS && failures.failures_last_hour >= LOCK_FAILURES {
        return Gate::Locked;
    }
    let Some(last) = failures.last_from_client else {
        return Gate::Open;
    };
    if now - last > Duration::hours(FORGET_AFTER_HOURS) {
        return Gate::Open;
    }
    let ready_at = last + delay(failures.from_client);
    if ready_at > now {
        Gate::Wait(ready_at - now)
    } else {
        Gate::Open
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + seconds, 0).unwrap()
    }

    #[test]
    fn delays_grow_from_the_fourth_failure_to_fifteen_minutes() {
        let delays: Vec<i64> = (0..=16).map(|n| delay(n).num_seconds()).collect();
        assert_eq!(
            delays,
            [
                0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900
            ]
        );
    }

    #[test]
    fn one_address_waits_after_its_own_failures() {
        let failures = |n, last| Failures {
            from_client: n,
            last_from_client: Some(at(last)),
            clients_last_hour: 1,
            failures_last_hour: n,
        };
        assert_eq!(gate(&failures(3, 0), at(0)), Gate::Open);
        assert_eq!(
            gate(&failures(6, 0), at(1)),
            Gate::Wait(Duration::seconds(3))
        );
        assert_eq!(gate(&failures(6, 0), at(4)), Gate::Open);
        assert_eq!(
            gate(&failures(20, 0), at(60)),
            Gate::Wait(Duration::seconds(840))
        );
        assert_eq!(
            gate(&failures(20, 0), at(25 * 3600)),
            Gate::Open,
            "forgotten"
        );
        assert_eq!(gate(&Failures::default(), at(0)), Gate::Open);
    }

    #[test]
    fn the_account_locks_only_when_many_addresses_fail_on_it() {
        let spread = |clients, total| Failures {
            from_client: 0,
            last_from_client: None,
            clients_last_hour: clients,
            failures_last_hour: total,
        };
        assert_eq!(
            gate(&spread(5, 500), at(0)),
            Gate::Open,
            "five addresses lock nothing"
        );
        assert_eq!(gate(&spread(30, 60), at(0)), Gate::Open);
        assert_eq!(gate(&spread(10, 100), at(0)), Gate::Locked);
    }
}

//! Tips: what anyone who saw the person tells the police of a case. Anonymous
//! is fine; a nickname and a way to reach the sender are optional.

use chrono::{DateTime, FixedOffset, Utc};
use serde::Deserialize;

use crate::case::Coordinates;
use crate::error::{Checker, FieldError, InvalidInput, Rule};
use crate::text::{Lines, clean, clean_optional};

/// A tip as a form or a JSON body sends it.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"message": "La vi en la parada del micro 10, cerca del mercado.", "nickname": "vecina del mercado", "seen_place": "Mercado 25 de Mayo", "seen_at": "2026-11-21T09:15:00-04:00", "lat": -17.3975, "lng": -66.1618}))]
pub struct TipInput {
    /// What the sender saw or knows.
    #[schema(
        required = true,
        example = "La vi en la parada del micro 10, cerca del mercado."
    )]
    pub message: Option<String>,
    /// A name to sign with; leave out to stay anonymous.
    pub nickname: Option<String>,
    /// A phone or address where police may call back; optional.
    pub contact: Option<String>,
    /// Where the person was seen, in the sender's words.
    pub seen_place: Option<String>,
    /// Where the person was seen, as a point (a phone's location).
    pub lat: Option<f64>,
    pub lng: Option<f64>,
    /// When the person was seen: RFC 3339 with offset.
    pub seen_at: Option<String>,
}

/// What a message to the police of a case is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TipKind {
    /// Someone saw the person or knows something.
    Sighting,
    /// Someone says the report is about them and false, or that they are safe:
    /// police check it at once, and may take the case out of public view.
    AboutMe,
}

impl TipKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TipKind::Sighting => "sighting",
            TipKind::AboutMe => "about_me",
        }
    }

    pub fn parse(value: &str) -> Option<TipKind> {
        match value {
            "sighting" => Some(TipKind::Sighting),
            "about_me" => Some(TipKind::AboutMe),
            _ => None,
        }
    }
}

/// A checked tip.
#[derive(Debug, Clone, PartialEq)]
pub struct NewTip {
    pub kind: TipKind,
    pub message: String,
    pub nickname: Option<String>,
    pub contact: Option<String>,
    pub seen_place: Option<String>,
    pub seen_near: Option<Coordinates>,
    pub seen_at: Option<DateTime<FixedOffset>>,
}

/// A stored tip, as police read it.
#[derive(Debug, Clone, PartialEq)]
pub struct Tip {
    pub id: i64,
    pub tip: NewTip,
    pub received_at: DateTime<Utc>,
}

pub const MAX_TIP_CHARS: usize = 4000;

impl NewTip {
    /// Checks every field; `now` decides what "in the future" means.
    pub fn parse(input: &TipInput, now: DateTime<Utc>) -> Result<NewTip, InvalidInput> {
        let mut c = Checker::default();
        let message = c.check(clean(
            "message",
            input.message.as_deref().unwrap_or(""),
            1,
            MAX_TIP_CHARS,
            Lines::Multi,
        ));
        let nickname = c.check(clean_optional(
            "nickname",
            input.nickname.as_deref(),
            80,
            Lines::Single,
        ));
        let contact = c.check(clean_optional(
            "contact",
            input.contact.as_deref(),
            200,
            Lines::Single,
        ));
        let seen_place = c.check(clean_optional(
            "seen_place",
            input.seen_place.as_deref(),
            200,
            Lines::Single,
        ));
        let seen_near = c.check(match (input.lat, input.lng) {
            (None, None) => Ok(None),
            // The body names them `lat` and `lng`, so errors do too.
            (lat, lng) => Coordinates::parse("", lat, lng)
                .map(Some)
                .map_err(|e| FieldError {
                    field: e.field.trim_start_matches('.').to_string(),
                    ..e
                }),
        });
        let seen_at = c.check(parse_seen_at(input.seen_at.as_deref(), now));
        c.finish()?;
        Ok(NewTip {
            kind: TipKind::Sighting,
            message: message.expect("checked"),
            nickname: nickname.expect("checked"),
            contact: contact.expect("checked"),
            seen_place: seen_place.expect("checked"),
            seen_near: seen_near.expect("checked"),
            seen_at: seen_at.expect("checked"),
        })
    }
}

impl NewTip {
    /// "This report is about me": a way to reach the sender is required, so
    /// police can check who they are before anything else happens.
    pub fn parse_about_me(input: &TipInput, now: DateTime<Utc>) -> Result<NewTip, InvalidInput> {
        let mut problems = Vec::new();
        let tip = NewTip::parse(input, now).map_err(|e| problems.extend(e.0));
        if input.contact.as_deref().is_none_or(|c| c.trim().is_empty()) {
            problems.push(FieldError::broke("contact", Rule::Required));
        }
        match tip {
            Ok(tip) if problems.is_empty() => Ok(NewTip {
                kind: TipKind::AboutMe,
                ..tip
            }),
            _ => Err(InvalidInput(problems)),
        }
    }
}

fn parse_seen_at(
    value: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<FixedOffset>>, FieldError> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let at = DateTime::parse_from_rfc3339(value)
        .map_err(|_| FieldError::broke("seen_at", Rule::DateTimeFormat))?;
    if at.with_timezone(&Utc) > now + chrono::Duration::minutes(5) {
        return Err(FieldError::broke("seen_at", Rule::NotInFuture));
    }
    Ok(Some(at))
}

/// A case's sightings are mailed to its officer at most once per this many
/// minutes: a flood of tips (a case gone viral, or someone drowning the
/// real one) makes one digest, not a hundred mails. Every tip is kept and
/// listed on the desk.
pub const TIP_DIGEST_MINUTES: i64 = 5;

/// How a new tip reaches the case's police contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TipMail {
    /// In the digest of sightings already queued and not yet on its way.
    RidesOnPendingDigest,
    /// In a mail of its own (it starts a digest), due at this time.
    NewMail { due: DateTime<Utc> },
}

impl TipKind {
    /// How a tip of this kind is mailed, given whether a digest of the
    /// case's sightings waits unclaimed and when the last one went (or is
    /// due): a "this is about me" goes at once, alone; a sighting rides on
    /// the waiting digest, or starts one, due once the last went out
    /// [`TIP_DIGEST_MINUTES`] ago.
    pub fn mail(
        self,
        pending_digest: bool,
        last_digest: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> TipMail {
        match self {
            TipKind::AboutMe => TipMail::NewMail { due: now },
            TipKind::Sighting if pending_digest => TipMail::RidesOnPendingDigest,
            TipKind::Sighting => {
                let spaced =
                    last_digest.map(|last| last + chrono::Duration::minutes(TIP_DIGEST_MINUTES));
                TipMail::NewMail {
                    due: spaced.map_or(now, |at| at.max(now)),
                }
            }
        }
    }

    /// The case log's word for a tip of this kind.
    pub fn audit_action(self) -> &'static str {
        match self {
            TipKind::Sighting => "tip",
            TipKind::AboutMe => "about_me",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        "2026-11-20T12:00:00Z".parse().unwrap()
    }

    #[test]
    fn sightings_wait_for_the_digest_and_about_me_goes_at_once() {
        let now = now();
        let minutes = |m| now + chrono::Duration::minutes(m);
        let rows = [
            // (kind, a digest waits, the last went at, how it is mailed)
            (
                TipKind::AboutMe,
                true,
                Some(minutes(-1)),
                TipMail::NewMail { due: now },
            ),
            (
                TipKind::Sighting,
                true,
                Some(minutes(-1)),
                TipMail::RidesOnPendingDigest,
            ),
            (
                TipKind::Sighting,
                false,
                None,
                TipMail::NewMail { due: now },
            ),
            (
                TipKind::Sighting,
                false,
                Some(minutes(-2)),
                TipMail::NewMail { due: minutes(3) },
            ),
            (
                TipKind::Sighting,
                false,
                Some(minutes(-9)),
                TipMail::NewMail { due: now },
            ),
        ];
        for (kind, pending, last, expected) in rows {
            assert_eq!(
                kind.mail(pending, last, now),
                expected,
                "{kind:?} {pending} {last:?}"
            );
        }
    }

    #[test]
    fn an_anonymous_message_is_enough() {
        let tip = NewTip::parse(
            &TipInput {
                message: Some("  La vi en el mercado.  ".into()),
                ..TipInput::default()
            },
            now(),
        )
        .unwrap();
        assert_eq!(tip.message, "La vi en el mercado.");
        assert_eq!(tip.nickname, None);
        assert_eq!(tip.seen_near, None);
    }

    #[test]
    fn every_wrong_field_is_named() {
        let err = NewTip::parse(
            &TipInput {
                message: Some(" ".into()),
                lat: Some(91.0),
                lng: Some(0.0),
                seen_at: Some("yesterday".into()),
                ..TipInput::default()
            },
            now(),
        )
        .unwrap_err();
        let fields: Vec<_> = err.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["message", "lat", "seen_at"]);
    }

    #[test]
    fn a_sighting_in_the_future_is_refused() {
        let err = NewTip::parse(
            &TipInput {
                message: Some("x".into()),
                seen_at: Some("2026-11-21T12:00:00-04:00".into()),
                ..TipInput::default()
            },
            now(),
        )
        .unwrap_err();
        assert_eq!(err.first().unwrap().field, "seen_at");
    }
}

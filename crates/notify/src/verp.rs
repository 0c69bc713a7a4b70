//! Each message's own envelope sender (VERP), so that a bounce names the
//! message it is about by the address it comes back to, not by its text.
//!
//! With `ALERTA_RETURN_PATH=rebotes@alerta.example`, outbox row 812 to
//! volunteer 40 goes out from `rebotes+812-40-<tag>@alerta.example`, where
//! the tag is an HMAC of "812-40" under a key only the servers hold: a
//! forged report to a made-up address names nothing, so nobody can stop
//! another person's alerts by mailing us a fake bounce. The tag is lower
//! case hexadecimal because some servers change the case of local parts.

use hmac::{Hmac, Mac};
use lettre::Address;
use sha2::Sha256;

/// Bytes of the HMAC kept in the address: 64 bits, far beyond guessing
/// through a mail server.
const TAG_BYTES: usize = 8;

/// The address bounces come back to, and the key that tags them.
#[derive(Clone)]
pub struct ReturnPath {
    local: String,
    domain: String,
    key: Vec<u8>,
}

/// Shows the address, never the key.
impl std::fmt::Debug for ReturnPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ReturnPath({}@{})", self.local, self.domain)
    }
}

/// What a tagged return address names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounced {
    pub outbox_id: i64,
    /// None for mail to staff (tips to officers, notices to organisations).
    pub volunteer_id: Option<i64>,
}

impl ReturnPath {
    /// `address` as `ALERTA_RETURN_PATH` gives it (`local@domain`, no `+`
    /// in the local part: that is where the tag goes).
    pub fn new(address: &str, key: &[u8]) -> Result<ReturnPath, String> {
        let parsed: Address = address
            .trim()
            .parse()
            .map_err(|e| format!("ALERTA_RETURN_PATH is not an address: {e}"))?;
        let local = parsed.user().to_string();
        if local.contains('+') {
            return Err("ALERTA_RETURN_PATH must have no '+' in its local part: \
                 the tag of each message goes after one"
                .into());
        }
        Ok(ReturnPath {
            local,
            domain: parsed.domain().to_string(),
            key: key.to_vec(),
        })
    }

    /// The envelope sender of outbox row `outbox_id` to `volunteer_id`.
    pub fn address_for(&self, bounced: Bounced) -> Address {
        let ids = ids_text(bounced);
        let tag = self.tag(&ids);
        Address::new(format!("{}+{ids}-{tag}", self.local), &self.domain)
            .expect("a local part of ASCII digits, hex and the operator's own")
    }

    /// What `address` names, if it is one of ours with a true tag.
    pub fn read(&self, address: &str) -> Option<Bounced> {
        let address = address.trim().trim_start_matches('<').trim_end_matches('>');
        let (local, domain) = address.rsplit_once('@')?;
        if !domain.eq_ignore_ascii_case(&self.domain) {
            return None;
        }
        let (base, extension) = local.split_once('+')?;
        if !base.eq_ignore_ascii_case(&self.local) {
            return None;
        }
        self.read_extension(extension)
    }

    /// What the part after the `+` names (the `EXTENSION` a Postfix pipe
    /// is given), if its tag is true.
    pub fn read_extension(&self, extension: &str) -> Option<Bounced> {
        let extension = extension.to_ascii_lowercase();
        let (ids, tag) = extension.rsplit_once('-')?;
        let (outbox, volunteer) = ids.split_once('-')?;
        let bounced = Bounced {
            outbox_id: outbox.parse().ok()?,
            volunteer_id: match volunteer.parse().ok()? {
                0 => None,
                id => Some(id),
            },
        };
        let mac = self.mac(ids);
        let expected = hex::decode(tag).ok()?;
        (expected.len() == TAG_BYTES && mac.verify_truncated_left(&expected).is_ok())
            .then_some(bounced)
    }

    fn tag(&self, ids: &str) -> String {
        let full = self.mac(ids).finalize().into_bytes();
        hex::encode(&full[..TAG_BYTES])
    }

    fn mac(&self, ids: &str) -> Hmac<Sha256> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).expect("HMAC takes any key length");
        mac.update(ids.as_bytes());
        mac
    }
}

fn ids_text(bounced: Bounced) -> String {
    format!(
        "{}-{}",
        bounced.outbox_id,
        bounced.volunteer_id.unwrap_or(0)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path() -> ReturnPath {
        ReturnPath::new("rebotes@alerta.example", b"a key of the servers").unwrap()
    }

    #[test]
    fn a_tagged_address_reads_back_as_its_message_and_recipient() {
        let to_volunteer = Bounced {
            outbox_id: 812,
            volunteer_id: Some(40),
        };
        let address = path().address_for(to_volunteer).to_string();
        assert!(address.starts_with("rebotes+812-40-"), "{address}");
        assert!(address.ends_with("@alerta.example"));
        assert!(address.len() < 64 + 16);
        assert_eq!(path().read(&address), Some(to_volunteer));
        assert_eq!(path().read(&address.to_uppercase()), Some(to_volunteer));
        assert_eq!(path().read(&format!("<{address}>")), Some(to_volunteer));
        let extension = address
            .split_once('+')
            .unwrap()
            .1
            .split('@')
            .next()
            .unwrap();
        assert_eq!(path().read_extension(extension), Some(to_volunteer));

        let to_staff = Bounced {
            outbox_id: 9,
            volunteer_id: None,
        };
        assert_eq!(
            path().read(path().address_for(to_staff).as_ref()),
            Some(to_staff)
        );
    }

    #[test]
    fn an_address_with_a_forged_or_foreign_tag_names_nothing() {
        let address = path()
            .address_for(Bounced {
                outbox_id: 812,
                volunteer_id: Some(40),
            })
            .to_string();
        let tag = address
            .rsplit_once('-')
            .unwrap()
            .1
            .split('@')
            .next()
            .unwrap();
        // The same tag on another volunteer.
        assert_eq!(
            path().read(&format!("rebotes+812-41-{tag}@alerta.example")),
            None
        );
        let other_key = ReturnPath::new("rebotes@alerta.example", b"another key").unwrap();
        assert_eq!(other_key.read(&address), None);
        assert_eq!(
            path().read(&address.replace("alerta.example", "evil.example")),
            None
        );
        assert_eq!(path().read("rebotes@alerta.example"), None);
        assert_eq!(path().read("rebotes+812-40-00@alerta.example"), None);
        assert_eq!(path().read("not an address"), None);
    }

    #[test]
    fn a_return_path_must_be_an_address_without_a_tag_of_its_own() {
        let err = |address| ReturnPath::new(address, b"k").err().unwrap_or_default();
        assert!(err("rebotes").contains("ALERTA_RETURN_PATH"));
        assert!(err("rebotes+x@alerta.example").contains("'+'"));
        assert!(ReturnPath::new(" rebotes@alerta.example ", b"k").is_ok());
    }
}

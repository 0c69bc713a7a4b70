//! DKIM signatures (RFC 6376) on every message Alerta sends, so mailbox
//! providers can tell an alert from a forgery of one. The key is read once,
//! at start; each message is signed once, after it is composed.

use lettre::Message;
use lettre::message::dkim::{
    DkimCanonicalization, DkimCanonicalizationType, DkimConfig, DkimSigningAlgorithm,
    DkimSigningKey, dkim_sign,
};
use lettre::message::header::HeaderName;

/// The headers a signature covers: what a reader or a filter trusts. A
/// header a message lacks is signed as absent, so it cannot be added on
/// the way. Not Content-Type: lettre writes a multipart message's with its
/// body, after signing, so it would be signed as absent and then present
/// (the body hash covers the parts and their boundaries all the same).
const SIGNED_HEADERS: &[&str] = &[
    "From",
    "To",
    "Subject",
    "Date",
    "Message-ID",
    "MIME-Version",
    "List-Id",
    "List-Unsubscribe",
    "List-Unsubscribe-Post",
    "Feedback-ID",
    "Auto-Submitted",
];

/// Signs messages for one domain with one key.
pub struct Signer {
    config: DkimConfig,
    algorithm: &'static str,
}

/// Never the key: logs and panics may print a signer.
impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Signer({})", self.algorithm)
    }
}

impl Signer {
    /// A signer for `domain` (`d=`) under `selector` (`s=`), with a PEM key:
    /// RSA in PKCS#1 ("RSA PRIVATE KEY") or PKCS#8 ("PRIVATE KEY"), or
    /// Ed25519 in PKCS#8.
    pub fn from_pem(domain: &str, selector: &str, pem: &str) -> Result<Signer, String> {
        let (key, algorithm) = signing_key(pem)?;
        let headers = SIGNED_HEADERS
            .iter()
            .map(|name| HeaderName::new_from_ascii_str(name))
            .collect();
        // Relaxed both ways: relays that refold headers or trim line ends
        // do not break the signature.
        let canonicalization = DkimCanonicalization {
            header: DkimCanonicalizationType::Relaxed,
            body: DkimCanonicalizationType::Relaxed,
        };
        Ok(Signer {
            config: DkimConfig::new(
                selector.to_string(),
                domain.to_string(),
                key,
                headers,
                canonicalization,
            ),
            algorithm,
        })
    }

    /// "rsa" or "ed25519", for the start-up line.
    pub fn algorithm(&self) -> &'static str {
        self.algorithm
    }

    /// Adds the `DKIM-Signature` header.
    pub fn sign(&self, message: &mut Message) {
        dkim_sign(message, &self.config);
    }
}

/// A private key read from PEM, whichever form the operator has.
enum PemKey {
    Rsa(rsa::RsaPrivateKey),
    Ed25519(ed25519_dalek::SigningKey),
}

impl PemKey {
    /// RSA in PKCS#1 or PKCS#8, or Ed25519 in PKCS#8.
    fn parse(pem: &str) -> Result<PemKey, String> {
        // (One pkcs8 crate under both: its DecodePrivateKey reads RSA keys too.)
        use ed25519_dalek::pkcs8::DecodePrivateKey as _;
        use rsa::pkcs1::DecodeRsaPrivateKey as _;
        if let Ok(key) = rsa::RsaPrivateKey::from_pkcs1_pem(pem)
            .or_else(|_| rsa::RsaPrivateKey::from_pkcs8_pem(pem))
        {
            return Ok(PemKey::Rsa(key));
        }
        ed25519_dalek::SigningKey::from_pkcs8_pem(pem)
            .map(PemKey::Ed25519)
            .map_err(|_| {
                "is not a PEM private key (RSA in PKCS#1 or PKCS#8, or Ed25519 in PKCS#8)".into()
            })
    }
}

/// The key lettre signs with, from whichever PEM form the operator has.
fn signing_key(pem: &str) -> Result<(DkimSigningKey, &'static str), String> {
    use base64::Engine as _;
    use rsa::pkcs1::EncodeRsaPrivateKey as _;
    match PemKey::parse(pem)? {
        PemKey::Rsa(key) => {
            // lettre reads RSA keys as PKCS#1.
            let pkcs1 = key
                .to_pkcs1_pem(rsa::pkcs1::LineEnding::LF)
                .map_err(|e| format!("the RSA key cannot be used: {e}"))?;
            let key = DkimSigningKey::new(&pkcs1, DkimSigningAlgorithm::Rsa)
                .map_err(|e| format!("the RSA key cannot be used: {e}"))?;
            Ok((key, "rsa"))
        }
        PemKey::Ed25519(key) => {
            // lettre reads Ed25519 keys as the base64 of their 32 bytes.
            let raw = base64::engine::general_purpose::STANDARD.encode(key.to_bytes());
            let key = DkimSigningKey::new(&raw, DkimSigningAlgorithm::Ed25519)
                .map_err(|e| format!("the Ed25519 key cannot be used: {e}"))?;
            Ok((key, "ed25519"))
        }
    }
}

/// The DNS TXT record that publishes the public half of `pem`'s key:
/// `v=DKIM1; k=rsa; p=…`.
pub fn dns_record(pem: &str) -> Result<String, String> {
    use base64::Engine as _;
    use rsa::pkcs8::EncodePublicKey as _;
    let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    match PemKey::parse(pem)? {
        PemKey::Rsa(key) => {
            let public = key
                .to_public_key()
                .to_public_key_der()
                .map_err(|e| e.to_string())?;
            Ok(format!("v=DKIM1; k=rsa; p={}", b64(public.as_bytes())))
        }
        // RFC 8463: the bare 32-byte public key.
        PemKey::Ed25519(key) => Ok(format!(
            "v=DKIM1; k=ed25519; p={}",
            b64(key.verifying_key().as_bytes())
        )),
    }
}

/// Which kind of key `alerta dkim generate` makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    /// RSA 2048: what every receiver verifies.
    Rsa2048,
    /// Ed25519 (RFC 8463): small and fast, but not every receiver checks it
    /// yet; publish it beside an RSA key, not instead of one.
    Ed25519,
}

/// A new private key, as PKCS#8 PEM.
pub fn generate(kind: KeyKind) -> Result<String, String> {
    use ed25519_dalek::pkcs8::EncodePrivateKey as _;
    let line_ending = rsa::pkcs8::LineEnding::LF;
    match kind {
        KeyKind::Rsa2048 => {
            let key = rsa::RsaPrivateKey::new(&mut rand_core_06::OsRng, 2048)
                .map_err(|e| e.to_string())?;
            Ok(key
                .to_pkcs8_pem(line_ending)
                .map_err(|e| e.to_string())?
                .to_string())
        }
        KeyKind::Ed25519 => {
            let key = ed25519_dalek::SigningKey::from_bytes(&rand::random::<[u8; 32]>());
            Ok(key
                .to_pkcs8_pem(line_ending)
                .map_err(|e| e.to_string())?
                .to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_in_every_pem_form_sign_and_publish() {
        for kind in [KeyKind::Ed25519, KeyKind::Rsa2048] {
            let pem = generate(kind).unwrap();
            let signer = Signer::from_pem("alerta.example", "a1", &pem).unwrap();
            let record = dns_record(&pem).unwrap();
            assert!(record.starts_with(&format!("v=DKIM1; k={}; p=", signer.algorithm())));
            let mut message = Message::builder()
                .from("Alerta <alertas@alerta.example>".parse().unwrap())
                .to("ana@example.org".parse().unwrap())
                .subject("Prueba")
                .body(String::from("Hola\n"))
                .unwrap();
            signer.sign(&mut message);
            let raw = String::from_utf8(message.formatted()).unwrap();
            assert!(raw.starts_with("DKIM-Signature: ") || raw.contains("\r\nDKIM-Signature: "));
            assert!(raw.contains("d=alerta.example"), "{raw}");
            assert!(raw.contains("s=a1"), "{raw}");
        }
        assert!(Signer::from_pem("a", "b", "not a key").is_err());
    }
}

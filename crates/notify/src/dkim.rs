//! DKIM signatures (RFC 6376) on every message Alerta sends, so mailbox
//! providers can tell an alert from a forgery of one. The key is read once,
//! at start; each message is signed once, after it is composed and written
//! out, and the bytes signed are the bytes sent. A body is hashed once for
//! every recipient who gets it ([`body_hash`]); each recipient's header
//! block is signed on its own ([`Signer::signature`]).
//!
//! The signature is built here around AWS-LC's RSA and Ed25519
//! (`aws-lc-rs`, ring's interface): lettre's own signer signs with the
//! pure-Rust `rsa` crate, several times slower per message, and reformats
//! and re-canonicalises the whole message to do it; `mail-auth` brings a
//! DNS resolver with TLS and DNSSEC that a signer never uses. AWS-LC rather
//! than `ring` (which rustls brings anyway): its RSA 2048 signs in half
//! ring's time on current x86 (AVX-512 IFMA), and RSA is what a signed
//! fan-out spends its time on. What is written here is the
//! canonicalisation (relaxed/relaxed, RFC 6376 section 3.4) and the tag
//! list; dkimpy, an independent verifier, checks every kind of mail in the
//! tests.

use aws_lc_rs::signature::{Ed25519KeyPair, RSA_PKCS1_SHA256, RsaKeyPair};
use base64::Engine as _;

/// The headers a signature covers: what a reader or a filter trusts. A
/// header a message lacks is signed as absent, so it cannot be added on
/// the way.
const SIGNED_HEADERS: &[&str] = &[
    "From",
    "To",
    "Subject",
    "Date",
    "Message-ID",
    "MIME-Version",
    "Content-Type",
    "List-Id",
    "List-Unsubscribe",
    "List-Unsubscribe-Post",
    "Feedback-ID",
    "Auto-Submitted",
];

/// Signs messages for one domain with one key.
pub struct Signer {
    domain: String,
    selector: String,
    key: SigningKey,
}

enum SigningKey {
    Rsa(RsaKeyPair),
    Ed25519(Ed25519KeyPair),
}

/// Never the key: logs and panics may print a signer.
impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Signer({})", self.algorithm())
    }
}

impl Signer {
    /// A signer for `domain` (`d=`) under `selector` (`s=`), with a PEM key:
    /// RSA in PKCS#1 ("RSA PRIVATE KEY") or PKCS#8 ("PRIVATE KEY"), or
    /// Ed25519 in PKCS#8.
    pub fn from_pem(domain: &str, selector: &str, pem: &str) -> Result<Signer, String> {
        let key = match PemKey::parse(pem)? {
            PemKey::Rsa(key) => {
                use rsa::pkcs1::EncodeRsaPrivateKey as _;
                let der = key
                    .to_pkcs1_der()
                    .map_err(|e| format!("the RSA key cannot be used: {e}"))?;
                SigningKey::Rsa(
                    RsaKeyPair::from_der(der.as_bytes())
                        .map_err(|e| format!("the RSA key cannot be used: {e}"))?,
                )
            }
            PemKey::Ed25519(key) => SigningKey::Ed25519(
                Ed25519KeyPair::from_seed_unchecked(&key.to_bytes())
                    .map_err(|e| format!("the Ed25519 key cannot be used: {e}"))?,
            ),
        };
        Ok(Signer {
            domain: domain.to_string(),
            selector: selector.to_string(),
            key,
        })
    }

    /// "rsa" or "ed25519", for the start-up line.
    pub fn algorithm(&self) -> &'static str {
        match self.key {
            SigningKey::Rsa(_) => "rsa",
            SigningKey::Ed25519(_) => "ed25519",
        }
    }

    /// The `DKIM-Signature` field, with its line end, of a message whose
    /// header block is `headers` (each field with its line end) and whose
    /// body's [`body_hash`] is `body_hash`, signed at `unix_time`. The body
    /// is not read here: every recipient of one alert gets the same body,
    /// hashed once for them all.
    pub fn signature(&self, headers: &[u8], body_hash: &str, unix_time: i64) -> String {
        let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
        let algorithm = match self.key {
            SigningKey::Rsa(_) => "rsa-sha256",
            SigningKey::Ed25519(_) => "ed25519-sha256",
        };
        // Folded where a reader expects it; the canonical form unfolds it.
        let unsigned = format!(
            "DKIM-Signature: v=1; a={algorithm}; c=relaxed/relaxed; d={}; s={}; t={unix_time};\r\n h={};\r\n bh={body_hash};\r\n b=",
            self.domain,
            self.selector,
            SIGNED_HEADERS.join(":"),
        );
        let mut signed_data = Vec::with_capacity(1024);
        let fields = header_fields(headers);
        for name in SIGNED_HEADERS {
            if let Some(field) = fields.iter().rev().find(|f| field_name_is(f, name)) {
                signed_data.extend_from_slice(&relaxed_header(field));
                signed_data.extend_from_slice(b"\r\n");
            }
        }
        // The signature's own header, its b= empty and no line end.
        signed_data.extend_from_slice(&relaxed_header(unsigned.as_bytes()));
        let signature = match &self.key {
            SigningKey::Rsa(key) => {
                let mut signature = vec![0; key.public_modulus_len()];
                key.sign(
                    &RSA_PKCS1_SHA256,
                    &aws_lc_rs::rand::SystemRandom::new(),
                    &signed_data,
                    &mut signature,
                )
                .expect("an RSA key ring accepted signs");
                signature
            }
            // RFC 8463: Ed25519 signs the SHA-256 of the data, not the data.
            SigningKey::Ed25519(key) => {
                let hash = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, &signed_data);
                key.sign(hash.as_ref()).as_ref().to_vec()
            }
        };
        format!("{unsigned}{}\r\n", b64(&signature))
    }
}

/// `bh=`: the base64 SHA-256 of `body` in relaxed form (the same for
/// RSA and Ed25519 signatures).
pub fn body_hash(body: &[u8]) -> String {
    let digest = ring::digest::digest(&ring::digest::SHA256, &relaxed_body(body));
    base64::engine::general_purpose::STANDARD.encode(digest.as_ref())
}

/// Each header field, folded lines included, without its last line end.
fn header_fields(headers: &[u8]) -> Vec<&[u8]> {
    let mut fields: Vec<&[u8]> = Vec::new();
    let mut start = 0;
    let mut at = 0;
    while at < headers.len() {
        let end = memchr::memmem::find(&headers[at..], b"\r\n").map_or(headers.len(), |p| at + p);
        let next = (end + 2).min(headers.len());
        let continues = headers.get(next).is_some_and(|b| *b == b' ' || *b == b'\t');
        if !continues {
            fields.push(&headers[start..end]);
            start = next;
        }
        at = next;
    }
    fields
}

fn field_name_is(field: &[u8], name: &str) -> bool {
    field.iter().position(|b| *b == b':').is_some_and(|colon| {
        field[..colon]
            .trim_ascii()
            .eq_ignore_ascii_case(name.as_bytes())
    })
}

fn is_wsp(byte: u8) -> bool {
    byte == b' ' || byte == b'\t'
}

/// RFC 6376 3.4.2: the name in lower case, the value unfolded, runs of
/// whitespace as one space, none at its ends or around the colon.
fn relaxed_header(field: &[u8]) -> Vec<u8> {
    let colon = field.iter().position(|b| *b == b':').unwrap_or(field.len());
    let mut out: Vec<u8> = field[..colon]
        .trim_ascii()
        .iter()
        .map(u8::to_ascii_lowercase)
        .collect();
    out.push(b':');
    let value_start = out.len();
    let mut pending_space = false;
    for &byte in field.get(colon + 1..).unwrap_or_default() {
        if byte == b'\r' || byte == b'\n' {
            continue;
        }
        if is_wsp(byte) {
            pending_space = true;
            continue;
        }
        // None before the value's first character, nor after its last.
        if pending_space && out.len() > value_start {
            out.push(b' ');
        }
        pending_space = false;
        out.push(byte);
    }
    out
}

/// RFC 6376 3.4.4: runs of whitespace in a line as one space, none at a
/// line's end, no empty lines at the end, and a line end after the last.
fn relaxed_body(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() + 2);
    let mut empty_lines = 0usize;
    for line in body.split(|b| *b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let content = line.trim_ascii_end();
        if content.is_empty() {
            empty_lines += 1;
            continue;
        }
        for _ in 0..empty_lines {
            out.extend_from_slice(b"\r\n");
        }
        empty_lines = 0;
        if content.iter().any(|b| is_wsp(*b)) {
            let mut in_space = false;
            for &byte in content {
                if is_wsp(byte) {
                    if !in_space {
                        out.push(b' ');
                    }
                    in_space = true;
                } else {
                    out.push(byte);
                    in_space = false;
                }
            }
        } else {
            out.extend_from_slice(content);
        }
        out.extend_from_slice(b"\r\n");
    }
    out
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

    /// The header block (each field with its line end) and the body.
    fn split_message(message: &[u8]) -> (&[u8], &[u8]) {
        match memchr::memmem::find(message, b"\r\n\r\n") {
            Some(at) => (&message[..at + 2], &message[at + 4..]),
            None => (message, b""),
        }
    }

    /// `message` with its signature first, as the sender writes it.
    fn signed(signer: &Signer, message: &[u8], unix_time: i64) -> String {
        let (headers, body) = split_message(message);
        let field = signer.signature(headers, &body_hash(body), unix_time);
        field + std::str::from_utf8(message).unwrap()
    }

    #[test]
    fn keys_in_every_pem_form_sign_and_publish() {
        for kind in [KeyKind::Ed25519, KeyKind::Rsa2048] {
            let pem = generate(kind).unwrap();
            let signer = Signer::from_pem("alerta.example", "a1", &pem).unwrap();
            let record = dns_record(&pem).unwrap();
            assert!(record.starts_with(&format!("v=DKIM1; k={}; p=", signer.algorithm())));
            let message = b"From: Alerta <alertas@alerta.example>\r\nTo: ana@example.org\r\nSubject: Prueba\r\n\r\nHola\r\n";
            let raw = signed(&signer, message, 1_764_700_000);
            assert!(raw.starts_with("DKIM-Signature: v=1; "), "{raw}");
            assert!(raw.contains("d=alerta.example; s=a1;"), "{raw}");
            assert!(
                raw.ends_with("\r\n\r\nHola\r\n"),
                "the message follows unchanged"
            );
        }
        assert!(Signer::from_pem("a", "b", "not a key").is_err());
    }

    #[test]
    fn the_same_body_to_two_recipients_has_one_body_hash_and_two_signatures() {
        let signer =
            Signer::from_pem("alerta.example", "a1", &generate(KeyKind::Ed25519).unwrap()).unwrap();
        let to = |who: &str| format!("From: a@alerta.example\r\nTo: {who}\r\n\r\nMismo cuerpo\r\n");
        let tag = |raw: &str, name: &str| {
            let start = raw.find(&format!(" {name}=")).unwrap() + name.len() + 2;
            raw[start..].split([';', '\r']).next().unwrap().to_string()
        };
        let first = signed(&signer, to("ana@example.org").as_bytes(), 1);
        let second = signed(&signer, to("beto@example.org").as_bytes(), 1);
        assert_eq!(tag(&first, "bh"), tag(&second, "bh"));
        assert_ne!(tag(&first, "b"), tag(&second, "b"));
        let other = signed(&signer, b"From: a@alerta.example\r\n\r\nOtro\r\n", 1);
        assert_ne!(tag(&first, "bh"), tag(&other, "bh"));
    }

    #[test]
    fn relaxed_canonical_forms_follow_rfc_6376() {
        // The examples of RFC 6376 section 3.4.5.
        let fields = header_fields(b"A: X\r\nB : Y\t\r\n\tZ  \r\n");
        assert_eq!(fields.len(), 2);
        assert_eq!(relaxed_header(fields[0]), b"a:X");
        assert_eq!(relaxed_header(fields[1]), b"b:Y Z");
        // A colon inside the value keeps the space after it.
        assert_eq!(
            relaxed_header(b"Subject: Caso 1:\r\n Mar\xc3\xada"),
            b"subject:Caso 1: Mar\xc3\xada"
        );
        assert_eq!(relaxed_body(b" C \r\nD \t E\r\n\r\n\r\n"), b" C\r\nD E\r\n");
        assert_eq!(relaxed_body(b""), b"");
        assert_eq!(relaxed_body(b"no line end"), b"no line end\r\n");
        assert_eq!(relaxed_body(b"a\r\n\r\nb\r\n"), b"a\r\n\r\nb\r\n");
        let (headers, body) = split_message(b"A: 1\r\nB: 2\r\n\r\nbody\r\n");
        assert_eq!(headers, b"A: 1\r\nB: 2\r\n");
        assert_eq!(body, b"body\r\n");
        assert!(field_name_is(b"Message-ID: <x>", "message-id"));
        assert!(!field_name_is(b"Message-IDs: <x>", "message-id"));
    }
}

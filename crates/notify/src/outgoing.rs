//! A message as it goes out: the header block written for its recipient,
//! then a body written once for everyone who gets the same content.
//!
//! An alert to 100 000 volunteers in one language is one body of about
//! 100 KB (text, HTML, photo, poster) under 100 000 header blocks of about
//! a kilobyte. Written, DKIM-hashed and dot-stuffed once, that body is then
//! only read for each message; what each recipient costs is their headers
//! and their signature.

use std::sync::{Arc, OnceLock};

/// A message ready for the mailer: its bytes as sent, and to whom.
pub struct Composed {
    /// The recipient's header fields, each with its line end (the DKIM
    /// signature first, when there is one).
    pub head: Vec<u8>,
    /// What follows them, shared with every other recipient of the content.
    pub body: Arc<WrittenBody>,
    pub envelope: lettre::address::Envelope,
    pub message_id: String,
}

impl Composed {
    /// The whole message, as one run of bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        [self.head.as_slice(), &self.body.bytes].concat()
    }
}

/// What follows a message's own header fields: the MIME part's header
/// fields (its `Content-Type`), the empty line, and the body.
pub struct WrittenBody {
    bytes: Vec<u8>,
    /// Where the body starts, after the empty line.
    body_start: usize,
    /// The body's DKIM hash, worked out for the first signature.
    hash: OnceLock<String>,
    /// The bytes as SMTP's DATA carries them, worked out for the first
    /// message sent; None when they are not ASCII.
    data: OnceLock<Option<String>>,
}

impl WrittenBody {
    /// `bytes`: the part's header fields (possibly none), the empty line
    /// that ends the message's header block, and the body.
    pub fn new(bytes: Vec<u8>) -> WrittenBody {
        let body_start = if bytes.starts_with(b"\r\n") {
            2
        } else {
            memchr::memmem::find(&bytes, b"\r\n\r\n").map_or(bytes.len(), |at| at + 4)
        };
        WrittenBody {
            bytes,
            body_start,
            hash: OnceLock::new(),
            data: OnceLock::new(),
        }
    }

    /// The part's own header fields, each with its line end: signed with
    /// the recipient's.
    pub fn part_headers(&self) -> &[u8] {
        &self.bytes[..self.body_start.saturating_sub(2)]
    }

    /// `bh=` of the DKIM signature, the same for every recipient.
    pub fn dkim_hash(&self) -> &str {
        self.hash
            .get_or_init(|| crate::dkim::body_hash(&self.bytes[self.body_start..]))
    }

    /// The end of DATA: these bytes dot-stuffed, then the final dot.
    pub fn data(&self) -> Option<&str> {
        self.data
            .get_or_init(|| crate::mailer::data_end(&self.bytes))
            .as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_part_headers_and_the_body_are_told_apart() {
        let multipart = WrittenBody::new(b"Content-Type: text/plain\r\n\r\nHola\r\n".to_vec());
        assert_eq!(multipart.part_headers(), b"Content-Type: text/plain\r\n");
        assert_eq!(multipart.dkim_hash(), crate::dkim::body_hash(b"Hola\r\n"));
        let raw = WrittenBody::new(b"\r\nHola\r\n".to_vec());
        assert_eq!(raw.part_headers(), b"");
        assert_eq!(raw.dkim_hash(), crate::dkim::body_hash(b"Hola\r\n"));
    }
}

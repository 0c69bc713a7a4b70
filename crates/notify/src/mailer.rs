//! Where messages go: an SMTP server, or `.eml` files when none is set.
//!
//! SMTP connections are lettre's [`AsyncSmtpConnection`], kept here rather
//! than in lettre's pooled transport for two reasons the dispatch benchmark
//! measured: lettre 0.11.23 leaves Nagle's algorithm on, so the five bytes
//! that end each message waited for the server's delayed ACK (40 ms on
//! Linux) about one time in five; and its pool sends NOOP before reusing a
//! connection, one more round trip per message. Here the socket has
//! TCP_NODELAY and a connection is tested only after it sat idle. The
//! message's DATA is dot-stuffed here in one pass over its lines
//! ([`data_end`]), its shared body once for all its recipients: lettre's
//! encoder copies the 100 KB of an alert byte by byte, which was a seventh
//! of the machine's time in the dispatch benchmark. And MAIL, RCPT and
//! DATA go in one write when the server offers PIPELINING (RFC 2920), as
//! Postfix's own client sends them: two round trips per message instead
//! of four, which lettre cannot do.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use lettre::Address;
use lettre::address::Envelope;
use lettre::transport::smtp::authentication::{Credentials, DEFAULT_MECHANISMS};
use lettre::transport::smtp::client::{AsyncSmtpConnection, TlsParameters};
use lettre::transport::smtp::commands::Ehlo;
use lettre::transport::smtp::extension::ClientId;
use tokio::sync::Semaphore;

use crate::outgoing::Composed;

/// How long any step with the mail server may take.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);
/// A connection idle longer than this is checked (NOOP) before reuse:
/// servers close idle connections, and a message should not fail on one.
const REUSE_UNCHECKED: Duration = Duration::from_secs(5);

#[derive(Debug, thiserror::Error)]
pub enum MailerError {
    #[error("ALERTA_SMTP_URL is not valid: {0}")]
    BadUrl(String),
    #[error("cannot prepare the mail folder {0}: {1}")]
    Folder(PathBuf, std::io::Error),
}

/// Why a message was not accepted, as far as retrying is concerned.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SendError {
    /// 5xx, or a message that can never be sent: give up and keep the reason.
    #[error("{0}")]
    Permanent(String),
    /// A 5xx answer to RCPT: the server will never take this recipient.
    #[error("{0}")]
    RecipientRefused(String),
    /// 4xx, timeouts, refused connections: try again later.
    #[error("{0}")]
    Transient(String),
}

#[derive(Clone)]
pub struct Mailer {
    transport: Transport,
    /// Caps the connections in use (and so the connections open).
    permits: Arc<Semaphore>,
    /// Caps the messages composed and waiting for a connection.
    composing: Arc<Semaphore>,
}

#[derive(Clone)]
enum Transport {
    Smtp(Arc<SmtpServer>),
    Files(PathBuf),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Security {
    /// Plain text (a relay on this machine).
    Plain,
    /// STARTTLS, required.
    StartTls,
    /// TLS from the first byte (port 465).
    Implicit,
}

/// The server of `ALERTA_SMTP_URL` and the connections to it not in use.
struct SmtpServer {
    host: String,
    port: u16,
    security: Security,
    credentials: Option<Credentials>,
    hello: ClientId,
    /// Open connections waiting for a message, with when each was last used.
    idle: Mutex<Vec<(Connection, Instant)>>,
}

/// An open SMTP session, and whether its server takes commands in groups.
struct Connection {
    smtp: AsyncSmtpConnection,
    pipelining: bool,
}

impl Mailer {
    /// SMTP when `smtp_url` is set (`smtp://[user:pass@]host:port[?tls=starttls|tls|none]`),
    /// else `.eml` files under `outbox_dir`.
    pub fn new(
        smtp_url: Option<&str>,
        outbox_dir: PathBuf,
        concurrency: usize,
    ) -> Result<Mailer, MailerError> {
        let concurrency = concurrency.max(1);
        let transport = match smtp_url {
            Some(url) => Transport::Smtp(Arc::new(SmtpServer::from_url(url)?)),
            None => {
                std::fs::create_dir_all(&outbox_dir)
                    .map_err(|e| MailerError::Folder(outbox_dir.clone(), e))?;
                Transport::Files(outbox_dir)
            }
        };
        Ok(Mailer {
            transport,
            permits: Arc::new(Semaphore::new(concurrency)),
            composing: Arc::new(Semaphore::new(concurrency)),
        })
    }

    /// Waits until one more message may be composed; hold the turn until
    /// its [`Mailer::slot`] is taken. As many messages as there are
    /// connections may wait composed: a connection that comes free finds
    /// its next message ready, and composing (and signing) runs while the
    /// server reads the messages before it. Yet a round does not compose
    /// all of its messages at once while the server's answers wait behind
    /// that work.
    pub async fn turn_to_compose(&self) -> Result<ComposeTurn<'_>, SendError> {
        Ok(ComposeTurn {
            _permit: acquire(&self.composing).await?,
        })
    }

    /// Waits for a free connection.
    pub async fn slot(&self) -> Result<Slot<'_>, SendError> {
        Ok(Slot {
            mailer: self,
            _permit: acquire(&self.permits).await?,
        })
    }
}

/// A permit of `semaphore`, when one is free.
async fn acquire(semaphore: &Semaphore) -> Result<tokio::sync::SemaphorePermit<'_>, SendError> {
    (semaphore.acquire().await).map_err(|e| SendError::Transient(e.to_string()))
}

/// A place among the messages composed ahead of a connection.
pub struct ComposeTurn<'a> {
    _permit: tokio::sync::SemaphorePermit<'a>,
}

/// A connection's worth of sending capacity, held while one message is sent.
pub struct Slot<'a> {
    mailer: &'a Mailer,
    _permit: tokio::sync::SemaphorePermit<'a>,
}

impl Slot<'_> {
    /// Sends `message` as `envelope` says: from its sender to its recipients.
    pub async fn send(self, message: &Composed, envelope: &Envelope) -> Result<(), SendError> {
        match &self.mailer.transport {
            Transport::Smtp(server) => server.send(message, envelope).await,
            Transport::Files(dir) => write_eml(dir, message, envelope).await,
        }
    }
}

impl SmtpServer {
    fn from_url(raw: &str) -> Result<SmtpServer, MailerError> {
        let bad = |why: &str| MailerError::BadUrl(why.to_string());
        let url = url::Url::parse(raw).map_err(|e| bad(&e.to_string()))?;
        if url.scheme() != "smtp" {
            return Err(bad("it must start with smtp://"));
        }
        let host = url
            .host_str()
            .ok_or_else(|| bad("it names no host"))?
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_string();
        let port = url.port();
        let local = host == "localhost" || host.starts_with("127.") || host == "::1";
        let security = match url.query_pairs().find(|(k, _)| k == "tls") {
            Some((_, mode)) => match mode.as_ref() {
                "none" => Security::Plain,
                "starttls" => Security::StartTls,
                "tls" => Security::Implicit,
                _ => return Err(bad("tls must be starttls, tls or none")),
            },
            None if port == Some(465) => Security::Implicit,
            None if local => Security::Plain,
            None => Security::StartTls,
        };
        let port = port.unwrap_or(match security {
            Security::Implicit => 465,
            Security::StartTls => 587,
            Security::Plain => 25,
        });
        let credentials = (!url.username().is_empty()).then(|| {
            let decode = |s: &str| {
                percent_encoding::percent_decode_str(s)
                    .decode_utf8_lossy()
                    .into_owned()
            };
            let password = url.password().map(decode).unwrap_or_default();
            Credentials::new(decode(url.username()), password)
        });
        Ok(SmtpServer {
            host,
            port,
            security,
            credentials,
            hello: ClientId::default(),
            idle: Mutex::default(),
        })
    }

    async fn send(&self, message: &Composed, envelope: &Envelope) -> Result<(), SendError> {
        let mut connection = self.connection().await?;
        let sent =
            tokio::time::timeout(SMTP_TIMEOUT, transmit(&mut connection, envelope, message)).await;
        match sent {
            Ok(Ok(_)) => {
                self.idle
                    .lock()
                    .expect("not poisoned")
                    .push((connection, Instant::now()));
                Ok(())
            }
            // Dropped, not kept: no answer of a pipelined group is left
            // unread for the next message.
            Ok(Err((Step::Recipient, e))) if e.is_permanent() => {
                Err(SendError::RecipientRefused(e.to_string()))
            }
            Ok(Err((_, e))) if e.is_permanent() => Err(SendError::Permanent(e.to_string())),
            Ok(Err((_, e))) => Err(SendError::Transient(e.to_string())),
            Err(_) => Err(SendError::Transient(format!(
                "the mail server did not answer within {} s",
                SMTP_TIMEOUT.as_secs()
            ))),
        }
    }

    /// An open connection: the last one used if any is idle (checked when
    /// it sat idle a while), else a new one.
    async fn connection(&self) -> Result<Connection, SendError> {
        loop {
            let idle = self.idle.lock().expect("not poisoned").pop();
            let Some((mut connection, since)) = idle else {
                break;
            };
            if since.elapsed() < REUSE_UNCHECKED {
                return Ok(connection);
            }
            let noop = tokio::time::timeout(SMTP_TIMEOUT, connection.smtp.test_connected()).await;
            if noop == Ok(true) {
                return Ok(connection);
            }
        }
        tokio::time::timeout(SMTP_TIMEOUT, self.connect())
            .await
            .map_err(|_| {
                SendError::Transient(format!(
                    "no connection to {}:{} within {} s",
                    self.host,
                    self.port,
                    SMTP_TIMEOUT.as_secs()
                ))
            })?
            .map_err(SendError::Transient)
    }

    async fn connect(&self) -> Result<Connection, String> {
        let text = |e: lettre::transport::smtp::Error| e.to_string();
        let tls = || TlsParameters::new(self.host.clone()).map_err(text);
        let mut connection = match self.security {
            // lettre has no public way to wrap a socket of ours in TLS from
            // the first byte: this one connection kind keeps lettre's socket.
            Security::Implicit => AsyncSmtpConnection::connect_tokio1(
                (self.host.as_str(), self.port),
                Some(SMTP_TIMEOUT),
                &self.hello,
                Some(tls()?),
                None,
            )
            .await
            .map_err(text)?,
            Security::Plain | Security::StartTls => {
                let where_to = format!("{}:{}", self.host, self.port);
                let socket = tokio::net::TcpStream::connect((self.host.as_str(), self.port))
                    .await
                    .map_err(|e| format!("cannot connect to {where_to}: {e}"))?;
                socket
                    .set_nodelay(true)
                    .map_err(|e| format!("cannot set TCP_NODELAY: {e}"))?;
                let mut connection =
                    AsyncSmtpConnection::connect_with_transport(Box::new(socket), &self.hello)
                        .await
                        .map_err(text)?;
                if self.security == Security::StartTls {
                    connection
                        .starttls(tls()?, &self.hello)
                        .await
                        .map_err(text)?;
                }
                connection
            }
        };
        // lettre keeps only the extensions it uses from its EHLO: asked
        // again (before AUTH, which a new EHLO could undo) for PIPELINING.
        let offered = connection
            .command(Ehlo::new(self.hello.clone()))
            .await
            .map_err(text)?;
        let pipelining = offered
            .message()
            .any(|line| line.trim().eq_ignore_ascii_case("PIPELINING"));
        if let Some(credentials) = &self.credentials {
            connection
                .auth(DEFAULT_MECHANISMS, credentials)
                .await
                .map_err(text)?;
        }
        Ok(Connection {
            smtp: connection,
            pipelining,
        })
    }
}

/// MAIL, RCPT, DATA and the message, on an open connection. A message or
/// an address that is not ASCII goes through lettre's own `send`, which
/// asks for 8BITMIME or SMTPUTF8 (Alerta's messages are ASCII: their
/// bodies are encoded, their headers too).
///
/// After any refusal the connection is dropped (see [`SmtpServer::send`]),
/// so answers of a group left unread never meet the next message.
async fn transmit(
    connection: &mut Connection,
    envelope: &Envelope,
    message: &Composed,
) -> Result<lettre::transport::smtp::response::Response, (Step, lettre::transport::smtp::Error)> {
    use lettre::transport::smtp::commands::{Data, Mail, Rcpt};
    let other = |e| (Step::Other, e);
    let recipient = |e| (Step::Recipient, e);
    let ascii = |address: &Address| AsRef::<str>::as_ref(address).is_ascii();
    let ascii_addresses = envelope.from().is_none_or(ascii) && envelope.to().iter().all(ascii);
    let smtp = &mut connection.smtp;
    let head = data_start(&message.head);
    let data = match (&head, message.body.data()) {
        (Some(head), Some(rest)) if ascii_addresses => [head.as_str(), rest],
        _ => {
            let bytes = message.to_bytes();
            return smtp.send(envelope, &bytes).await.map_err(other);
        }
    };
    let mail = Mail::new(envelope.from().cloned(), vec![]).to_string();
    let rcpts: Vec<String> = (envelope.to().iter())
        .map(|to| Rcpt::new(to.clone(), vec![]).to_string())
        .collect();
    if connection.pipelining {
        // One group ending with DATA (RFC 2920 3.1), then each answer in
        // order: the first refusal is the one reported.
        let group = [mail, rcpts.concat(), Data.to_string()].concat();
        smtp.command(RawData(&[&group])).await.map_err(other)?;
        for _ in &rcpts {
            smtp.read_response().await.map_err(recipient)?;
        }
        smtp.read_response().await.map_err(other)?;
    } else {
        smtp.command(RawData(&[&mail])).await.map_err(other)?;
        for rcpt in &rcpts {
            smtp.command(RawData(&[rcpt])).await.map_err(recipient)?;
        }
        smtp.command(Data).await.map_err(other)?;
    }
    // Written whole; the answer is the server's verdict on the message.
    smtp.command(RawData(&data)).await.map_err(other)
}

/// The step of a mail transaction an error came from.
enum Step {
    /// The answer to RCPT: about the recipient's address.
    Recipient,
    Other,
}

/// Text for the server as it is (commands, or what goes after DATA, already
/// dot-stuffed), written from its pieces by [`AsyncSmtpConnection::command`].
struct RawData<'a>(&'a [&'a str]);

impl std::fmt::Display for RawData<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.iter().try_for_each(|piece| f.write_str(piece))
    }
}

/// The start of DATA (RFC 5321 4.5.2): a message's header block, a dot
/// doubled at the start of each line. None when it is not ASCII.
fn data_start(head: &[u8]) -> Option<String> {
    if !head.is_ascii() {
        return None;
    }
    let mut data = Vec::with_capacity(head.len() + 8);
    dot_stuff(head, &mut data);
    String::from_utf8(data).ok()
}

/// The rest of DATA, after the header block: `rest` dot-stuffed, ended by
/// a line end, then the final dot. None when it is not ASCII.
pub(crate) fn data_end(rest: &[u8]) -> Option<String> {
    if !rest.is_ascii() {
        return None;
    }
    let mut data = Vec::with_capacity(rest.len() + 64);
    dot_stuff(rest, &mut data);
    if !data.ends_with(b"\r\n") {
        data.extend_from_slice(b"\r\n");
    }
    data.extend_from_slice(b".\r\n");
    String::from_utf8(data).ok()
}

/// `lines`, which start at the start of a line, onto `out` with a dot
/// doubled at the start of every line.
fn dot_stuff(lines: &[u8], out: &mut Vec<u8>) {
    let mut line_start = 0;
    if lines.first() == Some(&b'.') {
        out.push(b'.');
    }
    for newline in memchr::memchr_iter(b'\n', lines) {
        if lines.get(newline + 1) == Some(&b'.') {
            out.extend_from_slice(&lines[line_start..=newline]);
            out.push(b'.');
            line_start = newline + 1;
        }
    }
    out.extend_from_slice(&lines[line_start..]);
}

/// One file per Message-ID, written whole then renamed: a retry replaces the
/// file instead of adding a second copy. The envelope sender is written
/// first as `Return-Path`, as the last server on a message's way does.
async fn write_eml(
    dir: &std::path::Path,
    message: &Composed,
    envelope: &Envelope,
) -> Result<(), SendError> {
    let name: String = (message.message_id.chars())
        .filter(|c| c.is_ascii_alphanumeric() || ".-_".contains(*c))
        .collect();
    let path = dir.join(format!("{name}.eml"));
    let partial = dir.join(format!(".{name}.partial"));
    let io =
        |e: std::io::Error| SendError::Transient(format!("cannot write {}: {e}", path.display()));
    let return_path = envelope
        .from()
        .map(|from| format!("Return-Path: <{from}>\r\n"))
        .unwrap_or_default();
    let mut bytes = return_path.into_bytes();
    bytes.extend_from_slice(&message.to_bytes());
    tokio::fs::write(&partial, bytes).await.map_err(io)?;
    tokio::fs::rename(&partial, &path).await.map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_doubles_a_dot_that_starts_a_line_and_ends_with_one() {
        assert_eq!(data_end(b"a\r\n.b\r\n").unwrap(), "a\r\n..b\r\n.\r\n");
        assert_eq!(data_end(b".\r\n").unwrap(), "..\r\n.\r\n");
        assert_eq!(data_end(b"no end").unwrap(), "no end\r\n.\r\n");
        assert_eq!(data_end(b"a.b\r\n..\r\n").unwrap(), "a.b\r\n...\r\n.\r\n");
        assert_eq!(data_end("señal".as_bytes()), None);
        assert_eq!(
            data_start(b"A: 1\r\n.B: 2\r\n").unwrap(),
            "A: 1\r\n..B: 2\r\n"
        );
        assert_eq!(data_start("A: ñ\r\n".as_bytes()), None);
    }

    #[test]
    fn smtp_urls_are_read_or_refused_clearly() {
        let read = |url| SmtpServer::from_url(url).map(|s| (s.host, s.port, s.security));
        assert_eq!(
            read("smtp://127.0.0.1:2525").ok(),
            Some(("127.0.0.1".into(), 2525, Security::Plain))
        );
        let with_login =
            SmtpServer::from_url("smtp://user:p%40ss@mail.example.org:587?tls=starttls")
                .expect("a valid URL");
        assert_eq!(with_login.security, Security::StartTls);
        assert!(with_login.credentials.is_some());
        assert_eq!(
            read("smtp://mail.example.org:465").ok(),
            Some(("mail.example.org".into(), 465, Security::Implicit))
        );
        assert_eq!(
            read("smtp://mail.example.org").ok(),
            Some(("mail.example.org".into(), 587, Security::StartTls))
        );
        let err = |url| {
            SmtpServer::from_url(url)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert!(err("http://mail.example.org").contains("smtp://"));
        assert!(err("smtp://mail.example.org?tls=maybe").contains("starttls, tls or none"));
        assert!(err("not a url").contains("not valid"));
    }
}

//! A real SMTP server (aiosmtpd, see tests/smtp/server.py) that keeps what it
//! receives, and the MIME parser that reads it back.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct SmtpServer {
    pub port: u16,
    dir: tempfile::TempDir,
    child: Child,
    headers_only: bool,
}

/// A received message, parsed.
pub struct Received {
    pub raw: Vec<u8>,
    pub to: String,
    /// When the server stored it.
    pub arrived: std::time::SystemTime,
}

impl Received {
    pub fn parsed(&self) -> mail_parser::Message<'_> {
        mail_parser::MessageParser::default()
            .parse(&self.raw)
            .expect("a MIME message")
    }

    pub fn subject(&self) -> String {
        self.parsed().subject().unwrap_or_default().to_string()
    }

    pub fn text(&self) -> String {
        self.parsed()
            .body_text(0)
            .map(|t| t.into_owned())
            .unwrap_or_default()
    }

    pub fn html(&self) -> String {
        self.parsed()
            .body_html(0)
            .map(|t| t.into_owned())
            .unwrap_or_default()
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.parsed().header_raw(name).map(|v| v.trim().to_string())
    }

    /// The first link in the text part that starts with `prefix`, as a path.
    pub fn link(&self, prefix: &str) -> String {
        let text = self.text();
        let start = text
            .find(prefix)
            .unwrap_or_else(|| panic!("no {prefix} link in:\n{text}"));
        let link: String = text[start..]
            .chars()
            .take_while(|c| !c.is_whitespace())
            .collect();
        link.replace("http://alerta.test", "")
    }
}

fn python() -> String {
    std::env::var("ALERTA_TEST_PYTHON").unwrap_or_else(|_| "python3".into())
}

impl SmtpServer {
    pub fn start() -> SmtpServer {
        Self::start_keeping(false)
    }

    /// A server that keeps only each message's headers: for the tests that
    /// count tens of thousands of recipients, whose posters would fill a
    /// small disk (20,000 alerts are about a gigabyte).
    pub fn start_keeping_headers_only() -> SmtpServer {
        Self::start_keeping(true)
    }

    fn start_keeping(headers_only: bool) -> SmtpServer {
        let dir = tempfile::tempdir().unwrap();
        let (port, child) = Self::spawn(dir.path(), None, headers_only);
        SmtpServer {
            port,
            dir,
            child,
            headers_only,
        }
    }

    /// Kills the server (an outage: connections are refused from now on).
    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Starts it again on the same port, keeping what it received.
    pub fn restart(&mut self) {
        let (_, child) = Self::spawn(self.dir.path(), Some(self.port), self.headers_only);
        self.child = child;
    }

    fn spawn(dir: &std::path::Path, port: Option<u16>, headers_only: bool) -> (u16, Child) {
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/smtp/server.py");
        let mut command = Command::new(python());
        command.arg("-u").arg(script).arg("--dir").arg(dir);
        if let Some(port) = port {
            command.arg("--port").arg(port.to_string());
        }
        if headers_only {
            command.arg("--headers-only");
        }
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 runs (scripts/test installs aiosmtpd)");
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        let port = first
            .strip_prefix("PORT ")
            .and_then(|p| p.trim().parse().ok())
            .unwrap_or_else(|| {
                panic!("the SMTP server did not start (is aiosmtpd installed?): {first:?}")
            });
        (port, child)
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}?tls=none", self.port)
    }

    /// The recipient of every message received so far (cheap: file names only).
    pub fn recipients(&self) -> Vec<String> {
        std::fs::read_dir(self.dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".eml") && !n.starts_with('.'))
            .filter_map(|n| {
                n.split_once('-')
                    .map(|(_, rest)| rest.trim_end_matches(".eml").to_string())
            })
            .collect()
    }

    /// Everything received so far, oldest first.
    pub fn received(&self) -> Vec<Received> {
        let mut names: Vec<_> = std::fs::read_dir(self.dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".eml") && !n.starts_with('.'))
            .collect();
        names.sort();
        names
            .into_iter()
            .map(|name| {
                let to = name
                    .split_once('-')
                    .map(|(_, rest)| rest.trim_end_matches(".eml").to_string())
                    .unwrap_or_default();
                let path = self.dir.path().join(&name);
                Received {
                    raw: std::fs::read(&path).unwrap(),
                    to,
                    arrived: std::fs::metadata(&path).unwrap().modified().unwrap(),
                }
            })
            .collect()
    }

    /// Waits (up to a minute) until `count` messages for `to` have arrived.
    pub async fn wait_for(&self, to: &str, count: usize) -> Vec<Received> {
        let started = Instant::now();
        loop {
            let mine: Vec<Received> = self
                .received()
                .into_iter()
                .filter(|m| m.to.eq_ignore_ascii_case(to))
                .collect();
            if mine.len() >= count {
                return mine;
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "{count} message(s) for {to} never arrived"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl SmtpServer {
    /// Waits (up to a minute) for a message of `kind` to `to`: the first
    /// whose Message-ID starts with that kind ("alert", "manage", ...).
    pub async fn wait_for_kind(&self, to: &str, kind: &str) -> Received {
        let started = Instant::now();
        let prefix = format!("<{kind}.");
        loop {
            let found = self.received().into_iter().find(|m| {
                m.to.eq_ignore_ascii_case(to)
                    && m.header("Message-ID")
                        .is_some_and(|id| id.starts_with(&prefix))
            });
            if let Some(mail) = found {
                return mail;
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "no {kind} message for {to} arrived"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

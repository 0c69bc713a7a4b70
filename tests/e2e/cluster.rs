//! Three `alerta serve` behind HAProxy (Debian's) on one PostgreSQL of
//! their own, as an operator runs them: a node SIGKILLed in the middle of
//! a 20 000-recipient fan-out and started again, then the database
//! restarted (`pg_ctl restart -m fast`) in the middle of another, while the
//! public and the police read through the balancer the whole time.
//!
//! It runs in the PostgreSQL pass (scripts/test names HAProxy and the
//! PostgreSQL binaries): its own cluster, because restarting the one the
//! other tests share would fail them.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use alerta_store::{MailKind, Store};
use serde_json::{Value, json};

use crate::common::*;
use crate::crash::{
    IN_FLIGHT_PER_SENDER, publish_for_everyone, stop, volunteers_and_an_officer,
    wait_for_empty_outbox, wait_until,
};
use crate::smtp::SmtpServer;

const RECIPIENTS: usize = 20_000;
const NODES: usize = 3;
/// A killed node's claims come back after this; well above a round's time
/// on a loaded machine, so that no live node's round is taken from it.
const LEASE_SECONDS: u32 = 15;
/// The longest a reader waits for any answer: the bound "never hangs" means.
const ANSWER_WITHIN: Duration = Duration::from_secs(20);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_nodes_behind_a_balancer_survive_a_killed_node_and_a_database_restart() {
    let Some(tools) = Tools::from_env() else {
        return;
    };
    let postgres = OwnPostgres::start(&tools.pg_bin);
    let url = postgres.url();
    let store = Store::connect(&url, &alerta_places::WORLD).await.unwrap();
    store.migrate().await.unwrap();
    let police = volunteers_and_an_officer(&store, RECIPIENTS).await;

    let smtp = SmtpServer::start_keeping_headers_only();
    let dir = tempfile::tempdir().unwrap();
    let balancer_port = free_port();
    let public_url = format!("http://127.0.0.1:{balancer_port}");
    let mut nodes: Vec<Node> = (0..NODES)
        .map(|i| Node::start(i, &url, &smtp, dir.path(), &public_url))
        .collect();
    for node in &nodes {
        node.wait_until_ready().await;
    }
    let mut balancer = start_haproxy(&tools.haproxy, dir.path(), balancer_port, &nodes);
    let http = reqwest::Client::builder()
        .timeout(ANSWER_WITHIN)
        .build()
        .unwrap();
    wait_until(
        "the balancer answers",
        Duration::from_secs(30),
        async || {
            http.get(format!("{public_url}/readyz"))
                .send()
                .await
                .is_ok_and(|r| r.status().is_success())
        },
    )
    .await;
    let token = sign_in_through(&http, &public_url).await;

    // The first fan-out, and a node killed a third of the way through it.
    let first = publish_for_everyone(&store, &police, valid_case(), RECIPIENTS).await;
    let readers = Readers::start(&http, &public_url, first.0, &token);
    wait_for_messages(&smtp, RECIPIENTS / 3).await;
    stop(&mut nodes[1].child);
    wait_for_messages(&smtp, RECIPIENTS / 2).await;
    nodes[1].restart(&url, &smtp, dir.path(), &public_url);
    wait_for_empty_outbox(&store, first).await;

    // The second, and the database restarted a third of the way through.
    let second = publish_for_everyone(&store, &police, another_case("Rosa"), RECIPIENTS).await;
    wait_for_messages(&smtp, RECIPIENTS + RECIPIENTS / 3).await;
    postgres.restart_fast();
    wait_for_empty_outbox(&store, second).await;

    let answers = readers.stop().await;
    let mut figures = Vec::new();
    let mut desks = Vec::new();
    for case in [first, second] {
        let path = format!("{public_url}/api/v1/cases/{}/dispatch", case.0);
        let response = http.get(path).bearer_auth(&token).send().await.unwrap();
        figures.push(response.json::<Value>().await.unwrap());
        let desk = format!("{public_url}/police/cases/{}", case.0);
        let response = http.get(desk).bearer_auth(&token).send().await.unwrap();
        desks.push(response.text().await.unwrap());
    }
    nodes.iter_mut().for_each(|n| stop(&mut n.child));
    stop(&mut balancer);

    // Everyone reached by both alerts; repeats no more than were in flight
    // (one node's claims at the kill, every node's at the restart).
    let per_case = messages_per_case(&smtp, ["María José", "Rosa"]);
    for (case, received) in per_case.iter().enumerate() {
        let missing = (0..RECIPIENTS)
            .filter(|i| !received.contains_key(&format!("v{i}@example.org")))
            .count();
        assert_eq!(missing, 0, "fan-out {}: every volunteer got it", case + 1);
    }
    let repeats: Vec<usize> = per_case
        .iter()
        .map(|received| received.values().map(|n| n - 1).sum())
        .collect();
    eprintln!(
        "repeats: {} at the kill, {} at the restart",
        repeats[0], repeats[1]
    );
    assert!(repeats[0] <= IN_FLIGHT_PER_SENDER, "{repeats:?}");
    assert!(repeats[1] <= NODES * IN_FLIGHT_PER_SENDER, "{repeats:?}");
    for (case, figures) in [first, second].iter().zip(&figures) {
        let counts = store
            .outbox_counts(Some(*case), Some(MailKind::Alert))
            .await
            .unwrap();
        assert_eq!(
            counts,
            (0, RECIPIENTS as i64, 0),
            "no stuck lease, none failed"
        );
        assert_eq!(
            figures["sent"],
            json!(RECIPIENTS),
            "the police see it: {figures}"
        );
        assert_eq!(figures["queued"], json!(0), "{figures}");
    }
    for desk in &desks {
        let sent = format!("data-figure=\"sent\">{RECIPIENTS}<");
        assert!(desk.contains(&sent), "the desk shows every alert sent");
        assert!(
            desk.contains("data-figure=\"queued\">0<"),
            "and none waiting"
        );
    }

    answers.assert_all_answered();
    let runs = job_runs(&nodes);
    assert!(!runs.is_empty(), "the every-second job ran");
    let slots: HashSet<&(String, String)> = runs.iter().collect();
    assert_eq!(
        slots.len(),
        runs.len(),
        "a job ran twice for one slot: {runs:?}"
    );
    for node in &nodes {
        let lines = node.warnings();
        assert!(
            lines.len() <= 40,
            "node {} logged {} warnings, in a loop: {:?}",
            node.index,
            lines.len(),
            &lines[..lines.len().min(5)]
        );
    }
}

/// What the test needs beyond the usual: HAProxy and PostgreSQL's own
/// binaries; only in the PostgreSQL pass.
struct Tools {
    haproxy: PathBuf,
    pg_bin: PathBuf,
}

impl Tools {
    fn from_env() -> Option<Tools> {
        let postgres_pass =
            std::env::var("ALERTA_TEST_DATABASE_URL").is_ok_and(|url| url.starts_with("postgres"));
        if !postgres_pass {
            eprintln!("the three-node test runs in the PostgreSQL pass");
            return None;
        }
        let named = |name: &str| {
            std::env::var(name)
                .map(PathBuf::from)
                .unwrap_or_else(|_| panic!("{name} is set in the PostgreSQL pass (scripts/test)"))
        };
        Some(Tools {
            haproxy: named("ALERTA_TEST_HAPROXY"),
            pg_bin: named("ALERTA_TEST_PG_BIN"),
        })
    }
}

/// A throw-away PostgreSQL cluster this test may restart.
struct OwnPostgres {
    bin: PathBuf,
    dir: tempfile::TempDir,
    port: u16,
}

impl OwnPostgres {
    fn start(bin: &Path) -> OwnPostgres {
        let dir = tempfile::Builder::new()
            .prefix("alerta-cluster-pg")
            .tempdir()
            .unwrap();
        if running_as_root() {
            // PostgreSQL refuses to run as root.
            run(Command::new("chown").arg("postgres").arg(dir.path()));
        }
        let postgres = OwnPostgres {
            bin: bin.to_path_buf(),
            dir,
            port: free_port(),
        };
        let data = postgres.data();
        run(postgres.command("initdb").arg("-D").arg(&data).args([
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
        ]));
        run(&mut postgres.pg_ctl("start"));
        postgres
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// `pg_ctl restart -m fast`: every connection cut, back when it returns.
    fn restart_fast(&self) {
        run(self.pg_ctl("restart").args(["-m", "fast"]));
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn pg_ctl(&self, action: &str) -> Command {
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c max_connections=200 \
             -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            self.port,
            self.dir.path().display()
        );
        let mut command = self.command("pg_ctl");
        command
            .arg("-D")
            .arg(self.data())
            .arg("-l")
            .arg(self.dir.path().join("log"))
            .args(["-w", "-o", &options, action]);
        command
    }

    fn command(&self, program: &str) -> Command {
        let program = self.bin.join(program);
        if running_as_root() {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(program);
            command
        } else {
            Command::new(program)
        }
    }
}

impl Drop for OwnPostgres {
    fn drop(&mut self) {
        let _ = self
            .command("pg_ctl")
            .arg("-D")
            .arg(self.data())
            .args(["-m", "immediate", "stop"])
            .stdout(Stdio::null())
            .status();
    }
}

fn running_as_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

fn run(command: &mut Command) {
    let output = command.output().expect("the command starts");
    assert!(
        output.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// One `alerta serve`, its log in a file of its own.
struct Node {
    index: usize,
    port: u16,
    child: Child,
    log: PathBuf,
}

impl Node {
    fn start(index: usize, url: &str, smtp: &SmtpServer, dir: &Path, public_url: &str) -> Node {
        let port = free_port();
        let log = dir.join(format!("node-{index}.log"));
        let child = Self::spawn(index, port, &log, url, smtp, dir, public_url);
        Node {
            index,
            port,
            child,
            log,
        }
    }

    fn restart(&mut self, url: &str, smtp: &SmtpServer, dir: &Path, public_url: &str) {
        self.child = Self::spawn(self.index, self.port, &self.log, url, smtp, dir, public_url);
    }

    fn spawn(
        index: usize,
        port: u16,
        log: &Path,
        url: &str,
        smtp: &SmtpServer,
        dir: &Path,
        public_url: &str,
    ) -> Child {
        let data = dir.join(format!("node-{index}"));
        std::fs::create_dir_all(&data).unwrap();
        let log = File::options().create(true).append(true).open(log).unwrap();
        Command::new(env!("CARGO_BIN_EXE_alerta"))
            .arg("serve")
            .env("ALERTA_DATABASE_URL", url)
            .env("ALERTA_SMTP_URL", smtp.url())
            .env("ALERTA_BIND", format!("127.0.0.1:{port}"))
            .env("ALERTA_PUBLIC_URL", public_url)
            .env("ALERTA_DATA_DIR", &data)
            .env("ALERTA_SEND_LEASE_SECONDS", LEASE_SECONDS.to_string())
            // A job every second, looked for four times a second: slots
            // every node competes for, through the kill and the restart.
            .env("ALERTA_JOB_PURGE_EXPIRED_TOKENS", "* * * * * *")
            .env("ALERTA_JOB_TICK_MS", "250")
            .env("ALERTA_LOG", "warn,alerta_app::jobs=info")
            .env("ALERTA_LOG_FORMAT", "json")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("alerta serve starts")
    }

    async fn wait_until_ready(&self) {
        let url = format!("http://127.0.0.1:{}/readyz", self.port);
        wait_until("a node is ready", Duration::from_secs(60), async || {
            reqwest::get(&url)
                .await
                .is_ok_and(|r| r.status().is_success())
        })
        .await;
    }

    fn log_lines(&self) -> Vec<Value> {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .filter_map(|line| serde_json::from_str(line).ok())
            .collect()
    }

    fn warnings(&self) -> Vec<String> {
        self.log_lines()
            .into_iter()
            .filter(|l| l["level"] == "WARN" || l["level"] == "ERROR")
            .map(|l| l["fields"]["message"].to_string())
            .collect()
    }
}

/// Every (job, slot) any node ran, from their logs.
fn job_runs(nodes: &[Node]) -> Vec<(String, String)> {
    nodes
        .iter()
        .flat_map(Node::log_lines)
        .filter(|l| l["fields"]["message"] == "scheduled job ran")
        .map(|l| {
            let field = |name: &str| l["fields"][name].as_str().unwrap_or_default().to_string();
            (field("job"), field("slot"))
        })
        .collect()
}

/// HAProxy in front of the nodes, as the operators guide configures it:
/// a node leaves the rotation when its `/readyz` fails, a request a dying
/// node dropped is sent to another, and when no node is ready the
/// balancer itself says to come back, with `Retry-After`.
fn start_haproxy(haproxy: &Path, dir: &Path, port: u16, nodes: &[Node]) -> Child {
    let servers: String = nodes
        .iter()
        .map(|n| format!("  server node{} 127.0.0.1:{} check\n", n.index, n.port))
        .collect();
    let config = include_str!("../../docs/examples/haproxy.cfg")
        .replace("127.0.0.1:8080", &format!("127.0.0.1:{port}"))
        .replace("  server node1 10.0.0.11:3000 check\n", &servers)
        .replace("  server node2 10.0.0.12:3000 check\n", "")
        .replace("  server node3 10.0.0.13:3000 check\n", "");
    let path = dir.join("haproxy.cfg");
    std::fs::write(&path, config).unwrap();
    run(Command::new(haproxy)
        .arg("-c")
        .arg("-q")
        .arg("-f")
        .arg(&path));
    Command::new(haproxy)
        .arg("-db")
        .arg("-f")
        .arg(&path)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("haproxy starts")
}

async fn sign_in_through(http: &reqwest::Client, public_url: &str) -> String {
    let response = http
        .post(format!("{public_url}/api/v1/sessions"))
        .json(&json!({ "email": "jefa@policia.example", "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    let session: Value = response.json().await.unwrap();
    session["token"].as_str().unwrap().to_string()
}

async fn wait_for_messages(smtp: &SmtpServer, count: usize) {
    wait_until(
        &format!("{count} messages arrived"),
        Duration::from_secs(600),
        async || smtp.recipients().len() >= count,
    )
    .await;
}

/// How many messages each recipient got, for each case (told apart by the
/// name in the subject).
fn messages_per_case<const N: usize>(
    smtp: &SmtpServer,
    names: [&str; N],
) -> [HashMap<String, usize>; N] {
    let mut per_case: [HashMap<String, usize>; N] = std::array::from_fn(|_| HashMap::new());
    for message in smtp.received() {
        let subject = message.subject();
        let case = names
            .iter()
            .position(|name| subject.contains(name))
            .unwrap_or_else(|| panic!("a message of neither case: {subject}"));
        *per_case[case].entry(message.to.clone()).or_default() += 1;
    }
    per_case
}

/// People reading through the balancer while it all happens: the home
/// page, the case page, its card, and the police's desk and dispatch
/// figures.
struct Readers {
    running: Arc<AtomicBool>,
    tasks: Vec<tokio::task::JoinHandle<Vec<Answer>>>,
}

#[derive(Debug)]
enum Answer {
    Status { status: u16, retry_after: bool },
    NoAnswer(String),
}

struct Answers(Vec<Answer>);

impl Readers {
    fn start(http: &reqwest::Client, public_url: &str, case: i64, token: &str) -> Readers {
        let running = Arc::new(AtomicBool::new(true));
        let paths = [
            ("/".to_string(), false),
            (format!("/cases/{case}"), false),
            (format!("/cases/{case}/poster.png"), false),
            (format!("/api/v1/cases/{case}/dispatch"), true),
            (format!("/police/cases/{case}"), true),
        ];
        let tasks = (0..4)
            .map(|reader| {
                let (http, running) = (http.clone(), running.clone());
                let (base, token, paths) =
                    (public_url.to_string(), token.to_string(), paths.clone());
                tokio::spawn(async move {
                    let mut answers = Vec::new();
                    for (path, as_police) in paths.iter().cycle().skip(reader) {
                        if !running.load(Ordering::Relaxed) {
                            break;
                        }
                        let mut request = http.get(format!("{base}{path}"));
                        if *as_police {
                            request = request.bearer_auth(&token);
                        }
                        answers.push(match request.send().await {
                            Ok(r) => Answer::Status {
                                status: r.status().as_u16(),
                                retry_after: r.headers().contains_key("retry-after"),
                            },
                            Err(e) => Answer::NoAnswer(format!("{path}: {e}")),
                        });
                    }
                    answers
                })
            })
            .collect();
        Readers { running, tasks }
    }

    async fn stop(self) -> Answers {
        self.running.store(false, Ordering::Relaxed);
        let mut all = Vec::new();
        for task in self.tasks {
            all.extend(task.await.unwrap());
        }
        Answers(all)
    }
}

impl Answers {
    /// Every request answered within the bound: a page, or a 503 saying
    /// when to come back; never a hang, never a bare error.
    fn assert_all_answered(&self) {
        let mut statuses: HashMap<u16, usize> = HashMap::new();
        for answer in &self.0 {
            match answer {
                Answer::Status {
                    status,
                    retry_after,
                } => {
                    *statuses.entry(*status).or_default() += 1;
                    assert!(
                        *status == 200 || (*status == 503 && *retry_after),
                        "an answer that is neither a page nor a 503 with Retry-After: {answer:?}"
                    );
                }
                Answer::NoAnswer(why) => panic!("a request got no answer: {why}"),
            }
        }
        eprintln!("readers' answers by status: {statuses:?}");
        assert!(statuses.get(&200).is_some_and(|n| *n > 100), "{statuses:?}");
    }
}

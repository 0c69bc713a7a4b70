use std::io::IsTerminal;

use alerta::{Settings, app, demo};
use alerta_core::Role;
use anyhow::{Context, bail};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

/// Alerta: missing-persons alerts for volunteer networks.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Apply migrations, then serve the web site and the API.
    Serve,
    /// Apply migrations and exit.
    Migrate,
    /// Manage organisations (police units, NGOs) and where they act.
    Orgs {
        #[command(subcommand)]
        command: OrgsCommand,
    },
    /// Manage partners: organisations that post alerts where people pass.
    Partners {
        #[command(subcommand)]
        command: PartnersCommand,
    },
    /// Manage accounts.
    Users {
        #[command(subcommand)]
        command: UsersCommand,
    },
    /// Fill an empty database with example cases and accounts.
    Demo,
    /// Follow the alert mail of a case until every message is sent or failed.
    Dispatch {
        /// The case number.
        case: i64,
    },
    /// Write a case's poster (PDF) or card (PNG) to a file.
    #[command(group(clap::ArgGroup::new("source").required(true).args(["case", "json"])))]
    Poster {
        /// A stored case, by number.
        #[arg(long)]
        case: Option<i64>,
        /// A JSON file describing the case, without any database (see docs/examples/poster.json).
        #[arg(long)]
        json: Option<std::path::PathBuf>,
        /// es, pt, fr or en; the case's own language when left out.
        #[arg(long)]
        lang: Option<String>,
        /// a4 or letter.
        #[arg(long, default_value = "a4")]
        paper: String,
        /// pdf or png; else from the output file's extension.
        #[arg(long, value_enum)]
        format: Option<alerta::poster::Format>,
        #[arg(short, long)]
        output: std::path::PathBuf,
    },
    /// Manage volunteers.
    Volunteers {
        #[command(subcommand)]
        command: VolunteersCommand,
    },
    /// DKIM keys for signing Alerta's mail.
    Dkim {
        #[command(subcommand)]
        command: DkimCommand,
    },
    /// Write a consistent copy of the SQLite database to a new file while
    /// Alerta runs (on PostgreSQL, says how to use pg_dump).
    Backup {
        /// The new file (never overwritten).
        path: std::path::PathBuf,
    },
    /// Reports of mail that did not arrive.
    Bounces {
        #[command(subcommand)]
        command: BouncesCommand,
    },
}

#[derive(Subcommand)]
enum BouncesCommand {
    /// Read one message on standard input (a bounce, a complaint or
    /// anything else) and record what it says: what the mail server pipes
    /// ALERTA_RETURN_PATH's mail to. Exits 0 unless the database cannot
    /// be reached (75: deliver again later).
    Ingest,
}

#[derive(Subcommand)]
enum DkimCommand {
    /// Write a new private key and print the DNS TXT record to publish.
    Generate {
        /// The selector the key is published under (`s=`): a new one per key.
        #[arg(long)]
        selector: String,
        /// The signing domain (`d=`): the domain of ALERTA_MAIL_FROM, or its parent.
        #[arg(long)]
        domain: String,
        /// rsa (2048 bits, read by every receiver) or ed25519.
        #[arg(long, default_value = "rsa")]
        algorithm: String,
        /// Where the key goes (PEM, readable by its owner only).
        #[arg(short, long, default_value = "dkim.pem")]
        output: std::path::PathBuf,
    },
}

#[derive(Subcommand)]
enum VolunteersCommand {
    /// Import a CSV list: email,language,lat,lng,radius_km,place,region (one zone per row).
    Import {
        file: std::path::PathBuf,
        /// The addresses gave their consent before: no confirmation mail, alerts at once.
        #[arg(long)]
        confirmed: bool,
    },
}

#[derive(Subcommand)]
enum OrgsCommand {
    /// Create an organisation, or set the jurisdiction and contact of one.
    Add {
        #[arg(long)]
        name: String,
        /// ISO 3166 countries or first-level regions, comma-separated ("BO",
        /// "BO-C,BO-L"); "" for anywhere (a national unit).
        #[arg(long)]
        jurisdiction: String,
        /// Where a case whose alert reaches into the jurisdiction is announced.
        #[arg(long)]
        contact_email: Option<String>,
    },
    /// List the organisations, their jurisdictions and accounts.
    List,
}

#[derive(Subcommand)]
enum PartnersCommand {
    /// Register a partner (you vouch for it: no confirmation); it gets the
    /// alerts of its kind whose area reaches its place, from now on.
    #[command(group(clap::ArgGroup::new("where").required(true).args(["lat", "place"])))]
    Add {
        #[arg(long)]
        name: String,
        /// bus_terminal, border_post, airport, hospital, school, media, transport or other.
        #[arg(long)]
        kind: String,
        /// Where its alerts go.
        #[arg(long)]
        email: String,
        /// es, pt, fr or en (default es).
        #[arg(long)]
        language: Option<String>,
        /// Its point (with --lng).
        #[arg(long, requires = "lng", allow_hyphen_values = true)]
        lat: Option<f64>,
        #[arg(long, requires = "lat", allow_hyphen_values = true)]
        lng: Option<f64>,
        /// How far around its point or town it watches (default 1 km around
        /// a point, the town's size around a town).
        #[arg(long)]
        radius_km: Option<f64>,
        /// A town by name ("Desaguadero, BO"), instead of a point.
        #[arg(long)]
        place: Option<String>,
    },
    /// List the partners: kind, name, place, language, address.
    List,
}

#[derive(Subcommand)]
enum UsersCommand {
    /// Create an account. The password comes from ALERTA_PASSWORD or a prompt.
    Add {
        #[arg(long)]
        email: String,
        /// admin, police or family
        #[arg(long)]
        role: String,
        /// The police unit or NGO the account belongs to.
        #[arg(long)]
        org: Option<String>,
    },
    /// List the accounts: address, role, organisation.
    List,
    /// Lift the lock of an account that many addresses failed to sign in to.
    Unlock {
        #[arg(long)]
        email: String,
    },
    /// Set a new password (from ALERTA_PASSWORD or a prompt); ends the account's sessions.
    ResetPassword {
        #[arg(long)]
        email: String,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = parse_arguments()?;
    let settings = Settings::load().context("cannot read the settings")?;
    init_logging(&settings);
    match cli.command {
        Command::Serve => serve(settings).await,
        Command::Migrate => {
            app::open_store(&settings).await?;
            println!(
                "Migrations applied to {}",
                alerta::settings::mask_password(&settings.database_url)
            );
            Ok(())
        }
        Command::Users {
            command: UsersCommand::Add { email, role, org },
        } => add_user(&settings, &email, &role, org.as_deref()).await,
        Command::Users {
            command: UsersCommand::List,
        } => {
            let store = app::open_store(&settings).await?;
            alerta::accounts::list(&store, &mut std::io::stdout().lock()).await
        }
        Command::Users {
            command: UsersCommand::Unlock { email },
        } => {
            let commands = app::commands(&settings).await?;
            alerta::accounts::unlock(&commands, &email).await
        }
        Command::Users {
            command: UsersCommand::ResetPassword { email },
        } => {
            let password = read_password()?;
            let commands = app::commands(&settings).await?;
            alerta::accounts::reset_password(&commands, &email, &password).await
        }
        Command::Orgs {
            command:
                OrgsCommand::Add {
                    name,
                    jurisdiction,
                    contact_email,
                },
        } => {
            let commands = app::commands(&settings).await?;
            alerta::orgs::add(&commands, &name, &jurisdiction, contact_email.as_deref()).await
        }
        Command::Dkim {
            command:
                DkimCommand::Generate {
                    selector,
                    domain,
                    algorithm,
                    output,
                },
        } => alerta::dkim::generate(&selector, &domain, &algorithm, &output),
        Command::Partners {
            command:
                PartnersCommand::Add {
                    name,
                    kind,
                    email,
                    language,
                    lat,
                    lng,
                    radius_km,
                    place,
                },
        } => {
            let commands = app::commands(&settings).await?;
            let input = alerta_core::PartnerInput {
                name: Some(name),
                kind: Some(kind),
                email: Some(email),
                language,
                lat,
                lng,
                radius_km,
                place,
            };
            alerta::partners::add(&commands, &input).await
        }
        Command::Partners {
            command: PartnersCommand::List,
        } => {
            let store = app::open_store(&settings).await?;
            alerta::partners::list(&store, &mut std::io::stdout().lock()).await
        }
        Command::Orgs {
            command: OrgsCommand::List,
        } => {
            let store = app::open_store(&settings).await?;
            alerta::orgs::list(&store, &mut std::io::stdout().lock()).await
        }
        Command::Volunteers {
            command: VolunteersCommand::Import { file, confirmed },
        } => {
            let commands = app::commands(&settings).await?;
            let mut stdout = std::io::stdout().lock();
            let report =
                alerta::import::import_file(&commands, &file, confirmed, &mut stdout).await?;
            let s = report.stored;
            println!(
                "{} rows: {} refused; {} new volunteers, {} zones added; {} rows skipped (address unsubscribed earlier), {} (zone held already), {} (over {} zones per address)",
                report.rows,
                report.refused,
                s.volunteers_created,
                s.zones_added,
                s.skipped_unsubscribed,
                s.skipped_already_held,
                s.skipped_zone_limit,
                alerta_core::enrolment::MAX_ZONES_PER_VOLUNTEER,
            );
            if !confirmed && s.volunteers_created > 0 {
                println!(
                    "{} confirmation mails are queued; a running `alerta serve` sends them.",
                    s.volunteers_created
                );
            }
            Ok(())
        }
        Command::Backup { path } => {
            let store = app::open_store(&settings).await?;
            alerta::backup::write(&store, &settings, &path).await
        }
        Command::Bounces {
            command: BouncesCommand::Ingest,
        } => std::process::exit(alerta::bounces::ingest(&settings).await),
        Command::Dispatch { case } => {
            let store = app::open_store(&settings).await?;
            alerta::dispatch::follow(&store, alerta_core::CaseId(case)).await
        }
        Command::Poster {
            case,
            json,
            lang,
            paper,
            format,
            output,
        } => {
            let request = alerta::poster::Request {
                language: lang
                    .map(|l| alerta_core::Language::parse("--lang", &l))
                    .transpose()
                    .map_err(|e| anyhow::anyhow!("{}: {}", e.field, e.message))?,
                paper: alerta_poster::Paper::parse(&paper)
                    .ok_or_else(|| anyhow::anyhow!("--paper: must be a4 or letter"))?,
                format: alerta::poster::Format::for_output(format, &output),
            };
            let bytes = match (case, json) {
                (_, Some(json)) => alerta::poster::from_json(&json, &request)?,
                (Some(case), None) => {
                    let store = app::open_store(&settings).await?;
                    alerta::poster::from_store(
                        &store,
                        &settings.public_url,
                        alerta_core::CaseId(case),
                        &request,
                    )
                    .await?
                }
                (None, None) => unreachable!("clap requires --case or --json"),
            };
            std::fs::write(&output, &bytes)
                .with_context(|| format!("cannot write {}", output.display()))?;
            println!("{} ({} bytes)", output.display(), bytes.len());
            Ok(())
        }
        Command::Demo => {
            let store = app::open_store(&settings).await?;
            demo::fill(&store, &settings).await
        }
    }
}

/// The command line, with the settings and their defaults at the end of
/// `alerta --help` and `alerta serve --help`.
fn parse_arguments() -> Result<Cli, clap::Error> {
    let settings = alerta::settings::help();
    let command = Cli::command()
        .after_help(settings.clone())
        .mut_subcommand("serve", |serve| serve.after_help(settings));
    Cli::from_arg_matches(&command.get_matches())
}

async fn serve(settings: Settings) -> anyhow::Result<()> {
    tracing::info!(
        "starting Alerta {} with settings:\n{settings}",
        env!("CARGO_PKG_VERSION")
    );
    let running = app::start(&settings, app::system_clock()).await?;
    tracing::info!("listening on http://{}", running.addr);
    running.wait().await
}

async fn add_user(
    settings: &Settings,
    email: &str,
    role: &str,
    org: Option<&str>,
) -> anyhow::Result<()> {
    let role = Role::parse(role).map_err(|e| anyhow::anyhow!("--role {}", e.message))?;
    let password = read_password()?;
    let commands = app::commands(settings).await?;
    let added = commands
        .add_user(email, &password, role, org)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    if let Some(organisation) = added.new_organisation {
        eprintln!(
            "warning: the organisation \"{}\" did not exist: it was created without a jurisdiction, \
             so its officers act anywhere. Limit it with: alerta orgs add --name \"{}\" --jurisdiction CODES",
            organisation.name, organisation.name
        );
    }
    println!(
        "Created {} account {} for {email}",
        role.as_str(),
        added.id.0
    );
    Ok(())
}

/// The password from ALERTA_PASSWORD, or asked twice in a terminal.
fn read_password() -> anyhow::Result<String> {
    match std::env::var("ALERTA_PASSWORD") {
        Ok(password) => Ok(password),
        Err(_) if std::io::stdin().is_terminal() => {
            let first = rpassword::prompt_password("Password: ")?;
            if rpassword::prompt_password("Repeat it: ")? != first {
                bail!("the passwords differ");
            }
            Ok(first)
        }
        Err(_) => bail!("set ALERTA_PASSWORD, or run in a terminal to be asked for the password"),
    }
}

fn init_logging(settings: &Settings) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("ALERTA_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn,tower_http=warn"));
    // Logs go to stderr; stdout is for what a command reports.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal());
    if settings.log_format == "json" {
        builder.json().init();
    } else {
        builder.init();
    }
}

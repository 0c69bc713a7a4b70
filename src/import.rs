//! `alerta volunteers import FILE.csv`: brings an existing volunteer list in,
//! streaming (never the whole file in memory), one transaction per batch.

use std::io::Write;
use std::path::Path;

use alerta_app::Alerta;
use alerta_core::{FieldError, NewSubscription, SubscriptionInput, ZoneInput};
use alerta_store::ImportOutcome;
use anyhow::{Context, bail};
use indicatif::{ProgressBar, ProgressStyle};

const COLUMNS: [&str; 7] = [
    "email",
    "language",
    "lat",
    "lng",
    "radius_km",
    "place",
    "region",
];

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ImportReport {
    pub rows: u64,
    pub refused: u64,
    pub stored: ImportOutcome,
}

/// Imports `path`, writing one line per refused row to `report`.
pub async fn import_file(
    app: &Alerta,
    path: &Path,
    confirmed: bool,
    report: &mut impl Write,
) -> anyhow::Result<ImportReport> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(std::io::BufReader::new(file));
    let columns = column_positions(reader.headers().context("cannot read the header line")?)?;
    let progress = ProgressBar::new(size).with_style(
        ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {per_sec} eta {eta}")
            .expect("a valid template"),
    );

    let mut summary = ImportReport::default();
    let batch_rows = app.import_batch_rows();
    let mut batch = Vec::with_capacity(batch_rows);
    let mut record = csv::StringRecord::new();
    loop {
        let more = match reader.read_record(&mut record) {
            Ok(more) => more,
            Err(e) if e.is_io_error() => return Err(e).context("cannot read the file"),
            Err(e) => {
                // A malformed line (bad quoting, bad UTF-8) is refused like any other.
                summary.rows += 1;
                summary.refused += 1;
                let line = e.position().map_or(0, |p| p.line());
                writeln!(report, "line {line}: {e}")?;
                continue;
            }
        };
        if more {
            summary.rows += 1;
            let line = record.position().map_or(0, |p| p.line());
            match parse_row(&record, &columns) {
                Ok(subscription) => batch.push(subscription),
                Err(e) => {
                    summary.refused += 1;
                    writeln!(report, "line {line}: {}: {}", e.field, e.message)?;
                }
            }
        }
        if batch.len() >= batch_rows || (!more && !batch.is_empty()) {
            summary.stored += app.import_volunteers(&batch, confirmed).await?;
            batch.clear();
            progress.set_position(reader.position().byte());
        }
        if !more {
            break;
        }
    }
    progress.finish_and_clear();
    app.finish_volunteer_import().await?;
    Ok(summary)
}

/// Where each known column is: email, and a way to give a zone (lat, lng and
/// radius_km, or place), must be there.
fn column_positions(headers: &csv::StringRecord) -> anyhow::Result<[Option<usize>; 7]> {
    let find = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
    let positions = COLUMNS.map(find);
    let has =
        |name: &str| positions[COLUMNS.iter().position(|c| *c == name).expect("known")].is_some();
    let circles = has("lat") && has("lng") && has("radius_km");
    if !has("email") || !(circles || has("place")) {
        bail!(
            "the header line needs `email` and either `lat,lng,radius_km` or `place`; \
             the columns are {}",
            COLUMNS.join(",")
        );
    }
    Ok(positions)
}

fn parse_row(
    record: &csv::StringRecord,
    columns: &[Option<usize>; 7],
) -> Result<NewSubscription, FieldError> {
    let text = |i: usize| {
        columns[i]
            .and_then(|p| record.get(p))
            .filter(|v| !v.is_empty())
    };
    let number = |i: usize| -> Result<Option<f64>, FieldError> {
        text(i)
            .map(|v| {
                v.parse::<f64>()
                    .map_err(|_| FieldError::new(COLUMNS[i], format!("is not a number ({v:?})")))
            })
            .transpose()
    };
    let input = SubscriptionInput {
        email: text(0).map(str::to_string),
        language: text(1).map(str::to_string),
        zone: Some(ZoneInput {
            lat: number(2)?,
            lng: number(3)?,
            radius_km: number(4)?,
            place: text(5).map(str::to_string),
            region: text(6).map(str::to_string),
        }),
        poster: None,
    };
    // The same checks as a subscription through the API.
    NewSubscription::parse(&input, &alerta_places::WORLD).map_err(|e| {
        let first = e.0.into_iter().next().expect("a refusal names a field");
        FieldError::new(first.field.trim_start_matches("zone."), first.message)
    })
}

//! `alerta poster`: a poster to a file, from a stored case or, for designers
//! and translators, from a JSON file with no database at all.

use std::path::{Path, PathBuf};

use alerta_core::{CaseDetails, CaseId, CaseInput, CaseStatus, Geography, Language};
use alerta_poster::{Kind, Paper, PhotoJpeg, PosterCase};
use alerta_store::SizedJpeg;
use anyhow::{Context, anyhow, bail};
use chrono::{NaiveDate, Utc};
use serde::Deserialize;

/// What `alerta poster --json FILE` reads: the case as the API takes it, and
/// what the database would otherwise add. See `docs/examples/poster.json`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PosterFile {
    /// The case number printed on the poster.
    #[serde(default = "example_id")]
    pub id: i64,
    pub organisation: Option<String>,
    /// A photo (JPEG, PNG, WebP or GIF), relative to the JSON file.
    pub photo: Option<PathBuf>,
    /// The date the poster says it was printed (YYYY-MM-DD); today if left out.
    pub printed: Option<NaiveDate>,
    /// Base of the link in the QR code.
    #[serde(default = "example_url")]
    pub public_url: String,
    pub case: CaseInput,
}

fn example_id() -> i64 {
    1
}

fn example_url() -> String {
    "http://127.0.0.1:8080".into()
}

/// PDF or PNG card, from `--format` or else the output file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Pdf,
    Png,
}

impl Format {
    pub fn for_output(explicit: Option<Format>, output: &Path) -> Format {
        explicit.unwrap_or_else(|| match output.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("png") => Format::Png,
            _ => Format::Pdf,
        })
    }
}

pub struct Request {
    pub language: Option<Language>,
    pub paper: Paper,
    pub format: Format,
}

/// Renders the poster a JSON file describes.
pub fn from_json(file: &Path, request: &Request) -> anyhow::Result<Vec<u8>> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let poster: PosterFile = serde_json::from_str(&text)
        .with_context(|| format!("{} is not a poster file", file.display()))?;
    let details = CaseDetails::parse(&poster.case, Utc::now()).map_err(|invalid| {
        anyhow!(
            "the case in {} is not valid:\n{}",
            file.display(),
            invalid
                .0
                .iter()
                .map(|e| format!("  case.{}: {}", e.field, e.message))
                .collect::<Vec<_>>()
                .join("\n")
        )
    })?;
    let photo = match &poster.photo {
        Some(path) => {
            let path = file.parent().unwrap_or(Path::new(".")).join(path);
            let photo = normalize(&path)?;
            let print = photo.copies.print;
            Some(Photos {
                normalized: SizedJpeg {
                    jpeg: photo.jpeg,
                    width: photo.width,
                    height: photo.height,
                },
                print: SizedJpeg {
                    jpeg: print.jpeg,
                    width: print.width,
                    height: print.height,
                },
            })
        }
        None => None,
    };
    let printed = poster.printed.unwrap_or_else(|| Utc::now().date_naive());
    let page_url = format!(
        "{}/cases/{}",
        poster.public_url.trim_end_matches('/'),
        poster.id
    );
    // Named as the server names a stored case's place: town and country.
    let world = &alerta_places::WORLD;
    let locality = world.locality_at(details.last_seen);
    let country = world.country_at(details.last_seen);
    let case = PosterCase {
        id: CaseId(poster.id),
        details: &details,
        organisation: poster.organisation.as_deref(),
        page_url: &page_url,
        locality: locality.as_deref(),
        country: country.as_deref(),
    };
    render(&case, photo.as_ref(), printed, request)
}

/// Renders the poster of a stored case, drafts included (this is an operator's tool).
pub async fn from_store(
    store: &alerta_store::Store,
    public_url: &str,
    id: CaseId,
    request: &Request,
) -> anyhow::Result<Vec<u8>> {
    let case = store.case(id).await.with_context(|| format!("case {id}"))?;
    if case.status == CaseStatus::Resolved {
        bail!("case {id} is resolved: it has no poster any more");
    }
    let photo = match (
        store.normalized_photo(id).await?,
        store.print_photo(id).await?,
    ) {
        (Some(normalized), Some(print)) => Some(Photos { normalized, print }),
        _ => None,
    };
    let printed = alerta_poster::print_date(&case.details, Utc::now());
    let page_url = format!("{public_url}/cases/{id}");
    render(
        &PosterCase::of(&case, &page_url),
        photo.as_ref(),
        printed,
        request,
    )
}

/// The copies of a photo the poster and the card print.
struct Photos {
    normalized: SizedJpeg,
    print: SizedJpeg,
}

fn render(
    case: &PosterCase,
    photo: Option<&Photos>,
    printed: NaiveDate,
    request: &Request,
) -> anyhow::Result<Vec<u8>> {
    let language = request.language.unwrap_or(case.details.language);
    let (kind, photo) = match request.format {
        Format::Pdf => (Kind::Pdf(request.paper), photo.map(|p| &p.print)),
        Format::Png => (Kind::Card, photo.map(|p| &p.normalized)),
    };
    let photo = photo.map(|p| PhotoJpeg {
        jpeg: &p.jpeg,
        width: p.width,
        height: p.height,
    });
    Ok(alerta_poster::render(
        case,
        kind,
        language,
        printed,
        photo.as_ref(),
    )?)
}

/// The photo as an upload would be normalised.
fn normalize(path: &Path) -> anyhow::Result<alerta_photo::NormalizedPhoto> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let media_type = match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
    {
        Some(e) if e == "png" => "image/png",
        Some(e) if e == "webp" => "image/webp",
        Some(e) if e == "gif" => "image/gif",
        _ => "image/jpeg",
    };
    alerta_photo::normalize(&bytes, media_type)
        .map_err(|e| anyhow!("photo {}: {e}", path.display()))
}

//! The pages' only style sheet and script, built into the binary from
//! `assets/static/`. Their URLs carry a hash of their content, so browsers
//! keep them for a year and still fetch a new release's at once.

use std::sync::LazyLock;

use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use sha2::{Digest, Sha256};

use crate::AppState;

const STYLE: &str = include_str!("../../../../assets/static/alerta.css");
const SCRIPT: &str = include_str!("../../../../assets/static/alerta.js");

fn versioned(name: &str, content: &str) -> String {
    let hash = hex::encode(&Sha256::digest(content.as_bytes())[..6]);
    format!("/static/{name}?v={hash}")
}

static STYLE_URL: LazyLock<String> = LazyLock::new(|| versioned("alerta.css", STYLE));
static SCRIPT_URL: LazyLock<String> = LazyLock::new(|| versioned("alerta.js", SCRIPT));

pub fn style_url() -> &'static str {
    &STYLE_URL
}

pub fn script_url() -> &'static str {
    &SCRIPT_URL
}

pub fn routes() -> Router<AppState> {
    Router::new().route("/static/{name}", get(serve))
}

async fn serve(Path(name): Path<String>) -> Response {
    let (content_type, body) = match name.as_str() {
        "alerta.css" => ("text/css; charset=utf-8", STYLE),
        "alerta.js" => ("text/javascript; charset=utf-8", SCRIPT),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    (
        [
            (CONTENT_TYPE, content_type),
            (CACHE_CONTROL, "public, max-age=31536000, immutable"),
            (X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        body,
    )
        .into_response()
}

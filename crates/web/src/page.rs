//! The smallest possible HTML shell, until the full pages arrive. Every
//! dynamic string goes through [`escape`].

use alerta_core::Language;
pub use alerta_core::text::escape_html as escape;

/// A complete page; `body_html` must already be escaped.
pub fn page(language: Language, title: &str, body_html: &str) -> String {
    page_with_head(language, title, "", body_html)
}

/// A page with extra `<head>` elements (`head_html` already escaped).
pub fn page_with_head(language: Language, title: &str, head_html: &str, body_html: &str) -> String {
    format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} · Alerta</title>{head_html}</head>\
         <body style=\"font-family:sans-serif;max-width:36em;margin:2em auto;padding:0 1em\">\
         <h1>{title}</h1>{body_html}</body></html>",
        language.as_str(),
        title = escape(title),
    )
}

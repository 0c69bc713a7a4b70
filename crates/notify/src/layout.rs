//! A mail's body as a list of blocks, written out twice: as plain text and
//! as HTML that holds in webmail and phone clients (a table of one column,
//! inline styles, no external images, no script). Both parts come from the
//! same blocks, so they say the same thing: a reader whose client shows
//! only one, and a filter that compares them, find the same words.

use alerta_core::text::escape_html;

/// The colour of alerts: the poster's red.
const ALERT_RED: &str = "#b00020";
const FOUND_GREEN: &str = "#1b6e2e";
const TEXT: &str = "#1a1a1a";
const MUTED: &str = "#555555";

/// One piece of a mail's body, in reading order.
pub(crate) enum Block {
    /// The coloured band at the top: a headline and the line under it.
    Banner {
        headline: String,
        subline: String,
        tone: Tone,
    },
    /// The photo shown inside the HTML part (`cid:` link); nothing in text.
    Photo { content_id: String, alt: String },
    /// A sentence naming the phone numbers, then each as a large
    /// tap-to-call button (HTML only: the text part has the sentence).
    Call { text: String, phones: Vec<String> },
    /// A paragraph; `link`, when it appears in `text`, becomes a link.
    Paragraph {
        text: String,
        link: Option<String>,
        strong: bool,
    },
    /// A titled part; the body keeps its line breaks.
    Section { title: String, body: String },
    /// A list of lines, each with its own link.
    Items(Vec<Item>),
    /// Links shown as buttons; in text, "label: url" lines.
    Buttons(Vec<Button>),
    /// The big link of a personal mail (confirm, manage).
    BigLink(String),
    /// The small print after the signature separator.
    Footer(Vec<Item>),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tone {
    Alert,
    Found,
    Plain,
}

/// A line of text and the link it names (empty: none).
pub(crate) struct Item {
    pub text: String,
    pub link: String,
}

pub(crate) struct Button {
    pub label: String,
    pub url: String,
    /// Shown in the text part too; a share link's long URL is not.
    pub in_text: bool,
}

/// The plain-text part: paragraphs separated by blank lines.
pub(crate) fn text(blocks: &[Block]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for block in blocks {
        match block {
            Block::Banner {
                headline, subline, ..
            } => parts.push(match subline.is_empty() {
                true => headline.clone(),
                false => format!("{headline}\n{subline}"),
            }),
            Block::Photo { .. } => {}
            Block::Call { text, .. } => parts.push(text.clone()),
            Block::Paragraph { text, .. } => parts.push(text.clone()),
            Block::Section { title, body } => parts.push(format!("{title}:\n{body}")),
            Block::Items(items) => parts.push(
                items
                    .iter()
                    .map(|item| match item.link.is_empty() {
                        true => format!("- {}", item.text),
                        false => format!("- {}\n  {}", item.text, item.link),
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            Block::Buttons(buttons) => {
                let lines: Vec<String> = buttons
                    .iter()
                    .filter(|b| b.in_text)
                    .map(|b| format!("{}: {}", b.label, b.url))
                    .collect();
                if !lines.is_empty() {
                    parts.push(lines.join("\n"));
                }
            }
            Block::BigLink(url) => parts.push(url.clone()),
            Block::Footer(items) => parts.push(format!(
                "-- \n{}",
                items
                    .iter()
                    .map(|item| item.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            )),
        }
    }
    parts.join("\n\n") + "\n"
}

/// The HTML part: one centred column at most 600 px wide.
pub(crate) fn html(lang: &str, title: &str, blocks: &[Block]) -> String {
    let rows: String = blocks.iter().map(row).collect();
    format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title></head>\
         <body style=\"margin:0;padding:0;background:#f2f2f2\">\
         <table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"background:#f2f2f2\"><tr><td align=\"center\" style=\"padding:8px\">\
         <table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;max-width:600px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.45;color:{TEXT}\">\
         {rows}</table></td></tr></table></body></html>",
        title = escape_html(title),
    )
}

fn cell(style: &str, inner: &str) -> String {
    format!("<tr><td style=\"padding:{style}\">{inner}</td></tr>")
}

fn row(block: &Block) -> String {
    match block {
        Block::Banner {
            headline,
            subline,
            tone,
        } => {
            let (background, colour) = match tone {
                Tone::Alert => (ALERT_RED, "#ffffff"),
                Tone::Found => (FOUND_GREEN, "#ffffff"),
                Tone::Plain => ("#ffffff", TEXT),
            };
            format!(
                "<tr><td style=\"background:{background};color:{colour};padding:16px 20px\">\
                 <h1 style=\"margin:0;font-size:26px;line-height:1.2\">{}</h1>\
                 {}</td></tr>",
                escape_html(headline),
                match subline.is_empty() {
                    true => String::new(),
                    false => format!(
                        "<p style=\"margin:6px 0 0;font-size:18px;font-weight:bold\">{}</p>",
                        escape_html(subline)
                    ),
                }
            )
        }
        Block::Photo { content_id, alt } => cell(
            "16px 20px 0;text-align:center",
            &format!(
                "<img src=\"cid:{}\" alt=\"{}\" width=\"240\" style=\"width:100%;max-width:240px;height:auto;border:1px solid #cccccc\">",
                escape_html(content_id),
                escape_html(alt)
            ),
        ),
        Block::Call { text, phones } => {
            let buttons: String = phones
                .iter()
                .map(|phone| {
                    format!(
                        "<a href=\"tel:{}\" style=\"display:block;margin:0 0 8px;background:{ALERT_RED};color:#ffffff;text-decoration:none;text-align:center;font-size:24px;font-weight:bold;padding:14px 10px;border-radius:6px\">{}</a>",
                        escape_html(&dialable(phone)),
                        escape_html(phone)
                    )
                })
                .collect();
            cell(
                "16px 20px 0",
                &format!(
                    "<p style=\"margin:0 0 10px;font-size:18px;font-weight:bold\">{}</p>{buttons}",
                    escape_html(text)
                ),
            )
        }
        Block::Paragraph { text, link, strong } => {
            let inner = linked(text, link.as_deref().unwrap_or(""));
            let weight = if *strong { "font-weight:bold;" } else { "" };
            cell(
                "12px 20px 0",
                &format!("<p style=\"margin:0;{weight}\">{inner}</p>"),
            )
        }
        Block::Section { title, body } => cell(
            "14px 20px 0",
            &format!(
                "<h2 style=\"margin:0 0 4px;font-size:17px\">{}</h2><p style=\"margin:0\">{}</p>",
                escape_html(title),
                escape_html(body).replace('\n', "<br>")
            ),
        ),
        Block::Items(items) => {
            let lines: String = items
                .iter()
                .map(|item| {
                    format!(
                        "<li style=\"margin:0 0 8px\">{}</li>",
                        match item.link.is_empty() {
                            true => escape_html(&item.text),
                            false => format!(
                                "<a href=\"{}\" style=\"color:#0b57d0\">{}</a>",
                                escape_html(&item.link),
                                escape_html(&item.text)
                            ),
                        }
                    )
                })
                .collect();
            cell(
                "12px 20px 0",
                &format!("<ul style=\"margin:0;padding-left:20px\">{lines}</ul>"),
            )
        }
        Block::Buttons(buttons) => {
            let links: String = buttons
                .iter()
                .map(|b| {
                    format!(
                        "<a href=\"{}\" style=\"display:inline-block;margin:0 8px 8px 0;padding:10px 14px;border:2px solid #0b57d0;border-radius:6px;color:#0b57d0;font-weight:bold;text-decoration:none\">{}</a>",
                        escape_html(&b.url),
                        escape_html(&b.label)
                    )
                })
                .collect();
            cell("14px 20px 0", &links)
        }
        Block::BigLink(url) => cell(
            "14px 20px 0",
            &format!(
                "<a href=\"{url}\" style=\"font-size:18px;font-weight:bold;color:#0b57d0;word-break:break-all\">{url}</a>",
                url = escape_html(url)
            ),
        ),
        Block::Footer(items) => {
            let lines: String = items
                .iter()
                .map(|item| {
                    format!(
                        "<p style=\"margin:0 0 8px\">{}</p>",
                        linked(&item.text, &item.link)
                    )
                })
                .collect();
            format!(
                "<tr><td style=\"padding:20px 20px 16px;border-top:1px solid #dddddd;color:{MUTED};font-size:13px\">{lines}</td></tr>"
            )
        }
    }
}

/// `text` escaped for HTML, with `url` in it (if any) as a link.
fn linked(text: &str, url: &str) -> String {
    let escaped = escape_html(text);
    if url.is_empty() {
        return escaped;
    }
    let url = escape_html(url);
    escaped.replacen(
        &url,
        &format!("<a href=\"{url}\" style=\"color:#0b57d0;word-break:break-all\">{url}</a>"),
        1,
    )
}

/// A phone number as a `tel:` link dials it: the digits, and a leading +.
fn dialable(phone: &str) -> String {
    let plus = phone.trim_start().starts_with('+');
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    if plus { format!("+{digits}") } else { digits }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks() -> Vec<Block> {
        vec![
            Block::Banner {
                headline: "DESAPARECIDA".into(),
                subline: "Ana <b>, 9".into(),
                tone: Tone::Alert,
            },
            Block::Call {
                text: "Llama al +591 700-12345.".into(),
                phones: vec!["+591 700-12345".into()],
            },
            Block::Paragraph {
                text: "Ficha: https://a.example/cases/1".into(),
                link: Some("https://a.example/cases/1".into()),
                strong: false,
            },
            Block::Buttons(vec![Button {
                label: "WhatsApp".into(),
                url: "https://wa.me/?text=x".into(),
                in_text: false,
            }]),
            Block::Footer(vec![Item {
                text: "Más: https://a.example/join".into(),
                link: "https://a.example/join".into(),
            }]),
        ]
    }

    #[test]
    fn the_text_part_has_every_sentence_and_no_share_links() {
        let text = text(&blocks());
        assert_eq!(
            text,
            "DESAPARECIDA\nAna <b>, 9\n\nLlama al +591 700-12345.\n\n\
             Ficha: https://a.example/cases/1\n\n-- \nMás: https://a.example/join\n"
        );
    }

    #[test]
    fn the_html_part_escapes_links_and_dials() {
        let html = html("es", "t", &blocks());
        assert!(html.contains("Ana &lt;b&gt;, 9"));
        assert!(html.contains("href=\"tel:+59170012345\""));
        assert!(html.contains("<a href=\"https://a.example/cases/1\""));
        assert!(html.contains("href=\"https://wa.me/?text=x\""));
        assert!(!html.contains("<script") && !html.contains("src=\"http"));
    }
}

//! Reading a case's history (its audit lines, oldest first) for what its
//! volunteers were told.

use serde_json::Value;

/// The lines after which volunteers know the case as it then was.
const NEWS: &[&str] = &["published", "update_notified"];

/// What changed between the last two times volunteers heard of a case:
/// the detail fields of the corrections in between (as `CaseDetails`
/// names them) and `photo` when the photo was replaced, each once, in the
/// order they first changed. What an "updated information" mail lists.
pub fn changed_before_last_news<'a>(
    lines: impl IntoIterator<Item = (&'a str, &'a Value)>,
) -> Vec<String> {
    let mut since_news: Vec<String> = Vec::new();
    let mut told: Vec<String> = Vec::new();
    for (action, detail) in lines {
        if NEWS.contains(&action) {
            told = std::mem::take(&mut since_news);
            continue;
        }
        let fields: Vec<String> = match action {
            "edited" => detail["changed"]
                .as_object()
                .map(|changed| changed.keys().cloned().collect())
                .unwrap_or_default(),
            "photo_set" => vec!["photo".to_string()],
            _ => vec![],
        };
        for field in fields {
            if !since_news.contains(&field) {
                since_news.push(field);
            }
        }
    }
    told
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn an_update_lists_the_changes_since_the_news_before_it() {
        let lines = [
            ("created", json!({})),
            ("edited", json!({ "changed": { "marks": {} } })),
            ("published", json!({})),
            (
                "edited",
                json!({ "changed": { "clothing": {}, "circumstances": {} } }),
            ),
            ("photo_set", json!({ "bytes": 1 })),
            ("edited", json!({ "changed": { "clothing": {} } })),
            ("update_notified", json!({ "version": 5 })),
            // Not told yet: the next update's.
            ("edited", json!({ "changed": { "hair": {} } })),
        ];
        let changed = changed_before_last_news(lines.iter().map(|(a, d)| (*a, d)));
        assert_eq!(changed, ["circumstances", "clothing", "photo"]);
    }

    #[test]
    fn a_second_update_lists_only_its_own_changes() {
        let lines = [
            ("published", json!({})),
            ("edited", json!({ "changed": { "clothing": {} } })),
            ("update_notified", json!({})),
            ("widened", json!({})),
            ("edited", json!({ "changed": { "last_seen_place": {} } })),
            ("update_notified", json!({})),
        ];
        let changed = changed_before_last_news(lines.iter().map(|(a, d)| (*a, d)));
        assert_eq!(changed, ["last_seen_place"]);
    }
}

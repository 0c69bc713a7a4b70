//! `/stats`: the network's figures, as regional networks publish them.

use alerta_core::stats::{AGE_GROUPS, Tally};
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use maud::{Markup, html};

use super::{Page, PageError};
use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/stats", get(stats_page))
}

async fn stats_page(State(state): State<AppState>, page: Page) -> Result<Response, PageError> {
    let stats = crate::stats::compute(&state).await?;
    let total = &stats.total;
    let headline = page.ta(
        "stats-headline",
        &[
            ("reported", &total.reported.to_string()),
            ("located", &total.located.to_string()),
        ],
    );
    let countries: Vec<(String, &Tally)> = stats
        .by_country
        .iter()
        .map(|(code, tally)| {
            let name = alerta_i18n::country_name(page.lang, code)
                .map_or_else(|| page.t("stats-unknown-country"), str::to_string);
            (name, tally)
        })
        .collect();
    let groups: Vec<(String, &Tally)> = AGE_GROUPS
        .iter()
        .filter_map(|(group, ..)| {
            stats
                .by_age_group
                .get(*group)
                .map(|tally| (page.ta("stats-age", &[("group", group)]), tally))
        })
        .collect();
    let body = html! {
        p class="notice" { (headline) }
        (table(&page, &page.t("stats-total"), &[(page.t("stats-all"), total)]))
        (table(&page, &page.t("stats-by-country"), &countries.iter().map(|(n, t)| (n.clone(), *t)).collect::<Vec<_>>()))
        (table(&page, &page.t("stats-by-age"), &groups.iter().map(|(n, t)| (n.clone(), *t)).collect::<Vec<_>>()))
        p class="small" { (page.t("stats-note")) }
    };
    Ok(page.render(&page.t("stats-title"), body).into_response())
}

fn table(page: &Page, title: &str, rows: &[(String, &Tally)]) -> Markup {
    html! {
        h2 { (title) }
        div class="table-wrap" tabindex="0" { table {
            thead { tr {
                th {} th { (page.t("stats-reported")) } th { (page.t("stats-located")) }
                th { (page.t("stats-open")) } th { (page.t("stats-withdrawn")) }
            } }
            tbody {
                @for (name, tally) in rows {
                    tr { th { (name) } td { (tally.reported) } td { (tally.located) } td { (tally.open) } td { (tally.withdrawn) } }
                }
            }
        } }
    }
}

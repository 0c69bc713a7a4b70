//! `/api`: the OpenAPI document as a page people read, rendered here from
//! the same document `/api/v1/openapi.json` serves (nothing fetched from
//! elsewhere, no script). Operations by tag, then the schemas they use.
//! The reference is in English, as the document is.

use std::sync::Arc;

use axum::Router;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use maud::{Markup, html};
use serde_json::Value;

use super::{Page, PageError};
use crate::AppState;

const METHODS: [&str; 5] = ["get", "post", "put", "delete", "patch"];

pub fn routes(openapi: Arc<utoipa::openapi::OpenApi>) -> Router<AppState> {
    let document = Arc::new(serde_json::to_value(openapi.as_ref()).unwrap_or(Value::Null));
    Router::new().route(
        "/api",
        get(move |page: Page| async move { api_page(&page, &document) }),
    )
}

fn api_page(page: &Page, doc: &Value) -> Result<Response, PageError> {
    let info = &doc["info"];
    let body = html! {
        div lang="en" class="api-docs" {
            @if let Some(description) = info["description"].as_str() {
                p { (description) }
            }
            p { "The machine-readable document: " a href="/api/v1/openapi.json" { "/api/v1/openapi.json" } " (OpenAPI " (doc["openapi"].as_str().unwrap_or("3")) ")." }
            nav aria-label="Contents" { ul {
                @for tag in tags(doc) {
                    li { a href=(format!("#tag-{}", tag.0)) { (tag.0) } " — " (tag.1) }
                }
                li { a href="#schemas" { "Schemas" } }
            } }
            @for (tag, description) in tags(doc) {
                section id=(format!("tag-{tag}")) {
                    h2 { (tag) }
                    p { (description) }
                    @for (method, path, operation) in operations(doc, &tag) {
                        (operation_html(method, path, operation))
                    }
                }
            }
            section id="schemas" {
                h2 { "Schemas" }
                @if let Some(schemas) = doc["components"]["schemas"].as_object() {
                    @for (name, schema) in schemas {
                        (schema_html(name, schema))
                    }
                }
            }
        }
    };
    let title = format!(
        "{} API {}",
        info["title"].as_str().unwrap_or("Alerta"),
        info["version"].as_str().unwrap_or("")
    );
    Ok(page.render(title.trim(), body).into_response())
}

/// The document's tags in its order, with their descriptions.
fn tags(doc: &Value) -> Vec<(String, String)> {
    doc["tags"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|t| {
            (
                t["name"].as_str().unwrap_or_default().to_string(),
                t["description"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// The operations filed under `tag`, by path.
fn operations<'a>(doc: &'a Value, tag: &str) -> Vec<(&'static str, &'a str, &'a Value)> {
    let mut found = Vec::new();
    for (path, item) in doc["paths"].as_object().into_iter().flatten() {
        for method in METHODS {
            let operation = &item[method];
            let tagged = operation["tags"]
                .as_array()
                .is_some_and(|tags| tags.iter().any(|t| t == tag));
            if tagged {
                found.push((method, path.as_str(), operation));
            }
        }
    }
    found
}

fn operation_html(method: &str, path: &str, operation: &Value) -> Markup {
    let id = format!("{method}-{}", path.replace(['/', '{', '}', '.'], "-"));
    let signed_in = operation["security"]
        .as_array()
        .is_some_and(|s| !s.is_empty());
    html! {
        article class="operation" id=(id) {
            h3 { code { (method.to_uppercase()) " " (path) } }
            @if let Some(summary) = operation["summary"].as_str() { p { (summary) } }
            @if let Some(description) = operation["description"].as_str() { p { (description) } }
            @if signed_in { p class="small" { "Needs " code { "Authorization: Bearer TOKEN" } "." } }
            @if let Some(parameters) = operation["parameters"].as_array().filter(|p| !p.is_empty()) {
                h4 { "Parameters" }
                div class="table-wrap" tabindex="0" { table {
                    thead { tr { th { "Name" } th { "In" } th { "Type" } th { "Description" } } }
                    tbody {
                        @for p in parameters {
                            tr {
                                td { code { (p["name"].as_str().unwrap_or_default()) }
                                    @if p["required"] == true { " (required)" } }
                                td { (p["in"].as_str().unwrap_or_default()) }
                                td { (type_name(&p["schema"])) }
                                td { (p["description"].as_str().unwrap_or_default()) }
                            }
                        }
                    }
                } }
            }
            @if let Some(content) = operation["requestBody"]["content"].as_object() {
                h4 { "Body" }
                ul { @for (media, body) in content {
                    li { code { (media) } ": " (type_name(&body["schema"])) }
                } }
            }
            h4 { "Answers" }
            ul { @for (status, response) in operation["responses"].as_object().into_iter().flatten() {
                li {
                    strong { (status) } " "
                    (response["description"].as_str().unwrap_or_default())
                    @for (media, content) in response["content"].as_object().into_iter().flatten() {
                        " — " code { (media) } " " (type_name(&content["schema"]))
                    }
                }
            } }
        }
    }
}

fn schema_html(name: &str, schema: &Value) -> Markup {
    let required: Vec<&str> = schema["required"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    html! {
        article class="schema" id=(format!("schema-{name}")) {
            h3 { (name) }
            @if let Some(description) = schema["description"].as_str() { p { (description) } }
            @if let Some(values) = schema["enum"].as_array() {
                p { "One of: " @for (i, v) in values.iter().enumerate() {
                    @if i > 0 { ", " } code { (v.as_str().unwrap_or_default()) }
                } }
            }
            @if let Some(properties) = schema["properties"].as_object() {
                div class="table-wrap" tabindex="0" { table {
                    thead { tr { th { "Field" } th { "Type" } th { "Description" } th { "Example" } } }
                    tbody { @for (field, property) in properties {
                        tr {
                            td { code { (field) } @if required.contains(&field.as_str()) { " (required)" } }
                            td { (type_name(property)) }
                            td { (property["description"].as_str().unwrap_or_default()) }
                            td { @if let Some(example) = example_of(property) { code { (example) } } }
                        }
                    } }
                } }
            }
            @if let Some(example) = example_of(schema) {
                p { "Example:" }
                pre { code { (example) } }
            }
        }
    }
}

/// A schema's example as JSON text, pretty when it is an object.
fn example_of(schema: &Value) -> Option<String> {
    let example = schema
        .get("example")
        .or_else(|| schema["examples"].as_array().and_then(|e| e.first()))?;
    match example {
        Value::Object(_) | Value::Array(_) => serde_json::to_string_pretty(example).ok(),
        other => Some(other.to_string()),
    }
}

/// A short name for a schema: a link to a named one, else its JSON type.
fn type_name(schema: &Value) -> Markup {
    if let Some(reference) = schema["$ref"].as_str() {
        let name = reference.rsplit('/').next().unwrap_or(reference);
        return html! { a href=(format!("#schema-{name}")) { (name) } };
    }
    for combinator in ["oneOf", "anyOf", "allOf"] {
        if let Some(options) = schema[combinator].as_array() {
            let named: Vec<&Value> = options.iter().filter(|o| o["type"] != "null").collect();
            return html! { @for (i, option) in named.iter().enumerate() {
                @if i > 0 { " or " } (type_name(option))
            } };
        }
    }
    let kind = match &schema["type"] {
        Value::String(kind) => kind.clone(),
        Value::Array(kinds) => kinds
            .iter()
            .filter_map(Value::as_str)
            .filter(|k| *k != "null")
            .collect::<Vec<_>>()
            .join(" or "),
        _ => "any".to_string(),
    };
    html! {
        @if kind == "array" {
            "list of " (type_name(&schema["items"]))
        } @else {
            (kind)
            @if let Some(format) = schema["format"].as_str() { " (" (format) ")" }
        }
    }
}

//! The OpenAPI document: what the route annotations say, plus what every
//! route may answer because of the shared extractors, described once here.

use utoipa::OpenApi;
use utoipa::openapi::path::Operation;
use utoipa::openapi::{Content, Ref, RefOr, Response};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Alerta",
        description = "Missing-persons alert network: cases, posters, volunteer alerts and tips. \
            Sign in with `POST /api/v1/sessions`, then send `Authorization: Bearer TOKEN`. \
            Every error answers `{\"error\": {\"code\", \"message\", \"field\"}}`.",
        license(name = "AGPL-3.0-or-later")
    ),
    modifiers(&BearerAuth),
    tags(
        (name = "sessions", description = "Sign in and out"),
        (name = "cases", description = "Register, verify, publish and resolve cases"),
        (name = "posters", description = "Printable posters and cards for sharing"),
        (name = "tips", description = "What people saw, for the police of a case"),
        (name = "subscriptions", description = "Volunteers subscribe to the zones they watch"),
        (name = "exchange", description = "PFIF 1.4 records for other people-finder repositories"),
        (name = "operations", description = "Health and metrics"),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

/// Adds the answers the shared extractors give on every route, where a
/// route's own annotation does not already describe them: a body that is not
/// valid JSON (400), too large (413) or of another type (415), and a query
/// parameter or body field that is wrong (422). Answers without a
/// description get their status's name.
pub fn describe_common_errors(openapi: &mut utoipa::openapi::OpenApi) {
    for item in openapi.paths.paths.values_mut() {
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.patch,
        ];
        for operation in operations.into_iter().flatten() {
            add_common_errors(operation);
        }
    }
}

fn add_common_errors(operation: &mut Operation) {
    let has_body = operation.request_body.is_some();
    let has_query = operation.parameters.iter().flatten().any(|p| match p {
        RefOr::T(p) => matches!(p.parameter_in, utoipa::openapi::path::ParameterIn::Query),
        RefOr::Ref(_) => false,
    });
    let mut common = Vec::new();
    if has_body {
        common.extend([
            (
                "400",
                "The body is not what its content type says (malformed JSON)",
            ),
            ("413", "The body is larger than this route accepts"),
            (
                "415",
                "The body is not of the content type this route takes",
            ),
        ]);
    }
    if has_body || has_query {
        common.push(("422", "A field or parameter is wrong; `field` names it"));
    }
    for (status, description) in common {
        operation
            .responses
            .responses
            .entry(status.to_string())
            .or_insert_with(|| RefOr::T(error_response(description)));
    }
    // An answer described only by its body gets its status's name.
    for (status, response) in operation.responses.responses.iter_mut() {
        if let RefOr::T(response) = response
            && response.description.is_empty()
        {
            response.description = axum::http::StatusCode::from_bytes(status.as_bytes())
                .ok()
                .and_then(|s| s.canonical_reason())
                .unwrap_or_default()
                .to_string();
        }
    }
}

fn error_response(description: &str) -> Response {
    let mut response = Response::new(description);
    response.content.insert(
        "application/json".into(),
        RefOr::T(Content::new(Some(Ref::from_schema_name("ErrorBody")))),
    );
    response
}

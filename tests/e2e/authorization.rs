//! Every case route × {anonymous, the family that owns the case, another
//! family, police of the organisation in charge (Cochabamba, where the case
//! was last seen), police of another organisation (Lima), police of a
//! national unit acting anywhere, admin}: the status each gets.

use alerta_core::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::common::*;

#[derive(Clone, Copy, Debug)]
enum Who {
    Anonymous,
    Owner,
    OtherFamily,
    Police,
    OtherOrganisation,
    NationalUnit,
    Admin,
}

const EVERYONE: [Who; 7] = [
    Who::Anonymous,
    Who::Owner,
    Who::OtherFamily,
    Who::Police,
    Who::OtherOrganisation,
    Who::NationalUnit,
    Who::Admin,
];

struct Actors {
    owner: User,
    other: User,
    /// Cochabamba's police (BO-C), who publish the case.
    police: User,
    /// Lima's police (PE).
    lima: User,
    /// A unit without a jurisdiction: it acts anywhere.
    national: User,
    admin: User,
}

impl Actors {
    fn get(&self, who: Who) -> Option<&User> {
        match who {
            Who::Anonymous => None,
            Who::Owner => Some(&self.owner),
            Who::OtherFamily => Some(&self.other),
            Who::Police => Some(&self.police),
            Who::OtherOrganisation => Some(&self.lima),
            Who::NationalUnit => Some(&self.national),
            Who::Admin => Some(&self.admin),
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Start {
    Draft,
    Active,
}

/// One route: what state the case starts in, how to call it, and the status
/// expected for each of [`EVERYONE`], in that order.
struct Row {
    name: &'static str,
    start: Start,
    expected: [u16; 7],
}

/// What an active case's records and changes answer: the organisation in
/// charge and admins only.
const IN_CHARGE_ONLY: [u16; 7] = [401, 403, 403, 200, 403, 403, 200];

const MATRIX: &[Row] = &[
    Row {
        name: "GET draft",
        start: Start::Draft,
        expected: [404, 200, 404, 200, 404, 200, 200],
    },
    Row {
        name: "GET active",
        start: Start::Active,
        expected: [200, 200, 200, 200, 200, 200, 200],
    },
    Row {
        name: "PUT draft",
        start: Start::Draft,
        expected: [401, 200, 404, 200, 404, 200, 200],
    },
    Row {
        name: "PUT active",
        start: Start::Active,
        expected: [401, 409, 403, 200, 403, 403, 200],
    },
    Row {
        name: "PUT photo",
        start: Start::Draft,
        expected: [401, 200, 404, 200, 404, 200, 200],
    },
    Row {
        name: "GET photo of draft",
        start: Start::Draft,
        expected: [404, 200, 404, 200, 404, 200, 200],
    },
    Row {
        name: "POST publish",
        start: Start::Draft,
        expected: [401, 403, 403, 200, 404, 200, 200],
    },
    Row {
        name: "POST resolve",
        start: Start::Active,
        expected: IN_CHARGE_ONLY,
    },
    Row {
        name: "POST widen",
        start: Start::Active,
        expected: IN_CHARGE_ONLY,
    },
    Row {
        name: "POST notify-update",
        start: Start::Active,
        expected: IN_CHARGE_ONLY,
    },
    Row {
        name: "GET audit",
        start: Start::Draft,
        expected: [401, 403, 403, 200, 404, 200, 200],
    },
    Row {
        name: "GET audit",
        start: Start::Active,
        expected: IN_CHARGE_ONLY,
    },
    Row {
        name: "GET tips",
        start: Start::Active,
        expected: IN_CHARGE_ONLY,
    },
    Row {
        name: "GET dispatch",
        start: Start::Active,
        expected: IN_CHARGE_ONLY,
    },
];

async fn call(app: &TestApp, row: &Row, id: i64, user: Option<&User>) -> StatusCode {
    let path = format!("/api/v1/cases/{id}");
    let response = match row.name {
        "GET draft" | "GET active" => app.get(&path, user).await,
        "PUT draft" | "PUT active" => app.put(&path, user, &valid_case()).await,
        "PUT photo" => {
            app.put_bytes(&format!("{path}/photo"), user, "image/jpeg", jpeg(40, 50))
                .await
        }
        "GET photo of draft" => app.get(&format!("{path}/photo"), user).await,
        "POST publish" => app.post(&format!("{path}/publish"), user, &json!({})).await,
        "POST resolve" => {
            app.post(
                &format!("{path}/resolve"),
                user,
                &json!({ "outcome": "found_safe" }),
            )
            .await
        }
        "POST widen" => {
            app.post(
                &format!("{path}/widen"),
                user,
                &json!({ "alert_radius_km": 40 }),
            )
            .await
        }
        "POST notify-update" => {
            app.post(&format!("{path}/notify-update"), user, &json!({}))
                .await
        }
        "GET audit" => app.get(&format!("{path}/audit"), user).await,
        "GET tips" => app.get(&format!("{path}/tips"), user).await,
        "GET dispatch" => app.get(&format!("{path}/dispatch"), user).await,
        other => unreachable!("no route named {other}"),
    };
    response.status()
}

#[tokio::test]
async fn each_role_gets_the_status_it_should_on_every_case_route() {
    let app = spawn_app().await;
    let actors = Actors {
        owner: app.user(Role::Family).await,
        other: app.user(Role::Family).await,
        police: app.officer_of("FELCC Cochabamba", "BO-C").await,
        lima: app.officer_of("Policía de Lima", "PE").await,
        national: app.officer_of("División Nacional", "").await,
        admin: app.user(Role::Admin).await,
    };
    let mut failures = Vec::new();
    for row in MATRIX {
        for (who, expected) in EVERYONE.into_iter().zip(row.expected) {
            // A fresh case per cell: some calls change it.
            let id = app.create_case(&actors.owner, &valid_case()).await;
            app.put_bytes(
                &format!("/api/v1/cases/{id}/photo"),
                Some(&actors.owner),
                "image/jpeg",
                jpeg(40, 50),
            )
            .await;
            if row.start == Start::Active {
                app.publish(&actors.police, id).await;
            }
            let got = call(&app, row, id, actors.get(who)).await;
            if got.as_u16() != expected {
                failures.push(format!(
                    "{} ({}) as {who:?}: expected {expected}, got {got}",
                    row.name,
                    if row.start == Start::Draft {
                        "draft"
                    } else {
                        "active"
                    }
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    app.stop().await;
}

#[tokio::test]
async fn registering_needs_an_account_of_any_role() {
    let app = spawn_app().await;
    assert_eq!(
        app.post("/api/v1/cases", None, &valid_case())
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    for role in [Role::Family, Role::Police, Role::Admin] {
        let user = app.user(role).await;
        let response = app
            .post(
                "/api/v1/cases?confirm_duplicate=true",
                Some(&user),
                &valid_case(),
            )
            .await;
        assert_eq!(response.status(), StatusCode::CREATED, "{role:?}");
    }
    app.stop().await;
}

#[tokio::test]
async fn families_list_only_their_own_drafts() {
    let app = spawn_app().await;
    let owner = app.user(Role::Family).await;
    let other = app.user(Role::Family).await;
    let police = app.user(Role::Police).await;
    let id = app.create_case(&owner, &valid_case()).await;
    let listed = |v: serde_json::Value| {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_i64().unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        listed(body(app.get("/api/v1/cases?status=draft", Some(&owner)).await).await),
        [id]
    );
    assert!(
        listed(body(app.get("/api/v1/cases?status=draft", Some(&other)).await).await).is_empty()
    );
    assert_eq!(
        listed(body(app.get("/api/v1/cases?status=draft", Some(&police)).await).await),
        [id]
    );
    app.stop().await;
}

//! `alerta demo`: a handful of realistic cases, so a newcomer sees the whole
//! flow on an empty database. The people are invented.

use alerta_core::case::CoordinatesInput;
use alerta_core::{CaseDetails, CaseInput, Coordinates, Outcome, Role};
use alerta_store::Store;
use anyhow::{Context, bail};
use chrono::{Duration, Utc};

use crate::Settings;

pub const DEMO_PASSWORD: &str = "alerta-demo-2026";

struct DemoCase {
    given: &'static str,
    family: &'static str,
    sex: &'static str,
    birth_date: Option<&'static str>,
    age: Option<i64>,
    clothing: &'static str,
    circumstances: &'static str,
    place: &'static str,
    lat: f64,
    lng: f64,
    offset: &'static str,
    days_ago: i64,
    phone: &'static str,
    language: &'static str,
    /// What police have done with it so far.
    stage: Stage,
    /// The road police drew for its alert, if any (towns along it).
    road: &'static [(f64, f64)],
    /// A drawing from assets/demo/ (scripts/make-demo-portraits), never a
    /// photo of a real person.
    portrait: &'static [u8],
}

#[derive(Clone, Copy, PartialEq)]
enum Stage {
    Draft,
    Active,
    Found,
}

const CASES: &[DemoCase] = &[
    DemoCase {
        given: "María José",
        family: "Quispe Mamani",
        sex: "female",
        birth_date: Some("2011-03-14"),
        age: None,
        clothing: "Chompa roja, pantalón jean azul, zapatillas blancas, mochila negra.",
        circumstances: "Salió del colegio a las 18:30 rumbo a su casa en la zona sur y no llegó.",
        place: "Plaza 14 de Septiembre, Cochabamba",
        lat: -17.3935,
        lng: -66.1570,
        offset: "-04:00",
        days_ago: 1,
        phone: "+591 4 4221111",
        language: "es",
        stage: Stage::Active,
        // Cochabamba, Chimoré, Villa Yapacaní, Santa Cruz de la Sierra.
        road: &[
            (-17.3895, -66.1568),
            (-16.9942, -65.1533),
            (-17.4000, -63.8333),
            (-17.7863, -63.1812),
        ],
        portrait: include_bytes!("../assets/demo/maria-jose.jpg"),
    },
    DemoCase {
        given: "João Pedro",
        family: "Gonçalves da Silva",
        sex: "male",
        birth_date: None,
        age: Some(79),
        clothing: "Camisa xadrez azul, calça bege, chinelos. Usa bengala.",
        circumstances: "Tem Alzheimer. Saiu de casa pela manhã sem documentos e não voltou.",
        place: "Estação da Luz, São Paulo",
        lat: -23.5349,
        lng: -46.6350,
        offset: "-03:00",
        days_ago: 2,
        phone: "+55 11 3311-3000",
        language: "pt",
        stage: Stage::Active,
        road: &[],
        portrait: include_bytes!("../assets/demo/joao-pedro.jpg"),
    },
    DemoCase {
        given: "Ch'aska",
        family: "Condori Huanca",
        sex: "female",
        birth_date: Some("2009-08-02"),
        age: None,
        clothing: "Pollera verde, chompa café, trenzas largas.",
        circumstances: "Fue vista por última vez en la parada de minibuses de la Ceja de El Alto.",
        place: "La Ceja, El Alto",
        lat: -16.5045,
        lng: -68.1630,
        offset: "-04:00",
        days_ago: 3,
        phone: "+591 2 2850000",
        language: "es",
        stage: Stage::Draft,
        road: &[],
        portrait: include_bytes!("../assets/demo/chaska.jpg"),
    },
    DemoCase {
        given: "Anaïs",
        family: "Jean-Baptiste",
        sex: "female",
        birth_date: Some("2014-12-25"),
        age: None,
        clothing: "Robe jaune, sandales blanches, barrettes roses.",
        circumstances: "Disparue à la sortie du marché en fin d'après-midi, accompagnée d'un adulte inconnu.",
        place: "Marché en Fer, Port-au-Prince",
        lat: 18.5480,
        lng: -72.3410,
        offset: "-05:00",
        days_ago: 5,
        phone: "+509 2813 1111",
        language: "fr",
        stage: Stage::Active,
        road: &[],
        portrait: include_bytes!("../assets/demo/anais.jpg"),
    },
    DemoCase {
        given: "Sebastián",
        family: "Núñez Peña",
        sex: "male",
        birth_date: Some("1998-06-30"),
        age: None,
        clothing: "Chaqueta negra, jean, tenis grises.",
        circumstances: "Salió a trotar en el parque y no regresó.",
        place: "Parque Simón Bolívar, Bogotá",
        lat: 4.6580,
        lng: -74.0940,
        offset: "-05:00",
        days_ago: 9,
        phone: "+57 601 2222222",
        language: "es",
        stage: Stage::Found,
        road: &[],
        portrait: include_bytes!("../assets/demo/sebastian.jpg"),
    },
];

/// Creates demo accounts and cases; refuses a database that already has accounts.
pub async fn fill(store: &Store, settings: &Settings) -> anyhow::Result<()> {
    if store.count_users().await? > 0 {
        bail!("the database already has accounts: `alerta demo` only fills an empty one");
    }
    let now = Utc::now();
    // No sender runs here: `alerta serve` finds the queued mail when it starts.
    let commands = alerta_app::Alerta::new(
        store.clone(),
        crate::app::system_clock(),
        alerta_app::MailQueue::default(),
    );
    let commands = &commands;
    let add = |email: &'static str, role: Role, org: Option<&'static str>| async move {
        let added = commands
            .add_user(email, DEMO_PASSWORD, role, org)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        anyhow::Ok(store.actor(added.id).await?)
    };
    add("admin@demo.alerta", Role::Admin, None).await?;
    let police = add(
        "policia@demo.alerta",
        Role::Police,
        Some("Policía — División de Personas Desaparecidas"),
    )
    .await?;
    let family = add("familia@demo.alerta", Role::Family, None).await?;

    for demo in CASES {
        let input = demo_input(demo, now);
        let details =
            CaseDetails::parse(&input, now).with_context(|| format!("demo case {}", demo.given))?;
        let photo = alerta_app::stored_photo(
            demo.portrait.to_vec(),
            alerta_photo::normalize(demo.portrait, "image/jpeg")
                .with_context(|| format!("demo portrait of {}", demo.given))?,
        );
        let mut case = commands
            .register(&family, &details, Some(&photo), true)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        if !demo.road.is_empty() {
            let road: Vec<Coordinates> = demo
                .road
                .iter()
                .map(|&(lat, lng)| Coordinates { lat, lng })
                .collect();
            let drawn = alerta_core::case::DrawnArea {
                route: road,
                route_width_km: Some(10.0),
                partner_kinds: vec!["bus_terminal".into(), "border_post".into()],
                ..Default::default()
            };
            commands
                .draw_alert_area(&police, case.id, &drawn, Some(case.version))
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            case = store.case(case.id).await?;
        }
        if demo.stage != Stage::Draft {
            commands
                .publish(&police, case.id, Some(case.version))
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
        }
        if demo.stage == Stage::Found {
            commands
                .resolve(
                    &police,
                    case.id,
                    Some(Outcome::FoundSafe.as_str()),
                    Some("Encontrado con vida."),
                    Some(case.version),
                )
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
        }
    }

    println!("Demo data ready: {} cases.", CASES.len());
    println!(
        "Start the server with `alerta serve`, then sign in at {} with:",
        settings.public_url
    );
    println!("  police  policia@demo.alerta  / {DEMO_PASSWORD}");
    println!("  family  familia@demo.alerta  / {DEMO_PASSWORD}");
    println!("  admin   admin@demo.alerta    / {DEMO_PASSWORD}");
    println!("Active cases: {}/api/v1/cases", settings.public_url);
    Ok(())
}

fn demo_input(demo: &DemoCase, now: chrono::DateTime<Utc>) -> CaseInput {
    let seen = now - Duration::days(demo.days_ago);
    CaseInput {
        given_name: Some(demo.given.into()),
        family_name: Some(demo.family.into()),
        sex: Some(demo.sex.into()),
        birth_date: demo.birth_date.map(Into::into),
        age: demo.age,
        clothing: Some(demo.clothing.into()),
        circumstances: Some(demo.circumstances.into()),
        last_seen_at: Some(format!(
            "{}{}",
            seen.format("%Y-%m-%dT%H:%M:00"),
            demo.offset
        )),
        last_seen_place: Some(demo.place.into()),
        last_seen: Some(CoordinatesInput {
            lat: Some(demo.lat),
            lng: Some(demo.lng),
        }),
        contact_phone: Some(demo.phone.into()),
        contact_phone_2: None,
        language: Some(demo.language.into()),
        ..CaseInput::default()
    }
}

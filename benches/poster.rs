//! Poster benchmark, Alerta's side: renders the A4 poster from the stored
//! normalised photo, and normalises a 12-megapixel phone JPEG, timing each.
//! Writes the inputs it used (phone.jpg, normalized.jpg, case.json) and its
//! figures (alerta.json) to the output directory, where
//! `benches/poster_peers.py` renders the same poster with Typst, WeasyPrint
//! and ReportLab and normalises with pyvips. Run both with
//! `scripts/bench-poster`; figures go to docs/benchmarks.md.
//!
//!     cargo bench --bench poster -- OUT_DIR [RUNS]

use std::path::PathBuf;
use std::time::Instant;

use alerta_core::{CaseDetails, CaseId, CaseInput, Language};
use alerta_poster::{Paper, PhotoJpeg, PosterCase};

fn main() {
    // `cargo bench` passes --bench; `cargo test --all-targets` runs this too,
    // without it: then a quick pass checks that the benchmark still works.
    let benchmarking = std::env::args().any(|a| a == "--bench");
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let (out, runs, phone_size) = if benchmarking {
        let out = PathBuf::from(args.first().map_or("target/bench-poster", String::as_str));
        let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(200);
        (out, runs, (4000, 3000))
    } else {
        let out = std::env::temp_dir().join("alerta-bench-poster-check");
        (out, 1, (1600, 1200))
    };
    std::fs::create_dir_all(&out).unwrap();

    let phone = phone_jpeg(phone_size.0, phone_size.1);
    std::fs::write(out.join("phone.jpg"), &phone).unwrap();
    let normalize_runs = if benchmarking { (runs / 4).max(10) } else { 1 };
    let mut normalize_ms = Vec::new();
    let mut normalized = None;
    for _ in 0..normalize_runs {
        let started = Instant::now();
        let photo = alerta_photo::normalize(&phone, "image/jpeg").unwrap();
        normalize_ms.push(started.elapsed().as_secs_f64() * 1000.0);
        normalized = Some(photo);
    }
    let normalized = normalized.unwrap();
    std::fs::write(out.join("normalized.jpg"), &normalized.jpeg).unwrap();
    // The server's posters print the photo's print copy; so do the peers
    // (they read poster-photo.jpg).
    let print = &normalized.copies.print;
    std::fs::write(out.join("poster-photo.jpg"), &print.jpeg).unwrap();

    let example = include_str!("../docs/examples/poster.json");
    std::fs::write(out.join("case.json"), example).unwrap();
    let file: serde_json::Value = serde_json::from_str(example).unwrap();
    let input: CaseInput = serde_json::from_value(file["case"].clone()).unwrap();
    let details = CaseDetails::parse(&input, chrono::Utc::now()).unwrap();
    let page_url = "https://alerta.example.org/cases/4711";
    let case = PosterCase {
        id: CaseId(4711),
        details: &details,
        organisation: file["organisation"].as_str(),
        page_url,
        locality: Some("Cochabamba"),
        country: Some("BO"),
    };
    let printed = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let photo = PhotoJpeg {
        jpeg: &print.jpeg,
        width: print.width,
        height: print.height,
    };

    // Warm up: fonts parsed, caches filled, as in a running server.
    let sheet = alerta_poster::sheet(&case, Language::Es, printed);
    let mut pdf = alerta_poster::pdf(&sheet, Paper::A4, Some(&photo)).unwrap();
    let mut render_ms = Vec::with_capacity(runs);
    for i in 1..=runs {
        let started = Instant::now();
        // The whole job of a request: the text of the sheet, layout, PDF.
        // A different case number each run, as the peers get.
        let case = PosterCase {
            id: CaseId(4711 + i as i64),
            ..case
        };
        let sheet = alerta_poster::sheet(&case, Language::Es, printed);
        pdf = alerta_poster::pdf(&sheet, Paper::A4, Some(&photo)).unwrap();
        render_ms.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    std::fs::write(out.join("alerta.pdf"), &pdf).unwrap();

    let mut card_ms = Vec::new();
    let mut card = Vec::new();
    for _ in 0..if benchmarking { (runs / 10).max(5) } else { 1 } {
        let started = Instant::now();
        card = alerta_poster::card(&sheet, Some(&photo)).unwrap();
        card_ms.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    std::fs::write(out.join("alerta-card.png"), &card).unwrap();

    let results = serde_json::json!({
        "poster_runs": runs,
        "poster_median_ms": median(&mut render_ms),
        "poster_p90_ms": percentile(&mut render_ms, 0.9),
        "poster_bytes": pdf.len(),
        "photo_bytes": normalized.jpeg.len(),
        "photo_size": [normalized.width, normalized.height],
        "card_median_ms": median(&mut card_ms),
        "card_bytes": card.len(),
        "normalize_runs": normalize_runs,
        "normalize_median_ms": median(&mut normalize_ms),
        "phone_bytes": phone.len(),
    });
    std::fs::write(out.join("alerta.json"), results.to_string()).unwrap();
    println!("{}", serde_json::to_string_pretty(&results).unwrap());
}

fn median(values: &mut [f64]) -> f64 {
    percentile(values, 0.5)
}

fn percentile(values: &mut [f64], p: f64) -> f64 {
    values.sort_by(f64::total_cmp);
    values[((values.len() - 1) as f64 * p).round() as usize]
}

/// A phone-camera-like JPEG: smooth light, a face-sized shape, fine sensor
/// grain (which is what makes real photos large), quality 92. Deterministic.
fn phone_jpeg(width: u32, height: u32) -> Vec<u8> {
    let mut seed = 0x9e37_79b9_u32;
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let grain = (seed % 16) as f32 - 8.0;
        let fx = x as f32 / width as f32;
        let fy = y as f32 / height as f32;
        let face = if (fx - 0.5).powi(2) * 2.0 + (fy - 0.42).powi(2) < 0.045 {
            70.0
        } else {
            0.0
        };
        let stripes = 25.0 * (fx * 40.0 + fy * 13.0).sin();
        let px = |base: f32| (base + face + grain + stripes).clamp(0.0, 255.0) as u8;
        image::Rgb([
            px(80.0 + 100.0 * fx),
            px(60.0 + 90.0 * fy),
            px(70.0 + 40.0 * (fx * 5.0).cos()),
        ])
    });
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 92)
        .encode_image(&image)
        .unwrap();
    bytes
}

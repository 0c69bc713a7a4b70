//! Posters read back the way a volunteer's printer and phone see them:
//! poppler's pdftotext, pdfinfo and pdftoppm, qpdf's structural check, and a
//! QR decoder on the rendered page.

use std::io::Write;
use std::process::Command;

use alerta_core::{CaseDetails, CaseId, CaseInput, Language, case::CoordinatesInput};
use alerta_poster::{Paper, PhotoJpeg, PosterCase, sheet};
use chrono::NaiveDate;

const PAGE_URL: &str = "https://alerta.example.org/cases/4711";

fn input() -> CaseInput {
    CaseInput {
        given_name: Some("María José".into()),
        family_name: Some("Quispe Ñancucheo".into()),
        aliases: Some("Majo".into()),
        sex: Some("female".into()),
        birth_date: Some("2011-03-14".into()),
        height_cm: Some(152),
        weight_kg: Some(45),
        hair: Some("negro, largo, con trenza".into()),
        eyes: Some("café oscuro".into()),
        marks: Some("cicatriz pequeña en la ceja izquierda".into()),
        clothing: Some("Chompa roja, pantalón jean azul, zapatillas blancas".into()),
        circumstances: Some("Salió del colegio a las 18:30 y no llegó a su casa.".into()),
        last_seen_at: Some("2025-11-20T18:30:00-04:00".into()),
        last_seen_place: Some("Plaza 14 de Septiembre, Cochabamba".into()),
        last_seen: Some(CoordinatesInput {
            lat: Some(-17.3935),
            lng: Some(-66.157),
        }),
        contact_phone: Some("+591 4 4221111".into()),
        contact_phone_2: None,
        ..Default::default()
    }
}

fn details(input: &CaseInput) -> CaseDetails {
    let now = "2026-11-25T12:00:00Z".parse().unwrap();
    CaseDetails::parse(input, now).expect("a valid case")
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// A photo-like JPEG (gradients and grain, which compress like a real photo),
/// normalised the way uploads are.
fn photo(width: u32, height: u32) -> alerta_photo::NormalizedPhoto {
    let mut seed = 0x2545_f491_u32;
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let grain = (seed % 24) as i32 - 12;
        let fx = x as f32 / width as f32;
        let fy = y as f32 / height as f32;
        let face = ((fx - 0.5).powi(2) + (fy - 0.4).powi(2) < 0.06) as i32 * 60;
        let channel = |base: f32| (base as i32 + face + grain).clamp(0, 255) as u8;
        image::Rgb([
            channel(90.0 + 120.0 * fx),
            channel(70.0 + 100.0 * fy),
            channel(60.0 + 60.0 * (fx * 7.0).sin()),
        ])
    });
    // Encoded the way a phone camera does.
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 92)
        .encode_image(&image)
        .unwrap();
    alerta_photo::normalize(&bytes, "image/jpeg").unwrap()
}

fn render(
    input: &CaseInput,
    language: Language,
    paper: Paper,
    photo: Option<&alerta_photo::NormalizedPhoto>,
) -> Vec<u8> {
    render_details(&details(input), language, paper, photo)
}

fn render_details(
    details: &CaseDetails,
    language: Language,
    paper: Paper,
    photo: Option<&alerta_photo::NormalizedPhoto>,
) -> Vec<u8> {
    let case = PosterCase {
        id: CaseId(4711),
        details,
        organisation: Some("Policía Boliviana — FELCC Cochabamba"),
        page_url: PAGE_URL,
        locality: Some("Cochabamba"),
        country: Some("BO"),
    };
    let sheet = sheet(&case, language, today());
    // Posters print the copy made for them, as the server's do.
    let photo = photo.map(|p| PhotoJpeg {
        jpeg: &p.copies.print.jpeg,
        width: p.copies.print.width,
        height: p.copies.print.height,
    });
    alerta_poster::pdf(&sheet, paper, photo.as_ref()).expect("the poster renders")
}

/// With ALERTA_POSTER_DUMP=dir set, keeps a test's poster there to look at.
fn keep(name: &str, pdf: &[u8]) {
    if let Some(dir) = std::env::var_os("ALERTA_POSTER_DUMP") {
        std::fs::write(std::path::Path::new(&dir).join(name), pdf).unwrap();
    }
}

fn tool(name: &str, args: &[&str], pdf: &[u8]) -> std::process::Output {
    let mut file = tempfile::NamedTempFile::with_suffix(".pdf").unwrap();
    file.write_all(pdf).unwrap();
    let path = file.path().to_str().unwrap().to_string();
    let mut all: Vec<&str> = args.to_vec();
    all.push(&path);
    if name == "pdftotext" {
        all.push("-");
    }
    Command::new(name)
        .args(&all)
        .output()
        .unwrap_or_else(|e| panic!("{name} must be installed (poppler-utils, qpdf): {e}"))
}

fn text_of(pdf: &[u8]) -> String {
    let out = tool("pdftotext", &[], pdf);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Lines may break anywhere: compare with runs of whitespace as one space.
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn assert_sound(pdf: &[u8], paper: Paper) {
    let info = tool("pdfinfo", &[], pdf);
    let info = String::from_utf8_lossy(&info.stdout).to_string();
    assert!(info.contains("Pages:           1"), "{info}");
    let (w, h) = paper.size_pt();
    let size_line = info.lines().find(|l| l.starts_with("Page size:")).unwrap();
    let numbers: Vec<f32> = size_line
        .split_whitespace()
        .filter_map(|t| t.parse().ok())
        .collect();
    assert!(
        (numbers[0] - w).abs() < 1.0 && (numbers[1] - h).abs() < 1.0,
        "{size_line}"
    );
    let check = tool("qpdf", &["--check"], pdf);
    assert!(
        check.status.success(),
        "qpdf --check: {}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn every_field_reads_back_in_every_language() {
    let photo = photo(900, 1200);
    let expected: [(Language, &[&str]); 4] = [
        (
            Language::Es,
            &[
                "DESAPARECIDA",
                "Edad: 14 años (hoy 15 años)",
                "Sexo: femenino",
                "Estatura: 1,52 m",
                "Vista por última vez:",
                "20 de noviembre de 2025, 18:30",
                "Si la viste o sabes algo, llama al",
                "Caso N.º 4711",
                "Impreso el 25 nov 2026",
            ],
        ),
        (
            Language::Pt,
            &[
                "DESAPARECIDA",
                "Idade: 14 anos (hoje 15 anos)",
                "Altura: 1,52 m",
                "Vista pela última vez:",
                "20 de novembro de 2025, 18:30",
                "Caso n.º 4711",
            ],
        ),
        (
            Language::Fr,
            &[
                "DISPARUE",
                "Âge : 14 ans",
                "Taille : 1,52 m",
                "20 novembre 2025, 18 h 30",
                "Dossier n° 4711",
            ],
        ),
        (
            Language::En,
            &[
                "MISSING",
                "Age: 14 years (now 15 years)",
                "Height: 1.52 m",
                "Last seen:",
                "November 20, 2025, 6:30 PM",
                "Case no. 4711",
                "Printed Nov 25, 2026",
            ],
        ),
    ];
    for (language, phrases) in expected {
        let pdf = render(&input(), language, Paper::A4, Some(&photo));
        assert_sound(&pdf, Paper::A4);
        let text = text_of(&pdf);
        for phrase in phrases.iter().chain(&[
            "María José Quispe Ñancucheo",
            "Majo",
            "45 kg",
            "negro, largo, con trenza",
            "café oscuro",
            "cicatriz pequeña en la ceja izquierda",
            "Chompa roja, pantalón jean azul, zapatillas blancas",
            "Plaza 14 de Septiembre, Cochabamba",
            "Salió del colegio a las 18:30 y no llegó a su casa.",
            "+591 4 4221111",
            "Policía Boliviana — FELCC Cochabamba",
        ]) {
            assert!(
                text.contains(phrase),
                "{}: {phrase:?} not found in {text}",
                language.as_str()
            );
        }
    }
}

#[test]
fn letter_paper_gives_a_letter_page() {
    let pdf = render(
        &input(),
        Language::Es,
        Paper::Letter,
        Some(&photo(600, 800)),
    );
    assert_sound(&pdf, Paper::Letter);
    assert!(text_of(&pdf).contains("+591 4 4221111"));
}

#[test]
fn the_headline_follows_the_persons_sex() {
    for (sex, es, fr) in [
        ("male", "DESAPARECIDO", "DISPARU"),
        ("unknown", "DESAPARECIDO/A", "DISPARU(E)"),
    ] {
        let mut case = input();
        case.sex = Some(sex.into());
        assert!(text_of(&render(&case, Language::Es, Paper::A4, None)).starts_with(es));
        assert!(text_of(&render(&case, Language::Fr, Paper::A4, None)).starts_with(fr));
    }
}

#[test]
fn the_poster_with_its_photo_stays_small_enough_to_mail() {
    let photo = photo(3000, 4000);
    let pdf = render(&input(), Language::Es, Paper::A4, Some(&photo));
    // About 22 KB of page and fonts, and the print copy's budget of 75 KB.
    assert!(pdf.len() <= 100 * 1024, "{} bytes", pdf.len());
    // The print copy is embedded as it is, not decoded and compressed again.
    let print = &photo.copies.print.jpeg;
    assert!(
        pdf.windows(print.len()).any(|w| w == print.as_slice()),
        "the print copy is not in the PDF byte for byte"
    );
    // Framed 5:4 at 720 px across: about 170 dpi on half an A4 page.
    let images = String::from_utf8(tool("pdfimages", &["-list"], &pdf).stdout).unwrap();
    let row = images.lines().nth(2).expect("one image");
    let columns: Vec<&str> = row.split_whitespace().collect();
    assert_eq!((columns[3], columns[4]), ("720", "900"), "{images}");
}

#[test]
fn apostrophes_accents_and_long_names_render_right() {
    let mut case = input();
    case.given_name = Some("Ch'aska Mayu Wayra".into());
    case.family_name = Some("Huamán Gonçalves de la Santísima Trinidad".into());
    let text = text_of(&render(&case, Language::Pt, Paper::A4, None));
    assert!(
        text.contains("Ch'aska Mayu Wayra Huamán Gonçalves de la Santísima Trinidad"),
        "{text}"
    );
}

#[test]
fn names_in_other_scripts_print_in_latin_letters() {
    let mut case = input();
    case.given_name = Some("小明".into());
    case.family_name = Some("王".into());
    let text = text_of(&render(&case, Language::En, Paper::A4, None));
    assert!(text.contains("Xiao Ming Wang"), "{text}");
}

#[test]
fn long_circumstances_are_cut_with_a_link_to_the_rest() {
    let mut case = input();
    case.circumstances = Some("Fue vista subiendo a un minibús de la línea 110. ".repeat(60));
    let pdf = render(&case, Language::Es, Paper::A4, None);
    keep("long.pdf", &pdf);
    assert_sound(&pdf, Paper::A4);
    let text = text_of(&pdf);
    assert!(text.contains('…'), "{text}");
    assert!(text.contains("Más en alerta.example.org/c/4711"), "{text}");
    // What follows the circumstances is still on the page.
    assert!(text.contains("Si la viste o sabes algo, llama al"));
}

#[test]
fn hostile_text_prints_as_text_and_never_breaks_the_pdf() {
    let mut case = input();
    case.given_name = Some("<script>alert(1)</script>".into());
    case.family_name = Some(") Tj ET /F1 99 Tf (".into());
    // Longer than the API accepts: the renderer must cope on its own.
    let mut case = details(&case);
    case.marks = Some("m".repeat(10_000));
    case.clothing = "%PDF-1.4 endobj stream ".repeat(500);
    case.circumstances = "w".repeat(10_000);
    case.last_seen_place = "<b>Plaza</b>\u{7}\u{202e} ".repeat(800);
    case.contact_phone = "9".repeat(10_000);
    let pdf = render_details(&case, Language::Es, Paper::A4, Some(&photo(400, 500)));
    keep("hostile.pdf", &pdf);
    assert_sound(&pdf, Paper::A4);
    let text = text_of(&pdf);
    assert!(text.contains("<script>alert(1)</script>"), "{text}");
    assert!(text.contains(") Tj ET /F1 99 Tf ("), "{text}");
    assert!(text.contains("Si la viste o sabes algo, llama al"));
}

#[test]
fn odd_photos_give_a_sensible_poster() {
    for (w, h) in [(6000, 400), (64, 80), (1200, 1200)] {
        let pdf = render(&input(), Language::Es, Paper::A4, Some(&photo(w, h)));
        keep(&format!("photo-{w}x{h}.pdf"), &pdf);
        assert_sound(&pdf, Paper::A4);
        assert!(text_of(&pdf).contains("María José Quispe Ñancucheo"));
    }
    // Without a photo the description takes the width: no empty box.
    let pdf = render(&input(), Language::Es, Paper::A4, None);
    assert_sound(&pdf, Paper::A4);
    assert!(!text_of(&pdf).contains("Sin foto"));
}

/// The page as a greyscale raster at `dpi`, from poppler.
fn raster(pdf: &[u8], dpi: u32) -> image::GrayImage {
    let out = tool(
        "pdftoppm",
        &["-r", &dpi.to_string(), "-gray", "-png", "-singlefile"],
        pdf,
    );
    // pdftoppm writes to stdout when no output root is given.
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    image::load_from_memory(&out.stdout).unwrap().to_luma8()
}

#[test]
fn the_qr_code_opens_the_case_page() {
    let pdf = render(&input(), Language::Es, Paper::A4, Some(&photo(900, 1200)));
    let page = raster(&pdf, 150);
    let mut prepared = rqrr::PreparedImage::prepare(page);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code on the poster");
    let (_, content) = grids[0].decode().expect("the QR code decodes");
    assert_eq!(content, PAGE_URL);
}

#[test]
fn the_layout_matches_the_reference_pages() {
    // The short case with a portrait photo, the long case with a landscape
    // one, and the long case without a photo on Letter.
    let portrait = photo(900, 1200);
    let landscape = photo(1200, 900);
    let pages = [
        (
            "poster-a4-es",
            input(),
            Language::Es,
            Paper::A4,
            Some(&portrait),
        ),
        (
            "poster-long-a4-pt",
            long_input(),
            Language::Pt,
            Paper::A4,
            Some(&landscape),
        ),
        (
            "poster-long-letter-en",
            long_input(),
            Language::En,
            Paper::Letter,
            None,
        ),
    ];
    for (name, case, language, paper, photo) in pages {
        let golden = format!("{}/tests/golden/{name}.png", env!("CARGO_MANIFEST_DIR"));
        let pdf = render(&case, language, paper, photo);
        keep(&format!("{name}.pdf"), &pdf);
        let page = raster(&pdf, 24);
        if std::env::var_os("ALERTA_UPDATE_GOLDEN").is_some() {
            page.save(&golden).unwrap();
        }
        let reference = image::open(&golden)
            .unwrap_or_else(|_| panic!("{golden} (ALERTA_UPDATE_GOLDEN=1 writes it)"))
            .to_luma8();
        assert_eq!(page.dimensions(), reference.dimensions(), "{name}");
        // Mean difference over the page: a moved block or a missing photo
        // changes it by several percent; a glyph a pixel off, by far less.
        let total: u64 = page
            .pixels()
            .zip(reference.pixels())
            .map(|(a, b)| u64::from(a.0[0].abs_diff(b.0[0])))
            .sum();
        let mean = total as f64 / f64::from(page.width() * page.height()) / 255.0;
        assert!(
            mean < 0.02,
            "{name}: the page differs from the reference by {:.1}%",
            mean * 100.0
        );
    }
}

fn card(photo: Option<&alerta_photo::NormalizedPhoto>) -> image::RgbImage {
    let details = details(&input());
    let case = PosterCase {
        id: CaseId(4711),
        details: &details,
        organisation: None,
        page_url: PAGE_URL,
        locality: Some("Cochabamba"),
        country: Some("BO"),
    };
    let sheet = sheet(&case, Language::Es, today());
    let photo = photo.map(|p| PhotoJpeg {
        jpeg: &p.jpeg,
        width: p.width,
        height: p.height,
    });
    let png = alerta_poster::card(&sheet, photo.as_ref()).expect("the card renders");
    if let Some(dir) = std::env::var_os("ALERTA_POSTER_DUMP") {
        let name = if photo.is_some() {
            "card.png"
        } else {
            "card-no-photo.png"
        };
        std::fs::write(std::path::Path::new(&dir).join(name), &png).unwrap();
    }
    assert_eq!(image::guess_format(&png).unwrap(), image::ImageFormat::Png);
    image::load_from_memory(&png).unwrap().to_rgb8()
}

#[test]
fn the_card_is_a_portrait_png_with_photo_headline_and_phone_band() {
    let with_photo = card(Some(&photo(900, 1200)));
    assert_eq!(with_photo.dimensions(), (1080, 1350));
    // The red headline band, with white lettering in it.
    let band: Vec<_> = (0..1080).map(|x| with_photo.get_pixel(x, 85).0).collect();
    assert!(band.iter().filter(|p| p[0] > 150 && p[1] < 60).count() > 300);
    assert!(band.iter().any(|p| p.iter().all(|c| *c > 230)));
    // The photo area shows the photo's colours, not a plain background.
    let photo_colours = (200..720)
        .step_by(20)
        .map(|y| with_photo.get_pixel(540, y).0)
        .collect::<std::collections::BTreeSet<_>>();
    assert!(photo_colours.len() > 10);
    // The phone band at the bottom: black with white digits.
    let row: Vec<_> = (0..1080).map(|x| with_photo.get_pixel(x, 1250).0).collect();
    assert!(row.iter().any(|p| p.iter().all(|c| *c > 230)));
    assert!(row.iter().filter(|p| p.iter().all(|c| *c < 30)).count() > 500);

    let without = card(None);
    let middle = (200..720)
        .step_by(20)
        .map(|y| without.get_pixel(100, y).0)
        .collect::<std::collections::BTreeSet<_>>();
    assert_eq!(middle.len(), 1, "no photo: a plain area with a note");
}

/// A case with everything long: names, marks, clothing, 400 characters of
/// circumstances, a long place.
fn long_input() -> CaseInput {
    let mut case = input();
    case.given_name = Some("María de los Ángeles Guadalupe".into());
    case.family_name = Some("Quispe Mamani de Gonçalves Ferreira".into());
    case.aliases = Some("Mari, Lupita, la Flaca".into());
    case.marks = Some(
        "Cicatriz de 3 cm en la ceja izquierda, lunar en la mejilla derecha, \
         tatuaje pequeño de una estrella en la muñeca izquierda, usa lentes"
            .into(),
    );
    case.clothing = Some(
        "Chompa roja de lana con rayas blancas, pantalón jean azul oscuro, \
         zapatillas blancas con cordones rosados, mochila negra con un llavero de oso"
            .into(),
    );
    case.circumstances = Some(LONG_CIRCUMSTANCES.into());
    case.last_seen_place = Some(
        "Parada de minibuses de la avenida Heroínas, frente al mercado 25 de Mayo, Cochabamba"
            .into(),
    );
    case
}

/// 400 characters.
const LONG_CIRCUMSTANCES: &str = "Salió del colegio a las 18:30 con dos compañeras, \
    que la dejaron en la parada de minibuses de la avenida Heroínas. Una vecina la vio \
    subir a un minibús de la línea 110 hacia la zona sur, hablando por teléfono. No \
    llegó a su casa ni respondió más llamadas. Llevaba su uniforme en la mochila y \
    unos 20 bolivianos. Es la primera vez que no vuelve; no tiene novio conocido y su \
    familia no sabe de nadie con quien haya quedado.";

#[test]
fn a_long_case_fits_whole_on_a4_and_letter_in_every_language() {
    assert!(LONG_CIRCUMSTANCES.chars().count() >= 400);
    let photo = photo(900, 1200);
    for paper in [Paper::A4, Paper::Letter] {
        for language in [Language::Es, Language::Pt, Language::Fr, Language::En] {
            for with_photo in [Some(&photo), None] {
                let pdf = render(&long_input(), language, paper, with_photo);
                let name = format!(
                    "long-{}-{}-{}.pdf",
                    language.as_str(),
                    paper.as_str(),
                    if with_photo.is_some() {
                        "photo"
                    } else {
                        "nophoto"
                    }
                );
                keep(&name, &pdf);
                assert_sound(&pdf, paper);
                let text = text_of(&pdf);
                let circumstances = LONG_CIRCUMSTANCES.split_whitespace().collect::<Vec<_>>();
                assert!(
                    text.contains(&circumstances.join(" ")),
                    "{name}: the circumstances are not whole in {text}"
                );
                assert!(!text.contains('…'), "{name}: something was cut: {text}");
            }
        }
    }
}

#[test]
fn strips_carry_the_phone_the_case_and_its_short_link_and_the_poster_warns_against_extortion() {
    for (language, warning) in [
        (Language::Es, "Alerta y la policía nunca piden dinero"),
        (Language::Pt, "O Alerta e a polícia nunca pedem dinheiro"),
        (
            Language::Fr,
            "Alerta et la police ne demandent jamais d’argent",
        ),
        (Language::En, "Alerta and the police never ask for money"),
    ] {
        let text = text_of(&render(&input(), language, Paper::A4, None));
        assert!(text.contains(warning), "{text}");
        // Eight strips, each with the short link.
        assert!(
            text.matches("alerta.example.org/c/4711").count() >= 8,
            "{text}"
        );
    }
}

/// The height of the tallest word box holding `word`, from poppler's
/// `pdftotext -bbox`: the type size it is set in, give or take the font's
/// line gap.
fn tallest(pdf: &[u8], word: &str) -> f32 {
    let out = tool("pdftotext", &["-bbox"], pdf);
    let html = String::from_utf8_lossy(&out.stdout).to_string();
    html.lines()
        .filter(|line| line.contains(&format!(">{word}<")))
        .filter_map(|line| {
            let number = |key: &str| -> Option<f32> {
                let start = line.find(&format!("{key}=\""))? + key.len() + 2;
                line[start..].split('"').next()?.parse().ok()
            };
            Some(number("yMax")? - number("yMin")?)
        })
        .fold(0.0, f32::max)
}

#[test]
fn the_phone_number_keeps_its_size_however_long_the_case() {
    let photo = photo(900, 1200);
    let short = tallest(
        &render(&input(), Language::Es, Paper::A4, Some(&photo)),
        "4221111",
    );
    for (name, pdf) in [
        (
            "long",
            render(&long_input(), Language::Es, Paper::A4, Some(&photo)),
        ),
        (
            "long, Letter",
            render(&long_input(), Language::Fr, Paper::Letter, None),
        ),
    ] {
        let size = tallest(&pdf, "4221111");
        assert!((size - short).abs() < 0.5, "{name}: {size} against {short}");
    }
    assert!(short > 30.0, "the phone is large: {short}");
    // A second number prints under the first, smaller; the first keeps its size.
    let mut two = long_input();
    two.contact_phone_2 = Some("+591 722 22222".into());
    let pdf = render(&two, Language::Es, Paper::A4, Some(&photo));
    keep("two-phones-a4-es.pdf", &pdf);
    assert!((tallest(&pdf, "4221111") - short).abs() < 0.5);
    let second = tallest(&pdf, "22222");
    assert!(
        second > 12.0 && second < short,
        "the second phone: {second}"
    );
}

//! The card people forward on messaging apps and social networks: a
//! 1080 × 1350 PNG (the portrait size those apps show whole) with the
//! headline, the photo, the name, age, where and when, and the phone.

use ab_glyph::{Font, PxScale, ScaleFont, point};
use image::{Rgb, RgbImage, imageops};

use crate::fonts::{Weight, face};
use crate::layout::{fit, wrap};
use crate::{PhotoJpeg, PosterError, Sheet};

pub const WIDTH: u32 = 1080;
pub const HEIGHT: u32 = 1350;

const RED: Rgb<u8> = Rgb([183, 28, 28]);
const BLACK: Rgb<u8> = Rgb([17, 17, 17]);
const WHITE: Rgb<u8> = Rgb([255, 255, 255]);
const PHOTO_BACKGROUND: Rgb<u8> = Rgb([40, 40, 40]);

const MARGIN: f32 = 40.0;
const BAND: u32 = 170;
const PHOTO_BOTTOM: u32 = 740;
const CALL_TOP: u32 = 1120;

pub fn render(sheet: &Sheet, photo: Option<&PhotoJpeg>) -> Result<Vec<u8>, PosterError> {
    let mut card = RgbImage::from_pixel(WIDTH, HEIGHT, WHITE);
    let w = WIDTH as f32 - 2.0 * MARGIN;

    fill(&mut card, 0, 0, WIDTH, BAND, RED);
    let (size, headline) = fit(&sheet.headline, Weight::Bold, w, 1, 120.0, 40.0);
    let baseline = BAND as f32 / 2.0 + face(Weight::Bold).ascent(size) * 0.5;
    centered(
        &mut card,
        Weight::Bold,
        size,
        baseline,
        &headline.lines[0],
        WHITE,
    );

    fill(
        &mut card,
        0,
        BAND,
        WIDTH,
        PHOTO_BOTTOM - BAND,
        PHOTO_BACKGROUND,
    );
    match photo {
        Some(photo) => place_photo(&mut card, photo)?,
        None => {
            let y = (BAND + PHOTO_BOTTOM) as f32 / 2.0;
            centered(&mut card, Weight::Regular, 48.0, y, &sheet.no_photo, WHITE);
        }
    }

    let mut y = PHOTO_BOTTOM as f32 + 20.0;
    let (size, name) = fit(&sheet.name, Weight::Bold, w, 2, 68.0, 36.0);
    for line in &name.lines {
        y += face(Weight::Bold).ascent(size);
        centered(&mut card, Weight::Bold, size, y, line, BLACK);
        y += size * 0.2;
    }
    y += 10.0 + face(Weight::Regular).ascent(38.0);
    let age = wrap(&sheet.age, Weight::Regular, 38.0, w, 0.0, 1);
    centered(&mut card, Weight::Regular, 38.0, y, &age.lines[0], BLACK);
    y += 12.0;
    let last_seen = format!("{} {}", sheet.last_seen.label, sheet.last_seen.value);
    let room = ((CALL_TOP as f32 - 12.0 - y) / 38.0).floor().max(0.0) as usize;
    for line in wrap(&last_seen, Weight::Regular, 30.0, w, 0.0, room).lines {
        y += 38.0;
        centered(&mut card, Weight::Regular, 30.0, y, &line, BLACK);
    }

    fill(&mut card, 0, CALL_TOP, WIDTH, HEIGHT - CALL_TOP, BLACK);
    let call = wrap(&sheet.call, Weight::Regular, 30.0, w, 0.0, 1);
    let mut y = CALL_TOP as f32 + 22.0 + face(Weight::Regular).ascent(30.0);
    centered(&mut card, Weight::Regular, 30.0, y, &call.lines[0], WHITE);
    let (size, phone) = fit(&sheet.phone, Weight::Bold, w, 1, 84.0, 36.0);
    y += 10.0 + face(Weight::Bold).ascent(size);
    centered(&mut card, Weight::Bold, size, y, &phone.lines[0], WHITE);
    let footer = wrap(&sheet.case_number, Weight::Regular, 24.0, w, 0.0, 1);
    centered(
        &mut card,
        Weight::Regular,
        24.0,
        HEIGHT as f32 - 18.0,
        &footer.lines[0],
        WHITE,
    );

    let mut png = Vec::new();
    image::DynamicImage::ImageRgb8(card)
        // Fast compression: a card is rendered while someone waits for it.
        .write_with_encoder(image::codecs::png::PngEncoder::new_with_quality(
            &mut png,
            image::codecs::png::CompressionType::Fast,
            image::codecs::png::FilterType::Adaptive,
        ))
        .map_err(|e| PosterError::Encode(e.to_string()))?;
    Ok(png)
}

/// The photo scaled to fit the photo area whole (never cropped: a cut-off
/// face is worse than a grey margin), centred.
fn place_photo(card: &mut RgbImage, photo: &PhotoJpeg) -> Result<(), PosterError> {
    let decoded = image::load_from_memory_with_format(photo.jpeg, image::ImageFormat::Jpeg)
        .map_err(|e| PosterError::Photo(e.to_string()))?
        .to_rgb8();
    let (area_w, area_h) = (WIDTH, PHOTO_BOTTOM - BAND);
    let scale =
        (area_w as f32 / decoded.width() as f32).min(area_h as f32 / decoded.height() as f32);
    let w = ((decoded.width() as f32 * scale).round() as u32).clamp(1, area_w);
    let h = ((decoded.height() as f32 * scale).round() as u32).clamp(1, area_h);
    let resized = imageops::resize(&decoded, w, h, imageops::FilterType::Triangle);
    let x = (area_w - w) / 2;
    let y = BAND + (area_h - h) / 2;
    imageops::replace(card, &resized, i64::from(x), i64::from(y));
    Ok(())
}

fn fill(card: &mut RgbImage, x: u32, y: u32, w: u32, h: u32, color: Rgb<u8>) {
    for py in y..(y + h).min(HEIGHT) {
        for px in x..(x + w).min(WIDTH) {
            card.put_pixel(px, py, color);
        }
    }
}

fn centered(
    card: &mut RgbImage,
    weight: Weight,
    size: f32,
    baseline: f32,
    text: &str,
    color: Rgb<u8>,
) {
    let x = (WIDTH as f32 - face(weight).width(text, size)).max(0.0) / 2.0;
    draw_text(card, weight, size, x, baseline, text, color);
}

/// Draws `text` with its baseline at `baseline`, `size` pixels to the em,
/// blending each glyph's coverage into the card.
fn draw_text(
    card: &mut RgbImage,
    weight: Weight,
    size: f32,
    x: f32,
    baseline: f32,
    text: &str,
    color: Rgb<u8>,
) {
    let font = face(weight).outlines();
    let units_per_em = font.units_per_em().unwrap_or(1000.0);
    // ab_glyph scales by ascent-to-descent height; ours are em sizes.
    let scale = PxScale::from(size * font.height_unscaled() / units_per_em);
    let scaled = font.as_scaled(scale);
    let mut caret = x;
    for c in text.chars() {
        let id = font.glyph_id(c);
        let glyph = id.with_scale_and_position(scale, point(caret, baseline));
        caret += scaled.h_advance(id);
        let Some(outline) = font.outline_glyph(glyph) else {
            continue;
        };
        let bounds = outline.px_bounds();
        outline.draw(|gx, gy, coverage| {
            let px = bounds.min.x as i64 + i64::from(gx);
            let py = bounds.min.y as i64 + i64::from(gy);
            if px < 0 || py < 0 || px >= i64::from(WIDTH) || py >= i64::from(HEIGHT) {
                return;
            }
            let pixel = card.get_pixel_mut(px as u32, py as u32);
            for (channel, ink) in pixel.0.iter_mut().zip(color.0) {
                let blended = f32::from(*channel) * (1.0 - coverage) + f32::from(ink) * coverage;
                *channel = blended.round() as u8;
            }
        });
    }
}

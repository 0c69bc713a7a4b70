//! The lighter copies a photo travels as: framed for the poster at a
//! resolution a printer needs and no more, and small for a phone's screen.
//! An alert mail carries both (the screen copy inline, the print copy
//! inside the attached poster), so their weight is the mail's weight: each
//! is encoded to a byte budget, whatever the photo's grain.

use fast_image_resize as fir;
use image::RgbImage;

use crate::PhotoError;

/// A portrait is framed at most this much taller than wide (5:4); a
/// landscape photo is framed square. The poster draws its frame by the
/// same rule, so the print copy fills it without another cut.
pub const FRAME_MAX_TALL: f32 = 1.25;
/// Of what a tall frame cuts away, this share comes off the top: the face
/// is usually in the upper part of a photo.
pub const FRAME_TOP_SHARE: f32 = 0.3;

/// 720 px across the poster's frame (half an A4 or Letter page, about
/// 10.5 cm) is about 170 dpi: sharp on an office printer.
const PRINT_WIDTH: u32 = 720;
const PRINT_BUDGET: usize = 75 * 1024;
/// Fills a phone's screen at 1.5 device pixels per CSS pixel.
const SCREEN_SIDE: u32 = 480;
const SCREEN_BUDGET: usize = 20 * 1024;

const FIRST_QUALITY: u8 = 82;
const LOWEST_QUALITY: u8 = 50;

/// A JPEG and its size in pixels.
#[derive(Debug, Clone)]
pub struct PhotoCopy {
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// Both copies of one photo.
#[derive(Debug, Clone)]
pub struct Copies {
    /// Framed as the poster shows it ([`poster_frame`]), for printing.
    pub print: PhotoCopy,
    /// The whole photo, small, for the body of a mail.
    pub screen: PhotoCopy,
}

/// The part of a `width` × `height` photo the poster shows, in pixels:
/// `(x, y, w, h)` from the top left.
pub fn poster_frame(width: u32, height: u32) -> (u32, u32, u32, u32) {
    if height < width {
        let side = height;
        return ((width - side) / 2, 0, side, side);
    }
    let tallest = ((width as f32) * FRAME_MAX_TALL).round() as u32;
    if height <= tallest {
        return (0, 0, width, height);
    }
    let cut = height - tallest;
    let top = ((cut as f32) * FRAME_TOP_SHARE).round() as u32;
    (0, top, width, tallest)
}

/// Makes both copies of the upright sRGB picture `image`.
pub fn copies(image: &RgbImage) -> Result<Copies, PhotoError> {
    let (x, y, w, h) = poster_frame(image.width(), image.height());
    let framed = image::imageops::crop_imm(image, x, y, w, h).to_image();
    Ok(Copies {
        print: within_budget(&framed, PRINT_WIDTH, u32::MAX, PRINT_BUDGET)?,
        screen: within_budget(image, SCREEN_SIDE, SCREEN_SIDE, SCREEN_BUDGET)?,
    })
}

/// Both copies of a normalised JPEG (for photos stored before the copies were).
pub fn copies_of_jpeg(jpeg: &[u8]) -> Result<Copies, PhotoError> {
    let image = image::load_from_memory_with_format(jpeg, image::ImageFormat::Jpeg)
        .map_err(|e| PhotoError::Damaged(e.to_string()))?
        .into_rgb8();
    copies(&image)
}

/// `image` at most `max_width` × `max_height`, as a JPEG of at most
/// `budget` bytes: the quality steps down first, then the size.
fn within_budget(
    image: &RgbImage,
    max_width: u32,
    max_height: u32,
    budget: usize,
) -> Result<PhotoCopy, PhotoError> {
    let mut scale = (max_width as f32 / image.width() as f32)
        .min(max_height as f32 / image.height() as f32)
        .min(1.0);
    loop {
        let resized = resize(image, scale);
        let mut quality = FIRST_QUALITY;
        loop {
            let jpeg = crate::encode_jpeg_at(&resized, quality)?;
            let smallest = resized.width() <= 64 || resized.height() <= 64;
            if jpeg.len() <= budget || (quality <= LOWEST_QUALITY && smallest) {
                return Ok(PhotoCopy {
                    jpeg,
                    width: resized.width(),
                    height: resized.height(),
                });
            }
            if quality <= LOWEST_QUALITY {
                break;
            }
            quality = quality.saturating_sub(8).max(LOWEST_QUALITY);
        }
        scale *= 0.8;
    }
}

fn resize(image: &RgbImage, scale: f32) -> RgbImage {
    let (w, h) = image.dimensions();
    let new_w = ((w as f32 * scale).round() as u32).max(1);
    let new_h = ((h as f32 * scale).round() as u32).max(1);
    if (new_w, new_h) == (w, h) {
        return image.clone();
    }
    let Ok(source) = fir::images::ImageRef::new(w, h, image.as_raw(), fir::PixelType::U8x3) else {
        unreachable!("an RgbImage buffer holds exactly w × h × 3 bytes")
    };
    let mut target = fir::images::Image::new(new_w, new_h, fir::PixelType::U8x3);
    let options = fir::ResizeOptions::new()
        .resize_alg(fir::ResizeAlg::Convolution(fir::FilterType::CatmullRom));
    fir::Resizer::new()
        .resize(&source, &mut target, &options)
        .expect("same pixel type on both sides");
    RgbImage::from_raw(new_w, new_h, target.into_vec())
        .expect("the target holds new_w × new_h pixels")
}

#[cfg(test)]
mod tests {
    use image::{ImageBuffer, Rgb};

    use super::*;

    /// Noise of `amplitude` over a gradient; 255 makes pure noise, the
    /// hardest picture to compress.
    fn grainy(width: u32, height: u32, amplitude: u32) -> RgbImage {
        let mut state = 0x2545_f491_u32;
        ImageBuffer::from_fn(width, height, |x, y| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let grain = |shift: u32| ((state >> shift) & 0xff) * amplitude / 255;
            let base = (x + y) * 128 / (width + height);
            let channel = |shift| (base + grain(shift)).min(255) as u8;
            Rgb([channel(0), channel(8), channel(16)])
        })
    }

    #[test]
    fn the_frame_is_square_for_a_landscape_and_at_most_5_to_4_for_a_portrait() {
        assert_eq!(poster_frame(1200, 900), (150, 0, 900, 900));
        assert_eq!(poster_frame(900, 1000), (0, 0, 900, 1000));
        // 900 × 1200: 1125 tall at most, 75 px cut, 30 % of them at the top.
        assert_eq!(poster_frame(900, 1200), (0, 23, 900, 1125));
    }

    #[test]
    fn a_photo_keeps_its_print_size_and_fits_its_budgets() {
        let copies = copies(&grainy(1200, 900, 24)).unwrap();
        assert_eq!((copies.print.width, copies.print.height), (720, 720));
        assert!(
            copies.print.jpeg.len() <= PRINT_BUDGET,
            "{}",
            copies.print.jpeg.len()
        );
        assert!(copies.screen.width <= 480 && copies.screen.height <= 480);
        assert!(
            copies.screen.jpeg.len() <= SCREEN_BUDGET,
            "{}",
            copies.screen.jpeg.len()
        );
        let decoded = image::load_from_memory(&copies.screen.jpeg).unwrap();
        assert_eq!(
            (decoded.width(), decoded.height()),
            (copies.screen.width, copies.screen.height)
        );
    }

    #[test]
    fn pure_grain_is_made_smaller_until_it_fits_its_budgets() {
        let copies = copies(&grainy(1200, 900, 255)).unwrap();
        assert!(
            copies.print.jpeg.len() <= PRINT_BUDGET,
            "{}",
            copies.print.jpeg.len()
        );
        assert!(
            copies.screen.jpeg.len() <= SCREEN_BUDGET,
            "{}",
            copies.screen.jpeg.len()
        );
        assert_eq!(
            copies.print.width, copies.print.height,
            "still framed square"
        );
    }

    #[test]
    fn a_small_photo_is_not_enlarged() {
        let copies = copies(&ImageBuffer::from_pixel(200, 300, Rgb([90, 60, 30]))).unwrap();
        assert_eq!((copies.print.width, copies.print.height), (200, 250));
        assert_eq!((copies.screen.width, copies.screen.height), (200, 300));
    }
}

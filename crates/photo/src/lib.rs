//! Case photos: checks an upload and makes the copy posters and pages use.
//!
//! Phones send photos sideways (EXIF orientation), print shops send CMYK,
//! scanners send 16-bit PNGs, and some uploads are hostile. Whatever comes in,
//! what comes out is an upright sRGB JPEG about 1200 px on its longest side,
//! or a refusal that says why.

use std::io::Cursor;

use fast_image_resize as fir;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, RgbImage};

mod copies;
pub use copies::{
    Copies, FRAME_MAX_TALL, FRAME_TOP_SHARE, PhotoCopy, copies_of_jpeg, poster_frame,
};

/// Largest upload accepted, in bytes.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;
/// Largest picture accepted, in pixels: a 48-megapixel phone photo fits.
/// Checked from the header, before any pixel is decoded.
pub const MAX_PIXELS: u64 = 60_000_000;
/// Longest side of the normalised copy.
pub const NORMALIZED_SIDE: u32 = 1200;
const JPEG_QUALITY: u8 = 85;

/// The media types a photo may be uploaded as.
pub const ACCEPTED_TYPES: &[&str] = &["image/jpeg", "image/png", "image/webp", "image/gif"];

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PhotoError {
    #[error("photos must be sent as image/jpeg, image/png, image/webp or image/gif (got {0})")]
    UnsupportedType(String),
    #[error("the file is not a JPEG, PNG, WebP or GIF image")]
    NotAnImage,
    #[error("the photo is {0} bytes; the limit is 20 MB")]
    TooManyBytes(usize),
    #[error("the photo is {width}×{height} pixels; the limit is 60 megapixels")]
    TooManyPixels { width: u32, height: u32 },
    #[error("the photo is damaged or truncated: {0}")]
    Damaged(String),
}

/// The checked photo: the normalised JPEG and what it came from.
#[derive(Debug)]
pub struct NormalizedPhoto {
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
    /// The media type the upload really was (sniffed, not declared).
    pub original_type: &'static str,
    /// The lighter copies posters and mail carry.
    pub copies: Copies,
}

/// Checks `bytes` declared as `declared_type` and makes the normalised copy.
/// CPU-bound (tens of milliseconds for a phone photo): call it off the async runtime.
pub fn normalize(bytes: &[u8], declared_type: &str) -> Result<NormalizedPhoto, PhotoError> {
    let declared = declared_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if !ACCEPTED_TYPES.contains(&declared.as_str()) {
        return Err(PhotoError::UnsupportedType(
            declared.chars().take(60).collect(),
        ));
    }
    if bytes.len() > MAX_BYTES {
        return Err(PhotoError::TooManyBytes(bytes.len()));
    }
    let format = image::guess_format(bytes).map_err(|_| PhotoError::NotAnImage)?;
    let original_type = match format {
        ImageFormat::Jpeg => "image/jpeg",
        ImageFormat::Png => "image/png",
        ImageFormat::WebP => "image/webp",
        ImageFormat::Gif => "image/gif",
        _ => return Err(PhotoError::NotAnImage),
    };
    if format == ImageFormat::Jpeg && !jpeg_is_complete(bytes) {
        return Err(PhotoError::Damaged(
            "the JPEG ends before its last scan does".into(),
        ));
    }
    let image = match format {
        ImageFormat::Jpeg => decode_jpeg_shrunk(bytes)?,
        _ => None,
    };
    let image = match image {
        Some(image) => image,
        None => decode_upright(bytes, format)?,
    };
    let image = flatten_to_rgb(image);
    let image = shrink(image);
    let (width, height) = image.dimensions();
    let jpeg = encode_jpeg_at(&image, JPEG_QUALITY)?;
    let copies = copies::copies(&image)?;
    Ok(NormalizedPhoto {
        jpeg,
        width,
        height,
        original_type,
        copies,
    })
}

/// Baseline JPEG, 4:2:0 with chroma averaged (as libjpeg does; picking one
/// pixel per block frays coloured edges), with the standard Huffman tables:
/// jpeg-encoder 0.7's fitted tables would save 12 %, but zune-jpeg (the image
/// crate's decoder) misreads them, and other readers might too.
fn encode_jpeg_at(image: &RgbImage, quality: u8) -> Result<Vec<u8>, PhotoError> {
    let (width, height) = image.dimensions();
    let side = |n: u32| u16::try_from(n).expect("a normalised side is at most 1200 px");
    let mut jpeg = Vec::with_capacity(256 * 1024);
    let mut encoder = jpeg_encoder::Encoder::new(&mut jpeg, quality);
    encoder.set_sampling_factor(jpeg_encoder::SamplingFactor::F_2_2);
    encoder.set_chroma_subsampling_method(jpeg_encoder::ChromaSubsamplingMethod::Average);
    encoder
        .encode(
            image.as_raw(),
            side(width),
            side(height),
            jpeg_encoder::ColorType::Rgb,
        )
        .map_err(|e| PhotoError::Damaged(e.to_string()))?;
    Ok(jpeg)
}

/// The JPEG decoder fills a truncated file with grey rather than failing, so
/// check the structure ourselves: the end-of-image marker (FF D9) must follow
/// the last start-of-scan (FF DA). Inside scan data a literal FF is always
/// followed by 00, so these pairs are real markers; an EXIF thumbnail's own
/// markers come before the main image's scans and cannot satisfy the check.
fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let last_marker = |second: u8| {
        bytes
            .windows(2)
            .rposition(|w| w[0] == 0xFF && w[1] == second)
    };
    match (last_marker(0xDA), last_marker(0xD9)) {
        (Some(scan), Some(end)) => end > scan,
        _ => false,
    }
}

/// A JPEG decoded at the smallest DCT scale (1/2, 1/4 or 1/8) that still
/// leaves [`NORMALIZED_SIDE`] pixels on its longest side: the "shrink on load"
/// of libvips, which skips most of the work of decoding a phone photo only
/// to throw its pixels away. None for the rare kinds it does not decode
/// (CMYK, 16-bit), which take the general path.
fn decode_jpeg_shrunk(bytes: &[u8]) -> Result<Option<DynamicImage>, PhotoError> {
    let damaged = |e: jpeg_decoder::Error| PhotoError::Damaged(e.to_string());
    let mut decoder = jpeg_decoder::Decoder::new(Cursor::new(bytes));
    decoder.read_info().map_err(damaged)?;
    let info = decoder
        .info()
        .ok_or_else(|| PhotoError::Damaged("no JPEG header".into()))?;
    let (width, height) = (u32::from(info.width), u32::from(info.height));
    check_pixel_count(width, height)?;
    if !matches!(
        info.pixel_format,
        jpeg_decoder::PixelFormat::RGB24 | jpeg_decoder::PixelFormat::L8
    ) {
        return Ok(None);
    }
    let side = NORMALIZED_SIDE as u16;
    let (width, height) = decoder.scale(side, side).map_err(damaged)?;
    let pixels = decoder.decode().map_err(damaged)?;
    let (width, height) = (u32::from(width), u32::from(height));
    let wrong_size =
        || PhotoError::Damaged("the JPEG decoded to fewer pixels than it declares".into());
    let mut image = match info.pixel_format {
        jpeg_decoder::PixelFormat::L8 => DynamicImage::ImageLuma8(
            image::GrayImage::from_raw(width, height, pixels).ok_or_else(wrong_size)?,
        ),
        _ => DynamicImage::ImageRgb8(
            RgbImage::from_raw(width, height, pixels).ok_or_else(wrong_size)?,
        ),
    };
    if let Some(orientation) = decoder.exif_data().and_then(Orientation::from_exif_chunk) {
        image.apply_orientation(orientation);
    }
    Ok(Some(image))
}

fn check_pixel_count(width: u32, height: u32) -> Result<(), PhotoError> {
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(PhotoError::TooManyPixels { width, height });
    }
    if width == 0 || height == 0 {
        return Err(PhotoError::Damaged("the image has no pixels".into()));
    }
    Ok(())
}

/// Decodes with the pixel count checked from the header first, then turns the
/// picture the way its EXIF orientation says.
fn decode_upright(bytes: &[u8], format: ImageFormat) -> Result<DynamicImage, PhotoError> {
    let damaged = |e: image::ImageError| PhotoError::Damaged(e.to_string());
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    // A second guard behind the pixel count: no decoder may allocate more.
    limits.max_alloc = Some(MAX_PIXELS * 8);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(damaged)?;
    let (width, height) = decoder.dimensions();
    check_pixel_count(width, height)?;
    let orientation = decoder.orientation().map_err(damaged)?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(damaged)?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// 8-bit RGB, with any transparency laid over white paper (a transparent
/// background would otherwise print black).
fn flatten_to_rgb(image: DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        // Scales 16-bit and float samples down to 8 bits rather than truncating.
        return image.into_rgb8();
    }
    let rgba = image.to_rgba8();
    let mut rgb = RgbImage::new(rgba.width(), rgba.height());
    for (out, px) in rgb.pixels_mut().zip(rgba.pixels()) {
        let alpha = u16::from(px[3]);
        for c in 0..3 {
            let over_white = (u16::from(px[c]) * alpha + 255 * (255 - alpha) + 127) / 255;
            out[c] = over_white as u8;
        }
    }
    rgb
}

/// Shrinks so the longest side is [`NORMALIZED_SIDE`]; never enlarges.
/// Catmull-Rom keeps faces sharp; fast_image_resize does it with SIMD.
fn shrink(image: RgbImage) -> RgbImage {
    let (w, h) = image.dimensions();
    let longest = w.max(h);
    if longest <= NORMALIZED_SIDE {
        return image;
    }
    let scale = f64::from(NORMALIZED_SIDE) / f64::from(longest);
    let new_w = ((f64::from(w) * scale).round() as u32).max(1);
    let new_h = ((f64::from(h) * scale).round() as u32).max(1);
    let Ok(source) = fir::images::Image::from_vec_u8(w, h, image.into_raw(), fir::PixelType::U8x3)
    else {
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
mod tests;

use image::{ImageBuffer, ImageEncoder, Rgb, Rgba};

use super::*;

fn encode(image: &DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, format).unwrap();
    out.into_inner()
}

fn decode_output(photo: &NormalizedPhoto) -> RgbImage {
    image::load_from_memory_with_format(&photo.jpeg, ImageFormat::Jpeg)
        .unwrap()
        .to_rgb8()
}

fn near(px: &Rgb<u8>, expected: [u8; 3]) -> bool {
    px.0.iter().zip(expected).all(|(a, b)| a.abs_diff(b) <= 40)
}

#[test]
fn large_photo_is_shrunk_to_1200_and_kept_in_proportion() {
    let photo = DynamicImage::ImageRgb8(ImageBuffer::from_pixel(3000, 2000, Rgb([10, 120, 200])));
    let out = normalize(&encode(&photo, ImageFormat::Jpeg), "image/jpeg").unwrap();
    assert_eq!((out.width, out.height), (1200, 800));
    assert_eq!(out.original_type, "image/jpeg");
    assert!(near(
        decode_output(&out).get_pixel(600, 400),
        [10, 120, 200]
    ));
}

#[test]
fn small_photo_is_not_enlarged() {
    let photo = DynamicImage::ImageRgb8(ImageBuffer::from_pixel(64, 80, Rgb([200, 30, 30])));
    let out = normalize(&encode(&photo, ImageFormat::Png), "image/png").unwrap();
    assert_eq!((out.width, out.height), (64, 80));
    assert_eq!(out.original_type, "image/png");
}

#[test]
fn exif_orientation_is_applied() {
    let out = normalize(
        include_bytes!("../../../tests/fixtures/rotated.jpg"),
        "image/jpeg",
    )
    .unwrap();
    // Stored 60×40 landscape with Orientation 6: upright it is 40×60.
    assert_eq!((out.width, out.height), (40, 60));
    let image = decode_output(&out);
    assert!(
        near(image.get_pixel(36, 3), [255, 0, 0]),
        "the red block turns to the top right"
    );
    assert!(near(image.get_pixel(3, 3), [255, 255, 255]));
}

#[test]
fn cmyk_jpeg_keeps_its_colours() {
    let out = normalize(
        include_bytes!("../../../tests/fixtures/cmyk.jpg"),
        "image/jpeg",
    )
    .unwrap();
    let image = decode_output(&out);
    assert!(
        near(image.get_pixel(8, 24), [255, 0, 0]),
        "red stays red, got {:?}",
        image.get_pixel(8, 24)
    );
    assert!(
        near(image.get_pixel(56, 24), [255, 255, 255]),
        "white stays white, got {:?}",
        image.get_pixel(56, 24)
    );
}

#[test]
fn sixteen_bit_png_is_scaled_not_darkened() {
    let photo: ImageBuffer<Rgb<u16>, Vec<u16>> =
        ImageBuffer::from_pixel(50, 50, Rgb([65535, 32768, 0]));
    let out = normalize(
        &encode(&DynamicImage::ImageRgb16(photo), ImageFormat::Png),
        "image/png",
    )
    .unwrap();
    assert!(near(decode_output(&out).get_pixel(25, 25), [255, 128, 0]));
}

#[test]
fn transparency_is_laid_over_white() {
    let photo: ImageBuffer<Rgba<u8>, Vec<u8>> = ImageBuffer::from_pixel(40, 40, Rgba([0, 0, 0, 0]));
    let out = normalize(
        &encode(&DynamicImage::ImageRgba8(photo), ImageFormat::Png),
        "image/png",
    )
    .unwrap();
    assert!(near(decode_output(&out).get_pixel(20, 20), [255, 255, 255]));
}

#[test]
fn gif_and_webp_are_accepted() {
    let photo = DynamicImage::ImageRgba8(ImageBuffer::from_pixel(30, 20, Rgba([0, 200, 0, 255])));
    let gif = normalize(&encode(&photo, ImageFormat::Gif), "image/gif").unwrap();
    assert_eq!((gif.original_type, gif.width), ("image/gif", 30));
    let mut webp = Vec::new();
    image::codecs::webp::WebPEncoder::new_lossless(&mut webp)
        .write_image(photo.as_bytes(), 30, 20, image::ExtendedColorType::Rgba8)
        .unwrap();
    let webp = normalize(&webp, "image/webp").unwrap();
    assert_eq!((webp.original_type, webp.height), ("image/webp", 20));
}

#[test]
fn declared_type_must_be_an_accepted_image_type() {
    let err = normalize(b"%PDF-1.4", "application/pdf").unwrap_err();
    assert_eq!(err, PhotoError::UnsupportedType("application/pdf".into()));
}

#[test]
fn bytes_that_are_not_an_image_are_refused() {
    assert_eq!(
        normalize(b"hello, this is text", "image/jpeg").unwrap_err(),
        PhotoError::NotAnImage
    );
    // A BMP header: an image, but not a kind we accept.
    let bmp = b"BM\x3a\0\0\0\0\0\0\0\x36\0\0\0\x28\0\0\0";
    assert_eq!(
        normalize(bmp, "image/png").unwrap_err(),
        PhotoError::NotAnImage
    );
}

#[test]
fn truncated_image_is_refused_as_damaged() {
    let photo = DynamicImage::ImageRgb8(ImageBuffer::from_fn(400, 300, |x, y| {
        Rgb([x as u8, y as u8, 7])
    }));
    for format in [ImageFormat::Jpeg, ImageFormat::Png] {
        let bytes = encode(&photo, format);
        let result =
            normalize(&bytes[..bytes.len() / 2], "image/jpeg").map(|p| (p.width, p.height));
        assert!(
            matches!(result, Err(PhotoError::Damaged(_))),
            "{format:?}: {result:?}"
        );
    }
}

#[test]
fn decompression_bomb_is_refused_before_decoding() {
    let err = normalize(
        include_bytes!("../../../tests/fixtures/bomb.png"),
        "image/png",
    )
    .unwrap_err();
    assert_eq!(
        err,
        PhotoError::TooManyPixels {
            width: 20_000,
            height: 20_000
        }
    );
}

#[test]
fn oversized_upload_is_refused() {
    let err = normalize(&vec![0u8; MAX_BYTES + 1], "image/jpeg").unwrap_err();
    assert_eq!(err, PhotoError::TooManyBytes(MAX_BYTES + 1));
}

#[test]
fn a_large_jpeg_keeps_its_layout_when_decoded_at_reduced_scale() {
    // Left half red, right half blue, 4000×3000: decoded at 1/2 scale, then shrunk.
    let photo = DynamicImage::ImageRgb8(ImageBuffer::from_fn(4000, 3000, |x, _| {
        if x < 2000 {
            Rgb([200, 20, 20])
        } else {
            Rgb([20, 20, 200])
        }
    }));
    let out = normalize(&encode(&photo, ImageFormat::Jpeg), "image/jpeg").unwrap();
    assert_eq!((out.width, out.height), (1200, 900));
    let decoded = decode_output(&out);
    assert!(near(decoded.get_pixel(100, 450), [200, 20, 20]));
    assert!(near(decoded.get_pixel(1100, 450), [20, 20, 200]));
}

#[test]
fn a_greyscale_jpeg_becomes_an_rgb_jpeg() {
    let photo = DynamicImage::ImageLuma8(ImageBuffer::from_pixel(2600, 1300, image::Luma([90])));
    let out = normalize(&encode(&photo, ImageFormat::Jpeg), "image/jpeg").unwrap();
    assert_eq!((out.width, out.height), (1200, 600));
    assert!(near(decode_output(&out).get_pixel(600, 300), [90, 90, 90]));
}

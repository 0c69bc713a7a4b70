//! The QR code that opens a case's public page, as filled squares.

use qrcode::{Color, EcLevel, QrCode};

/// The dark modules of a QR code for `url`, `size` points square (quiet zone
/// included), as rectangles (x, y, width, height) from the top-left corner.
/// Neighbouring dark modules of a row are merged into one rectangle: fewer
/// drawing operations, and no hairline gaps on screen.
pub fn modules(url: &str, size: f32) -> Vec<(f32, f32, f32, f32)> {
    // Medium error correction survives a crease or a smudge on a printed poster.
    let Ok(code) = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M) else {
        return Vec::new();
    };
    let quiet = 2;
    let n = code.width();
    let module = size / (n + 2 * quiet) as f32;
    let colors = code.to_colors();
    let mut rects = Vec::new();
    for row in 0..n {
        let mut col = 0;
        while col < n {
            if colors[row * n + col] != Color::Dark {
                col += 1;
                continue;
            }
            let start = col;
            while col < n && colors[row * n + col] == Color::Dark {
                col += 1;
            }
            rects.push((
                (start + quiet) as f32 * module,
                (row + quiet) as f32 * module,
                (col - start) as f32 * module,
                module,
            ));
        }
    }
    rects
}

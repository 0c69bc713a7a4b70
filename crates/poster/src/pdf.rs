//! The printable poster: one page, A4 or US Letter, black on white so any
//! office printer does it justice.
//!
//! The page is laid out top-down in fixed bands (headline, name, photo and
//! description, circumstances, the call block with its QR code, the footer,
//! the tear-off strips); text that does not fit its band is cut with "…", so
//! nothing a family or an attacker types can push anything off the page.

use std::collections::{BTreeMap, BTreeSet};

use printpdf::{
    Color, CurTransMat, DictItem, ExternalStream, ExternalXObject, Greyscale, Line,
    LineDashPattern, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, Rect, TextItem, TextMatrix, XObjectTransform,
};

use crate::fonts::{Weight, face};
use crate::layout::{fit, wrap};
use crate::sheet::{Fact, Sheet};
use crate::{Paper, PhotoJpeg, PosterError, qr};

/// Something drawn on the page; coordinates in points from the top-left corner
/// (text at its baseline), turned into PDF's bottom-up ones at the end.
#[derive(Debug, Clone)]
enum Mark {
    Text {
        weight: Weight,
        size: f32,
        x: f32,
        y: f32,
        text: String,
        /// Set to read bottom-to-top (the tear-off strips).
        upright: bool,
    },
    Fill {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
    Frame {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        thickness: f32,
    },
    Line {
        from: (f32, f32),
        to: (f32, f32),
        thickness: f32,
        dashed: bool,
    },
    Photo {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
}

/// The page being laid out.
struct Canvas {
    width: f32,
    height: f32,
    marks: Vec<Mark>,
}

impl Canvas {
    fn text(&mut self, weight: Weight, size: f32, x: f32, y: f32, text: &str) {
        if !text.is_empty() {
            self.marks.push(Mark::Text {
                weight,
                size,
                x,
                y,
                text: text.to_string(),
                upright: false,
            });
        }
    }

    fn centered(&mut self, weight: Weight, size: f32, left: f32, width: f32, y: f32, text: &str) {
        let x = left + (width - face(weight).width(text, size)).max(0.0) / 2.0;
        self.text(weight, size, x, y, text);
    }

    /// "Label: value", the label in bold, the value wrapped after it at `x`,
    /// `width` wide, in at most `max_lines` lines. Returns the y below it.
    fn fact(
        &mut self,
        fact: &Fact,
        size: f32,
        x: f32,
        y: f32,
        width: f32,
        max_lines: usize,
    ) -> f32 {
        let leading = size * 1.25;
        let ascent = face(Weight::Regular).ascent(size);
        let mut baseline = y + ascent;
        let mut lines_left = max_lines.max(1);
        let label = format!("{} ", fact.label);
        let mut indent = face(Weight::Bold).width(&label, size);
        if indent > width * 0.6 {
            // A label longer than most of the line gets a line of its own.
            let label = wrap(&fact.label, Weight::Bold, size, width, 0.0, 1);
            self.text(Weight::Bold, size, x, baseline, &label.lines[0]);
            if lines_left == 1 {
                return baseline + leading - ascent;
            }
            baseline += leading;
            lines_left -= 1;
            indent = 0.0;
        } else {
            self.text(Weight::Bold, size, x, baseline, &label);
        }
        let wrapped = wrap(
            &fact.value,
            Weight::Regular,
            size,
            width,
            indent,
            lines_left,
        );
        for (i, line) in wrapped.lines.iter().enumerate() {
            if i > 0 {
                baseline += leading;
            }
            let left = if i == 0 { x + indent } else { x };
            self.text(Weight::Regular, size, left, baseline, line);
        }
        baseline + leading - ascent
    }
}

/// Lines a fact of `size` may still take in the `room` points left.
fn lines_in(room: f32, size: f32) -> usize {
    (room / (size * 1.25)).floor().max(0.0) as usize
}

const MARGIN: f32 = 30.0;
const STRIP_HEIGHT: f32 = 76.0;
const CALL_HEIGHT: f32 = 100.0;
const QR_SIZE: f32 = 84.0;

/// Lays out `sheet` on `paper`; `photo` is the normalised JPEG, if there is one.
fn lay_out(sheet: &Sheet, paper: Paper, photo: Option<&PhotoJpeg>) -> Canvas {
    let (width, height) = paper.size_pt();
    let mut c = Canvas {
        width,
        height,
        marks: Vec::new(),
    };
    let w = width - 2.0 * MARGIN;
    let mut y = MARGIN;

    // Headline, as large as the width allows, over a thick rule.
    let (size, lines) = fit(&sheet.headline, Weight::Bold, w, 1, 86.0, 30.0);
    y += face(Weight::Bold).ascent(size);
    c.centered(Weight::Bold, size, MARGIN, w, y, &lines.lines[0]);
    y += size * 0.22;
    c.marks.push(Mark::Fill {
        x: MARGIN,
        y,
        w,
        h: 5.0,
    });
    y += 5.0 + 8.0;

    // The name, the largest type after the headline: up to two lines.
    let (name_size, name) = fit(&sheet.name, Weight::Bold, w, 2, 40.0, 18.0);
    for line in &name.lines {
        y += face(Weight::Bold).ascent(name_size);
        c.centered(Weight::Bold, name_size, MARGIN, w, y, line);
        y += name_size * 0.25;
    }
    if let Some(aliases) = &sheet.aliases {
        let line = wrap(aliases, Weight::Regular, 11.0, w, 0.0, 1);
        y += face(Weight::Regular).ascent(11.0) + 2.0;
        c.centered(Weight::Regular, 11.0, MARGIN, w, y, &line.lines[0]);
        y += 3.0;
    }
    y += 8.0;

    // Bands from the bottom up: strips, footer, call block.
    let strips_top = height - MARGIN - STRIP_HEIGHT;
    let footer_baseline = strips_top - 12.0;
    let call_top = footer_baseline - 8.5 - 10.0 - CALL_HEIGHT;

    // Photo on the left, description on the right.
    let body_top = y;
    let body_height = (height * 0.36).min(call_top - body_top - 90.0);
    let photo_width = (w * 0.48).round();
    draw_photo(
        &mut c,
        sheet,
        photo,
        MARGIN,
        body_top,
        photo_width,
        body_height,
    );
    let column_x = MARGIN + photo_width + 14.0;
    let column_w = w - photo_width - 14.0;
    let mut fy = body_top;
    for fact in &sheet.facts {
        let room = lines_in(body_top + body_height - fy, 12.0);
        if room == 0 {
            break;
        }
        fy = c.fact(fact, 12.0, column_x, fy, column_w, fact.max_lines.min(room)) + 3.0;
    }

    // Last seen and circumstances across the page.
    y = body_top + body_height + 12.0;
    y = c.fact(
        &sheet.last_seen,
        12.5,
        MARGIN,
        y,
        w,
        sheet.last_seen.max_lines,
    ) + 4.0;
    let size = 11.0;
    let room = lines_in(call_top - 8.0 - y, size);
    if room > 0 {
        let circumstances = &sheet.circumstances;
        let label_w = face(Weight::Bold).width(&format!("{} ", circumstances.label), size);
        let whole = !wrap(
            &circumstances.value,
            Weight::Regular,
            size,
            w,
            label_w,
            room,
        )
        .cut;
        if whole || room < 2 {
            c.fact(circumstances, size, MARGIN, y, w, room);
        } else {
            // Cut, and say where the rest is.
            let end = c.fact(circumstances, size, MARGIN, y, w, room - 1);
            let more = wrap(&sheet.more_at, Weight::Bold, 9.5, w, 0.0, 1);
            let baseline = end + face(Weight::Bold).ascent(9.5);
            c.text(Weight::Bold, 9.5, MARGIN, baseline, &more.lines[0]);
        }
    }

    draw_call_block(&mut c, sheet, MARGIN, call_top, w, name_size);

    // Footer: case number, issuer, date printed.
    let mut footer = vec![sheet.case_number.as_str()];
    if let Some(issuer) = &sheet.issued_by {
        footer.push(issuer);
    }
    footer.push(&sheet.printed);
    let footer = wrap(&footer.join("  ·  "), Weight::Regular, 8.5, w, 0.0, 1);
    c.centered(
        Weight::Regular,
        8.5,
        MARGIN,
        w,
        footer_baseline,
        &footer.lines[0],
    );

    draw_strips(&mut c, sheet, MARGIN, strips_top, w);
    c
}

fn draw_photo(
    c: &mut Canvas,
    sheet: &Sheet,
    photo: Option<&PhotoJpeg>,
    x: f32,
    y: f32,
    w: f32,
    h: f32,
) {
    match photo.filter(|p| p.width > 0 && p.height > 0) {
        Some(p) => {
            // As large as the box allows, never distorted, beside the description.
            let scale = (w / p.width as f32).min(h / p.height as f32);
            let (pw, ph) = (p.width as f32 * scale, p.height as f32 * scale);
            let (px, py) = (x + w - pw, y);
            c.marks.push(Mark::Photo {
                x: px,
                y: py,
                w: pw,
                h: ph,
            });
            c.marks.push(Mark::Frame {
                x: px,
                y: py,
                w: pw,
                h: ph,
                thickness: 0.75,
            });
        }
        None => {
            c.marks.push(Mark::Frame {
                x,
                y,
                w,
                h,
                thickness: 1.0,
            });
            let size = 16.0;
            c.centered(Weight::Regular, size, x, w, y + h / 2.0, &sheet.no_photo);
        }
    }
}

/// The framed block with "if you saw them, call", the phone number in the
/// largest type after the name, and the QR code to the case page.
fn draw_call_block(c: &mut Canvas, sheet: &Sheet, x: f32, y: f32, w: f32, name_size: f32) {
    c.marks.push(Mark::Frame {
        x,
        y,
        w,
        h: CALL_HEIGHT,
        thickness: 2.5,
    });
    let pad = 8.0;
    let text_w = w - QR_SIZE - 3.0 * pad;
    let call = wrap(&sheet.call, Weight::Regular, 12.0, text_w, 0.0, 1);
    let mut baseline = y + pad + face(Weight::Regular).ascent(12.0);
    c.text(Weight::Regular, 12.0, x + pad, baseline, &call.lines[0]);
    let max_phone = (name_size - 1.0).clamp(20.0, 44.0);
    let (size, phone) = fit(&sheet.phone, Weight::Bold, text_w, 1, max_phone, 14.0);
    baseline += 4.0 + face(Weight::Bold).ascent(size);
    c.text(Weight::Bold, size, x + pad, baseline, &phone.lines[0]);
    let hint = wrap(&sheet.scan_hint, Weight::Regular, 8.5, text_w, 0.0, 2);
    let mut hint_y = y + CALL_HEIGHT - pad - 10.5 * (hint.lines.len() as f32 - 1.0) - 2.0;
    for line in &hint.lines {
        c.text(Weight::Regular, 8.5, x + pad, hint_y, line);
        hint_y += 10.5;
    }
    let qr_x = x + w - pad - QR_SIZE;
    let qr_y = y + (CALL_HEIGHT - QR_SIZE) / 2.0;
    for (mx, my, mw, mh) in qr::modules(&sheet.page_url, QR_SIZE) {
        c.marks.push(Mark::Fill {
            x: qr_x + mx,
            y: qr_y + my,
            w: mw,
            h: mh,
        });
    }
}

/// Tear-off strips along the bottom, each with the phone and the case number
/// reading upwards, between dashed cutting lines.
fn draw_strips(c: &mut Canvas, sheet: &Sheet, x: f32, y: f32, w: f32) {
    let count = (w / 62.0).floor().max(1.0) as usize;
    let strip_w = w / count as f32;
    c.marks.push(Mark::Line {
        from: (x, y),
        to: (x + w, y),
        thickness: 0.75,
        dashed: true,
    });
    let pad = 5.0;
    let room = STRIP_HEIGHT - 2.0 * pad;
    let (phone_size, phone) = fit(&sheet.phone, Weight::Bold, room, 1, 11.0, 6.0);
    let (case_size, case) = fit(&sheet.strip_case, Weight::Regular, room, 1, 8.5, 5.0);
    for i in 0..count {
        let left = x + i as f32 * strip_w;
        if i > 0 {
            c.marks.push(Mark::Line {
                from: (left, y),
                to: (left, y + STRIP_HEIGHT),
                thickness: 0.5,
                dashed: true,
            });
        }
        let block = phone_size + case_size * 1.2;
        let first = left + (strip_w - block) / 2.0 + face(Weight::Bold).ascent(phone_size);
        let bottom = y + STRIP_HEIGHT - pad;
        c.marks.push(Mark::Text {
            weight: Weight::Bold,
            size: phone_size,
            x: first,
            y: bottom,
            text: phone.lines[0].clone(),
            upright: true,
        });
        c.marks.push(Mark::Text {
            weight: Weight::Regular,
            size: case_size,
            x: first + case_size * 1.3,
            y: bottom,
            text: case.lines[0].clone(),
            upright: true,
        });
    }
}

/// The poster as a PDF file.
pub fn render(
    sheet: &Sheet,
    paper: Paper,
    photo: Option<&PhotoJpeg>,
) -> Result<Vec<u8>, PosterError> {
    let canvas = lay_out(sheet, paper, photo);
    let mut doc = PdfDocument::new(&format!("{} — {}", sheet.headline, sheet.name));
    doc.metadata.info.creator = "Alerta".into();
    doc.metadata.info.producer = "Alerta".into();

    let fonts = embed_fonts(&mut doc, &canvas)?;
    let photo_id = photo.map(|p| doc.add_xobject(&jpeg_xobject(p)));
    let black = Color::Greyscale(Greyscale::new(0.0, None));
    let mut ops = vec![
        Op::SetFillColor { col: black.clone() },
        Op::SetOutlineColor { col: black },
    ];
    let flip = |y: f32| canvas.height - y;
    for mark in &canvas.marks {
        match mark {
            Mark::Text {
                weight,
                size,
                x,
                y,
                text,
                upright,
            } => {
                let matrix = if *upright {
                    [0.0, 1.0, -1.0, 0.0, *x, flip(*y)]
                } else {
                    [1.0, 0.0, 0.0, 1.0, *x, flip(*y)]
                };
                ops.extend([
                    Op::StartTextSection,
                    Op::SetFont {
                        font: PdfFontHandle::External(fonts[weight].clone()),
                        size: Pt(*size),
                    },
                    Op::SetTextMatrix {
                        matrix: TextMatrix::Raw(matrix),
                    },
                    Op::ShowText {
                        items: vec![TextItem::Text(text.clone())],
                    },
                    Op::EndTextSection,
                ]);
            }
            Mark::Fill { x, y, w, h } => ops.push(Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(*x),
                    y: Pt(flip(y + h)),
                    width: Pt(*w),
                    height: Pt(*h),
                    mode: Some(PaintMode::Fill),
                    winding_order: None,
                },
            }),
            Mark::Frame {
                x,
                y,
                w,
                h,
                thickness,
            } => ops.extend([
                Op::SetOutlineThickness { pt: Pt(*thickness) },
                Op::DrawRectangle {
                    rectangle: Rect {
                        x: Pt(*x),
                        y: Pt(flip(y + h)),
                        width: Pt(*w),
                        height: Pt(*h),
                        mode: Some(PaintMode::Stroke),
                        winding_order: None,
                    },
                },
            ]),
            Mark::Line {
                from,
                to,
                thickness,
                dashed,
            } => {
                let dash = if *dashed {
                    LineDashPattern::new(0.0, &[4.0, 3.0])
                } else {
                    LineDashPattern::solid()
                };
                let point = |(x, y): (f32, f32)| LinePoint {
                    p: Point {
                        x: Pt(x),
                        y: Pt(flip(y)),
                    },
                    bezier: false,
                };
                ops.extend([
                    Op::SetOutlineThickness { pt: Pt(*thickness) },
                    Op::SetLineDashPattern { dash },
                    Op::DrawLine {
                        line: Line {
                            points: vec![point(*from), point(*to)],
                            is_closed: false,
                        },
                    },
                    Op::SetLineDashPattern {
                        dash: LineDashPattern::solid(),
                    },
                ]);
            }
            Mark::Photo { x, y, w, h } => {
                if let Some(id) = &photo_id {
                    ops.extend([
                        Op::SaveGraphicsState,
                        Op::SetTransformationMatrix {
                            matrix: CurTransMat::Raw([*w, 0.0, 0.0, *h, *x, flip(y + h)]),
                        },
                        Op::UseXobject {
                            id: id.clone(),
                            transform: XObjectTransform {
                                no_auto_scale: true,
                                ..Default::default()
                            },
                        },
                        Op::RestoreGraphicsState,
                    ]);
                }
            }
        }
    }
    let page = PdfPage::new(Mm::from(Pt(canvas.width)), Mm::from(Pt(canvas.height)), ops);
    let options = PdfSaveOptions {
        // Our fonts are subset already; the JPEG must stay as it is.
        subset_fonts: false,
        // Compressed below, at a level that costs a fraction of the time.
        optimize: false,
        ..Default::default()
    };
    let mut warnings = Vec::new();
    let mut pdf = doc
        .with_pages(vec![page])
        .to_lopdf_document(&options, &mut warnings);
    compress_streams(&mut pdf)?;
    let mut bytes = Vec::with_capacity(photo.map_or(0, |p| p.jpeg.len()) + 64 * 1024);
    pdf.save_to(&mut bytes)
        .map_err(|e| PosterError::Encode(e.to_string()))?;

    Ok(bytes)
}

/// zlib's default level. A poster is rendered once and mailed to thousands,
/// so bytes matter more than the 0.9 ms level 1 would save (it makes the
/// file 5% larger); level 9, printpdf's choice, costs 1 ms more for nothing.
const POSTER_DEFLATE_LEVEL: u32 = 6;

/// Deflates the page and font streams (not the JPEG, already compressed).
fn compress_streams(pdf: &mut lopdf::Document) -> Result<(), PosterError> {
    use std::io::Write;
    for object in pdf.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let mut encoder = flate2::write::ZlibEncoder::new(
            Vec::with_capacity(stream.content.len() / 2),
            flate2::Compression::new(POSTER_DEFLATE_LEVEL),
        );
        let compressed = encoder
            .write_all(&stream.content)
            .and_then(|()| encoder.finish())
            .map_err(|e| PosterError::Encode(e.to_string()))?;
        if compressed.len() < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
    Ok(())
}

/// Adds each weight the page uses, subset to the characters it prints.
fn embed_fonts(
    doc: &mut PdfDocument,
    canvas: &Canvas,
) -> Result<BTreeMap<Weight, printpdf::FontId>, PosterError> {
    let mut used: BTreeMap<Weight, BTreeSet<char>> = BTreeMap::new();
    for mark in &canvas.marks {
        if let Mark::Text { weight, text, .. } = mark {
            used.entry(*weight).or_default().extend(text.chars());
        }
    }
    let mut ids = BTreeMap::new();
    for weight in Weight::ALL {
        let chars = used.remove(&weight).unwrap_or_default();
        let font = face(weight).subset(&chars)?;
        ids.insert(weight, doc.add_font(&font));
    }
    Ok(ids)
}

/// The normalised JPEG as an image XObject, its bytes unchanged (a DCT stream):
/// decoding and re-compressing it would make the file many times larger.
fn jpeg_xobject(photo: &PhotoJpeg) -> ExternalXObject {
    let name = |n: &str| DictItem::Name(n.as_bytes().to_vec());
    let dict = BTreeMap::from([
        ("Type".to_string(), name("XObject")),
        ("Subtype".to_string(), name("Image")),
        ("Width".to_string(), DictItem::Int(i64::from(photo.width))),
        ("Height".to_string(), DictItem::Int(i64::from(photo.height))),
        ("ColorSpace".to_string(), name("DeviceRGB")),
        ("BitsPerComponent".to_string(), DictItem::Int(8)),
        ("Filter".to_string(), name("DCTDecode")),
    ]);
    ExternalXObject {
        stream: ExternalStream {
            dict,
            content: photo.jpeg.to_vec(),
            compress: false,
        },
        width: None,
        height: None,
        dpi: None,
    }
}

//! The printable poster: one page, A4 or US Letter, black on white so any
//! office printer does it justice.
//!
//! The page is laid out in bands: the headline and the name at the top; at
//! the bottom the tear-off strips, the band with the QR code, the case link
//! and the warning against extortion, and the call block (the phone number,
//! always the same large size, beside when and where the person was last
//! seen); between them the photo, at least half the page wide, with the
//! description and the circumstances flowing beside it and then under it.
//! The body type steps down to a readable minimum before anything is
//! shortened; only then are the longest fields cut with "…", and the case
//! link printed, so nothing a family or an attacker types can push anything
//! off the page.

use std::collections::{BTreeMap, BTreeSet};

use printpdf::{
    Color, CurTransMat, DictItem, ExternalStream, ExternalXObject, Greyscale, Line,
    LineDashPattern, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, Rect, TextItem, TextMatrix, XObjectTransform,
};

use crate::fonts::{Weight, face};
use crate::layout::{Wrapped, fit, wrap, wrap_in};
use crate::sheet::{Fact, Sheet};
use alerta_photo::{FRAME_MAX_TALL, FRAME_TOP_SHARE};

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
    /// The photo drawn at (x, y, w, h), seen through the frame `clip`
    /// (x, y, w, h): cropped, never distorted.
    Photo {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        clip: (f32, f32, f32, f32),
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
}

/// A rectangle on the page, in points from the top-left corner.
#[derive(Debug, Clone, Copy)]
struct Frame {
    x: f32,
    y: f32,
    w: f32,
    h: f32,
}

impl Frame {
    fn bottom(&self) -> f32 {
        self.y + self.h
    }
}

const MARGIN: f32 = 28.0;
/// The tear-off strips: the phone, the case number and the short link,
/// reading upwards.
const STRIP_HEIGHT: f32 = 86.0;
const STRIP_MIN_WIDTH: f32 = 60.0;
/// The call block: the phone, when and where the person was last seen,
/// and the QR code.
const CALL_HEIGHT: f32 = 96.0;
const QR_SIZE: f32 = 80.0;
/// The notes under it: how to reach the case, the warning, the footer.
const NOTES_HEIGHT: f32 = 50.0;
/// The phone number's size, whatever else the poster holds: only a number
/// too long for its block is set smaller.
pub const PHONE_SIZE: f32 = 36.0;
/// A second number, under the first.
const PHONE_2_SIZE: f32 = 16.0;
/// The body type steps down from the first size to the last before any
/// text is shortened.
const BODY_SIZES: [f32; 8] = [13.0, 12.0, 11.5, 11.0, 10.5, 10.0, 9.5, 9.0];
/// The photo is at least this share of the page's width.
const PHOTO_SHARE: f32 = 0.5;

/// Lays out `sheet` on `paper`; `photo` is the normalised JPEG, if there is one.
fn lay_out(sheet: &Sheet, paper: Paper, photo: Option<&PhotoJpeg>) -> Canvas {
    let (width, height) = paper.size_pt();
    let mut c = Canvas {
        width,
        height,
        marks: Vec::new(),
    };
    let w = width - 2.0 * MARGIN;
    let body_top = draw_header(&mut c, sheet, w);

    // Bands from the bottom up: strips, notes, the call block.
    let strips_top = height - MARGIN - STRIP_HEIGHT;
    let notes_top = strips_top - 8.0 - NOTES_HEIGHT;
    let call_top = notes_top - 6.0 - CALL_HEIGHT;
    let body = Frame {
        x: MARGIN,
        y: body_top,
        w,
        h: call_top - 10.0 - body_top,
    };
    let photo = photo.filter(|p| p.width > 0 && p.height > 0);
    draw_body(&mut c, sheet, body, photo);
    draw_call_block(&mut c, sheet, MARGIN, call_top, w);
    draw_notes(&mut c, sheet, MARGIN, notes_top, w);
    draw_strips(&mut c, sheet, MARGIN, strips_top, w);
    c
}

/// The headline over a thick rule, then the name and the aliases; answers
/// the y below them.
fn draw_header(c: &mut Canvas, sheet: &Sheet, w: f32) -> f32 {
    let mut y = MARGIN;
    let (size, lines) = fit(&sheet.headline, Weight::Bold, w, 1, 66.0, 30.0);
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
    // The name, the largest type after the headline: one line if it can
    // be large, else two.
    let (mut name_size, mut name) = fit(&sheet.name, Weight::Bold, w, 1, 40.0, 28.0);
    if name.cut {
        (name_size, name) = fit(&sheet.name, Weight::Bold, w, 2, 40.0, 18.0);
    }
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
    y + 8.0
}

/// The photo's frame: half the page wide, `share` of as tall as the photo's
/// shape asks within limits, never more than most of the body. A portrait
/// is framed at most 5:4; a landscape photo square, its sides cut: the
/// person is usually in the middle, and its full height keeps the face.
/// The print copy of a photo ([`alerta_photo::poster_frame`]) is cut by
/// the same rule, so it fills this frame as it is.
fn photo_frame(photo: &PhotoJpeg, body: &Frame, page_width: f32, share: f32) -> Frame {
    let w = (page_width * PHOTO_SHARE).ceil();
    let shape = (photo.height as f32 / photo.width as f32).clamp(1.0, FRAME_MAX_TALL);
    let full = (w * shape).min(body.h * 0.92);
    Frame {
        x: body.x,
        y: body.y,
        w,
        h: (full * share).max(w * 0.75).min(full).round(),
    }
}

/// The photo filling its frame: scaled to cover it, centred across; cut
/// top and bottom, it keeps more of the top, where the face usually is.
fn draw_photo(c: &mut Canvas, photo: &PhotoJpeg, frame: Frame) {
    let scale = (frame.w / photo.width as f32).max(frame.h / photo.height as f32);
    let (w, h) = (photo.width as f32 * scale, photo.height as f32 * scale);
    c.marks.push(Mark::Photo {
        x: frame.x + (frame.w - w) / 2.0,
        y: frame.y - (h - frame.h) * FRAME_TOP_SHARE,
        w,
        h,
        clip: (frame.x, frame.y, frame.w, frame.h),
    });
    c.marks.push(Mark::Frame {
        x: frame.x,
        y: frame.y,
        w: frame.w,
        h: frame.h,
        thickness: 0.75,
    });
}

/// Where the body's lines go: beside the photo while it lasts, then
/// across the page.
struct Flow {
    body: Frame,
    beside: Option<Frame>,
}

impl Flow {
    /// The body, with the photo in `photo` at its top left.
    fn new(body: Frame, photo: Option<Frame>) -> Flow {
        Flow {
            body,
            beside: photo.map(|f| Frame {
                x: f.x + f.w + 14.0,
                y: f.y,
                w: body.w - f.w - 14.0,
                h: f.h,
            }),
        }
    }

    /// Where line `i` of a paragraph starting at `start` goes: its left
    /// edge, the top of its box and its width. Lines beside the photo
    /// until it ends; then across the page, under it.
    fn line_at(&self, start: f32, leading: f32, i: usize) -> (f32, f32, f32) {
        let Some(column) = self.beside else {
            return (self.body.x, start + i as f32 * leading, self.body.w);
        };
        let beside = match start < column.bottom() {
            true => ((column.bottom() - start + 0.5) / leading).floor() as usize,
            false => 0,
        };
        if i < beside {
            return (column.x, start + i as f32 * leading, column.w);
        }
        let under = start.max(column.bottom() + 6.0);
        (
            self.body.x,
            under + (i - beside) as f32 * leading,
            self.body.w,
        )
    }

    /// How many lines a paragraph starting at `start` has room for.
    fn capacity(&self, start: f32, leading: f32) -> usize {
        let bottom = self.body.bottom();
        (0..)
            .take_while(|&i| {
                let (_, top, _) = self.line_at(start, leading, i);
                top + leading <= bottom + 0.5
            })
            .count()
    }
}

/// Body type at least this large is comfortable to read from a wall; the
/// photo gets a little shorter before the type gets smaller than this.
const COMFORTABLE_SIZE: f32 = 10.5;

/// The photo and, beside and under it, the description and the
/// circumstances: at the largest body size at which all of it fits whole,
/// the photo a little shorter if that keeps the type comfortable; at the
/// smallest size, each field keeps at most its `max_lines` and the
/// circumstances what room is left, cut with "…".
fn draw_body(c: &mut Canvas, sheet: &Sheet, body: Frame, photo: Option<&PhotoJpeg>) {
    let mut paragraphs: Vec<&Fact> = sheet.facts.iter().collect();
    paragraphs.push(&sheet.circumstances);
    let comfortable = BODY_SIZES.iter().filter(|&&s| s >= COMFORTABLE_SIZE);
    let small = BODY_SIZES.iter().filter(|&&s| s < COMFORTABLE_SIZE);
    // (share of the photo's full height, body size), in order of preference.
    let mut attempts: Vec<(f32, f32)> = comfortable.clone().map(|&s| (1.0, s)).collect();
    for shorter in [0.85, 0.72] {
        attempts.extend(comfortable.clone().map(|&s| (shorter, s)));
    }
    attempts.extend(small.map(|&s| (1.0, s)));
    let smallest = BODY_SIZES[BODY_SIZES.len() - 1];
    let frame_of = |share: f32| photo.map(|p| photo_frame(p, &body, c.width, share));
    let chosen = attempts.iter().find_map(|&(share, size)| {
        let frame = frame_of(share);
        flow_paragraphs(&Flow::new(body, frame), &paragraphs, size, false).map(|m| (frame, m))
    });
    let (frame, marks) = chosen.unwrap_or_else(|| {
        let frame = frame_of(1.0);
        let marks = flow_paragraphs(&Flow::new(body, frame), &paragraphs, smallest, true);
        (frame, marks.unwrap_or_default())
    });
    if let (Some(p), Some(frame)) = (photo, frame) {
        draw_photo(c, p, frame);
    }
    c.marks.extend(marks);
}

/// The paragraphs ("Label: value") one after the other at `size`: None if
/// they do not all fit whole, unless `shorten`, which cuts each to its
/// `max_lines` (the last one to the room left) instead.
fn flow_paragraphs(
    flow: &Flow,
    paragraphs: &[&Fact],
    size: f32,
    shorten: bool,
) -> Option<Vec<Mark>> {
    let leading = size * 1.25;
    let ascent = face(Weight::Regular).ascent(size);
    let mut marks = Vec::new();
    let mut y = flow.body.y;
    for (index, fact) in paragraphs.iter().enumerate() {
        let room = flow.capacity(y, leading);
        let last = index == paragraphs.len() - 1;
        let allowed = match shorten {
            true if !last => fact.max_lines.min(room),
            _ => room,
        };
        if allowed == 0 {
            if shorten {
                break;
            }
            return None;
        }
        let label = format!("{} ", fact.label);
        let (x0, top0, w0) = flow.line_at(y, leading, 0);
        let label_w = face(Weight::Bold).width(&label, size);
        // A label longer than most of the line gets a line of its own.
        let own_line = label_w > w0 * 0.6;
        let (indent, first_value_line) = if own_line { (0.0, 1) } else { (label_w, 0) };
        let value_lines = allowed.saturating_sub(first_value_line);
        let line_room = |i: usize| {
            let line = i + first_value_line;
            let (_, _, width) = flow.line_at(y, leading, line);
            if line == 0 { width - indent } else { width }
        };
        let wrapped: Wrapped = wrap_in(&fact.value, Weight::Regular, size, line_room, value_lines);
        if wrapped.cut && !shorten {
            return None;
        }
        let label_text = match own_line {
            true => wrap(&fact.label, Weight::Bold, size, w0, 0.0, 1)
                .lines
                .remove(0),
            false => label,
        };
        marks.push(text_mark(Weight::Bold, size, x0, top0 + ascent, label_text));
        let used = (first_value_line + wrapped.lines.len()).max(1);
        for (i, line) in wrapped.lines.into_iter().enumerate() {
            let line_index = i + first_value_line;
            let (x, top, _) = flow.line_at(y, leading, line_index);
            let x = if line_index == 0 { x + indent } else { x };
            marks.push(text_mark(Weight::Regular, size, x, top + ascent, line));
        }
        let (_, last_top, _) = flow.line_at(y, leading, used - 1);
        y = last_top + leading + size * 0.35;
    }
    Some(marks)
}

fn text_mark(weight: Weight, size: f32, x: f32, y: f32, text: String) -> Mark {
    Mark::Text {
        weight,
        size,
        x,
        y,
        text,
        upright: false,
    }
}

/// The framed call block: "if you saw her, call" over the phone number at
/// its fixed size; beside it, in a block of its own, when and where the
/// person was last seen; the QR code to the case page at the right.
fn draw_call_block(c: &mut Canvas, sheet: &Sheet, x: f32, y: f32, w: f32) {
    c.marks.push(Mark::Frame {
        x,
        y,
        w,
        h: CALL_HEIGHT,
        thickness: 2.5,
    });
    let pad = 9.0;
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
    let inner = w - QR_SIZE - pad;
    let widest = inner * 0.66 - 2.0 * pad;
    let (phone_size, phone) = fit(&sheet.phone, Weight::Bold, widest, 1, PHONE_SIZE, 16.0);
    // A second number takes the room of the call's second line.
    let call_lines = if sheet.phone_2.is_some() { 1 } else { 2 };
    let call = wrap(&sheet.call, Weight::Regular, 12.0, widest, 0.0, call_lines);
    let second = sheet
        .phone_2
        .as_ref()
        .map(|p| fit(p, Weight::Bold, widest, 1, PHONE_2_SIZE, 10.0));
    let bold = face(Weight::Bold);
    let regular = face(Weight::Regular);
    let call_w = call
        .lines
        .iter()
        .map(|l| regular.width(l, 12.0))
        .fold(0.0, f32::max);
    let left_w = (bold.width(&phone.lines[0], phone_size).max(call_w) + 2.0 * pad)
        .clamp(inner * 0.5, inner * 0.66);
    // The call and the phone, centred in the block's height.
    let group = call.lines.len() as f32 * 15.0
        + 4.0
        + phone_size
        + second.as_ref().map_or(0.0, |(size, _)| 3.0 + size);
    let mut baseline = y + (CALL_HEIGHT - group) / 2.0 + regular.ascent(12.0);
    for line in &call.lines {
        c.text(Weight::Regular, 12.0, x + pad, baseline, line);
        baseline += 15.0;
    }
    baseline += 4.0 + bold.ascent(phone_size) - regular.ascent(12.0);
    c.text(Weight::Bold, phone_size, x + pad, baseline, &phone.lines[0]);
    if let Some((size, second)) = &second {
        baseline += 3.0 + bold.ascent(*size);
        c.text(Weight::Bold, *size, x + pad, baseline, &second.lines[0]);
    }

    // Last seen: when and where.
    let right = x + left_w;
    c.marks.push(Mark::Line {
        from: (right, y + pad),
        to: (right, y + CALL_HEIGHT - pad),
        thickness: 1.0,
        dashed: false,
    });
    let bx = right + pad;
    let bw = qr_x - pad - bx;
    let mut by = y + pad;
    let label = wrap(&sheet.last_seen.label, Weight::Bold, 10.0, bw, 0.0, 1);
    by += bold.ascent(10.0);
    c.text(Weight::Bold, 10.0, bx, by, &label.lines[0]);
    let (when_size, when) = fit(&sheet.since_when, Weight::Bold, bw, 2, 13.0, 9.5);
    for line in &when.lines {
        by += when_size * 1.2;
        c.text(Weight::Bold, when_size, bx, by, line);
    }
    // The place as large as the room left lets it be whole.
    let bottom = y + CALL_HEIGHT - pad + 2.0;
    let lines_at = |size: f32| ((bottom - by) / (size * 1.2)).floor().max(1.0) as usize;
    let mut place_size = 10.5;
    let mut place = wrap(
        &sheet.since_place,
        Weight::Regular,
        place_size,
        bw,
        0.0,
        lines_at(10.5),
    );
    while place.cut && place_size > 7.5 {
        place_size -= 0.5;
        place = wrap(
            &sheet.since_place,
            Weight::Regular,
            place_size,
            bw,
            0.0,
            lines_at(place_size),
        );
    }
    let leading = place_size * 1.2;
    for line in &place.lines {
        by += leading;
        c.text(Weight::Regular, place_size, bx, by, line);
    }
}

/// Under the call block: how to reach the case, the warning against
/// extortion, and the case number, issuer and date printed.
fn draw_notes(c: &mut Canvas, sheet: &Sheet, x: f32, y: f32, w: f32) {
    let mut footer = vec![sheet.case_number.as_str()];
    if let Some(issuer) = &sheet.issued_by {
        footer.push(issuer);
    }
    footer.push(&sheet.printed);
    let footer = footer.join("  ·  ");
    let reach = format!("{}  ·  {}", sheet.more_at, sheet.scan_hint);
    let lines: [(Weight, f32, &str); 3] = [
        (Weight::Bold, 10.0, &reach),
        (Weight::Bold, 9.5, &sheet.warning),
        (Weight::Regular, 8.5, &footer),
    ];
    let mut baseline = y;
    for (weight, size, text) in lines {
        let (size, wrapped) = fit(text, weight, w, 1, size, size * 0.7);
        baseline += size * 1.3;
        c.centered(weight, size, x, w, baseline, &wrapped.lines[0]);
    }
}

/// Tear-off strips along the bottom, each with the phone, the case number
/// and the short link reading upwards, between dashed cutting lines.
fn draw_strips(c: &mut Canvas, sheet: &Sheet, x: f32, y: f32, w: f32) {
    let count = (w / STRIP_MIN_WIDTH).floor().max(1.0) as usize;
    let strip_w = w / count as f32;
    c.marks.push(Mark::Line {
        from: (x, y),
        to: (x + w, y),
        thickness: 0.75,
        dashed: true,
    });
    let pad = 5.0;
    let room = STRIP_HEIGHT - 2.0 * pad;
    let (phone_size, phone) = fit(&sheet.phone, Weight::Bold, room, 1, 12.0, 6.0);
    let (case_size, case) = fit(&sheet.strip_case, Weight::Regular, room, 1, 8.5, 5.0);
    let (link_size, link) = fit(&sheet.short_link, Weight::Regular, room, 1, 8.0, 4.5);
    let lines = [
        (Weight::Bold, phone_size, &phone.lines[0]),
        (Weight::Regular, case_size, &case.lines[0]),
        (Weight::Regular, link_size, &link.lines[0]),
    ];
    let block = phone_size + (case_size + link_size) * 1.2;
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
        let mut across = left + (strip_w - block) / 2.0 + face(Weight::Bold).ascent(phone_size);
        for (n, (weight, size, text)) in lines.iter().enumerate() {
            if n > 0 {
                across += size * 1.2;
            }
            c.marks.push(Mark::Text {
                weight: *weight,
                size: *size,
                x: across,
                y: y + STRIP_HEIGHT - pad,
                text: text.to_string(),
                upright: true,
            });
        }
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
            Mark::Photo { x, y, w, h, clip } => {
                if let Some(id) = &photo_id {
                    let (cx, cy, cw, ch) = *clip;
                    ops.extend([
                        Op::SaveGraphicsState,
                        Op::DrawRectangle {
                            rectangle: Rect {
                                x: Pt(cx),
                                y: Pt(flip(cy + ch)),
                                width: Pt(cw),
                                height: Pt(ch),
                                mode: Some(PaintMode::Clip),
                                winding_order: None,
                            },
                        },
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

#[cfg(test)]
mod tests {
    use super::*;
    use alerta_core::{CaseStatus, Language, fixtures};

    fn canvas(paper: Paper, photo: Option<(u32, u32)>) -> Canvas {
        let case = fixtures::case(CaseStatus::Active, None);
        let poster = crate::PosterCase::of(&case, "https://alerta.example.org/cases/1");
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let sheet = crate::sheet(&poster, Language::Es, today);
        let jpeg = photo.map(|(width, height)| PhotoJpeg {
            jpeg: &[],
            width,
            height,
        });
        lay_out(&sheet, paper, jpeg.as_ref())
    }

    #[test]
    fn the_photo_is_at_least_half_the_page_wide_and_framed_not_stretched() {
        for paper in [Paper::A4, Paper::Letter] {
            for (w, h) in [(900, 1200), (1200, 900), (6000, 400), (400, 6000)] {
                let page = canvas(paper, Some((w, h)));
                let (photo, clip) = page
                    .marks
                    .iter()
                    .find_map(|m| match m {
                        Mark::Photo { w, h, clip, .. } => Some(((*w, *h), *clip)),
                        _ => None,
                    })
                    .expect("the photo is drawn");
                let (_, _, frame_w, frame_h) = clip;
                assert!(frame_w >= page.width / 2.0, "{paper:?} {w}×{h}: {frame_w}");
                // Covering the frame, in the photo's own proportions.
                assert!(photo.0 >= frame_w - 0.01 && photo.1 >= frame_h - 0.01);
                let ratio = (photo.1 / photo.0) / (h as f32 / w as f32);
                assert!((ratio - 1.0).abs() < 0.001, "{paper:?} {w}×{h} distorted");
            }
        }
    }

    #[test]
    fn without_a_photo_there_is_no_empty_box_and_the_text_takes_the_width() {
        let page = canvas(Paper::A4, None);
        assert!(!page.marks.iter().any(|m| matches!(m, Mark::Photo { .. })));
        let frames = page
            .marks
            .iter()
            .filter(|m| matches!(m, Mark::Frame { .. }))
            .count();
        assert_eq!(frames, 1, "only the call block is framed");
        let leftmost_body_text = page.marks.iter().any(|m| {
            matches!(m, Mark::Text { x, text, .. } if (*x - MARGIN).abs() < 0.01 && text.starts_with("Edad"))
        });
        assert!(leftmost_body_text, "the description starts at the margin");
    }

    #[test]
    fn the_phone_is_set_at_its_fixed_size() {
        let phone_size = |page: &Canvas| {
            page.marks
                .iter()
                .filter_map(|m| match m {
                    Mark::Text { size, text, .. } if text == "110" => Some(*size),
                    _ => None,
                })
                .fold(0.0, f32::max)
        };
        assert_eq!(
            phone_size(&canvas(Paper::A4, Some((900, 1200)))),
            PHONE_SIZE
        );
        assert_eq!(phone_size(&canvas(Paper::Letter, None)), PHONE_SIZE);
    }
}

//! The two faces posters print with (Noto Sans Regular and Bold, shipped in
//! `assets/fonts/`): measured with ab_glyph, and embedded in each PDF as a
//! subset holding only the glyphs that document uses.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use ab_glyph::{Font, FontRef};

use crate::PosterError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

impl Weight {
    pub const ALL: [Weight; 2] = [Weight::Regular, Weight::Bold];
}

pub struct Face {
    bytes: &'static [u8],
    outlines: FontRef<'static>,
    units_per_em: f32,
    /// Advance widths of the first code points (Latin, with every accent our
    /// languages use), looked up without a trip through the font's tables:
    /// line breaking measures the same characters thousands of times.
    common_advances: Vec<f32>,
    /// printpdf's description of the whole font (metrics for the PDF font
    /// descriptor), without its per-glyph tables, which each subset brings.
    template: printpdf::ParsedFont,
}

/// Code points below this (Basic Latin to Latin Extended-B) have their
/// advance widths kept in a table.
const COMMON_CHARS: u32 = 0x250;

const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf");

/// The face of `weight`, parsed once per process.
pub fn face(weight: Weight) -> &'static Face {
    static FACES: OnceLock<[Face; 2]> = OnceLock::new();
    let faces = FACES.get_or_init(|| [Face::load(REGULAR), Face::load(BOLD)]);
    match weight {
        Weight::Regular => &faces[0],
        Weight::Bold => &faces[1],
    }
}

impl Face {
    fn load(bytes: &'static [u8]) -> Face {
        let outlines = FontRef::try_from_slice(bytes).expect("the shipped font parses");
        let mut warnings = Vec::new();
        let mut template = printpdf::ParsedFont::from_bytes(bytes, 0, &mut warnings)
            .expect("printpdf reads the shipped font");
        template.original_bytes = Vec::new();
        template.codepoint_to_glyph.clear();
        template.glyph_widths.clear();
        let common_advances = (0..COMMON_CHARS)
            .map(|code| {
                char::from_u32(code)
                    .map_or(0.0, |c| outlines.h_advance_unscaled(outlines.glyph_id(c)))
            })
            .collect();
        Face {
            bytes,
            units_per_em: outlines.units_per_em().unwrap_or(1000.0),
            outlines,
            common_advances,
            template,
        }
    }

    /// Whether this face draws `c` (rather than the empty box of glyph 0).
    pub fn covers(&self, c: char) -> bool {
        self.outlines.glyph_id(c).0 != 0
    }

    /// Width of `text` set at `size` points, in points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: f32 = text
            .chars()
            .map(|c| match self.common_advances.get(c as usize) {
                Some(advance) => *advance,
                None => self.outlines.h_advance_unscaled(self.outlines.glyph_id(c)),
            })
            .sum();
        units * size / self.units_per_em
    }

    /// Height above the baseline of the tallest letters, in points at `size`.
    pub fn ascent(&self, size: f32) -> f32 {
        self.outlines.ascent_unscaled() * size / self.units_per_em
    }

    pub fn outlines(&self) -> &FontRef<'static> {
        &self.outlines
    }

    /// A font for printpdf holding just the glyphs of `chars`, renumbered from 1,
    /// with the character map and advance widths printpdf needs to write the text,
    /// its widths and the /ToUnicode map that lets readers copy and search it.
    pub fn subset(&self, chars: &BTreeSet<char>) -> Result<printpdf::ParsedFont, PosterError> {
        let mut remapper = subsetter::GlyphRemapper::new();
        let mut codepoint_to_glyph = BTreeMap::new();
        let mut glyph_widths = BTreeMap::new();
        for &c in chars {
            let old = self.outlines.glyph_id(c);
            if old.0 == 0 {
                continue;
            }
            let new = remapper.remap(old.0);
            codepoint_to_glyph.insert(u32::from(c), new);
            glyph_widths.insert(new, self.outlines.h_advance_unscaled(old) as u16);
        }
        let bytes = subsetter::subset(self.bytes, 0, &remapper)
            .map_err(|e| PosterError::Font(format!("{e:?}")))?;
        let mut font = self.template.clone();
        font.original_bytes = bytes;
        font.codepoint_to_glyph = codepoint_to_glyph;
        font.glyph_widths = glyph_widths;
        Ok(font)
    }
}

/// `text` as the poster fonts can print it: characters they lack (Chinese,
/// Arabic, emoji...) become their Latin transliteration instead of empty boxes,
/// and control characters become spaces. Line breaks are kept.
pub fn printable(text: &str) -> String {
    let face = face(Weight::Regular);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\n' {
            out.push('\n');
        } else if c.is_control() {
            out.push(' ');
        } else if is_invisible_format(c) {
            // Bidirectional overrides and zero-width marks would reorder or
            // hide text; the poster prints what was typed, left to right.
        } else if face.covers(c) || c == ' ' {
            out.push(c);
        } else if let Some(latin) = deunicode::deunicode_char(c) {
            out.extend(latin.chars().filter(|l| face.covers(*l) || *l == ' '));
        }
    }
    out
}

/// Unicode format characters that steer or hide text rather than show it.
fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_american_names_print_as_typed() {
        let name = "Ch'aska Ñusta Gonçalves Pérez — Çà";
        assert_eq!(printable(name), name);
    }

    #[test]
    fn direction_overrides_and_control_characters_do_not_print() {
        assert_eq!(printable("Ana\u{202e}Paz\u{7}!\u{200b}"), "AnaPaz !");
    }

    #[test]
    fn other_scripts_print_in_latin_letters_not_boxes() {
        let printed = printable("王小明 محمد");
        assert!(
            printed
                .chars()
                .all(|c| face(Weight::Regular).covers(c) || c == ' ')
        );
        assert!(printed.contains("Wang"), "{printed}");
        assert!(printed.to_lowercase().contains("mhmd"), "{printed}");
    }

    #[test]
    fn the_width_table_agrees_with_the_font() {
        let face = face(Weight::Bold);
        for text in ["Ñandutí", "€ 王", "Ch'aska"] {
            let direct: f32 = text
                .chars()
                .map(|c| face.outlines.h_advance_unscaled(face.outlines.glyph_id(c)))
                .sum();
            assert_eq!(face.width(text, face.units_per_em), direct);
        }
    }

    #[test]
    fn a_subset_keeps_only_the_glyphs_asked_for() {
        let chars: BTreeSet<char> = "Quispe Ñ".chars().collect();
        let font = face(Weight::Bold).subset(&chars).unwrap();
        assert!(
            font.original_bytes.len() < 20_000,
            "{}",
            font.original_bytes.len()
        );
        assert_eq!(font.codepoint_to_glyph.len(), chars.len());
        let ids: BTreeSet<u16> = font.codepoint_to_glyph.values().copied().collect();
        assert_eq!(ids, (1..=chars.len() as u16).collect());
    }
}

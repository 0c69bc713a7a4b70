//! Posters: the printable PDF volunteers put up in their neighbourhood and
//! the PNG card they forward, in Spanish, Portuguese, French or English.
//!
//! Rendering is a pure function of the case, the language, the paper, the
//! photo and the day it is printed: no I/O, no database, no clock.

pub mod cache;
pub mod card;
pub mod fonts;
pub mod layout;
pub mod pdf;
pub mod qr;
pub mod sheet;

pub use cache::{Key, Kind, PosterCache};
pub use sheet::{PosterCase, Sheet, print_date, sheet};

/// Paper sizes offices print on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Paper {
    /// 210 × 297 mm, most of the world.
    #[default]
    A4,
    /// 8.5 × 11 in, the United States, Canada, Mexico and a few more.
    Letter,
}

impl Paper {
    pub fn parse(value: &str) -> Option<Paper> {
        match value.to_ascii_lowercase().as_str() {
            "a4" => Some(Paper::A4),
            "letter" => Some(Paper::Letter),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "letter",
        }
    }

    /// The paper people in `country` (ISO 3166-1 alpha-2) have in their
    /// printers: Letter where CLDR's paper-size data says so, A4 elsewhere
    /// and when the country is unknown.
    pub fn for_country(country: Option<&str>) -> Paper {
        const LETTER: &[&str] = &[
            "BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE",
        ];
        match country {
            Some(code) if LETTER.iter().any(|c| c.eq_ignore_ascii_case(code)) => Paper::Letter,
            _ => Paper::A4,
        }
    }

    /// Width and height in points (1/72 inch).
    pub fn size_pt(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

/// A case photo as the photo crate normalises it: a baseline RGB JPEG.
#[derive(Debug, Clone, Copy)]
pub struct PhotoJpeg<'a> {
    pub jpeg: &'a [u8],
    pub width: u32,
    pub height: u32,
}

#[derive(Debug, thiserror::Error)]
pub enum PosterError {
    #[error("the poster font could not be subset: {0}")]
    Font(String),
    #[error("the photo could not be read: {0}")]
    Photo(String),
    #[error("the card could not be encoded: {0}")]
    Encode(String),
}

/// The printable poster for `sheet` as a one-page PDF.
pub fn pdf(sheet: &Sheet, paper: Paper, photo: Option<&PhotoJpeg>) -> Result<Vec<u8>, PosterError> {
    pdf::render(sheet, paper, photo)
}

/// The 1080 × 1350 PNG card for messaging apps and social networks.
pub fn card(sheet: &Sheet, photo: Option<&PhotoJpeg>) -> Result<Vec<u8>, PosterError> {
    card::render(sheet, photo)
}

/// The document of `kind` for `case` in `language`, as printed on `printed`:
/// the one call the web, the mail sender and the command line share.
pub fn render(
    case: &PosterCase,
    kind: Kind,
    language: alerta_core::Language,
    printed: chrono::NaiveDate,
    photo: Option<&PhotoJpeg>,
) -> Result<Vec<u8>, PosterError> {
    let sheet = sheet(case, language, printed);
    match kind {
        Kind::Pdf(paper) => pdf(&sheet, paper, photo),
        Kind::Card => card(&sheet, photo),
    }
}

#[cfg(test)]
mod paper_tests {
    use super::Paper;

    #[test]
    fn paper_follows_the_country() {
        for letter in ["US", "ca", "MX", "CO", "VE", "CL", "PH"] {
            assert_eq!(Paper::for_country(Some(letter)), Paper::Letter, "{letter}");
        }
        for a4 in ["BO", "PE", "BR", "AR", "FR", "HT", "ES"] {
            assert_eq!(Paper::for_country(Some(a4)), Paper::A4, "{a4}");
        }
        assert_eq!(Paper::for_country(None), Paper::A4);
    }
}

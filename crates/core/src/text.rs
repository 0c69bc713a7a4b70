//! Text rules shared by every free-text field.

use crate::error::{FieldError, Rule};

/// How a text field may be written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// Names, places, phone numbers: one line.
    Single,
    /// Circumstances, clothing, marks: paragraphs allowed.
    Multi,
}

/// Trims `value` and checks its length (in characters) and characters.
/// Control characters are refused: they break mail headers, logs and PDFs.
pub fn clean(
    field: &str,
    value: &str,
    min: usize,
    max: usize,
    lines: Lines,
) -> Result<String, FieldError> {
    let value = value.trim();
    let count = value.chars().count();
    if count < min {
        return Err(FieldError::broke(
            field,
            if min == 1 {
                Rule::Required
            } else {
                Rule::TooShort { min }
            },
        ));
    }
    if count > max {
        return Err(FieldError::broke(field, Rule::TooLong { max, count }));
    }
    let allowed = |c: char| !c.is_control() || (lines == Lines::Multi && (c == '\n' || c == '\t'));
    if let Some(bad) = value
        .chars()
        .find(|c| !allowed(*c) || is_invisible_format(*c))
    {
        let code = format!("U+{:04X}", bad as u32);
        return Err(FieldError::broke(field, Rule::ControlCharacter { code }));
    }
    Ok(value.replace("\r\n", "\n"))
}

/// Like [`clean`], for a field that may be left out or blank.
pub fn clean_optional(
    field: &str,
    value: Option<&str>,
    max: usize,
    lines: Lines,
) -> Result<Option<String>, FieldError> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(value) => clean(field, value, 1, max, lines).map(Some),
    }
}

/// Invisible and direction characters let a name display as something
/// other than what it is, or hide text: every format character (Unicode
/// category Cf: direction marks, overrides and isolates, zero-width
/// characters, the Arabic letter mark, tag characters) and the line and
/// paragraph separators (Zl, Zp), which break lines where no line may
/// break. Nobody types them by accident.
fn is_invisible_format(c: char) -> bool {
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    matches!(
        c.general_category(),
        GeneralCategory::Format
            | GeneralCategory::LineSeparator
            | GeneralCategory::ParagraphSeparator
    )
}

/// A search and comparison key for names: accents folded, lower case, one
/// space between words ("  José  PÉREZ " and "jose perez" give the same key).
pub fn name_key(parts: &[&str]) -> String {
    let joined = parts.join(" ");
    deunicode::deunicode(&joined)
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a name typed in a search finds a person whose name (and aliases)
/// fold to `name_key`: every typed word must match some word of the name,
/// equal to it, the start of it (three letters or more: "jua" finds "Juan"),
/// or within a typo of it: one edit for words of four to six letters, two
/// from seven, a swap of neighbouring letters counting as one ("jaun peres"
/// finds "Juan Pérez"; accents were folded already, so "Goncalves" is
/// "Gonçalves").
pub fn name_matches(typed: &str, name_key: &str) -> bool {
    let typed = crate::text::name_key(&[typed]);
    let words: Vec<&str> = name_key.split(' ').filter(|w| !w.is_empty()).collect();
    !typed.is_empty()
        && typed.split(' ').all(|query| {
            let allowed = match query.chars().count() {
                0..=3 => 0,
                4..=6 => 1,
                _ => 2,
            };
            words.iter().any(|word| {
                *word == query
                    || (query.len() >= 3 && word.starts_with(query))
                    || strsim::damerau_levenshtein(query, word) <= allowed
            })
        })
}

/// Escapes text for HTML element content and quoted attribute values, for
/// every page and mail that shows what people typed.
pub fn escape_html(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_found_despite_typos_accents_and_missing_words() {
        let juan = name_key(&["Juan Carlos", "Pérez Quispe"]);
        for typed in [
            "jaun peres",
            "Juan Pérez",
            "JUAN",
            "perez",
            "carlos quispe",
            "jua",
            "Juan  Perez Quispe",
        ] {
            assert!(
                name_matches(typed, &juan),
                "{typed} should find Juan Carlos Pérez Quispe"
            );
        }
        for typed in ["maria", "pedro perez", "ju", "", "q", "quispe mamani"] {
            assert!(
                !name_matches(typed, &juan),
                "{typed} should not find Juan Carlos Pérez Quispe"
            );
        }
        let joao = name_key(&["João Pedro", "Gonçalves da Silva"]);
        assert!(name_matches("Goncalves", &joao));
        assert!(name_matches("gonçalvez", &joao));
        assert!(name_matches("joao silva", &joao));
    }

    #[test]
    fn trims_and_accepts_accents() {
        assert_eq!(
            clean("given_name", "  Ch'aska Ñusta ", 1, 100, Lines::Single).unwrap(),
            "Ch'aska Ñusta"
        );
    }

    #[test]
    fn refuses_blank_required_field_naming_it() {
        let err = clean("clothing", "   ", 1, 100, Lines::Multi).unwrap_err();
        assert_eq!(err.field, "clothing");
        assert_eq!(err.message, "is required");
    }

    #[test]
    fn refuses_newline_in_single_line_field_but_not_in_multi() {
        assert!(clean("given_name", "Ana\nBcc: x@y", 1, 100, Lines::Single).is_err());
        assert!(clean("circumstances", "Line one\nline two", 1, 100, Lines::Multi).is_ok());
    }

    #[test]
    fn refuses_every_invisible_or_direction_character() {
        for (c, code) in [
            ('\u{202E}', "U+202E"),   // right-to-left override
            ('\u{200F}', "U+200F"),   // right-to-left mark
            ('\u{061C}', "U+061C"),   // Arabic letter mark
            ('\u{2028}', "U+2028"),   // line separator
            ('\u{2029}', "U+2029"),   // paragraph separator
            ('\u{E0041}', "U+E0041"), // tag latin capital letter A
            ('\u{200B}', "U+200B"),   // zero-width space
            ('\u{2066}', "U+2066"),   // left-to-right isolate
            ('\u{00AD}', "U+00AD"),   // soft hyphen
        ] {
            for lines in [Lines::Single, Lines::Multi] {
                let err = clean("family_name", &format!("Pe{c}rez"), 1, 100, lines).unwrap_err();
                assert_eq!(err.field, "family_name");
                assert_eq!(err.rule, Some(Rule::ControlCharacter { code: code.into() }));
            }
        }
        // Letters of every script pass, accents and apostrophes too.
        for name in [
            "Ch'aska Quispe",
            "Ñusta Wanka",
            "Gonçalves",
            "Nguyễn",
            "محمد",
            "Kʼicheʼ",
        ] {
            assert!(
                clean("given_name", name, 1, 100, Lines::Single).is_ok(),
                "{name}"
            );
        }
    }

    #[test]
    fn counts_characters_not_bytes() {
        let name = "ñ".repeat(100);
        assert!(clean("given_name", &name, 1, 100, Lines::Single).is_ok());
        assert!(clean("given_name", &format!("{name}ñ"), 1, 100, Lines::Single).is_err());
    }

    #[test]
    fn html_is_escaped() {
        assert_eq!(
            escape_html("\"><img src=x onerror='a()'>&"),
            "&quot;&gt;&lt;img src=x onerror=&#39;a()&#39;&gt;&amp;"
        );
    }

    #[test]
    fn name_key_folds_accents_case_and_spacing() {
        assert_eq!(
            name_key(&["  José ", "PÉREZ  Gonçalves"]),
            "jose perez goncalves"
        );
        assert_eq!(name_key(&["Ch'aska"]), "ch aska");
    }
}

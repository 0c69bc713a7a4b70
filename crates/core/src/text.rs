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
/// fold to `name_key`: [`name_match_score`] found one.
pub fn name_matches(typed: &str, name_key: &str) -> bool {
    name_match_score(typed, name_key).is_some()
}

/// How well a name typed in a search finds a person whose name (and
/// aliases) fold to `name_key`; lower is better, None is no match. Each
/// typed word is matched against the name's words, best first: equal (0);
/// the start of one, three letters or more ("jua" finds "Juan") or the same
/// sound as spelled in Spanish, Portuguese and the Andean languages
/// ("Kispe", "Qhispe" find "Quispe"; "Wanka" finds "Huanca"; "Goncalvez"
/// finds "Gonçalves") (1); within a typo of one: one edit for words of four
/// to six letters, two from seven, a swap of neighbouring letters counting
/// as one ("jaun peres" finds "Juan Pérez") (2); the same consonants in the
/// same order with the vowels mixed up ("jaon" finds "Juan") (3). Of three
/// typed words or more, one may match nothing (5): people misremember a
/// second family name.
pub fn name_match_score(typed: &str, name_key: &str) -> Option<u32> {
    let typed = crate::text::name_key(&[typed]);
    let words: Vec<&str> = name_key.split(' ').filter(|w| !w.is_empty()).collect();
    let queries: Vec<&str> = typed.split(' ').filter(|w| !w.is_empty()).collect();
    if queries.is_empty() {
        return None;
    }
    let scores: Vec<Option<u32>> = queries
        .iter()
        .map(|query| {
            words
                .iter()
                .filter_map(|word| word_score(query, word))
                .min()
        })
        .collect();
    let missed = scores.iter().filter(|s| s.is_none()).count();
    // One word may miss when two others match: "pedro perez" must not list
    // every Pérez.
    let forgiven = usize::from(queries.len() >= 3);
    (missed <= forgiven).then(|| scores.iter().map(|s| s.unwrap_or(UNMATCHED_WORD)).sum())
}

/// The score of a typed word that matches no word of the name.
const UNMATCHED_WORD: u32 = 5;

fn word_score(query: &str, word: &str) -> Option<u32> {
    let letters = query.chars().count();
    let allowed = match letters {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    };
    if query == word {
        Some(0)
    } else if letters >= 3 && (word.starts_with(query) || sound_key(query) == sound_key(word)) {
        Some(1)
    } else if strsim::damerau_levenshtein(query, word) <= allowed {
        Some(2)
    } else if letters >= 4 && same_consonants(query, word) {
        Some(3)
    } else {
        None
    }
}

/// A word as it sounds in Spanish and Portuguese, and as Quechua, Aymara
/// and Guaraní names are spelled in either ("quispe", "kispe", "qhispe" →
/// "kispe"; "huanca", "wanka" → "wanka"; "goncalves", "goncalvez" →
/// "gonkalbes"; "mamany" → "mamani"). Takes a folded word (lower case, no
/// accents: "ç" is already "c").
pub fn sound_key(word: &str) -> String {
    let letters: Vec<char> = word.chars().collect();
    let at = |i: usize| letters.get(i).copied().unwrap_or(' ');
    let front_vowel = |c: char| matches!(c, 'e' | 'i' | 'y');
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut out = String::new();
    let mut i = 0;
    while i < letters.len() {
        let (c, next) = (at(i), at(i + 1));
        let (sound, used) = match c {
            // Quechua and Aymara aspirated and glottal stops: one k.
            'q' | 'k' if next == 'h' || next == '\'' => ("k", 2),
            'q' if next == 'u' && front_vowel(at(i + 2)) => ("k", 2),
            'q' => ("k", 1),
            'c' if next == 'h' => ("ch", 2),
            'c' if front_vowel(next) => ("s", 1),
            'c' => ("k", 1),
            'g' if next == 'u' && front_vowel(at(i + 2)) => ("g", 2),
            // "Guaman" and "Waman", "Huanca" and "Wanka".
            'g' | 'h' if next == 'u' && vowel(at(i + 2)) && at(i + 2) != 'u' => ("w", 2),
            'g' if front_vowel(next) => ("j", 1),
            'p' if next == 'h' => ("f", 2),
            's' if next == 'h' => ("sh", 2),
            'l' if next == 'l' || next == 'h' => ("y", 2),
            'n' if next == 'h' => ("n", 2),
            'h' => ("", 1),
            'v' => ("b", 1),
            'z' => ("s", 1),
            'x' => ("s", 1),
            'y' if !vowel(next) => ("i", 1),
            _ => ("", 0),
        };
        if used == 0 {
            out.push(c);
            i += 1;
        } else {
            out.push_str(sound);
            i += used;
        }
    }
    // Doubled letters sound once ("Mamanni", "Rossa").
    let mut folded = String::with_capacity(out.len());
    for c in out.chars() {
        if !folded.ends_with(c) {
            folded.push(c);
        }
    }
    folded
}

/// The same consonants in the same order, at least two, the words' lengths
/// within one: vowels swapped or mistyped ("jaon", "juan").
fn same_consonants(a: &str, b: &str) -> bool {
    let consonants = |w: &str| -> String { w.chars().filter(|c| !"aeiouy".contains(*c)).collect() };
    let (ca, cb) = (consonants(a), consonants(b));
    ca.chars().count() >= 2
        && ca == cb
        && a.chars().count().abs_diff(b.chars().count()) <= 1
        && a.chars().next() == b.chars().next()
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
    fn names_are_found_as_they_sound_and_as_they_are_mistyped() {
        let key = name_key(&["María José", "Quispe Mamani"]);
        for typed in [
            "maria quispe",
            "Kispe",
            "Qhispe",
            "Qispe Mamany",
            "mari jose",
            "jose quispe lopez", // one word forgiven
        ] {
            assert!(name_matches(typed, &key), "{typed} finds {key}");
        }
        assert!(
            !name_matches("lopez", &key),
            "one word alone is not forgiven"
        );
        assert!(!name_matches("rosa lopez", &key));

        let huanca = name_key(&["Juan", "Huanca Gonçalves"]);
        for typed in ["wanka", "Goncalvez", "jaon", "jaun", "juan wanka"] {
            assert!(name_matches(typed, &huanca), "{typed} finds {huanca}");
        }
        assert!(!name_matches("joao", &huanca));
        assert!(!name_matches("ana", &huanca));

        // Better matches rank first: the exact name before the sound-alike.
        let exact = name_match_score("quispe", &key).unwrap();
        let sound = name_match_score("kispe", &key).unwrap();
        let typo = name_match_score("quipse", &key).unwrap();
        assert!(exact < sound && sound < typo, "{exact} {sound} {typo}");
    }

    #[test]
    fn sound_keys_join_the_spellings_of_a_name() {
        for spellings in [
            &["quispe", "kispe", "qhispe", "q ispe"][..3],
            &["mamani", "mamany"],
            &["goncalves", "goncalvez"],
            &["huanca", "wanka"],
            &["guaman", "waman"],
            &["valle", "baye"],
        ] {
            let keys: Vec<String> = spellings.iter().map(|w| sound_key(w)).collect();
            assert!(
                keys.iter().all(|k| *k == keys[0]),
                "{spellings:?}: {keys:?}"
            );
        }
        assert_ne!(sound_key("rosa"), sound_key("rusa"));
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

//! Breaking text into lines that fit a width, and cutting what does not fit
//! with an ellipsis: the only typesetting a poster needs.

use crate::fonts::{Weight, face};

pub const ELLIPSIS: char = '…';

/// Lines of text and whether some of the text had to be left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Wrapped {
    pub lines: Vec<String>,
    pub cut: bool,
}

/// Greedy line breaking of `text` at `size` points into lines at most `width`
/// wide, the first line `indent` narrower (it follows a label). At most
/// `max_lines` lines; if the text goes on, the last line ends with "…".
/// Words wider than a line are broken between characters.
pub fn wrap(
    text: &str,
    weight: Weight,
    size: f32,
    width: f32,
    indent: f32,
    max_lines: usize,
) -> Wrapped {
    let room = |index: usize| if index == 0 { width - indent } else { width };
    wrap_in(text, weight, size, room, max_lines)
}

/// Like [`wrap`], line `i` being `room(i)` wide: text flowing beside a
/// photo and then under it.
pub fn wrap_in(
    text: &str,
    weight: Weight,
    size: f32,
    room: impl Fn(usize) -> f32,
    max_lines: usize,
) -> Wrapped {
    let face = face(weight);
    let fits = |line: &str, index: usize| face.width(line, size) <= room(index);
    let mut lines: Vec<String> = Vec::new();
    let mut cut = false;
    if max_lines == 0 {
        return Wrapped {
            lines,
            cut: !text.trim().is_empty(),
        };
    }
    'paragraphs: for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if fits(&candidate, lines.len()) {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                if lines.len() == max_lines {
                    cut = true;
                    break 'paragraphs;
                }
            }
            // The word starts a line; break it if it is wider than a whole line.
            for c in word.chars() {
                line.push(c);
                if !fits(&line, lines.len()) && line.chars().count() > 1 {
                    line.pop();
                    lines.push(std::mem::replace(&mut line, c.to_string()));
                    if lines.len() == max_lines {
                        cut = true;
                        break 'paragraphs;
                    }
                }
            }
        }
        if !line.is_empty() {
            if lines.len() == max_lines {
                cut = true;
                break;
            }
            lines.push(line);
        }
    }
    if cut && let Some(last) = lines.pop() {
        let index = lines.len();
        lines.push(with_ellipsis(&last, |l| fits(l, index)));
    }
    Wrapped { lines, cut }
}

/// `line` shortened until it fits with "…" after it, preferring a cut between words.
fn with_ellipsis(line: &str, fits: impl Fn(&str) -> bool) -> String {
    let mut chars: Vec<char> = line.chars().collect();
    loop {
        let kept: String = chars.iter().collect::<String>().trim_end().to_string();
        let candidate = format!("{kept}{ELLIPSIS}");
        if fits(&candidate) || kept.is_empty() {
            return candidate;
        }
        // Drop the last word if that leaves something, else the last character.
        match kept.rfind(' ') {
            Some(space) if space > 0 => chars.truncate(kept[..space].chars().count()),
            _ => {
                chars.truncate(kept.chars().count() - 1);
            }
        }
    }
}

/// The largest size from `max` down to `min` at which `text` fits `width` in
/// `max_lines` lines, and the lines at that size (cut at `min` if it never fits).
pub fn fit(
    text: &str,
    weight: Weight,
    width: f32,
    max_lines: usize,
    max: f32,
    min: f32,
) -> (f32, Wrapped) {
    let mut size = max;
    loop {
        let wrapped = wrap(text, weight, size, width, 0.0, max_lines);
        if !wrapped.cut || size <= min {
            return (size, wrapped);
        }
        size = (size * 0.93).max(min);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widest(wrapped: &Wrapped, size: f32) -> f32 {
        wrapped
            .lines
            .iter()
            .map(|l| face(Weight::Regular).width(l, size))
            .fold(0.0, f32::max)
    }

    #[test]
    fn short_text_stays_on_one_line() {
        let w = wrap("Chompa roja", Weight::Regular, 12.0, 300.0, 0.0, 3);
        assert_eq!(w.lines, vec!["Chompa roja"]);
        assert!(!w.cut);
    }

    #[test]
    fn long_text_breaks_between_words_within_the_width() {
        let text = "Salió del colegio a las 18:30 y no llegó a su casa en la zona sur";
        let w = wrap(text, Weight::Regular, 12.0, 120.0, 0.0, 10);
        assert!(w.lines.len() > 2);
        assert!(widest(&w, 12.0) <= 120.0);
        assert_eq!(w.lines.join(" "), text);
    }

    #[test]
    fn too_much_text_is_cut_with_an_ellipsis_inside_the_width() {
        let text = "palabra ".repeat(2000);
        let w = wrap(&text, Weight::Regular, 12.0, 150.0, 0.0, 3);
        assert_eq!(w.lines.len(), 3);
        assert!(w.cut);
        assert!(w.lines[2].ends_with(ELLIPSIS));
        assert!(widest(&w, 12.0) <= 150.0);
    }

    #[test]
    fn a_word_wider_than_the_line_is_broken() {
        let w = wrap(&"x".repeat(10_000), Weight::Regular, 12.0, 100.0, 0.0, 4);
        assert_eq!(w.lines.len(), 4);
        assert!(widest(&w, 12.0) <= 100.0);
    }

    #[test]
    fn the_first_line_leaves_room_for_its_label() {
        let w = wrap("negro largo lacio", Weight::Regular, 12.0, 100.0, 60.0, 5);
        assert!(face(Weight::Regular).width(&w.lines[0], 12.0) <= 40.0);
    }

    #[test]
    fn paragraphs_start_new_lines() {
        let w = wrap("uno\ndos", Weight::Regular, 12.0, 300.0, 0.0, 5);
        assert_eq!(w.lines, vec!["uno", "dos"]);
    }

    #[test]
    fn fitting_shrinks_long_names() {
        let (short, _) = fit("Ana Paz", Weight::Bold, 500.0, 1, 40.0, 16.0);
        let (long, w) = fit(
            "María de los Ángeles Quispe Mamani de Gonçalves Ferreira",
            Weight::Bold,
            500.0,
            1,
            40.0,
            16.0,
        );
        assert_eq!(short, 40.0);
        assert!(long < 40.0);
        assert!(widest(&w, long) > 0.0);
    }
}

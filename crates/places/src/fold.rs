/// A name as matching sees it: lower case, accents and other marks dropped
/// (deunicode: "São Paulo" → "sao paulo", "Ñuñoa" → "nunoa"), anything but
/// letters and digits one space. "Port-au-Prince" and "port au prince" fold
/// alike: punctuation is a word break on both sides of every comparison.
pub fn fold(name: &str) -> String {
    let ascii = deunicode::deunicode(name);
    let mut folded = String::with_capacity(ascii.len());
    for word in ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    }
    folded
}

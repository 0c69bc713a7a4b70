//! The little XML writing the formats need: escaped text in nested elements.

/// Text for element content or a double-quoted attribute. Characters XML 1.0
/// forbids (control characters other than tab and line breaks) are dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Builds a document element by element, indented two spaces per level.
#[derive(Default)]
pub struct Writer {
    out: String,
    open: Vec<&'static str>,
}

impl Writer {
    pub fn new() -> Writer {
        Writer {
            out: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".into(),
            open: Vec::new(),
        }
    }

    fn indent(&mut self) {
        self.out.push_str(&"  ".repeat(self.open.len()));
    }

    /// `<name attrs>`; `attrs` are written as given (escape their values).
    pub fn open(&mut self, name: &'static str, attrs: &str) -> &mut Self {
        self.indent();
        self.out.push('<');
        self.out.push_str(name);
        if !attrs.is_empty() {
            self.out.push(' ');
            self.out.push_str(attrs);
        }
        self.out.push_str(">\n");
        self.open.push(name);
        self
    }

    pub fn close(&mut self) -> &mut Self {
        let name = self.open.pop().expect("an element is open");
        self.indent();
        self.out.push_str(&format!("</{name}>\n"));
        self
    }

    /// `<name>text</name>`, the text escaped.
    pub fn text(&mut self, name: &str, text: &str) -> &mut Self {
        self.indent();
        self.out
            .push_str(&format!("<{name}>{}</{name}>\n", escape(text)));
        self
    }

    /// `<name attrs/>`.
    pub fn empty(&mut self, name: &str, attrs: &str) -> &mut Self {
        self.indent();
        self.out.push_str(&format!("<{name} {attrs}/>\n"));
        self
    }

    pub fn finish(mut self) -> String {
        while !self.open.is_empty() {
            self.close();
        }
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_stays_text() {
        assert_eq!(
            escape("<b onclick=\"x\">Tom & Jerry's</b>\u{1}"),
            "&lt;b onclick=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/b&gt;"
        );
    }
}

use crate::metadata::Metadata;

/// A plain-text input split into its optional front-matter header and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter<'a> {
    /// Fields read from the header (empty when there was none).
    pub metadata: Metadata,
    /// The text after the header; the document text.
    pub body: &'a str,
}

impl<'a> FrontMatter<'a> {
    /// The most lines a front-matter block may have; a `---` line further down
    /// is a horizontal rule in the body, not the end of a header.
    pub const MAX_LINES: usize = 100;

    /// Splits `text`. A header is present only when the first line is `---`
    /// and a later line (within [`Self::MAX_LINES`]) is `---` too; otherwise the
    /// whole text is the body. Inside the header, `key: value` lines set
    /// `title`, `url`, `outlet`, `published`, `lang`, `author`, `id` (values
    /// may be quoted); other lines are ignored. Leading blank lines of the
    /// body are dropped so the document starts with its first word.
    pub fn split(text: &'a str) -> FrontMatter<'a> {
        let none = FrontMatter {
            metadata: Metadata::default(),
            body: text,
        };
        let mut lines = LineIter { text, pos: 0 };
        match lines.next() {
            Some((_, line)) if is_fence(line) => {}
            _ => return none,
        }
        let mut metadata = Metadata::default();
        for (i, (end, line)) in lines.enumerate() {
            if i >= Self::MAX_LINES {
                return none;
            }
            if is_fence(line) {
                let body = text.get(end..).unwrap_or("");
                let body = body.trim_start_matches(['\n', '\r']);
                return FrontMatter { metadata, body };
            }
            if let Some((key, value)) = line.split_once(':') {
                metadata.set(key, unquote(value.trim()));
            }
        }
        none
    }
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "---"
}

fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q).and_then(|s| s.strip_suffix(q)) {
            return inner;
        }
    }
    v
}

/// Lines without their terminator, each with the byte offset just past it.
struct LineIter<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for LineIter<'a> {
    type Item = (usize, &'a str);
    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.text.get(self.pos..)?;
        if rest.is_empty() {
            return None;
        }
        let (line, advance) = match rest.find('\n') {
            Some(i) => (&rest[..i], i + 1),
            None => (rest, rest.len()),
        };
        self.pos += advance;
        Some((self.pos, line.strip_suffix('\r').unwrap_or(line)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_is_split_off() {
        let t = "---\ntitle: \"Strike on depot\"\npublished: 2024-05-14\nlang: en-GB\nauthor: A. Writer\nid: d1\nignored line\n---\n\nBody text.\n";
        let fm = FrontMatter::split(t);
        assert_eq!(fm.body, "Body text.\n");
        assert_eq!(fm.metadata.title.as_deref(), Some("Strike on depot"));
        assert_eq!(fm.metadata.published.as_deref(), Some("2024-05-14"));
        assert_eq!(fm.metadata.lang.as_deref(), Some("en"));
        assert_eq!(fm.metadata.author.as_deref(), Some("A. Writer"));
        assert_eq!(fm.metadata.id.as_deref(), Some("d1"));
    }

    #[test]
    fn crlf_header() {
        let fm = FrontMatter::split("---\r\nurl: https://x.test/a\r\n---\r\nBody");
        assert_eq!(fm.body, "Body");
        assert_eq!(fm.metadata.url.as_deref(), Some("https://x.test/a"));
    }

    #[test]
    fn unclosed_header_is_body() {
        let t = "---\ntitle: x\nno closing fence";
        let fm = FrontMatter::split(t);
        assert_eq!(fm.body, t);
        assert_eq!(fm.metadata, Metadata::default());
    }

    #[test]
    fn no_header() {
        let t = "Plain text.\n---\nMore.";
        assert_eq!(FrontMatter::split(t).body, t);
    }
}

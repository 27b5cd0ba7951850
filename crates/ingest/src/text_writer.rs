use dom_query::NodeRef;

/// Elements that start and end a paragraph of output.
pub(crate) const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements whose content is never prose.
pub(crate) const SKIP: &[&str] = &[
    "applet", "audio", "button", "canvas", "datalist", "embed", "head", "iframe", "input", "map",
    "math", "meter", "noscript", "object", "option", "progress", "script", "select", "style",
    "svg", "template", "textarea", "title", "video",
];

/// Elements that are page furniture rather than article text, skipped when
/// extracting from a whole page without a readability pass.
pub(crate) const FURNITURE: &[&str] = &["aside", "footer", "form", "header", "menu", "nav"];

/// Turns a DOM subtree into plain text: one paragraph per block element,
/// paragraphs separated by a blank line, `<br>` as a line break, runs of
/// whitespace collapsed. The walk is iterative, so a pathologically deep
/// tree cannot overflow the stack.
#[derive(Debug, Default)]
pub struct TextWriter {
    paragraphs: Vec<String>,
    cur: String,
    pending_space: bool,
    /// Also drop `nav`, `header`, `footer`, `aside`, `form`, `menu`.
    skip_furniture: bool,
}

enum Step<'a> {
    Enter(NodeRef<'a>),
    Close,
}

impl TextWriter {
    /// A writer that keeps everything except non-prose elements.
    pub fn new() -> Self {
        TextWriter::default()
    }

    /// A writer that also drops page furniture (navigation, headers, footers, asides, forms).
    pub fn without_furniture() -> Self {
        TextWriter {
            skip_furniture: true,
            ..TextWriter::default()
        }
    }

    /// Appends the text of `root` and its descendants.
    pub fn write(&mut self, root: &NodeRef<'_>) {
        let mut stack = vec![Step::Enter(*root)];
        while let Some(step) = stack.pop() {
            let node = match step {
                Step::Close => {
                    self.break_paragraph();
                    continue;
                }
                Step::Enter(node) => node,
            };
            if node.is_text() {
                self.push_text(&node.text());
                continue;
            }
            if !(node.is_element() || node.is_document() || node.is_fragment()) {
                continue;
            }
            let name = node.node_name();
            let name = name.as_deref().unwrap_or("");
            if SKIP.contains(&name)
                || (self.skip_furniture && FURNITURE.contains(&name))
                || is_hidden(&node)
            {
                continue;
            }
            if name == "br" {
                self.line_break();
                continue;
            }
            let block = BLOCK.contains(&name);
            if block {
                self.break_paragraph();
                stack.push(Step::Close);
            }
            let children: Vec<_> = node.children_it(true).collect();
            stack.extend(children.into_iter().map(Step::Enter));
        }
    }

    /// The text written so far: paragraphs joined by blank lines, no
    /// leading or trailing whitespace.
    pub fn finish(mut self) -> String {
        self.break_paragraph();
        self.paragraphs.join("\n\n")
    }

    pub(crate) fn push_text(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
            } else {
                if self.pending_space && !self.cur.is_empty() && !self.cur.ends_with('\n') {
                    self.cur.push(' ');
                }
                self.pending_space = false;
                self.cur.push(c);
            }
        }
    }

    pub(crate) fn line_break(&mut self) {
        if !self.cur.is_empty() && !self.cur.ends_with('\n') {
            self.cur.push('\n');
        }
        self.pending_space = false;
    }

    pub(crate) fn break_paragraph(&mut self) {
        let p = self.cur.trim();
        if !p.is_empty() {
            self.paragraphs.push(p.to_string());
        }
        self.cur.clear();
        self.pending_space = false;
    }
}

fn is_hidden(node: &NodeRef<'_>) -> bool {
    if node.has_attr("hidden") {
        return true;
    }
    if node.attr("aria-hidden").is_some_and(|v| v.trim() == "true") {
        return true;
    }
    node.attr("style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// Plain text of an HTML fragment (a feed item's content), furniture kept:
/// a fragment is already the article, not a page around it.
///
/// A fragment nested deeper than `MAX_DOM_DEPTH` (512 elements) is read
/// by one tokenizer pass instead of a DOM, so its cost stays linear.
pub fn fragment_text(html: &str) -> String {
    if crate::html_scan::may_be_deep(html) {
        let scan = crate::html_scan::HtmlScan::fragment(html);
        if scan.max_depth > crate::html_scan::MAX_DOM_DEPTH {
            return scan.text;
        }
    }
    let doc = dom_query::Document::fragment(html);
    let mut w = TextWriter::new();
    w.write(&doc.root());
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_breaks() {
        let t = fragment_text(
            "<h1>Head  line</h1><p>One <b>bold</b>\n word.</p><p>Two<br>lines</p><script>x()</script><ul><li>a</li><li>b</li></ul>",
        );
        assert_eq!(t, "Head line\n\nOne bold word.\n\nTwo\nlines\n\na\n\nb");
    }

    #[test]
    fn hidden_is_skipped() {
        let t = fragment_text("<p>seen</p><p style='display: none'>unseen</p><div hidden>no</div>");
        assert_eq!(t, "seen");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(50_000) + "deep" + &"</div>".repeat(50_000);
        assert_eq!(fragment_text(&html), "deep");
        // Past the DOM depth limit, the tokenizer pass gives the same text
        // as the DOM walk below it.
        let deep = "<div><p>a <b>bold</b> word<br>next</p><nav>menu</nav>".repeat(600) + "end";
        let shallow = "<div><p>a <b>bold</b> word<br>next</p><nav>menu</nav>".repeat(100) + "end";
        let deep_text = fragment_text(&deep);
        assert_eq!(
            deep_text.matches("a bold word\nnext").count(),
            600,
            "{deep_text}"
        );
        assert_eq!(
            deep_text.split("\n\n").take(4).collect::<Vec<_>>(),
            fragment_text(&shallow)
                .split("\n\n")
                .take(4)
                .collect::<Vec<_>>()
        );
    }
}

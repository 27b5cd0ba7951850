//! One linear pass of the HTML5 tokenizer over a page, without building a
//! tree: how deeply its elements nest, its text, and its head.
//!
//! Building a DOM is not linear in the input when elements nest deeply: the
//! tree builder checks its stack of open elements for every start tag, and
//! the readability pass walks each candidate's descendants. A page of
//! 100,000 unclosed `<div><span><b>` took minutes. The scan measures the
//! nesting first; a page nested deeper than [`MAX_DOM_DEPTH`] is read from
//! the scan alone, in time linear in its size.

use std::cell::RefCell;

use html5ever::TokenizerResult;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use crate::text_writer::{BLOCK, FURNITURE, SKIP, TextWriter};

/// Deepest element nesting read through the DOM and the readability pass.
/// Browsers stop nesting near this depth too (Chromium's parser at 512);
/// real articles stay far below it.
pub const MAX_DOM_DEPTH: usize = 512;

/// Elements that never hold content (no end tag).
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose end tag may be left out; they close when a sibling
/// opens, so counting them would overstate the nesting of sloppy pages.
const SELF_CLOSING_BY_SIBLING: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb",
    "rt", "rp", "colgroup", "caption",
];

/// True when `html` may nest deeper than [`MAX_DOM_DEPTH`]: a page with
/// fewer tags than that cannot, and needs no scan.
pub fn may_be_deep(html: &str) -> bool {
    html.bytes()
        .filter(|&b| b == b'<')
        .nth(MAX_DOM_DEPTH)
        .is_some()
}

/// What the scan found.
#[derive(Debug, Default)]
pub struct HtmlScan {
    /// Greatest number of elements open at once, estimated from start and
    /// end tags (elements closed by a sibling not counted).
    pub max_depth: usize,
    /// The page's text without scripts, styles, hidden elements and page
    /// furniture, one paragraph per block element.
    pub text: String,
    /// A small HTML document holding the page's `<html lang>`, `<title>`,
    /// `<meta>`, `<link>` and JSON-LD, for reading metadata.
    pub head: String,
}

impl HtmlScan {
    /// Scans a whole page in one pass; its text leaves out page furniture
    /// (navigation, headers, footers, asides, forms).
    pub fn page(html: &str) -> HtmlScan {
        HtmlScan::scan(html, true)
    }

    /// Scans a fragment (a feed item's content) in one pass; furniture is
    /// kept, as [`crate::fragment_text`] keeps it.
    pub fn fragment(html: &str) -> HtmlScan {
        HtmlScan::scan(html, false)
    }

    fn scan(html: &str, skip_furniture: bool) -> HtmlScan {
        let sink = Sink {
            state: RefCell::new(State {
                skip_furniture,
                ..State::default()
            }),
        };
        let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
        let queue = BufferQueue::default();
        queue.push_back(StrTendril::from_slice(html));
        while let TokenizerResult::Script(_) = tokenizer.feed(&queue) {}
        tokenizer.end();
        let mut state = tokenizer.sink.state.into_inner();
        state.close_head_text();
        HtmlScan {
            max_depth: state.max_depth,
            text: state.writer.finish(),
            head: format!(
                "<html{}><head>{}</head></html>",
                state.html_attrs, state.head
            ),
        }
    }
}

#[derive(Default)]
struct State {
    skip_furniture: bool,
    depth: usize,
    max_depth: usize,
    writer: TextWriter,
    /// An element whose content is skipped: its name and how many elements
    /// of that name are open inside it.
    skipping: Option<(String, usize)>,
    /// Inside `<title>` or a JSON-LD `<script>`: their text goes to the head.
    in_head_text: Option<&'static str>,
    head_text: String,
    head: String,
    html_attrs: String,
}

struct Sink {
    state: RefCell<State>,
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut st = self.state.borrow_mut();
        match token {
            Token::TagToken(tag) => return st.tag(&tag),
            Token::CharacterTokens(t) => st.characters(&t),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

impl State {
    fn tag(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        let counted = !VOID.contains(&name) && !SELF_CLOSING_BY_SIBLING.contains(&name);
        if tag.kind == TagKind::EndTag {
            if counted {
                self.depth = self.depth.saturating_sub(1);
            }
            self.end_tag(name);
            return TokenSinkResult::Continue;
        }
        if counted && !tag.self_closing {
            self.depth += 1;
            self.max_depth = self.max_depth.max(self.depth);
        }
        self.close_head_text();
        self.head_tag(tag);
        if let Some((skipped, open)) = &mut self.skipping {
            if skipped == name && !tag.self_closing {
                *open += 1;
            }
        } else if SKIP.contains(&name)
            || (self.skip_furniture && FURNITURE.contains(&name))
            || hidden(tag)
        {
            if !VOID.contains(&name) && !tag.self_closing {
                self.skipping = Some((name.to_string(), 0));
            }
        } else if name == "br" {
            self.writer.line_break();
        } else if BLOCK.contains(&name) {
            self.writer.break_paragraph();
        }
        raw_state(name)
    }

    fn end_tag(&mut self, name: &str) {
        self.close_head_text();
        match &mut self.skipping {
            Some((skipped, 0)) if skipped == name => self.skipping = None,
            Some((skipped, open)) if skipped == name => *open -= 1,
            Some(_) => {}
            None if BLOCK.contains(&name) => self.writer.break_paragraph(),
            None => {}
        }
    }

    /// Copies the tags metadata is read from into the small head document.
    fn head_tag(&mut self, tag: &Tag) {
        let name: &str = &tag.name;
        match name {
            "html" if self.html_attrs.is_empty() => self.html_attrs = attrs(tag),
            "meta" | "link" => self.head.push_str(&format!("<{name}{}>", attrs(tag))),
            "title" => {
                self.head.push_str("<title>");
                self.in_head_text = Some("</title>");
            }
            "script"
                if tag.attrs.iter().any(|a| {
                    &*a.name.local == "type" && a.value.trim() == "application/ld+json"
                }) =>
            {
                self.head.push_str("<script type=\"application/ld+json\">");
                self.in_head_text = Some("</script>");
            }
            _ => {}
        }
    }

    fn characters(&mut self, t: &str) {
        if self.in_head_text.is_some() {
            self.head_text.push_str(t);
        }
        if self.skipping.is_none() {
            self.writer.push_text(t);
        }
    }

    /// Closes a `<title>` or JSON-LD script opened in the head document.
    fn close_head_text(&mut self) {
        let Some(close) = self.in_head_text.take() else {
            return;
        };
        let text = std::mem::take(&mut self.head_text);
        // A title is escaped so it stays text when the head is parsed again;
        // a script's raw text cannot hold `</script` (that would have ended it).
        if close == "</title>" {
            self.head.push_str(&escape(&text));
        } else {
            self.head.push_str(&text);
        }
        self.head.push_str(close);
    }
}

/// The tokenizer state an element's content needs: scripts and styles are
/// raw text (a `<div>` inside a script is not an element).
fn raw_state(name: &str) -> TokenSinkResult<()> {
    match name {
        "script" => TokenSinkResult::RawData(RawKind::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
            TokenSinkResult::RawData(RawKind::Rawtext)
        }
        "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
        "plaintext" => TokenSinkResult::Plaintext,
        _ => TokenSinkResult::Continue,
    }
}

fn hidden(tag: &Tag) -> bool {
    tag.attrs.iter().any(|a| {
        let key: &str = &a.name.local;
        let v = a.value.to_ascii_lowercase();
        key == "hidden"
            || key == "aria-hidden" && v.trim() == "true"
            || key == "style" && {
                let v: String = v.chars().filter(|c| !c.is_whitespace()).collect();
                v.contains("display:none") || v.contains("visibility:hidden")
            }
    })
}

fn attrs(tag: &Tag) -> String {
    tag.attrs
        .iter()
        .map(|a| format!(" {}=\"{}\"", &*a.name.local, escape(&a.value)))
        .collect()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

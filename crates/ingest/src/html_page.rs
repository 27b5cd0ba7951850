use dom_query::Document as Dom;
use dom_smoothie::{Config, Readability, TextMode};

use crate::html_meta::page_metadata;
use crate::html_scan::{HtmlScan, MAX_DOM_DEPTH, may_be_deep};
use crate::metadata::{Metadata, clean, normalize_lang, normalize_published};
use crate::text_writer::TextWriter;

/// Pages with more elements than this skip the readability pass (its
/// scoring is superlinear on huge DOMs) and use the furniture-free whole-page text.
const MAX_READABILITY_ELEMENTS: usize = 100_000;

/// Below this many characters, a readability result is not trusted over the
/// furniture-free whole page text.
const MIN_ARTICLE_CHARS: usize = 50;

/// One HTML page reduced to its article: main text plus metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlPage {
    pub metadata: Metadata,
    /// Paragraphs separated by blank lines; may be empty when the page has no text.
    pub text: String,
}

impl HtmlPage {
    /// Extracts the main text of `html` with a readability pass (navigation,
    /// ads, comments, related links and footers scored away), falling back to
    /// the page minus its furniture when readability finds nothing usable.
    /// Never fails: malformed HTML is repaired by the HTML5 parser, and a page
    /// without text gives an empty `text`.
    ///
    /// A page whose elements nest deeper than `MAX_DOM_DEPTH` (512) is read by
    /// one pass of the tokenizer instead (see `html_scan.rs`): its text minus
    /// furniture, its metadata from its head tags.
    pub fn extract(html: &str) -> HtmlPage {
        if may_be_deep(html) {
            let scan = HtmlScan::page(html);
            if scan.max_depth > MAX_DOM_DEPTH {
                return HtmlPage {
                    metadata: page_metadata(&Dom::from(scan.head.as_str())),
                    text: scan.text,
                };
            }
        }
        let dom = Dom::from(html);
        let mut metadata = page_metadata(&dom);
        let elements = dom.select("*").length();
        let fallback_text = {
            let mut w = TextWriter::without_furniture();
            match dom.body() {
                Some(body) => w.write(&body),
                None => w.write(&dom.root()),
            }
            w.finish()
        };
        let mut text = String::new();
        if elements <= MAX_READABILITY_ELEMENTS {
            let cfg = Config {
                text_mode: TextMode::Raw,
                ..Config::default()
            };
            if let Ok(mut r) = Readability::with_document(dom, None, Some(cfg))
                && let Ok(article) = r.parse()
            {
                metadata.fill_from(Metadata {
                    id: None,
                    title: clean(&article.title),
                    url: None,
                    outlet: article.site_name.as_deref().and_then(clean),
                    published: article
                        .published_time
                        .as_deref()
                        .and_then(normalize_published),
                    lang: article.lang.as_deref().and_then(normalize_lang),
                    author: article.byline.as_deref().and_then(clean),
                });
                let mut w = TextWriter::new();
                if let Some(root) = r.doc.select("#readability-page-1").nodes().first() {
                    w.write(root);
                }
                text = w.finish();
            }
        }
        if text.chars().count() < MIN_ARTICLE_CHARS && fallback_text.len() > text.len() {
            text = fallback_text;
        }
        HtmlPage { metadata, text }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_html_still_extracts() {
        let p = HtmlPage::extract("<p>Unclosed <b>bold <div>and a div</p></i> text");
        assert!(p.text.contains("Unclosed bold"), "{}", p.text);
        assert!(p.text.contains("and a div"), "{}", p.text);
    }

    /// Deeper than the DOM limit, a page is read by the tokenizer pass: the
    /// text inside and after the nesting, and the head's metadata, are kept;
    /// scripts, styles and furniture are not.
    #[test]
    fn deeply_nested_page_is_read_without_a_dom() {
        let n = MAX_DOM_DEPTH * 4;
        let html = format!(
            "<html lang='en'><head><title>Deep page</title><meta property='og:site_name' content='Deep Times'>\
             <script type='application/ld+json'>{{\"@type\":\"NewsArticle\",\"datePublished\":\"2025-03-04\"}}</script>\
             <style>p {{ color: red }}</style></head><body><nav>Home News</nav>{}<p>Troops crossed the river at dawn.</p>\
             <script>var x = '<div>';</script>{}<p>After the nesting.</p></body></html>",
            "<div><span><b>".repeat(n),
            "</b></span></div>".repeat(n / 2)
        );
        let scan = HtmlScan::page(&html);
        assert!(scan.max_depth >= 3 * n, "{}", scan.max_depth);
        let p = HtmlPage::extract(&html);
        assert_eq!(
            p.text,
            "Troops crossed the river at dawn.\n\nAfter the nesting."
        );
        assert_eq!(p.metadata.title.as_deref(), Some("Deep page"));
        assert_eq!(p.metadata.outlet.as_deref(), Some("Deep Times"));
        assert_eq!(p.metadata.published.as_deref(), Some("2025-03-04"));
        assert_eq!(p.metadata.lang.as_deref(), Some("en"));
    }

    /// Unclosed paragraphs and list items do not count as nesting: a long
    /// sloppy page still goes through the DOM.
    #[test]
    fn elements_closed_by_siblings_are_not_nesting() {
        let html = format!("<body><ul>{}</ul></body>", "<li><p>item".repeat(2_000));
        assert!(HtmlScan::page(&html).max_depth < 5);
    }

    #[test]
    fn empty_page_has_no_text() {
        assert_eq!(
            HtmlPage::extract("<html><head><title>x</title></head><body> </body></html>").text,
            ""
        );
    }
}

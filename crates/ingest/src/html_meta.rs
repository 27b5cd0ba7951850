use dom_query::Document as Dom;
use serde_json::Value;

use crate::metadata::{Metadata, clean, normalize_lang, normalize_published};

/// JSON-LD `@type`s that describe the page's article.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "WebPage",
];

/// Metadata read from a parsed page's `<head>`: JSON-LD first (most
/// specific), then OpenGraph / article / Dublin Core meta tags, then
/// `<link rel=canonical>`, `<html lang>` and `<title>`.
pub fn page_metadata(dom: &Dom) -> Metadata {
    let mut m = json_ld_metadata(dom);
    let mut tags = Metadata::default();
    for node in dom.select("meta").nodes() {
        let Some(content) = node.attr("content") else {
            continue;
        };
        let key = node
            .attr("property")
            .or_else(|| node.attr("name"))
            .or_else(|| node.attr("itemprop"))
            .or_else(|| node.attr("http-equiv"));
        let Some(key) = key else { continue };
        let key = key.trim().to_ascii_lowercase();
        let slot = match key.as_str() {
            "og:title" | "twitter:title" | "dc.title" => &mut tags.title,
            "og:url" => &mut tags.url,
            "og:site_name" | "application-name" | "dc.publisher" => &mut tags.outlet,
            "article:published_time"
            | "og:published_time"
            | "datepublished"
            | "pubdate"
            | "publishdate"
            | "publish-date"
            | "date"
            | "dc.date"
            | "dc.date.issued"
            | "dcterms.created"
            | "sailthru.date"
            | "parsely-pub-date" => &mut tags.published,
            "content-language" | "language" | "dc.language" | "og:locale" => &mut tags.lang,
            "author" | "article:author" | "dc.creator" | "byl" | "parsely-author"
            | "sailthru.author" => {
                if content.trim_start().starts_with("http") {
                    continue;
                }
                &mut tags.author
            }
            _ => continue,
        };
        if slot.is_none() {
            *slot = clean(&content);
        }
    }
    tags.published = tags.published.as_deref().and_then(normalize_published);
    tags.lang = tags.lang.as_deref().and_then(normalize_lang);
    if let Some(href) = dom.select("link[rel=canonical]").attr("href") {
        m.url = m.url.take().or_else(|| absolute(&href));
    }
    m.fill_from(tags);
    if m.lang.is_none() {
        m.lang = dom
            .select("html")
            .attr("lang")
            .or_else(|| dom.select("html").attr("xml:lang"))
            .and_then(|l| normalize_lang(&l));
    }
    if m.title.is_none() {
        m.title = clean(&dom.select("head title").text());
    }
    m.url = m.url.take().and_then(|u| absolute(&u));
    m
}

/// Keeps only absolute http(s) URLs; a relative canonical says nothing
/// without the page's own address.
fn absolute(u: &str) -> Option<String> {
    let u = u.trim();
    (u.starts_with("http://") || u.starts_with("https://")).then(|| u.to_string())
}

fn json_ld_metadata(dom: &Dom) -> Metadata {
    let mut m = Metadata::default();
    for node in dom.select(r#"script[type="application/ld+json"]"#).nodes() {
        let raw = node.text();
        let raw = raw
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>");
        let Ok(value) = serde_json::from_str::<Value>(raw) else {
            continue;
        };
        let mut objects = Vec::new();
        collect_objects(&value, &mut objects, 0);
        // Articles before generic web pages: a page often has both.
        objects.sort_by_key(|o| type_rank(o));
        for obj in objects
            .into_iter()
            .filter(|o| type_rank(o) < ARTICLE_TYPES.len())
        {
            m.fill_from(article_fields(obj));
        }
    }
    m
}

fn collect_objects<'v>(v: &'v Value, out: &mut Vec<&'v Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::Array(items) => items
            .iter()
            .for_each(|i| collect_objects(i, out, depth + 1)),
        Value::Object(map) => {
            out.push(v);
            if let Some(g) = map.get("@graph") {
                collect_objects(g, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn type_rank(obj: &Value) -> usize {
    let types: Vec<&str> = match obj.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    types
        .iter()
        .filter_map(|t| ARTICLE_TYPES.iter().position(|a| a == t))
        .min()
        .unwrap_or(ARTICLE_TYPES.len())
}

fn article_fields(obj: &Value) -> Metadata {
    let s = |key: &str| obj.get(key).and_then(Value::as_str).and_then(clean);
    Metadata {
        id: None,
        title: s("headline").or_else(|| s("name")),
        url: s("url"),
        outlet: obj.get("publisher").and_then(names),
        published: s("datePublished").as_deref().and_then(normalize_published),
        lang: s("inLanguage").as_deref().and_then(normalize_lang),
        author: obj.get("author").and_then(names),
    }
}

/// A person/organisation value: a string, an object with `name`, or a list of those.
fn names(v: &Value) -> Option<String> {
    let list: Vec<String> = match v {
        Value::String(s) => clean(s).into_iter().collect(),
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .and_then(clean)
            .into_iter()
            .collect(),
        Value::Array(a) => a
            .iter()
            .filter_map(|i| match i {
                Value::String(s) => clean(s),
                Value::Object(o) => o.get("name").and_then(Value::as_str).and_then(clean),
                _ => None,
            })
            .collect(),
        _ => vec![],
    };
    let joined = list.join(", ");
    (!joined.is_empty()).then_some(joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_and_meta() {
        let html = r#"<html lang="en-US"><head><title>T | Site</title>
        <link rel="canonical" href="https://news.test/a">
        <meta property="og:site_name" content="The Test Times">
        <meta name="author" content="Meta Author">
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"Site"},
          {"@type":"NewsArticle","headline":"Real headline","datePublished":"2024-05-14T10:00:00+02:00",
           "author":[{"@type":"Person","name":"A. One"},{"name":"B. Two"}],
           "publisher":{"@type":"Organization","name":"Test Times"}}]}</script>
        </head><body></body></html>"#;
        let m = page_metadata(&Dom::from(html));
        assert_eq!(m.title.as_deref(), Some("Real headline"));
        assert_eq!(m.author.as_deref(), Some("A. One, B. Two"));
        assert_eq!(m.outlet.as_deref(), Some("Test Times"));
        assert_eq!(m.published.as_deref(), Some("2024-05-14T08:00:00Z"));
        assert_eq!(m.url.as_deref(), Some("https://news.test/a"));
        assert_eq!(m.lang.as_deref(), Some("en"));
    }
}

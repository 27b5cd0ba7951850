//! Property tests of ingestion on untrusted input: whatever the bytes,
//! `parse_bytes`, `HtmlPage::extract`, feed and JSON Lines parsing never
//! panic, every error is one line naming its input, and every document
//! keeps the invariants of `claimtrace_model::Document`.

use claimtrace_ingest::{
    Document, FrontMatter, HtmlPage, IngestConfig, IngestError, InputFormat, Metadata,
    declares_entities, fragment_text, parse_bytes,
};
use claimtrace_model::content_hash;
use proptest::prelude::*;
use serde_json::{Map, Value, json};

/// Building blocks of news pages, feeds and prose, including the awkward
/// corners of Unicode (case mappings that change byte length, combining
/// marks, joiners, line separators) and markup fragments.
const PIECES: &[&str] = &[
    "said",
    "the",
    "Russia",
    "Ukraine",
    "Kyiv",
    "drones",
    "attacked",
    "according to",
    "officials",
    "reported",
    "denied",
    "may",
    "May",
    "June",
    "2024",
    "Monday",
    "yesterday",
    "over",
    "300",
    "dozens",
    "Gen.",
    "U.S.",
    "Mr.",
    "No.",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "…",
    "...",
    "—",
    "-",
    "(",
    ")",
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "«",
    "»",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\u{a0}",
    "\u{2028}",
    "\u{85}",
    "\u{200b}",
    "\u{feff}",
    "é",
    "Türkiye",
    "Erdoğan",
    "Київ",
    "Харків",
    "القدس",
    "日本",
    "ß",
    "İ",
    "Ⱥ",
    "ﬁ",
    "🚀",
    "👍🏽",
    "🇺🇦",
    "👨‍👩‍👧",
    "e\u{301}",
    "\u{301}",
    "\u{308}\u{308}",
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<br>",
    "<b>",
    "</b>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "&amp;",
    "&nbsp;",
    "&#x1F680;",
    "&#0;",
    "&#xD800;",
    "<a href=\"x\">",
    "</a>",
    "<![CDATA[",
    "]]>",
    "<html>",
    "<body>",
    "<head>",
    "<title>",
    "</title>",
    "<meta property=\"og:title\" content=\"T\">",
    "<meta name=\"author\" content=\" A  B \">",
    "<link rel=canonical href=\" https://x.test/a \">",
    "<script type=\"application/ld+json\">",
    "{\"@type\":\"NewsArticle\",\"headline\":\" H \"}",
    "<nav>",
    "</nav>",
    "<article>",
    "</article>",
    "<table><tr><td>",
    "<li>",
    "hidden",
    "<?xml version=\"1.0\"?>",
    "<rss version=\"2.0\">",
    "<channel>",
    "<item>",
    "</item>",
    "<description>",
    "</description>",
    "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
    "<entry>",
    "</entry>",
    "<!DOCTYPE x [",
    "<!ENTITY a \"b\">",
    "]>",
    "&a;",
    "{",
    "}",
    "[",
    "]",
    "\"text\":",
    "\"html\":",
    "null",
    "---",
    "title: x",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
        1 => "[a-zA-Zéб]{20,120}",
        1 => "[0-9]{1,15}",
    ]
}

/// Domain-biased text: up to `max` pieces.
fn mix(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..max).prop_map(|v| v.concat())
}

fn format_hint() -> impl Strategy<Value = Option<InputFormat>> {
    prop::option::of(prop::sample::select(vec![
        InputFormat::Text,
        InputFormat::Html,
        InputFormat::Feed,
        InputFormat::Jsonl,
    ]))
}

fn input_name() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "-",
        "",
        "a.txt",
        "page.html",
        "feed.xml",
        "items.jsonl",
        "noext",
        "x.pdf",
        "dir/.hidden",
        "Ünï.md",
    ])
    .prop_map(str::to_string)
}

fn check_metadata_field(what: &str, v: &Option<String>) -> Result<(), TestCaseError> {
    if let Some(v) = v {
        prop_assert!(
            !v.is_empty() && v.trim() == v,
            "{what} not trimmed/non-empty: {v:?}"
        );
    }
    Ok(())
}

fn check_metadata(m: &Metadata) -> Result<(), TestCaseError> {
    check_metadata_field("id", &m.id)?;
    check_metadata_field("title", &m.title)?;
    check_metadata_field("url", &m.url)?;
    check_metadata_field("outlet", &m.outlet)?;
    check_metadata_field("published", &m.published)?;
    check_metadata_field("lang", &m.lang)?;
    check_metadata_field("author", &m.author)?;
    Ok(())
}

fn check_document(doc: &Document, hint: Option<InputFormat>) -> Result<(), TestCaseError> {
    prop_assert_eq!(&doc.hash, &content_hash(&doc.text));
    prop_assert!(!doc.text.trim().is_empty(), "document without text");
    prop_assert!(!doc.id.is_empty());
    if let Some(h) = hint {
        prop_assert_eq!(doc.format, h);
    }
    if let Some(l) = &doc.lang {
        prop_assert!(
            l.len() == 2 && l.bytes().all(|b| b.is_ascii_lowercase()),
            "lang {l:?}"
        );
    }
    for (what, v) in [
        ("title", &doc.title),
        ("url", &doc.url),
        ("outlet", &doc.outlet),
        ("published", &doc.published),
        ("author", &doc.author),
    ] {
        check_metadata_field(what, v)?;
    }
    Ok(())
}

fn check_error(e: &IngestError, name: &str) -> Result<(), TestCaseError> {
    let line = e.to_string();
    prop_assert!(
        !line.contains('\n') && !line.contains('\r'),
        "multi-line error: {line:?}"
    );
    prop_assert!(
        line.starts_with(e.input()),
        "{line:?} does not start with {:?}",
        e.input()
    );
    let label = if name.is_empty() { "-" } else { name };
    prop_assert!(
        e.input().starts_with(label),
        "{:?} does not name {label:?}",
        e.input()
    );
    Ok(())
}

fn check_results(
    results: &[Result<Document, IngestError>],
    name: &str,
    hint: Option<InputFormat>,
) -> Result<(), TestCaseError> {
    prop_assert!(!results.is_empty(), "no result at all");
    for r in results {
        match r {
            Ok(doc) => check_document(doc, hint)?,
            Err(e) => check_error(e, name)?,
        }
    }
    Ok(())
}

fn check_page(p: &HtmlPage) -> Result<(), TestCaseError> {
    check_metadata(&p.metadata)?;
    prop_assert_eq!(p.text.trim(), p.text.as_str());
    prop_assert!(!p.text.contains("\n\n\n"), "{:?}", p.text);
    Ok(())
}

/// An RSS 2.0 or Atom document with `items` entries; `raw` pieces are
/// XML-escaped unless `escape` is off (then they may break the XML).
fn feed_doc(atom: bool, items: &[String], escape: bool, preamble: &str) -> String {
    let esc = |s: &str| {
        if escape {
            s.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
        } else {
            s.to_string()
        }
    };
    let mut x = format!("<?xml version=\"1.0\" encoding=\"utf-8\"?>{preamble}\n");
    if atom {
        x.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title>");
        for (i, it) in items.iter().enumerate() {
            x.push_str(&format!(
                "<entry><id>e{i}</id><title>{}</title><content type=\"html\">{}</content></entry>",
                esc(it),
                esc(it)
            ));
        }
        x.push_str("</feed>");
    } else {
        x.push_str("<rss version=\"2.0\"><channel><title>T</title>");
        for it in items {
            x.push_str(&format!(
                "<item><title>{}</title><description>{}</description><link> https://x.test/{} </link></item>",
                esc(it),
                esc(it),
                esc(it)
            ));
        }
        x.push_str("</channel></rss>");
    }
    x
}

/// A random-case spelling of `word`.
fn any_case(word: &'static str) -> impl Strategy<Value = String> {
    prop::collection::vec(any::<bool>(), word.len()).prop_map(move |up| {
        word.chars()
            .zip(up)
            .map(|(c, u)| {
                if u {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    })
}

/// A JSON value that may or may not be a string.
fn json_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => mix(12).prop_map(Value::String),
        1 => Just(Value::Null),
        1 => any::<i32>().prop_map(|n| json!(n)),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => Just(json!(["a", 1])),
        1 => Just(json!({"k": "v"})),
    ]
}

const KEYS: &[&str] = &[
    "text",
    "html",
    "id",
    "url",
    "title",
    "outlet",
    "published",
    "lang",
    "author",
    "extra",
];

/// One line of a JSON Lines input: an object, another JSON value, or garbage.
fn jsonl_line() -> impl Strategy<Value = (String, Option<Value>)> {
    let object =
        prop::collection::vec((prop::sample::select(KEYS), json_value()), 0..5).prop_map(|kv| {
            let mut m = Map::new();
            for (k, v) in kv {
                m.insert(k.to_string(), v);
            }
            Value::Object(m)
        });
    let text_object = (mix(20), prop::option::of(mix(6))).prop_map(|(t, id)| {
        let mut m = Map::new();
        m.insert("text".into(), Value::String(t));
        if let Some(id) = id {
            m.insert("id".into(), Value::String(id));
        }
        Value::Object(m)
    });
    prop_oneof![
        4 => object.prop_map(|v| (v.to_string(), Some(v))),
        3 => text_object.prop_map(|v| (v.to_string(), Some(v))),
        1 => json_value().prop_map(|v| (v.to_string(), Some(v))),
        1 => mix(10).prop_map(|s| (s.replace(['\n', '\r', '\0'], " "), None)),
        1 => Just((String::new(), None)),
    ]
}

fn is_blank(line: &str) -> bool {
    line.trim().trim_start_matches('\u{feff}').is_empty()
}

/// `cases` per property, unless `PROPTEST_CASES` asks for a deeper run.
fn config(cases: u32) -> ProptestConfig {
    let default = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_some() {
        default
    } else {
        ProptestConfig { cases, ..default }
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_bytes_never_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..400),
        name in input_name(),
        hint in format_hint(),
    ) {
        let results = parse_bytes(&name, &bytes, hint, &IngestConfig::default());
        check_results(&results, &name, hint)?;
    }

    #[test]
    fn arbitrary_strings_never_panic(
        text in any::<String>(),
        name in input_name(),
        hint in format_hint(),
    ) {
        let results = parse_bytes(&name, text.as_bytes(), hint, &IngestConfig::default());
        check_results(&results, &name, hint)?;
    }

    #[test]
    fn domain_text_in_every_format(
        text in mix(60),
        name in input_name(),
        hint in format_hint(),
    ) {
        let results = parse_bytes(&name, text.as_bytes(), hint, &IngestConfig::default());
        check_results(&results, &name, hint)?;
    }

    #[test]
    fn html_page_never_panics(body in mix(60), head in mix(8)) {
        for html in [
            body.clone(),
            format!("<!DOCTYPE html><html lang=\"en-GB\"><head>{head}</head><body><article><p>{body}</p></article></body></html>"),
        ] {
            check_page(&HtmlPage::extract(&html))?;
        }
    }

    #[test]
    fn html_page_arbitrary(html in any::<String>()) {
        check_page(&HtmlPage::extract(&html))?;
    }

    #[test]
    fn fragment_text_is_trimmed(html in mix(50)) {
        let t = fragment_text(&html);
        prop_assert_eq!(t.trim(), t.as_str());
        prop_assert!(!t.contains("\n\n\n"), "{:?}", t);
    }

    #[test]
    fn front_matter_body_is_a_suffix(
        lines in prop::collection::vec(
            prop_oneof![
                Just("---".to_string()),
                Just("---\r".to_string()),
                mix(6).prop_map(|v| format!("title: {v}")),
                mix(4).prop_map(|v| format!("published: \"{v}\"")),
                mix(6),
            ],
            0..12,
        )
    ) {
        let text = lines.join("\n");
        let fm = FrontMatter::split(&text);
        prop_assert!(text.ends_with(fm.body), "{:?} is not a suffix of {:?}", fm.body, text);
        check_metadata(&fm.metadata)?;
    }

    #[test]
    fn feeds_never_panic(
        atom in any::<bool>(),
        items in prop::collection::vec(mix(20), 1..5),
        escape in any::<bool>(),
        hint in prop::option::of(Just(InputFormat::Feed)),
    ) {
        let xml = feed_doc(atom, &items, escape, "");
        let results = parse_bytes("feed.xml", xml.as_bytes(), hint, &IngestConfig::default());
        check_results(&results, "feed.xml", hint)?;
        let failed_whole = results.iter().any(|r| matches!(
            r,
            Err(IngestError::Feed { .. } | IngestError::XmlEntities { .. } | IngestError::Binary { .. })
        ));
        // Unescaped pieces may open or close items of their own.
        if escape && !failed_whole {
            prop_assert_eq!(results.len(), items.len());
            for (i, r) in results.iter().enumerate() {
                if let Err(e) = r {
                    prop_assert_eq!(e.input(), format!("feed.xml#{}", i + 1));
                }
            }
        }
    }

    #[test]
    fn entity_declarations_are_refused(
        atom in any::<bool>(),
        items in prop::collection::vec(mix(8), 1..3),
        doctype in any_case("<!doctype"),
        entity in any_case("<!entity"),
        filler in mix(6),
        hinted in any::<bool>(),
    ) {
        let filler = filler.replace('\0', " ");
        let items: Vec<String> = items.iter().map(|i| i.replace('\0', " ")).collect();
        let preamble = format!("{doctype} rss [{filler}{entity} lol \"lol\">]>");
        let xml = feed_doc(atom, &items, true, &preamble);
        prop_assert!(declares_entities(&xml));
        let hint = hinted.then_some(InputFormat::Feed);
        let results = parse_bytes("in", xml.as_bytes(), hint, &IngestConfig::default());
        prop_assert_eq!(results.len(), 1);
        prop_assert!(
            matches!(&results[0], Err(IngestError::XmlEntities { .. })),
            "{:?}", results[0]
        );
    }

    #[test]
    fn jsonl_one_result_per_line(
        lines in prop::collection::vec(jsonl_line(), 1..8),
        crlf in any::<bool>(),
    ) {
        // The array form is another path; start with an object so this is line mode.
        let mut lines = lines;
        lines.insert(0, (json!({"text": "Drones struck."}).to_string(), Some(json!({"text": "Drones struck."}))));
        let sep = if crlf { "\r\n" } else { "\n" };
        let text = lines.iter().map(|(l, _)| l.as_str()).collect::<Vec<_>>().join(sep);
        let results = parse_bytes("items.jsonl", text.as_bytes(), None, &IngestConfig::default());
        check_results(&results, "items.jsonl", Some(InputFormat::Jsonl))?;
        let nonblank: Vec<(usize, &Option<Value>)> = lines
            .iter()
            .enumerate()
            .filter(|(_, (l, _))| !is_blank(l))
            .map(|(i, (_, v))| (i + 1, v))
            .collect();
        prop_assert_eq!(results.len(), nonblank.len());
        if nonblank.len() == 1 {
            return Ok(());
        }
        for (r, (line_no, value)) in results.iter().zip(&nonblank) {
            if let Err(e) = r {
                prop_assert_eq!(e.input(), format!("items.jsonl:{line_no}"));
            }
            match value {
                Some(Value::Object(obj)) => {
                    let text = obj.get("text").and_then(Value::as_str);
                    let clean_fields = obj.iter().all(|(k, v)| {
                        !["id", "url", "title", "outlet", "published", "lang", "author", "html"]
                            .contains(&k.as_str())
                            || v.is_string()
                            || v.is_null()
                            || (k == "id" && v.is_number())
                    });
                    if let (Some(t), true) = (text, clean_fields)
                        && !t.trim().is_empty()
                    {
                        let doc = r.as_ref().map_err(|e| TestCaseError::fail(format!("{e}")))?;
                        prop_assert_eq!(&doc.text, t);
                    }
                }
                Some(_) => prop_assert!(r.is_err(), "a non-object line gave a document"),
                None => {}
            }
        }
    }

    #[test]
    fn size_limit_is_enforced(text in mix(30), limit in 0u64..64) {
        let cfg = IngestConfig {
            max_bytes: limit,
            ..IngestConfig::default()
        };
        let results = parse_bytes("a.txt", text.as_bytes(), None, &cfg);
        if text.len() as u64 > limit {
            prop_assert!(matches!(&results[..], [Err(IngestError::TooLarge { .. })]), "{:?}", results);
        } else {
            check_results(&results, "a.txt", None)?;
        }
    }
}

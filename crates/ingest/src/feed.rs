use feed_rs::model::{Entry, Feed, Text};
use feed_rs::parser::Builder;

use crate::error::{IngestError, one_line};
use crate::metadata::{Metadata, clean, normalize_lang};
use crate::record::Record;
use crate::text_writer::fragment_text;

/// True when the document type declares entities. Entity expansion is how
/// "billion laughs" bombs blow up memory and time, and no real feed needs
/// it, so such input is refused before any XML parser sees it.
pub fn declares_entities(xml: &str) -> bool {
    contains_ignore_case(xml.as_bytes(), b"<!doctype")
        && contains_ignore_case(xml.as_bytes(), b"<!entity")
}

fn contains_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

/// Every item of an RSS 0.9x/1.0/2.0 or Atom feed as a [`Record`]: full
/// content when present (HTML reduced to text), else the summary. Items
/// without text are errors naming `input#N`; the others still load.
pub fn parse_feed(input: &str, xml: &str) -> Vec<Result<Record, IngestError>> {
    if declares_entities(xml) {
        return vec![Err(IngestError::XmlEntities {
            input: input.to_string(),
        })];
    }
    // An empty generated id tells us the item carried no guid/id of its own.
    let parser = Builder::new().id_generator(|_, _, _| String::new()).build();
    let feed = match parser.parse(xml.as_bytes()) {
        Ok(f) => f,
        Err(e) => {
            return vec![Err(IngestError::Feed {
                input: input.to_string(),
                reason: one_line(e),
            })];
        }
    };
    if feed.entries.is_empty() {
        return vec![Err(IngestError::Feed {
            input: input.to_string(),
            reason: "no items".into(),
        })];
    }
    feed.entries
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let n = i + 1;
            entry_record(&feed, entry, n).ok_or_else(|| IngestError::NoText {
                input: format!("{input}#{n}"),
            })
        })
        .collect()
}

fn entry_record(feed: &Feed, entry: &Entry, n: usize) -> Option<Record> {
    let content = entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref())
        .map(fragment_text);
    let text = content.filter(|t| !t.trim().is_empty()).or_else(|| {
        entry
            .summary
            .as_ref()
            .map(text_of)
            .filter(|t| !t.trim().is_empty())
    })?;
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or_else(|| entry.links.first())
        .map(|l| l.href.trim().to_string())
        .filter(|h| !h.is_empty());
    let people = |p: &[feed_rs::model::Person]| {
        let names: Vec<String> = p
            .iter()
            .filter_map(|p| p.name.as_deref().and_then(clean))
            .collect();
        (!names.is_empty()).then(|| names.join(", "))
    };
    let metadata = Metadata {
        id: clean(&entry.id),
        title: entry.title.as_ref().map(text_of).as_deref().and_then(clean),
        url: link.clone(),
        outlet: feed.title.as_ref().map(text_of).as_deref().and_then(clean),
        published: entry
            .published
            .or(entry.updated)
            .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
        lang: entry
            .language
            .as_deref()
            .or(feed.language.as_deref())
            .and_then(normalize_lang),
        author: people(&entry.authors).or_else(|| people(&feed.authors)),
    };
    Some(Record {
        position: Some(n),
        metadata,
        text,
        origin: link,
        format: None,
    })
}

/// Plain text of a feed text construct; HTML (declared, or escaped markup in
/// an RSS description) is reduced the same way as page content.
fn text_of(t: &Text) -> String {
    if t.content_type.to_string().contains("html") || t.content.contains('<') {
        fragment_text(&t.content)
    } else {
        t.content.trim().to_string()
    }
}

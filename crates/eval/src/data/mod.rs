//! Loaders for the third-party gold data sets under the evaluation data
//! directory (`../shared/eval`). Each loader reads one documented format and
//! returns plain documents whose spans are byte ranges into their `text`
//! (code-point offsets of the files are converted on load).

pub mod case2021;
pub mod claims_news;
pub mod conll;
pub mod meantime;
pub mod plover;
pub mod polnear;
pub mod re3d;
pub mod scrapinghub;
pub mod szeged;
pub mod timeml;
pub mod toponyms;

use std::path::Path;

use crate::error::{EvalError, Result};

/// Reads a whole UTF-8 file, naming the path in the error.
pub(crate) fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| EvalError::io(path, e))
}

/// Parses XML that may carry a DOCTYPE (never resolved: nothing is fetched).
pub(crate) fn parse_xml<'a>(path: &Path, text: &'a str) -> Result<roxmltree::Document<'a>> {
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    roxmltree::Document::parse_with_options(text, opts).map_err(|source| EvalError::Xml {
        path: path.to_path_buf(),
        source,
    })
}

/// Text of the first child element named `name`, trimmed.
pub(crate) fn child_text<'a>(node: roxmltree::Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.children()
        .find(|c| c.has_tag_name(name))
        .and_then(|c| c.text())
        .map(str::trim)
}

/// Files of a directory with the given extension, sorted by name.
pub(crate) fn files_with_ext(dir: &Path, ext: &str) -> Result<Vec<std::path::PathBuf>> {
    let rd = std::fs::read_dir(dir).map_err(|e| EvalError::io(dir, e))?;
    let mut out = Vec::new();
    for entry in rd {
        let entry = entry.map_err(|e| EvalError::io(dir, e))?;
        let p = entry.path();
        if p.extension().and_then(|e| e.to_str()) == Some(ext) {
            out.push(p);
        }
    }
    out.sort();
    Ok(out)
}

/// A document with labelled entity spans (NER gold), labels already mapped to
/// the harness's tag set (`PER`, `ORG`, `LOC`, `MISC`, `WEAPON`, `PLATFORM`).
#[derive(Debug, Clone)]
pub struct NerDoc {
    /// The split unit id.
    pub id: String,
    pub text: String,
    pub entities: Vec<(claimtrace_model::Span, String)>,
}

/// A short text with one gold class (event coding data sets).
#[derive(Debug, Clone)]
pub struct LabelledText {
    /// The split unit id.
    pub id: String,
    pub text: String,
    pub label: String,
}

/// A gold TIMEX3: byte span in its document's text, type and value.
#[derive(Debug, Clone, PartialEq)]
pub struct Timex {
    pub span: claimtrace_model::Span,
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    pub kind: String,
    pub value: String,
}

/// A document with its creation time and gold TIMEX3s (the DCT excluded).
#[derive(Debug, Clone)]
pub struct TimexDoc {
    /// The split unit id.
    pub id: String,
    pub text: String,
    /// Document creation time (the anchor of relative expressions).
    pub dct: Option<chrono::NaiveDate>,
    /// Where the creation time itself is written in `text`, if it is
    /// (MEANTIME keeps the dateline in the text; it is not scored).
    pub dct_span: Option<claimtrace_model::Span>,
    /// Where the annotation stops, when only the beginning of the text was
    /// annotated (MEANTIME marks the title and first sentences only):
    /// predictions starting at or after this byte are not scored.
    pub annotated_end: Option<usize>,
    pub timexes: Vec<Timex>,
}

/// The calendar date at the start of a TIMEX3 value (`1998-01-08`,
/// `1998-01-08T10:00`), if it names a day. One MEANTIME creation time is
/// written day first (`03-02-2009` for the dateline "February 03, 2009"),
/// so `DD-MM-YYYY` is read too.
pub(crate) fn value_date(value: &str) -> Option<chrono::NaiveDate> {
    let v = value.get(..10)?;
    chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d")
        .or_else(|_| chrono::NaiveDate::parse_from_str(v, "%d-%m-%Y"))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creation_time_values() {
        let d = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(value_date("1998-01-08"), d(1998, 1, 8));
        assert_eq!(value_date("1998-01-08T10:00"), d(1998, 1, 8));
        assert_eq!(value_date("03-02-2009"), d(2009, 2, 3));
        assert_eq!(value_date("1998-01"), None);
        assert_eq!(value_date("PRESENT_REF"), None);
    }
}

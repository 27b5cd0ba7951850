//! Geoparsing gold: GeoWebNews (`GWN.xml`) and LGL (`lgl.xml`). Both list
//! articles with a `<text>` and `<toponym>`s whose `<start>`/`<end>` are
//! code-point offsets into the text; toponyms with coordinates are the
//! geocoding targets.

use std::path::Path;

use claimtrace_model::Span;

use super::{child_text, parse_xml, read_text};
use crate::error::{EvalError, Result};
use crate::offsets::CharIndex;

/// One gold toponym.
#[derive(Debug, Clone, PartialEq)]
pub struct Toponym {
    pub span: Span,
    /// GeoWebNews fine-grained type (`Literal`, `Metonymic`, `Non_Toponym`,
    /// ...); `None` for LGL, which has no types.
    pub kind: Option<String>,
    /// Gold coordinates, when the toponym was resolved.
    pub coords: Option<(f64, f64)>,
}

impl Toponym {
    /// Whether the annotation is a place name at all. GeoWebNews also marks
    /// look-alikes (`Non_Toponym`, `Homonym`: "Jamison" the person),
    /// language names (`Language`: "English") and the head nouns that decide
    /// a toponym's type (`Literal_Expression`, `Non_Lit_Expression`: "towns",
    /// "forces"); none of those is a toponym.
    pub fn is_toponym(&self) -> bool {
        !matches!(
            self.kind.as_deref(),
            Some(
                "Non_Toponym"
                    | "Homonym"
                    | "Language"
                    | "Literal_Expression"
                    | "Non_Lit_Expression"
            )
        )
    }
}

/// One article with its toponyms.
#[derive(Debug, Clone)]
pub struct GeoDoc {
    /// The split unit id (`file` in GeoWebNews, `docid` in LGL).
    pub id: String,
    pub text: String,
    pub toponyms: Vec<Toponym>,
}

/// Loads GeoWebNews or LGL (the element names differ; both are handled).
pub fn load(path: &Path) -> Result<Vec<GeoDoc>> {
    let xml = read_text(path)?;
    let doc = parse_xml(path, &xml)?;
    let mut out = Vec::new();
    for (n, a) in doc
        .descendants()
        .filter(|n| n.has_tag_name("article"))
        .enumerate()
    {
        let id = a
            .attribute("file")
            .or_else(|| a.attribute("docid"))
            .map(str::to_string)
            .unwrap_or_else(|| n.to_string());
        let text: String = a
            .children()
            .find(|c| c.has_tag_name("text"))
            .map(|t| {
                t.descendants()
                    .filter(|d| d.is_text())
                    .filter_map(|d| d.text())
                    .collect()
            })
            .unwrap_or_default();
        let ix = CharIndex::new(&text);
        let mut toponyms = Vec::new();
        for t in a.descendants().filter(|d| d.has_tag_name("toponym")) {
            let num = |name: &str| child_text(t, name).and_then(|v| v.parse::<usize>().ok());
            let (Some(s), Some(e)) = (num("start"), num("end")) else {
                continue;
            };
            let span = ix.span(s, e).ok_or_else(|| {
                EvalError::format(
                    path,
                    format!("article {id}: toponym {s}-{e} outside the text"),
                )
            })?;
            // GeoWebNews: <latitude>/<longitude> on the toponym; LGL: <gaztag><lat>/<lon>.
            let holder = t.children().find(|c| c.has_tag_name("gaztag")).unwrap_or(t);
            let coord = |a: &str, b: &str| {
                child_text(holder, a)
                    .or_else(|| child_text(holder, b))
                    .and_then(|v| v.parse::<f64>().ok())
            };
            let coords = match (coord("latitude", "lat"), coord("longitude", "lon")) {
                (Some(la), Some(lo)) => Some((la, lo)),
                _ => None,
            };
            let kind = child_text(t, "type").map(str::to_string);
            toponyms.push(Toponym { span, kind, coords });
        }
        out.push(GeoDoc { id, text, toponyms });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geowebnews_and_lgl_shapes() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let g = load(&dir.join("gwn.xml")).unwrap();
        assert_eq!(g.len(), 1);
        let d = &g[0];
        assert_eq!(d.id, "7");
        assert_eq!(d.toponyms.len(), 3);
        assert_eq!(d.toponyms[0].span.slice(&d.text), Some("Afrin"));
        assert_eq!(d.toponyms[0].coords, Some((36.54891, 36.79295)));
        assert!(d.toponyms[0].is_toponym());
        // The head noun of a literal expression is not a toponym.
        assert_eq!(d.toponyms[1].span.slice(&d.text), Some("villages"));
        assert!(!d.toponyms[1].is_toponym());
        assert!(!d.toponyms[2].is_toponym());
        assert_eq!(d.toponyms[2].coords, None);

        let l = load(&dir.join("lgl.xml")).unwrap();
        assert_eq!(l[0].id, "4005");
        let t = &l[0].toponyms[0];
        assert_eq!(t.span.slice(&l[0].text), Some("Alexandria"));
        assert_eq!(t.coords, Some((31.3113, -92.4451)));
        assert!(t.is_toponym());
    }
}

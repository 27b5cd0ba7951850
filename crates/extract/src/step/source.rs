//! Step 4: who says so: the governing attribution, else the speaker of a
//! quotation carried from an earlier sentence, else the article itself.

use claimtrace_model::{Source, SourceKind};

use crate::attribution::Attribution;

use super::Scope;

/// The claim's source.
pub(crate) fn decide(sc: &Scope, attr: Option<&Attribution>, why: &mut Vec<String>) -> Source {
    let mut source = match (attr, sc.quote.source()) {
        (Some(a), _) => {
            why.push(a.why.clone());
            a.source.clone()
        }
        (None, Some(q)) => {
            why.push(format!(
                "source: {} — the quotation opened earlier continues in this sentence",
                q.name
            ));
            q.clone()
        }
        (None, None) => {
            why.push(match &sc.doc.author {
                Some(a) => format!(
                    "source: no attribution in the sentence; the article itself ({a}) asserts it"
                ),
                None => "source: no attribution in the sentence; the article itself asserts it"
                    .to_string(),
            });
            Source::author(sc.doc.author.as_deref().or(sc.doc.outlet.as_deref()))
        }
    };
    if source.kind == SourceKind::Author
        && let Some(o) = &sc.doc.outlet
        && sc.doc.author.is_none()
    {
        source.name = o.clone();
    }
    source
}

//! CASE 2021 task 2 snippets: TSV with header `id<TAB>EventSnippet<TAB>SubType`.

use std::path::Path;

use super::{LabelledText, read_text};
use crate::error::{EvalError, Result};

/// Loads every snippet as (id, text, ACLED sub-event type).
pub fn load(path: &Path) -> Result<Vec<LabelledText>> {
    let text = read_text(path)?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let mut f = line.split('\t');
        let (Some(id), Some(snippet), Some(label)) = (f.next(), f.next(), f.next()) else {
            return Err(EvalError::format(
                path,
                format!("line {}: expected 3 tab-separated fields", n + 1),
            ));
        };
        out.push(LabelledText {
            id: id.trim().to_string(),
            text: snippet.trim().to_string(),
            label: label.trim().to_string(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tsv() {
        let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/case2021.tsv");
        let v = load(&p).unwrap();
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].id, "17");
        assert_eq!(v[0].label, "AIR_STRIKE");
        assert_eq!(v[1].label, "PEACE_PROTEST");
    }
}

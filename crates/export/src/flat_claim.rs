//! The flat, one-row-per-claim view shared by CSV and Parquet.
//!
//! Nested values are spread into prefixed columns (`actor_name`,
//! `place_lat`); lists are joined with [`LIST_SEPARATOR`]. Joining loses the
//! ability to tell a separator inside an item from one between items — fine
//! for spreadsheets and SQL `LIKE`, and the JSONL export keeps the exact
//! lists for anyone who needs them.

use claimtrace_model::{Claim, Mention, Quantity};

use crate::DocMeta;

/// How list fields (`cues`, `weapons`, `why`, ...) are joined into one cell.
pub const LIST_SEPARATOR: &str = "; ";

/// The type of a flat column (Parquet maps it to a physical type).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    Text,
    Int,
    Float,
}

/// One column of the flat view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub ty: ColumnType,
}

const fn text(name: &'static str) -> Column {
    Column {
        name,
        ty: ColumnType::Text,
    }
}
const fn int(name: &'static str) -> Column {
    Column {
        name,
        ty: ColumnType::Int,
    }
}
const fn float(name: &'static str) -> Column {
    Column {
        name,
        ty: ColumnType::Float,
    }
}

/// Every column of the CSV and Parquet exports, in order. Adding a column
/// means adding it here and in [`flat_row`] at the same position (a test
/// checks the two agree).
pub const COLUMNS: &[Column] = &[
    text("id"),
    text("doc"),
    text("title"),
    text("outlet"),
    text("url"),
    text("published"),
    int("sentence_index"),
    int("span_start"),
    int("span_end"),
    text("sentence"),
    text("type"),
    text("plover_event"),
    text("plover_mode"),
    text("plover_context"),
    text("plover_aux"),
    text("actor_text"),
    text("actor_name"),
    text("actor_id"),
    text("actor_kind"),
    text("target_text"),
    text("target_name"),
    text("target_id"),
    text("target_kind"),
    text("source_text"),
    text("source_name"),
    text("source_kind"),
    text("source_chain"),
    text("epistemic"),
    text("cues"),
    text("date_text"),
    text("date_value"),
    text("date_precision"),
    text("date_start"),
    text("date_end"),
    int("date_inherited"),
    text("place_text"),
    text("place_name"),
    text("place_country"),
    float("place_lat"),
    float("place_lon"),
    text("place_feature"),
    int("place_geonameid"),
    text("place_role"),
    text("quantities"),
    text("quantity_values"),
    text("quantity_qualifiers"),
    text("quantity_min"),
    text("quantity_max"),
    text("weapons"),
    text("why"),
    text("event"),
];

/// One cell of the flat view; `None` is an empty CSV field / Parquet null.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(Option<String>),
    Int(Option<i64>),
    Float(Option<f64>),
}

impl Cell {
    /// The cell as CSV text: numbers in plain notation, null as empty.
    pub fn to_field(&self) -> String {
        match self {
            Cell::Text(v) => v.clone().unwrap_or_default(),
            Cell::Int(v) => v.map(|n| n.to_string()).unwrap_or_default(),
            Cell::Float(v) => v
                .filter(|x| x.is_finite())
                .map(|x| x.to_string())
                .unwrap_or_default(),
        }
    }
}

fn t(s: &str) -> Cell {
    Cell::Text(Some(s.to_string()))
}
fn opt(s: Option<&str>) -> Cell {
    Cell::Text(s.map(str::to_string))
}
fn list<S: AsRef<str>>(items: &[S]) -> Cell {
    if items.is_empty() {
        Cell::Text(None)
    } else {
        Cell::Text(Some(
            items
                .iter()
                .map(AsRef::as_ref)
                .collect::<Vec<_>>()
                .join(LIST_SEPARATOR),
        ))
    }
}
fn int_cell(n: usize) -> Cell {
    Cell::Int(i64::try_from(n).ok())
}

fn mention_cells(m: Option<&Mention>) -> [Cell; 4] {
    [
        opt(m.map(|m| m.text.as_str())),
        opt(m.map(|m| m.name.as_str())),
        opt(m.and_then(|m| m.id.as_deref())),
        opt(m.map(|m| m.kind.as_str())),
    ]
}

/// A number in plain notation, whole numbers without `.0`.
fn num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        format!("{}", x as i64)
    } else {
        x.to_string()
    }
}

/// A quantity as `value unit` (`300 UAV`), with its qualifier in front
/// (`more than 20 soldier`: the number said is not the count), or
/// `min-max unit` for a range without a single value, `?` where nothing
/// numeric was understood.
fn quantity_value(q: &Quantity) -> String {
    let amount = match (q.value, q.min, q.max) {
        (Some(v), _, _) => num(v),
        (None, Some(lo), Some(hi)) => format!("{}-{}", num(lo), num(hi)),
        (None, Some(lo), None) => format!(">={}", num(lo)),
        (None, None, Some(hi)) => format!("<={}", num(hi)),
        (None, None, None) => "?".to_string(),
    };
    let amount = match q.qualifier.as_deref().map(str::trim) {
        Some(qual) if !qual.is_empty() && q.value.is_some() => format!("{qual} {amount}"),
        _ => amount,
    };
    match &q.unit {
        Some(u) => format!("{amount} {u}"),
        None => amount,
    }
}

/// One value per quantity, positionally aligned with `quantities` (an
/// empty item where a quantity has none), so the lists read side by side.
fn aligned(items: Vec<String>) -> Cell {
    if items.iter().all(String::is_empty) {
        Cell::Text(None)
    } else {
        Cell::Text(Some(items.join(LIST_SEPARATOR)))
    }
}

/// The flat row of `claim`, in [`COLUMNS`] order. `doc` and `event` fill the
/// document and event columns when known.
pub fn flat_row(claim: &Claim, doc: Option<&DocMeta>, event: Option<&str>) -> Vec<Cell> {
    let mut row = vec![
        t(&claim.id),
        t(&claim.doc),
        opt(doc.and_then(|d| d.title.as_deref())),
        opt(doc.and_then(|d| d.outlet.as_deref())),
        opt(doc.and_then(|d| d.url.as_deref())),
        opt(doc.and_then(|d| d.published.as_deref())),
        int_cell(claim.sentence_index),
        int_cell(claim.span.start),
        int_cell(claim.span.end),
        t(&claim.sentence),
        t(claim.claim_type.as_str()),
        t(claim.plover.event.as_str()),
        opt(claim.plover.mode.as_deref()),
        list(&claim.plover.context),
        opt(claim.plover.aux.as_deref()),
    ];
    row.extend(mention_cells(claim.actor.as_ref()));
    row.extend(mention_cells(claim.target.as_ref()));
    let s = &claim.source;
    row.extend([
        t(&s.text),
        t(&s.name),
        t(s.kind.as_str()),
        list(&s.chain),
        t(claim.epistemic.as_str()),
        list(&claim.cues),
    ]);
    let d = claim.date.as_ref();
    row.extend([
        opt(d.map(|d| d.text.as_str())),
        opt(d.map(|d| d.value.as_str())),
        opt(d.map(|d| match d.precision {
            claimtrace_model::DatePrecision::Day => "day",
            claimtrace_model::DatePrecision::Month => "month",
            claimtrace_model::DatePrecision::PartOfYear => "part_of_year",
            claimtrace_model::DatePrecision::Year => "year",
            claimtrace_model::DatePrecision::Interval => "interval",
        })),
        opt(d.and_then(|d| d.start.as_deref())),
        opt(d.and_then(|d| d.end.as_deref())),
        Cell::Int(d.map(|d| i64::from(d.inherited))),
    ]);
    let p = claim.place.as_ref();
    row.extend([
        opt(p.map(|p| p.text.as_str())),
        opt(p.map(|p| p.name.as_str())),
        opt(p.and_then(|p| p.country.as_deref())),
        Cell::Float(p.and_then(|p| p.lat).filter(|x| x.is_finite())),
        Cell::Float(p.and_then(|p| p.lon).filter(|x| x.is_finite())),
        opt(p.and_then(|p| p.feature.as_deref())),
        Cell::Int(
            p.and_then(|p| p.geonameid)
                .and_then(|g| i64::try_from(g).ok()),
        ),
        opt(p.map(|p| match p.role {
            claimtrace_model::PlaceRole::Event => "event",
            claimtrace_model::PlaceRole::Mentioned => "mentioned",
        })),
    ]);
    let qty_text: Vec<&str> = claim.quantities.iter().map(|q| q.text.as_str()).collect();
    let qty_value: Vec<String> = claim.quantities.iter().map(quantity_value).collect();
    let qs = &claim.quantities;
    let bound = |f: fn(&Quantity) -> Option<f64>| {
        aligned(
            qs.iter()
                .map(|q| f(q).map(num).unwrap_or_default())
                .collect(),
        )
    };
    row.extend([
        list(&qty_text),
        list(&qty_value),
        aligned(
            qs.iter()
                .map(|q| q.qualifier.clone().unwrap_or_default())
                .collect(),
        ),
        bound(|q| q.min),
        bound(|q| q.max),
        list(&claim.weapons),
        list(&claim.why),
        opt(event),
    ]);
    row
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn rows_match_the_column_list() {
        let docs = fixture::documents();
        for c in fixture::claims() {
            let row = flat_row(&c, docs.first(), Some("ev:x"));
            assert_eq!(row.len(), COLUMNS.len(), "claim {}", c.id);
            for (cell, col) in row.iter().zip(COLUMNS) {
                let ok = matches!(
                    (cell, col.ty),
                    (Cell::Text(_), ColumnType::Text)
                        | (Cell::Int(_), ColumnType::Int)
                        | (Cell::Float(_), ColumnType::Float)
                );
                assert!(ok, "column {} has the wrong cell type {:?}", col.name, cell);
            }
        }
        let mut names: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), COLUMNS.len(), "column names are unique");
    }

    #[test]
    fn quantities_render_value_and_unit() {
        let mut q = fixture::claims()[0].quantities[0].clone();
        assert_eq!(quantity_value(&q), "117 drone");
        q.value = None;
        q.min = Some(40.0);
        q.max = Some(50.5);
        assert_eq!(quantity_value(&q), "40-50.5 drone");
        q.min = None;
        q.max = None;
        q.unit = None;
        assert_eq!(quantity_value(&q), "?");
    }

    #[test]
    fn qualifiers_keep_their_own_columns() {
        let mut c = fixture::claims()[0].clone();
        let mut q = c.quantities[0].clone();
        q.text = "more than twenty".into();
        q.value = Some(20.0);
        q.min = Some(21.0);
        q.max = None;
        q.qualifier = Some("more than".into());
        q.unit = Some("soldier".into());
        let mut exact = q.clone();
        exact.text = "12".into();
        exact.value = Some(12.0);
        exact.min = Some(12.0);
        exact.max = Some(12.0);
        exact.qualifier = None;
        c.quantities = vec![q, exact];
        let row = flat_row(&c, None, None);
        let col = |n: &str| {
            let i = COLUMNS.iter().position(|c| c.name == n).unwrap();
            row[i].to_field()
        };
        assert_eq!(col("quantities"), "more than twenty; 12");
        assert_eq!(col("quantity_values"), "more than 20 soldier; 12 soldier");
        assert_eq!(col("quantity_qualifiers"), "more than; ");
        assert_eq!(col("quantity_min"), "21; 12");
        assert_eq!(col("quantity_max"), "; 12");
    }

    #[test]
    fn precision_and_role_strings_match_serde() {
        let c = &fixture::claims()[0];
        let row = flat_row(c, None, None);
        let col = |n: &str| COLUMNS.iter().position(|c| c.name == n).unwrap();
        let json = serde_json::to_value(c).unwrap();
        assert_eq!(
            row[col("date_precision")],
            Cell::Text(json["date"]["precision"].as_str().map(String::from))
        );
        assert_eq!(
            row[col("place_role")],
            Cell::Text(json["place"]["role"].as_str().map(String::from))
        );
    }
}

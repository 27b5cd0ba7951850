//! Exporters: claim records to the formats analysts load elsewhere.
//!
//! Everything here writes to any [`std::io::Write`] from plain data the
//! caller passes in an [`ExportData`] (claims, document metadata, optional
//! corroboration events and fact-check verdicts). [`gather`] fills one from
//! any `claimtrace_store::Store` (through the trait, no SQL), so the CLI and
//! the HTTP API export the same thing.
//!
//! | [`ExportFormat`] | for | one record is |
//! |---|---|---|
//! | `csv` | spreadsheets | a claim, flat [`COLUMNS`], lists joined with `"; "` |
//! | `jsonl` | scripts, re-import | a claim as `claimtrace extract` prints it + `outlet`, `url`, `published` |
//! | `geojson` | QGIS | a Point feature per geocoded claim, flat properties |
//! | `gexf` | Gephi | a [`NetworkEdge`]: actor → target, weighted, with relation and firmness |
//! | `parquet` | DuckDB, Spark, pandas | a claim, the CSV columns typed (feature `parquet`) |
//! | `claimreview` | fact-checkers | a schema.org `ClaimReview`; rated only when a [`Verdict`] is given |
//!
//! [`network_edges`] builds the actor network once for GEXF, the HTTP API
//! and the web page.
//!
//! ```
//! use claimtrace_export::{export, ExportData, ExportFormat};
//! use claimtrace_model::{Claim, ClaimType, Epistemic, Plover, Source, Span};
//!
//! let sentence = "Drones struck the depot.";
//! let claim = Claim {
//!     id: "abc:0:0".into(), doc: "a.txt".into(), sentence: sentence.into(),
//!     span: Span::new(0, sentence.len()), sentence_index: 0,
//!     claim_type: ClaimType::Attack,
//!     plover: Plover { event: ClaimType::Attack.default_plover(), mode: None, context: vec![], aux: None },
//!     actor: None, target: None, source: Source::author(None), epistemic: Epistemic::Asserted,
//!     cues: vec![], cue_spans: vec![], date: None, place: None, quantities: vec![],
//!     weapons: vec![], weapon_spans: vec![], why: vec!["type attack: 'struck'".into()],
//! };
//! let data = ExportData { claims: vec![claim], ..Default::default() };
//! let mut out = Vec::new();
//! let stats = export("csv".parse()?, &data, &mut out)?;
//! assert_eq!(stats.records, 1);
//! assert!(String::from_utf8_lossy(&out).starts_with("id,doc,title,"));
//! # Ok::<(), claimtrace_export::ExportError>(())
//! ```

mod claim_review;
mod csv_export;
mod error;
mod event_table;
mod export_data;
mod export_format;
mod flat_claim;
mod gather;
mod geojson_export;
mod gexf_export;
mod jsonl_export;
mod network_edge;
#[cfg(feature = "parquet")]
mod parquet_export;

#[cfg(test)]
mod fixture;

use std::io::Write;

pub use claim_review::{claim_review, write_claimreview};
pub use csv_export::write_csv;
pub use error::{ExportError, Result};
pub use event_table::{
    EVENT_COLUMNS, EventRecord, EventRow, Fatalities, acled_type, event_row, fatalities,
    plover_record, write_events_csv, write_events_jsonl,
};
pub use export_data::{ClaimLink, DocMeta, ExportData, ExportStats, Verdict};
pub use export_format::ExportFormat;
pub use flat_claim::{COLUMNS, Cell, Column, ColumnType, LIST_SEPARATOR, flat_row};
pub use gather::{GatherOptions, claim_links, gather, gather_events, has_events, verdict};
pub use geojson_export::{PROPERTIES as GEOJSON_PROPERTIES, write_geojson};
pub use gexf_export::{GEXF_NS, write_gexf};
pub use jsonl_export::{DOC_KEYS as JSONL_DOC_KEYS, write_jsonl};
pub use network_edge::{
    NetworkEdge, NetworkNode, RELATION_TYPES, WeightBasis, is_actor, network_edges,
};
#[cfg(feature = "parquet")]
pub use parquet_export::{schema as parquet_schema, write_parquet};

/// How an export is written, beyond its format.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Start the file with a UTF-8 byte-order mark (CSV only): Excel then
    /// reads the file as UTF-8 and shows "Erdoğan", not "ErdoÄŸan".
    pub bom: bool,
}

/// UTF-8 byte-order mark.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Write `data` to `out` in `format`.
///
/// Fails with [`ExportError::FeatureDisabled`] for Parquet when the crate
/// was built without the `parquet` feature; otherwise only on write errors.
pub fn export(format: ExportFormat, data: &ExportData, out: &mut dyn Write) -> Result<ExportStats> {
    export_with(format, data, out, ExportOptions::default())
}

/// [`export`] with [`ExportOptions`]. A byte-order mark is refused
/// ([`ExportError::BomNeedsCsv`]) for formats other than CSV, before anything
/// is written: JSON and XML readers reject it.
pub fn export_with(
    format: ExportFormat,
    data: &ExportData,
    out: &mut dyn Write,
    opts: ExportOptions,
) -> Result<ExportStats> {
    if opts.bom {
        if format != ExportFormat::Csv {
            return Err(ExportError::BomNeedsCsv(format.as_str()));
        }
        out.write_all(UTF8_BOM)?;
    }
    match format {
        ExportFormat::Csv => write_csv(data, out),
        ExportFormat::Jsonl => write_jsonl(data, out),
        ExportFormat::Geojson => write_geojson(data, out),
        ExportFormat::Gexf => write_gexf(data, out),
        ExportFormat::Claimreview => write_claimreview(data, out),
        #[cfg(feature = "parquet")]
        ExportFormat::Parquet => write_parquet(data, out),
        #[cfg(not(feature = "parquet"))]
        ExportFormat::Parquet => Err(ExportError::FeatureDisabled {
            format: "parquet",
            feature: "parquet",
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_available_format_writes_something() {
        let data = fixture::data();
        for f in ExportFormat::ALL {
            let mut out = Vec::new();
            match export(*f, &data, &mut out) {
                Ok(stats) => {
                    assert!(f.is_available());
                    assert!(stats.records > 0, "{f}");
                    assert!(!out.is_empty(), "{f}");
                }
                Err(ExportError::FeatureDisabled { .. }) => assert!(!f.is_available(), "{f}"),
                Err(e) => panic!("{f}: {e}"),
            }
        }
    }

    #[test]
    fn bom_starts_csv_only() {
        let data = fixture::data();
        let bom = ExportOptions { bom: true };
        let mut out = Vec::new();
        export_with(ExportFormat::Csv, &data, &mut out, bom).unwrap();
        assert!(out.starts_with(UTF8_BOM));
        assert!(out[UTF8_BOM.len()..].starts_with(b"id,doc,"));
        let mut plain = Vec::new();
        export(ExportFormat::Csv, &data, &mut plain).unwrap();
        assert!(plain.starts_with(b"id,"), "no mark unless asked");
        let mut out = Vec::new();
        let e = export_with(ExportFormat::Jsonl, &data, &mut out, bom);
        assert!(matches!(e, Err(ExportError::BomNeedsCsv("jsonl"))));
        assert!(out.is_empty());
    }

    #[test]
    fn write_errors_surface() {
        struct Broken;
        impl Write for Broken {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("disk full"))
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let data = fixture::data();
        for f in ExportFormat::ALL.iter().filter(|f| f.is_available()) {
            assert!(
                export(*f, &data, &mut Broken).is_err(),
                "{f} swallowed a write error"
            );
        }
    }
}

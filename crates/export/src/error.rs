use thiserror::Error;

/// Everything that can go wrong while exporting.
#[derive(Debug, Error)]
pub enum ExportError {
    /// Writing to the output failed.
    #[error("writing export: {0}")]
    Io(#[from] std::io::Error),
    /// The CSV writer failed.
    #[error("writing CSV: {0}")]
    Csv(#[from] csv::Error),
    /// Serialising JSON (JSON Lines, GeoJSON, ClaimReview) failed.
    #[error("writing JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// Writing GEXF XML failed.
    #[error("writing GEXF: {0}")]
    Xml(String),
    /// Building or writing the Parquet file failed.
    #[error("writing Parquet: {0}")]
    Parquet(String),
    /// Reading claims, events, documents or reviews from the store failed.
    #[error("reading the store: {0}")]
    Store(#[from] claimtrace_store::Error),
    /// The format name is not one of csv, jsonl, geojson, gexf, parquet, claimreview.
    #[error(
        "unknown export format '{0}' (expected csv, jsonl, geojson, gexf, parquet or claimreview)"
    )]
    UnknownFormat(String),
    /// A byte-order mark was asked for a format other than CSV.
    #[error("a byte-order mark is for CSV only, not {0}")]
    BomNeedsCsv(&'static str),
    /// The format needs a cargo feature this build was made without.
    #[error("export format '{format}' needs claimtrace built with the cargo feature '{feature}'")]
    FeatureDisabled {
        format: &'static str,
        feature: &'static str,
    },
}

impl From<quick_xml::Error> for ExportError {
    fn from(e: quick_xml::Error) -> Self {
        ExportError::Xml(e.to_string())
    }
}

/// Result alias of this crate.
pub type Result<T> = std::result::Result<T, ExportError>;

use std::fmt;
use std::str::FromStr;

use crate::ExportError;

/// An output format of [`export`](crate::export).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// One row per claim, flat columns ([`COLUMNS`](crate::COLUMNS)), header row.
    Csv,
    /// One claim record per line, as `claimtrace extract` prints it, plus the
    /// document's `outlet`, `url` and `published`.
    Jsonl,
    /// A FeatureCollection of Point features, one per geocoded claim (QGIS).
    Geojson,
    /// GEXF 1.3 actor network (Gephi).
    Gexf,
    /// Apache Parquet with the CSV columns, typed (needs feature `parquet`).
    Parquet,
    /// A JSON array of schema.org `ClaimReview` objects.
    Claimreview,
}

impl ExportFormat {
    pub const ALL: &'static [ExportFormat] = &[
        ExportFormat::Csv,
        ExportFormat::Jsonl,
        ExportFormat::Geojson,
        ExportFormat::Gexf,
        ExportFormat::Parquet,
        ExportFormat::Claimreview,
    ];

    /// The format's name on the command line and in the API (`?format=`).
    pub fn as_str(&self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::Geojson => "geojson",
            ExportFormat::Gexf => "gexf",
            ExportFormat::Parquet => "parquet",
            ExportFormat::Claimreview => "claimreview",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(&self) -> &'static str {
        match self {
            ExportFormat::Claimreview => "json",
            other => other.as_str(),
        }
    }

    /// The HTTP `Content-Type` to serve the format with.
    pub fn media_type(&self) -> &'static str {
        match self {
            ExportFormat::Csv => "text/csv; charset=utf-8",
            ExportFormat::Jsonl => "application/x-ndjson",
            ExportFormat::Geojson => "application/geo+json",
            ExportFormat::Gexf => "application/gexf+xml",
            ExportFormat::Parquet => "application/vnd.apache.parquet",
            ExportFormat::Claimreview => "application/ld+json",
        }
    }

    /// Whether this build can write the format (Parquet is behind a feature).
    pub fn is_available(&self) -> bool {
        cfg!(feature = "parquet") || !matches!(self, ExportFormat::Parquet)
    }

    /// The format whose usual extension is `ext` (`json` means ClaimReview).
    pub fn from_extension(ext: &str) -> Option<ExportFormat> {
        let ext = ext.to_ascii_lowercase();
        ExportFormat::ALL
            .iter()
            .copied()
            .find(|f| f.extension() == ext || f.as_str() == ext)
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ExportFormat {
    type Err = ExportError;

    fn from_str(s: &str) -> Result<Self, ExportError> {
        let lower = s.trim().to_ascii_lowercase();
        ExportFormat::ALL
            .iter()
            .copied()
            .find(|f| f.as_str() == lower)
            .ok_or_else(|| ExportError::UnknownFormat(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for f in ExportFormat::ALL {
            assert_eq!(f.as_str().parse::<ExportFormat>().unwrap(), *f);
            assert_eq!(ExportFormat::from_extension(f.extension()), Some(*f));
        }
        assert_eq!(
            "GeoJSON".parse::<ExportFormat>().unwrap(),
            ExportFormat::Geojson
        );
        assert!(
            matches!("xlsx".parse::<ExportFormat>(), Err(ExportError::UnknownFormat(s)) if s == "xlsx")
        );
    }
}

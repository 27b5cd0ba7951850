//! Apache Parquet (feature `parquet`): the CSV columns with proper types —
//! UTF-8 strings, 64-bit integers (spans, sentence index, GeoNames id) and
//! doubles (coordinates) — nullable, Snappy-compressed, for DuckDB, Spark or
//! pandas.

use std::io::Write;
use std::sync::Arc;

use arrow_array::builder::{Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use crate::export_data::Lookup;
use crate::{COLUMNS, Cell, ColumnType, ExportData, ExportError, ExportStats, Result, flat_row};

/// Claims per record batch (and Parquet row group), bounding builder memory.
const BATCH_ROWS: usize = 8192;

/// The Arrow schema of the export: [`COLUMNS`] with their types, all nullable.
pub fn schema() -> Schema {
    Schema::new(
        COLUMNS
            .iter()
            .map(|c| {
                let ty = match c.ty {
                    ColumnType::Text => DataType::Utf8,
                    ColumnType::Int => DataType::Int64,
                    ColumnType::Float => DataType::Float64,
                };
                Field::new(c.name, ty, true)
            })
            .collect::<Vec<_>>(),
    )
}

fn pq(e: impl std::fmt::Display) -> ExportError {
    ExportError::Parquet(e.to_string())
}

enum Builder {
    Text(StringBuilder),
    Int(Int64Builder),
    Float(Float64Builder),
}

impl Builder {
    fn new(ty: ColumnType) -> Self {
        match ty {
            ColumnType::Text => Builder::Text(StringBuilder::new()),
            ColumnType::Int => Builder::Int(Int64Builder::new()),
            ColumnType::Float => Builder::Float(Float64Builder::new()),
        }
    }

    fn push(&mut self, cell: Cell) -> Result<()> {
        match (self, cell) {
            (Builder::Text(b), Cell::Text(v)) => b.append_option(v),
            (Builder::Int(b), Cell::Int(v)) => b.append_option(v),
            (Builder::Float(b), Cell::Float(v)) => b.append_option(v),
            // flat_row and COLUMNS disagree: a bug, reported rather than panicking.
            _ => {
                return Err(ExportError::Parquet(
                    "cell type does not match its column".into(),
                ));
            }
        }
        Ok(())
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Builder::Text(b) => Arc::new(b.finish()),
            Builder::Int(b) => Arc::new(b.finish()),
            Builder::Float(b) => Arc::new(b.finish()),
        }
    }
}

/// Write every claim of `data` as one Parquet file.
///
/// The file is assembled in memory and then copied to `out`, because the
/// Parquet writer needs a `Send` sink and patches nothing but appends a
/// footer; memory use is the compressed file size.
pub fn write_parquet(data: &ExportData, out: &mut dyn Write) -> Result<ExportStats> {
    let lookup = Lookup::new(data);
    let schema = Arc::new(schema());
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_created_by(format!("claimtrace {}", env!("CARGO_PKG_VERSION")))
        .build();
    let mut writer = ArrowWriter::try_new(Vec::new(), schema.clone(), Some(props)).map_err(pq)?;
    for chunk in data.claims.chunks(BATCH_ROWS) {
        let mut builders: Vec<Builder> = COLUMNS.iter().map(|c| Builder::new(c.ty)).collect();
        for claim in chunk {
            for (b, cell) in
                builders
                    .iter_mut()
                    .zip(flat_row(claim, lookup.doc(claim), lookup.event(claim)))
            {
                b.push(cell)?;
            }
        }
        let arrays: Vec<ArrayRef> = builders.iter_mut().map(Builder::finish).collect();
        let batch = RecordBatch::try_new(schema.clone(), arrays).map_err(pq)?;
        writer.write(&batch).map_err(pq)?;
    }
    let bytes = writer.into_inner().map_err(pq)?;
    out.write_all(&bytes)?;
    out.flush()?;
    Ok(ExportStats {
        records: data.claims.len(),
        ..ExportStats::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;
    use arrow_array::Array;
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Float64Type, Int64Type};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    fn col(name: &str) -> usize {
        COLUMNS.iter().position(|c| c.name == name).unwrap()
    }

    #[test]
    fn reads_back_with_types() {
        let data = fixture::data();
        let mut file = tempfile::tempfile().unwrap();
        let stats = write_parquet(&data, &mut file).unwrap();
        assert_eq!(stats.records, data.claims.len());
        let reader = ParquetRecordBatchReaderBuilder::try_new(file)
            .unwrap()
            .build()
            .unwrap();
        let batches: Vec<RecordBatch> = reader.collect::<std::result::Result<_, _>>().unwrap();
        let rows: usize = batches.iter().map(RecordBatch::num_rows).sum();
        assert_eq!(rows, data.claims.len());
        let b = &batches[0];
        assert_eq!(b.schema().fields().len(), COLUMNS.len());
        assert_eq!(
            b.schema().field(col("place_lat")).data_type(),
            &DataType::Float64
        );
        assert_eq!(
            b.schema().field(col("span_end")).data_type(),
            &DataType::Int64
        );
        let ids = b.column(col("id")).as_string::<i32>();
        assert_eq!(ids.value(0), "c-attack");
        let sentences = b.column(col("sentence")).as_string::<i32>();
        assert_eq!(sentences.value(5), data.claims[5].sentence);
        let lat = b.column(col("place_lat")).as_primitive::<Float64Type>();
        assert_eq!(lat.value(0), 52.915);
        assert!(lat.is_null(1), "Atbara has no coordinates: null, not 0");
        let end = b.column(col("span_end")).as_primitive::<Int64Type>();
        assert_eq!(end.value(0) as usize, data.claims[0].span.end);
        let outlet = b.column(col("outlet")).as_string::<i32>();
        assert!(outlet.is_null(1));
        assert_eq!(outlet.value(0), "Continental Press Agency");
    }

    #[test]
    fn empty_export_is_a_valid_file() {
        let mut file = tempfile::tempfile().unwrap();
        write_parquet(&ExportData::default(), &mut file).unwrap();
        let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
        assert_eq!(builder.schema().fields().len(), COLUMNS.len());
        assert_eq!(builder.metadata().file_metadata().num_rows(), 0);
    }
}

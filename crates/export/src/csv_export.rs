//! CSV: one row per claim, the [`COLUMNS`](crate::COLUMNS) as header.

use std::io::Write;

use crate::export_data::Lookup;
use crate::{COLUMNS, Cell, ExportData, ExportStats, Result, flat_row};

/// Text cells starting with one of these are read as formulas by
/// spreadsheet programs; article text is untrusted, so such cells get a
/// leading `'` (the OWASP "CSV injection" advice). Numeric cells are left
/// alone so negative longitudes stay numbers.
const FORMULA_LEADS: &[char] = &['=', '+', '-', '@', '\t', '\r'];

/// `s` with a leading `'` when a spreadsheet would read it as a formula.
pub(crate) fn safe(s: &str) -> String {
    if s.starts_with(FORMULA_LEADS) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

fn field(cell: &Cell) -> String {
    let s = cell.to_field();
    match cell {
        Cell::Text(_) if s.starts_with(FORMULA_LEADS) => format!("'{s}"),
        _ => s,
    }
}

/// Write every claim of `data` as CSV (RFC 4180 quoting, `\n` line ends).
pub fn write_csv(data: &ExportData, out: &mut dyn Write) -> Result<ExportStats> {
    let lookup = Lookup::new(data);
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(out);
    w.write_record(COLUMNS.iter().map(|c| c.name))?;
    for claim in &data.claims {
        let row = flat_row(claim, lookup.doc(claim), lookup.event(claim));
        w.write_record(row.iter().map(field))?;
    }
    w.flush()?;
    Ok(ExportStats {
        records: data.claims.len(),
        ..ExportStats::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    fn col(name: &str) -> usize {
        COLUMNS.iter().position(|c| c.name == name).unwrap()
    }

    #[test]
    fn round_trips_through_a_csv_reader() {
        let data = fixture::data();
        let mut buf = Vec::new();
        let stats = write_csv(&data, &mut buf).unwrap();
        assert_eq!(stats.records, data.claims.len());
        let mut r = csv::Reader::from_reader(buf.as_slice());
        let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header, COLUMNS.iter().map(|c| c.name).collect::<Vec<_>>());
        let rows: Vec<csv::StringRecord> =
            r.records().collect::<std::result::Result<_, _>>().unwrap();
        assert_eq!(rows.len(), data.claims.len());
        for (row, claim) in rows.iter().zip(&data.claims) {
            assert_eq!(row.len(), COLUMNS.len());
            assert_eq!(&row[col("id")], claim.id);
            assert_eq!(
                &row[col("sentence")],
                claim.sentence,
                "quotes, commas, newlines survive"
            );
            assert_eq!(&row[col("type")], claim.claim_type.as_str());
            assert_eq!(&row[col("why")], claim.why.join("; "));
        }
        let attack = &rows[0];
        assert_eq!(&attack[col("outlet")], "Continental Press Agency");
        assert_eq!(&attack[col("published")], "2025-06-02T09:40:00Z");
        assert_eq!(attack[col("place_lat")].parse::<f64>().unwrap(), 52.915);
        assert_eq!(&attack[col("span_start")], "10");
        assert_eq!(&attack[col("weapons")], "drone; FPV drone");
        assert_eq!(
            &attack[col("source_chain")],
            "Continental Press Agency; SBU"
        );
        assert_eq!(&attack[col("quantity_values")], "117 drone");
        assert_eq!(&attack[col("date_inherited")], "0");
        assert_eq!(&rows[1][col("event")], "ev:c-hedged-1");
        assert_eq!(&attack[col("event")], "ev:c-attack", "event from links");
        assert_eq!(
            &rows[1][col("outlet")],
            "",
            "document not given: empty, not an error"
        );
        assert_eq!(&rows[1][col("place_lat")], "");
    }

    #[test]
    fn formula_like_text_is_neutralised() {
        let mut data = fixture::data();
        data.claims[0].sentence = "=HYPERLINK(\"http://evil.example\")".into();
        data.claims[0].place.as_mut().unwrap().lon = Some(-3.5);
        let mut buf = Vec::new();
        write_csv(&data, &mut buf).unwrap();
        let mut r = csv::Reader::from_reader(buf.as_slice());
        let row = r.records().next().unwrap().unwrap();
        assert_eq!(
            &row[col("sentence")],
            "'=HYPERLINK(\"http://evil.example\")"
        );
        assert_eq!(&row[col("place_lon")], "-3.5");
    }
}

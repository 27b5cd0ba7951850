//! CSV and TSV tables with a header row: one document per row, its text
//! from a named column, its metadata from columns named like the fields.

use std::cell::Cell;
use std::io::{self, Read};
use std::rc::Rc;

use crate::error::{IngestError, one_line};
use crate::metadata::Metadata;
use crate::record::Record;

/// Columns taken as the text when none is named, in order of preference.
const TEXT_COLUMNS: &[&str] = &["text", "body", "content"];
/// Columns mapped to metadata fields, by name.
const FIELDS: &[&str] = &[
    "id",
    "url",
    "title",
    "published",
    "outlet",
    "lang",
    "author",
];

/// Reads a table from `r` (`delimiter` `,` or tab). `text_column` names the
/// text column (case-insensitive); by default the first of `text`, `body`,
/// `content`. A row that cannot be read (invalid UTF-8, longer than
/// `max_row` bytes, no text) is one error naming `input#ROW`; the other rows
/// still load. Row numbers count data rows from 1.
pub fn read_table(
    input: &str,
    r: impl Read,
    delimiter: u8,
    text_column: Option<&str>,
    max_row: u64,
) -> Vec<Result<Record, IngestError>> {
    let mark = Rc::new(Cell::new(0u64));
    let limited = RowLimit {
        inner: r,
        read: 0,
        row_start: mark.clone(),
        limit: max_row.saturating_add(64 * 1024),
    };
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(limited);
    let malformed = |label: String, reason: String| IngestError::Malformed {
        input: label,
        what: "table".into(),
        reason,
    };
    let header: Vec<String> = match rdr.byte_headers() {
        Ok(h) => h
            .iter()
            .map(|c| {
                String::from_utf8_lossy(c)
                    .trim()
                    .trim_start_matches('\u{feff}')
                    .to_ascii_lowercase()
            })
            .collect(),
        Err(e) => return vec![Err(malformed(input.to_string(), one_line(e)))],
    };
    let wanted: Vec<String> = match text_column {
        Some(c) => vec![c.trim().to_ascii_lowercase()],
        None => TEXT_COLUMNS.iter().map(|c| c.to_string()).collect(),
    };
    let Some(text_at) = wanted
        .iter()
        .find_map(|w| header.iter().position(|h| h == w))
    else {
        return vec![Err(malformed(
            input.to_string(),
            format!(
                "no text column {} in the header ({}); name one with --text-column",
                wanted.join("/"),
                header.join(", ")
            ),
        ))];
    };
    let fields: Vec<(usize, &str)> = FIELDS
        .iter()
        .filter_map(|f| header.iter().position(|h| h == f).map(|i| (i, *f)))
        .collect();
    let mut out = Vec::new();
    let mut row = csv::ByteRecord::new();
    for n in 1.. {
        mark.set(rdr.position().byte());
        let label = format!("{input}#{n}");
        match rdr.read_byte_record(&mut row) {
            Ok(false) => break,
            Ok(true) => out.push(record(&label, n, &row, text_at, &fields, max_row)),
            Err(e) => {
                // An I/O error (a row past the limit) leaves the reader
                // nowhere to resume; a parse error only spoils its row.
                let fatal = matches!(e.kind(), csv::ErrorKind::Io(_));
                out.push(Err(malformed(label, one_line(e))));
                if fatal {
                    break;
                }
            }
        }
    }
    out
}

fn record(
    label: &str,
    n: usize,
    row: &csv::ByteRecord,
    text_at: usize,
    fields: &[(usize, &str)],
    max_row: u64,
) -> Result<Record, IngestError> {
    let bad = |reason: String| IngestError::Malformed {
        input: label.to_string(),
        what: "table".into(),
        reason,
    };
    if row.as_slice().len() as u64 > max_row {
        return Err(IngestError::TooLarge {
            input: label.to_string(),
            size: row.as_slice().len() as u64,
            limit: max_row,
        });
    }
    let cell = |i: usize| -> Result<&str, IngestError> {
        std::str::from_utf8(row.get(i).unwrap_or(b"")).map_err(|e| IngestError::InvalidUtf8 {
            input: label.to_string(),
            offset: e.valid_up_to(),
        })
    };
    if row.len() <= text_at {
        return Err(bad(format!("{} fields, no text column", row.len())));
    }
    let mut metadata = Metadata::default();
    for &(i, key) in fields {
        metadata.set(key, cell(i)?);
    }
    let text = cell(text_at)?.trim().to_string();
    if !text.chars().any(char::is_alphabetic) {
        return Err(IngestError::NoText {
            input: label.to_string(),
        });
    }
    Ok(Record {
        position: Some(n),
        metadata,
        text,
        origin: None,
        format: None,
    })
}

/// Fails a read once more than `limit` bytes have been read since the
/// current row began, so one endless row cannot fill memory.
struct RowLimit<R> {
    inner: R,
    read: u64,
    row_start: Rc<Cell<u64>>,
    limit: u64,
}

impl<R: Read> Read for RowLimit<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.read.saturating_sub(self.row_start.get()) > self.limit {
            return Err(io::Error::other("row longer than the size limit"));
        }
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(rs: &[Result<Record, IngestError>]) -> Vec<String> {
        rs.iter()
            .map(|r| match r {
                Ok(r) => r.text.clone(),
                Err(e) => format!("ERR {e}"),
            })
            .collect()
    }

    #[test]
    fn header_names_the_columns() {
        let csv = "ID,Title,Body,published,extra\nr1,\"Depot, hit\",\"Drones struck the depot.\nTwo lines.\",2025-05-01,x\nr2,T2,Shelling near Kidal,,\n";
        let rs = read_table("t.csv", csv.as_bytes(), b',', None, 1000);
        assert_eq!(
            texts(&rs),
            [
                "Drones struck the depot.\nTwo lines.",
                "Shelling near Kidal"
            ]
        );
        let first = rs[0].as_ref().unwrap();
        assert_eq!(first.metadata.id.as_deref(), Some("r1"));
        assert_eq!(first.metadata.title.as_deref(), Some("Depot, hit"));
        assert_eq!(first.metadata.published.as_deref(), Some("2025-05-01"));
        let tsv = "summary\tstory\nx\tTroops withdrew.\n";
        let rs = read_table("t.tsv", tsv.as_bytes(), b'\t', Some("Story"), 1000);
        assert_eq!(texts(&rs), ["Troops withdrew."]);
    }

    #[test]
    fn bad_rows_are_errors_the_rest_loads() {
        let mut csv = b"text,url\nGood row one.,u1\n".to_vec();
        csv.extend(b"Bad \xff row,u2\n");
        csv.extend(b"12345,u3\n");
        csv.extend(b"Good row four.,u4\n");
        let rs = read_table("t.csv", &csv[..], b',', None, 1000);
        let t = texts(&rs);
        assert_eq!(t[0], "Good row one.");
        assert!(t[1].starts_with("ERR t.csv#2: invalid UTF-8"), "{t:?}");
        assert!(t[2].starts_with("ERR t.csv#3: no readable text"), "{t:?}");
        assert_eq!(t[3], "Good row four.");
        let none = read_table("t.csv", &b"a,b\n1,2\n"[..], b',', None, 1000);
        assert!(texts(&none)[0].contains("--text-column"));
    }

    #[test]
    fn an_endless_row_stops_at_the_limit() {
        let mut csv = b"text\nShort row.\n\"".to_vec();
        csv.extend(std::iter::repeat_n(b'a', 1_000_000));
        let rs = read_table("t.csv", &csv[..], b',', None, 1000);
        let t = texts(&rs);
        assert_eq!(t[0], "Short row.");
        assert!(
            t.len() == 2 && t[1].starts_with("ERR t.csv#2"),
            "{:?}",
            &t[1][..40]
        );
    }

    proptest::proptest! {
        /// Rows written by the csv writer are read back; any bytes read or
        /// fail without panicking.
        #[test]
        fn round_trip(rows in proptest::collection::vec(("[a-zA-Z][a-zA-Z ,\"\n]{0,30}", "[ -~]{0,10}"), 0..8),
                      junk in proptest::collection::vec(proptest::num::u8::ANY, 0..300)) {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record(["text", "title"]).unwrap();
            for (t, title) in &rows {
                w.write_record([t, title]).unwrap();
            }
            let bytes = w.into_inner().unwrap();
            let back = read_table("p.csv", &bytes[..], b',', None, 10_000);
            proptest::prop_assert_eq!(back.len(), rows.len());
            for (r, (t, _)) in back.iter().zip(&rows) {
                proptest::prop_assert_eq!(&r.as_ref().unwrap().text, &t.trim().to_string());
            }
            let _ = read_table("j.csv", &junk[..], b',', None, 100);
        }
    }
}

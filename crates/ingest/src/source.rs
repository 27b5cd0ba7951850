//! Opening an input for reading: regular files only (a FIFO would block),
//! gzip decompressed on the fly when the bytes say so.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};

use crate::error::{IngestError, one_line};
use crate::input::{Input, refuse_special};

/// gzip's magic bytes.
const GZIP_MAGIC: &[u8] = b"\x1f\x8b";

/// An input opened for reading.
pub struct Source<'a> {
    pub reader: Box<dyn BufRead + Send + 'a>,
    /// The name formats are detected from: the input's name, without `.gz`
    /// when it was decompressed.
    pub name: String,
    /// The size of the bytes on disk when known and not compressed.
    size: Option<u64>,
}

impl<'a> Source<'a> {
    /// Opens a file (refusing anything but a regular file, checked before
    /// opening) or standard input.
    pub fn open(input: &Input) -> Result<Source<'static>, IngestError> {
        let err = |e: std::io::Error| IngestError::Read {
            input: input.name.clone(),
            reason: one_line(e),
        };
        match &input.path {
            Some(path) => {
                let m = std::fs::metadata(path).map_err(err)?;
                if let Some(e) = refuse_special(&input.name, &m) {
                    return Err(e);
                }
                let file = File::open(path).map_err(err)?;
                let m = file.metadata().map_err(err)?;
                if let Some(e) = refuse_special(&input.name, &m) {
                    return Err(e);
                }
                Source::from_reader(&input.name, Box::new(file), Some(m.len()))
            }
            None => Source::from_reader(&input.name, Box::new(std::io::stdin()), None),
        }
    }

    /// Wraps a reader, decompressing it when it starts with gzip's magic bytes.
    pub fn from_reader(
        name: &str,
        r: Box<dyn Read + Send + 'a>,
        size: Option<u64>,
    ) -> Result<Source<'a>, IngestError> {
        let mut buffered = BufReader::with_capacity(64 * 1024, r);
        let head = buffered.fill_buf().map_err(|e| IngestError::Read {
            input: name.to_string(),
            reason: one_line(e),
        })?;
        if !head.starts_with(GZIP_MAGIC) {
            return Ok(Source {
                reader: Box::new(buffered),
                name: name.to_string(),
                size,
            });
        }
        let inner = name
            .strip_suffix(".gz")
            .or_else(|| name.strip_suffix(".GZ"))
            .unwrap_or(name);
        let inner = match inner.strip_suffix(".tgz") {
            Some(stem) => format!("{stem}.tar"),
            None => inner.to_string(),
        };
        // Every member, so a `.warc.gz` of one member per record reads whole.
        let decoder = flate2::bufread::MultiGzDecoder::new(buffered);
        Ok(Source {
            reader: Box::new(BufReader::with_capacity(64 * 1024, decoder)),
            name: inner,
            size: None,
        })
    }

    /// Everything left, at most `limit` bytes (a larger file is refused
    /// before it is read when its size is known; decompressed data stops
    /// one byte past the limit).
    pub fn read_bounded(&mut self, input: &str, limit: u64) -> Result<Vec<u8>, IngestError> {
        let too_large = |size| IngestError::TooLarge {
            input: input.to_string(),
            size,
            limit,
        };
        if let Some(size) = self.size.filter(|&s| s > limit) {
            return Err(too_large(size));
        }
        let mut buf = Vec::new();
        (&mut self.reader)
            .take(limit.saturating_add(1))
            .read_to_end(&mut buf)
            .map_err(|e| IngestError::Read {
                input: input.to_string(),
                reason: one_line(e),
            })?;
        if buf.len() as u64 > limit {
            return Err(too_large(buf.len() as u64));
        }
        Ok(buf)
    }
}

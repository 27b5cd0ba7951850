//! The index file beside the GeoNames table (`geonames.idx`), so that
//! opening the gazetteer reads a few megabytes instead of parsing and
//! indexing 70,000 rows.
//!
//! Layout (little-endian): the magic `CTGEOIDX`, the format version `u32`,
//! the key it was built from ([`IndexKey`]: table length `u64`, table
//! modification time in nanoseconds `u128`, hash of the builtin data `u64`),
//! the byte lengths of the five sections (`u64` each), the CRC-32 of the
//! sections (`u32`), then the sections ([`Index::sections`]). The file is
//! written to a temporary name and renamed, so a reader sees a whole old
//! file or a whole new one; a file that is short, long, of another format
//! or fails its checksum is reported by [`read`], and rebuilt by the loader.

use std::fs::{File, Metadata};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::UNIX_EPOCH;

use crate::error::{GeoError, Result};
use crate::index::Index;

/// File name of the index inside the data directory, beside [`crate::TABLE_FILE`].
pub const INDEX_FILE: &str = "geonames.idx";

const MAGIC: &[u8; 8] = b"CTGEOIDX";
/// Bumped whenever the layout or the meaning of a section changes.
const VERSION: u32 = 1;
const SECTIONS: usize = 5;
const HEADER_LEN: usize = 8 + 4 + 8 + 16 + 8 + 8 * SECTIONS + 4;

/// What an index was built from: the table's length and modification time
/// (the table is only ever replaced whole, by a rename that gives it a new
/// time) and a hash of the data compiled into the binary (builtin entries,
/// stop names). An index with another key is stale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct IndexKey {
    table_len: u64,
    table_mtime_ns: u128,
    data_hash: u64,
}

impl IndexKey {
    pub(crate) fn new(table: &Metadata, data_hash: u64) -> IndexKey {
        let table_mtime_ns = table
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        IndexKey {
            table_len: table.len(),
            table_mtime_ns,
            data_hash,
        }
    }
}

fn header(key: &IndexKey, lens: [u64; SECTIONS], crc: u32) -> Vec<u8> {
    let mut h = Vec::with_capacity(HEADER_LEN);
    h.extend_from_slice(MAGIC);
    h.extend_from_slice(&VERSION.to_le_bytes());
    h.extend_from_slice(&key.table_len.to_le_bytes());
    h.extend_from_slice(&key.table_mtime_ns.to_le_bytes());
    h.extend_from_slice(&key.data_hash.to_le_bytes());
    for n in lens {
        h.extend_from_slice(&n.to_le_bytes());
    }
    h.extend_from_slice(&crc.to_le_bytes());
    h
}

/// The fields of a header, in order.
struct Header {
    version: u32,
    key: IndexKey,
    lens: [u64; SECTIONS],
    crc: u32,
}

fn parse_header(h: &[u8; HEADER_LEN]) -> Option<Header> {
    let mut at = 8;
    let mut take = |n: usize| {
        let s = &h[at..at + n];
        at += n;
        s
    };
    let u64_of = |s: &[u8]| s.try_into().ok().map(u64::from_le_bytes);
    let version = u32::from_le_bytes(take(4).try_into().ok()?);
    let table_len = u64_of(take(8))?;
    let table_mtime_ns = u128::from_le_bytes(take(16).try_into().ok()?);
    let data_hash = u64_of(take(8))?;
    let mut lens = [0; SECTIONS];
    for n in &mut lens {
        *n = u64_of(take(8))?;
    }
    let crc = u32::from_le_bytes(take(4).try_into().ok()?);
    Some(Header {
        version,
        key: IndexKey {
            table_len,
            table_mtime_ns,
            data_hash,
        },
        lens,
        crc,
    })
}

/// The index at `path` if it was built from `key`; `None` when there is no
/// file or it is stale (another key or format version). A damaged file is
/// an error naming it.
pub(crate) fn read(path: &Path, key: &IndexKey) -> Result<Option<Index>> {
    let bad = |reason: String| GeoError::BadIndex {
        path: path.to_path_buf(),
        reason,
    };
    let io = |source| GeoError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io(e)),
    };
    let size = file.metadata().map_err(io)?.len();
    let mut head = [0u8; HEADER_LEN];
    if size < HEADER_LEN as u64 {
        return Err(bad(format!("{size} bytes, shorter than its header")));
    }
    file.read_exact(&mut head).map_err(io)?;
    if &head[..8] != MAGIC {
        return Err(bad("not a claimtrace gazetteer index".into()));
    }
    let h = parse_header(&head).ok_or_else(|| bad("unreadable header".into()))?;
    if h.version != VERSION || h.key != *key {
        return Ok(None);
    }
    let body = h.lens.iter().try_fold(0u64, |sum, n| sum.checked_add(*n));
    if body.and_then(|b| b.checked_add(HEADER_LEN as u64)) != Some(size) {
        return Err(bad(format!("{size} bytes, not the size its header gives")));
    }
    let mut crc = crc32fast::Hasher::new();
    let mut sections: [Vec<u8>; SECTIONS] = Default::default();
    for (s, &n) in sections.iter_mut().zip(&h.lens) {
        // Bounded by the file size checked above.
        let n = usize::try_from(n).map_err(|_| bad("section too large".into()))?;
        *s = Vec::with_capacity(n);
        (&mut file).take(n as u64).read_to_end(s).map_err(io)?;
        if s.len() != n {
            return Err(bad("file shrank while being read".into()));
        }
        crc.update(s);
    }
    if crc.finalize() != h.crc {
        return Err(bad("checksum mismatch (damaged file)".into()));
    }
    Index::from_sections(sections).map(Some).map_err(bad)
}

/// A temporary name beside `path`, unique to this process and call.
fn temp_path(path: &Path) -> PathBuf {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".{}.{n}.tmp", std::process::id()));
    path.with_file_name(name)
}

/// Write `index` (built from `key`) to `path` whole or not at all.
pub(crate) fn write(path: &Path, key: &IndexKey, index: &Index) -> Result<()> {
    let sections = index.sections();
    let mut crc = crc32fast::Hasher::new();
    let mut lens = [0u64; SECTIONS];
    for (n, s) in lens.iter_mut().zip(sections) {
        crc.update(s);
        *n = s.len() as u64;
    }
    let tmp = temp_path(path);
    let written = (|| {
        let mut f = File::create(&tmp)?;
        f.write_all(&header(key, lens, crc.finalize()))?;
        for s in sections {
            f.write_all(s)?;
        }
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    written.map_err(|source| {
        let _ = std::fs::remove_file(&tmp);
        GeoError::Io {
            path: path.to_path_buf(),
            source,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{Gazetteer, data_hash};
    use crate::table::TABLE_FILE;

    const TABLE: &str = "# test\n\
        Zaporizhzhia\tcity\tUA\t47.82\t35.19\t750000\t687700\tZaporozhye|Zaporizhia\n\
        Novoazovsk\tcity\tUA\t47.11\t38.08\t11000\t\tNovoazovs'k\n";
    const TEXT: &str = "Shelling in Zaporozhye and Novoazovsk, Ukraine said.";

    fn setup() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(TABLE_FILE), TABLE).unwrap();
        let idx = dir.path().join(INDEX_FILE);
        (dir, idx)
    }

    fn key(dir: &Path) -> IndexKey {
        IndexKey::new(
            &std::fs::metadata(dir.join(TABLE_FILE)).unwrap(),
            data_hash(),
        )
    }

    #[test]
    fn damaged_index_is_reported_and_rebuilt() {
        let (dir, idx) = setup();
        let expected = Gazetteer::load(dir.path()).unwrap().find_places(TEXT);
        assert_eq!(expected.len(), 3);
        let good = std::fs::read(&idx).unwrap();
        let mut flipped = good.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 0x55;
        let mut garbage: Vec<u8> = (0..good.len()).map(|i| (i * 7 + 3) as u8).collect();
        garbage[..8].copy_from_slice(b"NOTANIDX");
        let mut long = good.clone();
        long.push(0);
        let damaged = [
            Vec::new(),
            good[..10].to_vec(),
            good[..HEADER_LEN].to_vec(),
            good[..good.len() / 2].to_vec(),
            good[..good.len() - 1].to_vec(),
            long,
            flipped,
            garbage,
        ];
        for bytes in damaged {
            std::fs::write(&idx, &bytes).unwrap();
            let err = read(&idx, &key(dir.path())).err().unwrap().to_string();
            assert!(err.starts_with(&idx.display().to_string()), "{err}");
            assert!(!err.contains('\n'), "{err}");
            let gaz = Gazetteer::load(dir.path()).unwrap();
            assert_eq!(gaz.find_places(TEXT), expected, "{err}");
            assert!(matches!(read(&idx, &key(dir.path())), Ok(Some(_))), "{err}");
        }
    }

    #[test]
    fn stale_index_is_rebuilt() {
        let (dir, idx) = setup();
        let before = Gazetteer::load(dir.path()).unwrap();
        assert!(before.lookup("Zyzzyvka", None).is_none());
        let more = format!("{TABLE}Zyzzyvka\tcity\tUA\t47.10\t37.55\t4300\t\t\n");
        std::fs::write(dir.path().join(TABLE_FILE), more).unwrap();
        assert!(matches!(read(&idx, &key(dir.path())), Ok(None)));
        let after = Gazetteer::load(dir.path()).unwrap();
        assert_eq!(after.len(), before.len() + 1);
        assert!(after.lookup("Zyzzyvka", None).is_some());
        assert!(matches!(read(&idx, &key(dir.path())), Ok(Some(_))));
    }

    #[test]
    fn unwritable_index_still_loads() {
        let (dir, idx) = setup();
        // A directory where the index should be: it can be neither read nor replaced.
        std::fs::create_dir(&idx).unwrap();
        std::fs::write(idx.join("x"), "x").unwrap();
        let gaz = Gazetteer::load(dir.path()).unwrap();
        assert_eq!(gaz.find_places(TEXT).len(), 3);
        let err = Gazetteer::build_index(dir.path()).unwrap_err().to_string();
        assert!(err.starts_with(&idx.display().to_string()), "{err}");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 2, "temporary files left behind");
    }

    #[test]
    fn bad_tables_name_the_file_and_line() {
        let (dir, _) = setup();
        std::fs::write(dir.path().join(TABLE_FILE), "Gao\tcity\tML\t95\t0\n").unwrap();
        let err = Gazetteer::load(dir.path()).err().unwrap().to_string();
        assert!(
            err.contains("geonames.tsv:1: coordinates out of range"),
            "{err}"
        );
        let empty = tempfile::tempdir().unwrap();
        let err = Gazetteer::load(empty.path()).err().unwrap().to_string();
        assert!(err.contains("no GeoNames table"), "{err}");
    }
}

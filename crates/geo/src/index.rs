//! The compiled gazetteer: two finite-state maps (the `fst` crate) from
//! names to lists of entry ids, and a table of entry records decoded only
//! when a lookup reaches them. Built in memory for the builtin table and
//! for fixtures, read from `geonames.idx` for the GeoNames table
//! (`index_file.rs`), so opening it costs a read, not a build.

use std::collections::{BTreeMap, HashSet};

use fst::raw::Output;
use fst::{Map, MapBuilder};

use crate::entry::GeoEntry;
use crate::error::{GeoError, Result};
use crate::gazetteer::{fold, matchable};
use crate::record::{self, EntryView};

/// Names, surfaces and entries of one gazetteer. Entry ids are positions in
/// the entry list it was built from; every id list is ascending.
pub(crate) struct Index {
    /// Folded name or alias -> offset of its id list in `postings`.
    names: Map<Vec<u8>>,
    /// Exact surface matchable in running text -> offset of its id list.
    surfaces: Map<Vec<u8>>,
    /// Little-endian `u32` words: at each list offset a count, then the ids.
    postings: Vec<u8>,
    /// Little-endian `u32` words: entry `i` is `records[offsets[i]..offsets[i + 1]]`.
    offsets: Vec<u8>,
    records: Vec<u8>,
    /// Whether some surface starts with this byte (the surface map's first transitions).
    first_bytes: [bool; 256],
}

/// The entry ids stored under one name, ascending.
#[derive(Clone, Copy)]
pub(crate) enum IdList<'a> {
    /// Most names are one place's: its id is the map's value itself.
    One(u32),
    /// Little-endian `u32` ids from `postings`.
    Many(&'a [u8]),
}

impl Default for IdList<'_> {
    fn default() -> Self {
        IdList::Many(&[])
    }
}

impl IdList<'_> {
    pub(crate) fn len(self) -> usize {
        match self {
            IdList::One(_) => 1,
            IdList::Many(ids) => ids.len() / 4,
        }
    }

    pub(crate) fn iter(self) -> impl Iterator<Item = u32> {
        let (one, many) = match self {
            IdList::One(id) => (Some(id), &[][..]),
            IdList::Many(ids) => (None, ids),
        };
        one.into_iter().chain(
            many.chunks_exact(4)
                .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]])),
        )
    }
}

fn word(bytes: &[u8], i: usize) -> Option<u32> {
    let w = bytes.get(i.checked_mul(4)?..i.checked_mul(4)?.checked_add(4)?)?;
    Some(u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
}

fn push_word(out: &mut Vec<u8>, n: usize) -> Result<()> {
    let n = u32::try_from(n).map_err(|_| GeoError::Index("more than 4 GB of index".into()))?;
    out.extend_from_slice(&n.to_le_bytes());
    Ok(())
}

/// Add `id` unless it is already the last id (ids come in ascending order).
fn push_id(ids: &mut Vec<u32>, id: u32) {
    if ids.last() != Some(&id) {
        ids.push(id);
    }
}

/// One finite-state map from the sorted `lists`. A map value is an entry id
/// shifted left with the low bit set when the list has one id, else the
/// list's word offset in `postings` (count, then ids) shifted left.
fn map_of<'a>(
    lists: impl Iterator<Item = (&'a str, &'a Vec<u32>)>,
    postings: &mut Vec<u8>,
) -> Result<Map<Vec<u8>>> {
    let fst_err = |e: fst::Error| GeoError::Index(e.to_string());
    let mut builder = MapBuilder::memory();
    for (key, ids) in lists {
        let value = match ids.as_slice() {
            [id] => u64::from(*id) << 1 | 1,
            _ => {
                let at = (postings.len() / 4) as u64;
                push_word(postings, ids.len())?;
                for &id in ids {
                    push_word(postings, id as usize)?;
                }
                at << 1
            }
        };
        builder.insert(key, value).map_err(fst_err)?;
    }
    Map::new(builder.into_inner().map_err(fst_err)?).map_err(fst_err)
}

fn first_bytes(surfaces: &Map<Vec<u8>>) -> [bool; 256] {
    let mut first = [false; 256];
    for t in surfaces.as_fst().root().transitions() {
        first[usize::from(t.inp)] = true;
    }
    first
}

impl Index {
    /// Index `entries`: every name and alias folded for lookup, and the
    /// surfaces that may be matched in running text (`matchable`) as written.
    pub(crate) fn build(entries: &[GeoEntry], stop: &HashSet<&str>) -> Result<Index> {
        let mut by_name: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        let mut by_surface: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
        let mut offsets = Vec::with_capacity(4 * (entries.len() + 1));
        let mut records = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            let id = u32::try_from(i).map_err(|_| GeoError::Index("too many entries".into()))?;
            push_word(&mut offsets, records.len())?;
            record::encode(e, &mut records)?;
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                push_id(by_name.entry(fold(n)).or_default(), id);
                if matchable(n, e.builtin, stop) {
                    push_id(by_surface.entry(n.as_str()).or_default(), id);
                }
            }
        }
        push_word(&mut offsets, records.len())?;
        let mut postings = Vec::new();
        let names = map_of(by_name.iter().map(|(k, v)| (k.as_str(), v)), &mut postings)?;
        let surfaces = map_of(by_surface.iter().map(|(k, v)| (*k, v)), &mut postings)?;
        Ok(Index {
            first_bytes: first_bytes(&surfaces),
            names,
            surfaces,
            postings,
            offsets,
            records,
        })
    }

    /// The five byte sections in file order (see [`Index::from_sections`]).
    pub(crate) fn sections(&self) -> [&[u8]; 5] {
        [
            self.names.as_fst().as_bytes(),
            self.surfaces.as_fst().as_bytes(),
            &self.postings,
            &self.offsets,
            &self.records,
        ]
    }

    /// Reassemble an index from [`Index::sections`], checking what can be
    /// checked without reading every entry; the reason when they do not fit.
    pub(crate) fn from_sections(
        [names, surfaces, postings, offsets, records]: [Vec<u8>; 5],
    ) -> std::result::Result<Index, String> {
        let names = Map::new(names).map_err(|e| format!("name map: {e}"))?;
        let surfaces = Map::new(surfaces).map_err(|e| format!("surface map: {e}"))?;
        if postings.len() % 4 != 0 || offsets.len() % 4 != 0 || offsets.len() < 4 {
            return Err("id or offset table of a wrong size".into());
        }
        let last = word(&offsets, offsets.len() / 4 - 1).unwrap_or(0);
        if word(&offsets, 0) != Some(0) || last as usize != records.len() {
            return Err("entry offsets do not fit the entry table".into());
        }
        Ok(Index {
            first_bytes: first_bytes(&surfaces),
            names,
            surfaces,
            postings,
            offsets,
            records,
        })
    }

    /// Number of entries.
    pub(crate) fn len(&self) -> usize {
        self.offsets.len() / 4 - 1
    }

    /// Entry `id`, read in place.
    pub(crate) fn view(&self, id: u32) -> Option<EntryView<'_>> {
        let start = word(&self.offsets, id as usize)? as usize;
        let end = word(&self.offsets, id as usize + 1)? as usize;
        EntryView::decode(self.records.get(start..end)?)
    }

    /// The id list a map value stands for (see `map_of`).
    fn ids(&self, value: u64) -> IdList<'_> {
        if value & 1 == 1 {
            return u32::try_from(value >> 1).map_or_else(|_| IdList::default(), IdList::One);
        }
        let list = || {
            let at = usize::try_from(value >> 1).ok()?;
            let n = word(&self.postings, at)? as usize;
            let start = at.checked_add(1)?.checked_mul(4)?;
            self.postings
                .get(start..start.checked_add(n.checked_mul(4)?)?)
        };
        list().map(IdList::Many).unwrap_or_default()
    }

    /// Entries with this folded name or alias.
    pub(crate) fn named(&self, folded: &str) -> IdList<'_> {
        self.names
            .get(folded)
            .map(|at| self.ids(at))
            .unwrap_or_default()
    }

    /// Whether some surface begins with byte `b`.
    pub(crate) fn may_start(&self, b: u8) -> bool {
        self.first_bytes[usize::from(b)]
    }

    /// Every surface that `text[start..]` begins with: `hit(end, ids)` for
    /// each, shortest first. Walks the surface map one byte at a time, so the
    /// cost is the length of the longest surface prefix found there.
    pub(crate) fn surfaces_at<'s>(
        &'s self,
        text: &str,
        start: usize,
        mut hit: impl FnMut(usize, IdList<'s>),
    ) {
        let fst = self.surfaces.as_fst();
        let mut node = fst.root();
        let mut out = Output::zero();
        let Some(rest) = text.as_bytes().get(start..) else {
            return;
        };
        for (i, &b) in rest.iter().enumerate() {
            let Some(k) = node.find_input(b) else {
                return;
            };
            let t = node.transition(k);
            out = out.cat(t.out);
            node = fst.node(t.addr);
            if node.is_final() {
                hit(
                    start + i + 1,
                    self.ids(out.cat(node.final_output()).value()),
                );
            }
        }
    }
}

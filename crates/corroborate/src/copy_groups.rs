//! Copy groups: documents that are one story republished (a wire report on
//! many sites with other headers, footers and light edits).
//!
//! Each document gets a MinHash signature; documents sharing an LSH band key
//! are candidates, confirmed when the estimated shingle Jaccard reaches
//! `copy_jaccard` or the smaller one is mostly contained in the larger
//! (`copy_containment`). Confirmed pairs are joined transitively; a group is
//! named after its root, the earliest published member (ties: smallest id),
//! taken to be the original.

use std::collections::HashMap;

use crate::config::CorroboratorConfig;
use crate::features::day_number;
use crate::minhash::{MinHasher, Resemblance, Signature};

/// Whether two signed documents are copies, with their resemblance.
pub fn copy_resemblance(
    cfg: &CorroboratorConfig,
    a: &Signature,
    b: &Signature,
) -> Option<Resemblance> {
    let r = a.resemblance(b);
    let small = a.shingles.min(b.shingles);
    let copy = r.jaccard >= cfg.copy_jaccard
        || (small >= cfg.copy_min_shingles && r.containment >= cfg.copy_containment);
    copy.then_some(r)
}

/// The order that picks a group's root: earliest publication day, then the
/// publication string (ISO date-times sort by time), then id; documents with
/// no date come last.
pub fn root_order(published: Option<&str>, id: &str) -> (i32, String, String) {
    (
        published.and_then(day_number).unwrap_or(i32::MAX),
        published.unwrap_or("").to_string(),
        id.to_string(),
    )
}

#[derive(Debug, Clone)]
struct CopyDoc {
    id: String,
    published: Option<String>,
    outlet: Option<String>,
    sig: Signature,
    root: u32,
}

/// A document confirmed as a copy of one already indexed.
#[derive(Debug, Clone, PartialEq)]
pub struct CopyMatch {
    pub doc: String,
    pub resemblance: Resemblance,
}

/// Where a new document landed.
#[derive(Debug, Clone, PartialEq)]
pub struct CopyOutcome {
    /// Id of the group's root document.
    pub group: String,
    /// Outlet of the root document.
    pub group_outlet: Option<String>,
    pub matches: Vec<CopyMatch>,
    /// Other documents whose group id changed (groups merged or a new root).
    pub regrouped: Vec<String>,
}

/// In-memory copy detection over every document added.
#[derive(Debug)]
pub struct CopyIndex {
    cfg: CorroboratorConfig,
    hasher: MinHasher,
    docs: Vec<CopyDoc>,
    by_id: HashMap<String, u32>,
    bands: HashMap<i64, Vec<u32>>,
    members: HashMap<u32, Vec<u32>>,
}

impl CopyIndex {
    pub fn new(cfg: &CorroboratorConfig) -> Self {
        CopyIndex {
            cfg: cfg.clone(),
            hasher: MinHasher::new(cfg.num_hashes, cfg.shingle_words, cfg.band_rows),
            docs: Vec::new(),
            by_id: HashMap::new(),
            bands: HashMap::new(),
            members: HashMap::new(),
        }
    }

    /// Indexes a document and joins it to the copy groups it matches.
    pub fn add(
        &mut self,
        id: &str,
        published: Option<&str>,
        outlet: Option<&str>,
        text: &str,
    ) -> CopyOutcome {
        if let Some(&i) = self.by_id.get(id) {
            let root = &self.docs[self.docs[i as usize].root as usize];
            return CopyOutcome {
                group: root.id.clone(),
                group_outlet: root.outlet.clone(),
                matches: Vec::new(),
                regrouped: Vec::new(),
            };
        }
        let sig = self.hasher.signature(text);
        let keys = self.hasher.band_keys(&sig);
        let me = self.docs.len() as u32;
        let mut candidates: Vec<u32> = keys
            .iter()
            .filter_map(|k| self.bands.get(k))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut matches = Vec::new();
        let mut roots: Vec<u32> = Vec::new();
        for c in candidates {
            let other = &self.docs[c as usize];
            if let Some(r) = copy_resemblance(&self.cfg, &sig, &other.sig) {
                matches.push(CopyMatch {
                    doc: other.id.clone(),
                    resemblance: r,
                });
                if !roots.contains(&other.root) {
                    roots.push(other.root);
                }
            }
        }
        self.docs.push(CopyDoc {
            id: id.to_string(),
            published: published.map(str::to_string),
            outlet: outlet.map(str::to_string),
            sig,
            root: me,
        });
        self.by_id.insert(id.to_string(), me);
        for k in keys {
            self.bands.entry(k).or_default().push(me);
        }
        let mut group: Vec<u32> = vec![me];
        for r in &roots {
            group.extend(self.members.remove(r).unwrap_or_else(|| vec![*r]));
        }
        let new_root = group
            .iter()
            .copied()
            .min_by_key(|d| {
                let doc = &self.docs[*d as usize];
                root_order(doc.published.as_deref(), &doc.id)
            })
            .unwrap_or(me);
        let mut regrouped = Vec::new();
        for d in &group {
            let doc = &mut self.docs[*d as usize];
            if *d != me && doc.root != new_root {
                regrouped.push(doc.id.clone());
            }
            doc.root = new_root;
        }
        self.members.insert(new_root, group);
        let root = &self.docs[new_root as usize];
        CopyOutcome {
            group: root.id.clone(),
            group_outlet: root.outlet.clone(),
            matches,
            regrouped,
        }
    }

    /// The group (root id) and root outlet of an indexed document.
    pub fn group_of(&self, id: &str) -> Option<(String, Option<String>)> {
        let d = &self.docs[*self.by_id.get(id)? as usize];
        let root = &self.docs[d.root as usize];
        Some((root.id.clone(), root.outlet.clone()))
    }

    /// Every group with more than one member, members sorted, groups sorted.
    pub fn groups(&self) -> Vec<Vec<String>> {
        let mut out: Vec<Vec<String>> = self
            .members
            .values()
            .filter(|m| m.len() > 1)
            .map(|m| {
                let mut ids: Vec<String> = m
                    .iter()
                    .map(|d| self.docs[*d as usize].id.clone())
                    .collect();
                ids.sort();
                ids
            })
            .collect();
        out.sort();
        out
    }
}

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Claim, Epistemic, SourceKind};

/// The article sourcing profile: how much of an article rests on which kind of
/// source, and how firmly it speaks (`claimtrace profile`, `/api/profile`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub doc: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub claims: usize,
    /// One row per `source.kind` label, in contract order, zero counts included.
    pub by_source_kind: Vec<ProfileCount>,
    /// One row per `epistemic` label, in contract order.
    pub by_epistemic: Vec<ProfileCount>,
    /// One row per claim type that occurs.
    pub by_type: Vec<ProfileCount>,
    /// Ids of claims resting on no source at all (`author`, not opinion).
    pub unsourced: Vec<String>,
    /// Named sources (person, organisation, media) the article leans on, most cited first.
    pub named_sources: Vec<SourceCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfileCount {
    pub label: String,
    pub count: usize,
    /// count / claims, 0 when there are no claims.
    pub share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceCount {
    pub name: String,
    pub kind: SourceKind,
    pub count: usize,
}

impl Profile {
    /// The profile of one document's claims.
    pub fn from_claims(
        doc: &str,
        title: Option<String>,
        outlet: Option<String>,
        claims: &[Claim],
    ) -> Self {
        let n = claims.len();
        let share = |c: usize| if n == 0 { 0.0 } else { c as f64 / n as f64 };
        let by_source_kind = SourceKind::ALL
            .iter()
            .map(|k| {
                let c = claims.iter().filter(|x| x.source.kind == *k).count();
                ProfileCount {
                    label: k.as_str().into(),
                    count: c,
                    share: share(c),
                }
            })
            .collect();
        let by_epistemic = Epistemic::ALL
            .iter()
            .map(|e| {
                let c = claims.iter().filter(|x| x.epistemic == *e).count();
                ProfileCount {
                    label: e.as_str().into(),
                    count: c,
                    share: share(c),
                }
            })
            .collect();
        let mut types: BTreeMap<&str, usize> = BTreeMap::new();
        for c in claims {
            *types.entry(c.claim_type.as_str()).or_default() += 1;
        }
        let mut by_type: Vec<ProfileCount> = types
            .into_iter()
            .map(|(l, c)| ProfileCount {
                label: l.into(),
                count: c,
                share: share(c),
            })
            .collect();
        by_type.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
        let unsourced = claims
            .iter()
            .filter(|c| c.source.kind == SourceKind::Author && c.epistemic != Epistemic::Opinion)
            .map(|c| c.id.clone())
            .collect();
        let mut named: BTreeMap<(String, SourceKind), usize> = BTreeMap::new();
        for c in claims {
            if matches!(
                c.source.kind,
                SourceKind::NamedPerson | SourceKind::NamedOrganisation | SourceKind::Media
            ) {
                *named
                    .entry((c.source.name.clone(), c.source.kind))
                    .or_default() += 1;
            }
        }
        let mut named_sources: Vec<SourceCount> = named
            .into_iter()
            .map(|((name, kind), count)| SourceCount { name, kind, count })
            .collect();
        named_sources.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
        Profile {
            doc: doc.to_string(),
            title,
            outlet,
            claims: n,
            by_source_kind,
            by_epistemic,
            by_type,
            unsourced,
            named_sources,
        }
    }
}

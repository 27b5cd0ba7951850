//! The actor network: who is claimed to do what to whom.

use std::collections::{BTreeMap, HashMap};

use claimtrace_model::{ActorKind, Claim, ClaimType, Epistemic, Event};
use serde::{Deserialize, Serialize};

/// What an edge's `weight` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WeightBasis {
    /// Claims supporting the edge (no corroboration data was given).
    Claims,
    /// Independent origins supporting the edge (from corroboration events).
    Origins,
}

/// One end of an edge: an actor or target as the knowledge base names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NetworkNode {
    /// Canonical name (`Mention::name`): what nodes are keyed on.
    pub name: String,
    /// Knowledge-base id, when known.
    pub id: Option<String>,
    pub kind: ActorKind,
}

/// A directed actor → target relation claimed by one or more claims
/// (`/api/network`, GEXF edges).
///
/// Invariants: `claims` is non-empty and sorted; every claim in it has
/// `actor.name == source.name`, `target.name == target.name` and type
/// `relation`; `weight + denials` counts each claim (or origin) once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NetworkEdge {
    /// The actor.
    pub source: NetworkNode,
    /// The target.
    pub target: NetworkNode,
    /// The claim type, e.g. `arms_transfer`.
    pub relation: ClaimType,
    /// Claims or independent origins (see `weight_basis`) that assert,
    /// report, hedge or opine the relation — denials excluded.
    pub weight: usize,
    pub weight_basis: WeightBasis,
    /// Claims or origins (same basis) that deny the relation.
    pub denials: usize,
    /// Ids of every claim behind the edge, denials included.
    pub claims: Vec<String>,
    /// The epistemic label most of the edge's claims carry; a tie goes to
    /// the firmer label (asserted > reported > hedged > opinion > denied).
    pub firmness: Epistemic,
}

/// Edges from actor → target pairs of `claims`, weighted by claim count.
/// Claims without both an actor and a target give no edge.
pub fn network_edges(claims: &[Claim]) -> Vec<NetworkEdge> {
    build(claims, None)
}

/// Edges weighted by independent origins: each claim's origin is taken from
/// the corroboration `events` that contain it; a claim in no event counts as
/// resting on its own document (`doc:<id>`), which over-counts wire copies
/// but never merges distinct reports.
pub fn network_edges_with_origins(claims: &[Claim], events: &[Event]) -> Vec<NetworkEdge> {
    if events.is_empty() {
        return network_edges(claims);
    }
    let mut origins: HashMap<&str, &str> = HashMap::new();
    for ev in events {
        for m in &ev.claims {
            origins.entry(m.claim.as_str()).or_insert(m.origin.as_str());
        }
    }
    build(claims, Some(&origins))
}

/// Firmness order used to break ties (first is firmest).
const FIRMNESS_ORDER: [Epistemic; 5] = [
    Epistemic::Asserted,
    Epistemic::Reported,
    Epistemic::Hedged,
    Epistemic::Opinion,
    Epistemic::Denied,
];

fn firmness_rank(e: Epistemic) -> usize {
    FIRMNESS_ORDER
        .iter()
        .position(|x| *x == e)
        .unwrap_or(FIRMNESS_ORDER.len())
}

#[derive(Default)]
struct Acc<'a> {
    claims: Vec<&'a Claim>,
}

fn build(claims: &[Claim], origins: Option<&HashMap<&str, &str>>) -> Vec<NetworkEdge> {
    // BTreeMap keeps the edge order stable across runs (exports are diffed).
    let mut groups: BTreeMap<(String, String, ClaimType), Acc> = BTreeMap::new();
    for c in claims {
        let (Some(a), Some(t)) = (&c.actor, &c.target) else {
            continue;
        };
        if a.name.trim().is_empty() || t.name.trim().is_empty() {
            continue;
        }
        groups
            .entry((a.name.clone(), t.name.clone(), c.claim_type))
            .or_default()
            .claims
            .push(c);
    }
    groups
        .into_iter()
        .filter_map(|((_, _, relation), acc)| {
            let first = acc.claims.first()?;
            let source = node(
                first.actor.as_ref()?,
                acc.claims.iter().filter_map(|c| c.actor.as_ref()),
            );
            let target = node(
                first.target.as_ref()?,
                acc.claims.iter().filter_map(|c| c.target.as_ref()),
            );
            let (weight, denials, weight_basis) = match origins {
                None => {
                    let denied = acc
                        .claims
                        .iter()
                        .filter(|c| c.epistemic == Epistemic::Denied)
                        .count();
                    (acc.claims.len() - denied, denied, WeightBasis::Claims)
                }
                Some(map) => {
                    let key = |c: &Claim| -> String {
                        map.get(c.id.as_str())
                            .map(|o| o.to_string())
                            .unwrap_or_else(|| format!("doc:{}", c.doc))
                    };
                    let mut support: Vec<String> = acc
                        .claims
                        .iter()
                        .filter(|c| c.epistemic != Epistemic::Denied)
                        .map(|c| key(c))
                        .collect();
                    let mut deny: Vec<String> = acc
                        .claims
                        .iter()
                        .filter(|c| c.epistemic == Epistemic::Denied)
                        .map(|c| key(c))
                        .collect();
                    support.sort();
                    support.dedup();
                    deny.sort();
                    deny.dedup();
                    (support.len(), deny.len(), WeightBasis::Origins)
                }
            };
            let mut counts = [0usize; 5];
            for c in &acc.claims {
                if let Some(slot) = counts.get_mut(firmness_rank(c.epistemic)) {
                    *slot += 1;
                }
            }
            // max_by_key keeps the last maximum; iterating firmest-last makes
            // ties resolve to the firmer label.
            let firmness = FIRMNESS_ORDER
                .iter()
                .zip(counts)
                .rev()
                .max_by_key(|(_, n)| *n)
                .map(|(e, _)| *e)
                .unwrap_or(first.epistemic);
            let mut ids: Vec<String> = acc.claims.iter().map(|c| c.id.clone()).collect();
            ids.sort();
            Some(NetworkEdge {
                source,
                target,
                relation,
                weight,
                weight_basis,
                denials,
                claims: ids,
                firmness,
            })
        })
        .collect()
}

/// A node from the first mention, taking the first known id and kind any
/// mention of the same name offers (an unresolved first mention should not
/// hide a resolved later one).
fn node<'a>(
    first: &'a claimtrace_model::Mention,
    all: impl Iterator<Item = &'a claimtrace_model::Mention>,
) -> NetworkNode {
    let mut id = first.id.clone();
    let mut kind = first.kind;
    for m in all {
        if id.is_none() {
            id = m.id.clone();
        }
        if kind == ActorKind::Unknown && m.kind != ActorKind::Unknown {
            kind = m.kind;
        }
    }
    NetworkNode {
        name: first.name.clone(),
        id,
        kind,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;
    use claimtrace_model::EventClaim;

    #[test]
    fn groups_pairs_and_counts_denials() {
        let claims = fixture::claims();
        let edges = network_edges(&claims);
        let e = edges
            .iter()
            .find(|e| e.relation == ClaimType::ArmsTransfer && e.source.name == "Ukraine")
            .expect("Ukraine -> RSF arms transfer edge");
        assert_eq!(e.target.name, "Rapid Support Forces");
        assert_eq!(e.claims.len(), 3);
        assert_eq!(e.weight, 2);
        assert_eq!(e.denials, 1);
        assert_eq!(e.weight_basis, WeightBasis::Claims);
        assert_eq!(e.firmness, Epistemic::Hedged);
        // The claim with no target gives no edge.
        assert!(
            edges
                .iter()
                .all(|e| !e.claims.contains(&"c-notarget".to_string()))
        );
    }

    #[test]
    fn origins_collapse_copies() {
        let claims = fixture::claims();
        // One origin only, so neither claim is corroborated by another.
        let mk = |claim: &str, origin: &str| EventClaim {
            claim: claim.into(),
            doc: "d".into(),
            origin: origin.into(),
            epistemic: Epistemic::Hedged,
            corroborated: false,
            contradicted: false,
        };
        let event = fixture::event(vec![
            mk("c-hedged-1", "name:eurasia signal"),
            mk("c-hedged-2", "name:eurasia signal"),
        ]);
        let edges = network_edges_with_origins(&claims, &[event]);
        let e = edges
            .iter()
            .find(|e| e.relation == ClaimType::ArmsTransfer)
            .expect("edge");
        assert_eq!(e.weight_basis, WeightBasis::Origins);
        assert_eq!(e.weight, 1, "two claims, one origin");
        assert_eq!(
            e.denials, 1,
            "the denial is outside any event: its own doc origin"
        );
    }

    #[test]
    fn tie_goes_to_firmer_label() {
        let mut claims = fixture::claims();
        claims.retain(|c| c.claim_type == ClaimType::ArmsTransfer);
        claims[0].epistemic = Epistemic::Reported;
        claims[1].epistemic = Epistemic::Denied;
        claims[2].epistemic = Epistemic::Opinion;
        let edges = network_edges(&claims);
        assert_eq!(edges[0].firmness, Epistemic::Reported);
    }
}

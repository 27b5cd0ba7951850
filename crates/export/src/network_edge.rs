//! The actor network: who is claimed to do what to whom. One builder,
//! [`network_edges`], serves GEXF, `/api/network` and the web page, so the
//! file an analyst opens in Gephi weighs edges as the page does.

use std::collections::{BTreeMap, HashMap, HashSet};

use claimtrace_model::{ActorKind, Claim, ClaimType, Epistemic, Mention};
use serde::{Deserialize, Serialize};

/// Claim types that relate two actors: only these make edges.
pub const RELATION_TYPES: &[ClaimType] = &[
    ClaimType::Attack,
    ClaimType::ArmsTransfer,
    ClaimType::MilitaryCooperation,
    ClaimType::DiplomaticRupture,
    ClaimType::DiplomaticEngagement,
    ClaimType::DesignationOrSanction,
];

/// What an edge's `weight` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WeightBasis {
    /// Distinct documents (corroboration has not run).
    Documents,
    /// Independent origins (a claim in no event counts as its document's own).
    Origins,
}

impl WeightBasis {
    pub fn as_str(&self) -> &'static str {
        match self {
            WeightBasis::Documents => "documents",
            WeightBasis::Origins => "origins",
        }
    }
}

/// An actor of the network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NetworkNode {
    /// What nodes are keyed on: the knowledge-base id (`UKR`) when known,
    /// else the canonical name, so "Kyiv" and "Ukraine" are one node.
    pub key: String,
    /// The canonical name first seen (`Mention::name`).
    pub name: String,
    /// Knowledge-base id, when known.
    pub id: Option<String>,
    /// The kind most mentions give (unknown only when none says more).
    pub kind: ActorKind,
}

/// A directed actor → target relation claimed by one or more claims.
///
/// Invariants: `claims` is non-empty (an edge only denied is no edge);
/// `weight` counts the distinct origins (or documents, see `weight_basis`)
/// of `claims`; `denials` those of `denied_claims`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NetworkEdge {
    pub source: NetworkNode,
    pub target: NetworkNode,
    /// The claim type, e.g. `arms_transfer`.
    pub relation: ClaimType,
    pub weight: usize,
    pub weight_basis: WeightBasis,
    /// Distinct documents of `claims`.
    pub documents: usize,
    /// Origins (same basis) that deny the relation.
    pub denials: usize,
    /// Ids of the claims that assert, report, hedge or opine it, in input order.
    pub claims: Vec<String>,
    /// Ids of the claims that deny it.
    pub denied_claims: Vec<String>,
    /// `claims` per epistemic label.
    pub epistemic: BTreeMap<String, usize>,
    /// The label most of `claims` carry; a tie goes to the firmer label
    /// (asserted > reported > hedged > opinion).
    pub firmness: Epistemic,
}

impl NetworkEdge {
    /// `source|target|relation`: unique in one network.
    pub fn id(&self) -> String {
        format!(
            "{}|{}|{}",
            self.source.key,
            self.target.key,
            self.relation.as_str()
        )
    }
}

/// Determiners that open a generic noun phrase ("a spokesman", "the army").
const DETERMINERS: &[&str] = &["a", "an", "the", "this", "that", "these", "those", "some"];

/// Whether a mention names an actor the network shows: not a place, not an
/// unnamed group ("officials"), not a weapon of the claim, not a generic
/// noun phrase ("a spokesman"): a proper name of a state, body, group or person.
pub fn is_actor(m: &Mention, claim: &Claim) -> bool {
    if matches!(m.kind, ActorKind::Location | ActorKind::Group) {
        return false;
    }
    let name = m.name.trim();
    let Some(first) = name.chars().find(|c| c.is_alphabetic()) else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    let lower = name.to_lowercase();
    let first_word = lower.split_whitespace().next().unwrap_or("");
    if m.kind == ActorKind::Unknown && DETERMINERS.contains(&first_word) {
        return false;
    }
    !claim.weapons.iter().any(|w| w.to_lowercase() == lower)
}

fn node_key(m: &Mention) -> String {
    m.id.clone().unwrap_or_else(|| m.name.trim().to_string())
}

/// Firmness order used to break ties (first is firmest).
const FIRMNESS_ORDER: [Epistemic; 5] = [
    Epistemic::Asserted,
    Epistemic::Reported,
    Epistemic::Hedged,
    Epistemic::Opinion,
    Epistemic::Denied,
];

#[derive(Default)]
struct Acc<'a> {
    support: Vec<&'a Claim>,
    denied: Vec<&'a Claim>,
}

/// A node being collected: first name and id seen, kinds counted.
type NodeAcc = (String, Option<String>, BTreeMap<ActorKind, usize>);

/// Nodes by key.
#[derive(Default)]
struct Nodes {
    by_key: HashMap<String, NodeAcc>,
}

impl Nodes {
    fn add(&mut self, m: &Mention) {
        let e = self
            .by_key
            .entry(node_key(m))
            .or_insert_with(|| (m.name.trim().to_string(), None, BTreeMap::new()));
        if e.1.is_none() {
            e.1 = m.id.clone();
        }
        *e.2.entry(m.kind).or_default() += 1;
    }

    fn node(&self, key: &str) -> NetworkNode {
        let (name, id, kinds) = self
            .by_key
            .get(key)
            .cloned()
            .unwrap_or_else(|| (key.to_string(), None, BTreeMap::new()));
        // Most frequent known kind; BTreeMap order breaks ties stably.
        let kind = kinds
            .iter()
            .filter(|(k, _)| **k != ActorKind::Unknown)
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map_or(ActorKind::Unknown, |(k, _)| *k);
        NetworkNode {
            key: key.to_string(),
            name,
            id,
            kind,
        }
    }
}

/// The actor network of `claims`, heaviest edge first (then most claims,
/// then id). `origins` gives the origin key of each claim in an event, by
/// claim id, once corroboration has run (`None` before): an edge's weight is
/// then its independent origins, a claim in no event counting as
/// `doc:<its document>`; without origins it is its distinct documents.
/// Only [`RELATION_TYPES`] between two different [`is_actor`] mentions make edges.
pub fn network_edges(
    claims: &[Claim],
    origins: Option<&HashMap<String, String>>,
) -> Vec<NetworkEdge> {
    let mut groups: HashMap<(String, String, ClaimType), Acc> = HashMap::new();
    let mut nodes = Nodes::default();
    for c in claims {
        let (Some(a), Some(t)) = (&c.actor, &c.target) else {
            continue;
        };
        if !RELATION_TYPES.contains(&c.claim_type) || !is_actor(a, c) || !is_actor(t, c) {
            continue;
        }
        let (ka, kt) = (node_key(a), node_key(t));
        if ka == kt {
            continue;
        }
        nodes.add(a);
        nodes.add(t);
        let acc = groups.entry((ka, kt, c.claim_type)).or_default();
        if c.epistemic == Epistemic::Denied {
            acc.denied.push(c);
        } else {
            acc.support.push(c);
        }
    }
    let origin = |c: &Claim| -> String {
        origins
            .and_then(|m| m.get(&c.id))
            .cloned()
            .unwrap_or_else(|| format!("doc:{}", c.doc))
    };
    let count = |cs: &[&Claim]| cs.iter().map(|c| origin(c)).collect::<HashSet<_>>().len();
    let mut edges: Vec<NetworkEdge> = groups
        .into_iter()
        .filter(|(_, acc)| !acc.support.is_empty())
        .map(|((s, t, relation), acc)| {
            let mut epistemic: BTreeMap<String, usize> = BTreeMap::new();
            for c in &acc.support {
                *epistemic
                    .entry(c.epistemic.as_str().to_string())
                    .or_default() += 1;
            }
            let firmness = FIRMNESS_ORDER
                .iter()
                .rev()
                .max_by_key(|e| epistemic.get(e.as_str()).copied().unwrap_or(0))
                .copied()
                .unwrap_or(Epistemic::Asserted);
            NetworkEdge {
                source: nodes.node(&s),
                target: nodes.node(&t),
                relation,
                weight: count(&acc.support),
                weight_basis: if origins.is_some() {
                    WeightBasis::Origins
                } else {
                    WeightBasis::Documents
                },
                documents: acc
                    .support
                    .iter()
                    .map(|c| &c.doc)
                    .collect::<HashSet<_>>()
                    .len(),
                denials: count(&acc.denied),
                claims: acc.support.iter().map(|c| c.id.clone()).collect(),
                denied_claims: acc.denied.iter().map(|c| c.id.clone()).collect(),
                epistemic,
                firmness,
            }
        })
        .collect();
    edges.sort_by(|a, b| {
        b.weight
            .cmp(&a.weight)
            .then(b.claims.len().cmp(&a.claims.len()))
            .then_with(|| a.id().cmp(&b.id()))
    });
    edges
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn groups_pairs_and_counts_denials() {
        let claims = fixture::claims();
        let edges = network_edges(&claims, None);
        let e = edges
            .iter()
            .find(|e| e.relation == ClaimType::ArmsTransfer && e.source.name == "Ukraine")
            .expect("Ukraine -> RSF arms transfer edge");
        assert_eq!(e.target.name, "Rapid Support Forces");
        assert_eq!(e.claims.len(), 2);
        assert_eq!(e.denied_claims, vec!["c-denied".to_string()]);
        assert_eq!(e.weight, 2, "two documents");
        assert_eq!(e.denials, 1);
        assert_eq!(e.weight_basis, WeightBasis::Documents);
        assert_eq!(e.firmness, Epistemic::Hedged);
        assert_eq!(e.source.key, "UKR", "keyed by knowledge-base id");
        assert!(
            edges
                .iter()
                .all(|e| !e.claims.contains(&"c-notarget".to_string()))
        );
    }

    #[test]
    fn origins_collapse_copies() {
        let claims = fixture::claims();
        let origins = HashMap::from([
            ("c-hedged-1".to_string(), "name:eurasia signal".to_string()),
            ("c-hedged-2".to_string(), "name:eurasia signal".to_string()),
        ]);
        let edges = network_edges(&claims, Some(&origins));
        let e = edges
            .iter()
            .find(|e| e.relation == ClaimType::ArmsTransfer)
            .expect("edge");
        assert_eq!(e.weight_basis, WeightBasis::Origins);
        assert_eq!(e.weight, 1, "two claims, one origin");
        assert_eq!(e.documents, 2);
        assert_eq!(e.denials, 1, "the denial rests on its own document");
    }

    #[test]
    fn only_actors_are_nodes() {
        let mut claims = fixture::claims();
        claims.truncate(1);
        let base = claims[0].clone();
        let with_actor = |name: &str, kind: ActorKind| {
            let mut c = base.clone();
            c.id = format!("c-{name}");
            let a = c.actor.as_mut().unwrap();
            a.name = name.into();
            a.id = None;
            a.kind = kind;
            c
        };
        claims.push(with_actor("a spokesman", ActorKind::Person));
        claims.push(with_actor("The spokesman", ActorKind::Unknown));
        claims.push(with_actor("Officials", ActorKind::Group));
        claims.push(with_actor("Kherson", ActorKind::Location));
        claims.push(with_actor("FPV drone", ActorKind::Unknown));
        let mut own = with_actor("Russia", ActorKind::State);
        own.actor.as_mut().unwrap().id = Some("RUS".into());
        claims.push(own);
        let edges = network_edges(&claims, None);
        assert_eq!(edges.len(), 1, "{edges:?}");
        assert_eq!(edges[0].source.name, "Ukraine");
        assert_eq!(edges[0].claims, vec!["c-attack".to_string()]);
    }

    #[test]
    fn tie_goes_to_firmer_label() {
        let mut claims = fixture::claims();
        claims.retain(|c| c.claim_type == ClaimType::ArmsTransfer);
        claims[0].epistemic = Epistemic::Reported;
        claims[1].epistemic = Epistemic::Opinion;
        let edges = network_edges(&claims, None);
        assert_eq!(edges[0].firmness, Epistemic::Reported);
    }
}

//! The actor network of stored claims: who is claimed to attack, supply,
//! cooperate with, break with or sanction whom. `/api/network` and the GEXF
//! export (`claimtrace export --format gexf`, `/api/export?format=gexf`)
//! both take their edges from [`network_of`], so Gephi and the page show the
//! same edges with the same weights.
//!
//! The rule (of [`claimtrace_export::network_edges`], the one builder):
//! - a node is an actor keyed by its knowledge-base id when it has one
//!   (`UKR`), else by its name, so "Kyiv" and "Ukraine" resolved to one id
//!   are one node while two unknown names stay two;
//! - a denial is not an edge of the alleged action: denying claims are
//!   counted beside the edge (`denials`, `denied_claims`) and never in its
//!   weight, and a relation that is only denied makes no edge — a network
//!   of what is claimed must not draw "Ukraine supplies the RSF" because
//!   Ukraine denied it;
//! - an edge weighs its independent origins once corroboration has run (ten
//!   outlets repeating one agency weigh one), else its distinct documents.

use std::collections::HashMap;

use claimtrace_export::{RELATION_TYPES, WeightBasis, claim_links, has_events, network_edges};
use claimtrace_model::Claim;
use claimtrace_store::{ClaimQuery, Store};

use crate::Result;

pub use claimtrace_export::{NetworkEdge, NetworkNode};

/// The network of the claims a query matched.
#[derive(Debug, Clone)]
pub struct ActorNetwork {
    /// Every edge, heaviest first (then most claims, then id).
    pub edges: Vec<NetworkEdge>,
    /// What `weight` counts: origins once events exist, else documents.
    pub weight_basis: WeightBasis,
    /// Claims that matched the query (the store's count, which may be capped
    /// by the query's `count_cap`).
    pub claims_matched: usize,
    /// Claims read to build the network (at most the query's `limit`).
    pub claims_read: usize,
}

/// The network of the claims `q` matches (its `limit` bounds how many are read).
pub fn actor_network(store: &dyn Store, q: &ClaimQuery) -> Result<ActorNetwork> {
    let page = store.claims(q)?;
    let (edges, weight_basis) = network_of(store, &page.items)?;
    Ok(ActorNetwork {
        edges,
        weight_basis,
        claims_matched: page.total,
        claims_read: page.items.len(),
    })
}

/// The network of `claims`, weighted by the origins corroboration gave them
/// in `store` (by documents before corroboration has run): one indexed
/// lookup per claim that can make an edge.
pub fn network_of(store: &dyn Store, claims: &[Claim]) -> Result<(Vec<NetworkEdge>, WeightBasis)> {
    if !has_events(store)? {
        return Ok((network_edges(claims, None), WeightBasis::Documents));
    }
    let relations = claims.iter().filter(|c| {
        c.actor.is_some() && c.target.is_some() && RELATION_TYPES.contains(&c.claim_type)
    });
    let origins: HashMap<String, String> = claim_links(store, relations)?
        .into_iter()
        .map(|(c, l)| (c, l.origin))
        .collect();
    Ok((network_edges(claims, Some(&origins)), WeightBasis::Origins))
}

//! `/api/network`: who attacks, supplies, cooperates with or breaks with whom.
//!
//! The network is [`claimtrace_app::actor_network`], the job whose edges the
//! GEXF export writes too (its rules: nodes keyed by actor id when known, a
//! denial is no edge of the alleged action, an edge weighs its independent
//! origins once corroboration has placed claims in events, else its distinct
//! documents). This module only parses the filters and shapes the answer.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::State;
use claimtrace_app::{NetworkEdge, WeightBasis, actor_network};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::{ApiResult, ErrorBody};
use crate::params::{ClaimParams, Params};
use crate::state::AppState;

/// At most this many claims are read to build one graph; the answer says when
/// the filters matched more.
const MAX_CLAIMS: usize = 20_000;
/// Claim ids listed per edge.
const IDS_PER_EDGE: usize = 100;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct NetworkParams {
    /// Claim filters, as for `/api/claims` (`type` narrows to one relation).
    pub q: Option<String>,
    #[serde(rename = "type")]
    #[param(rename = "type")]
    pub claim_type: Option<String>,
    pub source_kind: Option<String>,
    pub epistemic: Option<String>,
    pub actor: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub doc: Option<String>,
    pub outlet: Option<String>,
    /// At most this many edges, heaviest first (default 300).
    pub limit: Option<usize>,
}

/// An actor of the graph.
#[derive(Debug, Serialize, ToSchema)]
pub struct Node {
    /// The actor id (`UKR`) when known, else its name.
    pub id: String,
    pub label: String,
    /// `state`, `armed_group`, ... (the most frequent kind seen).
    pub kind: String,
}

/// Claims of one type from one actor to another.
#[derive(Debug, Serialize, ToSchema)]
pub struct Edge {
    pub id: String,
    pub source: String,
    pub target: String,
    pub source_label: String,
    pub target_label: String,
    #[serde(rename = "type")]
    pub claim_type: String,
    /// What the network's `weight` names: independent origins of the claims
    /// (a claim not in an event counts as its document's own origin), or
    /// distinct documents when no event exists.
    pub weight: usize,
    /// Distinct documents that make the claim.
    pub documents: usize,
    /// Ids of the claims behind the edge (at most 100).
    pub claims: Vec<String>,
    pub claim_count: usize,
    /// Claims per firmness label.
    pub epistemic: BTreeMap<String, usize>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Network {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    /// Edges before the `limit` cut.
    pub total_edges: usize,
    /// True when edges were cut, or when more than 20,000 claims matched and only the first were read.
    pub truncated: bool,
    /// Claims that matched the filters.
    pub claims_matched: usize,
    /// What `weight` counts: `independent_origins` once events exist, else `documents`.
    pub weight: &'static str,
}

/// The API's view of the shared network: the heaviest `limit` edges and
/// their nodes, with the number of edges before the cut.
pub fn build(mut all: Vec<NetworkEdge>, limit: usize) -> (Vec<Node>, Vec<Edge>, usize) {
    let total = all.len();
    all.truncate(limit);
    let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
    for e in &all {
        for n in [&e.source, &e.target] {
            nodes.entry(n.key.clone()).or_insert_with(|| Node {
                id: n.key.clone(),
                label: n.name.clone(),
                kind: n.kind.as_str().to_string(),
            });
        }
    }
    let edges = all
        .into_iter()
        .map(|e| Edge {
            id: e.id(),
            source_label: e.source.name,
            target_label: e.target.name,
            source: e.source.key,
            target: e.target.key,
            claim_type: e.relation.as_str().to_string(),
            weight: e.weight,
            documents: e.documents,
            claim_count: e.claims.len(),
            claims: e.claims.into_iter().take(IDS_PER_EDGE).collect(),
            epistemic: e.epistemic,
        })
        .collect();
    (nodes.into_values().collect(), edges, total)
}

/// The actor network of the claims matching the filters; edge weight = independent origins
/// (distinct documents before corroboration has run).
#[utoipa::path(get, path = "/api/network", tag = "network", params(NetworkParams),
    responses((status = 200, body = Network), (status = 400, body = ErrorBody)))]
pub async fn network(
    State(app): State<AppState>,
    Params(p): Params<NetworkParams>,
) -> ApiResult<Json<Network>> {
    let limit = p.limit.unwrap_or(300).clamp(1, 5000);
    let filters = ClaimParams {
        q: p.q,
        claim_type: p.claim_type,
        source_kind: p.source_kind,
        epistemic: p.epistemic,
        actor: p.actor,
        since: p.since,
        until: p.until,
        doc: p.doc,
        outlet: p.outlet,
        limit: Some(1),
        offset: None,
    };
    let mut q = filters.to_query()?;
    q.limit = MAX_CLAIMS;
    // Counted just past what is read: enough to say whether it was cut.
    q.count_cap = Some(MAX_CLAIMS + 1);
    app.read(move |s| {
        let net = actor_network(s, &q)?;
        let (nodes, edges, total_edges) = build(net.edges, limit);
        Ok(Json(Network {
            truncated: total_edges > edges.len() || net.claims_matched > net.claims_read,
            nodes,
            edges,
            total_edges,
            claims_matched: net.claims_matched,
            weight: match net.weight_basis {
                WeightBasis::Origins => "independent_origins",
                _ => "documents",
            },
        }))
    })
    .await
}

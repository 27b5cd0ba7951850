//! `/api/network`: who attacks, supplies, cooperates with or breaks with whom.
//!
//! An edge weighs its independent origins once corroboration has placed
//! claims in events (ten outlets repeating one agency's report weigh one),
//! else its distinct documents.

use std::collections::{BTreeMap, HashMap};

use axum::Json;
use axum::extract::State;
use claimtrace_model::{Claim, ClaimType, Epistemic, Mention};
use claimtrace_store::{EventQuery, Store};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::{ApiResult, ErrorBody};
use crate::params::{ClaimParams, Params};
use crate::state::AppState;

/// Claim types that relate two actors.
pub const RELATION_TYPES: &[ClaimType] = &[
    ClaimType::Attack,
    ClaimType::ArmsTransfer,
    ClaimType::MilitaryCooperation,
    ClaimType::DiplomaticRupture,
    ClaimType::DiplomaticEngagement,
    ClaimType::DesignationOrSanction,
];

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

fn key(m: &Mention) -> String {
    m.id.clone().unwrap_or_else(|| m.name.clone())
}

#[derive(Default)]
struct EdgeAcc {
    docs: std::collections::HashSet<String>,
    origins: std::collections::HashSet<String>,
    ids: Vec<String>,
    count: usize,
    epistemic: BTreeMap<String, usize>,
}

/// The relation graph of `claims`: one edge per (actor, target, type), heaviest `limit` kept.
/// `origins`: the origin key of each claim in an event (by claim id); a
/// claim without one counts as `doc:<its document>`, so with no origins at
/// all the weight is the number of distinct documents.
pub fn build(
    claims: &[Claim],
    origins: &HashMap<String, String>,
    limit: usize,
) -> (Vec<Node>, Vec<Edge>, usize) {
    let mut edges: HashMap<(String, String, ClaimType), EdgeAcc> = HashMap::new();
    let mut labels: HashMap<String, (String, HashMap<&'static str, usize>)> = HashMap::new();
    for c in claims {
        let (Some(a), Some(t)) = (&c.actor, &c.target) else {
            continue;
        };
        if !RELATION_TYPES.contains(&c.claim_type) || c.epistemic == Epistemic::Denied {
            continue;
        }
        let (ka, kt) = (key(a), key(t));
        if ka == kt {
            continue;
        }
        for m in [a, t] {
            let e = labels
                .entry(key(m))
                .or_insert_with(|| (m.name.clone(), HashMap::new()));
            *e.1.entry(m.kind.as_str()).or_default() += 1;
        }
        let acc = edges.entry((ka, kt, c.claim_type)).or_default();
        acc.docs.insert(c.doc.clone());
        acc.origins.insert(
            origins
                .get(&c.id)
                .cloned()
                .unwrap_or_else(|| format!("doc:{}", c.doc)),
        );
        acc.count += 1;
        if acc.ids.len() < IDS_PER_EDGE {
            acc.ids.push(c.id.clone());
        }
        *acc.epistemic
            .entry(c.epistemic.as_str().to_string())
            .or_default() += 1;
    }
    let total = edges.len();
    let mut list: Vec<Edge> = edges
        .into_iter()
        .map(|((s, t, ty), acc)| {
            let label = |k: &str| {
                labels
                    .get(k)
                    .map(|l| l.0.clone())
                    .unwrap_or_else(|| k.to_string())
            };
            Edge {
                id: format!("{s}|{t}|{}", ty.as_str()),
                source_label: label(&s),
                target_label: label(&t),
                source: s,
                target: t,
                claim_type: ty.as_str().to_string(),
                weight: acc.origins.len(),
                documents: acc.docs.len(),
                claims: acc.ids,
                claim_count: acc.count,
                epistemic: acc.epistemic,
            }
        })
        .collect();
    list.sort_by(|a, b| {
        b.weight
            .cmp(&a.weight)
            .then(b.claim_count.cmp(&a.claim_count))
            .then(a.id.cmp(&b.id))
    });
    list.truncate(limit);
    let mut used: Vec<String> = list
        .iter()
        .flat_map(|e| [e.source.clone(), e.target.clone()])
        .collect();
    used.sort();
    used.dedup();
    let nodes = used
        .into_iter()
        .map(|id| {
            let (label, kinds) = labels
                .remove(&id)
                .unwrap_or_else(|| (id.clone(), HashMap::new()));
            let kind = kinds
                .into_iter()
                .max_by_key(|(k, n)| (*n, *k))
                .map(|(k, _)| k)
                .unwrap_or("unknown");
            Node {
                id,
                label,
                kind: kind.to_string(),
            }
        })
        .collect();
    (nodes, list, total)
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
        let page = s.claims(&q)?;
        let has_events = s
            .events(&EventQuery {
                limit: 1,
                ..Default::default()
            })?
            .total
            > 0;
        let mut origins = HashMap::new();
        if has_events {
            // One indexed lookup per relation claim; other claims make no edge.
            for c in page.items.iter().filter(|c| {
                c.actor.is_some() && c.target.is_some() && RELATION_TYPES.contains(&c.claim_type)
            }) {
                if let Some(m) = s.claim_corroboration(&c.id)? {
                    origins.insert(c.id.clone(), m.origin);
                }
            }
        }
        let (nodes, edges, total_edges) = build(&page.items, &origins, limit);
        Ok(Json(Network {
            truncated: total_edges > edges.len() || page.total > page.items.len(),
            nodes,
            edges,
            total_edges,
            claims_matched: page.total,
            weight: if has_events {
                "independent_origins"
            } else {
                "documents"
            },
        }))
    })
    .await
}

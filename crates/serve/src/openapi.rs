//! The OpenAPI 3 document served at `/api/openapi.json`, generated from the
//! handlers' annotations so it cannot drift from the routes.

use utoipa::openapi::content::Content;
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{Ref, RefOr};
use utoipa::{Modify, OpenApi};

use crate::error::ErrorBody;
use crate::routes::{catalogue, claims, docs, events, export, ingest, network, reviews};
use crate::view::{ClaimView, Correction, Corroboration, ReviewStatus};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "claimtrace API",
        description = "Claim records from war reporting: what is claimed, who says so, how firmly, when, where. \
Spans are UTF-8 byte offsets into the document text. Events group the claims of many reports of one happening, \
counting copies of one text as one origin. Errors are JSON `{error, detail}`. \
Writes (ingest, review) need `Authorization: Bearer <token>` and are disabled when the server has no token.\n\n\
Limits: every answer is bounded. Pages hold at most 5000 items (500 for an event's parts); an event shows at most 50 \
of its claims, contradictions, origins, documents, actors and targets (5 per event in `/api/events`), `totals` \
giving the full counts and `/api/events/{id}/claims|contradictions|origins|documents` the rest. A search (`q`) takes \
at most 500 bytes, 12 words and 2 prefix terms (`word*`) of at least 3 letters; other text parameters at most 200 \
bytes (400 `query_too_long`, `too_many_terms`, `too_many_prefixes`, `prefix_too_short`, `param_too_long`).\n\n\
Every request has a budget: store work runs on a fixed pool of workers behind a bounded queue; when the queue is \
full the answer is 503 `overloaded` at once; work not finished within the time budget (10 s for reads by default, \
`claimtrace serve --budget-ms`; 60 s for writes) is interrupted and answered 503 `timeout`; a write that cannot get \
the database lock from another writer in time is 503 `busy`. Retry 503s later.\n\n\
Only the Host names the server was started for are answered (the bound address, `localhost`, `127.0.0.1` and \
`[::1]` with its port, and each `--allow-host`); any other Host gets 421 `misdirected` (DNS rebinding)."
    ),
    paths(
        docs::list, docs::one, docs::profile,
        claims::list, claims::one,
        events::list, events::one, events::claims, events::contradictions, events::origins,
        events::event_documents,
        reviews::post, reviews::list,
        catalogue::outlets, catalogue::actors,
        network::network,
        ingest::ingest,
        export::export,
    ),
    components(schemas(
        ErrorBody, ClaimView, ReviewStatus, Correction, Corroboration, claims::ClaimPage, docs::DocPage,
        events::EventPage, events::EventDetail, events::EventDocument, events::EventTotals,
        events::EventClaimPage, events::ContradictionPage, events::OriginPage, events::EventDocumentPage,
        events::schema::Event, events::schema::EventClaim, events::schema::Origin,
        events::schema::Contradiction, events::schema::EarliestReport, events::schema::EventPlace,
        events::schema::ProfileCount, catalogue::OutletProfile,
        reviews::ReviewRequest, reviews::ReviewList, catalogue::OutletList, catalogue::ActorList,
        network::Network, network::Node, network::Edge,
        ingest::IngestResult, ingest::IngestedDocument, catalogue::Outlet, catalogue::Actor,
    )),
    modifiers(&TokenAuth, &EveryAnswer),
)]
pub struct ApiDoc;

struct TokenAuth;

impl Modify for TokenAuth {
    fn modify(&self, api: &mut utoipa::openapi::OpenApi) {
        let components = api.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The answers any route can give, added to every operation: 421 for a
/// Host the server does not serve, 503 when the workers' queue is full or
/// the request ran out of time.
struct EveryAnswer;

impl Modify for EveryAnswer {
    fn modify(&self, api: &mut utoipa::openapi::OpenApi) {
        let error = || Content::new(Some(RefOr::Ref(Ref::from_schema_name("ErrorBody"))));
        let answers = [
            (
                "421",
                "`misdirected`: the Host header names a host this server was not started for \
                 (the bound address, localhost, 127.0.0.1, [::1] with its port, or an --allow-host name)",
            ),
            (
                "503",
                "`overloaded`: every worker is busy and the queue (64 requests by default) is full; \
                 `timeout`: the request's store work passed its time budget (10 s for reads, 60 s for \
                 writes by default) and was interrupted; `busy`: another writer held the database \
                 lock too long. Retry later.",
            ),
        ];
        for item in api.paths.paths.values_mut() {
            let ops = [
                &mut item.get,
                &mut item.post,
                &mut item.put,
                &mut item.delete,
            ];
            for op in ops.into_iter().flatten() {
                for (status, description) in answers {
                    op.responses
                        .responses
                        .entry(status.to_string())
                        .or_insert_with(|| {
                            RefOr::T(
                                ResponseBuilder::new()
                                    .description(description)
                                    .content("application/json", error())
                                    .build(),
                            )
                        });
                }
            }
        }
    }
}

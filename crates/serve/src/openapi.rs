//! The OpenAPI 3 document served at `/api/openapi.json`, generated from the
//! handlers' annotations so it cannot drift from the routes.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
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
Writes (ingest, review) need `Authorization: Bearer <token>` and are disabled when the server has no token."
    ),
    paths(
        docs::list, docs::one, docs::profile,
        claims::list, claims::one,
        events::list, events::one,
        reviews::post, reviews::list,
        catalogue::outlets, catalogue::actors,
        network::network,
        ingest::ingest,
        export::export,
    ),
    components(schemas(
        ErrorBody, ClaimView, ReviewStatus, Correction, Corroboration, claims::ClaimPage, docs::DocPage,
        events::EventPage, events::EventDetail, events::EventDocument,
        events::schema::Event, events::schema::EventClaim, events::schema::Origin,
        events::schema::Contradiction, events::schema::EarliestReport, events::schema::EventPlace,
        events::schema::ProfileCount, catalogue::OutletProfile,
        reviews::ReviewRequest, reviews::ReviewList, catalogue::OutletList, catalogue::ActorList,
        network::Network, network::Node, network::Edge,
        ingest::IngestResult, ingest::IngestedDocument, catalogue::Outlet, catalogue::Actor,
    )),
    modifiers(&TokenAuth),
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

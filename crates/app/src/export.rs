//! Export stored claims: what `claimtrace export` and `/api/export` write is
//! gathered here, once, so the two files are the same.

use claimtrace_export::{ExportData, ExportFormat, GatherOptions, gather};
use claimtrace_model::Claim;
use claimtrace_store::Store;

use crate::Result;
use crate::network::network_of;

/// The export data of `claims` in `format`: their documents, each claim's
/// event and origin, the fact-check verdicts for ClaimReview (the verdict
/// rule is [`claimtrace_export::verdict`]: the latest confirmation or
/// rejection decides, a correction does not), and for GEXF the actor network
/// of [`network_of`], the edges `/api/network` serves.
pub fn claims_export(
    store: &dyn Store,
    claims: Vec<Claim>,
    format: ExportFormat,
) -> Result<ExportData> {
    let opts = GatherOptions {
        verdicts: format == ExportFormat::Claimreview,
    };
    let mut data = gather(store, claims, opts)?;
    if format == ExportFormat::Gexf {
        data.edges = Some(network_of(store, &data.claims)?.0);
    }
    Ok(data)
}

//! Ingest a batch: documents already read and extracted are stored, then
//! every document waiting for corroboration is corroborated. `claimtrace
//! ingest` (files, read and extracted on every core by the binary) and
//! `POST /api/ingest` (one upload, read by [`read_upload`]) both store through
//! [`ingest_batch`], so a document added over the API joins events exactly as
//! one added on the command line.

use claimtrace_corroborate::{CorroboratorConfig, RunReport, run_pending};
use claimtrace_extract::{Extraction, Extractor};
use claimtrace_ingest::{IngestConfig, InputFormat, parse_bytes};
use claimtrace_model::Document;
use claimtrace_store::{ClaimQuery, NewDocument, PutOutcome, Store};

use crate::Result;

/// Documents stored per transaction, and corroborated per step.
pub const BATCH: usize = 256;

/// One document read and extracted, ready to be stored.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// The document as read.
    pub document: Document,
    /// Its sentences and claims.
    pub extraction: Extraction,
}

/// What became of one document of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentOutcome {
    /// Stored now, with this many claims.
    New {
        /// The id it is stored under.
        doc_id: String,
        /// Claims stored for it.
        claims: usize,
    },
    /// The same text (content hash) was stored before.
    AlreadyStored {
        /// The id the earlier copy is stored under.
        doc_id: String,
        /// Claims stored for the earlier copy.
        claims: usize,
    },
    /// Not stored: one line naming the document and the reason.
    Failed(String),
}

/// What [`ingest_batch`] did: one outcome per document, in input order, the
/// counts, and what corroboration did (nothing when it was not asked for).
#[derive(Debug, Clone, Default)]
pub struct BatchReport {
    /// One per document of the batch, in the same order.
    pub outcomes: Vec<DocumentOutcome>,
    /// Documents stored now.
    pub new: usize,
    /// Documents whose text was stored before.
    pub already_stored: usize,
    /// Documents that could not be stored.
    pub failed: usize,
    /// Claims stored now.
    pub claims: usize,
    /// What corroboration did.
    pub corroboration: RunReport,
}

/// Store `batch` ([`BATCH`] documents per transaction) and, with
/// `corroborate`, corroborate after each transaction every document that
/// waits for it (these and any a killed or `--no-corroborate` run left).
/// A document that cannot be stored is reported in its outcome; the others
/// are stored regardless.
pub fn ingest_batch(
    store: &mut dyn Store,
    batch: &[Extracted],
    corroborate: Option<&CorroboratorConfig>,
) -> Result<BatchReport> {
    let mut report = BatchReport::default();
    for chunk in batch.chunks(BATCH) {
        let docs: Vec<NewDocument<'_>> = chunk
            .iter()
            .map(|e| NewDocument::new(&e.document, &e.extraction.sentences, &e.extraction.claims))
            .collect();
        let outcomes = store.put_documents(&docs)?;
        for (outcome, e) in outcomes.into_iter().zip(chunk) {
            let outcome = match outcome {
                Ok(PutOutcome::New { doc_id, claims }) => {
                    report.new += 1;
                    report.claims += claims;
                    DocumentOutcome::New { doc_id, claims }
                }
                Ok(PutOutcome::AlreadyStored { doc_id }) => {
                    report.already_stored += 1;
                    let claims = stored_claims(&*store, &doc_id)?;
                    DocumentOutcome::AlreadyStored { doc_id, claims }
                }
                Err(err) => {
                    report.failed += 1;
                    DocumentOutcome::Failed(format!("{}: not stored: {err}", e.document.origin))
                }
            };
            report.outcomes.push(outcome);
        }
        if let Some(cfg) = corroborate {
            report.corroboration += corroborate_pending(store, cfg)?;
        }
    }
    Ok(report)
}

/// Corroborate every stored document that waits for it, [`BATCH`] per step
/// (each step one write transaction).
pub fn corroborate_pending(store: &mut dyn Store, cfg: &CorroboratorConfig) -> Result<RunReport> {
    Ok(run_pending(store, cfg, BATCH)?)
}

/// How many claims the stored document `doc_id` has.
fn stored_claims(store: &dyn Store, doc_id: &str) -> Result<usize> {
    let q = ClaimQuery {
        doc: Some(doc_id.to_string()),
        limit: 1,
        ..Default::default()
    };
    Ok(store.claims(&q)?.total)
}

/// The documents of one upload, read and extracted, and a line for each part
/// that could not be read.
#[derive(Debug, Default)]
pub struct Upload {
    /// Documents ready for [`ingest_batch`], in the order the body gives them.
    pub documents: Vec<Extracted>,
    /// One line per part of the body that is no readable article.
    pub errors: Vec<String>,
}

/// Read the documents of `bytes` (a text, an HTML page, a feed or JSON
/// Lines; `hint` names the format, else it is detected) and extract their
/// claims. `name` is the upload's file name: the document id when the
/// content gives none, and its extension helps detect the format. The
/// upload's own length is its only size limit (the caller bounds it).
pub fn read_upload(
    extractor: &Extractor,
    name: &str,
    bytes: &[u8],
    hint: Option<InputFormat>,
) -> Upload {
    let cfg = IngestConfig {
        max_bytes: bytes.len() as u64 + 1,
        ..IngestConfig::default()
    };
    let mut upload = Upload::default();
    for r in parse_bytes(name, bytes, hint, &cfg) {
        match r {
            Ok(document) => {
                let extraction = extractor.extract(&document);
                upload.documents.push(Extracted {
                    document,
                    extraction,
                });
            }
            Err(e) => upload.errors.push(e.to_string()),
        }
    }
    upload
}

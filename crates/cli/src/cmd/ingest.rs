//! `claimtrace ingest`: documents, sentences and claims into the store.
//!
//! Each batch of documents is written in one transaction, so a run killed at
//! any moment leaves the database consistent; documents are recognised by
//! content hash, so running the same command again stores only what is
//! missing.

use std::collections::HashSet;
use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use claimtrace_store::{NewDocument, PutOutcome, Store};
use indicatif::{ProgressBar, ProgressStyle};

use crate::db::DbArgs;
use crate::output;
use crate::pipeline::{Item, Pipeline, PipelineArgs};

/// Store documents, sentences and claims.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub pipeline: PipelineArgs,
    #[command(flatten)]
    pub db: DbArgs,
    /// No progress bar, even on a terminal.
    #[arg(long)]
    pub no_progress: bool,
}

/// What one ingest run did.
#[derive(Debug, Default, Clone, Copy, serde::Serialize)]
pub struct Summary {
    pub new: usize,
    pub already_stored: usize,
    pub failed: usize,
    pub claims: usize,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let pipeline = Pipeline::build(&args.pipeline)?;
    let mut store = args.db.open()?;
    let (inputs, failures) = pipeline.discover(&args.pipeline.inputs);
    failures.iter().for_each(|f| output::report_failure(f));
    let started = Instant::now();
    let progress = if !args.no_progress && std::io::stderr().is_terminal() {
        let pb = ProgressBar::new(inputs.len() as u64);
        pb.set_style(
            ProgressStyle::with_template("{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} inputs  {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        pb.enable_steady_tick(Duration::from_millis(200));
        pb
    } else {
        ProgressBar::hidden()
    };
    let summary = ingest_inputs(&pipeline, &mut store, &inputs, &progress, failures.len())?;
    progress.finish_and_clear();
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "claimtrace: ingested into {}: {} new, {} already stored, {} failed; {} claims stored ({:.1}s)",
        args.db.db.display(),
        summary.new,
        summary.already_stored,
        summary.failed,
        summary.claims,
        secs
    );
    Ok(if summary.failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(super::EXIT_FAILURE) })
}

/// Run the pipeline over `inputs` into `store`; `failed_before` counts inputs
/// that already failed to be found.
pub fn ingest_inputs(
    pipeline: &Pipeline,
    store: &mut claimtrace_store::SqliteStore,
    inputs: &[claimtrace_ingest::Input],
    progress: &ProgressBar,
    failed_before: usize,
) -> anyhow::Result<Summary> {
    let known: HashSet<String> = store.document_hashes()?.into_iter().collect();
    let mut summary = Summary { failed: failed_before, ..Default::default() };
    let mut docs_seen = 0u64;
    pipeline.process(inputs, &|doc| known.contains(&doc.hash), progress, &mut |items| {
        let mut batch = Vec::new();
        for item in items {
            match item {
                Item::Failed(msg) => {
                    progress.suspend(|| output::report_failure(&msg));
                    summary.failed += 1;
                }
                Item::Skipped => summary.already_stored += 1,
                Item::Done(doc, ex) => batch.push((*doc, ex)),
            }
        }
        docs_seen += batch.len() as u64;
        let docs: Vec<NewDocument<'_>> = batch.iter().map(|(d, ex)| NewDocument::new(d, &ex.sentences, &ex.claims)).collect();
        let outcomes = store.put_documents(&docs)?;
        for (outcome, (doc, _)) in outcomes.into_iter().zip(&batch) {
            match outcome {
                Ok(PutOutcome::New { claims, .. }) => {
                    summary.new += 1;
                    summary.claims += claims;
                }
                Ok(PutOutcome::AlreadyStored { .. }) => summary.already_stored += 1,
                Err(e) => {
                    progress.suspend(|| output::report_failure(&format!("{}: not stored: {e}", doc.origin)));
                    summary.failed += 1;
                }
            }
        }
        progress.set_message(format!("{docs_seen} documents, {} claims", summary.claims));
        Ok(())
    })?;
    Ok(summary)
}

//! `claimtrace ingest`: documents, sentences and claims into the store.
//!
//! Each batch of documents is written in one transaction, so a run killed at
//! any moment leaves the database consistent; documents are recognised by
//! content hash, so running the same command again stores only what is
//! missing.
//!
//! After each batch the new documents are corroborated (copy groups,
//! events, contradictions; `claimtrace-corroborate`): their claims join the
//! stored events they match or open new ones, reading only the candidate
//! events. Documents stored but not yet corroborated (a killed run, an
//! older database, `--no-corroborate`) are corroborated by the next ingest.

use std::collections::HashSet;
use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use claimtrace_app::{
    CorroboratorConfig, DocumentOutcome, Extracted, RunReport, corroborate_pending, ingest_batch,
};
use claimtrace_store::Store;
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
    /// Only store; leave corroboration (events, copies) to a later ingest.
    #[arg(long)]
    pub no_corroborate: bool,
}

/// What one ingest run did.
#[derive(Debug, Default, Clone, Copy, serde::Serialize)]
pub struct Summary {
    pub new: usize,
    pub already_stored: usize,
    pub failed: usize,
    /// Files found in directories that are not articles (scripts, styles, images).
    pub not_articles: usize,
    pub claims: usize,
    /// What corroboration did (nothing with `--no-corroborate`).
    pub corroboration: RunReport,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let pipeline = Pipeline::build(&args.pipeline)?;
    let mut store = args.db.open()?;
    let (inputs, failures) = pipeline.discover(&args.pipeline.inputs);
    failures.iter().for_each(|f| output::report_failure(f));
    let started = Instant::now();
    let progress = if !args.no_progress && !output::is_quiet() && std::io::stderr().is_terminal() {
        let pb = ProgressBar::new(inputs.len() as u64);
        pb.set_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} inputs  {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        pb.enable_steady_tick(Duration::from_millis(200));
        pb
    } else {
        ProgressBar::hidden()
    };
    let corroborate = (!args.no_corroborate).then(CorroboratorConfig::default);
    let summary = ingest_inputs(
        &pipeline,
        &mut store,
        &inputs,
        &progress,
        failures.len(),
        corroborate.as_ref(),
    )?;
    progress.finish_and_clear();
    let secs = started.elapsed().as_secs_f64();
    output::note(format_args!(
        "ingested into {}: {} new, {} already stored, {} failed; {} claims stored ({:.1}s)",
        args.db.db.display(),
        summary.new,
        summary.already_stored,
        summary.failed,
        summary.claims,
        secs
    ));
    if summary.not_articles > 0 {
        output::note(format_args!(
            "skipped {} files that are not articles (scripts, stylesheets, images, fonts, archives)",
            summary.not_articles
        ));
    }
    if corroborate.is_some() {
        let c = &summary.corroboration;
        output::note(format_args!(
            "corroborated {} documents: {} claims into events ({} opened, {} updated), {} copies found",
            c.documents, c.claims, c.events_opened, c.events_updated, c.copies
        ));
    }
    Ok(if summary.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(super::EXIT_FAILURE)
    })
}

/// Run the pipeline over `inputs` into `store`; `failed_before` counts inputs
/// that already failed to be found. Each batch is stored (and, with
/// `corroborate`, corroborated) by [`claimtrace_app::ingest_batch`], the job
/// `POST /api/ingest` runs too; at the end anything still pending is
/// corroborated.
pub fn ingest_inputs(
    pipeline: &Pipeline,
    store: &mut dyn Store,
    inputs: &[claimtrace_ingest::Input],
    progress: &ProgressBar,
    failed_before: usize,
    corroborate: Option<&CorroboratorConfig>,
) -> anyhow::Result<Summary> {
    let known: HashSet<String> = store.document_hashes()?.into_iter().collect();
    let mut summary = Summary {
        failed: failed_before,
        ..Default::default()
    };
    let mut docs_seen = 0u64;
    pipeline.process(
        inputs,
        &|doc| known.contains(&doc.hash),
        progress,
        &mut |items| {
            let mut batch = Vec::new();
            for item in items {
                match item {
                    Item::Failed(msg) => {
                        progress.suspend(|| output::report_failure(&msg));
                        summary.failed += 1;
                    }
                    Item::Skipped => summary.already_stored += 1,
                    Item::NotArticle => summary.not_articles += 1,
                    Item::Done(document, extraction) => batch.push(Extracted {
                        document: *document,
                        extraction,
                    }),
                }
            }
            docs_seen += batch.len() as u64;
            let report = ingest_batch(store, &batch, corroborate)?;
            for outcome in &report.outcomes {
                if let DocumentOutcome::Failed(msg) = outcome {
                    progress.suspend(|| output::report_failure(msg));
                }
            }
            summary.new += report.new;
            summary.already_stored += report.already_stored;
            summary.failed += report.failed;
            summary.claims += report.claims;
            summary.corroboration += report.corroboration;
            progress.set_message(format!(
                "{docs_seen} documents, {} claims, {} events",
                summary.claims, summary.corroboration.events_opened
            ));
            Ok(())
        },
    )?;
    if let Some(cfg) = corroborate {
        summary.corroboration += corroborate_pending(store, cfg)?;
    }
    Ok(summary)
}

//! `claimtrace bench`: extraction and ingest throughput on generated
//! articles (MB/s, docs/s, per core and on every core) and peak memory,
//! printed as a table (or JSON). A measurement, never an assertion.

use std::process::ExitCode;
use std::time::Instant;

use claimtrace_store::{NewDocument, SqliteStore, Store};
use rayon::prelude::*;

use crate::pipeline::{Pipeline, PipelineArgs};
use crate::synth;

/// Measure extract and ingest throughput and peak memory.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Number of generated articles.
    #[arg(long, default_value_t = 10_000, value_name = "N")]
    pub docs: u64,
    /// Articles for the single-core measurement.
    #[arg(long, default_value_t = 2_000, value_name = "N")]
    pub single_core_docs: u64,
    /// Print the figures as JSON.
    #[arg(long)]
    pub json: bool,
    /// Worker threads (default: every core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

#[derive(serde::Serialize, Debug, Default)]
struct Figures {
    docs: u64,
    megabytes: f64,
    threads: usize,
    claims: usize,
    extract_single_core_mb_s: f64,
    extract_single_core_docs_s: f64,
    extract_all_cores_mb_s: f64,
    extract_all_cores_docs_s: f64,
    extract_peak_rss_half_mb: f64,
    extract_peak_rss_full_mb: f64,
    ingest_docs_s: f64,
    ingest_mb_s: f64,
    ingest_peak_rss_mb: f64,
}

/// Peak resident memory of this process so far (VmHWM), in MB.
fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|kb| kb.parse::<f64>().ok()))
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(f64::NAN)
}

const BATCH: u64 = 256;

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let pipeline = Pipeline::build(&PipelineArgs {
        inputs: Vec::new(),
        max_bytes: 20 * 1024 * 1024,
        actors: Vec::new(),
        weapons: Vec::new(),
        gazetteer: None,
        threads: args.threads,
    })?;
    let extractor = pipeline.extractor();
    let mut f = Figures { docs: args.docs, threads: rayon::current_num_threads(), ..Default::default() };

    // One core: the per-core rate.
    let t = Instant::now();
    let mut bytes = 0usize;
    for i in 0..args.single_core_docs {
        let doc = synth::article(i);
        bytes += doc.text.len();
        std::hint::black_box(extractor.extract(&doc));
    }
    let secs = t.elapsed().as_secs_f64();
    f.extract_single_core_mb_s = bytes as f64 / 1e6 / secs;
    f.extract_single_core_docs_s = args.single_core_docs as f64 / secs;

    // Every core, streaming in batches: memory must not grow with the corpus.
    let t = Instant::now();
    let mut bytes = 0usize;
    let mut claims = 0usize;
    let mut start = 0;
    while start < args.docs {
        let end = (start + BATCH).min(args.docs);
        let (b, c) = (start..end)
            .into_par_iter()
            .map(|i| {
                let doc = synth::article(i);
                let ex = extractor.extract(&doc);
                (doc.text.len(), ex.claims.len())
            })
            .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
        bytes += b;
        claims += c;
        start = end;
        if start == args.docs / 2 / BATCH * BATCH {
            f.extract_peak_rss_half_mb = peak_rss_mb();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    f.extract_peak_rss_full_mb = peak_rss_mb();
    f.megabytes = bytes as f64 / 1e6;
    f.claims = claims;
    f.extract_all_cores_mb_s = f.megabytes / secs;
    f.extract_all_cores_docs_s = args.docs as f64 / secs;

    // Ingest: extraction on every core, one writer, a transaction per batch.
    let dir = tempfile::tempdir()?;
    let mut store = SqliteStore::open(&dir.path().join("bench.db"))?;
    let t = Instant::now();
    // As `ingest` does: the cores extract the next batch while one thread
    // writes the current one.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<(claimtrace_model::Document, claimtrace_extract::Extraction)>>(2);
    std::thread::scope(|scope| -> anyhow::Result<()> {
        let writer = scope.spawn(|| -> anyhow::Result<()> {
            for batch in rx {
                let docs: Vec<NewDocument<'_>> =
                    batch.iter().map(|(d, ex)| NewDocument::new(d, &ex.sentences, &ex.claims)).collect();
                for outcome in store.put_documents(&docs)? {
                    outcome?;
                }
            }
            Ok(())
        });
        let mut start = 0;
        while start < args.docs {
            let end = (start + BATCH).min(args.docs);
            let batch: Vec<_> = (start..end)
                .into_par_iter()
                .map(|i| {
                    let doc = synth::article(i);
                    let ex = extractor.extract(&doc);
                    (doc, ex)
                })
                .collect();
            if tx.send(batch).is_err() {
                break;
            }
            start = end;
        }
        drop(tx);
        writer.join().map_err(|_| anyhow::anyhow!("the writer thread panicked"))?
    })?;
    let secs = t.elapsed().as_secs_f64();
    f.ingest_docs_s = args.docs as f64 / secs;
    f.ingest_mb_s = f.megabytes / secs;
    f.ingest_peak_rss_mb = peak_rss_mb();
    let stored = store.stats()?;

    if args.json {
        println!("{}", serde_json::to_string_pretty(&f)?);
    } else {
        println!("claimtrace bench: {} generated articles, {:.1} MB, {} threads", f.docs, f.megabytes, f.threads);
        println!("  claims extracted                {:>10}", f.claims);
        println!(
            "  extract, one core               {:>10.2} MB/s  {:>9.0} docs/s",
            f.extract_single_core_mb_s, f.extract_single_core_docs_s
        );
        println!(
            "  extract, all cores              {:>10.2} MB/s  {:>9.0} docs/s",
            f.extract_all_cores_mb_s, f.extract_all_cores_docs_s
        );
        println!(
            "  extract peak RSS, half / full   {:>10.1} MB  / {:.1} MB  (flat = streaming)",
            f.extract_peak_rss_half_mb, f.extract_peak_rss_full_mb
        );
        println!("  ingest (extract + store)        {:>10.2} MB/s  {:>9.0} docs/s", f.ingest_mb_s, f.ingest_docs_s);
        println!("  ingest peak RSS                 {:>10.1} MB", f.ingest_peak_rss_mb);
        println!("  stored: {} documents, {} sentences, {} claims", stored.documents, stored.sentences, stored.claims);
    }
    Ok(ExitCode::SUCCESS)
}

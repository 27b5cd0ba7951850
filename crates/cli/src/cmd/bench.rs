//! `claimtrace bench`: extraction and ingest throughput on generated
//! articles (MB/s, docs/s, per core and on every core) and peak memory,
//! printed as a table (or JSON). A measurement, never an assertion.

use std::process::ExitCode;
use std::time::Instant;

use claimtrace_extract::Extractor;
use claimtrace_store::{NewDocument, SqliteStore, Stats, Store};
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
    /// Articles given to spaCy en_core_web_sm (the peer, one process) and to
    /// claimtrace on one core, for words/s side by side; 0 skips the peer.
    #[arg(long, default_value_t = 1_000, value_name = "N")]
    pub peer_docs: u64,
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
    /// Words/s of claimtrace's whole extraction on one core, on the peer's articles.
    claimtrace_words_s: f64,
    /// spaCy en_core_web_sm (tagger + NER, one process) on the same articles.
    spacy_words_s: Option<f64>,
    spacy_mb_s: Option<f64>,
    spacy_note: Option<String>,
}

/// Peak resident memory of this process so far (VmHWM), in MB.
fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|kb| kb.parse::<f64>().ok())
            })
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(f64::NAN)
}

const BATCH: u64 = 256;

/// Run the benchmark on generated articles and print its figures.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let pipeline = Pipeline::build(&PipelineArgs {
        inputs: Vec::new(),
        max_bytes: 20 * 1024 * 1024,
        text_column: None,
        actors: Vec::new(),
        weapons: Vec::new(),
        type_model: None,
        gazetteer: None,
        threads: args.threads,
    })?;
    let extractor = pipeline.extractor();
    let mut f = Figures {
        docs: args.docs,
        threads: rayon::current_num_threads(),
        ..Default::default()
    };

    extract_single_core(extractor, args.single_core_docs, &mut f);
    extract_all_cores(extractor, args.docs, &mut f);
    let stored = ingest(extractor, args.docs, &mut f)?;
    if args.peer_docs > 0 {
        peer_rates(extractor, args.peer_docs, &mut f);
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&f)?);
    } else {
        print_figures(&f, &stored, args.peer_docs);
    }
    Ok(ExitCode::SUCCESS)
}

/// Extraction on one core: the per-core rate.
fn extract_single_core(extractor: &Extractor, n: u64, f: &mut Figures) {
    let t = Instant::now();
    let mut bytes = 0usize;
    for i in 0..n {
        let doc = synth::article(i);
        bytes += doc.text.len();
        std::hint::black_box(extractor.extract(&doc));
    }
    let secs = t.elapsed().as_secs_f64();
    f.extract_single_core_mb_s = bytes as f64 / 1e6 / secs;
    f.extract_single_core_docs_s = n as f64 / secs;
}

/// Extraction on every core, streaming in batches: memory must not grow
/// with the corpus.
fn extract_all_cores(extractor: &Extractor, docs: u64, f: &mut Figures) {
    let t = Instant::now();
    let mut bytes = 0usize;
    let mut claims = 0usize;
    let mut start = 0;
    while start < docs {
        let end = (start + BATCH).min(docs);
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
        if start == docs / 2 / BATCH * BATCH {
            f.extract_peak_rss_half_mb = peak_rss_mb();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    f.extract_peak_rss_full_mb = peak_rss_mb();
    f.megabytes = bytes as f64 / 1e6;
    f.claims = claims;
    f.extract_all_cores_mb_s = f.megabytes / secs;
    f.extract_all_cores_docs_s = docs as f64 / secs;
}

/// Ingest: extraction on every core, one writer, a transaction per batch,
/// into a temporary database; what it stored.
fn ingest(extractor: &Extractor, n: u64, f: &mut Figures) -> anyhow::Result<Stats> {
    let dir = tempfile::tempdir()?;
    let mut store = SqliteStore::open(dir.path().join("bench.db"))?;
    let t = Instant::now();
    // As `ingest` does: the cores extract the next batch while one thread
    // writes the current one.
    let (tx, rx) = std::sync::mpsc::sync_channel::<
        Vec<(claimtrace_model::Document, claimtrace_extract::Extraction)>,
    >(2);
    std::thread::scope(|scope| -> anyhow::Result<()> {
        let writer = scope.spawn(|| -> anyhow::Result<()> {
            for batch in rx {
                let docs: Vec<NewDocument<'_>> = batch
                    .iter()
                    .map(|(d, ex)| NewDocument::new(d, &ex.sentences, &ex.claims))
                    .collect();
                for outcome in store.put_documents(&docs)? {
                    outcome?;
                }
            }
            Ok(())
        });
        let mut start = 0;
        while start < n {
            let end = (start + BATCH).min(n);
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
        writer
            .join()
            .map_err(|_| anyhow::anyhow!("the writer thread panicked"))?
    })?;
    let secs = t.elapsed().as_secs_f64();
    f.ingest_docs_s = n as f64 / secs;
    f.ingest_mb_s = f.megabytes / secs;
    f.ingest_peak_rss_mb = peak_rss_mb();
    Ok(store.stats()?)
}

/// The figures for people.
fn print_figures(f: &Figures, stored: &Stats, peer_docs: u64) {
    println!(
        "claimtrace bench: {} generated articles, {:.1} MB, {} threads",
        f.docs, f.megabytes, f.threads
    );
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
    println!(
        "  ingest (extract + store)        {:>10.2} MB/s  {:>9.0} docs/s",
        f.ingest_mb_s, f.ingest_docs_s
    );
    println!(
        "  ingest peak RSS                 {:>10.1} MB",
        f.ingest_peak_rss_mb
    );
    println!(
        "  stored: {} documents, {} sentences, {} claims",
        stored.documents, stored.sentences, stored.claims
    );
    if peer_docs > 0 {
        println!("  side by side on {} articles, one core each:", peer_docs);
        println!(
            "    claimtrace (full extraction)  {:>10.0} words/s",
            f.claimtrace_words_s
        );
        match (f.spacy_words_s, f.spacy_mb_s) {
            (Some(w), Some(mb)) => {
                println!("    spaCy en_core_web_sm (NER)    {w:>10.0} words/s  ({mb:.2} MB/s)")
            }
            _ => println!(
                "    spaCy en_core_web_sm          {}",
                f.spacy_note.as_deref().unwrap_or("not run")
            ),
        }
    }
}

/// claimtrace on one core and spaCy (its own process) on the same articles.
fn peer_rates(extractor: &claimtrace_extract::Extractor, n: u64, f: &mut Figures) {
    let docs: Vec<claimtrace_model::Document> = (0..n).map(synth::article).collect();
    let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    let t = Instant::now();
    for d in &docs {
        std::hint::black_box(extractor.extract(d));
    }
    f.claimtrace_words_s = words as f64 / t.elapsed().as_secs_f64();
    let peers = match claimtrace_eval::peer::PythonPeers::find() {
        Ok(p) => p,
        Err(e) => {
            f.spacy_note = Some(e);
            return;
        }
    };
    let pairs: Vec<(&str, &str)> = docs
        .iter()
        .map(|d| (d.id.as_str(), d.text.as_str()))
        .collect();
    match peers.spacy_ner(&pairs) {
        Ok(run) if run.stats.seconds > 0.0 => {
            let w = if run.stats.words > 0 {
                run.stats.words
            } else {
                words
            };
            let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
            f.spacy_words_s = Some(w as f64 / run.stats.seconds);
            f.spacy_mb_s = Some(bytes as f64 / 1e6 / run.stats.seconds);
        }
        Ok(_) => f.spacy_note = Some("spaCy reported no timing".into()),
        Err(e) => f.spacy_note = Some(e.to_string()),
    }
}

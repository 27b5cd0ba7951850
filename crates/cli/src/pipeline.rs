//! The batch pipeline shared by `extract`, `ingest`, `profile FILE` and
//! `bench`: inputs → documents → claims, parallel over documents with rayon,
//! in bounded chunks so memory stays flat however large the corpus is, and in
//! input order so output is reproducible.

use std::path::PathBuf;

use claimtrace_extract::{ExtractConfig, Extraction, Extractor};
use claimtrace_ingest::{IngestConfig, Input};
use claimtrace_model::Document;
use clap::Args;
use rayon::prelude::*;

/// Options for reading and extracting documents.
#[derive(Args, Debug, Clone)]
pub struct PipelineArgs {
    /// Files, directories (read recursively) or `-` for standard input.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Largest input accepted, in bytes: a whole file, or one record of a
    /// JSON Lines, CSV/TSV or WARC file.
    #[arg(long, default_value_t = 20 * 1024 * 1024, value_name = "BYTES")]
    pub max_bytes: u64,
    /// The column of a CSV/TSV table holding the text (default: text, body or content).
    #[arg(long, value_name = "NAME")]
    pub text_column: Option<String>,
    /// Extra actors (same format as the built-in knowledge base); repeatable.
    #[arg(long, value_name = "FILE")]
    pub actors: Vec<PathBuf>,
    /// Extra weapon lexicon entries; repeatable.
    #[arg(long, value_name = "FILE")]
    pub weapons: Vec<PathBuf>,
    /// A learned claim-type model written by `claimtrace train type`; it
    /// re-judges the rules' types (default: the rules alone).
    #[arg(long, value_name = "FILE")]
    pub type_model: Option<PathBuf>,
    /// GeoNames table built by scripts/setup-data.sh (default: data/geonames when present).
    #[arg(long, env = "CLAIMTRACE_GAZETTEER", value_name = "DIR")]
    pub gazetteer: Option<PathBuf>,
    /// Worker threads (default: every core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

/// One processed document or one failure, in input order.
pub enum Item {
    Done(Box<Document>, Extraction),
    /// Already known (the `skip` test said so); not extracted.
    Skipped,
    /// A file found in a directory that is not an article (a script, a
    /// stylesheet, an image): counted, not a failure.
    NotArticle,
    /// A one-line error naming the input and the reason.
    Failed(String),
}

/// Documents extracted between two hand-overs to the sink (and, for ingest,
/// stored in one transaction).
const DOCS_PER_BATCH: usize = 256;

pub struct Pipeline {
    extractor: Extractor,
    ingest: IngestConfig,
    chunk_inputs: usize,
}

impl Pipeline {
    pub fn build(args: &PipelineArgs) -> anyhow::Result<Self> {
        if let Some(n) = args.threads {
            // Only the first call in a process can set the global pool; later
            // calls (tests) keep the first setting, which is harmless.
            let _ = rayon::ThreadPoolBuilder::new()
                .num_threads(n.max(1))
                .build_global();
        }
        let gazetteer_dir = args.gazetteer.clone().or_else(|| {
            let default = PathBuf::from("data/geonames");
            default.is_dir().then_some(default)
        });
        let config = ExtractConfig {
            actors_files: args.actors.clone(),
            weapons_files: args.weapons.clone(),
            gazetteer_dir,
            type_model: args.type_model.clone(),
        };
        let extractor = config.build()?;
        let ingest = IngestConfig {
            max_bytes: args.max_bytes,
            text_column: args.text_column.clone(),
        };
        Ok(Pipeline {
            extractor,
            ingest,
            chunk_inputs: rayon::current_num_threads() * 8,
        })
    }

    pub fn extractor(&self) -> &Extractor {
        &self.extractor
    }

    /// Find the inputs named on the command line; failures to find are
    /// returned as one-line messages.
    pub fn discover(&self, args: &[PathBuf]) -> (Vec<Input>, Vec<String>) {
        let args: Vec<PathBuf> = if args.is_empty() {
            vec![PathBuf::from("-")]
        } else {
            args.to_vec()
        };
        let (inputs, errors) = claimtrace_ingest::discover(&args);
        (inputs, errors.into_iter().map(|e| e.to_string()).collect())
    }

    /// Run the pipeline over `inputs`, handing each chunk of results to
    /// `sink` in input order. `skip` is asked before extraction whether a
    /// document is already known (ingest uses it to avoid re-extracting).
    ///
    /// The sink runs on its own thread, fed through a channel of two
    /// batches: while it writes one batch (to the store or stdout), the
    /// cores extract the next, and memory stays bounded. An error from the
    /// sink stops the reading.
    pub fn process(
        &self,
        inputs: &[Input],
        skip: &(dyn Fn(&Document) -> bool + Sync),
        progress: &indicatif::ProgressBar,
        sink: &mut (dyn FnMut(Vec<Item>) -> anyhow::Result<()> + Send),
    ) -> anyhow::Result<()> {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Item>>(2);
        std::thread::scope(|scope| {
            let writer = scope.spawn(move || -> anyhow::Result<()> {
                for items in rx {
                    sink(items)?;
                }
                Ok(())
            });
            self.produce(inputs, skip, progress, &tx);
            drop(tx);
            writer
                .join()
                .map_err(|_| anyhow::anyhow!("the writer thread panicked"))?
        })
    }

    /// Load and extract `inputs` in chunks, sending each batch of results
    /// down `tx`; stops early when the receiver is gone.
    fn produce(
        &self,
        inputs: &[Input],
        skip: &(dyn Fn(&Document) -> bool + Sync),
        progress: &indicatif::ProgressBar,
        tx: &std::sync::mpsc::SyncSender<Vec<Item>>,
    ) {
        for chunk in inputs.chunks(self.chunk_inputs.max(1)) {
            // Reading is parallel per input; a feed or JSONL file yields many
            // documents, which are then extracted in parallel in sub-chunks so
            // that one huge file neither runs on one core nor piles up results.
            let loaded: Vec<_> = chunk
                .par_iter()
                .map(|input| claimtrace_ingest::load(input, &self.ingest))
                .collect();
            let loaded: Vec<_> = loaded.into_iter().flatten().collect();
            let mut rest = loaded.into_iter();
            loop {
                let part: Vec<_> = rest.by_ref().take(DOCS_PER_BATCH).collect();
                if part.is_empty() {
                    break;
                }
                let items: Vec<Item> = part
                    .into_par_iter()
                    .map(|loaded| match loaded {
                        Err(e) if e.is_skip() => Item::NotArticle,
                        Err(e) => Item::Failed(e.to_string()),
                        Ok(doc) if skip(&doc) => Item::Skipped,
                        Ok(doc) => {
                            let ex = self.extractor.extract(&doc);
                            Item::Done(Box::new(doc), ex)
                        }
                    })
                    .collect();
                if tx.send(items).is_err() {
                    return;
                }
            }
            progress.inc(chunk.len() as u64);
        }
    }
}

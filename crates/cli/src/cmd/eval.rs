//! `claimtrace eval`: score the extractor's components on the third-party
//! gold data sets of `../shared/eval` and write EVALUATION.md.

use std::path::PathBuf;
use std::process::ExitCode;

use claimtrace_eval::Split;
use claimtrace_eval::suite::{Component, EvalConfig};

/// Score claimtrace (and its peers) on annotated data written by others.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Components to run (hedge, attribution, claims, events, ner, coding, dates, geo, html); all when none.
    #[arg(value_name = "COMPONENT")]
    pub components: Vec<Component>,
    /// Folder holding the data sets.
    #[arg(long, default_value = "../shared/eval", value_name = "DIR")]
    pub data: PathBuf,
    /// Which part to score: test (reported), dev (for tuning) or all.
    #[arg(long, default_value = "test", value_name = "PART")]
    pub split: Split,
    /// Do not run the Python peers (spaCy, trafilatura).
    #[arg(long)]
    pub no_peers: bool,
    /// GeoNames table built by scripts/setup-data.sh (default: data/geonames when present).
    #[arg(long, env = "CLAIMTRACE_GAZETTEER", value_name = "DIR")]
    pub gazetteer: Option<PathBuf>,
    /// Also write the report as Markdown to this file (EVALUATION.md).
    #[arg(long, value_name = "FILE")]
    pub write: Option<PathBuf>,
    /// Write examples of claimtrace's errors, one file per data set, into
    /// this directory (only with --split dev: never read test documents).
    #[arg(long, value_name = "DIR")]
    pub errors: Option<PathBuf>,
    /// Score claim records against these gold claim files (`articles.jsonl`
    /// and `gold.jsonl` in the format of claims_news_dev) instead of
    /// DATA/claims_news_dev.
    #[arg(long, value_name = "DIR")]
    pub claims_gold: Option<PathBuf>,
    /// Score with a learned claim-type model written by `claimtrace train type`.
    #[arg(long, value_name = "FILE")]
    pub type_model: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let gazetteer_dir = args.gazetteer.clone().or_else(|| {
        let d = PathBuf::from("data/geonames");
        d.is_dir().then_some(d)
    });
    // The command that reproduces the report, from the repository root
    // (whatever binary path this run was started with).
    let command = format!(
        "cargo run --release -p claimtrace -- {}",
        std::env::args().skip(1).collect::<Vec<_>>().join(" ")
    );
    let cfg = EvalConfig {
        data_dir: args.data.clone(),
        split: args.split,
        components: args.components.clone(),
        peers: !args.no_peers,
        gazetteer_dir,
        type_model: args.type_model.clone(),
        command,
        errors_dir: args.errors.clone(),
        claims_dir: args.claims_gold.clone(),
    };
    let report = claimtrace_eval::suite::run(&cfg, &mut |line| eprintln!("claimtrace: {line}"))?;
    print!("{}", report.to_text());
    if let Some(path) = &args.write {
        std::fs::write(path, report.to_markdown())?;
        eprintln!("claimtrace: wrote {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

//! `claimtrace train type`: retrain the learned type model from the tuning
//! part of the real-news gold claims, print its leave-one-event-out
//! cross-validation, and write the weights the extractor ships.

use std::path::PathBuf;
use std::process::ExitCode;

use claimtrace_extract::learn::TrainParams;

/// What to train.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum Model {
    /// The claim-type model (used with `--type-model FILE`).
    Type,
}

/// Retrain a learned component reproducibly.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The model to train.
    #[arg(value_name = "MODEL")]
    pub model: Model,
    /// Gold claim files (`articles.jsonl`, `gold.jsonl`); only the tuning
    /// part's events are read.
    #[arg(
        long,
        default_value = "../shared/eval/claims_news_dev",
        value_name = "DIR"
    )]
    pub claims_gold: PathBuf,
    /// GeoNames table built by scripts/setup-data.sh (default: data/geonames when present).
    #[arg(long, env = "CLAIMTRACE_GAZETTEER", value_name = "DIR")]
    pub gazetteer: Option<PathBuf>,
    /// Where to write the weights.
    #[arg(long, default_value = "type_model.tsv", value_name = "FILE")]
    pub out: PathBuf,
    /// L2 penalty per weight.
    #[arg(long, default_value_t = 0.01)]
    pub l2: f64,
    /// Gradient-descent passes.
    #[arg(long, default_value_t = 300)]
    pub epochs: usize,
    /// Only print the cross-validation; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let Model::Type = args.model;
    let gazetteer = args.gazetteer.clone().or_else(|| {
        let d = PathBuf::from("data/geonames");
        d.is_dir().then_some(d)
    });
    let params = TrainParams {
        l2: args.l2,
        epochs: args.epochs,
        ..TrainParams::default()
    };
    let t = claimtrace_eval::train::train_type(&args.claims_gold, gazetteer.as_deref(), params)?;
    print!("{}", t.cross_validation.to_text());
    if args.dry_run {
        return Ok(ExitCode::SUCCESS);
    }
    let header = format!(
        "claimtrace claim-type model: multinomial logistic regression over the rules' features.\n\
         Trained on {} gold claims of the tuning part of {}.\n\
         Retrain: claimtrace train type --l2 {} --epochs {}\n\
         Format: feature <TAB> class <TAB> weight; weights under 0.01 dropped.",
        t.examples,
        args.claims_gold.display(),
        args.l2,
        args.epochs
    );
    std::fs::write(&args.out, t.model.to_tsv(&header, 0.01))?;
    eprintln!(
        "claimtrace: wrote {} ({} features)",
        args.out.display(),
        t.model.len()
    );
    Ok(ExitCode::SUCCESS)
}

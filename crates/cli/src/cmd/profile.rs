//! `claimtrace profile DOC`: the article sourcing profile — how much of an
//! article rests on no source, on unnamed sources, on named ones, and how
//! much is hedged or opinion. DOC is a stored document id, or a file that is
//! extracted on the fly (no database needed).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use claimtrace_model::{Claim, Profile};
use claimtrace_store::{ClaimQuery, Store};

use crate::db::DbArgs;
use crate::output;
use crate::pipeline::{Item, Pipeline, PipelineArgs};

/// The sourcing profile of one document.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// A stored document id, or a file to extract on the fly.
    #[arg(value_name = "DOC")]
    pub doc: String,
    #[command(flatten)]
    pub db: DbArgs,
    /// JSON (the profile and its claims) instead of a report.
    #[arg(long)]
    pub json: bool,
}

#[derive(serde::Serialize)]
struct ProfileOut<'a> {
    profile: &'a Profile,
    claims: &'a [Claim],
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let path = PathBuf::from(&args.doc);
    let (profile, claims) = if path.is_file() {
        from_file(path)?
    } else {
        let store = args.db.open_existing()?;
        let Some(profile) = store.profile(&args.doc)? else {
            anyhow::bail!(
                "no stored document '{}' and no such file (see `claimtrace docs`)",
                args.doc
            );
        };
        let query = ClaimQuery {
            doc: Some(args.doc.clone()),
            limit: usize::MAX / 2,
            ..Default::default()
        };
        (profile, store.claims(&query)?.items)
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.json {
        serde_json::to_writer_pretty(
            &mut out,
            &ProfileOut {
                profile: &profile,
                claims: &claims,
            },
        )?;
        writeln!(out)?;
    } else {
        write!(out, "{}", output::profile_report(&profile, &claims))?;
    }
    out.flush().ok();
    Ok(ExitCode::SUCCESS)
}

fn from_file(path: PathBuf) -> anyhow::Result<(Profile, Vec<Claim>)> {
    let pipeline_args = PipelineArgs {
        inputs: vec![path.clone()],
        max_bytes: 20 * 1024 * 1024,
        text_column: None,
        actors: Vec::new(),
        weapons: Vec::new(),
        type_model: None,
        gazetteer: None,
        threads: None,
    };
    let pipeline = Pipeline::build(&pipeline_args)?;
    let (inputs, failures) = pipeline.discover(&pipeline_args.inputs);
    if let Some(f) = failures.first() {
        anyhow::bail!("{f}");
    }
    let mut result = None;
    let mut error = None;
    pipeline.process(
        &inputs,
        &|_| false,
        &indicatif::ProgressBar::hidden(),
        &mut |items| {
            for item in items {
                match item {
                    Item::Done(doc, ex) if result.is_none() => {
                        let p = Profile::from_claims(
                            &doc.id,
                            doc.title.clone(),
                            doc.outlet.clone(),
                            &ex.claims,
                        );
                        result = Some((p, ex.claims));
                    }
                    Item::Failed(msg) => error = Some(msg),
                    _ => {}
                }
            }
            Ok(())
        },
    )?;
    match (result, error) {
        (Some(r), _) => Ok(r),
        (None, Some(e)) => anyhow::bail!("{e}"),
        (None, None) => anyhow::bail!("{}: no document found", path.display()),
    }
}

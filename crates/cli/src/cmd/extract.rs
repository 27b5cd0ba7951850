//! `claimtrace extract`: documents in, claim records out as JSON Lines (or a
//! table), no database.

use std::io::{self, Write};
use std::process::ExitCode;

use crate::output::{self, Format};
use crate::pipeline::{Item, Pipeline, PipelineArgs};

/// Read documents and print their claim records.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub pipeline: PipelineArgs,
    /// jsonl: one claim record per line; table: for people.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: Format,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let pipeline = Pipeline::build(&args.pipeline)?;
    let (inputs, mut failures) = pipeline.discover(&args.pipeline.inputs);
    failures.iter().for_each(|f| output::report_failure(f));
    // Written from the pipeline's writer thread.
    let mut out = io::BufWriter::new(io::stdout());
    let mut open = true;
    let mut not_articles = 0usize;
    pipeline.process(
        &inputs,
        &|_| false,
        &indicatif::ProgressBar::hidden(),
        &mut |items| {
            for item in items {
                match item {
                    Item::Failed(msg) => {
                        output::report_failure(&msg);
                        failures.push(msg);
                    }
                    Item::NotArticle => not_articles += 1,
                    Item::Done(_, ex) if open => match args.format {
                        Format::Jsonl => open = output::write_jsonl(&mut out, &ex.claims)?,
                        Format::Table => {
                            if !ex.claims.is_empty() {
                                open = writeln!(
                                    out,
                                    "{}",
                                    output::table_text(&output::claims_table(&ex.claims))
                                )
                                .is_ok();
                            }
                        }
                    },
                    _ => {}
                }
            }
            Ok(())
        },
    )?;
    let _ = out.flush();
    if not_articles > 0 {
        eprintln!(
            "claimtrace: skipped {not_articles} files that are not articles (scripts, stylesheets, images, fonts, archives)"
        );
    }
    Ok(if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(super::EXIT_FAILURE)
    })
}

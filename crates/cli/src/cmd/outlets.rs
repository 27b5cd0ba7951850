//! `claimtrace outlets`: per outlet, its claims by source kind and firmness,
//! and how often its claims in events are corroborated by another
//! independent origin or contradicted by one.
//!
//! `--json` writes one [`claimtrace_model::OutletProfile`] per line.

use std::io::{self, Write};
use std::process::ExitCode;

use claimtrace_model::{OutletProfile, ProfileCount};
use claimtrace_store::Store;
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use crate::db::DbArgs;
use crate::output;

/// Outlet profiles over the stored documents.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub db: DbArgs,
    /// JSON Lines (one outlet per line) instead of a table.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = args.db.open_existing()?;
    let profiles = store.outlet_profiles()?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.json {
        output::write_jsonl(&mut out, &profiles)?;
    } else {
        writeln!(out, "{}", output::table_text(&table(&profiles)))?;
        writeln!(
            out,
            "{} outlets. corroborated: claims in events that another independent origin supports; contradicted: claims on one side of a contradiction with another origin (shares of claims in events).",
            profiles.len()
        )?;
    }
    out.flush().ok();
    Ok(ExitCode::SUCCESS)
}

/// Non-zero rows as `label n (share%)`, one per line.
fn counts(rows: &[ProfileCount]) -> String {
    let v: Vec<String> = rows
        .iter()
        .filter(|r| r.count > 0)
        .map(|r| format!("{} {} ({:.0}%)", r.label, r.count, r.share * 100.0))
        .collect();
    if v.is_empty() {
        "–".into()
    } else {
        v.join("\n")
    }
}

fn table(profiles: &[OutletProfile]) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    t.set_header(vec![
        "outlet",
        "docs",
        "claims",
        "by source kind",
        "by firmness",
        "in events",
        "corroborated",
        "contradicted",
    ]);
    for p in profiles {
        t.add_row(vec![
            p.outlet.clone(),
            p.documents.to_string(),
            p.claims.to_string(),
            counts(&p.by_source_kind),
            counts(&p.by_epistemic),
            p.in_events.to_string(),
            format!("{} ({:.0}%)", p.corroborated, p.corroboration_rate * 100.0),
            format!("{} ({:.0}%)", p.contradicted, p.contradiction_rate * 100.0),
        ]);
    }
    t
}

//! `claimtrace docs`: the stored documents.

use std::io::{self, Write};
use std::process::ExitCode;

use claimtrace_store::{DocQuery, Store};
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use crate::db::DbArgs;
use crate::output;

/// List stored documents.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub db: DbArgs,
    /// JSON Lines instead of a table.
    #[arg(long)]
    pub json: bool,
    /// At most this many documents.
    #[arg(long, default_value_t = 1000, value_name = "N")]
    pub limit: usize,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = args.db.open_existing()?;
    let docs = store.documents(&DocQuery {
        limit: args.limit,
        ..Default::default()
    })?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.json {
        output::write_jsonl(&mut out, &docs)?;
    } else {
        let mut t = Table::new();
        t.load_style(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic);
        t.set_header(vec![
            "id",
            "published",
            "outlet",
            "format",
            "claims",
            "title",
        ]);
        for d in &docs {
            t.add_row(vec![
                d.id.clone(),
                d.published.clone().unwrap_or_default(),
                d.outlet.clone().unwrap_or_default(),
                d.format.clone(),
                d.claims.to_string(),
                d.title.clone().unwrap_or_default(),
            ]);
        }
        writeln!(out, "{}", output::table_text(&t))?;
        writeln!(out, "{} documents", docs.len())?;
    }
    out.flush().ok();
    Ok(ExitCode::SUCCESS)
}

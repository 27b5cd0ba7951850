//! `claimtrace claims`: search and filter stored claims.

use std::io::{self, Write};
use std::process::ExitCode;

use claimtrace_model::{ClaimType, Epistemic, SourceKind};
use claimtrace_store::{ClaimQuery, Store};

use crate::db::DbArgs;
use crate::output;

/// Search and filter stored claims.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub db: DbArgs,
    #[command(flatten)]
    pub filter: ClaimFilter,
    /// JSON Lines instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// The claim filters, shared by `claims` and `export`.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct ClaimFilter {
    /// Full-text search over claim sentences.
    #[arg(long, value_name = "TEXT")]
    pub q: Option<String>,
    /// Claim type (attack, arms_transfer, ...).
    #[arg(long = "type", value_name = "T")]
    pub claim_type: Option<ClaimType>,
    /// Source kind (named_person, media, author, ...).
    #[arg(long, value_name = "K")]
    pub source_kind: Option<SourceKind>,
    /// Firmness (asserted, reported, hedged, denied, opinion).
    #[arg(long, value_name = "E")]
    pub epistemic: Option<Epistemic>,
    /// Actor, target or source name (case-insensitive).
    #[arg(long, value_name = "NAME")]
    pub actor: Option<String>,
    /// Claims dated on or after this day (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE", value_parser = crate::cmd::date_arg)]
    pub since: Option<String>,
    /// Claims dated on or before this day.
    #[arg(long, value_name = "DATE", value_parser = crate::cmd::date_arg)]
    pub until: Option<String>,
    /// Only claims of this document.
    #[arg(long, value_name = "ID")]
    pub doc: Option<String>,
    /// Only claims of documents from this outlet.
    #[arg(long, value_name = "NAME")]
    pub outlet: Option<String>,
    /// At most this many claims (0: all).
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub limit: usize,
    /// Skip this many claims first.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub offset: usize,
}

impl ClaimFilter {
    pub fn to_query(&self) -> ClaimQuery {
        ClaimQuery {
            q: self.q.clone(),
            claim_type: self.claim_type,
            source_kind: self.source_kind,
            epistemic: self.epistemic,
            actor: self.actor.clone(),
            since: self.since.clone(),
            until: self.until.clone(),
            doc: self.doc.clone(),
            outlet: self.outlet.clone(),
            limit: self.limit,
            offset: self.offset,
            count_cap: None,
        }
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = args.db.open_existing()?;
    let page = store.claims(&args.filter.to_query())?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.json {
        output::write_jsonl(&mut out, &page.items)?;
    } else {
        writeln!(
            out,
            "{}",
            output::table_text(&output::claims_table(&page.items))
        )?;
        writeln!(
            out,
            "{} of {} claims (offset {}; --limit/--offset for more, --json for records)",
            page.items.len(),
            page.total,
            args.filter.offset
        )?;
    }
    out.flush().ok();
    Ok(ExitCode::SUCCESS)
}

//! `claimtrace events`: the stored events, one row each, with how many
//! independent origins stand behind them and where their reports disagree.
//!
//! `--json` writes one [`claimtrace_model::Event`] per line (every member
//! claim in `claims`, origins, contradictions with both sides).

use std::io::{self, Write};
use std::process::ExitCode;

use claimtrace_model::{ClaimType, CorroborationLevel, Event};
use claimtrace_store::{EventQuery, Store};
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use crate::db::DbArgs;
use crate::output;

/// The corroboration level as typed on the command line.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Every claim rests on one origin.
    Single,
    /// Two or more independent origins, nothing contradicting.
    Corroborated,
    /// Claims of different origins contradict each other.
    Contested,
}

impl From<Level> for CorroborationLevel {
    fn from(l: Level) -> Self {
        match l {
            Level::Single => CorroborationLevel::SingleSource,
            Level::Corroborated => CorroborationLevel::Corroborated,
            Level::Contested => CorroborationLevel::Contested,
        }
    }
}

/// List stored events.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub db: DbArgs,
    /// Event type (attack, arms_transfer, ...).
    #[arg(long = "type", value_name = "T")]
    pub event_type: Option<ClaimType>,
    /// Actor or target name (case-insensitive substring).
    #[arg(long, value_name = "NAME")]
    pub actor: Option<String>,
    /// Events whose days reach this day or later (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE", value_parser = crate::cmd::date_arg)]
    pub since: Option<String>,
    /// Events whose days start on or before this day.
    #[arg(long, value_name = "DATE", value_parser = crate::cmd::date_arg)]
    pub until: Option<String>,
    /// Corroboration level.
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub level: Option<Level>,
    /// At least this many independent origins.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub min_origins: usize,
    /// At most this many events (0: all).
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub limit: usize,
    /// Skip this many events first.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub offset: usize,
    /// JSON Lines (one event per line) instead of a table.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = args.db.open_existing()?;
    let page = store.events(&EventQuery {
        event_type: args.event_type,
        actor: args.actor.clone(),
        since: args.since.clone(),
        until: args.until.clone(),
        level: args.level.map(Into::into),
        min_origins: args.min_origins,
        limit: args.limit,
        offset: args.offset,
    })?;
    let pending = store.pending_corroboration(0)?.len();
    if pending > 0 {
        output::note(format_args!(
            "{pending} stored documents are not corroborated yet (run `claimtrace ingest` again to include them)"
        ));
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.json {
        output::write_jsonl(&mut out, &page.items)?;
    } else {
        writeln!(out, "{}", output::table_text(&table(&page.items)))?;
        writeln!(
            out,
            "{} of {} events (offset {}; --limit/--offset for more, `claimtrace event ID` for one, --json for records)",
            page.items.len(),
            page.total,
            args.offset
        )?;
    }
    out.flush().ok();
    Ok(ExitCode::SUCCESS)
}

/// The days an event covers, as one short string.
pub fn days(e: &Event) -> String {
    match (&e.date_start, &e.date_end) {
        (Some(a), Some(b)) if a == b => a.clone(),
        (Some(a), Some(b)) => format!("{a}..{b}"),
        (Some(a), None) | (None, Some(a)) => a.clone(),
        (None, None) => "–".into(),
    }
}

/// Actor and target names, `actors → targets`.
pub fn parties(e: &Event) -> String {
    let join = |v: &[String]| {
        if v.is_empty() {
            "?".to_string()
        } else {
            let mut s = v.iter().take(2).cloned().collect::<Vec<_>>().join(", ");
            if v.len() > 2 {
                s.push_str(&format!(" +{}", v.len() - 2));
            }
            s
        }
    };
    if e.actors.is_empty() && e.targets.is_empty() {
        return "–".into();
    }
    format!("{} → {}", join(&e.actors), join(&e.targets))
}

/// The level as people read it.
pub fn level(e: &Event) -> String {
    match e.level {
        CorroborationLevel::SingleSource => "single source".into(),
        CorroborationLevel::Corroborated => {
            format!("corroborated ×{}", e.independent_origins)
        }
        CorroborationLevel::Contested => "CONTESTED".into(),
    }
}

fn table(events: &[Event]) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    t.set_header(vec![
        "event",
        "type",
        "date",
        "place",
        "actors → targets",
        "independent origins",
        "reports",
        "level",
        "contradictions",
    ]);
    for e in events {
        let denying = e.origins.iter().filter(|o| o.denies).count();
        let mut origins = e.independent_origins.to_string();
        if denying > 0 {
            origins.push_str(&format!(" (+{denying} denying)"));
        }
        // The first two in full; the report of `claimtrace event` has all.
        let mut contradictions: Vec<String> = e
            .contradictions
            .iter()
            .take(2)
            .map(|c| format!("{}: {}", c.kind.as_str(), c.detail))
            .collect();
        match e.contradictions.len() {
            0 => contradictions.push("–".into()),
            n if n > 2 => contradictions.push(format!("(+{} more)", n - 2)),
            _ => {}
        }
        let contradictions = contradictions.join("\n");
        t.add_row(vec![
            e.id.clone(),
            e.event_type.to_string(),
            days(e),
            e.place
                .as_ref()
                .map(|p| p.name.clone())
                .unwrap_or("–".into()),
            parties(e),
            origins,
            format!("{} claims, {} docs", e.claims.len(), e.documents.len()),
            level(e),
            contradictions,
        ]);
    }
    t
}

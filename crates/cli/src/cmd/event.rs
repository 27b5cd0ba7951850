//! `claimtrace event ID`: one event with every claim behind it (document,
//! outlet, source, firmness, sentence), its independent origins, and its
//! contradictions with both sides and their sources.
//!
//! `--json` writes one [`EventDetail`] object (found and read by
//! [`claimtrace_app::event_detail`], the lookup `/api/events/{id}` uses):
//! `{"event": Event, "reports": [{"claim": Claim, "document": {...},
//! "origin": "name:tass", "corroborated": bool, "contradicted": bool}]}` —
//! `event` as in `claimtrace events --json`, `claim` as in
//! `claimtrace claims --json` (reviews applied), one report per member claim
//! in joining order.

use std::collections::HashMap;
use std::io::{self, Write};
use std::process::ExitCode;

use claimtrace_app::{EventDetail, Report, event_detail};
use claimtrace_model::{Claim, Event};

use crate::cmd::events::{days, level, parties};
use crate::db::DbArgs;

/// Show one event with all its claims.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub db: DbArgs,
    /// Event id (`ev:…`, as `claimtrace events` lists it), or the id of one
    /// of its claims.
    #[arg(value_name = "ID")]
    pub id: String,
    /// One JSON object instead of a report.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = args.db.open_existing()?;
    let Some(d) = event_detail(&store, &args.id)? else {
        anyhow::bail!(
            "no event '{}' (see `claimtrace events`; an event id or a claim id)",
            args.id
        );
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.json {
        writeln!(out, "{}", serde_json::to_string(&d)?)?;
    } else {
        write!(out, "{}", report(&d))?;
    }
    out.flush().ok();
    Ok(ExitCode::SUCCESS)
}

fn short(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max.saturating_sub(1)).collect();
    format!("{cut}…")
}

fn source(c: &Claim) -> String {
    if c.source.text.is_empty() && c.source.kind.as_str() == "author" {
        format!("the article ({})", c.source.kind)
    } else {
        format!("{} ({})", c.source.name, c.source.kind)
    }
}

fn firmness(c: &Claim) -> String {
    if c.cues.is_empty() {
        c.epistemic.to_string()
    } else {
        format!("{} [{}]", c.epistemic, c.cues.join(", "))
    }
}

/// The event as a report a reader takes in at a glance.
pub fn report(d: &EventDetail) -> String {
    let e = &d.event;
    let mut s = overview(e);
    origins(&mut s, e);
    contradictions(&mut s, d);
    claims(&mut s, d);
    s
}

/// Id, label, level, type, date, place, parties, first report, firmness,
/// source kinds and summary.
fn overview(e: &Event) -> String {
    let mut s = String::new();
    s.push_str(&format!("{}\n{}\n\n", e.id, e.label));
    let denying = e.origins.iter().filter(|o| o.denies).count();
    s.push_str(&format!(
        "level: {} — {} independent origin{}{}, {} claims in {} documents\n",
        level(e),
        e.independent_origins,
        if e.independent_origins == 1 { "" } else { "s" },
        if denying > 0 {
            format!(" (+{denying} only denying)")
        } else {
            String::new()
        },
        e.claims.len(),
        e.documents.len()
    ));
    s.push_str(&format!("type: {}   date: {}   ", e.event_type, days(e)));
    match &e.place {
        Some(p) => s.push_str(&format!(
            "place: {}{}\n",
            p.name,
            p.country
                .as_ref()
                .map(|c| format!(" ({c})"))
                .unwrap_or_default()
        )),
        None => s.push_str("place: –\n"),
    }
    s.push_str(&format!("who: {}\n", parties(e)));
    if let Some(first) = &e.earliest {
        s.push_str(&format!(
            "first reported: {} ({})\n",
            first.doc,
            first.published.as_deref().unwrap_or("date unknown")
        ));
    }
    let spread: Vec<String> = e
        .firmness
        .iter()
        .map(|p| format!("{} {}", p.label, p.count))
        .collect();
    s.push_str(&format!("firmness: {}\n", spread.join(", ")));
    let kinds: Vec<String> = e
        .source_kinds
        .iter()
        .map(|p| format!("{} {}", p.label, p.count))
        .collect();
    s.push_str(&format!("source kinds: {}\n", kinds.join(", ")));
    s.push_str(&format!("\nsummary: {}\n", short(&e.summary, 300)));
    s
}

/// One line per origin (with its documents when there are several).
fn origins(s: &mut String, e: &Event) {
    s.push_str(&format!("\nOrigins ({})\n", e.origins.len()));
    for o in &e.origins {
        let kinds: Vec<&str> = o.source_kinds.iter().map(|k| k.as_str()).collect();
        s.push_str(&format!(
            "  {} — {} claim{} in {} document{} [{}]{}\n",
            o.label,
            o.claims,
            if o.claims == 1 { "" } else { "s" },
            o.documents.len(),
            if o.documents.len() == 1 { "" } else { "s" },
            kinds.join(", "),
            if o.denies { " — denies" } else { "" }
        ));
        if o.documents.len() > 1 {
            s.push_str(&format!("      documents: {}\n", o.documents.join(", ")));
        }
    }
}

/// Each contradiction with both sides' claims.
fn contradictions(s: &mut String, d: &EventDetail) {
    let e = &d.event;
    let by_claim: HashMap<&str, &Report> =
        d.reports.iter().map(|r| (r.claim.id.as_str(), r)).collect();
    if !e.contradictions.is_empty() {
        s.push_str(&format!("\nContradictions ({})\n", e.contradictions.len()));
        for c in &e.contradictions {
            s.push_str(&format!("  {}: {}\n", c.kind.as_str(), c.detail));
            for (side, id, origin) in [("A", &c.a, &c.a_origin), ("B", &c.b, &c.b_origin)] {
                match by_claim.get(id.as_str()) {
                    Some(r) => s.push_str(&format!(
                        "    {side}: {} · {} · source {} · {} · origin {}\n       “{}”\n",
                        r.document.outlet.as_deref().unwrap_or(&r.document.id),
                        r.claim.id,
                        source(&r.claim),
                        firmness(&r.claim),
                        origin,
                        short(&r.claim.sentence, 220)
                    )),
                    None => s.push_str(&format!("    {side}: {id} · origin {origin}\n")),
                }
            }
        }
    }
}

/// Every member claim with its document, source, firmness and origin.
fn claims(s: &mut String, d: &EventDetail) {
    s.push_str(&format!("\nClaims ({})\n", d.reports.len()));
    for (i, r) in d.reports.iter().enumerate() {
        let mut flags = Vec::new();
        if r.corroborated {
            flags.push("corroborated");
        }
        if r.contradicted {
            flags.push("contradicted");
        }
        s.push_str(&format!(
            "  [{}] {} — {} ({}) {}\n      source: {} · firmness: {} · origin: {}{}\n      “{}”\n",
            i + 1,
            r.claim.id,
            r.document.outlet.as_deref().unwrap_or("(no outlet)"),
            r.document.id,
            r.document.published.as_deref().unwrap_or(""),
            source(&r.claim),
            firmness(&r.claim),
            r.origin,
            if flags.is_empty() {
                String::new()
            } else {
                format!(" · {}", flags.join(", "))
            },
            short(&r.claim.sentence, 300)
        ));
    }
}

//! How results are shown to people (tables, the profile report) and how
//! failures are reported on stderr. Data goes to stdout, messages to stderr.

use std::io::{self, Write};

use claimtrace_model::{Claim, Profile};
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

/// -1 quiet, 0 normal, 1.. verbose: set once from the global flags.
static VERBOSITY: std::sync::atomic::AtomicI8 = std::sync::atomic::AtomicI8::new(0);

/// Record `--quiet` / `-v` for [`note`], [`detail`] and [`is_quiet`].
pub fn set_verbosity(quiet: bool, verbose: u8) {
    let level = if quiet {
        -1
    } else {
        i8::try_from(verbose).unwrap_or(i8::MAX)
    };
    VERBOSITY.store(level, std::sync::atomic::Ordering::Relaxed);
}

fn verbosity() -> i8 {
    VERBOSITY.load(std::sync::atomic::Ordering::Relaxed)
}

/// `--quiet` was given: no progress bars, no summaries.
pub fn is_quiet() -> bool {
    verbosity() < 0
}

/// A summary line on stderr (`claimtrace: exported 12 records`), unless `--quiet`.
pub fn note(msg: std::fmt::Arguments<'_>) {
    if !is_quiet() {
        eprintln!("claimtrace: {msg}");
    }
}

/// A detail line on stderr, only with `-v`.
pub fn detail(msg: std::fmt::Arguments<'_>) {
    if verbosity() > 0 {
        eprintln!("claimtrace: {msg}");
    }
}

/// Report one failed input on stderr, on one line.
pub fn report_failure(message: &str) {
    eprintln!("claimtrace: {message}");
}

/// Whether an error comes from writing to a pipe whose reader has closed it
/// (`claimtrace claims | head`): the program then ends quietly with status 0.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// A table as people read it on a terminal (boxes, wrapped to the width),
/// or, when standard output is a pipe or a file, as plain tab-separated
/// text: a header line, then one line per row, tabs and line breaks in
/// cells turned into spaces, so `cut`, `awk` and spreadsheets read it.
pub fn table_text(t: &comfy_table::Table) -> String {
    if io::IsTerminal::is_terminal(&io::stdout()) {
        return t.to_string();
    }
    tsv(t)
}

/// The tab-separated form of a table.
pub fn tsv(t: &comfy_table::Table) -> String {
    let line = |row: &comfy_table::Row| {
        row.cell_iter()
            .map(|c| c.content().replace(['\t', '\n', '\r'], " "))
            .collect::<Vec<_>>()
            .join("\t")
    };
    let mut lines: Vec<String> = t.header().map(line).into_iter().collect();
    lines.extend(t.row_iter().map(line));
    lines.join("\n")
}

/// Output format chosen with `--format`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line (for scripts).
    Jsonl,
    /// A table (for people).
    Table,
}

/// Write JSON Lines, treating a closed pipe (`| head`) as a normal end.
pub fn write_jsonl<T: serde::Serialize>(out: &mut dyn Write, items: &[T]) -> anyhow::Result<bool> {
    for item in items {
        let line = serde_json::to_string(item)?;
        if let Err(e) = writeln!(out, "{line}") {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return Ok(false);
            }
            return Err(e.into());
        }
    }
    Ok(true)
}

fn short(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max.saturating_sub(1)).collect();
    format!("{cut}…")
}

/// A readable table of claims: one row each, the sentence shortened.
pub fn claims_table(claims: &[Claim]) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    t.set_header(vec![
        "claim",
        "type",
        "firmness",
        "source",
        "actor → target",
        "date",
        "place",
        "sentence",
    ]);
    for c in claims {
        let source = if c.source.text.is_empty() {
            c.source.kind.to_string()
        } else {
            format!("{} ({})", c.source.name, c.source.kind)
        };
        let actor = c.actor.as_ref().map(|m| m.name.as_str()).unwrap_or("–");
        let target = c.target.as_ref().map(|m| m.name.as_str()).unwrap_or("–");
        let date = c.date.as_ref().map(|d| d.value.as_str()).unwrap_or("–");
        let place = c.place.as_ref().map(|p| p.name.as_str()).unwrap_or("–");
        let mut firmness = c.epistemic.to_string();
        if !c.cues.is_empty() {
            firmness = format!("{firmness}\n[{}]", c.cues.join(", "));
        }
        t.add_row(vec![
            c.id.clone(),
            c.claim_type.to_string(),
            firmness,
            source,
            format!("{actor} → {target}"),
            date.to_string(),
            place.to_string(),
            short(&c.sentence, 140),
        ]);
    }
    t
}

fn bar(share: f64, width: usize) -> String {
    let n = (share * width as f64).round() as usize;
    "█".repeat(n.min(width))
}

/// The sourcing profile as a report a reader takes in at a glance.
pub fn profile_report(p: &Profile, claims: &[Claim]) -> String {
    let mut s = String::new();
    let title = p.title.as_deref().unwrap_or(&p.doc);
    s.push_str(&format!("{title}\n"));
    if let Some(o) = &p.outlet {
        s.push_str(&format!("outlet: {o}\n"));
    }
    s.push_str(&format!("document: {}\nclaims: {}\n\n", p.doc, p.claims));
    s.push_str("Who says so (source.kind)\n");
    for row in &p.by_source_kind {
        s.push_str(&format!(
            "  {:<22} {:>4}  {:>5.1}%  {}\n",
            row.label,
            row.count,
            row.share * 100.0,
            bar(row.share, 30)
        ));
    }
    s.push_str("\nHow firmly (epistemic)\n");
    for row in &p.by_epistemic {
        s.push_str(&format!(
            "  {:<22} {:>4}  {:>5.1}%  {}\n",
            row.label,
            row.count,
            row.share * 100.0,
            bar(row.share, 30)
        ));
    }
    if !p.by_type.is_empty() {
        s.push_str("\nWhat about (type)\n");
        for row in &p.by_type {
            s.push_str(&format!("  {:<30} {:>4}\n", row.label, row.count));
        }
    }
    if !p.named_sources.is_empty() {
        s.push_str("\nNamed sources it leans on\n");
        for n in &p.named_sources {
            s.push_str(&format!("  {:>3} × {} ({})\n", n.count, n.name, n.kind));
        }
    }
    if !p.unsourced.is_empty() {
        s.push_str(&format!(
            "\nClaims resting on no source ({})\n",
            p.unsourced.len()
        ));
        for id in &p.unsourced {
            if let Some(c) = claims.iter().find(|c| &c.id == id) {
                s.push_str(&format!(
                    "  [{}] {} — {}\n",
                    c.epistemic,
                    c.id,
                    short(&c.sentence, 110)
                ));
            }
        }
    }
    let opinions: Vec<&Claim> = claims
        .iter()
        .filter(|c| c.epistemic.as_str() == "opinion")
        .collect();
    if !opinions.is_empty() {
        s.push_str(&format!("\nThe author's opinion ({})\n", opinions.len()));
        for c in opinions {
            s.push_str(&format!("  {} — {}\n", c.id, short(&c.sentence, 110)));
        }
    }
    s
}

//! Article main text on the Scrapinghub benchmark: claimtrace's HTML reader
//! (`claimtrace_ingest::HtmlPage`) scored with the benchmark's own metric
//! (`claimtrace_ingest::ShingleScore`), beside the peers' committed outputs
//! and, when installed, trafilatura 2.3.1 run now on the same pages.

use claimtrace_ingest::{HtmlPage, ShingleScore};

use super::{Ctx, folder};
use crate::data::scrapinghub::{self, Page};
use crate::error::Result;
use crate::peer::{NOT_INSTALLED, PeerStats};
use crate::report::{Headline, Section, Table, Target, f3};

pub(crate) fn sections(ctx: &Ctx<'_>, progress: &mut dyn FnMut(&str)) -> Result<Vec<Section>> {
    let dir = ctx.path(folder::HTML)?;
    let all = scrapinghub::load(&dir)?;
    let pages: Vec<&Page> = all
        .iter()
        .filter(|p| ctx.keep(folder::HTML, &p.id))
        .collect();
    let html: Vec<String> = pages
        .iter()
        .map(|p| String::from_utf8_lossy(&p.html).into_owned())
        .collect();
    let mut table = Table::new(&["system", "P", "R", "F1", "exact pages"]);
    let mut notes = Vec::new();
    let t0 = std::time::Instant::now();
    let ours: Vec<String> = html.iter().map(|h| HtmlPage::extract(h).text).collect();
    let secs = t0.elapsed().as_secs_f64();
    let s = ShingleScore::score(
        pages
            .iter()
            .zip(&ours)
            .map(|(p, o)| (p.gold.as_str(), o.as_str())),
    );
    let bytes: usize = html.iter().map(String::len).sum();
    table.row(score_row("claimtrace (HtmlPage::extract)".into(), s));
    let ours_f1 = s.f1;
    let mut peer_f1: Option<(String, f64)> = None;
    notes.push(format!(
        "claimtrace: {:.1} pages/s, {:.2} MB/s of HTML.",
        pages.len() as f64 / secs.max(1e-9),
        bytes as f64 / 1e6 / secs.max(1e-9)
    ));

    match trafilatura_now(ctx, progress, &pages, &html)? {
        Some((s, stats)) => {
            peer_f1 = Some(("trafilatura, run now".into(), s.f1));
            table.row(score_row(format!("{} (run now)", stats.tool), s));
            if stats.seconds > 0.0 {
                notes.push(format!(
                    "{}: {:.1} pages/s.",
                    stats.tool,
                    pages.len() as f64 / stats.seconds
                ));
            }
        }
        None => notes.push(format!("trafilatura {NOT_INSTALLED}")),
    }

    for peer in scrapinghub::load_peers(&dir)? {
        let empty = String::new();
        let s = ShingleScore::score(pages.iter().map(|p| {
            (
                p.gold.as_str(),
                peer.bodies.get(&p.id).unwrap_or(&empty).as_str(),
            )
        }));
        let v = if peer.version.is_empty() {
            String::new()
        } else {
            format!(" {}", peer.version)
        };
        if peer_f1.is_none() && peer.tool == "trafilatura" {
            peer_f1 = Some((format!("trafilatura{v}, committed output"), s.f1));
        }
        table.row(score_row(
            format!("{}{v} (benchmark's committed output)", peer.tool),
            s,
        ));
    }
    notes.push("Metric of the benchmark's evaluate.py: 4-gram shingles of `\\w+` tokens, per-page P/R averaged over pages, F1 of the two means; \"exact pages\" = share of pages whose token sequence equals the gold one.".into());
    Ok(vec![Section {
        headlines: vec![Headline::new(
            "shingle F1",
            ours_f1,
            peer_f1,
            Target::AtLeast(0.95),
        )],
        component: "HTML main text".into(),
        dataset: "Scrapinghub article-extraction benchmark".into(),
        source: format!(
            "`{}` (MIT; pages third-party): {}.",
            folder::HTML,
            ctx.count(pages.len(), all.len(), "pages")
        ),
        table,
        notes,
    }])
}

/// A table row: the system's name and its scores.
fn score_row(name: String, s: ShingleScore) -> Vec<String> {
    vec![
        name,
        f3(s.precision),
        f3(s.recall),
        f3(s.f1),
        f3(s.accuracy),
    ]
}

/// trafilatura run now on `pages` (their `html`), scored; `None` when it is
/// not installed.
fn trafilatura_now(
    ctx: &Ctx<'_>,
    progress: &mut dyn FnMut(&str),
    pages: &[&Page],
    html: &[String],
) -> Result<Option<(ShingleScore, PeerStats)>> {
    let py = match &ctx.peers {
        Ok(py) if py.has("trafilatura") => py,
        _ => return Ok(None),
    };
    progress(&format!("  trafilatura on {} pages", pages.len()));
    let input: Vec<(&str, &str)> = pages
        .iter()
        .zip(html)
        .map(|(p, h)| (p.id.as_str(), h.as_str()))
        .collect();
    let (texts, stats) = py.trafilatura(&input)?;
    let empty = String::new();
    let s = ShingleScore::score(
        pages
            .iter()
            .map(|p| (p.gold.as_str(), texts.get(&p.id).unwrap_or(&empty).as_str())),
    );
    Ok(Some((s, stats)))
}

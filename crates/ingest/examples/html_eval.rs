//! HTML main-text extraction benchmark on the Scrapinghub/Zyte
//! article-extraction-benchmark layout (`ground-truth.json`,
//! `html/<id>.html.gz`, optional `peer_outputs/*.json`).
//!
//! ```text
//! cargo run --release -p claimtrace-ingest --example html_eval -- \
//!     ../shared/eval/article_extraction_scrapinghub [--worst N] [--out predictions.json]
//! ```
//! Prints precision / recall / F1 / accuracy (the benchmark's own metric,
//! `claimtrace_ingest::ShingleScore`) and pages per second of extraction
//! (decompression and file reading excluded), then the peer outputs' scores.

use std::collections::BTreeMap;
use std::error::Error;
use std::fs;
use std::io::Read;
use std::path::PathBuf;
use std::time::Instant;

use claimtrace_ingest::{HtmlPage, ShingleMatch, ShingleScore};
use flate2::read::GzDecoder;
use serde_json::{Value, json};

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let mut dir = PathBuf::from("../shared/eval/article_extraction_scrapinghub");
    let mut worst = 0usize;
    let mut out: Option<PathBuf> = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--worst" => worst = args.next().ok_or("--worst needs N")?.parse()?,
            "--out" => out = Some(args.next().ok_or("--out needs a path")?.into()),
            _ => dir = PathBuf::from(a),
        }
    }
    let gold: BTreeMap<String, Value> =
        serde_json::from_str(&fs::read_to_string(dir.join("ground-truth.json"))?)?;
    let mut pages = Vec::new();
    for id in gold.keys() {
        let mut html = String::new();
        GzDecoder::new(fs::File::open(
            dir.join("html").join(format!("{id}.html.gz")),
        )?)
        .read_to_string(&mut html)?;
        pages.push((id.clone(), html));
    }
    let bytes: usize = pages.iter().map(|(_, h)| h.len()).sum();
    let start = Instant::now();
    let predicted: Vec<String> = pages
        .iter()
        .map(|(_, h)| HtmlPage::extract(h).text)
        .collect();
    let secs = start.elapsed().as_secs_f64();
    let body = |id: &str| gold[id]["articleBody"].as_str().unwrap_or("").to_string();
    let golds: Vec<String> = pages.iter().map(|(id, _)| body(id)).collect();
    let ours = ShingleScore::score(
        golds
            .iter()
            .map(String::as_str)
            .zip(predicted.iter().map(String::as_str)),
    );
    println!(
        "{:<14} {:>9} {:>7} {:>7} {:>8} {:>8} {:>7}",
        "extractor", "precision", "recall", "F1", "accuracy", "pages/s", "MB/s"
    );
    println!(
        "{:<14} {:>9.3} {:>7.3} {:>7.3} {:>8.3} {:>8.1} {:>7.2}",
        "claimtrace",
        ours.precision,
        ours.recall,
        ours.f1,
        ours.accuracy,
        pages.len() as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
    print_peers(&dir.join("peer_outputs"), &pages, &golds)?;
    println!("pages: {}", pages.len());
    if worst > 0 {
        print_worst(&pages, &golds, &predicted, worst);
    }
    if let Some(path) = out {
        let map: serde_json::Map<String, Value> = pages
            .iter()
            .zip(&predicted)
            .map(|((id, _), p)| (id.clone(), json!({ "articleBody": p })))
            .collect();
        fs::write(path, serde_json::to_string_pretty(&Value::Object(map))?)?;
    }
    Ok(())
}

/// The scores of the peer outputs committed with the benchmark, one line each.
fn print_peers(
    peers: &std::path::Path,
    pages: &[(String, String)],
    golds: &[String],
) -> Result<(), Box<dyn Error>> {
    if let Ok(rd) = fs::read_dir(peers) {
        let mut files: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for f in files {
            let peer: BTreeMap<String, Value> = serde_json::from_str(&fs::read_to_string(&f)?)?;
            let preds: Vec<String> = pages
                .iter()
                .map(|(id, _)| {
                    peer.get(id)
                        .and_then(|v| v["articleBody"].as_str())
                        .unwrap_or("")
                        .to_string()
                })
                .collect();
            let s = ShingleScore::score(
                golds
                    .iter()
                    .map(String::as_str)
                    .zip(preds.iter().map(String::as_str)),
            );
            let name = f
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            println!(
                "{:<14} {:>9.3} {:>7.3} {:>7.3} {:>8.3} {:>8} {:>7}",
                format!("{name}*"),
                s.precision,
                s.recall,
                s.f1,
                s.accuracy,
                "-",
                "-"
            );
        }
        println!("* upstream peer outputs as committed in the benchmark (older tool versions)");
    }
    Ok(())
}

/// The `worst` pages by precision + recall.
fn print_worst(pages: &[(String, String)], golds: &[String], predicted: &[String], worst: usize) {
    let mut per: Vec<(f64, f64, &str)> = pages
        .iter()
        .zip(golds.iter().zip(predicted))
        .map(|((id, _), (g, p))| {
            let m = ShingleMatch::compare(g, p);
            let prec = if m.tp + m.fp > 0.0 {
                m.tp / (m.tp + m.fp)
            } else {
                1.0
            };
            let rec = if m.tp + m.fn_ > 0.0 {
                m.tp / (m.tp + m.fn_)
            } else {
                1.0
            };
            (prec, rec, id.as_str())
        })
        .collect();
    per.sort_by(|a, b| (a.0 + a.1).total_cmp(&(b.0 + b.1)));
    for (p, r, id) in per.into_iter().take(worst) {
        println!("  P={p:.3} R={r:.3} {id}");
    }
}

//! Scores corroboration on the project's labelled set (`tests/gold/`):
//! event grouping (pairwise P/R/F1 and B³, dev and test splits) and copy
//! detection (pairwise over all document pairs).
//!
//! ```text
//! cargo run --release -p claimtrace-corroborate --example score
//! cargo run --release -p claimtrace-corroborate --example score -- --tune
//! ```
//!
//! The documents are the sample corpus (`samples/corpus`) and the extra
//! articles under `tests/gold/articles`, run through the real extractor, so
//! the figures measure extraction and corroboration together. `--tune`
//! searches the event-grouping settings on the dev split only and prints
//! the best settings with their dev and test scores; the defaults in
//! `CorroboratorConfig` were chosen that way.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use claimtrace_corroborate::CorroboratorConfig;
use claimtrace_corroborate::gold::{self, Labels, SplitScores};
use claimtrace_corroborate::scores::Prf;
use claimtrace_extract::ExtractConfig;
use claimtrace_ingest::IngestConfig;
use claimtrace_model::{Claim, Document};

fn corpus(dirs: &[PathBuf]) -> Vec<(Document, Vec<Claim>)> {
    let (inputs, errors) = claimtrace_ingest::discover(dirs);
    for e in errors {
        eprintln!("score: {e}");
    }
    let ex = match ExtractConfig::default().build() {
        Ok(x) => x,
        Err(e) => {
            eprintln!("score: extractor: {e}");
            std::process::exit(1);
        }
    };
    let mut out = Vec::new();
    for i in &inputs {
        for d in claimtrace_ingest::load(i, &IngestConfig::default()) {
            match d {
                Ok(d) => {
                    let claims = ex.extract(&d).claims;
                    out.push((d, claims));
                }
                Err(e) => eprintln!("score: {e}"),
            }
        }
    }
    out
}

/// Claim id → event id under `cfg`, and the copy groups.
fn predict(
    cfg: &CorroboratorConfig,
    docs: &[(Document, Vec<Claim>)],
) -> (HashMap<String, String>, Vec<Vec<String>>) {
    let mut c = match cfg.build() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("score: {e}");
            std::process::exit(1);
        }
    };
    for (d, claims) in docs {
        c.add_document(d, claims);
    }
    let mut of = HashMap::new();
    for e in c.events() {
        for m in &e.claims {
            of.insert(m.claim.clone(), e.id.clone());
        }
    }
    (of, c.copy_groups())
}

fn prf(p: &Prf) -> String {
    format!("P {:.3}  R {:.3}  F1 {:.3}", p.precision, p.recall, p.f1)
}

fn line(name: &str, s: &SplitScores) {
    println!(
        "  {name:<5} {:>3} claims, {:>2} events, {:>5} pairs ({:>4} same-event)",
        s.claims, s.events, s.pairs, s.positive_pairs
    );
    println!("        pairwise  {}", prf(&s.pairwise));
    println!("        B³        {}", prf(&s.b_cubed));
}

fn grid() -> Vec<CorroboratorConfig> {
    let mut out = Vec::new();
    for join in [0.40, 0.45, 0.50, 0.55, 0.60] {
        for lexical in [0.2, 0.4, 0.6] {
            for counts in [0.0, 0.2, 0.4] {
                for date in [0.0, 0.2, 0.4] {
                    for place in [0.1, 0.2, 0.3] {
                        for document in [0.0, 0.2, 0.4, 0.6, 0.8] {
                            out.push(CorroboratorConfig {
                                join_score: join,
                                weight_lexical: lexical,
                                weight_counts: counts,
                                weight_date: date,
                                weight_place: place,
                                weight_document: document,
                                ..CorroboratorConfig::default()
                            });
                        }
                    }
                }
            }
        }
    }
    out
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gold_dir = root.join("tests/gold");
    let dirs = vec![root.join("../../samples/corpus"), gold_dir.join("articles")];
    let tune = std::env::args().any(|a| a == "--tune");
    let rows = gold::load_events(&gold_dir.join("events.tsv")).unwrap_or_else(|e| {
        eprintln!("score: {e}");
        std::process::exit(1)
    });
    let copies = gold::load_copies(&gold_dir.join("copies.tsv")).unwrap_or_else(|e| {
        eprintln!("score: {e}");
        std::process::exit(1)
    });
    let docs = corpus(&dirs);
    let all_claims: Vec<Claim> = docs.iter().flat_map(|(_, c)| c.iter().cloned()).collect();
    let labels: Labels = gold::label(&rows, &all_claims);
    println!(
        "corpus: {} documents, {} claims; gold: {} rows, {} claims labelled, {} rows unmatched",
        docs.len(),
        all_claims.len(),
        rows.len(),
        labels.of_claim.len(),
        labels.unmatched.len()
    );
    for r in &labels.unmatched {
        println!("  unmatched: {} {} {:?}", r.event, r.doc, r.snippet);
    }

    let mut cfg = CorroboratorConfig::default();
    if tune {
        let mut best: Option<(f64, CorroboratorConfig)> = None;
        for c in grid() {
            let (pred, _) = predict(&c, &docs);
            let dev = gold::score_split(&labels, &pred, "dev");
            // B³ F1 on dev, pairwise F1 breaking ties.
            let objective = dev.b_cubed.f1 + 1e-3 * dev.pairwise.f1;
            if best.as_ref().is_none_or(|(b, _)| objective > *b) {
                best = Some((objective, c));
            }
        }
        if let Some((_, c)) = best {
            println!(
                "\ntuned on dev: join_score {} weights lexical {} actor {} target {} place {} counts {} date {} document {}",
                c.join_score,
                c.weight_lexical,
                c.weight_actor,
                c.weight_target,
                c.weight_place,
                c.weight_counts,
                c.weight_date,
                c.weight_document
            );
            cfg = c;
        }
    } else {
        println!(
            "\nsettings (defaults): join_score {} weights lexical {} actor {} target {} place {} counts {} date {} document {}",
            cfg.join_score,
            cfg.weight_lexical,
            cfg.weight_actor,
            cfg.weight_target,
            cfg.weight_place,
            cfg.weight_counts,
            cfg.weight_date,
            cfg.weight_document
        );
    }

    let (pred, groups) = predict(&cfg, &docs);
    println!("\nEvent grouping (claims in the same gold event vs the same predicted event)");
    for split in ["dev", "test"] {
        line(split, &gold::score_split(&labels, &pred, split));
    }
    // Baseline: every claim its own event.
    let singletons: HashMap<String, String> = labels
        .of_claim
        .keys()
        .map(|c| (c.clone(), c.clone()))
        .collect();
    let base = gold::score_split(&labels, &singletons, "test");
    println!(
        "  baseline (each claim alone), test: pairwise {}; B³ {}",
        prf(&base.pairwise),
        prf(&base.b_cubed)
    );

    let ids: Vec<String> = docs.iter().map(|(d, _)| d.id.clone()).collect();
    let (pairs, positives, copy) = gold::score_copies(&ids, &copies, &groups);
    println!(
        "\nCopy detection ({} document pairs, {} copies; thresholds not tuned on these pairs)",
        pairs, positives
    );
    println!("        pairwise  {}", prf(&copy));
}

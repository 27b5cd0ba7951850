//! The whole run on the fixtures laid out as the data directory: every
//! component wired to claimtrace produces its sections and headline figures.

use std::path::{Path, PathBuf};

use claimtrace_eval::Split;
use claimtrace_eval::suite::{Component, EvalConfig, run};

fn copy(from: &Path, to: &Path) {
    if from.is_dir() {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            copy(&e.path(), &to.join(e.file_name()));
        }
    } else {
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(from, to).unwrap();
    }
}

/// The fixtures under the folder names the suite expects.
fn data_dir(tag: &str) -> PathBuf {
    let fx = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let dir = std::env::temp_dir().join(format!("ct-eval-suite-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (from, to) in [
        ("szeged.xml", "hedge_szeged_uncertainty/factbank.xml"),
        ("szeged.xml", "hedge_szeged_uncertainty/wikiweasel.xml"),
        ("polnear", "attribution_polnear"),
        ("wikigold.conll", "ner_wikigold/wikigold.conll"),
        ("re3d", "ner_re3d"),
        ("plover.jsonl", "events_plover_gsr/plover_gsr.jsonl"),
        (
            "case2021.tsv",
            "events_case2021_task2/task2_test_with_labels.tsv",
        ),
        (
            "wire19980108.tml",
            "temporal_tbaq_cleaned/TimeBank/wire19980108.tml",
        ),
        (
            "meantime.xml",
            "temporal_meantime_en/intra-doc_annotation/corpus_x/900001.xml",
        ),
        ("gwn.xml", "geo_geowebnews/GWN.xml"),
        ("lgl.xml", "geo_lgl/lgl.xml"),
        (
            "claims_news/articles.jsonl",
            "claims_news_dev/articles.jsonl",
        ),
        ("claims_news/gold.jsonl", "claims_news_dev/gold.jsonl"),
    ] {
        copy(&fx.join(from), &dir.join(to));
    }
    dir
}

#[test]
fn every_component_runs_on_fixtures() {
    let dir = data_dir("all");
    let cfg = EvalConfig {
        data_dir: dir.clone(),
        split: Split::All,
        components: Vec::new(),
        peers: false,
        gazetteer_dir: None,
        type_model: None,
        command: "test".into(),
        errors_dir: None,
        claims_dir: None,
    };
    let mut lines = Vec::new();
    let report = run(&cfg, &mut |l| lines.push(l.to_string())).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    // Only the HTML benchmark has no fixture.
    assert_eq!(report.skipped.len(), 1, "{:?}", report.skipped);
    assert!(
        report.skipped[0].starts_with("html"),
        "{:?}",
        report.skipped
    );
    let components: Vec<&str> = report
        .sections
        .iter()
        .map(|s| s.component.as_str())
        .collect();
    for c in [
        "Hedge cues",
        "Attribution",
        "Named entities",
        "Event coding",
        "Claim records on real news",
        "Dates",
        "Geocoding",
    ] {
        assert!(components.contains(&c), "{c} missing: {components:?}");
    }
    // Confusion tables carry no headline figure of their own.
    for s in report
        .sections
        .iter()
        .filter(|s| !s.component.starts_with("Claim records on real news:"))
    {
        assert!(
            !s.headlines.is_empty(),
            "{} / {} has no headline",
            s.component,
            s.dataset
        );
        for h in &s.headlines {
            assert!(
                h.value.is_finite() && h.value >= 0.0,
                "{}: {}",
                h.metric,
                h.value
            );
        }
    }
    // The NER section shows claimtrace beside the (absent) peer.
    let ner = report
        .sections
        .iter()
        .find(|s| s.component == "Named entities")
        .unwrap();
    assert!(ner.table.header.iter().any(|h| h.starts_with("claimtrace")));
    let md = report.to_markdown();
    assert!(md.contains("## Summary") && md.contains("Runtime"));
    assert_eq!(report.timings.len(), Component::ALL.len());
}

#[test]
fn error_examples_only_on_dev() {
    let dir = data_dir("errors");
    let out = dir.join("errors");
    let mut cfg = EvalConfig {
        data_dir: dir.clone(),
        split: Split::Test,
        components: vec![Component::Dates],
        peers: false,
        gazetteer_dir: None,
        type_model: None,
        command: "test".into(),
        errors_dir: Some(out.clone()),
        claims_dir: None,
    };
    assert!(run(&cfg, &mut |_| {}).is_err());
    cfg.split = Split::Dev;
    let r = run(&cfg, &mut |_| {});
    let wrote = out.join("dates_temporal_tbaq_cleaned.txt").is_file();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(r.is_ok());
    assert!(wrote);
}

#[test]
fn claims_are_scored_on_both_parts_and_misses_written_for_dev() {
    let dir = data_dir("claims");
    let out = dir.join("errors");
    let mut cfg = EvalConfig {
        data_dir: dir.clone(),
        split: Split::All,
        components: vec![Component::Claims],
        peers: false,
        gazetteer_dir: None,
        type_model: None,
        command: "test".into(),
        errors_dir: None,
        claims_dir: None,
    };
    let report = run(&cfg, &mut |_| {}).unwrap();
    let fields = &report.sections[0];
    assert_eq!(fields.component, "Claim records on real news");
    // field, tuning part, reporting part, target.
    assert_eq!(fields.table.header.len(), 4, "{:?}", fields.table.header);
    let overall = &fields.table.rows[0];
    assert!(overall[0].contains("overall"));
    let gold_row = fields.table.rows.last().unwrap();
    // X2 (dev) holds two gold claims, X1 (test) three.
    assert_eq!(gold_row[1..3], ["2.000".to_string(), "3.000".to_string()]);
    // The learned type model's cross-validation on the tuning part (X2
    // only), then three confusions: type, source kind, firmness.
    assert_eq!(report.sections.len(), 5);
    let cv = &report.sections[1];
    assert!(cv.component.contains("learned type model"));
    assert!(
        cv.table.rows.iter().all(|r| r[0] != "X1"),
        "{:?}",
        cv.table.rows
    );
    cfg.split = Split::Dev;
    cfg.errors_dir = Some(out.clone());
    run(&cfg, &mut |_| {}).unwrap();
    let misses = std::fs::read_to_string(out.join("claims_news.txt")).unwrap_or_default();
    let _ = std::fs::remove_dir_all(&dir);
    // Only the tuning part's report may appear among the misses.
    assert!(!misses.contains("f1 [X1]"), "{misses}");
}

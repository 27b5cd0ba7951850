//! Training the learned type model (`claimtrace train type`): examples are
//! the rules' features of the claims that match gold claims of the tuning
//! part (dev) of claims_news_dev; leave-one-event-out cross-validation
//! picks nothing by looking at the reporting part.

use std::fmt::Write;
use std::path::Path;

use claimtrace_extract::learn::{Example, LinearModel, TrainParams};
use claimtrace_extract::{ExtractConfig, Extractor};
use claimtrace_model::{Claim, ClaimType};

use crate::data::claims_news;
use crate::error::{EvalError, Result};
use crate::score::claims::{Field, compare, score_document};
use crate::split::Part;
use crate::suite::claims::{document, labelled_articles, part};

/// One matched gold claim: its event, the features of the claim it
/// matched, the rules' claim (for scoring a class with the gold's `alt`).
struct Sample {
    event: String,
    example: Example,
    claim: Claim,
    gold: claims_news::GoldClaim,
}

/// What training produced: the cross-validation table and the model.
pub struct TypeTraining {
    /// Leave-one-event-out accuracy of the rules and of the model at each
    /// override threshold.
    pub cross_validation: CrossValidation,
    /// The model trained on the whole tuning part.
    pub model: LinearModel,
    /// Examples it was trained on.
    pub examples: usize,
}

/// The override thresholds the cross-validation compares.
const THRESHOLDS: &[f64] = &[0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/// Train the type model on the tuning part of the gold claims in `dir`.
pub fn train_type(
    dir: &Path,
    gazetteer: Option<&Path>,
    params: TrainParams,
) -> Result<TypeTraining> {
    let samples = samples(dir, gazetteer)?;
    let classes: Vec<String> = ClaimType::ALL.iter().map(|t| t.to_string()).collect();
    let cross_validation = cross_validate(&samples, &classes, params);
    let all: Vec<Example> = samples.iter().map(|s| s.example.clone()).collect();
    let model = LinearModel::train(&classes, &all, params);
    Ok(TypeTraining {
        cross_validation,
        model,
        examples: all.len(),
    })
}

/// The matched gold claims of the tuning part, with the rules' features.
fn samples(dir: &Path, gazetteer: Option<&Path>) -> Result<Vec<Sample>> {
    let data = claims_news::load(dir)?;
    let ex: Extractor = ExtractConfig {
        gazetteer_dir: gazetteer.map(Path::to_path_buf),
        ..Default::default()
    }
    .build()
    .map_err(|e| EvalError::Component {
        component: "extractor".into(),
        reason: e.to_string(),
    })?;
    let mut out = Vec::new();
    for (article, gold) in labelled_articles(&data) {
        if part(article) != Part::Dev {
            continue;
        }
        let x = ex.extract_for_training(&document(article));
        for o in score_document(&article.text, &gold, &x.claims) {
            let (Some(i), Some(class)) = (o.predicted, class_of(&gold[o.gold].claim_type)) else {
                continue;
            };
            out.push(Sample {
                event: article.event.clone(),
                example: Example {
                    features: x.type_features[i].clone(),
                    class,
                },
                claim: x.claims[i].clone(),
                gold: gold[o.gold].clone(),
            });
        }
    }
    Ok(out)
}

fn class_of(label: &str) -> Option<usize> {
    ClaimType::ALL.iter().position(|t| t.as_str() == label)
}

/// Whether `class` is right for the sample (the gold's `alt` counts).
fn right(s: &Sample, class: ClaimType) -> bool {
    let mut c = s.claim.clone();
    c.claim_type = class;
    compare(&s.gold, &c)[Field::Type as usize]
}

/// The leave-one-event-out figures.
#[derive(Debug, Clone, Default)]
pub struct CrossValidation {
    /// Per held-out event: its name, its matched gold claims, and how many
    /// the rules and the model (overriding at p ≥ 0.5) get right.
    pub folds: Vec<(String, usize, usize, usize)>,
    /// All held-out claims and how many the rules get right.
    pub claims: usize,
    pub rules_right: usize,
    /// Per override threshold, how many the model gets right.
    pub model_right: Vec<(f64, usize)>,
}

impl CrossValidation {
    /// The figures as a plain-text table.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "held-out event  claims  rules  model@0.5");
        for (ev, n, r, m) in &self.folds {
            let _ = writeln!(
                out,
                "{ev:<15} {n:>6}  {:>5.3}  {:>9.3}",
                ratio(*r, *n),
                ratio(*m, *n)
            );
        }
        let _ = writeln!(
            out,
            "\nall held-out claims: {}; rules {:.3}",
            self.claims,
            ratio(self.rules_right, self.claims)
        );
        for (t, right) in &self.model_right {
            let _ = writeln!(
                out,
                "  model overrides at p >= {t:.1}: {:.3}",
                ratio(*right, self.claims)
            );
        }
        out
    }
}

/// Leave one event out: train on the others, judge the held-out event's
/// claims by the rules and by the model at each threshold.
fn cross_validate(samples: &[Sample], classes: &[String], p: TrainParams) -> CrossValidation {
    let mut events: Vec<&str> = samples.iter().map(|s| s.event.as_str()).collect();
    events.sort_unstable();
    events.dedup();
    let mut cv = CrossValidation {
        model_right: THRESHOLDS.iter().map(|t| (*t, 0)).collect(),
        ..Default::default()
    };
    for ev in &events {
        let train: Vec<Example> = samples
            .iter()
            .filter(|s| s.event != *ev)
            .map(|s| s.example.clone())
            .collect();
        let m = LinearModel::train(classes, &train, p);
        let (mut r, mut m5, mut n) = (0, 0, 0);
        for s in samples.iter().filter(|s| s.event == *ev) {
            n += 1;
            r += usize::from(right(s, s.claim.claim_type));
            let pred = m.predict(&s.example.features, 0);
            for (t, count) in cv.model_right.iter_mut() {
                let class = match &pred {
                    Some(p) if p.probability >= *t => ClaimType::ALL[p.class],
                    _ => s.claim.claim_type,
                };
                let ok = usize::from(right(s, class));
                *count += ok;
                if (*t - 0.5).abs() < 1e-9 {
                    m5 += ok;
                }
            }
        }
        cv.rules_right += r;
        cv.claims += n;
        cv.folds.push((ev.to_string(), n, r, m5));
    }
    cv
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

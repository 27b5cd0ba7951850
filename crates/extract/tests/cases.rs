//! Extraction behaviour as data: every file under `tests/cases/*.yaml` holds
//! cases (an input text and the claims expected from it), run here by one
//! runner. A case names only the fields it is about; the others are free.
//! All mismatches of all cases are printed before the test fails.
//!
//! ```yaml
//! - name: according-to-media
//!   text: "According to Russian media outlets, over 300 drones attacked the base."
//!   published: 2025-06-02        # optional publication date
//!   claims:                      # the claims, in order (or select with `in:`)
//!     - type: attack
//!       source_kind: media
//!       source: Russian media
//!       epistemic: reported
//!       cues: [According to]     # each must be among the claim's cues
//!       quantities: [{text: over 300, value: 300, unit: drone}]
//! ```
//! `count: N` checks the number of claims; `claims: []` with `count: 0`
//! says the text holds none.

use std::collections::BTreeMap;
use std::path::Path;

use claimtrace_extract::{ExtractConfig, Extractor};
use claimtrace_model::{Claim, Document, Quantity};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    count: Option<usize>,
    #[serde(default)]
    claims: Vec<Expected>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Expected {
    /// Select the first claim whose sentence contains this text (after the
    /// previously selected one); without it, claims are taken in order.
    #[serde(default, rename = "in")]
    within: Option<String>,
    #[serde(default, rename = "type")]
    claim_type: Option<String>,
    #[serde(default)]
    plover: Option<String>,
    #[serde(default)]
    mode: Option<String>,
    #[serde(default)]
    context: Option<String>,
    #[serde(default)]
    aux: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    source_kind: Option<String>,
    #[serde(default)]
    source_role: Option<String>,
    #[serde(default)]
    epistemic: Option<String>,
    #[serde(default)]
    cues: Option<Vec<String>>,
    #[serde(default)]
    actor: Option<String>,
    #[serde(default)]
    actor_kind: Option<String>,
    #[serde(default)]
    actor_guessed: Option<bool>,
    #[serde(default)]
    actor_role: Option<String>,
    #[serde(default)]
    target: Option<String>,
    #[serde(default)]
    target_kind: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    precision: Option<String>,
    #[serde(default)]
    date_inherited: Option<bool>,
    #[serde(default)]
    place: Option<String>,
    #[serde(default)]
    place_role: Option<String>,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    quantities: Option<Vec<ExpectedQuantity>>,
    #[serde(default)]
    weapons: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedQuantity {
    text: String,
    #[serde(default)]
    value: Option<f64>,
    #[serde(default)]
    min: Option<f64>,
    #[serde(default)]
    max: Option<f64>,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    qualifier: Option<String>,
}

/// "none" in a case means the field must be empty.
fn opt_eq(what: &str, want: &Option<String>, got: Option<&str>, errs: &mut Vec<String>) {
    if let Some(w) = want {
        let ok = if w == "none" {
            got.is_none()
        } else {
            got == Some(w.as_str())
        };
        if !ok {
            errs.push(format!(
                "{what}: expected {w:?}, got {:?}",
                got.unwrap_or("none")
            ));
        }
    }
}

/// Every field the case expects, compared with the claim; each mismatch
/// is pushed onto `errs`.
fn check(exp: &Expected, c: &Claim, errs: &mut Vec<String>) {
    check_event(exp, c, errs);
    check_source(exp, c, errs);
    check_actor(exp, c, errs);
    check_target(exp, c, errs);
    check_date(exp, c, errs);
    check_place(exp, c, errs);
    check_quantities(exp, c, errs);
    check_weapons(exp, c, errs);
}

/// Whether the claim is the expected event: type, PLOVER event, mode, aux and context.
fn check_event(exp: &Expected, c: &Claim, errs: &mut Vec<String>) {
    opt_eq("type", &exp.claim_type, Some(c.claim_type.as_str()), errs);
    opt_eq("plover", &exp.plover, Some(c.plover.event.as_str()), errs);
    opt_eq("mode", &exp.mode, c.plover.mode.as_deref(), errs);
    opt_eq("aux", &exp.aux, c.plover.aux.as_deref(), errs);
    if let Some(ctx) = &exp.context
        && !c.plover.context.iter().any(|x| x == ctx)
    {
        errs.push(format!(
            "context: expected {ctx:?} among {:?}",
            c.plover.context
        ));
    }
}

/// Whether the claim has the expected source, its kind and role, firmness and cues.
fn check_source(exp: &Expected, c: &Claim, errs: &mut Vec<String>) {
    opt_eq("source", &exp.source, Some(c.source.name.as_str()), errs);
    opt_eq(
        "source_kind",
        &exp.source_kind,
        Some(c.source.kind.as_str()),
        errs,
    );
    opt_eq(
        "source_role",
        &exp.source_role,
        c.source.role.as_deref(),
        errs,
    );
    opt_eq(
        "epistemic",
        &exp.epistemic,
        Some(c.epistemic.as_str()),
        errs,
    );
    if let Some(cues) = &exp.cues {
        for cue in cues {
            if !c.cues.iter().any(|x| x.eq_ignore_ascii_case(cue)) {
                errs.push(format!("cues: expected {cue:?} among {:?}", c.cues));
            }
        }
        if cues.is_empty() && !c.cues.is_empty() {
            errs.push(format!("cues: expected none, got {:?}", c.cues));
        }
    }
}

/// Whether the claim has the expected actor, its kind and role, and whether it was guessed.
fn check_actor(exp: &Expected, c: &Claim, errs: &mut Vec<String>) {
    opt_eq(
        "actor",
        &exp.actor,
        c.actor.as_ref().map(|m| m.name.as_str()),
        errs,
    );
    opt_eq(
        "actor_kind",
        &exp.actor_kind,
        c.actor.as_ref().map(|m| m.kind.as_str()),
        errs,
    );
    opt_eq(
        "actor_role",
        &exp.actor_role,
        c.actor.as_ref().and_then(|m| m.role.as_deref()),
        errs,
    );
    if let Some(g) = exp.actor_guessed
        && c.actor.as_ref().map(|m| m.guessed) != Some(g)
    {
        errs.push(format!(
            "actor_guessed: expected {g}, got {:?}",
            c.actor.as_ref().map(|m| m.guessed)
        ));
    }
}

/// Whether the claim has the expected target and its kind.
fn check_target(exp: &Expected, c: &Claim, errs: &mut Vec<String>) {
    opt_eq(
        "target",
        &exp.target,
        c.target.as_ref().map(|m| m.name.as_str()),
        errs,
    );
    opt_eq(
        "target_kind",
        &exp.target_kind,
        c.target.as_ref().map(|m| m.kind.as_str()),
        errs,
    );
}

/// Whether the claim has the expected date, its precision and whether it was inherited.
fn check_date(exp: &Expected, c: &Claim, errs: &mut Vec<String>) {
    opt_eq(
        "date",
        &exp.date,
        c.date.as_ref().map(|d| d.value.as_str()),
        errs,
    );
    let precision = c.date.as_ref().map(|d| {
        serde_json::to_value(d.precision)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    });
    opt_eq("precision", &exp.precision, precision.as_deref(), errs);
    if let Some(i) = exp.date_inherited
        && c.date.as_ref().map(|d| d.inherited) != Some(i)
    {
        errs.push(format!(
            "date_inherited: expected {i}, got {:?}",
            c.date.as_ref().map(|d| d.inherited)
        ));
    }
}

/// Whether the claim has the expected place, its role and country.
fn check_place(exp: &Expected, c: &Claim, errs: &mut Vec<String>) {
    opt_eq(
        "place",
        &exp.place,
        c.place.as_ref().map(|p| p.name.as_str()),
        errs,
    );
    let role = c.place.as_ref().map(|p| {
        if p.role == claimtrace_model::PlaceRole::Event {
            "event"
        } else {
            "mentioned"
        }
    });
    opt_eq("place_role", &exp.place_role, role, errs);
    opt_eq(
        "country",
        &exp.country,
        c.place.as_ref().and_then(|p| p.country.as_deref()),
        errs,
    );
}

/// Whether the claim has the expected quantities, in order.
fn check_quantities(exp: &Expected, c: &Claim, errs: &mut Vec<String>) {
    if let Some(qs) = &exp.quantities {
        if qs.len() != c.quantities.len() {
            errs.push(format!(
                "quantities: expected {:?}, got {:?}",
                qs.iter().map(|q| &q.text).collect::<Vec<_>>(),
                c.quantities.iter().map(|q| &q.text).collect::<Vec<_>>()
            ));
        }
        for (q, g) in qs.iter().zip(&c.quantities) {
            let e = quantity_diff(q, g);
            if !e.is_empty() {
                errs.push(format!("quantity '{}': {}", q.text, e.join(", ")));
            }
        }
    }
}

/// Whether the claim names the expected weapons (an empty list: none).
fn check_weapons(exp: &Expected, c: &Claim, errs: &mut Vec<String>) {
    if let Some(ws) = &exp.weapons {
        for w in ws {
            if !c.weapons.contains(w) {
                errs.push(format!("weapons: expected {w:?} among {:?}", c.weapons));
            }
        }
        if ws.is_empty() && !c.weapons.is_empty() {
            errs.push(format!("weapons: expected none, got {:?}", c.weapons));
        }
    }
}

/// How a quantity differs from the expected one (only the fields the case
/// gives are compared).
fn quantity_diff(q: &ExpectedQuantity, g: &Quantity) -> Vec<String> {
    let mut e = Vec::new();
    if q.text != g.text {
        e.push(format!("text {:?} vs {:?}", q.text, g.text));
    }
    for (name, w, v) in [
        ("value", q.value, g.value),
        ("min", q.min, g.min),
        ("max", q.max, g.max),
    ] {
        if w.is_some() && w != v {
            e.push(format!("{name} {w:?} vs {v:?}"));
        }
    }
    if q.unit.is_some() && q.unit != g.unit {
        e.push(format!("unit {:?} vs {:?}", q.unit, g.unit));
    }
    if q.qualifier.is_some() && q.qualifier != g.qualifier {
        e.push(format!("qualifier {:?} vs {:?}", q.qualifier, g.qualifier));
    }
    e
}

fn run_case(ex: &Extractor, case: &Case) -> Vec<String> {
    let mut doc = Document::from_text(&case.name, &case.text);
    doc.published = case.published.clone();
    doc.author = case.author.clone();
    let out = ex.extract(&doc);
    let mut errs = Vec::new();
    if let Some(n) = case.count
        && out.claims.len() != n
    {
        errs.push(format!(
            "count: expected {n} claims, got {}",
            out.claims.len()
        ));
    }
    let mut next = 0;
    for (i, exp) in case.claims.iter().enumerate() {
        let pick = match &exp.within {
            Some(s) => out
                .claims
                .iter()
                .enumerate()
                .skip(next)
                .find(|(_, c)| c.sentence.contains(s.as_str()))
                .map(|(j, _)| j),
            None => (next < out.claims.len()).then_some(next),
        };
        let Some(j) = pick else {
            errs.push(format!(
                "claim #{i}{}: no such claim",
                exp.within
                    .as_ref()
                    .map(|s| format!(" in {s:?}"))
                    .unwrap_or_default()
            ));
            continue;
        };
        next = j + 1;
        let c = &out.claims[j];
        let mut e = Vec::new();
        check(exp, c, &mut e);
        for msg in e {
            errs.push(format!("claim #{i} ({}): {msg}", c.id));
        }
    }
    if !errs.is_empty() {
        let got: Vec<String> = out
            .claims
            .iter()
            .map(|c| {
                format!(
                    "    {} {} {} src={}({}) actor={:?} target={:?} date={:?} place={:?}\n      why: {}",
                    c.id,
                    c.claim_type,
                    c.epistemic,
                    c.source.name,
                    c.source.kind,
                    c.actor.as_ref().map(|m| &m.name),
                    c.target.as_ref().map(|m| &m.name),
                    c.date.as_ref().map(|d| &d.value),
                    c.place.as_ref().map(|p| &p.name),
                    c.why.join(" | ")
                )
            })
            .collect();
        errs.push(format!("  extracted:\n{}", got.join("\n")));
    }
    errs
}

fn load_cases() -> BTreeMap<String, Vec<Case>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files = BTreeMap::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/cases exists")
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    for p in paths
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
    {
        let src = std::fs::read_to_string(&p).expect("readable case file");
        let cases: Vec<Case> =
            serde_yaml::from_str(&src).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        files.insert(
            p.file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default(),
            cases,
        );
    }
    files
}

#[test]
fn extraction_cases() {
    let ex = ExtractConfig::default().build().expect("extractor builds");
    let files = load_cases();
    let mut failures = Vec::new();
    let mut total = 0;
    for (file, cases) in &files {
        for case in cases {
            total += 1;
            let errs = run_case(&ex, case);
            if !errs.is_empty() {
                failures.push(format!("{file} :: {}\n  {}", case.name, errs.join("\n  ")));
            }
        }
    }
    if !failures.is_empty() {
        panic!(
            "{} of {total} extraction cases failed:\n\n{}",
            failures.len(),
            failures.join("\n\n")
        );
    }
    assert!(
        total >= 150,
        "only {total} cases: the suite must cover every rule and label"
    );
}

#[test]
fn every_label_is_covered() {
    let files = load_cases();
    let mut types = std::collections::BTreeSet::new();
    let mut kinds = std::collections::BTreeSet::new();
    let mut epis = std::collections::BTreeSet::new();
    for cases in files.values() {
        for c in cases {
            for e in &c.claims {
                types.extend(e.claim_type.clone());
                kinds.extend(e.source_kind.clone());
                epis.extend(e.epistemic.clone());
            }
        }
    }
    for t in claimtrace_model::ClaimType::ALL {
        assert!(types.contains(t.as_str()), "no case expects type {t}");
    }
    for k in claimtrace_model::SourceKind::ALL {
        assert!(
            kinds.contains(k.as_str()),
            "no case expects source kind {k}"
        );
    }
    for e in claimtrace_model::Epistemic::ALL {
        assert!(epis.contains(e.as_str()), "no case expects epistemic {e}");
    }
}

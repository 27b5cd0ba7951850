//! Named entities on WikiGold (PER/ORG/LOC/MISC) and re3d (the same plus
//! Weapon and MilitaryPlatform): claimtrace beside spaCy en_core_web_sm,
//! both scored by the same code on the same rebuilt text, with throughput.

use std::collections::HashMap;

use claimtrace_model::Span;

use super::{Ctx, folder};
use crate::data::{NerDoc, conll, re3d};
use crate::error::Result;
use crate::mapping::{ner_tag, weapon_tag};
use crate::metrics::overlap_len;
use crate::offsets::CharIndex;
use crate::peer::{NOT_INSTALLED, PeerStats, spacy_tag};
use crate::report::{Headline, Section, Table, Target, prf};
use crate::score::ner::{NerScore, score};

const CORE: &[&str] = &["PER", "ORG", "LOC", "MISC"];
const RE3D_TAGS: &[&str] = &["PER", "ORG", "LOC", "MISC", "WEAPON", "PLATFORM"];

pub(crate) fn sections(ctx: &Ctx<'_>, progress: &mut dyn FnMut(&str)) -> Result<Vec<Section>> {
    let mut out = Vec::new();
    let wiki = conll::load(&ctx.path(folder::WIKIGOLD)?.join("wikigold.conll"))?;
    out.push(section(
        ctx,
        progress,
        folder::WIKIGOLD,
        "WikiGold (Wikipedia, CoNLL-2003 classes)",
        "CC BY 4.0",
        &wiki,
        CORE,
    )?);
    let re = re3d::load(&ctx.path(folder::RE3D)?)?;
    out.push(section(
        ctx,
        progress,
        folder::RE3D,
        "re3d (Dstl; Syria/Iraq conflict)",
        "per source: PD / OGL / CC BY / CC BY-SA / CC BY-NC",
        &re,
        RE3D_TAGS,
    )?);
    Ok(out)
}

/// MB/s and whitespace words/s of `Extractor::extract` over `docs`, the
/// documents extracted again and again until half a second has passed.
fn full_extraction_speed(ex: &claimtrace_extract::Extractor, docs: &[&NerDoc]) -> (f64, f64) {
    let inputs: Vec<claimtrace_model::Document> = docs
        .iter()
        .map(|d| claimtrace_model::Document::from_text(&d.id, &d.text))
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    if bytes == 0 {
        return (0.0, 0.0);
    }
    let t0 = std::time::Instant::now();
    let mut rounds = 0usize;
    while rounds == 0 || t0.elapsed().as_secs_f64() < 0.5 {
        for d in &inputs {
            std::hint::black_box(ex.extract(d));
        }
        rounds += 1;
    }
    let secs = t0.elapsed().as_secs_f64();
    (
        (bytes * rounds) as f64 / 1e6 / secs,
        (words * rounds) as f64 / secs,
    )
}

/// claimtrace's named entities of one text, as `(span, tag)`.
fn claimtrace_entities(
    ex: &claimtrace_extract::Extractor,
    weapons: &claimtrace_measure::WeaponLexicon,
    text: &str,
) -> Vec<(Span, String)> {
    let mut out: Vec<(Span, String)> = ex
        .entities(text)
        .into_iter()
        .filter_map(|m| Some((m.span, ner_tag(m.kind, m.adjective, m.found)?.to_string())))
        .collect();
    for w in weapons.find(text) {
        if let Some(tag) = weapon_tag(&w.category) {
            out.push((w.span, tag.to_string()));
        }
    }
    out
}

/// Dev-split error examples of one document: missed gold entities (with
/// what claimtrace said there), spurious ones, and wrong boundaries.
fn errors(d: &NerDoc, pred: &[(Span, String)], tags: &[&str]) -> Vec<String> {
    let t = d.text.as_str();
    let sl = |s: &Span| s.slice(t).unwrap_or("?").replace('\n', " ");
    let ctx = |s: &Span| {
        let a = t.floor_char_boundary(s.start.saturating_sub(40));
        let b = t.ceil_char_boundary((s.end + 40).min(t.len()));
        t[a..b].replace('\n', " ")
    };
    let mut out = Vec::new();
    for (g, gl) in d
        .entities
        .iter()
        .filter(|(_, l)| tags.contains(&l.as_str()))
    {
        if pred.iter().any(|(p, pl)| p == g && pl == gl) {
            continue;
        }
        let over: Vec<String> = pred
            .iter()
            .filter(|(p, _)| overlap_len(p, g) > 0)
            .map(|(p, pl)| format!("{pl} '{}'", sl(p)))
            .collect();
        let kind = if over.is_empty() {
            "MISSED"
        } else if pred.iter().any(|(p, pl)| pl == gl && overlap_len(p, g) > 0) {
            "BOUNDARY"
        } else {
            "WRONG_CLASS"
        };
        out.push(format!(
            "{kind}\t{gl}\t'{}'\tclaimtrace: [{}]\t{}\t… {} …",
            sl(g),
            over.join(", "),
            d.id,
            ctx(g)
        ));
    }
    for (p, pl) in pred.iter().filter(|(_, l)| tags.contains(&l.as_str())) {
        if d.entities.iter().any(|(g, _)| overlap_len(p, g) > 0) {
            continue;
        }
        out.push(format!(
            "SPURIOUS\t{pl}\t'{}'\t\t{}\t… {} …",
            sl(p),
            d.id,
            ctx(p)
        ));
    }
    out
}

/// A system's name, its scores, and (for a peer) its own timing.
type System = (String, NerScore, Option<PeerStats>);

fn section(
    ctx: &Ctx<'_>,
    progress: &mut dyn FnMut(&str),
    dataset: &str,
    title: &str,
    licence: &str,
    all: &[NerDoc],
    tags: &[&str],
) -> Result<Section> {
    let docs: Vec<&NerDoc> = all.iter().filter(|d| ctx.keep(dataset, &d.id)).collect();
    let mut notes = Vec::new();
    let mut systems: Vec<System> = Vec::new();

    let ex = ctx.extractor()?;
    let weapons = claimtrace_measure::WeaponLexicon::builtin();
    let claimtrace = |d: &NerDoc| claimtrace_entities(ex, &weapons, &d.text);
    progress(&format!(
        "  claimtrace on {} {dataset} documents",
        docs.len()
    ));
    let ours = score(docs.iter().copied(), tags, claimtrace);
    systems.push(("claimtrace".into(), ours, None));
    if ctx.collect_errors() {
        let mut lines = Vec::new();
        for d in &docs {
            lines.extend(errors(d, &claimtrace_entities(ex, &weapons, &d.text), tags));
        }
        ctx.write_errors(&format!("ner_{dataset}"), &lines);
    }
    match spacy_system(ctx, progress, dataset, &docs, tags)? {
        Some(spacy) => systems.push(spacy),
        None => notes.push(format!("spaCy {NOT_INSTALLED}")),
    }

    let table = score_table(dataset, &docs, tags, &systems);
    notes.extend(speed_notes(&docs, &systems));
    // Full extraction (claims with every field) on the same text, repeated
    // until it has run for half a second so the figure is not noise.
    let (full_mb, full_words) = full_extraction_speed(ex, &docs);
    notes.push(format!(
        "claimtrace full extraction (`Extractor::extract`, one core) on the same text: {full_mb:.2} MB/s, {full_words:.0} words/s (issue target ≥ 5 MB/s per core)."
    ));
    let headlines = headlines(dataset, &systems, full_mb);
    notes.extend(mapping_notes(dataset));
    Ok(Section {
        headlines,
        component: "Named entities".into(),
        dataset: title.into(),
        source: format!(
            "`{dataset}` ({licence}): {}.",
            ctx.count(docs.len(), all.len(), "documents")
        ),
        table,
        notes,
    })
}

/// spaCy's entities on `docs`, scored; `None` when spaCy is not installed.
fn spacy_system(
    ctx: &Ctx<'_>,
    progress: &mut dyn FnMut(&str),
    dataset: &str,
    docs: &[&NerDoc],
    tags: &[&str],
) -> Result<Option<System>> {
    let py = match &ctx.peers {
        Ok(py) if py.has("spacy") => py,
        Ok(_) | Err(_) => return Ok(None),
    };
    progress(&format!("  spaCy on {} {dataset} documents", docs.len()));
    let input: Vec<(&str, &str)> = docs
        .iter()
        .map(|d| (d.id.as_str(), d.text.as_str()))
        .collect();
    let run = py.spacy_ner(&input)?;
    let converted: HashMap<&str, Vec<(Span, String)>> = docs
        .iter()
        .map(|d| {
            let ix = CharIndex::new(&d.text);
            let ents = run.ents.get(&d.id).map(Vec::as_slice).unwrap_or_default();
            let v = ents
                .iter()
                .filter_map(|(s, e, l)| Some((ix.span(*s, *e)?, spacy_tag(l)?.to_string())))
                .collect();
            (d.id.as_str(), v)
        })
        .collect();
    let s = score(docs.iter().copied(), tags, |d| {
        converted.get(d.id.as_str()).cloned().unwrap_or_default()
    });
    Ok(Some((run.stats.tool.clone(), s, Some(run.stats))))
}

/// Per tag and for the micro averages: the gold count and each system's
/// P / R / F1 (overlap for weapons and platforms on re3d).
fn score_table(dataset: &str, docs: &[&NerDoc], tags: &[&str], systems: &[System]) -> Table {
    let mut header = vec!["tag".to_string(), "gold".to_string()];
    header.extend(systems.iter().map(|(n, _, _)| format!("{n}: P / R / F1")));
    let mut table = Table {
        header,
        rows: Vec::new(),
    };
    let gold_count = |tag: &str| {
        docs.iter()
            .map(|d| d.entities.iter().filter(|(_, l)| l == tag).count())
            .sum::<usize>()
    };
    for tag in tags {
        let mut row = vec![(*tag).to_string(), gold_count(tag).to_string()];
        for (name, s, _) in systems {
            let c = s.exact.get(tag);
            // A system without the class (spaCy has no weapon types) shows a dash.
            row.push(
                if c.predicted() == 0
                    && name.starts_with("spaCy")
                    && matches!(*tag, "WEAPON" | "PLATFORM")
                {
                    "—".into()
                } else {
                    prf(&c)
                },
            );
        }
        table.row(row);
    }
    for (label, set) in [
        ("micro PER+ORG+LOC", &["PER", "ORG", "LOC"][..]),
        ("micro PER+ORG+LOC+MISC", CORE),
    ] {
        let mut row = vec![
            label.to_string(),
            set.iter().map(|t| gold_count(t)).sum::<usize>().to_string(),
        ];
        for (_, s, _) in systems {
            row.push(prf(&s.exact.micro(set)));
        }
        table.row(row);
    }
    let mut row = vec!["overlap, micro PER+ORG+LOC".to_string(), String::new()];
    for (_, s, _) in systems {
        row.push(prf(&s.overlap.micro(&["PER", "ORG", "LOC"])));
    }
    table.row(row);
    if dataset == folder::RE3D {
        let mut row = vec!["overlap, WEAPON / PLATFORM".to_string(), String::new()];
        for (name, s, _) in systems {
            row.push(if name.starts_with("spaCy") {
                "—".into()
            } else {
                format!(
                    "{} / {}",
                    prf(&s.overlap.get("WEAPON")),
                    prf(&s.overlap.get("PLATFORM"))
                )
            });
        }
        table.row(row);
    }
    table
}

/// Each system's entity throughput.
fn speed_notes(docs: &[&NerDoc], systems: &[System]) -> Vec<String> {
    let mut notes = Vec::new();
    for (name, s, stats) in systems {
        let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
        let secs = stats.as_ref().map(|st| st.seconds).unwrap_or(s.seconds);
        if secs > 0.0 {
            notes.push(format!(
                "{name} entities: {:.2} MB/s, {:.0} words/s ({} bytes, {} whitespace words, {:.3} s{}).",
                s.bytes as f64 / 1e6 / secs,
                words as f64 / secs,
                s.bytes,
                words,
                secs,
                if stats.is_some() {
                    ", pipeline time inside Python, model load excluded"
                } else {
                    ""
                }
            ));
        }
    }
    notes
}

/// The section's headline figures: F1 per class beside spaCy, weapons on
/// re3d, and full extraction speed.
fn headlines(dataset: &str, systems: &[System], full_mb: f64) -> Vec<Headline> {
    let mut headlines = Vec::new();
    let spacy = systems.iter().find(|(n, _, _)| n.starts_with("spaCy"));
    let spacy_mb = spacy
        .and_then(|(_, s, st)| st.as_ref().map(|st| (s.bytes, st.seconds)))
        .filter(|(_, secs)| *secs > 0.0)
        .map(|(b, secs)| ("spaCy sm NER".to_string(), b as f64 / 1e6 / secs));

    let ours = &systems[0].1;
    for (metric, set) in [
        ("PER exact F1", &["PER"][..]),
        ("ORG exact F1", &["ORG"][..]),
        ("LOC exact F1", &["LOC"][..]),
        ("micro PER+ORG+LOC exact F1", &["PER", "ORG", "LOC"][..]),
    ] {
        headlines.push(Headline::new(
            metric,
            ours.exact.micro(set).f1(),
            spacy.map(|(_, s, _)| ("spaCy sm".to_string(), s.exact.micro(set).f1())),
            Target::AbovePeer,
        ));
    }
    if dataset == folder::RE3D {
        for (metric, tag) in [
            ("Weapon overlap F1", "WEAPON"),
            ("MilitaryPlatform overlap F1", "PLATFORM"),
        ] {
            headlines.push(Headline::new(
                metric,
                ours.overlap.get(tag).f1(),
                None,
                Target::None,
            ));
        }
    }
    headlines.push(Headline::new(
        "full extraction MB/s (one core)",
        full_mb,
        spacy_mb,
        Target::AtLeast(5.0),
    ));
    headlines
}

/// How claimtrace's, spaCy's and the data set's labels were mapped.
fn mapping_notes(dataset: &str) -> [String; 3] {
    [
        "claimtrace: `Extractor::entities` (knowledge-base actors, titled and capitalised names, gazetteer places) mapped by `crates/eval/src/mapping.rs::ner_tag`: person→PER; state, location→LOC; state military, state agency, armed group, IGO, media, organisation→ORG; demonyms/adjectives and named groups→MISC; pronouns and unnamed-source nouns dropped. Weapons from `claimtrace_measure::WeaponLexicon` (the extractor's lexicon), category→Weapon or MilitaryPlatform by `weapon_tag`.".into(),
        "Exact-span P/R/F1 per class (conlleval semantics). spaCy labels mapped PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC, NORP/EVENT/WORK_OF_ART/LAW/LANGUAGE/PRODUCT→MISC.".into(),
        if dataset == folder::RE3D {
            "re3d types mapped Person→PER, Organisation→ORG, Location→LOC, Nationality→MISC, Weapon→WEAPON, MilitaryPlatform→PLATFORM; entities with confidence < 0.5 dropped; other types not scored.".into()
        } else {
            "WikiGold text is rebuilt from its tokens (spaces between tokens, none before closing punctuation).".into()
        },
    ]
}

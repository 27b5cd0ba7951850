//! Named entities on WikiGold (PER/ORG/LOC/MISC) and re3d (the same plus
//! Weapon and MilitaryPlatform): claimtrace beside spaCy en_core_web_sm,
//! both scored by the same code on the same rebuilt text, with throughput.

use std::collections::HashMap;

use claimtrace_model::Span;

use super::{Ctx, folder};
use crate::data::{NerDoc, conll, re3d};
use crate::error::Result;
use crate::offsets::CharIndex;
use crate::peer::{NOT_INSTALLED, PeerStats, spacy_tag};
use crate::report::{Section, Table, prf};
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
    let mut systems: Vec<(String, NerScore, Option<PeerStats>)> = Vec::new();

    match &ctx.peers {
        Ok(py) if py.has("spacy") => {
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
            systems.push((run.stats.tool.clone(), s, Some(run.stats)));
        }
        Ok(_) | Err(_) => notes.push(format!("spaCy {NOT_INSTALLED}")),
    }

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
        for (name, s, _) in &systems {
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
        for (_, s, _) in &systems {
            row.push(prf(&s.exact.micro(set)));
        }
        table.row(row);
    }
    let mut row = vec!["overlap, micro PER+ORG+LOC".to_string(), String::new()];
    for (_, s, _) in &systems {
        row.push(prf(&s.overlap.micro(&["PER", "ORG", "LOC"])));
    }
    table.row(row);

    for (name, s, stats) in &systems {
        let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
        let secs = stats.as_ref().map(|st| st.seconds).unwrap_or(s.seconds);
        if secs > 0.0 {
            notes.push(format!(
                "{name}: {:.2} MB/s, {:.0} words/s ({} bytes, {} whitespace words, {:.2} s{}).",
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
    notes.push(
        "Exact-span P/R/F1 per class (conlleval semantics). spaCy labels mapped PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC, NORP/EVENT/WORK_OF_ART/LAW/LANGUAGE/PRODUCT→MISC.".into(),
    );
    if dataset == folder::RE3D {
        notes.push("re3d types mapped Person→PER, Organisation→ORG, Location→LOC, Nationality→MISC, Weapon→WEAPON, MilitaryPlatform→PLATFORM; entities with confidence < 0.5 dropped; other types not scored.".into());
    } else {
        notes.push("WikiGold text is rebuilt from its tokens (spaces between tokens, none before closing punctuation).".into());
    }
    Ok(Section {
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

//! The full evaluation: which components exist, where each data set lives,
//! and the run that loads gold data, keeps the requested split, scores
//! claimtrace (and baselines / peers) and assembles the [`Report`].

mod attribution;
pub(crate) mod claims;
mod coding;
mod dates;
mod events;
mod geo;
mod hedge;
mod html;
mod ner;

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use std::cell::OnceCell;

use claimtrace_extract::{ExtractConfig, Extractor};
use claimtrace_geo::Gazetteer;

use crate::error::{EvalError, Result};
use crate::peer::PythonPeers;
use crate::report::Report;
use crate::split::{Part, Split, part_of};

/// Data set folders under the data directory.
pub mod folder {
    pub const HEDGE: &str = "hedge_szeged_uncertainty";
    pub const POLNEAR: &str = "attribution_polnear";
    pub const WIKIGOLD: &str = "ner_wikigold";
    pub const RE3D: &str = "ner_re3d";
    pub const PLOVER: &str = "events_plover_gsr";
    pub const CASE2021: &str = "events_case2021_task2";
    pub const TBAQ: &str = "temporal_tbaq_cleaned";
    pub const MEANTIME: &str = "temporal_meantime_en";
    pub const GWN: &str = "geo_geowebnews";
    pub const LGL: &str = "geo_lgl";
    pub const HTML: &str = "article_extraction_scrapinghub";
    pub const CLAIMS_NEWS: &str = "claims_news_dev";
}

/// A component that can be evaluated (`claimtrace eval COMPONENT...`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Component {
    Hedge,
    Attribution,
    Ner,
    /// Event coding (claim type and PLOVER event) on CASE 2021 and the
    /// PLOVER gold standard.
    Coding,
    /// Whole claim records on real news reports (`claims_news_dev`).
    Claims,
    /// Event grouping (corroboration) on real news reports (`claims_news_dev`).
    Events,
    Dates,
    Geo,
    Html,
}

impl Component {
    pub const ALL: &'static [Component] = &[
        Component::Hedge,
        Component::Attribution,
        Component::Claims,
        Component::Events,
        Component::Ner,
        Component::Coding,
        Component::Dates,
        Component::Geo,
        Component::Html,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Component::Hedge => "hedge",
            Component::Attribution => "attribution",
            Component::Ner => "ner",
            Component::Coding => "coding",
            Component::Claims => "claims",
            Component::Events => "events",
            Component::Dates => "dates",
            Component::Geo => "geo",
            Component::Html => "html",
        }
    }
}

impl fmt::Display for Component {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Component {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        Component::ALL
            .iter()
            .find(|c| c.as_str() == s)
            .copied()
            .ok_or_else(|| {
                format!(
                    "unknown component '{s}' (one of: {})",
                    Component::ALL
                        .iter()
                        .map(|c| c.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })
    }
}

/// What to run.
#[derive(Debug, Clone)]
pub struct EvalConfig {
    /// The directory holding the data set folders (`../shared/eval`).
    pub data_dir: PathBuf,
    pub split: Split,
    /// Components to run; empty means all.
    pub components: Vec<Component>,
    /// Run the Python peers (spaCy, trafilatura) when installed.
    pub peers: bool,
    /// GeoNames table directory for the gazetteer (`data/geonames`), if set up.
    pub gazetteer_dir: Option<PathBuf>,
    /// A learned type model for the extractor (`claimtrace train type`).
    pub type_model: Option<PathBuf>,
    /// The command line, printed in the report.
    pub command: String,
    /// Write examples of claimtrace's errors (one file per data set) into
    /// this directory. Only allowed on the `dev` split: test documents must
    /// not be read while writing rules.
    pub errors_dir: Option<PathBuf>,
    /// Gold claim files in the `claims_news_dev` format (`articles.jsonl`,
    /// `gold.jsonl`) to score instead of `<data_dir>/claims_news_dev`.
    pub claims_dir: Option<PathBuf>,
}

/// Shared state of one run.
pub(crate) struct Ctx<'a> {
    pub cfg: &'a EvalConfig,
    pub peers: std::result::Result<PythonPeers, String>,
    /// claimtrace's extractor, built on first use (loading the gazetteer).
    extractor: OnceCell<std::result::Result<Extractor, String>>,
    /// The gazetteer alone, for the geocoding suite.
    gazetteer: OnceCell<std::result::Result<Gazetteer, String>>,
}

impl Ctx<'_> {
    /// The extractor with the configured gazetteer (built once per run).
    pub fn extractor(&self) -> Result<&Extractor> {
        self.extractor
            .get_or_init(|| {
                ExtractConfig {
                    gazetteer_dir: self.cfg.gazetteer_dir.clone(),
                    type_model: self.cfg.type_model.clone(),
                    ..Default::default()
                }
                .build()
                .map_err(|e| e.to_string())
            })
            .as_ref()
            .map_err(|reason| EvalError::Component {
                component: "extractor".into(),
                reason: reason.clone(),
            })
    }

    /// The gazetteer: GeoNames table plus builtin when `gazetteer_dir` is
    /// set, else the builtin table only.
    pub fn gazetteer(&self) -> Result<&Gazetteer> {
        self.gazetteer
            .get_or_init(|| match &self.cfg.gazetteer_dir {
                Some(dir) => Gazetteer::load(dir).map_err(|e| e.to_string()),
                None => Ok(Gazetteer::builtin()),
            })
            .as_ref()
            .map_err(|reason| EvalError::Component {
                component: "gazetteer".into(),
                reason: reason.clone(),
            })
    }

    /// Which gazetteer is in use, for the notes.
    pub fn gazetteer_name(&self) -> String {
        match &self.cfg.gazetteer_dir {
            Some(d) => format!(
                "builtin table + GeoNames table `{}`",
                d.join("geonames.tsv").display()
            ),
            None => "builtin table only (no GeoNames table: run scripts/setup-data.sh)".into(),
        }
    }

    /// Writes error examples of one data set (dev split only; see
    /// [`EvalConfig::errors_dir`]).
    pub fn write_errors(&self, name: &str, lines: &[String]) {
        let Some(dir) = &self.cfg.errors_dir else {
            return;
        };
        let _ = std::fs::create_dir_all(dir);
        let mut body = lines.join("\n");
        body.push('\n');
        let _ = std::fs::write(dir.join(format!("{name}.txt")), body);
    }

    /// Whether error examples are collected in this run.
    pub fn collect_errors(&self) -> bool {
        self.cfg.errors_dir.is_some()
    }

    pub fn path(&self, folder: &str) -> Result<PathBuf> {
        let p = self.cfg.data_dir.join(folder);
        if p.exists() {
            Ok(p)
        } else {
            Err(EvalError::NoData(p))
        }
    }

    pub fn keep(&self, folder: &str, id: &str) -> bool {
        self.cfg.split.includes(folder, id)
    }

    /// "N of M documents (split)".
    pub fn count(&self, kept: usize, total: usize, unit: &str) -> String {
        format!("{kept} of {total} {unit} ({} split)", self.cfg.split)
    }
}

/// Runs the configured components; `progress` receives one line per step.
/// A component that fails (missing data, peer error) is listed in
/// `Report::skipped` and the others still run.
pub fn run(cfg: &EvalConfig, progress: &mut dyn FnMut(&str)) -> Result<Report> {
    if !cfg.data_dir.is_dir() {
        return Err(EvalError::NoData(cfg.data_dir.clone()));
    }
    if cfg.errors_dir.is_some() && cfg.split != Split::Dev {
        return Err(EvalError::Component {
            component: "eval".into(),
            reason: "error examples are written for the dev split only (--split dev)".into(),
        });
    }
    let ctx = Ctx {
        cfg,
        peers: if cfg.peers {
            PythonPeers::find()
        } else {
            Err("peers disabled (--no-peers)".into())
        },
        extractor: OnceCell::new(),
        gazetteer: OnceCell::new(),
    };
    let mut report = Report {
        generated: chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string(),
        split: cfg.split.to_string(),
        data_dir: cfg.data_dir.display().to_string(),
        command: cfg.command.clone(),
        ..Default::default()
    };
    let t_run = std::time::Instant::now();
    let load_start = load_average();
    let components: Vec<Component> = if cfg.components.is_empty() {
        Component::ALL.to_vec()
    } else {
        cfg.components.clone()
    };
    for c in components {
        progress(&format!("eval {c} ..."));
        let t0 = std::time::Instant::now();
        let res = match c {
            Component::Hedge => hedge::sections(&ctx),
            Component::Attribution => attribution::sections(&ctx),
            Component::Ner => ner::sections(&ctx, progress),
            Component::Coding => coding::sections(&ctx),
            Component::Claims => claims::sections(&ctx),
            Component::Events => events::sections(&ctx),
            Component::Dates => dates::sections(&ctx),
            Component::Geo => geo::sections(&ctx),
            Component::Html => html::sections(&ctx, progress),
        };
        match res {
            Ok(mut s) => report.sections.append(&mut s),
            Err(e) => {
                progress(&format!("eval {c}: {e}"));
                report.skipped.push(format!("{c}: {e}"));
            }
        }
        let secs = t0.elapsed().as_secs_f64();
        report.timings.push((c.to_string(), secs));
        progress(&format!("eval {c} done in {secs:.1}s"));
    }
    report.wall_seconds = t_run.elapsed().as_secs_f64();
    report.machine = format!(
        "{} cores; load average {} at the start, {} at the end",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        load_start,
        load_average()
    );
    Ok(report)
}

/// The one-minute load average (Linux `/proc/loadavg`), or `?`.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".into())
}

/// The data sets `list_part` lists, in its order.
const LISTED: &[&str] = &[
    folder::HEDGE,
    folder::POLNEAR,
    folder::WIKIGOLD,
    folder::RE3D,
    folder::PLOVER,
    folder::CASE2021,
    folder::TBAQ,
    folder::MEANTIME,
    folder::GWN,
    folder::LGL,
    folder::CLAIMS_NEWS,
    folder::HTML,
];

/// Every `(data set folder, document id)` on one side of the split, for the
/// extraction engineers' list of what they may look at.
pub fn list_part(data_dir: &Path, part: Part) -> Result<Vec<(String, String)>> {
    let mut out: Vec<(String, String)> = Vec::new();
    for folder in LISTED {
        let dir = data_dir.join(folder);
        if !dir.is_dir() {
            continue;
        }
        for id in unit_ids(&dir, folder)? {
            if part_of(folder, &id) == part {
                out.push((folder.to_string(), id));
            }
        }
    }
    Ok(out)
}

/// The ids the split is made on in the data set `folder` found at `dir`
/// (documents, sentences or records; events for `claims_news_dev`).
fn unit_ids(dir: &Path, folder: &str) -> Result<Vec<String>> {
    use crate::data::*;
    fn ids<T>(items: Vec<T>, id: impl Fn(T) -> String) -> Vec<String> {
        items.into_iter().map(id).collect()
    }
    Ok(match folder {
        folder::HEDGE => {
            let mut all = Vec::new();
            for part_file in hedge::PARTS {
                let s = szeged::load(&dir.join(part_file.0))?;
                let mut ids: Vec<String> = s
                    .iter()
                    .map(|x| hedge::unit_id(part_file.1, &x.doc))
                    .collect();
                ids.dedup();
                all.extend(ids);
            }
            all
        }
        folder::POLNEAR => ids(polnear::load(dir)?, |x| x.id),
        folder::WIKIGOLD => ids(conll::load(&dir.join("wikigold.conll"))?, |x| x.id),
        folder::RE3D => ids(re3d::load(dir)?, |x| x.id),
        folder::PLOVER => ids(plover::load(&dir.join("plover_gsr.jsonl"))?, |x| x.id),
        folder::CASE2021 => ids(
            case2021::load(&dir.join("task2_test_with_labels.tsv"))?,
            |x| x.id,
        ),
        folder::TBAQ => ids(timeml::load_dir(dir)?, |x| x.id),
        folder::MEANTIME => ids(
            meantime::load_dir(&dir.join("intra-doc_annotation"))?,
            |x| x.id,
        ),
        folder::GWN => ids(toponyms::load(&dir.join("GWN.xml"))?, |x| x.id),
        folder::LGL => ids(toponyms::load(&dir.join("lgl.xml"))?, |x| x.id),
        folder::CLAIMS_NEWS => {
            let mut events = ids(claims_news::load(dir)?.articles, |a| a.event);
            events.sort();
            events.dedup();
            events
        }
        folder::HTML => ids(scrapinghub::load(dir)?, |x| x.id),
        _ => Vec::new(),
    })
}

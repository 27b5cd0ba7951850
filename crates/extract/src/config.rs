//! Extractor settings and their validation.

use std::path::PathBuf;

use claimtrace_geo::Gazetteer;
use claimtrace_measure::WeaponLexicon;
use serde::{Deserialize, Serialize};

use crate::actor_kb::ActorKb;
use crate::cue::CueLexicon;
use crate::error::{ExtractError, Result};
use crate::extractor::Extractor;
use crate::learn::LinearModel;
use crate::source_noun::SourceNouns;
use crate::trigger::TriggerLexicon;

/// Settings of the extractor. Every field has a default; `build()` loads
/// and checks the data and returns the [`Extractor`].
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ExtractConfig {
    /// Extra actor files in the format of `data/actors.tsv`, loaded after
    /// the built-in knowledge base.
    #[serde(default)]
    pub actors_files: Vec<PathBuf>,
    /// Extra weapon lexicon files in the format of the measure crate's
    /// `data/weapons.tsv`; a user entry wins over a built-in one.
    #[serde(default)]
    pub weapons_files: Vec<PathBuf>,
    /// Directory holding the GeoNames table built by `scripts/setup-data.sh`;
    /// `None` uses the project's own gazetteer only.
    #[serde(default)]
    pub gazetteer_dir: Option<PathBuf>,
    /// A learned type model (the TSV `claimtrace train type` writes) that
    /// re-judges the rules' claim types; `None` keeps the rules' types.
    #[serde(default)]
    pub type_model: Option<PathBuf>,
}

impl ExtractConfig {
    /// Load the lexicons and the gazetteer.
    pub fn build(&self) -> Result<Extractor> {
        let kb = ActorKb::load(&self.actors_files)?;
        let weapons = WeaponLexicon::with_files(&self.weapons_files).map_err(|e| {
            ExtractError::Component {
                component: "weapon lexicon",
                reason: e.to_string(),
            }
        })?;
        let gazetteer = match &self.gazetteer_dir {
            Some(dir) => Gazetteer::load(dir).map_err(|e| ExtractError::Component {
                component: "gazetteer",
                reason: e.to_string(),
            })?,
            None => Gazetteer::builtin(),
        };
        Ok(Extractor {
            kb,
            cues: CueLexicon::builtin()?,
            triggers: TriggerLexicon::builtin()?,
            nouns: SourceNouns::builtin()?,
            weapons,
            gazetteer,
            type_model: self
                .type_model
                .as_deref()
                .map(load_type_model)
                .transpose()?,
        })
    }
}

/// Read a type model written by `claimtrace train type`.
fn load_type_model(path: &std::path::Path) -> Result<LinearModel> {
    let bad = |reason: String| ExtractError::Component {
        component: "type model",
        reason: format!("{}: {reason}", path.display()),
    };
    let tsv = std::fs::read_to_string(path).map_err(|e| bad(e.to_string()))?;
    let model = LinearModel::from_tsv(&tsv).ok_or_else(|| bad("a malformed line".into()))?;
    if model.is_empty() {
        return Err(bad("no weights".into()));
    }
    Ok(model)
}

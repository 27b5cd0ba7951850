//! Extractor settings and their validation.

use std::path::PathBuf;

use claimtrace_geo::Gazetteer;
use claimtrace_measure::WeaponLexicon;
use serde::{Deserialize, Serialize};

use crate::actor_kb::ActorKb;
use crate::cue::CueLexicon;
use crate::error::{ExtractError, Result};
use crate::extractor::Extractor;
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
        })
    }
}

//! The corroborator's story step: a report's story found before its claims
//! are assigned, and the report folded into a story after.

use super::Corroborator;
use crate::event_index::BlockKey;
use claimtrace_model::DatePrecision;

use crate::features::{ClaimFeatures, day_number};
use crate::story::{
    KEY_TERMS, MAX_JOINS, Profile, Story, UNDATED_BUCKET, document_profile, story_buckets,
    term_names,
};

/// The story a report joined and why.
#[derive(Debug, Clone)]
pub(super) struct StoryMatch {
    /// The story's main event.
    pub event: u32,
    pub cosine: f32,
    /// Heaviest shared terms.
    pub shared: Vec<u32>,
    /// Days between the report's day and the story's days.
    pub gap: i32,
}

/// A report's profile and day, and the story it matched.
pub(super) struct Found {
    pub profile: Profile,
    pub day: Option<i32>,
    pub best: Option<StoryMatch>,
}

/// Shared terms named in a reason.
const REASON_TERMS: usize = 6;

impl Corroborator {
    /// The day a report speaks of: its publication day, else its frame,
    /// else the first day-precise date of its claims.
    pub(super) fn report_day(&self, claims: &[ClaimFeatures]) -> Option<i32> {
        let doc = claims.first()?.doc;
        self.docs
            .get(doc as usize)
            .and_then(|d| d.published.as_deref())
            .and_then(day_number)
            .or_else(|| self.frames.get(&doc).copied().flatten())
            .or_else(|| {
                claims
                    .iter()
                    .filter_map(|c| c.date)
                    .filter(|d| d.precision == DatePrecision::Day)
                    .map(|d| d.start)
                    .min()
            })
    }

    /// The keys a report looks its candidate stories up under.
    /// (`None`: an undated report, which looks in the undated bucket).
    pub(super) fn story_query_keys(&self, profile: &Profile, day: Option<i32>) -> Vec<BlockKey> {
        let days = self.cfg.story_days.max(self.cfg.story_lasting_days);
        let buckets: Vec<i32> = match day {
            Some(d) => story_buckets(d, days).collect(),
            None => vec![UNDATED_BUCKET],
        };
        let mut keys = Vec::new();
        for t in profile.top(2 * KEY_TERMS, &self.vocab) {
            for b in &buckets {
                keys.push(BlockKey::Story(t, *b));
            }
        }
        keys
    }

    /// The profile of a report's claims and the best story at or above
    /// `story_join` within its days (ties: the story opened first).
    pub(super) fn find_story(&mut self, claims: &[ClaimFeatures]) -> Found {
        let refs: Vec<&ClaimFeatures> = claims.iter().collect();
        let profile = document_profile(&refs, &mut self.vocab);
        let day = self.report_day(claims);
        let keys = self.story_query_keys(&profile, day);
        let mut best: Option<StoryMatch> = None;
        for e in self.index.story_candidates(&keys) {
            let Some((story, lasting)) = self.index.story_of(e) else {
                continue;
            };
            let limit = if lasting {
                self.cfg.story_lasting_days
            } else {
                self.cfg.story_days
            };
            // An undated report (or story) is judged on its words alone.
            let gap = story.gap(day).unwrap_or(0);
            if gap > limit {
                continue;
            }
            let cosine = profile.cosine(&story.profile);
            if f64::from(cosine) >= self.cfg.story_join
                && best.as_ref().is_none_or(|b| cosine > b.cosine)
            {
                best = Some(StoryMatch {
                    event: e,
                    cosine,
                    shared: profile.shared(&story.profile, REASON_TERMS),
                    gap,
                });
            }
        }
        Found { profile, day, best }
    }

    /// Folds report `doc` into a story: the one it matched when any of its
    /// claims joined that story's event, else the story of the event most
    /// of its claims joined (a new story when that event has none).
    pub(super) fn fold_story(&mut self, doc: u32, events: &[u32], found: Found) {
        let mut count: std::collections::BTreeMap<u32, usize> = Default::default();
        for e in events {
            *count.entry(*e).or_default() += 1;
        }
        let matched = found.best.filter(|m| count.contains_key(&m.event));
        let main = match &matched {
            Some(m) => m.event,
            None => match count.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))) {
                Some((e, _)) => *e,
                None => return,
            },
        };
        let doc_id = self
            .docs
            .get(doc as usize)
            .map(|d| d.id.clone())
            .unwrap_or_default();
        let story = match self.index.take_story(main) {
            Some(mut st) => {
                let why = match &matched {
                    Some(m) => format!(
                        "story: its words and names match the story's reports (cosine {:.2}; shared: {}); {} days from their days",
                        m.cosine,
                        term_names(&m.shared, &self.vocab),
                        m.gap
                    ),
                    None => format!(
                        "story: {} of its {} claims joined this event on their own evidence",
                        count.get(&main).copied().unwrap_or(0),
                        events.len()
                    ),
                };
                st.absorb(&found.profile, found.day, &self.vocab);
                if st.joins.len() < MAX_JOINS {
                    st.joins.push((doc_id.clone(), why.clone()));
                }
                self.doc_reasons.insert(doc, why);
                st
            }
            None => {
                self.doc_reasons
                    .insert(doc, "story: opened by this report".into());
                Story::new(found.profile, found.day)
            }
        };
        self.index.set_story(main, story, &self.vocab);
    }
}

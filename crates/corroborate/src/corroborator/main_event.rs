//! The corroborator's last step for a report: claims that joined no event
//! join the report's main event, unless they speak of another happening.
//!
//! A report is about one happening and goes on about it: the statements,
//! reactions, denials, tolls and deployments it tells next to the
//! happening's account are often placed elsewhere (where they were said,
//! the cities a march passed through) or worded apart, so no event takes
//! them and each opens an event no other claim joins. Once all of the
//! report's claims are placed, such a claim moves into the report's main
//! event (the one most of its claims joined) unless a date far from the
//! event's days, a precise place far from a happening tied to one spot,
//! or words such as "separately" or "elsewhere" say it is about something
//! else. A claim about another happening that an earlier event holds has
//! joined that event already (it is no singleton).

use super::{Assignment, Corroborator, Join};
use crate::features::ClaimFeatures;

/// Words that say a sentence speaks of another happening than the one
/// its report is about.
const ELSEWHERE: &[&str] = &["separately", "elsewhere", "separate", "unrelated"];

/// Whether a sentence says it speaks of another happening ("In a separate
/// attack", "Elsewhere, ...", "in another incident").
pub(crate) fn names_another_happening(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().any(|w| ELSEWHERE.contains(w))
        || words.windows(2).any(|p| p[0] == "in" && p[1] == "another")
}

/// The event most of `placed` joined (ties: the one opened first).
fn main_event(placed: &[Assignment]) -> Option<u32> {
    let mut count: std::collections::BTreeMap<u32, usize> = Default::default();
    for a in placed {
        *count.entry(a.event).or_default() += 1;
    }
    count
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(e, _)| *e)
}

impl Corroborator {
    /// Moves the claims of each event that one report opened and no other
    /// report's claim joined (`placed`: the report's assignments in order)
    /// into the report's main event, when each of them is about it (see
    /// [`Corroborator::about_main`]); the emptied event is dissolved.
    pub(super) fn absorb_singletons(&mut self, placed: &mut [Assignment]) {
        let Some(main) = main_event(placed) else {
            return;
        };
        let opened: Vec<u32> = placed
            .iter()
            .filter(|a| a.opened && a.event != main)
            .map(|a| a.event)
            .collect();
        for e in opened {
            let Some(ev) = self.index.events.get(e as usize) else {
                continue;
            };
            let members = ev.members.clone();
            // Restored events and events others joined are not the report's alone.
            let doc = members.first().map(|m| self.claims[*m as usize].doc);
            if members.len() != ev.size
                || members
                    .iter()
                    .any(|m| Some(self.claims[*m as usize].doc) != doc)
                || members
                    .iter()
                    .any(|m| !self.about_main(&self.claims[*m as usize], main))
            {
                continue;
            }
            self.index.dissolve(e);
            for m in members {
                let f = &self.claims[m as usize];
                self.index.attach(main, m, f, &self.cfg);
                self.claim_event[m as usize] = main;
                self.joined[m as usize] = Join::MainEvent;
                if let Some(mine) = self.doc_events.get_mut(&f.doc) {
                    mine.retain(|x| *x != e);
                }
                if let Some(last) = self.last_claim.get_mut(&f.doc)
                    && last.1 == e
                {
                    last.1 = main;
                }
            }
            for a in placed.iter_mut().filter(|a| a.event == e) {
                a.event = main;
                a.opened = false;
            }
        }
    }

    /// Whether a claim of a report whose main event is `e` is about it: it
    /// names no other happening and fits the event's days and place (see
    /// `EventIndex::fits`).
    fn about_main(&self, f: &ClaimFeatures, e: u32) -> bool {
        !names_another_happening(&f.sentence) && self.index.fits(e, f, &self.cfg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_words_name_another_happening() {
        assert!(names_another_happening(
            "In a separate attack, two soldiers were killed in Kherson."
        ));
        assert!(names_another_happening("Elsewhere, shelling hit a school."));
        assert!(names_another_happening(
            "In another incident, a drone fell."
        ));
        assert!(!names_another_happening(
            "The foreign ministry condemned the strike as a violation."
        ));
        // Word boundaries: "separatists" is not "separate".
        assert!(!names_another_happening("Separatists said the town fell."));
    }
}

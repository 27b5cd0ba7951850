//! Label mappings from the gold data sets' taxonomies into claimtrace's
//! label sets, written once here and printed in EVALUATION.md.

use claimtrace_model::{ActorKind, ClaimType, PloverEvent};

/// Whether a claimtrace cue (`Extractor::cues`: its kind and the words it
/// covers) marks semantic uncertainty in the Szeged sense:
/// - hedges ("may", "reportedly", "suspected") and conditionals ("if",
///   "unless") always;
/// - opinion and prediction cues only when built on an epistemic word
///   ("seems to", "may be interpreted", "is expected to", "we believe"), not
///   deontic or evaluative ones ("should", "must", "clearly", "will");
/// - a source's evaluation only when it is doxastic ("considered",
///   "regarded as": Szeged's `hypo_doxastic` cues), not "called", "described";
/// - never reporting, denial or negation cues, nor agentless reporting ("it
///   was reported", "is said to"), which claimtrace hedges but Szeged does not
///   mark (on the dev split 2 of 31 such cues fell on a gold cue).
///
/// These choices were made on the dev split only.
pub fn is_uncertainty_cue(kind: &str, words: &str) -> bool {
    let starts = |stems: &[&str]| {
        let w = words.to_lowercase();
        stems.iter().any(|s| {
            w.split(|c: char| !c.is_alphanumeric())
                .any(|word| word.starts_with(s))
        }) || w.contains("be seen as")
    };
    match kind {
        "hedge" | "hypothetical" => true,
        "opinion" | "future" => starts(EPISTEMIC_STEMS),
        "evaluation" => starts(DOXASTIC_STEMS),
        _ => false,
    }
}

/// Word starts that make an opinion or future cue epistemic.
const EPISTEMIC_STEMS: &[&str] = &["may", "might", "could", "seem", "expect", "believ"];

/// Word starts that make a source's evaluation a belief.
const DOXASTIC_STEMS: &[&str] = &["consider", "regard"];

/// The CoNLL-style NER class of a claimtrace entity mention
/// (`Extractor::entities`), or `None` when it is not a named entity:
/// pronouns and unnamed-source nouns ("officials") are mentions but not
/// names. Demonyms and adjectives ("Malian", "Kurdish") are MISC, as
/// nationalities are in CoNLL-2003 and re3d (Nationality); persons are PER;
/// states and places are LOC (CoNLL has no GPE: countries and cities are
/// LOC); militaries, ministries, agencies, armed groups, intergovernmental
/// bodies, media and other organisations are ORG; named groups ("Kurds",
/// "Yazidis") are MISC.
pub fn ner_tag(kind: ActorKind, adjective: bool, found: &str) -> Option<&'static str> {
    if matches!(found, "pronoun" | "source_noun") {
        return None;
    }
    if adjective {
        return Some("MISC");
    }
    Some(match kind {
        ActorKind::Person => "PER",
        ActorKind::State | ActorKind::Location => "LOC",
        ActorKind::StateMilitary
        | ActorKind::StateAgency
        | ActorKind::ArmedGroup
        | ActorKind::Igo
        | ActorKind::Media
        | ActorKind::Organisation => "ORG",
        ActorKind::Group => "MISC",
        ActorKind::Unknown => return None,
    })
}

/// The re3d class of a weapon-lexicon category (`claimtrace_measure`'s
/// `data/weapons.tsv`): carriers — aircraft, helicopters, drones, ships,
/// armoured vehicles — are re3d `MilitaryPlatform`; everything that is fired,
/// dropped or detonated (and generic "weapons") is `Weapon`.
pub fn weapon_tag(category: &str) -> Option<&'static str> {
    Some(match category {
        "aircraft" | "helicopter" | "uav" | "naval" | "armor" => "PLATFORM",
        "air_defense" | "missile" | "bomb" | "artillery" | "rocket" | "rocket_artillery"
        | "small_arms" | "chemical" | "explosive" | "munition" | "loitering_munition"
        | "weapon" | "strike" => "WEAPON",
        _ => return None,
    })
}

/// ACLED sub-event types (CASE 2021 task 2) → claimtrace claim type.
///
/// Political violence and territorial change are `attack`; abductions are
/// `casualties` (people captured); force-posture changes are `deployment`;
/// agreements and diplomacy are `diplomatic_engagement`; claims of
/// responsibility are statements; protests, crime, disasters and
/// organisational change have no claimtrace type and are `other`.
pub const ACLED_TO_CLAIM: &[(&str, ClaimType)] = &[
    ("ARMED_CLASH", ClaimType::Attack),
    ("AIR_STRIKE", ClaimType::Attack),
    ("ART_MISS_ATTACK", ClaimType::Attack),
    ("REM_EXPLOS", ClaimType::Attack),
    ("GRENADE", ClaimType::Attack),
    ("SUIC_BOMB", ClaimType::Attack),
    ("CHEM_WEAP", ClaimType::Attack),
    ("ATTACK", ClaimType::Attack),
    ("SEX_VIOL", ClaimType::Attack),
    ("FORCE_AGAINST_PROTEST", ClaimType::Attack),
    ("PROPERTY_DISTRUCT", ClaimType::Attack),
    ("GOV_REGAINS_TERIT", ClaimType::Attack),
    ("NON_STATE_ACTOR_OVERTAKES_TER", ClaimType::Attack),
    ("ABDUCT_DISSAP", ClaimType::Casualties),
    ("NON_VIOL_TERRIT_TRANSFER", ClaimType::Deployment),
    ("HQ_ESTABLISHED", ClaimType::Deployment),
    ("DISR_WEAP", ClaimType::Other),
    ("AGREEMENT", ClaimType::DiplomaticEngagement),
    ("DIPLO", ClaimType::DiplomaticEngagement),
    ("ATTRIB", ClaimType::StatementOrAcknowledgement),
    ("PEACE_PROTEST", ClaimType::Other),
    ("PROTEST_WITH_INTER", ClaimType::Other),
    ("VIOL_DEMONSTR", ClaimType::Other),
    ("MOB_VIOL", ClaimType::Other),
    ("ARREST", ClaimType::Other),
    ("CHANGE_TO_GROUP_ACT", ClaimType::Other),
    ("ORG_CRIME", ClaimType::Other),
    ("NATURAL_DISASTER", ClaimType::Other),
    ("MAN_MADE_DISASTER", ClaimType::Other),
    ("OTHER", ClaimType::Other),
];

/// ACLED sub-event types (CASE 2021 task 2) → PLOVER event, where PLOVER
/// has one: fighting, bombing, shelling, abduction and sexual violence are
/// ASSAULT (claimtrace folds PLOVER's FIGHT into ASSAULT); protests and
/// riots PROTEST; arrests, force against protesters and seizure or defusing
/// of weapons COERCE; a withdrawal RETREAT; a base set up MOBILIZE;
/// agreements AGREE; diplomacy CONSULT. Claims of responsibility, crime,
/// disasters, organisational change and OTHER have no PLOVER event and are
/// not scored.
pub const ACLED_TO_PLOVER: &[(&str, PloverEvent)] = &[
    ("ARMED_CLASH", PloverEvent::Assault),
    ("AIR_STRIKE", PloverEvent::Assault),
    ("ART_MISS_ATTACK", PloverEvent::Assault),
    ("REM_EXPLOS", PloverEvent::Assault),
    ("GRENADE", PloverEvent::Assault),
    ("SUIC_BOMB", PloverEvent::Assault),
    ("CHEM_WEAP", PloverEvent::Assault),
    ("ATTACK", PloverEvent::Assault),
    ("SEX_VIOL", PloverEvent::Assault),
    ("ABDUCT_DISSAP", PloverEvent::Assault),
    ("PROPERTY_DISTRUCT", PloverEvent::Assault),
    ("GOV_REGAINS_TERIT", PloverEvent::Assault),
    ("NON_STATE_ACTOR_OVERTAKES_TER", PloverEvent::Assault),
    ("MOB_VIOL", PloverEvent::Protest),
    ("PEACE_PROTEST", PloverEvent::Protest),
    ("PROTEST_WITH_INTER", PloverEvent::Protest),
    ("VIOL_DEMONSTR", PloverEvent::Protest),
    ("FORCE_AGAINST_PROTEST", PloverEvent::Coerce),
    ("ARREST", PloverEvent::Coerce),
    ("DISR_WEAP", PloverEvent::Coerce),
    ("NON_VIOL_TERRIT_TRANSFER", PloverEvent::Retreat),
    ("HQ_ESTABLISHED", PloverEvent::Mobilize),
    ("AGREEMENT", PloverEvent::Agree),
    ("DIPLO", PloverEvent::Consult),
];

/// The PLOVER event an ACLED sub-event type maps to, if any.
pub fn acled_plover(subtype: &str) -> Option<PloverEvent> {
    ACLED_TO_PLOVER
        .iter()
        .find(|(s, _)| *s == subtype)
        .map(|(_, p)| *p)
}

/// The claim type an ACLED sub-event type maps to.
pub fn acled_claim_type(subtype: &str) -> Option<ClaimType> {
    ACLED_TO_CLAIM
        .iter()
        .find(|(s, _)| *s == subtype)
        .map(|(_, t)| *t)
}

/// PLOVER gold-standard event (PLOVER 0.5b1 names) → claimtrace's PLOVER
/// event. Renamed categories are followed (DEMAND → REQUEST, DISAPPROVE →
/// ACCUSE, FIGHT → ASSAULT); INVESTIGATE has no counterpart and stays as
/// itself, so those records can only be missed.
pub fn plover_gold(event: &str) -> String {
    match event {
        "DEMAND" => PloverEvent::Request.as_str().to_string(),
        "DISAPPROVE" => PloverEvent::Accuse.as_str().to_string(),
        "FIGHT" => PloverEvent::Assault.as_str().to_string(),
        other => other
            .parse::<PloverEvent>()
            .map(|p| p.as_str().to_string())
            .unwrap_or_else(|_| other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_case_type_is_mapped() {
        for t in [
            "ABDUCT_DISSAP",
            "AGREEMENT",
            "AIR_STRIKE",
            "ARMED_CLASH",
            "ARREST",
            "ART_MISS_ATTACK",
            "ATTACK",
            "CHANGE_TO_GROUP_ACT",
            "CHEM_WEAP",
            "DISR_WEAP",
            "FORCE_AGAINST_PROTEST",
            "GOV_REGAINS_TERIT",
            "GRENADE",
            "HQ_ESTABLISHED",
            "MOB_VIOL",
            "NON_STATE_ACTOR_OVERTAKES_TER",
            "NON_VIOL_TERRIT_TRANSFER",
            "OTHER",
            "PEACE_PROTEST",
            "PROPERTY_DISTRUCT",
            "PROTEST_WITH_INTER",
            "REM_EXPLOS",
            "SEX_VIOL",
            "SUIC_BOMB",
            "VIOL_DEMONSTR",
            "ORG_CRIME",
            "NATURAL_DISASTER",
            "MAN_MADE_DISASTER",
            "DIPLO",
            "ATTRIB",
        ] {
            assert!(acled_claim_type(t).is_some(), "{t}");
        }
        assert_eq!(acled_claim_type("AIR_STRIKE"), Some(ClaimType::Attack));
        assert_eq!(acled_claim_type("nope"), None);
    }

    #[test]
    fn acled_plover_is_partial() {
        assert_eq!(acled_plover("PEACE_PROTEST"), Some(PloverEvent::Protest));
        assert_eq!(acled_plover("ARREST"), Some(PloverEvent::Coerce));
        assert_eq!(acled_plover("ATTRIB"), None);
        assert_eq!(acled_plover("NATURAL_DISASTER"), None);
        for (t, _) in ACLED_TO_PLOVER {
            assert!(
                acled_claim_type(t).is_some(),
                "{t} has a PLOVER but no claim type"
            );
        }
    }

    #[test]
    fn uncertainty_cues() {
        assert!(is_uncertainty_cue("hedge", "reportedly"));
        assert!(!is_uncertainty_cue("passive", "it was reported"));
        assert!(is_uncertainty_cue("evaluation", "considered"));
        assert!(is_uncertainty_cue("evaluation", "regarded"));
        assert!(!is_uncertainty_cue("evaluation", "called"));
        assert!(is_uncertainty_cue("hypothetical", "if"));
        assert!(is_uncertainty_cue("opinion", "seems to"));
        assert!(is_uncertainty_cue("opinion", "may be interpreted"));
        assert!(is_uncertainty_cue("opinion", "be seen as"));
        assert!(is_uncertainty_cue("future", "is expected to"));
        assert!(!is_uncertainty_cue("opinion", "should"));
        assert!(!is_uncertainty_cue("opinion", "clearly"));
        assert!(!is_uncertainty_cue("future", "will"));
        assert!(!is_uncertainty_cue("report", "said"));
        assert!(!is_uncertainty_cue("denial", "denied"));
        assert!(!is_uncertainty_cue("evaluation", "condemned"));
    }

    #[test]
    fn ner_classes() {
        assert_eq!(ner_tag(ActorKind::Person, false, "title"), Some("PER"));
        assert_eq!(
            ner_tag(ActorKind::State, false, "knowledge_base"),
            Some("LOC")
        );
        assert_eq!(
            ner_tag(ActorKind::Location, false, "gazetteer"),
            Some("LOC")
        );
        assert_eq!(
            ner_tag(ActorKind::State, true, "knowledge_base"),
            Some("MISC")
        );
        assert_eq!(
            ner_tag(ActorKind::ArmedGroup, false, "knowledge_base"),
            Some("ORG")
        );
        assert_eq!(
            ner_tag(ActorKind::Igo, false, "knowledge_base"),
            Some("ORG")
        );
        assert_eq!(
            ner_tag(ActorKind::Media, false, "knowledge_base"),
            Some("ORG")
        );
        assert_eq!(
            ner_tag(ActorKind::Group, false, "capitalised_name"),
            Some("MISC")
        );
        assert_eq!(ner_tag(ActorKind::Group, false, "source_noun"), None);
        assert_eq!(ner_tag(ActorKind::Person, false, "pronoun"), None);
        assert_eq!(ner_tag(ActorKind::Unknown, false, "capitalised_name"), None);
    }

    #[test]
    fn weapon_classes() {
        assert_eq!(weapon_tag("uav"), Some("PLATFORM"));
        assert_eq!(weapon_tag("armor"), Some("PLATFORM"));
        assert_eq!(weapon_tag("missile"), Some("WEAPON"));
        assert_eq!(weapon_tag("chemical"), Some("WEAPON"));
        assert_eq!(weapon_tag("-"), None);
    }

    #[test]
    fn plover_renames() {
        assert_eq!(plover_gold("DEMAND"), "REQUEST");
        assert_eq!(plover_gold("AGREE"), "AGREE");
        assert_eq!(plover_gold("INVESTIGATE"), "INVESTIGATE");
    }
}

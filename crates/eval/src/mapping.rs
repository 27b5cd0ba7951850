//! Label mappings from the gold data sets' taxonomies into claimtrace's
//! label sets, written once here and printed in EVALUATION.md.

use claimtrace_model::{ClaimType, PloverEvent};

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
    fn plover_renames() {
        assert_eq!(plover_gold("DEMAND"), "REQUEST");
        assert_eq!(plover_gold("AGREE"), "AGREE");
        assert_eq!(plover_gold("INVESTIGATE"), "INVESTIGATE");
    }
}

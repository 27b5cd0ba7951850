//! The closed label sets of the claim record. Each enum serialises to the
//! exact strings of `claim-record.md`, and `as_str` / `FromStr` use the same
//! strings, so the CLI, SQL columns and JSON agree.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A label string that is not in its label set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelError {
    pub set: &'static str,
    pub value: String,
}

impl fmt::Display for LabelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "'{}' is not a {} label", self.value, self.set)
    }
}

impl std::error::Error for LabelError {}

macro_rules! label_set {
    ($(#[$meta:meta])* $name:ident, $set:literal, { $($(#[$vmeta:meta])* $variant:ident => $s:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $s)] $variant),+
        }

        impl $name {
            /// Every label of the set, in contract order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The label's contract string.
            pub fn as_str(&self) -> &'static str {
                match self { $($name::$variant => $s),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = LabelError;
            fn from_str(s: &str) -> Result<Self, LabelError> {
                match s {
                    $($s => Ok($name::$variant),)+
                    _ => Err(LabelError { set: $set, value: s.to_string() }),
                }
            }
        }
    };
}

label_set!(
    /// What kind of claim (`type`).
    ClaimType, "type", {
    /// An armed attack, strike, offensive, assassination attempt.
    Attack => "attack",
    /// Weapons or military equipment supplied, sold, exported, delivered.
    ArmsTransfer => "arms_transfer",
    /// Training, intelligence, advisers, mercenaries, support to an armed party.
    MilitaryCooperation => "military_cooperation",
    /// Ties severed, ambassador expelled or recalled, relations suspended.
    DiplomaticRupture => "diplomatic_rupture",
    /// Talks, mediation, negotiation, peace initiative, agreement.
    DiplomaticEngagement => "diplomatic_engagement",
    /// The speech act itself is the news.
    StatementOrAcknowledgement => "statement_or_acknowledgement",
    /// Terrorist designations, sanctions, embargoes.
    DesignationOrSanction => "designation_or_sanction",
    /// People killed, wounded, captured; losses.
    Casualties => "casualties",
    /// Forces or equipment present or deployed somewhere.
    Deployment => "deployment",
    /// A factual claim that fits none of the above.
    Other => "other",
});

label_set!(
    /// Who asserts a claim (`source.kind`).
    SourceKind, "source kind", {
    NamedPerson => "named_person",
    NamedOrganisation => "named_organisation",
    Media => "media",
    AnonymousOfficials => "anonymous_officials",
    UnnamedExperts => "unnamed_experts",
    Document => "document",
    /// The article itself asserts it and names no source.
    Author => "author",
});

label_set!(
    /// How firmly a claim is made (`epistemic`).
    Epistemic, "epistemic", {
    Asserted => "asserted",
    Reported => "reported",
    Hedged => "hedged",
    Denied => "denied",
    Opinion => "opinion",
});

label_set!(
    /// The PLOVER event type (`plover.event`).
    PloverEvent, "PLOVER event", {
    Agree => "AGREE",
    Consult => "CONSULT",
    Support => "SUPPORT",
    Concede => "CONCEDE",
    Cooperate => "COOPERATE",
    Aid => "AID",
    Retreat => "RETREAT",
    Request => "REQUEST",
    Accuse => "ACCUSE",
    Reject => "REJECT",
    Threaten => "THREATEN",
    Protest => "PROTEST",
    Sanction => "SANCTION",
    Mobilize => "MOBILIZE",
    Coerce => "COERCE",
    Assault => "ASSAULT",
});

label_set!(
    /// What kind of thing an actor, target or source is (`actor.kind`).
    ActorKind, "actor kind", {
    State => "state",
    StateMilitary => "state_military",
    /// A ministry, intelligence service or other state body.
    StateAgency => "state_agency",
    ArmedGroup => "armed_group",
    /// An intergovernmental body: UN, AU, ECOWAS, NATO.
    Igo => "igo",
    Media => "media",
    Person => "person",
    /// A company, NGO or other organisation.
    Organisation => "organisation",
    /// Unnamed officials, experts, witnesses.
    Group => "group",
    Location => "location",
    Unknown => "unknown",
});

impl ClaimType {
    /// The PLOVER event a claim of this type codes to when nothing more
    /// specific is known.
    pub fn default_plover(&self) -> PloverEvent {
        match self {
            ClaimType::Attack | ClaimType::Casualties => PloverEvent::Assault,
            ClaimType::ArmsTransfer => PloverEvent::Aid,
            ClaimType::MilitaryCooperation => PloverEvent::Cooperate,
            ClaimType::DiplomaticRupture => PloverEvent::Reject,
            ClaimType::DiplomaticEngagement => PloverEvent::Consult,
            ClaimType::StatementOrAcknowledgement => PloverEvent::Concede,
            ClaimType::DesignationOrSanction => PloverEvent::Sanction,
            ClaimType::Deployment => PloverEvent::Mobilize,
            ClaimType::Other => PloverEvent::Consult,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_round_trip() {
        for t in ClaimType::ALL {
            assert_eq!(t.as_str().parse::<ClaimType>().unwrap(), *t);
            assert_eq!(
                serde_json::to_string(t).unwrap(),
                format!("\"{}\"", t.as_str())
            );
        }
        for k in SourceKind::ALL {
            assert_eq!(k.as_str().parse::<SourceKind>().unwrap(), *k);
        }
        for e in Epistemic::ALL {
            assert_eq!(e.as_str().parse::<Epistemic>().unwrap(), *e);
        }
        for p in PloverEvent::ALL {
            assert_eq!(p.as_str().parse::<PloverEvent>().unwrap(), *p);
        }
        assert!("attacks".parse::<ClaimType>().is_err());
    }

    #[test]
    fn label_sets_match_contract_sizes() {
        assert_eq!(ClaimType::ALL.len(), 10);
        assert_eq!(SourceKind::ALL.len(), 7);
        assert_eq!(Epistemic::ALL.len(), 5);
        assert_eq!(PloverEvent::ALL.len(), 16);
    }
}

//! Test data shared by the exporters' unit tests: a handful of claims that
//! exercise every optional field, odd characters and the edge cases each
//! format must handle.

use std::collections::HashMap;

use claimtrace_model::{
    ActorKind, Claim, ClaimType, CorroborationLevel, DatePrecision, DateRef, Epistemic, Event,
    EventClaim, Mention, Place, PlaceRole, Plover, PloverEvent, Quantity, Source, SourceKind, Span,
};

use crate::{ClaimLink, DocMeta, ExportData, Verdict};

pub(crate) fn mention(
    text: &str,
    name: &str,
    id: Option<&str>,
    kind: ActorKind,
    at: usize,
) -> Mention {
    Mention {
        text: text.into(),
        name: name.into(),
        id: id.map(str::to_string),
        kind,
        span: Some(Span::new(at, at + text.len())),
        guessed: false,
        role: None,
    }
}

fn base(id: &str, doc: &str, sentence: &str, claim_type: ClaimType, epistemic: Epistemic) -> Claim {
    Claim {
        id: id.into(),
        doc: doc.into(),
        sentence: sentence.into(),
        span: Span::new(10, 10 + sentence.len()),
        sentence_index: 1,
        claim_type,
        plover: Plover {
            event: claim_type.default_plover(),
            mode: None,
            context: vec![],
            aux: None,
        },
        actor: None,
        target: None,
        source: Source::author(None),
        epistemic,
        cues: vec![],
        cue_spans: vec![],
        date: None,
        place: None,
        quantities: vec![],
        weapons: vec![],
        weapon_spans: vec![],
        why: vec![format!("type {}: test fixture", claim_type.as_str())],
    }
}

/// Six claims: a fully coded attack (place with coordinates, date, quantity,
/// weapons, nested source chain), two hedged arms transfers and one denied,
/// one claim with no target, and one whose names carry XML/CSV metacharacters.
pub(crate) fn claims() -> Vec<Claim> {
    vec![
        attack_claim(),
        transfer_claim("c-hedged-1", "signal.jsonl", Epistemic::Hedged),
        transfer_claim("c-hedged-2", "signal-copy.jsonl", Epistemic::Hedged),
        denied_claim(),
        notarget_claim(),
        odd_claim(),
    ]
}

/// The fully coded attack: place with coordinates, date, quantity, weapons,
/// nested source chain, and a reason with CSV metacharacters.
fn attack_claim() -> Claim {
    let mut attack = base(
        "c-attack",
        "wire.txt",
        "Ukraine's SBU said 117 drones struck the Belaya air base, \"Spiderweb\"; fires broke out.",
        ClaimType::Attack,
        Epistemic::Reported,
    );
    attack.plover = Plover {
        event: PloverEvent::Assault,
        mode: Some("drone".into()),
        context: vec!["military".into()],
        aux: None,
    };
    attack.actor = Some(mention(
        "Ukraine's SBU",
        "Ukraine",
        Some("UKR"),
        ActorKind::StateAgency,
        10,
    ));
    attack.target = Some(mention(
        "the Belaya air base",
        "Russia",
        Some("RUS"),
        ActorKind::State,
        45,
    ));
    attack.source = Source {
        text: "Ukraine's SBU".into(),
        name: "SBU".into(),
        kind: SourceKind::NamedOrganisation,
        span: Some(Span::new(10, 23)),
        chain: vec!["Continental Press Agency".into(), "SBU".into()],
        role: None,
    };
    attack.cues = vec!["said".into()];
    attack.cue_spans = vec![Span::new(24, 28)];
    attack.date = Some(DateRef {
        text: "on Sunday".into(),
        value: "2025-06-01".into(),
        precision: DatePrecision::Day,
        start: Some("2025-06-01".into()),
        end: Some("2025-06-01".into()),
        span: Some(Span::new(90, 99)),
        inherited: false,
    });
    attack.place = Some(Place {
        text: "Belaya air base".into(),
        name: "Belaya".into(),
        country: Some("RU".into()),
        lat: Some(52.915),
        lon: Some(103.575),
        feature: Some("facility".into()),
        geonameid: None,
        role: PlaceRole::Event,
        span: Some(Span::new(49, 64)),
    });
    attack.quantities = vec![Quantity {
        text: "117 drones".into(),
        value: Some(117.0),
        min: Some(117.0),
        max: Some(117.0),
        qualifier: None,
        unit: Some("drone".into()),
        span: Some(Span::new(29, 39)),
    }];
    attack.weapons = vec!["drone".into(), "FPV drone".into()];
    attack.weapon_spans = vec![Span::new(33, 39), Span::new(33, 39)];
    attack.why.push(
        "source: 'said' after a named organisation; reasons may contain ; and , and \"quotes\""
            .into(),
    );
    attack
}

/// A hedged arms transfer (Ukraine → RSF at Atbara).
fn transfer_claim(id: &str, doc: &str, epistemic: Epistemic) -> Claim {
    let mut c = base(
        id,
        doc,
        "The RSF reportedly used Ukrainian-made drones against Atbara airport.",
        ClaimType::ArmsTransfer,
        epistemic,
    );
    c.actor = Some(mention(
        "Ukrainian-made",
        "Ukraine",
        Some("UKR"),
        ActorKind::State,
        24,
    ));
    c.target = Some(mention(
        "The RSF",
        "Rapid Support Forces",
        None,
        ActorKind::ArmedGroup,
        10,
    ));
    c.place = Some(Place {
        text: "Atbara".into(),
        name: "Atbara".into(),
        country: Some("SD".into()),
        lat: None,
        lon: None,
        feature: Some("city".into()),
        geonameid: Some(379_555),
        role: PlaceRole::Event,
        span: Some(Span::new(62, 68)),
    });
    c
}

/// The transfer denied by a named ministry.
fn denied_claim() -> Claim {
    let mut denied = transfer_claim("c-denied", "ledger.jsonl", Epistemic::Denied);
    denied.sentence =
        "Ukraine has not supplied drones to the Rapid Support Forces, the ministry said.".into();
    denied.source = Source {
        text: "the ministry".into(),
        name: "Ukrainian foreign ministry".into(),
        kind: SourceKind::NamedOrganisation,
        span: None,
        chain: vec![],
        role: None,
    };
    denied
}

/// A diplomatic engagement with an actor and no target.
fn notarget_claim() -> Claim {
    let mut notarget = base(
        "c-notarget",
        "wire.txt",
        "Talks resumed in Istanbul.",
        ClaimType::DiplomaticEngagement,
        Epistemic::Asserted,
    );
    notarget.actor = Some(mention(
        "Türkiye",
        "Türkiye",
        Some("TUR"),
        ActorKind::State,
        0,
    ));
    notarget.place = Some(Place {
        text: "Istanbul".into(),
        name: "Istanbul".into(),
        country: Some("TR".into()),
        lat: Some(41.0138),
        lon: Some(28.9497),
        feature: Some("city".into()),
        geonameid: Some(745_044),
        role: PlaceRole::Event,
        span: Some(Span::new(16, 24)),
    });
    notarget
}

/// Names with XML/CSV metacharacters, a tab and a newline.
fn odd_claim() -> Claim {
    let mut odd = base(
        "c-odd",
        "odd.html",
        "The <Group> & \"Sons\" of 'Azawad' attacked the camp.\n\tAgain.",
        ClaimType::Attack,
        Epistemic::Asserted,
    );
    odd.actor = Some(mention(
        "<Group> & \"Sons\"",
        "<Group> & \"Sons\" of 'Azawad'",
        None,
        ActorKind::ArmedGroup,
        14,
    ));
    odd.target = Some(mention(
        "the camp",
        "Malian army",
        Some("MLI"),
        ActorKind::StateMilitary,
        60,
    ));
    odd.plover.aux = Some("historical".into());
    odd
}

pub(crate) fn documents() -> Vec<DocMeta> {
    vec![
        DocMeta {
            id: "wire.txt".into(),
            title: Some("Ukraine says 117 drones hit Russian air bases".into()),
            url: Some("https://cpa-wire.example/a".into()),
            outlet: Some("Continental Press Agency".into()),
            published: Some("2025-06-02T09:40:00Z".into()),
        },
        DocMeta {
            id: "ledger.jsonl".into(),
            title: None,
            url: Some("https://kyiv-ledger.example/b".into()),
            outlet: Some("The Kyiv Ledger".into()),
            published: Some("2025-06-09".into()),
        },
    ]
}

pub(crate) fn event(claims: Vec<EventClaim>) -> Event {
    Event {
        id: format!(
            "ev:{}",
            claims.first().map(|c| c.claim.as_str()).unwrap_or("")
        ),
        event_type: ClaimType::ArmsTransfer,
        label: "arms_transfer Ukraine → Rapid Support Forces".into(),
        summary: String::new(),
        documents: claims.iter().map(|c| c.doc.clone()).collect(),
        claims,
        origins: vec![],
        independent_origins: 1,
        source_kinds: vec![],
        firmness: vec![],
        earliest: None,
        date_start: None,
        date_end: None,
        place: None,
        actors: vec![],
        targets: vec![],
        level: CorroborationLevel::SingleSource,
        contradictions: vec![],
    }
}

pub(crate) fn data() -> ExportData {
    let mut reviews = HashMap::new();
    reviews.insert(
        "c-hedged-1".to_string(),
        Verdict {
            rating: "Unproven".into(),
            who: "VeriFlow fact-check desk".into(),
            at: "2025-06-10".into(),
            url: Some("https://veriflow.example/checks/2025/06/ukraine-drones-africa".into()),
            value: Some(2),
            best: Some(5),
            worst: Some(1),
        },
    );
    ExportData {
        claims: claims(),
        documents: documents(),
        events: vec![event(vec![EventClaim {
            claim: "c-hedged-1".into(),
            doc: "signal.jsonl".into(),
            origin: "name:eurasia signal".into(),
            epistemic: Epistemic::Hedged,
            corroborated: false,
            contradicted: false,
        }])],
        // The attack is linked the way `gather` reads a store: by claim id.
        links: HashMap::from([(
            "c-attack".to_string(),
            ClaimLink {
                event: "ev:c-attack".into(),
                origin: "name:sbu".into(),
            },
        )]),
        corroborated: true,
        edges: None,
        reviews,
    }
}

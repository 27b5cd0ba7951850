//! One test per corroboration rule, on hand-made documents and claims.

use claimtrace_corroborate::{ContradictionKind, CorroborationLevel, CorroboratorConfig, Event};
use claimtrace_model::{
    ActorKind, Claim, ClaimType, DatePrecision, DateRef, Document, Epistemic, Mention, Place,
    PlaceRole, Plover, Quantity, Source, SourceKind, Span,
};

fn doc(id: &str, outlet: &str, published: &str, text: &str) -> Document {
    let mut d = Document::from_text(id, text);
    d.outlet = Some(outlet.into());
    d.published = Some(published.into());
    d
}

fn mention(name: &str, id: &str) -> Mention {
    Mention {
        text: name.into(),
        name: name.into(),
        id: Some(id.into()),
        kind: ActorKind::State,
        span: None,
        guessed: false,
        role: None,
    }
}

fn claim(doc: &Document, k: usize, t: ClaimType, sentence: &str) -> Claim {
    Claim {
        id: format!("{}:{k}:0", doc.id),
        doc: doc.id.clone(),
        sentence: sentence.into(),
        span: Span::new(0, 0),
        sentence_index: k,
        claim_type: t,
        plover: Plover {
            event: t.default_plover(),
            mode: None,
            context: Vec::new(),
            aux: None,
        },
        actor: None,
        target: None,
        source: Source::author(None),
        epistemic: Epistemic::Asserted,
        cues: Vec::new(),
        cue_spans: Vec::new(),
        date: None,
        place: None,
        quantities: Vec::new(),
        weapons: Vec::new(),
        weapon_spans: Vec::new(),
        why: Vec::new(),
    }
}

fn day(c: &mut Claim, d: &str) {
    c.date = Some(DateRef {
        text: d.into(),
        value: d.into(),
        precision: DatePrecision::Day,
        start: Some(d.into()),
        end: Some(d.into()),
        span: None,
        inherited: false,
    });
}

fn city(c: &mut Claim, name: &str, country: &str, lat: f64, lon: f64) {
    c.place = Some(Place {
        text: name.into(),
        name: name.into(),
        country: Some(country.into()),
        lat: Some(lat),
        lon: Some(lon),
        feature: Some("city".into()),
        geonameid: None,
        role: PlaceRole::Event,
        span: None,
    });
}

fn source(c: &mut Claim, name: &str, kind: SourceKind) {
    c.source = Source {
        text: name.into(),
        name: name.into(),
        kind,
        span: None,
        chain: Vec::new(),
        role: None,
    };
    c.epistemic = Epistemic::Reported;
}

fn qty(c: &mut Claim, text: &str, value: f64, min: Option<f64>, unit: &str) {
    c.quantities.push(Quantity {
        text: text.into(),
        value: Some(value),
        min,
        max: None,
        qualifier: min.map(|_| "over".to_string()),
        unit: Some(unit.into()),
        span: None,
    });
}

/// An attack on Odesa's port by Russia on 2025-06-01, as one outlet words it.
fn odesa(d: &Document, k: usize, sentence: &str) -> Claim {
    let mut c = claim(d, k, ClaimType::Attack, sentence);
    c.actor = Some(mention("Russia", "RUS"));
    c.target = Some(mention("Ukraine", "UKR"));
    day(&mut c, "2025-06-01");
    city(&mut c, "Odesa", "UA", 46.48, 30.73);
    c
}

fn run(docs: &[(Document, Vec<Claim>)]) -> (claimtrace_corroborate::Corroborator, Vec<Event>) {
    let mut c = CorroboratorConfig::default().build().unwrap();
    for (d, cl) in docs {
        c.add_document(d, cl);
    }
    let events = c.events();
    (c, events)
}

fn event_of<'a>(events: &'a [Event], claim: &str) -> &'a Event {
    events
        .iter()
        .find(|e| e.claims.iter().any(|c| c.claim == claim))
        .unwrap()
}

const WIRE: &str = "Russian drones and missiles struck the port of Odesa early on Sunday, damaging grain \
    warehouses and a passenger terminal, the regional governor said. Two dock workers were injured and \
    taken to hospital. Air defence units shot down most of the incoming drones, the air force said, \
    while debris fell on a residential street near the harbour. Port operations were suspended for the day.";

#[test]
fn wire_copies_form_one_group_and_independent_reports_do_not() {
    let a = doc("wire", "Wire", "2025-06-01T06:00:00Z", WIRE);
    let b = doc(
        "site-b",
        "Daily Site",
        "2025-06-01T07:30:00Z",
        &format!(
            "ODESA, June 1 (Wire) - {} Subscribe to our newsletter for more.",
            WIRE.replace("Sunday", "Sunday morning")
        ),
    );
    let c = doc(
        "indep",
        "Harbour Times",
        "2025-06-01T09:00:00Z",
        "Our correspondent in Odesa saw smoke rising over the grain terminal after an overnight attack. \
         Local residents described hearing at least a dozen explosions before dawn.",
    );
    let (corr, _) = run(&[(a, vec![]), (b, vec![]), (c, vec![])]);
    assert_eq!(
        corr.copy_groups(),
        vec![vec!["site-b".to_string(), "wire".to_string()]]
    );
}

#[test]
fn attribution_to_one_agency_is_one_origin() {
    let mut docs = Vec::new();
    for (i, outlet) in ["Outlet A", "Outlet B", "Outlet C"].iter().enumerate() {
        let d = doc(
            &format!("d{i}"),
            outlet,
            "2025-06-01",
            &format!("Report {i} citing TASS, worded its own way {i}."),
        );
        let mut c = odesa(
            &d,
            0,
            "According to TASS, Russian forces struck Odesa port facilities on Sunday.",
        );
        source(&mut c, "TASS", SourceKind::Media);
        docs.push((d, vec![c]));
    }
    let (_, events) = run(&docs);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].independent_origins, 1);
    assert_eq!(events[0].origins[0].key, "name:tass");
    assert_eq!(events[0].level, CorroborationLevel::SingleSource);

    // The same official quoted by two outlets is one origin; a second named source makes it corroborated.
    let d3 = doc("d3", "Outlet D", "2025-06-01", "Spokesman quote one.");
    let mut c3 = odesa(
        &d3,
        0,
        "Russian forces struck Odesa port on Sunday, said governor Oleh Kiper.",
    );
    source(&mut c3, "Oleh Kiper", SourceKind::NamedPerson);
    let d4 = doc("d4", "Outlet E", "2025-06-01", "Spokesman quote two.");
    let mut c4 = odesa(
        &d4,
        0,
        "Governor Oleh Kiper said Russian forces struck the Odesa port on Sunday.",
    );
    source(&mut c4, "Oleh Kiper", SourceKind::NamedPerson);
    docs.push((d3, vec![c3]));
    docs.push((d4, vec![c4]));
    let (_, events) = run(&docs);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].independent_origins, 2, "{:?}", events[0].origins);
    assert_eq!(events[0].level, CorroborationLevel::Corroborated);
}

#[test]
fn copied_unsourced_claims_rest_on_the_original_outlet() {
    let a = doc("wire", "Wire", "2025-06-01T06:00:00Z", WIRE);
    let b = doc(
        "copy",
        "Daily Site",
        "2025-06-01T08:00:00Z",
        &format!("From the wire: {WIRE} Share this."),
    );
    let ca = odesa(
        &a,
        0,
        "Russian drones and missiles struck the port of Odesa early on Sunday.",
    );
    let cb = odesa(
        &b,
        0,
        "Russian drones and missiles struck the port of Odesa early on Sunday.",
    );
    let (_, events) = run(&[(a, vec![ca]), (b, vec![cb])]);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].origins.len(), 1);
    assert_eq!(events[0].origins[0].key, "name:wire");
    assert_eq!(events[0].origins[0].documents, ["wire", "copy"]);
    assert_eq!(events[0].level, CorroborationLevel::SingleSource);
}

#[test]
fn same_happening_groups_and_hard_negatives_do_not() {
    let a = doc("a", "A", "2025-06-01", "a");
    let b = doc("b", "B", "2025-06-02", "b");
    let ca = odesa(
        &a,
        0,
        "Russian missiles hit the port of Odesa on Sunday, damaging grain warehouses.",
    );
    let cb = odesa(
        &b,
        0,
        "Grain warehouses in Odesa's port were damaged when Russian missiles struck on Sunday.",
    );
    // same actors and place, a week later
    let mut later = odesa(
        &b,
        1,
        "Russian missiles hit the port of Odesa again, damaging grain warehouses.",
    );
    day(&mut later, "2025-06-08");
    // same type and date, a different city
    let mut elsewhere = odesa(
        &b,
        2,
        "Russian missiles hit the port of Mykolaiv on Sunday, damaging warehouses.",
    );
    city(&mut elsewhere, "Mykolaiv", "UA", 46.97, 31.99);
    let (_, events) = run(&[(a, vec![ca]), (b, vec![cb, later, elsewhere])]);
    assert_eq!(events.len(), 3);
    assert_eq!(event_of(&events, "a:0:0").id, event_of(&events, "b:0:0").id);
    assert_eq!(event_of(&events, "b:1:0").claims.len(), 1);
    assert_eq!(event_of(&events, "b:2:0").claims.len(), 1);
}

fn kinds(e: &Event) -> Vec<ContradictionKind> {
    e.contradictions.iter().map(|c| c.kind).collect()
}

#[test]
fn quantity_contradiction() {
    let a = doc("a", "A", "2025-06-01", "a");
    let b = doc("b", "B", "2025-06-01", "b");
    let mut ca = odesa(
        &a,
        0,
        "Russia launched 117 drones at the port of Odesa on Sunday, the air force said.",
    );
    source(
        &mut ca,
        "Ukrainian air force",
        SourceKind::NamedOrganisation,
    );
    qty(&mut ca, "117", 117.0, None, "drones");
    let mut cb = odesa(
        &b,
        0,
        "Over 300 drones were launched at the port of Odesa on Sunday, according to TASS.",
    );
    source(&mut cb, "TASS", SourceKind::Media);
    qty(&mut cb, "over 300", 300.0, Some(301.0), "UAV");
    let (_, events) = run(&[(a, vec![ca]), (b, vec![cb])]);
    assert_eq!(events.len(), 1);
    assert_eq!(kinds(&events[0]), [ContradictionKind::Quantity]);
    assert_eq!(
        events[0].contradictions[0].detail,
        "117 drones vs over 300 UAV"
    );
    assert_eq!(events[0].level, CorroborationLevel::Contested);
    assert!(events[0].claims.iter().all(|c| c.contradicted));
}

#[test]
fn actor_contradiction() {
    let a = doc("a", "A", "2025-06-01", "a");
    let b = doc("b", "B", "2025-06-01", "b");
    let mut ca = odesa(
        &a,
        0,
        "A Russian missile struck the hospital in Odesa on Sunday.",
    );
    ca.target = Some(mention("Odesa hospital", "X1"));
    let mut cb = odesa(
        &b,
        0,
        "A Ukrainian air defence missile struck the hospital in Odesa on Sunday.",
    );
    cb.actor = Some(mention("Ukraine", "UKR"));
    cb.target = Some(mention("Odesa hospital", "X1"));
    let (_, events) = run(&[(a, vec![ca]), (b, vec![cb])]);
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(kinds(&events[0]), [ContradictionKind::Actor]);
    assert_eq!(events[0].contradictions[0].detail, "Russia vs Ukraine");
}

#[test]
fn target_contradiction() {
    let a = doc("a", "A", "2025-06-01", "a");
    let b = doc("b", "B", "2025-06-01", "b");
    let ca = odesa(
        &a,
        0,
        "Russian drones struck Odesa on Sunday, hitting the port.",
    );
    let mut cb = odesa(
        &b,
        0,
        "Russian drones struck Odesa on Sunday, hitting a Moldovan-flagged ship.",
    );
    cb.target = Some(mention("Moldova", "MDA"));
    let (_, events) = run(&[(a, vec![ca]), (b, vec![cb])]);
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(kinds(&events[0]), [ContradictionKind::Target]);
    assert_eq!(events[0].contradictions[0].detail, "Ukraine vs Moldova");
}

#[test]
fn date_contradiction() {
    let a = doc("a", "A", "2025-06-02", "a");
    let b = doc("b", "B", "2025-06-02", "b");
    let ca = odesa(
        &a,
        0,
        "Russian missiles hit the port of Odesa on Sunday, damaging grain warehouses.",
    );
    let mut cb = odesa(
        &b,
        0,
        "Russian missiles hit the port of Odesa on Monday, damaging grain warehouses.",
    );
    day(&mut cb, "2025-06-02");
    let (_, events) = run(&[(a, vec![ca]), (b, vec![cb])]);
    assert_eq!(events.len(), 1);
    assert_eq!(kinds(&events[0]), [ContradictionKind::Date]);
    assert_eq!(
        events[0].contradictions[0].detail,
        "2025-06-01 vs 2025-06-02"
    );
}

#[test]
fn denial_contradiction() {
    let a = doc("a", "A", "2025-06-01", "a");
    let b = doc("b", "B", "2025-06-01", "b");
    let ca = odesa(
        &a,
        0,
        "Russian missiles struck a hospital in Odesa on Sunday, killing two people.",
    );
    let mut cb = claim(
        &b,
        0,
        ClaimType::StatementOrAcknowledgement,
        "Moscow denied that its missiles struck a hospital in Odesa.",
    );
    cb.actor = Some(mention("Russia", "RUS"));
    source(
        &mut cb,
        "Russian defence ministry",
        SourceKind::NamedOrganisation,
    );
    cb.epistemic = Epistemic::Denied;
    let (_, events) = run(&[(a, vec![ca]), (b, vec![cb])]);
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(kinds(&events[0]), [ContradictionKind::Denial]);
    assert_eq!(events[0].independent_origins, 1);
    assert!(events[0].origins.iter().any(|o| o.denies));
    assert_eq!(events[0].level, CorroborationLevel::Contested);
}

#[test]
fn outlet_profile_counts_sourcing_and_track_record() {
    let a = doc("a", "A", "2025-06-01", "a");
    let b = doc("b", "B", "2025-06-01", "b");
    let ca = odesa(
        &a,
        0,
        "Russian missiles hit the port of Odesa on Sunday, damaging grain warehouses.",
    );
    let mut op = claim(
        &a,
        1,
        ClaimType::Other,
        "The strike shows the port remains a target of choice.",
    );
    op.epistemic = Epistemic::Opinion;
    let mut cb = odesa(
        &b,
        0,
        "Grain warehouses in Odesa's port were damaged by Russian missiles on Sunday.",
    );
    source(&mut cb, "Oleh Kiper", SourceKind::NamedPerson);
    let (corr, _) = run(&[(a, vec![ca, op]), (b, vec![cb])]);
    let p = corr.outlet_profiles();
    assert_eq!(p.len(), 2);
    let pa = &p[0];
    assert_eq!(
        (
            pa.outlet.as_str(),
            pa.documents,
            pa.claims,
            pa.in_events,
            pa.corroborated
        ),
        ("A", 1, 2, 1, 1)
    );
    assert_eq!(
        pa.by_epistemic
            .iter()
            .find(|r| r.label == "opinion")
            .unwrap()
            .count,
        1
    );
    assert_eq!(pa.corroboration_rate, 1.0);
    let pb = &p[1];
    assert_eq!(
        pb.by_source_kind
            .iter()
            .find(|r| r.label == "named_person")
            .unwrap()
            .count,
        1
    );
    assert_eq!(pb.contradicted, 0);
}

#[test]
fn incremental_equals_batch() {
    let a = doc("a", "A", "2025-06-01", "a");
    let b = doc("b", "B", "2025-06-02", "b");
    let c = doc("c", "C", "2025-06-02", "c");
    let docs = vec![
        (
            a.clone(),
            vec![
                odesa(&a, 0, "Russian missiles hit the port of Odesa on Sunday."),
                {
                    let mut x = odesa(&a, 1, "Russian missiles hit Mykolaiv on Sunday.");
                    city(&mut x, "Mykolaiv", "UA", 46.97, 31.99);
                    x
                },
            ],
        ),
        (
            b.clone(),
            vec![odesa(
                &b,
                0,
                "The port of Odesa was hit by Russian missiles on Sunday.",
            )],
        ),
        (
            c.clone(),
            vec![{
                let mut x = odesa(
                    &c,
                    0,
                    "Russian missiles struck Mykolaiv's shipyard on Sunday.",
                );
                city(&mut x, "Mykolaiv", "UA", 46.97, 31.99);
                x
            }],
        ),
    ];
    let (_, batch) = run(&docs);
    let mut inc = CorroboratorConfig::default().build().unwrap();
    for (d, cl) in &docs {
        inc.add_document(d, cl);
        let _ = inc.events();
    }
    assert_eq!(inc.events(), batch);
    assert_eq!(batch.len(), 2);
}

/// Two reports of one fictional happening (a dam breached on the Varn river
/// near Oskelba) with claims of different families, and a report of
/// another place the same week.
fn dam_reports() -> Vec<(Document, Vec<Claim>)> {
    let a = doc(
        "dam-a.txt",
        "Wire A",
        "2025-03-04",
        "Varn dam breached. Officials in Oskelba blamed Drovan artillery.",
    );
    let mut a0 = claim(
        &a,
        0,
        ClaimType::Attack,
        "Drovan artillery breached the Varn dam above Oskelba on Monday, flooding the Lesk valley.",
    );
    day(&mut a0, "2025-03-03");
    city(&mut a0, "Oskelba", "XK", 42.6, 21.1);
    let mut a1 = claim(
        &a,
        1,
        ClaimType::Casualties,
        "Rescuers in Oskelba said the Varn flood drowned eleven villagers in the Lesk valley.",
    );
    source(&mut a1, "rescuers", SourceKind::AnonymousOfficials);
    let b = doc(
        "dam-b.txt",
        "Paper B",
        "2025-03-05",
        "Drovan denies role in Varn dam collapse near Oskelba.",
    );
    let mut b0 = claim(
        &b,
        0,
        ClaimType::StatementOrAcknowledgement,
        "The Drovan command denied that its artillery fired at the Varn dam near Oskelba.",
    );
    b0.epistemic = Epistemic::Denied;
    let mut b1 = claim(
        &b,
        1,
        ClaimType::Deployment,
        "Engineers from Talmar arrived in Oskelba to shore up what is left of the Varn dam and the Lesk valley levees.",
    );
    b1.actor = Some(mention("Talmar", "TLM"));
    let c = doc(
        "port-c.txt",
        "Paper C",
        "2025-03-05",
        "Harbour fire in Brelmouth after a naval drone hit fuel tanks.",
    );
    let mut c0 = claim(
        &c,
        0,
        ClaimType::Attack,
        "A naval drone set fuel tanks ablaze in the Brelmouth harbour on Tuesday night.",
    );
    day(&mut c0, "2025-03-04");
    city(&mut c0, "Brelmouth", "XK", 44.9, 19.2);
    vec![(a, vec![a0, a1]), (b, vec![b0, b1]), (c, vec![c0])]
}

#[test]
fn reports_of_one_happening_form_one_story_and_event() {
    let mut co = CorroboratorConfig::default().build().unwrap();
    for (d, cs) in dam_reports() {
        co.add_document(&d, &cs);
    }
    let dam = co.event_of("dam-a.txt:0:0").unwrap();
    // The toll, the denial and the deployment of the other report join the attack.
    for id in ["dam-a.txt:1:0", "dam-b.txt:0:0", "dam-b.txt:1:0"] {
        assert_eq!(co.event_of(id), Some(dam), "{id}");
    }
    assert_ne!(co.event_of("port-c.txt:0:0"), Some(dam));
    // The event view says how the second report joined.
    let joins = co.story_joins(dam);
    assert_eq!(joins.len(), 1, "{joins:?}");
    assert_eq!(joins[0].0, "dam-b.txt");
    assert!(joins[0].1.contains("varn"), "{}", joins[0].1);
    let why = co.join_reason("dam-b.txt:1:0").unwrap();
    assert!(why.contains("story"), "{why}");
}

#[test]
fn a_claim_recalling_another_day_stays_apart_from_its_story() {
    let mut reports = dam_reports();
    let b = reports[1].0.clone();
    let mut recall = claim(
        &b,
        2,
        ClaimType::Attack,
        "Drovan artillery had already shelled the Varn dam above Oskelba in January, residents recalled.",
    );
    day(&mut recall, "2025-01-12");
    reports[1].1.push(recall);
    let mut co = CorroboratorConfig::default().build().unwrap();
    for (d, cs) in reports {
        co.add_document(&d, &cs);
    }
    let dam = co.event_of("dam-a.txt:0:0").unwrap();
    assert_eq!(co.event_of("dam-b.txt:0:0"), Some(dam));
    assert_ne!(co.event_of("dam-b.txt:2:0"), Some(dam));
}

/// A reaction told in the dam report, placed where it was said (a capital
/// far from the dam): no event takes it on its own evidence.
fn reaction(d: &Document, k: usize, sentence: &str) -> Claim {
    let mut c = claim(d, k, ClaimType::StatementOrAcknowledgement, sentence);
    c.actor = Some(mention("Talmar", "TLM"));
    source(
        &mut c,
        "the Talmar foreign ministry",
        SourceKind::NamedOrganisation,
    );
    city(&mut c, "Talmar City", "XK", 47.9, 26.4);
    c
}

/// A region of the happening (not precise: no coordinates).
fn region(c: &mut Claim, name: &str) {
    c.place = Some(Place {
        text: name.into(),
        name: name.into(),
        country: Some("XK".into()),
        lat: None,
        lon: None,
        feature: Some("region".into()),
        geonameid: None,
        role: PlaceRole::Event,
        span: None,
    });
}

#[test]
fn a_reaction_in_the_report_joins_its_main_event() {
    let mut reports = dam_reports();
    let a = reports[0].0.clone();
    // The flood's toll is placed in the valley: the event names two places.
    region(&mut reports[0].1[1], "Lesk valley");
    reports[0].1.push(reaction(
        &a,
        2,
        "In Talmar City, the foreign ministry condemned the breach as a crime against civilians.",
    ));
    let mut separately = reaction(
        &a,
        3,
        "Separately, Drovan border guards in Kessel detained two fishermen.",
    );
    separately.actor = Some(mention("Drovan", "DRV"));
    city(&mut separately, "Kessel", "XK", 40.0, 30.0);
    reports[0].1.push(separately);
    let mut co = CorroboratorConfig::default().build().unwrap();
    for (d, cs) in reports {
        co.add_document(&d, &cs);
    }
    let dam = co.event_of("dam-a.txt:0:0").unwrap();
    assert_eq!(co.event_of("dam-a.txt:2:0"), Some(dam));
    let why = co.join_reason("dam-a.txt:2:0").unwrap();
    assert!(why.contains("main event"), "{why}");
    // "Separately" names another happening: it stays out.
    assert_ne!(co.event_of("dam-a.txt:3:0"), Some(dam));
}

#[test]
fn a_reaction_joins_the_main_event_of_a_report_its_story_event_took_nothing_of() {
    let mut reports = dam_reports();
    reports.truncate(1);
    let d = doc(
        "dam-d.txt",
        "Paper D",
        "2025-03-20",
        "Varn dam breached again near Oskelba; Drovan artillery blamed.",
    );
    let mut d0 = claim(
        &d,
        0,
        ClaimType::Attack,
        "Drovan artillery first shelled the Varn dam above Oskelba on New Year's Day.",
    );
    day(&mut d0, "2025-01-01");
    city(&mut d0, "Oskelba", "XK", 42.6, 21.1);
    let mut d1 = claim(
        &d,
        1,
        ClaimType::Attack,
        "Drovan artillery breached the repaired Varn dam above Oskelba on Wednesday, flooding the Lesk valley again.",
    );
    day(&mut d1, "2025-03-19");
    city(&mut d1, "Oskelba", "XK", 42.6, 21.1);
    let mut d1b = claim(
        &d,
        2,
        ClaimType::Casualties,
        "The new flood drowned four farmers in the Lesk valley.",
    );
    day(&mut d1b, "2025-03-19");
    region(&mut d1b, "Lesk valley");
    let mut d2 = reaction(
        &d,
        3,
        "In Talmar City, the foreign ministry condemned the new breach of the Varn dam.",
    );
    day(&mut d2, "2025-03-19");
    reports.push((d, vec![d0, d1, d1b, d2]));
    let mut co = CorroboratorConfig::default().build().unwrap();
    for (d, cs) in reports {
        co.add_document(&d, &cs);
    }
    let first = co.event_of("dam-a.txt:0:0").unwrap();
    let again = co.event_of("dam-d.txt:1:0").unwrap();
    assert_ne!(again, first);
    assert_ne!(co.event_of("dam-d.txt:0:0"), Some(again));
    assert_eq!(co.event_of("dam-d.txt:2:0"), Some(again));
    assert_eq!(co.event_of("dam-d.txt:3:0"), Some(again));
}

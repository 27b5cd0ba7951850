//! The use cases over the sample corpus (`samples/corpus`), stored and
//! corroborated by `ingest_batch` as both front ends store it.

use std::collections::HashMap;
use std::path::Path;

use claimtrace_app::{
    CorroboratorConfig, DocumentOutcome, Extracted, actor_network, claims_export, ingest_batch,
};
use claimtrace_export::ExportFormat;
use claimtrace_extract::ExtractConfig;
use claimtrace_ingest::IngestConfig;
use claimtrace_store::{ClaimQuery, SqliteStore, Store};

/// Every sample document, read and extracted.
fn corpus() -> Vec<Extracted> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/corpus");
    let extractor = ExtractConfig::default().build().unwrap();
    let (inputs, errors) = claimtrace_ingest::discover(&[dir]);
    assert!(errors.is_empty(), "{errors:?}");
    let mut docs = Vec::new();
    for input in &inputs {
        for doc in claimtrace_ingest::load(input, &IngestConfig::default()) {
            let document = doc.unwrap();
            let extraction = extractor.extract(&document);
            docs.push(Extracted {
                document,
                extraction,
            });
        }
    }
    docs
}

/// (source name, target name, relation) → weight of every GEXF edge.
fn gexf_edges(xml: &str) -> HashMap<(String, String, String), usize> {
    use quick_xml::events::Event as X;
    let mut r = quick_xml::Reader::from_str(xml);
    let mut labels: HashMap<String, String> = HashMap::new();
    let mut raw = Vec::new();
    loop {
        match r.read_event().unwrap() {
            X::Start(e) | X::Empty(e) => {
                let attr = |k: &str| {
                    e.try_get_attribute(k).unwrap().map(|a| {
                        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .unwrap()
                            .into_owned()
                    })
                };
                match e.name().as_ref() {
                    "node" => {
                        labels.insert(attr("id").unwrap(), attr("label").unwrap());
                    }
                    "edge" => raw.push((
                        attr("source").unwrap(),
                        attr("target").unwrap(),
                        attr("label").unwrap(),
                        attr("weight").unwrap().parse::<usize>().unwrap(),
                    )),
                    _ => {}
                }
            }
            X::Eof => break,
            _ => {}
        }
    }
    raw.into_iter()
        .map(|(s, t, rel, w)| ((labels[&s].clone(), labels[&t].clone(), rel), w))
        .collect()
}

#[test]
fn ingest_corroborates_and_knows_what_it_stored() {
    let docs = corpus();
    let mut store = SqliteStore::open_in_memory().unwrap();
    let cfg = CorroboratorConfig::default();
    let report = ingest_batch(&mut store, &docs, Some(&cfg)).unwrap();
    assert_eq!((report.new, report.failed), (docs.len(), 0));
    assert_eq!(report.corroboration.documents, docs.len());
    assert!(store.pending_corroboration(0).unwrap().is_empty());
    // Again: every document is known, with the claims stored the first time.
    let again = ingest_batch(&mut store, &docs[..1], Some(&cfg)).unwrap();
    assert_eq!(again.already_stored, 1);
    let DocumentOutcome::AlreadyStored { claims, .. } = &again.outcomes[0] else {
        panic!("{:?}", again.outcomes);
    };
    assert_eq!(*claims, docs[0].extraction.claims.len());
}

#[test]
fn gexf_export_and_network_give_the_same_edges() {
    let docs = corpus();
    let mut store = SqliteStore::open_in_memory().unwrap();
    ingest_batch(&mut store, &docs, Some(&CorroboratorConfig::default())).unwrap();
    let store: &dyn Store = &store;
    let all = ClaimQuery {
        limit: 0,
        ..Default::default()
    };
    let net = actor_network(store, &all).unwrap();
    assert!(!net.edges.is_empty());
    let network: HashMap<(String, String, String), usize> = net
        .edges
        .iter()
        .map(|e| {
            let key = (
                e.source.name.clone(),
                e.target.name.clone(),
                e.relation.as_str().to_string(),
            );
            (key, e.weight)
        })
        .collect();
    let claims = store.claims(&all).unwrap().items;
    let data = claims_export(store, claims, ExportFormat::Gexf).unwrap();
    let mut xml = Vec::new();
    claimtrace_export::export(ExportFormat::Gexf, &data, &mut xml).unwrap();
    let gexf = gexf_edges(&String::from_utf8(xml).unwrap());
    assert_eq!(
        gexf, network,
        "GEXF and the network weigh the same edges alike"
    );
    // A denial is no edge of the alleged action: no weight counts a denying claim.
    for e in &net.edges {
        assert!(e.claims.iter().all(|c| !e.denied_claims.contains(c)));
    }
}

//! GEXF 1.3 for Gephi: actors and targets as nodes, claimed relations as
//! directed, weighted edges (see [`NetworkEdge`]).

use std::collections::BTreeMap;
use std::io::Write;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::{ExportData, ExportStats, NetworkEdge, NetworkNode, Result, network_edges};

/// The GEXF 1.3 namespace.
pub const GEXF_NS: &str = "http://gexf.net/1.3";

/// Node attribute columns: (id, title, GEXF type).
const NODE_ATTRS: [(&str, &str, &str); 3] = [
    ("kind", "kind", "string"),
    ("kb_id", "kb_id", "string"),
    ("claims", "claims", "integer"),
];
/// Edge attribute columns: (id, title, GEXF type).
const EDGE_ATTRS: [(&str, &str, &str); 6] = [
    ("relation", "relation", "string"),
    ("firmness", "firmness", "string"),
    ("claims", "claims", "integer"),
    ("denials", "denials", "integer"),
    ("weight_basis", "weight_basis", "string"),
    ("claim_ids", "claim_ids", "string"),
];

/// Text made safe for XML 1.0: characters XML cannot carry at all (most C0
/// controls, U+FFFE/U+FFFF) are dropped, and tab/CR/LF become spaces because
/// attribute-value normalisation would turn them into spaces anyway and we
/// want what is written to equal what is read back.
fn xml_text(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            '\u{0}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => None,
            c => Some(c),
        })
        .collect()
}

type XmlWriter<'w> = Writer<&'w mut dyn Write>;

fn start(w: &mut XmlWriter, name: &str, attrs: &[(&str, &str)]) -> Result<()> {
    let mut el = BytesStart::new(name);
    for (k, v) in attrs {
        // push_attribute escapes <, >, &, " and '.
        el.push_attribute((*k, xml_text(v).as_str()));
    }
    w.write_event(Event::Start(el))?;
    Ok(())
}

fn empty(w: &mut XmlWriter, name: &str, attrs: &[(&str, &str)]) -> Result<()> {
    let mut el = BytesStart::new(name);
    for (k, v) in attrs {
        el.push_attribute((*k, xml_text(v).as_str()));
    }
    w.write_event(Event::Empty(el))?;
    Ok(())
}

fn end(w: &mut XmlWriter, name: &str) -> Result<()> {
    w.write_event(Event::End(BytesEnd::new(name)))?;
    Ok(())
}

fn text_element(w: &mut XmlWriter, name: &str, text: &str) -> Result<()> {
    start(w, name, &[])?;
    w.write_event(Event::Text(BytesText::new(&xml_text(text))))?;
    end(w, name)
}

fn attribute_decls(w: &mut XmlWriter, class: &str, attrs: &[(&str, &str, &str)]) -> Result<()> {
    start(w, "attributes", &[("class", class), ("mode", "static")])?;
    for (id, title, ty) in attrs {
        empty(
            w,
            "attribute",
            &[("id", id), ("title", title), ("type", ty)],
        )?;
    }
    end(w, "attributes")
}

fn attvalues(w: &mut XmlWriter, values: &[(&str, String)]) -> Result<()> {
    start(w, "attvalues", &[])?;
    for (id, v) in values {
        empty(w, "attvalue", &[("for", id), ("value", v)])?;
    }
    end(w, "attvalues")
}

/// Write the actor network of `data` (its `edges`, or edges computed from
/// its claims and events) as a GEXF 1.3 document.
pub fn write_gexf(data: &ExportData, out: &mut dyn Write) -> Result<ExportStats> {
    let computed;
    let edges: &[NetworkEdge] = match &data.edges {
        Some(e) => e,
        None => {
            computed = network_edges(&data.claims, data.origins().as_ref());
            &computed
        }
    };
    let (index, nodes) = number_nodes(edges);
    let in_edges: std::collections::HashSet<&str> = edges
        .iter()
        .flat_map(|e| e.claims.iter().chain(&e.denied_claims).map(String::as_str))
        .collect();
    let skipped = data
        .claims
        .iter()
        .filter(|c| !in_edges.contains(c.id.as_str()))
        .count();

    let mut w: XmlWriter = Writer::new_with_indent(out, b' ', 2);
    write_head(&mut w)?;
    write_nodes(&mut w, &nodes)?;
    write_edges(&mut w, edges, &index)?;
    end(&mut w, "graph")?;
    end(&mut w, "gexf")?;
    let out = w.into_inner();
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(ExportStats {
        records: edges.len(),
        skipped,
        nodes: nodes.len(),
    })
}

/// Node index by network key, and the nodes with their claim counts,
/// numbered in first-seen order so the same input always gives the same ids.
type Nodes<'e> = (BTreeMap<&'e str, usize>, Vec<(&'e NetworkNode, usize)>);

/// The nodes of `edges`, keyed as the network keys them (id, else name).
fn number_nodes(edges: &[NetworkEdge]) -> Nodes<'_> {
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    let mut nodes: Vec<(&NetworkNode, usize)> = Vec::new();
    for e in edges {
        for n in [&e.source, &e.target] {
            match index.get(n.key.as_str()) {
                Some(&i) => nodes[i].1 += e.claims.len(),
                None => {
                    index.insert(n.key.as_str(), nodes.len());
                    nodes.push((n, e.claims.len()));
                }
            }
        }
    }
    (index, nodes)
}

/// The XML declaration, the `gexf` root, its `meta`, and the opening of
/// the directed `graph` with its attribute declarations.
fn write_head(w: &mut XmlWriter) -> Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    start(
        w,
        "gexf",
        &[
            ("xmlns", GEXF_NS),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            ),
            ("version", "1.3"),
        ],
    )?;
    start(w, "meta", &[])?;
    text_element(w, "creator", "claimtrace")?;
    text_element(
        w,
        "description",
        "Actor network from claim records: edges are claimed actor-to-target relations, \
         weighted by independent origins, or documents before corroboration (edge attribute \
         weight_basis), as /api/network weighs them.",
    )?;
    end(w, "meta")?;
    start(
        w,
        "graph",
        &[("defaultedgetype", "directed"), ("mode", "static")],
    )?;
    attribute_decls(w, "node", &NODE_ATTRS)?;
    attribute_decls(w, "edge", &EDGE_ATTRS)?;
    Ok(())
}

/// The `nodes` element: one node per actor, numbered `n0`, `n1`, ...
fn write_nodes(w: &mut XmlWriter, nodes: &[(&NetworkNode, usize)]) -> Result<()> {
    start(w, "nodes", &[])?;
    for (i, (n, claims)) in nodes.iter().enumerate() {
        let id = format!("n{i}");
        start(w, "node", &[("id", &id), ("label", &n.name)])?;
        attvalues(
            w,
            &[
                (NODE_ATTRS[0].0, n.kind.as_str().to_string()),
                (NODE_ATTRS[1].0, n.id.clone().unwrap_or_default()),
                (NODE_ATTRS[2].0, claims.to_string()),
            ],
        )?;
        end(w, "node")?;
    }
    end(w, "nodes")?;
    Ok(())
}

/// The `edges` element: one directed edge per network edge whose ends are
/// numbered nodes.
fn write_edges(
    w: &mut XmlWriter,
    edges: &[NetworkEdge],
    index: &BTreeMap<&str, usize>,
) -> Result<()> {
    start(w, "edges", &[])?;
    for (i, e) in edges.iter().enumerate() {
        let (Some(s), Some(t)) = (
            index.get(e.source.key.as_str()),
            index.get(e.target.key.as_str()),
        ) else {
            continue;
        };
        let (id, source, target, weight) = (
            format!("e{i}"),
            format!("n{s}"),
            format!("n{t}"),
            e.weight.to_string(),
        );
        start(
            w,
            "edge",
            &[
                ("id", &id),
                ("source", &source),
                ("target", &target),
                ("weight", &weight),
                ("label", e.relation.as_str()),
            ],
        )?;
        let basis = e.weight_basis.as_str();
        attvalues(
            w,
            &[
                (EDGE_ATTRS[0].0, e.relation.as_str().to_string()),
                (EDGE_ATTRS[1].0, e.firmness.as_str().to_string()),
                (EDGE_ATTRS[2].0, e.claims.len().to_string()),
                (EDGE_ATTRS[3].0, e.denials.to_string()),
                (EDGE_ATTRS[4].0, basis.to_string()),
                (EDGE_ATTRS[5].0, e.claims.join(crate::LIST_SEPARATOR)),
            ],
        )?;
        end(w, "edge")?;
    }
    end(w, "edges")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;
    use quick_xml::events::Event as XEvent;
    use quick_xml::{Reader, XmlVersion};
    use std::collections::HashMap;

    /// A parsed element: name and unescaped attributes.
    #[derive(Debug)]
    struct El {
        name: String,
        attrs: HashMap<String, String>,
    }

    fn parse(xml: &str) -> Vec<El> {
        let mut r = Reader::from_str(xml);
        let mut out = Vec::new();
        // Attribute normalisation depends on the declared XML version.
        let mut version = XmlVersion::Implicit1_0;
        loop {
            match r.read_event().expect("well-formed XML") {
                XEvent::Decl(d) => version = d.xml_version().expect("known XML version"),
                XEvent::Start(e) | XEvent::Empty(e) => {
                    let name = e.name().as_ref().to_owned();
                    let attrs = e
                        .attributes()
                        .map(|a| {
                            let a = a.expect("valid attribute");
                            let k = a.key.as_ref().to_owned();
                            let v = a
                                .normalized_value(version)
                                .expect("valid escapes")
                                .into_owned();
                            (k, v)
                        })
                        .collect();
                    out.push(El { name, attrs });
                }
                XEvent::Eof => break,
                _ => {}
            }
        }
        out
    }

    fn write(data: &crate::ExportData) -> (String, ExportStats) {
        let mut buf = Vec::new();
        let stats = write_gexf(data, &mut buf).unwrap();
        (String::from_utf8(buf).unwrap(), stats)
    }

    #[test]
    fn graph_structure_round_trips() {
        let data = fixture::data();
        let (xml, stats) = write(&data);
        let els = parse(&xml);
        let root = els.iter().find(|e| e.name == "gexf").unwrap();
        assert_eq!(root.attrs["version"], "1.3");
        assert_eq!(root.attrs["xmlns"], GEXF_NS);
        let nodes: Vec<&El> = els.iter().filter(|e| e.name == "node").collect();
        let edges: Vec<&El> = els.iter().filter(|e| e.name == "edge").collect();
        assert_eq!(nodes.len(), stats.nodes);
        assert_eq!(edges.len(), stats.records);
        // attack Ukraine->Russia, transfer Ukraine->RSF, odd group->Malian army.
        assert_eq!(edges.len(), 3);
        assert_eq!(nodes.len(), 5);
        assert_eq!(stats.skipped, 1, "the claim with no target");
        let ids: Vec<&str> = nodes.iter().map(|n| n.attrs["id"].as_str()).collect();
        for e in &edges {
            assert!(ids.contains(&e.attrs["source"].as_str()));
            assert!(ids.contains(&e.attrs["target"].as_str()));
            assert!(e.attrs["weight"].parse::<f64>().is_ok());
        }
        let label_of =
            |id: &str| nodes.iter().find(|n| n.attrs["id"] == id).unwrap().attrs["label"].clone();
        let transfer = edges
            .iter()
            .find(|e| e.attrs["label"] == "arms_transfer")
            .unwrap();
        assert_eq!(label_of(&transfer.attrs["source"]), "Ukraine");
        assert_eq!(label_of(&transfer.attrs["target"]), "Rapid Support Forces");
        // Origins basis (events given): c-hedged-1 has an event origin, c-hedged-2
        // and the denial count as their own documents.
        assert_eq!(transfer.attrs["weight"], "2");
        let decls: Vec<&El> = els.iter().filter(|e| e.name == "attribute").collect();
        assert_eq!(decls.len(), NODE_ATTRS.len() + EDGE_ATTRS.len());
        let values: Vec<&El> = els.iter().filter(|e| e.name == "attvalue").collect();
        assert!(
            values
                .iter()
                .any(|v| v.attrs["for"] == "firmness" && v.attrs["value"] == "hedged")
        );
        assert!(
            values
                .iter()
                .any(|v| v.attrs["for"] == "kind" && v.attrs["value"] == "armed_group")
        );
    }

    #[test]
    fn metacharacters_round_trip() {
        let data = fixture::data();
        let (xml, _) = write(&data);
        let els = parse(&xml);
        let names: Vec<&str> = els
            .iter()
            .filter(|e| e.name == "node")
            .map(|e| e.attrs["label"].as_str())
            .collect();
        assert!(
            names.contains(&"<Group> & \"Sons\" of 'Azawad'"),
            "{names:?}"
        );
        assert!(
            !xml.contains("<Group>"),
            "raw markup never reaches the file"
        );
    }

    #[test]
    fn control_characters_are_dropped() {
        let mut data = fixture::data();
        for c in &mut data.claims {
            if let Some(a) = c.actor.as_mut() {
                a.name = format!("{}\u{1}\u{0}\nX", a.name);
            }
        }
        let (xml, _) = write(&data);
        let els = parse(&xml);
        assert!(
            els.iter()
                .filter(|e| e.name == "node")
                .any(|n| n.attrs["label"] == "Ukraine X")
        );
        assert_eq!(xml_text("a\u{b}b\u{FFFF}c\td"), "abc d");
    }

    #[test]
    fn given_edges_are_used_as_is() {
        let mut data = fixture::data();
        data.edges = Some(Vec::new());
        let (xml, stats) = write(&data);
        assert_eq!((stats.records, stats.nodes), (0, 0));
        assert!(parse(&xml).iter().any(|e| e.name == "edges"));
    }
}

//! Generated documents with sentences and claims, deterministic in their
//! number: about 3 KB of text, 30 sentences and 10 claims each, spread over
//! actors, places, outlets, dates and every label, so filters have something
//! to tell apart. Used by the contract suite, the interrupted-ingest test and
//! `examples/put_speed.rs`.

use claimtrace_model::{
    ActorKind, Claim, ClaimType, DatePrecision, DateRef, Document, Epistemic, InputFormat, Mention,
    Place, PlaceRole, Plover, PloverEvent, Quantity, Sentence, Source, SourceKind, Span,
    content_hash,
};

use crate::NewDocument;

/// One generated document with its extraction.
#[derive(Debug, Clone)]
pub struct Sample {
    pub doc: Document,
    pub sentences: Vec<Sentence>,
    pub claims: Vec<Claim>,
}

impl Sample {
    pub fn as_new(&self) -> NewDocument<'_> {
        NewDocument::new(&self.doc, &self.sentences, &self.claims)
    }
}

/// (name, id, adjective, kind)
const ACTORS: &[(&str, &str, &str, ActorKind)] = &[
    ("Ukraine", "UKR", "Ukrainian", ActorKind::StateMilitary),
    ("Russia", "RUS", "Russian", ActorKind::StateMilitary),
    ("Sudan", "SDN", "Sudanese", ActorKind::State),
    ("Rapid Support Forces", "RSF", "RSF", ActorKind::ArmedGroup),
    ("Houthis", "HOUTHI", "Houthi", ActorKind::ArmedGroup),
];

/// (name, ISO country, lat, lon)
const PLACES: &[(&str, &str, f64, f64)] = &[
    ("Kharkiv", "UA", 49.9935, 36.2304),
    ("Belgorod", "RU", 50.5997, 36.5983),
    ("El Fasher", "SD", 13.6279, 25.3494),
    ("Hodeidah", "YE", 14.7978, 42.9545),
    ("Київ", "UA", 50.4501, 30.5234),
];

const OUTLETS: &[&str] = &["Reuters", "Al Jazeera", "Kyiv Independent"];

/// (source words, canonical name)
const SOURCES: &[(&str, &str)] = &[
    ("General Oleksandr Syrskyi", "Oleksandr Syrskyi"),
    ("the defence ministry", "Ministry of Defence"),
    ("state television", "state television"),
    ("officials who asked not to be named", "anonymous officials"),
    ("analysts", "analysts"),
    ("a leaked report", "leaked report"),
    ("the newspaper", "the article"),
];

const VERBS: &[&str] = &[
    "struck",
    "shelled",
    "supplied drones to",
    "met envoys of",
    "expelled diplomats of",
];

/// The `n`-th generated document (its text differs from every other `n`).
pub fn sample(n: usize) -> Sample {
    let month = n % 12 + 1;
    let published = (n % 7 != 6).then(|| format!("2025-{month:02}-{:02}", n % 28 + 1));
    let mut text = String::with_capacity(3200);
    let mut sentences = Vec::with_capacity(30);
    let mut claims = Vec::with_capacity(10);
    let mut pending: Vec<(usize, usize, String)> = Vec::new();
    for i in 0..30 {
        let a = ACTORS[(n + i) % ACTORS.len()];
        let t = ACTORS[(n + i + 1) % ACTORS.len()];
        let p = PLACES[(n / 3 + i) % PLACES.len()];
        let s = SOURCES[(n + i / 3) % SOURCES.len()];
        let verb = VERBS[(n + i) % VERBS.len()];
        let day = i % 28 + 1;
        let sentence = format!(
            "{} forces {verb} {} positions near {} on {day} {} 2025, {} said in report {n}-{i} with 12 drones.",
            a.2,
            t.2,
            p.0,
            month_name(month),
            s.0
        );
        let start = text.len();
        text.push_str(&sentence);
        let trimmed_end = text.len();
        text.push_str(if i % 5 == 4 { "\n\n" } else { " " });
        sentences.push(Sentence {
            index: i,
            span: Span::new(start, text.len()),
            trimmed: Span::new(start, trimmed_end),
        });
        if i % 3 == 0 {
            pending.push((i, start, sentence));
        }
    }
    let hash = content_hash(&text);
    let id = format!("doc-{n:06}.txt");
    for (i, start, sentence) in pending {
        claims.push(claim(n, i, start, &sentence, &hash, &id, month));
    }
    let doc = Document {
        id: id.clone(),
        title: Some(format!(
            "Report {n}: fighting near {}",
            PLACES[n / 3 % PLACES.len()].0
        )),
        url: Some(format!("https://news.example/{n}")),
        outlet: Some(OUTLETS[n % OUTLETS.len()].to_string()),
        published,
        lang: Some("en".into()),
        author: n.is_multiple_of(2).then(|| "Staff".to_string()),
        format: InputFormat::Text,
        origin: format!("samples/{id}"),
        hash,
        text,
    };
    Sample {
        doc,
        sentences,
        claims,
    }
}

fn month_name(m: usize) -> &'static str {
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ][(m + 11) % 12]
}

/// The span of `needle` inside `sentence` (which starts at `offset`).
fn span_of(sentence: &str, offset: usize, needle: &str) -> Option<Span> {
    sentence
        .find(needle)
        .map(|at| Span::new(offset + at, offset + at + needle.len()))
}

fn claim(
    n: usize,
    i: usize,
    start: usize,
    sentence: &str,
    hash: &str,
    doc: &str,
    month: usize,
) -> Claim {
    let a = ACTORS[(n + i) % ACTORS.len()];
    let t = ACTORS[(n + i + 1) % ACTORS.len()];
    let p = PLACES[(n / 3 + i) % PLACES.len()];
    let s = SOURCES[(n + i / 3) % SOURCES.len()];
    let k = i / 3;
    let claim_type = ClaimType::ALL[(n + k) % ClaimType::ALL.len()];
    let kind = SourceKind::ALL[(n + k) % SourceKind::ALL.len()];
    let epistemic = Epistemic::ALL[(n + 2 * k) % Epistemic::ALL.len()];
    let day = i % 28 + 1;
    let date_text = format!("{day} {} 2025", month_name(month));
    let mention = |x: (&str, &str, &str, ActorKind), words: String| Mention {
        span: span_of(sentence, start, &words),
        text: words,
        name: x.0.to_string(),
        id: Some(x.1.to_string()),
        kind: x.3,
        guessed: false,
        role: None,
    };
    Claim {
        id: Claim::make_id(hash, i, 0),
        doc: doc.to_string(),
        sentence: sentence.to_string(),
        span: Span::new(start, start + sentence.len()),
        sentence_index: i,
        claim_type,
        plover: Plover {
            event: if k % 4 == 3 {
                PloverEvent::ALL[n % PloverEvent::ALL.len()]
            } else {
                claim_type.default_plover()
            },
            mode: (claim_type == ClaimType::Attack).then(|| "drone".to_string()),
            context: vec!["military".into()],
            aux: None,
        },
        actor: Some(mention(a, format!("{} forces", a.2))),
        target: (k % 3 != 2).then(|| mention(t, format!("{} positions", t.2))),
        source: if kind == SourceKind::Author {
            Source::author(Some("the article"))
        } else {
            Source {
                text: s.0.into(),
                name: s.1.into(),
                kind,
                span: span_of(sentence, start, s.0),
                chain: vec![],
                role: None,
            }
        },
        epistemic,
        cues: vec!["said".into()],
        cue_spans: span_of(sentence, start, "said").into_iter().collect(),
        date: (k % 4 != 1).then(|| DateRef {
            span: span_of(sentence, start, &date_text),
            text: date_text.clone(),
            value: format!("2025-{month:02}-{day:02}"),
            precision: DatePrecision::Day,
            start: None,
            end: None,
            inherited: false,
        }),
        place: Some(Place {
            text: p.0.into(),
            name: p.0.into(),
            country: Some(p.1.into()),
            lat: Some(p.2 + k as f64 * 0.1),
            lon: Some(p.3),
            feature: Some("city".into()),
            geonameid: None,
            role: PlaceRole::Event,
            span: span_of(sentence, start, p.0),
        }),
        quantities: vec![Quantity {
            text: "12 drones".into(),
            value: Some(12.0),
            min: None,
            max: None,
            qualifier: None,
            unit: Some("drone".into()),
            span: span_of(sentence, start, "12 drones"),
        }],
        weapons: vec!["drone".into()],
        weapon_spans: span_of(sentence, start, "drones").into_iter().collect(),
        why: vec![format!("generated sample {n}:{i}")],
    }
}

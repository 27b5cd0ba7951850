//! Clustering benchmark on generated claims: documents of a synthetic news
//! stream are corroborated one at a time (copy detection + event
//! assignment), and the run reports time, claims/s, peak RSS and how well
//! the events match the generated ones (B³).
//!
//! ```text
//! cargo run --release -p claimtrace-corroborate --example bench_cluster -- --sweep
//! cargo run --release -p claimtrace-corroborate --example bench_cluster -- --claims 1000000
//! cargo run --release -p claimtrace-corroborate --example bench_cluster -- --claims 100000 --store
//! ```
//!
//! `--sweep` runs 100k, 300k and 1M claims, each in its own process (so
//! peak RSS is per size), twice: at a constant density (the archive grows
//! in time: ~900 claims a day) and over a fixed span of three years (the
//! same days get denser). `--store` runs the store-backed path instead
//! (`run_pending` after every batch of 256 documents into a temporary
//! SQLite file, as `claimtrace ingest` does).
//!
//! The world: 400 actors and 3,000 places in 60 countries, both Zipf-
//! distributed; claim types in news-like proportions; each true event is
//! reported by 1 + geometric(mean 2) claims spread over the following days,
//! with actors, targets, places, dates and counts dropped or blurred as
//! reports do; documents carry ~8 claims of several events; 5% of
//! documents are syndicated copies of an earlier one.

use std::collections::HashMap;
use std::time::Instant;

use claimtrace_corroborate::CorroboratorConfig;
use claimtrace_corroborate::scores::b_cubed;
use claimtrace_model::{
    ActorKind, Claim, ClaimType, DatePrecision, DateRef, Document, Epistemic, Mention, Place,
    PlaceRole, Plover, Quantity, Sentence, Source, Span,
};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn f(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        self.f() < p
    }
}

/// Zipf(s) sampler over 0..n by inverse CDF.
struct Zipf(Vec<f64>);

impl Zipf {
    fn new(n: usize, s: f64) -> Self {
        let mut acc = 0.0;
        let mut cdf = Vec::with_capacity(n);
        for k in 1..=n {
            acc += 1.0 / (k as f64).powf(s);
            cdf.push(acc);
        }
        let total = acc;
        Zipf(cdf.into_iter().map(|x| x / total).collect())
    }
    fn sample(&self, r: &mut Rng) -> usize {
        let u = r.f();
        self.0.partition_point(|c| *c < u).min(self.0.len() - 1)
    }
}

const TYPES: &[(ClaimType, f64)] = &[
    (ClaimType::Attack, 0.30),
    (ClaimType::Casualties, 0.10),
    (ClaimType::StatementOrAcknowledgement, 0.15),
    (ClaimType::Other, 0.10),
    (ClaimType::ArmsTransfer, 0.07),
    (ClaimType::MilitaryCooperation, 0.05),
    (ClaimType::Deployment, 0.05),
    (ClaimType::DiplomaticEngagement, 0.10),
    (ClaimType::DiplomaticRupture, 0.03),
    (ClaimType::DesignationOrSanction, 0.05),
];

const UNITS: &[&str] = &["drones", "people", "soldiers", "missiles", "tanks"];

struct World {
    actors: Vec<(String, String)>,
    places: Vec<(String, String, f64, f64)>,
    words: Vec<String>,
    actor_z: Zipf,
    place_z: Zipf,
    word_z: Zipf,
}

impl World {
    fn new(r: &mut Rng) -> Self {
        let syll = [
            "ka", "ro", "mi", "sta", "nel", "vor", "dan", "li", "ber", "tu", "sha", "gor",
        ];
        let name = |r: &mut Rng, parts: usize| -> String {
            let mut s = String::new();
            for _ in 0..parts {
                s.push_str(syll[r.below(syll.len())]);
            }
            let mut c = s.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        };
        let actors = (0..400)
            .map(|i| (format!("{} forces", name(r, 3)), format!("X{i:03}")))
            .collect();
        let countries: Vec<(String, f64, f64)> = (0..60)
            .map(|i| {
                (
                    format!("C{i:02}"),
                    -40.0 + 80.0 * r.f(),
                    -100.0 + 200.0 * r.f(),
                )
            })
            .collect();
        let places = (0..3000)
            .map(|_| {
                let (c, lat, lon) = &countries[r.below(countries.len())];
                (
                    name(r, 3),
                    c.clone(),
                    lat + 4.0 * (r.f() - 0.5),
                    lon + 4.0 * (r.f() - 0.5),
                )
            })
            .collect();
        let words = (0..5000).map(|_| name(r, 2).to_lowercase()).collect();
        World {
            actors,
            places,
            words,
            actor_z: Zipf::new(400, 1.1),
            place_z: Zipf::new(3000, 1.05),
            word_z: Zipf::new(5000, 1.0),
        }
    }
}

/// A generated happening.
struct Truth {
    claim_type: ClaimType,
    actor: usize,
    target: usize,
    place: usize,
    day: i32,
    topic: Vec<usize>,
    count: (usize, f64),
    left: usize,
}

fn day_string(day: i32) -> String {
    let epoch = chrono::NaiveDate::from_ymd_opt(2022, 1, 1).unwrap_or_default();
    (epoch + chrono::Duration::days(i64::from(day)))
        .format("%Y-%m-%d")
        .to_string()
}

fn mention(w: &World, i: usize) -> Mention {
    let (name, id) = &w.actors[i];
    Mention {
        text: name.clone(),
        name: name.clone(),
        id: Some(id.clone()),
        kind: ActorKind::ArmedGroup,
        span: None,
        guessed: false,
        role: None,
    }
}

/// What a generation produced besides the documents: the true event of
/// each claim, and how many documents and claims were made.
struct Stream {
    truth: HashMap<String, usize>,
    docs: usize,
    claims: usize,
}

/// A document republishing one of the `recent` ones under `id` on `day`:
/// its claims are copies, true to the same events.
fn republish(
    r: &mut Rng,
    recent: &std::collections::VecDeque<(Document, Vec<Claim>)>,
    truth: &mut HashMap<String, usize>,
    id: &str,
    day: i32,
) -> (Document, Vec<Claim>) {
    let (orig, orig_claims) = &recent[recent.len() - 1 - r.below(recent.len())];
    let mut doc = Document::from_text(id, &format!("Republished. {}", orig.text));
    doc.outlet = Some(format!("Outlet {}", r.below(300)));
    doc.published = Some(format!("{}T12:00:00Z", day_string(day)));
    let offset = "Republished. ".len();
    let claims: Vec<Claim> = orig_claims
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let mut c = c.clone();
            truth.insert(format!("{id}:{k}:0"), truth[&c.id]);
            c.id = format!("{id}:{k}:0");
            c.doc = id.to_string();
            c.span = Span::new(c.span.start + offset, c.span.end + offset);
            c
        })
        .collect();
    (doc, claims)
}

/// A new happening on `day`: its type drawn by `type_cdf`, its parties,
/// place, topic words and count, and how many reports it will get.
fn new_event(r: &mut Rng, w: &World, type_cdf: &[f64], day: i32) -> Truth {
    let u = r.f();
    let t = type_cdf.partition_point(|c| *c < u).min(TYPES.len() - 1);
    let mut reports = 2;
    while r.chance(0.6) && reports < 80 {
        reports += 1;
    }
    Truth {
        claim_type: TYPES[t].0,
        actor: w.actor_z.sample(r),
        target: w.actor_z.sample(r),
        place: w.place_z.sample(r),
        day,
        topic: (0..6).map(|_| w.word_z.sample(r)).collect(),
        count: (r.below(UNITS.len()), (5 + r.below(300)) as f64),
        left: reports,
    }
}

/// Claim `k` of report `id` about happening `ev`, its sentence appended
/// to `text`.
fn report_claim(
    r: &mut Rng,
    w: &World,
    ev: &Truth,
    id: &str,
    k: usize,
    text: &mut String,
) -> Claim {
    let mut words: Vec<&str> = ev
        .topic
        .iter()
        .filter(|_| r.chance(0.8))
        .map(|t| w.words[*t].as_str())
        .collect();
    for _ in 0..6 {
        words.push(&w.words[w.word_z.sample(r)]);
    }
    let place = &w.places[ev.place];
    let sentence = format!(
        "{} {} {} in {} .",
        w.actors[ev.actor].0,
        words.join(" "),
        ev.claim_type.as_str(),
        place.0
    );
    let start = text.len();
    text.push_str(&sentence);
    let end = text.len();
    text.push(' ');
    let claim_id = format!("{id}:{k}:0");
    let mut quantities = Vec::new();
    if r.chance(0.3) {
        let v = (ev.count.1 * (0.8 + 0.4 * r.f())).round();
        quantities.push(Quantity {
            text: format!("{v}"),
            value: Some(v),
            min: None,
            max: None,
            qualifier: None,
            unit: Some(UNITS[ev.count.0].into()),
            span: None,
        });
    }
    let own_day = ev.day + i32::from(r.chance(0.2));
    Claim {
        id: claim_id,
        doc: id.to_string(),
        sentence,
        span: Span::new(start, end),
        sentence_index: k,
        claim_type: ev.claim_type,
        plover: Plover {
            event: ev.claim_type.default_plover(),
            mode: None,
            context: Vec::new(),
            aux: None,
        },
        actor: r.chance(0.7).then(|| mention(w, ev.actor)),
        target: r.chance(0.6).then(|| mention(w, ev.target)),
        source: Source::author(None),
        epistemic: [
            Epistemic::Asserted,
            Epistemic::Reported,
            Epistemic::Reported,
            Epistemic::Hedged,
            Epistemic::Denied,
        ][r.below(5)],
        cues: Vec::new(),
        cue_spans: Vec::new(),
        date: r.chance(0.5).then(|| DateRef {
            text: "on that day".into(),
            value: day_string(own_day),
            precision: DatePrecision::Day,
            start: None,
            end: None,
            span: None,
            inherited: false,
        }),
        place: r.chance(0.7).then(|| Place {
            text: place.0.clone(),
            name: place.0.clone(),
            country: Some(place.1.clone()),
            lat: Some(place.2),
            lon: Some(place.3),
            feature: Some("city".into()),
            geonameid: None,
            role: PlaceRole::Event,
            span: None,
        }),
        quantities,
        weapons: Vec::new(),
        weapon_spans: Vec::new(),
        why: Vec::new(),
    }
}

/// Generates documents one at a time into `sink` (a stream, as an ingest
/// sees it: only the last 50 documents are kept, for syndicated copies).
fn generate(
    claims_wanted: usize,
    span_days: i32,
    seed: u64,
    sink: &mut dyn FnMut(Document, Vec<Claim>),
) -> Stream {
    let mut r = Rng(seed);
    let w = World::new(&mut r);
    let type_cdf: Vec<f64> = TYPES
        .iter()
        .scan(0.0, |a, (_, p)| {
            *a += p;
            Some(*a)
        })
        .collect();
    let mut events: Vec<Truth> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut recent: std::collections::VecDeque<(Document, Vec<Claim>)> =
        std::collections::VecDeque::with_capacity(51);
    let mut truth = HashMap::new();
    let mut made = 0usize;
    let docs_wanted = claims_wanted.div_ceil(8);
    let mut d = 0usize;
    while made < claims_wanted {
        let day = ((d as f64 / docs_wanted as f64) * f64::from(span_days)) as i32;
        let id = format!("doc{d:07}");
        // 5% of documents republish an earlier one.
        if recent.len() > 10 && r.chance(0.05) {
            let (doc, claims) = republish(&mut r, &recent, &mut truth, &id, day);
            made += claims.len();
            sink(doc, claims);
            d += 1;
            continue;
        }
        let n = 4 + r.below(9);
        let mut text = String::new();
        let mut claims = Vec::with_capacity(n);
        let outlet = format!("Outlet {}", r.below(300));
        // A report is about one to three happenings.
        let mut doc_events: Vec<usize> = Vec::new();
        for k in 0..n {
            open.retain(|e| events[*e].left > 0 && day - events[*e].day <= 4);
            let e = if !doc_events.is_empty() && (doc_events.len() >= 3 || r.chance(0.75)) {
                doc_events[r.below(doc_events.len())]
            } else if !open.is_empty() && r.chance(0.55) {
                open[r.below(open.len())]
            } else {
                events.push(new_event(&mut r, &w, &type_cdf, day));
                open.push(events.len() - 1);
                events.len() - 1
            };
            if !doc_events.contains(&e) {
                doc_events.push(e);
            }
            events[e].left = events[e].left.saturating_sub(1);
            let claim = report_claim(&mut r, &w, &events[e], &id, k, &mut text);
            truth.insert(claim.id.clone(), e);
            claims.push(claim);
        }
        let mut doc = Document::from_text(&id, &text);
        doc.outlet = Some(outlet);
        doc.published = Some(format!("{}T12:00:00Z", day_string(day + 1)));
        made += claims.len();
        recent.push_back((doc.clone(), claims.clone()));
        if recent.len() > 50 {
            recent.pop_front();
        }
        sink(doc, claims);
        d += 1;
    }
    Stream {
        truth,
        docs: d,
        claims: made,
    }
}

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn current_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn one(claims: usize, span_days: i32, store: bool) {
    let mut cfg = CorroboratorConfig::default();
    // For experiments: BENCH_LASTING_SLACK=days overrides the slack of lasting relationships.
    if let Some(d) = std::env::var("BENCH_LASTING_SLACK")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        cfg.lasting_slack_days = d;
        cfg.lasting_lookback_days = d;
    }
    let fail = |e: &dyn std::fmt::Display| -> ! {
        eprintln!("bench: {e}");
        std::process::exit(1)
    };
    let base_rss = current_rss_mib();
    let t = Instant::now();
    let mut gen_secs = 0.0;
    let (stream, predicted, events, copies) = if store {
        let mut run = StoreRun::new(&cfg).unwrap_or_else(|e| fail(&e));
        let stream = generate(claims, span_days, 7, &mut |d, c| {
            if let Err(e) = run.push(d, c) {
                fail(&e)
            }
        });
        let (p, e, c) = run.finish().unwrap_or_else(|e| fail(&e));
        (stream, p, e, c)
    } else {
        let mut c = cfg.build().unwrap_or_else(|e| fail(&e));
        let mut of: HashMap<String, u32> = HashMap::with_capacity(claims);
        let stream = generate(claims, span_days, 7, &mut |doc, cl| {
            let (_, assigned) = c.add_document(&doc, &cl);
            for a in assigned {
                of.insert(a.claim, a.event);
            }
        });
        let copies = c.copy_groups().iter().map(|g| g.len() - 1).sum::<usize>();
        let events = c.event_count();
        (
            stream,
            of.into_iter()
                .map(|(k, v)| (k, v.to_string()))
                .collect::<HashMap<_, _>>(),
            events,
            copies,
        )
    };
    let secs = t.elapsed().as_secs_f64();
    // Generation alone, for the time it adds to the run above.
    {
        let g = Instant::now();
        let _ = generate(claims, span_days, 7, &mut |_, _| {});
        gen_secs += g.elapsed().as_secs_f64();
    }
    let cluster_secs = (secs - gen_secs).max(f64::MIN_POSITIVE);
    let gold: HashMap<&str, usize> = stream
        .truth
        .iter()
        .filter(|(c, _)| predicted.contains_key(*c))
        .map(|(c, e)| (c.as_str(), *e))
        .collect();
    let pred: HashMap<&str, &str> = predicted
        .iter()
        .map(|(c, e)| (c.as_str(), e.as_str()))
        .collect();
    let b3 = b_cubed(&gold, &pred);
    let true_events: std::collections::HashSet<usize> = gold.values().copied().collect();
    println!(
        "{:>9} claims {:>7} docs  span {:>5} d  {:>7.1} s  {:>9.0} claims/s  peak RSS {:>6.0} MiB  events {:>8} (true {:>8})  copies {:>6}  B³ P {:.3} R {:.3} F1 {:.3}  [{}; generation {:.1} s not counted; RSS at start {:.0} MiB]",
        stream.claims,
        stream.docs,
        span_days,
        cluster_secs,
        stream.claims as f64 / cluster_secs,
        peak_rss_mib(),
        events,
        true_events.len(),
        copies,
        b3.precision,
        b3.recall,
        b3.f1,
        if store { "store" } else { "memory" },
        gen_secs,
        base_rss
    );
}

/// The store-backed path: batches of 256 documents stored, then
/// `run_pending`, as `claimtrace ingest` does.
struct StoreRun {
    store: claimtrace_store::SqliteStore,
    dir: std::path::PathBuf,
    batch: Vec<(Document, Vec<Claim>)>,
    cfg: CorroboratorConfig,
}

impl StoreRun {
    fn new(cfg: &CorroboratorConfig) -> Result<Self, String> {
        let dir = std::env::temp_dir().join(format!("claimtrace-bench-{}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let path = dir.join("bench.db");
        let _ = std::fs::remove_file(&path);
        let store = claimtrace_store::SqliteStore::open(&path).map_err(|e| e.to_string())?;
        Ok(StoreRun {
            store,
            dir,
            batch: Vec::new(),
            cfg: cfg.clone(),
        })
    }

    fn flush(&mut self) -> Result<(), String> {
        use claimtrace_store::{NewDocument, Store};
        let none: [Sentence; 0] = [];
        let new: Vec<NewDocument<'_>> = self
            .batch
            .iter()
            .map(|(d, c)| NewDocument::new(d, &none, c))
            .collect();
        self.store.put_documents(&new).map_err(|e| e.to_string())?;
        claimtrace_corroborate::run_pending(&mut self.store, &self.cfg, 256)
            .map_err(|e| e.to_string())?;
        self.batch.clear();
        Ok(())
    }

    fn push(&mut self, d: Document, c: Vec<Claim>) -> Result<(), String> {
        self.batch.push((d, c));
        if self.batch.len() >= 256 {
            self.flush()?;
        }
        Ok(())
    }

    fn finish(mut self) -> Result<(HashMap<String, String>, usize, usize), String> {
        use claimtrace_store::{EventQuery, Store};
        self.flush()?;
        let page = self
            .store
            .events(&EventQuery::default())
            .map_err(|e| e.to_string())?;
        let mut of = HashMap::new();
        for e in &page.items {
            for m in &e.claims {
                of.insert(m.claim.clone(), e.id.clone());
            }
        }
        let copies = self
            .store
            .copy_groups()
            .map_err(|e| e.to_string())?
            .iter()
            .map(|g| g.len() - 1)
            .sum();
        let _ = std::fs::remove_dir_all(&self.dir);
        Ok((of, page.total, copies))
    }
}

fn main() {
    let store = std::env::args().any(|a| a == "--store");
    if std::env::args().any(|a| a == "--sweep") {
        let exe = std::env::current_exe().unwrap_or_else(|_| "bench_cluster".into());
        println!("constant density (~900 claims/day; the archive grows in time):");
        for n in [100_000usize, 300_000, 1_000_000] {
            let days = (n as f64 / 913.0).round() as i32;
            let mut cmd = std::process::Command::new(&exe);
            cmd.args(["--claims", &n.to_string(), "--span-days", &days.to_string()]);
            if store {
                cmd.arg("--store");
            }
            let _ = cmd.status();
        }
        println!("fixed span of three years (the same days get denser):");
        for n in [100_000usize, 300_000, 1_000_000] {
            let mut cmd = std::process::Command::new(&exe);
            cmd.args(["--claims", &n.to_string(), "--span-days", "1095"]);
            if store {
                cmd.arg("--store");
            }
            let _ = cmd.status();
        }
        return;
    }
    let claims: usize = arg("--claims")
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let span: i32 = arg("--span-days")
        .and_then(|s| s.parse().ok())
        .unwrap_or(1095);
    one(claims, span, store);
}

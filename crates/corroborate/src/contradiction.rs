//! Contradictions between the claims of one event.
//!
//! Four disagreements are flagged, each once per distinct pair of values
//! (ten copies of "117 drones" against five of "over 300" give one record):
//! - `quantity`: quantities of the same unit family whose intervals do not
//!   overlap ("117 drones" vs "over 300 drones");
//! - `actor` / `target`: two claims of the same type name different
//!   perpetrators (victims), both known to the knowledge base and of the
//!   same rank (two states by ISO code, or two other known bodies: "Russia"
//!   vs "Ukraine"; not "the rebels" vs "the army", which may be one party,
//!   nor "SBU" vs "Ukraine", a body of the state) — statement claims are
//!   left out, since the speaker of a statement is often coded as its actor;
//! - `date`: both claims carry their own date at the same precision and the
//!   ranges do not overlap (not for lasting relationships: supply or
//!   cooperation claims are dated by their reports);
//! - `denial`: one claim is `denied` and the other `asserted`, `reported` or
//!   `hedged`,
//!   and the denial is about that claim's proposition: they share at least
//!   15% of their content words (Jaccard), or the denial answers it through
//!   a back-reference ("The UAE rejected the accusation." after the
//!   accusation).
//!
//! Only claims resting on different origins contradict each other: an
//! origin disagreeing with itself is left to the claims' cards. Denied
//! claims take part only in `denial`: "Russia denied striking the hospital"
//! names Russia as actor without claiming it did it.

use std::collections::HashSet;

use claimtrace_model::{Contradiction, ContradictionKind, Epistemic};

use crate::features::{ClaimFeatures, Family, Vocab, day_string};
use crate::sorted_ids::jaccard;

/// Content-word Jaccard from which a denial is taken to speak of a claim.
const DENIAL_JACCARD: f64 = 0.15;
/// Sentences back a back-referring denial may answer.
const DENIAL_BACK_SENTENCES: usize = 2;

/// Whether two actor keys are different known parties of one rank: both
/// states (`id:` + ISO 3166 alpha-3) or both other knowledge-base bodies.
fn rivals(a: &str, b: &str) -> bool {
    let state = |k: &str| {
        k.strip_prefix("id:")
            .is_some_and(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_lowercase()))
    };
    a != b && a.starts_with("id:") && b.starts_with("id:") && state(a) == state(b)
}

/// Whether denial `d` is about the proposition of claim `s`.
fn denies(d: &ClaimFeatures, s: &ClaimFeatures) -> bool {
    jaccard(&d.tokens, &s.tokens) >= DENIAL_JACCARD
        || (d.refers_back
            && d.doc == s.doc
            && d.sentence_index > s.sentence_index
            && d.sentence_index - s.sentence_index <= DENIAL_BACK_SENTENCES)
}

/// One member claim with its resolved origin key.
pub struct Side<'a> {
    pub claim: &'a ClaimFeatures,
    pub origin: &'a str,
}

/// Every contradiction among `members` (in member order, first pair kept),
/// and for each member whether it contradicts a claim of another origin.
pub fn contradictions(members: &[Side<'_>], vocab: &Vocab) -> (Vec<Contradiction>, Vec<bool>) {
    let (reps, rep_of) = representatives(members);
    let mut found = Found {
        out: Vec::new(),
        seen: HashSet::new(),
        flagged: vec![false; reps.len()],
    };
    for (i, a) in reps.iter().enumerate() {
        for (j, b) in reps.iter().enumerate().skip(i + 1) {
            compare(&mut found, (i, *a), (j, *b), vocab);
        }
    }
    let member_flags = rep_of.iter().map(|r| found.flagged[*r]).collect();
    (found.out, member_flags)
}

/// A representative with its index among the representatives.
type Indexed<'s, 'a> = (usize, &'s Side<'a>);

/// The contradictions found so far.
struct Found {
    out: Vec<Contradiction>,
    /// (kind, smaller value, larger value) of every contradiction kept.
    seen: HashSet<(ContradictionKind, String, String)>,
    /// Per representative: it contradicts a claim of another origin.
    flagged: Vec<bool>,
}

impl Found {
    /// Record that `a` (saying `va`) and `b` (saying `vb`) disagree, unless
    /// they rest on one origin; the first pair of each value pair is kept.
    fn push(
        &mut self,
        kind: ContradictionKind,
        (ia, a): Indexed<'_, '_>,
        (ib, b): Indexed<'_, '_>,
        va: String,
        vb: String,
    ) {
        if a.origin == b.origin {
            return;
        }
        self.flagged[ia] = true;
        self.flagged[ib] = true;
        let key = if va <= vb {
            (kind, va.clone(), vb.clone())
        } else {
            (kind, vb.clone(), va.clone())
        };
        if self.seen.insert(key) {
            self.out.push(Contradiction {
                kind,
                a: a.claim.claim.to_string(),
                b: b.claim.claim.to_string(),
                detail: format!("{va} vs {vb}"),
                a_origin: a.origin.to_string(),
                b_origin: b.origin.to_string(),
            });
        }
    }
}

/// Every disagreement between two representatives: a denial and what it
/// denies, or (neither denying) quantities, roles and dates.
fn compare(found: &mut Found, a: Indexed<'_, '_>, b: Indexed<'_, '_>, vocab: &Vocab) {
    let (ca, cb) = (a.1.claim, b.1.claim);
    let denied_a = ca.epistemic == Epistemic::Denied;
    let denied_b = cb.epistemic == Epistemic::Denied;
    if denied_a != denied_b {
        let (d, s) = if denied_a { (a, b) } else { (b, a) };
        denial(found, d, s);
        return;
    }
    if denied_a {
        return;
    }
    for qa in &ca.quantities {
        for qb in &cb.quantities {
            if qa.unit == qb.unit && (qa.hi < qb.lo || qb.hi < qa.lo) {
                found.push(
                    ContradictionKind::Quantity,
                    a,
                    b,
                    qa.text.to_string(),
                    qb.text.to_string(),
                );
            }
        }
    }
    roles(found, a, b, vocab);
    dates(found, a, b);
}

/// Denial `d` against claim `s` when `s` says something checkable and `d`
/// is about it.
fn denial(found: &mut Found, d: Indexed<'_, '_>, s: Indexed<'_, '_>) {
    // A hedged report ("allegedly supplied") still says what the
    // denial rejects; opinions say nothing checkable.
    let firm = matches!(
        s.1.claim.epistemic,
        Epistemic::Asserted | Epistemic::Reported | Epistemic::Hedged
    );
    if firm && denies(d.1.claim, s.1.claim) {
        let (vs, vd) = (
            format!("{} ({})", s.1.claim.epistemic.as_str(), s.1.origin),
            format!("denied ({})", d.1.origin),
        );
        found.push(ContradictionKind::Denial, s, d, vs, vd);
    }
}

/// Rival actors, then rival targets, of two claims of one type (not
/// statements: their speaker is often coded as the actor).
fn roles(found: &mut Found, a: Indexed<'_, '_>, b: Indexed<'_, '_>, vocab: &Vocab) {
    let (ca, cb) = (a.1.claim, b.1.claim);
    let roles =
        ca.family != Family::Open && cb.family != Family::Open && ca.claim_type == cb.claim_type;
    if !roles {
        return;
    }
    let name = |l: Option<u32>, k: u32| vocab.get(l.unwrap_or(k)).to_string();
    if let (Some(x), Some(y)) = (ca.actor, cb.actor)
        && x != y
        && rivals(vocab.get(x), vocab.get(y))
    {
        found.push(
            ContradictionKind::Actor,
            a,
            b,
            name(ca.actor_label, x),
            name(cb.actor_label, y),
        );
    }
    if let (Some(x), Some(y)) = (ca.target, cb.target)
        && x != y
        && rivals(vocab.get(x), vocab.get(y))
    {
        found.push(
            ContradictionKind::Target,
            a,
            b,
            name(ca.target_label, x),
            name(cb.target_label, y),
        );
    }
}

/// Own dates of one precision that do not overlap.
fn dates(found: &mut Found, a: Indexed<'_, '_>, b: Indexed<'_, '_>) {
    let (ca, cb) = (a.1.claim, b.1.claim);
    // Dates of lasting relationships are those of the reports.
    if let (Some(x), Some(y)) = (ca.date, cb.date)
        && !ca.family.is_lasting()
        && !cb.family.is_lasting()
        && x.precision == y.precision
        && (x.end < y.start || y.end < x.start)
    {
        let show = |d: crate::features::DateFeature| {
            if d.start == d.end {
                day_string(d.start)
            } else {
                format!("{}/{}", day_string(d.start), day_string(d.end))
            }
        };
        found.push(ContradictionKind::Date, a, b, show(x), show(y));
    }
}

/// Members with distinct (origin, coded values): copies of one claim add
/// nothing to the comparison and would make it quadratic in the copies.
/// Returns the representatives and, per member, the index of its representative.
fn representatives<'a, 'b>(members: &'b [Side<'a>]) -> (Vec<&'b Side<'a>>, Vec<usize>) {
    let mut seen = std::collections::HashMap::new();
    let mut reps = Vec::new();
    let mut rep_of = Vec::with_capacity(members.len());
    for s in members {
        let c = s.claim;
        let q: Vec<String> = c
            .quantities
            .iter()
            .map(|q| format!("{}:{}:{}", q.unit, q.lo, q.hi))
            .collect();
        let key = (
            s.origin.to_string(),
            c.actor,
            c.target,
            c.date.map(|d| (d.start, d.end)),
            c.epistemic,
            c.family,
            q,
        );
        let r = *seen.entry(key).or_insert_with(|| {
            reps.push(s);
            reps.len() - 1
        });
        rep_of.push(r);
    }
    (reps, rep_of)
}

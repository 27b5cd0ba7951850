//! Who a sentence names: knowledge-base actors, persons (with titles and
//! roles in apposition), guessed organisations and groups, unnamed sources
//! ("officials", "Russian media outlets") and pronouns resolved to the
//! person or group named before.

use claimtrace_model::{ActorKind, Mention, SourceKind, Span};

use crate::actor_kb::{ActorKb, AliasForm};
use crate::context::DocContext;
use crate::source_noun::SourceNouns;

use crate::words::{
    self, NAME_LINKS, NOT_NAME_SET, ROLE_NOUNS, TITLE_FIRST_WORDS, TITLE_SET, Word,
};

mod capitalised;

/// How a mention was recognised (shown in `why`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Found {
    KnowledgeBase,
    Title,
    CapitalisedName,
    KnownPerson,
    SourceNoun,
    Pronoun,
}

/// A mention candidate in one sentence.
#[derive(Debug, Clone)]
pub(crate) struct Cand {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub name: String,
    pub id: Option<String>,
    pub kind: ActorKind,
    pub guessed: bool,
    pub role: Option<String>,
    /// Where the apposition giving the role stands (its mentions are not actors).
    pub role_span: Option<(usize, usize)>,
    /// The source kind this mention gives when it asserts a claim.
    pub source_kind: SourceKind,
    pub found: Found,
    /// A bare demonym used as an adjective ("Ukrainian drones").
    pub adjective: bool,
    /// ISO alpha-2 of the state the actor belongs to.
    pub country: Option<String>,
    pub why: String,
}

impl Cand {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    pub fn to_mention(&self) -> Mention {
        Mention {
            text: self.text.clone(),
            name: self.name.clone(),
            id: self.id.clone(),
            kind: self.kind,
            span: Some(self.span()),
            guessed: self.guessed,
            role: self.role.clone(),
        }
    }

    pub fn is_person(&self) -> bool {
        self.kind == ActorKind::Person
    }
}

/// Source kind given by an actor kind.
pub(crate) fn source_kind_of(kind: ActorKind) -> SourceKind {
    match kind {
        ActorKind::Person => SourceKind::NamedPerson,
        ActorKind::Media => SourceKind::Media,
        ActorKind::Group => SourceKind::AnonymousOfficials,
        _ => SourceKind::NamedOrganisation,
    }
}

/// What a demonym followed by one of these nouns names.
const DEMONYM_HEADS: &[(&str, ActorKind, &str)] = &[
    ("armed forces", ActorKind::StateMilitary, "armed forces"),
    ("defense forces", ActorKind::StateMilitary, "defense forces"),
    ("defence forces", ActorKind::StateMilitary, "defence forces"),
    (
        "security forces",
        ActorKind::StateMilitary,
        "security forces",
    ),
    ("forces", ActorKind::StateMilitary, "forces"),
    ("army", ActorKind::StateMilitary, "army"),
    ("troops", ActorKind::StateMilitary, "troops"),
    ("military", ActorKind::StateMilitary, "military"),
    ("soldiers", ActorKind::StateMilitary, "soldiers"),
    ("navy", ActorKind::StateMilitary, "navy"),
    ("air force", ActorKind::StateMilitary, "air force"),
    ("units", ActorKind::StateMilitary, "units"),
    ("government", ActorKind::State, "government"),
    ("authorities", ActorKind::State, "authorities"),
    ("junta", ActorKind::State, "junta"),
    ("leadership", ActorKind::State, "leadership"),
    ("side", ActorKind::State, "side"),
];

/// Words in a capitalised name that make it an organisation of a kind.
const ORG_WORDS: &[(&str, ActorKind)] = &[
    ("Ministry", ActorKind::StateAgency),
    ("Directorate", ActorKind::StateAgency),
    ("Agency", ActorKind::StateAgency),
    ("Service", ActorKind::StateAgency),
    ("Department", ActorKind::StateAgency),
    ("Office", ActorKind::StateAgency),
    ("Command", ActorKind::StateMilitary),
    ("Brigade", ActorKind::ArmedGroup),
    ("Battalion", ActorKind::ArmedGroup),
    ("Regiment", ActorKind::ArmedGroup),
    ("Militia", ActorKind::ArmedGroup),
    ("Front", ActorKind::ArmedGroup),
    ("Movement", ActorKind::ArmedGroup),
    ("Forces", ActorKind::ArmedGroup),
    ("Army", ActorKind::ArmedGroup),
    ("Group", ActorKind::Organisation),
    ("Council", ActorKind::Organisation),
    ("Committee", ActorKind::Organisation),
    ("Commission", ActorKind::Organisation),
    ("Institute", ActorKind::Organisation),
    ("Foundation", ActorKind::Organisation),
    ("Company", ActorKind::Organisation),
    ("Corporation", ActorKind::Organisation),
    ("Industries", ActorKind::Organisation),
    ("Bank", ActorKind::Organisation),
    ("University", ActorKind::Organisation),
    ("Party", ActorKind::Organisation),
    ("Union", ActorKind::Organisation),
    ("Organisation", ActorKind::Organisation),
    ("Organization", ActorKind::Organisation),
    ("Network", ActorKind::Organisation),
    ("Centre", ActorKind::Organisation),
    ("Center", ActorKind::Organisation),
    ("Coalition", ActorKind::ArmedGroup),
    ("News", ActorKind::Media),
    ("Times", ActorKind::Media),
    ("Post", ActorKind::Media),
    ("Agency", ActorKind::Media),
    ("Television", ActorKind::Media),
    ("Radio", ActorKind::Media),
    ("Press", ActorKind::Media),
    ("Echo", ActorKind::Media),
    ("Ledger", ActorKind::Media),
    ("Courier", ActorKind::Media),
    ("Wire", ActorKind::Media),
    ("Review", ActorKind::Media),
    ("Monitor", ActorKind::Media),
    ("Observer", ActorKind::Media),
    ("Chronicle", ActorKind::Media),
    ("Gazette", ActorKind::Media),
    ("Herald", ActorKind::Media),
    ("Tribune", ActorKind::Media),
    ("Journal", ActorKind::Media),
    ("Daily", ActorKind::Media),
    ("Broadcaster", ActorKind::Media),
    ("Hotel", ActorKind::Organisation),
    ("Lines", ActorKind::Organisation),
    ("Court", ActorKind::Organisation),
    ("Association", ActorKind::Organisation),
    ("Club", ActorKind::Organisation),
    ("Records", ActorKind::Organisation),
    ("Airlines", ActorKind::Organisation),
    ("Airways", ActorKind::Organisation),
    ("Church", ActorKind::Organisation),
    ("School", ActorKind::Organisation),
    ("College", ActorKind::Organisation),
    ("Museum", ActorKind::Organisation),
    ("Observatory", ActorKind::Organisation),
    ("Watch", ActorKind::Organisation),
    ("Rights", ActorKind::Organisation),
    ("Crescent", ActorKind::Organisation),
    ("Mission", ActorKind::Organisation),
    ("Assembly", ActorKind::Organisation),
    ("Parliament", ActorKind::Organisation),
    ("Corps", ActorKind::StateMilitary),
    ("Guard", ActorKind::StateMilitary),
    ("Guards", ActorKind::StateMilitary),
    ("Navy", ActorKind::StateMilitary),
    ("Authority", ActorKind::StateAgency),
    ("Administration", ActorKind::StateAgency),
    ("Bureau", ActorKind::StateAgency),
    ("Cabinet", ActorKind::StateAgency),
    ("Police", ActorKind::StateAgency),
    ("Presidency", ActorKind::StateAgency),
    ("Hospital", ActorKind::Organisation),
    ("Society", ActorKind::Organisation),
    ("League", ActorKind::Organisation),
    ("Federation", ActorKind::Organisation),
    ("Academy", ActorKind::Organisation),
    ("Inc", ActorKind::Organisation),
    ("Ltd", ActorKind::Organisation),
    ("Corp", ActorKind::Organisation),
    ("Co", ActorKind::Organisation),
    ("Systems", ActorKind::Organisation),
    ("Technologies", ActorKind::Organisation),
    ("Motors", ActorKind::Organisation),
    ("Bureau", ActorKind::StateAgency),
    ("Authority", ActorKind::StateAgency),
    ("Administration", ActorKind::StateAgency),
    ("Senate", ActorKind::StateAgency),
    ("Congress", ActorKind::StateAgency),
    ("Parliament", ActorKind::StateAgency),
    ("Assembly", ActorKind::StateAgency),
    ("Guard", ActorKind::StateMilitary),
    ("Corps", ActorKind::StateMilitary),
    ("Navy", ActorKind::StateMilitary),
];

/// Lower-case nouns that turn a preceding capitalised word into an armed
/// group ("Fulani militias", "Tuareg rebels").
const GROUP_NOUNS: &[&str] = &[
    "militia",
    "militias",
    "rebels",
    "fighters",
    "insurgents",
    "jihadists",
    "separatists",
    "gunmen",
    "paramilitaries",
    "paramilitary",
];

/// Whether bytes `a..b` of `text` are only spaces (one gap between words).
fn gap_is_space(text: &str, a: usize, b: usize) -> bool {
    text.get(a..b)
        .is_some_and(|g| !g.is_empty() && g.chars().all(|c| c == ' '))
}

/// A hyphen or apostrophe joins word parts ("al-Burhan", "Jama’a").
fn gap_joins(text: &str, a: usize, b: usize) -> bool {
    matches!(text.get(a..b), Some("-" | "'" | "’"))
}

pub(crate) fn overlaps(c: &[Cand], s: usize, e: usize) -> bool {
    c.iter().any(|m| s < m.end && m.start < e)
}

/// Every mention candidate in the sentence `text[from..to]`, in text order.
/// `places` are the gazetteer's place spans in the document (a capitalised
/// run built on a place name is not a person: "Kidal Echo").
pub(crate) fn find(
    kb: &ActorKb,
    nouns: &SourceNouns,
    text: &str,
    from: usize,
    to: usize,
    ctx: &DocContext,
    places: &[Span],
) -> Vec<Cand> {
    let ws = words::words(text, from, to);
    let mut out: Vec<Cand> = Vec::new();
    knowledge_base(kb, text, from, to, &mut out);
    titled_persons(text, &ws, from, &mut out);
    capitalised::capitalised(text, &ws, from, ctx, kb, places, &mut out);
    crate::source_noun::source_nouns(nouns, text, from, to, &mut out);
    crate::pronoun::pronouns(text, &ws, from, to, ctx, &mut out);
    out.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    out
}

fn knowledge_base(kb: &ActorKb, text: &str, from: usize, to: usize, out: &mut Vec<Cand>) {
    for h in kb.find(text, from, to) {
        let e = kb.entry(h.entry);
        let mut start = h.start;
        let mut end = h.end;
        let mut kind = e.kind;
        let mut adjective = false;
        let mut why = format!(
            "knowledge base: '{}' is {} ({})",
            &text[h.start..h.end],
            e.name,
            e.kind
        );
        let mut name = e.name.clone();
        match h.form {
            AliasForm::Seat => {
                why = format!(
                    "knowledge base: '{}', seat of government, stands for {}",
                    &text[h.start..h.end],
                    e.name
                )
            }
            AliasForm::Demonym => {
                let rest = text.get(h.end..to).unwrap_or("");
                let head = DEMONYM_HEADS.iter().find(|(w, _, _)| {
                    rest.strip_prefix(' ')
                        .and_then(|r| r.get(..w.len()))
                        .is_some_and(|p| p.eq_ignore_ascii_case(w))
                        && rest
                            .get(1 + w.len()..)
                            .and_then(|r| r.chars().next())
                            .is_none_or(|c| !c.is_alphanumeric())
                });
                match head {
                    Some((w, k, _)) => {
                        end = h.end + 1 + w.len();
                        kind = *k;
                        why = format!(
                            "knowledge base: '{}' is {}; '{}' makes it its {}",
                            &text[h.start..h.end],
                            e.name,
                            w,
                            k
                        );
                    }
                    None => {
                        // "Malian defense forces" may come with words between; a bare
                        // adjective names the state only weakly.
                        adjective = true;
                        why = format!(
                            "knowledge base: demonym '{}' of {}",
                            &text[h.start..h.end],
                            e.name
                        );
                    }
                }
            }
            AliasForm::Name => {}
        }
        let mut id = e.mention_id();
        // A state's army or government acts for the state: name and id are the
        // state's (the contract's "the Armed Forces of Ukraine" → Ukraine), the
        // kind says which arm.
        if (e.kind == ActorKind::StateMilitary || e.key.ends_with("-GOV"))
            && let Some(state) = e.country.as_deref().and_then(|c| kb.state_of(c))
        {
            why = format!("{why}; it acts for the state {}", state.name);
            name = state.name.clone();
            id = state.mention_id();
            if e.key.ends_with("-GOV") {
                kind = ActorKind::State;
            }
        }
        // Keep a leading "the" in the text as the reader sees it.
        if let Some(head) = text.get(from..start)
            && (head.ends_with("the ") || head.ends_with("The "))
            && !adjective
        {
            start -= 4;
        }
        out.push(Cand {
            start,
            end,
            text: text[start..end].to_string(),
            name,
            id: Some(id),
            kind,
            guessed: false,
            role: None,
            role_span: None,
            source_kind: source_kind_of(kind),
            found: Found::KnowledgeBase,
            adjective,
            country: e.country.clone(),
            why,
        });
    }
}

/// The run of capitalised words (with name links) starting at word `i`;
/// returns the index past its last word.
fn name_run(text: &str, ws: &[Word], i: usize, person: bool) -> usize {
    let mut j = i;
    let mut last_cap = i;
    while j < ws.len() {
        let w = ws[j];
        let t = w.text(text);
        let cap = w.is_capitalised(text);
        let link = NAME_LINKS.contains(&t)
            && j > i
            && !(person && (t == "and" || t == "of" || t == "for"));
        if j > i {
            let prev = ws[j - 1];
            if !(gap_is_space(text, prev.end, w.start) || gap_joins(text, prev.end, w.start)) {
                break;
            }
        }
        if cap && (j == i || !NOT_NAME_SET.contains(t)) {
            last_cap = j;
            j += 1;
        } else if link || (j > i && gap_joins(text, ws[j - 1].end, w.start)) {
            j += 1;
        } else {
            break;
        }
    }
    last_cap + 1
}

fn titled_persons(text: &str, ws: &[Word], _from: usize, out: &mut Vec<Cand>) {
    for i in 0..ws.len() {
        let t = ws[i].text(text);
        if !TITLE_FIRST_WORDS.contains(t) {
            continue;
        }
        // Two-word titles: "Foreign Minister", "Prime Minister".
        let two = ws
            .get(i + 1)
            .filter(|n| gap_is_space(text, ws[i].end, n.start))
            .and_then(|n| text.get(ws[i].start..n.end));
        let dotted = text
            .get(ws[i].start..ws[i].end + 1)
            .filter(|d| d.ends_with('.'));
        let (title_end_word, title) = if let Some(two) = two.filter(|s| TITLE_SET.contains(s)) {
            (i + 1, two.to_string())
        } else if TITLE_SET.contains(t) || dotted.is_some_and(|d| TITLE_SET.contains(d)) {
            (i, t.to_string())
        } else {
            continue;
        };
        // Titles chain: "Army spokesman Brigadier General X", "Secretary-General X".
        let mut title_end_word = title_end_word;
        let mut title = title;
        loop {
            let n = title_end_word + 1;
            let Some(w) = ws.get(n) else { break };
            let joined = gap_is_space(text, ws[title_end_word].end, w.start)
                || gap_joins(text, ws[title_end_word].end, w.start);
            if !joined {
                break;
            }
            let one = w.text(text);
            let two = ws
                .get(n + 1)
                .filter(|x| gap_is_space(text, w.end, x.start))
                .and_then(|x| text.get(w.start..x.end));
            if let Some(t2) = two.filter(|t| TITLE_SET.contains(t)) {
                title = format!("{title} {t2}");
                title_end_word = n + 1;
            } else if TITLE_SET.contains(one) && one.chars().next().is_some_and(char::is_uppercase)
            {
                title = text[ws[i].start..w.end].to_string();
                title_end_word = n;
            } else {
                break;
            }
        }
        let n = title_end_word + 1;
        if n >= ws.len() || !ws[n].is_capitalised(text) || NOT_NAME_SET.contains(ws[n].text(text)) {
            continue;
        }
        let end_word = name_run(text, ws, n, true);
        let (s, e) = (ws[n].start, ws[end_word - 1].end);
        if overlaps(out, s, e) {
            continue;
        }
        let name = text[s..e].to_string();
        // "United Nations Secretary-General X": the body named right before
        // the title is part of the role, not a party of its own.
        let body = out
            .iter()
            .filter(|m| !m.adjective && m.kind != ActorKind::Person)
            .find(|m| text.get(m.end..ws[i].start) == Some(" "))
            .map(|m| (m.start, m.text.clone()));
        let (role, role_span) = match body {
            Some((bs, bt)) => (format!("{bt} {title}"), Some((bs, ws[title_end_word].end))),
            None => (title.clone(), None),
        };
        out.push(Cand {
            start: ws[i].start,
            end: e,
            text: text[ws[i].start..e].to_string(),
            name: name.clone(),
            id: None,
            kind: ActorKind::Person,
            guessed: false,
            role: Some(role),
            role_span,
            source_kind: SourceKind::NamedPerson,
            found: Found::Title,
            adjective: false,
            country: None,
            why: format!("person: the title '{title}' introduces '{name}'"),
        });
    }
}

fn org_kind(name_words: &[&str]) -> Option<(ActorKind, &'static str)> {
    for w in name_words.iter().rev() {
        if let Some((word, k)) = ORG_WORDS.iter().find(|(o, _)| o == w) {
            return Some((*k, word));
        }
    }
    None
}

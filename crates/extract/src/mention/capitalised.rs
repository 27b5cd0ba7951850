//! Capitalised runs that no knowledge-base entry or title explains: guessed
//! persons, organisations (by their head word) and groups, and the roles an
//! apposition gives them.

use super::*;

/// Capitalised runs that name no knowledge-base actor: the document's
/// outlet, guessed organisations, armed groups and persons, persons named
/// earlier; then the roles in apposition after every person.
#[allow(clippy::too_many_arguments)]
pub(super) fn capitalised(
    text: &str,
    ws: &[Word],
    from: usize,
    ctx: &DocContext,
    kb: &ActorKb,
    places: &[Span],
    out: &mut Vec<Cand>,
) {
    let mut i = 0;
    while i < ws.len() {
        let w = ws[i];
        let t = w.text(text);
        if !w.is_capitalised(text) || NOT_NAME_SET.contains(t) || overlaps(out, w.start, w.end) {
            i += 1;
            continue;
        }
        let stop = run_stop(text, ws, i, out);
        let run = Run::read(text, ws, from, i, stop);
        if !overlaps(out, run.start, run.end) && !run.is_headline() {
            classify(text, &run, ctx, kb, places, out);
        }
        i = stop.max(i + 1);
    }
    apposition_roles(text, out);
}

/// Where the capitalised run starting at word `i` stops: at the start of a
/// mention already found, before an "and" joining two names, and before
/// any trailing link word.
fn run_stop(text: &str, ws: &[Word], i: usize, out: &[Cand]) -> usize {
    let end_word = name_run(text, ws, i, false);
    // Cut the run where a knowledge-base mention begins.
    let mut stop = (i + 1..end_word)
        .find(|&j| overlaps(out, ws[j].start, ws[j].end))
        .unwrap_or(end_word);
    // "Daniel and Nettie Stoner" are two names; "Ministry of Labour and
    // Social Affairs" is one (it carries an organisation word).
    let run_words: Vec<&str> = ws[i..stop].iter().map(|x| x.text(text)).collect();
    if org_kind(&run_words).is_none()
        && let Some(k) = run_words.iter().position(|w| *w == "and")
    {
        stop = i + k;
    }
    while stop > i + 1 && NAME_LINKS.contains(&ws[stop - 1].text(text)) {
        stop -= 1;
    }
    stop
}

/// A run of capitalised words `ws[i..stop]` and what surrounds it.
struct Run<'a> {
    /// Byte range of the run.
    start: usize,
    end: usize,
    /// The run as written.
    name: String,
    words: Vec<&'a str>,
    /// How many of its words are capitalised (links are not).
    caps: usize,
    /// The word right after the run.
    next: Option<Word>,
    /// Only punctuation stands between the sentence start and the run.
    at_start: bool,
}

impl<'a> Run<'a> {
    /// The run `ws[i..stop]` (`i < stop`) of the sentence starting at `from`.
    fn read(text: &'a str, ws: &[Word], from: usize, i: usize, stop: usize) -> Self {
        let (start, end) = (ws[i].start, ws[stop - 1].end);
        let words: Vec<&str> = ws[i..stop].iter().map(|x| x.text(text)).collect();
        let caps = words
            .iter()
            .filter(|x| x.chars().next().is_some_and(char::is_uppercase))
            .count();
        Run {
            start,
            end,
            name: text[start..end].to_string(),
            words,
            caps,
            next: ws.get(stop).copied(),
            at_start: text
                .get(from..start)
                .is_some_and(|h| h.trim_matches(|c: char| !c.is_alphanumeric()).is_empty()),
        }
    }

    /// A dateline or headline in capitals ("PORT SUDAN —") names no actor;
    /// short acronyms ("HUR", "SBU") are names.
    fn is_headline(&self) -> bool {
        let letters: usize = self
            .words
            .iter()
            .map(|w| w.chars().filter(|c| c.is_alphabetic()).count())
            .sum();
        letters > 6
            && self
                .words
                .iter()
                .all(|w| !w.chars().any(char::is_lowercase))
    }

    /// One word of three to six capital letters that is no clock word
    /// ("NIS", "HUR"; not "GMT"): the short name of an organisation.
    fn is_acronym(&self) -> bool {
        const CLOCK: &[&str] = &[
            "GMT", "UTC", "EST", "EDT", "BST", "CET", "CEST", "MSK", "EET",
        ];
        let [w] = self.words.as_slice() else {
            return false;
        };
        (3..=6).contains(&w.len())
            && w.chars().all(|c| c.is_ascii_uppercase())
            && !CLOCK.contains(w)
    }

    /// "ERBIL, Iraq —", "WASHINGTON (Reuters) -": a place in capitals opening
    /// a dateline.
    fn is_dateline(&self, text: &str) -> bool {
        self.at_start
            && text
                .get(self.end..)
                .is_some_and(|t| t.starts_with(',') || t.trim_start().starts_with('('))
    }

    /// The run names the document's own outlet ("The Kidal Echo").
    fn is_outlet(&self, ctx: &DocContext) -> bool {
        ctx.outlet.as_deref().is_some_and(|o| {
            let o = o.strip_prefix("The ").unwrap_or(o);
            o.eq_ignore_ascii_case(&self.name)
                || self.caps >= 2 && o.starts_with(&format!("{} ", self.name))
        })
    }
}

/// A guessed mention of `kind` at `start..end`.
fn guessed(
    text: &str,
    start: usize,
    end: usize,
    kind: ActorKind,
    found: Found,
    why: String,
) -> Cand {
    Cand {
        start,
        end,
        text: text[start..end].to_string(),
        name: text[start..end].to_string(),
        id: None,
        kind,
        guessed: true,
        role: None,
        role_span: None,
        source_kind: source_kind_of(kind),
        found,
        adjective: false,
        country: None,
        why,
    }
}

/// What a capitalised run names, tried in order: the document's outlet, an
/// organisation by its head word, an armed group by the noun after it, a
/// person named earlier, an organisation built on a place, a guessed person.
fn classify(
    text: &str,
    run: &Run<'_>,
    ctx: &DocContext,
    kb: &ActorKb,
    places: &[Span],
    out: &mut Vec<Cand>,
) {
    let (s, e, name, caps) = (run.start, run.end, &run.name, run.caps);
    // A run that starts with a place name is no person ("Kidal Echo");
    // a surname that is also a place is ("Michael Jordan").
    let on_place = places.iter().any(|p| p.start == s && p.end <= e);
    if run.is_outlet(ctx) {
        let mut c = guessed(
            text,
            s,
            e,
            ActorKind::Media,
            Found::CapitalisedName,
            format!("media: '{name}' is the document's own outlet"),
        );
        c.guessed = false;
        out.push(c);
    } else if let Some((kind, word)) = org_kind(&run.words) {
        organisation(text, run, kind, word, out);
    } else if let Some((g, ge)) = run
        .next
        .map(|n| (n.text(text), n.end))
        .filter(|(g, _)| GROUP_NOUNS.contains(g))
    {
        out.push(guessed(
            text,
            s,
            ge,
            ActorKind::ArmedGroup,
            Found::CapitalisedName,
            format!("guessed armed_group: '{name}' followed by '{g}'"),
        ));
    } else if let Some(p) = ctx.person_by_part(name) {
        let mut c = guessed(
            text,
            s,
            e,
            ActorKind::Person,
            Found::KnownPerson,
            format!("person: '{name}' is {} named earlier", p.name),
        );
        c.name = p.name.clone();
        c.role = p.role.clone();
        c.guessed = false;
        out.push(c);
    } else if !on_place && run.is_acronym() && !run.is_dateline(text) {
        out.push(guessed(
            text,
            s,
            e,
            ActorKind::Organisation,
            Found::CapitalisedName,
            format!("guessed organisation: '{name}' is an acronym (not in the knowledge base)"),
        ));
    } else if on_place {
        // "Kidal Echo", "Gaza Strip": a name built on a place is no person.
        if places.iter().all(|p| !(p.start == s && p.end == e)) && caps >= 2 {
            out.push(guessed(
                text,
                s,
                e,
                ActorKind::Organisation,
                Found::CapitalisedName,
                format!("guessed organisation: capitalised name '{name}' built on a place name"),
            ));
        }
    } else if (2..=5).contains(&caps)
        && !(run.at_start && caps == 2 && kb.lookup(run.words[0]).is_some())
    {
        out.push(guessed(
            text,
            s,
            e,
            ActorKind::Person,
            Found::CapitalisedName,
            format!("guessed person: capitalised name '{name}' (not in the knowledge base)"),
        ));
    }
}

/// A guessed organisation named by its head `word`, taking in a demonym
/// right before it ("American Medical Association"); a one-word name at the
/// sentence start is too weak to count.
fn organisation(text: &str, run: &Run<'_>, kind: ActorKind, word: &str, out: &mut Vec<Cand>) {
    let mut s = run.start;
    // "American Medical Association": the demonym belongs to the name.
    if let Some(k) = out
        .iter()
        .position(|m| m.adjective && text.get(m.end..s) == Some(" "))
    {
        s = out[k].start;
        out.remove(k);
    }
    if run.caps >= 2 || !run.at_start {
        out.push(guessed(
            text,
            s,
            run.end,
            kind,
            Found::CapitalisedName,
            format!("guessed {kind}: capitalised name with '{word}' (not in the knowledge base)"),
        ));
    }
}

/// Roles in apposition: "Andriy Yusov, the press representative of ...,
/// acknowledged" gives the person before the comma that role.
fn apposition_roles(text: &str, out: &mut [Cand]) {
    for c in out.iter_mut().filter(|c| c.is_person()) {
        if let Some((role, rs, re)) = apposition(text, c.end) {
            c.role = Some(role);
            c.role_span = Some((rs, re));
        }
    }
}

/// The role in an apposition right after a name: ", the press
/// representative of X," or ", Ukraine’s ambassador in Dakar,".
fn apposition(text: &str, end: usize) -> Option<(String, usize, usize)> {
    let rest = text.get(end..)?;
    let body = rest.strip_prefix(", ")?;
    // Brackets inside the role ("the Strategic Framework (CSP-DPA)") belong to it.
    let mut depth = 0i32;
    let mut stop = None;
    for (i, c) in body.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' | ';' | '.' | '“' | '"' if depth <= 0 => {
                stop = Some(i);
                break;
            }
            _ => {}
        }
    }
    let stop = stop?;
    if !body[stop..].starts_with(',') && !body[stop..].starts_with('.') {
        return None;
    }
    let role = &body[..stop];
    let lower = role.to_lowercase();
    let nwords = role.split_whitespace().count();
    let has_role_noun = lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| ROLE_NOUNS.contains(&w));
    if !(1..=16).contains(&nwords) || !has_role_noun {
        return None;
    }
    let rs = end + 2;
    Some((role.to_string(), rs, rs + role.len()))
}

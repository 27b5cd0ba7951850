import { h, fmtLabel } from '../dom.js';
import { get, enc } from '../api.js';
import { claimCard, claimHref, legend } from '../claimCard.js';

/** `doc:<group>` or `name:<name>`: what kind of origin a key names. */
function originKind(key) {
  return key.startsWith('doc:') ? "the outlet's own reporting" : 'named source';
}

function days(e) {
  if (!e.date_start) return null;
  return e.date_end && e.date_end !== e.date_start ? `${e.date_start} – ${e.date_end}` : e.date_start;
}

/** Link text for a document: its title, outlet and day. */
function docLabel(d) {
  return [d.title || d.id, d.outlet, d.published && d.published.slice(0, 10)].filter(Boolean).join(' · ');
}

/**
 * One event (`/api/events/{id}`): what it is, the contradictions with both
 * sides, the independent origins (copies of one text are one origin), the
 * documents, and every claim as a claim card. Each sentence links to its
 * place in the stored article.
 */
export async function eventView(root, id) {
  const d = await get(`events/${enc(id)}`);
  const e = d.event;
  const claims = new Map(d.claims.map((c) => [c.id, c]));
  const docs = new Map(d.documents.map((x) => [x.id, x]));
  const origins = new Map(e.origins.map((o) => [o.key, o]));
  const docLink = (docId) => {
    const x = docs.get(docId);
    return h('a', { href: `#/doc/${encodeURIComponent(docId)}` }, x ? docLabel(x) : docId);
  };
  const sentenceLink = (claimId) => {
    const c = claims.get(claimId);
    return c ? h('a', { class: 'sentence', href: claimHref(c) }, c.sentence) : h('span', { class: 'hint' }, `claim ${claimId} (no longer stored)`);
  };

  const place = e.place ? `${e.place.name}${e.place.country ? ` (${e.place.country})` : ''}` : null;
  const parties = [e.actors.join(', '), e.targets.join(', ')].filter(Boolean).join(' → ');
  root.append(
    h('p', { class: 'hint' }, h('a', { href: '#/timeline' }, '‹ timeline')),
    h('h1', { class: 'event-title' }, e.label),
    h(
      'div',
      { class: 'badges event-badges' },
      h('span', { class: 'badge b-type' }, fmtLabel(e.type)),
      h('span', { class: `badge b-level v-${e.level}` }, fmtLabel(e.level)),
      h('span', { class: 'badge' }, `${e.independent_origins} independent origin${e.independent_origins === 1 ? '' : 's'}`),
      h('span', { class: 'badge' }, `${e.claims.length} claim${e.claims.length === 1 ? '' : 's'} in ${e.documents.length} document${e.documents.length === 1 ? '' : 's'}`),
    ),
    h('div', { class: 'docmeta' }, [days(e), place, parties].filter(Boolean).join(' · ') || 'no date or place'),
    h(
      'blockquote',
      { class: 'event-summary' },
      e.earliest ? h('a', { href: `#/doc/${encodeURIComponent(e.earliest.doc)}?c=${encodeURIComponent(e.earliest.claim)}` }, e.summary) : e.summary,
      e.earliest ? h('div', { class: 'hint' }, 'first reported in ', docLink(e.earliest.doc)) : null,
    ),
  );

  // Contradictions: both sides, each with its origin and sentence.
  const contra = h('section', { class: 'contradictions', 'aria-label': 'contradictions' }, h('h2', {}, `Contradictions (${e.contradictions.length})`));
  if (!e.contradictions.length) contra.append(h('p', { class: 'hint' }, 'No two origins contradict each other here.'));
  for (const c of e.contradictions) {
    const side = (label, claimId, originKey) => {
      const o = origins.get(originKey);
      const cl = claims.get(claimId);
      return h(
        'div',
        { class: `side-${label.toLowerCase()}`, dataset: { claim: claimId } },
        h('div', { class: 'side-head' }, h('b', {}, `${label}: `), o ? o.label : originKey, cl ? h('span', { class: 'hint' }, ` · ${fmtLabel(cl.epistemic)} · `, docLink(cl.doc)) : null),
        sentenceLink(claimId),
      );
    };
    contra.append(
      h(
        'div',
        { class: 'contradiction' },
        h('div', { class: 'contra-head' }, h('span', { class: `badge b-contra v-${c.kind}` }, fmtLabel(c.kind)), ' ', c.detail),
        side('A', c.a, c.a_origin),
        side('B', c.b, c.b_origin),
      ),
    );
  }

  // Origins: each counted once, with the documents (copies listed) carrying it.
  const originList = h(
    'ol',
    { class: 'origins' },
    e.origins.map((o) => {
      const copies = o.documents.filter((x) => docs.get(x) && docs.get(x).copy_of);
      return h(
        'li',
        { dataset: { origin: o.key } },
        h('b', {}, o.label),
        h('span', { class: 'hint' }, ` (${originKind(o.key)}${o.source_kinds.length ? `: ${o.source_kinds.map(fmtLabel).join(', ')}` : ''})`),
        ` · ${o.claims} claim${o.claims === 1 ? '' : 's'}`,
        o.denies ? h('span', { class: 'badge b-epistemic v-denied' }, 'denies') : null,
        copies.length ? h('span', { class: 'badge b-copies' }, `${o.documents.length} documents, counted once`) : null,
        h(
          'ul',
          { class: 'origin-docs' },
          o.documents.map((x) => h('li', {}, docLink(x), docs.get(x) && docs.get(x).copy_of ? h('span', { class: 'hint' }, ` — copy of ${docLabel(docs.get(docs.get(x).copy_of) || { id: docs.get(x).copy_of })}`) : null)),
        ),
      );
    }),
  );

  // Documents, copies marked: a copy adds no origin of its own.
  const copyCount = d.documents.filter((x) => x.copy_of).length;
  const docList = h(
    'ul',
    { class: 'event-docs' },
    d.documents.map((x) =>
      h(
        'li',
        { class: x.copy_of ? 'copy' : undefined, dataset: { doc: x.id } },
        docLink(x.id),
        x.copy_of ? h('span', { class: 'badge b-copy' }, 'copy of ', docLink(x.copy_of), ' — counted once') : null,
      ),
    ),
  );

  const cards = h('div', { class: 'cards' }, d.claims.map((c) => claimCard(c)));
  root.append(
    contra,
    h('div', { class: 'event-grid' },
      h('section', { class: 'event-origins', 'aria-label': 'origins' }, h('h2', {}, `Independent origins (${e.independent_origins})`), originList),
      h(
        'section',
        { class: 'event-documents', 'aria-label': 'documents' },
        h('h2', {}, `Documents (${d.documents.length}${copyCount ? `, ${copyCount} cop${copyCount === 1 ? 'y' : 'ies'}` : ''})`),
        docList,
      ),
    ),
    h('section', { class: 'event-claims', 'aria-label': 'claims' }, h('h2', {}, `Claims (${d.claims.length})`), legend(), cards),
  );
}

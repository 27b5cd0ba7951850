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
 * A "show more" button under a list that fetches the next page of an
 * event's part (`/api/events/{id}/claims|contradictions|origins|documents`)
 * and hands its items to `add`; it goes away when everything is shown.
 */
function moreButton(id, part, shown, total, add) {
  let offset = shown;
  const btn = h('button', { type: 'button', class: `more more-${part}` });
  const label = () => {
    btn.textContent = `Show more (${offset} of ${total} shown)`;
  };
  label();
  btn.addEventListener('click', async () => {
    btn.disabled = true;
    try {
      const page = await get(`events/${enc(id)}/${part}`, { offset, limit: 50 });
      await add(page.items);
      offset += page.items.length;
      if (offset >= page.total || !page.items.length) btn.remove();
      else label();
    } finally {
      btn.disabled = false;
    }
  });
  return offset < total ? btn : null;
}

/**
 * One event (`/api/events/{id}`): what it is, the contradictions with both
 * sides, the independent origins (copies of one text are one origin), the
 * documents, and its claims as claim cards. Each sentence links to its
 * place in the stored article. The answer holds the first page of each
 * list (`event.totals` has the full counts); "show more" pages on.
 */
export async function eventView(root, id) {
  const d = await get(`events/${enc(id)}`);
  const e = d.event;
  const totals = e.totals;
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
  /** Claims of contradiction sides beyond the first page of claims, fetched once each. */
  const fetchClaims = async (ids) => {
    const missing = [...new Set(ids)].filter((x) => !claims.has(x));
    const found = await Promise.all(missing.map((x) => get(`claims/${enc(x)}`).catch(() => null)));
    for (const c of found) if (c) claims.set(c.id, c);
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
      h('span', { class: 'badge' }, `${totals.claims} claim${totals.claims === 1 ? '' : 's'} in ${totals.documents} document${totals.documents === 1 ? '' : 's'}`),
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
  const contra = h('section', { class: 'contradictions', 'aria-label': 'contradictions' }, h('h2', {}, `Contradictions (${totals.contradictions})`));
  if (!totals.contradictions) contra.append(h('p', { class: 'hint' }, 'No two origins contradict each other here.'));
  const contraList = h('div', { class: 'contradiction-list' });
  const addContradictions = async (items) => {
    await fetchClaims(items.flatMap((c) => [c.a, c.b]));
    for (const c of items) contraList.append(contradiction(c));
  };
  const contradiction = (c) => {
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
    return h(
      'div',
      { class: 'contradiction' },
      h('div', { class: 'contra-head' }, h('span', { class: `badge b-contra v-${c.kind}` }, fmtLabel(c.kind)), ' ', c.detail),
      side('A', c.a, c.a_origin),
      side('B', c.b, c.b_origin),
    );
  };
  await addContradictions(e.contradictions);
  contra.append(...[contraList, moreButton(e.id, 'contradictions', e.contradictions.length, totals.contradictions, addContradictions)].filter(Boolean));

  // Origins: each counted once, with the documents (copies listed) carrying it.
  const origin = (o) => {
    origins.set(o.key, o);
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
  };
  const originList = h('ol', { class: 'origins' }, e.origins.map(origin));

  // Documents, copies marked: a copy adds no origin of its own.
  const copyCount = d.documents.filter((x) => x.copy_of).length;
  const documentItem = (x) => {
    docs.set(x.id, x);
    return h(
      'li',
      { class: x.copy_of ? 'copy' : undefined, dataset: { doc: x.id } },
      docLink(x.id),
      x.copy_of ? h('span', { class: 'badge b-copy' }, 'copy of ', docLink(x.copy_of), ' — counted once') : null,
    );
  };
  const docList = h('ul', { class: 'event-docs' }, d.documents.map(documentItem));

  const cards = h('div', { class: 'cards' }, d.claims.map((c) => claimCard(c)));
  root.append(
    contra,
    h('div', { class: 'event-grid' },
      h(
        'section',
        { class: 'event-origins', 'aria-label': 'origins' },
        h('h2', {}, `Independent origins (${e.independent_origins})`),
        originList,
        moreButton(e.id, 'origins', e.origins.length, totals.origins, (items) => originList.append(...items.map(origin))),
      ),
      h(
        'section',
        { class: 'event-documents', 'aria-label': 'documents' },
        h('h2', {}, `Documents (${totals.documents}${copyCount ? `, ${copyCount}${totals.documents > d.documents.length ? '+' : ''} cop${copyCount === 1 ? 'y' : 'ies'}` : ''})`),
        docList,
        moreButton(e.id, 'documents', d.documents.length, totals.documents, (items) => docList.append(...items.map(documentItem))),
      ),
    ),
    h(
      'section',
      { class: 'event-claims', 'aria-label': 'claims' },
      h('h2', {}, `Claims (${totals.claims})`),
      legend(),
      cards,
      moreButton(e.id, 'claims', d.claims.length, totals.claims, (items) => {
        for (const c of items) claims.set(c.id, c);
        cards.append(...items.map((c) => claimCard(c)));
      }),
    ),
  );
}

import { h, fmtLabel } from './dom.js';
import { claimMarks, highlight } from './spans.js';
import { reviewForm } from './reviewForm.js';

/** The link to a sentence of a stored article: `start` is the sentence's byte offset in the document text. */
export function sentenceHref(docId, start, claimId) {
  return `#/doc/${encodeURIComponent(docId)}?s=${start}${claimId ? `&c=${encodeURIComponent(claimId)}` : ''}`;
}

/** The link to the sentence a claim comes from. */
export function claimHref(claim) {
  return sentenceHref(claim.doc, claim.span[0], claim.id);
}

/** The link to an event's view. */
export function eventHref(eventId) {
  return `#/event/${encodeURIComponent(eventId)}`;
}

function badge(kind, value, title, correction) {
  const t = correction ? `${title || kind}: corrected by ${correction.by} (was ${correction.from ?? '—'})` : title || kind;
  return h('span', { class: `badge b-${kind} v-${value}${correction ? ' corrected' : ''}`, title: t }, fmtLabel(value), correction ? ' ✎' : '');
}

function mention(m) {
  if (!m) return null;
  const extra = m.text && m.text !== m.name ? ` ("${m.text}")` : '';
  return `${m.name}${extra}`;
}

function quantity(q) {
  return q.text + (q.unit && !q.text.toLowerCase().includes(q.unit.toLowerCase()) ? ` ${q.unit}` : '');
}

/** The badge that says a reviewer looked at the claim. */
export function reviewBadge(review) {
  if (!review || !review.status) return null;
  const when = review.at ? ` at ${review.at.replace('T', ' ').replace(/\..*$/, '').replace('Z', ' UTC')}` : '';
  const text = `${review.status} by ${review.reviewer}${when}`;
  return h('span', { class: `badge b-review v-${review.status}`, title: review.note || text }, text);
}

/** A claim card: badges, the sentence with source/cue/weapon spans marked, fields, `why`, review. */
export function claimCard(claim, { showDoc = true, onReviewed } = {}) {
  const corr = claim.corroboration;
  // Fields a reviewer corrected, by JSON path and by the top-level key they touch (`actor.name` → actor).
  const corrected = new Map();
  for (const c of (claim.review && claim.review.corrections) || []) {
    corrected.set(c.field, c);
    corrected.set(c.field.split('.')[0], c);
  }
  const badges = h(
    'div',
    { class: 'badges' },
    badge('type', claim.type, 'claim type', corrected.get('type')),
    badge('epistemic', claim.epistemic, 'firmness (epistemic)', corrected.get('epistemic')),
    badge('source', claim.source.kind, 'source kind', corrected.get('source.kind')),
    corr
      ? h(
          'a',
          {
            class: `badge b-corr ${corr.origins > 1 ? 'v-corroborated' : 'v-single'}${corr.contradicted ? ' v-contradicted' : ''} l-${corr.level}`,
            href: corr.event ? eventHref(corr.event) : undefined,
            title: `independent origins reporting the same event (${fmtLabel(corr.level)}); open the event`,
          },
          `${corr.origins} origin${corr.origins === 1 ? '' : 's'}${corr.contradicted ? ' · contradicted' : ''}`,
        )
      : null,
    reviewBadge(claim.review),
  );
  const marks = claimMarks(claim, claim.span[0]);
  const sentence = h(
    'a',
    { class: 'sentence', href: claimHref(claim), title: 'open this sentence in the stored article' },
    highlight(claim.sentence, marks),
  );
  const row = (label, value, key = label) => {
    if (!value) return null;
    const c = corrected.get(key);
    return h(
      'div',
      { class: c ? 'field corrected' : 'field', title: c ? `corrected by ${c.by}${c.at ? ' at ' + c.at : ''} (was ${c.from ?? '—'})` : undefined },
      h('span', { class: 'k' }, label),
      h('span', { class: 'v' }, value),
      c ? h('span', { class: 'corr-tag' }, 'corrected') : null,
    );
  };
  const src = claim.source.kind === 'author' ? 'the article itself (no source named)' : claim.source.name;
  const fields = h(
    'div',
    { class: 'fields' },
    row('source', src + (claim.source.chain && claim.source.chain.length ? ` (via ${claim.source.chain.join(' → ')})` : '')),
    row('actor', mention(claim.actor)),
    row('target', mention(claim.target)),
    row('date', claim.date ? `${claim.date.value}${claim.date.inherited ? ' (inherited)' : ''}` : null),
    row('place', claim.place ? claim.place.name + (claim.place.country ? ` (${claim.place.country})` : '') : null),
    row('quantities', claim.quantities && claim.quantities.length ? claim.quantities.map(quantity).join('; ') : null),
    row('weapons', claim.weapons && claim.weapons.length ? claim.weapons.join(', ') : null),
    row('event', `${claim.plover.event}${claim.plover.mode ? ' / ' + claim.plover.mode : ''}${claim.plover.aux ? ' (' + claim.plover.aux + ')' : ''}`),
  );
  const corrections =
    claim.review && claim.review.corrections && claim.review.corrections.length
      ? h(
          'ul',
          { class: 'corrections' },
          claim.review.corrections.map((c) =>
            h('li', {}, `${c.field}: `, h('s', {}, c.from ?? '—'), ' → ', h('strong', {}, c.to), h('span', { class: 'hint' }, ` (corrected by ${c.by}${c.at ? ' at ' + c.at.replace('T', ' ').replace('Z', ' UTC') : ''})`)),
          ),
        )
      : null;
  const docLine = showDoc
    ? h(
        'div',
        { class: 'docline' },
        h('a', { href: claimHref(claim), class: 'doclink' }, claim.doc_title || claim.doc),
        claim.outlet ? ` · ${claim.outlet}` : '',
        claim.published ? ` · ${claim.published.slice(0, 10)}` : '',
        ` · sentence ${claim.sentence_index + 1}`,
      )
    : null;
  // The reasons are built when first asked for: a page of cards stays light.
  const why = h('details', { class: 'why' }, h('summary', {}, `why (${(claim.why || []).length})`));
  why.addEventListener('toggle', () => {
    if (why.open && why.childElementCount === 1) why.appendChild(h('ul', {}, (claim.why || []).map((w) => h('li', {}, w))));
  });
  const status = claim.review ? ` r-${claim.review.status}` : '';
  const card = h('article', { class: `claim e-${claim.epistemic}${status}`, dataset: { claim: claim.id } }, badges, sentence, docLine, fields, corrections, why);
  card.appendChild(
    reviewForm(claim, (updated) => {
      const fresh = claimCard(updated, { showDoc, onReviewed });
      card.replaceWith(fresh);
      if (onReviewed) onReviewed(updated);
    }),
  );
  return card;
}

export function legend() {
  return h(
    'div',
    { class: 'legend' },
    'Marked: ',
    h('mark', { class: 'm-source' }, 'source'),
    ' ',
    h('mark', { class: 'm-cue' }, 'cue words'),
    ' ',
    h('mark', { class: 'm-weapon' }, 'weapon'),
    ' ',
    h('mark', { class: 'm-actor' }, 'actor'),
    ' ',
    h('mark', { class: 'm-target' }, 'target'),
    ' ',
    h('mark', { class: 'm-date' }, 'date'),
    ' ',
    h('mark', { class: 'm-place' }, 'place'),
  );
}

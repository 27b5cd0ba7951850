import { h, fmtLabel } from './dom.js';
import { claimMarks, highlight } from './spans.js';
import { reviewForm } from './reviewForm.js';

export function sentenceHref(docId, sentenceIndex) {
  return `#/doc/${encodeURIComponent(docId)}?s=${sentenceIndex}`;
}

function badge(kind, value, title) {
  return h('span', { class: `badge b-${kind} v-${value}`, title: title || kind }, fmtLabel(value));
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
  const badges = h(
    'div',
    { class: 'badges' },
    badge('type', claim.type, 'claim type'),
    badge('epistemic', claim.epistemic, 'firmness (epistemic)'),
    badge('source', claim.source.kind, 'source kind'),
    corr
      ? h(
          'a',
          {
            class: `badge b-corr ${corr.origins > 1 ? 'v-corroborated' : 'v-single'}`,
            href: corr.event ? `#/timeline?event=${encodeURIComponent(corr.event)}` : undefined,
            title: 'independent origins reporting the same event',
          },
          `${corr.origins} origin${corr.origins === 1 ? '' : 's'}${corr.contradicted ? ' · contradicted' : ''}`,
        )
      : null,
    reviewBadge(claim.review),
  );
  const marks = claimMarks(claim, claim.span[0]);
  const sentence = h(
    'a',
    { class: 'sentence', href: sentenceHref(claim.doc, claim.sentence_index), title: 'open in the article' },
    highlight(claim.sentence, marks),
  );
  const row = (label, value) => (value ? h('div', { class: 'field' }, h('span', { class: 'k' }, label), h('span', { class: 'v' }, value)) : null);
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
            h('li', {}, `${c.field}: `, h('s', {}, c.from ?? '—'), ' → ', h('strong', {}, c.to)),
          ),
        )
      : null;
  const docLine = showDoc
    ? h(
        'div',
        { class: 'docline' },
        h('a', { href: sentenceHref(claim.doc, claim.sentence_index) }, claim.doc_title || claim.doc),
        claim.outlet ? ` · ${claim.outlet}` : '',
        claim.published ? ` · ${claim.published.slice(0, 10)}` : '',
        ` · sentence ${claim.sentence_index + 1}`,
      )
    : null;
  const why = h('details', { class: 'why' }, h('summary', {}, 'why'), h('ul', {}, (claim.why || []).map((w) => h('li', {}, w))));
  const card = h('article', { class: `claim e-${claim.epistemic}`, dataset: { claim: claim.id } }, badges, sentence, docLine, fields, corrections, why);
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

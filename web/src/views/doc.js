import { h } from '../dom.js';
import { get, enc } from '../api.js';
import { claimMarks, highlight, byteMapper } from '../spans.js';
import { claimCard, sentenceHref } from '../claimCard.js';
import { profileChart } from '../profileChart.js';
import { SOURCE_GROUPS } from '../labels.js';

const enc8 = new TextEncoder();
const dec8 = new TextDecoder();
/** Claims fetched per request; an article with more is read in several pages. */
const PAGE = 5000;

/** The sourcing group (none / unnamed / named) of a source kind. */
export function sourceGroup(kind) {
  return (SOURCE_GROUPS.find((g) => g.kinds.includes(kind)) || SOURCE_GROUPS[2]).key;
}

async function allClaims(id) {
  const first = await get('claims', { doc: id, limit: PAGE });
  const items = first.items;
  while (items.length < first.total && items.length < 20 * PAGE) {
    const next = await get('claims', { doc: id, limit: PAGE, offset: items.length });
    if (!next.items.length) break;
    items.push(...next.items);
  }
  return items;
}

/** A document without a title is shown by its first line when that line is short enough to be one. */
function displayTitle(d) {
  if (d.title) return d.title;
  const first = d.text.split('\n', 1)[0].trim();
  return first && first.length <= 140 ? first : d.id;
}

function sentenceLegend() {
  return h(
    'div',
    { class: 'legend' },
    'Claimed sentences, by who says so: ',
    SOURCE_GROUPS.map((g) => h('span', { class: `legend-item sent claimed g-${g.key}` }, g.label)),
    ' · in the text: ',
    h('mark', { class: 'm-source' }, 'source'),
    ' ',
    h('mark', { class: 'm-cue' }, 'cue words'),
    ' · select a sentence for its claim cards',
  );
}

/**
 * The article view: metadata, the sourcing profile, and the text with every
 * claimed sentence marked (colour = who says so). `?s=START` (the byte offset
 * of a sentence in the document text) scrolls to that sentence, highlights
 * it and shows its claim cards; `&c=ID` singles out one of them (alone, it
 * selects that claim's sentence).
 */
export async function docView(root, id, params) {
  const [doc, profile, claims] = await Promise.all([get(`docs/${enc(id)}`), get(`profile/${enc(id)}`), allClaims(id)]);
  const d = doc.document;
  const sentences = [...doc.sentences].sort((a, b) => a.span[0] - b.span[0]);
  const bySentence = new Map();
  for (const c of claims) {
    if (!bySentence.has(c.sentence_index)) bySentence.set(c.sentence_index, []);
    bySentence.get(c.sentence_index).push(c);
  }
  const claimById = new Map(claims.map((c) => [c.id, c]));
  const panel = h('div', { class: 'panel', id: 'sentence-panel' }, h('p', { class: 'hint' }, 'Select a marked sentence to see its claims.'));

  const bytes = enc8.encode(d.text);
  const sentenceEls = new Map();
  /** The sentence holding byte offset `off` (the last one starting at or before it). */
  const sentenceAt = (off) => {
    let lo = 0;
    let hi = sentences.length - 1;
    let found = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid].span[0] <= off) {
        found = sentences[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  const select = (off, { scroll = false, claimId } = {}) => {
    const s = sentenceAt(off);
    if (!s) return;
    for (const el of root.querySelectorAll('.sent.selected')) el.classList.remove('selected');
    const el = sentenceEls.get(s.index);
    el.classList.add('selected');
    if (scroll) el.scrollIntoView({ block: 'center' });
    const cs = bySentence.get(s.index) || [];
    const cards = cs.map((c) => {
      const card = claimCard(c, {
        showDoc: false,
        // Keep the reviewed claim, so selecting the sentence again shows the review.
        onReviewed: (updated) => {
          const list = bySentence.get(s.index);
          const at = list.findIndex((x) => x.id === updated.id);
          if (at >= 0) list[at] = updated;
          claimById.set(updated.id, updated);
        },
      });
      if (c.id === claimId) card.classList.add('focus');
      return card;
    });
    panel.replaceChildren(
      h('h3', {}, `Sentence ${s.index + 1}`, cs.length ? ` · ${cs.length} claim${cs.length === 1 ? '' : 's'}` : ''),
      ...(cs.length ? cards : [h('p', { class: 'hint' }, 'No claim was extracted from this sentence.')]),
    );
    history.replaceState(null, '', sentenceHref(id, s.trimmed[0], claimId));
  };

  const text = h('div', { class: 'article-text', lang: d.lang || undefined });
  const slice = (a, b) => dec8.decode(bytes.subarray(a, b));
  for (const s of sentences) {
    const [a, b] = s.span;
    // Sentences tile the text; the whitespace around the trimmed sentence
    // stays outside its element, so marks and counters sit on the words.
    const [ta, tb] = s.trimmed[1] > s.trimmed[0] ? s.trimmed : [a, b];
    if (ta > a) text.appendChild(document.createTextNode(slice(a, ta)));
    const piece = slice(ta, tb);
    const cs = bySentence.get(s.index) || [];
    // Only source and cue words are marked in the running text; the cards show every span.
    const marks = cs.flatMap((c) => claimMarks(c, ta)).filter((m) => m.cls === 'm-source' || m.cls === 'm-cue');
    const attrs = { id: `s-${ta}`, dataset: { s: ta, index: s.index } };
    let el;
    if (cs.length) {
      const groups = [...new Set(cs.map((c) => sourceGroup(c.source.kind)))];
      const eps = [...new Set(cs.map((c) => c.epistemic))];
      el = h(
        'span',
        {
          ...attrs,
          class: `sent claimed g-${groups[0]} ${eps.map((e) => `e-${e}`).join(' ')}`,
          tabindex: '0',
          role: 'button',
          title: cs.map((c) => `${c.type} · ${c.epistemic} · ${c.source.kind}`).join('\n'),
        },
        highlight(piece, marks, byteMapper(piece)),
        h('sup', { class: `cmark g-${groups[0]}`, 'aria-label': `${cs.length} claims` }, String(cs.length)),
      );
      el.addEventListener('click', () => select(ta));
      el.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          select(ta);
        }
      });
    } else {
      el = h('span', { ...attrs, class: 'sent' }, piece);
      el.addEventListener('click', () => select(ta));
    }
    sentenceEls.set(s.index, el);
    text.appendChild(el);
    if (b > tb) text.appendChild(document.createTextNode(slice(tb, b)));
  }

  const claimLink = (cid) => {
    const c = claimById.get(cid);
    if (!c) return cid;
    return h(
      'a',
      {
        href: sentenceHref(id, c.span[0], c.id),
        onclick: (e) => {
          e.preventDefault();
          select(c.span[0], { scroll: true, claimId: c.id });
        },
      },
      c.sentence,
    );
  };
  const meta = [d.outlet, d.author, d.published && d.published.slice(0, 10), d.lang].filter(Boolean).join(' · ');
  root.append(
    h('h1', { class: 'doc-title' }, displayTitle(d)),
    h(
      'div',
      { class: 'docmeta' },
      meta,
      d.url ? [meta ? ' · ' : '', h('a', { href: d.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'original')] : null,
      `${meta || d.url ? ' · ' : ''}id ${d.id} · ${sentences.length} sentences · `,
      h('a', { href: `#/?doc=${encodeURIComponent(d.id)}` }, `${claims.length} claims as cards`),
      ' · export ',
      h('a', { href: `/api/export?format=jsonl&doc=${encodeURIComponent(d.id)}`, download: '' }, 'jsonl'),
      ' ',
      h('a', { href: `/api/export?format=claimreview&doc=${encodeURIComponent(d.id)}`, download: '' }, 'ClaimReview'),
    ),
    h(
      'div',
      { class: 'docgrid' },
      h('div', { class: 'doccol' }, profileChart(profile, { claimLink }), sentenceLegend(), text),
      h('aside', { class: 'side' }, panel),
    ),
  );
  const s = params.s !== undefined && params.s !== '' ? Number(params.s) : NaN;
  if (Number.isInteger(s) && s >= 0) select(s, { scroll: true, claimId: params.c });
  else if (params.c && claimById.has(params.c)) select(claimById.get(params.c).span[0], { scroll: true, claimId: params.c });
}

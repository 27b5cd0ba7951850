import { h } from '../dom.js';
import { get, enc } from '../api.js';
import { claimMarks, highlight, byteMapper } from '../spans.js';
import { claimCard, legend, sentenceHref } from '../claimCard.js';
import { profileChart } from '../profileChart.js';

const enc8 = new TextEncoder();
const dec8 = new TextDecoder();

/**
 * The article view: metadata, the sourcing profile, and the text with every
 * claimed sentence marked. `?s=N` scrolls to sentence N, highlights it and
 * shows its claim cards.
 */
export async function docView(root, id, params) {
  const [doc, profile, claims] = await Promise.all([
    get(`docs/${enc(id)}`),
    get(`profile/${enc(id)}`),
    get('claims', { doc: id, limit: 1000 }),
  ]);
  const d = doc.document;
  const bySentence = new Map();
  for (const c of claims.items) {
    if (!bySentence.has(c.sentence_index)) bySentence.set(c.sentence_index, []);
    bySentence.get(c.sentence_index).push(c);
  }
  const claimById = new Map(claims.items.map((c) => [c.id, c]));
  const panel = h('div', { class: 'panel', id: 'sentence-panel' }, h('p', { class: 'hint' }, 'Select a marked sentence to see its claims.'));

  const bytes = enc8.encode(d.text);
  const sentenceEls = new Map();
  const select = (i, scroll) => {
    for (const el of root.querySelectorAll('.sent.selected')) el.classList.remove('selected');
    const el = sentenceEls.get(i);
    if (!el) return;
    el.classList.add('selected');
    if (scroll) el.scrollIntoView({ block: 'center' });
    const cs = bySentence.get(i) || [];
    panel.replaceChildren(
      h('h3', {}, `Sentence ${i + 1}`),
      cs.length ? cs.map((c) => claimCard(c, { showDoc: false })) : h('p', { class: 'hint' }, 'No claim was extracted from this sentence.'),
    );
    history.replaceState(null, '', sentenceHref(id, i));
  };

  const text = h('div', { class: 'article-text', lang: d.lang || undefined });
  for (const s of doc.sentences) {
    const [a, b] = s.span;
    const piece = dec8.decode(bytes.subarray(a, b));
    const cs = bySentence.get(s.index) || [];
    const marks = cs.flatMap((c) => claimMarks(c, a));
    const cls = cs.length ? `sent claimed e-${cs[0].epistemic} k-${cs[0].source.kind}` : 'sent';
    const el = h(
      'span',
      { class: cls, id: `s-${s.index}`, dataset: { s: s.index }, title: cs.length ? cs.map((c) => `${c.type} · ${c.epistemic} · ${c.source.kind}`).join('\n') : undefined },
      highlight(piece, marks, byteMapper(piece)),
    );
    el.addEventListener('click', () => select(s.index, false));
    sentenceEls.set(s.index, el);
    text.appendChild(el);
  }

  const claimLink = (cid) => {
    const c = claimById.get(cid);
    if (!c) return cid;
    return h('a', { href: sentenceHref(id, c.sentence_index), onclick: (e) => { e.preventDefault(); select(c.sentence_index, true); } }, c.sentence);
  };
  const meta = [d.outlet, d.author, d.published && d.published.slice(0, 10), d.lang].filter(Boolean).join(' · ');
  root.append(
    h('h1', {}, d.title || d.id),
    h(
      'div',
      { class: 'docmeta' },
      meta,
      d.url ? [' · ', h('a', { href: d.url, rel: 'noopener noreferrer', target: '_blank' }, 'original')] : null,
      ` · id ${d.id}`,
    ),
    h(
      'div',
      { class: 'docgrid' },
      h('div', { class: 'doccol' }, profileChart(profile, { claimLink }), legend(), text),
      h('aside', { class: 'side' }, panel),
    ),
  );
  const s = params.s !== undefined ? Number(params.s) : NaN;
  if (Number.isInteger(s)) select(s, true);
}

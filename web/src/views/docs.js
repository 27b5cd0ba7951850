import { h } from '../dom.js';
import { get, qs } from '../api.js';
import { navigate } from '../router.js';

const PAGE = 100;

/** The stored articles, newest first, with their claim counts. */
export async function docsView(root, params) {
  const offset = Math.max(0, Number(params.offset) || 0);
  const q = h('input', { type: 'search', name: 'q', placeholder: 'words in the article', value: params.q || '', class: 'q' });
  const outlet = h('select', { name: 'outlet', 'aria-label': 'outlet' }, h('option', { value: '' }, 'any outlet'));
  const since = h('input', { type: 'date', name: 'since', value: params.since || '', 'aria-label': 'published from' });
  const until = h('input', { type: 'date', name: 'until', value: params.until || '', 'aria-label': 'published to' });
  const filters = { q: params.q, outlet: params.outlet, since: params.since, until: params.until };
  const form = h(
    'form',
    {
      class: 'filters',
      role: 'search',
      onsubmit: (e) => {
        e.preventDefault();
        navigate('/docs', { q: q.value, outlet: outlet.value, since: since.value, until: until.value });
      },
    },
    q,
    h('label', {}, 'outlet ', outlet),
    h('label', {}, 'published from ', since),
    h('label', {}, 'to ', until),
    h('button', { type: 'submit' }, 'Filter'),
  );
  root.append(h('h1', {}, 'Articles'), form);
  get('outlets')
    .then((o) => {
      for (const x of o.items) outlet.appendChild(h('option', { value: x.name, selected: x.name === params.outlet }, `${x.name} (${x.documents})`));
    })
    .catch(() => {});
  const page = await get('docs', { ...filters, limit: PAGE, offset });
  const table = h(
    'table',
    { class: 'docs' },
    h('thead', {}, h('tr', {}, h('th', {}, 'article'), h('th', {}, 'outlet'), h('th', {}, 'published'), h('th', {}, 'format'), h('th', { class: 'num' }, 'sentences'), h('th', { class: 'num' }, 'claims'))),
    h(
      'tbody',
      {},
      page.items.map((d) =>
        h(
          'tr',
          {},
          h('td', {}, h('a', { href: `#/doc/${encodeURIComponent(d.id)}` }, d.title || d.id)),
          h('td', {}, d.outlet || ''),
          h('td', {}, (d.published || '').slice(0, 10)),
          h('td', {}, d.format || ''),
          h('td', { class: 'num' }, String(d.sentences ?? '')),
          h('td', { class: 'num' }, String(d.claims ?? '')),
        ),
      ),
    ),
  );
  const shown = page.items.length;
  const count = page.total != null ? ` of ${page.total}` : page.more ? ' (more follow)' : '';
  root.append(h('div', { class: 'info' }, shown ? `${offset + 1}–${offset + shown}${count} articles` : 'No article matches.'), table);
  const pager = h('nav', { class: 'pager', 'aria-label': 'pages' });
  if (offset > 0) pager.append(h('a', { class: 'button', href: `#/docs${qs({ ...filters, offset: Math.max(0, offset - PAGE) || undefined })}` }, '‹ previous'));
  if (page.more) pager.append(h('a', { class: 'button', href: `#/docs${qs({ ...filters, offset: offset + PAGE })}`, rel: 'next' }, 'next ›'));
  root.append(pager);
}

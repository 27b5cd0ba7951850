import { h } from '../dom.js';
import { get, qs } from '../api.js';
import { navigate } from '../router.js';

const PAGE = 100;

/** The stored articles, newest first, with their claim counts. */
export async function docsView(root, params) {
  const offset = Number(params.offset || 0);
  const q = h('input', { type: 'search', name: 'q', placeholder: 'title or id', value: params.q || '' });
  const form = h(
    'form',
    { class: 'filters', onsubmit: (e) => { e.preventDefault(); navigate('/docs', { q: q.value }); } },
    q,
    h('button', { type: 'submit' }, 'Filter'),
  );
  root.append(h('h1', {}, 'Articles'), form);
  const page = await get('docs', { q: params.q, limit: PAGE, offset });
  const table = h(
    'table',
    { class: 'docs' },
    h('thead', {}, h('tr', {}, h('th', {}, 'article'), h('th', {}, 'outlet'), h('th', {}, 'published'), h('th', { class: 'num' }, 'claims'))),
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
          h('td', { class: 'num' }, String(d.claims ?? '')),
        ),
      ),
    ),
  );
  root.append(h('div', { class: 'info' }, `${page.total} articles`), table);
  const pager = h('div', { class: 'pager' });
  if (offset > 0) pager.append(h('a', { class: 'button', href: `#/docs${qs({ q: params.q, offset: Math.max(0, offset - PAGE) })}` }, '← previous'));
  if (offset + page.items.length < page.total) pager.append(h('a', { class: 'button', href: `#/docs${qs({ q: params.q, offset: offset + PAGE })}` }, 'next →'));
  root.append(pager);
}

import { h } from '../dom.js';
import { get, qs } from '../api.js';
import { claimCard, legend } from '../claimCard.js';
import { filterForm, pick } from '../filters.js';
import { navigate } from '../router.js';

const PAGE = 50;
const EXPORTS = ['csv', 'jsonl', 'geojson', 'gexf', 'claimreview'];

/** Claim search: filters, a page of claim cards, paging, export links. Only one page is ever in the DOM. */
export async function claimsView(root, params) {
  const offset = Number(params.offset || 0);
  const filters = pick(params);
  root.append(
    h('h1', {}, 'Claims'),
    filterForm(params, (p) => navigate('/', p)),
    legend(),
  );
  const info = h('div', { class: 'info' }, 'loading…');
  const list = h('div', { class: 'cards' });
  root.append(info, list);
  const page = await get('claims', { ...filters, limit: PAGE, offset });
  const shown = page.items.length;
  info.replaceChildren(
    shown ? `${offset + 1}–${offset + shown} of ${page.total} claims` : `No claim matches (${page.total}).`,
    ' · export: ',
    ...EXPORTS.flatMap((f, i) => [i ? ' ' : '', h('a', { href: `/api/export${qs({ ...filters, format: f })}`, download: '' }, f)]),
  );
  list.append(...page.items.map((c) => claimCard(c)));
  const pager = h('div', { class: 'pager' });
  if (offset > 0) pager.append(h('a', { href: `#/${qs({ ...filters, offset: Math.max(0, offset - PAGE) })}`, class: 'button' }, '← previous'));
  if (offset + shown < page.total) pager.append(h('a', { href: `#/${qs({ ...filters, offset: offset + PAGE })}`, class: 'button', rel: 'next' }, 'next →'));
  root.append(pager);
}

import { h } from '../dom.js';
import { get, qs } from '../api.js';
import { claimCard, legend } from '../claimCard.js';
import { filterForm, pick } from '../filters.js';
import { navigate } from '../router.js';

const SIZES = [25, 50, 100, 200];
const EXPORTS = ['csv', 'jsonl', 'geojson', 'gexf', 'claimreview'];

/**
 * Claim search: filters, one page of claim cards, paging, export links. Only
 * the current page is ever in the DOM, so a search matching 10,000 or a
 * million claims costs the same to show; the pager jumps anywhere.
 */
export async function claimsView(root, params) {
  const size = SIZES.includes(Number(params.size)) ? Number(params.size) : 50;
  const offset = Math.max(0, Number(params.offset) || 0);
  const filters = pick(params);
  root.append(h('h1', {}, 'Claims'), filterForm(params, (p) => navigate('/', p)), legend());
  const info = h('div', { class: 'info', id: 'result-info' }, 'loading…');
  const list = h('div', { class: 'cards' });
  root.append(info, list);
  const page = await get('claims', { ...filters, limit: size, offset });
  const shown = page.items.length;
  // Past 10,000 matches the API stops counting: the total is a lower bound.
  const total = `${page.total.toLocaleString('en')}${page.total_exact === false ? '+' : ''}`;
  info.replaceChildren(
    shown ? `${offset + 1}–${offset + shown} of ${total} claims` : `No claim matches${page.total ? ` on this page (${total} in all)` : ''}.`,
    ' · export all matching: ',
    ...EXPORTS.flatMap((f, i) => [i ? ' ' : '', h('a', { href: `/api/export${qs({ ...filters, format: f })}`, download: '' }, f)]),
  );
  list.append(...page.items.map((c) => claimCard(c)));
  root.append(pager(page.total, page.total_exact !== false, offset, size, filters));
}

function pager(total, exact, offset, size, filters) {
  const pages = Math.max(1, Math.ceil(total / size));
  const current = Math.floor(offset / size) + 1;
  const href = (p) => `#/${qs({ ...filters, size: size === 50 ? undefined : size, offset: (p - 1) * size || undefined })}`;
  const el = h('nav', { class: 'pager', 'aria-label': 'pages' });
  if (current > 1) el.append(h('a', { class: 'button', href: href(1) }, '« first'), h('a', { class: 'button', href: href(current - 1), rel: 'prev' }, '‹ previous'));
  el.append(h('span', { class: 'pos' }, `page ${current} of ${pages}${exact ? '' : '+'}`));
  if (current < pages || !exact) el.append(h('a', { class: 'button', href: href(current + 1), rel: 'next' }, 'next ›'), exact ? h('a', { class: 'button', href: href(pages) }, 'last »') : null);
  const jump = h('input', { type: 'number', min: 1, max: exact ? pages : undefined, value: current, size: 6, 'aria-label': 'go to page' });
  const sizeSel = h('select', { 'aria-label': 'claims per page' }, SIZES.map((s) => h('option', { value: s, selected: s === size }, `${s} per page`)));
  sizeSel.addEventListener('change', () => navigate('/', { ...filters, size: sizeSel.value }));
  el.append(
    h(
      'form',
      {
        class: 'jump',
        onsubmit: (e) => {
          e.preventDefault();
          const p = Math.max(1, Math.min(exact ? pages : Infinity, Number(jump.value) || 1));
          window.location.hash = href(p);
        },
      },
      'go to ',
      jump,
      ' ',
      sizeSel,
    ),
  );
  return el;
}

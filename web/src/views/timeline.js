import { h } from '../dom.js';
import { get } from '../api.js';
import { filterForm, pick } from '../filters.js';
import { navigate } from '../router.js';
import { claimHref } from '../claimCard.js';
import { loadEvents } from '../events.js';

const CAP = 2000;

function dayOf(x) {
  return (x || '').slice(0, 10);
}

/** Counts per month as CSS bars (widths via CSSOM). */
function histogram(items) {
  const byMonth = new Map();
  for (const it of items) {
    const m = it.day.slice(0, 7);
    if (m.length === 7) byMonth.set(m, (byMonth.get(m) || 0) + 1);
  }
  const months = [...byMonth.keys()].sort();
  const max = Math.max(1, ...byMonth.values());
  return h(
    'div',
    { class: 'histogram', role: 'img', 'aria-label': 'items per month' },
    months.map((m) => {
      const bar = h('div', { class: 'hbar', title: `${m}: ${byMonth.get(m)}` });
      bar.style.height = `${Math.max(4, (100 * byMonth.get(m)) / max)}%`;
      return h('div', { class: 'hcol' }, bar, h('div', { class: 'hlabel' }, m));
    }),
  );
}

/**
 * Events on a timeline, each with its count of independent origins; when the
 * database has no events yet, dated claims instead. At most CAP items are
 * fetched (the view says so when there are more).
 */
export async function timelineView(root, params) {
  const filters = pick(params);
  root.append(h('h1', {}, 'Timeline'), filterForm(params, (p) => navigate('/timeline', p)));
  const info = h('div', { class: 'info' }, 'loading…');
  root.append(info);
  let items = [];
  let total = 0;
  let kind = 'events';
  const ev = await loadEvents(filters, CAP);
  if (ev) {
    total = ev.total;
    items = ev.items.map((e) => ({
      day: e.day,
      title: e.title,
      summary: e.summary,
      badges: [
        e.type,
        `${e.origins} origin${e.origins === 1 ? '' : 's'}`,
        `${e.claims} claim${e.claims === 1 ? '' : 's'}`,
        e.level,
        e.contradictions ? `${e.contradictions} contradiction${e.contradictions === 1 ? '' : 's'}` : null,
      ].filter(Boolean),
      href: e.href,
      id: e.id,
      place: e.place && e.place.name,
      byArticle: e.byArticle,
    }));
  } else {
    // No events yet (corroboration has not run): dated claims instead. A
    // `since` bound keeps only claims with a date of their own or an article
    // date to stand on (the API dates an undated claim by its article).
    kind = 'dated claims';
    const page = await get('claims', { ...filters, since: filters.since || '0001', limit: CAP });
    total = page.total;
    items = page.items.map((c) => ({
      day: dayOf((c.date && (c.date.start || c.date.value)) || c.published),
      title: c.sentence,
      badges: [c.type, c.epistemic, c.source.kind],
      href: claimHref(c),
      place: c.place && c.place.name,
      byArticle: !c.date,
    }));
  }
  const fetched = items.length;
  items = items.filter((i) => i.day).sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const undated = fetched - items.length;
  info.replaceChildren(
    `${items.length} ${kind}`,
    total > fetched ? ` (from the first ${fetched} of ${total}; narrow the filters to see the rest)` : '',
    undated ? ` · ${undated} without any date not shown` : '',
  );
  if (!items.length) return;
  root.append(histogram(items));
  const list = h('ol', { class: 'timeline' });
  let lastDay = null;
  const SHOW = 300;
  const render = (from) => {
    for (const it of items.slice(from, from + SHOW)) {
      if (it.day !== lastDay) {
        list.appendChild(h('li', { class: 'day' }, it.day));
        lastDay = it.day;
      }
      list.appendChild(
        h(
          'li',
          { class: it.id ? 'item event' : 'item', dataset: it.id ? { event: it.id } : {} },
          h('span', { class: 'badges' }, it.badges.map((b) => h('span', { class: 'badge' }, b))),
          h('a', { href: it.href }, it.title),
          it.place ? h('span', { class: 'place' }, ` — ${it.place}`) : null,
          it.byArticle ? h('span', { class: 'hint', title: 'no date of its own; the publication date of its (first) article is used' }, ' (article date)') : null,
          it.summary && it.summary !== it.title ? h('span', { class: 'summary hint' }, it.summary) : null,
        ),
      );
    }
  };
  render(0);
  root.append(list);
  if (items.length > SHOW) {
    let shown = SHOW;
    const more = h('button', {
      type: 'button',
      onclick: () => {
        render(shown);
        shown += SHOW;
        if (shown >= items.length) more.remove();
      },
    }, 'show more');
    root.append(more);
  }
}

import { h, fmtLabel } from './dom.js';
import { SOURCE_GROUPS } from './labels.js';

function pct(x) {
  return `${Math.round(x * 100)}%`;
}

/** One stacked horizontal bar: parts [{label, count, cls}] of `total`. Widths set through CSSOM (CSP-safe). */
function stacked(title, parts, total) {
  const bar = h('div', { class: 'stack', role: 'img', 'aria-label': `${title}: ${parts.map((p) => `${p.label} ${p.count}`).join(', ')}` });
  for (const p of parts) {
    if (!p.count) continue;
    const seg = h('div', { class: `seg ${p.cls}`, title: `${p.label}: ${p.count} (${pct(p.count / total)})` }, p.count / total > 0.08 ? `${p.count}` : '');
    seg.style.width = `${(100 * p.count) / total}%`;
    bar.appendChild(seg);
  }
  const legend = h(
    'ul',
    { class: 'stack-legend' },
    parts.map((p) => h('li', {}, h('span', { class: `swatch ${p.cls}` }), `${p.label}: ${p.count} (${total ? pct(p.count / total) : '0%'})`)),
  );
  return h('div', { class: 'chart' }, h('h3', {}, title), bar, legend);
}

/** The article sourcing profile: what rests on no source, unnamed or named sources; how much is hedged or opinion. */
export function profileChart(profile, { claimLink } = {}) {
  const n = profile.claims;
  const byKind = Object.fromEntries(profile.by_source_kind.map((r) => [r.label, r.count]));
  const byEp = Object.fromEntries(profile.by_epistemic.map((r) => [r.label, r.count]));
  const groups = SOURCE_GROUPS.map((g) => ({ label: g.label, cls: `g-${g.key}`, count: g.kinds.reduce((s, k) => s + (byKind[k] || 0), 0) }));
  const soft = (byEp.hedged || 0) + (byEp.opinion || 0);
  const root = h(
    'section',
    { class: 'profile', 'aria-label': 'sourcing profile' },
    h('h2', {}, 'Sourcing profile'),
    h(
      'div',
      { class: 'kpis' },
      h('div', { class: 'kpi' }, h('b', {}, String(n)), ' claims'),
      h('div', { class: 'kpi' }, h('b', {}, String(profile.unsourced.length)), ' rest on no source'),
      h('div', { class: 'kpi' }, h('b', {}, n ? pct(soft / n) : '0%'), ' hedged or opinion'),
    ),
    n ? stacked('Who says so', groups, n) : h('p', {}, 'No claims extracted.'),
    n ? stacked('How firmly', profile.by_epistemic.map((r) => ({ label: r.label, count: r.count, cls: `e-${r.label}` })), n) : null,
  );
  if (n) {
    const max = Math.max(1, ...profile.by_source_kind.map((r) => r.count));
    root.appendChild(
      h(
        'div',
        { class: 'chart' },
        h('h3', {}, 'By source kind'),
        h(
          'table',
          { class: 'bars' },
          profile.by_source_kind.map((r) => {
            const bar = h('div', { class: `bar k-${r.label}` });
            bar.style.width = `${(100 * r.count) / max}%`;
            return h('tr', {}, h('th', {}, fmtLabel(r.label)), h('td', { class: 'barcell' }, bar), h('td', { class: 'num' }, String(r.count)));
          }),
        ),
      ),
    );
  }
  if (profile.named_sources.length) {
    root.appendChild(
      h('div', { class: 'chart' }, h('h3', {}, 'Named sources leaned on'), h('ul', {}, profile.named_sources.map((s) => h('li', {}, `${s.name} (${fmtLabel(s.kind)}): ${s.count}`)))),
    );
  }
  if (profile.unsourced.length && claimLink) {
    root.appendChild(
      h(
        'details',
        { class: 'chart' },
        h('summary', {}, `Claims with no source (${profile.unsourced.length})`),
        h('ol', {}, profile.unsourced.map((id) => h('li', {}, claimLink(id)))),
      ),
    );
  }
  return root;
}

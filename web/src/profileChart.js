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

/**
 * The article sourcing profile (`/api/profile`): how much of the article rests
 * on no source, on unnamed sources, on named ones; how much is hedged or
 * opinion. The two bars and the headline figures are always shown; the
 * breakdowns fold away so the article text stays in view.
 */
export function profileChart(profile, { claimLink } = {}) {
  const n = profile.claims;
  const byKind = Object.fromEntries(profile.by_source_kind.map((r) => [r.label, r.count]));
  const byEp = Object.fromEntries(profile.by_epistemic.map((r) => [r.label, r.count]));
  const groups = SOURCE_GROUPS.map((g) => ({ label: g.label, cls: `g-${g.key}`, count: g.kinds.reduce((s, k) => s + (byKind[k] || 0), 0) }));
  const soft = (byEp.hedged || 0) + (byEp.opinion || 0);
  const kpi = (value, label, title) => h('div', { class: 'kpi', title }, h('b', {}, value), ` ${label}`);
  const root = h(
    'section',
    { class: 'profile', 'aria-label': 'sourcing profile' },
    h('h2', {}, 'Sourcing profile'),
    h(
      'div',
      { class: 'kpis' },
      kpi(String(n), 'claims'),
      kpi(String(profile.unsourced.length), 'factual claims rest on no source', 'claims the article itself asserts, naming no source (opinions not counted)'),
      kpi(n ? pct(groups[1].count / n) : '0%', 'on unnamed sources', 'anonymous officials, unnamed experts'),
      kpi(n ? pct(soft / n) : '0%', 'hedged or opinion'),
    ),
  );
  if (!n) {
    root.appendChild(h('p', {}, 'No claims extracted.'));
    return root;
  }
  root.appendChild(
    h(
      'div',
      { class: 'charts2' },
      stacked('Who says so', groups, n),
      stacked(
        'How firmly',
        profile.by_epistemic.map((r) => ({ label: r.label, count: r.count, cls: `e-${r.label}` })),
        n,
      ),
    ),
  );
  const max = Math.max(1, ...profile.by_source_kind.map((r) => r.count));
  const more = h(
    'details',
    { class: 'more' },
    h('summary', {}, 'By source kind, claim type and named source'),
    h(
      'div',
      { class: 'charts2' },
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
      h(
        'div',
        { class: 'chart' },
        h('h3', {}, 'What kind of claims'),
        h('ul', { class: 'plain' }, (profile.by_type || []).map((r) => h('li', {}, `${fmtLabel(r.label)}: ${r.count}`))),
        profile.named_sources.length
          ? [h('h3', {}, 'Named sources leaned on'), h('ul', { class: 'plain' }, profile.named_sources.map((s) => h('li', {}, `${s.name} (${fmtLabel(s.kind)}): ${s.count}`)))]
          : null,
      ),
    ),
  );
  root.appendChild(more);
  if (profile.unsourced.length && claimLink) {
    root.appendChild(
      h(
        'details',
        { class: 'more unsourced' },
        h('summary', {}, `Factual claims with no source (${profile.unsourced.length})`),
        h('ol', {}, profile.unsourced.map((id) => h('li', {}, claimLink(id)))),
      ),
    );
  }
  return root;
}

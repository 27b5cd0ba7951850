import { h, fmtLabel } from './dom.js';
import { get } from './api.js';
import { TYPES, EPISTEMIC, SOURCE_KINDS } from './labels.js';

/** Claim filter keys shared by the search, timeline, network and map views (same names as the CLI and API). */
export const FILTER_KEYS = ['q', 'type', 'epistemic', 'source_kind', 'actor', 'outlet', 'since', 'until', 'doc'];

let lists = null;
async function loadLists() {
  if (!lists) {
    lists = Promise.all([get('outlets').catch(() => ({ items: [] })), get('actors', { limit: 500 }).catch(() => ({ items: [] }))]);
  }
  return lists;
}

function select(name, label, values, current) {
  return h(
    'label',
    {},
    label,
    h(
      'select',
      { name },
      h('option', { value: '' }, 'any'),
      values.map((v) => h('option', { value: v, selected: v === current }, fmtLabel(v))),
    ),
  );
}

/** A filter form; `onChange(params)` gets the non-empty values on submit or on change of a select. */
export function filterForm(params, onChange, { keys = FILTER_KEYS } = {}) {
  const has = (k) => keys.includes(k);
  const actorList = h('datalist', { id: 'actor-list' });
  const outletSel = h('select', { name: 'outlet' }, h('option', { value: '' }, 'any'));
  const form = h(
    'form',
    { class: 'filters', role: 'search' },
    has('q') ? h('input', { type: 'search', name: 'q', placeholder: 'search claims (words, "phrases")', value: params.q || '', class: 'q' }) : null,
    has('type') ? select('type', 'type ', TYPES, params.type) : null,
    has('epistemic') ? select('epistemic', 'firmness ', EPISTEMIC, params.epistemic) : null,
    has('source_kind') ? select('source_kind', 'source ', SOURCE_KINDS, params.source_kind) : null,
    has('actor') ? h('label', {}, 'actor ', h('input', { name: 'actor', list: 'actor-list', value: params.actor || '', size: 14 }), actorList) : null,
    has('outlet') ? h('label', {}, 'outlet ', outletSel) : null,
    has('since') ? h('label', {}, 'from ', h('input', { type: 'date', name: 'since', value: params.since || '' })) : null,
    has('until') ? h('label', {}, 'to ', h('input', { type: 'date', name: 'until', value: params.until || '' })) : null,
    has('doc') && params.doc ? h('label', {}, 'article ', h('input', { name: 'doc', value: params.doc, size: 14 })) : null,
    h('button', { type: 'submit' }, 'Search'),
    h('button', { type: 'reset', class: 'secondary' }, 'Clear'),
  );
  const collect = () => {
    const out = {};
    for (const el of form.elements) {
      if (el.name && el.value) out[el.name] = el.value;
    }
    return out;
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    onChange(collect());
  });
  form.addEventListener('change', (e) => {
    if (e.target.tagName === 'SELECT' || e.target.type === 'date') onChange(collect());
  });
  form.addEventListener('reset', (e) => {
    e.preventDefault();
    onChange({});
  });
  loadLists().then(([outlets, actors]) => {
    for (const o of outlets.items) outletSel.appendChild(h('option', { value: o.name, selected: o.name === params.outlet }, `${o.name} (${o.documents})`));
    for (const a of actors.items) actorList.appendChild(h('option', { value: a.name }, `${a.name} · ${a.claims}`));
  });
  return form;
}

export function pick(params, keys = FILTER_KEYS) {
  const out = {};
  for (const k of keys) if (params[k]) out[k] = params[k];
  return out;
}

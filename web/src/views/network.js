import cytoscape from 'cytoscape';
import { h } from '../dom.js';
import { get, enc } from '../api.js';
import { filterForm, pick } from '../filters.js';
import { navigate } from '../router.js';
import { claimCard } from '../claimCard.js';

const TYPE_COLOURS = {
  attack: '#c0392b',
  arms_transfer: '#8e44ad',
  military_cooperation: '#2c7fb8',
  diplomatic_rupture: '#e67e22',
  diplomatic_engagement: '#27ae60',
  designation_or_sanction: '#7f8c8d',
};
const NETWORK_TYPES = Object.keys(TYPE_COLOURS);

/**
 * The actor network: who attacks, supplies, cooperates with or breaks with
 * whom. Edge width = independent origins (distinct documents when no
 * events exist). The server caps the graph at its heaviest edges and says so.
 */
export async function networkView(root, params) {
  const filters = pick(params);
  root.append(h('h1', {}, 'Actor network'), filterForm(params, (p) => navigate('/network', p)));
  const info = h('div', { class: 'info' }, 'loading…');
  const box = h('div', { class: 'network', id: 'cy' });
  const side = h('aside', { class: 'side' }, h('p', { class: 'hint' }, 'Select an edge to read the claims behind it.'));
  const legendEl = h(
    'div',
    { class: 'legend' },
    NETWORK_TYPES.map((t) => {
      const sw = h('span', { class: 'swatch' });
      sw.style.background = TYPE_COLOURS[t];
      return h('span', { class: 'legend-item' }, sw, t.replace(/_/g, ' '), ' ');
    }),
  );
  root.append(info, legendEl, h('div', { class: 'docgrid' }, box, side));
  const net = await get('network', { ...filters, limit: 300 });
  info.replaceChildren(
    `${net.nodes.length} actors, ${net.edges.length} relations`,
    net.truncated ? ` (the ${net.edges.length} heaviest of ${net.total_edges}; filter to see others)` : '',
    ` · edge weight = ${net.weight.replace(/_/g, ' ')}`,
  );
  if (!net.edges.length) {
    box.replaceChildren(h('p', { class: 'hint' }, 'No relation between actors matches these filters.'));
    return;
  }
  const maxW = Math.max(1, ...net.edges.map((e) => e.weight));
  const cy = cytoscape({
    container: box,
    elements: [
      ...net.nodes.map((n) => ({ data: { id: n.id, label: n.label, kind: n.kind } })),
      ...net.edges.map((e) => ({
        data: { ...e, colour: TYPE_COLOURS[e.type] || '#555', w: 1 + (7 * e.weight) / maxW },
      })),
    ],
    style: [
      { selector: 'node', style: { label: 'data(label)', 'font-size': 10, 'background-color': '#34495e', width: 14, height: 14, color: '#222' } },
      {
        selector: 'edge',
        style: {
          width: 'data(w)',
          'line-color': 'data(colour)',
          'target-arrow-color': 'data(colour)',
          'target-arrow-shape': 'triangle',
          'curve-style': 'bezier',
          opacity: 0.8,
        },
      },
      { selector: ':selected', style: { 'overlay-opacity': 0.2, 'overlay-color': '#f1c40f' } },
    ],
    layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 8000 },
    wheelSensitivity: 0.3,
  });
  cy.on('tap', 'edge', async (evt) => {
    const e = evt.target.data();
    side.replaceChildren(h('h3', {}, `${e.source_label} → ${e.target_label}`), h('p', {}, `${e.type.replace(/_/g, ' ')} · ${e.claim_count} claims in ${e.documents} documents · weight ${e.weight}`));
    for (const id of e.claims.slice(0, 20)) {
      try {
        side.appendChild(claimCard(await get(`claims/${enc(id)}`)));
      } catch {
        /* a claim deleted since the graph was drawn */
      }
    }
  });
}

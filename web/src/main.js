import './style.css';
import { h, clear } from './dom.js';
import { parseHash } from './router.js';
import { claimsView } from './views/claims.js';
import { docsView } from './views/docs.js';
import { docView } from './views/doc.js';
import { timelineView } from './views/timeline.js';
import { eventView } from './views/event.js';
import { networkView } from './views/network.js';
import { mapView } from './views/map.js';
import { ingestView } from './views/ingest.js';

const app = document.getElementById('app');
let generation = 0;

let renders = 0;

async function route() {
  const gen = ++generation;
  // Tests (and anything else watching) wait on these: `ready` is the path of
  // the view last rendered, `renders` counts renders.
  delete document.body.dataset.ready;
  const { path, params } = parseHash();
  const root = h('div', { class: 'view' });
  clear(app).appendChild(root);
  const seg = path.split('/').filter(Boolean);
  for (const a of document.querySelectorAll('nav a')) a.classList.toggle('active', a.dataset.nav === (seg[0] || 'claims') || (seg[0] === 'doc' && a.dataset.nav === 'docs') || (seg[0] === 'event' && a.dataset.nav === 'timeline'));
  try {
    if (seg.length === 0) await claimsView(root, params);
    else if (seg[0] === 'docs') await docsView(root, params);
    else if (seg[0] === 'doc' && seg[1]) await docView(root, decodeURIComponent(seg.slice(1).join('/')), params);
    else if (seg[0] === 'timeline') await timelineView(root, params);
    else if (seg[0] === 'event' && seg[1]) await eventView(root, decodeURIComponent(seg.slice(1).join('/')));
    else if (seg[0] === 'network') await networkView(root, params);
    else if (seg[0] === 'map') await mapView(root, params);
    else if (seg[0] === 'ingest') ingestView(root);
    else root.append(h('h1', {}, 'Not found'), h('p', {}, h('a', { href: '#/' }, 'Back to claims')));
  } catch (e) {
    if (gen !== generation) return;
    root.append(h('div', { class: 'error' }, `Could not load: ${e.message}`));
  }
  if (gen === generation) {
    document.body.dataset.ready = path;
    document.body.dataset.renders = String(++renders);
  }
}

window.addEventListener('hashchange', route);
route();

import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { feature } from 'topojson-client';
import countries from 'world-atlas/countries-110m.json';
import { h } from '../dom.js';
import { get } from '../api.js';
import { filterForm, pick } from '../filters.js';
import { navigate } from '../router.js';
import { sentenceHref } from '../claimCard.js';

const CAP = 2000;
const COUNTRIES = feature(countries, countries.objects.countries);

/**
 * Events (or claims, when no events exist) on a base map of Natural Earth
 * countries that ships inside the page: no tile server. Points at the same
 * coordinates are merged into one circle sized by count; at most CAP items
 * are fetched.
 */
export async function mapView(root, params) {
  const filters = pick(params);
  root.append(h('h1', {}, 'Map'), filterForm(params, (p) => navigate('/map', p)));
  const info = h('div', { class: 'info' }, 'loading…');
  const box = h('div', { class: 'map', id: 'map' });
  root.append(info, box);
  const map = L.map(box, { worldCopyJump: true, attributionControl: true }).setView([30, 20], 2);
  map.attributionControl.addAttribution('Countries: Natural Earth (public domain) via world-atlas');
  L.geoJSON(COUNTRIES, { style: { color: '#888', weight: 0.6, fillColor: '#e8e4d8', fillOpacity: 1 } }).addTo(map);

  let points = [];
  let total = 0;
  let kind = 'events';
  const ev = await get('events', { ...filters, limit: CAP }).catch(() => ({ items: [], total: 0 }));
  if (ev.items.length) {
    total = ev.total;
    points = ev.items
      .filter((e) => e.place && e.place.lat != null && e.place.lon != null)
      .map((e) => ({ lat: e.place.lat, lon: e.place.lon, place: e.place.name, text: e.summary || e.type, href: e.sample ? sentenceHref(e.sample.doc, e.sample.sentence_index) : '#/timeline', weight: e.origins || 1 }));
  } else {
    kind = 'claims';
    const page = await get('claims', { ...filters, located: 'true', limit: CAP });
    total = page.total;
    points = page.items
      .filter((c) => c.place && c.place.lat != null && c.place.lon != null)
      .map((c) => ({ lat: c.place.lat, lon: c.place.lon, place: c.place.name, text: c.sentence, href: sentenceHref(c.doc, c.sentence_index), weight: 1 }));
  }
  const groups = new Map();
  for (const p of points) {
    const k = `${p.lat.toFixed(3)},${p.lon.toFixed(3)}`;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(p);
  }
  for (const ps of groups.values()) {
    const n = ps.reduce((s, p) => s + p.weight, 0);
    const popup = h(
      'div',
      { class: 'popup' },
      h('strong', {}, `${ps[0].place}: ${ps.length} ${kind}`),
      h('ul', {}, ps.slice(0, 10).map((p) => h('li', {}, h('a', { href: p.href }, p.text)))),
      ps.length > 10 ? h('div', {}, `and ${ps.length - 10} more`) : null,
    );
    L.circleMarker([ps[0].lat, ps[0].lon], { radius: Math.min(24, 4 + 3 * Math.sqrt(n)), color: '#b03a2e', weight: 1, fillOpacity: 0.55 })
      .bindPopup(popup)
      .addTo(map);
  }
  info.replaceChildren(
    `${points.length} located ${kind} at ${groups.size} places`,
    total > CAP ? ` (from the first ${CAP} of ${total}; narrow the filters to see the rest)` : '',
  );
}

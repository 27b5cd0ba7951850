import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { feature } from 'topojson-client';
import countries from 'world-atlas/countries-110m.json';
import { h } from '../dom.js';
import { get } from '../api.js';
import { filterForm, pick } from '../filters.js';
import { navigate } from '../router.js';
import { claimHref } from '../claimCard.js';
import { loadEvents } from '../events.js';

const CAP = 5000;
const COUNTRIES = planar(feature(countries, countries.objects.countries));

/**
 * world-atlas rings are spherical: a ring crossing the antimeridian jumps
 * from +180 to -180, which a flat (Web Mercator) map draws as a band across
 * the world. Make each ring's longitudes continuous (Chukotka then lies past
 * +180, where Leaflet's world copies show it) and drop the rings that wind
 * around a pole (Antarctica), which no flat polygon can draw.
 */
function planar(fc) {
  const unwrap = (ring) => {
    let off = 0;
    const out = [[ring[0][0], ring[0][1]]];
    for (let i = 1; i < ring.length; i++) {
      const d = ring[i][0] - ring[i - 1][0];
      if (d > 180) off -= 360;
      else if (d < -180) off += 360;
      out.push([ring[i][0] + off, ring[i][1]]);
    }
    return Math.abs(out[0][0] - out[out.length - 1][0]) < 1e-6 ? out : null;
  };
  const polygon = (rings) => {
    const outer = unwrap(rings[0]);
    return outer ? [outer, ...rings.slice(1).map(unwrap).filter(Boolean)] : null;
  };
  const features = [];
  for (const f of fc.features) {
    const g = f.geometry;
    if (!g) continue;
    const polys = (g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []).map(polygon).filter(Boolean);
    if (polys.length) features.push({ ...f, geometry: { type: 'MultiPolygon', coordinates: polys } });
  }
  return { type: 'FeatureCollection', features };
}

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
  const ev = await loadEvents(filters, CAP);
  if (ev) {
    total = ev.total;
    points = ev.items
      .filter((e) => e.place && e.place.lat != null && e.place.lon != null)
      .map((e) => ({ lat: e.place.lat, lon: e.place.lon, place: e.place.name, text: `${e.title} (${e.origins} origin${e.origins === 1 ? '' : 's'})`, href: e.href, weight: e.origins || 1 }));
  } else {
    // No events yet: geocoded claims. The API has no "located only" filter,
    // so the first CAP matching claims are read and those with coordinates shown.
    kind = 'claims';
    const page = await get('claims', { ...filters, limit: CAP });
    total = page.total;
    points = page.items
      .filter((c) => c.place && c.place.lat != null && c.place.lon != null)
      .map((c) => ({ lat: c.place.lat, lon: c.place.lon, place: c.place.name, text: c.sentence, href: claimHref(c), weight: 1 }));
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
  if (groups.size) {
    const bounds = L.latLngBounds([...groups.values()].map((ps) => [ps[0].lat, ps[0].lon]));
    map.fitBounds(bounds.pad(0.15), { maxZoom: 6 });
  }
  info.replaceChildren(
    `${points.length} located ${kind} at ${groups.size} places`,
    total > CAP ? ` (from the first ${CAP} of ${total} ${kind}; narrow the filters to see the rest)` : ` (of ${total} ${kind})`,
  );
}

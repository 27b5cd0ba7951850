import { get } from './api.js';

/** The claim filters the events route also takes; any other filter means "show claims". */
const EVENT_FILTERS = ['type', 'actor', 'since', 'until'];

/**
 * Events (`/api/events`, once corroboration has run and the route exists),
 * normalised for the timeline and the map; `null` when there are none, the
 * route is missing, or a filter is set that only claims have (then the views
 * show claims instead).
 */
export async function loadEvents(filters, limit) {
  if (Object.keys(filters).some((k) => !EVENT_FILTERS.includes(k))) return null;
  let page;
  try {
    page = await get('events', { ...filters, limit });
  } catch {
    return null;
  }
  if (!page || !Array.isArray(page.items) || !page.items.length) return null;
  return {
    total: page.total ?? page.items.length,
    items: page.items.map((e) => ({
      id: e.id,
      day: (e.date_start || '').slice(0, 10),
      title: e.summary || e.label || e.type,
      type: e.type,
      origins: e.independent_origins ?? (Array.isArray(e.origins) ? e.origins.length : 1),
      claims: Array.isArray(e.claims) ? e.claims.length : e.claims || 0,
      level: e.level,
      place: e.place,
      href: e.earliest ? `#/doc/${encodeURIComponent(e.earliest.doc)}?c=${encodeURIComponent(e.earliest.claim)}` : null,
    })),
  };
}

import { get } from './api.js';
import { eventHref } from './claimCard.js';

/** The claim filters the events route also takes; any other filter means "show claims". */
const EVENT_FILTERS = ['type', 'actor', 'since', 'until'];

/**
 * Events (`/api/events`, once corroboration has run), normalised for the
 * timeline and the map (`Event` JSON of the API: `label`, `summary`,
 * `date_start`, `independent_origins`, `claims` memberships, `level`,
 * `place` with coordinates, `earliest` report); each links to its event
 * view. `null` when there are none, the route fails, or a filter is set that
 * only claims have (then the views show claims instead).
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
    total: page.total,
    items: page.items.map((e) => ({
      id: e.id,
      // An event the claims give no date is placed on its first report's day.
      day: (e.date_start || (e.earliest && e.earliest.published) || '').slice(0, 10),
      byArticle: !e.date_start,
      title: e.label,
      summary: e.summary,
      type: e.type,
      origins: e.independent_origins,
      // The lists of an event in a page are cut; `totals` has the full counts.
      claims: e.totals ? e.totals.claims : e.claims.length,
      contradictions: e.totals ? e.totals.contradictions : e.contradictions.length,
      level: e.level,
      place: e.place,
      href: eventHref(e.id),
      first: e.earliest ? `#/doc/${encodeURIComponent(e.earliest.doc)}?c=${encodeURIComponent(e.earliest.claim)}` : null,
    })),
  };
}

import { qs } from './api.js';

/** Hash routes: `#/path?query`. */
export function parseHash() {
  const raw = window.location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = raw.split('?');
  const params = Object.fromEntries(new URLSearchParams(query));
  return { path, params };
}

/** Go to a route; the same route again re-renders it (a repeated search refreshes). */
export function navigate(path, params) {
  const hash = `#${path}${qs(params)}`;
  if (window.location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else window.location.hash = hash;
}

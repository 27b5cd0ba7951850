import { qs } from './api.js';

/** Hash routes: `#/path?query`. */
export function parseHash() {
  const raw = window.location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = raw.split('?');
  const params = Object.fromEntries(new URLSearchParams(query));
  return { path, params };
}

export function navigate(path, params) {
  window.location.hash = `#${path}${qs(params)}`;
}

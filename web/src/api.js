// Thin client of the claimtrace HTTP API (same origin; see /api/openapi.json).

export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.error ? `${body.error}${body.detail ? ': ' + body.detail : ''}` : `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

async function parse(res) {
  const ct = res.headers.get('content-type') || '';
  const body = ct.includes('application/json') ? await res.json() : null;
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}

export function qs(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

export async function get(path, params) {
  return parse(await fetch(`/api/${path}${qs(params)}`, { headers: { accept: 'application/json' } }));
}

export async function post(path, body, { token, contentType = 'application/json', params } = {}) {
  const headers = { accept: 'application/json', 'content-type': contentType };
  if (token) headers.authorization = `Bearer ${token}`;
  const payload = contentType === 'application/json' ? JSON.stringify(body) : body;
  return parse(await fetch(`/api/${path}${qs(params)}`, { method: 'POST', headers, body: payload }));
}

export const enc = encodeURIComponent;

/** The reviewer's name and token, kept for this browser tab only. */
export const credentials = {
  get() {
    return {
      reviewer: sessionStorage.getItem('ct.reviewer') || '',
      token: sessionStorage.getItem('ct.token') || '',
    };
  },
  set(reviewer, token) {
    sessionStorage.setItem('ct.reviewer', reviewer || '');
    sessionStorage.setItem('ct.token', token || '');
  },
};

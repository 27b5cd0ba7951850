import { h } from '../dom.js';
import { post, credentials } from '../api.js';

/** Paste or upload text, HTML or JSON Lines; the server ingests and extracts it (token required). */
export function ingestView(root) {
  const cred = credentials.get();
  const token = h('input', { type: 'password', name: 'token', placeholder: 'server token', value: cred.token });
  const name = h('input', { name: 'name', placeholder: 'name (e.g. article.txt)', value: '' });
  const format = h(
    'select',
    { name: 'format' },
    h('option', { value: 'text/plain' }, 'plain text'),
    h('option', { value: 'text/html' }, 'HTML'),
    h('option', { value: 'application/x-ndjson' }, 'JSON Lines'),
  );
  const body = h('textarea', { name: 'body', rows: 16, placeholder: 'Paste an article here' });
  const file = h('input', { type: 'file', name: 'file' });
  const out = h('div', { class: 'ingest-result', role: 'status' });
  file.addEventListener('change', async () => {
    const f = file.files[0];
    if (!f) return;
    name.value = f.name;
    body.value = await f.text();
    if (/\.html?$/i.test(f.name)) format.value = 'text/html';
    else if (/\.jsonl$/i.test(f.name)) format.value = 'application/x-ndjson';
  });
  const form = h(
    'form',
    {
      class: 'ingest',
      onsubmit: async (e) => {
        e.preventDefault();
        credentials.set(cred.reviewer, token.value);
        out.textContent = 'ingesting…';
        try {
          const r = await post('ingest', body.value, { token: token.value, contentType: format.value, params: { name: name.value || undefined } });
          out.replaceChildren(
            h(
              'ul',
              {},
              r.documents.map((d) =>
                h('li', {}, h('a', { href: `#/doc/${encodeURIComponent(d.id)}` }, d.title || d.id), ` — ${d.status.replace(/_/g, ' ')}, ${d.claims} claims`),
              ),
              r.errors.map((x) => h('li', { class: 'error' }, x)),
            ),
          );
        } catch (err) {
          out.replaceChildren(h('p', { class: 'error' }, err.message));
        }
      },
    },
    h('div', { class: 'row' }, name, format, file, token),
    body,
    h('button', { type: 'submit' }, 'Ingest'),
  );
  root.append(h('h1', {}, 'Add text'), form, out);
}

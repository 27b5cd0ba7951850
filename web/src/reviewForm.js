import { h } from './dom.js';
import { post, get, credentials, enc } from './api.js';
import { CORRECTABLE } from './labels.js';

/** The review panel of a claim card: confirm, reject or correct one field, with the reviewer's name and the server token. */
export function reviewForm(claim, onDone) {
  const cred = credentials.get();
  const reviewer = h('input', { name: 'reviewer', placeholder: 'your name', value: cred.reviewer, required: 'required' });
  const token = h('input', { name: 'token', type: 'password', placeholder: 'server token', value: cred.token });
  const verdict = h(
    'select',
    { name: 'verdict' },
    h('option', { value: 'confirm' }, 'confirm'),
    h('option', { value: 'reject' }, 'reject'),
    h('option', { value: 'correct' }, 'correct a field'),
  );
  const field = h('select', { name: 'field' }, Object.keys(CORRECTABLE).map((f) => h('option', { value: f }, f)));
  const valueSlot = h('span', { class: 'value-slot' });
  const note = h('input', { name: 'note', placeholder: 'note (optional)' });
  const status = h('span', { class: 'status', role: 'status' });
  const history = h('ul', { class: 'history' });

  const renderValue = () => {
    valueSlot.replaceChildren();
    const allowed = CORRECTABLE[field.value];
    valueSlot.appendChild(
      allowed
        ? h('select', { name: 'value' }, allowed.map((v) => h('option', { value: v }, v)))
        : h('input', { name: 'value', placeholder: 'corrected value' }),
    );
  };
  const correctPart = h('span', { class: 'correct-part', hidden: 'hidden' }, field, valueSlot);
  verdict.addEventListener('change', () => {
    correctPart.hidden = verdict.value !== 'correct';
  });
  field.addEventListener('change', renderValue);
  renderValue();

  const form = h(
    'form',
    {
      class: 'review-form',
      onsubmit: async (ev) => {
        ev.preventDefault();
        credentials.set(reviewer.value.trim(), token.value);
        const body = { reviewer: reviewer.value.trim(), verdict: verdict.value, note: note.value || undefined };
        if (verdict.value === 'correct') {
          body.field = field.value;
          body.value = valueSlot.querySelector('[name=value]').value;
        }
        status.textContent = 'saving…';
        try {
          await post(`claims/${enc(claim.id)}/review`, body, { token: token.value });
          status.textContent = 'saved';
          onDone(await get(`claims/${enc(claim.id)}`));
        } catch (e) {
          status.textContent = e.message;
          status.classList.add('error');
        }
      },
    },
    reviewer,
    token,
    verdict,
    correctPart,
    note,
    h('button', { type: 'submit' }, 'Save review'),
    status,
  );

  const details = h('details', { class: 'review' }, h('summary', {}, 'review'), form, h('div', { class: 'hist-title' }, 'Audit trail'), history);
  details.addEventListener('toggle', async () => {
    if (!details.open) return;
    try {
      const r = await get(`claims/${enc(claim.id)}/reviews`);
      history.replaceChildren(
        ...(r.items.length
          ? r.items.map((x) =>
              h('li', {}, `${x.at} — ${x.reviewer}: ${x.verdict}${x.field ? ` ${x.field} = ${x.value}` : ''}${x.note ? ` (${x.note})` : ''}`),
            )
          : [h('li', {}, 'no reviews yet')]),
      );
    } catch (e) {
      history.replaceChildren(h('li', { class: 'error' }, e.message));
    }
  });
  return details;
}

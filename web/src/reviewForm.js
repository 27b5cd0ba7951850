import { h } from './dom.js';
import { post, get, credentials, enc } from './api.js';
import { CORRECTABLE } from './labels.js';

function fmtTime(at) {
  return at ? at.replace('T', ' ').replace('Z', ' UTC') : '';
}

/** One line of the audit trail (a store `Review`: who, at, action, field, old_value, new_value, note). */
export function auditLine(r) {
  const what =
    r.action === 'correct'
      ? [`corrected ${r.field}: `, h('s', {}, r.old_value ?? '—'), ' → ', h('strong', {}, r.new_value ?? '')]
      : [r.action === 'confirm' ? 'confirmed' : 'rejected'];
  return h('li', {}, `${fmtTime(r.at)} — ${r.who}: `, what, r.note ? ` (${r.note})` : '');
}

/** The value input for a correctable field: a select for closed label sets, else free text. */
function valueInput(fieldName, current) {
  const allowed = CORRECTABLE[fieldName];
  if (allowed) return h('select', { name: 'value', 'aria-label': 'new value' }, allowed.map((v) => h('option', { value: v, selected: v === current }, v)));
  return h('input', { name: 'value', placeholder: 'corrected value', 'aria-label': 'new value', value: current || '' });
}

/** The current value of a claim field by JSON path (`actor.name`). */
function fieldValue(claim, path) {
  let v = claim;
  for (const k of path.split('.')) v = v == null ? undefined : v[k];
  return v == null ? '' : String(v);
}

/**
 * The review panel of a claim card: confirm, reject or correct one field, with
 * the reviewer's name and the server token (kept for this tab), and the claim's
 * audit trail. The form is built when the panel is first opened, so a page of
 * cards carries no form controls until someone reviews.
 */
export function reviewForm(claim, onDone) {
  const details = h('details', { class: 'review' }, h('summary', {}, 'review'));
  let built = false;
  const history = h('ul', { class: 'history' });

  const build = () => {
    const cred = credentials.get();
    const reviewer = h('input', { name: 'reviewer', placeholder: 'your name', value: cred.reviewer, required: 'required', autocomplete: 'name', 'aria-label': 'reviewer name' });
    const token = h('input', { name: 'token', type: 'password', placeholder: 'server token', value: cred.token, autocomplete: 'current-password', 'aria-label': 'server token' });
    const verdict = h(
      'select',
      { name: 'verdict', 'aria-label': 'verdict' },
      h('option', { value: 'confirm' }, 'confirm'),
      h('option', { value: 'reject' }, 'reject'),
      h('option', { value: 'correct' }, 'correct a field'),
    );
    const field = h('select', { name: 'field', 'aria-label': 'field to correct' }, Object.keys(CORRECTABLE).map((f) => h('option', { value: f }, f)));
    const valueSlot = h('span', { class: 'value-slot' });
    const note = h('input', { name: 'note', placeholder: 'note (optional)', 'aria-label': 'note' });
    const status = h('span', { class: 'status', role: 'status' });
    const renderValue = () => valueSlot.replaceChildren(valueInput(field.value, fieldValue(claim, field.value)));
    const correctPart = h('span', { class: 'correct-part', hidden: 'hidden' }, field, valueSlot);
    verdict.addEventListener('change', () => {
      correctPart.hidden = verdict.value !== 'correct';
    });
    field.addEventListener('change', renderValue);
    renderValue();
    const submit = h('button', { type: 'submit' }, 'Save review');
    const form = h(
      'form',
      {
        class: 'review-form',
        onsubmit: async (ev) => {
          ev.preventDefault();
          const who = reviewer.value.trim();
          credentials.set(who, token.value);
          const body = { who, action: verdict.value };
          if (note.value.trim()) body.note = note.value.trim();
          if (verdict.value === 'correct') {
            body.field = field.value;
            body.new_value = valueSlot.querySelector('[name=value]').value;
          }
          status.classList.remove('error');
          status.textContent = 'saving…';
          submit.disabled = true;
          try {
            await post(`claims/${enc(claim.id)}/review`, body, { token: token.value });
            status.textContent = 'saved';
            onDone(await get(`claims/${enc(claim.id)}`));
          } catch (e) {
            status.textContent = e.status === 401 || e.status === 403 ? `${e.message} — check the server token` : e.message;
            status.classList.add('error');
            submit.disabled = false;
          }
        },
      },
      reviewer,
      token,
      verdict,
      correctPart,
      note,
      submit,
      status,
    );
    details.append(form, h('div', { class: 'hist-title' }, 'Audit trail'), history);
  };

  details.addEventListener('toggle', async () => {
    if (!details.open) return;
    if (!built) {
      built = true;
      build();
    }
    try {
      const r = await get(`claims/${enc(claim.id)}/reviews`);
      history.replaceChildren(...(r.items.length ? r.items.map(auditLine) : [h('li', {}, 'no reviews yet')]));
    } catch (e) {
      history.replaceChildren(h('li', { class: 'error' }, e.message));
    }
  });
  return details;
}

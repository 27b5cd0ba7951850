// Events on the page: the timeline lists the events corroboration found in
// the sample corpus; an event's view shows its claims as cards, its origins
// (a syndicated copy counted once), and its contradictions with both sides,
// each side linking to its sentence in the stored article.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, visit, shot, api, rerendered } from './helpers.mjs';

const enc = encodeURIComponent;
let browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

function assertClean(page) {
  assert.deepEqual(page.trouble.errors, [], 'uncaught page errors');
  assert.deepEqual(page.trouble.dialogs, [], 'dialogs opened');
  assert.deepEqual(page.trouble.csp, [], 'Content-Security-Policy violations');
}

/** A contested event with a copy among its documents, else any contested event. */
async function contestedEvent() {
  const events = (await api('events?level=contested&limit=5000')).body.items;
  assert.ok(events.length > 0, 'the sample corpus has contested events');
  const dated = events.filter((e) => e.date_start && e.contradictions.length);
  let pick = null;
  for (const e of dated) {
    const d = (await api(`events/${enc(e.id)}`)).body;
    if (d.documents.some((x) => x.copy_of)) {
      pick = d;
      break;
    }
  }
  return pick || (await api(`events/${enc(dated[0].id)}`)).body;
}

test('the timeline shows events; an event shows its claims, origins, copies and contradictions', async () => {
  const detail = await contestedEvent();
  const ev = detail.event;
  const n = ev.independent_origins;
  const plural = (word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const page = await openPage(browser, { width: 1280, height: 1000 });
  await visit(page, '#/timeline');
  const total = (await api('events?limit=1')).body.total;
  const shown = Number((await page.locator('.info').first().textContent()).match(/^(\d+) events/)?.[1]);
  assert.ok(shown > 0 && shown <= total, `events on the timeline (${shown} of ${total})`);
  const item = page.locator(`ol.timeline li.item.event[data-event="${ev.id}"]`);
  assert.equal(await item.count(), 1, 'the event is on the timeline');
  assert.match(await item.textContent(), new RegExp(plural('origin')));
  assert.match(await item.textContent(), /contested/);
  await shot(page, 'timeline-events');

  // Click the event: its view.
  await rerendered(page, () => item.locator('a').first().click());
  assert.equal(decodeURIComponent(new URL(page.url()).hash), `#/event/${ev.id}`);
  assert.equal(await page.locator('h1.event-title').textContent(), ev.label);
  assert.match(await page.locator('.event-badges').textContent(), new RegExp(plural('independent origin')));

  // Every claim as a claim card, in joining order, its badge linking back here.
  const cards = page.locator('.event-claims article.claim');
  assert.equal(await cards.count(), detail.claims.length);
  assert.deepEqual(
    await cards.evaluateAll((els) => els.map((el) => el.dataset.claim)),
    detail.claims.map((c) => c.id),
  );
  const badge = cards.first().locator('a.badge.b-corr');
  assert.equal(await badge.getAttribute('href'), `#/event/${enc(ev.id)}`);
  assert.match(await badge.textContent(), new RegExp(plural('origin')));

  // Origins, each once; copies counted once with their original.
  const origins = page.locator('ol.origins > li');
  assert.equal(await origins.count(), ev.origins.length);
  assert.deepEqual(
    await origins.evaluateAll((els) => els.map((el) => el.dataset.origin)),
    ev.origins.map((o) => o.key),
  );
  const copies = detail.documents.filter((x) => x.copy_of);
  assert.equal(await page.locator('ul.event-docs li.copy').count(), copies.length);
  for (const c of copies) {
    assert.match(await page.locator(`ul.event-docs li[data-doc="${c.id}"]`).textContent(), /copy of .* counted once/);
  }

  // Contradictions with both sides, each side's sentence linked to its place in the article.
  const contras = page.locator('.contradiction');
  assert.equal(await contras.count(), ev.contradictions.length);
  const first = ev.contradictions[0];
  const box = contras.first();
  assert.match(await box.locator('.contra-head').textContent(), new RegExp(first.kind));
  const claimOf = (id) => detail.claims.find((c) => c.id === id);
  for (const [cls, id] of [
    ['side-a', first.a],
    ['side-b', first.b],
  ]) {
    const side = box.locator(`.${cls}`);
    const c = claimOf(id);
    assert.equal(await side.getAttribute('data-claim'), id);
    assert.equal(await side.locator('a.sentence').textContent(), c.sentence);
    assert.equal(await side.locator('a.sentence').getAttribute('href'), `#/doc/${enc(c.doc)}?s=${c.span[0]}&c=${enc(c.id)}`);
  }
  await shot(page, 'event', { fullPage: true });

  // Follow side B to the exact sentence of the article.
  const b = claimOf(first.b);
  await rerendered(page, () => box.locator('.side-b a.sentence').click());
  await page.locator(`#sentence-panel article.claim.focus[data-claim="${b.id}"]`).waitFor();
  assert.equal(await page.locator('.sent.selected').count(), 1, 'its sentence is selected');
  assertClean(page);
  await page.context().close();
});

test('an unknown event says so', async () => {
  const page = await openPage(browser);
  await visit(page, `#/event/${enc('ev:no-such-event')}`);
  assert.match(await page.locator('.error').textContent(), /no event/);
  assertClean(page);
  await page.context().close();
});

// The page with 10,000 claims in view: one generated article of 10,000
// claimed sentences, opened in the article view (every sentence marked), in
// the claim list (paged) and on the timeline. Prints timings; asserts only
// that everything is there and answers (timings are figures, not tests).
// Off by default (it adds a big article to the database): CT_SCALE=1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, visit, shot, api, ingest, rerendered } from './helpers.mjs';

const N = Number(process.env.CT_SCALE_SENTENCES || 10000);
const skip = !process.env.CT_SCALE && 'set CT_SCALE=1 to run';
const enc = encodeURIComponent;
const ACTORS = ['Russian forces', 'Ukrainian forces', 'The RSF', 'Houthi fighters', 'The army'];
const PLACES = ['Kharkiv', 'Belgorod', 'El Fasher', 'Hodeidah', 'Gao'];
const SOURCES = ['the governor said', 'officials said', 'according to state media', 'analysts suggested', 'a spokesman said'];

let browser;
let id;
before(async () => {
  if (skip) return;
  browser = await launch();
  const lines = [];
  for (let i = 0; i < N; i++) {
    const day = (i % 28) + 1;
    lines.push(
      `${ACTORS[i % 5]} shelled positions near ${PLACES[(i >> 2) % 5]} on ${day} May 2025, ${SOURCES[(i >> 1) % 5]} in report ${i}.${i % 10 === 9 ? '\n\n' : ' '}`,
    );
  }
  const t = Date.now();
  const r = await ingest(lines.join(''), { name: `scale-${N}.txt` });
  assert.ok(r.status === 201 || r.status === 200, JSON.stringify(r.body));
  id = r.body.documents[0].id;
  console.log(`# ingested ${N} sentences → ${r.body.documents[0].claims} claims in ${Date.now() - t} ms (POST /api/ingest)`);
});
after(async () => {
  await browser?.close();
});

test(`the article view with ${N} claimed sentences`, { skip, timeout: 180000 }, async () => {
  const claims = (await api(`claims?doc=${enc(id)}&limit=1`)).body.total;
  assert.ok(claims >= N * 0.9, `${claims} claims`);
  const page = await openPage(browser);
  let t = Date.now();
  await visit(page, `#/doc/${enc(id)}`);
  const open = Date.now() - t;
  const marked = await page.locator('.article-text .sent.claimed').count();
  assert.ok(marked >= N * 0.9, `${marked} sentences marked`);
  // Selecting a sentence deep in the text: its cards appear beside it.
  t = Date.now();
  await page.locator('.article-text .sent.claimed').nth(marked - 5).click();
  await page.locator('#sentence-panel article.claim').first().waitFor();
  const select = Date.now() - t;
  t = Date.now();
  await page.mouse.wheel(0, 200000);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const scroll = Date.now() - t;
  const nodes = await page.evaluate(() => document.querySelectorAll('*').length);
  console.log(`# article view: ${claims} claims, ${marked} marked sentences, ${nodes} DOM nodes; open ${open} ms, select a sentence ${select} ms, scroll to the end ${scroll} ms`);
  await shot(page, 'scale-article');
  await page.context().close();
});

test(`the claim list over ${N} claims pages instead of drawing them all`, { skip, timeout: 120000 }, async () => {
  const page = await openPage(browser);
  let t = Date.now();
  await visit(page, `#/?doc=${enc(id)}`);
  const first = Date.now() - t;
  const total = (await api(`claims?doc=${enc(id)}&limit=1`)).body.total;
  assert.match(await page.locator('#result-info').textContent(), new RegExp(`of ${total} claims`));
  assert.equal(await page.locator('article.claim').count(), 50);
  t = Date.now();
  await rerendered(page, () => page.click('a:text("last »")'));
  const last = Date.now() - t;
  assert.equal(await page.locator('article.claim').count(), total % 50 || 50);
  await rerendered(page, () => page.selectOption('nav.pager select', '200'));
  assert.equal(await page.locator('article.claim').count(), 200);
  const nodes = await page.evaluate(() => document.querySelectorAll('*').length);
  console.log(`# claim list: ${total} claims; first page ${first} ms, jump to the last page ${last} ms; ${nodes} DOM nodes at 200 per page`);
  await page.context().close();
});

test(`the timeline over ${N} dated claims`, { skip, timeout: 120000 }, async () => {
  const page = await openPage(browser);
  const t = Date.now();
  await visit(page, `#/timeline?doc=${enc(id)}`);
  const open = Date.now() - t;
  const items = await page.locator('ol.timeline li.item').count();
  assert.ok(items > 0);
  console.log(`# timeline: ${items} items drawn (of the first 2000 fetched) in ${open} ms`);
  await page.context().close();
});

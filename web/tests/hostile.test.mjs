// Article text is data, never markup: articles full of <script>, onerror=
// and javascript: links are ingested through the API (and through the page's
// own form) and every view that shows them must render them inert — no
// script runs, no element is made from them, the markup reads as text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, visit, shot, ingest, rerendered, TOKEN } from './helpers.mjs';

const enc = encodeURIComponent;

const SCRIPT = `<script>window.__pwned = 'script'; alert('script')</script>`;
const IMG = `<img src=x onerror="window.__pwned='img'; alert('img')">`;
const LINK = `<a href="javascript:window.__pwned='link';alert('link')">the full report</a>`;
const TEXT = [
  `Officials said drones struck the fuel depot in Kharkiv on Monday. ${SCRIPT}`,
  `Witnesses said ${IMG} the strike killed 12 people, according to the regional governor.`,
  `Read ${LINK} and <svg onload="window.__pwned='svg'"><circle r=5 /></svg> before it is removed.`,
  `<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe> The ministry reportedly denied that its forces attacked the depot.`,
].join('\n\n');

// Metadata is data too: a title and URL that would be live if used as markup or as a link.
const JSONL = JSON.stringify({
  id: 'hostile-meta',
  title: `<img src=x onerror="window.__pwned='title'">Breaking`,
  url: `javascript:window.__pwned='url'`,
  outlet: `<b onmouseover="window.__pwned='outlet'">Evil Outlet</b>`,
  published: '2025-06-02',
  text: `The army said it shelled rebel positions near Bamako on Sunday. ${SCRIPT}`,
});

// In an HTML page the markup survives as text when it was escaped in the source.
const HTML = `<html><head><title>Escaped markup</title><script>window.__pwned='head'</script></head><body>
<article><h1>Escaped markup</h1>
<p>Rebels said they captured the town of Tessalit &lt;script&gt;window.__pwned='escaped'&lt;/script&gt; on Friday.</p>
<p onclick="window.__pwned='p'">Analysts suggested the attack may have used drones &lt;img src=x onerror=alert(1)&gt; supplied by a foreign state.</p>
<p><a href="javascript:alert('html-link')">Click here</a> to read how the army allegedly responded.</p>
</article></body></html>`;

let browser;
const docs = {};

before(async () => {
  browser = await launch();
  for (const [key, body, opts] of [
    ['text', TEXT, { name: 'hostile.txt' }],
    ['jsonl', JSONL, { contentType: 'application/x-ndjson' }],
    ['html', HTML, { name: 'hostile.html', contentType: 'text/html' }],
  ]) {
    const r = await ingest(body, opts);
    assert.ok(r.status === 201 || r.status === 200, `ingest ${key}: ${r.status} ${JSON.stringify(r.body)}`);
    docs[key] = r.body.documents[0].id;
  }
});
after(async () => {
  await browser?.close();
});

/** Nothing ran, nothing was built from the article: the checks every view must pass. */
async function assertInert(page, where) {
  assert.equal(await page.evaluate(() => window.__pwned), undefined, `${where}: a script ran`);
  assert.deepEqual(page.trouble.dialogs, [], `${where}: a dialog opened`);
  assert.deepEqual(page.trouble.errors, [], `${where}: page errors`);
  // If anything had been parsed as markup, the CSP would have blocked its
  // handlers and said so; no violation means nothing tried.
  assert.deepEqual(page.trouble.csp, [], `${where}: CSP violations`);
  const made = await page.evaluate(() => ({
    script: document.querySelectorAll('#app script').length,
    img: document.querySelectorAll('#app img').length,
    iframe: document.querySelectorAll('#app iframe').length,
    svg: document.querySelectorAll('#app svg').length,
    b: document.querySelectorAll('#app b[onmouseover]').length,
    handlers: [...document.querySelectorAll('#app *')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
    jsLinks: [...document.querySelectorAll('#app a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href'))).length,
  }));
  assert.deepEqual(made, { script: 0, img: 0, iframe: 0, svg: 0, b: 0, handlers: 0, jsLinks: 0 }, `${where}: elements made from article text`);
}

test('a hostile plain-text article renders as text in the article view', async () => {
  const page = await openPage(browser);
  await visit(page, `#/doc/${enc(docs.text)}`);
  const text = await page.locator('.article-text').textContent();
  for (const piece of [SCRIPT, IMG, LINK, `<svg onload="window.__pwned='svg'"><circle r=5 /></svg>`]) assert.ok(text.includes(piece), `shown verbatim: ${piece}`);
  // Open every claimed sentence's cards, their reasons and review forms.
  const n = await page.locator('.article-text .sent.claimed').count();
  assert.ok(n > 0, 'claims were extracted from the hostile article');
  for (let i = 0; i < n; i++) {
    await page.locator('.article-text .sent.claimed').nth(i).click();
    for (const d of await page.locator('#sentence-panel details').all()) await d.locator('summary').click();
  }
  await page.waitForTimeout(300); // let any injected image try to load and fire onerror
  await assertInert(page, 'article view');
  await shot(page, 'hostile-article', { fullPage: true });
  await page.context().close();
});

test('hostile metadata and escaped HTML stay inert everywhere they are shown', async () => {
  const page = await openPage(browser);
  await visit(page, `#/doc/${enc(docs.jsonl)}`);
  assert.equal(await page.locator('h1.doc-title').textContent(), `<img src=x onerror="window.__pwned='title'">Breaking`);
  const original = page.locator('.docmeta a', { hasText: 'original' });
  if (await original.count()) assert.doesNotMatch((await original.getAttribute('href')) || '', /javascript:/i);
  await assertInert(page, 'metadata article view');

  await visit(page, `#/doc/${enc(docs.html)}`);
  const html = await page.locator('.article-text').textContent();
  assert.ok(html.includes(`<script>window.__pwned='escaped'</script>`), 'escaped markup shown as text');
  assert.ok(!html.includes("window.__pwned='head'"), 'the page script is not article text');
  await assertInert(page, 'html article view');

  // The claim list, the search and the article list show the same strings.
  await visit(page, '#/?q=pwned');
  assert.ok((await page.locator('article.claim').count()) > 0, 'search finds the hostile claims');
  for (const d of await page.locator('article.claim details').all()) await d.locator('summary').click();
  await assertInert(page, 'claim search');
  await shot(page, 'hostile-claims');
  await visit(page, '#/docs');
  await assertInert(page, 'article list');
  await visit(page, '#/timeline');
  await assertInert(page, 'timeline');
  await page.context().close();
});

test("a hostile article pasted into the page's form is stored and shown inert", async () => {
  const page = await openPage(browser);
  await visit(page, '#/ingest');
  const body = `${TEXT}\n\nPasted again on ${Date.now()}: the governor said the fire was out.`;
  await page.fill('input[name=name]', 'pasted-hostile.txt');
  await page.fill('textarea[name=body]', body);
  await page.fill('input[name=token]', TOKEN);
  await page.click('form.ingest button[type=submit]');
  const link = page.locator('.ingest-result a').first();
  await link.waitFor();
  assert.match(await page.locator('.ingest-result').textContent(), /new, \d+ claims/);
  await rerendered(page, () => link.click());
  assert.ok((await page.locator('.article-text').textContent()).includes(SCRIPT));
  await page.waitForTimeout(300);
  await assertInert(page, 'pasted article');
  await page.context().close();
});

// The analyst page over the sample corpus (and the seed article when present):
// load, search, an article and its sourcing profile, a claim's sentence,
// review, and the timeline / network / map views. Screenshots go to
// $CT_SCREENSHOTS (bench-out/screenshots).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, visit, shot, api, rerendered, SEED, TOKEN } from './helpers.mjs';

const enc = encodeURIComponent;
let browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The seed article when it was ingested, else the stored article with the most claims. */
async function showcase() {
  if (SEED) return SEED;
  const docs = (await api('docs?limit=100')).body.items;
  return docs.sort((a, b) => b.claims - a.claims)[0].id;
}

function assertClean(page) {
  assert.deepEqual(page.trouble.errors, [], 'uncaught page errors');
  assert.deepEqual(page.trouble.dialogs, [], 'dialogs opened');
  assert.deepEqual(page.trouble.csp, [], 'Content-Security-Policy violations');
}

/** The text of a sentence element without its claim-count marker. */
function sentenceText(locator) {
  return locator.evaluate((el) => [...el.childNodes].filter((n) => n.nodeName !== 'SUP').map((n) => n.textContent).join(''));
}

test('the page loads and shows claim cards', async () => {
  const page = await openPage(browser);
  await visit(page, '#/');
  const total = (await api('claims?limit=1')).body.total;
  assert.ok(total > 0, 'the database has claims');
  await page.locator('article.claim').first().waitFor();
  assert.equal(await page.locator('article.claim').count(), Math.min(50, total));
  assert.match(await page.locator('#result-info').textContent(), new RegExp(`of ${total} claims`));
  const first = page.locator('article.claim').first();
  // Badges for type, firmness and source kind.
  assert.ok((await first.locator('.badge.b-type').count()) === 1);
  assert.ok((await first.locator('.badge.b-epistemic').count()) === 1);
  assert.ok((await first.locator('.badge.b-source').count()) === 1);
  // Source and cue words are marked somewhere on the page.
  assert.ok((await page.locator('article.claim mark.m-cue').count()) > 0, 'cue words marked');
  assert.ok((await page.locator('article.claim mark.m-source').count()) > 0, 'sources marked');
  // `why` on demand: nothing until asked.
  const why = first.locator('details.why');
  assert.equal(await why.locator('li').count(), 0);
  await why.locator('summary').click();
  // The list is filled after the click: wait for it rather than race it.
  await why.locator('li').first().waitFor();
  assert.ok((await why.locator('li').count()) > 0);
  await shot(page, 'claims');
  assertClean(page);
  await page.context().close();
});

test('search and filters narrow the claims', async () => {
  const page = await openPage(browser);
  await visit(page, '#/');
  const word = 'drone';
  const want = (await api(`claims?q=${word}&limit=1`)).body.total;
  assert.ok(want > 0, `some claim mentions '${word}'`);
  await page.fill('input[name=q]', word);
  await rerendered(page, () => page.press('input[name=q]', 'Enter'));
  assert.match(page.url(), /q=drone/);
  assert.match(await page.locator('#result-info').textContent(), new RegExp(`of ${want} claims`));
  for (const s of await page.locator('article.claim a.sentence').allTextContents()) assert.match(s, /drone/i);

  // A select filters at once, and keeps the search words.
  const attacks = (await api(`claims?q=${word}&type=attack&limit=1`)).body.total;
  await rerendered(page, () => page.selectOption('select[name=type]', 'attack'));
  assert.match(page.url(), /type=attack/);
  assert.match(page.url(), /q=drone/);
  assert.equal(await page.locator('article.claim').count(), Math.min(50, attacks));
  for (const b of await page.locator('article.claim .badge.b-type').allTextContents()) assert.equal(b.trim(), 'attack');

  // Date range and actor, through the form.
  await rerendered(page, () => page.click('button[type=reset]'));
  await page.fill('input[name=actor]', 'Ukraine');
  await page.fill('input[name=since]', '2025-01-01');
  await rerendered(page, () => page.press('input[name=actor]', 'Enter'));
  const ua = (await api('claims?actor=Ukraine&since=2025-01-01&limit=1')).body.total;
  assert.match(await page.locator('#result-info').textContent(), ua ? new RegExp(`of ${ua} claims`) : /No claim/);

  // Outlet: the list comes from /api/outlets.
  const outlets = (await api('outlets')).body.items;
  await rerendered(page, () => page.click('button[type=reset]'));
  await page.locator('select[name=outlet] option').nth(1).waitFor({ state: 'attached' });
  await rerendered(page, () => page.selectOption('select[name=outlet]', outlets[0].name));
  const byOutlet = (await api(`claims?outlet=${enc(outlets[0].name)}&limit=1`)).body.total;
  assert.match(await page.locator('#result-info').textContent(), new RegExp(`of ${byOutlet} claims`));
  for (const line of await page.locator('article.claim .docline').allTextContents()) assert.ok(line.includes(outlets[0].name), line);
  await shot(page, 'search');
  assertClean(page);
  await page.context().close();
});

test('an article shows its sourcing profile and every claim marked', async () => {
  const id = await showcase();
  const page = await openPage(browser);
  await visit(page, '#/docs');
  await rerendered(page, () => page.click(`a[href="#/doc/${enc(id)}"]`));
  const profile = (await api(`profile/${enc(id)}`)).body;
  const claims = (await api(`claims?doc=${enc(id)}&limit=5000`)).body.items;
  assert.ok(profile.claims > 0);
  const section = page.locator('section.profile');
  await section.waitFor();
  assert.match(await section.locator('.kpis').textContent(), new RegExp(`${profile.claims}\\s*claims`));
  // "Who says so" and "How firmly" as stacked bars that add up to the claims.
  const charts = section.locator('.chart .stack');
  assert.equal(await charts.count(), 2);
  const segs = await section.locator('.chart').first().locator('.seg').evaluateAll((els) => els.map((e) => Number(e.title.split(': ')[1].split(' ')[0])));
  assert.equal(segs.reduce((a, b) => a + b, 0), profile.claims);
  const none = profile.by_source_kind.find((r) => r.label === 'author').count;
  assert.match(await section.textContent(), new RegExp(`no source \\(the article itself\\): ${none}`));
  // Every sentence with a claim is marked in the text.
  const claimed = new Set(claims.map((c) => c.sentence_index)).size;
  assert.equal(await page.locator('.article-text .sent.claimed').count(), claimed);
  assert.equal(
    await page.locator('.article-text sup.cmark').evaluateAll((els) => els.reduce((n, e) => n + Number(e.textContent), 0)),
    claims.length,
  );
  await shot(page, 'article-seed-full', { fullPage: true });
  // A claim listed as unsourced leads to its sentence.
  if (profile.unsourced.length) {
    await section.locator('details.unsourced summary').click();
    await section.locator('details.unsourced li a').first().click();
    assert.ok((await page.locator('.sent.selected').count()) === 1);
    assert.ok((await page.locator('#sentence-panel article.claim.focus').count()) === 1);
    await section.locator('details.unsourced summary').click();
  }
  // The showcase view: the profile, the marked text, and the cards of a
  // sourced sentence beside it (the first with a named or media source).
  const sourced = claims.find((c) => ['media', 'named_person', 'named_organisation'].includes(c.source.kind)) || claims[0];
  await page.locator(`.article-text .sent[data-s="${sourced.span[0]}"]`).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  assert.ok((await page.locator('#sentence-panel article.claim').count()) > 0);
  await shot(page, 'article-seed');
  assertClean(page);
  await page.context().close();
});

test("a claim card leads to the claim's exact sentence", async () => {
  const id = await showcase();
  const claims = (await api(`claims?doc=${enc(id)}&limit=50`)).body.items;
  const c = claims.find((x) => x.source.kind !== 'author' && x.cue_spans.length) || claims[0];
  const page = await openPage(browser);
  await visit(page, `#/?doc=${enc(id)}`);
  const card = page.locator(`article.claim[data-claim="${c.id}"]`);
  await rerendered(page, () => card.locator('a.sentence').click());
  assert.ok(page.url().includes(`#/doc/${enc(id)}?s=${c.span[0]}`), page.url());
  const sel = page.locator('.article-text .sent.selected');
  assert.equal(await sel.count(), 1);
  assert.equal(await sentenceText(sel), c.sentence);
  const box = await sel.boundingBox();
  assert.ok(box && box.y >= 0 && box.y < 900, 'the sentence is scrolled into view');
  const focus = page.locator(`#sentence-panel article.claim.focus[data-claim="${c.id}"]`);
  assert.equal(await focus.count(), 1);
  // The card's marks are the claim's spans: source and cue words as in the record.
  if (c.source.span) {
    const src = await focus.locator('mark.m-source').allTextContents();
    assert.ok(src.join('').includes(c.source.text), `${src} ~ ${c.source.text}`);
  }
  for (const cue of c.cues) assert.ok((await focus.locator('mark.m-cue').allTextContents()).join(' ').includes(cue), cue);
  await shot(page, 'sentence');
  // The sentence link is a stable address: loading it cold selects the same sentence.
  const again = await openPage(browser);
  await visit(again, `#/doc/${enc(id)}?s=${c.span[0]}`);
  assert.equal(await sentenceText(again.locator('.article-text .sent.selected')), c.sentence);
  assertClean(page);
  assertClean(again);
  await again.context().close();
  await page.context().close();
});

test('a reviewer confirms and corrects a claim, shown as such', async () => {
  const id = await showcase();
  const claims = (await api(`claims?doc=${enc(id)}&limit=50`)).body.items;
  const c = claims[Math.min(2, claims.length - 1)];
  const page = await openPage(browser);
  await visit(page, `#/doc/${enc(id)}?s=${c.span[0]}&c=${enc(c.id)}`);
  const card = () => page.locator(`#sentence-panel article.claim[data-claim="${c.id}"]`);
  await card().locator('details.review > summary').click();
  await card().locator('input[name=reviewer]').fill('Browser Tester');
  // A wrong token is refused and said so.
  await card().locator('input[name=token]').fill('not-the-token');
  await card().locator('button[type=submit]').click();
  await card().locator('.review-form .status.error').waitFor();
  assert.match(await card().locator('.review-form .status').textContent(), /forbidden|token/i);
  // The right one stores the confirmation; the card says who confirmed it.
  await card().locator('input[name=token]').fill(TOKEN);
  await card().locator('button[type=submit]').click();
  await card().locator('.badge.b-review.v-confirmed').waitFor();
  assert.match(await card().locator('.badge.b-review').textContent(), /confirmed by Browser Tester/);

  // Correct the type: the card shows the new value marked as a correction.
  const newType = c.type === 'casualties' ? 'attack' : 'casualties';
  await card().locator('details.review > summary').click();
  await card().locator('select[name=verdict]').selectOption('correct');
  await card().locator('select[name=field]').selectOption('type');
  await card().locator('select[name=value]').selectOption(newType);
  await card().locator('input[name=note]').fill('the sentence reports deaths');
  await card().locator('button[type=submit]').click();
  await card().locator('.badge.b-review.v-corrected').waitFor();
  assert.equal((await card().locator('.badge.b-type').textContent()).replace('✎', '').trim(), newType.replace(/_/g, ' '));
  assert.ok((await card().locator('.badge.b-type.corrected').count()) === 1);
  assert.match(await card().locator('ul.corrections').textContent(), new RegExp(`type: ${c.type}.*→.*${newType}`));
  // The audit trail, in the API and on the card.
  const trail = (await api(`claims/${enc(c.id)}/reviews`)).body.items;
  assert.deepEqual(
    trail.map((r) => [r.who, r.action]),
    [
      ['Browser Tester', 'confirm'],
      ['Browser Tester', 'correct'],
    ],
  );
  await card().locator('details.review > summary').click();
  await card().locator('ul.history li').nth(1).waitFor();
  assert.match(await card().locator('ul.history').textContent(), /Browser Tester: corrected type/);
  await card().scrollIntoViewIfNeeded();
  await shot(page, 'review');
  assertClean(page);
  await page.context().close();
});

test('timeline, network and map are drawn from the data', async () => {
  const page = await openPage(browser, { width: 1280, height: 860 });
  await visit(page, '#/timeline');
  assert.ok((await page.locator('ol.timeline li.item').count()) > 0, 'events (or dated claims) on the timeline');
  assert.ok((await page.locator('.histogram .hbar').count()) > 0);
  const href = await page.locator('ol.timeline li.item a').first().getAttribute('href');
  // An event links to its view; a dated claim (no events yet) to its sentence.
  assert.match(href, /^#\/(event\/ev%3A.+|doc\/.+\?(s=\d+|c=.+))$/);
  await shot(page, 'timeline');

  await visit(page, '#/network');
  const net = (await api('network?limit=300')).body;
  if (net.edges.length) {
    await page.locator('#cy canvas').first().waitFor({ state: 'attached' });
    assert.match(await page.locator('.info').first().textContent(), new RegExp(`${net.nodes.length} actors, ${net.edges.length} relations`));
  }
  await shot(page, 'network');

  await visit(page, '#/map');
  await page.locator('.leaflet-container').waitFor();
  // The base map ships in the page: country shapes, no tiles fetched.
  assert.ok((await page.locator('.leaflet-overlay-pane path').count()) > 50, 'country outlines drawn');
  assert.equal(await page.locator('img.leaflet-tile').count(), 0);
  await shot(page, 'map');
  assertClean(page);
  await page.context().close();
});

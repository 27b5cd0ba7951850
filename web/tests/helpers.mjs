// Shared set-up of the browser tests: Debian's Chromium driven by
// playwright-core (nothing downloaded), against a running `claimtrace serve`
// whose address and token scripts/browser-test.sh passes in the environment.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export const BASE = (process.env.CT_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
export const TOKEN = process.env.CT_TOKEN || '';
export const SHOTS = process.env.CT_SCREENSHOTS || 'bench-out/screenshots';
export const SEED = process.env.CT_SEED_DOC || '';
const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium';

export async function launch() {
  return chromium.launch({
    executablePath: EXECUTABLE,
    headless: true,
    // Root in a container: Chromium's sandbox needs user namespaces it may not have.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
}

/**
 * A fresh page that records what must never happen: uncaught errors, dialogs
 * (alert/confirm/prompt), and CSP violations reported to the console.
 */
export async function openPage(browser, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const trouble = { errors: [], dialogs: [], csp: [] };
  page.on('pageerror', (e) => trouble.errors.push(e.message));
  page.on('dialog', async (d) => {
    trouble.dialogs.push(d.message());
    await d.dismiss();
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) trouble.csp.push(m.text());
  });
  page.trouble = trouble;
  return page;
}

/** Go to a page route (`#/doc/x`) and wait until the view has rendered. */
export async function visit(page, hash) {
  await page.goto(`${BASE}/${hash}`);
  await settled(page);
}

/** Wait for the router's "rendered" flag on <body>, for the current route. */
export async function settled(page) {
  await page.waitForFunction(
    () => document.body.dataset.ready !== undefined && document.body.dataset.ready === (location.hash.replace(/^#/, '').split('?')[0] || '/'),
    null,
    { timeout: 15000 },
  );
}

export async function shot(page, name, { fullPage = false } = {}) {
  mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

export async function api(pathAndQuery, init = {}) {
  const res = await fetch(`${BASE}/api/${pathAndQuery}`, init);
  const ct = res.headers.get('content-type') || '';
  const body = ct.includes('json') ? await res.json() : await res.text();
  return { status: res.status, body, headers: res.headers };
}

export async function ingest(text, { name, contentType = 'text/plain', token = TOKEN } = {}) {
  const q = name ? `?name=${encodeURIComponent(name)}` : '';
  return api(`ingest${q}`, {
    method: 'POST',
    headers: { 'content-type': contentType, authorization: `Bearer ${token}` },
    body: text,
  });
}

/** Run `action` (a click, a submit) and wait until the page has rendered a new view because of it. */
export async function rerendered(page, action) {
  const before = Number(await page.evaluate(() => document.body.dataset.renders || 0));
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.renders || 0) > n && document.body.dataset.ready !== undefined, before, {
    timeout: 15000,
  });
}

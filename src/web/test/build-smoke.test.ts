/**
 * The built app (dist/web: `npm test` builds it first; built here when missing or older than its
 * sources), served as the real server serves it, shows the login page in headless Chromium (no API:
 * /api/me fails and the app goes to /login).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { ensureUiBuilt, ROOT } from '../../../test/e2e/support/served-app.ts';
import { CHROMIUM, launch } from './browser.ts';
import { serveStatic } from './static-server.ts';

const out = join(ROOT, 'dist/web');
let browser: Browser | undefined;

before(ensureUiBuilt);

after(async () => {
  await browser?.close();
});

test('vite build wrote the app (index.html)', () => {
  assert.ok(existsSync(`${out}/index.html`));
});

test('the built app shows the login page in Chinese, and English on the switch', { skip: !existsSync(CHROMIUM) && `no browser at ${CHROMIUM}` }, async () => {
  const { server, url } = await serveStatic(out);
  try {
    browser = await launch();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}/evaluations`);
    await page.getByTestId('login-username').waitFor({ timeout: 15000 });
    assert.match(new URL(page.url()).pathname, /^\/login/u);
    assert.ok(await page.getByTestId('login-password').isVisible());
    assert.match(await page.getByTestId('login-submit').innerText(), /登\s*录/u);
    await page.getByText('EN', { exact: true }).click();
    await page.getByText('Log in', { exact: true }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    server.close();
  }
});

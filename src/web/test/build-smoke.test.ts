/**
 * `vite build` succeeds and the built index.html, served as the real server serves it, shows the
 * login page in headless Chromium (no API: /api/me fails and the app goes to /login).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { build } from 'vite';
import type { Browser } from 'playwright-core';
import { CHROMIUM, launch } from './browser.ts';
import { serveStatic } from './static-server.ts';

const config = fileURLToPath(new URL('../vite.config.ts', import.meta.url));
// A directory of its own: the end-to-end tests serve dist/web meanwhile, and a build empties its outDir first.
const scratch = mkdtempSync(join(tmpdir(), 'jixiao-web-build-'));
const out = join(scratch, 'web');
let browser: Browser | undefined;

before(async () => {
  await build({ configFile: config, logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
});

after(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

test('vite build writes the app (index.html)', () => {
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
